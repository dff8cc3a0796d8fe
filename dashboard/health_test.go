package dashboard_test

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"
	"time"

	"github.com/lorkeeper/lorkeeper/store"
)

// With no daemon, the board says so first, and how to start it; an
// approved email is listed as queued, with nobody to send it.
func TestBoardSaysLorkeeperIsNotRunning(t *testing.T) {
	f := setup(t)
	res := f.post("/drafts/1/approve", nil)
	if res.StatusCode != http.StatusSeeOther {
		t.Fatalf("approve: %d", res.StatusCode)
	}
	flash := ""
	for _, c := range res.Cookies() {
		if strings.Contains(c.Name, "flash") {
			flash = c.String()
		}
	}
	page := body(f.do("GET", "/", nil, true, "Cookie", flash+"; "+f.session().String()))
	contains(t, page,
		"Approved: request for a letter to Dr. Jane Smith. lorkeeper is not running, so it waits",
		"lorkeeper is not running", "Nothing is sent and no replies are read until you start it",
		"<code>lorkeeper run</code>", "<code>lorkeeper service install</code>",
		"1 approved email not sent yet", `href="/drafts/1">Request for a letter to Dr. Jane Smith</a>`,
		"Nobody is sending it:", "<code>lorkeeper run --once</code>",
	)
	if i, j := strings.Index(page, "lorkeeper is not running"), strings.Index(page, "Letters by state"); i < 0 || i > j {
		t.Error("the daemon's state is not at the top of the board")
	}
	// The queued email is still on its writer's page, not hidden.
	_, wp := f.get("/writers/smith")
	contains(t, wp, "Approved: sending shortly")
}

// With the daemon running, the board says when it last read the
// mailbox, and that queued email leaves within seconds; a daemon that
// stops checking in is called out.
func TestBoardSaysLorkeeperIsRunning(t *testing.T) {
	f := setup(t)
	f.running()
	if err := f.Keeper.Approve(ctx, 1); err != nil {
		t.Fatal(err)
	}
	_, page := f.get("/")
	contains(t, page, "lorkeeper is running", "Your mailbox was last read 2 minutes ago (09:58)", "running since Tue Jun 1, 07:00",
		"1 approved email not sent yet", "lorkeeper is running and sends it from your own mailbox as soon as it can")
	lacks(t, page, "lorkeeper is not running", "Nobody is sending")

	f.clock.Advance(10 * time.Minute) // no heartbeat since
	_, page = f.get("/")
	contains(t, page, "lorkeeper has not checked in since Tue Jun 1, 10:00", "It may be stuck", "lorkeeper should send it, but it has not checked in since Tue Jun 1, 10:00")
}

// A standing problem shows with what to do; a message that could not be
// read shows too.
func TestBoardShowsStandingProblems(t *testing.T) {
	f := setup(t)
	f.running()
	const refused = "imap 127.0.0.1:993: login refused for amara@inbox.test ([AUTHENTICATIONFAILED] Authentication failed.): check the secret in `imap.password_env = LORKEEPER_IMAP_PASSWORD`"
	if err := f.Keeper.SetProblem(ctx, "imap", refused); err != nil {
		t.Fatal(err)
	}
	f.uid++
	raw := "To: amara@inbox.test\r\nSubject: Re: your letter\r\nMessage-ID: <nofrom@x.test>\r\n\r\nA message without a sender.\r\n"
	if err := f.Keeper.DeliverOne(ctx, "INBOX", store.Checkpoint{UIDValidity: 1, LastUID: f.uid}, []byte(raw)); err != nil {
		t.Fatal(err)
	}
	_, page := f.get("/")
	contains(t, page,
		"lorkeeper is running, but something stops it",
		"lorkeeper cannot read your mailbox", "Since Tue Jun 1, 10:00",
		"check the secret in `imap.password_env = LORKEEPER_IMAP_PASSWORD`",
		"What to do:", "lorkeeper does not see replies or upload notices", f.Cfg.Path, "<code>lorkeeper check</code>",
		"A message lorkeeper could not read", "“Re: your letter”", "no sender could be read", "open it in your mail app",
	)
	if err := f.Keeper.SetProblem(ctx, "smtp", "smtp 127.0.0.1:465: 535 5.7.8 authentication failed: check the secret in `smtp.password_env = LORKEEPER_SMTP_PASSWORD`"); err != nil {
		t.Fatal(err)
	}
	_, page = f.get("/")
	contains(t, page, "lorkeeper cannot send email", "approved emails wait here")
	if _, err := f.Keeper.ClearProblem(ctx, "imap"); err != nil {
		t.Fatal(err)
	}
	_, page = f.get("/")
	lacks(t, page, "lorkeeper cannot read your mailbox")
}

// An upload notice lorkeeper could not verify asks the applicant to look
// in MyERAS; "Yes" marks the letter uploaded, and the question goes.
func TestUploadClaimConfirmedFromTheBoard(t *testing.T) {
	f := setup(t)
	f.sendAll("patel")
	f.notice("Dr. Priya Patel", false)
	if r := f.row("patel"); r.State != "waiting" || len(r.Claims) != 1 {
		t.Fatalf("patel after an unverified notice: %+v", r)
	}
	_, page := f.get("/")
	contains(t, page, "Is Dr. Priya Patel's letter in MyERAS?", "notices@portal.test", "could not check that it really came from the letter portal",
		`action="/writers/patel/uploaded"`, "Yes, it is in MyERAS", `action="/writers/patel/not-uploaded"`)
	_, wp := f.get("/writers/patel")
	contains(t, wp, "Upload notice, not verified")

	res := f.post("/writers/patel/uploaded", url.Values{"from": {"board"}})
	if res.StatusCode != http.StatusSeeOther || res.Header.Get("Location") != "/" {
		t.Fatalf("confirm: %d %s\n%s", res.StatusCode, res.Header.Get("Location"), body(res))
	}
	if r := f.row("patel"); r.State != "uploaded" || len(r.Claims) != 0 {
		t.Errorf("patel after confirming: %+v", r)
	}
	if _, ok := f.pending("patel", "thank_you"); !ok {
		t.Error("no thank-you drafted after the upload was confirmed")
	}
	_, page = f.get("/")
	lacks(t, page, "letter in MyERAS?")
	_, wp = f.get("/writers/patel")
	contains(t, wp, "You marked the letter uploaded", "by you, on the dashboard")
}

// A held email asks whether it arrived, without the command line's
// words; "It arrived" records it as sent, "Send again" queues it once
// more, with the warning about two copies.
func TestHeldDraftsFromTheBoard(t *testing.T) {
	f := setup(t)
	f.hold(1)
	f.hold(3)
	_, page := f.get("/")
	contains(t, page,
		"Did the request for a letter to Dr. Jane Smith arrive?",
		"so lorkeeper cannot tell whether the writer got it.", "Look for it in the Sent folder",
		`action="/drafts/1/sent"`, "It arrived — mark as sent",
		`action="/drafts/1/send-again"`, "Send again anyway…", "Dr. Jane Smith may get two copies of this email.",
	)
	lacks(t, page, "lorkeeper drafts sent", "send-again 1`", "may or may not have reached the writer: The connection")

	res := f.post("/drafts/1/sent", url.Values{"from": {"board"}})
	if res.StatusCode != http.StatusSeeOther || res.Header.Get("Location") != "/" {
		t.Fatalf("arrived: %d %s\n%s", res.StatusCode, res.Header.Get("Location"), body(res))
	}
	if d, _ := f.Keeper.Draft(ctx, 1); d.Status != store.Sent {
		t.Errorf("draft 1 after “It arrived”: %s", d.Status)
	}
	if r := f.row("smith"); r.State != "asked" {
		t.Errorf("smith after “It arrived”: %s", r.State)
	}

	res = f.post("/drafts/3/send-again", url.Values{"from": {"board"}})
	if res.StatusCode != http.StatusSeeOther {
		t.Fatalf("send again: %d\n%s", res.StatusCode, body(res))
	}
	if d, _ := f.Keeper.Draft(ctx, 3); d.Status != store.Approved {
		t.Fatalf("draft 3 after “Send again”: %s", d.Status)
	}
	if n := f.sendDue(); n != 1 {
		t.Errorf("the outbox sent %d after “Send again”", n)
	}
	_, page = f.get("/")
	lacks(t, page, "arrive?")
	// Neither can be settled twice.
	if res := f.post("/drafts/1/send-again", nil); res.StatusCode != http.StatusConflict {
		t.Errorf("send again a sent draft: %d", res.StatusCode)
	}
}

// The draft page of a held email offers the same two choices, and no
// plain Approve (the keeper refuses it for a held draft).
func TestHeldDraftPage(t *testing.T) {
	f := setup(t)
	f.hold(1)
	_, page := f.get("/drafts/1")
	contains(t, page, "Check your Sent folder", "so lorkeeper cannot tell whether the writer got it.",
		`id="arrived"`, `id="send-again"`, "may get two copies")
	lacks(t, page, `id="approve"`, "`lorkeeper")
	res := f.post("/drafts/1/approve", nil)
	if page := body(res); res.StatusCode != http.StatusConflict || !strings.Contains(page, "It arrived") {
		t.Errorf("approve a held draft: %d\n%s", res.StatusCode, page)
	}
	res = f.post("/drafts/1/sent", nil)
	if res.StatusCode != http.StatusSeeOther || res.Header.Get("Location") != fmt.Sprintf("/drafts/%d", 1) {
		t.Errorf("arrived from the draft page: %d %s", res.StatusCode, res.Header.Get("Location"))
	}
}
