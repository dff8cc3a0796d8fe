package keeper

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"runtime"
	"slices"
	"strings"
	"sync"
	"time"

	"github.com/lorkeeper/lorkeeper/classify"
	"github.com/lorkeeper/lorkeeper/config"
	"github.com/lorkeeper/lorkeeper/letters"
	"github.com/lorkeeper/lorkeeper/reader"
	"github.com/lorkeeper/lorkeeper/senderauth"
	"github.com/lorkeeper/lorkeeper/store"
)

// Incoming is a message as the watcher fetched it: its UID and (at most
// the fetch limit of) its bytes.
type Incoming struct {
	UID uint32
	Raw []byte
}

// Watch says which messages of the mailbox may matter to the applicant.
type Watch struct {
	Senders []string  // writers' and portals' addresses, or "@domain" for any sender at a domain
	OurIDs  []string  // Message-IDs lorkeeper sent: replies name them in In-Reply-To or References
	Since   time.Time // on a first or rescanning sync, messages since this day
}

// maxThreadIDs bounds the Message-IDs the watcher searches replies to.
const maxThreadIDs = 200

// Checkpoint returns how far mailbox has been read.
func (k *Keeper) Checkpoint(ctx context.Context, mailbox string) (store.Checkpoint, error) {
	var c store.Checkpoint
	err := k.st.View(ctx, func(tx *store.Tx) (err error) {
		c, err = tx.Checkpoint(mailbox)
		return err
	})
	return c, err
}

// Advance moves the checkpoint of mailbox forward (or to a new
// UIDVALIDITY, or to a new scan fingerprint), never back.
func (k *Keeper) Advance(ctx context.Context, mailbox string, cp store.Checkpoint) error {
	return k.st.Update(ctx, func(tx *store.Tx) error { return advanceTx(tx, mailbox, cp) })
}

func advanceTx(tx *store.Tx, mailbox string, cp store.Checkpoint) error {
	old, err := tx.Checkpoint(mailbox)
	if err != nil {
		return err
	}
	if old.UIDValidity == cp.UIDValidity {
		if old.LastUID > cp.LastUID {
			cp.LastUID = old.LastUID
		}
		if cp.Scanned == "" {
			cp.Scanned = old.Scanned
		}
		if old == cp {
			return nil
		}
	}
	return tx.SetCheckpoint(mailbox, cp)
}

// Watched returns what the watcher looks for: mail from the writers and
// the portals, and replies to any message lorkeeper sent, since a day
// before the first request (or the config's imap.since, or the first
// run).
func (k *Keeper) Watched(ctx context.Context) (Watch, error) {
	var q Watch
	for _, w := range k.cfg.Writers {
		q.Senders = append(q.Senders, strings.ToLower(w.Email))
	}
	for _, p := range k.cfg.PortalSenders() {
		if d, ok := strings.CutPrefix(p, "*@"); ok {
			q.Senders = append(q.Senders, "@"+strings.ToLower(strings.TrimPrefix(d, "*.")))
		} else {
			q.Senders = append(q.Senders, strings.ToLower(p))
		}
	}
	err := k.st.View(ctx, func(tx *store.Tx) (err error) {
		learned, err := tx.LearnedPortals()
		for _, l := range learned {
			q.Senders = append(q.Senders, l.Sender)
		}
		if err != nil {
			return err
		}
		q.OurIDs, err = tx.SentIDs(maxThreadIDs)
		return err
	})
	slices.Sort(q.Senders)
	q.Senders = slices.Compact(q.Senders)
	if err != nil {
		return q, err
	}
	since := k.cfg.IMAP.Since.Time
	if since.IsZero() {
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

// Deliver reads each message, decides whose it is and what it says, and
// records them in UID order with their effect on the letters and the new
// checkpoint, all in one transaction. A message that belongs to no writer
// only moves the checkpoint and is not stored; one that cannot be read at
// all is logged and noted for the applicant's status, never skipped in
// silence. Reading and classifying (CPU only) run in parallel before the
// transaction; a panic there is contained to its message.
func (k *Keeper) Deliver(ctx context.Context, mailbox string, uidValidity uint32, msgs []Incoming) error {
	if len(msgs) == 0 {
		return nil
	}
	var ps portals
	if err := k.st.View(ctx, func(tx *store.Tx) (err error) { ps, err = k.portalsTx(tx); return err }); err != nil {
		return err
	}
	reads := make([]reading, len(msgs))
	var wg sync.WaitGroup
	sem := make(chan struct{}, runtime.GOMAXPROCS(0))
	for i := range msgs {
		wg.Add(1)
		sem <- struct{}{}
		go func() {
			defer wg.Done()
			defer func() { <-sem }()
			reads[i] = k.read(msgs[i].Raw, ps)
		}()
	}
	wg.Wait()
	return k.st.Update(ctx, func(tx *store.Tx) error {
		for i, f := range msgs {
			cp := store.Checkpoint{UIDValidity: uidValidity, LastUID: f.UID}
			if err := k.recordTx(tx, mailbox, cp, reads[i], ps); err != nil {
				return err
			}
		}
		return advanceTx(tx, mailbox, store.Checkpoint{UIDValidity: uidValidity, LastUID: msgs[len(msgs)-1].UID})
	})
}

// reading is what one message says, before it is known whose it is.
type reading struct {
	m        *reader.Message
	perr     error
	id       string // Message-ID, or one made from the content
	size     int
	res      classify.Result
	carries  bool
	why      string
	panicked bool
	auth     senderauth.Result // for a portal's upload notice
	raw      []byte            // kept with the message, to export it if corrected
}

// contentID stands in for a missing Message-ID: the same bytes give the
// same id, so a message without one still counts once.
func contentID(raw []byte) string {
	sum := sha256.Sum256(raw[:min(len(raw), 4096)])
	return "noid-" + hex.EncodeToString(sum[:8]) + "@lorkeeper.invalid"
}

// read parses and classifies one message, and checks the sender of a
// portal notice (which may look up DKIM keys in DNS). A panic in the
// parser or the classifier becomes an unreadable message, not a dead
// daemon.
func (k *Keeper) read(raw []byte, ps portals) (r reading) {
	defer func() {
		if p := recover(); p != nil {
			r = reading{m: &reader.Message{}, perr: fmt.Errorf("internal error while reading it: %v", p),
				panicked: true, size: len(raw), id: contentID(raw)}
		}
	}()
	m, perr := reader.Parse(bytes.NewReader(raw))
	if m == nil {
		m = &reader.Message{}
	}
	r = reading{m: m, perr: perr, id: m.MessageID, size: len(raw), raw: raw}
	if r.id == "" {
		r.id = contentID(raw)
	}
	r.res = k.classify(m)
	r.carries, r.why = classify.CarriesLetter(m)
	if ps.learnedUpload(m.From.Addr, m.Subject) && r.res.Kind != classify.Uploaded {
		why := "a notice like the one you taught lorkeeper (lorkeeper portal learn)"
		r.res = classify.Result{Kind: classify.Uploaded, Evidence: []string{m.Subject}, Note: why, Reason: why, Confidence: 1}
	}
	if r.res.Kind == classify.Uploaded && ps.is(m.From.Addr) {
		r.auth = senderauth.Check(raw, m.From.Addr, senderauth.Options{AuthservID: k.cfg.Portals.AuthservID, LookupTXT: k.lookupTXT})
	}
	return r
}

// recordTx records one read message inside tx, if it is a writer's and
// new.
func (k *Keeper) recordTx(tx *store.Tx, mailbox string, cp store.Checkpoint, r reading, ps portals) error {
	seen, err := tx.HasMessage(r.id)
	if err != nil || seen {
		return err
	}
	m, res := r.m, r.res
	if r.panicked || m.From.Addr == "" {
		return k.unreadableTx(tx, mailbox, cp, r)
	}
	if err := k.heldAnsweredTx(tx, m); err != nil {
		return err
	}
	w, how, portal, ok, err := k.match(tx, m, ps)
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
	claim := store.ClaimNone
	if portal && res.Kind == classify.Uploaded {
		if r.auth.OK {
			how = joinNote(how, "verified: "+r.auth.How)
		} else {
			claim = store.ClaimOpen
			how = joinNote(how, "NOT verified: "+r.auth.How)
		}
	}
	now := k.now()
	rec := store.Message{Writer: w.ID, MessageID: r.id, Mailbox: mailbox, UIDValidity: cp.UIDValidity,
		UID: cp.LastUID, From: m.From.Addr, Subject: m.Subject, Date: m.Date, Kind: string(res.Kind),
		Evidence: res.Evidence, ReturnDate: res.ReturnDate, Note: joinNote(how, res.Note),
		NewText: clip(m.NewText, 4000), ReceivedAt: now, Claim: claim, Raw: r.raw,
		Confidence: res.Confidence, Reason: strings.TrimPrefix(res.Reason, classify.UnsurePrefix), Unsure: res.Unsure}
	if rec.Date.IsZero() {
		rec.Date = now
	}
	if err := tx.AddMessage(rec); err != nil {
		return err
	}
	if claim == store.ClaimOpen {
		// Anyone can write "From: notices@aamc.org": until the applicant
		// confirms it in MyERAS, the letter stays where it is.
		k.log.Warn("upload notice could not be verified; the letter is unchanged until you confirm it",
			"writer", w.ID, "from", m.From.Addr, "why", r.auth.How)
		return tx.AddHistory(store.History{Writer: w.ID, At: now, Event: "claim:uploaded",
			Note: fmt.Sprintf("a message from %s says the letter was uploaded, but it could not be verified (%s): check MyERAS", m.From.Addr, r.auth.How)})
	}
	if res.Kind == classify.Uploaded {
		// Which of the writer's letters? The rest may still be to come.
		apply, note, _, err := k.uploadedTx(tx, w, m.Subject+"\n"+m.NewText)
		if err != nil {
			return err
		}
		if !apply {
			cur, err := letterOf(tx, w)
			if err != nil {
				return err
			}
			k.log.Info("letter uploaded; more to come", "writer", w.ID, "note", note)
			return tx.AddHistory(store.History{Writer: w.ID, At: now, Event: "reply:uploaded", From: cur.State, To: cur.State, Note: note})
		}
	}
	if _, err := k.ApplyTx(tx, w, letters.Event{Type: letters.Replied, Reply: letters.Reply(res.Kind),
		Evidence: res.Evidence, ReturnDate: res.ReturnDate, Reason: res.Reason}); err != nil {
		return err
	}
	if r.carries {
		if _, err := k.ApplyTx(tx, w, letters.Event{Type: letters.LetterIn, Evidence: []string{r.why}}); err != nil {
			return err
		}
	}
	if res.Unsure {
		k.log.Warn("reply read, but lorkeeper is not sure of it; asking the applicant to read it", "writer", w.ID,
			"kind", res.Kind, "confidence", fmt.Sprintf("%.2f", res.Confidence), "reason", res.Reason)
	}
	k.log.Info("reply read", "writer", w.ID, "kind", res.Kind, "confidence", fmt.Sprintf("%.2f", res.Confidence),
		"reason", res.Reason, "evidence", strings.Join(res.Evidence, " | "), "matched", how)
	return nil
}

// unreadableTx notes a message that matched the watch but could not be
// read (no sender could be found, or reading it failed), so that the
// applicant sees it in their status instead of lorkeeper skipping it in
// silence.
func (k *Keeper) unreadableTx(tx *store.Tx, mailbox string, cp store.Checkpoint, r reading) error {
	why := "no sender could be read"
	if r.perr != nil {
		why = r.perr.Error()
	}
	k.log.Error("message could not be read; noted in status", "mailbox", mailbox, "uid", cp.LastUID, "err", why)
	now := k.now()
	return tx.AddMessage(store.Message{MessageID: r.id, Mailbox: mailbox, UIDValidity: cp.UIDValidity, UID: cp.LastUID,
		From: r.m.From.Addr, Subject: r.m.Subject, Date: now, Kind: KindUnreadable, Note: why, ReceivedAt: now})
}

// KindUnreadable is the kind recorded for a message lorkeeper could not
// read.
const KindUnreadable = "unreadable"

// heldAnsweredTx settles held drafts that m answers: a writer who
// replies to a message got it, so it was sent.
func (k *Keeper) heldAnsweredTx(tx *store.Tx, m *reader.Message) error {
	for _, ref := range append(append([]string(nil), m.InReplyTo...), m.References...) {
		d, ok, err := tx.DraftByMessageID(ref)
		if err != nil {
			return err
		}
		if !ok || d.Status != store.Held {
			continue
		}
		now := k.now()
		if err := tx.MarkSent(d.ID, "delivered: "+m.From.Addr+" replied to it", store.CopyPending, now); err != nil {
			return err
		}
		if err := tx.AddHistory(store.History{Writer: d.Writer, At: now, Event: "sent:" + d.Template,
			Note: fmt.Sprintf("draft #%d was delivered after all: %s replied to it", d.ID, m.From.Addr)}); err != nil {
			return err
		}
		if err := k.sentTx(tx, d); err != nil {
			return err
		}
	}
	return nil
}

// match finds the writer a message belongs to: by its sender, by a
// reference to a message lorkeeper sent (an assistant answering for the
// writer), or, for a notice from a portal, by the writer's name or letter
// id in it (portal is then true). Mail from the applicant (the digest,
// their own copies) never matches.
func (k *Keeper) match(tx *store.Tx, m *reader.Message, ps portals) (w config.Writer, how string, portal, ok bool, err error) {
	from := strings.ToLower(m.From.Addr)
	if from == "" || strings.EqualFold(from, k.cfg.Applicant.Email) {
		return w, "", false, false, nil
	}
	if _, ours, err := tx.SentMessageID(m.MessageID); err != nil || ours {
		return w, "", false, false, err
	}
	for _, w := range k.cfg.Writers {
		if strings.EqualFold(w.Email, from) {
			return w, "", false, true, nil
		}
	}
	for _, ref := range append(append([]string(nil), m.InReplyTo...), m.References...) {
		id, ok, err := tx.SentMessageID(ref)
		if err != nil {
			return w, "", false, false, err
		}
		if ok {
			if w, found := k.cfg.Writer(id); found {
				return w, "matched by thread: sent by " + from, false, true, nil
			}
		}
	}
	if ps.is(from) {
		if w, ok := k.writerNamedIn(m.Subject + "\n" + m.Body); ok {
			return w, "portal notice from " + from, true, true, nil
		}
		k.log.Info("portal notice names no writer; ignored", "from", from, "subject", m.Subject)
	}
	return w, "", false, false, nil
}

// writerNamedIn returns the one writer whose letter id or name appears in
// text. A surname alone counts only if no other writer shares it.
func (k *Keeper) writerNamedIn(text string) (config.Writer, bool) {
	lower := strings.ToLower(text)
	var byName []config.Writer
	for _, w := range k.cfg.Writers {
		for _, l := range w.Letters {
			if l.LetterID != "" && strings.Contains(lower, strings.ToLower(l.LetterID)) {
				return w, true
			}
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

// DeliverOne hands a single message to Deliver.
func (k *Keeper) DeliverOne(ctx context.Context, mailbox string, cp store.Checkpoint, raw []byte) error {
	return k.Deliver(ctx, mailbox, cp.UIDValidity, []Incoming{{UID: cp.LastUID, Raw: raw}})
}
