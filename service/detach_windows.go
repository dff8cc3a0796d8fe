package service

import (
	"os"

	"golang.org/x/sys/windows"
)

var freeConsole = windows.NewLazySystemDLL("kernel32.dll").NewProc("FreeConsole")

// Detach sends the process's output, a panic's included, to the log and
// closes the console window the Task Scheduler opened for it.
func Detach(log *os.File) error {
	h := windows.Handle(log.Fd())
	if err := windows.SetStdHandle(windows.STD_ERROR_HANDLE, h); err != nil {
		return err
	}
	if err := windows.SetStdHandle(windows.STD_OUTPUT_HANDLE, h); err != nil {
		return err
	}
	os.Stdout, os.Stderr = log, log
	freeConsole.Call() // no console (started by hand from a script) is fine
	return nil
}
