package cli

import (
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/lorkeeper/lorkeeper/daemon"
	"github.com/lorkeeper/lorkeeper/store"
	"github.com/lorkeeper/lorkeeper/templates"
)

// draftJSON is the contract of `drafts --json`.
type draftJSON struct {
	ID          int64     `json:"id"`
	Writer      string    `json:"writer"`
	Template    string    `json:"template"`
	Subject     string    `json:"subject"`
	Status      string    `json:"status"`
	To          string    `json:"to"`
	Attachments []string  `json:"attachments"`
	CreatedAt   time.Time `json:"created_at"`
	Error       string    `json:"error,omitempty"`
}

// drafts lists, shows, edits, approves and discards drafts.
func (c *cmd) drafts(ctx context.Context, args []string) error {
	if len(args) > 0 && !strings.HasPrefix(args[0], "-") {
		sub, rest := args[0], args[1:]
		a, err := c.open()
		if err != nil {
			return err
		}
		defer a.Close()
		switch sub {
		case "show":
			return c.showDraft(ctx, a, rest)
		case "edit":
			return c.editDraft(ctx, a, rest)
		case "approve", "discard":
			ids, err := parseIDs(rest)
			if err != nil {
				return err
			}
			if sub == "approve" {
				err = a.Keeper.Approve(ctx, ids...)
			} else {
				err = a.Keeper.Discard(ctx, ids...)
			}
			if err != nil {
				return err
			}
			verb := map[string]string{"approve": "approved: the daemon sends them within seconds", "discard": "discarded"}[sub]
			c.out("%d %s %s\n", len(ids), plural(len(ids), "draft", "drafts"), verb)
			return nil
		}
		return usagef("drafts: unknown subcommand %q (show, edit, approve, discard)", sub)
	}
	var asJSON bool
	if _, err := flags("drafts", args, func(fs *flag.FlagSet) { fs.BoolVar(&asJSON, "json", false, "JSON output") }); err != nil {
		return err
	}
	a, err := c.open()
	if err != nil {
		return err
	}
	defer a.Close()
	ds, err := a.Keeper.Drafts(ctx, store.Pending, store.Held, store.Failed)
	if err != nil {
		return err
	}
	if asJSON {
		out := make([]draftJSON, 0, len(ds))
		for _, d := range ds {
			j := draftJSON{ID: d.ID, Writer: d.Writer, Template: d.Template, Subject: d.Subject, Status: string(d.Status),
				To: d.ToAddr, CreatedAt: d.CreatedAt, Error: d.LastError, Attachments: []string{}}
			for _, at := range d.Attachments {
				j.Attachments = append(j.Attachments, at.Name)
			}
			out = append(out, j)
		}
		enc := json.NewEncoder(c.env.Stdout)
		enc.SetIndent("", "  ")
		return enc.Encode(out)
	}
	if len(ds) == 0 {
		c.out("No drafts waiting for you.\n")
		return nil
	}
	tw := tabwriter.NewWriter(c.env.Stdout, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "ID\tWRITER\tTEMPLATE\tSTATUS\tSUBJECT")
	for _, d := range ds {
		fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\n", d.ID, d.Writer, d.Template, d.Status, d.Subject)
	}
	tw.Flush()
	c.out("\nRead one with `lorkeeper drafts show ID`; send with `lorkeeper drafts approve ID...`.\n")
	return nil
}

func oneID(args []string) (int64, error) {
	if len(args) != 1 {
		return 0, usagef("give one draft ID")
	}
	ids, err := parseIDs(args)
	if err != nil {
		return 0, err
	}
	return ids[0], nil
}

// showDraft prints a draft as it will be sent.
func (c *cmd) showDraft(ctx context.Context, a *daemon.Applicant, args []string) error {
	id, err := oneID(args)
	if err != nil {
		return err
	}
	d, err := a.Keeper.Draft(ctx, id)
	if err != nil {
		return err
	}
	ap := a.Cfg.Applicant
	c.out("Draft #%d (%s, %s)\n", d.ID, d.Template, d.Status)
	c.out("From: %s <%s>\nTo: %s <%s>\nSubject: %s\n", ap.Name, ap.Email, d.ToName, d.ToAddr, d.Subject)
	for _, at := range d.Attachments {
		c.out("Attachment: %s\n", at.Name)
	}
	if d.LastError != "" {
		c.out("Last error: %s\n", d.LastError)
	}
	c.out("\n%s", d.Text)
	return nil
}

// editDraft opens the draft in $EDITOR; what the applicant saves is what
// will be sent.
func (c *cmd) editDraft(ctx context.Context, a *daemon.Applicant, args []string) error {
	id, err := oneID(args)
	if err != nil {
		return err
	}
	d, err := a.Keeper.Draft(ctx, id)
	if err != nil {
		return err
	}
	if d.Status != store.Pending && d.Status != store.Held {
		return fmt.Errorf("draft %d is %s; only drafts under review can be edited", id, d.Status)
	}
	editor := c.env.Getenv("VISUAL")
	if editor == "" {
		editor = c.env.Getenv("EDITOR")
	}
	if editor == "" {
		return errors.New("set $EDITOR to the editor to use, for example EDITOR=nano")
	}
	dir, err := os.MkdirTemp("", "lorkeeper-edit")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	file := filepath.Join(dir, fmt.Sprintf("draft-%d.txt", id))
	if err := os.WriteFile(file, []byte("Subject: "+d.Subject+"\n\n"+d.Text), 0o600); err != nil {
		return err
	}
	cmd := exec.CommandContext(ctx, "sh", "-c", editor+` "$1"`, "sh", file)
	cmd.Stdin, cmd.Stdout, cmd.Stderr = c.env.Stdin, c.env.Stdout, c.env.Stderr
	if err := cmd.Run(); err != nil {
		return fmt.Errorf("editor %s: %w; the draft is unchanged", editor, err)
	}
	data, err := os.ReadFile(file)
	if err != nil {
		return err
	}
	subject, body, err := templates.ParseEdited(string(data))
	if err != nil {
		return fmt.Errorf("%w; the draft is unchanged", err)
	}
	if subject == d.Subject && body == d.Text {
		c.out("No change to draft #%d.\n", id)
		return nil
	}
	if err := a.Keeper.Edit(ctx, id, subject, body); err != nil {
		return err
	}
	c.out("Draft #%d saved. Approve it with `lorkeeper drafts approve %d`.\n", id, id)
	return nil
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
