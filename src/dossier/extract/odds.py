"""Probabilities stated as numbers: "a 40 percent probability", "a two-in-three chance",
"9/2 outsiders", odds of 2.10, "fifty-fifty", "better than even".

When a source puts a number on the chance, the number decides the stance, whatever
the words around it.  Regular expressions over the sentence, written by hand because
no library reads odds out of news prose; the cut-offs (55% and more likely, under 35%
unlikely) are ``band``'s.
"""

from __future__ import annotations

import re

from wordfreq import zipf_frequency

STATED = "a stated probability"  # how such a judgement says it was read
_PERCENT = r"(\d{1,3}(?:\.\d+)?)\s?(?:%|per ?cent\b|percent\b)"
_STATED = [  # (pattern, what its number is out of): the number decides, whatever the words around it
    # "a 40 percent chance", "a 20 percent injunction risk" (not "20 percent of voters risk ...", nor
    # a relative risk: "a 40 percent higher risk")
    (re.compile(_PERCENT + r"\s+(?:(?!of\b|the\b|higher\b|lower\b|greater\b|increased\b|reduced\b|more\b|less\b|"
                r"better\b|worse\b|bigger\b|smaller\b|extra\b|additional\b|added\b)[a-z-]+\s+){0,2}?"
                r"(?:chance|probability|likelihood|odds|risk)\b", re.I), 100),
    # a probability written as a decimal: "a 0.93 chance", "puts the probability ... at 0.42",
    # "raised the chance of X to 0.61", "the probability is 0.6" (not "a probability of a cut of 0.25
    # percentage points")
    (re.compile(r"(?<![\d.])(0?\.\d{1,3})\s+(?:chance|probability|likelihood)\b", re.I), 1),
    (re.compile(r"\b(?:chance|chances|probability|likelihood)\b(?:[^.;%]{0,60}?\b(?:at|to)|\s+(?:of|is|was))\s+"
                r"(0?\.\d{1,3})(?![\d%]|\s*(?:per\b|percent|percentage|points?\b|basis|bps\b))", re.I), 1),
    # a forecaster's median or tracker as a decimal: "its median for X is now 0.38", "the tracker
    # has dropped to 0.22" (a share of one, nothing after it)
    (_MEDIAN := re.compile(r"\b(?:median\s+for|tracker)\b(?:[^.;%]|\.(?=\s\d)){0,60}?\b(?:is|was|at|to|stands at)\s+"
                           r"(?:now\s+)?(0?\.\d{1,3})(?![\d%]|\s*[a-zA-Z%])", re.I), 1),
    (_CHANCE_AT := re.compile(r"\b(?:chance|chances|probability|likelihood|odds)\b[^.;%,]{0,60}?\b(?:of|at|to)\s+"
                              r"(?:about\s+|around\s+|roughly\s+|some\s+)?(?:(?:somewhere\s+)?between\s+\d{1,3}"
                              r"(?:%|\s?per ?cent|\s?percent)?\s+and\s+)?" + _PERCENT, re.I), 100),
    # "a 30-per-cent thing"
    (re.compile(r"\ban?\s+(\d{1,3})(?:[- ]?%|[- ]per[- ]?cent|[- ]percent)[- ]thing\b", re.I), 100),
]
_CHANCE_NOUNS = {"chance", "chances", "probability", "likelihood", "odds"}
# what a median or a tracker measures when it is not a chance
_MEASURED = re.compile(r"\b(?:rate|rates|fee|fees|fund|mortgage|index|inflation|price|prices|average|ratio|rating|cost|"
                       r"yield|growth|age|gain|correlation|coefficient|score)\b", re.I)
# a number put on "it" just before "one in three" ("call it", "I'd give it"), or an outlook cut to it
_PUT_IN = re.compile(r"(?:\b(?:call it|put it at|make it|give it|I['’]d say|I would say)|\boutlook\b[^.;]{0,60}\b"
                     r"(?:to|at|is|of))\s+(?:about\s+|maybe\s+|roughly\s+|now\s+)?$", re.I)
# An ensemble's share: "23 of its 51 members take the gauge above the record".
_SHARE = re.compile(r"\b(\d{1,3}) (?:of|out of) (?:its |the |their )?(\d{1,3}) (?:ensemble )?(?P<what>members|models|"
                    r"model runs|runs|scenarios|simulations|forecasts)\b", re.I)
# "call it 85 per cent", "I'd make it 30% at best": a number put on "it" (not "puts it at 3.2 per
# cent", which is as often a forecast of growth as a chance).
_PUT = re.compile(r"\b(?i:call|make|reckon)s?\s+(?i:it|that|this|them|the (?:odds|chances?)|[A-Z]\w+)\s+"
                  r"(?i:at\s+)?(?i:about\s+|around\s+|roughly\s+|maybe\s+|perhaps\s+)?(?:a\s+)?" + _PERCENT)
# A forecaster's model giving a contestant a share: "the model now has Lagoa at 47%" (a name, and a
# model or forecast in the sentence: "has inflation at 3%" is a forecast of inflation, not a chance).
_HAS_AT = re.compile(r"\b(?:has|have|had|puts?|gives?|rates?)\s+(?:[A-Z][\w’'\-]*\s+){1,3}at\s+(?:about\s+|around\s+)?"
                     + _PERCENT + r"(?!\s+[a-z](?<!a)(?<!o)[a-z]*)")  # not "at 30% humidity" (a noun after it)
_SHARES = re.compile(r"\b(?:poll|polls|polling|survey|MRP|share|vote|votes|humidity|inflation|rate|rates|turnout|"
                     r"growth|unemployment|market|respondents|members|split|divided)\b", re.I)
_FORECASTER = re.compile(r"\b(?:model|models|forecast|forecasts|forecaster|projection|simulation|simulations|"
                         r"prediction market|bookmakers?|bookies)\b", re.I)
# Decimal (European) odds: "cut Lagoa's odds to 2.10", "odds of 1.85": one in 2.10.
_DECIMAL_ODDS = re.compile(r"(?<!against )(?<!against all )(?<!defying )(?<!defying the )(?<!at )\bodds\b(?! ratio)"
                           r"(?:\s+[\w’'.]+){0,4}?\s+(?:to|of|at)\s+(\d{1,2}\.\d{1,2})\b"
                           r"(?!\s*(?:%|per\b|percent|am\b|pm\b|a\.m|p\.m|points?|times|dollars?|euros?|pounds?|"
                           r"[€$£]))", re.I)
# "call it 55-45", "60/40 that it gets through": two shares of a hundred, the first for the event.
_SPLIT = re.compile(r"\b(\d{2})\s?[-–/]\s?(\d{2})\b")
_SPLIT_CONTEXT = re.compile(r"\b(?:call it|put it at|make it|i'd say|chance|odds|bet|shot)\b", re.I)
_NUM = r"one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2}"
# "a two-in-three chance", "seven chances in ten", "one in four".
_IN = re.compile(rf"\b({_NUM})(?:[- ]in[- ]| chances? in | out of )({_NUM})\b", re.I)
# Odds in words: "four to one, in favour", "three to one against", "odds-on".
_TO = re.compile(rf"\b({_NUM})(?:[- ]to[- ]|\s?[-–]\s?)({_NUM}),?\s+(on|in (?:their |its |his |her )?favou?r|against)\b", re.I)
# "62 per cent that it's approved": a share put on a clause about the outcome
_PERCENT_THAT = re.compile(_PERCENT + r",?\s+that\s+(?:it|it['’]s|they|he|she|we|the|this)\b", re.I)
# American (moneyline) odds: "has the challenger at +125" (100 in 225), "at -150" (150 in 250)
_MONEYLINE = re.compile(r"(?:\bat|\bodds of|\bline of|\bprice of|\()\s*([+\-−])(\d{3,4})\b(?![.,]\d)")
# "a little over a quarter of a chance", "a third of a chance"
_PART_CHANCE = re.compile(r"\b(?P<q>a (?:little|bit|touch) (?:over|under|more than|less than) |about |roughly |nearly |"
                          r"barely |just over |just under )?(?P<part>a quarter|a third|a fifth|a tenth|two thirds|"
                          r"three quarters)['’]?\s+of\s+a\s+chance\b", re.I)
_PARTS = {"a quarter": 0.25, "a third": 1 / 3, "a fifth": 0.2, "a tenth": 0.1, "two thirds": 2 / 3, "three quarters": 0.75}
# A forecaster's number beside a contestant's name: "the model has moved again: Berglund 38 per cent"
_NAME_NUMBER = r"[A-Z][\w’'\-]+[:,]?\s+(?:on\s+)?(\d{1,2}(?:\.\d)?)\s?(?:%|per ?cent\b|percent\b)"
_NAME_PERCENT = re.compile(rf"(?<![\w’']){_NAME_NUMBER}(?!\s+(?:of|[a-z]{{3,}}))")
_VOTE = re.compile(r"\bvot(?:e|ed|es|ing)\b|\bballot|\bmajority\b|\bscore|\bwon\b|\bbeat\b", re.I)
_HALF = re.compile(r"\bhalf a chance\b|\bodds-on\b|\bodds on\b(?!\s+(?:a|an|the|his|her|their|its)\b)", re.I)
_FRACTION_ODDS = re.compile(r"(?<![\d/])(\d{1,3})/(\d{1,2})(?![\d/])")
# a price on an outcome is a price with or without a word of betting: "make Dunmore 8/13 to stay up"
_PRICED = re.compile(r"^\s+(?:to|for)\s+(?:win|stay|go|be|beat|avoid|survive|lift|take|finish|get|pass|reach|top|"
                     r"make|keep|retain|claim|clinch|hold)\b", re.I)
_PRICE_FRAME = re.compile(r"\b(?:make|makes|made|have|has|had|are|is|at|priced?|quotes?|quoted)\s+"
                          r"(?:(?:them|him|her|it|[A-Z][\w’'\-]*)\s+){0,3}$")
# "simulations keep Dunmore up 61 percent of the time": a forecaster's share of outcomes, in the
# present (not a record: "the forecast was right only 61 percent of the time")
_OF_THE_TIME = re.compile(_PERCENT + r"\s+of\s+the\s+time\b", re.I)
_KEEPS = re.compile(r"\b(?:keep|keeps|have|has|give|gives|put|puts|show|shows|see|sees)\b[^.;]*$", re.I)
_BETTING = re.compile(r"\b(?:odds|outsiders?|favourites?|favorites?|bookmakers?|bookies|betting|bet|price[ds]?|"
                      r"sportsbooks?|moneyline|wager(?:s|ing)?)\b", re.I)
_EVEN = re.compile(r"\b(?P<better>better than |no better than )?(?:fifty-fifty|50-50|coin[- ]?(?:flip|toss)|evens|even money|"
                   r"as likely as not|even)\b(?! if| though| as| more| less| further| before| after| when)", re.I)
# "a fair bit better than half": better than even, said of a chance (not "better than half of them")
_BETTER_HALF = re.compile(r"\b(?:(?:a (?:fair |good |little )?bit|slightly|well|comfortably) )?better than half\b"
                          r"(?! of| the| a\b| an\b| its| their| his| her| our| my| your)", re.I)
_MARKET = re.compile(r"\b(?:shares?|stocks?|closed|rose|fell|gained|lost|index|earnings|growth|GDP|inflation)\b", re.I)
_NUMBER_WORDS = {"one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9,
                 "ten": 10}


def _number(word: str) -> int:
    return int(word) if word.isdigit() else _NUMBER_WORDS[word.lower()]


def band(p: float, text: str) -> tuple[str, list[str]]:
    """The stance a probability states, and how it was read."""
    stance = "likely" if p >= 0.55 else "unlikely" if p < 0.35 else "possible"
    return stance, [f"{STATED} (“{text}”, {p:.0%})"]


def _put_on_the_chance(sent, at: int) -> bool:
    """Is the number at ``at`` the chance's own ("puts the probability of X at 17 per cent", "the
    odds of a cut rose to 40%", "nudged its chances up to 29%")?  Going up from the number, the
    chance noun comes before any verb, or the first verb has it as subject or object (not "the odds
    of a cut rose after inflation fell to 2.1 per cent": "fell" is inflation's)."""
    tok = next((t for t in sent if t.idx >= at), None)
    for _ in range(12):
        if tok is None or tok.head.i == tok.i:
            return False
        tok = tok.head
        if tok.lower_ in _CHANCE_NOUNS:
            return True
        if tok.pos_ in ("VERB", "AUX"):
            return any(c.dep_ in ("nsubj", "nsubjpass", "dobj") and (c.lower_ in _CHANCE_NOUNS or any(
                g.lower_ in _CHANCE_NOUNS for g in c.children if g.dep_ == "conj")) for c in tok.children)
    return False


def stated_odds(sent) -> tuple[object, str, list[str]] | None:
    """(token, stance, how) when the sentence puts a number on the chance: "a 40 percent probability",
    "a two-in-three chance", "9/2 outsiders", "fifty-fifty", "better than even"."""
    text, base = sent.text, sent.start_char
    hits = []
    for rx, whole in _STATED:
        for m in rx.finditer(text):
            if rx is _CHANCE_AT and not _put_on_the_chance(sent, base + m.start(1)):
                continue  # "The odds of a cut rose after inflation fell to 2.1 per cent": inflation's number
            if rx is _MEDIAN and _MEASURED.search(text):
                continue  # "the tracker mortgage rate has dropped to 0.75": a rate, not a chance
            hits.append((m.start(), float(m.group(1)) / whole, m.group(0)))
    for m in _SHARE.finditer(text):
        if m.group("what").lower() == "members" and "ensemble" not in text.lower():
            continue  # "12 of the 40 members attended" is a head count; an ensemble's members are runs
        a, b = int(m.group(1)), int(m.group(2))
        if 0 < a <= b:
            hits.append((m.start(), a / b, m.group(0)))
    for m in _PUT.finditer(text):
        hits.append((m.start(), float(m.group(1)) / 100, m.group(0)))
    for m in _PERCENT_THAT.finditer(text):
        lead = text[max(0, m.start() - 25):m.start()]
        if re.search(r"(?:\b(?:say|said|call it|put it at|make it|guess|reckon|number|figure|chance|odds|maybe|"
                     r"perhaps|about|roughly)[,:]?|[,:;—–(])\s*$", lead, re.I) and not re.search(
                r"\b(?:the|remaining|of|by|to|only|just|its|their)\s+$", lead, re.I):
            hits.append((m.start(), float(m.group(1)) / 100, m.group(0)))  # (not "rose by 6 per cent that year")
    for m in _MONEYLINE.finditer(text) if _BETTING.search(text) else ():  # not "(+234)", "+135 basis points"
        n = int(m.group(2))
        if n >= 100 and not re.match(r"\s*(?:basis|points?|bps|seats?|donors?|votes?)\b", text[m.end():], re.I):
            hits.append((m.start(), 100 / (n + 100) if m.group(1) == "+" else n / (n + 100), m.group(0).strip("( ")))
    for m in _PART_CHANCE.finditer(text):
        part = _PARTS[m.group("part").lower()]
        q = (m.group("q") or "").lower()
        part += 0.02 if re.search(r"over|more", q) else -0.02 if re.search(r"under|less|barely", q) else 0
        hits.append((m.start(), part, m.group(0)))
    lead = sent.doc.text[max(0, base - 100):base].split("\n\n")[-1]  # "The model has moved again: | X 44 per cent"
    # (the model may be named just before, after a colon: "The model has moved again: ...")
    if (_FORECASTER.search(text) or (lead.rstrip().endswith(":") and _FORECASTER.search(lead))) \
            and not _SHARES.search(lead + text):
        for m in _HAS_AT.finditer(text):
            hits.append((m.start(), float(m.group(1)) / 100, m.group(0)))
    named = list(_NAME_PERCENT.finditer(text))
    named = [m for m in named if zipf_frequency(m.group(0).split()[0].strip(":,").lower(), "en") < 4
             and not _MARKET.search(lead + text)]  # not "Previously 1.2 per cent", "Tesla 9 per cent" (shares)
    listed = re.findall(rf"\b{_NAME_NUMBER}", text)
    if len(named) == 1 and len(listed) == 1 and (_FORECASTER.search(text) or _FORECASTER.search(lead)) and not _SHARES.search(lead + text):
        # one contestant's number (a list of parties' numbers is a vote share more often than a chance)
        hits.append((named[0].start(), float(named[0].group(1)) / 100, named[0].group(0)))
    for m in _DECIMAL_ODDS.finditer(text):
        price = float(m.group(1))
        if 1.0 < price <= 51:
            hits.append((m.start(), 1 / price, m.group(0)))
    for m in _SPLIT.finditer(text):
        a, b = int(m.group(1)), int(m.group(2))
        near = text[max(0, m.start() - 20):m.end() + 12]
        if a + b == 100 and (_SPLIT_CONTEXT.search(near) or (
                re.match(r"\s+in\s+favou?r\s+of\b", text[m.end():], re.I) and not _VOTE.search(text)
                and not _SHARES.search(text) and not re.search(r"\b(?:came out|shows?|showed|found)\b", text, re.I))):
            hits.append((m.start(), a / 100, m.group(0)))
    for m in _IN.finditer(text):
        a, b = (_number(x) for x in m.groups())
        put = _PUT_IN.search(text[:m.start()])
        if put and put.group(0).lower().startswith("give") and " in " not in m.group(0).lower():
            put = None  # "I'd give it seven out of ten": a mark, not a chance
        if 0 < a < b and (re.match(r"\s*(?:chance|probability|shot)", text[m.end():]) or re.search(
                r"\b(?:chance|chances|probability|likelihood|odds)\b", text[:m.start() + 12], re.I) or put and re.match(
                r"\s*(?:[,.;!?”’\"]|$|at\b|for\b|chance|shot)", text[m.end():])):
            # "Call it one in three at the very best", "I'd give it nine in ten", "cut its outlook
            # for a road to one in six" (not "Call it one in three families")
            hits.append((m.start(), a / b, m.group(0)))
    for m in _TO.finditer(text) if not _VOTE.search(text) else ():  # "voted seven to two against" is a tally
        a, b = (_number(x) for x in m.groups()[:2])
        hyphen = not re.search(r"\bto\b", m.group(0), re.I)
        if hyphen and not (_BETTING.search(text) or _FORECASTER.search(text) or _SPLIT_CONTEXT.search(text)):
            continue  # "ruled 5-4 against", "leads the series 3-2": a tally or a score, not odds
        if a and b:
            on = m.group(3).lower() != "against"
            hits.append((m.start(), a / (a + b) if on else b / (a + b), m.group(0)))
    for m in _HALF.finditer(text):
        hits.append((m.start(), 0.5 if m.group(0).lower().startswith("half") else 0.6, m.group(0)))
    for m in _FRACTION_ODDS.finditer(text):
        against, on = int(m.group(1)), int(m.group(2))
        # a price with no word of betting: someone "makes" a side a price to do something ("make
        # Dunmore 8/13 to stay up"), not "reached 245/6 to win", "need 2/3 to pass", "open 24/7 to"
        priced = len(m.group(1)) <= 2 and _PRICED.match(text[m.end():]) and not _VOTE.search(text) \
            and _PRICE_FRAME.search(text[:m.start()])
        if against and on and (_BETTING.search(text) or priced):
            hits.append((m.start(), on / (against + on), m.group(0)))  # 9/2 against: 2 in 11
    if _FORECASTER.search(text) and not _SHARES.search(text):
        for m in _OF_THE_TIME.finditer(text):
            if _KEEPS.search(text[:m.start()]):  # "simulations keep Dunmore up 61 percent of the time"
                hits.append((m.start(), float(m.group(1)) / 100, m.group(0)))
    for m in _EVEN.finditer(text):
        before = text[max(0, m.start() - 12):m.end()]
        after = text[m.end():m.end() + 12]
        if m.group(0).lower() == "even" and not (re.search(r"\b(?:than|at|call it|put it at)\s+even\b", before, re.I)
                                                  or re.match(r"\s+(?:odds|chance|chances|money)\b", after, re.I)):
            continue  # "even" alone is an adverb far more often than odds
        p = 0.6 if (m.group("better") or "").lower() == "better than " else 0.5
        hits.append((m.start(), p, m.group(0)))
    for m in _BETTER_HALF.finditer(text):
        hits.append((m.start(), 0.6, m.group(0)))
    if not hits:
        return None
    at, p, said = min(hits)
    tok = next((t for t in sent if t.idx >= base + at), sent[-1])
    stance, how = band(p, said)
    return tok, stance, how
