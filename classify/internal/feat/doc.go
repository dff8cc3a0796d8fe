// Package feat turns a parsed reply into the named features the
// classifier weighs: cues (hand-written patterns over the writer's own
// sentences, with negation, conditions and reported speech scoped to the
// clause), their families, combinations of families that the old rule
// cascade used, facts about the message (automatic-reply headers, portal
// notices), and word and phrase n-grams of the new text.
//
// Every feature remembers the sentences that fired it, so the classifier
// can show the writer's sentences that decided a kind.
package feat

import (
	"regexp"
	"sort"
	"strings"

	"github.com/lorkeeper/lorkeeper/reader"
)

// Group says what kind of feature a name is; it is the part of the name
// before the first ":".
type Group string

// The feature groups.
const (
	GroupCue     Group = "cue"   // a named pattern ("cue:hedge.short_time")
	GroupFamily  Group = "fam"   // any cue of a family fired ("fam:hedge")
	GroupCombo   Group = "combo" // a combination of families ("combo:yes_without_strength")
	GroupMeta    Group = "meta"  // a fact about the message ("meta:auto_header")
	GroupWord    Group = "w"     // a word of the new text ("w:briefly", "w:not_strong")
	GroupBigram  Group = "b"     // two consecutive words ("b:only_worked")
	GroupUnknown Group = ""
)

// GroupOf returns the group of a feature name.
func GroupOf(name string) Group {
	if i := strings.IndexByte(name, ':'); i > 0 {
		return Group(name[:i])
	}
	return GroupUnknown
}

// Feature is one feature of a reply.
type Feature struct {
	Name string
	// Sents lists the sentences (indexes into Doc.Sents) that fired it;
	// empty for facts about the whole message.
	Sents []int
	// Span is the text that fired a cue: the matched words of its first
	// sentence, as the writer wrote them.
	Span string
}

// Sentence is one sentence of the writer's new text.
type Sentence struct {
	Text     string // as written
	Norm     string // lowercase, ASCII punctuation, contractions expanded
	Question bool
}

// Doc is what a reply says, as features.
type Doc struct {
	Sents    []Sentence
	Features []Feature // sorted by name, each name once
	// Strength is the strength score of the old rules: 2 per sentence with
	// explicit strength, 1 per sentence with praise only.
	Strength int
}

// Names returns the feature names.
func (d *Doc) Names() []string {
	out := make([]string, len(d.Features))
	for i, f := range d.Features {
		out[i] = f.Name
	}
	return out
}

// Has reports whether the doc has the named feature.
func (d *Doc) Has(name string) bool {
	i := sort.Search(len(d.Features), func(i int) bool { return d.Features[i].Name >= name })
	return i < len(d.Features) && d.Features[i].Name == name
}

var (
	// notUploadSubject matches notice subjects about a request, a
	// reminder or a pending letter.
	notUploadSubject = regexp.MustCompile(`(?i)\b(?:requests?|requested|reminders?|pending|awaiting|not|missing|outstanding)\b`)
	// letterContext matches words that show a message is about the letter.
	letterContext = regexp.MustCompile(`\b(?:letters?|lors?|recommend\w*|references?|eras|writers?|write|writing|support (?:you|your)|the form|cv)\b`)
	// scheduling matches the wording of a reply about a meeting time.
	scheduling = regexp.MustCompile(`\b(?:\d{1,2}(?::\d\d)?\s*(?:am|pm|a\.m\.|p\.m\.)|works (?:for me|fine|great|well)|calendar|invite|zoom|meeting|see you (?:then|on|there)|talk (?:then|soon)|(?:mon|tues|wednes|thurs|fri|satur|sun)day)\b`)
	// uploadSubject matches a notice subject announcing an upload.
	uploadSubject = regexp.MustCompile(`(?i)\b(?:letters?|lors?|recommendations?|references?)\b.*\b(?:uploaded|submitted|received|completed|delivered)\b|\b(?:uploaded|submitted|received)\b.*\b(?:letters?|lors?|recommendations?|references?)\b`)
	// askEcho matches the applicant's own request, left in the new text
	// when a quote was not recognised: it never counts.
	askEcho = regexp.MustCompile(`\b(?:would|could|will|can) you (?:(?:please|kindly) )?(?:be (?:willing|able|kind enough|so kind as) to |consider |please )?(?:write|writing|provide|providing) (?:me )?(?:a |an )?strong (?:letter|lor|recommendation|reference)|\bi am (?:writing|reaching out|emailing) to (?:ask|request|see) (?:if|whether|you)\b|\bwrite (?:me )?a strong letter of recommendation for (?:me|my)\b`)
)

// maxText bounds the bytes of new text that are read.
const maxText = 16 << 10

// Extract computes the features of m.
func Extract(m *reader.Message) *Doc {
	if m == nil {
		m = &reader.Message{}
	}
	text := m.NewText
	if len(text) > maxText {
		// A reply is judged by its first pages; the rest would only cost
		// time (a pasted letter, a runaway quote).
		cut := strings.LastIndexByte(text[:maxText], '\n')
		if cut < maxText/2 {
			cut = maxText
		}
		for cut > 0 && text[cut]&0xC0 == 0x80 {
			cut--
		}
		text = text[:cut]
	}
	var sents []sentence
	for _, s := range splitSentences(text, vocatives(m)) {
		if !askEcho.MatchString(s.norm) {
			sents = append(sents, s)
		}
	}
	fs := extractSents(sents)
	d := &Doc{Strength: fs.strength}
	for _, s := range fs.sents {
		d.Sents = append(d.Sents, Sentence{Text: s.text, Norm: s.norm, Question: s.question})
	}
	b := builder{byName: map[string]int{}}

	for _, h := range fs.cues {
		b.add(string(GroupCue)+":"+h.name, h.sent, h.span)
	}
	for f := feature(0); f < numFeatures; f++ {
		for _, i := range fs.hits[f] {
			b.add("fam:"+featureKey[f], i, "")
		}
	}
	subject, text := strings.ToLower(m.Subject), strings.ToLower(m.NewText)
	ctx := msgContext{
		subject: letterContext.MatchString(subject),
		text:    letterContext.MatchString(text),
		sched:   scheduling.MatchString(text),
	}
	metaFeatures(&b, m, fs, ctx)
	comboFeatures(&b, m, fs, ctx)
	lexical(&b, fs.sents)

	d.Features = b.out
	sort.Slice(d.Features, func(i, j int) bool { return d.Features[i].Name < d.Features[j].Name })
	return d
}

// notNames lists words that are names only sometimes: they stay.
var notNames = map[string]bool{
	"will": true, "may": true, "hope": true, "can": true, "grace": true, "joy": true, "faith": true,
	"mark": true, "bill": true, "sunny": true, "rose": true, "summer": true, "august": true, "june": true,
	"april": true, "dear": true, "doctor": true, "the": true, "and": true, "van": true, "von": true, "de": true,
	"da": true, "del": true, "dos": true, "das": true, "le": true, "la": true, "el": true, "al": true, "bin": true,
}

// vocatives returns the words of the recipients' names (the applicant's),
// lowercased: used to address them ("sorry yusuf cant this cycle"), they
// carry no meaning and are dropped from the sentences.
func vocatives(m *reader.Message) map[string]bool {
	var out map[string]bool
	for _, a := range m.To {
		for _, w := range strings.FieldsFunc(strings.ToLower(a.Name), func(r rune) bool {
			return r == ' ' || r == ',' || r == '.' || r == '"' || r == '\'' || r == '(' || r == ')'
		}) {
			if len(w) >= 3 && !notNames[w] {
				if out == nil {
					out = map[string]bool{}
				}
				out[w] = true
			}
		}
	}
	return out
}

// builder collects features, merging the sentences of a repeated name.
type builder struct {
	out    []Feature
	byName map[string]int
}

// add records name as fired by sentence sent (-1: by the whole message).
func (b *builder) add(name string, sent int, span string) {
	i, ok := b.byName[name]
	if !ok {
		i = len(b.out)
		b.byName[name] = i
		b.out = append(b.out, Feature{Name: name, Span: span})
	}
	f := &b.out[i]
	if sent >= 0 && (len(f.Sents) == 0 || f.Sents[len(f.Sents)-1] != sent) {
		f.Sents = append(f.Sents, sent)
	}
}

// addAll records name as fired by the given sentences (none: the message).
func (b *builder) addAll(name string, sents ...[]int) {
	n := 0
	for _, ss := range sents {
		for _, s := range ss {
			b.add(name, s, "")
			n++
		}
	}
	if n == 0 {
		b.add(name, -1, "")
	}
}

// msgContext says whether the subject and the new text are about the
// letter, and whether the text is about a meeting time.
type msgContext struct{ subject, text, sched bool }

// bounceSubject matches the subjects of delivery failure reports.
var bounceSubject = regexp.MustCompile(`(?i)\b(?:undeliver(?:ed|able)|delivery (?:status notification|failure|has failed|failed)|mail delivery (?:failed|failure|subsystem)|returned mail|failure notice|non-?delivery)\b`)

// isBounce reports a delivery failure: a delivery-status report, or a
// message from the mail system about an undelivered message.
func isBounce(m *reader.Message) bool {
	if m.Report == "delivery-status" {
		return true
	}
	local, _, _ := strings.Cut(m.From.Addr, "@")
	local = strings.ToLower(local)
	return (local == "mailer-daemon" || local == "postmaster") || bounceSubject.MatchString(m.Subject) && strings.Contains(strings.ToLower(m.From.Name), "mail")
}

// metaFeatures records facts about the message as a whole.
func metaFeatures(b *builder, m *reader.Message, fs *features, mc msgContext) {
	switch {
	case m.Auto.Is && m.Auto.Reason == "body wording":
		b.add("meta:auto_wording", -1, "")
	case m.Auto.Is && strings.HasPrefix(m.Auto.Reason, "subject"):
		b.add("meta:auto_subject", -1, "")
	case m.Auto.Is:
		b.add("meta:auto_header", -1, "")
	}
	if m.Report != "" {
		b.add("meta:report", -1, "")
	}
	if isBounce(m) {
		b.add("meta:bounce", -1, "")
	}
	if m.IsNotice() {
		b.add("meta:notice", -1, "")
		if uploadSubject.MatchString(m.Subject) && !notUploadSubject.MatchString(m.Subject) {
			b.add("meta:notice_upload_subject", -1, "")
		}
	}
	if uploadSubject.MatchString(m.Subject) && !notUploadSubject.MatchString(m.Subject) {
		b.add("meta:upload_subject", -1, "")
	}
	words := 0
	question := false
	for _, s := range fs.sents {
		words += strings.Count(s.norm, " ") + 1
		question = question || s.question
	}
	switch {
	case len(fs.sents) == 0:
		b.add("meta:no_text", -1, "")
	case words <= 12:
		b.add("meta:short", -1, "")
	case words > 150:
		b.add("meta:long", -1, "")
	}
	if question {
		b.add("meta:question", -1, "")
	}
	if mc.subject || mc.text {
		b.add("meta:letter_thread", -1, "")
	}
	if mc.sched {
		b.add("meta:scheduling", -1, "")
	}
}

// comboFeatures records the combinations of families that the rule
// cascade decided by: they let a linear model say "a yes without any
// strength" or "a refusal that still offers a letter".
func comboFeatures(b *builder, m *reader.Message, fs *features, mc msgContext) {
	h := func(f feature) []int { return fs.hits[f] }
	ctx := mc.subject || mc.text
	offer := fs.has(fHedgeOffer)
	weakOK := mc.text || (ctx && !mc.sched)
	agree := fs.has(fAgree) || (fs.has(fDeliver) && !fs.has(fAck)) || (fs.has(fAgreeWeak) && weakOK)
	agreeSents := [][]int{h(fAgree), h(fDeliver)}
	if weakOK {
		agreeSents = append(agreeSents, h(fAgreeWeak))
	}
	hedged := fs.has(fHedge) || fs.has(fNegStrong) || fs.has(fHedgeCond)
	asks := fs.has(fRequest) || fs.has(fNonCommit)

	if ctx && (fs.has(fDoneWeak) || fs.has(fFinished) && !fs.has(fPending)) {
		b.addAll("combo:done_in_letter_thread", h(fDoneWeak), h(fFinished))
	}
	if m.IsNotice() && (fs.has(fUploaded) || fs.has(fFinished) || fs.has(fDoneWeak)) && !fs.has(fPending) {
		b.addAll("combo:notice_says_done", h(fUploaded), h(fFinished), h(fDoneWeak))
	}
	if fs.has(fFinished) && fs.has(fPending) {
		b.addAll("combo:written_not_yet_in", h(fPending))
	}
	if fs.has(fDecline) && (fs.has(fAgree) || offer) {
		b.addAll("combo:refuses_but_offers", h(fDecline), h(fHedgeOffer), h(fAgree))
	}
	if fs.has(fDecline) && !fs.has(fAgree) && !offer {
		b.addAll("combo:refusal_only", h(fDecline))
	}
	if fs.has(fNonCommit) && !fs.has(fAgree) && !offer {
		b.addAll("combo:defers_without_yes", h(fNonCommit))
	}
	if fs.has(fPolicy) && !agree && !offer {
		if !asks && fs.has(fRegret) {
			b.addAll("combo:rule_with_regret", h(fPolicy), h(fRegret))
		} else {
			b.addAll("combo:rule_without_yes", h(fPolicy))
		}
	}
	if (offer || hedged) && (ctx || agree) {
		b.addAll("combo:hedged_in_letter_thread", h(fHedge), h(fNegStrong), h(fHedgeCond), h(fHedgeOffer))
	}
	if fs.has(fReluct) && (agree || offer) && fs.strength < 2 {
		b.addAll("combo:reluctant_yes", h(fReluct))
	}
	if agree {
		switch {
		case fs.strength >= 2:
			b.addAll("combo:yes_with_strength", h(fStrong))
		case fs.strength == 1:
			b.addAll("combo:yes_with_praise_only", h(fPraise))
		default:
			b.addAll("combo:yes_without_strength", agreeSents...)
		}
		if hedged {
			b.addAll("combo:yes_with_hedge", h(fHedge), h(fNegStrong), h(fHedgeCond))
		}
		if asks {
			b.addAll("combo:yes_and_asks", h(fRequest))
		}
	} else {
		if asks && ctx {
			b.addAll("combo:asks_without_yes", h(fRequest), h(fNonCommit))
		}
	}
	if fs.strength >= 4 {
		b.add("combo:much_strength", -1, "")
	}
	// The turn of a concession carries the point: "I'd be honoured,
	// although my letter won't say much" hedges; "we only overlapped
	// briefly, but I'll write a glowing letter" does not.
	for _, h := range fs.cues {
		switch h.fam {
		case fHedge, fNegStrong, fHedgeOffer, fHedgeCond:
			if conceded(fs.sents, h) {
				b.add("combo:hedge_after_but", h.sent, "")
			}
		case fStrong:
			if conceded(fs.sents, h) {
				b.add("combo:strength_after_but", h.sent, "")
			}
		}
	}
}

// concession matches the turn of a concession.
var concession = regexp.MustCompile(`\b(?:but|though|although|however|that said|having said that|even so|still|yet|to be (?:honest|fair|transparent|upfront))\b`)

// conceded reports whether the cue h follows the turn of a concession: in
// its own sentence, or at the start of it.
func conceded(sents []sentence, h hit) bool {
	if h.sent >= len(sents) {
		return false
	}
	s := sents[h.sent].norm
	return concession.MatchString(s[:min(h.pos, len(s))])
}

// featureKey names the families in feature names.
var featureKey = [numFeatures]string{
	"upload", "handed_in", "finished", "pending", "decline", "policy", "regret", "doubt", "hedged_offer",
	"conditional_offer", "hedge", "reluctance", "strength", "praise", "agree",
	"bare_yes", "deliver", "defer", "request", "ack", "aside",
}
