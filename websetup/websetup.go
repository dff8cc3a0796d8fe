// Package websetup is the first-run setup in the browser (`lorkeeper
// setup`): the questions of `lorkeeper init` on local web pages — you,
// your mailbox (with a live login check), your CV and personal
// statement, your writers with the letter-mix advice — and then the
// config file, written as init writes it.
//
// The pages are for one person on this computer: they are served on
// loopback under a random path only the printed address knows, and keep
// the answers in memory until the file is written.
package websetup

import (
	"context"
	"crypto/rand"
	"crypto/subtle"
	"embed"
	"encoding/hex"
	"fmt"
	"html/template"
	"log/slog"
	"net"
	"net/http"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/lorkeeper/lorkeeper/config"
	"github.com/lorkeeper/lorkeeper/secrets"
)

//go:embed pages/*.html
var pageFS embed.FS

// Options configure a Setup.
type Options struct {
	// Path is the config file to write (absolute); the documents go in
	// a folder beside it.
	Path string
	// Zone is the time zone to suggest ("" when unknown).
	Zone string
	// Now is the current time (nil: time.Now).
	Now func() time.Time
	// Secrets opens the store an app password is kept in, for the state
	// file of the config about to be written (nil: secrets.Open, the OS
	// keyring or the file beside the state).
	Secrets func(statePath, mode string, log *slog.Logger) *secrets.Store
	Log     *slog.Logger
	// Runs says lorkeeper goes on running on the file once it is
	// written (`run` started the setup): the last page says so instead
	// of how to start it.
	Runs bool
}

// Setup is the setup pages' handler and the answers given so far. It is
// safe for concurrent use.
type Setup struct {
	opts  Options
	dir   string
	token string
	pages map[string]*template.Template

	mu       sync.Mutex
	cfg      config.Config
	you      bool   // the first page is done
	mailbox  bool   // the mailbox is set (and its login checked)
	password string // the app password to keep; never written to the file
	docs     bool
	result   *Result
	written  chan struct{} // closed when the file is written
	done     chan struct{} // closed once the last page was shown, or a while after writing
	doneOnce sync.Once
}

// Result is what the setup wrote.
type Result struct {
	Path string
	// PasswordIn says where the app password is kept ("" when none).
	PasswordIn string
	// Login names the provider to sign in with (`lorkeeper login`), or "".
	Login string
	// Runs: lorkeeper runs on the file now (Options.Runs, and no sign-in
	// is needed first).
	Runs bool
}

// New returns the setup for opts.Path. It does no I/O.
func New(opts Options) (*Setup, error) {
	if opts.Now == nil {
		opts.Now = time.Now
	}
	if opts.Secrets == nil {
		opts.Secrets = secrets.Open
	}
	if opts.Log == nil {
		opts.Log = slog.New(slog.DiscardHandler)
	}
	b := make([]byte, 16)
	if _, err := rand.Read(b); err != nil {
		return nil, fmt.Errorf("setup: %w", err)
	}
	s := &Setup{opts: opts, dir: filepath.Dir(opts.Path), token: hex.EncodeToString(b),
		written: make(chan struct{}), done: make(chan struct{}),
		pages: map[string]*template.Template{}}
	s.cfg.State = "lorkeeper.db"
	for _, name := range []string{"you", "mailbox", "documents", "writers", "review", "done", "private"} {
		t, err := template.ParseFS(pageFS, "pages/layout.html", "pages/"+name+".html")
		if err != nil {
			return nil, fmt.Errorf("setup: page %s: %w", name, err)
		}
		s.pages[name] = t
	}
	return s, nil
}

// Done is closed once the config file is written and the page saying
// so was shown (or, should the browser not ask for it, 10 seconds after
// the file was written).
func (s *Setup) Done() <-chan struct{} { return s.done }

func (s *Setup) finish() { s.doneOnce.Do(func() { close(s.done) }) }

// Result is what was written; nil before Done is closed.
func (s *Setup) Result() *Result {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.result
}

// Path is the path of the first page, with the secret the pages need.
func (s *Setup) Path() string { return "/" + s.token + "/" }

// Serve serves the pages on ln until ctx ends or Done is closed. It
// blocks; it closes ln.
func (s *Setup) Serve(ctx context.Context, ln net.Listener) error {
	srv := &http.Server{Handler: s, ReadHeaderTimeout: 10 * time.Second}
	errc := make(chan error, 1)
	go func() { errc <- srv.Serve(ln) }()
	go func() {
		select {
		case <-s.written:
		case <-ctx.Done():
			return
		}
		t := time.NewTimer(10 * time.Second)
		defer t.Stop()
		select {
		case <-t.C:
			s.finish()
		case <-s.done:
		case <-ctx.Done():
		}
	}()
	select {
	case <-ctx.Done():
	case <-s.done:
	case err := <-errc:
		return fmt.Errorf("setup: %w", err)
	}
	sctx, cancel := context.WithTimeout(context.WithoutCancel(ctx), 5*time.Second)
	defer cancel()
	if err := srv.Shutdown(sctx); err != nil {
		srv.Close()
	}
	return nil
}

// ServeHTTP routes /TOKEN/PAGE; anything else gets a page saying it is
// private.
func (s *Setup) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	rest, ok := strings.CutPrefix(r.URL.Path, "/")
	tok, page, _ := strings.Cut(rest, "/")
	if !ok || subtle.ConstantTimeCompare([]byte(tok), []byte(s.token)) != 1 {
		w.WriteHeader(http.StatusForbidden)
		s.render(w, "private", nil)
		return
	}
	w.Header().Set("Cache-Control", "no-store")
	w.Header().Set("Referrer-Policy", "no-referrer")
	s.mu.Lock()
	defer s.mu.Unlock()
	if page == "" {
		page = "you"
	}
	if need := s.firstMissing(page); need != "" {
		http.Redirect(w, r, s.Path()+need, http.StatusSeeOther)
		return
	}
	h, ok := map[string]func(http.ResponseWriter, *http.Request){
		"you": s.youPage, "mailbox": s.mailboxPage, "documents": s.documentsPage,
		"writers": s.writersPage, "review": s.reviewPage, "done": s.donePage,
	}[page]
	if !ok {
		http.NotFound(w, r)
		return
	}
	if r.Method != http.MethodGet && r.Method != http.MethodPost {
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	h(w, r)
}

// firstMissing returns the first page still to answer before page, or
// "". Once the file is written, only the last page is left.
func (s *Setup) firstMissing(page string) string {
	if s.result != nil {
		if page != "done" {
			return "done"
		}
		return ""
	}
	steps := []struct {
		page string
		done bool
	}{{"you", s.you}, {"mailbox", s.mailbox}, {"documents", s.docs}, {"writers", len(s.cfg.Writers) > 0}, {"review", false}}
	for _, st := range steps {
		if st.page == page {
			return ""
		}
		if !st.done {
			return st.page
		}
	}
	return "review" // done before the file is written
}

// view is what every page gets.
type view struct {
	Base   string
	Step   int
	Title  string
	Errors map[string]string
	Form   map[string]string
	Data   any
}

func (v view) Err(field string) string { return v.Errors[field] }
func (v view) Val(field string) string { return v.Form[field] }

func (s *Setup) render(w http.ResponseWriter, name string, v *view) {
	if v == nil {
		v = &view{}
	}
	v.Base = s.Path()
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	if err := s.pages[name].Execute(w, v); err != nil {
		s.opts.Log.Error("setup page", "page", name, "err", err)
	}
}

// errs collects the problems of a form, one plain sentence per field.
type errs map[string]string

func (e errs) check(field string, f func(string) (string, error), value string) string {
	v, err := f(strings.TrimSpace(value))
	if err != nil {
		e[field] = err.Error()
	}
	return v
}

func form(r *http.Request, fields ...string) map[string]string {
	m := map[string]string{}
	for _, f := range fields {
		m[f] = strings.TrimSpace(r.PostFormValue(f))
	}
	return m
}

func (s *Setup) next(w http.ResponseWriter, r *http.Request, page string) {
	http.Redirect(w, r, s.Path()+page, http.StatusSeeOther)
}
