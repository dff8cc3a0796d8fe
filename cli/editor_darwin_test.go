package cli

import (
	"os/exec"
	"runtime"
	"testing"
)

// TestMacEditor: without $EDITOR, macOS's default text editor through
// open, which is on every Mac and waits (-W) until the editor quits.
func TestMacEditor(t *testing.T) {
	ed, err := chooseEditor(runtime.GOOS, func(string) string { return "" }, exec.LookPath, "F")
	if err != nil || len(ed.argv) != 4 || ed.argv[0] != "open" || ed.argv[1] != "-W" || ed.argv[2] != "-t" {
		t.Fatalf("default editor %v, %v", ed.argv, err)
	}
	if _, err := exec.LookPath("open"); err != nil {
		t.Errorf("open not found: %v", err)
	}
}
