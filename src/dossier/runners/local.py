"""Run the per-document stage on this machine, writing to the store in small transactions."""

from __future__ import annotations

import json
import os
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator
from multiprocessing import Pool
from dataclasses import asdict

from dossier.clean.lines import normalise
from dossier.corpus.boilerplate import Page, recurring_lines, site_key
from dossier.corpus.analysis import analyse
from dossier.corpus.pairs import related_pairs
from dossier.corpus.provenance import PairFinder, provenance_pass
from dossier.corpus.signals import signals_from_json, signals_key, signals_to_json
from dossier.corpus.story import StoryProfile
from dossier.extract.document import empty, extract_batch, text_key
from dossier.io.files import InputFile
from dossier.io.inputs import read_input
from dossier.model import Document, RawRecord
from dossier.process import process_record
from dossier.store import Store

BATCH = 64
PARALLEL_FROM = 200  # documents; below this a process pool costs more than it saves

Progress = Callable[[int, int, str], None]


def run_local(files: list[InputFile], store: Store, max_bytes: int, progress: Progress | None = None,
              match: str | None = None, like: StoryProfile | None = None) -> tuple[list[str], int]:
    """Process every record not already in ``store``; returns all sources seen and how many were new.

    Records already stored with the same content are skipped, so a re-run is
    cheap and an interrupted run resumes where it stopped.
    """
    def records():
        for i, f in enumerate(files, start=1):
            yield from read_input(f, max_bytes)
            if progress:
                progress(i, len(files), f.source)

    return run_records(records(), store, match, like)


def run_records(records: Iterable[RawRecord], store: Store, match: str | None = None,
                like: StoryProfile | None = None, workers: int = 0) -> tuple[list[str], int]:
    """The per-document stage over any stream of records (files, fetched pages), in small transactions.

    Ids are given out and the store is written in this process; the cleaning
    runs in a process pool once the stream proves long enough to pay for one,
    a chunk at a time, so memory stays bounded however long the stream is.
    """
    seen: list[str] = []
    taken: set[str] = set()
    new = 0

    def allocated(chunk_size: int) -> list[tuple[RawRecord, str]]:
        nonlocal new
        chunk = []
        for record in stream:
            seen.append(record.source)
            if store.is_current(record.source, record.digest):
                continue
            doc_id = store.allocate_id(record.source, record.digest, taken)
            taken.add(doc_id)
            new += 1
            chunk.append((record, doc_id))
            if len(chunk) >= chunk_size:
                break
        return chunk

    stream = iter(records)
    first = allocated(PARALLEL_FROM)
    workers = workers or (os.cpu_count() or 1)
    if len(first) < PARALLEL_FROM or workers < 2:
        chunk = first
        while chunk:
            for i in range(0, len(chunk), BATCH):
                store.put([(r, process_record(r, d, match=match, like=like)) for r, d in chunk[i:i + BATCH]])
            chunk = allocated(PARALLEL_FROM)
        return seen, new
    with Pool(workers) as pool:
        chunk = first
        while chunk:
            done = pool.map(_process_item, [(r, d, match, like) for r, d in chunk], chunksize=8)
            for i in range(0, len(done), BATCH):
                store.put(list(zip((r for r, _ in chunk[i:i + BATCH]), done[i:i + BATCH])))
            chunk = allocated(PARALLEL_FROM * workers)
    return seen, new


def _process_item(item: tuple[RawRecord, str, str | None, StoryProfile | None]) -> Document:
    record, doc_id, match, like = item
    return process_record(record, doc_id, match=match, like=like)


def apply_site_templates(store: Store) -> int:
    """Re-clean plain-text documents that still keep lines of their site's template.

    Runs after every build over the whole store, so pages added later teach the
    pass about older pages of the same site; a page already clean of its
    template is left as it is, which keeps re-runs idempotent.
    """
    records = store.text_records()
    docs = {d.id: d for d in store.documents()}
    pages = [Page(doc_id, site_key(docs[doc_id].url, docs[doc_id].outlet), r.content or "") for r, doc_id in records]
    template = recurring_lines(pages)
    redo = []
    for record, doc_id in records:
        lines = template.get(doc_id)
        if not lines:
            continue
        doc = docs[doc_id]
        kept = {normalise(p) for p in doc.text.split("\n\n")} | {normalise(doc.title or "")}
        if kept & lines:
            redo.append((record, process_record(record, doc_id, lines, match=store.setting("match"))))
    store.put(redo)
    return len(redo)


def apply_provenance(store: Store, workers: int = 0, map_fn: Callable | None = None,
                     find_pairs: PairFinder | None = None) -> None:
    """Who copied whom, over every document in the store (the corpus changes with each build).

    The per-document signals run in a process pool here unless a runner passes its own
    ``map_fn`` and ``find_pairs`` (the Spark runner does).
    """
    docs = store.documents()
    workers = workers or (os.cpu_count() or 1)
    find_pairs = find_pairs or related_pairs
    stored = store.stored_signals()
    known = {}
    for d in docs:  # signals kept from an earlier build, while the document is unchanged
        kept = stored.get(d.id)
        if d.status == "ok" and kept and kept[0] == signals_key(d):
            known[d.id] = signals_from_json(d, kept[1])
    todo = sum(d.status == "ok" and d.id not in known for d in docs)
    if map_fn is not None:
        result = provenance_pass(docs, map_fn, workers, find_pairs, known)
    elif workers > 1 and todo >= PARALLEL_FROM:
        with Pool(workers) as pool:
            result = provenance_pass(docs, lambda f, xs: pool.imap(f, xs, chunksize=32), workers, find_pairs, known)
    else:
        result = provenance_pass(docs, find_pairs=find_pairs, known=known)
    store.put_signals((s.doc.id, signals_key(s.doc), signals_to_json(s)) for s in result.computed)
    store.set_provenance(
        {d: asdict(p) for d, p in result.provenance.items()},
        result.credited,
        [g.to_dict() for g in result.groups],
    )


def _extract_chunk(chunk: list[tuple[str, str, str | None]]) -> list[tuple[str, dict]]:
    """Worker: one spaCy batch over a chunk of documents (the model loads once per process)."""
    try:
        done = extract_batch([(text, published) for _, text, published in chunk])
    except Exception:  # noqa: BLE001 - the parser failed on one document: the others are extracted alone
        done = [_extract_alone(text, published) for _, text, published in chunk]
    return [(doc_id, data) for (doc_id, _, _), data in zip(chunk, done)]


def _extract_alone(text: str, published: str | None) -> dict:
    try:
        return extract_batch([(text, published)])[0]
    except Exception as exc:  # noqa: BLE001 - this document says why it has no extraction
        return empty(f"{type(exc).__name__}: {exc}")


CHUNK = 16  # documents per spaCy batch in a worker
# A worker's memory grows as it works (2.0 to 3.3 GB over 6,400 documents of a 100k build);
# a fresh worker after this many chunks (~1 s to load the model again) brings it back.
CHUNKS_PER_WORKER = 400


def apply_analysis(store: Store, workers: int = 0, lap: Callable[[str], None] = lambda _: None) -> int:
    """Extract what documents say (new or changed ones only), then link it all across the corpus.

    Returns how many documents were (re-)extracted.  The per-document stage is
    stored, so adding files to a dossier parses only the new ones; the linking
    is cheap and redone over the whole store.
    """
    docs = [d for d in store.documents() if d.status == "ok"]
    have = store.extraction_keys()
    keys = {d.id: text_key(d.text, d.published) for d in docs}
    stale = [d for d in docs if have.get(d.id) != keys[d.id]]
    # Wire copies and scraped duplicates clean to the same text: parse each text once and
    # store its extraction under every document that has it (it depends on text and date only).
    twins: dict[str, list[str]] = defaultdict(list)
    parsed_as: dict[str, str] = {}
    todo = []
    for d in stale:
        if keys[d.id] in parsed_as:
            twins[parsed_as[keys[d.id]]].append(d.id)
        else:
            parsed_as[keys[d.id]] = d.id
            todo.append((d.id, d.text, d.published))
    workers = workers or (os.cpu_count() or 1)
    chunks = [todo[i:i + CHUNK] for i in range(0, len(todo), CHUNK)]
    if workers > 1 and len(todo) >= PARALLEL_FROM:
        with Pool(workers, maxtasksperchild=CHUNKS_PER_WORKER) as pool:
            done = (item for chunk in pool.imap_unordered(_extract_chunk, chunks) for item in chunk)
            _store_extractions(store, _with_twins(done, twins), keys)
    else:
        done = (item for chunk in map(_extract_chunk, chunks) for item in chunk)
        _store_extractions(store, _with_twins(done, twins), keys)
    lap("analysis: extraction")
    given = store.setting("question") if store.setting("question_derived") is None else None
    result = analyse(docs, store.extractions(), given)
    lap("analysis: across the corpus")
    store.set_results({"entities": result.entities, "quotes": result.quotes, "claims": result.claims,
                       "timeline": result.timeline, "dates": result.dates, "comparisons": result.comparisons,
                       "assessments": result.assessments, "flags": result.flags})
    if result.question_derived:
        store.set_setting("question", result.question)
    store.set_setting("question_derived", result.question_derived)
    store.set_setting("balance", json.dumps(result.balance))
    lap("analysis: results stored")
    return len(stale)


def _with_twins(done: Iterable[tuple[str, dict]], twins: dict[str, list[str]]) -> Iterator[tuple[str, dict]]:
    for doc_id, data in done:
        yield doc_id, data
        for twin in twins.get(doc_id, ()):
            yield twin, data


def _store_extractions(store: Store, done, keys: dict[str, str]) -> None:
    batch = []
    for doc_id, data in done:
        batch.append((doc_id, keys[doc_id], data))
        if len(batch) >= BATCH:
            store.put_extractions(batch)
            batch = []
    store.put_extractions(batch)
