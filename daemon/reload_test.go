package daemon_test

import (
	"context"
	"log/slog"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/lorkeeper/lorkeeper/config"
	"github.com/lorkeeper/lorkeeper/daemon"
	"github.com/lorkeeper/lorkeeper/internal/testenv"
)

// logEvents is a log handler that tells when a message is logged.
type logEvents struct {
	mu    sync.Mutex
	seen  []string
	wake  chan struct{}
	attrs []slog.Attr
}

func newLogEvents() *logEvents { return &logEvents{wake: make(chan struct{})} }

func (l *logEvents) Enabled(context.Context, slog.Level) bool { return true }
func (l *logEvents) WithAttrs([]slog.Attr) slog.Handler       { return l }
func (l *logEvents) WithGroup(string) slog.Handler            { return l }
func (l *logEvents) Handle(_ context.Context, r slog.Record) error {
	line := r.Message
	r.Attrs(func(a slog.Attr) bool { line += " " + a.String(); return true })
	l.mu.Lock()
	l.seen = append(l.seen, line)
	close(l.wake)
	l.wake = make(chan struct{})
	l.mu.Unlock()
	return nil
}

// count is how many lines so far contain s, and a channel closed at the
// next line.
func (l *logEvents) count(s string) (int, <-chan struct{}) {
	l.mu.Lock()
	defer l.mu.Unlock()
	n := 0
	for _, line := range l.seen {
		if strings.Contains(line, s) {
			n++
		}
	}
	return n, l.wake
}

// waitFor returns once n lines contain s.
func (l *logEvents) waitFor(t *testing.T, n int, s string) {
	t.Helper()
	deadline := time.After(15 * time.Second)
	for {
		got, next := l.count(s)
		if got >= n {
			return
		}
		select {
		case <-next:
		case <-deadline:
			l.mu.Lock()
			t.Fatalf("no %q in the log after 15s:\n%s", s, strings.Join(l.seen, "\n"))
		}
	}
}

// TestEditedConfigReloads: a config edited while the daemon runs is
// picked up without a signal (Windows has none), the applicant restarted
// with it; a broken edit is refused with its problems and the running
// applicant keeps going; fixing it is picked up too.
func TestEditedConfigReloads(t *testing.T) {
	e := testenv.New(t, testenv.Options{})
	events := newLogEvents()
	started := make(chan *daemon.Applicant, 10)
	var live sync.Map // applicant → its context
	s := &daemon.Supervisor{Paths: []string{e.Config}, Log: slog.New(events), Watch: 20 * time.Millisecond,
		Started: func(ctx context.Context, a *daemon.Applicant) { live.Store(a, ctx); started <- a }}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- s.Run(ctx, nil) }() // no reload signal at all
	defer func() { cancel(); <-done }()
	next := func(what string) *daemon.Applicant {
		t.Helper()
		select {
		case a := <-started:
			return a
		case err := <-done:
			t.Fatalf("the supervisor stopped before %s: %v", what, err)
		case <-time.After(15 * time.Second):
			t.Fatalf("no applicant started after 15s: %s", what)
		}
		return nil
	}
	first := next("the first start")
	if len(first.Cfg.Writers) != 4 {
		t.Fatalf("%d writers at start", len(first.Cfg.Writers))
	}

	okoro := func(c *config.Config) {
		start, _ := time.Parse("2006-01-02", "2026-05-01")
		c.Writers = append(c.Writers, config.Writer{ID: "okoro", Name: "Dr. Ada Okoro", Email: "okoro@hospital.test", Field: "other",
			Experience: "surgery elective", ExperienceStart: config.Date{Time: start}, ExperienceEnd: config.Date{Time: start.AddDate(0, 0, 27)}})
	}
	good := testenv.ConfigText(e.Sys, testenv.Options{Configure: okoro})
	if err := os.WriteFile(e.Config, []byte(good), 0o600); err != nil {
		t.Fatal(err)
	}
	second := next("the edit")
	if len(second.Cfg.Writers) != 5 {
		t.Errorf("%d writers after the edit, want 5", len(second.Cfg.Writers))
	}
	events.waitFor(t, 1, "config changed; restarting")

	os.WriteFile(e.Config, []byte(good+"\nbogus = 1\n"), 0o600)
	events.waitFor(t, 1, "config refused; the previous version keeps running")
	if n, _ := events.count("bogus"); n == 0 {
		t.Error("the refusal does not name the problem")
	}
	c, _ := live.Load(second)
	if err := c.(context.Context).Err(); err != nil {
		t.Error("the running applicant was stopped by a broken edit")
	}
	select {
	case a := <-started:
		t.Errorf("an applicant started with the broken config (%d writers)", len(a.Cfg.Writers))
	default:
	}

	os.WriteFile(e.Config, []byte(testenv.ConfigText(e.Sys, testenv.Options{})), 0o600)
	if third := next("the fix"); len(third.Cfg.Writers) != 4 {
		t.Errorf("%d writers after the fix, want 4", len(third.Cfg.Writers))
	}
}
