"""Article body and metadata from one HTML page.

trafilatura does the heavy lifting (boilerplate removal, metadata).  On top of it
we fix three of its known weak spots, each measured on the article-extraction
benchmark (``eval/extraction.py``):

* it keeps the headline (and sometimes section labels) as the first lines of the
  body, although the title is a separate field;
* it stops at the first of several sibling body containers, so articles that a
  site splits into chunks around ads lose everything after the first chunk;
* it keeps link lists and headings that follow the article (related stories,
  "more from", newsletter boxes).

Pure: a string in, an :class:`HtmlExtraction` out, no I/O, never raises.
"""

from __future__ import annotations

import re
import unicodedata
from copy import deepcopy
from dataclasses import dataclass

from dossier.io.meta import iso_timestamp
from dossier.model import Removal

# Pages bigger than this are almost always data dumps or broken captures; parsing
# them would take seconds and the result would not be an article anyway.
MAX_CHARS = 15_000_000

# A block with at least this many word tokens, few links, reads as article prose;
# the first and last such block delimit the body when trimming its edges.
_PROSE_MIN_TOKENS = 15
# Share of a block's characters inside links above which it is navigation.
_EDGE_LINK_DENSITY = 0.5  # headings/lists before or after the prose
_INNER_LINK_DENSITY = 0.8  # blocks between prose paragraphs: only near-pure link lines

# trafilatura's fallback (readability, jusText) when its own extraction looks poor.
# Measured: fast=True is quicker but misses more on this benchmark, see eval/.
_FAST = False

# Promotion and credit lines that sites append after a story: newsletter and
# subscription calls, social follow prompts, copyright, wire-service credits,
# e-mail addresses and handles.  General web/English wording, not any site's
# phrases; only applied from the end of the text backwards, where such lines
# sit, so the same words inside the story are never touched.
_TAIL_PROMO = re.compile(
    r"\b(?:sign[ -]?up|subscribe|subscription|newsletters?|click here|follow (?:us|him|her|them|me)\b|"
    r"on (?:twitter|facebook|instagram)|all rights reserved|copyright|terms of (?:use|service)|privacy policy|"
    r"contributed (?:to )?(?:this )?report|additional reporting|reporting by|editing by|share this|comments?$|"
    r"read more|more from|related)\b|©|\S+@\S+\.\w+|(?:^|\s)@\w+",
    re.IGNORECASE,
)
_TAIL_PROMO_MAX_TOKENS = 60  # longer paragraphs are prose even when they mention a newsletter

_TOKEN = re.compile(r"\w+")
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f\u205f\u3000]+")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")

# How far up from trafilatura's body container to look for its sibling chunks.
_MERGE_MAX_LEVELS = 3


@dataclass(frozen=True)
class HtmlExtraction:
    """The article body of one page, what was cut from it, and the page metadata."""

    text: str  # article body, paragraphs separated by exactly one blank line
    source_text: str  # text the ``removed`` offsets point into (trafilatura's body, one paragraph a line pair)
    removed: tuple[Removal, ...]
    title: str | None
    published: str | None  # YYYY-MM-DD
    outlet: str | None
    url: str | None
    error: str | None = None
    published_at: str | None = None  # UTC, when the page's metadata gives a time of day


@dataclass
class _Block:
    """One paragraph of trafilatura's body, with the structure it came from."""

    text: str
    tag: str  # trafilatura XML tag: p, head, list, quote, table, ...
    link_density: float
    tokens: int


def extract_html(html: str, url: str | None = None) -> HtmlExtraction:
    """Extract article text and metadata; on any failure return ``error`` set, never raise.

    A pipeline run over thousands of scraped pages must not stop on one broken
    capture, so every failure becomes a record the report can show.
    """
    try:
        return _extract(html, url)
    except Exception as err:  # noqa: BLE001 - last line of defence, see docstring
        return _failed(url, f"extraction failed ({type(err).__name__}: {err}); the page may be malformed")


def _failed(url: str | None, error: str, title: str | None = None, published: str | None = None,
            outlet: str | None = None) -> HtmlExtraction:
    return HtmlExtraction(text="", source_text="", removed=(), title=title, published=published,
                          outlet=outlet, url=url, error=error)


def _extract(html: str, url: str | None) -> HtmlExtraction:
    if isinstance(html, bytes):
        html = html.decode("utf-8", errors="replace")
    if not isinstance(html, str) or not html.strip():
        return _failed(url, "empty page: nothing to extract")
    if len(html) > MAX_CHARS:
        return _failed(url, f"page too large ({len(html) // 1_000_000} MB); save the article page itself, not a dump")
    if not _looks_like_text(html):
        return _failed(url, "not an HTML page: the content looks binary (image, PDF or compressed file?)")

    # Imported here so that importing dossier stays cheap for commands that never see HTML.
    from trafilatura import bare_extraction
    from trafilatura.utils import load_html

    tree = load_html(html)
    if tree is None:
        return _failed(url, "could not parse the page as HTML")
    og = _meta_properties(tree)
    published_at = _published_at(tree)
    _merge_split_bodies(tree)

    doc = bare_extraction(
        tree,
        url=url,
        include_comments=False,  # reader comments are not the article
        include_links=True,  # kept only to measure link density, stripped before output
        include_tables=True,
        with_metadata=True,
        fast=_FAST,
        as_dict=False,
    )

    title = _clean_meta(getattr(doc, "title", None)) if doc is not None else None
    title = title or _clean_meta(og.get("og:title"))
    outlet = _clean_meta(og.get("og:site_name")) or (_clean_meta(doc.sitename) if doc is not None else None)
    published = doc.date if doc is not None and doc.date and _DATE.match(doc.date) else None
    page_url = (doc.url if doc is not None else None) or og.get("og:url") or url

    blocks = _blocks(doc.body) if doc is not None and doc.body is not None else []
    if not blocks:
        return _failed(page_url, "no article text found: the page may be an index or login page, "
                       "need JavaScript, or hide the article behind a paywall",
                       title=title, published=published, outlet=outlet)

    paragraphs: list[tuple[str, str | None]] = [
        (para, reason) for block, reason in zip(blocks, _trim(blocks)) for para in block.text.split("\n")
    ]
    paragraphs = _peel_tail_promos(paragraphs)
    removed, kept = [], []
    offset = 0
    for para, reason in paragraphs:
        if reason is None:
            kept.append(para)
        else:
            removed.append(Removal(offset, offset + len(para), para, reason))
        offset += len(para) + 2  # the "\n\n" separator
    source_text = "\n\n".join(para for para, _ in paragraphs)
    text = "\n\n".join(kept)
    if not text.strip():
        return _failed(page_url, "no article text found: only navigation or link lists on the page",
                       title=title, published=published, outlet=outlet)
    return HtmlExtraction(text=text, source_text=source_text, removed=tuple(removed), title=title,
                          published=published, outlet=outlet, url=page_url, published_at=published_at)


def _peel_tail_promos(paragraphs: list[tuple[str, str | None]]) -> list[tuple[str, str | None]]:
    """Mark promotion and credit lines at the end of the kept text, back to the last story line."""
    out = list(paragraphs)
    kept = [i for i, (_, reason) in enumerate(out) if reason is None]
    for i in reversed(kept[1:]):  # never empty the text: the first kept paragraph stays
        para = out[i][0]
        if len(_TOKEN.findall(para)) > _TAIL_PROMO_MAX_TOKENS or not _TAIL_PROMO.search(para):
            break
        out[i] = (para, "promotion or credit after the article")
    return out


def _looks_like_text(html: str) -> bool:
    """Reject binary content decoded as text: many control characters or replacement marks."""
    sample = html[:20_000]
    bad = sum(1 for c in sample if (c < " " and c not in "\t\n\r\f") or c == "\ufffd")
    return bad <= len(sample) * 0.05


def _meta_properties(tree) -> dict[str, str]:
    """OpenGraph values, read before trafilatura: its sitename often drops spaces and apostrophes."""
    found: dict[str, str] = {}
    for meta in tree.iter("meta"):
        key = (meta.get("property") or meta.get("name") or "").strip().lower()
        if key in ("og:site_name", "og:title", "og:url") and key not in found:
            value = (meta.get("content") or "").strip()
            if value:
                found[key] = value
    return found


_TIME_KEYS = frozenset(("article:published_time", "og:published_time", "datepublished", "pubdate", "publishdate",
                        "dc.date.issued"))
_LD_PUBLISHED = re.compile(r'"datePublished"\s*:\s*"([^"]{10,40})"')


def _published_at(tree) -> str | None:
    """The time of day the page was published, from the meta tags or JSON-LD news sites write.

    trafilatura's metadata keeps the date only; the time is what orders two copies of
    one day (``corpus.provenance``)."""
    for meta in tree.iter("meta"):
        key = (meta.get("property") or meta.get("name") or meta.get("itemprop") or "").strip().lower()
        if key in _TIME_KEYS and (found := iso_timestamp(meta.get("content") or "")):
            return found
    for script in tree.iter("script"):
        if (script.get("type") or "").strip().lower() == "application/ld+json" and script.text:
            m = _LD_PUBLISHED.search(script.text)
            if m and (found := iso_timestamp(m[1])):
                return found
    return None


def _clean_meta(value: str | None) -> str | None:
    if not value:
        return None
    value = _SPACES.sub(" ", unicodedata.normalize("NFC", value)).strip()
    return value or None


def _merge_split_bodies(tree) -> None:
    """Join the chunks of an article that the site split into several body containers.

    trafilatura takes the first element matching its body expressions, which is
    right for one container per article but loses the rest when a site splits
    the story into chunks around ads (trafilatura issue #488).  No library
    offers this, so: take the container trafilatura will pick, find the other
    elements with the same tag and class close by in the tree (same ancestor at
    most a few levels up) that also hold prose, and move their content into it.
    """
    from trafilatura.xpaths import BODY_XPATH

    chosen = None
    for expr in BODY_XPATH:
        chosen = next((e for e in expr(tree) if e is not None), None)
        if chosen is not None:
            break
    if chosen is None or not chosen.get("class"):
        return
    ancestor = chosen
    for _ in range(_MERGE_MAX_LEVELS):
        if ancestor.getparent() is None:
            break
        ancestor = ancestor.getparent()
    depth = _depth(chosen)
    chunks = [
        e for e in ancestor.iter(chosen.tag)
        if e is not chosen and e.get("class") == chosen.get("class") and _depth(e) == depth and _has_prose(e)
    ]
    for chunk in chunks:
        if chunk.getparent() is None:
            continue
        for child in list(chunk):
            chosen.append(child)
        chunk.getparent().remove(chunk)


def _depth(element) -> int:
    n = 0
    while element.getparent() is not None:
        element = element.getparent()
        n += 1
    return n


def _has_prose(element) -> bool:
    """True when the element holds at least one paragraph of running text."""
    for p in element.iter("p"):
        if len(_TOKEN.findall(p.text_content())) >= _PROSE_MIN_TOKENS:
            return True
    return False


def _blocks(body) -> list[_Block]:
    """Split trafilatura's XML body into top-level blocks with their link density."""
    from lxml import etree
    from trafilatura.xml import xmltotxt

    blocks: list[_Block] = []
    for child in body:
        if not isinstance(child.tag, str):
            continue
        raw = _SPACES.sub(" ", "".join(child.itertext())).strip()
        link_chars = sum(len(_SPACES.sub(" ", "".join(r.itertext())).strip()) for r in child.iter("ref"))
        copy = deepcopy(child)
        copy.tail = None
        holder = etree.Element("body")
        holder.append(copy)
        etree.strip_tags(holder, "ref")  # links were kept for the density only
        text = xmltotxt(holder, False)
        lines = [_SPACES.sub(" ", unicodedata.normalize("NFC", line)).strip() for line in text.split("\n")]
        text = "\n".join(line for line in lines if line)
        n = len(_TOKEN.findall(text))
        if n == 0:
            continue
        blocks.append(_Block(text, child.tag, min(1.0, link_chars / max(1, len(raw))), n))
    return blocks


def _trim(blocks: list[_Block]) -> list[str | None]:
    """A removal reason per block, or None to keep it.

    Hand-written because no extractor exposes this decision: the article lies
    between the first and last prose block; headings and link-heavy blocks
    outside that span are page furniture (the headline, which is its own field,
    section labels, related-story lists), and inside it only near-pure link
    lines ("Read more: ...") are dropped.
    """
    prose = [i for i, b in enumerate(blocks)
             if b.tag != "head" and b.tokens >= _PROSE_MIN_TOKENS and b.link_density < _EDGE_LINK_DENSITY]
    if prose:
        first, last = prose[0], prose[-1]
    else:
        body = [i for i, b in enumerate(blocks) if b.tag != "head"]
        first, last = (body[0], body[-1]) if body else (len(blocks), len(blocks) - 1)
    reasons: list[str | None] = []
    for i, b in enumerate(blocks):
        reason = None
        if i < first:
            if b.tag == "head":
                reason = "heading before the article body"
        elif i > last:
            if b.tag == "head":
                reason = "heading after the article body"
            elif b.link_density > _EDGE_LINK_DENSITY:
                reason = "links after the article body"
        elif b.tag != "head" and b.link_density > _INNER_LINK_DENSITY:
            reason = "link line inside the article body"
        reasons.append(reason)
    return reasons
