package store

import (
	"fmt"
	"time"
)

// ERAS letter states: a writer's letter is requested until its upload is
// seen, then assigned once the applicant assigned it to programs in
// MyERAS.
const (
	LetterRequested = "requested"
	LetterUploaded  = "uploaded"
	LetterAssigned  = "assigned"
	LetterDropped   = "dropped"
)

// ERASLetter is what is known of one ERAS letter (a Letter ID's).
type ERASLetter struct {
	ID         string // the config's letter id
	Writer     string
	State      string
	UploadedAt time.Time
	AssignedAt time.Time
	Note       string
	UpdatedAt  time.Time
}

// ERASLetters returns the recorded letters of writer ("" for all).
// Letters never recorded are requested.
func (t *Tx) ERASLetters(writer string) (map[string]ERASLetter, error) {
	rows, err := t.tx.Query(`SELECT id, writer, state, uploaded_at, assigned_at, note, updated_at FROM eras_letters
		WHERE ? = '' OR writer = ?`, writer, writer)
	if err != nil {
		return nil, fmt.Errorf("read letters: %w", err)
	}
	defer rows.Close()
	out := map[string]ERASLetter{}
	for rows.Next() {
		var l ERASLetter
		var up, as, upd int64
		if err := rows.Scan(&l.ID, &l.Writer, &l.State, &up, &as, &l.Note, &upd); err != nil {
			return nil, fmt.Errorf("read letters: %w", err)
		}
		l.UploadedAt, l.AssignedAt, l.UpdatedAt = fromMS(up), fromMS(as), fromMS(upd)
		out[l.ID] = l
	}
	return out, rows.Err()
}

// PutERASLetter records a letter's state.
func (t *Tx) PutERASLetter(l ERASLetter, now time.Time) error {
	_, err := t.tx.Exec(`INSERT OR REPLACE INTO eras_letters (id, writer, state, uploaded_at, assigned_at, note, updated_at)
		VALUES (?,?,?,?,?,?,?)`, l.ID, l.Writer, l.State, ms(l.UploadedAt), ms(l.AssignedAt), l.Note, ms(now))
	if err != nil {
		return fmt.Errorf("save letter %s: %w", l.ID, err)
	}
	return nil
}

// LearnedPortal is a sender whose notices the applicant taught
// lorkeeper to read as upload notices.
type LearnedPortal struct {
	Sender  string // the address, lowercased
	Subject string // the subject of the example, its words that recur
	Added   time.Time
}

// LearnPortal records a sender's notices as upload notices.
func (t *Tx) LearnPortal(p LearnedPortal) error {
	_, err := t.tx.Exec(`INSERT OR REPLACE INTO learned_portals (sender, subject, added) VALUES (?,?,?)`, p.Sender, p.Subject, ms(p.Added))
	if err != nil {
		return fmt.Errorf("learn portal %s: %w", p.Sender, err)
	}
	return nil
}

// LearnedPortals returns the senders the applicant taught.
func (t *Tx) LearnedPortals() ([]LearnedPortal, error) {
	rows, err := t.tx.Query(`SELECT sender, subject, added FROM learned_portals ORDER BY sender`)
	if err != nil {
		return nil, fmt.Errorf("read learned portals: %w", err)
	}
	defer rows.Close()
	var out []LearnedPortal
	for rows.Next() {
		var p LearnedPortal
		var added int64
		if err := rows.Scan(&p.Sender, &p.Subject, &added); err != nil {
			return nil, fmt.Errorf("read learned portals: %w", err)
		}
		p.Added = fromMS(added)
		out = append(out, p)
	}
	return out, rows.Err()
}
