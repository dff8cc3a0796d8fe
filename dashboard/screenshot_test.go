package dashboard_test

import (
	"fmt"
	"net/url"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	"github.com/lorkeeper/lorkeeper/keeper"
)

// TestScreenshots writes the dashboard's pictures in docs/ from
// realistic sample data: the board, its status header on a bad day, a
// flagged reply, a writer's page with its corrections, and the answer
// to a writer's questions on a laptop and on a phone. It runs only with
// LORKEEPER_SCREENSHOTS=1:
//
//	LORKEEPER_SCREENSHOTS=1 go test -run TestScreenshots ./dashboard
func TestScreenshots(t *testing.T) {
	if os.Getenv("LORKEEPER_SCREENSHOTS") != "1" {
		t.Skip("set LORKEEPER_SCREENSHOTS=1 to write the screenshots in docs/")
	}
	f := sample(t)
	base := f.serve(t)
	docs := filepath.Join("..", "docs")
	if err := os.MkdirAll(docs, 0o755); err != nil {
		t.Fatal(err)
	}
	write := func(name string, png []byte) {
		t.Helper()
		if err := os.WriteFile(filepath.Join(docs, name), png, 0o644); err != nil {
			t.Fatal(err)
		}
		t.Logf("wrote docs/%s (%d KB)", name, len(png)>>10)
	}
	info, ok := f.pending("adeyemi", "info")
	if !ok {
		t.Fatal("no answer to Prof. Adeyemi")
	}
	infoPath := fmt.Sprintf("/drafts/%d", info.ID)

	b := browser(t, 1280, 900)
	shot := func(path, name string, ready chromedp.ID, then ...chromedp.Action[chromedp.Void]) {
		t.Helper()
		do(t, b, "open "+path, append([]chromedp.Action[chromedp.Void]{chromedp.Navigate(base + path), chromedp.WaitVisible(ready)}, then...)...)
		write(name, read(t, b, "screenshot "+path, chromedp.FullScreenshot(100)))
	}
	do(t, b, "sign in", chromedp.Navigate(base+"/?token="+url.QueryEscape(f.token)), chromedp.WaitVisible(chromedp.ID("board-h")))
	shot("/", "dashboard-board.png", "board-h")
	shot("/flags/nguyen", "dashboard-flag.png", "decide-h")
	shot(infoPath, "dashboard-draft.png", "answering-h")
	shot("/writers/adeyemi", "dashboard-writer.png", "change-h",
		chromedp.Click(chromedp.CSS("#correct-adeyemi summary")), chromedp.WaitVisible(chromedp.ID("correct-submit")))

	phone := browser(t, 390, 844)
	do(t, phone, "phone", chromedp.EmulateViewport(390, 844, chromedp.EmulateMobile, chromedp.EmulatePortrait),
		chromedp.Navigate(base+infoPath+"?token="+url.QueryEscape(f.token)), chromedp.WaitVisible(chromedp.ID("answering-h")))
	write("dashboard-draft-phone.png", read(t, phone, "screenshot the phone", chromedp.FullScreenshot(100)))

	// A bad day: the mailbox password was revoked three hours ago, an
	// upload notice could not be verified, a send was interrupted, and
	// another waits for its next try.
	const refused = "imap imap.mailbox.test:993: login refused for amara.okafor@mailbox.test ([AUTHENTICATIONFAILED] Invalid credentials): check the secret in `imap.password_env = LORKEEPER_IMAP_PASSWORD`"
	if err := f.Keeper.SetProblem(ctx, "imap", refused); err != nil {
		t.Fatal(err)
	}
	f.clock.Advance(3*time.Hour + 4*time.Minute)
	now := f.clock.Now()
	if err := f.Keeper.SetProblem(ctx, "imap", refused); err != nil {
		t.Fatal(err)
	}
	f.notice("Dr. Jane Smith", false)
	ty, _ := f.pending("patel", "thank_you")
	f.hold(ty.ID)
	fu, _ := f.pending("smith", "follow_up")
	if err := f.Keeper.Approve(ctx, fu.ID); err != nil {
		t.Fatal(err)
	}
	d, ok, err := f.Keeper.ClaimID(ctx, fu.ID)
	if err != nil || !ok {
		t.Fatal(err)
	}
	if err := f.Keeper.Retry(ctx, d, "421 4.7.0 Temporary System Problem. Try again later.", now.Add(4*time.Minute)); err != nil {
		t.Fatal(err)
	}
	if err := f.Keeper.Beat(ctx, keeper.Heartbeat{PID: os.Getpid(), Started: now.Add(-26 * time.Hour), Beat: now,
		LastLogin: now.Add(-3*time.Hour - 4*time.Minute), LastSync: now.Add(-3*time.Hour - 4*time.Minute), Interval: "30s"}); err != nil {
		t.Fatal(err)
	}
	do(t, b, "open the board on a bad day", chromedp.Navigate(base+"/"), chromedp.WaitVisible(chromedp.ID("health-h")))
	write("dashboard-status.png", read(t, b, "screenshot the status", chromedp.Screenshot(chromedp.CSS("section.health"))))
}
