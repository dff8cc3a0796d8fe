//go:build linux

package main

import (
	"fmt"
	"os"
	"os/exec"
	"runtime"
	"strings"
	"time"
)

type results struct {
	start    time.Time
	took     time.Duration
	env      [][2]string
	lat      *latencyResult
	cold     []coldResult
	idle     *idleResult
	many     *manyResult
	notes    []string
	problems []string // WARN/ERROR lines from the daemons
	gobench  string   // output of the Go benchmarks, if given
	failures []string
}

func environment(b *bench) [][2]string {
	run := func(name string, args ...string) string {
		cmd := exec.Command(name, args...)
		out, err := cmd.Output()
		if err != nil {
			return "?"
		}
		return strings.TrimSpace(string(out))
	}
	cpu := "?"
	if data, err := os.ReadFile("/proc/cpuinfo"); err == nil {
		for _, l := range strings.Split(string(data), "\n") {
			if k, v, ok := strings.Cut(l, ":"); ok && strings.TrimSpace(k) == "model name" {
				cpu = strings.TrimSpace(v)
				break
			}
		}
	}
	memTotal := "?"
	if data, err := os.ReadFile("/proc/meminfo"); err == nil {
		if l, _, ok := strings.Cut(string(data), "\n"); ok {
			memTotal = strings.Join(strings.Fields(l)[1:], " ")
		}
	}
	rev := run("git", "-C", b.repo(), "rev-parse", "--short", "HEAD")
	if run("git", "-C", b.repo(), "status", "--porcelain", "--untracked-files=no") != "" {
		rev += " + uncommitted changes"
	}
	return [][2]string{
		{"date", time.Now().UTC().Format("2006-01-02 15:04 MST")},
		{"machine", fmt.Sprintf("%s, %d CPUs, %s RAM, Linux %s", cpu, runtime.NumCPU(), memTotal, run("uname", "-r"))},
		{"lorkeeper", rev},
		{"Go", runtime.Version()},
		{"Dovecot", run("dovecot", "--version")},
		{"Postfix", run("postconf", "-h", "-d", "mail_version")},
		{"fs.inotify.max_user_instances", strings.TrimSpace(readFile("/proc/sys/fs/inotify/max_user_instances")) +
			" (Dovecot's IMAP processes all run as one user; past this many, IDLE falls back to checking every second)"},
		{"load average at start", strings.Join(strings.Fields(readFile("/proc/loadavg"))[:3], " ")},
		{"mode", map[bool]string{true: "--quick", false: "full"}[b.quick]},
	}
}

func (b *bench) repo() string {
	if r := os.Getenv("LKBENCH_REPO"); r != "" {
		return r
	}
	wd, _ := os.Getwd()
	return wd
}

// formatting helpers
func sec(d time.Duration) string {
	if d == 0 {
		return "–"
	}
	if d < time.Second {
		return fmt.Sprintf("%.0f ms", float64(d)/float64(time.Millisecond))
	}
	return fmt.Sprintf("%.2f s", d.Seconds())
}

func mb(v float64) string { return fmt.Sprintf("%.1f MB", v) }

func ratio(a, b time.Duration) string {
	if a == 0 || b == 0 {
		return "–"
	}
	return fmt.Sprintf("%.2f×", float64(a)/float64(b))
}

func verdict(ok bool) string {
	if ok {
		return "**met**"
	}
	return "**missed**"
}

func thousands(n int) string {
	s := fmt.Sprint(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

func (cr coldResult) medians() (lk, self, fl time.Duration, hwm float64) {
	var lks, selfs, fls []time.Duration
	for _, r := range cr.runs {
		lks = append(lks, r.wall)
		selfs = append(selfs, r.self)
		hwm = max(hwm, r.hwm)
	}
	for _, f := range cr.floors {
		fls = append(fls, f.total)
	}
	return median(lks), median(selfs), median(fls), hwm
}

func (cr coldResult) floorPart(part func(floorResult) time.Duration) time.Duration {
	var ds []time.Duration
	for _, f := range cr.floors {
		ds = append(ds, part(f))
	}
	return median(ds)
}

// render is the Markdown report: the table, then how each figure was
// taken.
func (b *bench) render() string {
	var w strings.Builder
	r := b.res
	p := b.p
	fmt.Fprintf(&w, "# lorkeeper benchmark results\n\n")
	for _, kv := range r.env {
		fmt.Fprintf(&w, "- %s: %s\n", kv[0], kv[1])
	}
	fmt.Fprintf(&w, "- load average at the end: %s\n", strings.Join(strings.Fields(readFile("/proc/loadavg"))[:3], " "))
	fmt.Fprintf(&w, "- whole run: %s\n\n", r.took.Round(time.Second))
	fmt.Fprintf(&w, "| # | measure | lorkeeper | floor | lorkeeper ÷ floor | target | |\n|---|---|---|---|---|---|---|\n")
	row := func(n, what, lk, fl, rat, target, v string) {
		fmt.Fprintf(&w, "| %s | %s | %s | %s | %s | %s | %s |\n", n, what, lk, fl, rat, target, v)
	}
	if l := r.lat; l != nil && l.n > 0 {
		p50, p99 := pct(l.visible, 50), pct(l.visible, 99)
		f50, f99 := pct(l.exists, 50), pct(l.exists, 99)
		row("1", fmt.Sprintf("reply latency p50 (%d replies, 1 applicant)", l.n), sec(p50), sec(f50), ratio(p50, f50), "", "")
		row("1", "reply latency p99", sec(p99), sec(f99), ratio(p99, f99), "< 1 s", verdict(p99 < time.Second))
	}
	var small, large *coldResult
	if len(r.cold) > 0 {
		small = &r.cold[0]
		large = &r.cold[len(r.cold)-1]
	}
	for i, cr := range r.cold {
		if len(cr.runs) == 0 {
			continue
		}
		lk, _, fl, _ := cr.medians()
		target, v := "≤ 2× floor", verdict(lk <= 2*fl)
		if i == len(r.cold)-1 && len(r.cold) > 1 {
			target = "≤ 2× floor"
			if cr.size >= 100000 {
				target = "< 3 s, ≤ 2× floor"
				v = verdict(lk < 3*time.Second && lk <= 2*fl)
			}
		}
		row("2", fmt.Sprintf("cold start, %s messages (%d from writers), median of %d", thousands(cr.size), cr.matching, len(cr.runs)),
			sec(lk), sec(fl), ratio(lk, fl), target, v)
	}
	if small != nil && large != small && len(small.runs) > 0 && len(large.runs) > 0 {
		lkS, _, flS, _ := small.medians()
		lkL, _, flL, _ := large.medians()
		rl := float64(lkL) / float64(lkS)
		row("2", fmt.Sprintf("cold start %s ÷ %s", thousands(large.size), thousands(small.size)),
			fmt.Sprintf("%.2f×", rl), fmt.Sprintf("%.2f×", float64(flL)/float64(flS)), "", "≤ 1.5×", verdict(rl <= 1.5))
		row("2", fmt.Sprintf("lorkeeper's own share (lorkeeper − floor), %s vs %s", thousands(large.size), thousands(small.size)),
			fmt.Sprintf("%s vs %s (%.2f×)", sec(lkL-flL), sec(lkS-flS), float64(lkL-flL)/float64(lkS-flS)), "", "", "", "")
	}
	if l := r.lat; l != nil && l.n > 0 {
		row("3", "peak RSS, reply-latency run", mb(l.mem.hwm), "", "", "", "")
	}
	for _, cr := range r.cold {
		if len(cr.runs) > 0 {
			_, _, _, hwm := cr.medians()
			row("3", fmt.Sprintf("peak RSS, cold start on %s messages", thousands(cr.size)), mb(hwm), "", "", "", "")
		}
	}
	if id := r.idle; id != nil {
		row("3", fmt.Sprintf("idle RSS after %d IDLE renewals (1 mailbox of %s)", id.renewals, thousands(id.size)), mb(id.mem.rss), "", "", "< 40 MB", verdict(id.mem.rss < 40))
	}
	if m := r.many; m != nil {
		row("4", fmt.Sprintf("%d mailboxes: start → all caught up", m.n), sec(m.allCaught), "", "", "", "")
		row("4", fmt.Sprintf("%d mailboxes: RSS when all caught up (peak)", m.n), fmt.Sprintf("%s (%s)", mb(m.startMem.rss), mb(m.startMem.hwm)), "", "", "", "")
		row("4", fmt.Sprintf("%d mailboxes: idle RSS after %s", m.n, m.idleWhat()), mb(m.idleMem.rss), "", "", "< 400 MB", verdict(m.idleMem.rss < 400))
		if m.replies > 0 {
			p50, p99 := pct(m.visible, 50), pct(m.visible, 99)
			f50, f99 := pct(m.exists, 50), pct(m.exists, 99)
			row("4", fmt.Sprintf("%d mailboxes: reply latency p50 (%d replies)", m.n, m.replies), sec(p50), sec(f50), ratio(p50, f50), "", "")
			row("4", fmt.Sprintf("%d mailboxes: reply latency p99", m.n), sec(p99), sec(f99), ratio(p99, f99), "< 1 s", verdict(p99 < time.Second))
		}
	}
	if len(r.failures) > 0 {
		fmt.Fprintf(&w, "\n**Failures:**\n\n")
		for _, f := range r.failures {
			fmt.Fprintf(&w, "- %s\n", f)
		}
	}

	fmt.Fprintf(&w, "\n## Details\n")
	if l := r.lat; l != nil && l.n > 0 {
		fmt.Fprintf(&w, "\n### 1. Reply latency\n\n")
		fmt.Fprintf(&w, "One applicant (bench001@inbox.test, empty INBOX), drafts_in_mailbox = %v, default idle_renew. %d replies, one at a time, "+
			"from its four writers in turn, alternately %s and %s (so every reply changes the writer's last_reply_kind), over plain SMTP to "+
			"Postfix. Latency is Postfix's 250 after DATA → the end of the first `lorkeeper --config … status --json` that shows the new "+
			"last_reply_kind (polled every %v). Each reply is also addressed to %s, whose INBOX only a bare go-imap IDLE client watches "+
			"(ending and restarting IDLE on news, as lorkeeper does): the floor is when it hears EXISTS. Dovecot announces new mail "+
			"to an IDLE session 0.5 s after the file change (NOTIFY_DELAY_MSECS in src/lib-storage/mailbox-watch.c), so ~0.5 s of "+
			"every figure is the server's.\n\n", l.drafts, l.n, b.kinds[0], b.kinds[1], p.statusPoll, twin)
		fmt.Fprintf(&w, "| accept → | p50 | p90 | p99 | max |\n|---|---|---|---|---|\n")
		for _, s := range []struct {
			name string
			ds   []time.Duration
		}{{"bare IDLE client hears EXISTS (floor)", l.exists}, {"lorkeeper logs \"reply read\" (committed)", l.logged}, {"`status --json` shows it", l.visible}} {
			fmt.Fprintf(&w, "| %s | %s | %s | %s | %s |\n", s.name, sec(pct(s.ds, 50)), sec(pct(s.ds, 90)), sec(pct(s.ds, 99)), sec(pct(s.ds, 100)))
		}
		fmt.Fprintf(&w, "\nOne `lorkeeper status --json` takes %s (median of %d calls; p99 %s): the polling adds up to one call plus %v to each figure.\n",
			sec(median(l.statusCalls)), len(l.statusCalls), sec(pct(l.statusCalls, 99)), p.statusPoll)
	}
	if len(r.cold) > 0 {
		fmt.Fprintf(&w, "\n### 2. Cold start\n\n")
		fmt.Fprintf(&w, "Each INBOX is generated as maildir files (messages from ~280 correspondents over %d years: replies, newsletters, "+
			"receipts, 30%% multipart, 1%% with a 45 KB attachment; the file's mtime is its date), plus %d messages from the "+
			"applicant's four writers and the portal in the last 30 days, written to new/ as a delivery agent would. Dovecot then indexes "+
			"it (SELECT moves it to cur/) and marks everything older than two weeks \\Seen (it renames those files), and two untimed "+
			"searches fill its cache and the page cache. Then, %d times: the floor, the UID-narrowed floor, then lorkeeper with a fresh state (imap.since = %s, "+
			"drafts_in_mailbox = false). Lorkeeper's time is exec of `lorkeeper run` → its \"caught up\" log line, so it includes process "+
			"start, SQLite setup, planning the first drafts, TLS login, SELECT, SEARCH, FETCH and classifying/storing each match. "+
			"The floor is a bare go-imap client over the same TLS port: connect+login, SELECT, one UID SEARCH with lorkeeper's criteria "+
			"(UID 1:last SINCE date OR(HEADER FROM each writer, HEADER FROM @portal.test, HEADER In-Reply-To/References lorkeeper-)), "+
			"one UID FETCH BODY.PEEK[]<0.262144> of the matches.\n\n", p.years, p.matching, p.repeats, r.cold[0].since.Format("2006-01-02"))
		fmt.Fprintf(&w, "| INBOX | generated | Dovecot indexes it, marks old mail seen | first search | floor: login | SELECT | SEARCH | FETCH | floor total | floor, UID-narrowed SEARCH | lorkeeper (exec → caught up) | its own elapsed= | matches |\n|---|---|---|---|---|---|---|---|---|---|---|---|---|\n")
		for _, cr := range r.cold {
			if len(cr.runs) == 0 {
				continue
			}
			lk, self, fl, _ := cr.medians()
			var nts, nss []time.Duration
			for _, n := range cr.narrowed {
				nts = append(nts, n.total)
				nss = append(nss, n.search)
			}
			fmt.Fprintf(&w, "| %s | %s, %.0f MB | %s | %s | %s | %s | %s | %s | %s | %s (SEARCH %s, %d FETCHes to find the UID) | %s | %s | %d |\n", thousands(cr.size), sec(cr.gen.elapsed), float64(cr.gen.bytes)/1e6,
				sec(cr.prepare), sec(cr.index.total), sec(cr.floorPart(func(f floorResult) time.Duration { return f.login })),
				sec(cr.floorPart(func(f floorResult) time.Duration { return f.sel })),
				sec(cr.floorPart(func(f floorResult) time.Duration { return f.search })),
				sec(cr.floorPart(func(f floorResult) time.Duration { return f.fetch })), sec(fl), sec(median(nts)), sec(median(nss)), cr.probes,
				sec(lk), sec(self), cr.runs[0].delivered)
		}
		fmt.Fprintf(&w, "\nWhere lorkeeper's time goes (medians; from its log's millisecond timestamps, so ±1 ms each):\n\n"+
			"| INBOX | exec → drafts planned (process, config, state, templates) | → watching (TLS, login, ID, SELECT) | → first reply read (SEARCH, FETCH, 1 message) | → caught up (the other messages) | lorkeeper − floor |\n|---|---|---|---|---|---|\n")
		for _, cr := range r.cold {
			if len(cr.runs) == 0 {
				continue
			}
			part := func(f func(coldRun) time.Duration) string {
				var ds []time.Duration
				for _, run := range cr.runs {
					ds = append(ds, f(run))
				}
				return sec(median(ds))
			}
			lk, _, fl, _ := cr.medians()
			fmt.Fprintf(&w, "| %s | %s | %s | %s | %s (%d) | %s |\n", thousands(cr.size),
				part(func(r coldRun) time.Duration { return r.startup }), part(func(r coldRun) time.Duration { return r.connect }),
				part(func(r coldRun) time.Duration { return r.search }), part(func(r coldRun) time.Duration { return r.rest }),
				cr.runs[0].delivered-1, sec(lk-fl))
		}
		fmt.Fprintf(&w, "\nEvery run:")
		for _, cr := range r.cold {
			for i, run := range cr.runs {
				fmt.Fprintf(&w, " %s#%d floor %s / lorkeeper %s;", thousands(cr.size), i+1, sec(cr.floors[i].total), sec(run.wall))
			}
		}
		w.WriteString("\n")
	}
	if id := r.idle; id != nil {
		fmt.Fprintf(&w, "\n### 3. Memory\n\nPeak RSS is VmHWM of the daemon when it logged \"caught up\" (or at the end of the latency run); "+
			"idle RSS is VmRSS after the last cold start on %s messages idled for %v with imap.idle_renew = %v (%d renewals: at the default "+
			"5m that is %v of idling). It used %v of CPU over that window; %d OS threads. VmHWM at that point: %s.\n",
			thousands(id.size), id.window.Round(time.Second), id.renew, id.renewals, time.Duration(id.renewals)*5*time.Minute, id.cpu, id.threads, mb(id.mem.hwm))
	}
	if m := r.many; m != nil {
		fmt.Fprintf(&w, "\n### 4. Many mailboxes\n\n%d applicants (bench011… at inbox.test), one config file each in one folder, one `lorkeeper run FOLDER`. "+
			"Each INBOX holds %s generated messages over 3 years, %d of them from its writers in the last 30 days; drafts_in_mailbox = %v "+
			"(so each applicant holds two IMAP connections: INBOX in IDLE and the Drafts mirror, polled every 10 s), imap.idle_renew = %v. "+
			"Generating the %d maildirs and letting Dovecot index them (old mail marked seen) took %s.\n\n",
			m.n, thousands(m.msgsEach), m.matchingEach, m.drafts, m.renew, m.n, sec(m.gen))
		fmt.Fprintf(&w, "- start → all %d \"caught up\": %s; RSS then %s, peak %s\n", m.n, sec(m.allCaught), mb(m.startMem.rss), mb(m.startMem.hwm))
		fmt.Fprintf(&w, "- after %s: RSS %s (%.2f MB per applicant), %d OS threads, %d IMAP connections, CPU %v (%.1f%% of one core)\n",
			m.idleWhat(), mb(m.idleMem.rss), m.idleMem.rss/float64(m.n), m.threads, m.imapConns, m.idleCPU.Round(time.Millisecond),
			100*m.idleCPU.Seconds()/m.window.Seconds())
		if m.replies > 0 {
			fmt.Fprintf(&w, "- %d replies to random applicants (random writer, kinds alternating per writer), each also to %s for the floor's bare IDLE client:\n\n", m.replies, twin)
			fmt.Fprintf(&w, "| accept → | p50 | p90 | p99 | max |\n|---|---|---|---|---|\n")
			for _, s := range []struct {
				name string
				ds   []time.Duration
			}{{"bare IDLE client hears EXISTS (floor)", m.exists}, {"lorkeeper logs \"reply read\"", m.logged}, {"`status --json` shows it", m.visible}} {
				fmt.Fprintf(&w, "| %s | %s | %s | %s | %s |\n", s.name, sec(pct(s.ds, 50)), sec(pct(s.ds, 90)), sec(pct(s.ds, 99)), sec(pct(s.ds, 100)))
			}
			fmt.Fprintf(&w, "\n- RSS after the replies: %s (peak %s); `status --json` median %s\n", mb(m.endMem.rss), mb(m.endMem.hwm), sec(median(m.statusCalls)))
		}
	}
	if r.gobench != "" {
		fmt.Fprintf(&w, "\n### Go benchmarks (`go test -run '^$' -bench . -benchmem ./bench`)\n\nWhat lorkeeper adds per message the server's SEARCH matches, in process:\n\n```\n%s\n```\n", strings.TrimSpace(r.gobench))
	}
	if len(r.notes) > 0 {
		fmt.Fprintf(&w, "\n### Notes\n\n")
		for _, n := range r.notes {
			fmt.Fprintf(&w, "- %s\n", n)
		}
	}
	if len(r.problems) > 0 {
		fmt.Fprintf(&w, "\n### Warnings and errors the daemons logged (%d)\n\n", len(r.problems))
		for i, pr := range r.problems {
			if i == 10 {
				fmt.Fprintf(&w, "- … %d more\n", len(r.problems)-10)
				break
			}
			fmt.Fprintf(&w, "- `%s`\n", pr)
		}
	}
	return w.String()
}

func readFile(p string) string {
	data, err := os.ReadFile(p)
	if err != nil {
		return "?"
	}
	return string(data)
}

func (m *manyResult) idleWhat() string {
	if n := int(m.window / m.renew); n >= 1 {
		return fmt.Sprintf("%v idle (%d IDLE renewals)", m.window.Round(time.Second), n)
	}
	return fmt.Sprintf("%v idle", m.window.Round(time.Second))
}
