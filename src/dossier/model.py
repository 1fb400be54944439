"""Typed records passed between stages.

Every stage takes and returns these frozen dataclasses, never loose dicts, so a
reader of any stage knows exactly what it gets.  ``to_dict`` gives the shape of
``briefing.json`` (see ``docs/briefing-contract.md``).
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from typing import Any, Literal

SCHEMA = "dossier.briefing/1"

Status = Literal["ok", "error", "skipped"]
ProvenanceKind = Literal["original", "duplicate", "near_duplicate", "republished", "spun", "translated"]


@dataclass(frozen=True)
class Removal:
    """A piece of page furniture cut from a document, with offsets into its raw text."""

    start: int
    end: int
    text: str
    reason: str


@dataclass(frozen=True)
class RecordMeta:
    """What a container format tells about a record before any cleaning."""

    title: str | None = None
    url: str | None = None
    published: str | None = None  # YYYY-MM-DD
    outlet: str | None = None
    published_at: str | None = None  # UTC YYYY-MM-DDTHH:MM:SSZ, when the container gives a time of day


@dataclass(frozen=True)
class RawRecord:
    """One input unit as a reader found it: a file, a JSONL line, a feed entry, a WARC record.

    ``content`` is the decoded text (plain text or HTML, see ``format``); it is
    ``None`` when the reader could not get at it, and ``error`` then says why.
    ``digest`` is a hash of the raw bytes the record came from, so the store can
    tell whether a source changed since the last run.
    """

    source: str
    format: Literal["text", "html"]
    content: str | None
    digest: str
    meta: RecordMeta = field(default_factory=RecordMeta)
    status: Status = "ok"
    error: str | None = None


@dataclass(frozen=True)
class CleanText:
    """The result of cleaning one raw text: the article body and what was cut."""

    title: str | None
    text: str
    removed: tuple[Removal, ...] = ()
    published: str | None = None  # YYYY-MM-DD read from the text itself (the date line under the headline)
    site: str | None = None  # the site's name read from its banner above the headline


@dataclass(frozen=True)
class Credit:
    """An outlet or organisation the text names as a source of its material.

    ``where`` says which text the offsets point into: ``"text"`` (the cleaned
    text) or ``"raw"`` (the raw input, for a credit in removed furniture such as
    a "Source: ..." line).
    """

    name: str
    start: int
    end: int
    where: str = "text"
    how: str | None = None  # the phrase that credits it: "told", "according to", "source line", ...


@dataclass(frozen=True)
class Provenance:
    kind: ProvenanceKind = "original"
    copy_of: str | None = None
    original_outlet: str | None = None
    evidence: tuple[str, ...] = ()
    group: str | None = None  # the independence group: documents copying one original share it
    spin_score: float | None = None  # 0..1, how strongly the text reads as machine-spun
    despun: str | None = None  # a best-effort reading of a spun text with its substitutions undone


@dataclass(frozen=True)
class Document:
    """A cleaned document, as the briefing lists it."""

    id: str
    source: str
    status: Status
    error: str | None = None
    title: str | None = None
    outlet: str | None = None
    published: str | None = None
    published_inferred: bool = False
    language: str = "en"
    text: str = ""
    raw_text: str = ""  # the text ``removed`` offsets point into (not part of the contract)
    removed: tuple[Removal, ...] = ()
    credited: tuple[Credit, ...] = ()
    provenance: Provenance = field(default_factory=Provenance)
    url: str | None = None
    # When the metadata gives a time of day (UTC): it orders two copies of one day (not in the contract).
    published_at: str | None = None

    def to_dict(self) -> dict[str, Any]:
        """The contract's document object (``raw_text`` and ``published_at`` stay in the store)."""
        d = asdict(self)
        d.pop("raw_text")
        d.pop("published_at")
        d["removed"] = [asdict(r) for r in self.removed]
        d["credited"] = [asdict(c) for c in self.credited]
        d["provenance"] = asdict(self.provenance)
        d["provenance"]["evidence"] = list(self.provenance.evidence)
        return d

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> Document:
        prov = d.get("provenance") or {}
        return cls(
            id=d["id"],
            source=d["source"],
            status=d["status"],
            error=d.get("error"),
            title=d.get("title"),
            outlet=d.get("outlet"),
            published=d.get("published"),
            published_inferred=bool(d.get("published_inferred", False)),
            language=d.get("language") or "en",
            text=d.get("text") or "",
            raw_text=d.get("raw_text") or "",
            removed=tuple(Removal(**r) for r in d.get("removed") or ()),
            credited=tuple(Credit(**c) for c in d.get("credited") or ()),
            provenance=provenance_from_dict(prov),
            url=d.get("url"),
            published_at=d.get("published_at"),
        )


def provenance_from_dict(prov: dict[str, Any]) -> Provenance:
    return Provenance(
        kind=prov.get("kind", "original"),
        copy_of=prov.get("copy_of"),
        original_outlet=prov.get("original_outlet"),
        evidence=tuple(prov.get("evidence") or ()),
        group=prov.get("group"),
        spin_score=prov.get("spin_score"),
        despun=prov.get("despun"),
    )


@dataclass(frozen=True)
class Briefing:
    """The whole briefing.  Keys that later stages fill stay empty lists until then."""

    question: str | None
    documents: tuple[Document, ...]
    entities: tuple[dict[str, Any], ...] = ()
    quotes: tuple[dict[str, Any], ...] = ()
    claims: tuple[dict[str, Any], ...] = ()
    comparisons: tuple[dict[str, Any], ...] = ()
    timeline: tuple[dict[str, Any], ...] = ()
    dates: tuple[dict[str, Any], ...] = ()  # every date the texts give, resolved (evidence for the timeline)
    assessments: tuple[dict[str, Any], ...] = ()
    flags: tuple[dict[str, Any], ...] = ()
    groups: tuple[dict[str, Any], ...] = ()  # independence groups: who copied whom
    question_derived: str | None = None  # how the question was derived from the corpus; None when the user gave it
    balance: dict[str, Any] = field(default_factory=dict)  # assessments by stance, by month, and who changed view
    whats_new: dict[str, Any] = field(default_factory=dict)  # what the latest build added (empty on a first build)
    schema: str = SCHEMA

    @property
    def ok(self) -> tuple[Document, ...]:
        return tuple(d for d in self.documents if d.status == "ok")

    @property
    def failed(self) -> tuple[Document, ...]:
        return tuple(d for d in self.documents if d.status != "ok")

    def to_dict(self) -> dict[str, Any]:
        return {
            "schema": self.schema,
            "question": self.question,
            "question_derived": self.question_derived,
            "documents": [d.to_dict() for d in self.documents],
            "entities": list(self.entities),
            "quotes": list(self.quotes),
            "claims": list(self.claims),
            "comparisons": list(self.comparisons),
            "timeline": list(self.timeline),
            "dates": list(self.dates),
            "assessments": list(self.assessments),
            "assessment_balance": self.balance,
            "whats_new": self.whats_new,
            "flags": list(self.flags),
            "groups": list(self.groups),
        }
