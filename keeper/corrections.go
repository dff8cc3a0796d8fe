package keeper

import (
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"time"

	"github.com/lorkeeper/lorkeeper/letters"
	"github.com/lorkeeper/lorkeeper/store"
	"github.com/lorkeeper/lorkeeper/templates"
)

// Set puts writer's letter in state, whatever lorkeeper thought: the
// applicant knows better (a decline read as "other", an upload seen in
// MyERAS that no notice announced). Drafts that no longer fit are
// discarded; the history keeps the change, and Undo takes it back.
func (k *Keeper) Set(ctx context.Context, writer string, state letters.State, by Actor) (letters.Outcome, error) {
	w, err := k.writer(writer)
	if err != nil {
		return letters.Outcome{}, err
	}
	var o letters.Outcome
	err = k.st.Update(ctx, func(tx *store.Tx) error {
		o, err = k.applyTx(tx, w, letters.Event{Type: letters.Set, State: state}, by, "")
		return err
	})
	if err != nil {
		return o, fmt.Errorf("set %s %s: %w", writer, state, err)
	}
	return o, nil
}

// Correct re-labels the writer's last reply as kind and applies the
// lifecycle as if it had been read so: a decline stops the reminders, a
// strong yes drafts the follow-up. When nothing happened to the letter
// since that reply, its effects are taken back first (its pending drafts
// go, its flag goes); otherwise the new kind applies to the letter as it
// is. The reply keeps both labels, and Undo takes the correction back.
func (k *Keeper) Correct(ctx context.Context, writer string, kind letters.Reply, by Actor) (letters.Outcome, error) {
	w, err := k.writer(writer)
	if err != nil {
		return letters.Outcome{}, err
	}
	if !validReply(kind) {
		return letters.Outcome{}, fmt.Errorf("correct %s: %q is not a reply kind: use one of %s", writer, kind, replyNames())
	}
	var o letters.Outcome
	err = k.st.Update(ctx, func(tx *store.Tx) error {
		ms, err := tx.Messages(w.ID)
		if err != nil {
			return err
		}
		if len(ms) == 0 {
			return errors.New("there is no reply to correct yet")
		}
		m := ms[len(ms)-1]
		was := m.Kind
		if m.Corrected != "" {
			was = m.Corrected
		}
		orig, err := letterOf(tx, w)
		if err != nil {
			return err
		}
		if letters.Reply(was) == kind {
			// The applicant read it and lorkeeper had it right: nothing
			// changes but the doubt.
			o = letters.Outcome{Letter: orig}
			if !m.Unsure {
				return nil
			}
			if err := tx.SetRead(w.ID); err != nil {
				return err
			}
			return tx.AddHistory(store.History{Writer: w.ID, At: k.now(), Event: "confirm:" + string(kind), Actor: string(by),
				From: orig.State, To: orig.State, Note: fmt.Sprintf("you said the reply %q was read right: %s", m.Subject, kindWords(kind))})
		}
		discarded, err := k.rebaseTx(tx, w.ID)
		if err != nil {
			return err
		}
		if err := tx.SetCorrected(m.ID, string(kind)); err != nil {
			return err
		}
		if err := tx.SetRead(w.ID); err != nil {
			return err
		}
		st, err := k.stepTx(tx, w, letters.Event{Type: letters.Replied, Reply: kind, Evidence: m.Evidence})
		if err != nil {
			return err
		}
		o = st.Outcome
		return tx.AddHistory(store.History{Writer: w.ID, At: k.now(), Event: "correct:" + string(kind), Actor: string(by),
			From: orig.State, To: o.Letter.State, Before: &orig, After: &o.Letter, Drafts: st.made,
			Ref:  ref{message: m.ID, discarded: discarded}.String(),
			Note: joinNote(fmt.Sprintf("you said the reply %q was %s, not %s", m.Subject, kindWords(kind), kindWords(letters.Reply(was))), st.note)})
	})
	if err != nil {
		return o, fmt.Errorf("correct %s: %w", writer, err)
	}
	return o, nil
}

// rebaseTx takes back the effects of the writer's latest reply (or
// correction of it), if the letter has not changed since: it restores
// the letter as it was before, and discards the drafts that reply
// prepared if they are still pending, returning their ids.
func (k *Keeper) rebaseTx(tx *store.Tx, writer string) ([]int64, error) {
	hs, err := tx.History(writer)
	if err != nil {
		return nil, err
	}
	row, err := tx.Letter(writer)
	if err != nil {
		return nil, nil // no letter yet: nothing to take back
	}
	for i := len(hs) - 1; i >= 0; i-- {
		h := hs[i]
		if h.After == nil || !(strings.HasPrefix(h.Event, "reply:") || strings.HasPrefix(h.Event, "correct:")) {
			continue
		}
		if !sameLetter(*h.After, row.Letter) {
			return nil, nil // things happened since: the correction applies on top
		}
		var discarded []int64
		for _, id := range h.Drafts {
			if d, err := tx.Draft(id); err == nil && d.Status == store.Pending {
				if err := tx.Discard(id, k.now()); err != nil {
					return nil, err
				}
				discarded = append(discarded, id)
			}
		}
		return discarded, tx.PutLetter(*h.Before, k.now())
	}
	return nil, nil
}

// ref is what a history line of a correction is about: the message, and
// the drafts the correction discarded (an undo brings them back).
// uploaded names an ERAS letter the change marked uploaded (an undo
// returns it to requested).
type ref struct {
	message   int64
	discarded []int64
	uploaded  string
}

func (r ref) String() string {
	var f []string
	if r.message != 0 {
		f = append(f, "message:"+strconv.FormatInt(r.message, 10))
	}
	for _, id := range r.discarded {
		f = append(f, "discarded:"+strconv.FormatInt(id, 10))
	}
	if r.uploaded != "" {
		f = append(f, "uploaded:"+r.uploaded)
	}
	return strings.Join(f, " ")
}

func parseRef(s string) ref {
	var r ref
	for _, f := range strings.Fields(s) {
		k, v, _ := strings.Cut(f, ":")
		n, _ := strconv.ParseInt(v, 10, 64)
		switch k {
		case "message":
			r.message = n
		case "discarded":
			r.discarded = append(r.discarded, n)
		case "uploaded":
			r.uploaded = v
		}
	}
	return r
}

// Undo takes back the applicant's last change to writer's letter (a set,
// a correction, a decision, an upload marked): the letter returns to
// what it was, and the drafts that change prepared are discarded if they
// are still waiting. It refuses when something happened since.
func (k *Keeper) Undo(ctx context.Context, writer string, by Actor) (string, error) {
	w, err := k.writer(writer)
	if err != nil {
		return "", err
	}
	var what string
	err = k.st.Update(ctx, func(tx *store.Tx) error {
		hs, err := tx.History(w.ID)
		if err != nil {
			return err
		}
		row, err := tx.Letter(w.ID)
		if err != nil {
			return err
		}
		for i := len(hs) - 1; i >= 0; i-- {
			h := hs[i]
			if h.Actor == "" || h.Before == nil || strings.HasPrefix(h.Event, "undo") {
				continue
			}
			if !sameLetter(*h.After, row.Letter) {
				return fmt.Errorf("%s changed since your last change (%s); set the state you want with `lorkeeper set %s STATE`", writer, h.Note, writer)
			}
			now := k.now()
			for _, id := range h.Drafts {
				if d, err := tx.Draft(id); err == nil && d.Status == store.Pending {
					if err := tx.Discard(id, now); err != nil {
						return err
					}
				}
			}
			r := parseRef(h.Ref)
			if r.uploaded != "" {
				ls, err := tx.ERASLetters(w.ID)
				if err != nil {
					return err
				}
				if l, ok := ls[r.uploaded]; ok && l.State == store.LetterUploaded {
					l.State, l.UploadedAt = store.LetterRequested, time.Time{}
					if err := tx.PutERASLetter(l, now); err != nil {
						return err
					}
				}
			}
			if r.message != 0 {
				if err := tx.SetCorrected(r.message, ""); err != nil {
					return err
				}
				for _, id := range r.discarded {
					if err := tx.Restore(id, now); err != nil {
						return err
					}
				}
			}
			if err := tx.PutLetter(*h.Before, now); err != nil {
				return err
			}
			what = h.Note
			before := *h.Before
			return tx.AddHistory(store.History{Writer: w.ID, At: now, Event: "undo", Actor: string(by),
				From: row.State, To: h.Before.State, Note: "undone: " + h.Note, Before: &row.Letter, After: &before})
		}
		return errors.New("there is no change of yours to undo")
	})
	if err != nil {
		return "", fmt.Errorf("undo %s: %w", writer, err)
	}
	return what, nil
}

// ExportCorrections writes every reply the applicant corrected to dir as
// an .eml file, with a labels.tsv row each (file, kind, note), in the
// format of the classifier's corpora, so the corrections can teach it.
// It returns how many it wrote; dir is created private.
func (k *Keeper) ExportCorrections(ctx context.Context, dir string) (int, error) {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return 0, fmt.Errorf("export corrections: %w", err)
	}
	var rows []string
	err := k.st.View(ctx, func(tx *store.Tx) error {
		ms, err := tx.Messages("")
		if err != nil {
			return err
		}
		for _, m := range ms {
			if m.Corrected == "" {
				continue
			}
			raw, err := tx.RawMessage(m.ID)
			if err != nil {
				return err
			}
			name := fmt.Sprintf("%s-%d.eml", m.Writer, m.ID)
			if err := os.WriteFile(filepath.Join(dir, name), raw, 0o600); err != nil {
				return err
			}
			rows = append(rows, fmt.Sprintf("%s\t%s\tcorrected by the applicant from %s; from %s, %s",
				name, m.Corrected, m.Kind, m.From, m.ReceivedAt.Format("2006-01-02")))
		}
		return nil
	})
	if err != nil {
		return 0, fmt.Errorf("export corrections: %w", err)
	}
	tsv := "file\tkind\tnote\n" + strings.Join(rows, "\n")
	if len(rows) > 0 {
		tsv += "\n"
	}
	if err := os.WriteFile(filepath.Join(dir, "labels.tsv"), []byte(tsv), 0o600); err != nil {
		return 0, fmt.Errorf("export corrections: %w", err)
	}
	return len(rows), nil
}

// sameLetter compares two letters as the store keeps them: times to the
// millisecond, no evidence the same as empty evidence.
func sameLetter(a, b letters.Letter) bool {
	norm := func(l letters.Letter) letters.Letter {
		for _, t := range []*time.Time{&l.RequestedAt, &l.LastRequestAt, &l.SnoozeUntil} {
			if !t.IsZero() {
				*t = time.UnixMilli(t.UnixMilli()).UTC()
			}
		}
		if len(l.Evidence) == 0 {
			l.Evidence = nil
		}
		return l
	}
	return reflect.DeepEqual(norm(a), norm(b))
}

func validReply(r letters.Reply) bool {
	for _, x := range letters.Replies() {
		if x == r {
			return true
		}
	}
	return false
}

func replyNames() string {
	var names []string
	for _, r := range letters.Replies() {
		names = append(names, string(r))
	}
	return strings.Join(names, ", ")
}

// kindWords names a reply kind in the applicant's words.
func kindWords(r letters.Reply) string { return templates.DescribeKind(string(r)) }
