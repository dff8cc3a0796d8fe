//go:build linux

package cutfs

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"syscall"
	"testing"
)

// write creates (or replaces) a file's content, fsyncing it if sync.
func write(t *testing.T, path, content string, sync bool) {
	t.Helper()
	f, err := os.OpenFile(path, os.O_CREATE|os.O_WRONLY|os.O_TRUNC, 0o600)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := f.WriteString(content); err != nil {
		t.Fatal(err)
	}
	if sync {
		if err := f.Sync(); err != nil {
			t.Fatal(err)
		}
	}
	if err := f.Close(); err != nil {
		t.Fatal(err)
	}
}

func syncDir(t *testing.T, dir string) {
	t.Helper()
	d, err := os.Open(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer d.Close()
	if err := d.Sync(); err != nil {
		t.Fatal(err)
	}
}

func cut(t *testing.T, f *FS) {
	t.Helper()
	if err := f.Cut(); err != nil {
		t.Fatal(err)
	}
	if err := f.Remount(); err != nil {
		t.Fatal(err)
	}
	t.Logf("cut lost %v", f.Lost())
}

func content(t *testing.T, path string) (string, bool) {
	t.Helper()
	b, err := os.ReadFile(path)
	if errors.Is(err, os.ErrNotExist) {
		return "", false
	}
	if err != nil {
		t.Fatal(err)
	}
	return string(b), true
}

func TestUnsyncedWriteGoneSyncedKept(t *testing.T) {
	f := ForTest(t, Options{})
	p := filepath.Join(f.Dir(), "a")
	write(t, p, "durable", true)
	syncDir(t, f.Dir())
	write(t, p, "live only", false)
	if got, _ := content(t, p); got != "live only" {
		t.Fatalf("before the cut: %q", got)
	}
	cut(t, f)
	if got, ok := content(t, p); got != "durable" {
		t.Fatalf("after the cut: %q (exists %v), want the fsynced content", got, ok)
	}
	if l := f.Lost(); l.Files != 1 || l.Entries != 0 {
		t.Errorf("loss %+v, want one file's content", l)
	}
	// An fsynced write survives.
	write(t, p, "second", true)
	cut(t, f)
	if got, _ := content(t, p); got != "second" {
		t.Fatalf("after the second cut: %q, want the fsynced write", got)
	}
}

func TestNewFileNeedsDirectorySync(t *testing.T) {
	for _, lenient := range []bool{false, true} {
		f := ForTest(t, Options{Lenient: lenient})
		p := filepath.Join(f.Dir(), "new")
		write(t, p, "data", true) // the file is fsynced, its directory is not
		cut(t, f)
		got, ok := content(t, p)
		if lenient && (!ok || got != "data") {
			t.Errorf("lenient: %q (exists %v), want the file kept", got, ok)
		}
		if !lenient && ok {
			t.Errorf("strict: the file survived (%q) without a directory fsync", got)
		}
	}
}

func TestStrictDirectoryEntries(t *testing.T) {
	f := ForTest(t, Options{})
	dir := f.Dir()
	a, b := filepath.Join(dir, "a"), filepath.Join(dir, "b")
	write(t, a, "A", true)
	syncDir(t, dir)
	// Unlinked without a directory fsync: back after the cut.
	if err := os.Remove(a); err != nil {
		t.Fatal(err)
	}
	cut(t, f)
	if got, ok := content(t, a); !ok || got != "A" {
		t.Fatalf("unlink without a directory fsync: %q (exists %v), want it back", got, ok)
	}
	// Renamed and the directory fsynced: durable.
	if err := os.Rename(a, b); err != nil {
		t.Fatal(err)
	}
	syncDir(t, dir)
	cut(t, f)
	if _, ok := content(t, a); ok {
		t.Error("the old name survived a synced rename")
	}
	if got, _ := content(t, b); got != "A" {
		t.Errorf("renamed file: %q", got)
	}
	// A directory's entries need that directory's fsync, not its parent's.
	sub := filepath.Join(dir, "sub")
	if err := os.Mkdir(sub, 0o700); err != nil {
		t.Fatal(err)
	}
	syncDir(t, dir)
	write(t, filepath.Join(sub, "x"), "X", true)
	cut(t, f)
	names, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, n := range names {
		got = append(got, n.Name())
	}
	if !slices.Equal(got, []string{"b", "sub"}) {
		t.Errorf("root after the cut: %v, want [b sub]", got)
	}
	if _, ok := content(t, filepath.Join(sub, "x")); ok {
		t.Error("sub/x survived without an fsync of sub")
	}
}

func TestCutAtFailsTheRequestAndLaterOnes(t *testing.T) {
	f := ForTest(t, Options{Lenient: true})
	p := filepath.Join(f.Dir(), "f")
	fd, err := os.OpenFile(p, os.O_CREATE|os.O_RDWR, 0o600)
	if err != nil {
		t.Fatal(err)
	}
	defer fd.Close()
	if _, err := fd.WriteString("one"); err != nil {
		t.Fatal(err)
	}
	if err := fd.Sync(); err != nil {
		t.Fatal(err)
	}
	hooked := false
	done := f.CutAt(2, func() { hooked = true })
	if _, err := fd.WriteAt([]byte("two"), 3); err != nil { // request 1: goes ahead
		t.Fatal(err)
	}
	if err := fd.Sync(); !errors.Is(err, syscall.EIO) { // request 2: the power goes
		t.Fatalf("fsync at the cut: %v, want EIO", err)
	}
	<-done
	if !hooked {
		t.Fatal("hook not called")
	}
	if _, err := fd.WriteAt([]byte("three"), 0); err == nil {
		t.Fatal("a write after the cut succeeded")
	}
	fd.Close()
	cut(t, f)
	if got, _ := content(t, p); got != "one" {
		t.Errorf("after CutAt: %q, want %q", got, "one")
	}
}

func TestLargeFileRoundTrip(t *testing.T) {
	f := ForTest(t, Options{Lenient: true})
	p := filepath.Join(f.Dir(), "big")
	data := bytes.Repeat([]byte("0123456789abcdef"), 1<<16) // 1 MiB
	if err := os.WriteFile(p, data, 0o600); err != nil {
		t.Fatal(err)
	}
	got, err := os.ReadFile(p)
	if err != nil || !bytes.Equal(got, data) {
		t.Fatalf("read back %d bytes, %v", len(got), err)
	}
	if err := os.Truncate(p, 10); err != nil {
		t.Fatal(err)
	}
	if got, _ := content(t, p); got != "0123456789" {
		t.Fatalf("after truncate: %q", got)
	}
}
