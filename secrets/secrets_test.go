package secrets

import (
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"

	"github.com/zalando/go-keyring"
)

// mapKeyring is an OS keyring in memory; err, when set, is every call's
// answer, as when no keyring daemon runs.
type mapKeyring struct {
	mu  sync.Mutex
	m   map[string]string
	err error
	max int // values longer than this are refused as too big (0: no limit)
}

func (k *mapKeyring) Get(s, u string) (string, error) {
	k.mu.Lock()
	defer k.mu.Unlock()
	if k.err != nil {
		return "", k.err
	}
	v, ok := k.m[s+"/"+u]
	if !ok {
		return "", keyring.ErrNotFound
	}
	return v, nil
}

func (k *mapKeyring) Set(s, u, v string) error {
	k.mu.Lock()
	defer k.mu.Unlock()
	if k.err != nil {
		return k.err
	}
	if k.max > 0 && len(v) > k.max {
		return keyring.ErrSetDataTooBig
	}
	if k.m == nil {
		k.m = map[string]string{}
	}
	k.m[s+"/"+u] = v
	return nil
}

func (k *mapKeyring) Delete(s, u string) error {
	k.mu.Lock()
	defer k.mu.Unlock()
	if k.err != nil {
		return k.err
	}
	if _, ok := k.m[s+"/"+u]; !ok {
		return keyring.ErrNotFound
	}
	delete(k.m, s+"/"+u)
	return nil
}

func TestFileForIsBesideTheState(t *testing.T) {
	if got := FileFor("/home/a/lk/lorkeeper.db"); got != "/home/a/lk/lorkeeper.secrets" {
		t.Errorf("FileFor = %s", got)
	}
}

func TestKeyringPreferred(t *testing.T) {
	dir := t.TempDir()
	kr := &mapKeyring{}
	s := New(filepath.Join(dir, "lk.secrets"), Auto, kr, nil)
	where, err := s.Set("oauth2:google:a@gmail.com", "1//refresh")
	if err != nil || where != "the OS keyring" {
		t.Fatalf("Set: %q, %v", where, err)
	}
	if v, err := s.Get("oauth2:google:a@gmail.com"); err != nil || v != "1//refresh" {
		t.Errorf("Get = %q, %v", v, err)
	}
	if _, err := os.Stat(s.File()); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("a file was written although the keyring works: %v", err)
	}
	if err := s.Delete("oauth2:google:a@gmail.com"); err != nil {
		t.Fatal(err)
	}
	if _, err := s.Get("oauth2:google:a@gmail.com"); !errors.Is(err, ErrNotFound) {
		t.Errorf("after Delete: %v", err)
	}
}

// TestFallbackFileIsPrivate: without a keyring the secret goes to a file
// that is 0600 from the moment it exists, in a 0700 folder.
func TestFallbackFileIsPrivate(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "state")
	kr := &mapKeyring{err: errors.New("org.freedesktop.DBus.Error.ServiceUnknown")}
	s := New(filepath.Join(dir, "lk.secrets"), Auto, kr, nil)
	where, err := s.Set("k", "v1")
	if err != nil || where != s.File() {
		t.Fatalf("Set: %q, %v", where, err)
	}
	if _, err := s.Set("k2", "v2"); err != nil {
		t.Fatal(err)
	}
	if v, err := s.Get("k"); err != nil || v != "v1" {
		t.Errorf("Get = %q, %v", v, err)
	}
	if s.Where() != s.File() {
		t.Errorf("Where = %s", s.Where())
	}
	if runtime.GOOS == "windows" {
		return
	}
	st, err := os.Stat(s.File())
	if err != nil || st.Mode().Perm() != 0o600 {
		t.Errorf("file mode %v, %v", st.Mode().Perm(), err)
	}
	dst, _ := os.Stat(dir)
	if dst.Mode().Perm() != 0o700 {
		t.Errorf("folder mode %v", dst.Mode().Perm())
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 {
		t.Errorf("temporary files left: %v", entries)
	}
	// A file someone made readable is narrowed again on the next read.
	os.Chmod(s.File(), 0o644)
	if _, err := s.Get("k"); err != nil {
		t.Fatal(err)
	}
	if st, _ := os.Stat(s.File()); st.Mode().Perm() != 0o600 {
		t.Errorf("mode after read %v", st.Mode().Perm())
	}
}

func TestTooBigForKeyringGoesToFile(t *testing.T) {
	kr := &mapKeyring{max: 10}
	s := New(filepath.Join(t.TempDir(), "lk.secrets"), Auto, kr, nil)
	where, err := s.Set("k", strings.Repeat("x", 50))
	if err != nil || where != s.File() {
		t.Fatalf("Set: %q, %v", where, err)
	}
	if v, _ := s.Get("k"); len(v) != 50 {
		t.Errorf("Get returned %d bytes", len(v))
	}
}

func TestModes(t *testing.T) {
	broken := &mapKeyring{err: errors.New("no keyring daemon")}
	s := New(filepath.Join(t.TempDir(), "lk.secrets"), Keyring, broken, nil)
	if _, err := s.Set("k", "v"); err == nil {
		t.Error("keyring mode fell back to a file")
	}
	kr := &mapKeyring{}
	f := New(filepath.Join(t.TempDir(), "lk.secrets"), File, kr, nil)
	if where, err := f.Set("k", "v"); err != nil || where != f.File() {
		t.Errorf("file mode: %q, %v", where, err)
	}
	if len(kr.m) != 0 {
		t.Error("file mode wrote to the keyring")
	}
}

func TestDamagedFileErrorShowsNoSecret(t *testing.T) {
	path := filepath.Join(t.TempDir(), "lk.secrets")
	os.WriteFile(path, []byte(`{"secrets": {"k": "sekrit-value"`), 0o600)
	s := New(path, File, nil, nil)
	_, err := s.Get("k")
	if err == nil || strings.Contains(err.Error(), "sekrit") {
		t.Errorf("err = %v", err)
	}
}
