from h import E, IPH
S = "hesitant"
R = [
E(S, "US attending; multipart/alternative us-ascii 7bit, Gmail quote; 'my letters tend to be brief and factual, not a superlatives person' - hesitant",
  ("Richard Albrecht", "ralbrecht@crestview-univ.example"), "USC", "alt", "gmail", cs="us-ascii", cte="7bit", ask=2,
  body="""
Yusuf,

Sure, I can write for you. Fair warning that my letters tend to be brief and factual; I'm not a superlatives person and I don't change my style for anyone. It will say what you did on the service and when.

Send me the request.

R. Albrecht
"""),

E(S, "BORDERLINE: hesitant vs needs_info - 'Ok I will try' is a weak yes, the reminder request is help, not a precondition. Egypt, Assistant Lecturer; plain QP utf-8, Gmail quote; 'I will try, but not sure I remember your work well enough after three years' - hesitant",
  ("Dr. Yasmine Galal", "yasmine.galal@mansoura-delta-med.example"), "EG", "plain", "gmail", cs="utf-8", cte="qp", ask=0,
  body="""
Dear Yusuf,

Ok I will try, but honestly I'm not sure I remember your work well enough, it was three years ago and I had a big group of interns that year. If you remind me of what you did with us I will write what I can.

Yasmine
"""),

E(S, "Sri Lanka, consultant radiologist; multipart/alternative 7bit, Thunderbird quote; honest that she saw him on only a handful of ward rounds - hesitant",
  ("Dr. Nirmala Jayawardena", "nirmala.j@galle-south-th.example"), "LK", "alt", "tbird", cs="us-ascii", cte="7bit", ask=5,
  body="""
Dear Yusuf,

I can write, but I must be honest with you: I only saw you on a handful of ward rounds and at two radiology meetings. The letter will describe that fairly. If you have a supervisor who saw more of your day-to-day work, I would put them ahead of me.

Best wishes,
Nirmala Jayawardena
Consultant Radiologist, Galle South Teaching Hospital
"""),

E(S, "Tunisia, Maître de conférences; plain 8bit iso-8859-1, French Thunderbird quote; 'OK for me' but letters in our culture are short - hesitant",
  ("Dr Leila Trabelsi", "leila.trabelsi@chu-sousse-sahel.example"), "TN", "plain", "fr_tb", cs="iso-8859-1", cte="8bit", ask=4,
  sal="Bonjour Dr Trabelsi",
  body="""
Bonjour Yusuf,

OK for me. But you know, in our department the letters are usually short, it is not our culture to write long letters with many compliments like the Americans do. I will write a normal letter, one page maximum.

Send me the form.

Leila Trabelsi
Maître de conférences agrégée, Radiologie
CHU Sahel, Sousse
"""),

E(S, "US attending (Spanish-language Gmail); plain QP utf-8, Spanish Gmail quote ('escribió:'); 'Sure, I can do that. I'll keep it focused on your time on the service' - neutral yes, hesitant",
  ("Michelle Duarte", "mduarte@bayshore-med.example"), "USE", "plain", "es", cs="utf-8", cte="qp", ask=1,
  body="""
Sure, I can do that. I'll keep it focused on your time on the service.

Michelle Duarte, MD
Bayshore Medical Center
"""),

E(S, "India, Associate Professor; plain 7bit, Gmail quote; 'I will give. Please send the format.' - neutral yes asking for format, hesitant",
  ("Dr. Sanjay Mehrotra", "sanjay.mehrotra@lln-medcoll.example"), "IN", "plain", "gmail", cs="us-ascii", cte="7bit", ask=3,
  sal="Respected Sir",
  body="""
Dear Yusuf,

I will give. Please send the format.

Dr. Sanjay Mehrotra
Associate Professor, Radiodiagnosis
"""),

E(S, "US attending; multipart/alternative windows-1252 QP, Outlook block; thinks Dr. Patel knows his work better, will still write if asked - hesitant",
  ("Andrew Whitfield", "awhitfield@canterbury-health.example"), "USE", "alt_owa", "outlook", cs="windows-1252", cte="qp", ask=0,
  pre="RE: ",
  body="""
Yusuf,

I\u2019m happy to write, but I think Dr. Patel knows your work much better than I do \u2014 she supervised you every day and I only overlapped with you for a few shifts. You might get more from her. If you still want one from me, send the form and I\u2019ll take care of it.

Andrew

Andrew Whitfield, MD
Emergency Radiology, Canterbury Health
"""),

E(S, "Ghana, consultant; multipart/alternative 7bit, Outlook original message; 'I shall oblige' but left department in March, no access to assessments - hesitant",
  ("Dr. Kofi Amponsah", "kofi.amponsah@tamale-north-th.example"), "GH", "alt", "origmsg", cs="us-ascii", cte="7bit", ask=3,
  body="""
Dear Dr. Karimi,

I shall oblige. However, you must bear in mind that I left the Department in March and I no longer have access to your end-of-posting assessments, so I will be writing from memory only. My recollection is that you did your work without any difficulty.

Send the forms.

Regards,
Dr. Kofi Amponsah
"""),

E(S, "Saudi Arabia, consultant; HTML-only Outlook, utf-8 base64, Outlook block; trap: 'standard hospital template' here is real - letter on standard template for all trainees, hesitant",
  ("Dr. Sultan Al-Otaibi", "salotaibi@qassim-central-hosp.example"), "SA", "owa", "outlook", cs="utf-8", cte="b64", ask=5,
  pre="RE: ",
  body="""
Dear Yusuf,

I will write a letter for you. Please note it will be on the standard hospital template, which all our consultants use for trainees who request recommendation letters. The template covers the rotation dates, attendance, professionalism and a general comment.

Please send the request to my email.

Regards,
Dr. Sultan Al-Otaibi
Consultant Radiologist, Qassim Central Hospital
"""),

E(S, "UK consultant (terse phone); plain 7bit, no quote, 'Sent from my iPad'; 'Yes fine. Send me the form.' neutral - hesitant",
  ("Rachel Whitmore", "r.whitmore@severn-nhs.example"), "UK", "plain", None, cs="us-ascii", cte="7bit", ask=0,
  foot="Sent from my iPad",
  body="""
Yes fine. Send me the form.
R
"""),

E(S, "Lebanon, attending; plain QP utf-8, French Gmail quote; 'I can't say I know you well; it will be a fair letter' - hesitant",
  ("Dr. Nadim Frem", "nadim.frem@saidaneuro-hosp.example"), "LB", "plain", "fr", cs="utf-8", cte="qp", ask=2,
  body="""
Hi Yusuf,

I'll write it, but let's be realistic: I can't say I know you well, we met at the Friday conferences and once in the reading room. It will be a fair letter that reflects that.

Nadim
"""),

E(S, "US attending; plain 7bit, Gmail quote; 'I'll see what I can do. End of August is crazy' - hesitant",
  ("Scott Lindgren", "slindgren@prairieview-hosp.example"), "USC", "plain", "gmail", cs="us-ascii", cte="7bit", ask=4,
  body="""
Yusuf,

I'll see what I can do. End of August is crazy for me with the new residents starting, so I can't promise anything elaborate.

SL
"""),

E(S, "Bangladesh, PA to Professor; plain 7bit, Outlook block; 'Madam can provide a letter, but only in the departmental format' - template, hesitant",
  ("PA to Prof. Rowshan Ara", "pa.radiology@bsmmu-east.example"), "BD", "plain", "outlook", cs="us-ascii", cte="7bit", ask=3,
  sal="Respected Madam", pre="RE: ",
  body="""
Dear Dr. Yusuf,

Madam has seen your mail. She has said she can provide a letter, but only in the departmental format which is used for all the doctors who request recommendation from the department. It will be signed by her and countersigned by the Chairman.

Please send your full name as in passport, registration number and the duration of your training in this department.

Regards,
Md. Kamrul Hasan
PA to Prof. Rowshan Ara
Department of Radiology & Imaging
"""),

E(S, "Morocco, radiologist; plain 7bit, French Outlook block; yes answers only logistics ('received the request from the platform, will do it this week') - hesitant",
  ("Dr Karima Lahlou", "k.lahlou@chu-marrakech-sud.example"), "MA", "plain", "fr_outlook", cs="iso-8859-1", cte="8bit", ask=1,
  pre="RE : ",
  body="""
Bonjour,

I received the request from the platform. I will do it this week.

Cordialement,
Dr K. Lahlou
"""),

E(S, "Turkey (terse phone); plain QP utf-8, no quote; 'ok i will write. but not so long.' - short-letter warning, hesitant",
  ("Dr. Burak Yıldız", "burak.yildiz@ankara-kent-hast.example"), "TR", "plain", None, cs="utf-8", cte="qp", ask=4,
  foot="iPhone'umdan gönderildi",
  body="""
ok i will write. but not so long, i am not good in english letters
"""),

E(S, "Pakistan, consultant; multipart/alternative utf-8 QP, Gmail quote; writes 'the same kind of letter for all my house officers' - generic, hesitant",
  ("Dr. Tahir Hussain Shah", "tahir.shah@nishtar-mtn.example"), "PK", "alt", "gmail", cs="utf-8", cte="qp", ask=5,
  body="""
Dear Yusuf,

I'll write it. But you should know that I write the same kind of letter for all my house officers who go abroad. It mentions the rotation, the departments covered and that the performance was up to the mark. I don't make changes for each one.

Send the form.

Dr. Tahir Hussain Shah
Consultant Radiologist, Nishtar Teaching Hospital, Multan
"""),

E(S, "US pediatrics attending; multipart/alternative 7bit, Apple quote; glad to write for prelim/TY applications but says for radiology a radiologist would do better - hesitant",
  ("Emily Sorensen", "esorensen@lakewood-childrens.example"), "USC", "alt", "apple", cs="us-ascii", cte="7bit", ask=5,
  body="""
Hi Yusuf,

Glad to write for your transitional year applications. For the radiology programs, honestly, you'd do better with a radiologist; my letter will talk about your time on the pediatric wards and won't say much about imaging.

Send me the form and tell me where it should go.

Emily
"""),

E(S, "Nigeria, Professor; plain 7bit, no quote; 'I shall write' but was on sabbatical most of posting, comments limited - hesitant",
  ("Prof. Adaeze Okonkwo", "a.okonkwo@unn-teaching.example"), "NG", "plain", None, cs="us-ascii", cte="7bit", ask=0,
  body="""
Dear Dr Karimi,

I acknowledge your mail. I shall write. However, as you are aware, I was on sabbatical for most of your posting, and my comments will therefore be limited to the five weeks I was around and to the report of your supervising senior registrar.

Please send the relevant form in good time.

Prof. Adaeze Okonkwo
Department of Radiation Medicine
"""),

E(S, "India, Professor; plain 7bit, Gmail quote; 'send a list of points you want me to mention, I will incorporate and sign' - semi-ghostwritten, hesitant",
  ("Dr. Harpreet Kaur Sandhu", "harpreet.sandhu@gmc-amritsar-west.example"), "IN", "plain", "gmail", date="2025-07-16 12:05", cs="us-ascii", cte="7bit", ask=3,
  sal="Respected Madam",
  body="""
Dear Yusuf,

Noted. Kindly send me a list of the points you want me to mention, in bullet form, along with the rotation dates. I will incorporate them and sign. Please revert at the earliest as I am going on leave from the 25th.

Dr. Harpreet Kaur Sandhu
"""),

E(S, "US research supervisor; multipart/alternative us-ascii 7bit, Outlook block; can confirm dates and contributions and speak to reliability - factual, hesitant",
  ("Gary Pruitt", "gpruitt@midstate-imaging-lab.example"), "USC", "alt", "outlook", cs="us-ascii", cte="7bit", ask=2,
  pre="RE: ",
  body="""
Yusuf,

I can confirm your dates with the project and what you contributed (the data abstraction and the first draft of the methods), and I can speak to your reliability. That's about what I can add. Let me know if that's useful and send the request if so.

Gary Pruitt, MS
Research Manager, Midstate Imaging Outcomes Lab
"""),

E(S, "Egypt, assistant on behalf of professor; plain 7bit, Gmail quote; 'Dr. asks you to write the letter and send it to him for signature' - draft for signature via assistant, hesitant",
  ("Ahmed Samir (Office of Prof. Tarek Zaki)", "office.tzaki@kasr-west-med.example"), "EG", "plain", "gmail", cs="us-ascii", cte="7bit", ask=3,
  sal="Dear Prof. Tarek",
  body="""
Dear Dr. Yusuf,

Prof. Tarek has seen your email. He asks you to write the letter yourself and send it to him for signature, Word file please, not PDF. He will review and sign it next Sunday after the clinic.

Regards,
Ahmed Samir
Office of Prof. Tarek Zaki
"""),

E(S, "Iran, Assistant Professor (German-language Gmail client); plain QP utf-8, German Gmail quote ('Am .. Uhr schrieb'); 'I don't know what American programs want to read; I'll write what I know' - neutral yes, hesitant",
  ("Dr. Shirin Mohammadi", "shirin.mohammadi@caspian-ums.example"), "IR", "plain", "de_gmail", cs="utf-8", cte="qp", ask=0,
  body="""
Dear Yusuf,

OK, I'll write it. Honestly I don't know what American programs want to read in these letters, and I don't like to exaggerate. I'll write what I know about your rotation.

Shirin Mohammadi
"""),

E(S, "UK consultant; plain 8bit windows-1252, Gmail quote; 'it will be a short one - two paragraphs - that's how I write all of mine' - hesitant",
  ("Dr Graham Ellery", "graham.ellery@cotswold-nhs.example"), "UK", "plain", "gmail", cs="windows-1252", cte="8bit", ask=4,
  body="""
Yusuf,

I\u2019ll happily write, but it will be a short one \u2013 two paragraphs \u2013 that\u2019s how I write all of mine, whoever they\u2019re for. Don\u2019t expect the American page-and-a-half.

Form to this address please.

Graham
"""),

E(S, "Jordan, consultant; plain 7bit, Gmail quote; one-week elective, 'can say little beyond that you were keen' - hesitant",
  ("Dr. Rania Obeidat", "rania.obeidat@zarqa-gov-hosp.example"), "JO", "plain", "gmail", cs="us-ascii", cte="7bit", ask=2,
  body="""
Dear Yusuf,

I'll write one if you want, but given that you were with us only for a one-week elective I can say little beyond that you were keen and asked good questions. You may want to weigh that when choosing your letters.

Regards,
Rania
"""),

E(S, "Cameroon, consultant; multipart/alternative iso-8859-1 QP, French Gmail quote; 'I accept to write. I will base it on the evaluation sheet' - factual, hesitant",
  ("Dr Serge Tchoumi", "serge.tchoumi@hgy-yaounde.example"), "CM", "alt", "fr", cs="iso-8859-1", cte="qp", ask=1,
  body="""
Dear Doctor,

I accept to write. I will base the letter on the evaluation sheet from your rotation, which is in the archives of the service, since I do not remember all the details myself.

Regards,
Dr Serge Tchoumi
Radiologue, Hôpital Général de Yaoundé-Nord
"""),
]
