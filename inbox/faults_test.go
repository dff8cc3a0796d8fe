package inbox

import (
	"context"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/emersion/go-imap/v2"

	"github.com/lorkeeper/lorkeeper/clock"
	"github.com/lorkeeper/lorkeeper/internal/netfault"
	"github.com/lorkeeper/lorkeeper/memmail"
)

// A header larger than the fetch limit, before From, must not hide the
// sender: the reply is read, with its text.
func TestHugeHeaderBeforeFromIsRead(t *testing.T) {
	e := setup(t, memmail.Options{})
	var filler strings.Builder
	for filler.Len() < 300<<10 {
		filler.WriteString("Received: from relay.example by relay.example with ESMTP id 0123456789abcdef0123456789abcdef; Tue, 1 Jun 2027 09:00:00 +0000\r\n")
	}
	raw := append([]byte(filler.String()), msg(writer, "<huge@x>", "")...)
	e.sys.Deliver(applicant, "INBOX", raw, time.Time{})
	defer e.run(t)()
	e.expect(t, "<huge@x>")
	e.sink.mu.Lock()
	defer e.sink.mu.Unlock()
	if e.sink.sizes[0] > 2*MaxFetch {
		t.Errorf("read %d bytes", e.sink.sizes[0])
	}
}

func TestHugeHeaderMessageKeepsItsText(t *testing.T) {
	e := setup(t, memmail.Options{})
	filler := strings.Repeat("X-Filler: "+strings.Repeat("y", 990)+"\r\n", 300)
	e.sys.Deliver(applicant, "INBOX", append([]byte(filler), msg(writer, "<huge2@x>", "")...), time.Time{})
	c, err := Dial(context.Background(), e.w.Server, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	if _, err := c.Select("INBOX", nil).Wait(); err != nil {
		t.Fatal(err)
	}
	msgs, err := fetchMessages(c, []imap.UID{1})
	if err != nil || len(msgs) != 1 {
		t.Fatalf("%v %v", msgs, err)
	}
	got := string(msgs[0].Raw)
	for _, want := range []string{"From: " + writer, "Message-ID: <huge2@x>", "Happy to write a strong letter."} {
		if !strings.Contains(got, want) {
			t.Errorf("rebuilt message lacks %q", want)
		}
	}
}

// A writer added to the config later (or an address fixed) gets their
// mail read even though the checkpoint had already passed it.
func TestAddedSenderGetsPassedMailRead(t *testing.T) {
	e := setup(t, memmail.Options{})
	const late = "dr.late@clinic.test"
	e.sys.Deliver(applicant, "INBOX", msg(late, "<early-reply@x>", ""), time.Time{})
	e.sys.Deliver(applicant, "INBOX", msg(writer, "<w1@x>", ""), time.Time{})
	stop := e.run(t)
	e.expect(t, "<w1@x>")
	stop()
	e.sink.setQuery(Query{From: []string{writer, late, "@portal.test"}})
	defer e.run(t)()
	e.expect(t, "<early-reply@x>")
	e.expectNothing(t, 200*time.Millisecond)
}

// However long the server was down, the watcher tries again at most
// MaxBackoff apart, so a reply is read within seconds of the outage's end.
func TestRecoveryAfterLongOutageIsPrompt(t *testing.T) {
	e := setup(t, memmail.Options{})
	fake := clock.NewFake(time.Date(2027, 6, 1, 14, 0, 0, 0, time.UTC))
	e.w.Clock = fake
	var mu sync.Mutex
	var health []error
	e.w.Health = func(err error) { mu.Lock(); health = append(health, err); mu.Unlock() }
	defer e.run(t)()
	e.sys.Deliver(applicant, "INBOX", msg(writer, "<before@x>", ""), time.Time{})
	e.expect(t, "<before@x>")
	if err := e.sys.StopIMAP(); err != nil {
		t.Fatal(err)
	}
	// 150 s of outage: every retry fails; each wait is at most MaxBackoff.
	for elapsed := time.Duration(0); elapsed < 150*time.Second; elapsed += MaxBackoff {
		if !fake.WaitTimers(1, timeout(t)) {
			t.Fatal("the watcher set no retry timer")
		}
		fake.Advance(MaxBackoff)
	}
	e.sys.Deliver(applicant, "INBOX", msg(writer, "<during@x>", ""), time.Time{})
	if err := e.sys.StartIMAP(); err != nil {
		t.Fatal(err)
	}
	fake.WaitTimers(1, timeout(t))
	fake.Advance(MaxBackoff) // the longest wait there can be
	e.expect(t, "<during@x>")
	mu.Lock()
	defer mu.Unlock()
	if len(health) < 3 || health[len(health)-1] != nil {
		t.Errorf("health reports %v; want failures, then nil", health)
	}
}

// After the machine slept, the connection is likely dead without anyone
// having said so. A wake replaces it at once, without waiting for a read
// deadline or the next IDLE renewal.
func TestWakeReplacesADeadConnection(t *testing.T) {
	e := setup(t, memmail.Options{})
	p := netfault.Start(t, e.sys.IMAPAddr())
	e.w.Server.Host, e.w.Server.Port = "127.0.0.1", p.Port()
	e.w.IdleRenew = time.Hour
	wake := make(chan struct{}, 1)
	e.w.Wake = wake
	defer e.run(t)()
	e.sys.Deliver(applicant, "INBOX", msg(writer, "<one@x>", ""), time.Time{})
	e.expect(t, "<one@x>")
	p.Silence() // the lid closes: the old connection goes silent
	e.sys.Deliver(applicant, "INBOX", msg(writer, "<while-asleep@x>", ""), time.Time{})
	e.expectNothing(t, 100*time.Millisecond)
	wake <- struct{}{} // the lid opens
	e.expect(t, "<while-asleep@x>")
}

func timeout(t *testing.T) <-chan struct{} {
	ch := make(chan struct{})
	timer := time.AfterFunc(10*time.Second, func() { close(ch) })
	t.Cleanup(func() { timer.Stop() })
	return ch
}
