package mailer

import (
	"context"
	"errors"
	"strings"
	"sync/atomic"
	"testing"

	"github.com/lorkeeper/lorkeeper/internal/smtpfault"
)

// The outcome of a send must follow what the server said about the final
// ".": a 250 means sent whatever happens next; no reply means nobody
// knows; a refusal before or at the dot means not sent.
func TestOutcomeFollowsTheFinalReply(t *testing.T) {
	cases := []struct {
		name      string
		mode      smtpfault.Mode
		wantErr   bool
		uncertain bool
		temporary bool
	}{
		{"ok", smtpfault.OK, false, false, false},
		{"connection dropped right after 250", smtpfault.DropAfter250, false, false, false},
		{"421 to RSET and QUIT after 250", smtpfault.Reply421AfterData, false, false, false},
		{"final reply never sent", smtpfault.SilentAfterDot, true, true, false},
		{"451 to the final dot", smtpfault.Reply451AtDot, true, false, true},
		{"554 to the final dot", smtpfault.Reply554AtDot, true, false, false},
		{"connection dropped after DATA's 354", smtpfault.DropAfter354, true, false, true},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			fs := smtpfault.Start(t, tc.mode)
			srv := Server{Host: fs.Host, Port: fs.Port, Security: "none", Timeout: 5e9,
				Credential: fs.Credential}
			msg, err := Compose(sample(t))
			if err != nil {
				t.Fatal(err)
			}
			var commits atomic.Int32
			reply, err := srv.Send(context.Background(), msg, func() error { commits.Add(1); return nil })
			var se *Error
			if tc.wantErr != (err != nil) {
				t.Fatalf("Send = %q, %v; want error %v", reply, err, tc.wantErr)
			}
			if err != nil {
				if !errors.As(err, &se) {
					t.Fatalf("error %T is not *Error", err)
				}
				if se.Uncertain != tc.uncertain || se.Temporary != tc.temporary {
					t.Errorf("%v: uncertain %v temporary %v; want %v %v", err, se.Uncertain, se.Temporary, tc.uncertain, tc.temporary)
				}
			} else if !strings.Contains(reply, "queued") {
				t.Errorf("reply %q", reply)
			}
			if tc.mode != smtpfault.DropAfter354 && commits.Load() != 1 {
				t.Errorf("commit called %d times", commits.Load())
			}
		})
	}
}

// When the commit hook fails (the state file could not record that the
// message is about to go), the final dot is never sent, so the server
// discards the message.
func TestFailedCommitSendsNothing(t *testing.T) {
	fs := smtpfault.Start(t, smtpfault.OK)
	srv := Server{Host: fs.Host, Port: fs.Port, Security: "none", Timeout: 5e9, Credential: fs.Credential}
	msg, err := Compose(sample(t))
	if err != nil {
		t.Fatal(err)
	}
	_, err = srv.Send(context.Background(), msg, func() error { return errors.New("disk full") })
	var se *Error
	if !errors.As(err, &se) || se.Uncertain || !strings.Contains(err.Error(), "disk full") {
		t.Fatalf("err = %v", err)
	}
	if n := fs.Accepted(); n != 0 {
		t.Fatalf("server accepted %d messages", n)
	}
}
