"""Pairs of documents that share their text: candidates by hashing, then measured.

Candidates come from four cheap indexes (exact hashes, MinHash LSH on word
3-grams, shared paragraphs, MinHash LSH on names and numbers), so the cost grows
with the number of documents, not its square; each candidate pair is then
measured exactly on its 3-gram sets.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from itertools import combinations

import multiprocessing as mp

import numpy as np

from dossier.corpus.fingerprint import NUM_PERM, Fingerprint, containment, estimate, overlap

TEXT_LSH_THRESHOLD = 0.3  # recall matters: pairs are verified exactly afterwards
SKELETON_LSH_THRESHOLD = 0.3
MIN_SKELETON = 8  # fewer names-and-numbers 3-grams cannot tell a copy from a story's other articles
MAX_PARAGRAPH_FANOUT = 50  # a paragraph on more pages than this is boilerplate, not a copy
MAX_BUCKET = 200  # an LSH bucket this full holds empty or template texts, not copies

NEAR_JACCARD = 0.45  # shares this much of its 3-grams: the same article, edited
NEAR_CONTAINMENT = 0.7  # or this much of the shorter text is inside the longer one
SKELETON_MATCH = 0.5  # names and numbers of the shorter text found in the other, in order
KEEP_SKELETON = 0.25  # weaker matches are kept for the provenance rules that ask for less
REWORDED_SKELETON = 0.75
SAME_PARAGRAPHS = 0.9  # nearly all of them: one article reworded, not two articles on one story


@dataclass(frozen=True)
class Pair:
    a: str
    b: str
    exact: bool
    jaccard: float
    a_in_b: float  # share of a's 3-grams found in b
    b_in_a: float
    skeleton: float  # share of the smaller skeleton found in the other
    paragraphs_a_in_b: float = 0.0  # share of a's paragraphs found word for word in b
    paragraphs_b_in_a: float = 0.0

    @property
    def same_paragraphs(self) -> bool:
        """Every paragraph of each is in the other: the same article, whatever short lines
        of furniture the cleaning left on either page."""
        return min(self.paragraphs_a_in_b, self.paragraphs_b_in_a) >= SAME_PARAGRAPHS

    @property
    def near(self) -> bool:
        return self.exact or self.jaccard >= NEAR_JACCARD or max(self.a_in_b, self.b_in_a) >= NEAR_CONTAINMENT

    @property
    def same_story_skeleton(self) -> bool:
        return self.skeleton >= SKELETON_MATCH

    @property
    def reworded(self) -> bool:
        return not self.near and self.skeleton >= REWORDED_SKELETON


# What each index files a document under, and how full a bucket may get before it
# says "template" rather than "copy" (None: no limit; the same text is always a copy).
BUCKET_LIMIT = {"exact": None, "paragraph": MAX_PARAGRAPH_FANOUT, "text": MAX_BUCKET, "skeleton": MAX_BUCKET}


def candidate_pairs(fps: list[Fingerprint]) -> set[tuple[str, str]]:
    """Ids of documents that may share text, each pair once (sorted).

    The same buckets as ``index_entries`` gives the Spark runner, grouped here with
    dicts and sorted arrays rather than a distributed shuffle.
    """
    out: set[tuple[str, str]] = set()
    buckets: dict[tuple, list[str]] = defaultdict(list)
    for fp in fps:
        if fp.words:
            buckets[("exact", 0, fp.exact)].append(fp.doc_id)
        for h in set(fp.paragraphs):
            buckets[("paragraph", 0, h)].append(fp.doc_id)
    for (index, _, _), ids in buckets.items():
        out.update(bucket_pairs(index, ids))
    out |= _lsh_pairs([(fp.doc_id, fp.minhash) for fp in fps if _in_text_index(fp)], TEXT_LSH_THRESHOLD, "text")
    out |= _lsh_pairs([(fp.doc_id, fp.skeleton) for fp in fps if _in_skeleton_index(fp)], SKELETON_LSH_THRESHOLD,
                      "skeleton")
    return out


def _in_text_index(fp: Fingerprint) -> bool:
    return len(fp.shingles) > 0


def _in_skeleton_index(fp: Fingerprint) -> bool:
    return len(fp.skeleton_shingles) >= MIN_SKELETON


def index_entries(fp: Fingerprint) -> list[tuple[tuple[str, int, int | str], str]]:
    """Every (bucket, doc id) one document is filed under: its exact hash, its paragraphs,
    and one key per LSH band of each signature.  Grouping these by bucket, anywhere,
    gives the candidates ``candidate_pairs`` gives."""
    out: list[tuple[tuple[str, int, int | str], str]] = []
    if fp.words:
        out.append((("exact", 0, fp.exact), fp.doc_id))
    out.extend((("paragraph", 0, h), fp.doc_id) for h in sorted(set(fp.paragraphs)))
    if _in_text_index(fp):
        keys = band_keys(fp.minhash[None, :], TEXT_LSH_THRESHOLD)[0]
        out.extend((("text", b, int(k)), fp.doc_id) for b, k in enumerate(keys))
    if _in_skeleton_index(fp):
        keys = band_keys(fp.skeleton[None, :], SKELETON_LSH_THRESHOLD)[0]
        out.extend((("skeleton", b, int(k)), fp.doc_id) for b, k in enumerate(keys))
    return out


def bucket_pairs(index: str, ids: Iterable[str]) -> list[tuple[str, str]]:
    """The candidate pairs one bucket gives: every pair of its documents, unless it is too full."""
    members = sorted(set(ids))
    limit = BUCKET_LIMIT[index]
    if len(members) < 2 or (limit is not None and len(members) > limit):
        return []
    return list(combinations(members, 2))


def band_keys(signatures: np.ndarray, threshold: float) -> np.ndarray:
    """One 64-bit key per document and LSH band (a polynomial hash of the band's rows):
    an (n, NUM_PERM) array of MinHash values in, an (n, bands) array of keys out."""
    bands, rows = _bands_for(threshold)
    sig = signatures.astype(np.uint64)[:, : bands * rows].reshape(len(signatures), bands, rows)
    key = np.zeros((len(signatures), bands), dtype=np.uint64)
    for r in range(rows):
        key = key * np.uint64(1_000_003) + sig[:, :, r]
    return key


def _lsh_pairs(items: list[tuple[str, np.ndarray]], threshold: float, index: str) -> set[tuple[str, str]]:
    """Locality-sensitive hashing by banding, on arrays.

    The same method as datasketch's ``MinHashLSH`` (documents whose signatures agree
    on all rows of some band become candidates), written with numpy: datasketch
    keeps a Python dict entry per document and band, several hundred bytes each,
    which at a hundred thousand documents costs gigabytes; sorted arrays cost
    eight bytes per document and band, and the same keys group as a join on Spark.
    """
    if len(items) < 2:
        return set()
    ids = np.array([doc_id for doc_id, _ in items])
    keys = band_keys(np.stack([values for _, values in items]), threshold)
    out: set[tuple[str, str]] = set()
    for b in range(keys.shape[1]):
        key = keys[:, b]
        order = np.argsort(key, kind="stable")
        sorted_keys = key[order]
        starts = np.flatnonzero(np.r_[True, sorted_keys[1:] != sorted_keys[:-1]])
        ends = np.r_[starts[1:], len(order)]
        shared = ends - starts > 1
        for a, z in zip(starts[shared], ends[shared]):
            out.update(bucket_pairs(index, ids[order[a:z]].tolist()))
    return out


def _bands_for(threshold: float) -> tuple[int, int]:
    """Bands and rows (bands * rows <= NUM_PERM) whose S-curve rises at ``threshold``."""
    best = (NUM_PERM, 1)
    for rows in range(1, 9):
        bands = NUM_PERM // rows
        if (1 / bands) ** (1 / rows) <= threshold:
            best = (bands, rows)
    return best


def measure(a: Fingerprint, b: Fingerprint) -> Pair:
    skel_small, skel_big = sorted((a.skeleton_shingles, b.skeleton_shingles), key=len)
    inter = overlap(a.shingles, b.shingles)
    la, lb = len(a.shingles), len(b.shingles)
    return Pair(
        a=a.doc_id,
        b=b.doc_id,
        exact=a.exact == b.exact and a.words > 0,
        jaccard=inter / (la + lb - inter) if inter else 0.0,
        a_in_b=inter / la if la else 0.0,
        b_in_a=inter / lb if lb else 0.0,
        skeleton=containment(skel_small, skel_big) if len(skel_small) >= MIN_SKELETON else 0.0,
        paragraphs_a_in_b=_share(a.paragraphs, b.paragraphs),
        paragraphs_b_in_a=_share(b.paragraphs, a.paragraphs),
    )


def _share(xs: tuple[int, ...], ys: tuple[int, ...]) -> float:
    if not xs:
        return 0.0
    ys_set = set(ys)
    return sum(x in ys_set for x in xs) / len(xs)


def related_pairs(fps: list[Fingerprint], workers: int = 1) -> list[Pair]:
    """Measured pairs that share text (near copies) or the same names and numbers in order.

    With ``workers`` > 1 the candidates are measured in forked processes, which
    see the fingerprints without copying them.
    """
    candidates = sorted(candidate_pairs(fps))
    by_id = {fp.doc_id: fp for fp in fps}
    if workers <= 1 or len(candidates) < 50_000 or mp.get_start_method(allow_none=True) not in (None, "fork"):
        return _verify(candidates, by_id)
    global _SHARED
    _SHARED = by_id  # read by the forked workers; set only for this call
    try:
        chunks = [candidates[i : i + 20_000] for i in range(0, len(candidates), 20_000)]
        with mp.get_context("fork").Pool(workers) as pool:
            parts = pool.map(_verify_shared, chunks)
    finally:
        _SHARED = None
    return [p for part in parts for p in part]


_SHARED: dict[str, Fingerprint] | None = None


def _verify_shared(chunk: list[tuple[str, str]]) -> list[Pair]:
    assert _SHARED is not None
    return _verify(chunk, _SHARED)


def _verify(candidates: list[tuple[str, str]], by_id: dict[str, Fingerprint]) -> list[Pair]:
    return [p for p in (verify(by_id[x], by_id[y]) for x, y in candidates) if p is not None]


def verify(fx: Fingerprint, fy: Fingerprint) -> Pair | None:
    """The measured pair, if the two share text or names and numbers worth keeping."""
    if not worth_measuring(fx, fy):
        return None
    p = measure(fx, fy)
    return p if p.near or p.skeleton >= KEEP_SKELETON else None


def worth_measuring(fx: Fingerprint, fy: Fingerprint) -> bool:
    """False when the signatures already say two candidates share nothing worth measuring.

    One shared paragraph is not enough when both have more: pages of one site share
    their newsletter box and footer, and most paragraph candidates are such pages.
    """
    if fx.exact == fy.exact or estimate(fx.minhash, fy.minhash) >= 0.05 or estimate(fx.skeleton, fy.skeleton) >= 0.05:
        return True
    px, py = set(fx.paragraphs), set(fy.paragraphs)
    shared = len(px & py)
    return shared > 0 and shared >= min(2, len(px), len(py))
