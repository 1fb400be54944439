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
    )


def write_briefing_html(briefing: Briefing, path: Path) -> None:
    tmp = path.with_suffix(".html.tmp")
    tmp.write_text(render_briefing_html(briefing), encoding="utf-8")
    os.replace(tmp, path)
