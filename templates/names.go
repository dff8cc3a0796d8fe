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
