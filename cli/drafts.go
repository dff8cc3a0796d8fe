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
	"runtime"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/lorkeeper/lorkeeper/daemon"
	"github.com/lorkeeper/lorkeeper/keeper"
	"github.com/lorkeeper/lorkeeper/store"
	"github.com/lorkeeper/lorkeeper/templates"
)

// draftJSON is the contract of `drafts --json`.
type draftJSON struct {
	ID          int64     `json:"id"`
	MessageID   string    `json:"message_id"`
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
		case "approve", "discard", "send-again", "sent":
			return c.draftAction(ctx, a, sub, rest)
		}
		return usagef("drafts: unknown subcommand %q (show, edit, approve, discard, send-again, sent)", sub)
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
	ds, err := a.Keeper.Drafts(ctx, store.Pending, store.Held, store.Failed, store.Approved, store.Sending)
	if err != nil {
		return err
	}
	if asJSON {
		out := make([]draftJSON, 0, len(ds))
		for _, d := range ds {
			j := draftJSON{ID: d.ID, MessageID: d.MessageID, Writer: d.Writer, Template: d.Template, Subject: d.Subject, Status: string(d.Status),
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
	fmt.Fprintln(tw, "ID\tWRITER\tEMAIL\tSTATUS\tSUBJECT")
	queued := 0
	for _, d := range ds {
		fmt.Fprintf(tw, "%d\t%s\t%s\t%s\t%s\n", d.ID, d.Writer, templates.Describe(d.Template), statusWord(d.Status), d.Subject)
		if d.Status == store.Approved || d.Status == store.Sending {
			queued++
		}
	}
	tw.Flush()
	c.out("\nRead one with `lorkeeper drafts show ID`; send with `lorkeeper drafts approve ID...`.\n")
	if queued > 0 {
		c.out("%s\n", c.sendingNote(ctx, a))
	}
	return nil
}

// statusWord names a draft's status for the applicant: an approved
// draft that has not left is "queued".
func statusWord(s store.Status) string {
	switch s {
	case store.Pending:
		return "to review"
	case store.Approved, store.Sending:
		return "queued"
	}
	return string(s)
}

// sendingNote says who sends approved drafts: the running daemon, or
// nobody until the applicant runs it.
func (c *cmd) sendingNote(ctx context.Context, a *daemon.Applicant) string {
	o, err := a.Keeper.Overview(ctx)
	if err == nil && o.Running {
		return fmt.Sprintf("lorkeeper is running (PID %d): approved drafts leave within seconds.", o.PID)
	}
	return "lorkeeper is not running, so approved drafts wait: send them now with `lorkeeper run --once`, or keep it running with `lorkeeper run`."
}

// draftAction approves, discards, sends again or marks sent the drafts
// named by args.
func (c *cmd) draftAction(ctx context.Context, a *daemon.Applicant, sub string, args []string) error {
	ids, err := parseIDs(args)
	if err != nil {
		return err
	}
	n := fmt.Sprintf("%d %s", len(ids), plural(len(ids), "draft", "drafts"))
	switch sub {
	case "approve":
		if err := a.Keeper.Approve(ctx, ids...); err != nil {
			if errors.Is(err, store.ErrHeld) {
				return fmt.Errorf("%w: if it did not arrive, send it again with `lorkeeper drafts send-again %s` (the writer may get two copies); if it did, `lorkeeper drafts sent %s`",
					err, strings.Join(args, " "), strings.Join(args, " "))
			}
			return err
		}
		c.out("%s approved. %s\n", n, c.sendingNote(ctx, a))
	case "discard":
		if err := a.Keeper.Discard(ctx, ids...); err != nil {
			return err
		}
		c.out("%s discarded.\n", n)
	case "send-again":
		if err := a.Keeper.SendAgain(ctx, ids...); err != nil {
			return err
		}
		c.out("%s approved again; the writer may receive two copies. %s\n", n, c.sendingNote(ctx, a))
	case "sent":
		if err := a.Keeper.MarkSent(ctx, ids...); err != nil {
			return err
		}
		c.out("%s recorded as sent.\n", n)
	}
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
	if m, ok, err := a.Keeper.LatestReply(ctx, d.Writer); err == nil && ok && keeper.Threaded(d.Template) {
		c.out("\n---- In answer to %s's message of %s (%s):\n", d.ToName, m.Date.In(a.Keeper.Policy().Location).Format("Jan 2"), templates.DescribeKind(m.Kind))
		for _, l := range strings.Split(strings.TrimSpace(m.NewText), "\n") {
			c.out("| %s\n", l)
		}
	}
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
	dir, err := os.MkdirTemp("", "lorkeeper-edit")
	if err != nil {
		return err
	}
	defer os.RemoveAll(dir)
	file := filepath.Join(dir, fmt.Sprintf("draft-%d.txt", id))
	if err := os.WriteFile(file, []byte("Subject: "+d.Subject+"\n\n"+d.Text), 0o600); err != nil {
		return err
	}
	ed, err := chooseEditor(runtime.GOOS, c.env.Getenv, exec.LookPath, file)
	if err != nil {
		return err
	}
	if err := c.edit(ctx, ed); err != nil {
		return err
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
