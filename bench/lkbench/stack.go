//go:build linux

package main

import (
	"crypto/tls"
	"crypto/x509"
	"fmt"
	"io"
	"net"
	"net/smtp"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/emersion/go-imap/v2"
	"github.com/emersion/go-imap/v2/imapclient"
)

// stack is the Dovecot + Postfix started by scripts/mailstack.
type stack struct {
	dir                        string
	imap, imaps, smtp, submiss int
	ca, password               string
	tls                        *tls.Config
}

func loadStack(dir string) (*stack, error) {
	data, err := os.ReadFile(filepath.Join(dir, "env"))
	if err != nil {
		return nil, fmt.Errorf("mail stack: %w (start it with scripts/mailstack start DIR)", err)
	}
	env := map[string]string{}
	for _, line := range strings.Split(string(data), "\n") {
		line = strings.TrimPrefix(strings.TrimSpace(line), "export ")
		if k, v, ok := strings.Cut(line, "="); ok {
			env[k] = strings.Trim(v, `'"`)
		}
	}
	port := func(k string) int { n, _ := strconv.Atoi(env[k]); return n }
	s := &stack{dir: dir, imap: port("LK_IMAP_PORT"), imaps: port("LK_IMAPS_PORT"), smtp: port("LK_SMTP_PORT"),
		submiss: port("LK_SUBMISSION_PORT"), ca: env["LK_CA_FILE"], password: env["LK_PASSWORD"]}
	if s.imaps == 0 || s.smtp == 0 || s.submiss == 0 || s.ca == "" {
		return nil, fmt.Errorf("mail stack: incomplete %s/env", dir)
	}
	pem, err := os.ReadFile(s.ca)
	if err != nil {
		return nil, err
	}
	pool := x509.NewCertPool()
	pool.AppendCertsFromPEM(pem)
	s.tls = &tls.Config{RootCAs: pool, ServerName: "127.0.0.1"}
	return s, nil
}

// maildir is where Dovecot keeps addr's mail (mail_location = maildir:~,
// home = DIR/mail/<domain>/<local>).
func (s *stack) maildir(addr string) string {
	local, domain, _ := strings.Cut(strings.ToLower(addr), "@")
	return filepath.Join(s.dir, "mail", domain, local)
}

// deliver sends raw over plain SMTP to Postfix, as a writer's mail server
// would, and returns when Postfix accepted it (the 250 after DATA).
func (s *stack) deliver(from string, to []string, raw string) (time.Time, error) {
	c, err := smtp.Dial(net.JoinHostPort("127.0.0.1", strconv.Itoa(s.smtp)))
	if err != nil {
		return time.Time{}, err
	}
	defer c.Close()
	if err := c.Hello("writer.test"); err != nil {
		return time.Time{}, err
	}
	if err := c.Mail(from); err != nil {
		return time.Time{}, err
	}
	for _, t := range to {
		if err := c.Rcpt(t); err != nil {
			return time.Time{}, err
		}
	}
	wc, err := c.Data()
	if err != nil {
		return time.Time{}, err
	}
	if _, err := io.WriteString(wc, strings.ReplaceAll(strings.ReplaceAll(raw, "\r\n", "\n"), "\n", "\r\n")); err != nil {
		return time.Time{}, err
	}
	if err := wc.Close(); err != nil {
		return time.Time{}, err
	}
	accepted := time.Now()
	c.Quit()
	return accepted, nil
}

// dial is a bare go-imap v2 client: implicit TLS, LOGIN. It is what
// lorkeeper's inbox.Dial does, without its extras.
func (s *stack) dial(user string, opts *imapclient.Options) (*imapclient.Client, error) {
	var o imapclient.Options
	if opts != nil {
		o = *opts
	}
	o.TLSConfig = s.tls
	c, err := imapclient.DialTLS(net.JoinHostPort("127.0.0.1", strconv.Itoa(s.imaps)), &o)
	if err != nil {
		return nil, err
	}
	if err := c.Login(user, s.password).Wait(); err != nil {
		c.Close()
		return nil, fmt.Errorf("login %s: %w", user, err)
	}
	return c, nil
}

// prepare lets Dovecot index a freshly generated maildir (SELECT moves
// new/ to cur/) and marks its oldest seen messages \Seen (Dovecot renames
// them to ...:2,S), as years of reading would have.
func (s *stack) prepare(user string, seen int) (time.Duration, error) {
	t0 := time.Now()
	c, err := s.dial(user, nil)
	if err != nil {
		return 0, err
	}
	defer c.Close()
	sel, err := c.Select("INBOX", nil).Wait()
	if err != nil {
		return 0, err
	}
	if seen = min(seen, int(sel.NumMessages)); seen > 0 {
		set := imap.SeqSet{imap.SeqRange{Start: 1, Stop: uint32(seen)}}
		if err := c.Store(set, &imap.StoreFlags{Op: imap.StoreFlagsAdd, Silent: true, Flags: []imap.Flag{imap.FlagSeen}}, nil).Close(); err != nil {
			return 0, fmt.Errorf("store \\Seen: %w", err)
		}
	}
	if err := c.Logout().Wait(); err != nil {
		return 0, err
	}
	return time.Since(t0), nil
}

// query is what lorkeeper looks for (keeper.Query): mail from the
// writers or the portal domain, or replies to a message it sent.
type query struct {
	from      []string
	threading []string
	since     time.Time
}

// criteria is inbox.Query.criteria, restated: OR of HEADER FROM for each
// sender and HEADER In-Reply-To / References for each marker, as a
// balanced tree; UID start:last; SINCE on a first sync.
func (q query) criteria(last imap.UID) *imap.SearchCriteria {
	var alts []imap.SearchCriteria
	for _, f := range q.from {
		alts = append(alts, imap.SearchCriteria{Header: []imap.SearchCriteriaHeaderField{{Key: "From", Value: f}}})
	}
	for _, t := range q.threading {
		alts = append(alts,
			imap.SearchCriteria{Header: []imap.SearchCriteriaHeaderField{{Key: "In-Reply-To", Value: t}}},
			imap.SearchCriteria{Header: []imap.SearchCriteriaHeaderField{{Key: "References", Value: t}}})
	}
	c := orTree(alts)
	c.UID = []imap.UIDSet{{imap.UIDRange{Start: 1, Stop: last}}}
	if !q.since.IsZero() {
		c.Since = q.since
	}
	return c
}

func orTree(cs []imap.SearchCriteria) *imap.SearchCriteria {
	if len(cs) == 1 {
		c := cs[0]
		return &c
	}
	mid := len(cs) / 2
	return &imap.SearchCriteria{Or: [][2]imap.SearchCriteria{{*orTree(cs[:mid]), *orTree(cs[mid:])}}}
}

// floorResult is the bare round trips for a cold start's work.
type floorResult struct {
	login, sel, search, fetch, total time.Duration
	matched                          int
	bytes                            int64
	messages                         uint32
}

// floor does, with a bare client, what lorkeeper's first sync needs from
// the server: connect and log in, SELECT, one UID SEARCH with lorkeeper's
// criteria, one UID FETCH of the matches' first 256 KiB.
func (s *stack) floor(user string, q query) (floorResult, error) {
	var r floorResult
	t0 := time.Now()
	c, err := s.dial(user, nil)
	if err != nil {
		return r, err
	}
	defer c.Close()
	t1 := time.Now()
	sel, err := c.Select("INBOX", nil).Wait()
	if err != nil {
		return r, err
	}
	t2 := time.Now()
	r.messages = sel.NumMessages
	res, err := c.UIDSearch(q.criteria(sel.UIDNext-1), nil).Wait()
	if err != nil {
		return r, err
	}
	uids := res.AllUIDs()
	slices.Sort(uids)
	t3 := time.Now()
	if len(uids) > 0 {
		section := &imap.FetchItemBodySection{Peek: true, Partial: &imap.SectionPartial{Offset: 0, Size: 256 << 10}}
		msgs, err := c.Fetch(imap.UIDSetNum(uids...), &imap.FetchOptions{UID: true, BodySection: []*imap.FetchItemBodySection{section}}).Collect()
		if err != nil {
			return r, err
		}
		for _, m := range msgs {
			for _, b := range m.BodySection {
				r.bytes += int64(len(b.Bytes))
			}
		}
	}
	t4 := time.Now()
	r.login, r.sel, r.search, r.fetch, r.total = t1.Sub(t0), t2.Sub(t1), t3.Sub(t2), t4.Sub(t3), t4.Sub(t0)
	r.matched = len(uids)
	c.Logout().Wait()
	return r, nil
}

// floorNarrowed is the floor for a client that first finds where the
// since date falls in the mailbox, by a binary search on INTERNALDATE
// (about log2(N) one-message FETCHes, answered from Dovecot's index), and
// then SEARCHes only the UIDs from there: the server no longer looks at
// every message's date. Same FETCH as floor. In the generated mailboxes
// INTERNALDATE rises with the UID; a real client would bisect on SAVEDATE
// (RFC 8514), which always does (see bench/README.md).
func (s *stack) floorNarrowed(user string, q query) (floorResult, int, error) {
	var r floorResult
	t0 := time.Now()
	c, err := s.dial(user, nil)
	if err != nil {
		return r, 0, err
	}
	defer c.Close()
	t1 := time.Now()
	sel, err := c.Select("INBOX", nil).Wait()
	if err != nil {
		return r, 0, err
	}
	t2 := time.Now()
	r.messages = sel.NumMessages
	// First message whose INTERNALDATE is on or after since - 1 day (the
	// day of slack covers the server's time zone).
	cut := q.since.Add(-24 * time.Hour)
	lo, hi := uint32(1), sel.NumMessages+1
	probes := 0
	for lo < hi {
		mid := lo + (hi-lo)/2
		msgs, err := c.Fetch(imap.SeqSetNum(mid), &imap.FetchOptions{InternalDate: true}).Collect()
		probes++
		if err != nil || len(msgs) != 1 {
			return r, probes, fmt.Errorf("fetch %d internaldate: %v", mid, err)
		}
		if msgs[0].InternalDate.Before(cut) {
			lo = mid + 1
		} else {
			hi = mid
		}
	}
	from := imap.UID(1)
	if lo > sel.NumMessages {
		from = sel.UIDNext // nothing that recent
	} else if lo > 1 {
		msgs, err := c.Fetch(imap.SeqSetNum(lo), &imap.FetchOptions{UID: true}).Collect()
		probes++
		if err != nil || len(msgs) != 1 {
			return r, probes, fmt.Errorf("fetch %d uid: %v", lo, err)
		}
		from = msgs[0].UID
	}
	crit := q.criteria(sel.UIDNext - 1)
	crit.UID = []imap.UIDSet{{imap.UIDRange{Start: from, Stop: sel.UIDNext - 1}}}
	res, err := c.UIDSearch(crit, nil).Wait()
	if err != nil {
		return r, probes, err
	}
	uids := res.AllUIDs()
	slices.Sort(uids)
	t3 := time.Now()
	if len(uids) > 0 {
		section := &imap.FetchItemBodySection{Peek: true, Partial: &imap.SectionPartial{Offset: 0, Size: 256 << 10}}
		if _, err := c.Fetch(imap.UIDSetNum(uids...), &imap.FetchOptions{UID: true, BodySection: []*imap.FetchItemBodySection{section}}).Collect(); err != nil {
			return r, probes, err
		}
	}
	t4 := time.Now()
	r.login, r.sel, r.search, r.fetch, r.total = t1.Sub(t0), t2.Sub(t1), t3.Sub(t2), t4.Sub(t3), t4.Sub(t0)
	r.matched = len(uids)
	c.Logout().Wait()
	return r, probes, nil
}

// idler is a bare IDLE client on a user's INBOX: the floor of reply
// latency is when it hears the new message's EXISTS. Like lorkeeper (and
// as RFC 2177 asks), it ends IDLE on news and starts it again.
type idler struct {
	c      *imapclient.Client
	exists chan time.Time
	wake   chan struct{}
	stop   chan struct{}
	done   chan struct{}
}

func (s *stack) idle(user string) (*idler, error) {
	it := &idler{exists: make(chan time.Time, 1024), wake: make(chan struct{}, 1), stop: make(chan struct{}), done: make(chan struct{})}
	opts := &imapclient.Options{UnilateralDataHandler: &imapclient.UnilateralDataHandler{
		Mailbox: func(d *imapclient.UnilateralDataMailbox) {
			if d.NumMessages != nil {
				select {
				case it.exists <- time.Now():
				default:
				}
				select {
				case it.wake <- struct{}{}:
				default:
				}
			}
		},
	}}
	c, err := s.dial(user, opts)
	if err != nil {
		return nil, err
	}
	if _, err := c.Select("INBOX", nil).Wait(); err != nil {
		c.Close()
		return nil, err
	}
	it.c = c
	cmd, err := c.Idle()
	if err != nil {
		c.Close()
		return nil, err
	}
	go func() {
		defer close(it.done)
		for {
			select {
			case <-it.stop:
				cmd.Close()
				return
			case <-it.wake:
			}
			if cmd.Close() != nil || cmd.Wait() != nil || c.Noop().Wait() != nil {
				return
			}
			if cmd, err = c.Idle(); err != nil {
				return
			}
		}
	}()
	return it, nil
}

// drain forgets announcements already heard.
func (it *idler) drain() {
	for {
		select {
		case <-it.exists:
		default:
			return
		}
	}
}

// next waits for the next EXISTS.
func (it *idler) next(timeout time.Duration) (time.Time, bool) {
	select {
	case t := <-it.exists:
		return t, true
	case <-time.After(timeout):
		return time.Time{}, false
	}
}

func (it *idler) close() {
	close(it.stop)
	<-it.done
	it.c.Close()
}
