package keeper

import (
	"context"
	"fmt"
	"strconv"
	"strings"
	"time"

	"github.com/lorkeeper/lorkeeper/letters"
	"github.com/lorkeeper/lorkeeper/store"
	"github.com/lorkeeper/lorkeeper/templates"
)

const metaDigestLast = "digest_last_sent"

// Digest renders the applicant's digest as of now.
func (k *Keeper) Digest(ctx context.Context) (templates.Message, error) {
	var m templates.Message
	err := k.st.View(ctx, func(tx *store.Tx) error {
		d, err := k.digestDataTx(tx)
		if err != nil {
			return err
		}
		m, err = k.tmpl.RenderDigest(d)
		return err
	})
	return m, err
}

// QueueDigest puts the digest, as of now, in the outbox (approved, to
// the applicant) and records it as the latest digest, in one
// transaction: the outbox then sends it exactly once, like any draft.
// With force false it does so only when the digest is due (see
// DigestDue); it returns the digest's draft id, 0 if none was queued.
func (k *Keeper) QueueDigest(ctx context.Context, force bool) (int64, error) {
	var queued int64
	err := k.st.Update(ctx, func(tx *store.Tx) error {
		if !force {
			due, err := k.digestDueTx(tx)
			if err != nil || !due {
				return err
			}
		}
		d, err := k.digestDataTx(tx)
		if err != nil {
			return err
		}
		m, err := k.tmpl.RenderDigest(d)
		if err != nil {
			return err
		}
		now := k.now()
		a := k.cfg.Applicant
		queued, err = tx.AddDraft(store.Draft{Template: TDigest, Status: store.Approved, ToName: a.Name, ToAddr: a.Email,
			Subject: m.Subject, Text: m.Text, HTML: m.HTML, MessageID: k.newMessageID(),
			ApprovedAt: now, NextAttemptAt: now}, now)
		if err != nil {
			return err
		}
		return tx.SetMeta(metaDigestLast, now.UTC().Format(time.RFC3339Nano))
	})
	return queued, err
}

func (k *Keeper) digestDataTx(tx *store.Tx) (templates.Digest, error) {
	now := k.now()
	loc := k.Policy().Location
	data := templates.NewData(k.cfg, k.cfg.Writers[0], now)
	d := templates.Digest{Applicant: data.Applicant, Date: templates.LongDate(now.In(loc)),
		Deadline: data.Deadline, DueReason: data.DueReason, DaysToDeadline: data.DaysToDeadline}
	names := map[string]string{}
	for _, w := range k.cfg.Writers {
		names[w.ID] = w.Name
	}
	err := func() error {
		rows, err := k.statusTx(tx)
		if err != nil {
			return err
		}
		for _, r := range rows {
			dl := templates.DigestLetter{Writer: r.Writer, Name: r.Name, State: templates.DescribeState(r.State),
				NextStep: r.NextStep, Flagged: r.Flagged}
			for _, c := range r.Claims {
				d.Claims = append(d.Claims, r.Name+": "+c)
			}
			for _, l := range r.Letters {
				if l.State == store.LetterUploaded {
					d.Assign = append(d.Assign, fmt.Sprintf("%s's %s: assign it to your programs in MyERAS, then lorkeeper mark %s assigned", r.Name, l.Label, l.ID))
				}
			}
			if r.DaysSince >= 0 {
				dl.DaysSinceRequest = strconv.Itoa(r.DaysSince)
			}
			if !r.NextDate.IsZero() {
				dl.NextDate = r.NextDate.In(loc).Format("Mon Jan 2")
			}
			d.Letters = append(d.Letters, dl)
			if r.State == string(letters.Uploaded) || r.State == string(letters.Done) {
				d.Uploaded++
			}
			if u := r.Unsure; u != nil {
				d.Unsure = append(d.Unsure, templates.DigestUnsure{Writer: r.Writer, Name: r.Name, Subject: u.Subject,
					Kind: templates.DescribeKind(u.Kind), Reason: u.Reason, Evidence: u.Evidence,
					Action: fmt.Sprintf("if it is right: lorkeeper correct %s %s; if not: lorkeeper correct %s KIND", r.Writer, u.Kind, r.Writer)})
			}
			if r.Flagged {
				f := templates.DigestFlag{Writer: r.Writer, Name: r.Name, Reason: r.FlagReason, Evidence: r.Evidence}
				if r.State == string(letters.Flagged) {
					f.Action = fmt.Sprintf("lorkeeper resolve %s keep (still ask them), replace (send the alternate request) or drop", r.Writer)
				} else {
					f.Action = fmt.Sprintf("Do not open the attachment: a waived letter must stay confidential. Ask %s to upload it through the AAMC Letter Writer Portal link, then run: lorkeeper resolve %s keep", r.Name, r.Writer)
				}
				d.Flags = append(d.Flags, f)
			}
		}
		ds, err := tx.Drafts("", store.Pending, store.Failed, store.Held)
		if err != nil {
			return err
		}
		for _, x := range ds {
			if x.Template == TDigest {
				continue
			}
			dd := templates.DigestDraft{ID: x.ID, Writer: names[x.Writer], Template: templates.Describe(x.Template), Subject: x.Subject, Error: x.LastError}
			switch x.Status {
			case store.Pending:
				d.Drafts = append(d.Drafts, dd)
			case store.Failed:
				dd.Error += " (check the address, then `lorkeeper drafts approve " + fmt.Sprint(x.ID) + "` to try again)"
				d.Failures = append(d.Failures, dd)
			default:
				d.Failures = append(d.Failures, dd)
			}
		}
		last, err := lastDigest(tx)
		if err != nil {
			return err
		}
		if last.IsZero() {
			last = now.Add(-7 * 24 * time.Hour)
		}
		ms, err := tx.Messages("")
		if err != nil {
			return err
		}
		// Only replies that still need the applicant: the latest of each
		// writer whose letter is still open, that changed nothing.
		states := map[string]string{}
		for _, r := range rows {
			states[r.Writer] = r.State
		}
		latest := map[string]store.Message{}
		for _, m := range ms {
			if m.Writer != "" {
				latest[m.Writer] = m
			}
		}
		for _, w := range k.cfg.Writers {
			m, ok := latest[w.ID]
			kind := m.Kind
			if m.Corrected != "" {
				kind = m.Corrected
			}
			if !ok || m.ReceivedAt.Before(last) || (kind != "other" && kind != "auto_reply") {
				continue
			}
			switch letters.State(states[w.ID]) {
			case letters.Uploaded, letters.Done, letters.Declined, letters.Dropped:
				continue
			}
			d.Replies = append(d.Replies, templates.DigestReply{Writer: m.Writer, Name: names[m.Writer],
				Kind: templates.DescribeKind(kind), Subject: m.Subject, Excerpt: excerpt(m.NewText, 200)})
		}
		ov, err := k.overviewTx(tx)
		if err != nil {
			return err
		}
		d.Status, d.Problems = ov.words(loc)
		if link, ok := k.dashboardLink(); ok {
			d.Dashboard = link
		}
		return nil
	}()
	if err != nil {
		return d, err
	}
	advice, err := k.mixTx(tx, false)
	if err != nil {
		return d, err
	}
	d.Needed = max(0, 3-d.Uploaded)
	if d.Needed == 0 {
		advice = nil // every letter the applicant needs is in: nothing left to act on
	}
	for _, a := range advice {
		if a.OK {
			d.AdviceOK = append(d.AdviceOK, a.Text)
		} else {
			d.Advice = append(d.Advice, a.Text)
		}
	}
	return d, nil
}

func lastDigest(tx *store.Tx) (time.Time, error) {
	v, err := tx.Meta(metaDigestLast)
	if err != nil || v == "" {
		return time.Time{}, err
	}
	t, err := time.Parse(time.RFC3339Nano, v)
	if err != nil {
		return time.Time{}, nil
	}
	return t, nil
}

// DigestDue reports whether the digest should go out now: digest_every
// has passed since the last one, and something changed, or something
// waits for the applicant (a draft, a flag, a failed send), or a week
// has passed.
func (k *Keeper) DigestDue(ctx context.Context) (bool, error) {
	var due bool
	err := k.st.View(ctx, func(tx *store.Tx) (err error) {
		due, err = k.digestDueTx(tx)
		return err
	})
	return due, err
}

func (k *Keeper) digestDueTx(tx *store.Tx) (bool, error) {
	every := k.cfg.Schedule.Digest
	if every <= 0 {
		return false, nil
	}
	now := k.now()
	due := false
	err := func() error {
		last, err := lastDigest(tx)
		if err != nil {
			return err
		}
		if !last.IsZero() && now.Sub(last) < every {
			return nil
		}
		if !last.IsZero() && now.Sub(last) >= 7*24*time.Hour {
			due = true
			return nil
		}
		changed, err := tx.LastChange()
		if err != nil {
			return err
		}
		if changed.After(last) {
			due = true
			return nil
		}
		waiting, err := tx.Drafts("", store.Pending, store.Failed, store.Held)
		if err != nil {
			return err
		}
		ls, err := tx.Letters()
		if err != nil {
			return err
		}
		for _, l := range ls {
			due = due || l.Flagged
		}
		ms, err := tx.Messages("")
		if err != nil {
			return err
		}
		for _, m := range ms {
			due = due || m.Unsure
		}
		due = due || len(waiting) > 0
		return nil
	}()
	return due, err
}

func excerpt(s string, n int) string {
	s = strings.Join(strings.Fields(s), " ")
	return clip(s, n)
}
