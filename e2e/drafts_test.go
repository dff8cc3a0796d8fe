package e2e

import (
	"bytes"
	"context"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/emersion/go-imap/v2"
	"github.com/emersion/go-imap/v2/imapclient"

	"github.com/lorkeeper/lorkeeper/config"
	"github.com/lorkeeper/lorkeeper/mailer"
)

// draftCopy finds the Drafts-folder copy of a lorkeeper draft.
func draftCopy(t *testing.T, c *imapclient.Client, d draft) (imap.UID, []byte) {
	t.Helper()
	if _, err := c.Select("Drafts", nil).Wait(); err != nil {
		t.Fatal(err)
	}
	msgs, err := c.Fetch(imap.SeqSet{imap.SeqRange{Start: 1, Stop: 0}}, &imap.FetchOptions{UID: true,
		BodySection: []*imap.FetchItemBodySection{{Peek: true}}}).Collect()
	if err != nil {
		return 0, nil
	}
	for _, m := range msgs {
		raw := m.BodySection[0].Bytes
		if header(raw, "Message-ID") == "<"+d.MessageID+">" {
			return m.UID, raw
		}
	}
	return 0, nil
}

func expunge(t *testing.T, c *imapclient.Client, uid imap.UID) {
	t.Helper()
	set := imap.UIDSetNum(uid)
	if err := c.Store(set, &imap.StoreFlags{Op: imap.StoreFlagsAdd, Flags: []imap.Flag{imap.FlagDeleted}}, nil).Close(); err != nil {
		t.Fatal(err)
	}
	if err := c.UIDExpunge(set).Close(); err != nil {
		t.Fatal(err)
	}
}

func appendMsg(t *testing.T, c *imapclient.Client, box string, raw []byte, flags ...imap.Flag) {
	t.Helper()
	cmd := c.Append(box, int64(len(raw)), &imap.AppendOptions{Flags: flags})
	cmd.Write(raw)
	cmd.Close()
	if _, err := cmd.Wait(); err != nil {
		t.Fatal(err)
	}
}

// TestDraftsInMailClient: drafts appear in the applicant's Drafts folder
// with their attachments; one edited and sent from "their mail client" is
// recorded as sent, once, with the edited text; one deleted there is
// discarded; one approved through lorkeeper leaves the folder.
func TestDraftsInMailClient(t *testing.T) {
	w := newWorld(t)
	w.write()
	w.start()
	byWriter := map[string]draft{}
	eventually(t, 20*time.Second, "drafts planned", func() bool {
		for _, d := range w.drafts() {
			byWriter[d.Writer] = d
		}
		return len(byWriter) == 4
	})
	c := imapLogin(t, w.applicant)
	defer c.Close()
	var uids = map[string]imap.UID{}
	eventually(t, 15*time.Second, "four drafts in the Drafts folder", func() bool {
		for id, d := range byWriter {
			uid, raw := draftCopy(t, c, d)
			if uid == 0 {
				return false
			}
			uids[id] = uid
			if id == "patel" && (!bytes.Contains(raw, []byte("cv.pdf")) || !bytes.Contains(raw, []byte("ps.pdf"))) {
				t.Fatalf("the follow-up copy lacks its attachments")
			}
		}
		return true
	})

	// Edit Dr. Smith's ask in the mail client: it saves a new version.
	_, raw := draftCopy(t, c, byWriter["smith"])
	edited := bytes.Replace(raw, []byte("Thank you again for the chance"), []byte("Many thanks for the chance"), 1)
	appendMsg(t, c, "Drafts", edited, imap.FlagDraft)
	expunge(t, c, uids["smith"])
	eventually(t, 15*time.Second, "the edit picked up", func() bool {
		return strings.Contains(w.lk("drafts", "show", strconv.FormatInt(byWriter["smith"].ID, 10)), "Many thanks for the chance")
	})

	// Send it from the mail client: submission, a copy in Sent, gone
	// from Drafts.
	uid, raw := draftCopy(t, c, byWriter["smith"])
	msg, err := mailer.Compose(mailer.Message{FromName: "Amara Okafor", FromAddr: w.applicant, ToName: "Dr. Jane Smith",
		ToAddr: w.writers["smith"], Subject: header(raw, "Subject"), Text: "Dear Dr. Smith,\n\nMany thanks for the chance to work with you.\n",
		MessageID: "client-" + w.applicant})
	if err != nil {
		t.Fatal(err)
	}
	srv := mailer.Server{Host: "127.0.0.1", Port: stk.submission, Security: "starttls", CAFile: stk.ca,
		Credential: func(context.Context) (config.Credential, error) {
			return config.Credential{Username: w.applicant, Password: stk.password}, nil
		}}
	if _, err := srv.Send(context.Background(), msg, nil); err != nil {
		t.Fatal(err)
	}
	sent, _ := mailer.Bytes(msg)
	appendMsg(t, c, "Sent", sent, imap.FlagSeen)
	c.Select("Drafts", nil).Wait()
	expunge(t, c, uid)
	eventually(t, 20*time.Second, "recorded as sent from the client", func() bool {
		return w.status()["smith"].State == "asked"
	})
	show := w.lk("drafts", "show", strconv.FormatInt(byWriter["smith"].ID, 10))
	if !strings.Contains(show, "(ask, sent)") || !strings.Contains(show, "Many thanks for the chance") {
		t.Errorf("the sent draft does not hold what was sent:\n%s", show)
	}

	// Delete Dr. Nguyen's in the client: discarded after the grace period.
	c.Select("Drafts", nil).Wait()
	expunge(t, c, uids["nguyen"])
	eventually(t, 30*time.Second, "the deleted draft discarded", func() bool {
		return strings.Contains(w.lk("drafts", "show", strconv.FormatInt(byWriter["nguyen"].ID, 10)), "discarded")
	})

	// Approve Dr. Patel's through lorkeeper: it leaves the folder.
	w.lk("drafts", "approve", strconv.FormatInt(byWriter["patel"].ID, 10))
	eventually(t, 20*time.Second, "the approved draft sent", func() bool { return len(mailbox(t, w.writers["patel"], "INBOX")) == 1 })
	eventually(t, 10*time.Second, "its copy gone from Drafts", func() bool {
		u, _ := draftCopy(t, c, byWriter["patel"])
		return u == 0
	})
	time.Sleep(3 * time.Second)
	if n := len(mailbox(t, w.writers["smith"], "INBOX")); n != 1 {
		t.Errorf("Dr. Smith received %d messages; the client's send must be the only one", n)
	}
}
