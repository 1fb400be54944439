"""The headline of a scrape, and what stands around it: the site's banner and the date line."""

from __future__ import annotations

import re
from difflib import SequenceMatcher

from dossier.clean import lines as L
from dossier.clean.dateline import full_date
from dossier.clean.blocks import BAD, GOOD, R_ABOVE, R_CAPTION, R_EMBED, R_HEADLINE, R_PROMO, R_REPEATED_HEADLINE, R_SITE, \
    R_TAGGED_LINK, R_URL, Block


_NUMBERED_ITEM = re.compile(r"^\d{1,2}[.)]\s")

# Field names that a dump puts before the headline itself.
_FIELD_LABELS = {"title", "headline", "subject"}


def substantial(text: str) -> bool:
    """A paragraph that can only be the article (not a tagline of short sentences)."""
    n = len(L.words(text))
    return n >= 25 or (n >= 15 and L.ends_sentence(text))


def similar(a: str, b: str) -> float:
    """Similarity of two lines; lines of very different length are never repeats (and
    comparing them would cost quadratic time on huge one-line files)."""
    la, lb = len(a), len(b)
    if not la or not lb or max(la, lb) > 2 * min(la, lb) + 40 or max(la, lb) > 2000:
        return 0.0
    m = SequenceMatcher(None, L.normalise(a), L.normalise(b))
    return m.ratio() if m.quick_ratio() >= 0.8 else 0.0


def take_title(blocks: list[Block], hint: str | None) -> str | None:
    """Pick the headline among the lines before the body, and mark what stands around it.

    A headline is a line of 4-30 words that does not end in a full stop and,
    more than the other lines above the body, shares its words with the body
    or is repeated further down (sites repeat the headline in captions and
    teasers).  Lines above it are banners, section labels and taglines.
    """
    first_body = next((i for i, b in enumerate(blocks) if b.verdict == GOOD and substantial(b.text)), len(blocks))

    if hint:
        for b in blocks:
            label = L.label_of(b.text)
            if similar(b.text, hint) >= 0.85 or (label and similar(label[1], hint) >= 0.85):
                b.verdict, b.reason = BAD, R_REPEATED_HEADLINE
        return hint.strip()

    # The lead (first paragraphs) is what a headline summarises; a site's tagline
    # or menu shares a word or two with it at most.
    lead = [b for b in blocks[first_body:] if b.verdict == GOOD][:3]
    lead_words = {w.lower() for b in lead for w in L.words(b.text) if len(w) > 3}
    best, best_score = None, float("-inf")
    scores: dict[int, float] = {}
    for i, b in enumerate(blocks[: min(first_body, 60)]):  # a headline sits near the top
        if b.reason in (R_CAPTION, R_EMBED, R_PROMO, R_URL, R_TAGGED_LINK, R_SITE):
            continue
        n = len(L.words(b.text))
        if L.ends_with_full_stop(b.text) and substantial(b.text):
            continue  # a paragraph of prose, not a headline
        if L.is_bullet(b.text) or _NUMBERED_ITEM.match(b.text) or b.text.rstrip().endswith(":"):
            continue  # a list item, or a line introducing what follows
        if not 4 <= n <= 30:
            continue
        shared = len({w.lower() for w in L.words(b.text) if len(w) > 3} & lead_words)
        if lead_words and not shared and full_date(b.text):
            continue  # a date line, on a page that does not carry its headline
        repeated = any(similar(b.text, o.text) >= 0.85 for o in blocks[i + 1 : i + 400])
        score = min(shared, 8) + 2 * repeated + (1 if 6 <= n <= 20 else 0) - 0.2 * (first_body - i)
        score -= 2 if L.ends_with_full_stop(b.text) else 0
        seps = L.separators(b.text)
        score -= 3 if seps >= 2 else 1.5 if seps else 0  # a menu, breadcrumb, byline or "Headline | Site"
        scores[i] = score
        if score > best_score:
            best, best_score = i, score
    # A headline with its standfirst right under it: both share the lead's
    # words, and the headline is the first of the two.
    # (A kicker or a time stamp above the headline is not a headline.)
    if best is not None and scores.get(best - 1, float("-inf")) >= best_score - 3.5:
        above = blocks[best - 1].text
        if len(L.words(above)) > 5 and not L.has_timestamp(above):
            best = best - 1
    # "Headline | Site name" (the browser title) with the plain headline further down.
    if best is not None and L.separators(blocks[best].text):
        head = re.split(r"\s+[|—–-]\s+", blocks[best].text)[0]
        head_key = L.normalise(head)
        plain = next((k for k in range(best + 1, first_body)
                      if similar(blocks[k].text, head) >= 0.9 or (len(L.normalise(blocks[k].text)) > 20
                                                                   and L.normalise(blocks[k].text) in head_key)), None)
        if plain is not None:
            best = plain
    if best is None:
        return None

    title_block = blocks[best]
    for b in blocks[:best]:
        b.verdict, b.reason = BAD, R_ABOVE
    title_block.verdict, title_block.reason = BAD, R_HEADLINE
    for b in blocks[best + 1 :]:
        if similar(b.text, title_block.text) >= 0.85:
            b.verdict, b.reason = BAD, R_REPEATED_HEADLINE
    title = L.strip_trailing_tags(title_block.text)
    label = L.label_of(title)
    if label and label[0].lower() in _FIELD_LABELS:
        title = label[1]  # "Title: ..." in a feed or form dump
    return title


# "Vechirni Visnyk — the evening news of ...": the name before a tagline.
_TAGLINE_SPLIT = re.compile(r"\s+[—–|·•:]\s+|\s+-\s+")


def read_head(blocks: list[Block]) -> tuple[str | None, str | None]:
    """The site's name from its banner and the publication date from the date line.

    The banner is the first line of the page when it stands above the headline:
    a name of two to six words, or one word with a capital or digit inside
    ("NewsHarbor24").  A single plain word there is a section label ("World").
    The date is the first full date (day, month, year) in a line between the
    page top and the body.
    """
    site = None
    title_at = next((i for i, b in enumerate(blocks) if b.reason == R_HEADLINE), None)
    if title_at and blocks[0].reason in (R_ABOVE, R_SITE):
        site = _banner_name(blocks[0].text)
    first_body = next((i for i, b in enumerate(blocks) if b.verdict == GOOD), len(blocks))
    published = None
    for b in blocks[: first_body + 1]:
        if b.verdict == GOOD and b is not blocks[first_body]:
            continue
        if b.verdict == GOOD and len(L.words(b.text)) > 12:
            break
        published = full_date(b.text)
        if published:
            break
    return site, published


def _banner_name(text: str) -> str | None:
    name = _TAGLINE_SPLIT.split(text.strip(), maxsplit=1)[0].strip()
    ws = name.split()
    if not 1 <= len(ws) <= 6 or L.ends_sentence(name) or not name[0].isupper():
        return None
    if len(ws) == 1 and not re.search(r"\w[A-Z0-9]", name):
        return None  # one plain word: a section label
    if name.isupper():
        name = " ".join(w.capitalize() if len(w) > 2 or i == 0 else w.lower() for i, w in enumerate(name.split()))
    return name
