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
	"os"
	"runtime/debug"
	"sync"
	"time"

	"github.com/lorkeeper/lorkeeper/classify"
	"github.com/lorkeeper/lorkeeper/clock"
	"github.com/lorkeeper/lorkeeper/config"
	"github.com/lorkeeper/lorkeeper/draftbox"
	"github.com/lorkeeper/lorkeeper/inbox"
	"github.com/lorkeeper/lorkeeper/keeper"
	"github.com/lorkeeper/lorkeeper/lockfile"
	"github.com/lorkeeper/lorkeeper/mailer"
	"github.com/lorkeeper/lorkeeper/outbox"
	"github.com/lorkeeper/lorkeeper/store"
	"github.com/lorkeeper/lorkeeper/templates"
)

// Applicant is one applicant's open state: the config, and the keeper
// that owns the state file.
type Applicant struct {
	Cfg    *config.Config
	Keeper *keeper.Keeper
	Log    *slog.Logger

	st   *store.Store
	lock *lockfile.Lock
}

// Open loads the templates and opens the state of cfg. clk is the clock
// of everything it schedules (nil for the system clock). The caller
// calls Close. Open takes no lock: the command line opens the state
// beside a running daemon; Lock is for the one that runs.
func Open(cfg *config.Config, log *slog.Logger, clk clock.Clock, opts ...keeper.Option) (*Applicant, error) {
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
	return &Applicant{Cfg: cfg, st: st, Keeper: keeper.New(cfg, st, tmpl, log, clk, opts...), Log: log}, nil
}

// Lock makes this process the one that runs the applicant (sends,
// reads, reminds), or fails with a *lockfile.ErrLocked naming the PID
// of the one that already does. Close releases it.
func (a *Applicant) Lock() error {
	l, err := lockfile.Acquire(lockfile.For(a.Cfg.State))
	if err != nil {
		return err
	}
	a.lock = l
	return nil
}

// Close releases the lock, if held, and closes the state file.
func (a *Applicant) Close() error {
	return errors.Join(a.lock.Release(), a.st.Close())
}

// IMAPServer is how to reach the applicant's IMAP server.
func (a *Applicant) IMAPServer() inbox.Server { return inbox.ServerFor(a.Cfg.IMAP) }

// SMTPServer is how to reach the applicant's SMTP server.
func (a *Applicant) SMTPServer() mailer.Server { return mailer.ServerFor(a.Cfg.SMTP) }

// Folders gives access to the Sent and Drafts folders.
func (a *Applicant) Folders() *inbox.Folders { return inbox.FoldersFor(a.Cfg.IMAP) }

// Options tune a run; the zero value is production.
type Options struct {
	Once bool          // one pass of everything, then return
	Poll time.Duration // how often the outbox looks for approvals by another process
	// Wakes tells of the machine waking from sleep (nil: not watched).
	Wakes *clock.Wakes
	// Beat is how often the daemon records its heartbeat (default 30s).
	Beat time.Duration
	// Dashboard is the dashboard's address, recorded in the heartbeat.
	Dashboard string
}

// Outbox returns the applicant's outbox.
func (a *Applicant) Outbox(opts Options) *outbox.Outbox {
	return &outbox.Outbox{Keeper: a.Keeper, Sender: a.SMTPServer(), Folders: a.Folders(),
		SentCopy: a.Cfg.SMTP.SentCopy, PerMinute: a.Cfg.SMTP.MaxPerMinute, RetryBase: a.Cfg.SMTP.RetryAfter.D(),
		Poll: opts.Poll, Log: a.Log}
}

// Run runs the applicant until ctx ends: it plans first emails, watches
// the mailbox, sends approved drafts, drafts due reminders and queues
// the digest. A failure in one part (a dead IMAP server, say) is retried
// by that part and never stops the others; its standing problem is
// recorded for `status`. It blocks. The caller holds the Lock.
func (a *Applicant) Run(ctx context.Context, opts Options) error {
	clk := a.Keeper.Clock()
	started := clk.Now()
	go classify.Warm() // while the first login runs
	n, err := a.Keeper.Start(ctx)
	if err != nil {
		return err
	}
	if n > 0 {
		a.Log.Info("drafts planned: review them with `lorkeeper drafts`", "count", n)
	}
	out := a.Outbox(opts)
	var once sync.Once
	reads := newMailboxReads()
	w := &inbox.Watcher{Server: a.IMAPServer(), Mailbox: a.Cfg.IMAP.Mailbox, Clock: clk,
		IdleRenew: a.Cfg.IMAP.IdleRenew.D(), PollInterval: a.Cfg.IMAP.PollInterval.D(), Sink: sink{a.Keeper}, Log: a.Log,
		Synced: func(delivered int) {
			now := clk.Now()
			reads.read(now)
			if delivered > 0 {
				a.mailboxRead(ctx, now, false)
			}
			once.Do(func() {
				a.Log.Info("caught up", "mailbox", a.Cfg.IMAP.Mailbox, "delivered", delivered, "elapsed", clk.Now().Sub(started).Round(time.Millisecond))
			})
		},
		Health: func(err error) { a.health(ctx, "imap", err) }}
	var mirror *draftbox.Mirror
	if a.Cfg.DraftsInMailbox() {
		poll := a.Cfg.IMAP.DraftsPoll.D()
		mirror = &draftbox.Mirror{Keeper: a.Keeper, Folders: a.Folders(), Poll: poll, Grace: 6 * poll, Log: a.Log}
		out.BeforeSend = mirror.BeforeSend
	}
	if opts.Once {
		return a.runOnce(ctx, out, w, mirror)
	}
	var unsub []func()
	subscribe := func() <-chan struct{} {
		ch, stop := opts.Wakes.Subscribe()
		unsub = append(unsub, stop)
		return ch
	}
	w.Wake, out.Wake = subscribe(), subscribe()
	schedWake := subscribe()
	defer func() {
		for _, u := range unsub {
			u()
		}
	}()
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	var wg sync.WaitGroup
	parts := []func(context.Context) error{out.Run, w.Run,
		func(ctx context.Context) error { return a.schedule(ctx, schedWake, reads, opts.Wakes) },
		func(ctx context.Context) error { return a.heartbeat(ctx, started, opts) }}
	if mirror != nil {
		parts = append(parts, mirror.Run)
	}
	errc := make(chan error, len(parts))
	for _, part := range parts {
		wg.Add(1)
		go func() {
			defer wg.Done()
			defer func() {
				if p := recover(); p != nil {
					// One part's bug stops this applicant (the supervisor
					// restarts it), never the process.
					errc <- fmt.Errorf("internal error: %v\n%s", p, debug.Stack())
					cancel()
				}
			}()
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

// health records the standing problem of a part (or clears it).
func (a *Applicant) health(ctx context.Context, source string, err error) {
	if ctx.Err() != nil {
		return
	}
	if err == nil {
		if had, _ := a.Keeper.ClearProblem(ctx, source); had {
			a.Log.Info("problem cleared", "source", source)
		}
		if source == "imap" {
			a.mailboxRead(ctx, a.Keeper.Now(), true)
		}
		return
	}
	_ = a.Keeper.SetProblem(ctx, source, err.Error())
}

// mailboxRead records that the mailbox was read to its end at now (what
// `status` and the board show as "last read"), after a login when login
// is set.
func (a *Applicant) mailboxRead(ctx context.Context, now time.Time, login bool) {
	h := keeper.Heartbeat{PID: os.Getpid(), Beat: now, LastSync: now}
	if login {
		h.LastLogin = now
	}
	_ = a.Keeper.Beat(ctx, h)
}

// heartbeat records, every opts.Beat, that the daemon is alive.
func (a *Applicant) heartbeat(ctx context.Context, started time.Time, opts Options) error {
	every := opts.Beat
	if every <= 0 {
		every = 30 * time.Second
	}
	clk := a.Keeper.Clock()
	t := clk.NewTimer(0)
	defer t.Stop()
	for {
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-t.C():
		}
		err := a.Keeper.Beat(ctx, keeper.Heartbeat{PID: os.Getpid(), Started: started, Beat: clk.Now(),
			Dashboard: opts.Dashboard, Interval: every.String()})
		if err != nil && ctx.Err() == nil {
			a.Log.Warn("heartbeat", "err", err)
		}
		t.Reset(every)
	}
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
		a.health(ctx, "imap", err)
		errs = append(errs, fmt.Errorf("read mailbox: %w", err))
	} else {
		a.health(ctx, "imap", nil)
	}
	if err := a.scheduleOnce(ctx); err != nil {
		errs = append(errs, err)
	}
	if _, err := out.SendDue(ctx); err != nil {
		errs = append(errs, err)
	}
	return errors.Join(errs...)
}

// schedule drafts due reminders and queues the digest when it is due,
// checking often enough for the shortest configured interval, and at
// once after the machine woke. After the start and after a wake it
// first waits (up to readWait) until the mailbox was read, so that no
// reminder is planned for a writer whose reply arrived meanwhile; a
// jump of the clock it notices itself is a wake too, told to the
// others through wakes.
func (a *Applicant) schedule(ctx context.Context, wake <-chan struct{}, reads *mailboxReads, wakes *clock.Wakes) error {
	clk := a.Keeper.Clock()
	t := clk.NewTimer(0)
	defer t.Stop()
	stale := clk.Now() // the mailbox must be read after this before planning
	last := stale
	for {
		woke := false
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-wake:
			woke = true
		case <-t.C():
		}
		now := clk.Now()
		// Round(0): wall time, which runs on while the machine sleeps.
		if !woke && now.Round(0).Sub(last.Round(0)) > a.tickEvery()+time.Minute {
			wakes.Notify() // the watcher reconnects and reads at once
			select {
			case <-wake: // our own share of that notice
			default:
			}
			woke = true
		}
		if woke {
			stale = now
		}
		if !stale.IsZero() {
			if !reads.waitSince(ctx, clk, stale, readWait) && ctx.Err() == nil {
				a.Log.Warn("the mailbox could not be read; planning reminders on what is known", "waited", readWait)
			}
			stale = time.Time{}
		}
		last = clk.Now()
		if err := a.scheduleOnce(ctx); err != nil {
			if ctx.Err() != nil {
				return ctx.Err()
			}
			a.Log.Error("scheduler", "err", err)
		}
		t.Reset(a.tickEvery())
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
	queued, err := a.Keeper.QueueDigest(ctx, false)
	if err != nil {
		return fmt.Errorf("digest: %w", err)
	}
	if queued != 0 {
		a.Log.Info("digest queued for sending", "draft", queued)
	}
	return nil
}

// SendDigest renders the digest and mails it to the applicant now. When
// a daemon runs on this state, it is queued for that daemon to send, and
// sent reports false with no error.
func (a *Applicant) SendDigest(ctx context.Context) (sent bool, err error) {
	id, err := a.Keeper.QueueDigest(ctx, true)
	if err != nil {
		return false, err
	}
	if err := a.Lock(); err != nil {
		var le *lockfile.ErrLocked
		if errors.As(err, &le) {
			return false, nil
		}
		return false, err
	}
	ok, err := a.Outbox(Options{}).SendDraft(ctx, id)
	if err != nil || ok {
		return ok, err
	}
	d, err := a.Keeper.Draft(ctx, id)
	if err != nil {
		return false, err
	}
	return false, fmt.Errorf("digest not sent (%s): %s; it goes out with the next `lorkeeper run`", d.Status, d.LastError)
}
