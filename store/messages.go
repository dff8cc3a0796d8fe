package store

import (
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"time"
)

// Message is a writer's (or a portal's) message, as lorkeeper read it.
type Message struct {
	ID          int64
	Writer      string
	MessageID   string
	Mailbox     string
	UIDValidity uint32
	UID         uint32
	From        string
	Subject     string
	Date        time.Time
	Kind        string
	Evidence    []string
	ReturnDate  time.Time
	Note        string
	NewText     string // the writer's own words, for the digest and dashboard
	ReceivedAt  time.Time
	// Claim is set on an upload notice whose sender could not be
	// verified: it changes nothing until the applicant confirms it.
	Claim int
	// Corrected is the kind the applicant says the message is, when it
	// differs from Kind (what lorkeeper read).
	Corrected string
	// Confidence is how sure lorkeeper was of Kind, 0 to 1 (0: unknown,
	// a reply read before confidences were kept).
	Confidence float64
	// Reason says in plain words why the reply got its Kind.
	Reason string
	// Unsure is set on a reply lorkeeper was not sure it read right,
	// until the applicant confirms or corrects it.
	Unsure bool
	// Raw is the message as fetched (at most the fetch limit), kept so a
	// corrected reply can be exported as an example; only AddMessage
	// and Message read it.
	Raw []byte
}

// Claim states of a message.
const (
	ClaimNone      = 0
	ClaimOpen      = 1 // claims an upload; waits for the applicant
	ClaimConfirmed = 2 // the applicant confirmed the upload
	ClaimDismissed = 3 // the applicant said it was not true
)

// HasMessage reports whether a message with this Message-ID was already
// processed. Messages are deduplicated by Message-ID, so the same message
// under a new UID (after a UIDVALIDITY change, or copied) counts once.
func (t *Tx) HasMessage(messageID string) (bool, error) {
	var n int
	err := t.tx.QueryRow(`SELECT count(*) FROM messages WHERE message_id = ?`, messageID).Scan(&n)
	if err != nil {
		return false, fmt.Errorf("look up message: %w", err)
	}
	return n > 0, nil
}

// AddMessage records a processed message.
func (t *Tx) AddMessage(m Message) error {
	ev, err := json.Marshal(nonNil(m.Evidence))
	if err != nil {
		return fmt.Errorf("save message: %w", err)
	}
	_, err = t.tx.Exec(`INSERT INTO messages (writer, message_id, mailbox, uidvalidity, uid, from_addr,
		subject, date, kind, evidence, return_date, note, new_text, received_at, claim, raw, confidence, reason, unsure)
		VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)`,
		m.Writer, m.MessageID, m.Mailbox, m.UIDValidity, m.UID, m.From, m.Subject, ms(m.Date), m.Kind,
		string(ev), ms(m.ReturnDate), m.Note, m.NewText, ms(m.ReceivedAt), m.Claim, m.Raw, m.Confidence, m.Reason, b2i(m.Unsure))
	if err != nil {
		return fmt.Errorf("save message %s: %w", m.MessageID, err)
	}
	return nil
}

// Messages returns writer's messages ("" for all), oldest first.
func (t *Tx) Messages(writer string) ([]Message, error) {
	rows, err := t.tx.Query(`SELECT id, writer, message_id, mailbox, uidvalidity, uid, from_addr, subject,
		date, kind, evidence, return_date, note, new_text, received_at, claim, corrected, confidence, reason, unsure FROM messages
		WHERE ? = '' OR writer = ? ORDER BY id`, writer, writer)
	if err != nil {
		return nil, fmt.Errorf("read messages: %w", err)
	}
	defer rows.Close()
	var out []Message
	for rows.Next() {
		var (
			m                   Message
			ev                  string
			date, ret, received int64
			unsure              int
		)
		if err := rows.Scan(&m.ID, &m.Writer, &m.MessageID, &m.Mailbox, &m.UIDValidity, &m.UID, &m.From,
			&m.Subject, &date, &m.Kind, &ev, &ret, &m.Note, &m.NewText, &received, &m.Claim, &m.Corrected,
			&m.Confidence, &m.Reason, &unsure); err != nil {
			return nil, fmt.Errorf("read messages: %w", err)
		}
		if err := json.Unmarshal([]byte(ev), &m.Evidence); err != nil {
			return nil, fmt.Errorf("read messages: evidence: %w", err)
		}
		m.Date, m.ReturnDate, m.ReceivedAt = fromMS(date), fromMS(ret), fromMS(received)
		m.Unsure = unsure != 0
		out = append(out, m)
	}
	return out, rows.Err()
}

// SetCorrected records the kind the applicant says message id is ("" to
// take the correction back). Either way the applicant has read it: it is
// no longer unsure.
func (t *Tx) SetCorrected(id int64, kind string) error {
	if _, err := t.tx.Exec(`UPDATE messages SET corrected = ?, unsure = 0 WHERE id = ?`, kind, id); err != nil {
		return fmt.Errorf("correct message %d: %w", id, err)
	}
	return nil
}

// SetRead records that the applicant read writer's replies and found
// them right, or put the letter right themselves: none is unsure any more.
func (t *Tx) SetRead(writer string) error {
	if _, err := t.tx.Exec(`UPDATE messages SET unsure = 0 WHERE writer = ? AND unsure = 1`, writer); err != nil {
		return fmt.Errorf("confirm replies of %s: %w", writer, err)
	}
	return nil
}

// RawMessage returns the bytes kept of message id.
func (t *Tx) RawMessage(id int64) ([]byte, error) {
	var raw []byte
	if err := t.tx.QueryRow(`SELECT raw FROM messages WHERE id = ?`, id).Scan(&raw); err != nil {
		return nil, fmt.Errorf("read message %d: %w", id, err)
	}
	return raw, nil
}

// SetClaim settles the open upload claims of writer.
func (t *Tx) SetClaim(writer string, state int) error {
	_, err := t.tx.Exec(`UPDATE messages SET claim = ? WHERE writer = ? AND claim = ?`, state, writer, ClaimOpen)
	if err != nil {
		return fmt.Errorf("update claims of %s: %w", writer, err)
	}
	return nil
}

// Checkpoint is how far a mailbox has been read, and for which senders:
// Scanned is a fingerprint of the search the messages up to LastUID were
// looked for with, so that a writer added later gets their earlier mail
// read.
type Checkpoint struct {
	UIDValidity uint32
	LastUID     uint32
	Scanned     string
}

// Checkpoint returns the checkpoint of mailbox; the zero Checkpoint if it
// was never read.
func (t *Tx) Checkpoint(mailbox string) (Checkpoint, error) {
	var c Checkpoint
	err := t.tx.QueryRow(`SELECT uidvalidity, last_uid, scanned FROM checkpoints WHERE mailbox = ?`, mailbox).
		Scan(&c.UIDValidity, &c.LastUID, &c.Scanned)
	if errors.Is(err, sql.ErrNoRows) {
		return Checkpoint{}, nil
	}
	if err != nil {
		return c, fmt.Errorf("read checkpoint of %s: %w", mailbox, err)
	}
	return c, nil
}

// SetCheckpoint moves the checkpoint of mailbox. Callers set it in the
// same transaction that records what the messages up to it did, so a
// crash never skips nor repeats a message.
func (t *Tx) SetCheckpoint(mailbox string, c Checkpoint) error {
	_, err := t.tx.Exec(`INSERT INTO checkpoints (mailbox, uidvalidity, last_uid, scanned) VALUES (?,?,?,?)
		ON CONFLICT(mailbox) DO UPDATE SET uidvalidity = excluded.uidvalidity, last_uid = excluded.last_uid,
		scanned = excluded.scanned`,
		mailbox, c.UIDValidity, c.LastUID, c.Scanned)
	if err != nil {
		return fmt.Errorf("save checkpoint of %s: %w", mailbox, err)
	}
	return nil
}

// Meta returns a stored setting, or "" if unset.
func (t *Tx) Meta(key string) (string, error) {
	var v string
	err := t.tx.QueryRow(`SELECT value FROM meta WHERE key = ?`, key).Scan(&v)
	if errors.Is(err, sql.ErrNoRows) {
		return "", nil
	}
	if err != nil {
		return "", fmt.Errorf("read %s: %w", key, err)
	}
	return v, nil
}

// SetMeta stores a setting.
func (t *Tx) SetMeta(key, value string) error {
	_, err := t.tx.Exec(`INSERT INTO meta (key, value) VALUES (?, ?)
		ON CONFLICT(key) DO UPDATE SET value = excluded.value`, key, value)
	if err != nil {
		return fmt.Errorf("save %s: %w", key, err)
	}
	return nil
}

// FirstSent returns the subject and time of the first draft sent to
// writer: the root of the thread that later emails reply in.
func (t *Tx) FirstSent(writer string) (subject string, at time.Time, ok bool, err error) {
	var v int64
	err = t.tx.QueryRow(`SELECT subject, sent_at FROM drafts WHERE writer = ? AND status = ?
		ORDER BY sent_at, id LIMIT 1`, writer, string(Sent)).Scan(&subject, &v)
	if errors.Is(err, sql.ErrNoRows) {
		return "", time.Time{}, false, nil
	}
	if err != nil {
		return "", time.Time{}, false, fmt.Errorf("read thread of %s: %w", writer, err)
	}
	return subject, fromMS(v), true, nil
}

// EarliestSent returns the time of the first draft sent to anyone.
func (t *Tx) EarliestSent() (time.Time, error) {
	var v sql.NullInt64
	if err := t.tx.QueryRow(`SELECT min(sent_at) FROM drafts WHERE status = ?`, string(Sent)).Scan(&v); err != nil {
		return time.Time{}, fmt.Errorf("read drafts: %w", err)
	}
	return fromMS(v.Int64), nil
}
