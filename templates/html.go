package templates

import (
	"html"
	"strings"
)

// TextToHTML renders a plain-text email as simple HTML: paragraphs at
// blank lines, "- " lines as lists, line breaks kept, everything escaped.
// It is how the HTML alternative of a personal email (and of an edited
// draft) is made, so the two parts always say the same thing.
func TextToHTML(text string) string {
	var b strings.Builder
	b.WriteString(`<!DOCTYPE html><html><head><meta charset="utf-8"></head>` +
		`<body style="font-family: Arial, Helvetica, sans-serif; font-size: 14px; line-height: 1.5; color: #222;">` + "\n")
	for _, para := range strings.Split(strings.ReplaceAll(text, "\r\n", "\n"), "\n\n") {
		lines := strings.Split(strings.Trim(para, "\n"), "\n")
		if len(lines) == 1 && strings.TrimSpace(lines[0]) == "" {
			continue
		}
		var list, prose []string
		flush := func() {
			if len(prose) > 0 {
				b.WriteString("<p>" + strings.Join(prose, "<br>\n") + "</p>\n")
				prose = nil
			}
			if len(list) > 0 {
				b.WriteString("<ul>\n")
				for _, li := range list {
					b.WriteString("<li>" + li + "</li>\n")
				}
				b.WriteString("</ul>\n")
				list = nil
			}
		}
		for _, l := range lines {
			t := strings.TrimSpace(l)
			if item, ok := strings.CutPrefix(t, "- "); ok {
				if len(prose) > 0 {
					flush()
				}
				list = append(list, html.EscapeString(item))
				continue
			}
			if len(list) > 0 {
				flush()
			}
			prose = append(prose, html.EscapeString(l))
		}
		flush()
	}
	b.WriteString("</body></html>\n")
	return b.String()
}
