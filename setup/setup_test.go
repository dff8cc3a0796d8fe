package setup

import (
	"errors"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/lorkeeper/lorkeeper/config"
)

// TestCleanPath: a file dragged into a terminal arrives quoted (Windows)
// or with its spaces escaped (macOS, Linux); either way it is the file.
func TestCleanPath(t *testing.T) {
	cases := map[string]string{
		`"C:\Users\Amara\My CV.pdf"`: `C:\Users\Amara\My CV.pdf`,
		`'/Users/amara/My CV.pdf' `:  "/Users/amara/My CV.pdf",
		"  /tmp/cv.pdf\n":            "/tmp/cv.pdf",
	}
	if filepath.Separator == '/' {
		cases[`/Users/amara/My\ CV\ \(2026\).pdf`] = "/Users/amara/My CV (2026).pdf"
	}
	for in, want := range cases {
		if got := CleanPath(in); got != want {
			t.Errorf("CleanPath(%q) = %q, want %q", in, got, want)
		}
	}
	home, err := os.UserHomeDir()
	if err == nil {
		if got := CleanPath("~/cv.pdf"); got != filepath.Join(home, "cv.pdf") {
			t.Errorf("CleanPath(~/cv.pdf) = %q", got)
		}
	}
}

func TestZoneFromPath(t *testing.T) {
	for in, want := range map[string]string{
		"/usr/share/zoneinfo/America/New_York":     "America/New_York",
		"/var/db/timezone/zoneinfo/Asia/Kolkata":   "Asia/Kolkata", // macOS
		"../usr/share/zoneinfo/posix/Africa/Lagos": "Africa/Lagos",
		"/usr/share/zoneinfo/Not/AZone":            "",
		"/etc/some/other/file":                     "",
	} {
		if got := zoneFromPath(in); got != want {
			t.Errorf("zoneFromPath(%q) = %q, want %q", in, got, want)
		}
	}
	if got := GuessZone(func(k string) string { return map[string]string{"TZ": "Europe/Paris"}[k] }); got != "Europe/Paris" {
		t.Errorf("GuessZone with TZ: %q", got)
	}
}

func TestSuggestID(t *testing.T) {
	others := []config.Writer{{ID: "smith"}}
	for name, want := range map[string]string{"Dr. Jane Smith": "smith2", "Prof. Bola Adeyemi": "adeyemi", "Dr. María-José O'Neil": "oneil", "李": "writer"} {
		if got := SuggestID(name, others); got != want {
			t.Errorf("suggestID(%q) = %q, want %q", name, got, want)
		}
	}
}

// TestWriteConfig: the file is its owner's only, never half written,
// never written over unless asked, and never one lorkeeper cannot load.
func TestWriteConfig(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "new", "folder")
	path := filepath.Join(dir, "lk.toml")
	if err := WriteConfig(path, []byte("bogus = 1\n"), false); err == nil || !strings.Contains(err.Error(), "nothing was written") {
		t.Errorf("an invalid config: %v", err)
	}
	if _, err := os.Stat(dir); err == nil {
		t.Error("a folder was made for an invalid config")
	}
	os.MkdirAll(filepath.Join(dir, "m"), 0o700)
	os.WriteFile(filepath.Join(dir, "m", "cv.pdf"), []byte("%PDF"), 0o600)
	c := &config.Config{Provider: "fastmail",
		Applicant: config.Applicant{Name: "A", Email: "a@fastmail.com", AAMCID: "12345678", Specialty: "DR", Cycle: "ERAS 2027",
			Deadline: date("2027-09-01"), CV: "m/cv.pdf", PersonalStatement: "m/cv.pdf"},
		IMAP: config.IMAP{Secret: config.Secret{PasswordKeyring: true}},
		Writers: []config.Writer{{ID: "w", Name: "Dr. W", Email: "w@h.example", Field: "radiology", Experience: "x",
			ExperienceStart: date("2026-06-01"), ExperienceEnd: date("2026-06-28")}}}
	text := config.Encode(c)
	if err := WriteConfig(path, text, false); err != nil {
		t.Fatal(err)
	}
	if err := WriteConfig(path, text, false); !errors.Is(err, ErrExists) {
		t.Errorf("second write: %v, want ErrExists", err)
	}
	if err := WriteConfig(path, append(text, "# more\n"...), true); err != nil {
		t.Errorf("replace: %v", err)
	}
	if b, _ := os.ReadFile(path); !strings.HasSuffix(string(b), "# more\n") {
		t.Error("replace did not replace")
	}
	if runtime.GOOS != "windows" {
		st, _ := os.Stat(path)
		dst, _ := os.Stat(filepath.Dir(dir))
		if st.Mode().Perm() != 0o600 || dst.Mode().Perm() != 0o700 {
			t.Errorf("modes: file %v, folder %v; want 0600, 0700", st.Mode().Perm(), dst.Mode().Perm())
		}
	}
	left, _ := filepath.Glob(filepath.Join(dir, ".lorkeeper-*"))
	if len(left) > 0 {
		t.Errorf("temporary files left: %v", left)
	}
}

func date(s string) config.Date {
	d, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return config.Date{Time: d}
}

// The cycle offered follows the deadline: a new user with letters due in
// January 2027 was offered ERAS 2028.
func TestCycleFor(t *testing.T) {
	for in, want := range map[string]string{"2026-09-15": "ERAS 2027", "2027-01-12": "ERAS 2027", "2026-06-01": "ERAS 2027", "2026-05-31": "ERAS 2026"} {
		d, _ := time.Parse("2006-01-02", in)
		if got := CycleFor(d); got != want {
			t.Errorf("CycleFor(%s) = %s, want %s", in, got, want)
		}
	}
}
