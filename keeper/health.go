package keeper

import (
	"context"
	"encoding/json"
	"time"

	"github.com/lorkeeper/lorkeeper/store"
)

// Heartbeat is what the running daemon last said about itself: `status`,
// the board and the digest use it to say whether lorkeeper is working.
type Heartbeat struct {
	PID       int       `json:"pid"`
	Started   time.Time `json:"started"`
	Beat      time.Time `json:"beat"`       // the daemon's last sign of life
	LastLogin time.Time `json:"last_login"` // the mailbox last logged in and synced to its end
	LastSync  time.Time `json:"last_sync"`  // the mailbox was last read to its end
	Dashboard string    `json:"dashboard"`  // the dashboard's address, without its secret
	Interval  string    `json:"interval"`   // how often the daemon beats, as a Go duration
}

const metaHeartbeat = "daemon_heartbeat"

// Beat records the daemon's heartbeat, merging what it knows: fields
// left zero keep their stored value.
func (k *Keeper) Beat(ctx context.Context, h Heartbeat) error {
	return k.st.Update(ctx, func(tx *store.Tx) error {
		old, _ := heartbeatTx(tx)
		if h.LastLogin.IsZero() {
			h.LastLogin = old.LastLogin
		}
		if h.LastSync.IsZero() {
			h.LastSync = old.LastSync
		}
		if h.PID == old.PID { // a partial beat keeps what the full one said
			if h.Dashboard == "" {
				h.Dashboard = old.Dashboard
			}
			if h.Started.IsZero() {
				h.Started = old.Started
			}
			if h.Interval == "" {
				h.Interval = old.Interval
			}
		}
		data, err := json.Marshal(h)
		if err != nil {
			return err
		}
		return tx.SetMeta(metaHeartbeat, string(data))
	})
}

// Heartbeat returns the last heartbeat, if any.
func (k *Keeper) Heartbeat(ctx context.Context) (Heartbeat, error) {
	var h Heartbeat
	err := k.st.View(ctx, func(tx *store.Tx) (err error) {
		h, err = heartbeatTx(tx)
		return err
	})
	return h, err
}

func heartbeatTx(tx *store.Tx) (Heartbeat, error) {
	var h Heartbeat
	v, err := tx.Meta(metaHeartbeat)
	if err != nil || v == "" {
		return h, err
	}
	_ = json.Unmarshal([]byte(v), &h)
	return h, nil
}

// SetProblem records a standing problem of source (the mailbox, the
// outgoing server, ...) in plain words, keeping when it started.
func (k *Keeper) SetProblem(ctx context.Context, source, message string) error {
	return k.st.Update(ctx, func(tx *store.Tx) error { return tx.SetProblem(source, message, k.now()) })
}

// ClearProblem forgets the problem of source, and reports whether there
// was one.
func (k *Keeper) ClearProblem(ctx context.Context, source string) (bool, error) {
	var had bool
	err := k.st.Update(ctx, func(tx *store.Tx) (err error) {
		had, err = tx.ClearProblem(source)
		return err
	})
	return had, err
}

// Problems returns the standing problems, oldest first.
func (k *Keeper) Problems(ctx context.Context) ([]store.Problem, error) {
	var ps []store.Problem
	err := k.st.View(ctx, func(tx *store.Tx) (err error) {
		ps, err = tx.Problems()
		return err
	})
	return ps, err
}
