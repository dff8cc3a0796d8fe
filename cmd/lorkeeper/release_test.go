package main

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"strings"
	"testing"
)

// TestReleaseScript: scripts/release builds the binary for this machine
// with the version stamped (`--version` prints it), no folder of the
// build machine in it, no cgo, and its SHA-256 in SHA256SUMS; a version
// not like v1.2.0 is refused. (The script's own check, run by hand for a
// release, builds everything twice and compares; see its --help.)
func TestReleaseScript(t *testing.T) {
	if testing.Short() {
		t.Skip("builds a release binary")
	}
	bash, err := exec.LookPath("bash")
	if err != nil {
		t.Skip("no bash")
	}
	target := runtime.GOOS + "/" + runtime.GOARCH
	switch target {
	case "linux/amd64", "linux/arm64", "darwin/amd64", "darwin/arm64", "windows/amd64", "windows/arm64":
	default:
		t.Skipf("%s is not a release target", target)
	}
	root, _ := filepath.Abs("../..")
	out := t.TempDir()
	cmd := exec.Command(bash, filepath.Join(root, "scripts", "release"), "--no-check", "--allow-dirty", "--targets", target, "--out", out, "v0.0.0-test.1")
	cmd.Dir = root
	if b, err := cmd.CombinedOutput(); err != nil {
		t.Fatalf("scripts/release: %v\n%s", err, b)
	}
	name := "lorkeeper-v0.0.0-test.1-" + runtime.GOOS + "-" + runtime.GOARCH
	if runtime.GOOS == "windows" {
		name += ".exe"
	}
	bin := filepath.Join(out, name)
	data, err := os.ReadFile(bin)
	if err != nil {
		t.Fatal(err)
	}
	sum := sha256.Sum256(data)
	sums, _ := os.ReadFile(filepath.Join(out, "SHA256SUMS"))
	if string(sums) != hex.EncodeToString(sum[:])+"  "+name+"\n" {
		t.Errorf("SHA256SUMS %q, binary %x", sums, sum)
	}
	if sc, err := exec.LookPath("sha256sum"); err == nil {
		c := exec.Command(sc, "--ignore-missing", "-c", "SHA256SUMS")
		c.Dir = out
		if b, err := c.CombinedOutput(); err != nil || string(b) != name+": OK\n" {
			t.Errorf("sha256sum -c SHA256SUMS: %v %q", err, b)
		}
	}
	if v, err := exec.Command(bin, "--version").Output(); err != nil || string(v) != "lorkeeper v0.0.0-test.1\n" {
		t.Errorf("--version: %q, %v", v, err)
	}
	if bytes.Contains(data, []byte(root)) {
		t.Errorf("the binary contains the build folder %s (-trimpath)", root)
	}
	info, err := exec.Command("go", "version", "-m", bin).Output()
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"-trimpath=true", "CGO_ENABLED=0"} {
		if !strings.Contains(string(info), want) {
			t.Errorf("build info lacks %s:\n%s", want, info)
		}
	}
	if strings.Contains(string(info), "vcs.") {
		t.Errorf("build info has VCS stamps (they depend on the checkout):\n%s", info)
	}
	cmd = exec.Command(bash, filepath.Join(root, "scripts", "release"), "--out", out, "1.0")
	cmd.Dir = root
	if b, err := cmd.CombinedOutput(); err == nil || !strings.Contains(string(b), "give the version, like v1.2.0") {
		t.Errorf("a bad version: %v %s", err, b)
	}
}
