package cli_test

import (
	"bytes"
	"context"
	"net"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/lorkeeper/lorkeeper/cli"
	"github.com/lorkeeper/lorkeeper/config"
	"github.com/lorkeeper/lorkeeper/memmail"
	"github.com/lorkeeper/lorkeeper/secrets"
)

// runIn runs a command with the given answers on stdin.
func runIn(t *testing.T, stdin string, args ...string) result {
	t.Helper()
	defer cli.UseSecretsFile()()
	var out, errb bytes.Buffer
	code := cli.Main(context.Background(), args, cli.Env{
		Stdin: strings.NewReader(stdin), Stdout: &out, Stderr: &errb,
		Getenv: func(string) string { return "" },
	})
	return result{code, out.String(), errb.String()}
}

func day(t time.Time) string { return t.Format("2006-01-02") }

// initAnswers are the answers of an applicant with a Gmail address and
// an app password, and three writers; wrong answers on the way are
// marked.
func initAnswers(dir string) []string {
	now := time.Now()
	start, end := now.AddDate(0, -2, 0), now.AddDate(0, -2, 27)
	a := []string{
		"Amara Okafor",
		"amara.okafor at gmail",  // wrong: re-asked
		"amara.okafor@gmail.com", //
		"14598237",               // AAMC ID
		"",                       // specialty: Diagnostic Radiology
		"y", "n",                 // an IMG, not a US citizen
		"1 September",             // wrong: re-asked
		day(now.AddDate(1, 0, 0)), // deadline
		"",                        // cycle
		"America/New_York",
		filepath.Join(dir, "missing.pdf"), // wrong: re-asked
		`"` + filepath.Join(dir, "materials", "my cv.pdf") + `"`, // dragged in, with quotes
		"materials/statement.pdf",
		"",                    // app password, the default
		"abcd efgh ijkl mnop", // the app password
	}
	writer := func(name, email, us, rad, experience string, more ...string) {
		a = append(a, name, email, "", "Professor", "Example Hospital", us)
		if us == "n" {
			a = append(a, "NG")
		}
		a = append(a, rad, "n", experience, day(start), day(end))
		a = append(a, more...)
		a = append(a, "", "n") // end of highlights; asked by email
	}
	writer("Dr. Jane Smith", "jsmith@hospital.example", "y", "y", "CT chest rotation", "Presented three cases at noon conference")
	a = append(a, "y")
	writer("Dr. Raj Patel", "rpatel@hospital.example", "y", "y", "neuroradiology observership")
	a = append(a, "")
	writer("Prof. Bola Adeyemi", "b.adeyemi@teaching-hospital.example", "n", "n", "ultrasound research")
	a = append(a, "n")
	return a
}

func materials(t *testing.T, dir string) {
	t.Helper()
	os.MkdirAll(filepath.Join(dir, "materials"), 0o700)
	for _, f := range []string{"my cv.pdf", "statement.pdf"} {
		if err := os.WriteFile(filepath.Join(dir, "materials", f), []byte("%PDF-1.4"), 0o600); err != nil {
			t.Fatal(err)
		}
	}
}

// TestInitWritesAConfigCheckAccepts: scripted answers, with wrong ones
// re-asked, give a commented file that `check --no-login` accepts; the
// app password is kept outside it; the letter mix is shown as writers
// are added.
func TestInitWritesAConfigCheckAccepts(t *testing.T) {
	dir := t.TempDir()
	materials(t, dir)
	cfg := filepath.Join(dir, "amara.toml")
	r := runIn(t, strings.Join(initAnswers(dir), "\n")+"\n", "--config", cfg, "init")
	if r.code != 0 {
		t.Fatalf("init: %d %s\n%s", r.code, r.stderr, r.stdout)
	}
	for _, want := range []string{
		"That is not an email address like name@example.org.",
		"Please write the date as year-month-day, like 2027-09-01.",
		"There is no file at " + filepath.Join(dir, "missing.pdf"),
		"amara.okafor@gmail.com is a Gmail address",
		"an app password (https://myaccount.google.com/apppasswords",
		"WARN  1 letter: programs require 3 letters",
		"ok    3 letters: programs want 3-4",
		"WARN  1 from US physicians",
		"Wrote " + cfg,
		"The app password is kept in " + secrets.FileFor(filepath.Join(dir, "lorkeeper.db")),
		"`lorkeeper --config " + cfg + " service install`",
	} {
		if !strings.Contains(strings.ReplaceAll(r.stdout, "–", "-"), want) {
			t.Errorf("init's output lacks %q:\n%s", want, r.stdout)
		}
	}
	text, err := os.ReadFile(cfg)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(text), "abcd efgh") {
		t.Errorf("the app password is in the config file:\n%s", text)
	}
	for _, want := range []string{"# Written by `lorkeeper init`", "# You, as programs and writers see you.", `provider = "gmail"`,
		"password_keyring = true", `cv = "materials/my cv.pdf"`, `background = "non-US citizen IMG"`, `id = "adeyemi"`, `country = "NG"`} {
		if !strings.Contains(string(text), want) {
			t.Errorf("config lacks %q:\n%s", want, text)
		}
	}
	if runtime.GOOS != "windows" {
		if st, _ := os.Stat(cfg); st.Mode().Perm() != 0o600 {
			t.Errorf("config mode %v, want 0600", st.Mode().Perm())
		}
	}
	st := secrets.New(secrets.FileFor(filepath.Join(dir, "lorkeeper.db")), secrets.File, nil, nil)
	if pw, err := st.Get(config.PasswordKey("amara.okafor@gmail.com")); err != nil || pw != "abcd efgh ijkl mnop" {
		t.Errorf("kept password %q, %v", pw, err)
	}
	r = run(t, nil, "--config", cfg, "check", "--no-login")
	if r.code != 0 || !strings.Contains(r.stdout, "config OK: Amara Okafor, 3 writers") || !strings.Contains(r.stdout, "app password kept in") {
		t.Errorf("check --no-login: %d %s\n%s", r.code, r.stderr, r.stdout)
	}
	// A second init does not write over the file.
	r = runIn(t, "", "--config", cfg, "init")
	if r.code == 0 || !strings.Contains(r.stderr, "exists already") || !strings.Contains(r.stderr, "lorkeeper init --force") {
		t.Errorf("second init: %d %s", r.code, r.stderr)
	}
}

// TestInitKeptPasswordLogsIn: the password init keeps is the one both
// logins use.
func TestInitKeptPasswordLogsIn(t *testing.T) {
	sys, err := memmail.Start(memmail.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer sys.Close()
	sys.AddUser("amara.okafor@gmail.com", "abcd efgh ijkl mnop")
	dir := t.TempDir()
	materials(t, dir)
	cfg := filepath.Join(dir, "amara.toml")
	if r := runIn(t, strings.Join(initAnswers(dir), "\n")+"\n", "--config", cfg, "init"); r.code != 0 {
		t.Fatalf("init: %s", r.stderr)
	}
	// The same mailbox, moved to the test's servers; secrets from the
	// file only, never this machine's keyring.
	text, _ := os.ReadFile(cfg)
	ih, ip, _ := net.SplitHostPort(sys.IMAPAddr())
	sh, sp, _ := net.SplitHostPort(sys.SMTPAddr())
	s := strings.Replace(string(text), `provider = "gmail"`, `secrets = "file"`, 1)
	s = strings.Replace(s, "[imap]\n", "[imap]\nhost = \""+ih+"\"\nport = "+ip+"\nsecurity = \"none\"\n", 1)
	s = strings.Replace(s, "\n# Letter-upload", "\n[smtp]\nhost = \""+sh+"\"\nport = "+sp+"\nsecurity = \"none\"\n\n# Letter-upload", 1)
	os.WriteFile(cfg, []byte(s), 0o600)
	r := run(t, nil, "--config", cfg, "check")
	if r.code != 0 || !strings.Contains(r.stdout, "ok    imap") || !strings.Contains(r.stdout, "ok    smtp") {
		t.Errorf("check with the kept password: %d %s\n%s\n%s", r.code, r.stderr, r.stdout, s)
	}
}

// TestInitOtherProviders: a school address asks who runs the mailbox;
// Microsoft signs in only through `lorkeeper login`; a provider without
// a preset gives its servers.
func TestInitOtherProviders(t *testing.T) {
	for _, tc := range []struct {
		name    string
		email   string
		mailbox []string
		want    []string // in the file
		out     string
	}{
		{"microsoft365", "amara@school.example", []string{"2", "00000000-client"},
			[]string{`provider = "microsoft365"`, `auth = "oauth2"`, `client_id = "00000000-client"`}, "login` signs you in with Microsoft"},
		{"google workspace", "amara@school.example", []string{"9", "1", "2", "123.apps.googleusercontent.com", "GOCSPX-x"},
			[]string{`provider = "gmail"`, `auth = "oauth2"`, `client_secret = "GOCSPX-x"`}, "Please type a number from 1 to 8."},
		{"other", "amara@school.example", []string{"8", "", "", "mail.school.example", "2525", "2", "secret"},
			[]string{`host = "imap.school.example"`, "port = 993", `security = "tls"`, `host = "mail.school.example"`, "port = 2525", `security = "starttls"`, "password_keyring = true"},
			"make one for lorkeeper and give that instead"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			dir := t.TempDir()
			materials(t, dir)
			a := initAnswers(dir)
			// Replace the address, and the Gmail sign-in answers, with the case's.
			a[2] = tc.email
			a = append(append(append([]string{}, a[:14]...), tc.mailbox...), a[16:]...)
			cfg := filepath.Join(dir, "lorkeeper.toml")
			r := runIn(t, strings.Join(a, "\n")+"\n", "--config", cfg, "init")
			if r.code != 0 {
				t.Fatalf("init: %s\n%s", r.stderr, r.stdout)
			}
			if !strings.Contains(r.stdout, tc.out) {
				t.Errorf("output lacks %q:\n%s", tc.out, r.stdout)
			}
			text, _ := os.ReadFile(cfg)
			for _, w := range tc.want {
				if !strings.Contains(string(text), w) {
					t.Errorf("config lacks %q:\n%s", w, text)
				}
			}
			if r := run(t, nil, "--config", cfg, "check", "--no-login"); r.code != 0 {
				t.Errorf("check --no-login: %s", r.stderr)
			}
		})
	}
}

// TestInitStoppedWritesNothing: answers that run out stop init with a
// plain message and no file.
func TestInitStoppedWritesNothing(t *testing.T) {
	dir := t.TempDir()
	cfg := filepath.Join(dir, "lorkeeper.toml")
	r := runIn(t, "Amara Okafor\namara@gmail.com\n", "--config", cfg, "init")
	if r.code == 0 || strings.TrimSpace(r.stderr) != "lorkeeper: init: stopped before the last question; nothing was written" {
		t.Errorf("init with too few answers: %d %q", r.code, r.stderr)
	}
	if _, err := os.Stat(cfg); err == nil {
		t.Error("a config was written")
	}
}

// TestInitDefaultPlace: without --config, init writes lorkeeper.toml in
// the folder it runs in, and the next commands need no --config.
func TestInitDefaultPlace(t *testing.T) {
	dir := t.TempDir()
	materials(t, dir)
	t.Chdir(dir)
	r := runIn(t, strings.Join(initAnswers(dir), "\n")+"\n", "init")
	if r.code != 0 {
		t.Fatalf("init: %s", r.stderr)
	}
	if _, err := os.Stat(filepath.Join(dir, "lorkeeper.toml")); err != nil {
		t.Errorf("no lorkeeper.toml in the folder: %v", err)
	}
	if !strings.Contains(r.stdout, "Next: `lorkeeper check`") || !strings.Contains(r.stdout, "`lorkeeper service install`") {
		t.Errorf("next steps:\n%s", r.stdout)
	}
	if r := run(t, nil, "check", "--no-login"); r.code != 0 {
		t.Errorf("check --no-login: %s", r.stderr)
	}
}
