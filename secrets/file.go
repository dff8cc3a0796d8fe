package secrets

import (
	"encoding/json"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"sync"
)

// fileStore keeps secrets in one JSON file, mode 0600 in a folder of mode
// 0700 when it creates one. Every write replaces the file whole (a new
// file, synced, renamed over the old one), so a crash leaves the old or
// the new secrets, never half of them.
type fileStore struct {
	path string
	mu   sync.Mutex
}

type fileData struct {
	Version int               `json:"version"`
	Secrets map[string]string `json:"secrets"`
}

func (f *fileStore) get(key string) (string, error) {
	f.mu.Lock()
	defer f.mu.Unlock()
	d, err := f.read()
	if err != nil {
		return "", err
	}
	v, ok := d.Secrets[key]
	if !ok {
		return "", ErrNotFound
	}
	return v, nil
}

func (f *fileStore) set(key, value string) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	d, err := f.read()
	if err != nil {
		return err
	}
	d.Secrets[key] = value
	return f.write(d)
}

func (f *fileStore) delete(key string) error {
	f.mu.Lock()
	defer f.mu.Unlock()
	d, err := f.read()
	if err != nil {
		return err
	}
	if _, ok := d.Secrets[key]; !ok {
		return nil
	}
	delete(d.Secrets, key)
	return f.write(d)
}

// read returns the file's secrets; a missing file holds none. A file
// others can read is narrowed to its owner first.
func (f *fileStore) read() (*fileData, error) {
	d := &fileData{Version: 1, Secrets: map[string]string{}}
	data, err := os.ReadFile(f.path)
	if errors.Is(err, fs.ErrNotExist) {
		return d, nil
	}
	if err != nil {
		return nil, fmt.Errorf("read secrets file %s: %w", f.path, err)
	}
	if runtime.GOOS != "windows" {
		if st, err := os.Stat(f.path); err == nil && st.Mode().Perm()&0o077 != 0 {
			if err := os.Chmod(f.path, 0o600); err != nil {
				return nil, fmt.Errorf("secrets file %s can be read by others and cannot be fixed: %w", f.path, err)
			}
		}
	}
	if err := json.Unmarshal(data, d); err != nil {
		// The message of a JSON error can quote the text: never show it.
		return nil, fmt.Errorf("read secrets file %s: it is damaged (not the JSON lorkeeper writes); delete it and run `lorkeeper login` again", f.path)
	}
	if d.Secrets == nil {
		d.Secrets = map[string]string{}
	}
	return d, nil
}

func (f *fileStore) write(d *fileData) error {
	dir := filepath.Dir(f.path)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return fmt.Errorf("write secrets file: %w", err)
	}
	data, err := json.MarshalIndent(d, "", "  ")
	if err != nil {
		return fmt.Errorf("write secrets file: %w", err)
	}
	// CreateTemp makes the file with mode 0600: the secrets are never in
	// a file anyone else can open, not even for a moment.
	tmp, err := os.CreateTemp(dir, ".secrets-*")
	if err != nil {
		return fmt.Errorf("write secrets file: %w", err)
	}
	defer os.Remove(tmp.Name()) // after a successful rename, a no-op
	if _, err := tmp.Write(append(data, '\n')); err != nil {
		tmp.Close()
		return fmt.Errorf("write secrets file %s: %w", f.path, err)
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return fmt.Errorf("write secrets file %s: %w", f.path, err)
	}
	if err := tmp.Close(); err != nil {
		return fmt.Errorf("write secrets file %s: %w", f.path, err)
	}
	if err := os.Rename(tmp.Name(), f.path); err != nil {
		return fmt.Errorf("write secrets file %s: %w", f.path, err)
	}
	if dh, err := os.Open(dir); err == nil {
		_ = dh.Sync() // the rename itself, durable where the OS allows
		dh.Close()
	}
	return nil
}
