package dashboard_test

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/lorkeeper/lorkeeper/store"
	"github.com/lorkeeper/lorkeeper/templates"
)

// questions is Prof. Adeyemi's request for information: three questions.
const questions = "Dear Amara,\n\nI would be glad to consider it. Before I decide, could you tell me a few things?\n\n" +
	"1. What were your USMLE Step 1 and Step 2 CK results?\n2. Which programs are you applying to?\n3. Have you done any research in imaging?\n\nBest,\nBola\n"

// The answer to a writer's questions is shown beside their message,
// with the questions marked; it cannot be approved while an answer is
// missing, and can once the applicant wrote it.
func TestDraftShowsTheMessageItAnswers(t *testing.T) {
	f := setup(t)
	f.replyFrom("adeyemi", "Prof. Bola Adeyemi <badeyemi@university.test>", questions)
	d, ok := f.pending("adeyemi", "info")
	if !ok {
		t.Fatalf("no answer drafted: %+v", f.row("adeyemi"))
	}
	if !strings.Contains(d.Text, templates.AnswerHere) {
		t.Fatalf("the draft has no place left for the applicant's answer:\n%s", d.Text)
	}
	path := fmt.Sprintf("/drafts/%d", d.ID)
	_, page := f.get(path)
	contains(t, page,
		`class="draft-layout two"`, "What Prof. Bola Adeyemi wrote", "Asked for information",
		"<mark>What were your USMLE Step 1 and Step 2 CK results?</mark>",
		"<mark>Which programs are you applying to?</mark>",
		"<mark>Have you done any research in imaging?</mark>",
		"lorkeeper found", "questions here (highlighted)",
		"still need", "your answer", `id="approve" disabled`,
		`<mark class="answer-here">[YOUR ANSWER HERE]</mark>`, `<a href="#edit-h">Edit the email</a>`,
	)
	if i, j := strings.Index(page, "What Prof. Bola Adeyemi wrote"), strings.Index(page, `class="mail-body">`+strings.SplitN(d.Text, "\n", 2)[0]); i < 0 || j < 0 || i > j {
		t.Error("the writer's message does not come before the draft")
	}

	// Approving with the marker left is refused, in plain words.
	res := f.post(path+"/approve", nil)
	if p := body(res); res.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(p, "Write your answer") || strings.Contains(p, "lorkeeper drafts edit") {
		t.Errorf("approve with a missing answer: %d\n%s", res.StatusCode, p)
	}
	if d2, _ := f.Keeper.Draft(ctx, d.ID); d2.Status != store.Pending {
		t.Fatalf("draft is %s", d2.Status)
	}
	// Save and approve with the answers written.
	text := strings.ReplaceAll(d.Text, templates.AnswerHere, "Yes: a year of musculoskeletal ultrasound research with you.")
	res = f.post(path+"/approve", url.Values{"subject": {d.Subject}, "body": {text}})
	if res.StatusCode != http.StatusSeeOther {
		t.Fatalf("save and approve: %d\n%s", res.StatusCode, body(res))
	}
	if d2, _ := f.Keeper.Draft(ctx, d.ID); d2.Status != store.Approved || strings.Contains(d2.Text, templates.AnswerHere) {
		t.Errorf("after save and approve: %s", d2.Status)
	}
}

// A first email answers nothing: no message is shown beside it.
func TestFirstEmailHasNoMessageBeside(t *testing.T) {
	f := setup(t)
	_, page := f.get("/drafts/1")
	lacks(t, page, "draft-layout two", "wrote</h2>")
}
