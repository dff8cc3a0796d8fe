package outbox

import (
	"context"
	"errors"
	"fmt"
	"time"

	"github.com/wneessen/go-mail"

	"github.com/lorkeeper/lorkeeper/config"
	"github.com/lorkeeper/lorkeeper/keeper"
	"github.com/lorkeeper/lorkeeper/mailer"
	"github.com/lorkeeper/lorkeeper/store"
)

// send sends one claimed draft and records the outcome. It returns
// whether the draft was sent; an error only for state-file trouble.
func (o *Outbox) send(ctx context.Context, d store.Draft) (bool, error) {
	msg, _, err := Compose(o.Keeper.Config(), d, o.clock().Now())
	if err != nil {
		o.Log.Error("draft cannot be composed; not sent", "draft", d.ID, "writer", d.Writer, "err", err)
		return false, o.Keeper.Fail(ctx, d, err.Error())
	}
	o.recent = append(o.recent, o.clock().Now())
	reply, err := o.Sender.Send(ctx, msg, func() error { return o.Keeper.Committed(ctx, d.ID) })
	var se *mailer.Error
	if err != nil && !errors.As(err, &se) {
		se = &mailer.Error{Temporary: true, Err: err}
	}
	switch {
	case err == nil:
		state := o.copyState(ctx, d)
		if err := o.Keeper.Sent(ctx, d, reply, state); err != nil {
			return true, err
		}
		o.Log.Info("sent", "draft", d.ID, "writer", d.Writer, "template", d.Template, "message_id", d.MessageID, "server", reply)
		return true, nil
	case se.Uncertain:
		o.Log.Warn("no answer after the message went out: it may have been delivered", "draft", d.ID, "writer", d.Writer, "err", err)
		return false, o.uncertain(ctx, d, "the connection to your mail server broke right after the whole message went out, before the server confirmed it")
	case se.Temporary:
		next := o.clock().Now().Add(o.backoff(d.Attempts))
		o.Log.Warn("send failed; will retry", "draft", d.ID, "writer", d.Writer, "attempt", d.Attempts, "retry_at", next.Format(time.RFC3339), "err", err)
		return false, o.Keeper.Retry(ctx, d, err.Error(), next)
	default:
		o.Log.Error("send refused for good; the applicant must decide", "draft", d.ID, "writer", d.Writer, "err", err)
		return false, o.Keeper.Fail(ctx, d, err.Error())
	}
}

// uncertain settles a draft that may or may not have reached the
// server: what happened says why nobody knows. A digest is taken as sent
// (a second one is worse than a missing one). Otherwise the provider's
// own Sent copy decides where there is one; else the draft is held, with
// advice that is true.
func (o *Outbox) uncertain(ctx context.Context, d store.Draft, what string) error {
	if d.Template == keeper.TDigest {
		return o.Keeper.Sent(ctx, d, "probably sent: "+what, store.CopyNone)
	}
	if files, err := o.serverFilesSent(ctx); err == nil && files {
		found, err := o.Folders.HasSent(ctx, d.MessageID)
		switch {
		case err == nil && found:
			o.Log.Info("interrupted send found in Sent (your provider files what it accepts); recorded as sent", "draft", d.ID)
			return o.Keeper.Sent(ctx, d, "found in your Sent folder after "+what, store.CopyNone)
		case err == nil:
			o.Log.Warn("interrupted send held for you: not in Sent, so it most likely did not leave", "draft", d.ID, "writer", d.Writer)
			return o.Keeper.Hold(ctx, d, fmt.Sprintf("%s. It is not in your Sent folder, where your provider files every message it accepts, so it most likely did not leave. "+
				"Send it again with `lorkeeper drafts send-again %d`, or discard it.", capital(what), d.ID))
		default:
			o.Log.Warn("cannot search the Sent folder", "draft", d.ID, "err", err)
		}
	}
	o.Log.Warn("interrupted send held for you: it may or may not have reached the writer", "draft", d.ID, "writer", d.Writer)
	return o.Keeper.Hold(ctx, d, fmt.Sprintf("%s, so lorkeeper cannot tell whether the writer got it. "+
		"If they answer it, lorkeeper records it as sent by itself. If you know it arrived, run `lorkeeper drafts sent %d`; "+
		"to send it again anyway (the writer may get two copies), run `lorkeeper drafts send-again %d`; or discard it.", capital(what), d.ID, d.ID))
}

func capital(s string) string {
	if s == "" || s[0] < 'a' || s[0] > 'z' {
		return s
	}
	return string(s[0]-'a'+'A') + s[1:]
}

// serverFilesSent reports (once, then remembered) whether the provider
// puts mail submitted over SMTP in the Sent folder itself.
func (o *Outbox) serverFilesSent(ctx context.Context) (bool, error) {
	if o.filesSent != nil {
		return *o.filesSent, nil
	}
	if o.Folders == nil {
		return false, errors.New("no folders")
	}
	var files bool
	switch o.SentCopy {
	case "append":
		files = false
	default:
		var err error
		if files, err = o.Folders.ServerFilesSent(ctx); err != nil {
			return false, err
		}
	}
	o.filesSent = &files
	return files, nil
}

// copyState says whether a just-sent draft still needs a copy in the
// Sent folder.
func (o *Outbox) copyState(ctx context.Context, d store.Draft) int {
	if d.Template == keeper.TDigest || o.Folders == nil || o.SentCopy == "none" {
		return store.CopyNone
	}
	if files, err := o.serverFilesSent(ctx); err == nil && files {
		return store.CopyNone
	}
	return store.CopyPending
}

// copies puts in the Sent folder the copies still due, each exactly
// once: a copy already there (the APPEND went through but its answer was
// lost) is recorded, not appended again. A failure waits a minute.
func (o *Outbox) copies(ctx context.Context) error {
	now := o.clock().Now()
	if now.Before(o.copyAfter) {
		return nil
	}
	ds, err := o.Keeper.PendingCopies(ctx)
	if err != nil || len(ds) == 0 {
		return err
	}
	for _, d := range ds {
		if state := o.copyState(ctx, d); state != store.CopyPending {
			if err := o.Keeper.SetCopy(ctx, d.ID, state); err != nil {
				return err
			}
			continue
		}
		if err := o.copyOne(ctx, d); err != nil {
			o.Log.Warn("sent, but the copy to your Sent folder failed; will retry", "draft", d.ID, "err", err)
			o.copyAfter = now.Add(time.Minute)
			return nil
		}
	}
	o.copyAfter = time.Time{}
	return nil
}

func (o *Outbox) copyOne(ctx context.Context, d store.Draft) error {
	// A copy cut short (shutdown, a wake from sleep) is tried again:
	// HasSent first makes it exactly once.
	ctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	there, err := o.Folders.HasSent(ctx, d.MessageID)
	if err != nil {
		return err
	}
	if !there {
		_, raw, err := Compose(o.Keeper.Config(), d, d.SentAt)
		if err != nil {
			return err
		}
		if err := o.Folders.AppendSent(ctx, raw, d.SentAt); err != nil {
			return err
		}
	}
	return o.Keeper.SetCopy(context.WithoutCancel(ctx), d.ID, store.CopyDone)
}

// Compose builds the message of draft d as lorkeeper sends it (and as its
// copies in the Drafts and Sent folders show it): from the applicant, to
// the recipients of the draft, threaded as recorded on d, with its
// attachments. Nothing in it says a program wrote it: the applicant's
// mail looks like the applicant's. The digest, from lorkeeper to the
// applicant, says it is automatic.
func Compose(cfg *config.Config, d store.Draft, date time.Time) (*mail.Msg, []byte, error) {
	m := mailer.Message{
		FromName: cfg.Applicant.Name, FromAddr: cfg.Applicant.Email, ToName: d.ToName, ToAddr: d.ToAddr,
		Subject: d.Subject, Text: d.Text, HTML: d.HTML, MessageID: d.MessageID, InReplyTo: d.InReplyTo,
		References: d.References, Date: date,
	}
	for _, a := range d.Cc {
		m.Cc = append(m.Cc, mailer.Address{Name: a.Name, Addr: a.Addr})
	}
	for _, a := range d.Bcc {
		m.Bcc = append(m.Bcc, mailer.Address{Name: a.Name, Addr: a.Addr})
	}
	if d.Template == keeper.TDigest {
		m.FromName = "lorkeeper"
		m.Headers = map[string]string{"Auto-Submitted": "auto-generated"}
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
