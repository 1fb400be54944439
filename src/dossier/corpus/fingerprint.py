"""Per-document fingerprints for finding copies: pure, so any runner can compute them.

Three views of a text, each robust to a different kind of copying:

* ``exact``: a hash of the normalised words (the same article again);
* ``minhash`` of word 3-grams: near-duplicates with a few percent of words edited
  still share most 3-grams, while two articles on the same story share almost none;
* ``skeleton``: a MinHash of the sequence of names and numbers.  A synonym spinner
  or a translator changes the words around them but keeps "Sokolik", "30",
  "February 24", so the skeleton finds spun and translated copies whose 3-grams differ.

Paragraph hashes find one article contained verbatim in a longer page.
"""

from __future__ import annotations

import hashlib
import re
import zlib
from dataclasses import dataclass
from functools import lru_cache

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


_MASK = np.uint64(0xFFFFFFFF)


def _gram_hashes(word_hashes: np.ndarray, n: int) -> np.ndarray:
    """Unique 32-bit hashes of the word n-grams, from the words' own hashes (no strings built)."""
    if len(word_hashes) == 0:
        return np.zeros(0, dtype=np.uint32)
    if len(word_hashes) < n:
        n = len(word_hashes)
    h = np.zeros(len(word_hashes) - n + 1, dtype=np.uint64)
    for i in range(n):
        h = (h * np.uint64(0x9E3779B1) + word_hashes[i : len(word_hashes) - n + 1 + i]) & _MASK
        h ^= h >> np.uint64(15)
    return np.unique(h.astype(np.uint32))


@lru_cache(maxsize=1)
def _permutations():
    """datasketch's permutations for our settings, made once (making them costs more than hashing a text)."""
    return MinHash(num_perm=NUM_PERM, scheme=SCHEME).permutations


def _minhash(hashes: np.ndarray) -> np.ndarray:
    """MinHash values of already-hashed shingles (datasketch does the permutations)."""
    m = MinHash(num_perm=NUM_PERM, hashfunc=int, scheme=SCHEME, permutations=_permutations())
    if len(hashes):
        m.update_batch(hashes.tolist())
    return m.hashvalues.astype(np.uint32)


# A number, or a word starting with a capital (Latin or Cyrillic), with what opens its sentence if anything.
_SKELETON = re.compile(
    r"((?:\n|[.!?…][\"”’)\]]*\s+)[\"“‘(\[]*)?\b(\d[\d,.]*|[A-ZÀ-ÞĀ-ſА-ЯЁЄІЇ][\w'’-]*)"
)
_DIGITS = re.compile(r"\D")


def skeleton_tokens(text: str) -> list[str]:
    """Names and numbers in order: capitalised words not opening a sentence, and digits."""
    out: list[str] = []
    # The text opens a sentence too: the leading newline makes that one case of "\n", so that an
    # empty opener always means "mid-sentence".
    for opens, t in _SKELETON.findall("\n" + text):
        if t[0].isdigit():
            out.append(_DIGITS.sub("", t) or t)
        elif not opens and t[0].isupper() and t.lower() not in _CALENDAR:
            out.append(name_key(t))  # one key for "Zhovnir" and "Žovnir"
    return out


_HASHES: dict[str, int] = {}  # word -> crc32, per process (news vocabularies repeat: most lookups hit)


def _word_hashes(words: list[str]) -> np.ndarray:
    cache = _HASHES
    if len(cache) > 2_000_000:
        cache.clear()
    for w in set(words).difference(cache):
        cache[w] = zlib.crc32(w.encode())
    return np.fromiter(map(cache.__getitem__, words), dtype=np.uint64, count=len(words))


def fingerprint(doc_id: str, text: str) -> Fingerprint:
    # One tokenisation, paragraph by paragraph: the document's words and each paragraph's.
    words: list[str] = []
    paragraphs = []
    for p in text.split("\n\n"):
        ws = [w.lower() for w in tokens(p)]
        if len(ws) >= MIN_PARAGRAPH_WORDS:
            paragraphs.append(_crc32(" ".join(ws).encode()))
        words.extend(ws)
    exact = hashlib.sha1(" ".join(words).encode()).hexdigest()
    shingles = _gram_hashes(_word_hashes(words), SHINGLE)
    skel_hashes = _gram_hashes(_word_hashes(skeleton_tokens(text)), SKELETON_SHINGLE)
    return Fingerprint(
        doc_id=doc_id,
        exact=exact,
        minhash=_minhash(shingles),
        skeleton=_minhash(skel_hashes),
        shingles=shingles,
        skeleton_shingles=skel_hashes,
        paragraphs=tuple(paragraphs),
        words=len(words),
    )


def overlap(a: np.ndarray, b: np.ndarray) -> int:
    """How many values two sorted unique arrays share (a binary search of one in the other, no sorting)."""
    if not len(a) or not len(b):
        return 0
    if len(a) > len(b):
        a, b = b, a
    idx = np.searchsorted(b, a)
    idx[idx == len(b)] = 0
    return int(np.count_nonzero(b[idx] == a))


def jaccard(a: np.ndarray, b: np.ndarray) -> float:
    inter = overlap(a, b)
    return inter / (len(a) + len(b) - inter) if inter else 0.0


def containment(small: np.ndarray, big: np.ndarray) -> float:
    """Share of ``small``'s shingles found in ``big``."""
    return overlap(small, big) / len(small) if len(small) else 0.0


def estimate(a: np.ndarray, b: np.ndarray) -> float:
    """Jaccard estimated from two MinHash signatures."""
    return float(np.mean(a == b))
