//go:build !windows

package service

import "os"

// Detach does nothing here: only the Windows task runs `lorkeeper
// service run`; launchd and journald take the output of `lorkeeper run`
// themselves, a panic's included.
func Detach(log *os.File) error { return nil }
