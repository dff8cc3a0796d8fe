// Package cli is lorkeeper's command line: it parses arguments, opens
// what a command needs and prints the result. Errors go to stderr, one
// line each, and make the exit status non-zero.
package cli

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"log/slog"
	"os"
	"strconv"
	"strings"

	"github.com/lorkeeper/lorkeeper/config"
	"github.com/lorkeeper/lorkeeper/daemon"
)

// Env is what a command may touch of the outside world.
type Env struct {
	Stdin          io.Reader
	Stdout, Stderr io.Writer
	Log            *slog.Logger // for long-running commands
	Getenv         func(string) string
	// Reload receives a value when the daemon should re-read its configs
	// (main sends SIGHUP here).
	Reload <-chan struct{}
}

// command is one entry of the command line.
type command struct {
	name  string
	args  string // the arguments, as usage shows them
	short string // one line
	long  string // more, for `help COMMAND`
	run   func(c *cmd, ctx context.Context, args []string) error
}

// commands is the command line, in the order help lists it.
var commands = []command{
	{"run", "[--once] [CONFIG...]", "the daemon: watch, send approved drafts, remind, digest",
		"Runs until stopped (Ctrl-C). With --once: one pass (sends what is approved, reads new mail), then exits.\nSeveral config files or folders of them: one process, many mailboxes. One daemon per state file.", (*cmd).run},
	{"check", "[--no-login]", "check the config, show what it resolved to, test both logins, letter-mix advice", "", (*cmd).check},
	{"status", "[--json] [WRITER]", "is lorkeeper running, and where each letter stands; with WRITER, its history", "", (*cmd).status},
	{"drafts", "[--json] | show|edit|approve|discard|send-again|sent ID...", "emails awaiting your review, and approved ones not sent yet",
		"drafts show ID       the email exactly as it will be sent\ndrafts edit ID       edit it in your editor; the edit is what gets sent\ndrafts approve ID... send them\ndrafts discard ID... drop them\ndrafts send-again ID a held email (maybe sent) goes out once more\ndrafts sent ID       a held email did arrive: record it as sent", (*cmd).drafts},
	{"resolve", "WRITER keep|replace|drop", "decide on a writer after any reply",
		"keep: go on with this writer; replace: thank them and ask whom else (the alternate email); drop: stop.", (*cmd).resolve},
	{"set", "WRITER STATE", "put a letter in any state (recorded, and undone with undo)",
		"States: planned, asked, agreed, waiting, flagged, info_requested, declined, uploaded, done, dropped.", (*cmd).set},
	{"correct", "WRITER KIND", "re-label the writer's last reply; what follows re-applies",
		"Kinds: strong_yes, hesitant, decline, needs_info, uploaded, auto_reply, other.\nThe kind lorkeeper read confirms a reply it was not sure of (status shows READ IT) and changes nothing else.", (*cmd).correct},
	{"undo", "WRITER", "take back your last set, correct, resolve or mark", "", (*cmd).undo},
	{"mark", "LETTER uploaded|assigned", "record what you saw in MyERAS: a letter uploaded, or assigned to your programs",
		"LETTER is the writer's id, or for a writer of two letters the letter's id (status shows them: smith-specialty, smith-prelim).", (*cmd).mark},
	{"assign", "", "the plan of which letters go to which programs (at most 4 each)", "Programs are the [[program]] tables of the config.", (*cmd).assign},
	{"portal", "learn FILE.eml", "teach lorkeeper a letter-portal notice it did not know", "From then on that sender's notices are read as upload notices.", (*cmd).portal},
	{"init", "[--force]", "first-run questions here in the terminal; writes the config file",
		"Asks about you, your mailbox and your writers, then writes the config (--config PATH, else ./lorkeeper.toml).\nAn app password goes to the OS keyring, never into the file. --force replaces an existing file.", (*cmd).initConfig},
	{"setup", "", "the same first-run questions on pages in your browser; writes the config file",
		"Serves the pages on this computer only (127.0.0.1, under a secret address it prints and opens), checks the mailbox login\nas you go, keeps the CV and personal statement in documents/ beside the config, and never writes over an existing file.\n`run` with no config file starts it too.", (*cmd).setupWeb},
	{"login", "", "sign in to Google or Microsoft (OAuth2) for your mailbox", "", (*cmd).login},
	{"service", "install|uninstall|status", "keep lorkeeper running in the background, from every login on",
		"install: a systemd user unit (Linux), a launch agent (macOS) or a logon task (Windows) that runs `lorkeeper run`\non this config, restarted after a crash; for your account only. uninstall: stop it and remove it.\nstatus: is it installed, what the service manager says, is lorkeeper running.\n(service run is what the Windows task runs: `run`, logging to its file.)", (*cmd).serviceCmd},
	{"logs", "[-n LINES]", "the background service's recent log lines (50 by default)", "", (*cmd).logs},
	{"corrections", "export DIR", "write the replies you corrected as .eml files with labels.tsv", "", (*cmd).corrections},
	{"classify", "FILE.eml...", "one JSON line per file: kind, evidence, confidence, reason", "", func(c *cmd, _ context.Context, a []string) error { return c.classify(a) }},
	{"digest", "[--send]", "the digest now: print it, or mail it to yourself", "", (*cmd).digest},
	{"dashboard", "", "print (and on a desktop, open) the link to your dashboard", "", (*cmd).dashboard},
	{"demo", "", "the whole flow on built-in mail servers, with sample data", "", (*cmd).demo},
	{"help", "[COMMAND]", "this help, or a command's", "", nil},
}

// aliases point a word people type to the command they mean.
var aliases = map[string]string{
	"approve": "drafts approve", "discard": "drafts discard", "show": "drafts show", "edit": "drafts edit",
	"start": "run", "daemon": "run", "validate": "check", "list": "status", "history": "status WRITER",
	"keep": "resolve WRITER keep", "drop": "resolve WRITER drop", "replace": "resolve WRITER replace",
	"uploaded": "mark WRITER uploaded", "version": "--version", "login": "login", "setup": "setup", "init": "init",
}

func usage() string {
	var b strings.Builder
	b.WriteString("usage: lorkeeper [--config PATH] COMMAND [ARGS]   (--config may also come after COMMAND)\n\n")
	for _, c := range commands {
		fmt.Fprintf(&b, "  %-12s %-30s %s\n", c.name, c.args, c.short)
	}
	b.WriteString("\nThe config defaults to $LORKEEPER_CONFIG, then ./lorkeeper.toml. `lorkeeper help COMMAND` says more.\n")
	return b.String()
}

func lookup(name string) (command, bool) {
	for _, c := range commands {
		if c.name == name {
			return c, true
		}
	}
	return command{}, false
}

func commandHelp(c command) string {
	s := fmt.Sprintf("usage: lorkeeper [--config PATH] %s %s\n\n%s\n", c.name, c.args, c.short)
	if c.long != "" {
		s += "\n" + c.long + "\n"
	}
	return s
}

// suggest names the command nearest to an unknown one.
func suggest(name string) string {
	if a, ok := aliases[name]; ok {
		return a
	}
	var names []string
	for _, c := range commands {
		names = append(names, c.name)
	}
	return config.Nearest(name, names)
}

// splitConfig takes --config PATH (or --config=PATH, -config) out of
// args, wherever it is, and returns the rest.
func splitConfig(args []string) (path string, set bool, rest []string, err error) {
	for i := 0; i < len(args); i++ {
		a := args[i]
		if a == "--" {
			rest = append(rest, args[i:]...)
			break
		}
		name, val, hasVal := strings.Cut(a, "=")
		if name != "--config" && name != "-config" {
			rest = append(rest, a)
			continue
		}
		if !hasVal {
			if i+1 >= len(args) {
				return "", false, nil, usagef("--config needs a file: --config PATH")
			}
			i++
			val = args[i]
		}
		path, set = val, true
	}
	return path, set, rest, nil
}

// Main runs one command and returns the exit status.
func Main(ctx context.Context, args []string, env Env) int {
	if env.Getenv == nil {
		env.Getenv = os.Getenv
	}
	if env.Log == nil {
		env.Log = slog.New(slog.NewTextHandler(env.Stderr, nil))
	}
	path, set, args, err := splitConfig(args)
	if err != nil {
		fmt.Fprintf(env.Stderr, "lorkeeper: %v\n", err)
		return 2
	}
	if len(args) == 0 {
		fmt.Fprint(env.Stderr, usage())
		return 2
	}
	switch args[0] {
	case "help", "-h", "-help", "--help":
		if len(args) > 1 {
			if c, ok := lookup(args[1]); ok {
				fmt.Fprint(env.Stdout, commandHelp(c))
				return 0
			}
			fmt.Fprintf(env.Stderr, "lorkeeper: no command %q%s\n", args[1], didYouMean(args[1]))
			return 2
		}
		fmt.Fprint(env.Stdout, usage())
		return 0
	case "--version", "-version", "version":
		fmt.Fprintf(env.Stdout, "lorkeeper %s\n", Version())
		return 0
	}
	if !set {
		path = env.Getenv("LORKEEPER_CONFIG")
	}
	if path == "" {
		path = "lorkeeper.toml"
	}
	c := &cmd{env: env, configPath: path, configSet: set || env.Getenv("LORKEEPER_CONFIG") != ""}
	name, rest := args[0], args[1:]
	spec, ok := lookup(name)
	if !ok || spec.run == nil {
		fmt.Fprintf(env.Stderr, "lorkeeper: unknown command %q%s (see `lorkeeper help`)\n", name, didYouMean(name))
		return 2
	}
	for _, a := range rest {
		if a == "--help" || a == "-h" || a == "-help" {
			fmt.Fprint(env.Stdout, commandHelp(spec))
			return 0
		}
		if a == "--" {
			break
		}
	}
	if err := spec.run(c, ctx, rest); err != nil {
		var ue usageError
		if errors.As(err, &ue) {
			fmt.Fprintf(env.Stderr, "lorkeeper: %v\nusage: lorkeeper %s %s\n", err, spec.name, spec.args)
			return 2
		}
		printErr(env.Stderr, err)
		return 1
	}
	return 0
}

func didYouMean(name string) string {
	if s := suggest(name); s != "" {
		return fmt.Sprintf(": did you mean `lorkeeper %s`?", s)
	}
	return ""
}

// printErr prints an error one line per problem.
func printErr(w io.Writer, err error) {
	var ce *config.Error
	if errors.As(err, &ce) {
		for _, p := range ce.Problems {
			fmt.Fprintln(w, p.String())
		}
		return
	}
	for _, line := range strings.Split(err.Error(), "\n") {
		if strings.TrimSpace(line) != "" {
			fmt.Fprintln(w, "lorkeeper: "+line)
		}
	}
}

type usageError struct{ msg string }

func (e usageError) Error() string { return e.msg }

func usagef(format string, args ...any) error { return usageError{fmt.Sprintf(format, args...)} }

// cmd carries what every command shares.
type cmd struct {
	env        Env
	configPath string
	configSet  bool
}

func (c *cmd) out(format string, args ...any) { fmt.Fprintf(c.env.Stdout, format, args...) }

// open loads the config and opens the applicant's state. The caller
// closes the applicant.
func (c *cmd) open() (*daemon.Applicant, error) {
	cfg, err := c.load()
	if err != nil {
		return nil, err
	}
	return daemon.Open(cfg, c.env.Log, nil)
}

// load loads the config, saying how to make one when there is none.
func (c *cmd) load() (*config.Config, error) {
	cfg, err := config.Load(c.configPath)
	if errors.Is(err, os.ErrNotExist) {
		return nil, fmt.Errorf("no config file at %s: create one with `lorkeeper setup` (in your browser) or `lorkeeper init` (here), or copy config.example.toml; or name yours with --config PATH", c.configPath)
	}
	return cfg, err
}

func parseIDs(args []string) ([]int64, error) {
	if len(args) == 0 {
		return nil, usagef("give at least one draft ID (see `lorkeeper drafts`)")
	}
	ids := make([]int64, 0, len(args))
	for _, a := range args {
		id, err := strconv.ParseInt(strings.TrimPrefix(a, "#"), 10, 64)
		if err != nil || id <= 0 {
			return nil, fmt.Errorf("%q is not a draft ID: IDs are the numbers `lorkeeper drafts` shows", a)
		}
		ids = append(ids, id)
	}
	return ids, nil
}

// flags parses a command's flags; unknown ones are usage errors.
func flags(name string, args []string, def func(*flag.FlagSet)) ([]string, error) {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	def(fs)
	if err := fs.Parse(args); err != nil {
		return nil, usagef("%s: %v", name, err)
	}
	return fs.Args(), nil
}
