"""The year of an undated article's "October 10", from the corpus it came with.

A scraped copy often loses its date, and one article alone cannot tell which
October it means (``extract.dates`` leaves such dates as "--10-10").  A story's
reports are written over weeks, not years, so the corpus can tell: a copy is read
around its original's date, any other undated article around the middle of the
corpus's dated documents, when those lie within half a year of one another.  Each
date takes the year that puts it nearest that day (a story running over New Year
has "December 30" in one year and "January 3" in the next).  Every date filled
this way says so (``year_assumed``), and so do the flags and the timeline built on it.
"""

from __future__ import annotations

import datetime as dt
import statistics
from typing import Any

from dossier.extract.dates import WEEKDAYS
from dossier.model import Document
STORY_SPAN_DAYS = 183  # dated documents further apart than this are no single story's days


def corpus_day(docs: list[Document]) -> dt.date | None:
    """The middle of the dated documents' days, when most of them lie within half a year."""
    days = sorted(d for d in (_day(x.published) for x in docs) if d is not None)
    if not days:
        return None
    # the middle 80%: a stray old document does not stretch the story's span
    cut = len(days) // 10
    core = days[cut:len(days) - cut] or days
    if (core[-1] - core[0]).days > STORY_SPAN_DAYS:
        return None
    return dt.date.fromordinal(round(statistics.median(d.toordinal() for d in core)))


def fill_years(docs: list[Document], extractions: dict[str, dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """The extractions with every blank year filled or, where nothing settles it, the date dropped."""
    middle = corpus_day(docs)
    published = {d.id: d.published for d in docs}
    out = dict(extractions)
    for d in docs:
        ex = extractions.get(d.id)
        if ex is None or d.published:
            continue
        original = d.provenance.copy_of if d.provenance else None
        around = _day(published.get(original)) or middle
        out[d.id] = _filled(ex, around)
    return out


def _day(iso: str | None) -> dt.date | None:
    try:
        return dt.date.fromisoformat(iso[:10]) if iso else None
    except ValueError:
        return None


def _nearest(blank: str, around: dt.date) -> tuple[str, int] | None:
    """("2024-01-03", 2024) for "--01-03" around 2023-12-30: the year that puts it nearest."""
    month, day = int(blank[2:4]), int(blank[5:7]) if len(blank) == 7 else 15
    best = None
    for year in (around.year - 1, around.year, around.year + 1):
        try:
            when = dt.date(year, month, day)
        except ValueError:
            continue  # 29 February of a year that has none
        if best is None or abs((when - around).days) < abs((best - around).days):
            best = when
    if best is None:
        return None
    return (best.isoformat() if len(blank) == 7 else f"{best.year:04d}-{month:02d}"), best.year


def _filled(ex: dict[str, Any], around: dt.date | None) -> dict[str, Any]:
    def fill(value: str | None) -> tuple[str, int] | None:
        return _nearest(value, around) if around is not None else None

    dates = []
    for x in ex.get("dates", []):
        if not x["value"].startswith("--"):
            dates.append(x)
        elif (got := fill(x["value"])) is not None:
            dates.append({**x, "value": got[0], "year_assumed": got[1], "weekday_mismatch": _mismatch(x["text"], got[0])})
    events = []
    for e in ex.get("events", []):
        if not e["date"].startswith("--"):
            events.append(e)
        elif (got := fill(e["date"])) is not None:
            events.append({**e, "date": got[0], "year_assumed": got[1]})
    figures = []
    for f in ex.get("figures", []):
        if (f.get("date") or "").startswith("--"):
            got = fill(f["date"])
            f = {**f, "date": got[0] if got else None}
        figures.append(f)
    return {**ex, "dates": dates, "events": events, "figures": figures}


def _mismatch(text: str, value: str) -> bool:
    """ "Friday, October 13" where 13 October of the assumed year is not a Friday."""
    first = text.split(",")[0].split()[0].lower() if text.split() else ""
    if first not in WEEKDAYS or len(value) != 10:
        return False
    return dt.date.fromisoformat(value).weekday() != WEEKDAYS[first]
