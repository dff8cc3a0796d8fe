from h import E, IPH
from att import PNG, PDF, DOCX
S = "needs_info"
R = [
E(S, "India, Professor; multipart/alternative 7bit, Gmail quote; 'Kindly send CV, PS, USMLE scores; thereafter I shall decide and revert' - no commitment",
  ("Dr. Suresh Balakrishnan", "s.balakrishnan@trivandrum-mc-east.example"), "IN", "alt", "gmail", cs="us-ascii", cte="7bit", ask=3,
  sal="Respected Sir",
  body="""
Dear Dr. Yusuf,

Your mail is noted. Kindly send your updated CV, personal statement and USMLE score reports. Thereafter I shall go through the same, decide and revert.

Regards,
Dr. S. Balakrishnan
Professor, Radiodiagnosis
"""),

E(S, "US attending; multipart/alternative us-ascii 7bit, Gmail quote; 'Remind me when we worked together?' - no commitment",
  ("Christopher Blake", "cblake@northshore-academic.example"), "USE", "alt", "gmail", cs="us-ascii", cte="7bit", ask=4,
  body="""
Hi Yusuf,

Remind me when we worked together? I've had a lot of observers this year and I want to make sure I'm thinking of the right person before I answer. A photo or the dates would help.

Chris
"""),

E(S, "Nigeria, consultant; plain 7bit, Outlook block; 'Kindly call my office to schedule an appointment' before discussing - needs_info (meeting)",
  ("Dr. Ngozi Obi-Eze", "ngozi.obieze@imo-fth.example"), "NG", "plain", "outlook", cs="us-ascii", cte="7bit", ask=0,
  pre="RE: ",
  body="""
Dear Dr Karimi,

I have received your mail. Kindly call my office to schedule an appointment so that we can discuss your request in detail before I take a decision. My secretary is available on weekdays between 9am and 2pm.

Regards,
Dr. Ngozi Obi-Eze
Consultant Radiologist
"""),

E(S, "Egypt, Professor; plain QP utf-8, Gmail quote; asks deadline and which programs before deciding - needs_info",
  ("Prof. Wael Abdelrahman", "wael.abdelrahman@cairo-north-univ.example"), "EG", "plain", "gmail", cs="utf-8", cte="qp", ask=2,
  body="""
Dear Yusuf,

Before I answer, what is the deadline exactly? And which programs are you applying to? I want to know whether a letter from an Egyptian professor will make sense for them or not.

Wael
"""),

E(S, "Pakistan, consultant; plain 7bit, no quote; 'send me details of your work with us; let me look at it and then decide' - needs_info",
  ("Dr. Asma Farooq", "asma.farooq@services-hosp-lhr.example"), "PK", "plain", None, cs="us-ascii", cte="7bit", ask=1,
  body="""
Dear Yusuf,

Send me the details of the work you did with us, the dates and any cases you remember. Let me look at it and then decide. I don't write letters without checking my records.

Dr. Asma Farooq
"""),

E(S, "US attending; plain 7bit, Apple quote; asks for a 15-minute Zoom first before deciding - needs_info",
  ("Melissa Grant", "mgrant@cedarbluff-med.example"), "USC", "plain", "apple", cs="us-ascii", cte="7bit", ask=2,
  body="""
Hi Yusuf,

Can we meet for 15 minutes on Zoom first? I'd like to hear what you're hoping the letter will cover before I commit. Next Tuesday or Wednesday afternoon works for me.

Melissa
"""),

E(S, "Saudi Arabia, consultant; multipart/mixed (Outlook text+HTML + inline logo PNG), utf-8 QP, Outlook block; requests logbook and elective evaluation before considering - needs_info",
  ("Dr. Mohammed Al-Ghamdi", "m.alghamdi@taif-specialist.example"), "SA", "mixed_owa", "outlook", att=("image001.png", "image/png", PNG), cs="utf-8", cte="qp", ask=3,
  pre="RE: ",
  body="""
Dear Dr. Yusuf,

Please send me a copy of your elective logbook and the evaluation form from your rotation with us. I will review them and get back to you regarding the letter.

Regards,
Dr. Mohammed Al-Ghamdi
Consultant Radiologist, Taif Specialist Hospital
"""),

E(S, "Turkey, Associate Professor (German Outlook client); plain QP utf-8, German Outlook 'Von:/Gesendet:' block, AW: subject; asks which year he was intern, needs to check - needs_info",
  ("Doç. Dr. Hakan Öztürk", "hakan.ozturk@izmir-korfez-tip.example"), "TR", "plain", "de_outlook", pre="AW: ", cs="utf-8", cte="qp", ask=0,
  body="""
Dear Yusuf,

Which year were you intern with us, and in which team? I need to check the records before I answer. Please also send your CV.

Hakan Öztürk
"""),

E(S, "Morocco, Professor; plain 8bit iso-8859-1, French Outlook block; asks CV and list of cases to see whether he can write something useful - needs_info",
  ("Pr Mohamed Amine Idrissi", "ma.idrissi@chu-tanger-med.example"), "MA", "plain", "fr_outlook", cs="iso-8859-1", cte="8bit", ask=3,
  pre="RE : ",
  body="""
Bonjour Yusuf,

Could you send me your CV and the list of the cases you did with me during the stage, so I can see if I can write something useful for you? After that I will give you my answer.

Cordialement,
Pr M. A. Idrissi
"""),

E(S, "UK consultant; multipart/alternative 7bit, Outlook UK block; 'Before I agree, can you tell me what you'd want me to speak to?' - needs_info",
  ("Dr James Whitcombe", "james.whitcombe@ouseland-nhs.example"), "UK", "alt", "outlook2", cs="us-ascii", cte="7bit", ask=0,
  pre="RE: ",
  body="""
Dear Yusuf,

Before I agree, could you tell me what you'd want me to speak to? I remember you from the vascular MDT but I'm not sure I saw enough to comment on clinical work. A few lines from you on what you think I could reasonably say would help me decide.

Best,
James Whitcombe
"""),

E(S, "Lebanon, attending; multipart/alternative utf-8 QP, French Gmail quote; asks about format (letter vs evaluation form) and length before deciding - needs_info",
  ("Dr. Joëlle Karam", "joelle.karam@hotel-dieu-est.example"), "LB", "alt", "fr", cs="utf-8", cte="qp", ask=2,
  body="""
Hi Yusuf,

What's the format exactly? Do they want a free letter or an evaluation form with ratings? And is there a length? I've never done one for the US and I want to understand before saying yes.

Joëlle
"""),

E(S, "Ghana, HOD secretary; plain 7bit, no quote; Doctor requests a formal written request through the Head of Department - needs_info (procedure)",
  ("Secretary, Dept. of Radiology", "radiology.secretary@ho-volta-th.example"), "GH", "plain", None, cs="us-ascii", cte="7bit", ask=3,
  body="""
Dear Dr. Karimi,

Dr. Agyeman has asked me to inform you that all requests for recommendation letters must be made in a formal written letter addressed through the Head of Department, stating the purpose and the deadline, with a copy of your posting certificate attached. Upon receipt he will consider your request.

Thank you.

Secretary
Department of Radiology, Volta Regional Teaching Hospital
"""),

E(S, "Iran, Professor; HTML-only QP us-ascii, no quote; asks whether a letter written in Persian and translated would be acceptable - needs_info",
  ("Dr. Abbas Nikpour", "a.nikpour@tabriz-north-ums.example"), "IR", "html", None, cs="us-ascii", cte="7bit", ask=0,
  body="""
Dear Dr. Karimi,

Before I answer, I need to know one thing: is it acceptable if I write the letter in Persian and it is translated by an official translator? My English writing is not good enough for such an important document. Please find out and tell me.

Abbas Nikpour
"""),

E(S, "US attending; plain 7bit, Gmail quote; trap: mentions 'strong letters' but only writes them for people she knows well, proposes meeting first - needs_info",
  ("Valerie Chen", "vchen@westlake-univ-hosp.example"), "USW", "plain", "gmail", cs="us-ascii", cte="7bit", ask=1,
  body="""
Yusuf,

I write strong letters only for people I know well, and I don't know you well yet. Let's meet. Come by the reading room Thursday after 4 and we'll talk through your application; then I'll tell you whether I'm the right person.

V. Chen
"""),

E(S, "Bangladesh, Associate Professor; multipart/alternative utf-8 QP, Gmail quote; needs to check with Principal whether faculty can issue LORs - needs_info",
  ("Dr. Nusrat Jahan", "nusrat.jahan@mymensingh-cmc.example"), "BD", "alt", "gmail", cs="utf-8", cte="qp", ask=3,
  body="""
Dear Yusuf,

I need to check with the Principal whether faculty members can issue LORs for US residency applicants in their personal capacity. There was a circular about this last year. I will let you know once I have clarification.

Dr. Nusrat Jahan
"""),

E(S, "US, assistant for attending; multipart/alternative windows-1252 QP, Outlook block; attending requests CV and rotation evaluation before he decides - needs_info",
  ("Denise Fowler", "dfowler@stonebridge-med.example"), "USE", "alt_owa", "outlook", cs="windows-1252", cte="qp", ask=0,
  sal="Dear Dr. Kaminski", pre="RE: ",
  body="""
Hi Dr. Karimi,

Dr. Kaminski asked me to request your CV and a copy of the evaluation from your rotation here before he decides on the letter. You can send them to me and I\u2019ll put them in his folder.

Thank you,
Denise Fowler
Faculty Assistant, Department of Radiology
Stonebridge Medical Center
"""),

E(S, "Jordan (terse phone); plain 7bit, no quote, iPhone; 'When do you need it by?' - needs_info",
  ("Dr. Tamer Jaber", "tamer.jaber@amman-specialty.example"), "JO", "plain", None, cs="us-ascii", cte="7bit", ask=4,
  foot=IPH,
  body="""
When do you need it by? And is it for radiology only?
"""),

E(S, "Senegal, Professor; plain QP iso-8859-1, French Gmail quote; asks for complete file (CV, lettre de motivation) before answering - needs_info",
  ("Pr Fatou Bintou Sarr", "fb.sarr@chu-fann-annexe.example"), "SN", "plain", "fr", cs="iso-8859-1", cte="qp", ask=3,
  body="""
Bonjour Yusuf,

Please send me your complete file: CV, lettre de motivation (personal statement), and your evaluation from our service. I will study it and give you my answer next week.

Pr F. B. Sarr
"""),

E(S, "Cameroon, consultant; multipart/alternative iso-8859-1 QP, French Outlook block; asks which letterhead and whether English required - no commitment, needs_info",
  ("Dr Marie-Claire Eyenga", "mc.eyenga@chr-bamenda.example"), "CM", "alt_owa", "fr_outlook", cs="iso-8859-1", cte="qp", ask=0,
  pre="RE : ",
  body="""
Dear Dr Karimi,

Good day. On which letterhead should such a letter be written, the hospital's or the university's? Does it need to be in English only? And must it be addressed to a particular programme? Kindly clarify these points before we proceed further.

Dr M.-C. Eyenga
"""),

E(S, "US attending (terse phone); plain 7bit, no quote, iPhone; 'who is this? new phone' - no commitment, needs identification",
  ("Mike Donnelly", "mdonnelly@coastline-rad.example"), "USE", "plain", None, cs="us-ascii", cte="7bit", ask=1,
  foot=IPH,
  body="""
sorry who is this? new phone, lost contacts. when did u rotate w us
"""),

E(S, "India, Associate Professor; plain 7bit, Gmail quote; 'Please revert with the deadline and the mode of submission' - no commitment yet",
  ("Dr. Priya Venkataraman", "priya.v@mysore-mc-south.example"), "IN", "plain", "gmail", cs="us-ascii", cte="7bit", ask=5,
  body="""
Dear Yusuf,

Please revert with the deadline and the mode of submission (online / hard copy / email). Also let me know how many programmes the letter is for. I shall consider your request accordingly.

Dr. Priya Venkataraman
"""),

E(S, "Tunisia, radiologist; plain 8bit iso-8859-1, French Thunderbird quote; asks rotation dates, has many students - needs_info",
  ("Dr Mehdi Jlassi", "mehdi.jlassi@chu-bizerte-nord.example"), "TN", "plain", "fr_tb", cs="iso-8859-1", cte="8bit", ask=1,
  body="""
Bonjour,

Remind me of your rotation dates please, and which team you were in. I have many students each year and I want to be sure before answering.

Mehdi Jlassi
"""),

E(S, "Nigeria, Professor; plain 7bit, Gmail quote; 'Kindly send the request form... and I will look into it' - uncommitted, needs_info",
  ("Prof. Yusuf Danjuma", "y.danjuma@jos-uth.example"), "NG", "plain", "gmail", cs="us-ascii", cte="7bit", ask=3,
  sal="Dear Prof. Danjuma",
  body="""
Dear Namesake,

Kindly send the request form, your CV and a summary of your activities in the Department during your posting, and I will look into it.

Prof. Y. Danjuma
"""),

E(S, "US attending; multipart/alternative us-ascii 7bit, Apple quote; wants PS draft and bullet list of cases, then to talk - needs_info",
  ("Sandra Whitaker", "swhitaker@hillcrest-univ.example"), "USC", "alt", "apple", cs="us-ascii", cte="7bit", ask=2,
  body="""
Yusuf,

Send me a draft of your personal statement and a bullet list of the cases we worked on together, and then let's talk by phone. I'll decide after that whether I can add something useful.

Sandra
"""),

E(S, "Pakistan (terse phone); plain 7bit, no quote; 'Call me tomorrow after 3pm' before discussing - needs_info (call)",
  ("Dr. Imran Baig", "imran.baig@cmh-rwp-radiology.example"), "PK", "plain", None, cs="us-ascii", cte="7bit", ask=1,
  foot="Sent from my Huawei phone",
  body="""
Call me tomorrow after 3pm, will discuss. 0300-0000000
"""),
]
