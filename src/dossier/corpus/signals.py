"""Everything provenance needs to know about one document, computed from it alone.

Pure and per document, so a runner can compute signals where the documents
are (in parallel, on Spark executors) and bring only these small records
together for the corpus pass.
"""

from __future__ import annotations

import base64
import hashlib
import re
from dataclasses import asdict, dataclass

import numpy as np

from dossier.clean.lines import label_of, normalise, strip_trailing_tags
from dossier.corpus.credits import (
    Credit,
    canonical_outlet,
    find_credits,
    house_style_outlet,
    platform_marks,
    scraper_marks,
    stripped_outlet_traces,
)
from dossier.corpus.fingerprint import Fingerprint, fingerprint
from dossier.corpus.spin import SpinReading, spin_reading
from dossier.model import Document

# Credits that say "this whole page is X's": furniture lines and republication notes.
PAGE_CREDITS = {"source line", "via", "appeared in", "newsletter of", "supplied by", "courtesy of", "dateline",
                "paren line"}
# Credits that name the author of reported material ("writes The Guardian").
AUTHOR_CREDITS = {"writes", "reported", "according to"}


@dataclass(frozen=True)
class Signals:
    doc: Document
    fp: Fingerprint
    spin: SpinReading
    credits: tuple[Credit, ...]  # in the cleaned text
    furniture_credits: tuple[Credit, ...]  # in removed furniture (offsets into raw_text)
    stripped: tuple[tuple[int, int], ...]  # spans of the cleaned text where an outlet's name was cut
    house_style: tuple[str, str] | None  # (outlet, mark) found anywhere in the raw text
    scraper: tuple[str, ...]  # marks autoblogs leave ("[ad_1]", "Source link")
    platform: tuple[str, ...]  # a blog's or a content host's marks ("Powered by WordPress", a DMCA page)
    linked_titles: tuple[str, ...]  # normalised headlines of the site's own link lines ("Read more: ...")
    title_outlet: str | None  # "The Guardian: ..." headline naming an outlet


# Bump when what ``signals`` computes changes: stored signals with another version are recomputed.
VERSION = "3"


def signals_key(doc: Document) -> str:
    """What a document's signals depend on; stored signals are reused only while it is unchanged."""
    h = hashlib.sha1(VERSION.encode())
    for part in (doc.title or "", doc.outlet or "", doc.text, doc.raw_text or ""):
        h.update(b"\x00" + part.encode("utf-8", "surrogatepass"))
    return h.hexdigest()


def signals_to_json(s: Signals) -> dict:
    """Everything but the document itself, as JSON (arrays as base64 of their bytes), for the store."""
    fp = s.fp
    return {
        "fp": {"exact": fp.exact, "minhash": _arr(fp.minhash), "skeleton": _arr(fp.skeleton),
               "shingles": _arr(fp.shingles), "skeleton_shingles": _arr(fp.skeleton_shingles),
               "paragraphs": list(fp.paragraphs), "words": fp.words},
        "spin": asdict(s.spin),
        "credits": [asdict(c) for c in s.credits],
        "furniture_credits": [asdict(c) for c in s.furniture_credits],
        "stripped": [list(x) for x in s.stripped],
        "house_style": list(s.house_style) if s.house_style else None,
        "scraper": list(s.scraper),
        "platform": list(s.platform),
        "linked_titles": list(s.linked_titles),
        "title_outlet": s.title_outlet,
    }


def signals_from_json(doc: Document, d: dict) -> Signals:
    f = d["fp"]
    fp = Fingerprint(doc_id=doc.id, exact=f["exact"], minhash=_unarr(f["minhash"]), skeleton=_unarr(f["skeleton"]),
                     shingles=_unarr(f["shingles"]), skeleton_shingles=_unarr(f["skeleton_shingles"]),
                     paragraphs=tuple(f["paragraphs"]), words=f["words"])
    spin = d["spin"]
    return Signals(
        doc=doc,
        fp=fp,
        spin=SpinReading(**{**spin, "suspects": tuple(spin["suspects"])}),
        credits=tuple(Credit(**c) for c in d["credits"]),
        furniture_credits=tuple(Credit(**c) for c in d["furniture_credits"]),
        stripped=tuple(tuple(x) for x in d["stripped"]),
        house_style=tuple(d["house_style"]) if d["house_style"] else None,
        scraper=tuple(d["scraper"]),
        platform=tuple(d["platform"]),
        linked_titles=tuple(d["linked_titles"]),
        title_outlet=d["title_outlet"],
    )


def _arr(a: np.ndarray) -> str:
    return base64.b64encode(np.ascontiguousarray(a, dtype="<u4").tobytes()).decode("ascii")


def _unarr(s: str) -> np.ndarray:
    return np.frombuffer(base64.b64decode(s), dtype="<u4").astype(np.uint32)


def signals(doc: Document) -> Signals:
    text = doc.text
    credits = tuple(find_credits(text))
    furniture = []
    for r in doc.removed:
        for c in find_credits(r.text):
            furniture.append(Credit(c.name, r.start + c.start, r.start + c.end, c.how))
    return Signals(
        doc=doc,
        fp=fingerprint(doc.id, text),
        spin=spin_reading(text),
        credits=credits,
        furniture_credits=tuple(furniture),
        stripped=tuple(stripped_outlet_traces(text)),
        house_style=house_style_outlet(doc.raw_text or text),
        scraper=tuple(scraper_marks(doc.raw_text or text)),
        platform=tuple(platform_marks(doc.raw_text or text)),
        linked_titles=tuple(_linked_titles(doc)),
        title_outlet=_title_outlet(doc, credits),
    )


def _linked_titles(doc: Document) -> list[str]:
    """Headlines of other articles that link lines inside the article body point to."""
    paragraphs = [p for p in doc.text.split("\n\n") if p.strip()]
    raw = doc.raw_text or ""
    if len(paragraphs) < 2 or not raw:
        return []
    body_start = raw.find(paragraphs[0][:60])
    body_end = raw.rfind(paragraphs[-1][-60:])
    out = []
    for r in doc.removed:
        if "link" not in r.reason or not (0 <= body_start < r.start < body_end):
            continue
        line = r.text.strip()
        label = label_of(line)
        headline = strip_trailing_tags(label[1] if label else line)
        key = normalise(headline)
        if len(key.split()) >= 4:
            out.append(key)
    return out


def _title_outlet(doc: Document, credits: tuple[Credit, ...]) -> str | None:
    """The outlet a headline names before a colon, as press reviews head their summaries.

    "The Guardian: Will ...": a known outlet, or a name the text itself credits.
    """
    if not doc.title or ":" not in doc.title:
        return None
    name = doc.title.split(":", 1)[0].strip()
    if not name or len(name.split()) > 5 or not name[0].isupper():
        return None
    canon = canonical_outlet(name)
    if canon:
        return canon
    credited = {c.name for c in credits}
    stripped = re.sub(r"^(?:the|The)\s+", "", name)
    return name if name in credited or stripped in credited else None
