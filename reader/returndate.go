package reader

import (
	"regexp"
	"strconv"
	"strings"
	"time"
)

var (
	// dateExpr matches a date: "Monday, December 7", "Dec 7th, 2026",
	// "7 January", "14 de julho de 2025", "2026-12-07", "12/07/2026",
	// "07.12.2026", or a bare weekday.
	dateExpr     = regexp.MustCompile(`(?i)\b(?:(?:(?P<wd>` + weekdayNames + `)\b\.?,?\s*)?(?:(?P<mon1>` + monthNames + `)\.?\s+(?P<day1>\d{1,2})(?:st|nd|rd|th)?\b(?:,?\s+(?P<year1>\d{4})\b)?|(?P<day2>\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+|de\s+)?(?P<mon2>` + monthNames + `)\b\.?(?:,?\s+(?:de\s+)?(?P<year2>\d{4})\b)?|(?P<iy>\d{4})-(?P<im>\d{1,2})-(?P<id>\d{1,2})\b|(?P<n1>\d{1,2})(?P<sep>[/.])(?P<n2>\d{1,2})(?:[/.](?P<ny>\d{4}|\d{2}))?\b)|(?P<wd2>` + weekdayNames + `)\b)`)
	weekdayNames = `monday|tuesday|wednesday|thursday|friday|saturday|sunday|mon|tues|tue|wed|thurs|thur|thu|fri|sat|sun|segunda-feira|terça-feira|quarta-feira|quinta-feira|sexta-feira|segunda|terça|quarta|quinta|sexta|sábado|domingo`
	monthNames   = `jan|january|feb|february|mar|march|apr|april|may|jun|june|jul|july|aug|august|sep|sept|september|oct|october|nov|november|dec|december|janeiro|fevereiro|março|marco|abril|maio|junho|julho|agosto|setembro|outubro|novembro|dezembro|enero|febrero|marzo|mayo|junio|julio|septiembre|octubre|noviembre|diciembre`

	// returnCue precedes an explicit return date.
	returnCue = regexp.MustCompile(`(?i)(?:\breturn(?:ing|s)?|\bback|\bresum(?:e|ing)|\breachable|\bavailable|\bin\s+the\s+office|\bretorno|\bretornarei|\bvolto|\bregreso)(?:\s+(?:to\s+(?:the\s+)?(?:office|work|hospital|clinic)|in\s+the\s+office|on|by|as\s+of|starting|from|no\s+dia|em|el|dia|the))*\s*,?\s*$`)
	// untilCue precedes the last day of an absence or the return day.
	untilCue = regexp.MustCompile(`(?i)\b(?:until|till|til|up\s+to|até|hasta)(?:\s+(?:the|o\s+dia|el\s+día))?\s*,?\s*$`)
	// throughCue precedes the last day of an absence.
	throughCue = regexp.MustCompile(`(?i)(?:\bthrough|\bthru|\b(?:to|-|–)\s*)(?:\s+the)?\s*,?\s*$`)
)

// dayFirstText matches wording in languages that write the day before the
// month in numeric dates (Portuguese, Spanish, German).
var dayFirstText = regexp.MustCompile(`(?i)(?:\baté\b|\bférias\b|\bestou\b|\bretorno\b|\bhasta\b|\bestoy\b|\bvacaciones\b|\burlaub\b|\bbis zum\b)`)

var monthIndex = map[string]time.Month{
	"jan": 1, "january": 1, "janeiro": 1, "enero": 1,
	"feb": 2, "february": 2, "fevereiro": 2, "febrero": 2,
	"mar": 3, "march": 3, "março": 3, "marco": 3, "marzo": 3,
	"apr": 4, "april": 4, "abril": 4,
	"may": 5, "maio": 5, "mayo": 5,
	"jun": 6, "june": 6, "junho": 6, "junio": 6,
	"jul": 7, "july": 7, "julho": 7, "julio": 7,
	"aug": 8, "august": 8, "agosto": 8,
	"sep": 9, "sept": 9, "september": 9, "setembro": 9, "septiembre": 9,
	"oct": 10, "october": 10, "outubro": 10, "octubre": 10,
	"nov": 11, "november": 11, "novembro": 11, "noviembre": 11,
	"dec": 12, "december": 12, "dezembro": 12, "diciembre": 12,
}

var weekdayIndex = map[string]time.Weekday{
	"sun": 0, "sunday": 0, "domingo": 0,
	"mon": 1, "monday": 1, "segunda": 1, "segunda-feira": 1,
	"tue": 2, "tues": 2, "tuesday": 2, "terça": 2, "terça-feira": 2,
	"wed": 3, "wednesday": 3, "quarta": 3, "quarta-feira": 3,
	"thu": 4, "thur": 4, "thurs": 4, "thursday": 4, "quinta": 4, "quinta-feira": 4,
	"fri": 5, "friday": 5, "sexta": 5, "sexta-feira": 5,
	"sat": 6, "saturday": 6, "sábado": 6,
}

// returnDate finds the date an automatic reply says its sender is back:
// an explicit return ("I will return on Monday, June 16", "back on
// 12/07/2026") first, else the end of the absence ("until July 21" gives
// July 21, "through June 13" gives June 14). A year left out is inferred
// from ref (the message date); without ref such a date is not used.
// Numeric dates are read month first unless the day cannot be a month or
// the text is Portuguese, Spanish or German. It returns midnight of that
// day in ref's location, or the zero time.
func returnDate(text string, ref time.Time) time.Time {
	if len(text) > 16<<10 {
		text = text[:16<<10]
	}
	var until, through time.Time
	dayFirst := dayFirstText.MatchString(text)
	names := dateExpr.SubexpNames()
	for _, loc := range dateExpr.FindAllStringSubmatchIndex(text, 64) {
		if loc[1] == loc[0] {
			continue
		}
		g := func(name string) string {
			for i, n := range names {
				if n == name && loc[2*i] >= 0 {
					return strings.ToLower(text[loc[2*i]:loc[2*i+1]])
				}
			}
			return ""
		}
		d, ok := buildDate(g, ref, dayFirst)
		if !ok {
			continue
		}
		before := text[max(0, loc[0]-60):loc[0]]
		switch {
		case returnCue.MatchString(before):
			return d
		case untilCue.MatchString(before):
			if until.IsZero() {
				until = d
			}
		case throughCue.MatchString(before):
			if through.IsZero() {
				through = d.AddDate(0, 0, 1)
			}
		}
	}
	if !until.IsZero() {
		return until
	}
	return through
}

// buildDate assembles a date from the named groups of dateExpr.
func buildDate(g func(string) string, ref time.Time, dayFirst bool) (time.Time, bool) {
	loc := time.UTC
	if !ref.IsZero() {
		loc = ref.Location()
	}
	var (
		year      int
		month     time.Month
		day       int
		explicitY bool
	)
	atoi := func(s string) int { n, _ := strconv.Atoi(s); return n }
	switch {
	case g("mon1") != "":
		month, day, year = monthIndex[strings.TrimSuffix(g("mon1"), ".")], atoi(g("day1")), atoi(g("year1"))
	case g("mon2") != "":
		month, day, year = monthIndex[strings.TrimSuffix(g("mon2"), ".")], atoi(g("day2")), atoi(g("year2"))
	case g("iy") != "":
		year, month, day = atoi(g("iy")), time.Month(atoi(g("im"))), atoi(g("id"))
	case g("n1") != "":
		a, b := atoi(g("n1")), atoi(g("n2"))
		year = atoi(g("ny"))
		if year > 0 && year < 100 {
			year += 2000
		}
		if g("sep") == "." && year == 0 {
			return time.Time{}, false // a decimal or a time, not a date
		}
		if (a > 12 || g("sep") == "." || dayFirst) && b <= 12 {
			a, b = b, a // day first
		}
		month, day = time.Month(a), b
	case g("wd2") != "":
		wd, ok := weekdayIndex[g("wd2")]
		if !ok || ref.IsZero() {
			return time.Time{}, false
		}
		start := time.Date(ref.Year(), ref.Month(), ref.Day(), 0, 0, 0, 0, loc)
		ahead := (int(wd) - int(start.Weekday()) + 7) % 7
		if ahead == 0 {
			ahead = 7
		}
		return start.AddDate(0, 0, ahead), true
	default:
		return time.Time{}, false
	}
	explicitY = year > 0
	if month < 1 || month > 12 || day < 1 || day > 31 {
		return time.Time{}, false
	}
	if !explicitY {
		if ref.IsZero() {
			return time.Time{}, false
		}
		year = ref.Year()
	}
	d := time.Date(year, month, day, 0, 0, 0, 0, loc)
	if d.Day() != day {
		return time.Time{}, false // e.g. February 30
	}
	if !ref.IsZero() {
		refDay := time.Date(ref.Year(), ref.Month(), ref.Day(), 0, 0, 0, 0, loc)
		if !explicitY && d.Before(refDay.AddDate(0, 0, -7)) {
			d = d.AddDate(1, 0, 0) // "back January 5" written in December
		}
		if d.Before(refDay.AddDate(0, 0, -7)) || d.After(refDay.AddDate(1, 6, 0)) {
			return time.Time{}, false
		}
	}
	return d, true
}
