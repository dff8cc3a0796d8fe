package feat

import "regexp"

// Patterns are matched against normalised sentences: lowercase, ASCII
// punctuation, contractions expanded ("can not", "will not", "i am", "i
// would", "it is").

const (
	// doneVerb is a past-tense verb of handing the letter in.
	doneVerb = `(?:uploaded|submitted|turned in|handed in|put in|filed|posted|sent off|sent in|signed and (?:uploaded|submitted|sent))`
	// ofWhom is a short prepositional phrase after the letter noun: "from
	// Dr. Omar Haddad", "for you", "on your behalf".
	ofWhom = `(?: (?:from|for|by|of|on behalf of|about) (?:[a-z.'-]+ ){0,3}?[a-z.'-]+){0,2}`
	// stillIn rules out "it is in my queue", "it is in progress".
	stillIn = `^\s*(?:of (?:my|his|her|our) hands|to (?:my|his|her) (?:assistant|secretary|office|admin)|for (?:review|signature|approval|editing)|my |his |her |our |the (?:works|queue|pipeline|draft)|progress|process|draft|hand|motion|good (?:shape|hands)|your (?:hands|court)|line|order|mind|the planning)`
	// doneTail ends a completion: the letter or "it", then the end of the
	// sentence, a time or a destination, never another object ("I just
	// submitted my grant").
	doneTail = `(?: (?:it|one|yours|mine|everything|(?:the|my|your|his|her|their|a|an|this|that) (?:\w+ ){0,3}?` + letterNoun + `))?(?:\s*[,.!;]|\s+-|\s*$| (?:this|last|yesterday|today|tonight|earlier|a (?:few|minute|moment|couple)|an hour|just|now|for you|online|electronically|already|successfully|as (?:promised|requested)|on (?:your behalf|(?:mon|tues|wednes|thurs|fri|satur|sun)day)|dear|sir|madam)\b| (?:to|via|through|on|in|into|onto|at) (?:the |your |my |their )?(?:eras|myeras|aamc|portal|letter portal|system|programs?|application|file|account|dossier|website|site|platform|interfolio|link|upload link)\b)`
)

// endOfCompletion is what may follow a bare "it is in": the end of the
// clause, a time, or where it went.
var endOfCompletion = regexp.MustCompile(`^\s*(?:$|[.!,;:)-]|(?:now|already|today|tonight|yesterday|earlier|this (?:morning|afternoon|evening|week)|last (?:night|week|evening)|as of|and (?:done|uploaded|submitted|dusted)|(?:(?:in|on|to|into|via|through) )?(?:the |your |my )?(?:portal|eras|system|aamc|letter writer portal|myeras))\b)`)

// uploadVeto cancels a completion match that contains a modal, a
// negation or a request ("letters must be submitted by", "the letter
// request was sent").
var uploadVeto = regexp.MustCompile(`\b(?:will|would|should|must|can|could|may|might|needs? to|has to|have to|be (?:uploaded|submitted|added|sent|received|completed)|not|yet|requests?|reminders?|invitations?)\b`)

// statusCues detect completion (the letter is in) and refusal.
func statusCues() []cue {
	return []cue{
		// Uploaded: the letter is in, said by the writer, an assistant or a
		// portal. A modal or an intention ("I will upload it", "it should go
		// in tomorrow"), a condition ("once it has been uploaded") or a
		// question cancels it.
		{f: fUploaded, flags: negatable | condOff | noQuestion | noModal, re: alt(
			// in the writer's own language, beside English
			"upload.in_another_language", `\b(?:ya )?(?:subí|cargué|envié|mandé|he (?:subido|cargado|enviado)) (?:la|tu|su) carta|\b(?:ya )?(?:quedó|está) (?:cargada|subida|enviada)|\bha (?:cargado|subido|enviado) (?:su|la|tu) carta|\b(?:enviei|subi|mandei|carreguei) (?:a|sua|tua) carta|\b(?:a carta )?(?:já )?foi (?:enviada|carregada)|\bj'ai (?:envoyé|téléchargé|soumis|déposé) (?:la|votre|ta) lettre|\bla lettre (?:est|a été) (?:envoyée|déposée|téléchargée)|^(?:ya está|listo|pronto|feito|c'est fait)\s*[.!]*$`,
			"upload.writer_uploaded", writerSubj+advs+`\s+(?:uploaded|submitted|turned in|filed)`+doneTail,
			"upload.writer_sent_letter", writerSubj+advs+`\s+(?:sent|e-?mailed|sent off|sent in|delivered|signed and (?:uploaded|submitted|sent))\s+(?:(?:the|my|your|his|her|a)\s+(?:\w+\s+)?`+letterNoun+`|it (?:in|off|through|via|to the portal|to eras))`,
			// "the letter from Dr. X has been uploaded", "her letter for you went in"
			"upload.3",
			`\b`+letterNoun+ofWhom+`(?: (?:you|that you|which you) (?:requested|asked for))?(?: (?:has|have|had))?(?: (?:just|now|already|successfully|officially|finally|duly))? (?:been|was|were|is now|is|are|are now|got|went|has gone|have gone) (?:just |now |already |successfully |officially |finally |duly )*(?:uploaded|submitted|received|sent|delivered|filed|posted|added|in|through|off|out)\b`,
			// third person, portal style: "Maria Chen, MD uploaded a letter of recommendation for you"
			"upload.5",
			`\b(?:(?:has|have|had) (?:just |now |successfully |officially )?received|(?:submitted|uploaded|sent|provided|added|delivered)) (?:(?:a|the|your|his|her|their|my|one|an) (?:[a-z-]+ ){0,2}?)?`+letterNoun,
			"upload.notice_status", `\b`+letterNoun+`\b[^.;]{0,60}\b(?:uploaded|submitted|added|received|completed) (?:by|from|on)\b|\b`+letterNoun+`\b[^;:!?]{0,60}:\s*(?:received|uploaded|submitted|complete|completed|on file)\b`,
			"upload.notice_status", `\b`+letterNoun+`\b[^.;]{0,60}\b(?:is |are |now )?(?:ready|available) to (?:be )?(?:assign|send|sent|attach|use|view|forward)\w*`,
			"upload.notice_status", `\b(?:documents?|files?|items?)(?: is| are| has been| have been)?(?: now)? (?:available|added|uploaded|attached|posted)\b[^.]{0,60}\b`+letterNoun+`\b`,
			"upload.notice_status", `\b`+letterNoun+ofWhom+` (?:is|are|has been|have been) (?:now )?(?:available|on file|attached|stored|in your (?:account|file|portfolio|dossier|documents|application))\b`,
			"upload.notice_status", `\bsubmission (?:is|was|has been) (?:now )?(?:complete|completed|received)\b`,
			"upload.notice_status", `\bstatus:? (?:received|submitted|completed|complete|uploaded|delivered|done|on file)\b`,
			"upload.bare_uploaded", `^(?:just |already |finally |now )*(?:uploaded|submitted)`+doneTail,
			"upload.letter_is_in", `(?:^|[,:;-] |\b(?:my|the|your|his|her) )letter is (?:now )?(?:in|uploaded|submitted|in the (?:portal|system))\b`,
			"upload.letter_is_in", `\b(?:letter|lor|recommendation) (?:went|has gone|got|is) (?:in|into|through|up on|onto) (?:the )?(?:eras|portal|system|your (?:file|application|account|dossier))\b`,
			"upload.letter_is_in", `^(?:(?:my|the|your) )?`+letterNoun+` (?:uploaded|submitted|sent|done|is in)\b`,
			"upload.writer_uploaded", `\b(?:hit|clicked|pressed|pushed) (?:the )?(?:submit|send|upload)(?: button)? (?:on|for) (?:your|the|my) (?:letter|lor|recommendation)\b`,
		), unless: regexp.MustCompile(`^\s*(?:request|requests|writer|writers|form|forms|link|invitation|reminder)\b|` + stillIn), veto: uploadVeto},

		// Done: short statements that something went in. In a letter thread
		// "it" is the letter; elsewhere ("I hope your application went in")
		// they mean nothing, so the classifier requires a letter context.
		// "It is in" / "it went through" alone: only at the end of the
		// clause or before a time or the portal, never "it is in the
		// agreement you signed".
		{f: fDoneWeak, flags: negatable | condOff | noQuestion | noModal, re: alt(
			"handed_in.it_went_in", `\bit(?: (?:just|now|finally|already))? (?:went|has gone|got|is|has been|was) (?:just |now |finally |already |officially )*(?:in|through|off|out)\b`,
		), unless: regexp.MustCompile(stillIn), veto: uploadVeto, need: endOfCompletion},
		{f: fDoneWeak, flags: negatable | condOff | noQuestion | noModal, re: alt(
			"handed_in.it_went_in", `\bit(?: (?:just|now|finally|already))? (?:went|has gone|got|is|has been|was) (?:just |now |finally |already |officially )*(?:up on (?:the )?(?:portal|eras|system)|uploaded|submitted|sent (?:off|in)|filed)\b`,
			"handed_in.done_uploaded", `(?:^|[,:;-] |\b(?:and|just|finally|already|done|set|finished|complete) )`+doneVerb+doneTail,
			"handed_in.uploaded_it", `\b(?:uploaded|submitted|filed|posted|turned in|handed in|put in) (?:it|yours|mine|everything|that|your letter|the letter)\b`,
			"handed_in.uploaded_it", `\bsent (?:it|yours|mine|that|everything) (?:off|in|through|over to (?:the )?(?:portal|eras|system)|to (?:the )?(?:portal|eras|system|programs?)|via)\b`,
			"handed_in.uploaded_it", `\b(?:hit|clicked|pressed|pushed) (?:the )?(?:submit|send|upload)\b|\bgot (?:it|the letter|your letter|my letter|that) (?:uploaded|submitted|in|sent off|sent in|through)\b|\b(?:put|pushed) (?:it|the letter|your letter|my letter) (?:through|into|up on)\b`,
			"handed_in.it_went_in", `\b(?:letter|lor|recommendation|everything|all)'s (?:in|uploaded|submitted|through|off)\b`,
			"handed_in.it_went_in", `\byou should (?:now )?(?:see|have|find) it (?:on your end|in (?:your|the) (?:portal|account|system|application|file))\b`,
		), unless: regexp.MustCompile(stillIn), veto: uploadVeto},

		// Finished: the letter is written or done ("It's done", "I've completed
		// the letter"). It counts as an upload in a letter thread, unless the
		// reply says the upload is still to come ("will upload it tomorrow").
		{f: fFinished, flags: negatable | condOff | noQuestion | noModal, re: alt(
			"finished.completed_letter", writerSubj+advs+`\s+(?:completed|finished|finalized|wrapped up)\s+(?:(?:the|my|your|his|her|their|a)\s+(?:\w+\s+)?`+letterNoun+`|it)\b`,
			"finished.letter_is_done", `\b`+letterNoun+ofWhom+`(?: (?:has|have|had))?(?: (?:just|now|already|finally))? (?:been|was|were|is now|is|are|are now) (?:just |now |already |finally )*(?:completed|complete|done|finished)\b`,
			"finished.completed_letter", `\b(?:completed|finished) (?:(?:a|the|your|his|her|their|my|one|an) (?:[a-z-]+ ){0,2}?)?`+letterNoun,
			"finished.it_is_done", `\bit(?: (?:just|now|finally|already))? (?:is|has been|was) (?:just |now |finally |already |all )*(?:done|complete|finished|taken care of)\b|\b(?:took|have taken|has taken) care of (?:it|that|this|your letter|the letter)\b`,
			"finished.it_is_done", `^(?:[a-z]+(?:,| -|:) )?(?:(?:all|it is|that is|and) )?(?:done|all set|finished|complete|sorted)\s*(?:[.!]*|and (?:uploaded|submitted|in|dusted))\s*$|\bthe deed is done\b|\bmission accomplished\b|\bdone and (?:dusted|done)\b|\b(?:it|everything) is all set\b|\b(?:letter|lor|recommendation)'s (?:done|complete|finished)\b`,
		), unless: regexp.MustCompile(`^\s*(?:request|requests|form|forms)\b|^ (?:except|but for|apart from|other than)\b|` + stillIn), veto: uploadVeto},

		// Pending: the upload is still to come.
		{f: fPending, flags: condOff, re: alt(
			"pending.will_upload", `\b(?:i|we|he|she) (?:will|shall|am going to|is going to|plan to|am about to|intend to|still (?:need|have) to|need to|have to|hope to|want to|will try to)(?: (?:be able to))? (?:upload|submit|send (?:it )?(?:in|off)|file|post|get (?:it|the letter|your letter) (?:in|uploaded|submitted|sent)|put it in)\b`,
			"pending.not_yet_uploaded", `\b(?:not|never) (?:yet |been )?(?:uploaded|submitted)\b|\byet to (?:be )?(?:upload|submit)\w*|\bwill (?:be )?(?:uploading|submitting)\b|\b(?:upload|submit)(?:ting)? it (?:tomorrow|tonight|later|next|on (?:mon|tues|wednes|thurs|fri|satur|sun)day|this (?:weekend|week|evening|afternoon)|shortly|soon)\b`,
		)},

		// Decline: the writer will not write (or withdraws). The patterns carry
		// their own negation; a conditional clause ("if I cannot ...") cancels.
		{f: fDecline, flags: condOff | noQuestion, re: alt(
			"decline.cannot_write", `\b(?:i|we|he|she)(?: am| are| is| will| would| shall)?(?: really| simply| just| unfortunately| regretfully| sadly)? (?:not|never) (?:going to be |be )?(?:able|in a position|going|available) to (?:write|provide|do|complete|prepare|sign|support|help|take on|take (?:it|this) on|produce|offer|give|commit|manage|accommodate|make (?:it|this|the letter)|get (?:a|the|your|this|my) letter|fit (?:it|this|a letter|you) in)\b`,
			"decline.cannot_write", `\b(?:i|we|he|she)(?: (?:really|simply|just|unfortunately|regretfully|sadly|actually|honestly|realistically|truly|now|still|also|therefore|then))* (?:can not|could not|will not|shall not|would not|am not able to|am unable to|am not going to be able to|will not be able to|am not in a position to)(?: be able to)?(?: (?:really|possibly|in good conscience|realistically|honestly))? (?:write|provide|do (?:it|this|that|one|so)|prepare|sign|support|take on|take (?:it|this|that) on|produce|offer|give|complete|manage (?:it|this|that|one)|help(?: with| you with| this time| here| on this)?|commit|oblige|assist|accommodate|agree|participate|say yes)\b`,
			// "I don't think I can help", "I don't see how I could do it justice"
			"decline.3",
			`\b(?:do not|did not) (?:think|believe|feel|see how|know (?:if|whether|how)) (?:that )?(?:i|we) (?:can|could|would be able to|am able to|should|would)(?: really| honestly)? (?:write|help|do (?:it|this|that|one|so)|take (?:it|this|that) on|provide|support|manage|commit|be (?:of )?(?:much |any )?help|be (?:one of )?your (?:letter )?(?:writers?|referees?|references?|recommenders?))\b`,
			"decline.wrong_person", `\b(?:would|is|will) not be (?:appropriate|right|fair|proper|ethical|wise|advisable) (?:for me )?to (?:write|provide|support|recommend|sign)\b|\bnot (?:appropriate|proper|ethical) for me to (?:write|provide|support|recommend)\b`,
			"decline.no_capacity", `\bnot have (?:the |enough |any )?(?:time|bandwidth|capacity|availability|energy|headspace|room)\b(?: (?:to (?:write|do|take|commit|prepare|give|help)|for (?:this|it|that|a letter|one|another|more|letters|your letter))|\s*(?:[,.;!]|\s-|$)| (?:right now|at the moment|this (?:year|cycle|season|month|time)|now)\b)`,
			"decline.cannot_write", `\b(?:i|we) (?:can not|could not|am unable to|will not be able to)(?: (?:do (?:it|this|that|so)|help))?(?: (?:this time|at this time|right now|this year|this cycle|at the moment|now|this round|anymore|any more|after all|at all))?\s*[.!]*$`,
			// terse: "Can't this year, sorry." "Afraid I can't help with this one."
			"decline.8",
			`^(?:(?:sorry|unfortunately|sadly|regrettably|alas|i am afraid|afraid|i am sorry|no)[,.!]? )*(?:i |we )?(?:really |just |simply |actually )?(?:can not|could not|am unable to|unable to|will not be able to|not going to be able to|am not going to be able to|not able to|am not able to|will not)(?: (?:do (?:it|this|that|so)(?: one)?|oblige|help(?: (?:with )?(?:this|that|it)(?: one)?)?|manage(?: it)?|make it work|take (?:it|this) on|say yes))?(?: (?:this|that|the) (?:time|year|cycle|round|season|one)| right now| now| at the moment| at this time| either| i am afraid)?\s*(?:[,.!;]|\s-|$)`,
			"decline.not_possible", `^(?:(?:sorry|unfortunately|sadly|regrettably|alas|i am afraid|afraid|no)[,.!]? )*(?:(?:it|that|this) (?:is|will|would) )?not (?:be )?(?:possible|feasible|doable|going to happen|going to work|something i can do)(?: for me)?(?: (?:this|that) (?:time|year|cycle|round))?\s*(?:[,.!;]|\s-|$)`,
			"decline.not_possible", `\b(?:not|no longer) (?:be )?(?:possible|feasible|doable) (?:for me )?(?:to (?:write|provide|do|prepare|make|take|help|commit|fit|produce)|this (?:time|year|cycle|round))\b|\bimpossible (?:for me )?to (?:write|provide|do|prepare|make|take|help|commit|fit|produce|give)\b`,
			"decline.not_possible", `\b(?:that|it|this) is not going to (?:happen|work(?: out)?)\b|\b(?:that|it|this) (?:is|will|would) not be (?:possible|feasible|doable)\b|\bnot something i (?:can|could|am able to) (?:do|take on|manage)\b`,
			"decline.says_no", `\b(?:i|we) (?:will|am going to|are going to|have to|must|need to|should|had better|would rather|think i will|am gonna)(?: have to)? pass\s*(?:[.!,;]|\s-|$)|\b(?:do not|can not|should not|better not) (?:count|rely|depend) on me\b|\bsit (?:this|it) (?:one )?out\b`,
			"decline.no_longer_writes", `\b(?:can|could|will) no longer (?:write|provide|do|help|support|commit|take|manage)\b|\bwould have (?:been )?(?:happy|glad|delighted|pleased|willing|honou?red|loved|liked) to(?: (?:write|help|do (?:it|this|that|so)|support you|say yes))?\s*(?:[,.;!]|\s-|\bbut\b|$)|\bwould have said yes\b`,
			"decline.regretful_no", `\bi wish i could\s*(?:[,.!;]|\s-|$|but)|\b(?:will not|does not|would not|can not) (?:allow|permit) (?:it|that|this)\b|\b(?:will not|does not|would not|can not) (?:allow|permit) me to (?:write|take|do) (?:it|this|that|one|a letter|your letter)\b`,
			"decline.says_no", `^(?:(?:sadly|unfortunately|regrettably|i am afraid|afraid|sorry|alas|i am sorry|honestly|frankly|truthfully)[,.!]? )+(?:no|not|not this (?:time|year|cycle|round))\s*(?:[,.!;]|\s-|$)|^(?:i am )?afraid not\b|^no(?:,| -|\.|!)? (?:sorry|i am sorry|i am afraid|unfortunately|i can not|i will not)\b|^(?:sorry,? )?not this (?:time|year|cycle|round)\b`,
			"decline.says_no", `\b(?:it is|that is|that will be|it will be|this is|it has to be|that has to be) (?:a |going to be a )?(?:no|pass|hard no|polite no)(?: (?:from me|for me|this time|this year|this cycle))*\s*(?:[.!,;]|\s-|$)`,
			"decline.says_no", `\b(?:answer|response|reply) (?:is|has to be|must be|will have to be|would have to be|will be|is going to be) (?:a )?(?:no|negative)\b|\b(?:have to|must|need to|going to have to|will have to) say no\b`,
			"decline.cannot_write", `\bunfortunately,? (?:i|we) (?:can not|could not|will not)\b`,
			"decline.no_longer_writes", `\bnot (?:be )?writing (?:any )?(?:more )?(?:letters|lors|recommendations|references|one|a letter|your letter|the letter|this letter|that letter|for you|it)\b|\bno longer (?:write|provide|do|take|accept|sign|agree to write) (?:\w+ )?(?:letters|lors|recommendations|references|requests)\b|\bnot know you (?:very |that )?well enough to (?:write|provide|comment|recommend)\b`,
			"decline.no_longer_writes", `\b(?:stopped|stop|stopping|no longer|not) (?:writing|taking|accepting|doing) (?:any )?(?:more |new |further )*(?:letters?|letter requests|requests|lors|recommendations|references)\b`,
			"decline.ask_someone_else", `\bi (?:would )?(?:suggest|recommend) (?:asking|approaching|contacting|reaching out to) (?:dr|someone|somebody|another|one of|your|a different|professor)\b`,
			"decline.wrong_person", `\brecuse (?:myself|me)\b|\bnot have (?:the )?(?:ability) to (?:write|do|take on|commit|prepare)\b`,
			"decline.ask_someone_else", `\b(?:do not|rather than|no need to) wait (?:on|for) me\b|\bbetter (?:that|if) you ask (?:someone|somebody|another|others|a different)\b`,
			"decline.ask_someone_else", `\b(?:go ahead|proceed|move on|move forward) with (?:someone|somebody|another|other|a different)\b`,
			"decline.cannot_write", `\bunable to (?:write|provide|do|prepare|sign|support|help|take on|offer|give|complete|accommodate|fulfil|fulfill|commit)\b`,
			"decline.declines", `\b(?:have to|must|going to|need to|decided to|regretfully|respectfully|politely|sadly|unfortunately|will|would like to|should)(?: have to)? decline\b`,
			"decline.declines", `\bdecline (?:your|the|this) (?:kind )?(?:request|invitation|offer)\b`,
			"decline.declines", `\b(?:am|be) declining\b|\bdeclin(?:e|ing) to write\b|\bhas declined\b`,
			"decline.says_no", `\b(?:have to|must|going to have to|need to|sorry to(?: have to)?|will have to|(?:i|we) (?:am|are) going to|(?:i|we) will|would have to|had to) (?:say no|pass|turn (?:this|it|you) down)\b`,
			"decline.no_capacity", `\b(?:can not|could not|unable to|not able to) (?:follow through|keep my (?:promise|word|commitment)|honou?r (?:my|that|the|this) (?:commitment|promise|offer)|add (?:another|one more|any more|more|yours)|take on (?:another|one more|any more|more)|fit (?:another|one more|any more) (?:one|letter|in))\b|\b(?:i am|i am already|we are) at (?:my |our |full )?(?:limit|capacity)\b`,
			"decline.ask_someone_else", `\b(?:please|you should|you could|i would|best to|better to) (?:ask|approach|contact|reach out to|go to|try) (?:dr\.? [a-z]+|prof\.? [a-z]+|professor [a-z]+|him|her|them|someone|somebody) instead\b`,
			"decline.says_no", `\b(?:will|must|have to|going to|need to) pass on (?:this|writing|the letter|your request|it)\b`,
			"decline.withdraws", `\b(?:bow|back|pull|drop|opt) out\b|\bstep (?:aside|back|away) from (?:this|writing|the letter|your letter)\b`,
			"decline.wrong_person", `\bnot (?:the right|the best|a good|the appropriate|an appropriate|the ideal|the most appropriate|a suitable|the correct) (?:person|choice|fit|referee|writer|letter writer)\b`,
			"decline.wrong_person", `\bnot (?:think|believe|feel) (?:that )?i am (?:the right|the best|a good|the appropriate|an appropriate|the ideal|a suitable) (?:person|choice|fit|referee|writer)\b`,
			"decline.no_longer_writes", `\b(?:do|does|did) not (?:write|provide|sign|do|give|offer) (?:letters|recommendation letters|letters of recommendation|lors|references|recommendations)\b`,
			"decline.not_allowed", `\b(?:do|does) not (?:allow|permit) (?:\w+ ){0,3}to (?:write|provide|sign)\b|\bnot (?:allowed|permitted) to (?:write|provide|sign)\b`,
			"decline.ask_someone_else", `\b(?:please|you should|i would (?:encourage|suggest|recommend|advise)(?: that)? you|i (?:suggest|recommend|advise)(?: that)? you|(?:it is|it would be) (?:better|best) to|i encourage you to) (?:go ahead and |instead |try to |perhaps )?(?:ask|approach|reach out to|find|contact|look for) (?:someone|somebody|another|other|the (?:radiologists|faculty|attendings)|a different|one of|your other|others)\b`,
			"decline.withdraws", `\b(?:i|we) (?:must|have to|need to|will have to|am going to have to|had to|would like to) (?:withdraw|back out|retract|rescind|step back|step aside)\b|\bno longer (?:be )?able to (?:write|provide|do|help|support)\b`,
			"decline.withdraws", `\b(?:withdraw|retract|rescind|take back|go back on|renege on) (?:my|the|an?) (?:earlier |previous |original |initial )?(?:offer|agreement|commitment|yes|promise|acceptance|word)\b|\bwithdraw (?:from|my name)\b`,
			"decline.rather_not", `\bwould rather not\b|\bprefer not to (?:write|provide|do)\b|\bnot (?:feel )?comfortable (?:writing|to write|providing|doing)\b`,
			"decline.rather_not", `\b(?:can not|could not|unable to) commit to (?:writing|a letter|this|it)\b`,
			"decline.decided_not", `\b(?:decided|chosen|resolved) not to (?:write|do|provide|take|accept|go ahead)\b|\b(?:best|better|wiser|fairer|right) (?:that|if) (?:i|we) (?:do not|not|did not|should not|decline|pass|step aside)\b|\bbest (?:for me )?not to (?:write|do|provide|take)\b`,
			"decline.regretful_no", `\b(?:regrets?|regretted) (?:\w+ ){0,2}(?:inability|not being able)\b|\binability to (?:write|provide|take|do|help|support|oblige)\b`,
			"decline.no_longer_writes", `\b(?:given up|gave up|stopped|retired from) (?:writing|providing|doing|giving) (?:\w+ ){0,2}(?:letters|recommendations|references|lors)\b`,
			"decline.cannot_write", `\bi am afraid (?:i|we) (?:can not|will not be able to|could not|am unable to|must|have to) (?:write|do|help|take|provide|support|decline|say no)\b`,
			// apologies that are the refusal itself
			"decline.regretful_no", `\bsorry to (?:give you|send you|bring) (?:this|that|such|a|bad|disappointing) (?:answer|news|reply|response)\b|\bnot the (?:answer|news|reply) you (?:were|are) hoping\b|\b(?:sorry|hate) to (?:disappoint you|let you down|say no)\b|\bi wish i could (?:say yes|help|do it|do this|write (?:it|one|for you|you (?:a|one)))\b`,
		), unless: regexp.MustCompile(`^[^.]{0,40}\b(?:strong|glowing|detailed|stellar|strongest|the (?:kind|type|sort) of letter|letter that (?:would|will|does)|very specific|generic|lukewarm|boilerplate|template|half-hearted|watered-down|bland|canned|form letter)|^(?: (?:it|this|that|one|so|you))? (?:until|before|till|yet)\b|^ (?:make|attend|meet|join|come to|be (?:there|available|free|around))\b|^ after (?:the|my|i|we|next|this|that|[0-9])`)},

		// Regret that goes with a refusal. Alone it decides nothing.
		{f: fRegret, re: alt(
			"regret.sorry", `\b(?:i am|i am so|i am very|i am really|i am truly|so|very|truly|really) sorry\b|^sorry\b|\bregret(?:fully|tably)?\b|\bunfortunately\b|\bi am afraid\b|\b(?:i )?hope you (?:will )?understand\b|\bi apologi[sz]e\b|\bsadly\b`,
			"regret.no_exceptions", `\b(?:stick|hold) to (?:it|that|this|the rule|my rule)\b|\bno exceptions\b|\b(?:can not|do not|will not) make (?:an )?exceptions?\b|\bwithout exception\b`,
		)},

		// A rule applied before writing: with questions it asks for
		// information, with regret it declines.
		{f: fPolicy, flags: notReported, re: alt(
			"policy.only_writes_for", `\b(?:i|we|he|she) (?:only|generally only|usually only|typically only|normally only|just) (?:write|provide|agree to write|sign|do|give|offer) (?:\w+ ){0,2}(?:letters?|lors|recommendations|references|for|if|when|after|once)\b`,
			"policy.only_writes_for", `\b(?:i|we|he|she) (?:write|provide|sign|give) (?:\w+ ){0,2}(?:letters?|lors|recommendations|references) only (?:for|if|when|after|to|once)\b|\b(?:write|provide) (?:\w+ )?(?:letters?|lors|references) only\b`,
			"policy.has_rule", `\b(?:tengo|tenemos|temos|tenho) (?:la |a |una |uma )?(?:política|regla|regra)\b|\bsolamente para los\b|\bsomente para os\b`,
			"policy.has_rule", `\b(?:my|our|the department|the departmental|the hospital|the institutional|the school) (?:general |standing |firm |usual |own )?(?:policy|rule|practice|custom|requirement) (?:is|has been|requires|says)\b|\bi have a (?:firm |strict |simple |general |standing |personal |longstanding |hard )?(?:rule|policy|practice)\b|\bas a (?:rule|policy|matter of policy)\b`,
			"policy.requires_from_you", `\b(?:i would|i will|i) (?:want|need|require|ask|expect) (?:you|applicants|students|candidates) to (?:waive|send|provide|fill|complete|draft|meet|sign|confirm|share|give)\b`,
			"policy.requires_from_you", `\b(?:i|we) (?:usually|always|generally|normally|typically) (?:meet|talk|speak|sit down) with (?:applicants|students|candidates|people|everyone|anyone) (?:before|first)\b`,
			"policy.has_rule", `\b(?:letters?|requests?) (?:from|in|for) (?:our|my|this) (?:department|institution|hospital|office) (?:must|have to|need to|should) (?:go through|be)\b|\b(?:must|have to) go through (?:our|the|my) (?:own |official |department )?(?:request )?(?:form|process|office|portal)\b`,
			"policy.only_writes_for", `\bonly (?:for|to) (?:students|trainees|residents|applicants|people|those|candidates) (?:who|that|i|we|with)\b`,
		)},
	}
}
