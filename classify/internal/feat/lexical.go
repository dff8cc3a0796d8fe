package feat

import "strings"

// lexBreak lists the words that end a clause for negation marking.
var lexBreak = map[string]bool{
	"but": true, "and": true, "so": true, "because": true, "although": true, "though": true,
	"however": true, "while": true, "whereas": true, "since": true, "if": true, "unless": true,
}

// lexNegator lists the words that negate the rest of their clause.
var lexNegator = map[string]bool{
	"not": true, "no": true, "never": true, "nor": true, "neither": true, "nothing": true,
	"unable": true, "hardly": true, "barely": true, "without": true,
}

// lexIdiom lists negator + word pairs that are not negations.
var lexIdiom = map[string]bool{
	"no doubt": true, "no question": true, "not only": true, "no hesitation": true, "no problem": true,
	"no worries": true, "no reservation": true, "no reservations": true, "not hesitate": true,
	"without hesitation": true, "without reservation": true, "without a": true, "without any": true,
}

// maxNegScope bounds how many words a negation marks.
const maxNegScope = 4

// lexical records the words (w:) and word pairs (b:) of each sentence.
// Words in the scope of a negation carry a "not_" prefix, so "not strong"
// and "strong" are different features; "<s>" marks a sentence start.
func lexical(b *builder, sents []sentence) {
	var toks []string
	for i, s := range sents {
		toks = tokens(s.norm, toks[:0])
		prev := "<s>"
		neg := 0
		for k, t := range toks {
			if t == "," || t == ";" || t == ":" || t == "(" || t == ")" || t == "-" || lexBreak[t] {
				neg = 0
				if t == "," || t == ";" || t == ":" || t == "(" || t == ")" || t == "-" {
					prev = "|"
					continue
				}
			}
			w := t
			if neg > 0 {
				w = "not_" + t
				neg--
			}
			if lexNegator[t] && !(k+1 < len(toks) && lexIdiom[t+" "+toks[k+1]]) {
				neg = maxNegScope
				w = t
			}
			b.add("w:"+w, i, "")
			if prev != "|" {
				b.add("b:"+prev+"_"+w, i, "")
			}
			prev = w
		}
	}
}

// tokens splits a normalised sentence into words (letters, digits and
// inner apostrophes or hyphens; digits become "0") and clause punctuation.
func tokens(s string, out []string) []string {
	start := -1
	flush := func(end int) {
		if start >= 0 {
			w := strings.Trim(s[start:end], "'-")
			if w != "" {
				out = append(out, digits(w))
			}
			start = -1
		}
	}
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c >= 0x80 || c == '\'' || c == '-' && start >= 0:
			if start < 0 {
				start = i
			}
		default:
			flush(i)
			switch c {
			case ',', ';', ':', '(', ')':
				out = append(out, string(c))
			case '-':
				out = append(out, "-")
			}
		}
	}
	flush(len(s))
	return out
}

// digits maps every digit of w to "0", so dates and times share features.
func digits(w string) string {
	if strings.IndexAny(w, "123456789") < 0 {
		return w
	}
	b := []byte(w)
	for i, c := range b {
		if c >= '1' && c <= '9' {
			b[i] = '0'
		}
	}
	return string(b)
}
