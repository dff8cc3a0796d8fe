package reader

import (
	"regexp"
	"strings"
	"unicode"
)

var (
	// mobileFooter matches "Sent from my iPhone" and its relatives.
	mobileFooter = regexp.MustCompile(`(?i)^\s*(?:sent from my\b|sent from (?:outlook|mail|yahoo|gmail|samsung|proton)|sent via\b|get outlook for\b|enviado (?:do|de) meu\b|enviado desde mi\b|envoyé de mon\b|von meinem\b.*gesendet|inviato da(?:l mio)?\b|verzonden (?:vanaf|met) mijn\b)`)
	// disclaimer matches confidentiality notices and external-mail banners.
	disclaimer = regexp.MustCompile(`(?i)(?:confidential(?:ity)?\s+(?:notice|note|statement|disclaimer|warning|information)\s*:?|this\s+(?:e-?mail|message|communication|transmission)\b[^.]{0,160}\b(?:confidential|privileged|intended\s+(?:solely|only|exclusively)?\s*for)|intended\s+recipient|if\s+you\s+(?:are\s+not|have\s+received\s+this)[^.]{0,80}\b(?:intended|in\s+error)|caution\s*:\s*this\s+(?:e-?mail|message)\s+originated|this\s+(?:e-?mail|message)\s+originated\s+(?:from\s+)?outside|do\s+not\s+click\s+links\s+or\s+open\s+attachments|external\s+(?:e-?mail|sender)\s*:|aviso\s+de\s+confidencialidade|esta\s+mensagem[^.]{0,80}confidencia)`)
	// closing matches a complimentary close on a line of its own.
	closing = regexp.MustCompile(`(?i)^\s*(?:[-–—]\s*)?(?:best|best regards|regards|kind regards|kindest regards|warm regards|warmest regards|warmly|warm wishes|many thanks|thanks|thank you|thanks again|thanks so much|thank you again|thx|cheers|all the best|all best|best wishes|with best wishes|with (?:best|kind|warm|my best) regards|sincerely|sincerely yours|yours sincerely|yours truly|yours faithfully|yours|respectfully|cordially|cordialmente|atenciosamente|abraços|abraço|att|saludos|un saludo|take care|talk (?:then|soon)|see you|fondly|gratefully|with gratitude|best,? and good luck|good luck|ciao|mit freundlichen grüßen)\s*[,.!]*\s*$`)
	// signatureWord matches words typical of a signature block.
	signatureWord = regexp.MustCompile(`(?i)(?:\b(?:md|m\.d\.|phd|ph\.d\.|do|mbbs|mph|msc|ms|facr|facs|facp|frcr|frcpc|rn|np|pa-c|prof|profa?\.|dr|dra?\.|professor|chair|chief|director|assistant|associate|coordinator|department|departamento|dept|division|section|service|hospital|university|universidade|college|school|faculty|faculdade|faculdad|institute|instituto|center|centre|clinic|medical|health|radiology|imaging|medicine|laboratory|lab|office|program|residency|fellowship|pager|phone|tel|fax|cell|mobile|ext|radiologia|residência|residencia|diagnóstico|diagnostico|imagem|preceptora?|coordenadora?|titular|medicina|clínicas?|clinicas?|secretaria|diretoria|reitoria|universidad|hospitalar)\b|@|https?://|www\.|\||\+?\d[\d\s().-]{6,}\d)`)
)

// sentenceWord matches pronouns and verbs of a sentence, which names,
// titles and contact lines lack (case-sensitive: "MY" or "Do" in a title
// do not count).
var sentenceWord = regexp.MustCompile(`(?:^|[\s,(])(?:I|I'm|I’m|I'll|I’ll|I'd|I’d|i|you|your|me|we|it|it's|it’s|can|can't|can’t|will|won't|won’t|would|could|should|please|thanks|thank|that|this|am|is|are|was|were|do|don't|don’t|let|send|hope|happy|glad|sure|not|have|has|be|been|yes)(?:$|[\s,.!?;:)])`)

// replyWords matches a whole line that is a terse answer ("Done",
// "Submitted", "Absolutely"), not a name.
var replyWords = regexp.MustCompile(`(?i)^(?:done|all done|all set|uploaded|submitted|sent|finished|complete|completed|yes|yep|yeah|sure|absolutely|gladly|definitely|certainly|of course|ok|okay|no|nope|sorry|noted|will do|with pleasure|count me in|happy to|glad to|delighted|congrats|congratulations)\W*$`)

// dropDisclaimers removes paragraphs that are confidentiality notices or
// external-mail banners.
func dropDisclaimers(lines []string) []string {
	var out []string
	for start := 0; start < len(lines); {
		end := start
		for end < len(lines) && strings.TrimSpace(lines[end]) != "" {
			end++
		}
		para := strings.Join(lines[start:end], " ")
		if end == start || !mayBeDisclaimer(para) || !disclaimer.MatchString(para) {
			out = append(out, lines[start:end]...)
		}
		if end < len(lines) {
			out = append(out, lines[end])
		}
		start = end + 1
	}
	return out
}

// disclaimerWords holds a word of every disclaimer alternative: a
// paragraph without any of them cannot match (a cheap prefilter).
var disclaimerWords = []string{"confiden", "privileged", "intended", "error", "caution", "originated", "click", "external"}

func mayBeDisclaimer(para string) bool {
	low := strings.ToLower(para)
	for _, w := range disclaimerWords {
		if strings.Contains(low, w) {
			return true
		}
	}
	return false
}

// cutSignature removes the signature: everything from a "-- " delimiter or
// a mobile footer, a complimentary close followed by a name block, and a
// trailing name/title block.
func cutSignature(lines []string) []string {
	for i, l := range lines {
		t := strings.TrimRight(l, " \t")
		if t == "--" || t == "-- " || t == "—" || mobileFooter.MatchString(l) {
			lines = lines[:i]
			break
		}
	}
	// A signature sits at the end: look for its close in the last lines.
	first := max(nextNonBlank(lines, 0)+1, len(lines)-40)
	for i := first; i < len(lines); i++ {
		if closing.MatchString(lines[i]) && isNameBlock(lines[i+1:], 12) {
			lines = lines[:i]
			break
		}
	}
	return trimNameBlock(lines)
}

// isNameBlock reports whether lines look like a signature: at most max
// non-blank lines, each short and not a sentence.
func isNameBlock(lines []string, max int) bool {
	n := 0
	for _, l := range lines {
		t := strings.TrimSpace(l)
		if t == "" {
			continue
		}
		n++
		if n > max || !isSignatureLine(t) {
			return false
		}
	}
	return true
}

// isSignatureLine reports a short line without sentence structure: a name,
// a title, an institution or contact details.
func isSignatureLine(t string) bool {
	if len(t) > 90 || strings.HasSuffix(t, "?") || strings.HasSuffix(t, "!") {
		return false
	}
	words := strings.Fields(t)
	if sentenceWord.MatchString(t) || replyWords.MatchString(t) {
		// "Sure, I can do that." is the writer's text, even though "do"
		// is also a degree.
		return false
	}
	if signatureWord.MatchString(t) {
		return len(words) <= 14
	}
	if len(words) > 5 || strings.HasSuffix(t, ".") && !strings.HasSuffix(t, "Jr.") || strings.Contains(t, ":") {
		// A name has no colon: "Status: Complete" is a notice field.
		return false
	}
	// A bare name: every word capitalized or an initial.
	for _, w := range words {
		r := []rune(strings.TrimLeft(w, "-–—(\"'"))
		if len(r) == 0 {
			continue
		}
		if !unicode.IsUpper(r[0]) {
			return false
		}
	}
	return true
}

// trimNameBlock drops a trailing paragraph (or two) made of signature lines,
// such as "Karen" or "Priya Raman, MD / Department of Radiology", as long as
// something precedes it.
func trimNameBlock(lines []string) []string {
	for k := 0; k < 2; k++ {
		end := len(lines)
		for end > 0 && strings.TrimSpace(lines[end-1]) == "" {
			end--
		}
		start := end
		for start > 0 && strings.TrimSpace(lines[start-1]) != "" {
			start--
		}
		if start == 0 || end-start > 8 || !isNameBlock(lines[start:end], 8) {
			return lines[:end]
		}
		lines = lines[:start]
	}
	return lines
}
