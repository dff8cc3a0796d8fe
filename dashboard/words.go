package dashboard

import (
	"regexp"
	"strings"

	"github.com/lorkeeper/lorkeeper/letters"
	"github.com/lorkeeper/lorkeeper/store"
	"github.com/lorkeeper/lorkeeper/templates"
)

// What the applicant's corrections do, in the words the writer's page
// uses beside each choice.

// stateEffect says what lorkeeper does once a letter is set to st.
func stateEffect(st letters.State) string {
	switch st {
	case letters.Planned:
		return "No email is planned for this writer."
	case letters.Asked:
		return "lorkeeper waits for their answer and reminds them as planned."
	case letters.Agreed:
		return "lorkeeper drafts the follow-up with your letter packet, unless it went out already."
	case letters.Waiting:
		return "The letter packet counts as sent; lorkeeper waits for the upload and reminds them as planned."
	case letters.Flagged:
		return "No email goes to them until you set the letter again."
	case letters.InfoRequested:
		return "They asked you for information; lorkeeper reminds them as planned."
	case letters.Declined:
		return "Reminders stop; lorkeeper will not ask them again."
	case letters.Uploaded:
		return "Reminders stop, and lorkeeper drafts the thank-you note."
	case letters.Done:
		return "Nothing more is sent to them."
	case letters.Dropped:
		return "lorkeeper will not write to them again."
	}
	return ""
}

// kindEffect says what lorkeeper does once a reply is read as kind.
func kindEffect(kind letters.Reply) string {
	switch kind {
	case letters.StrongYes:
		return "lorkeeper drafts the follow-up with your letter packet."
	case letters.Hesitant:
		return "lorkeeper stops and waits for your decision: keep, replace or drop."
	case letters.Decline:
		return "Reminders stop, and lorkeeper drafts a thank-you note."
	case letters.NeedsInfo:
		return "lorkeeper drafts an answer to their questions."
	case letters.UploadedR:
		return "Reminders stop, and lorkeeper drafts the thank-you note."
	case letters.AutoReply:
		return "Nothing changes: an out-of-office message."
	case letters.Other:
		return "Nothing changes: lorkeeper keeps waiting for an answer."
	}
	return ""
}

// option is one choice of a form.
type option struct {
	Value   string
	Label   string
	Effect  string
	Current bool // what it is now
}

// stateOptions are the states a letter can be set to.
func stateOptions(current string) []option {
	var out []option
	for _, st := range letters.States() {
		out = append(out, option{Value: string(st), Label: capitalize(templates.DescribeState(string(st))),
			Effect: stateEffect(st), Current: string(st) == current})
	}
	return out
}

// kindOptions are the kinds a reply can be corrected to.
func kindOptions(current string) []option {
	var out []option
	for _, k := range letters.Replies() {
		out = append(out, option{Value: string(k), Label: capitalize(templates.DescribeKind(string(k))),
			Effect: kindEffect(k), Current: string(k) == current})
	}
	return out
}

// changeLabel names one of the applicant's changes.
func changeLabel(h store.History) string {
	verb, arg, _ := strings.Cut(h.Event, ":")
	switch verb {
	case "set":
		return "You set the letter to “" + stateLabel(string(h.To)) + "”"
	case "correct":
		return "You said the reply was " + templates.DescribeKind(arg)
	case "resolve":
		switch arg {
		case letters.Keep:
			return "You decided to keep the writer"
		case letters.Replace:
			return "You decided to replace the writer"
		case letters.Drop:
			return "You dropped the writer"
		}
	case "mark":
		return "You marked the letter uploaded"
	case "undo":
		return "You undid your last change"
	}
	return eventLabel(h.Event)
}

// actorLabel says who made a change: "by you, on the dashboard". The
// history does not say where the applicant approved, discarded or
// settled a draft, only that they did.
func actorLabel(actor, event string) string {
	if actor != "" {
		return "by " + actor
	}
	switch verb, _, _ := strings.Cut(event, ":"); verb {
	case "approve", "discard", "send again", "mark sent":
		return "by you"
	}
	return "by lorkeeper"
}

// internalNote matches the parts of a history note that name states the
// way the command line does ("set from asked to declined by you"); the
// dashboard shows the change in its own words instead.
var internalNote = regexp.MustCompile(`(?:undone: )?set from [a-z_]+ to [a-z_]+ by you`)

// cleanNote is a history note without the parts that the line already
// says in plain words.
func cleanNote(note string) string {
	note = internalNote.ReplaceAllString(note, "")
	note = strings.Trim(strings.TrimSpace(note), ";")
	note = strings.TrimPrefix(strings.TrimSpace(note), "undone:")
	return capitalize(strings.TrimSpace(note))
}
