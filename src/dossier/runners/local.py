"""Run the per-document stage on this machine, writing to the store in small transactions."""

from __future__ import annotations

from collections.abc import Callable

from dossier.io.files import InputFile
from dossier.io.inputs import read_input
from dossier.model import Document, RawRecord
from dossier.process import process_record
from dossier.store import Store

BATCH = 64

Progress = Callable[[int, int, str], None]


def run_local(files: list[InputFile], store: Store, max_bytes: int, progress: Progress | None = None) -> tuple[list[str], int]:
    """Process every record not already in ``store``; returns all sources seen and how many were new.

    Records already stored with the same content are skipped, so a re-run is
    cheap and an interrupted run resumes where it stopped.
    """
    seen: list[str] = []
    batch: list[tuple[RawRecord, Document]] = []
    taken: set[str] = set()
    new = 0
    for i, f in enumerate(files, start=1):
        for record in read_input(f, max_bytes):
            seen.append(record.source)
            if store.is_current(record.source, record.digest):
                continue
            doc_id = store.allocate_id(record.source, record.digest, taken)
            taken.add(doc_id)
            batch.append((record, process_record(record, doc_id)))
            new += 1
            if len(batch) >= BATCH:
                store.put(batch)
                batch, taken = [], set()
        if progress:
            progress(i, len(files), f.source)
    store.put(batch)
    return seen, new
