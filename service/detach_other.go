//go:build !windows

package service

import "os"

// Detach sends the process's output to the log. (Only the Windows task
// runs `lorkeeper service run`; launchd and journald take the output of
// `lorkeeper run` themselves.)
func Detach(log *os.File) error {
	os.Stdout, os.Stderr = log, log
	return nil
}
