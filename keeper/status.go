package keeper

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/lorkeeper/lorkeeper/config"
	"github.com/lorkeeper/lorkeeper/letters"
	"github.com/lorkeeper/lorkeeper/lockfile"
	"github.com/lorkeeper/lorkeeper/store"
)

// Row is one writer's line in `status`, the digest and the dashboard.
type Row struct {
	Writer        string    `json:"writer"`
	Name          string    `json:"name"`
	Email         string    `json:"email"`
	State         string    `json:"state"`
	LastReplyKind string    `json:"last_reply_kind"`
	Flagged       bool      `json:"flagged"`
	FlagReason    string    `json:"flag_reason,omitempty"`
	Evidence      []string  `json:"evidence,omitempty"`
	RequestedAt   time.Time `json:"requested_at,omitzero"`
	DaysSince     int       `json:"days_since_request"` // -1 before the request
	NextStep      string    `json:"next_step"`
	NextDate      time.Time `json:"next_date,omitzero"`
	Radiologist   bool      `json:"radiologist"`
	US            bool      `json:"us"`
	Role          string    `json:"role"`
	Reminders     int       `json:"reminders"`
	Drafts        []int64   `json:"drafts,omitempty"`   // drafts awaiting review
	Failures      []string  `json:"failures,omitempty"` // sends that failed for good, or are held
	// Claims are upload notices that could not be verified: the letter
	// stays as it is until the applicant confirms in MyERAS.
	Claims []string `json:"claims,omitempty"`
	// Unsure is the writer's reply lorkeeper was not sure it read right,
	// until the applicant confirms or corrects it; nil if there is none.
	Unsure *UnsureReply `json:"unsure,omitempty"`
	// Letters are the writer's ERAS letters (one, or a specialty and a
	// preliminary-year letter), each uploaded and assigned on its own.
	Letters []LetterRow `json:"letters"`
}

// UnsureReply is a reply lorkeeper read with low confidence: the letter
// moved by its best guess, and the applicant is asked to read it.
type UnsureReply struct {
	Message    int64     `json:"message"`
	Subject    string    `json:"subject"`
	ReceivedAt time.Time `json:"received_at"`
	Kind       string    `json:"kind"`
	Confidence float64   `json:"confidence"`
	Reason     string    `json:"reason"`
	Evidence   []string  `json:"evidence,omitempty"`
}

// Words says it for the applicant, with the command that settles it.
func (u UnsureReply) Words(writer string) string {
	why := u.Reason
	if why == "" {
		why = "it took it as " + kindWords(letters.Reply(u.Kind))
	}
	return fmt.Sprintf("lorkeeper is not sure it read the reply %q right (%.0f%% sure): %s. Read it, then run `lorkeeper correct %s KIND` (%s if it is right)",
		u.Subject, 100*u.Confidence, why, writer, u.Kind)
}

// LetterRow is one ERAS letter in `status`.
type LetterRow struct {
	ID         string    `json:"id"`
	Label      string    `json:"label"`
	LetterID   string    `json:"letter_id,omitempty"`
	State      string    `json:"state"` // requested | uploaded | assigned | dropped
	UploadedAt time.Time `json:"uploaded_at,omitzero"`
	AssignedAt time.Time `json:"assigned_at,omitzero"`
}

// Status returns one row per writer of the config, in config order.
func (k *Keeper) Status(ctx context.Context) ([]Row, error) {
	var rows []Row
	err := k.st.View(ctx, func(tx *store.Tx) error {
		var err error
		rows, err = k.statusTx(tx)
		return err
	})
	return rows, err
}

func (k *Keeper) statusTx(tx *store.Tx) ([]Row, error) {
	now := k.now()
	p := k.Policy()
	var rows []Row
	for _, w := range k.cfg.Writers {
		l, err := letterOf(tx, w)
		if err != nil {
			return nil, err
		}
		ds, err := tx.Drafts(w.ID, store.Pending, store.Approved, store.Sending, store.Held, store.Failed)
		if err != nil {
			return nil, err
		}
		r := Row{Writer: w.ID, Name: w.Name, Email: w.Email, State: string(l.State),
			LastReplyKind: string(l.LastReplyKind), Flagged: l.Flagged, FlagReason: l.FlagReason,
			Evidence: l.Evidence, RequestedAt: l.RequestedAt, DaysSince: -1,
			Radiologist: w.Radiologist(), US: w.US(), Role: w.Role, Reminders: l.Reminders}
		if !l.RequestedAt.IsZero() {
			r.DaysSince = int(now.Sub(l.RequestedAt).Hours() / 24)
		}
		var pending, sending []store.Draft
		for _, d := range ds {
			switch d.Status {
			case store.Pending:
				pending = append(pending, d)
				r.Drafts = append(r.Drafts, d.ID)
			case store.Approved, store.Sending:
				sending = append(sending, d)
			case store.Failed:
				r.Failures = append(r.Failures, fmt.Sprintf("draft #%d (%s) not sent: %s", d.ID, d.Template, d.LastError))
			case store.Held:
				r.Failures = append(r.Failures, fmt.Sprintf("draft #%d (%s) may or may not have reached the writer: %s", d.ID, d.Template, d.LastError))
			}
		}
		r.NextStep, r.NextDate = nextStep(w, l, pending, sending, p)
		ls, err := k.lettersTx(tx, w)
		if err != nil {
			return nil, err
		}
		for _, x := range ls {
			r.Letters = append(r.Letters, LetterRow{ID: x.ID, Label: x.Label(), LetterID: x.LetterID, State: x.State,
				UploadedAt: x.Rec.UploadedAt, AssignedAt: x.Rec.AssignedAt})
		}
		ms, err := tx.Messages(w.ID)
		if err != nil {
			return nil, err
		}
		for _, m := range ms {
			if m.Unsure && m.Corrected == "" {
				r.Unsure = &UnsureReply{Message: m.ID, Subject: m.Subject, ReceivedAt: m.ReceivedAt, Kind: m.Kind,
					Confidence: m.Confidence, Reason: m.Reason, Evidence: m.Evidence}
			}
			if m.Claim == store.ClaimOpen {
				r.Claims = append(r.Claims, fmt.Sprintf("a message from %s (%s) says the letter was uploaded, but it could not be verified: check MyERAS, then run `lorkeeper mark %s uploaded`",
					m.From, m.ReceivedAt.In(p.Location).Format("Jan 2"), w.ID))
			}
		}
		if r.Unsure != nil && !r.Flagged { // a flag's step comes first: it asks for the same reading
			u := r.Unsure
			r.NextStep = fmt.Sprintf("lorkeeper is not sure of their reply (%.0f%% sure it is %s): read it, then lorkeeper correct %s KIND",
				100*u.Confidence, kindWords(letters.Reply(u.Kind)), w.ID)
			r.NextDate = time.Time{}
		}
		rows = append(rows, r)
	}
	return rows, nil
}

// nextStep says, in plain words, what happens next for a letter.
func nextStep(w config.Writer, l letters.Letter, pending, sending []store.Draft, p letters.Policy) (string, time.Time) {
	if l.Flagged {
		if l.State == letters.Flagged {
			return fmt.Sprintf("your decision: lorkeeper resolve %s keep|replace|drop", w.ID), time.Time{}
		}
		return fmt.Sprintf("%s: do not open it; ask the writer to upload it through the AAMC link, then lorkeeper resolve %s keep", l.FlagReason, w.ID), time.Time{}
	}
	if len(pending) > 0 {
		d := pending[0]
		return fmt.Sprintf("review draft #%d (%s)", d.ID, d.Template), time.Time{}
	}
	if len(sending) > 0 {
		d := sending[0]
		return fmt.Sprintf("sending draft #%d (%s)", d.ID, d.Template), d.NextAttemptAt
	}
	switch l.State {
	case letters.Planned:
		return "nothing planned: the ask was discarded", time.Time{}
	case letters.Declined:
		return "find another writer", time.Time{}
	case letters.Dropped:
		return "none: dropped", time.Time{}
	case letters.Uploaded:
		return "thank the writer", time.Time{}
	case letters.Done:
		return "none: uploaded and thanked", time.Time{}
	}
	if next, ok := letters.NextReminder(l, p); ok {
		return "reminder", next
	}
	switch l.State {
	case letters.Waiting:
		return "waiting for the upload", time.Time{}
	case letters.Agreed:
		return "send the letter packet", time.Time{}
	}
	return "waiting for a reply", time.Time{}
}

// History returns a writer's history ("" for all writers).
func (k *Keeper) History(ctx context.Context, writer string) ([]store.History, error) {
	if writer != "" {
		if _, err := k.writer(writer); err != nil {
			return nil, err
		}
	}
	var hs []store.History
	err := k.st.View(ctx, func(tx *store.Tx) (err error) {
		hs, err = tx.History(writer)
		return err
	})
	return hs, err
}

// Messages returns the messages read from a writer ("" for all).
func (k *Keeper) Messages(ctx context.Context, writer string) ([]store.Message, error) {
	var ms []store.Message
	err := k.st.View(ctx, func(tx *store.Tx) (err error) {
		ms, err = tx.Messages(writer)
		return err
	})
	return ms, err
}

// Mix is the letter-mix advice for the writers still in play (all of
// them for `check`, when all is true).
func (k *Keeper) Mix(ctx context.Context, all bool) ([]letters.Advice, error) {
	var adv []letters.Advice
	err := k.st.View(ctx, func(tx *store.Tx) (err error) {
		adv, err = k.mixTx(tx, all)
		return err
	})
	return adv, err
}

// The mix is counted in letters, per target: the specialty's letters
// (a general letter counts for every target) against the guide's
// targets, and preliminary-year letters on their own.
func (k *Keeper) mixTx(tx *store.Tx, all bool) ([]letters.Advice, error) {
	var ws []letters.MixWriter
	prelim := 0
	wantPrelim := false
	for _, p := range k.cfg.Programs {
		wantPrelim = wantPrelim || p.Kind == config.KindPrelim
	}
	for _, w := range k.cfg.Writers {
		row, err := tx.Letter(w.ID)
		if err != nil && !errors.Is(err, store.ErrNotFound) {
			return nil, err
		}
		if !all && (row.State == letters.Declined || row.State == letters.Dropped) {
			continue
		}
		for _, l := range w.Letters {
			switch l.Kind {
			case config.KindPrelim:
				prelim++
				wantPrelim = true
				continue
			case config.KindGeneral:
				prelim++
			}
			ws = append(ws, letters.MixWriter{ID: l.ID, Name: w.Name, Radiologist: w.Radiologist(), US: w.US(),
				Research: w.Role == "research", Start: w.ExperienceStart.Time, End: w.ExperienceEnd.Time,
				AskedAt: row.RequestedAt})
		}
	}
	adv := letters.Mix(ws, k.now())
	if wantPrelim {
		if prelim >= 3 {
			adv = append(adv, letters.Advice{OK: true, Text: fmt.Sprintf("%d letters for your preliminary year (general ones included)", prelim)})
		} else {
			adv = append(adv, letters.Advice{Text: fmt.Sprintf("%d %s for your preliminary year: prelim and transitional programs also ask for 3; ask a writer for a second letter, or for a general one", prelim, plural(prelim, "letter", "letters"))})
		}
	}
	return adv, nil
}

// Overview is what `status` says before the letters: whether lorkeeper
// is running and working, and what needs the applicant besides them.
type Overview struct {
	Running    bool            `json:"running"` // a daemon holds this state's lock
	PID        int             `json:"pid,omitempty"`
	Heartbeat  Heartbeat       `json:"heartbeat"`
	Problems   []store.Problem `json:"problems,omitempty"`
	Unreadable []string        `json:"unreadable,omitempty"` // messages that could not be read
	Queued     []store.Draft   `json:"-"`                    // approved, not sent yet
	Due        letters.Due     `json:"due"`                  // when letters must be in, and why
}

// Overview returns the state of the daemon and of the mailbox.
func (k *Keeper) Overview(ctx context.Context) (Overview, error) {
	var o Overview
	pid, held, err := lockfile.Holder(lockfile.For(k.cfg.State))
	if err != nil {
		return o, err
	}
	err = k.st.View(ctx, func(tx *store.Tx) (err error) {
		o, err = k.overviewTx(tx)
		return err
	})
	o.Running, o.PID = held, pid
	o.Due = k.cfg.Applicant.Due
	return o, err
}

// overviewTx is Overview without the lock, which only a process can ask.
func (k *Keeper) overviewTx(tx *store.Tx) (Overview, error) {
	var o Overview
	err := func() error {
		var err error
		if o.Heartbeat, err = heartbeatTx(tx); err != nil {
			return err
		}
		if o.Problems, err = tx.Problems(); err != nil {
			return err
		}
		ms, err := tx.Messages("")
		if err != nil {
			return err
		}
		for _, m := range ms {
			if m.Kind == KindUnreadable {
				o.Unreadable = append(o.Unreadable, fmt.Sprintf("a message in %s (UID %d, %q) could not be read: %s; open it in your mail app",
					m.Mailbox, m.UID, m.Subject, m.Note))
			}
		}
		qs, err := tx.Drafts("", store.Approved, store.Sending)
		for _, d := range qs {
			if d.Template != TDigest {
				o.Queued = append(o.Queued, d)
			}
		}
		return err
	}()
	return o, err
}

// words says, for the digest, whether lorkeeper is working and what
// stands in its way.
func (o Overview) words(loc *time.Location) (string, []string) {
	status := ""
	if !o.Heartbeat.LastSync.IsZero() {
		status = "lorkeeper last read your mailbox " + o.Heartbeat.LastSync.In(loc).Format("Mon Jan 2 at 15:04") + "."
	}
	var problems []string
	for _, p := range o.Problems {
		problems = append(problems, fmt.Sprintf("%s, since %s: %s", p.Source, p.Since.In(loc).Format("Jan 2 15:04"), p.Message))
	}
	problems = append(problems, o.Unreadable...)
	return status, problems
}

// dashboardLink is the address of the dashboard when it is on (without
// its secret: `lorkeeper dashboard` prints the signed-in link).
func (k *Keeper) dashboardLink() (string, bool) {
	if k.cfg.Dashboard.Port == 0 {
		return "", false
	}
	return fmt.Sprintf("http://127.0.0.1:%d/", k.cfg.Dashboard.Port), true
}
