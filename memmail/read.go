package memmail

import (
	"crypto/tls"
	"fmt"
	"strings"

	"github.com/emersion/go-imap/v2"
	"github.com/emersion/go-imap/v2/imapclient"
)

// fetchAll reads every message of a user's mailbox over IMAP, as a mail
// client would.
func fetchAll(s *System, address, mailbox string) ([][]byte, error) {
	s.mu.Lock()
	pass, ok := s.pass[strings.ToLower(address)]
	s.mu.Unlock()
	if !ok {
		return nil, fmt.Errorf("read %s: no such user", address)
	}
	var c *imapclient.Client
	var err error
	switch {
	case s.opts.CA != nil && s.opts.ImplicitTLS:
		c, err = imapclient.DialTLS(s.imapAddr, &imapclient.Options{TLSConfig: &tls.Config{RootCAs: s.opts.CA.Pool}})
	default:
		c, err = imapclient.DialInsecure(s.imapAddr, nil)
	}
	if err != nil {
		return nil, fmt.Errorf("read %s: %w", address, err)
	}
	defer c.Close()
	if err := c.Login(address, pass+inspectSuffix).Wait(); err != nil {
		return nil, fmt.Errorf("read %s: %w", address, err)
	}
	sel, err := c.Select(mailbox, &imap.SelectOptions{ReadOnly: true}).Wait()
	if err != nil {
		return nil, fmt.Errorf("read %s/%s: %w", address, mailbox, err)
	}
	if sel.NumMessages == 0 {
		return nil, nil
	}
	msgs, err := c.Fetch(imap.SeqSet{imap.SeqRange{Start: 1, Stop: 0}}, &imap.FetchOptions{
		UID:         true,
		BodySection: []*imap.FetchItemBodySection{{Peek: true}},
	}).Collect()
	if err != nil {
		return nil, fmt.Errorf("read %s/%s: %w", address, mailbox, err)
	}
	var out [][]byte
	for _, m := range msgs {
		for _, b := range m.BodySection {
			out = append(out, b.Bytes)
		}
	}
	return out, nil
}
