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

// Header field names of quoted message blocks, by field, in the
// languages of the mail clients writers use: English, Portuguese,
// Spanish, German, French, Italian, Dutch, Scandinavian, Polish, Czech,
// Turkish, Indonesian and Malay, Russian, Chinese, Japanese, Korean and
// Vietnamese.
const (
	fromWords = `from|de|von|van|da|fra|från|od|kimden|dari|daripada|от|发件人|寄件者|差出人|보낸 사람|từ`
	sentWords = `sent|date|datum|data|fecha|enviado(?: el)?|enviada(?: em)?|gesendet|envoyé(?: le)?|inviato|verzonden|skickat|sendt|wysłano|wysłane|odesláno|gönderildi|tarih|dikirim|tanggal|tarikh|отправлено|дата|发送时间|日期|送信日時|日付|보낸 날짜|날짜|đã gửi|ngày`
	toWords   = `to|para|an|à|a|aan|till|til|pour|do|komu|kime|kepada|кому|收件人|宛先|받는 사람|đến`
	subjWords = `subject|assunto|asunto|betreff|objet|sujet|oggetto|onderwerp|ämne|emne|temat|předmět|konu|perihal|subjek|perkara|тема|主题|主旨|件名|제목|chủ đề`
)

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

	separatorOriginal = regexp.MustCompile(`(?i)^\s*[-_=*]{2,}\s*(?:original message|mensagem original|mensaje original|ursprüngliche nachricht|original-nachricht|originalnachricht|message d'origine|message original|messaggio originale|oorspronkelijk bericht|wiadomość oryginalna|původní zpráva|orijinal ileti|исходное сообщение|原始邮件|元のメッセージ|original)\s*[-_=*]{2,}\s*$`)
	separatorForward  = regexp.MustCompile(`(?i)^\s*(?:[-_=*]{2,}\s*(?:forwarded message|forwarded e-?mail|mensagem encaminhada|mensaje reenviado|weitergeleitete nachricht|message transféré|message transfere|messaggio inoltrato)\s*[-_=*]*|begin forwarded message\s*:|início da mensagem encaminhada\s*:|inicio del mensaje reenviado\s*:)\s*$`)

	// headerField matches one field of a quoted message header block
	// (Outlook, Thunderbird and Apple Mail, in English, Portuguese,
	// Spanish, German, French, Italian, Dutch and Scandinavian forms).
	headerField = regexp.MustCompile(`(?i)^\s*[*>]*\s*(` + fromWords + `|` + sentWords + `|` + toWords + `|` + subjWords + `|cc|dw|kopia|bcc|reply-to|importance|priority|wichtigkeit|importancia|priorité)\s*[*]*\s*[:：]`)
	headerFrom  = regexp.MustCompile(`(?i)^\s*[*>]*\s*(?:` + fromWords + `)\s*[*]*\s*[:：]\s*(.*)$`)
	headerSent  = regexp.MustCompile(`(?i)^\s*[*>]*\s*(?:` + sentWords + `)\s*[*]*\s*[:：]`)
	headerTo    = regexp.MustCompile(`(?i)^\s*[*>]*\s*(?:` + toWords + `)\s*[*]*\s*[:：]`)
	headerSubj  = regexp.MustCompile(`(?i)^\s*[*>]*\s*(?:` + subjWords + `)\s*[*]*\s*[:：]`)
	// labelLine matches a "Label: value" line of a header block in a
	// language the lists above miss: a short label, then a value.
	labelLine = regexp.MustCompile(`^\s*[*>]*\s*[\pL][\pL .'-]{0,24}?\s*[*]*\s*[:：]\s*\S`)
	// addressAttribution matches an attribution that ends in the
	// sender's address, with or without a verb (Gmail in Russian,
	// Japanese, Chinese, Korean: "пн, 16 июн. 2025 г. в 09:00, Name <a@b>:").
	addressAttribution = regexp.MustCompile(`^.{0,200}<[\w.+-]+@[\w-]+(?:\.[\w-]+)+>\)?[^:：]{0,40}[:：]\s*$`)
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
// A reply written below an unquoted original (bottom posting under
// "-------- Original Message --------") is kept: when the body opens
// with the quoted message, the text after the applicant's sign-off is the
// reply.
func cutQuotes(lines []string, m *Message) []string {
	var out []string
	// stop decides what to do at a quote that is not ">"-prefixed
	// starting at line i: cut the rest, or go on after the original.
	stop := func(i int) (int, bool) {
		if anyText(out) {
			return 0, false
		}
		if end, ok := afterSignOff(lines, i, m); ok {
			return end, true
		}
		return 0, false
	}
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
			if end, ok := stop(i); ok {
				i = end - 1
				continue
			}
			break
		}
		if separatorOriginal.MatchString(line) {
			end, from := headerBlock(lines, i+1)
			if keepForward(m, from, false) || end > i+1 && followedByQuote(lines, end) {
				// A forward to keep, or an original quoted with ">" below
				// its header: the writer answers between its lines.
				i = end - 1
				continue
			}
			if end, ok := stop(i); ok {
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
		if isHeaderBlock(lines, i, m) {
			end, from := headerBlock(lines, i)
			if keepForward(m, from, forwardSubject.MatchString(m.Subject)) || end > i && followedByQuote(lines, end) {
				i = end - 1
				continue
			}
			if end, ok := stop(i); ok {
				i = end - 1
				continue
			}
			break
		}
		out = append(out, line)
	}
	return out
}

// anyText reports whether any line is neither blank nor a separator.
func anyText(lines []string) bool {
	for _, l := range lines {
		if strings.TrimSpace(l) != "" && !separatorLine.MatchString(l) {
			return true
		}
	}
	return false
}

// afterSignOff finds the end of a quoted original that starts at line i
// and is not ">"-prefixed: a closing ("Kind regards,") followed within two
// lines by the applicant's name or address, and the rest of that
// signature. It returns the first line after it, when text follows.
func afterSignOff(lines []string, i int, m *Message) (int, bool) {
	var names []string
	for _, a := range m.To {
		if a.Addr != "" {
			names = append(names, strings.ToLower(a.Addr))
		}
		if n := strings.ToLower(strings.TrimSpace(a.Name)); len(n) >= 3 {
			names = append(names, n)
		}
	}
	if len(names) == 0 {
		return 0, false
	}
	signs := func(l string) bool {
		l = strings.ToLower(l)
		for _, n := range names {
			if strings.Contains(l, n) {
				return true
			}
		}
		return false
	}
	for j := i + 1; j < len(lines) && j < i+120; j++ {
		if !closing.MatchString(lines[j]) {
			continue
		}
		for k := j + 1; k < len(lines) && k <= j+2; k++ {
			if !signs(lines[k]) {
				continue
			}
			end := k + 1
			for end < len(lines) && strings.TrimSpace(lines[end]) != "" && len(lines[end]) < 80 {
				end++
			}
			if anyText(lines[end:]) {
				return end, true
			}
			return 0, false
		}
	}
	return 0, false
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
	if (bareAttribution.MatchString(line) || reversedAttribution.MatchString(line) || addressAttribution.MatchString(line)) && followedByQuote(lines, i+1) {
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
func isHeaderBlock(lines []string, i int, m *Message) bool {
	line := lines[i]
	if inlineHeader.MatchString(line) {
		return true
	}
	if !headerFrom.MatchString(line) {
		return genericHeaderBlock(lines, i, m)
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

// genericHeaderBlock reports a header block in a language the field
// lists miss: three to eight consecutive "Label: value" lines, one of
// them with the address of the message's sender or recipient (the
// writer or the applicant), another with a digit (the date).
func genericHeaderBlock(lines []string, i int, m *Message) bool {
	if !labelLine.MatchString(lines[i]) {
		return false
	}
	n, addr, digit := 0, false, false
	for j := i; j < len(lines) && j < i+8; j++ {
		l := lines[j]
		if strings.TrimSpace(l) == "" || !labelLine.MatchString(l) || len(l) > 300 {
			break
		}
		n++
		addr = addr || ownAddress(l, m)
		digit = digit || strings.ContainsAny(l, "0123456789")
	}
	return n >= 3 && addr && digit
}

// ownAddress reports whether line holds the address of m's sender or of
// one of its recipients.
func ownAddress(line string, m *Message) bool {
	if m == nil {
		return false
	}
	low := strings.ToLower(line)
	for _, a := range append([]Address{m.From}, m.To...) {
		if a.Addr != "" && strings.Contains(low, a.Addr) {
			return true
		}
	}
	return false
}

// headerBlock skips a quoted header block starting at or after line i (blank
// lines before it included). It returns the index of the first line after
// the block and the address or name in its From field.
func headerBlock(lines []string, i int) (end int, from string) {
	j := nextNonBlank(lines, i)
	if j >= len(lines) || (!headerField.MatchString(lines[j]) && !inlineHeader.MatchString(lines[j]) && !genericHeaderBlock(lines, j, nil)) {
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

// joinLines joins lines, trimming trailing spaces, separator lines at
// either end and runs of blank lines.
func joinLines(lines []string) string {
	for len(lines) > 0 {
		last := strings.TrimSpace(lines[len(lines)-1])
		if last != "" && !separatorLine.MatchString(last) {
			break
		}
		lines = lines[:len(lines)-1]
	}
	for len(lines) > 0 {
		first := strings.TrimSpace(lines[0])
		if first != "" && !separatorLine.MatchString(first) {
			break
		}
		lines = lines[1:]
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
