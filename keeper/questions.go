package keeper

import (
	"fmt"
	"regexp"
	"strings"

	"github.com/lorkeeper/lorkeeper/config"
	"github.com/lorkeeper/lorkeeper/templates"
)

// questionLead matches the start of a sentence that asks for something
// without a question mark ("Please send me your scores", "Kindly share
// the deadline", "I will need your CV").
var questionLead = regexp.MustCompile(`(?i)^(?:please|kindly|could you|can you|would you|will you|do you|are you|is there|what|when|where|which|how|who|send me|i(?:'ll| will| would)? need|let me know|tell me|share)\b`)

// listItem matches a numbered or bulleted line ("1.", "2)", "a)", "-").
var listItem = regexp.MustCompile(`^\s*(?:\d{1,2}[.)]|[a-h][.)]|[-*•])\s+`)

// Questions returns what a writer asks in their own words (never the
// quoted request): sentences that end with a question mark, requests
// ("Please send…"), and the items of a numbered or bulleted list, each
// once, in order.
func Questions(newText string) []string {
	var out []string
	seen := map[string]bool{}
	add := func(q string) {
		q = strings.TrimSpace(listItem.ReplaceAllString(q, ""))
		q = strings.Join(strings.Fields(q), " ")
		key := strings.ToLower(q)
		if len(q) < 8 || seen[key] {
			return
		}
		seen[key] = true
		out = append(out, q)
	}
	for _, line := range strings.Split(newText, "\n") {
		if listItem.MatchString(line) {
			add(line)
			continue
		}
		for _, s := range sentences(line) {
			if strings.HasSuffix(s, "?") || questionLead.MatchString(s) {
				add(s)
			}
		}
	}
	return out
}

// sentences splits a line at sentence ends, keeping the punctuation.
func sentences(line string) []string {
	var out []string
	start := 0
	for i := 0; i < len(line); i++ {
		if c := line[i]; (c == '?' || c == '.' || c == '!') && (i+1 == len(line) || line[i+1] == ' ') {
			out = append(out, strings.TrimSpace(line[start:i+1]))
			start = i + 1
		}
	}
	if rest := strings.TrimSpace(line[start:]); rest != "" {
		out = append(out, rest)
	}
	return out
}

// fact is one thing the config can answer, and the words that ask for it.
type fact struct {
	asks   *regexp.Regexp
	answer func(c *config.Config, w config.Writer, attached []string) string
}

var facts = []fact{
	{regexp.MustCompile(`(?i)\b(?:usmle|step\s*[12]|step one|step two|board scores?|scores?)\b`), func(c *config.Config, _ config.Writer, _ []string) string {
		a := c.Applicant
		var parts []string
		if a.USMLEStep1 != "" {
			parts = append(parts, "USMLE Step 1: "+a.USMLEStep1)
		}
		if a.USMLEStep2 != "" {
			parts = append(parts, "Step 2 CK: "+a.USMLEStep2)
		}
		if a.COMLEX != "" {
			parts = append(parts, "COMLEX: "+a.COMLEX)
		}
		return strings.Join(parts, "; ")
	}},
	{regexp.MustCompile(`(?i)\b(?:ecfmg|certif(?:ied|ication))\b`), func(c *config.Config, _ config.Writer, _ []string) string {
		if c.Applicant.ECFMG == "" {
			return ""
		}
		return "ECFMG: " + c.Applicant.ECFMG
	}},
	{regexp.MustCompile(`(?i)\b(?:visa|j-?1|h-?1b?|sponsor\w*)\b`), func(c *config.Config, _ config.Writer, _ []string) string {
		if c.Applicant.Visa == "" {
			return ""
		}
		return "Visa: " + c.Applicant.Visa
	}},
	{regexp.MustCompile(`(?i)\b(?:deadline|due|by when|when do you need|how soon|timeline|date)\b`), func(c *config.Config, _ config.Writer, _ []string) string {
		due := c.Applicant.Due
		if due.Date.IsZero() {
			return ""
		}
		return "The letter is due by " + templates.LongDate(due.Date) + "."
	}},
	{regexp.MustCompile(`(?i)\b(?:programs?|how many|where are you applying|list of)\b`), func(c *config.Config, _ config.Writer, _ []string) string {
		if n := c.Applicant.ProgramsApplying; n > 0 {
			return fmt.Sprintf("I am applying to %d %s programs.", n, c.Applicant.Specialty)
		}
		return ""
	}},
	{regexp.MustCompile(`(?i)\b(?:cv|curriculum|résumé|resume|personal statement|statement|summary|draft|bullet)\b`), func(_ *config.Config, _ config.Writer, attached []string) string {
		if len(attached) == 0 {
			return ""
		}
		return "Attached: " + strings.Join(attached, ", ") + "."
	}},
	{regexp.MustCompile(`(?i)\b(?:submit|upload|portal|link|how do i|letter id|request form)\b`), func(_ *config.Config, _ config.Writer, _ []string) string {
		return "The AAMC Letter Writer Portal emails you a secure upload link once I request the letter in MyERAS; if it does not arrive (check your spam folder), I can have it sent again."
	}},
}

// answers pairs each question with what the config knows, or "" where
// the applicant must answer.
func answers(c *config.Config, w config.Writer, questions, attached []string) []templates.QA {
	out := make([]templates.QA, 0, len(questions))
	for _, q := range questions {
		qa := templates.QA{Question: q}
		for _, f := range facts {
			if f.asks.MatchString(q) {
				if a := f.answer(c, w, attached); a != "" {
					qa.Answer = a
					break
				}
			}
		}
		out = append(out, qa)
	}
	return out
}

// materials matches a question asking for the letter packet.
var materials = regexp.MustCompile(`(?i)\b(?:cv|curriculum|résumé|resume|personal statement|statement|summary|materials|documents?)\b`)

func asksForMaterials(qs []templates.QA) bool {
	for _, q := range qs {
		if materials.MatchString(q.Question) {
			return true
		}
	}
	return false
}
