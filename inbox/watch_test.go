package inbox

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"log/slog"
	"net"
	"os"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/lorkeeper/lorkeeper/config"
	"github.com/lorkeeper/lorkeeper/memmail"
)

const (
	applicant = "amara@inbox.test"
	writer    = "jsmith@hospital.test"
)

// fakeSink keeps the checkpoint and the delivered messages in memory and
// deduplicates by Message-ID, as the real one does.
type fakeSink struct {
	mu        sync.Mutex
	cp        Checkpoint
	seen      map[string]bool
	delivered []string // Message-IDs, in order
	sizes     []int
	got       chan string
	query     Query
}

func newSink() *fakeSink {
	return &fakeSink{seen: map[string]bool{}, got: make(chan string, 100),
		query: Query{From: []string{writer, "@portal.test"}, Threading: []string{"ask-1@inbox.test"}}}
}

func (s *fakeSink) Checkpoint(ctx context.Context, mailbox string) (Checkpoint, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.cp, nil
}

func (s *fakeSink) Query(ctx context.Context) (Query, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.query, nil
}

func (s *fakeSink) setQuery(q Query) {
	s.mu.Lock()
	s.query = q
	s.mu.Unlock()
}

func (s *fakeSink) Deliver(ctx context.Context, mailbox string, uidValidity uint32, msgs []Fetched) error {
	for _, m := range msgs {
		s.deliverOne(Checkpoint{UIDValidity: uidValidity, LastUID: m.UID}, m.Raw)
	}
	return nil
}

func (s *fakeSink) deliverOne(cp Checkpoint, raw []byte) {
	s.mu.Lock()
	defer s.mu.Unlock()
	id := header(raw, "Message-ID")
	if cp.UIDValidity != s.cp.UIDValidity || cp.LastUID > s.cp.LastUID {
		cp.Scanned = s.cp.Scanned
		s.cp = cp
	}
	if s.seen[id] {
		return
	}
	s.seen[id] = true
	s.delivered = append(s.delivered, id)
	s.sizes = append(s.sizes, len(raw))
	s.got <- id
}

func (s *fakeSink) Advance(ctx context.Context, mailbox string, cp Checkpoint) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if cp.UIDValidity == s.cp.UIDValidity && cp.LastUID < s.cp.LastUID {
		cp.LastUID = s.cp.LastUID
	}
	s.cp = cp
	return nil
}

func (s *fakeSink) list() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]string(nil), s.delivered...)
}

func header(raw []byte, key string) string {
	for _, l := range strings.Split(string(raw), "\r\n") {
		if v, ok := strings.CutPrefix(l, key+": "); ok {
			return v
		}
	}
	return ""
}

func msg(from, id, inReplyTo string) []byte {
	h := fmt.Sprintf("From: %s\r\nTo: %s\r\nSubject: Re: letter\r\nMessage-ID: %s\r\nDate: %s\r\n",
		from, applicant, id, time.Now().Format(time.RFC1123Z))
	if inReplyTo != "" {
		h += "In-Reply-To: " + inReplyTo + "\r\nReferences: " + inReplyTo + "\r\n"
	}
	return []byte(h + "Content-Type: text/plain\r\n\r\nHappy to write a strong letter.\r\n")
}

type env struct {
	sys  *memmail.System
	sink *fakeSink
	w    *Watcher
}

func setup(t *testing.T, opts memmail.Options) *env {
	t.Helper()
	sys, err := memmail.Start(opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { sys.Close() })
	if err := sys.AddUser(applicant, "pw"); err != nil {
		t.Fatal(err)
	}
	host, port, _ := net.SplitHostPort(sys.IMAPAddr())
	p, _ := strconv.Atoi(port)
	sink := newSink()
	w := &Watcher{
		Server: Server{Host: host, Port: p, Security: "none",
			Credential: func(context.Context) (config.Credential, error) {
				return config.Credential{Username: applicant, Password: "pw"}, nil
			}},
		Mailbox: "INBOX", IdleRenew: time.Minute, PollInterval: 100 * time.Millisecond,
		Sink: sink, Log: testLog(),
	}
	return &env{sys: sys, sink: sink, w: w}
}

func (e *env) run(t *testing.T) (stop func()) {
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	go func() { e.w.Run(ctx); close(done) }()
	return func() {
		cancel()
		select {
		case <-done:
		case <-time.After(5 * time.Second):
			t.Error("watcher did not stop within 5s of cancel")
		}
	}
}

func (e *env) expect(t *testing.T, ids ...string) {
	t.Helper()
	for _, id := range ids {
		select {
		case got := <-e.sink.got:
			if got != id {
				t.Fatalf("delivered %s, want %s (all: %v)", got, id, e.sink.list())
			}
		case <-time.After(5 * time.Second):
			t.Fatalf("%s not delivered within 5s (all: %v)", id, e.sink.list())
		}
	}
}

func (e *env) expectNothing(t *testing.T, wait time.Duration) {
	t.Helper()
	select {
	case got := <-e.sink.got:
		t.Fatalf("unexpected delivery of %s", got)
	case <-time.After(wait):
	}
}

func TestIdleDeliversNewMail(t *testing.T) {
	e := setup(t, memmail.Options{})
	e.sys.Deliver(applicant, "INBOX", msg(writer, "<old@x>", ""), time.Time{})
	defer e.run(t)()
	e.expect(t, "<old@x>")
	start := time.Now()
	e.sys.Deliver(applicant, "INBOX", msg(writer, "<new@x>", ""), time.Time{})
	e.expect(t, "<new@x>")
	t.Logf("delivery seen %v after append", time.Since(start))
}

func TestOnlyMatchingMessagesAreFetched(t *testing.T) {
	e := setup(t, memmail.Options{})
	e.sys.Deliver(applicant, "INBOX", msg("newsletter@shop.test", "<spam@x>", ""), time.Time{})
	e.sys.Deliver(applicant, "INBOX", msg("assistant@hospital.test", "<assist@x>", "<ask-1@inbox.test>"), time.Time{})
	e.sys.Deliver(applicant, "INBOX", msg("notices@portal.test", "<portal@x>", ""), time.Time{})
	defer e.run(t)()
	e.expect(t, "<assist@x>", "<portal@x>")
	e.expectNothing(t, 300*time.Millisecond)
	e.sink.mu.Lock()
	defer e.sink.mu.Unlock()
	if e.sink.cp.LastUID != 3 {
		t.Errorf("checkpoint %d, want 3 (past the unmatched message too)", e.sink.cp.LastUID)
	}
}

func TestPollWithoutIdle(t *testing.T) {
	e := setup(t, memmail.Options{NoIdle: true})
	defer e.run(t)()
	time.Sleep(200 * time.Millisecond)
	e.sys.Deliver(applicant, "INBOX", msg(writer, "<polled@x>", ""), time.Time{})
	e.expect(t, "<polled@x>")
}

func TestReconnectAfterServerRestart(t *testing.T) {
	e := setup(t, memmail.Options{})
	defer e.run(t)()
	e.sys.Deliver(applicant, "INBOX", msg(writer, "<before@x>", ""), time.Time{})
	e.expect(t, "<before@x>")
	if err := e.sys.StopIMAP(); err != nil {
		t.Fatal(err)
	}
	// Mail delivered while the connection is down is not lost.
	e.sys.Deliver(applicant, "INBOX", msg(writer, "<during@x>", ""), time.Time{})
	time.Sleep(300 * time.Millisecond)
	if err := e.sys.StartIMAP(); err != nil {
		t.Fatal(err)
	}
	e.expect(t, "<during@x>")
	e.sys.Deliver(applicant, "INBOX", msg(writer, "<after@x>", ""), time.Time{})
	e.expect(t, "<after@x>")
}

func TestRestartResumesFromCheckpoint(t *testing.T) {
	e := setup(t, memmail.Options{})
	stop := e.run(t)
	e.sys.Deliver(applicant, "INBOX", msg(writer, "<one@x>", ""), time.Time{})
	e.expect(t, "<one@x>")
	stop()
	e.sys.Deliver(applicant, "INBOX", msg(writer, "<two@x>", ""), time.Time{})
	defer e.run(t)()
	e.expect(t, "<two@x>")
	e.expectNothing(t, 300*time.Millisecond)
}

func TestUIDValidityChangeRescansWithoutDuplicates(t *testing.T) {
	e := setup(t, memmail.Options{})
	defer e.run(t)()
	a, b := msg(writer, "<a@x>", ""), msg(writer, "<b@x>", "")
	e.sys.Deliver(applicant, "INBOX", a, time.Time{})
	e.sys.Deliver(applicant, "INBOX", b, time.Time{})
	e.expect(t, "<a@x>", "<b@x>")
	e.sink.mu.Lock()
	before := e.sink.cp.UIDValidity
	e.sink.mu.Unlock()
	// The server renumbers the mailbox (new UIDVALIDITY, same messages,
	// plus one that arrived meanwhile) and drops the connection.
	e.sys.StopIMAP()
	e.sys.Renumber(applicant, "INBOX", [][]byte{a, b, msg(writer, "<c@x>", "")})
	e.sys.StartIMAP()
	e.expect(t, "<c@x>")
	e.expectNothing(t, 300*time.Millisecond)
	e.sink.mu.Lock()
	defer e.sink.mu.Unlock()
	if e.sink.cp.UIDValidity == before {
		t.Error("checkpoint kept the old UIDVALIDITY")
	}
}

func TestLargeMessageIsCapped(t *testing.T) {
	e := setup(t, memmail.Options{})
	big := append(msg(writer, "<big@x>", ""), bytes.Repeat([]byte("x"), 3<<20)...)
	e.sys.Deliver(applicant, "INBOX", big, time.Time{})
	defer e.run(t)()
	e.expect(t, "<big@x>")
	e.sink.mu.Lock()
	defer e.sink.mu.Unlock()
	if e.sink.sizes[0] > MaxFetch {
		t.Errorf("read %d bytes of a 3 MB message, cap is %d", e.sink.sizes[0], MaxFetch)
	}
}

func TestTLSAndBadPassword(t *testing.T) {
	ca, err := memmail.NewTestCA()
	if err != nil {
		t.Fatal(err)
	}
	caFile := t.TempDir() + "/ca.pem"
	ca.WriteCA(caFile)
	for _, implicit := range []bool{true, false} {
		e := setup(t, memmail.Options{CA: ca, ImplicitTLS: implicit})
		e.w.Server.Security = map[bool]string{true: "tls", false: "starttls"}[implicit]
		e.w.Server.CAFile = caFile
		e.w.Server.Host = "127.0.0.1"
		c, err := Dial(context.Background(), e.w.Server, nil)
		if err != nil {
			t.Fatalf("%s: %v", e.w.Server.Security, err)
		}
		c.Close()
		// Without the CA the certificate is refused: verification is on.
		e.w.Server.CAFile = ""
		if _, err := Dial(context.Background(), e.w.Server, nil); err == nil {
			t.Errorf("%s: untrusted certificate accepted", e.w.Server.Security)
		}
	}
	e := setup(t, memmail.Options{})
	e.w.Server.Credential = func(context.Context) (config.Credential, error) {
		return config.Credential{Username: applicant, Password: "wrong-secret"}, nil
	}
	_, err = Dial(context.Background(), e.w.Server, nil)
	if err == nil || !strings.Contains(err.Error(), "login refused") || strings.Contains(err.Error(), "wrong-secret") {
		t.Errorf("bad password: %v", err)
	}
}

func TestXOAUTH2Initial(t *testing.T) {
	mech, ir, _ := (&xoauth2{user: "a@b.example", token: "tok"}).Start()
	if mech != "XOAUTH2" || string(ir) != "user=a@b.example\x01auth=Bearer tok\x01\x01" {
		t.Errorf("%s %q", mech, ir)
	}
}

func TestFoldersSent(t *testing.T) {
	e := setup(t, memmail.Options{})
	f := &Folders{Server: e.w.Server}
	raw := msg(applicant, "<lorkeeper-1-x@inbox.test>", "")
	if err := f.AppendSent(context.Background(), raw, time.Now()); err != nil {
		t.Fatal(err)
	}
	ok, err := f.HasSent(context.Background(), "lorkeeper-1-x@inbox.test")
	if err != nil || !ok {
		t.Errorf("HasSent = %v, %v", ok, err)
	}
	ok, _ = f.HasSent(context.Background(), "lorkeeper-2-y@inbox.test")
	if ok {
		t.Error("HasSent found a message never sent")
	}
	files, err := f.ServerFilesSent(context.Background())
	if err != nil || files {
		t.Errorf("ServerFilesSent = %v, %v", files, err)
	}
}

func TestCancelStopsPromptly(t *testing.T) {
	e := setup(t, memmail.Options{})
	stop := e.run(t)
	time.Sleep(200 * time.Millisecond)
	start := time.Now()
	stop()
	if d := time.Since(start); d > 2*time.Second {
		t.Errorf("stop took %v", d)
	}
}

func TestXOAUTH2Login(t *testing.T) {
	e := setup(t, memmail.Options{})
	e.sys.AllowToken(applicant, "ya29.token")
	for token, ok := range map[string]bool{"ya29.token": true, "expired": false} {
		e.w.Server.Credential = func(context.Context) (config.Credential, error) {
			return config.Credential{Username: applicant, Token: token}, nil
		}
		c, err := Dial(context.Background(), e.w.Server, nil)
		if (err == nil) != ok {
			t.Errorf("token %s: err = %v", token, err)
		}
		if c != nil {
			c.Close()
		}
	}
}

func testLog() *slog.Logger {
	if testing.Verbose() {
		return slog.New(slog.NewTextHandler(os.Stderr, nil))
	}
	return slog.New(slog.NewTextHandler(io.Discard, nil))
}
