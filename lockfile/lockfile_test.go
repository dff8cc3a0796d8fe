package lockfile

import (
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"testing"
)

func TestSecondHolderIsRefusedWithThePID(t *testing.T) {
	path := filepath.Join(t.TempDir(), "state.db.lock")
	l, err := Acquire(path)
	if err != nil {
		t.Fatal(err)
	}
	_, err = Acquire(path)
	var le *ErrLocked
	if !errors.As(err, &le) || le.PID != os.Getpid() {
		t.Fatalf("second Acquire: %v", err)
	}
	if pid, held, err := Holder(path); !held || pid != os.Getpid() || err != nil {
		t.Errorf("Holder = %d %v %v", pid, held, err)
	}
	if err := l.Release(); err != nil {
		t.Fatal(err)
	}
	if _, held, err := Holder(path); held || err != nil {
		t.Errorf("after release: held %v, %v", held, err)
	}
	l2, err := Acquire(path)
	if err != nil {
		t.Fatalf("after release: %v", err)
	}
	l2.Release()
	if st, _ := os.Stat(path); runtime.GOOS != "windows" && st.Mode().Perm() != 0o600 {
		t.Errorf("mode %v", st.Mode().Perm())
	}
}

func TestHolderOfMissingFile(t *testing.T) {
	if _, held, err := Holder(filepath.Join(t.TempDir(), "nope", "x.lock")); held || err != nil {
		t.Errorf("held %v err %v", held, err)
	}
}
