package reader

import (
	"encoding/base64"
	"errors"
	"fmt"
	"strings"
	"unicode/utf8"

	"golang.org/x/text/encoding/charmap"
)

// transferDecode decodes a Content-Transfer-Encoding leniently: invalid
// base64 characters are skipped, a final partial base64 quantum is dropped,
// and a quoted-printable "=" that starts no escape is kept literally. The
// error reports what was repaired.
func transferDecode(cte string, raw []byte) ([]byte, error) {
	switch strings.ToLower(strings.TrimSpace(cte)) {
	case "base64":
		return decodeBase64(raw)
	case "quoted-printable":
		return decodeQP(raw), nil
	case "", "7bit", "8bit", "binary":
		return raw, nil
	default:
		return raw, fmt.Errorf("unknown transfer encoding %q", cte)
	}
}

// decodeBase64 decodes base64 text, ignoring whitespace and stray
// characters. It returns an error when characters were skipped or the data
// ended with a partial quantum.
func decodeBase64(raw []byte) ([]byte, error) {
	clean := make([]byte, 0, len(raw))
	skipped := 0
	for _, c := range raw {
		switch {
		case c >= 'A' && c <= 'Z', c >= 'a' && c <= 'z', c >= '0' && c <= '9', c == '+', c == '/':
			clean = append(clean, c)
		case c == '=' || c == ' ' || c == '\t' || c == '\r' || c == '\n':
		default:
			skipped++
		}
	}
	var err error
	if rem := len(clean) % 4; rem == 1 {
		clean = clean[:len(clean)-1]
		err = errors.New("base64: partial final quantum")
	}
	out := make([]byte, base64.RawStdEncoding.DecodedLen(len(clean)))
	n, derr := base64.RawStdEncoding.Decode(out, clean)
	if derr != nil && err == nil {
		err = fmt.Errorf("base64: %w", derr)
	}
	if skipped > 0 && err == nil {
		err = fmt.Errorf("base64: %d invalid characters skipped", skipped)
	}
	return out[:n], err
}

// decodeQP decodes quoted-printable text leniently.
func decodeQP(raw []byte) []byte {
	out := make([]byte, 0, len(raw))
	for i := 0; i < len(raw); i++ {
		c := raw[i]
		if c != '=' {
			out = append(out, c)
			continue
		}
		if i+2 < len(raw) && isHex(raw[i+1]) && isHex(raw[i+2]) {
			out = append(out, unhex(raw[i+1])<<4|unhex(raw[i+2]))
			i += 2
			continue
		}
		// Soft line break: "=" followed by optional whitespace and a newline.
		j := i + 1
		for j < len(raw) && (raw[j] == ' ' || raw[j] == '\t') {
			j++
		}
		switch {
		case j < len(raw) && raw[j] == '\n':
			i = j
		case j+1 < len(raw) && raw[j] == '\r' && raw[j+1] == '\n':
			i = j + 1
		case j >= len(raw):
			i = j // "=" at the very end
		default:
			out = append(out, '=')
		}
	}
	return out
}

func isHex(c byte) bool {
	return c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F'
}

func unhex(c byte) byte {
	switch {
	case c >= '0' && c <= '9':
		return c - '0'
	case c >= 'a' && c <= 'f':
		return c - 'a' + 10
	default:
		return c - 'A' + 10
	}
}

// toUTF8 returns b as valid UTF-8: unchanged when it is valid, with
// invalid bytes replaced when it is mostly UTF-8, else decoded as
// Windows-1252 (a superset of ISO-8859-1 for printable text).
func toUTF8(b []byte) string {
	if utf8.Valid(b) {
		return string(b)
	}
	multi, invalid := 0, 0
	for i := 0; i < len(b); {
		r, n := utf8.DecodeRune(b[i:])
		switch {
		case r == utf8.RuneError && n <= 1:
			invalid++
		case n > 1:
			multi++
		}
		i += max(n, 1)
	}
	if multi > invalid {
		return strings.ToValidUTF8(string(b), "\uFFFD")
	}
	out, err := charmap.Windows1252.NewDecoder().Bytes(b)
	if err != nil {
		return strings.ToValidUTF8(string(b), "\uFFFD")
	}
	return string(out)
}

// capText cuts s to at most limit bytes at a rune boundary.
func capText(s string, limit int) string {
	if len(s) <= limit {
		return s
	}
	s = s[:limit]
	for len(s) > 0 && !utf8.ValidString(s[len(s)-min(len(s), utf8.UTFMax):]) {
		s = s[:len(s)-1]
	}
	return s
}

// normalizeNewlines turns CRLF and CR into LF and drops control characters
// other than tab and newline.
func normalizeNewlines(s string) string {
	s = strings.ReplaceAll(s, "\r\n", "\n")
	s = strings.ReplaceAll(s, "\r", "\n")
	return strings.Map(func(r rune) rune {
		switch {
		case r == '\n' || r == '\t':
			return r
		case r < 0x20 || r == 0x7f || r == '\uFEFF':
			return -1
		case r == '\u00A0':
			return ' '
		}
		return r
	}, s)
}

// unflow joins the soft line breaks of format=flowed text (RFC 3676).
func unflow(s string, delsp bool) string {
	var out []string
	var cur strings.Builder
	joining, curDepth := false, 0
	for _, line := range strings.Split(s, "\n") {
		depth := 0
		for depth < len(line) && line[depth] == '>' {
			depth++
		}
		content := strings.TrimPrefix(line[depth:], " ") // space-stuffing
		soft := strings.HasSuffix(content, " ") && content != "-- "
		if soft && delsp {
			content = content[:len(content)-1]
		}
		if !joining || depth != curDepth {
			if joining {
				out = append(out, cur.String())
			}
			cur.Reset()
			if depth > 0 {
				cur.WriteString(strings.Repeat(">", depth) + " ")
			}
			curDepth = depth
		}
		cur.WriteString(content)
		joining = soft
		if !soft {
			out = append(out, cur.String())
			cur.Reset()
		}
	}
	if joining {
		out = append(out, cur.String())
	}
	return strings.Join(out, "\n")
}
