package classify

import (
	"strings"
	"testing"
)

// The behaviours issue 13 names, each with the quoted "strong letter"
// ask below the reply. Kinds and reasons are asserted exactly: these are
// what an applicant would notice.

func wantReason(t *testing.T, body string, r Result, parts ...string) {
	t.Helper()
	if r.Reason == "" {
		t.Errorf("%q: no reason", body)
	}
	for _, p := range parts {
		if !strings.Contains(r.Reason, p) {
			t.Errorf("%q: reason %q lacks %q", body, r.Reason, p)
		}
	}
}

func TestIssuePoliteDecline(t *testing.T) {
	body := "I'm sorry, but I don't think I know your work well enough to write a letter that would help you."
	r := check(t, body, Decline, "know your work well enough")
	wantReason(t, body, r, "declined")
	if r.Unsure {
		t.Errorf("%q: unsure (%.2f)", body, r.Confidence)
	}
}

func TestIssueYesWithoutStrength(t *testing.T) {
	body := "Yes, I would be happy to. Can you send me your CV?"
	r := check(t, body, Hesitant, "Yes, I would be happy to.")
	wantReason(t, body, r, "without saying the letter will be strong")
}

func TestIssueStrengtheningNegation(t *testing.T) {
	for _, body := range []string{
		"I could never write anything but a glowing letter for you.",
		"Of course. You won't get a lukewarm letter from me - you earned a strong one.",
		"I don't hand out strong letters lightly, but for you it is an easy yes.",
	} {
		r := check(t, body, StrongYes, "")
		wantReason(t, body, r)
	}
}

func TestIssueInnocentStandard(t *testing.T) {
	for _, body := range []string{
		"I can write you a strong letter. The standard process is that you send me the ERAS request and I upload it.",
		"Happy to. I'll follow the standard ERAS steps, and you can count on a strong letter from me.",
	} {
		check(t, body, StrongYes, "strong letter")
	}
}

func TestIssueStrengthInSecondClause(t *testing.T) {
	check(t, "Yes. And it will be a strong one - you were the best observer we had this year.", StrongYes, "")
	check(t, "Sure thing, and I'll make it a glowing letter.", StrongYes, "")
}

func TestIssueRhetoricalYes(t *testing.T) {
	check(t, "How could I say no? You were the best student I supervised this year. Send me the form.", StrongYes, "")
}

func TestIssueFormalGlowingYesWithDraft(t *testing.T) {
	body := "Dear Dr. Mendes,\n\nI am in receipt of your kind mail. It will be my privilege to recommend you in the highest terms; you were among the most sincere and meritorious postgraduates of our department. Kindly go through the draft I will prepare and revert with any corrections of dates.\n\nWith best wishes,\nProf. R. Subramanian"
	check(t, body, StrongYes, "")
}

// Hedges that use no hedge word.
func TestIssueHedgesWithoutHedgeWords(t *testing.T) {
	for body, want := range map[string]string{
		"Yes, I can write that you attended every session on time and were always courteous to the staff.": "",
		"I can provide a letter confirming the dates of your observership.":                                "confirming",
		"Happy to sign one if you draft it and send it to me.":                                             "draft",
		"Sure. Fair warning that my letters tend to be brief, a paragraph or so.":                          "brief",
	} {
		r := check(t, body, Hesitant, want)
		wantReason(t, body, r)
	}
}

// Declines that never say no.
func TestIssueDeclinesWithoutNo(t *testing.T) {
	for _, body := range []string{
		"I'm stepping back from writing letters this season, as I'm on the selection committee. I hope you understand.",
		"Our program rules don't allow fellows to write letters for applicants, I'm afraid.",
		"I think it is best that I don't. I left the department soon after you joined and could not honestly say much.",
	} {
		r := check(t, body, Decline, "")
		wantReason(t, body, r, "declined")
	}
}

// TestReasons: every hesitant, decline and unsure result says why in
// plain words, and an unsure one says so.
func TestReasons(t *testing.T) {
	r := check(t, "I only overlapped with you for a week, but I can write a short letter.", Hesitant, "")
	wantReason(t, "short", r, "hedged")
	for _, body := range []string{
		"Hmm. Let me see.",
		"Thanks, will look at it.",
		"OK.",
	} {
		r := Classify(parseMsg(t, "", body+quotedAsk))
		if r.Unsure && !strings.HasPrefix(r.Reason, "unsure — please read it") {
			t.Errorf("%q: unsure with reason %q", body, r.Reason)
		}
		if (r.Kind == Hesitant || r.Kind == Decline || r.Unsure) && r.Reason == "" {
			t.Errorf("%q: %s without a reason", body, r.Kind)
		}
	}
}

// TestQuotedAskNeverDecides puts the same plain yes (hesitant: it avoids
// any strength) above the "strong letter" ask in every quote layout the
// issue names: the quote must change nothing.
func TestQuotedAskNeverDecides(t *testing.T) {
	ask := "Would you be willing to write a strong letter of recommendation for me? It would mean a great deal."
	reply := "Yes, I can write you a letter."
	layouts := map[string]string{
		"de gmail":      "Am Mo., 16. Juni 2025 um 09:00 Uhr schrieb Rafael Mendes <rafael@inbox.test>:\n\n> " + ask,
		"de outlook":    "Von: Rafael Mendes <rafael@inbox.test>\nGesendet: Montag, 16. Juni 2025 09:00\nAn: Dr X\nBetreff: Letter\n\n" + ask,
		"es gmail":      "El lun, 16 jun 2025 a las 9:00, Rafael Mendes (<rafael@inbox.test>) escribió:\n\n> " + ask,
		"es outlook":    "De: Rafael Mendes <rafael@inbox.test>\nEnviado el: lunes, 16 de junio de 2025 9:00\nPara: Dr X\nAsunto: Carta\n\n" + ask,
		"fr gmail":      "Le lun. 16 juin 2025 à 09:00, Rafael Mendes <rafael@inbox.test> a écrit :\n\n> " + ask,
		"fr outlook":    "De : Rafael Mendes <rafael@inbox.test>\nEnvoyé : lundi 16 juin 2025 09:00\nÀ : Dr X\nObjet : Lettre\n\n" + ask,
		"pt gmail":      "Em seg., 16 de jun. de 2025 às 09:00, Rafael Mendes <rafael@inbox.test> escreveu:\n\n> " + ask,
		"pt outlook":    "De: Rafael Mendes <rafael@inbox.test>\nEnviada em: segunda-feira, 16 de junho de 2025 09:00\nPara: Dr X\nAssunto: Carta\n\n" + ask,
		"original":      "-------- Original Message --------\nSubject: Letter\nDate: Mon, 16 Jun 2025 09:00\nFrom: Rafael Mendes <rafael@inbox.test>\nTo: Dr X\n\n" + ask,
		"forwarded":     "---------- Forwarded message ---------\nFrom: Rafael Mendes <rafael@inbox.test>\nDate: Mon, Jun 16, 2025\nSubject: Letter\nTo: Dr X\n\n" + ask,
		"pl outlook":    "Od: Rafael Mendes <rafael@inbox.test>\nWysłano: 16 czerwca 2025 09:00\nDo: Dr X\nTemat: Letter\n\n" + ask,
		"no header":     "\n" + ask, // pasted without any header: the ask itself is dropped
		"html quote":    "> " + ask,
		"top and quote": "On Mon, Jun 16, 2025 at 9:00 AM Rafael Mendes <rafael@inbox.test> wrote:\n> " + ask,
	}
	base := Classify(parseMsg(t, "", reply))
	for name, q := range layouts {
		r := Classify(parseMsg(t, "", reply+"\n\n"+q))
		if r.Kind != base.Kind || r.Kind != Hesitant {
			t.Errorf("%s: got %s, want %s as without the quote", name, r.Kind, base.Kind)
		}
		for _, e := range r.Evidence {
			if strings.Contains(strings.ToLower(e), "strong") {
				t.Errorf("%s: evidence from the quote: %q", name, e)
			}
		}
	}
	// Bottom-posted and interleaved answers are read; the ask is not.
	bottom := "On Mon, Jun 16, 2025 at 9:00 AM Rafael Mendes <rafael@inbox.test> wrote:\n> " + ask + "\n\n" + reply
	if r := Classify(parseMsg(t, "", bottom)); r.Kind != Hesitant {
		t.Errorf("bottom-posted: got %s", r.Kind)
	}
	inline := "> " + ask + "\n\nI can write you a letter.\n\n> I am happy to send my CV.\n\nPlease do."
	if r := Classify(parseMsg(t, "", inline)); r.Kind != Hesitant {
		t.Errorf("interleaved: got %s", r.Kind)
	}
}
