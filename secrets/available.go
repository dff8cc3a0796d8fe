package secrets

import (
	"fmt"
	"os"
	"path/filepath"
	"runtime"
)

// sessionKeyring is the OS keyring, or nil where there surely is none:
// on Linux and the BSDs the Secret Service lives on the user's D-Bus
// session, and without one (a server, a container, a service without a
// login session) asking for it would make go-keyring's D-Bus library run
// dbus-launch and start a bus of its own.
func sessionKeyring() OSKeyring {
	switch runtime.GOOS {
	case "darwin", "windows":
		return osKeyring{}
	}
	if os.Getenv("DBUS_SESSION_BUS_ADDRESS") != "" {
		return osKeyring{}
	}
	dir := os.Getenv("XDG_RUNTIME_DIR")
	if dir == "" {
		dir = fmt.Sprintf("/run/user/%d", os.Getuid())
	}
	if _, err := os.Stat(filepath.Join(dir, "bus")); err == nil {
		return osKeyring{}
	}
	return nil
}
