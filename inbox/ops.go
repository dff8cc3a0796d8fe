package inbox

import (
	"bytes"
	"context"
	"fmt"
	"strings"
	"time"

	"github.com/emersion/go-imap/v2"
	"github.com/emersion/go-imap/v2/imapclient"
)

// Folders does one-shot operations on the applicant's folders, each on a
// connection of its own (the watcher's is busy in IDLE). It is safe for
// concurrent use.
type Folders struct {
	Server Server
	Sent   string // "" finds the \Sent mailbox by SPECIAL-USE
	Drafts string // "" finds the \Drafts mailbox by SPECIAL-USE
	// SentFallback and DraftsFallback are tried first when no folder
	// has the SPECIAL-USE attribute (a provider preset's names).
	SentFallback, DraftsFallback string
}

// with runs fn on a fresh, logged-in connection and logs out after.
func (f *Folders) with(ctx context.Context, fn func(*imapclient.Client) error) error {
	c, err := Dial(ctx, f.Server, nil)
	if err != nil {
		return err
	}
	defer c.Close()
	stop := context.AfterFunc(ctx, func() { c.Close() })
	defer stop()
	if err := fn(c); err != nil {
		return err
	}
	_ = c.Logout().Wait()
	return nil
}

// FindSpecial returns the mailbox with the given SPECIAL-USE attribute
// (RFC 6154), or the first that exists of fallback and the usual names.
func FindSpecial(c *imapclient.Client, attr imap.MailboxAttr, fallback string) (string, error) {
	var opts *imap.ListOptions
	if c.Caps().Has(imap.CapSpecialUse) {
		opts = &imap.ListOptions{ReturnSpecialUse: true}
	}
	boxes, err := c.List("", "*", opts).Collect()
	if err != nil {
		return "", fmt.Errorf("list mailboxes: %w", err)
	}
	names := map[string]bool{}
	for _, b := range boxes {
		names[b.Mailbox] = true
		for _, a := range b.Attrs {
			if strings.EqualFold(string(a), string(attr)) {
				return b.Mailbox, nil
			}
		}
	}
	guesses := map[imap.MailboxAttr][]string{
		imap.MailboxAttrSent:   {"Sent", "Sent Items", "Sent Messages", "[Gmail]/Sent Mail", "INBOX.Sent"},
		imap.MailboxAttrDrafts: {"Drafts", "[Gmail]/Drafts", "INBOX.Drafts"},
	}
	for _, g := range append([]string{fallback}, guesses[attr]...) {
		if names[g] {
			return g, nil
		}
	}
	return "", fmt.Errorf("no %s mailbox: set it in the config", attr)
}

func (f *Folders) sentName(c *imapclient.Client) (string, error) {
	if f.Sent != "" {
		return f.Sent, nil
	}
	return FindSpecial(c, imap.MailboxAttrSent, f.SentFallback)
}

// ServerFilesSent reports whether the provider itself files mail
// submitted over SMTP in the Sent folder: Gmail (X-GM-EXT-1) and
// Microsoft 365 do, and a second copy would show twice.
func (f *Folders) ServerFilesSent(ctx context.Context) (bool, error) {
	host := strings.ToLower(f.Server.Host)
	for _, h := range []string{"outlook.office365.com", "outlook.office.com", "imap-mail.outlook.com", "imap.gmail.com"} {
		if host == h {
			return true, nil
		}
	}
	var files bool
	err := f.with(ctx, func(c *imapclient.Client) error {
		files = c.Caps().Has("X-GM-EXT-1")
		return nil
	})
	return files, err
}

// AppendSent puts a copy of a sent message in the Sent folder, marked
// \Seen.
func (f *Folders) AppendSent(ctx context.Context, raw []byte, date time.Time) error {
	return f.with(ctx, func(c *imapclient.Client) error {
		box, err := f.sentName(c)
		if err != nil {
			return err
		}
		_, err = appendMsg(c, box, raw, []imap.Flag{imap.FlagSeen}, date)
		return err
	})
}

// HasSent reports whether the Sent folder holds a message with this
// Message-ID (without angle brackets).
func (f *Folders) HasSent(ctx context.Context, messageID string) (bool, error) {
	var found bool
	err := f.with(ctx, func(c *imapclient.Client) error {
		box, err := f.sentName(c)
		if err != nil {
			return err
		}
		uids, err := searchHeader(c, box, "Message-ID", messageID)
		found = len(uids) > 0
		return err
	})
	return found, err
}

func appendMsg(c *imapclient.Client, mailbox string, raw []byte, flags []imap.Flag, date time.Time) (imap.UID, error) {
	cmd := c.Append(mailbox, int64(len(raw)), &imap.AppendOptions{Flags: flags, Time: date})
	if _, err := bytes.NewReader(raw).WriteTo(cmd); err != nil {
		cmd.Close()
		return 0, fmt.Errorf("append to %s: %w", mailbox, err)
	}
	if err := cmd.Close(); err != nil {
		return 0, fmt.Errorf("append to %s: %w", mailbox, err)
	}
	data, err := cmd.Wait()
	if err != nil {
		return 0, fmt.Errorf("append to %s: %w", mailbox, err)
	}
	return data.UID, nil
}

// searchHeader selects mailbox read-only and returns the UIDs of messages
// whose header key contains value.
func searchHeader(c *imapclient.Client, mailbox, key, value string) ([]imap.UID, error) {
	if _, err := c.Select(mailbox, &imap.SelectOptions{ReadOnly: true}).Wait(); err != nil {
		return nil, fmt.Errorf("select %s: %w", mailbox, err)
	}
	res, err := c.UIDSearch(&imap.SearchCriteria{Header: []imap.SearchCriteriaHeaderField{{Key: key, Value: value}}}, nil).Wait()
	if err != nil {
		return nil, fmt.Errorf("search %s: %w", mailbox, err)
	}
	return res.AllUIDs(), nil
}
