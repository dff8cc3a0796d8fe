package websetup_test

import (
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/chromedp/chromedp"

	"github.com/lorkeeper/lorkeeper/config"
	"github.com/lorkeeper/lorkeeper/internal/browsertest"
)

func do(t *testing.T, b context.Context, what string, actions ...chromedp.Action[chromedp.Void]) {
	t.Helper()
	if err := chromedp.Do(b, actions...); err != nil {
		t.Fatalf("%s: %v", what, err)
	}
}

func text(t *testing.T, b context.Context, css string) string {
	t.Helper()
	v, err := chromedp.Run(b, chromedp.Text(chromedp.CSS(css)))
	if err != nil {
		t.Fatalf("read %s: %v", css, err)
	}
	return v
}

// shot saves the page as docs/NAME when LORKEEPER_SCREENSHOTS=1.
func shot(t *testing.T, b context.Context, name string) {
	t.Helper()
	if os.Getenv("LORKEEPER_SCREENSHOTS") != "1" {
		return
	}
	png, err := chromedp.Run(b, chromedp.FullScreenshot(100))
	if err != nil {
		t.Fatalf("screenshot %s: %v", name, err)
	}
	if err := os.WriteFile(filepath.Join("..", "docs", name), png, 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestBrowserSetupFromAnEmptyFolder fills every page in Chromium as an
// applicant does: a wrong password first, then the right one, the CV and
// statement, three writers (one removed again, one abroad), and writes
// the file; the file loads as `lorkeeper check` loads it.
// LORKEEPER_SCREENSHOTS=1 also writes docs/setup-*.png.
func TestBrowserSetupFromAnEmptyFolder(t *testing.T) {
	b := browsertest.New(t, 900, 1200)
	f := newFixture(t)
	files := t.TempDir()
	cv, ps := filepath.Join(files, "Okafor CV.pdf"), filepath.Join(files, "Personal statement.pdf")
	os.WriteFile(cv, []byte("%PDF-1.4 cv"), 0o600)
	os.WriteFile(ps, []byte("%PDF-1.4 ps"), 0o600)

	do(t, b, "open the first page", chromedp.Navigate(f.url), chromedp.WaitVisible(chromedp.ID("name")))
	do(t, b, "answer about you",
		chromedp.SendKeys(chromedp.ID("name"), "Amara Okafor"),
		chromedp.SendKeys(chromedp.ID("email"), applicant),
		chromedp.SendKeys(chromedp.ID("aamc_id"), "14598237"),
		chromedp.SetValue(chromedp.ID("background"), "non-US citizen IMG"),
		chromedp.SetValue(chromedp.ID("deadline"), "2027-09-15"))
	shot(t, b, "setup-you.png")
	do(t, b, "go on", chromedp.Click(chromedp.ID("next")), chromedp.WaitVisible(chromedp.ID("check")))

	servers := f.servers("")
	for _, field := range []string{"imap_host", "imap_port", "smtp_host", "smtp_port"} {
		do(t, b, "fill "+field, chromedp.SetValue(chromedp.ID(field), servers.Get(field)))
	}
	do(t, b, "a wrong password",
		chromedp.SetValue(chromedp.ID("imap_security"), "none"), chromedp.SetValue(chromedp.ID("smtp_security"), "none"),
		chromedp.SendKeys(chromedp.ID("password"), "not-it"),
		chromedp.Click(chromedp.ID("check")), chromedp.WaitVisible(chromedp.ID("login-error")))
	if msg := text(t, b, "#login-error"); !strings.HasPrefix(msg, "Your mail server refused this password for "+applicant) {
		t.Errorf("a wrong password says %q", msg)
	}
	shot(t, b, "setup-mailbox.png")
	do(t, b, "the right password",
		chromedp.SetValue(chromedp.ID("imap_security"), "none"), chromedp.SetValue(chromedp.ID("smtp_security"), "none"),
		chromedp.SendKeys(chromedp.ID("password"), password),
		chromedp.Click(chromedp.ID("check")), chromedp.WaitVisible(chromedp.ID("cv")))

	do(t, b, "upload the CV and statement",
		chromedp.SetUploadFiles(chromedp.ID("cv"), []string{cv}),
		chromedp.SetUploadFiles(chromedp.ID("personal_statement"), []string{ps}),
		chromedp.Click(chromedp.ID("next")), chromedp.WaitVisible(chromedp.ID("add")))

	add := func(id, name, email string, us bool, more func() []chromedp.Action[chromedp.Void]) {
		t.Helper()
		acts := []chromedp.Action[chromedp.Void]{
			chromedp.SendKeys(chromedp.ID("name"), name), chromedp.SendKeys(chromedp.ID("email"), email),
			chromedp.SendKeys(chromedp.ID("experience"), "CT chest rotation"),
			chromedp.SetValue(chromedp.ID("start"), "2027-02-01"), chromedp.SetValue(chromedp.ID("end"), "2027-03-01"),
			chromedp.SendKeys(chromedp.ID("highlights"), "Presented three cases at noon conference"),
		}
		if !us {
			acts = append(acts, chromedp.Click(chromedp.ID("us")), chromedp.SendKeys(chromedp.ID("country"), "NG"))
		}
		if more != nil {
			acts = append(acts, more()...)
		}
		acts = append(acts, chromedp.Click(chromedp.ID("add")), chromedp.WaitVisible(chromedp.ID("w-"+id)))
		do(t, b, "add "+name, acts...)
	}
	add("smith", "Dr. Jane Smith", "jsmith@hospital.test", true, nil)
	add("adeyemi", "Dr. Bola Adeyemi", "badeyemi@university.test", false, func() []chromedp.Action[chromedp.Void] {
		return []chromedp.Action[chromedp.Void]{chromedp.Click(chromedp.ID("radiologist"))}
	})
	add("person", "Dr. Wrong Person", "wrong@hospital.test", true, nil)
	do(t, b, "remove the wrong one", chromedp.Click(chromedp.CSS(`button[name=remove][value=person]`)), chromedp.WaitNotPresent(chromedp.ID("w-person")))
	add("patel", "Dr. Priya Patel", "ppatel@hospital.test", true, nil)
	table := text(t, b, "#writers")
	if strings.Contains(table, "Wrong Person") || !strings.Contains(table, "Dr. Priya Patel") {
		t.Errorf("the writers listed:\n%s", table)
	}
	if mix := text(t, b, "#mix"); !strings.Contains(mix, "Good: 3 letters") {
		t.Errorf("the letter mix:\n%s", mix)
	}
	shot(t, b, "setup-writers.png")
	do(t, b, "to the review", chromedp.Click(chromedp.ID("done-writers")), chromedp.WaitVisible(chromedp.ID("write")))
	if cfg := text(t, b, "#config"); !strings.Contains(cfg, "Dr. Bola Adeyemi") || strings.Contains(cfg, password) {
		t.Errorf("the review shows:\n%s", cfg)
	}
	do(t, b, "write the file", chromedp.Click(chromedp.ID("write")), chromedp.WaitVisible(chromedp.ID("written")))
	shot(t, b, "setup-done.png")
	if msg := text(t, b, "#written"); !strings.Contains(msg, f.path) {
		t.Errorf("the last page says %q", msg)
	}

	cfg, err := config.Load(f.path)
	if err != nil {
		t.Fatalf("the file written does not load: %v", err)
	}
	var names []string
	for _, w := range cfg.Writers {
		names = append(names, w.Name)
	}
	if strings.Join(names, ", ") != "Dr. Jane Smith, Dr. Bola Adeyemi, Dr. Priya Patel" {
		t.Errorf("writers written: %v", names)
	}
	if w := cfg.Writers[1]; w.US() || w.Radiologist() {
		t.Errorf("Dr. Adeyemi: US %v, radiologist %v; want neither", w.US(), w.Radiologist())
	}
	raw, _ := os.ReadFile(f.path)
	if !strings.Contains(string(raw), "\n#") {
		t.Error("the file has no comments")
	}
	if got, _ := os.ReadFile(cfg.Applicant.CV); string(got) != "%PDF-1.4 cv" || filepath.Dir(cfg.Applicant.CV) != filepath.Join(f.dir, "documents") {
		t.Errorf("the CV kept is %q (%s)", got, cfg.Applicant.CV)
	}
}
