package daemon_test

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/lorkeeper/lorkeeper/config"
	"github.com/lorkeeper/lorkeeper/daemon"
	"github.com/lorkeeper/lorkeeper/internal/oauthtest"
	"github.com/lorkeeper/lorkeeper/internal/testenv"
	"github.com/lorkeeper/lorkeeper/mailer"
	"github.com/lorkeeper/lorkeeper/memmail"
	"github.com/lorkeeper/lorkeeper/oauth"
	"github.com/lorkeeper/lorkeeper/secrets"
	"github.com/lorkeeper/lorkeeper/store"
)

var ctx = context.Background()

// logBuf collects the daemon's log lines.
type logBuf struct {
	mu sync.Mutex
	b  strings.Builder
}

func (l *logBuf) Write(p []byte) (int, error) { l.mu.Lock(); defer l.mu.Unlock(); return l.b.Write(p) }
func (l *logBuf) String() string              { l.mu.Lock(); defer l.mu.Unlock(); return l.b.String() }

// world is one applicant against an emulated provider, run by the real
// daemon with the provider's preset.
type world struct {
	t    *testing.T
	sys  *memmail.System
	auth *oauthtest.Server // nil when signing in with a password
	cfg  *config.Config
	app  *daemon.Applicant
	log  *logBuf
	stop func()
}

type setup struct {
	mail   memmail.Provider
	preset string
	oauth  bool
	idle   time.Duration // memmail's IdleDrop
}

func start(t *testing.T, s setup) *world {
	t.Helper()
	w := &world{t: t, log: &logBuf{}}
	opts := memmail.Options{Provider: s.mail, IdleDrop: s.idle}
	if s.oauth {
		srv, err := oauthtest.Start(oauthtest.Options{ClientID: "lorkeeper-test"})
		if err != nil {
			t.Fatal(err)
		}
		t.Cleanup(func() { srv.Close() })
		w.auth = srv
		opts.CheckToken = srv.Valid
	}
	sys, err := memmail.Start(opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { sys.Close() })
	w.sys = sys
	users := []string{testenv.Applicant, testenv.Portal}
	for _, a := range testenv.Writers {
		users = append(users, a)
	}
	for _, u := range users {
		if err := sys.AddUser(u, testenv.Password); err != nil {
			t.Fatal(err)
		}
	}
	var text string
	if s.oauth {
		a, tk, d := w.auth.Endpoints()
		text = testenv.ProviderText(sys, s.preset, a, tk, d)
	} else {
		text = testenv.ProviderText(sys, s.preset)
	}
	dir := t.TempDir()
	for _, f := range []string{"cv.pdf", "ps.pdf"} {
		os.WriteFile(filepath.Join(dir, f), []byte("%PDF-1.4 "+f), 0o600)
	}
	path := filepath.Join(dir, "lorkeeper.toml")
	if err := os.WriteFile(path, []byte(text), 0o600); err != nil {
		t.Fatal(err)
	}
	if w.cfg, err = config.Load(path); err != nil {
		t.Fatal(err)
	}
	if s.oauth {
		w.signIn()
	}
	log := slog.New(slog.NewTextHandler(w.log, nil))
	if w.app, err = daemon.Open(w.cfg, log, nil); err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { w.app.Close() })
	runCtx, cancel := context.WithCancel(ctx)
	done := make(chan struct{})
	go func() { w.app.Run(runCtx, daemon.Options{Poll: 20 * time.Millisecond}); close(done) }()
	w.stop = func() { cancel(); <-done }
	t.Cleanup(func() {
		w.stop()
		if t.Failed() {
			t.Logf("daemon log:\n%s", w.log.String())
		}
	})
	return w
}

// signIn runs `lorkeeper login`'s flow against the test server, the test
// playing the applicant: it approves the device code, or follows the
// browser's redirect.
func (w *world) signIn() {
	w.t.Helper()
	p := oauth.FromConfig(w.cfg)
	l := &oauth.Login{Provider: p, User: testenv.Applicant, Out: io.Discard,
		Open: func(u string) error {
			go func() {
				if resp, err := http.Get(u); err == nil {
					resp.Body.Close()
				}
			}()
			return nil
		}}
	if p.Flow == "device" {
		go func() {
			w.auth.Wait(10*time.Second, func() bool { return w.auth.PendingDevice() != "" })
			w.auth.Approve(w.auth.PendingDevice(), testenv.Applicant)
		}()
	}
	g, err := l.Run(ctx)
	if err != nil {
		w.t.Fatal(err)
	}
	if _, err := oauth.Save(secrets.Open(w.cfg.State, w.cfg.Secrets, nil), p, testenv.Applicant, g); err != nil {
		w.t.Fatal(err)
	}
}

// until waits for cond, checking at every change of the mail system and
// at least every 50 ms (the daemon's state changes make no event).
func (w *world) until(what string, cond func() bool) {
	w.t.Helper()
	deadline := time.After(15 * time.Second)
	for !cond() {
		select {
		case <-w.sys.Changed():
		case <-time.After(50 * time.Millisecond):
		case <-deadline:
			w.t.Fatalf("timed out waiting for %s", what)
		}
	}
}

func (w *world) count(user, folder string) int {
	msgs, err := w.sys.Messages(user, folder)
	if err != nil {
		w.t.Fatal(err)
	}
	return len(msgs)
}

func (w *world) draft(writer string) store.Draft {
	ds, _ := w.app.Keeper.Drafts(ctx)
	for _, d := range ds {
		if d.Writer == writer {
			return d
		}
	}
	w.t.Fatalf("no draft for %s", writer)
	return store.Draft{}
}

func (w *world) state(writer string) string {
	rows, _ := w.app.Keeper.Status(ctx)
	for _, r := range rows {
		if r.Writer == writer {
			return r.State
		}
	}
	return ""
}

// reply delivers smith's reply to the ask, as his mail server would.
func (w *world) reply(inReplyTo string) {
	raw := fmt.Sprintf("From: Dr. Jane Smith <%s>\r\nTo: %s\r\nSubject: Re: letter\r\nMessage-ID: <reply-%d@hospital.test>\r\n"+
		"Date: %s\r\nIn-Reply-To: <%s>\r\nReferences: <%s>\r\nContent-Type: text/plain\r\n\r\n"+
		"Dear Amara,\r\n\r\nI would be delighted to write you a strong letter of recommendation.\r\n\r\nJane\r\n",
		testenv.Writers["smith"], testenv.Applicant, time.Now().UnixNano(), time.Now().Format(time.RFC1123Z), inReplyTo, inReplyTo)
	if err := w.sys.Deliver(testenv.Applicant, "INBOX", []byte(raw), time.Time{}); err != nil {
		w.t.Fatal(err)
	}
}

// flow is the send / watch / Drafts-folder path every preset must take:
// drafts appear in the provider's Drafts folder, an approved ask leaves
// once and is in Sent exactly once, its Drafts copy goes, and the reply
// moves the letter.
func (w *world) flow(drafts, sent string) {
	w.t.Helper()
	w.until("4 drafts in "+drafts, func() bool { return w.count(testenv.Applicant, drafts) == 4 })
	d := w.draft("smith")
	if err := w.app.Keeper.Approve(ctx, d.ID); err != nil {
		w.t.Fatal(err)
	}
	w.until("the ask to be sent", func() bool {
		d = w.draft("smith")
		return d.Status == store.Sent && (w.cfg.SMTP.SentCopy == "none" || d.SentCopy != store.CopyPending)
	})
	if n := w.count(testenv.Writers["smith"], "INBOX"); n != 1 {
		w.t.Errorf("smith received %d messages", n)
	}
	if n := w.count(testenv.Applicant, sent); n != 1 {
		w.t.Errorf("%d copies in %s, want 1", n, sent)
	}
	w.until("the Drafts copy to go", func() bool { return w.count(testenv.Applicant, drafts) == 3 })
	w.reply(d.MessageID)
	w.until("smith to agree", func() bool { return w.state("smith") == "agreed" })
	if n := w.count(testenv.Applicant, sent); n != 1 {
		w.t.Errorf("%d copies in %s at the end, want 1", n, sent)
	}
}

// TestGmailPreset: Gmail's folders found by SPECIAL-USE, its own Sent
// copy (no second one), All Mail ignored, IDLE dropped and resumed, over
// OAuth2 from `lorkeeper login`.
func TestGmailPreset(t *testing.T) {
	w := start(t, setup{mail: memmail.Gmail, preset: "gmail", oauth: true, idle: 300 * time.Millisecond})
	if w.cfg.SMTP.SentCopy != "none" || w.cfg.IMAP.Auth != "oauth2" {
		t.Fatalf("preset: sent_copy %q, auth %q", w.cfg.SMTP.SentCopy, w.cfg.IMAP.Auth)
	}
	w.until("an IDLE to be dropped", func() bool { return w.sys.IdleDrops() > 0 })
	w.flow("[Gmail]/Drafts", "[Gmail]/Sent Mail")
	if w.sys.Logins("XOAUTH2") < 2 || w.sys.Logins("LOGIN")+w.sys.Logins("PLAIN") > 0 {
		t.Errorf("logins: XOAUTH2 %d, password %d", w.sys.Logins("XOAUTH2"), w.sys.Logins("LOGIN")+w.sys.Logins("PLAIN"))
	}
	if msgs, _ := w.app.Keeper.Messages(ctx, "smith"); len(msgs) != 1 {
		t.Errorf("the reply was recorded %d times (INBOX and All Mail hold it)", len(msgs))
	}
}

// TestGmailAppPassword: the same with an app password.
func TestGmailAppPassword(t *testing.T) {
	w := start(t, setup{mail: memmail.Gmail, preset: "gmail"})
	w.flow("[Gmail]/Drafts", "[Gmail]/Sent Mail")
}

// TestMicrosoftPreset: Sent Items and Drafts by the preset's names (no
// SPECIAL-USE), the server's own Sent copy, a throttled IMAP server and
// a throttled submission (432) retried, over XOAUTH2 from a device-code
// sign-in.
func TestMicrosoftPreset(t *testing.T) {
	w := start(t, setup{mail: memmail.Microsoft, preset: "microsoft365", oauth: true})
	w.sys.Throttle(2, 200*time.Millisecond)
	w.sys.FailNext(memmail.Fault{Code: 432, Message: "4.3.2 STOREDRV.ClientSubmit; sender thread limit exceeded"})
	w.flow("Drafts", "Sent Items")
	if d := w.draft("smith"); d.Attempts < 2 {
		t.Errorf("sent in %d attempts; the 432 was not retried", d.Attempts)
	}
}

// TestICloudPreset: "Sent Messages" has no \Sent mark, so the preset's
// name finds it, and lorkeeper files the copy itself.
func TestICloudPreset(t *testing.T) {
	w := start(t, setup{mail: memmail.ICloud, preset: "icloud"})
	if w.cfg.SMTP.SentCopy != "auto" {
		t.Fatalf("sent_copy %q", w.cfg.SMTP.SentCopy)
	}
	w.flow("Drafts", "Sent Messages")
}

// TestTokenRefusedDuringIdle: the server stops accepting the access token
// while the watcher idles; on the next connection the token is refreshed
// and the reply that arrived meanwhile is not lost.
func TestTokenRefusedDuringIdle(t *testing.T) {
	w := start(t, setup{mail: memmail.Gmail, preset: "gmail", oauth: true, idle: 300 * time.Millisecond})
	w.until("drafts", func() bool { return w.count(testenv.Applicant, "[Gmail]/Drafts") == 4 })
	d := w.draft("smith")
	w.app.Keeper.Approve(ctx, d.ID)
	w.until("the ask to be sent", func() bool { d = w.draft("smith"); return d.Status == store.Sent })
	refreshes, drops := w.auth.Requests("refresh_token"), w.sys.IdleDrops()
	w.auth.ExpireAccess(testenv.Applicant)
	// Gmail drops the IDLE; the watcher must log in again, with a new
	// token, and find the reply that came while it was away.
	w.until("the IDLE to be dropped", func() bool { return w.sys.IdleDrops() > drops })
	w.reply(d.MessageID)
	w.until("smith to agree", func() bool { return w.state("smith") == "agreed" })
	if w.auth.Requests("refresh_token") <= refreshes {
		t.Error("no refresh after the token was refused")
	}
	if !strings.Contains(w.log.String(), "access token refreshed") {
		t.Error("the refresh was not logged")
	}
	w.noTokens()
}

// TestRevokedGrantReported: a revoked grant becomes one plain problem:
// logged with the fix, returned by the next send, and never retried
// against the token server in a loop.
func TestRevokedGrantReported(t *testing.T) {
	w := start(t, setup{mail: memmail.Microsoft, preset: "outlook", oauth: true})
	w.until("drafts", func() bool { return w.count(testenv.Applicant, "Drafts") == 4 })
	w.auth.Revoke(testenv.Applicant)
	w.auth.ExpireAccess(testenv.Applicant)
	const problem = "Microsoft sign-in expired — run `lorkeeper login`"
	err := mailer.CheckLogin(ctx, w.app.SMTPServer())
	if err == nil || !strings.Contains(err.Error(), problem) {
		t.Fatalf("send after revocation: %v", err)
	}
	w.until("the problem in the log", func() bool { return strings.Contains(w.log.String(), problem) })
	n := w.auth.Requests("refresh_token")
	for range 3 {
		if err := mailer.CheckLogin(ctx, w.app.SMTPServer()); err == nil || !strings.Contains(err.Error(), problem) {
			t.Fatalf("again: %v", err)
		}
	}
	if got := w.auth.Requests("refresh_token"); got != n {
		t.Errorf("%d more refresh attempts with a dead grant", got-n)
	}
	w.noTokens()
}

// noTokens checks that no token or code the server issued is in the log
// or in the state file.
func (w *world) noTokens() {
	w.t.Helper()
	var state []byte
	for _, f := range []string{w.cfg.State, w.cfg.State + "-wal"} {
		b, _ := os.ReadFile(f)
		state = append(state, b...)
	}
	log := w.log.String()
	for _, tok := range w.auth.Issued() {
		if strings.Contains(log, tok) {
			w.t.Errorf("a token in the log: %s…", tok[:6])
		}
		if strings.Contains(string(state), tok) {
			w.t.Errorf("a token in the state file: %s…", tok[:6])
		}
	}
}
