package daemon

import (
	"context"
	"maps"
	"os"
	"time"

	"github.com/lorkeeper/lorkeeper/clock"
)

// DefaultWatch is how often the supervisor looks at its config files for
// edits when Supervisor.Watch is 0.
const DefaultWatch = 2 * time.Second

// configWatch notices edited config files without a signal (Windows has
// no SIGHUP; an applicant edits the file, or the setup page saves it): it
// looks at each file's modification time and size on the clock, and at
// the *.toml files of the folders it watches. A change is reported once
// the files have held still for one more look, so that a save made of
// several writes is read whole. It compares no contents: the supervisor
// does, and restarts only an applicant whose text changed.
type configWatch struct {
	paths []string
	clock clock.Clock
	every time.Duration
	last  map[string]stamp
}

type stamp struct{ mod, size int64 } // modification time in ns

// newConfigWatch takes the first look at once, so that an edit made
// after it (while the configs are being started) is not missed.
func newConfigWatch(paths []string, c clock.Clock, every time.Duration) *configWatch {
	return &configWatch{paths: paths, clock: clock.Or(c), every: every, last: look(paths)}
}

// look stamps every config file; a path that cannot be read is absent.
func look(paths []string) map[string]stamp {
	out := map[string]stamp{}
	files, err := ConfigFiles(paths)
	if err != nil {
		return out
	}
	for _, f := range files {
		if st, err := os.Stat(f); err == nil {
			out[f] = stamp{st.ModTime().UnixNano(), st.Size()}
		}
	}
	return out
}

// run looks every w.every until ctx ends, sending on changed after each
// change (at most one waiting).
func (w *configWatch) run(ctx context.Context, changed chan<- struct{}) {
	t := w.clock.NewTimer(w.every)
	defer t.Stop()
	pending := false
	for {
		select {
		case <-ctx.Done():
			return
		case <-t.C():
		}
		now := look(w.paths)
		switch {
		case !maps.Equal(now, w.last):
			w.last, pending = now, true // wait until it holds still
		case pending:
			pending = false
			select {
			case changed <- struct{}{}:
			default:
			}
		}
		t.Reset(w.every)
	}
}
