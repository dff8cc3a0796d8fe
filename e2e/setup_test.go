package e2e

import (
	"bytes"
	"io"
	"log/slog"
	"mime/multipart"
	"net/http"
	"net/http/httptest"
	"net/url"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/lorkeeper/lorkeeper/secrets"
	"github.com/lorkeeper/lorkeeper/websetup"
)

// TestSetupAgainstDovecot: the setup pages, from an empty folder, check
// the login on the real Dovecot and Postfix, write the file; `check`
// passes on it (both logins) and `run --once` drafts the first emails.
func TestSetupAgainstDovecot(t *testing.T) {
	w := newWorld(t)
	path := filepath.Join(w.dir, "new", "lorkeeper.toml")
	s, err := websetup.New(websetup.Options{Path: path, Now: time.Now, Zone: "America/New_York",
		Secrets: func(state, _ string, log *slog.Logger) *secrets.Store {
			return secrets.New(secrets.FileFor(state), secrets.File, nil, log)
		}})
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(s)
	defer srv.Close()
	base := srv.URL + s.Path()
	post := func(page string, vals url.Values) (string, string) {
		t.Helper()
		resp, err := http.PostForm(base+page, vals)
		if err != nil {
			t.Fatal(err)
		}
		defer resp.Body.Close()
		b, _ := io.ReadAll(resp.Body)
		return resp.Request.URL.Path, string(b)
	}
	post("you", url.Values{"name": {"Amara Okafor"}, "email": {w.applicant}, "aamc_id": {"14598237"},
		"specialty": {"Diagnostic Radiology"}, "background": {"non-US citizen IMG"},
		"deadline": {time.Now().AddDate(0, 4, 0).Format("2006-01-02")}, "timezone": {"America/New_York"}})
	servers := url.Values{"imap_host": {"127.0.0.1"}, "imap_port": {strconv.Itoa(stk.imap)}, "imap_security": {"none"},
		"smtp_host": {"127.0.0.1"}, "smtp_port": {strconv.Itoa(stk.submission)}, "smtp_security": {"none"}}
	servers.Set("password", "wrong-password")
	if at, page := post("mailbox", servers); !strings.HasSuffix(at, "/mailbox") || !strings.Contains(page, "refused this password") {
		t.Fatalf("Dovecot refused the wrong password, and the page says: at %s\n%s", at, page)
	}
	servers.Set("password", stk.password)
	if at, page := post("mailbox", servers); !strings.HasSuffix(at, "/documents") {
		t.Fatalf("the login check on Dovecot and Postfix: at %s\n%s", at, page)
	}
	var body bytes.Buffer
	mw := multipart.NewWriter(&body)
	for _, field := range []string{"cv", "personal_statement"} {
		f, _ := mw.CreateFormFile(field, field+".pdf")
		f.Write([]byte("%PDF-1.4 " + field))
	}
	mw.Close()
	resp, err := http.Post(base+"documents", mw.FormDataContentType(), &body)
	if err != nil {
		t.Fatal(err)
	}
	resp.Body.Close()
	start, end := time.Now().AddDate(0, -2, 0).Format("2006-01-02"), time.Now().AddDate(0, -1, 0).Format("2006-01-02")
	post("writers", url.Values{"name": {"Dr. Jane Smith"}, "email": {w.writers["smith"]}, "us": {"on"}, "radiologist": {"on"},
		"experience": {"CT chest rotation"}, "start": {start}, "end": {end}, "next": {"1"}})
	if at, page := post("review", nil); !strings.HasSuffix(at, "/done") {
		t.Fatalf("writing: at %s\n%s", at, page)
	}

	w.cfg = path
	if out := w.lk("check"); !strings.Contains(out, "ok    imap") || !strings.Contains(out, "ok    smtp") {
		t.Errorf("check on the file setup wrote:\n%s", out)
	}
	w.lk("run", "--once")
	if ds := w.drafts(); len(ds) != 1 || ds[0].Writer != "smith" {
		t.Errorf("drafts after run --once: %+v", ds)
	}
}
