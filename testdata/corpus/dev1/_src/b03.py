from h import E, IPH
from att import PNG, PDF, DOCX
S = "hesitant"
R = [
E(S, "India, Professor of Radiodiagnosis; multipart/mixed (text + .docx sample format), 7bit, Gmail quote; asks applicant to draft the letter in Word for signature on letterhead - ghost-written, hesitant",
  ("Dr. Rajendra Prasad Sinha", "rp.sinha@pmch-patna.example"), "IN", "mixed_plain", "gmail", cs="us-ascii", cte="7bit", ask=3, att=("LoR_sample_format.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", DOCX),
  sal="Respected Sir", ctx="I did my internship rotation in your unit at Patliputra Medical College in 2022.",
  body="""
Dear Yusuf,

Received your mail. Kindly draft the letter yourself as per the American format and send it to me in MS Word format. I shall go through it, make corrections if any, and sign it on the department letterhead. Please keep it to one page. I am attaching the format we generally use for such letters.

Also send the ERAS form so that my PA can upload it.

Regards,
Dr. R. P. Sinha
Professor, Department of Radiodiagnosis
Patliputra Medical College & Hospital, Patna
"""),

E(S, "Pakistan, Assistant Professor; multipart/alternative utf-8 QP, Outlook block; 'prepare a draft... I will sign' - draft for signature, hesitant",
  ("Dr. Usman Ghani", "usman.ghani@fjmu-rwp.example"), "PK", "alt_owa", "outlook", cs="utf-8", cte="qp", ask=1,
  pre="RE: ",
  body="""
Dear Yusuf,

Walaikum Assalam. Please prepare a draft highlighting the work you did in our department and the skills you want mentioned. Send it to me by next week and I will sign it and send it back to you as a scanned PDF on letterhead.

I am extremely busy with the FCPS exams these days so this is the quickest way.

Regards,
Dr. Usman Ghani
Assistant Professor Radiology
Frontier Jinnah Medical University, Rawalpindi
"""),

E(S, "Nigeria, Head of Department; multipart/alternative 7bit, no quote; offers only a letter confirming dates of attachment and 'satisfactory' conduct - certification of facts, hesitant",
  ("Dr. Ifeoma Nwachukwu", "hod.radiology@anambra-sth.example"), "NG", "alt", None, date="2025-06-05 20:00", lag=3, cs="us-ascii", cte="7bit", ask=0,
  body="""
Dear Dr Karimi,

Your letter dated 2nd June refers.

I wish to inform you that the Department can issue you a letter confirming that you were attached to the Department of Radiology of this Hospital from 3rd October 2022 to 31st December 2022 as a house officer, and that your conduct during the period was satisfactory. Such letters are issued on the hospital letterhead and signed by the Head of Department.

Kindly indicate the address to which it should be sent.

Dr. Ifeoma Nwachukwu
Head, Department of Radiology
Anambra State Teaching Hospital
"""),

E(S, "US attending; multipart/alternative us-ascii 7bit, Gmail quote; offers 'a standard letter' confirming observership and professionalism - hesitant",
  ("Brian Kowalczyk", "bkowalczyk@summitridge-med.example"), "USC", "alt", "gmail", cs="us-ascii", cte="7bit", ask=4,
  ctx="Thanks again for letting me sit in on the neuro readout in February.",
  body="""
Hi Yusuf,

I can write you a standard letter confirming your observership with us and your professionalism during it. As you know, observers don't have patient contact here, so I won't be able to comment on clinical skills.

If that works for you, send the request over.

Brian Kowalczyk, MD
Summit Ridge Medical Center
"""),

E(S, "UK consultant; multipart/alternative 8bit iso-8859-1, Outlook UK block; warns 'my letters are always short', three or four sentences - hesitant",
  ("Dr Martin Fairbrother", "martin.fairbrother@pennine-nhs.example"), "UK", "alt", "outlook2", cs="iso-8859-1", cte="8bit", ask=0,
  pre="RE: ",
  body="""
Yusuf,

Yes, I can do that. I should warn you that my letters are always short. I don't believe in padding and I won't pretend to be American about it. Expect three or four sentences covering when you were here and what you did.

Send the form when convenient.

Martin Fairbrother
Consultant Radiologist, Pennine General Hospital
"""),

E(S, "Egypt, Lecturer of Radiology; multipart/alternative QP utf-8, Gmail quote; trap: warm tone but praise limited to punctuality, dress and manners - hesitant",
  ("Dr. Sherif Mansour", "sherif.mansour@ainshams-east.example"), "EG", "alt", "gmail", cs="utf-8", cte="qp", ask=3,
  body="""
Dear Yusuf,

Yes I will write for you. You were always punctual, well dressed and respectful to the staff and the patients, and you never left the department before the end of the shift. I will mention all of this.

Send me the form and your CV.

Best regards,
Dr. Sherif Mansour
Lecturer of Radiodiagnosis
East Cairo University Faculty of Medicine
"""),

E(S, "US attending (terse phone); plain 7bit, Apple quote, iPhone footer; neutral 'ok. will do.' with no strength - hesitant",
  ("Paul Hendricks", "phendricks@valleycrest-rad.example"), "USC", "plain", "apple", cs="us-ascii", cte="7bit", ask=1,
  foot=IPH,
  body="""
ok. will do. send the form
"""),

E(S, "Ghana, Consultant radiologist; multipart/alternative 7bit, Gmail quote; 'only worked together for about two weeks', letter 'necessarily brief' - hesitant",
  ("Dr. Esi Quartey", "esi.quartey@capecoast-th.example"), "GH", "alt", "gmail", cs="us-ascii", cte="7bit", ask=2,
  body="""
Dear Yusuf,

Thank you for thinking of me. We only worked together for about two weeks, so I can only speak to what I saw in that time. I'm happy to write, but it will necessarily be brief, and I think the programmes will read it as a short-exposure letter.

If that is still useful to you, send me the details.

Best wishes,
Esi Quartey
Consultant Radiologist, Cape Coast Teaching Hospital
"""),

E(S, "Lebanon, attending; multipart/alternative windows-1252 QP, Gmail quote; says a colleague supervised more closely and would be better, but still offers 'something' - hesitant",
  ("Dr. Georges Khalil", "gkhalil@mountlebanon-hosp.example"), "LB", "alt", "gmail", cs="windows-1252", cte="qp", ask=0,
  body="""
Hi Yusuf,

Honestly, Dr. Nassar supervised you much more closely than I did during the MSK month; he would be a better person to ask, and I think his letter would carry more weight. But if you still want one from me as well, I\u2019ll write something.

Let me know.

Georges
"""),

E(S, "BORDERLINE: hesitant vs needs_info - agrees to a general letter but ends 'send me your CV and I will see'; the agreement is stated, so hesitant. Morocco, Professor (French-influenced English); multipart/alternative 8bit iso-8859-1, French Gmail quote; 'I will try to do my best' but did not follow him enough - hesitant",
  ("Pr Abdellatif Chraibi", "a.chraibi@chu-fes-saiss.example"), "MA", "alt", "fr", cs="iso-8859-1", cte="8bit", ask=3,
  sal="Cher Professeur Chraibi",
  body="""
Cher Yusuf,

I received your demand. I will try to do my best, but I must tell you frankly that I did not follow you enough during your stage to write something very detailed. You were in the service of Dr Alami most of the time. I can write a letter, but it will be rather general.

Send me your CV and I will see.

Cordialement,
Pr A. Chraibi
Service de Radiologie, CHU Fès-Saïss
"""),

E(S, "Saudi Arabia, consultant; plain 7bit, no quote; yes that answers only logistics (portal, deadline, which email) - hesitant",
  ("Dr. Khalid Al-Zahrani", "kalzahrani@eastern-province-mc.example"), "SA", "plain", None, cs="us-ascii", cte="7bit", ask=3,
  body="""
Yusuf,

Received. I will submit through the portal before 1 September. Please make sure the request is sent to this email and not my hospital one, which blocks external links.

Khalid
"""),

E(S, "Turkey, Associate Professor; plain QP utf-8, Turkish Outlook block ('Kimden:/Gönderildi:/Kime:/Konu:'), 'YNT:' subject; letter will be general as he supervised many students - hesitant",
  ("Doç. Dr. Murat Çelik", "murat.celik@anadolu-yayla.example"), "TR", "plain", "tr_outlook", cs="utf-8", cte="qp", ask=2,
  pre="YNT: ",
  body="""
Dear Yusuf,

I can write a letter for you but it will be a general one, because in that period I was supervising more than twenty students and I don't remember the details of each one. I can say that you completed the rotation and that there was no problem.

If this is OK for you, send me the form.

Regards,
Doç. Dr. Murat Çelik
Anadolu Yayla Üniversitesi, Radyoloji
"""),

E(S, "India, office of HOD (assistant); plain 7bit, Outlook original message; 'Sir can give only a certificate of completion' of internship posting - certifying facts, hesitant",
  ("Office, Dept. of Radiodiagnosis", "radiodiagnosis.office@kgmc-lucknow-east.example"), "IN", "plain", "origmsg", cs="us-ascii", cte="7bit", ask=0,
  sal="Respected Sir",
  body="""
Dear Dr. Yusuf Karimi,

With reference to your mail, Sir has asked me to inform you that he can give only a certificate of completion of your internship posting in the department, on the hospital letterhead, duly signed and stamped. The certificate will mention the period of posting and your attendance.

Kindly collect it from the department office or send a courier address along with a self-addressed envelope.

Regards,
Sunil Verma
Office Superintendent
Department of Radiodiagnosis, KG Medical College East, Lucknow
"""),

E(S, "US research PI; multipart/alternative utf-8 QP, Gmail quote; can speak to research only, not clinical skills - hesitant",
  ("Hannah Feldstein", "hfeldstein@brookmere-research.example"), "USE", "alt", "gmail", cs="utf-8", cte="qp", ask=2,
  ctx="Thank you for having me in the lab for the past year.",
  body="""
Hi Yusuf,

I'm willing to write, but I want to be upfront: I can speak to your research work, your data handling and your reliability in lab meetings, but I never saw you with a patient and I can't comment on your clinical skills. Programs will notice that, and I'd encourage you not to make my letter one of your core three.

If you still want it, send the request.

Best,
Hannah

Hannah Feldstein, PhD
Director, Imaging Biomarkers Lab
Brookmere Institute
"""),

E(S, "Bangladesh, Professor (busy); plain 7bit, Gmail quote; 'I'll try to manage something', very busy - hesitant",
  ("Prof. Shamsul Alam", "shamsul.alam@rajshahi-mc-north.example"), "BD", "plain", "gmail", cs="us-ascii", cte="7bit", ask=5,
  body="""
Dear Yusuf,

I am very busy now with the admission exam and the inspection from BMDC. I'll try to manage something for you. Send me the form and remind me after one week.

Prof. Shamsul Alam
"""),

E(S, "Nepal, institute faculty; multipart/mixed (alternative + PDF of the fixed format), utf-8 QP, Gmail quote; institute has fixed format for recommendation letters to be filled - template letter, hesitant",
  ("Dr. Binod Adhikari", "binod.adhikari@tribeni-ihs.example"), "NP", "mixed", "gmail", cs="utf-8", cte="qp", ask=3, att=("TIHS_recommendation_format.pdf", "application/pdf", PDF),
  body="""
Dear Dr. Yusuf,

Our institute has a fixed format for recommendation letters, approved by the academic council. It has fields for duration of posting, conduct, attendance and a remark. The blank format is attached for your reference. I will fill it for you and have it stamped by the Dean's office.

Please send me the details of your posting dates so I can fill it correctly.

Regards,
Dr. Binod Adhikari
Department of Radiology
Tribeni Institute of Health Sciences, Chitwan
"""),

E(S, "US pathologist for radiology applicant; plain 7bit, Outlook block; 'glad to write' but doubts weight as non-radiologist - hesitant",
  ("Diane Castellano", "dcastellano@lakemont-path.example"), "USE", "plain", "outlook", cs="us-ascii", cte="7bit", ask=1,
  pre="RE: ",
  body="""
Yusuf,

I'd be glad to write, though I wonder how much my letter will carry for radiology since I'm a pathologist and our overlap was the rad-path correlation conference. I'll describe what I saw there.

Send me the request link.

Diane Castellano, MD
Department of Pathology, Lakemont Hospital
"""),

E(S, "Iran, Associate Professor; plain 7bit, no quote; accepts but can only write about what he observed at teaching conferences - limited, hesitant",
  ("Dr. Mehdi Karbasi", "m.karbasi@zagros-ums.example"), "IR", "plain", None, cs="us-ascii", cte="7bit", ask=0,
  body="""
Dear Dr. Karimi,

I accept, but please understand that I can only write about what I observed, which was limited to the weekly teaching conferences where you presented twice. I did not supervise your clinical work. The letter will be correct, but short.

Kind regards,
Mehdi Karbasi, MD
Associate Professor of Radiology
Zagros University of Medical Sciences
"""),

E(S, "Cameroon, Professor; HTML-only 8bit iso-8859-1, French Outlook block; offers an 'attestation de stage' stating period and service - certify facts, hesitant",
  ("Pr Jean-Paul Mbarga", "jp.mbarga@chu-littoral-douala.example"), "CM", "html", "fr_outlook", cs="iso-8859-1", cte="8bit", ask=3,
  sal="Dear Professor Mbarga", pre="RE : ",
  body="""
Dear Doctor,

I have well received your mail. For the trainees who passed in our service, what I can deliver is an attestation de stage (certificate of internship) stating the period, the service and the evaluation mark you obtained. I can make it in English if you need.

Tell me if this can be useful for your file.

Cordialement,
Pr Jean-Paul Mbarga
Chef du Service de Radiologie
CHU du Littoral, Douala
"""),

E(S, "US attending (terse phone); plain 7bit, no quote, iPhone; 'I'll write something. busy month tho' - neutral/unenthusiastic, hesitant",
  ("Kevin O'Leary", "koleary@fairhaven-med.example"), "USE", "plain", None, cs="us-ascii", cte="7bit", ask=4,
  foot=IPH,
  body="""
sure. ill write something. busy month tho so dont expect it before sept
"""),

E(S, "Jordan, consultant; multipart/alternative utf-8 QP, Gmail quote; as observer he cannot comment on hands-on clinical skills; letter will reflect that - hesitant",
  ("Dr. Omar Al-Masri", "omar.almasri@irbid-north-hosp.example"), "JO", "alt", "gmail", cs="utf-8", cte="qp", ask=2,
  body="""
Dear Yusuf,

Yes I can write. But since you were an observer with us, I cannot comment on your hands-on clinical skills or your independent reporting, and the letter will reflect that. It will describe your attendance, your interest and your questions during the readouts.

Please send me the link.

Omar Al-Masri, MD
Consultant Radiologist, Irbid North Hospital
"""),

E(S, "UK NHS consultant; plain 7bit, Outlook UK block; Trust policy allows factual references only (dates, role, attendance) - certify facts, hesitant",
  ("Dr Alison Reeve", "alison.reeve@thamesgate-nhs.example"), "UK", "plain", "outlook2", cs="us-ascii", cte="7bit", ask=0,
  pre="RE: ",
  body="""
Dear Yusuf,

Happy to provide a reference. I should explain, though, that our Trust's policy for clinical attachments is that staff give factual references only: the dates of the attachment, the role, and attendance. I'm not permitted to give a personal evaluation on Trust letterhead.

If a factual reference is helpful, please let me know where to send it.

Kind regards,
Alison Reeve
Consultant Radiologist
Thamesgate Hospitals NHS Trust
"""),

E(S, "Nigeria (terse phone); plain 7bit, Gmail quote, Android footer; 'Ok. Will write. Send the details.' neutral - hesitant",
  ("Dr Musa Abdullahi", "musa.abdullahi@abu-zaria-th.example"), "NG", "plain", "gmail", cs="us-ascii", cte="7bit", ask=1,
  foot="Sent from my Android phone",
  body="""
Ok. Will write. Send the details.
"""),

E(S, "Senegal, radiologist; plain QP iso-8859-1, French Gmail quote; praise limited to assiduity, courtesy and attendance at staff meetings - hesitant",
  ("Dr Awa Ndiaye", "awa.ndiaye@hopital-thies-regional.example"), "SN", "plain", "fr", cs="iso-8859-1", cte="qp", ask=3,
  sal="Chère Dr Ndiaye",
  body="""
Bonjour Yusuf,

Yes, I can write the letter. You were always assiduous and courteous during your stay, you never missed a staff meeting, and the secretaries appreciated your politeness. I will say this in the letter.

Send me the documents.

Bien cordialement,
Dr Awa Ndiaye
Service d'Imagerie, Hôpital Régional de Thiès
"""),

E(S, "Pakistan, senior registrar; plain 7bit, no quote; 'I will sign whatever you prepare, just keep it reasonable' - draft for signature, hesitant",
  ("Dr. Hina Rauf", "hina.rauf@aga-karachi-west.example"), "PK", "plain", None, cs="us-ascii", cte="7bit", ask=1,
  body="""
Yusuf,

Write it yourself and email it to me, I will sign whatever you prepare, just keep it reasonable and don't make me sound like an American. I will put it on letterhead.

Hina
"""),
]
