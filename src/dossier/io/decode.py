"""Bytes to text: detect the encoding instead of assuming UTF-8."""

from __future__ import annotations

import codecs
import re
import unicodedata

from charset_normalizer import from_bytes

_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
_META_CHARSET = re.compile(rb"""<meta[^>]{0,200}?charset\s*=\s*["']?([\w:.-]{2,40})""", re.IGNORECASE)


class DecodeError(ValueError):
    """The bytes are not text in any encoding we could find; the message is for the user."""


def decode_bytes(data: bytes, declared: str | None = None) -> str:
    """Decode ``data``: BOM, then a declared charset, then strict UTF-8, then detection.

    charset-normalizer tells cp1251 from latin-1 and the like by what the
    decoded text looks like; a plain guess would mangle such files silently.
    """
    for bom, enc in _BOMS:
        if data.startswith(bom):
            try:
                return data.decode(enc)
            except UnicodeDecodeError:
                break
    if declared:
        try:
            return data.decode(declared)
        except (UnicodeDecodeError, LookupError):
            pass
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        pass
    if _looks_binary(data):
        raise DecodeError("binary")
    return _best_single_byte(data)


# Legacy encodings news text arrives in, most common first (the order breaks ties).
_LEGACY = ("cp1252", "cp1251", "cp1250", "iso8859-15", "koi8-r", "cp1253", "cp1254", "cp1257", "latin-1")
_NON_ASCII_WORD = re.compile(r"\w*[^\x00-\x7f]\w*")


def _best_single_byte(data: bytes) -> str:
    """Pick the legacy encoding whose decoding reads most like real words.

    charset-normalizer ranks candidates over the whole text; in a mostly-English
    article with a few Cyrillic or accented names its top guess is often a
    neighbour code page that turns "Мэр" into "Ìýð".  The non-ASCII words decide
    it better: real words keep to one script and are not made of accented
    letters only.
    """
    sample = data[:200_000]
    detected = [m.encoding for m in from_bytes(sample)][:5]
    candidates = list(_LEGACY) + [e for e in detected if e not in _LEGACY]
    best: tuple[int, int, str] | None = None
    for rank, enc in enumerate(candidates):
        try:
            text = sample.decode(enc)
        except (UnicodeDecodeError, LookupError):
            continue
        cost = _implausibility(text)
        if best is None or (cost, rank) < best[:2]:
            best = (cost, rank, enc)
    if best is None:
        raise DecodeError("undecodable")
    return data.decode(best[2], errors="replace")


def _implausibility(text: str) -> int:
    cost = 0
    for word in _NON_ASCII_WORD.findall(text):
        letters = [c for c in word if c.isalpha()]
        scripts = {unicodedata.name(c, "?").split(" ")[0] for c in letters}
        if len(scripts) > 1:
            cost += 2
        non_ascii = sum(1 for c in letters if ord(c) > 127)
        if "LATIN" in scripts and len(letters) >= 3 and non_ascii / len(letters) > 0.5:
            cost += 1
        cost += sum(3 for c in word if unicodedata.category(c) in ("Mn", "Co", "Cn", "Cc"))
        # "Ł5", "ódŸ": a letter against a digit, or a capital after a small letter.
        cost += sum(1 for a, b in zip(word, word[1:]) if (ord(a) > 127 or ord(b) > 127)
                    and ((a.isalpha() and b.isdigit()) or (a.isdigit() and b.isalpha()) or (a.islower() and b.isupper())))
    cost += sum(3 for c in text if unicodedata.category(c) in ("Co", "Cn") or (unicodedata.category(c) == "Cc" and c not in "\n\r\t\f"))
    return cost


def html_declared_charset(data: bytes) -> str | None:
    """The charset a page declares in its ``<meta>``, if any."""
    m = _META_CHARSET.search(data[:4096])
    return m.group(1).decode("ascii", "ignore") if m else None


def _looks_binary(data: bytes) -> bool:
    """NUL bytes or many control characters: not a text file (UTF-16 was handled by its BOM)."""
    sample = data[:8192]
    if not sample:
        return False
    if b"\x00" in sample:
        return _utf16_without_bom(sample) is False
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13, 27))
    return controls / len(sample) > 0.05


def _utf16_without_bom(sample: bytes) -> bool:
    """UTF-16 text without a BOM has NULs in every other byte."""
    even, odd = sample[0::2], sample[1::2]
    return even.count(0) > 0.4 * len(even) or odd.count(0) > 0.4 * len(odd)
