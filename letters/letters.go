// Package letters is the lifecycle of one letter of recommendation: a
// small, pure state machine. Apply takes a letter and an event and returns
// the new letter with the drafts to prepare and the pending drafts to
// cancel. It does no I/O and reads no clock: time comes in with the event.
//
//	planned ─ask sent─▶ asked ─strong_yes─▶ agreed ─packet sent─▶ waiting ─uploaded─▶ uploaded ─thank-you sent─▶ done
//	                      │ hesitant   ▶ flagged (resolve: keep → agreed, replace/drop → dropped)
//	                      │ decline    ▶ declined
//	                      │ needs_info ▶ info_requested
//	                      │ auto_reply ▶ unchanged; reminders wait for the return date
//	                      └ other      ▶ unchanged
package letters

import (
	"fmt"
	"slices"
	"strings"
	"time"
)

// State is where a letter stands.
type State string

// The lifecycle states.
const (
	Planned       State = "planned"
	Asked         State = "asked"
	Agreed        State = "agreed"
	Waiting       State = "waiting"
	Flagged       State = "flagged"
	InfoRequested State = "info_requested"
	Declined      State = "declined"
	Uploaded      State = "uploaded"
	Done          State = "done"
	Dropped       State = "dropped"
)

// Reply is the kind of a writer's message, as the classifier names it.
type Reply string

// The reply kinds.
const (
	StrongYes Reply = "strong_yes"
	Hesitant  Reply = "hesitant"
	Decline   Reply = "decline"
	NeedsInfo Reply = "needs_info"
	UploadedR Reply = "uploaded"
	AutoReply Reply = "auto_reply"
	Other     Reply = "other"
)

// Templates of the drafts the lifecycle prepares.
const (
	TAsk       = "ask"
	TFollowUp  = "follow_up"
	TInfo      = "info"
	TReminder  = "reminder"
	TThankYou  = "thank_you"
	TAlternate = "alternate"
)

// Letter is the state of one writer's letter.
type Letter struct {
	Writer        string
	State         State
	Flagged       bool     // the applicant must look at something
	FlagReason    string   // why, in plain words
	Evidence      []string // the writer's words behind the flag
	LastReplyKind Reply    // "" before any reply

	RequestedAt   time.Time // first request (ask, or follow-up for in-person asks) sent
	LastRequestAt time.Time // last ask, follow-up, info answer or reminder
	Reminders     int       // regular reminders for the current request
	SnoozeUntil   time.Time // no reminder before this (an out-of-office return date)
	PacketSent    bool      // CV, statement and summary have gone out
	Started       bool      // the first email has been drafted
}

// New returns the initial letter of a writer: planned when lorkeeper
// drafts the ask, agreed when the applicant asked in person.
func New(writer string, askedInPerson bool) Letter {
	l := Letter{Writer: writer, State: Planned}
	if askedInPerson {
		l.State = Agreed
	}
	return l
}

// EventType says what happened.
type EventType string

// The events.
const (
	Start    EventType = "start"   // plan the first email
	Sent     EventType = "sent"    // a draft of Template was sent
	Replied  EventType = "reply"   // the writer (or a portal) wrote; Reply says what
	Marked   EventType = "mark"    // the applicant saw the upload in MyERAS
	Resolved EventType = "resolve" // the applicant decided on a flag; Decision says how
	LetterIn EventType = "letter"  // a message carried the confidential letter itself
	Tick     EventType = "tick"    // time passed; reminders may be due
	Set      EventType = "set"     // the applicant put the letter in State
)

// Decisions for Resolved.
const (
	Keep    = "keep"
	Replace = "replace"
	Drop    = "drop"
)

// Event is something that happened to a letter.
type Event struct {
	Type       EventType
	At         time.Time
	Template   string    // Sent
	Reply      Reply     // Replied
	Evidence   []string  // Replied, LetterIn
	Reason     string    // Replied: why the reply got its kind, in plain words ("" if unknown)
	ReturnDate time.Time // Replied with AutoReply
	Decision   string    // Resolved
	State      State     // Set
	Pending    []string  // templates of this writer's drafts still awaiting approval or sending
}

// States lists every lifecycle state, in lifecycle order.
func States() []State {
	return []State{Planned, Asked, Agreed, Waiting, Flagged, InfoRequested, Declined, Uploaded, Done, Dropped}
}

// ParseState returns the state named s, or an error listing them.
func ParseState(s string) (State, error) {
	for _, st := range States() {
		if string(st) == s {
			return st, nil
		}
	}
	names := make([]string, 0, 10)
	for _, st := range States() {
		names = append(names, string(st))
	}
	return "", fmt.Errorf("%q is not a state: use one of %s", s, strings.Join(names, ", "))
}

// Replies lists every reply kind.
func Replies() []Reply {
	return []Reply{StrongYes, Hesitant, Decline, NeedsInfo, UploadedR, AutoReply, Other}
}

// Outcome is what Apply decided.
type Outcome struct {
	Letter  Letter
	Changed bool     // state, flag or schedule changed: worth a history line
	Note    string   // one line for the history, in plain words
	Draft   []string // templates to draft now
	Cancel  []string // templates whose pending drafts to discard
}

// Policy is the reminder schedule.
type Policy struct {
	FirstAfter    time.Duration
	Every         time.Duration
	Max           int
	Deadline      time.Time // letters are due at the start of this day
	BusinessHours bool      // remind Mon–Fri, 9:00–17:00 in Location
	Location      *time.Location
}

// ErrNotFlagged is returned by Apply for a decision on a letter that is
// not waiting for one.
type ErrNotFlagged struct{ State State }

func (e ErrNotFlagged) Error() string {
	return fmt.Sprintf("the letter is %s, not flagged: there is nothing to decide", e.State)
}

// active states are those where the writer may still write the letter.
func (s State) active() bool {
	switch s {
	case Planned, Asked, Agreed, Waiting, Flagged, InfoRequested:
		return true
	}
	return false
}

// Apply returns the outcome of e on l. It is deterministic and does no
// I/O. An event that changes nothing returns l unchanged and no drafts, so
// applying the same event twice drafts nothing twice.
func Apply(l Letter, e Event, p Policy) (Outcome, error) {
	o := Outcome{Letter: l}
	n := &o.Letter
	pending := func(t string) bool { return slices.Contains(e.Pending, t) }
	draft := func(t string) {
		if !pending(t) {
			o.Draft = append(o.Draft, t)
		}
	}
	move := func(s State, note string) {
		if n.State != s {
			o.Changed = true
		}
		n.State = s
		o.Note = note
	}
	switch e.Type {
	case Start:
		if n.Started {
			return o, nil
		}
		switch n.State {
		case Planned:
			draft(TAsk)
		case Agreed:
			draft(TFollowUp)
		default:
			return o, nil
		}
		n.Started = true
		o.Changed = true
		o.Note = "first email drafted"

	case Sent:
		applySent(&o, e)

	case Replied:
		applyReply(&o, e, pending)

	case Marked:
		applyReply(&o, Event{Type: Replied, Reply: UploadedR, At: e.At, Pending: e.Pending}, pending)
		if o.Changed {
			o.Note = "marked uploaded by the applicant"
		}

	case LetterIn:
		n.Flagged = true
		n.FlagReason = "the writer emailed the letter itself"
		n.Evidence = e.Evidence
		o.Changed = true
		o.Note = "flagged: the writer emailed the confidential letter itself"

	case Set:
		applySet(&o, e)

	case Resolved:
		if !n.Flagged {
			return resolveUnflagged(l, e)
		}
		if n.State != Flagged {
			// A flag that is not about hesitancy (the letter was mailed):
			// any decision clears it.
			n.Flagged, n.FlagReason, n.Evidence = false, "", nil
			o.Changed = true
			o.Note = "flag cleared by the applicant"
			return o, nil
		}
		n.Flagged, n.FlagReason = false, ""
		switch e.Decision {
		case Keep:
			o.Cancel = append(o.Cancel, TAlternate)
			if n.PacketSent {
				move(Waiting, "kept after a hesitant reply")
			} else {
				move(Agreed, "kept after a hesitant reply")
				draft(TFollowUp)
			}
		case Replace:
			move(Dropped, "replaced: the alternate request goes to the writer")
			draft(TAlternate)
		case Drop:
			o.Cancel = append(o.Cancel, TAlternate)
			move(Dropped, "dropped after a hesitant reply")
		default:
			return Outcome{Letter: l}, fmt.Errorf("unknown decision %q: use keep, replace or drop", e.Decision)
		}
		o.Changed = true

	case Tick:
		due, ok := NextReminder(l, p)
		if !ok || e.At.Before(due) || len(e.Pending) > 0 {
			return o, nil
		}
		draft(TReminder)
		n.Reminders++
		n.LastRequestAt = e.At
		o.Changed = true
		o.Note = fmt.Sprintf("reminder %d drafted", n.Reminders)
	}
	return o, nil
}

// everything a letter may still have pending, but the thank-you.
var allRequests = []string{TAsk, TFollowUp, TReminder, TInfo, TAlternate}

// applySet puts the letter where the applicant says it is, clearing any
// flag, dropping the drafts that no longer fit, and drafting what the
// new state calls for (the packet after an agreement, the thank-you
// after an upload).
func applySet(o *Outcome, e Event) {
	n := &o.Letter
	if n.State == e.State && !n.Flagged {
		return
	}
	before := n.State
	n.State = e.State
	n.Flagged, n.FlagReason, n.Evidence = false, "", nil
	n.Started = true
	o.Changed = true
	o.Note = fmt.Sprintf("set from %s to %s by you", before, e.State)
	pending := func(t string) bool { return slices.Contains(e.Pending, t) }
	switch e.State {
	case Agreed:
		o.Cancel = append(o.Cancel, TAsk, TAlternate, TReminder)
		if !n.PacketSent && !pending(TFollowUp) {
			o.Draft = append(o.Draft, TFollowUp)
		}
	case Waiting:
		n.PacketSent = true
		o.Cancel = append(o.Cancel, TAsk, TAlternate)
	case Asked, InfoRequested:
		o.Cancel = append(o.Cancel, TAlternate)
		if n.LastRequestAt.IsZero() {
			n.LastRequestAt = e.At
		}
	case Uploaded:
		o.Cancel = append(o.Cancel, allRequests...)
		if !pending(TThankYou) {
			o.Draft = append(o.Draft, TThankYou)
		}
	case Declined, Dropped, Flagged, Planned:
		o.Cancel = append(o.Cancel, allRequests...)
	case Done:
		o.Cancel = append(o.Cancel, append(allRequests, TThankYou)...)
	}
}

// resolveUnflagged is the applicant's decision on a letter nothing
// flagged: after any reply (a polite decline read as "other", say) they
// may drop the writer or replace them; keep changes nothing.
func resolveUnflagged(l Letter, e Event) (Outcome, error) {
	o := Outcome{Letter: l}
	n := &o.Letter
	if n.State == Uploaded || n.State == Done {
		return o, ErrNotFlagged{n.State}
	}
	switch e.Decision {
	case Keep:
		return o, nil
	case Drop, Replace:
		o.Cancel = append(o.Cancel, allRequests...)
		o.Changed = n.State != Dropped
		n.State = Dropped
		o.Note = "dropped by you"
		if e.Decision == Replace {
			o.Note = "replaced: the alternate request goes to the writer"
			o.Cancel = []string{TAsk, TFollowUp, TReminder, TInfo} // keep a pending alternate
			if !slices.Contains(e.Pending, TAlternate) {
				o.Draft = append(o.Draft, TAlternate)
			}
			o.Changed = true
		}
		return o, nil
	}
	return Outcome{Letter: l}, fmt.Errorf("unknown decision %q: use keep, replace or drop", e.Decision)
}

func applySent(o *Outcome, e Event) {
	n := &o.Letter
	switch e.Template {
	case TAsk:
		if n.RequestedAt.IsZero() {
			n.RequestedAt = e.At
		}
		n.LastRequestAt = e.At
		if n.State == Planned {
			o.Changed = true
			n.State = Asked
			o.Note = "asked"
		}
	case TFollowUp, TInfo:
		if n.RequestedAt.IsZero() {
			n.RequestedAt = e.At
		}
		n.LastRequestAt = e.At
		n.PacketSent = true
		o.Changed = true
		o.Note = "letter packet sent"
		if n.State == Agreed {
			n.State = Waiting
			n.Reminders = 0
		}
		if e.Template == TInfo && n.State == InfoRequested {
			// Their questions are answered: what is awaited now is
			// their answer, reminded as a request is.
			n.State = Asked
			n.Reminders = 0
			o.Note = "their questions answered"
		}
	case TThankYou:
		if n.State == Uploaded {
			o.Changed = true
			n.State = Done
			o.Note = "thanked"
		}
	}
}

func applyReply(o *Outcome, e Event, pending func(string) bool) {
	n := &o.Letter
	before := n.State
	n.LastReplyKind = e.Reply
	draft := func(t string) {
		if !pending(t) {
			o.Draft = append(o.Draft, t)
		}
	}
	set := func(s State, note string) {
		n.State = s
		o.Changed = true
		o.Note = note
	}
	switch e.Reply {
	case StrongYes:
		if !slices.Contains([]State{Planned, Asked, InfoRequested, Flagged, Declined}, before) {
			return
		}
		n.Flagged, n.FlagReason, n.Evidence = false, "", nil
		o.Cancel = append(o.Cancel, TAsk, TAlternate, TReminder)
		if before == Declined {
			o.Cancel = append(o.Cancel, TThankYou) // the thank-you for declining
		}
		if n.PacketSent {
			set(Waiting, "agreed to write a strong letter")
		} else {
			set(Agreed, "agreed to write a strong letter")
			draft(TFollowUp)
		}
		n.Reminders = 0
	case Hesitant:
		if !before.active() || before == Flagged {
			return
		}
		n.Flagged = true
		n.FlagReason = "hesitant reply: the letter may not be strong"
		if e.Reason != "" {
			n.FlagReason = "hesitant reply (" + e.Reason + "): the letter may not be strong"
		}
		n.Evidence = e.Evidence
		o.Cancel = append(o.Cancel, TFollowUp, TReminder, TInfo)
		set(Flagged, "flagged: hesitant reply")
		draft(TAlternate)
	case Decline:
		if !before.active() {
			return
		}
		n.Flagged, n.FlagReason, n.Evidence = false, "", nil
		o.Cancel = append(o.Cancel, TAsk, TFollowUp, TReminder, TInfo, TAlternate)
		set(Declined, "declined")
		draft(TThankYou)
	case NeedsInfo:
		switch before {
		case Planned, Asked:
			o.Cancel = append(o.Cancel, TReminder)
			set(InfoRequested, "asked for more information")
			draft(TInfo)
		case InfoRequested, Agreed, Waiting:
			o.Cancel = append(o.Cancel, TReminder)
			if !pending(TInfo) {
				o.Changed = true
				o.Note = "asked for more information"
			}
			draft(TInfo)
		}
	case UploadedR:
		if before == Uploaded || before == Done {
			return
		}
		n.Flagged, n.FlagReason, n.Evidence = false, "", nil
		o.Cancel = append(o.Cancel, TAsk, TFollowUp, TReminder, TInfo, TAlternate)
		set(Uploaded, "letter uploaded")
		draft(TThankYou)
	case AutoReply:
		if !e.ReturnDate.IsZero() && before.active() {
			back := e.ReturnDate.Add(24 * time.Hour)
			if back.After(n.SnoozeUntil) {
				n.SnoozeUntil = back
				o.Changed = true
				o.Note = "away until " + e.ReturnDate.Format("Jan 2") + ": reminders wait"
			}
		}
	}
}

// remindable states are those where a silent writer gets reminders.
func (s State) remindable() bool {
	switch s {
	case Asked, Agreed, Waiting, InfoRequested:
		return true
	}
	return false
}

// NextReminder returns when the next reminder is due, and false when none
// will be: the letter is not waiting on the writer, or every reminder has
// gone out. Regular reminders come FirstAfter the last request, then every
// Every, at most Max; one week and two days before the deadline a reminder
// is due regardless of Max. None comes before SnoozeUntil, and with
// BusinessHours the time moves to the next weekday between 9:00 and 17:00.
func NextReminder(l Letter, p Policy) (time.Time, bool) {
	if !l.State.remindable() || l.LastRequestAt.IsZero() {
		return time.Time{}, false
	}
	var next time.Time
	if l.Reminders < p.Max {
		if l.Reminders == 0 {
			next = l.LastRequestAt.Add(p.FirstAfter)
		} else {
			next = l.LastRequestAt.Add(p.Every)
		}
	}
	if !p.Deadline.IsZero() {
		for _, before := range []time.Duration{7 * 24 * time.Hour, 2 * 24 * time.Hour} {
			c := p.Deadline.Add(-before)
			if c.After(l.LastRequestAt) && (next.IsZero() || c.Before(next)) {
				next = c
				break
			}
		}
	}
	if next.IsZero() {
		return time.Time{}, false
	}
	if next.Before(l.SnoozeUntil) {
		next = l.SnoozeUntil
	}
	if p.BusinessHours {
		next = businessTime(next, p.Location)
	}
	return next, true
}

// businessTime moves t to the next moment on a weekday between 9:00 and
// 17:00 in loc.
func businessTime(t time.Time, loc *time.Location) time.Time {
	if loc == nil {
		loc = time.UTC
	}
	t = t.In(loc)
	for i := 0; i < 8; i++ {
		day := time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, loc)
		open, closed := day.Add(9*time.Hour), day.Add(17*time.Hour)
		weekday := t.Weekday() != time.Saturday && t.Weekday() != time.Sunday
		switch {
		case weekday && t.Before(open):
			return open
		case weekday && t.Before(closed):
			return t
		}
		t = day.AddDate(0, 0, 1)
	}
	return t
}
