from h import E, IPH
from att import PNG, PDF, DOCX
S = "strong_yes"
R = [
E(S, "India, Professor & Head of Radiodiagnosis; plain 7bit, Gmail quote; formal Indian English ('in receipt of', 'revert'); explicit strong letter + asks form",
  ("Prof. Meenakshi Raghavan", "m.raghavan@skmc-chennai.example"), "IN", "plain", "gmail", cs="us-ascii", cte="7bit", ask=3,
  ctx="I was an intern in your department at Sree Kamakshi Medical College from January to March 2023.",
  sal="Respected Madam",
  body="""
Dear Yusuf,

Greetings from Chennai. I am in receipt of your mail.

I shall be very happy to write a strong letter for you. You were one of the most sincere and brilliant interns to have passed through our department in recent years, and I have told the PG students more than once to look at how you prepared for the Thursday film-reading sessions. It will be my pleasure to put all of this in writing for the American programmes.

Kindly send the LoR request form and your updated CV at the earliest. I will revert once the letter is uploaded.

With best wishes,

Dr. Meenakshi Raghavan, MD, DNB
Professor & Head, Department of Radiodiagnosis
Sree Kamakshi Medical College & Hospital, Chennai
"""),

E(S, "Pakistan, Associate Professor Radiology; Outlook HTML-only, Outlook From/Sent block; Salaam opener; names specific work, says strong",
  ("Dr. Saima Iqbal", "saima.iqbal@ravi-ihs.example"), "PK", "owa", "outlook", cs="utf-8", cte="qp", ask=1,
  ctx="I hope you remember me from the CT reporting room at Ravi Institute, where I spent my house job rotation last year.",
  body="""
Dear Yusuf,

Assalam o Alaikum. Of course, it will be my pleasure.

I remember you very well. You were the house officer who stayed back to re-check the stroke protocol timings every evening, and the audit you compiled is still on our notice board. I have seen you work in the reporting room and I have no reservation in calling you the best house officer I supervised that year. I will write you a strong letter and I will make sure the stroke audit is mentioned in detail.

Please send me the form from ERAS and I will complete it within two weeks.

Regards,
Dr. Saima Iqbal
Associate Professor, Department of Radiology
Ravi Institute of Health Sciences, Lahore
"""),

E(S, "Nigeria, Consultant Radiologist; multipart/mixed (alternative + inline hospital-logo PNG), 7bit, no quote; British-influenced Nigerian formality ('of 4th instant', 'strongest terms'); strong",
  ("Dr. Babatunde Olorunfemi", "b.olorunfemi@ogunriverside-th.example"), "NG", "mixed", None, att=("image001.png", "image/png", PNG), date="2025-07-07 18:20", lag=3, cs="us-ascii", cte="7bit", ask=0,
  body="""
Dear Dr Karimi,

Thank you for your mail of 4th instant, the content of which has been noted.

I am pleased to inform you that I shall be most delighted to write in support of your application for residency training in Diagnostic Radiology in the United States. During the period you spent with us in the Department of Radiology, Ogun Riverside Teaching Hospital, you distinguished yourself as a diligent, knowledgeable and thoroughly dependable young doctor, and your presentation at the departmental clinico-radiological conference was adjudged the best of that quarter. I shall be writing in the strongest terms.

Kindly forward the necessary forms and any other supporting documents at your earliest convenience.

Yours faithfully,

Dr. Babatunde A. Olorunfemi
MBBS, FWACS, FMCR
Consultant Radiologist and Head of Unit (Neuroimaging)
Ogun Riverside Teaching Hospital
"""),

E(S, "Ghana, Senior Lecturer Radiology; plain 8bit utf-8, Gmail quote, Android footer; warm informal enthusiasm, 'I will make it strong'",
  ("Akosua Mensah-Bonsu", "amensahbonsu@kach-kumasi.example"), "GH", "plain", "gmail", cs="utf-8", cte="8bit", ask=4,
  sal="Dear Dr. Mensah-Bonsu", ctx="I hope you and the team are well. I still talk about the ultrasound teaching you gave us on the obstetric block.",
  foot="Sent from my Galaxy",
  body="""
Hello Yusuf,

Good to hear from you! Most certainly I will. You were a delight to have on the unit and the midwives still ask after "the doctor who scans so patiently". Programmes should know about someone like you. I will make it strong, don't worry about that one.

Just send me whatever they need and the deadline.

Akosua
"""),

E(S, "Egypt, Professor of Radiodiagnosis; plain QP utf-8, Gmail quote; Egyptian English ('With all pleasure', 'insha'Allah'); very strong",
  ("Prof. Hossam El-Din Fathy", "hossam.fathy@ndu-med.example"), "EG", "plain", "gmail", cs="utf-8", cte="qp", ask=0,
  sal="Dear Prof. Hossam",
  body="""
Dear Yusuf,

With all pleasure. You are one of the best of my students and I will write for you a very strong letter insha'Allah. I still remember your answer in the MSK round about the Segond fracture when the residents were silent. Such students we do not forget.

Send me the link and I will do it this week, before I travel to the conference in Hurghada.

Best regards,
Prof. Hossam El-Din Fathy
Professor of Radiodiagnosis
Faculty of Medicine, Nile Delta University
"""),

E(S, "Morocco, Professor of Radiology (CHU); Outlook HTML-only with French Outlook 'De :/Envoyé :/À :/Objet :' block; French-influenced English ('I accept to write', 'souvenir', 'at your disposal'); strong",
  ("Pr Nadia Benjelloun", "n.benjelloun@chu-almansour.example"), "MA", "owa", "fr_outlook", cs="iso-8859-1", cte="qp", ask=3,
  sal="Dear Professor Benjelloun", ctx="I had the privilege to do my externship in your department at CHU Al Mansour in 2022.",
  pre="RE : ",
  body="""
Dear Yusuf,

It is with great pleasure that I accept to write for you a recommendation letter. I keep a very good souvenir of your passage in our service: you were rigorous, always well prepared for the staff meeting, and you had a real sense of the clinical question behind each examination. This is rare at the level of an externe.

I will not hesitate to underline all these qualities, and I will write it in a way that the American programs understand well how much we appreciated you.

Please send me the necessary documents. I remain at your disposal for any other question.

Cordially,

Pr Nadia Benjelloun
Chef de Service, Radiologie Centrale
CHU Al Mansour, Rabat
"""),

E(S, "US attending (terse phone reply); plain 7bit, Apple Mail quote, 'Sent from my iPhone', lowercase; says it will be a strong one",
  ("Mark Kessler", "mkessler@hollisvalley-health.example"), "USE", "plain", "apple", cs="us-ascii", cte="7bit", ask=4,
  sal="Hi Dr. Kessler", ctx="Thank you again for letting me shadow in the body CT reading room in April.",
  foot=IPH,
  body="""
absolutely. you were one of the best observers we've had, it'll be a strong one. send cv + ps when you can
-mk
"""),

E(S, "Pakistan, PA writing on behalf of Professor; plain 7bit, Outlook 'Original Message' quote; relays professor's strong yes and 'best house officer' praise",
  ("Muhammad Asif", "pa.radiology@mayo-lhr.example"), "PK", "plain", "origmsg", cs="us-ascii", cte="7bit", ask=3,
  sal="Respected Prof. Chaudhry", ctx="I worked in the Neuroradiology unit under your supervision during my house job.",
  body="""
Dear Dr. Yusuf,

Prof. Ghulam Rasool Chaudhry has asked me to inform you that he will be very glad to write a strong letter for you. He remembers you well from the Neuroradiology unit and said that you were the best house officer of your batch, and that he will write accordingly.

Kindly send your CV and the ERAS form to this email address. Sir will sign and upload it himself once it is ready.

Regards,
Muhammad Asif
PA to Prof. Ghulam Rasool Chaudhry
Department of Radiology, Mayo Road Teaching Hospital, Lahore
Ph: 042-0000000 Ext 214
"""),

E(S, "US attending, Body imaging; multipart/alternative QP windows-1252, Gmail quote; trap: innocent negations ('could never refuse', 'no hesitation'); clearly strong",
  ("Rebecca Lindqvist", "rlindqvist@stcolumba-med.example"), "USC", "alt", "gmail", cs="windows-1252", cte="qp", ask=2,
  ctx="I observed with you in the body imaging section during May and June.",
  body="""
Yusuf \u2014

I could never refuse you. No hesitation at all.

You were the observer who asked to see the follow-up on every incidental adrenal nodule we talked about, and then came back a week later having read the white paper cover to cover. I don\u2019t see that often, not even from our own residents. I\u2019ll write you a letter that leaves no doubt about where I rank you.

Send me the ERAS request and a copy of your personal statement so I can tie things together.

Rebecca

Rebecca Lindqvist, MD
Associate Professor, Abdominal Imaging
St. Columba Medical Center
"""),

E(S, "UK consultant radiologist; multipart/alternative 8bit iso-8859-1, Thunderbird quote; trap: 'I don't write many of these', 'never been entirely comfortable' but promises best letter",
  ("Dr Hugh Pemberton", "hugh.pemberton@nhs-wessexvale.example"), "UK", "alt", "tbird", cs="iso-8859-1", cte="8bit", ask=0,
  body="""
Dear Yusuf,

I don't write many letters for the American system, and I've never been entirely comfortable with how effusive they're expected to be. But for you it will be my best effort and I shan't hold back. Your fortnight with us on the musculoskeletal list was a genuine pleasure; you reported the knee MRIs more carefully than some of our StRs, and the orthopaedic team asked whether you could stay on.

Send over whatever the portal needs and I'll do it before the end of the month.

Kind regards,
Hugh

Dr Hugh Pemberton FRCR
Consultant Musculoskeletal Radiologist
Wessex Vale Hospitals NHS Foundation Trust
"""),

E(S, "US attending of Indian origin; multipart/alternative 7bit, Gmail quote; trap: 'standard process' refers to departmental routing, letter itself strong",
  ("Ravi Subramanian", "rsubramanian@lakeshore-univ.example"), "USC", "alt", "gmail", cs="us-ascii", cte="7bit", ask=1,
  ctx="Thank you for hosting me in neuroradiology in February.",
  body="""
Yusuf,

Happy to. A heads-up so you aren't confused later: the standard process at our institution is that all letters go out on departmental letterhead through the education office, so you'll get a confirmation from them and not from me. Don't let the formality fool you. I plan to say that you were the strongest observer I have supervised in five years, and I'll give them the two cases where your read changed management.

Send me your CV and the ERAS letter ID.

Best,
Ravi

Ravi Subramanian, MD
Neuroradiology, Lakeshore University Hospitals
"""),

E(S, "Turkey, Professor of Radiology; plain QP utf-8, Turkish Gmail quote header ('tarihinde şunu yazdı'); non-native English; strong letter promised",
  ("Prof. Dr. Emre Aydoğan", "emre.aydogan@korfez-univ.example"), "TR", "plain", "tr", cs="utf-8", cte="qp", ask=2,
  ctx="I was an intern in your department at Marmara Körfez University Hospital in 2023.".replace("ö","o"),
  body="""
Dear Yusuf,

Of course I will write. You were really hardworking intern, always first in the department in the morning, and more important you had very good eye for the images. I remember the small pneumothorax on the portable film which you found when everybody missed it. I will write strong letter for you, no problem.

Send me the form please and tell me the last date.

Best wishes,
Prof. Dr. Emre Aydoğan
Radyoloji Anabilim Dalı
Marmara Körfez Üniversitesi Tıp Fakültesi
"""),

E(S, "Iran, Assistant Professor of Radiology; plain 7bit, no quote; formal, 'my honor', ranks among best",
  ("Dr. Farzaneh Rostami", "f.rostami@alborzheights-ums.example"), "IR", "plain", None, cs="us-ascii", cte="7bit", ask=0,
  body="""
Dear Dr. Karimi,

It would be my honor. I have supervised many residents and interns during the last twelve years, and you easily stand among the best of them, both for your knowledge and for the way you speak with patients who are frightened before their procedures. I will write a detailed and strong letter.

Please send me your CV and the instructions for uploading. If the system has a problem with our university email, I can also use my personal address.

With kind regards,
Farzaneh Rostami, MD
Assistant Professor of Radiology
Alborz Heights University of Medical Sciences
"""),

E(S, "Lebanon, attending radiologist; multipart/alternative QP utf-8, French Gmail quote ('a écrit :'); mixes French ('Bien sûr'); enthusiastic",
  ("Karim Saadeh", "ksaadeh@cedarshill-umc.example"), "LB", "alt", "fr", cs="utf-8", cte="qp", ask=4,
  sal="Dear Dr. Saadeh", ctx="I hope all is well in Beirut. I miss the noon conferences at Cedars Hill.",
  body="""
Yusuf! Bien sûr.

Absolutely, and with pleasure. You were the best sub-intern we had on the chest service last year, and I say that having taught for a long time. I'll write you something programs will remember, with specifics. Send me your CV and personal statement so I can match what I say with what you say.

Yalla, don't leave it to the last week.

Karim

Karim Saadeh, MD
Department of Diagnostic Radiology
Cedars Hill University Medical Center
"""),

E(S, "Saudi Arabia, consultant neuroradiologist; plain base64 utf-8, Arabic Gmail quote header; strong support, specific praise, portal instructions",
  ("Dr. Abdulrahman Al-Qahtani", "aalqahtani@rnmc-riyadh.example"), "SA", "plain", "ar", cs="utf-8", cte="b64", ask=3,
  sal="Dear Dr. Al-Qahtani", ctx="I did my elective in neuroradiology at Riyadh Northern Medical City in November.",
  body="""
Dear Yusuf,

Thank you for thinking of me. I will be happy to support you with a strong letter. You were excellent during your elective and your presentation on posterior fossa tumours was the best student presentation we had this year; two of our fellows asked for your slides afterwards.

Please send the request through ERAS and I will complete it before the end of August.

Regards,
Dr. Abdulrahman Al-Qahtani
Consultant Neuroradiologist
Riyadh Northern Medical City
"""),

E(S, "UK consultant; multipart/alternative QP windows-1252, Outlook From/Sent block (UK date); 'Delighted to', specific, strong",
  ("Dr Fiona McAllister", "fiona.mcallister@clydeside-nhs.example"), "UK", "alt", "outlook2", cs="windows-1252", cte="qp", ask=0,
  pre="RE: ",
  body="""
Dear Yusuf,

Delighted to. You were superb during your attachment \u2013 the only clinical observer I\u2019ve had who asked to sit in on the discrepancy meeting and then came back with a proper literature summary on missed scaphoid fractures. I\u2019ll make sure the letter says so, and I\u2019ll say I\u2019d take you onto our own training scheme tomorrow.

If you can send me the ERAS letter request and a short list of the programmes you\u2019re most keen on, that would help.

Best wishes,
Fiona

Dr Fiona McAllister MBChB FRCR
Consultant Radiologist
Clydeside University Hospitals
"""),

E(S, "US attending; HTML-only Gmail, windows-1252 QP, Gmail blockquote; trap: negations 'Not a problem at all', 'Not many observers impress me'; strong",
  ("Daniel Okwuosa", "dokwuosa@brightwater-med.example"), "USE", "html", "gmail", cs="windows-1252", cte="qp", ask=4,
  sal="Hi Dr. Okwuosa", ctx="Thank you so much for the time in the ED reading room last winter.",
  body="""
Not a problem at all \u2014 I\u2019d be thrilled.

Not many observers impress me enough that I remember their names a year later; you did. You were the one who pulled prior imaging on every trauma patient without being asked. I\u2019ll write a strong letter and I\u2019ll say that clearly.

Forward me the letter request whenever it\u2019s ready.

Dan
"""),

E(S, "Senegal, Professor of Radiology; plain 8bit iso-8859-1, French Gmail quote; French-influenced English ('I will not fail to highlight'); strong",
  ("Pr Mamadou Lamine Diop", "ml.diop@chu-corniche-dakar.example"), "SN", "plain", "fr", cs="iso-8859-1", cte="8bit", ask=3,
  sal="Cher Professeur Diop", ctx="I completed my radiology elective in your service at CHU de la Corniche in 2022.",
  body="""
Cher Yusuf,

It is with pleasure that I will write this letter for you. I will not fail to highlight your rigour, your curiosity and your sense of the patient, which all the team appreciated during your stay in our service. You have my full support and I will write it in the strongest manner.

Send me the forms and the deadline. If the letter must be in English only, I will write it in English.

Bien cordialement,

Pr Mamadou Lamine Diop
Service de Radiologie et d'Imagerie Médicale
CHU de la Corniche, Dakar
"""),

E(S, "Cameroon, Senior Lecturer radiology; Outlook HTML (alt) utf-8 QP, French Outlook block; bilingual Cameroonian formality ('acknowledge receipt', 'pleasure and an honour'); strong",
  ("Dr Brigitte Ngono Atangana", "b.ngono@uhp-bafoussam.example"), "CM", "alt_owa", "fr_outlook", cs="utf-8", cte="qp", ask=0,
  sal="Dear Dr. Ngono", pre="RE : ",
  body="""
Dear Dr Karimi,

I acknowledge receipt of your mail and I thank you for the confidence.

It is a pleasure and an honour for me to recommend you. During your rotation in our unit you showed a level of seriousness and of knowledge which is above what we usually see, and your work on the ultrasound register for hepatic abscesses was of great help to the department. I will write the letter strongly and in detail.

Do send the documents at your convenience.

Yours sincerely,

Dr Brigitte Ngono Atangana
Chargée de Cours / Senior Lecturer, Radiology and Medical Imaging
Université des Hauts-Plateaux, Bafoussam
"""),

E(S, "Nepal, Lecturer Radiology; plain 7bit, Gmail quote; simple English ('good and strong letter'), specific case recalled",
  ("Dr. Sushil Shrestha", "sushil.shrestha@bvmc-ktm.example"), "NP", "plain", "gmail", cs="us-ascii", cte="7bit", ask=5,
  ctx="I worked with you in the ultrasound section at Bagmati Valley Medical College during my internship.",
  body="""
Dear Yusuf,

Namaste. Sure, I will write. You did very good work in our department, especially in ultrasound. I still remember the appendicitis case you picked up at night when the surgery team was not convinced. I will write a good and strong letter for you.

Send me the form and the last date. I am in Pokhara for a camp next week but I will have my laptop.

Regards,
Dr. Sushil Shrestha
Lecturer, Department of Radiology and Imaging
Bagmati Valley Medical College, Kathmandu
"""),

E(S, "Sri Lanka, Consultant Radiologist; multipart/alternative utf-8 QP, Apple Mail quote; warm, promises to repeat praise given to Director",
  ("Dr. Chamari Wijesinghe", "chamari.w@kandyhills-th.example"), "LK", "alt", "apple", cs="utf-8", cte="qp", ask=2,
  ctx="It was wonderful to work with you in Kandy during my elective.",
  body="""
Dear Yusuf,

How nice to hear from you. Yes, I'd be very glad to write for you, and I will say in the letter exactly what I told our Director after your elective: that you were the most capable foreign elective student we have hosted, and that I would happily have you as a registrar here.

Please send me the letter request and tell me if there is anything specific you'd like me to emphasise.

Warm regards,
Chamari

Dr. Chamari Wijesinghe
MBBS, MD (Radiology)
Consultant Radiologist, Kandy Hills Teaching Hospital
"""),

E(S, "Bangladesh, Professor of Radiology & Imaging; plain 7bit, Outlook block; subcontinental formal ('meritorious'); trap: 'no objection at all' innocent negation; highest terms",
  ("Prof. Dr. Md. Anisur Rahman", "anisur.rahman@demc-dhaka.example"), "BD", "plain", "outlook", cs="us-ascii", cte="7bit", ask=3,
  sal="Respected Sir",
  body="""
Dear Yusuf,

Received your mail. Certainly I will give you a strong recommendation. You were sincere, meritorious and very punctual, but more than that you had genuine understanding of cross-sectional anatomy which is not common at the internee level. I have no objection at all in recommending you in the highest terms and I will write the letter myself.

Please send the ERAS form and your CV. I will try to finish before the Durga Puja holidays.

With best wishes,
Prof. Dr. Md. Anisur Rahman
Professor & Head, Department of Radiology & Imaging
Dhaka Eastern Medical College Hospital
"""),

E(S, "US attending; plain 7bit, inline reply interleaved with quoted ask lines; answers 'Yes. Very comfortable.' and asks for PS",
  ("Laura Benedetti", "lbenedetti@northfield-clinic.example"), "USE", "plain", "inline", cs="us-ascii", cte="7bit", ask=4, mua="gmail", date="2025-07-09 07:41",
  body="""
Answers below.

On Tue, Jul 8, 2025 at 9:02 PM Yusuf Karimi <yusuf.karimi@inbox.test> wrote:
> I'm applying to Diagnostic Radiology residency this year as an
> international medical graduate, and I wanted to ask if you would feel
> comfortable writing me a strong letter of recommendation.

Yes. Very comfortable. You were the best observer I've had in the
breast imaging section, and I'll say so.

> Happy to send anything you need (CV, personal statement, list of
> programs).

Personal statement please, and the ERAS request.

> The target date is September 10.

I'll have it in by mid-August.

Laura
"""),

E(S, "US, department assistant on behalf of attending; multipart/alternative QP utf-8, Spanish Outlook 'De:/Enviado:/Para:/Asunto:' block; relays 'tell him of course, he was terrific'",
  ("Patricia Gomez", "pgomez@riverbend-radiology.example"), "USC", "alt_owa", "es_outlook", cs="utf-8", cte="qp", ask=0,
  sal="Dear Dr. Weinberg", pre="RE: ",
  body="""
Hi Yusuf,

Dr. Weinberg asked me to let you know he'd be glad to write you a strong letter. His exact words were "tell him of course, he was terrific, and I'll make it a great one."

Please send the ERAS letter request to me at this address and I'll make sure it gets to him; he's reading at the outpatient site most of this month.

Thanks,
Patricia

Patricia Gomez
Academic Coordinator to Dr. Alan Weinberg
Riverbend Radiology Associates
"""),

E(S, "Ghana, retired Professor of Radiology; plain 7bit, no quote; formal West African; 'pen still active', strong",
  ("Prof. Kwabena Owusu-Ansah", "kowusuansah@mailbox-gh.example"), "GH", "plain", None, cs="us-ascii", cte="7bit", ask=0,
  body="""
My dear Yusuf,

I was very pleased to receive your letter. I may be retired from clinical work but my pen is still active, and I can think of no better use for it than to support one of the finest young doctors I taught in my last years at the Medical School. I shall write you a strong and unreserved recommendation.

Please send the particulars, including the address to which it must go. I do not use these online systems very well, so kindly give me clear instructions or my grandson will help me.

God bless you.

Prof. Kwabena Owusu-Ansah (rtd)
Formerly Professor of Radiology
"""),
]
