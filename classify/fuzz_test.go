package classify

import (
	"bytes"
	"math"
	"os"
	"path/filepath"
	"testing"
	"unicode/utf8"

	"github.com/lorkeeper/lorkeeper/classify/internal/corpus"
	"github.com/lorkeeper/lorkeeper/reader"
)

// FuzzClassify checks that parsing and classifying any input never
// panics and always gives a known kind, a confidence in [0, 1], valid
// UTF-8 evidence and a reason where one is promised. The seeds are the
// development corpus.
//
//	go test ./classify -run XXX -fuzz FuzzClassify -fuzztime 5m
func FuzzClassify(f *testing.F) {
	if root, err := corpus.Root(); err == nil {
		for _, d := range corpus.Dev {
			files, _ := filepath.Glob(filepath.Join(root, d, "*.eml"))
			for _, name := range files {
				if data, err := os.ReadFile(name); err == nil {
					f.Add(data)
				}
			}
		}
	}
	f.Add([]byte("From: a@b\r\nSubject: Re: letter\r\n\r\nI can't, sorry.\r\n\r\nOn Mon, X wrote:\r\n> strong letter?\r\n"))
	f.Add([]byte(""))
	known := map[Kind]bool{}
	for _, k := range Kinds() {
		known[k] = true
	}
	f.Fuzz(func(t *testing.T, data []byte) {
		m, _ := reader.Parse(bytes.NewReader(data))
		r := Classify(m)
		if !known[r.Kind] {
			t.Fatalf("unknown kind %q", r.Kind)
		}
		if math.IsNaN(r.Confidence) || r.Confidence < 0 || r.Confidence > 1 {
			t.Fatalf("confidence %v", r.Confidence)
		}
		if r.Unsure != (r.Confidence < UnsureBelow) {
			t.Fatalf("unsure %v at confidence %v", r.Unsure, r.Confidence)
		}
		if (r.Kind == Hesitant || r.Kind == Decline || r.Unsure) && r.Reason == "" {
			t.Fatalf("%s (unsure %v) without a reason", r.Kind, r.Unsure)
		}
		for _, e := range append(r.Evidence, r.Reason) {
			if !utf8.ValidString(e) {
				t.Fatalf("invalid UTF-8: %q", e)
			}
		}
		if len(r.Evidence) > maxEvidence+1 {
			t.Fatalf("%d pieces of evidence", len(r.Evidence))
		}
	})
}
