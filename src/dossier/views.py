"""What the briefing page and the web app show, computed once from a ``Briefing``.

Both render the same Jinja2 partials; they differ only in where links go (an
anchor in one self-contained page, or a route of ``dossier serve``), which
``Links`` decides.  Article text is hostile: everything here returns plain
strings for autoescaping templates, except ``marked_paragraphs``, which escapes
every character itself and adds only its own ``<mark>`` tags.
"""

from __future__ import annotations

import hashlib
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import cached_property
from importlib import resources
from typing import Any

from markupsafe import Markup, escape

from dossier.model import Briefing, Document


def stylesheet() -> str:
    return resources.files("dossier").joinpath("templates/style.css").read_text(encoding="utf-8")


def style_hash() -> str:
    """The CSP source that allows exactly our inline stylesheet and nothing else."""
    import base64

    digest = hashlib.sha256(stylesheet().encode()).digest()
    return f"'sha256-{base64.b64encode(digest).decode()}'"


class Links:
    """Links inside one self-contained page: every target is an anchor."""

    def doc(self, doc_id: str) -> str:
        return f"#doc-{doc_id}"

    def mark(self, doc_id: str, anchor: str) -> str:
        return f"#{anchor}"

    def entity(self, entity_id: str) -> str:
        return f"#entity-{entity_id}"

    def section(self, name: str) -> str:
        return f"#{name}"

    def quote_item(self, quote_id: str) -> str:
        return f"#list-{quote_id}"

    def claim_item(self, claim_id: str) -> str:
        return f"#list-{claim_id}"

    def page(self, name: str) -> str:
        return ""  # one page: an anchor alone


class WebLinks(Links):
    """Links between the pages of ``dossier serve``."""

    def doc(self, doc_id: str) -> str:
        return f"/documents/{doc_id}"

    def mark(self, doc_id: str, anchor: str) -> str:
        return f"/documents/{doc_id}#{anchor}"

    def entity(self, entity_id: str) -> str:
        return f"/people#entity-{entity_id}"

    def quote_item(self, quote_id: str) -> str:
        return f"/people#list-{quote_id}"

    def claim_item(self, claim_id: str) -> str:
        return f"/claims#list-{claim_id}"

    def page(self, name: str) -> str:
        return "/" if name == "overview" else f"/{name}"

    def section(self, name: str) -> str:
        return self.page(name)


@dataclass(frozen=True)
class Mark:
    """A stretch of a document's text to highlight; ``id`` is its anchor, ``back`` the way back."""

    start: int
    end: int
    id: str
    kind: str  # css class: quote, quote-indirect, figure
    title: str
    back: str | None = None


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
    opens: dict[int, list[Mark]] = defaultdict(list)
    for m in kept:
        opens[m.start].append(m)
    ends = {m.end for m in kept}
    out: list[Markup] = []
    pos = 0
    for para in text.split("\n\n"):
        a, b = pos, pos + len(para)
        pos = b + 2
        if not para.strip():
            continue
        html: list[Markup] = []
        open_now: list[Mark] = []
        cuts = sorted({a, b} | {i for i in opens if a <= i < b} | {i for i in ends if a < i <= b})
        for i, j in zip(cuts, cuts[1:]):
            for m in sorted(opens.get(i, []), key=lambda m: -m.end):
                if m.end <= b:
                    html.append(Markup('<mark id="{}" class="{}" title="{}">').format(m.id, m.kind, m.title))
                    open_now.append(m)
            html.append(escape(text[i:j]))
            for m in [m for m in reversed(open_now) if m.end == j]:
                html.append(Markup("</mark>"))
                if m.back:
                    html.append(Markup('<a class="back" href="{}" aria-label="back to the list">↩</a>').format(m.back))
                open_now.remove(m)
        out.append(Markup("").join(html))
    return out


def safe_url(url: str | None) -> str | None:
    """Only http(s) URLs become links; ``javascript:`` and the like are shown as text."""
    if url and url.strip().lower().startswith(("http://", "https://")):
        return url.strip()
    return None


class BriefingView:
    """Indexes over a briefing that the templates need; computed lazily, once."""

    def __init__(self, briefing: Briefing, links: Links):
        self.b = briefing
        self.links = links

    @cached_property
    def docs(self) -> list[Document]:
        return sorted(self.b.documents, key=lambda d: (d.status != "ok", d.published or "", d.source))

    @cached_property
    def doc_by_id(self) -> dict[str, Document]:
        return {d.id: d for d in self.b.documents}

    @cached_property
    def titles(self) -> dict[str, str]:
        return {d.id: d.title or d.source for d in self.b.documents}

    @cached_property
    def counts(self) -> Counter:
        return Counter(d.status for d in self.b.documents)

    @cached_property
    def entity_names(self) -> dict[str, str]:
        return {e["id"]: e["name"] for e in self.b.entities}

    @cached_property
    def claims_by_id(self) -> dict[str, dict]:
        return {c["id"]: c for c in self.b.claims}

    @cached_property
    def group_sizes(self) -> dict[str, int]:
        return {g["id"]: len(g["members"]) for g in self.b.groups}

    @cached_property
    def people(self) -> list[dict[str, Any]]:
        """People and organisations that speak or recur, most quoted first, with their quotes."""
        by_speaker: dict[str, list[dict]] = defaultdict(list)
        for q in self.b.quotes:
            if q.get("speaker"):
                by_speaker[q["speaker"]].append(q)
        out = [{**e, "quotes": by_speaker.get(e["id"], [])} for e in self.b.entities
               if e["type"] in ("PERSON", "ORG") and (e["id"] in by_speaker or len(e["mentions"]) >= 2)]
        out.sort(key=lambda e: (-len(e["quotes"]), -len(e["mentions"]), e["name"]))
        return out

    @cached_property
    def sources(self) -> list[dict[str, Any]]:
        """Documents as the reader should count them: each original with the copies of it beneath."""
        ok = [d for d in self.docs if d.status == "ok"]
        members: dict[str, list[Document]] = defaultdict(list)
        for d in ok:
            members[d.provenance.group or d.id].append(d)
        out = []
        for group, docs in members.items():
            lead = next((d for d in docs if d.provenance.kind == "original"), None) or docs[0]
            out.append({"lead": lead, "copies": [d for d in docs if d.id != lead.id]})
        out.sort(key=lambda g: (g["lead"].published or "", g["lead"].source))
        return out

    @cached_property
    def failed(self) -> list[Document]:
        return [d for d in self.docs if d.status != "ok"]

    @cached_property
    def marks(self) -> dict[str, list[Mark]]:
        marks: dict[str, list[Mark]] = defaultdict(list)
        for q in self.b.quotes:
            who = self.entity_names.get(q.get("speaker")) or q.get("speaker_name") or "speaker unknown"
            kind = "quote" if q["kind"] == "direct" else "quote-indirect"
            marks[q["doc"]].append(Mark(q["start"], q["end"], q["id"], kind, f"{q['kind']} quote: {who}",
                                        self.links.quote_item(q["id"])))
        for c in self.b.claims:
            f = c["figure"]
            marks[c["doc"]].append(Mark(f["start"], f["end"], c["id"], "figure", f"figure: {c.get('measure') or ''}",
                                        self.links.claim_item(c["id"])))
        for q in self.b.quotes:
            if q.get("speaker_start") is not None and q.get("speaker_end"):
                marks[q["doc"]].append(Mark(q["speaker_start"], q["speaker_end"], f"s-{q['id']}", "speaker",
                                            f"speaker: {self.entity_names.get(q.get('speaker')) or q.get('speaker_name')}",
                                            None))
        for n, x in enumerate(self.b.dates):
            marks[x["doc"]].append(Mark(x["start"], x["end"], f"d-{n}", "date", f"date: {x['value']}", None))
        for n, a in enumerate(self.b.assessments):
            marks[a["doc"]].append(Mark(a["start"], a["end"], f"a-{n}", "assessment",
                                        f"assessment: {a['stance']} ({a.get('holder_name') or 'unattributed'})",
                                        self.links.page("overview") + f"#list-a-{n}"))
        for n, f in enumerate(self.b.flags):
            marks[f["doc"]].append(Mark(f["start"], f["end"], f"f-{n}", "flag", f"to check: {f['why']}",
                                        self.links.page("overview") + f"#list-f-{n}"))
        for n, t in enumerate(self.b.timeline):
            for k, e in enumerate(t["evidence"]):
                marks[e["doc"]].append(Mark(e["start"], e["end"], f"t-{n}-{k}", "event", f"timeline: {t['date']}",
                                            self.links.page("timeline") + f"#list-t-{n}"))
        return marks

    def marked(self, doc: Document) -> list[Markup]:
        return marked_paragraphs(doc.text, self.marks.get(doc.id, []))

    def segments(self, doc: Document) -> list[tuple[str, str | None]]:
        """The raw text cut into kept and removed stretches (reason None when kept)."""
        out: list[tuple[str, str | None]] = []
        pos = 0
        for r in sorted(doc.removed, key=lambda r: r.start):
            if r.start < pos:
                continue
            if r.start > pos:
                out.append((doc.raw_text[pos:r.start], None))
            out.append((doc.raw_text[r.start:r.end], r.reason))
            pos = r.end
        if pos < len(doc.raw_text):
            out.append((doc.raw_text[pos:], None))
        return out

    @cached_property
    def timeline_chart(self) -> dict[str, Any]:
        """Points of a small SVG timeline: one per dated event, sized by its independent sources."""
        dated = [t for t in self.b.timeline if len(t["date"]) >= 7]
        if not dated:
            return {"points": [], "ticks": []}
        import datetime as dt

        def day(s: str) -> dt.date:
            return dt.date.fromisoformat(s if len(s) == 10 else s + "-15")

        days = [day(t["date"]) for t in dated]
        lo, hi = min(days), max(days)
        span = max((hi - lo).days, 1)
        points = [{"x": round(20 + 560 * (d - lo).days / span, 1), "r": 3 + 2 * min(t["independent_sources"], 5),
                   "label": f"{t['date']}: {t['text'][:80]}"} for d, t in zip(days, dated)]
        return {"points": points, "ticks": [{"x": 20, "label": lo.isoformat()}, {"x": 580, "label": hi.isoformat()}]}
