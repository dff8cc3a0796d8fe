package reader

import (
	"strings"
	"testing"
)

// typicalReply is a multipart/alternative Gmail reply with a quoted ask.
var typicalReply = strings.ReplaceAll(`From: Karen Whitfield <kwhitfield@lakeshoremed.example>
To: Rafael Mendes <rafael.mendes@inbox.test>
Subject: Re: Letter of recommendation request - Rafael Mendes
Date: Tue, 10 Jun 2025 07:48:00 -0500
Message-ID: <CA+Nsx4rb6@mail.gmail.example>
In-Reply-To: <CA6vYr2O@mail.inbox.test>
References: <CA6vYr2O@mail.inbox.test>
MIME-Version: 1.0
Content-Type: multipart/alternative; boundary="000000000000d0492a43365429"

--000000000000d0492a43365429
Content-Type: text/plain; charset="utf-8"
Content-Transfer-Encoding: quoted-printable

Hi Rafael,

Thank you for reaching out =E2=80=94 I would be delighted to write for you. Y=
ou were one of the most engaged observers we have had in neuroradiology.

Yes, I can write you a strong letter. Please send me the ERAS Letter Request
Form, your CV and your personal statement when they are ready.

Best,
Karen

Karen Whitfield, MD
Associate Professor of Radiology

On Mon, Jun 9, 2025 at 8:14=E2=80=AFAM Rafael Mendes <rafael.mendes@inbox.test> wrote:

> Dear Dr. Whitfield,
>
> I am applying to diagnostic radiology residency programs, and I wanted to
> ask whether you would be willing to write a strong letter of
> recommendation in support of my application.
>
> Best regards,
> Rafael Mendes, MD

--000000000000d0492a43365429
Content-Type: text/html; charset="utf-8"
Content-Transfer-Encoding: quoted-printable

<div dir=3D"ltr"><div>Hi Rafael,</div><div><br></div><div>Yes, I can write you a strong letter.</div></div>

--000000000000d0492a43365429--
`, "\n", "\r\n")

func BenchmarkParse(b *testing.B) {
	b.ReportAllocs()
	b.SetBytes(int64(len(typicalReply)))
	for b.Loop() {
		if _, err := Parse(strings.NewReader(typicalReply)); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkParseHTMLOnly(b *testing.B) {
	raw := strings.ReplaceAll("From: a@b.test\nContent-Type: text/html; charset=utf-8\n\n"+
		strings.Repeat(`<p class="MsoNormal">I can write a letter for you, but it may not be very strong.<o:p></o:p></p>`, 20)+
		`<div style="border-top:solid #E1E1E1 1.0pt"><p><b>From:</b> Rafael<br><b>Sent:</b> Monday<br><b>To:</b> X<br><b>Subject:</b> Letter</p></div><p>Ask</p>`, "\n", "\r\n")
	b.ReportAllocs()
	for b.Loop() {
		if _, err := Parse(strings.NewReader(raw)); err != nil {
			b.Fatal(err)
		}
	}
}
