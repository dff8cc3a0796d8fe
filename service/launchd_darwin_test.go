package service

import (
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"testing"
)

// TestPlistLints: macOS's own plutil accepts the agent and reads back its
// arguments whole.
func TestPlistLints(t *testing.T) {
	spec := Spec{Exe: "/Applications/My Apps/lorkeeper", Args: []string{"--config", odd, "run"}, LogFile: "/tmp/lorkeeper test.log"}
	path := filepath.Join(t.TempDir(), Label+".plist")
	if err := os.WriteFile(path, []byte(Plist(spec)), 0o600); err != nil {
		t.Fatal(err)
	}
	if out, err := exec.Command("plutil", "-lint", path).CombinedOutput(); err != nil {
		t.Fatalf("plutil -lint: %v\n%s", err, out)
	}
	out, err := exec.Command("plutil", "-extract", "ProgramArguments", "json", "-o", "-", path).Output()
	if err != nil {
		t.Fatal(err)
	}
	var args []string
	if err := json.Unmarshal(out, &args); err != nil {
		t.Fatal(err)
	}
	if len(args) != 4 || args[0] != spec.Exe || args[2] != odd {
		t.Errorf("ProgramArguments read back as %q", args)
	}
}

// TestDarwinPaths: the agent goes to ~/Library/LaunchAgents, its log to
// ~/Library/Logs.
func TestDarwinPaths(t *testing.T) {
	p, err := PathsFor(Env{GOOS: "darwin", Getenv: os.Getenv})
	home, _ := os.UserHomeDir()
	if err != nil || p.Definition != filepath.Join(home, "Library", "LaunchAgents", Label+".plist") ||
		p.LogFile != filepath.Join(home, "Library", "Logs", "lorkeeper", "lorkeeper.log") {
		t.Errorf("paths %+v, %v", p, err)
	}
}
