package daemon_test

import (
	"context"
	"fmt"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/lorkeeper/lorkeeper/clock"
	"github.com/lorkeeper/lorkeeper/config"
	"github.com/lorkeeper/lorkeeper/daemon"
	"github.com/lorkeeper/lorkeeper/internal/netfault"
	"github.com/lorkeeper/lorkeeper/internal/testenv"
	"github.com/lorkeeper/lorkeeper/store"
)

// The laptop lid closes for a week: the clock jumps 7 days, the IMAP
// connection died without a word, replies arrived meanwhile. lorkeeper
// notices the jump, reconnects at once and reads every reply within
// seconds, and drafts each due reminder once.
func TestWeekAsleepCatchesUpAtOnce(t *testing.T) {
	proxy := netfault.Start(t, "")
	e := testenv.New(t, testenv.Options{Configure: func(c *config.Config) {
		c.IMAP.Port = proxy.Port()
		c.IMAP.IdleRenew = config.Duration(time.Hour) // no keepalive would notice within the test
		c.Schedule.FirstReminderAfter = config.Duration(3 * 24 * time.Hour)
		c.Schedule.AutoApprove = []string{"reminder"}
		c.IMAP.DraftsInMailbox = new(bool)
	}})
	proxy.SetTarget(e.Sys.IMAPAddr())
	a, err := daemon.Open(e.Cfg, e.Log, e.Clock)
	if err != nil {
		t.Fatal(err)
	}
	defer a.Close()
	wakes := clock.NewWakes(e.Clock, 30*time.Second, time.Minute)
	ctx, cancel := context.WithCancel(context.Background())
	var wg sync.WaitGroup
	wg.Add(2)
	go func() { defer wg.Done(); wakes.Run(ctx) }()
	go func() { defer wg.Done(); a.Run(ctx, daemon.Options{Wakes: wakes, Poll: time.Hour}) }()
	defer func() { cancel(); wg.Wait() }()

	// Send every first email, as the applicant would.
	asks := approveFirstEmails(t, a)
	testenv.WaitFor(t, "4 sent", func() bool { return len(e.Sys.Sent()) == 4 })
	// The server has them; wait until the store says so too, or the
	// jump below can come before a send is recorded and that writer's
	// reminder is not due yet.
	testenv.WaitFor(t, "4 recorded sent", func() bool { ds, _ := a.Keeper.Drafts(ctx, store.Sent); return len(ds) == 4 })
	testenv.WaitFor(t, "the mailbox read", func() bool { h, _ := a.Keeper.Heartbeat(ctx); return !h.LastSync.IsZero() })

	// The lid closes: the connection goes silent; two replies arrive.
	proxy.Silence()
	for _, id := range []string{"smith", "nguyen"} {
		body := map[string]string{"smith": "I would be delighted to write you a strong letter.", "nguyen": "I'm sorry, I cannot write a letter this year."}[id]
		raw := fmt.Sprintf("From: %s\r\nTo: %s\r\nSubject: Re: %s\r\nMessage-ID: <asleep-%s@x.test>\r\nIn-Reply-To: <%s>\r\nContent-Type: text/plain\r\n\r\n%s\r\n",
			testenv.Writers[id], testenv.Applicant, asks[id].Subject, id, asks[id].MessageID, body)
		if err := e.Sys.Deliver(testenv.Applicant, "INBOX", []byte(raw), time.Time{}); err != nil {
			t.Fatal(err)
		}
	}
	// A week later, the lid opens.
	e.Clock.Advance(7 * 24 * time.Hour)
	start := time.Now()
	testenv.WaitFor(t, "both replies read after the jump", func() bool {
		ms, _ := a.Keeper.Messages(ctx, "")
		return len(ms) == 2
	})
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("caught up %v after the jump, want within 5 s", d)
	}
	// Reminders: once each to the silent writers (patel and adeyemi),
	// however the timers that fell due meanwhile fire.
	testenv.WaitFor(t, "reminders sent", func() bool { return len(e.Sys.Sent()) >= 6 })
	for i := 0; i < 3; i++ {
		e.Clock.Advance(time.Minute)
	}
	reminders := map[string]int{}
	for _, env := range e.Sys.Sent() {
		if strings.Contains(string(env.Data), "Subject: Re:") && strings.Contains(string(env.Data), "gentle reminder") {
			reminders[env.To[0]]++
		}
	}
	// Nothing is planned for a writer who answered while the lid was
	// shut: the reminders wait until the mailbox is read after the wake.
	all, _ := a.Keeper.Drafts(ctx)
	for _, d := range all {
		if d.Template == "reminder" && (d.Writer == "smith" || d.Writer == "nguyen") {
			t.Errorf("a reminder to %s, who replied during the sleep, was drafted (%s)", d.Writer, d.Status)
		}
	}
	if len(reminders) != 2 {
		t.Errorf("reminders went to %v, want the two silent writers once each", reminders)
	}
	for to, n := range reminders {
		if n != 1 {
			t.Errorf("%s got %d reminders", to, n)
		}
	}
}

// The laptop was off for a week: when lorkeeper starts, the replies that
// came meanwhile are read before any reminder is planned.
func TestStartAfterAWeekOffReadsBeforeReminding(t *testing.T) {
	e := testenv.New(t, testenv.Options{Configure: func(c *config.Config) {
		c.Schedule.FirstReminderAfter = config.Duration(3 * 24 * time.Hour)
		c.Schedule.AutoApprove = []string{"reminder"}
		c.IMAP.DraftsInMailbox = new(bool)
	}})
	run := func() (*daemon.Applicant, func()) {
		a, err := daemon.Open(e.Cfg, e.Log, e.Clock)
		if err != nil {
			t.Fatal(err)
		}
		ctx, cancel := context.WithCancel(context.Background())
		done := make(chan struct{})
		go func() { defer close(done); a.Run(ctx, daemon.Options{Poll: time.Hour}) }()
		return a, func() { cancel(); <-done; a.Close() }
	}
	ctx := context.Background()
	a, stop := run()
	asks := approveFirstEmails(t, a)
	testenv.WaitFor(t, "4 recorded sent", func() bool { ds, _ := a.Keeper.Drafts(ctx, store.Sent); return len(ds) == 4 })
	stop()

	raw := fmt.Sprintf("From: %s\r\nTo: %s\r\nSubject: Re: %s\r\nMessage-ID: <off-smith@x.test>\r\nIn-Reply-To: <%s>\r\nContent-Type: text/plain\r\n\r\nI would be delighted to write you a strong letter.\r\n",
		testenv.Writers["smith"], testenv.Applicant, asks["smith"].Subject, asks["smith"].MessageID)
	if err := e.Sys.Deliver(testenv.Applicant, "INBOX", []byte(raw), time.Time{}); err != nil {
		t.Fatal(err)
	}
	e.Clock.Advance(7 * 24 * time.Hour)

	a, stop = run()
	defer stop()
	testenv.WaitFor(t, "the reply read", func() bool { ms, _ := a.Keeper.Messages(ctx, ""); return len(ms) == 1 })
	testenv.WaitFor(t, "reminders to the three silent writers", func() bool {
		n := 0
		all, _ := a.Keeper.Drafts(ctx)
		for _, d := range all {
			if d.Template == "reminder" {
				n++
			}
		}
		return n >= 3
	})
	all, _ := a.Keeper.Drafts(ctx)
	for _, d := range all {
		if d.Template == "reminder" && d.Writer == "smith" {
			t.Errorf("a reminder to smith, whose reply waited in the inbox, was drafted (%s)", d.Status)
		}
	}
}

// approveFirstEmails approves the first email planned for each of the
// four writers, as the applicant would, and returns them by writer.
func approveFirstEmails(t *testing.T, a *daemon.Applicant) map[string]store.Draft {
	t.Helper()
	ctx := context.Background()
	testenv.WaitFor(t, "drafts planned", func() bool { ds, _ := a.Keeper.Drafts(ctx, store.Pending); return len(ds) == 4 })
	ds, _ := a.Keeper.Drafts(ctx, store.Pending)
	var ids []int64
	asks := map[string]store.Draft{}
	for _, d := range ds {
		ids = append(ids, d.ID)
		asks[d.Writer] = d
	}
	if err := a.Keeper.Approve(ctx, ids...); err != nil {
		t.Fatal(err)
	}
	return asks
}
