"""Is a document about the story?  A word profile of example articles, for ``--like DIR``.

A day of a news crawl holds hundreds of thousands of articles and a story's
coverage is a sliver of it; this filter runs right after cleaning, before
spaCy.  Written by hand because it must be cheap and need no model: words weigh
by how rare they are in English (wordfreq's Zipf scale, shipped with the
package), so "Yarovets", "dockers" and "strike" outweigh "said" and "week";
a document is kept when its weighted words point the same way as the
examples' (cosine similarity).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from dataclasses import dataclass, field

from wordfreq import zipf_frequency

_WORD = re.compile(r"[^\W\d_]{3,}", re.UNICODE)
THRESHOLD = 0.2  # measured in bench/story_filter.py: see the README


def _weights(text: str) -> Counter[str]:
    counts = Counter(w.lower() for w in _WORD.findall(text))
    return Counter({w: math.log1p(n) * max(0.0, 7.0 - zipf_frequency(w, "en")) for w, n in counts.items()})


@dataclass
class StoryProfile:
    """The weighted words of example articles; ``score`` says how close a text is to them."""

    words: dict[str, float] = field(default_factory=dict)
    threshold: float = THRESHOLD

    @classmethod
    def from_texts(cls, texts: list[str], size: int = 300, threshold: float = THRESHOLD) -> StoryProfile:
        total: Counter[str] = Counter()
        for t in texts:
            w = _weights(t)
            norm = math.sqrt(sum(v * v for v in w.values())) or 1.0
            for k, v in w.items():
                total[k] += v / norm
        top = dict(total.most_common(size))
        norm = math.sqrt(sum(v * v for v in top.values())) or 1.0
        return cls({k: v / norm for k, v in top.items()}, threshold)

    def score(self, text: str) -> float:
        w = _weights(text)
        norm = math.sqrt(sum(v * v for v in w.values())) or 1.0
        return sum(v * self.words.get(k, 0.0) for k, v in w.items()) / norm

    def matches(self, text: str) -> bool:
        return self.score(text) >= self.threshold
