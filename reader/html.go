package reader

import (
	"strings"

	"golang.org/x/net/html"
	"golang.org/x/net/html/atom"
)

// htmlToText renders HTML as readable plain text: block elements and <br>
// break lines, paragraphs and headings are separated by blank lines, list
// items get a "- " bullet, table cells are separated by spaces, scripts,
// styles and hidden elements are dropped, and the content of <blockquote>
// is prefixed with "> " per level so that quotes can be recognised.
func htmlToText(s string) string {
	doc, err := html.Parse(strings.NewReader(s))
	if err != nil {
		return strings.TrimSpace(s)
	}
	w := &textWriter{}
	w.walk(doc, 0)
	w.newline()
	return w.String()
}

// textWriter accumulates rendered lines.
type textWriter struct {
	lines    []string
	cur      strings.Builder
	curDepth int  // quote depth of the line being written
	depth    int  // current blockquote depth
	pre      int  // inside <pre>
	content  bool // cur holds something other than collapsible space
	space    bool // a collapsed space is pending before the next word
}

// maxHTMLDepth bounds the element nesting the renderer follows; deeper
// content is still rendered, as inline text.
const maxHTMLDepth = 256

func (w *textWriter) walk(n *html.Node, level int) {
	switch n.Type {
	case html.TextNode:
		w.text(n.Data)
		return
	case html.ElementNode:
	case html.DocumentNode:
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			w.walk(c, level+1)
		}
		return
	default:
		return
	}
	if skipElement(n) {
		return
	}
	if level > maxHTMLDepth {
		for c := n.FirstChild; c != nil; c = c.NextSibling {
			w.walk(c, level)
		}
		return
	}
	w.open(n)
	for c := n.FirstChild; c != nil; c = c.NextSibling {
		w.walk(c, level+1)
	}
	w.close(n)
}

// skipElement reports elements whose content is not shown.
func skipElement(n *html.Node) bool {
	switch n.DataAtom {
	case atom.Script, atom.Style, atom.Head, atom.Title, atom.Noscript, atom.Template,
		atom.Svg, atom.Object, atom.Iframe, atom.Meta, atom.Link, atom.Img:
		return true
	}
	for _, a := range n.Attr {
		if a.Key == "style" || a.Key == "hidden" {
			v := strings.ToLower(strings.ReplaceAll(a.Val, " ", ""))
			if a.Key == "hidden" || strings.Contains(v, "display:none") || strings.Contains(v, "mso-hide:all") {
				return true
			}
		}
	}
	return false
}

func (w *textWriter) open(n *html.Node) {
	switch n.DataAtom {
	case atom.Br:
		w.newline()
	case atom.Blockquote:
		w.paragraph()
		w.depth++
	case atom.P:
		if isMsoParagraph(n) {
			w.block()
		} else {
			w.paragraph()
		}
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6, atom.Table, atom.Ul, atom.Ol, atom.Dl:
		w.paragraph()
	case atom.Pre:
		w.paragraph()
		w.pre++
	case atom.Li:
		w.block()
		w.word("- ")
		w.space = false
	case atom.Hr:
		w.paragraph()
	case atom.Td, atom.Th:
		if w.content {
			w.space = true
		}
	default:
		if isBlock(n.DataAtom) {
			w.block()
		}
	}
}

func (w *textWriter) close(n *html.Node) {
	switch n.DataAtom {
	case atom.Blockquote:
		w.block()
		w.depth--
		w.paragraph()
	case atom.P:
		if isMsoParagraph(n) {
			w.block()
		} else {
			w.paragraph()
		}
	case atom.H1, atom.H2, atom.H3, atom.H4, atom.H5, atom.H6, atom.Table, atom.Ul, atom.Ol, atom.Dl:
		w.paragraph()
	case atom.Pre:
		w.pre--
		w.paragraph()
	case atom.Td, atom.Th:
		w.space = w.content
	default:
		if isBlock(n.DataAtom) {
			w.block()
		}
	}
}

func isBlock(a atom.Atom) bool {
	switch a {
	case atom.Address, atom.Article, atom.Aside, atom.Center, atom.Dd, atom.Details,
		atom.Dialog, atom.Div, atom.Dt, atom.Fieldset, atom.Figcaption, atom.Figure,
		atom.Footer, atom.Form, atom.Header, atom.Main, atom.Nav, atom.Section,
		atom.Tr, atom.Caption, atom.Summary, atom.Body, atom.Html:
		return true
	}
	return false
}

// isMsoParagraph reports Word-generated paragraphs (class "MsoNormal" and
// friends), which have no margins: one per line, with empty ones for
// blank lines.
func isMsoParagraph(n *html.Node) bool {
	for _, a := range n.Attr {
		if a.Key == "class" && strings.HasPrefix(strings.ToLower(a.Val), "mso") {
			return true
		}
	}
	return false
}

func (w *textWriter) text(s string) {
	if w.pre > 0 {
		for i, line := range strings.Split(s, "\n") {
			if i > 0 {
				w.newline()
			}
			w.word(line)
		}
		return
	}
	for i, f := range strings.FieldsFunc(s, isHTMLSpace) {
		if i > 0 || startsWithSpace(s) {
			w.space = true
		}
		w.word(f)
	}
	if endsWithSpace(s) {
		w.space = true
	}
}

func isHTMLSpace(r rune) bool {
	return r == ' ' || r == '\t' || r == '\n' || r == '\r' || r == '\f'
}

func startsWithSpace(s string) bool { return s != "" && isHTMLSpace(rune(s[0])) }
func endsWithSpace(s string) bool   { return s != "" && isHTMLSpace(rune(s[len(s)-1])) }

// word writes a piece of text, preceded by a pending space when the line
// already has content.
func (w *textWriter) word(s string) {
	if s == "" {
		return
	}
	if !w.content && w.cur.Len() == 0 {
		w.curDepth = w.depth
	}
	if w.space && w.content {
		w.cur.WriteByte(' ')
	}
	w.space = false
	w.cur.WriteString(s)
	w.content = true
}

// newline ends the current line, even when it is empty.
func (w *textWriter) newline() {
	depth := w.curDepth
	if !w.content {
		depth = w.depth
	}
	line := strings.TrimRight(strings.ReplaceAll(w.cur.String(), "\u00a0", " "), " \t")
	if depth > 0 {
		line = strings.TrimRight(strings.Repeat("> ", depth)+line, " ")
	}
	w.lines = append(w.lines, line)
	w.cur.Reset()
	w.content = false
	w.space = false
}

// block ends the current line if it has content.
func (w *textWriter) block() {
	if w.content {
		w.newline()
	}
	w.space = false
}

// paragraph ends the current line and makes sure a blank line follows.
func (w *textWriter) paragraph() {
	w.block()
	if n := len(w.lines); n > 0 && strings.Trim(w.lines[n-1], "> ") != "" {
		w.newline()
	}
}

// String returns the rendered text with runs of blank lines collapsed.
func (w *textWriter) String() string {
	var b strings.Builder
	blank := true // drop leading blank lines
	for _, line := range w.lines {
		if strings.TrimSpace(line) == "" {
			blank = true
			continue
		}
		if blank && b.Len() > 0 {
			b.WriteByte('\n')
		}
		blank = false
		b.WriteString(line)
		b.WriteByte('\n')
	}
	return strings.TrimRight(b.String(), "\n")
}
