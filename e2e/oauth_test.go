package e2e

import (
	"bufio"
	"bytes"
	"fmt"
	"io"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/lorkeeper/lorkeeper/config"
	"github.com/lorkeeper/lorkeeper/internal/oauthtest"
)

// The authorization server Dovecot asks (scripts/mailstack's OAuth2
// mode): one per test process, on the port the stack was started with.
var (
	authOnce sync.Once
	authSrv  *oauthtest.Server
	authErr  error
)

// authServer returns the running test authorization server. A stack
// started without the OAuth2 mode skips the test (fails under CI=true).
func authServer(t *testing.T) *oauthtest.Server {
	t.Helper()
	needStack(t)
	authOnce.Do(func() {
		port := stackEnv("LK_OAUTH_PORT")
		if port == "" {
			authErr = fmt.Errorf("the mail stack in %s has no OAuth2 mode (no LK_OAUTH_PORT): restart it with this checkout's scripts/mailstack", stk.dir)
			return
		}
		authSrv, authErr = oauthtest.Start(oauthtest.Options{Addr: "127.0.0.1:" + port, ClientID: "lorkeeper-e2e"})
	})
	if authErr != nil {
		if os.Getenv("CI") == "true" {
			t.Fatal(authErr)
		}
		t.Skip(authErr)
	}
	return authSrv
}

func stackEnv(key string) string {
	data, _ := os.ReadFile(filepath.Join(stk.dir, "env"))
	for _, line := range strings.Split(string(data), "\n") {
		if v, ok := strings.CutPrefix(strings.TrimSpace(line), "export "+key+"="); ok {
			return strings.Trim(v, `'"`)
		}
	}
	return ""
}

// oauthWorld is a world whose IMAP and SMTP sign in with the tokens of
// `lorkeeper login` against the test authorization server, kept in the
// secrets file (the tests never touch a real keyring).
func oauthWorld(t *testing.T, flow, mechanism string) (*world, *oauthtest.Server) {
	srv := authServer(t)
	w := newWorld(t)
	w.imapSecret = config.Secret{Auth: "oauth2", OAuth2Mechanism: mechanism}
	a, tk, d := srv.Endpoints()
	w.configure = func(c *config.Config) {
		// [smtp] signs in the same way; secrets go to the file.
		c.Secrets = "file"
		c.SMTP.Secret = config.Secret{Auth: "oauth2"}
		c.OAuth = config.OAuth{ClientID: "lorkeeper-e2e", Flow: flow, AuthURL: a, TokenURL: tk, DeviceAuthURL: d, Scopes: []string{"mail"}}
	}
	w.write()
	var env []string
	for _, kv := range w.env {
		if !strings.HasPrefix(kv, "DBUS_SESSION_BUS_ADDRESS=") && !strings.HasPrefix(kv, "XDG_RUNTIME_DIR=") && !strings.HasPrefix(kv, "DISPLAY=") {
			env = append(env, kv)
		}
	}
	w.env = env
	return w, srv
}

// login runs `lorkeeper login ARGS`; act is called with each line it
// prints, as the applicant reading the terminal, until it exits.
func (w *world) login(act func(line string), args ...string) string {
	w.t.Helper()
	cmd := exec.Command(binary, append([]string{"--config", w.cfg, "login"}, args...)...)
	cmd.Env = w.env
	var errb bytes.Buffer
	cmd.Stderr = &errb
	stdout, _ := cmd.StdoutPipe()
	if err := cmd.Start(); err != nil {
		w.t.Fatal(err)
	}
	var out strings.Builder
	sc := bufio.NewScanner(stdout)
	for sc.Scan() {
		out.WriteString(sc.Text() + "\n")
		act(sc.Text())
	}
	if err := cmd.Wait(); err != nil {
		w.t.Fatalf("login: %v\n%s\n%s", err, out.String(), errb.String())
	}
	return out.String() + errb.String()
}

// deviceLogin signs in with a device code, the test approving it as the
// applicant would on their phone.
func (w *world) deviceLogin(srv *oauthtest.Server) string {
	return w.login(func(line string) {
		if _, code, ok := strings.Cut(line, "enter the code "); ok {
			if err := srv.Approve(code, w.applicant); err != nil {
				w.t.Error(err)
			}
		}
	})
}

// secretsFile checks the grant is in the private file beside the state.
func (w *world) secretsFile() []byte {
	w.t.Helper()
	path := filepath.Join(w.dir, "state.secrets")
	st, err := os.Stat(path)
	if err != nil {
		w.t.Fatalf("secrets file: %v", err)
	}
	if st.Mode().Perm() != 0o600 {
		w.t.Errorf("secrets file mode %v, want 0600", st.Mode().Perm())
	}
	data, _ := os.ReadFile(path)
	return data
}

// noTokens checks that no token or code the server issued appears in
// the texts (logs, outputs) or in the state file.
func (w *world) noTokens(srv *oauthtest.Server, texts ...string) {
	w.t.Helper()
	var state []byte
	for _, f := range []string{"state.db", "state.db-wal"} {
		b, _ := os.ReadFile(filepath.Join(w.dir, f))
		state = append(state, b...)
	}
	all := strings.Join(texts, "\n")
	for _, tok := range srv.Issued() {
		if strings.Contains(all, tok) {
			w.t.Errorf("a token (%s…) in a log or an output", tok[:6])
		}
		if bytes.Contains(state, []byte(tok)) {
			w.t.Errorf("a token (%s…) in the state file", tok[:6])
		}
	}
}

// TestOAuthDeviceLogin: `lorkeeper login` with a device code, then
// `check` signs in to Dovecot (IMAP, XOAUTH2) and Postfix (submission,
// through Dovecot's SASL) with the stored tokens.
func TestOAuthDeviceLogin(t *testing.T) {
	w, srv := oauthWorld(t, "device", "xoauth2")
	out := w.deviceLogin(srv)
	for _, want := range []string{"Signed in to 127.0.0.1:", "as " + w.applicant, "(readable by you only)", "accepted it"} {
		if !strings.Contains(out, want) {
			t.Errorf("login output lacks %q:\n%s", want, out)
		}
	}
	if !bytes.Contains(w.secretsFile(), []byte("refresh_token")) {
		t.Error("no grant in the secrets file")
	}
	check := w.lk("check")
	if !strings.Contains(check, "ok    imap 127.0.0.1") || !strings.Contains(check, "ok    smtp 127.0.0.1") ||
		!strings.Contains(check, "OAuth2 (xoauth2)") {
		t.Errorf("check:\n%s", check)
	}
	w.noTokens(srv, out, check)
}

// TestOAuthBrowserLogin: authorization code with PKCE; the test plays the
// browser: it opens the printed address, and the authorization server's
// redirect brings it back to lorkeeper's loopback listener. IMAP signs in
// with OAUTHBEARER this time.
func TestOAuthBrowserLogin(t *testing.T) {
	w, srv := oauthWorld(t, "browser", "oauthbearer")
	before := srv.Requests("authorization_code")
	pages := make(chan string, 1)
	out := w.login(func(line string) {
		u := strings.TrimSpace(line)
		if !strings.HasPrefix(u, srv.URL+"/authorize?") {
			return
		}
		go func() {
			resp, err := http.Get(u) // follows the redirect to 127.0.0.1:<lorkeeper's port>
			if err != nil {
				pages <- err.Error()
				return
			}
			b, _ := io.ReadAll(resp.Body)
			resp.Body.Close()
			pages <- string(b)
		}()
	}, "--no-browser")
	if page := <-pages; !strings.Contains(page, "Signed in") {
		t.Errorf("the browser was shown %q", page)
	}
	if n := srv.Requests("authorization_code") - before; n != 1 {
		t.Errorf("%d code exchanges, want 1", n)
	}
	if !strings.Contains(out, "accepted it") {
		t.Errorf("login output:\n%s", out)
	}
	check := w.lk("check")
	if !strings.Contains(check, "ok    imap") || !strings.Contains(check, "ok    smtp") || !strings.Contains(check, "OAuth2 (oauthbearer)") {
		t.Errorf("check:\n%s", check)
	}
	w.noTokens(srv, out, check)
}

// TestOAuthRefreshDuringIdle: the daemon idles on Dovecot; the provider
// stops accepting the access token and drops the connection; a reply
// arrives meanwhile. The daemon refreshes the token, logs in again and
// reads the reply; nothing is lost and no token is written anywhere but
// the secrets file.
func TestOAuthRefreshDuringIdle(t *testing.T) {
	w, srv := oauthWorld(t, "device", "xoauth2")
	login := w.deviceLogin(srv)
	p := w.start()
	eventually(t, 20*time.Second, "four drafts planned", func() bool { return len(w.drafts()) == 4 })
	var smith draft
	for _, d := range w.drafts() {
		if d.Writer == "smith" {
			smith = d
		}
	}
	w.lk("drafts", "approve", strconv.FormatInt(smith.ID, 10))
	eventually(t, 20*time.Second, "smith receives the ask", func() bool { return len(mailbox(t, w.writers["smith"], "INBOX")) == 1 })
	ask := mailbox(t, w.writers["smith"], "INBOX")[0]
	p.waitLog(t, 10*time.Second, "watching mailbox")
	refreshes := srv.Requests("refresh_token")

	srv.ExpireAccess(w.applicant)
	stk.control(t, "kick", w.applicant)
	deliver(t, w.writers["smith"], w.applicant, reply(w.writers["smith"], "Jane Smith", w.applicant, "Re: "+header(ask, "Subject"),
		strings.Trim(header(ask, "Message-ID"), "<>"), "Dear Amara,\n\nI would be delighted to write you a strong letter of recommendation.\n\nJane\n"))
	eventually(t, 30*time.Second, "smith's reply read after the refresh", func() bool { return w.status()["smith"].State == "agreed" })
	if srv.Requests("refresh_token") <= refreshes {
		t.Error("the reply was read without a token refresh")
	}
	p.waitLog(t, 5*time.Second, "access token refreshed")
	if n := strings.Count(p.logText(), "reply read"); n != 1 {
		t.Errorf("%d replies read, want 1", n)
	}
	w.secretsFile()
	w.noTokens(srv, login, p.logText())
}

// TestOAuthRevokedGrant: the applicant revokes lorkeeper's access (or
// changes their password); the daemon reports one plain, actionable
// problem and does not hammer the token server; `check` says the same.
func TestOAuthRevokedGrant(t *testing.T) {
	w, srv := oauthWorld(t, "device", "xoauth2")
	login := w.deviceLogin(srv)
	p := w.start()
	p.waitLog(t, 20*time.Second, "watching mailbox")
	srv.Revoke(w.applicant)
	stk.control(t, "kick", w.applicant)
	const problem = "sign-in at " // + the server + " expired — run `lorkeeper login`"
	p.waitLog(t, 30*time.Second, "expired — run `lorkeeper login`")
	if !strings.Contains(p.logText(), problem) {
		t.Errorf("log:\n%s", p.logText())
	}
	n := srv.Requests("refresh_token")
	out, err := w.lkErr("check")
	if err == nil || !strings.Contains(out, "expired — run `lorkeeper login`") {
		t.Errorf("check after revocation: %v\n%s", err, out)
	}
	// The daemon waits (a refused login) instead of retrying at once.
	if strings.Count(p.logText(), "retry_in=") > 0 && !strings.Contains(p.logText(), "retry_in=1m") {
		t.Errorf("retry after a dead grant sooner than a minute:\n%s", p.logText())
	}
	if got := srv.Requests("refresh_token") - n; got > 1 {
		t.Errorf("%d refresh attempts for one check", got)
	}
	w.noTokens(srv, login, p.logText(), out)
}
