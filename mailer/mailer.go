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
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/wneessen/go-mail"

	"github.com/lorkeeper/lorkeeper/config"
)

// Attachment is a file to attach: read from Path, or Data as is.
type Attachment struct {
	Name        string
	ContentType string // "" guesses from the name
	Path        string
	Data        []byte
}

// Message is an email to compose.
type Message struct {
	FromName, FromAddr string
	ToName, ToAddr     string
	Subject            string
	Text               string // the plain-text body
	HTML               string // the HTML alternative; "" for none
	MessageID          string // without angle brackets
	InReplyTo          string // without angle brackets; "" for a new thread
	References         []string
	Date               time.Time
	Attachments        []Attachment
	Headers            map[string]string // extra headers, such as X-Lorkeeper-Draft
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
	Timeout    time.Duration // per connection; default 60s
}

// Error is a failed send. Temporary errors (4xx replies, network trouble,
// a refused login) are worth retrying; others are not.
type Error struct {
	Temporary bool
	Code      int // the SMTP reply code, 0 if none
	Err       error
}

func (e *Error) Error() string { return e.Err.Error() }
func (e *Error) Unwrap() error { return e.Err }

// Send delivers msg to the server and returns the server's reply to the
// message data (e.g. "2.0.0 Ok: queued as 4F2A"). It blocks until done or
// ctx ends. Errors are *Error.
func (s Server) Send(ctx context.Context, msg *mail.Msg) (string, error) {
	if s.Security == "none" && !config.IsLoopback(s.Host) {
		return "", &Error{Err: fmt.Errorf("send: refusing plaintext SMTP to %s: only loopback may go without TLS", s.Host)}
	}
	tlsCfg, err := config.TLS(s.Host, s.CAFile)
	if err != nil {
		return "", &Error{Err: fmt.Errorf("send: %w", err)}
	}
	err = s.connect(ctx, tlsCfg, func(c *mail.Client) error { return c.DialAndSendWithContext(ctx, msg) })
	var me *Error
	if errors.As(err, &me) {
		return "", err
	}
	if err != nil {
		return "", classify(err)
	}
	return strings.TrimSpace(msg.ServerResponse()), nil
}

// client builds a go-mail client that logs in with cred.
func (s Server) client(tlsCfg *tls.Config, cred config.Credential) (*mail.Client, error) {
	timeout := s.Timeout
	if timeout == 0 {
		timeout = time.Minute
	}
	opts := []mail.Option{mail.WithPort(s.Port), mail.WithTLSConfig(tlsCfg), mail.WithTimeout(timeout),
		mail.WithUsername(cred.Username), mail.WithHELO("localhost")}
	switch s.Security {
	case "tls":
		opts = append(opts, mail.WithSSL())
	case "starttls":
		opts = append(opts, mail.WithTLSPolicy(mail.TLSMandatory))
	default:
		opts = append(opts, mail.WithTLSPolicy(mail.NoTLS))
	}
	switch {
	case cred.Token != "":
		opts = append(opts, tokenAuth(s, cred)...)
	case s.Security == "none":
		opts = append(opts, mail.WithSMTPAuth(mail.SMTPAuthPlainNoEnc), mail.WithPassword(cred.Password))
	default:
		opts = append(opts, mail.WithSMTPAuth(mail.SMTPAuthAutoDiscover), mail.WithPassword(cred.Password))
	}
	c, err := mail.NewClient(s.Host, opts...)
	if err != nil {
		return nil, &Error{Err: fmt.Errorf("send: %w", err)}
	}
	return c, nil
}

// CheckLogin connects and logs in without sending anything.
func CheckLogin(ctx context.Context, s Server) error {
	if s.Security == "none" && !config.IsLoopback(s.Host) {
		return fmt.Errorf("refusing plaintext SMTP to %s", s.Host)
	}
	tlsCfg, err := config.TLS(s.Host, s.CAFile)
	if err != nil {
		return err
	}
	return s.connect(ctx, tlsCfg, func(c *mail.Client) error {
		if err := c.DialWithContext(ctx); err != nil {
			return err
		}
		return c.Close()
	})
}

// classify sorts a go-mail error into temporary or permanent.
func classify(err error) *Error {
	var se *mail.SendError
	if errors.As(err, &se) {
		code := se.ErrorCode()
		switch {
		case code >= 500:
			return &Error{Code: code, Err: fmt.Errorf("send: %w", err)}
		case code >= 400 || se.IsTemp():
			return &Error{Temporary: true, Code: code, Err: fmt.Errorf("send: %w", err)}
		}
		if se.Reason == mail.ErrSMTPMailFrom || se.Reason == mail.ErrSMTPRcptTo || se.Reason == mail.ErrSMTPData || se.Reason == mail.ErrSMTPDataClose {
			// A refusal without a code we could read: do not retry blindly.
			return &Error{Err: fmt.Errorf("send: %w", err)}
		}
	}
	// Dial, TLS and login trouble: the draft is fine, the link is not.
	return &Error{Temporary: true, Err: fmt.Errorf("send: %w", err)}
}

// ServerFor returns the server of the config's [smtp] table.
func ServerFor(c config.SMTP) Server {
	return Server{Host: c.Host, Port: c.Port, Security: c.Security, CAFile: c.CAFile,
		Credential: func(ctx context.Context) (config.Credential, error) {
			return c.Secret.Credential(ctx, "smtp", c.Username)
		}}
}
