// Package draftbox keeps a copy of every draft under review in the
// applicant's own Drafts folder, so they can review, edit and send it
// from the mail client they already use, on a phone as well as a laptop.
//
// A Mirror reconciles the two sides on every pass: a new draft is
// appended (flagged \Draft, with a header naming it); a draft approved,
// sent or discarded through lorkeeper leaves the folder; a copy the
// applicant edited (mail clients replace the message) becomes the draft's
// text; a copy the applicant sent is found in the Sent folder and the
// draft recorded as sent, with what they actually sent, never to be sent
// again; a copy they deleted discards the draft.
package draftbox

import (
	"bytes"
	"context"
	"fmt"
	"log/slog"
	"strings"
	"time"

	"github.com/lorkeeper/lorkeeper/inbox"
	"github.com/lorkeeper/lorkeeper/keeper"
	"github.com/lorkeeper/lorkeeper/outbox"
	"github.com/lorkeeper/lorkeeper/reader"
	"github.com/lorkeeper/lorkeeper/store"
)

// Mirror mirrors one applicant's drafts into their Drafts folder.
type Mirror struct {
	Keeper  *keeper.Keeper
	Folders *inbox.Folders
	Poll    time.Duration // how often to reconcile; default 10s
	// Grace is how long a copy that left the Drafts folder is looked for
	// in the Sent folder before it counts as deleted; default 2m.
	Grace time.Duration
	Log   *slog.Logger

	missing map[int64]time.Time // drafts whose copy vanished, since when
	sess    *inbox.Session      // kept open between passes
	last    string              // what the last pass saw; unchanged means nothing to do
}

// Run reconciles every Poll, and at once when a draft changes in this
// process, until ctx ends. It blocks.
func (m *Mirror) Run(ctx context.Context) error {
	poll := m.Poll
	if poll <= 0 {
		poll = 10 * time.Second
	}
	t := m.Keeper.Clock().NewTimer(poll)
	defer t.Stop()
	defer m.closeSession()
	for {
		changes := m.Keeper.Changes()
		if err := m.Sync(ctx); err != nil {
			if ctx.Err() != nil {
				return ctx.Err()
			}
			m.Log.Warn("drafts folder", "err", err)
		}
		t.Reset(poll)
		select {
		case <-ctx.Done():
			return ctx.Err()
		case <-changes:
		case <-t.C():
		}
	}
}

func (m *Mirror) grace() time.Duration {
	if m.Grace <= 0 {
		return 2 * time.Minute
	}
	return m.Grace
}

// folder is one pass's view of the Drafts folder.
type folder struct {
	uidValidity uint32
	byUID       map[uint32]inbox.Copy
	byMsgID     map[string]inbox.Copy // copies by Message-ID: a copy lorkeeper put there carries its draft's
	claimed     map[uint32]bool
	copies      []inbox.Copy
}

// Sync makes one reconciling pass.
func (m *Mirror) Sync(ctx context.Context) error {
	ds, err := m.Keeper.Drafts(ctx)
	if err != nil {
		return err
	}
	var work []store.Draft
	for _, d := range ds {
		open := d.Status == store.Pending || d.Status == store.Held || d.Status == store.Approved
		if open || d.MailboxUID != 0 {
			work = append(work, d)
		}
	}
	if len(work) == 0 {
		m.closeSession()
		return nil
	}
	if m.sess == nil {
		if m.sess, err = m.Folders.Open(ctx); err != nil {
			return err
		}
	}
	s := m.sess
	// Most passes find nothing new on either side: one STATUS says so.
	st, err := s.DraftsStatus()
	if err != nil {
		m.closeSession()
		return err
	}
	key := fmt.Sprint(st, len(m.missing))
	for _, d := range work {
		key += fmt.Sprint(" ", d.ID, d.Status, d.MailboxUID, d.UpdatedAt.UnixMilli())
	}
	if key == m.last && len(m.missing) == 0 {
		return nil
	}
	copies, uidv, err := s.List("", time.Time{})
	if err != nil {
		m.closeSession()
		return err
	}
	f := &folder{uidValidity: uidv, byUID: map[uint32]inbox.Copy{}, byMsgID: map[string]inbox.Copy{}, claimed: map[uint32]bool{}, copies: copies}
	for _, c := range copies {
		f.byUID[c.UID] = c
		if c.MessageID != "" {
			f.byMsgID[c.MessageID] = c
		}
	}
	for _, d := range work {
		if d.MailboxUID != 0 && d.MailboxUIDVal == uidv {
			f.claimed[d.MailboxUID] = true
		}
	}
	if m.missing == nil {
		m.missing = map[int64]time.Time{}
	}
	for _, d := range work {
		if d.MailboxUID != 0 && d.MailboxUIDVal != uidv {
			d.MailboxUID = 0 // the folder was renumbered: find it again
		}
		if err := m.reconcile(ctx, s, f, d); err != nil {
			m.closeSession()
			return fmt.Errorf("draft %d: %w", d.ID, err)
		}
	}
	// Remember what this pass saw once its own changes have landed; the
	// next pass lists the folder again only if something moved.
	if st2, err := s.DraftsStatus(); err == nil {
		after, _ := m.Keeper.Drafts(ctx)
		key = fmt.Sprint(st2, len(m.missing))
		for _, d := range after {
			if d.Status == store.Pending || d.Status == store.Held || d.Status == store.Approved || d.MailboxUID != 0 {
				key += fmt.Sprint(" ", d.ID, d.Status, d.MailboxUID, d.UpdatedAt.UnixMilli())
			}
		}
		m.last = key
	}
	return nil
}

func (m *Mirror) closeSession() {
	if m.sess != nil {
		m.sess.Close()
		m.sess = nil
	}
	m.last = ""
}

func (m *Mirror) reconcile(ctx context.Context, s *inbox.Session, f *folder, d store.Draft) error {
	present := d.MailboxUID != 0 && f.byUID[d.MailboxUID].UID != 0
	switch d.Status {
	case store.Pending, store.Held:
		if present {
			delete(m.missing, d.ID)
			return nil
		}
		if d.MailboxUID == 0 {
			if c, ok := f.byMsgID[d.MessageID]; ok && d.MessageID != "" && !f.claimed[c.UID] {
				f.claimed[c.UID] = true
				return m.Keeper.SetMailboxCopy(ctx, d.ID, f.uidValidity, c.UID)
			}
			return m.appendCopy(ctx, s, d)
		}
		if c, ok := m.replacement(f, d); ok {
			return m.takeEdit(ctx, s, f, d, c)
		}
		return m.vanished(ctx, s, d, false)
	case store.Approved:
		// The outbox removes the copy itself just before sending
		// (BeforeSend); here only a copy that vanished is looked into.
		if d.MailboxUID != 0 && !present {
			if d.CopyRemoving { // gone by lorkeeper's hand
				return m.Keeper.SetMailboxCopy(ctx, d.ID, 0, 0)
			}
			return m.vanished(ctx, s, d, true)
		}
	default:
		if present {
			if err := s.DeleteDraft(d.MailboxUID); err != nil {
				return err
			}
		}
		if d.MailboxUID != 0 {
			return m.Keeper.SetMailboxCopy(ctx, d.ID, 0, 0)
		}
	}
	return nil
}

// appendCopy puts a draft in the Drafts folder, threaded as it will be
// sent.
func (m *Mirror) appendCopy(ctx context.Context, s *inbox.Session, d store.Draft) error {
	var err error
	if d, err = m.Keeper.Threading(ctx, d); err != nil {
		return err
	}
	if d, err = m.Keeper.Materialize(d); err != nil {
		return err
	}
	_, raw, err := outbox.Compose(m.Keeper.Config(), d, m.Keeper.Now())
	if err != nil {
		return err
	}
	uidv, uid, err := s.AppendDraft(raw, m.Keeper.Now())
	if err != nil {
		return err
	}
	m.Log.Info("draft copied to your Drafts folder", "draft", d.ID, "writer", d.Writer)
	return m.Keeper.SetMailboxCopy(ctx, d.ID, uidv, uid)
}

// replacement finds the copy a mail client saved in place of d's: same
// Message-ID, or, where the client made a new one, same recipient and
// subject.
func (m *Mirror) replacement(f *folder, d store.Draft) (inbox.Copy, bool) {
	if c, ok := f.byMsgID[d.MessageID]; ok && d.MessageID != "" && c.UID != d.MailboxUID && !f.claimed[c.UID] {
		return c, true
	}
	for _, c := range f.copies {
		if !f.claimed[c.UID] && strings.EqualFold(c.To, d.ToAddr) && sameSubject(c.Subject, d.Subject) {
			return c, true
		}
	}
	return inbox.Copy{}, false
}

// takeEdit makes the applicant's edited copy the draft's text.
func (m *Mirror) takeEdit(ctx context.Context, s *inbox.Session, f *folder, d store.Draft, c inbox.Copy) error {
	f.claimed[c.UID] = true
	raw, err := s.Fetch("", c.UID)
	if err != nil {
		return err
	}
	msg, _ := reader.Parse(bytes.NewReader(raw))
	if msg != nil && strings.TrimSpace(msg.Body) != "" && (msg.Subject != d.Subject || normalize(msg.Body) != normalize(d.Text)) {
		if err := m.Keeper.Edit(ctx, d.ID, msg.Subject, msg.Body); err != nil {
			return err
		}
		m.Log.Info("draft edited in your mail client; the edit is what will be sent", "draft", d.ID)
	}
	if msg != nil {
		if r, changed := recipients(msg, d); changed {
			if err := m.Keeper.EditRecipients(ctx, d.ID, r); err != nil {
				return err
			}
			m.Log.Info("recipients changed in your mail client; they are who it will go to", "draft", d.ID, "to", r.To.Addr, "cc", len(r.Cc), "bcc", len(r.Bcc))
		}
	}
	delete(m.missing, d.ID)
	return m.Keeper.SetMailboxCopy(ctx, d.ID, f.uidValidity, c.UID)
}

// vanished handles a copy that left the Drafts folder: sent by the
// applicant (found in Sent), or, after the grace period, deleted.
func (m *Mirror) vanished(ctx context.Context, s *inbox.Session, d store.Draft, approved bool) error {
	sent, ok, err := m.findSent(ctx, s, d)
	if err != nil {
		return err
	}
	if ok {
		raw, err := s.Fetch(sentFolder(s), sent.UID)
		if err != nil {
			return err
		}
		subject, text := d.Subject, d.Text
		if msg, _ := reader.Parse(bytes.NewReader(raw)); msg != nil && strings.TrimSpace(msg.Body) != "" {
			subject, text = msg.Subject, msg.Body
		}
		msgID := sent.MessageID
		if msgID == "" {
			msgID = fmt.Sprintf("client-%d@lorkeeper.invalid", d.ID)
		}
		delete(m.missing, d.ID)
		m.Log.Info("draft sent from your mail client; recorded as sent", "draft", d.ID, "writer", d.Writer)
		return m.Keeper.SentByClient(ctx, d.ID, msgID, subject, text)
	}
	first, seen := m.missing[d.ID]
	now := m.Keeper.Now()
	if !seen {
		m.missing[d.ID] = now
		return nil
	}
	if now.Sub(first) < m.grace() {
		return nil
	}
	delete(m.missing, d.ID)
	if approved {
		// Approved here and gone from the folder but not sent: lorkeeper
		// sends it, as approved.
		return m.Keeper.SetMailboxCopy(ctx, d.ID, 0, 0)
	}
	m.Log.Info("draft deleted in your mail client; discarded", "draft", d.ID, "writer", d.Writer)
	if err := m.Keeper.Discard(ctx, d.ID); err != nil {
		return err
	}
	return m.Keeper.SetMailboxCopy(ctx, d.ID, 0, 0)
}

// findSent looks in the Sent folder for the message the applicant sent in
// place of d: by the draft header, or by recipient and subject, sent
// after the draft was made, and not a message lorkeeper knows.
func (m *Mirror) findSent(ctx context.Context, s *inbox.Session, d store.Draft) (inbox.Copy, bool, error) {
	box, err := s.SentName()
	if err != nil {
		return inbox.Copy{}, false, err
	}
	copies, _, err := s.List(box, d.CreatedAt.Add(-24*time.Hour))
	if err != nil {
		return inbox.Copy{}, false, err
	}
	for _, c := range copies {
		if c.MessageID != "" && c.MessageID == d.MessageID {
			return c, true, nil // the client kept the Message-ID of lorkeeper's copy
		}
	}
	for _, c := range copies {
		if c.MessageID != "" {
			known, err := m.Keeper.IsOurs(ctx, c.MessageID)
			if err != nil {
				return inbox.Copy{}, false, err
			}
			if known {
				continue // lorkeeper sent it, or it is another draft's
			}
		}
		if strings.EqualFold(c.To, d.ToAddr) && sameSubject(c.Subject, d.Subject) &&
			(c.Date.IsZero() || !c.Date.Before(d.CreatedAt.Add(-time.Minute))) {
			return c, true, nil
		}
	}
	return inbox.Copy{}, false, nil
}

func sentFolder(s *inbox.Session) string {
	name, _ := s.SentName()
	return name
}

// BeforeSend is the outbox hook: it removes the draft's copy from the
// Drafts folder before lorkeeper sends it, and says not to send when the
// copy is already gone (the applicant may have sent it; the next pass
// finds out) unless lorkeeper itself removed it and stopped before it
// recorded so. It does I/O on the IMAP server and the state file.
func (m *Mirror) BeforeSend(ctx context.Context, d store.Draft) (bool, error) {
	s, err := m.Folders.Open(ctx)
	if err != nil {
		return false, err
	}
	defer s.Close()
	copies, uidv, err := s.List("", time.Time{})
	if err != nil {
		return false, err
	}
	for _, c := range copies {
		if uidv == d.MailboxUIDVal && c.UID == d.MailboxUID {
			// Recorded first: stopped between the removal and its record,
			// lorkeeper knows the copy went by its own hand.
			if err := m.Keeper.RemovingCopy(ctx, d.ID); err != nil {
				return false, err
			}
			if err := s.DeleteDraft(c.UID); err != nil {
				return false, err
			}
			return true, m.Keeper.SetMailboxCopy(ctx, d.ID, 0, 0)
		}
	}
	if d.CopyRemoving {
		m.Log.Info("the draft's copy was removed before an interruption; sending it as approved", "draft", d.ID, "writer", d.Writer)
		return true, m.Keeper.SetMailboxCopy(ctx, d.ID, 0, 0)
	}
	return false, nil
}

// recipients returns the recipients of the applicant's edited copy, and
// whether they differ from the draft's.
func recipients(msg *reader.Message, d store.Draft) (keeper.Recipients, bool) {
	var r keeper.Recipients
	if len(msg.To) == 0 {
		return r, false
	}
	conv := func(as []reader.Address) []store.Address {
		var out []store.Address
		for _, a := range as {
			out = append(out, store.Address{Name: a.Name, Addr: a.Addr})
		}
		return out
	}
	to := conv(msg.To)
	r.To = to[0]
	r.Cc = append(to[1:], conv(msg.Cc)...)
	r.Bcc = conv(msg.Bcc)
	changed := !strings.EqualFold(r.To.Addr, d.ToAddr) || !sameAddrs(r.Cc, d.Cc) || !sameAddrs(r.Bcc, d.Bcc)
	if r.To.Name == "" && strings.EqualFold(r.To.Addr, d.ToAddr) {
		r.To.Name = d.ToName
	}
	return r, changed
}

func sameAddrs(a, b []store.Address) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if !strings.EqualFold(a[i].Addr, b[i].Addr) {
			return false
		}
	}
	return true
}

func sameSubject(a, b string) bool {
	return strings.EqualFold(keeper.ReplySubject(a), keeper.ReplySubject(b))
}

func normalize(s string) string { return strings.Join(strings.Fields(s), " ") }
