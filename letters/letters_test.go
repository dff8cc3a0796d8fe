package letters

import (
	"errors"
	"fmt"
	"slices"
	"strings"
	"testing"
	"time"
)

var (
	t0     = time.Date(2027, 6, 1, 10, 0, 0, 0, time.UTC) // a Tuesday
	policy = Policy{FirstAfter: 14 * 24 * time.Hour, Every: 7 * 24 * time.Hour, Max: 3,
		Deadline: time.Date(2027, 9, 1, 0, 0, 0, 0, time.UTC), Location: time.UTC}
	allStates = []State{Planned, Asked, Agreed, Waiting, Flagged, InfoRequested, Declined, Uploaded, Done, Dropped}
)

// letterIn builds a realistic letter in state s: requested on t0, and
// flagged when s is Flagged.
func letterIn(s State) Letter {
	l := Letter{Writer: "smith", State: s, Started: true}
	if s != Planned {
		l.RequestedAt, l.LastRequestAt = t0, t0
	}
	if s == Waiting || s == Uploaded || s == Done {
		l.PacketSent = true
	}
	if s == Flagged {
		l.Flagged, l.FlagReason, l.Evidence = true, "hesitant", []string{"a standard letter"}
	}
	return l
}

// TestTransitions covers every state × event pair. Each row gives, per
// event, the outcome in each of the ten states in allStates' order:
// "state" or "state+draft" or "error"; "=" means unchanged, no drafts.
func TestTransitions(t *testing.T) {
	at := t0.Add(24 * time.Hour)
	events := []struct {
		name string
		e    Event
		want string // ten outcomes, space separated, in allStates order
	}{
		{"reply strong_yes", Event{Type: Replied, Reply: StrongYes},
			"agreed+follow_up agreed+follow_up = = agreed+follow_up agreed+follow_up agreed+follow_up = = ="},
		{"reply hesitant", Event{Type: Replied, Reply: Hesitant, Evidence: []string{"standard letter"}},
			"flagged+alternate flagged+alternate flagged+alternate flagged+alternate = flagged+alternate = = = ="},
		{"reply decline", Event{Type: Replied, Reply: Decline},
			"declined+thank_you declined+thank_you declined+thank_you declined+thank_you declined+thank_you declined+thank_you = = = ="},
		{"reply needs_info", Event{Type: Replied, Reply: NeedsInfo},
			"info_requested+info info_requested+info agreed+info waiting+info = info_requested+info = = = ="},
		{"reply uploaded", Event{Type: Replied, Reply: UploadedR},
			"uploaded+thank_you uploaded+thank_you uploaded+thank_you uploaded+thank_you uploaded+thank_you uploaded+thank_you uploaded+thank_you = = uploaded+thank_you"},
		{"reply auto_reply", Event{Type: Replied, Reply: AutoReply},
			"= = = = = = = = = ="},
		{"reply other", Event{Type: Replied, Reply: Other},
			"= = = = = = = = = ="},
		{"mark uploaded", Event{Type: Marked},
			"uploaded+thank_you uploaded+thank_you uploaded+thank_you uploaded+thank_you uploaded+thank_you uploaded+thank_you uploaded+thank_you = = uploaded+thank_you"},
		{"sent ask", Event{Type: Sent, Template: TAsk},
			"asked = = = = = = = = ="},
		{"sent follow_up", Event{Type: Sent, Template: TFollowUp},
			"= = waiting = = = = = = ="},
		{"sent info", Event{Type: Sent, Template: TInfo},
			"= = waiting = = asked = = = ="},
		{"sent thank_you", Event{Type: Sent, Template: TThankYou},
			"= = = = = = = done = ="},
		{"resolve keep", Event{Type: Resolved, Decision: Keep},
			"= = = = agreed+follow_up = = error error ="},
		{"resolve replace", Event{Type: Resolved, Decision: Replace},
			"dropped+alternate dropped+alternate dropped+alternate dropped+alternate dropped+alternate dropped+alternate dropped+alternate error error dropped+alternate"},
		{"resolve drop", Event{Type: Resolved, Decision: Drop},
			"dropped dropped dropped dropped dropped dropped dropped error error ="},
		{"set declined", Event{Type: Set, State: Declined},
			"declined declined declined declined declined declined = declined declined declined"},
		{"set uploaded", Event{Type: Set, State: Uploaded},
			"uploaded+thank_you uploaded+thank_you uploaded+thank_you uploaded+thank_you uploaded+thank_you uploaded+thank_you uploaded+thank_you = uploaded+thank_you uploaded+thank_you"},
		{"set agreed", Event{Type: Set, State: Agreed},
			"agreed+follow_up agreed+follow_up = agreed agreed+follow_up agreed+follow_up agreed+follow_up agreed agreed agreed+follow_up"},
		{"tick before due", Event{Type: Tick},
			"= = = = = = = = = ="},
		{"tick when due", Event{Type: Tick, At: t0.Add(15 * 24 * time.Hour)},
			"= asked+reminder agreed+reminder waiting+reminder = info_requested+reminder = = = ="},
	}
	for _, ev := range events {
		wants := strings.Fields(ev.want)
		if len(wants) != len(allStates) {
			t.Fatalf("%s: %d outcomes for %d states", ev.name, len(wants), len(allStates))
		}
		for i, s := range allStates {
			t.Run(ev.name+"/"+string(s), func(t *testing.T) {
				e := ev.e
				if e.At.IsZero() {
					e.At = at
				}
				l := letterIn(s)
				o, err := Apply(l, e, policy)
				got := describe(l, o, err)
				if got != wants[i] {
					t.Errorf("%s in %s: got %s, want %s", ev.name, s, got, wants[i])
				}
				if err == nil && len(o.Draft) > 0 && o.Note == "" {
					t.Errorf("drafts %v without a history note %q", o.Draft, o.Note)
				}
			})
		}
	}
}

func describe(before Letter, o Outcome, err error) string {
	if err != nil {
		return "error"
	}
	if o.Letter.State == before.State && len(o.Draft) == 0 {
		return "="
	}
	s := string(o.Letter.State)
	for _, d := range o.Draft {
		s += "+" + d
	}
	return s
}

func TestSameEventTwiceDraftsOnce(t *testing.T) {
	for _, e := range []Event{
		{Type: Replied, Reply: StrongYes}, {Type: Replied, Reply: Hesitant},
		{Type: Replied, Reply: Decline}, {Type: Replied, Reply: NeedsInfo},
		{Type: Replied, Reply: UploadedR}, {Type: Marked}, {Type: Start},
		{Type: Tick, At: t0.Add(30 * 24 * time.Hour)},
	} {
		l := letterIn(Asked)
		l.Started = false
		e.At = t0.Add(30 * 24 * time.Hour)
		o1, err := Apply(l, e, policy)
		if err != nil {
			t.Fatal(err)
		}
		e.Pending = append(e.Pending, o1.Draft...)
		o2, _ := Apply(o1.Letter, e, policy)
		if len(o2.Draft) > 0 {
			t.Errorf("%s %s twice: second drafts %v", e.Type, e.Reply, o2.Draft)
		}
	}
}

func TestNoReminderAfterUploadOrDecline(t *testing.T) {
	for _, r := range []Reply{UploadedR, Decline} {
		l := letterIn(Waiting)
		o, _ := Apply(l, Event{Type: Replied, Reply: r, At: t0.Add(24 * time.Hour)}, policy)
		for d := 0; d < 120; d++ {
			at := t0.Add(time.Duration(d) * 24 * time.Hour)
			if _, ok := NextReminder(o.Letter, policy); ok {
				t.Fatalf("after %s a reminder is still scheduled", r)
			}
			if oo, _ := Apply(o.Letter, Event{Type: Tick, At: at}, policy); len(oo.Draft) > 0 {
				t.Fatalf("after %s, day %d drafts %v", r, d, oo.Draft)
			}
		}
	}
}

func TestUploadCancelsPendingReminders(t *testing.T) {
	o, _ := Apply(letterIn(Waiting), Event{Type: Replied, Reply: UploadedR, At: t0, Pending: []string{TReminder}}, policy)
	if !slices.Contains(o.Cancel, TReminder) {
		t.Errorf("upload does not cancel the pending reminder: %v", o.Cancel)
	}
}

// TestReminderCadence walks a silent writer day by day and records when
// reminders are drafted: first after 14 days, then weekly, at most three,
// plus the deadline reminders a week and two days before.
func TestReminderCadence(t *testing.T) {
	p := policy
	p.Deadline = time.Date(2027, 8, 1, 0, 0, 0, 0, time.UTC)
	l := letterIn(Waiting)
	var got []string
	for h := 0; h < 24*70; h++ {
		at := t0.Add(time.Duration(h) * time.Hour)
		o, err := Apply(l, Event{Type: Tick, At: at}, p)
		if err != nil {
			t.Fatal(err)
		}
		if len(o.Draft) > 0 {
			got = append(got, at.Format("01-02"))
		}
		l = o.Letter
	}
	want := []string{"06-15", "06-22", "06-29", "07-25", "07-30"}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("reminders on %v, want %v", got, want)
	}
}

func TestDeadlineTightensCadence(t *testing.T) {
	// Requested 10 days before the deadline: the regular first reminder
	// (14 days) would come after it; the deadline brings it forward.
	p := policy
	l := letterIn(Waiting)
	l.RequestedAt = p.Deadline.Add(-10 * 24 * time.Hour)
	l.LastRequestAt = l.RequestedAt
	next, ok := NextReminder(l, p)
	if !ok || !next.Equal(p.Deadline.Add(-7*24*time.Hour)) {
		t.Fatalf("next = %v, %v; want a week before the deadline", next, ok)
	}
	l.Reminders, l.LastRequestAt = 1, next
	next, _ = NextReminder(l, p)
	if !next.Equal(p.Deadline.Add(-2 * 24 * time.Hour)) {
		t.Errorf("second = %v, want two days before the deadline", next)
	}
}

func TestAutoReplyPostponesReminder(t *testing.T) {
	l := letterIn(Asked)
	back := t0.Add(20 * 24 * time.Hour)
	o, _ := Apply(l, Event{Type: Replied, Reply: AutoReply, ReturnDate: back, At: t0.Add(time.Hour)}, policy)
	if o.Letter.State != Asked || len(o.Draft) > 0 {
		t.Fatalf("auto-reply changed state: %+v", o)
	}
	next, _ := NextReminder(o.Letter, policy)
	if next.Before(back.Add(24 * time.Hour)) {
		t.Errorf("reminder at %v, before the day after the return date %v", next, back)
	}
	// Without a return date the schedule does not move.
	o2, _ := Apply(l, Event{Type: Replied, Reply: AutoReply, At: t0.Add(time.Hour)}, policy)
	n1, _ := NextReminder(l, policy)
	n2, _ := NextReminder(o2.Letter, policy)
	if !n1.Equal(n2) {
		t.Errorf("auto-reply without a date moved the reminder from %v to %v", n1, n2)
	}
}

func TestBusinessHours(t *testing.T) {
	ny, err := time.LoadLocation("America/New_York")
	if err != nil {
		t.Skip("no tzdata:", err)
	}
	cases := map[string]string{
		"2027-06-05T12:00:00-04:00": "2027-06-07T09:00:00-04:00", // Saturday → Monday 9:00
		"2027-06-07T07:30:00-04:00": "2027-06-07T09:00:00-04:00", // early → 9:00
		"2027-06-07T11:15:00-04:00": "2027-06-07T11:15:00-04:00", // in hours
		"2027-06-04T18:00:00-04:00": "2027-06-07T09:00:00-04:00", // Friday evening → Monday
	}
	for in, want := range cases {
		ti, _ := time.Parse(time.RFC3339, in)
		if got := businessTime(ti, ny).Format(time.RFC3339); got != want {
			t.Errorf("businessTime(%s) = %s, want %s", in, got, want)
		}
	}
}

func TestStartDraftsFirstEmailOnce(t *testing.T) {
	o, _ := Apply(New("smith", false), Event{Type: Start, At: t0}, policy)
	if fmt.Sprint(o.Draft) != "[ask]" {
		t.Errorf("email writer: %v", o.Draft)
	}
	o2, _ := Apply(o.Letter, Event{Type: Start, At: t0}, policy)
	if len(o2.Draft) != 0 {
		t.Errorf("second start drafts again: %v", o2.Draft)
	}
	o, _ = Apply(New("patel", true), Event{Type: Start, At: t0}, policy)
	if fmt.Sprint(o.Draft) != "[follow_up]" || o.Letter.State != Agreed {
		t.Errorf("in-person writer: %v %s", o.Draft, o.Letter.State)
	}
}

func TestConfidentialLetterFlag(t *testing.T) {
	o, _ := Apply(letterIn(Waiting), Event{Type: LetterIn, Evidence: []string{"LOR_Okafor.pdf"}}, policy)
	if !o.Letter.Flagged || o.Letter.State != Waiting {
		t.Fatalf("letter attachment: %+v", o.Letter)
	}
	o, err := Apply(o.Letter, Event{Type: Resolved, Decision: Keep}, policy)
	if err != nil || o.Letter.Flagged || o.Letter.State != Waiting {
		t.Errorf("clearing the flag: %+v %v", o.Letter, err)
	}
}

func TestResolveAfterTheUpload(t *testing.T) {
	_, err := Apply(letterIn(Uploaded), Event{Type: Resolved, Decision: Drop}, policy)
	var nf ErrNotFlagged
	if !errors.As(err, &nf) || nf.State != Uploaded {
		t.Errorf("err = %v", err)
	}
}

// A set stops what no longer fits: no reminder after the applicant says
// the writer declined.
func TestSetDeclinedStopsReminders(t *testing.T) {
	o, err := Apply(letterIn(Asked), Event{Type: Set, State: Declined, Pending: []string{TReminder}}, policy)
	if err != nil || !slices.Contains(o.Cancel, TReminder) {
		t.Fatalf("%+v %v", o, err)
	}
	if _, ok := NextReminder(o.Letter, policy); ok {
		t.Error("a reminder is still planned for a declined letter")
	}
	if _, err := ParseState("nope"); err == nil || !strings.Contains(err.Error(), "declined") {
		t.Errorf("ParseState: %v", err)
	}
}

// TestHesitantFlagSaysWhy: the flag the applicant reads names the
// hedge the classifier found, not just "hesitant".
func TestHesitantFlagSaysWhy(t *testing.T) {
	o, err := Apply(letterIn(Asked), Event{Type: Replied, At: t0, Reply: Hesitant,
		Reason: `hedged: "only worked together briefly"`}, policy)
	if err != nil {
		t.Fatal(err)
	}
	if want := `hesitant reply (hedged: "only worked together briefly"): the letter may not be strong`; o.Letter.FlagReason != want {
		t.Errorf("flag reason %q, want %q", o.Letter.FlagReason, want)
	}
	o, _ = Apply(letterIn(Asked), Event{Type: Replied, At: t0, Reply: Hesitant}, policy)
	if o.Letter.FlagReason != "hesitant reply: the letter may not be strong" {
		t.Errorf("without a reason: %q", o.Letter.FlagReason)
	}
}
