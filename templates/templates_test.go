package templates

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/lorkeeper/lorkeeper/config"
)

var update = flag.Bool("update", false, "rewrite the golden files")

func exampleData(t *testing.T, writer string) Data {
	t.Helper()
	c, err := config.Load("../config.example.toml")
	if err != nil {
		t.Fatal(err)
	}
	w, ok := c.Writer(writer)
	if !ok {
		t.Fatalf("no writer %s", writer)
	}
	d := NewData(c, w, time.Date(2026, 8, 3, 12, 0, 0, 0, time.UTC))
	d.Attachments = []string{"CV (cv.pdf)", "Personal statement (personal_statement.pdf)", "Summary of our work together (summary.txt)"}
	return d
}

// TestGolden renders every template for writers of the example config
// and compares with testdata/golden. Run with -update after a deliberate
// wording change, and read the diff.
func TestGolden(t *testing.T) {
	s, err := Load("")
	if err != nil {
		t.Fatal(err)
	}
	for _, writer := range []string{"smith", "nguyen", "adeyemi"} {
		for _, name := range Names {
			d := exampleData(t, writer)
			if name == "thank_you" && writer == "nguyen" {
				d.Declined = true
			}
			if name == "reminder" && writer == "adeyemi" {
				d.Agreed = false
			} else {
				d.Agreed = true
			}
			m, err := s.Render(name, d)
			if err != nil {
				t.Fatalf("%s/%s: %v", writer, name, err)
			}
			golden(t, filepath.Join("testdata", "golden", writer+"-"+name+".txt"), "Subject: "+m.Subject+"\n\n"+m.Text)
			if strings.Contains(m.Text+m.Subject+m.HTML, "<no value>") {
				t.Errorf("%s/%s renders <no value>", writer, name)
			}
		}
	}
	m, err := s.RenderDigest(SampleDigest())
	if err != nil {
		t.Fatal(err)
	}
	golden(t, "testdata/golden/digest.txt", "Subject: "+m.Subject+"\n\n"+m.Text)
	golden(t, "testdata/golden/digest.html", m.HTML)
}

func golden(t *testing.T, path, got string) {
	t.Helper()
	if *update {
		os.MkdirAll(filepath.Dir(path), 0o755)
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if got != string(want) {
		t.Errorf("%s differs from the rendering; got:\n%s", path, got)
	}
}

// TestPersonalDetails checks what each template must say, whatever the
// exact wording: the guide's points, and the applicant's and writer's
// details.
func TestPersonalDetails(t *testing.T) {
	s, err := Load("")
	if err != nil {
		t.Fatal(err)
	}
	d := exampleData(t, "smith")
	checks := map[string][]string{
		"ask":       {"strong letter", "Diagnostic Radiology", "as a non-US citizen IMG", "Dr. Smith", "CT chest rotation", "June 1–28, 2026", "September 1, 2027", "AAMC ID: 14598237"},
		"follow_up": {"agreeing to write a strong letter", "AAMC Letter Writer Portal", "secure link", "cv.pdf", "Summary of our work together", "AAMC ID: 14598237"},
		"info":      {"September 1, 2027", "MyERAS", "cv.pdf"},
		"reminder":  {"schedule", "September 1, 2027", "further information"},
		"thank_you": {"Thank you so much", "Dr. Smith"},
		"alternate": {"honesty", "someone else", "comment in more detail"},
		"summary":   {"Presented three cases at noon conference", "Prepared a teaching file on PE protocol CT", "4 weeks", "Attention to detail"},
	}
	d.Agreed = true
	for name, wants := range checks {
		m, err := s.Render(name, d)
		if err != nil {
			t.Fatal(err)
		}
		all := m.Subject + "\n" + m.Text
		for _, w := range wants {
			if !strings.Contains(all, w) {
				t.Errorf("%s does not say %q:\n%s", name, w, all)
			}
		}
		if !strings.Contains(m.HTML, "<p>") {
			t.Errorf("%s has no HTML alternative", name)
		}
	}
	// Without a background, the ask does not mention one.
	d.Applicant.Background = ""
	m, _ := s.Render("ask", d)
	if strings.Contains(m.Text, " as a ") || strings.Contains(m.Text, " as an ") {
		t.Errorf("empty background still worded:\n%s", m.Text)
	}
	if strings.Contains(m.Text, "busy") == false {
		t.Errorf("the ask does not leave room to decline:\n%s", m.Text)
	}
}

func TestOverrideFolder(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "ask.txt"), []byte("Subject: Hello {{.Writer.Salutation}}\n\nA strong letter, {{.Applicant.Name}}?\n"), 0o644)
	s, err := Load(dir)
	if err != nil {
		t.Fatal(err)
	}
	m, _ := s.Render("ask", SampleData())
	if m.Subject != "Hello Dr. Smith" || m.Text != "A strong letter, Amara Okafor?\n" {
		t.Errorf("override not used: %+v", m)
	}
	// Other templates still come from the embedded set.
	if _, err := s.Render("reminder", SampleData()); err != nil {
		t.Error(err)
	}
}

func TestUnknownFieldIsNamed(t *testing.T) {
	dir := t.TempDir()
	os.WriteFile(filepath.Join(dir, "reminder.txt"), []byte("Subject: Hi\n\nDear {{.Writer.Salutation}},\n{{.Writer.Nickname}}\n"), 0o644)
	_, err := Load(dir)
	if err == nil {
		t.Fatal("unknown field accepted")
	}
	want := filepath.Join(dir, "reminder.txt") + ":4: unknown field Nickname"
	if !strings.Contains(err.Error(), want) {
		t.Errorf("err = %v, want it to contain %q", err, want)
	}
	os.WriteFile(filepath.Join(dir, "reminder.txt"), []byte("no subject line\n"), 0o644)
	if _, err := Load(dir); err == nil || !strings.Contains(err.Error(), `"Subject: ..."`) {
		t.Errorf("missing subject: %v", err)
	}
}

func TestSalutation(t *testing.T) {
	for name, want := range map[string]string{
		"Dr. Jane Smith": "Dr. Smith", "Prof. Bola Adeyemi": "Prof. Adeyemi", "Jane Smith, MD": "Jane Smith",
		"Dr. Maria de la Cruz": "Dr. Cruz",
	} {
		if got := Salutation(config.Writer{Name: name}); got != want {
			t.Errorf("Salutation(%q) = %q, want %q", name, got, want)
		}
	}
	if got := Salutation(config.Writer{Name: "Dr. Maria de la Cruz", Salutation: "Dr. de la Cruz"}); got != "Dr. de la Cruz" {
		t.Errorf("configured salutation ignored: %q", got)
	}
}

func TestTextToHTML(t *testing.T) {
	h := TextToHTML("Dear <Dr>,\n\nAttached:\n- CV\n- PS\n\nBest,\nAmara\n")
	for _, want := range []string{"<p>Dear &lt;Dr&gt;,</p>", "<ul>\n<li>CV</li>\n<li>PS</li>\n</ul>", "<p>Best,<br>\nAmara</p>"} {
		if !strings.Contains(h, want) {
			t.Errorf("missing %q in\n%s", want, h)
		}
	}
}

func TestParseEdited(t *testing.T) {
	s, b, err := ParseEdited("Subject: New subject\r\n\r\nHello\r\n")
	if err != nil || s != "New subject" || b != "Hello\n" {
		t.Errorf("%q %q %v", s, b, err)
	}
	if _, _, err := ParseEdited("Subject: x\n\n   \n"); err == nil {
		t.Error("empty body accepted")
	}
}
