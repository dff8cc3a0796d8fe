# The labelled replies, executed by gen.py. One write() call per message:
# write(file, kind, note, (writer name, address), subject, new text, date,
#       quote=style, form=MIME form, headers=extra header fields, ...)

SUBJ = "Re: Letter of recommendation request - Priya Nair"

# ---------------------------------------------------------------- strong_yes
write("strong_yes-01.eml", "strong_yes", "honored + enthusiastic letter, no 'strong'; plain 7bit; Gmail quote",
      ("Vikram Anand", "vanand@westlake-med.example"), SUBJ,
      """Dear Priya,

I would be honored to write on your behalf. Your work on the pediatric
chest CT protocol was genuinely impressive, and you consistently worked at
the level of our second-year residents. I will write you an enthusiastic
letter.

Please send your CV and personal statement at your convenience.

Warm regards,
Dr. Anand""", "Wed, 04 Mar 2026 10:02:00 -0500")

write("strong_yes-02.eml", "strong_yes", "terse mobile enthusiasm; utf-8 QP; iPhone quote",
      ("Dana Whitcombe", "dwhitcombe@lakeview.example"), SUBJ,
      """Absolutely! You were fantastic on the rotation. Send me the ERAS form and I\u2019ll get it done this week.""",
      "Wed, 04 Mar 2026 18:40:00 -0800", quote="iphone", form="plain-qp")

write("strong_yes-03.eml", "strong_yes", "British formal: 'should be delighted', 'without reservation'; iso-8859-1 QP; Outlook quote",
      ("Helen Marsh", "h.marsh@kingsbridge.example"), "RE: Letter of recommendation request - Priya Nair",
      """Dear Dr Nair,

I should be delighted to provide a reference in support of your application.
You were one of the most capable trainees to rotate through our department
this year, and I shall say so without reservation.

Kind regards,
Professor Helen Marsh
Consultant Radiologist, Kingsbridge Hospital""", "Thu, 05 Mar 2026 09:15:00 +0000", quote="outlook", form="plain-latin1")

write("strong_yes-04.eml", "strong_yes", "assistant writes for the writer (third person), strong + best observer; multipart/alternative QP; Original Message quote",
      ("Ruiz, Tanya", "truiz@harborview-rad.example"), "RE: Letter of recommendation request - Priya Nair",
      """Hello Dr. Nair,

I am writing on behalf of Dr. Okonkwo, who is traveling this week. She asked
me to let you know that she will gladly write a strong letter of
recommendation for you and that she considers you one of the best observers
she has hosted. Please send the ERAS Letter Request Form to me and I will
make sure it reaches her.

Best,
Tanya Ruiz
Administrative Coordinator, Department of Radiology""", "Thu, 05 Mar 2026 14:22:00 -0500", quote="original", form="alt-qp")

write("strong_yes-05.eml", "strong_yes", "non-native English ('make the recommendation letter'), 'with pleasure', 'no doubt'; iso-8859-1 QP; Portuguese 'Em ... escreveu:' quote; encoded From",
      ("Carlos Mendon\u00e7a", "cmendonca@fm.unisul.example"), "Re: Carta de recomenda\u00e7\u00e3o / Letter of recommendation",
      """Dear Priya,

With pleasure I will make the recommendation letter for you. You was very
dedicated student in our service and I have no doubt you will be excellent
resident. I write the letter in English and send before end of August.

Abra\u00e7os,
Prof. Dr. Carlos Mendon\u00e7a""", "Fri, 06 Mar 2026 11:05:00 -0300", quote="pt-escreveu", form="plain-latin1",
      frm_charset="iso-8859-1", subj_charset="iso-8859-1")

write("strong_yes-06.eml", "strong_yes", "HTML-only Outlook; advocacy (calls program directors) + 'the best we had'; border-top quote",
      ("Hollis, Greg", "ghollis@stmarks-health.example"), "RE: Letter of recommendation request - Priya Nair",
      """Priya,

Yes, of course. I'd be glad to support your application, and I will happily
call the program directors at Northfield and Bayview on your behalf. Your
case presentations were the best we had from any visiting student this year.

Greg""", "Fri, 06 Mar 2026 16:48:00 -0500", quote="outlook", form="html-qp")

write("strong_yes-07.eml", "strong_yes", "TRAP: innocent 'standard' twice (standard letter request form, standard deadline) with a strong yes; plain 7bit; Thunderbird quote",
      ("Wei Liu", "wliu@eastgate-univ.example"), SUBJ,
      """Hi Priya,

Yes - I'll write you a strong letter. Please use the standard letter request
form and send it along with your CV; I'll upload it before the standard
deadline.

Best,
Dr. Liu""", "Sat, 07 Mar 2026 08:30:00 -0500", quote="thunderbird")

write("strong_yes-08.eml", "strong_yes", "TRAP: negators inside idioms ('no question in my mind', 'would not hesitate'); 'Count me in'; utf-8 base64; signature '-- '",
      ("Marcus Bell", "mbell@riverbend.example"), SUBJ,
      """Priya, there is no question in my mind that you deserve a strong letter,
and I would not hesitate to recommend you to any program. Count me in. Send
the form when ready.

--
Marcus Bell, MD
Musculoskeletal Radiology""", "Sat, 07 Mar 2026 21:10:00 -0600", quote="gmail", form="plain-b64")

write("strong_yes-09.eml", "strong_yes", "'it would be a privilege', 'very detailed and positive letter', offers to speak to program directors; multipart/alternative base64; Gmail HTML quote",
      ("Sarah Kim", "skim@northshore-med.example"), SUBJ,
      """Dear Priya,

Thank you for asking - it would be a privilege. You stood out among this
year's observers for your reading-room work and your poster on incidental
adrenal nodules. I can write a very detailed and positive letter and will be
happy to speak to any program director who calls.

All the best,
Sarah""", "Mon, 09 Mar 2026 07:55:00 -0400", quote="gmail", form="alt-b64")

write("strong_yes-10.eml", "strong_yes", "'easily the strongest rotator', 'I was hoping you would ask'; utf-8 8bit format=flowed; German 'Am ... schrieb' quote",
      ("Jonas Weber", "jweber@klinikum-nord.example"), SUBJ,
      """Hi Priya,

Of course! I was hoping you would ask. You were easily the strongest rotator we had in nuclear medicine this spring, and I will say exactly that. I'll have the letter uploaded within two weeks.

Jonas""", "Mon, 09 Mar 2026 13:12:00 +0100", quote="de-schrieb", form="plain-flowed")

# ------------------------------------------------------------------ hesitant
write("hesitant-01.eml", "hesitant", "TRAP: two-word neutral yes over a quoted 'strong letter' ask; plain 7bit; Gmail quote",
      ("Tom Baxter", "tbaxter@greenfield.example"), SUBJ,
      """Sure. Send me the form.""", "Tue, 10 Mar 2026 06:45:00 -0500")

write("hesitant-02.eml", "hesitant", "neutral 'happy to write you a letter' that avoids strength; utf-8 QP; Outlook quote",
      ("Tom Reyes", "treyes@valleycare.example"), "RE: Letter of recommendation request - Priya Nair",
      """Hi Priya,

Happy to write you a letter. Please send your CV.

Thanks,
Tom""", "Tue, 10 Mar 2026 09:00:00 -0700", quote="outlook", form="plain-qp")

write("hesitant-03.eml", "hesitant", "British: 'only supervised you for three sessions', 'necessarily rather brief'; windows-1252 QP; Original Message quote",
      ("Philippa Ellison", "p.ellison@stcuthbert.example"), "RE: Letter of recommendation request - Priya Nair",
      """Dear Dr Nair,

I can provide a reference, although I should say that I only supervised you
for three sessions, so it will necessarily be rather brief.

Regards,
Dr P. Ellison""", "Tue, 10 Mar 2026 15:30:00 +0000", quote="original", form="plain-1252")

write("hesitant-04.eml", "hesitant", "someone else knows the work better and would write a stronger letter; still offers; multipart/alternative base64",
      ("Ryan Cole", "rcole@summit-univ.example"), SUBJ,
      """Priya,

I'm willing to do it, but honestly Dr. Kaplan knows your work much better
than I do and would probably write you a stronger letter. If you still want
one from me, let me know.

Best,
Ryan""", "Wed, 11 Mar 2026 11:11:00 -0500", quote="gmail", form="alt-b64")

write("hesitant-05.eml", "hesitant", "TRAP: 'would not be able to write a strong letter' then offers a short confirming letter; plain 7bit; no quote",
      ("Farah Haddad", "fhaddad@crescent-health.example"), SUBJ,
      """Hello Priya,

I would not be able to write a strong letter since we barely overlapped, but
I could write a short one confirming your participation in our journal club
if that helps.

Best wishes,
Dr. Farah Haddad""", "Wed, 11 Mar 2026 17:05:00 -0400", quote="none")

write("hesitant-06.eml", "hesitant", "non-native English: 'did not follow your work very closely', 'letter will be general'; utf-8 base64; Portuguese Outlook quote",
      ("Ahmed Saleh", "asaleh@alnoor-hosp.example"), "RES: Letter of recommendation request - Priya Nair",
      """Dear Priya, I can write letter for you but I did not follow your work very
closely, I only saw you few times in the department. The letter will be
general. Please send the form.""", "Thu, 12 Mar 2026 08:20:00 +0300", quote="pt-outlook", form="plain-b64")

write("hesitant-07.eml", "hesitant", "'I'll try to get something written', 'can't promise much detail'; HTML-only Outlook QP; border-top quote",
      ("Garner, William", "wgarner@oakridge-med.example"), "RE: Letter of recommendation request - Priya Nair",
      """Priya,

I'll try to get something written before the deadline, but my schedule is
packed this month and I can't promise much detail.

Regards,
William""", "Thu, 12 Mar 2026 19:45:00 -0500", quote="outlook", form="html-qp")

write("hesitant-08.eml", "hesitant", "yes, but the letter would mostly speak to attendance; plain 7bit; Roundcube quote",
      ("Kamal Idris", "kidris@bayside-onc.example"), SUBJ,
      """Hi Priya - yes, I can do a letter. It would mostly speak to your attendance
and enthusiasm at our tumor boards, since you were an observer. Send me
whatever you need me to sign.

Dr. K""", "Fri, 13 Mar 2026 10:10:00 -0500", quote="roundcube")

write("hesitant-09.eml", "hesitant", "assistant relays a hesitant yes: did not work directly, can only comment, someone else may be better; multipart/alternative QP",
      ("Joan Pike", "jpike@meridian-health.example"), "RE: Letter of recommendation request - Priya Nair",
      """Dear Ms. Nair,

Dr. Whitman has asked me to reply. He is willing to write a letter but notes
that he did not work with you directly and can only comment on your
conference attendance. He suggests that a faculty member who supervised you
in the reading room may be a better choice. If you would still like his
letter, please send the request form to me.

Regards,
Joan Pike
Assistant to Dr. Whitman""", "Fri, 13 Mar 2026 13:40:00 -0500", quote="outlook", form="alt-qp")

write("hesitant-10.eml", "hesitant", "TRAP: 'glowing letter' under negation ('won't pretend it will be the most glowing letter'); only one week together; utf-8 QP; iPhone quote",
      ("Marta Kowalski", "mkowalski@lakeshore-childrens.example"), SUBJ,
      """Priya,

Yes I'll write it. I won\u2019t pretend it will be the most glowing letter you
receive \u2014 we only had the one week together \u2014 but I'll make it as specific
as I can.

- Marta""", "Sat, 14 Mar 2026 09:05:00 -0500", quote="iphone", form="plain-qp")

write("hesitant-11.eml", "hesitant", "British formal: someone else 'better placed', contact was limited, 'Should you still wish me to write'; iso-8859-1 QP; no quote",
      ("Imogen Hart", "i.hart@ashford-univ.example"), SUBJ,
      """Dear Priya,

Thank you for thinking of me. I am happy to help, but I wonder whether
someone from the radiology department might be better placed to comment on
your clinical skills; my contact with you was limited to the research
meetings. Should you still wish me to write, I will of course do so.

Yours sincerely,
Dr. Imogen Hart""", "Sat, 14 Mar 2026 16:00:00 +0000", quote="none", form="plain-latin1")

write("hesitant-12.eml", "hesitant", "time gap + hazy memory + 'fairly general'; HTML-only OWA base64 (divRplyFwdMsg quote)",
      ("Nolan, Dan", "dnolan@westridge.example"), "RE: Letter of recommendation request - Priya Nair",
      """Hi Priya,

It's been quite a while since your rotation here (2021, if I remember
correctly), so my memory of the details is a bit hazy. I can write you a
letter, but it will be fairly general.

Cheers,
Dan""", "Sun, 15 Mar 2026 20:20:00 -0400", quote="outlook", form="html-owa")

write("hesitant-13.eml", "hesitant", "TRAP: X-Auto-Response-Suppress on a human reply (not an auto-reply); only two consults, 'won't be very detailed'; Outlook alternative",
      ("Paul Brennan", "pbrennan@unionmed.example"), "RE: Letter of recommendation request - Priya Nair",
      """Priya,

I can write a letter. We only worked together on two consults, so it won't
be very detailed.

Best regards,
Paul""", "Mon, 16 Mar 2026 08:08:00 -0400", quote="outlook", form="alt-qp",
      headers={"X-Auto-Response-Suppress": "All", "X-MS-Has-Attach": ""})

# ------------------------------------------------------------------- decline
write("decline-01.eml", "decline", "short: 'have to say no this time'; plain 7bit; Gmail quote",
      ("Priyanka Shah", "pshah@metrocare.example"), SUBJ,
      """Priya, I'm sorry but I have to say no this time. I'm committed to too many
letters already this season. Best of luck.""", "Mon, 16 Mar 2026 12:00:00 -0500")

write("decline-02.eml", "decline", "British: 'regret that I am unable to provide a reference'; windows-1252 QP; no quote",
      ("Rohan Iyer", "r.iyer@whitchurch.example"), SUBJ,
      """Dear Dr Nair,

I regret that I am unable to provide a reference on this occasion, as I do
not feel I know your clinical work well enough to comment meaningfully.

With best wishes,
Professor R. Iyer""", "Mon, 16 Mar 2026 15:45:00 +0000", quote="none", form="plain-1252")

write("decline-03.eml", "decline", "withdraws an earlier maybe: 'will not be able to get a letter done', 'better that you ask someone else'; utf-8 QP; Thunderbird quote",
      ("Lena Fischer", "lfischer@parkside-med.example"), SUBJ,
      """Hi Priya,

I owe you an apology. When we spoke last month I said I would try to write
for you, but my leave starts earlier than planned and I will not be able to
get a letter done in time. I think it's better that you ask someone else now
rather than wait on me.

Sorry again,
Lena""", "Tue, 17 Mar 2026 09:30:00 -0500", quote="thunderbird", form="plain-qp")

write("decline-04.eml", "decline", "department policy; HTML-only Outlook QP; border-top quote",
      ("Obi, Karen", "kobi@eastwood-childrens.example"), "RE: Letter of recommendation request - Priya Nair",
      """Dear Dr. Nair,

Thank you for your note. Our department's policy is that only the program
director writes letters for visiting observers, so I'm not able to write one
myself. I'm sorry I can't be more helpful.

Sincerely,
Karen Obi, MD""", "Tue, 17 Mar 2026 11:25:00 -0400", quote="outlook", form="html-qp")

write("decline-05.eml", "decline", "terse mobile 'Unfortunately I can't this time'; plain 7bit; iPhone quote",
      ("Sam Ortega", "sortega@coastal-er.example"), SUBJ,
      """Unfortunately I can't this time. Good luck Priya!""", "Tue, 17 Mar 2026 22:02:00 -0700", quote="iphone")

write("decline-06.eml", "decline", "TRAP: 'strong letter' negated, then an explicit decline; utf-8 base64; Gmail quote",
      ("Beatriz Costa", "bcosta@hcsul.example"), SUBJ,
      """Priya, I don't think I could write the kind of strong letter you need, and
a weak letter would not help you. So I will have to decline. Wishing you the
best.""", "Wed, 18 Mar 2026 10:00:00 -0300", quote="gmail", form="plain-b64")

write("decline-07.eml", "decline", "conflict of interest, recusal; iso-8859-1 QP; Portuguese Outlook quote",
      ("Ana Souza", "asouza@hcsul.example"), "RES: Letter of recommendation request - Priya Nair",
      """Cara Priya,

As I am on the selection committee for our program this year, I must recuse
myself from writing letters for any applicant. I am sorry.

Prof. Ana Souza""", "Wed, 18 Mar 2026 14:30:00 -0300", quote="pt-outlook", form="plain-latin1")

write("decline-08.eml", "decline", "no bandwidth this cycle, 'please don't wait on me'; multipart/alternative QP; Gmail quote",
      ("Amir Tehrani", "atehrani@fairview-univ.example"), SUBJ,
      """Hi Priya,

Thanks for thinking of me. Sadly, with my fellowship applications and a new
baby at home, I just don't have the bandwidth to write a letter this cycle.
Please don't wait on me.

All the best,
Amir""", "Thu, 19 Mar 2026 07:15:00 -0500", quote="gmail", form="alt-qp")

write("decline-09.eml", "decline", "TRAP: decline then an offer of something that is not a letter ('happy to answer any questions'); plain 7bit; Original Message quote",
      ("Raj Mehta", "rmehta@kingsway-med.example"), "RE: Letter of recommendation request - Priya Nair",
      """Dear Priya,

I'm afraid I won't be able to write a letter for you, as I only observed you
for a day. I'd be happy to answer any questions about our program, though.

Regards,
Dr. Mehta""", "Thu, 19 Mar 2026 16:50:00 -0500", quote="original")

write("decline-10.eml", "decline", "'not the best person', 'you should ask one of the attendings'; HTML-only OWA base64",
      ("Tran, Michelle", "mtran@sunridge-med.example"), "RE: Letter of recommendation request - Priya Nair",
      """Hello Priya,

I've given this some thought and I don't believe I'm the best person to
write for you; we never worked together clinically. You should ask one of
the attendings from your sub-internship instead.

Take care,
Michelle""", "Fri, 20 Mar 2026 12:12:00 -0400", quote="outlook", form="html-owa")

# ---------------------------------------------------------------- needs_info
write("needs_info-01.eml", "needs_info", "questions only (rotation dates, cases, deadline); plain 7bit; Gmail wrapped attribution",
      ("Jordan Ames", "james@hillcrest-med.example"), SUBJ,
      """Priya,

Can you remind me when you rotated with us and what cases you presented?
Also, what's the deadline?

Thanks,
J""", "Fri, 20 Mar 2026 18:00:00 -0500", quote="gmail-wrapped")

write("needs_info-02.eml", "needs_info", "wants a call before deciding; utf-8 QP; Outlook quote",
      ("Harold Green", "hgreen@pinecrest.example"), "RE: Letter of recommendation request - Priya Nair",
      """Hi Priya,

I'd like to chat before I decide \u2014 are you free for a quick call Thursday
afternoon?

Best,
Dr. Green""", "Sat, 21 Mar 2026 09:09:00 -0500", quote="outlook", form="plain-qp")

write("needs_info-03.eml", "needs_info", "materials first, 'I will get back to you about the letter'; multipart/alternative QP",
      ("Kwame Osei", "kosei@unityhealth.example"), SUBJ,
      """Dear Priya,

Please send me your CV, personal statement and a list of the programs you
are applying to, and I will get back to you about the letter.

Kind regards,
Dr. Osei""", "Sat, 21 Mar 2026 15:15:00 -0500", quote="gmail", form="alt-qp")

write("needs_info-04.eml", "needs_info", "TRAP: 'strong letter' in a conditional ('If I write for you, I'd want it to be a strong letter') and needs to know more; plain 7bit; no quote",
      ("Ruth Abrams", "rabrams@cityview.example"), SUBJ,
      """Priya,

If I write for you, I'd want it to be a strong letter, and for that I need
to know more about your research year. Could you send a one-page summary of
what you worked on?

Ruth""", "Sun, 22 Mar 2026 10:30:00 -0400", quote="none")

write("needs_info-05.eml", "needs_info", "non-native process questions, 'before I answer'; utf-8 base64; Portuguese 'escreveu' quote",
      ("Li Wen", "lwen@eastbay-hosp.example"), SUBJ,
      """Dear Priya, before I answer I need to understand the process. The letter
must be sent by me or by you? Is it necessary to use the letterhead of the
hospital? Thank you.""", "Sun, 22 Mar 2026 21:00:00 +0800", quote="pt-escreveu", form="plain-b64")

write("needs_info-06.eml", "needs_info", "assistant: 'before he can respond' he wants CV and PS; plain 7bit; Original Message quote",
      ("Monica Alvarez", "malvarez@grandview-med.example"), "RE: Letter of recommendation request - Priya Nair",
      """Dear Ms. Nair,

Dr. Patel has received your request. Before he can respond, he would like to
review your CV and a draft of your personal statement. Please send them to
me at this address.

Best regards,
Monica Alvarez
Office of Dr. Patel""", "Mon, 23 Mar 2026 09:45:00 -0500", quote="original")

write("needs_info-07.eml", "needs_info", "'I will consider your request' + form + date question; HTML-only Outlook QP",
      ("Lang, Steven", "slang@northgate.example"), "RE: Letter of recommendation request - Priya Nair",
      """Hello Priya,

I will consider your request. In the meantime, please send me the ERAS
letter request form and your CV so I have them on hand. What date do you
need the letter by?

Regards,
Steven""", "Mon, 23 Mar 2026 13:00:00 -0400", quote="outlook", form="html-qp")

write("needs_info-08.eml", "needs_info", "questionnaire attached (DOCX named 'Recommendation_request_questionnaire' - not a letter); 'before I agree to write'; multipart/mixed",
      ("Claire Laurent", "claurent@riverside-neuro.example"), SUBJ,
      """Dear Priya,

I ask all students to complete the attached form before I agree to write.
Once I have it back I'll let you know.

Best,
Dr. Laurent""", "Tue, 24 Mar 2026 08:00:00 -0400", quote="none", form="mixed",
      attach=("Recommendation_request_questionnaire.docx",
              "application/vnd.openxmlformats-officedocument.wordprocessingml.document", b"PK\x03\x04fake-docx"))

write("needs_info-09.eml", "needs_info", "one mobile question about the due date; plain 7bit; Samsung footer + quote",
      ("Eli Navarro", "enavarro@desertmed.example"), SUBJ,
      """When do you need it by?

Sent from my Galaxy""", "Tue, 24 Mar 2026 19:30:00 -0700", quote="gmail")

write("needs_info-10.eml", "needs_info", "British: 'glad to discuss this with you before making a decision' (not a yes); windows-1252 QP",
      ("Fiona Grant", "f.grant@elmfield.example"), SUBJ,
      """Dear Priya,

Thank you for your email. I\u2019d be glad to discuss this with you before
making a decision. Could you pop into my office next Tuesday at 2pm?

Best wishes,
Dr. Fiona Grant""", "Wed, 25 Mar 2026 10:10:00 +0000", quote="none", form="plain-1252")

# ------------------------------------------------------------------ uploaded
write("uploaded-01.eml", "uploaded", "'letter is in!' terse; plain 7bit; Gmail quote",
      ("Dan Hughes", "dhughes@maplegrove.example"), SUBJ,
      """Hi Priya, letter is in! Let me know if you don't see it by Friday.

Best, Dan""", "Wed, 02 Sep 2026 07:30:00 -0500")

write("uploaded-02.eml", "uploaded", "portal notice with Auto-Submitted: auto-generated (not an auto-reply); HTML-only base64; not a reply",
      ("ERAS LoR Service", "no-reply@lorservice.example"), "Your letter has been received",
      """<html><body><table><tr><td><h2>Letter received</h2>
<p>Hello Priya Nair,</p>
<p>The letter of recommendation from Dr. Jonas Weber has been successfully received and added to your document list.</p>
<table><tr><td>Letter ID</td><td>LR-2027-114502</td></tr><tr><td>Status</td><td>Received</td></tr></table>
<p>This is an automated message. Please do not reply.</p></td></tr></table></body></html>""",
      "Thu, 03 Sep 2026 11:00:00 -0400", reply=False, form="raw",
      headers={"Auto-Submitted": "auto-generated", "Precedence": "bulk",
               "Content-Type": 'text/html; charset="utf-8"', "Content-Transfer-Encoding": "8bit"})

write("uploaded-03.eml", "uploaded", "assistant: 'letter went into the ERAS portal'; multipart/alternative QP",
      ("Tanya Ruiz", "truiz@harborview-rad.example"), "RE: Letter of recommendation request - Priya Nair",
      """Dear Priya,

Just a quick note to confirm that Dr. Okonkwo's letter went into the ERAS
portal this morning.

Best,
Tanya""", "Fri, 04 Sep 2026 09:20:00 -0400", quote="original", form="alt-qp")

write("uploaded-04.eml", "uploaded", "TRAP: 'very strong letter' but already submitted -> uploaded; utf-8 QP; iPhone",
      ("Dana Whitcombe", "dwhitcombe@lakeview.example"), SUBJ,
      """Priya \u2014 all done. I submitted a very strong letter through the portal last
night. You deserve every interview you get!""", "Sat, 05 Sep 2026 06:50:00 -0700", quote="iphone", form="plain-qp")

write("uploaded-05.eml", "uploaded", "non-native: 'I have sent the letter today by the ERAS system'; iso-8859-1 QP",
      ("Carlos Mendon\u00e7a", "cmendonca@fm.unisul.example"), "Re: Carta de recomenda\u00e7\u00e3o / Letter of recommendation",
      """Dear Priya, I have sent the letter today by the ERAS system. I hope it
will help you.

Abra\u00e7os""", "Mon, 07 Sep 2026 17:00:00 -0300", quote="pt-escreveu", form="plain-latin1",
      frm_charset="iso-8859-1", subj_charset="iso-8859-1")

write("uploaded-06.eml", "uploaded", "writer forwards the portal's confirmation ('FYI'): the forwarded notice body is kept; plain 7bit",
      ("Jonas Weber", "jweber@klinikum-nord.example"), "Fwd: Confirmation: letter submitted",
      """FYI - see below, looks like it went through.

Jonas

---------- Forwarded message ---------
From: LetterPortal <notifications@lorportal.example>
Date: Tue, Sep 8, 2026 at 8:02 AM
Subject: Confirmation: letter submitted
To: Jonas Weber <jweber@klinikum-nord.example>

Dear Dr. Weber,

Thank you. Your letter of recommendation for Priya Nair has been submitted
successfully.

LetterPortal""", "Tue, 08 Sep 2026 08:15:00 +0200", quote="none", reply=False)

write("uploaded-07.eml", "uploaded", "portal notice, different vendor wording ('has completed her recommendation'), no auto headers; multipart/alternative QP",
      ("Recommend", "notifications@recommend-app.example"), "Recommendation completed for Priya Nair",
      """Hi Priya,

Dr. Sarah Kim has completed her recommendation for you. The recommendation
is now available to the programs you selected.

- The Recommend team""", "Wed, 09 Sep 2026 12:00:00 -0400", quote="none", form="alt-qp", reply=False)

write("uploaded-08.eml", "uploaded", "TRAP: uploaded but hedged ('not the longest letter', 'only worked together briefly') -> uploaded wins; plain 7bit",
      ("Maria Alvarado", "malvarado@sunvalley.example"), SUBJ,
      """Hi Priya,

I uploaded my letter yesterday. It's not the longest letter since we only
worked together briefly, but I hope it helps.

Maria""", "Thu, 10 Sep 2026 10:00:00 -0500", quote="gmail")

write("uploaded-09.eml", "uploaded", "assistant: 'has been uploaded to ERAS'; HTML-only Outlook QP",
      ("Carter, Renee", "rcarter@meridian-health.example"), "RE: Letter of recommendation request - Priya Nair",
      """Good afternoon Dr. Nair,

Dr. Lee's letter of recommendation has been uploaded to ERAS. Please allow
24-48 hours for it to appear.

Thank you,
Renee""", "Thu, 10 Sep 2026 15:30:00 -0400", quote="outlook", form="html-qp")

write("uploaded-10.eml", "uploaded", "one word 'Submitted!' with emoji; utf-8 QP; iPhone quote",
      ("Sam Ortega", "sortega@coastal-er.example"), SUBJ,
      """Submitted! Good luck \U0001F340""", "Fri, 11 Sep 2026 21:00:00 -0700", quote="iphone", form="plain-qp")

# ---------------------------------------------------------------- auto_reply
write("auto_reply-01.eml", "auto_reply", "TRAP: no auto-reply header, 'Re:' subject; British annual leave, 'returning on 14th April'; plain 7bit",
      ("Helen Marsh", "h.marsh@kingsbridge.example"), SUBJ,
      """Thank you for your email. I am currently on annual leave, returning on
14th April. I will have no access to email during this time. For urgent
matters please contact my secretary.

Helen Marsh""", "Mon, 06 Apr 2026 09:00:00 +0100", quote="none")

write("auto_reply-02.eml", "auto_reply", "X-Autorespond header only; subject 'Away'; 'until 3/16'; plain 7bit",
      ("Harold Green", "hgreen@pinecrest.example"), "Away: Letter of recommendation request - Priya Nair",
      """I'm away from my desk until 3/16 with limited email. I'll reply when I'm
back.""", "Wed, 11 Mar 2026 08:00:00 -0500", quote="none", headers={"X-Autorespond": "yes"})

write("auto_reply-03.eml", "auto_reply", "Auto-Submitted: auto-replied; 'back on 12/07/2026'; utf-8 QP",
      ("Vikram Anand", "vanand@westlake-med.example"), "Out of Office: Letter of recommendation request - Priya Nair",
      """I am out of the office and will be back on 12/07/2026. I will respond to
your message when I return.""", "Tue, 01 Dec 2026 07:00:00 -0500", quote="none", form="plain-qp",
      headers={"Auto-Submitted": "auto-replied"})

write("auto_reply-04.eml", "auto_reply", "TRAP: Auto-Submitted: auto-generated on an office autoresponder that replies to the ask (a person's mailbox, not a portal)",
      ("GME Office", "gme@stlukes-med.example"), SUBJ,
      """Thank you for contacting the Office of Graduate Medical Education. This is
an automated acknowledgement. A staff member will respond within three
business days.""", "Thu, 12 Mar 2026 10:00:00 -0500", quote="none",
      headers={"Auto-Submitted": "auto-generated"})

write("auto_reply-05.eml", "auto_reply", "Precedence: auto_reply only; German/English bilingual; 'Automatische Antwort' subject",
      ("Jonas Weber", "jweber@klinikum-nord.example"), "Automatische Antwort: Letter of recommendation request - Priya Nair",
      """Ich bin bis 20. M\u00e4rz nicht im B\u00fcro.

I am out of the office until March 20 and will reply after my return.""",
      "Mon, 09 Mar 2026 12:00:00 +0100", quote="none", form="plain-qp", headers={"Precedence": "auto_reply"})

write("auto_reply-06.eml", "auto_reply", "HTML-only Outlook; 'Automatic reply:' subject, no headers; left the hospital, mailbox not monitored",
      ("Chen, Lily", "lchen@bayview-rad.example"), "Automatic reply: Letter of recommendation request - Priya Nair",
      """Dr. Chen is no longer with Bayview Medical Center. This mailbox is not
monitored. Please redirect your message to radiology-office@bayview-rad.example.""",
      "Tue, 10 Mar 2026 08:00:00 -0400", quote="none", form="html-qp")

write("auto_reply-07.eml", "auto_reply", "TRAP: no headers, ordinary Re: subject, body talks about letters of recommendation; RSNA; return 'Monday, December 7'",
      ("Wei Liu", "wliu@eastgate-univ.example"), SUBJ,
      """Thank you for your message. I am out of the office attending the RSNA
meeting and will return on Monday, December 7. I will respond to requests for
letters of recommendation after my return.""", "Sun, 29 Nov 2026 09:00:00 -0600", quote="none")

write("auto_reply-08.eml", "auto_reply", "X-Autoreply: yes; ISO return date; very short",
      ("Kamal Idris", "kidris@bayside-onc.example"), "Re: Letter of recommendation request - Priya Nair",
      """On vacation until 2026-08-03. Limited email access.""", "Mon, 27 Jul 2026 09:00:00 -0500", quote="none",
      headers={"X-Autoreply": "yes"})

write("auto_reply-09.eml", "auto_reply", "Gmail vacation responder: Auto-Submitted auto-replied, Dec message 'returning 7 January' (next year)",
      ("Fiona Grant", "f.grant@elmfield.example"), "Holiday break",
      """Hello, I'm away for the holidays and returning 7 January. Replies will be
slow until then.""", "Mon, 21 Dec 2026 10:00:00 +0000", quote="none",
      headers={"Auto-Submitted": "auto-replied"})

write("auto_reply-10.eml", "auto_reply", "Portuguese only, 'Resposta automática' subject without headers; 'até 10/08/2026' (day first)",
      ("Ana Souza", "asouza@hcsul.example"), "Resposta autom\u00e1tica: Letter of recommendation request - Priya Nair",
      """Estou em f\u00e9rias at\u00e9 10/08/2026, com acesso limitado ao e-mail.""",
      "Mon, 20 Jul 2026 09:00:00 -0300", quote="none", form="plain-latin1", subj_charset="iso-8859-1")

# --------------------------------------------------------------------- other
write("other-01.eml", "other", "acknowledges materials; plain 7bit; Gmail quote",
      ("Kwame Osei", "kosei@unityhealth.example"), SUBJ,
      """Thanks Priya, received your CV and statement. Will be in touch.""", "Tue, 24 Mar 2026 08:30:00 -0500")

write("other-02.eml", "other", "TRAP: 'Sure' in a scheduling reply inside a letter thread (not a yes to the letter)",
      ("Harold Green", "hgreen@pinecrest.example"), SUBJ,
      """Sure, 3pm Thursday works. My office is on the 4th floor of the Gray
building.""", "Sun, 22 Mar 2026 07:00:00 -0500", quote="gmail")

write("other-03.eml", "other", "TRAP: congratulations mentioning 'strong letters' innocently; new thread; utf-8 QP",
      ("Dana Whitcombe", "dwhitcombe@lakeview.example"), "Congrats!!",
      """Congratulations on matching at Riverside! All those strong letters paid
off. Let's get coffee when you're in town.""", "Fri, 19 Mar 2027 12:00:00 -0700", quote="none", form="plain-qp", reply=False)

write("other-04.eml", "other", "portal reminder that is not an upload (letters outstanding); Auto-Submitted: auto-generated",
      ("ERAS LoR Service", "no-reply@lorservice.example"), "Reminder: 2 letters outstanding",
      """Hello Priya Nair,

Two of your letter requests have not yet been completed. Letters received:
1 of 3. You can send a reminder to your letter writers from your account.""",
      "Mon, 31 Aug 2026 06:00:00 -0400", quote="none", reply=False, headers={"Auto-Submitted": "auto-generated"})

write("other-05.eml", "other", "unrelated case-report question from a writer; new thread; multipart/alternative QP",
      ("Marcus Bell", "mbell@riverbend.example"), "Morel-Lavallee case report",
      """Hi Priya, are you still interested in the case report on the
Morel-Lavallee lesion? I can send you the images next week.""", "Tue, 13 Oct 2026 09:00:00 -0600",
      quote="none", form="alt-qp", reply=False)

write("other-06.eml", "other", "reply to the applicant's thank-you after the upload; Apple Mail quote",
      ("Maria Alvarado", "malvarado@sunvalley.example"), "Re: Thank you!",
      """You're welcome! Glad it's done. Keep me posted on interviews.""", "Sat, 12 Sep 2026 10:00:00 -0500", quote="iphone")

write("other-07.eml", "other", "read receipt (multipart/report disposition-notification)",
      ("Lang, Steven", "slang@northgate.example"), "Read: Letter of recommendation request - Priya Nair",
      """--rr1
Content-Type: text/plain; charset="us-ascii"
Content-Transfer-Encoding: 7bit

Your message

  To: Lang, Steven
  Subject: Letter of recommendation request - Priya Nair
  Sent: Tuesday, March 3, 2026 9:14:00 AM (UTC-05:00) Eastern Time (US & Canada)

was read on Tuesday, March 3, 2026 10:02:11 AM (UTC-05:00) Eastern Time (US & Canada).

--rr1
Content-Type: message/disposition-notification

Final-Recipient: rfc822;slang@northgate.example
Original-Message-ID: <ask-1@mailbox.test>
Disposition: automatic-action/MDN-sent-automatically; displayed

--rr1--
""", "Tue, 03 Mar 2026 10:02:11 -0500", quote="none", form="raw",
      headers={"Content-Type": 'multipart/report; report-type=disposition-notification; boundary="rr1"'})

write("other-08.eml", "other", "writer asks the applicant for slides (unrelated favour); HTML-only Outlook QP; new thread",
      ("Obi, Karen", "kobi@eastwood-childrens.example"), "Journal club slides",
      """Priya, could you send me the slides from your journal club talk? I'd like
to use them for the students next month.

Thanks,
Karen""", "Mon, 04 May 2026 11:00:00 -0400", quote="none", form="html-qp", reply=False)

write("other-09.eml", "other", "assistant acknowledges receipt of materials; plain 7bit; Original Message quote",
      ("Monica Alvarez", "malvarez@grandview-med.example"), "RE: Letter of recommendation request - Priya Nair",
      """Dear Ms. Nair,

Dr. Patel has received your CV and personal statement. Thank you.

Monica Alvarez
Office of Dr. Patel""", "Wed, 25 Mar 2026 09:00:00 -0500", quote="original")

write("other-10.eml", "other", "TRAP: delivery failure bounce (Auto-Submitted: auto-replied, multipart/report delivery-status) is not an out-of-office",
      ("Mail Delivery System", "MAILER-DAEMON@mx.mailbox.test"), "Undelivered Mail Returned to Sender",
      """--dsn1
Content-Type: text/plain; charset="us-ascii"
Content-Transfer-Encoding: 7bit

This is the mail system at host mx.mailbox.test.

I'm sorry to have to inform you that your message could not
be delivered to one or more recipients.

<jsmith@oldhospital.example>: host mx.oldhospital.example said: 550 5.1.1
    User unknown

--dsn1
Content-Type: message/delivery-status

Reporting-MTA: dns; mx.mailbox.test
Final-Recipient: rfc822; jsmith@oldhospital.example
Action: failed
Status: 5.1.1

--dsn1--
""", "Mon, 02 Mar 2026 09:15:00 -0500", quote="none", form="raw", reply=False,
      headers={"Auto-Submitted": "auto-replied",
               "Content-Type": 'multipart/report; report-type=delivery-status; boundary="dsn1"'})
