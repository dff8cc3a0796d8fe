package cli

import (
	"context"

	"github.com/lorkeeper/lorkeeper/keeper"
	"github.com/lorkeeper/lorkeeper/letters"
	"github.com/lorkeeper/lorkeeper/templates"
)

// set puts a writer's letter in any state.
func (c *cmd) set(ctx context.Context, args []string) error {
	if len(args) != 2 {
		return usagef("set WRITER STATE")
	}
	state, err := letters.ParseState(args[1])
	if err != nil {
		return err
	}
	a, err := c.open()
	if err != nil {
		return err
	}
	defer a.Close()
	o, err := a.Keeper.Set(ctx, args[0], state, keeper.ByCommandLine)
	if err != nil {
		return err
	}
	c.out("%s: %s (%s). Undo with `lorkeeper undo %s`.\n", args[0], o.Note, templates.DescribeState(string(o.Letter.State)), args[0])
	c.printDrafted(o)
	return nil
}

// correct re-labels a writer's last reply.
func (c *cmd) correct(ctx context.Context, args []string) error {
	if len(args) != 2 {
		return usagef("correct WRITER KIND")
	}
	a, err := c.open()
	if err != nil {
		return err
	}
	defer a.Close()
	o, err := a.Keeper.Correct(ctx, args[0], letters.Reply(args[1]), keeper.ByCommandLine)
	if err != nil {
		return err
	}
	if !o.Changed && len(o.Draft) == 0 {
		c.out("%s: the last reply stays read as %s; the letter stays as it was (%s).\n",
			args[0], templates.DescribeKind(args[1]), templates.DescribeState(string(o.Letter.State)))
		return nil
	}
	c.out("%s: the last reply is now read as %s; where the letter stands now: %s. Undo with `lorkeeper undo %s`.\n",
		args[0], templates.DescribeKind(args[1]), templates.DescribeState(string(o.Letter.State)), args[0])
	c.printDrafted(o)
	return nil
}

// undo takes back the applicant's last change to a letter.
func (c *cmd) undo(ctx context.Context, args []string) error {
	if len(args) != 1 {
		return usagef("undo WRITER")
	}
	a, err := c.open()
	if err != nil {
		return err
	}
	defer a.Close()
	what, err := a.Keeper.Undo(ctx, args[0], keeper.ByCommandLine)
	if err != nil {
		return err
	}
	c.out("%s: undone (%s).\n", args[0], what)
	return nil
}

// corrections exports the corrected replies.
func (c *cmd) corrections(ctx context.Context, args []string) error {
	if len(args) != 2 || args[0] != "export" {
		return usagef("corrections export DIR")
	}
	a, err := c.open()
	if err != nil {
		return err
	}
	defer a.Close()
	n, err := a.Keeper.ExportCorrections(ctx, args[1])
	if err != nil {
		return err
	}
	c.out("%d corrected %s written to %s, with labels.tsv.\n", n, plural(n, "reply", "replies"), args[1])
	return nil
}

// dashboard prints the dashboard's link, and opens it on a desktop.
func (c *cmd) dashboard(ctx context.Context, args []string) error {
	if len(args) != 0 {
		return usagef("dashboard takes no arguments")
	}
	a, err := c.open()
	if err != nil {
		return err
	}
	defer a.Close()
	link, err := dashboardLink(a.Cfg)
	if err != nil {
		return err
	}
	o, err := a.Keeper.Overview(ctx)
	if err != nil {
		return err
	}
	c.out("%s\n", link)
	if !o.Running {
		c.out("lorkeeper is not running, so the page will not load until you start it with `lorkeeper run`.\n")
		return nil
	}
	if err := openBrowser(c.env, link); err == nil {
		c.out("Opened in your browser.\n")
	}
	return nil
}
