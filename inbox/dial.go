// Package inbox is lorkeeper's IMAP side: a watcher that follows the
// applicant's mailbox for as long as the daemon runs, and the one-shot
// operations on the Sent and Drafts folders.
//
// The watcher hands every message that may matter to a Sink, which
// decides what it means and moves the checkpoint in the same transaction,
// so a message is processed exactly once across crashes, reconnects and
// UIDVALIDITY changes.
package inbox

import (
	"context"
	"crypto/tls"
	"errors"
	"fmt"
	"net"
	"strconv"
	"sync"
	"time"

	"github.com/emersion/go-imap/v2"
	"github.com/emersion/go-imap/v2/imapclient"

	"github.com/lorkeeper/lorkeeper/config"
)

// Server says how to reach and log in to an IMAP server.
type Server struct {
	Host     string
	Port     int
	Security string // tls | starttls | none (loopback only; checked by config)
	CAFile   string // extra CA to trust; "" for the system roots only
	// Credential returns the login; it is called for every connection, so
	// a short-lived OAuth2 token is always fresh.
	Credential func(ctx context.Context) (config.Credential, error)
	// IdleTimeout bounds how long a connection may stay silent before it
	// is taken for dead (a socket some providers let die without a BYE).
	IdleTimeout time.Duration
	// Secret names where the credential comes from (such as
	// `imap.password_env = LORKEEPER_IMAP_PASSWORD`), so that a refused
	// login says which setting to fix. It never holds the secret.
	Secret string
}

// Addr is host:port.
func (s Server) Addr() string { return net.JoinHostPort(s.Host, strconv.Itoa(s.Port)) }

// ErrAuth marks a login the server refused: retrying soon will not help.
var ErrAuth = errors.New("login refused")

// CheckLogin connects, logs in and out, and reads nothing (`lorkeeper
// check`, the setup pages' login check).
func CheckLogin(ctx context.Context, s Server) error {
	cl, err := Dial(ctx, s, nil)
	if err != nil {
		return err
	}
	defer cl.Close()
	return cl.Logout().Wait()
}

// Dial connects, secures and logs in. The caller closes the client. The
// returned client's reads time out after s.IdleTimeout of silence, so a
// dead socket is noticed even inside IDLE.
func Dial(ctx context.Context, s Server, opts *imapclient.Options) (*imapclient.Client, error) {
	tlsCfg, err := config.TLS(s.Host, s.CAFile)
	if err != nil {
		return nil, fmt.Errorf("imap %s: %w", s.Addr(), err)
	}
	var o imapclient.Options
	if opts != nil {
		o = *opts
	}
	o.TLSConfig = tlsCfg
	d := net.Dialer{Timeout: 30 * time.Second, KeepAlive: 30 * time.Second}
	raw, err := d.DialContext(ctx, "tcp", s.Addr())
	if err != nil {
		return nil, fmt.Errorf("imap %s: %w", s.Addr(), config.ExplainConnect("imap", s.Security, s.Port, err))
	}
	idle := s.IdleTimeout
	if idle <= 0 {
		idle = 10 * time.Minute
	}
	conn := &deadlineConn{Conn: raw, idle: idle}
	// Until login completes, the context bounds the whole handshake.
	stop := context.AfterFunc(ctx, func() { raw.Close() })
	defer stop()

	var c *imapclient.Client
	switch s.Security {
	case "tls":
		tc := tls.Client(conn, tlsCfg)
		if err := tc.HandshakeContext(ctx); err != nil {
			raw.Close()
			return nil, fmt.Errorf("imap %s: %w", s.Addr(), config.ExplainConnect("imap", s.Security, s.Port, err))
		}
		c = imapclient.New(tc, &o)
	case "starttls":
		c, err = imapclient.NewStartTLS(conn, &o)
		if err != nil {
			raw.Close()
			return nil, fmt.Errorf("imap %s: starttls: %w", s.Addr(), config.ExplainConnect("imap", s.Security, s.Port, err))
		}
	default:
		c = imapclient.New(conn, &o)
	}
	if err := c.WaitGreeting(); err != nil {
		c.Close()
		return nil, fmt.Errorf("imap %s: greeting: %w", s.Addr(), config.ExplainConnect("imap", s.Security, s.Port, err))
	}
	cred, err := s.Credential(ctx)
	if err != nil {
		c.Close()
		return nil, fmt.Errorf("imap %s: %w", s.Addr(), authClass(err))
	}
	err = login(c, s, cred)
	if errors.Is(err, ErrAuth) && cred.Refresh != nil {
		// The token was refused before its time (revoked, or a clock
		// off): one new token, once.
		if cred, err = cred.Refresh(ctx); err != nil {
			err = authClass(err)
		} else {
			err = login(c, s, cred)
		}
	}
	if err != nil {
		c.Close()
		return nil, fmt.Errorf("imap %s: %w", s.Addr(), err)
	}
	if c.Caps().Has(imap.CapID) {
		// Gmail asks clients to identify themselves; others ignore it.
		_, _ = c.ID(&imap.IDData{Name: "lorkeeper", Version: "1"}).Wait()
	}
	if ctx.Err() != nil {
		c.Close()
		return nil, ctx.Err()
	}
	return c, nil
}

func login(c *imapclient.Client, s Server, cred config.Credential) error {
	var err error
	switch {
	case cred.Token != "" && cred.Mechanism == "OAUTHBEARER":
		err = c.Authenticate(&oauthBearer{user: cred.Username, token: cred.Token, host: s.Host, port: s.Port})
	case cred.Token != "":
		err = c.Authenticate(&xoauth2{user: cred.Username, token: cred.Token})
	default:
		err = c.Login(cred.Username, cred.Password).Wait()
	}
	if err == nil {
		return nil
	}
	var ie *imap.Error
	if _, throttled := Throttled(err); throttled {
		return fmt.Errorf("login as %s: %w", cred.Username, err)
	}
	if errors.As(err, &ie) && ie.Type == imap.StatusResponseTypeNo {
		// The server's text can help ("[AUTHENTICATIONFAILED] ..."); it
		// never contains our secret.
		hint := "check the password or token"
		if s.Secret != "" {
			hint = "check the secret in " + s.Secret
		}
		return fmt.Errorf("%w for %s (%s): %s", ErrAuth, cred.Username, ie.Text, hint)
	}
	return fmt.Errorf("login as %s: %w", cred.Username, err)
}

// xoauth2 is the SASL XOAUTH2 mechanism used by Gmail and Microsoft 365.
// go-sasl no longer ships it.
type xoauth2 struct{ user, token string }

func (a *xoauth2) Start() (string, []byte, error) {
	return "XOAUTH2", []byte("user=" + a.user + "\x01auth=Bearer " + a.token + "\x01\x01"), nil
}

// Next answers the server's error challenge (a JSON status), after which
// the server fails the command. Google asks for an empty response, but
// go-imap writes an empty one as "=", which Dovecot refuses as invalid
// base64 and hangs up on; %x01, the dummy response of OAUTHBEARER, is
// valid base64 and ends the exchange on both.
func (a *xoauth2) Next(challenge []byte) ([]byte, error) { return []byte{0x01}, nil }

// deadlineConn keeps a read deadline on the connection at all times.
// go-imap clears the deadline between responses; a silent socket would
// then hang forever, so a cleared deadline becomes "idle from now". A
// read that timed out makes every later read fail at once: go-imap's
// reader would otherwise start over with a fresh 30-second deadline, and
// a socket that died without a BYE (Exchange) would take that much
// longer to notice.
type deadlineConn struct {
	net.Conn
	idle     time.Duration
	mu       sync.Mutex
	timedOut error
}

func (c *deadlineConn) Read(p []byte) (int, error) {
	c.mu.Lock()
	dead := c.timedOut
	c.mu.Unlock()
	if dead != nil {
		return 0, dead
	}
	n, err := c.Conn.Read(p)
	if ne, ok := err.(net.Error); ok && ne.Timeout() {
		c.mu.Lock()
		c.timedOut = err
		c.mu.Unlock()
	}
	return n, err
}

func (c *deadlineConn) SetReadDeadline(t time.Time) error {
	if t.IsZero() {
		t = time.Now().Add(c.idle)
	}
	c.mu.Lock()
	defer c.mu.Unlock()
	return c.Conn.SetReadDeadline(t)
}

func (c *deadlineConn) SetDeadline(t time.Time) error {
	if err := c.Conn.SetWriteDeadline(t); err != nil {
		return err
	}
	return c.SetReadDeadline(t)
}

// ServerFor returns the server of the config's [imap] table.
func ServerFor(c config.IMAP) Server {
	return Server{Host: c.Host, Port: c.Port, Security: c.Security, CAFile: c.CAFile, Secret: c.Secret.Describe("imap"),
		Credential: func(ctx context.Context) (config.Credential, error) {
			return c.Secret.Credential(ctx, "imap", c.Username)
		}}
}

// FoldersFor returns the Sent and Drafts folders of the config.
func FoldersFor(c config.IMAP) *Folders {
	return &Folders{Server: ServerFor(c), Sent: c.SentMailbox, Drafts: c.DraftsMailbox,
		SentFallback: c.SentFallback, DraftsFallback: c.DraftsFallback}
}
