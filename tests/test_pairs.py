"""Fingerprints and candidate pairs: copies are found, unrelated articles are not paired."""

from __future__ import annotations

import random

from dossier.corpus.fingerprint import fingerprint, skeleton_tokens
from dossier.corpus.pairs import _bands_for, related_pairs

random.seed(7)
VOCAB = [f"w{n}" for n in range(5000)]


def _article(n_words: int = 400) -> str:
    words = random.choices(VOCAB, k=n_words)
    return "\n\n".join(" ".join(words[i : i + 40]) + "." for i in range(0, n_words, 40))


def _edit(text: str, rate: float) -> str:
    words = text.split(" ")
    for i in random.sample(range(len(words)), int(len(words) * rate)):
        words[i] = random.choice(VOCAB)
    return " ".join(words)


def test_copies_are_paired_and_strangers_are_not():
    original = _article()
    docs = {
        "orig": original,
        "exact": original,
        "edited": _edit(original, 0.05),
        "inside": _article(150) + "\n\n" + original + "\n\n" + _article(100),
        **{f"other{n}": _article() for n in range(30)},
    }
    pairs = {frozenset((p.a, p.b)): p for p in related_pairs([fingerprint(k, v) for k, v in docs.items()])}
    assert pairs[frozenset(("orig", "exact"))].exact
    assert pairs[frozenset(("orig", "edited"))].near
    inside = pairs[frozenset(("orig", "inside"))]
    assert inside.near and max(inside.a_in_b, inside.b_in_a) > 0.95
    assert not any(k.startswith("other") for pair in pairs for k in pair)


def test_banding_threshold():
    bands, rows = _bands_for(0.3)
    assert bands * rows <= 128 and (1 / bands) ** (1 / rows) <= 0.3


def test_skeleton_keeps_names_and_numbers_in_order_across_spellings():
    a = skeleton_tokens("On Monday the minister Dariya Zhovnir said 2,000 troops would go to Yarovets.")
    b = skeleton_tokens("On Monday minister Darija Žovnir told that 2,000 soldiers will go to Jarovec.")
    assert a == b and len(a) == 4


def test_index_entries_grouped_anywhere_give_the_same_candidates():
    """The Spark runner groups ``index_entries`` in a shuffle; the local runner groups arrays.
    Both must propose the same pairs, including the buckets too full to be copies."""
    from collections import defaultdict

    from dossier.corpus.pairs import MAX_PARAGRAPH_FANOUT, bucket_pairs, candidate_pairs, index_entries

    original = _article()
    boiler = " ".join(random.choices(VOCAB, k=30)) + "."  # a paragraph on too many pages to mean a copy
    texts = {"orig": original, "exact": original, "edited": _edit(original, 0.05),
             **{f"other{n}": _article() + "\n\n" + boiler for n in range(MAX_PARAGRAPH_FANOUT + 5)}}
    fps = [fingerprint(k, v) for k, v in texts.items()]
    buckets = defaultdict(list)
    for fp in fps:
        for key, doc_id in index_entries(fp):
            buckets[key].append(doc_id)
    grouped = {pair for key, ids in buckets.items() for pair in bucket_pairs(key[0], ids)}
    assert grouped == candidate_pairs(fps)
    assert ("exact", "orig") in grouped and ("edited", "orig") in grouped
    others = sum(a.startswith("other") and b.startswith("other") for a, b in grouped)
    assert others < 50  # the shared paragraph's bucket (1,485 pairs) is too full to propose any
