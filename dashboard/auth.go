package dashboard

import (
	"crypto/hmac"
	"crypto/rand"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/base64"
	"encoding/hex"
	"errors"
	"fmt"
	"io/fs"
	"net"
	"net/http"
	"os"
	"path/filepath"
	"strings"
)

// keys are the secrets derived from the start-up token. The token itself
// only ever travels in the start-up link; the browser keeps a session
// cookie derived from it, and forms carry a CSRF token derived from it, so
// neither can be turned back into the token. All are stable across
// restarts of the daemon, as long as the token file stays.
type keys struct {
	token   string
	session string // the session cookie's value
	csrf    string // the hidden field of every form
	cookie  string // the session cookie's name
	flash   string // the flash cookie's name
}

// Cookie names carry a digest of the token: cookies are not kept apart by
// port, so an adviser's dashboards on 127.0.0.1:8001 and :8002 must not
// overwrite each other's cookies.
func deriveKeys(token string) keys {
	mac := func(label string) []byte {
		h := hmac.New(sha256.New, []byte(token))
		h.Write([]byte("lorkeeper dashboard " + label))
		return h.Sum(nil)
	}
	id := hex.EncodeToString(mac("cookie name"))[:12]
	return keys{
		token:   token,
		session: base64.RawURLEncoding.EncodeToString(mac("session")),
		csrf:    base64.RawURLEncoding.EncodeToString(mac("csrf")),
		cookie:  "lorkeeper_" + id,
		flash:   "lorkeeper_flash_" + id,
	}
}

// equal compares secrets in constant time.
func equal(a, b string) bool {
	return subtle.ConstantTimeCompare([]byte(a), []byte(b)) == 1
}

// localHost reports whether the request's Host names the loopback
// interface. A page of another site that rebinds its DNS name to
// 127.0.0.1 sends its own name here, and is refused.
func localHost(r *http.Request) bool {
	host := r.Host
	if h, _, err := net.SplitHostPort(host); err == nil {
		host = h
	}
	host = strings.Trim(host, "[]")
	if strings.EqualFold(host, "localhost") {
		return true
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback()
}

// authorize checks a request's token or session cookie. It reports
// whether the request may go on; when the request carried the token in its
// query, it has answered with the session cookie and a redirect to the
// same page without the token, so the token stays out of the history and
// of Referer headers.
func (s *Server) authorize(w http.ResponseWriter, r *http.Request) bool {
	q := r.URL.Query()
	if q.Has("token") {
		if !equal(q.Get("token"), s.keys.token) {
			s.log.Warn("dashboard: wrong token in link", "remote", r.RemoteAddr)
			s.denied(w, r, "This link's token is not valid. Open the link lorkeeper printed when it started; the token is also stored beside your state file, in the file ending in .token.")
			return false
		}
		http.SetCookie(w, &http.Cookie{Name: s.keys.cookie, Value: s.keys.session, Path: "/",
			HttpOnly: true, SameSite: http.SameSiteStrictMode})
		q.Del("token")
		target := r.URL.EscapedPath()
		if !strings.HasPrefix(target, "/") || strings.HasPrefix(target, "//") || strings.HasPrefix(target, "/\\") {
			target = "/" // never a redirect to another host
		}
		if len(q) > 0 {
			target += "?" + q.Encode()
		}
		http.Redirect(w, r, target, http.StatusSeeOther)
		return false
	}
	if c, err := r.Cookie(s.keys.cookie); err == nil && equal(c.Value, s.keys.session) {
		return true
	}
	s.denied(w, r, "This dashboard is private. Open it with its link, which has a secret part: run `lorkeeper dashboard` on this computer (it prints the link, and opens it on a desktop). After that, this browser remembers it.")
	return false
}

// checkCSRF refuses a state-changing request that did not come from a
// form of this dashboard: it must not be cross-origin, and it must carry
// the form token.
func (s *Server) checkCSRF(w http.ResponseWriter, r *http.Request) bool {
	if err := s.origin.Check(r); err != nil {
		s.log.Warn("dashboard: cross-origin request refused", "method", r.Method, "path", r.URL.Path, "err", err)
		s.denied(w, r, "This request came from another web site, so it was refused. Use the buttons of the dashboard itself.")
		return false
	}
	r.Body = http.MaxBytesReader(w, r.Body, maxForm)
	if err := r.ParseForm(); err != nil {
		s.fail(w, r, http.StatusBadRequest, "The form could not be read. Reload the page and try again.", fmt.Errorf("parse form: %w", err))
		return false
	}
	if !equal(r.PostForm.Get("csrf"), s.keys.csrf) {
		s.log.Warn("dashboard: form without a valid CSRF token refused", "path", r.URL.Path)
		s.denied(w, r, "This form is out of date or did not come from the dashboard, so nothing was changed. Reload the page and try again.")
		return false
	}
	return true
}

// maxForm bounds a form's size; an email body is far smaller.
const maxForm = 1 << 20

// tokenBytes is the size of a new token's randomness.
const tokenBytes = 32

// LoadToken reads the dashboard's token, stored beside the state file in
// statePath + ".token". If the file is missing or empty, it creates a
// random token there, readable by the owner only; if two processes race
// to create it, both end up with the same token. A token file others can
// read is made private.
func LoadToken(statePath string) (string, error) {
	path := statePath + ".token"
	for range 3 {
		tok, err := readToken(path)
		if err == nil && tok != "" {
			return tok, nil
		}
		if err != nil && !errors.Is(err, fs.ErrNotExist) {
			return "", err
		}
		if err := createToken(path, errors.Is(err, fs.ErrNotExist)); err != nil {
			return "", err
		}
	}
	return "", fmt.Errorf("dashboard token %s: the file keeps changing", path)
}

func readToken(path string) (string, error) {
	st, err := os.Stat(path)
	if err != nil {
		return "", fmt.Errorf("read dashboard token: %w", err)
	}
	if st.Mode().Perm()&0o077 != 0 {
		if err := os.Chmod(path, 0o600); err != nil {
			return "", fmt.Errorf("read dashboard token: make it private: %w", err)
		}
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return "", fmt.Errorf("read dashboard token: %w", err)
	}
	return strings.TrimSpace(string(b)), nil
}

// createToken writes a new token to path: through a temporary file and a
// hard link when the file is missing, so a reader never sees it half
// written and a concurrent creator's token wins instead of being
// overwritten; over the file when it is empty.
func createToken(path string, missing bool) error {
	b := make([]byte, tokenBytes)
	if _, err := rand.Read(b); err != nil {
		return fmt.Errorf("create dashboard token: %w", err)
	}
	tok := base64.RawURLEncoding.EncodeToString(b) + "\n"
	if !missing {
		if err := os.WriteFile(path, []byte(tok), 0o600); err != nil {
			return fmt.Errorf("create dashboard token: %w", err)
		}
		return nil
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), ".token-*")
	if err != nil {
		return fmt.Errorf("create dashboard token: %w", err)
	}
	defer os.Remove(tmp.Name())
	_, err = tmp.WriteString(tok)
	if cerr := tmp.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return fmt.Errorf("create dashboard token: %w", err)
	}
	if err := os.Link(tmp.Name(), path); err != nil && !errors.Is(err, fs.ErrExist) {
		return fmt.Errorf("create dashboard token: %w", err)
	}
	return nil
}
