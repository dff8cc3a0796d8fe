package store

import (
	"database/sql"
	"encoding/json"
	"errors"
	"fmt"
	"strings"
	"time"
)

// Status is where a draft stands. Only an approved draft is ever handed
// to the sender.
type Status string

// Draft statuses.
const (
	Pending   Status = "pending"   // awaiting the applicant's review
	Approved  Status = "approved"  // approved; waiting to be sent
	Sending   Status = "sending"   // handed to the SMTP server, outcome not recorded yet
	Sent      Status = "sent"      // the server accepted it
	Failed    Status = "failed"    // the server refused it for good
	Held      Status = "held"      // a send was interrupted and it may have left: the applicant decides
	Discarded Status = "discarded" // the applicant (or the lifecycle) dropped it
)

// Address is a recipient.
type Address struct {
	Name string `json:"name,omitempty"`
	Addr string `json:"addr"`
}

// Sent-copy states of a sent draft (Draft.SentCopy).
const (
	CopyPending = 0 // a copy may still be due in the Sent folder
	CopyDone    = 1 // the copy is in the Sent folder
	CopyNone    = 2 // no copy wanted: the provider files one itself, or the config says none
)

// Attachment is a file sent with a draft: a file on disk (Path) or
// content generated with the draft (Data).
type Attachment struct {
	Name        string `json:"name"`
	ContentType string `json:"content_type"`
	Path        string `json:"path,omitempty"`
	Data        []byte `json:"data,omitempty"`
	// Generated names what makes the content when the draft is
	// approved ("summary": the writer's summary, from the config as it
	// is then), for an attachment with neither Path nor Data yet.
	Generated string `json:"generated,omitempty"`
}

// Draft is an email lorkeeper prepared for the applicant.
type Draft struct {
	ID          int64
	Writer      string
	Template    string
	Status      Status
	ToName      string
	ToAddr      string
	Cc, Bcc     []Address // recipients the applicant added in their mail client
	Subject     string
	Text        string
	HTML        string
	Attachments []Attachment
	Edited      bool

	MessageID  string // assigned and recorded before the first send attempt
	InReplyTo  string
	References []string

	CreatedAt     time.Time
	ApprovedAt    time.Time
	SentAt        time.Time
	Attempts      int
	NextAttemptAt time.Time
	LastError     string
	ServerReply   string
	// CommittedAt is when the final "." of the last attempt was about to
	// go: from then until the server's answer, nobody knows whether the
	// message left. Zero when the attempt never got that far.
	CommittedAt   time.Time
	SentCopy      int    // CopyPending, CopyDone or CopyNone
	MailboxUID    uint32 // the copy in the Drafts folder, if any
	MailboxUIDVal uint32
	// CopyRemoving: lorkeeper set out to remove the Drafts-folder copy
	// to send the draft itself. A copy gone while it is set is gone by
	// lorkeeper's hand (it stopped before it could record so), not the
	// applicant's.
	CopyRemoving bool
	UpdatedAt    time.Time
}

const draftCols = `id, writer, template, status, to_name, to_addr, subject, body_text, body_html,
	attachments, edited, coalesce(message_id, ''), in_reply_to, refs, created_at, approved_at, sent_at,
	attempts, next_attempt_at, last_error, server_reply, sent_copy, mailbox_uid, mailbox_uidvalidity, updated_at,
	committed_at, cc, bcc, copy_removing`

func scanDraft(sc interface{ Scan(...any) error }) (Draft, error) {
	var (
		d                                      Draft
		status, atts, refs, cc, bcc            string
		edited                                 int
		created, approved, sent, next, updated int64
		uid, uidval, committed                 int64
		removing                               int
	)
	err := sc.Scan(&d.ID, &d.Writer, &d.Template, &status, &d.ToName, &d.ToAddr, &d.Subject, &d.Text,
		&d.HTML, &atts, &edited, &d.MessageID, &d.InReplyTo, &refs, &created, &approved, &sent,
		&d.Attempts, &next, &d.LastError, &d.ServerReply, &d.SentCopy, &uid, &uidval, &updated,
		&committed, &cc, &bcc, &removing)
	if err != nil {
		return d, err
	}
	d.Status = Status(status)
	d.Edited = edited != 0
	d.CopyRemoving = removing != 0
	if err := json.Unmarshal([]byte(atts), &d.Attachments); err != nil {
		return d, fmt.Errorf("draft %d: attachments: %w", d.ID, err)
	}
	if err := json.Unmarshal([]byte(cc), &d.Cc); err != nil {
		return d, fmt.Errorf("draft %d: cc: %w", d.ID, err)
	}
	if err := json.Unmarshal([]byte(bcc), &d.Bcc); err != nil {
		return d, fmt.Errorf("draft %d: bcc: %w", d.ID, err)
	}
	d.CommittedAt = fromMS(committed)
	if refs != "" {
		d.References = strings.Fields(refs)
	}
	d.CreatedAt, d.ApprovedAt, d.SentAt = fromMS(created), fromMS(approved), fromMS(sent)
	d.NextAttemptAt, d.UpdatedAt = fromMS(next), fromMS(updated)
	d.MailboxUID, d.MailboxUIDVal = uint32(uid), uint32(uidval)
	return d, nil
}

// AddDraft stores a new draft and returns its id. d.Status defaults to
// Pending.
func (t *Tx) AddDraft(d Draft, now time.Time) (int64, error) {
	if d.Status == "" {
		d.Status = Pending
	}
	atts, err := json.Marshal(d.Attachments)
	if err != nil {
		return 0, fmt.Errorf("add draft: %w", err)
	}
	if d.Attachments == nil {
		atts = []byte("[]")
	}
	var msgID any
	if d.MessageID != "" {
		msgID = d.MessageID
	}
	res, err := t.tx.Exec(`INSERT INTO drafts (writer, template, status, to_name, to_addr, subject,
		body_text, body_html, attachments, created_at, approved_at, next_attempt_at, updated_at, message_id)
		VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)`,
		d.Writer, d.Template, string(d.Status), d.ToName, d.ToAddr, d.Subject, d.Text, d.HTML,
		string(atts), ms(now), ms(d.ApprovedAt), ms(d.NextAttemptAt), ms(now), msgID)
	if err != nil {
		return 0, fmt.Errorf("add draft: %w", err)
	}
	return res.LastInsertId()
}

// Draft returns the draft with id, or an error wrapping ErrNotFound.
func (t *Tx) Draft(id int64) (Draft, error) {
	d, err := scanDraft(t.tx.QueryRow(`SELECT `+draftCols+` FROM drafts WHERE id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return d, fmt.Errorf("draft %d: %w", id, ErrNotFound)
	}
	if err != nil {
		return d, fmt.Errorf("read draft %d: %w", id, err)
	}
	return d, nil
}

// Drafts returns the drafts in any of the given statuses (all when none
// is given), oldest first. writer "" means every writer.
func (t *Tx) Drafts(writer string, statuses ...Status) ([]Draft, error) {
	q := `SELECT ` + draftCols + ` FROM drafts WHERE (? = '' OR writer = ?)`
	args := []any{writer, writer}
	if len(statuses) > 0 {
		q += ` AND status IN (` + strings.TrimSuffix(strings.Repeat("?,", len(statuses)), ",") + `)`
		for _, s := range statuses {
			args = append(args, string(s))
		}
	}
	return t.queryDrafts(q+` ORDER BY id`, args...)
}

// queryDrafts runs a query selecting draftCols and scans its rows.
func (t *Tx) queryDrafts(q string, args ...any) ([]Draft, error) {
	rows, err := t.tx.Query(q, args...)
	if err != nil {
		return nil, fmt.Errorf("read drafts: %w", err)
	}
	defer rows.Close()
	var out []Draft
	for rows.Next() {
		d, err := scanDraft(rows)
		if err != nil {
			return nil, fmt.Errorf("read drafts: %w", err)
		}
		out = append(out, d)
	}
	return out, rows.Err()
}

// Open statuses: the draft may still leave.
var openStatuses = []Status{Pending, Approved, Sending, Held}

// OpenTemplates returns the templates of writer's drafts that may still
// leave (pending, approved, sending or held).
func (t *Tx) OpenTemplates(writer string) ([]string, error) {
	ds, err := t.Drafts(writer, openStatuses...)
	if err != nil {
		return nil, err
	}
	var out []string
	for _, d := range ds {
		out = append(out, d.Template)
	}
	return out, nil
}

// transition moves draft id from one of the from statuses to to, running
// set (a SQL fragment "col = ?, ...") with args. It fails with a message
// naming the draft's actual status when it is in none of from.
func (t *Tx) transition(id int64, from []Status, to Status, now time.Time, set string, args ...any) error {
	d, err := t.Draft(id)
	if err != nil {
		return err
	}
	ok := false
	for _, s := range from {
		ok = ok || d.Status == s
	}
	if !ok {
		return fmt.Errorf("draft %d is %s", id, d.Status)
	}
	q := `UPDATE drafts SET status = ?, updated_at = ?`
	if set != "" {
		q += `, ` + set
	}
	all := append([]any{string(to), ms(now)}, args...)
	if _, err := t.tx.Exec(q+` WHERE id = ?`, append(all, id)...); err != nil {
		return fmt.Errorf("update draft %d: %w", id, err)
	}
	return nil
}

// ErrHeld is returned by Approve for a held draft: it may already have
// reached the writer, so sending it again takes ApproveAgain.
var ErrHeld = errors.New("it may already have been delivered")

// Approve marks a pending or failed draft for sending now. A held draft
// is refused with an error wrapping ErrHeld.
func (t *Tx) Approve(id int64, now time.Time) error {
	if d, err := t.Draft(id); err == nil && d.Status == Held {
		return fmt.Errorf("approve: draft %d is held: %w", id, ErrHeld)
	}
	if err := t.transition(id, []Status{Pending, Failed}, Approved, now,
		`approved_at = ?, next_attempt_at = ?, last_error = ''`, ms(now), ms(now)); err != nil {
		return fmt.Errorf("approve: %w", err)
	}
	return nil
}

// ApproveAgain sends a held draft again, on the applicant's explicit
// word that a second copy is acceptable.
func (t *Tx) ApproveAgain(id int64, now time.Time) error {
	if err := t.transition(id, []Status{Held}, Approved, now,
		`approved_at = ?, next_attempt_at = ?, last_error = '', committed_at = 0`, ms(now), ms(now)); err != nil {
		return fmt.Errorf("send again: %w", err)
	}
	return nil
}

// SetAttachments replaces a draft's attachments (the files read at
// approval, so that what is sent is what was approved).
func (t *Tx) SetAttachments(id int64, atts []Attachment) error {
	data, err := json.Marshal(atts)
	if err != nil {
		return fmt.Errorf("update draft %d: %w", id, err)
	}
	if _, err := t.tx.Exec(`UPDATE drafts SET attachments = ? WHERE id = ?`, string(data), id); err != nil {
		return fmt.Errorf("update draft %d: %w", id, err)
	}
	return nil
}

// Discard drops a draft that has not been handed to the server.
func (t *Tx) Discard(id int64, now time.Time) error {
	if err := t.transition(id, []Status{Pending, Approved, Held, Failed}, Discarded, now, ""); err != nil {
		return fmt.Errorf("discard: %w", err)
	}
	return nil
}

// Restore brings back a draft that was discarded (an undo).
func (t *Tx) Restore(id int64, now time.Time) error {
	if err := t.transition(id, []Status{Discarded}, Pending, now, ""); err != nil {
		return fmt.Errorf("restore: %w", err)
	}
	return nil
}

// DiscardTemplates discards writer's pending and approved drafts of the
// given templates and returns how many.
func (t *Tx) DiscardTemplates(writer string, templates []string, now time.Time) (int, error) {
	n := 0
	ds, err := t.Drafts(writer, Pending, Approved, Held)
	if err != nil {
		return 0, err
	}
	for _, d := range ds {
		for _, tpl := range templates {
			if d.Template == tpl {
				if err := t.Discard(d.ID, now); err != nil {
					return n, err
				}
				n++
				break
			}
		}
	}
	return n, nil
}

// Edit replaces the subject and bodies of a draft under review.
func (t *Tx) Edit(id int64, subject, text, html string, now time.Time) error {
	d, err := t.Draft(id)
	if err != nil {
		return fmt.Errorf("edit: %w", err)
	}
	if err := t.transition(id, []Status{Pending, Held}, d.Status, now,
		`subject = ?, body_text = ?, body_html = ?, edited = 1`, subject, text, html); err != nil {
		return fmt.Errorf("edit: %w", err)
	}
	return nil
}

// SetRecipients replaces the recipients of a draft under review.
func (t *Tx) SetRecipients(id int64, to Address, cc, bcc []Address, now time.Time) error {
	d, err := t.Draft(id)
	if err != nil {
		return fmt.Errorf("edit: %w", err)
	}
	ccJSON, _ := json.Marshal(nonNilAddr(cc))
	bccJSON, _ := json.Marshal(nonNilAddr(bcc))
	if err := t.transition(id, []Status{Pending, Held}, d.Status, now,
		`to_name = ?, to_addr = ?, cc = ?, bcc = ?, edited = 1`, to.Name, to.Addr, string(ccJSON), string(bccJSON)); err != nil {
		return fmt.Errorf("edit: %w", err)
	}
	return nil
}

func nonNilAddr(a []Address) []Address {
	if a == nil {
		return []Address{}
	}
	return a
}

// NextApproved returns the approved draft due first at now, if any.
func (t *Tx) NextApproved(now time.Time) (Draft, bool, error) {
	d, err := scanDraft(t.tx.QueryRow(`SELECT `+draftCols+` FROM drafts
		WHERE status = ? AND next_attempt_at <= ? ORDER BY next_attempt_at, id LIMIT 1`,
		string(Approved), ms(now)))
	if errors.Is(err, sql.ErrNoRows) {
		return d, false, nil
	}
	if err != nil {
		return d, false, fmt.Errorf("read approved drafts: %w", err)
	}
	return d, true, nil
}

// NextAttempt returns when the earliest approved draft is due.
func (t *Tx) NextAttempt() (time.Time, bool, error) {
	var v sql.NullInt64
	err := t.tx.QueryRow(`SELECT min(next_attempt_at) FROM drafts WHERE status = ?`, string(Approved)).Scan(&v)
	if err != nil {
		return time.Time{}, false, fmt.Errorf("read approved drafts: %w", err)
	}
	return fromMS(v.Int64), v.Valid, nil
}

// MarkSending records that draft id is about to be handed to the server,
// with the Message-ID and threading it will carry. After a crash, a draft
// left in Sending is checked against the Sent folder before anything else.
func (t *Tx) MarkSending(id int64, messageID, inReplyTo string, refs []string, now time.Time) error {
	return t.transition(id, []Status{Approved}, Sending, now,
		`message_id = ?, in_reply_to = ?, refs = ?, attempts = attempts + 1, committed_at = 0`,
		messageID, inReplyTo, strings.Join(refs, " "))
}

// MarkCommitted records that the whole message is with the server and
// its final "." is about to go: from now on a crash leaves the outcome
// unknown, and the draft is held rather than sent again.
func (t *Tx) MarkCommitted(id int64, now time.Time) error {
	return t.transition(id, []Status{Sending}, Sending, now, `committed_at = ?`, ms(now))
}

// Requeue puts back in the queue a draft whose send was interrupted
// before its final ".": the server discarded it, so sending it again
// is safe.
func (t *Tx) Requeue(id int64, cause string, now time.Time) error {
	d, err := t.Draft(id)
	if err != nil {
		return err
	}
	if !d.CommittedAt.IsZero() {
		return fmt.Errorf("draft %d may have left: it cannot be requeued", id)
	}
	return t.transition(id, []Status{Sending}, Approved, now, `last_error = ?, next_attempt_at = ?`, cause, ms(now))
}

// MarkSent records the server's acceptance (or, for a held draft, the
// proof that it left), with the state of its Sent-folder copy.
func (t *Tx) MarkSent(id int64, reply string, copyState int, now time.Time) error {
	return t.transition(id, []Status{Sending, Held}, Sent, now,
		`sent_at = ?, server_reply = ?, last_error = '', sent_copy = ?`, ms(now), reply, copyState)
}

// MarkRetry puts a draft back in the queue after a temporary failure.
func (t *Tx) MarkRetry(id int64, cause string, next, now time.Time) error {
	return t.transition(id, []Status{Sending}, Approved, now,
		`last_error = ?, next_attempt_at = ?`, cause, ms(next))
}

// MarkFailed records a permanent failure; the applicant sees why.
func (t *Tx) MarkFailed(id int64, cause string, now time.Time) error {
	return t.transition(id, []Status{Sending, Approved}, Failed, now, `last_error = ?`, cause)
}

// PendingCopies returns the sent drafts whose Sent-folder copy may still
// be due.
func (t *Tx) PendingCopies() ([]Draft, error) {
	return t.queryDrafts(`SELECT `+draftCols+` FROM drafts WHERE status = ? AND sent_copy = ? ORDER BY id`,
		string(Sent), CopyPending)
}

// MarkHeld parks a draft whose send may or may not have happened.
func (t *Tx) MarkHeld(id int64, cause string, now time.Time) error {
	return t.transition(id, []Status{Sending}, Held, now, `last_error = ?`, cause)
}

// SetSentCopy records the state of the draft's Sent-folder copy.
func (t *Tx) SetSentCopy(id int64, state int, now time.Time) error {
	_, err := t.tx.Exec(`UPDATE drafts SET sent_copy = ?, updated_at = ? WHERE id = ?`, state, ms(now), id)
	if err != nil {
		return fmt.Errorf("update draft %d: %w", id, err)
	}
	return nil
}

// SetMailboxCopy records the UID of the draft's copy in the Drafts folder
// (0 when it has none), and that no removal of it is under way.
func (t *Tx) SetMailboxCopy(id int64, uidValidity, uid uint32) error {
	_, err := t.tx.Exec(`UPDATE drafts SET mailbox_uid = ?, mailbox_uidvalidity = ?, copy_removing = 0 WHERE id = ?`, uid, uidValidity, id)
	if err != nil {
		return fmt.Errorf("update draft %d: %w", id, err)
	}
	return nil
}

// MarkCopyRemoving records that lorkeeper is about to remove the draft's
// Drafts-folder copy itself (see Draft.CopyRemoving).
func (t *Tx) MarkCopyRemoving(id int64) error {
	_, err := t.tx.Exec(`UPDATE drafts SET copy_removing = 1 WHERE id = ?`, id)
	if err != nil {
		return fmt.Errorf("update draft %d: %w", id, err)
	}
	return nil
}

// ThreadIDs returns the Message-IDs of writer's conversation, oldest
// first: the drafts sent to them and the messages received from them.
// A portal's upload notice about them (an upload not from writerAddr)
// is not part of it: the writer never saw it.
func (t *Tx) ThreadIDs(writer, writerAddr string) ([]string, error) {
	rows, err := t.tx.Query(`SELECT id FROM (
		SELECT message_id AS id, sent_at AS at FROM drafts WHERE writer = ? AND status = ? AND message_id IS NOT NULL
		UNION ALL SELECT message_id, date FROM messages WHERE writer = ? AND kind NOT IN ('auto_reply')
			AND NOT (kind = 'uploaded' AND lower(from_addr) != lower(?))
	) ORDER BY at`, writer, string(Sent), writer, writerAddr)
	if err != nil {
		return nil, fmt.Errorf("read thread of %s: %w", writer, err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			return nil, fmt.Errorf("read thread of %s: %w", writer, err)
		}
		out = append(out, id)
	}
	return out, rows.Err()
}

// SentIDs returns the Message-IDs of the last n drafts sent, newest
// first.
func (t *Tx) SentIDs(n int) ([]string, error) {
	rows, err := t.tx.Query(`SELECT message_id FROM drafts WHERE status = ? AND message_id IS NOT NULL
		AND template != 'digest' ORDER BY sent_at DESC, id DESC LIMIT ?`, string(Sent), n)
	if err != nil {
		return nil, fmt.Errorf("read sent ids: %w", err)
	}
	defer rows.Close()
	var out []string
	for rows.Next() {
		var id string
		if err := rows.Scan(&id); err != nil {
			return nil, fmt.Errorf("read sent ids: %w", err)
		}
		out = append(out, id)
	}
	return out, rows.Err()
}

// DraftByMessageID returns the draft that carries Message-ID id.
func (t *Tx) DraftByMessageID(id string) (Draft, bool, error) {
	d, err := scanDraft(t.tx.QueryRow(`SELECT `+draftCols+` FROM drafts WHERE message_id = ?`, id))
	if errors.Is(err, sql.ErrNoRows) {
		return d, false, nil
	}
	if err != nil {
		return d, false, fmt.Errorf("look up message id: %w", err)
	}
	return d, true, nil
}

// SentMessageID reports whether id is the Message-ID of a draft this
// store sent, and to which writer.
func (t *Tx) SentMessageID(id string) (string, bool, error) {
	var w string
	err := t.tx.QueryRow(`SELECT writer FROM drafts WHERE message_id = ?`, id).Scan(&w)
	if errors.Is(err, sql.ErrNoRows) {
		return "", false, nil
	}
	if err != nil {
		return "", false, fmt.Errorf("look up message id: %w", err)
	}
	return w, true, nil
}

// MarkSentByClient records that the applicant sent the draft from their
// own mail client: what they sent (subject, text, Message-ID) replaces
// the draft's, and it is never sent again.
func (t *Tx) MarkSentByClient(id int64, messageID, subject, text, html string, now time.Time) error {
	d, err := t.Draft(id)
	if err != nil {
		return err
	}
	edited := d.Edited || subject != d.Subject || text != d.Text
	return t.transition(id, []Status{Pending, Approved, Held}, Sent, now,
		`sent_at = ?, server_reply = ?, message_id = ?, subject = ?, body_text = ?, body_html = ?, edited = ?, mailbox_uid = 0, sent_copy = ?`,
		ms(now), "sent from your mail client", messageID, subject, text, html, b2i(edited), CopyNone)
}

// Postpone moves an approved draft's next attempt to next, saying why.
func (t *Tx) Postpone(id int64, why string, next, now time.Time) error {
	return t.transition(id, []Status{Approved}, Approved, now, `last_error = ?, next_attempt_at = ?`, why, ms(next))
}
