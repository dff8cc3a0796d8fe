package websetup

import (
	"errors"
	"fmt"
	"net/http"
	"strings"

	"github.com/lorkeeper/lorkeeper/config"
	"github.com/lorkeeper/lorkeeper/letters"
	"github.com/lorkeeper/lorkeeper/setup"
)

// writersView is the writers page: those added, the advice, the form.
type writersView struct {
	Writers []config.Writer
	Mix     []letters.Advice
}

func (s *Setup) writersPage(w http.ResponseWriter, r *http.Request) {
	v := &view{Step: 4, Title: "Your letter writers", Form: map[string]string{"us": "on", "radiologist": "on"}}
	show := func() {
		v.Data = writersView{Writers: s.cfg.Writers, Mix: setup.Mix(&s.cfg, s.opts.Now())}
		s.render(w, "writers", v)
	}
	if r.Method == http.MethodGet {
		show()
		return
	}
	if id := r.PostFormValue("remove"); id != "" {
		for i, wr := range s.cfg.Writers {
			if wr.ID == id {
				s.cfg.Writers = append(s.cfg.Writers[:i:i], s.cfg.Writers[i+1:]...)
				break
			}
		}
		s.next(w, r, "writers")
		return
	}
	if r.PostFormValue("next") != "" && r.PostFormValue("name") == "" {
		if len(s.cfg.Writers) == 0 {
			v.Errors = errs{"name": "Please add at least one writer first."}
			show()
			return
		}
		s.next(w, r, "review")
		return
	}
	v.Form = form(r, "name", "email", "id", "title", "institution", "us", "country", "radiologist", "research",
		"experience", "start", "end", "highlights", "in_person")
	wr, e := s.writer(v.Form)
	if len(e) > 0 {
		v.Errors = e
		show()
		return
	}
	s.cfg.Writers = append(s.cfg.Writers, wr)
	if r.PostFormValue("next") != "" {
		s.next(w, r, "review")
		return
	}
	s.next(w, r, "writers")
}

// writer checks one writer's answers as `lorkeeper init` does.
func (s *Setup) writer(f map[string]string) (config.Writer, errs) {
	e := errs{}
	var wr config.Writer
	wr.Name = e.check("name", setup.OneLine(true), f["name"])
	wr.Email = e.check("email", setup.EmailAddress, f["email"])
	if e["email"] == "" {
		if strings.EqualFold(wr.Email, s.cfg.Applicant.Email) {
			e["email"] = "That is your own address; give the writer's."
		}
		for _, o := range s.cfg.Writers {
			if strings.EqualFold(o.Email, wr.Email) {
				e["email"] = fmt.Sprintf("%s is already %s's address.", wr.Email, o.Name)
			}
		}
	}
	wr.ID = f["id"]
	if wr.ID == "" {
		wr.ID = setup.SuggestID(wr.Name, s.cfg.Writers)
	}
	if !setup.ValidID(wr.ID) {
		e["id"] = "Use letters, digits, - or _ only, no spaces (like smith)."
	}
	for _, o := range s.cfg.Writers {
		if o.ID == wr.ID {
			e["id"] = fmt.Sprintf("%s is already %s; choose another.", wr.ID, o.Name)
		}
	}
	wr.Title, wr.Institution = f["title"], f["institution"]
	wr.Country = "US"
	if f["us"] == "" {
		wr.Country = e.check("country", setup.Country, f["country"])
	}
	wr.Field = "other"
	if f["radiologist"] != "" {
		wr.Field = "radiology"
	}
	wr.Role = "clinical"
	if f["research"] != "" {
		wr.Role = "research"
	}
	wr.Experience = e.check("experience", setup.OneLine(true), f["experience"])
	start, err := setup.ParseDate(f["start"])
	if err != nil {
		e["start"] = err.Error()
	}
	end, err := setup.ParseDate(f["end"])
	switch {
	case err != nil:
		e["end"] = err.Error()
	case e["start"] == "" && end.Before(start.Time):
		e["end"] = fmt.Sprintf("That is before it started (%s).", f["start"])
	case !s.cfg.Applicant.Deadline.IsZero() && end.After(s.cfg.Applicant.Deadline.Time):
		e["end"] = fmt.Sprintf("That is after your deadline (%s).", dateString(s.cfg.Applicant.Deadline))
	}
	wr.ExperienceStart, wr.ExperienceEnd = start, end
	for _, h := range strings.Split(f["highlights"], "\n") {
		if h = strings.TrimSpace(h); h != "" {
			wr.Highlights = append(wr.Highlights, h)
		}
	}
	wr.Asked = "email"
	if f["in_person"] != "" {
		wr.Asked = "in_person"
	}
	return wr, e
}

func (s *Setup) reviewPage(w http.ResponseWriter, r *http.Request) {
	setup.Defaults(&s.cfg)
	text := setup.Text(&s.cfg, s.opts.Now(), "lorkeeper setup")
	v := &view{Step: 5, Title: "Check and write", Data: map[string]any{"Text": string(text), "Path": s.opts.Path,
		"Password": s.password != ""}}
	if r.Method == http.MethodGet {
		s.render(w, "review", v)
		return
	}
	res, err := s.write(text)
	if err != nil {
		v.Errors = errs{"write": err.Error()}
		s.render(w, "review", v)
		return
	}
	s.result = res
	close(s.written)
	s.next(w, r, "done")
}

// write keeps the password, then writes the file; on an error nothing is
// written.
func (s *Setup) write(text []byte) (*Result, error) {
	cfg, err := config.Parse(s.opts.Path, text)
	if err != nil {
		return nil, fmt.Errorf("These answers make a file lorkeeper cannot read (nothing was written; please report this): %v", err)
	}
	res := &Result{Path: s.opts.Path}
	if s.cfg.IMAP.Auth == "oauth2" {
		if p := config.PresetForAddress(s.cfg.Applicant.Email); p != nil && p.OAuth != nil {
			res.Login = p.OAuth.Issuer
		} else {
			res.Login = "your provider"
		}
	}
	if s.password != "" {
		where, err := setup.StorePassword(s.opts.Secrets(cfg.State, cfg.Secrets, s.opts.Log), s.cfg.Applicant.Email, s.password)
		if err != nil {
			return nil, fmt.Errorf("The password could not be kept (nothing was written): %v", err)
		}
		res.PasswordIn = where
		if where != "the OS keyring" {
			res.PasswordIn += ", readable by you only"
		}
	}
	if err := setup.WriteConfig(s.opts.Path, text, false); err != nil {
		if errors.Is(err, setup.ErrExists) {
			return nil, fmt.Errorf("%s exists already, and lorkeeper does not write over it. Move it away, then press the button again", s.opts.Path)
		}
		return nil, fmt.Errorf("The file could not be written: %v", err)
	}
	s.password = ""
	res.Runs = s.opts.Runs && res.Login == ""
	return res, nil
}

func (s *Setup) donePage(w http.ResponseWriter, r *http.Request) {
	s.render(w, "done", &view{Step: 6, Title: "Done", Data: s.result})
	s.finish()
}
