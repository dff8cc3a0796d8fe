package cli_test

import (
	"context"
	"strings"
	"sync"
	"testing"

	"github.com/lorkeeper/lorkeeper/cli"
	"github.com/lorkeeper/lorkeeper/config"
	"github.com/lorkeeper/lorkeeper/internal/testenv"
	"github.com/lorkeeper/lorkeeper/lockfile"
)

// One daemon per state: a second `run` on the same config exits non-zero
// and names the running one's PID.
func TestSecondRunIsRefused(t *testing.T) {
	e := testenv.New(t, testenv.Options{})
	ctx, cancel := context.WithCancel(context.Background())
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		var out testenv.Buffer
		code := cli.Main(ctx, []string{"--config", e.Config, "run"}, cli.Env{Stdout: &out, Stderr: &out, Getenv: func(string) string { return "" }})
		if ctx.Err() == nil {
			t.Errorf("the first daemon exited (%d): %s", code, out.String())
		}
	}()
	defer func() { cancel(); wg.Wait() }()
	testenv.WaitFor(t, "the first daemon holds the lock", func() bool {
		_, held, _ := lockfile.Holder(lockfile.For(e.Cfg.State))
		return held
	})
	for _, args := range [][]string{{"run"}, {"run", "--once"}} {
		r := run(t, nil, append([]string{"--config", e.Config}, args...)...)
		if r.code == 0 || !strings.Contains(r.stderr, "already running") || !strings.Contains(r.stderr, "PID") {
			t.Errorf("%v beside a running daemon: exit %d, %q", args, r.code, r.stderr)
		}
	}
}

// Approving with no daemon running says so and how to send now; `run
// --once` then sends.
func TestApproveWithoutDaemon(t *testing.T) {
	e := testenv.New(t, testenv.Options{})
	if r := run(t, nil, "--config", e.Config, "run", "--once"); r.code != 0 {
		t.Fatalf("run --once: %s", r.stderr)
	}
	r := run(t, nil, "--config", e.Config, "drafts", "approve", "1")
	if r.code != 0 || !strings.Contains(r.stdout, "not running") || !strings.Contains(r.stdout, "run --once") {
		t.Fatalf("approve: %d %q %q", r.code, r.stdout, r.stderr)
	}
	if r := run(t, nil, "--config", e.Config, "drafts"); !strings.Contains(r.stdout, "queued") {
		t.Errorf("the approved draft is not listed as queued:\n%s", r.stdout)
	}
	if n := len(e.Sys.Sent()); n != 0 {
		t.Fatalf("%d sent before run --once", n)
	}
	if r := run(t, nil, "--config", e.Config, "run", "--once"); r.code != 0 {
		t.Fatalf("run --once: %s", r.stderr)
	}
	if n := len(e.Sys.Sent()); n != 1 {
		t.Errorf("%d sent by run --once, want 1", n)
	}
}

// A wrong password shows in status after one attempt, naming the setting
// to fix and never the secret.
func TestWrongPasswordShowsInStatus(t *testing.T) {
	e := testenv.New(t, testenv.Options{Configure: func(c *config.Config) {
		c.IMAP.Secret = config.Secret{PasswordEnv: "LK_TEST_IMAP_PASSWORD"}
	}})
	t.Setenv("LK_TEST_IMAP_PASSWORD", "not-the-password")
	run(t, nil, "--config", e.Config, "run", "--once")
	r := run(t, nil, "--config", e.Config, "status")
	if !strings.Contains(r.stdout, "PROBLEM (imap") || !strings.Contains(r.stdout, "login refused") ||
		!strings.Contains(r.stdout, "imap.password_env = LK_TEST_IMAP_PASSWORD") || strings.Contains(r.stdout, "not-the-password") {
		t.Errorf("status after a refused login:\n%s", r.stdout)
	}
	if !strings.Contains(r.stdout, "NOT running") {
		t.Errorf("status does not say lorkeeper is not running:\n%s", r.stdout)
	}
}
