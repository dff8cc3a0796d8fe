package reader

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"mime"
	"regexp"
	"strings"
	"time"

	"github.com/emersion/go-message"
	_ "github.com/emersion/go-message/charset" // registers charsets with go-message
	"github.com/emersion/go-message/mail"
	"github.com/emersion/go-message/textproto"
)

// Parse reads one message. It never panics; on malformed input it returns as
// much as it could parse plus a non-nil error describing the problem
// (lowercase, prefixed "parse message: "). It reads at most MaxInput bytes
// from r.
//
// A message cut short (MaxInput bytes or more, or a MIME structure that
// ends early) is not an error: Parse returns what it has and sets
// Message.Truncated. Unknown charsets are not errors either: such text is
// read as UTF-8 when valid, else as Windows-1252.
func Parse(r io.Reader) (*Message, error) {
	m := &Message{Headers: map[string]string{}}
	if r == nil {
		return m, errors.New("parse message: nil reader")
	}
	raw, err := io.ReadAll(io.LimitReader(r, MaxInput))
	p := &parser{msg: m}
	if err != nil {
		p.fail(fmt.Errorf("read: %w", err))
	}
	if len(raw) >= MaxInput {
		m.Truncated = true
	}
	if len(bytes.TrimSpace(raw)) == 0 {
		p.fail(errors.New("empty input"))
		return m, p.err()
	}
	p.parse(raw)
	return m, p.err()
}

// parser accumulates what one Parse call finds.
type parser struct {
	msg   *Message
	errs  []error
	parts int

	plain    []string // inline text/plain bodies, in order
	html     []string // inline text/html bodies converted to text, in order
	bodySize int
}

func (p *parser) fail(err error) {
	if err != nil && len(p.errs) < 16 {
		p.errs = append(p.errs, err)
	}
}

// err returns the first problem met, with a count of the others.
func (p *parser) err() error {
	switch len(p.errs) {
	case 0:
		return nil
	case 1:
		return fmt.Errorf("parse message: %w", p.errs[0])
	default:
		return fmt.Errorf("parse message: %w (and %d more problems)", p.errs[0], len(p.errs)-1)
	}
}

func (p *parser) parse(raw []byte) {
	h, body := p.readHeader(raw)
	m := p.msg
	p.readEnvelope(h)
	if t, params := contentType(h); t == "multipart/report" {
		m.Report = strings.ToLower(params["report-type"])
		if m.Report == "" {
			m.Report = "unknown"
		}
	}
	p.walk(h, bytes.NewReader(body), 0)

	switch {
	case hasText(p.plain):
		m.Body = strings.Join(p.plain, "\n")
	case hasText(p.html):
		m.Body = strings.Join(p.html, "\n")
		m.HTMLOnly = true
	}
	m.Body = strings.TrimSpace(m.Body)
	m.NewText = newText(m.Body, m)
	m.Auto = detectAutoReply(m)
}

func hasText(parts []string) bool {
	for _, s := range parts {
		if strings.TrimSpace(s) != "" {
			return true
		}
	}
	return false
}

// headerLine matches the start of a header field: a field name and a colon.
var headerLine = regexp.MustCompile(`^[!-9;-~]+[ \t]*:`)

// readHeader splits raw into header and body and parses the header
// leniently: lines that are neither fields nor continuations are dropped
// (and reported).
func (p *parser) readHeader(raw []byte) (message.Header, []byte) {
	head, body, complete := splitHead(raw)
	if !complete && len(raw) >= MaxInput {
		p.msg.Truncated = true
	}

	var clean bytes.Buffer
	kept := false
	bad := 0
	for i, line := range bytes.SplitAfter(head, []byte("\n")) {
		trimmed := bytes.TrimRight(line, "\r\n")
		switch {
		case len(trimmed) == 0:
			continue
		case trimmed[0] == ' ' || trimmed[0] == '\t':
			if !kept {
				bad++
				continue
			}
		case headerLine.Match(trimmed):
			kept = true
		case i == 0 && bytes.HasPrefix(trimmed, []byte("From ")):
			continue // mbox separator
		default:
			kept = false
			bad++
			continue
		}
		clean.Write(trimmed)
		clean.WriteString("\r\n")
	}
	if bad > 0 {
		p.fail(fmt.Errorf("malformed header: %d line(s) skipped", bad))
	}
	clean.WriteString("\r\n")
	th, err := textproto.ReadHeader(bufio.NewReader(&clean))
	if err != nil {
		p.fail(fmt.Errorf("read header: %w", err))
	}
	return message.Header{Header: th}, body
}

// splitHead splits raw at the first empty line. complete is false when
// there is no empty line (the input ended inside the header).
func splitHead(raw []byte) (head, body []byte, complete bool) {
	pos := 0
	for pos < len(raw) {
		n := bytes.IndexByte(raw[pos:], '\n')
		if n < 0 {
			break
		}
		line := raw[pos : pos+n+1]
		if len(bytes.TrimRight(line, "\r\n")) == 0 {
			return raw[:pos], raw[pos+n+1:], true
		}
		pos += n + 1
	}
	return raw, nil, false
}

// readEnvelope fills the addressing fields of the message.
func (p *parser) readEnvelope(h message.Header) {
	m := p.msg
	mh := mail.Header{Header: h}

	if from, err := addressList(mh, "From"); err != nil {
		p.fail(fmt.Errorf("from: %w", err))
		if len(from) > 0 {
			m.From = from[0]
		}
	} else if len(from) > 0 {
		m.From = from[0]
	}
	m.To, _ = addressList(mh, "To")
	m.Cc, _ = addressList(mh, "Cc")
	m.Bcc, _ = addressList(mh, "Bcc")

	subject, err := mh.Subject()
	if err != nil {
		subject = h.Get("Subject")
	}
	m.Subject = cleanHeaderText(subject)

	if d, err := mh.Date(); err == nil {
		m.Date = d
	} else {
		m.Date = parseDateLenient(h.Get("Date"))
	}

	if id, err := mh.MessageID(); err == nil && id != "" {
		m.MessageID = id
	} else if ids := msgIDs(h.Get("Message-Id")); len(ids) > 0 {
		m.MessageID = ids[0]
	}
	m.InReplyTo = msgIDList(mh, "In-Reply-To")
	m.References = msgIDList(mh, "References")

	for _, k := range extraHeaders {
		if v := h.Get(k); v != "" {
			m.Headers[k] = cleanHeaderText(v)
		}
	}
}

// addressList parses an address header, falling back to a lenient scan
// for anything that looks like an address when the field is malformed.
func addressList(h mail.Header, key string) ([]Address, error) {
	list, err := h.AddressList(key)
	if err == nil {
		out := make([]Address, 0, len(list))
		for _, a := range list {
			out = append(out, Address{Name: cleanHeaderText(a.Name), Addr: strings.ToLower(a.Address)})
		}
		return out, nil
	}
	return lenientAddresses(h.Get(key)), err
}

var (
	angleAddr = regexp.MustCompile(`<\s*([^<>\s@]+@[^<>\s]+)\s*>`)
	bareAddr  = regexp.MustCompile(`[^\s<>,;:"()]+@[^\s<>,;:"()]+`)
)

// lenientAddresses extracts addresses from a malformed address list.
func lenientAddresses(v string) []Address {
	var out []Address
	for _, item := range splitOutsideQuotes(v) {
		var a Address
		if loc := angleAddr.FindStringSubmatchIndex(item); loc != nil {
			a.Addr = item[loc[2]:loc[3]]
			a.Name = strings.Trim(strings.TrimSpace(item[:loc[0]]), `"' `)
		} else if s := bareAddr.FindString(item); s != "" {
			a.Addr = s
		} else {
			continue
		}
		a.Addr = strings.ToLower(strings.Trim(a.Addr, ".'\""))
		a.Name = cleanHeaderText(decodeWords(a.Name))
		out = append(out, a)
	}
	return out
}

// splitOutsideQuotes splits an address list on commas that are not inside
// a quoted string or angle brackets.
func splitOutsideQuotes(v string) []string {
	var out []string
	quoted, angle, start := false, false, 0
	for i := 0; i < len(v); i++ {
		switch v[i] {
		case '"':
			quoted = !quoted
		case '<':
			angle = true
		case '>':
			angle = false
		case ',', ';':
			if !quoted && !angle {
				out = append(out, v[start:i])
				start = i + 1
			}
		}
	}
	return append(out, v[start:])
}

func decodeWords(s string) string {
	dec := mime.WordDecoder{CharsetReader: message.CharsetReader}
	if d, err := dec.DecodeHeader(s); err == nil {
		return d
	}
	return s
}

var msgIDPattern = regexp.MustCompile(`<([^<>\s]+)>`)

func msgIDList(h mail.Header, key string) []string {
	if ids, err := h.MsgIDList(key); err == nil {
		return ids
	}
	return msgIDs(h.Get(key))
}

// msgIDs extracts message ids leniently: bracketed ids if any, else
// whitespace-separated words.
func msgIDs(v string) []string {
	var out []string
	for _, sm := range msgIDPattern.FindAllStringSubmatch(v, 64) {
		out = append(out, sm[1])
	}
	if len(out) == 0 {
		for _, f := range strings.Fields(v) {
			if f = strings.Trim(f, "<>,"); f != "" && len(out) < 64 {
				out = append(out, f)
			}
		}
	}
	return out
}

var (
	dateComment = regexp.MustCompile(`\([^()]*\)`)
	dateLayouts = [...]string{
		"Mon, 2 Jan 2006 15:04:05 -0700",
		"Mon, 2 Jan 2006 15:04:05 MST",
		"2 Jan 2006 15:04:05 -0700",
		"2 Jan 2006 15:04:05 MST",
		"Mon, 2 Jan 2006 15:04 -0700",
		"Mon, 2 January 2006 15:04:05 -0700",
		"Monday, 2 Jan 2006 15:04:05 -0700",
		"Mon Jan 2 15:04:05 2006",
		"Mon Jan 2 15:04:05 MST 2006",
		"Mon, 2 Jan 2006",
		"2 Jan 2006",
		time.RFC3339,
		"2006-01-02 15:04:05 -0700",
		"2006-01-02 15:04:05",
	}
)

// parseDateLenient parses a Date field that net/mail rejected.
func parseDateLenient(v string) time.Time {
	v = strings.Join(strings.Fields(dateComment.ReplaceAllString(v, " ")), " ")
	v = strings.TrimSuffix(v, ".")
	for _, layout := range dateLayouts {
		if t, err := time.Parse(layout, v); err == nil {
			return t
		}
	}
	return time.Time{}
}

// cleanHeaderText unfolds a header value, repairs its encoding and trims it.
func cleanHeaderText(s string) string {
	s = toUTF8([]byte(s))
	return strings.Join(strings.Fields(s), " ")
}
