// Package oauthtest is a small OAuth2 authorization server for tests:
// the authorize (code + PKCE), token, device-code and token-introspection
// (RFC 7662) endpoints, on loopback, with controls to approve a device
// code, revoke a grant, expire access tokens and age grants the way
// Google ages an app left in "Testing".
//
// In-process mail servers (memmail) ask Valid whether a token is good;
// Dovecot's oauth2 passdb asks the introspection endpoint.
package oauthtest

import (
	"crypto/rand"
	"crypto/sha256"
	"encoding/base64"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"net"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"time"
)

// Options configure a Server; the zero value issues hour-long access
// tokens and refresh tokens that last until revoked.
type Options struct {
	Addr         string // listen address; "" is 127.0.0.1:0
	ClientID     string // "" accepts any client
	ClientSecret string // "" requires none
	AccessLife   time.Duration
	// RefreshLife, when set, ends a grant that long after the sign-in,
	// as Google does to apps in "Testing" after 7 days.
	RefreshLife time.Duration
	// ReportRefreshLife adds refresh_token_expires_in to token answers.
	ReportRefreshLife bool
	// Rotate hands out a new refresh token with every refresh (the old
	// one keeps working), as Microsoft does.
	Rotate bool
	// Scope, when set, is the scope granted whatever was asked (a user
	// who unticked a permission).
	Scope string
	Now   func() time.Time
}

// Server is a running authorization server. Its methods are safe for
// concurrent use.
type Server struct {
	URL  string // http://127.0.0.1:port
	opts Options
	ln   net.Listener
	srv  *http.Server

	mu       sync.Mutex
	changed  chan struct{} // closed and replaced on every change
	codes    map[string]*authCode
	devices  map[string]*device // by device code
	grants   map[string]*grant  // by refresh token
	access   map[string]*token  // by access token
	issued   []string           // every secret ever handed out
	requests map[string]int     // token requests by grant type, and "introspect"
	// NextUser is who approves an authorization request without a
	// login_hint.
	NextUser string
}

type authCode struct {
	user, client, redirect, challenge, scope string
	used                                     bool
}

type device struct {
	code, userCode, client, scope string
	user                          string // set by Approve
	denied                        bool
	expires                       time.Time
}

type grant struct {
	user, scope string
	granted     time.Time
	revoked     bool
	parent      *grant // the grant a rotated refresh token continues
}

type token struct {
	g       *grant
	expires time.Time
	dead    bool
}

// Start starts a Server. The caller calls Close.
func Start(opts Options) (*Server, error) {
	if opts.Addr == "" {
		opts.Addr = "127.0.0.1:0"
	}
	if opts.AccessLife == 0 {
		opts.AccessLife = time.Hour
	}
	if opts.Now == nil {
		opts.Now = time.Now
	}
	ln, err := net.Listen("tcp", opts.Addr)
	if err != nil {
		return nil, fmt.Errorf("oauthtest: %w", err)
	}
	s := &Server{URL: "http://" + ln.Addr().String(), opts: opts, ln: ln, changed: make(chan struct{}),
		codes: map[string]*authCode{}, devices: map[string]*device{}, grants: map[string]*grant{},
		access: map[string]*token{}, requests: map[string]int{}}
	mux := http.NewServeMux()
	mux.HandleFunc("/authorize", s.authorize)
	mux.HandleFunc("/token", s.token)
	mux.HandleFunc("/device", s.device)
	mux.HandleFunc("/introspect", s.introspect)
	s.srv = &http.Server{Handler: mux, ReadHeaderTimeout: 10 * time.Second}
	go s.srv.Serve(ln)
	return s, nil
}

// Close stops the server.
func (s *Server) Close() error { return s.srv.Close() }

// Endpoints are the [oauth] keys that point lorkeeper at this server.
func (s *Server) Endpoints() (auth, token, device string) {
	return s.URL + "/authorize", s.URL + "/token", s.URL + "/device"
}

// Changed returns a channel closed at the server's next change: a token
// issued or refused, a device code asked for or approved.
func (s *Server) Changed() <-chan struct{} {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.changed
}

func (s *Server) notifyLocked() {
	close(s.changed)
	s.changed = make(chan struct{})
}

// Valid reports whether token is a live access token of user.
func (s *Server) Valid(user, tok string) bool {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.validLocked(user, tok)
}

func (s *Server) validLocked(user, tok string) bool {
	t, ok := s.access[tok]
	return ok && !t.dead && !t.g.dead() && s.opts.Now().Before(t.expires) && (user == "" || strings.EqualFold(t.g.user, user))
}

func (g *grant) dead() bool {
	for ; g != nil; g = g.parent {
		if g.revoked {
			return true
		}
	}
	return false
}

func (g *grant) root() *grant {
	for g.parent != nil {
		g = g.parent
	}
	return g
}

// PendingDevice returns the user code of the latest device sign-in not
// yet approved, or "".
func (s *Server) PendingDevice() string {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, d := range s.devices {
		if d.user == "" && !d.denied {
			return d.userCode
		}
	}
	return ""
}

// Approve signs user in on the device that shows userCode.
func (s *Server) Approve(userCode, user string) error {
	return s.decide(userCode, func(d *device) { d.user = user })
}

// Deny refuses the device sign-in that shows userCode.
func (s *Server) Deny(userCode string) error {
	return s.decide(userCode, func(d *device) { d.denied = true })
}

func (s *Server) decide(userCode string, fn func(*device)) error {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, d := range s.devices {
		if strings.EqualFold(d.userCode, userCode) {
			fn(d)
			s.notifyLocked()
			return nil
		}
	}
	return fmt.Errorf("oauthtest: no device sign-in with code %q", userCode)
}

// Revoke ends every grant of user, as a password change or "remove
// access" in the account settings does: refresh and access tokens die.
func (s *Server) Revoke(user string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, g := range s.grants {
		if strings.EqualFold(g.user, user) {
			g.revoked = true
		}
	}
	s.notifyLocked()
}

// ExpireAccess ends user's access tokens now; refresh tokens still work.
func (s *Server) ExpireAccess(user string) {
	s.mu.Lock()
	defer s.mu.Unlock()
	for _, t := range s.access {
		if strings.EqualFold(t.g.user, user) {
			t.dead = true
		}
	}
	s.notifyLocked()
}

// Issued returns every token and code the server handed out, for tests
// that check none of them leaked into a log or a file.
func (s *Server) Issued() []string {
	s.mu.Lock()
	defer s.mu.Unlock()
	return append([]string(nil), s.issued...)
}

// Requests counts the token requests of a grant type ("refresh_token",
// "authorization_code", the device-code URN) and introspections
// ("introspect").
func (s *Server) Requests(kind string) int {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.requests[kind]
}

// DeviceGrant is the grant type of the device-code flow.
const DeviceGrant = "urn:ietf:params:oauth:grant-type:device_code"

func (s *Server) authorize(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	redirect, err := url.Parse(q.Get("redirect_uri"))
	if err != nil || redirect.Scheme != "http" || !loopback(redirect.Hostname()) {
		http.Error(w, "redirect_uri must be a loopback http address", http.StatusBadRequest)
		return
	}
	switch {
	case q.Get("response_type") != "code":
		http.Error(w, "response_type must be code", http.StatusBadRequest)
		return
	case !s.clientOK(q.Get("client_id"), "", false):
		http.Error(w, "unknown client", http.StatusBadRequest)
		return
	case q.Get("code_challenge_method") != "S256" || q.Get("code_challenge") == "":
		http.Error(w, "PKCE with S256 is required", http.StatusBadRequest)
		return
	}
	user := q.Get("login_hint")
	s.mu.Lock()
	if user == "" {
		user = s.NextUser
	}
	code := s.newSecretLocked("code")
	s.codes[code] = &authCode{user: user, client: q.Get("client_id"), redirect: q.Get("redirect_uri"),
		challenge: q.Get("code_challenge"), scope: q.Get("scope")}
	s.notifyLocked()
	s.mu.Unlock()
	v := redirect.Query()
	v.Set("code", code)
	v.Set("state", q.Get("state"))
	redirect.RawQuery = v.Encode()
	http.Redirect(w, r, redirect.String(), http.StatusFound)
}

func (s *Server) device(w http.ResponseWriter, r *http.Request) {
	r.ParseForm()
	if !s.clientOK(r.PostForm.Get("client_id"), "", false) {
		oauthErr(w, http.StatusUnauthorized, "invalid_client")
		return
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	d := &device{code: s.newSecretLocked("dc"), userCode: userCode(), client: r.PostForm.Get("client_id"),
		scope: r.PostForm.Get("scope"), expires: s.opts.Now().Add(10 * time.Minute)}
	s.devices[d.code] = d
	s.notifyLocked()
	writeJSON(w, map[string]any{"device_code": d.code, "user_code": d.userCode,
		"verification_uri": s.URL + "/verify", "expires_in": 600, "interval": 1})
}

func (s *Server) token(w http.ResponseWriter, r *http.Request) {
	r.ParseForm()
	f := r.PostForm
	kind := f.Get("grant_type")
	s.mu.Lock()
	defer s.mu.Unlock()
	s.requests[kind]++
	defer s.notifyLocked()
	if !s.clientOK(f.Get("client_id"), f.Get("client_secret"), true) {
		oauthErr(w, http.StatusUnauthorized, "invalid_client")
		return
	}
	now := s.opts.Now()
	switch kind {
	case "authorization_code":
		c := s.codes[f.Get("code")]
		if c == nil || c.used || c.redirect != f.Get("redirect_uri") || c.client != f.Get("client_id") {
			oauthErr(w, http.StatusBadRequest, "invalid_grant")
			return
		}
		sum := sha256.Sum256([]byte(f.Get("code_verifier")))
		if base64.RawURLEncoding.EncodeToString(sum[:]) != c.challenge {
			oauthErr(w, http.StatusBadRequest, "invalid_grant") // PKCE verifier does not match
			return
		}
		c.used = true
		s.issueLocked(w, &grant{user: c.user, scope: c.scope, granted: now}, true)
	case DeviceGrant:
		d := s.devices[f.Get("device_code")]
		switch {
		case d == nil:
			oauthErr(w, http.StatusBadRequest, "invalid_grant")
		case d.denied:
			oauthErr(w, http.StatusBadRequest, "access_denied")
		case now.After(d.expires):
			oauthErr(w, http.StatusBadRequest, "expired_token")
		case d.user == "":
			oauthErr(w, http.StatusBadRequest, "authorization_pending")
		default:
			delete(s.devices, d.code)
			s.issueLocked(w, &grant{user: d.user, scope: d.scope, granted: now}, true)
		}
	case "refresh_token":
		g := s.grants[f.Get("refresh_token")]
		if g == nil || g.dead() || s.opts.RefreshLife > 0 && !now.Before(g.root().granted.Add(s.opts.RefreshLife)) {
			w.Header().Set("Content-Type", "application/json")
			w.WriteHeader(http.StatusBadRequest)
			json.NewEncoder(w).Encode(map[string]string{"error": "invalid_grant", "error_description": "Token has been expired or revoked."})
			return
		}
		if s.opts.Rotate {
			g = &grant{user: g.user, scope: g.scope, granted: now, parent: g}
			s.issueLocked(w, g, true)
			return
		}
		s.issueLocked(w, g, false)
	default:
		oauthErr(w, http.StatusBadRequest, "unsupported_grant_type")
	}
}

// issueLocked answers with a new access token of g, and a refresh token
// for g when withRefresh.
func (s *Server) issueLocked(w http.ResponseWriter, g *grant, withRefresh bool) {
	at := s.newSecretLocked("at")
	s.access[at] = &token{g: g, expires: s.opts.Now().Add(s.opts.AccessLife)}
	scope := g.scope
	if s.opts.Scope != "" {
		scope = s.opts.Scope
	}
	out := map[string]any{"access_token": at, "token_type": "Bearer", "expires_in": int(s.opts.AccessLife / time.Second), "scope": scope}
	if withRefresh {
		rt := s.newSecretLocked("rt")
		s.grants[rt] = g
		out["refresh_token"] = rt
	}
	if s.opts.ReportRefreshLife && s.opts.RefreshLife > 0 {
		left := g.root().granted.Add(s.opts.RefreshLife).Sub(s.opts.Now())
		out["refresh_token_expires_in"] = int(left / time.Second)
	}
	writeJSON(w, out)
}

func (s *Server) introspect(w http.ResponseWriter, r *http.Request) {
	r.ParseForm()
	tok := r.PostForm.Get("token")
	if tok == "" {
		// Dovecot's "auth" and "get" modes send it otherwise.
		tok = strings.TrimPrefix(r.Header.Get("Authorization"), "Bearer ")
	}
	s.mu.Lock()
	defer s.mu.Unlock()
	s.requests["introspect"]++
	defer s.notifyLocked()
	if !s.validLocked("", tok) {
		writeJSON(w, map[string]any{"active": false})
		return
	}
	t := s.access[tok]
	writeJSON(w, map[string]any{"active": true, "username": strings.ToLower(t.g.user), "scope": t.g.scope,
		"exp": t.expires.Unix(), "token_type": "Bearer"})
}

func (s *Server) clientOK(id, secret string, checkSecret bool) bool {
	if s.opts.ClientID != "" && id != s.opts.ClientID {
		return false
	}
	return !checkSecret || s.opts.ClientSecret == "" || secret == s.opts.ClientSecret
}

func (s *Server) newSecretLocked(prefix string) string {
	b := make([]byte, 18)
	rand.Read(b)
	v := prefix + "-" + hex.EncodeToString(b)
	s.issued = append(s.issued, v)
	return v
}

func userCode() string {
	const letters = "BCDFGHJKLMNPQRSTVWXZ"
	b := make([]byte, 8)
	rand.Read(b)
	out := make([]byte, 0, 9)
	for i, c := range b {
		if i == 4 {
			out = append(out, '-')
		}
		out = append(out, letters[int(c)%len(letters)])
	}
	return string(out)
}

func loopback(host string) bool {
	if host == "localhost" {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

func oauthErr(w http.ResponseWriter, status int, code string) {
	w.Header().Set("Content-Type", "application/json")
	w.WriteHeader(status)
	json.NewEncoder(w).Encode(map[string]string{"error": code})
}

func writeJSON(w http.ResponseWriter, v any) {
	w.Header().Set("Content-Type", "application/json")
	w.Header().Set("Cache-Control", "no-store")
	json.NewEncoder(w).Encode(v)
}

// ErrTimeout is returned by Wait when the condition did not come true.
var ErrTimeout = errors.New("oauthtest: timed out waiting")

// Wait blocks until cond holds, checking it after every change, or
// returns ErrTimeout after d.
func (s *Server) Wait(d time.Duration, cond func() bool) error {
	deadline := time.After(d)
	for {
		ch := s.Changed()
		if cond() {
			return nil
		}
		select {
		case <-ch:
		case <-deadline:
			return ErrTimeout
		}
	}
}
