package dashboard_test

import (
	"io"
	"log/slog"
	"net"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	lkclock "github.com/lorkeeper/lorkeeper/clock"
	"github.com/lorkeeper/lorkeeper/config"
	lksample "github.com/lorkeeper/lorkeeper/internal/sample"
	"github.com/lorkeeper/lorkeeper/internal/testenv"
	"github.com/lorkeeper/lorkeeper/keeper"
	"github.com/lorkeeper/lorkeeper/memmail"
	"github.com/lorkeeper/lorkeeper/store"
	"github.com/lorkeeper/lorkeeper/templates"
)

func day(s string) config.Date {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return config.Date{Time: t}
}

// sampleWriters are four plausible writers for an IMG applying to
// diagnostic radiology, as the screenshots and the phone tests show
// them.
var sampleWriters = []config.Writer{
	{ID: "smith", Name: "Dr. Jane Smith", Email: "jsmith@hospital.test",
		Title: "Associate Professor of Radiology", Institution: "Example University Hospital",
		Country: "US", Field: "radiology", Role: "clinical", Asked: "email", Experience: "CT chest rotation",
		ExperienceStart: day("2027-04-05"), ExperienceEnd: day("2027-04-30"),
		Highlights: []string{"Presented three cases at noon conference", "Prepared a teaching file on PE protocol CT"}},
	{ID: "patel", Name: "Dr. Priya Patel", Email: "ppatel@riverside.test",
		Title: "Program Director, Diagnostic Radiology", Institution: "Riverside Medical Center",
		Country: "US", Field: "radiology", Role: "clinical", Asked: "in_person", Experience: "neuroradiology elective",
		ExperienceStart: day("2027-03-01"), ExperienceEnd: day("2027-03-26"),
		Highlights: []string{"Drafted preliminary reports for MRI brain studies"}},
	{ID: "nguyen", Name: "Dr. Linh Nguyen", Email: "lnguyen@lakeside.test",
		Title: "Attending Physician, Internal Medicine", Institution: "Lakeside Community Hospital",
		Country: "US", Field: "other", Role: "clinical", Asked: "email", Experience: "internal medicine sub-internship",
		ExperienceStart: day("2027-02-01"), ExperienceEnd: day("2027-02-26"),
		Highlights: []string{"Managed a panel of six inpatients"}},
	{ID: "adeyemi", Name: "Prof. Bola Adeyemi", Email: "badeyemi@unilag.test",
		Title: "Professor of Radiology", Institution: "Lagos University Teaching Hospital",
		Country: "NG", Field: "radiology", Role: "research", Asked: "email", Experience: "research year in musculoskeletal imaging",
		ExperienceStart: day("2025-09-01"), ExperienceEnd: day("2026-03-31"),
		Highlights: []string{"Co-authored a paper on ultrasound of the rotator cuff"}},
}

// sampleConfig is the sample applicant's config on sys, written with
// config.Encode like every config lorkeeper writes for itself.
func sampleConfig(sys *memmail.System, applicant string) []byte {
	ih, ip, _ := net.SplitHostPort(sys.IMAPAddr())
	sh, sp, _ := net.SplitHostPort(sys.SMTPAddr())
	port := func(s string) int { n, _ := strconv.Atoi(s); return n }
	secret := config.Secret{PasswordCmd: "printf pw"}
	a := lksample.Applicant(applicant, "cv.pdf", "personal_statement.pdf")
	a.USMLEStep1, a.USMLEStep2, a.ProgramsApplying = "Pass, May 2025", "251, January 2026", 45
	c := &config.Config{State: "state.db", Applicant: a,
		IMAP:     config.IMAP{Host: ih, Port: port(ip), Security: "none", Username: applicant, Secret: secret},
		SMTP:     config.SMTP{Host: sh, Port: port(sp), Security: "none", Username: applicant, Secret: secret, SentCopy: "none"},
		Schedule: config.Schedule{BusinessHours: lksample.Bool(false), DigestEvery: lksample.String("")},
		Portals:  config.Portals{Senders: []string{"*@portal.test"}, AuthservID: memmail.AuthservID},
		Writers:  sampleWriters,
	}
	return config.Encode(c)
}

// sampleQuestions is Prof. Adeyemi's answer to the ask: three questions.
const sampleQuestions = "Dear Amara,\n\nThank you for thinking of me; I remember our year on the rotator cuff project fondly. Before I say yes, I would like to know a few things.\n\n" +
	"1. What were your USMLE Step 1 and Step 2 CK results?\n2. How many programs are you applying to?\n3. Would you like me to speak to your clinical skills as well as your research?\n\n" +
	"With best wishes,\nBola Adeyemi\n\nOn Tue, Jun 1, 2027 at 10:00 AM Amara Okafor wrote:\n> Would you feel comfortable writing me a strong letter of recommendation?\n"

// sample is an applicant nine days into asking: one writer agreed (the
// follow-up awaits review), one replied hesitantly, one uploaded (the
// thank-you awaits review), one asked three questions (the answer
// awaits review). lorkeeper is running and read the mailbox two minutes
// ago.
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
	path := filepath.Join(dir, "lorkeeper.toml")
	if err := os.WriteFile(path, sampleConfig(sys, applicant), 0o600); err != nil {
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
	clk := lkclock.NewFake(testenv.Start)
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
	f.clock.Advance(2 * 24 * time.Hour)
	f.deliver("Bola Adeyemi <badeyemi@unilag.test>", "Re: "+asks["adeyemi"].Subject, asks["adeyemi"].MessageID, sampleQuestions)
	f.clock.Advance(2 * 24 * time.Hour)
	f.deliver("ERAS Letters <noreply@portal.test>", "Letter of recommendation received", "",
		"A letter of recommendation from Dr. Priya Patel has been uploaded for Amara Okafor (AAMC ID 14598237).\n")
	f.clock.Advance(17 * time.Hour)
	for id, state := range map[string]string{"smith": "agreed", "nguyen": "flagged", "patel": "uploaded", "adeyemi": "info_requested"} {
		if r := f.row(id); r.State != state {
			t.Fatalf("sample: %s is %s, want %s (%+v)", id, r.State, state, r)
		}
	}
	if !strings.Contains(strings.Join(f.row("nguyen").Evidence, " "), "general letter of support") {
		t.Fatalf("sample: nguyen's evidence %q", f.row("nguyen").Evidence)
	}
	f.running()
	return f
}
