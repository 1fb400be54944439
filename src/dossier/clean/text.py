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

from dossier.clean import lines as L
from dossier.clean.blocks import (
    BAD, GOOD, NEUTRAL, PENDING, R_CAPTION, R_COMMENTS, R_EMBED, R_END, R_HEADING_HEAD, R_HEADING_MID,
    R_LABEL, R_LINK, R_LINK_LIST, R_MENU, R_SITE, R_MARKUP, R_MEDIA, R_PROMO, R_PULL_QUOTE, R_REPEATED, R_SHORT, R_TAGGED_LINK, R_TAIL, R_URL, Block,
    split_blocks,
)
from dossier.clean.headline import read_head, substantial, take_title
from dossier.model import CleanText, Removal

# Press releases and wire copy end with a marker; what follows is contacts and boilerplate.
_NUMBERED = re.compile(r"^\d{1,2}[.)]\s+")
_ARROW = re.compile(r"^[→»➤]\s*")
_END_MARKER = re.compile(r"^(?:#{3}|-\s?30\s?-|[-–—]*\s*ENDS?\s*[-–—]*)$")


def clean_text(raw: str, title_hint: str | None = None, site_template: frozenset[str] = frozenset()) -> CleanText:
    """Split ``raw`` into the article body, its title and the furniture removed.

    ``title_hint`` is a title known from metadata (feed, JSONL, HTML head); lines
    repeating it are removed as the headline.  ``site_template`` holds normalised
    lines that recur on other pages of the same site (``corpus.boilerplate``).
    """
    removed: list[Removal] = []
    blocks = split_blocks(raw, removed)
    for b in blocks:
        b.verdict, b.reason = _shape_verdict(b.text)
        if site_template and L.normalise(b.text) in site_template:
            b.verdict, b.reason = BAD, R_SITE
    _mark_repeats(blocks)
    _mark_pull_quotes(blocks)
    _mark_embeds(blocks)
    _mark_numbered_link_lists(blocks)
    _mark_headline_lists(blocks)
    _mark_after_labels(blocks)
    _mark_comment_template(blocks)
    _mark_end_marker(blocks)

    title = take_title(blocks, title_hint)
    site, published = read_head(blocks)
    _settle_labels(blocks)
    _follow_quotes(blocks)
    _settle_neutrals(blocks)
    _keep_body_lists(blocks)
    _keep_subheadings(blocks)
    _keep_body_lists(blocks)  # lists under the sub-headings just kept
    _name_unreasoned(blocks)

    body = [b for b in blocks if b.verdict == GOOD]
    removed.extend(Removal(b.start, b.end, raw[b.start : b.end], b.reason or R_SHORT) for b in blocks if b.verdict != GOOD)
    removed.sort(key=lambda r: r.start)
    text = "\n\n".join(_tidy(b.text) for b in body)
    return CleanText(title=title, text=text, removed=tuple(removed), published=published, site=site)


# --- step 1: blocks --------------------------------------------------------------------------


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
    if L.separators(text) >= 3:
        return BAD, R_MENU  # a menu, a ticker, a table row: never prose
    if (L.is_promo(text) and n_words <= 40) or (L.promo_hits(text) >= 2 and n_words <= 120):
        return BAD, R_PROMO
    if L.has_trailing_tags(text) and not L.ends_sentence(L.strip_trailing_tags(text)):
        return BAD, R_TAGGED_LINK
    label = L.label_of(text)
    if label and len(L.words(label[1])) >= 1:
        name, rest = label
        if not L.ends_sentence(rest):
            return BAD, f"{R_LINK}: “{name}:”"
        return PENDING, None  # decided by position once the body is known
    label = L.link_label(text)
    if label and not L.ends_sentence(label[1]) and len(L.words(label[1])) >= 2:
        return BAD, f"{R_LINK}: “{label[0]}”"
    if text.rstrip().endswith(":"):
        return NEUTRAL, None  # introduces what follows: a quote, a list, or a box of links
    if not L.sentence_like(text):
        return BAD, None  # headline-shaped; the reason depends on where it stands
    if n_words <= 6 and any(w.lower() in L.MEDIA_NOUNS for w in L.words(text)):
        return BAD, R_MEDIA  # "Video player loading...", "Listen to this story."
    if len(text) >= 80 or (len(L.sentences(text)) >= 2 and n_words >= 10) or L.is_reported_speech(text):
        return GOOD, None
    return NEUTRAL, None


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


def _mark_numbered_link_lists(blocks: list[Block]) -> None:
    """A numbered run of headlines ("1. ...", "2. ...") is a most-read or trending box;
    an item that happens to end in "?" goes with the rest of its list."""
    i = 0
    while i < len(blocks):
        j = i
        while j < len(blocks) and _NUMBERED.match(blocks[j].text):
            j += 1
        run = blocks[i:j]
        if len(run) >= 3 and sum(not L.sentence_like(_NUMBERED.sub("", b.text)) for b in run) > len(run) / 2:
            for b in run:
                b.verdict, b.reason = BAD, R_LINK_LIST
        i = max(j, i + 1)


def _mark_after_labels(blocks: list[Block]) -> None:
    """A short line ending in ":" heads either the article's own list or quote, or a box
    of links or contacts ("Related:", "Media contact:").  It is a box when the lines
    under it read as headlines or names (capitalised, not all sentences), or when
    nothing of the article follows it."""
    for i, b in enumerate(blocks):
        if not _is_bare_label(b) or b.verdict != NEUTRAL:
            continue
        run: list[Block] = []
        for nxt in blocks[i + 1 :]:
            if (run and nxt.gap_before) or nxt.verdict not in (NEUTRAL, BAD) or nxt.reason is not None:
                break
            run.append(nxt)
        following = blocks[i + 1] if i + 1 < len(blocks) else None
        if run:
            items = [L.strip_bullet(x.text) for x in run]
            headlines = all(it[:1].isupper() or it[:1].isdigit() for it in items) and not all(L.ends_sentence(it) for it in items)
            if not headlines:
                continue
            for x in run:
                x.verdict, x.reason = BAD, R_LINK
        elif following is not None and following.verdict == GOOD:
            continue
        b.verdict, b.reason = BAD, R_LABEL


def _is_bare_label(b: Block) -> bool:
    ws = L.words(b.text)
    return b.text.rstrip().endswith(":") and len(ws) <= 4 and not any(w.lower() in L.REPORTING_VERBS for w in ws)


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
    good_at = [i for i, b in enumerate(blocks) if b.verdict == GOOD or (b.verdict == NEUTRAL and L.ends_sentence(b.text))]

    def interleaved(idx: list[int]) -> bool:
        """Repeats with prose between them (a "Reply" after each comment), not a run of one line."""
        return any(any(a < g < b for g in good_at) for a, b in zip(idx, idx[1:]))

    repeating = [idx for key, idx in counts.items() if key and len(idx) >= 2 and interleaved(idx)]
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
    last_repeat = max(idx[-1] for idx in repeating)
    if sum(1 for b in blocks[last_repeat + 1 :] if b.verdict == GOOD) > 1:
        return  # prose after the last repeat: a widget inside the article (a poll), not comments
    prose_before = sum(len(b.text) for b in blocks[:start] if b.verdict == GOOD)
    prose_after = sum(len(b.text) for b in blocks[start:] if b.verdict == GOOD)
    if prose_before < 200 or prose_before < prose_after:
        return
    for b in blocks[start:]:
        if b.reason != R_MARKUP:
            b.verdict, b.reason = BAD, R_COMMENTS


# --- step 4: context ------------------------------------------------------------------------


def _settle_labels(blocks: list[Block]) -> None:
    """Decide label lines whose rest is a full sentence ("Update: ...", "Q: ...", "See also: ...").

    A paragraph of prose after a label is the article's own ("A: It was by
    accident. ...", "Correction: ..."), unless it was glued to the page after
    a stray closing tag, as scrapers glue teaser lists.  A short one is prose
    inside the body and a link line above or below it.
    """
    for b in blocks:
        if b.verdict == PENDING and substantial(b.text) and not b.after_markup:
            b.verdict = GOOD
    good = [i for i, b in enumerate(blocks) if b.verdict == GOOD]
    for i, b in enumerate(blocks):
        if b.verdict != PENDING:
            continue
        inside = bool(good) and good[0] < i < good[-1]
        closing = bool(good) and i == good[-1] + 1 and len(L.sentences(b.text)) <= 2
        if (inside or closing) and not b.after_markup:
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
        b.verdict == GOOD if (b.verdict == GOOD or (b.verdict == BAD and (b.reason or i > last_good))) else None
        for i, b in enumerate(blocks)
    ]
    prev_good, next_good = [False] * len(blocks), [False] * len(blocks)
    seen = False  # the page edge counts as furniture
    for i, d in enumerate(decided):
        prev_good[i] = seen
        seen = d if d is not None else seen
    seen = False
    for i in range(len(blocks) - 1, -1, -1):
        next_good[i] = seen
        seen = decided[i] if decided[i] is not None else seen
    for i, b in enumerate(blocks):
        if b.verdict != NEUTRAL:
            continue
        if prev_good[i] or next_good[i]:
            b.verdict = GOOD
        else:
            b.verdict, b.reason = BAD, R_SHORT
    if not any(b.verdict == GOOD for b in blocks):
        # No prose at all: keep what reads as sentences rather than return nothing.
        for b in blocks:
            if b.reason is None and L.sentence_like(b.text):
                b.verdict = GOOD


def _keep_body_lists(blocks: list[Block]) -> None:
    """A bullet list inside the article is body when it reads as one: its items
    start in lower case, or end as sentences, or it follows a line ending in ":"
    or a sub-heading.  Lists of related headlines (capitalised, unpunctuated)
    stay furniture, and so does any list before the body starts or after it ends."""
    good = [i for i, b in enumerate(blocks) if b.verdict == GOOD]
    if not good:
        return
    i = 0
    while i < len(blocks):
        if not L.is_bullet(blocks[i].text):
            i += 1
            continue
        j = i
        while j < len(blocks) and L.is_bullet(blocks[j].text):
            j += 1
        run, before = blocks[i:j], blocks[i - 1] if i else None
        items = [L.strip_bullet(b.text) for b in run]
        if sum(bool(L.label_of(it)) for it in items) > len(items) / 2:
            i = j
            continue  # "Length: 6.4 km", "Cost: ...": a fact box beside the article
        listy = all(it[:1].islower() for it in items if it) or all(L.ends_sentence(it) for it in items) \
            or (before is not None and (before.text.rstrip().endswith(":") or _is_subheading_shape(before.text)))
        inside = good[0] < i and j <= good[-1]
        plain = all(b.reason is None or b.verdict == GOOD for b in run) and not any(L.separators(it) or L.has_trailing_tags(it) for it in items)
        if listy and inside and plain:
            for b in run:
                b.verdict, b.reason = GOOD, None
        i = j


def _mark_headline_lists(blocks: list[Block]) -> None:
    """A bullet list whose items are mostly headlines (capitalised, unpunctuated) is a
    list of links, and so is the one item in it that happens to be a headline of
    whole sentences ("Our city sleeps at 11 p.m. Its workers don't.").  Arrows count
    as bullets here: a list of arrowed links is a list of links."""
    def listed(text: str) -> bool:
        return L.is_bullet(text) or bool(_ARROW.match(text))

    i = 0
    while i < len(blocks):
        if not listed(blocks[i].text):
            i += 1
            continue
        j = i
        while j < len(blocks) and listed(blocks[j].text):
            j += 1
        run = blocks[i:j]
        headlines = sum(b.verdict == BAD and b.reason is None for b in run)
        if len(run) >= 3 and headlines > len(run) / 2:
            for b in run:
                if b.verdict == GOOD:
                    b.verdict, b.reason = BAD, None
        i = j


def _is_subheading_shape(text: str) -> bool:
    ws = L.words(text)
    return 2 <= len(ws) <= 14 and not L.sentence_like(text) and not L.separators(text) and not L.is_bullet(text)


def _keep_subheadings(blocks: list[Block]) -> None:
    """A headline-shaped line between paragraphs, followed by a full paragraph or a
    list, is a sub-heading of the article, unless it reads as a picture's caption:
    it names a medium ("map", "video"), is only a name, or sits next to a credited
    caption.  Link lines and promos between it and the paragraph above do not count."""
    for i, b in enumerate(blocks):
        if b.verdict != BAD or b.reason is not None or i == 0 or i + 1 >= len(blocks):
            continue
        k = i - 1
        while k > 0 and blocks[k].verdict == BAD and blocks[k].reason not in (None, R_CAPTION):
            k -= 1
        n = i + 1
        while n + 1 < len(blocks) and blocks[n].verdict == BAD and blocks[n].reason in (R_CAPTION, R_EMBED, R_PROMO, R_MEDIA):
            n += 1  # a listicle's item heading, then its picture, then its text
        prev, nxt = blocks[k], blocks[n]
        opens = substantial(nxt.text) or L.is_bullet(nxt.text) or nxt.text.rstrip().endswith(":")
        if not (prev.verdict == GOOD and nxt.verdict == GOOD and opens):
            continue
        ws = L.words(b.text)
        if not _is_subheading_shape(b.text) or L.has_timestamp(b.text):
            continue
        numbered = bool(_NUMBERED.match(b.text))
        if any(w.lower() in L.MEDIA_NOUNS for w in ws) or (all(w[0].isupper() for w in ws) and not numbered):
            continue
        if (not numbered and any(x.reason == R_CAPTION for x in (blocks[i - 1], blocks[i + 1]))) or b.text.rstrip().endswith(":"):
            continue
        b.verdict = GOOD


def _mark_pull_quotes(blocks: list[Block]) -> None:
    """A short block that repeats words of a longer paragraph (a pull quote, a teaser of
    the story's own line) is a copy; the paragraph keeps them."""
    if len(blocks) > 600:
        return  # quadratic; pages that long are not articles
    keys = [L.normalise(b.text) for b in blocks]
    for i, b in enumerate(blocks):
        if not keys[i] or len(keys[i]) > 300 or len(keys[i].split()) < 6:
            continue
        for j, other in enumerate(blocks):
            if j != i and len(keys[j]) > len(keys[i]) and keys[i] in keys[j] and other.verdict in (GOOD, NEUTRAL):
                b.verdict, b.reason = BAD, R_PULL_QUOTE
                break


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
