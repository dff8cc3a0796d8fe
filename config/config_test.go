package config

import (
	"errors"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"
)

func TestLoadExample(t *testing.T) {
	c, err := Load("../config.example.toml")
	if err != nil {
		t.Fatalf("example config: %v", err)
	}
	if got := len(c.Writers); got != 4 {
		t.Errorf("writers = %d, want 4", got)
	}
	if c.Applicant.Location == nil || c.Applicant.Location.String() != "America/New_York" {
		t.Errorf("timezone not loaded: %v", c.Applicant.Location)
	}
	if !filepath.IsAbs(c.State) || filepath.Base(c.State) != "lorkeeper.db" {
		t.Errorf("state path %q not resolved beside the file", c.State)
	}
	if c.Schedule.FirstReminderAfter.D() != 14*24*time.Hour || c.Schedule.Digest != 24*time.Hour {
		t.Errorf("schedule durations: %v, %v", c.Schedule.FirstReminderAfter, c.Schedule.Digest)
	}
	if c.SMTP.SentCopy != "auto" || c.MaxReminders() != 3 || !c.DraftsInMailbox() || !c.BusinessHours() {
		t.Errorf("defaults not applied: %+v", c.SMTP)
	}
	w, ok := c.Writer("patel")
	if !ok || w.Asked != "in_person" || w.Line == 0 {
		t.Errorf("writer patel: %+v", w)
	}
}

// TestBadConfig checks that one load reports every problem, each with
// the file and the line it is on.
func TestBadConfig(t *testing.T) {
	_, err := Load("testdata/bad.toml")
	var cerr *Error
	if !errors.As(err, &cerr) {
		t.Fatalf("Load = %v, want *Error", err)
	}
	got := cerr.Error()
	t.Log("\n" + got)
	want := []struct {
		line int
		text string
	}{
		{2, "unknown key colour"},
		{5, "applicant.name contains a line break"},
		{6, `applicant.email: "amara at mailbox" is not an email address`},
		{10, `"Mars/Olympus" is not a time zone`},
		{12, "applicant.cv: file"},
		{17, `imap.security = "none" would send the password in the clear`},
		{19, "imap.password: passwords do not belong in the config file"},
		{21, "smtp: set only one of"},
		{23, `smtp.port must be a whole number, not the string "465"`},
		{30, `schedule.first_reminder_after: "two weeks" is not a duration`},
		{31, `unit "x" is not one of d, h, m, s`},
		{42, `writer "smith": experience_end 2026-06-01 is before experience_start 2026-06-28`},
		{45, `writer "smith": id is also used by writer[1]`},
		{47, "email JSMITH@hospital.example is also writer[1]'s"},
		{50, `asked must be one of email, in_person, not "phone"`},
	}
	file, _ := filepath.Abs("testdata/bad.toml")
	for _, w := range want {
		prefix := file + ":" + strconv.Itoa(w.line) + ": "
		found := false
		for _, line := range strings.Split(got, "\n") {
			if strings.HasPrefix(line, prefix) && strings.Contains(line, w.text) {
				found = true
			}
		}
		if !found {
			t.Errorf("missing problem %q at line %d", w.text, w.line)
		}
	}
	if strings.Contains(got, "hunter2") {
		t.Error("error output contains the literal password")
	}
}

func TestTOMLSyntaxError(t *testing.T) {
	_, err := Parse("x.toml", []byte("[applicant]\nname = \"unterminated\n"))
	if err == nil || !strings.HasPrefix(err.Error(), "x.toml:2: not valid TOML") {
		t.Fatalf("err = %v", err)
	}
}

func TestMissingRequired(t *testing.T) {
	_, err := Parse("empty.toml", []byte(""))
	if err == nil {
		t.Fatal("empty config accepted")
	}
	for _, want := range []string{"applicant.name is missing", "applicant.deadline is missing", "imap.host is missing", "imap: no secret", "no [[writer]]"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("missing %q in:\n%v", want, err)
		}
	}
}

func TestParseDuration(t *testing.T) {
	for in, want := range map[string]time.Duration{
		"14d": 14 * 24 * time.Hour, "36h": 36 * time.Hour, "1d12h": 36 * time.Hour,
		"90s": 90 * time.Second, "2m": 2 * time.Minute, "": 0, "1.5h": 90 * time.Minute,
	} {
		got, err := ParseDuration(in)
		if err != nil || got != want {
			t.Errorf("ParseDuration(%q) = %v, %v; want %v", in, got, err, want)
		}
	}
	for _, in := range []string{"14", "d", "14w", "two weeks", "-1d"} {
		if _, err := ParseDuration(in); err == nil {
			t.Errorf("ParseDuration(%q) accepted", in)
		}
	}
}

func TestMatchSender(t *testing.T) {
	cases := []struct {
		pattern, addr string
		want          bool
	}{
		{"*@aamc.org", "noreply@aamc.org", true},
		{"*@aamc.org", "x@mail.aamc.org", false},
		{"*@*.aamc.org", "x@mail.aamc.org", true},
		{"*@aamc.org", "x@evilaamc.org", false},
		{"Notices@Portal.test", "notices@portal.test", true},
	}
	for _, c := range cases {
		if got := MatchSender(c.pattern, c.addr); got != c.want {
			t.Errorf("MatchSender(%q, %q) = %v", c.pattern, c.addr, got)
		}
	}
}

func TestCredentialSources(t *testing.T) {
	t.Setenv("LK_TEST_PW", "s3cret")
	c, err := Secret{PasswordEnv: "LK_TEST_PW"}.Credential(t.Context(), "imap", "u")
	if err != nil || c.Password != "s3cret" {
		t.Fatalf("env: %v %v", c, err)
	}
	if strings.Contains(c.String(), "s3cret") {
		t.Error("Credential.String shows the password")
	}
	c, err = Secret{OAuth2TokenCmd: "echo tok123; echo ignored"}.Credential(t.Context(), "smtp", "u")
	if err != nil || c.Token != "tok123" || c.Password != "" {
		t.Fatalf("cmd: %+v %v", c, err)
	}
	_, err = Secret{PasswordEnv: "LK_TEST_UNSET_VAR"}.Credential(t.Context(), "imap", "u")
	if err == nil || !strings.Contains(err.Error(), "LK_TEST_UNSET_VAR") {
		t.Fatalf("unset env: %v", err)
	}
	_, err = Secret{PasswordCmd: "echo leaked-secret; exit 3"}.Credential(t.Context(), "imap", "u")
	if err == nil || strings.Contains(err.Error(), "leaked-secret") {
		t.Fatalf("failing cmd: %v", err)
	}
}

func TestRelativePathsFromFileDir(t *testing.T) {
	dir := t.TempDir()
	if err := os.WriteFile(filepath.Join(dir, "cv.pdf"), []byte("%PDF"), 0o600); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile("../config.example.toml")
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Replace(string(data), `cv = "example/materials/cv.pdf"`, `cv = "cv.pdf"`, 1)
	text = strings.Replace(text, `personal_statement = "example/materials/personal_statement.pdf"`, `personal_statement = "cv.pdf"`, 1)
	c, err := Parse(filepath.Join(dir, "a.toml"), []byte(text))
	if err != nil {
		t.Fatal(err)
	}
	if c.Applicant.CV != filepath.Join(dir, "cv.pdf") {
		t.Errorf("cv = %q", c.Applicant.CV)
	}
}

func TestDidYouMeanAndOneProblemPerValue(t *testing.T) {
	data, err := os.ReadFile("../config.example.toml")
	if err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	for _, f := range []string{"example/materials/cv.pdf", "example/materials/personal_statement.pdf"} {
		os.MkdirAll(filepath.Join(dir, filepath.Dir(f)), 0o700)
		os.WriteFile(filepath.Join(dir, f), []byte("%PDF"), 0o600)
	}
	text := strings.Replace(string(data), "password_env = \"LORKEEPER_SMTP_PASSWORD\"", "pasword_env = \"LORKEEPER_SMTP_PASSWORD\"", 1)
	text = strings.Replace(text, "experience_end = 2026-06-28", `experience_end = "end of June"`, 1)
	_, err = Parse(filepath.Join(dir, "c.toml"), []byte(text))
	if err == nil {
		t.Fatal("accepted")
	}
	msg := err.Error()
	if !strings.Contains(msg, "unknown key smtp.pasword_env: did you mean password_env?") {
		t.Errorf("no suggestion:\n%s", msg)
	}
	if n := strings.Count(msg, "experience_end"); n != 1 {
		t.Errorf("the bad date is reported %d times:\n%s", n, msg)
	}
}
