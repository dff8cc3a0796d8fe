package dashboard_test

import (
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"

	lkclock "github.com/lorkeeper/lorkeeper/clock"
	"github.com/lorkeeper/lorkeeper/config"
	"github.com/lorkeeper/lorkeeper/internal/testenv"
	"github.com/lorkeeper/lorkeeper/keeper"
	"github.com/lorkeeper/lorkeeper/memmail"
	"github.com/lorkeeper/lorkeeper/store"
	"github.com/lorkeeper/lorkeeper/templates"
)

// TestScreenshots writes docs/dashboard-board.png and
// docs/dashboard-flag.png from realistic sample data. It runs only with
// LORKEEPER_SCREENSHOTS=1:
//
//	LORKEEPER_SCREENSHOTS=1 go test -run TestScreenshots ./dashboard
func TestScreenshots(t *testing.T) {
	if os.Getenv("LORKEEPER_SCREENSHOTS") != "1" {
		t.Skip("set LORKEEPER_SCREENSHOTS=1 to write the screenshots in docs/")
	}
	b := browser(t, 1280, 900)
	f := sample(t)
	base := f.serve(t)
	docs := filepath.Join("..", "docs")
	if err := os.MkdirAll(docs, 0o755); err != nil {
		t.Fatal(err)
	}
	shot := func(path, name string, ready chromedp.ID) {
		t.Helper()
		do(t, b, "open "+path, chromedp.Navigate(base+path), chromedp.WaitVisible(ready))
		png := read(t, b, "screenshot "+path, chromedp.FullScreenshot(100))
		if err := os.WriteFile(filepath.Join(docs, name), png, 0o644); err != nil {
			t.Fatal(err)
		}
		t.Logf("wrote docs/%s (%d KB)", name, len(png)>>10)
	}
	do(t, b, "sign in", chromedp.Navigate(base+"/?token="+url.QueryEscape(f.token)), chromedp.WaitVisible(chromedp.ID("board-h")))
	shot("/", "dashboard-board.png", "board-h")
	shot("/flags/nguyen", "dashboard-flag.png", "decide-h")
}

// sampleWriters are four plausible writers for an IMG applying to
// diagnostic radiology.
const sampleWriters = `
[[writer]]
id = "smith"
name = "Dr. Jane Smith"
email = "jsmith@hospital.test"
title = "Associate Professor of Radiology"
institution = "Example University Hospital"
country = "US"
field = "radiology"
experience = "CT chest rotation"
experience_start = 2027-04-05
experience_end = 2027-04-30
highlights = ["Presented three cases at noon conference", "Prepared a teaching file on PE protocol CT"]

[[writer]]
id = "patel"
name = "Dr. Priya Patel"
email = "ppatel@riverside.test"
title = "Program Director, Diagnostic Radiology"
institution = "Riverside Medical Center"
country = "US"
field = "radiology"
asked = "in_person"
experience = "neuroradiology elective"
experience_start = 2027-03-01
experience_end = 2027-03-26
highlights = ["Drafted preliminary reports for MRI brain studies"]

[[writer]]
id = "nguyen"
name = "Dr. Linh Nguyen"
email = "lnguyen@lakeside.test"
title = "Attending Physician, Internal Medicine"
institution = "Lakeside Community Hospital"
country = "US"
field = "other"
experience = "internal medicine sub-internship"
experience_start = 2027-02-01
experience_end = 2027-02-26
highlights = ["Managed a panel of six inpatients"]

[[writer]]
id = "adeyemi"
name = "Prof. Bola Adeyemi"
email = "badeyemi@unilag.test"
title = "Professor of Radiology"
institution = "Lagos University Teaching Hospital"
country = "NG"
field = "radiology"
role = "research"
experience = "research year in musculoskeletal imaging"
experience_start = 2025-09-01
experience_end = 2026-03-31
highlights = ["Co-authored a paper on ultrasound of the rotator cuff"]
`

// sample is an applicant nine days into asking: one writer agreed (the
// follow-up awaits review), one replied hesitantly, one uploaded (the
// thank-you awaits review), one has not answered yet.
func sample(t *testing.T) *fixture {
	t.Helper()
	sys, err := memmail.Start(memmail.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { sys.Close() })
	const applicant = "amara.okafor@mailbox.test"
	for _, u := range []string{applicant, "jsmith@hospital.test", "ppatel@riverside.test", "lnguyen@lakeside.test", "badeyemi@unilag.test"} {
		if err := sys.AddUser(u, "pw"); err != nil {
			t.Fatal(err)
		}
	}
	dir := t.TempDir()
	for name, size := range map[string]int{"cv.pdf": 182_000, "personal_statement.pdf": 64_000} {
		if err := os.WriteFile(filepath.Join(dir, name), make([]byte, size), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	ih, ip, _ := net.SplitHostPort(sys.IMAPAddr())
	sh, sp, _ := net.SplitHostPort(sys.SMTPAddr())
	text := fmt.Sprintf(`state = "state.db"

[applicant]
name = "Amara Okafor"
email = %q
aamc_id = "14598237"
specialty = "Diagnostic Radiology"
background = "non-US citizen IMG"
cycle = "ERAS 2027"
timezone = "America/New_York"
deadline = 2027-09-01
cv = "cv.pdf"
personal_statement = "personal_statement.pdf"

[imap]
host = %q
port = %s
security = "none"
username = %q
password_cmd = "printf pw"

[smtp]
host = %q
port = %s
security = "none"
username = %q
password_cmd = "printf pw"
sent_copy = "none"

[schedule]
business_hours = false
digest_every = ""

[portals]
senders = ["*@portal.test"]
`, applicant, ih, ip, applicant, sh, sp, applicant) + sampleWriters
	path := filepath.Join(dir, "lorkeeper.toml")
	if err := os.WriteFile(path, []byte(text), 0o600); err != nil {
		t.Fatal(err)
	}
	cfg, err := config.Load(path)
	if err != nil {
		t.Fatal(err)
	}
	tmpl, err := templates.Load("")
	if err != nil {
		t.Fatal(err)
	}
	st, err := store.Open(cfg.State)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	clk := lkclock.NewFake(time.Date(2027, 6, 1, 14, 0, 0, 0, time.UTC))
	log := slog.New(slog.NewTextHandler(io.Discard, nil))
	k := keeper.New(cfg, st, tmpl, log, clk)
	e := &testenv.Env{Sys: sys, Dir: dir, Config: path, Cfg: cfg, Store: st, Keeper: k, Clock: clk, Log: log}
	f := newFixture(t, e, clk)

	asks := map[string]store.Draft{}
	for _, d := range f.sendAll("") {
		asks[d.Writer] = d
	}
	f.clock.Advance(2*24*time.Hour + 3*time.Hour)
	f.deliver("Jane Smith <jsmith@hospital.test>", "Re: "+asks["smith"].Subject, asks["smith"].MessageID,
		"Dear Amara,\n\nOf course. I would be delighted to write you a strong letter of recommendation; you were one of the most engaged rotators we had this spring.\n\nPlease send me your CV and personal statement when you can.\n\nBest,\nJane\n")
	f.clock.Advance(24*time.Hour + 5*time.Hour)
	f.deliver("Linh Nguyen <lnguyen@lakeside.test>", "Re: "+asks["nguyen"].Subject, asks["nguyen"].MessageID,
		"Dear Amara,\n\nThank you for reaching out, and congratulations on getting this far. I should be honest with you: we only worked together for a few weeks, mostly on the wards, so I could write you a general letter of support rather than a detailed one. You may want to ask someone who has seen more of your work in radiology.\n\nLet me know how you would like to proceed.\n\nBest wishes,\nLinh Nguyen, MD\n\nOn Tue, Jun 1, 2027 at 10:00 AM Amara Okafor wrote:\n> Would you feel comfortable writing me a strong letter of recommendation?\n")
	f.clock.Advance(4 * 24 * time.Hour)
	f.deliver("ERAS Letters <noreply@portal.test>", "Letter of recommendation received", "",
		"A letter of recommendation from Dr. Priya Patel has been uploaded for Amara Okafor (AAMC ID 14598237).\n")
	f.clock.Advance(17 * time.Hour)
	for id, state := range map[string]string{"smith": "agreed", "nguyen": "flagged", "patel": "uploaded", "adeyemi": "asked"} {
		if r := f.row(id); r.State != state {
			t.Fatalf("sample: %s is %s, want %s (%+v)", id, r.State, state, r)
		}
	}
	if !strings.Contains(strings.Join(f.row("nguyen").Evidence, " "), "general letter of support") {
		t.Fatalf("sample: nguyen's evidence %q", f.row("nguyen").Evidence)
	}
	return f
}
