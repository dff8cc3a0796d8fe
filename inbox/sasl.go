package inbox

import (
	"errors"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/emersion/go-imap/v2"

	"github.com/lorkeeper/lorkeeper/config"
)

// oauthBearer is the SASL OAUTHBEARER mechanism (RFC 7628) used by Gmail
// and Dovecot. go-sasl has one, but it ends a failed exchange with an
// error instead of the dummy response the RFC asks for, which leaves the
// command open; this one lets the server fail the command cleanly.
type oauthBearer struct {
	user, token, host string
	port              int
}

func (a *oauthBearer) Start() (string, []byte, error) {
	s := "n,a=" + saslName(a.user) + ",\x01host=" + a.host + "\x01port=" + strconv.Itoa(a.port) +
		"\x01auth=Bearer " + a.token + "\x01\x01"
	return "OAUTHBEARER", []byte(s), nil
}

// Next answers the server's error challenge (a JSON status) with the
// dummy response %x01, after which the server fails the command.
func (a *oauthBearer) Next(challenge []byte) ([]byte, error) { return []byte{0x01}, nil }

// saslName escapes "," and "=" in a GS2 authzid.
func saslName(s string) string {
	return strings.NewReplacer("=", "=3D", ",", "=2C").Replace(s)
}

// signInError is a credential error only a new sign-in can fix (a
// revoked grant): it counts as a refused login, so the watcher waits
// long before trying again, and keeps its message.
type signInError struct{ error }

func (e signInError) Is(target error) bool { return target == ErrAuth }
func (e signInError) Unwrap() error        { return e.error }

// authClass marks credential errors that match config.ErrSignIn as
// refused logins.
func authClass(err error) error {
	if errors.Is(err, config.ErrSignIn) {
		return signInError{err}
	}
	return err
}

var backoffRE = regexp.MustCompile(`(?i)backoff time:\s*(\d+)\s*milliseconds`)

// Throttled reports whether err is a server's "slow down" (Exchange
// Online answers "BAD Request is throttled. Suggested Backoff Time: 201317
// milliseconds") and how long it asks to wait: the suggested time, at
// most 15 minutes, or a minute when it names none.
func Throttled(err error) (time.Duration, bool) {
	var ie *imap.Error
	if !errors.As(err, &ie) || !strings.Contains(strings.ToLower(ie.Text), "throttl") {
		return 0, false
	}
	d := time.Minute
	if m := backoffRE.FindStringSubmatch(ie.Text); m != nil {
		if ms, err := strconv.Atoi(m[1]); err == nil {
			d = time.Duration(ms) * time.Millisecond
		}
	}
	return min(d, 15*time.Minute), true
}
