package service

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"unsafe"

	"golang.org/x/sys/windows"
)

// TestWindowsArgRoundTrip: Windows' own parser reads each quoted
// argument back whole, as the task's program will see it.
func TestWindowsArgRoundTrip(t *testing.T) {
	args := []string{`C:\Program Files\lorkeeper\lorkeeper.exe`, "--config", `C:\Users\Amara Okafor\lor "2027"\x.toml`, `ends\`, `sp ace\`, "", "service", "run"}
	var quoted []string
	for _, a := range args {
		quoted = append(quoted, windowsArg(a))
		if windowsArg(a) != syscall.EscapeArg(a) {
			t.Errorf("windowsArg(%q) = %s, syscall.EscapeArg: %s", a, windowsArg(a), syscall.EscapeArg(a))
		}
	}
	line, err := windows.UTF16PtrFromString(strings.Join(quoted, " "))
	if err != nil {
		t.Fatal(err)
	}
	var n int32
	argv, err := windows.CommandLineToArgv(line, &n)
	if err != nil {
		t.Fatal(err)
	}
	defer windows.LocalFree(windows.Handle(uintptr(unsafe.Pointer(argv))))
	if int(n) != len(args) {
		t.Fatalf("%d arguments read back, want %d", n, len(args))
	}
	for i := range args {
		if got := windows.UTF16ToString(argv[i][:]); got != args[i] {
			t.Errorf("argument %d read back as %q, want %q", i, got, args[i])
		}
	}
}

// TestWindowsPaths: the task file and the log go under %LOCALAPPDATA%,
// and the task runs as this user.
func TestWindowsPaths(t *testing.T) {
	e := Env{GOOS: "windows", Getenv: os.Getenv}
	p, err := PathsFor(e)
	local := os.Getenv("LOCALAPPDATA")
	if err != nil || p.LogFile != filepath.Join(local, "lorkeeper", "logs", "lorkeeper.log") {
		t.Errorf("paths %+v, %v", p, err)
	}
	if u := taskUser(e); !strings.HasSuffix(strings.ToLower(u), `\`+strings.ToLower(os.Getenv("USERNAME"))) {
		t.Errorf("task user %q", u)
	}
}
