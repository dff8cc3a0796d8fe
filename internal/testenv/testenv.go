// Package testenv builds a complete lorkeeper applicant for tests: an
// in-process mail system (memmail), a config with four writers pointing
// at it, and the opened state, with a clock the test controls.
package testenv

import (
	"io"
	"log/slog"
	"net"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/lorkeeper/lorkeeper/clock"
	"github.com/lorkeeper/lorkeeper/config"
	"github.com/lorkeeper/lorkeeper/inbox"
	"github.com/lorkeeper/lorkeeper/internal/sample"
	"github.com/lorkeeper/lorkeeper/keeper"
	"github.com/lorkeeper/lorkeeper/mailer"
	"github.com/lorkeeper/lorkeeper/memmail"
	"github.com/lorkeeper/lorkeeper/store"
	"github.com/lorkeeper/lorkeeper/templates"
)

// Addresses used by the environment; every user's password is Password.
const (
	Applicant = "amara@inbox.test"
	Portal    = "notices@portal.test"
	Password  = "pw"
)

// Writers of the test config, by id.
var Writers = map[string]string{
	"smith":   "jsmith@hospital.test",
	"patel":   "ppatel@hospital.test",
	"nguyen":  "lnguyen@clinic.test",
	"adeyemi": "badeyemi@university.test",
}

// Env is a ready applicant.
type Env struct {
	Sys    *memmail.System
	Dir    string
	Config string // path of the config file
	Cfg    *config.Config
	Store  *store.Store
	Keeper *keeper.Keeper
	Clock  *clock.Fake // the clock of everything the applicant schedules
	Log    *slog.Logger
}

// SMTP is the applicant's SMTP server.
func (e *Env) SMTP() mailer.Server { return mailer.ServerFor(e.Cfg.SMTP) }

// IMAP is the applicant's IMAP server.
func (e *Env) IMAP() inbox.Server { return inbox.ServerFor(e.Cfg.IMAP) }

// Folders are the applicant's Sent and Drafts folders.
func (e *Env) Folders() *inbox.Folders { return inbox.FoldersFor(e.Cfg.IMAP) }

// Options change the environment.
type Options struct {
	Mail memmail.Options
	// Configure changes the config before it is written (the default
	// schedule has no business hours and no digest).
	Configure func(*config.Config)
	Extra     string            // TOML appended at the end of the file
	Files     map[string]string // more files to write beside the config (name → content), such as request forms
	Clock     time.Time         // the fake clock's start; default Start
	Keeper    []keeper.Option
}

// Start is the default time of the fake clock: a Tuesday, 10:00 in New
// York.
var Start = time.Date(2027, 6, 1, 14, 0, 0, 0, time.UTC)

// New starts everything and registers cleanup with t.
func New(t testing.TB, opts Options) *Env {
	t.Helper()
	sys, err := memmail.Start(opts.Mail)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { sys.Close() })
	for _, u := range append([]string{Applicant, Portal}, addrs()...) {
		if err := sys.AddUser(u, Password); err != nil {
			t.Fatal(err)
		}
	}
	dir := t.TempDir()
	files := map[string]string{"cv.pdf": "%PDF-1.4 cv.pdf", "ps.pdf": "%PDF-1.4 ps.pdf"}
	for name, content := range opts.Files {
		files[name] = content
	}
	for name, content := range files {
		if err := os.WriteFile(filepath.Join(dir, name), []byte(content), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	path := filepath.Join(dir, "lorkeeper.toml")
	if err := os.WriteFile(path, []byte(ConfigText(sys, opts)), 0o600); err != nil {
		t.Fatal(err)
	}
	cfg, err := config.Load(path)
	if err != nil {
		t.Fatal(err)
	}
	start := opts.Clock
	if start.IsZero() {
		start = Start
	}
	clk := clock.NewFake(start)
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	if testing.Verbose() {
		log = slog.New(slog.NewTextHandler(os.Stderr, nil))
	}
	tmpl, err := templates.Load("")
	if err != nil {
		t.Fatal(err)
	}
	st, err := store.Open(cfg.State)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	k := keeper.New(cfg, st, tmpl, log, clk, opts.Keeper...)
	return &Env{Sys: sys, Dir: dir, Config: path, Cfg: cfg, Store: st, Keeper: k, Clock: clk, Log: log}
}

// Authenticated returns raw as the applicant's provider delivers mail
// whose sender it verified: with its Authentication-Results on top.
// Tests that hand a portal notice straight to the keeper use it; a
// notice without it is a forgery as far as lorkeeper can tell.
func Authenticated(raw string) string {
	domain := "portal.test"
	if i := strings.Index(raw, "From:"); i >= 0 {
		line := raw[i:]
		if j := strings.IndexAny(line, "\r\n"); j > 0 {
			line = line[:j]
		}
		if at := strings.LastIndexByte(line, '@'); at >= 0 {
			domain = strings.Trim(line[at+1:], "> \t")
		}
	}
	return "Authentication-Results: " + memmail.AuthservID + "; dmarc=pass header.from=" + domain + "\r\n" + raw
}

func addrs() []string {
	var out []string
	for _, a := range Writers {
		out = append(out, a)
	}
	return out
}

// ConfigText is the config of the environment: the sample applicant
// and writers on the in-process servers, plaintext to loopback, with
// opts.Configure applied and opts.Extra appended.
func ConfigText(sys *memmail.System, opts Options) string {
	ih, ip, _ := net.SplitHostPort(sys.IMAPAddr())
	sh, sp, _ := net.SplitHostPort(sys.SMTPAddr())
	secret := config.Secret{PasswordCmd: "printf " + Password}
	c := &config.Config{State: "state.db",
		Applicant: sample.Applicant(Applicant, "cv.pdf", "ps.pdf"),
		IMAP:      config.IMAP{Host: ih, Port: atoi(ip), Security: "none", Username: Applicant, Secret: secret},
		SMTP:      config.SMTP{Host: sh, Port: atoi(sp), Security: "none", Username: Applicant, Secret: secret, SentCopy: "append"},
		Schedule:  config.Schedule{BusinessHours: sample.Bool(false), DigestEvery: sample.String("")},
		Portals:   config.Portals{Senders: []string{"*@portal.test"}, AuthservID: memmail.AuthservID},
		Writers:   sample.Writers(Writers),
	}
	if opts.Configure != nil {
		opts.Configure(c)
	}
	return string(config.Encode(c)) + opts.Extra
}

func atoi(s string) int { n, _ := strconv.Atoi(s); return n }

// WaitFor polls cond until it holds, for at most 10 s, and fails the
// test with what otherwise. It is for the few conditions with no event
// to wait on: a daemon in another goroutine or process that only shows
// its progress in the state or on the servers.
func WaitFor(t testing.TB, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(10 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("after 10s: %s", what)
		}
		time.Sleep(10 * time.Millisecond)
	}
}
