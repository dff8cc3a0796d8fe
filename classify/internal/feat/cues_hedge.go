package feat

import "regexp"

// hedgeCues detect doubted strength, hedged or conditional offers,
// limitations and reluctance.
func hedgeCues() []cue {
	return []cue{
		// Negated or doubted strength: hesitant.
		{f: fNegStrong, flags: negatable, re: alt(
			"doubt.may_not_be_strong", `\b(?:may|might|would|will|could) not be (?:a |the )?(?:very |particularly |terribly |especially |that |as |super )?(?:strong|strongest|detailed|glowing|personal|specific|compelling|impactful|in-depth)\b`,
			"doubt.may_not_be_strong", `\bnot (?:be )?(?:a )?(?:very|particularly|terribly|especially|that|super|overly) (?:strong|detailed|glowing|personal|specific|compelling)\b`,
			"doubt.weak_letter", `\b(?:lukewarm|half-hearted|halfhearted|tepid|mediocre|weak|watered-down|vague|average|mixed|so-so|brief and generic)\s+(?:letter|lor|recommendation|reference|one)\b`,
			"doubt.unsure_it_helps", `\b(?:i doubt|i have (?:some )?doubts|doubtful|not sure|unsure|uncertain|not certain|not convinced|wonder whether|question whether)\b[^.]{0,60}\b(?:strong|helpful|useful|weight|value|impact|add much|much help|carry)\b`,
			"doubt.unsure_it_helps", `\b(?:carry|carries|have|has|hold|holds) (?:less|little|limited|much less|not much|no real) (?:weight|value|impact)\b|\bnot (?:add|carry|help) (?:much|a lot)\b`,
		)},

		// Hedged offers: the writer half-agrees.
		{f: fHedgeOffer, flags: negatable | condOff | notReported, re: alt(
			"hedged_offer.will_try", `\bsee what i can do\b|\bi will (?:try|do my best|see (?:what|if|whether|how))\b|\bi (?:can|could) try\b|\bgive it a (?:try|shot|go|whirl)\b|\bno promises\b|\b(?:write|do) what i can\b`,
			"hedged_offer.something_short", `\b(?:willing|able|happy|glad|prepared) to (?:write|put together|draft) (?:you )?(?:something|a few lines|a short note|a brief note|a note)\b`,
			"hedged_offer.something_short", `\b(?:i can|i could|i will|i would|i might|i may)(?: (?:probably|likely|maybe|perhaps|possibly|at least|still|only|just))? (?:write|put together|draft|put|manage|produce|jot down|send) (?:you )?(?:something|a few lines|a short note|a brief note|a quick note|a few words|a line or two|a couple of (?:lines|paragraphs|sentences)|a paragraph(?: or two)?|a few sentences)\b|\bput something together\b`,
		), unless: regexp.MustCompile(`^ to (?:finish|get|have|send|upload|submit|complete)(?: (?:it|the letter|your letter|this|that|them|everything))?(?: (?:done|in|uploaded|written|off))? (?:before|by|within|soon|early|in time)\b|^ (?:that|which) (?:really|truly|will|does|shows|captures|reflects)\b|^ (?:great|special|strong|glowing|memorable|detailed|excellent|outstanding|wonderful|meaningful|really)\b`)},

		// Offers conditioned on their use: the writer expects a weak letter.
		{f: fHedgeCond, flags: negatable, re: alt(
			"conditional_offer.if_useful", `\bif (?:that|this|it|such a letter|this type of letter|this kind of letter|that kind of letter|a letter like that|that sort of letter|this sort of letter)(?: would| is| still| sounds| will)* (?:still )?(?:be )?(?:useful|helpful|ok|okay|fine|good enough|acceptable|of (?:any )?use|enough|sufficient|works?|help|helps|of help|of value|valuable|what you need)\b`,
			"conditional_offer.if_you_still_want", `\bif you (?:would |do |should )?still (?:want|like|wish|need)\b|\bif you (?:want|would like|wish) (?:one|a letter|me to write|my letter)(?: from me)? (?:anyway|still|regardless|nonetheless|after (?:all|thinking))\b`,
			"conditional_offer.if_useful", `\bif you (?:can not|do not|are unable to|could not) find (?:anyone|someone|anybody)\b|\bif you (?:think|feel) it (?:would|will|might|could) (?:still )?help\b|\bif (?:that|this) works for you\b|\bif you are (?:ok|okay|fine|comfortable) with (?:that|this)\b`,
			"conditional_offer.if_useful", `\bas (?:an )?(?:additional|extra|backup|fourth|supplementary|supplemental|optional) letter\b`,
			"conditional_offer.if_useful", `\b(?:might|may) be able to (?:write|help|do|provide|put)\b`,
		)},

		// More hedged commitments.
		{f: fHedgeOffer, flags: negatable | condOff | notReported, re: alt(
			"hedged_offer.maybe", `\bi (?:suppose|guess) i (?:could|can)\b|^(?:maybe|possibly|perhaps|probably)\b|\bi could (?:probably|possibly|perhaps) (?:write|do|manage)\b`,
			"hedged_offer.maybe", `\bi (?:can|could|will|might) (?:probably|likely|maybe|perhaps|possibly) (?:do|write|manage|handle|get to|fit|put)\b|\bwhat i can do is\b|\bi (?:can|could|will|would) still (?:write|do|provide)\b`,
		)},

		// Hedges: limits on what the letter can say.
		{f: fHedge, flags: negatable, re: alt(
			"hedge.generic_letter", `\b(?:standard|generic|general|basic|brief|short|quick|simple|routine|neutral|factual|modest|boilerplate|form|template|institutional)\s+`+letterNoun+`\b`,
			"hedge.generic_letter", `\b(?:departmental|institutional|institute|fixed|prescribed|set) (?:format|template|proforma|pro forma)\b`,
			"hedge.certify_facts", `\bcarta (?:de )?constancia\b|\bconstancia\b|\battestation de (?:stage|présence)\b|\bcertificado de\b|\bdeclaração de\b`,
			"hedge.certify_facts", `\bonly (?:a |an )?(?:certificate|testimonial|experience letter|letter of (?:completion|attendance))\b|\bcertificate (?:of|confirming) (?:completion|attendance|internship|training|posting|your)\b`,
			"hedge.faded_memory", `\b(?:from|on) memory (?:only|alone)\b|\bonly from memory\b|\bno (?:longer have )?access to (?:your |the |my |our )?(?:\w+ )?(?:assessments?|records?|evaluations?|files?|notes)\b`,
			"hedge.short_time", `\b(?:away|on leave|on sabbatical|abroad|not around|not there)\b[^.]{0,30}\b(?:most|much|part) of (?:your|the) (?:posting|rotation|elective|time|stay|attachment|observership)\b`,
			"hedge.certify_facts", `\bletter (?:confirming|certifying|stating|verifying|attesting|that confirms|that states|to confirm|to certify)\b`,
			"hedge.certify_facts", `\b(?:confirm|confirming|certify|certifying|verify|verifying|attest(?:ing)? to) (?:that you|your (?:attendance|participation|dates|presence|completion|rotation|observership|enrollment)|the dates|you (?:completed|attended|rotated|were|participated))\b`,
			"hedge.short_time", `\bonly (?:worked|overlapped|spent|saw|met|had|interacted|supervised|knew|know|been with|crossed paths|worked with|observed)\b`,
			"hedge.short_time", `\b(?:worked|overlapped|spent time|interacted|were) (?:together |with (?:me|us|you) )?(?:only )?(?:briefly|for a (?:short|brief|limited) (?:time|period|while)|for (?:just |only )?(?:a few|a couple of|one|two|three|ten|\d+) (?:days|shifts|sessions))\b`,
			"hedge.short_time", `\b(?:a handful of|a couple of|only a few) (?:times|days|shifts|sessions|occasions|clinics|encounters|cases)\b`,
			"hedge.short_time", `\blimited (?:time|contact|interaction|interactions|exposure|involvement|opportunity|experience with you|overlap|direct contact|supervision|observation)\b|\b(?:involvement|contact|interaction|time together|overlap|time with (?:me|us)) was (?:limited|brief|short|minimal)\b`,
			"hedge.not_supervised", `\b(?:do not|did not|never) (?:really |actually |get to )?(?:supervise|observe|teach|oversee|evaluate|interact with|work directly with) (?:you|your work)\b|\bnot (?:your|her|his) (?:direct |primary )?(?:supervisor|attending|preceptor)\b`,
			"hedge.little_to_say", `\b(?:not|never) (?:be able to )?(?:say|cover|add|offer|contain|speak to) (?:much|anything|a lot|very much) (?:beyond|more than|other than|except)\b|\bbeyond (?:your )?(?:punctuality|attendance|dates|basics|presence)\b`,
			"hedge.did_not_know_well", `\b(?:do not|did not) (?:really |actually )?(?:know|get to know|work with|see) (?:you|your work)(?: on [^.]{0,40})? (?:very |that |particularly |as )?(?:well|closely|much|directly)\b`,
			"hedge.did_not_know_well", `\b(?:did not|do not) (?:work|interact) (?:very |that )?(?:closely|much|directly|a lot)\b|\bknows? (?:you|your work)(?: [^.]{0,30})? (?:much |far |a lot |a bit )?better\b`,
			"hedge.faded_memory", `\b(?:memory|memories|recollection) (?:of [^.]{0,40})?(?:is|are|has|have|was|were)(?: (?:gotten|become|grown|a bit|a little|somewhat|rather|quite|fairly|pretty|now))* (?:hazy|fuzzy|vague|limited|faded|foggy|dim|patchy|not great|not what it)\b|\b(?:hazy|fuzzy|vague|limited|faded|dim|patchy) (?:memory|memories|recollection)\b`,
			"hedge.faded_memory", `\b(?:vaguely|barely|hardly) (?:remember|recall|know)\b|\bdo not (?:really )?remember (?:you|much|the details)\b|\bdid not (?:see|observe|get to see) (?:much|a lot|enough)\b`,
			"hedge.faded_memory", `\bit has been (?:almost |nearly |over |more than |quite |a few |several |many )?(?:a (?:long time|while)|(?:\w+ )?years?)\b|\b(?:several|many|a few|two|three|four|five) years (?:ago|since)\b|\bso long ago\b`,
			"hedge.little_to_say", `\bnot (?:sure|certain) how much (?:detail|i can (?:say|add|write|offer|contribute))\b|\bbeyond the basics\b`,
			"hedge.little_to_say", `\b(?:can not|could not|will not be able to|not be able to|unable to) (?:comment|speak|say much|go into (?:much )?detail|write in detail|provide (?:much )?detail|elaborate|be very specific|offer much)\b`,
			"hedge.only_speak_to", `\b(?:only|mostly|mainly|primarily|largely|just) (?:be able to )?(?:speak|comment|attest|talk|write|vouch|address)\b`,
			"hedge.only_speak_to", `\b(?:speak|speaks|comment|attest) (?:to|on) your (?:attendance|punctuality|professionalism|reliability|participation|presence|work ethic|timeliness|interest)\b|\bwill focus on your (?:work ethic|attendance|professionalism|punctuality|reliability)\b`,
			"hedge.short_letter", `\b(?:it|the letter|my letter|this letter|the note|my note|mine)(?: will| would| is going to| has to| must)(?: likely| probably| necessarily| have to| need to)? (?:be|need to be) (?:a |an )?(?:fairly |rather |quite |relatively |pretty |very |somewhat )?(?:short|brief|general|generic|limited|basic|concise|standard|short and general|on the shorter side)\b`,
			"hedge.short_letter", `\b(?:my letters|letters from me|my references)(?: will| would| are| tend to| usually| typically| generally| always)* (?:be )?(?:fairly |rather |quite |pretty |very )?(?:short|brief|general|concise|basic)\b|\b(?:be|write(?: you)?|do|give you|manage|provide) (?:a |an )(?:brief|short|simple|basic|modest) one\b`,
			"hedge.short_letter", `\b(?:it|the letter|my letter|this letter|mine)(?: will| would| is going to)? (?:not|never) be (?:very |that |particularly |too |terribly |all that )?(?:lengthy|detailed|extensive|elaborate|in-depth)\b|\b(?:the letter|my letter|this letter|mine)(?: will| would| is going to)? (?:not|never) be (?:very |that |particularly |too |terribly |all that )?long\b`,
			"hedge.someone_better", `\b(?:stronger|better|more detailed|more personal) (?:letter|one|recommendation) than (?:i|what i|mine|the one i)\b`,
			"hedge.only_speak_to", `\b(?:will|would)(?: \w+)? be limited to\b|\blimited to (?:your|my|the|our) (?:time|interactions|observations|attendance|participation)\b`,
			"hedge.generic_letter", `\b(?:fairly|pretty|rather|quite|relatively|somewhat|a bit|a little|kind of|sort of|more or less|mostly) (?:standard|generic|general|basic|neutral)\b|\bstandard (?:kind|type|template|sort)\b`,
			"hedge.only_speak_to", `\babout your (?:attendance|punctuality|reliability|presence|professionalism|timeliness|participation)\b|\bnot have (?:a lot|much|many things|that much|very much) to say\b`,
			"hedge.someone_better", `\b(?:someone|somebody|another|other|dr\.? [a-z]+|he|she|they|a radiologist|your (?:\w+ )?(?:mentor|supervisor|pi|attending)|colleagues?|faculty|one of)\b[^.]{0,80}\b(?:would|might|may|could|will|are|is) (?:probably |likely |possibly |certainly |definitely )?(?:be )?(?:a |the )?(?:much |far |a lot |a bit |even )?(?:better|stronger|more appropriate|more suitable)\b`,
			"hedge.someone_better", `\bbetter (?:choice|person|placed|positioned|option|letter writer|writer|suited|referee)\b|\bmore (?:appropriate|suitable) (?:person|writer|choice|referee)\b|\bin a better position\b|\bbetter able to (?:speak|comment|write)\b`,
			"hedge.candour", `\bto be (?:honest|upfront|frank|transparent|fair)\b|\bi (?:want|need|have) to be (?:upfront|honest|transparent|frank)\b|\bin all honesty\b|\b(?:keep|bear) in mind\b|\bfair warning\b|\bfull disclosure\b|\bi should (?:warn|mention|point out|be honest)\b|\bi must (?:be honest|admit)\b|\btruth be told\b|\bi will be honest\b`,
			"hedge.faint_praise", `\b(?:performance|work) was (?:satisfactory|adequate|acceptable|fine|ok|okay|good enough|appropriate)\b|\bsatisfactory (?:performance|evaluation|letter)\b`,
			"hedge.generic_letter", `\b(?:model|template|format|form letter) (?:that )?(?:our|the) (?:department|institution|office|school|faculty) (?:normally |usually |typically )?(?:issues|uses|provides)\b`,
			"hedge.faint_praise", `\b(?:honest|fair|accurate|balanced|objective|factual) (?:letter|assessment|evaluation|reference)\b`,
			"hedge.someone_better", `\bnot (?:sure|certain|convinced) (?:i am|that i am|i would be|i can|i could|if i|whether i|i know you|i would)\b|\b(?:i am|i) (?:not sure|unsure) (?:if|whether|that) i\b`,
			"hedge.little_to_say", `\b(?:can not|could not|do not|will not) promise (?:much|anything|a lot|more|too much)\b|\b(?:much|anything) beyond (?:that|this|the basics)\b`,
			"hedge.someone_better", `\bknows? (?:you|your(?: \w+){0,2} work)(?: [^.]{0,30})? (?:much |far |a lot |a bit )?better\b`,
		), unless: regexp.MustCompile(`^\s*(?:request|requests|writer|writers|form|forms|id|portal|deadline|confidential)\b|^ (?:letters?|lors|references) (?:for|to|when|if|once|after)\b`)},

		// A letter the applicant drafts and the writer signs: minimal effort.
		{f: fHedge, flags: negatable, re: alt(
			"hedge.you_draft_it", `\bif you (?:draft|write|prepare|send me|give me|put together) (?:up )?(?:a |the |your )?(?:draft|first draft|letter|text|template|something|one|it)\b|\b(?:you|yourself) (?:draft|write up|prepare) (?:it|the letter|a draft|the first draft|a letter)\b`,
			"hedge.you_draft_it", `\bi (?:can|will|could|would|am happy to|am willing to) (?:just |then |simply )sign (?:it|off on it|whatever|what you)\b|\bi (?:can|will|could|would) sign (?:whatever|what you)\b|\bincorporate (?:them|those|these|it|your points|the points)\b|\bsend me (?:a|the|your) draft\b|\bdraft (?:it|the letter|one|something) (?:yourself|for me)\b`,
			"hedge.you_draft_it", `\b(?:review|edit|look over|read over|go over|check)(?: it)? and (?:then )?sign(?: it| off)?\b`,
		), unless: regexp.MustCompile(`^ of (?:your|the) (?:personal|ps|cv|statement|abstract|paper|manuscript)`)},

		// Reluctance: busyness, resignation or an exception. It makes a yes
		// hesitant unless the reply is clearly enthusiastic.
		{f: fReluct, flags: condOff, re: alt(
			"reluctance.busy", `\b(?:swamped|slammed|snowed under|overwhelmed|overloaded|stretched (?:too |very |a bit |pretty |quite )?thin|hectic|pressed for time|short on time|buried|drowning)\b|\b(?:very|really|super|quite|extremely|so|incredibly|pretty|crazy|insanely) busy\b|\b(?:busy|crazy|hectic|tough|rough|difficult) (?:time|season|month|week|weeks|stretch|period|summer|few weeks|schedule)\b|\b(?:a lot|too much|lots|so much|a great deal) on my plate\b|\bbehind on\b`,
			"reluctance.grudging", `\bi (?:suppose|guess)\b|^(?:fine|alright|all right|ok(?:ay)? then|okay fine|ok fine|oh well)\b|\bif i must\b|\bif you (?:really )?insist\b|\bi (?:can|could) probably\b|\bprobably (?:can|could|write|manage)\b|\bi can manage\b|\b(?:squeeze|fit) (?:it|you|something|a letter) in\b|\bmake an exception\b|\bdo not (?:usually|normally|typically|generally)\b|\bnot (?:usually|normally|typically) (?:write|do)\b`,
		)},
	}
}
