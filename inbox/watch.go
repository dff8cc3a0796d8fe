package inbox

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"math/rand/v2"
	"slices"
	"strings"
	"time"

	"github.com/emersion/go-imap/v2"
	"github.com/emersion/go-imap/v2/imapclient"

	"github.com/lorkeeper/lorkeeper/clock"
)

// Checkpoint is how far a mailbox has been read: every message with a UID
// up to LastUID, under UIDValidity, that matched the senders Scanned
// names (a Query.Fingerprint) has been handed to the Sink.
type Checkpoint struct {
	UIDValidity uint32
	LastUID     uint32
	Scanned     string
}

// Query says which messages may matter. The watcher asks the server for
// messages that match any of it, so the cost of a sync grows with the
// messages that matter, not with the mailbox.
type Query struct {
	From      []string  // addresses, or "@domain" for any sender at a domain
	Threading []string  // Message-IDs named by In-Reply-To or References (our sent mail)
	Since     time.Time // on a first or rescanning sync, messages since this day
}

// Fingerprint names the senders of q, so that a checkpoint can tell
// whether a sender was added since the mailbox was read.
func (q Query) Fingerprint() string {
	f := slices.Clone(q.From)
	for i := range f {
		f[i] = strings.ToLower(f[i])
	}
	slices.Sort(f)
	return strings.Join(slices.Compact(f), "\n")
}

// Sink receives the watcher's messages. Its methods may be called from
// the watcher's goroutine only, one at a time.
type Sink interface {
	// Checkpoint returns how far mailbox has been read.
	Checkpoint(ctx context.Context, mailbox string) (Checkpoint, error)
	// Query returns what to look for.
	Query(ctx context.Context) (Query, error)
	// Deliver processes messages (at most MaxFetch bytes of each), in
	// UID order, and moves the checkpoint to the last one's UID, in one
	// transaction. A message it has seen before, by Message-ID, only
	// moves the checkpoint. An error means nothing was recorded; the
	// watcher retries later.
	Deliver(ctx context.Context, mailbox string, uidValidity uint32, msgs []Fetched) error
	// Advance moves the checkpoint: all messages up to cp.LastUID have
	// been seen.
	Advance(ctx context.Context, mailbox string, cp Checkpoint) error
}

// Fetched is a message as fetched: its UID and (at most MaxFetch of) its
// bytes.
type Fetched struct {
	UID uint32
	Raw []byte
}

// MaxFetch caps the bytes read from any one message: the text parts of a
// reply come first, and a 20 MB attachment is never downloaded.
const MaxFetch = 256 << 10

// Watcher follows one mailbox.
type Watcher struct {
	Server       Server
	Mailbox      string
	IdleRenew    time.Duration // restart IDLE this often (keepalive); default 5m
	PollInterval time.Duration // without IDLE, check this often; default 1m
	Sink         Sink
	Log          *slog.Logger
	Clock        clock.Clock // nil: the system clock
	// Wake, if set, receives a value when the machine woke from sleep or
	// the network changed: the connection, probably dead, is replaced at
	// once instead of at the next keepalive.
	Wake <-chan struct{}

	// Synced, if set, is called after each sync that reached the end of
	// the mailbox, with the number of messages delivered.
	Synced func(delivered int)
	// Health, if set, is told how the connection fares: nil after each
	// sync that reached the end of the mailbox, the error after each
	// failed session (a refused login wraps ErrAuth).
	Health func(err error)
}

// Backoff bounds: a server that comes back after an outage is seen
// within MaxBackoff; a refused login is retried no sooner than
// AuthBackoff, as retrying soon will not help and providers lock out
// clients that hammer them.
const (
	MaxBackoff  = 10 * time.Second
	AuthBackoff = time.Minute
)

// errWoke ends a session after a wake: reconnect at once.
var errWoke = errors.New("the machine woke up")

// Run watches until ctx is cancelled, reconnecting after any failure with
// capped exponential backoff and jitter (1s to MaxBackoff; a refused
// login waits AuthBackoff, doubling to an hour). It blocks; it returns
// ctx's error.
func (w *Watcher) Run(ctx context.Context) error {
	clk := clock.Or(w.Clock)
	backoff := time.Second
	authWait := AuthBackoff
	for {
		healthy, err := w.session(ctx)
		if ctx.Err() != nil {
			return ctx.Err()
		}
		if healthy {
			backoff, authWait = time.Second, AuthBackoff // it worked: the next failure is news
		}
		if w.Health != nil {
			w.Health(err)
		}
		if errors.Is(err, errWoke) {
			w.Log.Info("woke up; reconnecting", "mailbox", w.Mailbox)
			continue
		}
		wait := backoff/2 + rand.N(backoff/2+1)
		if errors.Is(err, ErrAuth) {
			wait = authWait
			authWait = min(authWait*2, time.Hour)
		}
		if d, ok := Throttled(err); ok && wait < d {
			wait = d // the server said how long to back off
		}
		w.Log.Warn("imap connection lost; reconnecting", "mailbox", w.Mailbox, "err", err, "retry_in", wait.Round(time.Millisecond))
		t := clk.NewTimer(wait)
		select {
		case <-ctx.Done():
			t.Stop()
			return ctx.Err()
		case <-w.Wake:
			backoff = time.Second
		case <-t.C():
		}
		t.Stop()
		backoff = min(backoff*2, MaxBackoff)
	}
}

// session is one connection: select, sync, then IDLE (or poll) and sync
// again on every change, until the connection fails or ctx ends. healthy
// reports that at least one sync reached the end of the mailbox.
func (w *Watcher) session(ctx context.Context) (healthy bool, err error) {
	renew := w.IdleRenew
	if renew <= 0 {
		renew = 5 * time.Minute
	}
	poll := w.PollInterval
	if poll <= 0 {
		poll = time.Minute
	}
	changed := make(chan struct{}, 1)
	notify := func() {
		select {
		case changed <- struct{}{}:
		default:
		}
	}
	opts := &imapclient.Options{UnilateralDataHandler: &imapclient.UnilateralDataHandler{
		Mailbox: func(d *imapclient.UnilateralDataMailbox) {
			if d.NumMessages != nil {
				notify()
			}
		},
	}}
	srv := w.Server
	if srv.IdleTimeout <= 0 {
		srv.IdleTimeout = max(renew, poll) + time.Minute
	}
	c, sel, stop, err := w.open(ctx, srv, opts)
	if err != nil {
		return false, err
	}
	defer stop()
	// A wake closes the connection whatever it is doing: a command
	// waiting on a socket that died while the machine slept would wait
	// for a read deadline minutes away.
	woke := make(chan struct{})
	done := make(chan struct{})
	defer close(done)
	go func() {
		select {
		case <-w.Wake:
			close(woke)
			c.Close()
		case <-done:
		}
	}()
	wokeErr := func(err error) error {
		select {
		case <-woke:
			return errWoke
		default:
			return err
		}
	}
	w.Log.Info("watching mailbox", "mailbox", w.Mailbox, "messages", sel.NumMessages, "idle", c.Caps().Has(imap.CapIdle))
	clk := clock.Or(w.Clock)
	uidNext := sel.UIDNext
	for {
		if err := w.sync(ctx, c, sel.UIDValidity, uidNext); err != nil {
			return healthy, wokeErr(err)
		}
		if !healthy && w.Health != nil {
			w.Health(nil)
		}
		healthy = true
		uidNext = 0 // only the first sync may trust SELECT's UIDNEXT
		if c.Caps().Has(imap.CapIdle) {
			if err := w.idle(ctx, c, changed, renew); err != nil {
				return healthy, wokeErr(err)
			}
			continue
		}
		t := clk.NewTimer(poll)
		select {
		case <-ctx.Done():
			t.Stop()
			return healthy, ctx.Err()
		case <-c.Closed():
			t.Stop()
			return healthy, wokeErr(errors.New("connection closed by the server"))
		case <-t.C():
		}
		if err := c.Noop().Wait(); err != nil {
			return healthy, wokeErr(fmt.Errorf("noop: %w", err))
		}
	}
}

// idle runs IDLE until the mailbox changes, renew passes, or the
// connection fails. Ending IDLE and getting the server's OK doubles as the
// keepalive: a dead socket fails here, or times out.
func (w *Watcher) idle(ctx context.Context, c *imapclient.Client, changed <-chan struct{}, renew time.Duration) error {
	// Mail that arrived during the sync is announced on the next
	// command; not every server repeats it when IDLE starts.
	if err := c.Noop().Wait(); err != nil {
		return fmt.Errorf("noop: %w", err)
	}
	cmd, err := c.Idle()
	if err != nil {
		return fmt.Errorf("idle: %w", err)
	}
	timer := clock.Or(w.Clock).NewTimer(renew)
	defer timer.Stop()
	select {
	case <-changed:
	case <-timer.C():
	case <-ctx.Done():
	case <-c.Closed():
	}
	if err := cmd.Close(); err != nil {
		return fmt.Errorf("idle: %w", err)
	}
	if err := cmd.Wait(); err != nil {
		return fmt.Errorf("idle: %w", err)
	}
	return ctx.Err()
}

// SyncOnce connects, hands every new message to the sink, and logs out.
// It is for one-shot runs; Run is the long-running watcher.
func (w *Watcher) SyncOnce(ctx context.Context) error {
	c, sel, stop, err := w.open(ctx, w.Server, nil)
	if err != nil {
		return err
	}
	defer stop()
	if err := w.sync(ctx, c, sel.UIDValidity, sel.UIDNext); err != nil {
		return err
	}
	_ = c.Logout().Wait()
	return nil
}

// open connects and selects the watched mailbox. SELECT, not EXAMINE:
// some servers send no updates to a read-only view during IDLE; bodies
// are fetched with PEEK, so no flag changes. The returned stop closes
// the connection; it also closes when ctx ends.
func (w *Watcher) open(ctx context.Context, srv Server, opts *imapclient.Options) (*imapclient.Client, *imap.SelectData, func(), error) {
	c, err := Dial(ctx, srv, opts)
	if err != nil {
		return nil, nil, nil, err
	}
	stopAfter := context.AfterFunc(ctx, func() { c.Close() })
	stop := func() { stopAfter(); c.Close() }
	sel, err := c.Select(w.Mailbox, nil).Wait()
	if err != nil {
		stop()
		return nil, nil, nil, fmt.Errorf("select %s: %w", w.Mailbox, err)
	}
	return c, sel, stop, nil
}
