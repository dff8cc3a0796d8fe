package feat

import (
	"strings"
	"testing"

	"github.com/lorkeeper/lorkeeper/reader"
)

func TestNormalize(t *testing.T) {
	for in, want := range map[string]string{
		"I’m happy to — really":             "i am happy to - really",
		"sorry cant this cycle, im swamped": "sorry can not this cycle, i am swamped",
		"It's been years":                   "it has been years",
		"Done ✔️ uploaded":                  "done uploaded",
		"pls send cv n ps":                  "please send cv n ps",
		"the U.S. programs":                 "the u.s. programs",
		"I won't  be   able":                "i will not be able",
	} {
		if got := normalize(in); got != want {
			t.Errorf("normalize(%q) = %q, want %q", in, got, want)
		}
	}
}

// TestOriginal checks that a match in the normal form maps back to the
// writer's own text.
func TestOriginal(t *testing.T) {
	text := "Honestly, I can’t write a STRONG letter."
	norm, src := normalizeMap(text, nil)
	s := sentence{text: text, norm: norm, src: src}
	i := strings.Index(norm, "can not write")
	if got := s.original(i, i+len("can not write a strong letter")); got != "can’t write a STRONG letter" {
		t.Errorf("original = %q", got)
	}
}

func TestVocativesDropped(t *testing.T) {
	m := &reader.Message{To: []reader.Address{{Name: "Yusuf Karimi", Addr: "y@inbox.test"}}, NewText: "sorry yusuf cant this cycle"}
	d := Extract(m)
	if len(d.Sents) != 1 || d.Sents[0].Norm != "sorry can not this cycle" {
		t.Fatalf("sentences %+v", d.Sents)
	}
	if !d.Has("fam:decline") {
		t.Errorf("no refusal in %q: %v", d.Sents[0].Norm, d.Names())
	}
}

func TestNegationMarking(t *testing.T) {
	d := Extract(&reader.Message{NewText: "It will not be a strong letter, but I will write it."})
	for _, want := range []string{"w:not_strong", "w:write", "b:will_write"} {
		if !d.Has(want) {
			t.Errorf("no %s in %v", want, d.Names())
		}
	}
	if d.Has("w:not_write") {
		t.Error("negation crossed the clause break")
	}
}

func TestAskEchoDropped(t *testing.T) {
	d := Extract(&reader.Message{NewText: "Sure.\n\nWould you be willing to write a strong letter of recommendation for me?"})
	if len(d.Sents) != 1 {
		t.Errorf("the applicant's ask was kept: %+v", d.Sents)
	}
}
