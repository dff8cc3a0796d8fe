package reader

import (
	"regexp"
	"strings"
)

// newText extracts the sender's new words from a body: quoted text, quote
// headers, the applicant's forwarded original, signatures, disclaimers and
// mobile footers are removed. m supplies the recipients and subject used to
// tell a forwarded third-party notice (kept) from the applicant's own
// message (dropped).
func newText(body string, m *Message) string {
	lines := strings.Split(body, "\n")
	lines = cutQuotes(lines, m)
	lines = dropDisclaimers(lines)
	lines = cutSignature(lines)
	return joinLines(lines)
}

var (
	// attribution matches a reply attribution on one line: Gmail, Apple
	// Mail, iPhone, Roundcube, Thunderbird and their localized forms.
	attribution = regexp.MustCompile(`(?i)^\s*(?:on|em|am|le|el|il|op|den|dne|w dniu)\b.{3,300}?\b(?:wrote|writes|escreveu|escribió|schrieb|a\s+écrit|ha\s+scritto|schreef|skrev|napisał)(?:[\s:]|$).{0,160}$`)
	// attributionStart matches the first line of a wrapped attribution.
	attributionStart = regexp.MustCompile(`(?i)^\s*(?:on|em|am|le|el|il|op|den)\s+\S`)
	// attributionEnd matches the last line of a wrapped attribution.
	attributionEnd = regexp.MustCompile(`(?i)(?:^|\s)(?:wrote|escreveu|escribió|schrieb|a\s+écrit|ha\s+scritto|schreef|skrev)\s*:\s*$`)
	// bareAttribution matches "Name wrote:" (Thunderbird without a date).
	bareAttribution = regexp.MustCompile(`(?i)^\s*\S.{0,150}(?:^|\s)(?:wrote|escreveu|escribió|schrieb|a\s+écrit)\s*:\s*$`)
	// reversedAttribution matches "Name schrieb am <date>:" (Gmail on
	// phones, several languages), "Name wrote on <date>:" and Horde's
	// "Quoting Name:".
	reversedAttribution = regexp.MustCompile(`(?i)^\s*(?:\S.{0,200}(?:^|\s)(?:wrote|escreveu|escribió|schrieb|a\s+écrit|ha\s+scritto|schreef)\s+(?:on|am|el|em|le|il|op|den|à|a)\s.{0,100}|(?:quoting|citando|zitat von|citation de)\s.{1,200})\s*:\s*$`)

	separatorOriginal = regexp.MustCompile(`(?i)^\s*[-_=*]{2,}\s*(?:original message|mensagem original|mensaje original|ursprüngliche nachricht|original-nachricht|originalnachricht|message d'origine|message original|messaggio originale|oorspronkelijk bericht|original)\s*[-_=*]{2,}\s*$`)
	separatorForward  = regexp.MustCompile(`(?i)^\s*(?:[-_=*]{2,}\s*(?:forwarded message|forwarded e-?mail|mensagem encaminhada|mensaje reenviado|weitergeleitete nachricht|message transféré|message transfere|messaggio inoltrato)\s*[-_=*]*|begin forwarded message\s*:|início da mensagem encaminhada\s*:|inicio del mensaje reenviado\s*:)\s*$`)

	// headerField matches one field of a quoted message header block
	// (Outlook, Thunderbird and Apple Mail, in English, Portuguese,
	// Spanish, German, French, Italian, Dutch and Scandinavian forms).
	headerField = regexp.MustCompile(`(?i)^\s*[*>]*\s*(from|de|von|van|da|fra|från|od|sent|date|datum|data|fecha|enviado(?: el)?|enviada(?: em)?|gesendet|envoyé(?: le)?|inviato|verzonden|skickat|to|para|an|à|a|aan|till|pour|cc|bcc|reply-to|subject|assunto|asunto|betreff|objet|sujet|oggetto|onderwerp|ämne|importance|priority|wichtigkeit|importancia)\s*[*]*\s*:`)
	headerFrom  = regexp.MustCompile(`(?i)^\s*[*>]*\s*(?:from|de|von|van|da|fra|från|od)\s*[*]*\s*:\s*(.*)$`)
	headerSent  = regexp.MustCompile(`(?i)^\s*[*>]*\s*(?:sent|date|datum|data|fecha|enviado(?: el)?|enviada(?: em)?|gesendet|envoyé(?: le)?|inviato|verzonden|skickat)\s*[*]*\s*:`)
	headerTo    = regexp.MustCompile(`(?i)^\s*[*>]*\s*(?:to|para|an|à|aan|till|a|pour)\s*[*]*\s*:`)
	headerSubj  = regexp.MustCompile(`(?i)^\s*[*>]*\s*(?:subject|assunto|asunto|betreff|objet|sujet|oggetto|onderwerp|ämne)\s*[*]*\s*:`)
	// inlineHeader matches a header block collapsed onto one line.
	inlineHeader = regexp.MustCompile(`(?i)^\s*[*]*(?:from|de|von)\s*[*]*\s*:.+(?:^|\s|\*)(?:sent|date|enviado(?: el)?|enviada(?: em)?|data|fecha|gesendet|datum|envoyé(?: le)?)\s*[*]*\s*:.+(?:^|\s|\*)(?:to|para|an|à|pour)\s*[*]*\s*:.+(?:^|\s|\*)(?:subject|assunto|asunto|betreff|objet|sujet)\s*[*]*\s*:`)

	forwardSubject = regexp.MustCompile(`(?i)^\s*(?:\[[^\]]*\]\s*)?(?:fwd?|fw|enc|tr|wg|rv|i)\s*:`)
	replyPrefix    = regexp.MustCompile(`(?i)^\s*(?:\[[^\]]*\]\s*)?(?:re|res|aw|sv|antw|r|rif)\s*:`)
	separatorLine  = regexp.MustCompile(`^\s*[-_=*~]{4,}\s*$`)
)

// isQuotedLine reports a line quoted with ">".
func isQuotedLine(line string) bool {
	return strings.HasPrefix(strings.TrimLeft(line, " \t"), ">")
}

// cutQuotes drops quoted lines and cuts the body at the first reply header.
// Forwarded messages from third parties are kept without their header.
func cutQuotes(lines []string, m *Message) []string {
	var out []string
	for i := 0; i < len(lines); i++ {
		line := lines[i]
		if isQuotedLine(line) {
			continue
		}
		if n := attributionAt(lines, i); n > 0 {
			next := nextNonBlank(lines, i+n)
			if next < len(lines) && isQuotedLine(lines[next]) {
				// A ">" quote follows: drop it line by line, keeping any
				// answers interleaved below it.
				i += n - 1
				continue
			}
			break
		}
		if separatorOriginal.MatchString(line) {
			end, from := headerBlock(lines, i+1)
			if keepForward(m, from, false) {
				i = end - 1
				continue
			}
			break
		}
		if separatorForward.MatchString(line) {
			end, from := headerBlock(lines, i+1)
			if keepForward(m, from, true) {
				i = end - 1
				continue
			}
			break
		}
		if isHeaderBlock(lines, i) {
			end, from := headerBlock(lines, i)
			if keepForward(m, from, forwardSubject.MatchString(m.Subject)) {
				i = end - 1
				continue
			}
			break
		}
		out = append(out, line)
	}
	return out
}

// attributionAt returns the number of lines (1 to 3) of a reply attribution
// starting at line i, or 0.
func attributionAt(lines []string, i int) int {
	line := lines[i]
	if len(line) > 400 {
		return 0
	}
	if attribution.MatchString(line) && (attributionEnd.MatchString(line) || strings.HasSuffix(strings.TrimSpace(line), ":") || followedByQuote(lines, i+1)) {
		return 1
	}
	if attributionStart.MatchString(line) {
		joined := line
		for n := 1; n < 3 && i+n < len(lines); n++ {
			next := lines[i+n]
			if strings.TrimSpace(next) == "" || len(next) > 200 {
				break
			}
			joined += " " + strings.TrimSpace(next)
			if attributionEnd.MatchString(next) && attribution.MatchString(joined) {
				return n + 1
			}
		}
	}
	if (bareAttribution.MatchString(line) || reversedAttribution.MatchString(line)) && followedByQuote(lines, i+1) {
		return 1
	}
	return 0
}

func followedByQuote(lines []string, i int) bool {
	j := nextNonBlank(lines, i)
	return j < len(lines) && isQuotedLine(lines[j])
}

func nextNonBlank(lines []string, i int) int {
	for i < len(lines) && strings.TrimSpace(lines[i]) == "" {
		i++
	}
	return i
}

// isHeaderBlock reports whether a quoted message header (From:, then at
// least two of Sent/Date, To and Subject) starts at line i.
func isHeaderBlock(lines []string, i int) bool {
	line := lines[i]
	if inlineHeader.MatchString(line) {
		return true
	}
	if !headerFrom.MatchString(line) {
		return false
	}
	var sent, to, subj bool
	for j := i + 1; j < len(lines) && j <= i+8; j++ {
		l := lines[j]
		if strings.TrimSpace(l) == "" {
			break
		}
		switch {
		case headerSent.MatchString(l):
			sent = true
		case headerSubj.MatchString(l):
			subj = true
		case headerTo.MatchString(l):
			to = true
		}
	}
	n := 0
	for _, b := range []bool{sent, to, subj} {
		if b {
			n++
		}
	}
	return n >= 2
}

// headerBlock skips a quoted header block starting at or after line i (blank
// lines before it included). It returns the index of the first line after
// the block and the address or name in its From field.
func headerBlock(lines []string, i int) (end int, from string) {
	j := nextNonBlank(lines, i)
	if j >= len(lines) || (!headerField.MatchString(lines[j]) && !inlineHeader.MatchString(lines[j])) {
		return i, ""
	}
	for ; j < len(lines) && j < i+16; j++ {
		l := lines[j]
		if strings.TrimSpace(l) == "" {
			break
		}
		if sm := headerFrom.FindStringSubmatch(l); sm != nil && from == "" {
			from = sm[1]
		}
		if inlineHeader.MatchString(l) {
			break
		}
	}
	return j, from
}

// keepForward decides whether a quoted message is kept: only when it is
// forwarded and comes from someone other than the message's recipients
// (the applicant) — a portal notice, a colleague, the writer herself.
func keepForward(m *Message, from string, forward bool) bool {
	if !forward || strings.TrimSpace(from) == "" {
		return false
	}
	addrs := lenientAddresses(from)
	var addr, name string
	if len(addrs) > 0 {
		addr, name = addrs[0].Addr, addrs[0].Name
	} else {
		name = strings.TrimSpace(from)
	}
	for _, r := range append(append([]Address(nil), m.To...), m.Cc...) {
		if addr != "" && addr == r.Addr {
			return false
		}
		if name != "" && r.Name != "" && sameName(name, r.Name) {
			return false
		}
	}
	return addr != "" || name != ""
}

// sameName compares display names ignoring case, punctuation and order
// ("Mendes, Rafael" equals "Rafael Mendes").
func sameName(a, b string) bool {
	norm := func(s string) string {
		f := strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
			return r == ' ' || r == ',' || r == '.' || r == '"' || r == '\''
		})
		for i := 1; i < len(f); i++ {
			for j := i; j > 0 && f[j] < f[j-1]; j-- {
				f[j], f[j-1] = f[j-1], f[j]
			}
		}
		return strings.Join(f, " ")
	}
	return norm(a) == norm(b)
}

// joinLines joins lines, trimming trailing spaces, separator lines at the
// end and runs of blank lines.
func joinLines(lines []string) string {
	for len(lines) > 0 {
		last := strings.TrimSpace(lines[len(lines)-1])
		if last != "" && !separatorLine.MatchString(last) {
			break
		}
		lines = lines[:len(lines)-1]
	}
	var b strings.Builder
	blank := true
	for _, l := range lines {
		l = strings.TrimRight(l, " \t")
		if strings.TrimSpace(l) == "" {
			blank = true
			continue
		}
		if blank && b.Len() > 0 {
			b.WriteByte('\n')
		}
		blank = false
		b.WriteString(l)
		b.WriteByte('\n')
	}
	return strings.TrimSpace(b.String())
}
