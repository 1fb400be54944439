"""When a forecast expects its event: the window of days a sentence gives it.

"A breakthrough in late May", "back by Tuesday night", "on 28 April at the
earliest", "between late April and mid-May": a window [earliest, latest] of ISO
days, either end open (""), that ``corpus.deadline`` weighs against a question's
deadline.  Written by hand: date parsers (``extract.dates``, dateparser) resolve
a date, not the bounds a forecast puts around it.
"""

from __future__ import annotations

import datetime as dt
import re

from dossier.extract.dates import covered_days

# the part of a month before its name: "late May", "mid-May", "the first days of May", "the end of August"
_PART = re.compile(r"\b(?P<part>early|beginning|start|first\s+days|first\s+half|mid|middle|second\s+half|late|end|close)"
                   r"(?:\s+of)?\s*-?\s*(?:the\s+)?$", re.I)
_PARTS = {"early": (1, 10), "beginning": (1, 10), "start": (1, 10), "first days": (1, 10), "first half": (1, 15),
          "mid": (11, 20), "middle": (11, 20), "second half": (16, 31), "late": (21, 31), "end": (21, 31),
          "close": (21, 31)}
# bounds before the date: "by Tuesday", "before the end of August", "no earlier than 20 April", "until mid-May"
_FILLER = r"(?:(?:the|end|close|middle|start|beginning|first|second|days|half|early|mid|late|of|next|this|coming)[\s-]+){0,4}$"
_BY = re.compile(r"\b(?:by|until|till|no\s+later\s+than)\s+" + _FILLER, re.I)
_BEFORE = re.compile(r"\b(?<!not )before\s+" + _FILLER, re.I)
_FROM = re.compile(r"\b(?:after|no\s+earlier\s+than|not\s+before|from)\s+" + _FILLER, re.I)
_AFTER = re.compile(r"\bafter\s+" + _FILLER, re.I)
_END_OF = re.compile(r"\b(?:end|close)\s+of\s+(?:the\s+)?$", re.I)
# bounds after it: "on 28 April at the earliest", "from 20 April onwards", "on 3 May at the latest"
_AT_EARLIEST = re.compile(r"\s*,?\s*(?:at\s+the\s+earliest|onwards|or\s+later)\b", re.I)
_AT_LATEST = re.compile(r"\s*,?\s*(?:at\s+the\s+latest|or\s+earlier|or\s+sooner)\b", re.I)
# two dates of one window: "late April or early May", "between 25 April and 5 May", "April to June"
_JOINED = re.compile(r"\s*(?:or|and|to|through|-|–)\s*(?:(?:early|mid|late|the|end|start|beginning|middle|of)[\s-]+)*$",
                     re.I)


def forecast_window(text: str, start: int, end: int, dates: list, published: str | None,
                    negated: bool = False) -> list[str] | None:
    """[earliest, latest] ISO days of the first time in ``text[start:end]`` still ahead of
    ``published``; None when the sentence names none.

    ``negated``: the sentence denies the event at that time ("We won't break through until
    mid-May", "not in April", "won't be done by June"), so the window is what is left after it.
    A bare month read as one that ended three months or more before ("a breakthrough in
    August" said in April, with no "will" to say it is ahead) is the coming one: a forecast
    looks ahead, and a month that long gone would be "last August".
    """
    if not published or len(published) < 10:
        return None
    today = published[:10]
    ahead = [(d, days) for d in dates if start <= d.start < end and not d.value.startswith("-")
             and (days := _ahead(d, today)) is not None]
    if not ahead:
        return None
    d, _ = ahead[0]
    lead = _lead(text, start, d)
    first, last = _refined(text, start, ahead[0])
    stop = d.end
    for d2, days2 in ahead[1:]:  # "late April or early May": one window to the later one's end
        last2 = _refined(text, start, (d2, days2))[1]
        if _JOINED.match(text[stop:_core(d2)]) and len(text[stop:_core(d2)]) <= 20 and last2 > last:
            last, stop = last2, d2.end
    after = text[stop:stop + 25]
    day = dt.timedelta(days=1)
    if _FROM.search(lead) or _AT_EARLIEST.match(after):
        window = [(last + day if _AFTER.search(lead) else first).isoformat(), ""]
        return None if negated and not re.search(r"\bnot\s+before\b", lead, re.I) else window
    if negated:
        # not until X, not before X: from X on; not by X, not in X: after X
        return [(first if re.search(r"\b(?:until|till|before)\b", lead, re.I) else last + day).isoformat(), ""]
    if _AT_LATEST.match(after) or _BY.search(lead):
        return ["", last.isoformat()]
    if _BEFORE.search(lead):
        # "before 1 May" is by 30 April; "before the end of August" is by 31 August
        return ["", (last if _END_OF.search(lead) else first - day).isoformat()]
    return [first.isoformat(), last.isoformat()]


# the words a date mention may start with before the date itself ("Before", "In late", "Until mid-")
_LEADING = re.compile(r"(?:(?:in|on|since|by|until|till|from|during|of|before|after|into|for|through|throughout|between|"
                      r"around|early|late|mid|last|this|next|the)[\s-]+)*", re.I)


def _core(d) -> int:
    """Where the date itself begins in its mention ("May" in "in late May", "20" in "by 20 April",
    "May" in "Before May" at a sentence's start)."""
    return d.start + _LEADING.match(d.text).end()


def _lead(text: str, start: int, d) -> str:
    return text[max(start, d.start - 40):_core(d)]


def _refined(text: str, start: int, item) -> tuple[dt.date, dt.date]:
    """The days of a month narrowed by the part named before it ("late May": 21-31 May)."""
    d, (first, last) = item
    if len(d.value) == 7 and (part := _PART.search(_lead(text, start, d))):
        lo, hi = _PARTS[" ".join(part["part"].lower().split())]
        return first.replace(day=lo), first.replace(day=min(hi, last.day))
    return first, last


def _ahead(d, today: str) -> tuple[dt.date, dt.date] | None:
    days = covered_days(d.value)
    if days is None:
        return None
    if (dt.date.fromisoformat(today) - days[1]).days >= 90 and d.relative and len(d.value) == 7:
        try:
            days = covered_days(f"{int(d.value[:4]) + 1}{d.value[4:]}")  # the coming one
        except ValueError:
            return None
        if days is None:
            return None
    return days if days[1].isoformat() >= today else None
