package keeper_test

import (
	"fmt"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/lorkeeper/lorkeeper/config"
	"github.com/lorkeeper/lorkeeper/internal/testenv"
	"github.com/lorkeeper/lorkeeper/keeper"
	"github.com/lorkeeper/lorkeeper/store"
)

// twoLetters makes Dr. Patel (asked in person) write a radiology letter
// and a preliminary-year letter, each with its Letter ID and form.
func twoLetters(c *config.Config) {
	for i := range c.Writers {
		if c.Writers[i].ID == "patel" {
			c.Writers[i].Letters = []config.Letter{
				{Kind: "specialty", LetterID: "LID-RAD-4711", RequestForm: "patel-rad-form.pdf"},
				{Kind: "prelim", Specialty: "preliminary internal medicine year", LetterID: "LID-PRE-0815", RequestForm: "patel-prelim-form.pdf"},
			}
		}
	}
}

// One writer, two letters: one follow-up with both forms and Letter IDs;
// each upload is matched to its letter; reminders name only what is
// still to come; the thank-you goes once, after the last.
func TestTwoLettersFromOneWriter(t *testing.T) {
	f := setup(t, testenv.Options{Configure: twoLetters,
		Files: map[string]string{"patel-rad-form.pdf": "%PDF rad form", "patel-prelim-form.pdf": "%PDF prelim form"}})
	fu := f.sendAll("patel")[0]
	if fu.Template != "follow_up" {
		t.Fatalf("first email %s", fu.Template)
	}
	for _, want := range []string{"2 letters", "Diagnostic Radiology letter: Letter ID LID-RAD-4711", "preliminary internal medicine year letter: Letter ID LID-PRE-0815", "check your spam folder"} {
		if !strings.Contains(fu.Text, want) {
			t.Errorf("follow-up lacks %q:\n%s", want, fu.Text)
		}
	}
	var names []string
	for _, a := range fu.Attachments {
		names = append(names, a.Name)
	}
	if got := strings.Join(names, ","); !strings.Contains(got, "patel-rad-form.pdf") || !strings.Contains(got, "patel-prelim-form.pdf") {
		t.Errorf("attachments: %s", got)
	}
	// The radiology letter's notice (by Letter ID).
	f.deliver("ERAS <notices@portal.test>", "Letter uploaded", "", "A letter (Letter ID LID-RAD-4711) has been uploaded for you.\n", "Auto-Submitted: auto-generated")
	if p := f.pending("patel"); len(p) != 0 {
		t.Fatalf("drafts after the first of two uploads: %v", p)
	}
	st, _ := f.Keeper.Status(ctx)
	var patel keeper.Row
	for _, r := range st {
		if r.Writer == "patel" {
			patel = r
		}
	}
	if patel.State != "waiting" || len(patel.Letters) != 2 || patel.Letters[0].State != "uploaded" || patel.Letters[1].State != "requested" {
		t.Fatalf("after one upload: %+v", patel)
	}
	// A reminder names only the letter still to come.
	f.Clock.Advance(15 * 24 * time.Hour)
	if n, _ := f.Keeper.Tick(ctx); n != 1 {
		t.Fatalf("%d reminders", n)
	}
	ds, _ := f.Keeper.Drafts(ctx, store.Pending)
	rem := ds[len(ds)-1]
	if !strings.Contains(rem.Text, "Still to come: the preliminary internal medicine year letter (Letter ID LID-PRE-0815)") || strings.Contains(rem.Text, "LID-RAD-4711") {
		t.Errorf("reminder:\n%s", rem.Text)
	}
	// The prelim letter, named by its kind: both are in, the reminder
	// goes, one thank-you comes.
	f.deliver("ERAS <notices@portal.test>", "Letter uploaded", "", "Dr. Priya Patel uploaded your preliminary year letter.\n", "Auto-Submitted: auto-generated")
	if p := fmt.Sprint(f.pending("patel")); p != "[thank_you]" {
		t.Fatalf("after the second upload: %s", p)
	}
	ds, _ = f.Keeper.Drafts(ctx, store.Pending)
	if ty := ds[len(ds)-1]; !strings.Contains(ty.Text, "both your letters") {
		t.Errorf("thank-you:\n%s", ty.Text)
	}
}

// An upload makes a to-do: assign it in MyERAS; it stays until marked.
func TestAssignTodo(t *testing.T) {
	f := setup(t, testenv.Options{})
	f.sendAll("smith")
	f.deliver("ERAS <notices@portal.test>", "Letter uploaded", "", "Dr. Jane Smith has uploaded a letter for you.\n", "Auto-Submitted: auto-generated")
	d, err := f.Keeper.Digest(ctx)
	if err != nil || !strings.Contains(d.Text, "ASSIGN IN MyERAS") || !strings.Contains(d.Text, "lorkeeper mark smith assigned") {
		t.Fatalf("digest:\n%s", d.Text)
	}
	if _, err := f.Keeper.MarkAssigned(ctx, "smith", keeper.ByCommandLine); err != nil {
		t.Fatal(err)
	}
	d, _ = f.Keeper.Digest(ctx)
	if strings.Contains(d.Text, "ASSIGN IN MyERAS") {
		t.Errorf("the to-do stayed after marking:\n%s", d.Text)
	}
	if _, err := f.Keeper.MarkAssigned(ctx, "nguyen", keeper.ByCommandLine); err == nil || !strings.Contains(err.Error(), "not uploaded yet") {
		t.Errorf("assigning a letter not uploaded: %v", err)
	}
}

// Letters are due before the programs' review date: ECFMG's business
// days and a margin, said with its reason.
func TestDueFromReviewDate(t *testing.T) {
	f := setup(t, testenv.Options{Configure: func(c *config.Config) {
		c.Applicant.Deadline = config.Date{}
		r, _ := time.Parse("2006-01-02", "2027-09-23")
		c.Applicant.ReviewDate = config.Date{Time: r}
	}})
	if got := f.Cfg.Applicant.Due.Date.Format("2006-01-02"); got != "2027-09-14" {
		t.Errorf("due %s, want 2027-09-14 (Sep 23 less 5 + 2 business days)", got)
	}
	d, _ := f.Keeper.Digest(ctx)
	if !strings.Contains(d.Text, "Letters due by September 14, 2027 (programs can review from September 23; ECFMG needs up to 5 business days") {
		t.Errorf("digest:\n%s", d.Text)
	}
}

// The plan never puts more than 4 letters on a program, gives the
// research mentor first place at a research-heavy program, and keeps
// preliminary-year letters for preliminary programs.
func TestAssignmentPlan(t *testing.T) {
	f := setup(t, testenv.Options{Configure: func(c *config.Config) {
		twoLetters(c)
		c.Writers = append(c.Writers, config.Writer{ID: "okoro", Name: "Dr. Ada Okoro", Email: "aokoro@hospital.test",
			Field: "radiology", Country: "US", Experience: "MSK rotation", ExperienceStart: c.Writers[0].ExperienceStart, ExperienceEnd: c.Writers[0].ExperienceEnd})
		c.Programs = []config.Program{
			{Name: "University DR", Tags: []string{"research"}},
			{Name: "Community DR", Tags: []string{"community"}},
			{Name: "Prelim IM", Kind: "prelim"},
		}
	}, Files: map[string]string{"patel-rad-form.pdf": "%PDF", "patel-prelim-form.pdf": "%PDF"}})
	plans, err := f.Keeper.Plan(ctx)
	if err != nil || len(plans) != 3 {
		t.Fatalf("%v %v", plans, err)
	}
	for _, p := range plans {
		if len(p.Letters) > keeper.MaxPerProgram {
			t.Errorf("%s gets %d letters", p.Program.Name, len(p.Letters))
		}
	}
	if first := plans[0].Letters[0]; first.ID != "adeyemi" {
		t.Errorf("research program's first letter: %+v", first)
	}
	for _, l := range plans[1].Letters {
		if l.ID == "patel-prelim" {
			t.Errorf("the prelim letter is planned for a DR program")
		}
	}
	if l := plans[2].Letters; len(l) != 1 || l[0].ID != "patel-prelim" || !strings.Contains(plans[2].Note, "only 1") {
		t.Errorf("prelim program: %+v %q", l, plans[2].Note)
	}
}

// A notice format lorkeeper did not know: taught once from an example,
// the next one is read as an upload (its sender still checked).
func TestPortalLearn(t *testing.T) {
	f := setup(t, testenv.Options{})
	f.sendAll("smith")
	example := "From: CredentialBox <no-reply@credbox.test>\r\nTo: amara@inbox.test\r\nSubject: Document 88213 received for your file\r\n" +
		"Message-ID: <ex1@credbox.test>\r\n\r\nA document from Dr. Raj Kumar has been received.\r\n"
	path := filepath.Join(t.TempDir(), "example.eml")
	os.WriteFile(path, []byte(example), 0o600)
	p, err := f.Keeper.LearnPortal(ctx, path)
	if err != nil || p.Sender != "no-reply@credbox.test" || p.Subject != "document received your file" {
		t.Fatalf("learn: %+v %v", p, err)
	}
	w, _ := f.Keeper.Watched(ctx)
	if !slices.Contains(w.Senders, "no-reply@credbox.test") {
		t.Errorf("the taught sender is not watched: %v", w.Senders)
	}
	f.deliver("CredentialBox <no-reply@credbox.test>", "Document 99120 received for your file", "",
		"A document from Dr. Jane Smith has been received.\n")
	if r := f.row("smith"); r.State != "uploaded" {
		t.Errorf("after a taught notice: %+v", r)
	}
}

// An old single-letter state and config behave as before: the uploaded
// letter counts as uploaded (and waits to be assigned), the asked one as
// requested, and the send interrupted under the old schema is held.
func TestOldStateStillWorks(t *testing.T) {
	old, err := os.ReadFile("../store/testdata/schema1.db")
	if err != nil {
		t.Fatal(err)
	}
	f := setup(t, testenv.Options{Files: map[string]string{"state.db": string(old)}})
	rows, err := f.Keeper.Status(ctx)
	if err != nil {
		t.Fatal(err)
	}
	byID := map[string]keeper.Row{}
	for _, r := range rows {
		byID[r.Writer] = r
	}
	if r := byID["smith"]; r.State != "uploaded" || len(r.Letters) != 1 || r.Letters[0].State != "uploaded" {
		t.Errorf("smith: %+v", r)
	}
	if r := byID["nguyen"]; r.State != "asked" || r.Letters[0].State != "requested" {
		t.Errorf("nguyen: %+v", r)
	}
	if err := f.out.Recover(ctx); err != nil {
		t.Fatal(err)
	}
	ds, _ := f.Keeper.Drafts(ctx, store.Held)
	if len(ds) != 1 || ds[0].Writer != "nguyen" {
		t.Errorf("held after recovery: %+v", ds)
	}
	if n := len(f.Sys.Sent()); n != 0 {
		t.Errorf("%d sent on recovery", n)
	}
}

// The built-in portal profiles read their invented notices: each goes to
// the right writer (and, for Dr. Patel's two letters, the right letter,
// by its Letter ID); a notice that is not an upload changes nothing.
func TestPortalProfiles(t *testing.T) {
	f := setup(t, testenv.Options{Configure: func(c *config.Config) {
		twoLetters(c)
		c.Portals.Profiles = []string{"eras", "residencycas", "interfolio"}
	}, Files: map[string]string{"patel-rad-form.pdf": "%PDF", "patel-prelim-form.pdf": "%PDF"}})
	f.sendAll("")
	for _, name := range []string{"eras-upload", "residencycas-completed", "interfolio-added", "eras-pending"} {
		raw, err := os.ReadFile(filepath.Join("..", "testdata", "notices", name+".eml"))
		if err != nil {
			t.Fatal(err)
		}
		f.deliverRaw(testenv.Authenticated(string(raw)))
	}
	st, _ := f.Keeper.Status(ctx)
	got := map[string]string{}
	for _, r := range st {
		for _, l := range r.Letters {
			got[l.ID] = l.State
		}
	}
	want := map[string]string{"smith": "uploaded", "adeyemi": "uploaded", "patel-prelim": "uploaded", "patel-specialty": "requested", "nguyen": "requested"}
	for id, s := range want {
		if got[id] != s {
			t.Errorf("%s is %s, want %s (all: %v)", id, got[id], s, got)
		}
	}
}
