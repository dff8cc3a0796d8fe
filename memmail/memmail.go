// Package memmail is a small mail system that lives in the process: an
// IMAP server (go-imap's imapmemserver) and an SMTP server (go-smtp) on
// loopback, where mail submitted over SMTP is delivered to the INBOX of
// the IMAP user with that address. lorkeeper's tests and its demo use it;
// it never talks to anything but 127.0.0.1.
//
// Faults can be injected: SMTP replies for the next messages, a restart
// of the IMAP server, a mailbox renumbered with a new UIDVALIDITY. With
// Options.Provider the servers play Gmail, Microsoft or iCloud (see
// providers.go).
package memmail

import (
	"bytes"
	"crypto/tls"
	"errors"
	"fmt"
	"io"
	"log"
	"net"
	"net/mail"
	"strings"
	"sync"
	"time"

	"github.com/emersion/go-imap/v2"
	"github.com/emersion/go-imap/v2/imapserver"
	"github.com/emersion/go-imap/v2/imapserver/imapmemserver"
	"github.com/emersion/go-sasl"
	"github.com/emersion/go-smtp"
)

// Options configure a System.
type Options struct {
	// CA, when set, gives both servers a certificate: they offer
	// STARTTLS, or with ImplicitTLS speak TLS from the first byte.
	CA          *TestCA
	ImplicitTLS bool
	// NoIdle hides the IDLE capability, to exercise polling.
	NoIdle bool
	// Provider makes the servers behave like Gmail, Microsoft or iCloud.
	Provider Provider
	// IdleDrop ends every IDLE that long after it began: Gmail with a
	// BYE, Microsoft by letting the connection go dead. 0 never.
	IdleDrop time.Duration
	// CheckToken, when set, decides OAuth2 logins (an oauthtest
	// server's Valid); without it the tokens of AllowToken pass.
	CheckToken func(user, token string) bool
	// Accepted, if set, is called for each message the SMTP server
	// accepts, once it is recorded and delivered and before the 250
	// reply is written: a test can crash the sender there, where the
	// message has left but the sender does not know it yet.
	Accepted func(Envelope)
}

// System is a running mail system. Its methods are safe for concurrent use.
type System struct {
	opts  Options
	mem   *imapmemserver.Server
	users map[string]*imapmemserver.User // by lowercased address
	pass  map[string]string
	// tokens are accepted XOAUTH2 bearer tokens, by user.
	tokens map[string]string

	imapAddr string
	imapSrv  *imapserver.Server
	imapLn   net.Listener

	smtpSrv *smtp.Server
	smtpLn  net.Listener

	mu       sync.Mutex
	faults   []Fault
	sent     []Envelope
	imapDown bool

	folders     map[string][]folder // each user's mailboxes, by lowercased address
	conns       map[string]*deadConn
	changed     chan struct{}
	logins      map[string]int
	idleDrops   int
	throttle    int
	throttleFor time.Duration
}

// Envelope is one message accepted over SMTP.
type Envelope struct {
	From string
	To   []string
	Data []byte
	Auth string // the SASL mechanism used, "" for none
}

// Fault is an SMTP reply to give instead of accepting a message.
type Fault struct {
	Code    int    // 451, 550, ...
	Message string // the reply text
}

// Start starts a System on loopback. The caller calls Close.
func Start(opts Options) (*System, error) {
	s := &System{opts: opts, mem: imapmemserver.New(), users: map[string]*imapmemserver.User{},
		pass: map[string]string{}, tokens: map[string]string{}, folders: map[string][]folder{},
		conns: map[string]*deadConn{}, changed: make(chan struct{}), logins: map[string]int{}}
	var err error
	if s.imapLn, err = s.listen("127.0.0.1:0"); err != nil {
		return nil, fmt.Errorf("start imap: %w", err)
	}
	s.imapAddr = s.imapLn.Addr().String()
	s.serveIMAP()
	if s.smtpLn, err = s.listen("127.0.0.1:0"); err != nil {
		s.imapSrv.Close()
		return nil, fmt.Errorf("start smtp: %w", err)
	}
	s.smtpSrv = smtp.NewServer(&backend{s})
	s.smtpSrv.Domain = "localhost"
	s.smtpSrv.ErrorLog = log.New(io.Discard, "", 0)
	s.smtpSrv.AllowInsecureAuth = true
	s.smtpSrv.ReadTimeout = time.Minute
	s.smtpSrv.WriteTimeout = time.Minute
	s.smtpSrv.MaxMessageBytes = 64 << 20
	if opts.CA != nil && !opts.ImplicitTLS {
		s.smtpSrv.TLSConfig = opts.CA.Server
	}
	go s.smtpSrv.Serve(s.smtpLn)
	return s, nil
}

func (s *System) listen(addr string) (net.Listener, error) {
	raw, err := net.Listen("tcp", addr)
	if err != nil {
		return nil, err
	}
	var ln net.Listener = &deadListener{Listener: raw, s: s}
	if s.opts.CA != nil && s.opts.ImplicitTLS {
		return tls.NewListener(ln, s.opts.CA.Server), nil
	}
	return ln, nil
}

func (s *System) serveIMAP() {
	caps := imap.CapSet{imap.CapIMAP4rev1: {}, imap.CapIMAP4rev2: {}}
	if s.opts.NoIdle {
		caps = imap.CapSet{imap.CapIMAP4rev1: {}, imap.CapUIDPlus: {}}
	}
	caps = s.opts.Provider.caps(caps)
	var tlsCfg *tls.Config
	if s.opts.CA != nil && !s.opts.ImplicitTLS {
		tlsCfg = s.opts.CA.Server
	}
	s.imapSrv = imapserver.New(&imapserver.Options{
		NewSession: func(conn *imapserver.Conn) (imapserver.Session, *imapserver.GreetingData, error) {
			return &session{SessionIMAP4rev2: s.mem.NewSession().(imapserver.SessionIMAP4rev2), s: s, conn: conn}, nil, nil
		},
		Caps:         caps,
		TLSConfig:    tlsCfg,
		InsecureAuth: true,
		Logger:       log.New(io.Discard, "", 0),
	})
	go s.imapSrv.Serve(s.imapLn)
}

// IMAPAddr and SMTPAddr are the servers' host:port.
func (s *System) IMAPAddr() string { return s.imapAddr }

// SMTPAddr is the SMTP server's host:port.
func (s *System) SMTPAddr() string { return s.smtpLn.Addr().String() }

// Close stops both servers.
func (s *System) Close() error {
	s.mu.Lock()
	down := s.imapDown
	s.mu.Unlock()
	var errs []error
	if !down {
		errs = append(errs, s.imapSrv.Close())
	}
	errs = append(errs, s.smtpSrv.Close())
	return errors.Join(errs...)
}

// AddUser creates a mailbox for address with the provider's folders:
// INBOX, Sent and Drafts for a plain server.
func (s *System) AddUser(address, password string) error {
	u := imapmemserver.NewUser(address, password)
	folders := s.opts.Provider.folders()
	for _, f := range folders {
		if err := u.Create(f.name, nil); err != nil {
			return fmt.Errorf("add user %s: %w", address, err)
		}
	}
	s.mem.AddUser(u)
	s.mu.Lock()
	s.users[strings.ToLower(address)] = u
	s.pass[strings.ToLower(address)] = password
	s.folders[strings.ToLower(address)] = folders
	s.mu.Unlock()
	return nil
}

// AllowToken makes SMTP accept an XOAUTH2 login of user with token.
func (s *System) AllowToken(user, token string) {
	s.mu.Lock()
	s.tokens[strings.ToLower(user)] = token
	s.mu.Unlock()
}

func (s *System) user(address string) (*imapmemserver.User, bool) {
	s.mu.Lock()
	defer s.mu.Unlock()
	u, ok := s.users[strings.ToLower(address)]
	return u, ok
}

// Deliver appends raw to the INBOX (or another mailbox) of address, as a
// mail server's delivery would.
func (s *System) Deliver(address, mailbox string, raw []byte, date time.Time) error {
	u, ok := s.user(address)
	if !ok {
		return fmt.Errorf("deliver: no user %s", address)
	}
	if date.IsZero() {
		date = time.Now()
	}
	if _, err := u.Append(mailbox, literal{bytes.NewReader(raw)}, &imap.AppendOptions{Time: date}); err != nil {
		return fmt.Errorf("deliver to %s/%s: %w", address, mailbox, err)
	}
	if alsoInAllMail(s.opts.Provider, mailbox) {
		if _, err := u.Append("[Gmail]/All Mail", literal{bytes.NewReader(raw)}, &imap.AppendOptions{Time: date}); err != nil {
			return fmt.Errorf("deliver to %s/[Gmail]/All Mail: %w", address, err)
		}
	}
	s.notify()
	return nil
}

// Renumber deletes and re-creates a mailbox with the same messages, which
// gives it a new UIDVALIDITY, as some servers do after a repair.
func (s *System) Renumber(address, mailbox string, messages [][]byte) error {
	u, ok := s.user(address)
	if !ok {
		return fmt.Errorf("renumber: no user %s", address)
	}
	if err := u.Delete(mailbox); err != nil {
		return fmt.Errorf("renumber: %w", err)
	}
	if err := u.Create(mailbox, nil); err != nil {
		return fmt.Errorf("renumber: %w", err)
	}
	for _, m := range messages {
		if err := s.Deliver(address, mailbox, m, time.Time{}); err != nil {
			return err
		}
	}
	return nil
}

// StopIMAP closes the IMAP server and every connection to it, as a server
// restart does. StartIMAP brings it back on the same address with the
// same mailboxes.
func (s *System) StopIMAP() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.imapDown {
		return nil
	}
	s.imapDown = true
	return s.imapSrv.Close()
}

// StartIMAP restarts the IMAP server stopped by StopIMAP.
func (s *System) StartIMAP() error {
	s.mu.Lock()
	defer s.mu.Unlock()
	if !s.imapDown {
		return nil
	}
	var err error
	for i := 0; i < 50; i++ { // the port may take a moment to free up
		if s.imapLn, err = s.listen(s.imapAddr); err == nil {
			break
		}
		time.Sleep(20 * time.Millisecond)
	}
	if err != nil {
		return fmt.Errorf("restart imap: %w", err)
	}
	s.serveIMAP()
	s.imapDown = false
	return nil
}

// FailNext makes the SMTP server answer the next messages with these
// faults, one message each, before accepting again.
func (s *System) FailNext(faults ...Fault) {
	s.mu.Lock()
	s.faults = append(s.faults, faults...)
	s.mu.Unlock()
}

// Sent returns the messages accepted over SMTP so far.
func (s *System) Sent() []Envelope {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]Envelope(nil), s.sent...)
}

// Messages returns the raw messages in a user's mailbox, in UID order.
func (s *System) Messages(address, mailbox string) ([][]byte, error) {
	return fetchAll(s, address, mailbox)
}

type literal struct{ *bytes.Reader }

func (l literal) Size() int64 { return l.Reader.Size() }

// AuthservID is the authserv-id of the Authentication-Results header
// memmail puts on top of every message it delivers, as a provider's MX
// does: the sender's domain passes when the message was submitted by a
// user of that domain.
const AuthservID = "mx.memmail.test"

func authResults(user string, data []byte) string {
	domain := func(addr string) string { return strings.ToLower(addr[strings.LastIndexByte(addr, '@')+1:]) }
	from := ""
	if m, err := mail.ReadMessage(bytes.NewReader(data)); err == nil {
		if a, err := mail.ParseAddress(m.Header.Get("From")); err == nil {
			from = a.Address
		}
	}
	if from == "" {
		return fmt.Sprintf("Authentication-Results: %s; dmarc=none\r\n", AuthservID)
	}
	res := "fail"
	if user != "" && domain(from) == domain(user) {
		res = "pass"
	}
	return fmt.Sprintf("Authentication-Results: %s; dmarc=%s header.from=%s\r\n", AuthservID, res, domain(from))
}

// backend is the SMTP side: it authenticates users and delivers.
type backend struct{ s *System }

func (b *backend) NewSession(c *smtp.Conn) (smtp.Session, error) {
	return &smtpSession{s: b.s}, nil
}

type smtpSession struct {
	s    *System
	auth string
	user string
	from string
	to   []string
}

func (se *smtpSession) AuthMechanisms() []string {
	return append(se.s.opts.Provider.mechanisms(), sasl.Login)
}

// refused535 answers a failed SMTP login the way real servers do (535
// 5.7.8), not with go-smtp's default 454 "temporary" failure.
type refused535 struct{ sasl.Server }

func (r refused535) Next(resp []byte) ([]byte, bool, error) {
	challenge, done, err := r.Server.Next(resp)
	if err != nil {
		err = &smtp.SMTPError{Code: 535, EnhancedCode: smtp.EnhancedCode{5, 7, 8}, Message: "Authentication credentials invalid"}
	}
	return challenge, done, err
}

func (se *smtpSession) Auth(mech string) (sasl.Server, error) {
	srv, err := se.mechanism(mech)
	if err != nil {
		return nil, err
	}
	return refused535{srv}, nil
}

func (se *smtpSession) mechanism(mech string) (sasl.Server, error) {
	check := func(user, pass string) error {
		se.s.mu.Lock()
		want, ok := se.s.pass[strings.ToLower(user)]
		se.s.mu.Unlock()
		if !ok || want != pass {
			return errors.New("invalid credentials")
		}
		se.user, se.auth = user, mech
		return nil
	}
	switch mech {
	case sasl.Plain:
		return sasl.NewPlainServer(func(identity, user, pass string) error { return check(user, pass) }), nil
	case sasl.Login:
		return &loginServer{check: check}, nil
	case "XOAUTH2":
		return &xoauth2Server{s: se.s, done: func(user string) error { se.user, se.auth = user, mech; return nil }}, nil
	case sasl.OAuthBearer:
		if se.s.opts.Provider == Microsoft {
			return nil, smtp.ErrAuthUnsupported
		}
		return sasl.NewOAuthBearerServer(func(o sasl.OAuthBearerOptions) *sasl.OAuthBearerError {
			if !se.s.tokenOK(o.Username, o.Token) {
				return &sasl.OAuthBearerError{Status: "invalid_token", Schemes: "bearer"}
			}
			se.user, se.auth = o.Username, mech
			return nil
		}), nil
	}
	return nil, smtp.ErrAuthUnsupported
}

func (se *smtpSession) Mail(from string, _ *smtp.MailOptions) error {
	if se.user == "" {
		return smtp.ErrAuthRequired
	}
	se.from = from
	return nil
}

func (se *smtpSession) Rcpt(to string, _ *smtp.RcptOptions) error {
	if _, ok := se.s.user(to); !ok {
		return &smtp.SMTPError{Code: 550, EnhancedCode: smtp.EnhancedCode{5, 1, 1}, Message: "no such user: " + to}
	}
	se.to = append(se.to, to)
	return nil
}

func (se *smtpSession) Data(r io.Reader) error {
	data, err := io.ReadAll(r)
	if err != nil {
		return err
	}
	se.s.mu.Lock()
	if len(se.s.faults) > 0 {
		f := se.s.faults[0]
		se.s.faults = se.s.faults[1:]
		se.s.mu.Unlock()
		return &smtp.SMTPError{Code: f.Code, EnhancedCode: smtp.EnhancedCodeNotSet, Message: f.Message}
	}
	env := Envelope{From: se.from, To: se.to, Data: data, Auth: se.auth}
	se.s.sent = append(se.s.sent, env)
	se.s.mu.Unlock()
	stamped := append([]byte(authResults(se.user, data)), data...)
	for _, to := range se.to {
		if err := se.s.Deliver(to, "INBOX", stamped, time.Time{}); err != nil {
			return &smtp.SMTPError{Code: 451, Message: err.Error()}
		}
	}
	if err := se.s.fileSent(se.user, data); err != nil {
		return &smtp.SMTPError{Code: 451, Message: err.Error()}
	}
	if se.s.opts.Accepted != nil {
		se.s.opts.Accepted(env)
	}
	return nil
}

func (se *smtpSession) Reset()        { se.from, se.to = "", nil }
func (se *smtpSession) Logout() error { return nil }

// loginServer is the server side of AUTH LOGIN.
type loginServer struct {
	check func(user, pass string) error
	step  int
	user  string
}

func (l *loginServer) Next(resp []byte) ([]byte, bool, error) {
	switch l.step {
	case 0:
		l.step++
		if resp != nil {
			l.user = string(resp)
			l.step++
			return []byte("Password:"), false, nil
		}
		return []byte("Username:"), false, nil
	case 1:
		l.user = string(resp)
		l.step++
		return []byte("Password:"), false, nil
	default:
		return nil, true, l.check(l.user, string(resp))
	}
}

// xoauth2Server is the server side of XOAUTH2.
type xoauth2Server struct {
	s      *System
	done   func(user string) error
	failed bool
}

func (x *xoauth2Server) Next(resp []byte) ([]byte, bool, error) {
	if x.failed {
		return nil, true, errors.New("invalid token")
	}
	if resp == nil {
		return []byte{}, false, nil
	}
	var user, token string
	for _, part := range strings.Split(string(resp), "\x01") {
		if v, ok := strings.CutPrefix(part, "user="); ok {
			user = v
		}
		if v, ok := strings.CutPrefix(part, "auth=Bearer "); ok {
			token = v
		}
	}
	if !x.s.tokenOK(user, token) {
		// As Gmail does: an error challenge, then NO after the client's
		// empty answer.
		x.failed = true
		return []byte(`{"status":"401","schemes":"bearer","scope":"https://mail.google.com/"}`), false, nil
	}
	return nil, true, x.done(user)
}

// tokenOK decides an OAuth2 login.
func (s *System) tokenOK(user, token string) bool {
	if token == "" {
		return false
	}
	if s.opts.CheckToken != nil {
		return s.opts.CheckToken(user, token)
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	want, ok := s.tokens[strings.ToLower(user)]
	return ok && token == want
}
