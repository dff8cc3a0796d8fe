// Package outbox sends the drafts the applicant approved, exactly once.
//
// Each send is recorded before it starts (the draft moves to "sending"
// with the Message-ID it will carry) and after it ends (sent, retry or
// failed), so a crash in between is noticed on restart: the draft is
// looked for in the Sent folder and, where lorkeeper cannot be sure it
// left, held for the applicant to decide instead of being sent again.
package outbox

import (
	"context"
	"crypto/rand"
	"encoding/hex"
	"errors"
	"fmt"
	"log/slog"
	mrand "math/rand/v2"
	"time"

	"github.com/wneessen/go-mail"

	"github.com/lorkeeper/lorkeeper/keeper"
	"github.com/lorkeeper/lorkeeper/mailer"
	"github.com/lorkeeper/lorkeeper/store"
)

// Sender hands a message to an SMTP server (mailer.Server does).
type Sender interface {
	Send(ctx context.Context, msg *mail.Msg) (string, error)
}

// Folders keeps the Sent folder (inbox.Folders does).
type Folders interface {
	ServerFilesSent(ctx context.Context) (bool, error)
	AppendSent(ctx context.Context, raw []byte, date time.Time) error
	HasSent(ctx context.Context, messageID string) (bool, error)
}

// Outbox sends one applicant's approved drafts.
type Outbox struct {
	Keeper  *keeper.Keeper
	Sender  Sender
	Folders Folders // nil: no Sent folder to keep or search
	// SentCopy is the config's smtp.sent_copy: auto, append or none.
	SentCopy string
	// PerMinute caps sends per minute (default 10).
	PerMinute int
	// RetryBase is the first wait after a temporary failure (default
	// 30s); it doubles per attempt up to an hour, with jitter.
	RetryBase time.Duration
	// Poll is how often approved drafts are looked for (default 1s).
	Poll time.Duration
	// BeforeSend, if set, is asked before a draft with a copy in the
	// Drafts folder is sent: it removes the copy, so the applicant cannot
	// also send it from their mail client, and reports false if the copy
	// was already gone (the applicant may have sent it themselves).
	BeforeSend func(ctx context.Context, d store.Draft) (bool, error)
	Log        *slog.Logger

	recent     []time.Time // send times in the last minute
	appendSent *bool       // decided on first use
}

// HeaderDraft names the draft in every message lorkeeper sends, so its
// copies (in Sent, or in Drafts) can be recognised.
const HeaderDraft = "X-Lorkeeper-Draft"

// Run recovers interrupted sends, then sends approved drafts as they come
// due until ctx ends. It blocks and returns ctx's error, or the first
// error it cannot go on after (a broken state file).
func (o *Outbox) Run(ctx context.Context) error {
	if err := o.Recover(ctx); err != nil {
		return err
	}
	poll := o.Poll
	if poll <= 0 {
		poll = time.Second
	}
	t := time.NewTicker(poll)
	defer t.Stop()
	st := o.Keeper.Store()
	last := int64(-1)
	var due time.Time // when the earliest approved draft comes due
	for {
		// Look for work only when the state changed (an approval, from
		// any process) or a retry comes due: an idle daemon then costs
		// one cheap PRAGMA a second.
		ver, err := st.Version(ctx)
		now := o.Keeper.Now()
		if err != nil || ver != last || (!due.IsZero() && !now.Before(due)) || len(o.recent) > 0 {
			last = ver
			if _, err := o.SendDue(ctx); err != nil {
				if ctx.Err() != nil {
					return ctx.Err()
				}
				o.Log.Error("outbox", "err", err)
			}
			due = time.Time{}
			_ = st.View(ctx, func(tx *store.Tx) error {
				next, ok, err := tx.NextAttempt()
				if ok {
					due = next
				}
				return err
			})
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-t.C:
		}
	}
}

// Recover settles drafts a crash left in "sending": if the Sent folder
// has the message, it was sent; otherwise it is held for the applicant.
func (o *Outbox) Recover(ctx context.Context) error {
	st := o.Keeper.Store()
	var stuck []store.Draft
	err := st.View(ctx, func(tx *store.Tx) (err error) {
		stuck, err = tx.Drafts("", store.Sending)
		return err
	})
	if err != nil {
		return fmt.Errorf("recover sends: %w", err)
	}
	for _, d := range stuck {
		found := false
		if o.Folders != nil {
			found, err = o.Folders.HasSent(ctx, d.MessageID)
			if err != nil {
				o.Log.Warn("cannot search the Sent folder; holding the draft", "draft", d.ID, "err", err)
			}
		}
		now := o.Keeper.Now()
		err = st.Update(ctx, func(tx *store.Tx) error {
			if found {
				if err := tx.MarkSent(d.ID, "found in the Sent folder after a restart", now); err != nil {
					return err
				}
				return o.Keeper.SentTx(tx, d)
			}
			return tx.MarkHeld(d.ID, "interrupted while sending; it may have left", now)
		})
		if err != nil {
			return fmt.Errorf("recover draft %d: %w", d.ID, err)
		}
		if found {
			o.Log.Info("interrupted send found in Sent; recorded as sent", "draft", d.ID)
		} else {
			o.Log.Warn("interrupted send held for the applicant: it may or may not have left", "draft", d.ID, "writer", d.Writer)
		}
	}
	return nil
}

// SendDue sends every approved draft that is due, within the rate limit,
// and returns how many were sent.
func (o *Outbox) SendDue(ctx context.Context) (int, error) {
	n := 0
	for ctx.Err() == nil {
		if wait := o.rateWait(); wait > 0 {
			o.Log.Info("send limit reached; waiting", "per_minute", o.perMinute(), "wait", wait.Round(time.Second))
			return n, nil
		}
		if held, err := o.checkCopies(ctx); err != nil || held {
			if err != nil {
				return n, err
			}
			continue
		}
		d, ok, err := o.claim(ctx)
		if err != nil || !ok {
			return n, err
		}
		sent, err := o.send(ctx, d)
		if err != nil {
			return n, err
		}
		if sent {
			n++
		}
	}
	return n, ctx.Err()
}

func (o *Outbox) perMinute() int {
	if o.PerMinute <= 0 {
		return 10
	}
	return o.PerMinute
}

// rateWait returns how long to wait before the next send is allowed.
func (o *Outbox) rateWait() time.Duration {
	now := time.Now()
	kept := o.recent[:0]
	for _, t := range o.recent {
		if now.Sub(t) < time.Minute {
			kept = append(kept, t)
		}
	}
	o.recent = kept
	if len(o.recent) < o.perMinute() {
		return 0
	}
	return time.Minute - now.Sub(o.recent[0])
}

// checkCopies asks BeforeSend about the next due draft if it has a copy
// in the Drafts folder, and postpones it when the copy is gone. It
// reports whether it postponed one.
func (o *Outbox) checkCopies(ctx context.Context) (bool, error) {
	if o.BeforeSend == nil {
		return false, nil
	}
	now := o.Keeper.Now()
	st := o.Keeper.Store()
	var d store.Draft
	var ok bool
	err := st.View(ctx, func(tx *store.Tx) (err error) {
		d, ok, err = tx.NextApproved(now)
		return err
	})
	if err != nil || !ok || d.MailboxUID == 0 {
		return false, err
	}
	goAhead, err := o.BeforeSend(ctx, d)
	if err != nil {
		o.Log.Warn("cannot check the Drafts folder; will retry", "draft", d.ID, "err", err)
		goAhead = false
	}
	if goAhead {
		return false, nil
	}
	next := now.Add(time.Minute)
	return true, st.Update(ctx, func(tx *store.Tx) error {
		return tx.Postpone(d.ID, "its copy left your Drafts folder: checking whether you sent it yourself", next, now)
	})
}

// claim moves the next due draft to "sending", recording its Message-ID
// and threading first.
func (o *Outbox) claim(ctx context.Context) (store.Draft, bool, error) {
	var d store.Draft
	var ok bool
	now := o.Keeper.Now()
	err := o.Keeper.Store().Update(ctx, func(tx *store.Tx) error {
		var err error
		d, ok, err = tx.NextApproved(now)
		if err != nil || !ok {
			return err
		}
		if d.MessageID == "" {
			d.MessageID = o.Keeper.NewMessageID(d.ID, randomHex(6))
		}
		d.InReplyTo, d.References = "", nil
		if keeper.Threaded(d.Template) {
			ids, err := tx.ThreadIDs(d.Writer)
			if err != nil {
				return err
			}
			if len(ids) > 0 {
				d.InReplyTo = ids[len(ids)-1]
				d.References = capRefs(ids, 10)
			}
		}
		return tx.MarkSending(d.ID, d.MessageID, d.InReplyTo, d.References, now)
	})
	return d, ok, err
}

// capRefs keeps the thread's first id and its latest ones, as mail
// clients do when References grows long.
func capRefs(ids []string, n int) []string {
	if len(ids) <= n {
		return ids
	}
	return append([]string{ids[0]}, ids[len(ids)-n+1:]...)
}

// send sends one claimed draft and records the outcome. It returns
// whether the draft was sent; an error only for state-file trouble.
func (o *Outbox) send(ctx context.Context, d store.Draft) (bool, error) {
	st := o.Keeper.Store()
	msg, raw, err := Compose(o.Keeper, d, o.Keeper.Now())
	if err != nil {
		o.Log.Error("draft cannot be composed; not sent", "draft", d.ID, "writer", d.Writer, "err", err)
		return false, st.Update(ctx, func(tx *store.Tx) error { return tx.MarkFailed(d.ID, err.Error(), o.Keeper.Now()) })
	}
	o.recent = append(o.recent, time.Now())
	reply, err := o.Sender.Send(ctx, msg)
	now := o.Keeper.Now()
	if err != nil {
		var se *mailer.Error
		temporary := !errors.As(err, &se) || se.Temporary
		if !temporary {
			o.Log.Error("send refused for good; the applicant must decide", "draft", d.ID, "writer", d.Writer, "err", err)
			return false, st.Update(ctx, func(tx *store.Tx) error { return tx.MarkFailed(d.ID, err.Error(), now) })
		}
		next := now.Add(o.backoff(d.Attempts))
		o.Log.Warn("send failed; will retry", "draft", d.ID, "writer", d.Writer, "attempt", d.Attempts+1, "retry_at", next.Format(time.RFC3339), "err", err)
		// Use a fresh context: the outcome must be recorded even when
		// the send failed because we are shutting down.
		return false, st.Update(context.WithoutCancel(ctx), func(tx *store.Tx) error { return tx.MarkRetry(d.ID, err.Error(), next, now) })
	}
	err = st.Update(context.WithoutCancel(ctx), func(tx *store.Tx) error {
		if err := tx.MarkSent(d.ID, reply, now); err != nil {
			return err
		}
		return o.Keeper.SentTx(tx, d)
	})
	if err != nil {
		return true, err
	}
	o.Log.Info("sent", "draft", d.ID, "writer", d.Writer, "template", d.Template, "message_id", d.MessageID, "server", reply)
	o.copyToSent(ctx, d, raw, now)
	return true, nil
}

// Compose builds the message of draft d as lorkeeper sends it (and as its
// copy in the Drafts folder shows it): from the applicant, to the writer,
// threaded as recorded on d, with its attachments read from disk, and a
// header naming the draft.
func Compose(k *keeper.Keeper, d store.Draft, date time.Time) (*mail.Msg, []byte, error) {
	cfg := k.Config()
	m := mailer.Message{
		FromName: cfg.Applicant.Name, FromAddr: cfg.Applicant.Email, ToName: d.ToName, ToAddr: d.ToAddr,
		Subject: d.Subject, Text: d.Text, HTML: d.HTML, MessageID: d.MessageID, InReplyTo: d.InReplyTo,
		References: d.References, Date: date,
		Headers: map[string]string{HeaderDraft: fmt.Sprint(d.ID)},
	}
	for _, a := range d.Attachments {
		m.Attachments = append(m.Attachments, mailer.Attachment{Name: a.Name, ContentType: a.ContentType, Path: a.Path, Data: a.Data})
	}
	msg, err := mailer.Compose(m)
	if err != nil {
		return nil, nil, err
	}
	raw, err := mailer.Bytes(msg)
	if err != nil {
		return nil, nil, err
	}
	return msg, raw, nil
}

// copyToSent appends the sent message to the Sent folder unless the
// provider files it there itself.
func (o *Outbox) copyToSent(ctx context.Context, d store.Draft, raw []byte, at time.Time) {
	if o.Folders == nil || o.SentCopy == "none" {
		return
	}
	if o.appendSent == nil {
		want := true
		if o.SentCopy == "auto" {
			files, err := o.Folders.ServerFilesSent(ctx)
			if err != nil {
				o.Log.Warn("cannot tell whether the server files sent mail; not appending", "err", err)
				return
			}
			want = !files
		}
		o.appendSent = &want
	}
	if !*o.appendSent {
		return
	}
	// The message has left: finish its copy even if we are stopping.
	ctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 30*time.Second)
	defer cancel()
	if err := o.Folders.AppendSent(ctx, raw, at); err != nil {
		o.Log.Warn("sent, but the copy to the Sent folder failed", "draft", d.ID, "err", err)
		return
	}
	err := o.Keeper.Store().Update(context.WithoutCancel(ctx), func(tx *store.Tx) error { return tx.SetSentCopy(d.ID, at) })
	if err != nil {
		o.Log.Warn("cannot record the Sent copy", "draft", d.ID, "err", err)
	}
}

// backoff is the wait after the attempts-th temporary failure: RetryBase
// doubled per attempt, at most an hour, ±20% jitter.
func (o *Outbox) backoff(attempts int) time.Duration {
	base := o.RetryBase
	if base <= 0 {
		base = 30 * time.Second
	}
	d := base
	for i := 1; i < attempts && d < time.Hour; i++ {
		d *= 2
	}
	d = min(d, time.Hour)
	jitter := time.Duration(mrand.Int64N(int64(d)/5+1)) - d/10
	return d + jitter
}

func randomHex(n int) string {
	b := make([]byte, n)
	_, _ = rand.Read(b)
	return hex.EncodeToString(b)
}
