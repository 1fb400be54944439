"""Parquet files of articles, one row per article, with the JSONL fields as columns
(``text`` or ``html``; ``url``, ``title``, ``published``, ``outlet``).

Read with DuckDB, already a dependency, in batches, so a file of any size
streams; the size cap applies to each row's article.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import duckdb

from dossier import errors
from dossier.io.files import digest, failed_record
from dossier.io.jsonl import article_record
from dossier.model import RawRecord

FETCH = 512  # rows per batch


def read_parquet(path: Path, source: str, max_bytes: int) -> Iterator[RawRecord]:
    n = 0
    con = duckdb.connect()
    try:
        cursor = con.execute("SELECT * FROM read_parquet(?)", [str(path)])
        columns = [d[0] for d in cursor.description]
        if "text" not in columns and "html" not in columns:
            yield failed_record(f"{source}#error", errors.parquet_no_body_column(columns))
            return
        while rows := cursor.fetchmany(FETCH):
            for row in rows:
                n += 1
                yield parquet_record(dict(zip(columns, row)), source, n, max_bytes)
    except duckdb.Error as exc:
        message = errors.container_broken(n, str(exc)) if n else errors.parquet_invalid(str(exc).splitlines()[0])
        yield failed_record(f"{source}#error", message, f"{source}:{n}:{exc}")
    finally:
        con.close()


def parquet_record(row: dict[str, object], source: str, n: int, max_bytes: int) -> RawRecord:
    """One row as a record: the same function on every runner."""
    src = f"{source}#R{n}"
    key = digest(json.dumps(row, sort_keys=True, default=str).encode())
    body = row.get("text") if isinstance(row.get("text"), str) and row.get("text") else row.get("html")
    if isinstance(body, str) and len(body.encode("utf-8", "surrogatepass")) > max_bytes:
        return RawRecord(src, "text", None, key, status="error", error=f"row {n}: {errors.too_large(max_bytes)}")
    return article_record(row, src, key, f"row {n}")

