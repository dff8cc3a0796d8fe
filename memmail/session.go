package memmail

import (
	"errors"
	"strings"
	"time"

	"github.com/emersion/go-imap/v2/imapserver"
	"github.com/emersion/go-sasl"
)

// session wraps an imapmemserver session for two things the in-memory
// server lacks: an IDLE that never misses a message appended just before
// it starts (it polls every 20 ms), and XOAUTH2 logins.
type session struct {
	imapserver.SessionIMAP4rev2
	s *System
}

func (se *session) Idle(w *imapserver.UpdateWriter, stop <-chan struct{}) error {
	t := time.NewTicker(20 * time.Millisecond)
	defer t.Stop()
	for {
		if err := se.Poll(w, true); err != nil {
			return err
		}
		select {
		case <-stop:
			return nil
		case <-t.C:
		}
	}
}

func (se *session) AuthenticateMechanisms() []string { return []string{sasl.Plain, "XOAUTH2"} }

func (se *session) Authenticate(mech string) (sasl.Server, error) {
	switch mech {
	case sasl.Plain:
		return sasl.NewPlainServer(func(identity, user, pass string) error {
			return se.Login(user, pass)
		}), nil
	case "XOAUTH2":
		return &xoauth2Server{s: se.s, done: func(user string) error {
			se.s.mu.Lock()
			pass := se.s.pass[strings.ToLower(user)]
			se.s.mu.Unlock()
			return se.Login(user, pass)
		}}, nil
	}
	return nil, errors.New("unsupported mechanism")
}
