from h import E, IPH
from att import PNG, PDF, DOCX
S = "uploaded"
AG = [("Auto-Submitted", "auto-generated"), ("X-Auto-Response-Suppress", "All")]
R = [
E(S, "Letter portal notice (invented 'LetterBridge'); plain 7bit, no quote, Auto-Submitted: auto-generated; trap: auto header but it is an upload confirmation",
  ("LetterBridge Notifications", "notifications@letterbridge.example"), "USE", "plain", None, cs="us-ascii", cte="7bit", noreply=True,
  date="2025-08-14 01:13", subj="LetterBridge: a letter has been submitted for your request LB-58213", hdrs=AG,
  body="""
Hello Yusuf Karimi,

Good news: Dr. Meenakshi Raghavan has completed and submitted the letter you requested through LetterBridge.

Request ID: LB-58213
Applicant AAMC ID: 17302846
Letter type: Letter of recommendation (confidential)
Submitted: 14 Aug 2025, 10:42 (UTC+05:30)

Because you waived your right to view this letter, its contents are not available to you. You can assign it to programs from your applicant dashboard.

This mailbox is not monitored.
LetterBridge
"""),

E(S, "Letter portal notice (invented 'RecoDesk'); HTML-only utf-8 QP, no quote, no auto headers; writer's letter received and attached to file",
  ("RecoDesk", "no-reply@recodesk.example"), "USC", "html", None, cs="utf-8", cte="qp", noreply=True,
  subj="Letter received from Dr. Laura Benedetti", mua="web",
  body="""
Dear Yusuf,

We're letting you know that your recommender Laura Benedetti, MD (Northfield Clinic) uploaded a letter on your behalf today.

Status: Received, confidential
Document pages: 2
Your AAMC ID on file: 17302846

No action is needed from you. If you requested letters from other writers, you will receive a separate message as each one arrives.

The RecoDesk team
"""),

E(S, "Letter portal notice (invented 'Lumen Referee Portal'); multipart/alternative us-ascii, Auto-Submitted: auto-generated; upload for applicant",
  ("Lumen Referee Portal", "notifications@lumenref.example"), "UK", "alt", None, cs="us-ascii", cte="7bit", noreply=True,
  date="2025-07-29 16:06", subj="[Lumen] Reference uploaded - Karimi, Yusuf (ref. 4471-C)", hdrs=AG + [("Precedence", "bulk")],
  body="""
Reference uploaded

Applicant: Karimi, Yusuf
Referee: Dr Hugh Pemberton, Wessex Vale Hospitals NHS Foundation Trust
Reference number: 4471-C
Uploaded: 29/07/2025 16:05 BST

The referee has marked the reference as final. It can no longer be edited by the referee.

Please do not reply to this email.
"""),

E(S, "India, Professor; multipart/mixed (alternative + screenshot PNG), 7bit, Gmail quote of the ask; 'I have uploaded the letter on the portal today. Kindly check and confirm' - uploaded",
  ("Dr. Anil Deshpande", "anil.deshpande@dims-pune.example"), "IN", "mixed", "gmail", att=("ERAS_confirmation.png", "image/png", PNG), cs="us-ascii", cte="7bit", ask=3,
  sal="Respected Sir",
  body="""
Dear Yusuf,

I have uploaded the letter on the portal today afternoon. Kindly check and confirm the receipt at your end. Screenshot of the confirmation page is attached.

With best wishes for your success,
Dr. Anil Deshpande
Professor, Department of Radiodiagnosis
Dayanand Institute of Medical Sciences, Pune
"""),

E(S, "Nigeria, secretary 'directed to inform'; multipart/alternative 7bit, no quote; letter uploaded by Professor - uploaded via assistant",
  ("Mr. Emeka Nwosu", "hod.office.radiology@calabar-uth.example"), "NG", "alt", None, date="2025-08-18 13:30", cs="us-ascii", cte="7bit", ask=3,
  subj="Re: Kind request: strong LOR for DR residency application (IMG)",
  body="""
Dear Dr Karimi,

I am directed by Dr. (Mrs) Itoro Bassey-Edet to inform you that the letter of recommendation in respect of your application has been duly uploaded to the ERAS portal this morning, Monday 18th August 2025.

She wishes you success in the forthcoming selection exercise.

Emeka Nwosu
Confidential Secretary, Office of the Head of Department
Department of Radiology, Cross River University Teaching Hospital, Calabar
"""),

E(S, "US attending (terse phone); plain 7bit, Apple quote, iPhone; 'done. uploaded this am. good luck!!' - uploaded",
  ("Dave Pulaski", "dpulaski@tristate-ortho-imaging.example"), "USE", "plain", "apple", cs="us-ascii", cte="7bit", ask=4,
  sal="Hi Dr. Pulaski", foot=IPH,
  body="""
done. uploaded this am. good luck!!
"""),

E(S, "Egypt, Lecturer (phone); plain 8bit utf-8, Gmail quote; trap: praise + 'Uploaded dear' - uploaded wins",
  ("Dina Ragab", "dina.ragab@suez-canal-uh.example"), "EG", "plain", "gmail", cs="utf-8", cte="8bit", ask=1,
  sal="Dear Dr. Dina", foot="Sent from my Huawei phone",
  body="""
Uploaded dear ✅ I wrote that you are the best intern I had in 5 years and I meant it. Best of luck inshaAllah
"""),

E(S, "US attending; multipart/alternative windows-1252 QP, Gmail quote; trap: long strong praise but letter already submitted - uploaded wins",
  ("Heather Brandt", "hbrandt@elmwood-univ.example"), "USC", "alt", "gmail", cs="windows-1252", cte="qp", ask=2,
  ctx="I observed with you in the thoracic section during May.",
  body="""
Yusuf \u2014

Submitted. I said you were the best observer I\u2019ve hosted in a decade, that I\u2019d rank you to match at our own program without hesitation, and I described the lung nodule follow-up audit in detail. I hope it helps.

Keep me posted on interviews.

Heather
"""),

E(S, "UK, Professor's PA; plain 7bit, Outlook UK block; 'Professor's letter has been submitted via the ERAS portal this morning' - uploaded via assistant",
  ("Margaret Doyle", "margaret.doyle@wearside-nhs.example"), "UK", "plain", "outlook2", cs="us-ascii", cte="7bit", ask=0,
  sal="Dear Professor Lennox", pre="RE: ",
  body="""
Dear Dr Karimi,

Just a quick note to let you know that Professor Lennox's letter was submitted via the ERAS portal this morning, and the portal is showing it as received.

Kind regards,
Margaret Doyle
Secretary to Professor A. Lennox
Wearside Royal Infirmary
"""),

E(S, "Pakistan, Senior Registrar; multipart/alternative utf-8 QP, Outlook block; trap: 'standard submission' wording about the portal step; letter uploaded",
  ("Dr. Ayesha Siddiqa", "ayesha.siddiqa@allied-fsd.example"), "PK", "alt_owa", "outlook", cs="utf-8", cte="qp", ask=1,
  ctx="I hope you remember me from the ultrasound room at Allied Hospital, Faisalabad.",
  pre="RE: ",
  body="""
Dear Yusuf,

The letter has been uploaded. The portal gave me a message saying "standard submission completed", I hope that is the right thing. If it is not showing on your side please tell me and I will do it again.

Best of luck, you deserve it.

Dr. Ayesha Siddiqa
Senior Registrar, Radiology, Allied Hospital Faisalabad
"""),

E(S, "Saudi Arabia, education coordinator; Outlook HTML-only utf-8 base64, no quote; 'This is to inform you that your LOR from Dr. ... has been uploaded' - uploaded via coordinator",
  ("Reem Al-Dossary", "reem.aldossary@khobar-gulf-hosp.example"), "SA", "owa", None, cs="utf-8", cte="b64", ask=3,
  subj="RE: Kind request: strong LOR for DR residency application (IMG)", mua="outlook",
  body="""
Dear Dr. Yusuf,

This is to inform you that your recommendation letter from Dr. Hamad Al-Sabti has been uploaded today to the ERAS system. Kindly confirm on your side that it appears as received.

Best regards,
Reem Al-Dossary
Postgraduate Training Office, Department of Radiology
Gulf Coast Hospital, Al Khobar
"""),

E(S, "Turkey, Professor; plain QP utf-8, Turkish Gmail quote; 'I sent the letter through the system' - uploaded",
  ("Dr. Zeynep Arslan", "zeynep.arslan@karadeniz-egitim.example"), "TR", "plain", "tr", cs="utf-8", cte="qp", ask=2,
  body="""
Dear Yusuf,

I sent the letter through the system yesterday evening. It said "letter received", so I think it is OK. Good luck to you, and greetings from all the team in Trabzon.

Zeynep Arslan
"""),

E(S, "Letter portal notice (invented 'SealedRef'); multipart/alternative utf-8 QP, Auto-Submitted: auto-generated; confirms receipt of writer's letter",
  ("SealedRef", "notifications@sealedref.example"), "USW", "alt", None, cs="utf-8", cte="qp", noreply=True,
  date="2025-08-21 15:47", subj="Your recommender has submitted a letter (SealedRef #SR-20931)", hdrs=AG,
  body="""
Hi Yusuf,

A sealed letter was just added to your SealedRef file.

Recommender: Greg Tanaka, MD
Institution: Westbrook University Hospital
File number: SR-20931
Date received: August 21, 2025

The letter is stored confidentially and will be released only to the programs you select. You don't need to reply to this message.

SealedRef
"""),

E(S, "Morocco, attending; plain 8bit iso-8859-1, French Gmail quote; 'It is done, I uploaded the letter yesterday evening' - uploaded",
  ("Dr Souad El Fassi", "s.elfassi@chu-meknes-ismailia.example"), "MA", "plain", "fr", cs="iso-8859-1", cte="8bit", ask=4,
  sal="Bonjour Dr El Fassi", ctx="Thank you again for the weeks in Meknès, I learned a lot about ultrasound.",
  body="""
Bonjour Yusuf,

C'est fait: I uploaded the letter yesterday evening on the site. Tell me if you have the confirmation.

Bon courage pour la suite!
Souad El Fassi
"""),

E(S, "Lebanon, attending (phone); plain 8bit utf-8, French Gmail quote; 'Done ✔️ uploaded' - uploaded",
  ("Elie Boustany", "eboustany@zahle-medcenter.example"), "LB", "plain", "fr", cs="utf-8", cte="8bit", ask=4,
  sal="Dear Dr. Boustany", ctx="I hope all is well in Zahle.",
  foot=IPH,
  body="""
Done ✔️ uploaded last night. Go get them.

Elie
"""),

E(S, "US attending; plain 7bit, Gmail quote; apologises for lateness, letter now submitted - uploaded",
  ("Craig Hollister", "chollister@bluestem-med.example"), "USC", "plain", "gmail", cs="us-ascii", cte="7bit", ask=4,
  body="""
Yusuf,

Sorry this took so long. The letter is in, I submitted it through ERAS about an hour ago. Let me know if it doesn't show up.

Craig
"""),

E(S, "Ghana, consultant; multipart/alternative us-ascii 7bit, Outlook original message; uploaded and also emailed a copy to a program director - uploaded",
  ("Dr. Abena Frimpong", "abena.frimpong@sunyani-mth.example"), "GH", "alt", "origmsg", cs="us-ascii", cte="7bit", ask=5,
  body="""
Dear Yusuf,

I have uploaded the letter on the ERAS site this afternoon. I have also emailed a copy directly to Dr. Harmon at Brookfield, whom you mentioned, since I know him from the WACS meetings.

Regards,
Dr. Abena Frimpong
Consultant Radiologist, Sunyani Municipal Teaching Hospital
"""),
]
