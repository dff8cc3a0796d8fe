package cli_test

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/lorkeeper/lorkeeper/cli"
	"github.com/lorkeeper/lorkeeper/internal/oauthtest"
	"github.com/lorkeeper/lorkeeper/internal/testenv"
	"github.com/lorkeeper/lorkeeper/memmail"
)

// providerConfig writes a config for a preset against an in-process mail
// system, signing in with the test authorization server when auth is set.
func providerConfig(t *testing.T, preset string, mail memmail.Provider, auth *oauthtest.Server) (string, *memmail.System) {
	t.Helper()
	opts := memmail.Options{Provider: mail}
	if auth != nil {
		opts.CheckToken = auth.Valid
	}
	sys, err := memmail.Start(opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { sys.Close() })
	for _, u := range []string{testenv.Applicant, testenv.Writers["smith"]} {
		sys.AddUser(u, testenv.Password)
	}
	text := testenv.ProviderText(sys, preset)
	if auth != nil {
		a, tk, d := auth.Endpoints()
		text = testenv.ProviderText(sys, preset, a, tk, d)
	}
	dir := t.TempDir()
	for _, f := range []string{"cv.pdf", "ps.pdf"} {
		os.WriteFile(filepath.Join(dir, f), []byte("%PDF-1.4"), 0o600)
	}
	path := filepath.Join(dir, "lorkeeper.toml")
	os.WriteFile(path, []byte(text), 0o600)
	return path, sys
}

// TestCheckShowsWhatThePresetResolvedTo: `check --no-login` prints the
// servers, sign-in, folders and trust the preset filled in.
func TestCheckShowsWhatThePresetResolvedTo(t *testing.T) {
	for _, tc := range []struct {
		preset string
		want   []string
	}{
		{"gmail", []string{`Mailbox: Gmail (provider "gmail")`, `the one the server marks \Sent, else "[Gmail]/Sent Mail"`,
			`the server files sent mail itself, so lorkeeper adds no copy (sent_copy = "none")  (preset)`,
			`else "[Gmail]/Drafts"`, "Authentication-Results of mx.google.com", "imap: password from password_cmd"}},
		{"microsoft365", []string{`Mailbox: Microsoft 365 (provider "microsoft365")`, `else "Sent Items"`, `sent_copy = "none"`}},
		{"icloud", []string{`else "Sent Messages"`, `sent_copy = "auto"`}},
	} {
		path, _ := providerConfig(t, tc.preset, memmail.Plain, nil)
		r := run(t, nil, "--config", path, "check", "--no-login")
		if r.code != 0 {
			t.Fatalf("%s: check: %s", tc.preset, r.stderr)
		}
		for _, w := range tc.want {
			if !strings.Contains(r.stdout, w) {
				t.Errorf("%s: output lacks %q:\n%s", tc.preset, w, r.stdout)
			}
		}
	}
}

// syncBuf is a Stdout the test can read while the command runs.
type syncBuf struct {
	mu sync.Mutex
	b  bytes.Buffer
}

func (s *syncBuf) Write(p []byte) (int, error) { s.mu.Lock(); defer s.mu.Unlock(); return s.b.Write(p) }
func (s *syncBuf) String() string              { s.mu.Lock(); defer s.mu.Unlock(); return s.b.String() }

// TestLoginDeviceThenCheck: `lorkeeper login` with a device code, then
// `check` logs in to both servers with the stored tokens.
func TestLoginDeviceThenCheck(t *testing.T) {
	auth, err := oauthtest.Start(oauthtest.Options{ClientID: "lorkeeper-test"})
	if err != nil {
		t.Fatal(err)
	}
	defer auth.Close()
	path, sys := providerConfig(t, "outlook", memmail.Microsoft, auth)
	out := &syncBuf{}
	var errb bytes.Buffer
	done := make(chan int)
	go func() {
		done <- cli.Main(context.Background(), []string{"--config", path, "login"}, cli.Env{Stdout: out, Stderr: &errb,
			Getenv: func(string) string { return "" }})
	}()
	if err := auth.Wait(10*time.Second, func() bool { return auth.PendingDevice() != "" }); err != nil {
		t.Fatal(err)
	}
	code := auth.PendingDevice()
	auth.Approve(code, testenv.Applicant)
	if c := <-done; c != 0 {
		t.Fatalf("login: %d %s", c, errb.String())
	}
	for _, w := range []string{"enter the code " + code, "Signed in to Microsoft as " + testenv.Applicant, "readable by you only", "accepted it"} {
		if !strings.Contains(out.String(), w) {
			t.Errorf("login output lacks %q:\n%s", w, out.String())
		}
	}
	secretsFile := filepath.Join(filepath.Dir(path), "state.secrets")
	if st, err := os.Stat(secretsFile); err != nil || runtime.GOOS != "windows" && st.Mode().Perm() != 0o600 {
		t.Errorf("secrets file: %v %v", st, err)
	}
	r := run(t, nil, "--config", path, "check")
	if r.code != 0 || !strings.Contains(r.stdout, "ok    imap") || !strings.Contains(r.stdout, "ok    smtp") {
		t.Errorf("check after login: %d\n%s\n%s", r.code, r.stdout, r.stderr)
	}
	if sys.Logins("XOAUTH2") < 2 {
		t.Errorf("%d XOAUTH2 logins", sys.Logins("XOAUTH2"))
	}
	// Revoked: check says what to do.
	auth.Revoke(testenv.Applicant)
	auth.ExpireAccess(testenv.Applicant)
	r = run(t, nil, "--config", path, "check")
	if r.code == 0 || !strings.Contains(r.stdout, "Microsoft sign-in expired — run `lorkeeper login`") {
		t.Errorf("check after revocation: %d\n%s", r.code, r.stdout)
	}
	for _, tok := range auth.Issued() {
		if strings.Contains(out.String()+errb.String()+r.stdout+r.stderr, tok) {
			t.Error("a token in the output")
		}
	}
}

func TestLoginWithAPassword(t *testing.T) {
	path, _ := providerConfig(t, "gmail", memmail.Plain, nil)
	r := run(t, nil, "--config", path, "login")
	if r.code == 0 || !strings.Contains(r.stderr, "signs in with a password in this config; to sign in with Google instead") {
		t.Errorf("login: %d %s", r.code, r.stderr)
	}
}

// TestCheckInfersGmail: an address at gmail.com, and no [imap] or [smtp]
// host: the preset is chosen from the address.
func TestCheckInfersGmail(t *testing.T) {
	path, _ := providerConfig(t, "gmail", memmail.Plain, nil)
	data, _ := os.ReadFile(path)
	var lines []string
	for _, l := range strings.Split(string(data), "\n") {
		if strings.HasPrefix(l, "host = ") || strings.HasPrefix(l, "port = ") || strings.HasPrefix(l, "security = ") ||
			strings.HasPrefix(l, "provider = ") {
			continue
		}
		lines = append(lines, strings.ReplaceAll(l, testenv.Applicant, "amara.okafor@gmail.com"))
	}
	os.WriteFile(path, []byte(strings.Join(lines, "\n")), 0o600)
	r := run(t, nil, "--config", path, "check", "--no-login")
	for _, want := range []string{`Mailbox: Gmail (provider "gmail", chosen from the address amara.okafor@gmail.com)`,
		"imap     imap.gmail.com:993, tls  (preset)", "smtp     smtp.gmail.com:465, tls  (preset)"} {
		if !strings.Contains(r.stdout, want) {
			t.Errorf("output lacks %q:\n%s%s", want, r.stdout, r.stderr)
		}
	}
}
