package feat

import "sort"

// CueNames lists every named cue of the table, sorted.
func CueNames() []string {
	seen := map[string]bool{negatedStrength: true, "request.question": true}
	for _, c := range cues() {
		for _, p := range c.re {
			seen[p.name] = true
		}
	}
	out := make([]string, 0, len(seen))
	for n := range seen {
		out = append(out, n)
	}
	sort.Strings(out)
	return out
}
