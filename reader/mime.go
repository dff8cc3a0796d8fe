package reader

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"regexp"
	"strings"

	"github.com/emersion/go-message"
	"github.com/emersion/go-message/charset"
	"github.com/emersion/go-message/textproto"
)

// walk visits one entity (the message itself or a part) and everything
// below it, collecting body candidates and attachments.
func (p *parser) walk(h message.Header, body io.Reader, depth int) {
	p.parts++
	if p.parts > maxParts {
		if p.parts == maxParts+1 {
			p.fail(fmt.Errorf("more than %d mime parts: rest skipped", maxParts))
		}
		return
	}
	mediaType, params := contentType(h)
	switch {
	case strings.HasPrefix(mediaType, "multipart/"):
		if depth >= maxDepth {
			p.fail(errors.New("mime nesting too deep"))
			return
		}
		boundary := params["boundary"]
		if boundary == "" {
			p.fail(fmt.Errorf("%s without boundary", mediaType))
			p.leaf(h, "text/plain", params, body)
			return
		}
		p.walkMultipart(textproto.NewMultipartReader(body, boundary), depth)
	case mediaType == "message/rfc822" || mediaType == "message/global":
		if depth >= maxDepth {
			p.fail(errors.New("mime nesting too deep"))
			return
		}
		p.forwarded(h, body, depth)
	default:
		p.leaf(h, mediaType, params, body)
	}
}

func (p *parser) walkMultipart(mr *textproto.MultipartReader, depth int) {
	for {
		part, err := mr.NextPart()
		if err == io.EOF {
			return
		}
		if err != nil {
			if isEOF(err) {
				p.msg.Truncated = true
			} else {
				p.fail(fmt.Errorf("multipart: %w", err))
			}
			return
		}
		p.walk(message.Header{Header: part.Header}, part, depth+1)
		if p.parts > maxParts {
			return
		}
	}
}

// isEOF reports whether err means the input ended early.
func isEOF(err error) bool {
	return errors.Is(err, io.EOF) || errors.Is(err, io.ErrUnexpectedEOF) ||
		strings.Contains(err.Error(), "EOF")
}

var (
	lenientBoundary = regexp.MustCompile(`(?i)boundary\s*=\s*"?([^";\r\n]+)"?`)
	lenientCharset  = regexp.MustCompile(`(?i)charset\s*=\s*"?([^";\s]+)"?`)
)

// contentType returns the lowercased media type and its parameters,
// recovering the type, boundary and charset from malformed fields. A
// missing Content-Type means text/plain.
func contentType(h message.Header) (string, map[string]string) {
	v := h.Get("Content-Type")
	if strings.TrimSpace(v) == "" {
		return "text/plain", map[string]string{}
	}
	t, params, err := h.ContentType()
	if err == nil && t != "" {
		return strings.ToLower(t), params
	}
	params = map[string]string{}
	t = strings.ToLower(strings.TrimSpace(strings.SplitN(v, ";", 2)[0]))
	if !strings.Contains(t, "/") {
		t = "text/plain"
	}
	if sm := lenientBoundary.FindStringSubmatch(v); sm != nil {
		params["boundary"] = strings.TrimSpace(sm[1])
	}
	if sm := lenientCharset.FindStringSubmatch(v); sm != nil {
		params["charset"] = sm[1]
	}
	return t, params
}

// leaf handles a single-part entity: a body candidate or an attachment.
func (p *parser) leaf(h message.Header, mediaType string, params map[string]string, body io.Reader) {
	disp, dparams, _ := h.ContentDisposition()
	disp = strings.ToLower(disp)
	filename := dparams["filename"]
	if filename == "" {
		filename = params["name"]
	}
	filename = cleanHeaderText(decodeWords(filename))

	isBody := (mediaType == "text/plain" || mediaType == "text/html") &&
		disp != "attachment" && filename == ""
	switch {
	case isBody:
		limit := MaxBodyText - p.bodySize
		if limit <= 0 {
			_, _ = io.Copy(io.Discard, body)
			return
		}
		text, _ := p.decodeText(h, mediaType, params, body, limit)
		if mediaType == "text/html" {
			text = htmlToText(text)
			p.html = append(p.html, text)
		} else {
			p.plain = append(p.plain, text)
		}
		p.bodySize += len(text)
	case strings.HasPrefix(mediaType, "text/"):
		text, size := p.decodeText(h, mediaType, params, body, MaxAttachmentText)
		if mediaType == "text/html" {
			text = htmlToText(text)
		}
		p.attach(filename, mediaType, size, text)
	default:
		size := p.decodedSize(h, body)
		p.attach(filename, mediaType, size, "")
	}
}

func (p *parser) attach(filename, mediaType string, size int, text string) {
	if len(p.msg.Attachments) >= maxParts {
		return
	}
	p.msg.Attachments = append(p.msg.Attachments, Attachment{
		Filename:    filename,
		ContentType: mediaType,
		Size:        size,
		Text:        text,
	})
}

// forwarded handles an attached message: it becomes an attachment whose
// text is the forwarded message's header summary and body, and the same
// text is appended to the body as a forwarded block, so that NewText can
// keep a forwarded notice or drop the applicant's own forwarded message.
func (p *parser) forwarded(h message.Header, body io.Reader, depth int) {
	raw, err := p.readRaw(h, body, MaxInput)
	if err != nil && !isEOF(err) {
		p.fail(fmt.Errorf("forwarded message: %w", err))
	}
	inner := &parser{msg: &Message{Headers: map[string]string{}}, parts: p.parts}
	ih, ibody := inner.readHeader(raw)
	inner.readEnvelope(ih)
	inner.walk(ih, bytes.NewReader(ibody), depth+1)
	p.parts = inner.parts
	text := strings.Join(inner.plain, "\n")
	if !hasText(inner.plain) {
		text = strings.Join(inner.html, "\n")
	}
	im := inner.msg
	var sb strings.Builder
	sb.WriteString("---------- Forwarded message ---------\n")
	fmt.Fprintf(&sb, "From: %s\n", im.From)
	if !im.Date.IsZero() {
		fmt.Fprintf(&sb, "Date: %s\n", im.Date.Format("Mon, 2 Jan 2006 15:04"))
	}
	fmt.Fprintf(&sb, "Subject: %s\n", im.Subject)
	if len(im.To) > 0 {
		fmt.Fprintf(&sb, "To: %s\n", im.To[0])
	}
	sb.WriteString("\n")
	sb.WriteString(strings.TrimSpace(text))
	block := sb.String()

	name := im.Subject
	if name == "" {
		name = "forwarded message"
	}
	p.attach(name+".eml", "message/rfc822", len(raw), capText(block, MaxAttachmentText))
	p.msg.Attachments = append(p.msg.Attachments, inner.msg.Attachments...)
	if p.bodySize+len(block) <= MaxBodyText {
		// Attach the forwarded text to whichever body kind it came as.
		if hasText(inner.plain) || !hasText(inner.html) {
			p.plain = append(p.plain, block)
		} else {
			p.html = append(p.html, block)
		}
		p.bodySize += len(block)
	}
}

// readRaw reads a part's transfer-decoded bytes (charset untouched), up to
// limit bytes.
func (p *parser) readRaw(h message.Header, body io.Reader, limit int) ([]byte, error) {
	raw, err := io.ReadAll(io.LimitReader(body, MaxInput))
	if err != nil && isEOF(err) {
		p.msg.Truncated = true
		err = nil
	}
	data, derr := transferDecode(h.Get("Content-Transfer-Encoding"), raw)
	if derr != nil && err == nil {
		err = derr
	}
	if len(data) > limit {
		data = data[:limit]
	}
	return data, err
}

// decodedSize counts the decoded bytes of a binary attachment.
func (p *parser) decodedSize(h message.Header, body io.Reader) int {
	data, err := p.readRaw(h, body, MaxInput)
	if err != nil && !p.msg.Truncated {
		p.fail(fmt.Errorf("attachment: %w", err))
	}
	return len(data)
}

// decodeText decodes a text part to UTF-8 with normalised newlines, keeping
// at most limit bytes. It returns the text and the decoded size.
func (p *parser) decodeText(h message.Header, mediaType string, params map[string]string, body io.Reader, limit int) (string, int) {
	raw, err := io.ReadAll(io.LimitReader(body, MaxInput))
	if err != nil {
		if isEOF(err) {
			p.msg.Truncated = true
		} else {
			p.fail(fmt.Errorf("read %s part: %w", mediaType, err))
		}
	}
	cte := h.Get("Content-Transfer-Encoding")

	// The regular path: go-message decodes the transfer encoding and the
	// charset (an unknown charset leaves the bytes as they are).
	var data []byte
	ent, nerr := message.New(h, bytes.NewReader(raw))
	if ent != nil && !message.IsUnknownEncoding(nerr) {
		var rerr error
		data, rerr = io.ReadAll(io.LimitReader(ent.Body, int64(limit)+4))
		if rerr != nil {
			data = nil
		}
	}
	if data == nil {
		// A broken transfer encoding: decode it leniently ourselves.
		dec, derr := transferDecode(cte, raw)
		if derr != nil && !p.msg.Truncated {
			p.fail(fmt.Errorf("%s part: %w", mediaType, derr))
		}
		data = convertCharset(params["charset"], dec)
	}
	size := len(data)
	text := normalizeNewlines(capText(toUTF8(data), limit))
	if mediaType == "text/plain" && strings.EqualFold(params["format"], "flowed") {
		text = unflow(text, strings.EqualFold(params["delsp"], "yes"))
	}
	return text, size
}

// convertCharset converts data from the named charset to UTF-8. Data in an
// unknown, absent or UTF-8 charset is returned unchanged.
func convertCharset(cs string, data []byte) []byte {
	cs = strings.ToLower(strings.TrimSpace(cs))
	if cs == "" || cs == "utf-8" || cs == "us-ascii" || cs == "utf8" {
		return data
	}
	r, err := charset.Reader(cs, bytes.NewReader(data))
	if err != nil || r == nil {
		return data
	}
	out, err := io.ReadAll(r)
	if err != nil {
		return data
	}
	return out
}
