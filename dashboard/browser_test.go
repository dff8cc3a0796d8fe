package dashboard_test

import (
	"context"
	"fmt"
	"net/http/httptest"
	"net/url"
	"strings"
	"testing"

	"github.com/chromedp/cdproto/emulation"
	"github.com/chromedp/chromedp"

	"github.com/lorkeeper/lorkeeper/internal/browsertest"
	"github.com/lorkeeper/lorkeeper/internal/testenv"
	"github.com/lorkeeper/lorkeeper/store"
)

// browser starts a headless Chromium for t (see browsertest.New).
func browser(t *testing.T, width, height int) context.Context {
	t.Helper()
	return browsertest.New(t, width, height)
}

// do runs browser actions, failing the test on error.
func do(t *testing.T, b context.Context, what string, actions ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	if err := chromedp.Do(b, actions...); err != nil {
		t.Fatalf("%s: %v", what, err)
	}
}

// read runs one browser action that returns a value.
func read[T any](t *testing.T, b context.Context, what string, a chromedp.Action[T]) T {
	t.Helper()
	v, err := chromedp.Run(b, a)
	if err != nil {
		t.Fatalf("%s: %v", what, err)
	}
	return v
}

// text reads the text of the first element matching the CSS selector.
func text(t *testing.T, b context.Context, css string) string {
	t.Helper()
	return read(t, b, "read "+css, chromedp.Text(chromedp.CSS(css)))
}

func location(t *testing.T, b context.Context) string {
	t.Helper()
	return read(t, b, "read the location", chromedp.Location())
}

// serve starts the dashboard of f on a loopback port for the browser.
func (f *fixture) serve(t *testing.T) string {
	srv := httptest.NewServer(f.h)
	t.Cleanup(srv.Close)
	return srv.URL
}

// TestBrowserApproveDraft opens the board with JavaScript off, is refused
// without the token, edits and approves a draft by clicking, and checks
// the outbox sends it.
func TestBrowserApproveDraft(t *testing.T) {
	b := browser(t, 1280, 900)
	f := setup(t)
	base := f.serve(t)
	if _, err := chromedp.Call(b, emulation.SetScriptExecutionDisabled, emulation.SetScriptExecutionDisabledParams{Value: true}); err != nil {
		t.Fatalf("turn JavaScript off: %v", err)
	}

	do(t, b, "open without the token", chromedp.Navigate(base+"/"), chromedp.WaitVisible(chromedp.CSS("main")))
	if page := text(t, b, "main"); !strings.Contains(page, "private") || strings.Contains(page, "Smith") {
		t.Fatalf("without the token the page says:\n%s", page)
	}

	do(t, b, "open the token link",
		chromedp.Navigate(base+"/?token="+url.QueryEscape(f.token)),
		chromedp.WaitVisible(chromedp.ID("board-h")))
	if loc := location(t, b); strings.Contains(loc, "token") {
		t.Errorf("the token stays in the address bar: %s", loc)
	}
	board := text(t, b, "main")
	for _, want := range []string{"Dr. Jane Smith", "Dr. Priya Patel", "Letter mix", "92 days left"} {
		if !strings.Contains(board, want) {
			t.Errorf("board lacks %q", want)
		}
	}

	const subject = "Would you write me a strong letter? (Amara Okafor)"
	do(t, b, "review smith's ask",
		chromedp.Click(chromedp.CSS(`.todo a[href="/drafts/1"]`)),
		chromedp.WaitVisible(chromedp.ID("approve")))
	if head := text(t, b, ".mail-head"); !strings.Contains(head, "jsmith@hospital.test") || !strings.Contains(head, "amara@inbox.test") {
		t.Errorf("the draft's header:\n%s", head)
	}
	do(t, b, "edit the subject, then save and approve",
		chromedp.SetValue(chromedp.ID("subject"), subject),
		chromedp.Click(chromedp.ID("save-approve")),
		chromedp.WaitVisible(chromedp.ID("board-h")))
	if flash, loc := text(t, b, ".flash"), location(t, b); !strings.HasPrefix(flash, "Approved: request for a letter to Dr. Jane Smith") || loc != base+"/" {
		t.Errorf("after approving: %q at %s", flash, loc)
	}
	if d, _ := f.Keeper.Draft(ctx, 1); d.Status != store.Approved || d.Subject != subject {
		t.Fatalf("draft 1: %s %q", d.Status, d.Subject)
	}

	// The daemon's outbox sends it.
	if n := f.sendDue(); n != 1 {
		t.Fatalf("outbox sent %d drafts", n)
	}
	msgs, err := f.Sys.Messages(testenv.Writers["smith"], "INBOX")
	if err != nil || len(msgs) != 1 || header(t, msgs[0], "Subject") != subject {
		t.Fatalf("Dr. Smith's inbox: %d messages, %v", len(msgs), err)
	}

	// Discarding takes two clicks.
	do(t, b, "discard patel's follow-up",
		chromedp.Navigate(base+"/drafts/2"),
		chromedp.WaitVisible(chromedp.CSS("details.confirm summary")),
		chromedp.Click(chromedp.CSS("details.confirm summary")),
		chromedp.Click(chromedp.ID("discard")),
		chromedp.WaitVisible(chromedp.ID("board-h")))
	if d, _ := f.Keeper.Draft(ctx, 2); d.Status != store.Discarded || !strings.HasPrefix(text(t, b, ".flash"), "Discarded") {
		t.Errorf("draft 2: %s", d.Status)
	}
}

// TestBrowserResolveFlag reads a flagged reply, chooses Replace, and
// approves the alternate request it opens.
func TestBrowserResolveFlag(t *testing.T) {
	b := browser(t, 1280, 900)
	f := setup(t)
	f.flagNguyen()
	alt, ok := f.pending("nguyen", "alternate")
	if !ok {
		t.Fatal("no alternate draft")
	}
	base := f.serve(t)

	do(t, b, "open the flag from the board",
		chromedp.Navigate(base+"/?token="+url.QueryEscape(f.token)),
		chromedp.WaitVisible(chromedp.ID("todo-h")),
		chromedp.Click(chromedp.CSS(`.todo a[href="/flags/nguyen"]`)),
		chromedp.WaitVisible(chromedp.ID("replace")))
	if marked := text(t, b, ".mail-body mark"); !strings.Contains(marked, "standard letter") {
		t.Errorf("highlighted evidence: %q", marked)
	}
	do(t, b, "replace",
		chromedp.Click(chromedp.ID("replace")),
		chromedp.WaitVisible(chromedp.ID("approve")))
	if loc, h1 := location(t, b), text(t, b, "h1"); loc != fmt.Sprintf("%s/drafts/%d", base, alt.ID) || !strings.Contains(h1, "who else could write") {
		t.Errorf("replace opened %s (%q), want the alternate draft %d", loc, h1, alt.ID)
	}
	if r := f.row("nguyen"); r.State != "dropped" || r.Flagged {
		t.Errorf("nguyen after replace: %+v", r)
	}
	do(t, b, "approve the alternate",
		chromedp.Click(chromedp.ID("approve")),
		chromedp.WaitVisible(chromedp.ID("board-h")))
	before := len(f.Sys.Sent())
	f.sendDue()
	sent := f.Sys.Sent()
	if len(sent) != before+1 || sent[len(sent)-1].To[0] != testenv.Writers["nguyen"] {
		t.Fatalf("the alternate was not sent: %d messages", len(sent))
	}
	if header(t, sent[len(sent)-1].Data, "In-Reply-To") == "" {
		t.Error("the alternate is not threaded under the ask")
	}
}
