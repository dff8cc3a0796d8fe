package daemon_test

import (
	"context"
	"fmt"
	"sync"
	"testing"
	"time"

	"github.com/lorkeeper/lorkeeper/config"
	"github.com/lorkeeper/lorkeeper/daemon"
	"github.com/lorkeeper/lorkeeper/internal/testenv"
)

// "Mailbox last read" moves on each time lorkeeper reads new mail while
// it watches, not only when it connects (a new user saw 00:33 all
// afternoon while replies were read at 00:34 and 00:35).
func TestLastReadMovesWhileWatching(t *testing.T) {
	e := testenv.New(t, testenv.Options{Configure: func(c *config.Config) {
		c.IMAP.IdleRenew = config.Duration(time.Hour)
		c.IMAP.DraftsInMailbox = new(bool)
	}})
	a, err := daemon.Open(e.Cfg, e.Log, e.Clock)
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	ctx, cancel := context.WithCancel(context.Background())
	var wg sync.WaitGroup
	wg.Add(1)
	go func() { defer wg.Done(); a.Run(ctx, daemon.Options{Poll: time.Hour}) }()
	defer func() { cancel(); wg.Wait() }()
	asks := approveFirstEmails(t, a)
	testenv.WaitFor(t, "the mailbox read", func() bool { h, _ := a.Keeper.Heartbeat(ctx); return !h.LastSync.IsZero() })
	first, _ := a.Keeper.Heartbeat(ctx)

	e.Clock.Advance(10 * time.Minute)
	raw := fmt.Sprintf("From: %s\r\nTo: %s\r\nSubject: Re: %s\r\nMessage-ID: <later@x.test>\r\nIn-Reply-To: <%s>\r\nContent-Type: text/plain\r\n\r\nI would be delighted to write you a strong letter.\r\n",
		testenv.Writers["smith"], testenv.Applicant, asks["smith"].Subject, asks["smith"].MessageID)
	if err := e.Sys.Deliver(testenv.Applicant, "INBOX", []byte(raw), time.Time{}); err != nil {
		t.Fatal(err)
	}
	testenv.WaitFor(t, "the reply read", func() bool { ms, _ := a.Keeper.Messages(ctx, "smith"); return len(ms) == 1 })
	testenv.WaitFor(t, "last read moved on", func() bool {
		h, _ := a.Keeper.Heartbeat(ctx)
		return !h.LastSync.Before(first.LastSync.Add(10 * time.Minute))
	})
}
