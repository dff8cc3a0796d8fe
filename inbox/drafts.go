package inbox

import (
	"bufio"
	"bytes"
	"context"
	"fmt"
	"mime"
	"net/mail"
	"net/textproto"
	"strings"
	"time"

	"github.com/emersion/go-imap/v2"
	"github.com/emersion/go-imap/v2/imapclient"
	"github.com/emersion/go-message/charset"
)

// Copy is a message in the Drafts or Sent folder, by its headers.
type Copy struct {
	UID       uint32
	MessageID string // without angle brackets
	To        string // the first recipient's address, lowercased
	Subject   string
	InReplyTo string // without angle brackets
	Date      time.Time
}

// Session is a connection to the applicant's folders for a batch of
// operations. The caller calls Close.
type Session struct {
	c       *imapclient.Client
	f       *Folders
	stop    func() bool
	current string
}

// Open connects for a batch of folder operations.
func (f *Folders) Open(ctx context.Context) (*Session, error) {
	c, err := Dial(ctx, f.Server, nil)
	if err != nil {
		return nil, err
	}
	stop := context.AfterFunc(ctx, func() { c.Close() })
	return &Session{c: c, f: f, stop: stop}, nil
}

// Close logs out.
func (s *Session) Close() error {
	s.stop()
	_ = s.c.Logout().Wait()
	return s.c.Close()
}

// DraftsName returns the Drafts folder: configured, or found by
// SPECIAL-USE.
func (s *Session) DraftsName() (string, error) {
	if s.f.Drafts != "" {
		return s.f.Drafts, nil
	}
	name, err := FindSpecial(s.c, imap.MailboxAttrDrafts, s.f.DraftsFallback)
	if err == nil {
		s.f.Drafts = name
	}
	return name, err
}

// SentName returns the Sent folder: configured, or found by SPECIAL-USE.
func (s *Session) SentName() (string, error) {
	if s.f.Sent != "" {
		return s.f.Sent, nil
	}
	name, err := FindSpecial(s.c, imap.MailboxAttrSent, s.f.SentFallback)
	if err == nil {
		s.f.Sent = name
	}
	return name, err
}

func (s *Session) selectBox(name string) (*imap.SelectData, error) {
	d, err := s.c.Select(name, nil).Wait()
	if err != nil {
		return nil, fmt.Errorf("select %s: %w", name, err)
	}
	s.current = name
	return d, nil
}

// DraftsStatus returns the Drafts folder's UIDVALIDITY, UIDNEXT and
// message count: if none changed, nothing was added or removed.
func (s *Session) DraftsStatus() ([3]uint32, error) {
	box, err := s.DraftsName()
	if err != nil {
		return [3]uint32{}, err
	}
	if s.current == box {
		// Leave it: STATUS on the selected mailbox is discouraged.
		if err := s.c.Unselect().Wait(); err != nil {
			return [3]uint32{}, fmt.Errorf("unselect %s: %w", box, err)
		}
		s.current = ""
	}
	d, err := s.c.Status(box, &imap.StatusOptions{UIDValidity: true, UIDNext: true, NumMessages: true}).Wait()
	if err != nil {
		return [3]uint32{}, fmt.Errorf("status %s: %w", box, err)
	}
	var n uint32
	if d.NumMessages != nil {
		n = *d.NumMessages
	}
	return [3]uint32{d.UIDValidity, uint32(d.UIDNext), n}, nil
}

// AppendDraft puts raw in the Drafts folder flagged \Draft and returns the
// folder's UIDVALIDITY and the new message's UID (0 if the server does
// not say).
func (s *Session) AppendDraft(raw []byte, date time.Time) (uidValidity, uid uint32, err error) {
	box, err := s.DraftsName()
	if err != nil {
		return 0, 0, err
	}
	cmd := s.c.Append(box, int64(len(raw)), &imap.AppendOptions{Flags: []imap.Flag{imap.FlagDraft, imap.FlagSeen}, Time: date})
	if _, err := cmd.Write(raw); err != nil {
		cmd.Close()
		return 0, 0, fmt.Errorf("append to %s: %w", box, err)
	}
	if err := cmd.Close(); err != nil {
		return 0, 0, fmt.Errorf("append to %s: %w", box, err)
	}
	data, err := cmd.Wait()
	if err != nil {
		return 0, 0, fmt.Errorf("append to %s: %w", box, err)
	}
	return data.UIDValidity, uint32(data.UID), nil
}

var copyFields = []string{"Message-ID", "To", "Subject", "In-Reply-To", "Date"}

// List returns the headers of every message in a folder ("" for Drafts)
// since a day (zero for all), and the folder's UIDVALIDITY.
func (s *Session) List(folder string, since time.Time) ([]Copy, uint32, error) {
	if folder == "" {
		var err error
		if folder, err = s.DraftsName(); err != nil {
			return nil, 0, err
		}
	}
	sel, err := s.selectBox(folder)
	if err != nil {
		return nil, 0, err
	}
	if sel.NumMessages == 0 {
		return nil, sel.UIDValidity, nil
	}
	var set imap.NumSet = imap.SeqSet{imap.SeqRange{Start: 1, Stop: 0}}
	if !since.IsZero() {
		res, err := s.c.UIDSearch(&imap.SearchCriteria{Since: since}, nil).Wait()
		if err != nil {
			return nil, 0, fmt.Errorf("search %s: %w", folder, err)
		}
		uids := res.AllUIDs()
		if len(uids) == 0 {
			return nil, sel.UIDValidity, nil
		}
		set = imap.UIDSetNum(uids...)
	}
	section := &imap.FetchItemBodySection{Specifier: imap.PartSpecifierHeader, HeaderFields: copyFields, Peek: true}
	msgs, err := s.c.Fetch(set, &imap.FetchOptions{UID: true, Flags: true, BodySection: []*imap.FetchItemBodySection{section}}).Collect()
	if err != nil {
		return nil, 0, fmt.Errorf("fetch %s: %w", folder, err)
	}
	var out []Copy
	for _, m := range msgs {
		deleted := false
		for _, f := range m.Flags {
			deleted = deleted || f == imap.FlagDeleted
		}
		if deleted {
			continue
		}
		out = append(out, parseCopy(uint32(m.UID), m.FindBodySection(section)))
	}
	return out, sel.UIDValidity, nil
}

func parseCopy(uid uint32, header []byte) Copy {
	c := Copy{UID: uid}
	r := textproto.NewReader(bufioReader(header))
	h, _ := r.ReadMIMEHeader()
	c.MessageID = strings.Trim(strings.TrimSpace(h.Get("Message-Id")), "<>")
	c.InReplyTo = strings.Trim(strings.TrimSpace(h.Get("In-Reply-To")), "<>")
	c.Subject = decodeHeader(h.Get("Subject"))
	c.To = firstAddress(h.Get("To"))
	if t, err := parseDate(h.Get("Date")); err == nil {
		c.Date = t
	}
	return c
}

// Fetch returns a whole message of a folder ("" for Drafts), at most
// MaxFetch bytes of it.
func (s *Session) Fetch(folder string, uid uint32) ([]byte, error) {
	if folder == "" {
		var err error
		if folder, err = s.DraftsName(); err != nil {
			return nil, err
		}
	}
	if s.current != folder {
		if _, err := s.selectBox(folder); err != nil {
			return nil, err
		}
	}
	msgs, err := fetchMessages(s.c, []imap.UID{imap.UID(uid)})
	if err != nil {
		return nil, err
	}
	if len(msgs) == 0 {
		return nil, fmt.Errorf("fetch %s uid %d: no such message", folder, uid)
	}
	return msgs[0].Raw, nil
}

// DeleteDraft removes a message from the Drafts folder. A message already
// gone is not an error.
func (s *Session) DeleteDraft(uid uint32) error {
	box, err := s.DraftsName()
	if err != nil {
		return err
	}
	if s.current != box {
		if _, err := s.selectBox(box); err != nil {
			return err
		}
	}
	set := imap.UIDSetNum(imap.UID(uid))
	if err := s.c.Store(set, &imap.StoreFlags{Op: imap.StoreFlagsAdd, Silent: true, Flags: []imap.Flag{imap.FlagDeleted}}, nil).Close(); err != nil {
		return fmt.Errorf("delete draft uid %d: %w", uid, err)
	}
	if s.c.Caps().Has(imap.CapUIDPlus) || s.c.Caps().Has(imap.CapIMAP4rev2) {
		if err := s.c.UIDExpunge(set).Close(); err != nil {
			return fmt.Errorf("delete draft uid %d: %w", uid, err)
		}
		return nil
	}
	if err := s.c.Expunge().Close(); err != nil {
		return fmt.Errorf("delete draft uid %d: %w", uid, err)
	}
	return nil
}

func bufioReader(b []byte) *bufio.Reader {
	if !bytes.HasSuffix(b, []byte("\r\n\r\n")) && !bytes.HasSuffix(b, []byte("\n\n")) {
		b = append(append([]byte(nil), b...), "\r\n\r\n"...)
	}
	return bufio.NewReader(bytes.NewReader(b))
}

var wordDecoder = &mime.WordDecoder{CharsetReader: charset.Reader}

func decodeHeader(s string) string {
	if d, err := wordDecoder.DecodeHeader(s); err == nil {
		return strings.TrimSpace(d)
	}
	return strings.TrimSpace(s)
}

func firstAddress(s string) string {
	list, err := (&mail.AddressParser{WordDecoder: wordDecoder}).ParseList(s)
	if err != nil || len(list) == 0 {
		return strings.ToLower(strings.Trim(strings.TrimSpace(s), "<>"))
	}
	return strings.ToLower(list[0].Address)
}

func parseDate(s string) (time.Time, error) { return mail.ParseDate(strings.TrimSpace(s)) }
