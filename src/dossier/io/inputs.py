"""Turn the paths a user gives into raw records, one per article-sized input.

This is the only place that decides what kind of file something is.  Each
failure becomes a record with ``status`` and ``error``, never an exception, so
one bad file cannot stop a run or hide the others.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from dossier import errors
from dossier.io.decode import DecodeError, decode_bytes, html_declared_charset
from dossier.io.feeds import read_feed
from dossier.io.files import InputError, InputFile, digest, failed_record, gunzip_capped, read_capped
from dossier.io.jsonl import read_jsonl, read_jsonl_file
from dossier.io.parquet import read_parquet
from dossier.io.warc import read_warc
from dossier.model import RawRecord

TEXT, HTML, JSONL, FEED, WARC = "text", "html", "jsonl", "feed", "warc"
_BY_SUFFIX = {
    ".txt": TEXT, ".text": TEXT, ".md": TEXT,
    ".html": HTML, ".htm": HTML, ".xhtml": HTML, ".shtml": HTML,
    ".jsonl": JSONL, ".ndjson": JSONL,
    ".rss": FEED, ".atom": FEED, ".rdf": FEED,
    ".warc": WARC, ".arc": WARC,
}
_HTML_START = re.compile(rb"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body)\b", re.I | re.S)
_FEED_MARK = re.compile(rb"<(?:rss|feed|rdf:RDF)\b", re.I)


def read_inputs(files: list[InputFile], max_bytes: int) -> Iterator[RawRecord]:
    for f in files:
        yield from read_input(f, max_bytes)


def read_input(f: InputFile, max_bytes: int) -> Iterator[RawRecord]:
    """The records in one file (several for JSONL, feeds and WARC)."""
    if f.error:
        yield failed_record(f.source, f.error, f.error)
        return
    name = f.path.name.lower()
    gz = name.endswith(".gz")
    stem = name[:-3] if gz else name
    if stem.endswith((".warc", ".arc")):
        yield from read_warc(f.path, f.source, max_bytes)
        return
    if stem.endswith((".jsonl", ".ndjson")):  # containers of any size: streamed, capped per article
        yield from _or_empty(read_jsonl_file(f.path, f.source, max_bytes, gz), f.source)
        return
    if stem.endswith(".parquet") and not gz:
        yield from _or_empty(read_parquet(f.path, f.source, max_bytes), f.source)
        return
    try:
        data = read_capped(f.path, max_bytes)
        if gz:
            data = gunzip_capped(data, max_bytes)
    except InputError as exc:
        yield failed_record(f.source, str(exc), f"{f.source}:{exc}")
        return
    if not data.strip():
        yield RawRecord(f.source, "text", None, digest(data), status="skipped", error=errors.empty())
        return
    kind = _kind(stem, data)
    if kind is None:
        suffix = Path(stem).suffix or "(none)"
        yield RawRecord(f.source, "text", None, digest(data), status="skipped", error=errors.unsupported(suffix))
    elif kind == JSONL:
        yield from read_jsonl(data, f.source)
    elif kind == FEED:
        yield from read_feed(data, f.source)
    elif kind == WARC:
        yield from read_warc(f.path, f.source, max_bytes)
    else:
        yield _single(f.source, kind, data)


def _or_empty(records: Iterator[RawRecord], source: str) -> Iterator[RawRecord]:
    """A container with no article in it still appears in the output, as skipped."""
    empty = True
    for record in records:
        empty = False
        yield record
    if empty:
        yield failed_record(source, errors.empty(), source, "skipped")


def _kind(name: str, data: bytes) -> str | None:
    """The format by suffix, checked against the content where suffixes are often wrong."""
    head = data[:4096].lstrip(b"\xef\xbb\xbf")
    kind = _BY_SUFFIX.get(Path(name).suffix)
    if kind == TEXT and _HTML_START.match(head):
        return HTML
    if kind is not None:
        return kind
    if head.startswith(b"WARC/"):
        return WARC
    if _FEED_MARK.search(head):
        return FEED
    if _HTML_START.match(head):
        return HTML
    if head.lstrip().startswith(b"{"):
        return JSONL
    if Path(name).suffix == "":
        return TEXT
    return None


def _single(source: str, kind: str, data: bytes) -> RawRecord:
    key = digest(data)
    declared = html_declared_charset(data) if kind == HTML else None
    try:
        content = decode_bytes(data, declared)
    except DecodeError as exc:
        msg = errors.binary() if str(exc) == "binary" else errors.undecodable()
        return RawRecord(source, "text", None, key, status="error", error=msg)
    return RawRecord(source, "html" if kind == HTML else "text", content, key)

