package feat

import (
	"regexp"
	"regexp/syntax"
	"sort"
	"strings"
)

// pattern is a compiled cue pattern with a literal prefilter: a match is
// only possible when the text contains, for every set in lits, one of its
// literals (nil lits: always try).
type pattern struct {
	re   *regexp.Regexp
	lits [][]string
	ids  [][]int32 // lits as indexes into the literal table
	name string    // the cue this pattern belongs to
}

// literals numbers every prefilter literal of the cue table, so that a
// text is searched for each literal at most once (see litCache). It is
// filled while the table compiles, once, and only read afterwards.
var literals = map[string]int32{}

func literalID(l string) int32 {
	id, ok := literals[l]
	if !ok {
		id = int32(len(literals))
		literals[l] = id
	}
	return id
}

// litCache remembers which literals a text holds.
type litCache struct {
	text  string
	state []int8 // 0 unknown, 1 present, -1 absent
}

func newLitCache(text string, buf []int8) *litCache {
	if cap(buf) < len(literals) {
		buf = make([]int8, len(literals))
	}
	buf = buf[:len(literals)]
	clear(buf)
	return &litCache{text: text, state: buf}
}

func (c *litCache) has(id int32, lit string) bool {
	switch c.state[id] {
	case 1:
		return true
	case -1:
		return false
	}
	if strings.Contains(c.text, lit) {
		c.state[id] = 1
		return true
	}
	c.state[id] = -1
	return false
}

// possibleIn reports whether the pattern can match the cached text.
func (p pattern) possibleIn(c *litCache) bool {
next:
	for i, set := range p.ids {
		for j, id := range set {
			if c.has(id, p.lits[i][j]) {
				continue next
			}
		}
		return false
	}
	return true
}

// compile compiles expr and derives its prefilter. Patterns are matched
// against all sentences at once, one per line: "^" and "$" match at
// sentence bounds, and "\s" and "[^.]" never cross them.
func compile(expr string) pattern {
	expr = strings.NewReplacer(`\s`, `[ ]`, `[^`, `[^\n`).Replace(expr)
	p := pattern{re: regexp.MustCompile(`(?m)` + expr)}
	if tree, err := syntax.Parse(expr, syntax.Perl); err == nil {
		for _, set := range requiredAll(tree) {
			if minLen(set) >= 2 {
				p.lits = append(p.lits, minimal(set))
			}
		}
		// Check the cheapest sets first.
		sort.SliceStable(p.lits, func(a, b int) bool { return len(p.lits[a]) < len(p.lits[b]) })
		for _, set := range p.lits {
			ids := make([]int32, len(set))
			for i, l := range set {
				ids[i] = literalID(l)
			}
			p.ids = append(p.ids, ids)
		}
	}
	return p
}

// minimal drops the literals of set that contain another of its literals
// ("letters" when "letter" is there): they add nothing to the check.
func minimal(set []string) []string {
	var out []string
	for i, l := range set {
		redundant := false
		for j, m := range set {
			if i != j && strings.Contains(l, m) && (len(m) < len(l) || j < i) {
				redundant = true
				break
			}
		}
		if !redundant {
			out = append(out, l)
		}
	}
	return out
}

// requiredAll returns literal sets that every match of re satisfies: for
// each set, the match contains one of its literals.
func requiredAll(re *syntax.Regexp) [][]string {
	switch re.Op {
	case syntax.OpCapture, syntax.OpPlus:
		return requiredAll(re.Sub[0])
	case syntax.OpRepeat:
		if re.Min >= 1 {
			return requiredAll(re.Sub[0])
		}
		return nil
	case syntax.OpConcat:
		var all [][]string
		for _, sub := range re.Sub {
			all = append(all, requiredAll(sub)...)
		}
		return all
	}
	if r := required(re); r != nil {
		return [][]string{r}
	}
	return nil
}

// required returns literal strings one of which occurs in every match of
// re, or nil when there is no such small set.
func required(re *syntax.Regexp) []string {
	switch re.Op {
	case syntax.OpLiteral:
		if re.Flags&syntax.FoldCase != 0 {
			return nil
		}
		return []string{string(re.Rune)}
	case syntax.OpCapture, syntax.OpPlus:
		return required(re.Sub[0])
	case syntax.OpRepeat:
		if re.Min >= 1 {
			return required(re.Sub[0])
		}
	case syntax.OpConcat:
		var best []string
		for _, sub := range re.Sub {
			if r := required(sub); r != nil && better(r, best) {
				best = r
			}
		}
		return best
	case syntax.OpAlternate:
		var all []string
		for _, sub := range re.Sub {
			r := required(sub)
			if r == nil {
				return nil
			}
			all = append(all, r...)
		}
		if len(all) > 64 {
			return nil
		}
		return all
	}
	return nil
}

// better prefers literal sets whose shortest literal is longer, then
// smaller sets.
func better(a, b []string) bool {
	if b == nil {
		return true
	}
	ma, mb := minLen(a), minLen(b)
	if ma != mb {
		return ma > mb
	}
	return len(a) < len(b)
}

func minLen(lits []string) int {
	n := -1
	for _, l := range lits {
		if n < 0 || len(l) < n {
			n = len(l)
		}
	}
	return n
}
