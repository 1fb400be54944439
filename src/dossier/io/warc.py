"""WARC and WARC.gz files, as in CC-NEWS dumps: HTML responses become documents."""

from __future__ import annotations

import io
import zlib
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import BinaryIO

from warcio.archiveiterator import ArchiveIterator
from warcio.exceptions import ArchiveLoadFailed

from dossier import errors
from dossier.io.decode import DecodeError, decode_bytes, html_declared_charset
from dossier.io.files import digest
from dossier.model import RawRecord, RecordMeta


def read_warc(path: Path, source: str, max_bytes: int) -> Iterator[RawRecord]:
    """Every record appears: responses with HTML as pages, the rest as skipped records.

    A truncated archive yields the records before the damage and one error record.
    """
    yield from read_warc_stream(lambda: path.open("rb"), source, max_bytes)


def read_warc_bytes(data: bytes, source: str, max_bytes: int) -> Iterator[RawRecord]:
    """The same for a WARC file already in memory (the Spark runner reads remote files whole)."""
    yield from read_warc_stream(lambda: io.BytesIO(data), source, max_bytes)


def read_warc_stream(open_stream: Callable[[], BinaryIO], source: str, max_bytes: int) -> Iterator[RawRecord]:
    """``open_stream`` is called once to read the records and once more to check that a gzipped
    archive's last member is complete (warcio stops quietly at a member cut short)."""
    n = 0
    try:
        with open_stream() as fh:
            for record in ArchiveIterator(fh, arc2warc=True):
                n += 1
                yield _record(record, source, n, max_bytes)
        with open_stream() as fh:
            gzipped = fh.read(2) == b"\x1f\x8b"
            fh.seek(0)
            if gzipped and not _gzip_complete(fh):
                raise EOFError("gzip stream ends early")
    except (ArchiveLoadFailed, EOFError, OSError, ValueError, zlib.error) as exc:
        msg = errors.warc_truncated(n) if n else errors.warc_invalid(str(exc) or type(exc).__name__)
        yield RawRecord(f"{source}#error", "text", None, digest(f"{source}:{n}:{exc}".encode()), status="error", error=msg)


def _gzip_complete(fh: BinaryIO, chunk: int = 1 << 20) -> bool:
    """True when every gzip member in the stream ends properly: one streaming pass tells."""
    d, fed = zlib.decompressobj(16 + zlib.MAX_WBITS), False
    while data := fh.read(chunk):
        while data:
            d.decompress(data)
            fed = True
            if not d.eof:
                break
            data = d.unused_data  # the next member starts here
            d, fed = zlib.decompressobj(16 + zlib.MAX_WBITS), False
    return not fed


def _record(record, source: str, n: int, max_bytes: int) -> RawRecord:
    uri = record.rec_headers.get_header("WARC-Target-URI")
    src = f"{source}#{n}" + (f":{uri}" if uri else "")
    rid = record.rec_headers.get_header("WARC-Record-ID") or src
    if record.rec_type != "response":
        record.content_stream().read()  # consume, so the iterator can move on
        return RawRecord(src, "text", None, digest(rid.encode()), status="skipped", error=errors.warc_not_page(record.rec_type))
    ctype = record.http_headers.get_header("Content-Type", "") if record.http_headers else ""
    payload = record.content_stream().read(max_bytes + 1)
    key = digest(payload)
    meta = RecordMeta(url=uri)
    if "html" not in ctype.lower():
        return RawRecord(src, "text", None, key, meta, status="skipped", error=errors.warc_not_html(ctype))
    if len(payload) > max_bytes:
        return RawRecord(src, "html", None, key, meta, status="error", error=errors.too_large(max_bytes))
    charset = None
    if "charset=" in ctype.lower():
        charset = ctype.lower().split("charset=")[-1].split(";")[0].strip()
    try:
        html = decode_bytes(payload, charset or html_declared_charset(payload))
    except DecodeError:
        return RawRecord(src, "html", None, key, meta, status="error", error=errors.undecodable())
    return RawRecord(src, "html", html, key, meta)
