"""Scorer for the article-extraction benchmark, written from its README description.

Both texts are split into ``\\w+`` tokens and compared as multisets of 4-token
shingles (counts matter).  Per page we count true positives, false positives and
false negatives; a page where prediction and truth agree exactly scores 1 for
both precision and recall.  Corpus precision is the mean per-page precision over
pages with any predicted shingle, recall the mean per-page recall over pages with
any true shingle, F1 the harmonic mean of those two means, and accuracy the share
of pages whose token sequence equals the ground truth.

Pure functions, no I/O, so tests can check them on hand-made examples.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass
from typing import Iterable

TOKEN_RE = re.compile(r"\w+")
N = 4


def tokens(text: str | None) -> list[str]:
    """The ``\\w+`` tokens of a text (None counts as empty)."""
    return TOKEN_RE.findall(text or "")


def shingles(text: str | None, n: int = N) -> Counter:
    """Multiset of n-token shingles.

    A text with fewer than ``n`` tokens (but at least one) yields a single
    shingle made of all its tokens, so a very short body is still comparable
    instead of silently vanishing.
    """
    toks = tokens(text)
    if not toks:
        return Counter()
    if len(toks) < n:
        return Counter([tuple(toks)])
    return Counter(tuple(toks[i : i + n]) for i in range(len(toks) - n + 1))


@dataclass(frozen=True)
class PageScore:
    tp: int
    fp: int
    fn: int
    precision: float | None  # None: no predicted shingle, page left out of precision
    recall: float | None  # None: no true shingle, page left out of recall
    exact: bool  # token sequences identical


def page_scores(predicted: str | None, truth: str | None) -> PageScore:
    """Shingle counts and per-page precision/recall for one page."""
    exact = tokens(predicted) == tokens(truth)
    pred, true = shingles(predicted), shingles(truth)
    tp = sum((pred & true).values())
    fp = sum(pred.values()) - tp
    fn = sum(true.values()) - tp
    if exact:
        return PageScore(tp, fp, fn, 1.0, 1.0, True)
    precision = tp / (tp + fp) if (tp + fp) else None
    recall = tp / (tp + fn) if (tp + fn) else None
    return PageScore(tp, fp, fn, precision, recall, False)


@dataclass(frozen=True)
class Aggregate:
    precision: float
    recall: float
    f1: float
    accuracy: float
    n: int


def aggregate(scores: Iterable[PageScore]) -> Aggregate:
    """Corpus figures: mean precision / mean recall over eligible pages, F1 of the means."""
    scores = list(scores)
    ps = [s.precision for s in scores if s.precision is not None]
    rs = [s.recall for s in scores if s.recall is not None]
    p = sum(ps) / len(ps) if ps else 0.0
    r = sum(rs) / len(rs) if rs else 0.0
    f1 = 2 * p * r / (p + r) if (p + r) else 0.0
    acc = sum(s.exact for s in scores) / len(scores) if scores else 0.0
    return Aggregate(p, r, f1, acc, len(scores))
