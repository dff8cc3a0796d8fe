// Package service sets lorkeeper up as the user's own background
// service, started at login and restarted after a crash: a systemd user
// unit on Linux, a launchd agent on macOS, a logon task of the Task
// Scheduler on Windows. Nothing here needs administrator rights, and
// nothing touches another user's services.
//
// The definitions (unit, plist, task XML) are plain functions of a Spec,
// so that every platform's text is tested everywhere; the service
// managers are reached through Env.Run, which tests replace.
package service

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"time"
)

// Name is the service's name: the systemd unit lorkeeper.service, the
// Windows task \lorkeeper.
const Name = "lorkeeper"

// Label is the launchd agent's label.
const Label = "com.github.lorkeeper"

// Spec is what the service runs.
type Spec struct {
	Exe  string   // the lorkeeper binary, absolute
	Args []string // its arguments: --config PATH run
	// LogFile is where the program's output goes on macOS and Windows
	// (journald keeps it on Linux).
	LogFile string
}

// Env is the machine the service is installed on.
type Env struct {
	GOOS   string              // linux, darwin or windows
	Getenv func(string) string // HOME, XDG_CONFIG_HOME, LOCALAPPDATA, USERNAME, USERDOMAIN
	// Run runs a service manager's command (systemctl, launchctl,
	// schtasks, journalctl) and returns its combined output; nil runs it.
	Run func(ctx context.Context, name string, args ...string) ([]byte, error)
	UID int // the user's id, for launchctl's gui/UID domain
}

func (e Env) run(ctx context.Context, name string, args ...string) ([]byte, error) {
	if e.Run != nil {
		return e.Run(ctx, name, args...)
	}
	return Exec(ctx, name, args...)
}

// Exec runs a command with a deadline and returns its combined output.
func Exec(ctx context.Context, name string, args ...string) ([]byte, error) {
	ctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	return exec.CommandContext(ctx, name, args...).CombinedOutput()
}

// cmdErr is a command's failure with the last line of what it said
// (where the reason is: systemctl reports what it did first).
func cmdErr(name string, args []string, out []byte, err error) error {
	msg := strings.TrimSpace(string(out))
	if i := strings.LastIndexByte(msg, '\n'); i >= 0 {
		msg = strings.TrimSpace(msg[i+1:])
	}
	cmd := strings.Join(append([]string{name}, args...), " ")
	if msg != "" {
		return fmt.Errorf("`%s` failed: %s", cmd, msg)
	}
	return fmt.Errorf("`%s` failed: %v", cmd, err)
}

// Paths are where a platform keeps the service's files.
type Paths struct {
	Definition string // the unit, plist or task XML lorkeeper writes
	Enabled    string // Linux: the link that starts the unit at login
	LogFile    string // macOS, Windows: the log; "" on Linux (journald)
}

// PathsFor returns the service's files on e's platform.
func PathsFor(e Env) (Paths, error) {
	switch e.GOOS {
	case "linux":
		cfg := e.Getenv("XDG_CONFIG_HOME")
		if cfg == "" {
			home := e.Getenv("HOME")
			if home == "" {
				return Paths{}, errors.New("neither $XDG_CONFIG_HOME nor $HOME is set: cannot tell where your systemd user units go")
			}
			cfg = filepath.Join(home, ".config")
		}
		dir := filepath.Join(cfg, "systemd", "user")
		return Paths{Definition: filepath.Join(dir, Name+".service"),
			Enabled: filepath.Join(dir, "default.target.wants", Name+".service")}, nil
	case "darwin":
		home := e.Getenv("HOME")
		if home == "" {
			return Paths{}, errors.New("$HOME is not set: cannot tell where your launch agents go")
		}
		return Paths{Definition: filepath.Join(home, "Library", "LaunchAgents", Label+".plist"),
			LogFile: filepath.Join(home, "Library", "Logs", "lorkeeper", "lorkeeper.log")}, nil
	case "windows":
		dir := e.Getenv("LOCALAPPDATA")
		if dir == "" {
			if p := e.Getenv("USERPROFILE"); p != "" {
				dir = filepath.Join(p, "AppData", "Local")
			}
		}
		if dir == "" {
			return Paths{}, errors.New("%LOCALAPPDATA% is not set: cannot tell where lorkeeper's log goes")
		}
		base := filepath.Join(dir, "lorkeeper")
		return Paths{Definition: filepath.Join(base, "lorkeeper-task.xml"),
			LogFile: filepath.Join(base, "logs", "lorkeeper.log")}, nil
	}
	return Paths{}, fmt.Errorf("lorkeeper cannot install a service on %s: start `lorkeeper run` from your system's startup programs instead", e.GOOS)
}

// Status is what can be told about the installed service.
type Status struct {
	Installed  bool
	Paths      Paths
	Definition string // the installed definition's text
	// Same: the installed definition runs what install would set up now
	// (this binary, this config).
	Same bool
	// Enabled: set to start at login, as far as the files show (Linux);
	// for the others, the manager says.
	Enabled bool
	// Manager is what the service manager said, in words ("active
	// (running), PID 4242"), or "" when it could not be asked.
	Manager string
	// ManagerErr is why the service manager could not be asked.
	ManagerErr error
}

// Result is what Install and Uninstall did, in sentences for the user.
type Result struct {
	Done []string
	// Warning: the definition is in place but the manager did not take it
	// (it starts at the next login, or says what to run).
	Warning error
}

// Install writes the service definition for spec and asks the platform's
// service manager to start it now and at every login. Installing again
// replaces the definition.
func Install(ctx context.Context, e Env, spec Spec) (Result, error) {
	p, err := PathsFor(e)
	if err != nil {
		return Result{}, err
	}
	spec.LogFile = p.LogFile
	switch e.GOOS {
	case "linux":
		return installSystemd(ctx, e, p, spec)
	case "darwin":
		return installLaunchd(ctx, e, p, spec)
	default:
		return installTask(ctx, e, p, spec)
	}
}

// Uninstall stops the service and removes its definition. Removing a
// service that is not there is not an error.
func Uninstall(ctx context.Context, e Env) (Result, error) {
	p, err := PathsFor(e)
	if err != nil {
		return Result{}, err
	}
	switch e.GOOS {
	case "linux":
		return uninstallSystemd(ctx, e, p)
	case "darwin":
		return uninstallLaunchd(ctx, e, p)
	default:
		return uninstallTask(ctx, e, p)
	}
}

// Query reports on the installed service; want is the spec install would
// use now, to tell whether the installed one is the same.
func Query(ctx context.Context, e Env, want Spec) (Status, error) {
	p, err := PathsFor(e)
	if err != nil {
		return Status{}, err
	}
	want.LogFile = p.LogFile
	st := Status{Paths: p}
	data, err := os.ReadFile(p.Definition)
	switch {
	case err == nil:
		st.Installed, st.Definition = true, string(data)
	case !errors.Is(err, fs.ErrNotExist):
		return st, fmt.Errorf("read %s: %w", p.Definition, err)
	}
	switch e.GOOS {
	case "linux":
		st.Same = st.Installed && st.Definition == Unit(want)
		querySystemd(ctx, e, &st)
	case "darwin":
		st.Same = st.Installed && st.Definition == Plist(want)
		queryLaunchd(ctx, e, &st)
	default:
		if st.Installed {
			if text, err := decodeUTF16(data); err == nil {
				st.Definition = text
			}
		}
		st.Same = st.Installed && st.Definition == TaskText(want, taskUser(e))
		queryTask(ctx, e, &st)
	}
	return st, nil
}

// Logs returns the service's last n log lines, and where they come from.
func Logs(ctx context.Context, e Env, n int) (lines []string, from string, err error) {
	p, err := PathsFor(e)
	if err != nil {
		return nil, "", err
	}
	if e.GOOS == "linux" {
		args := []string{"--user", "--unit", Name + ".service", "--lines", fmt.Sprint(n), "--no-pager", "--output", "cat"}
		out, err := e.run(ctx, "journalctl", args...)
		if err != nil {
			return nil, "", fmt.Errorf("read the journal: %w; try `journalctl --user -u %s` yourself", cmdErr("journalctl", args, out, err), Name)
		}
		text := strings.TrimRight(string(out), "\n")
		if text == "" || text == "-- No entries --" {
			return nil, "the journal (journalctl --user -u " + Name + ")", nil
		}
		return strings.Split(text, "\n"), "the journal (journalctl --user -u " + Name + ")", nil
	}
	lines, err = Tail(p.LogFile, n)
	if errors.Is(err, fs.ErrNotExist) {
		return nil, p.LogFile, fmt.Errorf("no log at %s yet: the background service writes it once it runs (`lorkeeper service install`)", p.LogFile)
	}
	return lines, p.LogFile, err
}

// Tail returns the last n lines of a file (reading at most its last
// megabyte).
func Tail(path string, n int) ([]string, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	const max = 1 << 20
	st, err := f.Stat()
	if err != nil {
		return nil, err
	}
	off := int64(0)
	if st.Size() > max {
		off = st.Size() - max
	}
	if _, err := f.Seek(off, io.SeekStart); err != nil {
		return nil, err
	}
	data, err := io.ReadAll(f)
	if err != nil {
		return nil, err
	}
	if off > 0 {
		if i := bytes.IndexByte(data, '\n'); i >= 0 {
			data = data[i+1:] // a partial first line
		}
	}
	text := strings.TrimRight(strings.ReplaceAll(string(data), "\r\n", "\n"), "\n")
	if text == "" {
		return nil, nil
	}
	lines := strings.Split(text, "\n")
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return lines, nil
}

// writeFile writes a file only its owner can read (0600), in folders
// made 0700, whole or not at all.
func writeFile(path string, data []byte) error {
	dir := filepath.Dir(path)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return fmt.Errorf("create folder %s: %w", dir, err)
	}
	tmp, err := os.CreateTemp(dir, ".lorkeeper-*")
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	defer os.Remove(tmp.Name())
	_, err = tmp.Write(data)
	if err == nil {
		err = tmp.Sync()
	}
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err == nil {
		err = os.Rename(tmp.Name(), path)
	}
	if err != nil {
		return fmt.Errorf("write %s: %w", path, err)
	}
	return nil
}

// removeFile removes a file that may not be there.
func removeFile(path string) (bool, error) {
	err := os.Remove(path)
	if errors.Is(err, fs.ErrNotExist) {
		return false, nil
	}
	if err != nil {
		return false, fmt.Errorf("remove %s: %w", path, err)
	}
	return true, nil
}

// RotateLog keeps a log from growing without end: a file past max bytes
// becomes path.1 (replacing the one before) and a new one starts. The
// service calls it as it starts.
func RotateLog(path string, max int64) error {
	st, err := os.Stat(path)
	if err != nil || st.Size() <= max {
		return nil
	}
	return os.Rename(path, path+".1")
}

// OpenLog opens the service's log for appending, mode 0600 in a folder
// of mode 0700, rotating it first when it is past 10 MB.
func OpenLog(path string) (*os.File, error) {
	if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
		return nil, fmt.Errorf("create log folder: %w", err)
	}
	if err := RotateLog(path, 10<<20); err != nil {
		return nil, fmt.Errorf("rotate log %s: %w", path, err)
	}
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_APPEND|os.O_CREATE, 0o600)
	if err != nil {
		return nil, fmt.Errorf("open log: %w", err)
	}
	return f, nil
}
