package inbox

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/emersion/go-imap/v2"

	"github.com/lorkeeper/lorkeeper/config"
	"github.com/lorkeeper/lorkeeper/memmail"
)

// tokens is a token source whose current token the test controls.
type tokens struct {
	current   atomic.Value // string
	refreshed atomic.Int32
	next      func() (string, error) // what Refresh returns
}

func (k *tokens) cred(mech string) func(context.Context) (config.Credential, error) {
	return func(context.Context) (config.Credential, error) {
		return config.Credential{Username: applicant, Token: k.current.Load().(string), Mechanism: mech,
			Refresh: func(context.Context) (config.Credential, error) {
				k.refreshed.Add(1)
				tok, err := k.next()
				if err != nil {
					return config.Credential{}, err
				}
				k.current.Store(tok)
				return config.Credential{Username: applicant, Token: tok, Mechanism: mech}, nil
			}}, nil
	}
}

// TestOAuthBearerLogin: OAUTHBEARER (RFC 7628) as well as XOAUTH2; a
// refused token ends the command cleanly, with a refused login.
func TestOAuthBearerLogin(t *testing.T) {
	e := setup(t, memmail.Options{Provider: memmail.Gmail})
	e.sys.AllowToken(applicant, "ya29.good")
	for _, mech := range []string{"OAUTHBEARER", "XOAUTH2"} {
		e.w.Server.Credential = func(context.Context) (config.Credential, error) {
			return config.Credential{Username: applicant, Token: "ya29.good", Mechanism: mech}, nil
		}
		c, err := Dial(context.Background(), e.w.Server, nil)
		if err != nil {
			t.Fatalf("%s: %v", mech, err)
		}
		c.Close()
		if e.sys.Logins(mech) != 1 {
			t.Errorf("%s logins: %d", mech, e.sys.Logins(mech))
		}
		e.w.Server.Credential = func(context.Context) (config.Credential, error) {
			return config.Credential{Username: applicant, Token: "ya29.revoked", Mechanism: mech}, nil
		}
		_, err = Dial(context.Background(), e.w.Server, nil)
		if !errors.Is(err, ErrAuth) || strings.Contains(err.Error(), "ya29") {
			t.Errorf("%s, bad token: %v", mech, err)
		}
	}
}

// TestRefusedTokenRefreshedOnce: a token the server refuses before its
// time is renewed once and the login retried; a second refusal stands.
func TestRefusedTokenRefreshedOnce(t *testing.T) {
	e := setup(t, memmail.Options{})
	e.sys.AllowToken(applicant, "new")
	k := &tokens{next: func() (string, error) { return "new", nil }}
	k.current.Store("old")
	e.w.Server.Credential = k.cred("XOAUTH2")
	c, err := Dial(context.Background(), e.w.Server, nil)
	if err != nil {
		t.Fatal(err)
	}
	c.Close()
	if k.refreshed.Load() != 1 {
		t.Errorf("refreshed %d times", k.refreshed.Load())
	}
	k.current.Store("old")
	k.next = func() (string, error) { return "still-bad", nil }
	if _, err := Dial(context.Background(), e.w.Server, nil); !errors.Is(err, ErrAuth) {
		t.Errorf("err = %v", err)
	}
	if k.refreshed.Load() != 2 {
		t.Errorf("refreshed %d times, want once per login", k.refreshed.Load())
	}
}

type signInErr struct{}

func (signInErr) Error() string        { return "Google sign-in expired — run `lorkeeper login`" }
func (signInErr) Is(target error) bool { return target == config.ErrSignIn }

// TestExpiredSignInIsARefusedLogin: a grant that is gone counts as a
// refused login (the watcher waits long before retrying) and keeps its
// plain message.
func TestExpiredSignInIsARefusedLogin(t *testing.T) {
	e := setup(t, memmail.Options{})
	e.w.Server.Credential = func(context.Context) (config.Credential, error) { return config.Credential{}, signInErr{} }
	_, err := Dial(context.Background(), e.w.Server, nil)
	if !errors.Is(err, ErrAuth) || !errors.Is(err, config.ErrSignIn) || !strings.HasSuffix(err.Error(), ": Google sign-in expired — run `lorkeeper login`") {
		t.Errorf("err = %v", err)
	}
	// Also when the refresh after a refusal finds it gone.
	k := &tokens{next: func() (string, error) { return "", signInErr{} }}
	k.current.Store("old")
	e.w.Server.Credential = k.cred("XOAUTH2")
	if _, err := Dial(context.Background(), e.w.Server, nil); !errors.Is(err, ErrAuth) || !errors.Is(err, config.ErrSignIn) {
		t.Errorf("err = %v", err)
	}
}

func TestThrottledParsesBackoff(t *testing.T) {
	d, ok := Throttled(fmt.Errorf("select: %w", &imap.Error{Type: imap.StatusResponseTypeBad, Text: "Request is throttled. Suggested Backoff Time: 201317 milliseconds"}))
	if !ok || d != 201317*time.Millisecond {
		t.Errorf("Throttled = %v, %v", d, ok)
	}
	if d, ok := Throttled(&imap.Error{Type: imap.StatusResponseTypeNo, Text: "User is throttled"}); !ok || d != time.Minute {
		t.Errorf("without a time: %v, %v", d, ok)
	}
	if _, ok := Throttled(&imap.Error{Type: imap.StatusResponseTypeNo, Text: "[AUTHENTICATIONFAILED] Invalid credentials"}); ok {
		t.Error("a refused login taken for throttling")
	}
}

// waitFor waits on the mail system's changes until cond holds.
func waitFor(t *testing.T, sys *memmail.System, what string, cond func() bool) {
	t.Helper()
	deadline := time.After(10 * time.Second)
	for {
		ch := sys.Changed()
		if cond() {
			return
		}
		select {
		case <-ch:
		case <-deadline:
			t.Fatalf("timed out waiting for %s", what)
		}
	}
}

// TestMicrosoftIdleDiesSilently: Exchange lets an idle connection die
// without a BYE; the read deadline notices, the watcher reconnects, and
// mail that arrived meanwhile is delivered.
func TestMicrosoftIdleDiesSilently(t *testing.T) {
	e := setup(t, memmail.Options{Provider: memmail.Microsoft, IdleDrop: 100 * time.Millisecond})
	e.w.IdleRenew = 300 * time.Millisecond
	e.w.Server.IdleTimeout = 600 * time.Millisecond
	defer e.run(t)()
	e.sys.Deliver(applicant, "INBOX", msg(writer, "<first@x>", ""), time.Time{})
	e.expect(t, "<first@x>")
	waitFor(t, e.sys, "the IDLE to die", func() bool { return e.sys.IdleDrops() > 0 })
	logins := e.sys.Logins("PLAIN") + e.sys.Logins("LOGIN")
	e.sys.Deliver(applicant, "INBOX", msg(writer, "<while-dead@x>", ""), time.Time{})
	e.expect(t, "<while-dead@x>")
	if now := e.sys.Logins("PLAIN") + e.sys.Logins("LOGIN"); now <= logins {
		t.Error("delivered without a reconnect: the dead connection was not noticed")
	}
	e.expectNothing(t, 100*time.Millisecond)
}

// TestGmailIdleDroppedWithBye: Gmail ends IDLE sessions with a BYE; the
// watcher reconnects at once and misses nothing.
func TestGmailIdleDroppedWithBye(t *testing.T) {
	e := setup(t, memmail.Options{Provider: memmail.Gmail, IdleDrop: 100 * time.Millisecond})
	defer e.run(t)()
	e.sys.Deliver(applicant, "INBOX", msg(writer, "<one@x>", ""), time.Time{})
	e.expect(t, "<one@x>")
	waitFor(t, e.sys, "the IDLE to be dropped", func() bool { return e.sys.IdleDrops() > 0 })
	e.sys.Deliver(applicant, "INBOX", msg(writer, "<two@x>", ""), time.Time{})
	e.expect(t, "<two@x>")
	// All Mail holds the same messages; the watcher reads INBOX only.
	all, _ := e.sys.Messages(applicant, "[Gmail]/All Mail")
	if len(all) != 2 {
		t.Errorf("All Mail holds %d messages, want 2", len(all))
	}
	e.expectNothing(t, 100*time.Millisecond)
}

// TestThrottledServerIsLeftAlone: after "Request is throttled", the
// watcher waits as long as the server asked before coming back.
func TestThrottledServerIsLeftAlone(t *testing.T) {
	e := setup(t, memmail.Options{Provider: memmail.Microsoft})
	e.sys.Throttle(1, 1500*time.Millisecond)
	start := time.Now()
	defer e.run(t)()
	e.sys.Deliver(applicant, "INBOX", msg(writer, "<after-throttle@x>", ""), time.Time{})
	e.expect(t, "<after-throttle@x>")
	if d := time.Since(start); d < 1500*time.Millisecond {
		t.Errorf("came back after %v; the server asked for 1.5s", d)
	}
}

// TestFallbackFolderNames: without SPECIAL-USE, the preset's names are
// tried first; with it, the server's marks win.
func TestFallbackFolderNames(t *testing.T) {
	for _, tc := range []struct {
		p              memmail.Provider
		fallback, want string
	}{
		{memmail.Microsoft, "Sent Items", "Sent Items"},
		{memmail.ICloud, "Sent Messages", "Sent Messages"},
		{memmail.Gmail, "Wrong Name", "[Gmail]/Sent Mail"},
	} {
		e := setup(t, memmail.Options{Provider: tc.p})
		f := &Folders{Server: e.w.Server, SentFallback: tc.fallback}
		s, err := f.Open(context.Background())
		if err != nil {
			t.Fatal(err)
		}
		got, err := s.SentName()
		s.Close()
		if err != nil || got != tc.want {
			t.Errorf("%s: Sent is %q (%v), want %q", tc.p, got, err, tc.want)
		}
	}
}
