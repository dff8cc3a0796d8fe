package keeper

import (
	"context"
	"crypto/rand"
	"fmt"
	"os"
	"strings"
	"time"

	"github.com/lorkeeper/lorkeeper/store"
)

// TDigest is the template name of the applicant's digest, which goes out
// through the outbox like any draft: recorded before it is sent, so two
// daemons or a crash never mail it twice.
const TDigest = "digest"

// maxRefs bounds References: the thread's first id and its latest ones,
// as mail clients do when a thread grows long.
const maxRefs = 10

// Thread is how a draft replies in its writer's conversation.
type Thread struct {
	Root       string   // subject of the first email sent to the writer; "" if none yet
	InReplyTo  string   // the conversation's latest message; "" for a new thread
	References []string // its first and latest ids, oldest first
}

// threadTx is the one place the threading of a writer's email is
// decided: the subject root, In-Reply-To and References.
func (k *Keeper) threadTx(tx *store.Tx, writer, template string) (Thread, error) {
	var th Thread
	if !threaded[template] {
		return th, nil
	}
	root, _, ok, err := tx.FirstSent(writer)
	if err != nil {
		return th, err
	}
	if ok {
		th.Root = root
	}
	w, _ := k.cfg.Writer(writer)
	ids, err := tx.ThreadIDs(writer, w.Email)
	if err != nil || len(ids) == 0 {
		return th, err
	}
	th.InReplyTo = ids[len(ids)-1]
	th.References = ids
	if len(ids) > maxRefs {
		th.References = append([]string{ids[0]}, ids[len(ids)-maxRefs+1:]...)
	}
	return th, nil
}

// Threading returns how draft d would be threaded if it were sent now
// (the copy in the applicant's Drafts folder shows it so).
func (k *Keeper) Threading(ctx context.Context, d store.Draft) (store.Draft, error) {
	err := k.st.View(ctx, func(tx *store.Tx) error {
		th, err := k.threadTx(tx, d.Writer, d.Template)
		d.InReplyTo, d.References = th.InReplyTo, th.References
		return err
	})
	return d, err
}

// newMessageID returns a Message-ID (without brackets) like the ones
// ordinary mail clients make: a random UUID at the applicant's domain.
func (k *Keeper) newMessageID() string {
	domain := "localhost"
	if at := strings.LastIndexByte(k.cfg.Applicant.Email, '@'); at >= 0 {
		domain = k.cfg.Applicant.Email[at+1:]
	}
	var b [16]byte
	_, _ = rand.Read(b[:])
	b[6] = b[6]&0x0f | 0x40 // version 4
	b[8] = b[8]&0x3f | 0x80 // RFC 4122 variant
	return fmt.Sprintf("%x-%x-%x-%x-%x@%s", b[0:4], b[4:6], b[6:8], b[8:10], b[10:16], domain)
}

// Stuck returns the drafts a crash left in "sending".
func (k *Keeper) Stuck(ctx context.Context) ([]store.Draft, error) {
	var ds []store.Draft
	err := k.st.View(ctx, func(tx *store.Tx) (err error) {
		ds, err = tx.Drafts("", store.Sending)
		return err
	})
	return ds, err
}

// NextApproved returns the approved draft due first, if any.
func (k *Keeper) NextApproved(ctx context.Context) (store.Draft, bool, error) {
	var d store.Draft
	var ok bool
	err := k.st.View(ctx, func(tx *store.Tx) (err error) {
		d, ok, err = tx.NextApproved(k.now())
		return err
	})
	return d, ok, err
}

// NextAttempt returns when the earliest approved draft is due.
func (k *Keeper) NextAttempt(ctx context.Context) (time.Time, bool, error) {
	var t time.Time
	var ok bool
	err := k.st.View(ctx, func(tx *store.Tx) (err error) {
		t, ok, err = tx.NextAttempt()
		return err
	})
	return t, ok, err
}

// Claim moves the next due draft to "sending", recording the Message-ID
// and threading it will carry. It reports false when nothing is due.
func (k *Keeper) Claim(ctx context.Context) (store.Draft, bool, error) {
	return k.claim(ctx, 0)
}

// ClaimID is Claim for draft id only, whether or not it is due; it
// reports false when the draft is not approved.
func (k *Keeper) ClaimID(ctx context.Context, id int64) (store.Draft, bool, error) {
	return k.claim(ctx, id)
}

func (k *Keeper) claim(ctx context.Context, id int64) (store.Draft, bool, error) {
	var d store.Draft
	var ok bool
	now := k.now()
	err := k.st.Update(ctx, func(tx *store.Tx) error {
		var err error
		if id == 0 {
			d, ok, err = tx.NextApproved(now)
		} else {
			d, err = tx.Draft(id)
			ok = err == nil && d.Status == store.Approved
		}
		if err != nil || !ok {
			return err
		}
		if d.MessageID == "" {
			d.MessageID = k.newMessageID()
		}
		th, err := k.threadTx(tx, d.Writer, d.Template)
		if err != nil {
			return err
		}
		d.InReplyTo, d.References = th.InReplyTo, th.References
		if err := tx.MarkSending(d.ID, d.MessageID, d.InReplyTo, d.References, now); err != nil {
			return err
		}
		d.Status = store.Sending
		return nil
	})
	return d, ok, err
}

// Committed records, durably, that the final "." of draft id is about to
// go: a crash from now on holds the draft instead of sending it again.
func (k *Keeper) Committed(ctx context.Context, id int64) error {
	return k.st.Update(ctx, func(tx *store.Tx) error { return tx.MarkCommitted(id, k.now()) })
}

// Sent records that the server accepted draft d (reply is its answer),
// moves the letter on, and notes whether a Sent-folder copy is still due.
// It records even when ctx has ended: the message has left.
func (k *Keeper) Sent(ctx context.Context, d store.Draft, reply string, copyState int) error {
	return k.st.Update(context.WithoutCancel(ctx), func(tx *store.Tx) error {
		if err := tx.MarkSent(d.ID, reply, copyState, k.now()); err != nil {
			return err
		}
		return k.sentTx(tx, d)
	})
}

// Retry puts draft d back in the queue after a temporary failure, to be
// tried at next.
func (k *Keeper) Retry(ctx context.Context, d store.Draft, cause string, next time.Time) error {
	return k.st.Update(context.WithoutCancel(ctx), func(tx *store.Tx) error {
		return tx.MarkRetry(d.ID, cause, next, k.now())
	})
}

// Fail records that draft d was refused for good.
func (k *Keeper) Fail(ctx context.Context, d store.Draft, cause string) error {
	return k.st.Update(context.WithoutCancel(ctx), func(tx *store.Tx) error {
		if err := tx.MarkFailed(d.ID, cause, k.now()); err != nil {
			return err
		}
		return tx.AddHistory(store.History{Writer: d.Writer, At: k.now(), Event: "failed:" + d.Template,
			Note: fmt.Sprintf("draft #%d not sent: %s", d.ID, cause)})
	})
}

// Hold parks draft d, whose send may or may not have reached the writer,
// for the applicant to decide; advice says, truthfully, what is known.
func (k *Keeper) Hold(ctx context.Context, d store.Draft, advice string) error {
	return k.st.Update(context.WithoutCancel(ctx), func(tx *store.Tx) error {
		if err := tx.MarkHeld(d.ID, advice, k.now()); err != nil {
			return err
		}
		return tx.AddHistory(store.History{Writer: d.Writer, At: k.now(), Event: "held:" + d.Template,
			Note: fmt.Sprintf("draft #%d held: %s", d.ID, advice)})
	})
}

// Requeue puts back a draft whose send was interrupted before the
// message was complete: the server discarded it, so it is sent again.
func (k *Keeper) Requeue(ctx context.Context, d store.Draft, cause string) error {
	return k.st.Update(ctx, func(tx *store.Tx) error { return tx.Requeue(d.ID, cause, k.now()) })
}

// Postpone moves an approved draft's next attempt to next, saying why.
func (k *Keeper) Postpone(ctx context.Context, id int64, why string, next time.Time) error {
	return k.st.Update(ctx, func(tx *store.Tx) error { return tx.Postpone(id, why, next, k.now()) })
}

// PendingCopies returns the sent drafts whose Sent-folder copy may still
// be due.
func (k *Keeper) PendingCopies(ctx context.Context) ([]store.Draft, error) {
	var ds []store.Draft
	err := k.st.View(ctx, func(tx *store.Tx) (err error) {
		ds, err = tx.PendingCopies()
		return err
	})
	return ds, err
}

// SetCopy records the state of draft id's Sent-folder copy.
func (k *Keeper) SetCopy(ctx context.Context, id int64, state int) error {
	return k.st.Update(context.WithoutCancel(ctx), func(tx *store.Tx) error { return tx.SetSentCopy(id, state, k.now()) })
}

// SendAgain approves held drafts once more, on the applicant's explicit
// word that the writer may receive a second copy.
func (k *Keeper) SendAgain(ctx context.Context, ids ...int64) error {
	return k.eachDraft(ctx, ids, "send again", "approved again: it goes out once more, and the writer may get two copies", (*store.Tx).ApproveAgain)
}

// MarkSent records that held drafts did reach the writer (the applicant
// saw them in their Sent folder, or the writer answered).
func (k *Keeper) MarkSent(ctx context.Context, ids ...int64) error {
	return k.eachDraft(ctx, ids, "mark sent", "recorded as sent by you", func(tx *store.Tx, id int64, now time.Time) error {
		d, err := tx.Draft(id)
		if err != nil {
			return err
		}
		if d.Status != store.Held {
			return fmt.Errorf("draft %d is %s, not held", id, d.Status)
		}
		if err := tx.MarkSent(id, "recorded as sent by the applicant", store.CopyNone, now); err != nil {
			return err
		}
		return k.sentTx(tx, d)
	})
}

// snapshotTx reads the files a draft attaches into the draft, and makes
// its generated ones, so that what is sent is what the applicant
// approved, even if a file changes or goes missing afterwards.
func (k *Keeper) snapshotTx(tx *store.Tx, id int64) error {
	d, err := tx.Draft(id)
	if err != nil {
		return err
	}
	changed := false
	for i, a := range d.Attachments {
		if a.Generated != "" && a.Data == nil {
			m, err := k.Materialize(d)
			if err != nil {
				return err
			}
			d.Attachments[i].Data = m.Attachments[i].Data
			changed = true
			continue
		}
		if a.Path == "" {
			continue
		}
		data, err := os.ReadFile(a.Path)
		if err != nil {
			return fmt.Errorf("draft %d: attachment %s: %w (put the file back, or discard the draft)", id, a.Name, err)
		}
		d.Attachments[i].Data, d.Attachments[i].Path = data, ""
		changed = true
	}
	if !changed {
		return nil
	}
	return tx.SetAttachments(id, d.Attachments)
}

// Threaded reports whether drafts of template t reply in the writer's
// thread.
func Threaded(t string) bool { return threaded[t] }
