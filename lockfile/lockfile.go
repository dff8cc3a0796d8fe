// Package lockfile makes sure one process at a time runs on a state
// file: the daemon takes an exclusive lock on a file beside it and writes
// its PID there. The operating system drops the lock when the process
// dies, however it dies, so a crash never leaves a stale lock behind.
package lockfile

import (
	"errors"
	"fmt"
	"os"
	"strconv"
	"strings"
	"time"
)

// For returns the lock file of a state file: one daemon per state.
func For(state string) string { return state + ".lock" }

// Lock is a held lock. The caller calls Release.
type Lock struct {
	f    *os.File
	path string
}

// ErrLocked is returned by Acquire when another process holds the lock.
type ErrLocked struct {
	Path string
	PID  int // 0 when it could not be read
}

func (e *ErrLocked) Error() string {
	if e.PID > 0 {
		return fmt.Sprintf("another lorkeeper (PID %d) is already running on this state (%s)", e.PID, e.Path)
	}
	return fmt.Sprintf("another lorkeeper is already running on this state (%s)", e.Path)
}

// Acquire takes the lock at path, creating the file (mode 0600) if
// needed, and records this process's PID in it. It returns *ErrLocked
// when another process holds it; a holder that only looks (Holder, from
// `lorkeeper status`) is waited for, up to half a second.
func Acquire(path string) (*Lock, error) {
	return acquire(path, 10)
}

func acquire(path string, tries int) (*Lock, error) {
	f, err := os.OpenFile(path, os.O_RDWR|os.O_CREATE, 0o600)
	if err != nil {
		return nil, fmt.Errorf("lock %s: %w", path, err)
	}
	for i := 1; ; i++ {
		err = tryLock(f)
		if !errors.Is(err, errBusy) || i >= tries {
			break
		}
		time.Sleep(50 * time.Millisecond)
	}
	if err != nil {
		f.Close()
		if errors.Is(err, errBusy) {
			return nil, &ErrLocked{Path: path, PID: readPID(path)}
		}
		return nil, fmt.Errorf("lock %s: %w", path, err)
	}
	l := &Lock{f: f, path: path}
	if tries > 1 { // a holder, not a probe: say who holds it
		if err := f.Truncate(0); err == nil {
			_, _ = f.WriteAt([]byte(strconv.Itoa(os.Getpid())+"\n"), 0)
			_ = f.Sync()
		}
	}
	return l, nil
}

// Holder reports whether a process holds the lock at path, and its PID
// if known. It does not take the lock for longer than the check.
func Holder(path string) (pid int, held bool, err error) {
	l, err := acquire(path, 1)
	var le *ErrLocked
	switch {
	case errors.As(err, &le):
		return le.PID, true, nil
	case errors.Is(err, os.ErrNotExist):
		return 0, false, nil
	case err != nil:
		return 0, false, err
	}
	return 0, false, l.Release()
}

// Release drops the lock.
func (l *Lock) Release() error {
	if l == nil || l.f == nil {
		return nil
	}
	err := unlock(l.f)
	if cerr := l.f.Close(); err == nil {
		err = cerr
	}
	l.f = nil
	return err
}

var errBusy = errors.New("locked by another process")

func readPID(path string) int {
	data, err := os.ReadFile(path)
	if err != nil {
		return 0
	}
	n, _ := strconv.Atoi(strings.TrimSpace(string(data)))
	return n
}
