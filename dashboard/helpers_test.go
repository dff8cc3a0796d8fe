package dashboard_test

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/mail"
	"net/url"
	"os"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/lorkeeper/lorkeeper/dashboard"
	"github.com/lorkeeper/lorkeeper/internal/testenv"
	"github.com/lorkeeper/lorkeeper/keeper"
	"github.com/lorkeeper/lorkeeper/lockfile"
	"github.com/lorkeeper/lorkeeper/outbox"
	"github.com/lorkeeper/lorkeeper/store"
)

var ctx = context.Background()

// fixture is an applicant (testenv: four writers, memmail) with the
// first emails planned, and its dashboard.
type fixture struct {
	*testenv.Env
	t     testing.TB
	out   *outbox.Outbox
	token string
	srv   *dashboard.Server
	h     http.Handler
	csrf  string // the forms' token, read from the first draft's page
	uid   uint32
	clock clock
}

// clock is the keeper's clock, as the tests move it.
type clock interface {
	Now() time.Time
	Advance(time.Duration)
}

func setup(t testing.TB) *fixture {
	t.Helper()
	e := testenv.New(t, testenv.Options{})
	return newFixture(t, e, e.Clock)
}

// newFixture plans the first emails of e and opens its dashboard. c is
// the clock of e's keeper.
func newFixture(t testing.TB, e *testenv.Env, c clock) *fixture {
	t.Helper()
	quiet := slog.New(slog.NewTextHandler(io.Discard, nil))
	f := &fixture{Env: e, t: t, clock: c}
	f.out = &outbox.Outbox{Keeper: e.Keeper, Sender: e.SMTP(), Folders: e.Folders(), SentCopy: "append",
		RetryBase: time.Millisecond, Log: quiet}
	if _, err := e.Keeper.Start(ctx); err != nil {
		t.Fatal(err)
	}
	tok, err := dashboard.LoadToken(e.Cfg.State)
	if err != nil {
		t.Fatal(err)
	}
	f.token = tok
	f.srv = dashboard.New(e.Keeper, tok, e.Log)
	f.h = f.srv.Handler()
	_, page := f.get("/drafts/1")
	f.csrf = csrf(t, page)
	return f
}

// sendAll approves and sends every pending draft of writer ("" for all),
// and returns them as sent.
func (f *fixture) sendAll(writer string) []store.Draft {
	f.t.Helper()
	ds, err := f.Keeper.Drafts(ctx, store.Pending)
	if err != nil {
		f.t.Fatal(err)
	}
	var ids []int64
	for _, d := range ds {
		if writer == "" || d.Writer == writer {
			ids = append(ids, d.ID)
		}
	}
	if err := f.Keeper.Approve(ctx, ids...); err != nil {
		f.t.Fatal(err)
	}
	f.sendDue()
	var sent []store.Draft
	for _, id := range ids {
		d, err := f.Keeper.Draft(ctx, id)
		if err != nil || d.Status != store.Sent {
			f.t.Fatalf("draft %d not sent: %s %s %v", id, d.Status, d.LastError, err)
		}
		sent = append(sent, d)
	}
	return sent
}

// sendDue runs the outbox once, as the daemon does every second.
func (f *fixture) sendDue() int {
	f.t.Helper()
	n, err := f.out.SendDue(ctx)
	if err != nil {
		f.t.Fatal(err)
	}
	return n
}

// deliver hands a message to the keeper as the IMAP watcher would.
func (f *fixture) deliver(from, subject, inReplyTo, body string) {
	f.t.Helper()
	f.uid++
	h := fmt.Sprintf("From: %s\r\nTo: %s\r\nSubject: %s\r\nMessage-ID: <m%d.%d@x.test>\r\nDate: %s\r\n",
		from, f.Cfg.Applicant.Email, subject, f.uid, time.Now().UnixNano(), f.clock.Now().Format(time.RFC1123Z))
	if inReplyTo != "" {
		h += "In-Reply-To: <" + inReplyTo + ">\r\nReferences: <" + inReplyTo + ">\r\n"
	}
	// As the applicant's provider delivers it: with the sender verified.
	raw := testenv.Authenticated(h + "Content-Type: text/plain; charset=utf-8\r\n\r\n" + strings.ReplaceAll(body, "\n", "\r\n"))
	if err := f.Keeper.DeliverOne(ctx, "INBOX", store.Checkpoint{UIDValidity: 1, LastUID: f.uid}, []byte(raw)); err != nil {
		f.t.Fatal(err)
	}
}

// hesitantReply is Dr. Nguyen's lukewarm answer to the ask.
const hesitantReply = "Hi Amara,\n\nThanks for thinking of me. Sure, I can write you a standard letter, though I only supervised you for part of the rotation.\n\nBest,\nLinh\n\nOn Tue, Jun 1, 2027 at 10:00 AM Amara wrote:\n> Would you feel comfortable writing me a strong letter?\n"

// flagNguyen sends every ask and delivers a hesitant reply from Dr.
// Nguyen, whose letter is then flagged with an alternate draft pending.
func (f *fixture) flagNguyen() {
	f.t.Helper()
	for _, d := range f.sendAll("") {
		if d.Writer == "nguyen" {
			f.clock.Advance(3 * 24 * time.Hour)
			f.deliver("Dr. Linh Nguyen <lnguyen@clinic.test>", "Re: "+d.Subject, d.MessageID, hesitantReply)
		}
	}
	if r := f.row("nguyen"); !r.Flagged || r.State != "flagged" {
		f.t.Fatalf("nguyen not flagged: %+v", r)
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

// pending returns writer's pending draft of template t.
func (f *fixture) pending(writer, t string) (store.Draft, bool) {
	f.t.Helper()
	ds, err := f.Keeper.Drafts(ctx, store.Pending)
	if err != nil {
		f.t.Fatal(err)
	}
	for _, d := range ds {
		if d.Writer == writer && d.Template == t {
			return d, true
		}
	}
	return store.Draft{}, false
}

// do serves one request; with auth, it carries the session cookie.
func (f *fixture) do(method, target string, form url.Values, auth bool, header ...string) *http.Response {
	f.t.Helper()
	var body io.Reader
	if form != nil {
		body = strings.NewReader(form.Encode())
	}
	r := httptest.NewRequest(method, target, body)
	r.Host = "127.0.0.1:8080"
	if form != nil {
		r.Header.Set("Content-Type", "application/x-www-form-urlencoded")
	}
	if auth {
		r.AddCookie(f.session())
	}
	for i := 0; i+1 < len(header); i += 2 {
		r.Header.Set(header[i], header[i+1])
	}
	w := httptest.NewRecorder()
	f.h.ServeHTTP(w, r)
	return w.Result()
}

// session signs in with the token link and returns the session cookie.
func (f *fixture) session() *http.Cookie {
	f.t.Helper()
	r := httptest.NewRequest("GET", "/?token="+url.QueryEscape(f.token), nil)
	r.Host = "127.0.0.1:8080"
	w := httptest.NewRecorder()
	f.h.ServeHTTP(w, r)
	for _, c := range w.Result().Cookies() {
		if strings.HasPrefix(c.Name, "lorkeeper_") && !strings.Contains(c.Name, "flash") {
			return c
		}
	}
	f.t.Fatalf("no session cookie after the token link: %d %v", w.Code, w.Result().Header)
	return nil
}

// csrf returns the form token found in page.
func csrf(t testing.TB, page string) string {
	t.Helper()
	const mark = `name="csrf" value="`
	i := strings.Index(page, mark)
	if i < 0 {
		t.Fatalf("no CSRF field in the page:\n%s", page)
	}
	rest := page[i+len(mark):]
	return rest[:strings.IndexByte(rest, '"')]
}

// get fetches an authorized page and returns its status and body.
func (f *fixture) get(path string) (int, string) {
	f.t.Helper()
	res := f.do("GET", path, nil, true)
	b, _ := io.ReadAll(res.Body)
	return res.StatusCode, string(b)
}

// post submits a form with the page's CSRF token.
func (f *fixture) post(path string, form url.Values) *http.Response {
	f.t.Helper()
	if form == nil {
		form = url.Values{}
	}
	form.Set("csrf", f.csrf)
	return f.do("POST", path, form, true)
}

func body(res *http.Response) string {
	b, _ := io.ReadAll(res.Body)
	return string(b)
}

// contains fails the test for every want missing from page.
func contains(t testing.TB, page string, want ...string) {
	t.Helper()
	for _, w := range want {
		if !strings.Contains(page, w) {
			t.Errorf("page lacks %q", w)
		}
	}
	if t.Failed() {
		t.Logf("page:\n%s", page)
	}
}

// header returns the (unfolded) header field key of a raw message.
func header(t testing.TB, raw []byte, key string) string {
	t.Helper()
	m, err := mail.ReadMessage(bytes.NewReader(raw))
	if err != nil {
		t.Fatalf("sent message: %v", err)
	}
	return m.Header.Get(key)
}

// running makes the state look as a running daemon keeps it: its lock
// held (by this process), and a heartbeat from now, with the mailbox
// read two minutes ago.
func (f *fixture) running() {
	f.t.Helper()
	l, err := lockfile.Acquire(lockfile.For(f.Cfg.State))
	if err != nil {
		f.t.Fatal(err)
	}
	f.t.Cleanup(func() { l.Release() })
	now := f.clock.Now()
	err = f.Keeper.Beat(ctx, keeper.Heartbeat{PID: os.Getpid(), Started: now.Add(-3 * time.Hour), Beat: now,
		LastLogin: now.Add(-2 * time.Minute), LastSync: now.Add(-2 * time.Minute), Interval: "30s"})
	if err != nil {
		f.t.Fatal(err)
	}
}

// hold makes draft id's send end as the outbox ends one whose outcome
// is unknown: approved, claimed, then held with the outbox's advice.
func (f *fixture) hold(id int64) store.Draft {
	f.t.Helper()
	if err := f.Keeper.Approve(ctx, id); err != nil {
		f.t.Fatal(err)
	}
	d, ok, err := f.Keeper.ClaimID(ctx, id)
	if err != nil || !ok {
		f.t.Fatalf("claim draft %d: %v %v", id, ok, err)
	}
	advice := fmt.Sprintf("The connection to your mail server broke right after the whole message went out, before the server confirmed it, so lorkeeper cannot tell whether the writer got it. "+
		"If they answer it, lorkeeper records it as sent by itself. If you know it arrived, run `lorkeeper drafts sent %d`; "+
		"to send it again anyway (the writer may get two copies), run `lorkeeper drafts send-again %d`; or discard it.", id, id)
	if err := f.Keeper.Hold(ctx, d, advice); err != nil {
		f.t.Fatal(err)
	}
	d, _ = f.Keeper.Draft(ctx, id)
	return d
}

// notice delivers an upload notice from the portal; verified, it carries
// the provider's Authentication-Results, else none (anyone could have
// sent it).
func (f *fixture) notice(writerName string, verified bool) {
	f.t.Helper()
	f.uid++
	raw := fmt.Sprintf("From: ERAS Letters <%s>\r\nTo: %s\r\nSubject: Letter of recommendation received\r\nMessage-ID: <n%d@portal.test>\r\nDate: %s\r\nAuto-Submitted: auto-generated\r\n"+
		"Content-Type: text/plain; charset=utf-8\r\n\r\nA letter of recommendation from %s has been uploaded for Amara Okafor (AAMC ID 14598237).\r\n",
		testenv.Portal, f.Cfg.Applicant.Email, f.uid, f.clock.Now().Format(time.RFC1123Z), writerName)
	if verified {
		raw = testenv.Authenticated(raw)
	}
	if err := f.Keeper.DeliverOne(ctx, "INBOX", store.Checkpoint{UIDValidity: 1, LastUID: f.uid}, []byte(raw)); err != nil {
		f.t.Fatal(err)
	}
}

// lacks fails the test for every unwanted string found in page.
func lacks(t testing.TB, page string, unwanted ...string) {
	t.Helper()
	for _, u := range unwanted {
		if strings.Contains(page, u) {
			t.Errorf("page shows %q", u)
		}
	}
}

var tag = regexp.MustCompile(`<[^>]*>`)

// visible is the text of a page as a reader sees it: without its tags.
func visible(page string) string { return tag.ReplaceAllString(page, " ") }
