// Package classify sorts a letter writer's reply into one of seven kinds
// (strong_yes, hesitant, decline, needs_info, uploaded, auto_reply, other)
// with explainable rules over the reply's new text, and reports the
// writer's own sentences that decided it.
//
// Each sentence is run through a table of cues (cues_*.go), one group per
// detector: completion (the letter is in: "uploaded it this morning", "it
// went in", a portal's "Status: Complete"), refusal ("Can't this year,
// sorry", "I have to withdraw"), a rule applied before writing ("I only
// write confidential letters"), agreement ("I'll write it", "Count me
// in"), strength, enthusiasm and advocacy ("glowing", "gladly", "happy to
// call the program directors", "you won't get a lukewarm letter"), hedges
// and reluctance ("only worked together briefly", "I'm swamped, but I
// suppose"), deferral and requests. Negation, conditions, modals ("I
// will upload it") and reported speech ("I said I would write") are
// scoped to the clause. Classify then combines the detectors.
//
// The rules favour hesitant recall: any hedge, doubted strength or a
// plain yes that avoids any strength makes a reply hesitant; a strong yes
// needs an agreement plus explicit strength, clear enthusiasm or
// advocacy.
package classify

import (
	"fmt"
	"os"
	"regexp"
	"strings"
	"time"

	"github.com/lorkeeper/lorkeeper/reader"
)

// Kind is the kind of a reply.
type Kind string

// The reply kinds, as defined by the corpus README.
const (
	StrongYes Kind = "strong_yes" // agrees and signals a strong letter
	Hesitant  Kind = "hesitant"   // agrees or half-agrees; the letter will likely be lukewarm
	Decline   Kind = "decline"    // will not write a letter
	NeedsInfo Kind = "needs_info" // no commitment yet; asks for information first
	Uploaded  Kind = "uploaded"   // the letter was uploaded or submitted
	AutoReply Kind = "auto_reply" // an automatic out-of-office or autoresponder reply
	Other     Kind = "other"      // anything else
)

// Kinds lists every kind, in a stable order.
func Kinds() []Kind {
	return []Kind{StrongYes, Hesitant, Decline, NeedsInfo, Uploaded, AutoReply, Other}
}

// Result is the classification of one message.
type Result struct {
	Kind Kind
	// Evidence holds the writer's own words that decided the kind:
	// sentences of the new text (never of the quoted original), or the
	// header field or subject that marked an automatic reply.
	Evidence []string
	// ReturnDate is the return date an automatic reply announces, if any.
	ReturnDate time.Time
	// Note explains anything unusual, e.g. "malformed message: …".
	Note string
}

// maxEvidence bounds the evidence reported per message.
const maxEvidence = 4

var (
	// notUploadSubject matches notice subjects about a request, a
	// reminder or a pending letter.
	notUploadSubject = regexp.MustCompile(`(?i)\b(?:requests?|requested|reminders?|pending|awaiting|not|missing|outstanding)\b`)
	// letterContext matches words that show a message is about the letter.
	letterContext = regexp.MustCompile(`(?i)\b(?:letters?|lors?|recommend\w*|references?|eras|writers?|write|writing|support (?:you|your)|the form|cv)\b`)
	// scheduling matches the wording of a reply about a meeting time.
	scheduling = regexp.MustCompile(`(?i)\b(?:\d{1,2}(?::\d\d)?\s*(?:am|pm|a\.m\.|p\.m\.)|works (?:for me|fine|great|well)|calendar|invite|zoom|meeting|see you (?:then|on|there)|talk (?:then|soon)|(?:mon|tues|wednes|thurs|fri|satur|sun)day)\b`)
	// uploadSubject matches a notice subject announcing an upload.
	uploadSubject = regexp.MustCompile(`(?i)\b(?:letters?|lors?|recommendations?)\b.*\b(?:uploaded|submitted|received|completed|delivered)\b|\b(?:uploaded|submitted|received)\b.*\b(?:letters?|lors?|recommendations?)\b`)
)

// Classify sorts m into a kind from its new text (never its quoted text),
// its automatic-reply verdict and, for service notices, its subject.
//
// The order of the rules: an automatic reply (unless only its wording
// said so and the writer clearly decided something); an upload (which
// wins over praise; "it went in" or "it's done" count in a letter thread,
// "done" not when the upload is said to be still to come); a service
// notice that is not an upload is other (or decline, when it reports
// one); a refusal without any offer to write (a withdrawal of an earlier
// yes included); a deferral ("before I commit") without a commitment is
// needs_info; a rule without a commitment is needs_info when the writer
// asks something, decline when it comes with regret only; any hedge,
// doubted strength or hedged offer is hesitant, and so is a reluctant yes
// without clear enthusiasm; an agreement is strong_yes with strength,
// enthusiasm or advocacy (a logistics question after it does not
// matter), else hesitant; a request for materials, a meeting or a
// deadline in a letter thread is needs_info; anything else is other.
func Classify(m *reader.Message) Result {
	if m == nil {
		return Result{Kind: Other, Note: "no message"}
	}
	fs := extract(m.NewText)
	ctx := letterContext.MatchString(m.Subject) || letterContext.MatchString(m.NewText)
	// The letter is in: said outright, or in a letter thread by "it went
	// in" or "it's done" (unless the upload is said to be still to come).
	done := fs.has(fUploaded) || ctx && (fs.has(fDoneWeak) || fs.has(fFinished) && !fs.has(fPending))

	if m.Auto.Is && !humanDecision(m, fs, done) {
		return autoReply(m)
	}
	if done {
		return result(Uploaded, fs.evidence(maxEvidence, fUploaded, fDoneWeak, fFinished))
	}
	if m.Report != "" {
		// A bounce or a read receipt says nothing about the letter.
		return result(Other, nil)
	}
	if m.IsNotice() {
		switch {
		case uploadSubject.MatchString(m.Subject) && !notUploadSubject.MatchString(m.Subject):
			return result(Uploaded, []string{m.Subject})
		case fs.has(fDecline):
			return result(Decline, fs.evidence(maxEvidence, fDecline))
		}
		return result(Other, firstSentence(fs))
	}

	offer := fs.has(fHedgeOffer)
	// A bare "Sure" agrees to the letter only when nothing suggests it
	// answers a scheduling question instead.
	weakOK := letterContext.MatchString(m.NewText) || (ctx && !scheduling.MatchString(m.NewText))
	agree := fs.has(fAgree) || (fs.has(fDeliver) && !fs.has(fAck)) || (fs.has(fAgreeWeak) && weakOK)
	hedged := fs.has(fHedge) || fs.has(fNegStrong) || fs.has(fHedgeCond)
	// Reluctance ("I'm swamped, but", "I suppose") makes a yes hesitant
	// unless the reply is clearly enthusiastic.
	reluctant := fs.has(fReluct) && (agree || offer) && fs.strength < 2
	asks := fs.has(fRequest) || fs.has(fNonCommit)

	switch {
	case fs.has(fDecline):
		if fs.has(fAgree) || offer {
			// Declines a strong letter but still offers one.
			return result(Hesitant, fs.evidence(maxEvidence, fNegStrong, fHedgeOffer, fHedgeCond, fHedge, fDecline, fAgree))
		}
		return result(Decline, fs.evidence(maxEvidence, fDecline))
	case fs.has(fNonCommit) && !fs.has(fAgree) && !offer:
		return result(NeedsInfo, fs.evidence(maxEvidence, fNonCommit, fRequest))
	case fs.has(fPolicy) && !agree && !offer:
		// A rule and no commitment: questions or requests ask for what the
		// rule needs; regret without a question is a refusal.
		if !asks && fs.has(fRegret) {
			return result(Decline, fs.evidence(maxEvidence, fPolicy, fRegret))
		}
		return result(NeedsInfo, fs.evidence(maxEvidence, fPolicy, fNonCommit, fRequest))
	case (offer || hedged) && (ctx || agree) || reluctant:
		return result(Hesitant, fs.evidence(maxEvidence, fNegStrong, fHedgeOffer, fHedgeCond, fHedge, fReluct))
	case agree && fs.strength >= 2:
		return result(StrongYes, fs.evidence(maxEvidence, fStrong, fPraise, fAgree, fAgreeWeak))
	case agree:
		// A yes that avoids any strength is the guide's polite warning.
		return result(Hesitant, fs.evidence(maxEvidence, fAgree, fAgreeWeak, fDeliver, fReluct))
	case fs.has(fStrong) && fs.strength >= 3 && fs.has(fRequest) && ctx:
		// Advocacy and a request for materials: an implicit strong yes.
		return result(StrongYes, fs.evidence(maxEvidence, fStrong, fPraise))
	case asks && ctx:
		return result(NeedsInfo, fs.evidence(maxEvidence, fNonCommit, fRequest))
	}
	ev := fs.evidence(maxEvidence, fAck)
	if len(ev) == 0 {
		ev = firstSentence(fs)
	}
	return result(Other, ev)
}

// humanDecision reports whether an automatic reply detected from wording
// alone is in fact a person's answer: it uploads, declines or commits.
func humanDecision(m *reader.Message, fs *features, done bool) bool {
	if m.Auto.Reason != "body wording" {
		return false
	}
	return done || fs.has(fDecline) || fs.has(fAgree) || fs.has(fHedgeOffer) || fs.strength >= 2
}

// autoReply builds the result for an automatic reply: the deciding header
// field or subject, and the sentence that reads as an automatic reply.
func autoReply(m *reader.Message) Result {
	var ev []string
	if m.Auto.Reason != "body wording" {
		ev = append(ev, m.Auto.Reason)
	}
	if m.Auto.Wording != "" {
		ev = append(ev, clip(m.Auto.Wording))
	}
	return Result{Kind: AutoReply, Evidence: ev, ReturnDate: m.Auto.Return}
}

func result(k Kind, evidence []string) Result {
	return Result{Kind: k, Evidence: evidence}
}

// greeting matches a salutation sentence, which is no evidence.
var greeting = regexp.MustCompile(`^(?:hi|hello|hey|dear|good (?:morning|afternoon|evening)|greetings|ol[aá]|caro|cara|prezado|prezada)\b`)

// firstSentence returns the first sentence that is not a greeting.
func firstSentence(fs *features) []string {
	for _, s := range fs.sents {
		if !greeting.MatchString(s.norm) && len(strings.Fields(s.norm)) > 1 {
			return []string{clip(s.text)}
		}
	}
	return nil
}

// KindFile reads and classifies one .eml file. It never panics. When the
// message is malformed, Note says so ("malformed message: …") and the kind
// is other unless the readable part still carries text to classify. Only
// a file that cannot be opened or read returns an error (with Kind other).
func KindFile(path string) (Result, error) {
	f, err := os.Open(path)
	if err != nil {
		return Result{Kind: Other, Note: "unreadable file"}, fmt.Errorf("classify %s: %w", path, err)
	}
	defer f.Close()
	m, perr := reader.Parse(f)
	if perr == nil {
		return Classify(m), nil
	}
	note := "malformed message: " + strings.TrimPrefix(perr.Error(), "parse message: ")
	if m == nil || strings.TrimSpace(m.NewText) == "" && !m.Auto.Is {
		return Result{Kind: Other, Note: note}, nil
	}
	r := Classify(m)
	r.Note = note
	return r, nil
}
