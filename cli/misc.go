package cli

import (
	"context"
	"encoding/json"
	"flag"
	"fmt"
	"strings"
	"time"

	"github.com/lorkeeper/lorkeeper/classify"
	"github.com/lorkeeper/lorkeeper/config"
	"github.com/lorkeeper/lorkeeper/daemon"
	"github.com/lorkeeper/lorkeeper/inbox"
	"github.com/lorkeeper/lorkeeper/keeper"
	"github.com/lorkeeper/lorkeeper/letters"
	"github.com/lorkeeper/lorkeeper/mailer"
	"github.com/lorkeeper/lorkeeper/templates"
)

// resolve records the applicant's decision on a flagged writer.
func (c *cmd) resolve(ctx context.Context, args []string) error {
	if len(args) != 2 {
		return usagef("resolve WRITER keep|replace|drop")
	}
	a, err := c.open()
	if err != nil {
		return err
	}
	defer a.Close()
	o, err := a.Keeper.Resolve(ctx, args[0], args[1], keeper.ByCommandLine)
	if err != nil {
		return err
	}
	c.out("%s: %s.\n", args[0], o.Note)
	c.printDrafted(o)
	return nil
}

// mark records an upload the applicant saw in MyERAS.
func (c *cmd) mark(ctx context.Context, args []string) error {
	if len(args) != 2 || (args[1] != "uploaded" && args[1] != "assigned") {
		return usagef("mark LETTER uploaded|assigned")
	}
	a, err := c.open()
	if err != nil {
		return err
	}
	defer a.Close()
	if args[1] == "assigned" {
		note, err := a.Keeper.MarkAssigned(ctx, args[0], keeper.ByCommandLine)
		if err != nil {
			return err
		}
		c.out("%s: %s.\n", args[0], note)
		return nil
	}
	o, err := a.Keeper.MarkUploaded(ctx, args[0], keeper.ByCommandLine)
	if err != nil {
		return err
	}
	if !o.Changed {
		c.out("%s: already %s; nothing to do.\n", args[0], templates.DescribeState(string(o.Letter.State)))
		return nil
	}
	c.out("%s: %s.\n", args[0], o.Note)
	c.printDrafted(o)
	return nil
}

func (c *cmd) printDrafted(o letters.Outcome) {
	for _, t := range o.Draft {
		c.out("Drafted for you to review: the %s (see `lorkeeper drafts`).\n", templates.Describe(string(t)))
	}
}

// classifyLine is the contract of `classify`: the kind, the writer's
// sentences that decided it, how sure it is (0..1) and why in plain
// words; "unsure" appears, true, when the confidence is below
// classify.UnsureBelow and the applicant should read the reply.
type classifyLine struct {
	File       string   `json:"file"`
	Kind       string   `json:"kind"`
	Evidence   []string `json:"evidence"`
	Confidence float64  `json:"confidence"`
	Reason     string   `json:"reason"`
	Unsure     bool     `json:"unsure,omitempty"`
	ReturnDate string   `json:"return_date,omitempty"`
	Note       string   `json:"note,omitempty"`
}

// classify prints one JSON line per file. It needs no config.
func (c *cmd) classify(args []string) error {
	if len(args) == 0 {
		return usagef("classify FILE.eml...")
	}
	enc := json.NewEncoder(c.env.Stdout)
	enc.SetEscapeHTML(false)
	failed := 0
	for _, f := range args {
		res, err := classify.KindFile(f)
		if err != nil {
			fmt.Fprintf(c.env.Stderr, "lorkeeper: %v\n", err)
			failed++
			continue
		}
		line := classifyLine{File: f, Kind: string(res.Kind), Evidence: res.Evidence, Confidence: res.Confidence,
			Reason: res.Reason, Unsure: res.Unsure, Note: res.Note}
		if line.Evidence == nil {
			line.Evidence = []string{}
		}
		if !res.ReturnDate.IsZero() {
			line.ReturnDate = res.ReturnDate.Format("2006-01-02")
		}
		if err := enc.Encode(line); err != nil {
			return err
		}
	}
	if failed > 0 {
		return fmt.Errorf("classify: %d of %d files could not be read", failed, len(args))
	}
	return nil
}

// digest prints the digest, or mails it with --send.
func (c *cmd) digest(ctx context.Context, args []string) error {
	var send bool
	if _, err := flags("digest", args, func(fs *flag.FlagSet) { fs.BoolVar(&send, "send", false, "mail it") }); err != nil {
		return err
	}
	a, err := c.open()
	if err != nil {
		return err
	}
	defer a.Close()
	if send {
		sent, err := a.SendDigest(ctx)
		if err != nil {
			return err
		}
		if sent {
			c.out("Digest sent to %s.\n", a.Cfg.Applicant.Email)
		} else {
			c.out("Digest queued: the running lorkeeper sends it to %s within seconds.\n", a.Cfg.Applicant.Email)
		}
		return nil
	}
	m, err := a.Keeper.Digest(ctx)
	if err != nil {
		return err
	}
	c.out("Subject: %s\n\n%s", m.Subject, m.Text)
	return nil
}

// check validates the config, tries both logins and prints the advice.
func (c *cmd) check(ctx context.Context, args []string) error {
	var noLogin bool
	if _, err := flags("check", args, func(fs *flag.FlagSet) { fs.BoolVar(&noLogin, "no-login", false, "skip the server logins") }); err != nil {
		return err
	}
	cfg, err := config.Load(c.configPath)
	if err != nil {
		return err
	}
	c.out("%s: config OK: %s, %d writers.\n", cfg.Path, cfg.Applicant.Name, len(cfg.Writers))
	c.printMailbox(cfg)
	a, err := daemon.Open(cfg, c.env.Log, nil)
	if err != nil {
		return err
	}
	defer a.Close()
	c.out("\nLetter mix (the guide's advice):\n")
	advice, err := a.Keeper.Mix(ctx, true)
	if err != nil {
		return err
	}
	for _, ad := range advice {
		c.out("  %s\n", ad)
	}
	if noLogin {
		return nil
	}
	c.out("\nServers:\n")
	var failed []string
	ctx, cancel := context.WithTimeout(ctx, 30*time.Second)
	defer cancel()
	if err := inbox.CheckLogin(ctx, a.IMAPServer()); err != nil {
		c.out("  FAIL  %v\n", err)
		failed = append(failed, "imap")
	} else {
		c.out("  ok    imap %s:%d: logged in as %s\n", cfg.IMAP.Host, cfg.IMAP.Port, cfg.IMAP.Username)
	}
	if err := mailer.CheckLogin(ctx, a.SMTPServer()); err != nil {
		c.out("  FAIL  smtp %s:%d: %v\n", cfg.SMTP.Host, cfg.SMTP.Port, err)
		failed = append(failed, "smtp")
	} else {
		c.out("  ok    smtp %s:%d: logged in as %s\n", cfg.SMTP.Host, cfg.SMTP.Port, cfg.SMTP.Username)
	}
	if len(failed) > 0 {
		return fmt.Errorf("check: %s login failed", strings.Join(failed, " and "))
	}
	return nil
}
