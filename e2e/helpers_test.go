// Package e2e drives the built lorkeeper binary against a real Dovecot
// and Postfix on loopback (scripts/mailstack): the integration, fault and
// draft-folder tests. Without LORKEEPER_MAILSTACK they skip, unless
// CI=true, where they fail.
package e2e

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"fmt"
	"net"
	"net/smtp"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"

	"github.com/emersion/go-imap/v2"
	"github.com/emersion/go-imap/v2/imapclient"

	"github.com/lorkeeper/lorkeeper/config"
	"github.com/lorkeeper/lorkeeper/inbox"
	"github.com/lorkeeper/lorkeeper/internal/sample"
)

var (
	binary string // the built lorkeeper
	stk    *stack
	repo   string
)

// needStack skips a test without the mail stack, with a message; under
// CI=true it fails instead.
func needStack(t *testing.T) {
	t.Helper()
	if stk != nil {
		return
	}
	if os.Getenv("CI") == "true" {
		t.Fatal("LORKEEPER_MAILSTACK is not set: run the tests with scripts/test")
	}
	t.Skip("no mail stack: scripts/test starts Dovecot and Postfix and runs these tests")
}

func TestMain(m *testing.M) {
	dir := os.Getenv("LORKEEPER_MAILSTACK")
	if dir == "" {
		os.Exit(m.Run()) // every test skips (or fails under CI) in needStack
	}
	var err error
	if stk, err = loadStack(dir); err != nil {
		fmt.Fprintln(os.Stderr, "e2e:", err)
		os.Exit(1)
	}
	repo, _ = filepath.Abs("..")
	tmp, err := os.MkdirTemp("", "lorkeeper-e2e")
	if err != nil {
		fmt.Fprintln(os.Stderr, "e2e:", err)
		os.Exit(1)
	}
	binary = filepath.Join(tmp, "lorkeeper")
	build := exec.Command("go", "build", "-o", binary, "./cmd/lorkeeper")
	build.Dir = repo
	if out, err := build.CombinedOutput(); err != nil {
		fmt.Fprintf(os.Stderr, "e2e: build: %v\n%s", err, out)
		os.Exit(1)
	}
	code := m.Run()
	os.RemoveAll(tmp)
	os.Exit(code)
}

// stack is the running Dovecot + Postfix.
type stack struct {
	dir                                  string
	imap, imaps, smtp, submission, smtps int
	ca, password                         string
}

func loadStack(dir string) (*stack, error) {
	data, err := os.ReadFile(filepath.Join(dir, "env"))
	if err != nil {
		return nil, fmt.Errorf("mail stack: %w", err)
	}
	env := map[string]string{}
	for _, line := range strings.Split(string(data), "\n") {
		line = strings.TrimPrefix(strings.TrimSpace(line), "export ")
		if k, v, ok := strings.Cut(line, "="); ok {
			env[k] = strings.Trim(v, `'"`)
		}
	}
	port := func(k string) int { n, _ := strconv.Atoi(env[k]); return n }
	s := &stack{dir: dir, imap: port("LK_IMAP_PORT"), imaps: port("LK_IMAPS_PORT"), smtp: port("LK_SMTP_PORT"),
		submission: port("LK_SUBMISSION_PORT"), smtps: port("LK_SMTPS_PORT"), ca: env["LK_CA_FILE"], password: env["LK_PASSWORD"]}
	if s.imaps == 0 || s.submission == 0 || s.smtp == 0 || s.ca == "" {
		return nil, fmt.Errorf("mail stack: incomplete %s/env", dir)
	}
	return s, nil
}

// control runs scripts/mailstack CMD [ARG] DIR.
func (s *stack) control(t *testing.T, args ...string) {
	t.Helper()
	cmd := exec.Command(filepath.Join(repo, "scripts", "mailstack"), append(args, s.dir)...)
	if out, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("mailstack %v: %v\n%s", args, err, out)
	}
}

var seq atomic.Int64

// world is one test's applicant and writers, with addresses no other
// test uses, so mailboxes never mix.
type world struct {
	t          *testing.T
	dir        string
	cfg        string
	applicant  string
	writers    map[string]string // id → address
	names      map[string]string // id → name
	portal     string
	env        []string
	imapSecret config.Secret
	// configure, if set, changes the config before write writes it.
	configure func(*config.Config)
}

// authservID is the provider's authserv-id in the tests' configs; a
// notice "delivered by the provider" carries its verdict (verified).
const authservID = "mx.e2e.test"

// verified is raw as the applicant's provider delivers mail whose
// sender it checked: with its Authentication-Results on top.
func verified(raw, from string) string {
	return "Authentication-Results: " + authservID + "; dmarc=pass header.from=" + from[strings.LastIndexByte(from, '@')+1:] + "\n" + raw
}

func newWorld(t *testing.T) *world {
	needStack(t)
	n := seq.Add(1)
	tag := fmt.Sprintf("%d-%d", os.Getpid()%10000, n)
	w := &world{t: t, dir: t.TempDir(), applicant: "amara-" + tag + "@university.test",
		writers: map[string]string{}, names: map[string]string{}, portal: "notices-" + tag + "@portal.test"}
	for _, id := range []string{"smith", "patel", "nguyen", "adeyemi"} {
		w.writers[id] = id + "-" + tag + "@hospital.test"
	}
	w.names = sample.Names
	w.env = append(os.Environ(), "LK_E2E_PASSWORD="+stk.password, "LK_E2E_BAD=wrong-password")
	w.imapSecret = config.Secret{PasswordEnv: "LK_E2E_PASSWORD"}
	for _, f := range []string{"cv.pdf", "ps.pdf"} {
		os.WriteFile(filepath.Join(w.dir, f), []byte("%PDF-1.4 "+f+"\n"), 0o600)
	}
	return w
}

// write writes the config file and returns its path.
func (w *world) write() string {
	c := &config.Config{State: "state.db",
		Applicant: sample.Applicant(w.applicant, "cv.pdf", "ps.pdf"),
		IMAP: config.IMAP{Host: "127.0.0.1", Port: stk.imaps, Security: "tls", CAFile: stk.ca, Username: w.applicant,
			Secret: w.imapSecret, IdleRenew: config.Duration(time.Minute), DraftsPoll: config.Duration(time.Second)},
		SMTP: config.SMTP{Host: "127.0.0.1", Port: stk.submission, Security: "starttls", CAFile: stk.ca, Username: w.applicant,
			Secret: config.Secret{PasswordEnv: "LK_E2E_PASSWORD"}, RetryAfter: config.Duration(time.Second)},
		Schedule: config.Schedule{FirstReminderAfter: config.Duration(time.Hour), BusinessHours: sample.Bool(false), DigestEvery: sample.String("")},
		Portals:  config.Portals{Senders: []string{"*@portal.test"}, AuthservID: authservID},
		Writers:  sample.Writers(w.writers),
	}
	if w.configure != nil {
		w.configure(c)
	}
	w.cfg = filepath.Join(w.dir, "lorkeeper.toml")
	if err := os.WriteFile(w.cfg, config.Encode(c), 0o600); err != nil {
		w.t.Fatal(err)
	}
	return w.cfg
}

// lk runs a lorkeeper command and returns its stdout; a failure fails the
// test unless allowFail.
func (w *world) lk(args ...string) string {
	w.t.Helper()
	out, err := w.lkErr(args...)
	if err != nil {
		w.t.Fatalf("lorkeeper %v: %v", args, err)
	}
	return out
}

func (w *world) lkErr(args ...string) (string, error) {
	cmd := exec.Command(binary, append([]string{"--config", w.cfg}, args...)...)
	cmd.Env = w.env
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	if err := cmd.Run(); err != nil {
		return out.String(), fmt.Errorf("%w: %s", err, strings.TrimSpace(errb.String()))
	}
	return out.String(), nil
}

type row struct {
	Writer        string   `json:"writer"`
	State         string   `json:"state"`
	LastReplyKind string   `json:"last_reply_kind"`
	Flagged       bool     `json:"flagged"`
	Evidence      []string `json:"evidence"`
	Failures      []string `json:"failures"`
	Claims        []string `json:"claims"`
}

func (w *world) status() map[string]row {
	w.t.Helper()
	var rows []row
	if err := json.Unmarshal([]byte(w.lk("status", "--json")), &rows); err != nil {
		w.t.Fatal(err)
	}
	out := map[string]row{}
	for _, r := range rows {
		out[r.Writer] = r
	}
	return out
}

type draft struct {
	ID        int64  `json:"id"`
	MessageID string `json:"message_id"`
	Writer    string `json:"writer"`
	Template  string `json:"template"`
	Subject   string `json:"subject"`
	Status    string `json:"status"`
	Error     string `json:"error"`
}

func (w *world) drafts() []draft {
	w.t.Helper()
	var ds []draft
	if err := json.Unmarshal([]byte(w.lk("drafts", "--json")), &ds); err != nil {
		w.t.Fatal(err)
	}
	return ds
}

func (w *world) draftsOf(writer string) []string {
	var out []string
	for _, d := range w.drafts() {
		if d.Writer == writer && d.Status == "pending" {
			out = append(out, d.Template)
		}
	}
	return out
}

// eventually polls cond every 50ms for up to d.
func eventually(t *testing.T, d time.Duration, what string, cond func() bool) time.Duration {
	t.Helper()
	start := time.Now()
	for {
		if cond() {
			return time.Since(start)
		}
		if time.Since(start) > d {
			t.Fatalf("after %v: %s", d, what)
		}
		time.Sleep(50 * time.Millisecond)
	}
}

// proc is a running `lorkeeper run`.
type proc struct {
	cmd  *exec.Cmd
	mu   sync.Mutex
	log  bytes.Buffer
	done chan struct{}
}

func (p *proc) Write(b []byte) (int, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.log.Write(b)
}

func (p *proc) logText() string {
	p.mu.Lock()
	defer p.mu.Unlock()
	return p.log.String()
}

// start runs the daemon on the given configs (the world's by default).
func (w *world) start(cfgs ...string) *proc {
	w.t.Helper()
	if len(cfgs) == 0 {
		cfgs = []string{w.cfg}
	}
	p := &proc{done: make(chan struct{})}
	p.cmd = exec.Command(binary, append([]string{"run"}, cfgs...)...)
	p.cmd.Env = w.env
	p.cmd.Stdout, p.cmd.Stderr = p, p
	if err := p.cmd.Start(); err != nil {
		w.t.Fatal(err)
	}
	go func() { p.cmd.Wait(); close(p.done) }()
	w.t.Cleanup(func() {
		p.stop()
		if w.t.Failed() {
			w.t.Logf("daemon log:\n%s", p.logText())
		}
	})
	return p
}

func (p *proc) signal(s syscall.Signal) { p.cmd.Process.Signal(s) }

// stop ends the daemon gracefully.
func (p *proc) stop() {
	select {
	case <-p.done:
		return
	default:
	}
	p.signal(syscall.SIGTERM)
	select {
	case <-p.done:
	case <-time.After(10 * time.Second):
		p.cmd.Process.Kill()
		<-p.done
	}
}

// kill ends it the hard way, as a crash or an OOM kill would.
func (p *proc) kill() {
	p.cmd.Process.Kill()
	<-p.done
}

func (p *proc) waitLog(t *testing.T, d time.Duration, substr string) {
	t.Helper()
	eventually(t, d, "daemon log line "+strconv.Quote(substr), func() bool { return strings.Contains(p.logText(), substr) })
}

// peakRSS returns the daemon's peak resident memory in MB.
func (p *proc) peakRSS() float64 {
	data, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", p.cmd.Process.Pid))
	if err != nil {
		return 0
	}
	sc := bufio.NewScanner(bytes.NewReader(data))
	for sc.Scan() {
		if v, ok := strings.CutPrefix(sc.Text(), "VmHWM:"); ok {
			kb, _ := strconv.Atoi(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(v), "kB")))
			return float64(kb) / 1024
		}
	}
	return 0
}

// mailbox reads a user's folder over IMAP.
func mailbox(t *testing.T, user, folder string) [][]byte {
	t.Helper()
	c := imapLogin(t, user)
	defer c.Close()
	sel, err := c.Select(folder, &imap.SelectOptions{ReadOnly: true}).Wait()
	if err != nil {
		// A mailbox not yet created (no mail delivered) is empty.
		return nil
	}
	if sel.NumMessages == 0 {
		return nil
	}
	msgs, err := c.Fetch(imap.SeqSet{imap.SeqRange{Start: 1, Stop: 0}}, &imap.FetchOptions{
		BodySection: []*imap.FetchItemBodySection{{Peek: true}}}).Collect()
	if err != nil {
		t.Fatal(err)
	}
	var out [][]byte
	for _, m := range msgs {
		if len(m.BodySection) > 0 {
			out = append(out, m.BodySection[0].Bytes)
		}
	}
	return out
}

func imapLogin(t *testing.T, user string) *imapclient.Client {
	t.Helper()
	srv := inbox.Server{Host: "127.0.0.1", Port: stk.imaps, Security: "tls", CAFile: stk.ca,
		Credential: func(context.Context) (config.Credential, error) {
			return config.Credential{Username: user, Password: stk.password}, nil
		}}
	c, err := inbox.Dial(context.Background(), srv, nil)
	if err != nil {
		t.Fatalf("imap login as %s: %v", user, err)
	}
	return c
}

// deliver sends a message over plain SMTP to Postfix, as a writer's or a
// portal's mail server would, and returns when Postfix accepted it.
func deliver(t *testing.T, from, to, raw string) time.Time {
	t.Helper()
	c, err := smtp.Dial(net.JoinHostPort("127.0.0.1", strconv.Itoa(stk.smtp)))
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	if err := c.Hello("writer.test"); err != nil {
		t.Fatal(err)
	}
	if err := c.Mail(from); err != nil {
		t.Fatal(err)
	}
	if err := c.Rcpt(to); err != nil {
		t.Fatal(err)
	}
	wc, err := c.Data()
	if err != nil {
		t.Fatal(err)
	}
	wc.Write([]byte(strings.ReplaceAll(strings.ReplaceAll(raw, "\r\n", "\n"), "\n", "\r\n")))
	if err := wc.Close(); err != nil {
		t.Fatal(err)
	}
	accepted := time.Now()
	c.Quit()
	return accepted
}

// reply builds a writer's reply to one of our messages.
func reply(from, name, to, subject, inReplyTo, body string, headers ...string) string {
	var b strings.Builder
	fmt.Fprintf(&b, "From: %s <%s>\nTo: %s\nSubject: %s\nMessage-ID: <%d.%s>\nDate: %s\n", name, from, to, subject,
		time.Now().UnixNano(), from, time.Now().Format(time.RFC1123Z))
	if inReplyTo != "" {
		fmt.Fprintf(&b, "In-Reply-To: <%s>\nReferences: <%s>\n", inReplyTo, inReplyTo)
	}
	for _, h := range headers {
		b.WriteString(h + "\n")
	}
	b.WriteString("MIME-Version: 1.0\nContent-Type: text/plain; charset=utf-8\n\n" + body)
	return b.String()
}

// header returns a header's value from a raw message, unfolded.
func header(raw []byte, key string) string {
	lines := strings.Split(strings.ReplaceAll(string(raw), "\r\n", "\n"), "\n")
	for i, l := range lines {
		if l == "" {
			break
		}
		v, ok := strings.CutPrefix(l, key+": ")
		if !ok {
			continue
		}
		for _, cont := range lines[i+1:] {
			if cont == "" || (cont[0] != ' ' && cont[0] != '\t') {
				break
			}
			v += " " + strings.TrimSpace(cont)
		}
		return strings.TrimSpace(v)
	}
	return ""
}
