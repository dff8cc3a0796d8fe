package feat

import "regexp"

// yesCues detect strength, enthusiasm, advocacy and agreement.
func yesCues() []cue {
	return []cue{
		// Explicit strength and advocacy. A negation turns it into doubt; a
		// condition ("before I say yes", "unless I can ...") cancels it.
		{f: fStrong, flags: negatable | negFlips | condOff | noQuestion | noComparative, re: alt(
			"strength.strong_letter", `\b(?:very |really |truly |extremely |exceptionally )?(?:strongest possible|strong|strongest|glowing|stellar|outstanding|excellent|enthusiastic|powerful|shining|superb|exceptional|terrific|fantastic|great|wonderful|top-notch|top notch|ringing|rave|sterling|unreserved|unqualified|wholehearted|very positive|highly positive|extremely positive|very supportive|highly supportive|strongly positive|detailed|(?:detailed|personal|strong|positive)(?:,| and)? (?:strong|positive|detailed|supportive|enthusiastic|personal))\s+(?:letter|recommendation|reference|endorsement)\b`,
			"strength.strong_letter", `\b(?:very |really )?(?:(?:strong|detailed|positive)(?:,| and)? )?(?:strong|strongest|glowing|stellar|outstanding|excellent|great|wonderful|fantastic|terrific|superb|detailed) (?:one|lor)\b`,
			"strength.will_be_strong", `\b(?:it|the letter|my letter|this letter|mine|the recommendation)(?: will| would| is going to| shall)? (?:be )?(?:very |really |extremely |truly |most )?(?:strong|glowing|excellent|outstanding|positive|supportive)\b|\bmake (?:it|the letter|your letter|sure it is) (?:very |really )?(?:strong|glowing|count|shine)\b|\bwrite (?:it |the letter |your letter |about you |very |most |really )*(?:strongly|glowingly|enthusiastically)\b|\bin the (?:highest|strongest|warmest|best) (?:possible )?(?:terms|words)\b|\bwith (?:full|complete|total|great|every) confidence\b`,
			"strength.full_support", `\b(?:strongly|highly|wholeheartedly|enthusiastically|unreservedly|warmly|heartily|unequivocally) (?:recommend|support|endorse|advocate for|vouch for|back)\b`,
			"strength.full_support", `\b(?:highest|strongest|fullest|unreserved|unqualified|wholehearted|enthusiastic|100%|complete|full|strong|unwavering) (?:recommendation|endorsement|support|backing)\b`,
			"strength.advocacy", `\btell (?:the |any |all )?(?:programs|program directors|committees|the selection committee)\b|\b(?:my|an|a) (?:great |real |absolute )?(?:pleasure|honou?r|privilege)(?: and an? (?:pleasure|honou?r|privilege))?(?: for me)? to (?:write|support|recommend)\b`,
			"strength.no_reservation", `\bwithout (?:any )?(?:reservation|reservations|hesitation|qualification)\b|\bno reservations?\b|\bhave no hesitation\b|\bwould not hesitate to (?:recommend|write|support)\b`,
			"strength.advocacy", `\b(?:advocate|vouch|champion|go to bat|put in a (?:good )?word)\b(?: strongly)? for you\b|\b(?:call|email|e-mail|contact|reach out to|talk to|speak (?:to|with)|write to|phone|put in a call to) (?:a couple of |some |a few |any |the |several |two |three |those |a |my |their |each |your )?(?:program |programs' )?(?:directors?|pds|colleagues at|friends at|people i know at)\b|\b(?:program directors?|pds) i know\b`,
			"strength.would_hire", `\b(?:would want you|would love to have you|lucky to have you|want you as (?:a|our|one of our) (?:resident|trainee|colleague)|would rank you|must[- ]interview|would hire you|top of (?:my|our|the) list)\b`,
			"strength.among_the_best", `\b(?:one of|among) (?:the|my|our) (?:(?:very|two or three|two|three|few|handful of|top) )*(?:best|most|strongest|top|finest|brightest|stars?|standouts?|favou?rites?)\b|\b(?:the|easily the|by far the) (?:very )?(?:best|strongest|brightest|finest|most (?:impressive|capable|talented|engaged|dedicated|motivated)) (?:\w+ ){0,2}(?:extern|student|resident|rotator|observer|trainee|intern|fellow|candidate|applicant|researcher|assistant|clerk|volunteer|mentee|img)s?\b`,
			"strength.among_the_best", `\btop (?:\d+|one|two|three|five|ten|few)\s*(?:%|percent|of)\b|\bbest (?:i|we) (?:have )?(?:ever )?(?:had|seen|worked with|hosted|supervised|trained)\b|\bbetter than (?:most|many|some|any|our)\b|\bfaster than (?:most|many|any)\b|\bat the level of (?:a|our) (?:resident|fellow|intern)s?\b|\bahead of (?:your|their) peers\b`,
			"strength.no_doubt", `^no (?:question|doubt)\b|\bnot even a question\b|\bno question about it\b|\bwithout (?:a )?(?:question|doubt)\b|\bno-brainer\b|\bin a heartbeat\b|\bno doubt (?:about it|in my mind)\b`,
			"strength.with_pleasure", `\bwith (?:great |real |enormous |much )?(?:pleasure|enthusiasm)\b|\b(?:enthusiastically|wholeheartedly|unreservedly)\b|\b(?:my|an|a great|an absolute|a real) (?:pleasure|honou?r) to (?:write|support|recommend|do)\b|\b(?:it would|it will|that would) be (?:my|an|a) (?:great |real |absolute )?(?:pleasure|honou?r|privilege)\b|\b(?:be|is) (?:a|my|an) (?:real |great |absolute )?privilege\b|\bgreat pleasure\b|\bfull support\b`,
			"strength.you_deserve_it", `\byou (?:have |really |truly |more than |fully |certainly |absolutely )*(?:earned|deserve|deserved) (?:it|this|that|one|a (?:\w+ )?letter|the best|every (?:word|bit)|nothing less|all the)\b|\b(?:does|do|doing) (?:you|your (?:work|application)) justice\b|\b(?:really |truly )?sells? you\b`,
			// advocacy beyond the letter
			"strength.advocacy", `\b(?:pick up the phone|make (?:a |some |a few )?(?:phone )?calls?|put in a (?:good )?word|call|phone|ring)\b[^.]{0,40}\b(?:for you|on your behalf|if (?:a|any) program|your (?:top |first )?(?:programs?|choices))\b|\bmake sure (?:the |every |all |those |your )?(?:programs?|program directors?|pds|committees?|they|people) (?:know|hear|understand|see|realize)\b`,
			"strength.advocacy", `\b(?:talk|speak|vouch|put in a (?:good )?word|go to bat) (?:to|with|for you (?:with|to)) (?:any|the|your|every|those|all)(?: of your)? (?:programs?|program directors?|pds|interviewers?|committees?)\b`,
			"strength.among_the_best", `\b(?:lots|plenty|a lot|so much|many|nothing but) (?:of )?(?:good|great|positive|nice|wonderful|glowing) things to say\b|\bnothing but (?:praise|good things)\b|\bsing (?:your|the) praises\b|\brave about you\b`,
			"strength.among_the_best", `\b(?:harder|better|more \w+|faster|sharper) than (?:anyone|anybody|everyone|most|any other|all (?:the|of)|the (?:rest|others))\b`,
		), unless: regexp.MustCompile(`^\s*(?:request|writer|form|portal)\b|^ (?:that )?you (?:ask|contact|find|reach|consider|apply|look)\b|^ (?:coordinators?|office|administrators?|secretary|website|portal|requirements?)\b`), veto: regexp.MustCompile(`^(?:call|phone|ring|email|e-mail|contact) (?:me|my)\b`)},

		// Enthusiasm: one clear note tips a yes to strong. Joy at news ("so
		// glad to hear you matched", "delighted for you") is not about the letter.
		{f: fStrong, flags: negatable | negFlips | condOff | noQuestion, re: alt(
			"strength.delighted", `\bdelighted\b|\bthrilled\b|\bhonou?red\b`,
			"strength.delighted", `\bcan not wait to (?:write|get started|start|support|recommend|tell|sing)\b|\b(?:impressed|wowed|won over|blew away) (?:everyone|everybody|all of us|the (?:whole|entire) (?:team|department|group|service))\b`,
			"strength.you_were_outstanding", `\byou (?:were|are|have been|did)(?: (?:an?|such an?|truly|really|just|absolutely|simply))* (?:fantastic|outstanding|exceptional|superb|terrific|brilliant|phenomenal|amazing|stellar|remarkable|excellent|wonderful|incredible|star|standout|superstar|rock ?star|impressive)\b|\byour (?:work|performance|presentations?) (?:was|were) (?:truly |really |simply )?(?:fantastic|outstanding|exceptional|superb|terrific|brilliant|excellent|remarkable|stellar)\b`,
			"strength.gladly", `\b(?:gladly|would love to|love to (?:write|help|support|do|recommend|vouch)|excited|count me in|count on me|you bet|with all my heart|only too (?:happy|glad))\b|\b(?:very|so|really|more than|most|truly|extremely|super|absolutely|especially) (?:happy|glad|pleased|delighted)(?: to(?: (?:write|help|do|support|recommend|be|serve|act|vouch|oblige)\b|\s*[.!,;]|$)|\s*[.!,;]*$)|\bmy pleasure\b|\b(?:hoping|hoped) you would ask\b|\bglad you asked\b`,
		), unless: regexp.MustCompile(`^ (?:to )?(?:hear|see|learn|know|read|find out)\b|^ (?:that )?(?:you(?: are| have| were| matched| got| did)|things)\b|^ for you\b`)},

		// Strength said through a negated weakness ("you won't get a lukewarm
		// letter from me", "not a form one") or a writer's standards ("I don't
		// hand out strong letters lightly"): the negation is the point.
		{f: fStrong, flags: condOff | noQuestion, re: alt(
			"strength.not_a_generic_letter", `\b(?:anything|nothing) (?:but|less than|short of|other than) (?:a |an )?(?:glowing|strong|stellar|excellent|outstanding|enthusiastic|great|ringing|positive|wonderful)\b`,
			"strength.not_a_generic_letter", `\b(?:not|never|no|nothing|hardly)\b(?: (?:be|get|receive|write|you|going|to|a|an|some|any|just|from|me|getting|writing|like))* (?:lukewarm|generic|form|boilerplate|template|templated|standard|half-hearted|halfhearted|tepid|watered-down|vague|weak|so-so|cookie-cutter|run-of-the-mill|perfunctory|token|bland|canned|form-style) (?:letter|one|recommendation|reference|note)\b`,
			"strength.not_a_generic_letter", `\b(?:a|my) (?:real|genuine|heartfelt|thoughtful|meaningful|substantive|proper) (?:letter|one|recommendation)\b`,
			"strength.selective_writer", `\b(?:not|never|rarely|seldom) (?:hand out|give out|give|write|offer|do|sign|agree to write|say yes to) (?:\w+ ){0,2}(?:letters|recommendations|ones|them|requests) (?:lightly|easily|casually|often|to (?:just )?anyone|for (?:just )?anyone|for everyone|to everyone)\b`,
			"strength.no_reservation", `\b(?:not|never) (?:be )?hold(?:ing)? (?:anything )?back\b|^no hesitation\b|\bnot hesitate for a (?:second|moment)\b`,
		), unless: regexp.MustCompile(`^\s*(?:form|forms|request|requests|template|writer|portal)\b`)},

		// Mild enthusiasm and praise of the applicant.
		{f: fPraise, flags: negatable | condOff | noQuestion, re: alt(
			"praise.detailed_letter", `\b(?:letter|one) that (?:really |truly )?(?:reflects|captures|shows|conveys|highlights|describes|does justice)\b|\bhow much you (?:contributed|added|helped|grew|improved|brought)\b|\bin (?:great |real |full )?detail\b|\bat (?:some |great )?length\b`,
			"praise.warm_adverb", `\b(?:absolutely|definitely|happily|proud)\b`,
			"praise.adjectives", `\b(?:excellent|outstanding|exceptional|superb|terrific|fantastic|impressive|impressed|brilliant|remarkable|stellar|phenomenal|wonderful|amazing|talented|gifted|standout|stood out|a star|a joy|sharp|hard[- ]?working|conscientious|thorough|engaged|bright|top-notch|superstar|rock ?star|cleanest|distinguished|exemplary|first-rate|first rate)\b`,
			"praise.pleasure_to_work_with", `\ba pleasure (?:to (?:work|have|teach|supervise)|working|having)\b|\bstrong (?:candidate|applicant|resident|student|trainee|clinician|work ethic|clinical)\b|\bgreat (?:job|work|asset|addition|resident|student|fit|candidate)\b`,
		)},

		// A rhetorical question as the yes ("How could I say no?").
		{f: fAgree, flags: negatable | condOff | notReported, re: alt(
			"agree.yes_phrase", `^(?:(?:and|but|well|oh),? )?(?:how|why) (?:could|would|can|should|on earth would) (?:i|anyone) (?:possibly |ever )?(?:say no|refuse|not|decline|turn (?:you|this) down|hesitate)\b`,
		)},

		// Explicit agreement to write.
		{f: fAgree, flags: negatable | condOff | noQuestion | notReported, re: alt(
			"agree.will_write", `\b(?:i|we|he|she|dr\.? [a-z]+|prof\.? [a-z]+|professor [a-z]+)(?: (?:would|will|shall|can|could|am|is|are|has|have))?(?: (?:certainly|definitely|gladly|happily|absolutely|surely|still|also|indeed|of course|be|very|more than|really|so|most))*(?: (?:able|glad|happy|delighted|honou?red|pleased|willing|thrilled|prepared|agreed|keen|eager) to)? (?:write|provide|prepare|draft|compose|put together|sign|submit|upload|make|give) (?:you |for you |on your behalf )?(?:a |an |the |your |one\b|it\b|letters?|lor|recommendation|reference|something|in support|for you|on your behalf|in favou?r)`,
			"agree.will_do_it", `\b(?:i|we)(?: (?:would|will|shall|can|could))? (?:certainly |definitely |gladly |happily |absolutely |surely |still )?(?:do|handle|manage) (?:it|that|this|so)\b`,
			"agree.happy_to_write", `\b(?:happy|glad|delighted|pleased|willing|honou?red|thrilled|prepared|able|more than happy|excited|eager|keen|proud) to (?:write|provide|prepare|draft|compose|do (?:it|this|that|so)|put together|(?:serve|act) as (?:one of )?your (?:letter )?(?:writers?|referees?|references?|recommenders?)|be (?:one of )?your (?:letter )?(?:writers?|referees?|references?|recommenders?)|support (?:you|your application)|recommend you|vouch for you)\b`,
			"agree.accepts", `\b(?:i accept|i agree|accept) to (?:write|provide)\b|\baccept (?:writing|your request|the request|your invitation)\b|\b(?:agree|agreed) to (?:write|provide|be (?:one of )?your)\b|\bhas agreed to\b`,
			"agree.on_behalf", `\b(?:he|she|dr\.? [a-z]+|prof\.? [a-z]+|professor [a-z]+)(?: (?:would|will|is|has))?(?: (?:be|also))?(?: (?:very|more than|really|so))? (?:happy|glad|delighted|pleased|willing|honou?red) to (?:write|provide|support|give)\b|\b(?:he|she|dr\.? [a-z]+|professor [a-z]+) (?:will|can|would) (?:write|provide|prepare)\b`,
			"agree.will_write", `\b(?:you will|you would|you are going to) (?:get|have|receive) (?:a |my )?(?:\w+ )?(?:letter|one|recommendation) from me\b|\bi will write (?:for you|it|one|you)\b|\bi will write\b`,
			"agree.happy_to_write", `\b(?:my|an|a) (?:great |real |absolute )?(?:pleasure|honou?r|privilege)(?: and an? (?:pleasure|honou?r|privilege))?(?: for me)? to (?:write|support|recommend)\b|\byou will (?:get|have|receive) (?:one|it|that|my letter|a [a-z]+ (?:letter|one))\b`,
			"agree.will_do_it", `\b(?:i|we) (?:will|can|could|would)(?: \w+)? (?:squeeze|fit) (?:you|it|this|one more|your letter) in\b|\bmake (?:room|time|an exception) for you\b`,
			"agree.yes_phrase", `\byou (?:can|may|could) (?:\w+ )?(?:count|rely|depend) on me\b|\bcan not wait to (?:write|get started|start|support|recommend|help)\b`,
			"agree.will_do_it", `\b(?:i )?(?:do not|would not) mind (?:writing|doing|providing|putting together) (?:it|one|a letter|the letter|this|that|you a letter|for you)\b|\bput pen to paper\b`,
			"agree.will_do_it", `\b(?:i|we) (?:will|can|should) (?:have|find|make) (?:the |some )?time to (?:write|do|work on|get to) (?:it|your letter|the letter|one|this|you a letter)\b`,
			"agree.yes_phrase", `\bfor you,? (?:i|we) (?:will|would|can|shall)\b|\b(?:i|we) (?:will|would|can|shall),? (?:gladly|happily|certainly|absolutely|of course|with pleasure)\s*[.!]*$`,
			"agree.accepts", `^(?:and )?(?:i|we) (?:\w+ly )?(?:agree|accept)\s*[.!]*$|\b(?:i|we) (?:will|would|shall|am going to) (?:put|give|lend|throw) (?:my|our) (?:full |complete |whole |strong |enthusiastic |wholehearted |unreserved )?(?:support|backing|weight|name) behind (?:you|your)\b`,
			"agree.in_another_language", `\b(?:con (?:mucho )?gusto|com (?:muito )?prazer|claro que s[ií]m?|s[ií]m?,? claro|avec plaisir|bien s[uû]r|mit vergn[uü]gen|gerne|puedo escribir|posso escrever|je peux (?:écrire|t'écrire|vous écrire)|(?:s[ií] )?te puedo ayudar|(?:s[ií],? )?(?:te|le) puedo escribir)|^claro,`,
			"agree.yes_phrase", `^(?:(?:yes|ok|okay|sure|certainly|most certainly|of course)[,.!]? )?(?:i|we) (?:will|shall) (?:give|write|do|oblige|do so|do it)(?: it| so| one| that)?\s*[.!]*$|^(?:(?:yes|ok|okay|sure|certainly)[,.!]? )?(?:[a-z]+[,.!]? )?will (?:write|do|give|provide)\b|^(?:most )?certainly,? (?:i|we) (?:will|shall|can)\b`,
			"agree.yes_phrase", `\b(?:an|a) (?:easy|quick|immediate|emphatic|definite|resounding|wholehearted) yes\b|\b(?:easy|simple) (?:decision|call)\b`,
			"agree.yes_phrase", `\bcount me in\b|\bconsider it done\b|\bleave it with me\b|\b(?:the answer is|my answer is|so|of course|absolutely) yes\b|\byes,? (?:i (?:can|will|would)|of course|absolutely|definitely|happily|gladly)\b`,
		), unless: regexp.MustCompile(`^ (?:letters? )?for (?:several|many|other|too many|a number of|\d+|all (?:my|the)|others)\b`)},

		// A bare yes, meaningful only in a thread about a letter.
		{f: fAgreeWeak, flags: negatable | condOff | notReported, re: alt(
			"bare_yes.yes_word", `^(?:[a-z]+,? )?(?:yes|yep|yeah|sure|sure thing|of course|absolutely|certainly|definitely|ok|okay|alright|all right|fine|very well|can do|happy to|glad to|delighted to|honou?red to|pleased to|thrilled to|gladly|no problem|will do|with pleasure|by all means|no worries|done deal)\b\s*(?:[,!.:;-]|$|and|i|happy|glad|send|please|let)`,
			"bare_yes.happy_to_help", `\b(?:happy|glad|more than happy|delighted|willing|pleased) to (?:help|oblige|assist|do so|support you)\b|\bof course\b`,
			// a sentence that is only a yes: "I'd be delighted." "It would be an honour." "Without hesitation."
			"bare_yes.would_be_happy", `^(?:(?:i would|i will|i) be|i am) (?:very |so |really |more than |most |absolutely |truly |only too )?(?:happy|glad|delighted|honou?red|pleased|thrilled)(?: to(?: (?:help|do (?:it|so|that|this)|oblige|assist))?)?\s*[.!,]*$`,
			"bare_yes.would_be_happy", `^(?:it|that) would be (?:an?|my) (?:great |real |absolute |true )?(?:honou?r|pleasure|privilege)\s*[.!,]*$`,
			"bare_yes.would_be_happy", `^(?:(?:i|i would|i will) be|i am) (?:very |so |really )?(?:happy|glad|pleased|willing|honou?red|delighted)(?: to)?\s*(?:[,;]|\s-|but\b|though\b|although\b)`,
			"bare_yes.yes_word", `^(?:i guess |i suppose |i think |well,? )?(?:that is|that would be|that should be|should be|it is|that sounds) (?:fine|ok|okay|alright|all right|doable)\s*[.!]*$|^(?:just )?let me know what you need(?: from me)?\s*[.!]*$`,
			"bare_yes.emphatic_yes", `^(?:(?:yes|absolutely|definitely|of course|no question|no doubt|without (?:a )?doubt|sure|great|wonderful)[,.!]*(?: -)? )*(?:i am in|i would love to|i would love that|count me in|(?:you can )?count on me|you bet|without (?:a )?doubt|no question|no doubt|absolutely|definitely|you got it|for sure|sure thing|gladly|happily|with (?:great )?pleasure|without (?:any )?hesitation|no hesitation(?: at all)?|in a heartbeat|i suppose so|i guess so|why not|yes,? (?:yes,? )*yes)\s*[.!,]*$`,
		)},

		// A promise to deliver the letter.
		{f: fDeliver, flags: negatable | condOff | noQuestion | notReported, re: alt(
			"deliver.get_it_done", `\b(?:i will|i can|i would|we will|i shall|will) (?:get|have) (?:it|this|the letter|that|your letter|my letter|one) (?:done|in|uploaded|submitted|written|finished|out|ready)\b`,
			"deliver.get_it_done", `\btake care of (?:it|this|the letter)\b|\bget (?:it|this|the letter) done\b|\bget to (?:it|work on it)\b|\b(?:add|put) (?:you|your letter|it) (?:to|on|in) (?:my|his|her|the) (?:queue|list|calendar|schedule)\b`,
			"deliver.will_upload", `\b(?:i|we) will (?:upload|submit|send|write) (?:it|the letter|your letter|my letter)\b|\bwill (?:upload|submit) (?:the letter|it|your letter|my letter)\b|\b(?:i|we) will (?:get started|start on it|work on it|start writing|begin)\b|\bi will take it from there\b`,
		)},
	}
}
