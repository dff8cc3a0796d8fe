package keeper

import (
	"context"
	"errors"
	"fmt"
	"mime"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/lorkeeper/lorkeeper/config"
	"github.com/lorkeeper/lorkeeper/letters"
	"github.com/lorkeeper/lorkeeper/store"
	"github.com/lorkeeper/lorkeeper/summarypdf"
	"github.com/lorkeeper/lorkeeper/templates"
)

// threaded templates reply in the writer's thread when there is one.
var threaded = map[string]bool{
	letters.TFollowUp: true, letters.TInfo: true, letters.TReminder: true,
	letters.TThankYou: true, letters.TAlternate: true,
}

// packet templates carry the letter packet.
var packet = map[string]bool{letters.TFollowUp: true, letters.TInfo: true}

// draftTx renders template t for writer w and stores it as a draft
// (approved at once if the config auto-approves t).
func (k *Keeper) draftTx(tx *store.Tx, w config.Writer, l letters.Letter, t string, now time.Time) (int64, error) {
	data := templates.NewData(k.cfg, w, now)
	data.Agreed = l.State == letters.Agreed || l.State == letters.Waiting
	data.Declined = l.State == letters.Declined
	data.Hedged = l.LastReplyKind == letters.Hesitant
	ls, err := k.lettersTx(tx, w)
	if err != nil {
		return 0, err
	}
	data.Outstanding = nil
	for _, x := range outstanding(ls) {
		for _, d := range data.Letters {
			if d.ID == x.ID {
				data.Outstanding = append(data.Outstanding, d)
			}
		}
	}
	var atts []store.Attachment
	if packet[t] {
		if atts, data.Attachments, err = k.packet(w, now); err != nil {
			return 0, err
		}
	}
	if t == letters.TInfo {
		if data.Questions, err = k.questionsTx(tx, w, data.Attachments); err != nil {
			return 0, err
		}
		// The packet went out already: send it again only if asked.
		if l.PacketSent && !asksForMaterials(data.Questions) {
			atts, data.Attachments = nil, nil
			for i := range data.Questions {
				if strings.HasPrefix(data.Questions[i].Answer, "Attached: ") {
					data.Questions[i].Answer = ""
				}
			}
		}
	}
	msg, err := k.tmpl.Render(t, data)
	if err != nil {
		return 0, err
	}
	th, err := k.threadTx(tx, w.ID, t)
	if err != nil {
		return 0, err
	}
	if th.Root != "" {
		msg.Subject = ReplySubject(th.Root)
	}
	d := store.Draft{Writer: w.ID, Template: t, ToName: w.Name, ToAddr: w.Email,
		Subject: msg.Subject, Text: msg.Text, HTML: msg.HTML, Attachments: atts, MessageID: k.newMessageID()}
	auto := k.cfg.AutoApproves(t)
	if auto {
		d.Status, d.ApprovedAt, d.NextAttemptAt = store.Approved, now, now
	}
	id, err := tx.AddDraft(d, now)
	if err != nil {
		return 0, fmt.Errorf("draft %s for %s: %w", t, w.ID, err)
	}
	if auto {
		return id, k.snapshotTx(tx, id)
	}
	return id, nil
}

// questionsTx returns the questions of the writer's latest request for
// information, answered where the config knows.
func (k *Keeper) questionsTx(tx *store.Tx, w config.Writer, attached []string) ([]templates.QA, error) {
	ms, err := tx.Messages(w.ID)
	if err != nil {
		return nil, err
	}
	for i := len(ms) - 1; i >= 0; i-- {
		if kind := ms[i].Kind; kind == "needs_info" || ms[i].Corrected == "needs_info" {
			return answers(k.cfg, w, Questions(ms[i].NewText), attached), nil
		}
	}
	return nil, nil
}

// packet returns the letter packet's attachments (CV, personal statement,
// other files, and the rendered summary) and their labels for the body.
func (k *Keeper) packet(w config.Writer, now time.Time) ([]store.Attachment, []string, error) {
	a := k.cfg.Applicant
	var atts []store.Attachment
	var labels []string
	add := func(kind, path string) {
		if path == "" {
			return
		}
		atts = append(atts, store.Attachment{Name: filepath.Base(path), Path: path, ContentType: contentType(path)})
		labels = append(labels, attachmentLabel(kind, path))
	}
	add("CV", a.CV)
	add("Personal statement", a.PersonalStatement)
	for _, p := range a.Attachments {
		add(strings.TrimSuffix(filepath.Base(p), filepath.Ext(p)), p)
	}
	for _, l := range w.Letters {
		label := "Letter Request Form"
		if len(w.Letters) > 1 {
			label += " for the " + l.Label()
		}
		add(label, l.RequestForm)
	}
	name := fmt.Sprintf("Summary for %s - %s.pdf", w.Name, a.Name)
	atts = append(atts, store.Attachment{Name: name, ContentType: "application/pdf", Generated: genSummary})
	labels = append(labels, fmt.Sprintf("A one-page summary of our work together (%s)", name))
	return atts, labels, nil
}

// genSummary marks the summary attachment, made when the draft is
// approved so that it says what the config says then (highlights the
// applicant edited included).
const genSummary = "summary"

// summary renders writer's summary as a PDF, as of now.
func (k *Keeper) summary(writer string) ([]byte, error) {
	w, err := k.writer(writer)
	if err != nil {
		return nil, err
	}
	sum, err := k.tmpl.Render("summary", templates.NewData(k.cfg, w, k.now()))
	if err != nil {
		return nil, err
	}
	return summarypdf.Render(sum.Text)
}

// Materialize fills in the content of d's generated attachments (the
// summary), so that its copy in the Drafts folder, its preview and the
// message sent carry them. It does no network I/O.
func (k *Keeper) Materialize(d store.Draft) (store.Draft, error) {
	atts := append([]store.Attachment(nil), d.Attachments...)
	for i, a := range atts {
		if a.Generated == genSummary && a.Data == nil {
			data, err := k.summary(d.Writer)
			if err != nil {
				return d, fmt.Errorf("draft %d: %s: %w", d.ID, a.Name, err)
			}
			atts[i].Data = data
		}
	}
	d.Attachments = atts
	return d, nil
}

func contentType(path string) string {
	if ct := mime.TypeByExtension(filepath.Ext(path)); ct != "" {
		return ct
	}
	return "application/octet-stream"
}

// ReplySubject returns "Re: subject", without stacking prefixes.
func ReplySubject(s string) string {
	for {
		t := strings.TrimSpace(s)
		lower := strings.ToLower(t)
		if strings.HasPrefix(lower, "re:") {
			s = t[3:]
			continue
		}
		return "Re: " + t
	}
}

// Drafts returns the drafts to writers in the given statuses (all when
// none); the digest is not among them.
func (k *Keeper) Drafts(ctx context.Context, statuses ...store.Status) ([]store.Draft, error) {
	var ds []store.Draft
	err := k.st.View(ctx, func(tx *store.Tx) error {
		all, err := tx.Drafts("", statuses...)
		for _, d := range all {
			if d.Template != TDigest {
				ds = append(ds, d)
			}
		}
		return err
	})
	return ds, err
}

// Draft returns one draft.
func (k *Keeper) Draft(ctx context.Context, id int64) (store.Draft, error) {
	var d store.Draft
	err := k.st.View(ctx, func(tx *store.Tx) (err error) {
		d, err = tx.Draft(id)
		return err
	})
	return d, err
}

// Approve marks drafts for sending, with their attachments as they are
// now. All are approved or none: an id that cannot be approved fails the
// whole call, naming it. A held draft is refused (see SendAgain).
func (k *Keeper) Approve(ctx context.Context, ids ...int64) error {
	return k.eachDraft(ctx, ids, "approve", "approved", func(tx *store.Tx, id int64, now time.Time) error {
		d, err := tx.Draft(id)
		if err != nil {
			return err
		}
		if strings.Contains(d.Text, templates.AnswerHere) {
			return fmt.Errorf("draft %d still says %s: answer the writer's question there first (`lorkeeper drafts edit %d`, or on the dashboard)", id, templates.AnswerHere, id)
		}
		if err := tx.Approve(id, now); err != nil {
			return err
		}
		return k.snapshotTx(tx, id)
	})
}

// Discard drops drafts. All are discarded or none.
func (k *Keeper) Discard(ctx context.Context, ids ...int64) error {
	return k.eachDraft(ctx, ids, "discard", "discarded", (*store.Tx).Discard)
}

// eachDraft applies op to every draft in one transaction, with a history
// line for each.
func (k *Keeper) eachDraft(ctx context.Context, ids []int64, verb, done string, op func(*store.Tx, int64, time.Time) error) error {
	now := k.now()
	return k.st.Update(ctx, func(tx *store.Tx) error {
		for _, id := range ids {
			if err := op(tx, id, now); err != nil {
				return err
			}
			d, err := tx.Draft(id)
			if err != nil {
				return err
			}
			if err := tx.AddHistory(store.History{Writer: d.Writer, At: now, Event: verb + ":" + d.Template,
				Note: fmt.Sprintf("draft #%d %s", id, done)}); err != nil {
				return err
			}
		}
		return nil
	})
}

// Recipients are who a draft goes to, as the applicant set them.
type Recipients struct {
	To      store.Address
	Cc, Bcc []store.Address
}

// EditRecipients replaces the recipients of a draft under review (the
// applicant changed them on the copy in their Drafts folder).
func (k *Keeper) EditRecipients(ctx context.Context, id int64, r Recipients) error {
	if r.To.Addr == "" {
		return errors.New("edit: the draft must go to someone")
	}
	return k.st.Update(ctx, func(tx *store.Tx) error {
		return tx.SetRecipients(id, r.To, r.Cc, r.Bcc, k.now())
	})
}

// Edit replaces a draft's subject and text with the applicant's version;
// the HTML alternative is made from the new text, so both parts say the
// same. The subject must stay one line.
func (k *Keeper) Edit(ctx context.Context, id int64, subject, text string) error {
	subject = strings.TrimSpace(subject)
	if subject == "" || strings.ContainsAny(subject, "\r\n") {
		return errors.New("edit: the subject must be one non-empty line")
	}
	if strings.TrimSpace(text) == "" {
		return errors.New("edit: the body is empty")
	}
	now := k.now()
	return k.st.Update(ctx, func(tx *store.Tx) error {
		return tx.Edit(id, subject, text, templates.TextToHTML(text), now)
	})
}

// SentByClient records that the applicant sent draft id from their own
// mail client, with what they actually sent, and moves the letter on as
// if lorkeeper had sent it.
func (k *Keeper) SentByClient(ctx context.Context, id int64, messageID, subject, text string) error {
	now := k.now()
	return k.st.Update(ctx, func(tx *store.Tx) error {
		if err := tx.MarkSentByClient(id, messageID, subject, text, templates.TextToHTML(text), now); err != nil {
			return err
		}
		d, err := tx.Draft(id)
		if err != nil {
			return err
		}
		if err := tx.AddHistory(store.History{Writer: d.Writer, At: now, Event: "sent:" + d.Template,
			Note: fmt.Sprintf("draft #%d sent from your mail client", id)}); err != nil {
			return err
		}
		return k.sentTx(tx, d)
	})
}

// SetMailboxCopy records the UID of a draft's copy in the Drafts folder
// (0 when it has none).
func (k *Keeper) SetMailboxCopy(ctx context.Context, id int64, uidValidity, uid uint32) error {
	return k.st.Update(ctx, func(tx *store.Tx) error { return tx.SetMailboxCopy(id, uidValidity, uid) })
}

// RemovingCopy records, before lorkeeper removes draft id's copy from
// the Drafts folder to send it, that the removal is its own.
func (k *Keeper) RemovingCopy(ctx context.Context, id int64) error {
	return k.st.Update(ctx, func(tx *store.Tx) error { return tx.MarkCopyRemoving(id) })
}

// IsOurs reports whether a Message-ID is one of lorkeeper's drafts'.
func (k *Keeper) IsOurs(ctx context.Context, messageID string) (bool, error) {
	var ok bool
	err := k.st.View(ctx, func(tx *store.Tx) (err error) {
		_, ok, err = tx.SentMessageID(messageID)
		return err
	})
	return ok, err
}

// LatestReply returns the writer's latest message, if any: the draft
// page shows it beside the answer being drafted.
func (k *Keeper) LatestReply(ctx context.Context, writer string) (store.Message, bool, error) {
	ms, err := k.Messages(ctx, writer)
	if err != nil || len(ms) == 0 || writer == "" {
		return store.Message{}, false, err
	}
	return ms[len(ms)-1], true, nil
}

// Attachment returns attachment i of draft id with its content (a file
// read now, or the summary made now), for a preview.
func (k *Keeper) Attachment(ctx context.Context, id int64, i int) (store.Attachment, error) {
	d, err := k.Draft(ctx, id)
	if err != nil {
		return store.Attachment{}, err
	}
	if i < 0 || i >= len(d.Attachments) {
		return store.Attachment{}, fmt.Errorf("draft %d has no attachment %d: %w", id, i+1, store.ErrNotFound)
	}
	if d, err = k.Materialize(d); err != nil {
		return store.Attachment{}, err
	}
	a := d.Attachments[i]
	if a.Data == nil && a.Path != "" {
		if a.Data, err = os.ReadFile(a.Path); err != nil {
			return a, fmt.Errorf("draft %d: %s: %w", id, a.Name, err)
		}
	}
	return a, nil
}
