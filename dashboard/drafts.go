package dashboard

import (
	"errors"
	"fmt"
	"mime"
	"net/http"
	"os"
	"slices"
	"strconv"
	"strings"

	"github.com/lorkeeper/lorkeeper/keeper"
	"github.com/lorkeeper/lorkeeper/letters"
	"github.com/lorkeeper/lorkeeper/store"
	"github.com/lorkeeper/lorkeeper/templates"
)

// draftPage is a draft's data: the email as it will be sent, and the
// editor's fields (the applicant's unsaved text after a refused edit).
type draftPage struct {
	page
	ID          int64
	Writer      string
	WriterName  string
	Template    string
	Status      store.Status
	From        string
	To          string
	Subject     string
	BodyParts   []segment // Body, with the places still waiting for an answer marked
	Attachments []attachment
	Threaded    bool
	Edited      bool
	Created     string
	Sent        string
	Problem     string // why it was not sent, or may have been
	CanEdit     bool
	CanApprove  bool
	CanDiscard  bool
	CanSettle   bool // held: "It arrived" or "Send again anyway"
	SendNote    string
	Answering   *message // the writer's latest message, which this draft answers
	Questions   int      // the questions found in it (a request for information)
	Unanswered  int      // places in the text still waiting for the applicant's answer
	AnswerHere  string
	EditSubject string
	EditBody    string
	Error       string // the edit was refused: why
	NextID      int64  // the next draft awaiting review, if any
}

// attachment is one attached file, as listed above the body.
type attachment struct {
	Name    string
	Size    string // "84 KB", or "" if unknown
	Missing bool   // the file is not on disk: the send will fail
	Link    string // where to open it
}

// draftID parses the {id} of the route, answering 404 when it is not one.
func (s *Server) draftID(w http.ResponseWriter, r *http.Request) (int64, bool) {
	id, err := strconv.ParseInt(r.PathValue("id"), 10, 64)
	if err != nil || id <= 0 {
		s.fail(w, r, http.StatusNotFound, fmt.Sprintf("There is no draft %q. Go back to your letters and pick one from the list.", r.PathValue("id")), nil)
		return 0, false
	}
	return id, true
}

// pathDraft reads the draft the request's path names, answering the
// error page when it cannot.
func (s *Server) pathDraft(w http.ResponseWriter, r *http.Request) (store.Draft, bool) {
	id, ok := s.draftID(w, r)
	if !ok {
		return store.Draft{}, false
	}
	return s.loadDraft(w, r, id)
}

// loadDraft reads draft id, answering the error page when it cannot.
func (s *Server) loadDraft(w http.ResponseWriter, r *http.Request, id int64) (store.Draft, bool) {
	d, err := s.k.Draft(r.Context(), id)
	if errors.Is(err, store.ErrNotFound) {
		s.fail(w, r, http.StatusNotFound, fmt.Sprintf("There is no draft #%d.", id), nil)
		return d, false
	}
	if err != nil {
		s.fail(w, r, http.StatusInternalServerError, fmt.Sprintf("Draft #%d could not be read from the state file: %s", id, sentence(err)), err)
		return d, false
	}
	return d, true
}

// draft serves GET /drafts/{id}.
func (s *Server) draft(w http.ResponseWriter, r *http.Request) {
	d, ok := s.pathDraft(w, r)
	if !ok {
		return
	}
	s.showDraft(w, r, http.StatusOK, d, d.Subject, d.Text, "")
}

// showDraft renders draft d with the editor holding subject and body, and
// the refusal problem ("" for none).
func (s *Server) showDraft(w http.ResponseWriter, r *http.Request, status int, d store.Draft, subject, body, problem string) {
	cfg := s.k.Config()
	c := clock{now: s.k.Now(), loc: s.location()}
	p := draftPage{page: s.newPage(w, r, fmt.Sprintf("Draft #%d: %s", d.ID, templateLabel(d.Template))),
		ID: d.ID, Writer: d.Writer, WriterName: d.ToName, Template: d.Template, Status: d.Status,
		From:    address(cfg.Applicant.Name, cfg.Applicant.Email),
		To:      address(d.ToName, d.ToAddr),
		Subject: d.Subject, Threaded: keeper.Threaded(d.Template), Edited: d.Edited,
		Created: c.at(d.CreatedAt), Sent: c.at(d.SentAt),
		CanEdit:     slices.Contains([]store.Status{store.Pending, store.Held}, d.Status),
		CanApprove:  slices.Contains([]store.Status{store.Pending, store.Failed}, d.Status),
		CanDiscard:  slices.Contains([]store.Status{store.Pending, store.Approved, store.Held, store.Failed}, d.Status),
		CanSettle:   d.Status == store.Held,
		SendNote:    s.sendingNote(r.Context()),
		BodyParts:   highlight(d.Text, []string{templates.AnswerHere}),
		Unanswered:  strings.Count(body, templates.AnswerHere),
		AnswerHere:  templates.AnswerHere,
		EditSubject: subject, EditBody: body, Error: problem}
	wr, known := cfg.Writer(d.Writer)
	if known {
		p.WriterName = wr.Name
	}
	if known && keeper.Threaded(d.Template) {
		if m, ok, err := s.k.LatestReply(r.Context(), d.Writer); err != nil {
			s.log.Warn("dashboard: read the message a draft answers", "draft", d.ID, "err", err)
		} else if ok && m.Kind != keeper.KindUnreadable {
			var qs []string
			if d.Template == letters.TInfo {
				qs = keeper.Questions(m.NewText)
			}
			v := s.message(wr, m, nil)
			if len(qs) > 0 { // mark the questions, not the classifier's evidence
				v.Text = highlight(strings.TrimSpace(m.NewText), qs)
			}
			p.Answering, p.Questions = &v, len(qs)
		}
	}
	switch d.Status {
	case store.Failed:
		p.Problem = "The mail server refused this email, so it was not sent: " + d.LastError
	case store.Held:
		p.Problem = strings.TrimSpace(withoutCommands(d.LastError) + " Look for it in the Sent folder of your mailbox: if it is there, choose “It arrived”; if not, send it again.")
	case store.Approved:
		if d.LastError != "" {
			p.Problem = "The last attempt to send it failed; lorkeeper will try again: " + d.LastError
		}
	}
	for i, a := range d.Attachments {
		at := attachment{Name: a.Name, Link: fmt.Sprintf("/drafts/%d/attachments/%d", d.ID, i+1)}
		switch st, err := os.Stat(a.Path); {
		case a.Generated != "" && a.Data == nil:
			at.Size = "made from your config when you approve"
		case a.Path == "":
			at.Size = size(int64(len(a.Data)))
		case err == nil:
			at.Size = size(st.Size())
		default:
			at.Missing = true
		}
		p.Attachments = append(p.Attachments, at)
	}
	if ds, err := s.k.Drafts(r.Context(), store.Pending); err == nil {
		for _, x := range ds {
			if x.ID != d.ID {
				p.NextID = x.ID
				break
			}
		}
	}
	s.render(w, r, status, "draft", p)
}

// address formats a name and address as a mail client shows them:
// "Dr. Jane Smith <jsmith@hospital.example>".
func address(name, addr string) string {
	if name == "" {
		return addr
	}
	return name + " <" + addr + ">"
}

// checkEdit validates an edit as the keeper will, in the applicant's words.
func checkEdit(subject, body string) string {
	switch {
	case strings.TrimSpace(subject) == "":
		return "The subject is empty. Write a subject, then save again."
	case strings.ContainsAny(strings.TrimSpace(subject), "\r\n"):
		return "The subject must be a single line."
	case strings.TrimSpace(body) == "":
		return "The email's text is empty. Write the email, or discard the draft instead."
	}
	return ""
}

// normalize turns the browser's CRLF line ends back into the draft's LF.
func normalize(body string) string { return strings.ReplaceAll(body, "\r\n", "\n") }

// saveEdit saves the subject and body of the form on d if they changed.
// It reports whether the request may go on; if not, it has answered with
// the draft and the problem, keeping the applicant's text.
func (s *Server) saveEdit(w http.ResponseWriter, r *http.Request, d store.Draft) (store.Draft, bool) {
	subject, body := r.PostForm.Get("subject"), normalize(r.PostForm.Get("body"))
	if strings.TrimSpace(subject) == d.Subject && body == d.Text {
		return d, true
	}
	if problem := checkEdit(subject, body); problem != "" {
		s.showDraft(w, r, http.StatusUnprocessableEntity, d, subject, body, problem)
		return d, false
	}
	if err := s.k.Edit(r.Context(), d.ID, subject, body); err != nil {
		s.log.Warn("dashboard: edit refused", "draft", d.ID, "err", err)
		s.showDraft(w, r, http.StatusConflict, d, subject, body, "Your changes were not saved: "+sentence(err))
		return d, false
	}
	s.log.Info("dashboard: draft edited", "draft", d.ID, "writer", d.Writer)
	nd, ok := s.loadDraft(w, r, d.ID)
	return nd, ok
}

// edit serves POST /drafts/{id}/edit: subject and body.
func (s *Server) edit(w http.ResponseWriter, r *http.Request) {
	d, ok := s.pathDraft(w, r)
	if !ok {
		return
	}
	id := d.ID
	if d.Status != store.Pending && d.Status != store.Held {
		s.fail(w, r, http.StatusConflict, fmt.Sprintf("Draft #%d can no longer be edited: it is %s.", id, strings.ToLower(statusLabel(d.Status))), nil)
		return
	}
	if _, ok := s.saveEdit(w, r, d); !ok {
		return
	}
	s.redirect(w, r, fmt.Sprintf("/drafts/%d", id), "Your changes are saved. Check the email below, then approve it when it is ready.")
}

// approve serves POST /drafts/{id}/approve. A subject and body sent along
// (the editor's "Save and approve") are saved first.
func (s *Server) approve(w http.ResponseWriter, r *http.Request) {
	d, ok := s.pathDraft(w, r)
	if !ok {
		return
	}
	id := d.ID
	if d.Status == store.Held {
		s.fail(w, r, http.StatusConflict, fmt.Sprintf("Draft #%d may already have reached %s. Open it and choose “It arrived” or “Send again anyway”.", id, s.writerName(d)), nil)
		return
	}
	if d.Status != store.Pending && d.Status != store.Failed {
		s.fail(w, r, http.StatusConflict, fmt.Sprintf("Draft #%d is not waiting for approval: it is %s.", id, strings.ToLower(statusLabel(d.Status))), nil)
		return
	}
	if r.PostForm.Has("subject") {
		if d, ok = s.saveEdit(w, r, d); !ok {
			return
		}
	}
	if n := strings.Count(d.Text, templates.AnswerHere); n > 0 {
		msg := fmt.Sprintf("This email still says %s where an answer of yours is missing. Write your answer there, then approve it.", templates.AnswerHere)
		if n > 1 {
			msg = fmt.Sprintf("This email still says %s in %d places where answers of yours are missing. Write your answers there, then approve it.", templates.AnswerHere, n)
		}
		if r.PostForm.Has("subject") {
			msg = "Your changes are saved. " + msg
		}
		s.showDraft(w, r, http.StatusUnprocessableEntity, d, d.Subject, d.Text, msg)
		return
	}
	if err := s.k.Approve(r.Context(), id); err != nil {
		s.fail(w, r, http.StatusConflict, fmt.Sprintf("Draft #%d was not approved: %s", id, sentence(err)), err)
		return
	}
	s.log.Info("dashboard: draft approved", "draft", id, "writer", d.Writer, "template", d.Template)
	s.redirect(w, r, "/", fmt.Sprintf("Approved: %s to %s. %s", strings.ToLower(templateLabel(d.Template)), d.ToName, s.sendingNote(r.Context())))
}

// discard serves POST /drafts/{id}/discard.
func (s *Server) discard(w http.ResponseWriter, r *http.Request) {
	d, ok := s.pathDraft(w, r)
	if !ok {
		return
	}
	id := d.ID
	if err := s.k.Discard(r.Context(), id); err != nil {
		s.fail(w, r, http.StatusConflict, fmt.Sprintf("Draft #%d was not discarded: %s", id, sentence(err)), err)
		return
	}
	s.log.Info("dashboard: draft discarded", "draft", id, "writer", d.Writer, "template", d.Template)
	s.redirect(w, r, "/", fmt.Sprintf("Discarded: %s to %s. It will not be sent.", strings.ToLower(templateLabel(d.Template)), d.ToName))
}

// size formats a file size as a mail client lists it: "912 bytes", "84 KB", "1.2 MB".
func size(n int64) string {
	switch {
	case n < 1000:
		return fmt.Sprintf("%d %s", n, plural(int(n), "byte", "bytes"))
	case n < 1000*1000:
		return fmt.Sprintf("%d KB", (n+500)/1000)
	}
	return fmt.Sprintf("%.1f MB", float64(n)/1e6)
}

// attachmentFile serves GET /drafts/{id}/attachments/{n}: the n-th file
// of the draft as it will be sent (the summary PDF made now), to open in
// the browser.
func (s *Server) attachmentFile(w http.ResponseWriter, r *http.Request) {
	id, ok := s.draftID(w, r)
	if !ok {
		return
	}
	n, err := strconv.Atoi(r.PathValue("n"))
	if err != nil || n < 1 {
		s.fail(w, r, http.StatusNotFound, "There is no such attachment.", nil)
		return
	}
	a, err := s.k.Attachment(r.Context(), id, n-1)
	if err != nil {
		s.fail(w, r, statusOf(err), "The attachment could not be opened: "+sentence(err), err)
		return
	}
	ct := a.ContentType
	if ct == "" {
		ct = "application/octet-stream"
	}
	w.Header().Set("Content-Type", ct)
	w.Header().Set("Content-Disposition", mime.FormatMediaType("inline", map[string]string{"filename": a.Name}))
	w.Header().Set("X-Content-Type-Options", "nosniff")
	w.Write(a.Data)
}
