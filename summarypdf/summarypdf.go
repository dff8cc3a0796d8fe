// Package summarypdf lays out the one-page summary of the applicant's
// work with a writer as a PDF that opens anywhere (the letter packet's
// third attachment; the dashboard previews it). It reads the summary as
// its template renders it: the first line is the title, the lines up to
// the first blank line are the subtitle, a line in capitals is a
// heading and a line starting with "- " is a bullet. It uses Go's own
// fonts, embedded, so names in Latin, Greek and Cyrillic scripts print
// as written; no external program is run.
package summarypdf

import (
	"bytes"
	"fmt"
	"strings"
	"time"
	"unicode"

	"codeberg.org/go-pdf/fpdf"
	"golang.org/x/image/font/gofont/gobold"
	"golang.org/x/image/font/gofont/goregular"
)

// Render returns the PDF of a rendered summary. The same text gives the
// same bytes: the document's dates are fixed.
func Render(text string) ([]byte, error) {
	p := fpdf.New("P", "mm", "Letter", "")
	fixed := time.Date(2000, 1, 1, 0, 0, 0, 0, time.UTC)
	p.SetCreationDate(fixed)
	p.SetModificationDate(fixed) // else "now": two renders a second apart differed
	p.SetCatalogSort(true)
	p.SetCompression(true)
	p.AddUTF8FontFromBytes("go", "", goregular.TTF)
	p.AddUTF8FontFromBytes("go", "B", gobold.TTF)
	p.SetMargins(20, 18, 20)
	p.SetAutoPageBreak(true, 18)
	p.AddPage()
	width, _ := p.GetPageSize()
	width -= 40
	lines := strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n")
	title := true
	for i, l := range lines {
		l = strings.TrimRight(l, " \t")
		switch {
		case i == 0:
			p.SetFont("go", "B", 16)
			p.MultiCell(width, 8, l, "", "L", false)
		case title && l == "":
			title = false
			p.Ln(3)
		case title:
			p.SetFont("go", "", 10.5)
			p.SetTextColor(70, 70, 70)
			p.MultiCell(width, 5.5, l, "", "L", false)
			p.SetTextColor(0, 0, 0)
		case l == "":
			p.Ln(2)
		case isHeading(l):
			p.Ln(1)
			p.SetFont("go", "B", 11)
			p.MultiCell(width, 6, heading(l), "", "L", false)
		case strings.HasPrefix(l, "- "):
			p.SetFont("go", "", 10.5)
			y := p.GetY()
			p.SetX(22)
			p.CellFormat(5, 5.5, "•", "", 0, "L", false, 0, "")
			p.SetXY(27, y)
			p.MultiCell(width-7, 5.5, l[2:], "", "L", false)
		default:
			p.SetFont("go", "", 10.5)
			p.MultiCell(width, 5.5, l, "", "L", false)
		}
	}
	if err := p.Error(); err != nil {
		return nil, fmt.Errorf("summary pdf: %w", err)
	}
	var b bytes.Buffer
	if err := p.Output(&b); err != nil {
		return nil, fmt.Errorf("summary pdf: %w", err)
	}
	return b.Bytes(), nil
}

// isHeading reports a line written in capitals ("OUR WORK TOGETHER").
func isHeading(l string) bool {
	letters := 0
	for _, r := range l {
		if unicode.IsLower(r) {
			return false
		}
		if unicode.IsLetter(r) {
			letters++
		}
	}
	return letters >= 3
}

// heading turns "OUR WORK TOGETHER" into "Our work together"; "I" and
// the acronyms of the process stay capitals ("How the letter reaches
// ERAS", "What I did").
func heading(l string) string {
	words := strings.Split(l, " ")
	for i, w := range words {
		if !keepCaps[strings.Trim(w, ".,:;()?!")] {
			words[i] = strings.ToLower(w)
		}
	}
	r := []rune(strings.Join(words, " "))
	if len(r) > 0 {
		r[0] = unicode.ToUpper(r[0])
	}
	return string(r)
}

var keepCaps = map[string]bool{"I": true, "ERAS": true, "MYERAS": true, "US": true, "USA": true, "AAMC": true, "ECFMG": true,
	"USMLE": true, "COMLEX": true, "IMG": true, "CV": true, "NRMP": true, "PGY-1": true, "ID": true, "ICU": true, "CT": true, "MRI": true}
