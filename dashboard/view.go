package dashboard

import (
	"fmt"
	"html/template"
	"regexp"
	"slices"
	"strings"
	"time"

	"github.com/lorkeeper/lorkeeper/letters"
	"github.com/lorkeeper/lorkeeper/store"
	"github.com/lorkeeper/lorkeeper/templates"
)

// funcs are the templates' helpers.
var funcs = template.FuncMap{
	"stateLabel":    stateLabel,
	"templateLabel": templateLabel,
	"kindLabel":     kindLabel,
	"statusLabel":   statusLabel,
	"lower":         strings.ToLower,
	"capitalize":    capitalize,
	"add":           func(a, b int) int { return a + b },
}

// states is the lifecycle in the order the board shows it.
var states = []letters.State{
	letters.Flagged, letters.Planned, letters.Asked, letters.InfoRequested, letters.Agreed,
	letters.Waiting, letters.Uploaded, letters.Done, letters.Declined, letters.Dropped,
}

var stateLabels = map[letters.State]string{
	letters.Planned:       "Not asked yet",
	letters.Asked:         "Awaiting a reply",
	letters.InfoRequested: "Wants more information",
	letters.Agreed:        "Agreed to write",
	letters.Waiting:       "Awaiting the upload",
	letters.Flagged:       "Needs your decision",
	letters.Declined:      "Declined",
	letters.Uploaded:      "Uploaded",
	letters.Done:          "Uploaded and thanked",
	letters.Dropped:       "Dropped",
}

// stateLabel names a letter's state in plain words.
func stateLabel(s string) string {
	if l, ok := stateLabels[letters.State(s)]; ok {
		return l
	}
	return s
}

var templateLabels = map[string]string{
	letters.TAsk:       "Request for a letter",
	letters.TFollowUp:  "Follow-up with your letter packet",
	letters.TInfo:      "Answer with more information",
	letters.TReminder:  "Reminder",
	letters.TThankYou:  "Thank-you note",
	letters.TAlternate: "Thanks, and who else could write",
}

// templateLabel names the kind of email a draft is.
func templateLabel(t string) string {
	if l, ok := templateLabels[t]; ok {
		return l
	}
	return t
}

var kindLabels = map[string]string{
	string(letters.StrongYes): "Agreed to a strong letter",
	string(letters.Hesitant):  "Hesitant",
	string(letters.Decline):   "Declined",
	string(letters.NeedsInfo): "Asked for information",
	string(letters.UploadedR): "Letter uploaded",
	string(letters.AutoReply): "Automatic reply",
	string(letters.Other):     "Other reply",
}

// kindLabel names the kind of a reply.
func kindLabel(k string) string {
	if l, ok := kindLabels[k]; ok {
		return l
	}
	return k
}

var statusLabels = map[store.Status]string{
	store.Pending:   "Awaiting your review",
	store.Approved:  "Approved: sending shortly",
	store.Sending:   "Sending",
	store.Sent:      "Sent",
	store.Failed:    "Not sent",
	store.Held:      "Check your Sent folder",
	store.Discarded: "Discarded",
}

// statusLabel names a draft's status.
func statusLabel(s store.Status) string {
	if l, ok := statusLabels[s]; ok {
		return l
	}
	return string(s)
}

// eventLabel describes a history line's event ("sent:ask", "reply:hesitant").
func eventLabel(e string) string {
	verb, arg, _ := strings.Cut(e, ":")
	switch verb {
	case "start":
		return "First email planned"
	case "sent":
		return "Sent: " + strings.ToLower(templateLabel(arg))
	case "approve":
		return "You approved: " + strings.ToLower(templateLabel(arg))
	case "discard":
		return "You discarded: " + strings.ToLower(templateLabel(arg))
	case "reply":
		return "Reply read: " + strings.ToLower(kindLabel(arg))
	case "resolve":
		return "You decided: " + arg
	case "mark":
		return "You marked the letter uploaded"
	case "letter":
		return "The writer emailed the letter itself"
	case "tick":
		return "Reminder due"
	case "set":
		return "You set where the letter stands"
	case "correct":
		return "You corrected the reply: " + templates.DescribeKind(arg)
	case "undo":
		return "You undid your last change"
	case "claim":
		return "An upload notice that could not be verified"
	case "held":
		return "May not have reached the writer: " + strings.ToLower(templateLabel(arg))
	case "failed":
		return "Not sent: " + strings.ToLower(templateLabel(arg))
	case "send again":
		return "You sent it again: " + strings.ToLower(templateLabel(arg))
	case "mark sent":
		return "You said it arrived: " + strings.ToLower(templateLabel(arg))
	}
	return e
}

// clock formats times in the applicant's time zone, relative to now.
type clock struct {
	now time.Time
	loc *time.Location
}

// day is "Tue Jun 1", with the year when it is not this year's.
func (c clock) day(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	t = t.In(c.loc)
	if t.Year() != c.now.In(c.loc).Year() {
		return t.Format("Mon Jan 2, 2006")
	}
	return t.Format("Mon Jan 2")
}

// short is "Jun 1", with the year when it is not this year's.
func (c clock) short(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	t = t.In(c.loc)
	if t.Year() != c.now.In(c.loc).Year() {
		return t.Format("Jan 2, 2006")
	}
	return t.Format("Jan 2")
}

// at is "Tue Jun 1, 10:00".
func (c clock) at(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return c.day(t) + ", " + t.In(c.loc).Format("15:04")
}

// daysUntil counts calendar days from today to t's day in the applicant's
// time zone; negative once t's day has passed.
func (c clock) daysUntil(t time.Time) int {
	midnight := func(t time.Time) time.Time {
		t = t.In(c.loc)
		return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
	}
	return int(midnight(t).Sub(midnight(c.now)).Hours() / 24)
}

// countdown says how far off the deadline is.
func countdown(days int) string {
	switch {
	case days > 1:
		return fmt.Sprintf("%d days left", days)
	case days == 1:
		return "due tomorrow"
	case days == 0:
		return "due today"
	case days == -1:
		return "1 day past the deadline"
	}
	return fmt.Sprintf("%d days past the deadline", -days)
}

// ago says how long ago something happened, in days.
func ago(days int) string {
	switch days {
	case 0:
		return "today"
	case 1:
		return "yesterday"
	}
	return fmt.Sprintf("%d days ago", days)
}

// segment is a piece of a message's text, marked when it is evidence.
type segment struct {
	Text string
	Mark bool
}

// highlight splits text into segments, marking every occurrence of the
// evidence phrases. Phrases match regardless of case and of how the
// whitespace between their words was wrapped; a phrase the classifier
// clipped ("…") matches by its kept part. A phrase not in the text (a
// header, say) marks nothing.
func highlight(text string, phrases []string) []segment {
	type span struct{ from, to int }
	var spans []span
	for _, p := range phrases {
		p = strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(p), "…"))
		words := strings.Fields(p)
		if len(words) == 0 {
			continue
		}
		for i, w := range words {
			words[i] = regexp.QuoteMeta(w)
		}
		re, err := regexp.Compile(`(?i)` + strings.Join(words, `\s+`))
		if err != nil {
			continue
		}
		for _, m := range re.FindAllStringIndex(text, -1) {
			spans = append(spans, span{m[0], m[1]})
		}
	}
	slices.SortFunc(spans, func(a, b span) int { return a.from - b.from })
	var out []segment
	pos := 0
	for _, sp := range spans {
		if sp.to <= pos {
			continue
		}
		if sp.from > pos {
			out = append(out, segment{Text: text[pos:sp.from]})
		} else if len(out) > 0 && out[len(out)-1].Mark {
			// Overlapping phrases: extend the mark.
			out[len(out)-1].Text += text[pos:sp.to]
			pos = sp.to
			continue
		}
		start := max(sp.from, pos)
		out = append(out, segment{Text: text[start:sp.to], Mark: true})
		pos = sp.to
	}
	if pos < len(text) {
		out = append(out, segment{Text: text[pos:]})
	}
	return out
}

// capitalize upper-cases a sentence's first letter.
func capitalize(s string) string {
	if s == "" {
		return s
	}
	return strings.ToUpper(s[:1]) + s[1:]
}
