"""Write ``briefing.html``: one self-contained page, no scripts, no network.

Article content is hostile input: Jinja2 autoescaping is on for every value,
and a strict Content-Security-Policy forbids scripts and remote loads even if
something slipped through.
"""

from __future__ import annotations

import os
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

from jinja2 import Environment, PackageLoader, select_autoescape
from markupsafe import Markup, escape

from dossier.model import Briefing, Document


@dataclass(frozen=True)
class Segment:
    """A stretch of a raw text: kept (``reason`` None) or removed as furniture."""

    text: str
    reason: str | None


def raw_segments(doc: Document) -> list[Segment]:
    """The raw text cut into kept and removed stretches, for the "show removed" view."""
    out: list[Segment] = []
    pos = 0
    for r in sorted(doc.removed, key=lambda r: r.start):
        if r.start < pos:
            continue
        if r.start > pos:
            out.append(Segment(doc.raw_text[pos : r.start], None))
        out.append(Segment(doc.raw_text[r.start : r.end], r.reason))
        pos = r.end
    if pos < len(doc.raw_text):
        out.append(Segment(doc.raw_text[pos:], None))
    return out


@dataclass(frozen=True)
class Mark:
    """A stretch of a document's text to highlight: a quote, a figure, a date; ``id`` is its anchor."""

    start: int
    end: int
    id: str
    kind: str  # css class: quote, quote-indirect, figure, date
    title: str
    back: str | None = None  # the anchor of the item in the briefing's lists, for the way back


def marked_paragraphs(text: str, marks: list[Mark]) -> list[Markup]:
    """The text's paragraphs as HTML with ``<mark>`` around each evidence span.

    Every character of the text is escaped; only the marks are markup.  Spans
    nest (a figure inside a quote); a span crossing another is left unmarked.
    """
    marks = sorted(marks, key=lambda m: (m.start, -m.end))
    kept: list[Mark] = []
    stack: list[Mark] = []
    for m in marks:
        while stack and stack[-1].end <= m.start:
            stack.pop()
        if stack and m.end > stack[-1].end:
            continue  # crosses an open span
        kept.append(m)
        stack.append(m)
    opens: dict[int, list[Mark]] = {}
    closes: dict[int, list[Mark]] = {}
    for m in kept:
        opens.setdefault(m.start, []).append(m)
        closes.setdefault(m.end, []).append(m)
    out: list[Markup] = []
    pos = 0
    for para in text.split("\n\n"):
        a, b = pos, pos + len(para)
        pos = b + 2
        if not para.strip():
            continue
        html, open_now = [], []
        cuts = sorted({a, b} | {i for i in opens if a <= i < b} | {i for i in closes if a < i <= b})
        for i, j in zip(cuts, cuts[1:]):
            for m in sorted(opens.get(i, []), key=lambda m: -m.end) if i >= a else []:
                if m.end <= b:
                    html.append(Markup('<mark id="{}" class="{}" title="{}">').format(m.id, m.kind, m.title))
                    open_now.append(m)
            html.append(escape(text[i:j]))
            for m in [m for m in reversed(open_now) if m.end == j]:
                html.append(Markup("</mark>"))
                if m.back:
                    html.append(Markup('<a class="back" href="#{}" aria-label="back to the list">↩</a>').format(m.back))
                open_now.remove(m)
        out.append(Markup("").join(html))
    return out


def document_marks(briefing: Briefing) -> dict[str, list[Mark]]:
    """Evidence spans per document: quotes, claimed figures, timeline sentences."""
    names = {e["id"]: e["name"] for e in briefing.entities}
    marks: dict[str, list[Mark]] = {}
    for q in briefing.quotes:
        who = names.get(q.get("speaker")) or q.get("speaker_name") or "speaker unknown"
        kind = "quote" if q["kind"] == "direct" else "quote-indirect"
        marks.setdefault(q["doc"], []).append(Mark(q["start"], q["end"], q["id"], kind, f"{q['kind']} quote: {who}",
                                                   f"list-{q['id']}"))
    for c in briefing.claims:
        f = c["figure"]
        marks.setdefault(c["doc"], []).append(Mark(f["start"], f["end"], c["id"], "figure",
                                                   f"figure: {c.get('measure') or ''}", f"list-{c['id']}"))
    return marks


def _env() -> Environment:
    return Environment(loader=PackageLoader("dossier", "templates"), autoescape=select_autoescape(default=True))


def render_briefing_html(briefing: Briefing) -> str:
    docs = sorted(briefing.documents, key=lambda d: (d.status != "ok", d.published or "", d.source))
    return _env().get_template("briefing.html.j2").render(
        b=briefing,
        docs=docs,
        counts=Counter(d.status for d in briefing.documents),
        paragraphs=lambda d: [p for p in d.text.split("\n\n") if p.strip()],
        segments=raw_segments,
        titles={d.id: d.title for d in briefing.documents},
        group_sizes={g["id"]: len(g["members"]) for g in briefing.groups},
        marked=_marked(briefing),
        people=_people(briefing),
        entity_names={e["id"]: e["name"] for e in briefing.entities},
        claims_by_id={c["id"]: c for c in briefing.claims},
    )


def _marked(briefing: Briefing):
    marks = document_marks(briefing)
    return lambda d: marked_paragraphs(d.text, marks.get(d.id, []))


def _people(briefing: Briefing) -> list[dict]:
    """People and organisations that speak, most quoted first, with their quotes."""
    by_speaker: dict[str, list[dict]] = {}
    for q in briefing.quotes:
        if q.get("speaker"):
            by_speaker.setdefault(q["speaker"], []).append(q)
    out = []
    for e in briefing.entities:
        if e["type"] in ("PERSON", "ORG") and (e["id"] in by_speaker or len(e["mentions"]) >= 2):
            out.append({**e, "quotes": by_speaker.get(e["id"], [])})
    out.sort(key=lambda e: (-len(e["quotes"]), -len(e["mentions"]), e["name"]))
    return out


def write_briefing_html(briefing: Briefing, path: Path) -> None:
    tmp = path.with_suffix(".html.tmp")
    tmp.write_text(render_briefing_html(briefing), encoding="utf-8")
    os.replace(tmp, path)
