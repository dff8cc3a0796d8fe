package feat

import (
	"regexp"
	"strings"
)

// hit is one cue that fired in one sentence.
type hit struct {
	name string  // the cue's name ("hedge.short_time")
	fam  feature // its family
	sent int     // the sentence
	// span is the matched text, as the writer wrote it.
	span string
	// pos is the offset of the match in the sentence's normal form.
	pos int
}

// features records, for each family, the sentences that signal it, and
// every named cue that fired.
type features struct {
	sents []sentence
	hits  [numFeatures][]int
	cues  []hit
	// strength sums, over sentences, 2 for explicit strength and 1 for
	// enthusiasm or praise.
	strength int
}

func (fs *features) has(f feature) bool { return len(fs.hits[f]) > 0 }

// smallTalk matches questions that ask for nothing.
var smallTalk = regexp.MustCompile(`\b(?:how are you|how have you been|how is|how was|how did|how are things|hope you)\b`)

// infoQuestion matches questions about the letter, the application or the
// time together, as opposed to unrelated ones.
var infoQuestion = regexp.MustCompile(`\b(?:deadline|due|when|by what date|what date|programs?|applying|apply|specialt(?:y|ies)|form|cv|resume|statement|letter|lor|rotat\w*|elective|observership|dates?|months?|portal|eras|submit\w*|send|sent|address\w*|sign\w*|letterhead|worked|work on|remind|highlight|emphasi[sz]e|mention|focus|write about|include|cover|who else|how many|how long|which|what (?:did|were|was)|transcript|scores?|step|visa|waiv\w*|confidential|access|letterhead|format|free|available|weeks?|with (?:us|me)|(?:ok|okay|fine|alright) with you|who is this|who are you|remind me)\b`)

// extract runs the cue table over the sentences of text. Patterns whose
// literals the text lacks are skipped up front; the others run on each
// sentence (small inputs keep Go's regexp on its fast backtracking path).
func extract(text string) *features {
	return extractSents(splitSentences(text, nil))
}

func extractSents(sents []sentence) *features {
	fs := &features{sents: sents}
	var all strings.Builder
	for _, s := range fs.sents {
		all.WriteString(s.norm)
		all.WriteByte('\n')
	}
	joined := all.String()
	table := cues()
	active := make([]cue, 0, len(table))
	for _, c := range table {
		var ps []pattern
		for _, p := range c.re {
			if p.possible(joined) {
				ps = append(ps, p)
			}
		}
		if len(ps) > 0 {
			c.re = ps
			active = append(active, c)
		}
	}
	for i, s := range fs.sents {
		var seen [numFeatures]bool
		first := len(fs.cues)
		for _, c := range active {
			for _, h := range matchCue(c, &fs.sents[i]) {
				h.sent = i
				if !fs.hasCue(first, h.name) {
					fs.cues = append(fs.cues, h)
				}
				if !seen[h.fam] {
					seen[h.fam] = true
					fs.hits[h.fam] = append(fs.hits[h.fam], i)
				}
			}
		}
		if s.question && !seen[fRequest] && infoQuestion.MatchString(s.norm) && !smallTalk.MatchString(s.norm) {
			seen[fRequest] = true
			fs.hits[fRequest] = append(fs.hits[fRequest], i)
			loc := infoQuestion.FindStringIndex(s.norm)
			fs.cues = append(fs.cues, hit{name: "request.question", fam: fRequest, sent: i, span: s.clause(loc[0], loc[1]), pos: loc[0]})
		}
		// An offer beyond the letter ("glad to call the program directors
		// if that would help") is not a letter conditioned on its use.
		if seen[fStrong] && seen[fHedgeCond] {
			fs.drop(fHedgeCond, i, first)
		}
		// A rule stated in general ("I write letters only for students who
		// ...") is not a commitment to this applicant.
		if seen[fPolicy] && !secondPerson.MatchString(s.norm) {
			seen[fAgree], seen[fAgreeWeak] = false, false
			fs.drop(fAgree, i, first)
			fs.drop(fAgreeWeak, i, first)
		}
		switch {
		case seen[fStrong]:
			fs.strength += 2
		case seen[fPraise]:
			fs.strength++
		}
	}
	return fs
}

func (fs *features) hasCue(from int, name string) bool {
	for _, h := range fs.cues[from:] {
		if h.name == name {
			return true
		}
	}
	return false
}

// secondPerson matches words addressing the applicant.
var secondPerson = regexp.MustCompile(`\b(?:you|your|yours)\b`)

// drop removes sentence i from the hits of f, and its cues of family f
// (those recorded from index from on).
func (fs *features) drop(f feature, i, from int) {
	if h := fs.hits[f]; len(h) > 0 && h[len(h)-1] == i {
		fs.hits[f] = h[:len(h)-1]
	}
	kept := fs.cues[:from]
	for _, h := range fs.cues[from:] {
		if h.fam != f {
			kept = append(kept, h)
		}
	}
	fs.cues = kept
}

// comparativeWord matches a comparison with another writer's letter.
var comparativeWord = regexp.MustCompile(`\b(?:more|better|stronger|less)\s*$|\bbetter served by\b[^.]*$|\b(?:than|instead of|rather than) (?:mine|me|i could|i can)\b[^.]*$`)

// comparative reports whether the text before a match compares the
// letter with someone else's ("a more detailed letter", "better served by
// a strong letter from a radiologist").
func comparative(before string) bool {
	before = strings.TrimRight(before, " ")
	before = strings.TrimSuffix(before, " a")
	return comparativeWord.MatchString(before) && !strings.HasSuffix(before, "more than")
}

// negatedStrength names the cue a negated strength match becomes.
const negatedStrength = "doubt.negated_strength"

// matchCue returns the named cues of c that count in sentence s: each
// pattern name once, with its family; a negated match of a negFlips cue
// counts as doubted strength instead.
func matchCue(c cue, s *sentence) []hit {
	var out []hit
	flipped, flippedAt := "", 0
	have := func(name string) bool {
		for _, h := range out {
			if h.name == name {
				return true
			}
		}
		return false
	}
	for _, p := range c.re {
		if have(p.name) || !p.possible(s.norm) {
			continue
		}
		loc := p.re.FindStringIndex(s.norm)
		if loc == nil {
			continue
		}
		locs := [][]int{loc}
		if judge(c, s, loc[0], loc[1]) != 2 {
			locs = p.re.FindAllStringIndex(s.norm, 4)
		}
		for _, l := range locs {
			v := judge(c, s, l[0], l[1])
			if v == 2 {
				out = append(out, hit{name: p.name, fam: c.f, span: s.clause(l[0], min(l[1], len(s.norm))), pos: l[0]})
				break
			}
			if v == 1 && c.flags&negFlips != 0 && flipped == "" {
				start := l[0]
				if pre := s.clausePrefix(l[0]); pre != "" {
					start = max(0, l[0]-len(pre)-1)
				}
				flipped, flippedAt = s.original(start, min(l[1], len(s.norm))), start
			}
		}
	}
	if len(out) == 0 && flipped != "" {
		out = append(out, hit{name: negatedStrength, fam: fNegStrong, span: flipped, pos: flippedAt})
	}
	return out
}

// judge decides what a match at [i, j) of sentence s means for cue c:
// 2 when it counts, 1 when only a negation cancels it, 0 otherwise.
func judge(c cue, s *sentence, i, j int) uint8 {
	if j > len(s.norm) {
		j = len(s.norm)
	}
	switch {
	case c.flags&noQuestion != 0 && s.question:
		return 0
	case c.unless != nil && c.unless.MatchString(s.norm[j:]):
		return 0
	case c.veto != nil && c.veto.MatchString(s.norm[i:j]):
		return 0
	case c.need != nil && !c.need.MatchString(s.norm[j:]):
		return 0
	}
	if c.flags&(condOff|noModal|notReported|negatable|noComparative) == 0 {
		return 2
	}
	pre := s.clausePrefix(i)
	if c.flags&noComparative != 0 && comparative(s.norm[:i]) {
		return 0
	}
	switch {
	case pre == "":
		return 2
	case c.flags&condOff != 0 && conditioned(pre):
		return 0
	case c.flags&noModal != 0 && modal(pre):
		return 0
	case c.flags&notReported != 0 && reported(pre):
		return 0
	case c.flags&negatable != 0 && negated(pre):
		return 1
	}
	return 2
}
