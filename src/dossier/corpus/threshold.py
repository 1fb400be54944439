"""Questions that set a number ("be 250 lira a kilo or more?", "above its HK$180 million
high estimate?", "at least 75 per cent of the votes?"), and the figures sources expect.

For such a question the figure a source expects decides its stance, whatever its
words: "Ceyhan Securities expects the board to announce 240 lira" is a doubt about
250 or more although "expects" is confident, and "I'd be surprised if it's under
250" is a yes.  Each figure becomes a range of outcomes (about 240, "over 250", "240
to 250"), turned round when the source doubts it, and the stance is whether that
range lies inside the question's, outside it, or across its line.

Pure: the question's and the documents' figures in (``extract.figures`` records),
stances out.  Written by hand because this reasoning over ranges is specific to
how news states forecasts; no library does it.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from typing import Any

# ("top two" is a rank, not a quantity, and is left out)
_AT_LEAST = re.compile(r"\b(?:above|over|more than|at least|exceed(?:s|ing)?|beyond|higher than|greater than|"
                       r"past|beat|break|surpass)\s+(?:(?:the|its|their|his|her|a|an)\s+)?$", re.I)
_AT_MOST = re.compile(r"\b(?:below|under|less than|fewer than|at most|lower than|short of)\s+(?:(?:the|its|their|a)\s+)?$",
                      re.I)
_OR_MORE = re.compile(r"^[^,;?]{0,40}?\bor\s+(?:more|above|higher|over|greater)\b", re.I)
_OR_LESS = re.compile(r"^[^,;?]{0,40}?\bor\s+(?:less|lower|below|under|fewer)\b", re.I)
# A figure that is the question's line itself ("the 891 cm record", "its high estimate"), not a forecast.
_REFERENCE = re.compile(r"^\s*(?:[\w-]+\s+){0,2}?(?:record|estimate|mark|threshold|target|barrier|line|level set)\b",
                        re.I)
_FROM = re.compile(r"\bfrom\s+$", re.I)  # "raised its forecast to TL255 from TL240": the old figure
_UPPER = {"more than", "over", "at least", "just over"}
_LOWER = {"under", "less than", "fewer than", "at most", "up to", "just under"}
_ABOUT = {"about", "around", "roughly", "approximately", "some", "close to", "nearly", "almost", "estimated",
          "an estimated"}
# (not "would": "a hammer at the high estimate would cost HK$220 million" supposes, it does not forecast)
# (nor a bare "estimate": "a hammer at the high estimate" is the line; "its forecast to TL255" is a forecast)
_FORECAST = re.compile(r"\b(?:will|'ll|’ll|forecasts|forecasting|expects?|expected|predicts?|predicted|projects|"
                       r"projected|estimates|sees|reckons?|bets?|call it|going to|(?:its|his|her|their|our|my)\s+"
                       r"(?:[\w-]+\s+){0,3}?(?:forecast|estimate|projection|prediction|call)s?)\b", re.I)
_ASKING = re.compile(r"\b(?:wants?|demands?|demanding|calls? for|calling for|asks?|asking|pressing for|seeks?|"
                     r"seeking|urges?|urging)\b", re.I)


@dataclass(frozen=True)
class Threshold:
    """The question's line: ``value`` in ``unit``; a yes is at least it (``at_least``) or at most it."""

    value: float
    unit: str | None
    at_least: bool
    text: str
    measure: str | None = None  # what the figure counts ("votes cast"), as the figure parser read it


def question_threshold(question: str, figures: list[dict[str, Any]]) -> Threshold | None:
    """The line a question draws with one of its ``figures`` and a word of comparison around it."""
    for f in figures:
        if f.get("measure") and str(f["measure"]).startswith("age"):
            continue
        before, after = question[max(0, f["start"] - 40):f["start"]], question[f["end"]:]
        if _AT_LEAST.search(before) or _OR_MORE.match(after):
            return Threshold(f["value"], f.get("unit"), True, f["text"], f.get("measure"))
        if _AT_MOST.search(before) or _OR_LESS.match(after):
            return Threshold(f["value"], f.get("unit"), False, f["text"], f.get("measure"))
    return None


def comparable(f: dict[str, Any], line: Threshold) -> bool:
    """A figure of the same kind and size as the line: its unit, or a bare number."""
    if f.get("measure") and str(f["measure"]).startswith("age") or not f.get("value") or not line.value:
        return False
    if line.unit == "percent" and not _words(f.get("measure")) & _words(line.measure):
        return False  # a share of what: "45 per cent" of a stake is not "75 per cent of the votes"
    ratio = f["value"] / line.value
    return f.get("unit") in (line.unit, None) and 0.5 <= ratio <= 2


def _words(measure: str | None) -> set[str]:
    return {w for w in re.findall(r"[a-z]{4,}", (measure or "").lower())} - {"percent", "cent"}


def expected_figures(text: str, figures: list[dict[str, Any]], line: Threshold) -> list[dict[str, Any]]:
    """The figures in a statement that say what it expects: comparable to the line, not a
    figure it revised ("from TL240"), and not the line itself named as such ("the record")."""
    out = []
    for n, f in enumerate(figures):
        if not comparable(f, line) or _FROM.search(text[max(0, f["start"] - 6):f["start"]]):
            continue
        pair = [g for g in figures[max(0, n - 1):n + 2] if g is not f and _RANGE.match(
            text[min(f["end"], g["end"]):max(f["start"], g["start"])])]
        if any(line.value == g["value"] for g in [f, *pair]) and pair:
            continue  # "an estimate of HK$120m–HK$180m" ending at the line: the line's own range
        if line.value in (f["value"], f.get("value_max")) and (
                _REFERENCE.match(text[f["end"]:f["end"] + 30]) or f.get("value_max")
                or re.search(r"\b(?:the|its)\s+$", text[max(0, f["start"] - 5):f["start"]])
                or re.search(r"\b(?:estimate|record|target|threshold)\s+(?:of\s+)?$", text[max(0, f["start"] - 25):f["start"]])):
            continue  # the line itself: "the 891 cm record", an estimate that ends at it
        if _CHANCE.match(text[f["end"]:f["end"] + 40]) or _CHANCE_BEFORE.search(text[max(0, f["start"] - 40):f["start"]]):
            continue  # a chance put at 70 per cent is no forecast of a 75 per cent vote
        if _SUPPOSED.match(text[f["end"]:f["end"] + 25]):
            continue  # "a price of 250 lira would cost TMO 30 billion": what if, not what will be
        out.append(f)
    return out


_RANGE = re.compile(r"^\s*(?:-|–|—|to|and)\s*$")
_CHANCE = re.compile(r"^\W{0,3}(?:\w+\s+){0,2}?(?:chance|probability|likelihood|odds)\b", re.I)
_CHANCE_BEFORE = re.compile(r"\b(?:chance|chances|probability|likelihood|odds)\b[^.;]{0,30}$", re.I)
_SUPPOSED = re.compile(r"^[^,.;]{0,20}?\b(?:would|could|might)\b", re.I)


def stance_of(figures: list[dict[str, Any]], stance: str, line: Threshold) -> tuple[str, str] | None:
    """(stance, how) that the expected ``figures`` give, read with the statement's own ``stance``
    (a doubted figure is turned round); None when they give none."""
    if not figures or stance == "possible":
        return None
    low, high = math.inf, -math.inf
    for f in figures:
        a, b = _range(f)
        low, high = min(low, a), max(high, b)
    if stance == "unlikely":  # the source doubts this range: it expects what lies outside it
        if math.isinf(low) and not math.isinf(high):
            low, high = high + 1e-9, math.inf  # doubts "under 250": expects 250 or more
        elif math.isinf(high) and not math.isinf(low):
            low, high = -math.inf, low - 1e-9  # doubts "over 250": expects less
        elif line.at_least:
            low, high = -math.inf, low - 1e-9  # doubts 250 itself: expects less
        else:
            low, high = high + 1e-9, math.inf
    yes = (line.value, math.inf) if line.at_least else (-math.inf, line.value)
    if yes[0] <= low and high <= yes[1]:
        got = "likely"
    elif high < yes[0] or low > yes[1]:
        got = "unlikely"
    else:
        got = "possible"
    said = ", ".join(f"“{f['text']}”" for f in figures)
    side = "or more" if line.at_least else "or less"
    return got, f"the figure it expects ({said}) against the question's line ({line.text} {side})"


def forecast(text: str, at: int) -> bool:
    """Does the sentence forecast the figure at ``at`` rather than ask for it, report it or suppose
    it: "it will be 250", "expects 240", "its forecast to TL255", not "wants 250", "rose to 734 cm"
    or "if the price is 250"."""
    before = text[max(0, at - 50):at]
    clause = re.split(r"[,;:]\s", before)[-1]
    return bool(_FORECAST.search(clause)) and not _ASKING.search(clause) and not re.match(
        r"[\s\"“‘']*(?:if|unless)\b", text, re.I)


def _range(f: dict[str, Any]) -> tuple[float, float]:
    v, q = f["value"], (f.get("qualifier") or "").lower()
    if f.get("value_max"):
        return v, f["value_max"]
    if q in _UPPER:
        return v, math.inf
    if q in _LOWER:
        return -math.inf, v - 1e-9
    if q in _ABOUT:
        return v * 0.98, v * 1.02
    return v, v
