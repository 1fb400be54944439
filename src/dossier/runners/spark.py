"""Run the per-document stages on Apache Spark: the only module that imports pyspark.

The executors call the very functions the local runner calls: ``read_input``
(the readers), ``process_record`` (cleaning) and ``extract_batch`` (spaCy and
the extraction rules, one model per Python worker, loaded once and reused by
Spark's worker reuse).  The driver gives out the document ids (they depend on
what the store already holds) and writes the results into the same DuckDB
store, so the corpus passes, ``briefing.json``, the HTML and ``dossier serve``
are the same whichever runner read the documents.

Copy detection is distributed too: the executors compute each document's
signals and fingerprint, file every document under its LSH band keys, exact
hash and paragraph hashes (``index_entries``), and the shuffle that groups
those keys replaces the local runner's sorted arrays; the candidate pairs are
joined to their fingerprints and measured on the executors (``verify``), so
the driver receives only the pairs that share text.  The decisions over those
pairs, entity linking and the analysis still run on the driver, and executors
read input files from paths they can open (a shared filesystem).
"""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator

from dossier import errors
from dossier.corpus.fingerprint import Fingerprint
from dossier.corpus.pairs import Pair
from dossier.io.files import InputFile, failed_record
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
              match: str | None = None, like=None, remote: list[str] | None = None) -> tuple[list[str], int]:
    """Read, clean and extract on Spark; store what is new.  Returns (sources seen, how many were new).

    ``remote`` are paths only Spark can open (``hdfs://``, ``s3a://``, ``gs://``...): JSONL and
    Parquet there are read with Spark's own readers, split across the executors.
    """
    spark = session(master)
    sc = spark.sparkContext
    parts = []
    if files:
        parts.append(sc.parallelize([(f, max_bytes) for f in files], _slices(sc, len(files))).flatMap(_records))
    parts.extend(_remote_records(spark, uri, max_bytes) for uri in remote or [])
    if not parts:
        return [], 0
    records = (sc.union(parts) if len(parts) > 1 else parts[0]).cache()
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
    # One JSONL file's records all sit in one partition: spread them before the costly stage.
    spread = max(sc.defaultParallelism, min(len(ids) // PARTITION_DOCS + 1, sc.defaultParallelism * 8))
    done = (records.filter(lambda r: r.source in todo.value)
            .repartition(spread)
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


def _remote_records(spark, uri: str, max_bytes: int):
    """The records of one remote JSONL, Parquet or WARC path (a file, a folder or a glob), or one error record.

    The path is read once here, so a missing or broken one becomes an error the user
    sees instead of a failed job.
    """
    from dossier.io.parquet import parquet_record

    sc = spark.sparkContext
    name = uri.lower().rstrip("/")
    try:
        if name.endswith((".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz")):
            lines = sc.textFile(uri).zipWithIndex()
            rdd = (lines.map(lambda r: _jsonl_line(r[0], uri, r[1] + 1, max_bytes))
                   .filter(lambda rec: rec is not None))
        elif "parquet" in name.rsplit("/", 1)[-1]:  # x.parquet, a folder of parts, a glob of them
            rows = spark.read.parquet(uri).rdd.zipWithIndex()
            rdd = rows.map(lambda r: parquet_record(r[0].asDict(), uri, r[1] + 1, max_bytes))
        elif "warc" in name.rsplit("/", 1)[-1]:  # x.warc, x.warc.gz, a folder or a glob of them
            # one task per WARC file, read whole: a CC-NEWS file (~1 GB) needs executors with that memory
            rdd = sc.binaryFiles(uri).flatMap(lambda kv: _warc_file(kv[0], kv[1], max_bytes))
        else:
            return sc.parallelize([failed_record(uri, errors.remote_unsupported())])
        rdd = rdd.cache()
        if rdd.isEmpty():
            return sc.parallelize([failed_record(uri, errors.empty(), status="skipped")])
        return rdd
    except Exception as exc:  # noqa: BLE001 - Spark raises Py4J and analysis errors for unreadable paths
        reason = str(exc).strip().splitlines()[0][:300] if str(exc).strip() else type(exc).__name__
        return sc.parallelize([failed_record(uri, errors.remote_unreadable(reason))])


def _warc_file(path: str, data: bytes, max_bytes: int) -> list[RawRecord]:
    from dossier.io.warc import read_warc_bytes

    return list(read_warc_bytes(data, path, max_bytes))


def _jsonl_line(line: str, source: str, lineno: int, max_bytes: int) -> RawRecord | None:
    from dossier.io.jsonl import jsonl_record, line_too_long

    data = line.encode("utf-8", "surrogatepass")
    return line_too_long(source, lineno, max_bytes) if len(data) > max_bytes else jsonl_record(data, source, lineno)



def _slices(sc, n: int) -> int:
    return max(1, min(n, sc.defaultParallelism * 4))


def spark_map(master: str | None = None):
    """``map`` for the corpus passes' per-document work, run on the executors (results in order)."""
    sc = session(master).sparkContext

    def map_fn(f, xs) -> list:
        xs = list(xs)
        return sc.parallelize(xs, _slices(sc, len(xs))).map(f).collect() if xs else []

    return map_fn


def _verify_partition(rows) -> Iterator[Pair]:
    from dossier.corpus.pairs import verify

    for _, ((_, fa), fb) in rows:
        p = verify(fa, fb)
        if p is not None:
            yield p


def _bucket_pairs(bucket) -> list[tuple[str, str]]:
    from dossier.corpus.pairs import bucket_pairs

    (index, _, _), ids = bucket
    return bucket_pairs(index, ids)


def _entries(fp: Fingerprint):
    from dossier.corpus.pairs import index_entries

    return index_entries(fp)


def spark_pairs(master: str | None = None):
    """``related_pairs`` as Spark joins: band keys grouped in a shuffle, pairs measured on the executors."""
    sc = session(master).sparkContext

    def find(fps: list[Fingerprint], workers: int = 1) -> list[Pair]:
        if len(fps) < 2:
            return []
        by_id = sc.parallelize([(fp.doc_id, fp) for fp in fps], _slices(sc, len(fps))).cache()
        candidates = by_id.values().flatMap(_entries).groupByKey().flatMap(_bucket_pairs).distinct()
        measured = (candidates.join(by_id)                     # (a, (b, fp_a))
                    .map(lambda r: (r[1][0], (r[0], r[1][1])))  # (b, (a, fp_a))
                    .join(by_id)                                # (b, ((a, fp_a), fp_b))
                    .mapPartitions(_verify_partition))
        pairs = sorted(measured.collect(), key=lambda p: (p.a, p.b))
        by_id.unpersist()
        return pairs

    return find
