"""A floor under the cleaner's quality on the labelled scrapes (like trafilatura's eval gate).

The floors sit a little under what ``make eval`` measures, so a change that
loses body sentences or lets furniture back in fails here.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "eval"))

from cleaning import load_cases, score  # noqa: E402

SETS = {
    # folder: (min sentence recall, min paragraph precision, min title accuracy)
    "heldout": (0.99, 0.95, 0.95),
    "heldout2": (0.98, 0.90, 0.95),
    "heldout3": (0.98, 0.80, 0.80),
    "heldout4": (0.98, 0.80, 0.80),
}


@pytest.mark.parametrize("name", sorted(SETS))
def test_cleaning_quality_floor(name):
    cases = load_cases(ROOT / "tests" / "data" / name)
    if not cases:
        pytest.skip(f"no cases in tests/data/{name}")
    result = score(cases)["dossier clean_text"]
    min_sent, min_prec, min_title = SETS[name]
    assert result["sentence_recall"] >= min_sent
    assert result["paragraph_precision"] >= min_prec
    assert result["title_accuracy"] >= min_title
