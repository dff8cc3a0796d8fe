package classify

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/lorkeeper/lorkeeper/reader"
)

const quotedAsk = `

On Mon, Jun 9, 2025 at 8:14 AM Rafael Mendes <rafael@inbox.test> wrote:

> Dear Dr. X,
> Would you be willing to write a strong letter of recommendation for my
> diagnostic radiology application? I am happy to send my CV.
> Best regards,
> Rafael`

// parseMsg parses a text/plain reply with the given extra header lines.
func parseMsg(t testing.TB, header, body string) *reader.Message {
	t.Helper()
	raw := "From: Dr X <x@hospital.test>\nTo: Rafael Mendes <rafael@inbox.test>\n" +
		"Subject: Re: Letter of recommendation request\nDate: Mon, 09 Jun 2025 09:00:00 -0400\n" +
		"In-Reply-To: <ask@inbox.test>\n" + header + "Content-Type: text/plain; charset=utf-8\n\n" + body
	m, err := reader.Parse(strings.NewReader(strings.ReplaceAll(raw, "\n", "\r\n")))
	if err != nil {
		t.Fatalf("parse: %v", err)
	}
	return m
}

// check classifies body (with the quoted ask below it) and verifies the
// kind and that the evidence holds want and nothing of the quote.
func check(t *testing.T, body string, kind Kind, want string) Result {
	t.Helper()
	r := Classify(parseMsg(t, "", body+quotedAsk))
	if r.Kind != kind {
		t.Errorf("%q: got %s, want %s (evidence %q)", body, r.Kind, kind, r.Evidence)
	}
	joined := strings.Join(r.Evidence, " | ")
	if want != "" && !strings.Contains(joined, want) {
		t.Errorf("%q: evidence %q lacks %q", body, r.Evidence, want)
	}
	if strings.Contains(joined, "Would you be willing") || strings.Contains(joined, "diagnostic radiology application") {
		t.Errorf("%q: evidence quotes the ask: %q", body, r.Evidence)
	}
	return r
}

func TestNegation(t *testing.T) {
	check(t, "I would not be able to write a strong letter for you, but I could write a brief one about your attendance.", Hesitant, "not be able to write a strong letter")
	check(t, "I don't think I can write you a strong letter. What I can do is write one about your punctuality.", Hesitant, "What I can do is")
	check(t, "I don't feel I could write you a strong letter, so I am going to decline.", Decline, "going to decline")
	check(t, "I don't agree to write letters unless I can write a strong one. In your case that is not even a question. So yes, enthusiastically.", StrongYes, "enthusiastically")
	check(t, "There is no doubt in my mind that you deserve a strong letter, and I will gladly write it.", StrongYes, "strong letter")
	check(t, "It won't be a generic letter: I'll write you a strong, detailed one. You were outstanding.", StrongYes, "outstanding")
}

func TestInnocentStandard(t *testing.T) {
	check(t, "Of course I'll write for you, and it will be a strong letter. I'll upload it before the standard September 1 deadline.", StrongYes, "strong letter")
	check(t, "Before I can give you an answer: is the letter submitted through the standard ERAS portal? What is the deadline?", NeedsInfo, "standard ERAS portal")
	check(t, "Yes - I'll write you a strong letter. Please use the standard letter request form.", StrongYes, "strong letter")
}

func TestQuotedAskSaysStrong(t *testing.T) {
	r := check(t, "Sure, I can write you a letter.", Hesitant, "Sure, I can write you a letter.")
	for _, e := range r.Evidence {
		if strings.Contains(strings.ToLower(e), "strong") {
			t.Errorf("evidence from the quote: %q", e)
		}
	}
	check(t, "Sorry Rafael, I won't be able to write this one.", Decline, "won't be able to write")
	check(t, "When's the deadline? And remind me which month you rotated with us?", NeedsInfo, "deadline")
}

func TestHesitantForms(t *testing.T) {
	for body, want := range map[string]string{
		"Sure, I can write you a standard letter.":                                                   "standard letter",
		"Happy to write you a letter.":                                                               "Happy to write you a letter.",
		"I'll see what I can do.":                                                                    "see what I can do",
		"I can write a letter for you, but to be honest it may not be very strong.":                  "may not be very strong",
		"Happy to help, though we only worked together briefly.":                                     "only worked together briefly",
		"I think Dr. Stone would be a better choice, but I can still write one if you'd like.":       "better choice",
		"I can write a letter confirming that you attended the observership.":                        "letter confirming",
		"Ok. I'll do it. Send me your stuff.":                                                        "I'll do it.",
		"Yes I'll write it, though it will be fairly general since it has been years.":               "fairly general",
		"I can provide a reference, although I only supervised you for three sessions.":              "only supervised",
		"I'm willing to write something, but my letter would be brief.":                              "write something",
		"If that would still be useful, send me the form and I will get it in by the end of August.": "If that would still be useful",
	} {
		check(t, body, Hesitant, want)
	}
}

func TestUploadedWinsOverPraise(t *testing.T) {
	check(t, "Just uploaded my letter to the ERAS portal. It's a strong one - you were outstanding.", Uploaded, "Just uploaded my letter")
	check(t, "I uploaded my letter yesterday. It's not the longest letter since we only worked together briefly.", Uploaded, "I uploaded my letter")
	check(t, "Absolutely - you will get a glowing letter. I will let you know once it has been uploaded.", StrongYes, "glowing letter")
}

func TestNeedsInfoAndStrongWithMaterials(t *testing.T) {
	check(t, "Before I commit, could you send me your CV and personal statement?", NeedsInfo, "Before I commit")
	check(t, "I'd want to be sure I can write you a strong letter before I say yes. Could we set up a call?", NeedsInfo, "before I say yes")
	check(t, "Happy to consider it. A couple of questions first: which programs are you applying to?", NeedsInfo, "Happy to consider it.")
	check(t, "Yes, I can write you a strong letter. Please send me the ERAS form, your CV and your personal statement.", StrongYes, "strong letter")
}

func TestDeclineForms(t *testing.T) {
	check(t, "Unfortunately I can't this time. Good luck!", Decline, "Unfortunately I can't this time.")
	check(t, "I'm afraid I won't be able to write a letter for you. I'd be happy to answer questions about our program, though.", Decline, "won't be able to write a letter")
	check(t, "I must decline; I have already agreed to write for several other applicants.", Decline, "must decline")
	check(t, "Our department does not allow faculty to write letters for observers. Our office can issue a certificate confirming your dates if that is useful.", Decline, "does not allow")
}

func TestAutoGeneratedPortalNotice(t *testing.T) {
	notice := func(subject, body string) Result {
		raw := "From: Portal <no-reply@portal.test>\nTo: Rafael Mendes <rafael@inbox.test>\nSubject: " + subject +
			"\nAuto-Submitted: auto-generated\nContent-Type: text/plain\n\n" + body
		m, err := reader.Parse(strings.NewReader(strings.ReplaceAll(raw, "\n", "\r\n")))
		if err != nil {
			t.Fatal(err)
		}
		if m.Auto.Is {
			t.Errorf("%s: portal notice taken for an automatic reply: %+v", subject, m.Auto)
		}
		return Classify(m)
	}
	r := notice("Letter uploaded", "A letter of recommendation has been uploaded on your behalf.\n\nThis is an automated message. Please do not reply.")
	if r.Kind != Uploaded || len(r.Evidence) == 0 || !strings.Contains(r.Evidence[0], "has been uploaded") {
		t.Errorf("portal upload notice: %+v", r)
	}
	r = notice("Your letter request was sent", "Your letter request has been sent.\nStatus: Requested - awaiting letter\n\nWe'll email you when the letter is submitted.")
	if r.Kind != Other {
		t.Errorf("portal request notice: %+v", r)
	}
}

func TestAutoReply(t *testing.T) {
	m := parseMsg(t, "", "This is an automated response. I am away from the hospital until Monday, July 7, and will not be reading email.")
	r := Classify(m)
	if r.Kind != AutoReply || !r.ReturnDate.Equal(time.Date(2025, 7, 7, 0, 0, 0, 0, r.ReturnDate.Location())) {
		t.Fatalf("auto reply without headers: %+v", r)
	}
	if len(r.Evidence) != 1 || !strings.Contains(r.Evidence[0], "automated response") {
		t.Errorf("evidence = %q", r.Evidence)
	}
	m = parseMsg(t, "Auto-Submitted: auto-replied\n", "I am out of the office. Requests for letters of recommendation go to my assistant.")
	if r := Classify(m); r.Kind != AutoReply || r.Evidence[0] != "Auto-Submitted: auto-replied" {
		t.Errorf("header auto reply: %+v", r)
	}
	m = parseMsg(t, "", "I'm traveling with limited email access until Friday, but yes, I'll gladly write you a strong letter - you were superb.")
	if r := Classify(m); r.Kind != StrongYes {
		t.Errorf("a person's answer mentioning an absence: %+v", r)
	}
}

func TestQuoteStylesEvidence(t *testing.T) {
	ask := "Would you be willing to write a strong letter of recommendation?"
	styles := map[string]string{
		"gmail":    "\n\nOn Mon, Jun 9, 2025 at 8:14 AM Rafael <rafael@inbox.test> wrote:\n\n> " + ask,
		"wrapped":  "\n\nOn Mon, Jun 9, 2025 at 8:14 AM Rafael <rafael@inbox.test>\nwrote:\n\n> " + ask,
		"outlook":  "\n\nFrom: Rafael Mendes <rafael@inbox.test>\nSent: Monday, June 9, 2025\nTo: Dr X\nSubject: Letter\n\n" + ask,
		"original": "\n\n-----Original Message-----\nFrom: Rafael Mendes <rafael@inbox.test>\nSent: Monday\nTo: Dr X\nSubject: Letter\n\n" + ask,
		"pt":       "\n\nDe: Rafael Mendes <rafael@inbox.test>\nEnviado: segunda-feira\nPara: Dr X\nAssunto: Letter\n\n" + ask,
		"escreveu": "\n\nEm 09/07/2025 10:14, Rafael Mendes escreveu:\n\n> " + ask,
		"iphone":   "\n\nSent from my iPhone\n\nOn Jun 9, 2025, at 8:14 AM, Rafael <rafael@inbox.test> wrote:\n\n> " + ask,
	}
	for name, quote := range styles {
		r := Classify(parseMsg(t, "", "Sure, I can write you a letter."+quote))
		if r.Kind != Hesitant || len(r.Evidence) != 1 || r.Evidence[0] != "Sure, I can write you a letter." {
			t.Errorf("%s: %+v", name, r)
		}
	}
}

func TestCarriesLetter(t *testing.T) {
	tests := []struct {
		name string
		att  reader.Attachment
		want bool
	}{
		{"lor pdf", reader.Attachment{Filename: "LOR_Mendes.pdf", ContentType: "application/pdf"}, true},
		{"docx", reader.Attachment{Filename: "Letter of recommendation.docx"}, true},
		{"text letter", reader.Attachment{Filename: "mendes.txt", ContentType: "text/plain", Text: "To the Program Director:\n\nI recommend Dr. Mendes without reservation."}, true},
		{"questionnaire", reader.Attachment{Filename: "LOR_request_questionnaire.pdf", ContentType: "application/pdf"}, false},
		{"request form", reader.Attachment{Filename: "Letter Request Form.pdf"}, false},
		{"certificate", reader.Attachment{Filename: "Observership_certificate.pdf"}, false},
		{"calendar", reader.Attachment{Filename: "invite.ics", ContentType: "text/calendar", Text: "BEGIN:VCALENDAR"}, false},
		{"image", reader.Attachment{Filename: "LOR.png", ContentType: "image/png"}, false},
	}
	for _, tt := range tests {
		got, why := CarriesLetter(&reader.Message{Attachments: []reader.Attachment{tt.att}})
		if got != tt.want || got && why == "" {
			t.Errorf("%s: got %v (%q), want %v", tt.name, got, why, tt.want)
		}
	}
	if ok, _ := CarriesLetter(nil); ok {
		t.Error("nil message carries a letter")
	}
}

func TestKindFile(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.eml")
	if err := os.WriteFile(bad, []byte("\x00\x01 not a message\r\nreally not\r\n"), 0o600); err != nil {
		t.Fatal(err)
	}
	r, err := KindFile(bad)
	if err != nil || r.Kind != Other || !strings.HasPrefix(r.Note, "malformed message: ") {
		t.Errorf("malformed file: %+v, %v", r, err)
	}
	if _, err := KindFile(filepath.Join(dir, "missing.eml")); err == nil {
		t.Error("missing file: no error")
	}
	if r := Classify(nil); r.Kind != Other {
		t.Errorf("nil message: %+v", r)
	}
}

// TestScopeFixes covers four shapes of reply that once went wrong: an
// offer behind a polite condition, a sign-what-you-draft offer, a bare
// "I agree" with advocacy, and "it is in <some document>", which is not
// an upload.
func TestScopeFixes(t *testing.T) {
	check(t, "Someone who knows your day-to-day work better might be a good idea, but if you want, I can still write one.", Hesitant, "still write")
	check(t, "Things are hectic. If you write something up, I will read it over and sign it. That is about all I can manage.", Hesitant, "sign")
	check(t, "I wholeheartedly agree. I will put my full support behind you, and I am glad to phone your top programs.", StrongYes, "agree")
	check(t, "Our bylaws do not allow faculty to write letters for short-term visitors. It is in the visitor handbook, and I cannot make an exception.", Decline, "")
	check(t, "All set: it is in the portal now.", Uploaded, "portal")
	check(t, "Quick note: it went in this morning.", Uploaded, "went in")
}
