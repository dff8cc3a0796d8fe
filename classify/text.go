package classify

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
}

// maxSentences bounds the work done on very long replies.
const maxSentences = 200

var (
	// contractions expands the contractions the cue patterns rely on.
	contractions = strings.NewReplacer(
		"won't", "will not", "can't", "can not", "cannot", "can not", "shan't", "shall not",
		"n't", " not", "i'm", "i am", "'ll", " will", "'d", " would", "'ve", " have",
		"'re", " are", "it's", "it is", "that's", "that is", "there's", "there is",
		"let's", "let us", "what's", "what is", "when's", "when is", "he's", "he is", "she's", "she is",
	)
	// punctuation maps typographic characters to ASCII ones.
	punctuation = strings.NewReplacer(
		"\u2019", "'", "\u2018", "'", "\u201c", `"`, "\u201d", `"`, "\u00b4", "'", "`", "'",
		"\u2014", " - ", "\u2013", " - ", "\u2012", " - ", "\u2026", "...", "\u00a0", " ",
	)
	spaces = regexp.MustCompile(`\s+`)
	// bullet matches a list item marker at the start of a line.
	bullet = regexp.MustCompile(`^\s*(?:[-*•·]|\d{1,2}[.)])\s+`)
	// abbreviation matches words whose trailing period does not end a
	// sentence.
	abbreviation = regexp.MustCompile(`(?i)(?:^|[\s(])(?:dr|drs|mr|mrs|ms|prof|profa|dra|st|sr|jr|vs|etc|e\.g|i\.e|approx|dept|univ|no|vol|fig|inc|ltd|co|a\.m|p\.m|u\.s|ph\.d|m\.d|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec|mon|tue|wed|thu|fri)\.$`)
)

// normalize lowercases s, maps typographic punctuation to ASCII, expands
// contractions and collapses whitespace.
func normalize(s string) string {
	s = strings.ToLower(punctuation.Replace(s))
	s = contractions.Replace(s)
	return strings.TrimSpace(spaces.ReplaceAllString(s, " "))
}

// splitSentences splits text into sentences. Paragraphs (blank-line
// separated) and list items never share a sentence; lines within a
// paragraph are joined before splitting at sentence punctuation.
func splitSentences(text string) []sentence {
	var out []sentence
	for _, para := range splitParagraphs(text) {
		for _, s := range splitPunct(para) {
			s = strings.TrimSpace(s)
			if s == "" || !hasLetter(s) {
				continue
			}
			if len(out) == maxSentences {
				return out
			}
			out = append(out, sentence{
				text:     s,
				norm:     normalize(s),
				question: strings.HasSuffix(strings.TrimRight(s, `"') `), "?"),
			})
		}
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
		if c == '.' && (abbreviation.MatchString(p[max(start, i-12):i+1]) || isInitial(p[max(start, i-3):i+1])) {
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
	conditional = regexp.MustCompile(`\b(?:if|whether|unless|before|until|once|when|in case|provided|to be sure|make sure|be certain|ensure|whenever)\b`)
)

// clausePrefix returns the part of s before position i that belongs to the
// same clause, limited to its last 12 words.
func clausePrefix(s string, i int) string {
	pre := s[:i]
	if locs := clauseBreak.FindAllStringIndex(pre, -1); len(locs) > 0 {
		pre = pre[locs[len(locs)-1][1]:]
	}
	words := strings.Fields(pre)
	if len(words) > 12 {
		words = words[len(words)-12:]
	}
	return strings.Join(words, " ")
}

// negated reports whether the match at [i, j) in s is negated within its
// clause, or contains a negation itself.
func negated(s string, i int) bool {
	pre := negationIdiom.ReplaceAllString(clausePrefix(s, i), " ")
	return negator.MatchString(pre)
}

// conditioned reports whether the match at position i in s sits in a
// conditional or purpose clause ("if ...", "before I say yes", "want to be
// sure I can ...").
func conditioned(s string, i int) bool {
	return conditional.MatchString(clausePrefix(s, i))
}
