package service

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// Unit is the systemd user unit that runs spec. Its output goes to the
// journal.
func Unit(spec Spec) string {
	args := make([]string, 0, len(spec.Args)+1)
	for _, a := range append([]string{spec.Exe}, spec.Args...) {
		args = append(args, systemdQuote(a))
	}
	return `# Written by ` + "`lorkeeper service install`" + `; ` + "`lorkeeper service uninstall`" + ` removes it.
[Unit]
Description=lorkeeper: your letters of recommendation, through your mailbox

[Service]
Type=simple
ExecStart=` + strings.Join(args, " ") + `
# A crash, or a config that cannot start: try again in 30 seconds.
Restart=on-failure
RestartSec=30s
# The log goes to the journal: ` + "`lorkeeper logs`" + ` shows it.
SyslogIdentifier=lorkeeper

[Install]
WantedBy=default.target
`
}

// systemdQuote quotes one word of a command line for systemd: double
// quotes with C-style escapes, and % and $ doubled so that systemd
// expands neither specifiers nor variables in it.
func systemdQuote(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch r {
		case '\\', '"':
			b.WriteByte('\\')
			b.WriteRune(r)
		case '%':
			b.WriteString("%%")
		case '$':
			b.WriteString("$$")
		case '\n':
			b.WriteString(`\n`)
		case '\t':
			b.WriteString(`\t`)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

func installSystemd(ctx context.Context, e Env, p Paths, spec Spec) (Result, error) {
	var res Result
	if err := writeFile(p.Definition, []byte(Unit(spec))); err != nil {
		return res, err
	}
	res.Done = append(res.Done, "Wrote the systemd user unit "+p.Definition+".")
	// What `systemctl --user enable` does, done here so that the unit
	// starts at the next login even when the user manager cannot be
	// reached now (no login session: ssh, a container).
	if err := os.MkdirAll(filepath.Dir(p.Enabled), 0o700); err != nil {
		return res, fmt.Errorf("create folder %s: %w", filepath.Dir(p.Enabled), err)
	}
	if target, err := os.Readlink(p.Enabled); err != nil || target != p.Definition {
		os.Remove(p.Enabled)
		if err := os.Symlink(p.Definition, p.Enabled); err != nil {
			return res, fmt.Errorf("enable the unit at login: %w", err)
		}
	}
	res.Done = append(res.Done, "It starts whenever you log in.")
	var errs []error
	for _, args := range [][]string{{"--user", "daemon-reload"}, {"--user", "restart", Name + ".service"}} {
		if out, err := e.run(ctx, "systemctl", args...); err != nil {
			errs = append(errs, cmdErr("systemctl", args, out, err))
			break
		}
	}
	if len(errs) > 0 {
		res.Warning = fmt.Errorf("systemd's user manager could not start it now (%w): it starts at your next login, or run `systemctl --user start %s` in a desktop session", errors.Join(errs...), Name)
		return res, nil
	}
	res.Done = append(res.Done, "Started it now.")
	return res, nil
}

func uninstallSystemd(ctx context.Context, e Env, p Paths) (Result, error) {
	var res Result
	_, statErr := os.Lstat(p.Definition)
	args := []string{"--user", "disable", "--now", Name + ".service"}
	if statErr == nil {
		if out, err := e.run(ctx, "systemctl", args...); err != nil {
			res.Warning = fmt.Errorf("systemd's user manager could not stop it (%w): a lorkeeper it started keeps running until you log out", cmdErr("systemctl", args, out, err))
		} else {
			res.Done = append(res.Done, "Stopped it.")
		}
	}
	if _, err := removeFile(p.Enabled); err != nil {
		return res, err
	}
	removed, err := removeFile(p.Definition)
	if err != nil {
		return res, err
	}
	if removed {
		res.Done = append(res.Done, "Removed "+p.Definition+"; it no longer starts at login.")
		if _, err := e.run(ctx, "systemctl", "--user", "daemon-reload"); err != nil && res.Warning == nil {
			res.Warning = errors.New("systemd's user manager was not told (it forgets the unit at your next login)")
		}
	} else {
		res.Done = append(res.Done, "No lorkeeper service was installed; nothing to remove.")
	}
	return res, nil
}

func querySystemd(ctx context.Context, e Env, st *Status) {
	target, err := os.Readlink(st.Paths.Enabled)
	st.Enabled = err == nil && target == st.Paths.Definition
	args := []string{"--user", "show", Name + ".service", "--property=LoadState,ActiveState,SubState,MainPID,UnitFileState"}
	out, err := e.run(ctx, "systemctl", args...)
	if err != nil {
		st.ManagerErr = cmdErr("systemctl", args, out, err)
		return
	}
	props := map[string]string{}
	for _, line := range strings.Split(string(out), "\n") {
		if k, v, ok := strings.Cut(strings.TrimSpace(line), "="); ok {
			props[k] = v
		}
	}
	if props["ActiveState"] == "" {
		st.ManagerErr = fmt.Errorf("`systemctl --user show` said nothing about %s.service", Name)
		return
	}
	if props["LoadState"] == "not-found" {
		st.Manager = "systemd does not know the unit (not loaded)"
		return
	}
	s := fmt.Sprintf("%s (%s)", props["ActiveState"], props["SubState"])
	if pid := props["MainPID"]; pid != "" && pid != "0" {
		s += ", PID " + pid
	}
	if f := props["UnitFileState"]; f != "" {
		s += ", " + f
	}
	st.Manager = s
}
