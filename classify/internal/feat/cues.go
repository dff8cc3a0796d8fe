package feat

import (
	"regexp"
	"sync"
)

// feature is something a sentence of a reply can signal.
type feature int

const (
	fUploaded   feature = iota // the letter was uploaded or submitted
	fDoneWeak                  // something was handed in ("it went in", "All set, submitted"): an upload in a letter thread
	fFinished                  // the letter is written or done ("It's done"): an upload unless one is still pending
	fPending                   // the upload is still to come ("I'll upload it tomorrow")
	fDecline                   // the writer will not write (or withdraws)
	fPolicy                    // a rule the writer applies before writing ("I only write confidential letters")
	fRegret                    // regret that softens a refusal ("I'm sorry", "I hope you understand")
	fNegStrong                 // strength denied or doubted ("may not be very strong")
	fHedgeOffer                // a hedged commitment ("I'll see what I can do")
	fHedgeCond                 // an offer conditioned on its use ("if that would still be useful")
	fHedge                     // a limitation (short time together, a generic letter)
	fReluct                    // reluctance or minimal effort ("I'm swamped, but", "I suppose")
	fStrong                    // explicit strength, enthusiasm or advocacy (weight 2)
	fPraise                    // mild enthusiasm or praise (weight 1)
	fAgree                     // an explicit commitment to write
	fAgreeWeak                 // a bare yes ("Sure.", "Happy to help")
	fDeliver                   // a promise to deliver ("I'll get it done")
	fNonCommit                 // an explicit deferral ("before I commit")
	fRequest                   // asks for materials, a meeting or a deadline
	fAck                       // acknowledges receipt ("Got them, thanks")
	fAside                     // only routes the request (wrong person, passed on to the writer)
	numFeatures
)

var featureNames = [numFeatures]string{
	"uploaded", "handed in", "finished", "pending", "decline", "policy", "regret", "negated strength", "hedged offer",
	"conditional offer", "hedge", "reluctance", "strength", "praise", "agreement",
	"weak agreement", "delivery", "non-commitment", "request", "acknowledgement", "aside",
}

func (f feature) String() string { return featureNames[f] }

// cueFlags say how a cue reacts to its context.
type cueFlags uint8

const (
	// negatable: a negation earlier in the clause cancels the cue.
	negatable cueFlags = 1 << iota
	// negFlips: a negated match signals fNegStrong instead.
	negFlips
	// condOff: a conditional or purpose clause cancels the cue.
	condOff
	// noQuestion: the cue does not count inside a question.
	noQuestion
	// noModal: a modal or an intention earlier in the clause ("will",
	// "should", "going to") cancels the cue: the act has not happened.
	noModal
	// notReported: reported or counterfactual speech earlier in the clause
	// ("I said I would", "I would have been glad to") cancels the cue.
	notReported
	// noComparative: a comparison earlier in the clause ("Dr. Park could
	// write a more detailed letter", "better served by a strong letter")
	// cancels the cue: the strength is someone else's.
	noComparative
)

// cue is a pattern over a normalised sentence that signals a feature.
type cue struct {
	f     feature
	flags cueFlags
	re    []pattern
	// unless, when set, cancels a match whose following text it matches.
	unless *regexp.Regexp
	// veto, when set, cancels a match whose own text it matches.
	veto *regexp.Regexp
	// need, when set, cancels a match whose following text it does not
	// match.
	need *regexp.Regexp
}

// cues is the rule table, one part per detector: completion and refusal
// (cues_status.go), agreement, strength and hedges (cues_yes.go), and
// deferral, requests and acknowledgements (cues_info.go). Its hundreds
// of patterns are compiled on first use, not at start-up, so commands
// that never classify do not pay for them.
var cues = sync.OnceValue(func() []cue {
	return concat(statusCues(), yesCues(), hedgeCues(), infoCues())
})

func concat(parts ...[]cue) []cue {
	var out []cue
	for _, p := range parts {
		out = append(out, p...)
	}
	return out
}

// alt compiles named patterns: its arguments alternate a cue name and
// a pattern. Each top-level alternative of a pattern is kept as its own
// (small) regexp: Go matches several small programs much faster than one
// large alternation.
func alt(parts ...string) []pattern {
	if len(parts)%2 != 0 {
		panic("feat: alt wants name, pattern pairs")
	}
	out := make([]pattern, 0, len(parts))
	for i := 0; i < len(parts); i += 2 {
		for _, q := range splitTop(parts[i+1]) {
			p := compile(q)
			p.name = parts[i]
			out = append(out, p)
		}
	}
	return out
}

// splitTop splits a pattern at its top-level "|" (outside groups and
// classes).
func splitTop(p string) []string {
	var out []string
	depth, class, start := 0, false, 0
	for i := 0; i < len(p); i++ {
		switch c := p[i]; {
		case c == '\\':
			i++
		case class:
			class = c != ']'
		case c == '[':
			class = true
		case c == '(':
			depth++
		case c == ')':
			depth--
		case c == '|' && depth == 0:
			out = append(out, p[start:i])
			start = i + 1
		}
	}
	return append(out, p[start:])
}

const (
	// subject of a sentence about the writer or the letter's author.
	writerSubj = `(?:\bi|\bwe|\bhe|\bshe|\bdr\.? [a-z]+|\bprof\.? [a-z]+|\bprofessor [a-z]+)`
	// letterNoun names the letter.
	letterNoun = `(?:letters?|lors?|recommendations?|references?|letter of (?:recommendation|reference|support))`
	// adverbs that may sit between a subject and its verb.
	advs = `(?:\s+(?:just|already|now|finally|successfully|also|officially|actually|went ahead and|have|has|had))*`
)

// Warm compiles the cue table now, so the first reply classified does
// not wait for it. It is safe to call from any goroutine, any number of
// times.
func Warm() { cues() }
