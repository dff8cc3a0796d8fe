package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"runtime"
	"strings"

	"github.com/lorkeeper/lorkeeper/config"
	"github.com/lorkeeper/lorkeeper/daemon"
	"github.com/lorkeeper/lorkeeper/lockfile"
	"github.com/lorkeeper/lorkeeper/service"
)

// serviceEnv is the machine's service manager (tests replace it with a
// fake one, so that they never touch the real user's services).
var serviceEnv = func(env Env) service.Env {
	return service.Env{GOOS: runtime.GOOS, Getenv: env.Getenv, UID: os.Getuid()}
}

// executable is the binary the service runs.
var executable = func() (string, error) {
	exe, err := os.Executable()
	if err != nil {
		return "", err
	}
	return filepath.EvalSymlinks(exe)
}

// serviceCmd installs, removes or reports on the background service.
func (c *cmd) serviceCmd(ctx context.Context, args []string) error {
	if len(args) == 0 {
		return usagef("service: say install, uninstall or status")
	}
	sub, rest := args[0], args[1:]
	if len(rest) > 0 {
		return usagef("service %s takes no arguments; name the config with --config PATH", sub)
	}
	e := serviceEnv(c.env)
	switch sub {
	case "install":
		return c.serviceInstall(ctx, e)
	case "uninstall", "remove":
		res, err := service.Uninstall(ctx, e)
		if err != nil {
			return fmt.Errorf("service uninstall: %w", err)
		}
		c.printResult(res, "Note")
		return nil
	case "status":
		return c.serviceStatus(ctx, e)
	case "run":
		return c.serviceRun(ctx, e)
	}
	return usagef("service: unknown subcommand %q (install, uninstall, status)", sub)
}

// serviceSpec is what the service runs: this binary, on this config.
func (c *cmd) serviceSpec(goos string) (service.Spec, string, error) {
	exe, err := executable()
	if err != nil {
		return service.Spec{}, "", fmt.Errorf("cannot tell where this lorkeeper binary is: %w", err)
	}
	path, err := filepath.Abs(c.configPath)
	if err != nil {
		return service.Spec{}, "", err
	}
	args := []string{"--config", path, "run"}
	if goos == "windows" {
		args = []string{"--config", path, "service", "run"}
	}
	return service.Spec{Exe: exe, Args: args}, path, nil
}

func (c *cmd) serviceInstall(ctx context.Context, e service.Env) error {
	spec, path, err := c.serviceSpec(e.GOOS)
	if err != nil {
		return fmt.Errorf("service install: %w", err)
	}
	if tmp := os.TempDir(); strings.HasPrefix(spec.Exe, tmp) && strings.Contains(spec.Exe, "go-build") {
		return errors.New("service install: this lorkeeper runs from a temporary folder (`go run`) that will be gone: build it with `go build -o lorkeeper ./cmd/lorkeeper` (or download a release), then run its `service install`")
	}
	files, err := daemon.ConfigFiles([]string{path})
	if err != nil {
		if errors.Is(err, os.ErrNotExist) {
			return fmt.Errorf("service install: no config file at %s: create one with `lorkeeper init`, or name yours with --config PATH", path)
		}
		return fmt.Errorf("service install: %w", err)
	}
	for _, f := range files {
		cfg, err := config.Load(f)
		if err != nil {
			fmt.Fprintf(c.env.Stderr, "lorkeeper: service install: %s has problems; fix them, then install again:\n", f)
			return err
		}
		for _, s := range []struct {
			sec string
			s   config.Secret
		}{{"imap", cfg.IMAP.Secret}, {"smtp", cfg.SMTP.Secret}} {
			if s.s.PasswordEnv != "" && (s.sec == "imap" || !cfg.Resolved.SMTPSecretCopied) {
				c.out("Note: %s: %s.password_env = %s: a background service does not see what you set in a terminal, so it cannot sign in; keep the app password in the OS keyring with `lorkeeper init`, or use password_cmd.\n",
					f, s.sec, s.s.PasswordEnv)
			}
		}
	}
	res, err := service.Install(ctx, e, spec)
	if err != nil {
		return fmt.Errorf("service install: %w", err)
	}
	c.printResult(res, "Not running yet")
	c.out("It runs %s; keep that file where it is (after moving it, run `lorkeeper service install` again).\n", spec.Exe)
	c.out("See what it does: `lorkeeper service status` and `lorkeeper logs`.\n")
	return nil
}

func (c *cmd) printResult(res service.Result, warning string) {
	for _, d := range res.Done {
		c.out("%s\n", d)
	}
	if res.Warning != nil {
		c.out("%s: %v.\n", warning, res.Warning)
	}
}

func (c *cmd) serviceStatus(ctx context.Context, e service.Env) error {
	spec, path, err := c.serviceSpec(e.GOOS)
	if err != nil {
		return fmt.Errorf("service status: %w", err)
	}
	st, err := service.Query(ctx, e, spec)
	if err != nil {
		return fmt.Errorf("service status: %w", err)
	}
	kind := map[string]string{"linux": "systemd user unit", "darwin": "launch agent", "windows": "Task Scheduler task (its copy)"}[e.GOOS]
	manager := map[string]string{"linux": "systemd", "darwin": "launchd", "windows": "Task Scheduler"}[e.GOOS]
	if !st.Installed {
		c.out("Background service: not installed. `lorkeeper service install` sets it up.\n")
	} else {
		c.out("Background service: installed, %s %s\n", kind, st.Paths.Definition)
		if st.Same {
			c.out("  runs      %s\n", strings.Join(append([]string{spec.Exe}, spec.Args...), " "))
		} else {
			c.out("  note      it runs another binary or config than this one (%s, %s); `lorkeeper service install` points it here\n", spec.Exe, path)
		}
		if e.GOOS == "linux" {
			c.out("  at login  %s\n", map[bool]string{true: "starts (enabled)", false: "does not start (not enabled)"}[st.Enabled])
		}
	}
	switch {
	case st.ManagerErr != nil:
		c.out("  %-9s did not answer (%v): whether it started the service is unknown; the next line says whether lorkeeper runs\n", manager, st.ManagerErr)
	case st.Manager != "":
		c.out("  %-9s %s\n", manager, st.Manager)
	}
	if files, err := daemon.ConfigFiles([]string{path}); err == nil {
		for _, f := range files {
			cfg, err := config.Load(f)
			if err != nil {
				c.out("lorkeeper: cannot tell whether it runs on %s: the config does not load (`lorkeeper check` says why)\n", f)
				continue
			}
			pid, held, err := lockfile.Holder(lockfile.For(cfg.State))
			switch {
			case err != nil:
				c.out("lorkeeper: cannot tell whether it runs on %s: %v\n", f, err)
			case held && pid > 0:
				c.out("lorkeeper: running (PID %d) on %s\n", pid, f)
			case held:
				c.out("lorkeeper: running on %s\n", f)
			default:
				c.out("lorkeeper: not running on %s\n", f)
			}
		}
	}
	if st.Paths.LogFile != "" {
		c.out("Logs: `lorkeeper logs` (the file %s)\n", st.Paths.LogFile)
	} else {
		c.out("Logs: `lorkeeper logs` (the journal: journalctl --user -u %s)\n", service.Name)
	}
	return nil
}

// serviceRun is what the Windows task runs: `run`, with the log in the
// service's log file and no console window.
func (c *cmd) serviceRun(ctx context.Context, e service.Env) error {
	p, err := service.PathsFor(e)
	if err != nil {
		return err
	}
	if p.LogFile == "" {
		return c.run(ctx, nil) // journald keeps the output
	}
	f, err := service.OpenLog(p.LogFile)
	if err != nil {
		return err
	}
	defer f.Close()
	if err := service.Detach(f); err != nil {
		fmt.Fprintf(f, "lorkeeper: could not detach from the console: %v\n", err)
	}
	c.env.Stdout, c.env.Stderr = f, f
	c.env.Log = slog.New(slog.NewTextHandler(f, nil))
	err = c.run(ctx, nil)
	if err != nil {
		printErr(f, err)
	}
	return err
}

// logs prints the background service's recent log lines.
func (c *cmd) logs(ctx context.Context, args []string) error {
	n := 50
	if _, err := flags("logs", args, func(fs *flag.FlagSet) { fs.IntVar(&n, "n", 50, "lines") }); err != nil {
		return err
	}
	if n < 1 {
		return usagef("logs: -n must be 1 or more")
	}
	lines, from, err := service.Logs(ctx, serviceEnv(c.env), n)
	if err != nil {
		return fmt.Errorf("logs: %w", err)
	}
	if len(lines) == 0 {
		c.out("No log lines yet in %s.\n", from)
		return nil
	}
	c.out("The last %d lines of %s:\n", len(lines), from)
	for _, l := range lines {
		c.out("%s\n", l)
	}
	return nil
}
