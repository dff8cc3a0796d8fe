package cli

import (
	"context"
	"errors"
	"fmt"
	"os/exec"
	"runtime"

	"github.com/lorkeeper/lorkeeper/config"
	"github.com/lorkeeper/lorkeeper/daemon"
	"github.com/lorkeeper/lorkeeper/dashboard"
)

// startDashboard serves the review page of a if its config asks for one
// ([dashboard] port; 0 is off). It returns at once; the page stops when
// ctx ends (the applicant stops or is reloaded).
func (c *cmd) startDashboard(ctx context.Context, a *daemon.Applicant) {
	port := a.Cfg.Dashboard.Port
	if port == 0 {
		return
	}
	token, err := dashboard.LoadToken(a.Cfg.State)
	if err != nil {
		a.Log.Error("dashboard not started", "err", err)
		return
	}
	s := dashboard.New(a.Keeper, token, a.Log)
	go func() {
		if err := dashboard.Serve(ctx, port, s, a.Log); err != nil {
			a.Log.Error("dashboard stopped", "err", err)
		}
	}()
}

// dashboardLink is the dashboard's address with its secret, or why there
// is none.
func dashboardLink(cfg *config.Config) (string, error) {
	if cfg.Dashboard.Port == 0 {
		return "", fmt.Errorf("the dashboard is off: set [dashboard] port = 8765 in %s, then restart lorkeeper", cfg.Path)
	}
	token, err := dashboard.LoadToken(cfg.State)
	if err != nil {
		return "", err
	}
	return fmt.Sprintf("http://127.0.0.1:%d/?token=%s", cfg.Dashboard.Port, token), nil
}

// openBrowser opens link in the desktop's browser, where there is one
// ($BROWSER, else the platform's opener). It returns an error when none
// could be started; the caller has printed the link anyway.
func openBrowser(env Env, link string) error {
	name, args := browserCommand(env.Getenv("BROWSER"), runtime.GOOS)
	if name == "" {
		return errors.New("no browser")
	}
	if runtime.GOOS == "linux" && env.Getenv("DISPLAY") == "" && env.Getenv("WAYLAND_DISPLAY") == "" && env.Getenv("BROWSER") == "" {
		return errors.New("no desktop")
	}
	// Not tied to ctx: the browser outlives this command.
	cmd := exec.Command(name, append(args, link)...)
	if err := cmd.Start(); err != nil {
		return err
	}
	go cmd.Wait() // reap it
	return nil
}

// browserCommand is the command that opens a link on goos.
func browserCommand(browser, goos string) (string, []string) {
	if browser != "" {
		return browser, nil
	}
	switch goos {
	case "darwin":
		return "open", nil
	case "windows":
		return "rundll32", []string{"url.dll,FileProtocolHandler"}
	case "linux", "freebsd", "openbsd", "netbsd":
		return "xdg-open", nil
	}
	return "", nil
}
