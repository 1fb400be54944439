"""Blocks: the candidate paragraphs of a scrape, with their verdicts and the reasons for cuts."""

from __future__ import annotations

import re
from dataclasses import dataclass

from dossier.model import Removal

# HTML element names, for markup debris that lost its "<" or ">" in scraping.
_TAGS = (
    r"(?:p|br|div|span|a|em|strong|b|i|u|li|ul|ol|h[1-6]|blockquote|figure|figcaption|img|"
    r"section|article|iframe|script|style|table|tr|td|th|tbody|thead|header|footer|nav|aside|"
    r"small|sup|sub|hr|picture|source|video|noscript)"
)
_MARKUP = re.compile(
    r"<!--.*?-->|<\s*/?\s*[A-Za-z][A-Za-z0-9-]{0,20}(?:\s[^<>\n]{0,300})?\s*/?>"  # whole tags: "< /p>", "<time>"
    rf"|(?:^|(?<=>))\s*/?{_TAGS}(?:\s[^<>\n]{{0,200}})?>"  # lost its "<": "p>", 'div class="x">'
    rf"|<\s*/?\s*{_TAGS}\s*$",  # lost its ">" at line end: "<p"
    re.IGNORECASE,
)

GOOD, BAD, NEUTRAL, PENDING = "good", "bad", "neutral", "pending"

# Reasons, worded for the reader who audits a removal.
R_MARKUP = "stray HTML markup"
R_ABOVE = "above the headline (site banner, section label or tagline)"
R_HEADLINE = "headline (kept as the title)"
R_REPEATED_HEADLINE = "headline repeated"
R_REPEATED = "line repeated"
R_MENU = "menu, ticker or table row (several separators)"
R_SITE = "recurs on other pages of this site (the site's template)"
R_LINK_LIST = "list of other articles (most read, trending)"
R_MEDIA = "media player or placeholder"
R_PULL_QUOTE = "pull quote (repeats words of a paragraph)"
R_LINK = "link line (a label followed by a headline)"
R_TAGGED_LINK = "link to another article (headline with a section tag)"
R_CAPTION = "image caption or credit"
R_EMBED = "social media embed"
R_PROMO = "promotion or site notice"
R_URL = "bare link"
R_SHORT = "short line among page furniture (navigation, comment form, teaser)"
R_HEADING_MID = "caption or heading inside the article (not a sentence)"
R_HEADING_HEAD = "below the headline, not a sentence (byline, date or teaser)"
R_TAIL = "after the article (related headlines, navigation or footer)"
R_LABEL = "label heading a list of links or contacts"
R_END = "after the end-of-article marker (contacts, boilerplate)"
R_COMMENTS = "reader comments (a repeated name, time and reply template)"


@dataclass
class Block:
    """One candidate paragraph: a stretch of a raw line, with its verdict."""

    start: int
    end: int
    text: str
    verdict: str = NEUTRAL
    reason: str | None = None
    gap_before: bool = True  # a blank line (or the start of the text) comes before it
    after_markup: bool = False  # starts right after markup debris in the middle of a line


def split_blocks(raw: str, removed: list[Removal]) -> list[Block]:
    """Lines of ``raw``, cut at stray markup (recorded in ``removed``), with raw offsets."""
    blocks: list[Block] = []
    prev_end = 0
    for line in re.finditer(r"[^\n]+", raw):
        gap = not blocks or raw[prev_end : line.start()].replace("\r", "").replace(" ", "").replace("\t", "").count("\n") >= 2
        prev_end = line.end()
        pos, line_start = line.start(), line.start()
        pieces: list[tuple[int, int]] = []
        for m in _MARKUP.finditer(line.group()):
            a, b = line_start + m.start(), line_start + m.end()
            if raw[a:b].strip():
                removed.append(Removal(a, b, raw[a:b], R_MARKUP))
            pieces.append((pos, a))
            pos = b
        pieces.append((pos, line.end()))
        text_before = False
        for a, b in pieces:
            seg = raw[a:b]
            stripped = seg.strip()
            if not stripped:
                continue
            a += len(seg) - len(seg.lstrip())
            blocks.append(Block(a, a + len(stripped), stripped, gap_before=gap, after_markup=text_before))
            gap, text_before = False, True
    return blocks
