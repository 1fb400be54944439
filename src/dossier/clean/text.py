"""Cut page furniture out of a plain-text scrape and keep every sentence of the article.

Why by hand: boilerplate removers (jusText, trafilatura) work on an HTML tree and
give no reason per cut; a scrape is bare lines, and a user must be able to audit
each removal.  The method follows jusText's idea on lines instead of DOM blocks:

1. split the raw text into blocks (lines, also split at stray HTML debris);
2. give each block a verdict from its own shape: prose ("good"), furniture
   ("bad", with a reason), or too short to tell ("neutral");
3. find the headline among the lines before the body starts;
4. let each neutral block take the verdict of its neighbours: a short line
   among furniture is furniture, a short line next to prose is prose.

Every decision is structural (line length, sentence shape, label-then-headline
link lines, repetition, position) or general web language; none lists a site's
phrases.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from difflib import SequenceMatcher

from dossier.clean import lines as L
from dossier.model import CleanText, Removal

# HTML element names, for markup debris that lost its "<" or ">" in scraping.
_TAGS = (
    r"(?:p|br|div|span|a|em|strong|b|i|u|li|ul|ol|h[1-6]|blockquote|figure|figcaption|img|"
    r"section|article|iframe|script|style|table|tr|td|th|tbody|thead|header|footer|nav|aside|"
    r"small|sup|sub|hr|picture|source|video|noscript)"
)
_MARKUP = re.compile(
    rf"<!--.*?-->|<\s*/?\s*{_TAGS}\b[^<>\n]{{0,200}}>"  # whole tags, e.g. "< /p>", "<br/>"
    rf"|^\s*/?{_TAGS}(?:\s[^<>\n]{{0,200}})?>"  # lost its "<" at line start: "p>", 'div class="x">'
    rf"|<\s*/?\s*{_TAGS}\s*$",  # lost its ">" at line end: "<p"
    re.IGNORECASE,
)

_END_MARKER = re.compile(r"^(?:#{3}|-\s?30\s?-|[-–—]*\s*ENDS?\s*[-–—]*)$")

GOOD, BAD, NEUTRAL, PENDING = "good", "bad", "neutral", "pending"

# Reasons, worded for the reader who audits a removal.
R_MARKUP = "stray HTML markup"
R_ABOVE = "above the headline (site banner, section label or tagline)"
R_HEADLINE = "headline (kept as the title)"
R_REPEATED_HEADLINE = "headline repeated"
R_REPEATED = "line repeated"
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


def clean_text(raw: str, title_hint: str | None = None) -> CleanText:
    """Split ``raw`` into the article body, its title and the furniture removed.

    ``title_hint`` is a title known from metadata (feed, JSONL, HTML head); lines
    repeating it are removed as the headline.
    """
    removed: list[Removal] = []
    blocks = _split_blocks(raw, removed)
    for b in blocks:
        b.verdict, b.reason = _shape_verdict(b.text)
    _mark_repeats(blocks)
    _mark_embeds(blocks)
    _mark_after_labels(blocks)
    _mark_comment_template(blocks)
    _mark_end_marker(blocks)

    title = _take_title(blocks, title_hint)
    _settle_labels(blocks)
    _follow_quotes(blocks)
    _settle_neutrals(blocks)
    _keep_subheadings(blocks)
    _name_unreasoned(blocks)

    body = [b for b in blocks if b.verdict == GOOD]
    removed.extend(Removal(b.start, b.end, raw[b.start : b.end], b.reason or R_SHORT) for b in blocks if b.verdict != GOOD)
    removed.sort(key=lambda r: r.start)
    text = "\n\n".join(_tidy(b.text) for b in body)
    return CleanText(title=title, text=text, removed=tuple(removed))


# --- step 1: blocks --------------------------------------------------------------------------


def _split_blocks(raw: str, removed: list[Removal]) -> list[Block]:
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
        for a, b in pieces:
            seg = raw[a:b]
            stripped = seg.strip()
            if not stripped:
                continue
            a += len(seg) - len(seg.lstrip())
            blocks.append(Block(a, a + len(stripped), stripped, gap_before=gap))
            gap = False
    return blocks


# --- step 2: verdicts from a block's own shape ----------------------------------------------


def _shape_verdict(text: str) -> tuple[str, str | None]:
    """Prose, furniture (with reason) or undecided, from the block alone."""
    if L.is_url(text):
        return BAD, R_URL
    if L.is_caption(text):
        return BAD, R_CAPTION
    if L.is_embed(text):
        return BAD, R_EMBED
    n_words = len(L.words(text))
    if L.is_promo(text) and n_words <= 40:
        return BAD, R_PROMO
    if L.has_trailing_tags(text) and not L.ends_sentence(L.strip_trailing_tags(text)):
        return BAD, R_TAGGED_LINK
    label = L.label_of(text)
    if label and len(L.words(label[1])) >= 1:
        name, rest = label
        if L.is_upper_label(name) or not L.ends_sentence(rest):
            return BAD, f"{R_LINK}: “{name}:”"
        return PENDING, None  # decided by position once the body is known
    if text.rstrip().endswith(":"):
        label_words = L.words(text)
        if len(label_words) <= 4 and not any(w.lower() in L.REPORTING_VERBS for w in label_words):
            return BAD, R_LABEL  # "Related:", "Watch:", "Media contact:" heading a list of links
        return NEUTRAL, None  # introduces what follows: a quote, a list
    if not L.sentence_like(text):
        return BAD, None  # headline-shaped; the reason depends on where it stands
    if len(text) >= 80 or (len(L.sentences(text)) >= 2 and n_words >= 10) or L.is_reported_speech(text):
        return GOOD, None
    return NEUTRAL, None


def _substantial(text: str) -> bool:
    """A paragraph that can only be the article (not a tagline of short sentences)."""
    n = len(L.words(text))
    return n >= 25 or (n >= 15 and L.ends_sentence(text))


def _mark_repeats(blocks: list[Block]) -> None:
    """A line that already appeared (a repeated headline or caption) is furniture."""
    seen: set[str] = set()
    for b in blocks:
        key = L.normalise(b.text)
        if not key:
            continue
        if key in seen and b.verdict != BAD:
            b.verdict, b.reason = BAD, R_REPEATED
        seen.add(key)


def _mark_embeds(blocks: list[Block]) -> None:
    """Embedded posts: the text above an attribution line ("— Name (@handle) date"),
    and the display name, handle, text and time of a post card ("@handle" on its own line)."""
    for i, b in enumerate(blocks):
        if i and L.is_embed_attribution(b.text):
            blocks[i - 1].verdict, blocks[i - 1].reason = BAD, R_EMBED
        if L.is_handle(b.text):
            b.verdict, b.reason = BAD, R_EMBED
            if i and len(L.words(blocks[i - 1].text)) <= 6 and not L.sentence_like(blocks[i - 1].text):
                blocks[i - 1].verdict, blocks[i - 1].reason = BAD, R_EMBED
            for nxt in blocks[i + 1 : i + 4]:
                nxt.verdict, nxt.reason = BAD, R_EMBED
                if L.has_timestamp(nxt.text) and len(L.words(nxt.text)) <= 10:
                    break


def _mark_end_marker(blocks: list[Block]) -> None:
    """Press releases and wire copy end with a marker ("###", "-30-", "ENDS"); what follows
    is contact details and boilerplate."""
    for i, b in enumerate(blocks):
        if i and _END_MARKER.match(b.text) and any(x.verdict == GOOD for x in blocks[:i]):
            for rest in blocks[i:]:
                rest.verdict, rest.reason = BAD, R_END
            return


def _mark_after_labels(blocks: list[Block]) -> None:
    """The line under a bare label ("Related:") is one of its links when it is not prose."""
    for i, b in enumerate(blocks):
        if b.reason != R_LABEL:
            continue
        for j, nxt in enumerate(blocks[i + 1 :]):
            if (j and nxt.gap_before) or nxt.verdict not in (NEUTRAL, BAD) or nxt.reason is not None:
                break
            nxt.verdict, nxt.reason = BAD, R_LINK


def _mark_comment_template(blocks: list[Block]) -> None:
    """A comment section: short lines that repeat with the same shape (a "Reply" link,
    "12 May 2024 at 10:41") after the article.

    Live blogs repeat times too, but there the repeats start before most of the
    text; comments start after the article, which holds most of the prose.
    """
    def shape(text: str) -> str:
        return re.sub(r"\d+", "0", L.normalise(text))

    counts: dict[str, list[int]] = {}
    for i, b in enumerate(blocks):
        if b.verdict in (BAD, NEUTRAL) and b.reason in (None, R_SHORT) and len(L.words(b.text)) <= 8:
            counts.setdefault(shape(b.text), []).append(i)
    repeating = [idx for key, idx in counts.items() if key and len(idx) >= 2]
    if not repeating:
        return
    start = min(idx[0] for idx in repeating)
    if any(b.verdict == GOOD and len(L.words(b.text)) > 80 for b in blocks[start:]):
        return  # a long paragraph after the repeats: still the article (ads between paragraphs)
    # Step back over the first comment (just above the first "Reply") and its
    # author line, then over the section's header lines.
    if start > 1 and blocks[start - 1].verdict == GOOD and len(L.words(blocks[start - 1].text)) <= 60 \
            and blocks[start - 2].verdict != GOOD:
        start -= 1
    while start > 0 and blocks[start - 1].verdict != GOOD:
        start -= 1
    prose_before = sum(len(b.text) for b in blocks[:start] if b.verdict == GOOD)
    prose_after = sum(len(b.text) for b in blocks[start:] if b.verdict == GOOD)
    if prose_before < 200 or prose_before < prose_after:
        return
    for b in blocks[start:]:
        if b.reason != R_MARKUP:
            b.verdict, b.reason = BAD, R_COMMENTS


# --- step 3: the headline --------------------------------------------------------------------


def _similar(a: str, b: str) -> float:
    """Similarity of two lines; lines of very different length are never repeats (and
    comparing them would cost quadratic time on huge one-line files)."""
    la, lb = len(a), len(b)
    if not la or not lb or max(la, lb) > 2 * min(la, lb) + 40 or max(la, lb) > 2000:
        return 0.0
    return SequenceMatcher(None, L.normalise(a), L.normalise(b)).ratio()


def _take_title(blocks: list[Block], hint: str | None) -> str | None:
    """Pick the headline among the lines before the body, and mark what stands around it.

    A headline is a line of 4-30 words that does not end in a full stop and,
    more than the other lines above the body, shares its words with the body
    or is repeated further down (sites repeat the headline in captions and
    teasers).  Lines above it are banners, section labels and taglines.
    """
    first_body = next((i for i, b in enumerate(blocks) if b.verdict == GOOD and _substantial(b.text)), len(blocks))

    if hint:
        for b in blocks:
            label = L.label_of(b.text)
            if _similar(b.text, hint) >= 0.85 or (label and _similar(label[1], hint) >= 0.85):
                b.verdict, b.reason = BAD, R_REPEATED_HEADLINE
        return hint.strip()

    # The lead (first paragraphs) is what a headline summarises; a site's tagline
    # or menu shares a word or two with it at most.
    lead = [b for b in blocks[first_body:] if b.verdict == GOOD][:3]
    lead_words = {w.lower() for b in lead for w in L.words(b.text) if len(w) > 3}
    best, best_score = None, float("-inf")
    scores: dict[int, float] = {}
    for i, b in enumerate(blocks[:first_body]):
        if b.reason in (R_CAPTION, R_EMBED, R_PROMO, R_URL, R_TAGGED_LINK):
            continue
        n = len(L.words(b.text))
        if b.text.rstrip().endswith(".") and (b.verdict == GOOD or n >= 12):
            continue  # a sentence of prose, not a headline
        if L.is_bullet(b.text):
            continue
        if not 4 <= n <= 30:
            continue
        shared = len({w.lower() for w in L.words(b.text) if len(w) > 3} & lead_words)
        repeated = any(_similar(b.text, o.text) >= 0.85 for o in blocks[i + 1 :])
        score = min(shared, 8) + 2 * repeated + (1 if 6 <= n <= 20 else 0) - 0.2 * (first_body - i)
        score -= 2 if b.text.rstrip().endswith(".") else 0
        score -= 3 if L.separators(b.text) >= 2 else 0  # a menu, breadcrumb or byline
        scores[i] = score
        if score > best_score:
            best, best_score = i, score
    # A headline with its standfirst right under it: both share the lead's
    # words, and the headline is the first of the two.
    if best is not None and scores.get(best - 1, float("-inf")) >= best_score - 2:
        best = best - 1
    if best is None:
        return None

    title_block = blocks[best]
    for b in blocks[:best]:
        b.verdict, b.reason = BAD, R_ABOVE
    title_block.verdict, title_block.reason = BAD, R_HEADLINE
    for b in blocks[best + 1 :]:
        if _similar(b.text, title_block.text) >= 0.85:
            b.verdict, b.reason = BAD, R_REPEATED_HEADLINE
    return L.strip_trailing_tags(title_block.text)


# --- step 4: context ------------------------------------------------------------------------


def _settle_labels(blocks: list[Block]) -> None:
    """A label line with a full sentence ("Update: ...") is prose inside the body,
    and a link line (teaser text after "See also:") above or below it."""
    good = [i for i, b in enumerate(blocks) if b.verdict == GOOD]
    for i, b in enumerate(blocks):
        if b.verdict != PENDING:
            continue
        inside = bool(good) and good[0] < i < good[-1]
        # "Update: ..." right after the last paragraph belongs to the story; a long
        # run of teasers glued after a label ("See also: ...") does not.
        closing = bool(good) and i == good[-1] + 1 and len(L.sentences(b.text)) <= 2
        if inside or closing:
            b.verdict = GOOD if len(b.text) >= 80 else NEUTRAL
        else:
            label = L.label_of(b.text)
            b.verdict, b.reason = BAD, f"{R_LINK}: “{label[0] if label else ''}:”"


def _follow_quotes(blocks: list[Block]) -> None:
    """Paragraphs of a quote that runs over several paragraphs are prose.

    News style opens each paragraph of a long quote with a quotation mark and
    closes only the last; a promo line may sit in between.  While a quote
    opened in prose is still open, a paragraph that opens with a quotation
    mark continues it.
    """
    open_quote = False
    for b in blocks:
        if b.verdict == GOOD:
            open_quote = L.quote_left_open(b.text)
        elif open_quote and b.text[0] in L.QUOTES_OPEN and b.verdict == NEUTRAL:
            b.verdict = GOOD
            open_quote = L.quote_left_open(b.text)


def _settle_neutrals(blocks: list[Block]) -> None:
    """Short lines take the verdict of their nearest decided neighbours.

    Furniture on both sides (or the page edge) makes a short line furniture, as
    a comment form's "Your email address will not be published." between
    "Leave a Reply" and "Previous Story"; prose on either side keeps it, as a
    one-sentence paragraph or a quote's last line.
    """
    # Captions and headings (headline-shaped lines with no other reason) sit inside
    # articles as often as around them: inside the body (prose follows further
    # down) they say nothing about a neighbour; after the last prose they are
    # the page's tail.
    last_good = max((i for i, b in enumerate(blocks) if b.verdict == GOOD), default=-1)
    decided = [
        (i, b.verdict == GOOD)
        for i, b in enumerate(blocks)
        if b.verdict == GOOD or (b.verdict == BAD and (b.reason or i > last_good))
    ]
    for i, b in enumerate(blocks):
        if b.verdict != NEUTRAL:
            continue
        before = [good for j, good in decided if j < i]
        after = [good for j, good in decided if j > i]
        prev_good = before[-1] if before else False
        next_good = after[0] if after else False
        if prev_good or next_good:
            b.verdict = GOOD
        else:
            b.verdict, b.reason = BAD, R_SHORT
    if not any(b.verdict == GOOD for b in blocks):
        # No prose at all: keep what reads as sentences rather than return nothing.
        for b in blocks:
            if b.reason is None and L.sentence_like(b.text):
                b.verdict = GOOD


def _keep_subheadings(blocks: list[Block]) -> None:
    """A headline-shaped line between paragraphs, followed by a full paragraph, is a
    sub-heading of the article, unless it reads as a picture's caption: it names
    a medium ("map", "video"), is only a name, or sits next to a credited caption."""
    for i, b in enumerate(blocks):
        if b.verdict != BAD or b.reason is not None or i == 0 or i + 1 >= len(blocks):
            continue
        prev, nxt = blocks[i - 1], blocks[i + 1]
        if not (prev.verdict == GOOD and nxt.verdict == GOOD and _substantial(nxt.text)):
            continue
        ws = L.words(b.text)
        if len(ws) < 2 or len(ws) > 14 or L.separators(b.text) or L.has_timestamp(b.text):
            continue
        if any(w.lower() in L.MEDIA_NOUNS for w in ws) or all(w[0].isupper() for w in ws):
            continue
        if any(n.reason == R_CAPTION for n in (prev, nxt)) or b.text.rstrip().endswith(":"):
            continue
        b.verdict = GOOD


def _name_unreasoned(blocks: list[Block]) -> None:
    """Give headline-shaped removals a reason from where they stand."""
    good = [i for i, b in enumerate(blocks) if b.verdict == GOOD]
    first, last = (good[0], good[-1]) if good else (len(blocks), -1)
    for i, b in enumerate(blocks):
        if b.verdict == GOOD or b.reason:
            continue
        b.reason = R_HEADING_HEAD if i < first else R_TAIL if i > last else R_HEADING_MID


def _tidy(text: str) -> str:
    """Collapse runs of spaces left where debris was cut."""
    return re.sub(r"[ \t\u00a0]{2,}", " ", html.unescape(text)).strip()
