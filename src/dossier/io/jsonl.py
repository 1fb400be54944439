"""JSONL exports: one article per line (``text`` or ``html``; ``url``, ``title``, ``published``, ``outlet``)."""

from __future__ import annotations

import json
from collections.abc import Iterator

from dossier import errors
from dossier.io.decode import DecodeError, decode_bytes
from dossier.io.files import digest
from dossier.io.meta import clean_str, iso_date
from dossier.model import RawRecord, RecordMeta


def read_jsonl(data: bytes, source: str) -> Iterator[RawRecord]:
    """One record per non-empty line; a bad line becomes an error record, the others are kept."""
    for lineno, line in enumerate(data.splitlines(), start=1):
        if not line.strip():
            continue
        src = f"{source}#L{lineno}"
        key = digest(line)
        try:
            obj = json.loads(decode_bytes(line))
        except DecodeError:
            yield RawRecord(src, "text", None, key, status="error", error=errors.json_line(lineno, errors.undecodable()))
            continue
        except json.JSONDecodeError as exc:
            yield RawRecord(src, "text", None, key, status="error", error=errors.json_line(lineno, f"{exc.msg} at column {exc.colno}"))
            continue
        if not isinstance(obj, dict):
            yield RawRecord(src, "text", None, key, status="error", error=errors.json_not_object(lineno))
            continue
        meta = RecordMeta(
            title=clean_str(obj.get("title")),
            url=clean_str(obj.get("url")),
            published=iso_date(obj.get("published")),
            outlet=clean_str(obj.get("outlet")),
        )
        text, html = obj.get("text"), obj.get("html")
        if isinstance(text, str) and text.strip():
            yield RawRecord(src, "text", text, key, meta)
        elif isinstance(html, str) and html.strip():
            yield RawRecord(src, "html", html, key, meta)
        else:
            yield RawRecord(src, "text", None, key, meta, status="error", error=errors.json_no_body(lineno))
