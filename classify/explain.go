package classify

import (
	"fmt"
	"math"
	"sort"
	"strings"

	"github.com/lorkeeper/lorkeeper/classify/internal/feat"
	"github.com/lorkeeper/lorkeeper/classify/internal/learn"
	"github.com/lorkeeper/lorkeeper/reader"
)

// contrib is what one feature did for the chosen kind against the
// runner-up.
type contrib struct {
	f feat.Feature
	c float64
}

// decide turns the model's scores into a result with its explanation.
// A delivery or read report is never the writer's answer: it is other
// whatever its text says.
func decide(md *learn.Model, m *reader.Message, d *feat.Doc) Result {
	if m.Report != "" {
		return Result{Kind: Other, Confidence: 1, Cues: []string{"meta.report"},
			Reason: reportWords(m.Report), Evidence: firstSentence(d)}
	}
	names := d.Names()
	p := learn.Softmax(md.Logits(names), md.Temperature)
	k := learn.Argmax(p)
	r := -1
	for j := range p {
		if j != k && (r < 0 || p[j] > p[r]) {
			r = j
		}
	}
	kind := Kinds()[k]
	res := Result{Kind: kind, Confidence: math.Round(p[k]*1000) / 1000}
	res.Unsure = res.Confidence < UnsureBelow

	// What each feature did for the kind, against the runner-up.
	var cs []contrib
	for _, f := range d.Features {
		if w, ok := md.Weights[f.Name]; ok {
			cs = append(cs, contrib{f, w[k] - w[r]})
		}
	}
	sort.SliceStable(cs, func(a, b int) bool { return cs[a].c > cs[b].c })

	res.Evidence = evidence(d, cs)
	for _, c := range cs {
		if name, ok := cueName(c.f.Name); ok {
			res.Cues = append(res.Cues, name)
		}
	}
	switch kind {
	case AutoReply:
		if m.Auto.Is {
			res.Evidence = autoEvidence(m)
		}
		res.ReturnDate = m.Auto.Return
	case Uploaded:
		if len(res.Evidence) == 0 && m.Subject != "" {
			res.Evidence = []string{m.Subject}
		}
	}
	if len(res.Evidence) == 0 {
		res.Evidence = firstSentence(d)
	}
	res.Reason = reason(kind, cs, m)
	if res.Unsure {
		res.Reason = fmt.Sprintf(UnsurePrefix+"it reads most like %s (%s), but it could be %s",
			kindWords[kind], res.Reason, kindWords[Kinds()[r]])
	}
	return res
}

func reportWords(report string) string {
	switch report {
	case "delivery-status":
		return "a delivery failure report: the mail did not reach the writer; check the address"
	case "disposition-notification":
		return "a read receipt, not the writer's answer"
	}
	return "a mail system report, not the writer's answer"
}

// cueName returns the name a feature is reported by in Result.Cues:
// cues by their own name, combinations and facts with their group.
func cueName(name string) (string, bool) {
	switch feat.GroupOf(name) {
	case feat.GroupCue:
		return strings.TrimPrefix(name, "cue:"), true
	case feat.GroupCombo, feat.GroupMeta:
		return strings.Replace(name, ":", ".", 1), true
	}
	return "", false
}

// evidence returns the sentences that did most for the kind, in text
// order.
func evidence(d *feat.Doc, cs []contrib) []string {
	score := make([]float64, len(d.Sents))
	for _, c := range cs {
		if c.c <= 0 || len(c.f.Sents) == 0 {
			continue
		}
		share := c.c / float64(len(c.f.Sents))
		for _, s := range c.f.Sents {
			if s < len(score) {
				score[s] += share
			}
		}
	}
	idx := make([]int, 0, len(score))
	top := 0.0
	for i, s := range score {
		if s > 0 {
			idx = append(idx, i)
			top = math.Max(top, s)
		}
	}
	sort.SliceStable(idx, func(a, b int) bool { return score[idx[a]] > score[idx[b]] })
	var keep []int
	for _, i := range idx {
		if len(keep) == maxEvidence || score[i] < top/4 || score[i] < 0.2 {
			break
		}
		keep = append(keep, i)
	}
	sort.Ints(keep)
	var out []string
	for _, i := range keep {
		out = append(out, clip(d.Sents[i].Text))
	}
	return out
}

// autoEvidence is the header field or subject that marked an automatic
// reply, and the sentence that reads as one.
func autoEvidence(m *reader.Message) []string {
	var ev []string
	if m.Auto.Reason != "body wording" {
		ev = append(ev, m.Auto.Reason)
	}
	if m.Auto.Wording != "" {
		ev = append(ev, clip(m.Auto.Wording))
	}
	return ev
}

// firstSentence returns the first sentence that is not a greeting.
func firstSentence(d *feat.Doc) []string {
	for _, s := range d.Sents {
		if !greeting(s.Norm) && strings.Contains(s.Norm, " ") {
			return []string{clip(s.Text)}
		}
	}
	return nil
}

// greeting reports a salutation sentence, which is no evidence.
func greeting(norm string) bool {
	for _, g := range []string{"hi", "hello", "hey", "dear", "good morning", "good afternoon", "good evening", "greetings", "ola", "olá", "caro", "cara", "prezado", "prezada"} {
		if norm == g || strings.HasPrefix(norm, g+" ") || strings.HasPrefix(norm, g+",") {
			return true
		}
	}
	return false
}

// kindWords names the kinds for the applicant.
var kindWords = map[Kind]string{
	StrongYes: "a strong yes", Hesitant: "a hesitant yes", Decline: "a decline", NeedsInfo: "a request for information first",
	Uploaded: "a note that the letter is in", AutoReply: "an automatic reply", Other: "a reply about something else",
}

// familyReasons holds, for each kind, the cue families that can explain
// it and how to say so; "%s" is the writer's phrase.
var familyReasons = map[Kind][][2]string{
	Hesitant: {
		{"doubt", "doubts the letter will be strong: %s"},
		{"hedge", "hedged: %s"},
		{"hedged_offer", "offered only to try: %s"},
		{"conditional_offer", "offered a letter only if it still helps: %s"},
		{"reluctance", "sounded reluctant: %s"},
		{"decline", "turned down part of the request but still offered a letter: %s"},
	},
	Decline: {
		{"decline", "declined: %s"},
		{"policy", "declined, citing a rule: %s"},
		{"regret", "declined politely: %s"},
	},
	StrongYes: {
		{"strength", "agreed, and said the letter will be strong: %s"},
		{"praise", "agreed warmly: %s"},
		{"agree", "agreed: %s"},
		{"bare_yes", "agreed: %s"},
	},
	NeedsInfo: {
		{"defer", "has not committed yet: %s"},
		{"policy", "has a condition before writing: %s"},
		{"request", "asked for something first: %s"},
	},
	Uploaded: {
		{"upload", "said the letter is in: %s"},
		{"handed_in", "said the letter is in: %s"},
		{"finished", "said the letter is done: %s"},
	},
	Other: {
		{"aside", "only routes the request: %s"},
		{"ack", "acknowledged: %s"},
	},
}

// reason says in plain words why the reply got its kind.
func reason(kind Kind, cs []contrib, m *reader.Message) string {
	has := func(name string) bool {
		for _, c := range cs {
			if c.f.Name == name {
				return true
			}
		}
		return false
	}
	if kind == Other && has("meta:bounce") {
		return "a delivery failure report: the mail did not reach the writer; check the address"
	}
	for _, fr := range familyReasons[kind] {
		for _, c := range cs {
			if c.c <= 0 || feat.GroupOf(c.f.Name) != feat.GroupCue {
				continue
			}
			if fam, _, _ := strings.Cut(strings.TrimPrefix(c.f.Name, "cue:"), "."); fam == fr[0] && c.f.Span != "" {
				return fmt.Sprintf(fr[1], quote(c.f.Span))
			}
		}
	}
	switch kind {
	case Hesitant:
		if has("combo:yes_with_praise_only") {
			return "said yes and praised you, without saying the letter will be strong"
		}
		return "said yes without saying the letter will be strong"
	case Decline:
		return "declined politely"
	case StrongYes:
		return "agreed with enthusiasm"
	case NeedsInfo:
		return "asked questions before committing"
	case Uploaded:
		if m.IsNotice() {
			return "a letter portal's notice of an upload: " + quote(m.Subject)
		}
		return "said the letter is in"
	case AutoReply:
		if m.Auto.Is && m.Auto.Reason != "body wording" {
			return "an automatic reply (" + m.Auto.Reason + ")"
		}
		return "reads as an automatic reply"
	}
	return "no decision about the letter"
}

// quote puts a phrase in quotation marks, shortened to about 90 bytes.
func quote(s string) string {
	s = strings.Join(strings.Fields(s), " ")
	if len(s) > 90 {
		cut := strings.LastIndexByte(s[:90], ' ')
		if cut < 40 {
			cut = 90
		}
		for cut > 0 && s[cut]&0xC0 == 0x80 {
			cut--
		}
		s = s[:cut] + "…"
	}
	return `"` + s + `"`
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
