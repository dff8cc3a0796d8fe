package dashboard

import (
	"net/http"
	"net/http/httptest"
	"testing"
	"time"
)

func TestHighlight(t *testing.T) {
	for _, c := range []struct {
		text    string
		phrases []string
		want    string // marks shown as [..]
	}{
		{"Sure, I can write you a standard letter.", []string{"I can write you a standard letter."}, "Sure, [I can write you a standard letter.]"},
		// Case and wrapping do not matter.
		{"I could write a general\nletter of support.", []string{"i could write a GENERAL letter of support."}, "[I could write a general\nletter of support.]"},
		// A clipped phrase matches by its kept part.
		{"We only worked together briefly, so the letter would be short.", []string{"We only worked together briefly, so…"}, "[We only worked together briefly, so] the letter would be short."},
		// Overlapping and repeated phrases.
		{"a standard letter, a standard letter", []string{"standard letter", "a standard"}, "[a standard letter], [a standard letter]"},
		// Phrases not in the text (a header) mark nothing; special characters are literal.
		{"Out (of) office.", []string{"Auto-Submitted: auto-replied", "(of)"}, "Out [(of)] office."},
		{"nothing here", nil, "nothing here"},
		{"", []string{"x"}, ""},
	} {
		got := ""
		for _, s := range highlight(c.text, c.phrases) {
			if s.Mark {
				got += "[" + s.Text + "]"
			} else {
				got += s.Text
			}
		}
		if got != c.want {
			t.Errorf("highlight(%q, %q) = %q, want %q", c.text, c.phrases, got, c.want)
		}
	}
}

func TestClock(t *testing.T) {
	ny, err := time.LoadLocation("America/New_York")
	if err != nil {
		t.Skip("no time zone data:", err)
	}
	// 23:30 in New York is already the next day in UTC.
	c := clock{now: time.Date(2027, 6, 2, 3, 30, 0, 0, time.UTC), loc: ny}
	if got := c.daysUntil(time.Date(2027, 6, 2, 0, 0, 0, 0, ny)); got != 1 {
		t.Errorf("daysUntil tomorrow = %d", got)
	}
	if got := c.daysUntil(time.Date(2027, 9, 1, 0, 0, 0, 0, ny)); got != 92 {
		t.Errorf("daysUntil the deadline = %d, want 92", got)
	}
	if got := c.at(time.Date(2027, 6, 1, 14, 0, 0, 0, time.UTC)); got != "Tue Jun 1, 10:00" {
		t.Errorf("at = %q", got)
	}
	if got := c.day(time.Date(2026, 12, 24, 14, 0, 0, 0, time.UTC)); got != "Thu Dec 24, 2026" {
		t.Errorf("day of another year = %q", got)
	}
	for days, want := range map[int]string{92: "92 days left", 1: "due tomorrow", 0: "due today", -1: "1 day past the deadline", -5: "5 days past the deadline"} {
		if got := countdown(days); got != want {
			t.Errorf("countdown(%d) = %q, want %q", days, got, want)
		}
	}
}

func TestSize(t *testing.T) {
	for n, want := range map[int64]string{1: "1 byte", 912: "912 bytes", 84_321: "84 KB", 1_234_567: "1.2 MB"} {
		if got := size(n); got != want {
			t.Errorf("size(%d) = %q, want %q", n, got, want)
		}
	}
}

func TestTokenRedirectStaysOnThisHost(t *testing.T) {
	srv := New(nil, "secret", nil)
	for path, want := range map[string]string{
		"/?token=secret":                "/",
		"/drafts/3?token=secret&a=b":    "/drafts/3?a=b",
		"//evil.example/?token=secret":  "/",
		"/%2Fevil.example?token=secret": "/%2Fevil.example",
	} {
		r := httptest.NewRequest("GET", "http://127.0.0.1:1"+path, nil)
		w := httptest.NewRecorder()
		if srv.authorize(w, r) {
			t.Fatalf("%s: authorize let a token link through", path)
		}
		if w.Code != http.StatusSeeOther || w.Header().Get("Location") != want {
			t.Errorf("%s: %d to %q, want %q", path, w.Code, w.Header().Get("Location"), want)
		}
	}
}
