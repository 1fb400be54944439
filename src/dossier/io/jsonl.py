"""JSONL exports: one article per line (``text`` or ``html``; ``url``, ``title``, ``published``, ``outlet``).

A JSONL file is a container, not an article: it is streamed line by line, so
its size is not limited, and the size cap applies to each line.
"""

from __future__ import annotations

import gzip
import json
import zlib
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import BinaryIO

from dossier import errors
from dossier.io.decode import DecodeError, decode_bytes
from dossier.io.files import digest, failed_record
from dossier.io.meta import clean_str, iso_date, iso_timestamp
from dossier.model import RawRecord, RecordMeta


def read_jsonl(data: bytes, source: str) -> Iterator[RawRecord]:
    """The records of JSONL already in memory (a file whose content said JSONL, not its name)."""
    for lineno, line in enumerate(data.split(b"\n"), start=1):
        record = jsonl_record(line, source, lineno)
        if record is not None:
            yield record


def read_jsonl_file(path: Path, source: str, max_bytes: int, gz: bool = False) -> Iterator[RawRecord]:
    """Stream a JSONL or JSONL.gz file of any size; a line over ``max_bytes`` becomes an error record."""
    lineno = 0
    try:
        with (gzip.open(path, "rb") if gz else path.open("rb")) as fh:
            for lineno, (line, too_long) in enumerate(_capped_lines(fh, max_bytes), start=1):
                if too_long:
                    yield line_too_long(source, lineno, max_bytes)
                    continue
                record = jsonl_record(line, source, lineno)
                if record is not None:
                    yield record
    except (OSError, EOFError, zlib.error) as exc:
        yield failed_record(f"{source}#error", errors.container_broken(lineno, str(exc) or type(exc).__name__),
                            f"{source}:{lineno}:{exc}")


def _capped_lines(fh: BinaryIO, max_bytes: int) -> Iterator[tuple[bytes, bool]]:
    """Lines without their newline, and whether each was cut for being over ``max_bytes``."""
    while True:
        line = fh.readline(max_bytes + 1)
        if not line:
            return
        if len(line) > max_bytes and not line.endswith(b"\n"):
            while (rest := fh.readline(1 << 20)) and not rest.endswith(b"\n"):
                pass  # skip the rest of the over-long line without holding it
            yield b"", True
        else:
            yield line.rstrip(b"\n"), False


def line_too_long(source: str, lineno: int, max_bytes: int) -> RawRecord:
    return failed_record(f"{source}#L{lineno}", errors.json_line_too_large(lineno, max_bytes), f"{source}:{lineno}")


def jsonl_record(line: bytes, source: str, lineno: int) -> RawRecord | None:
    """One line as a record (None for a blank line): the same function on every runner."""
    if not line.strip():
        return None
    src = f"{source}#L{lineno}"
    key = digest(line.rstrip(b"\r"))
    try:
        obj = json.loads(decode_bytes(line))
    except DecodeError:
        return RawRecord(src, "text", None, key, status="error", error=errors.json_line(lineno, errors.undecodable()))
    except json.JSONDecodeError as exc:
        return RawRecord(src, "text", None, key, status="error",
                         error=errors.json_line(lineno, f"{exc.msg} at column {exc.colno}"))
    if not isinstance(obj, dict):
        return RawRecord(src, "text", None, key, status="error", error=errors.json_not_object(lineno))
    return article_record(obj, src, key, f"line {lineno}")


def article_record(obj: Mapping[str, object], src: str, key: str, where: str) -> RawRecord:
    """A record from an article's fields, whatever container carried them (JSONL line, Parquet row)."""
    meta = RecordMeta(
        title=clean_str(obj.get("title")),
        url=clean_str(obj.get("url")),
        published=iso_date(obj.get("published")),
        outlet=clean_str(obj.get("outlet")),
        published_at=iso_timestamp(obj.get("published")),
    )
    text, html = obj.get("text"), obj.get("html")
    if isinstance(text, str) and text.strip():
        return RawRecord(src, "text", text, key, meta)
    if isinstance(html, str) and html.strip():
        return RawRecord(src, "html", html, key, meta)
    return RawRecord(src, "text", None, key, meta, status="error", error=errors.no_body(where))

