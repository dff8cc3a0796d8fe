package outbox

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/lorkeeper/lorkeeper/config"
	"github.com/lorkeeper/lorkeeper/internal/sample"
	"github.com/lorkeeper/lorkeeper/internal/smtpfault"
	"github.com/lorkeeper/lorkeeper/internal/testenv"
	"github.com/lorkeeper/lorkeeper/mailer"
	"github.com/lorkeeper/lorkeeper/store"
)

// faulty returns an outbox sending through a fault server in mode m.
func faulty(t *testing.T, e *testenv.Env, m smtpfault.Mode) (*Outbox, *smtpfault.Server) {
	fs := smtpfault.Start(t, m)
	o := newOutbox(e)
	o.Sender = mailer.Server{Host: fs.Host, Port: fs.Port, Security: "none", Timeout: 5 * time.Second, Credential: fs.Credential}
	return o, fs
}

// sendFor runs passes of the outbox over an hour of the fake clock, as a
// daemon would, retrying whatever it retries.
func sendFor(t *testing.T, e *testenv.Env, o *Outbox) {
	t.Helper()
	for i := 0; i < 8; i++ {
		if err := o.pass(context.Background()); err != nil {
			t.Fatal(err)
		}
		e.Clock.Advance(10 * time.Minute)
	}
}

// The server accepted the message (250) and then the link broke, or it
// answered 421 to what came next: the writer has it; it must never be
// sent again.
func TestAcceptedMessageIsNeverSentTwice(t *testing.T) {
	for _, m := range []smtpfault.Mode{smtpfault.DropAfter250, smtpfault.Reply421AfterData} {
		e := testenv.New(t, testenv.Options{})
		ds := planned(t, e)
		e.Keeper.Approve(context.Background(), ds[0].ID)
		o, fs := faulty(t, e, m)
		sendFor(t, e, o)
		if n := fs.Accepted(); n != 1 {
			t.Errorf("mode %d: the writer received %d copies, want 1", m, n)
		}
		if d := draft(t, e, ds[0].ID); d.Status != store.Sent || d.Attempts != 1 {
			t.Errorf("mode %d: draft %s after %d attempts, want sent after 1", m, d.Status, d.Attempts)
		}
	}
}

// No answer after the final ".": maybe sent. Held, never retried or
// failed; sent again only on the applicant's explicit word.
func TestMaybeSentIsHeldNotRetried(t *testing.T) {
	e := testenv.New(t, testenv.Options{})
	ds := planned(t, e)
	ctx := context.Background()
	e.Keeper.Approve(ctx, ds[0].ID)
	o, fs := faulty(t, e, smtpfault.SilentAfterDot)
	sendFor(t, e, o)
	d := draft(t, e, ds[0].ID)
	if d.Status != store.Held || fs.Accepted() != 1 {
		t.Fatalf("draft %s, %d copies; want held and 1", d.Status, fs.Accepted())
	}
	if !strings.Contains(d.LastError, "cannot tell whether the writer got it") || !strings.Contains(d.LastError, "send-again") {
		t.Errorf("advice: %q", d.LastError)
	}
	// Approving it again as if it had never left is refused.
	if err := e.Keeper.Approve(ctx, d.ID); !errors.Is(err, store.ErrHeld) {
		t.Fatalf("approve of a held draft: %v", err)
	}
	fs.SetMode(smtpfault.OK)
	if err := e.Keeper.SendAgain(ctx, d.ID); err != nil {
		t.Fatal(err)
	}
	sendFor(t, e, o)
	if d := draft(t, e, d.ID); d.Status != store.Sent || fs.Accepted() != 2 {
		t.Errorf("after send-again: %s, %d copies", d.Status, fs.Accepted())
	}
}

// A refusal at the final "." is not a maybe: 4xx is retried, 5xx fails.
func TestRefusalAtTheDot(t *testing.T) {
	e := testenv.New(t, testenv.Options{})
	ds := planned(t, e)
	ctx := context.Background()
	e.Keeper.Approve(ctx, ds[0].ID)
	o, fs := faulty(t, e, smtpfault.Reply451AtDot)
	if err := o.pass(ctx); err != nil {
		t.Fatal(err)
	}
	if d := draft(t, e, ds[0].ID); d.Status != store.Approved || !strings.Contains(d.LastError, "451") {
		t.Fatalf("after 451: %s %q", d.Status, d.LastError)
	}
	fs.SetMode(smtpfault.OK)
	sendFor(t, e, o)
	if d := draft(t, e, ds[0].ID); d.Status != store.Sent || fs.Accepted() != 1 {
		t.Errorf("after retry: %s, %d", d.Status, fs.Accepted())
	}
}

// fakeFolders is a Sent folder that the provider may fill itself.
type fakeFolders struct {
	mu         sync.Mutex
	files      bool
	ids        map[string]int // Message-ID → copies
	failAppend int            // the next appends fail, after storing the copy (the answer was lost)
}

func (f *fakeFolders) ServerFilesSent(context.Context) (bool, error) { return f.files, nil }

func (f *fakeFolders) AppendSent(_ context.Context, raw []byte, _ time.Time) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	id := ""
	for _, l := range strings.Split(string(raw), "\r\n") {
		if v, ok := strings.CutPrefix(l, "Message-ID: "); ok {
			id = strings.Trim(v, "<>")
		}
	}
	f.ids[id]++
	if f.failAppend > 0 {
		f.failAppend--
		return errors.New("connection reset while waiting for the APPEND answer")
	}
	return nil
}

func (f *fakeFolders) HasSent(_ context.Context, id string) (bool, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.ids[id] > 0, nil
}

// A crash while sending: before the final "." the server discarded the
// message, so it goes out again; after it, the provider's own Sent copy
// decides where there is one, and otherwise the draft is held.
func TestCrashWhileSending(t *testing.T) {
	cases := []struct {
		name          string
		committed     bool
		files, inSent bool
		want          store.Status
		advice        string
	}{
		{"before the final dot", false, false, false, store.Sent, ""},
		{"after the dot, provider filed it", true, true, true, store.Sent, ""},
		{"after the dot, provider files but has none", true, true, false, store.Held, "most likely did not leave"},
		{"after the dot, no provider copy to check", true, false, false, store.Held, "cannot tell"},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			e := testenv.New(t, testenv.Options{})
			ds := planned(t, e)
			ctx := context.Background()
			e.Keeper.Approve(ctx, ds[0].ID)
			folders := &fakeFolders{files: tc.files, ids: map[string]int{}}
			d, ok, err := e.Keeper.Claim(ctx)
			if err != nil || !ok {
				t.Fatal(ok, err)
			}
			if tc.committed {
				if err := e.Keeper.Committed(ctx, d.ID); err != nil {
					t.Fatal(err)
				}
			}
			if tc.inSent {
				folders.ids[d.MessageID] = 1
			}
			// The process died here. A new outbox starts.
			o, fs := faulty(t, e, smtpfault.OK)
			o.Folders, o.SentCopy = folders, "auto"
			if err := o.Recover(ctx); err != nil {
				t.Fatal(err)
			}
			sendFor(t, e, o)
			got := draft(t, e, d.ID)
			if got.Status != tc.want || !strings.Contains(got.LastError, tc.advice) {
				t.Errorf("status %s, advice %q; want %s with %q", got.Status, got.LastError, tc.want, tc.advice)
			}
			wantWire := map[bool]int{false: 1, true: 0}[tc.committed]
			if fs.Accepted() != wantWire {
				t.Errorf("%d sent after restart, want %d", fs.Accepted(), wantWire)
			}
		})
	}
}

// The Sent copy is kept exactly once, even when lorkeeper stops after a
// send, or the APPEND's answer is lost.
func TestSentCopyExactlyOnce(t *testing.T) {
	e := testenv.New(t, testenv.Options{})
	ds := planned(t, e)
	ctx := context.Background()
	e.Keeper.Approve(ctx, ds[0].ID, ds[1].ID)
	folders := &fakeFolders{ids: map[string]int{}, failAppend: 1}
	o, _ := faulty(t, e, smtpfault.OK)
	o.Folders, o.SentCopy = folders, "auto"
	sendFor(t, e, o)
	for _, d := range ds[:2] {
		got := draft(t, e, d.ID)
		if got.SentCopy != store.CopyDone || folders.ids[got.MessageID] != 1 {
			t.Errorf("draft %d: copy state %d, %d copies in Sent; want done and 1", d.ID, got.SentCopy, folders.ids[got.MessageID])
		}
	}
}

// What is sent is what was approved: a file changed or removed after the
// approval does not change the email.
func TestAttachmentsAreSnapshottedAtApproval(t *testing.T) {
	e := testenv.New(t, testenv.Options{})
	ctx := context.Background()
	planned(t, e)
	// Patel was asked in person: the first email is the follow-up, with
	// the letter packet.
	ds, _ := e.Keeper.Drafts(ctx, store.Pending)
	var fu store.Draft
	for _, d := range ds {
		if d.Template == "follow_up" {
			fu = d
		}
	}
	if err := e.Keeper.Approve(ctx, fu.ID); err != nil {
		t.Fatal(err)
	}
	if err := os.Remove(filepath.Join(e.Dir, "cv.pdf")); err != nil {
		t.Fatal(err)
	}
	o := newOutbox(e)
	sendFor(t, e, o)
	got := draft(t, e, fu.ID)
	msgs, _ := e.Sys.Messages(fu.ToAddr, "INBOX")
	if got.Status != store.Sent || len(msgs) != 1 || !strings.Contains(string(msgs[0]), "cv.pdf") {
		t.Fatalf("status %s, %d messages", got.Status, len(msgs))
	}
}

// A draft whose attachment is gone cannot be approved: the error says
// which file and what to do.
func TestApprovalNeedsTheAttachments(t *testing.T) {
	e := testenv.New(t, testenv.Options{})
	ctx := context.Background()
	planned(t, e)
	ds, _ := e.Keeper.Drafts(ctx, store.Pending)
	os.Remove(filepath.Join(e.Dir, "ps.pdf"))
	for _, d := range ds {
		if d.Template != "follow_up" {
			continue
		}
		err := e.Keeper.Approve(ctx, d.ID)
		if err == nil || !strings.Contains(err.Error(), "ps.pdf") || !strings.Contains(err.Error(), "put the file back") {
			t.Fatalf("approve without the file: %v", err)
		}
		if got := draft(t, e, d.ID); got.Status != store.Pending {
			t.Errorf("draft is %s after a failed approval", got.Status)
		}
	}
}

// Mail to a writer carries nothing that says a program wrote it.
func TestMailLooksPersonal(t *testing.T) {
	e := testenv.New(t, testenv.Options{})
	ds := planned(t, e)
	ctx := context.Background()
	e.Keeper.Approve(ctx, ds[0].ID)
	sendFor(t, e, newOutbox(e))
	msgs, _ := e.Sys.Messages(ds[0].ToAddr, "INBOX")
	if len(msgs) != 1 {
		t.Fatalf("%d messages", len(msgs))
	}
	raw := strings.ToLower(string(msgs[0]))
	for _, tell := range []string{"lorkeeper", "x-mailer", "user-agent"} {
		if strings.Contains(raw, tell) {
			t.Errorf("the writer's copy contains %q", tell)
		}
	}
	id := draft(t, e, ds[0].ID).MessageID
	if !strings.HasSuffix(id, "@inbox.test") || len(strings.Split(strings.Split(id, "@")[0], "-")) != 5 {
		t.Errorf("Message-ID %q is not like an ordinary client's", id)
	}
}

// The digest is a draft too: recorded before it is sent, so two
// processes can never both send it.
func TestDigestSentOnceByTwoOutboxes(t *testing.T) {
	e := testenv.New(t, testenv.Options{Configure: func(c *config.Config) { c.Schedule.DigestEvery = sample.String("24h") }})
	ctx := context.Background()
	planned(t, e)
	if _, err := e.Keeper.QueueDigest(ctx, false); err != nil {
		t.Fatal(err)
	}
	if id, _ := e.Keeper.QueueDigest(ctx, false); id != 0 {
		t.Fatal("a second digest was queued right after the first")
	}
	a, b := newOutbox(e), newOutbox(e)
	var wg sync.WaitGroup
	for _, o := range []*Outbox{a, b} {
		wg.Add(1)
		go func() { defer wg.Done(); o.SendDue(ctx) }()
	}
	wg.Wait()
	msgs, _ := e.Sys.Messages(testenv.Applicant, "INBOX")
	if len(msgs) != 1 || !strings.Contains(string(msgs[0]), "Auto-Submitted: auto-generated") {
		t.Fatalf("%d digests arrived", len(msgs))
	}
	sent, _ := e.Sys.Messages(testenv.Applicant, "Sent")
	if len(sent) != 0 {
		t.Errorf("the digest was copied to Sent")
	}
}
