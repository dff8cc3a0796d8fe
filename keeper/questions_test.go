package keeper_test

import (
	"strings"
	"testing"

	"github.com/lorkeeper/lorkeeper/config"
	"github.com/lorkeeper/lorkeeper/internal/testenv"
	"github.com/lorkeeper/lorkeeper/keeper"
	"github.com/lorkeeper/lorkeeper/store"
)

func TestQuestionsAreFound(t *testing.T) {
	text := "Happy to consider it. A few questions first:\n1. What were your USMLE scores\n2) How many programs are you applying to?\n" +
		"Also, what is the exact deadline? Please send me your CV. Thanks, looking forward."
	got := keeper.Questions(text)
	want := []string{"What were your USMLE scores", "How many programs are you applying to?", "Also, what is the exact deadline?", "Please send me your CV."}
	if strings.Join(got, "|") != strings.Join(want, "|") {
		t.Errorf("questions:\n got %q\nwant %q", got, want)
	}
}

// A writer asks three questions: the draft quotes each, with the answers
// the config has, and a place for the applicant where it has none.
func TestNeedsInfoDraftAnswersEachQuestion(t *testing.T) {
	f := setup(t, testenv.Options{Configure: func(c *config.Config) {
		c.Applicant.USMLEStep1, c.Applicant.USMLEStep2 = "Pass, May 2025", "251, January 2026"
		c.Applicant.ProgramsApplying = 45
	}})
	ask := f.sendAll("nguyen")[0]
	f.deliver("Dr. Linh Nguyen <lnguyen@clinic.test>", "Re: "+ask.Subject, ask.MessageID,
		"Before I decide, could you tell me your USMLE scores? Which programs are you applying to, and how many? "+
			"And what is the exact deadline? Do you have research experience?\n")
	ds, _ := f.Keeper.Drafts(ctx, store.Pending)
	var info store.Draft
	for _, d := range ds {
		if d.Writer == "nguyen" && d.Template == "info" {
			info = d
		}
	}
	if info.ID == 0 {
		t.Fatalf("no info draft; drafts %v", f.pending("nguyen"))
	}
	for _, want := range []string{"> Before I decide, could you tell me your USMLE scores?", "USMLE Step 1: Pass, May 2025; Step 2 CK: 251, January 2026",
		"> Which programs are you applying to, and how many?", "I am applying to 45 Diagnostic Radiology programs.",
		"> And what is the exact deadline?", "The letter is due by September 1, 2027.",
		"> Do you have research experience?", "[YOUR ANSWER HERE]"} {
		if !strings.Contains(info.Text, want) {
			t.Errorf("the info draft lacks %q:\n%s", want, info.Text)
		}
	}
	if strings.Contains(info.Text, "Here is the information that should help you decide") {
		t.Error("the draft ignores the questions")
	}
}

// A draft with a question left for the applicant cannot be approved.
func TestUnansweredQuestionBlocksApproval(t *testing.T) {
	f := setup(t, testenv.Options{})
	ask := f.sendAll("nguyen")[0]
	f.deliver("Dr. Linh Nguyen <lnguyen@clinic.test>", "Re: "+ask.Subject, ask.MessageID, "Before I decide: do you have research experience?\n")
	ds, _ := f.Keeper.Drafts(ctx, store.Pending)
	for _, d := range ds {
		if d.Template != "info" {
			continue
		}
		if err := f.Keeper.Approve(ctx, d.ID); err == nil || !strings.Contains(err.Error(), "answer the writer's question") {
			t.Fatalf("approve: %v", err)
		}
		if err := f.Keeper.Edit(ctx, d.ID, d.Subject, strings.Replace(d.Text, "[YOUR ANSWER HERE]", "Yes: two abstracts.", 1)); err != nil {
			t.Fatal(err)
		}
		if err := f.Keeper.Approve(ctx, d.ID); err != nil {
			t.Errorf("approve after answering: %v", err)
		}
		return
	}
	t.Fatal("no info draft")
}
