package keeper_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/lorkeeper/lorkeeper/internal/testenv"
	"github.com/lorkeeper/lorkeeper/keeper"
	"github.com/lorkeeper/lorkeeper/store"
)

// deliverRaw hands raw bytes to the keeper, as the watcher would, without
// the provider's verdict on the sender.
func (f *fixture) deliverRaw(raw string) {
	f.t.Helper()
	f.uid++
	if err := f.Keeper.DeliverOne(ctx, "INBOX", store.Checkpoint{UIDValidity: 1, LastUID: f.uid}, []byte(raw)); err != nil {
		f.t.Fatal(err)
	}
}

const notice = "From: Letters Portal <noreply@portal.test>\r\nTo: amara@inbox.test\r\nSubject: Letter received\r\n" +
	"Message-ID: <%s@portal.test>\r\nAuto-Submitted: auto-generated\r\nContent-Type: text/plain\r\n\r\n" +
	"Your letter writer Dr. Jane Smith has submitted a letter of recommendation on your behalf.\r\n"

// Anyone can write "From: noreply@portal.test": a notice whose sender
// cannot be verified changes nothing; it is shown to the applicant as a
// claim to check in MyERAS, and confirmed with one command.
func TestForgedUploadNoticeChangesNothing(t *testing.T) {
	f := setup(t, testenv.Options{})
	f.sendAll("smith")
	before := f.row("smith")
	pending := f.pending("smith")
	f.deliverRaw(fmt.Sprintf(notice, "forged1"))
	// A forger can add a passing verdict below the provider's own; only
	// the topmost one of the provider counts.
	f.deliverRaw("Authentication-Results: mx.memmail.test; dmarc=fail header.from=portal.test\r\n" +
		"Authentication-Results: mx.memmail.test; dmarc=pass header.from=portal.test\r\n" + fmt.Sprintf(notice, "forged2"))
	after := f.row("smith")
	if after.State != before.State || fmt.Sprint(f.pending("smith")) != fmt.Sprint(pending) {
		t.Fatalf("a forged notice moved the letter: %s -> %s, drafts %v -> %v", before.State, after.State, pending, f.pending("smith"))
	}
	if len(after.Claims) != 2 || !strings.Contains(after.Claims[0], "could not be verified") || !strings.Contains(after.Claims[0], "MyERAS") {
		t.Errorf("claims shown: %q", after.Claims)
	}
	// The applicant checks MyERAS and confirms.
	o, err := f.Keeper.MarkUploaded(ctx, "smith", keeper.ByCommandLine)
	if err != nil || o.Letter.State != "uploaded" {
		t.Fatalf("mark uploaded: %v %+v", err, o.Letter)
	}
	if r := f.row("smith"); len(r.Claims) != 0 {
		t.Errorf("claims after confirming: %q", r.Claims)
	}
}

func TestVerifiedUploadNoticeMovesTheLetter(t *testing.T) {
	f := setup(t, testenv.Options{})
	f.sendAll("smith")
	f.deliverRaw(testenv.Authenticated(fmt.Sprintf(notice, "real")))
	if r := f.row("smith"); r.State != "uploaded" || len(r.Claims) != 0 {
		t.Fatalf("after a verified notice: %s, claims %q", r.State, r.Claims)
	}
	// The thank-you answers the applicant's own thread with the writer,
	// not the portal's notice, which the writer never saw.
	ds, _ := f.Keeper.Drafts(ctx, store.Pending)
	for _, d := range ds {
		if d.Writer != "smith" {
			continue
		}
		if d, _ = f.Keeper.Threading(ctx, d); d.InReplyTo == "" || strings.Contains(d.InReplyTo+strings.Join(d.References, " "), "portal.test") {
			t.Errorf("the %s to smith is threaded under %q (refs %v)", d.Template, d.InReplyTo, d.References)
		}
	}
}

// A held draft (maybe sent) that the writer answers was sent: it is
// recorded so, and its letter moves on.
func TestAnswerSettlesAHeldDraft(t *testing.T) {
	f := setup(t, testenv.Options{})
	ds, _ := f.Keeper.Drafts(ctx, store.Pending)
	var ask store.Draft
	for _, d := range ds {
		if d.Writer == "smith" {
			ask = d
		}
	}
	f.Keeper.Approve(ctx, ask.ID)
	d, ok, err := f.Keeper.Claim(ctx)
	if err != nil || !ok || f.Keeper.Committed(ctx, d.ID) != nil {
		t.Fatal(ok, err)
	}
	if err := f.Keeper.Hold(ctx, d, "no answer after the message went out"); err != nil {
		t.Fatal(err)
	}
	f.deliver("Dr. Jane Smith <jsmith@hospital.test>", "Re: "+d.Subject, d.MessageID,
		"I would be delighted to write you a strong letter.\n")
	got, _ := f.Keeper.Draft(ctx, d.ID)
	if got.Status != store.Sent || !strings.Contains(got.ServerReply, "replied") {
		t.Errorf("held draft after the writer's answer: %s %q", got.Status, got.ServerReply)
	}
	if r := f.row("smith"); r.State != "agreed" {
		t.Errorf("smith is %s", r.State)
	}
}

// A message lorkeeper cannot read at all is noted where the applicant
// sees it, never skipped in silence.
func TestUnreadableMessageIsNoted(t *testing.T) {
	f := setup(t, testenv.Options{})
	f.deliverRaw("Subject: Re: letter\r\nMessage-ID: <nofrom@x.test>\r\n\r\nA reply whose sender is lost.\r\n")
	ms, _ := f.Keeper.Messages(ctx, "")
	if len(ms) != 1 || ms[0].Kind != keeper.KindUnreadable {
		t.Fatalf("messages: %+v", ms)
	}
	st, err := f.Keeper.Overview(ctx)
	if err != nil || len(st.Unreadable) != 1 || !strings.Contains(st.Unreadable[0], "Re: letter") {
		t.Errorf("overview: %+v %v", st.Unreadable, err)
	}
}
