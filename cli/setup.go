package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"net"
	"os"
	"path/filepath"

	"github.com/lorkeeper/lorkeeper/setup"
	"github.com/lorkeeper/lorkeeper/websetup"
)

// setupWeb asks the first-run questions on local web pages and writes
// the config file, as init does in the terminal.
func (c *cmd) setupWeb(ctx context.Context, args []string) error {
	if rest, err := flags("setup", args, func(*flag.FlagSet) {}); err != nil {
		return err
	} else if len(rest) > 0 {
		return usagef("setup: unexpected %q (the config file is chosen with --config PATH)", rest[0])
	}
	path, err := filepath.Abs(c.configPath)
	if err != nil {
		return err
	}
	if _, err := os.Stat(path); err == nil {
		return fmt.Errorf("setup: %s exists already: edit it (then `lorkeeper check`), or move it away and run `lorkeeper setup` again", path)
	}
	_, err = c.serveSetup(ctx, path, false)
	return err
}

// serveSetup serves the setup pages for path until the file is written
// and returns what was written; when ctx ends first, an error.
func (c *cmd) serveSetup(ctx context.Context, path string, runs bool) (*websetup.Result, error) {
	s, err := websetup.New(websetup.Options{Path: path, Zone: setup.GuessZone(c.env.Getenv), Secrets: openSecrets, Log: c.env.Log, Runs: runs})
	if err != nil {
		return nil, err
	}
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		return nil, fmt.Errorf("setup: %w", err)
	}
	link := fmt.Sprintf("http://%s%s", ln.Addr(), s.Path())
	c.out("Set up lorkeeper in your browser: open\n\n  %s\n\n", link)
	if openBrowser(c.env, link) == nil {
		c.out("(lorkeeper opened it for you; it waits here until the file is written. Ctrl-C stops without writing.)\n")
	}
	if err := s.Serve(ctx, ln); err != nil {
		return nil, err
	}
	res := s.Result()
	if res == nil { // Serve ended with ctx
		return nil, errors.New("setup: stopped; nothing was written")
	}
	c.out("Wrote %s (readable by you only).\n", res.Path)
	switch {
	case res.Runs:
		c.out("\nlorkeeper now runs on it, until you stop it (Ctrl-C).\n")
	case res.Login != "":
		c.out("Next: `lorkeeper login` signs you in with %s; then `lorkeeper check` tests the mailbox.\n", res.Login)
	default:
		c.out("Next: `lorkeeper check` tests the mailbox and shows the letter mix;\n")
		c.out("then `lorkeeper service install` keeps lorkeeper running in the background (or `lorkeeper run` runs it here).\n")
	}
	return res, nil
}
