package daemon

import (
	"context"
	"sync"
	"time"

	"github.com/lorkeeper/lorkeeper/clock"
)

// readWait is how long the scheduler waits, after a start or a wake, for
// the mailbox to be read before it plans reminders anyway (the IMAP
// server may be down for hours; reminders must not stop for good).
const readWait = 10 * time.Minute

// mailboxReads lets the scheduler wait until the mailbox was read after
// a moment, so that a reminder is never planned for a writer whose reply
// sits unread in the inbox (after a start, or a lid closed for a week).
// The watcher calls read after each sync that reached the end of the
// mailbox.
type mailboxReads struct {
	mu   sync.Mutex
	last time.Time     // the clock's time at the last read
	next chan struct{} // closed at the next read
}

func newMailboxReads() *mailboxReads { return &mailboxReads{next: make(chan struct{})} }

func (m *mailboxReads) read(at time.Time) {
	m.mu.Lock()
	defer m.mu.Unlock()
	m.last = at
	close(m.next)
	m.next = make(chan struct{})
}

// waitSince blocks until the mailbox was read at or after since, ctx
// ends, or limit passes on clk. It reports whether the mailbox was read.
func (m *mailboxReads) waitSince(ctx context.Context, clk clock.Clock, since time.Time, limit time.Duration) bool {
	t := clk.NewTimer(limit)
	defer t.Stop()
	for {
		m.mu.Lock()
		last, next := m.last, m.next
		m.mu.Unlock()
		if !last.IsZero() && !last.Before(since) {
			return true
		}
		select {
		case <-ctx.Done():
			return false
		case <-t.C():
			return false
		case <-next:
		}
	}
}
