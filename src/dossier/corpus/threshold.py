"""Questions that set a number ("be 250 lira a kilo or more?", "above its HK$180 million
high estimate?", "at least 75 per cent of the votes?"), and the figures sources expect.

For such a question the figure a source expects decides its stance, whatever its
words: "Ceyhan Securities expects the board to announce 240 lira" is a doubt about
250 or more although "expects" is confident, and "I'd be surprised if it's under
250" is a yes.  Each figure becomes a range of outcomes (about 240, "over 250", "240
to 250"), turned round when the source doubts it, and the stance is whether that
range lies inside the question's, outside it, or across its line.

Only a figure the statement forecasts counts: not one it reports ("the river reached
850 cm"), compares with ("up from 202", "compared with 2019"), supposes ("if the
price is under 250") or demands ("the union wants 260"), and not another
contestant's ("YouGov expects the Conservatives to win 180 seats" says nothing of
Labour's).

Pure: the question's and the documents' figures in (``extract.figures`` records),
stances out.  Written by hand because this reasoning over ranges is specific to
how news states forecasts; no library does it.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Any

from dossier.extract.dates import CALENDAR_WORDS
from dossier.extract.figures import _SMALL as NUMBER_WORDS

_ABOVE = r"above|over|more than|exceed(?:s|ing)?|beyond|higher than|greater than|past|beat|break|surpass|north of|" \
         r"in excess of"
_BELOW = r"below|under|less than|fewer than|lower than|short of|shy of|south of"
# ("top two" is a rank, not a quantity, and is left out)
_AT_LEAST = re.compile(rf"\b(?:(?P<strict>{_ABOVE})|at least)\s+(?:(?:the|its|their|his|her|a|an)\s+)?$", re.I)
# "inscription needs 14 of 21", "requires 60 votes": what a yes needs is its least (not "the
# hospital, which needs 200 nurses": a need is a line only for votes and seats)
_NEEDS = re.compile(r"\b(?:needs?|needing|requires?|requiring)\s+$", re.I)
_COUNTED_VOTES = re.compile(r"^\s*(?:of\s+\d+|(?:\w+\s+){0,2}?(?:votes?|seats?|senators?|members?|"
                            r"delegates?|ballots?)\b)", re.I)
_AT_MOST = re.compile(rf"\b(?:(?P<strict>{_BELOW})|at most|no more than)\s+(?:(?:the|its|their|a)\s+)?$", re.I)
_OR_MORE = re.compile(r"^[^,;?]{0,40}?\bor\s+(?:more|above|higher|over|greater)\b", re.I)
_OR_LESS = re.compile(r"^[^,;?]{0,40}?\bor\s+(?:less|lower|below|under|fewer)\b", re.I)
# "children under 16", "people over 75": an age limit, not a quantity to forecast
_AGE_LIMIT = re.compile(r"\b(?:children|kids|people|pensioners|adults|teenagers|teens|those|anyone|users|voters|"
                        r"workers|aged|ages?)\s+(?:under|over|below|above|of)\s+(?:the\s+age\s+of\s+)?$", re.I)
# A figure that is the question's line itself ("the 891 cm record", "its high estimate"), not a forecast.
_REFERENCE = re.compile(r"^\s*(?:[\w-]+\s+){0,2}?(?:record|estimate|mark|threshold|target|barrier|line|level set)\b",
                        re.I)
# the figure a statement compares with or revised: "from TL240", "up from 202", "compared with 2019"
_FROM = re.compile(r"\b(?:from|compared (?:with|to)|against|versus|vs\.?)\s+(?:(?:a|an|the)\s+)?$", re.I)
# a figure the statement reports as it was, not as it will be
_REPORTED = re.compile(r"\b(?:reached|peaked at|stood at|closed at|rose to|fell to|paid|was|were|had been|"
                       r"ended at|topped out at|recorded)\s+(?:(?:a|an|the|about|around|some)\s+)?$", re.I)
_PAST_AFTER = re.compile(r"^[^,.;]{0,25}?\b(?:in (?:19|20)\d\d|last (?:year|month|week|season|time)|a year ago)\b", re.I)
_MARGIN = re.compile(r"\b(?:majority|lead|margin|gap)\s+of\s+(?:about\s+|around\s+)?$|\bby\s+$", re.I)
_UPPER = {"more than", "over", "at least", "just over"}
_LOWER = {"under", "less than", "fewer than", "at most", "up to", "just under"}
_ABOUT = {"about", "around", "roughly", "approximately", "some", "close to", "nearly", "almost", "estimated",
          "an estimated"}
# (not "would": "a hammer at the high estimate would cost HK$220 million" supposes, it does not forecast)
# (nor a bare "estimate": "a hammer at the high estimate" is the line; "its forecast to TL255" is a forecast)
FORECAST = re.compile(r"\b(?:will|'ll|’ll|forecasts|forecasting|expects?|expected|predicts?|predicted|projects|"
                       r"projected|estimates|sees|reckons?|bets?|call it|going to|(?:its|his|her|their|our|my)\s+"
                       r"(?:[\w-]+\s+){0,3}?(?:forecast|estimate|projection|prediction|call)s?|"
                       r"(?:my|our)\s+(?:own\s+)?number(?:\s+is|'s|’s))\b", re.I)
_ASKING = re.compile(r"\b(?:wants?|demands?|demanding|calls? for|calling for|asks?|asking|pressing for|seeks?|"
                     r"seeking|urges?|urging|hold(?:s|ing)? out for|needs?|accepts?|accept(?:ing)?|insists? on|"
                     r"push(?:es|ing)? for|refuses?|refusing|lose money|sees? [^,.;]{1,40}? as)\b", re.I)
# what a contestant does with a figure: "the Conservatives to win 180 seats", "has Vestria at 29%"
_GETS = r"(?:win|wins|winning|won|get|gets|getting|take|takes|taking|secure|secures|score|scores|receive|receives|" \
        r"earn|earns|finish|finishes|poll|polls|polling|gain|gains|land|lands|claim|claims|at)\b"
_SUPPOSING = re.compile(r"\b(?:if|unless|as long as|provided|in case)\b", re.I)
_CHANCE = re.compile(r"^\W{0,3}(?:\w+\s+){0,2}?(?:chance|probability|likelihood|odds)\b", re.I)
_CHANCE_BEFORE = re.compile(r"\b(?:chance|chances|probability|likelihood|odds)\b[^.;]{0,30}$", re.I)
_SUPPOSED = re.compile(r"^[^,.;]{0,20}?\b(?:would|could|might)\b", re.I)
_RANGE = re.compile(r"^\s*(?:-|–|—|to|and)\s*$")
# words of a measure that say nothing of what is measured: "fall ... by June"
_IDLE = CALENDAR_WORDS | {"fall", "falls", "rise", "rises", "drop", "drops", "climb", "reach", "reaches", "increase",
                     "decrease", "percent", "cent", "more", "less", "than", "below", "above", "under", "over"}


@dataclass(frozen=True)
class Threshold:
    """The question's line: ``value`` in ``unit``; a yes is at least it (``at_least``) or at most it,
    the line itself included unless the question says "above" or "below" (``strict``)."""

    value: float
    unit: str | None
    at_least: bool
    text: str
    measure: str | None = None  # what the figure counts ("votes cast"), as the figure parser read it
    strict: bool = False
    margin: bool = False  # the question's line is a margin ("a majority of 20")


def question_threshold(question: str, figures: list[dict[str, Any]]) -> Threshold | None:
    """The line a question draws with one of its ``figures`` and a word of comparison around it."""
    for f in figures:
        if f.get("measure") and str(f["measure"]).startswith("age"):
            continue
        before, after = question[max(0, f["start"] - 40):f["start"]], question[f["end"]:]
        if _AGE_LIMIT.search(before):
            continue  # "children under 16"
        margin = bool(_MARGIN.search(before))
        for rx, at_least, tail in ((_AT_LEAST, True, _OR_MORE), (_AT_MOST, False, _OR_LESS)):
            m = rx.search(before)
            if m is None and at_least and _NEEDS.search(before) and _COUNTED_VOTES.match(after):
                m = _NEEDS.search(before)
            if m or tail.match(after):
                # when the parser gave the figure no noun to measure ("fall below 3 per cent by June"),
                # the question's own words say what it counts ("inflation")
                measure = f.get("measure") if _words(f.get("measure")) else question
                return Threshold(f["value"], f.get("unit"), at_least, f["text"], measure,
                                 bool(m and m.groupdict().get("strict")), margin)
    return None


def comparable(f: dict[str, Any], line: Threshold) -> bool:
    """A figure of the same kind and size as the line: its unit, or a bare number."""
    if f.get("measure") and str(f["measure"]).startswith("age") or not f.get("value") or not line.value:
        return False
    if line.unit == "percent" and not _words(f.get("measure")) & _words(line.measure):
        return False  # a share of what: "45 per cent" of a stake is not "75 per cent of the votes"
    ratio = f["value"] / line.value
    unit = f.get("unit")
    # ("sixteen votes" against "needs 14 of 21 votes": the unit is the line's counted noun)
    counted_alike = line.unit is None and bool(unit) and any(w.startswith(unit) for w in _words(line.measure))
    return (unit in (line.unit, None) or counted_alike) and 0.5 <= ratio <= 2


def _words(measure: str | None) -> set[str]:
    return {w for w in re.findall(r"[a-z]{4,}", (measure or "").lower())} - _IDLE


def expected_figures(text: str, figures: list[dict[str, Any]], line: Threshold, cue: str | None = None,
                     others: set[str] = frozenset(), foreign: list | None = None) -> list[dict[str, Any]]:
    """The figures in a statement that say what it expects: comparable to the line, governed by
    a forecast (or the statement's ``cue``), and not a figure it reports, compares with, revised,
    supposes, puts as a chance, or gives for another of the ``others`` (names the question is not
    about; those go to ``foreign``)."""
    foreign = [] if foreign is None else foreign
    out = []
    for n, f in enumerate(figures):
        a, b = f["start"], f["end"]
        before, after = text[max(0, a - 60):a], text[b:b + 40]
        if not comparable(f, line) or _FROM.search(before[-25:]) or _REPORTED.search(before[-25:]) \
                or _PAST_AFTER.match(after) or (_MARGIN.search(before[-20:]) and not line.margin):
            continue
        pair = [g for g in figures[max(0, n - 1):n + 2] if g is not f and _RANGE.match(
            text[min(b, g["end"]):max(a, g["start"])])]
        if line.value in (f["value"], f.get("value_max"), *(g["value"] for g in pair)) and (
                _REFERENCE.match(after) or re.search(r"\b(?:the|its)\s+$", before[-5:])
                or re.search(r"\b(?:estimate|record|target|threshold)\s+(?:of\s+)?$", before[-25:])
                or ((f.get("value_max") or pair) and re.search(r"\bestimate", before[-40:], re.I))):
            continue  # the line itself: "the 891 cm record", an estimate that ends at it
        if _CHANCE.match(after) or _CHANCE_BEFORE.search(before[-40:]) or _SUPPOSED.match(after[:25]):
            continue  # a chance put at 70 per cent; "a price of 250 lira would cost ..."
        parts = re.split(r"[,;:]\s|\.\s", before)
        clause = parts[-1]
        if len(parts) > 1 and re.match(rf"\s*(?:just\s+|well\s+)?(?:{_ABOVE}|{_BELOW})\b", clause, re.I):
            clause = parts[-2] + ", " + clause  # "will probably set a price in the 240s, short of 250"
        governed = FORECAST.search(clause) or (cue and cue.lower() in clause.lower())
        if not governed:
            continue
        start = (governed.end() if hasattr(governed, "end") else clause.lower().rfind(cue.lower()) + len(cue))
        between = clause[start:]
        named = [w for w in re.findall(r"(?<!^)\b[A-Z][\w’'\-]+", between) if w.lower() in others]
        if any(re.search(rf"\b{re.escape(w)}\b[^,;.]{{0,30}}?\b{_GETS}", between) for w in named):
            foreign.append(f)
            continue  # "expects the Conservatives to win 180 seats": someone else's figure
        # (not "I don't believe Ankara goes to 250": who sets the figure, not another who gets one)
        out.append(f)
    return out


# A side's own count against a line of votes or seats, in the present: "We are at 24", "we have
# 24", "They are three short", "one vote shy of the 23 it needs", "two votes to spare".
_AT_NOW = re.compile(r"\b(?:we|they|it)\s*(?:are|is|'re|’re|stand|stands|sit|sits)\s+(?:at|on)\s+$|"
                     r"\b(?:we|they)\s+(?:have|'ve got|’ve got|have got)\s+$", re.I)
_SHORT_OR_SPARE = re.compile(r"\b(?:are|is|'re|’re|remains?|stands?)\s+(?:still\s+|now\s+|just\s+)?"
                             r"(?P<n>\d{1,2}|[a-z]+)\s+(?:(?:more\s+)?(?:votes?|seats?|senators?|members?)\s+)?"
                             r"(?:(?P<short>short|shy)|(?P<spare>to spare|more than (?:it|we|they) needs?))\b", re.I)
# a count for the other side: "three short of a blocking minority", "sixteen votes against the treaty"
_AGAINST = re.compile(r"[^,.;]{0,40}?\b(?:block|blocking|minority|against|opposed|opposing|no votes?)\b", re.I)


def counted(text: str, start: int, end: int, figures: list[dict[str, Any]], line: Threshold) -> list[dict[str, Any]]:
    """A count a side gives now in ``text[start:end]``, as the figure it expects at the vote (for a
    line of a bare count only: "we are at 1.5" of a forest's hectares is a partial measure, not a
    forecast)."""
    if line.unit is not None or line.value != int(line.value) or line.value < 5:
        return []
    out = [f for f in figures if comparable(f, line) and _AT_NOW.search(text[max(0, f["start"] - 25):f["start"]])
           and not _AGAINST.match(text, f["end"])]
    for m in _SHORT_OR_SPARE.finditer(text, start, end):
        n = int(m["n"]) if m["n"].isdigit() else NUMBER_WORDS.get(m["n"].lower())
        if not n or n >= line.value / 2 or _AGAINST.match(text, m.end()):
            continue
        value = line.value - n if m["short"] else line.value + n
        out.append({"text": m[0], "value": value, "unit": None, "start": m.start(), "end": m.end()})
    return out


def foreign_figures(text: str, figures: list[dict[str, Any]], line: Threshold, cue: str | None,
                    others: set[str]) -> bool:
    """Does the statement forecast the line's quantity only for others ("expects the Conservatives
    to win 180 seats", asked of Labour)?  Then it says nothing of the question."""
    found: list[dict[str, Any]] = []
    expected = expected_figures(text, figures, line, cue, others, found)
    return bool(found) and not expected


def stance_of(figures: list[dict[str, Any]], stance: str, line: Threshold, text: str = "") -> tuple[str, str] | None:
    """(stance, how) that the expected ``figures`` give, read with the statement's own ``stance``
    (a doubted figure is turned round); None when they give none."""
    if not figures or stance == "possible":
        return None
    low, high = math.inf, -math.inf
    for f in figures:
        a, b = _range(f, text)
        low, high = min(low, a), max(high, b)
    yes_low, yes_high = ((line.value + (1e-9 if line.strict else 0), math.inf) if line.at_least
                         else (-math.inf, line.value - (1e-9 if line.strict else 0)))
    if stance == "unlikely":  # the source doubts this range: it expects what lies outside it
        if math.isinf(low) and not math.isinf(high):
            low, high = high + 1e-9, math.inf  # doubts "under 250": expects 250 or more
        elif math.isinf(high) and not math.isinf(low):
            low, high = -math.inf, low - 1e-9  # doubts "over 250": expects less
        elif (line.at_least and low >= yes_low) or (not line.at_least and high <= yes_high):
            # doubts a figure on the yes side ("I don't expect 250"): expects less (or more)
            low, high = (-math.inf, low - 1e-9) if line.at_least else (high + 1e-9, math.inf)
        else:
            return "possible", _how(figures, line, "doubted on the question's “no” side, which leaves it open")
    if low == high == line.value and line.strict:
        got = "possible"  # "about 891" for "above 891": on the line itself
    elif yes_low <= low and high <= yes_high:
        got = "likely"
    elif high < yes_low or low > yes_high:
        got = "unlikely"
    else:
        got = "possible"
    return got, _how(figures, line)


def _how(figures: list[dict[str, Any]], line: Threshold, note: str = "") -> str:
    said = ", ".join(f"“{f['text']}”" for f in figures)
    side = ("above" if line.strict else "or more") if line.at_least else ("below" if line.strict else "or less")
    out = f"the figure it expects ({said}) against the question's line ({line.text} {side})"
    return f"{out}: {note}" if note else out


def forecast(text: str, at: int) -> bool:
    """Does the sentence forecast the figure at ``at`` rather than ask for it, report it, suppose
    it or ask a question: "it will be 250", "expects 240", "its forecast to TL255", not "wants
    250", "rose to 734 cm", "if the price is 250" or "Will it pay 260?"."""
    before = text[max(0, at - 50):at]
    clause = re.split(r"[,;:]\s", before)[-1]
    return bool(FORECAST.search(clause)) and not _ASKING.search(text) and not _SUPPOSING.search(text) \
        and not text.rstrip(" ”’\"'").endswith("?")


def _range(f: dict[str, Any], text: str = "") -> tuple[float, float]:
    v, q = f["value"], (f.get("qualifier") or "").lower()
    if f.get("value_max"):
        return v, f["value_max"]
    before = text[max(0, f["start"] - 25):f["start"]] if text else ""
    if q in _UPPER or re.search(rf"\b(?:{_ABOVE}|through|top|tops|pass|passes|clear|clears)\s+(?:the\s+)?$", before, re.I):
        return v + (0 if q == "at least" else 1e-9), math.inf
    if q in _LOWER or re.search(rf"\b(?:{_BELOW})\s+$", before, re.I):
        return -math.inf, v - (0 if q in ("at most", "up to") else 1e-9)
    if q in _ABOUT:
        return v * 0.98, v * 1.02
    return v, v
