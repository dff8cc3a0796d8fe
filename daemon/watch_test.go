package daemon

import (
	"context"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/lorkeeper/lorkeeper/clock"
)

// watching runs a configWatch on its own fake clock; step moves the clock
// one look ahead and returns once the watch has looked (it has set its
// timer again) and said whether the files changed.
func watching(t *testing.T, paths ...string) (step func() bool) {
	t.Helper()
	clk := clock.NewFake(time.Date(2027, 6, 1, 14, 0, 0, 0, time.UTC))
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan struct{})
	changed := make(chan struct{}, 1)
	w := newConfigWatch(paths, clk, time.Second)
	go func() { defer close(done); w.run(ctx, changed) }()
	t.Cleanup(func() { cancel(); <-done })
	return func() bool {
		t.Helper()
		if !clk.WaitTimers(1, done) {
			t.Fatal("the watch stopped")
		}
		clk.Advance(time.Second)
		// It has looked once its timer is set again.
		if !clk.WaitTimers(1, done) {
			t.Fatal("the watch stopped")
		}
		select {
		case <-changed:
			return true
		default:
			return false
		}
	}
}

// TestConfigWatch: an edit is reported once the file has held still for
// one look (a save in several writes is read whole), once; so are a file
// that appears in a watched folder, one that goes, and an edit that
// keeps the size but changes the time.
func TestConfigWatch(t *testing.T) {
	if DefaultWatch > 2*time.Second {
		t.Errorf("DefaultWatch %v: the README promises an edit is picked up within a few seconds", DefaultWatch)
	}
	dir := t.TempDir()
	a := filepath.Join(dir, "a.toml")
	os.WriteFile(a, []byte("one"), 0o600)
	step := watching(t, dir)
	if step() {
		t.Fatal("a change reported with no edit")
	}
	os.WriteFile(a, []byte("one, edited"), 0o600)
	if step() {
		t.Error("reported while the file may still be written")
	}
	if !step() {
		t.Error("the edit was not reported once it held still")
	}
	if step() || step() {
		t.Error("one edit reported twice")
	}
	// Half a save, then the rest: reported once, after the last part.
	os.WriteFile(a, []byte("one, ed"), 0o600)
	if step() {
		t.Error("reported mid-save")
	}
	os.WriteFile(a, []byte("one, edited again"), 0o600)
	if step() {
		t.Error("reported mid-save")
	}
	if !step() || step() {
		t.Error("the whole save was not reported exactly once")
	}
	later := time.Now().Add(time.Hour)
	os.WriteFile(a, []byte("one, edited agaiN"), 0o600) // the same size
	os.Chtimes(a, later, later)
	if step(); !step() {
		t.Error("an edit of the same size was missed")
	}
	b := filepath.Join(dir, "b.toml")
	os.WriteFile(b, []byte("two"), 0o600)
	if step(); !step() {
		t.Error("a new file in the folder was missed")
	}
	os.WriteFile(filepath.Join(dir, "notes.txt"), []byte("x"), 0o600)
	if step() || step() {
		t.Error("a file that is not a config was reported")
	}
	os.Remove(b)
	if step(); !step() {
		t.Error("a removed file was missed")
	}
}
