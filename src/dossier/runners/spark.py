"""Run the per-document stages on Apache Spark: the only module that imports pyspark.

The executors call the very functions the local runner calls: ``read_input``
(the readers), ``process_record`` (cleaning) and ``extract_batch`` (spaCy and
the extraction rules, one model per Python worker, loaded once and reused by
Spark's worker reuse).  The driver gives out the document ids (they depend on
what the store already holds) and writes the results into the same DuckDB
store, so the corpus passes, ``briefing.json``, the HTML and ``dossier serve``
are the same whichever runner read the documents.

What is not distributed yet: the corpus passes (copy detection, entity
linking) run on the driver, and executors read input files from paths they
can open (a shared filesystem).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator

from dossier.io.files import InputFile
from dossier.model import Document, RawRecord
from dossier.store import Store

PARTITION_DOCS = 32  # documents per spaCy batch inside a partition


def _records(item: tuple[InputFile, int]) -> list[RawRecord]:
    from dossier.io.inputs import read_input

    f, max_bytes = item
    return list(read_input(f, max_bytes))


def _process(rows: Iterator[tuple[RawRecord, str, str | None, object]]) -> Iterator[tuple[RawRecord, Document, str, dict | None]]:
    """Clean a partition's records, then extract from the cleaned texts in spaCy batches."""
    from dossier.extract.document import extract_batch, text_key
    from dossier.process import process_record

    batch: list[tuple[RawRecord, Document]] = []

    def flush() -> Iterator[tuple[RawRecord, Document, str, dict | None]]:
        ok = [(r, d) for r, d in batch if d.status == "ok"]
        extracted = iter(extract_batch([(d.text, d.published) for _, d in ok]))
        for record, doc in batch:
            if doc.status == "ok":
                yield record, doc, text_key(doc.text, doc.published), next(extracted)
            else:
                yield record, doc, "", None

    for record, doc_id, match, like in rows:
        batch.append((record, process_record(record, doc_id, match=match, like=like)))
        if len(batch) >= PARTITION_DOCS:
            yield from flush()
            batch = []
    yield from flush()


def session(master: str | None = None):
    from pyspark.sql import SparkSession

    # Executors run this interpreter (with Dossier and spaCy installed) unless the cluster says otherwise.
    os.environ.setdefault("PYSPARK_PYTHON", sys.executable)
    os.environ.setdefault("PYSPARK_DRIVER_PYTHON", sys.executable)
    builder = SparkSession.builder.appName("dossier").master(master or "local[*]")
    builder = builder.config("spark.ui.enabled", "false").config("spark.python.worker.reuse", "true")
    builder = builder.config("spark.driver.memory", os.environ.get("DOSSIER_SPARK_DRIVER_MEMORY", "2g"))
    return builder.getOrCreate()


def run_spark(files: list[InputFile], store: Store, max_bytes: int, master: str | None = None,
              match: str | None = None, like=None) -> tuple[list[str], int]:
    """Read, clean and extract on Spark; store what is new.  Returns (sources seen, how many were new)."""
    spark = session(master)
    sc = spark.sparkContext
    records = sc.parallelize([(f, max_bytes) for f in files], max(1, min(len(files), sc.defaultParallelism * 4)))
    records = records.flatMap(_records).cache()
    seen_digests = records.map(lambda r: (r.source, r.digest)).collect()
    seen = [s for s, _ in seen_digests]
    ids: dict[str, str] = {}
    taken: set[str] = set()
    for source, digest in seen_digests:
        if store.is_current(source, digest):
            continue
        doc_id = store.allocate_id(source, digest, taken)
        taken.add(doc_id)
        ids[source] = doc_id
    todo = sc.broadcast(ids)
    done = (records.filter(lambda r: r.source in todo.value)
            .map(lambda r: (r, todo.value[r.source], match, like))
            .mapPartitions(_process))
    batch: list[tuple[RawRecord, Document]] = []
    extracted: list[tuple[str, str, dict]] = []
    for record, doc, key, extraction in done.toLocalIterator():
        batch.append((record, doc))
        if extraction is not None:
            extracted.append((doc.id, key, extraction))
        if len(batch) >= 64:
            store.put(batch)
            store.put_extractions(extracted)
            batch, extracted = [], []
    store.put(batch)
    store.put_extractions(extracted)
    records.unpersist()
    return seen, len(ids)
