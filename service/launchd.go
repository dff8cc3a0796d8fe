package service

import (
	"context"
	"fmt"
	"os"
	"strings"
)

// launchdPath is the PATH a launch agent gets: launchd's own is
// /usr/bin:/bin:/usr/sbin:/sbin, without Homebrew's folders where a
// password_cmd's tool may live.
const launchdPath = "/opt/homebrew/bin:/usr/local/bin:/usr/bin:/bin:/usr/sbin:/sbin"

// Plist is the launchd agent that runs spec at login, restarts it after
// a crash, and appends its output to spec.LogFile.
func Plist(spec Spec) string {
	var b strings.Builder
	b.WriteString(`<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">
<!-- Written by ` + "`lorkeeper service install`" + `; ` + "`lorkeeper service uninstall`" + ` removes it. -->
<plist version="1.0">
<dict>
	<key>Label</key>
	<string>` + Label + `</string>
	<key>ProgramArguments</key>
	<array>
`)
	for _, a := range append([]string{spec.Exe}, spec.Args...) {
		b.WriteString("\t\t<string>" + xmlEscape(a) + "</string>\n")
	}
	b.WriteString(`	</array>
	<key>RunAtLoad</key>
	<true/>
	<key>KeepAlive</key>
	<dict>
		<key>SuccessfulExit</key>
		<false/>
	</dict>
	<key>ThrottleInterval</key>
	<integer>30</integer>
	<key>ProcessType</key>
	<string>Background</string>
	<key>EnvironmentVariables</key>
	<dict>
		<key>PATH</key>
		<string>` + launchdPath + `</string>
	</dict>
	<key>StandardOutPath</key>
	<string>` + xmlEscape(spec.LogFile) + `</string>
	<key>StandardErrorPath</key>
	<string>` + xmlEscape(spec.LogFile) + `</string>
</dict>
</plist>
`)
	return b.String()
}

func xmlEscape(s string) string {
	var b strings.Builder
	for _, r := range s {
		switch r {
		case '&':
			b.WriteString("&amp;")
		case '<':
			b.WriteString("&lt;")
		case '>':
			b.WriteString("&gt;")
		case '"':
			b.WriteString("&quot;")
		case '\'':
			b.WriteString("&apos;")
		default:
			b.WriteRune(r)
		}
	}
	return b.String()
}

func (e Env) guiDomain() string { return fmt.Sprintf("gui/%d", e.UID) }

func installLaunchd(ctx context.Context, e Env, p Paths, spec Spec) (Result, error) {
	var res Result
	// launchd appends to the log but makes neither the folder nor, with
	// the owner-only mode, the file.
	f, err := OpenLog(spec.LogFile)
	if err != nil {
		return res, err
	}
	f.Close()
	if err := writeFile(p.Definition, []byte(Plist(spec))); err != nil {
		return res, err
	}
	res.Done = append(res.Done, "Wrote the launch agent "+p.Definition+"; it starts whenever you log in.")
	// A loaded agent must be booted out before launchd reads a new plist.
	e.run(ctx, "launchctl", "bootout", e.guiDomain()+"/"+Label)
	args := []string{"bootstrap", e.guiDomain(), p.Definition}
	if out, err := e.run(ctx, "launchctl", args...); err != nil {
		res.Warning = fmt.Errorf("launchd could not start it now (%w): it starts at your next login", cmdErr("launchctl", args, out, err))
		return res, nil
	}
	res.Done = append(res.Done, "Started it now; its log is "+spec.LogFile+".")
	return res, nil
}

func uninstallLaunchd(ctx context.Context, e Env, p Paths) (Result, error) {
	var res Result
	if _, err := os.Stat(p.Definition); err == nil {
		args := []string{"bootout", e.guiDomain() + "/" + Label}
		if out, err := e.run(ctx, "launchctl", args...); err == nil {
			res.Done = append(res.Done, "Stopped it.")
		} else if !strings.Contains(string(out), "No such process") && !strings.Contains(string(out), "Could not find") {
			res.Warning = fmt.Errorf("launchd could not stop it (%w): a lorkeeper it started keeps running until you log out", cmdErr("launchctl", args, out, err))
		}
	}
	removed, err := removeFile(p.Definition)
	if err != nil {
		return res, err
	}
	if removed {
		res.Done = append(res.Done, "Removed "+p.Definition+"; it no longer starts at login. Its log stays in "+p.LogFile+".")
	} else {
		res.Done = append(res.Done, "No lorkeeper service was installed; nothing to remove.")
	}
	return res, nil
}

func queryLaunchd(ctx context.Context, e Env, st *Status) {
	args := []string{"print", e.guiDomain() + "/" + Label}
	out, err := e.run(ctx, "launchctl", args...)
	if err != nil {
		if strings.Contains(string(out), "Could not find service") {
			st.Manager = "launchd has not loaded it"
			return
		}
		st.ManagerErr = cmdErr("launchctl", args, out, err)
		return
	}
	st.Enabled = true
	state, pid := "", ""
	for _, line := range strings.Split(string(out), "\n") {
		k, v, ok := strings.Cut(strings.TrimSpace(line), " = ")
		if !ok {
			continue
		}
		switch k {
		case "state":
			if state == "" {
				state = v
			}
		case "pid":
			if pid == "" {
				pid = v
			}
		}
	}
	s := "loaded"
	if state != "" {
		s += ", " + state
	}
	if pid != "" {
		s += ", PID " + pid
	}
	st.Manager = s
}
