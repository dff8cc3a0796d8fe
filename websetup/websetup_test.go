package websetup_test

import (
	"io"
	"log/slog"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/lorkeeper/lorkeeper/config"
	"github.com/lorkeeper/lorkeeper/internal/setuptest"
	"github.com/lorkeeper/lorkeeper/memmail"
	"github.com/lorkeeper/lorkeeper/secrets"
	"github.com/lorkeeper/lorkeeper/websetup"
)

const (
	applicant = "amara@inbox.test"
	password  = "app-pass word 42"
)

var today = time.Date(2027, 6, 1, 14, 0, 0, 0, time.UTC)

// fileSecrets keeps the password in the file beside the state, never in
// the OS keyring of the machine running the tests.
func fileSecrets(state, _ string, log *slog.Logger) *secrets.Store {
	return secrets.New(secrets.FileFor(state), secrets.File, nil, log)
}

type fixture struct {
	setuptest.Pages
	t    *testing.T
	sys  *memmail.System
	s    *websetup.Setup
	url  string // the first page, with the secret
	dir  string
	path string
}

// newFixture starts mail servers with the applicant's mailbox and the
// setup pages for an empty folder.
func newFixture(t *testing.T) *fixture {
	t.Helper()
	sys, err := memmail.Start(memmail.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { sys.Close() })
	if err := sys.AddUser(applicant, password); err != nil {
		t.Fatal(err)
	}
	dir := t.TempDir()
	path := filepath.Join(dir, "lorkeeper.toml")
	s, err := websetup.New(websetup.Options{Path: path, Zone: "America/New_York", Now: func() time.Time { return today },
		Secrets: fileSecrets})
	if err != nil {
		t.Fatal(err)
	}
	srv := httptest.NewServer(s)
	t.Cleanup(srv.Close)
	u := srv.URL + s.Path()
	return &fixture{Pages: setuptest.Pages{T: t, Base: u}, t: t, sys: sys, s: s, url: u, dir: dir, path: path}
}

// you answers the first page as the applicant, with an address at
// another provider when email is given.
func (f *fixture) you(email ...string) {
	f.t.Helper()
	addr := applicant
	if len(email) > 0 {
		addr = email[0]
	}
	if at, page := f.Post("you", setuptest.You(addr, "2027-09-15")); !strings.HasSuffix(at, "/mailbox") {
		f.t.Fatalf("after the first page: %s\n%s", at, page)
	}
}

func (f *fixture) servers(pw string) url.Values {
	return setuptest.Servers(f.sys.IMAPAddr(), f.sys.SMTPAddr(), pw)
}

func (f *fixture) documents() string { return f.Documents("Amara CV.pdf", "statement.pdf") }

func writer(name, email string) url.Values {
	return setuptest.Writer(name, email, "2027-02-01", "2027-03-01")
}

// TestWithoutTheSecretNothing: another page on this computer (or a site
// the browser visits) cannot read or post the setup.
func TestWithoutTheSecretNothing(t *testing.T) {
	f := newFixture(t)
	base := strings.TrimSuffix(f.url, f.s.Path())
	for _, u := range []string{base + "/", base + "/you", base + "/0123456789abcdef0123456789abcdef/you"} {
		resp, err := http.PostForm(u, url.Values{"name": {"Mallory"}})
		if err != nil {
			t.Fatal(err)
		}
		b, _ := io.ReadAll(resp.Body)
		resp.Body.Close()
		if resp.StatusCode != http.StatusForbidden || !strings.Contains(string(b), "This page is private") {
			t.Errorf("%s: %d\n%s", u, resp.StatusCode, b)
		}
	}
}

// TestBadAnswersSayWhatToWrite: each answer that will not do gets a
// sentence beside it, and what was typed stays.
func TestBadAnswersSayWhatToWrite(t *testing.T) {
	f := newFixture(t)
	at, page := f.Post("you", url.Values{"name": {"Amara Okafor"}, "email": {"amara at inbox"}, "aamc_id": {"12ab"},
		"specialty": {"Diagnostic Radiology"}, "deadline": {"2027-02-30"}, "timezone": {"New York"}})
	if !strings.HasSuffix(at, "/you") {
		t.Fatalf("bad answers went on to %s", at)
	}
	for _, want := range []string{"That is not an email address like name@example.org.", "An AAMC ID is a number of 8 digits",
		"the date as year-month-day, like 2027-09-01", "is not a time zone name", `value="Amara Okafor"`, `value="amara at inbox"`} {
		if !strings.Contains(page, want) {
			t.Errorf("the page lacks %q", want)
		}
	}
	// A page further on is not reached before this one is answered.
	if at, _ := f.Post("writers", writer("Dr. Jane Smith", "jsmith@hospital.test")); !strings.HasSuffix(at, "/you") {
		t.Errorf("the writers page before the first: %s", at)
	}
}

// TestLoginIsChecked: a wrong password is refused in a sentence, without
// the password in the page; the right one goes on.
func TestLoginIsChecked(t *testing.T) {
	f := newFixture(t)
	f.you()
	at, page := f.Post("mailbox", f.servers("wrong-secret-9"))
	if !strings.HasSuffix(at, "/mailbox") || !strings.Contains(page, "Your mail server refused this password for "+applicant) {
		t.Fatalf("a wrong password: at %s\n%s", at, page)
	}
	if strings.Contains(page, "wrong-secret-9") {
		t.Error("the page shows the password typed")
	}
	at, page = f.Post("mailbox", f.servers(password))
	if !strings.HasSuffix(at, "/documents") {
		t.Fatalf("the right password: at %s\n%s", at, page)
	}
}

// TestSetupWritesWhatCheckLoads goes through every page and checks the
// file: it loads, it is commented, it has the writers, the password is
// not in it but kept, and every file is private.
func TestSetupWritesWhatCheckLoads(t *testing.T) {
	f := newFixture(t)
	f.you()
	f.Post("mailbox", f.servers(password))
	if at := f.documents(); !strings.HasSuffix(at, "/writers") {
		t.Fatalf("after the documents: %s", at)
	}
	_, page := f.Post("writers", writer("Dr. Jane Smith", "jsmith@hospital.test"))
	if !strings.Contains(page, "Dr. Jane Smith") || !strings.Contains(page, "Your letter mix so far") {
		t.Errorf("the writers page after one:\n%s", page)
	}
	if _, page := f.Post("writers", writer("Dr. Jane Smith Jr", "jsmith@hospital.test")); !strings.Contains(page, "is already Dr. Jane Smith&#39;s address") {
		t.Errorf("a second writer with the same address:\n%s", page)
	}
	second := writer("Dr. Priya Patel", "ppatel@hospital.test")
	second.Set("next", "1")
	if at, _ := f.Post("writers", second); !strings.HasSuffix(at, "/review") {
		t.Fatalf("after the last writer: %s", at)
	}
	at, page := f.Post("review", nil)
	if !strings.HasSuffix(at, "/done") || !strings.Contains(page, "lorkeeper is set up") || !strings.Contains(page, "<code>lorkeeper check</code> tests the mailbox") {
		t.Fatalf("after writing: %s\n%s", at, page)
	}
	select {
	case <-f.s.Done():
	default:
		t.Error("Done is not closed after the file was written")
	}

	text, err := os.ReadFile(f.path)
	if err != nil {
		t.Fatal(err)
	}
	if strings.Contains(string(text), password) {
		t.Error("the password is in the config file")
	}
	if !strings.HasPrefix(string(text), "# Written by `lorkeeper setup`") {
		t.Errorf("the file does not say where it came from:\n%s", text[:min(len(text), 200)])
	}
	cfg, err := config.Load(f.path)
	if err != nil {
		t.Fatalf("the file written does not load: %v", err)
	}
	if len(cfg.Writers) != 2 || cfg.Writers[0].ID == "" || cfg.Writers[1].Name != "Dr. Priya Patel" || !cfg.IMAP.PasswordKeyring {
		t.Errorf("loaded: %+v", cfg.Writers)
	}
	if cfg.Dashboard.Port != 8765 || cfg.Applicant.Cycle != "ERAS 2028" {
		t.Errorf("dashboard port %d, cycle %q: want the dashboard on, and the cycle of a September 2027 deadline", cfg.Dashboard.Port, cfg.Applicant.Cycle)
	}
	kept, err := fileSecrets(cfg.State, "", nil).Get(config.PasswordKey(applicant))
	if err != nil || kept != password {
		t.Errorf("password kept: %q, %v", kept, err)
	}
	for _, p := range []string{f.path, filepath.Join(f.dir, "documents", "Amara CV.pdf"), filepath.Join(f.dir, "documents", "statement.pdf"), secrets.FileFor(cfg.State)} {
		if st, err := os.Stat(p); err != nil || st.Mode().Perm() != 0o600 {
			t.Errorf("%s: %v %v, want mode 0600", p, st.Mode(), err)
		}
	}
	// Every page now leads to the last.
	if at, _ := f.Post("you", url.Values{"name": {"X"}}); !strings.HasSuffix(at, "/done") {
		t.Errorf("after writing, the first page answered at %s", at)
	}
}

// TestNeverWritesOverAFile: a config that appeared meanwhile is kept,
// and the page says what to do.
func TestNeverWritesOverAFile(t *testing.T) {
	f := newFixture(t)
	f.you()
	f.Post("mailbox", f.servers(password))
	f.documents()
	w := writer("Dr. Jane Smith", "jsmith@hospital.test")
	w.Set("next", "1")
	f.Post("writers", w)
	if err := os.WriteFile(f.path, []byte("# mine\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	at, page := f.Post("review", nil)
	if !strings.HasSuffix(at, "/review") || !strings.Contains(page, "exists already") {
		t.Errorf("at %s\n%s", at, page)
	}
	if b, _ := os.ReadFile(f.path); string(b) != "# mine\n" {
		t.Errorf("the file was written over: %q", b)
	}
}

// TestMicrosoftSignInIsForLogin: an Outlook.com address asks for the
// OAuth client, not a password, and the last page says to run
// `lorkeeper login`.
func TestMicrosoftSignInIsForLogin(t *testing.T) {
	f := newFixture(t)
	f.you("amara.okafor@outlook.com")
	if page := f.Get("mailbox"); !strings.Contains(page, "Outlook.com address") || !strings.Contains(page, "Client ID") || strings.Contains(page, `id="password"`) {
		t.Fatalf("the Outlook mailbox page:\n%s", page)
	}
	if at, page := f.Post("mailbox", url.Values{"signin": {"oauth2"}, "client_id": {"0a1b2c3d-client"}}); !strings.HasSuffix(at, "/documents") {
		t.Fatalf("at %s\n%s", at, page)
	}
	f.documents()
	w := writer("Dr. Jane Smith", "jsmith@hospital.test")
	w.Set("next", "1")
	f.Post("writers", w)
	if _, page := f.Post("review", nil); !strings.Contains(page, "<code>lorkeeper login</code> signs you in with Microsoft") {
		t.Errorf("the last page:\n%s", page)
	}
	cfg, err := config.Load(f.path)
	if err != nil {
		t.Fatal(err)
	}
	if cfg.IMAP.Auth != "oauth2" || cfg.OAuth.ClientID != "0a1b2c3d-client" || cfg.Provider != "outlook" {
		t.Errorf("auth %q, client %q, provider %q", cfg.IMAP.Auth, cfg.OAuth.ClientID, cfg.Provider)
	}
}

// A Gmail address: lorkeeper knows the servers, and the page says which
// password to make and where.
func TestGmailSaysWhichPassword(t *testing.T) {
	f := newFixture(t)
	f.you("amara.okafor@gmail.com")
	page := f.Get("mailbox")
	for _, want := range []string{"is a Gmail address: lorkeeper knows its mail servers", "https://myaccount.google.com/apppasswords",
		"2-Step Verification", `id="password"`} {
		if !strings.Contains(page, want) {
			t.Errorf("the Gmail mailbox page lacks %q", want)
		}
	}
	if strings.Contains(page, `id="imap_host"`) {
		t.Error("the Gmail page asks for the servers")
	}
	// Google sign-in instead: the client, no password, and no login check.
	if at, page := f.Post("mailbox", url.Values{"signin": {"oauth2"}, "client_id": {"123.apps.googleusercontent.com"}}); !strings.Contains(page, "Please answer this one") || !strings.HasSuffix(at, "/mailbox") {
		t.Errorf("Google sign-in without its client secret: at %s", at)
	}
	if at, _ := f.Post("mailbox", url.Values{"signin": {"oauth2"}, "client_id": {"123.apps.googleusercontent.com"}, "client_secret": {"shh"}}); !strings.HasSuffix(at, "/documents") {
		t.Errorf("Google sign-in with its client: at %s", at)
	}
}
