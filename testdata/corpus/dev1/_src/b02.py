from h import E, IPH
S = "strong_yes"
R = [
E(S, "Egypt, Lecturer of Radiology (terse phone); plain 8bit utf-8, Gmail quote, emoji; 'more than happy', 'you deserve the best' - enthusiastic yes",
  ("Mona Abdel-Aziz", "mona.abdelaziz@alexcorniche-med.example"), "EG", "plain", "gmail", cs="utf-8", cte="8bit", ask=1,
  sal="Dear Dr. Mona", foot="Sent from my Samsung Galaxy smartphone.",
  body="""
Sure dear, more than happy. You deserve the best and I will write it the best way 🌹 send me the form
"""),

E(S, "US academic radiologist of Indian origin; multipart/alternative us-ascii 7bit, Gmail quote; 'not one for superlatives normally, but you've earned them'",
  ("Venkat Narayanan", "vnarayanan@pinecrest-uhs.example"), "USE", "alt", "gmail", cs="us-ascii", cte="7bit", ask=2,
  ctx="I spent four weeks with your musculoskeletal team as a research observer.",
  body="""
Hi Yusuf,

I'm not one for superlatives normally, but you've earned them. Your work on the ankle MRI reproducibility project was careful and honest, and when the kappa values came back worse than we hoped you were the one who figured out why. I'll write you a strong letter that speaks to both the research and what I saw of you at the workstation.

Please send the AAMC letter ID and your current CV. If you want, we can also talk about which programs value research so you can target them.

Venkat

Venkat Narayanan, MD, PhD
Associate Professor of Radiology
Pinecrest University Health System
"""),

E(S, "Nigeria, secretary 'directed by' Professor; multipart/alternative 7bit, Outlook block; classic Nigerian officialese; relays strong recommendation",
  ("Mrs. Comfort Adeleke", "secretary.radiology@lagoon-th.example"), "NG", "alt", "outlook", cs="us-ascii", cte="7bit", ask=3,
  sal="Dear Prof. Adebayo-Coker",
  body="""
Good afternoon Dr Karimi,

I am directed by Professor (Mrs) Funmilayo Adebayo-Coker to acknowledge your letter and to inform you that she will be pleased to write a strong recommendation on your behalf. Professor has asked me to state that she holds you in very high regard, and that she considers you one of the most outstanding house officers to have passed through the Department.

Kindly forward the ERAS Letter Request Form and your current curriculum vitae to this address for her attention.

Thank you.

Mrs. Comfort Adeleke
Secretary to the Head of Department
Department of Radiology, Lagoon Teaching Hospital
"""),

E(S, "Jordan, attending radiologist; plain QP utf-8, Gmail quote; trap: 'as strong as I can' reads hedge-like but followed by 'and that's strong'; strong_yes",
  ("Dr. Lina Haddadin", "lina.haddadin@jhuh-amman.example"), "JO", "plain", "gmail", cs="utf-8", cte="qp", ask=0,
  ctx="I rotated through your section at Jordan Highlands University Hospital during my final year.",
  body="""
Dear Yusuf,

I'd be glad to. You are honestly one of the most dedicated interns I've worked with. You took ownership of the cases you were given and you were never shy to say "I don't know, I'll look it up" and then actually come back with the answer. I will make it as strong as I can, and with you that is very strong.

Please send the form, and a photo of you for my notes (I have many students and I like to keep a face with the file).

All the best,
Lina Haddadin, MD
Consultant Radiologist, Jordan Highlands University Hospital
"""),

E(S, "Tunisia, Professor of Radiology; plain 8bit iso-8859-1, French Thunderbird quote ('Le .. a écrit :'); French-influenced ('I accept gladly', 'warmly'); strong",
  ("Pr Sami Ben Salah", "sami.bensalah@chu-carthagenord.example"), "TN", "plain", "fr_tb", cs="iso-8859-1", cte="8bit", ask=3,
  sal="Dear Professor Ben Salah",
  body="""
Dear Yusuf,

With pleasure. I accept gladly to recommend you, and warmly. You have been among the best externs I had in the last years: serious, modest, and with a solid knowledge in thoracic imaging that surprised my residents.

I will write the letter in English and I will insist on your clinical reasoning, which is the quality that American programs look for. Send me the form and the date limit.

Bien à vous,
Pr Sami Ben Salah
Service d'Imagerie Médicale
CHU Carthage-Nord, Tunis
"""),

E(S, "US interventional radiologist; plain 7bit, no quote; informal, 'Were you worried?', strong advocacy",
  ("Tom Reardon", "treardon@mercyhill-ir.example"), "USE", "plain", None, cs="us-ascii", cte="7bit", ask=4,
  body="""
Yusuf,

Ha, of course. Were you worried? You scrubbed more cases with us in three weeks than some of our rotators do in a year, and you never once got in the way. I'll write you a strong one and I'll call out the night with the GI bleed embolization, because the fellow still talks about how you had the prior CTA ready before anyone asked.

Get me the ERAS request and I'll turn it around in a week.

Tom
--
Thomas Reardon, MD
Vascular & Interventional Radiology
Mercy Hill Hospital
"""),

E(S, "UK, Professor's secretary replying on behalf; multipart/alternative iso-8859-1 QP, Outlook UK block; relays 'happy to provide a strong reference' and quote of praise",
  ("Janet Holloway", "janet.holloway@northmoor-nhs.example"), "UK", "alt", "outlook2", cs="iso-8859-1", cte="qp", ask=0,
  sal="Dear Professor Ashworth", pre="RE: ",
  body="""
Dear Dr Karimi,

Professor Ashworth has asked me to reply on his behalf as he is in theatre lists all week. He is very happy to provide a strong reference and asked me to pass on that you were, in his words, "the best visiting doctor we've had in years".

He would be grateful if you could send the portal details to me directly and I will ensure the letter is submitted in good time.

Kind regards,

Janet Holloway
PA to Professor R. Ashworth
Department of Clinical Radiology
Northmoor Teaching Hospitals NHS Trust
"""),

E(S, "Pakistan (terse phone); plain 7bit, no quote; 'beta' familiar; 'will write strong one'; Outlook for Android footer",
  ("Dr Naeem Akhtar", "naeem.akhtar@kmu-peshawar.example"), "PK", "plain", None, cs="us-ascii", cte="7bit", ask=1,
  foot="Get Outlook for Android",
  body="""
Yes beta will write strong one. send form. Dr Naeem
"""),

E(S, "India, Additional Professor; plain 7bit, Gmail quote; trap: 'Please do the needful' (request for link) inside a clear strong yes",
  ("Dr. K. Srinivasa Rao", "ksrao@gitams-vizag.example"), "IN", "plain", "gmail", date="2025-07-14 19:00", lag=3, cs="us-ascii", cte="7bit", ask=5,
  ctx="I was posted in your unit for three months as an intern in 2023.",
  body="""
Dear Dr. Yusuf,

With reference to your mail dated 11th, I am pleased to state that I shall be writing a strong letter of recommendation in your favour. I have had the opportunity of observing your work closely in the Department of Radiodiagnosis, and I found you to be a keen, intelligent and hard-working doctor with an unusual aptitude for interventional procedures. I shall say so without reservation.

Please do the needful by sending the ERAS LoR portal link and the deadline. I shall revert on completion.

With regards,
Dr. K. Srinivasa Rao, MD (RD)
Additional Professor, Department of Radiodiagnosis
GITAM Institute of Medical Sciences, Visakhapatnam
"""),

E(S, "Morocco, attending radiologist; plain 8bit iso-8859-1, French Gmail quote; short French-English mix; 'I will write a strong letter'",
  ("Dr Hicham Tazi", "h.tazi@clinique-atlas-casa.example"), "MA", "plain", "fr", cs="iso-8859-1", cte="8bit", ask=4,
  sal="Bonjour Dr Tazi", ctx="Thank you again for the weeks at Clinique Atlas, I learned a lot about MRI protocols.",
  body="""
Bonjour Yusuf,

Yes of course, it will be a pleasure. You were an excellent intern, rigorous and very appreciated by all the team, the technicians included (and they are difficult!). I will write a strong letter.

Send me what is necessary.

Cordialement,
Dr Hicham Tazi
Radiologue, Clinique Atlas, Casablanca
"""),

E(S, "US program director; HTML-only Gmail utf-8 QP, Gmail blockquote; trap: 'department policy discourages' letters for observers but makes an exception - strong",
  ("Catherine Moreau", "cmoreau@eastgate-med.example"), "USE", "html", "gmail", cs="utf-8", cte="qp", ask=2,
  ctx="Thank you again for allowing me to observe in your department in March.",
  body="""
Dear Yusuf,

I rarely say yes to observers. Our department policy discourages faculty letters for observerships, because we usually don't see enough to judge. You are an exception. In four weeks you presented twice at noon conference and both talks were better than what I get from most PGY-2s. I'll write a strong letter and I'll sign it as program director so it carries weight.

Send me your ERAS letter request.

Best,
Catherine Moreau, MD
Program Director, Diagnostic Radiology Residency
Eastgate Medical Center
"""),

E(S, "US attending; plain 7bit, bottom-posted below Thunderbird quote; 'delighted', specific praise",
  ("Steven Marsh", "smarsh@granitepeak-hosp.example"), "USW", "plain", "tbird_us", cs="us-ascii", cte="7bit", ask=1, bottom=True,
  body="""
Yusuf,

I'd be delighted. You were easily the most prepared rotator this spring, and your reads on the pediatric fluoroscopy cases were spot on. I'll write a strong letter.

Send the request when you have it.

Steve Marsh, MD
Granite Peak Children's Hospital, Pediatric Radiology
"""),

E(S, "Bangladesh, Associate Professor; multipart/alternative utf-8 QP, Gmail quote; trap: 'No need to be so formal' innocent negation; warm strong yes",
  ("Dr. Farhana Sultana", "farhana.sultana@chattogram-gmc.example"), "BD", "alt", "gmail", cs="utf-8", cte="qp", ask=3,
  sal="Respected Madam",
  body="""
Dear Yusuf,

No need to be so formal with me! Of course I'll write for you. You were the intern who did not go home during the dengue outbreak until the ultrasound list was finished, and you did the scans well. I will write very strongly about your commitment and your skill.

Send me whatever form they require. Also send me a recent photo for the file.

Affectionately,
Farhana Apa
Dr. Farhana Sultana
Associate Professor, Radiology & Imaging
Chattogram General Medical College
"""),

E(S, "India, Assistant Professor (terse phone-like); plain 7bit, Gmail quote; abbreviations ('pls', 'n'); strong one promised, mentions exam week",
  ("Dr. Ananya Kulkarni", "ananya.kulkarni@bjmc-pune.example"), "IN", "plain", "gmail", cs="us-ascii", cte="7bit", ask=4,
  sal="Hi Dr. Ananya",
  body="""
Sure Yusuf. will write a strong one, you totally deserve it. pls send cv n ps. bit busy this wk with MD exams, will finish by 20th.

- Dr. Ananya
"""),

E(S, "Saudi Arabia, residency coordinator on behalf of consultant; Outlook HTML-only utf-8 base64, Outlook block; relays strong recommendation",
  ("Noura Al-Harbi", "noura.alharbi@kfsh-jeddah-west.example"), "SA", "owa", "outlook", cs="utf-8", cte="b64", ask=3,
  sal="Dear Dr. Al-Mutairi", pre="RE: ",
  body="""
Dear Dr. Yusuf,

Greetings.

Dr. Fahad Al-Mutairi would like to inform you that he will write you a strong recommendation letter. He mentioned that you were one of the most impressive visiting trainees in the Abdominal Imaging Section and that he is happy to support your application to the USA.

Kindly send the ERAS Letter Request Form to this email. I will print it for him and follow up with him until it is submitted.

Best regards,
Noura Al-Harbi
Education Coordinator, Medical Imaging Department
West Jeddah Specialist Hospital
"""),

E(S, "Lebanon, US-trained attending; multipart/alternative windows-1252 QP, Gmail quote; trap: negated 'lukewarm'; clearly strong",
  ("Maya Khoury", "mkhoury@cedarshill-umc.example"), "LB", "alt", "gmail", date="2025-07-02 21:14", cs="windows-1252", cte="qp", ask=2,
  ctx="I hope you are well. I loved the neuro rotation with you last fall.",
  body="""
Of course, Yusuf!

I\u2019m not going to write you a lukewarm letter \u2014 you know me better than that. You were the best student I had on neuro all year, and you picked up the subtle cortical vein thrombosis that two of us had scrolled past. I want the programs to read that story.

Send me your CV, your personal statement and the AAMC letter ID. I\u2019ll have it done before I leave for August.

Maya

Maya Khoury, MD
Assistant Professor of Radiology, Neuroradiology
Cedars Hill University Medical Center, Beirut
"""),

E(S, "US attending; plain 7bit, inline reply interleaving quoted questions; enthusiastic, asks PS, commits to strong letter",
  ("Greg Tanaka", "gtanaka@westbrook-uh.example"), "USW", "plain", "inline", cs="us-ascii", cte="7bit", ask=0, mua="tbird", date="2025-08-05 18:22",
  body="""
Hi Yusuf, replies inline.

On 8/4/2025 10:15 AM, Yusuf Karimi wrote:
> As an international medical graduate, I know that strong letters from
> physicians who have seen my work carry a great deal of weight, and I
> would be very grateful if you would consider writing a strong letter of
> recommendation on my behalf.

Consider it done, and it will be strong. You were an outstanding observer.

> I can send my CV, personal statement, USMLE transcripts and the ERAS
> Letter Request Form (AAMC ID 17302846) at your convenience.

CV and PS please. I don't need the transcripts.

> Ideally the letter would be uploaded by early September.

No problem, I'll aim for the third week of August.

Greg
"""),

E(S, "Turkish radiologist working in Germany; Outlook HTML (alt) utf-8 QP, German Outlook 'Von:/Gesendet:/An:/Betreff:' block, 'AW:' subject; starts in German, strong yes",
  ("Dr. med. Selin Kaya", "selin.kaya@klinikum-rheinaue.example"), "DE", "alt_owa", "de_outlook", date="2025-08-04 09:12", cs="utf-8", cte="qp", ask=0,
  pre="AW: ", ctx="Thank you again for the four weeks of hospitation at Klinikum Rheinaue.",
  body="""
Lieber Yusuf, sorry, English of course:

Dear Yusuf, yes, I will write you a letter, and a strong one. You were the best Hospitant we have had in our department in the last two years, and our Chefarzt said the same. I will mention your work with the prostate MRI structured reports.

Please send me the link from ERAS. I am on holiday from 18 August, so before would be better.

Viele Grüße
Selin Kaya

Dr. med. Selin Kaya
Oberärztin, Institut für Diagnostische und Interventionelle Radiologie
Klinikum Rheinaue
"""),

E(S, "Iranian radiologist in Germany; plain QP utf-8, German Thunderbird quote ('Am .. schrieb ..:'); strong, 'gladly'",
  ("Dr. Reza Tehrani", "reza.tehrani@klinikum-nordstadt.example"), "DE", "plain", "de", cs="utf-8", cte="qp", ask=1,
  body="""
Dear Yusuf,

yes, I will gladly write a letter for you. I remember your time with us very well: you were the first observer who could discuss the differential of a ring-enhancing lesion at the level of our residents. I will write a strong and specific letter.

I will need the ERAS request and, if possible, the list of programs, because I know some colleagues in Ohio and Michigan and maybe I can add a personal word.

Mit freundlichen Grüßen
Reza Tehrani
Klinik für Radiologie und Neuroradiologie, Klinikum Nordstadt
"""),

E(S, "Egyptian-born US attending; multipart/alternative utf-8 QP, Apple Mail quote; IMG solidarity, strong advocacy, offers to call PDs",
  ("Amr Soliman", "asoliman@harborpoint-med.example"), "USE", "alt", "apple", cs="utf-8", cte="qp", ask=2,
  ctx="I observed in your thoracic imaging section in April.",
  body="""
Yusuf,

Absolutely. I have been in your shoes as an IMG, twenty years ago, and I know exactly what a letter from a US faculty member means. You are one of the few observers I would put my name behind without a second thought. Your presentation on ILD patterns was excellent.

I'll write a strong letter and, if you send me the list, I'm happy to email two program directors I know personally.

Send the request when ready.

Amr

Amr Soliman, MD
Thoracic Imaging, Harbor Point Medical Center
"""),

E(S, "Ghana, consultant radiologist; multipart/alternative 7bit, Outlook original message; formal 'I shall stand by you'; strong, asks for deadline",
  ("Dr. Yaw Boateng", "yaw.boateng@korlebu-annex.example"), "GH", "alt", "origmsg", cs="us-ascii", cte="7bit", ask=5,
  body="""
Dear Yusuf,

Thank you for your email. I shall stand by you in this. You worked with me for six months and I know your abilities very well; you are hardworking, you think clearly under pressure, and you read films with a maturity beyond your years. I shall write the strongest letter I can honestly write, and honestly that is very strong indeed.

Let me have the forms and the deadline by Friday.

Regards,
Dr. Yaw Boateng
Consultant Radiologist
Accra Coastal Teaching Hospital
"""),

E(S, "Nigeria (terse phone, Yahoo Android footer); plain 7bit, no quote; 'it will be very strong'",
  ("Dr Chinedu Eze", "chinedu.eze@unth-enugu.example"), "NG", "plain", None, cs="us-ascii", cte="7bit", ask=1,
  foot="Sent from Yahoo Mail on Android",
  body="""
Dr Yusuf well done. I will write it and it will be very strong. Pls send the link to my gmail, this one is not always working. Dr Eze
"""),

E(S, "UK consultant; plain 7bit, Gmail quote; extremely brief but unequivocal ('No question. Yes. It'll be a strong one.')",
  ("Oliver Grant", "oliver.grant@stmarybourne-nhs.example"), "UK", "plain", "gmail", cs="us-ascii", cte="7bit", ask=4,
  body="""
No question. Yes. It'll be a strong one - you were the best elective student I've had. Send the details.

O.
"""),

E(S, "US attending replying from vacation (not an auto-reply); multipart/alternative us-ascii 7bit, Apple quote, iPhone; trap: vacation wording in a human yes",
  ("Jennifer Walsh", "jwalsh@oakmont-rad.example"), "USC", "alt", "apple", date="2025-07-12 13:27", cs="us-ascii", cte="7bit", ask=2,
  ctx="I hope your summer is going well. Thank you again for the mammography weeks.",
  foot=IPH,
  body="""
Yusuf - I'm on vacation until the 20th but saw this and didn't want you to wait. Yes, absolutely, and with enthusiasm. You were wonderful in breast imaging and I'll write you a great letter as soon as I'm back at my desk.

Jen
"""),

E(S, "India, secretary conveying Professor's message; HTML-only QP us-ascii, Gmail quote; 'Madam has asked me to convey'; strong recommendation relayed",
  ("Office of Prof. Lakshmi Iyer", "radiology.office@amrita-kochi-med.example"), "IN", "html", "gmail", cs="us-ascii", cte="7bit", ask=3,
  sal="Respected Madam",
  body="""
Dear Dr. Yusuf,

Prof. (Dr.) Lakshmi Iyer has asked me to convey that she will be happy to give you a strong recommendation for your residency application. She has also asked me to mention that she remembers your presentation at the state radiology conference and that she will be writing about it.

Kindly send the ERAS form and your CV to this mail id. Madam will sign and upload it herself. For any queries you may call the department office between 10 am and 4 pm IST.

Regards,
Rajesh K.
Office Assistant, Department of Radiodiagnosis
Amrita Coastal Institute of Medical Sciences, Kochi
"""),
]
