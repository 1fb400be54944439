"""Shared fixtures: paths to the real seed pages (when present) and small corpora built per test."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
DATA = Path(__file__).resolve().parent / "data"
SEEDS = ROOT.parent / "shared" / "seeds"


@pytest.fixture(scope="session")
def seeds_dir() -> Path:
    if not SEEDS.is_dir():
        pytest.skip("../shared/seeds is not on this machine")
    return SEEDS


@pytest.fixture(scope="session")
def seed_gold() -> dict[str, dict]:
    return {p.stem: json.loads(p.read_text(encoding="utf-8")) for p in sorted((DATA / "seeds_gold").glob("*.json"))}


@pytest.fixture(scope="session")
def examples_dir() -> Path:
    return ROOT / "examples"
