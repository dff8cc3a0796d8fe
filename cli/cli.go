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

const usage = `usage: lorkeeper [--config PATH] COMMAND

  run [--once] [CONFIG...]  the daemon: watch, send approved drafts, schedule, digest
                            (several config files or folders of them: one process, many mailboxes)
  check [--no-login]        validate config, test IMAP/SMTP login, print letter-mix advice
  status [--json] [WRITER]  one row per writer; with WRITER, that letter's history
  drafts [--json]           drafts awaiting review
  drafts show ID            the email exactly as it will be sent
  drafts edit ID            edit it in $EDITOR; the edit is what gets sent
  drafts approve ID...      send them
  drafts discard ID...      drop them
  resolve WRITER keep|replace|drop   decide on a flagged (hesitant) writer
  mark WRITER uploaded      record an upload seen in MyERAS
  classify FILE.eml...      one JSON line per file: {"file", "kind", "evidence"}
  digest [--send]           render the digest now (print it, or mail it to the applicant)
  demo                      the whole flow on built-in IMAP and SMTP servers, with sample data

The config defaults to $LORKEEPER_CONFIG, then ./lorkeeper.toml.
`

// Main runs one command and returns the exit status.
func Main(ctx context.Context, args []string, env Env) int {
	if env.Getenv == nil {
		env.Getenv = os.Getenv
	}
	if env.Log == nil {
		env.Log = slog.New(slog.NewTextHandler(env.Stderr, nil))
	}
	fs := flag.NewFlagSet("lorkeeper", flag.ContinueOnError)
	fs.SetOutput(io.Discard)
	cfgPath := fs.String("config", "", "config file")
	if err := fs.Parse(args); err != nil {
		fmt.Fprint(env.Stderr, usage)
		return 2
	}
	args = fs.Args()
	if len(args) == 0 {
		fmt.Fprint(env.Stderr, usage)
		return 2
	}
	path := *cfgPath
	if path == "" {
		path = env.Getenv("LORKEEPER_CONFIG")
	}
	if path == "" {
		path = "lorkeeper.toml"
	}
	c := &cmd{env: env, configPath: path, configSet: *cfgPath != ""}
	var err error
	switch name, rest := args[0], args[1:]; name {
	case "run":
		err = c.run(ctx, rest)
	case "check":
		err = c.check(ctx, rest)
	case "status":
		err = c.status(ctx, rest)
	case "drafts":
		err = c.drafts(ctx, rest)
	case "resolve":
		err = c.resolve(ctx, rest)
	case "mark":
		err = c.mark(ctx, rest)
	case "classify":
		err = c.classify(rest)
	case "digest":
		err = c.digest(ctx, rest)
	case "demo":
		err = c.demo(ctx, rest)
	case "login":
		err = c.login(ctx, rest)
	case "help", "-h", "--help":
		fmt.Fprint(env.Stdout, usage)
		return 0
	default:
		fmt.Fprintf(env.Stderr, "lorkeeper: unknown command %q\n%s", name, usage)
		return 2
	}
	if err != nil {
		var ue usageError
		if errors.As(err, &ue) {
			fmt.Fprintf(env.Stderr, "lorkeeper: %v\n%s", err, usage)
			return 2
		}
		printErr(env.Stderr, err)
		return 1
	}
	return 0
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
	cfg, err := config.Load(c.configPath)
	if err != nil {
		return nil, err
	}
	return daemon.Open(cfg, c.env.Log, nil)
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
