package cli_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/lorkeeper/lorkeeper/internal/testenv"
)

// TestEditDraftWithoutEditorSet: with neither $VISUAL nor $EDITOR set,
// `drafts edit` opens nano where there is one (here, a stand-in for it
// first on $PATH), and the edit is kept.
func TestEditDraftWithoutEditorSet(t *testing.T) {
	e := testenv.New(t, testenv.Options{})
	run(t, nil, "--config", e.Config, "run", "--once")
	bin := t.TempDir()
	nano := "#!/bin/sh\nprintf 'Subject: Edited in nano\\n\\nDear Dr. Smith, written in nano.\\n' > \"$1\"\n"
	if err := os.WriteFile(filepath.Join(bin, "nano"), []byte(nano), 0o700); err != nil {
		t.Fatal(err)
	}
	t.Setenv("PATH", bin+string(os.PathListSeparator)+os.Getenv("PATH"))
	r := run(t, nil, "--config", e.Config, "drafts", "edit", "1")
	if r.code != 0 || !strings.Contains(r.stdout, "Draft #1 saved") {
		t.Fatalf("edit: %d %s %s", r.code, r.stdout, r.stderr)
	}
	r = run(t, nil, "--config", e.Config, "drafts", "show", "1")
	if !strings.Contains(r.stdout, "Subject: Edited in nano") || !strings.Contains(r.stdout, "written in nano") {
		t.Errorf("edit not kept:\n%s", r.stdout)
	}
	// No editor at all: a plain sentence, the draft unchanged.
	t.Setenv("PATH", t.TempDir())
	r = run(t, nil, "--config", e.Config, "drafts", "edit", "1")
	if r.code == 0 || strings.TrimSpace(r.stderr) != "lorkeeper: no editor found (neither nano nor vi): set $EDITOR to the one to use, for example EDITOR=nano" {
		t.Errorf("no editor: %d %q", r.code, r.stderr)
	}
}
