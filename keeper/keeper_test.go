package keeper_test

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/lorkeeper/lorkeeper/config"
	"github.com/lorkeeper/lorkeeper/internal/sample"
	"github.com/lorkeeper/lorkeeper/internal/testenv"
	"github.com/lorkeeper/lorkeeper/keeper"
	"github.com/lorkeeper/lorkeeper/letters"
	"github.com/lorkeeper/lorkeeper/outbox"
	"github.com/lorkeeper/lorkeeper/store"
)

var ctx = context.Background()

type fixture struct {
	*testenv.Env
	t   *testing.T
	out *outbox.Outbox
	uid uint32
}

func setup(t *testing.T, opts testenv.Options) *fixture {
	e := testenv.New(t, opts)
	f := &fixture{Env: e, t: t}
	f.out = &outbox.Outbox{Keeper: e.Keeper, Sender: e.SMTP(), Folders: e.Folders(), SentCopy: "append",
		RetryBase: time.Millisecond, Log: slog.New(slog.NewTextHandler(io.Discard, nil))}
	if _, err := e.Keeper.Start(ctx); err != nil {
		t.Fatal(err)
	}
	return f
}

// sendAll approves and sends every pending draft of writer ("" for all).
func (f *fixture) sendAll(writer string) []store.Draft {
	f.t.Helper()
	ds, err := f.Keeper.Drafts(ctx, store.Pending)
	if err != nil {
		f.t.Fatal(err)
	}
	var sent []store.Draft
	for _, d := range ds {
		if writer == "" || d.Writer == writer {
			if err := f.Keeper.Approve(ctx, d.ID); err != nil {
				f.t.Fatal(err)
			}
			sent = append(sent, d)
		}
	}
	if _, err := f.out.SendDue(ctx); err != nil {
		f.t.Fatal(err)
	}
	for i, d := range sent {
		sent[i], _ = f.Keeper.Draft(ctx, d.ID)
		if sent[i].Status != store.Sent {
			f.t.Fatalf("draft %d not sent: %s %s", d.ID, sent[i].Status, sent[i].LastError)
		}
	}
	return sent
}

// deliver hands a message to the keeper as the watcher would.
func (f *fixture) deliver(from, subject, inReplyTo, body string, extra ...string) {
	f.t.Helper()
	f.uid++
	h := fmt.Sprintf("From: %s\r\nTo: %s\r\nSubject: %s\r\nMessage-ID: <m%d.%d@x.test>\r\nDate: %s\r\n",
		from, testenv.Applicant, subject, f.uid, time.Now().UnixNano(), f.Clock.Now().Format(time.RFC1123Z))
	if inReplyTo != "" {
		h += "In-Reply-To: <" + inReplyTo + ">\r\nReferences: <" + inReplyTo + ">\r\n"
	}
	for _, x := range extra {
		h += x + "\r\n"
	}
	// As the applicant's provider delivers it: with the sender verified.
	raw := testenv.Authenticated(h + "Content-Type: text/plain; charset=utf-8\r\n\r\n" + strings.ReplaceAll(body, "\n", "\r\n"))
	if err := f.Keeper.DeliverOne(ctx, "INBOX", store.Checkpoint{UIDValidity: 1, LastUID: f.uid}, []byte(raw)); err != nil {
		f.t.Fatal(err)
	}
}

func (f *fixture) row(writer string) keeper.Row {
	f.t.Helper()
	rows, err := f.Keeper.Status(ctx)
	if err != nil {
		f.t.Fatal(err)
	}
	for _, r := range rows {
		if r.Writer == writer {
			return r
		}
	}
	f.t.Fatalf("no row for %s", writer)
	return keeper.Row{}
}

func (f *fixture) pending(writer string) []string {
	ds, _ := f.Keeper.Drafts(ctx, store.Pending)
	var out []string
	for _, d := range ds {
		if d.Writer == writer {
			out = append(out, d.Template)
		}
	}
	return out
}

func TestStartPlansOneDraftPerWriter(t *testing.T) {
	f := setup(t, testenv.Options{})
	ds, _ := f.Keeper.Drafts(ctx, store.Pending)
	got := map[string]string{}
	for _, d := range ds {
		got[d.Writer] = d.Template
		if !strings.Contains(d.Text, "Amara Okafor") || !strings.Contains(d.Text, "AAMC ID: 14598237") {
			t.Errorf("draft for %s lacks the applicant's details:\n%s", d.Writer, d.Text)
		}
		if d.ToAddr != testenv.Writers[d.Writer] {
			t.Errorf("draft for %s goes to %s", d.Writer, d.ToAddr)
		}
	}
	want := map[string]string{"smith": "ask", "patel": "follow_up", "nguyen": "ask", "adeyemi": "ask"}
	if fmt.Sprint(got) != fmt.Sprint(want) {
		t.Errorf("drafts %v, want %v", got, want)
	}
	// Starting again plans nothing twice.
	if n, _ := f.Keeper.Start(ctx); n != 0 {
		t.Errorf("second start planned %d drafts", n)
	}
}

func TestRepliesMoveLetters(t *testing.T) {
	f := setup(t, testenv.Options{})
	sent := f.sendAll("")
	ask := map[string]store.Draft{}
	for _, d := range sent {
		ask[d.Writer] = d
	}
	f.deliver("Dr. Jane Smith <jsmith@hospital.test>", "Re: "+ask["smith"].Subject, ask["smith"].MessageID,
		"Absolutely. It would be my pleasure to write you a strong letter of recommendation.\n")
	f.deliver("Linh Nguyen <lnguyen@clinic.test>", "Re: "+ask["nguyen"].Subject, ask["nguyen"].MessageID,
		"Sure, I can write you a standard letter.\n\nOn Tue, Jun 1, 2027 at 10:00 AM Amara wrote:\n> Would you feel comfortable writing me a strong letter?\n")
	f.deliver("Bola Adeyemi <badeyemi@university.test>", "Re: "+ask["adeyemi"].Subject, ask["adeyemi"].MessageID,
		"I am sorry, but I will not be able to write a letter for you this year.\n")

	if r := f.row("smith"); r.State != "agreed" || r.LastReplyKind != "strong_yes" || r.Flagged {
		t.Errorf("smith: %+v", r)
	}
	if p := f.pending("smith"); fmt.Sprint(p) != "[follow_up]" {
		t.Errorf("smith drafts: %v", p)
	}
	r := f.row("nguyen")
	if r.State != "flagged" || !r.Flagged || len(r.Evidence) == 0 || !strings.Contains(strings.Join(r.Evidence, " "), "standard letter") {
		t.Errorf("nguyen: %+v", r)
	}
	if strings.Contains(strings.Join(r.Evidence, " "), "strong letter?") {
		t.Errorf("evidence quotes the applicant's own ask: %v", r.Evidence)
	}
	if p := f.pending("nguyen"); fmt.Sprint(p) != "[alternate]" {
		t.Errorf("nguyen drafts: %v", p)
	}
	if r := f.row("adeyemi"); r.State != "declined" {
		t.Errorf("adeyemi: %+v", r)
	}
	if p := f.pending("adeyemi"); fmt.Sprint(p) != "[thank_you]" {
		t.Errorf("adeyemi drafts: %v", p)
	}
	// Resolving the flag: keep → agreed, the alternate is discarded and a
	// follow-up drafted.
	if _, err := f.Keeper.Resolve(ctx, "nguyen", "keep", keeper.ByCommandLine); err != nil {
		t.Fatal(err)
	}
	if r := f.row("nguyen"); r.State != "agreed" || r.Flagged {
		t.Errorf("nguyen after keep: %+v", r)
	}
	if p := f.pending("nguyen"); fmt.Sprint(p) != "[follow_up]" {
		t.Errorf("nguyen drafts after keep: %v", p)
	}
	// The packet does not thank them for a strong letter they did not
	// offer.
	ds, _ := f.Keeper.Drafts(ctx, store.Pending)
	for _, d := range ds {
		if d.Writer == "nguyen" && (strings.Contains(d.Text, "strong letter") || !strings.Contains(d.Text, "agreeing to write a letter")) {
			t.Errorf("the packet to nguyen after a hedge says:\n%s", d.Text)
		}
	}
	// Resolve works after any reply: keep on a letter nothing flagged
	// changes nothing.
	before := f.row("smith")
	if o, err := f.Keeper.Resolve(ctx, "smith", "keep", keeper.ByCommandLine); err != nil || o.Letter.State != letters.State(before.State) {
		t.Errorf("keep on an unflagged letter: %v %+v", err, o.Letter)
	}
	if _, err := f.Keeper.Resolve(ctx, "nobody", "keep", keeper.ByCommandLine); err == nil || !strings.Contains(err.Error(), "writers: smith, patel") {
		t.Errorf("unknown writer: %v", err)
	}
}

func TestSameMessageTwiceCountsOnce(t *testing.T) {
	f := setup(t, testenv.Options{})
	f.sendAll("smith")
	raw := "From: jsmith@hospital.test\r\nTo: amara@inbox.test\r\nSubject: Re: letter\r\nMessage-ID: <dup@x>\r\n\r\nI will not be able to write a letter, sorry.\r\n"
	for uid := uint32(1); uid <= 2; uid++ {
		if err := f.Keeper.DeliverOne(ctx, "INBOX", store.Checkpoint{UIDValidity: uid, LastUID: uid}, []byte(raw)); err != nil {
			t.Fatal(err)
		}
	}
	ms, _ := f.Keeper.Messages(ctx, "smith")
	if len(ms) != 1 || len(f.pending("smith")) != 1 {
		t.Errorf("%d messages stored, drafts %v", len(ms), f.pending("smith"))
	}
	cp, _ := f.Keeper.Checkpoint(ctx, "INBOX")
	if cp.UIDValidity != 2 || cp.LastUID != 2 {
		t.Errorf("checkpoint %+v", cp)
	}
}

func TestMatching(t *testing.T) {
	f := setup(t, testenv.Options{})
	sent := f.sendAll("")
	var smithAsk store.Draft
	for _, d := range sent {
		if d.Writer == "smith" {
			smithAsk = d
		}
	}
	// An assistant answers for the writer, in the thread.
	f.deliver("Pat Lee <plee@hospital.test>", "RE: letter", smithAsk.MessageID,
		"Dr. Smith asked me to let you know she would be delighted to write a strong letter for you.\n")
	if r := f.row("smith"); r.LastReplyKind == "" {
		t.Errorf("assistant's reply not matched to smith: %+v", r)
	}
	// A portal notice names the writer.
	f.deliver("Letters Portal <noreply@portal.test>", "Letter received", "",
		"A letter of recommendation from Dr. Priya Patel has been uploaded for Amara Okafor.\n", "Auto-Submitted: auto-generated")
	if r := f.row("patel"); r.State != "uploaded" {
		t.Errorf("portal notice: patel %+v", r)
	}
	// Strangers, the applicant's own mail and the digest are ignored.
	f.deliver("Shop <news@shop.test>", "Sale", "", "I can write you a standard letter.\n")
	f.deliver("Amara Okafor <amara@inbox.test>", "Your letters", "", "digest\n")
	ms, _ := f.Keeper.Messages(ctx, "")
	if len(ms) != 2 {
		t.Errorf("%d messages stored, want 2 (assistant, portal)", len(ms))
	}
}

func TestRemindersAndUpload(t *testing.T) {
	f := setup(t, testenv.Options{Configure: func(c *config.Config) {
		c.Schedule.FirstReminderAfter = config.Duration(14 * 24 * time.Hour)
		c.Schedule.ReminderEvery = config.Duration(7 * 24 * time.Hour)
		two := 2
		c.Schedule.MaxReminders = &two
	}})
	f.sendAll("patel") // the follow-up: patel is now waiting for the upload
	if r := f.row("patel"); r.State != "waiting" || r.NextStep != "reminder" {
		t.Fatalf("patel: %+v", r)
	}
	f.Clock.Advance(13 * 24 * time.Hour)
	if n, _ := f.Keeper.Tick(ctx); n != 0 {
		t.Fatalf("reminder drafted after 13 days")
	}
	f.Clock.Advance(24 * time.Hour)
	if n, _ := f.Keeper.Tick(ctx); n != 1 {
		t.Fatalf("no reminder after 14 days")
	}
	if n, _ := f.Keeper.Tick(ctx); n != 0 {
		t.Fatalf("a second reminder while the first waits for approval")
	}
	rem := f.sendAll("patel")[0]
	if rem.Template != "reminder" || !strings.HasPrefix(rem.Subject, "Re: ") || rem.InReplyTo == "" {
		t.Errorf("reminder not threaded: %+v", rem)
	}
	f.Clock.Advance(7 * 24 * time.Hour)
	if n, _ := f.Keeper.Tick(ctx); n != 1 {
		t.Fatalf("no second reminder a week later")
	}
	// The upload notice arrives: the pending reminder goes, a thank-you
	// comes, and no reminder follows, ever.
	f.deliver("Letters Portal <noreply@portal.test>", "Letter received", "",
		"Your letter writer Dr. Priya Patel has submitted a letter of recommendation on your behalf.\n")
	if r := f.row("patel"); r.State != "uploaded" {
		t.Fatalf("patel after upload: %+v", r)
	}
	if p := f.pending("patel"); fmt.Sprint(p) != "[thank_you]" {
		t.Errorf("drafts after upload: %v", p)
	}
	for i := 0; i < 10; i++ {
		f.Clock.Advance(7 * 24 * time.Hour)
		if n, _ := f.Keeper.Tick(ctx); n != 0 {
			t.Fatalf("reminder after the upload")
		}
	}
	f.sendAll("patel")
	if r := f.row("patel"); r.State != "done" {
		t.Errorf("after the thank-you: %+v", r)
	}
}

func TestConfidentialLetterIsFlagged(t *testing.T) {
	f := setup(t, testenv.Options{})
	f.sendAll("patel")
	raw := "From: ppatel@hospital.test\r\nTo: amara@inbox.test\r\nSubject: Your letter\r\nMessage-ID: <conf@x>\r\n" +
		"MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\n" +
		"Here is my letter for your records.\r\n--b\r\nContent-Type: application/pdf\r\n" +
		"Content-Disposition: attachment; filename=\"Letter of Recommendation - Amara Okafor.pdf\"\r\n" +
		"Content-Transfer-Encoding: base64\r\n\r\nJVBERi0xLjQK\r\n--b--\r\n"
	if err := f.Keeper.DeliverOne(ctx, "INBOX", store.Checkpoint{UIDValidity: 1, LastUID: 1}, []byte(raw)); err != nil {
		t.Fatal(err)
	}
	r := f.row("patel")
	if !r.Flagged || !strings.Contains(r.NextStep, "do not open it") {
		t.Fatalf("letter attachment not flagged: %+v", r)
	}
	m, err := f.Keeper.Digest(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(m.Text, "Do not open the attachment") || !strings.Contains(m.Text, "AAMC Letter Writer Portal") {
		t.Errorf("digest does not say what to do:\n%s", m.Text)
	}
}

func TestDigest(t *testing.T) {
	f := setup(t, testenv.Options{Configure: func(c *config.Config) { c.Schedule.DigestEvery = sample.String("24h") }})
	if due, _ := f.Keeper.DigestDue(ctx); !due {
		t.Error("digest not due with four drafts waiting")
	}
	sent := f.sendAll("nguyen")
	f.deliver("lnguyen@clinic.test", "Re: x", sent[0].MessageID, "I could write a general letter of support, but we only worked together for a week.\n")
	m, err := f.Keeper.Digest(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"NEEDS YOUR DECISION", "Dr. Linh Nguyen", "general letter of support", "lorkeeper resolve nguyen",
		"DRAFTS TO REVIEW", "LETTER MIX", "days left"} {
		if !strings.Contains(m.Text, want) {
			t.Errorf("digest lacks %q:\n%s", want, m.Text)
		}
	}
	if !strings.Contains(m.HTML, "<table") || !strings.Contains(m.HTML, "general letter of support") {
		t.Error("HTML digest lacks the table or the evidence")
	}
	if _, err := f.Keeper.QueueDigest(ctx, true); err != nil {
		t.Fatal(err)
	}
	if due, _ := f.Keeper.DigestDue(ctx); due {
		t.Error("digest due again right after sending")
	}
	f.Clock.Advance(25 * time.Hour)
	if due, _ := f.Keeper.DigestDue(ctx); !due {
		t.Error("digest not due a day later with a flag waiting")
	}
}

func TestMarkUploaded(t *testing.T) {
	f := setup(t, testenv.Options{})
	f.sendAll("smith")
	o, err := f.Keeper.MarkUploaded(ctx, "smith", keeper.ByCommandLine)
	if err != nil || o.Letter.State != "uploaded" {
		t.Fatalf("%+v %v", o.Letter, err)
	}
	hs, _ := f.Keeper.History(ctx, "smith")
	last := hs[len(hs)-1]
	if last.Event != "mark" || last.To != "uploaded" || !strings.Contains(last.Note, "thank-you") {
		t.Errorf("history: %+v", last)
	}
}

func TestAutoApprove(t *testing.T) {
	f := setup(t, testenv.Options{Configure: func(c *config.Config) {
		c.Schedule.FirstReminderAfter = config.Duration(24 * time.Hour)
		c.Schedule.AutoApprove = []string{"reminder"}
	}})
	f.sendAll("patel")
	f.Clock.Advance(25 * time.Hour)
	if n, _ := f.Keeper.Tick(ctx); n != 1 {
		t.Fatal("no reminder")
	}
	if p := f.pending("patel"); len(p) != 0 {
		t.Errorf("an auto-approved reminder waits for review: %v", p)
	}
	if _, err := f.out.SendDue(ctx); err != nil {
		t.Fatal(err)
	}
	msgs, _ := f.Sys.Messages(testenv.Writers["patel"], "INBOX")
	if len(msgs) != 2 {
		t.Errorf("patel has %d messages, want the follow-up and the reminder", len(msgs))
	}
}

// TestQuerySinceIsTheFirstRun: a first scan reads mail from a day before
// lorkeeper first ran on this state, and that date does not move later.
func TestQuerySinceIsTheFirstRun(t *testing.T) {
	f := setup(t, testenv.Options{})
	q1, err := f.Keeper.Watched(ctx)
	if err != nil {
		t.Fatal(err)
	}
	want := f.Clock.Now().Add(-24 * time.Hour)
	if !q1.Since.Equal(want.Truncate(time.Second)) {
		t.Errorf("since %v, want %v", q1.Since, want)
	}
	f.Clock.Advance(30 * 24 * time.Hour)
	q2, _ := f.Keeper.Watched(ctx)
	if !q2.Since.Equal(q1.Since) {
		t.Errorf("since moved from %v to %v", q1.Since, q2.Since)
	}
	if len(q2.Senders) != 6 || !slices.Contains(q2.Senders, "@portal.test") || !slices.Contains(q2.Senders, "@aamc.org") {
		t.Errorf("senders %v", q2.Senders)
	}
}
