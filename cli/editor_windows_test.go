package cli

import (
	"context"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// TestWindowsEditor: without $EDITOR, Notepad (found on this machine);
// with one, its quoted path and arguments run as given.
func TestWindowsEditor(t *testing.T) {
	ed, err := chooseEditor(runtime.GOOS, func(string) string { return "" }, exec.LookPath, "F")
	if err != nil || ed.argv[0] != "notepad.exe" || !ed.waitEnter {
		t.Fatalf("default editor %v, %v", ed, err)
	}
	if _, err := exec.LookPath("notepad.exe"); err != nil {
		t.Errorf("notepad.exe not found: %v", err)
	}
	dir := filepath.Join(t.TempDir(), "with space")
	os.MkdirAll(dir, 0o700)
	src, file := filepath.Join(dir, "new.txt"), filepath.Join(dir, "draft-1.txt")
	os.WriteFile(src, []byte("Subject: edited\r\n\r\nnew text\r\n"), 0o600)
	os.WriteFile(file, []byte("Subject: old\r\n\r\nold text\r\n"), 0o600)
	env := map[string]string{"EDITOR": `cmd /c copy /y "` + src + `"`}
	ed, err = chooseEditor(runtime.GOOS, func(k string) string { return env[k] }, exec.LookPath, file)
	if err != nil {
		t.Fatal(err)
	}
	c := &cmd{env: Env{Stdin: strings.NewReader(""), Stdout: io.Discard, Stderr: io.Discard}}
	if err := c.edit(context.Background(), ed); err != nil {
		t.Fatal(err)
	}
	if b, _ := os.ReadFile(file); !strings.Contains(string(b), "new text") {
		t.Errorf("the editor's change is not in the file: %q", b)
	}
}
