"""Full calendar dates as pages print them in date lines ("Wednesday 12 March 2025, 07:45").

Written by hand: a date line holds one of a few fixed shapes, and a strict
reading that refuses ambiguous forms ("03/04/2025") is safer here than a
general parser that guesses.  Relative dates ("3 hours ago") are not read.
"""

from __future__ import annotations

import calendar
import re
from datetime import date

_MONTHS = {m.lower(): i for i, m in enumerate(calendar.month_name) if m}
_MONTHS.update({m.lower(): i for i, m in enumerate(calendar.month_abbr) if m})
_MONTHS["sept"] = 9
_MONTH = r"(?P<mon>[A-Za-z]{3,9})\.?"
_PATTERNS = (
    re.compile(r"\b(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})(?!\d)"),
    re.compile(rf"\b(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\s+{_MONTH},?\s+(?P<y>\d{{4}})\b"),
    re.compile(rf"\b{_MONTH}\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>\d{{4}})\b"),
    re.compile(r"\b(?P<d>\d{1,2})\.(?P<m>\d{1,2})\.(?P<y>\d{4})\b"),  # dotted: day first
    re.compile(r"\b(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<y>\d{4})\b"),  # slashed: only when unambiguous
)


def full_date(text: str) -> str | None:
    """The first full date in ``text`` as YYYY-MM-DD, or None."""
    for pattern in _PATTERNS:
        for m in pattern.finditer(text):
            parts = m.groupdict()
            if parts.get("mon"):
                month = _MONTHS.get(parts["mon"].lower())
                day = int(parts["d"])
            elif parts.get("a"):
                a, b = int(parts["a"]), int(parts["b"])
                if (a <= 12) == (b <= 12):
                    continue  # 03/04/2025: day or month first? Do not guess.
                day, month = (a, b) if a > 12 else (b, a)
            else:
                day, month = int(parts["d"]), int(parts["m"])
            try:
                return date(int(parts["y"]), month or 0, day).isoformat()
            except ValueError:
                continue
    return None
