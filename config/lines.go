package config

import (
	"strconv"
	"strings"
)

// lineIndex maps key paths to the line they are defined on, so that
// problems found after decoding can name their line. Paths use dots, and
// elements of arrays of tables carry their index: "imap.port",
// "writer.1.email", "writer.1" (the [[writer]] header itself).
//
// The TOML library keeps key positions private, so the index is built by a
// light scan of the text: table headers and "key =" lines, skipping the
// inside of multi-line strings and arrays. It never decides what the file
// means; the TOML library does that. A key it cannot place gets line 0 and
// the problem is reported without a line.
type lineIndex map[string]int

func indexLines(text string) lineIndex {
	idx := lineIndex{}
	arrays := map[string]int{} // array-of-tables path → count so far
	table := ""
	depth := 0    // open [ or { of a multi-line value
	inMulti := "" // open """ or ''' of a multi-line string
	for n, line := range strings.Split(text, "\n") {
		lineNo := n + 1
		s := strings.TrimSpace(line)
		if inMulti != "" {
			if strings.Contains(s, inMulti) {
				inMulti = ""
			}
			continue
		}
		if depth > 0 {
			depth += bracketDelta(s)
			continue
		}
		if s == "" || s[0] == '#' {
			continue
		}
		if strings.HasPrefix(s, "[[") {
			name := keyPath(strings.TrimSuffix(strings.TrimSpace(stripComment(s)[2:]), "]]"))
			// [[writer.letter]] belongs to the last [[writer]]: its path
			// is writer.N.letter.M, counted within that writer.
			full := resolveArrays(name, arrays)
			i := arrays[full]
			arrays[full] = i + 1
			arrays[name] = arrays[full]
			table = full + "." + strconv.Itoa(i)
			idx.set(table, lineNo)
			continue
		}
		if s[0] == '[' {
			name := keyPath(strings.TrimSuffix(strings.TrimSpace(stripComment(s)[1:]), "]"))
			table = resolveArrays(name, arrays)
			idx.set(table, lineNo)
			continue
		}
		eq := strings.IndexByte(s, '=')
		if eq < 0 {
			continue
		}
		key := keyPath(s[:eq])
		if table != "" {
			key = table + "." + key
		}
		idx.set(key, lineNo)
		value := strings.TrimSpace(s[eq+1:])
		for _, q := range []string{`"""`, `'''`} {
			if strings.HasPrefix(value, q) && !strings.Contains(value[3:], q) {
				inMulti = q
			}
		}
		if inMulti == "" {
			depth = bracketDelta(value)
		}
	}
	return idx
}

func (idx lineIndex) set(path string, line int) {
	if _, ok := idx[path]; !ok {
		idx[path] = line
	}
}

// line returns the line of path, or of its nearest enclosing table.
func (idx lineIndex) line(path string) int {
	for path != "" {
		if n, ok := idx[path]; ok {
			return n
		}
		i := strings.LastIndexByte(path, '.')
		if i < 0 {
			break
		}
		path = path[:i]
	}
	return 0
}

// resolveArrays turns "writer.contact" into "writer.2.contact" when writer
// is an array of tables, as TOML nests sub-tables in the last element.
func resolveArrays(name string, arrays map[string]int) string {
	parts := strings.Split(name, ".")
	var out []string
	for i, p := range parts {
		out = append(out, p)
		if n, ok := arrays[strings.Join(parts[:i+1], ".")]; ok && i < len(parts)-1 {
			out = append(out, strconv.Itoa(n-1))
		}
	}
	return strings.Join(out, ".")
}

// keyPath normalises a possibly dotted, possibly quoted TOML key.
func keyPath(k string) string {
	parts := strings.Split(strings.TrimSpace(k), ".")
	for i, p := range parts {
		p = strings.TrimSpace(p)
		if len(p) >= 2 && (p[0] == '"' || p[0] == '\'') && p[len(p)-1] == p[0] {
			p = p[1 : len(p)-1]
		}
		parts[i] = p
	}
	return strings.Join(parts, ".")
}

func stripComment(s string) string {
	if i := strings.IndexByte(s, '#'); i >= 0 {
		return strings.TrimSpace(s[:i])
	}
	return s
}

// bracketDelta counts unclosed [ and { outside strings and comments.
func bracketDelta(s string) int {
	d := 0
	var quote byte
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case quote != 0:
			if c == '\\' && quote == '"' {
				i++
			} else if c == quote {
				quote = 0
			}
		case c == '"' || c == '\'':
			quote = c
		case c == '#':
			return d
		case c == '[' || c == '{':
			d++
		case c == ']' || c == '}':
			d--
		}
	}
	return d
}
