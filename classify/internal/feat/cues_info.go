package feat

// infoCues detect deferrals, requests and acknowledgements.
func infoCues() []cue {
	return []cue{
		// Deferral: no commitment yet.
		{f: fNonCommit, flags: negatable, re: alt(
			"defer.before_committing", `\bbefore (?:making|giving|committing to) (?:a|my|any|an) (?:decision|answer|commitment)\b|\bneed to (?:know|hear|understand|learn) (?:a (?:bit|little|few things) |some(?:thing)? |a lot |a little )?more\b`,
			"defer.before_committing", `\bbefore (?:agreeing|committing|deciding|saying yes|accepting|answering|replying|responding|taking (?:this|it) on)\b|\b(?:need|want|would like|have) (?:you to|to see|to have|to know|to get|to review|to read|to look at)\b[^.]{0,80}\b(?:first|beforehand|before (?:i|we) (?:can |could )?(?:start|begin|write|agree|decide))\b`,
			"defer.before_committing", `\bbefore (?:i|we|he|she|dr\.? [a-z]+|prof\.? [a-z]+|professor [a-z]+) (?:can |could |would )?(?:commit|decides?|agrees?|say yes|give you (?:an|my) answer|answer|respond|(?:make|take) (?:a|my|any|the) decision|confirm|promise|say yes or no|consider|proceed|go (?:any )?further)\b`,
			"defer.will_think", `\b(?:i will|i would|let me|i need to|i want to|i would like to|i have to|i must|i will have to|i should|i will need to|he would like to|she would like to|he needs to|she needs to|he will|she will)(?: first)? (?:decide|think (?:about it|it over|about this|about your request)|consider (?:it|this|your request)|get back to you|check (?:my|the|with)|look (?:into|over) (?:it|this|my)|sleep on it|mull it over|review (?:your|the) (?:materials|cv|application|documents|request))\b`,
			"defer.will_think", `\bdecide (?:after|once|when)\b|\bthen (?:i will |i shall |we will |he will |she will )?decide\b|\b(?:take|make) (?:a|the|my) decision\b|\bmake (?:a|my) decision\b|\bafter we (?:talk|meet|speak|chat)\b|\bonce we have (?:talked|met|spoken)\b`,
			"defer.will_think", `\b(?:happy|willing|glad|open) to consider\b|\b(?:will|shall) (?:certainly |gladly |happily )?consider\b|\bi am considering\b|\blet me think\b`,
			"defer.will_think", `\bthen (?:i will|i shall|i can|we will|he will|she will) (?:let you know|decide|answer|reply|respond|get back to you|confirm)\b|\bpara (?:eu )?pensar\b|\bdéjame pensarlo\b|\bantes de (?:decidir|responder|aceptar|aceitar)|\blaisse-moi réfléchir`,
			"defer.let_you_know_whether", `\b(?:let you know|inform you|tell you|get back to you)[^.]{0,40}\bwhether\b|\bwhether (?:or not )?(?:i|he|she|prof\.? [a-z]+|dr\.? [a-z]+|professor [a-z]+|we) (?:am|is|are|will|can|could|would|should)(?: be)?(?: able| willing| the right)?\b`,
			"defer.before_committing", `\bonly after (?:review|reviewing|receiving|i have|we have|a (?:formal )?review)\b|\bissued only after\b`,
			"defer.needs_more_info", `\bneed (?:some|more|a bit more|a little more|additional) (?:information|details|info|context)\b|\bwant to be sure (?:i|that i) can\b|\bwould want to be sure\b|\bmake sure (?:i|that i) can (?:write|do)\b`,
			"defer.let_you_know_whether", `\b(?:respond|reply|get back) to (?:you|your request)(?: [a-z]+){0,3} (?:within|after|once|when|in (?:a|two|three|\d+))\b`,
			"defer.needs_more_info", `\b(?:a couple of|a few|some) questions (?:first|before)\b|\btake a look and let you know\b|\blet you know (?:after|once|if i)\b`,
		)},

		// Requests for materials, a meeting or a deadline.
		{f: fRequest, re: alt(
			"request.materials", `\b(?:send|forward|share|e-?mail|provide|attach|give|bring|drop off|fill (?:in|out)|complete|submit|remind me)\b[^.?!]{0,60}\b(?:cv|c\.v\.|curriculum vitae|resume|personal statement|ps|statement|transcripts?|form|forms|questionnaire|list|summary|case list|cases|draft|documents?|documentation|materials?|information|details|highlights|bullet points|bullets|reminder|eras|letter request|abstracts?|publications?|portfolio|evaluations?|what you did)\b`,
			"request.materials", `\b(?:me (?:mande|manda|envíe|envie|mandas)|mándame|envíame|mande-me|envoyez-moi|envoie-moi|schicken sie mir)`,
			"request.meeting", `\b(?:could we|can we|let us|shall we|we should|i would like to|i would love to|i want to|i need to|please|are you (?:free|available))\b[^.?!]{0,40}\b(?:meet|set up (?:a |some )?(?:call|meeting|time|zoom|chat)|schedule (?:a |some )?(?:call|meeting|time|zoom)|zoom|have a (?:call|chat|conversation)|talk|chat|sit down|catch up|video call|discuss)\b`,
			"request.meeting", `\b(?:call|phone|ring) (?:me|my office|my secretary)\b|\b(?:will|can|shall|we) discuss\b|\bdiscuss (?:it|this|your request)\b|\bschedule (?:a|an) (?:\d+[- ]minute |short |brief |quick )?(?:meeting|call|zoom|chat|appointment)\b|\bstop by (?:my|the) office\b|\bcome (?:by|see me|to my office)\b`,
			"request.deadline", `\b(?:what|when) is (?:the|your) deadline\b|\bdeadline\?|\bwhen (?:is|are) (?:it|the letters?|they|this) (?:due|needed)\b|\bby when\b|\bwhat is the (?:due date|timeline|timeframe)\b|\bhow soon do you need\b|\bremind me\b|\blet me know (?:the|your) (?:deadline|timeline|due date)\b|\b(?:revert|reply|get back|tell me|inform me|let me know)\b[^.?!]{0,30}\b(?:deadline|due date|last date|timeline)\b`,
		)},

		// A reply that only routes the request: the wrong person, or an
		// assistant passing it on.
		{f: fAside, flags: negatable, re: alt(
			"aside.routes_request", `\bwrong (?:dr|doctor|person|address|e-?mail|professor|recipient|contact)\b|\b(?:do not|did not) (?:believe|think) (?:that )?we (?:have )?(?:ever )?met\b|\byou (?:may|might|must) (?:be looking|have meant|mean)\b|\bnot the (?:dr\.? [a-z]+ |doctor |person |professor )you\b`,
			"aside.routes_request", `\b(?:pass|forward|give|hand|show|bring) (?:it|this|your (?:message|e-?mail|request|letter|mail))(?: on)? to (?:him|her|them|professor|prof|dr|the professor|the doctor|the chair)\b|\b(?:will|shall) (?:pass|forward) (?:it|this|your (?:message|e-?mail|request))(?: on)?\b|\bon (?:his|her) return\b|\bwhen (?:he|she) (?:returns|is back|comes back)\b`,
		)},

		// Receipt of materials, thanks.
		{f: fAck, re: alt(
			"ack.received", `\b(?:got|received) (?:them|it|your|the|everything|all)\b|\bthanks? (?:you )?for (?:sending|the (?:cv|materials|form|documents|reminder|update|note|info|information|packet|summary))\b|\bhave (?:what|everything) i need\b`,
		)},
	}
}
