"""The benchmark corpus generator (bench/corpus.py): labels, proportions, edit sizes, determinism."""

from __future__ import annotations

import json
import re
import sys
from collections import Counter
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

import corpus as bc  # noqa: E402

N = 300


@pytest.fixture(scope="module")
def repo_bases() -> list[dict]:
    # only the repo's own sources: the run must not depend on ../shared/benchmarks
    bases = bc.load_base_articles(benchmark=None)
    assert len(bases) >= 40
    assert all(b["paragraphs"] and b["title"] for b in bases)
    return bases


@pytest.fixture(scope="module")
def generated(tmp_path_factory, repo_bases):
    out = tmp_path_factory.mktemp("c300")
    bc.write_corpus(N, 7, out, bases=repo_bases)
    docs = [json.loads(x) for x in (out / "corpus.jsonl").read_text(encoding="utf-8").splitlines()]
    truth = [json.loads(x) for x in (out / "truth.jsonl").read_text(encoding="utf-8").splitlines()]
    mem = list(bc.iter_corpus(N, 7, bases=repo_bases))
    return out, docs, truth, mem


def test_lines_are_valid_dossier_inputs(generated):
    _, docs, truth, _ = generated
    assert len(docs) == len(truth) == N
    for d, t in zip(docs, truth):
        assert isinstance(d["text"], str) and len(d["text"].split()) > 50
        assert d["url"].startswith("https://") and d["url"] == t["url"]
        if "published" in d:
            assert re.fullmatch(r"\d{4}-\d\d-\d\d(T\d\d:\d\d:00Z)?", d["published"])
            assert d["title"] and d["outlet"]
    assert any("title" not in d for d in docs)  # some bare scrapes
    timed = [d for d in docs if "T" in d.get("published", "")]
    assert 0.4 < len(timed) / len(docs) < 0.8  # most pages with metadata give a time, not all


def test_a_copy_of_the_same_day_never_carries_an_earlier_time_than_its_original(generated):
    _, docs, truth, _ = generated
    checked = 0
    for d, t in zip(docs, truth):
        if t["copy_of_line"]:
            o = docs[t["copy_of_line"] - 1]
            at, ot = d.get("published", ""), o.get("published", "")
            if "T" in at and "T" in ot and at[:10] == ot[:10]:
                assert at > ot, (t["line"], at, ot)
                checked += 1
    assert checked
    assert len({d["url"] for d in docs}) == N


def test_truth_labels_and_proportions(generated):
    _, _, truth, _ = generated
    assert [t["line"] for t in truth] == list(range(1, N + 1))
    kinds = Counter(t["kind"] for t in truth)
    negatives = Counter(t["negative"] for t in truth if t["negative"])
    mix = bc.DEFAULT_MIX
    expect = {
        "duplicate": mix["duplicate"],
        "near_duplicate": mix["near_duplicate"] + mix["containment"],
        "republished": mix["republished"],
        "spun": mix["spun"],
        "translated": mix["translated"],
        "original": 1 - sum(mix[k] for k in bc.COPY_CATEGORIES),
    }
    for k, frac in expect.items():
        assert abs(kinds[k] / N - frac) <= 0.01, (k, kinds[k])
    assert abs(negatives["non_native"] / N - mix["non_native"]) <= 0.01
    assert abs(negatives["translated_style"] / N - mix["translated_style"]) <= 0.01
    for t in truth:
        if t["kind"] == "original":
            assert t["copy_of_line"] is None
            assert t["negative"] in (None, "non_native", "translated_style")
        else:
            assert t["negative"] is None
            src = truth[t["copy_of_line"] - 1]
            assert src["kind"] == "original" and src["negative"] is None
            assert t["original_outlet"] == src["original_outlet"]


def _names(paragraphs) -> Counter:
    """Capitalised words inside sentences (not sentence-initial): names, places, outlets."""
    out: Counter = Counter()
    for p in paragraphs:
        for s in p:
            toks = s.split()
            for i, tok in enumerate(toks[1:], 1):
                core = bc.split_affix(tok)[1]
                if core[:1].isupper() and not re.search(r"[.!?]['’”\"]?$", toks[i - 1]):
                    out[core] += 1
    return out


def _tokens(doc) -> list[str]:
    return bc.word_tokens(bc.body_text(doc.body))


def test_copies_change_what_they_should(generated):
    _, docs, truth, mem = generated
    seen = Counter()
    for doc in mem:
        t = doc.truth
        if t["copy_of_line"] is None:
            continue
        src = mem[t["copy_of_line"] - 1]
        a, b = _tokens(src), _tokens(doc)
        change = bc.token_change(a, b)
        if t["kind"] == "duplicate":
            assert change == 0
        elif t["variant"] == "edited":
            assert 0.02 <= change <= 0.10, change
            seen["edited"] += 1
        elif t["variant"] == "containment":
            assert not (Counter(a) - Counter(b))  # the whole original is inside
            assert 0 < (len(b) - len(a)) / len(a) <= 0.40
            seen["containment"] += 1
        elif t["kind"] == "spun":
            assert change >= 0.20, change
            src_text, spun_text = bc.body_text(src.body), bc.body_text(doc.body)
            assert set(re.findall(r"\d[\d,.]*\d|\d", src_text)) <= set(re.findall(r"\d[\d,.]*\d|\d", spun_text))
            assert not (_names(src.body) - _names(doc.body)), _names(src.body) - _names(doc.body)
            seen["spun"] += 1
        elif t["kind"] == "republished":
            assert change <= 0.15
            seen["republished"] += 1
    assert min(seen.values()) >= 5 and len(seen) == 4


def test_text_carries_furniture_and_credits(generated):
    _, docs, truth, mem = generated
    for d, doc in zip(docs, mem):
        body = bc.body_text(doc.body)
        assert len(d["text"]) > len(body)  # furniture around the body
    credited = [d for d, t in zip(docs, truth) if t["kind"] == "republished" and t["variant"].startswith("credited")]
    assert credited
    for d, t in zip(docs, truth):
        if t["kind"] == "republished" and t["variant"].startswith("credited"):
            assert t["original_outlet"] in d["text"]
        if t["kind"] == "translated":
            assert t["original_outlet"] in d["text"]


def test_same_seed_same_files(generated, tmp_path, repo_bases):
    out, *_ = generated
    bc.write_corpus(N, 7, tmp_path, bases=repo_bases)
    for name in ("corpus.jsonl", "truth.jsonl"):
        assert (tmp_path / name).read_bytes() == (out / name).read_bytes()
    other = [d.record["text"] for d in bc.iter_corpus(40, 8, bases=repo_bases)]
    assert other != [d.record["text"] for d in bc.iter_corpus(40, 7, bases=repo_bases)]
