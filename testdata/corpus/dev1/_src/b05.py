from h import E, IPH
S = "decline"
R = [
E(S, "India, Professor; HTML-only QP us-ascii, Gmail quote; formal 'I regret to inform you that I will not be in a position' - decline",
  ("Dr. Venugopal Menon", "v.menon@calicut-gmc-north.example"), "IN", "html", "gmail", cs="us-ascii", cte="7bit", ask=3,
  sal="Respected Sir",
  body="""
Dear Dr. Yusuf,

Thank you for your mail. I regret to inform you that I will not be in a position to write a letter of recommendation for you, as I have taken a decision not to issue any LoRs for foreign residency applications henceforth. Kindly approach the Head of the Department in this regard.

Wishing you all success.

Dr. Venugopal Menon
Professor, Radiodiagnosis
"""),

E(S, "US attending; multipart/alternative us-ascii 7bit, Gmail quote; polite decline without the word 'no' - suggests someone who supervised directly, no offer",
  ("Lisa Harrington", "lharrington@westfield-uh.example"), "USE", "alt", "gmail", cs="us-ascii", cte="7bit", ask=4,
  body="""
Hi Yusuf,

Thanks for thinking of me. I don't think I'm the right person for this. We overlapped for only a couple of afternoons, and a letter from me would be thin in a way programs notice. I'd encourage you to ask someone who supervised you directly; that will serve you much better.

Wishing you the best of luck this cycle.

Lisa
"""),

E(S, "Nigeria, consultant; plain 7bit, Outlook block; withdraws an earlier agreement ('Further to my earlier mail... cannot') - decline",
  ("Dr. Oluwaseun Bakare", "o.bakare@ekiti-fmc.example"), "NG", "plain", "outlook", cs="us-ascii", cte="7bit", ask=0,
  pre="RE: ",
  body="""
Dear Dr Karimi,

Further to my earlier mail in which I indicated willingness to assist, I have since realised, on reviewing the posting records, that you were under the supervision of Dr. Alabi and not my unit for the greater part of your stay. I therefore regret that I cannot write the letter as earlier promised, as it would not be proper for me to do so.

I wish you success in your application.

Dr. Oluwaseun Bakare
Consultant Radiologist
"""),

E(S, "Egypt, Professor; plain QP utf-8, Gmail quote; faculty regulations forbid staff from writing for external residency applications - decline",
  ("Prof. Magdy El-Sayed", "magdy.elsayed@upper-egypt-univ.example"), "EG", "plain", "gmail", cs="utf-8", cte="qp", ask=3,
  body="""
Dear Yusuf,

I am sorry, but according to the new faculty regulations, staff members are not allowed to write individual recommendation letters for applications outside Egypt; all such documents must be issued by the Faculty administration. So I cannot write it personally.

My best wishes for you.

Prof. Magdy El-Sayed
"""),

E(S, "UK, department manager; plain 7bit, Outlook UK block; 'We don't provide references for observers' as policy - decline",
  ("Sarah Kemp", "sarah.kemp@eastdowns-nhs.example"), "UK", "plain", "outlook2", cs="us-ascii", cte="7bit", ask=0,
  sal="Dear Dr Marsden", pre="RE: ",
  body="""
Dear Dr Karimi,

Dr Marsden has forwarded your email to me. I'm afraid the department doesn't provide references for clinical observers, as observers are not assessed during their attachment. This applies to all consultants in the department, so Dr Marsden won't be able to help on this occasion.

With best wishes,

Sarah Kemp
Radiology Department Manager
East Downs Hospitals NHS Trust
"""),

E(S, "Pakistan, PA on behalf of Professor; plain 7bit, no quote; 'Prof. regrets his inability' - decline via assistant",
  ("Office of Prof. Jamil Qureshi", "prof.jqureshi.office@dow-hs-north.example"), "PK", "plain", None, cs="us-ascii", cte="7bit", ask=3,
  body="""
Dear Dr. Yusuf Karimi,

Prof. Jamil Qureshi has asked me to convey that he regrets his inability to write a recommendation letter for you, as he is proceeding abroad for six months and will not be available during the application period.

Regards,
Sajid Ali
Office of Prof. Jamil Qureshi
"""),

E(S, "US attending (terse phone); plain 7bit, Apple quote, iPhone; 'sorry cant this cycle. swamped' - decline",
  ("Jason Meyers", "jmeyers@redrock-radiology.example"), "USW", "plain", "apple", cs="us-ascii", cte="7bit", ask=1,
  foot=IPH,
  body="""
sorry yusuf cant this cycle. way too many requests already and im swamped. good luck
"""),

E(S, "Lebanon, attending; multipart/alternative utf-8 QP, Gmail quote; has stopped writing Match letters altogether - decline",
  ("Dr. Rita Abi Nader", "rita.abinader@byblos-umc.example"), "LB", "alt", "gmail", cs="utf-8", cte="qp", ask=2,
  body="""
Dear Yusuf,

I'm sorry to disappoint you. After last year I decided to stop writing letters for the US Match entirely; I had more than thirty requests and I could not do justice to any of them. I am keeping to that decision for everyone, so please don't take it personally.

I wish you all the success you deserve.

Rita
"""),

E(S, "Ghana, retired professor; multipart/alternative 7bit, no quote; no longer writes letters since retirement, no records - decline",
  ("Prof. Emmanuel Asante-Darko", "easante.darko@mailbox-gh.example"), "GH", "alt", None, cs="us-ascii", cte="7bit", ask=0,
  body="""
Dear Yusuf,

Thank you for your kind letter. Since my retirement I have given up writing recommendations, as I no longer have access to the departmental records and I feel my name no longer carries the weight it once did with the younger programme directors. I would advise that you approach Dr. Ofori, who is now Head of Department.

With every good wish for your future,

E. Asante-Darko
"""),

E(S, "Saudi Arabia, consultant; plain QP utf-8, Arabic Gmail quote header; sits on selection committee of a program he applies to (conflict of interest) - decline",
  ("Dr. Faisal Al-Shehri", "f.alshehri@dammam-coastal-mc.example"), "SA", "plain", "ar", cs="utf-8", cte="qp", ask=0,
  body="""
Dear Yusuf,

Thank you for your message. I have to decline, and let me explain why: this year I am on the selection committee of one of the US programs on your list, through my adjunct appointment. Writing a letter for you would be a conflict of interest and I cannot do it.

I wish you all the best.

Faisal Al-Shehri, MD
"""),

E(S, "Turkey, Professor; plain QP utf-8, Turkish Gmail quote; trap: 'I would have loved to write you a strong letter' but health/leave prevents - decline",
  ("Prof. Dr. Ayşe Demirtaş", "ayse.demirtas@bogazici-tip.example"), "TR", "plain", "tr", cs="utf-8", cte="qp", ask=4,
  body="""
Dear Yusuf,

I would have loved to write you a strong letter, you know how much I appreciated your work. Unfortunately I am starting a long medical leave next week and I will not be able to do any academic work until the end of the year. I am very sorry.

Please ask Dr. Koç, she knows your work also.

Ayşe Demirtaş
"""),

E(S, "Iran, Associate Professor (trained in Germany); plain QP utf-8, German Thunderbird quote ('Am .. schrieb'); does not remember applicant well enough to write anything meaningful - decline",
  ("Dr. Hamid Sadeghi", "h.sadeghi@isfahan-north-ums.example"), "IR", "plain", "de", cs="utf-8", cte="qp", ask=0,
  body="""
Dear Dr. Karimi,

I apologize, but I do not remember you well enough to write anything meaningful. We had more than sixty interns pass through the department that year. I think a letter from me would not help you, so it is better that I do not write one.

Best regards,
H. Sadeghi
"""),

E(S, "Morocco, Professor; plain 8bit iso-8859-1, French Gmail quote; 'I am sorry but I cannot accept' (French-influenced) - decline",
  ("Pr Rachid Berrada", "r.berrada@chu-oujda-est.example"), "MA", "plain", "fr", cs="iso-8859-1", cte="8bit", ask=3,
  sal="Monsieur le Professeur",
  body="""
Bonjour Yusuf,

I am sorry but I cannot accept your demand. I write letters only for the residents of our service, who I follow during four years, and not for the externes. It is a principle I apply to everybody.

Bon courage pour la suite.

Pr R. Berrada
"""),

E(S, "US attending; plain 7bit, Outlook block; 'I'd rather not, since my letter wouldn't help you' - decline",
  ("Neil Carrington", "ncarrington@ashford-regional.example"), "USE", "plain", "outlook", cs="us-ascii", cte="7bit", ask=1,
  pre="RE: ",
  body="""
Yusuf,

I'd rather not, frankly, since I don't think my letter would help you. I saw you for two half-days and I wasn't in a position to evaluate you. I'm sure you'll find better writers.

Neil Carrington
"""),

E(S, "Bangladesh, Associate Professor; multipart/alternative utf-8 QP, Gmail quote; 'Let me be frank' - felt rotation performance did not merit a letter - decline",
  ("Dr. Kamal Uddin Chowdhury", "kamal.chowdhury@sylhet-omc.example"), "BD", "alt", "gmail", cs="utf-8", cte="qp", ask=5,
  body="""
Dear Yusuf,

Let me be frank with you, because I think it is more useful than a polite letter. During your posting you were absent on several days without informing the unit, and your logbook was incomplete at the end. I cannot write a recommendation under these circumstances, and it is better you ask someone else.

I hope you take this in the right spirit.

Dr. Kamal Uddin Chowdhury
"""),

E(S, "Senegal, radiologist; plain 8bit iso-8859-1, French Outlook block; 'Malheureusement' - cannot, leaving for post abroad - decline",
  ("Dr Ousmane Sow", "ousmane.sow@hopital-principal-dkr.example"), "SN", "plain", "fr_outlook", cs="iso-8859-1", cte="8bit", ask=3,
  pre="RE : ",
  body="""
Cher Yusuf,

Malheureusement, I will not be able to write this letter. I am leaving Dakar at the end of the month for a two-year post in Lyon and I have closed all my administrative files. I prefer to tell you now so you have time to find another person.

Bonne chance,
Ousmane Sow
"""),

E(S, "US, administrative assistant; multipart/alternative us-ascii 7bit, Outlook block; attending on medical leave, not writing letters this season - decline via assistant",
  ("Karen Liu", "kliu@metrowest-imaging.example"), "USE", "alt_owa", "outlook", cs="us-ascii", cte="7bit", ask=0,
  sal="Dear Dr. Feinberg", pre="RE: ",
  body="""
Hello Dr. Karimi,

I'm writing on behalf of Dr. Feinberg. She is currently on extended medical leave and will not be writing any letters of recommendation this season. She asked me to pass along her apologies and best wishes for your application.

Sincerely,
Karen Liu
Administrative Assistant, Department of Radiology
MetroWest Imaging Center
"""),

E(S, "Jordan, general surgeon; plain 7bit, Gmail quote; withdraws earlier maybe after realising applicant is applying in radiology - decline",
  ("Dr. Ziad Haddad", "ziad.haddad@salt-gen-hosp.example"), "JO", "plain", "gmail", cs="us-ascii", cte="7bit", ask=5,
  body="""
Dear Yusuf,

When we spoke last week I said I would think about it. I have, and I've decided not to write. I'm a surgeon and I only know you from the wards; for a radiology application a letter from me would be out of place and I don't want to weaken your file.

Good luck,
Ziad
"""),

E(S, "Sri Lanka, consultant; plain 7bit, Thunderbird quote; 'I think it is best that I don't' - decline",
  ("Dr. Ruwan Perera", "ruwan.perera@colombo-north-th.example"), "LK", "plain", "tbird", cs="us-ascii", cte="7bit", ask=2,
  body="""
Dear Yusuf,

I have given your request some thought and I think it is best that I don't. I left the department only a few weeks after you joined and I could not honestly say much about your work. I hope you understand.

Best wishes,
Ruwan
"""),

E(S, "US attending; plain 7bit, Gmail quote; departmental cap of ten letters per cycle already reached - decline",
  ("Anita Deshmukh", "adeshmukh@riverside-univ-med.example"), "USC", "plain", "gmail", date="2025-08-14 17:36", cs="us-ascii", cte="7bit", ask=2,
  body="""
Hi Yusuf,

I'm sorry to say I've hit my limit. Our department caps each faculty member at ten letters per cycle so that we don't dilute them, and I committed all ten in July. I can't make an exception without being unfair to others.

Best of luck - I hope it goes well.

Anita
"""),

E(S, "Nepal, consultant; plain QP utf-8, Gmail quote; 'not writing any recommendation letters for foreign applications anymore' - decline",
  ("Dr. Pradeep Thapa", "pradeep.thapa@pokhara-regional.example"), "NP", "plain", "gmail", cs="utf-8", cte="qp", ask=1,
  body="""
Dear Yusuf,

I am sorry, I am not writing any recommendation letters for foreign applications anymore. Last year there was a problem with a letter being edited after I sent it, and since then I decided to stop.

Best wishes for your career.

Pradeep Thapa
"""),

E(S, "Cameroon, radiologist; plain 7bit, French Gmail quote; 'I cannot write as I was not your supervisor' - decline",
  ("Dr Alain Fotso", "alain.fotso@hopital-laquintinie-annex.example"), "CM", "plain", "fr", cs="utf-8", cte="8bit", ask=3,
  body="""
Dear Dr Karimi,

I cannot write as I was not your supervisor. The rules of the service are that only the supervisor of the rotation signs documents for the trainees. Please address your request to Pr Essomba.

Regards,
Dr Alain Fotso
"""),

E(S, "US attending; plain 7bit, inline reply to quoted ask; 'Honestly, no' with reasons - decline",
  ("Robert Vance", "rvance@lakeland-memorial.example"), "USE", "plain", "inline", cs="us-ascii", cte="7bit", ask=4, mua="gmail", date="2025-07-22 21:10",
  body="""
On Mon, Jul 21, 2025 at 8:47 AM Yusuf Karimi <yusuf.karimi@inbox.test> wrote:
> I'm applying to Diagnostic Radiology residency this year as an
> international medical graduate, and I wanted to ask if you would feel
> comfortable writing me a strong letter of recommendation.

Honestly, no. Not because of anything you did - I just didn't work with
you enough to write something that would help. I'd be doing you a
disservice.

> Happy to send anything you need (CV, personal statement, list of
> programs).

No need. Ask Dr. Brennan; she saw much more of you.

RV
"""),

E(S, "Tunisia, Professor; multipart/alternative 8bit iso-8859-1, French Thunderbird quote; 'I must decline' - too many requests, only writes for residents - decline",
  ("Pr Hédi Gharbi", "hedi.gharbi@chu-monastir-cote.example"), "TN", "alt", "fr_tb", cs="iso-8859-1", cte="8bit", ask=0,
  body="""
Dear Yusuf,

I must decline. This year I have received many demands from former externs for the USA and Canada, and I decided to limit myself to my own residents. I hope you will understand.

Bien cordialement,
Pr Hédi Gharbi
"""),

E(S, "UK consultant; multipart/alternative windows-1252 QP, Gmail quote; withdraws an earlier yes due to workload and new role - decline",
  ("Dr Catherine Osei", "catherine.osei@midshire-nhs.example"), "UK", "alt", "gmail", date="2025-08-12 18:44", lag=55, cs="windows-1252", cte="qp", ask=2,
  body="""
Dear Yusuf,

I\u2019m really sorry to be writing this. When you asked in June I said yes, but since then I\u2019ve taken over as clinical director and I simply can\u2019t give your letter the time it deserves. Rather than send you something rushed, I\u2019d like to withdraw now, while you still have time to ask someone else.

I\u2019m sorry to let you down.

Catherine
"""),
]
