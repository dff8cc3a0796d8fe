package demo

import (
	"bytes"
	"context"
	"io"
	"log/slog"
	"strings"
	"testing"
	"time"
)

// TestDemoPlaysTheWholeCycle runs the demo and checks that each step of
// the story happened and was told.
func TestDemoPlaysTheWholeCycle(t *testing.T) {
	var out bytes.Buffer
	start := time.Now()
	if err := Run(context.Background(), &out, slog.New(slog.NewTextHandler(io.Discard, nil))); err != nil {
		t.Fatalf("demo: %v\n%s", err, out.String())
	}
	took := time.Since(start)
	text := out.String()
	for _, want := range []string{
		"Messages in the writers' inboxes so far: 0",
		"Would you feel comfortable writing me a strong letter",
		"Dr. Jane Smith's inbox: 1 message(s)",
		"Dr. Nguyen: FLAGGED",
		`"I can write you a standard letter`,
		"Re: Letter of recommendation", // the threaded reminder
		"Dr. Patel -> uploaded",
		"patel    done",
		"Subject: Your letters: 1 uploaded",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("the demo did not show %q", want)
		}
	}
	if took > 30*time.Second {
		t.Errorf("the demo took %v; it must stay under 30s", took)
	}
	if t.Failed() {
		t.Log(text)
	}
}
