//go:build linux

// Package powercut cuts the power under a running lorkeeper daemon: its
// state directory is a cutfs mount that keeps only what was fsynced, the
// daemon (the built binary) sends approved drafts through an in-process
// SMTP server, and at seeded random points the test SIGKILLs it and cuts
// the filesystem at the same instant, remounts and restarts it. At the end
// every draft must be sent or held, and no writer may get an email twice.
//
// The points are either the k-th message the SMTP server accepts in a run
// (the cut comes before the 250 reply: the message left, the daemon does
// not know) or the n-th state-changing filesystem request of a run (a
// commit's write or fsync, a checkpoint). The seed is logged;
// LORKEEPER_POWERCUT_SEED repeats a schedule and LORKEEPER_POWERCUT_CUTS
// changes the number of cuts (default 25). Where FUSE cannot be mounted
// (not root, no /dev/fuse) the test skips, and fails under CI=true.
package powercut

import (
	"fmt"
	"math/rand/v2"
	"os"
	"slices"
	"strconv"
	"strings"
	"sync/atomic"
	"testing"
	"time"

	"github.com/lorkeeper/lorkeeper/internal/cutfs"
	"github.com/lorkeeper/lorkeeper/store"
)

const drafts = 50

func envInt(name string, def int64) int64 {
	if v, err := strconv.ParseInt(os.Getenv(name), 10, 64); err == nil {
		return v
	}
	return def
}

// TestPowerCut runs in strict mode: a directory entry is durable only
// after its directory's fsync, which is all POSIX promises. SQLite
// fsyncs the state's directory itself when it starts a WAL, so strict
// mode costs this state nothing; it would catch a store that counts on a
// new file, a rename or a new directory being durable without it.
// Cut points are reproducible from the seed; how many filesystem
// requests precede one varies by a few between runs (the IMAP watcher
// and the -shm writeback run alongside the sends).
func TestPowerCut(t *testing.T) {
	fs := cutfs.ForTest(t, cutfs.Options{})
	build(t)
	seed := envInt("LORKEEPER_POWERCUT_SEED", time.Now().UnixNano())
	cuts := int(envInt("LORKEEPER_POWERCUT_CUTS", 25))
	t.Logf("seed %d, up to %d cuts (LORKEEPER_POWERCUT_SEED=%d repeats this schedule)", seed, cuts, seed)
	rng := rand.New(rand.NewPCG(uint64(seed), 0x9e3779b97f4a7c15))
	h := newHarness(t, fs, drafts)
	t.Cleanup(func() {
		if t.Failed() {
			h.mu.Lock()
			lines := strings.Split(strings.TrimSpace(h.logs.String()), "\n")
			h.mu.Unlock()
			t.Logf("the daemons' last %d log lines:\n%s", min(len(lines), 200), strings.Join(lines[max(len(lines)-200, 0):], "\n"))
		}
	})

	kinds := map[string]int{}
	run, done := 0, 0
	for done < cuts && !h.settled() {
		run++
		kind, point := "smtp", 1+rng.IntN(3)
		if rng.IntN(2) == 0 {
			kind, point = "fs", 1+rng.IntN(120)
		}
		fired := make(chan struct{})
		p := h.prepareRun(run, "run")
		opsBefore := fs.Ops()
		var cutErr error
		if kind == "smtp" {
			var seen atomic.Int32
			h.setOnAccept(func() {
				if seen.Add(1) == int32(point) {
					cutErr = fs.Cut() // the power goes, and the daemon with it
					close(fired)
					p.kill()
				}
			})
		} else {
			fs.CutAt(point, func() { close(fired); p.kill() })
		}
		p.launch(t)
		outcome := wait(h, p, fired)
		h.setOnAccept(nil)
		fs.CutAt(0, nil)
		if outcome != "cut" {
			select {
			case <-fired: // the point came as we disarmed it
				outcome = "cut"
			default:
			}
		}
		if outcome == "exited" {
			t.Fatalf("run %d: the daemon exited by itself: %v", run, p.err)
		}
		if outcome != "cut" {
			p.stop(t)
			t.Logf("run %d: %s before its cut point (%s %d): no more cuts", run, outcome, kind, point)
			break
		}
		if kind == "fs" {
			cutErr = fs.Cut()
		}
		<-p.exited
		if cutErr != nil {
			t.Fatal(cutErr)
		}
		done++
		kinds[kind]++
		t.Logf("cut %d (run %d): %s point %d, after %d fs requests; %d messages accepted so far; lost %v",
			done, run, kind, point, fs.Ops()-opsBefore, h.acceptedTotal(), fs.Lost())
		if err := fs.Remount(); err != nil {
			t.Fatal(err)
		}
	}

	// A last restart, without a cut: one pass recovers and sends the rest.
	run++
	final := h.prepareRun(run, "run", "--once")
	final.launch(t)
	select {
	case <-final.exited:
	case <-time.After(60 * time.Second):
		final.kill()
		<-final.exited
		t.Fatal("the last run did not finish within 60s")
	}
	if final.err != nil {
		t.Errorf("the last run: %v", final.err)
	}
	h.report(t, done, kinds)
}

// wait waits for the run's cut point, the daemon's exit, every draft
// having left or been held (nothing left to cut), or 20s without
// reaching the point.
func wait(h *harness, p *proc, fired <-chan struct{}) string {
	idle := time.NewTimer(20 * time.Second)
	defer idle.Stop()
	for {
		select {
		case <-fired:
			return "cut"
		case <-p.exited:
			select {
			case <-fired: // closed before the kill: it was ours
				return "cut"
			default:
				return "exited"
			}
		case <-h.progress:
			if h.settled() {
				return "settled"
			}
		case <-idle.C:
			return "idle"
		}
	}
}

// report logs the figures and checks the outcome: every draft sent or
// held, no Message-ID accepted twice, no draft accepted twice.
func (h *harness) report(t *testing.T, cuts int, kinds map[string]int) {
	state := h.finalState()
	h.mu.Lock()
	defer h.mu.Unlock()
	var sent, held int
	var stuck []string
	for _, id := range h.drafts {
		d, ok := state[id]
		switch {
		case !ok:
			stuck = append(stuck, fmt.Sprintf("%d missing", id))
		case d.Status == store.Sent:
			sent++
		case d.Status == store.Held:
			held++
		default:
			stuck = append(stuck, fmt.Sprintf("%d %s", id, d.Status))
		}
	}
	dupIDs, twice, extra, total := 0, 0, 0, 0
	for _, n := range h.msgIDs {
		dupIDs += n - 1
		total += n
	}
	var twiceIDs []string
	for id, n := range h.accepted {
		if n > 1 {
			twice++
			extra += n - 1
			twiceIDs = append(twiceIDs, id)
		}
	}
	slices.Sort(twiceIDs)
	lostSent := 0 // a restart found the draft in "sending" after its "sent" was logged
	for id := range h.recover {
		if h.sentLog[id] > 0 {
			lostSent++
		}
	}
	// "sent" records committed (and logged) but gone after a cut: every
	// logged send but the last of each draft, and that one too unless
	// the draft ended sent.
	logged, rolledBack := 0, 0
	for _, id := range h.drafts {
		n := h.sentLog[fmt.Sprint(id)]
		logged += n
		if n > 0 && state[id].Status != store.Sent {
			rolledBack += n
		} else if n > 1 {
			rolledBack += n - 1
		}
	}
	t.Logf("RESULT: %d cuts (%d at an SMTP acceptance, %d at a filesystem request); %d messages accepted for %d drafts; "+
		"%d duplicate Message-IDs; %d drafts sent more than once (%d extra copies, under new Message-IDs: their claim was lost) %v; "+
		"%d sends recorded and logged, %d of those records rolled back by a cut; "+
		"restarts found %d drafts in \"sending\" (%d held), %d of them already logged as sent; "+
		"final: %d sent, %d held, %d neither %v",
		cuts, kinds["smtp"], kinds["fs"], total, len(h.drafts), dupIDs, twice, extra, twiceIDs,
		logged, rolledBack, len(h.recover), len(h.held), lostSent, sent, held, len(stuck), stuck)
	if dupIDs > 0 {
		t.Errorf("%d Message-IDs reached the SMTP server more than once", dupIDs)
	}
	if twice > 0 {
		t.Errorf("%d drafts reached the SMTP server more than once: %v", twice, twiceIDs)
	}
	if len(stuck) > 0 {
		t.Errorf("drafts neither sent nor held: %v", stuck)
	}
}
