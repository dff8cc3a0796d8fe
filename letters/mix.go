package letters

import (
	"fmt"
	"time"
)

// MixWriter is what the letter-mix advice needs to know of a writer.
type MixWriter struct {
	ID          string
	Name        string
	Radiologist bool
	US          bool
	Research    bool
	Start, End  time.Time // the experience together
	AskedAt     time.Time // when the request went out; zero if not yet
}

// Advice is one line of letter-mix advice.
type Advice struct {
	OK   bool   // the guide's target is met
	Text string // plain words for the applicant
}

func (a Advice) String() string {
	if a.OK {
		return "ok    " + a.Text
	}
	return "WARN  " + a.Text
}

// Mix checks a set of letters against the guide: 3–4 letters, at least 2
// from radiologists, 2–3 from US physicians, not only research letters,
// experience within the last 24 months, no supervisors of under two
// weeks, and asks made soon after the experience ended. now is the
// current time.
func Mix(ws []MixWriter, now time.Time) []Advice {
	var out []Advice
	add := func(ok bool, format string, args ...any) {
		out = append(out, Advice{OK: ok, Text: fmt.Sprintf(format, args...)})
	}
	var rad, us, research int
	for _, w := range ws {
		if w.Radiologist {
			rad++
		}
		if w.US {
			us++
		}
		if w.Research {
			research++
		}
	}
	n := len(ws)
	switch {
	case n < 3:
		add(false, "%d %s: programs require 3 letters and many accept 4; ask more writers", n, plural(n, "letter", "letters"))
	case n > 4:
		add(false, "%d letters: programs read 3–4; choose your strongest 3–4 for each program", n)
	default:
		add(true, "%d letters: programs want 3–4", n)
	}
	if rad >= 2 {
		add(true, "%d from radiologists (at least 2 recommended)", rad)
	} else {
		add(false, "%d from radiologists: at least 2 should come from radiologists", rad)
	}
	if us >= 2 {
		add(true, "%d from US physicians (2–3 recommended)", us)
	} else {
		add(false, "%d from US physicians: 2–3 US letters carry the most weight with program directors", us)
	}
	if n > 0 && research == n {
		add(false, "all letters are research letters: programs also want clinical letters")
	}
	for _, w := range ws {
		if w.Start.IsZero() || w.End.IsZero() {
			continue
		}
		if days := int(w.End.Sub(w.Start).Hours()/24) + 1; days < 14 {
			add(false, "%s supervised you for %d %s: letters from short contacts tend to be generic; the guide asks for 2–4 weeks together", w.Name, days, plural(days, "day", "days"))
		}
		// Advice on timing helps before the ask; afterwards nothing can
		// be done about it, so it is not repeated.
		if !w.AskedAt.IsZero() {
			continue
		}
		if months := monthsBetween(w.End, now); months > 24 {
			add(false, "%s: the experience ended %d months ago; programs prefer letters from the last 1–2 years", w.Name, months)
		} else if months >= 3 {
			add(false, "%s: the experience ended %d months ago; memories fade, so ask soon and give a detailed summary", w.Name, months)
		}
	}
	return out
}

func monthsBetween(from, to time.Time) int {
	if to.Before(from) {
		return 0
	}
	m := (to.Year()-from.Year())*12 + int(to.Month()) - int(from.Month())
	if to.Day() < from.Day() {
		m--
	}
	return m
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
