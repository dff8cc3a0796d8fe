package cli

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"os/exec"
	"strings"
)

// editor is how `drafts edit` opens a file.
type editor struct {
	argv []string // the command, the file last
	// hint is said before it opens; waitEnter: the editor may return
	// before the applicant is done (Notepad hands the file to a window
	// already open), so lorkeeper waits for Enter.
	hint      string
	waitEnter bool
}

// chooseEditor picks the editor for file on goos: $VISUAL, then $EDITOR
// (a command line: arguments allowed), else Notepad on Windows, the
// default text editor on macOS (open -W -t: it waits until that editor
// quits), else nano or vi where installed.
func chooseEditor(goos string, getenv func(string) string, lookPath func(string) (string, error), file string) (editor, error) {
	cmdline := getenv("VISUAL")
	if cmdline == "" {
		cmdline = getenv("EDITOR")
	}
	if strings.TrimSpace(cmdline) != "" {
		if goos == "windows" {
			words := splitCommand(cmdline)
			return editor{argv: append(words, file)}, nil
		}
		return editor{argv: []string{"sh", "-c", cmdline + ` "$1"`, "sh", file}}, nil
	}
	switch goos {
	case "windows":
		return editor{argv: []string{"notepad.exe", file}, waitEnter: true,
			hint: "The draft opens in Notepad: edit it, save it (Ctrl+S) and close Notepad."}, nil
	case "darwin":
		return editor{argv: []string{"open", "-W", "-t", file},
			hint: "The draft opens in your text editor: edit it, save it (⌘S), then quit the editor (⌘Q) to come back here."}, nil
	}
	for _, name := range []string{"nano", "vi"} {
		if p, err := lookPath(name); err == nil {
			return editor{argv: []string{p, file}}, nil
		}
	}
	return editor{}, errors.New("no editor found (neither nano nor vi): set $EDITOR to the one to use, for example EDITOR=nano")
}

// splitCommand splits a Windows command line into words: spaces
// separate them, double quotes keep a path with spaces whole.
func splitCommand(s string) []string {
	var words []string
	var cur strings.Builder
	quoted, have := false, false
	for _, r := range s {
		switch {
		case r == '"':
			quoted, have = !quoted, true
		case (r == ' ' || r == '\t') && !quoted:
			if have {
				words = append(words, cur.String())
				cur.Reset()
				have = false
			}
		default:
			cur.WriteRune(r)
			have = true
		}
	}
	if have {
		words = append(words, cur.String())
	}
	return words
}

// edit runs the editor and returns once the applicant is done with it.
func (c *cmd) edit(ctx context.Context, ed editor) error {
	if ed.hint != "" {
		c.out("%s\n", ed.hint)
	}
	cmd := exec.CommandContext(ctx, ed.argv[0], ed.argv[1:]...)
	cmd.Stdin, cmd.Stdout, cmd.Stderr = c.env.Stdin, c.env.Stdout, c.env.Stderr
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("editor %s: %w; the draft is unchanged (set $EDITOR to choose another editor)", ed.argv[0], err)
	}
	if ed.waitEnter {
		c.out("Press Enter here once you have saved the draft and closed the editor.")
		if _, err := bufio.NewReader(c.env.Stdin).ReadString('\n'); err != nil && !errors.Is(err, io.EOF) {
			return err
		}
		c.out("\n")
	}
	return nil
}
