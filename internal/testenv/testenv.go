// Package testenv builds a complete lorkeeper applicant for tests: an
// in-process mail system (memmail), a config with four writers pointing
// at it, and the opened state, with a clock the test controls.
package testenv

import (
	"fmt"
	"io"
	"log/slog"
	"net"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/lorkeeper/lorkeeper/config"
	"github.com/lorkeeper/lorkeeper/inbox"
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

// Clock is a settable clock.
type Clock struct {
	mu sync.Mutex
	t  time.Time
}

// NewClock returns a clock set to t.
func NewClock(t time.Time) *Clock { return &Clock{t: t} }

// Now returns the clock's time.
func (c *Clock) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.t
}

// Advance moves the clock forward.
func (c *Clock) Advance(d time.Duration) {
	c.mu.Lock()
	c.t = c.t.Add(d)
	c.mu.Unlock()
}

// Env is a ready applicant.
type Env struct {
	Sys    *memmail.System
	Dir    string
	Config string // path of the config file
	Cfg    *config.Config
	Store  *store.Store
	Keeper *keeper.Keeper
	Clock  *Clock
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
	Mail     memmail.Options
	Schedule string // the [schedule] table's body; default compresses nothing
	Extra    string // TOML appended at the end of the file
	Clock    time.Time
	// State is the state file's path (default state.db, beside the
	// config); IMAP and SMTP are lines added to those tables.
	State, IMAP, SMTP string
}

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
	for _, f := range []string{"cv.pdf", "ps.pdf"} {
		if err := os.WriteFile(filepath.Join(dir, f), []byte("%PDF-1.4 "+f), 0o600); err != nil {
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
	clock := NewClock(opts.Clock)
	if clock.t.IsZero() {
		clock.t = time.Date(2027, 6, 1, 14, 0, 0, 0, time.UTC) // a Tuesday, 10:00 in New York
	}
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
	k := keeper.New(cfg, st, tmpl, log, clock.Now)
	return &Env{Sys: sys, Dir: dir, Config: path, Cfg: cfg, Store: st, Keeper: k, Clock: clock, Log: log}
}

func addrs() []string {
	var out []string
	for _, a := range Writers {
		out = append(out, a)
	}
	return out
}

// ConfigText is the config of the environment.
func ConfigText(sys *memmail.System, opts Options) string {
	ih, ip, _ := net.SplitHostPort(sys.IMAPAddr())
	sh, sp, _ := net.SplitHostPort(sys.SMTPAddr())
	sched := opts.Schedule
	if sched == "" {
		sched = "business_hours = false\ndigest_every = \"\""
	}
	state := opts.State
	if state == "" {
		state = "state.db"
	}
	var b strings.Builder
	fmt.Fprintf(&b, `state = %q

[applicant]
name = "Amara Okafor"
email = %q
aamc_id = "14598237"
specialty = "Diagnostic Radiology"
background = "non-US citizen IMG"
cycle = "ERAS 2027"
timezone = "America/New_York"
deadline = 2027-09-01
cv = "cv.pdf"
personal_statement = "ps.pdf"

[imap]
host = %q
port = %s
security = "none"
username = %q
password_cmd = "printf %s"
%s
[smtp]
host = %q
port = %s
security = "none"
username = %q
password_cmd = "printf %s"
sent_copy = "append"
%s
[schedule]
%s

[portals]
senders = ["*@portal.test"]
`, state, Applicant, ih, ip, Applicant, Password, opts.IMAP, sh, sp, Applicant, Password, opts.SMTP, sched)
	for _, id := range []string{"smith", "patel", "nguyen", "adeyemi"} {
		asked := "email"
		if id == "patel" {
			asked = "in_person"
		}
		field := "radiology"
		if id == "nguyen" {
			field = "other"
		}
		fmt.Fprintf(&b, `
[[writer]]
id = %q
name = "Dr. %s %s"
email = %q
title = "Attending"
institution = "Example Hospital"
field = %q
asked = %q
experience = "%s rotation"
experience_start = 2026-06-01
experience_end = 2026-06-28
highlights = ["Presented cases at conference"]
`, id, map[string]string{"smith": "Jane", "patel": "Priya", "nguyen": "Linh", "adeyemi": "Bola"}[id],
			strings.ToUpper(id[:1])+id[1:], Writers[id], field, asked, field)
	}
	b.WriteString(opts.Extra)
	return b.String()
}
