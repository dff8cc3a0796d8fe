package reader

import (
	"strings"
	"testing"
	"time"
)

const ask = "Would you write a strong letter of recommendation for me?"

func TestQuoteStyles(t *testing.T) {
	tests := []struct{ name, body string }{
		{"gmail", "I can write you a letter.\n\nOn Mon, Jun 9, 2025 at 8:14 AM Rafael Mendes <r@inbox.test> wrote:\n\n> " + ask},
		{"gmail wrapped", "I can write you a letter.\n\nOn Mon, Jun 9, 2025 at 8:14 AM Rafael Mendes <r@inbox.test>\nwrote:\n\n> " + ask},
		{"iphone", "I can write you a letter.\n\nSent from my iPhone\n\nOn Jun 11, 2025, at 1:10 PM, Rafael Mendes <r@inbox.test> wrote:\n\n> " + ask},
		{"thunderbird", "I can write you a letter.\n\nOn 7/11/25 12:00 PM, Rafael Mendes wrote:\n> " + ask},
		{"roundcube", "I can write you a letter.\n\nOn 2025-07-01 13:03, Rafael Mendes wrote:\n\n> " + ask},
		{"bare", "I can write you a letter.\n\nRafael Mendes wrote:\n> " + ask},
		{"portuguese escreveu", "I can write you a letter.\n\nEm 09/07/2025 10:14, Rafael Mendes escreveu:\n\n> " + ask},
		{"german", "I can write you a letter.\n\nAm 09.07.2025 um 10:14 schrieb Rafael Mendes <r@inbox.test>:\n> " + ask},
		{"outlook", "I can write you a letter.\n\n________________________________\nFrom: Rafael Mendes <r@inbox.test>\nSent: Monday, June 9, 2025 9:52 AM\nTo: Dr X <x@h.test>\nSubject: Letter\n\n" + ask},
		{"outlook portuguese", "I can write you a letter.\n\nDe: Rafael Mendes <r@inbox.test>\nEnviado: quarta-feira, 11 de junho de 2025 08:40\nPara: X <x@h.test>\nAssunto: Letter\n\n" + ask},
		{"original message", "I can write you a letter.\n\n-----Original Message-----\nFrom: Rafael Mendes <r@inbox.test>\nSent: Thursday, June 12, 2025 8:00 AM\nTo: Hale, Gregory\nSubject: Letter\n\n" + ask},
		{"inline outlook header", "I can write you a letter.\n\nFrom: Rafael Mendes <r@inbox.test> Sent: Monday To: X Subject: Letter\n" + ask},
		{"nested quotes", "I can write you a letter.\n\nOn Tue, X wrote:\n> Thanks!\n>> On Mon, Y wrote:\n>>> " + ask},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := &Message{To: []Address{{Name: "Rafael Mendes", Addr: "r@inbox.test"}}}
			if got := newText(tt.body, m); got != "I can write you a letter." {
				t.Errorf("newText = %q", got)
			}
		})
	}
}

func TestInterleavedReplyKept(t *testing.T) {
	body := "On Mon, Rafael wrote:\n> Can you write a letter?\n\nYes, gladly.\n\n> When?\n\nBy August."
	if got := newText(body, &Message{}); got != "Yes, gladly.\n\nBy August." {
		t.Errorf("newText = %q", got)
	}
}

func TestForwards(t *testing.T) {
	to := []Address{{Name: "Rafael Mendes", Addr: "r@inbox.test"}}
	portal := "FYI, done.\n\n---------- Forwarded message ---------\nFrom: Portal <no-reply@portal.test>\nDate: Tue, Sep 8\nSubject: Letter submitted\nTo: Dr X <x@h.test>\n\nYour letter has been submitted."
	if got := newText(portal, &Message{To: to, Subject: "Fwd: Letter submitted"}); got != "FYI, done.\n\nYour letter has been submitted." {
		t.Errorf("portal forward: %q", got)
	}
	own := "See below.\n\n---------- Forwarded message ---------\nFrom: Rafael Mendes <r@inbox.test>\nDate: Tue, Sep 8\nSubject: Letter\nTo: Dr X <x@h.test>\n\n" + ask
	if got := newText(own, &Message{To: to, Subject: "Fwd: Letter"}); got != "See below." {
		t.Errorf("applicant's forward kept: %q", got)
	}
	outlookFW := "FYI.\n\nFrom: ERAS <noreply@aamc.test>\nSent: Monday\nTo: Dr X\nSubject: Letter uploaded\n\nA letter was uploaded."
	if got := newText(outlookFW, &Message{To: to, Subject: "FW: Letter uploaded"}); !strings.Contains(got, "A letter was uploaded.") {
		t.Errorf("Outlook FW of a notice dropped: %q", got)
	}
	if got := newText(outlookFW, &Message{To: to, Subject: "RE: Letter uploaded"}); got != "FYI." {
		t.Errorf("Outlook reply quote kept: %q", got)
	}
}

func TestSignaturesAndDisclaimers(t *testing.T) {
	tests := []struct{ name, body, want string }{
		{"dash dash", "Happy to help.\n\n-- \nDr X\nRadiology", "Happy to help."},
		{"mobile", "Happy to help.\n\nSent from my iPhone", "Happy to help."},
		{"outlook mobile", "Happy to help.\n\nGet Outlook for iOS", "Happy to help."},
		{"closing and name", "Hi,\n\nHappy to help.\n\nBest regards,\nKaren Whitfield, MD\nAssociate Professor of Radiology\nLakeshore University", "Hi,\n\nHappy to help."},
		{"name only", "Hi,\n\nHappy to help.\n\nBob", "Hi,\n\nHappy to help."},
		{"disclaimer", "Happy to help.\n\nCONFIDENTIALITY NOTICE: This e-mail message is for the sole use of the intended recipient(s) and may contain confidential information.", "Happy to help."},
		{"external banner", "CAUTION: This email originated from outside of the organization. Do not click links or open attachments.\n\nHappy to help.", "Happy to help."},
		{"closing that is the message", "Thanks!", "Thanks!"},
		// "do", "form", "office" are also signature words; a sentence is not
		// a name block.
		{"short last paragraph", "Hello Leila,\n\nSure, I can do that. Please send me the ERAS form.\n\nRegards,\nDr. Nwosu", "Hello Leila,\n\nSure, I can do that. Please send me the ERAS form."},
		{"notice field", "Hello Leila,\n\nRecommender: Dr. Ana Ruiz\n\nStatus: Complete", "Hello Leila,\n\nRecommender: Dr. Ana Ruiz\n\nStatus: Complete"},
		{"one word answer", "Hi Leila,\n\nDone\n\nBest,\nJ", "Hi Leila,\n\nDone"},
		{"happy to do it", "Hi,\n\nHappy to do it.\n\nBest,\nAnn", "Hi,\n\nHappy to do it."},
		{"title block kept out", "Hi,\n\nDone.\n\nDenise Carter\nAdministrative Assistant to Dr. Anita Patel\nDepartment of Radiology", "Hi,\n\nDone."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := newText(tt.body, &Message{}); got != tt.want {
				t.Errorf("newText = %q, want %q", got, tt.want)
			}
		})
	}
}

func TestAutoReplyDetection(t *testing.T) {
	tests := []struct {
		name, header, body string
		is                 bool
		reason             string
	}{
		{"auto-replied", "Auto-Submitted: auto-replied\nSubject: Re: Letter", "I am away.", true, "Auto-Submitted: auto-replied"},
		{"x-autoreply", "X-Autoreply: yes\nSubject: Auto: Letter", "Thanks.", true, "X-Autoreply: yes"},
		{"x-autorespond", "X-Autorespond: yes\nSubject: Letter", "Thanks.", true, "X-Autorespond: yes"},
		{"precedence", "Precedence: auto_reply\nSubject: Letter", "Thanks.", true, "Precedence: auto_reply"},
		{"subject automatic reply", "Subject: Automatic reply: Letter", "Thanks.", true, `subject "Automatic reply:"`},
		{"subject out of office", "Subject: Out of Office: Letter", "Thanks.", true, `subject "Out of Office:"`},
		{"subject ooo", "Subject: OOO until 4/2", "Back soon.", true, `subject "OOO"`},
		{"subject portuguese", "Subject: =?utf-8?q?Resposta_autom=C3=A1tica=3A_Letter?=", "Férias.", true, `subject "Resposta automática:"`},
		{"body only", "Subject: Re: Letter\nIn-Reply-To: <a@b>", "I am out of the office until Monday, June 16 with limited access to email.", true, "body wording"},
		{"no longer monitored", "Subject: Re: Letter", "This mailbox is no longer monitored.", true, "body wording"},
		{"suppress alone", "X-Auto-Response-Suppress: All\nSubject: RE: Letter\nIn-Reply-To: <a@b>", "I can write a letter.", false, ""},
		{"portal auto-generated", "Auto-Submitted: auto-generated\nFrom: Portal <no-reply@portal.test>\nSubject: Letter uploaded", "A letter has been uploaded. This is an automated message.", false, ""},
		{"auto-generated reply", "Auto-Submitted: auto-generated\nSubject: Re: Letter\nIn-Reply-To: <a@b>", "This is an automated acknowledgement.", true, "Auto-Submitted: auto-generated"},
		{"human back from leave", "Subject: Re: Letter\nIn-Reply-To: <a@b>", "Sorry for the slow reply, I was away for most of July. Of course I will write.", false, ""},
		{"bounce", "Auto-Submitted: auto-replied\nFrom: MAILER-DAEMON@mx.test\nSubject: Undelivered Mail", "User unknown.", false, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			h := tt.header
			if !strings.Contains(h, "From:") {
				h = "From: Dr X <x@h.test>\n" + h
			}
			m := parse(t, msg(h+"\nDate: Mon, 09 Jun 2025 09:00:00 -0400", tt.body))
			if m.Auto.Is != tt.is || (tt.is && m.Auto.Reason != tt.reason) {
				t.Errorf("Auto = %+v, want Is=%v Reason=%q", m.Auto, tt.is, tt.reason)
			}
		})
	}
}

func TestReturnDate(t *testing.T) {
	ref := time.Date(2026, 11, 30, 9, 0, 0, 0, time.UTC)
	tests := []struct {
		text string
		want string
	}{
		{"I will return on Monday, December 7.", "2026-12-07"},
		{"I am out of the office and will be back on 12/07/2026.", "2026-12-07"},
		{"Away for the holidays, returning 7 January.", "2027-01-07"},
		{"On vacation until 2026-12-15. Limited email.", "2026-12-15"},
		{"Out of the office from December 1 through December 4.", "2026-12-05"},
		{"I am out from December 1 through December 4 and will return on Tuesday, December 8.", "2026-12-08"},
		{"Estou em férias até 14 de dezembro de 2026.", "2026-12-14"},
		{"Estou em férias até 10/12/2026, com acesso limitado ao e-mail.", "2026-12-10"},
		{"Back Monday.", "2026-12-07"},
		{"I'm away until Dec 3rd.", "2026-12-03"},
		{"I will return on the 5th of December.", "2026-12-05"},
		{"I am away with limited access to email.", ""},
		{"Call 555-0199 extension 4.5 for help.", ""},
	}
	for _, tt := range tests {
		got := returnDate(tt.text, ref)
		s := ""
		if !got.IsZero() {
			s = got.Format("2006-01-02")
		}
		if s != tt.want {
			t.Errorf("returnDate(%q) = %q, want %q", tt.text, s, tt.want)
		}
	}
	if got := returnDate("back on June 16", time.Time{}); !got.IsZero() {
		t.Errorf("no reference date and no year: %v", got)
	}
}
