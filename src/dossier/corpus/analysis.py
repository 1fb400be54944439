"""Link the documents' extractions into the briefing's entities, quotes, claims and timeline.

Pure: documents and their per-document extractions in, contract-shaped lists
out.  Runs after provenance, because the timeline counts independent sources by
provenance group.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Any

from dossier.corpus.assessments import assessments as find_assessments
from dossier.corpus.assessments import balance, derive_question
from dossier.corpus.compare import comparisons as find_comparisons
from dossier.corpus.compare import flags as find_flags
from dossier.corpus.dating import fill_years
from dossier.corpus.entities import MentionRef, link_entities, tidy
from dossier.model import Document

_SPEAKER_TYPES = ("PERSON", "ORG")
_STOPWORDS = set("""a an the and or but of in on at to for from by with as is are was were be been has have had
it its this that these those he she they his her their i we you not no will would could should may might
said says told""".split())


@dataclass
class Analysis:
    entities: list[dict[str, Any]] = field(default_factory=list)
    quotes: list[dict[str, Any]] = field(default_factory=list)
    claims: list[dict[str, Any]] = field(default_factory=list)
    timeline: list[dict[str, Any]] = field(default_factory=list)
    dates: list[dict[str, Any]] = field(default_factory=list)
    comparisons: list[dict[str, Any]] = field(default_factory=list)
    assessments: list[dict[str, Any]] = field(default_factory=list)
    flags: list[dict[str, Any]] = field(default_factory=list)
    question: str | None = None
    question_derived: str | None = None  # how the question was derived, when the user gave none
    balance: dict[str, Any] = field(default_factory=dict)


def _id(prefix: str, *parts: object) -> str:
    return prefix + hashlib.sha1("\0".join(map(str, parts)).encode()).hexdigest()[:12]


def analyse(docs: list[Document], extractions: dict[str, dict[str, Any]], question: str | None = None) -> Analysis:
    """Link the extractions; ``question`` is the user's, or None to derive one from the corpus."""
    docs = [d for d in docs if d.status == "ok" and d.id in extractions]
    extractions = fill_years(docs, extractions)
    refs: list[MentionRef] = []
    for d in docs:
        ex = extractions[d.id]
        spans = [(m["start"], m["end"]) for m in ex["mentions"]]
        for m in ex["mentions"]:
            refs.append(MentionRef(d.id, m["start"], m["end"], m["name"], m["type"], m.get("role")))
        # Names only the quote rules found (a name the NER missed, a tweet's signature).
        for q in ex["quotes"]:
            a, b = q.get("speaker_start"), q.get("speaker_end")
            if (q.get("speaker_type") in _SPEAKER_TYPES and a is not None and q.get("how") in ("subject", "signature", "introduced", "transcript")
                    and not any(a < e and b > s for s, e in spans)):
                refs.append(MentionRef(d.id, a, b, q["speaker_name"], q["speaker_type"], q.get("speaker_role")))
                spans.append((a, b))
    entities = link_entities(refs)
    seen_ids: set[str] = set()
    at: dict[tuple[str, int], str] = {}
    by_name: dict[tuple[str, str], str] = {}
    out_entities = []
    for e in entities:
        if e.id in seen_ids:
            e.id = _id("e-", e.id, len(seen_ids))
        seen_ids.add(e.id)
        for m in e.mentions:
            at[(m.doc, m.start)] = e.id
            by_name.setdefault((m.doc, m.name), e.id)
        out_entities.append(e.to_dict())
    quotes = _unique([_quote(d, q, at, by_name) for d in docs for q in extractions[d.id]["quotes"]])
    by_surname: dict[tuple[str, str], str] = {}  # (doc, last word of a name) -> the first entity so named
    for (d, n), e in by_name.items():
        if n.split():
            by_surname.setdefault((d, n.split()[-1]), e)
    claims = _unique([_claim(d, f, by_name, by_surname) for d in docs for f in extractions[d.id]["figures"]])
    _ages_of_speakers(claims, quotes)
    timeline = _timeline(docs, extractions)
    derived = None
    if not question:
        question, derived = derive_question(docs, extractions)
    entity_of = {**by_name, **{(q["doc"], q["speaker_name"]): q["speaker"] for q in quotes if q.get("speaker")}}
    judged = find_assessments(docs, extractions, question, entity_of)
    compared = find_comparisons(docs, claims)
    flagged = find_flags(docs, extractions, claims, compared, quotes, timeline)
    dates = [{"doc": d.id, "start": x["start"], "end": x["end"], "text": x["text"], "value": x["value"],
              "relative": x["relative"], **({"year_assumed": x["year_assumed"]} if "year_assumed" in x else {})}
             for d in docs for x in extractions[d.id].get("dates", [])]
    return Analysis(out_entities, quotes, claims, timeline, dates, compared, judged, flagged, question, derived,
                    balance(judged))


def _unique(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """The first item of each id: ids are keys in the store, and one duplicate there would cost the
    whole analysis (an extraction stored by an older version may hold one span twice)."""
    seen: set[str] = set()
    return [x for x in items if x["id"] not in seen and not seen.add(x["id"])]


def _quote(doc: Document, q: dict[str, Any], at: dict, by_name: dict) -> dict[str, Any]:
    speaker = None
    if q.get("speaker_name"):
        speaker = at.get((doc.id, q.get("speaker_start"))) or by_name.get((doc.id, tidy(q["speaker_name"])))
    return {
        "id": _id("q-", doc.id, q["start"], q["end"]),
        "doc": doc.id, "start": q["start"], "end": q["end"], "text": q["text"], "kind": q["kind"],
        "speaker": speaker, "speaker_name": q.get("speaker_name"), "speaker_role": q.get("speaker_role"),
        "cue": q.get("cue"), "channel": q.get("channel"), "attribution": q.get("how"),
        # the words in this document that name or stand for the speaker ("Drozdyk", "he", "the captain")
        "speaker_start": q.get("speaker_start"), "speaker_end": q.get("speaker_end"),
    }


def _ages_of_speakers(claims: list[dict[str, Any]], quotes: list[dict[str, Any]]) -> None:
    """"…, the 61-year-old economist said": the age is the speaker's, whom the quote names."""
    spoken: dict[str, list[tuple[int, int, str]]] = defaultdict(list)
    for q in quotes:
        if q.get("speaker") and q.get("speaker_start") is not None and q.get("speaker_end") is not None:
            spoken[q["doc"]].append((q["speaker_start"], q["speaker_end"], q["speaker"]))
    for c in claims:
        if c["about"] or not (c.get("measure") or "").startswith("age of "):
            continue
        at = c["figure"]["start"]
        c["about"] = next((who for a, b, who in spoken.get(c["doc"], ()) if a <= at < b), None)


def _claim(doc: Document, f: dict[str, Any], by_name: dict[tuple[str, str], str],
           by_surname: dict[tuple[str, str], str]) -> dict[str, Any]:
    a, b = f["sentence_start"], f["sentence_end"]
    measure = f.get("measure") or ""
    about = None
    if measure.startswith("age of "):
        # whose age: the entity of the name, so that spellings in different documents compare
        name = measure[len("age of "):]
        about = by_name.get((doc.id, tidy(name))) or (by_surname.get((doc.id, name.split()[-1])) if name.split() else None)
    return {
        "about": about,
        "id": _id("c-", doc.id, f["start"], f["end"]),
        "doc": doc.id, "start": a, "end": b, "text": doc.text[a:b],
        "measure": f.get("measure"), "value": f["value"], "unit": f.get("unit"), "date": f.get("date"),
        "value_max": f.get("value_max"), "qualifier": f.get("qualifier"),
        "figure": {"start": f["start"], "end": f["end"], "text": f["text"]},
    }


def _words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z0-9]+", text.lower()) if w not in _STOPWORDS and len(w) > 2}


def _timeline(docs: list[Document], extractions: dict[str, dict[str, Any]]) -> list[dict[str, Any]]:
    """Dated events; the same event reported by several documents becomes one entry.

    Two sentences report one event when they give it the same date and share
    enough of their words (copies share nearly all; independent reports of one
    event share its names and its verb).
    """
    group_of = {d.id: d.provenance.group or d.id for d in docs}
    by_date: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for d in docs:
        for ev in extractions[d.id]["events"]:
            by_date[ev["date"]].append({**ev, "doc": d.id, "words": _words(ev["text"])})
    out = []
    for date, events in by_date.items():
        for cluster in _merge_events(events):
            lead = min(cluster, key=lambda e: (len(e["text"]), e["doc"]))
            evidence = sorted({(e["doc"], e["start"], e["end"]) for e in cluster})
            out.append({
                "date": date, "text": lead["text"],
                "evidence": [{"doc": d, "start": a, "end": b} for d, a, b in evidence],
                "documents": len({e["doc"] for e in cluster}),
                "independent_sources": len({group_of[e["doc"]] for e in cluster}),
                # every report of it is undated and its year was taken from the corpus (``corpus.dating``)
                "year_assumed": all("year_assumed" in e for e in cluster),
            })
    out.sort(key=lambda e: (e["date"], -e["independent_sources"], e["text"]))
    return out


def _merge_events(events: list[dict[str, Any]]) -> list[list[dict[str, Any]]]:
    """Each event joins the first cluster holding a report that shares half the words of the
    shorter of the two, else starts its own.  A word index finds the reports sharing any word,
    so a day that thousands of documents report is not compared pair by pair."""
    clusters: list[list[dict[str, Any]]] = []
    holders: dict[str, list[tuple[int, int]]] = defaultdict(list)  # word -> (cluster, report) using it
    for ev in events:
        words = ev["words"]
        shared: Counter = Counter()
        for w in words:
            shared.update(holders.get(w, ()))
        home = min((c for (c, r), n in shared.items()
                    if n >= 0.5 * min(len(words), len(clusters[c][r]["words"]))), default=None)
        if home is None:
            home = len(clusters)
            clusters.append([])
        for w in words:
            holders[w].append((home, len(clusters[home])))
        clusters[home].append(ev)
    return clusters
