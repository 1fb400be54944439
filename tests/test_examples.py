"""The project's own demo corpus (examples/, described in examples_src/): every format, end to end."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

import dossier

ROOT = Path(__file__).resolve().parents[1]


@pytest.fixture(scope="module")
def built(tmp_path_factory, examples_dir):
    out = tmp_path_factory.mktemp("examples")
    briefing = dossier.build([examples_dir], out=out)
    expected = json.loads((ROOT / "examples_src" / "expected.json").read_text(encoding="utf-8"))["files"]
    by_file: dict[str, list] = {}
    for doc in briefing.documents:
        rel = Path(doc.source).relative_to(examples_dir).as_posix().split("#")[0]
        by_file.setdefault(rel, []).append(doc)
    return briefing, expected, by_file


def test_every_format_is_in_the_corpus(examples_dir):
    names = [p.name for p in examples_dir.rglob("*") if p.is_file()]
    for suffix in (".txt", ".html", ".htm", ".jsonl", ".rss", ".atom", ".warc.gz", ".txt.gz", ".html.gz"):
        assert any(n.endswith(suffix) for n in names), suffix


def test_every_expected_article_is_ok_with_its_title(built):
    briefing, expected, by_file = built
    for name, spec in expected.items():
        docs = [d for d in by_file[name] if d.status == "ok"]
        records = spec.get("records") or [spec]
        ok_titles = {d.title for d in docs}
        all_titles = {d.title for d in by_file[name]}
        for rec in records:
            assert rec["title"] in all_titles, (name, rec["title"], all_titles)
        assert ok_titles, name


def test_outlets_and_dates_from_metadata_or_from_the_page_text(built):
    """Containers carry metadata; plain scrapes show a site banner and a date line."""
    _, expected, by_file = built
    for name, spec in expected.items():
        scrape = name.endswith((".txt", ".txt.gz"))
        for rec in spec.get("records") or [spec]:
            doc = next(d for d in by_file[name] if d.title == rec["title"])
            assert doc.outlet == rec["outlet"], (name, doc.outlet)
            assert doc.published == rec["published"], (name, doc.published)
            assert doc.published_inferred == scrape, name


def test_nothing_fails_and_skips_say_why(built):
    briefing, _, _ = built
    assert not [d for d in briefing.documents if d.status == "error"]
    for d in briefing.documents:
        if d.status == "skipped":
            assert d.error


def test_furniture_removed_and_recorded(built):
    briefing, _, _ = built
    scrapes = [d for d in briefing.documents if d.status == "ok" and d.source.endswith(".txt")]
    assert scrapes
    for d in scrapes:
        assert d.removed, d.source
        assert all(r.reason for r in d.removed)
        assert "\n\n" in d.text


# --- who said what, and what to check: the corpus checks of examples_src/expected.json ---------

CHECKS = json.loads((ROOT / "examples_src" / "expected.json").read_text(encoding="utf-8"))["corpus_checks"]
QUESTION = json.loads((ROOT / "examples_src" / "expected.json").read_text(encoding="utf-8"))["question"]


@pytest.fixture(scope="module")
def asked(tmp_path_factory, examples_dir):
    return dossier.build([examples_dir], out=tmp_path_factory.mktemp("asked"), question=QUESTION)


def test_spellings_of_one_person_are_one_entity(built):
    briefing, _, _ = built
    entity_of: dict[str, set[str]] = {}
    for e in briefing.entities:
        for v in e["variants"]:
            entity_of.setdefault(v, set()).add(e["id"])
    for who, variants in CHECKS["entity_variants"].items():
        found = [v for v in variants if v in entity_of]
        ids = set().union(*(entity_of[v] for v in found)) if found else set()
        assert len(found) >= 2 and len(ids) == 1, (who, {v: entity_of.get(v) for v in variants})


def test_every_quote_points_at_its_words(built):
    briefing, _, _ = built
    text = {d.id: d.text for d in briefing.documents}
    assert len(briefing.quotes) > 50
    for q in briefing.quotes:
        assert text[q["doc"]][q["start"]:q["end"]] == q["text"]
    named = [q for q in briefing.quotes if q["speaker"]]
    assert len(named) / len(briefing.quotes) > 0.7


def test_the_weekday_that_does_not_fit_is_flagged(built):
    briefing, _, _ = built
    (weekday,) = [f for f in CHECKS["flags"] if "was a" in f["why"]]
    assert any(f["text"] in weekday["text"] or weekday["text"].endswith(f["text"]) or f["text"] in weekday["text"]
               for f in briefing.flags if "weekday" in f["why"]), briefing.flags


def test_timeline_has_the_story_dates(built):
    briefing, _, _ = built
    dates = {t["date"] for t in briefing.timeline}
    missing = [t["date"] for t in CHECKS["timeline"] if t["date"] not in dates]
    assert not missing, missing
    for t in briefing.timeline:
        for e in t["evidence"]:
            assert e["end"] > e["start"]


def test_assessments_name_their_holders(asked):
    assert asked.question == QUESTION
    held = {(a["holder_name"], a["stance"]) for a in asked.assessments}
    assert any("Drozdyk" in (h or "") and s == "unlikely" for h, s in held), held
    assert all(a["how"] for a in asked.assessments)


def test_question_is_derived_when_none_is_given(built):
    briefing, _, _ = built
    assert briefing.question and briefing.question.endswith("?") and briefing.question_derived
