package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"os"
	"path/filepath"

	"github.com/lorkeeper/lorkeeper/config"
	"github.com/lorkeeper/lorkeeper/secrets"
	"github.com/lorkeeper/lorkeeper/setup"
)

// openSecrets opens the secrets store of a state file (tests replace it
// with a file store, so that they never touch the OS keyring).
var openSecrets = secrets.Open

// initConfig asks the first-run questions in the terminal and writes the
// config file; an app password goes to the OS keyring, never the file.
func (c *cmd) initConfig(ctx context.Context, args []string) error {
	var force bool
	if _, err := flags("init", args, func(fs *flag.FlagSet) {
		fs.BoolVar(&force, "force", false, "replace an existing config file")
	}); err != nil {
		return err
	}
	path, err := filepath.Abs(c.configPath)
	if err != nil {
		return err
	}
	if _, err := os.Stat(path); err == nil && !force {
		return fmt.Errorf("init: %s exists already: edit it (then `lorkeeper check`), or start over with `lorkeeper init --force`, which replaces it", path)
	}
	iv := &setup.Interview{In: c.env.Stdin, Out: c.env.Stdout, Path: path, Zone: setup.GuessZone(c.env.Getenv)}
	res, err := iv.Run(ctx)
	if err != nil {
		return fmt.Errorf("init: %w", err)
	}
	cfg, err := config.Parse(path, res.Text)
	if err != nil {
		return fmt.Errorf("init: the answers make a config lorkeeper cannot load (nothing was written; please report this):\n%w", err)
	}
	where := ""
	if res.Password != "" {
		if where, err = setup.StorePassword(openSecrets(cfg.State, cfg.Secrets, c.env.Log), res.Username, res.Password); err != nil {
			return fmt.Errorf("init: %w (nothing was written)", err)
		}
	}
	if err := setup.WriteConfig(path, res.Text, force); err != nil {
		if errors.Is(err, setup.ErrExists) {
			return fmt.Errorf("init: %s appeared while you answered; nothing was written over it: run `lorkeeper init --force` to replace it", path)
		}
		return fmt.Errorf("init: %w", err)
	}
	c.out("\nWrote %s (readable by you only).\n", path)
	if where != "" {
		if where != "the OS keyring" {
			where += ", readable by you only"
		}
		c.out("The app password is kept in %s, not in the file.\n", where)
	}
	cfgFlag := ""
	if c.configSet {
		cfgFlag = " --config " + quoteArg(path)
	}
	if res.Login != "" {
		c.out("Next: `lorkeeper%s login` signs you in with %s; then `lorkeeper%s check` tests the mailbox.\n", cfgFlag, res.Login, cfgFlag)
	} else {
		c.out("Next: `lorkeeper%s check` tests the mailbox and shows the letter mix.\n", cfgFlag)
	}
	c.out("Then `lorkeeper%s service install` keeps lorkeeper running in the background, also after a restart\n", cfgFlag)
	c.out("(or `lorkeeper%s run` runs it in this window until you close it).\n", cfgFlag)
	return nil
}

// quoteArg quotes a path for a command the applicant copies.
func quoteArg(s string) string {
	for _, r := range s {
		if r == ' ' || r == '\'' || r == '"' || r == '\\' && filepath.Separator != '\\' {
			return fmt.Sprintf("%q", s)
		}
	}
	return s
}
