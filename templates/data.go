package templates

import (
	"fmt"
	"path/filepath"
	"strings"
	"time"

	"github.com/lorkeeper/lorkeeper/config"
)

// Data is what a personal template can use.
type Data struct {
	Applicant      Applicant
	Writer         Writer
	Deadline       string   // "September 1, 2027"
	DaysToDeadline int      // whole days from now to the deadline; negative once past
	Attachments    []string // names of the files attached to this email
	Agreed         bool     // the writer has agreed (reminder wording)
	Declined       bool     // the writer declined (thank-you wording)
	// Hedged: the writer agreed without promising a strong letter and
	// the applicant kept them; nothing may thank them for "a strong
	// letter" they did not offer.
	Hedged bool
	// Questions are what the writer asked (the info template answers
	// them one by one), with the answers the config knows.
	Questions []QA
	// Letters are the writer's ERAS letters (one, or two: a specialty
	// and a preliminary-year letter); Outstanding those not uploaded
	// yet (the keeper sets it).
	Letters     []Letter
	Outstanding []Letter
	// DueReason says why letters are due when they are ("" when the
	// applicant set the date).
	DueReason string
}

// Letter is one of the writer's ERAS letters, as templates see it.
type Letter struct {
	ID          string
	Label       string // "Diagnostic Radiology letter", "preliminary year letter"
	For         string // "Diagnostic Radiology", "preliminary year", "" for a general letter
	LetterID    string // from MyERAS; "" until the applicant has it
	RequestForm string // the Letter Request Form's file name, if attached
}

// AnswerHere marks, in a draft, an answer the applicant must write; a
// draft that still has it cannot be approved.
const AnswerHere = "[YOUR ANSWER HERE]"

// QA is one of the writer's questions and its answer; Answer is "" where
// the applicant must write it.
type QA struct {
	Question, Answer string
}

// Applicant is the applicant, as templates see them.
type Applicant struct {
	Name, Email, AAMCID, Specialty, Background, Cycle, Phone string
}

// Writer is a letter writer, as templates see them.
type Writer struct {
	ID, Name, Salutation, Title, Institution, Experience string
	Dates                                                string // "June 1–28, 2026"
	Weeks                                                string // "4 weeks"
	Highlights                                           []string
	Radiologist                                          bool
	US                                                   bool
	Research                                             bool
}

// NewData builds the template data for writer w of config c at time now.
func NewData(c *config.Config, w config.Writer, now time.Time) Data {
	a := c.Applicant
	loc := a.Location
	if loc == nil {
		loc = time.UTC
	}
	deadline := a.Due.Date
	if deadline.IsZero() {
		deadline = a.Deadline.In(loc)
	}
	today := time.Date(now.In(loc).Year(), now.In(loc).Month(), now.In(loc).Day(), 0, 0, 0, 0, loc)
	var ls []Letter
	for _, l := range w.Letters {
		x := Letter{ID: l.ID, Label: l.Label(), For: l.Specialty, LetterID: l.LetterID}
		if l.Kind == config.KindGeneral {
			x.For = ""
		}
		if l.RequestForm != "" {
			x.RequestForm = filepath.Base(l.RequestForm)
		}
		ls = append(ls, x)
	}
	return Data{
		Letters: ls, Outstanding: ls, DueReason: a.Due.Reason,
		Applicant: Applicant{Name: a.Name, Email: a.Email, AAMCID: a.AAMCID, Specialty: a.Specialty,
			Background: a.Background, Cycle: a.Cycle, Phone: a.Phone},
		Writer: Writer{ID: w.ID, Name: w.Name, Salutation: Salutation(w), Title: w.Title,
			Institution: w.Institution, Experience: w.Experience,
			Dates: DateRange(w.ExperienceStart.Time, w.ExperienceEnd.Time),
			Weeks: weeks(w.ExperienceStart.Time, w.ExperienceEnd.Time), Highlights: w.Highlights,
			Radiologist: w.Radiologist(), US: w.US(), Research: w.Role == "research"},
		Deadline:       LongDate(deadline),
		DaysToDeadline: int(deadline.Sub(today).Hours() / 24),
	}
}

// Salutation returns how to address a writer: the configured salutation,
// or "Dr. Smith" from "Dr. Jane Smith", or the full name when it carries
// no title.
func Salutation(w config.Writer) string {
	if w.Salutation != "" {
		return w.Salutation
	}
	name := strings.TrimSpace(w.Name)
	// Drop post-nominals: "Jane Smith, MD, PhD".
	if i := strings.IndexByte(name, ','); i > 0 {
		name = strings.TrimSpace(name[:i])
	}
	f := strings.Fields(name)
	if len(f) >= 2 {
		switch strings.TrimSuffix(strings.ToLower(f[0]), ".") {
		case "dr", "prof", "professor", "mr", "ms", "mrs":
			return f[0] + " " + f[len(f)-1]
		}
	}
	return name
}

// LongDate formats a date as "September 1, 2027".
func LongDate(t time.Time) string {
	if t.IsZero() {
		return ""
	}
	return t.Format("January 2, 2006")
}

// DateRange formats two dates compactly: "June 1–28, 2026",
// "June 28 – July 3, 2026", "December 1, 2025 – January 9, 2026".
func DateRange(a, b time.Time) string {
	switch {
	case a.IsZero() || b.IsZero():
		return LongDate(a) + LongDate(b)
	case a.Year() != b.Year():
		return LongDate(a) + " – " + LongDate(b)
	case a.Month() != b.Month():
		return fmt.Sprintf("%s – %s, %d", a.Format("January 2"), b.Format("January 2"), a.Year())
	case a.Day() != b.Day():
		return fmt.Sprintf("%s %d–%d, %d", a.Format("January"), a.Day(), b.Day(), a.Year())
	}
	return LongDate(a)
}

func weeks(a, b time.Time) string {
	if a.IsZero() || b.IsZero() {
		return ""
	}
	days := int(b.Sub(a).Hours()/24) + 1
	if days < 14 {
		return fmt.Sprintf("%d days", days)
	}
	return fmt.Sprintf("%d weeks", (days+3)/7)
}

// SampleData is filled-in data for test renders and previews.
func SampleData() Data {
	return Data{
		Applicant: Applicant{Name: "Amara Okafor", Email: "amara.okafor@mailbox.example", AAMCID: "14598237",
			Specialty: "Diagnostic Radiology", Background: "non-US citizen IMG", Cycle: "ERAS 2027"},
		Writer: Writer{ID: "smith", Name: "Dr. Jane Smith", Salutation: "Dr. Smith",
			Title: "Assistant Professor of Radiology", Institution: "Example University Hospital",
			Experience: "CT chest rotation", Dates: "June 1–28, 2026", Weeks: "4 weeks",
			Highlights: []string{"Presented three cases at noon conference"}, Radiologist: true, US: true},
		Deadline: "September 1, 2027", DaysToDeadline: 30,
		Attachments: []string{"CV (cv.pdf)", "Personal statement (personal_statement.pdf)", "Summary of our work together (summary.txt)"},
		Agreed:      true,
	}
}
