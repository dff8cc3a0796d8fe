package feat

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// sentence is one sentence of the new text: as written (for evidence) and
// normalised for matching (lowercase, straight quotes, contractions
// expanded).
type sentence struct {
	text     string
	norm     string
	question bool
	// breaks holds the end offsets in norm of the clause breaks.
	breaks []int
	// src maps each byte of norm to the offset in text it came from.
	src []int
}

// maxSentences bounds the work done on very long replies.
const maxSentences = 200

var (
	// contractions expands the contractions the cue patterns rely on
	// (old, new pairs; at each position the first pair that matches wins).
	contractions = []string{
		"it's been", "it has been", "that's been", "that has been", "there's been", "there has been",
		"he's been", "he has been", "she's been", "she has been",
		"won't", "will not", "can't", "can not", "cannot", "can not", "shan't", "shall not",
		"n't", " not", "i'm", "i am", "'ll", " will", "'d", " would", "'ve", " have",
		"'re", " are", "it's", "it is", "that's", "that is", "there's", "there is",
		"let's", "let us", "what's", "what is", "when's", "when is", "he's", "he is", "she's", "she is",
	}
	// bareWords expands whole words typed without an apostrophe or
	// shortened on a phone ("cant", "im", "pls", "u").
	bareWords = map[string]string{
		"cant": "can not", "wont": "will not", "dont": "do not", "didnt": "did not", "doesnt": "does not",
		"isnt": "is not", "wasnt": "was not", "couldnt": "could not", "wouldnt": "would not",
		"shouldnt": "should not", "havent": "have not", "hasnt": "has not", "arent": "are not",
		"werent": "were not", "im": "i am", "ive": "i have", "youre": "you are", "youll": "you will",
		"thats": "that is", "u": "you", "ur": "your", "pls": "please", "plz": "please", "thx": "thanks",
		"wk": "week", "abt": "about", "cud": "could", "wud": "would", "shd": "should",
	}
	// punctuation maps typographic characters to ASCII ones.
	punctuation = []string{
		"\u2019", "'", "\u2018", "'", "\u201c", `"`, "\u201d", `"`, "\u00b4", "'", "`", "'",
		"\u2014", " - ", "\u2013", " - ", "\u2012", " - ", "\u2026", "...", "\u00a0", " ",
	}
	// bullet matches a list item marker at the start of a line.
	bullet = regexp.MustCompile(`^\s*(?:[-*•·]|\d{1,2}[.)])\s+`)
	// abbreviations lists words whose trailing period does not end a
	// sentence.
	abbreviations = map[string]bool{}
)

// normalize lowercases s, maps typographic punctuation to ASCII, expands
// contractions and collapses whitespace.
func normalize(s string) string {
	n, _ := normalizeMap(s, nil)
	return n
}

// normalizeMap normalizes s like normalize and returns, for every byte of
// the result, the offset in s of the byte it came from, so that a match
// in the normal form can be shown as the writer wrote it.
//
// Words in drop (lowercase: the applicant's names, used as vocatives) are
// removed.
func normalizeMap(s string, drop map[string]bool) (string, []int) {
	// Typographic punctuation, then lowercase, rune by rune.
	var b []byte
	var src []int
	for i := 0; i < len(s); {
		if rep, n := replaceAt(s, i, punctuation); n > 0 {
			for k := 0; k < len(rep); k++ {
				b = append(b, rep[k])
				src = append(src, i)
			}
			i += n
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r >= 0x2000 && (unicode.IsSymbol(r) || unicode.Is(unicode.Variation_Selector, r) || r == 0x200d) {
			// Emoji and pictographs ("Done ✔️ uploaded") read as spaces.
			b = append(b, ' ')
			src = append(src, i)
			i += size
			continue
		}
		if r < utf8.RuneSelf {
			c := byte(r)
			if c >= 'A' && c <= 'Z' {
				c += 'a' - 'A'
			}
			b = append(b, c)
			src = append(src, i)
		} else {
			l := unicode.ToLower(r)
			if r == utf8.RuneError && size == 1 {
				l = r
			}
			for _, c := range []byte(string(l)) {
				b = append(b, c)
				src = append(src, i)
			}
		}
		i += size
	}
	// Contractions.
	low := string(b)
	b2 := make([]byte, 0, len(low)+16)
	src2 := make([]int, 0, len(low)+16)
	for i := 0; i < len(low); {
		rep, n := bareWordAt(low, i, drop)
		if n == 0 {
			rep, n = replaceAt(low, i, contractions)
		}
		if n > 0 {
			for k := 0; k < len(rep); k++ {
				b2 = append(b2, rep[k])
				src2 = append(src2, src[min(i+k, i+n-1)])
			}
			i += n
			continue
		}
		b2 = append(b2, low[i])
		src2 = append(src2, src[i])
		i++
	}
	// Collapse and trim whitespace.
	out := b2[:0]
	src3 := src2[:0]
	space := true // drops leading spaces
	for i, c := range b2 {
		if c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' {
			if !space {
				out = append(out, ' ')
				src3 = append(src3, src2[i])
			}
			space = true
			continue
		}
		space = false
		out = append(out, c)
		src3 = append(src3, src2[i])
	}
	if len(out) > 0 && out[len(out)-1] == ' ' {
		out, src3 = out[:len(out)-1], src3[:len(src3)-1]
	}
	return string(out), src3
}

// replaceAt returns the replacement of the first pair whose old string
// starts s at i, and its length (0 when none does).
func replaceAt(s string, i int, pairs []string) (string, int) {
	c := s[i]
	for k := 0; k < len(pairs); k += 2 {
		old := pairs[k]
		if old[0] == c && strings.HasPrefix(s[i:], old) {
			return pairs[k+1], len(old)
		}
	}
	return "", 0
}

// bareWordAt returns the expansion of the whole word of bareWords that
// starts s at i, and its length (0 when there is none).
func bareWordAt(s string, i int, drop map[string]bool) (string, int) {
	if i > 0 && wordByte(s[i-1]) || !wordByte(s[i]) || s[i] == '\'' {
		return "", 0
	}
	j := i
	for j < len(s) && (s[j] >= 'a' && s[j] <= 'z' || s[j] >= 0x80) {
		j++
	}
	if j == i || j-i > 24 || j < len(s) && wordByte(s[j]) {
		return "", 0
	}
	if drop[s[i:j]] {
		return "", j - i
	}
	if j-i > 8 {
		return "", 0
	}
	if j+1 < len(s) && s[j] == '.' && s[j+1] >= 'a' && s[j+1] <= 'z' {
		return "", 0 // "u.s."
	}
	if rep, ok := bareWords[s[i:j]]; ok {
		return rep, j - i
	}
	return "", 0
}

func wordByte(c byte) bool {
	return c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '\'' || c >= 0x80
}

// original returns the text of s (a sentence) that produced bytes
// [i, j) of its normal form.
func (s *sentence) original(i, j int) string {
	if i < 0 || j > len(s.src) || i >= j {
		return ""
	}
	a, z := s.src[i], s.src[j-1]
	_, size := utf8.DecodeRuneInString(s.text[z:])
	return strings.TrimSpace(s.text[a : z+size])
}

// splitSentences splits text into sentences. Paragraphs (blank-line
// separated) and list items never share a sentence; lines within a
// paragraph are joined before splitting at sentence punctuation.
//
// drop lists words to remove (see normalizeMap).
func splitSentences(text string, drop map[string]bool) []sentence {
	var out []sentence
	for _, para := range splitParagraphs(text) {
		for _, s := range splitLong(splitPunct(para)) {
			s = strings.TrimSpace(s)
			if s == "" || !hasLetter(s) {
				continue
			}
			if len(out) == maxSentences {
				return out
			}
			norm, src := normalizeMap(s, drop)
			var breaks []int
			for _, loc := range clauseBreak.FindAllStringIndex(norm, -1) {
				breaks = append(breaks, loc[1])
			}
			out = append(out, sentence{
				text:     s,
				norm:     norm,
				src:      src,
				question: strings.HasSuffix(strings.TrimRight(s, `"') `), "?"),
				breaks:   breaks,
			})
		}
	}
	return out
}

// maxSentence bounds a sentence's length: longer runs without
// punctuation are cut at a space.
const maxSentence = 600

// splitLong cuts sentences longer than maxSentence at spaces.
func splitLong(sents []string) []string {
	var out []string
	for _, s := range sents {
		for len(s) > maxSentence {
			cut := strings.LastIndexByte(s[:maxSentence], ' ')
			if cut < maxSentence/2 {
				cut = maxSentence
				for cut > 0 && s[cut]&0xC0 == 0x80 {
					cut--
				}
			}
			out = append(out, s[:cut])
			s = s[cut:]
		}
		out = append(out, s)
	}
	return out
}

// splitParagraphs joins wrapped lines into paragraphs, starting a new one
// at a blank line or a list item.
func splitParagraphs(text string) []string {
	var out []string
	var cur []string
	flush := func() {
		if len(cur) > 0 {
			out = append(out, strings.Join(cur, " "))
			cur = cur[:0]
		}
	}
	for _, line := range strings.Split(text, "\n") {
		t := strings.TrimSpace(line)
		switch {
		case t == "":
			flush()
		case bullet.MatchString(t):
			flush()
			cur = append(cur, bullet.ReplaceAllString(t, ""))
		default:
			cur = append(cur, t)
		}
	}
	flush()
	return out
}

// splitPunct splits a paragraph after ".", "!" or "?" followed by a space,
// unless the period ends an abbreviation or an initial.
func splitPunct(p string) []string {
	var out []string
	start := 0
	for i := 0; i < len(p); i++ {
		c := p[i]
		if c != '.' && c != '!' && c != '?' {
			continue
		}
		j := i + 1
		for j < len(p) && (p[j] == '.' || p[j] == '!' || p[j] == '?' || p[j] == '"' || p[j] == '\'' || p[j] == ')') {
			j++
		}
		if j < len(p) && p[j] != ' ' {
			continue
		}
		if c == '.' && (isAbbreviation(p[start:i], p[j:]) || isInitial(p[max(start, i-3):i+1])) {
			continue
		}
		out = append(out, p[start:j])
		start = j
		i = j - 1
	}
	if start < len(p) {
		out = append(out, p[start:])
	}
	return out
}

func init() {
	for _, w := range strings.Fields("dr drs mr mrs ms prof profa dra st sr jr vs etc e.g i.e approx dept univ vol fig inc ltd co " +
		"a.m p.m u.s ph.d m.d jan feb mar apr jun jul aug sep sept oct nov dec mon tue wed thu fri") {
		abbreviations[w] = true
	}
}

// isAbbreviation reports whether the last word of s (the text before a
// period) is an abbreviation such as "Dr" or "e.g".
// "No." is one only before a number ("No. 4"), not in "say no. I hope".
func isAbbreviation(s, next string) bool {
	k := strings.LastIndexAny(s, " \t\n(")
	w := strings.ToLower(s[k+1:])
	if w == "no" {
		next = strings.TrimLeft(next, " ")
		return next != "" && next[0] >= '0' && next[0] <= '9'
	}
	return len(w) <= 5 && abbreviations[w]
}

// isInitial reports a sentence fragment ending in a single capital and a
// period, as in "J. Whitaker".
func isInitial(s string) bool {
	s = strings.TrimSuffix(s, ".")
	r, size := utf8.DecodeLastRuneInString(s)
	if !unicode.IsUpper(r) {
		return false
	}
	rest := s[:len(s)-size]
	return rest == "" || strings.HasSuffix(rest, " ")
}

func hasLetter(s string) bool {
	for _, r := range s {
		if unicode.IsLetter(r) {
			return true
		}
	}
	return false
}

var (
	// clauseBreak separates clauses: a negation or condition before it does
	// not reach past it.
	clauseBreak = regexp.MustCompile(`[,;:()]|\s-\s|\b(?:but|and|so|because|although|though|however|while|whereas|since)\b`)
	// negator matches words that negate what follows in the same clause.
	negator = regexp.MustCompile(`\b(?:not|no|never|nor|neither|unable|hardly|barely|no longer|nothing)\b`)
	// negationIdiom matches phrases that contain a negator but are not
	// negations ("no doubt", "can not wait").
	negationIdiom = regexp.MustCompile(`\b(?:no doubt|no question|not only|no hesitation|would not hesitate|will not hesitate|do not hesitate|did not hesitate|can not wait|could not be (?:happier|more|prouder)|can not say enough|could not recommend \w+ (?:more|highly enough)|no reservations?|not even a question|no problem|no worries)\b`)
	// conditional matches words that put what follows in a condition or a
	// purpose rather than a statement.
	conditional = regexp.MustCompile(`\b(?:if|whether|unless|before|until|once|when|in case|provided|to be sure|to make sure|make sure (?:i|that i) can|be certain|to ensure|whenever)\b`)
)

var (
	// modalWord matches a modal or an intention: what follows has not
	// happened ("I will upload it", "it should go in tomorrow").
	modalWord = regexp.MustCompile(`\b(?:will|would|shall|should|must|can|could|may|might|(?:going|plan|planning|hope|hoping|about|try|trying|intend|want|need|have|has|had|able|ready) to|let me|please)\b`)
	// complementizer starts a reported clause: "to confirm that her letter
	// went in" states the upload however the main clause is phrased.
	complementizer = regexp.MustCompile(`\b(?:that|which)\b`)
	// reportedWord matches reported or counterfactual speech: "I said I
	// would write", "I had hoped to", "I would have been glad to".
	reportedWord = regexp.MustCompile(`\b(?:said|told (?:you|him|her|them)|promised|mentioned|thought|had hoped|hoped|had planned|planned|originally|initially|earlier|would have|could have|wish|wished)\b`)
)

// modal reports whether a clause prefix ends in a modal or an intention
// (after any "that"): what follows has not happened.
func modal(pre string) bool {
	if locs := complementizer.FindAllStringIndex(pre, -1); len(locs) > 0 {
		pre = pre[locs[len(locs)-1][1]:]
	}
	return modalWord.MatchString(pre)
}

// reported reports whether a clause prefix puts what follows in reported
// or counterfactual speech.
func reported(pre string) bool {
	return reportedWord.MatchString(pre)
}

// clause returns the writer's text of the clause around bytes [i, j) of
// the normal form: from the clause break before i to the one after j.
func (s *sentence) clause(i, j int) string {
	start, end := 0, len(s.norm)
	for _, b := range s.breaks {
		if b <= i {
			start = b
		} else if b >= j {
			// b is the end of a break token; the clause ends before it.
			k := b
			for k > j && k > 0 && s.norm[k-1] != ' ' && s.norm[k-1] != ',' && s.norm[k-1] != ';' && s.norm[k-1] != ':' && s.norm[k-1] != '(' && s.norm[k-1] != ')' {
				k--
			}
			end = max(k, j)
			break
		}
	}
	// A long clause is cut to a few words around the match.
	if end-start > 90 {
		if i-start > 30 {
			start = i - 30
			for start < i && s.norm[start-1] != ' ' {
				start++
			}
		}
		if end-j > 40 {
			end = j + 40
			for end > j && s.norm[end] != ' ' {
				end--
			}
		}
	}
	for start < len(s.norm) && (s.norm[start] == ' ' || s.norm[start] == ',') {
		start++
	}
	return strings.Trim(s.original(start, end), " ,;:-")
}

// clausePrefix returns the part of s.norm before position i that belongs
// to the same clause, limited to its last 12 words.
func (s *sentence) clausePrefix(i int) string {
	start := 0
	for _, b := range s.breaks {
		if b > i {
			break
		}
		start = b
	}
	pre := strings.TrimSpace(s.norm[start:i])
	for k, n := len(pre)-1, 0; k >= 0; k-- {
		if pre[k] == ' ' {
			if n++; n == 12 {
				return pre[k+1:]
			}
		}
	}
	return pre
}

// negated reports whether a clause prefix negates what follows.
func negated(pre string) bool {
	hasNo := strings.Contains(pre, "no")
	if !hasNo && !strings.Contains(pre, "ne") && !strings.Contains(pre, "unable") &&
		!strings.Contains(pre, "hardly") && !strings.Contains(pre, "barely") {
		return false
	}
	if hasNo {
		// every idiom contains "no"
		pre = negationIdiom.ReplaceAllString(pre, " ")
	}
	return negator.MatchString(pre)
}

// conditioned reports whether a clause prefix puts what follows in a
// condition or a purpose ("if ...", "before I say yes", "want to be sure
// I can ...").
func conditioned(pre string) bool {
	if !conditional.MatchString(pre) {
		return false
	}
	// "If you'd like, I can still write" leaves the offer standing: the
	// condition is the applicant's wish, not the writer's reservation.
	return conditional.MatchString(politeCondition.ReplaceAllString(pre, " "))
}

// politeCondition matches conditions that only defer to the applicant's
// wish ("if you'd like", "if you want", "if you wish").
var politeCondition = regexp.MustCompile(`\bif you(?: would| still| really| do)? (?:like|want|wish|prefer)(?: (?:me to|it|one|that))?\b`)
