package inbox

import (
	"bytes"
	"context"
	"fmt"
	"io"
	"slices"
	"strings"

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
// limited to Query.Since. When senders were added since the checkpoint
// was made (a writer added to the config, an address fixed), the mail
// already passed is searched again for them alone. The sink
// deduplicates by Message-ID, so nothing is processed twice.
func (w *Watcher) sync(ctx context.Context, c *imapclient.Client, uidValidity uint32, uidNext imap.UID) error {
	cp, err := w.Sink.Checkpoint(ctx, w.Mailbox)
	if err != nil {
		return err
	}
	q, err := w.Sink.Query(ctx)
	if err != nil {
		return err
	}
	fp := q.Fingerprint()
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
	delivered := 0
	if !rescan && cp.Scanned != fp && cp.LastUID > 0 {
		// Mail already passed may be from a sender added since.
		added := Query{From: newSenders(cp.Scanned, q.From), Since: q.Since}
		if len(added.From) > 0 {
			w.Log.Info("senders added; looking again at the mail already read", "mailbox", w.Mailbox, "senders", len(added.From))
			n, err := w.deliver(ctx, c, added, uidValidity, 1, imap.UID(cp.LastUID), true)
			if err != nil {
				return err
			}
			delivered += n
		}
	}
	if last >= start {
		n, err := w.deliver(ctx, c, q, uidValidity, start, last, rescan)
		if err != nil {
			return err
		}
		delivered += n
	}
	if last < start && !rescan && cp.Scanned == fp {
		w.done(delivered)
		return nil
	}
	// Remember the mailbox's UIDVALIDITY and the senders it was read for,
	// even when nothing matched.
	end := max(uint32(last), uint32(start-1))
	if err := w.Sink.Advance(ctx, w.Mailbox, Checkpoint{UIDValidity: uidValidity, LastUID: end, Scanned: fp}); err != nil {
		return err
	}
	w.done(delivered)
	return nil
}

// newSenders returns the senders of from that the fingerprint scanned
// does not name (all of them when scanned is empty: a checkpoint from
// before fingerprints were kept).
func newSenders(scanned string, from []string) []string {
	old := map[string]bool{}
	if scanned != "" {
		for _, s := range strings.Split(scanned, "\n") {
			old[s] = true
		}
	}
	var out []string
	for _, f := range from {
		if !old[strings.ToLower(f)] {
			out = append(out, f)
		}
	}
	return out
}

// deliver searches UIDs start..last for q and hands the matches to the
// sink in batches; since limits the search to q.Since. It returns how
// many messages it delivered.
func (w *Watcher) deliver(ctx context.Context, c *imapclient.Client, q Query, uidValidity uint32, start, last imap.UID, since bool) (int, error) {
	crit := q.criteria()
	if crit == nil {
		return 0, nil
	}
	crit.UID = []imap.UIDSet{{imap.UIDRange{Start: start, Stop: last}}}
	if since && !q.Since.IsZero() {
		crit.Since = q.Since
	}
	res, err := c.UIDSearch(crit, nil).Wait()
	if err != nil {
		return 0, fmt.Errorf("search %s: %w", w.Mailbox, err)
	}
	uids := res.AllUIDs()
	slices.Sort(uids)
	delivered := 0
	for len(uids) > 0 {
		n := min(len(uids), fetchBatch)
		batch := uids[:n]
		uids = uids[n:]
		msgs, err := fetchMessages(c, batch)
		if err != nil {
			return delivered, err
		}
		var batchMsgs []Fetched
		for _, m := range msgs {
			if m.UID >= uint32(start) && m.UID <= uint32(last) {
				batchMsgs = append(batchMsgs, m)
			}
		}
		if err := w.Sink.Deliver(ctx, w.Mailbox, uidValidity, batchMsgs); err != nil {
			return delivered, fmt.Errorf("deliver uids %d-%d: %w", batch[0], batch[len(batch)-1], err)
		}
		delivered += len(batchMsgs)
	}
	return delivered, nil
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

// headerFields are the header fields lorkeeper reads, fetched on their
// own as well: a message whose header alone is larger than MaxFetch (a
// hostile one, or one with thousands of Received lines) is still read.
var headerFields = []string{"From", "Sender", "Reply-To", "To", "Cc", "Subject", "Date", "Message-ID",
	"In-Reply-To", "References", "MIME-Version", "Content-Type", "Content-Transfer-Encoding",
	"Auto-Submitted", "X-Autoreply", "X-Autorespond", "X-Autoresponder", "X-Autogenerated", "Precedence",
	"X-Precedence", "X-Auto-Response-Suppress", "Return-Path", "List-Id", "List-Unsubscribe",
	"Feedback-ID", "X-Mailer", "User-Agent", "Authentication-Results", "DKIM-Signature"}

// fetchMessages fetches the first MaxFetch bytes of each message, in UID
// order. Where those bytes end before the header does, the message is
// rebuilt from the header fields lorkeeper reads and the start of its
// text.
func fetchMessages(c *imapclient.Client, uids []imap.UID) ([]Fetched, error) {
	whole := &imap.FetchItemBodySection{Peek: true, Partial: &imap.SectionPartial{Offset: 0, Size: MaxFetch}}
	fields := &imap.FetchItemBodySection{Peek: true, Specifier: imap.PartSpecifierHeader, HeaderFields: headerFields}
	msgs, err := fetch(c, uids, whole, fields)
	if err != nil {
		return nil, err
	}
	var big []imap.UID
	for i, m := range msgs {
		if !bytes.Contains(m.raw, []byte("\r\n\r\n")) && !bytes.Contains(m.raw, []byte("\n\n")) {
			big = append(big, m.uid)
			msgs[i].raw = nil
		}
	}
	if len(big) > 0 {
		text := &imap.FetchItemBodySection{Peek: true, Specifier: imap.PartSpecifierText, Partial: &imap.SectionPartial{Offset: 0, Size: MaxFetch}}
		bodies, err := fetch(c, big, text)
		if err != nil {
			return nil, err
		}
		byUID := map[imap.UID][]byte{}
		for _, b := range bodies {
			byUID[b.uid] = b.raw
		}
		for i, m := range msgs {
			if m.raw == nil {
				msgs[i].raw = append(append(m.fields, "\r\n"...), byUID[m.uid]...)
			}
		}
	}
	out := make([]Fetched, len(msgs))
	for i, m := range msgs {
		out[i] = Fetched{UID: uint32(m.uid), Raw: m.raw}
	}
	return out, nil
}

type rawMsg struct {
	uid    imap.UID
	raw    []byte // the first section asked for
	fields []byte // the second, if any
}

// fetch fetches the given sections (at most MaxFetch bytes of each) of
// uids, in UID order.
func fetch(c *imapclient.Client, uids []imap.UID, sections ...*imap.FetchItemBodySection) ([]rawMsg, error) {
	cmd := c.Fetch(imap.UIDSetNum(uids...), &imap.FetchOptions{UID: true, BodySection: sections})
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
				if it.Literal == nil {
					continue
				}
				b, err := io.ReadAll(io.LimitReader(it.Literal, MaxFetch))
				if err != nil {
					return nil, fmt.Errorf("fetch: %w", err)
				}
				if it.Section != nil && len(it.Section.HeaderFields) > 0 {
					r.fields = b
				} else {
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
