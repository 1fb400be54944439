"""Per-document fingerprints for finding copies: pure, so any runner can compute them.

Three views of a text, each robust to a different kind of copying:

* ``exact``: a hash of the normalised words (the same article again);
* ``minhash`` of word 3-grams: near-duplicates with a few percent of words edited
  still share most 3-grams, while two articles on the same story share almost none;
* ``skeleton``: a MinHash of the sequence of names and numbers.  A synonym spinner
  or a translator changes the words around them but keeps "Sokol", "30",
  "February 24", so the skeleton finds spun and translated copies whose 3-grams differ.

Paragraph hashes find one article contained verbatim in a longer page.
"""

from __future__ import annotations

import hashlib
import re
import zlib
from dataclasses import dataclass

import numpy as np
from datasketch import MinHash

from dossier.names import name_key

NUM_PERM = 128
SCHEME = "affine32"  # datasketch's MinHash scheme; stored signatures are rebuilt with it
SHINGLE = 3
SKELETON_SHINGLE = 3
MIN_PARAGRAPH_WORDS = 8

_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*", re.UNICODE)
# Months and weekdays are capitalised but say nothing about which article this is.
_CALENDAR = frozenset(
    "january february march april may june july august september october november december "
    "monday tuesday wednesday thursday friday saturday sunday".split()
)


def _crc32(data: bytes) -> int:
    """A stable 32-bit hash (Python's ``hash`` changes between processes; Spark needs the same values)."""
    return zlib.crc32(data)


@dataclass(frozen=True)
class Fingerprint:
    doc_id: str
    exact: str
    minhash: np.ndarray  # uint32 hash values of the 3-gram MinHash
    skeleton: np.ndarray  # uint32 hash values of the names-and-numbers MinHash
    shingles: np.ndarray  # sorted unique uint32 hashes of the 3-grams, for exact Jaccard and containment
    skeleton_shingles: np.ndarray  # sorted unique uint32 hashes of the names-and-numbers 3-grams
    paragraphs: tuple[int, ...]  # hashes of paragraphs long enough to identify a text
    words: int


def tokens(text: str) -> list[str]:
    return _WORD.findall(text)


def _hashes(grams: list[bytes]) -> np.ndarray:
    return np.unique(np.fromiter((_crc32(g) for g in grams), dtype=np.uint32, count=len(grams)))


def _minhash(hashes: np.ndarray) -> np.ndarray:
    """MinHash values of already-hashed shingles (datasketch does the permutations)."""
    m = MinHash(num_perm=NUM_PERM, hashfunc=int, scheme=SCHEME)
    if len(hashes):
        m.update_batch(hashes.tolist())
    return m.hashvalues.astype(np.uint32)


def skeleton_tokens(text: str) -> list[str]:
    """Names and numbers in order: capitalised words not opening a sentence, and digits."""
    out: list[str] = []
    for sentence in re.split(r"(?<=[.!?])\s+", text):
        toks = tokens(sentence)
        for i, t in enumerate(toks):
            if t[0].isdigit():
                out.append(re.sub(r"\D", "", t) or t)
            elif i > 0 and t[0].isupper() and t.lower() not in _CALENDAR:
                out.append(name_key(t))  # one key for "Zhovnir" and "Žovnir"
    return out


def fingerprint(doc_id: str, text: str) -> Fingerprint:
    words = [w.lower() for w in tokens(text)]
    exact = hashlib.sha1(" ".join(words).encode()).hexdigest()
    grams = [" ".join(words[i : i + SHINGLE]).encode() for i in range(max(len(words) - SHINGLE + 1, 1))] if words else []
    shingles = _hashes(grams)
    skel = skeleton_tokens(text)
    skel_grams = [" ".join(skel[i : i + SKELETON_SHINGLE]).encode() for i in range(max(len(skel) - SKELETON_SHINGLE + 1, 1))] if skel else []
    skel_hashes = _hashes(skel_grams)
    paragraphs = tuple(
        _crc32(" ".join(tokens(p.lower())).encode())
        for p in text.split("\n\n")
        if len(tokens(p)) >= MIN_PARAGRAPH_WORDS
    )
    return Fingerprint(
        doc_id=doc_id,
        exact=exact,
        minhash=_minhash(shingles),
        skeleton=_minhash(skel_hashes),
        shingles=shingles,
        skeleton_shingles=skel_hashes,
        paragraphs=paragraphs,
        words=len(words),
    )


def jaccard(a: np.ndarray, b: np.ndarray) -> float:
    if not len(a) or not len(b):
        return 0.0
    inter = len(np.intersect1d(a, b, assume_unique=True))
    return inter / (len(a) + len(b) - inter)


def containment(small: np.ndarray, big: np.ndarray) -> float:
    """Share of ``small``'s shingles found in ``big``."""
    if not len(small):
        return 0.0
    return len(np.intersect1d(small, big, assume_unique=True)) / len(small)


def estimate(a: np.ndarray, b: np.ndarray) -> float:
    """Jaccard estimated from two MinHash signatures."""
    return float(np.mean(a == b))
