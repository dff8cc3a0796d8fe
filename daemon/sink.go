package daemon

import (
	"context"

	"github.com/lorkeeper/lorkeeper/inbox"
	"github.com/lorkeeper/lorkeeper/keeper"
	"github.com/lorkeeper/lorkeeper/store"
)

// sink adapts a Keeper to the watcher: the search it asks the server
// for, and the checkpoint conversions.
type sink struct{ k *keeper.Keeper }

func (s sink) Checkpoint(ctx context.Context, mailbox string) (inbox.Checkpoint, error) {
	c, err := s.k.Checkpoint(ctx, mailbox)
	return inbox.Checkpoint{UIDValidity: c.UIDValidity, LastUID: c.LastUID, Scanned: c.Scanned}, err
}

func (s sink) Advance(ctx context.Context, mailbox string, cp inbox.Checkpoint) error {
	return s.k.Advance(ctx, mailbox, store.Checkpoint{UIDValidity: cp.UIDValidity, LastUID: cp.LastUID, Scanned: cp.Scanned})
}

func (s sink) Query(ctx context.Context) (inbox.Query, error) {
	w, err := s.k.Watched(ctx)
	return inbox.Query{From: w.Senders, Threading: w.OurIDs, Since: w.Since}, err
}

func (s sink) Deliver(ctx context.Context, mailbox string, uidValidity uint32, msgs []inbox.Fetched) error {
	in := make([]keeper.Incoming, len(msgs))
	for i, m := range msgs {
		in[i] = keeper.Incoming{UID: m.UID, Raw: m.Raw}
	}
	return s.k.Deliver(ctx, mailbox, uidValidity, in)
}
