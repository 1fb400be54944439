"""One raw record in, one cleaned document out: the pure per-document stage.

The local runner and the Spark runner both call ``process_record``; it does no
I/O and never raises, so a bad page becomes an error document instead of
stopping a run.
"""

from __future__ import annotations

import re
from dataclasses import replace

from dossier import errors
from dossier.clean.fragment import fragment_text
from dossier.clean.text import clean_text
from dossier.corpus.story import StoryProfile
from dossier.extract.dates import infer_published
from dossier.model import Document, RawRecord


def process_record(record: RawRecord, doc_id: str, site_template: frozenset[str] = frozenset(),
                   match: str | None = None, like: StoryProfile | None = None) -> Document:
    """Clean one record.  ``site_template`` holds lines known to recur on other pages
    of the same site (see ``corpus.boilerplate``); they are cut as furniture.
    ``match`` is the story filter (a regular expression, case-insensitive): a
    document whose title and text do not match is skipped, with that reason, before
    any expensive stage sees it; ``like`` does the same by closeness to example
    articles (``corpus.story``)."""
    meta = record.meta
    base = dict(id=doc_id, source=record.source, title=meta.title, outlet=meta.outlet, published=meta.published, url=meta.url,
                published_at=meta.published_at)
    if record.status != "ok" or record.content is None:
        return Document(status=record.status if record.status != "ok" else "error", error=record.error, **base)
    try:
        doc = _clean(record, base, site_template)
    except Exception as exc:  # noqa: BLE001 - a bug on one input must not lose the others
        return Document(status="error", error=errors.internal(exc), **base)
    if not doc.text.strip():
        return Document(status="error", error=errors.no_article(), raw_text=doc.raw_text, removed=doc.removed, **base)
    if match and not re.search(match, f"{doc.title or ''}\n{doc.text}", re.IGNORECASE):
        return Document(status="skipped", error=errors.off_story(match), raw_text=doc.raw_text, removed=doc.removed,
                        **{**base, "title": doc.title, "outlet": doc.outlet, "published": doc.published})
    if like is not None:
        score = like.score(f"{doc.title or ''}\n{doc.text}")
        if score < like.threshold:
            return Document(status="skipped", error=errors.off_story_like(score, like.threshold),
                            raw_text=doc.raw_text, removed=doc.removed,
                            **{**base, "title": doc.title, "outlet": doc.outlet, "published": doc.published})
    if not doc.published:
        # No date in the metadata or the date line: the latest full date the text gives.
        try:
            inferred = infer_published(doc.text)
        except Exception:  # noqa: BLE001 - a bug in a best guess leaves the document undated, not lost
            inferred = None
        if inferred:
            doc = replace(doc, published=inferred, published_inferred=True)
    return doc


def _clean(record: RawRecord, base: dict, site_template: frozenset[str]) -> Document:
    meta = record.meta
    if record.format == "html":
        from dossier.clean.html import extract_html  # trafilatura is slow to import

        ex = extract_html(record.content or "", url=meta.url)
        if not ex.error and ex.text.strip():
            return Document(
                **{**base,
                   "title": meta.title or ex.title,
                   "outlet": meta.outlet or ex.outlet,
                   "published": meta.published or ex.published,
                   "published_at": meta.published_at or ex.published_at,
                   "url": meta.url or ex.url},
                status="ok",
                text=ex.text,
                raw_text=ex.source_text,
                removed=tuple(ex.removed),
            )
        # A fragment or a page trafilatura finds nothing in: read its block structure.
        raw_text = fragment_text(record.content or "")
    else:
        raw_text = record.content or ""
    cleaned = clean_text(raw_text, title_hint=meta.title, site_template=site_template)
    published, inferred = meta.published, False
    if not published and cleaned.published:
        published, inferred = cleaned.published, True
    return Document(
        **{**base, "title": cleaned.title, "published": published, "outlet": meta.outlet or cleaned.site},
        status="ok",
        published_inferred=inferred,
        text=cleaned.text,
        raw_text=raw_text,
        removed=cleaned.removed,
    )
