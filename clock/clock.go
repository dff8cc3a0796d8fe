// Package clock is lorkeeper's one source of time. Every loop that waits
// (the outbox, the scheduler, the watcher's backoff and IDLE renewal, the
// Drafts-folder mirror) takes a Clock, so tests drive them all with one
// Fake and wait on events instead of sleeping.
//
// A Clock also tells when the machine woke up: a laptop lid closed for a
// week stops the monotonic clock while the wall clock moves on. Wakes
// reports such jumps so that connections are renewed and due work runs at
// once, rather than at the next timer.
package clock

import (
	"context"
	"time"
)

// Clock reads the time and makes timers.
type Clock interface {
	// Now returns the current wall-clock time.
	Now() time.Time
	// NewTimer returns a timer that fires once, d from now.
	NewTimer(d time.Duration) Timer
}

// Timer is a one-shot timer, like time.Timer.
type Timer interface {
	// C delivers the time once the timer fires.
	C() <-chan time.Time
	// Stop prevents the timer from firing; it reports whether it did.
	Stop() bool
	// Reset makes the timer fire d from now, stopping it first.
	Reset(d time.Duration)
}

// Real returns the system clock.
func Real() Clock { return realClock{} }

type realClock struct{}

func (realClock) Now() time.Time { return time.Now() }

func (realClock) NewTimer(d time.Duration) Timer { return realTimer{time.NewTimer(d)} }

type realTimer struct{ t *time.Timer }

func (t realTimer) C() <-chan time.Time   { return t.t.C }
func (t realTimer) Stop() bool            { return t.t.Stop() }
func (t realTimer) Reset(d time.Duration) { t.t.Reset(d) }

// Sleep waits for d on c, or until ctx ends; it returns ctx's error in
// that case.
func Sleep(ctx context.Context, c Clock, d time.Duration) error {
	if d <= 0 {
		return ctx.Err()
	}
	t := c.NewTimer(d)
	defer t.Stop()
	select {
	case <-ctx.Done():
		return ctx.Err()
	case <-t.C():
		return nil
	}
}

// Or returns c, or the system clock when c is nil.
func Or(c Clock) Clock {
	if c == nil {
		return Real()
	}
	return c
}
