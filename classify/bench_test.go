package classify

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/lorkeeper/lorkeeper/classify/internal/corpus"
	"github.com/lorkeeper/lorkeeper/reader"
)

var benchReply = strings.ReplaceAll(`From: Nancy Liu <nliu@cedarcrest-med.example>
To: Rafael Mendes <rafael.mendes@inbox.test>
Subject: Re: Letter of recommendation request - Rafael Mendes
Date: Fri, 20 Jun 2025 12:18:00 -0400
Message-ID: <x@cedarcrest-med.example>
In-Reply-To: <ask@mail.inbox.test>
Content-Type: text/plain; charset="utf-8"
Content-Transfer-Encoding: quoted-printable

Hi Rafael,

Thanks for thinking of me. I=E2=80=99m happy to help, but I want to be upfront: we
only overlapped for about ten days on the wards, so I don=E2=80=99t think I can
write you a strong letter. What I can do is write one that speaks to your
professionalism, your punctuality and how clearly you presented patients on
rounds.

If that would still be useful, send me the form and I=E2=80=99ll get it in by the
end of August.

Best,
Nancy Liu, MD

On Mon, Jun 16, 2025 at 9:00 AM Rafael Mendes <rafael.mendes@inbox.test> wrote:

> Dear Dr. Liu,
> Would you be willing to write a strong letter of recommendation?
> Best regards,
> Rafael
`, "\n", "\r\n")

func BenchmarkClassify(b *testing.B) {
	m, err := reader.Parse(strings.NewReader(benchReply))
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if r := Classify(m); r.Kind != Hesitant {
			b.Fatalf("got %s", r.Kind)
		}
	}
}

func BenchmarkParseClassify(b *testing.B) {
	b.ReportAllocs()
	for b.Loop() {
		m, err := reader.Parse(strings.NewReader(benchReply))
		if err != nil {
			b.Fatal(err)
		}
		Classify(m)
	}
}

// BenchmarkParseClassifyCorpus parses and classifies every development
// reply; ns/op is per reply.
func BenchmarkParseClassifyCorpus(b *testing.B) {
	root, err := corpus.Root()
	if err != nil {
		b.Fatal(err)
	}
	var raws [][]byte
	for _, d := range corpus.Dev {
		files, _ := filepath.Glob(filepath.Join(root, d, "*.eml"))
		for _, f := range files {
			if data, err := os.ReadFile(f); err == nil {
				raws = append(raws, data)
			}
		}
	}
	if len(raws) == 0 {
		b.Skip("no corpus")
	}
	Warm()
	b.ReportAllocs()
	i := 0
	for b.Loop() {
		m, _ := reader.Parse(bytes.NewReader(raws[i%len(raws)]))
		Classify(m)
		i++
	}
}
