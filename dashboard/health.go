package dashboard

import (
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/lorkeeper/lorkeeper/keeper"
	"github.com/lorkeeper/lorkeeper/store"
)

// health is the top of the board: whether lorkeeper is running and
// working, and everything that stands in its way or waits on the
// applicant besides the letters themselves.
type health struct {
	CSRF       string // the forms' token
	Running    bool
	Stale      bool   // running, but it has not checked in for a while
	PID        int    // the running daemon's
	Since      string // when the running daemon started
	LastBeat   string // its last sign of life, when it is late or gone: "3 hours ago (11:00)"
	LastBeatAt string // the same as a day and time: "Wed Jun 9, 11:00"
	LastRead   string // "2 minutes ago (14:02)", or "" before the first read
	Config     string // the config file's path, for "fix it in …"
	Problems   []problem
	Unreadable []unreadable
	Claims     []claim
	Held       []heldDraft
	Queued     []queuedDraft
}

// problem is a standing problem of a part of lorkeeper.
type problem struct {
	Title string // "lorkeeper cannot read your mailbox"
	Since string
	Text  string // the problem as lorkeeper saw it, with the setting to fix
	Todo  string // what to do, in plain words
}

// unreadable is a message lorkeeper could not read.
type unreadable struct {
	From, Subject, When, Why string
}

// claim is an upload notice that could not be verified.
type claim struct {
	Writer  string
	Name    string
	From    string
	When    string
	Subject string
}

// heldDraft is an email whose sending was interrupted: it may or may
// not have reached the writer.
type heldDraft struct {
	ID    int64
	Label string // "Reminder"
	Name  string // the writer
	Why   string // what happened, without commands
}

// queuedDraft is an approved email that has not left yet.
type queuedDraft struct {
	ID       int64
	Label    string
	Name     string
	Approved string
	Sending  bool   // being sent right now
	Error    string // the last attempt's error, if it failed
	Next     string // the next attempt, after a failure
}

// Attention counts what needs the applicant in the header.
func (h health) Attention() int {
	n := len(h.Problems) + len(h.Unreadable) + len(h.Claims) + len(h.Held)
	if !h.Running || h.Stale {
		n++
	}
	return n
}

// OK reports whether nothing at all needs saying beyond "running".
func (h health) OK() bool { return h.Attention() == 0 }

// health reads the state of the daemon and everything that waits on it.
func (s *Server) health(ctx context.Context) (health, error) {
	o, err := s.k.Overview(ctx)
	if err != nil {
		return health{}, err
	}
	ms, err := s.k.Messages(ctx, "")
	if err != nil {
		return health{}, err
	}
	held, err := s.k.Drafts(ctx, store.Held)
	if err != nil {
		return health{}, err
	}
	cfg := s.k.Config()
	c := clock{now: s.k.Now(), loc: s.location()}
	hb := o.Heartbeat
	h := health{Running: o.Running, PID: o.PID, Config: cfg.Path}
	if o.Running && hb.PID == o.PID {
		h.Since = c.at(hb.Started)
	}
	if !hb.LastSync.IsZero() {
		h.LastRead = c.ago(hb.LastSync)
	}
	if !hb.Beat.IsZero() {
		h.LastBeat, h.LastBeatAt = c.ago(hb.Beat), c.at(hb.Beat)
		every, _ := time.ParseDuration(hb.Interval)
		if every <= 0 {
			every = 30 * time.Second
		}
		h.Stale = o.Running && c.now.Sub(hb.Beat) > max(3*every, 2*time.Minute)
	}
	for _, p := range o.Problems {
		h.Problems = append(h.Problems, describeProblem(p, c, cfg.Path))
	}
	for _, m := range ms {
		switch {
		case m.Kind == keeper.KindUnreadable:
			h.Unreadable = append(h.Unreadable, unreadable{From: m.From, Subject: m.Subject, When: c.at(m.Date), Why: m.Note})
		case m.Claim == store.ClaimOpen:
			name := m.Writer
			if w, ok := cfg.Writer(m.Writer); ok {
				name = w.Name
			}
			h.Claims = append(h.Claims, claim{Writer: m.Writer, Name: name, From: m.From, When: c.day(m.Date), Subject: m.Subject})
		}
	}
	for _, d := range held {
		h.Held = append(h.Held, heldDraft{ID: d.ID, Label: templateLabel(d.Template), Name: s.writerName(d), Why: withoutCommands(d.LastError)})
	}
	for _, d := range o.Queued {
		q := queuedDraft{ID: d.ID, Label: templateLabel(d.Template), Name: s.writerName(d), Approved: c.at(d.ApprovedAt),
			Sending: d.Status == store.Sending, Error: d.LastError}
		if d.LastError != "" && d.NextAttemptAt.After(c.now) {
			q.Next = c.at(d.NextAttemptAt)
		}
		h.Queued = append(h.Queued, q)
	}
	return h, nil
}

// writerName is the name of a draft's writer, as the config has it.
func (s *Server) writerName(d store.Draft) string {
	if w, ok := s.k.Config().Writer(d.Writer); ok {
		return w.Name
	}
	return d.ToName
}

// describeProblem says what a standing problem means for the applicant,
// and what to do about it.
func describeProblem(p store.Problem, c clock, path string) problem {
	v := problem{Since: c.at(p.Since), Text: strings.TrimSpace(p.Message)}
	if !p.UpdatedAt.IsZero() && p.UpdatedAt.Sub(p.Since) > time.Minute {
		v.Since += "; last tried " + c.ago(p.UpdatedAt)
	}
	fix := "Fix the setting it names in your configuration file"
	if path != "" {
		fix += " (" + path + ")"
	}
	switch p.Source {
	case "imap":
		v.Title = "lorkeeper cannot read your mailbox"
		v.Todo = "Until this is fixed, lorkeeper does not see replies or upload notices. " + fix +
			", or the password or app password it points to. lorkeeper tries again by itself; this notice goes away once it can read your mailbox."
	case "smtp":
		v.Title = "lorkeeper cannot send email"
		v.Todo = "Until this is fixed, approved emails wait here and nothing reaches your writers. " + fix +
			", or the password or app password it points to. lorkeeper tries again by itself."
	case "drafts folder":
		v.Title = "lorkeeper cannot update the Drafts folder of your mailbox"
		v.Todo = "Your drafts are safe here on the dashboard; you can review and approve them as usual. " + fix + " if it names one."
	default:
		v.Title = "Something is wrong with " + p.Source
		v.Todo = fix + " if it names one. lorkeeper tries again by itself."
	}
	return v
}

// withoutCommands drops the sentences of a message that tell the
// applicant to type a command: the dashboard offers buttons instead.
func withoutCommands(s string) string {
	var keep []string
	for _, sent := range splitSentences(s) {
		if !strings.Contains(sent, "`") {
			keep = append(keep, sent)
		}
	}
	return strings.Join(keep, " ")
}

// splitSentences splits text after each ". ".
func splitSentences(s string) []string {
	var out []string
	for {
		i := strings.Index(s, ". ")
		if i < 0 {
			break
		}
		out = append(out, strings.TrimSpace(s[:i+1]))
		s = s[i+2:]
	}
	if s = strings.TrimSpace(s); s != "" {
		out = append(out, s)
	}
	return out
}

// sendingNote says who sends an approved email, and when.
func (s *Server) sendingNote(ctx context.Context) string {
	o, err := s.k.Overview(ctx)
	if err != nil || o.Running {
		return "lorkeeper sends it within a few seconds, from your own mailbox."
	}
	return "lorkeeper is not running, so it waits in the queue until you start lorkeeper (the top of your letters page says how)."
}

// ago says when something happened: "just now", "5 minutes ago",
// "3 hours ago (10:02)", or the day and time when it is older.
func (c clock) ago(t time.Time) string {
	d := c.now.Sub(t)
	switch {
	case d < time.Minute:
		return fmt.Sprintf("just now (%s)", t.In(c.loc).Format("15:04"))
	case d < time.Hour:
		n := int(d / time.Minute)
		return fmt.Sprintf("%d %s ago (%s)", n, plural(n, "minute", "minutes"), t.In(c.loc).Format("15:04"))
	case d < 12*time.Hour:
		n := int(d / time.Hour)
		return fmt.Sprintf("%d %s ago (%s)", n, plural(n, "hour", "hours"), t.In(c.loc).Format("15:04"))
	}
	return c.at(t)
}
