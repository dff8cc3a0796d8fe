package clock

import (
	"context"
	"sync"
	"time"
)

// Wakes notices when the wall clock jumps ahead of the time that passed
// for the timers: the machine slept (a closed lid, a suspended VM), or
// the clock was set forward. Subscribers are told at once, so they can
// drop connections that died meanwhile and run what fell due.
type Wakes struct {
	clock Clock
	every time.Duration
	slack time.Duration

	mu   sync.Mutex
	subs map[chan struct{}]struct{}
}

// NewWakes returns a detector that looks every 'every' and reports a
// jump when the wall clock moved more than 'slack' beyond it. Run drives
// it.
func NewWakes(c Clock, every, slack time.Duration) *Wakes {
	return &Wakes{clock: Or(c), every: every, slack: slack, subs: map[chan struct{}]struct{}{}}
}

// Subscribe returns a channel that receives a value after each wake (at
// most one is kept waiting), and a function that ends the subscription.
// A nil *Wakes gives a channel that never receives.
func (w *Wakes) Subscribe() (<-chan struct{}, func()) {
	ch := make(chan struct{}, 1)
	if w == nil {
		return ch, func() {}
	}
	w.mu.Lock()
	w.subs[ch] = struct{}{}
	w.mu.Unlock()
	return ch, func() {
		w.mu.Lock()
		delete(w.subs, ch)
		w.mu.Unlock()
	}
}

// Notify tells every subscriber that the machine woke (Run calls it; a
// network-change hook may too). Notify on a nil *Wakes does nothing.
func (w *Wakes) Notify() {
	if w == nil {
		return
	}
	w.mu.Lock()
	defer w.mu.Unlock()
	for ch := range w.subs {
		select {
		case ch <- struct{}{}:
		default:
		}
	}
}

// Run watches the clock until ctx ends. It blocks.
func (w *Wakes) Run(ctx context.Context) error {
	t := w.clock.NewTimer(w.every)
	defer t.Stop()
	last := w.clock.Now()
	for {
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-t.C():
		}
		now := w.clock.Now()
		// Round(0) strips the monotonic reading: the difference is wall
		// time, which keeps running while the machine sleeps.
		if now.Round(0).Sub(last.Round(0)) > w.every+w.slack {
			w.Notify()
		}
		last = now
		t.Reset(w.every)
	}
}
