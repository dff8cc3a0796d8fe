# Second batch of labelled replies (executed by gen.py after messages.py).

SUBJ2 = "Re: Request for a letter of recommendation - Priya Nair"

# ---------------------------------------------------------------- strong_yes
write("strong_yes-11.eml", "strong_yes", "'It would be my honor to support you', advocacy to programs; windows-1252 QP; Outlook quote",
      ("Thompson, Richard", "rthompson@stjude-rad.example"), "RE: Request for a letter of recommendation - Priya Nair",
      """Dear Priya,

It would be my honor to support you. In twenty years of teaching I have
rarely seen an observer take ownership the way you did, and I intend to tell
programs exactly that. Please forward the letter request form when you have
it.

Sincerely,
Richard Thompson, MD""", "Mon, 16 Mar 2026 08:00:00 -0500", quote="outlook", form="plain-1252")

write("strong_yes-12.eml", "strong_yes", "mobile all-caps YES, 'without a doubt', 'the most prepared student'; plain 7bit; iPhone quote",
      ("Rosa Delgado", "rdelgado@southbay.example"), SUBJ2,
      """Hi Priya! YES. Without a doubt. You were the most prepared student I've
worked with in years. Send over whatever you need me to see and I'll get
writing.""", "Mon, 16 Mar 2026 21:30:00 -0700", quote="iphone")

write("strong_yes-13.eml", "strong_yes", "non-native: 'very good letter', 'best intern of your group'; utf-8 QP; Portuguese Outlook quote",
      ("Yusuf Demir", "ydemir@ankara-rad.example"), "RES: Request for a letter of recommendation - Priya Nair",
      """Dear Priya, sure I will write for you a very good letter, you deserve it.
You were the best intern of your group. Send me please the form.""",
      "Tue, 17 Mar 2026 10:00:00 +0300", quote="pt-outlook", form="plain-qp")

write("strong_yes-14.eml", "strong_yes", "HTML-only OWA: 'thrilled', 'Consider it done', 'among the top'",
      ("Price, Angela", "aprice@lakeside-univ.example"), "RE: Request for a letter of recommendation - Priya Nair",
      """Priya,

I'm thrilled you asked. Consider it done - you will have a letter that makes
clear you were among the top trainees we have hosted. I'll have it in by
mid-August.

Angela""", "Tue, 17 Mar 2026 12:30:00 -0400", quote="outlook", form="html-owa")

write("strong_yes-15.eml", "strong_yes", "assistant: 'happy to write a letter of strong support'; TRAP 'once it has been uploaded' (future, not an upload); alternative QP",
      ("Paula Gomez", "pgomez@cedarhill-med.example"), "RE: Request for a letter of recommendation - Priya Nair",
      """Dear Dr. Nair,

Dr. Hernandez is happy to write a letter of strong support for your
application. She remembers your work on the stroke protocol very well. I will
send you a confirmation once it has been uploaded.

Kind regards,
Paula Gomez, Executive Assistant""", "Wed, 18 Mar 2026 09:10:00 -0400", quote="original", form="alt-qp")

write("strong_yes-16.eml", "strong_yes", "short: 'You earned a great letter and you'll get one'; plain 7bit; Gmail quote",
      ("Ben Archer", "barcher@hilltop-med.example"), SUBJ2,
      """I'd be glad to, Priya. You earned a great letter and you'll get one. Send
the form whenever.""", "Wed, 18 Mar 2026 17:45:00 -0500")

# ------------------------------------------------------------------ hesitant
write("hesitant-14.eml", "hesitant", "did not supervise directly, 'may not carry as much weight'; utf-8 QP; Gmail quote",
      ("Lisa Fong", "lfong@baycity.example"), SUBJ2,
      """Priya,

I can write you a letter, but I think it's only fair to tell you that I
didn't supervise you directly; most of my impressions come from the
residents. It may not carry as much weight as one from your direct
supervisor.

Lisa""", "Thu, 19 Mar 2026 08:00:00 -0700", form="plain-qp")

write("hesitant-15.eml", "hesitant", "terse neutral 'Ok. I'll do it.'; plain 7bit; iPhone quote",
      ("Gus Moreno", "gmoreno@valleyer.example"), SUBJ2,
      """Ok. I'll do it. Send me your stuff.""", "Thu, 19 Mar 2026 23:10:00 -0700", quote="iphone")

write("hesitant-16.eml", "hesitant", "neutral 'happy to write on your behalf' + asks for bullet points (no strength); multipart/alternative QP",
      ("Kevin Park", "kpark@unionhill.example"), SUBJ2,
      """Hi Priya,

Thanks for asking! I'm happy to write on your behalf. Please send me your
CV, personal statement and a few bullet points about what you'd like me to
highlight.

Best,
Kevin""", "Fri, 20 Mar 2026 10:20:00 -0400", form="alt-qp")

write("hesitant-17.eml", "hesitant", "'interaction was limited to a two-week elective', 'could only comment on general aspects'; iso-8859-1 QP; Portuguese 'escreveu' quote",
      ("Rui Vieira", "rvieira@hsantos.example"), SUBJ2,
      """Dear Priya,

I am glad to hear about your plans. Although I can write a letter, you
should know that our interaction was limited to a two-week elective, and I
could only comment on general aspects such as punctuality and interest.

Regards,
Dr. Vieira""", "Fri, 20 Mar 2026 15:00:00 -0300", quote="pt-escreveu", form="plain-latin1")

write("hesitant-18.eml", "hesitant", "willing, but 'a more compelling letter from Dr. Stone'; plain 7bit; Thunderbird quote",
      ("Nora Quinn", "nquinn@brightwater.example"), SUBJ2,
      """Hi Priya - I'd be willing to write, though you might get a more compelling
letter from Dr. Stone, who supervised your research. Let me know what you
decide.""", "Sat, 21 Mar 2026 09:00:00 -0400", quote="thunderbird")

write("hesitant-19.eml", "hesitant", "'sure, I'll write something', 'it's been a while'; utf-8 base64",
      ("Ivan Petrov", "ipetrov@northlake.example"), SUBJ2,
      """Priya, sure, I'll write something. It's been a while so remind me what we
worked on together.""", "Sat, 21 Mar 2026 20:00:00 -0500", form="plain-b64")

write("hesitant-20.eml", "hesitant", "institutional 'standard-format letter' describing attendance and conduct; multipart/alternative base64; Outlook quote",
      ("Kessler, Anna", "akessler@rhineland-klinik.example"), "RE: Request for a letter of recommendation - Priya Nair",
      """Dear Dr. Nair,

I am able to write a letter of recommendation that describes your attendance
and conduct during the observership. Please note that observers at our
institution receive a standard-format letter, as we do not evaluate clinical
performance.

Regards,
Dr. Kessler""", "Sun, 22 Mar 2026 11:00:00 +0100", quote="outlook", form="alt-b64")

write("hesitant-21.eml", "hesitant", "'can probably put together a short letter', recollection limited; HTML-only OWA",
      ("Haddad, Omar", "ohaddad@gulfmed.example"), "RE: Request for a letter of recommendation - Priya Nair",
      """Hi Priya,

I can probably put together a short letter. My recollection of your rotation
is limited, so it would help if you sent me a summary.

Best,
Omar""", "Sun, 22 Mar 2026 18:00:00 +0400", quote="outlook", form="html-owa")

# ------------------------------------------------------------------- decline
write("decline-11.eml", "decline", "'I'm going to decline', cannot do the application justice; plain 7bit",
      ("John Mercer", "jmercer@oakvale.example"), SUBJ2,
      """Dear Priya,

I appreciate you thinking of me, but I'm going to decline. I don't think I
can do your application justice.

Best wishes,
John""", "Mon, 23 Mar 2026 08:30:00 -0500")

write("decline-12.eml", "decline", "not writing any letters this cycle (leaving the institution); utf-8 QP; iPhone quote",
      ("Hana Sato", "hsato@pacificrim.example"), SUBJ2,
      """Priya \u2014 I'm sorry, I'm not writing any letters this cycle because I'm
leaving the institution in July. Best of luck with everything.""",
      "Mon, 23 Mar 2026 22:00:00 -0700", quote="iphone", form="plain-qp")

write("decline-13.eml", "decline", "TRAP: 'already agreed to write for several other applicants' is not agreement; British 'must decline'; windows-1252 QP",
      ("Fraser, Ewan", "e.fraser@glenmore.example"), "RE: Request for a letter of recommendation - Priya Nair",
      """Dear Priya,

I\u2019m afraid I must decline on this occasion; I have already agreed to write
for several other applicants and could not give your letter the attention it
deserves.

Kind regards,
Dr. Fraser""", "Tue, 24 Mar 2026 09:00:00 +0000", quote="outlook", form="plain-1252")

write("decline-14.eml", "decline", "withdraws: 'need to back out of writing your letter'; HTML-only Outlook",
      ("Karimi, Nadia", "nkarimi@riverview-med.example"), "RE: Request for a letter of recommendation - Priya Nair",
      """Priya,

I'm so sorry, but I need to back out of writing your letter. A family
emergency has come up and I won't be able to meet the deadline. Please reach
out to someone else as soon as possible.

Regards,
Nadia""", "Tue, 24 Mar 2026 13:00:00 -0400", quote="outlook", form="html-qp")

write("decline-15.eml", "decline", "portal notice that the writer declined (Auto-Submitted: auto-generated)",
      ("LetterLink", "no-reply@letterlink.example"), "Letter request declined",
      """Hello Priya,

Dr. Henry Walsh has declined your request for a letter of recommendation.
You may wish to request a letter from another writer.

LetterLink""", "Wed, 25 Mar 2026 07:00:00 -0400", quote="none", reply=False,
      headers={"Auto-Submitted": "auto-generated"})

write("decline-16.eml", "decline", "does not know the applicant well enough, suggests asking Dr. Rao; plain 7bit; Gmail quote",
      ("Sean Walsh", "swalsh@harbor-im.example"), SUBJ2,
      """Hi Priya, thanks for asking. I honestly don't know you well enough to
write a letter. I'd suggest asking Dr. Rao, who supervised your sub-I.""",
      "Wed, 25 Mar 2026 19:00:00 -0500")

# ---------------------------------------------------------------- needs_info
write("needs_info-11.eml", "needs_info", "which programs, 'help me decide whether I'm the right writer'; plain 7bit",
      ("Mark Doyle", "mdoyle@eastfield.example"), SUBJ2,
      """Hi Priya,

What programs are you applying to, and are any of them in my network? That
will help me decide whether I'm the right writer for you.

Mark""", "Thu, 26 Mar 2026 08:00:00 -0500", quote="none")

write("needs_info-12.eml", "needs_info", "CV + dates 'before I give you an answer'; utf-8 QP; Gmail quote",
      ("Aiko Tanaka", "atanaka@kyoto-rad.example"), SUBJ2,
      """Dear Priya, could you send me your CV and remind me of the dates of your
elective? I'd like to look at these before I give you an answer.""",
      "Thu, 26 Mar 2026 21:00:00 +0900", form="plain-qp")

write("needs_info-13.eml", "needs_info", "terse 'Let's meet first'; plain 7bit; iPhone quote",
      ("Victor Lang", "vlang@metroimaging.example"), SUBJ2,
      """Let's meet first. Swing by the reading room Tuesday?""", "Fri, 27 Mar 2026 07:30:00 -0400", quote="iphone")

write("needs_info-14.eml", "needs_info", "'I may be able to help, but I need a few things first', will let you know if I can write; multipart/alternative QP",
      ("Ken Ito", "kito@shoreline-med.example"), SUBJ2,
      """Priya,

I may be able to help, but I need a few things first: your CV, a draft
personal statement and the ERAS form. Once I review them I'll let you know if
I can write.

Dr. Ito""", "Fri, 27 Mar 2026 12:00:00 -0700", form="alt-qp")

write("needs_info-15.eml", "needs_info", "assistant: applicants submit an information sheet; she will review and respond within two weeks; HTML-only Outlook",
      ("Lin, Amy", "alin@crestview-health.example"), "RE: Request for a letter of recommendation - Priya Nair",
      """Dear Dr. Nair,

Thank you for your request. Dr. Brooks asks all applicants to submit the
attached information sheet and a copy of their transcript. She will review
these and respond to your request within two weeks.

Best regards,
Amy Lin""", "Sat, 28 Mar 2026 10:00:00 -0400", quote="outlook", form="html-qp")

# ------------------------------------------------------------------ uploaded
write("uploaded-11.eml", "uploaded", "plain 'Your letter has been uploaded'; plain 7bit; Gmail quote",
      ("Grace Lee", "glee@meridian-health.example"), SUBJ2,
      """Hi Priya,

Your letter has been uploaded. Good luck!

Dr. Lee""", "Mon, 14 Sep 2026 08:00:00 -0400")

write("uploaded-12.eml", "uploaded", "'it's done! Uploaded it this afternoon'; utf-8 QP",
      ("Rosa Delgado", "rdelgado@southbay.example"), SUBJ2,
      """Priya \u2014 it's done! Uploaded it this afternoon. Fingers crossed for you.""",
      "Mon, 14 Sep 2026 17:00:00 -0700", quote="iphone", form="plain-qp")

write("uploaded-13.eml", "uploaded", "portal notice 'The following letter of recommendation has been received', no auto headers; plain 7bit",
      ("MyERAS Notifications", "noreply@eras-notify.example"), "Letter of Recommendation Received",
      """The following letter of recommendation has been received for your
application:

Author: Dr. Jonas Weber
Date received: 09/15/2026

Log in to assign this letter to programs.""", "Tue, 15 Sep 2026 06:00:00 -0400", quote="none", reply=False)

write("uploaded-14.eml", "uploaded", "assistant: 'letter was submitted on her behalf this morning'; windows-1252 QP",
      ("Office of Dr. Kim", "kimoffice@northshore-med.example"), SUBJ2,
      """Dear Priya, please be advised that Dr. Kim\u2019s letter was submitted on her
behalf this morning.""", "Tue, 15 Sep 2026 11:00:00 -0400", form="plain-1252")

# ---------------------------------------------------------------- auto_reply
write("auto_reply-11.eml", "auto_reply", "TRAP: no headers, 'Re:' subject; 'currently traveling with limited access to email', return March 30",
      ("Lisa Fong", "lfong@baycity.example"), SUBJ2,
      """I'm currently traveling with limited access to email and will respond when
I return on March 30.""", "Mon, 23 Mar 2026 06:00:00 -0700", quote="none")

write("auto_reply-12.eml", "auto_reply", "X-Autoreply only; left the institution",
      ("Nora Quinn", "nquinn@brightwater.example"), "Re: Request for a letter of recommendation - Priya Nair",
      """I no longer work at Brightwater Hospital. Please contact
radiology@brightwater.example for assistance.""", "Tue, 24 Mar 2026 06:00:00 -0400", quote="none",
      headers={"X-Autoreply": "yes"})

write("auto_reply-13.eml", "auto_reply", "subject 'OOO until 4/2', no headers",
      ("Victor Lang", "vlang@metroimaging.example"), "OOO until 4/2",
      """Out of office until April 2 - for urgent issues call the reading room.""",
      "Wed, 25 Mar 2026 06:00:00 -0400", quote="none")

write("auto_reply-14.eml", "auto_reply", "Auto-Submitted: auto-replied; maternity leave, month-only return (no date)",
      ("Hana Sato", "hsato@pacificrim.example"), "Automatic reply: Request for a letter of recommendation - Priya Nair",
      """I am on maternity leave and will return in September. Emails will not be
forwarded.""", "Thu, 26 Mar 2026 06:00:00 -0700", quote="none", headers={"Auto-Submitted": "auto-replied"})

# --------------------------------------------------------------------- other
write("other-11.eml", "other", "thanks and good wishes only; plain 7bit; Gmail quote",
      ("Ben Archer", "barcher@hilltop-med.example"), "Re: Thank you",
      """Thank you, Priya! Wishing you luck with interviews.""", "Fri, 18 Sep 2026 08:00:00 -0500")

write("other-12.eml", "other", "portal notice: a reminder was sent to the writer (not an upload); Auto-Submitted: auto-generated",
      ("LetterLink", "no-reply@letterlink.example"), "Reminder sent to Dr. Ben Archer",
      """Hello Priya,

We sent a reminder to Dr. Ben Archer about your letter request. Status:
Requested - awaiting letter.

LetterLink""", "Mon, 24 Aug 2026 07:00:00 -0400", quote="none", reply=False,
      headers={"Auto-Submitted": "auto-generated"})

write("other-13.eml", "other", "certificate of completion attached (PDF named certificate, not a letter); multipart/mixed",
      ("Obi, Karen", "kobi@eastwood-childrens.example"), "Observership certificate",
      """Hi Priya, here's the certificate of completion you asked for - see the
attached PDF.

Karen""", "Tue, 07 Apr 2026 10:00:00 -0400", quote="none", form="mixed", reply=False,
      attach=("Observership_certificate_Nair.pdf", "application/pdf", FAKE_PDF))

write("other-14.eml", "other", "TRAP: unrelated question inside the letter thread (manuscript), after an earlier yes",
      ("Marcus Bell", "mbell@riverbend.example"), SUBJ2,
      """By the way, did you ever finish the manuscript on the ankle cases?""",
      "Wed, 08 Apr 2026 12:00:00 -0600")

write("other-15.eml", "other", "TRAP: 'your application is submitted' (not the letter); plain 7bit",
      ("Dana Whitcombe", "dwhitcombe@lakeview.example"), "Re: Application submitted!",
      """So glad to hear your application is submitted! Fingers crossed.""",
      "Thu, 17 Sep 2026 09:00:00 -0700", quote="iphone")
