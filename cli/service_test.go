package cli_test

import (
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"sync"
	"testing"

	"github.com/lorkeeper/lorkeeper/cli"
	"github.com/lorkeeper/lorkeeper/config"
	"github.com/lorkeeper/lorkeeper/internal/testenv"
	"github.com/lorkeeper/lorkeeper/lockfile"
)

// managerLog records the service manager's commands; every one fails as
// on a machine without a reachable user manager, except those answered.
type managerLog struct {
	mu      sync.Mutex
	calls   []string
	answers map[string]string
}

func (m *managerLog) run(_ context.Context, name string, args ...string) ([]byte, error) {
	line := strings.Join(append([]string{name}, args...), " ")
	m.mu.Lock()
	defer m.mu.Unlock()
	m.calls = append(m.calls, line)
	for prefix, out := range m.answers {
		if strings.HasPrefix(line, prefix) {
			return []byte(out), nil
		}
	}
	return []byte("Failed to connect to bus: No medium found"), errors.New("exit status 1")
}

// startDaemon runs `lorkeeper run` on cfg until the test ends, and
// returns once it holds the state's lock.
func startDaemon(t *testing.T, e *testenv.Env) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		var out testenv.Buffer
		cli.Main(ctx, []string{"--config", e.Config, "run"}, cli.Env{Stdout: &out, Stderr: &out, Getenv: func(string) string { return "" }})
	}()
	t.Cleanup(func() { cancel(); wg.Wait() })
	testenv.WaitFor(t, "the daemon holds the lock", func() bool {
		_, held, _ := lockfile.Holder(lockfile.For(e.Cfg.State))
		return held
	})
}

// TestServiceOnLinux: on a machine whose systemd user manager cannot be
// reached (this container), install writes a unit systemd accepts and
// enables it for the next login, and says it is not running yet; status
// reports what it can tell (installed, enabled, the manager's silence,
// and the running daemon seen through the state's lock); uninstall
// removes it.
func TestServiceOnLinux(t *testing.T) {
	e := testenv.New(t, testenv.Options{})
	xdg := t.TempDir()
	exe := filepath.Join(t.TempDir(), "lorkeeper")
	os.WriteFile(exe, []byte("#!/bin/sh\n"), 0o700)
	m := &managerLog{}
	defer cli.FakeService("linux", map[string]string{"XDG_CONFIG_HOME": xdg}, m.run, exe)()

	r := run(t, nil, "--config", e.Config, "service", "install")
	if r.code != 0 {
		t.Fatalf("service install: %d %s", r.code, r.stderr)
	}
	unit := filepath.Join(xdg, "systemd", "user", "lorkeeper.service")
	for _, want := range []string{"Wrote the systemd user unit " + unit, "It starts whenever you log in.",
		"Not running yet: systemd's user manager could not start it now", "It runs " + exe} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("install output lacks %q:\n%s", want, r.stdout)
		}
	}
	text, err := os.ReadFile(unit)
	if err != nil || !strings.Contains(string(text), fmt.Sprintf("ExecStart=%q %q %q %q", exe, "--config", e.Config, "run")) {
		t.Errorf("unit: %v\n%s", err, text)
	}
	if sa, err := exec.LookPath("systemd-analyze"); err == nil {
		run := t.TempDir()
		cmd := exec.Command(sa, "--user", "verify", unit)
		cmd.Env = append(os.Environ(), "XDG_RUNTIME_DIR="+run, "HOME="+run, "XDG_CONFIG_HOME="+xdg)
		if out, err := cmd.CombinedOutput(); err != nil || len(out) > 0 {
			t.Errorf("systemd-analyze --user verify: %v\n%s", err, out)
		}
	}

	r = run(t, nil, "--config", e.Config, "service", "status")
	for _, want := range []string{"Background service: installed, systemd user unit " + unit, "runs      " + exe + " --config " + e.Config + " run",
		"at login  starts (enabled)", "systemd   did not answer (`systemctl --user show lorkeeper.service", "whether it started the service is unknown",
		"lorkeeper: not running on " + e.Config, "Logs: `lorkeeper logs` (the journal"} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("status lacks %q:\n%s", want, r.stdout)
		}
	}
	startDaemon(t, e)
	r = run(t, nil, "--config", e.Config, "service", "status")
	if want := fmt.Sprintf("lorkeeper: running (PID %d) on %s", os.Getpid(), e.Config); !strings.Contains(r.stdout, want) {
		t.Errorf("status lacks %q:\n%s", want, r.stdout)
	}

	m.answers = map[string]string{"journalctl --user --unit lorkeeper.service --lines 2": "level=INFO msg=one\nlevel=INFO msg=two\n"}
	r = run(t, nil, "logs", "-n", "2")
	if r.code != 0 || r.stdout != "The last 2 lines of the journal (journalctl --user -u lorkeeper):\nlevel=INFO msg=one\nlevel=INFO msg=two\n" {
		t.Errorf("logs: %d %q %q", r.code, r.stdout, r.stderr)
	}

	r = run(t, nil, "--config", e.Config, "service", "uninstall")
	if r.code != 0 || !strings.Contains(r.stdout, "Removed "+unit) {
		t.Errorf("uninstall: %d %s %s", r.code, r.stdout, r.stderr)
	}
	if _, err := os.Stat(unit); err == nil {
		t.Error("unit left after uninstall")
	}
	if r := run(t, nil, "--config", e.Config, "service", "status"); !strings.Contains(r.stdout, "Background service: not installed. `lorkeeper service install` sets it up.") {
		t.Errorf("status after uninstall:\n%s", r.stdout)
	}
}

// TestServiceInstallRefusals: a broken config, a missing one, or a
// binary of `go run` are refused with what to do; a password from the
// environment gets a warning, since a service does not see it.
func TestServiceInstallRefusals(t *testing.T) {
	xdg := t.TempDir()
	m := &managerLog{}
	restore := cli.FakeService("linux", map[string]string{"XDG_CONFIG_HOME": xdg}, m.run, "/usr/local/bin/lorkeeper")
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.toml")
	os.WriteFile(bad, []byte("bogus = 1\n"), 0o600)
	r := run(t, nil, "--config", bad, "service", "install")
	if r.code == 0 || !strings.Contains(r.stderr, "bad.toml has problems; fix them, then install again") || !strings.Contains(r.stderr, "bad.toml:1:") {
		t.Errorf("broken config: %d %q", r.code, r.stderr)
	}
	r = run(t, nil, "--config", filepath.Join(dir, "none.toml"), "service", "install")
	if r.code == 0 || !strings.Contains(r.stderr, "no config file at") || !strings.Contains(r.stderr, "lorkeeper init") {
		t.Errorf("missing config: %d %q", r.code, r.stderr)
	}
	if _, err := os.Stat(filepath.Join(xdg, "systemd")); err == nil {
		t.Error("a refused install wrote a unit")
	}
	e := testenv.New(t, testenv.Options{Configure: func(c *config.Config) { c.IMAP.Secret = config.Secret{PasswordEnv: "MY_PW"} }})
	t.Setenv("MY_PW", "x")
	r = run(t, nil, "--config", e.Config, "service", "install")
	if r.code != 0 || !strings.Contains(r.stdout, "imap.password_env = MY_PW: a background service does not see what you set in a terminal") ||
		strings.Contains(r.stdout, "smtp.password_env") {
		t.Errorf("password_env: %d %q %q", r.code, r.stdout, r.stderr)
	}
	restore()
	defer cli.FakeService("linux", map[string]string{"XDG_CONFIG_HOME": xdg}, m.run, filepath.Join(os.TempDir(), "go-build123", "b001", "exe", "lorkeeper"))()
	r = run(t, nil, "--config", e.Config, "service", "install")
	if r.code == 0 || !strings.Contains(r.stderr, "go build -o lorkeeper ./cmd/lorkeeper") {
		t.Errorf("go run binary: %d %q", r.code, r.stderr)
	}
	if r := run(t, nil, "service"); r.code != 2 || !strings.Contains(r.stderr, "install, uninstall or status") {
		t.Errorf("service alone: %d %q", r.code, r.stderr)
	}
}

// TestServiceOnMacAndWindows: the same commands on the other platforms'
// paths: the launch agent and its log under ~/Library; the logon task
// under %LOCALAPPDATA%, running `service run`, which logs to the file
// that `logs` shows.
func TestServiceOnMacAndWindows(t *testing.T) {
	e := testenv.New(t, testenv.Options{})
	home := t.TempDir()
	m := &managerLog{answers: map[string]string{"launchctl": ""}}
	restore := cli.FakeService("darwin", map[string]string{"HOME": home}, m.run, "/usr/local/bin/lorkeeper")
	r := run(t, nil, "--config", e.Config, "service", "install")
	plist := filepath.Join(home, "Library", "LaunchAgents", "com.github.lorkeeper.plist")
	log := filepath.Join(home, "Library", "Logs", "lorkeeper", "lorkeeper.log")
	if r.code != 0 || !strings.Contains(r.stdout, "Wrote the launch agent "+plist) || !strings.Contains(r.stdout, "its log is "+log) {
		t.Errorf("install: %d %s %s", r.code, r.stdout, r.stderr)
	}
	os.WriteFile(log, []byte("level=INFO msg=\"drafts planned\"\n"), 0o600)
	if r := run(t, nil, "logs"); !strings.Contains(r.stdout, "The last 1 lines of "+log+":\nlevel=INFO msg=\"drafts planned\"\n") {
		t.Errorf("logs: %q %q", r.stdout, r.stderr)
	}
	restore()

	local := t.TempDir()
	m = &managerLog{answers: map[string]string{"schtasks": "SUCCESS"}}
	defer cli.FakeService("windows", map[string]string{"LOCALAPPDATA": local, "USERNAME": "amara", "USERDOMAIN": "LAPTOP"}, m.run, `C:\lk\lorkeeper.exe`)()
	r = run(t, nil, "--config", e.Config, "service", "install")
	if r.code != 0 || !strings.Contains(r.stdout, `Added the task "lorkeeper" to the Task Scheduler; it starts whenever LAPTOP\amara logs on.`) {
		t.Errorf("install: %d %s %s", r.code, r.stdout, r.stderr)
	}
	if r := run(t, nil, "--config", e.Config, "service", "status"); !strings.Contains(r.stdout, "runs      C:\\lk\\lorkeeper.exe --config "+e.Config+" service run") {
		t.Errorf("status: %s", r.stdout)
	}
	// What the task runs: the daemon, logging to the file.
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan int)
	go func() {
		done <- cli.Main(ctx, []string{"--config", e.Config, "service", "run"}, cli.Env{Stdout: os.Stdout, Stderr: os.Stderr, Getenv: func(string) string { return "" }})
	}()
	winLog := filepath.Join(local, "lorkeeper", "logs", "lorkeeper.log")
	testenv.WaitFor(t, "the daemon logs to the file", func() bool {
		b, _ := os.ReadFile(winLog)
		return strings.Contains(string(b), "drafts planned")
	})
	cancel()
	if code := <-done; code != 0 {
		t.Errorf("service run exited %d", code)
	}
	if r := run(t, nil, "logs", "-n", "100"); !strings.Contains(r.stdout, "drafts planned") {
		t.Errorf("logs: %q %q", r.stdout, r.stderr)
	}
}
