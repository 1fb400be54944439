"""A floor under quote, speaker, figure, date and entity quality on the labelled articles.

The floors sit a little under what ``make eval`` (eval/analysis.py) measures on
tests/data/extract_heldout, so a change that loses quotes or speakers fails here.
"""

from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "eval"))

from analysis import load_set, score  # noqa: E402


def test_extraction_quality_floor():
    result = score(load_set("heldout"), textacy=False)
    t, e = result["total"], result["entities"]
    assert t["found"] / t["quotes"] >= 0.92
    assert t["named"] / t["with_speaker"] >= 0.78
    assert (t["predicted"] - t["extra"]) / t["predicted"] >= 0.90
    assert t["figures_value"] / t["figures"] >= 0.90
    assert t["dates_value"] / t["dates"] >= 0.85
    assert e["merged"] / e["pairs"] >= 0.80
    assert e["predicted_right"] / e["predicted_pairs"] >= 0.95
