package inbox

import (
	"context"
	"fmt"
	"io"
	"slices"

	"github.com/emersion/go-imap/v2"
	"github.com/emersion/go-imap/v2/imapclient"
)

// fetchBatch is how many matching messages one FETCH asks for.
const fetchBatch = 50

// sync hands every message after the checkpoint that may matter to the
// sink, in UID order, then advances the checkpoint to the end of the
// mailbox. uidNext is SELECT's UIDNEXT, or 0 when it may be stale.
//
// When the checkpoint's UIDVALIDITY differs from the mailbox's (first
// run, or the server renumbered the mailbox), it rescans from the start,
// limited to Query.Since; the sink deduplicates by Message-ID, so nothing
// is processed twice.
func (w *Watcher) sync(ctx context.Context, c *imapclient.Client, uidValidity uint32, uidNext imap.UID) error {
	cp, err := w.Sink.Checkpoint(ctx, w.Mailbox)
	if err != nil {
		return err
	}
	q, err := w.Sink.Query(ctx)
	if err != nil {
		return err
	}
	rescan := cp.UIDValidity != uidValidity
	start := imap.UID(cp.LastUID) + 1
	if rescan {
		if cp.UIDValidity != 0 {
			w.Log.Warn("mailbox UIDVALIDITY changed; rescanning", "mailbox", w.Mailbox, "old", cp.UIDValidity, "new", uidValidity)
		}
		start = 1
	}
	var last imap.UID
	if uidNext > 0 {
		last = uidNext - 1
	} else {
		last, err = lastUID(c, start)
		if err != nil {
			return err
		}
	}
	if last < start {
		if rescan {
			// An empty mailbox: remember its UIDVALIDITY all the same.
			if err := w.Sink.Advance(ctx, w.Mailbox, Checkpoint{uidValidity, uint32(start - 1)}); err != nil {
				return err
			}
		}
		w.done(0)
		return nil
	}
	var uids []imap.UID
	if crit := q.criteria(); crit != nil {
		crit.UID = []imap.UIDSet{{imap.UIDRange{Start: start, Stop: last}}}
		if rescan && !q.Since.IsZero() {
			crit.Since = q.Since
		}
		res, err := c.UIDSearch(crit, nil).Wait()
		if err != nil {
			return fmt.Errorf("search %s: %w", w.Mailbox, err)
		}
		uids = res.AllUIDs()
		slices.Sort(uids)
	}
	delivered := 0
	for len(uids) > 0 {
		n := min(len(uids), fetchBatch)
		batch := uids[:n]
		uids = uids[n:]
		msgs, err := fetchRaw(c, batch)
		if err != nil {
			return err
		}
		var batchMsgs []Fetched
		for _, m := range msgs {
			if m.uid >= start && m.uid <= last {
				batchMsgs = append(batchMsgs, Fetched{UID: uint32(m.uid), Raw: m.raw})
			}
		}
		if err := w.Sink.Deliver(ctx, w.Mailbox, uidValidity, batchMsgs); err != nil {
			return fmt.Errorf("deliver uids %d-%d: %w", batch[0], batch[len(batch)-1], err)
		}
		delivered += len(batchMsgs)
	}
	if err := w.Sink.Advance(ctx, w.Mailbox, Checkpoint{uidValidity, uint32(last)}); err != nil {
		return err
	}
	w.done(delivered)
	return nil
}

func (w *Watcher) done(delivered int) {
	if w.Synced != nil {
		w.Synced(delivered)
	}
}

// lastUID returns the highest UID at or after start, or start-1 if there
// is none. "start:*" always includes the last message, so the answer is
// filtered.
func lastUID(c *imapclient.Client, start imap.UID) (imap.UID, error) {
	var opts *imap.SearchOptions
	if c.Caps().Has(imap.CapESearch) || c.Caps().Has(imap.CapIMAP4rev2) {
		opts = &imap.SearchOptions{ReturnMax: true}
	}
	res, err := c.UIDSearch(&imap.SearchCriteria{UID: []imap.UIDSet{{imap.UIDRange{Start: start, Stop: 0}}}}, opts).Wait()
	if err != nil {
		return 0, fmt.Errorf("search new messages: %w", err)
	}
	top := imap.UID(res.Max)
	for _, u := range res.AllUIDs() {
		top = max(top, u)
	}
	if top < start {
		return start - 1, nil
	}
	return top, nil
}

type rawMsg struct {
	uid imap.UID
	raw []byte
}

// fetchRaw fetches the first MaxFetch bytes of each message, in UID order.
func fetchRaw(c *imapclient.Client, uids []imap.UID) ([]rawMsg, error) {
	section := &imap.FetchItemBodySection{Peek: true, Partial: &imap.SectionPartial{Offset: 0, Size: MaxFetch}}
	cmd := c.Fetch(imap.UIDSetNum(uids...), &imap.FetchOptions{UID: true, BodySection: []*imap.FetchItemBodySection{section}})
	defer cmd.Close()
	var out []rawMsg
	for {
		m := cmd.Next()
		if m == nil {
			break
		}
		var r rawMsg
		for {
			item := m.Next()
			if item == nil {
				break
			}
			switch it := item.(type) {
			case imapclient.FetchItemDataUID:
				r.uid = it.UID
			case imapclient.FetchItemDataBodySection:
				if it.Literal != nil {
					b, err := io.ReadAll(io.LimitReader(it.Literal, MaxFetch))
					if err != nil {
						return nil, fmt.Errorf("fetch: %w", err)
					}
					r.raw = b
				}
			}
		}
		if r.uid != 0 {
			out = append(out, r)
		}
	}
	if err := cmd.Close(); err != nil {
		return nil, fmt.Errorf("fetch: %w", err)
	}
	slices.SortFunc(out, func(a, b rawMsg) int { return int(a.uid) - int(b.uid) })
	return out, nil
}

// criteria turns a Query into an IMAP search: any of the senders, or a
// reference to one of our messages. It returns nil when nothing can match.
func (q Query) criteria() *imap.SearchCriteria {
	var alts []imap.SearchCriteria
	for _, f := range q.From {
		alts = append(alts, imap.SearchCriteria{Header: []imap.SearchCriteriaHeaderField{{Key: "From", Value: f}}})
	}
	for _, t := range q.Threading {
		alts = append(alts,
			imap.SearchCriteria{Header: []imap.SearchCriteriaHeaderField{{Key: "In-Reply-To", Value: t}}},
			imap.SearchCriteria{Header: []imap.SearchCriteriaHeaderField{{Key: "References", Value: t}}})
	}
	if len(alts) == 0 {
		return nil // nothing can match
	}
	return orTree(alts)
}

// orTree combines criteria with OR, as a balanced tree to keep the
// command's nesting shallow.
func orTree(cs []imap.SearchCriteria) *imap.SearchCriteria {
	if len(cs) == 1 {
		c := cs[0]
		return &c
	}
	mid := len(cs) / 2
	return &imap.SearchCriteria{Or: [][2]imap.SearchCriteria{{*orTree(cs[:mid]), *orTree(cs[mid:])}}}
}
