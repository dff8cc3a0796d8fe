package reader

import "testing"

// TestQuoteHeadersByLanguage covers the quote headers of the mail clients
// writers abroad use, in German, Spanish, French and Portuguese: Gmail,
// Apple Mail and Thunderbird attributions, Outlook header blocks and
// separators. The quoted ask always says "strong letter"; none of it may
// reach the new text.
func TestQuoteHeadersByLanguage(t *testing.T) {
	const reply = "I can write you a letter."
	tests := []struct{ name, quote string }{
		// German
		{"de gmail", "Am Mo., 16. Juni 2025 um 09:00 Uhr schrieb Rafael Mendes <r@inbox.test>:\n\n> " + ask},
		{"de apple", "Am 16.06.2025 um 09:00 schrieb Rafael Mendes <r@inbox.test>:\n\n> " + ask},
		{"de gmail mobile", "Rafael Mendes <r@inbox.test> schrieb am Mo., 16. Juni 2025, 09:00:\n\n> " + ask},
		{"de outlook", "Von: Rafael Mendes <r@inbox.test>\nGesendet: Montag, 16. Juni 2025 09:00\nAn: Dr X <x@h.test>\nBetreff: Empfehlungsschreiben\n\n" + ask},
		{"de outlook no blank", "________________________________\nVon: Rafael Mendes <r@inbox.test>\nGesendet: Montag, 16. Juni 2025 09:00\nAn: Dr X <x@h.test>\nCc: Sekretariat <s@h.test>\nBetreff: Empfehlungsschreiben\n" + ask},
		{"de outlook datum", "Von: Rafael Mendes [mailto:r@inbox.test]\nDatum: Montag, 16. Juni 2025 09:00\nAn: Dr X\nBetreff: AW: Letter\n\n" + ask},
		{"de original", "-----Ursprüngliche Nachricht-----\nVon: Rafael Mendes <r@inbox.test>\nGesendet: Montag, 16. Juni 2025 09:00\nAn: Dr X\nBetreff: Letter\n\n" + ask},
		{"de thunderbird", "-------- Original-Nachricht --------\nBetreff: Letter\nDatum: 16.06.2025 09:00\nVon: Rafael Mendes <r@inbox.test>\nAn: Dr X\n\n" + ask},
		// Spanish
		{"es gmail", "El lun, 16 jun 2025 a las 9:00, Rafael Mendes (<r@inbox.test>) escribió:\n\n> " + ask},
		{"es gmail wrapped", "El lun, 16 jun 2025 a las 9:00, Rafael Mendes (<\nr@inbox.test>) escribió:\n\n> " + ask},
		{"es apple", "El 16 jun 2025, a las 9:00, Rafael Mendes <r@inbox.test> escribió:\n\n> " + ask},
		{"es outlook", "De: Rafael Mendes <r@inbox.test>\nEnviado: lunes, 16 de junio de 2025 9:00\nPara: Dr X <x@h.test>\nAsunto: Carta de recomendación\n\n" + ask},
		{"es outlook enviado el", "De: Rafael Mendes [mailto:r@inbox.test]\nEnviado el: lunes, 16 de junio de 2025 9:00\nPara: Dr X\nCC: Secretaría\nAsunto: Carta\n\n" + ask},
		{"es outlook fecha", "De: Rafael Mendes <r@inbox.test>\nFecha: lunes, 16 de junio de 2025, 9:00\nPara: Dr X\nAsunto: Carta\n\n" + ask},
		{"es original", "-------- Mensaje original --------\nDe: Rafael Mendes <r@inbox.test>\nFecha: 16/06/2025 9:00\nPara: Dr X\nAsunto: Carta\n\n" + ask},
		// French
		{"fr gmail", "Le lun. 16 juin 2025 à 09:00, Rafael Mendes <r@inbox.test> a écrit :\n\n> " + ask},
		{"fr apple", "Le 16 juin 2025 à 09:00, Rafael Mendes <r@inbox.test> a écrit :\n\n> " + ask},
		{"fr wrapped", "Le lun. 16 juin 2025 à 09:00, Rafael Mendes\n<r@inbox.test> a écrit :\n\n> " + ask},
		{"fr outlook", "De : Rafael Mendes <r@inbox.test>\nEnvoyé : lundi 16 juin 2025 09:00\nÀ : Dr X <x@h.test>\nObjet : Lettre de recommandation\n\n" + ask},
		{"fr outlook date", "De : Rafael Mendes <r@inbox.test>\nDate : lundi 16 juin 2025 à 09:00\nÀ : Dr X\nCc : Secrétariat\nObjet : Lettre\n\n" + ask},
		{"fr outlook envoye le", "De : Rafael Mendes [mailto:r@inbox.test]\nEnvoyé le : lundi 16 juin 2025 09:00\nÀ : Dr X\nObjet : Lettre\n\n" + ask},
		{"fr original", "-------- Message d'origine --------\nDe : Rafael Mendes <r@inbox.test>\nDate : 16/06/2025 09:00\nÀ : Dr X\nObjet : Lettre\n\n" + ask},
		{"fr thunderbird", "-------- Message original --------\nSujet : Lettre\nDate : 16/06/2025 09:00\nDe : Rafael Mendes <r@inbox.test>\nPour : Dr X\n\n" + ask},
		// Portuguese
		{"pt gmail", "Em seg., 16 de jun. de 2025 às 09:00, Rafael Mendes <r@inbox.test> escreveu:\n\n> " + ask},
		{"pt apple", "Em 16 de jun. de 2025, à(s) 09:00, Rafael Mendes <r@inbox.test> escreveu:\n\n> " + ask},
		{"pt outlook", "De: Rafael Mendes <r@inbox.test>\nEnviado: segunda-feira, 16 de junho de 2025 09:00\nPara: Dr X\nAssunto: Carta\n\n" + ask},
		{"pt outlook enviada em", "De: Rafael Mendes [mailto:r@inbox.test]\nEnviada em: segunda-feira, 16 de junho de 2025 09:00\nPara: Dr X\nCc: Secretaria\nAssunto: Carta\n\n" + ask},
		{"pt original", "-------- Mensagem original --------\nDe: Rafael Mendes <r@inbox.test>\nData: 16/06/2025 09:00\nPara: Dr X\nAssunto: Carta\n\n" + ask},
		// Other languages: Polish, Czech, Turkish, Indonesian, Russian,
		// Chinese, Japanese Outlook blocks; Gmail attributions that end in
		// the address; a block in a language no list knows.
		{"pl outlook", "Od: Rafael Mendes <r@inbox.test>\nWysłano: 27 lipca 2025 13:33\nDo: prof. X <x@h.test>\nTemat: Request\n\n" + ask},
		{"pl original", "-----Wiadomość oryginalna-----\nOd: Rafael Mendes <r@inbox.test>\nWysłano: 27 lipca 2025 13:33\nDo: X\nTemat: Request\n\n" + ask},
		{"cs outlook", "Od: Rafael Mendes <r@inbox.test>\nOdesláno: pondělí 16. června 2025 9:00\nKomu: X\nPředmět: Request\n\n" + ask},
		{"tr outlook", "Kimden: Rafael Mendes <r@inbox.test>\nGönderildi: 16 Haziran 2025 Pazartesi 09:00\nKime: X\nKonu: Request\n\n" + ask},
		{"id outlook", "Dari: Rafael Mendes <r@inbox.test>\nDikirim: Senin, 16 Juni 2025 09.00\nKepada: X\nPerihal: Request\n\n" + ask},
		{"ru outlook", "От: Rafael Mendes <r@inbox.test>\nОтправлено: 16 июня 2025 г. 9:00\nКому: X\nТема: Request\n\n" + ask},
		{"zh outlook", "发件人: Rafael Mendes <r@inbox.test>\n发送时间: 2025年6月16日 9:00\n收件人: X\n主题: Request\n\n" + ask},
		{"ja outlook", "差出人: Rafael Mendes <r@inbox.test>\n送信日時: 2025年6月16日 9:00\n宛先: X\n件名: Request\n\n" + ask},
		{"ru gmail", "пн, 16 июн. 2025 г. в 09:00, Rafael Mendes <r@inbox.test>:\n\n> " + ask},
		{"ja gmail", "2025年6月16日(月) 9:00 Rafael Mendes <r@inbox.test>:\n\n> " + ask},
		{"unknown language block", "Ngā: Rafael Mendes <r@inbox.test>\nRā: 16/06/2025 09:00\nKi: X\nKaupapa: Request\n\n" + ask},
		// English layouts
		{"original eight dashes", "-------- Original Message --------\nSubject: Letter\nDate: Mon, 16 Jun 2025 09:00\nFrom: Rafael Mendes <r@inbox.test>\nTo: Dr X\n\n" + ask},
		{"outlook bold html", "**From:** Rafael Mendes <r@inbox.test>\n**Sent:** Monday, June 16, 2025 9:00 AM\n**To:** Dr X\n**Subject:** Letter\n\n" + ask},
		{"outlook one line de", "Von: Rafael Mendes <r@inbox.test> Gesendet: Montag, 16. Juni 2025 09:00 An: Dr X Betreff: Letter\n" + ask},
		{"outlook one line fr", "De : Rafael Mendes <r@inbox.test> Envoyé : lundi 16 juin 2025 09:00 À : Dr X Objet : Lettre\n" + ask},
		{"outlook one line es", "De: Rafael Mendes <r@inbox.test> Enviado el: lunes, 16 de junio de 2025 9:00 Para: Dr X Asunto: Carta\n" + ask},
		{"quoting", "Quoting Rafael Mendes <r@inbox.test>:\n\n> " + ask},
		{"wrote on", "Rafael Mendes <r@inbox.test> wrote on Mon, 16 Jun 2025 09:00:\n\n> " + ask},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := &Message{To: []Address{{Name: "Rafael Mendes", Addr: "r@inbox.test"}}}
			if got := newText(reply+"\n\n"+tt.quote, m); got != reply {
				t.Errorf("newText = %q", got)
			}
		})
	}
}

// TestFieldsAreNotQuotes keeps a portal notice's own "Label: value"
// lines.
func TestFieldsAreNotQuotes(t *testing.T) {
	body := "Reference uploaded\n\nApplicant: Mendes, Rafael\nReferee: Dr Hugh Pemberton\nReference number: 4471-C\nUploaded: 29/07/2025 16:05\n\nPlease do not reply."
	m := &Message{To: []Address{{Name: "Rafael Mendes", Addr: "r@inbox.test"}}}
	if got := newText(body, m); got != body {
		t.Errorf("newText = %q", got)
	}
}

// TestBottomPostedAndInterleaved keeps the writer's words below or
// between the quoted request, in any language.
func TestBottomPostedAndInterleaved(t *testing.T) {
	tests := []struct{ name, body, want string }{
		{"bottom gmail", "On Mon, Jun 16, 2025 at 9:00 AM Rafael Mendes <r@inbox.test> wrote:\n> " + ask + "\n> Best, Rafael\n\nYes, I can write it.", "Yes, I can write it."},
		{"bottom german", "Am 16.06.2025 um 09:00 schrieb Rafael Mendes <r@inbox.test>:\n> " + ask + "\n\nJa, gerne. I can write it.", "Ja, gerne. I can write it."},
		{"interleaved french", "Le 16 juin 2025 à 09:00, Rafael Mendes <r@inbox.test> a écrit :\n> " + ask + "\nYes, I can write it.\n> Could you also tell me the deadline?\nSeptember 1.", "Yes, I can write it.\nSeptember 1."},
		{"below an unquoted original", "-------- Original Message --------\nSubject: Letter\nDate: Sat, 09 Aug 2025 15:51:44 -0400\nFrom: Rafael Mendes <r@inbox.test>\nTo: Dr X <x@h.test>\n\nDear Dr. X,\n\n" + ask + "\n\nKind regards,\nRafael Mendes\nr@inbox.test\n\nRafael,\n\nBefore I answer: which programs?\n\nEM", "Rafael,\n\nBefore I answer: which programs?"},
		{"bottom under outlook es", "________________________________\nDe: Rafael Mendes <r@inbox.test>\nEnviado: lunes, 21 de julio de 2025 14:14\nPara: Dra. X <x@h.test>\nAsunto: Request\n\nDear Dr. X,\n\n" + ask + "\n\nRespectfully,\nRafael Mendes, MD\nr@inbox.test\n\nHola Rafael,\n\nSí, puedo escribirte algo.", "Hola Rafael,\n\nSí, puedo escribirte algo."},
		{"interleaved under original message", "Answers inline below.\n\n-----Original Message-----\nFrom: Rafael Mendes <r@inbox.test>\nSent: Monday, August 4, 2025 8:02 PM\nTo: Dr X <x@h.test>\nSubject: Request\n\n> " + ask + "\n\n[DC] Yes. Gladly.\n\n> Can I send my CV?\n\n[DC] Please do.", "Answers inline below.\n\n[DC] Yes. Gladly.\n\n[DC] Please do."},
		{"interleaved no attribution", "> " + ask + "\n\nYes.\n\n>> Earlier: thank you for the rotation.\n\nYou are welcome.", "Yes.\n\nYou are welcome."},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			m := &Message{To: []Address{{Name: "Rafael Mendes", Addr: "r@inbox.test"}}}
			if got := newText(tt.body, m); got != tt.want {
				t.Errorf("newText = %q, want %q", got, tt.want)
			}
		})
	}
}
