package config

import (
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

// Encode writes what Load reads back: the example config survives a
// round trip value for value.
func TestEncodeRoundTrip(t *testing.T) {
	dir := t.TempDir()
	data, err := os.ReadFile(filepath.Join("..", "config.example.toml"))
	if err != nil {
		t.Fatal(err)
	}
	// The example's packet files live under example/; stand them in.
	for _, f := range []string{"example/materials/cv.pdf", "example/materials/personal_statement.pdf"} {
		os.MkdirAll(filepath.Join(dir, filepath.Dir(f)), 0o700)
		os.WriteFile(filepath.Join(dir, f), []byte("%PDF"), 0o600)
	}
	c1, err := Parse(filepath.Join(dir, "a.toml"), data)
	if err != nil {
		t.Fatal(err)
	}
	c1.Writers[0].Highlights = append(c1.Writers[0].Highlights, `a "quoted" one, with \ and é`)
	out := Encode(c1)
	c2, err := Parse(filepath.Join(dir, "a.toml"), out)
	if err != nil {
		t.Fatalf("encoded file does not load: %v\n%s", err, out)
	}
	c1.lines, c2.lines = nil, nil
	for i := range c1.Writers {
		c1.Writers[i].Line, c2.Writers[i].Line = 0, 0
	}
	if !reflect.DeepEqual(c1, c2) {
		t.Errorf("round trip changed the config:\n%s", out)
	}
	for _, want := range []string{"# You, as programs and writers see you.", "[[writer]]", `password_env = "LORKEEPER_IMAP_PASSWORD"`} {
		if !strings.Contains(string(out), want) {
			t.Errorf("encoded file lacks %q", want)
		}
	}
}
