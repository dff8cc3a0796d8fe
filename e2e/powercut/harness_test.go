//go:build linux

package powercut

import (
	"bufio"
	"context"
	"fmt"
	"io"
	"log/slog"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"

	"github.com/lorkeeper/lorkeeper/config"
	"github.com/lorkeeper/lorkeeper/internal/cutfs"
	"github.com/lorkeeper/lorkeeper/internal/sample"
	"github.com/lorkeeper/lorkeeper/internal/testenv"
	"github.com/lorkeeper/lorkeeper/keeper"
	"github.com/lorkeeper/lorkeeper/letters"
	"github.com/lorkeeper/lorkeeper/memmail"
	"github.com/lorkeeper/lorkeeper/store"
	"github.com/lorkeeper/lorkeeper/templates"
)

var (
	buildOnce sync.Once
	binary    string
	buildErr  error
)

// build builds the lorkeeper binary once per test run.
func build(t *testing.T) string {
	t.Helper()
	buildOnce.Do(func() {
		dir, err := os.MkdirTemp("", "lorkeeper-powercut")
		if err != nil {
			buildErr = err
			return
		}
		binary = filepath.Join(dir, "lorkeeper")
		cmd := exec.Command("go", "build", "-o", binary, "./cmd/lorkeeper")
		cmd.Dir = filepath.Join("..", "..")
		if out, err := cmd.CombinedOutput(); err != nil {
			buildErr = fmt.Errorf("build: %w\n%s", err, out)
		}
	})
	if buildErr != nil {
		t.Fatal(buildErr)
	}
	return binary
}

func TestMain(m *testing.M) {
	code := m.Run()
	if binary != "" {
		os.RemoveAll(filepath.Dir(binary))
	}
	os.Exit(code)
}

// harness is the applicant's mail system, config and state on a cutfs
// mount, and what was seen of the daemons run on them.
type harness struct {
	t      *testing.T
	fs     *cutfs.FS
	sys    *memmail.System
	dir    string // config, attachments, copies of the state
	config string // the daemon's config: state on the mount
	drafts []int64

	progress chan struct{} // a message accepted or a log line read

	mu       sync.Mutex
	accepted map[string]int    // draft id → copies the SMTP server accepted
	msgIDs   map[string]int    // Message-ID → copies accepted
	byMsgID  map[string]string // Message-ID → draft id
	held     map[string]bool
	sentLog  map[string]int  // draft id → "sent" log lines, over all runs
	recover  map[string]bool // drafts a restart found in "sending"
	onAccept func()          // the armed SMTP cut point, if any
	logs     strings.Builder // every run's log, for failures
}

// newHarness starts the mail system, writes the config and prepares a
// state with n approved drafts, durable on the mount.
func newHarness(t *testing.T, fs *cutfs.FS, n int) *harness {
	h := &harness{t: t, fs: fs, dir: t.TempDir(), progress: make(chan struct{}, 1),
		accepted: map[string]int{}, msgIDs: map[string]int{}, held: map[string]bool{},
		sentLog: map[string]int{}, recover: map[string]bool{}}
	sys, err := memmail.Start(memmail.Options{Accepted: h.acceptedMsg})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { sys.Close() })
	h.sys = sys
	users := []string{testenv.Applicant, testenv.Portal}
	for _, a := range testenv.Writers {
		users = append(users, a)
	}
	for _, u := range users {
		if err := sys.AddUser(u, testenv.Password); err != nil {
			t.Fatal(err)
		}
	}
	for _, f := range []string{"cv.pdf", "ps.pdf"} {
		if err := os.WriteFile(filepath.Join(h.dir, f), []byte("%PDF-1.4 "+f), 0o600); err != nil {
			t.Fatal(err)
		}
	}
	prep := filepath.Join(h.dir, "prep")
	prepCfg := h.writeConfig("prep.toml", filepath.Join(prep, "state.db"))
	h.config = h.writeConfig("lorkeeper.toml", filepath.Join(fs.Dir(), "state.db"))
	h.drafts, h.byMsgID = prepare(t, prepCfg, n)
	h.install(prep)
	return h
}

// writeConfig writes a config with its state at state: sends are not
// rate-limited, and drafts are not mirrored to the Drafts folder (its
// reconciling, not the store, would decide when a draft may leave).
func (h *harness) writeConfig(name, state string) string {
	text := testenv.ConfigText(h.sys, testenv.Options{Configure: func(c *config.Config) {
		c.State = state
		c.IMAP.DraftsInMailbox = sample.Bool(false)
		c.SMTP.MaxPerMinute, c.SMTP.RetryAfter = 1000, config.Duration(time.Second)
	}})
	path := filepath.Join(h.dir, name)
	if err := os.WriteFile(path, []byte(text), 0o600); err != nil {
		h.t.Fatal(err)
	}
	return path
}

// prepare makes a state with n approved drafts, the writers' first
// emails and reminders, as the applicant's earlier days left it.
// It returns the drafts' ids and, by Message-ID (which a draft keeps for
// life), the id of each.
func prepare(t *testing.T, cfgPath string, n int) ([]int64, map[string]string) {
	cfg, err := config.Load(cfgPath)
	if err != nil {
		t.Fatal(err)
	}
	st, err := store.Open(cfg.State)
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	tmpl, err := templates.Load("")
	if err != nil {
		t.Fatal(err)
	}
	ctx := context.Background()
	k := keeper.New(cfg, st, tmpl, slog.New(slog.NewTextHandler(io.Discard, nil)), nil)
	if _, err := k.Start(ctx); err != nil {
		t.Fatal(err)
	}
	ds, err := k.Drafts(ctx, store.Pending)
	if err != nil {
		t.Fatal(err)
	}
	var ids []int64
	for _, d := range ds {
		ids = append(ids, d.ID)
	}
	err = st.Update(ctx, func(tx *store.Tx) error {
		for i := len(ids); i < n; i++ {
			w := cfg.Writers[i%len(cfg.Writers)]
			id, err := tx.AddDraft(store.Draft{Writer: w.ID, Template: letters.TReminder, ToName: w.Name, ToAddr: w.Email,
				Subject:   fmt.Sprintf("Letter of recommendation: a gentle reminder (%d)", i),
				Text:      fmt.Sprintf("Dear %s,\n\nA reminder, number %d.\n", w.Name, i),
				MessageID: fmt.Sprintf("powercut-%d@inbox.test", i)}, time.Now())
			if err != nil {
				return err
			}
			ids = append(ids, id)
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	if err := k.Approve(ctx, ids...); err != nil {
		t.Fatal(err)
	}
	byMsgID := map[string]string{}
	all, err := k.Drafts(ctx)
	if err != nil {
		t.Fatal(err)
	}
	for _, d := range all {
		byMsgID[d.MessageID] = fmt.Sprint(d.ID)
	}
	return ids, byMsgID
}

// install copies the prepared state onto the mount and makes it durable.
func (h *harness) install(prep string) {
	for _, name := range []string{"state.db", "state.db-wal"} {
		data, err := os.ReadFile(filepath.Join(prep, name))
		if os.IsNotExist(err) {
			continue
		}
		if err != nil {
			h.t.Fatal(err)
		}
		if err := writeSync(filepath.Join(h.fs.Dir(), name), data); err != nil {
			h.t.Fatal(err)
		}
	}
	if err := syncDir(h.fs.Dir()); err != nil {
		h.t.Fatal(err)
	}
}

func writeSync(path string, data []byte) error {
	f, err := os.OpenFile(path, os.O_CREATE|os.O_WRONLY|os.O_TRUNC, 0o600)
	if err != nil {
		return err
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		return err
	}
	if err := f.Sync(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

func syncDir(dir string) error {
	d, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer d.Close()
	return d.Sync()
}

// acceptedMsg counts a message the SMTP server accepted and runs the
// armed SMTP cut point.
func (h *harness) acceptedMsg(e memmail.Envelope) {
	h.mu.Lock()
	id := strings.Trim(header(e.Data, "Message-ID"), "<>")
	h.accepted[h.byMsgID[id]]++
	h.msgIDs[id]++
	cut := h.onAccept
	h.mu.Unlock()
	if cut != nil {
		cut()
	}
	h.notify()
}

func (h *harness) notify() {
	select {
	case h.progress <- struct{}{}:
	default:
	}
}

// header returns a header's value from a raw message.
func header(raw []byte, key string) string {
	head, _, _ := strings.Cut(strings.ReplaceAll(string(raw), "\r\n", "\n"), "\n\n")
	for _, l := range strings.Split(head, "\n") {
		if v, ok := strings.CutPrefix(l, key+":"); ok {
			return strings.TrimSpace(v)
		}
	}
	return ""
}

var draftAttr = regexp.MustCompile(`\bdraft=(\d+)`)

// line records one line of a daemon's log.
func (h *harness) line(run int, l string) {
	h.mu.Lock()
	fmt.Fprintf(&h.logs, "run %d: %s\n", run, l)
	if m := draftAttr.FindStringSubmatch(l); m != nil {
		id := m[1]
		switch {
		case strings.Contains(l, "msg=sent "):
			h.sentLog[id]++
		case strings.Contains(l, "interrupted send held"):
			h.held[id], h.recover[id] = true, true
		case strings.Contains(l, "interrupted send found in Sent"):
			h.recover[id] = true
		}
	}
	h.mu.Unlock()
	h.notify()
}

// settled reports whether every draft has left at least once or was held:
// no cut can change anything any more.
func (h *harness) settled() bool {
	h.mu.Lock()
	defer h.mu.Unlock()
	for _, id := range h.drafts {
		k := fmt.Sprint(id)
		if h.accepted[k] == 0 && !h.held[k] {
			return false
		}
	}
	return true
}

// setOnAccept arms (or, with nil, disarms) the SMTP cut point.
func (h *harness) setOnAccept(f func()) {
	h.mu.Lock()
	h.onAccept = f
	h.mu.Unlock()
}

// acceptedTotal is the number of messages the SMTP server accepted.
func (h *harness) acceptedTotal() int {
	h.mu.Lock()
	defer h.mu.Unlock()
	n := 0
	for _, c := range h.msgIDs {
		n += c
	}
	return n
}

// proc is one run of the lorkeeper binary.
type proc struct {
	cmd     *exec.Cmd
	started chan struct{} // closed once cmd.Process is set
	exited  chan struct{}
	err     error // of Wait, once exited
}

// prepareRun makes a run of lorkeeper with args on the harness's config;
// launch starts it. In between, cut points can be armed that kill it.
func (h *harness) prepareRun(run int, args ...string) *proc {
	cmd := exec.Command(build(h.t), append(args, h.config)...)
	cmd.Stdout = io.Discard
	p := &proc{cmd: cmd, started: make(chan struct{}), exited: make(chan struct{})}
	stderr, err := cmd.StderrPipe()
	if err != nil {
		h.t.Fatal(err)
	}
	go func() {
		<-p.started
		sc := bufio.NewScanner(stderr)
		sc.Buffer(nil, 1<<20)
		for sc.Scan() {
			h.line(run, sc.Text())
		}
		p.err = cmd.Wait()
		close(p.exited)
	}()
	return p
}

func (p *proc) launch(t *testing.T) {
	if err := p.cmd.Start(); err != nil {
		t.Fatal(err)
	}
	close(p.started)
}

// kill is SIGKILL; it may be called before launch returned.
func (p *proc) kill() {
	<-p.started
	_ = p.cmd.Process.Signal(syscall.SIGKILL)
}

// stop ends a daemon gracefully.
func (p *proc) stop(t *testing.T) {
	_ = p.cmd.Process.Signal(syscall.SIGTERM)
	select {
	case <-p.exited:
	case <-time.After(20 * time.Second):
		p.kill()
		<-p.exited
		t.Error("the daemon did not stop within 20s of SIGTERM")
	}
}

// finalState copies the state off the mount (the daemon has stopped)
// and reads every draft from the copy: SQLite's mmapped -shm must not be
// used on a mount this process serves.
func (h *harness) finalState() map[int64]store.Draft {
	copyDir := filepath.Join(h.dir, fmt.Sprintf("final-%d", time.Now().UnixNano()))
	if err := os.Mkdir(copyDir, 0o700); err != nil {
		h.t.Fatal(err)
	}
	for _, name := range []string{"state.db", "state.db-wal"} {
		data, err := os.ReadFile(filepath.Join(h.fs.Dir(), name))
		if os.IsNotExist(err) {
			continue
		}
		if err != nil {
			h.t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(copyDir, name), data, 0o600); err != nil {
			h.t.Fatal(err)
		}
	}
	st, err := store.Open(filepath.Join(copyDir, "state.db"))
	if err != nil {
		h.t.Fatal(err)
	}
	defer st.Close()
	out := map[int64]store.Draft{}
	err = st.View(context.Background(), func(tx *store.Tx) error {
		ds, err := tx.Drafts("")
		for _, d := range ds {
			out[d.ID] = d
		}
		return err
	})
	if err != nil {
		h.t.Fatal(err)
	}
	return out
}
