package templates

import (
	"bytes"
	"fmt"
)

// Digest is what the digest templates can use.
type Digest struct {
	Applicant      Applicant
	Date           string // today, "November 26, 2026"
	Deadline       string
	DueReason      string // why then ("" when the applicant set the date)
	DaysToDeadline int
	Letters        []DigestLetter
	Flags          []DigestFlag
	Unsure         []DigestUnsure // replies lorkeeper is not sure it read right
	Drafts         []DigestDraft
	Failures       []DigestDraft // permanent send failures and held sends
	Replies        []DigestReply // replies worth reading that changed nothing
	Advice         []string      // letter-mix warnings
	AdviceOK       []string      // letter-mix targets met
	Uploaded       int
	Needed         int // letters the applicant still needs (3 minus uploaded)
	// Status says whether lorkeeper is running and working; Problems
	// what stands in its way, in plain words.
	Status    string
	Problems  []string
	Claims    []string // upload notices to check in MyERAS
	Assign    []string // uploaded letters not assigned to programs yet
	Dashboard string   // the dashboard's link, when it is on
}

// DigestLetter is one row of the letters table.
type DigestLetter struct {
	Writer, Name, State string
	DaysSinceRequest    string // "12" or "" before the request
	NextStep, NextDate  string
	Flagged             bool
}

// DigestFlag is a letter that needs the applicant's decision.
type DigestFlag struct {
	Writer, Name, Reason string
	Evidence             []string
	Action               string // what to do, with the command
}

// DigestUnsure is a reply lorkeeper is not sure it read right: the
// applicant should read it and confirm or correct it.
type DigestUnsure struct {
	Writer, Name, Subject string
	Kind                  string // what lorkeeper took it for, in words
	Reason                string
	Evidence              []string
	Action                string
}

// DigestDraft is a draft awaiting review, or one that could not be sent.
type DigestDraft struct {
	ID                        int64
	Writer, Template, Subject string
	Error                     string
}

// DigestReply is a reply shown for reading.
type DigestReply struct {
	Writer, Name, Kind, Subject, Excerpt string
}

// RenderDigest renders the digest email.
func (s *Set) RenderDigest(d Digest) (Message, error) {
	t, ok := s.text["digest"]
	h, okh := s.html["digest"]
	if !ok || !okh {
		return Message{}, fmt.Errorf("render digest: digest.txt and digest.html are both needed")
	}
	var tb, hb bytes.Buffer
	if err := t.Execute(&tb, d); err != nil {
		return Message{}, fmt.Errorf("render digest: %s", cleanErr(err))
	}
	subject, body, err := splitSubject(tb.String())
	if err != nil {
		return Message{}, fmt.Errorf("render digest: %w", err)
	}
	if err := h.Execute(&hb, d); err != nil {
		return Message{}, fmt.Errorf("render digest: %s", cleanErr(err))
	}
	return Message{Subject: subject, Text: body, HTML: hb.String()}, nil
}

// SampleDigest is a filled-in digest for test renders and previews.
func SampleDigest() Digest {
	return Digest{
		Applicant: SampleData().Applicant, Date: "November 26, 2026", Deadline: "September 1, 2027", DaysToDeadline: 279,
		Letters: []DigestLetter{
			{Writer: "smith", Name: "Dr. Jane Smith", State: "waiting", DaysSinceRequest: "12", NextStep: "reminder", NextDate: "Dec 3"},
			{Writer: "nguyen", Name: "Dr. Linh Nguyen", State: "flagged", DaysSinceRequest: "5", NextStep: "your decision", Flagged: true},
		},
		Flags: []DigestFlag{{Writer: "nguyen", Name: "Dr. Linh Nguyen", Reason: "hesitant reply: the letter may not be strong",
			Evidence: []string{"I can write you a standard letter"}, Action: "lorkeeper resolve nguyen keep|replace|drop"}},
		Unsure: []DigestUnsure{{Writer: "smith", Name: "Dr. Jane Smith", Subject: "Re: Letter of recommendation", Kind: "a yes, with a strong letter",
			Reason: `it reads most like a strong yes (agrees: "count me in"), but it could be a hesitant yes`, Evidence: []string{"Count me in, though I did not supervise you directly."},
			Action: "if it is right: lorkeeper correct smith strong_yes; if not: lorkeeper correct smith KIND"}},
		Drafts:    []DigestDraft{{ID: 7, Writer: "nguyen", Template: "alternate", Subject: "Re: Would you feel comfortable..."}},
		Failures:  []DigestDraft{{ID: 3, Writer: "patel", Template: "follow_up", Subject: "Letter of recommendation", Error: "550 5.1.1 mailbox unavailable"}},
		Replies:   []DigestReply{{Writer: "smith", Name: "Dr. Jane Smith", Kind: "other", Subject: "Re: CV", Excerpt: "Got it, thanks!"}},
		Advice:    []string{"1 from radiologists: at least 2 should come from radiologists"},
		Status:    "lorkeeper is running; your mailbox was last read today at 09:12.",
		Problems:  []string{"imap, since Nov 25 14:02: login refused: check the secret in imap.password_env = LORKEEPER_IMAP_PASSWORD"},
		Claims:    []string{"Dr. Priya Patel: a message from notices@portal.example says the letter was uploaded, but it could not be verified: check MyERAS"},
		Dashboard: "http://127.0.0.1:8765/",
		AdviceOK:  []string{"4 letters: programs want 3–4"},
		Needed:    3,
	}
}
