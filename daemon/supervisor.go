package daemon

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"log/slog"
	"os"
	"path/filepath"
	"runtime/debug"
	"sort"
	"strings"
	"sync"
	"time"

	"github.com/lorkeeper/lorkeeper/clock"
	"github.com/lorkeeper/lorkeeper/config"
	"github.com/lorkeeper/lorkeeper/keeper"
)

// Supervisor runs one Applicant per config file, each in its own
// goroutine with its own state, so one applicant's trouble (a bad
// password, a dead server, a broken config) never stops the others.
type Supervisor struct {
	Paths   []string // config files, or folders of *.toml files
	Log     *slog.Logger
	Options Options
	Clock   clock.Clock // nil: the system clock
	// Started, if set, is called with each applicant once it runs (the
	// dashboard uses it).
	Started func(ctx context.Context, a *Applicant)
	// KeeperOptions are given to every applicant's keeper (tests).
	KeeperOptions []keeper.Option
	// Watch is how often the config files are looked at for edits; an
	// edited file is reloaded as on a reload signal. 0 is DefaultWatch;
	// below 0, never.
	Watch time.Duration

	mu      sync.Mutex
	running map[string]*runner // by config path
}

type runner struct {
	data   []byte // the config text it runs with
	cancel context.CancelFunc
	done   chan struct{}
}

// ConfigFiles expands paths: files as given, folders to their *.toml
// files, sorted.
func ConfigFiles(paths []string) ([]string, error) {
	var out []string
	for _, p := range paths {
		st, err := os.Stat(p)
		if err != nil {
			return nil, fmt.Errorf("config %s: %w", p, err)
		}
		if !st.IsDir() {
			abs, _ := filepath.Abs(p)
			out = append(out, abs)
			continue
		}
		matches, err := filepath.Glob(filepath.Join(p, "*.toml"))
		if err != nil {
			return nil, err
		}
		sort.Strings(matches)
		for _, m := range matches {
			abs, _ := filepath.Abs(m)
			out = append(out, abs)
		}
	}
	if len(out) == 0 {
		return nil, errors.New("no config files found")
	}
	return out, nil
}

// Run starts every valid config and runs until ctx ends. Each signal on
// reload, and each edit of the files (see Watch), re-reads the configs:
// a changed valid config restarts its applicant, an invalid one is
// refused (its error logged) and the old one keeps running, a new file
// starts, a removed one stops. Run returns
// an error only if no config could be started at all.
func (s *Supervisor) Run(ctx context.Context, reload <-chan struct{}) error {
	s.running = map[string]*runner{}
	if s.Options.Wakes == nil {
		s.Options.Wakes = clock.NewWakes(s.Clock, 30*time.Second, time.Minute)
	}
	wctx, stopWakes := context.WithCancel(ctx)
	defer stopWakes()
	go s.Options.Wakes.Run(wctx)
	var edited chan struct{} // nil: not watched
	if s.Watch >= 0 {
		every := s.Watch
		if every == 0 {
			every = DefaultWatch
		}
		edited = make(chan struct{}, 1)
		go newConfigWatch(s.Paths, s.Clock, every).run(wctx, edited)
	}
	errs := s.apply(ctx)
	s.mu.Lock()
	n := len(s.running)
	s.mu.Unlock()
	if n == 0 {
		return errors.Join(append(errs, errors.New("no applicant could be started"))...)
	}
	for {
		select {
		case <-ctx.Done():
			s.stopAll()
			return nil
		case <-reload:
			s.Log.Info("reloading configs")
			s.apply(ctx)
		case <-edited:
			s.Log.Info("a config file changed; reloading configs")
			s.apply(ctx)
		}
	}
}

// apply brings the running set in line with the config files.
func (s *Supervisor) apply(ctx context.Context) []error {
	files, err := ConfigFiles(s.Paths)
	if err != nil {
		s.Log.Error("config", "err", err)
		return []error{err}
	}
	var errs []error
	want := map[string]bool{}
	for _, f := range files {
		want[f] = true
		data, err := os.ReadFile(f)
		if err != nil {
			errs = append(errs, err)
			s.Log.Error("config unreadable", "file", f, "err", err)
			continue
		}
		s.mu.Lock()
		old := s.running[f]
		s.mu.Unlock()
		if old != nil && bytes.Equal(old.data, data) {
			continue
		}
		cfg, err := config.Parse(f, data)
		if err != nil {
			errs = append(errs, err)
			msg := "config refused"
			if old != nil {
				msg = "config refused; the previous version keeps running"
			}
			s.Log.Error(msg, "file", f, "problems", strings.ReplaceAll(err.Error(), "\n", "; "))
			continue
		}
		if old != nil {
			s.stop(f)
			s.Log.Info("config changed; restarting", "file", f)
		}
		if err := s.start(ctx, f, data, cfg); err != nil {
			errs = append(errs, err)
			s.Log.Error("applicant not started", "file", f, "err", err)
		}
	}
	s.mu.Lock()
	var gone []string
	for f := range s.running {
		if !want[f] {
			gone = append(gone, f)
		}
	}
	s.mu.Unlock()
	for _, f := range gone {
		s.Log.Info("config removed; stopping", "file", f)
		s.stop(f)
	}
	return errs
}

func (s *Supervisor) start(ctx context.Context, file string, data []byte, cfg *config.Config) error {
	a, err := Open(cfg, s.Log, s.Clock, s.KeeperOptions...)
	if err != nil {
		return err
	}
	if err := a.Lock(); err != nil {
		a.Close()
		return err
	}
	rctx, cancel := context.WithCancel(ctx)
	r := &runner{data: data, cancel: cancel, done: make(chan struct{})}
	s.mu.Lock()
	s.running[file] = r
	s.mu.Unlock()
	go func() {
		defer close(r.done)
		defer a.Close()
		if s.Started != nil {
			s.Started(rctx, a)
		}
		for {
			err := s.runOne(rctx, a)
			if rctx.Err() != nil {
				return
			}
			// Only the state file (or a bug) can stop an applicant: wait
			// and retry; the others go on meanwhile.
			a.Log.Error("applicant stopped; restarting in 30s", "err", err)
			if clock.Sleep(rctx, clock.Or(s.Clock), 30*time.Second) != nil {
				return
			}
		}
	}()
	return nil
}

// runOne runs a until it stops, turning a panic into an error so that
// one applicant's bug never takes the others down.
func (s *Supervisor) runOne(ctx context.Context, a *Applicant) (err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("internal error: %v\n%s", p, debug.Stack())
		}
	}()
	return a.Run(ctx, s.Options)
}

func (s *Supervisor) stop(file string) {
	s.mu.Lock()
	r := s.running[file]
	delete(s.running, file)
	s.mu.Unlock()
	if r != nil {
		r.cancel()
		<-r.done
	}
}

func (s *Supervisor) stopAll() {
	s.mu.Lock()
	var files []string
	for f := range s.running {
		files = append(files, f)
	}
	s.mu.Unlock()
	for _, f := range files {
		s.stop(f)
	}
}
