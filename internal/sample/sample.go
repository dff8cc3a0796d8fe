// Package sample is the one sample applicant and her four writers that
// the demo, the benchmarks and the tests put in their configs (each with
// the servers and schedule of its own setting), so that every config
// lorkeeper writes for itself comes from config.Encode.
package sample

import (
	"time"

	"github.com/lorkeeper/lorkeeper/config"
)

// IDs are the sample writers, in config order.
var IDs = []string{"smith", "patel", "nguyen", "adeyemi"}

// Names of the sample writers, by id.
var Names = map[string]string{
	"smith":   "Dr. Jane Smith",
	"patel":   "Dr. Priya Patel",
	"nguyen":  "Dr. Linh Nguyen",
	"adeyemi": "Prof. Bola Adeyemi",
}

func date(s string) config.Date {
	t, _ := time.Parse("2006-01-02", s)
	return config.Date{Time: t}
}

// Applicant is Amara Okafor, a non-US IMG applying to diagnostic
// radiology in the ERAS 2027 cycle, with the given address and packet
// files.
func Applicant(email, cv, personalStatement string) config.Applicant {
	return config.Applicant{Name: "Amara Okafor", Email: email, AAMCID: "14598237",
		Specialty: "Diagnostic Radiology", Background: "non-US citizen IMG", Cycle: "ERAS 2027",
		Timezone: "America/New_York", Deadline: date("2027-09-01"), CV: cv, PersonalStatement: personalStatement}
}

// Writers returns the four sample writers with the given addresses (by
// id): Dr. Smith and Prof. Adeyemi (a research mentor abroad) are asked
// by email, Dr. Patel was asked in person, Dr. Nguyen is not a
// radiologist.
func Writers(emails map[string]string) []config.Writer {
	ws := []config.Writer{
		{ID: "smith", Title: "Assistant Professor of Radiology", Institution: "Example University Hospital",
			Country: "US", Field: "radiology", Role: "clinical", Asked: "email", Experience: "CT chest rotation",
			ExperienceStart: date("2026-06-01"), ExperienceEnd: date("2026-06-28"),
			Highlights: []string{"Presented three cases at noon conference", "Prepared a teaching file on PE protocol CT"}},
		{ID: "patel", Title: "Associate Professor of Radiology", Institution: "Example University Hospital",
			Country: "US", Field: "radiology", Role: "clinical", Asked: "in_person", Experience: "neuroradiology observership",
			ExperienceStart: date("2026-07-06"), ExperienceEnd: date("2026-07-31"),
			Highlights: []string{"Pre-read MRI brain studies before readout"}},
		{ID: "nguyen", Title: "Hospitalist", Institution: "Example Community Hospital",
			Country: "US", Field: "other", Role: "clinical", Asked: "email", Experience: "internal medicine externship",
			ExperienceStart: date("2026-04-06"), ExperienceEnd: date("2026-05-01")},
		{ID: "adeyemi", Title: "Professor of Radiology", Institution: "Lagos Teaching Hospital",
			Country: "NG", Field: "radiology", Role: "research", Asked: "email", Experience: "research on ultrasound in pediatric appendicitis",
			ExperienceStart: date("2025-09-01"), ExperienceEnd: date("2026-03-31")},
	}
	for i := range ws {
		ws[i].Name, ws[i].Email = Names[ws[i].ID], emails[ws[i].ID]
	}
	return ws
}

// Bool returns a pointer to b, for the config's optional switches.
func Bool(b bool) *bool { return &b }

// String returns a pointer to s.
func String(s string) *string { return &s }
