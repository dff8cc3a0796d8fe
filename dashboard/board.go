package dashboard

import (
	"fmt"
	"net/http"
	"strings"

	"github.com/lorkeeper/lorkeeper/keeper"
	"github.com/lorkeeper/lorkeeper/letters"
	"github.com/lorkeeper/lorkeeper/store"
	"github.com/lorkeeper/lorkeeper/templates"
)

// boardPage is the board's data.
type boardPage struct {
	page
	Health       health
	Deadline     string // "Wed Sep 1, 2027"
	DueReason    string // why then, when worked back from the review date
	Countdown    string // "92 days left"
	Urgent       bool   // under two weeks to go, or past
	Uploaded     int
	Total        int
	Needed       int // letters still to be uploaded to reach three
	Todo         []todo
	Groups       []group
	Advice       []letters.Advice
	AdviceWarns  int
	NothingToSee bool // no writers at all
}

// todo is one thing waiting for the applicant.
type todo struct {
	Kind   string // "flag", "draft", "problem" or "assign"
	Text   string
	Detail string
	URL    string
	Action string // the link's text
	// Post, when set, is a form's action beside the link, with its
	// button's text Done ("I have assigned it").
	Post, Done string
}

// group is the letters in one state.
type group struct {
	State string
	Label string
	Cards []card
}

// card is one letter on the board.
type card struct {
	Writer      string
	Name        string
	Title       string
	State       string
	Flagged     bool
	FlagReason  string
	Radiologist bool
	US          bool
	Country     string
	Role        string // "Clinical" or "Research"
	Requested   string // "12 days ago (May 20)" or "Not yet"
	Next        string
	NextDate    string
	NextURL     string
	NextAction  string
	Due         string // "In 92 days", for letters still to come
	Urgent      bool
	Reminders   int
	Problems    []string
}

// board serves GET /: every letter by state, what waits for the
// applicant, and the letter-mix advice.
func (s *Server) board(w http.ResponseWriter, r *http.Request) {
	ctx := r.Context()
	rows, err := s.k.Status(ctx)
	if err != nil {
		s.fail(w, r, http.StatusInternalServerError, "Your letters could not be read from the state file: "+sentence(err), err)
		return
	}
	waiting, err := s.k.Drafts(ctx, store.Pending)
	if err != nil {
		s.fail(w, r, http.StatusInternalServerError, "Your drafts could not be read from the state file: "+sentence(err), err)
		return
	}
	stuck, err := s.k.Drafts(ctx, store.Failed, store.Held)
	if err != nil {
		s.fail(w, r, http.StatusInternalServerError, "Your drafts could not be read from the state file: "+sentence(err), err)
		return
	}
	advice, err := s.k.Mix(ctx, false)
	if err != nil {
		s.fail(w, r, http.StatusInternalServerError, "The letter-mix advice could not be made: "+sentence(err), err)
		return
	}
	hl, err := s.health(ctx)
	if err != nil {
		s.fail(w, r, http.StatusInternalServerError, "Whether lorkeeper is running could not be read from the state file: "+sentence(err), err)
		return
	}
	cfg := s.k.Config()
	c := clock{now: s.k.Now(), loc: s.location()}
	p := boardPage{page: s.newPage(w, r, "Your letters"), Total: len(rows), Advice: advice, NothingToSee: len(rows) == 0}
	p.Nav = "board"
	hl.CSRF = p.CSRF
	p.Health = hl
	days := 0
	if dl := cfg.Applicant.Due.Date; !dl.IsZero() {
		days = c.daysUntil(dl)
		p.Deadline = dl.Format("Mon Jan 2, 2006")
		p.DueReason = cfg.Applicant.Due.Reason
		p.Countdown = countdown(days)
		p.Urgent = days < 14
	}
	for _, a := range advice {
		if !a.OK {
			p.AdviceWarns++
		}
	}
	drafts := map[int64]store.Draft{}
	for _, d := range waiting {
		drafts[d.ID] = d
	}
	byState := map[letters.State][]card{}
	trouble := troubles(stuck)
	for _, row := range rows {
		cd := s.card(row, drafts, trouble[row.Writer], c, p.Deadline != "", days)
		byState[letters.State(row.State)] = append(byState[letters.State(row.State)], cd)
		if row.State == string(letters.Uploaded) || row.State == string(letters.Done) {
			p.Uploaded++
		}
		if row.State == string(letters.Declined) || row.State == string(letters.Dropped) {
			p.Total-- // "1 of 3": a writer who declined writes no letter
		}
		if row.Flagged {
			t := todo{Kind: "flag", URL: "/flags/" + row.Writer, Action: "Decide"}
			if row.State == string(letters.Flagged) {
				t.Text = row.Name + " replied hesitantly"
				t.Detail = "Keep them, ask who else could write, or drop them."
				if row.Unsure != nil {
					t.Text = row.Name + " may have replied hesitantly"
					t.Detail = "lorkeeper is not sure it read the reply right: read it, then say what it meant or decide."
					t.Action = "Read it"
				}
			} else {
				t.Text = row.Name + ": " + row.FlagReason
				t.Detail = "Do not open it: a waived letter must stay confidential."
				t.Action = "See what to do"
			}
			p.Todo = append(p.Todo, t)
		} else if u := row.Unsure; u != nil {
			p.Todo = append(p.Todo, todo{Kind: "flag", URL: "/writers/" + row.Writer + "#unsure-" + row.Writer, Action: "Read it",
				Text:   row.Name + "'s reply: lorkeeper is not sure what it says",
				Detail: fmt.Sprintf("It took it as %s. Read it and say whether that is right.", templates.DescribeKind(u.Kind))})
		}
	}
	for _, row := range rows {
		for _, l := range row.Letters {
			if l.State == store.LetterUploaded {
				p.Todo = append(p.Todo, todo{Kind: "assign", Text: fmt.Sprintf("Assign %s's %s to your programs in MyERAS", row.Name, strings.ToLower(l.Label)),
					Detail: "A program sees a letter only once you assign it there.", URL: "/assign", Action: "Which programs",
					Post: "/letters/" + l.ID + "/assigned", Done: "I have assigned it"})
			}
		}
	}
	for _, d := range stuck {
		if d.Status == store.Failed {
			p.Todo = append(p.Todo, todo{Kind: "problem", Text: fmt.Sprintf("The %s to %s was not sent", strings.ToLower(templateLabel(d.Template)), s.writerName(d)),
				Detail: d.LastError, URL: fmt.Sprintf("/drafts/%d", d.ID), Action: "Open"})
		}
	}
	for _, d := range waiting {
		p.Todo = append(p.Todo, todo{Kind: "draft", Text: templateLabel(d.Template) + " to " + d.ToName,
			Detail: d.Subject, URL: fmt.Sprintf("/drafts/%d", d.ID), Action: "Review"})
	}
	for _, st := range states {
		if cs := byState[st]; len(cs) > 0 {
			p.Groups = append(p.Groups, group{State: string(st), Label: stateLabel(string(st)), Cards: cs})
		}
	}
	p.Needed = max(0, 3-p.Uploaded)
	s.render(w, r, http.StatusOK, "board", p)
}

// card describes one row of the status for the board, with the
// problems of its drafts (see troubles). days is the number of days to
// the deadline, if hasDeadline.
func (s *Server) card(row keeper.Row, drafts map[int64]store.Draft, problems []string, c clock, hasDeadline bool, days int) card {
	w, _ := s.k.Config().Writer(row.Writer)
	cd := card{Writer: row.Writer, Name: row.Name, Title: strings.Trim(w.Title+", "+w.Institution, ", "),
		State: row.State, Flagged: row.Flagged, FlagReason: row.FlagReason, Radiologist: row.Radiologist,
		US: row.US, Country: w.Country, Role: "Clinical", Reminders: row.Reminders, Problems: problems}
	if row.Role == "research" {
		cd.Role = "Research"
	}
	if row.DaysSince >= 0 {
		cd.Requested = fmt.Sprintf("%s (%s)", capitalize(ago(row.DaysSince)), c.short(row.RequestedAt))
	} else {
		cd.Requested = "Not yet"
	}
	cd.NextDate = c.at(row.NextDate)
	switch {
	case row.Flagged && row.State == string(letters.Flagged):
		cd.Next = "Your decision: keep, replace or drop"
		cd.NextURL, cd.NextAction = "/flags/"+row.Writer, "Read the reply and decide"
	case row.Flagged:
		cd.Next = capitalize(row.FlagReason) + ": do not open it"
		cd.NextURL, cd.NextAction = "/flags/"+row.Writer, "See what to do"
	case row.Unsure != nil:
		cd.Next = "Read their reply: lorkeeper is not sure it is " + templates.DescribeKind(row.Unsure.Kind)
		cd.NextURL, cd.NextAction = "/writers/"+row.Writer+"#unsure-"+row.Writer, "Read it"
	case len(row.Drafts) > 0:
		d, ok := drafts[row.Drafts[0]]
		cd.Next = fmt.Sprintf("Review draft #%d", row.Drafts[0])
		if ok {
			cd.Next = "Review: " + strings.ToLower(templateLabel(d.Template))
		}
		cd.NextURL, cd.NextAction = fmt.Sprintf("/drafts/%d", row.Drafts[0]), "Review the draft"
	case row.NextStep == "reminder":
		cd.Next = "Reminder planned"
	default:
		cd.Next = capitalize(row.NextStep)
	}
	switch letters.State(row.State) {
	case letters.Planned, letters.Asked, letters.InfoRequested, letters.Agreed, letters.Waiting, letters.Flagged:
		if hasDeadline {
			switch {
			case days > 0:
				cd.Due = fmt.Sprintf("In %d %s", days, plural(days, "day", "days"))
			case days == 0:
				cd.Due = "Today"
			default:
				cd.Due = fmt.Sprintf("%d %s overdue", -days, plural(-days, "day", "days"))
			}
			cd.Urgent = days < 14
		}
	}
	return cd
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// troubles says, for each writer, which of their drafts failed or may
// not have arrived (ds are failed and held drafts).
func troubles(ds []store.Draft) map[string][]string {
	out := map[string][]string{}
	for _, d := range ds {
		label := strings.ToLower(templateLabel(d.Template))
		switch d.Status {
		case store.Failed:
			out[d.Writer] = append(out[d.Writer], fmt.Sprintf("The %s was not sent: %s", label, d.LastError))
		case store.Held:
			out[d.Writer] = append(out[d.Writer], fmt.Sprintf("The %s may or may not have reached them: say whether it arrived at the top of your letters page.", label))
		}
	}
	return out
}
