package store

import (
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"time"

	"github.com/lorkeeper/lorkeeper/letters"
)

const letterCols = `writer, state, flagged, flag_reason, evidence, last_reply_kind, requested_at,
	last_request_at, reminders, snooze_until, packet_sent, started, updated_at`

// LetterRow is a letter with the time it last changed.
type LetterRow struct {
	letters.Letter
	UpdatedAt time.Time
}

func scanLetter(sc interface{ Scan(...any) error }) (LetterRow, error) {
	var (
		r                                     LetterRow
		state, evidence, kind                 string
		flagged, packet, started              int
		requested, lastReq, snooze, updatedAt int64
	)
	err := sc.Scan(&r.Writer, &state, &flagged, &r.FlagReason, &evidence, &kind, &requested,
		&lastReq, &r.Reminders, &snooze, &packet, &started, &updatedAt)
	if err != nil {
		return r, err
	}
	r.State = letters.State(state)
	r.Flagged = flagged != 0
	r.LastReplyKind = letters.Reply(kind)
	if err := json.Unmarshal([]byte(evidence), &r.Evidence); err != nil {
		return r, fmt.Errorf("letter %s: evidence: %w", r.Writer, err)
	}
	r.RequestedAt, r.LastRequestAt, r.SnoozeUntil = fromMS(requested), fromMS(lastReq), fromMS(snooze)
	r.PacketSent, r.Started = packet != 0, started != 0
	r.UpdatedAt = fromMS(updatedAt)
	return r, nil
}

// Letter returns the letter of writer, or ErrNotFound.
func (t *Tx) Letter(writer string) (LetterRow, error) {
	r, err := scanLetter(t.tx.QueryRow(`SELECT `+letterCols+` FROM letters WHERE writer = ?`, writer))
	if errors.Is(err, sql.ErrNoRows) {
		return r, fmt.Errorf("letter %s: %w", writer, ErrNotFound)
	}
	if err != nil {
		return r, fmt.Errorf("read letter %s: %w", writer, err)
	}
	return r, nil
}

// Letters returns every letter, ordered by writer.
func (t *Tx) Letters() ([]LetterRow, error) {
	rows, err := t.tx.Query(`SELECT ` + letterCols + ` FROM letters ORDER BY writer`)
	if err != nil {
		return nil, fmt.Errorf("read letters: %w", err)
	}
	defer rows.Close()
	var out []LetterRow
	for rows.Next() {
		r, err := scanLetter(rows)
		if err != nil {
			return nil, fmt.Errorf("read letters: %w", err)
		}
		out = append(out, r)
	}
	return out, rows.Err()
}

// PutLetter inserts or replaces a letter.
func (t *Tx) PutLetter(l letters.Letter, now time.Time) error {
	ev, err := json.Marshal(nonNil(l.Evidence))
	if err != nil {
		return fmt.Errorf("save letter %s: %w", l.Writer, err)
	}
	_, err = t.tx.Exec(`INSERT OR REPLACE INTO letters (`+letterCols+`) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)`,
		l.Writer, string(l.State), b2i(l.Flagged), l.FlagReason, string(ev), string(l.LastReplyKind),
		ms(l.RequestedAt), ms(l.LastRequestAt), l.Reminders, ms(l.SnoozeUntil), b2i(l.PacketSent),
		b2i(l.Started), ms(now))
	if err != nil {
		return fmt.Errorf("save letter %s: %w", l.Writer, err)
	}
	return nil
}

// History is one line of a letter's history.
type History struct {
	ID       int64
	Writer   string
	At       time.Time
	Event    string
	From, To letters.State
	Note     string
	// Actor is who did it: "" for lorkeeper, else the applicant and
	// where ("you, on the command line").
	Actor string
	// Before and After are the letter around the event, so that an
	// applicant's change can be undone; nil when not recorded.
	Before, After *letters.Letter
	Drafts        []int64 // drafts the event prepared
	Ref           string  // what it was about, such as "message:12"
}

// AddHistory appends a line to a letter's history.
func (t *Tx) AddHistory(h History) error {
	snap := func(l *letters.Letter) string {
		if l == nil {
			return ""
		}
		b, _ := json.Marshal(l)
		return string(b)
	}
	drafts := ""
	if len(h.Drafts) > 0 {
		b, _ := json.Marshal(h.Drafts)
		drafts = string(b)
	}
	_, err := t.tx.Exec(`INSERT INTO history (writer, at, event, from_state, to_state, note, actor, before_json, after_json, drafts, ref)
		VALUES (?,?,?,?,?,?,?,?,?,?,?)`,
		h.Writer, ms(h.At), h.Event, string(h.From), string(h.To), h.Note, h.Actor, snap(h.Before), snap(h.After), drafts, h.Ref)
	if err != nil {
		return fmt.Errorf("save history of %s: %w", h.Writer, err)
	}
	return nil
}

// History returns a writer's history, oldest first; "" for every writer.
func (t *Tx) History(writer string) ([]History, error) {
	rows, err := t.tx.Query(`SELECT id, writer, at, event, from_state, to_state, note, actor, before_json, after_json, drafts, ref
		FROM history WHERE ? = '' OR writer = ? ORDER BY id`, writer, writer)
	if err != nil {
		return nil, fmt.Errorf("read history: %w", err)
	}
	defer rows.Close()
	var out []History
	for rows.Next() {
		var h History
		var at int64
		var from, to, before, after, drafts string
		if err := rows.Scan(&h.ID, &h.Writer, &at, &h.Event, &from, &to, &h.Note, &h.Actor, &before, &after, &drafts, &h.Ref); err != nil {
			return nil, fmt.Errorf("read history: %w", err)
		}
		h.At, h.From, h.To = fromMS(at), letters.State(from), letters.State(to)
		h.Before, h.After = unsnap(before), unsnap(after)
		if drafts != "" {
			_ = json.Unmarshal([]byte(drafts), &h.Drafts)
		}
		out = append(out, h)
	}
	return out, rows.Err()
}

func unsnap(s string) *letters.Letter {
	if s == "" {
		return nil
	}
	var l letters.Letter
	if json.Unmarshal([]byte(s), &l) != nil {
		return nil
	}
	return &l
}

// LastChange returns the time of the latest history line, draft or
// message change: the digest uses it to tell whether anything happened.
func (t *Tx) LastChange() (time.Time, error) {
	var v int64
	err := t.tx.QueryRow(`SELECT max(x) FROM (
		SELECT coalesce(max(at), 0) AS x FROM history
		UNION ALL SELECT coalesce(max(updated_at), 0) FROM drafts
		UNION ALL SELECT coalesce(max(received_at), 0) FROM messages)`).Scan(&v)
	if err != nil {
		return time.Time{}, fmt.Errorf("read last change: %w", err)
	}
	return fromMS(v), nil
}

func nonNil(s []string) []string {
	if s == nil {
		return []string{}
	}
	return s
}
