package letters

import (
	"fmt"
	"time"
)

// Due is when letters must be uploaded, and why then.
type Due struct {
	Date   time.Time // the start of the day letters must be in by
	Reason string    // plain words; "" when the applicant gave the date itself
}

// UploadTarget works back from the day programs can start reviewing
// applications: ECFMG needs up to ecfmgDays business days to put an
// IMG's letter into MyERAS, and margin more business days leave room for
// a late writer. Weekends and US federal holidays (when ECFMG does not
// process documents) do not count. All dates are calendar days (any
// clock time is dropped).
func UploadTarget(review time.Time, ecfmgDays, margin int) Due {
	review = dayOf(review)
	d := subtractBusinessDays(review, ecfmgDays+margin)
	var reason string
	switch {
	case ecfmgDays > 0 && margin > 0:
		reason = fmt.Sprintf("programs can review from %s; ECFMG needs up to %d business days to put a letter into MyERAS, and %d more leave room for a late writer",
			review.Format("January 2"), ecfmgDays, margin)
	case ecfmgDays > 0:
		reason = fmt.Sprintf("programs can review from %s; ECFMG needs up to %d business days to put a letter into MyERAS", review.Format("January 2"), ecfmgDays)
	case margin > 0:
		reason = fmt.Sprintf("programs can review from %s; %d business days leave room for a late writer", review.Format("January 2"), margin)
	default:
		reason = fmt.Sprintf("programs can review from %s", review.Format("January 2"))
	}
	return Due{Date: d, Reason: reason}
}

func dayOf(t time.Time) time.Time {
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, t.Location())
}

// subtractBusinessDays returns the day n business days before t (t
// itself not counted).
func subtractBusinessDays(t time.Time, n int) time.Time {
	for n > 0 {
		t = t.AddDate(0, 0, -1)
		if BusinessDay(t) {
			n--
		}
	}
	return t
}

// BusinessDay reports whether t falls on a weekday that is not a US
// federal holiday (as observed: a Saturday holiday moves to Friday, a
// Sunday one to Monday).
func BusinessDay(t time.Time) bool {
	if wd := t.Weekday(); wd == time.Saturday || wd == time.Sunday {
		return false
	}
	return !holiday(t)
}

func holiday(t time.Time) bool {
	same := func(h time.Time) bool { return h.Year() == t.Year() && h.Month() == t.Month() && h.Day() == t.Day() }
	for _, h := range federalHolidays(t.Year()) {
		if same(h) {
			return true
		}
	}
	// New Year's Day of next year, observed on this December 31.
	return same(observed(time.Date(t.Year()+1, time.January, 1, 0, 0, 0, 0, time.UTC)))
}

// federalHolidays are the eleven US federal holidays of year, as
// observed (dates only, at midnight UTC).
func federalHolidays(year int) []time.Time {
	loc := time.UTC
	date := func(m time.Month, d int) time.Time { return time.Date(year, m, d, 0, 0, 0, 0, loc) }
	nth := func(m time.Month, wd time.Weekday, n int) time.Time {
		t := date(m, 1)
		for t.Weekday() != wd {
			t = t.AddDate(0, 0, 1)
		}
		return t.AddDate(0, 0, 7*(n-1))
	}
	last := func(m time.Month, wd time.Weekday) time.Time {
		t := date(m+1, 1).AddDate(0, 0, -1)
		for t.Weekday() != wd {
			t = t.AddDate(0, 0, -1)
		}
		return t
	}
	return []time.Time{
		observed(date(time.January, 1)),
		nth(time.January, time.Monday, 3),  // Martin Luther King Jr. Day
		nth(time.February, time.Monday, 3), // Washington's Birthday
		last(time.May, time.Monday),        // Memorial Day
		observed(date(time.June, 19)),      // Juneteenth
		observed(date(time.July, 4)),
		nth(time.September, time.Monday, 1), // Labor Day
		nth(time.October, time.Monday, 2),   // Columbus Day
		observed(date(time.November, 11)),   // Veterans Day
		nth(time.November, time.Thursday, 4),
		observed(date(time.December, 25)),
	}
}

func observed(t time.Time) time.Time {
	switch t.Weekday() {
	case time.Saturday:
		return t.AddDate(0, 0, -1)
	case time.Sunday:
		return t.AddDate(0, 0, 1)
	}
	return t
}
