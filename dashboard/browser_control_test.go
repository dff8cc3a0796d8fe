package dashboard_test

import (
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/lorkeeper/lorkeeper/store"
)

// TestBrowserCorrectAndUndo corrects a decline read as "other" by
// clicking beside the reply, checks that reminders stop, and undoes it.
func TestBrowserCorrectAndUndo(t *testing.T) {
	b := browser(t, 1280, 900)
	f := setup(t)
	f.replyFrom("nguyen", "Dr. Linh Nguyen <lnguyen@clinic.test>", vague)
	base := f.serve(t)
	do(t, b, "open nguyen's page",
		chromedp.Navigate(base+"/writers/nguyen?token="+url.QueryEscape(f.token)),
		chromedp.WaitVisible(chromedp.ID("change-h")))
	do(t, b, "say the reply was a decline",
		chromedp.Click(chromedp.CSS("#correct-nguyen summary")),
		chromedp.Click(chromedp.CSS(`#correct-nguyen input[value="decline"]`)),
		chromedp.Click(chromedp.ID("correct-submit")),
		chromedp.WaitVisible(chromedp.CSS(".flash")))
	if flash := text(t, b, ".flash"); !strings.Contains(flash, "You said Dr. Linh Nguyen's reply was a decline") || !strings.Contains(flash, "Declined") {
		t.Errorf("flash: %q", flash)
	}
	if r := f.row("nguyen"); r.State != "declined" || r.NextStep == "reminder" {
		t.Fatalf("nguyen after the correction: %+v", r)
	}
	f.clock.Advance(30 * 24 * time.Hour)
	if n, _ := f.Keeper.Tick(ctx); n != 0 {
		t.Fatal("a reminder was drafted after the decline")
	}
	if hist := text(t, b, ".history"); !strings.Contains(hist, "You said the reply was a decline") || !strings.Contains(hist, "by you, on the dashboard") {
		t.Errorf("history:\n%s", hist)
	}
	if what := text(t, b, "#undo-what"); what != "You said the reply was a decline" {
		t.Errorf("undo says it undoes %q", what)
	}
	do(t, b, "undo",
		chromedp.Navigate(base+"/writers/nguyen"), // a fresh page, without the last message
		chromedp.WaitVisible(chromedp.ID("undo")),
		chromedp.Click(chromedp.ID("undo")),
		chromedp.WaitVisible(chromedp.CSS(".flash")))
	if flash := text(t, b, ".flash"); !strings.HasPrefix(flash, "Undone: you said the reply was a decline") {
		t.Errorf("flash after undo: %q", flash)
	}
	if r := f.row("nguyen"); r.State != "asked" {
		t.Errorf("nguyen after undo: %s", r.State)
	}
	if n, _ := f.Keeper.Tick(ctx); n != 1 {
		t.Errorf("after undo, %d reminders are drafted; want the one that was due", n)
	}

	// Set the state by clicking, then undo that too.
	do(t, b, "set the letter to dropped",
		chromedp.Navigate(base+"/writers/nguyen"),
		chromedp.WaitVisible(chromedp.ID("change-h")),
		chromedp.Click(chromedp.CSS("#set summary")),
		chromedp.Click(chromedp.CSS(`#set input[value="dropped"]`)),
		chromedp.Click(chromedp.ID("set-submit")),
		chromedp.WaitVisible(chromedp.CSS(".flash")))
	if r := f.row("nguyen"); r.State != "dropped" {
		t.Fatalf("nguyen after set: %s", r.State)
	}
	if badge := text(t, b, ".title-row .badge"); badge != "Dropped" {
		t.Errorf("badge: %q", badge)
	}
}

// TestBrowserBoardStatus answers the board's questions by clicking:
// an unverified upload notice (No, then Yes) and two held emails (It
// arrived; Send again anyway).
func TestBrowserBoardStatus(t *testing.T) {
	b := browser(t, 1280, 900)
	f := setup(t)
	f.sendAll("patel")
	f.notice("Dr. Priya Patel", false)
	f.hold(1)
	f.hold(3)
	base := f.serve(t)
	do(t, b, "open the board",
		chromedp.Navigate(base+"/?token="+url.QueryEscape(f.token)),
		chromedp.WaitVisible(chromedp.ID("health-h")))
	if h := text(t, b, "#health-h"); h != "lorkeeper is not running" {
		t.Errorf("health: %q", h)
	}

	do(t, b, "No, the letter is not in MyERAS",
		chromedp.Click(chromedp.ID("not-uploaded-patel")),
		chromedp.WaitVisible(chromedp.CSS(".flash")))
	if p := text(t, b, ".flash"); !strings.Contains(p, "Nothing changes") {
		t.Errorf("after No: %q", p)
	}
	if r := f.row("patel"); r.State != "waiting" || len(r.Claims) != 0 {
		t.Errorf("No changed the letter, or the question stayed: %+v", r)
	}
	// Another notice comes, and this time it is true.
	f.notice("Dr. Priya Patel", false)
	do(t, b, "reload", chromedp.Navigate(base+"/"), chromedp.WaitVisible(chromedp.ID("uploaded-patel")))
	do(t, b, "Yes, it is in MyERAS",
		chromedp.Click(chromedp.ID("uploaded-patel")),
		chromedp.WaitVisible(chromedp.CSS(".flash")))
	if r := f.row("patel"); r.State != "uploaded" || len(r.Claims) != 0 {
		t.Errorf("after Yes: %+v", r)
	}
	if loc := location(t, b); loc != base+"/" {
		t.Errorf("after Yes the browser is at %s", loc)
	}

	// Each step starts from a fresh board, so the message it waits for
	// is the new one.
	do(t, b, "It arrived",
		chromedp.Navigate(base+"/"), chromedp.WaitVisible(chromedp.ID("arrived-1")),
		chromedp.Click(chromedp.ID("arrived-1")),
		chromedp.WaitVisible(chromedp.CSS(".flash")))
	if d, _ := f.Keeper.Draft(ctx, 1); d.Status != store.Sent {
		t.Errorf("draft 1 after It arrived: %s", d.Status)
	}
	do(t, b, "Send again anyway",
		chromedp.Navigate(base+"/"), chromedp.WaitVisible(chromedp.ID("send-again-open-3")),
		chromedp.Click(chromedp.ID("send-again-open-3")),
		chromedp.WaitVisible(chromedp.ID("send-again-3")))
	if warn := text(t, b, `form[action="/drafts/3/send-again"] p`); !strings.Contains(warn, "may get two copies") {
		t.Errorf("send-again warning: %q", warn)
	}
	do(t, b, "Yes, send it again",
		chromedp.Click(chromedp.ID("send-again-3")),
		chromedp.WaitVisible(chromedp.CSS(".flash")))
	if d, _ := f.Keeper.Draft(ctx, 3); d.Status != store.Approved {
		t.Fatalf("draft 3 after Send again: %s", d.Status)
	}
	if board := text(t, b, "#main"); strings.Contains(board, "arrive?") || !strings.Contains(board, "1 approved email not sent yet") {
		t.Errorf("board after both:\n%s", board)
	}
}
