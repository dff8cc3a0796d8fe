// Package daemon runs lorkeeper for one or many applicants: for each, the
// IMAP watcher, the outbox, and the scheduler of reminders and digests;
// across them, a supervisor that keeps each isolated and reloads configs
// on request.
package daemon

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"sync"
	"time"

	"github.com/lorkeeper/lorkeeper/classify"
	"github.com/lorkeeper/lorkeeper/config"
	"github.com/lorkeeper/lorkeeper/draftbox"
	"github.com/lorkeeper/lorkeeper/inbox"
	"github.com/lorkeeper/lorkeeper/keeper"
	"github.com/lorkeeper/lorkeeper/mailer"
	"github.com/lorkeeper/lorkeeper/outbox"
	"github.com/lorkeeper/lorkeeper/store"
	"github.com/lorkeeper/lorkeeper/templates"
)

// Applicant is one applicant's open state: config, store and keeper.
type Applicant struct {
	Cfg    *config.Config
	Store  *store.Store
	Keeper *keeper.Keeper
	Log    *slog.Logger
}

// Open loads the templates and opens the state of cfg. now is the clock
// (nil for time.Now). The caller calls Close.
func Open(cfg *config.Config, log *slog.Logger, now func() time.Time) (*Applicant, error) {
	tmpl, err := templates.Load(cfg.Templates)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", cfg.Path, err)
	}
	st, err := store.Open(cfg.State)
	if err != nil {
		return nil, err
	}
	log = log.With("applicant", cfg.Applicant.Email)
	attachTokens(cfg, log)
	return &Applicant{Cfg: cfg, Store: st, Keeper: keeper.New(cfg, st, tmpl, log, now), Log: log}, nil
}

// Close closes the state file.
func (a *Applicant) Close() error { return a.Store.Close() }

// IMAPServer is how to reach the applicant's IMAP server.
func (a *Applicant) IMAPServer() inbox.Server { return inbox.ServerFor(a.Cfg.IMAP) }

// SMTPServer is how to reach the applicant's SMTP server.
func (a *Applicant) SMTPServer() mailer.Server { return mailer.ServerFor(a.Cfg.SMTP) }

// Folders gives access to the Sent and Drafts folders.
func (a *Applicant) Folders() *inbox.Folders { return inbox.FoldersFor(a.Cfg.IMAP) }

// Options tune a run; the zero value is production.
type Options struct {
	Once bool          // one pass of everything, then return
	Poll time.Duration // how often the outbox looks for approved drafts
}

// Run runs the applicant until ctx ends: it plans first emails, watches
// the mailbox, sends approved drafts, drafts due reminders and mails the
// digest. A failure in one part (a dead IMAP server, say) is retried by
// that part and never stops the others. It blocks.
func (a *Applicant) Run(ctx context.Context, opts Options) error {
	started := time.Now()
	go classify.Warm() // while the first login runs
	n, err := a.Keeper.Start(ctx)
	if err != nil {
		return err
	}
	if n > 0 {
		a.Log.Info("drafts planned: review them with `lorkeeper drafts`", "count", n)
	}
	out := &outbox.Outbox{Keeper: a.Keeper, Sender: a.SMTPServer(), Folders: a.Folders(),
		SentCopy: a.Cfg.SMTP.SentCopy, PerMinute: a.Cfg.SMTP.MaxPerMinute, RetryBase: a.Cfg.SMTP.RetryAfter.D(),
		Poll: opts.Poll, Log: a.Log}
	var once sync.Once
	w := &inbox.Watcher{Server: a.IMAPServer(), Mailbox: a.Cfg.IMAP.Mailbox,
		IdleRenew: a.Cfg.IMAP.IdleRenew.D(), PollInterval: a.Cfg.IMAP.PollInterval.D(), Sink: a.Keeper, Log: a.Log,
		Synced: func(delivered int) {
			once.Do(func() {
				a.Log.Info("caught up", "mailbox", a.Cfg.IMAP.Mailbox, "delivered", delivered, "elapsed", time.Since(started).Round(time.Millisecond))
			})
		}}
	var mirror *draftbox.Mirror
	if a.Cfg.DraftsInMailbox() {
		poll := a.Cfg.IMAP.DraftsPoll.D()
		mirror = &draftbox.Mirror{Keeper: a.Keeper, Folders: a.Folders(), Poll: poll, Grace: 6 * poll, Log: a.Log}
		out.BeforeSend = mirror.BeforeSend
	}
	if opts.Once {
		return a.runOnce(ctx, out, w, mirror)
	}
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	var wg sync.WaitGroup
	parts := []func(context.Context) error{out.Run, w.Run, a.schedule}
	if mirror != nil {
		parts = append(parts, mirror.Run)
	}
	errc := make(chan error, len(parts))
	for _, part := range parts {
		wg.Add(1)
		go func() {
			defer wg.Done()
			if err := part(ctx); err != nil && !errors.Is(err, context.Canceled) {
				errc <- err
				cancel()
			}
		}()
	}
	wg.Wait()
	close(errc)
	return <-errc
}

func (a *Applicant) runOnce(ctx context.Context, out *outbox.Outbox, w *inbox.Watcher, mirror *draftbox.Mirror) error {
	var errs []error
	if err := out.Recover(ctx); err != nil {
		return err
	}
	if mirror != nil {
		if err := mirror.Sync(ctx); err != nil {
			errs = append(errs, fmt.Errorf("drafts folder: %w", err))
		}
	}
	if _, err := out.SendDue(ctx); err != nil {
		errs = append(errs, err)
	}
	if err := w.SyncOnce(ctx); err != nil {
		errs = append(errs, fmt.Errorf("read mailbox: %w", err))
	}
	if err := a.scheduleOnce(ctx); err != nil {
		errs = append(errs, err)
	}
	if _, err := out.SendDue(ctx); err != nil {
		errs = append(errs, err)
	}
	return errors.Join(errs...)
}

// schedule drafts due reminders and sends the digest when it is due,
// checking often enough for the shortest configured interval.
func (a *Applicant) schedule(ctx context.Context) error {
	t := time.NewTicker(a.tickEvery())
	defer t.Stop()
	for {
		if err := a.scheduleOnce(ctx); err != nil {
			if ctx.Err() != nil {
				return ctx.Err()
			}
			a.Log.Error("scheduler", "err", err)
		}
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-t.C:
		}
	}
}

func (a *Applicant) tickEvery() time.Duration {
	s := a.Cfg.Schedule
	d := min(s.FirstReminderAfter.D(), s.ReminderEvery.D())
	if s.Digest > 0 {
		d = min(d, s.Digest)
	}
	return min(max(d/10, time.Second), time.Minute)
}

func (a *Applicant) scheduleOnce(ctx context.Context) error {
	n, err := a.Keeper.Tick(ctx)
	if err != nil {
		return fmt.Errorf("reminders: %w", err)
	}
	if n > 0 {
		a.Log.Info("reminders drafted", "count", n)
	}
	due, err := a.Keeper.DigestDue(ctx)
	if err != nil || !due {
		return err
	}
	return a.SendDigest(ctx)
}

// SendDigest renders the digest and mails it to the applicant.
func (a *Applicant) SendDigest(ctx context.Context) error {
	m, err := a.Keeper.Digest(ctx)
	if err != nil {
		return fmt.Errorf("digest: %w", err)
	}
	ap := a.Cfg.Applicant
	msg, err := mailer.Compose(mailer.Message{FromName: "lorkeeper", FromAddr: ap.Email, ToName: ap.Name, ToAddr: ap.Email,
		Subject: m.Subject, Text: m.Text, HTML: m.HTML, Date: a.Keeper.Now(),
		Headers: map[string]string{"Auto-Submitted": "auto-generated"}})
	if err != nil {
		return fmt.Errorf("digest: %w", err)
	}
	if _, err := a.SMTPServer().Send(ctx, msg); err != nil {
		return fmt.Errorf("digest: %w", err)
	}
	a.Log.Info("digest sent", "subject", m.Subject)
	return a.Keeper.DigestSent(ctx)
}
