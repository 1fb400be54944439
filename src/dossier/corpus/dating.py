"""The year of an undated article's "October 10", from the corpus it came with.

A scraped copy often loses its date, and one article alone cannot tell which
October it means (``extract.dates`` leaves such dates as "--10-10").  A story's
reports are written over weeks, not years, so the corpus can tell: a copy takes
its original's year, any other undated article the year most of the corpus's
dated documents share.  Not when the article itself names a later year, and not
when the dated documents are spread over several years with no majority.  Every
date filled this way says so (``year_assumed``), and so do the flags and the
timeline built on it.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections import Counter
from typing import Any

from dossier.model import Document

_WEEKDAYS = {d.lower(): i for i, d in enumerate(calendar.day_name)}


def corpus_year(docs: list[Document]) -> int | None:
    """The year more than half of the dated documents are from, if there is one."""
    years = Counter(int(d.published[:4]) for d in docs if d.published)
    if not years:
        return None
    year, n = years.most_common(1)[0]
    return year if 2 * n > sum(years.values()) else None


def fill_years(docs: list[Document], extractions: dict[str, dict[str, Any]]) -> dict[str, dict[str, Any]]:
    """The extractions with every blank year filled or, where nothing settles it, the date dropped."""
    year = corpus_year(docs)
    published = {d.id: d.published for d in docs}
    out = dict(extractions)
    for d in docs:
        ex = extractions.get(d.id)
        if ex is None or d.published:
            continue
        original = d.provenance.copy_of if d.provenance else None
        assumed = int(published[original][:4]) if published.get(original) else year
        named = [int(x["value"][:4]) for x in ex.get("dates", []) if not x["value"].startswith("--")]
        if assumed is not None and any(y > assumed for y in named):
            assumed = None  # the article is from a later year than the one assumed
        out[d.id] = _filled(ex, assumed)
    return out


def _filled(ex: dict[str, Any], year: int | None) -> dict[str, Any]:
    def fill(value: str | None) -> str | None:
        if not value or not value.startswith("--"):
            return value
        return None if year is None else f"{year:04d}-{value[2:]}"

    dates = []
    for x in ex.get("dates", []):
        if not x["value"].startswith("--"):
            dates.append(x)
        elif year is not None:
            value = fill(x["value"])
            dates.append({**x, "value": value, "year_assumed": year, "weekday_mismatch": _mismatch(x["text"], value)})
    events = []
    for e in ex.get("events", []):
        if not e["date"].startswith("--"):
            events.append(e)
        elif year is not None:
            events.append({**e, "date": fill(e["date"]), "year_assumed": year})
    figures = [{**f, "date": fill(f.get("date"))} for f in ex.get("figures", [])]
    return {**ex, "dates": dates, "events": events, "figures": figures}


def _mismatch(text: str, value: str | None) -> bool:
    """ "Friday, October 13" where 13 October of the assumed year is not a Friday."""
    first = text.split(",")[0].split()[0].lower() if text.split() else ""
    if first not in _WEEKDAYS or not value or len(value) != 10:
        return False
    return dt.date.fromisoformat(value).weekday() != _WEEKDAYS[first]
