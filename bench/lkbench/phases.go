//go:build linux

package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"syscall"
	"time"
)

// ------------------------------------------------------------ samples --

// replySample is a writer's reply of one of two kinds: 0 an out-of-office
// auto-reply, 1 a request for more information. Alternating them changes
// the writer's last_reply_kind in `status --json` on every reply.
func replySample(kind int, w writer, to string, seq int) string {
	id := fmt.Sprintf("<lkbench-%d-%d@hospital.test>", time.Now().UnixNano(), seq)
	date := time.Now().Format(time.RFC1123Z)
	if kind == 0 {
		return fmt.Sprintf("From: %s <%s>\nTo: %s\nSubject: Automatic reply: Letter of recommendation\nMessage-ID: %s\nDate: %s\n"+
			"Auto-Submitted: auto-replied\nMIME-Version: 1.0\nContent-Type: text/plain; charset=utf-8\n\n"+
			"I am out of the office until December 20 with limited access to email.\n", w.name, w.email, to, id, date)
	}
	return fmt.Sprintf("From: %s <%s>\nTo: %s\nSubject: Re: Letter of recommendation\nMessage-ID: %s\nDate: %s\n"+
		"MIME-Version: 1.0\nContent-Type: text/plain; charset=utf-8\n\nDear Amara,\n\n"+
		"Could you send me your CV and personal statement before I start writing?\n\n%s\n", w.name, w.email, to, id, date, w.name)
}

// classifySamples asks `lorkeeper classify` what the two samples are, so
// the bench waits for exactly that in `status --json`.
func (b *bench) classifySamples() error {
	a := newApplicant("sample@inbox.test")
	var files []string
	for k := 0; k < 2; k++ {
		f := filepath.Join(b.work, fmt.Sprintf("sample%d.eml", k))
		if err := os.WriteFile(f, []byte(replySample(k, a.writers[0], a.email, k)), 0o644); err != nil {
			return err
		}
		files = append(files, f)
	}
	out, err := exec.Command(b.bin, append([]string{"classify"}, files...)...).Output()
	if err != nil {
		return fmt.Errorf("lorkeeper classify: %w", err)
	}
	dec := json.NewDecoder(bytes.NewReader(out))
	for k := 0; k < 2; k++ {
		var r struct{ Kind string }
		if err := dec.Decode(&r); err != nil {
			return fmt.Errorf("lorkeeper classify output: %w", err)
		}
		b.kinds[k] = r.Kind
	}
	if b.kinds[0] == b.kinds[1] || b.kinds[0] == "" {
		return fmt.Errorf("the two reply samples classify alike (%q, %q); the bench needs two kinds", b.kinds[0], b.kinds[1])
	}
	logf("reply samples classify as %s and %s", b.kinds[0], b.kinds[1])
	return nil
}

// waitStatus polls `status --json` until writer's last_reply_kind is
// want, and returns when the call that showed it returned.
func (b *bench) waitStatus(cfg, writerID, want string, timeout time.Duration, calls *[]time.Duration) (time.Time, error) {
	deadline := time.Now().Add(timeout)
	for {
		t0 := time.Now()
		rows, err := b.status(cfg)
		t1 := time.Now()
		*calls = append(*calls, t1.Sub(t0))
		if err != nil {
			return t1, err
		}
		if rows[writerID].LastReplyKind == want {
			return t1, nil
		}
		if t1.After(deadline) {
			return t1, fmt.Errorf("%s: last_reply_kind still %q after %v, want %q", writerID, rows[writerID].LastReplyKind, timeout, want)
		}
		time.Sleep(b.p.statusPoll)
	}
}

// replyProbe is one measured reply.
type replyProbe struct {
	visible, exists, logged time.Duration // after Postfix accepted it; 0 if not seen
}

// twin is the mailbox the floor's bare IDLE client watches. Every reply
// goes to the applicant and to the twin in one SMTP transaction; the twin
// has no other client, so Dovecot's timing there is not disturbed by
// lorkeeper's own commands (which start Dovecot's notify-delay timer in
// every other session of the same mailbox early).
const twin = "bench250@inbox.test"

// probe delivers one reply of kind from w to a (and the twin) and
// measures it: when the bare IDLE client on the twin heard EXISTS, when
// lorkeeper logged "reply read", when `status --json` showed it.
func (b *bench) probe(d *daemon, it *idler, a *applicant, w writer, kind, seq int, calls *[]time.Duration) (replyProbe, error) {
	var p replyProbe
	it.drain()
	mark := d.mark()
	acc, err := b.stk.deliver(w.email, []string{a.email, twin}, replySample(kind, w, a.email, seq))
	if err != nil {
		return p, fmt.Errorf("smtp: %w", err)
	}
	vis, err := b.waitStatus(a.cfg, w.id, b.kinds[kind], b.p.visibleWithin, calls)
	if err != nil {
		return p, err
	}
	p.visible = vis.Sub(acc)
	if t, ok := it.next(5 * time.Second); ok {
		p.exists = t.Sub(acc)
	}
	lines, err := d.waitLines(mark, 1, 2*time.Second, func(l string) bool {
		return strings.Contains(l, `msg="reply read"`) && logField(l, "writer") == w.id && logField(l, "applicant") == a.email
	})
	if err == nil {
		p.logged = lines[0].at.Sub(acc)
	}
	return p, nil
}

// ------------------------------------------------------------ latency --

type latencyResult struct {
	n                       int
	visible, exists, logged []time.Duration
	statusCalls             []time.Duration
	mem                     mem
	drafts                  bool
	samples                 []string
}

// latency: one applicant (an empty INBOX), 200 replies one after the
// other, alternating kinds and writers.
func (b *bench) latency() error {
	logf("reply latency: %d replies to one applicant", b.p.replies)
	dir := filepath.Join(b.work, "latency")
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	a := newApplicant("bench001@inbox.test")
	if err := a.writeConfig(b.stk, filepath.Join(dir, "lorkeeper.toml"), cfgOpts{state: filepath.Join(dir, "state.db"),
		draftsInMailbox: true, materials: b.materialsDir()}); err != nil {
		return err
	}
	d, err := b.startDaemon(filepath.Join(dir, "daemon.log"), a.cfg)
	if err != nil {
		return err
	}
	defer d.stop()
	if _, err := d.waitLines(0, 1, time.Minute, caughtUp); err != nil {
		return err
	}
	it, err := b.stk.idle(twin)
	if err != nil {
		return fmt.Errorf("bare IDLE client: %w", err)
	}
	defer it.close()
	r := &latencyResult{drafts: true}
	b.res.lat = r
	for i := 0; i < b.p.replies; i++ {
		w := a.writers[i%len(a.writers)]
		kind := (i / len(a.writers)) % 2
		p, err := b.probe(d, it, a, w, kind, i, &r.statusCalls)
		if err != nil {
			return fmt.Errorf("reply %d: %w", i+1, err)
		}
		r.n++
		r.samples = append(r.samples, fmt.Sprintf("%d,%s,%s,%d,%d,%d", i+1, w.id, b.kinds[kind], p.exists.Milliseconds(), p.logged.Milliseconds(), p.visible.Milliseconds()))
		r.visible = append(r.visible, p.visible)
		r.exists = append(r.exists, p.exists)
		r.logged = append(r.logged, p.logged)
		if (i+1)%50 == 0 {
			logf("  %d replies, p50 %v", i+1, pct(r.visible, 50).Round(time.Millisecond))
		}
	}
	r.mem = procMem(d.pid())
	b.res.problems = append(b.res.problems, prefixed("latency", d.problems())...)
	return writeCSV(filepath.Join(dir, "replies.csv"), r.samples)
}

func caughtUp(l string) bool { return strings.Contains(l, `msg="caught up"`) }

// ----------------------------------------------------------- cold start --

type coldResult struct {
	size, matching int
	since          time.Time
	gen            genStats
	prepare        time.Duration // Dovecot indexes the new maildir and marks the old mail \Seen
	index          floorResult   // the first search: Dovecot fills its cache
	floors         []floorResult
	narrowed       []floorResult // the floor with a UID-narrowed SEARCH
	probes         int           // its FETCH round trips to find the UID
	runs           []coldRun
}

type coldRun struct {
	wall, self time.Duration // exec → "caught up" line; the daemon's own elapsed=
	delivered  int
	hwm        float64
	// From the daemon's log timestamps: exec → first drafts planned
	// (process start, config, state, templates); → "watching mailbox"
	// (TLS, login, SELECT); → first "reply read" (SEARCH, FETCH, one
	// message); → "caught up" (the other messages).
	startup, connect, search, rest time.Duration
}

// phases fills the run's split from the daemon's log.
func (run *coldRun) phases(d *daemon) {
	at := func(msg string) time.Time {
		l, ok := d.findLine(0, func(l string) bool { return strings.Contains(l, `msg="`+msg) })
		if !ok {
			return time.Time{}
		}
		t, _ := time.Parse(time.RFC3339Nano, logField(" "+l.text, "time"))
		return t
	}
	planned, watching, first, done := at("drafts planned"), at("watching mailbox"), at("reply read"), at("caught up")
	if planned.IsZero() || watching.IsZero() || first.IsZero() || done.IsZero() {
		return
	}
	run.startup = planned.Sub(d.started)
	run.connect = watching.Sub(planned)
	run.search = first.Sub(watching)
	run.rest = done.Sub(first)
}

type idleResult struct {
	size     int
	renew    time.Duration
	renewals int
	mem      mem
	cpu      time.Duration
	window   time.Duration
	threads  int
}

// coldStart: for each size, generate the INBOX, let Dovecot index it,
// then alternate the floor and a lorkeeper cold start (fresh state) a few
// times. After the last start on the largest INBOX the daemon idles
// through an hour's worth of IDLE renewals for the idle RSS.
func (b *bench) coldStart() error {
	for si, size := range b.p.sizes {
		user := fmt.Sprintf("bench%03d@inbox.test", 2+si)
		a := newApplicant(user)
		now := time.Now()
		mb := &mailbox{dir: b.stk.maildir(user), applicant: user, noise: size - b.p.matching, years: b.p.years,
			writers: a.writers, portal: a.portal, matching: b.p.matching, recent: now.AddDate(0, 0, -30), seed: uint64(size)}
		logf("cold start: generating %d messages for %s", size, user)
		gen, err := mb.write()
		if err != nil {
			return err
		}
		logf("  %d files, %.0f MB in %v", gen.files, float64(gen.bytes)/1e6, gen.elapsed.Round(time.Millisecond))
		cr := coldResult{size: size, matching: b.p.matching, gen: gen, since: dateOnly(now.AddDate(0, 0, -45))}
		q := a.query(cr.since)
		if cr.prepare, err = b.stk.prepare(user, gen.seen); err != nil {
			return fmt.Errorf("indexing %s: %w", user, err)
		}
		// The first search fills Dovecot's cache with the searched
		// headers; the second finds them there, and the page cache warm.
		if cr.index, err = b.stk.floor(user, q); err != nil {
			return fmt.Errorf("first search of %s: %w", user, err)
		}
		syscall.Sync() // no writeback of the new files while measuring
		logf("  Dovecot indexed it and marked %d \\Seen in %v; first search %v", gen.seen, cr.prepare.Round(time.Millisecond), cr.index.total.Round(time.Millisecond))
		if _, err := b.stk.floor(user, q); err != nil {
			return err
		}
		last := si == len(b.p.sizes)-1
		for r := 0; r < b.p.repeats; r++ {
			f, err := b.stk.floor(user, q)
			if err != nil {
				return err
			}
			if f.matched != b.p.matching {
				return fmt.Errorf("the floor's SEARCH matched %d messages, %d were generated to match", f.matched, b.p.matching)
			}
			cr.floors = append(cr.floors, f)
			nf, probes, err := b.stk.floorNarrowed(user, q)
			if err != nil {
				return fmt.Errorf("narrowed floor: %w", err)
			}
			if nf.matched != f.matched {
				return fmt.Errorf("the UID-narrowed SEARCH matched %d messages, the full one %d", nf.matched, f.matched)
			}
			cr.narrowed = append(cr.narrowed, nf)
			cr.probes = probes
			run, err := b.coldRun(a, cr, r, last && r == b.p.repeats-1)
			if err != nil {
				return err
			}
			if run.delivered != f.matched {
				b.res.notes = append(b.res.notes, fmt.Sprintf("cold start %d: lorkeeper delivered %d messages, the floor's SEARCH matched %d", size, run.delivered, f.matched))
			}
			cr.runs = append(cr.runs, run)
			logf("  run %d: floor %v [login %v select %v search %v fetch %v] (UID-narrowed %v), lorkeeper %v (its own elapsed %v), delivered %d, peak RSS %.1f MB", r+1,
				f.total.Round(time.Millisecond), f.login.Round(time.Millisecond), f.sel.Round(time.Millisecond), f.search.Round(time.Millisecond), f.fetch.Round(time.Millisecond),
				nf.total.Round(time.Millisecond), run.wall.Round(time.Millisecond), run.self, run.delivered, run.hwm)
		}
		b.res.cold = append(b.res.cold, cr)
	}
	return nil
}

func (b *bench) coldRun(a *applicant, cr coldResult, r int, idle bool) (coldRun, error) {
	var run coldRun
	dir := filepath.Join(b.work, fmt.Sprintf("cold-%d-%d", cr.size, r))
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return run, err
	}
	if err := a.writeConfig(b.stk, filepath.Join(dir, "lorkeeper.toml"), cfgOpts{state: filepath.Join(dir, "state.db"),
		since: cr.since, idleRenew: b.p.idleRenew.String(), draftsInMailbox: false, materials: b.materialsDir()}); err != nil {
		return run, err
	}
	d, err := b.startDaemon(filepath.Join(dir, "daemon.log"), a.cfg)
	if err != nil {
		return run, err
	}
	defer d.stop()
	lines, err := d.waitLines(0, 1, 2*time.Minute, caughtUp)
	if err != nil {
		return run, err
	}
	run.hwm = procMem(d.pid()).hwm
	run.wall = lines[0].at.Sub(d.started)
	run.delivered, _ = strconv.Atoi(logField(lines[0].text, "delivered"))
	run.self, _ = time.ParseDuration(logField(lines[0].text, "elapsed"))
	run.phases(d)
	if idle {
		window := time.Duration(b.p.renewals)*b.p.idleRenew + b.p.idleRenew/2
		logf("  idling through %d IDLE renewals (%v)", b.p.renewals, window)
		c0 := cpuTime(d.pid())
		time.Sleep(window)
		b.res.idle = &idleResult{size: cr.size, renew: b.p.idleRenew, renewals: b.p.renewals, mem: procMem(d.pid()),
			cpu: cpuTime(d.pid()) - c0, window: window, threads: threads(d.pid())}
	}
	b.res.problems = append(b.res.problems, prefixed(fmt.Sprintf("cold %d", cr.size), d.problems())...)
	return run, nil
}

func dateOnly(t time.Time) time.Time {
	return time.Date(t.Year(), t.Month(), t.Day(), 0, 0, 0, 0, time.UTC)
}

// -------------------------------------------------------- many mailboxes --

type manyResult struct {
	n, msgsEach, matchingEach int
	gen                       time.Duration
	allCaught                 time.Duration
	startMem                  mem
	renew                     time.Duration
	window                    time.Duration
	idleMem                   mem
	idleCPU                   time.Duration
	threads                   int
	imapConns                 int
	replies                   int
	visible, exists, logged   []time.Duration
	statusCalls               []time.Duration
	endMem                    mem
	drafts                    bool
	samples                   []string
}

// many: N applicants in one `lorkeeper run DIR`, each with its own INBOX
// of a thousand messages; the RSS once all are caught up and after an
// hour's worth of IDLE renewals, then reply latency to random applicants
// while the others idle.
func (b *bench) many() error {
	n := b.p.mailboxes
	logf("many mailboxes: %d applicants, %d messages each", n, b.p.mboxMsgs)
	dir := filepath.Join(b.work, "many")
	cfgDir := filepath.Join(dir, "configs")
	if err := os.MkdirAll(cfgDir, 0o755); err != nil {
		return err
	}
	m := &manyResult{n: n, msgsEach: b.p.mboxMsgs, matchingEach: b.p.mboxMatching, renew: b.p.manyRenew, drafts: b.p.manyDrafts}
	since := dateOnly(time.Now().AddDate(0, 0, -45))
	var apps []*applicant
	t0 := time.Now()
	for i := 0; i < n; i++ {
		user := fmt.Sprintf("bench%03d@inbox.test", 11+i)
		a := newApplicant(user)
		mb := &mailbox{dir: b.stk.maildir(user), applicant: user, noise: b.p.mboxMsgs - b.p.mboxMatching, years: 3,
			writers: a.writers, portal: a.portal, matching: b.p.mboxMatching, recent: time.Now().AddDate(0, 0, -30), seed: uint64(1000 + i)}
		gen, err := mb.write()
		if err != nil {
			return err
		}
		if _, err := b.stk.prepare(user, gen.seen); err != nil {
			return fmt.Errorf("indexing %s: %w", user, err)
		}
		if err := a.writeConfig(b.stk, filepath.Join(cfgDir, fmt.Sprintf("%03d.toml", i)), cfgOpts{
			state: filepath.Join(dir, "state", fmt.Sprintf("%03d.db", i)), since: since, idleRenew: b.p.manyRenew.String(),
			draftsInMailbox: m.drafts, materials: b.materialsDir()}); err != nil {
			return err
		}
		apps = append(apps, a)
	}
	if err := os.MkdirAll(filepath.Join(dir, "state"), 0o755); err != nil {
		return err
	}
	syscall.Sync()
	m.gen = time.Since(t0)
	logf("  generated in %v; starting one lorkeeper for all", m.gen.Round(time.Millisecond))
	d, err := b.startDaemon(filepath.Join(dir, "daemon.log"), cfgDir)
	if err != nil {
		return err
	}
	defer d.stop()
	lines, err := d.waitLines(0, n, 10*time.Minute, caughtUp)
	if err != nil {
		return err
	}
	m.allCaught = lines[n-1].at.Sub(d.started)
	m.startMem = procMem(d.pid())
	b.res.many = m
	logf("  all %d caught up after %v; RSS %.1f MB (peak %.1f MB)", n, m.allCaught.Round(time.Millisecond), m.startMem.rss, m.startMem.hwm)
	m.window = time.Duration(b.p.renewals)*b.p.manyRenew + b.p.manyRenew/2
	if m.window > 2*time.Minute {
		m.window = time.Minute // default renewals: just an idle minute
	}
	logf("  idling for %v (imap.idle_renew = %v)", m.window, b.p.manyRenew)
	c0 := cpuTime(d.pid())
	time.Sleep(m.window)
	m.idleCPU = cpuTime(d.pid()) - c0
	m.idleMem = procMem(d.pid())
	m.threads = threads(d.pid())
	m.imapConns = connections(d.pid(), b.stk.imaps)
	logf("  idle RSS %.1f MB, CPU %v over %v, %d IMAP connections", m.idleMem.rss, m.idleCPU, m.window, m.imapConns)

	it, err := b.stk.idle(twin)
	if err != nil {
		return fmt.Errorf("bare IDLE client: %w", err)
	}
	defer it.close()
	rng := rand.New(rand.NewPCG(42, 7))
	lastKind := map[string]int{}
	for i := 0; i < b.p.manyReplies; i++ {
		a := apps[rng.IntN(len(apps))]
		w := a.writers[rng.IntN(len(a.writers))]
		key := a.email + "/" + w.id
		kind := 0
		if k, ok := lastKind[key]; ok {
			kind = 1 - k
		}
		lastKind[key] = kind
		p, err := b.probe(d, it, a, w, kind, i, &m.statusCalls)
		if err != nil {
			return fmt.Errorf("reply %d to %s: %w", i+1, a.email, err)
		}
		m.replies++
		m.samples = append(m.samples, fmt.Sprintf("%d,%s,%s,%s,%d,%d,%d", i+1, a.email, w.id, b.kinds[kind], p.exists.Milliseconds(), p.logged.Milliseconds(), p.visible.Milliseconds()))
		m.visible = append(m.visible, p.visible)
		m.exists = append(m.exists, p.exists)
		m.logged = append(m.logged, p.logged)
	}
	m.endMem = procMem(d.pid())
	logf("  reply latency p50 %v p99 %v", pct(m.visible, 50).Round(time.Millisecond), pct(m.visible, 99).Round(time.Millisecond))
	b.res.problems = append(b.res.problems, prefixed("many", d.problems())...)
	return writeCSV(filepath.Join(dir, "replies.csv"), m.samples)
}

// connections counts pid's TCP connections to 127.0.0.1:port.
func connections(pid, port int) int {
	inodes := map[string]bool{}
	fds, _ := os.ReadDir(fmt.Sprintf("/proc/%d/fd", pid))
	for _, fd := range fds {
		l, err := os.Readlink(fmt.Sprintf("/proc/%d/fd/%s", pid, fd.Name()))
		if err == nil && strings.HasPrefix(l, "socket:[") {
			inodes[strings.TrimSuffix(strings.TrimPrefix(l, "socket:["), "]")] = true
		}
	}
	data, _ := os.ReadFile("/proc/net/tcp")
	want := fmt.Sprintf("0100007F:%04X", port)
	count := 0
	for _, line := range strings.Split(string(data), "\n")[1:] {
		f := strings.Fields(line)
		if len(f) > 9 && f[2] == want && f[3] == "01" && inodes[f[9]] {
			count++
		}
	}
	return count
}

// ---------------------------------------------------------------- stats --

// pct is the nearest-rank percentile of ds.
func pct(ds []time.Duration, p float64) time.Duration {
	if len(ds) == 0 {
		return 0
	}
	s := slices.Clone(ds)
	slices.Sort(s)
	i := int(float64(len(s))*p/100+0.999999) - 1
	return s[min(max(i, 0), len(s)-1)]
}

func median(ds []time.Duration) time.Duration { return pct(ds, 50) }

func prefixed(p string, lines []string) []string {
	var out []string
	for _, l := range lines {
		out = append(out, p+": "+l)
	}
	return out
}

// writeCSV writes the per-reply samples (milliseconds after Postfix
// accepted the reply).
func writeCSV(path string, rows []string) error {
	head := "n,writer,kind,exists_ms,logged_ms,visible_ms\n"
	if len(rows) > 0 && strings.Count(rows[0], ",") == 6 {
		head = "n,applicant,writer,kind,exists_ms,logged_ms,visible_ms\n"
	}
	return os.WriteFile(path, []byte(head+strings.Join(rows, "\n")+"\n"), 0o644)
}
