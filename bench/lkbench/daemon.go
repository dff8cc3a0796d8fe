//go:build linux

package main

import (
	"bufio"
	"bytes"
	"encoding/json"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/lorkeeper/lorkeeper/config"
	"github.com/lorkeeper/lorkeeper/internal/sample"
)

// writer is one letter writer of a bench applicant.
type writer struct {
	id, name, email, asked string
}

var writerNames = map[string]string{"smith": "Dr. Jane Smith", "patel": "Dr. Priya Patel", "nguyen": "Dr. Linh Nguyen", "adeyemi": "Prof. Bola Adeyemi"}
var writerIDs = []string{"smith", "patel", "nguyen", "adeyemi"}

// applicant is one bench applicant: a config file and its state.
type applicant struct {
	email   string
	writers []writer
	portal  string
	cfg     string // config path
}

func newApplicant(email string) *applicant {
	tag := strings.SplitN(email, "@", 2)[0]
	a := &applicant{email: email, portal: "notices@portal.test"}
	for _, id := range writerIDs {
		asked := "email"
		if id == "patel" {
			asked = "in_person"
		}
		a.writers = append(a.writers, writer{id: id, name: writerNames[id], email: id + "-" + tag + "@hospital.test", asked: asked})
	}
	return a
}

func (a *applicant) writer(id string) writer {
	for _, w := range a.writers {
		if w.id == id {
			return w
		}
	}
	panic("no writer " + id)
}

func (a *applicant) query(since time.Time) query {
	q := query{threading: []string{"lorkeeper-"}, since: since}
	for _, w := range a.writers {
		q.from = append(q.from, w.email)
	}
	q.from = append(q.from, "@portal.test")
	return q
}

type cfgOpts struct {
	state           string    // state file path
	since           time.Time // imap.since; zero for none
	idleRenew       string    // imap.idle_renew; "" for the default
	draftsInMailbox bool
	materials       string // folder with cv.pdf and ps.pdf
}

// writeConfig writes a's config to path.
func (a *applicant) writeConfig(s *stack, path string, o cfgOpts) error {
	secret := config.Secret{PasswordEnv: "LKBENCH_PASSWORD"}
	c := &config.Config{State: o.state,
		Applicant: sample.Applicant(a.email, filepath.Join(o.materials, "cv.pdf"), filepath.Join(o.materials, "ps.pdf")),
		IMAP: config.IMAP{Host: "127.0.0.1", Port: s.imaps, Security: "tls", CAFile: s.ca, Username: a.email, Secret: secret,
			DraftsInMailbox: &o.draftsInMailbox, Since: config.Date{Time: o.since}},
		SMTP:     config.SMTP{Host: "127.0.0.1", Port: s.submiss, Security: "starttls", CAFile: s.ca, Username: a.email, Secret: secret},
		Schedule: config.Schedule{BusinessHours: sample.Bool(false), DigestEvery: sample.String("")},
		Portals:  config.Portals{Senders: []string{"*@portal.test"}},
	}
	if o.idleRenew != "" {
		d, err := config.ParseDuration(o.idleRenew)
		if err != nil {
			return err
		}
		c.IMAP.IdleRenew = config.Duration(d)
	}
	emails := map[string]string{}
	for _, w := range a.writers {
		emails[w.id] = w.email
	}
	for i, w := range sample.Writers(emails) {
		if i >= len(a.writers) {
			break
		}
		w.ID, w.Name, w.Email, w.Asked = a.writers[i].id, a.writers[i].name, a.writers[i].email, a.writers[i].asked
		c.Writers = append(c.Writers, w)
	}
	for i := len(c.Writers); i < len(a.writers); i++ {
		w := sample.Writers(emails)[0]
		w.ID, w.Name, w.Email, w.Asked = a.writers[i].id, a.writers[i].name, a.writers[i].email, a.writers[i].asked
		c.Writers = append(c.Writers, w)
	}
	a.cfg = path
	return os.WriteFile(path, config.Encode(c), 0o600)
}

// logLine is one line of the daemon's log and when the bench read it.
type logLine struct {
	at   time.Time
	text string
}

// daemon is a running `lorkeeper run`.
type daemon struct {
	cmd     *exec.Cmd
	started time.Time
	mu      sync.Mutex
	lines   []logLine
	wake    chan struct{}
	done    chan struct{}
	logFile *os.File
}

func (b *bench) startDaemon(logPath string, args ...string) (*daemon, error) {
	d := &daemon{wake: make(chan struct{}, 1), done: make(chan struct{})}
	var err error
	if d.logFile, err = os.Create(logPath); err != nil {
		return nil, err
	}
	d.cmd = exec.Command(b.bin, append([]string{"run"}, args...)...)
	d.cmd.Env = append(os.Environ(), "LKBENCH_PASSWORD="+b.stk.password)
	pipe, err := d.cmd.StderrPipe()
	if err != nil {
		return nil, err
	}
	d.cmd.Stdout = d.logFile
	// If lkbench dies, so do its daemons.
	d.cmd.SysProcAttr = &syscall.SysProcAttr{Pdeathsig: syscall.SIGTERM}
	d.started = time.Now()
	if err := d.cmd.Start(); err != nil {
		return nil, err
	}
	go func() {
		sc := bufio.NewScanner(pipe)
		sc.Buffer(make([]byte, 64<<10), 1<<20)
		for sc.Scan() {
			now := time.Now()
			line := sc.Text()
			d.mu.Lock()
			d.lines = append(d.lines, logLine{now, line})
			d.mu.Unlock()
			fmt.Fprintf(d.logFile, "%s\n", line)
			select {
			case d.wake <- struct{}{}:
			default:
			}
		}
		d.cmd.Wait()
		close(d.done)
	}()
	return d, nil
}

func (d *daemon) pid() int { return d.cmd.Process.Pid }

// mark is the number of log lines read so far.
func (d *daemon) mark() int {
	d.mu.Lock()
	defer d.mu.Unlock()
	return len(d.lines)
}

// waitLines waits until n lines after from satisfy match, and returns
// them.
func (d *daemon) waitLines(from, n int, timeout time.Duration, match func(string) bool) ([]logLine, error) {
	deadline := time.After(timeout)
	for {
		d.mu.Lock()
		var got []logLine
		for _, l := range d.lines[min(from, len(d.lines)):] {
			if match(l.text) {
				got = append(got, l)
			}
		}
		d.mu.Unlock()
		if len(got) >= n {
			return got[:n], nil
		}
		select {
		case <-d.wake:
		case <-d.done:
			return got, fmt.Errorf("lorkeeper exited (%v); see %s", d.cmd.ProcessState, d.logFile.Name())
		case <-deadline:
			return got, fmt.Errorf("after %v: %d of %d log lines; see %s", timeout, len(got), n, d.logFile.Name())
		case <-time.After(50 * time.Millisecond):
		}
	}
}

// findLine returns the first line after from that matches, if any yet.
func (d *daemon) findLine(from int, match func(string) bool) (logLine, bool) {
	d.mu.Lock()
	defer d.mu.Unlock()
	for _, l := range d.lines[min(from, len(d.lines)):] {
		if match(l.text) {
			return l, true
		}
	}
	return logLine{}, false
}

// problems returns the log lines at WARN or ERROR.
func (d *daemon) problems() []string {
	d.mu.Lock()
	defer d.mu.Unlock()
	var out []string
	for _, l := range d.lines {
		if strings.Contains(l.text, "level=WARN") || strings.Contains(l.text, "level=ERROR") {
			out = append(out, l.text)
		}
	}
	return out
}

func (d *daemon) stop() {
	select {
	case <-d.done:
	default:
		d.cmd.Process.Signal(syscall.SIGTERM)
		select {
		case <-d.done:
		case <-time.After(15 * time.Second):
			d.cmd.Process.Kill()
			<-d.done
		}
	}
	d.logFile.Close()
}

// logField returns key's value in a slog text line.
func logField(line, key string) string {
	i := strings.Index(line, " "+key+"=")
	if i < 0 {
		return ""
	}
	v := line[i+len(key)+2:]
	if strings.HasPrefix(v, `"`) {
		if s, err := strconv.QuotedPrefix(v); err == nil {
			u, _ := strconv.Unquote(s)
			return u
		}
	}
	if j := strings.IndexByte(v, ' '); j >= 0 {
		v = v[:j]
	}
	return v
}

// mem is a process's memory from /proc/PID/status, in MiB.
type mem struct{ rss, hwm float64 }

func procMem(pid int) mem {
	data, err := os.ReadFile(fmt.Sprintf("/proc/%d/status", pid))
	if err != nil {
		return mem{}
	}
	var m mem
	sc := bufio.NewScanner(bytes.NewReader(data))
	for sc.Scan() {
		k, v, ok := strings.Cut(sc.Text(), ":")
		if !ok {
			continue
		}
		kb, _ := strconv.ParseFloat(strings.TrimSuffix(strings.TrimSpace(v), " kB"), 64)
		switch k {
		case "VmRSS":
			m.rss = kb / 1024
		case "VmHWM":
			m.hwm = kb / 1024
		}
	}
	return m
}

// cpuTime is a process's user+system CPU time so far.
func cpuTime(pid int) time.Duration {
	data, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", pid))
	if err != nil {
		return 0
	}
	s := string(data)
	if i := strings.LastIndexByte(s, ')'); i >= 0 {
		s = s[i+2:]
	}
	f := strings.Fields(s)
	if len(f) < 13 {
		return 0
	}
	ut, _ := strconv.ParseInt(f[11], 10, 64)
	st, _ := strconv.ParseInt(f[12], 10, 64)
	return time.Duration(ut+st) * time.Second / 100 // USER_HZ
}

// threads is the number of OS threads of a process.
func threads(pid int) int {
	ents, _ := os.ReadDir(fmt.Sprintf("/proc/%d/task", pid))
	return len(ents)
}

// statusRow is a row of `lorkeeper status --json`.
type statusRow struct {
	Writer        string `json:"writer"`
	State         string `json:"state"`
	LastReplyKind string `json:"last_reply_kind"`
}

// status runs `lorkeeper --config CFG status --json`.
func (b *bench) status(cfg string) (map[string]statusRow, error) {
	cmd := exec.Command(b.bin, "--config", cfg, "status", "--json")
	cmd.Env = append(os.Environ(), "LKBENCH_PASSWORD="+b.stk.password)
	var out, errb bytes.Buffer
	cmd.Stdout, cmd.Stderr = &out, &errb
	if err := cmd.Run(); err != nil {
		return nil, fmt.Errorf("status: %v: %s", err, strings.TrimSpace(errb.String()))
	}
	var rows []statusRow
	if err := json.Unmarshal(out.Bytes(), &rows); err != nil {
		return nil, err
	}
	m := map[string]statusRow{}
	for _, r := range rows {
		m[r.Writer] = r
	}
	return m, nil
}
