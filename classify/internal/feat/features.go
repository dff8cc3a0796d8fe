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

// extract runs the cue table over the sentences of text.
func extract(text string) *features {
	return extractSents(splitSentences(text, nil))
}

// extractSents runs the cue table over the sentences. Patterns whose
// literals the text lacks are skipped up front; the others run on each
// sentence that holds their literals (small inputs keep Go's regexp on
// its fast backtracking path), and each match is judged in its clause.
func extractSents(sents []sentence) *features {
	fs := &features{sents: sents}
	var all strings.Builder
	for _, s := range fs.sents {
		all.WriteString(s.norm)
		all.WriteByte('\n')
	}
	joined := all.String()
	perSent := make([][]hit, len(sents))
	table := cues()
	whole := newLitCache(joined, nil)
	caches := make([]*litCache, len(sents))
	for k := range caches {
		caches[k] = newLitCache(fs.sents[k].norm, nil)
	}
	var flipped []string
	var flippedAt []int
	var counted []bool
	for _, c := range table {
		var ps []pattern
		for _, p := range c.re {
			if p.possibleIn(whole) {
				ps = append(ps, p)
			}
		}
		if len(ps) == 0 {
			continue
		}
		if c.flags&negFlips != 0 {
			flipped = append(flipped[:0], make([]string, len(sents))...)
			flippedAt = append(flippedAt[:0], make([]int, len(sents))...)
			counted = append(counted[:0], make([]bool, len(sents))...)
		}
		for _, p := range ps {
			for k := range fs.sents {
				s := &fs.sents[k]
				if hasName(perSent[k], p.name) || !p.possibleIn(caches[k]) {
					continue
				}
				for _, loc := range p.re.FindAllStringIndex(s.norm, 4) {
					i, j := loc[0], loc[1]
					v := judge(c, s, i, j)
					if v == 2 {
						perSent[k] = append(perSent[k], hit{name: p.name, fam: c.f, sent: k, span: s.clause(i, j), pos: i})
						if c.flags&negFlips != 0 {
							counted[k] = true
						}
						break
					}
					if v == 1 && c.flags&negFlips != 0 && flipped[k] == "" {
						start := i
						if pre := s.clausePrefix(i); pre != "" {
							start = max(0, i-len(pre)-1)
						}
						flipped[k], flippedAt[k] = s.clause(start, j), start
					}
				}
			}
		}
		if c.flags&negFlips != 0 {
			for k, f := range flipped {
				if f != "" && !counted[k] && !hasName(perSent[k], negatedStrength) {
					perSent[k] = append(perSent[k], hit{name: negatedStrength, fam: fNegStrong, sent: k, span: f, pos: flippedAt[k]})
				}
			}
		}
	}
	for i, s := range fs.sents {
		var seen [numFeatures]bool
		first := len(fs.cues)
		for _, h := range perSent[i] {
			fs.cues = append(fs.cues, h)
			if !seen[h.fam] {
				seen[h.fam] = true
				fs.hits[h.fam] = append(fs.hits[h.fam], i)
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

// hasName reports whether hits holds a cue of that name.
func hasName(hits []hit, name string) bool {
	for _, h := range hits {
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
