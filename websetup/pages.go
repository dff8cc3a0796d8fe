package websetup

import (
	"context"
	"errors"
	"fmt"
	"io"
	"net/http"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"

	"github.com/lorkeeper/lorkeeper/config"
	"github.com/lorkeeper/lorkeeper/inbox"
	"github.com/lorkeeper/lorkeeper/mailer"
	"github.com/lorkeeper/lorkeeper/setup"
)

func (s *Setup) youPage(w http.ResponseWriter, r *http.Request) {
	a := &s.cfg.Applicant
	f := map[string]string{"name": a.Name, "email": a.Email, "aamc_id": a.AAMCID, "specialty": a.Specialty,
		"cycle": a.Cycle, "timezone": a.Timezone, "deadline": dateString(a.Deadline), "background": a.Background}
	if f["specialty"] == "" {
		f["specialty"] = "Diagnostic Radiology"
	}
	if f["timezone"] == "" {
		f["timezone"] = s.opts.Zone
	}
	if r.Method == http.MethodGet {
		s.render(w, "you", &view{Step: 1, Title: "About you", Form: f})
		return
	}
	f = form(r, "name", "email", "aamc_id", "specialty", "cycle", "timezone", "deadline", "background")
	e := errs{}
	var b config.Applicant
	b.Name = e.check("name", setup.OneLine(true), f["name"])
	b.Email = e.check("email", setup.EmailAddress, f["email"])
	b.AAMCID = e.check("aamc_id", setup.AAMCID, f["aamc_id"])
	b.Specialty = e.check("specialty", setup.OneLine(true), f["specialty"])
	b.Timezone = e.check("timezone", setup.TimeZone, f["timezone"])
	switch f["background"] {
	case "", "US citizen IMG", "non-US citizen IMG":
		b.Background = f["background"]
	default:
		e["background"] = "Please choose one of the answers."
	}
	if d, err := setup.ParseDate(f["deadline"]); err != nil {
		e["deadline"] = err.Error()
	} else if d.Time.Before(s.opts.Now().Truncate(24 * time.Hour)) {
		e["deadline"] = fmt.Sprintf("%s has passed; give the deadline still to come.", f["deadline"])
	} else {
		b.Deadline = d
	}
	b.Cycle = f["cycle"]
	if b.Cycle == "" && !b.Deadline.IsZero() {
		b.Cycle = setup.CycleFor(b.Deadline.Time)
	}
	if len(e) > 0 {
		s.render(w, "you", &view{Step: 1, Title: "About you", Form: f, Errors: e})
		return
	}
	if !strings.EqualFold(a.Email, b.Email) {
		s.mailbox = false // another mailbox: check it again
	}
	b.CV, b.PersonalStatement = a.CV, a.PersonalStatement
	*a = b
	s.you = true
	s.next(w, r, "mailbox")
}

func dateString(d config.Date) string {
	if d.IsZero() {
		return ""
	}
	return d.Format("2006-01-02")
}

// mailboxView is what the mailbox page shows about the provider.
type mailboxView struct {
	Email    string
	Preset   *config.Preset
	Password string // how to get an app password
	OAuth    bool   // the provider offers sign-in with its account
	OAuthBy  string // Google or Microsoft
	OnlyAuth bool   // the provider takes no passwords
}

func (s *Setup) mailboxPage(w http.ResponseWriter, r *http.Request) {
	email := s.cfg.Applicant.Email
	preset := config.PresetForAddress(email)
	mv := mailboxView{Email: email, Preset: preset}
	domain := email[strings.LastIndexByte(email, '@')+1:]
	f := map[string]string{"signin": "password", "imap_host": "imap." + domain, "imap_port": "993", "imap_security": "tls",
		"smtp_host": "smtp." + domain, "smtp_port": "465", "smtp_security": "tls"}
	if preset != nil {
		mv.Password = preset.Password
		if preset.OAuth != nil {
			mv.OAuth, mv.OAuthBy, mv.OnlyAuth = true, preset.OAuth.Issuer, preset.OAuthByDefault
			if preset.OAuthByDefault {
				f["signin"] = "oauth2"
			}
		}
	}
	v := &view{Step: 2, Title: "Your mailbox", Form: f, Data: mv}
	if r.Method == http.MethodGet {
		s.render(w, "mailbox", v)
		return
	}
	v.Form = form(r, "signin", "imap_host", "imap_port", "imap_security", "smtp_host", "smtp_port", "smtp_security",
		"client_id", "client_secret")
	password := r.PostFormValue("password") // as typed: spaces may belong to it
	e := errs{}
	var c config.Config
	c.IMAP.Username = email
	if preset != nil {
		c.Provider = preset.Name
	} else {
		c.IMAP.Host = e.check("imap_host", setup.HostName, v.Form["imap_host"])
		c.IMAP.Port, c.IMAP.Security = portAndSecurity(e, "imap", v.Form)
		c.SMTP.Host = e.check("smtp_host", setup.HostName, v.Form["smtp_host"])
		c.SMTP.Port, c.SMTP.Security = portAndSecurity(e, "smtp", v.Form)
	}
	oauth := v.Form["signin"] == "oauth2" && mv.OAuth
	if oauth {
		c.IMAP.Auth = "oauth2"
		c.OAuth.ClientID = e.check("client_id", setup.OneLine(true), v.Form["client_id"])
		if mv.OAuthBy == "Google" {
			c.OAuth.ClientSecret = e.check("client_secret", setup.OneLine(true), v.Form["client_secret"])
		}
	} else {
		c.IMAP.PasswordKeyring = true
		if strings.TrimSpace(password) == "" {
			e["password"] = "Please give the password; lorkeeper checks it now, then keeps it in your computer's keyring."
		}
	}
	if len(e) == 0 && !oauth {
		if msg := checkLogin(r.Context(), preset, c, email, password); msg != "" {
			e["password"] = msg
		}
	}
	if len(e) > 0 {
		v.Errors = e
		s.render(w, "mailbox", v)
		return
	}
	c.State, c.Applicant, c.Writers, c.Portals = s.cfg.State, s.cfg.Applicant, s.cfg.Writers, s.cfg.Portals
	s.cfg = c
	s.password = ""
	if !oauth {
		s.password = password
	}
	s.mailbox = true
	s.next(w, r, "documents")
}

func portAndSecurity(e errs, sec string, f map[string]string) (int, string) {
	n, err := strconv.Atoi(f[sec+"_port"])
	if err != nil || n < 1 || n > 65535 {
		e[sec+"_port"] = "A port is a number like 993 or 465."
	}
	security := f[sec+"_security"]
	switch security {
	case "tls", "starttls", "none":
	default:
		e[sec+"_security"] = "Please choose one of the answers."
	}
	return n, security
}

// checkLogin logs in to both servers with password, as `lorkeeper
// check` does, and returns what is wrong in a sentence, or "".
func checkLogin(ctx context.Context, preset *config.Preset, c config.Config, user, password string) string {
	imapEP := config.Endpoint{Host: c.IMAP.Host, Port: c.IMAP.Port, Security: c.IMAP.Security}
	smtpEP := config.Endpoint{Host: c.SMTP.Host, Port: c.SMTP.Port, Security: c.SMTP.Security}
	if preset != nil {
		imapEP, smtpEP = preset.IMAP, preset.SMTP
	}
	if imapEP.Security == "none" && !config.IsLoopback(imapEP.Host) || smtpEP.Security == "none" && !config.IsLoopback(smtpEP.Host) {
		return "\"No encryption\" is only for a mail server on this computer: choose SSL/TLS or STARTTLS."
	}
	cred := func(context.Context) (config.Credential, error) {
		return config.Credential{Username: user, Password: password}, nil
	}
	ctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	const refused = "Your mail server refused this password for %s. Please type it again; where your provider has app passwords (Gmail, iCloud, Yahoo, Fastmail), it must be one of those, not your usual password."
	err := inbox.CheckLogin(ctx, inbox.Server{Host: imapEP.Host, Port: imapEP.Port, Security: imapEP.Security, Credential: cred})
	if errors.Is(err, inbox.ErrAuth) {
		return fmt.Sprintf(refused, user)
	} else if err != nil {
		return "Reading your mail did not work: " + plain(err, password) + "."
	}
	err = mailer.CheckLogin(ctx, mailer.Server{Host: smtpEP.Host, Port: smtpEP.Port, Security: smtpEP.Security, Credential: cred})
	if errors.Is(err, mailer.ErrAuth) {
		return "Reading your mail works, but the server for sending refused the password: " + plain(err, password) + "."
	} else if err != nil {
		return "Reading your mail works, but sending did not: " + plain(err, password) + "."
	}
	return ""
}

// plain is an error for the page, never with the password in it.
func plain(err error, password string) string {
	msg := strings.TrimSuffix(err.Error(), ".")
	if password != "" {
		msg = strings.ReplaceAll(msg, password, "…")
	}
	return msg
}

// maxDocument bounds an uploaded CV or personal statement.
const maxDocument = 20 << 20

func (s *Setup) documentsPage(w http.ResponseWriter, r *http.Request) {
	a := &s.cfg.Applicant
	v := &view{Step: 3, Title: "Your CV and personal statement", Data: map[string]string{"cv": a.CV, "personal_statement": a.PersonalStatement}}
	if r.Method == http.MethodGet {
		s.render(w, "documents", v)
		return
	}
	r.Body = http.MaxBytesReader(w, r.Body, 2*maxDocument+1<<20)
	e := errs{}
	if err := r.ParseMultipartForm(1 << 20); err != nil {
		e["cv"] = "The files could not be received (each may be at most 20 MB); please choose them again."
	}
	for _, field := range []string{"cv", "personal_statement"} {
		if e[field] != "" {
			continue
		}
		rel, err := s.saveDocument(r, field)
		switch {
		case err != nil:
			e[field] = err.Error()
		case rel != "" && field == "cv":
			a.CV = rel
		case rel != "":
			a.PersonalStatement = rel
		case field == "cv" && a.CV == "" || field == "personal_statement" && a.PersonalStatement == "":
			e[field] = "Please choose the file; lorkeeper attaches it to the email that follows a writer's yes."
		}
	}
	if len(e) > 0 {
		v.Errors = e
		s.render(w, "documents", v)
		return
	}
	s.docs = true
	s.next(w, r, "writers")
}

// saveDocument keeps an uploaded file in the documents folder beside the
// config, readable by its owner only, and returns its path relative to
// the config ("" when none was sent).
func (s *Setup) saveDocument(r *http.Request, field string) (string, error) {
	file, hdr, err := r.FormFile(field)
	if errors.Is(err, http.ErrMissingFile) {
		return "", nil
	} else if err != nil {
		return "", errors.New("The file could not be received; please choose it again.")
	}
	defer file.Close()
	name := filepath.Base(filepath.FromSlash(strings.ReplaceAll(hdr.Filename, `\`, "/")))
	if name == "." || name == string(filepath.Separator) || strings.HasPrefix(name, ".") {
		name = field + filepath.Ext(name)
	}
	if hdr.Size > maxDocument {
		return "", errors.New("This file is over 20 MB; writers' mailboxes may refuse it. Please choose a smaller one.")
	}
	dir := filepath.Join(s.dir, "documents")
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return "", fmt.Errorf("The folder %s could not be made: %v.", dir, err)
	}
	path := filepath.Join(dir, name)
	out, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o600)
	if err != nil {
		return "", fmt.Errorf("The file could not be saved in %s: %v.", dir, err)
	}
	_, err = io.Copy(out, file)
	if cerr := out.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		os.Remove(path)
		return "", fmt.Errorf("The file could not be saved in %s: %v.", dir, err)
	}
	return "documents/" + name, nil
}
