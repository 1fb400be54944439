"""A question's deadline, and forecasts of *when* weighed against it.

"Will the tunnel's two headings meet before 1 May?" is answered as much by "My
estimate is a breakthrough in late May" as by "it is unlikely": a forecast that
puts the event after the deadline doubts the question, one that puts it before
the deadline expects it.  The forecasts' times come from the documents
(``extract.stance``: ``when``); the deadline from the question's own words.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from dossier.extract.dates import covered_days, find_dates

# "before 1 May 2028", "by the end of October", "on or before 30 June", "before its launch window
# closes on 16 May": the word that sets the deadline, then its date within a clause's length.
# ("until" asks how long something lasts: "Will the strike last until May?" is no deadline.)
_BY = re.compile(r"\b(?P<word>before|by|no later than|on or before)\b", re.I)
_REACH = 90  # characters after "before" in which its date may come
# after "by", only words of a date may come before it ("by the end of October", not "passed by parliament in June")
_BY_GAP = re.compile(r"\s*(?:(?:the|end|close|middle|start|beginning|first|second|half|of)[\s-]+)*$", re.I)


@dataclass(frozen=True)
class Deadline:
    first_too_late: str  # ISO day: an event on or after it misses the deadline
    phrase: str  # the question's words for it ("before 1 May 2028")


def question_deadline(question: str, reference: str | None) -> Deadline | None:
    """The deadline a question sets, if it sets one; ``reference`` (the corpus's latest
    publication date) places a date without a year.  A day beats a month in the same
    reach ("before the March equinox, at 07:17 on 20 March" is the 20th)."""
    if not reference:
        return None
    dates = [d for d in find_dates(question, reference) if not d.value.startswith("-")]
    for m in _BY.finditer(question):
        end = question.find("?", m.end())
        reach = min(m.end() + _REACH, end if end >= 0 else len(question))
        near = [d for d in dates if m.start() <= d.start < reach and d.end > m.end()]  # ("by June" is one mention)
        if m["word"].lower() != "before":
            near = [d for d in near if d.start <= m.end() or _BY_GAP.match(question[m.end():d.start])]
        if not near:
            continue
        date = next((d for d in near if len(d.value) == 10), near[0])
        span = covered_days(date.value)
        if span is None:
            continue
        if not re.search(r"\b\d{4}\b", date.text) and span[1].isoformat() < reference[:10]:
            # "before 1 July" asked in November means next July: a deadline is never past
            nxt = f"{int(date.value[:4]) + 1}{date.value[4:]}"
            span = covered_days(nxt) or covered_days(nxt.replace("-02-29", "-02-28")) or span
        word = m["word"].lower()
        end_of = re.search(r"\bend\s+of\b", question[m.end():date.start + len(date.text)], re.I)
        if word == "before" and not end_of:
            first = span[0]  # "before 1 May": 1 May is too late
        else:
            first = span[1] + dt.timedelta(days=1)  # "by 30 June", "by the end of October"
        return Deadline(first.isoformat(), question[m.start():date.end].strip())
    return None


def against(when: list[str], deadline: Deadline) -> tuple[str, str]:
    """The stance a forecast of when takes on a deadline question, with the reason in words:
    before the deadline likely, after it unlikely, astride it ("between late April and mid-May"
    for "before 1 May") possible."""
    earliest, latest = when
    if latest and latest < deadline.first_too_late:
        return "likely", f"expects it by {latest}, in time for the question's deadline ({deadline.phrase})"
    if earliest and earliest >= deadline.first_too_late:
        return "unlikely", f"expects it from {earliest}, after the question's deadline ({deadline.phrase})"
    return "possible", (f"expects it {'from ' + earliest if earliest else ''}{' ' if earliest and latest else ''}"
                        f"{'by ' + latest if latest else ''}, either side of the question's deadline ({deadline.phrase})")
