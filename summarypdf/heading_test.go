package summarypdf

import "testing"

// The writer reads these headings: "What i did" is not the applicant's
// English.
func TestHeadingKeepsIAndAcronyms(t *testing.T) {
	for in, want := range map[string]string{
		"OUR WORK TOGETHER":            "Our work together",
		"WHAT I DID":                   "What I did",
		"WHAT I HOPE YOU CAN SPEAK TO": "What I hope you can speak to",
		"HOW THE LETTER REACHES ERAS":  "How the letter reaches ERAS",
		"ABOUT ME (IMG, USMLE)":        "About me (IMG, USMLE)",
	} {
		if got := heading(in); got != want {
			t.Errorf("heading(%q) = %q, want %q", in, got, want)
		}
	}
}
