package dashboard_test

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/lorkeeper/lorkeeper/keeper"
	"github.com/lorkeeper/lorkeeper/letters"
	"github.com/lorkeeper/lorkeeper/templates"
)

// vague is a reply lorkeeper reads as "other"; the applicant knows it was
// a decline (the writer said so in person).
const vague = "Thanks for your note.\n"

// replyFrom sends writer's ask and delivers text as their answer.
func (f *fixture) replyFrom(writer, from, text string) {
	f.t.Helper()
	ask := f.sendAll(writer)[0]
	f.clock.Advance(24 * time.Hour)
	f.deliver(from, "Re: "+ask.Subject, ask.MessageID, text)
}

// A decline read as "other" is corrected beside the reply: reminders
// stop; the history says who did it; undo restores the reminders.
func TestCorrectAReplyThenUndo(t *testing.T) {
	f := setup(t)
	f.replyFrom("nguyen", "Dr. Linh Nguyen <lnguyen@clinic.test>", vague)
	if r := f.row("nguyen"); r.State != "asked" || r.LastReplyKind != "other" || r.NextStep != "reminder" {
		t.Fatalf("before: %+v", r)
	}
	_, page := f.get("/writers/nguyen")
	contains(t, page, "This is not what Dr. Linh Nguyen meant", `action="/writers/nguyen/correct"`,
		`value="decline"`, "A decline", "Reminders stop, and lorkeeper drafts a thank-you note.",
		"Something else</strong> <span class=\"muted\">(what it says now)</span>")
	lacks(t, visible(page), "needs_info", "strong_yes", "auto_reply") // the kinds in plain words only
	lacks(t, page, `id="undo"`)

	res := f.post("/writers/nguyen/correct", url.Values{"kind": {"decline"}})
	if res.StatusCode != http.StatusSeeOther || res.Header.Get("Location") != "/writers/nguyen" {
		t.Fatalf("correct: %d %s\n%s", res.StatusCode, res.Header.Get("Location"), body(res))
	}
	if r := f.row("nguyen"); r.State != "declined" || r.NextStep == "reminder" {
		t.Fatalf("after the correction: %+v", r)
	}
	for range 6 {
		f.clock.Advance(7 * 24 * time.Hour)
		if n, _ := f.Keeper.Tick(ctx); n != 0 {
			t.Fatal("a reminder was drafted for a writer who declined")
		}
	}
	_, page = f.get("/writers/nguyen")
	contains(t, page,
		"Declined", "(you corrected this; lorkeeper read it as other reply)",
		"You said the reply was a decline", "by you, on the dashboard", // history: what, who
		`id="undo"`, `<strong id="undo-what">You said the reply was a decline</strong>`, "The letter goes back to “Awaiting a reply”")

	res = f.post("/writers/nguyen/undo", nil)
	if res.StatusCode != http.StatusSeeOther {
		t.Fatalf("undo: %d\n%s", res.StatusCode, body(res))
	}
	if r := f.row("nguyen"); r.State != "asked" || r.LastReplyKind != "other" {
		t.Errorf("after undo: %+v", r)
	}
	if _, ok := f.pending("nguyen", "thank_you"); ok {
		t.Error("the thank-you for declining is still pending after undo")
	}
	_, page = f.get("/writers/nguyen")
	contains(t, page, "You undid your last change", "(Declined → Awaiting a reply)")
	lacks(t, page, `id="undo"`, "can no longer be undone", "set from asked")
	if n, _ := f.Keeper.Tick(ctx); n != 1 {
		t.Errorf("after undo, %d reminders are due; want the one that was waiting", n)
	}
	// A second undo has nothing to take back.
	if res := f.post("/writers/nguyen/undo", nil); res.StatusCode != http.StatusConflict || !strings.Contains(body(res), "no change of yours to undo") {
		t.Errorf("second undo: %d", res.StatusCode)
	}
}

// The state can be set to any step of the lifecycle, in plain words; a
// change the letter has moved on from cannot be undone, and the page
// says so.
func TestSetStateFromTheWriterPage(t *testing.T) {
	f := setup(t)
	_, page := f.get("/writers/smith")
	for _, st := range []string{"planned", "asked", "agreed", "waiting", "info_requested", "declined", "uploaded", "done", "dropped"} {
		contains(t, page, fmt.Sprintf(`name="state" value="%s"`, st))
		contains(t, page, capitalizeFirst(templates.DescribeState(st)))
	}
	res := f.post("/writers/smith/set", url.Values{"state": {"agreed"}})
	if res.StatusCode != http.StatusSeeOther {
		t.Fatalf("set: %d\n%s", res.StatusCode, body(res))
	}
	if r := f.row("smith"); r.State != "agreed" {
		t.Fatalf("smith: %s", r.State)
	}
	fu, ok := f.pending("smith", "follow_up")
	if !ok {
		t.Fatal("no follow-up after setting agreed")
	}
	_, page = f.get("/writers/smith")
	contains(t, page, "You set the letter to “Agreed to write”", "by you, on the dashboard", "(Not asked yet → Agreed to write)", `id="undo"`)

	// The follow-up goes out: the letter moves on, and the set can no
	// longer be undone.
	if err := f.Keeper.Approve(ctx, fu.ID); err != nil {
		t.Fatal(err)
	}
	f.sendDue()
	_, page = f.get("/writers/smith")
	contains(t, page, "can no longer be undone: the letter has moved on")
	lacks(t, page, `id="undo"`)
	res = f.post("/writers/smith/undo", nil)
	if p := body(res); res.StatusCode != http.StatusConflict || !strings.Contains(p, "has moved on since") || strings.Contains(p, "lorkeeper set") {
		t.Errorf("undo after the letter moved on: %d\n%s", res.StatusCode, p)
	}

	if res := f.post("/writers/smith/set", url.Values{"state": {"finished"}}); res.StatusCode != http.StatusBadRequest {
		t.Errorf("unknown state: %d", res.StatusCode)
	}
	if res := f.post("/writers/nobody/set", url.Values{"state": {"declined"}}); res.StatusCode != http.StatusNotFound {
		t.Errorf("unknown writer: %d", res.StatusCode)
	}
	if res := f.post("/writers/smith/correct", url.Values{"kind": {"decline"}}); res.StatusCode == http.StatusSeeOther {
		t.Error("a reply was corrected before there was any")
	}
}

func capitalizeFirst(s string) string { return strings.ToUpper(s[:1]) + s[1:] }

// Keep, replace or drop is offered after any reply, not only a flagged
// one.
func TestResolveAfterAnyReply(t *testing.T) {
	f := setup(t)
	_, page := f.get("/writers/nguyen")
	lacks(t, page, "Keep, replace or drop") // no reply yet
	f.replyFrom("nguyen", "Dr. Linh Nguyen <lnguyen@clinic.test>", vague)
	_, page = f.get("/writers/nguyen")
	contains(t, page, "Keep, replace or drop Dr. Linh Nguyen", `action="/flags/nguyen/resolve"`, `value="replace"`, `value="drop"`)

	res := f.post("/flags/nguyen/resolve", url.Values{"decision": {"replace"}, "from": {"writer"}})
	alt, ok := f.pending("nguyen", "alternate")
	if !ok || res.StatusCode != http.StatusSeeOther || res.Header.Get("Location") != fmt.Sprintf("/drafts/%d", alt.ID) {
		t.Fatalf("replace: %d %s (alternate pending: %v)", res.StatusCode, res.Header.Get("Location"), ok)
	}
	if r := f.row("nguyen"); r.State != "dropped" {
		t.Errorf("nguyen after replace: %s", r.State)
	}
	_, page = f.get("/writers/nguyen")
	contains(t, page, "You decided to replace the writer", "by you, on the dashboard")
}

// The flag page offers the correction too, on the flagged reply.
func TestCorrectAFlaggedReply(t *testing.T) {
	f := setup(t)
	f.flagNguyen()
	_, page := f.get("/flags/nguyen")
	contains(t, page, "This is not what Dr. Linh Nguyen meant", `value="strong_yes"`, "A yes to a strong letter")
	res := f.post("/writers/nguyen/correct", url.Values{"kind": {"strong_yes"}})
	if res.StatusCode != http.StatusSeeOther {
		t.Fatalf("correct: %d\n%s", res.StatusCode, body(res))
	}
	if r := f.row("nguyen"); r.State != "agreed" || r.Flagged {
		t.Errorf("nguyen: %+v", r)
	}
	if _, ok := f.pending("nguyen", "follow_up"); !ok {
		t.Error("no follow-up after correcting to a strong yes")
	}
	if _, ok := f.pending("nguyen", "alternate"); ok {
		t.Error("the alternate request is still pending")
	}
}

// doubtful is a reply the classifier is not sure of (a yes beside a real
// limit). If a retrained model becomes sure of it, pick another: `lorkeeper
// classify` prints "unsure": true for the ones it is not sure of.
const doubtful = "Count me in, though I didn't supervise you directly.\n"

// A reply lorkeeper is not sure of is put before the applicant on the
// board and the writer's page; "Yes, that is right" settles it without
// changing the letter, and it leaves the board.
func TestUnsureReplyIsConfirmed(t *testing.T) {
	f := setup(t)
	f.replyFrom("nguyen", "Dr. Linh Nguyen <lnguyen@clinic.test>", doubtful)
	r := f.row("nguyen")
	if r.Unsure == nil {
		t.Fatalf("the model is sure of the doubtful reply (%s): choose another for this test", r.LastReplyKind)
	}
	state := r.State
	_, page := f.get("/")
	contains(t, page, "lorkeeper is not sure it read the reply right")
	_, page = f.get("/writers/nguyen")
	contains(t, page, `id="unsure-nguyen"`, "lorkeeper is not sure it read this reply right", "% sure)", "It reads most like",
		`id="confirm-nguyen"`, "Yes, that is right")
	res := f.post("/writers/nguyen/correct", url.Values{"kind": {r.LastReplyKind}, "confirm": {"1"}})
	if res.StatusCode != http.StatusSeeOther {
		t.Fatalf("confirm: %d\n%s", res.StatusCode, body(res))
	}
	if r := f.row("nguyen"); r.Unsure != nil || r.State != state {
		t.Errorf("after confirming: unsure %+v, state %s (was %s)", r.Unsure, r.State, state)
	}
	_, page = f.get("/writers/nguyen")
	contains(t, page, "was read right", "by you, on the dashboard") // the history says who settled it
	lacks(t, page, `id="unsure-nguyen"`)
	_, page = f.get("/")
	lacks(t, page, "lorkeeper is not sure")
}

// An uploaded letter stays on the board's to-do list until the
// applicant says they assigned it in MyERAS, which one button records.
func TestAssignTodoOnTheBoard(t *testing.T) {
	f := setup(t)
	if _, err := f.Keeper.MarkUploaded(ctx, "smith", keeper.ByCommandLine); err != nil {
		t.Fatal(err)
	}
	_, board := f.get("/")
	if !strings.Contains(board, "Assign Dr. Jane Smith&#39;s diagnostic radiology letter to your programs in MyERAS") ||
		!strings.Contains(board, `action="/letters/smith/assigned"`) {
		t.Fatalf("the board has no assign to-do:\n%s", board)
	}
	if resp := f.post("/letters/smith/assigned", url.Values{}); resp.StatusCode != http.StatusSeeOther {
		t.Fatalf("assigned: %d", resp.StatusCode)
	}
	if r := f.row("smith"); len(r.Letters) != 1 || r.Letters[0].State != "assigned" {
		t.Errorf("smith's letter: %+v", r.Letters)
	}
	if _, board := f.get("/"); strings.Contains(board, "/letters/smith/assigned") {
		t.Error("the to-do stays after the letter was assigned")
	}
}

// A writer who declined writes no letter: the board counts the letters
// still coming ("0 of 3"), as the letter mix beside it does.
func TestUploadedCountLeavesOutDeclined(t *testing.T) {
	f := setup(t)
	if _, board := f.get("/"); !strings.Contains(board, `<span class="stat-value">0 of 4</span>`) {
		t.Fatalf("before: the board's count is not 0 of 4")
	}
	if _, err := f.Keeper.Set(ctx, "adeyemi", letters.Declined, keeper.ByCommandLine); err != nil {
		t.Fatal(err)
	}
	if _, board := f.get("/"); !strings.Contains(board, `<span class="stat-value">0 of 3</span>`) {
		t.Errorf("after a decline, the board does not say 0 of 3")
	}
}
