package reader

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"
)

// sharedCorpus returns the shared corpus replies directory, or "" when
// ../shared is absent.
func sharedCorpus(tb testing.TB) string {
	tb.Helper()
	dir, err := os.Getwd()
	if err != nil {
		return ""
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			break
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			return ""
		}
		dir = parent
	}
	replies := filepath.Join(dir, "..", "shared", "corpus", "replies")
	if _, err := os.Stat(replies); err != nil {
		return ""
	}
	return replies
}

// FuzzParse checks that Parse never panics, keeps its limits and returns
// valid UTF-8 text.
func FuzzParse(f *testing.F) {
	if dir := sharedCorpus(f); dir != "" {
		files, _ := filepath.Glob(filepath.Join(dir, "*.eml"))
		for _, name := range files {
			if data, err := os.ReadFile(name); err == nil {
				f.Add(data)
			}
		}
	}
	f.Add([]byte("From: a@b\r\nSubject: hi\r\n\r\nOn Mon, X wrote:\r\n> quoted\r\n"))
	f.Add([]byte("Content-Type: multipart/mixed; boundary=x\r\n\r\n--x\r\nContent-Type: text/html\r\n\r\n<blockquote><p>hi</blockquote>\r\n--x--\r\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		m, err := Parse(bytes.NewReader(data))
		if m == nil {
			t.Fatal("nil message")
		}
		if err != nil && !strings.HasPrefix(err.Error(), "parse message: ") {
			t.Fatalf("error without prefix: %v", err)
		}
		if len(m.Body) > MaxBodyText+MaxAttachmentText {
			t.Fatalf("body of %d bytes", len(m.Body))
		}
		for _, s := range []string{m.Body, m.NewText, m.Subject, m.From.Name} {
			if !utf8.ValidString(s) {
				t.Fatalf("invalid UTF-8: %q", s)
			}
		}
		if len(m.NewText) > len(m.Body)+1 {
			t.Fatalf("new text longer than the body")
		}
	})
}
