package dashboard_test

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"net"
	"net/http"
	"net/http/cookiejar"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/lorkeeper/lorkeeper/dashboard"
	"github.com/lorkeeper/lorkeeper/internal/testenv"
	"github.com/lorkeeper/lorkeeper/store"
)

func TestRequestWithoutTokenIsRefused(t *testing.T) {
	f := setup(t)
	for _, path := range []string{"/", "/drafts/1", "/writers/smith", "/flags/nguyen", "/nowhere"} {
		res := f.do("GET", path, nil, false)
		page := body(res)
		if res.StatusCode != http.StatusForbidden {
			t.Errorf("GET %s without the token: %d, want 403", path, res.StatusCode)
		}
		if strings.Contains(page, "Amara") || strings.Contains(page, "Smith") {
			t.Errorf("GET %s without the token shows the applicant's data:\n%s", path, page)
		}
		if !strings.Contains(page, "run `lorkeeper dashboard` on this computer") {
			t.Errorf("GET %s: the refusal does not say what to do:\n%s", path, page)
		}
	}
	if res := f.do("GET", "/?token=wrong", nil, false); res.StatusCode != http.StatusForbidden {
		t.Errorf("wrong token: %d", res.StatusCode)
	}
	bad := &http.Cookie{Name: f.session().Name, Value: "forged"}
	r := f.do("GET", "/", nil, false, "Cookie", bad.String())
	if r.StatusCode != http.StatusForbidden {
		t.Errorf("forged cookie: %d", r.StatusCode)
	}
	// Even a form with the right CSRF token needs the session.
	_, page := f.get("/drafts/1")
	form := url.Values{"csrf": {csrf(t, page)}}
	if res := f.do("POST", "/drafts/1/approve", form, false); res.StatusCode != http.StatusForbidden {
		t.Errorf("POST without the session: %d", res.StatusCode)
	}
	if d, _ := f.Keeper.Draft(ctx, 1); d.Status != store.Pending {
		t.Errorf("draft 1 is %s after refused requests", d.Status)
	}
}

func TestTokenLinkSetsCookieAndDropsToken(t *testing.T) {
	f := setup(t)
	res := f.do("GET", "/drafts/2?token="+url.QueryEscape(f.token)+"&x=1", nil, false)
	if res.StatusCode != http.StatusSeeOther {
		t.Fatalf("token link: %d, want 303", res.StatusCode)
	}
	if loc := res.Header.Get("Location"); loc != "/drafts/2?x=1" {
		t.Errorf("redirect to %q: the token must leave the address", loc)
	}
	cs := res.Cookies()
	if len(cs) != 1 {
		t.Fatalf("cookies: %v", cs)
	}
	c := cs[0]
	if !c.HttpOnly || c.SameSite != http.SameSiteStrictMode || c.Path != "/" {
		t.Errorf("cookie %+v: want HttpOnly, SameSite=Strict, Path=/", c)
	}
	if strings.Contains(c.Value, f.token) {
		t.Error("the cookie holds the token itself")
	}
	if code, page := f.get("/"); code != 200 || !strings.Contains(page, "Amara Okafor") {
		t.Errorf("with the cookie: %d", code)
	}
	h := f.do("GET", "/", nil, true).Header
	for _, k := range []string{"Content-Security-Policy", "X-Content-Type-Options", "Referrer-Policy"} {
		if h.Get(k) == "" {
			t.Errorf("no %s header", k)
		}
	}
	if !strings.Contains(h.Get("Content-Security-Policy"), "default-src 'none'") {
		t.Errorf("CSP %q", h.Get("Content-Security-Policy"))
	}
}

func TestForeignHostIsRefused(t *testing.T) {
	f := setup(t)
	for _, host := range []string{"evil.example", "evil.example:8080", "192.168.1.5:8080"} {
		if code := f.doHost(host); code != http.StatusForbidden {
			t.Errorf("Host %s: %d, want 403", host, code)
		}
	}
	for _, host := range []string{"localhost:8080", "[::1]:8080", "127.0.0.1"} {
		if code := f.doHost(host); code != http.StatusOK {
			t.Errorf("Host %s: %d, want 200", host, code)
		}
	}
}

// doHost fetches the board, signed in, with the Host header host.
func (f *fixture) doHost(host string) int {
	r := httptest.NewRequest("GET", "/", nil)
	r.Host = host
	r.AddCookie(f.session())
	w := httptest.NewRecorder()
	f.h.ServeHTTP(w, r)
	return w.Code
}

func TestPostWithoutCSRFTokenIsRefused(t *testing.T) {
	f := setup(t)
	_, page := f.get("/drafts/1")
	good := csrf(t, page)
	cases := []struct {
		name   string
		form   url.Values
		header []string
	}{
		{"no token", url.Values{}, nil},
		{"wrong token", url.Values{"csrf": {"x" + good}}, nil},
		{"cross-site", url.Values{"csrf": {good}}, []string{"Sec-Fetch-Site", "cross-site"}},
		{"other origin", url.Values{"csrf": {good}}, []string{"Origin", "http://evil.example"}},
	}
	for _, c := range cases {
		for _, path := range []string{"/drafts/1/approve", "/drafts/1/discard", "/drafts/1/edit", "/flags/nguyen/resolve"} {
			res := f.do("POST", path, c.form, true, c.header...)
			if res.StatusCode != http.StatusForbidden {
				t.Errorf("%s: POST %s: %d, want 403", c.name, path, res.StatusCode)
			}
			if p := body(res); !strings.Contains(p, "nothing was changed") && !strings.Contains(p, "another web site") {
				t.Errorf("%s: the refusal is not explained:\n%s", c.name, p)
			}
		}
	}
	if d, _ := f.Keeper.Draft(ctx, 1); d.Status != store.Pending || d.Edited {
		t.Fatalf("draft 1 changed by refused requests: %s", d.Status)
	}
	res := f.do("POST", "/drafts/1/approve", url.Values{"csrf": {good}}, true, "Sec-Fetch-Site", "same-origin")
	if res.StatusCode != http.StatusSeeOther {
		t.Errorf("a good form: %d", res.StatusCode)
	}
	if d, _ := f.Keeper.Draft(ctx, 1); d.Status != store.Approved {
		t.Errorf("draft 1 is %s after a good form", d.Status)
	}
}

func TestStaticFilesArePublic(t *testing.T) {
	f := setup(t)
	res := f.do("GET", "/static/style.css", nil, false)
	if res.StatusCode != 200 || !strings.HasPrefix(res.Header.Get("Content-Type"), "text/css") {
		t.Errorf("style sheet: %d %s", res.StatusCode, res.Header.Get("Content-Type"))
	}
	if css := body(res); !strings.Contains(css, "@media (max-width") {
		t.Error("the style sheet is not responsive")
	}
	if res := f.do("POST", "/static/style.css", url.Values{}, false); res.StatusCode != http.StatusForbidden {
		t.Errorf("POST to a static file: %d", res.StatusCode)
	}
}

func TestLoadToken(t *testing.T) {
	state := filepath.Join(t.TempDir(), "state.db")
	tok, err := dashboard.LoadToken(state)
	if err != nil {
		t.Fatal(err)
	}
	if len(tok) < 40 || strings.ContainsAny(tok, " \n/+=") {
		t.Errorf("token %q: want 32 random bytes, URL-safe", tok)
	}
	st, err := os.Stat(state + ".token")
	if err != nil {
		t.Fatal(err)
	}
	if st.Mode().Perm() != 0o600 {
		t.Errorf("token file mode %v, want 0600", st.Mode().Perm())
	}
	again, err := dashboard.LoadToken(state)
	if err != nil || again != tok {
		t.Errorf("second load: %q %v, want the same token", again, err)
	}
	// A file others can read is made private; an empty one gets a token.
	os.Chmod(state+".token", 0o644)
	if again, _ := dashboard.LoadToken(state); again != tok {
		t.Error("token changed")
	}
	if st, _ := os.Stat(state + ".token"); st.Mode().Perm() != 0o600 {
		t.Errorf("mode %v after load, want 0600", st.Mode().Perm())
	}
	os.WriteFile(state+".token", nil, 0o600)
	if fresh, err := dashboard.LoadToken(state); err != nil || fresh == "" || fresh == tok {
		t.Errorf("empty file: %q %v", fresh, err)
	}
	if _, err := dashboard.LoadToken(filepath.Join(t.TempDir(), "missing", "state.db")); err == nil {
		t.Error("no error for a missing folder")
	}
}

func TestLoadTokenConcurrently(t *testing.T) {
	state := filepath.Join(t.TempDir(), "state.db")
	toks := make([]string, 8)
	var wg sync.WaitGroup
	for i := range toks {
		wg.Go(func() {
			tok, err := dashboard.LoadToken(state)
			if err != nil {
				t.Error(err)
			}
			toks[i] = tok
		})
	}
	wg.Wait()
	for _, tok := range toks {
		if tok != toks[0] {
			t.Fatalf("racing loads disagree: %q", toks)
		}
	}
}

func TestServe(t *testing.T) {
	f := setup(t)
	var logs testenv.Buffer
	log := slog.New(slog.NewTextHandler(&logs, nil))
	c, cancel := context.WithCancel(ctx)
	done := make(chan error, 1)
	go func() { done <- dashboard.Serve(c, 0, f.srv, log) }()
	link := regexp.MustCompile(`http://127\.0\.0\.1:\d+/\?token=[A-Za-z0-9_-]+`)
	var u string
	for deadline := time.Now().Add(5 * time.Second); u == "" && time.Now().Before(deadline); {
		u = link.FindString(logs.String())
		time.Sleep(10 * time.Millisecond)
	}
	if u == "" {
		cancel()
		t.Fatalf("no link logged:\n%s", logs.String())
	}
	jar, _ := cookiejar.New(nil)
	client := &http.Client{Jar: jar, Timeout: 5 * time.Second}
	res, err := client.Get(u)
	if err != nil {
		t.Fatal(err)
	}
	page, _ := io.ReadAll(res.Body)
	res.Body.Close()
	if res.StatusCode != 200 || !strings.Contains(string(page), "Your letters") || strings.Contains(res.Request.URL.String(), "token") {
		t.Errorf("link: %d at %s", res.StatusCode, res.Request.URL)
	}
	if n := strings.Count(logs.String(), "token="); n != 1 {
		t.Errorf("the link was logged %d times", n)
	}
	cancel()
	select {
	case err := <-done:
		if err != nil {
			t.Errorf("Serve: %v", err)
		}
	case <-time.After(10 * time.Second):
		t.Fatal("Serve did not return after ctx ended")
	}
}

func TestServeWaitsForABusyPort(t *testing.T) {
	f := setup(t)
	busy, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	port := busy.Addr().(*net.TCPAddr).Port
	var logs testenv.Buffer
	c, cancel := context.WithCancel(ctx)
	defer cancel()
	done := make(chan error, 1)
	go func() { done <- dashboard.Serve(c, port, f.srv, slog.New(slog.NewTextHandler(&logs, nil))) }()
	time.Sleep(300 * time.Millisecond)
	busy.Close() // the previous dashboard closes
	want := fmt.Sprintf("http://127.0.0.1:%d/?token=", port)
	for deadline := time.Now().Add(5 * time.Second); !strings.Contains(logs.String(), want); {
		if time.Now().After(deadline) {
			t.Fatalf("Serve did not take the port once free:\n%s", logs.String())
		}
		time.Sleep(20 * time.Millisecond)
	}
	cancel()
	if err := <-done; err != nil {
		t.Errorf("Serve: %v", err)
	}
}
