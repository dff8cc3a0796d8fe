// Package secrets keeps lorkeeper's long-lived secrets — OAuth2 refresh
// tokens from `lorkeeper login`, and app passwords entered in the setup
// page — in the operating system's keyring where there is one, or else in
// a file beside the state file that only its owner can read.
//
// A Store never logs a secret and never puts one in an error.
package secrets

import (
	"errors"
	"fmt"
	"log/slog"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/zalando/go-keyring"
)

// ErrNotFound is returned by Get when no secret is kept under the key.
var ErrNotFound = errors.New("no secret kept")

// Modes say where a Store keeps secrets.
const (
	Auto    = "auto"    // the OS keyring; the file when there is none
	Keyring = "keyring" // the OS keyring only; an error when there is none
	File    = "file"    // the file only
)

// Service is the name the secrets carry in the OS keyring.
const Service = "lorkeeper"

// OSKeyring is what the Store needs of a keyring. go-keyring's functions
// (the macOS Keychain, the Windows Credential Manager, the Secret Service
// on Linux and BSD) are the default; tests pass a map.
type OSKeyring interface {
	Get(service, user string) (string, error)
	Set(service, user, value string) error
	Delete(service, user string) error
}

type osKeyring struct{}

func (osKeyring) Get(s, u string) (string, error) { return keyring.Get(s, u) }
func (osKeyring) Set(s, u, v string) error        { return keyring.Set(s, u, v) }
func (osKeyring) Delete(s, u string) error        { return keyring.Delete(s, u) }

// Store keeps secrets by key. It is safe for concurrent use.
type Store struct {
	mode    string
	file    *fileStore
	kr      OSKeyring
	log     *slog.Logger
	timeout time.Duration

	mu       sync.Mutex
	krBroken error // why the keyring is not used (Auto mode), once seen
}

// FileFor is the fallback file of a state file: beside it, named after it
// ("lorkeeper.db" → "lorkeeper.secrets").
func FileFor(statePath string) string {
	base := strings.TrimSuffix(statePath, filepath.Ext(statePath))
	return base + ".secrets"
}

// Open returns the Store of a state file, using the OS keyring in the
// given mode ("" is Auto).
func Open(statePath, mode string, log *slog.Logger) *Store {
	var kr OSKeyring
	if mode != File {
		kr = sessionKeyring()
	}
	return New(FileFor(statePath), mode, kr, log)
}

// New returns a Store that falls back to file and uses kr as the keyring
// (nil: none).
func New(file, mode string, kr OSKeyring, log *slog.Logger) *Store {
	if mode == "" {
		mode = Auto
	}
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	return &Store{mode: mode, file: &fileStore{path: file}, kr: kr, log: log, timeout: 10 * time.Second}
}

// Get returns the secret kept under key, or ErrNotFound.
func (s *Store) Get(key string) (string, error) {
	if s.useKeyring() {
		v, err := s.keyring(func(kr OSKeyring) (string, error) { return kr.Get(Service, key) })
		switch {
		case err == nil:
			return v, nil
		case errors.Is(err, keyring.ErrNotFound):
			if s.mode == Keyring {
				return "", ErrNotFound
			}
		case s.mode == Keyring:
			return "", fmt.Errorf("read secret from the OS keyring: %w", err)
		default:
			s.noKeyring(err)
		}
	}
	return s.file.get(key)
}

// Set keeps value under key and says where: "the OS keyring", or the
// file's path. In Auto mode a keyring that refuses (none running, a value
// too big for it) sends the secret to the file.
func (s *Store) Set(key, value string) (string, error) {
	if s.useKeyring() {
		_, err := s.keyring(func(kr OSKeyring) (string, error) { return "", kr.Set(Service, key, value) })
		if err == nil {
			// A copy left in the file from before would be found first
			// by nothing, but it must not linger.
			if err := s.file.delete(key); err != nil {
				s.log.Warn("could not remove an old copy of a secret from the file", "file", s.file.path, "err", err)
			}
			return "the OS keyring", nil
		}
		if s.mode == Keyring {
			return "", fmt.Errorf("keep secret in the OS keyring: %w", err)
		}
		s.noKeyring(err)
	}
	if err := s.file.set(key, value); err != nil {
		return "", err
	}
	if s.kr != nil && s.mode == Auto {
		// An older copy in a keyring that works for reads only.
		_, _ = s.keyring(func(kr OSKeyring) (string, error) { return "", kr.Delete(Service, key) })
	}
	return s.file.path, nil
}

// Delete forgets the secret under key, wherever it is kept. A key with
// no secret is not an error.
func (s *Store) Delete(key string) error {
	var errs []error
	if s.useKeyring() {
		_, err := s.keyring(func(kr OSKeyring) (string, error) { return "", kr.Delete(Service, key) })
		if err != nil && !errors.Is(err, keyring.ErrNotFound) {
			if s.mode == Keyring {
				errs = append(errs, fmt.Errorf("delete secret from the OS keyring: %w", err))
			} else {
				s.noKeyring(err)
			}
		}
	}
	if s.mode != Keyring {
		errs = append(errs, s.file.delete(key))
	}
	return errors.Join(errs...)
}

// Where says where secrets go: "the OS keyring" or the file's path.
func (s *Store) Where() string {
	if s.useKeyring() {
		return "the OS keyring"
	}
	return s.file.path
}

// File is the fallback file's path.
func (s *Store) File() string { return s.file.path }

func (s *Store) useKeyring() bool {
	if s.kr == nil || s.mode == File {
		return s.mode == Keyring
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.krBroken == nil || s.mode == Keyring
}

// noKeyring stops using a keyring that failed, for the Store's lifetime.
func (s *Store) noKeyring(err error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.krBroken == nil {
		s.krBroken = err
		s.log.Info("no usable OS keyring; secrets are kept in a file only you can read", "file", s.file.path, "reason", err)
	}
}

// keyring runs fn with a deadline: a keyring that waits for a prompt
// nobody answers must not hang the daemon.
func (s *Store) keyring(fn func(OSKeyring) (string, error)) (string, error) {
	if s.kr == nil {
		return "", errors.New("no OS keyring")
	}
	type result struct {
		v   string
		err error
	}
	ch := make(chan result, 1)
	go func() {
		v, err := fn(s.kr)
		ch <- result{v, err}
	}()
	select {
	case r := <-ch:
		return r.v, r.err
	case <-time.After(s.timeout):
		return "", fmt.Errorf("the OS keyring did not answer within %v", s.timeout)
	}
}
