package oauth

import (
	"context"
	"crypto/rand"
	"encoding/base64"
	"errors"
	"fmt"
	"html"
	"io"
	"net"
	"net/http"
	"strconv"
	"strings"
	"sync"
	"time"

	"golang.org/x/oauth2"
)

// Login is one sign-in: the provider, who signs in, and where to talk to
// them.
type Login struct {
	Provider Provider
	User     string    // the mailbox address; sent as a login hint
	Out      io.Writer // instructions for the applicant
	// Open opens a URL in the applicant's browser; nil (or an error)
	// leaves them to open the printed URL themselves.
	Open func(url string) error
	HTTP *http.Client // nil: a client with a 30-second timeout
	Now  func() time.Time
}

func (l *Login) ctx(ctx context.Context) context.Context {
	hc := l.HTTP
	if hc == nil {
		hc = defaultHTTP
	}
	return context.WithValue(ctx, oauth2.HTTPClient, hc)
}

func (l *Login) now() time.Time {
	if l.Now != nil {
		return l.Now()
	}
	return time.Now()
}

// Run signs in with the provider's flow.
func (l *Login) Run(ctx context.Context) (*Grant, error) {
	if l.Provider.Flow == "device" {
		return l.Device(ctx)
	}
	return l.Browser(ctx)
}

// Device signs in with the device-code flow (RFC 8628): it prints the
// address to visit and the code to enter there, then waits until the
// applicant has approved, refused, or the code expired, or ctx ends.
func (l *Login) Device(ctx context.Context) (*Grant, error) {
	p := l.Provider
	cfg := p.config("")
	ctx = l.ctx(ctx)
	da, err := cfg.DeviceAuth(ctx)
	if err != nil {
		return nil, l.flowErr("start the device sign-in", err)
	}
	fmt.Fprintf(l.Out, "To sign in to %s, open %s on any device and enter the code %s\n", p.Issuer, da.VerificationURI, da.UserCode)
	if !da.Expiry.IsZero() {
		fmt.Fprintf(l.Out, "(the code works until %s; lorkeeper waits here)\n", da.Expiry.Local().Format("15:04"))
	}
	tok, err := cfg.DeviceAccessToken(ctx, da)
	if err != nil {
		return nil, l.flowErr("finish the device sign-in", err)
	}
	return l.grant(tok)
}

// Browser signs in with the authorization code flow and PKCE (RFC 7636):
// it listens on a random loopback port, opens the provider's sign-in page
// in the browser (and prints its address), and waits for the browser to
// come back with the code, or for ctx to end.
func (l *Login) Browser(ctx context.Context) (*Grant, error) {
	p := l.Provider
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, fmt.Errorf("sign in: listen for the browser: %w", err)
	}
	port := ln.Addr().(*net.TCPAddr).Port
	lns := []net.Listener{ln}
	if p.RedirectHost == "localhost" {
		// A browser may try ::1 for "localhost" first.
		if ln6, err := net.Listen("tcp", net.JoinHostPort("::1", strconv.Itoa(port))); err == nil {
			lns = append(lns, ln6)
		}
	}
	redirect := "http://" + net.JoinHostPort(p.RedirectHost, strconv.Itoa(port)) + "/"
	cfg := p.config(redirect)
	verifier := oauth2.GenerateVerifier()
	state := randomString()
	opts := []oauth2.AuthCodeOption{oauth2.S256ChallengeOption(verifier)}
	if l.User != "" {
		opts = append(opts, oauth2.SetAuthURLParam("login_hint", l.User))
	}
	for k, v := range p.Params {
		opts = append(opts, oauth2.SetAuthURLParam(k, v))
	}
	authURL := cfg.AuthCodeURL(state, opts...)

	type result struct {
		g   *Grant
		err error
	}
	results := make(chan result, 1)
	var once sync.Once
	srv := &http.Server{ReadHeaderTimeout: 10 * time.Second, Handler: http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		q := r.URL.Query()
		if r.URL.Path != "/" || q.Get("state") == "" {
			http.NotFound(w, r)
			return
		}
		if q.Get("state") != state {
			page(w, http.StatusBadRequest, "This is not the sign-in lorkeeper started. Go back to the terminal and follow the link printed there.")
			return
		}
		handled := false
		once.Do(func() {
			handled = true
			var res result
			if e := q.Get("error"); e != "" {
				res.err = &SignInError{Provider: p, Reason: Refused, Code: e}
			} else if tok, err := cfg.Exchange(l.ctx(r.Context()), q.Get("code"), oauth2.VerifierOption(verifier)); err != nil {
				res.err = l.flowErr("exchange the sign-in code", err)
			} else {
				res.g, res.err = l.grant(tok)
			}
			if res.err != nil {
				page(w, http.StatusOK, "Sign-in failed: "+res.err.Error())
			} else {
				page(w, http.StatusOK, "Signed in. You can close this tab and go back to lorkeeper.")
			}
			results <- res
		})
		if !handled {
			page(w, http.StatusOK, "lorkeeper already has this sign-in. You can close this tab.")
		}
	})}
	for _, ln := range lns {
		go srv.Serve(ln)
	}
	// Shutdown, not Close: the page saying how the sign-in went must
	// reach the browser before the server goes (Close cut it short).
	defer func() {
		sctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 5*time.Second)
		defer cancel()
		if srv.Shutdown(sctx) != nil {
			srv.Close()
		}
	}()

	fmt.Fprintf(l.Out, "To sign in to %s, open this address in your browser:\n\n  %s\n\n", p.Issuer, authURL)
	if l.Open != nil {
		if err := l.Open(authURL); err == nil {
			fmt.Fprintln(l.Out, "(lorkeeper opened it for you; it waits here until you are back)")
		}
	}
	select {
	case <-ctx.Done():
		return nil, fmt.Errorf("sign in: %w", ctx.Err())
	case res := <-results:
		return res.g, res.err
	}
}

// grant checks a sign-in's tokens and makes its grant.
func (l *Login) grant(tok *oauth2.Token) (*Grant, error) {
	if tok.RefreshToken == "" {
		return nil, fmt.Errorf("sign in: %s gave no refresh token, so lorkeeper could not stay signed in (for Microsoft, the offline_access permission is needed)", l.Provider.Issuer)
	}
	g := newGrant(tok, l.Provider, l.now())
	if g.Scope != "" && !hasScopes(g.Scope, l.Provider.Scopes) {
		return nil, &SignInError{Provider: l.Provider, Reason: Scope}
	}
	return g, nil
}

// hasScopes reports whether granted holds every scope lorkeeper asked
// for; "offline_access" is not repeated back by every server.
func hasScopes(granted string, want []string) bool {
	have := map[string]bool{}
	for _, s := range strings.Fields(granted) {
		have[strings.ToLower(s)] = true
	}
	for _, w := range want {
		if w == "offline_access" || w == "openid" {
			continue
		}
		if !have[strings.ToLower(w)] {
			return false
		}
	}
	return true
}

// flowErr turns a failed step into a plain message without the server's
// raw answer.
func (l *Login) flowErr(step string, err error) error {
	var re *oauth2.RetrieveError
	if errors.As(err, &re) {
		switch re.ErrorCode {
		case "access_denied", "authorization_declined":
			return &SignInError{Provider: l.Provider, Reason: Refused, Code: re.ErrorCode}
		case "expired_token":
			return fmt.Errorf("sign in: the code expired before it was entered — run `lorkeeper login` again")
		case "invalid_client", "unauthorized_client":
			return &SignInError{Provider: l.Provider, Reason: Client, Code: re.ErrorCode}
		}
		desc := re.ErrorCode
		if re.ErrorDescription != "" {
			desc += ": " + re.ErrorDescription
		}
		if desc == "" && re.Response != nil {
			desc = re.Response.Status
		}
		return fmt.Errorf("sign in: %s: %s refused: %s", step, l.Provider.Issuer, desc)
	}
	return fmt.Errorf("sign in: %s: %w", step, err)
}

// Ends explains when the provider will end the grant, if it said: a
// Google app in "Testing" gets 7 days. "" when nothing is known.
func (g *Grant) Ends(p Provider) string {
	if g.RefreshExpiry.IsZero() {
		return ""
	}
	msg := fmt.Sprintf("%s says this sign-in ends on %s.", p.Issuer, g.RefreshExpiry.Local().Format("Mon 2 January 2006 at 15:04"))
	if p.TestingLimit && g.RefreshExpiry.Sub(g.GrantedAt) <= TestingLife+time.Hour {
		msg += " That is the 7-day limit of a Google Cloud app left in \"Testing\": publish it (Google Auth Platform → Audience → Publish app), then run `lorkeeper login` again, or lorkeeper will stop reading your mail then."
	}
	return msg
}

func page(w http.ResponseWriter, status int, msg string) {
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(status)
	fmt.Fprintf(w, "<!doctype html><meta charset=utf-8><title>lorkeeper</title><p style=\"font:1.2em sans-serif;margin:3em\">%s</p>\n", html.EscapeString(msg))
}

func randomString() string {
	b := make([]byte, 24)
	rand.Read(b)
	return base64.RawURLEncoding.EncodeToString(b)
}
