package keeper_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/lorkeeper/lorkeeper/internal/testenv"
	"github.com/lorkeeper/lorkeeper/keeper"
	"github.com/lorkeeper/lorkeeper/letters"
)

const politeDecline = "I'm sorry, but I don't think I know your work well enough to write a letter that would help you.\n"

// A polite decline read as something else: the applicant corrects it;
// the reminders stop; undoing brings back what was there.
func TestCorrectThenUndo(t *testing.T) {
	f := setup(t, testenv.Options{})
	ask := f.sendAll("nguyen")[0]
	f.deliver("Dr. Linh Nguyen <lnguyen@clinic.test>", "Re: "+ask.Subject, ask.MessageID, "Thanks for your note.\n")
	r := f.row("nguyen")
	if r.State != "asked" || r.NextStep != "reminder" {
		t.Fatalf("before the correction: %+v", r)
	}
	o, err := f.Keeper.Correct(ctx, "nguyen", letters.Decline, keeper.ByCommandLine)
	if err != nil || o.Letter.State != letters.Declined {
		t.Fatalf("correct: %v %+v", err, o.Letter)
	}
	for i := 0; i < 6; i++ {
		f.Clock.Advance(7 * 24 * time.Hour)
		if n, _ := f.Keeper.Tick(ctx); n != 0 {
			t.Fatal("a reminder went to a writer who declined")
		}
	}
	if p := f.pending("nguyen"); fmt.Sprint(p) != "[thank_you]" {
		t.Errorf("drafts after the correction: %v", p)
	}
	hist, _ := f.Keeper.History(ctx, "nguyen")
	last := hist[len(hist)-1]
	if !strings.HasPrefix(last.Event, "correct:") || last.Actor != string(keeper.ByCommandLine) || !strings.Contains(last.Note, "a decline") {
		t.Errorf("history: %+v", last)
	}
	what, err := f.Keeper.Undo(ctx, "nguyen", keeper.ByCommandLine)
	if err != nil || !strings.Contains(what, "a decline") {
		t.Fatalf("undo: %q %v", what, err)
	}
	if r := f.row("nguyen"); r.State != "asked" || r.NextStep != "reminder" {
		t.Errorf("after undo: %+v", r)
	}
	if p := f.pending("nguyen"); len(p) != 0 {
		t.Errorf("drafts after undo: %v", p)
	}
	if _, err := f.Keeper.Undo(ctx, "nguyen", keeper.ByCommandLine); err == nil {
		t.Error("a second undo found something to undo")
	}
}

// Correcting a hesitant flag to a strong yes takes the flag and the
// alternate draft back and drafts the follow-up; undo restores the flag
// and its alternate draft.
func TestCorrectHesitantToStrongYes(t *testing.T) {
	f := setup(t, testenv.Options{})
	ask := f.sendAll("nguyen")[0]
	f.deliver("Dr. Linh Nguyen <lnguyen@clinic.test>", "Re: "+ask.Subject, ask.MessageID,
		"Sure, I can write you a standard letter, though we only worked together briefly.\n")
	if r := f.row("nguyen"); r.State != "flagged" || fmt.Sprint(f.pending("nguyen")) != "[alternate]" {
		t.Fatalf("before: %+v %v", r, f.pending("nguyen"))
	}
	if _, err := f.Keeper.Correct(ctx, "nguyen", letters.StrongYes, keeper.ByDashboard); err != nil {
		t.Fatal(err)
	}
	if r := f.row("nguyen"); r.State != "agreed" || r.Flagged || fmt.Sprint(f.pending("nguyen")) != "[follow_up]" {
		t.Errorf("after: %+v %v", r, f.pending("nguyen"))
	}
	if _, err := f.Keeper.Undo(ctx, "nguyen", keeper.ByDashboard); err != nil {
		t.Fatal(err)
	}
	if r := f.row("nguyen"); r.State != "flagged" || !r.Flagged || fmt.Sprint(f.pending("nguyen")) != "[alternate]" {
		t.Errorf("after undo: %+v %v", r, f.pending("nguyen"))
	}
}

// Set puts the letter anywhere; a mistaken "uploaded" is undone.
func TestSetAndUndoAMistakenUpload(t *testing.T) {
	f := setup(t, testenv.Options{})
	f.sendAll("smith")
	if _, err := f.Keeper.MarkUploaded(ctx, "smith", keeper.ByCommandLine); err != nil {
		t.Fatal(err)
	}
	if _, err := f.Keeper.Undo(ctx, "smith", keeper.ByCommandLine); err != nil {
		t.Fatal(err)
	}
	if r := f.row("smith"); r.State != "asked" || len(f.pending("smith")) != 0 {
		t.Errorf("after undoing the mark: %+v %v", r, f.pending("smith"))
	}
	// The letter itself is back to requested: nothing says to assign it.
	if r := f.row("smith"); len(r.Letters) != 1 || r.Letters[0].State != "requested" || !r.Letters[0].UploadedAt.IsZero() {
		t.Errorf("smith's letter after undoing the mark: %+v", r.Letters)
	}
	if _, err := f.Keeper.Set(ctx, "smith", letters.Waiting, keeper.ByCommandLine); err != nil {
		t.Fatal(err)
	}
	if r := f.row("smith"); r.State != "waiting" {
		t.Errorf("after set: %+v", r)
	}
}

// Corrected replies are exported as labelled examples for the classifier.
func TestExportCorrections(t *testing.T) {
	f := setup(t, testenv.Options{})
	ask := f.sendAll("nguyen")[0]
	f.deliver("Dr. Linh Nguyen <lnguyen@clinic.test>", "Re: "+ask.Subject, ask.MessageID, politeDecline)
	// lorkeeper reads it as the decline it is; the applicant, who knows
	// the writer, says it is a hedge.
	if r := f.row("nguyen"); r.LastReplyKind != string(letters.Decline) {
		t.Fatalf("read as %s", r.LastReplyKind)
	}
	f.Keeper.Correct(ctx, "nguyen", letters.Hesitant, keeper.ByCommandLine)
	dir := filepath.Join(t.TempDir(), "out")
	n, err := f.Keeper.ExportCorrections(ctx, dir)
	if err != nil || n != 1 {
		t.Fatalf("export: %d %v", n, err)
	}
	tsv, _ := os.ReadFile(filepath.Join(dir, "labels.tsv"))
	lines := strings.Split(strings.TrimSpace(string(tsv)), "\n")
	if len(lines) != 2 || !strings.Contains(lines[1], "\thesitant\tcorrected by the applicant from decline") {
		t.Fatalf("labels.tsv:\n%s", tsv)
	}
	name := strings.Split(lines[1], "\t")[0]
	raw, err := os.ReadFile(filepath.Join(dir, name))
	if err != nil || !strings.Contains(string(raw), "know your work well enough") {
		t.Errorf("exported message: %v\n%s", err, raw)
	}
}
