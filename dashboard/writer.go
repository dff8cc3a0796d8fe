package dashboard

import (
	"fmt"
	"net/http"
	"slices"
	"time"

	"github.com/lorkeeper/lorkeeper/letters"
	"github.com/lorkeeper/lorkeeper/store"
)

// writerPage is a letter's history: who the writer is, where the letter
// stands, the emails both ways, and every step lorkeeper recorded.
type writerPage struct {
	page
	Writer       writerInfo
	Card         card
	Conversation []entry
	Drafts       []draftLink // drafts not sent (yet): awaiting review, approved, failed, discarded
	History      []historyLine
	Control      control
}

// control is the writer page's "Change this letter": undo, decide, set.
type control struct {
	Undo     *undoInfo // the change "Undo my last change" takes back; nil if none
	UndoGone string    // the last change, when it can no longer be undone
	Decide   bool      // keep, replace or drop is offered (after any reply)
	Flagged  bool      // the decision is on a hesitant reply
	States   []option
}

// undoInfo describes the change Undo takes back.
type undoInfo struct {
	What string // "You set the letter to “Declined”"
	When string
	Who  string
	From string // the state it goes back to
}

// entry is one email of the conversation: one the applicant sent, or a
// reply read.
type entry struct {
	at       time.Time
	Sent     bool
	When     string
	Subject  string
	DraftID  int64
	Template string
	Body     string   // a sent email's text
	Reply    *message // a reply
}

// historyLine is one line of keeper.History.
type historyLine struct {
	When  string
	Event string
	Who   string // "by you, on the dashboard", "by lorkeeper"
	From  string
	To    string
	Note  string
}

// writer serves GET /writers/{writer}.
func (s *Server) writer(w http.ResponseWriter, r *http.Request) {
	wr, ok := s.lookupWriter(w, r)
	if !ok {
		return
	}
	ctx := r.Context()
	readFail := func(what string, err error) {
		s.fail(w, r, statusOf(err), fmt.Sprintf("The %s of %s could not be read: %s", what, wr.Name, sentence(err)), err)
	}
	row, err := s.row(ctx, wr.ID)
	if err != nil {
		readFail("letter", err)
		return
	}
	hs, err := s.k.History(ctx, wr.ID)
	if err != nil {
		readFail("history", err)
		return
	}
	ms, err := s.k.Messages(ctx, wr.ID)
	if err != nil {
		readFail("messages", err)
		return
	}
	ds, err := s.k.Drafts(ctx)
	if err != nil {
		readFail("drafts", err)
		return
	}
	c := clock{now: s.k.Now(), loc: s.location()}
	pending := map[int64]store.Draft{}
	for _, d := range ds {
		if d.Status == store.Pending {
			pending[d.ID] = d
		}
	}
	p := writerPage{page: s.newPage(w, r, wr.Name), Writer: describe(wr)}
	days := 0
	if dl := s.k.Config().Applicant.Deadline; !dl.IsZero() {
		days = c.daysUntil(s.k.Policy().Deadline)
	}
	var stuck []store.Draft
	for _, d := range ds {
		if d.Writer == wr.ID && (d.Status == store.Failed || d.Status == store.Held) {
			stuck = append(stuck, d)
		}
	}
	p.Card = s.card(row, pending, troubles(stuck)[wr.ID], c, !s.k.Config().Applicant.Deadline.IsZero(), days)
	for _, d := range ds {
		if d.Writer != wr.ID {
			continue
		}
		if d.Status == store.Sent {
			p.Conversation = append(p.Conversation, entry{at: d.SentAt, Sent: true, When: c.at(d.SentAt),
				Subject: d.Subject, DraftID: d.ID, Template: d.Template, Body: d.Text})
			continue
		}
		p.Drafts = append(p.Drafts, draftLink{ID: d.ID, Label: templateLabel(d.Template), Subject: d.Subject, Status: d.Status})
	}
	for i, m := range ms {
		v := s.message(wr, m, nil)
		if i == len(ms)-1 {
			v.Correct = newCorrectForm(p.CSRF, wr, v)
		}
		p.Conversation = append(p.Conversation, entry{at: m.Date, When: v.Date, Subject: m.Subject, Reply: &v})
	}
	slices.SortStableFunc(p.Conversation, func(a, b entry) int { return a.at.Compare(b.at) })
	slices.Reverse(p.Drafts)
	for i := len(hs) - 1; i >= 0; i-- {
		h := hs[i]
		l := historyLine{When: c.at(h.At), Event: eventLabel(h.Event), Who: actorLabel(h.Actor, h.Event), Note: cleanNote(h.Note)}
		if h.Actor != "" {
			l.Event = changeLabel(h)
		}
		if h.From != h.To && h.To != "" {
			l.From, l.To = stateLabel(string(h.From)), stateLabel(string(h.To))
		}
		p.History = append(p.History, l)
	}
	ch, ok, err := s.k.LastChange(ctx, wr.ID)
	if err != nil {
		readFail("history", err)
		return
	}
	p.Control = control{States: stateOptions(row.State), Flagged: row.Flagged && row.State == string(letters.Flagged),
		Decide: len(ms) > 0 && row.State != string(letters.Uploaded) && row.State != string(letters.Done)}
	switch {
	case ok && ch.Undoable:
		p.Control.Undo = &undoInfo{What: changeLabel(ch.History), When: c.at(ch.At), Who: actorLabel(ch.Actor, ch.Event),
			From: stateLabel(string(ch.Before.State))}
	case ok && !ch.Undone:
		p.Control.UndoGone = changeLabel(ch.History)
	}
	s.render(w, r, http.StatusOK, "writer", p)
}
