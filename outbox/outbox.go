// Package outbox sends the drafts the applicant approved (and the
// applicant's digest), exactly once.
//
// Each send is recorded before it starts (the draft moves to "sending"
// with the Message-ID it will carry), again durably just before the
// final "." that hands the message to the server, and after the
// server's answer. So the only moment a crash or a broken link leaves
// the outcome unknown is between that "." and the answer:
//
//   - interrupted before the ".", the server discarded the message: it
//     is sent again, safely;
//   - a 250 from the server means sent, whatever happens next;
//   - no answer after the ".": the draft is held. Where the provider
//     files sent mail itself (Gmail, Microsoft), its Sent folder says
//     whether it left; otherwise the applicant is told what is known and
//     decides (a reply from the writer settles it too). It is never sent
//     again without their explicit word.
package outbox

import (
	"context"
	"fmt"
	"log/slog"
	mrand "math/rand/v2"
	"sync"
	"time"

	"github.com/wneessen/go-mail"

	"github.com/lorkeeper/lorkeeper/clock"
	"github.com/lorkeeper/lorkeeper/keeper"
	"github.com/lorkeeper/lorkeeper/store"
)

// Sender hands a message to an SMTP server (mailer.Server does): commit
// is called just before the final "."; errors are *mailer.Error.
type Sender interface {
	Send(ctx context.Context, msg *mail.Msg, commit func() error) (string, error)
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
	// Poll is how often the state is checked for approvals made by
	// another process, the command line (default 1s). Approvals in this
	// process (the dashboard) wake the outbox at once.
	Poll time.Duration
	// Wake, if set, receives a value when the machine woke from sleep:
	// what fell due meanwhile goes out at once.
	Wake <-chan struct{}
	// BeforeSend, if set, is asked before a draft with a copy in the
	// Drafts folder is sent: it removes the copy, so the applicant cannot
	// also send it from their mail client, and reports false if the copy
	// was already gone (the applicant may have sent it themselves).
	BeforeSend func(ctx context.Context, d store.Draft) (bool, error)
	Log        *slog.Logger

	recent    []time.Time // send times in the last minute
	filesSent *bool       // whether the provider files sent mail; decided on first use
	copyAfter time.Time   // no Sent-copy attempt before this (after a failure)
}

func (o *Outbox) clock() clock.Clock { return o.Keeper.Clock() }

// Run recovers interrupted sends, then sends approved drafts as they come
// due until ctx ends. It blocks and returns ctx's error, or the first
// error it cannot go on after (a broken state file).
func (o *Outbox) Run(ctx context.Context) error {
	if err := o.Recover(ctx); err != nil {
		return err
	}
	clk := o.clock()
	poll := o.Poll
	if poll <= 0 {
		poll = time.Second
	}
	pollT := clk.NewTimer(poll)
	defer pollT.Stop()
	dueT := clk.NewTimer(time.Hour)
	defer dueT.Stop()
	last, _ := o.Keeper.Version(ctx)
	for {
		changes := o.Keeper.Changes() // before the pass: a change during it wakes the next wait
		woke, err := o.passUntilWake(ctx)
		if err != nil {
			if ctx.Err() != nil {
				return ctx.Err()
			}
			if !woke {
				o.Log.Error("outbox", "err", err)
			}
		}
		if woke {
			continue // the machine slept: whatever hung on a dead link, start over
		}
		dueT.Reset(o.untilNext(ctx))
	wait:
		for {
			select {
			case <-ctx.Done():
				return ctx.Err()
			case <-changes:
			case <-o.Wake:
			case <-dueT.C():
			case <-pollT.C():
				pollT.Reset(poll)
				// Another process's commit shows only here; an idle
				// daemon costs one cheap PRAGMA per poll.
				if v, err := o.Keeper.Version(ctx); err == nil && v == last {
					continue wait
				} else if err == nil {
					last = v
				}
			}
			break
		}
	}
}

// untilNext returns how long to sleep before the next pass is useful: the
// next retry or scheduled draft, the end of the rate limit, or a Sent
// copy to try again.
func (o *Outbox) untilNext(ctx context.Context) time.Duration {
	now := o.clock().Now()
	wait := time.Hour
	if next, ok, err := o.Keeper.NextAttempt(ctx); err == nil && ok {
		wait = min(wait, max(next.Sub(now), 0))
		if w := o.rateWait(); w > 0 {
			wait = max(wait, w)
		}
	}
	if !o.copyAfter.IsZero() {
		wait = min(wait, max(o.copyAfter.Sub(now), 0))
	}
	return max(wait, time.Millisecond)
}

// passUntilWake runs a pass that a wake from sleep cuts short: a folder
// operation on a connection that died while the machine slept would
// otherwise wait out its timeout. A send cut short before its final "."
// is retried; after it, the send finishes regardless (see Send).
func (o *Outbox) passUntilWake(ctx context.Context) (woke bool, err error) {
	if o.Wake == nil {
		return false, o.pass(ctx)
	}
	pctx, cancel := context.WithCancel(ctx)
	done := make(chan struct{})
	var wg sync.WaitGroup
	wg.Add(1)
	go func() {
		defer wg.Done()
		select {
		case <-o.Wake:
			woke = true
			cancel()
		case <-done:
		}
	}()
	err = o.pass(pctx)
	close(done)
	wg.Wait()
	cancel()
	return woke, err
}

// pass sends what is due and keeps the Sent folder.
func (o *Outbox) pass(ctx context.Context) error {
	if _, err := o.SendDue(ctx); err != nil {
		return err
	}
	return o.copies(ctx)
}

// Recover settles drafts a crash left in "sending": interrupted before
// the final ".", they are queued again; after it, they are resolved
// from the Sent folder where the provider files sent mail, and held for
// the applicant otherwise.
func (o *Outbox) Recover(ctx context.Context) error {
	stuck, err := o.Keeper.Stuck(ctx)
	if err != nil {
		return fmt.Errorf("recover sends: %w", err)
	}
	for _, d := range stuck {
		if d.CommittedAt.IsZero() {
			err = o.Keeper.Requeue(ctx, d, "interrupted before the message was complete; the server discarded it, so it goes out again")
			if err == nil {
				o.Log.Info("interrupted send queued again: it had not reached the server", "draft", d.ID, "writer", d.Writer)
			}
		} else {
			err = o.uncertain(ctx, d, "lorkeeper stopped while your mail server was taking the message")
		}
		if err != nil {
			return fmt.Errorf("recover draft %d: %w", d.ID, err)
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
		d, ok, err := o.Keeper.Claim(ctx)
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

// SendDraft sends approved draft id now, alone (the digest on
// `lorkeeper digest --send`), and reports whether it was sent.
func (o *Outbox) SendDraft(ctx context.Context, id int64) (bool, error) {
	d, ok, err := o.Keeper.ClaimID(ctx, id)
	if err != nil || !ok {
		return false, err
	}
	return o.send(ctx, d)
}

func (o *Outbox) perMinute() int {
	if o.PerMinute <= 0 {
		return 10
	}
	return o.PerMinute
}

// rateWait returns how long to wait before the next send is allowed.
func (o *Outbox) rateWait() time.Duration {
	now := o.clock().Now()
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
	d, ok, err := o.Keeper.NextApproved(ctx)
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
	next := o.clock().Now().Add(time.Minute)
	return true, o.Keeper.Postpone(ctx, d.ID, "its copy left your Drafts folder: checking whether you sent it yourself", next)
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
