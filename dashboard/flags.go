package dashboard

import (
	"context"
	"errors"
	"fmt"
	"net/http"
	"slices"
	"strings"

	"github.com/lorkeeper/lorkeeper/config"
	"github.com/lorkeeper/lorkeeper/keeper"
	"github.com/lorkeeper/lorkeeper/letters"
	"github.com/lorkeeper/lorkeeper/store"
	"github.com/lorkeeper/lorkeeper/templates"
)

// flagPage is a flagged letter's data: the reply that raised the flag,
// its evidence, and the decision to make.
type flagPage struct {
	page
	Writer    writerInfo
	State     string
	Flagged   bool   // false: nothing to decide (any more)
	Hesitant  bool   // a hesitant reply: keep, replace or drop; otherwise the letter was mailed
	Reason    string // the flag's reason, capitalized
	Reply     *message
	Evidence  []string
	Alternate *draftLink // the pending "who else" email, shown by Replace
}

// writerInfo is what the pages say about a writer.
type writerInfo struct {
	ID          string
	Name        string
	Email       string
	Title       string
	Institution string
	Field       string // "Radiologist" or "Not a radiologist"
	Where       string // "US physician" or "Outside the US (NG)"
	Role        string
	Experience  string
	Asked       string
}

// draftLink points to a draft.
type draftLink struct {
	ID      int64
	Label   string
	Subject string
	Status  store.Status
}

// message is a reply, as the pages show it.
type message struct {
	From     string
	Date     string
	Subject  string
	Kind     string // what the reply is: the applicant's correction, else what lorkeeper read
	Read     string // what lorkeeper read, when the applicant corrected it
	Claim    bool   // an upload notice that could not be verified
	Text     []segment
	Evidence []string
	Note     string
	Back     string       // an automatic reply's return date
	Correct  *correctForm // "This is not what the writer meant", on the latest reply
	// Unsure is set while lorkeeper is not sure it read the reply right
	// and the applicant has not said; Sure is how sure ("61%"), Reason
	// why it read it so.
	Unsure bool
	Sure   string
	Reason string
}

// correctForm is the form that corrects the latest reply's kind.
type correctForm struct {
	CSRF   string
	Writer string
	Name   string
	Kinds  []option
	// Unsure asks "Is this right?" first, with a button that confirms
	// Kind (its label Took, lorkeeper's Reason and how Sure it was).
	Unsure             bool
	Kind, Took, Reason string
	Sure               string
}

// newCorrectForm is the correction form under v, the latest reply.
func newCorrectForm(csrf string, wr config.Writer, v message) *correctForm {
	return &correctForm{CSRF: csrf, Writer: wr.ID, Name: wr.Name, Kinds: kindOptions(v.Kind),
		Unsure: v.Unsure, Kind: v.Kind, Took: templates.DescribeKind(v.Kind), Reason: v.Reason, Sure: v.Sure}
}

// lookupWriter returns the writer of the route's {writer}, answering 404
// when the config names no such writer.
func (s *Server) lookupWriter(w http.ResponseWriter, r *http.Request) (config.Writer, bool) {
	id := r.PathValue("writer")
	wr, ok := s.k.Config().Writer(id)
	if !ok {
		s.fail(w, r, http.StatusNotFound, fmt.Sprintf("There is no writer %q in your configuration.", id), nil)
	}
	return wr, ok
}

func describe(w config.Writer) writerInfo {
	info := writerInfo{ID: w.ID, Name: w.Name, Email: w.Email, Title: w.Title, Institution: w.Institution,
		Field: "Not a radiologist", Where: "Outside the US", Role: "Clinical", Experience: w.Experience,
		Asked: "By email"}
	if w.Radiologist() {
		info.Field = "Radiologist"
	}
	if w.US() {
		info.Where = "US physician"
	} else if w.Country != "" {
		info.Where = "Outside the US (" + w.Country + ")"
	}
	if w.Role == "research" {
		info.Role = "Research"
	}
	if w.Asked == "in_person" {
		info.Asked = "In person"
	}
	return info
}

// row returns the status row of writer id.
func (s *Server) row(ctx context.Context, id string) (keeper.Row, error) {
	rows, err := s.k.Status(ctx)
	if err != nil {
		return keeper.Row{}, err
	}
	for _, r := range rows {
		if r.Writer == id {
			return r, nil
		}
	}
	return keeper.Row{}, fmt.Errorf("status of %s: %w", id, keeper.ErrUnknownWriter)
}

// flag serves GET /flags/{writer}.
func (s *Server) flag(w http.ResponseWriter, r *http.Request) {
	wr, ok := s.lookupWriter(w, r)
	if !ok {
		return
	}
	ctx := r.Context()
	row, err := s.row(ctx, wr.ID)
	if err != nil {
		s.fail(w, r, statusOf(err), fmt.Sprintf("The letter of %s could not be read: %s", wr.Name, sentence(err)), err)
		return
	}
	p := flagPage{page: s.newPage(w, r, "Reply from "+wr.Name), Writer: describe(wr), State: row.State,
		Flagged: row.Flagged, Hesitant: row.State == string(letters.Flagged), Reason: capitalize(row.FlagReason),
		Evidence: row.Evidence}
	ms, err := s.k.Messages(ctx, wr.ID)
	if err != nil {
		s.fail(w, r, http.StatusInternalServerError, fmt.Sprintf("The messages of %s could not be read: %s", wr.Name, sentence(err)), err)
		return
	}
	if m, ok := flagged(ms, row); ok {
		v := s.message(wr, m, row.Evidence)
		if m.ID == ms[len(ms)-1].ID {
			v.Correct = newCorrectForm(p.CSRF, wr, v)
		}
		p.Reply = &v
	}
	ds, err := s.k.Drafts(ctx, store.Pending)
	if err != nil {
		s.fail(w, r, http.StatusInternalServerError, "Your drafts could not be read from the state file: "+sentence(err), err)
		return
	}
	for _, d := range ds {
		if d.Writer == wr.ID && d.Template == letters.TAlternate {
			p.Alternate = &draftLink{ID: d.ID, Label: templateLabel(d.Template), Subject: d.Subject, Status: d.Status}
		}
	}
	s.render(w, r, http.StatusOK, "flag", p)
}

// flagged finds the message that raised row's flag: the latest one whose
// evidence is the flag's, else the latest hesitant one, else the latest.
func flagged(ms []store.Message, row keeper.Row) (store.Message, bool) {
	for i := len(ms) - 1; i >= 0; i-- {
		if len(row.Evidence) > 0 && slices.Equal(ms[i].Evidence, row.Evidence) {
			return ms[i], true
		}
	}
	for i := len(ms) - 1; i >= 0; i-- {
		if ms[i].Kind == string(letters.Hesitant) {
			return ms[i], true
		}
	}
	if len(ms) > 0 {
		return ms[len(ms)-1], true
	}
	return store.Message{}, false
}

// message describes m, a message read for writer w, marking the evidence
// phrases in its text.
func (s *Server) message(w config.Writer, m store.Message, evidence []string) message {
	c := clock{now: s.k.Now(), loc: s.location()}
	ev := append(slices.Clone(m.Evidence), evidence...)
	from := m.From
	if strings.EqualFold(from, w.Email) {
		from = address(w.Name, w.Email)
	}
	v := message{From: from, Date: c.at(m.Date), Subject: m.Subject, Kind: m.Kind, Claim: m.Claim == store.ClaimOpen,
		Text: highlight(strings.TrimSpace(m.NewText), ev), Evidence: m.Evidence, Note: m.Note, Back: c.day(m.ReturnDate)}
	if m.Corrected != "" && m.Corrected != m.Kind {
		v.Kind, v.Read = m.Corrected, m.Kind
	}
	v.Unsure, v.Reason = m.Unsure && m.Corrected == "", m.Reason
	if m.Confidence > 0 {
		v.Sure = fmt.Sprintf("%.0f%%", 100*m.Confidence)
	}
	return v
}

// resolve serves POST /flags/{writer}/resolve: decision=keep|replace|drop.
// Replace opens the alternate email, ready for review.
func (s *Server) resolve(w http.ResponseWriter, r *http.Request) {
	wr, ok := s.lookupWriter(w, r)
	if !ok {
		return
	}
	decision := r.PostForm.Get("decision")
	if !slices.Contains([]string{letters.Keep, letters.Replace, letters.Drop}, decision) {
		s.fail(w, r, http.StatusBadRequest, "Choose Keep, Replace or Drop.", nil)
		return
	}
	ctx := r.Context()
	before, err := s.row(ctx, wr.ID)
	if err != nil {
		s.fail(w, r, statusOf(err), fmt.Sprintf("The letter of %s could not be read: %s", wr.Name, sentence(err)), err)
		return
	}
	o, err := s.k.Resolve(ctx, wr.ID, decision, keeper.ByDashboard)
	var nf letters.ErrNotFlagged
	if errors.As(err, &nf) {
		s.fail(w, r, http.StatusConflict, fmt.Sprintf("There is nothing to decide for %s: the letter is %s.", wr.Name, strings.ToLower(stateLabel(string(nf.State)))), err)
		return
	}
	if err != nil {
		s.fail(w, r, statusOf(err), fmt.Sprintf("Your decision on %s was not recorded: %s", wr.Name, sentence(err)), err)
		return
	}
	s.log.Info("dashboard: flag resolved", "writer", wr.ID, "decision", decision, "state", o.Letter.State)
	ds, err := s.k.Drafts(ctx, store.Pending)
	if err != nil {
		s.fail(w, r, http.StatusInternalServerError, "Your decision is recorded, but your drafts could not be read: "+sentence(err), err)
		return
	}
	pending := func(t string) (int64, bool) {
		for _, d := range ds {
			if d.Writer == wr.ID && d.Template == t {
				return d.ID, true
			}
		}
		return 0, false
	}
	switch {
	case before.Flagged && before.State != string(letters.Flagged):
		s.redirect(w, r, back(r, wr.ID, "/"), fmt.Sprintf("The flag on %s's letter is cleared.", wr.Name))
	case !before.Flagged && decision == letters.Keep:
		s.redirect(w, r, back(r, wr.ID, "/"), fmt.Sprintf("You kept %s: nothing changes, and lorkeeper carries on with this letter.", wr.Name))
	case decision == letters.Replace:
		if id, ok := pending(letters.TAlternate); ok {
			s.redirect(w, r, fmt.Sprintf("/drafts/%d", id), fmt.Sprintf("You replaced %s. Here is the email thanking them and asking who else could write: review it, then approve it.", wr.Name))
			return
		}
		s.redirect(w, r, back(r, wr.ID, "/"), fmt.Sprintf("You replaced %s.", wr.Name))
	case decision == letters.Keep:
		msg := fmt.Sprintf("You kept %s.", wr.Name)
		if _, ok := pending(letters.TFollowUp); ok {
			msg += " The follow-up with your letter packet is ready for your review."
		}
		s.redirect(w, r, back(r, wr.ID, "/"), msg)
	default:
		s.redirect(w, r, back(r, wr.ID, "/"), fmt.Sprintf("You dropped %s. lorkeeper will not write to them again.", wr.Name))
	}
}
