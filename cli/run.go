package cli

import (
	"context"
	"errors"
	"flag"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/lorkeeper/lorkeeper/config"
	"github.com/lorkeeper/lorkeeper/daemon"
)

// run is the daemon. With --once it makes one pass over every config
// (plan, send, read the mailbox, remind, digest) and exits.
func (c *cmd) run(ctx context.Context, args []string) error {
	var once bool
	paths, err := flags("run", args, func(fs *flag.FlagSet) {
		fs.BoolVar(&once, "once", false, "one pass, then exit")
	})
	if err != nil {
		return err
	}
	if len(paths) == 0 || c.configSet {
		paths = append([]string{c.configPath}, paths...)
	}
	if len(paths) == 1 && !once {
		if written, err := c.firstRun(ctx, paths[0]); err != nil || !written {
			return err
		}
	}
	if !once {
		sup := &daemon.Supervisor{Paths: paths, Log: c.env.Log}
		sup.Started = c.startDashboard
		return sup.Run(ctx, c.env.Reload)
	}
	files, err := daemon.ConfigFiles(paths)
	if err != nil {
		return err
	}
	var errs []error
	for _, f := range files {
		cfg, err := config.Load(f)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		a, err := daemon.Open(cfg, c.env.Log, nil)
		if err != nil {
			errs = append(errs, err)
			continue
		}
		if err := a.Lock(); err != nil {
			errs = append(errs, err)
			a.Close()
			continue
		}
		if err := a.Run(ctx, daemon.Options{Once: true}); err != nil {
			errs = append(errs, err)
		}
		a.Close()
	}
	return errors.Join(errs...)
}

// firstRun starts the setup pages when the one config to run does not
// exist yet, and reports whether it went on to exist (nothing to do:
// the file is there).
func (c *cmd) firstRun(ctx context.Context, path string) (bool, error) {
	if _, err := os.Stat(path); !errors.Is(err, fs.ErrNotExist) {
		return true, nil
	}
	abs, err := filepath.Abs(path)
	if err != nil {
		return false, err
	}
	c.out("There is no config file at %s yet: lorkeeper sets it up with you first.\n", abs)
	res, err := c.serveSetup(ctx, abs, true)
	return res != nil && res.Runs, err // not when nothing was written, or sign-in comes first
}
