package cli

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"sort"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/lorkeeper/lorkeeper/keeper"
)

// status prints one row per writer, or one writer's history.
func (c *cmd) status(ctx context.Context, args []string) error {
	var asJSON bool
	rest, err := flags("status", args, func(fs *flag.FlagSet) { fs.BoolVar(&asJSON, "json", false, "JSON output") })
	if err != nil {
		return err
	}
	a, err := c.open()
	if err != nil {
		return err
	}
	defer a.Close()
	if len(rest) > 0 {
		return c.history(ctx, a.Keeper, rest[0], asJSON)
	}
	rows, err := a.Keeper.Status(ctx)
	if err != nil {
		return err
	}
	if asJSON {
		enc := json.NewEncoder(c.env.Stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(rows)
	}
	loc := a.Keeper.Policy().Location
	ov, err := a.Keeper.Overview(ctx)
	if err != nil {
		return err
	}
	c.overview(ov, loc)
	tw := tabwriter.NewWriter(c.env.Stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "WRITER\tSTATE\tLAST REPLY\tFLAG\tDAYS\tNEXT STEP")
	for _, r := range rows {
		days := "-"
		if r.DaysSince >= 0 {
			days = fmt.Sprint(r.DaysSince)
		}
		flag := ""
		if r.Flagged {
			flag = "FLAGGED"
		}
		if r.Unsure != nil {
			flag = "READ IT"
		}
		next := r.NextStep
		if !r.NextDate.IsZero() {
			next += " " + r.NextDate.In(loc).Format("Mon Jan 2 15:04")
		}
		fmt.Fprintf(tw, "%s\t%s\t%s\t%s\t%s\t%s\n", r.Writer, r.State, dash(r.LastReplyKind), flag, days, next)
	}
	tw.Flush()
	for _, r := range rows {
		if len(r.Letters) > 1 || (len(r.Letters) == 1 && r.Letters[0].State != "requested") {
			for _, l := range r.Letters {
				todo := ""
				if l.State == "uploaded" {
					todo = fmt.Sprintf(": assign it to your programs in MyERAS, then `lorkeeper mark %s assigned`", l.ID)
				}
				c.out("  %s  %s%s: %s%s\n", l.ID, l.Label, letterID(l.LetterID), l.State, todo)
			}
		}
	}
	for _, r := range rows {
		if r.Flagged {
			c.out("\n%s (%s): %s\n", r.Writer, r.Name, r.FlagReason)
			for _, e := range r.Evidence {
				c.out("    %q\n", e)
			}
		}
		if u := r.Unsure; u != nil {
			c.out("\n%s (%s): %s\n", r.Writer, r.Name, u.Words(r.Writer))
			for _, e := range u.Evidence {
				c.out("    %q\n", e)
			}
		}
		for _, f := range r.Failures {
			c.out("\n%s: %s\n", r.Writer, f)
		}
	}
	return nil
}

// history prints a writer's history: transitions, drafts, and the
// replies read with their kind and evidence.
func (c *cmd) history(ctx context.Context, k *keeper.Keeper, writer string, asJSON bool) error {
	hs, err := k.History(ctx, writer)
	if err != nil {
		return err
	}
	ms, err := k.Messages(ctx, writer)
	if err != nil {
		return err
	}
	if asJSON {
		enc := json.NewEncoder(c.env.Stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(map[string]any{"history": hs, "messages": ms})
	}
	loc := k.Policy().Location
	type line struct {
		at   time.Time
		text string
	}
	var lines []line
	for _, h := range hs {
		t := h.Event
		if h.From != h.To && h.To != "" {
			t += fmt.Sprintf(" (%s -> %s)", h.From, h.To)
		}
		if h.Note != "" {
			t += ": " + h.Note
		}
		if h.Actor != "" {
			t += " (" + h.Actor + ")"
		}
		lines = append(lines, line{h.At, t})
	}
	for _, m := range ms {
		t := fmt.Sprintf("read %s from %s, %q", m.Kind, m.From, m.Subject)
		if m.Corrected != "" {
			t += ", corrected to " + m.Corrected
		}
		if m.Confidence > 0 {
			t += fmt.Sprintf("\n        %.0f%% sure", 100*m.Confidence)
			if m.Unsure {
				t += ": NOT SURE, read it and confirm or correct it"
			}
		}
		if m.Reason != "" {
			t += "\n        why: " + m.Reason
		}
		for _, e := range m.Evidence {
			t += fmt.Sprintf("\n        evidence: %q", e)
		}
		if m.Note != "" {
			t += "\n        note: " + m.Note
		}
		lines = append(lines, line{m.ReceivedAt, t})
	}
	sort.SliceStable(lines, func(i, j int) bool { return lines[i].at.Before(lines[j].at) })
	if len(lines) == 0 {
		c.out("%s: nothing has happened yet\n", writer)
	}
	for _, l := range lines {
		c.out("%s  %s\n", l.at.In(loc).Format("2006-01-02 15:04"), l.text)
	}
	return nil
}

func letterID(id string) string {
	if id == "" {
		return ""
	}
	return " (Letter ID " + id + ")"
}

func dash(s string) string {
	if s == "" {
		return "-"
	}
	return s
}

// overview prints whether lorkeeper is running and working, and what
// stands in its way, before the letters.
func (c *cmd) overview(ov keeper.Overview, loc *time.Location) {
	o := ov
	at := func(t time.Time) string { return t.In(loc).Format("Mon Jan 2 15:04") }
	h := o.Heartbeat
	switch {
	case o.Running:
		c.out("lorkeeper is running (PID %d)", o.PID)
		if !h.Started.IsZero() {
			c.out(" since %s", at(h.Started))
		}
		c.out(".\n")
	default:
		c.out("lorkeeper is NOT running: nothing is sent or read until you start it with `lorkeeper run` (or send what is approved with `lorkeeper run --once`).\n")
	}
	if !h.LastSync.IsZero() {
		c.out("Mailbox last read to the end: %s.\n", at(h.LastSync))
	}
	for _, p := range o.Problems {
		c.out("PROBLEM (%s, since %s): %s\n", p.Source, at(p.Since), p.Message)
	}
	for _, u := range o.Unreadable {
		c.out("PROBLEM: %s\n", u)
	}
	if n := len(o.Queued); n > 0 {
		var ids []string
		for _, d := range o.Queued {
			ids = append(ids, fmt.Sprintf("#%d", d.ID))
		}
		c.out("Queued: %d approved %s not sent yet (%s).\n", n, plural(n, "draft", "drafts"), strings.Join(ids, ", "))
	}
	if due := ov.Due; !due.Date.IsZero() {
		c.out("Letters are due by %s", due.Date.Format("Mon Jan 2, 2006"))
		if due.Reason != "" {
			c.out(" (%s)", due.Reason)
		}
		c.out(".\n")
	}
	c.out("\n")
}
