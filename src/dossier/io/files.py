"""Find input files under the paths a user gives, and load their bytes within limits."""

from __future__ import annotations

import gzip
import hashlib
import os
import re
import zlib
from dataclasses import dataclass
from pathlib import Path

from dossier import errors
from dossier.model import RawRecord

DEFAULT_MAX_BYTES = 10 * 1024 * 1024


class InputError(Exception):
    """An input that cannot be read; the message is shown to the user as is."""


@dataclass(frozen=True)
class InputFile:
    """A file to read, or a path that could not be (``error`` says why)."""

    path: Path
    source: str
    error: str | None = None


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def failed_record(source: str, error: str, key_text: str | None = None, status: str = "error") -> RawRecord:
    """A record for an input that could not be read (or holds nothing), saying why.

    Its digest comes from ``key_text`` (by default the source and the error), so a
    re-run sees the same failure as unchanged.
    """
    text = key_text if key_text is not None else f"{source}:{error}"
    return RawRecord(source, "text", None, digest(text.encode()), status=status, error=error)


_REMOTE = re.compile(r"^(?!https?://)[a-z][a-z0-9+.-]*://", re.I)


def is_remote_path(path: str | os.PathLike[str]) -> bool:
    """``hdfs://``, ``s3a://``, ``gs://``... : a path only Spark can open (http(s) is fetched instead)."""
    return bool(_REMOTE.match(os.fspath(path)))


def discover(paths: list[str | os.PathLike[str]]) -> list[InputFile]:
    """Every file under ``paths``, recursively, in a stable order.

    Hidden files and folders inside a folder are passed over (editor and OS
    droppings); anything named explicitly is read.  Symbolic links are followed
    for files, not for folders, so a link loop cannot trap the walk.
    """
    found: list[InputFile] = []
    seen: set[str] = set()
    for given in paths:
        p = Path(given)
        if is_remote_path(given):
            found.append(InputFile(p, str(given), errors.remote_needs_spark(str(given))))
        elif p.is_symlink() and not p.exists():
            found.append(InputFile(p, str(given), errors.dangling_link(os.readlink(p))))
        elif p.is_dir():
            for f in _walk(p):
                found.append(f)
        elif p.exists():
            found.append(InputFile(p, str(given)))
        else:
            found.append(InputFile(p, str(given), errors.not_found()))
    unique = []
    for f in found:
        if f.source not in seen:
            seen.add(f.source)
            unique.append(f)
    return unique


def _walk(root: Path) -> list[InputFile]:
    out: list[InputFile] = []
    for dirpath, dirnames, filenames in os.walk(root):
        dirnames[:] = sorted(d for d in dirnames if not d.startswith("."))
        for name in sorted(filenames):
            if name.startswith("."):
                continue
            p = Path(dirpath) / name
            if p.is_symlink() and not p.exists():
                out.append(InputFile(p, str(p), errors.dangling_link(os.readlink(p))))
            else:
                out.append(InputFile(p, str(p)))
    return out


def read_capped(path: Path, max_bytes: int) -> bytes:
    """The file's bytes, refusing files over ``max_bytes`` before reading them."""
    try:
        size = path.stat().st_size
        if size > max_bytes:
            raise InputError(errors.too_large(max_bytes))
        with path.open("rb") as fh:
            return fh.read(max_bytes + 1)
    except OSError as exc:
        raise InputError(errors.unreadable(exc.strerror or str(exc))) from None


def gunzip_capped(data: bytes, max_bytes: int) -> bytes:
    """Decompress gzip data, refusing output over ``max_bytes`` (a gzip bomb stays small)."""
    if not data.startswith(b"\x1f\x8b"):
        raise InputError(errors.bad_gzip())
    d = zlib.decompressobj(16 + zlib.MAX_WBITS)
    out = bytearray()
    try:
        chunk = d.decompress(data, max_bytes + 1)
        out += chunk
        while d.unconsumed_tail and len(out) <= max_bytes:
            out += d.decompress(d.unconsumed_tail, max_bytes + 1 - len(out))
        if len(out) > max_bytes:
            raise InputError(errors.decompressed_too_large(max_bytes))
        if not d.eof:
            raise InputError(errors.truncated_gzip())
        # Concatenated gzip members: let gzip handle the (rare) rest.
        if d.unused_data.strip(b"\x00"):
            full = gzip.decompress(data)
            if len(full) > max_bytes:
                raise InputError(errors.decompressed_too_large(max_bytes))
            return full
    except (zlib.error, gzip.BadGzipFile, EOFError):
        raise InputError(errors.truncated_gzip()) from None
    return bytes(out)
