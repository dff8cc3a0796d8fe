package service

import (
	"context"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"
)

var ctx = context.Background()

// manager is a fake service manager: it records the commands and
// answers from a table (a command not in it fails like a manager that
// cannot be reached).
type manager struct {
	mu      sync.Mutex
	calls   []string
	answers map[string]string // command line prefix → output; "!" prefix: fails with that output
}

func (m *manager) run(_ context.Context, name string, args ...string) ([]byte, error) {
	line := strings.Join(append([]string{name}, args...), " ")
	m.mu.Lock()
	defer m.mu.Unlock()
	m.calls = append(m.calls, line)
	for prefix, out := range m.answers {
		if strings.HasPrefix(line, prefix) {
			if strings.HasPrefix(out, "!") {
				return []byte(out[1:]), errors.New("exit status 1")
			}
			return []byte(out), nil
		}
	}
	return []byte("Failed to connect to bus: No medium found"), errors.New("exit status 1")
}

func (m *manager) called(prefix string) bool {
	m.mu.Lock()
	defer m.mu.Unlock()
	for _, c := range m.calls {
		if strings.HasPrefix(c, prefix) {
			return true
		}
	}
	return false
}

func env(goos string, vars map[string]string, m *manager) Env {
	return Env{GOOS: goos, Getenv: func(k string) string { return vars[k] }, Run: m.run, UID: 501}
}

func mode(t *testing.T, path string) os.FileMode {
	t.Helper()
	st, err := os.Stat(path)
	if err != nil {
		t.Fatal(err)
	}
	return st.Mode().Perm()
}

// odd is a path with what each format must escape: spaces, quotes, %,
// $, XML's & and <, a backslash.
const odd = `/home/dr amara/100% "sure" $HOME & <more>\x.toml`

// TestUnit: the unit runs the binary with exactly its arguments (systemd
// neither splits the spaces nor expands % or $), restarts after a crash,
// and starts at login.
func TestUnit(t *testing.T) {
	u := Unit(Spec{Exe: "/opt/my apps/lorkeeper", Args: []string{"--config", odd, "run"}})
	for _, want := range []string{
		`ExecStart="/opt/my apps/lorkeeper" "--config" "/home/dr amara/100%% \"sure\" $$HOME & <more>\\x.toml" "run"` + "\n",
		"Restart=on-failure\n", "RestartSec=30s\n", "WantedBy=default.target\n", "SyslogIdentifier=lorkeeper\n",
	} {
		if !strings.Contains(u, want) {
			t.Errorf("unit lacks %q:\n%s", want, u)
		}
	}
}

// TestSystemdInstall: install writes the unit (0600) and enables it at
// login with the files alone, so that a machine whose user manager cannot
// be reached (this container) still gets a working service at the next
// login, and says so; status tells what it can; uninstall undoes it all.
func TestSystemdInstall(t *testing.T) {
	xdg := t.TempDir()
	m := &manager{answers: map[string]string{}}
	e := env("linux", map[string]string{"XDG_CONFIG_HOME": xdg, "HOME": "/nonexistent"}, m)
	spec := Spec{Exe: "/usr/local/bin/lorkeeper", Args: []string{"--config", "/home/a/lorkeeper.toml", "run"}}
	res, err := Install(ctx, e, spec)
	if err != nil {
		t.Fatal(err)
	}
	unit := filepath.Join(xdg, "systemd", "user", "lorkeeper.service")
	if data, err := os.ReadFile(unit); err != nil || string(data) != Unit(spec) {
		t.Fatalf("unit %s: %v\n%s", unit, err, data)
	}
	if runtime.GOOS != "windows" {
		if got := mode(t, unit); got != 0o600 {
			t.Errorf("unit mode %v", got)
		}
		if got := mode(t, filepath.Join(xdg, "systemd")); got != 0o700 {
			t.Errorf("folder mode %v", got)
		}
	}
	link := filepath.Join(xdg, "systemd", "user", "default.target.wants", "lorkeeper.service")
	if target, err := os.Readlink(link); err != nil || target != unit {
		t.Errorf("enable link: %q, %v", target, err)
	}
	if res.Warning == nil || !strings.Contains(res.Warning.Error(), "it starts at your next login") ||
		!strings.Contains(res.Warning.Error(), "No medium found") {
		t.Errorf("install without a user manager: warning %v", res.Warning)
	}
	st, err := Query(ctx, e, spec)
	if err != nil || !st.Installed || !st.Same || !st.Enabled || st.ManagerErr == nil || st.Manager != "" {
		t.Errorf("status without a user manager: %+v, %v", st, err)
	}
	other := Spec{Exe: spec.Exe, Args: []string{"--config", "/home/a/other.toml", "run"}}
	if st, _ := Query(ctx, e, other); st.Same {
		t.Error("status says a unit for another config is the same")
	}

	// With a user manager that answers.
	m.answers = map[string]string{
		"systemctl --user daemon-reload": "", "systemctl --user restart lorkeeper.service": "",
		"systemctl --user show lorkeeper.service": "LoadState=loaded\nActiveState=active\nSubState=running\nMainPID=4242\nUnitFileState=enabled\n",
		"systemctl --user disable --now":          "Removed ...",
	}
	res, err = Install(ctx, e, other)
	if err != nil || res.Warning != nil || !strings.Contains(strings.Join(res.Done, " "), "Started it now.") {
		t.Errorf("install: %+v, %v", res, err)
	}
	st, _ = Query(ctx, e, other)
	if !st.Same || st.Manager != "active (running), PID 4242, enabled" || st.ManagerErr != nil {
		t.Errorf("status: %+v", st)
	}
	res, err = Uninstall(ctx, e)
	if err != nil || res.Warning != nil || !m.called("systemctl --user disable --now lorkeeper.service") {
		t.Errorf("uninstall: %+v, %v, calls %v", res, err, m.calls)
	}
	for _, p := range []string{unit, link} {
		if _, err := os.Lstat(p); err == nil {
			t.Errorf("%s left after uninstall", p)
		}
	}
	res, err = Uninstall(ctx, e)
	if err != nil || !strings.Contains(strings.Join(res.Done, " "), "nothing to remove") {
		t.Errorf("second uninstall: %+v, %v", res, err)
	}
	if st, _ := Query(ctx, e, spec); st.Installed || st.Enabled {
		t.Errorf("status after uninstall: %+v", st)
	}
}

// plist is the part of a property list the tests read.
type plist struct {
	Dict struct {
		Items []plistItem `xml:",any"`
	} `xml:"dict"`
}

type plistItem struct {
	XMLName xml.Name
	Text    string      `xml:",chardata"`
	Items   []plistItem `xml:",any"`
}

// values returns the plist's top-level keys and their values.
func (p plist) values() map[string]plistItem {
	out := map[string]plistItem{}
	items := p.Dict.Items
	for i := 0; i+1 < len(items); i += 2 {
		out[items[i].Text] = items[i+1]
	}
	return out
}

// TestPlist: the agent runs the binary with exactly its arguments,
// starts at login, restarts after a crash (not after a clean exit), and
// appends its output to the log.
func TestPlist(t *testing.T) {
	spec := Spec{Exe: "/Applications/My Apps/lorkeeper", Args: []string{"--config", odd, "run"}, LogFile: "/Users/a/Library/Logs/lorkeeper/lorkeeper.log"}
	var p plist
	if err := xml.Unmarshal([]byte(Plist(spec)), &p); err != nil {
		t.Fatalf("plist is not XML: %v\n%s", err, Plist(spec))
	}
	v := p.values()
	var args []string
	for _, a := range v["ProgramArguments"].Items {
		args = append(args, a.Text)
	}
	if want := []string{spec.Exe, "--config", odd, "run"}; fmt.Sprint(args) != fmt.Sprint(want) {
		t.Errorf("ProgramArguments %q, want %q", args, want)
	}
	if v["Label"].Text != Label || v["RunAtLoad"].XMLName.Local != "true" || v["StandardErrorPath"].Text != spec.LogFile ||
		v["StandardOutPath"].Text != spec.LogFile || v["ThrottleInterval"].Text != "30" {
		t.Errorf("plist: %+v", v)
	}
	ka := v["KeepAlive"].Items
	if len(ka) != 2 || ka[0].Text != "SuccessfulExit" || ka[1].XMLName.Local != "false" {
		t.Errorf("KeepAlive: %+v", ka)
	}
}

// TestLaunchdInstall: the plist and its log (both 0600) go under the
// user's Library; launchd is asked to load it into the user's GUI
// session; uninstall unloads and removes it but keeps the log.
func TestLaunchdInstall(t *testing.T) {
	home := t.TempDir()
	m := &manager{answers: map[string]string{
		"launchctl bootout":   "!Boot-out failed: 3: No such process",
		"launchctl bootstrap": "",
		"launchctl print":     "gui/501/com.github.lorkeeper = {\n\tactive count = 1\n\tstate = running\n\tprogram = /usr/local/bin/lorkeeper\n\tpid = 777\n}\n",
	}}
	e := env("darwin", map[string]string{"HOME": home}, m)
	spec := Spec{Exe: "/usr/local/bin/lorkeeper", Args: []string{"--config", "/Users/a/lorkeeper.toml", "run"}}
	res, err := Install(ctx, e, spec)
	if err != nil || res.Warning != nil {
		t.Fatalf("install: %+v, %v", res, err)
	}
	path := filepath.Join(home, "Library", "LaunchAgents", "com.github.lorkeeper.plist")
	log := filepath.Join(home, "Library", "Logs", "lorkeeper", "lorkeeper.log")
	spec.LogFile = log
	if data, err := os.ReadFile(path); err != nil || string(data) != Plist(spec) {
		t.Fatalf("plist: %v\n%s", err, data)
	}
	if runtime.GOOS != "windows" {
		if mode(t, path) != 0o600 || mode(t, log) != 0o600 || mode(t, filepath.Dir(log)) != 0o700 {
			t.Errorf("modes: plist %v, log %v, log folder %v", mode(t, path), mode(t, log), mode(t, filepath.Dir(log)))
		}
	}
	if !m.called("launchctl bootstrap gui/501 " + path) {
		t.Errorf("launchctl calls: %v", m.calls)
	}
	st, err := Query(ctx, e, Spec{Exe: spec.Exe, Args: spec.Args})
	if err != nil || !st.Installed || !st.Same || st.Manager != "loaded, running, PID 777" {
		t.Errorf("status: %+v, %v", st, err)
	}
	m.answers["launchctl bootout"] = ""
	res, err = Uninstall(ctx, e)
	if err != nil || res.Warning != nil {
		t.Errorf("uninstall: %+v, %v", res, err)
	}
	if _, err := os.Stat(path); err == nil {
		t.Error("plist left after uninstall")
	}
	if _, err := os.Stat(log); err != nil {
		t.Error("uninstall removed the log")
	}
	m.answers["launchctl print"] = "!Bad request.\nCould not find service \"com.github.lorkeeper\" in domain for user gui: 501"
	if st, _ := Query(ctx, e, spec); st.Installed || st.Manager != "launchd has not loaded it" {
		t.Errorf("status after uninstall: %+v", st)
	}
}

// task is the part of a Task Scheduler task the tests read.
type task struct {
	Triggers struct {
		Logon struct {
			Enabled bool   `xml:"Enabled"`
			UserID  string `xml:"UserId"`
		} `xml:"LogonTrigger"`
	} `xml:"Triggers"`
	Principal struct {
		UserID    string `xml:"UserId"`
		LogonType string `xml:"LogonType"`
		RunLevel  string `xml:"RunLevel"`
	} `xml:"Principals>Principal"`
	Settings struct {
		Multiple        string `xml:"MultipleInstancesPolicy"`
		NoBattery       bool   `xml:"DisallowStartIfOnBatteries"`
		StopOnBattery   bool   `xml:"StopIfGoingOnBatteries"`
		TimeLimit       string `xml:"ExecutionTimeLimit"`
		StartWhenMissed bool   `xml:"StartWhenAvailable"`
		RestartInterval string `xml:"RestartOnFailure>Interval"`
	} `xml:"Settings"`
	Command   string `xml:"Actions>Exec>Command"`
	Arguments string `xml:"Actions>Exec>Arguments"`
}

// parseTask reads a task as schtasks gets it: UTF-16 with a BOM.
func parseTask(t *testing.T, b []byte) task {
	t.Helper()
	text, err := decodeUTF16(b)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(strings.ReplaceAll(string(b), "\r\x00\n", ""), "\n\x00") {
		t.Error("task XML has LF line ends without CR")
	}
	d := xml.NewDecoder(strings.NewReader(text))
	d.CharsetReader = func(_ string, r io.Reader) (io.Reader, error) { return r, nil }
	var tk task
	if err := d.Decode(&tk); err != nil {
		t.Fatalf("task XML: %v\n%s", err, text)
	}
	return tk
}

// TestTaskXML: the task starts at the user's own logon (no administrator
// needed), runs on battery and without a time limit (the defaults stop a
// task on battery and after 72 hours), never twice, is restarted after a
// failure, and gives the binary exactly its arguments.
func TestTaskXML(t *testing.T) {
	spec := Spec{Exe: `C:\Users\Amara Okafor\AppData\Local\Programs\lorkeeper\lorkeeper.exe`,
		Args:    []string{"--config", `C:\Users\Amara Okafor\Documents\lor "2027"\lorkeeper.toml`, "service", "run"},
		LogFile: `C:\Users\Amara Okafor\AppData\Local\lorkeeper\logs\lorkeeper.log`}
	tk := parseTask(t, TaskXML(spec, `LAPTOP\amara`))
	if !tk.Triggers.Logon.Enabled || tk.Triggers.Logon.UserID != `LAPTOP\amara` || tk.Principal.UserID != `LAPTOP\amara` ||
		tk.Principal.LogonType != "InteractiveToken" || tk.Principal.RunLevel != "LeastPrivilege" {
		t.Errorf("who and when: %+v %+v", tk.Triggers, tk.Principal)
	}
	s := tk.Settings
	if s.NoBattery || s.StopOnBattery || s.TimeLimit != "PT0S" || s.Multiple != "IgnoreNew" || !s.StartWhenMissed || s.RestartInterval != "PT1M" {
		t.Errorf("settings: %+v", s)
	}
	if tk.Command != `"`+spec.Exe+`"` {
		t.Errorf("command %s", tk.Command)
	}
	if got := splitWindows(tk.Arguments); fmt.Sprint(got) != fmt.Sprint(spec.Args) {
		t.Errorf("arguments %s read back as %q, want %q", tk.Arguments, got, spec.Args)
	}
}

// splitWindows splits a command line as CommandLineToArgvW does (its
// rules for backslashes before quotes), for the test on any platform.
func splitWindows(s string) []string {
	var out []string
	var cur strings.Builder
	inQuote, have := false, false
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c == '\\':
			n := 0
			for i < len(s) && s[i] == '\\' {
				n++
				i++
			}
			if i < len(s) && s[i] == '"' {
				cur.WriteString(strings.Repeat(`\`, n/2))
				if n%2 == 1 {
					cur.WriteByte('"')
				} else {
					inQuote = !inQuote
				}
			} else {
				cur.WriteString(strings.Repeat(`\`, n))
				i--
			}
			have = true
		case c == '"':
			inQuote = !inQuote
			have = true
		case (c == ' ' || c == '\t') && !inQuote:
			if have {
				out = append(out, cur.String())
				cur.Reset()
				have = false
			}
		default:
			cur.WriteByte(c)
			have = true
		}
	}
	if have {
		out = append(out, cur.String())
	}
	return out
}

func TestWindowsArg(t *testing.T) {
	for _, a := range []string{"", "plain", `C:\Program Files\x`, `a"b`, `ends with\`, `sp ace\`, `\\server\share\x y`, `q\"q`, `tab	x`} {
		if got := splitWindows(windowsArg(a)); len(got) != 1 || got[0] != a {
			t.Errorf("windowsArg(%q) = %s, read back as %q", a, windowsArg(a), got)
		}
	}
}

// TestTaskInstall: the task is handed to schtasks from a file under
// %LOCALAPPDATA%, started at once; a refusal leaves nothing behind;
// uninstall ends and deletes it.
func TestTaskInstall(t *testing.T) {
	local := t.TempDir()
	m := &manager{answers: map[string]string{"schtasks /Create": "SUCCESS", "schtasks /Run": "SUCCESS", "schtasks /Query": "lorkeeper  N/A  Running",
		"schtasks /End": "SUCCESS", "schtasks /Delete": "SUCCESS"}}
	e := env("windows", map[string]string{"LOCALAPPDATA": local, "USERNAME": "amara", "USERDOMAIN": "LAPTOP"}, m)
	spec := Spec{Exe: `C:\lk\lorkeeper.exe`, Args: []string{"--config", `C:\Users\amara\lorkeeper.toml`, "service", "run"}}
	res, err := Install(ctx, e, spec)
	if err != nil || res.Warning != nil {
		t.Fatalf("install: %+v, %v", res, err)
	}
	def := filepath.Join(local, "lorkeeper", "lorkeeper-task.xml")
	log := filepath.Join(local, "lorkeeper", "logs", "lorkeeper.log")
	if !m.called("schtasks /Create /TN lorkeeper /XML "+def+" /F") || !m.called("schtasks /Run /TN lorkeeper") {
		t.Errorf("schtasks calls: %v", m.calls)
	}
	data, err := os.ReadFile(def)
	if err != nil {
		t.Fatal(err)
	}
	if tk := parseTask(t, data); tk.Principal.UserID != `LAPTOP\amara` {
		t.Errorf("task user %q", tk.Principal.UserID)
	}
	if _, err := os.Stat(log); err != nil {
		t.Errorf("log not created: %v", err)
	}
	st, err := Query(ctx, e, spec)
	if err != nil || !st.Installed || !st.Same || !st.Enabled {
		t.Errorf("status: %+v, %v", st, err)
	}
	res, err = Uninstall(ctx, e)
	if err != nil || !m.called("schtasks /End /TN lorkeeper") || !m.called("schtasks /Delete /TN lorkeeper /F") {
		t.Errorf("uninstall: %+v, %v, %v", res, err, m.calls)
	}
	if _, err := os.Stat(def); err == nil {
		t.Error("task file left")
	}
	m.answers["schtasks /Create"] = "!ERROR: Access is denied."
	if _, err := Install(ctx, e, spec); err == nil || !strings.Contains(err.Error(), "Access is denied") {
		t.Errorf("refused install: %v", err)
	}
	if _, err := os.Stat(def); err == nil {
		t.Error("a refused task left its file")
	}
}

// TestLogs: the journal on Linux, the log file's last lines elsewhere,
// and a plain sentence when there is none yet.
func TestLogs(t *testing.T) {
	m := &manager{answers: map[string]string{"journalctl --user --unit lorkeeper.service --lines 2": "time=1 msg=a\ntime=2 msg=b\n"}}
	lines, from, err := Logs(ctx, env("linux", map[string]string{"HOME": "/h"}, m), 2)
	if err != nil || fmt.Sprint(lines) != "[time=1 msg=a time=2 msg=b]" || !strings.Contains(from, "journal") {
		t.Errorf("linux logs: %q %s %v", lines, from, err)
	}
	m.answers = map[string]string{}
	if _, _, err := Logs(ctx, env("linux", map[string]string{"HOME": "/h"}, m), 2); err == nil || !strings.Contains(err.Error(), "journalctl --user -u lorkeeper") {
		t.Errorf("linux logs without a journal: %v", err)
	}
	home := t.TempDir()
	e := env("darwin", map[string]string{"HOME": home}, m)
	if _, _, err := Logs(ctx, e, 5); err == nil || !strings.Contains(err.Error(), "no log at") {
		t.Errorf("no log yet: %v", err)
	}
	p, _ := PathsFor(e)
	os.MkdirAll(filepath.Dir(p.LogFile), 0o700)
	var b strings.Builder
	for i := 1; i <= 300; i++ {
		fmt.Fprintf(&b, "line %d\r\n", i)
	}
	os.WriteFile(p.LogFile, []byte(b.String()), 0o600)
	lines, from, err = Logs(ctx, e, 3)
	if err != nil || fmt.Sprint(lines) != "[line 298 line 299 line 300]" || from != p.LogFile {
		t.Errorf("darwin logs: %q %s %v", lines, from, err)
	}
}

func TestTailBigFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "big.log")
	line := strings.Repeat("x", 1000) + "\n"
	os.WriteFile(path, []byte(strings.Repeat(line, 3000)+"last\n"), 0o600)
	lines, err := Tail(path, 2)
	if err != nil || len(lines) != 2 || lines[1] != "last" || len(lines[0]) != 1000 {
		t.Errorf("tail: %d lines, %v", len(lines), err)
	}
}

// TestOpenLog: the Windows service's log is 0600, appended to, and moved
// aside once it passes 10 MB.
func TestOpenLog(t *testing.T) {
	path := filepath.Join(t.TempDir(), "logs", "lorkeeper.log")
	f, err := OpenLog(path)
	if err != nil {
		t.Fatal(err)
	}
	f.WriteString("one\n")
	f.Close()
	f, _ = OpenLog(path)
	f.WriteString("two\n")
	f.Close()
	if b, _ := os.ReadFile(path); string(b) != "one\ntwo\n" {
		t.Errorf("log %q", b)
	}
	if runtime.GOOS != "windows" && mode(t, path) != 0o600 {
		t.Errorf("log mode %v", mode(t, path))
	}
	os.WriteFile(path, make([]byte, 10<<20+1), 0o600)
	f, _ = OpenLog(path)
	f.WriteString("fresh\n")
	f.Close()
	if b, _ := os.ReadFile(path); string(b) != "fresh\n" {
		t.Errorf("log after rotation: %d bytes", len(b))
	}
	if st, err := os.Stat(path + ".1"); err != nil || st.Size() != 10<<20+1 {
		t.Errorf("rotated log: %v", err)
	}
}

func TestUnknownPlatform(t *testing.T) {
	_, err := Install(ctx, Env{GOOS: "plan9", Getenv: func(string) string { return "" }}, Spec{})
	if err == nil || !strings.Contains(err.Error(), "start `lorkeeper run` from your system's startup programs") {
		t.Errorf("plan9: %v", err)
	}
}
