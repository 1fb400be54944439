"""Whole builds: the contract, idempotent re-runs, incremental adds, interrupted runs, exit codes, escaping."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

ROOT = Path(__file__).resolve().parents[1]

import dossier
from dossier import process
from dossier.cli import app
from dossier.store import Store

PARA = (
    "The council of Eastwick voted on Tuesday to delay the new harbour plan by a year, after a "
    "consultation found that most residents wanted the old fish market kept.\n\n"
    "Councillor Rhea Moss said the delay would cost little and would let the designers start again. "
    "\"We listened, and we changed our minds,\" she said."
)


def _article(title: str, extra: str = "") -> str:
    return f"Eastwick Gazette\n\n{title}\n\n{PARA}\n\n{extra}Leave a comment\n\nMore stories\n"


@pytest.fixture
def corpus(tmp_path) -> Path:
    d = tmp_path / "in"
    d.mkdir()
    (d / "a.txt").write_text(_article("Harbour plan delayed by a year"), encoding="utf-8")
    (d / "b.txt").write_text(_article("Council delays harbour plan", "It was the third vote on the plan. "), encoding="utf-8")
    (d / "broken.txt.gz").write_bytes(b"\x1f\x8b\x08\x00garbage")
    return d


CONTRACT_DOC_KEYS = {"id", "source", "status", "error", "title", "outlet", "published", "published_inferred",
                     "language", "text", "removed", "credited", "provenance"}


def test_briefing_json_follows_the_contract(corpus, tmp_path):
    out = tmp_path / "out"
    dossier.build([corpus], out=out, question="Will the harbour plan go ahead?")
    data = json.loads((out / "briefing.json").read_text(encoding="utf-8"))
    assert data["schema"] == "dossier.briefing/1"
    assert data["question"] == "Will the harbour plan go ahead?"
    for key in ("entities", "quotes", "claims", "comparisons", "timeline", "assessments", "flags"):
        assert isinstance(data[key], list)
    assert len(data["documents"]) == 3
    for doc in data["documents"]:
        assert CONTRACT_DOC_KEYS <= doc.keys()
        assert set(doc["provenance"]) >= {"kind", "copy_of", "original_outlet", "evidence"}
        for r in doc["removed"]:
            assert set(r) == {"start", "end", "text", "reason"}
    ok = [d for d in data["documents"] if d["status"] == "ok"]
    assert len(ok) == 2 and all(d["text"].startswith("The council of Eastwick") for d in ok)
    failed = [d for d in data["documents"] if d["status"] == "error"]
    assert failed[0]["error"] and failed[0]["source"].endswith("broken.txt.gz")


def test_a_build_records_the_seconds_of_each_stage(corpus, tmp_path):
    from dossier.pipeline import run_build

    report = run_build([corpus], tmp_path / "out")
    stages = dict(report.stages)
    assert {"read and clean", "provenance", "analysis: extraction", "analysis: across the corpus",
            "briefing"} <= stages.keys()
    assert 0 < sum(stages.values()) <= report.seconds + 0.01
    from dossier.store import Store

    with Store.open(tmp_path / "out", read_only=True) as store:
        assert json.loads(store.setting("build_stages")).keys() == stages.keys()


def test_removed_offsets_point_into_the_stored_raw_text(corpus, tmp_path):
    out = tmp_path / "out"
    dossier.build([corpus], out=out)
    with Store.open(out, read_only=True) as store:
        for doc in store.documents():
            for r in doc.removed:
                assert doc.raw_text[r.start : r.end] == r.text


def test_rerun_is_idempotent_and_adds_only_new_files(corpus, tmp_path, monkeypatch):
    out = tmp_path / "out"
    first = dossier.build([corpus], out=out)
    calls = []
    real = process.process_record
    monkeypatch.setattr("dossier.runners.local.process_record", lambda r, i, *rest, **kw: calls.append(r.source) or real(r, i, *rest, **kw))
    second = dossier.build([corpus], out=out)
    assert calls == []
    assert [d.to_dict() for d in first.documents] == [d.to_dict() for d in second.documents]

    (corpus / "c.txt").write_text(_article("Harbour vote: what happens next", "Another line of prose follows here. "), encoding="utf-8")
    third = dossier.build([corpus], out=out)
    assert [Path(s).name for s in calls] == ["c.txt"]
    assert len(third.documents) == 4
    assert {d.id for d in first.documents} < {d.id for d in third.documents}


def test_a_bug_in_guessing_the_date_keeps_the_document(corpus, tmp_path, monkeypatch):
    def broken(text):
        raise AttributeError("'NoneType' object has no attribute 'month'")

    monkeypatch.setattr("dossier.process.infer_published", broken)
    briefing = dossier.build([corpus], out=tmp_path / "out")
    status = {Path(d.source).name: d.status for d in briefing.documents}
    assert status == {"a.txt": "ok", "b.txt": "ok", "broken.txt.gz": "error"}


def test_the_same_text_twice_is_parsed_once_and_stored_for_both(corpus, tmp_path, monkeypatch):
    from dossier.runners import local

    shutil.copy(corpus / "a.txt", corpus / "a-copy.txt")
    parsed = []
    real = local.extract_batch
    monkeypatch.setattr(local, "extract_batch", lambda items: parsed.extend(items) or real(items))
    out = tmp_path / "out"
    dossier.build([corpus], out=out)
    with Store.open(out, read_only=True) as store:
        ok = [d for d in store.documents() if d.status == "ok"]
        got = store.extractions()
    assert len(parsed) == len({d.text for d in ok}) < len(ok) == len(got)
    ids = {Path(d.source).name: d.id for d in ok}
    assert got[ids["a.txt"]] == got[ids["a-copy.txt"]] and got[ids["a.txt"]]["mentions"]


def test_identical_files_under_two_names_are_two_documents(corpus, tmp_path):
    shutil.copy(corpus / "a.txt", corpus / "a-copy.txt")
    briefing = dossier.build([corpus], out=tmp_path / "out")
    ids = [d.id for d in briefing.documents]
    assert len(ids) == len(set(ids)) == 4


def test_changed_file_replaces_its_old_document(corpus, tmp_path):
    out = tmp_path / "out"
    dossier.build([corpus], out=out)
    (corpus / "a.txt").write_text(_article("Harbour plan delayed again"), encoding="utf-8")
    briefing = dossier.build([corpus], out=out)
    titles = sorted(d.title for d in briefing.documents if d.title)
    assert titles == ["Council delays harbour plan", "Harbour plan delayed again"]


def test_interrupted_run_leaves_a_usable_store_and_the_next_run_completes(corpus, tmp_path, monkeypatch):
    for n in range(70):  # more than one write batch
        (corpus / f"extra-{n:02d}.txt").write_text(_article(f"Harbour story number {n} of the day", f"Item {n} is here. "), encoding="utf-8")
    out = tmp_path / "out"
    real = process.process_record
    seen = []

    def crash_after_many(record, doc_id, **kw):
        seen.append(record.source)
        if len(seen) > 66:
            raise KeyboardInterrupt
        return real(record, doc_id)

    monkeypatch.setattr("dossier.runners.local.process_record", crash_after_many)
    with pytest.raises(KeyboardInterrupt):
        dossier.build([corpus], out=out)
    with Store.open(out) as store:
        partial = store.documents()
    assert 0 < len(partial) < 73
    monkeypatch.setattr("dossier.runners.local.process_record", real)
    briefing = dossier.build([corpus], out=out)
    assert len(briefing.documents) == 73
    assert sum(d.status == "ok" for d in briefing.documents) == 72


def test_cli_exit_codes_and_summary(corpus, tmp_path):
    runner = CliRunner()
    result = runner.invoke(app, ["build", str(corpus), "--out", str(tmp_path / "out")])
    assert result.exit_code == 1, result.output
    assert "1 failed" in result.output and "truncated gzip" in result.output
    (corpus / "broken.txt.gz").unlink()
    result = runner.invoke(app, ["build", str(corpus), "--out", str(tmp_path / "out2"), "--quiet"])
    assert result.exit_code == 0, result.output
    assert runner.invoke(app, ["build", "--out", str(tmp_path / "x")]).exit_code == 2


def test_help_explains_every_command():
    runner = CliRunner()
    assert "briefing" in runner.invoke(app, ["--help"]).output
    out = runner.invoke(app, ["build", "--help"]).output
    assert "--out" in out and "Exit status" in out


XSS = '<script>alert(1)</script><img src=x onerror="alert(2)">'


def test_article_content_is_escaped_in_the_html(tmp_path):
    d = tmp_path / "in"
    d.mkdir()
    (d / "x.txt").write_text(f"Title with {XSS} in it\n\n{PARA} {XSS}\n\n{XSS}\n\n"
                             f"“Our answer is {XSS} and 40 percent,” said Mira Castell.\n", encoding="utf-8")
    (d / "y.jsonl").write_text(json.dumps({"text": PARA, "title": XSS, "url": "javascript:alert(3)", "outlet": XSS}) + "\n")
    out = tmp_path / "out"
    dossier.build([d], out=out)
    page = (out / "briefing.html").read_text(encoding="utf-8")
    assert "<script>" not in page and "<img" not in page
    assert "&lt;script&gt;" in page
    assert '<mark id="q-' in page  # the quote around the payload is highlighted, the payload stays text
    assert 'href="javascript:' not in page
    assert "Content-Security-Policy" in page and "default-src 'none'" in page


def test_story_filter_skips_other_stories_with_the_reason(tmp_path, examples_dir):
    briefing = dossier.build([examples_dir], out=tmp_path / "m", match="emergency powers")
    kept = [d for d in briefing.documents if d.status == "ok"]
    off = [d for d in briefing.documents if d.error and "not about the story" in d.error]
    assert kept and all(re.search("emergency powers", f"{d.title}\n{d.text}", re.I) for d in kept)
    assert off and all(d.status == "skipped" for d in off)
    narrow = dossier.build([examples_dir], out=tmp_path / "n", match="soldiers on standby")
    assert len([d for d in narrow.documents if d.status == "ok"]) < len(kept)


def test_diff_lists_what_a_later_build_added(tmp_path):
    import datetime as dt
    import time

    from dossier.store import Store
    from dossier.whatsnew import whats_new

    d = tmp_path / "in"
    d.mkdir()
    (d / "a.txt").write_text(f"First report\n\n{PARA}\n", encoding="utf-8")
    out = tmp_path / "out"
    dossier.build([d], out=out)
    time.sleep(1.1)
    cut = dt.datetime.now().isoformat(timespec="seconds")
    (d / "b.txt").write_text("Second report\n\n“The quay will reopen in June,” said Ivo Marek, the harbour chairman, "
                             "on Tuesday. The board voted 7 to 2 for the repairs.\n", encoding="utf-8")
    dossier.build([d], out=out)
    with Store.open(out, read_only=True) as store:
        new = whats_new(store.briefing(), store.added_since(cut), cut)
    assert len(new["documents"]) == 1
    assert any("quay will reopen" in q["text"] and q["speaker_name"] == "Ivo Marek" for q in new["quotes"])
    result = CliRunner().invoke(app, ["diff", str(out), "--since", cut])
    assert result.exit_code == 0 and "1 new document" in result.output
    assert CliRunner().invoke(app, ["diff", str(out), "--since", "not a date"]).exit_code == 2


def test_like_keeps_the_story_and_skips_other_stories(tmp_path, examples_dir):
    other = sorted((ROOT / "tests" / "data" / "heldout").glob("*.txt"))[:6]
    briefing = dossier.build([examples_dir, *other], out=tmp_path / "like",
                             like=[examples_dir / "lirovsk-courier-2025-03-12-emergency-powers.txt"])
    by_source = {d.source: d for d in briefing.documents}
    for f in other:
        doc = next(d for s, d in by_source.items() if s.endswith(f.name))
        assert doc.status == "skipped" and "--like" in doc.error
    kept = [d for d in briefing.documents if d.status == "ok"]
    assert len(kept) >= 12  # the story's own coverage stays


def test_a_later_build_says_whats_new(tmp_path):
    d = tmp_path / "in"
    d.mkdir()
    (d / "a.txt").write_text(f"First report\n\n{PARA}\n", encoding="utf-8")
    out = tmp_path / "out"
    first = dossier.build([d], out=out)
    assert first.whats_new == {}
    (d / "b.txt").write_text("Second report\n\n“The quay will reopen in June,” said Ivo Marek, the harbour chairman, "
                             "on Tuesday. The board voted 7 to 2 for the repairs.\n", encoding="utf-8")
    second = dossier.build([d], out=out)
    assert len(second.whats_new["documents"]) == 1
    assert "What's new" in (out / "briefing.html").read_text(encoding="utf-8")
    assert json.loads((out / "briefing.json").read_text())["whats_new"]["documents"]
