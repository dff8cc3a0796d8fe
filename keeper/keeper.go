// Package keeper is what lorkeeper does for one applicant: it turns events
// (a reply read, a draft sent, the applicant's decision, time passing)
// into lifecycle transitions, history and new drafts, all in the state
// store. The daemon, the command line and the dashboard all act through a
// Keeper, so they agree on every rule.
//
// A Keeper does no network I/O. Its methods open store transactions; the
// *Tx variants run inside a transaction the caller already holds.
package keeper

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/lorkeeper/lorkeeper/classify"
	"github.com/lorkeeper/lorkeeper/clock"
	"github.com/lorkeeper/lorkeeper/config"
	"github.com/lorkeeper/lorkeeper/letters"
	"github.com/lorkeeper/lorkeeper/reader"
	"github.com/lorkeeper/lorkeeper/store"
	"github.com/lorkeeper/lorkeeper/templates"
)

// Keeper applies the letter lifecycle for one applicant. It owns the
// applicant's store: other packages act on the state only through its
// methods.
type Keeper struct {
	cfg   *config.Config
	st    *store.Store
	tmpl  *templates.Set
	log   *slog.Logger
	clock clock.Clock

	lookupTXT func(domain string) ([]string, error) // DKIM keys; nil is DNS
	classify  func(*reader.Message) classify.Result // classify.Classify; tests make it panic
}

// Option changes a Keeper.
type Option func(*Keeper)

// WithLookupTXT makes the keeper resolve DKIM keys with f instead of DNS
// (tests sign portal notices with keys of their own).
func WithLookupTXT(f func(domain string) ([]string, error)) Option {
	return func(k *Keeper) { k.lookupTXT = f }
}

// New returns a Keeper on an open store (the caller closes it). clk is
// the clock of everything the applicant's daemon schedules (nil for the
// system clock).
func New(cfg *config.Config, st *store.Store, tmpl *templates.Set, log *slog.Logger, clk clock.Clock, opts ...Option) *Keeper {
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	k := &Keeper{cfg: cfg, st: st, tmpl: tmpl, log: log, clock: clock.Or(clk), classify: classify.Classify}
	for _, o := range opts {
		o(k)
	}
	return k
}

// Config returns the applicant's configuration.
func (k *Keeper) Config() *config.Config { return k.cfg }

// Clock returns the keeper's clock.
func (k *Keeper) Clock() clock.Clock { return k.clock }

// Now returns the keeper's clock reading.
func (k *Keeper) Now() time.Time { return k.clock.Now() }

func (k *Keeper) now() time.Time { return k.clock.Now() }

// Changes returns a channel closed at the next change this process makes
// to the state (an approval on the dashboard, a reply recorded).
func (k *Keeper) Changes() <-chan struct{} { return k.st.Changes() }

// Version returns a number that changes whenever anything is committed
// to the state, by any process (the command line approving a draft).
func (k *Keeper) Version(ctx context.Context) (int64, error) { return k.st.Version(ctx) }

// Policy is the reminder schedule from the config.
func (k *Keeper) Policy() letters.Policy {
	s := k.cfg.Schedule
	loc := k.cfg.Applicant.Location
	if loc == nil {
		loc = time.UTC
	}
	return letters.Policy{
		FirstAfter: s.FirstReminderAfter.D(), Every: s.ReminderEvery.D(), Max: k.cfg.MaxReminders(),
		Deadline: k.cfg.Applicant.Due.Date, BusinessHours: k.cfg.BusinessHours(), Location: loc,
	}
}

// ErrUnknownWriter is returned for a writer id the config does not name.
var ErrUnknownWriter = errors.New("no such writer")

func (k *Keeper) writer(id string) (config.Writer, error) {
	w, ok := k.cfg.Writer(id)
	if !ok {
		ids := make([]string, len(k.cfg.Writers))
		for i, w := range k.cfg.Writers {
			ids[i] = w.ID
		}
		return w, fmt.Errorf("%w %q (writers: %s)", ErrUnknownWriter, id, strings.Join(ids, ", "))
	}
	return w, nil
}

// letter returns the stored letter of w, or its initial state.
func letterOf(tx *store.Tx, w config.Writer) (letters.Letter, error) {
	row, err := tx.Letter(w.ID)
	if errors.Is(err, store.ErrNotFound) {
		return letters.New(w.ID, w.Asked == "in_person"), nil
	}
	return row.Letter, err
}

// Actor says who made a change, for the history: lorkeeper itself, or
// the applicant and where.
type Actor string

// Actors.
const (
	ByLorkeeper   Actor = ""
	ByCommandLine Actor = "you, on the command line"
	ByDashboard   Actor = "you, on the dashboard"
	ByMailApp     Actor = "you, in your mail app"
)

// ApplyTx applies e to writer w's letter inside tx: it stores the new
// letter, a history line, the drafts the lifecycle asks for, and discards
// the pending drafts it cancels.
func (k *Keeper) ApplyTx(tx *store.Tx, w config.Writer, e letters.Event) (letters.Outcome, error) {
	return k.applyTx(tx, w, e, ByLorkeeper, "")
}

// applyTx is ApplyTx by actor, about ref (recorded in the history line).
func (k *Keeper) applyTx(tx *store.Tx, w config.Writer, e letters.Event, actor Actor, ref string) (letters.Outcome, error) {
	st, err := k.stepTx(tx, w, e)
	if err != nil {
		return st.Outcome, err
	}
	o := st.Outcome
	if actor != ByLorkeeper {
		// The applicant looked at this writer and decided: a reply
		// lorkeeper was unsure of needs no more reading.
		if err := tx.SetRead(w.ID); err != nil {
			return o, err
		}
	}
	if o.Changed || len(o.Draft) > 0 || st.note != o.Note || actor != ByLorkeeper {
		err := tx.AddHistory(store.History{Writer: w.ID, At: k.now(), Event: eventName(e),
			From: st.before.State, To: o.Letter.State, Note: st.note, Actor: string(actor),
			Before: &st.before, After: &o.Letter, Drafts: st.made, Ref: ref})
		if err != nil {
			return o, err
		}
	}
	return o, nil
}

// step is what one event did: the outcome, the letter before it, the
// drafts it prepared and the history note that says so.
type step struct {
	letters.Outcome
	before letters.Letter
	made   []int64
	note   string
}

// stepTx applies e to w's letter inside tx, without the history line.
func (k *Keeper) stepTx(tx *store.Tx, w config.Writer, e letters.Event) (step, error) {
	now := k.now()
	if e.At.IsZero() {
		e.At = now
	}
	l, err := letterOf(tx, w)
	if err != nil {
		return step{}, err
	}
	if e.Pending, err = tx.OpenTemplates(w.ID); err != nil {
		return step{}, err
	}
	o, err := letters.Apply(l, e, k.Policy())
	if err != nil {
		return step{Outcome: o}, err
	}
	st := step{Outcome: o, before: l, note: o.Note}
	if len(o.Cancel) > 0 {
		n, err := tx.DiscardTemplates(w.ID, o.Cancel, now)
		if err != nil {
			return st, err
		}
		if n > 0 {
			st.note = joinNote(st.note, fmt.Sprintf("%d pending %s discarded", n, plural(n, "draft", "drafts")))
		}
	}
	for _, t := range o.Draft {
		id, err := k.draftTx(tx, w, o.Letter, t, now)
		if err != nil {
			return st, err
		}
		st.made = append(st.made, id)
		st.note = joinNote(st.note, fmt.Sprintf("draft #%d (%s) prepared", id, templates.Describe(t)))
	}
	if err := tx.PutLetter(o.Letter, now); err != nil {
		return st, err
	}
	return st, nil
}

func eventName(e letters.Event) string {
	switch e.Type {
	case letters.Replied:
		return "reply:" + string(e.Reply)
	case letters.Sent:
		return string(e.Type) + ":" + e.Template
	case letters.Resolved:
		return "resolve:" + e.Decision
	}
	return string(e.Type)
}

// Start plans the first email of every writer who has none yet (the ask,
// or the follow-up for writers asked in person). It returns the number of
// drafts created. Run calls it at start-up; it is idempotent.
func (k *Keeper) Start(ctx context.Context) (int, error) {
	n := 0
	err := k.st.Update(ctx, func(tx *store.Tx) error {
		for _, w := range k.cfg.Writers {
			o, err := k.ApplyTx(tx, w, letters.Event{Type: letters.Start})
			if err != nil {
				return fmt.Errorf("plan %s: %w", w.ID, err)
			}
			n += len(o.Draft)
		}
		return nil
	})
	return n, err
}

// Tick drafts the reminders that are due and returns how many.
func (k *Keeper) Tick(ctx context.Context) (int, error) {
	now := k.now()
	p := k.Policy()
	var due []config.Writer
	err := k.st.View(ctx, func(tx *store.Tx) error {
		for _, w := range k.cfg.Writers {
			row, err := tx.Letter(w.ID)
			if errors.Is(err, store.ErrNotFound) {
				continue
			}
			if err != nil {
				return err
			}
			if next, ok := letters.NextReminder(row.Letter, p); ok && !now.Before(next) {
				due = append(due, w)
			}
		}
		return nil
	})
	if err != nil || len(due) == 0 {
		return 0, err
	}
	n := 0
	err = k.st.Update(ctx, func(tx *store.Tx) error {
		for _, w := range due {
			o, err := k.ApplyTx(tx, w, letters.Event{Type: letters.Tick, At: now})
			if err != nil {
				return fmt.Errorf("remind %s: %w", w.ID, err)
			}
			n += len(o.Draft)
		}
		return nil
	})
	return n, err
}

// Resolve records the applicant's decision on a writer, after any reply:
// keep (the flag was wrong), replace (ask whom else, and drop them) or
// drop.
func (k *Keeper) Resolve(ctx context.Context, writer, decision string, by Actor) (letters.Outcome, error) {
	w, err := k.writer(writer)
	if err != nil {
		return letters.Outcome{}, err
	}
	if !slices.Contains([]string{letters.Keep, letters.Replace, letters.Drop}, decision) {
		return letters.Outcome{}, fmt.Errorf("resolve %s: %q is not a decision: use keep, replace or drop", writer, decision)
	}
	var o letters.Outcome
	err = k.st.Update(ctx, func(tx *store.Tx) error {
		o, err = k.applyTx(tx, w, letters.Event{Type: letters.Resolved, Decision: decision}, by, "")
		return err
	})
	if err != nil {
		return o, fmt.Errorf("resolve %s: %w", writer, err)
	}
	return o, nil
}

// sentTx records, inside tx, what a sent draft does to its letter.
func (k *Keeper) sentTx(tx *store.Tx, d store.Draft) error {
	if d.Template == TDigest {
		return nil
	}
	w, err := k.writer(d.Writer)
	if err != nil {
		return nil // a writer removed from the config: nothing to move
	}
	_, err = k.ApplyTx(tx, w, letters.Event{Type: letters.Sent, Template: d.Template})
	return err
}

func joinNote(a, b string) string {
	if a == "" {
		return b
	}
	return a + "; " + b
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}

// attachmentLabel names a packet file for the email body.
func attachmentLabel(kind, path string) string {
	return fmt.Sprintf("%s (%s)", kind, filepath.Base(path))
}
