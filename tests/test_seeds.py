"""The real scraped pages in ../shared/seeds against hand-checked bodies (tests/data/seeds_gold).

The gold files hold only article text; furniture is whatever is not in them, so
no furniture phrase is named here.
"""

from __future__ import annotations

import re

import pytest

from dossier.clean.text import clean_text
from dossier.pipeline import build


def _sentences(paragraph: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.!?”\"])\s+", paragraph) if len(s) > 3]


def test_every_seed_is_ok_with_title_and_body(seeds_dir, seed_gold, tmp_path):
    briefing = build(seeds_dir, out=tmp_path)
    assert len(briefing.documents) == len(list(seeds_dir.glob("*.txt")))
    for doc in briefing.documents:
        assert doc.status == "ok", doc.error
        gold = seed_gold[doc.source.rsplit("/", 1)[-1].removesuffix(".txt")]
        assert doc.title == gold["title"]


@pytest.mark.parametrize("stem", ["000_b81497d0bf113f54", "001_b26fa5fda08c2e0f", "002_35385104a2a9b4df",
                                  "003_11f718e472c5fad0", "004_5943972ce843c96a"])
def test_seed_body_kept_and_furniture_gone(seeds_dir, seed_gold, stem):
    raw = (seeds_dir / f"{stem}.txt").read_text(encoding="utf-8")
    gold = seed_gold[stem]
    result = clean_text(raw)
    paragraphs = result.text.split("\n\n")
    for para in gold["body"]:
        for sentence in _sentences(para):
            assert sentence in result.text, f"body sentence lost: {sentence!r}"
    extra = [p for p in paragraphs if p not in gold["body"]]
    assert not extra, f"furniture left in the text: {extra}"
    assert result.title == gold["title"]
    # Nothing of the body was cut: every removal is outside the gold paragraphs.
    for r in result.removed:
        assert not any(r.text.strip() and r.text.strip() in p and len(r.text.strip()) > 30 for p in gold["body"]), r
