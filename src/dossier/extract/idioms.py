"""Fixed phrases that state a likelihood: "a long shot", "on a knife edge", "on track",
"theirs to lose", "the smart money is on".

Idioms carry no cue word a parse can find ("long" and "shot" judge nothing
alone), so they are matched as phrases over the sentence's text, written by hand
because no library lists the English of forecasting.  The phrases are general
English idioms, not any story's words.  A negation just before the phrase turns
it round ("not on track", "far from a done deal").
"""

from __future__ import annotations

import re

# (pattern, stance): the stance the phrase states about the event it is said of.  "certain" is
# "likely" whose negation leaves the event open: "far from a done deal" is possible, not unlikely.
IDIOMS: list[tuple[re.Pattern, str]] = [(re.compile(p, re.I), s) for p, s in [
    (r"\blong[- ]shot\b", "unlikely"),
    (r"\b(?:pipe[- ]?dream|wishful thinking|pie in the sky|fat chance)\b", "unlikely"),
    (r"\bfantasy\b(?! (?:football|league|novel|film|series|world|game|sports?)\b)", "unlikely"),
    (r"\bout of reach\b", "unlikely"),
    (r"\bnot (?:be )?hold(?:ing)? (?:my|our|his|her|their|your) breath\b", "unlikely"),
    (r"\b(?:an? )?uphill (?:battle|struggle|task|climb)\b", "unlikely"),
    (r"\b\w+['’]s to lose\b|\b(?:theirs|ours|yours|his|hers|its) to lose\b", "likely"),
    (r"\b(?:smart|clever|my|our) money(?:['’]s| is| was| would be| will be| remains| stays)? (?:still |firmly |now )?"
     r"on\b(?! (?:its|the|their|his|her) way\b)", "likely"),
    (r"\bnot (?:yet )?(?:assured|guaranteed)\b", "possible"),
    (r"\bbase case\b", "likely"),
    (r"\bon (?:track|course|schedule)\b", "likely"),
    (r"\bwithin (?:reach|touching distance|sight)\b", "likely"),
    (r"\bwithin striking distance\b", "possible"),  # close enough to try, not there yet
    (r"\b(?:a )?(?:foregone conclusion|done deal|sure thing|safe bet|formality)\b|\bin the bag\b", "certain"),
    (r"\b(?:need|needs|needed|take|takes|playing for|hoping for|require|requires) (?:a )?miracle\b", "unlikely"),
    (r"\bodds (?:are|were|look|remain) (?:\w+ )?(?:stacked )?against\b", "unlikely"),
    # a bookmaker's words: "odds-on", "seven to four on" (the stake is the larger number), "odds against"
    (r"\bodds[- ]on\b(?! (?:the|a|an|that|whether)\b)|\b(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten|eleven)"
     r" to (?:\d+|one|two|three|four|five|six|seven|eight|nine|ten) on\b(?=\s*(?:[.,!;?”\"’]|$))", "likely"),
    (r"\b(?:it|that|this|them|him|her)\s+odds[- ]against\b|\bodds[- ]against\b(?=\s*(?:now\b|[.,!;?”\"’]|$))", "unlikely"),
    # staking what one holds dear: "I'd put my pension on it", "would put the house on an April opening"
    (r"\bput (?:my|our|his|her|their|the) (?:\w+ )?(?:money|house|shirt|pension|savings|mortgage|life|farm) on\b"
     r"(?! (?:the market|shares|stocks|hold|ice|the line)\b)", "certain"),  # "wouldn't put my house on": not sure
    (r"\bhalf and half\b(?=\s*(?:[.,!;?”\"’]|$))", "possible"),
    (r"\bodds (?:are|were|look|remain) (?:\w+ )?in (?:\w+ )?favou?r\b", "likely"),
    (r"\b(?:votes|numbers) (?:are|is|were) (?:\w+ )?there\b", "likely"),
    (r"\bfar from (?:certain|assured|guaranteed|clear|sure|settled|over|decided)\b", "possible"),
    (r"\banyone['’]s guess\b|\bnobody knows\b|\bno one knows\b|(?:^|[.“\"‘,]\s*)who knows\b", "possible"),
    (r"\b(?:history|time|the numbers|the arithmetic|the maths|the math|momentum) (?:is|are|was|were) "
     r"on (?:\w+['’]s|their|his|her|its|our|your) side\b", "likely"),
    (r"\b(?:history|time|the numbers|the arithmetic|the maths|the math|momentum) (?:is|are|was|were) not "
     r"on (?:\w+['’]s|their|his|her|its|our|your) side\b", "unlikely"),
    (r"\bI['’]ll believe (?:it|that) when I see it\b", "unlikely"),
    # "The title? I don't see it.", "A champion? I'd be amazed." (no "if": the question before is the event)
    # (the clause ends there: not "I don't see it from here", "I'd be amazed by the show")
    (r"\b(?:I|we) (?:just |really |honestly )?(?:don['’]t|do not|can['’]t|cannot) see it(?: happening)?"
     r"(?=\s*(?:[.,!;?”\"’]|$))", "unlikely"),
    (r"\b(?:I|we)(?:['’]d| would) be (?:very |quite |frankly )?(?:amazed|astonished|stunned|staggered|shocked)"
     r"(?=\s*(?:[.!;?”\"’]|,\s*[”\"’]|$))", "unlikely"),
    (r"\b(?:I|we)['’]d be lying if (?:I|we) said (?:I|we) (?:expected|thought|believed|saw)\b", "unlikely"),
    (r"\boff the table\b", "unlikely"),
    (r"\b(?:poised|on course|headed|heading) (?:to|for|towards?)\b", "likely"),
    (r"\b(?:only )?a matter of time\b", "likely"),
    (r"\b(?:hard|difficult) to see (?:how|why|it|them|him|her|this|that|the|a)\b", "unlikely"),
    (r"\bwould (?:be )?(?:a )?surprise\b|\bwould surprise (?:me|us|many|everyone)\b", "unlikely"),
    (r"\bremains? to be seen\b|\bin doubt\b|\btouch and go\b|\bwide open\b|\btoss-up\b", "possible"),
    (r"\bno guarantee\b", "possible"),
    (r"\bknife[- ]edge\b|\b(?:hangs?|hanging|hung|is|are|was|still|now|genuinely|very much) in the balance\b"
     r"(?!\s+(?:sheets?|of\b))|\bup in the air\b|\bopen question\b", "possible"),
    (r"\b(?:I|we)(?:['’]d| would| still| do)? back (?:us|them|him|her|(?-i:[A-Z]\w+)) to (?!the\b)", "likely"),
    (r"\bcould go either way\b|\bcan go either way\b", "possible"),
    (r"\bphoto[- ]finish\b|\bneck and neck\b|\bdead heat\b", "possible"),
    (r"\b(?:a )?shoo-?in\b|\bnailed[- ]on\b|\b(?:a )?dead cert(?:ainty)?\b|\b(?:a )?racing certainty\b|\bsewn up\b",
     "certain"),
    (r"\b(?:on|in) the cards\b", "likely"),
    (r"\bslim[- ]to[- ]none\b|\bsnowball['’]s chance\b|\bwhen pigs fly\b|\bpigs might fly\b|\bdead in the water\b|"
     r"\b(?:a )?non-?starter\b|\b(?:has|have|had)n['’]t (?:got )?a prayer\b", "unlikely"),
    # "I'd call it open", "call it a coin toss" (not "I'd call it a day", "call it open season")
    (r"\bcall (?:it|this|that|the (?:race|match|vote|contest)) (?:wide )?(?:open|even|a toss-?up|a coin[- ]?(?:toss|flip))"
     r"(?=\s*(?:[.,!;?”\"’]|$))", "possible"),
]]
_FAILURE = re.compile(r"\s+(?:a |an |the )?(?:miss|failure|defeat|flop|collapse|rejection|no\b|loss|delay)", re.I)
_NEGATION = re.compile(r"(?:\bnot|n['’]t|\bno longer|\bfar from|\bhardly|\banything but|\bnever)\s+(?:\w+\s+){0,2}$", re.I)


def idiom_in(text: str) -> tuple[int, str, str] | None:
    """(offset, stance, how) of the first likelihood idiom in ``text``, negation applied."""
    hits = [(m.start(), stance, m.group(0), m.end()) for rx, stance in IDIOMS for m in rx.finditer(text)]
    if not hits:
        return None
    at, stance, said, end = min(hits)
    how = f"idiom “{said}”"
    if said.lower().endswith(" on") and _FAILURE.match(text[end:]):
        return at, "unlikely", f"{how} a failure"  # "my money would be on a miss"
    neg = _NEGATION.search(text[max(0, at - 30):at])
    if neg and stance != "possible":
        turned = {"likely": "unlikely", "certain": "possible", "unlikely": "possible"}[stance]
        return at, turned, f"{how} negated by “{neg.group(0).strip()}”"
    return at, "likely" if stance == "certain" else stance, how
