from h import E, IPH
S = "other"
AG = [("Auto-Submitted", "auto-generated")]
DOCS = """Dear Dr. {n},

Thank you so much for agreeing to write a letter for me. As promised, I am attaching my CV, my personal statement and the ERAS Letter Request Form (AAMC ID 17302846). Please let me know if you need anything else.

With gratitude,
Yusuf Karimi"""
THANKS = """Dear Dr. {n},

I just wanted to say thank you again for writing my letter. I received the confirmation from ERAS today. I will keep you updated on interviews.

Warm regards,
Yusuf"""
R = [
E(S, "Letter portal notice (invented 'LetterBridge'): request SENT to writer, not an upload; plain 7bit, Auto-Submitted: auto-generated",
  ("LetterBridge Notifications", "notifications@letterbridge.example"), "USE", "plain", None, cs="us-ascii", cte="7bit", noreply=True,
  subj="LetterBridge: your letter request to Dr. Catherine Moreau has been sent", hdrs=AG,
  body="""
Hello Yusuf Karimi,

Your letter request has been delivered to the recommender below. We will email you again when a letter is submitted.

Recommender: Catherine Moreau, MD (Eastgate Medical Center)
Request ID: LB-58477
Status: Awaiting letter

You can send a polite reminder from your dashboard after 14 days.

This mailbox is not monitored.
LetterBridge
"""),

E(S, "Letter portal reminder (invented 'RecoDesk'): 'letter still pending' - not an upload; HTML-only utf-8 QP, no auto headers",
  ("RecoDesk", "no-reply@recodesk.example"), "USC", "html", None, cs="utf-8", cte="qp", noreply=True, mua="web",
  subj="Reminder: 2 letters still pending for your file",
  body="""
Hi Yusuf,

Two of your requested letters have not arrived yet:

- Ravi Subramanian, MD, Lakeshore University Hospitals (requested 12 days ago)
- Brian Kowalczyk, MD, Summit Ridge Medical Center (requested 9 days ago)

Programs begin reviewing files soon. You may want to check in with your recommenders.

The RecoDesk team
"""),

E(S, "Saudi consultant acknowledging documents after an earlier yes; plain 7bit, Gmail quote of the applicant's documents email (not the ask) - acknowledgement only",
  ("Dr. Turki Al-Anazi", "t.alanazi@hail-regional-hosp.example"), "SA", "plain", "gmail", cs="us-ascii", cte="7bit",
  qsubj="Documents for your letter - Yusuf Karimi", qtext=DOCS.format(n="Al-Anazi"),
  body="""
Received, thank you.

Turki
"""),

E(S, "Pakistan, consultant scheduling a call after earlier yes; multipart/alternative utf-8 QP, quoted documents mail; 'Let's do the call Tuesday at 5 PKT' - scheduling",
  ("Dr. Rabia Anwar", "rabia.anwar@shifa-isb-east.example"), "PK", "alt", "gmail", cs="utf-8", cte="qp",
  qsubj="Documents for your letter - Yusuf Karimi", qtext=DOCS.format(n="Anwar"),
  body="""
Dear Yusuf,

Got your documents. Let's do a short call on Tuesday at 5 pm PKT so you can walk me through the research project, I want to get the details right. I'll call you on WhatsApp.

Rabia
"""),

E(S, "India, Professor forwarding an unrelated IMG webinar; HTML-only QP us-ascii, no quote; unrelated to the letter",
  ("Dr. Arvind Shetty", "arvind.shetty@yenepoya-coastal.example"), "IN", "html", None, date="2025-07-12 09:18", cs="us-ascii", cte="7bit", noreply=True,
  subj="Fwd: Webinar for IMGs - US radiology residency pathway",
  body="""
Dear Yusuf,

Forwarding this, may be useful for you. Kindly register if interested.

Regards,
Dr. Arvind Shetty

---------- Forwarded message ---------
From: Indian Radiology Alumni Network <events@irad-alumni.example>
Date: Fri, Jul 11, 2025 at 6:02 PM
Subject: Webinar for IMGs - US radiology residency pathway
To: <arvind.shetty@yenepoya-coastal.example>

Dear Members,

The Alumni Network invites you to a webinar on the US radiology residency pathway for international medical graduates on Sunday 20 July at 8:30 pm IST. Speakers include current PGY-3 residents and a program coordinator.

Registration link: https://events.irad-alumni.example/img-radiology
"""),

E(S, "Nigeria, Consultant sending Eid/holiday greetings, unrelated to the letter; plain 7bit, no quote",
  ("Dr. Aminu Bello", "aminu.bello@kano-akth.example"), "NG", "plain", None, cs="us-ascii", cte="7bit", noreply=True,
  subj="Eid Mubarak", date="2025-06-06 09:15",
  body="""
Dear Yusuf,

Eid Mubarak to you and your family. May Allah accept our sacrifices and grant you success in all your endeavours this year.

Warm regards,
Dr. Aminu Bello
"""),

E(S, "Mail delivery failure bounce (mailer-daemon) for the ask; plain-text DSN; automated but not an out-of-office - other",
  ("Mail Delivery System", "MAILER-DAEMON@mx1.lagos-westmed.example"), "NG", "plain", None, cs="us-ascii", cte="7bit", noreply=True,
  subj="Undelivered Mail Returned to Sender", wrap=False, received=False, hdrs=[("Auto-Submitted", "auto-replied")],
  body="""
This is the mail system at host mx1.lagos-westmed.example.

I'm sorry to have to inform you that your message could not
be delivered to one or more recipients.

<t.adewale@lagos-westmed.example>: host mailstore.lagos-westmed.example said:
    550 5.1.1 User unknown (in reply to RCPT TO command)

Original subject: Request for a strong letter of recommendation - Diagnostic Radiology (ERAS 2026)
"""),

E(S, "Letter portal notice (invented 'SealedRef'): recommender opened/viewed the request - not an upload; multipart/alternative, Auto-Submitted",
  ("SealedRef", "notifications@sealedref.example"), "USW", "alt", None, cs="utf-8", cte="qp", noreply=True,
  date="2025-08-09 20:02", subj="Update on your request to Dr. Amr Soliman", hdrs=AG,
  body="""
Hi Yusuf,

Dr. Amr Soliman opened your letter request on August 9, 2025. No letter has been submitted yet.

File number: SR-20977
Status: Viewed by recommender

We'll let you know as soon as the letter arrives.

SealedRef
"""),

E(S, "US attending replying to a thank-you note after upload; plain 7bit, Gmail quote of thank-you (not the ask) - pleasantries only",
  ("Jonathan Pierce", "jpierce@alderbrook-med.example"), "USE", "plain", "gmail", cs="us-ascii", cte="7bit",
  qsubj="Thank you!", qtext=THANKS.format(n="Pierce"),
  body="""
You're very welcome, Yusuf. Good luck with interview season, and do let me know where you end up.

Jon
"""),

E(S, "Egypt, assistant acknowledging receipt of documents placed on Professor's desk; plain QP utf-8, quoted documents mail - acknowledgement, no commitment content",
  ("Hala Mostafa (Secretary, Radiology)", "radiology.secretary@giza-univ-hosp.example"), "EG", "plain", "gmail", cs="utf-8", cte="qp",
  qsubj="Documents for your letter - Yusuf Karimi", qtext=DOCS.format(n="Ezzat"),
  body="""
Dear Dr. Yusuf,

Your documents have been received and printed, and they are now on Prof. Ezzat's desk. He is in the operating list today.

Best regards,
Hala Mostafa
Secretary, Department of Radiology
"""),

E(S, "Lebanon, attending sending case report revision comments, unrelated to letter; multipart/mixed with small .txt attachment, quoted manuscript mail",
  ("Dr. Fadi Nassar", "fadi.nassar@mountlebanon-hosp.example"), "LB", "mixed", "gmail", cs="utf-8", cte="qp",
  qsubj="Case report draft v3 - Dandy-Walker variant", qtext="""Dear Dr. Nassar,

Please find attached version 3 of the case report with the figure legends updated. I addressed the comments from Dr. Khalil.

Best,
Yusuf""",
  att=("comments_v3.txt", "text/plain", "Fig 2: crop the sagittal T2 tighter.\nDiscussion para 3: cite the 2019 series.\nReferences: check journal style.\n"),
  body="""
Yusuf,

Comments attached. Mostly minor; please fix the figure 2 crop and the references and send it to the journal this week.

Fadi
"""),

E(S, "US attending sending calendar invite for a meeting after earlier yes; multipart/mixed with text/calendar attachment - scheduling",
  ("Karen Whitfield-Ames", "kwhitfieldames@lakeridge-univ.example"), "USC", "mixed_plain", "gmail", date="2025-08-14 10:00", cs="us-ascii", cte="7bit",
  qsubj="Documents for your letter - Yusuf Karimi", qtext=DOCS.format(n="Whitfield-Ames"),
  att=("invite.ics", "text/calendar; charset=utf-8", "BEGIN:VCALENDAR\nVERSION:2.0\nPRODID:-//Lakeridge//Calendar//EN\nMETHOD:REQUEST\nBEGIN:VEVENT\nUID:lr-8812@lakeridge-univ.example\nDTSTART:20250819T210000Z\nDTEND:20250819T213000Z\nSUMMARY:Yusuf Karimi - letter chat\nORGANIZER:mailto:kwhitfieldames@lakeridge-univ.example\nATTENDEE:mailto:yusuf.karimi@inbox.test\nEND:VEVENT\nEND:VCALENDAR\n"),
  body="""
Thanks, got everything. I've sent you an invite for Tuesday at 4 CT so we can go over your PS together.

Karen
"""),

E(S, "Ghana, consultant asking applicant to help a junior with USMLE resources, unrelated; plain 7bit, no quote",
  ("Dr. Kwame Osei-Tutu", "kwame.oseitutu@komfo-north-th.example"), "GH", "plain", None, cs="us-ascii", cte="7bit", noreply=True,
  subj="Introduction - Dr. Efua Annan",
  body="""
Dear Yusuf,

I trust you are well. I am copying Dr. Efua Annan, one of our house officers, who is beginning her USMLE preparation. I told her you have been through the whole process and might be willing to share some advice and resources. I would be grateful if you could spare her half an hour.

Regards,
Dr. Kwame Osei-Tutu
""", cc="Efua Annan <efua.annan@komfo-north-th.example>"),

E(S, "Letter portal notice (invented 'Lumen Referee Portal'): referee asked for an extension - not upload; plain 7bit, Auto-Submitted",
  ("Lumen Referee Portal", "notifications@lumenref.example"), "UK", "plain", None, cs="us-ascii", cte="7bit", noreply=True,
  date="2025-08-26 09:00", subj="[Lumen] Referee requested more time - Karimi, Yusuf (ref. 4490-A)", hdrs=AG,
  body="""
Referee update

Applicant: Karimi, Yusuf
Referee: Dr Fiona McAllister
Reference number: 4490-A

The referee has indicated that the reference will be completed after the original target date. New expected date: 05/09/2025.

No reference has been uploaded yet. Please do not reply to this email.
"""),

E(S, "Turkey, professor's reply that only confirms the applicant's new phone number / contact details, after earlier yes; plain QP utf-8, Turkish Gmail quote",
  ("Prof. Dr. Levent Şahin", "levent.sahin@uludag-bati-tip.example"), "TR", "plain", "tr", cs="utf-8", cte="qp",
  qsubj="My new phone number", qtext="""Dear Prof. Şahin,

Just a short note that my phone number has changed; my new number is +1 555 0142. Thank you again for agreeing to write for me.

Yusuf""",
  body="""
Noted, I saved it. Thanks.

Levent Şahin
"""),

E(S, "US attending thanking applicant for a gift/card; HTML-only Gmail us-ascii; pleasantries, no letter content",
  ("Sharon Easterly", "seasterly@mapleford-hosp.example"), "USE", "html", None, cs="us-ascii", cte="qp", noreply=True,
  subj="The card", mua="gmail",
  body="""
Yusuf,

Your card arrived today, with the little box of dates. That was so thoughtful and completely unnecessary. Thank you. The whole reading room has been enjoying them.

Sharon
"""),

E(S, "Bangladesh, Professor's reply about a conference abstract co-authorship, unrelated to the letter; plain 7bit, Outlook block quoting applicant's abstract mail; trap: 'Yes, go ahead' is about the abstract, not a letter",
  ("Prof. Dr. Mahbubur Rahman Khan", "mahbub.khan@khulna-mc-radiology.example"), "BD", "plain", "outlook", cs="us-ascii", cte="7bit",
  qsubj="Abstract submission - RSNA", qtext="""Dear Sir,

The abstract on the hydatid cyst series is ready. May I submit it to RSNA with you as senior author? The deadline is in three days.

Regards,
Yusuf""", pre="RE: ",
  body="""
Dear Yusuf,

Yes, go ahead and submit, with my name as senior author. Please add Dr. Shirin as second author, she collected half the cases. Send me the submission confirmation.

Prof. M. R. Khan
"""),

E(S, "India, department office circulating a notice about internship certificate collection, unrelated bulk mail; plain 7bit, no quote, Precedence: bulk",
  ("Academic Section, Dept. of Radiodiagnosis", "academic.radiology@osmania-east-mc.example"), "IN", "plain", None, date="2025-07-28 11:00", cs="us-ascii", cte="7bit", noreply=True,
  subj="Notice: collection of internship completion certificates (2022-23 batch)", hdrs=[("Precedence", "bulk")], to_bare=True,
  body="""
NOTICE

All interns of the 2022-23 batch who completed their Radiodiagnosis posting are hereby informed that internship completion certificates are ready for collection from the Academic Section on working days between 11 am and 3 pm, on production of college ID. Certificates not collected by 31st August will be sent to the Dean's office.

Academic Section
Department of Radiodiagnosis
"""),
]
