package cli

import (
	"context"
	"fmt"
	"text/tabwriter"
)

// assign prints the plan of which letters go to which programs.
func (c *cmd) assign(ctx context.Context, args []string) error {
	if len(args) != 0 {
		return usagef("assign takes no arguments")
	}
	a, err := c.open()
	if err != nil {
		return err
	}
	defer a.Close()
	plans, err := a.Keeper.Plan(ctx)
	if err != nil {
		return err
	}
	if len(plans) == 0 {
		c.out("No programs in %s: add a [[program]] table for each (name, kind = \"specialty\" or \"prelim\", tags such as \"research\" or \"community\").\n", a.Cfg.Path)
		return nil
	}
	tw := tabwriter.NewWriter(c.env.Stdout, 0, 4, 2, ' ', 0)
	for _, p := range plans {
		fmt.Fprintf(tw, "%s\t\t\t\n", p.Program.Name)
		for i, l := range p.Letters {
			state := ""
			if l.State == "requested" {
				state = " (not uploaded yet)"
			}
			fmt.Fprintf(tw, "  %d. %s\t%s's %s%s\t%s\n", i+1, l.ID, l.Writer, l.Label, state, l.Why)
		}
		if p.Note != "" {
			fmt.Fprintf(tw, "  ! %s\t\t\n", p.Note)
		}
	}
	tw.Flush()
	c.out("\nAssign them in MyERAS (a program sees a letter only once it is assigned), then `lorkeeper mark LETTER assigned`.\n")
	return nil
}

// portal teaches lorkeeper a notice format.
func (c *cmd) portal(ctx context.Context, args []string) error {
	if len(args) != 2 || args[0] != "learn" {
		return usagef("portal learn FILE.eml")
	}
	a, err := c.open()
	if err != nil {
		return err
	}
	defer a.Close()
	p, err := a.Keeper.LearnPortal(ctx, args[1])
	if err != nil {
		return err
	}
	c.out("From now on, notices from %s like %q are read as letter-upload notices (and checked like any portal's).\n", p.Sender, p.Subject)
	return nil
}
