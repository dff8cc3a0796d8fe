package classify

import (
	"strings"
	"testing"

	"github.com/lorkeeper/lorkeeper/reader"
)

// The tables below were written in batches after the first rules were
// tuned on testdata/replies2, each batch before looking at how it scored,
// to check that the detectors generalise beyond the examples they were
// built from. They are not training data of the learned model. Each reply
// is classified with the quoted "strong letter" ask (quotedAsk) below it.

// phrasings: one-line replies per kind (first batch).
var phrasings = map[Kind][]string{
	Uploaded: {
		"Uploaded this afternoon. Best of luck!",
		"It's in! Good luck.",
		"Your letter has gone in.",
		"Just finished it and sent it through the portal.",
		"I've submitted it.",
		"Submitted it last night - you should be all set.",
		"Letter's in.",
		"All taken care of - your letter is uploaded.",
		"Dr. Wu wanted me to let you know the letter is in.",
		"On behalf of Dr. Iyer: her recommendation for you has been submitted to ERAS.",
		"Dr. Iyer's letter was uploaded today.",
		"This is to confirm that Dr. Kamal has sent his letter.",
		"Done and done. Good luck!",
		"Finally got it uploaded - sorry for the delay!",
		"Sent it in this morning.",
		"I've completed the letter and uploaded it to ERAS.",
		"Letter is uploaded. You were a pleasure to have.",
		"Your letter of recommendation is complete and in the system.",
		"Good news: my letter went through this morning.",
		"Quick update - it's been submitted.",
	},
	Decline: {
		"I can't, sorry.",
		"Sorry, I won't be able to.",
		"Unfortunately that won't be possible.",
		"I'm going to have to say no this time around.",
		"I'm really sorry, but I can't take this on right now.",
		"Regretfully I must decline.",
		"I'm afraid I'm not able to help this time.",
		"Sorry, I'm not in a position to do this.",
		"I'm not going to be able to write for you.",
		"I've thought it over and I'm going to pass.",
		"Please don't count on me for this one.",
		"I'm afraid I have to back out of the letter I promised.",
		"I know I agreed earlier, but I can no longer write your letter.",
		"After thinking about it, I don't feel I'm the right person to write for you.",
		"You were a superb student and I enjoyed every day of your rotation. Sadly I am retiring in June and will not be writing any more letters.",
		"I really enjoyed working with you and you have a bright future. That said, I only write for students I've known for over a year, so I'll have to sit this one out.",
		"My answer is no, I'm sorry.",
		"That's not something I can do, unfortunately.",
		"Not possible this cycle, sorry.",
		"No - sorry. I'm away all autumn.",
		"I'd love to, but I can't this year.",
		"I would have been happy to, but I'm leaving the hospital next month.",
		"I wish I could, but my schedule won't allow it.",
		"I said I would write, but I can't anymore. I'm very sorry.",
	},
	StrongYes: {
		"I'd be honored to write for you!",
		"Absolutely! You were one of our stars.",
		"Yes - gladly. Send me what you have.",
		"I'd be happy to write you a glowing letter.",
		"Of course, and with real enthusiasm.",
		"I would be delighted to support your application.",
		"Without a doubt. When do you need it?",
		"Yes! It would be a privilege.",
		"You have my full support - I'll write the letter.",
		"I'd love to. You were a standout on our service.",
		"Happy to, and I'll make it a strong one.",
		"Really happy to do this for you.",
		"Definitely. You were excellent.",
		"I'll gladly write on your behalf.",
		"It would be my honor. Let me know the deadline.",
		"Yes, and I'll happily talk to any program that calls me.",
		"I'm excited to write this for you.",
		"You can count on me for a strong letter.",
		"I would be more than happy to write for you; you were exceptional.",
		"No question - I'm in. What's the deadline?",
		"Yes. This won't be a boilerplate letter, I promise.",
		"I'd be thrilled. You were the best student on the rotation.",
	},
	Hesitant: {
		"Sure.",
		"Yes, I can do that.",
		"I can write you a letter.",
		"I'll write it, but it'll be short.",
		"OK, send me your CV and I'll put something together.",
		"I'm really busy right now, but I can write one for you in a few weeks.",
		"I could write a brief letter, if that helps.",
		"I'm happy to write a letter, though I didn't work with you closely.",
		"I think Dr. Lee would write a better letter, but I can do it if you need me to.",
		"I can do a letter, but it'll be pretty generic.",
		"Alright. Send me the details.",
		"Let me see what I can do.",
		"Fine, I'll write something.",
		"I'm a bit overwhelmed right now, but I'll do my best.",
		"Yes, though I should mention I only saw you on two shifts.",
		"I'm not the best person, but if you can't find anyone else, I'll write one.",
		"I can give you a letter confirming you completed the rotation.",
		"I'll write you one if you send me a draft.",
		"I suppose I could write something.",
		"Happy to write it. Can you send your CV?",
		"I can do a quick letter.",
		"I'll write a couple of paragraphs.",
		"If it helps, I can write one.",
		"Ok fine.",
		"I can give it a go.",
		"I'll do what I can.",
		"I don't mind writing one.",
		"Sure, why not.",
		"Should be fine.",
		"It'll be a bit generic, but sure.",
		"I can say good things about your attendance.",
		"Yes, though I don't have a lot to say.",
		"Let me know what you need.",
	},
	NeedsInfo: {
		"I only write letters for people I've supervised for a month or more - how long were you with us?",
		"Before I decide, can you tell me which programs you're applying to?",
		"What would you want me to focus on? And what's the deadline?",
		"I need to see your CV first. Can you send it?",
		"My rule is that I read the personal statement first. Could you send it?",
		"Can we chat on Zoom next week? I'd like to hear more about your plans before committing.",
		"I'd want you to waive your right to view the letter. Is that ok with you?",
		"I generally only write for applicants who have passed Step 2. Have you?",
		"I'd have to check department policy first. Is this for a US residency program?",
	},
	Other: {
		"Thanks for the update, and congrats on submitting your application!",
		"Good luck with interviews!",
		"Got it, thanks.",
		"The slides are uploaded to the shared drive.",
		"Happy new year! Hope the season is going well.",
		"I hope your application went in without a hitch.",
	},
}

// phrasings3: second batch, weighted toward precision traps: enthusiastic-
// sounding hesitant replies, "sorry" and "can't" in yeses, uploads still
// to come.
var phrasings3 = map[Kind][]string{
	Hesitant: {
		"I'd be glad to write you a letter, though we only worked together for a week.",
		"Happy to help! I'll focus on your professionalism and punctuality.",
		"Absolutely, I can write something brief.",
		"I'd love to help, but honestly someone from your home program would know you better. I can still write a short one.",
		"Yes, I'm very happy to. It'll be a fairly standard letter given our short time together.",
		"I'm so glad you asked! I only saw you a couple of times, so it will be short.",
		"Of course, you were a pleasure to work with.",
		"No problem at all, I'll write it.",
		"I can't promise a long letter, but I'll write one.",
		"Unfortunately I'm traveling until the 10th, but I'll get it done after that.",
		"Things are a little chaotic at the moment, but yes, I can write one.",
		"I'll do it, but don't expect anything elaborate.",
		"Sure, I can put a few lines together for you.",
		"I'm willing, but I'm not sure my letter would carry much weight.",
		"I guess that's fine.",
		"Sure - just send me a reminder closer to the date.",
		"OK, no problem. What's the deadline?",
		"I can write a letter stating that you completed the observership and were always on time.",
		"I'm happy to, although my memory of your rotation is a bit hazy now.",
		"Yes. It'll be a short letter since I mostly saw you in conferences.",
	},
	StrongYes: {
		"I'm sorry for the slow reply - yes, I'll write a strong letter for you.",
		"I can't wait to write this for you!",
		"Count on me. You were the best resident-level student I've worked with this year.",
		"I would be honoured to act as one of your referees.",
		"Yes, of course! You impressed everyone in the department.",
		"It would be a real pleasure to recommend you.",
		"Happy to, and I'll tell the programs exactly how good you were.",
		"Absolutely, I'd be glad to. Let me know which programs so I can reach out to their directors.",
		"Definitely - and I'll make sure it's a detailed, personal letter.",
		"Yes, I will write you an outstanding letter.",
		"I'm delighted you asked. Of course I will.",
		"Sure thing! You were fantastic.",
	},
	Decline: {
		"I can't write it this year - I'm on leave. Sorry!",
		"I have to say no; I don't know your clinical work well enough.",
		"This isn't something I'm able to take on right now.",
		"I'm sorry to disappoint you, but I'm not writing letters this season.",
		"Thank you for the kind words. I'll be honest: I don't think I'm the right person, and I'd rather not write one.",
		"Unfortunately, my department does not allow me to write letters for visiting students.",
		"Afraid not - too much on my plate.",
		"I'm not comfortable writing a letter given how little we worked together.",
		"Sorry Leila, it's a no from me this time.",
		"I thought about it more and I'll have to decline after all.",
		"I need to take back my yes - I'm sorry. Something came up and I won't have time.",
		"You were a joy to teach and I'm sure you'll do well. However, I can't commit to a letter this cycle.",
	},
	Uploaded: {
		"Sorry it took me so long. It's uploaded now.",
		"Dr. Osei's assistant here - the letter went out today.",
		"Your letter is up on ERAS.",
		"I just uploaded the letter. You were wonderful - good luck!",
		"Letter done and submitted.",
		"Finished! It's in the portal.",
	},
	NeedsInfo: {
		"I'd need your CV and a list of your cases before I can agree.",
		"Could you remind me when you rotated with us? Then I'll decide.",
		"I typically ask for a 30-minute meeting before writing. When are you free?",
		"What is the deadline, and do you need it on letterhead?",
	},
	Other: {
		"I'll let you know when it's in.",
		"Has it gone in yet on your end?",
		"I'm working on it and it should be in by Friday.",
		"I sent it to my assistant to format.",
		"Congratulations on the match!",
		"Thanks for the chocolates!",
	},
}

// phrasings5: third batch: British formality, non-native English, terse
// mobile replies, assistants.
var phrasings5 = map[Kind][]string{
	Uploaded: {
		"Pleased to confirm that my reference for you has now been uploaded.",
		"I have now submitted my reference via the portal.",
		"The reference went off this afternoon.",
		"Just to let you know I've sent my letter in.",
		"Letter uploaded ✔️",
		"I am writing to inform you that the letter of recommendation for you was sent by Prof. Silva today.",
		"Dr. Kim's LOR has been successfully uploaded to ERAS.",
		"FYI - your LOR is in ERAS now.",
		"It's been uploaded!",
		"I've put it through ERAS.",
		"Posted it to the portal this morning.",
	},
	Decline: {
		"I'm afraid I shall have to decline on this occasion.",
		"Regrettably I am not able to support your application at this time.",
		"I don't think I can help you with this one, sorry.",
		"Not going to be able to do this one, sorry!",
		"I must respectfully decline your request.",
		"It would not be appropriate for me to write a letter, as I am on the selection committee.",
		"I feel I don't know you well enough to write a meaningful letter, so I'll have to decline.",
		"Thanks for asking, but I'll pass this time.",
		"I'm going to bow out this year - too many requests.",
		"Sadly my answer is no.",
		"I hate to say it, but I'm not able to write for you.",
		"I would love to help, but I simply don't have the time right now.",
		"I don't have the bandwidth for this right now, sorry.",
		"I agreed too quickly earlier - I actually can't take this on. Apologies.",
		"Unfortunately I won't be able to.",
		"I am unable to oblige this time.",
	},
	StrongYes: {
		"It would be my absolute pleasure.",
		"Delighted to! You did great work with us.",
		"Yes, I'd be happy to write you a strong letter.",
		"Sure, I'll write you a great letter.",
		"Absolutely - you were one of the most capable students I've taught.",
		"You can absolutely count on me.",
		"I would be happy to recommend you without reservation.",
		"Yes! I have lots of good things to say about you.",
		"Of course! I'll sing your praises.",
		"Happy to help - you were a star on our team.",
		"Yes, I will gladly serve as a reference.",
		"With great pleasure. I'll also mention you to the PD at Mercy.",
	},
	Hesitant: {
		"I can do it, but I'll need you to remind me what we worked on.",
		"I can write one, but honestly I barely remember the rotation.",
		"OK, I can write you a letter.",
		"Sure, no problem.",
		"Let me see if I can fit it in. I'll try.",
		"I'm willing to write a brief letter of support.",
		"Yes, but it may not be as strong as you'd like.",
		"I can probably do it in August.",
		"Alright, I'll write something up.",
		"I guess I could write you one.",
		"I can write a letter describing your attendance and participation.",
		"Sure, happy to write a letter. Send me your stuff.",
	},
	NeedsInfo: {
		"What programs are you applying to, and when are they due?",
		"I'd like to meet with you first before deciding.",
		"Could you send me a summary of your rotation? Then I'll decide.",
		"I only write for students who've rotated with me for a month - did you?",
	},
	Other: {
		"Good to hear from you! How's the prep going?",
		"Thank you for the kind note.",
	},
}

// hesitantPositive: hesitant replies with warm words, which the
// enthusiasm detector must not take for strong yeses.
var hesitantPositive = []string{
	"I'd be happy to write a letter. It was nice having you in clinic.",
	"Of course I can write something for you. You were always punctual and polite.",
	"Glad to help! Just keep in mind I only saw you for a few days.",
	"I'm so glad you reached out. I can write a letter, but it will mostly cover your attendance.",
	"Sure, I'd be glad to. I'll describe what I saw of your work during the week you shadowed me.",
	"Absolutely, happy to write one for you.",
	"I can write one. You're a nice person and a hard worker.",
	"Yes, I'll write it - though Dr. Grant would probably write you a stronger one.",
	"I'd love to help, though I'm not sure how much weight my letter will carry.",
	"Happy to! I'd just need you to send me a draft I can edit.",
	"I'm excited for you! I can write a general letter of support.",
	"Good for you! Yes, I can write you a standard letter.",
	"You were great to have around. I'll write you a letter, though it'll be short given our limited time.",
	"Count me in, though you should know I didn't supervise you directly.",
	"Gladly - I'll confirm your dates and your attendance.",
	"I'd be honored, although I worry my letter won't say much beyond your punctuality.",
	"Yes, I will. You did good work, from what I saw.",
	"Sure thing. It'll be a fairly brief letter.",
	"Happy to do it! I'll keep it short and sweet.",
	"Congratulations on applying! I can write a letter if you'd like.",
	"So nice to hear from you. Yes, I can put something together.",
	"Wonderful news about your exams! I'll write one for you.",
}

// precisionTraps: replies that use refusal or completion words without
// refusing or uploading.
var precisionTraps = []struct {
	kind Kind
	body string
}{
	{StrongYes, "I can't wait to support you!"},
	{Hesitant, "I can't promise it'll be long, but I'll write one."},
	{Hesitant, "I can't write it until August, but yes, I'll do it."},
	{Hesitant, "I'm sorry for the late reply! Yes, I can write you a letter."},
	{Hesitant, "Unfortunately I only have a few details, but I'm willing to write a brief letter."},
	{Hesitant, "I don't have much time this month, but I'll get it done by September."},
	{Hesitant, "No problem, I'll write it."},
	{Hesitant, "No worries at all - happy to help."},
	{Hesitant, "I'm not able to write a strong letter, but I can write a short one."},
	{Hesitant, "It's not a problem at all. I'll write it this week."},
	{Hesitant, "I won't be able to upload it until next week, but I'll write it."},
	{Hesitant, "I never say no to a former student. Of course I'll write."},
	{Hesitant, "I'm sorry it took me so long to reply. I'd be glad to write for you."},
	{Hesitant, "I'll upload it as soon as the portal link arrives."},
	{Hesitant, "I finished the draft and will upload it tomorrow."},
	{Hesitant, "I'll have it done and uploaded by the end of the week."},
	{Hesitant, "I submitted my grant today, so I'll have time to write your letter next week."},
	{Other, "Sorry, I missed your call yesterday. Talk soon."},
	{Other, "Unfortunately I can't make the meeting on Tuesday. Could we do Thursday at 3 pm?"},
}

// mixedBatch: the last blind batch, all kinds mixed.
var mixedBatch = []struct {
	kind Kind
	body string
}{
	{Uploaded, "Your letter is in! Go get 'em."},
	{Uploaded, "Just wanted to let you know that I submitted my letter of recommendation this morning."},
	{Uploaded, "Done! Uploaded via the link you sent."},
	{Uploaded, "Hi - the LOR has been sent."},
	{Uploaded, "I completed and submitted the letter online today."},
	{Uploaded, "Letter is now uploaded to ERAS. Best of luck."},
	{Decline, "I'm so sorry, but I won't be able to write a letter this year."},
	{Decline, "I'm going to have to decline - I don't feel I know your work well enough."},
	{Decline, "Unfortunately, I no longer write letters for medical students."},
	{Decline, "Sorry, this is not something I can take on at the moment."},
	{Decline, "Thank you for thinking of me, but I'm not the right person to write this letter."},
	{Decline, "I'm afraid my answer will have to be no this year."},
	{Decline, "I've reconsidered and I won't be writing the letter after all. My apologies."},
	{Decline, "Given how briefly we worked together, I don't think I should be one of your letter writers."},
	{StrongYes, "I'd be delighted to write you a letter - you were fantastic!"},
	{StrongYes, "Of course! It would be a privilege to support your application."},
	{StrongYes, "I'd be thrilled to! Just send me what you need me to include."},
	{StrongYes, "Yes. I'll write a strong letter and I'm happy to call programs on your behalf."},
	{StrongYes, "Absolutely. You are one of the best students I've had the pleasure of teaching."},
	{Hesitant, "Happy to do this - you were a real asset to our team."}, // mild praise alone does not tip a plain yes
	{StrongYes, "No doubt about it - I'll write you a great letter."},
	{Hesitant, "Sure, I can help with that."},
	{Hesitant, "I can write something short if that works for you."},
	{Hesitant, "I'm pretty busy, but I'll get it done."},
	{Hesitant, "Ok - I can write a letter, but keep in mind I only supervised you for a week."},
	{Hesitant, "I think I can do that. When is it due?"},
	{Hesitant, "I'll write one, but I don't remember much about your rotation."},
	{Hesitant, "Yes, I'll provide a reference confirming your observership dates."},
	{Hesitant, "Sure. It'll be a standard letter."},
	{NeedsInfo, "Before I agree, could you send me your CV and personal statement?"},
	{NeedsInfo, "Can we talk first? I'd like to understand your goals."},
	{NeedsInfo, "What exactly would you like me to write about?"},
	{NeedsInfo, "Which programs, and what's the deadline? Then I'll let you know."},
	{Other, "Thanks for the update!"},
	{Other, "Congrats on matching at Mercy! So proud of you."},
	{Other, "Please see the attached slides for Friday's conference."},
	{Other, "Hope the interviews are going well!"},
}

// longReplies: whole replies with greeting, pleasantries and signature.
var longReplies = []struct {
	kind Kind
	body string
}{
	{Uploaded, "Hi Leila,\n\nHope your week is going well. Just wanted to close the loop: the letter went in on Tuesday evening. I kept it focused on your work with the trauma CT protocols.\n\nLet me know when you hear about interviews!\n\nBest,\nMarco"},
	{Uploaded, "Dear Leila,\n\nDr. Hassan is travelling this week, but he asked me to tell you that his recommendation was submitted through the ERAS portal before he left. Please let me know if you do not see it on your side.\n\nKind regards,\nAmy Lin\nAdministrative Coordinator"},
	{Uploaded, "Leila - all set on my end. Submitted it Friday. Fingers crossed for you.\n\nT"},
	{Uploaded, "Hello,\n\nQuick note that I've uploaded my letter for you. It took me longer than I wanted, apologies for that. You should receive a confirmation from the portal.\n\nAll the best,\nR. Iqbal"},
	{Decline, "Dear Leila,\n\nThank you so much for your kind message and for thinking of me. I truly enjoyed having you in clinic last spring, and your case write-ups were among the best I saw this year.\n\nUnfortunately, I am stepping down from my faculty role at the end of the month, and I will not be in a position to provide letters going forward. I am sorry not to be able to help, and I wish you every success in the match.\n\nWarm regards,\nDr. Helena Costa"},
	{Decline, "Hi Leila,\n\nI've given your request some thought. Since we only worked together for two days, I don't think a letter from me would help your application, so I'm going to say no. I hope you understand.\n\nBest,\nOwen"},
	{Decline, "Leila,\n\nI have to apologize. When you asked last month I said yes, but my situation has changed and I can't follow through. Please ask Dr. Park instead; she knows your work well.\n\nSorry again,\nNed"},
	{Decline, "Hi,\n\nThanks for asking. I'm at my limit for letters this season and can't add another one. Best of luck.\n\nK. Osei"},
	{StrongYes, "Dear Leila,\n\nWhat a lovely surprise to hear from you! Of course I will write for you. You were one of the most thoughtful observers we have hosted, and I'd be glad to say so in detail.\n\nPlease send me your CV and personal statement when you get a chance, and let me know the deadline.\n\nWarmly,\nDr. Anne Mercer"},
	{StrongYes, "Leila,\n\nYes, absolutely. I'll write you a letter that reflects how much you contributed to the QI project. Let me know where to send it.\n\nPaul"},
	{StrongYes, "Hi Leila,\n\nI'd be glad to. Honestly, you were the strongest observer we had this year, and I'm happy to say that to any program that asks.\n\nSend over your materials whenever you're ready.\n\nBest,\nDr. Ferrer"},
	{StrongYes, "Dear Leila,\n\nThank you for asking me. I would be delighted to write a letter in support of your application. I was impressed by your reading-room presence and your follow-up on every case.\n\nWhat is the deadline?\n\nSincerely,\nGabriel Moss, MD"},
	{Hesitant, "Dear Leila,\n\nThanks for reaching out and congratulations on getting this far. I can write you a letter, but since we only overlapped during one week of nights, it will necessarily be general. If that still works for you, please send me your CV.\n\nBest,\nDr. Liu"},
	{Hesitant, "Hi Leila,\n\nThis month is pretty hectic for me, but I'll try to get something written before the deadline. Can you remind me of the date?\n\nThanks,\nSam"},
	{Hesitant, "Hello Leila,\n\nSure, I can do that. Please send me the ERAS form and your CV.\n\nRegards,\nDr. Nwosu"},
	{Hesitant, "Leila,\n\nI'm happy to help. To be transparent, I think Dr. Adeyemi saw more of your work and could write a more detailed letter, but if you'd still like one from me, I'll write it.\n\nBest,\nFrank"},
	{NeedsInfo, "Hi Leila,\n\nThanks for thinking of me. Before I commit, could we set up a short call? I'd like to hear more about which programs you're targeting and what you'd want me to emphasize.\n\nBest,\nDr. Ito"},
	{NeedsInfo, "Dear Leila,\n\nI have a standing policy of writing only confidential letters. Could you confirm you will waive your right to access it, and tell me the due date?\n\nRegards,\nProf. Lindgren"},
	{NeedsInfo, "Leila,\n\nCan you send me your CV and a few bullet points on the cases we worked on? I'll look them over and let you know if I can write something meaningful.\n\nThanks,\nDr. Sato"},
	{Other, "Hi Leila,\n\nThanks for the update on your application - great news about the interview invitations! Keep me posted.\n\nBest,\nDr. Green"},
	{Other, "Leila,\n\nGot your CV and statement, thank you. Talk soon.\n\nM."},
	{Other, "Dear Leila,\n\nI'm organizing the journal club next month and wondered if you'd like to present a case. Let me know.\n\nBest,\nDr. Yamada"},
}

// notices holds portal notices (no quote, Auto-Submitted: auto-generated).
var notices = []struct {
	subject, body string
	kind          Kind
}{
	{"Letter update", "Dr. Ana Ruiz has submitted a letter on your behalf.", Uploaded},
	{"Your application", "A new letter has been added to your application: Letter from Dr. Ana Ruiz.", Uploaded},
	{"Update", "Your recommender Ana Ruiz completed the recommendation.", Uploaded},
	{"Update", "Letter received from Dr. Ana Ruiz.", Uploaded},
	{"Status change", "Recommender: Dr. Ana Ruiz\nRecommendation status: Submitted", Uploaded},
	{"New document", "The following document is now available in your portfolio: Letter of Recommendation - Ana Ruiz, MD.", Uploaded},
	{"Request sent", "Your request to Dr. Ana Ruiz has been sent.\nStatus: Awaiting letter", Other},
	{"Reminder", "Dr. Ana Ruiz has not yet submitted a letter. We will remind her again next week.", Other},
	{"Reminder", "2 of your 4 letters have not been uploaded yet.", Other},
	{"Status update", "Hello Leila,\n\nRecommender: Dr. Ana Ruiz\n\nStatus: Complete", Uploaded},
	{"New document", "Your letter from Dr. Ana Ruiz is now available in your account.", Uploaded},
	{"Letter status", "Hello,\n\nLetter author: Ana Ruiz, MD\nLetter status: Received", Uploaded},
	{"Your letter is pending", "Dr. Ana Ruiz has been asked for a letter. The letter is not yet available.", Other},
	{"Update", "We're writing to let you know that Dr. Paul Osei submitted a letter for your application.", Uploaded},
	{"Update", "Letter of Recommendation from Dr. Paul Osei: Received 09/02/2026", Uploaded},
	{"Request created", "A recommendation request was created. Status: Pending. We will email you once the letter has been uploaded.", Other},
}

// tally counts how many phrasings of a table get their kind. The
// tables were blind batches when they were written; the classifier has
// since learned from corpora in many voices, and a learned model is not
// asked to get every one-liner right: the test logs each miss and fails
// when more than a few go wrong. Evidence must never quote the ask.
type tally struct {
	t           *testing.T
	name        string
	n, right    int
	floor       float64
	missesShown int
}

func (ty *tally) add(body string, want Kind, r Result) {
	ty.t.Helper()
	ty.n++
	if r.Kind == want {
		ty.right++
		return
	}
	ty.t.Logf("%s: %q: got %s (%.2f), want %s; reason %s", ty.name, body, r.Kind, r.Confidence, want, r.Reason)
}

func (ty *tally) done() {
	ty.t.Helper()
	share := float64(ty.right) / float64(max(ty.n, 1))
	ty.t.Logf("%s: %d of %d right (%.1f%%)", ty.name, ty.right, ty.n, 100*share)
	if share < ty.floor {
		ty.t.Errorf("%s: %d of %d right (%.1f%%), below the floor %.0f%%", ty.name, ty.right, ty.n, 100*share, 100*ty.floor)
	}
}

// classifyWithAsk classifies body with the quoted ask below it and fails
// when the evidence quotes the ask.
func classifyWithAsk(t *testing.T, body string) Result {
	t.Helper()
	r := Classify(parseMsg(t, "", body+quotedAsk))
	joined := strings.Join(r.Evidence, " | ")
	if strings.Contains(joined, "Would you be willing") || strings.Contains(joined, "diagnostic radiology application") {
		t.Errorf("%q: evidence quotes the ask: %q", body, r.Evidence)
	}
	return r
}

func TestPhrasings(t *testing.T) {
	ty := &tally{t: t, name: "phrasings", floor: 0.97}
	for _, table := range []map[Kind][]string{phrasings, phrasings3, phrasings5, {Hesitant: hesitantPositive}} {
		for _, k := range Kinds() {
			for _, body := range table[k] {
				ty.add(body, k, classifyWithAsk(t, body))
			}
		}
	}
	for _, tt := range append(precisionTraps, mixedBatch...) {
		ty.add(tt.body, tt.kind, classifyWithAsk(t, tt.body))
	}
	ty.done()
}

func TestLongReplies(t *testing.T) {
	ty := &tally{t: t, name: "long replies", floor: 0.95}
	for _, r := range longReplies {
		ty.add(strings.SplitN(r.body, "\n", 4)[2], r.kind, classifyWithAsk(t, r.body))
	}
	ty.done()
}

func TestPortalNotices(t *testing.T) {
	ty := &tally{t: t, name: "portal notices", floor: 0.95}
	for _, n := range notices {
		raw := "From: Portal <no-reply@portal.test>\nTo: Rafael Mendes <rafael@inbox.test>\nSubject: " + n.subject +
			"\nAuto-Submitted: auto-generated\nContent-Type: text/plain\n\n" + n.body + "\n"
		m, err := reader.Parse(strings.NewReader(strings.ReplaceAll(raw, "\n", "\r\n")))
		if err != nil {
			t.Fatal(err)
		}
		ty.add(n.body, n.kind, Classify(m))
	}
	ty.done()
}
