from h import E, IPH
S = "auto_reply"
A0 = "Request for a strong letter of recommendation - Diagnostic Radiology (ERAS 2026)"
A1 = "LOR request - Yusuf Karimi, IMG applying to Diagnostic Radiology"
A2 = "Letter of recommendation for radiology residency"
A3 = "Kind request: strong LOR for DR residency application (IMG)"
A4 = "Diagnostic Radiology application - would you write me a strong letter?"
A5 = "Recommendation letter request (Diagnostic Radiology + transitional year)"
OOF = [("Auto-Submitted", "auto-replied"), ("X-Auto-Response-Suppress", "All"), ("X-MS-Exchange-Inbox-Rules-Loop", "")]
R = [
E(S, "US attending, Outlook OOF; HTML-only Outlook utf-8 QP, Auto-Submitted: auto-replied, 'Automatic reply:' subject",
  ("Nathaniel Brooks", "nbrooks@harrowgate-med.example"), "USE", "owa", None, date="2025-07-16 10:03", cs="utf-8", cte="qp", ask=0, mua="outlook",
  subj="Automatic reply: " + A0, hdrs=[("Auto-Submitted", "auto-replied"), ("X-Auto-Response-Suppress", "All")],
  body="""
Thank you for your email. I am out of the office from July 14 through July 25 with limited access to email. For urgent clinical matters please contact the Body Imaging reading room at extension 4-5210. I will respond to your message when I return.

Nathaniel Brooks, MD
"""),

E(S, "Morocco, Professor, French-language OOF; plain QP iso-8859-1, 'Réponse automatique :' subject, Auto-Submitted + X-Autoreply",
  ("Pr Laila Benkirane", "l.benkirane@chu-rabat-souissi.example"), "MA", "plain", None, date="2025-08-11 08:30", cs="iso-8859-1", cte="qp", ask=3, mua="outlook",
  subj="Réponse automatique : " + A3, hdrs=[("Auto-Submitted", "auto-replied"), ("X-Autoreply", "yes")],
  body="""
Bonjour,

Je suis absente du bureau jusqu'au 1er septembre 2025 (congé annuel). Pour toute urgence, merci de contacter le secrétariat du service de Radiologie au 05 37 00 00 00.

I am out of the office until 1 September 2025. For urgent matters please contact the Radiology secretariat.

Pr L. Benkirane
"""),

E(S, "German-based radiologist, German 'Abwesenheitsnotiz:' OOF; multipart/alternative QP iso-8859-1, Auto-Submitted: auto-replied",
  ("Dr. Matthias Vogel", "matthias.vogel@uniklinik-weserbergland.example"), "DE", "alt", None, date="2025-08-12 14:41", cs="iso-8859-1", cte="qp", ask=1,
  subj="Abwesenheitsnotiz: " + A1, hdrs=[("Auto-Submitted", "auto-replied"), ("Precedence", "auto_reply")], mua="outlook",
  body="""
Sehr geehrte Damen und Herren,

ich bin bis einschließlich 22.08.2025 nicht im Haus. Ihre E-Mail wird nicht weitergeleitet. In dringenden Fällen wenden Sie sich bitte an das Sekretariat der Radiologie (Tel. 0511 000000).

I am out of office until 22 August 2025. Your email will not be forwarded.

Mit freundlichen Grüßen
Dr. med. Matthias Vogel
"""),

E(S, "Turkey, bilingual Turkish/English OOF; multipart/alternative base64 utf-8, 'Otomatik yanıt:' subject, X-Autoreply header",
  ("Prof. Dr. Cem Yücel", "cem.yucel@hacettepe-kuzey.example"), "TR", "alt", None, date="2025-08-05 09:55", cs="utf-8", cte="b64", ask=2, mua="outlook",
  subj="Otomatik yanıt: " + A2, hdrs=[("X-Autoreply", "yes"), ("Auto-Submitted", "auto-replied")],
  body="""
Sayın ilgili,

15 Ağustos 2025 tarihine kadar yıllık izindeyim. Acil durumlarda lütfen bölüm sekreterliği ile iletişime geçiniz.

I am on annual leave until 15 August 2025. For urgent issues please contact the department secretary.

Prof. Dr. Cem Yücel
"""),

E(S, "Saudi Arabia, consultant Eid/Hajj leave autoreply; multipart/alternative utf-8 QP, NO auto-reply headers (trap), Arabic + English",
  ("Dr. Saad Al-Rashidi", "s.alrashidi@madinah-general.example"), "SA", "alt", None, cs="utf-8", cte="qp", ask=3,
  subj="Out of Office - Hajj leave", mua="outlook",
  body="""
السلام عليكم
أنا في إجازة الحج حتى 20 يونيو. سأرد على رسالتك عند عودتي.

Assalamu alaikum,
I am on Hajj leave until 20 June and will reply to your message after my return. For urgent departmental matters please contact radiology.admin@madinah-general.example.

Dr. Saad Al-Rashidi
""", date="2025-06-09 06:12"),

E(S, "India, Indian-English OOF ('out of station'); plain 7bit, 'Auto: ' subject, X-Autoreply + Precedence: auto_reply",
  ("Dr. Gopal Krishna Bhat", "gk.bhat@manipal-coastal-mc.example"), "IN", "plain", None, date="2025-06-23 11:20", cs="us-ascii", cte="7bit", ask=5,
  subj="Auto: " + A5, hdrs=[("X-Autoreply", "yes"), ("Precedence", "auto_reply")],
  body="""
Thank you for your mail. I am out of station till 30th June 2025 attending the state PG examinations, and will have limited access to mail. Your mail will be attended to on my return. For urgent matters kindly contact the department office.

Dr. G. K. Bhat
"""),

E(S, "Nigeria, consultant annual leave autoreply; multipart/alternative 7bit, Auto-Submitted: auto-replied, 'Out of Office:' subject",
  ("Dr. Adebola Ogunleye", "adebola.ogunleye@ibadan-uch-annex.example"), "NG", "alt", None, date="2025-07-21 07:48", cs="us-ascii", cte="7bit", ask=0,
  subj="Out of Office: " + A0, hdrs=[("Auto-Submitted", "auto-replied")],
  body="""
Good day,

I am currently away on annual leave and shall resume on Monday 4th August 2025. Kindly note that I may not be able to respond to mails during this period. For urgent matters, please contact the Head of Department's office.

Thank you.

Dr. Adebola Ogunleye
"""),

E(S, "US department ticket autoresponder (education office); multipart/alternative us-ascii, Auto-Submitted: auto-replied; not a human acknowledgement",
  ("Radiology Education Office", "radiology-education@sunmesa-univ.example"), "USW", "alt", None, cs="us-ascii", cte="7bit", ask=4,
  subj="[Ticket #RAD-24817] Received: " + A4, hdrs=[("Auto-Submitted", "auto-replied"), ("X-Autoreply", "yes")],
  body="""
This is an automated response to confirm that your message has been received by the Sun Mesa University Radiology Education Office.

Ticket number: RAD-24817

A member of our team will review your request within 3-5 business days. Requests for faculty letters of recommendation are forwarded to the individual faculty member, who will respond directly. Please do not reply to this message; to add information, reply to the ticket link in your confirmation email.
"""),

E(S, "US attending Gmail vacation responder; plain 7bit, Auto-Submitted: auto-replied, subject is vacation text",
  ("Alicia Romero", "aromero@desertbloom-imaging.example"), "USW", "plain", None, date="2025-08-06 16:02", cs="us-ascii", cte="7bit", ask=4, mua="gmail",
  subj="Away until Aug 18", hdrs=[("Auto-Submitted", "auto-replied")],
  body="""
Hi, I'm hiking somewhere without signal until August 18. I won't be reading email until then. If this is about a clinical case, please call the reading room.

Alicia
"""),

E(S, "UK NHS consultant annual leave OOF; HTML-only Outlook iso-8859-1 QP with NHS-style disclaimer, Auto-Submitted header",
  ("Dr Peter Langford", "peter.langford@kentweald-nhs.example"), "UK", "owa", None, date="2025-08-27 12:15", cs="iso-8859-1", cte="qp", ask=0, mua="outlook",
  subj="Automatic reply: " + A0, hdrs=[("Auto-Submitted", "auto-replied"), ("X-Auto-Response-Suppress", "All")],
  body="""
Thank you for your email. I am on annual leave until Monday 8th September and will not be checking emails. For urgent radiology queries please contact the duty consultant via switchboard.

Peter Langford
Consultant Radiologist

This e-mail and any attachments are confidential and intended solely for the addressee. If you have received it in error please notify the sender and delete it. Kent & Weald Hospitals NHS Trust accepts no liability for any views expressed that are not those of the Trust.
"""),

E(S, "Lebanon, bilingual French/English OOF; plain QP utf-8, 'Absence du bureau :' subject, X-Autoreply header",
  ("Dr. Carole Haddad", "carole.haddad@achrafieh-umc.example"), "LB", "plain", None, date="2025-07-09 19:40", cs="utf-8", cte="qp", ask=2, mua="outlook",
  subj="Absence du bureau : " + A2, hdrs=[("X-Autoreply", "yes")],
  body="""
Bonjour,
Je serai absente jusqu'au 25 juillet avec un accès limité à mes courriels.

Hello,
I will be away until July 25 with limited access to email. I will answer your message on my return.

Carole Haddad, MD
"""),

E(S, "Pakistan, Professor at conference OOF; plain 7bit, no auto headers (trap), subject 'Auto Reply'",
  ("Prof. Shahid Mahmood", "shahid.mahmood@kemu-radiology.example"), "PK", "plain", None, date="2025-09-12 22:05", cs="us-ascii", cte="7bit", ask=1,
  subj="Auto Reply", 
  body="""
This is an auto reply. I am attending the annual scientific meeting abroad from 10th to 21st September and will have irregular access to email. I shall respond to your mail on my return.

Prof. Shahid Mahmood
"""),

E(S, "US attending OOF; multipart/alternative us-ascii; trap: mentions 'letter of recommendation requests will be handled after my return' - still auto-reply",
  ("Douglas Pryor", "dpryor@kingsbridge-health.example"), "USE", "alt", None, date="2025-08-18 06:31", cs="us-ascii", cte="7bit", ask=1, mua="outlook",
  subj="Automatic reply: " + A1, hdrs=[("Auto-Submitted", "auto-replied"), ("X-Auto-Response-Suppress", "DR, RN, NRN, OOF, AutoReply")],
  body="""
I am away from the office until September 2 with no email access.

Residents and students: letter of recommendation requests will be handled in the order received after my return. There is no need to resend.

For clinical issues, please page the neuroradiology fellow.

Douglas Pryor, MD
"""),

E(S, "Ghana, autoreply without auto headers, subject 'Out of office' only; plain 7bit",
  ("Dr. Nana Adjei", "nana.adjei@ridge-regional-gh.example"), "GH", "plain", None, date="2025-09-03 10:10", cs="us-ascii", cte="7bit", ask=3,
  subj="Out of office",
  body="""
Out of office

I am away from the office on study leave until 30th September 2025. Emails are not being monitored regularly. For matters concerning the Radiology Department, kindly contact the departmental secretary.
"""),

E(S, "Iran, sabbatical autoreply; plain 7bit, X-Autoreply, subject 'Automatic reply: ...'; limited access",
  ("Dr. Parisa Hosseini", "p.hosseini@shiraz-south-ums.example"), "IR", "plain", None, cs="us-ascii", cte="7bit", ask=0,
  subj="Automatic reply: " + A0, hdrs=[("X-Autoreply", "yes"), ("Auto-Submitted", "auto-replied")],
  body="""
I am on sabbatical leave until March 2026 with limited access to this mailbox. Messages will be read periodically but replies may be delayed by several weeks.

Parisa Hosseini, MD
"""),
]
