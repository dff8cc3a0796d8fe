package letters

import (
	"strings"
	"testing"
	"time"
)

func TestBusinessDays(t *testing.T) {
	for _, tc := range []struct {
		date string
		want bool
	}{
		{"2026-09-24", true},  // Thursday
		{"2026-09-26", false}, // Saturday
		{"2026-09-07", false}, // Labor Day (first Monday of September)
		{"2026-07-03", false}, // July 4 is a Saturday: observed Friday
		{"2027-07-05", false}, // July 4, 2027 is a Sunday: observed Monday
		{"2026-11-26", false}, // Thanksgiving
		{"2026-11-27", true},  // the Friday after is a working day
		{"2026-10-12", false}, // Columbus Day
		{"2026-06-19", false}, // Juneteenth
		{"2027-12-31", false}, // New Year's Day 2028 is a Saturday: observed Friday Dec 31
		{"2026-12-24", true},
	} {
		d, _ := time.Parse("2006-01-02", tc.date)
		if got := BusinessDay(d); got != tc.want {
			t.Errorf("BusinessDay(%s %s) = %v", tc.date, d.Weekday(), got)
		}
	}
}

func TestUploadTarget(t *testing.T) {
	ny, _ := time.LoadLocation("America/New_York")
	for _, tc := range []struct {
		review        string
		ecfmg, margin int
		want          string
	}{
		// Thursday Sep 24: 5 business days back is Thursday Sep 17, 2
		// more Tuesday Sep 15.
		{"2026-09-24", 5, 2, "2026-09-15"},
		// Monday Sep 14 review: Labor Day (Sep 7) does not count.
		{"2026-09-14", 5, 0, "2026-09-04"},
		// Over Thanksgiving.
		{"2026-12-01", 5, 0, "2026-11-23"},
		// A US graduate: no ECFMG step.
		{"2026-09-24", 0, 0, "2026-09-24"},
	} {
		r, _ := time.ParseInLocation("2006-01-02", tc.review, ny)
		due := UploadTarget(r, tc.ecfmg, tc.margin)
		if got := due.Date.Format("2006-01-02"); got != tc.want {
			t.Errorf("review %s, ECFMG %d, margin %d: due %s, want %s", tc.review, tc.ecfmg, tc.margin, got, tc.want)
		}
		if tc.ecfmg > 0 && !strings.Contains(due.Reason, "ECFMG needs up to 5 business days") {
			t.Errorf("reason: %q", due.Reason)
		}
	}
}
