package templates

// descriptions name each email in the applicant's words.
var descriptions = map[string]string{
	"ask":       "request for a letter",
	"follow_up": "letter packet",
	"info":      "answer to their questions",
	"reminder":  "reminder",
	"thank_you": "thank-you",
	"alternate": "reply to a lukewarm answer",
	"digest":    "digest",
}

// Describe names the email a template makes, in plain words ("letter
// packet" for follow_up), for lists, the digest and the dashboard.
func Describe(template string) string {
	if d, ok := descriptions[template]; ok {
		return d
	}
	return template
}

// kinds name each reply kind in the applicant's words.
var kinds = map[string]string{
	"strong_yes": "a yes to a strong letter",
	"hesitant":   "a hesitant answer",
	"decline":    "a decline",
	"needs_info": "a request for information",
	"uploaded":   "an upload",
	"auto_reply": "an automatic reply",
	"other":      "something else",
	"":           "nothing yet",
	"unreadable": "unreadable",
}

// DescribeKind names a reply kind in plain words ("a decline").
func DescribeKind(kind string) string {
	if d, ok := kinds[kind]; ok {
		return d
	}
	return kind
}

// states name each lifecycle state in the applicant's words.
var states = map[string]string{
	"planned":        "not asked yet",
	"asked":          "asked; waiting for an answer",
	"agreed":         "agreed; the letter packet is next",
	"waiting":        "agreed; waiting for the upload",
	"flagged":        "hesitant answer: your decision",
	"info_requested": "asked you for information",
	"declined":       "declined",
	"uploaded":       "uploaded; thank them",
	"done":           "uploaded and thanked",
	"dropped":        "dropped",
}

// DescribeState names a lifecycle state in plain words.
func DescribeState(state string) string {
	if d, ok := states[state]; ok {
		return d
	}
	return state
}
