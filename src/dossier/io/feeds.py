"""RSS and Atom feeds saved as files: entries with the full article become documents."""

from __future__ import annotations

import re
from collections.abc import Iterator

import feedparser

from dossier import errors
from dossier.clean.fragment import fragment_text
from dossier.io.files import digest
from dossier.io.meta import clean_str, iso_date, iso_timestamp
from dossier.model import RawRecord, RecordMeta

# A description shorter than this is a teaser, not the article.
FULL_TEXT_MIN_WORDS = 120


def read_feed(data: bytes, source: str) -> Iterator[RawRecord]:
    parsed = feedparser.parse(data)
    usable = [e for e in parsed.entries if e.get("title") or e.get("link") or e.get("content") or e.get("summary")]
    if not usable:
        reason = str(parsed.get("bozo_exception") or "no entries found")
        yield RawRecord(source, "text", None, digest(data), status="error", error=errors.feed_invalid(reason))
        return
    outlet = _outlet(parsed.feed.get("title"))
    for n, entry in enumerate(parsed.entries, start=1):
        yield _entry_record(entry, f"{source}#entry{n}", outlet)


def _outlet(feed_title: object) -> str | None:
    """The outlet's name from a feed title: "The Ledger — Analysis" is The Ledger's section feed."""
    title = clean_str(feed_title)
    if not title:
        return None
    return re.split(r"\s+[—–|>:-]\s+", title, maxsplit=1)[0].strip() or title


def _entry_record(entry: feedparser.FeedParserDict, source: str, outlet: str | None) -> RawRecord:
    contents = [c.get("value", "") for c in entry.get("content", []) if c.get("value")]
    body_html = max(contents, key=len) if contents else entry.get("summary", "") or ""
    text = fragment_text(body_html)
    meta = RecordMeta(
        title=clean_str(entry.get("title")),
        url=clean_str(entry.get("link")),
        published=iso_date(entry.get("published_parsed") or entry.get("updated_parsed") or entry.get("published")),
        outlet=outlet,
        # the raw string keeps its offset, so a bare date written as local midnight stays no time
        published_at=iso_timestamp(entry.get("published") or entry.get("updated")
                                   or entry.get("published_parsed") or entry.get("updated_parsed")),
    )
    key = digest((source + "\0" + (meta.url or "") + "\0" + body_html).encode("utf-8", "replace"))
    n_words = len(text.split())
    if not contents and n_words < FULL_TEXT_MIN_WORDS:
        return RawRecord(source, "text", None, key, meta, status="skipped", error=errors.feed_summary_only(n_words))
    return RawRecord(source, "text", text, key, meta)
