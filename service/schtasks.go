package service

import (
	"context"
	"errors"
	"fmt"
	"os"
	"strings"
	"unicode/utf16"
)

// taskUser is the Windows account the task runs as, DOMAIN\name: a
// logon trigger for one's own account needs no administrator.
func taskUser(e Env) string {
	user := e.Getenv("USERNAME")
	if d := e.Getenv("USERDOMAIN"); d != "" && user != "" {
		return d + `\` + user
	}
	return user
}

// TaskText is the Task Scheduler task that runs spec when user logs on:
// on battery too, without a time limit, restarted after a failure, and
// never twice at once.
func TaskText(spec Spec, user string) string {
	args := make([]string, len(spec.Args))
	for i, a := range spec.Args {
		args[i] = windowsArg(a)
	}
	u := xmlEscape(user)
	return `<?xml version="1.0" encoding="UTF-16"?>
<!-- Written by ` + "`lorkeeper service install`" + `; ` + "`lorkeeper service uninstall`" + ` removes it. -->
<Task version="1.2" xmlns="http://schemas.microsoft.com/windows/2004/02/mit/task">
  <RegistrationInfo>
    <Description>lorkeeper: your letters of recommendation, through your mailbox. Its log: ` + xmlEscape(spec.LogFile) + `</Description>
    <URI>\` + Name + `</URI>
  </RegistrationInfo>
  <Triggers>
    <LogonTrigger>
      <Enabled>true</Enabled>
      <UserId>` + u + `</UserId>
    </LogonTrigger>
  </Triggers>
  <Principals>
    <Principal id="Author">
      <UserId>` + u + `</UserId>
      <LogonType>InteractiveToken</LogonType>
      <RunLevel>LeastPrivilege</RunLevel>
    </Principal>
  </Principals>
  <Settings>
    <MultipleInstancesPolicy>IgnoreNew</MultipleInstancesPolicy>
    <DisallowStartIfOnBatteries>false</DisallowStartIfOnBatteries>
    <StopIfGoingOnBatteries>false</StopIfGoingOnBatteries>
    <AllowHardTerminate>true</AllowHardTerminate>
    <StartWhenAvailable>true</StartWhenAvailable>
    <RunOnlyIfNetworkAvailable>false</RunOnlyIfNetworkAvailable>
    <IdleSettings>
      <StopOnIdleEnd>false</StopOnIdleEnd>
      <RestartOnIdle>false</RestartOnIdle>
    </IdleSettings>
    <AllowStartOnDemand>true</AllowStartOnDemand>
    <Enabled>true</Enabled>
    <Hidden>false</Hidden>
    <RunOnlyIfIdle>false</RunOnlyIfIdle>
    <WakeToRun>false</WakeToRun>
    <ExecutionTimeLimit>PT0S</ExecutionTimeLimit>
    <Priority>7</Priority>
    <RestartOnFailure>
      <Interval>PT1M</Interval>
      <Count>999</Count>
    </RestartOnFailure>
  </Settings>
  <Actions Context="Author">
    <Exec>
      <Command>` + xmlEscape(windowsArg(spec.Exe)) + `</Command>
      <Arguments>` + xmlEscape(strings.Join(args, " ")) + `</Arguments>
    </Exec>
  </Actions>
</Task>
`
}

// TaskXML is TaskText as schtasks /XML reads it: UTF-16LE with a byte
// order mark, CRLF line ends.
func TaskXML(spec Spec, user string) []byte {
	text := strings.ReplaceAll(TaskText(spec, user), "\n", "\r\n")
	u := utf16.Encode([]rune(text))
	b := make([]byte, 2, 2+2*len(u))
	b[0], b[1] = 0xFF, 0xFE
	for _, c := range u {
		b = append(b, byte(c), byte(c>>8))
	}
	return b
}

func decodeUTF16(b []byte) (string, error) {
	if len(b) < 2 || b[0] != 0xFF || b[1] != 0xFE || len(b)%2 != 0 {
		return "", errors.New("not UTF-16LE with a byte order mark")
	}
	u := make([]uint16, 0, len(b)/2-1)
	for i := 2; i < len(b); i += 2 {
		u = append(u, uint16(b[i])|uint16(b[i+1])<<8)
	}
	return strings.ReplaceAll(string(utf16.Decode(u)), "\r\n", "\n"), nil
}

// windowsArg quotes an argument so that CommandLineToArgvW (and Go's own
// parser) reads it back whole: the rules of syscall.EscapeArg.
func windowsArg(s string) string {
	if s == "" {
		return `""`
	}
	if !strings.ContainsAny(s, "\"\\ \t") {
		return s
	}
	space := strings.ContainsAny(s, " \t")
	if !strings.ContainsAny(s, `"\`) {
		return `"` + s + `"`
	}
	var b strings.Builder
	if space {
		b.WriteByte('"')
	}
	slashes := 0
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch c {
		case '\\':
			slashes++
		case '"':
			b.WriteString(strings.Repeat(`\`, slashes+1))
			slashes = 0
		default:
			slashes = 0
		}
		b.WriteByte(c)
	}
	if space {
		b.WriteString(strings.Repeat(`\`, slashes))
		b.WriteByte('"')
	}
	return b.String()
}

func installTask(ctx context.Context, e Env, p Paths, spec Spec) (Result, error) {
	var res Result
	user := taskUser(e)
	if user == "" {
		return res, errors.New("%USERNAME% is not set: cannot tell whose logon starts the task")
	}
	f, err := OpenLog(spec.LogFile)
	if err != nil {
		return res, err
	}
	f.Close()
	if err := writeFile(p.Definition, TaskXML(spec, user)); err != nil {
		return res, err
	}
	args := []string{"/Create", "/TN", Name, "/XML", p.Definition, "/F"}
	if out, err := e.run(ctx, "schtasks", args...); err != nil {
		os.Remove(p.Definition)
		return res, fmt.Errorf("the Task Scheduler refused the task: %w", cmdErr("schtasks", args, out, err))
	}
	res.Done = append(res.Done, fmt.Sprintf("Added the task %q to the Task Scheduler; it starts whenever %s logs on.", Name, user))
	args = []string{"/Run", "/TN", Name}
	if out, err := e.run(ctx, "schtasks", args...); err != nil {
		res.Warning = fmt.Errorf("the Task Scheduler could not start it now (%w): it starts at your next logon", cmdErr("schtasks", args, out, err))
		return res, nil
	}
	res.Done = append(res.Done, "Started it now; its log is "+spec.LogFile+".")
	return res, nil
}

func uninstallTask(ctx context.Context, e Env, p Paths) (Result, error) {
	var res Result
	_, statErr := os.Stat(p.Definition)
	e.run(ctx, "schtasks", "/End", "/TN", Name) // not running is fine
	args := []string{"/Delete", "/TN", Name, "/F"}
	out, err := e.run(ctx, "schtasks", args...)
	switch {
	case err == nil:
		res.Done = append(res.Done, fmt.Sprintf("Stopped and removed the task %q; it no longer starts at logon. Its log stays in %s.", Name, p.LogFile))
	case statErr == nil:
		return res, fmt.Errorf("the Task Scheduler did not remove the task: %w", cmdErr("schtasks", args, out, err))
	default:
		res.Done = append(res.Done, "No lorkeeper service was installed; nothing to remove.")
	}
	if _, err := removeFile(p.Definition); err != nil {
		return res, err
	}
	return res, nil
}

func queryTask(ctx context.Context, e Env, st *Status) {
	args := []string{"/Query", "/TN", Name}
	out, err := e.run(ctx, "schtasks", args...)
	if err != nil {
		if st.Installed {
			st.ManagerErr = cmdErr("schtasks", args, out, err)
		} else {
			st.Manager = "the Task Scheduler has no task " + Name
		}
		return
	}
	st.Enabled = true
	st.Manager = "the Task Scheduler has the task " + Name
}
