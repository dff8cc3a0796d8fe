package classify

import (
	"regexp"
)

// feature is something a sentence of a reply can signal.
type feature int

const (
	fUploaded   feature = iota // the letter was uploaded or submitted
	fDecline                   // the writer will not write
	fNegStrong                 // strength denied or doubted ("may not be very strong")
	fHedgeOffer                // a hedged commitment ("I'll see what I can do")
	fHedgeCond                 // an offer conditioned on its use ("if that would still be useful")
	fHedge                     // a limitation (short time together, a generic letter)
	fStrong                    // explicit strength or advocacy (weight 2)
	fPraise                    // enthusiasm or praise (weight 1)
	fAgree                     // an explicit commitment to write
	fAgreeWeak                 // a bare yes ("Sure.", "Happy to help")
	fDeliver                   // a promise to deliver ("I'll get it done")
	fNonCommit                 // an explicit deferral ("before I commit")
	fRequest                   // asks for materials, a meeting or a deadline
	fAck                       // acknowledges receipt ("Got them, thanks")
	numFeatures
)

var featureNames = [numFeatures]string{
	"uploaded", "decline", "negated strength", "hedged offer", "conditional offer", "hedge", "strength",
	"praise", "agreement", "weak agreement", "delivery", "non-commitment", "request",
	"acknowledgement",
}

func (f feature) String() string { return featureNames[f] }

// cueFlags say how a cue reacts to its context.
type cueFlags uint8

const (
	// negatable: a negation earlier in the clause cancels the cue.
	negatable cueFlags = 1 << iota
	// negFlips: a negated match signals fNegStrong instead.
	negFlips
	// condOff: a conditional or purpose clause cancels the cue.
	condOff
	// noQuestion: the cue does not count inside a question.
	noQuestion
)

// cue is a pattern over a normalised sentence that signals a feature.
type cue struct {
	f     feature
	flags cueFlags
	re    []pattern
	// unless, when set, cancels a match whose following text it matches.
	unless *regexp.Regexp
}

// alt compiles alternative patterns. Each is kept as its own (small)
// regexp: Go matches several small programs much faster than one large
// alternation.
func alt(parts ...string) []pattern {
	out := make([]pattern, 0, len(parts))
	for _, p := range parts {
		for _, q := range splitTop(p) {
			out = append(out, compile(q))
		}
	}
	return out
}

// splitTop splits a pattern at its top-level "|" (outside groups and
// classes).
func splitTop(p string) []string {
	var out []string
	depth, class, start := 0, false, 0
	for i := 0; i < len(p); i++ {
		switch c := p[i]; {
		case c == '\\':
			i++
		case class:
			class = c != ']'
		case c == '[':
			class = true
		case c == '(':
			depth++
		case c == ')':
			depth--
		case c == '|' && depth == 0:
			out = append(out, p[start:i])
			start = i + 1
		}
	}
	return append(out, p[start:])
}

const (
	// subject of a sentence about the writer or the letter's author.
	writerSubj = `(?:\bi|\bwe|\bhe|\bshe|\bdr\.? [a-z]+|\bprof\.? [a-z]+|\bprofessor [a-z]+)`
	// letterNoun names the letter.
	letterNoun = `(?:letters?|lors?|recommendations?|references?|letter of (?:recommendation|reference|support))`
	// adverbs that may sit between a subject and its verb.
	advs = `(?:\s+(?:just|already|now|finally|successfully|also|officially|actually|went ahead and|have|has|had))*`
)

// cues is the rule table. Patterns are matched against normalised
// sentences: lowercase, ASCII punctuation, contractions expanded ("can
// not", "will not", "i am", "i would").
var cues = []cue{
	// Uploaded: the letter is in, said by the writer, an assistant or a portal.
	{f: fUploaded, flags: negatable | condOff, re: alt(
		writerSubj+advs+`\s+(?:uploaded|submitted|turned in|filed)\b`,
		writerSubj+advs+`\s+(?:sent|e-?mailed|sent off|sent in|delivered|completed|finished|finalized|signed and (?:uploaded|submitted|sent))\s+(?:(?:the|my|your|his|her|a)\s+(?:\w+\s+)?`+letterNoun+`|it (?:in|off|through|via|to the portal|to eras))`,
		`\b`+letterNoun+`(?: for (?:you|[a-z]+(?: [a-z]+)?))?(?: (?:you|that you|which you) (?:requested|asked for))?(?: (?:has|have|had))?(?: (?:just|now|already|successfully|officially))? (?:been|was|were|is now) (?:just |now |already |successfully |officially )*(?:uploaded|submitted|received|sent|completed|delivered|filed|posted|added)\b`,
		`\b(?:has|have) (?:just |now |successfully |officially )?(?:submitted|uploaded|completed|sent|provided|added) (?:a |the |your |his |her |their |my )?(?:confidential |signed |new |final )?`+letterNoun,
		`\bsubmission (?:is|was|has been) (?:now )?(?:complete|completed|received)\b`,
		`\bstatus:? (?:received|submitted|completed|complete|uploaded|delivered)\b`,
		`^(?:just |already |finally |now )*(?:uploaded|submitted)\b`,
		`(?:^|[,:;-] |\b(?:my|the|your|his|her) )letter is (?:now )?(?:in|uploaded|submitted|done|complete|finished|in the (?:portal|system))\b`,
		`\b(?:letter|lor|recommendation) (?:went|has gone|got|is) (?:in|into|through|up on|onto) (?:the )?(?:eras|portal|system|your (?:file|application|account|dossier))\b`,
		`\bit (?:is|has been) (?:now |all )?(?:uploaded|submitted|in the (?:portal|system))\b`,
	)},

	// Decline: the writer will not write (or withdraws). The patterns carry
	// their own negation; a conditional clause ("if I cannot ...") cancels.
	{f: fDecline, flags: condOff | noQuestion, re: alt(
		`\b(?:i|we|he|she)(?: am| are| is| will| would| shall)?(?: really| simply| just| unfortunately| regretfully| sadly)? (?:not|never) (?:be )?(?:able|in a position|going|available) to (?:write|provide|do|complete|prepare|sign|support|help|take on|produce|offer|give|commit|get (?:a|the|your|this|my) letter|fit (?:it|this|a letter) in)\b`,
		`\b(?:i|we|he|she)(?: really| simply| just| unfortunately| regretfully| sadly)? (?:can not|could not|will not|shall not|would not)(?: be able to)?(?: really| possibly| in good conscience| realistically)? (?:write|provide|do (?:it|this|that|one)|prepare|sign|support|take on|take (?:it|this) on|produce|offer|give|complete|help(?: with| you with| this time| here| on this)?|commit)\b`,
		`\b(?:i|we) (?:can not|could not|am unable to|will not be able to)(?: (?:do (?:it|this|that|so)|help))?(?: (?:this time|at this time|right now|this year|this cycle|at the moment|now|this round))?\s*[.!]*$`,
		`\bunfortunately,? (?:i|we) (?:can not|could not|will not)\b`,
		`\bnot (?:be )?writing (?:any )?(?:letters|lors|recommendations|references)\b|\bnot know you (?:very |that )?well enough to (?:write|provide|comment|recommend)\b`,
		`\bi (?:would )?(?:suggest|recommend) (?:asking|approaching|contacting|reaching out to) (?:dr|someone|somebody|another|one of|your|a different|professor)\b`,
		`\brecuse (?:myself|me)\b|\bnot have (?:the )?(?:time|bandwidth|capacity|availability|ability|energy) to (?:write|do|take on|commit|prepare)\b`,
		`\b(?:do not|rather than|no need to) wait (?:on|for) me\b|\bbetter (?:that|if) you ask (?:someone|somebody|another|others|a different)\b`,
		`\bunable to (?:write|provide|do|prepare|sign|support|help|take on|offer|give|complete|accommodate|fulfil|fulfill|commit)\b`,
		`\b(?:have to|must|going to|need to|decided to|regretfully|respectfully|politely|sadly|unfortunately|will|would like to|should)(?: have to)? decline\b`,
		`\bdecline (?:your|the|this) (?:kind )?(?:request|invitation|offer)\b`,
		`\b(?:am|be) declining\b|\bdeclin(?:e|ing) to write\b|\bhas declined\b`,
		`\b(?:have to|must|going to have to|need to|sorry to(?: have to)?|will have to) (?:say no|pass|turn (?:this|it|you) down)\b`,
		`\b(?:will|must|have to|going to) pass on (?:this|writing|the letter|your request)\b`,
		`\bnot (?:the right|the best|a good|the appropriate|an appropriate|the ideal|the most appropriate|a suitable|the correct) (?:person|choice|fit|referee|writer|letter writer)\b`,
		`\bnot (?:think|believe|feel) (?:that )?i am (?:the right|the best|a good|the appropriate|an appropriate|the ideal|a suitable) (?:person|choice|fit|referee|writer)\b`,
		`\b(?:do|does|did) not (?:write|provide|sign|do|give|offer) (?:letters|recommendation letters|letters of recommendation|lors|references|recommendations)\b`,
		`\b(?:do|does) not (?:allow|permit) (?:\w+ ){0,3}to (?:write|provide|sign)\b|\bnot (?:allowed|permitted) to (?:write|provide|sign)\b`,
		`\b(?:please|you should|i would (?:encourage|suggest|recommend|advise)(?: that)? you|i (?:suggest|recommend|advise)(?: that)? you|(?:it is|it would be) (?:better|best) to|i encourage you to) (?:go ahead and |instead |try to |perhaps )?(?:ask|approach|reach out to|find|contact|look for) (?:someone|somebody|another|other|the (?:radiologists|faculty|attendings)|a different|one of|your other|others)\b`,
		`\b(?:i|we) (?:must|have to|need to|will have to) (?:withdraw|back out|retract|rescind|step back)\b|\bno longer (?:be )?able to (?:write|provide|do|help|support)\b|\bwithdraw (?:my|from) (?:offer|agreement|commitment)\b`,
		`\bwould rather not\b|\bprefer not to (?:write|provide|do)\b|\bnot (?:feel )?comfortable (?:writing|to write|providing|doing)\b`,
		`\bnot (?:be )?possible (?:for me )?to (?:write|provide|do|prepare)\b|\b(?:can not|could not|unable to) commit to (?:writing|a letter|this|it)\b`,
		`\bi am afraid (?:i|we) (?:can not|will not be able to|could not|am unable to|must|have to) (?:write|do|help|take|provide|support|decline|say no)\b`,
	), unless: regexp.MustCompile(`^[^.]{0,40}\b(?:strong|glowing|detailed|stellar|strongest|the (?:kind|type|sort) of letter|letter that (?:would|will|does)|very specific)`)},

	// Negated or doubted strength: hesitant.
	{f: fNegStrong, re: alt(
		`\b(?:may|might|would|will|could) not be (?:a |the )?(?:very |particularly |terribly |especially |that |as |super )?(?:strong|strongest|detailed|glowing|personal|specific|compelling|impactful|in-depth)\b`,
		`\bnot (?:be )?(?:a )?(?:very|particularly|terribly|especially|that|super|overly) (?:strong|detailed|glowing|personal|specific|compelling)\b`,
		`\b(?:lukewarm|half-hearted|halfhearted|tepid|mediocre|weak|watered-down|vague|average|mixed|so-so|brief and generic)\s+(?:letter|lor|recommendation|reference|one)\b`,
		`\b(?:i doubt|i have (?:some )?doubts|doubtful|not sure|unsure|uncertain|not certain|not convinced|wonder whether|question whether)\b[^.]{0,60}\b(?:strong|helpful|useful|weight|value|impact|add much|much help|carry)\b`,
		`\b(?:carry|carries|have|has|hold|holds) (?:less|little|limited|much less|not much|no real) (?:weight|value|impact)\b|\bnot (?:add|carry|help) (?:much|a lot)\b`,
	)},

	// Hedged offers: the writer half-agrees.
	{f: fHedgeOffer, flags: negatable | condOff, re: alt(
		`\bsee what i can do\b|\bi will (?:try|do my best|see (?:what|if|whether|how))\b|\bi (?:can|could) try\b|\bgive it a (?:try|shot)\b|\bno promises\b|\bwrite what i can\b`,
		`\b(?:willing|able|happy|glad|prepared) to (?:write|put together|draft) (?:you )?(?:something|a few lines|a short note|a brief note|a note)\b`,
		`\b(?:i can|i could|i will|i would|i might) (?:write|put together|draft|put) (?:you )?(?:something|a few lines|a short note|a brief note)\b|\bput something together\b`,
	)},

	// Offers conditioned on their use: the writer expects a weak letter.
	{f: fHedgeCond, flags: negatable, re: alt(
		`\bif (?:that|this|it|such a letter|this type of letter|this kind of letter|that kind of letter|a letter like that|that sort of letter|this sort of letter)(?: would| is| still| sounds| will)* (?:still )?(?:be )?(?:useful|helpful|ok|okay|fine|good enough|acceptable|of (?:any )?use|enough|sufficient|works?|help|helps|of help|of value|valuable|what you need)\b`,
		`\bif you (?:would |do |should )?still (?:want|like|wish|need)\b|\bif you (?:want|would like|wish) (?:one|a letter|me to write|my letter)(?: from me)? (?:anyway|still|regardless|nonetheless|after (?:all|thinking))\b`,
		`\bif you (?:can not|do not|are unable to|could not) find (?:anyone|someone|anybody)\b|\bif you (?:think|feel) it (?:would|will|might|could) (?:still )?help\b|\bif (?:that|this) works for you\b|\bif you are (?:ok|okay|fine|comfortable) with (?:that|this)\b`,
		`\bas (?:an )?(?:additional|extra|backup|fourth|supplementary|supplemental|optional) letter\b`,
		`\b(?:might|may) be able to (?:write|help|do|provide|put)\b`,
	)},

	// More hedged commitments.
	{f: fHedgeOffer, flags: negatable | condOff, re: alt(
		`\bi (?:suppose|guess) i (?:could|can)\b|^(?:maybe|possibly|perhaps|probably)\b|\bi could (?:probably|possibly|perhaps) (?:write|do|manage)\b`,
		`\bwhat i can do is\b|\bi (?:can|could|will|would) still (?:write|do|provide)\b`,
	)},

	// Hedges: limits on what the letter can say.
	{f: fHedge, flags: negatable, re: alt(
		`\b(?:standard|generic|general|basic|brief|short|simple|routine|neutral|factual|modest|boilerplate|form|template|institutional)\s+`+letterNoun+`\b`,
		`\bletter (?:confirming|certifying|stating|verifying|attesting|that confirms|that states|to confirm|to certify)\b`,
		`\b(?:confirm|confirming|certify|certifying|verify|verifying|attest(?:ing)? to) (?:that you|your (?:attendance|participation|dates|presence|completion|rotation|observership|enrollment)|the dates|you (?:completed|attended|rotated|were|participated))\b`,
		`\bonly (?:worked|overlapped|spent|saw|met|had|interacted|supervised|knew|know|been with|crossed paths|worked with|observed)\b`,
		`\b(?:worked|overlapped|spent time|interacted|were) (?:together |with (?:me|us|you) )?(?:only )?(?:briefly|for a (?:short|brief|limited) (?:time|period|while)|for (?:just |only )?(?:a few|a couple of|one|two|three|ten|\d+) (?:days|shifts|sessions))\b`,
		`\b(?:a handful of|a couple of|only a few) (?:times|days|shifts|sessions|occasions|clinics|encounters|cases)\b`,
		`\blimited (?:time|contact|interaction|interactions|exposure|involvement|opportunity|experience with you|overlap|direct contact|supervision|observation)\b|\b(?:involvement|contact|interaction|time together|overlap|time with (?:me|us)) was (?:limited|brief|short|minimal)\b`,
		`\b(?:do not|did not) (?:really |actually )?(?:know|get to know|work with|see) (?:you|your work)(?: on [^.]{0,40})? (?:very |that |particularly |as )?(?:well|closely|much|directly)\b`,
		`\b(?:did not|do not) (?:work|interact) (?:very |that )?(?:closely|much|directly|a lot)\b|\bknows? (?:you|your work)(?: [^.]{0,30})? (?:much |far |a lot |a bit )?better\b`,
		`\b(?:vaguely|barely|hardly) (?:remember|recall|know)\b|\bdo not (?:really )?remember (?:you|much|the details)\b|\bdid not (?:see|observe|get to see) (?:much|a lot|enough)\b`,
		`\bit has been (?:almost |nearly |over |more than |quite |a few |several |many )?(?:a (?:long time|while)|(?:\w+ )?years?)\b|\b(?:several|many|a few|two|three|four|five) years (?:ago|since)\b|\bso long ago\b`,
		`\bnot (?:sure|certain) how much (?:detail|i can (?:say|add|write|offer|contribute))\b|\bbeyond the basics\b`,
		`\b(?:can not|could not|will not be able to|not be able to|unable to) (?:comment|speak|say much|go into (?:much )?detail|write in detail|provide (?:much )?detail|elaborate|be very specific|offer much)\b`,
		`\b(?:only|mostly|mainly|primarily|largely|just) (?:be able to )?(?:speak|comment|attest|talk|write|vouch|address)\b`,
		`\b(?:speak|speaks|comment|attest) (?:to|on) your (?:attendance|punctuality|professionalism|reliability|participation|presence|work ethic|timeliness|interest)\b|\bwill focus on your (?:work ethic|attendance|professionalism|punctuality|reliability)\b`,
		`\b(?:it|the letter|my letter|this letter|the note|my note)(?: will| would| is going to)(?: likely| probably| necessarily| have to)? (?:be|need to be) (?:fairly |rather |quite |relatively |pretty |very |somewhat )?(?:short|brief|general|generic|limited|basic|concise|standard|short and general|on the shorter side)\b`,
		`\b(?:will|would) be limited to\b|\blimited to (?:your|my|the|our) (?:time|interactions|observations|attendance|participation)\b`,
		`\b(?:fairly|pretty|rather|quite|relatively|somewhat) (?:standard|generic|general|basic|neutral)\b|\bstandard (?:kind|type|template|sort)\b`,
		`\b(?:someone|somebody|another|other|dr\.? [a-z]+|he|she|they|a radiologist|your (?:\w+ )?(?:mentor|supervisor|pi|attending)|colleagues?|faculty|one of)\b[^.]{0,80}\b(?:would|might|may|could|will|are|is) (?:probably |likely |possibly |certainly |definitely )?(?:be )?(?:a |the )?(?:much |far |a lot |a bit |even )?(?:better|stronger|more appropriate|more suitable)\b`,
		`\bbetter (?:choice|person|placed|positioned|option|letter writer|writer|suited|referee)\b|\bmore (?:appropriate|suitable) (?:person|writer|choice|referee)\b|\bin a better position\b|\bbetter able to (?:speak|comment|write)\b`,
		`\bto be (?:honest|upfront|frank|transparent|fair)\b|\bi (?:want|need|have) to be (?:upfront|honest|transparent|frank)\b|\bin all honesty\b|\b(?:keep|bear) in mind\b|\bfair warning\b|\bfull disclosure\b|\bi should (?:warn|mention|point out|be honest)\b|\bi must (?:be honest|admit)\b|\btruth be told\b|\bi will be honest\b`,
		`\b(?:performance|work) was (?:satisfactory|adequate|acceptable|fine|ok|okay|good enough|appropriate)\b|\bsatisfactory (?:performance|evaluation|letter)\b`,
		`\b(?:model|template|format|form letter) (?:that )?(?:our|the) (?:department|institution|office|school|faculty) (?:normally |usually |typically )?(?:issues|uses|provides)\b`,
		`\b(?:honest|fair|accurate|balanced|objective|factual) (?:letter|assessment|evaluation|reference)\b`,
		`\bnot (?:sure|certain|convinced) (?:i am|that i am|i would be|i can|i could|if i|whether i|i know you|i would)\b|\b(?:i am|i) (?:not sure|unsure) (?:if|whether|that) i\b`,
	), unless: regexp.MustCompile(`^\s*(?:request|requests|writer|writers|form|forms|id|portal|deadline)\b`)},

	// Explicit strength and advocacy. A negation turns it into doubt; a
	// condition ("before I say yes", "unless I can ...") cancels it.
	{f: fStrong, flags: negatable | negFlips | condOff | noQuestion, re: alt(
		`\b(?:very |really |truly |extremely |exceptionally )?(?:strong|strongest|glowing|stellar|outstanding|excellent|enthusiastic|powerful|shining|superb|exceptional|terrific|fantastic|great|wonderful|top-notch|top notch|ringing|rave|sterling|unreserved|unqualified|wholehearted|very positive|highly positive|extremely positive|very supportive|highly supportive|strongly positive|(?:detailed|personal|strong|positive)(?:,| and)? (?:strong|positive|detailed|supportive|enthusiastic))\s+(?:letter|recommendation|reference|endorsement)\b`,
		`\b(?:very |really )?(?:(?:strong|detailed|positive)(?:,| and)? )?(?:strong|strongest|glowing|stellar|outstanding|excellent|great|wonderful|fantastic|terrific|superb|detailed) (?:one|lor)\b`,
		`\b(?:strongly|highly|wholeheartedly|enthusiastically|unreservedly|warmly|heartily|unequivocally) (?:recommend|support|endorse|advocate for|vouch for|back)\b`,
		`\b(?:highest|strongest|fullest|unreserved|unqualified|wholehearted|enthusiastic|100%|complete|full|strong|unwavering) (?:recommendation|endorsement|support|backing)\b`,
		`\btell (?:the |any |all )?(?:programs|program directors|committees|the selection committee)\b|\b(?:my|an|a) (?:great |real |absolute )?(?:pleasure|honou?r|privilege) to (?:write|support|recommend)\b`,
		`\bwithout (?:any )?(?:reservation|reservations|hesitation|qualification)\b|\bno reservations?\b|\bhave no hesitation\b|\bwould not hesitate to (?:recommend|write|support)\b`,
		`\b(?:advocate|vouch|champion|go to bat|put in a (?:good )?word)\b(?: strongly)? for you\b|\b(?:call|email|e-mail|contact|reach out to|talk to|speak (?:to|with)|write to|phone|put in a call to) (?:a couple of |some |a few |any |the |several |two |three |those |a |my )?(?:program directors?|pds|colleagues at|friends at|people i know at)\b|\b(?:program directors?|pds) i know\b`,
		`\b(?:would want you|would love to have you|lucky to have you|want you as (?:a|our|one of our) (?:resident|trainee|colleague)|would rank you|must[- ]interview|would hire you|top of (?:my|our|the) list)\b`,
		`\b(?:one of|among) (?:the|my|our) (?:very )?(?:best|most|strongest|top|finest|brightest)\b|\b(?:the|easily the|by far the) (?:very )?(?:best|strongest|brightest|finest|most (?:impressive|capable|talented|engaged|dedicated|motivated)) (?:\w+ ){0,2}(?:extern|student|resident|rotator|observer|trainee|intern|fellow|candidate|applicant|researcher|assistant|clerk|volunteer|mentee|img)s?\b`,
		`\btop (?:\d+|one|two|three|five|ten|few)\s*(?:%|percent|of)\b|\bbest (?:i|we) (?:have )?(?:ever )?(?:had|seen|worked with|hosted|supervised|trained)\b|\bbetter than (?:most|many|some|any|our)\b|\bfaster than (?:most|many|any)\b|\bat the level of (?:a|our) (?:resident|fellow|intern)s?\b|\bahead of (?:your|their) peers\b`,
		`\bnot even a question\b|\bno question about it\b|\bwithout (?:a )?(?:question|doubt)\b|\bno-brainer\b|\bin a heartbeat\b|\bno doubt (?:about it|in my mind)\b`,
		`\bwith (?:great |real |enormous |much )?(?:pleasure|enthusiasm)\b|\b(?:enthusiastically|wholeheartedly|unreservedly)\b|\bdelighted\b|\bthrilled\b|\bhonou?red\b|\b(?:my|an|a great|an absolute|a real) (?:pleasure|honou?r) to (?:write|support|recommend|do)\b|\b(?:it would|it will|that would) be (?:my|an|a) (?:great |real |absolute )?(?:pleasure|honou?r|privilege)\b|\b(?:be|is) (?:a|my|an) (?:real |great |absolute )?privilege\b|\bgreat pleasure\b|\bfull support\b`,
	), unless: regexp.MustCompile(`^\s*(?:request|writer|form|portal)\b|^ (?:that )?you (?:ask|contact|find|reach|consider|apply|look)`)},

	// Enthusiasm and praise of the applicant.
	{f: fPraise, flags: negatable | condOff | noQuestion, re: alt(
		`\b(?:absolutely|definitely|gladly|happily|love to|would love|excited|very happy|so happy|really happy|very glad|really glad|very pleased|more than happy|most happy|proud|my pleasure|hoping you would ask|glad you asked)\b`,
		`\b(?:excellent|outstanding|exceptional|superb|terrific|fantastic|impressive|impressed|brilliant|remarkable|stellar|phenomenal|wonderful|amazing|talented|gifted|standout|stood out|a joy|sharp|hard[- ]?working|conscientious|thorough|engaged|bright|top-notch|superstar|rock ?star|cleanest|distinguished|exemplary|first-rate|first rate)\b`,
		`\ba pleasure (?:to (?:work|have|teach|supervise)|working|having)\b|\bstrong (?:candidate|applicant|resident|student|trainee|clinician|work ethic|clinical)\b|\bgreat (?:job|work|asset|addition|resident|student|fit|candidate)\b`,
	)},

	// Explicit agreement to write.
	{f: fAgree, flags: negatable | condOff | noQuestion, re: alt(
		`\b(?:i|we|he|she|dr\.? [a-z]+|prof\.? [a-z]+|professor [a-z]+)(?: (?:would|will|shall|can|could|am|is|are|has|have))?(?: (?:certainly|definitely|gladly|happily|absolutely|surely|still|also|indeed|of course|be|very|more than|really|so|most))*(?: (?:able|glad|happy|delighted|honou?red|pleased|willing|thrilled|prepared|agreed|keen|eager) to)? (?:write|provide|prepare|draft|compose|put together|sign|submit|upload|make) (?:you |for you |on your behalf )?(?:a |an |the |your |one\b|it\b|letters?|lor|recommendation|reference|something|in support|for you|on your behalf|in favou?r)`,
		`\b(?:i|we)(?: (?:would|will|shall|can|could))? (?:certainly |definitely |gladly |happily |absolutely |surely |still )?(?:do|handle|manage) (?:it|that|this|so)\b`,
		`\b(?:happy|glad|delighted|pleased|willing|honou?red|thrilled|prepared|able|more than happy) to (?:write|provide|prepare|draft|compose|do (?:it|this|that|so)|put together|serve as|be (?:one of )?your (?:letter )?writers?|support your application|recommend you)\b`,
		`\b(?:i accept|i agree|accept) to (?:write|provide)\b|\baccept (?:writing|your request|the request|your invitation)\b|\b(?:agree|agreed) to (?:write|provide|be (?:one of )?your)\b|\bhas agreed to\b`,
		`\b(?:he|she|dr\.? [a-z]+|prof\.? [a-z]+|professor [a-z]+)(?: (?:would|will|is|has))?(?: (?:be|also))?(?: (?:very|more than|really|so))? (?:happy|glad|delighted|pleased|willing|honou?red) to (?:write|provide|support)\b|\b(?:he|she|dr\.? [a-z]+|professor [a-z]+) (?:will|can|would) (?:write|provide|prepare)\b`,
		`\b(?:you will|you would|you are going to) (?:get|have|receive) (?:a |my )?(?:\w+ )?(?:letter|one|recommendation) from me\b|\bi will write (?:for you|it|one|you)\b|\bi will write\b`,
		`\b(?:my|an|a) (?:great |real |absolute )?(?:pleasure|honou?r|privilege) to (?:write|support|recommend)\b|\byou will (?:get|have|receive) (?:one|it|that|my letter|a [a-z]+ (?:letter|one))\b`,
		`\bcount me in\b|\bconsider it done\b|\bleave it with me\b|\b(?:the answer is|my answer is|so|of course|absolutely) yes\b|\byes,? (?:i (?:can|will|would)|of course|absolutely|definitely|happily|gladly)\b`,
	), unless: regexp.MustCompile(`^ (?:letters? )?for (?:several|many|other|too many|a number of|\d+|all (?:my|the)|others)\b`)},

	// A bare yes, meaningful only in a thread about a letter.
	{f: fAgreeWeak, flags: negatable | condOff, re: alt(
		`^(?:[a-z]+,? )?(?:yes|yep|yeah|sure|sure thing|of course|absolutely|certainly|definitely|ok|okay|happy to|glad to|gladly|no problem|will do|with pleasure|by all means|no worries|done deal)\b\s*(?:[,!.:;-]|$|and|i|happy|glad|send|please|let)`,
		`\b(?:happy|glad|more than happy|delighted|willing|pleased) to (?:help|oblige|assist|do so|support you)\b|\bi would be (?:happy|glad|delighted|honou?red|pleased) to(?: (?:help|do (?:it|so|that|this)|oblige|assist))?\s*[.!,]*$|\bof course\b`,
	)},

	// A promise to deliver the letter.
	{f: fDeliver, flags: negatable | condOff | noQuestion, re: alt(
		`\b(?:i will|i can|i would|we will|i shall|will) (?:get|have) (?:it|this|the letter|that|your letter|my letter|one) (?:done|in|uploaded|submitted|written|finished|out|ready)\b`,
		`\btake care of (?:it|this|the letter)\b|\bget (?:it|this|the letter) done\b|\bget to (?:it|work on it)\b|\b(?:add|put) (?:you|your letter|it) (?:to|on|in) (?:my|his|her|the) (?:queue|list|calendar|schedule)\b`,
		`\b(?:i|we) will (?:upload|submit|send|write) (?:it|the letter|your letter|my letter)\b|\bwill (?:upload|submit) the letter\b|\b(?:i|we) will (?:get started|start on it|work on it|start writing|begin)\b|\bi will take it from there\b`,
	)},

	// Deferral: no commitment yet.
	{f: fNonCommit, flags: negatable, re: alt(
		`\bbefore (?:making|giving|committing to) (?:a|my|any|an) (?:decision|answer|commitment)\b|\bneed to know more\b`,
		`\bbefore (?:i|we|he|she|dr\.? [a-z]+|prof\.? [a-z]+|professor [a-z]+) (?:can |could |would )?(?:commit|decide|agree|say yes|give you (?:an|my) answer|answer|respond|make (?:a|my|any) decision|confirm|promise|say yes or no|consider|proceed|go (?:any )?further)\b`,
		`\b(?:i will|i would|let me|i need to|i want to|i would like to|i have to|i must|i will have to|i should|i will need to|he would like to|she would like to|he needs to|she needs to|he will|she will)(?: first)? (?:decide|think (?:about it|it over|about this|about your request)|consider (?:it|this|your request)|get back to you|check (?:my|the|with)|look (?:into|over) (?:it|this|my)|sleep on it|mull it over|review (?:your|the) (?:materials|cv|application|documents|request))\b`,
		`\bdecide (?:after|once|when)\b|\bmake (?:a|my) decision\b|\bafter we (?:talk|meet|speak|chat)\b|\bonce we have (?:talked|met|spoken)\b`,
		`\b(?:happy|willing|glad|open) to consider\b|\bwill (?:certainly |gladly |happily )?consider\b|\bi am considering\b|\blet me think\b`,
		`\b(?:let you know|inform you|tell you|get back to you)[^.]{0,40}\bwhether\b|\bwhether (?:or not )?(?:i|he|she|prof\.? [a-z]+|dr\.? [a-z]+|professor [a-z]+|we) (?:am|is|are|will|can|could|would|should)(?: be)?(?: able| willing| the right)?\b`,
		`\bonly after (?:review|reviewing|receiving|i have|we have|a (?:formal )?review)\b|\bissued only after\b`,
		`\bneed (?:some|more|a bit more|a little more|additional) (?:information|details|info|context)\b|\bwant to be sure (?:i|that i) can\b|\bwould want to be sure\b|\bmake sure (?:i|that i) can (?:write|do)\b`,
		`\b(?:respond|reply|get back) to (?:you|your request)(?: [a-z]+){0,3} (?:within|after|once|when|in (?:a|two|three|\d+))\b`,
		`\b(?:a couple of|a few|some) questions (?:first|before)\b|\btake a look and let you know\b|\blet you know (?:after|once|if i)\b`,
	)},

	// Requests for materials, a meeting or a deadline.
	{f: fRequest, re: alt(
		`\b(?:send|forward|share|e-?mail|provide|attach|give|bring|drop off|fill (?:in|out)|complete|submit|remind me)\b[^.?!]{0,60}\b(?:cv|c\.v\.|curriculum vitae|resume|personal statement|ps|statement|transcripts?|form|forms|questionnaire|list|summary|case list|cases|draft|documents?|documentation|materials?|information|details|highlights|bullet points|bullets|reminder|eras|letter request|abstracts?|publications?|portfolio|evaluations?|what you did)\b`,
		`\b(?:could we|can we|let us|shall we|we should|i would like to|i would love to|i want to|i need to|please|are you (?:free|available))\b[^.?!]{0,40}\b(?:meet|set up (?:a |some )?(?:call|meeting|time|zoom|chat)|schedule (?:a |some )?(?:call|meeting|time|zoom)|zoom|have a (?:call|chat|conversation)|talk|chat|sit down|catch up|video call|discuss)\b`,
		`\bschedule a (?:\d+[- ]minute |short |brief |quick )?(?:meeting|call|zoom|chat|appointment)\b|\bstop by (?:my|the) office\b|\bcome (?:by|see me|to my office)\b`,
		`\b(?:what|when) is (?:the|your) deadline\b|\bdeadline\?|\bwhen (?:is|are) (?:it|the letters?|they|this) (?:due|needed)\b|\bby when\b|\bwhat is the (?:due date|timeline|timeframe)\b|\bhow soon do you need\b|\bremind me\b|\blet me know (?:the|your) (?:deadline|timeline|due date)\b`,
	)},

	// Receipt of materials, thanks.
	{f: fAck, re: alt(
		`\b(?:got|received) (?:them|it|your|the|everything|all)\b|\bthanks? (?:you )?for (?:sending|the (?:cv|materials|form|documents|reminder|update|note|info|information|packet|summary))\b|\bhave (?:what|everything) i need\b`,
	)},
}
