package keeper

import (
	"context"
	"errors"
	"strings"

	"github.com/lorkeeper/lorkeeper/store"
)

// Change is the applicant's last change to a letter: the one Undo takes
// back.
type Change struct {
	store.History
	// Undoable is whether Undo takes it back now: nothing happened to
	// the letter since.
	Undoable bool
	// Undone is whether the applicant already undid it.
	Undone bool
}

// LastChange returns the applicant's last change to writer's letter, as
// Undo finds it, and whether Undo would take it back now. It reports
// false when the applicant changed nothing yet. It only reads: the
// dashboard uses it to say what "Undo my last change" will undo before
// the applicant clicks it.
func (k *Keeper) LastChange(ctx context.Context, writer string) (Change, bool, error) {
	w, err := k.writer(writer)
	if err != nil {
		return Change{}, false, err
	}
	var c Change
	var ok bool
	err = k.st.View(ctx, func(tx *store.Tx) error {
		hs, err := tx.History(w.ID)
		if err != nil {
			return err
		}
		row, err := tx.Letter(w.ID)
		if errors.Is(err, store.ErrNotFound) {
			return nil
		}
		if err != nil {
			return err
		}
		undone := false
		for i := len(hs) - 1; i >= 0; i-- {
			h := hs[i]
			if h.Actor != "" && strings.HasPrefix(h.Event, "undo") {
				undone = true
			}
			if h.Actor == "" || h.Before == nil || strings.HasPrefix(h.Event, "undo") {
				continue
			}
			c, ok = Change{History: h, Undone: undone,
				Undoable: h.After != nil && sameLetter(*h.After, row.Letter)}, true
			return nil
		}
		return nil
	})
	return c, ok, err
}
