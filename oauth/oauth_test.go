package oauth

import (
	"context"
	"errors"
	"io"
	"net/http"
	"net/url"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/lorkeeper/lorkeeper/config"
	"github.com/lorkeeper/lorkeeper/internal/oauthtest"
	"github.com/lorkeeper/lorkeeper/secrets"
)

const user = "amara@gmail.test"

var ctx = context.Background()

// clock is a settable clock shared by the server and the source.
type clock struct {
	mu sync.Mutex
	t  time.Time
}

func (c *clock) Now() time.Time { c.mu.Lock(); defer c.mu.Unlock(); return c.t }
func (c *clock) Advance(d time.Duration) {
	c.mu.Lock()
	c.t = c.t.Add(d)
	c.mu.Unlock()
}

type memStore struct {
	mu sync.Mutex
	m  map[string]string
}

func (s *memStore) Get(k string) (string, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	v, ok := s.m[k]
	if !ok {
		return "", secrets.ErrNotFound
	}
	return v, nil
}

func (s *memStore) Set(k, v string) (string, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.m == nil {
		s.m = map[string]string{}
	}
	s.m[k] = v
	return "memory", nil
}

func server(t *testing.T, opts oauthtest.Options) (*oauthtest.Server, Provider) {
	t.Helper()
	if opts.ClientID == "" {
		opts.ClientID = "lorkeeper-test"
	}
	srv, err := oauthtest.Start(opts)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { srv.Close() })
	a, tk, d := srv.Endpoints()
	return srv, Provider{Issuer: "Google", ID: "test", ClientID: opts.ClientID, ClientSecret: opts.ClientSecret,
		AuthURL: a, TokenURL: tk, DeviceAuthURL: d, Scopes: []string{"https://mail.google.com/"},
		RedirectHost: "127.0.0.1", Flow: "browser", TestingLimit: true,
		Params: map[string]string{"access_type": "offline", "prompt": "consent"}}
}

// browser plays the applicant's browser: it visits the URL lorkeeper
// printed, follows the provider's redirect back to the loopback address,
// and returns the page lorkeeper showed. tamper may change the URL first.
func browser(t *testing.T, pages chan<- string, tamper func(*url.URL)) func(string) error {
	return func(raw string) error {
		go func() {
			u, err := url.Parse(raw)
			if err != nil {
				t.Error(err)
				return
			}
			if tamper != nil {
				tamper(u)
			}
			resp, err := http.Get(u.String())
			if err != nil {
				pages <- "error: " + err.Error()
				return
			}
			b, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			pages <- string(b)
		}()
		return nil
	}
}

// TestBrowserLoginPKCE: authorization code with PKCE through a loopback
// redirect, the browser played by the test.
func TestBrowserLoginPKCE(t *testing.T) {
	srv, p := server(t, oauthtest.Options{ClientSecret: "not-so-secret"})
	pages := make(chan string, 1)
	var out strings.Builder
	l := &Login{Provider: p, User: user, Out: &out, Open: browser(t, pages, func(u *url.URL) {
		q := u.Query()
		for _, k := range []string{"code_challenge_method", "access_type", "prompt", "login_hint"} {
			if q.Get(k) == "" {
				t.Errorf("authorization URL lacks %s: %s", k, u)
			}
		}
		if r, _ := url.Parse(q.Get("redirect_uri")); r == nil || r.Hostname() != "127.0.0.1" || r.Port() == "" {
			t.Errorf("redirect_uri %q is not a loopback address with a port", q.Get("redirect_uri"))
		}
	})}
	g, err := l.Run(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if g.RefreshToken == "" || g.AccessToken == "" || !srv.Valid(user, g.AccessToken) {
		t.Errorf("grant %+v", g)
	}
	if page := <-pages; !strings.Contains(page, "Signed in") {
		t.Errorf("browser shown %q", page)
	}
	if !strings.Contains(out.String(), "http://127.0.0.1:") || !strings.Contains(out.String(), "opened it for you") {
		t.Errorf("printed:\n%s", out.String())
	}
}

// TestBrowserLoginPKCEIsChecked: a code obtained with another challenge
// (an attacker's) cannot be exchanged with lorkeeper's verifier.
func TestBrowserLoginPKCEIsChecked(t *testing.T) {
	_, p := server(t, oauthtest.Options{})
	pages := make(chan string, 1)
	l := &Login{Provider: p, User: user, Out: io.Discard, Open: browser(t, pages, func(u *url.URL) {
		q := u.Query()
		q.Set("code_challenge", "E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM")
		u.RawQuery = q.Encode()
	})}
	if _, err := l.Run(ctx); err == nil {
		t.Fatal("a code with a foreign PKCE challenge was accepted")
	}
	<-pages
}

func TestBrowserLoginCancelled(t *testing.T) {
	_, p := server(t, oauthtest.Options{})
	pages := make(chan string, 1)
	var redirect string
	l := &Login{Provider: p, User: user, Out: io.Discard, Open: func(raw string) error {
		u, _ := url.Parse(raw)
		redirect = u.Query().Get("redirect_uri") + "?error=access_denied&state=" + u.Query().Get("state")
		// A request with another state is refused and does not end the wait.
		go func() {
			resp, err := http.Get(u.Query().Get("redirect_uri") + "?code=x&state=forged")
			if err == nil {
				if resp.StatusCode != http.StatusBadRequest {
					t.Errorf("forged state answered %s", resp.Status)
				}
				resp.Body.Close()
			}
			browser(t, pages, nil)(redirect)
		}()
		return nil
	}}
	_, err := l.Run(ctx)
	var se *SignInError
	if !errors.As(err, &se) || se.Reason != Refused {
		t.Fatalf("err = %v", err)
	}
	<-pages
}

// TestDeviceLogin: the device-code flow prints where to go and the code,
// and finishes once the user approves elsewhere.
func TestDeviceLogin(t *testing.T) {
	srv, p := server(t, oauthtest.Options{})
	p.Flow = "device"
	out := &syncBuf{}
	go func() {
		if err := srv.Wait(10*time.Second, func() bool { return srv.PendingDevice() != "" }); err != nil {
			t.Error(err)
			return
		}
		code := srv.PendingDevice()
		out.waitFor("lorkeeper waits here")
		if !strings.Contains(out.String(), code) || !strings.Contains(out.String(), srv.URL+"/verify") {
			t.Errorf("printed %q, want the code %s and the address", out.String(), code)
		}
		srv.Approve(code, user)
	}()
	g, err := (&Login{Provider: p, User: user, Out: out}).Run(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if !srv.Valid(user, g.AccessToken) {
		t.Error("device grant's access token is not valid")
	}
}

func TestDeviceLoginDenied(t *testing.T) {
	srv, p := server(t, oauthtest.Options{})
	p.Flow = "device"
	go func() {
		srv.Wait(10*time.Second, func() bool { return srv.PendingDevice() != "" })
		srv.Deny(srv.PendingDevice())
	}()
	_, err := (&Login{Provider: p, User: user, Out: io.Discard}).Run(ctx)
	var se *SignInError
	if !errors.As(err, &se) || se.Reason != Refused {
		t.Fatalf("err = %v", err)
	}
}

func TestUntickedMailPermission(t *testing.T) {
	srv, p := server(t, oauthtest.Options{Scope: "openid email"})
	p.Flow = "device"
	go func() {
		srv.Wait(10*time.Second, func() bool { return srv.PendingDevice() != "" })
		srv.Approve(srv.PendingDevice(), user)
	}()
	_, err := (&Login{Provider: p, User: user, Out: io.Discard}).Run(ctx)
	if err == nil || !strings.Contains(err.Error(), "did not allow access to mail") {
		t.Fatalf("err = %v", err)
	}
}

// syncBuf is an output that can be waited on.
type syncBuf struct {
	mu    sync.Mutex
	b     strings.Builder
	wrote chan struct{}
}

func (s *syncBuf) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	if s.wrote != nil {
		close(s.wrote)
		s.wrote = nil
	}
	return s.b.Write(p)
}

func (s *syncBuf) String() string { s.mu.Lock(); defer s.mu.Unlock(); return s.b.String() }

// waitFor blocks until the output contains substr (at most 10 s).
func (s *syncBuf) waitFor(substr string) bool {
	deadline := time.After(10 * time.Second)
	for {
		s.mu.Lock()
		if strings.Contains(s.b.String(), substr) {
			s.mu.Unlock()
			return true
		}
		if s.wrote == nil {
			s.wrote = make(chan struct{})
		}
		ch := s.wrote
		s.mu.Unlock()
		select {
		case <-ch:
		case <-deadline:
			return false
		}
	}
}

// signIn signs user in through the browser flow and stores the grant.
func signIn(t *testing.T, srv *oauthtest.Server, p Provider, st Store, now func() time.Time) *Grant {
	t.Helper()
	pages := make(chan string, 1)
	g, err := (&Login{Provider: p, User: user, Out: io.Discard, Now: now, Open: browser(t, pages, nil)}).Run(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if _, err := Save(st, p, user, g); err != nil {
		t.Fatal(err)
	}
	return g
}

// TestSourceRefreshesBeforeExpiry: the stored access token is used while
// it has time left; near its end a new one is fetched and stored.
func TestSourceRefreshesBeforeExpiry(t *testing.T) {
	clk := &clock{t: time.Date(2027, 6, 1, 9, 0, 0, 0, time.UTC)}
	srv, p := server(t, oauthtest.Options{Now: clk.Now})
	st := &memStore{}
	g := signIn(t, srv, p, st, clk.Now)
	src := NewSource(p, user, st, nil, clk.Now, nil)
	tok, err := src.Token(ctx)
	if err != nil || tok != g.AccessToken {
		t.Fatalf("first token %v (want the one from the sign-in)", err)
	}
	clk.Advance(50 * time.Minute) // 10 of 60 minutes left: still good
	if again, _ := src.Token(ctx); again != tok {
		t.Error("refreshed with 10 minutes left")
	}
	clk.Advance(6 * time.Minute) // 4 minutes left: refresh
	tok2, err := src.Token(ctx)
	if err != nil || tok2 == tok || !srv.Valid(user, tok2) {
		t.Fatalf("refreshed token: %v", err)
	}
	if n := srv.Requests("refresh_token"); n != 1 {
		t.Errorf("%d refreshes, want 1", n)
	}
	// A new source (the next process) finds the refreshed token stored.
	tok3, _ := NewSource(p, user, st, nil, clk.Now, nil).Token(ctx)
	if tok3 != tok2 {
		t.Error("the refreshed token was not stored")
	}
	// The server refused it: Refresh gets another.
	srv.ExpireAccess(user)
	tok4, err := src.Refresh(ctx)
	if err != nil || tok4 == tok2 || !srv.Valid(user, tok4) {
		t.Fatalf("refresh after refusal: %v", err)
	}
}

// TestRevokedGrant: a revoked grant becomes a plain, actionable error that
// matches config.ErrSignIn, the server is asked once, and a new sign-in
// is picked up without a restart.
func TestRevokedGrant(t *testing.T) {
	srv, p := server(t, oauthtest.Options{})
	st := &memStore{}
	signIn(t, srv, p, st, nil)
	src := NewSource(p, user, st, nil, nil, nil)
	if _, err := src.Token(ctx); err != nil {
		t.Fatal(err)
	}
	srv.Revoke(user)
	_, err := src.Refresh(ctx)
	if !errors.Is(err, config.ErrSignIn) || err.Error() != "Google sign-in expired — run `lorkeeper login`" {
		t.Fatalf("err = %v", err)
	}
	before := srv.Requests("refresh_token")
	for range 5 {
		if _, err := src.Token(ctx); !errors.Is(err, config.ErrSignIn) {
			t.Fatalf("err = %v", err)
		}
	}
	if n := srv.Requests("refresh_token"); n != before {
		t.Errorf("a dead grant was tried %d more times", n-before)
	}
	signIn(t, srv, p, st, nil)
	if tok, err := src.Token(ctx); err != nil || !srv.Valid(user, tok) {
		t.Errorf("after a new sign-in: %v", err)
	}
	for _, tok := range srv.Issued() {
		if strings.Contains(err.Error(), tok) {
			t.Error("a token in the error")
		}
	}
}

func TestNotSignedIn(t *testing.T) {
	_, p := server(t, oauthtest.Options{})
	_, err := NewSource(p, user, &memStore{}, nil, nil, nil).Token(ctx)
	if !errors.Is(err, config.ErrSignIn) || !strings.Contains(err.Error(), "run `lorkeeper login`") {
		t.Errorf("err = %v", err)
	}
}

// TestTestingAppDetected: Google ends a grant to an app in "Testing" after
// 7 days; lorkeeper says so, both when Google announced the end at sign-in
// and when it did not.
func TestTestingAppDetected(t *testing.T) {
	for _, report := range []bool{true, false} {
		clk := &clock{t: time.Date(2027, 6, 1, 9, 0, 0, 0, time.UTC)}
		srv, p := server(t, oauthtest.Options{Now: clk.Now, RefreshLife: TestingLife, ReportRefreshLife: report})
		st := &memStore{}
		g := signIn(t, srv, p, st, clk.Now)
		if ends := g.Ends(p); report != strings.Contains(ends, "\"Testing\"") {
			t.Errorf("report=%v: Ends = %q", report, ends)
		}
		src := NewSource(p, user, st, nil, clk.Now, nil)
		for range 6 * 24 {
			clk.Advance(time.Hour)
			if _, err := src.Token(ctx); err != nil {
				t.Fatalf("report=%v: before day 7: %v", report, err)
			}
		}
		clk.Advance(24*time.Hour + time.Minute)
		_, err := src.Token(ctx)
		var se *SignInError
		if !errors.As(err, &se) || !se.Testing || !strings.Contains(err.Error(), "Publish app") {
			t.Fatalf("report=%v: err = %v", report, err)
		}
	}
	// A published app's grant revoked after a month is not blamed on it.
	clk := &clock{t: time.Date(2027, 6, 1, 9, 0, 0, 0, time.UTC)}
	srv, p := server(t, oauthtest.Options{Now: clk.Now})
	st := &memStore{}
	signIn(t, srv, p, st, clk.Now)
	src := NewSource(p, user, st, nil, clk.Now, nil)
	for range 30 {
		clk.Advance(24 * time.Hour)
		src.Token(ctx)
	}
	srv.Revoke(user)
	clk.Advance(2 * time.Hour)
	if _, err := src.Token(ctx); err == nil || strings.Contains(err.Error(), "Testing") {
		t.Errorf("err = %v", err)
	}
}

// TestRotatedRefreshTokenKept: a provider that hands out a new refresh
// token on refresh (Microsoft) has it stored.
func TestRotatedRefreshTokenKept(t *testing.T) {
	clk := &clock{t: time.Date(2027, 6, 1, 9, 0, 0, 0, time.UTC)}
	srv, p := server(t, oauthtest.Options{Now: clk.Now, Rotate: true})
	st := &memStore{}
	g := signIn(t, srv, p, st, clk.Now)
	src := NewSource(p, user, st, nil, clk.Now, nil)
	if _, err := src.Refresh(ctx); err != nil {
		t.Fatal(err)
	}
	stored, _ := loadGrant(st, p.Key(user))
	if stored.RefreshToken == g.RefreshToken {
		t.Error("the new refresh token was not stored")
	}
}

// TestServerOutOfReach: while the token server cannot be reached, a token
// with time left is still used; once it is gone, the error is temporary
// (not a sign-in problem).
func TestServerOutOfReach(t *testing.T) {
	clk := &clock{t: time.Date(2027, 6, 1, 9, 0, 0, 0, time.UTC)}
	srv, p := server(t, oauthtest.Options{Now: clk.Now})
	st := &memStore{}
	g := signIn(t, srv, p, st, clk.Now)
	srv.Close()
	src := NewSource(p, user, st, nil, clk.Now, nil)
	clk.Advance(50 * time.Minute)
	if tok, err := src.Token(ctx); err != nil || tok != g.AccessToken {
		t.Errorf("token with 10 minutes left: %v", err)
	}
	clk.Advance(time.Hour)
	if _, err := src.Token(ctx); err == nil || errors.Is(err, config.ErrSignIn) {
		t.Errorf("err = %v", err)
	}
}

// TestBrowserLoginLocalhostRedirect: Microsoft's desktop redirect is
// http://localhost:PORT; lorkeeper listens on 127.0.0.1 (and ::1, where
// there is one), so the browser gets back whichever localhost it picks.
func TestBrowserLoginLocalhostRedirect(t *testing.T) {
	srv, p := server(t, oauthtest.Options{})
	p.RedirectHost = "localhost"
	pages := make(chan string, 1)
	l := &Login{Provider: p, User: user, Out: io.Discard, Open: browser(t, pages, func(u *url.URL) {
		if r, _ := url.Parse(u.Query().Get("redirect_uri")); r == nil || r.Hostname() != "localhost" {
			t.Errorf("redirect_uri %q", u.Query().Get("redirect_uri"))
		}
	})}
	g, err := l.Run(ctx)
	if err != nil {
		t.Fatal(err)
	}
	if !srv.Valid(user, g.AccessToken) || !strings.Contains(<-pages, "Signed in") {
		t.Error("sign-in through localhost failed")
	}
}
