package keeper

import (
	"context"
	"fmt"
	"regexp"
	"strings"

	"github.com/lorkeeper/lorkeeper/config"
	"github.com/lorkeeper/lorkeeper/letters"
	"github.com/lorkeeper/lorkeeper/store"
)

// LetterState is where one of a writer's ERAS letters stands.
type LetterState struct {
	config.Letter
	State string           // store.LetterRequested, LetterUploaded, LetterAssigned or LetterDropped
	Rec   store.ERASLetter // what is recorded of it (zero when nothing is)
}

// lettersTx returns the writer's letters with their states. A letter
// never recorded is requested, unless the writer's letter as a whole is
// uploaded (a state from before letters were tracked one by one).
func (k *Keeper) lettersTx(tx *store.Tx, w config.Writer) ([]LetterState, error) {
	recs, err := tx.ERASLetters(w.ID)
	if err != nil {
		return nil, err
	}
	l, err := letterOf(tx, w)
	if err != nil {
		return nil, err
	}
	var out []LetterState
	for _, cl := range w.Letters {
		ls := LetterState{Letter: cl, State: store.LetterRequested}
		if r, ok := recs[cl.ID]; ok {
			ls.Rec, ls.State = r, r.State
		} else if l.State == letters.Uploaded || l.State == letters.Done {
			ls.State = store.LetterUploaded
		}
		out = append(out, ls)
	}
	return out, nil
}

// outstanding returns the letters not uploaded yet (and not dropped).
func outstanding(ls []LetterState) []LetterState {
	var out []LetterState
	for _, l := range ls {
		if l.State == store.LetterRequested {
			out = append(out, l)
		}
	}
	return out
}

var (
	prelimWords  = regexp.MustCompile(`(?i)\b(?:prelim\w*|transitional|pgy-?1|internal medicine|surgery)\b`)
	generalWords = regexp.MustCompile(`(?i)\bgeneral\b`)
)

// letterFor decides which of the writer's letters a notice (or a
// writer's "it is uploaded") is about: by its Letter ID, by the words it
// uses (preliminary, general, the specialty), or, when only one is
// outstanding, that one. ok is false when it cannot tell; the first
// outstanding letter is then returned.
func letterFor(ls []LetterState, text string) (LetterState, bool) {
	lower := strings.ToLower(text)
	for _, l := range ls {
		if l.LetterID != "" && strings.Contains(lower, strings.ToLower(l.LetterID)) {
			return l, true
		}
	}
	open := outstanding(ls)
	if len(open) == 0 {
		return ls[0], len(ls) == 1
	}
	if len(open) == 1 {
		return open[0], true
	}
	for _, l := range open {
		switch {
		case l.Kind == config.KindPrelim && prelimWords.MatchString(text):
			return l, true
		case l.Kind == config.KindGeneral && generalWords.MatchString(text):
			return l, true
		case l.Kind == config.KindSpecialty && l.Specialty != "" && strings.Contains(lower, strings.ToLower(l.Specialty)) && !prelimWords.MatchString(text):
			return l, true
		}
	}
	return open[0], false
}

// uploadedTx records that one of w's letters is uploaded (the notice's
// or reply's text says which) and, once every letter is in, moves the
// writer's letter on as uploaded (the thank-you). It returns the event to
// apply to the writer's lifecycle, or none while letters are still to
// come, and a note for the history.
func (k *Keeper) uploadedTx(tx *store.Tx, w config.Writer, text string) (apply bool, note string, marked string, err error) {
	ls, err := k.lettersTx(tx, w)
	if err != nil {
		return false, "", "", err
	}
	l, sure := letterFor(ls, text)
	if l.State == store.LetterRequested {
		rec := l.Rec
		rec.ID, rec.Writer, rec.State, rec.UploadedAt = l.ID, w.ID, store.LetterUploaded, k.now()
		if err := tx.PutERASLetter(rec, k.now()); err != nil {
			return false, "", "", err
		}
		marked = l.ID
	}
	note = "the " + l.Label() + " is uploaded: assign it to your programs in MyERAS"
	if !sure {
		note += fmt.Sprintf(" (the notice did not say which of %s's letters; if it was another, run `lorkeeper set`)", w.Name)
	}
	ls, err = k.lettersTx(tx, w)
	if err != nil {
		return false, "", "", err
	}
	left := outstanding(ls)
	if len(left) == 0 {
		return true, note, marked, nil
	}
	var names []string
	for _, o := range left {
		names = append(names, "the "+o.Label())
	}
	return false, note + "; still to come: " + strings.Join(names, ", "), marked, nil
}

// resolveLetter finds the writer and letter named by id: a letter id
// (a writer with one letter has the writer's id).
func (k *Keeper) resolveLetter(id string) (config.Writer, config.Letter, error) {
	if l, ok := k.cfg.Letter(id); ok {
		w, _ := k.cfg.Writer(l.Writer)
		return w, l, nil
	}
	w, err := k.writer(id)
	if err != nil {
		return w, config.Letter{}, err
	}
	var names []string
	for _, l := range w.Letters {
		names = append(names, fmt.Sprintf("%s (%s)", l.ID, l.Label()))
	}
	return w, config.Letter{}, fmt.Errorf("%s writes %d letters: name one: %s", w.Name, len(w.Letters), strings.Join(names, ", "))
}

// MarkUploaded records that the applicant saw a letter uploaded in
// MyERAS (id is a letter id; a writer with one letter has the writer's
// id): it confirms any unverified upload notice, and once all the
// writer's letters are in, their letter moves on (the thank-you).
func (k *Keeper) MarkUploaded(ctx context.Context, id string, by Actor) (letters.Outcome, error) {
	w, l, err := k.resolveLetter(id)
	if err != nil {
		return letters.Outcome{}, fmt.Errorf("mark %s uploaded: %w", id, err)
	}
	var o letters.Outcome
	err = k.st.Update(ctx, func(tx *store.Tx) error {
		apply, note, marked, err := k.uploadedTx(tx, w, l.LetterID+" "+l.Label())
		if err != nil {
			return err
		}
		if err := tx.SetClaim(w.ID, store.ClaimConfirmed); err != nil {
			return err
		}
		r := ref{uploaded: marked}.String()
		if apply {
			o, err = k.applyTx(tx, w, letters.Event{Type: letters.Marked}, by, r)
			return err
		}
		cur, err := letterOf(tx, w)
		if err != nil {
			return err
		}
		o = letters.Outcome{Letter: cur, Changed: true, Note: note}
		// Before and After: undo takes this mark back too.
		return tx.AddHistory(store.History{Writer: w.ID, At: k.now(), Event: "mark:" + l.ID, Actor: string(by),
			From: cur.State, To: cur.State, Note: note, Before: &cur, After: &cur, Ref: r})
	})
	if err != nil {
		return o, fmt.Errorf("mark %s uploaded: %w", id, err)
	}
	return o, nil
}

// MarkAssigned records that the applicant assigned a letter to their
// programs in MyERAS: it leaves the to-do list.
func (k *Keeper) MarkAssigned(ctx context.Context, id string, by Actor) (string, error) {
	w, l, err := k.resolveLetter(id)
	if err != nil {
		return "", fmt.Errorf("mark %s assigned: %w", id, err)
	}
	note := "the " + l.Label() + " is assigned to your programs in MyERAS"
	err = k.st.Update(ctx, func(tx *store.Tx) error {
		ls, err := k.lettersTx(tx, w)
		if err != nil {
			return err
		}
		for _, cur := range ls {
			if cur.ID != l.ID {
				continue
			}
			if cur.State == store.LetterRequested {
				return fmt.Errorf("the %s of %s is not uploaded yet: assign it once it is", l.Label(), w.Name)
			}
			now := k.now()
			rec := cur.Rec
			rec.ID, rec.Writer, rec.State, rec.AssignedAt = l.ID, w.ID, store.LetterAssigned, now
			if rec.UploadedAt.IsZero() {
				rec.UploadedAt = now
			}
			if err := tx.PutERASLetter(rec, now); err != nil {
				return err
			}
			before, err := letterOf(tx, w)
			if err != nil {
				return err
			}
			return tx.AddHistory(store.History{Writer: w.ID, At: now, Event: "assign:" + l.ID, Actor: string(by),
				From: before.State, To: before.State, Note: note})
		}
		return nil
	})
	if err != nil {
		return "", fmt.Errorf("mark %s assigned: %w", id, err)
	}
	return note, nil
}

// DismissClaim records that the applicant checked MyERAS and the letter
// an unverified notice announced is not there: the notice leaves the
// to-do list, and the letter stays as it was.
func (k *Keeper) DismissClaim(ctx context.Context, writer string, by Actor) error {
	w, err := k.writer(writer)
	if err != nil {
		return err
	}
	return k.st.Update(ctx, func(tx *store.Tx) error {
		if err := tx.SetClaim(w.ID, store.ClaimDismissed); err != nil {
			return err
		}
		cur, err := letterOf(tx, w)
		if err != nil {
			return err
		}
		return tx.AddHistory(store.History{Writer: w.ID, At: k.now(), Event: "claim:dismissed", Actor: string(by),
			From: cur.State, To: cur.State, Note: "you checked MyERAS: the letter the notice announced is not there"})
	})
}
