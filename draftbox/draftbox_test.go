package draftbox_test

import (
	"context"
	"io"
	"log/slog"
	"strings"
	"testing"
	"time"

	"github.com/emersion/go-imap/v2"
	"github.com/emersion/go-imap/v2/imapclient"

	"github.com/lorkeeper/lorkeeper/draftbox"
	"github.com/lorkeeper/lorkeeper/inbox"
	"github.com/lorkeeper/lorkeeper/internal/testenv"
	"github.com/lorkeeper/lorkeeper/mailer"
	"github.com/lorkeeper/lorkeeper/outbox"
	"github.com/lorkeeper/lorkeeper/store"
)

var ctx = context.Background()

type fixture struct {
	*testenv.Env
	t      *testing.T
	mirror *draftbox.Mirror
	out    *outbox.Outbox
}

func setup(t *testing.T) *fixture {
	// The real clock: the Sent folder is searched by delivery date.
	e := testenv.New(t, testenv.Options{Clock: time.Now()})
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	m := &draftbox.Mirror{Keeper: e.Keeper, Folders: e.Folders(), Grace: time.Millisecond, Log: log}
	o := &outbox.Outbox{Keeper: e.Keeper, Sender: e.SMTP(), Folders: e.Folders(), SentCopy: "append",
		BeforeSend: m.BeforeSend, Log: log}
	if _, err := e.Keeper.Start(ctx); err != nil {
		t.Fatal(err)
	}
	f := &fixture{Env: e, t: t, mirror: m, out: o}
	f.sync()
	return f
}

func (f *fixture) sync() {
	f.t.Helper()
	if err := f.mirror.Sync(ctx); err != nil {
		f.t.Fatal(err)
	}
}

// client is the applicant's own mail client, logged in over IMAP.
func (f *fixture) client() *imapclient.Client {
	f.t.Helper()
	c, err := inbox.Dial(ctx, f.IMAP(), nil)
	if err != nil {
		f.t.Fatal(err)
	}
	f.t.Cleanup(func() { c.Close() })
	return c
}

func (f *fixture) folder(name string) []string {
	f.t.Helper()
	msgs, err := f.Sys.Messages(testenv.Applicant, name)
	if err != nil {
		f.t.Fatal(err)
	}
	var out []string
	for _, m := range msgs {
		out = append(out, string(m))
	}
	return out
}

func (f *fixture) draftFor(writer string) store.Draft {
	f.t.Helper()
	ds, _ := f.Keeper.Drafts(ctx)
	for _, d := range ds {
		if d.Writer == writer {
			return d
		}
	}
	f.t.Fatalf("no draft for %s", writer)
	return store.Draft{}
}

func TestDraftsAppearInDraftsFolder(t *testing.T) {
	f := setup(t)
	msgs := f.folder("Drafts")
	if len(msgs) != 4 {
		t.Fatalf("%d drafts in the folder, want 4", len(msgs))
	}
	var patel string
	for _, m := range msgs {
		if strings.Contains(m, "To: \"Dr. Priya Patel\" <ppatel@hospital.test>") {
			patel = m
		}
		if strings.Contains(strings.ToLower(m), "lorkeeper") {
			t.Error("a copy says lorkeeper made it; the applicant may send it as it is")
		}
	}
	// Each copy carries its draft's Message-ID: that is how lorkeeper
	// knows it again.
	ds, _ := f.Keeper.Drafts(ctx)
	for _, d := range ds {
		found := false
		for _, m := range msgs {
			found = found || strings.Contains(m, "Message-ID: <"+d.MessageID+">")
		}
		if !found {
			t.Errorf("no copy carries draft %d's Message-ID %s", d.ID, d.MessageID)
		}
	}
	// The follow-up carries its attachments.
	for _, want := range []string{"cv.pdf", "ps.pdf", "Summary for Dr. Priya Patel"} {
		if !strings.Contains(patel, want) {
			t.Errorf("Drafts copy of the follow-up lacks %s", want)
		}
	}
	f.sync() // a second pass adds nothing
	if n := len(f.folder("Drafts")); n != 4 {
		t.Errorf("%d copies after a second pass", n)
	}
}

func TestApprovalThroughLorkeeperRemovesCopy(t *testing.T) {
	f := setup(t)
	d := f.draftFor("smith")
	f.Keeper.Approve(ctx, d.ID)
	if _, err := f.out.SendDue(ctx); err != nil {
		t.Fatal(err)
	}
	if n := len(f.folder("Drafts")); n != 3 {
		t.Errorf("%d copies left, want 3", n)
	}
	if got, _ := f.Keeper.Draft(ctx, d.ID); got.Status != store.Sent {
		t.Errorf("draft %s", got.Status)
	}
	f.sync()
	if n := len(f.Sys.Sent()); n != 1 {
		t.Errorf("%d sent", n)
	}
}

// TestEditAndSendFromClient: the applicant edits the draft in their mail
// client (which replaces the message), then sends it from there.
func TestEditAndSendFromClient(t *testing.T) {
	for _, keepsID := range []bool{true, false} {
		f := setup(t)
		d := f.draftFor("smith")
		c := f.client()
		if _, err := c.Select("Drafts", nil).Wait(); err != nil {
			t.Fatal(err)
		}
		// Edit: a new version replaces the old one.
		uid := imap.UID(d.MailboxUID)
		old, err := c.Fetch(imap.UIDSetNum(uid), &imap.FetchOptions{BodySection: []*imap.FetchItemBodySection{{Peek: true}}}).Collect()
		if err != nil || len(old) != 1 {
			t.Fatal(err)
		}
		edited := strings.Replace(string(old[0].BodySection[0].Bytes), "Thank you again", "Many thanks", 1)
		if !keepsID {
			// Many clients give a saved draft a new Message-ID.
			edited = strings.Replace(edited, "Message-ID: <", "Message-ID: <resaved.", 1)
		}
		appendTo(t, c, "Drafts", edited)
		deleteUID(t, c, uid)
		f.sync()
		got, _ := f.Keeper.Draft(ctx, d.ID)
		if !strings.Contains(got.Text, "Many thanks") || got.Status != store.Pending {
			t.Fatalf("keeps Message-ID %v: the edit was not picked up: %s\n%s", keepsID, got.Status, got.Text)
		}
		// Send from the client: submitted over SMTP, copied to Sent,
		// removed from Drafts.
		msg, _ := mailer.Compose(mailer.Message{FromAddr: testenv.Applicant, ToName: d.ToName, ToAddr: d.ToAddr,
			Subject: got.Subject, Text: got.Text, MessageID: "client-1@inbox.test"})
		if _, err := f.SMTP().Send(ctx, msg, nil); err != nil {
			t.Fatal(err)
		}
		raw, _ := mailer.Bytes(msg)
		appendTo(t, c, "Sent", string(raw))
		c.Select("Drafts", nil).Wait()
		deleteUID(t, c, imap.UID(got.MailboxUID))
		f.sync()
		got, _ = f.Keeper.Draft(ctx, d.ID)
		if got.Status != store.Sent || got.MessageID != "client-1@inbox.test" || !strings.Contains(got.Text, "Many thanks") {
			t.Fatalf("sent from the client: %s %s", got.Status, got.MessageID)
		}
		// lorkeeper never sends it again, even if approved now.
		if err := f.Keeper.Approve(ctx, d.ID); err == nil {
			t.Error("a sent draft could be approved again")
		}
		f.out.SendDue(ctx)
		if n := len(f.Sys.Sent()); n != 1 {
			t.Errorf("%d messages on the wire, want the client's 1", n)
		}
		rows, _ := f.Keeper.Status(ctx)
		for _, r := range rows {
			if r.Writer == "smith" && r.State != "asked" {
				t.Errorf("smith is %s after the client sent the ask", r.State)
			}
		}
	}
}

func TestDeletedInClientIsDiscarded(t *testing.T) {
	f := setup(t)
	d := f.draftFor("nguyen")
	c := f.client()
	c.Select("Drafts", nil).Wait()
	deleteUID(t, c, imap.UID(d.MailboxUID))
	f.sync() // first notices it gone
	f.Clock.Advance(time.Second)
	f.sync() // after the grace period, discards
	if got, _ := f.Keeper.Draft(ctx, d.ID); got.Status != store.Discarded {
		t.Errorf("draft deleted in the client is %s", got.Status)
	}
}

func TestDiscardThroughLorkeeperRemovesCopy(t *testing.T) {
	f := setup(t)
	d := f.draftFor("adeyemi")
	f.Keeper.Discard(ctx, d.ID)
	f.sync()
	for _, m := range f.folder("Drafts") {
		if strings.Contains(m, "badeyemi@university.test") {
			t.Error("discarded draft still in the Drafts folder")
		}
	}
}

// TestApprovedButAlreadySentFromClient: the applicant sends from the
// client and approves in lorkeeper before it notices: it must not send a
// second copy.
func TestApprovedButAlreadySentFromClient(t *testing.T) {
	f := setup(t)
	d := f.draftFor("smith")
	c := f.client()
	msg, _ := mailer.Compose(mailer.Message{FromAddr: testenv.Applicant, ToAddr: d.ToAddr, Subject: d.Subject, Text: d.Text,
		MessageID: "client-2@inbox.test"})
	f.SMTP().Send(ctx, msg, nil)
	raw, _ := mailer.Bytes(msg)
	appendTo(t, c, "Sent", string(raw))
	c.Select("Drafts", nil).Wait()
	deleteUID(t, c, imap.UID(d.MailboxUID))
	f.Keeper.Approve(ctx, d.ID)
	f.out.SendDue(ctx)
	if n := len(f.Sys.Sent()); n != 1 {
		t.Fatalf("%d on the wire, want 1", n)
	}
	f.sync()
	if got, _ := f.Keeper.Draft(ctx, d.ID); got.Status != store.Sent || got.MessageID != "client-2@inbox.test" {
		t.Errorf("%s %s", got.Status, got.MessageID)
	}
}

// The applicant changes who the draft goes to in their mail client: the
// recipients they saw are the ones it goes to (Bcc unseen by the others).
func TestRecipientEditsAreHonoured(t *testing.T) {
	f := setup(t)
	for _, u := range []string{"assistant@hospital.test", "amara.backup@inbox.test"} {
		f.Sys.AddUser(u, testenv.Password)
	}
	d := f.draftFor("smith")
	c := f.client()
	c.Select("Drafts", nil).Wait()
	uid := imap.UID(d.MailboxUID)
	old, _ := c.Fetch(imap.UIDSetNum(uid), &imap.FetchOptions{BodySection: []*imap.FetchItemBodySection{{Peek: true}}}).Collect()
	raw := string(old[0].BodySection[0].Bytes)
	raw = strings.Replace(raw, "To: \"Dr. Jane Smith\" <jsmith@hospital.test>", "To: Pat Lee <assistant@hospital.test>\r\nBcc: amara.backup@inbox.test", 1)
	appendTo(t, c, "Drafts", raw)
	deleteUID(t, c, uid)
	f.sync()
	got, _ := f.Keeper.Draft(ctx, d.ID)
	if got.ToAddr != "assistant@hospital.test" || len(got.Bcc) != 1 {
		t.Fatalf("recipients after the edit: to %s, bcc %v", got.ToAddr, got.Bcc)
	}
	f.Keeper.Approve(ctx, d.ID)
	if _, err := f.out.SendDue(ctx); err != nil {
		t.Fatal(err)
	}
	for addr, want := range map[string]int{"assistant@hospital.test": 1, "amara.backup@inbox.test": 1, "jsmith@hospital.test": 0} {
		msgs, _ := f.Sys.Messages(addr, "INBOX")
		if len(msgs) != want {
			t.Errorf("%s got %d messages, want %d", addr, len(msgs), want)
		}
		for _, m := range msgs {
			if strings.Contains(string(m), "Bcc:") {
				t.Errorf("%s sees the Bcc header", addr)
			}
		}
	}
}

func appendTo(t *testing.T, c *imapclient.Client, box, raw string) {
	t.Helper()
	cmd := c.Append(box, int64(len(raw)), &imap.AppendOptions{Flags: []imap.Flag{imap.FlagDraft}})
	cmd.Write([]byte(raw))
	cmd.Close()
	if _, err := cmd.Wait(); err != nil {
		t.Fatal(err)
	}
}

func deleteUID(t *testing.T, c *imapclient.Client, uid imap.UID) {
	t.Helper()
	set := imap.UIDSetNum(uid)
	if err := c.Store(set, &imap.StoreFlags{Op: imap.StoreFlagsAdd, Flags: []imap.Flag{imap.FlagDeleted}}, nil).Close(); err != nil {
		t.Fatal(err)
	}
	if err := c.UIDExpunge(set).Close(); err != nil {
		t.Fatal(err)
	}
}

// TestStoppedRightAfterRemovingTheCopy: lorkeeper removed an approved
// draft's copy from the Drafts folder to send it and was killed before
// it recorded the removal. After the restart the copy is gone by its own
// hand, not the applicant's: the draft goes out at once, once.
func TestStoppedRightAfterRemovingTheCopy(t *testing.T) {
	f := setup(t)
	d := f.draftFor("smith")
	f.Keeper.Approve(ctx, d.ID)
	// The state a kill leaves between the removal and its record.
	if err := f.Keeper.RemovingCopy(ctx, d.ID); err != nil {
		t.Fatal(err)
	}
	c := f.client()
	c.Select("Drafts", nil).Wait()
	deleteUID(t, c, imap.UID(d.MailboxUID))
	if _, err := f.out.SendDue(ctx); err != nil {
		t.Fatal(err)
	}
	if n := len(f.Sys.Sent()); n != 1 {
		t.Fatalf("%d on the wire after the restart, want 1 (the copy went by lorkeeper's hand)", n)
	}
	if got, _ := f.Keeper.Draft(ctx, d.ID); got.Status != store.Sent {
		t.Errorf("draft %s, want sent", got.Status)
	}
	f.sync()
	if _, err := f.out.SendDue(ctx); err != nil {
		t.Fatal(err)
	}
	if n := len(f.Sys.Sent()); n != 1 {
		t.Errorf("%d on the wire after another pass, want 1", n)
	}
}
