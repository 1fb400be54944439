"""Normalise metadata values that containers carry in many shapes."""

from __future__ import annotations

import re
import time
from datetime import date, datetime

_ISO = re.compile(r"^\s*(\d{4})-(\d{2})-(\d{2})")


def iso_date(value: object) -> str | None:
    """``YYYY-MM-DD`` from an ISO string, an RFC 822 date, a datetime or a struct_time; else None."""
    if value is None or value == "":
        return None
    if isinstance(value, time.struct_time):
        return f"{value.tm_year:04d}-{value.tm_mon:02d}-{value.tm_mday:02d}"
    if isinstance(value, (datetime, date)):
        return value.strftime("%Y-%m-%d")
    if not isinstance(value, str):
        return None
    m = _ISO.match(value)
    if m:
        try:
            return date(int(m[1]), int(m[2]), int(m[3])).isoformat()
        except ValueError:
            return None
    import dateparser  # slow to import; most inputs never need it

    parsed = dateparser.parse(value, settings={"REQUIRE_PARTS": ["day", "month", "year"]})
    return parsed.strftime("%Y-%m-%d") if parsed else None


def clean_str(value: object, limit: int = 1000) -> str | None:
    """A metadata string, stripped and bounded, or None."""
    if not isinstance(value, str):
        return None
    value = " ".join(value.split())
    return value[:limit] or None
