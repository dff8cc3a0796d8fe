// Package demo plays lorkeeper's whole flow in under half a minute, on
// mail servers that live inside the process (package memmail): sample
// applicant and writers, drafts, approval, sending, the writers' replies
// (one of them hesitant), the flag and its evidence, a reminder, an
// upload notice, the thank-you and the digest. It narrates each step in
// plain words. Nothing leaves 127.0.0.1.
package demo

import (
	"context"
	"fmt"
	"io"
	"log/slog"
	"os"
	"path/filepath"
	"strings"
	"text/tabwriter"
	"time"

	"github.com/lorkeeper/lorkeeper/config"
	"github.com/lorkeeper/lorkeeper/daemon"
	"github.com/lorkeeper/lorkeeper/keeper"
	"github.com/lorkeeper/lorkeeper/memmail"
	"github.com/lorkeeper/lorkeeper/store"
)

const (
	applicant = "amara.okafor@inbox.test"
	password  = "demo-password"
	portal    = "notifications@letters-portal.test"
)

// Run plays the demo, writing the story to out and the daemon's log to
// log. It blocks until done (about 20 seconds) or ctx ends.
func Run(ctx context.Context, out io.Writer, log *slog.Logger) error {
	d := &demo{out: out, log: log}
	return d.run(ctx)
}

type demo struct {
	out io.Writer
	log *slog.Logger
	sys *memmail.System
	a   *daemon.Applicant
	k   *keeper.Keeper
	dir string
	n   int
}

func (d *demo) say(format string, args ...any) {
	fmt.Fprintf(d.out, format+"\n", args...)
}

func (d *demo) step(title string) {
	d.n++
	fmt.Fprintf(d.out, "\n== %d. %s\n", d.n, title)
}

func (d *demo) run(ctx context.Context) error {
	ctx, cancel := context.WithTimeout(ctx, 2*time.Minute)
	defer cancel()
	start := time.Now()
	var err error
	if d.sys, err = memmail.Start(memmail.Options{}); err != nil {
		return err
	}
	defer d.sys.Close()
	for _, u := range append([]string{applicant, portal}, writerAddrs...) {
		if err := d.sys.AddUser(u, password); err != nil {
			return err
		}
	}
	if d.dir, err = os.MkdirTemp("", "lorkeeper-demo-"); err != nil {
		return err
	}
	defer os.RemoveAll(d.dir)
	cfgPath, err := d.writeConfig()
	if err != nil {
		return err
	}
	cfg, err := config.Load(cfgPath)
	if err != nil {
		return fmt.Errorf("demo config: %w", err)
	}
	if d.a, err = daemon.Open(cfg, d.log, nil); err != nil {
		return err
	}
	defer d.a.Close()
	d.k = d.a.Keeper

	d.say("lorkeeper demo: an applicant, four letter writers, and mail servers that live inside this")
	d.say("process (IMAP %s, SMTP %s). Nothing leaves this machine.", d.sys.IMAPAddr(), d.sys.SMTPAddr())
	d.say("Sample config: %s", cfgPath)

	runCtx, stopRun := context.WithCancel(ctx)
	done := make(chan error, 1)
	go func() { done <- d.a.Run(runCtx, daemon.Options{Poll: 100 * time.Millisecond}) }()
	defer func() { stopRun(); <-done }()

	if err := d.play(ctx); err != nil {
		return err
	}
	d.say("\nThe whole cycle took %.1f seconds. Try it on your own mailbox: `lorkeeper setup` asks about you,", time.Since(start).Seconds())
	d.say("your mailbox and your writers in your browser (`lorkeeper init` in the terminal); then `lorkeeper run`.")
	return nil
}

func (d *demo) play(ctx context.Context) error {
	d.step("lorkeeper drafts the first email for every writer; nothing is sent yet")
	pending, err := d.waitDrafts(ctx, 4, store.Pending)
	if err != nil {
		return err
	}
	for _, x := range pending {
		d.say("  draft #%d  %-9s to %-32s %q", x.ID, x.Template, x.ToAddr, x.Subject)
	}
	d.say("  Dr. Patel was asked in person, so hers is the follow-up with the letter packet.")
	d.say("  Messages in the writers' inboxes so far: %d (nothing leaves before you approve).", d.inboxCount())
	ask := pending[0]
	d.say("\n  The ask to %s reads:\n", ask.ToName)
	d.quote(ask.Text, 9)

	d.step("You approve the drafts (`lorkeeper drafts approve ID...`); they leave within a second")
	ids := make([]int64, len(pending))
	for i, x := range pending {
		ids[i] = x.ID
	}
	if err := d.k.Approve(ctx, ids...); err != nil {
		return err
	}
	if err := d.waitSent(ctx, ids...); err != nil {
		return err
	}
	for _, w := range writers {
		d.say("  %s's inbox: %d message(s)", w.name, d.count(w.email))
	}

	d.step("The writers answer")
	asks := d.sentByWriter(ctx)
	d.reply(ctx, writerByID("smith"), asks["smith"], "Re: "+asks["smith"].Subject, smithReply)
	d.reply(ctx, writerByID("nguyen"), asks["nguyen"], "Re: "+asks["nguyen"].Subject, nguyenReply)
	d.reply(ctx, writerByID("adeyemi"), asks["adeyemi"], "Automatic reply: "+asks["adeyemi"].Subject, adeyemiAway)
	if err := d.waitState(ctx, "smith", "agreed"); err != nil {
		return err
	}
	if err := d.waitState(ctx, "nguyen", "flagged"); err != nil {
		return err
	}
	if err := d.waitReply(ctx, "adeyemi", "auto_reply"); err != nil {
		return err
	}
	d.say("  Dr. Smith: \"I would be glad to write you a strong letter...\" -> agreed; the follow-up with")
	d.say("  your CV, personal statement and a one-page summary is drafted.")
	d.say("  Prof. Adeyemi: an out-of-office reply -> nothing changes; reminders wait until she is back.")
	rows, _ := d.k.Status(ctx)
	for _, r := range rows {
		if r.Writer == "nguyen" {
			d.say("  Dr. Nguyen: FLAGGED (%s). The words that decided it:", r.FlagReason)
			for _, e := range r.Evidence {
				d.say("      %q", e)
			}
		}
	}
	d.say("  An alternate request (asking whom else in the department could comment in detail) is drafted.")

	d.step("Silence gets a polite reminder, threaded under the original request")
	d.say("  (this demo compresses the 14-day wait into a few seconds)")
	rem, err := d.waitDraft(ctx, "patel", "reminder")
	if err != nil {
		return err
	}
	d.say("  draft #%d to Dr. Patel: %q", rem.ID, rem.Subject)
	d.quote(rem.Text, 7)

	d.step("A letter portal's notice says Dr. Patel uploaded her letter")
	d.notice(ctx)
	if err := d.waitState(ctx, "patel", "uploaded"); err != nil {
		return err
	}
	d.say("  Dr. Patel -> uploaded. The pending reminder is cancelled; a thank-you is drafted.")
	ty, err := d.waitDraft(ctx, "patel", "thank_you")
	if err != nil {
		return err
	}
	if err := d.k.Approve(ctx, ty.ID); err != nil {
		return err
	}
	if err := d.waitSent(ctx, ty.ID); err != nil {
		return err
	}
	if err := d.waitState(ctx, "patel", "done"); err != nil {
		return err
	}
	d.say("  You approve the thank-you; it is sent and the letter is done.")

	d.step("You decide on the hesitant writer: `lorkeeper resolve nguyen replace`")
	if _, err := d.k.Resolve(ctx, "nguyen", "replace", keeper.ByCommandLine); err != nil {
		return err
	}
	alt, err := d.waitDraft(ctx, "nguyen", "alternate")
	if err != nil {
		return err
	}
	if err := d.k.Approve(ctx, alt.ID); err != nil {
		return err
	}
	if err := d.waitSent(ctx, alt.ID); err != nil {
		return err
	}
	d.say("  The alternate request goes to Dr. Nguyen, thanking her for her honesty.")

	d.step("Where everything stands (`lorkeeper status`)")
	d.status(ctx)

	d.step("The digest lorkeeper mails you (`lorkeeper digest`)")
	m, err := d.k.Digest(ctx)
	if err != nil {
		return err
	}
	d.say("  Subject: %s\n", m.Subject)
	d.quote(m.Text, 60)
	return nil
}

// quote prints the first n lines of text, indented.
func (d *demo) quote(text string, n int) {
	lines := strings.Split(strings.TrimRight(text, "\n"), "\n")
	for i, l := range lines {
		if i == n {
			d.say("    [...]")
			break
		}
		d.say("    %s", l)
	}
}

func (d *demo) status(ctx context.Context) {
	rows, err := d.k.Status(ctx)
	if err != nil {
		d.say("  %v", err)
		return
	}
	tw := tabwriter.NewWriter(d.out, 0, 4, 2, ' ', 0)
	fmt.Fprintln(tw, "  WRITER\tSTATE\tLAST REPLY\tFLAG\tNEXT STEP")
	for _, r := range rows {
		flag := ""
		if r.Flagged {
			flag = "FLAGGED"
		}
		fmt.Fprintf(tw, "  %s\t%s\t%s\t%s\t%s\n", r.Writer, r.State, r.LastReplyKind, flag, r.NextStep)
	}
	tw.Flush()
}

func (d *demo) writeConfig() (string, error) {
	mat := filepath.Join(d.dir, "materials")
	if err := os.MkdirAll(mat, 0o755); err != nil {
		return "", err
	}
	for _, f := range []string{"cv.pdf", "personal_statement.pdf"} {
		if err := os.WriteFile(filepath.Join(mat, f), samplePDF(f), 0o644); err != nil {
			return "", err
		}
	}
	deadline := time.Now().AddDate(0, 0, 40)
	text := "# The demo's sample applicant. Generated by lorkeeper demo.\n" +
		string(config.Encode(demoConfig(d.sys.IMAPAddr(), d.sys.SMTPAddr(), deadline)))
	path := filepath.Join(d.dir, "demo.toml")
	return path, os.WriteFile(path, []byte(text), 0o600)
}
