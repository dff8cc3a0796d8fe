// Package classify sorts a letter writer's reply into one of seven kinds
// (strong_yes, hesitant, decline, needs_info, uploaded, auto_reply, other),
// says how sure it is, and explains itself: the writer's own sentences
// that decided the kind, the named cues that fired and, in plain words,
// the reason.
//
// The judgement is a learned one. internal/feat turns a reply into named
// features: cues (hand-written patterns over the writer's sentences, with
// negation, conditions, modals and reported speech scoped to the clause:
// "only worked together briefly", "I'll see what I can do", "glowing"),
// their families, a few combinations of families ("a yes without any
// strength", "a refusal that still offers a letter"), facts about the
// message (automatic-reply headers, portal notices) and word and phrase
// n-grams. A softmax model weighs them; its weights are learned from the
// labelled development corpora by `go generate ./classify` and embedded
// (model.json). The confidence is the model's probability of the kind,
// calibrated on cross-validated predictions; below UnsureBelow a result is
// Unsure and the applicant is asked to read the reply.
//
// Only the new text counts: quoted text is removed by the reader, and any
// sentence that is the applicant's own ask ("would you be willing to
// write a strong letter") is dropped.
package classify

import (
	_ "embed"
	"fmt"
	"os"
	"strings"
	"sync"
	"time"

	"github.com/lorkeeper/lorkeeper/classify/internal/feat"
	"github.com/lorkeeper/lorkeeper/classify/internal/learn"
	"github.com/lorkeeper/lorkeeper/reader"
)

//go:generate go run ./internal/train -out model.json

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

// UnsureBelow is the confidence under which a result is Unsure: on
// cross-validation, errors are common below it and rare above it (see
// README.md).
const UnsureBelow = 0.8

// UnsurePrefix begins the Reason of an Unsure result; what follows says
// what the reply reads most like and what else it could be.
const UnsurePrefix = "unsure — please read it: "

// Result is the classification of one message.
type Result struct {
	Kind Kind
	// Evidence holds the writer's own words that decided the kind:
	// sentences of the new text (never of the quoted original), or the
	// header field or subject that marked an automatic reply or a notice.
	Evidence []string
	// ReturnDate is the return date an automatic reply announces, if any.
	ReturnDate time.Time
	// Note explains anything unusual, e.g. "malformed message: …".
	Note string
	// Confidence is how sure the kind is, from 0 to 1: the calibrated
	// probability of the kind.
	Confidence float64
	// Reason says in plain words why the reply got its kind, e.g.
	// `hedged: "only worked together briefly"`. It is set for every
	// hesitant, decline and unsure result.
	Reason string
	// Unsure reports a confidence below UnsureBelow: the applicant should
	// read the reply rather than trust the kind.
	Unsure bool
	// Cues names the cues that fired, those that pushed toward the kind
	// first.
	Cues []string
}

// maxEvidence bounds the evidence reported per message.
const maxEvidence = 4

//go:embed model.json
var modelJSON []byte

// model is the embedded model, decoded on first use.
var model = sync.OnceValue(func() *learn.Model {
	m, err := learn.Unmarshal(modelJSON)
	if err != nil {
		panic("classify: embedded model: " + err.Error())
	}
	for i, c := range m.Classes {
		if i >= len(Kinds()) || Kind(c) != Kinds()[i] {
			panic("classify: embedded model classes do not match the kinds")
		}
	}
	return m
})

// Warm decodes the model and compiles the cue table now, so the first
// reply classified does not wait for them. It is safe to call from any
// goroutine, any number of times.
func Warm() {
	model()
	feat.Warm()
}

// Classify sorts m into a kind from its new text (never its quoted text),
// its automatic-reply verdict, its headers and, for service notices, its
// subject.
func Classify(m *reader.Message) Result {
	if m == nil {
		return Result{Kind: Other, Note: "no message", Confidence: 1, Reason: "no message"}
	}
	return decide(model(), m, feat.Extract(m))
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
		return Result{Kind: Other, Note: note, Confidence: 1, Reason: "the message could not be read"}, nil
	}
	r := Classify(m)
	r.Note = note
	return r, nil
}
