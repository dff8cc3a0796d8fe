// Package templates renders the emails lorkeeper drafts: the ask, the
// follow-up with the letter packet, the answer to a request for
// information, reminders, thank-yous, the alternate request after a
// hesitant reply, the bullet summary attached to the packet, and the
// applicant's digest.
//
// The templates are embedded. A folder named in the config may hold files
// of the same names (ask.txt, digest.html, ...) that replace them. A .txt
// template starts with a "Subject:" line, then a blank line, then the
// plain-text body; the HTML alternative of a personal email is made from
// that text unless the folder has a .html of the same name.
package templates

import (
	"bytes"
	"embed"
	"errors"
	"fmt"
	htmltemplate "html/template"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	texttemplate "text/template"
)

//go:embed default/*.txt default/*.html
var defaults embed.FS

// Names of the personal templates, each rendered with Data.
var Names = []string{"ask", "follow_up", "info", "reminder", "thank_you", "alternate", "summary"}

// Message is a rendered email.
type Message struct {
	Subject string
	Text    string
	HTML    string
}

// Set is a parsed set of templates. It is safe for concurrent use.
type Set struct {
	text map[string]*texttemplate.Template
	html map[string]*htmltemplate.Template
	src  map[string]string // template name → file it came from, for errors
}

// Load parses the embedded templates and, when dir is not "", the files
// in dir that override them. Every template is test-rendered with sample
// data, so a reference to a field that does not exist is an error here,
// naming the file and line, rather than in a draft weeks later.
func Load(dir string) (*Set, error) {
	s := &Set{text: map[string]*texttemplate.Template{}, html: map[string]*htmltemplate.Template{}, src: map[string]string{}}
	sub, err := fs.Sub(defaults, "default")
	if err != nil {
		return nil, fmt.Errorf("load templates: %w", err)
	}
	if err := s.parseFS(sub, "built-in "); err != nil {
		return nil, err
	}
	if dir != "" {
		if err := s.parseFS(os.DirFS(dir), dir+string(filepath.Separator)); err != nil {
			return nil, err
		}
	}
	var errs []error
	for _, name := range Names {
		if _, err := s.Render(name, SampleData()); err != nil {
			errs = append(errs, err)
		}
	}
	if _, err := s.RenderDigest(SampleDigest()); err != nil {
		errs = append(errs, err)
	}
	if err := errors.Join(errs...); err != nil {
		return nil, err
	}
	return s, nil
}

func (s *Set) parseFS(fsys fs.FS, prefix string) error {
	entries, err := fs.ReadDir(fsys, ".")
	if err != nil {
		return fmt.Errorf("load templates: %w", err)
	}
	var errs []error
	for _, e := range entries {
		ext := filepath.Ext(e.Name())
		if e.IsDir() || (ext != ".txt" && ext != ".html") {
			continue
		}
		name := strings.TrimSuffix(e.Name(), ext)
		data, err := fs.ReadFile(fsys, e.Name())
		if err != nil {
			errs = append(errs, fmt.Errorf("load template %s%s: %w", prefix, e.Name(), err))
			continue
		}
		file := prefix + e.Name()
		if ext == ".txt" {
			t, err := texttemplate.New(file).Option("missingkey=error").Funcs(funcs).Parse(string(data))
			if err != nil {
				errs = append(errs, fmt.Errorf("load template %s", cleanErr(err)))
				continue
			}
			s.text[name] = t
		} else {
			t, err := htmltemplate.New(file).Option("missingkey=error").Funcs(htmltemplate.FuncMap(funcs)).Parse(string(data))
			if err != nil {
				errs = append(errs, fmt.Errorf("load template %s", cleanErr(err)))
				continue
			}
			s.html[name] = t
		}
		s.src[name] = file
	}
	return errors.Join(errs...)
}

var funcs = texttemplate.FuncMap{
	"answerHere": func() string { return AnswerHere },
	// a returns the indefinite article for a phrase: "a non-US citizen
	// IMG", "an international medical graduate".
	"a": func(phrase string) string {
		p := strings.ToLower(strings.TrimSpace(phrase))
		if p != "" && strings.ContainsRune("aeio", rune(p[0])) || strings.HasPrefix(p, "img") || strings.HasPrefix(p, "us-") {
			return "an"
		}
		return "a"
	},
	"plural": func(n int, one, many string) string {
		if n == 1 {
			return one
		}
		return many
	},
	"join": strings.Join,
}

// Render renders the personal template name with d. The subject is the
// first line's "Subject:" value; the HTML alternative comes from name.html
// if the set has one, else from the text.
func (s *Set) Render(name string, d Data) (Message, error) {
	t, ok := s.text[name]
	if !ok {
		return Message{}, fmt.Errorf("render %s: no such template", name)
	}
	var buf bytes.Buffer
	if err := t.Execute(&buf, d); err != nil {
		return Message{}, fmt.Errorf("render %s", cleanErr(err))
	}
	subject, body, err := splitSubject(buf.String())
	if err != nil {
		return Message{}, fmt.Errorf("render %s: %s: %w", name, t.Name(), err)
	}
	m := Message{Subject: subject, Text: body}
	if h, ok := s.html[name]; ok {
		var hb bytes.Buffer
		if err := h.Execute(&hb, d); err != nil {
			return Message{}, fmt.Errorf("render %s", cleanErr(err))
		}
		m.HTML = hb.String()
	} else {
		m.HTML = TextToHTML(body)
	}
	return m, nil
}

// splitSubject separates "Subject: ...\n\nbody".
func splitSubject(s string) (subject, body string, err error) {
	first, rest, _ := strings.Cut(s, "\n")
	v, ok := strings.CutPrefix(first, "Subject:")
	if !ok {
		return "", "", errors.New(`the first line must be "Subject: ..."`)
	}
	subject = strings.TrimSpace(v)
	if subject == "" {
		return "", "", errors.New("the subject is empty")
	}
	if strings.ContainsAny(subject, "\r\n") {
		return "", "", errors.New("the subject contains a line break")
	}
	return subject, strings.TrimLeft(strings.TrimRight(rest, " \n")+"\n", "\n"), nil
}

// ParseEdited reads a message the applicant edited: a "Subject:" line, a
// blank line, and the body.
func ParseEdited(s string) (subject, body string, err error) {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	subject, body, err = splitSubject(s)
	if err != nil {
		return "", "", fmt.Errorf("read edited message: %w", err)
	}
	if strings.TrimSpace(body) == "" {
		return "", "", errors.New("read edited message: the body is empty")
	}
	return subject, body, nil
}

var fieldErr = regexp.MustCompile(`^template: ([^:]+):(\d+):(\d+: )?executing "[^"]*" at <([^>]*)>: (can't evaluate field (\w+)|map has no entry for key "(\w+)")`)

// cleanErr turns the template package's errors into "FILE:LINE: unknown
// field X (written .A.X)" where it can.
func cleanErr(err error) string {
	msg := err.Error()
	if m := fieldErr.FindStringSubmatch(msg); m != nil {
		field := m[6]
		if field == "" {
			field = m[7]
		}
		return fmt.Sprintf("%s:%s: unknown field %s (written %s)", m[1], m[2], field, m[4])
	}
	return strings.TrimPrefix(msg, "template: ")
}
