package config

import (
	"fmt"
	"strconv"
	"strings"
	"time"
)

// Duration is a length of time written with d, h, m and s units, such as
// "14d", "36h" or "1d12h". Days are 24 hours. The empty string is zero.
type Duration time.Duration

// ParseDuration parses a Duration. It accepts a sequence of decimal
// numbers, each with a unit of d, h, m or s.
func ParseDuration(s string) (time.Duration, error) {
	if s == "" {
		return 0, nil
	}
	var total time.Duration
	rest := s
	for rest != "" {
		i := 0
		for i < len(rest) && (rest[i] >= '0' && rest[i] <= '9' || rest[i] == '.') {
			i++
		}
		if i == 0 || i == len(rest) {
			return 0, fmt.Errorf("%q is not a duration: write a number and a unit of d, h, m or s, like \"14d\"", s)
		}
		n, err := strconv.ParseFloat(rest[:i], 64)
		if err != nil {
			return 0, fmt.Errorf("%q is not a duration: %q is not a number", s, rest[:i])
		}
		var unit time.Duration
		switch rest[i] {
		case 'd':
			unit = 24 * time.Hour
		case 'h':
			unit = time.Hour
		case 'm':
			unit = time.Minute
		case 's':
			unit = time.Second
		default:
			return 0, fmt.Errorf("%q is not a duration: unit %q is not one of d, h, m, s", s, rest[i:i+1])
		}
		total += time.Duration(n * float64(unit))
		rest = rest[i+1:]
	}
	return total, nil
}

// D returns d as a time.Duration.
func (d Duration) D() time.Duration { return time.Duration(d) }

// String formats d in the units a user writes, for messages and the
// example config ("14d", "36h", "90s").
func (d Duration) String() string {
	t := time.Duration(d)
	switch {
	case t == 0:
		return "0s"
	case t%(24*time.Hour) == 0:
		return strconv.FormatInt(int64(t/(24*time.Hour)), 10) + "d"
	case t%time.Hour == 0:
		return strconv.FormatInt(int64(t/time.Hour), 10) + "h"
	case t%time.Minute == 0:
		return strconv.FormatInt(int64(t/time.Minute), 10) + "m"
	}
	return strconv.FormatFloat(t.Seconds(), 'f', -1, 64) + "s"
}

// Date is a calendar date (midnight UTC). The zero Date means unset.
type Date struct{ time.Time }

// In returns the start of the date in loc.
func (d Date) In(loc *time.Location) time.Time {
	return time.Date(d.Year(), d.Month(), d.Day(), 0, 0, 0, 0, loc)
}

// String formats the date as 2027-09-01, or "" when unset.
func (d Date) String() string {
	if d.IsZero() {
		return ""
	}
	return d.Format("2006-01-02")
}

// Problem is one thing wrong with a config file.
type Problem struct {
	File string
	Line int // 0 when unknown
	Msg  string
}

func (p Problem) String() string {
	if p.Line > 0 {
		return fmt.Sprintf("%s:%d: %s", p.File, p.Line, p.Msg)
	}
	return fmt.Sprintf("%s: %s", p.File, p.Msg)
}

// Problems collects the problems of one file.
type Problems struct {
	file  string
	lines lineIndex
	list  []Problem
	seen  map[string]bool // keys with a problem already
}

// add records a problem of the key at path. A key gets one problem: the
// first (its bad value, say) is what to fix; what follows from it (the
// value then missing) would only repeat it.
func (ps *Problems) add(path, format string, args ...any) {
	if path != "" {
		if ps.seen == nil {
			ps.seen = map[string]bool{}
		}
		if ps.seen[path] {
			return
		}
		ps.seen[path] = true
	}
	ps.list = append(ps.list, Problem{File: ps.file, Line: ps.lines.line(path), Msg: fmt.Sprintf(format, args...)})
}

// Error is returned by Load when a file has problems. It lists all of
// them, one per line, in file order.
type Error struct {
	Problems []Problem
}

func (e *Error) Error() string {
	lines := make([]string, len(e.Problems))
	for i, p := range e.Problems {
		lines[i] = p.String()
	}
	return strings.Join(lines, "\n")
}
