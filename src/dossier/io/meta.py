"""Normalise metadata values that containers carry in many shapes."""

from __future__ import annotations

import re
import time
from datetime import date, datetime, timezone
from email.utils import parsedate_to_datetime

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


def iso_timestamp(value: object) -> str | None:
    """The moment of publication in UTC (``2023-04-08T12:32:00Z``) when ``value`` has a time of day.

    It only orders two pages of the same day.  Exactly midnight counts as no time:
    feeds and CMSs write a bare date as 00:00, and such a page must not look earlier
    than every page of its day.  A time with no zone is taken as UTC.
    """
    if isinstance(value, time.struct_time):  # feedparser's parsed dates are in UTC
        try:
            moment = datetime(*value[:5], min(value[5], 59), tzinfo=timezone.utc)  # (a leap second's 60)
        except ValueError:
            return None
    elif isinstance(value, datetime):
        moment = value
    elif isinstance(value, str) and _HAS_TIME.search(value):
        try:
            moment = datetime.fromisoformat(value.strip().replace(" ", "T", 1)) if _ISO.match(value) \
                else parsedate_to_datetime(value)
        except (ValueError, TypeError, IndexError):
            return None
    else:
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=timezone.utc)
    if (moment.hour, moment.minute, moment.second) == (0, 0, 0):
        return None
    try:
        return moment.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")
    except (ValueError, OverflowError):
        return None


_HAS_TIME = re.compile(r"\d:\d\d")


def clean_str(value: object, limit: int = 1000) -> str | None:
    """A metadata string, stripped and bounded, or None."""
    if not isinstance(value, str):
        return None
    value = " ".join(value.split())
    return value[:limit] or None
