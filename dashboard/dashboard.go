// Package dashboard is lorkeeper's local web page for one applicant:
// whether lorkeeper is running and working, the board of letters, the
// drafts to review (with an editor and Approve and Discard, beside the
// writer's message they answer), the flagged replies to decide on, and
// each letter's history, with the applicant's corrections (set the
// state, correct a reply, undo).
//
// It is server-rendered HTML (html/template) with no JavaScript, served on
// 127.0.0.1 only. Every request needs the secret token of the start-up
// link, which the browser then keeps as an HttpOnly, SameSite=Strict
// cookie; every state-changing request is a POST from one of the
// dashboard's own forms and carries a CSRF token. The dashboard acts only
// through the Keeper, so it follows the same rules as the command line:
// approving marks a draft approved, and the daemon's outbox sends it.
package dashboard

import (
	"bytes"
	"embed"
	"encoding/base64"
	"errors"
	"html/template"
	"io/fs"
	"log/slog"
	"net/http"
	"strings"
	"time"

	"github.com/lorkeeper/lorkeeper/keeper"
	"github.com/lorkeeper/lorkeeper/letters"
	"github.com/lorkeeper/lorkeeper/store"
)

//go:embed templates/*.html
var templateFS embed.FS

//go:embed static
var staticFS embed.FS

// Server serves one applicant's dashboard. It keeps no state of its own
// besides its keys and parsed templates, so it is safe for concurrent use.
type Server struct {
	k      *keeper.Keeper
	keys   keys
	log    *slog.Logger
	pages  map[string]*template.Template
	origin *http.CrossOriginProtection
}

// New returns the dashboard of k. token is the secret from the start-up
// link (see LoadToken); log is where it logs.
func New(k *keeper.Keeper, token string, log *slog.Logger) *Server {
	if log == nil {
		log = slog.New(slog.DiscardHandler)
	}
	return &Server{k: k, keys: deriveKeys(token), log: log, pages: parsePages(),
		origin: http.NewCrossOriginProtection()}
}

// pageNames are the templates in templates/, each a page rendered inside
// layout.html; the parts (part-*.html) are shared by every page.
var pageNames = []string{"board", "draft", "flag", "writer", "assign", "error"}

// parsePages parses every page with the layout. The templates are embedded,
// so a parse error is a bug of this package: it panics.
func parsePages() map[string]*template.Template {
	base := template.Must(template.New("layout.html").Funcs(funcs).ParseFS(templateFS, "templates/layout.html", "templates/part-*.html"))
	pages := make(map[string]*template.Template, len(pageNames))
	for _, n := range pageNames {
		pages[n] = template.Must(template.Must(base.Clone()).ParseFS(templateFS, "templates/"+n+".html"))
	}
	return pages
}

// Handler returns the dashboard's routes:
//
//	GET  /                          the board of letters
//	GET  /drafts/{id}               one draft, as it will be sent, with its editor
//	POST /drafts/{id}/edit          save the edited subject and body
//	POST /drafts/{id}/approve       approve (saving an edit sent along first)
//	POST /drafts/{id}/discard       discard
//	POST /drafts/{id}/sent          a held draft did arrive (MarkSent)
//	POST /drafts/{id}/send-again    send a held draft once more (SendAgain)
//	GET  /flags/{writer}            a flagged reply, with the decision to make
//	POST /flags/{writer}/resolve    decide after any reply: decision=keep|replace|drop
//	GET  /writers/{writer}          a letter's history and conversation, and its corrections
//	POST /writers/{writer}/set      put the letter in a state: state=...
//	POST /writers/{writer}/correct  re-label the latest reply: kind=...
//	POST /writers/{writer}/undo     take back the applicant's last change
//	POST /writers/{writer}/uploaded the letter is in MyERAS (confirms an upload notice)
//	GET  /static/...                the style sheet and icons (public)
//
// Every other route needs the token or the session cookie, and only
// requests whose Host is the loopback interface are served.
func (s *Server) Handler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc("GET /{$}", s.board)
	mux.HandleFunc("GET /drafts/{id}", s.draft)
	mux.HandleFunc("POST /drafts/{id}/edit", s.edit)
	mux.HandleFunc("POST /drafts/{id}/approve", s.approve)
	mux.HandleFunc("POST /drafts/{id}/discard", s.discard)
	mux.HandleFunc("GET /drafts/{id}/attachments/{n}", s.attachmentFile)
	mux.HandleFunc("GET /assign", s.assign)
	mux.HandleFunc("GET /flags/{writer}", s.flag)
	mux.HandleFunc("POST /flags/{writer}/resolve", s.resolve)
	mux.HandleFunc("POST /drafts/{id}/sent", s.markSent)
	mux.HandleFunc("POST /drafts/{id}/send-again", s.sendAgain)
	mux.HandleFunc("GET /writers/{writer}", s.writer)
	mux.HandleFunc("POST /writers/{writer}/set", s.setState)
	mux.HandleFunc("POST /writers/{writer}/correct", s.correct)
	mux.HandleFunc("POST /writers/{writer}/undo", s.undo)
	mux.HandleFunc("POST /writers/{writer}/uploaded", s.markUploaded)
	mux.HandleFunc("POST /writers/{writer}/not-uploaded", s.dismissClaim)
	mux.HandleFunc("POST /letters/{letter}/assigned", s.markAssigned)
	mux.HandleFunc("/", func(w http.ResponseWriter, r *http.Request) {
		s.fail(w, r, http.StatusNotFound, "There is no such page. Go back to your letters.", nil)
	})
	static, _ := fs.Sub(staticFS, "static")
	files := http.StripPrefix("/static/", http.FileServerFS(static))

	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		h := w.Header()
		h.Set("Content-Security-Policy", "default-src 'none'; style-src 'self'; img-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'")
		h.Set("X-Content-Type-Options", "nosniff")
		h.Set("Referrer-Policy", "no-referrer")
		h.Set("X-Frame-Options", "DENY")
		if !localHost(r) {
			s.log.Warn("dashboard: request for another host refused", "host", r.Host)
			s.denied(w, r, "This dashboard only answers at http://127.0.0.1.")
			return
		}
		if strings.HasPrefix(r.URL.Path, "/static/") && !strings.HasSuffix(r.URL.Path, "/") &&
			(r.Method == http.MethodGet || r.Method == http.MethodHead) {
			h.Set("Cache-Control", "no-cache")
			files.ServeHTTP(w, r)
			return
		}
		h.Set("Cache-Control", "no-store")
		if !s.authorize(w, r) {
			return
		}
		if r.Method != http.MethodGet && r.Method != http.MethodHead && !s.checkCSRF(w, r) {
			return
		}
		mux.ServeHTTP(w, r)
	})
}

// page is what every page's template gets.
type page struct {
	Title     string
	Applicant string
	CSRF      string
	Flash     string
	Nav       string // "board", or "" on other pages
	Status    int
}

func (s *Server) newPage(w http.ResponseWriter, r *http.Request, title string) page {
	return page{Title: title, Applicant: s.k.Config().Applicant.Name, CSRF: s.keys.csrf,
		Flash: s.takeFlash(w, r)}
}

// render writes page name with data. It renders into a buffer first, so a
// template error shows the error page and never half a page.
func (s *Server) render(w http.ResponseWriter, r *http.Request, status int, name string, data any) {
	var b bytes.Buffer
	if err := s.pages[name].ExecuteTemplate(&b, "layout.html", data); err != nil {
		s.log.Error("dashboard: render page", "page", name, "err", err)
		if name != "error" {
			s.fail(w, r, http.StatusInternalServerError, "This page could not be shown because of a bug in lorkeeper. The details are in lorkeeper's log.", nil)
			return
		}
		http.Error(w, "lorkeeper could not show this page; the details are in its log.", http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.WriteHeader(status)
	w.Write(b.Bytes())
}

// errorPage is the error template's data.
type errorPage struct {
	page
	Message string
	Private bool // the visitor is not signed in: no links into the dashboard
}

// fail shows msg, a plain sentence, as the page, with status, and logs err
// (if not nil) with the request.
func (s *Server) fail(w http.ResponseWriter, r *http.Request, status int, msg string, err error) {
	if err != nil {
		lvl := slog.LevelWarn
		if status >= 500 {
			lvl = slog.LevelError
		}
		s.log.Log(r.Context(), lvl, "dashboard: "+strings.TrimSuffix(msg, "."), "method", r.Method, "path", r.URL.Path, "status", status, "err", err)
	}
	p := errorPage{page: page{Title: http.StatusText(status), Applicant: s.k.Config().Applicant.Name, Status: status}, Message: msg}
	s.render(w, r, status, "error", p)
}

// denied refuses a request (403) with msg, showing nothing of the
// applicant.
func (s *Server) denied(w http.ResponseWriter, r *http.Request, msg string) {
	p := errorPage{page: page{Title: "Not allowed", Status: http.StatusForbidden}, Message: msg, Private: true}
	s.render(w, r, http.StatusForbidden, "error", p)
}

// redirect answers a form with a redirect to path, showing flash there.
func (s *Server) redirect(w http.ResponseWriter, r *http.Request, path, flash string) {
	if flash != "" {
		http.SetCookie(w, &http.Cookie{Name: s.keys.flash, Value: base64.RawURLEncoding.EncodeToString([]byte(flash)),
			Path: "/", MaxAge: 120, HttpOnly: true, SameSite: http.SameSiteStrictMode})
	}
	http.Redirect(w, r, path, http.StatusSeeOther)
}

// takeFlash returns the message left by the last redirect, and clears it.
func (s *Server) takeFlash(w http.ResponseWriter, r *http.Request) string {
	c, err := r.Cookie(s.keys.flash)
	if err != nil {
		return ""
	}
	http.SetCookie(w, &http.Cookie{Name: s.keys.flash, Path: "/", MaxAge: -1, HttpOnly: true, SameSite: http.SameSiteStrictMode})
	b, err := base64.RawURLEncoding.DecodeString(c.Value)
	if err != nil || len(b) > 1000 {
		return ""
	}
	return string(b)
}

// statusOf is the HTTP status of an error from the keeper.
func statusOf(err error) int {
	var nf letters.ErrNotFlagged
	switch {
	case errors.Is(err, store.ErrNotFound), errors.Is(err, keeper.ErrUnknownWriter):
		return http.StatusNotFound
	case errors.As(err, &nf):
		return http.StatusConflict
	}
	return http.StatusInternalServerError
}

// sentence makes an error's text end a sentence: "Could not X: " + sentence(err).
func sentence(err error) string {
	m := strings.TrimSpace(err.Error())
	if !strings.HasSuffix(m, ".") {
		m += "."
	}
	return m
}

// location is the applicant's time zone.
func (s *Server) location() *time.Location {
	if loc := s.k.Config().Applicant.Location; loc != nil {
		return loc
	}
	return time.UTC
}
