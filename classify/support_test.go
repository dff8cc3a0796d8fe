package classify

import (
	"fmt"
	"sort"
	"strings"
	"testing"

	"github.com/lorkeeper/lorkeeper/classify/internal/corpus"
	"github.com/lorkeeper/lorkeeper/classify/internal/feat"
	"github.com/lorkeeper/lorkeeper/classify/internal/learn"
)

// TestCueSupport checks that every named cue and combination rests on
// at least two development replies: replies it fires on that have the
// kind it signals (the kind of most replies it fires on). A cue that only
// one reply supports is a memorised phrase, not a judgement; a cue that
// none supports is dead code. It also logs how many cues each reply rests
// on: the cues that fired on it and signal its kind.
func TestCueSupport(t *testing.T) {
	items := loadDev(t)
	names := map[string]bool{}
	for _, n := range feat.CueNames() {
		names["cue:"+n] = true
	}
	byKind := map[string][]int{} // cue -> replies it fires on, by kind
	named := func(n string) bool {
		g := feat.GroupOf(n)
		return g == feat.GroupCue || g == feat.GroupCombo
	}
	for _, it := range items {
		for _, f := range it.Doc.Features {
			if !named(f.Name) {
				continue
			}
			names[f.Name] = true
			if byKind[f.Name] == nil {
				byKind[f.Name] = make([]int, len(corpus.Classes))
			}
			byKind[f.Name][corpus.ClassIndex(it.Label)]++
		}
	}
	signals := func(n string) int {
		if byKind[n] == nil {
			return -1
		}
		return learn.Argmax(toFloat(byKind[n]))
	}
	rests := map[int]int{}
	for _, it := range items {
		n := 0
		for _, f := range it.Doc.Features {
			if named(f.Name) && signals(f.Name) == corpus.ClassIndex(it.Label) {
				n++
			}
		}
		rests[min(n, 5)]++
	}
	var sorted []string
	for n := range names {
		sorted = append(sorted, n)
	}
	sort.Strings(sorted)
	weak := 0
	for _, n := range sorted {
		k := signals(n)
		sup := 0
		if k >= 0 {
			sup = byKind[n][k]
		}
		if sup < 2 {
			weak++
			t.Errorf("%s is supported by %d development replies; want at least 2", n, sup)
		}
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%d named cues and combinations, %d with fewer than 2 supporting replies\n", len(sorted), weak)
	fmt.Fprintf(&b, "replies by the number of named cues and combinations they rest on (that fired and signal the reply's kind):\n")
	for k := 0; k <= 5; k++ {
		label := fmt.Sprint(k)
		if k == 5 {
			label = "5+"
		}
		fmt.Fprintf(&b, "  %2s cues: %4d replies (%.1f%%)\n", label, rests[k], 100*float64(rests[k])/float64(len(items)))
	}
	t.Log(b.String())
	if testing.Verbose() {
		for _, n := range sorted {
			k := signals(n)
			if k < 0 {
				continue
			}
			t.Logf("  %-40s signals %-10s supported by %4d of the %4d replies it fires on", n, corpus.Classes[k], byKind[n][k], sum(byKind[n]))
		}
	}
}

func toFloat(v []int) []float64 {
	out := make([]float64, len(v))
	for i, x := range v {
		out[i] = float64(x)
	}
	return out
}

func sum(v []int) int {
	n := 0
	for _, x := range v {
		n += x
	}
	return n
}
