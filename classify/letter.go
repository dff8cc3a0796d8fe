package classify

import (
	"path"
	"regexp"
	"strings"

	"github.com/lorkeeper/lorkeeper/reader"
)

var (
	// letterExt lists the extensions a letter is sent in.
	letterExt = map[string]bool{".pdf": true, ".doc": true, ".docx": true, ".odt": true, ".rtf": true, ".txt": true, ".pages": true}
	// letterTypes lists the media types a letter is sent in.
	letterTypes = map[string]bool{
		"application/pdf": true, "application/msword": true, "application/rtf": true, "text/rtf": true,
		"application/vnd.openxmlformats-officedocument.wordprocessingml.document": true,
		"application/vnd.oasis.opendocument.text":                                 true,
		"text/plain": true,
	}
	// letterName matches file names of a recommendation letter.
	letterName = regexp.MustCompile(`(?i)(?:^|[^a-z])(?:lor|lors|loe|slor|letter[^a-z]*of[^a-z]*(?:recommendation|reference|support|rec)|rec(?:ommendation)?[^a-z]*letter|reference[^a-z]*letter|recommendation|recomenda[cç][aã]o|carta|empfehlung)(?:[^a-z]|$)`)
	// notLetterName matches file names of the other documents of a letter
	// request: forms, questionnaires, CVs, statements, invitations.
	notLetterName = regexp.MustCompile(`(?i)(?:request|form|questionnaire|template|instructions?|guidelines?|checklist|waiver|cv|resume|curriculum|statement|ps[^a-z]|invite|invitation|calendar|summary|bullet|highlights|packet|certificate|transcript)`)
	// letterOpening matches how a recommendation letter starts.
	letterOpening = regexp.MustCompile(`(?i)\b(?:to the (?:program director|residency (?:program|selection committee)|selection committee|admissions committee)|dear (?:program director|selection committee|residency (?:program|selection) committee|members of the (?:selection|admissions) committee|colleagues?)|to whom it may concern|letter of recommendation for)\b`)
	// letterBody matches the recommending itself.
	letterBody = regexp.MustCompile(`(?i)\b(?:i (?:am (?:writing|pleased|delighted|honou?red) to (?:recommend|support|write)|(?:highly|strongly|wholeheartedly|enthusiastically) recommend|recommend (?:him|her|them|dr\.?|mr\.?|ms\.?)|give (?:my|him|her) (?:highest|strongest))|(?:highest|strongest|without reservation) recommendation|it is (?:my|a) (?:pleasure|privilege) to (?:recommend|write))`)
)

// CarriesLetter reports whether m carries the recommendation letter
// itself, with the reason: a PDF, DOC, DOCX, ODT, RTF or TXT attachment
// whose name reads as a letter ("LOR_Mendes.pdf", "Letter of
// recommendation.docx") and not as a form, questionnaire, CV or statement,
// or a text attachment (or the new text itself) that reads as a letter
// addressed to a program ("To the Program Director … I recommend …").
// A waived letter must not reach the applicant, so lorkeeper flags these.
func CarriesLetter(m *reader.Message) (bool, string) {
	if m == nil {
		return false, ""
	}
	for _, a := range m.Attachments {
		name := a.Filename
		ext := strings.ToLower(path.Ext(name))
		docLike := letterExt[ext] || (ext == "" && letterTypes[a.ContentType])
		if !docLike {
			continue
		}
		if letterName.MatchString(name) && !notLetterName.MatchString(name) {
			return true, "attachment " + quoteName(name) + " is named as a recommendation letter"
		}
		if a.Text != "" && readsAsLetter(a.Text) {
			return true, "attachment " + quoteName(name) + " reads as a recommendation letter"
		}
	}
	if len(m.NewText) > 600 && readsAsLetter(m.NewText) {
		return true, "the message text reads as the recommendation letter itself"
	}
	return false, ""
}

// readsAsLetter reports text that opens like a recommendation letter and
// recommends someone.
func readsAsLetter(text string) bool {
	if len(text) > 32<<10 {
		text = text[:32<<10]
	}
	text = strings.ReplaceAll(text, "\u2019", "'")
	return letterOpening.MatchString(text) && letterBody.MatchString(text)
}

func quoteName(name string) string {
	if name == "" {
		return "(unnamed)"
	}
	return `"` + name + `"`
}
