//go:build linux

// Command lkbench measures lorkeeper against a real Dovecot + Postfix
// (scripts/mailstack): reply latency, cold start on huge mailboxes,
// memory, and many mailboxes in one process, each next to the floor (what
// a bare IMAP client needs from the same server for the same work). It
// prints a Markdown table. bench/run starts the stack, builds lorkeeper
// and runs it; see bench/README.md.
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// params size a run.
type params struct {
	replies       int           // reply-latency samples, one applicant
	sizes         []int         // cold-start INBOX sizes
	matching      int           // messages from writers and the portal in each cold-start INBOX
	years         int           // the other messages span this many years
	repeats       int           // cold starts per size (the median is reported)
	idleRenew     time.Duration // imap.idle_renew while measuring idle RSS
	renewals      int           // renewals to wait for idle RSS (12 = an hour at the default 5m)
	mailboxes     int           // applicants in one process
	mboxMsgs      int           // messages in each of their INBOXes
	mboxMatching  int           // of which from writers
	manyReplies   int           // reply-latency samples across them
	manyRenew     time.Duration // imap.idle_renew for the many-mailbox run
	manyDrafts    bool          // drafts_in_mailbox for the many-mailbox run
	statusPoll    time.Duration // how often `status --json` is polled
	visibleWithin time.Duration // a reply not visible by then is a failure
}

var full = params{replies: 200, sizes: []int{10000, 100000}, matching: 40, years: 5, repeats: 5,
	idleRenew: 2 * time.Second, renewals: 12, mailboxes: 200, mboxMsgs: 1000, mboxMatching: 6, manyReplies: 100,
	manyRenew: 5 * time.Second, statusPoll: 20 * time.Millisecond, visibleWithin: 15 * time.Second}

var quick = params{replies: 20, sizes: []int{1000, 10000}, matching: 40, years: 5, repeats: 2,
	idleRenew: time.Second, renewals: 12, mailboxes: 20, mboxMsgs: 200, mboxMatching: 6, manyReplies: 20,
	manyRenew: time.Second, statusPoll: 20 * time.Millisecond, visibleWithin: 15 * time.Second}

type bench struct {
	stk   *stack
	bin   string
	work  string
	p     params
	quick bool
	res   results
	kinds [2]string // what lorkeeper's classifier makes of the two reply samples
}

func main() {
	var (
		stackDir = flag.String("stack", os.Getenv("LK_STACK_DIR"), "mail stack folder (scripts/mailstack start DIR)")
		bin      = flag.String("lorkeeper", "", "the lorkeeper binary")
		work     = flag.String("work", "", "scratch folder (configs, states, logs)")
		isQuick  = flag.Bool("quick", false, "a small run: 20 replies, 1k/10k messages, 20 mailboxes")
		only     = flag.String("only", "latency,cold,many", "phases to run, comma-separated")
		out      = flag.String("out", "", "also write the report to this file")
		replies  = flag.Int("replies", 0, "override the number of reply-latency samples")
		boxes    = flag.Int("mailboxes", 0, "override the number of applicants in the many-mailbox run")
		gobench  = flag.String("gobench", "", "a file with the output of the Go benchmarks, to include in the report")
		sizes    = flag.String("sizes", "", "override the cold-start INBOX sizes, e.g. 10000,30000,100000")
		repeats  = flag.Int("repeats", 0, "override the number of cold starts per size")
		mRenew   = flag.Duration("many-renew", 0, "override imap.idle_renew in the many-mailbox run (e.g. 5m, the default)")
		mDrafts  = flag.Bool("many-drafts", true, "drafts_in_mailbox in the many-mailbox run")
	)
	flag.Parse()
	if *stackDir == "" || *bin == "" || *work == "" {
		fmt.Fprintln(os.Stderr, "usage: lkbench --stack DIR --lorkeeper BIN --work DIR [--quick] [--only latency,cold,many] [--out FILE]")
		os.Exit(2)
	}
	stk, err := loadStack(*stackDir)
	if err != nil {
		fatal(err)
	}
	b := &bench{stk: stk, bin: *bin, work: *work, p: full, quick: *isQuick}
	if b.quick {
		b.p = quick
	}
	if *replies > 0 {
		b.p.replies = *replies
	}
	if *boxes > 0 {
		b.p.mailboxes = *boxes
	}
	if *sizes != "" {
		b.p.sizes = nil
		for _, f := range strings.Split(*sizes, ",") {
			n, err := strconv.Atoi(strings.TrimSpace(f))
			if err != nil || n <= b.p.matching {
				fatal(fmt.Errorf("bad --sizes %q", *sizes))
			}
			b.p.sizes = append(b.p.sizes, n)
		}
		if len(b.p.sizes) > 8 {
			fatal(fmt.Errorf("at most 8 sizes (bench002..bench009)"))
		}
	}
	if *repeats > 0 {
		b.p.repeats = *repeats
	}
	if *mRenew > 0 {
		b.p.manyRenew = *mRenew
	}
	b.p.manyDrafts = *mDrafts
	if b.p.mailboxes > 239 {
		fatal(fmt.Errorf("at most 239 mailboxes (bench011..bench249; bench250 is the floor's)"))
	}
	if err := os.MkdirAll(b.work, 0o755); err != nil {
		fatal(err)
	}
	b.res.start = time.Now()
	b.res.env = environment(b)
	if *gobench != "" {
		data, _ := os.ReadFile(*gobench)
		for _, l := range strings.Split(string(data), "\n") {
			if strings.HasPrefix(l, "Benchmark") || strings.HasPrefix(l, "cpu:") {
				b.res.gobench += l + "\n"
			}
		}
	}
	if err := b.materials(); err != nil {
		fatal(err)
	}
	if err := b.classifySamples(); err != nil {
		fatal(err)
	}
	phases := map[string]func() error{"latency": b.latency, "cold": b.coldStart, "many": b.many}
	for _, name := range strings.Split(*only, ",") {
		f, ok := phases[strings.TrimSpace(name)]
		if !ok {
			fatal(fmt.Errorf("unknown phase %q", name))
		}
		if err := f(); err != nil {
			b.res.failures = append(b.res.failures, fmt.Sprintf("%s: %v", name, err))
			logf("phase %s FAILED: %v", name, err)
		}
	}
	b.res.took = time.Since(b.res.start)
	report := b.render()
	fmt.Print(report)
	if *out != "" {
		if err := os.WriteFile(*out, []byte(report), 0o644); err != nil {
			fatal(err)
		}
	}
	if len(b.res.failures) > 0 {
		os.Exit(1)
	}
}

func fatal(err error) {
	fmt.Fprintln(os.Stderr, "lkbench:", err)
	os.Exit(1)
}

// logf prints progress on stderr.
func logf(format string, args ...any) {
	fmt.Fprintf(os.Stderr, "lkbench %s  %s\n", time.Now().Format("15:04:05"), fmt.Sprintf(format, args...))
}

// materials writes the CV and personal statement the configs name.
func (b *bench) materials() error {
	dir := filepath.Join(b.work, "materials")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	for _, f := range []string{"cv.pdf", "ps.pdf"} {
		if err := os.WriteFile(filepath.Join(dir, f), []byte("%PDF-1.4 "+f+"\n"), 0o644); err != nil {
			return err
		}
	}
	return nil
}

func (b *bench) materialsDir() string { return filepath.Join(b.work, "materials") }
