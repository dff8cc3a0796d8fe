package e2e

import (
	"log/slog"
	"net/http/httptest"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/lorkeeper/lorkeeper/internal/setuptest"
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
	pages := setuptest.Pages{T: t, Base: srv.URL + s.Path()}
	day := func(months int) string { return time.Now().AddDate(0, months, 0).Format("2006-01-02") }
	pages.Post("you", setuptest.You(w.applicant, day(4)))
	imap, smtp := "127.0.0.1:"+strconv.Itoa(stk.imap), "127.0.0.1:"+strconv.Itoa(stk.submission)
	if at, page := pages.Post("mailbox", setuptest.Servers(imap, smtp, "wrong-password")); !strings.HasSuffix(at, "/mailbox") || !strings.Contains(page, "refused this password") {
		t.Fatalf("Dovecot refused the wrong password, and the page says: at %s\n%s", at, page)
	}
	if at, page := pages.Post("mailbox", setuptest.Servers(imap, smtp, stk.password)); !strings.HasSuffix(at, "/documents") {
		t.Fatalf("the login check on Dovecot and Postfix: at %s\n%s", at, page)
	}
	pages.Documents("cv.pdf", "personal_statement.pdf")
	wr := setuptest.Writer("Dr. Jane Smith", w.writers["smith"], day(-2), day(-1))
	wr.Set("next", "1")
	pages.Post("writers", wr)
	if at, page := pages.Post("review", nil); !strings.HasSuffix(at, "/done") {
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
