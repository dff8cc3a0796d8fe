package service

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// TestUnitVerifies: systemd itself accepts the unit install writes, with
// a binary path and config path that need quoting, and no warning.
func TestUnitVerifies(t *testing.T) {
	sa, err := exec.LookPath("systemd-analyze")
	if err != nil {
		t.Skip("no systemd-analyze here")
	}
	dir := t.TempDir()
	exe := filepath.Join(dir, "my apps", "lorkeeper")
	os.MkdirAll(filepath.Dir(exe), 0o700)
	if err := os.WriteFile(exe, []byte("#!/bin/sh\n"), 0o700); err != nil {
		t.Fatal(err)
	}
	xdg := filepath.Join(dir, "config")
	m := &manager{}
	e := env("linux", map[string]string{"XDG_CONFIG_HOME": xdg}, m)
	if _, err := Install(ctx, e, Spec{Exe: exe, Args: []string{"--config", filepath.Join(dir, "100% $sure", "lorkeeper.toml"), "run"}}); err != nil {
		t.Fatal(err)
	}
	runtime := filepath.Join(dir, "run")
	os.MkdirAll(runtime, 0o700)
	cmd := exec.Command(sa, "--user", "verify", filepath.Join(xdg, "systemd", "user", "lorkeeper.service"))
	// Its own user manager, in folders of the test's: never the real user's.
	cmd.Env = append(os.Environ(), "XDG_RUNTIME_DIR="+runtime, "HOME="+dir, "XDG_CONFIG_HOME="+xdg)
	out, err := cmd.CombinedOutput()
	if err != nil || strings.TrimSpace(string(out)) != "" {
		t.Errorf("systemd-analyze --user verify: %v\n%s", err, out)
	}
}
