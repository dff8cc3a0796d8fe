// Package mailer composes lorkeeper's emails and sends them over SMTP with
// go-mail: implicit TLS, STARTTLS, or plaintext to loopback only; AUTH
// PLAIN/LOGIN with a password, or XOAUTH2 with a token fetched for each
// connection; certificate verification always on.
package mailer

import (
	"bytes"
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"mime"
	"net"
	"net/textproto"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"time"

	"github.com/wneessen/go-mail"
	"github.com/wneessen/go-mail/smtp"

	"github.com/lorkeeper/lorkeeper/config"
)

// Attachment is a file to attach: read from Path, or Data as is.
type Attachment struct {
	Name        string
	ContentType string // "" guesses from the name
	Path        string
	Data        []byte
}

// Address is a recipient.
type Address struct{ Name, Addr string }

// Message is an email to compose.
type Message struct {
	FromName, FromAddr string
	ToName, ToAddr     string
	Cc, Bcc            []Address // Bcc recipients get the message; the header is not written
	Subject            string
	Text               string // the plain-text body
	HTML               string // the HTML alternative; "" for none
	MessageID          string // without angle brackets
	InReplyTo          string // without angle brackets; "" for a new thread
	References         []string
	Date               time.Time
	Attachments        []Attachment
	Headers            map[string]string // extra headers, such as Auto-Submitted
}

// Compose builds the go-mail message. Attachment files are read now; a
// missing file is an error naming it.
func Compose(m Message) (*mail.Msg, error) {
	msg := mail.NewMsg(mail.WithNoDefaultUserAgent())
	if err := msg.FromFormat(m.FromName, m.FromAddr); err != nil {
		return nil, fmt.Errorf("compose: from %s: %w", m.FromAddr, err)
	}
	if err := msg.AddToFormat(m.ToName, m.ToAddr); err != nil {
		return nil, fmt.Errorf("compose: to %s: %w", m.ToAddr, err)
	}
	for _, a := range m.Cc {
		if err := msg.AddCcFormat(a.Name, a.Addr); err != nil {
			return nil, fmt.Errorf("compose: cc %s: %w", a.Addr, err)
		}
	}
	for _, a := range m.Bcc {
		if err := msg.AddBccFormat(a.Name, a.Addr); err != nil {
			return nil, fmt.Errorf("compose: bcc %s: %w", a.Addr, err)
		}
	}
	msg.Subject(m.Subject)
	if m.MessageID != "" {
		msg.SetMessageIDWithValue(m.MessageID)
	}
	if m.Date.IsZero() {
		m.Date = time.Now()
	}
	msg.SetDateWithValue(m.Date)
	if m.InReplyTo != "" {
		msg.SetGenHeaderPreformatted(mail.HeaderInReplyTo, "<"+m.InReplyTo+">")
	}
	if len(m.References) > 0 {
		refs := make([]string, len(m.References))
		for i, r := range m.References {
			refs[i] = "<" + r + ">"
		}
		msg.SetGenHeaderPreformatted(mail.HeaderReferences, strings.Join(refs, " "))
	}
	for k, v := range m.Headers {
		msg.SetGenHeader(mail.Header(k), v)
	}
	msg.SetBodyString(mail.TypeTextPlain, m.Text)
	if m.HTML != "" {
		msg.AddAlternativeString(mail.TypeTextHTML, m.HTML)
	}
	for _, a := range m.Attachments {
		ct := a.ContentType
		if ct == "" {
			ct = mime.TypeByExtension(filepath.Ext(a.Name))
		}
		if ct == "" {
			ct = "application/octet-stream"
		}
		data := a.Data
		if a.Path != "" {
			var err error
			if data, err = os.ReadFile(a.Path); err != nil {
				return nil, fmt.Errorf("compose: attachment %s: %w", a.Name, err)
			}
		}
		if err := msg.AttachReader(a.Name, bytes.NewReader(data), mail.WithFileContentType(mail.ContentType(ct))); err != nil {
			return nil, fmt.Errorf("compose: attachment %s: %w", a.Name, err)
		}
	}
	return msg, nil
}

// Bytes renders a composed message as RFC 5322 text.
func Bytes(msg *mail.Msg) ([]byte, error) {
	var b bytes.Buffer
	if _, err := msg.WriteTo(&b); err != nil {
		return nil, fmt.Errorf("render message: %w", err)
	}
	return b.Bytes(), nil
}

// Server says how to reach and log in to an SMTP server.
type Server struct {
	Host       string
	Port       int
	Security   string // tls | starttls | none
	CAFile     string
	Credential func(ctx context.Context) (config.Credential, error)
	Timeout    time.Duration // per command; default 60s
	// Secret names where the credential comes from (such as
	// `smtp.password_env = LORKEEPER_SMTP_PASSWORD`), so that a refused
	// login says which setting to fix. It never holds the secret.
	Secret string
}

// Error is a failed send. It says which of three things happened:
// Uncertain: the whole message and its final "." went out but no reply
// came back, so it may have been delivered and must not be sent again
// without the applicant's say; Temporary: not sent, worth retrying (4xx
// replies, network trouble before the final ".", a refused login);
// neither: not sent, refused for good.
type Error struct {
	Temporary bool
	Uncertain bool
	Code      int // the SMTP reply code, 0 if none
	Err       error
}

func (e *Error) Error() string { return e.Err.Error() }
func (e *Error) Unwrap() error { return e.Err }

// Send delivers msg to the server and returns the server's reply to the
// message data (e.g. "2.0.0 Ok: queued as 4F2A"). Errors are *Error.
//
// commit, if not nil, is called once the whole message has been written
// and just before the final "." that asks the server to take it: the
// only moment after which a failure leaves the outcome unknown. If
// commit fails, the "." is never sent and the server discards the
// message. Once the server has answered 250, the message is sent,
// whatever happens to the connection afterwards (an RSET or QUIT refused
// with 421, a dropped link).
//
// Send blocks until done. ctx aborts it up to the final "."; after that
// only Timeout bounds the wait for the server's answer, so a shutdown
// does not turn a delivered message into an uncertain one.
func (s Server) Send(ctx context.Context, msg *mail.Msg, commit func() error) (string, error) {
	from, err := msg.GetSender(false)
	if err != nil {
		return "", &Error{Err: fmt.Errorf("send: %w", err)}
	}
	rcpts, err := msg.GetRecipients()
	if err != nil {
		return "", &Error{Err: fmt.Errorf("send: %w", err)}
	}
	sc, conn, err := s.dial(ctx)
	if err != nil {
		return "", err
	}
	defer conn.Close()
	abort := context.AfterFunc(ctx, func() { conn.Close() })
	notSent := func(step string, err error) error {
		abort()
		if ctx.Err() != nil {
			return &Error{Temporary: true, Err: fmt.Errorf("send: %s: %w", step, ctx.Err())}
		}
		return refusal(step, err)
	}
	if err := sc.Mail(from); err != nil {
		return "", notSent("MAIL FROM", err)
	}
	for _, r := range rcpts {
		if err := sc.Rcpt(r); err != nil {
			return "", notSent("RCPT TO "+r, err)
		}
	}
	_ = sc.UpdateDeadline(s.timeout())
	w, err := sc.Data()
	if err != nil {
		return "", notSent("DATA", err)
	}
	if _, err := msg.WriteTo(w); err != nil {
		return "", notSent("message data", err)
	}
	// Everything but the final "." goes out now; if the server already
	// hung up, the message was not taken and a retry is safe.
	if err := sc.Text.W.Flush(); err != nil {
		return "", notSent("message data", err)
	}
	if err := peerGone(sc, conn); err != nil {
		return "", notSent("message data", err)
	}
	if commit != nil {
		if err := commit(); err != nil {
			abort()
			return "", &Error{Temporary: true, Err: fmt.Errorf("send: not sent: %w", err)}
		}
	}
	if !abort() {
		// ctx ended before the final "."; the connection is closed.
		return "", &Error{Temporary: true, Err: fmt.Errorf("send: %w", ctx.Err())}
	}
	_ = sc.UpdateDeadline(s.timeout())
	if err := w.Close(); err != nil {
		var te *textproto.Error
		if errors.As(err, &te) {
			return "", refusal("end of data", err)
		}
		return "", &Error{Uncertain: true, Err: fmt.Errorf("send: no answer after the whole message went out, so it may have been delivered: %w", err)}
	}
	reply := ""
	if dc, ok := w.(*smtp.DataCloser); ok {
		reply = strings.TrimSpace(dc.ServerResponse())
	}
	_ = sc.Quit() // sent: what the server says now changes nothing
	return reply, nil
}

// peerGone reports a connection the server closed (or answered early)
// while the message data went out: a short read must time out, as the
// server says nothing until the final ".".
func peerGone(sc *smtp.Client, conn net.Conn) error {
	_ = conn.SetReadDeadline(time.Now().Add(20 * time.Millisecond))
	_, err := sc.Text.R.Peek(1)
	_ = conn.SetReadDeadline(time.Time{})
	var ne net.Error
	switch {
	case err == nil:
		line, _ := sc.Text.ReadLine()
		return fmt.Errorf("the server spoke out of turn: %q", line)
	case errors.As(err, &ne) && ne.Timeout():
		return nil
	}
	return err
}

func (s Server) timeout() time.Duration {
	if s.Timeout > 0 {
		return s.Timeout
	}
	return time.Minute
}

// dial connects, secures and logs in. The caller closes conn.
func (s Server) dial(ctx context.Context) (*smtp.Client, net.Conn, error) {
	if s.Security == "none" && !config.IsLoopback(s.Host) {
		return nil, nil, &Error{Err: fmt.Errorf("send: refusing plaintext SMTP to %s: only loopback may go without TLS", s.Host)}
	}
	tlsCfg, err := config.TLS(s.Host, s.CAFile)
	if err != nil {
		return nil, nil, &Error{Err: fmt.Errorf("send: %w", err)}
	}
	cred, err := s.Credential(ctx)
	if err != nil {
		return nil, nil, &Error{Temporary: true, Err: fmt.Errorf("send: %w", err)}
	}
	sc, conn, err := s.dialAs(ctx, tlsCfg, cred)
	if authRefused(err) && cred.Refresh != nil {
		// The token was refused before its time (revoked, or a clock
		// off): one new token, once. Nothing was sent yet.
		if cred, err = cred.Refresh(ctx); err != nil {
			return nil, nil, &Error{Temporary: true, Err: fmt.Errorf("send: %w", err)}
		}
		sc, conn, err = s.dialAs(ctx, tlsCfg, cred)
	}
	if err != nil {
		return nil, nil, s.dialError(err)
	}
	return sc, conn, nil
}

// dialAs connects and logs in with cred. The caller closes conn.
func (s Server) dialAs(ctx context.Context, tlsCfg *tls.Config, cred config.Credential) (*smtp.Client, net.Conn, error) {
	var conn net.Conn
	c, err := s.client(tlsCfg, cred, func(ctx context.Context, network, addr string) (net.Conn, error) {
		d := net.Dialer{Timeout: s.timeout()}
		raw, err := d.DialContext(ctx, network, addr)
		if err != nil {
			return nil, err
		}
		conn = raw
		if s.Security == "tls" {
			tc := tls.Client(raw, tlsCfg)
			if err := tc.HandshakeContext(ctx); err != nil {
				raw.Close()
				return nil, err
			}
			conn = tc
		}
		return conn, nil
	})
	if err != nil {
		return nil, nil, err
	}
	sc, err := c.DialToSMTPClientWithContext(ctx)
	if err != nil {
		if conn != nil {
			conn.Close()
		}
		return nil, nil, err
	}
	return sc, conn, nil
}

// dialError explains a failed connection or login with the setting to
// change where lorkeeper can tell.
func (s Server) dialError(err error) *Error {
	var me *Error
	if errors.As(err, &me) {
		return me
	}
	var te *textproto.Error
	if errors.As(err, &te) && (te.Code == 535 || te.Code == 534 || te.Code == 530) {
		hint := "check the password or token"
		if s.Secret != "" {
			hint = "check the secret in " + s.Secret
		}
		return &Error{Temporary: true, Code: te.Code, Err: fmt.Errorf("send: %w: smtp login refused (%d %s): %s", ErrAuth, te.Code, strings.TrimSpace(te.Msg), hint)}
	}
	return &Error{Temporary: true, Err: fmt.Errorf("send: %w", config.ExplainConnect("smtp", s.Security, s.Port, err))}
}

// ErrAuth marks a login the server refused.
var ErrAuth = errors.New("login refused")

// client builds a go-mail client that logs in with cred, dialing with
// dial (which does implicit TLS itself).
func (s Server) client(tlsCfg *tls.Config, cred config.Credential, dial mail.DialContextFunc) (*mail.Client, error) {
	opts := []mail.Option{mail.WithPort(s.Port), mail.WithTLSConfig(tlsCfg), mail.WithTimeout(s.timeout()),
		mail.WithUsername(cred.Username), mail.WithHELO("localhost"), mail.WithDialContextFunc(dial)}
	switch s.Security {
	case "starttls":
		opts = append(opts, mail.WithTLSPolicy(mail.TLSMandatory))
	default: // tls is done by dial; none is loopback only
		opts = append(opts, mail.WithTLSPolicy(mail.NoTLS))
	}
	if cred.Token != "" {
		opts = append(opts, tokenAuth(s, cred)...)
	} else {
		// The dialer did any implicit TLS, so go-mail cannot tell the
		// link is encrypted; passwordAuth checks that itself.
		opts = append(opts, mail.WithSMTPAuthCustom(&passwordAuth{user: cred.Username, pass: cred.Password,
			host: s.Host, loopback: config.IsLoopback(s.Host)}))
	}
	c, err := mail.NewClient(s.Host, opts...)
	if err != nil {
		return nil, &Error{Err: fmt.Errorf("send: %w", err)}
	}
	return c, nil
}

// CheckLogin connects and logs in without sending anything.
func CheckLogin(ctx context.Context, s Server) error {
	sc, conn, err := s.dial(ctx)
	if err != nil {
		return err
	}
	defer conn.Close()
	return sc.Quit()
}

// refusal classes a server's answer to a step before the message was
// taken: 5xx for good, 4xx and anything without a code (the link broke
// before the final ".", so the server discarded the message) worth a
// retry.
func refusal(step string, err error) *Error {
	var te *textproto.Error
	if errors.As(err, &te) {
		return &Error{Temporary: te.Code < 500, Code: te.Code, Err: fmt.Errorf("send: %s: %w", step, err)}
	}
	return &Error{Temporary: true, Err: fmt.Errorf("send: %s: %w", step, err)}
}

// ServerFor returns the server of the config's [smtp] table.
func ServerFor(c config.SMTP) Server {
	return Server{Host: c.Host, Port: c.Port, Security: c.Security, CAFile: c.CAFile,
		Secret: c.Secret.Describe("smtp"),
		Credential: func(ctx context.Context) (config.Credential, error) {
			return c.Secret.Credential(ctx, "smtp", c.Username)
		}}
}

// passwordAuth logs in with PLAIN, or LOGIN where the server offers only
// that, and only over TLS (or to loopback).
type passwordAuth struct {
	user, pass, host string
	loopback         bool
	next             smtp.Auth
}

func (a *passwordAuth) Start(info *smtp.ServerInfo) (string, []byte, error) {
	a.next = smtp.PlainAuth("", a.user, a.pass, a.host, a.loopback)
	if !slices.Contains(info.Auth, "PLAIN") && slices.Contains(info.Auth, "LOGIN") {
		a.next = smtp.LoginAuth(a.user, a.pass, a.host, a.loopback)
	}
	if !info.TLS && !a.loopback {
		return "", nil, errors.New("refusing to send the password over an unencrypted connection")
	}
	return a.next.Start(info)
}

func (a *passwordAuth) Next(fromServer []byte, more bool) ([]byte, error) {
	return a.next.Next(fromServer, more)
}
