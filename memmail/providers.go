package memmail

import (
	"bytes"
	"fmt"
	"io"
	"net"
	"strings"
	"sync"
	"time"

	"github.com/emersion/go-imap/v2"
	"github.com/emersion/go-imap/v2/imapserver"
)

// Provider makes the servers behave like a real mail provider's, as far
// as lorkeeper can tell.
type Provider string

// The providers memmail can play.
const (
	// Plain is a plain server: INBOX, Sent and Drafts, no SPECIAL-USE.
	Plain Provider = ""
	// Gmail advertises X-GM-EXT-1 and SPECIAL-USE; every message in
	// INBOX, Sent or Drafts is also in "[Gmail]/All Mail"; Sent and
	// Drafts are "[Gmail]/Sent Mail" and "[Gmail]/Drafts"; mail
	// submitted over SMTP is filed in Sent by the server; IDLE ends
	// with a BYE after Options.IdleDrop.
	Gmail Provider = "gmail"
	// Microsoft (Exchange Online) accepts XOAUTH2 but not OAUTHBEARER,
	// advertises no SPECIAL-USE, files submitted mail in "Sent Items",
	// lets an IDLE connection die without a BYE after Options.IdleDrop
	// (the server neither answers nor closes), and answers "BAD Request
	// is throttled" while Throttle is in force.
	Microsoft Provider = "microsoft"
	// ICloud advertises SPECIAL-USE but marks only some folders: "Sent
	// Messages" carries no \Sent.
	ICloud Provider = "icloud"
)

// folder is a mailbox a provider creates for every user.
type folder struct {
	name string
	attr imap.MailboxAttr // SPECIAL-USE, "" for none
}

func (p Provider) folders() []folder {
	switch p {
	case Gmail:
		return []folder{{"INBOX", ""}, {"[Gmail]/All Mail", imap.MailboxAttrAll}, {"[Gmail]/Sent Mail", imap.MailboxAttrSent},
			{"[Gmail]/Drafts", imap.MailboxAttrDrafts}, {"[Gmail]/Trash", imap.MailboxAttrTrash}, {"[Gmail]/Spam", imap.MailboxAttrJunk}}
	case Microsoft:
		return []folder{{"INBOX", ""}, {"Sent Items", ""}, {"Drafts", ""}, {"Deleted Items", ""}, {"Junk Email", ""}}
	case ICloud:
		return []folder{{"INBOX", ""}, {"Sent Messages", ""}, {"Drafts", imap.MailboxAttrDrafts},
			{"Deleted Messages", imap.MailboxAttrTrash}, {"Junk", imap.MailboxAttrJunk}}
	}
	return []folder{{"INBOX", ""}, {"Sent", ""}, {"Drafts", ""}}
}

// SentFolder is where the provider keeps sent mail.
func (p Provider) SentFolder() string {
	switch p {
	case Gmail:
		return "[Gmail]/Sent Mail"
	case Microsoft:
		return "Sent Items"
	case ICloud:
		return "Sent Messages"
	}
	return "Sent"
}

// DraftsFolder is where the provider keeps drafts.
func (p Provider) DraftsFolder() string {
	if p == Gmail {
		return "[Gmail]/Drafts"
	}
	return "Drafts"
}

// filesSent reports whether the provider files SMTP-submitted mail in
// the sender's Sent folder itself.
func (p Provider) filesSent() bool { return p == Gmail || p == Microsoft }

func (p Provider) caps(base imap.CapSet) imap.CapSet {
	switch p {
	case Gmail:
		base["X-GM-EXT-1"] = struct{}{}
		base[imap.CapSpecialUse] = struct{}{}
	case ICloud:
		base[imap.CapSpecialUse] = struct{}{}
	}
	return base
}

func (p Provider) mechanisms() []string {
	if p == Microsoft {
		return []string{"PLAIN", "XOAUTH2"}
	}
	return []string{"PLAIN", "XOAUTH2", "OAUTHBEARER"}
}

// list answers LIST from the provider's folders, with their SPECIAL-USE
// attributes (imapmemserver keeps none).
func (se *session) list(w *imapserver.ListWriter, ref string, patterns []string, options *imap.ListOptions) error {
	if len(patterns) == 0 {
		return w.WriteList(&imap.ListData{Attrs: []imap.MailboxAttr{imap.MailboxAttrNoSelect}, Delim: '/'})
	}
	for _, f := range se.s.folderList(se.user) {
		match := false
		for _, p := range patterns {
			match = match || imapserver.MatchList(f.name, '/', ref, p)
		}
		if !match || options.SelectSpecialUse && f.attr == "" {
			continue
		}
		data := &imap.ListData{Mailbox: f.name, Delim: '/'}
		if f.attr != "" && (options.ReturnSpecialUse || options.SelectSpecialUse) {
			data.Attrs = []imap.MailboxAttr{f.attr}
		}
		if err := w.WriteList(data); err != nil {
			return err
		}
	}
	return nil
}

func (s *System) folderList(user string) []folder {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]folder(nil), s.folders[strings.ToLower(user)]...)
}

func (s *System) addFolder(user, name string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	key := strings.ToLower(user)
	for _, f := range s.folders[key] {
		if f.name == name {
			return
		}
	}
	s.folders[key] = append(s.folders[key], folder{name: name})
}

// alsoInAllMail reports whether Gmail shows a message of this folder in
// "[Gmail]/All Mail" too.
func alsoInAllMail(p Provider, mailbox string) bool {
	return p == Gmail && mailbox != "[Gmail]/All Mail" && mailbox != "[Gmail]/Trash" && mailbox != "[Gmail]/Spam"
}

// fileSent puts a message submitted over SMTP by user in their Sent
// folder, as Gmail and Exchange do.
func (s *System) fileSent(user string, data []byte) error {
	if !s.opts.Provider.filesSent() {
		return nil
	}
	return s.Deliver(user, s.opts.Provider.SentFolder(), data, time.Time{})
}

// Throttle makes the IMAP server answer the next n SELECT, SEARCH and
// FETCH commands with Exchange Online's "BAD Request is throttled.
// Suggested Backoff Time: ... milliseconds".
func (s *System) Throttle(n int, backoff time.Duration) {
	s.mu.Lock()
	s.throttle, s.throttleFor = n, backoff
	s.mu.Unlock()
}

// throttled returns the error to answer a command with while throttling
// is in force, or nil.
func (s *System) throttled() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.throttle <= 0 {
		return nil
	}
	s.throttle--
	s.notifyLocked()
	return &imap.Error{Type: imap.StatusResponseTypeBad,
		Text: fmt.Sprintf("Request is throttled. Suggested Backoff Time: %d milliseconds", s.throttleFor.Milliseconds())}
}

// Changed returns a channel that is closed at the next change of the
// mail system: a message delivered or submitted, a login, an IDLE
// dropped, a throttled command. Tests wait on it instead of sleeping.
func (s *System) Changed() <-chan struct{} {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.changed
}

func (s *System) notify() {
	s.mu.Lock()
	s.notifyLocked()
	s.mu.Unlock()
}

func (s *System) notifyLocked() {
	close(s.changed)
	s.changed = make(chan struct{})
}

// Logins counts successful IMAP logins so far, by mechanism ("LOGIN"
// for a password).
func (s *System) Logins(mechanism string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.logins[mechanism]
}

// IdleDrops counts IDLE commands the server dropped (Options.IdleDrop).
func (s *System) IdleDrops() int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.idleDrops
}

// deadConn is a server-side connection that can go dead the way a socket
// behind a broken NAT does: the server's writes vanish, the client's
// bytes are swallowed, and nothing closes until the client gives up.
type deadConn struct {
	net.Conn
	mu   sync.Mutex
	dead bool
}

func (c *deadConn) kill() {
	c.mu.Lock()
	c.dead = true
	c.mu.Unlock()
}

func (c *deadConn) isDead() bool {
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.dead
}

func (c *deadConn) Write(p []byte) (int, error) {
	if c.isDead() {
		return len(p), nil
	}
	return c.Conn.Write(p)
}

func (c *deadConn) Read(p []byte) (int, error) {
	for {
		n, err := c.Conn.Read(p)
		if err != nil || !c.isDead() {
			return n, err
		}
		// Swallowed: the server never sees what the client sends.
	}
}

// deadListener hands out deadConns and remembers them by remote address.
type deadListener struct {
	net.Listener
	s *System
}

func (l *deadListener) Accept() (net.Conn, error) {
	c, err := l.Listener.Accept()
	if err != nil {
		return nil, err
	}
	dc := &deadConn{Conn: c}
	l.s.mu.Lock()
	l.s.conns[c.RemoteAddr().String()] = dc
	l.s.mu.Unlock()
	return dc, nil
}

func (s *System) connFor(c *imapserver.Conn) *deadConn {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.conns[c.NetConn().RemoteAddr().String()]
}

// readAll reads a literal so it can be stored twice.
func readAll(r imap.LiteralReader) (literal, error) {
	b, err := io.ReadAll(r)
	if err != nil {
		return literal{}, err
	}
	return literal{bytes.NewReader(b)}, nil
}
