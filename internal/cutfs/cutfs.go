//go:build linux

// Package cutfs is a FUSE filesystem for tests that keeps only what was
// made durable, so that a test can cut the power under a running process
// and see what a disk would have kept.
//
// The contract:
//
//   - Each file has live content (what reads return) and durable content:
//     the live content as of its last fsync or fdatasync. Writes,
//     truncations and fallocate change only the live content.
//   - Each directory has live entries and durable entries. In strict mode
//     (the default, what POSIX promises) a create, mkdir, rename, unlink
//     or rmdir is durable only once its directory is fsynced; a rename
//     between directories needs both fsynced, and until then the file may
//     come back under both names. In lenient mode (Options.Lenient) every
//     such change is durable the moment it is made, as ext4 with
//     data=ordered behaves in practice; file content still needs fsync.
//   - Cut simulates a power cut: at that instant everything not durable
//     is thrown away. The mount is detached at once; processes that still
//     have its files open get EIO from then on. Remount mounts the
//     durable state on the same directory, as the next boot would find it.
//   - Permission bits, owners and times are kept as they are (not
//     modelled); hard links, symlinks, special files, extended attributes
//     and RENAME_EXCHANGE are not supported. File locks are the kernel's
//     own (they do not survive a cut, as on a real disk).
//
// The process serving the mount (the test) must not touch an mmapped
// file of it, such as SQLite's -shm: the page fault blocks a thread the Go
// runtime cannot preempt, and the next stop-the-world waits for it while
// the server cannot run. Run SQLite on the mount in another process (the
// daemon under test, or the test binary re-executed); plain reads and
// writes from the test are fine.
//
// Mounting needs /dev/fuse and root (the mount is made directly, without
// fusermount). Tests use ForTest, which skips where that is missing, or
// fails under CI=true, where the suite is meant to run in full.
package cutfs

import (
	"errors"
	"fmt"
	"os"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/hanwen/go-fuse/v2/fuse"
)

// Options change how the filesystem keeps directory entries.
type Options struct {
	// Lenient makes directory changes durable at once instead of at
	// their directory's fsync.
	Lenient bool
}

// FS is a mounted (or cut) cutfs. Its methods are safe for concurrent use.
type FS struct {
	dir  string
	opts Options

	mu       sync.Mutex // guards everything below and every mount's state
	cur      *mount     // the mount being served; nil once cut or closed
	last     *state     // the state frozen by the last cut
	lost     Loss       // what that cut threw away
	draining []*fuse.Server
	ops      int64 // requests that changed state, over all mounts
	trig     *trigger
}

type trigger struct {
	at   int64
	hook func()
	done chan struct{}
}

// Available reports why this machine cannot mount a cutfs, or nil.
func Available() error {
	if os.Geteuid() != 0 {
		return errors.New("cutfs: mounting needs root (the mount is made without fusermount)")
	}
	f, err := os.OpenFile("/dev/fuse", os.O_RDWR, 0)
	if err != nil {
		return fmt.Errorf("cutfs: %w", err)
	}
	return f.Close()
}

// Mount mounts an empty strict-mode cutfs on dir, an existing directory.
func Mount(dir string) (*FS, error) { return MountWith(dir, Options{}) }

// MountWith mounts an empty cutfs on dir with options o.
func MountWith(dir string, o Options) (*FS, error) {
	f := &FS{dir: dir, opts: o}
	if err := f.serve(newState(o.Lenient)); err != nil {
		return nil, err
	}
	return f, nil
}

// ForTest mounts an empty cutfs on a new directory in t.TempDir() and
// closes it when the test ends. Where FUSE cannot be mounted it skips the
// test, or fails it when CI=true.
func ForTest(t testing.TB, o Options) *FS {
	t.Helper()
	if err := Available(); err != nil {
		if os.Getenv("CI") == "true" {
			t.Fatalf("%v: CI must run the power-cut tests (as root, with /dev/fuse)", err)
		}
		t.Skipf("%v: power-cut tests skipped", err)
	}
	dir := t.TempDir()
	f, err := MountWith(dir, o)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		if err := f.Close(); err != nil {
			t.Error(err)
		}
	})
	return f
}

// Dir is the mount point.
func (f *FS) Dir() string { return f.dir }

func (f *FS) serve(st *state) error {
	m := &mount{RawFileSystem: fuse.NewDefaultRawFileSystem(), fs: f, st: st, dirs: map[uint64][]fuse.DirEntry{}}
	srv, err := fuse.NewServer(m, f.dir, &fuse.MountOptions{
		FsName: "cutfs", Name: "cutfs", DirectMount: true,
		DisableXAttrs: true, DisableReadDirPlus: true,
		// Only this mount changes its files: the kernel's page cache
		// stays valid (and shared mmaps, as SQLite's -shm, coherent).
		ExplicitDataCacheControl: true,
	})
	if err != nil {
		return fmt.Errorf("mount %s: %w", f.dir, err)
	}
	go srv.Serve()
	if err := srv.WaitMount(); err != nil {
		_ = syscall.Unmount(f.dir, syscall.MNT_DETACH)
		return fmt.Errorf("mount %s: %w", f.dir, err)
	}
	f.mu.Lock()
	m.srv = srv
	f.cur = m
	f.mu.Unlock()
	return nil
}

// Cut cuts the power: everything not durable is gone, the mount is
// detached, and processes with files open on it get EIO. If a CutAt
// already cut it, Cut only detaches. Remount brings the durable state back.
func (f *FS) Cut() error {
	f.mu.Lock()
	m := f.cur
	if m == nil {
		f.mu.Unlock()
		return fmt.Errorf("cut %s: not mounted", f.dir)
	}
	f.freezeLocked()
	f.cur, f.trig = nil, nil
	f.draining = append(f.draining, m.srv)
	f.mu.Unlock()
	if err := syscall.Unmount(f.dir, syscall.MNT_DETACH); err != nil {
		return fmt.Errorf("cut %s: unmount: %w", f.dir, err)
	}
	return nil
}

// CutAt arranges for the power to go during the n-th request from now
// that would change state (a write, truncate, fsync, create, rename,
// unlink...): that request and every later one fail, nothing after the
// previous request becomes durable, and hook (which may be nil; it runs
// inside the request, so it must not use the mount) is called at that
// instant, for instance to SIGKILL the process under test. The channel
// is closed once hook returned; call Cut then to detach the mount. A Cut,
// or a CutAt with n < 1, disarms a pending CutAt.
func (f *FS) CutAt(n int, hook func()) <-chan struct{} {
	t := &trigger{hook: hook, done: make(chan struct{})}
	f.mu.Lock()
	defer f.mu.Unlock()
	f.trig = nil
	if n >= 1 {
		t.at = f.ops + int64(n)
		f.trig = t
	}
	return t.done
}

// tickLocked counts a request that changes state and reports whether a
// CutAt cut the power on it.
func (f *FS) tickLocked() bool {
	f.ops++
	t := f.trig
	if t == nil || f.ops < t.at {
		return false
	}
	f.trig = nil
	f.freezeLocked()
	if t.hook != nil {
		t.hook()
	}
	close(t.done)
	return true
}

// freezeLocked is the instant of the power cut: the current mount stops
// changing, and its durable state is what Remount will show.
func (f *FS) freezeLocked() {
	m := f.cur
	if m == nil || m.dead {
		return
	}
	m.dead = true
	f.last = m.st
	f.lost = m.st.loss()
}

// Lost reports what the last cut threw away.
func (f *FS) Lost() Loss {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.lost
}

// Ops is the number of requests that changed state so far, over every
// mount: a test can log it to choose CutAt points.
func (f *FS) Ops() int64 {
	f.mu.Lock()
	defer f.mu.Unlock()
	return f.ops
}

// Remount mounts, on the same directory, the durable state the last cut
// left: what a restart after the power cut would find.
func (f *FS) Remount() error {
	f.mu.Lock()
	if f.cur != nil || f.last == nil {
		f.mu.Unlock()
		return fmt.Errorf("remount %s: not cut", f.dir)
	}
	st := f.last.durable()
	f.mu.Unlock()
	return f.serve(st)
}

// Close unmounts the filesystem, keeping nothing, and waits for the
// servers of earlier cuts to finish: the processes that had their files
// open must have exited (or closed them) by then.
func (f *FS) Close() error {
	f.mu.Lock()
	m := f.cur
	if m != nil {
		m.dead = true
		f.draining = append(f.draining, m.srv)
	}
	f.cur, f.trig = nil, nil
	draining := f.draining
	f.draining = nil
	f.mu.Unlock()
	var errs []error
	if m != nil {
		if err := syscall.Unmount(f.dir, syscall.MNT_DETACH); err != nil {
			errs = append(errs, fmt.Errorf("close %s: unmount: %w", f.dir, err))
		}
	}
	for _, srv := range draining {
		done := make(chan struct{})
		go func() { srv.Wait(); close(done) }()
		select {
		case <-done:
		case <-time.After(10 * time.Second):
			errs = append(errs, fmt.Errorf("close %s: a process still has files open on an old mount", f.dir))
		}
	}
	return errors.Join(errs...)
}
