package letters

import (
	"strings"
	"testing"
	"time"
)

func day(s string) time.Time {
	t, err := time.Parse("2006-01-02", s)
	if err != nil {
		panic(err)
	}
	return t
}

func TestMixGoodSet(t *testing.T) {
	now := day("2026-08-01")
	ws := []MixWriter{
		{Name: "Dr. A", Radiologist: true, US: true, Start: day("2026-06-01"), End: day("2026-06-28")},
		{Name: "Dr. B", Radiologist: true, US: true, Start: day("2026-07-01"), End: day("2026-07-28")},
		{Name: "Dr. C", US: false, Start: day("2026-05-01"), End: day("2026-06-15")},
	}
	for _, a := range Mix(ws, now) {
		if !a.OK {
			t.Errorf("unexpected warning: %s", a.Text)
		}
	}
}

func TestMixWarnings(t *testing.T) {
	now := day("2026-08-01")
	ws := []MixWriter{
		{Name: "Dr. Short", Radiologist: true, US: false, Research: true, Start: day("2026-07-01"), End: day("2026-07-02")},
		{Name: "Dr. Old", US: true, Research: true, Start: day("2023-01-01"), End: day("2023-06-30")},
		{Name: "Dr. Late", US: false, Research: true, Start: day("2026-01-01"), End: day("2026-02-15")},
		{Name: "Dr. Asked", US: false, Research: true, Start: day("2026-01-01"), End: day("2026-02-15"), AskedAt: day("2026-07-20")},
	}
	var warns []string
	for _, a := range Mix(ws, now) {
		if !a.OK {
			warns = append(warns, a.Text)
		}
	}
	text := strings.Join(warns, "\n")
	for _, want := range []string{
		"1 from radiologists: at least 2",
		"1 from US physicians",
		"all letters are research letters",
		"Dr. Short supervised you for 2 days",
		"Dr. Old: the experience ended 37 months ago",
		"Dr. Late: the experience ended 5 months ago; memories fade",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("missing warning %q in:\n%s", want, text)
		}
	}
	// Once asked, timing advice can no longer be acted on.
	if strings.Contains(text, "Dr. Asked") {
		t.Errorf("timing advice on a writer already asked:\n%s", text)
	}
	if strings.Contains(text, "4 letters:") {
		t.Errorf("3 letters flagged as a wrong count:\n%s", text)
	}
}

func TestMixCount(t *testing.T) {
	two := Mix(make([]MixWriter, 2), day("2026-08-01"))
	if two[0].OK || !strings.Contains(two[0].Text, "ask more writers") {
		t.Errorf("2 letters: %+v", two[0])
	}
	five := Mix(make([]MixWriter, 5), day("2026-08-01"))
	if five[0].OK || !strings.Contains(five[0].Text, "strongest 3–4") {
		t.Errorf("5 letters: %+v", five[0])
	}
}
