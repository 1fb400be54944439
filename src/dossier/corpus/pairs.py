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

from datasketch import MinHashLSH

from dossier.corpus.fingerprint import NUM_PERM, SCHEME, Fingerprint, containment, jaccard

TEXT_LSH_THRESHOLD = 0.3  # recall matters: pairs are verified exactly afterwards
SKELETON_LSH_THRESHOLD = 0.3
MIN_SKELETON = 8  # fewer names-and-numbers 3-grams cannot tell a copy from a story's other articles
MAX_PARAGRAPH_FANOUT = 50  # a paragraph on more pages than this is boilerplate, not a copy

NEAR_JACCARD = 0.45  # shares this much of its 3-grams: the same article, edited
NEAR_CONTAINMENT = 0.7  # or this much of the shorter text is inside the longer one
SKELETON_MATCH = 0.5  # names and numbers of the shorter text found in the other, in order
KEEP_SKELETON = 0.25  # weaker matches are kept for the provenance rules that ask for less
REWORDED_SKELETON = 0.75  # nearly all of them: one article reworded, not two articles on one story


@dataclass(frozen=True)
class Pair:
    a: str
    b: str
    exact: bool
    jaccard: float
    a_in_b: float  # share of a's 3-grams found in b
    b_in_a: float
    skeleton: float  # share of the smaller skeleton found in the other

    @property
    def near(self) -> bool:
        return self.exact or self.jaccard >= NEAR_JACCARD or max(self.a_in_b, self.b_in_a) >= NEAR_CONTAINMENT

    @property
    def same_story_skeleton(self) -> bool:
        return self.skeleton >= SKELETON_MATCH

    @property
    def reworded(self) -> bool:
        return not self.near and self.skeleton >= REWORDED_SKELETON


def candidate_pairs(fps: list[Fingerprint]) -> set[tuple[str, str]]:
    """Ids of documents that may share text, each pair once (sorted)."""
    out: set[tuple[str, str]] = set()

    def add(ids: Iterable[str]) -> None:
        for x, y in combinations(sorted(set(ids)), 2):
            out.add((x, y))

    by_exact: dict[str, list[str]] = defaultdict(list)
    for fp in fps:
        if fp.words:
            by_exact[fp.exact].append(fp.doc_id)
    for ids in by_exact.values():
        if len(ids) > 1:
            add(ids)

    by_paragraph: dict[int, list[str]] = defaultdict(list)
    for fp in fps:
        for h in set(fp.paragraphs):
            by_paragraph[h].append(fp.doc_id)
    for ids in by_paragraph.values():
        if 1 < len(ids) <= MAX_PARAGRAPH_FANOUT:
            add(ids)

    out |= _lsh_pairs([(fp.doc_id, fp.minhash) for fp in fps if len(fp.shingles)], TEXT_LSH_THRESHOLD)
    out |= _lsh_pairs(
        [(fp.doc_id, fp.skeleton) for fp in fps if len(fp.skeleton_shingles) >= MIN_SKELETON], SKELETON_LSH_THRESHOLD
    )
    return out


def _lsh_pairs(items: list[tuple[str, object]], threshold: float) -> set[tuple[str, str]]:
    from datasketch import LeanMinHash

    lsh = MinHashLSH(threshold=threshold, num_perm=NUM_PERM)
    sketches = {}
    with lsh.insertion_session() as session:
        for doc_id, values in items:
            m = LeanMinHash(seed=1, hashvalues=values, scheme=SCHEME)
            sketches[doc_id] = m
            session.insert(doc_id, m)
    out = set()
    for doc_id, m in sketches.items():
        for other in lsh.query(m):
            if other != doc_id:
                out.add((min(doc_id, other), max(doc_id, other)))
    return out


def measure(a: Fingerprint, b: Fingerprint) -> Pair:
    skel_small, skel_big = sorted((a.skeleton_shingles, b.skeleton_shingles), key=len)
    return Pair(
        a=a.doc_id,
        b=b.doc_id,
        exact=a.exact == b.exact and a.words > 0,
        jaccard=jaccard(a.shingles, b.shingles),
        a_in_b=containment(a.shingles, b.shingles),
        b_in_a=containment(b.shingles, a.shingles),
        skeleton=containment(skel_small, skel_big) if len(skel_small) >= MIN_SKELETON else 0.0,
    )


def related_pairs(fps: list[Fingerprint]) -> list[Pair]:
    """Measured pairs that share text (near copies) or the same names and numbers in order."""
    by_id = {fp.doc_id: fp for fp in fps}
    out = []
    for x, y in sorted(candidate_pairs(fps)):
        p = measure(by_id[x], by_id[y])
        if p.near or p.skeleton >= KEEP_SKELETON:
            out.append(p)
    return out
