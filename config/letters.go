package config

import (
	"fmt"
	"path/filepath"
	"strings"
	"time"

	"github.com/lorkeeper/lorkeeper/letters"
)

// Letter is one ERAS letter a writer writes: in MyERAS each letter is
// its own entry, with a single-use Letter ID and a Letter Request Form,
// for a specialty (or a preliminary/transitional year) or "General". A
// diagnostic radiology applicant often asks one writer for two.
type Letter struct {
	ID          string `toml:"id"`           // typed on the command line; default the writer's id for a writer's one letter, else WRITER-KIND
	Kind        string `toml:"kind"`         // specialty | prelim | general
	Specialty   string `toml:"specialty"`    // what it is for; default the applicant's specialty, or the prelim year
	LetterID    string `toml:"letter_id"`    // from MyERAS
	RequestForm string `toml:"request_form"` // the Letter Request Form PDF, attached to the follow-up

	Writer string `toml:"-"` // the writer's id
}

// Letter kinds.
const (
	KindSpecialty = "specialty"
	KindPrelim    = "prelim"
	KindGeneral   = "general"
)

// Label names the letter for writers and the applicant: "Diagnostic
// Radiology letter", "preliminary year letter", "general letter".
func (l Letter) Label() string {
	switch {
	case l.Kind == KindGeneral:
		return "general letter"
	case l.Specialty != "":
		return l.Specialty + " letter"
	}
	return l.Kind + " letter"
}

// Program is a program the applicant applies to, for the plan of which
// letters go where (at most 4 each).
type Program struct {
	Name string   `toml:"name"`
	Kind string   `toml:"kind"` // specialty (default) | prelim
	Tags []string `toml:"tags"` // research | community | academic | ...
}

// Letter returns the letter with the given id.
func (c *Config) Letter(id string) (Letter, bool) {
	for _, w := range c.Writers {
		for _, l := range w.Letters {
			if l.ID == id {
				return l, true
			}
		}
	}
	return Letter{}, false
}

// AllLetters returns every writer's letters, in config order.
func (c *Config) AllLetters() []Letter {
	var out []Letter
	for _, w := range c.Writers {
		out = append(out, w.Letters...)
	}
	return out
}

// IMG reports whether the applicant is an international medical
// graduate, whose letters ECFMG processes into MyERAS: applicant.img, or
// by default a background that says IMG.
func (a Applicant) IsIMG() bool {
	if a.IMG != nil {
		return *a.IMG
	}
	return strings.Contains(strings.ToUpper(a.Background), "IMG")
}

// setLetterDefaults gives each writer its letters (one, for the
// applicant's specialty, when it lists none), their ids, and computes
// when letters are due.
func (c *Config) setLetterDefaults() {
	for i := range c.Writers {
		w := &c.Writers[i]
		if len(w.Letters) == 0 {
			w.Letters = []Letter{{Kind: KindSpecialty, LetterID: w.LetterID}}
		}
		seen := map[string]int{}
		for j := range w.Letters {
			l := &w.Letters[j]
			l.Writer = w.ID
			if l.Kind == "" {
				l.Kind = KindSpecialty
			}
			if l.Specialty == "" {
				switch l.Kind {
				case KindSpecialty:
					l.Specialty = c.Applicant.Specialty
				case KindPrelim:
					l.Specialty = "preliminary year"
				}
			}
			if l.ID == "" {
				// One letter: the writer's id. Several: one id each.
				l.ID = w.ID
				if len(w.Letters) > 1 {
					l.ID = w.ID + "-" + l.Kind
				}
				if n := seen[l.ID]; n > 0 {
					l.ID = fmt.Sprintf("%s-%d", l.ID, n+1)
				}
			}
			seen[l.ID]++
			l.RequestForm = resolve(filepath.Dir(c.Path), l.RequestForm)
		}
	}
	for i := range c.Programs {
		if c.Programs[i].Kind == "" {
			c.Programs[i].Kind = KindSpecialty
		}
	}
	if len(c.Portals.Profiles) == 0 {
		c.Portals.Profiles = []string{"eras"}
	}
}

// setDue decides when letters must be uploaded: the deadline the
// applicant gave, or worked back from the programs' review date (minus
// ECFMG's processing for an IMG, and a margin). It runs after the
// timezone is known.
func (c *Config) setDue() {
	a := &c.Applicant
	loc := a.Location
	if loc == nil {
		loc = time.UTC
	}
	if a.ReviewDate.IsZero() {
		if !a.Deadline.IsZero() {
			a.Due = letters.Due{Date: a.Deadline.In(loc)}
		}
		return
	}
	ecfmg := 0
	if a.IsIMG() {
		ecfmg = 5
		if a.ECFMGDays != nil {
			ecfmg = *a.ECFMGDays
		}
	}
	margin := 2
	if a.MarginDays != nil {
		margin = *a.MarginDays
	}
	a.Due = letters.UploadTarget(a.ReviewDate.In(loc), ecfmg, margin)
	if !a.Deadline.IsZero() && a.Deadline.In(loc).Before(a.Due.Date) {
		a.Due = letters.Due{Date: a.Deadline.In(loc), Reason: "your own deadline, earlier than " + a.Due.Reason}
	}
}

func (c *Config) validateLetters(ps *Problems) {
	ids := map[string]string{}
	for _, w := range c.Writers {
		ids[w.ID] = "writer " + w.ID
	}
	for i, w := range c.Writers {
		for j, l := range w.Letters {
			p := func(key string) string { return fmt.Sprintf("writer.%d.letter.%d.%s", i, j, key) }
			who := fmt.Sprintf("writer %q, letter %d", w.ID, j+1)
			oneOf(ps, p("kind"), who, "kind", l.Kind, KindSpecialty, KindPrelim, KindGeneral)
			singleLine(ps, p("letter_id"), l.LetterID)
			singleLine(ps, p("specialty"), l.Specialty)
			fileExists(ps, p("request_form"), l.RequestForm)
			if len(w.Letters) == 1 && l.ID == w.ID {
				continue // the writer's own id
			}
			if !validID(l.ID) {
				ps.add(p("id"), "%s: id must be short letters, digits, - or _ (it is typed on the command line)", who)
			} else if other, dup := ids[l.ID]; dup {
				ps.add(p("id"), "%s: id %q is also %s's; give it another id", who, l.ID, other)
			} else {
				ids[l.ID] = who
			}
		}
	}
	for i, pr := range c.Programs {
		p := func(key string) string { return fmt.Sprintf("program.%d.%s", i, key) }
		required(ps, p("name"), pr.Name)
		oneOf(ps, p("kind"), fmt.Sprintf("program %q", pr.Name), "kind", pr.Kind, KindSpecialty, KindPrelim)
	}
	a := c.Applicant
	if a.ECFMGDays != nil && (*a.ECFMGDays < 0 || *a.ECFMGDays > 30) {
		ps.add("applicant.ecfmg_days", "applicant.ecfmg_days must be between 0 and 30 business days, not %d", *a.ECFMGDays)
	}
	if a.MarginDays != nil && (*a.MarginDays < 0 || *a.MarginDays > 30) {
		ps.add("applicant.margin_days", "applicant.margin_days must be between 0 and 30 business days, not %d", *a.MarginDays)
	}
	for _, name := range c.Portals.Profiles {
		if _, ok := PortalProfile(name); !ok {
			ps.add("portals.profiles", "portals.profiles: %q is not a portal lorkeeper knows (%s)", name, strings.Join(PortalProfileNames(), ", "))
		}
	}
}
