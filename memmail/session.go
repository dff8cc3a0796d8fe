package memmail

import (
	"errors"
	"strings"
	"time"

	"github.com/emersion/go-imap/v2"
	"github.com/emersion/go-imap/v2/imapserver"
	"github.com/emersion/go-sasl"
)

// session wraps an imapmemserver session for what the in-memory server
// lacks: an IDLE that never misses a message appended just before it
// starts (it polls every 20 ms), XOAUTH2 and OAUTHBEARER logins, and the
// provider's quirks (SPECIAL-USE folders, Gmail's All Mail, IDLE that
// ends, throttling).
type session struct {
	imapserver.SessionIMAP4rev2
	s    *System
	conn *imapserver.Conn
	user string
	// inspect marks the System's own reads (Messages): not counted as
	// logins, never throttled.
	inspect bool
}

// inspectSuffix ends the password of the System's own reads.
const inspectSuffix = "\x00memmail-inspect"

func (se *session) loggedIn(user, mech string) {
	se.user = user
	se.s.mu.Lock()
	se.s.logins[mech]++
	se.s.notifyLocked()
	se.s.mu.Unlock()
}

func (se *session) Login(user, pass string) error {
	pass, se.inspect = strings.CutSuffix(pass, inspectSuffix)
	if err := se.SessionIMAP4rev2.Login(user, pass); err != nil {
		return err
	}
	if se.inspect {
		se.user = user
		return nil
	}
	se.loggedIn(user, "LOGIN")
	return nil
}

func (se *session) Idle(w *imapserver.UpdateWriter, stop <-chan struct{}) error {
	t := time.NewTicker(20 * time.Millisecond)
	defer t.Stop()
	var drop <-chan time.Time
	if d := se.s.opts.IdleDrop; d > 0 {
		timer := time.NewTimer(d)
		defer timer.Stop()
		drop = timer.C
	}
	for {
		if err := se.Poll(w, true); err != nil {
			return err
		}
		select {
		case <-stop:
			return nil
		case <-t.C:
		case <-drop:
			drop = nil
			se.s.mu.Lock()
			se.s.idleDrops++
			se.s.notifyLocked()
			se.s.mu.Unlock()
			if se.s.opts.Provider == Microsoft {
				// Gone without a word: the client must notice.
				if dc := se.s.connFor(se.conn); dc != nil {
					dc.kill()
				}
				continue
			}
			return se.conn.Bye("IDLE session ended; please reconnect")
		}
	}
}

func (se *session) AuthenticateMechanisms() []string { return se.s.opts.Provider.mechanisms() }

func (se *session) Authenticate(mech string) (sasl.Server, error) {
	switch mech {
	case sasl.Plain:
		return sasl.NewPlainServer(func(identity, user, pass string) error {
			if err := se.SessionIMAP4rev2.Login(user, pass); err != nil {
				return err
			}
			se.loggedIn(user, mech)
			return nil
		}), nil
	case "XOAUTH2":
		return &xoauth2Server{s: se.s, done: func(user string) error { return se.tokenLogin(user, mech) }}, nil
	case sasl.OAuthBearer:
		if se.s.opts.Provider == Microsoft {
			break
		}
		return sasl.NewOAuthBearerServer(func(o sasl.OAuthBearerOptions) *sasl.OAuthBearerError {
			if !se.s.tokenOK(o.Username, o.Token) || se.tokenLogin(o.Username, mech) != nil {
				return &sasl.OAuthBearerError{Status: "invalid_token", Schemes: "bearer"}
			}
			return nil
		}), nil
	}
	return nil, errors.New("unsupported mechanism")
}

// tokenLogin opens user's mailbox after their token was accepted.
func (se *session) tokenLogin(user, mech string) error {
	se.s.mu.Lock()
	pass := se.s.pass[strings.ToLower(user)]
	se.s.mu.Unlock()
	if err := se.SessionIMAP4rev2.Login(user, pass); err != nil {
		return err
	}
	se.loggedIn(user, mech)
	return nil
}

func (se *session) List(w *imapserver.ListWriter, ref string, patterns []string, options *imap.ListOptions) error {
	if se.s.opts.Provider == Plain {
		return se.SessionIMAP4rev2.List(w, ref, patterns, options)
	}
	return se.list(w, ref, patterns, options)
}

func (se *session) Create(mailbox string, options *imap.CreateOptions) error {
	if err := se.SessionIMAP4rev2.Create(mailbox, options); err != nil {
		return err
	}
	se.s.addFolder(se.user, strings.TrimRight(mailbox, "/"))
	return nil
}

func (se *session) Append(mailbox string, r imap.LiteralReader, options *imap.AppendOptions) (*imap.AppendData, error) {
	if !alsoInAllMail(se.s.opts.Provider, mailbox) {
		return se.SessionIMAP4rev2.Append(mailbox, r, options)
	}
	lit, err := readAll(r)
	if err != nil {
		return nil, err
	}
	data, err := se.SessionIMAP4rev2.Append(mailbox, lit, options)
	if err != nil {
		return nil, err
	}
	lit.Seek(0, 0)
	if u, ok := se.s.user(se.user); ok {
		if _, err := u.Append("[Gmail]/All Mail", lit, options); err != nil {
			return nil, err
		}
	}
	se.s.notify()
	return data, nil
}

func (se *session) Select(mailbox string, options *imap.SelectOptions) (*imap.SelectData, error) {
	if err := se.throttled(); err != nil {
		return nil, err
	}
	return se.SessionIMAP4rev2.Select(mailbox, options)
}

func (se *session) Search(kind imapserver.NumKind, criteria *imap.SearchCriteria, options *imap.SearchOptions) (*imap.SearchData, error) {
	if err := se.throttled(); err != nil {
		return nil, err
	}
	return se.SessionIMAP4rev2.Search(kind, criteria, options)
}

func (se *session) Fetch(w *imapserver.FetchWriter, numSet imap.NumSet, options *imap.FetchOptions) error {
	if err := se.throttled(); err != nil {
		return err
	}
	return se.SessionIMAP4rev2.Fetch(w, numSet, options)
}

func (se *session) throttled() error {
	if se.inspect {
		return nil
	}
	return se.s.throttled()
}
