package classify

import (
	"regexp"
	"strings"
)

// features records, for each feature, the sentences that signal it.
type features struct {
	sents []sentence
	hits  [numFeatures][]int
	// strength sums, over sentences, 2 for explicit strength and 1 for
	// enthusiasm or praise.
	strength int
}

func (fs *features) has(f feature) bool { return len(fs.hits[f]) > 0 }

// smallTalk matches questions that ask for nothing.
var smallTalk = regexp.MustCompile(`\b(?:how are you|how have you been|how is|how was|how did|how are things|hope you)\b`)

// infoQuestion matches questions about the letter, the application or the
// time together, as opposed to unrelated ones.
var infoQuestion = regexp.MustCompile(`\b(?:deadline|due|when|by what date|what date|programs?|applying|apply|specialt(?:y|ies)|form|cv|resume|statement|letter|lor|rotat\w*|elective|observership|dates?|months?|portal|eras|submit\w*|send|sent|address\w*|sign\w*|letterhead|worked|work on|remind|highlight|emphasi[sz]e|mention|focus|write about|include|cover|who else|how many|how long|which|what (?:did|were|was)|transcript|scores?|step|visa|waiv\w*|confidential|access|letterhead|format|free|available|weeks?|with (?:us|me)|(?:ok|okay|fine|alright) with you)\b`)

// extract runs the cue table over the sentences of text. Patterns whose
// literals the text lacks are skipped up front; the others run on each
// sentence (small inputs keep Go's regexp on its fast backtracking path).
func extract(text string) *features {
	fs := &features{sents: splitSentences(text)}
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
		for _, c := range active {
			f, ok := matchCue(c, &fs.sents[i])
			if !ok || seen[f] {
				continue
			}
			seen[f] = true
			fs.hits[f] = append(fs.hits[f], i)
		}
		if s.question && !seen[fRequest] && infoQuestion.MatchString(s.norm) && !smallTalk.MatchString(s.norm) {
			seen[fRequest] = true
			fs.hits[fRequest] = append(fs.hits[fRequest], i)
		}
		// An offer beyond the letter ("glad to call the program directors
		// if that would help") is not a letter conditioned on its use.
		if seen[fStrong] && seen[fHedgeCond] {
			fs.drop(fHedgeCond, i)
		}
		// A rule stated in general ("I write letters only for students who
		// ...") is not a commitment to this applicant.
		if seen[fPolicy] && !secondPerson.MatchString(s.norm) {
			seen[fAgree], seen[fAgreeWeak] = false, false
			fs.drop(fAgree, i)
			fs.drop(fAgreeWeak, i)
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

// secondPerson matches words addressing the applicant.
var secondPerson = regexp.MustCompile(`\b(?:you|your|yours)\b`)

// drop removes sentence i from the hits of f.
func (fs *features) drop(f feature, i int) {
	if h := fs.hits[f]; len(h) > 0 && h[len(h)-1] == i {
		fs.hits[f] = h[:len(h)-1]
	}
}

// matchCue reports the feature a cue signals in a sentence: its own when a
// match counts, fNegStrong when only negated matches of a negFlips cue
// were found.
func matchCue(c cue, s *sentence) (feature, bool) {
	flipped := false
	for _, p := range c.re {
		if !p.possible(s.norm) {
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
			switch judge(c, s, l[0], l[1]) {
			case 2:
				return c.f, true
			case 1:
				flipped = flipped || c.flags&negFlips != 0
			}
		}
	}
	if flipped {
		return fNegStrong, true
	}
	return 0, false
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
	if c.flags&(condOff|noModal|notReported|negatable) == 0 {
		return 2
	}
	pre := s.clausePrefix(i)
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

// evidence returns the distinct sentences that signal any of fs, in text
// order, at most max.
func (fs *features) evidence(max int, want ...feature) []string {
	var idx []int
	seen := map[int]bool{}
	for _, f := range want {
		for _, i := range fs.hits[f] {
			if !seen[i] {
				seen[i] = true
				idx = append(idx, i)
			}
		}
	}
	for i := 1; i < len(idx); i++ {
		for j := i; j > 0 && idx[j] < idx[j-1]; j-- {
			idx[j], idx[j-1] = idx[j-1], idx[j]
		}
	}
	var out []string
	for _, i := range idx {
		if len(out) == max {
			break
		}
		out = append(out, clip(fs.sents[i].text))
	}
	return out
}

// clip shortens long evidence to its first 300 bytes at a word boundary.
func clip(s string) string {
	const limit = 300
	if len(s) <= limit {
		return s
	}
	cut := strings.LastIndexByte(s[:limit], ' ')
	if cut < limit/2 {
		cut = limit
	}
	for cut > 0 && cut < len(s) && s[cut]&0xC0 == 0x80 {
		cut--
	}
	return strings.TrimSpace(s[:cut]) + "…"
}
