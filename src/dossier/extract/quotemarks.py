"""Where the quoted stretches of an article are, from its quotation marks alone.

Written by hand because news text breaks the assumptions of the tools we
measured (textacy raises on unbalanced marks): a quote may run over several
paragraphs with only the last one closed, ’ is both an apostrophe and a closing
mark, straight and curly marks are mixed, and British outlets quote with single
marks.  This module only finds spans; who said them is ``quotes``' job.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

_OPEN = {"“": "d", "„": "d", "«": "d", "‘": "s", "‹": "s"}
_CLOSE = {"”": "d", "»": "d", "’": "s", "›": "s"}
_AMBIG = {'"': "d", "'": "s"}  # straight marks open or close depending on their neighbours
_MARKS = re.compile("[“„«‘‹”»’›\"']")
_PARA = re.compile(r"\n\s*\n")


@dataclass(frozen=True)
class QuoteSpan:
    """A quoted stretch: ``start``/``end`` are the words inside the marks.

    ``continues`` is true when the span picks up a quote left open at the end of
    the previous paragraph (the news convention for a quote running on).
    """

    start: int
    end: int
    open_start: int  # offset of the opening mark (== start when the quote opens without one)
    close_end: int  # offset just past the closing mark (== end when it runs to the paragraph's end)
    continues: bool = False
    closed: bool = True
    dialogue: bool = False  # a line of dash-led dialogue ("—It is not for sale —he said—."): never a scare quote


def paragraphs(text: str) -> list[tuple[int, int]]:
    """``(start, end)`` of every paragraph (blank-line separated)."""
    out, pos = [], 0
    for m in _PARA.finditer(text):
        out.append((pos, m.start()))
        pos = m.end()
    out.append((pos, len(text)))
    return [(a, b) for a, b in out if text[a:b].strip()]


def _role(text: str, i: int, a: int, b: int) -> str:
    """'open', 'close' or 'apos' for the mark at ``text[i]`` inside paragraph [a, b)."""
    ch = text[i]
    prev = text[i - 1] if i > a else " "
    nxt = text[i + 1] if i + 1 < b else " "
    if ch in ("’", "'") and prev.isalnum() and nxt.isalpha():
        return "apos"  # don’t, Zhovnir’s, Dravenia’s
    if ch in ("‘", "'") and nxt.isdigit() and prev.isspace():
        return "apos"  # ‘90s
    if ch in ("’", "'") and prev in "sS" and nxt == " " and text[i + 2:i + 3].islower():
        return "maybe"  # "the workers’ terms" (apostrophe) or "‘in active discussions’ with" (closing)
    if ch in _OPEN:
        # Some scrapes use ” for both marks; a mark glued to the following word opens.
        return "open"
    if ch in _CLOSE:
        if ch == "’" and prev.isspace():
            return "open" if nxt.isalnum() else "apos"
        return "close"
    # Straight marks: after a space or bracket and before a word they open.
    before_space = prev.isspace() or prev in "([{—–-/:"
    after_space = nxt.isspace() or nxt in ".,;:!?)]}—–-…"
    if before_space and not after_space:
        return "open"
    if after_space and not before_space:
        return "close"
    return "open" if before_space else "close"


def find_quote_spans(text: str) -> list[QuoteSpan]:
    """Top-level quoted spans of ``text``, in order.

    Double marks are the quoting marks of a paragraph unless it has none, in
    which case single marks are (British style); marks of the other kind inside
    a quote are nested quotes and stay part of it.
    """
    spans: list[QuoteSpan] = []
    carry_kind: str | None = None  # a quote left open at the end of the previous paragraph
    for a, b in paragraphs(text):
        if _RAYA.match(text, a):
            spans += _raya_spans(text, a, b)
            carry_kind = None
            continue
        marks = [(m.start(), _kind(text[m.start()]), _role(text, m.start(), a, b)) for m in _MARKS.finditer(text, a, b)]
        marks = [(i, k, r) for i, k, r in marks if r != "apos"]
        marks = _settle_maybes(marks)
        kind = _quoting_kind(marks, carry_kind)
        marks = [(i, r) for i, k, r in marks if k == kind]
        carry_kind = _scan(text, a, b, marks, kind, carry_kind, spans)
    return spans


# Dialogue as Spanish and Portuguese print it: a paragraph opened by a dash glued to the words
# ("—It is not for sale —he said—. It never was."); the narration sits between dashes.  (Not
# "— Name (@handle) May 3": a post's signature has a space after its dash.)
_RAYA = re.compile(r"[ \t]*[—―](?=[^\W\d_]|[¿¡])")
_INCISO = re.compile(r"[ \t]+[—―](?:(?=[^\W\d_A-Z])|(?=[^—―\n]{0,40}\b(?:said|says|asked|added|replied|told|explained|"
                     r"insisted|recalled|shouted|whispered|answered)\b))[^—―\n]*?(?:[—―]|(?=\n)|$)")


def _raya_spans(text: str, a: int, b: int) -> list[QuoteSpan]:
    """The spoken parts of a dialogue paragraph, without its narration ("—he said in K'iche'—")."""
    out: list[QuoteSpan] = []
    dash = _RAYA.match(text, a).end() - 1
    start = dash + 1
    for m in _INCISO.finditer(text, start, b):
        _add_raya(text, out, dash, start, m.start())
        dash = start = m.end()
    _add_raya(text, out, dash, start, b)
    return out


def _add_raya(text: str, out: list[QuoteSpan], mark: int, start: int, end: int) -> None:
    while start < end and (text[start].isspace() or text[start] in ".,;:"):
        start += 1  # "—he said—. It never was.": the speech resumes after the narration's stop
    while end > start and text[end - 1].isspace():
        end -= 1
    if end - start >= 2:
        out.append(QuoteSpan(start, end, mark, end, dialogue=True))


def _settle_maybes(marks: list[tuple[int, str, str]]) -> list[tuple[int, str, str]]:
    """A ’ after a plural's "s" closes a quote only when a single quote is open and no later
    mark could close it; otherwise it is the possessive apostrophe."""
    out: list[tuple[int, str, str]] = []
    open_single = False
    for n, (i, k, r) in enumerate(marks):
        if r == "maybe":
            later_close = any(k2 == "s" and r2 == "close" for _, k2, r2 in marks[n + 1:])
            if open_single and not later_close:
                out.append((i, k, "close"))
                open_single = False
            continue
        if k == "s":
            open_single = r == "open" or (open_single and r != "close")
        out.append((i, k, r))
    return out


def _kind(ch: str) -> str:
    return _OPEN.get(ch) or _CLOSE.get(ch) or _AMBIG[ch]


def _quoting_kind(marks: list[tuple[int, str, str]], carry: str | None) -> str:
    if carry:
        return carry
    doubles = [m for m in marks if m[1] == "d"]
    if doubles:
        return "d"
    singles = [m for m in marks if m[1] == "s"]
    opens = sum(1 for m in singles if m[2] == "open")
    return "s" if opens else "d"


def _scan(text: str, a: int, b: int, marks: list[tuple[int, str]], kind: str,
          carry: str | None, spans: list[QuoteSpan]) -> str | None:
    """Pair the marks of one paragraph; returns the kind of a quote left open at its end."""
    open_at: int | None = None
    continues = False
    if carry:
        # The previous paragraph's quote runs on: usually this paragraph opens
        # with a fresh mark, but some writers close it without reopening.
        first = marks[0] if marks else None
        lead = text[a:first[0]].strip() if first else None
        if first and first[1] == "open" and lead == "":
            open_at, continues, marks = first[0], True, marks[1:]
        elif first and first[1] == "close":
            open_at, continues = a - 1, True
        # else: the quote ended with the previous paragraph after all
    for i, role in marks:
        if open_at is None:
            if role == "open":
                open_at = i
            # a closing mark with nothing open is a stray: ignored
        elif role == "close":
            _add(text, spans, open_at, i + 1, continues, True)
            open_at, continues = None, False
        # a second opening mark before any close is a nested or stray one: the quote goes on
    if open_at is not None:
        _add(text, spans, open_at, b, continues, False)
        return kind
    return None


def _add(text: str, spans: list[QuoteSpan], open_at: int, close_end: int, continues: bool, closed: bool) -> None:
    start = open_at + 1
    end = close_end - 1 if closed else close_end
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end - start < 2:
        return
    spans.append(QuoteSpan(start, end, max(open_at, 0), close_end, continues, closed))
