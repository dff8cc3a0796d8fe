package reader

import (
	"bytes"
	"encoding/base64"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// msg builds a message from header lines and a body, with CRLF endings.
func msg(header, body string) string {
	return strings.ReplaceAll(strings.TrimSpace(header)+"\n\n"+body, "\n", "\r\n")
}

func parse(t *testing.T, raw string) *Message {
	t.Helper()
	m, err := Parse(strings.NewReader(raw))
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	return m
}

func TestEnvelope(t *testing.T) {
	raw := msg(`From: =?iso-8859-1?q?Jo=E3o_Ribeiro?= <JRibeiro@Example.TEST>
To: "Mendes, Rafael" <rafael@inbox.test>, b@c.test
Cc: d@e.test
Subject: =?utf-8?q?RES=3A_Carta_de_recomenda=C3=A7=C3=A3o?=
Date: Fri, 13 Jun 2025 16:22:00 -0300
Message-ID: <abc@x.test>
In-Reply-To: <ask@inbox.test>
References: <one@inbox.test> <two@inbox.test>
Auto-Submitted: no
X-Auto-Response-Suppress: All`, "Hello")
	m := parse(t, raw)
	if m.From.Addr != "jribeiro@example.test" || m.From.Name != "João Ribeiro" {
		t.Errorf("From = %+v", m.From)
	}
	if len(m.To) != 2 || m.To[0].Name != "Mendes, Rafael" || len(m.Cc) != 1 {
		t.Errorf("To = %+v, Cc = %+v", m.To, m.Cc)
	}
	if m.Subject != "RES: Carta de recomendação" {
		t.Errorf("Subject = %q", m.Subject)
	}
	if want := time.Date(2025, 6, 13, 19, 22, 0, 0, time.UTC); !m.Date.Equal(want) {
		t.Errorf("Date = %v", m.Date)
	}
	if m.MessageID != "abc@x.test" || len(m.InReplyTo) != 1 || m.InReplyTo[0] != "ask@inbox.test" {
		t.Errorf("ids = %q %q", m.MessageID, m.InReplyTo)
	}
	if strings.Join(m.References, " ") != "one@inbox.test two@inbox.test" {
		t.Errorf("References = %q", m.References)
	}
	if m.Header("x-auto-response-suppress") != "All" || m.Auto.Is {
		t.Errorf("headers %v auto %+v", m.Headers, m.Auto)
	}
}

func TestCharsetsAndEncodings(t *testing.T) {
	b64 := base64.StdEncoding.EncodeToString([]byte("Olá, I will write you a strong letter."))
	tests := []struct {
		name, header, body, want string
	}{
		{"7bit", "Content-Type: text/plain; charset=us-ascii\nContent-Transfer-Encoding: 7bit", "Plain words.", "Plain words."},
		{"8bit utf-8", "Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: 8bit", "Olá — ok", "Olá — ok"},
		{"qp utf-8", "Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: quoted-printable", "I=E2=80=99ll write a long =\nline.", "I’ll write a long line."},
		{"qp iso-8859-1", "Content-Type: text/plain; charset=iso-8859-1\nContent-Transfer-Encoding: quoted-printable", "Jo=E3o Diagn=F3stico", "João Diagnóstico"},
		{"qp windows-1252", "Content-Type: text/plain; charset=windows-1252\nContent-Transfer-Encoding: quoted-printable", "I=92ll write =96 sure", "I’ll write – sure"},
		{"base64 utf-8", "Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: base64", b64, "Olá, I will write you a strong letter."},
		{"unknown charset", "Content-Type: text/plain; charset=x-unknown", "caf\xe9 ok", "café ok"},
		{"mislabelled utf-8", "Content-Type: text/plain; charset=utf-8", "na\xefve reply", "naïve reply"},
		{"no content-type", "", "Just text.", "Just text."},
		{"lenient qp", "Content-Type: text/plain\nContent-Transfer-Encoding: quoted-printable", "50% =ZZ off =\x01x", "50% =ZZ off =\x01x"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m, _ := Parse(strings.NewReader(msg("From: a@b.test\n"+tt.header, tt.body)))
			want := strings.ReplaceAll(tt.want, "\x01", "")
			if m.Body != want {
				t.Errorf("Body = %q, want %q", m.Body, want)
			}
		})
	}
}

func TestHTMLOnly(t *testing.T) {
	html := `<html><head><style>p {margin:0}</style><script>alert(1)</script></head><body>
<div class="WordSection1"><p class="MsoNormal">Rafael,<o:p></o:p></p>
<p class="MsoNormal"><o:p>&nbsp;</o:p></p>
<p class="MsoNormal">I can write a letter, but it may not be very strong.<o:p></o:p></p>
<ul><li>one</li><li>two</li></ul>
<div style="border:none;border-top:solid #E1E1E1 1.0pt">
<p class="MsoNormal"><b>From:</b> Rafael &lt;r@inbox.test&gt;<br><b>Sent:</b> Monday<br><b>To:</b> Dr X<br><b>Subject:</b> Letter<o:p></o:p></p></div>
<p>Would you write a strong letter?</p></div></body></html>`
	m := parse(t, msg("From: a@b.test\nTo: Rafael <r@inbox.test>\nContent-Type: text/html; charset=utf-8", html))
	if !m.HTMLOnly {
		t.Error("HTMLOnly not set")
	}
	for _, s := range []string{"Rafael,\n\nI can write a letter", "- one\n- two", "From: Rafael <r@inbox.test>\nSent: Monday"} {
		if !strings.Contains(m.Body, s) {
			t.Errorf("Body lacks %q:\n%s", s, m.Body)
		}
	}
	if strings.Contains(m.Body, "alert") || strings.Contains(m.Body, "margin") {
		t.Errorf("script or style kept:\n%s", m.Body)
	}
	if want := "Rafael,\n\nI can write a letter, but it may not be very strong.\n\n- one\n- two"; m.NewText != want {
		t.Errorf("NewText = %q", m.NewText)
	}
}

func TestHTMLBlockquoteMarked(t *testing.T) {
	html := `<div>Yes, happy to.</div><div class="gmail_quote"><div class="gmail_attr">On Mon, Jun 9, 2025 at 8:14 AM Rafael &lt;r@inbox.test&gt; wrote:<br></div><blockquote class="gmail_quote"><div>Could you write a strong letter?</div><blockquote>older</blockquote></blockquote></div>`
	m := parse(t, msg("From: a@b.test\nContent-Type: text/html", html))
	if !strings.Contains(m.Body, "> Could you write a strong letter?") || !strings.Contains(m.Body, "> > older") {
		t.Errorf("blockquote not marked:\n%s", m.Body)
	}
	if m.NewText != "Yes, happy to." {
		t.Errorf("NewText = %q", m.NewText)
	}
}

func TestCalendarAttachmentIsNotBody(t *testing.T) {
	raw := msg(`From: a@b.test
Content-Type: multipart/mixed; boundary="m"`, `--m
Content-Type: multipart/alternative; boundary="a"

--a
Content-Type: text/plain; charset=utf-8

Tuesday at 4 works.
--a
Content-Type: text/html; charset=utf-8

<div>Tuesday at 4 works.</div>
--a--
--m
Content-Type: text/calendar; charset=utf-8; method=REQUEST; name=invite.ics
Content-Disposition: attachment; filename="invite.ics"

BEGIN:VCALENDAR
SUMMARY:Call
END:VCALENDAR
--m--
`)
	m := parse(t, raw)
	if m.Body != "Tuesday at 4 works." {
		t.Errorf("Body = %q", m.Body)
	}
	if len(m.Attachments) != 1 || m.Attachments[0].ContentType != "text/calendar" || m.Attachments[0].Filename != "invite.ics" || !strings.Contains(m.Attachments[0].Text, "VCALENDAR") {
		t.Errorf("Attachments = %+v", m.Attachments)
	}
}

func TestCalendarOnlyIsNotBody(t *testing.T) {
	m := parse(t, msg("From: a@b.test\nContent-Type: text/calendar; charset=utf-8", "BEGIN:VCALENDAR\nEND:VCALENDAR"))
	if m.Body != "" || len(m.Attachments) != 1 {
		t.Errorf("Body = %q, attachments %+v", m.Body, m.Attachments)
	}
}

func TestTruncated(t *testing.T) {
	t.Run("cut multipart", func(t *testing.T) {
		raw := msg(`From: a@b.test
Content-Type: multipart/mixed; boundary="m"`, `--m
Content-Type: text/plain

I uploaded the letter.
--m
Content-Type: application/pdf; name=a.pdf
Content-Transfer-Encoding: base64

JVBERi0xLjQKJcfs`)
		m, err := Parse(strings.NewReader(raw))
		if err != nil {
			t.Errorf("a cut message is not an error: %v", err)
		}
		if !m.Truncated || m.Body != "I uploaded the letter." || len(m.Attachments) != 1 {
			t.Errorf("Truncated=%v Body=%q Attachments=%+v", m.Truncated, m.Body, m.Attachments)
		}
	})
	t.Run("over MaxInput", func(t *testing.T) {
		body := "I can write you a letter.\n" + strings.Repeat("x", MaxInput)
		m, _ := Parse(strings.NewReader(msg("From: a@b.test", body)))
		if !m.Truncated || !strings.HasPrefix(m.Body, "I can write you a letter.") || len(m.Body) > MaxInput {
			t.Errorf("Truncated=%v len(Body)=%d", m.Truncated, len(m.Body))
		}
	})
	t.Run("cut base64", func(t *testing.T) {
		b := base64.StdEncoding.EncodeToString([]byte("Done - I uploaded your letter this morning."))
		m, _ := Parse(strings.NewReader(msg("From: a@b.test\nContent-Type: text/plain\nContent-Transfer-Encoding: base64", b[:len(b)-5])))
		if !strings.HasPrefix(m.Body, "Done - I uploaded your letter") {
			t.Errorf("Body = %q", m.Body)
		}
	})
}

func TestMalformed(t *testing.T) {
	inputs := map[string]string{
		"empty":         "",
		"garbage":       "\x00\x01\x02\xff\xfe",
		"bad header":    "From: a@b.test\r\nthis line is not a header\r\nSubject: x\r\n\r\nbody",
		"bad base64":    msg("From: a@b.test\nContent-Transfer-Encoding: base64", "!!!!****"),
		"bad encoding":  msg("From: a@b.test\nContent-Transfer-Encoding: x-uuencode", "begin 644"),
		"bad multipart": msg("From: a@b.test\nContent-Type: multipart/mixed", "--x\r\nhi"),
		"bad from":      msg("From: <<<@>>>\nSubject: hi", "text"),
	}
	for name, in := range inputs {
		t.Run(name, func(t *testing.T) {
			m, err := Parse(strings.NewReader(in))
			if m == nil {
				t.Fatal("nil message")
			}
			if err == nil {
				t.Fatal("no error")
			}
			if !strings.HasPrefix(err.Error(), "parse message: ") {
				t.Errorf("error %q lacks the prefix", err)
			}
		})
	}
	m, _ := Parse(strings.NewReader(inputs["bad header"]))
	if m.Subject != "x" || m.Body != "body" {
		t.Errorf("bad header: kept Subject=%q Body=%q", m.Subject, m.Body)
	}
	if _, err := Parse(nil); err == nil {
		t.Error("nil reader: no error")
	}
}

func TestLimitsAttachmentText(t *testing.T) {
	big := strings.Repeat("To the Program Director, I recommend. ", MaxAttachmentText/10)
	raw := msg(`From: a@b.test
Content-Type: multipart/mixed; boundary="m"`, "--m\nContent-Type: text/plain\n\nSee attached.\n--m\nContent-Type: text/plain; name=letter.txt\nContent-Disposition: attachment; filename=letter.txt\n\n"+big+"\n--m--\n")
	m := parse(t, raw)
	if len(m.Attachments) != 1 || len(m.Attachments[0].Text) > MaxAttachmentText || m.Attachments[0].Size < MaxAttachmentText {
		t.Fatalf("attachments %d, text %d", len(m.Attachments), len(m.Attachments[0].Text))
	}
	if m.Body != "See attached." {
		t.Errorf("Body = %q", m.Body)
	}
}

func TestForwardedMessageAttachment(t *testing.T) {
	raw := msg(`From: writer@b.test
To: applicant@inbox.test
Subject: Fwd: done
Content-Type: multipart/mixed; boundary="m"`, `--m
Content-Type: text/plain

See below.
--m
Content-Type: message/rfc822

From: Portal <no-reply@portal.test>
Subject: Letter submitted
Content-Type: text/plain

Your letter has been submitted.
--m--
`)
	m := parse(t, raw)
	if !strings.Contains(m.NewText, "Your letter has been submitted.") {
		t.Errorf("forwarded notice dropped: %q", m.NewText)
	}
	if len(m.Attachments) != 1 || m.Attachments[0].ContentType != "message/rfc822" {
		t.Errorf("Attachments = %+v", m.Attachments)
	}
}

func TestSharedCorpusParses(t *testing.T) {
	dir := sharedCorpus(t)
	if dir == "" {
		t.Skip("shared corpus not found (../shared is absent): skipping")
	}
	files, _ := filepath.Glob(filepath.Join(dir, "*.eml"))
	for _, name := range files {
		data, err := os.ReadFile(name)
		if err != nil {
			t.Fatal(err)
		}
		m, err := Parse(bytes.NewReader(data))
		if err != nil {
			t.Errorf("%s: %v", filepath.Base(name), err)
			continue
		}
		base := filepath.Base(name)
		if m.NewText == "" {
			t.Errorf("%s: empty new text", base)
		}
		if strings.Contains(m.NewText, "AAMC ID 20931455\n") || strings.Contains(strings.ToLower(m.NewText), "i wanted to ask whether you would") {
			t.Errorf("%s: quoted ask kept in new text:\n%s", base, m.NewText)
		}
		if got := strings.HasPrefix(base, "auto_reply"); got != m.Auto.Is {
			t.Errorf("%s: Auto.Is = %v (%s)", base, m.Auto.Is, m.Auto.Reason)
		}
	}
}
