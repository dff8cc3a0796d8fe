package outbox

import (
	"context"
	"io"
	"log/slog"
	"strings"
	"testing"
	"time"

	"github.com/lorkeeper/lorkeeper/internal/testenv"
	"github.com/lorkeeper/lorkeeper/memmail"
	"github.com/lorkeeper/lorkeeper/store"
)

func newOutbox(e *testenv.Env) *Outbox {
	return &Outbox{Keeper: e.Keeper, Sender: e.SMTP(), Folders: e.Folders(), SentCopy: "append",
		RetryBase: time.Millisecond, Log: slog.New(slog.NewTextHandler(io.Discard, nil))}
}

func planned(t *testing.T, e *testenv.Env) []store.Draft {
	t.Helper()
	ctx := context.Background()
	if _, err := e.Keeper.Start(ctx); err != nil {
		t.Fatal(err)
	}
	ds, err := e.Keeper.Drafts(ctx, store.Pending)
	if err != nil || len(ds) != 4 {
		t.Fatalf("%d drafts, %v", len(ds), err)
	}
	return ds
}

func draft(t *testing.T, e *testenv.Env, id int64) store.Draft {
	t.Helper()
	d, err := e.Keeper.Draft(context.Background(), id)
	if err != nil {
		t.Fatal(err)
	}
	return d
}

func TestNothingLeavesWithoutApproval(t *testing.T) {
	e := testenv.New(t, testenv.Options{})
	planned(t, e)
	n, err := newOutbox(e).SendDue(context.Background())
	if err != nil || n != 0 || len(e.Sys.Sent()) != 0 {
		t.Fatalf("sent %d (%d on the wire) without approval, %v", n, len(e.Sys.Sent()), err)
	}
}

func TestApprovedDraftSentOnceWithSentCopy(t *testing.T) {
	e := testenv.New(t, testenv.Options{})
	ds := planned(t, e)
	ctx := context.Background()
	if err := e.Keeper.Approve(ctx, ds[0].ID); err != nil {
		t.Fatal(err)
	}
	o := newOutbox(e)
	for i := 0; i < 3; i++ {
		if err := o.pass(ctx); err != nil {
			t.Fatal(err)
		}
	}
	if got := len(e.Sys.Sent()); got != 1 {
		t.Fatalf("%d messages on the wire, want 1", got)
	}
	inbox, _ := e.Sys.Messages(ds[0].ToAddr, "INBOX")
	sent, _ := e.Sys.Messages(testenv.Applicant, "Sent")
	if len(inbox) != 1 || len(sent) != 1 {
		t.Errorf("writer INBOX %d, applicant Sent %d; want 1 and 1", len(inbox), len(sent))
	}
	d := draft(t, e, ds[0].ID)
	if d.Status != store.Sent || d.ServerReply == "" || d.SentCopy != store.CopyDone || !strings.Contains(string(inbox[0]), "Message-ID: <"+d.MessageID+">") {
		t.Errorf("draft after send: %+v", d)
	}
}

// TestThreadedFollowUp checks the follow-up replies under the writer's answer.
func TestThreadedFollowUp(t *testing.T) {
	e := testenv.New(t, testenv.Options{})
	ds := planned(t, e)
	ctx := context.Background()
	o := newOutbox(e)
	var ask store.Draft
	for _, d := range ds {
		if d.Writer == "smith" {
			ask = d
		}
	}
	e.Keeper.Approve(ctx, ask.ID)
	o.SendDue(ctx)
	ask = draft(t, e, ask.ID)
	// The writer agrees (delivered as a reply to the ask).
	reply := "From: Dr. Jane Smith <jsmith@hospital.test>\r\nTo: amara@inbox.test\r\nSubject: Re: " + ask.Subject +
		"\r\nMessage-ID: <r1@hospital.test>\r\nIn-Reply-To: <" + ask.MessageID + ">\r\nDate: Tue, 01 Jun 2027 10:00:00 -0400\r\n" +
		"Content-Type: text/plain\r\n\r\nI would be delighted to write you a strong letter of recommendation.\r\n"
	e.Keeper.DeliverOne(ctx, "INBOX", store.Checkpoint{UIDValidity: 1, LastUID: 1}, []byte(reply))
	fu, err := e.Keeper.Drafts(ctx, store.Pending)
	if err != nil {
		t.Fatal(err)
	}
	var follow store.Draft
	for _, d := range fu {
		if d.Writer == "smith" && d.Template == "follow_up" {
			follow = d
		}
	}
	if follow.ID == 0 {
		t.Fatalf("no follow-up drafted after a strong yes: %+v", fu)
	}
	e.Keeper.Approve(ctx, follow.ID)
	o.SendDue(ctx)
	follow = draft(t, e, follow.ID)
	if follow.Subject != "Re: "+ask.Subject || follow.InReplyTo != "r1@hospital.test" ||
		strings.Join(follow.References, " ") != ask.MessageID+" r1@hospital.test" {
		t.Errorf("threading: subject %q in-reply-to %q refs %v", follow.Subject, follow.InReplyTo, follow.References)
	}
	msgs, _ := e.Sys.Messages(testenv.Writers["smith"], "INBOX")
	last := string(msgs[len(msgs)-1])
	for _, want := range []string{"In-Reply-To: <r1@hospital.test>", "cv.pdf", "ps.pdf", "Summary for Dr. Jane Smith"} {
		if !strings.Contains(last, want) {
			t.Errorf("follow-up lacks %q", want)
		}
	}
}

func TestTemporaryFailureRetries(t *testing.T) {
	e := testenv.New(t, testenv.Options{})
	ds := planned(t, e)
	ctx := context.Background()
	e.Keeper.Approve(ctx, ds[0].ID)
	e.Sys.FailNext(memmail.Fault{Code: 451, Message: "try later"}, memmail.Fault{Code: 421, Message: "busy"})
	o := newOutbox(e)
	for i := 0; i < 3; i++ {
		o.SendDue(ctx)
		e.Clock.Advance(time.Minute)
	}
	d := draft(t, e, ds[0].ID)
	if d.Status != store.Sent || d.Attempts != 3 || len(e.Sys.Sent()) != 1 {
		t.Errorf("after two 4xx: status %s attempts %d sent %d", d.Status, d.Attempts, len(e.Sys.Sent()))
	}
}

func TestPermanentFailureStops(t *testing.T) {
	e := testenv.New(t, testenv.Options{})
	ds := planned(t, e)
	ctx := context.Background()
	e.Keeper.Approve(ctx, ds[0].ID)
	e.Sys.FailNext(memmail.Fault{Code: 550, Message: "mailbox unavailable"})
	o := newOutbox(e)
	for i := 0; i < 3; i++ {
		o.SendDue(ctx)
		e.Clock.Advance(time.Hour)
	}
	d := draft(t, e, ds[0].ID)
	if d.Status != store.Failed || d.Attempts != 1 || !strings.Contains(d.LastError, "mailbox unavailable") {
		t.Errorf("after 550: %s, %d attempts, %q", d.Status, d.Attempts, d.LastError)
	}
	rows, _ := e.Keeper.Status(ctx)
	found := false
	for _, r := range rows {
		for _, f := range r.Failures {
			found = found || strings.Contains(f, "mailbox unavailable")
		}
	}
	if !found {
		t.Error("status does not show why the send failed")
	}
}

func TestRateLimit(t *testing.T) {
	e := testenv.New(t, testenv.Options{})
	ds := planned(t, e)
	ctx := context.Background()
	for _, d := range ds {
		e.Keeper.Approve(ctx, d.ID)
	}
	o := newOutbox(e)
	o.PerMinute = 2
	n, err := o.SendDue(ctx)
	if err != nil || n != 2 || len(e.Sys.Sent()) != 2 {
		t.Errorf("sent %d (%d on the wire) with a limit of 2 a minute, %v", n, len(e.Sys.Sent()), err)
	}
}
