package dashboard

import (
	"fmt"
	"net/http"
	"slices"
	"strings"

	"github.com/lorkeeper/lorkeeper/keeper"
	"github.com/lorkeeper/lorkeeper/letters"
	"github.com/lorkeeper/lorkeeper/store"
	"github.com/lorkeeper/lorkeeper/templates"
)

// The applicant's corrections: what lorkeeper read or decided, put right
// from the dashboard. Each goes through the keeper with ByDashboard, so
// the history says who did it, and Undo takes it back.

// back is where a form's answer goes: the page it was sent from, named
// by its "from" field (never a free path, so never another site), else
// fallback.
func back(r *http.Request, writer, fallback string) string {
	switch r.PostForm.Get("from") {
	case "board":
		return "/"
	case "writer":
		if writer != "" {
			return "/writers/" + writer
		}
	}
	return fallback
}

// madeNote says which drafts an outcome prepared for review.
func madeNote(o letters.Outcome, name string) string {
	var out []string
	for _, t := range o.Draft {
		out = append(out, fmt.Sprintf("The %s to %s is ready for your review.", strings.ToLower(templateLabel(t)), name))
	}
	return strings.Join(out, " ")
}

// nowState says where a letter stands after a change.
func nowState(o letters.Outcome, name string) string {
	return fmt.Sprintf("%s's letter is now: %s.", name, stateLabel(string(o.Letter.State)))
}

// markUploaded serves POST /writers/{writer}/uploaded: the applicant saw
// the letter in MyERAS (the answer to an upload notice lorkeeper could
// not verify).
func (s *Server) markUploaded(w http.ResponseWriter, r *http.Request) {
	wr, ok := s.lookupWriter(w, r)
	if !ok {
		return
	}
	o, err := s.k.MarkUploaded(r.Context(), wr.ID, keeper.ByDashboard)
	if err != nil {
		s.fail(w, r, statusOf(err), fmt.Sprintf("%s's letter was not marked uploaded: %s", wr.Name, sentence(err)), err)
		return
	}
	s.log.Info("dashboard: letter marked uploaded", "writer", wr.ID, "state", o.Letter.State)
	msg := strings.TrimSpace(fmt.Sprintf("Recorded: %s's letter is in MyERAS. lorkeeper stops reminding them. %s", wr.Name, madeNote(o, wr.Name)))
	s.redirect(w, r, back(r, wr.ID, "/"), msg)
}

// markAssigned serves POST /letters/{letter}/assigned: the applicant
// assigned the letter to their programs in MyERAS.
func (s *Server) markAssigned(w http.ResponseWriter, r *http.Request) {
	id := r.PathValue("letter")
	note, err := s.k.MarkAssigned(r.Context(), id, keeper.ByDashboard)
	if err != nil {
		s.fail(w, r, statusOf(err), "That was not recorded: "+sentence(err), err)
		return
	}
	s.log.Info("dashboard: letter marked assigned", "letter", id)
	s.redirect(w, r, "/", "Recorded: "+strings.TrimSuffix(note, ".")+".")
}

// dismissClaim serves POST /writers/{writer}/not-uploaded: the
// applicant checked MyERAS and the announced letter is not there.
func (s *Server) dismissClaim(w http.ResponseWriter, r *http.Request) {
	wr, ok := s.lookupWriter(w, r)
	if !ok {
		return
	}
	if err := s.k.DismissClaim(r.Context(), wr.ID, keeper.ByDashboard); err != nil {
		s.fail(w, r, statusOf(err), fmt.Sprintf("That was not recorded: %s", sentence(err)), err)
		return
	}
	s.log.Info("dashboard: upload notice dismissed", "writer", wr.ID)
	s.redirect(w, r, back(r, wr.ID, "/"), fmt.Sprintf("Noted: %s's letter is not in MyERAS yet. Nothing changes: lorkeeper keeps waiting for the upload and reminds them as planned. Do not click the links in that message.", wr.Name))
}

// setState serves POST /writers/{writer}/set: state, any lifecycle
// state.
func (s *Server) setState(w http.ResponseWriter, r *http.Request) {
	wr, ok := s.lookupWriter(w, r)
	if !ok {
		return
	}
	st, err := letters.ParseState(r.PostForm.Get("state"))
	if err != nil {
		s.fail(w, r, http.StatusBadRequest, "Choose where the letter stands from the list.", nil)
		return
	}
	o, err := s.k.Set(r.Context(), wr.ID, st, keeper.ByDashboard)
	if err != nil {
		s.fail(w, r, statusOf(err), fmt.Sprintf("%s's letter was not changed: %s", wr.Name, sentence(err)), err)
		return
	}
	s.log.Info("dashboard: state set", "writer", wr.ID, "state", st)
	msg := nowState(o, wr.Name) + " " + stateEffect(st) + " " + madeNote(o, wr.Name)
	s.redirect(w, r, "/writers/"+wr.ID, strings.TrimSpace(msg+" If this was a mistake, use “Undo my last change”."))
}

// correct serves POST /writers/{writer}/correct: kind, what the writer's
// latest reply really was.
func (s *Server) correct(w http.ResponseWriter, r *http.Request) {
	wr, ok := s.lookupWriter(w, r)
	if !ok {
		return
	}
	kind := letters.Reply(r.PostForm.Get("kind"))
	if !slices.Contains(letters.Replies(), kind) {
		s.fail(w, r, http.StatusBadRequest, "Choose what the writer meant from the list.", nil)
		return
	}
	o, err := s.k.Correct(r.Context(), wr.ID, kind, keeper.ByDashboard)
	if err != nil {
		s.fail(w, r, statusOf(err), fmt.Sprintf("The reply of %s was not corrected: %s", wr.Name, sentence(err)), err)
		return
	}
	if r.PostForm.Get("confirm") != "" && !o.Changed && len(o.Draft) == 0 {
		s.log.Info("dashboard: reply confirmed", "writer", wr.ID, "kind", kind)
		s.redirect(w, r, "/writers/"+wr.ID, fmt.Sprintf("Thank you: %s's reply stays %s.", wr.Name, templates.DescribeKind(string(kind))))
		return
	}
	s.log.Info("dashboard: reply corrected", "writer", wr.ID, "kind", kind, "state", o.Letter.State)
	msg := fmt.Sprintf("You said %s's reply was %s. %s %s", wr.Name, templates.DescribeKind(string(kind)), nowState(o, wr.Name), madeNote(o, wr.Name))
	s.redirect(w, r, "/writers/"+wr.ID, strings.TrimSpace(msg)+" If this was a mistake, use “Undo my last change”.")
}

// undo serves POST /writers/{writer}/undo.
func (s *Server) undo(w http.ResponseWriter, r *http.Request) {
	wr, ok := s.lookupWriter(w, r)
	if !ok {
		return
	}
	ctx := r.Context()
	c, ok, err := s.k.LastChange(ctx, wr.ID)
	if err != nil {
		s.fail(w, r, statusOf(err), fmt.Sprintf("The history of %s could not be read: %s", wr.Name, sentence(err)), err)
		return
	}
	if !ok || !c.Undoable {
		msg := fmt.Sprintf("There is no change of yours to undo for %s.", wr.Name)
		if ok && !c.Undone {
			msg = fmt.Sprintf("Your last change (%s) can no longer be undone: %s's letter has moved on since. Set where the letter stands instead.", strings.ToLower(changeLabel(c.History)), wr.Name)
		}
		s.fail(w, r, http.StatusConflict, msg, nil)
		return
	}
	if _, err := s.k.Undo(ctx, wr.ID, keeper.ByDashboard); err != nil {
		s.fail(w, r, http.StatusConflict, fmt.Sprintf("Your last change to %s's letter was not undone: %s", wr.Name, sentence(err)), err)
		return
	}
	s.log.Info("dashboard: change undone", "writer", wr.ID, "event", c.Event)
	s.redirect(w, r, "/writers/"+wr.ID, fmt.Sprintf("Undone: %s. %s's letter is back to: %s.", strings.ToLower(changeLabel(c.History)), wr.Name, stateLabel(string(c.From))))
}

// heldDraft is the draft of the request's path if it is held, waiting for
// the applicant to say whether it arrived; otherwise it answers the
// request itself and reports false.
func (s *Server) heldDraft(w http.ResponseWriter, r *http.Request) (store.Draft, bool) {
	d, ok := s.pathDraft(w, r)
	if !ok {
		return d, false
	}
	if d.Status != store.Held {
		s.fail(w, r, http.StatusConflict, fmt.Sprintf("Draft #%d is not waiting for you to say whether it arrived: it is %s.", d.ID, strings.ToLower(statusLabel(d.Status))), nil)
		return d, false
	}
	return d, true
}

// markSent serves POST /drafts/{id}/sent: a held email did arrive.
func (s *Server) markSent(w http.ResponseWriter, r *http.Request) {
	d, ok := s.heldDraft(w, r)
	if !ok {
		return
	}
	if err := s.k.MarkSent(r.Context(), d.ID); err != nil {
		s.fail(w, r, http.StatusConflict, fmt.Sprintf("Draft #%d was not recorded as sent: %s", d.ID, sentence(err)), err)
		return
	}
	s.log.Info("dashboard: held draft marked sent", "draft", d.ID, "writer", d.Writer)
	s.redirect(w, r, back(r, d.Writer, fmt.Sprintf("/drafts/%d", d.ID)),
		fmt.Sprintf("Recorded: the %s to %s arrived. It will not be sent again.", strings.ToLower(templateLabel(d.Template)), s.writerName(d)))
}

// sendAgain serves POST /drafts/{id}/send-again: a held email goes out
// once more, on the applicant's word that two copies are acceptable.
func (s *Server) sendAgain(w http.ResponseWriter, r *http.Request) {
	d, ok := s.heldDraft(w, r)
	if !ok {
		return
	}
	if err := s.k.SendAgain(r.Context(), d.ID); err != nil {
		s.fail(w, r, http.StatusConflict, fmt.Sprintf("Draft #%d was not sent again: %s", d.ID, sentence(err)), err)
		return
	}
	s.log.Info("dashboard: held draft sent again", "draft", d.ID, "writer", d.Writer)
	s.redirect(w, r, back(r, d.Writer, "/"),
		fmt.Sprintf("Sending again: the %s to %s. %s", strings.ToLower(templateLabel(d.Template)), s.writerName(d), s.sendingNote(r.Context())))
}
