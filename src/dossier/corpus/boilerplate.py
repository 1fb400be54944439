"""Lines that recur across pages of one site: the site's template, not any article.

A scrape of one page cannot tell a site's own furniture ("Back to top", a
tagline, a promo) from a short line of the story; several pages of the same
site can: what recurs on most of them is the template.  Copies of one article
on one site share their body lines too, so lines shared only by near-identical
pages are left alone.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass
from itertools import combinations
from statistics import median
from urllib.parse import urlsplit

from dossier.clean.lines import normalise

MIN_PAGES = 3  # a line must recur on at least this many pages of the site
MIN_SHARE = 0.3  # ... and on at least this share of them
MAX_WORDS = 14  # longer lines are prose, which a template does not repeat
COPY_JACCARD = 0.5  # pages sharing more of their lines than this are copies of one article


@dataclass(frozen=True)
class Page:
    """What the pass needs of a document: its id, its site and its raw text."""

    doc_id: str
    site: str | None
    raw_text: str


def site_key(url: str | None, outlet: str | None) -> str | None:
    """The site a page belongs to: its host, or else the outlet's name."""
    if url:
        host = urlsplit(url).hostname
        if host:
            return host.removeprefix("www.")
    return outlet.strip().lower() if outlet else None


def _lines(text: str) -> set[str]:
    return {key for key in map(normalise, text.splitlines()) if key}


def recurring_lines(pages: list[Page]) -> dict[str, frozenset[str]]:
    """For each page, the lines it shares with the template of its site."""
    by_site: dict[str, list[Page]] = {}
    for p in pages:
        if p.site:
            by_site.setdefault(p.site, []).append(p)
    result: dict[str, frozenset[str]] = {}
    for group in by_site.values():
        if len(group) < MIN_PAGES:
            continue
        lines = {p.doc_id: _lines(p.raw_text) for p in group}
        counts = Counter(line for ls in lines.values() for line in ls)
        need = max(MIN_PAGES, MIN_SHARE * len(group))
        template = set()
        for line, n in counts.items():
            if n < need or len(line.split()) > MAX_WORDS:
                continue
            holders = [d for d, ls in lines.items() if line in ls][:6]
            if _copies(holders, lines):
                continue
            template.add(line)
        for doc_id, ls in lines.items():
            mine = ls & template
            if mine:
                result[doc_id] = frozenset(mine)
    return result


def _copies(doc_ids: list[str], lines: dict[str, set[str]]) -> bool:
    """True when the pages holding a line are mostly copies of one another."""
    sims = []
    for a, b in combinations(doc_ids, 2):
        la, lb = lines[a], lines[b]
        sims.append(len(la & lb) / max(len(la | lb), 1))
    return bool(sims) and median(sims) >= COPY_JACCARD
