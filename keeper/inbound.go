package keeper

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"runtime"
	"strings"
	"sync"
	"time"

	"github.com/lorkeeper/lorkeeper/classify"
	"github.com/lorkeeper/lorkeeper/config"
	"github.com/lorkeeper/lorkeeper/inbox"
	"github.com/lorkeeper/lorkeeper/letters"
	"github.com/lorkeeper/lorkeeper/reader"
	"github.com/lorkeeper/lorkeeper/store"
)

// MessageIDMarker is in the left part of every Message-ID lorkeeper
// creates, so replies (In-Reply-To, References) can be found by a
// server-side search.
const MessageIDMarker = "lorkeeper-"

// NewMessageID returns a Message-ID (without brackets) for a draft.
func (k *Keeper) NewMessageID(draftID int64, random string) string {
	domain := "lorkeeper.invalid"
	if at := strings.LastIndexByte(k.cfg.Applicant.Email, '@'); at >= 0 {
		domain = k.cfg.Applicant.Email[at+1:]
	}
	return fmt.Sprintf("%s%d-%s@%s", MessageIDMarker, draftID, random, domain)
}

// Checkpoint implements inbox.Sink.
func (k *Keeper) Checkpoint(ctx context.Context, mailbox string) (inbox.Checkpoint, error) {
	var c store.Checkpoint
	err := k.st.View(ctx, func(tx *store.Tx) (err error) {
		c, err = tx.Checkpoint(mailbox)
		return err
	})
	return inbox.Checkpoint(c), err
}

// Advance implements inbox.Sink.
func (k *Keeper) Advance(ctx context.Context, mailbox string, cp inbox.Checkpoint) error {
	return k.st.Update(ctx, func(tx *store.Tx) error { return advanceTx(tx, mailbox, cp) })
}

// advanceTx moves the checkpoint forward (or to a new UIDVALIDITY),
// never back.
func advanceTx(tx *store.Tx, mailbox string, cp inbox.Checkpoint) error {
	old, err := tx.Checkpoint(mailbox)
	if err != nil {
		return err
	}
	if old.UIDValidity == cp.UIDValidity && old.LastUID >= cp.LastUID {
		return nil
	}
	return tx.SetCheckpoint(mailbox, store.Checkpoint(cp))
}

// Query implements inbox.Sink: mail from the writers and the portals, and
// replies to any message lorkeeper sent, since a day before the first
// request (or the config's imap.since, or the first run).
func (k *Keeper) Query(ctx context.Context) (inbox.Query, error) {
	q := inbox.Query{Threading: []string{MessageIDMarker}}
	for _, w := range k.cfg.Writers {
		q.From = append(q.From, w.Email)
	}
	for _, p := range k.cfg.Portals.Senders {
		if d, ok := strings.CutPrefix(p, "*@"); ok {
			q.From = append(q.From, "@"+strings.TrimPrefix(d, "*."))
		} else {
			q.From = append(q.From, p)
		}
	}
	since := k.cfg.IMAP.Since.Time
	if since.IsZero() {
		var err error
		if since, err = k.scanStart(ctx); err != nil {
			return q, err
		}
		since = since.Add(-24 * time.Hour)
	}
	q.Since = since
	return q, nil
}

// scanStart returns where a first or rescanning sync starts: the first
// request sent, or the first run on this state if that is earlier. Every
// sync asks, so it reads in a read transaction and writes only once, to
// record the first run.
func (k *Keeper) scanStart(ctx context.Context) (time.Time, error) {
	var first, start time.Time
	err := k.st.View(ctx, func(tx *store.Tx) error {
		var err error
		if first, err = tx.EarliestSent(); err != nil {
			return err
		}
		v, err := tx.Meta(metaFirstRun)
		start, _ = time.Parse(time.RFC3339, v)
		return err
	})
	if err != nil {
		return time.Time{}, err
	}
	if start.IsZero() {
		start = k.now().UTC()
		err := k.st.Update(ctx, func(tx *store.Tx) error {
			v, err := tx.Meta(metaFirstRun)
			if t, perr := time.Parse(time.RFC3339, v); err == nil && perr == nil {
				start = t // another process recorded it first
				return nil
			}
			return tx.SetMeta(metaFirstRun, start.Format(time.RFC3339))
		})
		if err != nil {
			return time.Time{}, err
		}
	}
	if !first.IsZero() && first.Before(start) {
		return first, nil
	}
	return start, nil
}

const metaFirstRun = "first_run"

// Deliver implements inbox.Sink: it reads each message, decides whose
// it is and what it says, and records them in UID order with their effect
// on the letters and the new checkpoint, all in one transaction. A
// message that belongs to no writer only moves the checkpoint and is not
// stored. Reading and classifying (CPU only) run in parallel before the
// transaction.
func (k *Keeper) Deliver(ctx context.Context, mailbox string, uidValidity uint32, msgs []inbox.Fetched) error {
	if len(msgs) == 0 {
		return nil
	}
	reads := make([]reading, len(msgs))
	var wg sync.WaitGroup
	sem := make(chan struct{}, runtime.GOMAXPROCS(0))
	for i := range msgs {
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer wg.Done()
			reads[i] = read(msgs[i].Raw)
			<-sem
		}()
	}
	wg.Wait()
	return k.st.Update(ctx, func(tx *store.Tx) error {
		for i, f := range msgs {
			if err := k.recordTx(tx, mailbox, inbox.Checkpoint{UIDValidity: uidValidity, LastUID: f.UID}, reads[i]); err != nil {
				return err
			}
		}
		return advanceTx(tx, mailbox, inbox.Checkpoint{UIDValidity: uidValidity, LastUID: msgs[len(msgs)-1].UID})
	})
}

// DeliverOne hands a single message to Deliver.
func (k *Keeper) DeliverOne(ctx context.Context, mailbox string, cp inbox.Checkpoint, raw []byte) error {
	return k.Deliver(ctx, mailbox, cp.UIDValidity, []inbox.Fetched{{UID: cp.LastUID, Raw: raw}})
}

// reading is what one message says, before it is known whose it is.
type reading struct {
	m       *reader.Message
	perr    error
	id      string // Message-ID, or one made from the content
	size    int
	res     classify.Result
	carries bool
	why     string
}

func read(raw []byte) reading {
	m, perr := reader.Parse(bytes.NewReader(raw))
	if m == nil {
		m = &reader.Message{}
	}
	r := reading{m: m, perr: perr, id: m.MessageID, size: len(raw)}
	if r.id == "" {
		sum := sha256.Sum256(raw[:min(len(raw), 4096)])
		r.id = "noid-" + hex.EncodeToString(sum[:8]) + "@lorkeeper.invalid"
	}
	r.res = classify.Classify(m)
	r.carries, r.why = classify.CarriesLetter(m)
	return r
}

// recordTx records one read message inside tx, if it is a writer's and
// new.
func (k *Keeper) recordTx(tx *store.Tx, mailbox string, cp inbox.Checkpoint, r reading) error {
	seen, err := tx.HasMessage(r.id)
	if err != nil || seen {
		return err
	}
	m, res := r.m, r.res
	w, how, ok, err := k.match(tx, m)
	if err != nil || !ok {
		return err
	}
	if m.Truncated {
		k.log.Warn("large message: read only its first part", "writer", w.ID, "uid", cp.LastUID, "bytes_read", r.size)
		res.Note = joinNote(res.Note, fmt.Sprintf("only the first %d KiB were read", r.size>>10))
	}
	if r.perr != nil {
		res.Note = joinNote(res.Note, r.perr.Error())
		k.log.Warn("malformed message", "uid", cp.LastUID, "writer", w.ID, "err", r.perr)
	}
	now := k.now()
	rec := store.Message{Writer: w.ID, MessageID: r.id, Mailbox: mailbox, UIDValidity: cp.UIDValidity,
		UID: cp.LastUID, From: m.From.Addr, Subject: m.Subject, Date: m.Date, Kind: string(res.Kind),
		Evidence: res.Evidence, ReturnDate: res.ReturnDate, Note: joinNote(how, res.Note),
		NewText: clip(m.NewText, 4000), ReceivedAt: now}
	if rec.Date.IsZero() {
		rec.Date = now
	}
	if err := tx.AddMessage(rec); err != nil {
		return err
	}
	if _, err := k.ApplyTx(tx, w, letters.Event{Type: letters.Replied, Reply: letters.Reply(res.Kind),
		Evidence: res.Evidence, ReturnDate: res.ReturnDate}); err != nil {
		return err
	}
	if r.carries {
		if _, err := k.ApplyTx(tx, w, letters.Event{Type: letters.LetterIn, Evidence: []string{r.why}}); err != nil {
			return err
		}
	}
	k.log.Info("reply read", "writer", w.ID, "kind", res.Kind, "evidence", strings.Join(res.Evidence, " | "), "matched", how)
	return nil
}

// match finds the writer a message belongs to: by its sender, by a
// reference to a message lorkeeper sent (an assistant answering for the
// writer), or, for a notice from a portal, by the writer's name or letter
// id in it. Mail from the applicant (the digest, their own copies) never
// matches.
func (k *Keeper) match(tx *store.Tx, m *reader.Message) (config.Writer, string, bool, error) {
	from := strings.ToLower(m.From.Addr)
	if from == "" || strings.EqualFold(from, k.cfg.Applicant.Email) {
		return config.Writer{}, "", false, nil
	}
	if _, ours, err := tx.SentMessageID(m.MessageID); err != nil || ours {
		return config.Writer{}, "", false, err
	}
	for _, w := range k.cfg.Writers {
		if strings.EqualFold(w.Email, from) {
			return w, "", true, nil
		}
	}
	for _, ref := range append(append([]string(nil), m.InReplyTo...), m.References...) {
		id, ok, err := tx.SentMessageID(ref)
		if err != nil {
			return config.Writer{}, "", false, err
		}
		if ok {
			if w, found := k.cfg.Writer(id); found {
				return w, "matched by thread: sent by " + from, true, nil
			}
		}
	}
	for _, p := range k.cfg.Portals.Senders {
		if config.MatchSender(p, from) {
			if w, ok := k.writerNamedIn(m.Subject + "\n" + m.Body); ok {
				return w, "portal notice from " + from, true, nil
			}
			k.log.Info("portal notice names no writer; ignored", "from", from, "subject", m.Subject)
			return config.Writer{}, "", false, nil
		}
	}
	return config.Writer{}, "", false, nil
}

// writerNamedIn returns the one writer whose letter id or name appears in
// text. A surname alone counts only if no other writer shares it.
func (k *Keeper) writerNamedIn(text string) (config.Writer, bool) {
	lower := strings.ToLower(text)
	var byName []config.Writer
	for _, w := range k.cfg.Writers {
		if w.LetterID != "" && strings.Contains(lower, strings.ToLower(w.LetterID)) {
			return w, true
		}
		if nameIn(lower, w.Name) {
			byName = append(byName, w)
		}
	}
	if len(byName) == 1 {
		return byName[0], true
	}
	return config.Writer{}, false
}

// nameIn reports whether a writer's name shows in lower-case text: the
// full name without its title, or "Dr. Surname", or the surname as a
// word.
func nameIn(lower, name string) bool {
	name = strings.ToLower(name)
	if i := strings.IndexByte(name, ','); i > 0 {
		name = name[:i]
	}
	f := strings.Fields(name)
	if len(f) > 0 {
		switch strings.TrimSuffix(f[0], ".") {
		case "dr", "prof", "professor", "mr", "ms", "mrs":
			f = f[1:]
		}
	}
	if len(f) == 0 {
		return false
	}
	if strings.Contains(lower, strings.Join(f, " ")) {
		return true
	}
	surname := f[len(f)-1]
	for i := 0; ; {
		j := strings.Index(lower[i:], surname)
		if j < 0 {
			return false
		}
		j += i
		before := j == 0 || !isLetter(lower[j-1])
		end := j + len(surname)
		after := end == len(lower) || !isLetter(lower[end])
		if before && after {
			return true
		}
		i = j + 1
	}
}

func isLetter(b byte) bool { return b >= 'a' && b <= 'z' || b >= 0x80 }

func clip(s string, n int) string {
	if len(s) <= n {
		return s
	}
	cut := n
	for cut > 0 && s[cut]&0xC0 == 0x80 {
		cut--
	}
	return s[:cut] + "…"
}
