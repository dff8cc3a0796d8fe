package dashboard_test

import (
	"fmt"
	"net/http"
	"net/url"
	"strings"
	"testing"

	"github.com/lorkeeper/lorkeeper/internal/testenv"
	"github.com/lorkeeper/lorkeeper/memmail"
	"github.com/lorkeeper/lorkeeper/store"
)

func TestBoard(t *testing.T) {
	f := setup(t)
	f.flagNguyen()
	code, page := f.get("/")
	if code != 200 {
		t.Fatalf("board: %d", code)
	}
	contains(t, page,
		"Dr. Jane Smith", "Dr. Priya Patel", "Dr. Linh Nguyen", "Prof. Bola Adeyemi",
		"Needs your decision", "Awaiting a reply", "Awaiting the upload", // states
		"Radiologist", "Not radiology", "US", "Clinical", // writer facts
		"3 days ago (Jun 1)",                        // days since request
		"Reminder planned",                          // next step, with its date
		"89 days left", "Sep 1, 2027", "In 89 days", // deadline countdown
		`href="/flags/nguyen"`, "replied hesitantly", // the flag waits
		"Letter mix", "from radiologists", // advice
		"Thanks, and who else could write to Dr. Linh Nguyen", // the alternate draft waits
	)
	if strings.Contains(page, "lorkeeper resolve") {
		t.Error("the board tells the applicant to type a command")
	}
}

func TestBoardWithNothingToDo(t *testing.T) {
	f := setup(t)
	f.sendAll("")
	_, page := f.get("/")
	contains(t, page, "No drafts or decisions wait for you. lorkeeper is not running, though", "0 of 4")
	f.running()
	_, page = f.get("/")
	contains(t, page, "Nothing needs you right now", "all caught up")
}

func TestDraftPageShowsTheEmailAsSent(t *testing.T) {
	f := setup(t)
	d, ok := f.pending("patel", "follow_up")
	if !ok {
		t.Fatal("no follow-up for patel")
	}
	code, page := f.get(fmt.Sprintf("/drafts/%d", d.ID))
	if code != 200 {
		t.Fatalf("draft page: %d", code)
	}
	contains(t, page,
		"Follow-up with your letter packet", "Awaiting your review",
		"Amara Okafor &lt;amara@inbox.test&gt;", // From, escaped
		"Dr. Priya Patel &lt;ppatel@hospital.test&gt;",
		"cv.pdf", "ps.pdf", "Summary for Dr. Priya Patel", // attachments
		`<label for="subject">Subject</label>`, `<label for="body">Text</label>`,
		`id="approve"`, `id="discard"`, `id="save-approve"`,
	)
	// The body, exactly: html/template escapes it, nothing else changes.
	esc := strings.NewReplacer("&", "&amp;", "<", "&lt;", ">", "&gt;", `"`, "&#34;", "'", "&#39;", "+", "&#43;")
	if !strings.Contains(page, `<div class="mail-body">`+esc.Replace(d.Text)+`</div>`) {
		t.Errorf("the body is not shown as it will be sent:\n%s", d.Text)
	}
	if !strings.Contains(page, `<dd class="mail-subject">`+esc.Replace(d.Subject)+`</dd>`) {
		t.Errorf("subject %q not shown", d.Subject)
	}
}

func TestEditDraft(t *testing.T) {
	f := setup(t)
	path := "/drafts/1"
	res := f.post(path+"/edit", url.Values{"subject": {"A <b>new</b> subject"}, "body": {"Dear Dr. Smith,\r\n\r\nWould you write <me> a strong letter?\r\n"}})
	if res.StatusCode != http.StatusSeeOther || res.Header.Get("Location") != path {
		t.Fatalf("edit: %d %s\n%s", res.StatusCode, res.Header.Get("Location"), body(res))
	}
	d, _ := f.Keeper.Draft(ctx, 1)
	if d.Subject != "A <b>new</b> subject" || d.Text != "Dear Dr. Smith,\n\nWould you write <me> a strong letter?\n" || !d.Edited {
		t.Errorf("draft after edit: %q %q edited=%v", d.Subject, d.Text, d.Edited)
	}
	_, page := f.get(path)
	contains(t, page, "A &lt;b&gt;new&lt;/b&gt; subject", "write &lt;me&gt; a strong", "You edited this email")
	if strings.Contains(page, "<b>new</b>") || strings.Contains(page, "<me>") {
		t.Error("the edit is not escaped")
	}

	// An empty body is refused, and the applicant's subject is kept.
	res = f.post(path+"/edit", url.Values{"subject": {"Kept subject"}, "body": {"  \r\n"}})
	page = body(res)
	if res.StatusCode != http.StatusUnprocessableEntity {
		t.Errorf("empty body: %d", res.StatusCode)
	}
	contains(t, page, "The email&#39;s text is empty", `value="Kept subject"`)
	if d2, _ := f.Keeper.Draft(ctx, 1); d2.Subject != d.Subject {
		t.Error("a refused edit changed the draft")
	}
	res = f.post(path+"/edit", url.Values{"subject": {"two\nlines"}, "body": {"x"}})
	if res.StatusCode != http.StatusUnprocessableEntity || !strings.Contains(body(res), "single line") {
		t.Errorf("two-line subject: %d", res.StatusCode)
	}
}

func TestApproveSendsWithinTheOutbox(t *testing.T) {
	f := setup(t)
	res := f.post("/drafts/1/approve", nil)
	if res.StatusCode != http.StatusSeeOther || res.Header.Get("Location") != "/" {
		t.Fatalf("approve: %d %s", res.StatusCode, res.Header.Get("Location"))
	}
	d, _ := f.Keeper.Draft(ctx, 1)
	if d.Status != store.Approved {
		t.Fatalf("draft 1 is %s", d.Status)
	}
	if len(f.Sys.Sent()) != 0 {
		t.Fatal("the dashboard sent mail itself")
	}
	// The flash message shows once, on the next page.
	var flash *http.Cookie
	for _, c := range res.Cookies() {
		if strings.Contains(c.Name, "flash") {
			flash = c
		}
	}
	if flash == nil || !flash.HttpOnly {
		t.Fatalf("no HttpOnly flash cookie: %v", res.Cookies())
	}
	r := f.do("GET", "/", nil, true, "Cookie", flash.String()+"; "+f.session().String())
	contains(t, body(r), `role="status">Approved: request for a letter to Dr. Jane Smith.`)
	if cleared := r.Cookies(); len(cleared) != 1 || cleared[0].MaxAge >= 0 {
		t.Errorf("flash not cleared: %v", cleared)
	}

	if n := f.sendDue(); n != 1 {
		t.Fatalf("outbox sent %d", n)
	}
	sent := f.Sys.Sent()
	if len(sent) != 1 || sent[0].To[0] != testenv.Writers["smith"] || header(t, sent[0].Data, "Subject") != d.Subject {
		t.Fatalf("sent %d messages; want the ask to Dr. Smith", len(sent))
	}
	// Approving it again is refused in a plain sentence.
	res = f.post("/drafts/1/approve", nil)
	if page := body(res); res.StatusCode != http.StatusConflict || !strings.Contains(page, "Draft #1 is not waiting for approval: it is sent.") {
		t.Errorf("second approve: %d\n%s", res.StatusCode, page)
	}
}

func TestSaveAndApprove(t *testing.T) {
	f := setup(t)
	res := f.post("/drafts/1/approve", url.Values{"subject": {"Strong letter for radiology?"}, "body": {"Dear Dr. Smith,\r\n\r\nEdited.\r\n"}})
	if res.StatusCode != http.StatusSeeOther {
		t.Fatalf("save and approve: %d\n%s", res.StatusCode, body(res))
	}
	f.sendDue()
	sent := f.Sys.Sent()
	if len(sent) != 1 || header(t, sent[0].Data, "Subject") != "Strong letter for radiology?" || !strings.Contains(string(sent[0].Data), "Edited.") {
		t.Fatalf("the edit was not sent: %d messages", len(sent))
	}
	// With an empty subject nothing is approved.
	res = f.post("/drafts/2/approve", url.Values{"subject": {""}, "body": {"x"}})
	if res.StatusCode != http.StatusUnprocessableEntity {
		t.Errorf("empty subject: %d", res.StatusCode)
	}
	if d, _ := f.Keeper.Draft(ctx, 2); d.Status != store.Pending {
		t.Errorf("draft 2 is %s", d.Status)
	}
}

func TestDiscard(t *testing.T) {
	f := setup(t)
	res := f.post("/drafts/3/discard", nil)
	if res.StatusCode != http.StatusSeeOther {
		t.Fatalf("discard: %d", res.StatusCode)
	}
	if d, _ := f.Keeper.Draft(ctx, 3); d.Status != store.Discarded {
		t.Errorf("draft 3 is %s", d.Status)
	}
	_, page := f.get("/drafts/3")
	contains(t, page, "Discarded")
	if strings.Contains(page, `id="approve"`) || strings.Contains(page, `id="save"`) {
		t.Error("a discarded draft can still be approved or edited")
	}
	if res := f.post("/drafts/3/discard", nil); res.StatusCode != http.StatusConflict {
		t.Errorf("second discard: %d", res.StatusCode)
	}
}

func TestFlagPage(t *testing.T) {
	f := setup(t)
	f.flagNguyen()
	alt, ok := f.pending("nguyen", "alternate")
	if !ok {
		t.Fatal("no alternate draft")
	}
	code, page := f.get("/flags/nguyen")
	if code != 200 {
		t.Fatalf("flag page: %d", code)
	}
	contains(t, page,
		"Dr. Linh Nguyen replied hesitantly", "Hesitant reply",
		"<mark>", "standard letter", // the evidence, highlighted
		"Thanks for thinking of me", // the writer's words
		"Why it was flagged",
		`name="decision" value="keep"`, `name="decision" value="replace"`, `name="decision" value="drop"`,
		fmt.Sprintf(`href="/drafts/%d"`, alt.ID),
	)
	if strings.Contains(page, "&gt; Would you feel comfortable") {
		t.Error("the quoted original is shown as the writer's words")
	}
	// A writer without a flag has nothing to decide.
	_, page = f.get("/flags/smith")
	contains(t, page, "nothing to decide")
}

func TestResolve(t *testing.T) {
	for _, c := range []struct {
		decision, state, location, flash, draft string
	}{
		{"keep", "agreed", "/", "You kept Dr. Linh Nguyen", "follow_up"},
		{"replace", "dropped", "/drafts/", "You replaced Dr. Linh Nguyen", "alternate"},
		{"drop", "dropped", "/", "You dropped Dr. Linh Nguyen", ""},
	} {
		t.Run(c.decision, func(t *testing.T) {
			f := setup(t)
			f.flagNguyen()
			alt, _ := f.pending("nguyen", "alternate")
			res := f.post("/flags/nguyen/resolve", url.Values{"decision": {c.decision}})
			if res.StatusCode != http.StatusSeeOther || !strings.HasPrefix(res.Header.Get("Location"), c.location) {
				t.Fatalf("resolve: %d %s\n%s", res.StatusCode, res.Header.Get("Location"), body(res))
			}
			if c.decision == "replace" && res.Header.Get("Location") != fmt.Sprintf("/drafts/%d", alt.ID) {
				t.Errorf("replace opens %s, want the alternate draft %d", res.Header.Get("Location"), alt.ID)
			}
			if r := f.row("nguyen"); r.State != c.state || r.Flagged {
				t.Errorf("nguyen after %s: %+v", c.decision, r)
			}
			_, ok := f.pending("nguyen", c.draft)
			if c.draft != "" && !ok {
				t.Errorf("no pending %s after %s", c.draft, c.decision)
			}
			if _, ok := f.pending("nguyen", "alternate"); ok != (c.decision == "replace") {
				t.Errorf("alternate pending = %v after %s", ok, c.decision)
			}
			found := false
			for _, k := range res.Cookies() {
				found = found || strings.Contains(k.Name, "flash")
			}
			if !found {
				t.Error("no message for the board")
			}
			// Deciding again (a second click) changes nothing.
			before := f.row("nguyen")
			res = f.post("/flags/nguyen/resolve", url.Values{"decision": {c.decision}})
			if after := f.row("nguyen"); res.StatusCode != http.StatusSeeOther || after.State != before.State || len(after.Drafts) != len(before.Drafts) {
				t.Errorf("second decision: %d, %+v -> %+v", res.StatusCode, before, after)
			}
		})
	}
}

func TestResolveRefusesUnknownDecision(t *testing.T) {
	f := setup(t)
	f.flagNguyen()
	res := f.post("/flags/nguyen/resolve", url.Values{"decision": {"maybe"}})
	if res.StatusCode != http.StatusBadRequest || !strings.Contains(body(res), "Choose Keep, Replace or Drop.") {
		t.Errorf("unknown decision: %d", res.StatusCode)
	}
	if r := f.row("nguyen"); r.State != "flagged" {
		t.Errorf("nguyen: %s", r.State)
	}
}

func TestWriterHistory(t *testing.T) {
	f := setup(t)
	f.flagNguyen()
	code, page := f.get("/writers/nguyen")
	if code != 200 {
		t.Fatalf("writer page: %d", code)
	}
	ask := f.sentTo("nguyen")
	contains(t, page,
		"Dr. Linh Nguyen", "lnguyen@clinic.test", "Not a radiologist",
		"Conversation", "You wrote", "Dr. Linh Nguyen wrote", ask.Subject, "Hesitant",
		"<mark>", "Thanks for thinking of me",
		"History", "First email planned", "Sent: request for a letter", "Reply read: hesitant", "Needs your decision",
		"Drafts not sent", "Thanks, and who else could write",
		`href="/flags/nguyen"`,
		"by lorkeeper</span><br><strong>Reply read: hesitant", // who did what
	)
	lacks(t, page, "by lorkeeper</span><br><strong>You approved")
}

// sentTo returns the first draft sent to writer.
func (f *fixture) sentTo(writer string) store.Draft {
	f.t.Helper()
	ds, err := f.Keeper.Drafts(ctx, store.Sent)
	if err != nil {
		f.t.Fatal(err)
	}
	for _, d := range ds {
		if d.Writer == writer {
			return d
		}
	}
	f.t.Fatalf("nothing sent to %s", writer)
	return store.Draft{}
}

func TestNotFound(t *testing.T) {
	f := setup(t)
	for path, want := range map[string]string{
		"/drafts/999":     "There is no draft #999.",
		"/drafts/abc":     "There is no draft &#34;abc&#34;.",
		"/writers/nobody": "There is no writer &#34;nobody&#34; in your configuration.",
		"/flags/nobody":   "There is no writer &#34;nobody&#34;",
		"/elsewhere":      "There is no such page.",
	} {
		code, page := f.get(path)
		if code != http.StatusNotFound {
			t.Errorf("%s: %d", path, code)
		}
		if !strings.Contains(page, want) {
			t.Errorf("%s lacks %q:\n%s", path, want, page)
		}
		if strings.Contains(page, "goroutine") || strings.Contains(page, ".go:") {
			t.Errorf("%s shows a stack trace", path)
		}
	}
	res := f.post("/drafts/999/approve", nil)
	if page := body(res); res.StatusCode != http.StatusNotFound || !strings.Contains(page, "There is no draft #999.") {
		t.Errorf("approve 999: %d", res.StatusCode)
	}
	if res := f.do("DELETE", "/drafts/1", nil, true); res.StatusCode != http.StatusForbidden && res.StatusCode != http.StatusMethodNotAllowed {
		t.Errorf("DELETE: %d", res.StatusCode)
	}
}

func TestFailedDraftShowsWhyAndCanBeRetried(t *testing.T) {
	f := setup(t)
	f.Sys.FailNext(memmail.Fault{Code: 550, Message: "5.1.1 mailbox unavailable"})
	if err := f.Keeper.Approve(ctx, 1); err != nil {
		t.Fatal(err)
	}
	f.sendDue()
	if d, _ := f.Keeper.Draft(ctx, 1); d.Status != store.Failed {
		t.Fatalf("draft 1 is %s, want failed", d.Status)
	}
	_, board := f.get("/")
	contains(t, board, "The request for a letter to Dr. Jane Smith was not sent", "mailbox unavailable", `href="/drafts/1">Open</a>`)
	lacks(t, board, "(ask)")
	_, page := f.get("/drafts/1")
	contains(t, page, "Not sent", "The mail server refused this email, so it was not sent", `id="approve"`, `id="discard"`)
	if strings.Contains(page, `id="save"`) {
		t.Error("a failed draft offers the editor")
	}
	if res := f.post("/drafts/1/approve", nil); res.StatusCode != http.StatusSeeOther {
		t.Fatalf("retry: %d", res.StatusCode)
	}
	if n := f.sendDue(); n != 1 {
		t.Errorf("the retry sent %d", n)
	}
}

func TestMailedLetterFlag(t *testing.T) {
	f := setup(t)
	f.sendAll("patel")
	raw := "From: Dr. Priya Patel <ppatel@hospital.test>\r\nTo: amara@inbox.test\r\nSubject: Your letter\r\nMessage-ID: <conf@x>\r\n" +
		"MIME-Version: 1.0\r\nContent-Type: multipart/mixed; boundary=b\r\n\r\n--b\r\nContent-Type: text/plain\r\n\r\n" +
		"Here is my letter for your records.\r\n--b\r\nContent-Type: application/pdf\r\n" +
		"Content-Disposition: attachment; filename=\"Letter of Recommendation - Amara Okafor.pdf\"\r\n" +
		"Content-Transfer-Encoding: base64\r\n\r\nJVBERi0xLjQK\r\n--b--\r\n"
	if err := f.Keeper.DeliverOne(ctx, "INBOX", store.Checkpoint{UIDValidity: 1, LastUID: 1}, []byte(raw)); err != nil {
		t.Fatal(err)
	}
	if r := f.row("patel"); !r.Flagged {
		t.Fatalf("patel not flagged: %+v", r)
	}
	_, board := f.get("/")
	contains(t, board, "Do not open it", `href="/flags/patel"`)
	_, page := f.get("/flags/patel")
	contains(t, page, "Do not open the attachment", "AAMC Letter Writer Portal", "Here is my letter for your records.", "I have asked them to upload it")
	if strings.Contains(page, `value="replace"`) {
		t.Error("a mailed letter offers Replace")
	}
	res := f.post("/flags/patel/resolve", url.Values{"decision": {"keep"}})
	if res.StatusCode != http.StatusSeeOther {
		t.Fatalf("clear the flag: %d\n%s", res.StatusCode, body(res))
	}
	if r := f.row("patel"); r.Flagged || r.State != "waiting" {
		t.Errorf("patel after clearing: %+v", r)
	}
}

// The summary PDF opens from the draft page; the plan of which letters
// go where is a table.
func TestAttachmentPreviewAndPlan(t *testing.T) {
	f := setup(t)
	d, ok := f.pending("patel", "follow_up")
	if !ok {
		t.Fatal("no follow-up")
	}
	_, page := f.get(fmt.Sprintf("/drafts/%d", d.ID))
	n := 0
	for i, a := range d.Attachments {
		if strings.HasSuffix(a.Name, ".pdf") && strings.HasPrefix(a.Name, "Summary") {
			n = i + 1
		}
	}
	link := fmt.Sprintf("/drafts/%d/attachments/%d", d.ID, n)
	if n == 0 || !strings.Contains(page, link) {
		t.Fatalf("no summary link %s on the draft page", link)
	}
	res := f.do("GET", link, nil, true)
	pdf := body(res)
	if res.StatusCode != http.StatusOK || res.Header.Get("Content-Type") != "application/pdf" || !strings.HasPrefix(pdf, "%PDF-") {
		t.Errorf("summary: %d %s %.20q", res.StatusCode, res.Header.Get("Content-Type"), pdf)
	}
	_, plan := f.get("/assign")
	if !strings.Contains(plan, "Which letters go where") || !strings.Contains(plan, "[[program]]") {
		t.Errorf("plan page:\n%s", plan)
	}
}
