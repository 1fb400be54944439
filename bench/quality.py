"""Precision and recall of Dossier's provenance on a labelled corpus from ``bench/corpus.py``.

    .venv/bin/python bench/quality.py DIR     # DIR holds corpus.jsonl and truth.jsonl

Per kind: precision and recall of the kind Dossier gives each document, and for
copies whose original is in the corpus, how often ``copy_of`` names it.  The spin
detector's false positives are counted on every document that is not spun,
and separately on the hard negatives (non-native English, translation-style
English).
"""

from __future__ import annotations

import json
import sys
import time
from collections import Counter
from multiprocessing import Pool
from pathlib import Path

from dossier.corpus.provenance import provenance_pass
from dossier.io.jsonl import read_jsonl
from dossier.process import process_record

KINDS = ("original", "duplicate", "near_duplicate", "republished", "spun", "translated")


def _clean(record_and_id):
    record, doc_id = record_and_id
    return process_record(record, doc_id)


def load_documents(folder: Path, workers: int = 2):
    data = (folder / "corpus.jsonl").read_bytes()
    records = list(read_jsonl(data, str(folder / "corpus.jsonl")))
    items = [(r, f"L{n:07d}") for n, r in enumerate(records, start=1)]
    with Pool(workers) as pool:
        return pool.map(_clean, items, chunksize=64)


def score(folder: Path, workers: int = 2) -> dict:
    t0 = time.perf_counter()
    docs = load_documents(folder, workers)
    t_clean = time.perf_counter() - t0
    truth = [json.loads(line) for line in (folder / "truth.jsonl").read_text().splitlines()]
    t0 = time.perf_counter()
    with Pool(workers) as pool:
        result = provenance_pass(docs, lambda f, xs: pool.imap(f, xs, chunksize=64))
    t_prov = time.perf_counter() - t0
    pred = {d.id: result.provenance.get(d.id) for d in docs}
    tp, fp, fn = Counter(), Counter(), Counter()
    copy_right = copy_total = 0
    spin_fp = {"all unspun": [0, 0], "non_native": [0, 0], "translated_style": [0, 0]}
    for n, t in enumerate(truth, start=1):
        p = pred[f"L{n:07d}"]
        got = p.kind if p else "original"
        want = t["kind"]
        if got == want:
            tp[want] += 1
        else:
            fp[got] += 1
            fn[want] += 1
        if t["copy_of_line"] and want != "translated":
            copy_total += 1
            copy_right += bool(p and p.copy_of == f"L{t['copy_of_line']:07d}")
        if want != "spun":
            flagged = bool(p and p.kind == "spun")
            spin_fp["all unspun"][0] += flagged
            spin_fp["all unspun"][1] += 1
            if t.get("negative") in spin_fp:
                spin_fp[t["negative"]][0] += flagged
                spin_fp[t["negative"]][1] += 1
    # Pairs, ignoring direction: did Dossier link each copy to its original, as the right kind?
    # (Two copies of one day with nothing to tell them apart cannot be ordered; this counts them.)
    true_pairs = {frozenset((f"L{n:07d}", f"L{t['copy_of_line']:07d}")): t["kind"]
                  for n, t in enumerate(truth, start=1) if t["copy_of_line"]}
    pred_pairs = {frozenset((d, p.copy_of)): p.kind for d, p in pred.items() if p and p.copy_of}
    pair_scores = {}
    for k in KINDS[1:]:
        t_k = {pair for pair, kind in true_pairs.items() if kind == k}
        p_k = {pair for pair, kind in pred_pairs.items() if kind == k}
        hit = len(t_k & p_k)
        pair_scores[k] = {"precision": hit / len(p_k) if p_k else None, "recall": hit / len(t_k) if t_k else None,
                          "n": len(t_k)}
    per_kind = {}
    for k in KINDS:
        p = tp[k] / (tp[k] + fp[k]) if tp[k] + fp[k] else None
        r = tp[k] / (tp[k] + fn[k]) if tp[k] + fn[k] else None
        per_kind[k] = {"precision": p, "recall": r, "n": tp[k] + fn[k]}
    return {
        "documents": len(docs),
        "per_kind": per_kind,
        "pairs": pair_scores,
        "copy_of_accuracy": copy_right / copy_total if copy_total else None,
        "spin_false_positive_rate": {k: (a / b if b else None) for k, (a, b) in spin_fp.items()},
        "seconds_cleaning": round(t_clean, 1),
        "seconds_provenance": round(t_prov, 1),
    }


def print_report(label: str, r: dict) -> None:
    print(f"\n{label}: {r['documents']} documents (cleaning {r['seconds_cleaning']} s, provenance {r['seconds_provenance']} s)")
    print(f"{'kind':<16}{'n':>7}{'P':>8}{'R':>8}")
    for k, v in r["per_kind"].items():
        fmt = lambda x: f"{x:8.3f}" if x is not None else "       -"
        print(f"{k:<16}{v['n']:>7}{fmt(v['precision'])}{fmt(v['recall'])}")
    print(f"copy_of names the right original: {r['copy_of_accuracy']:.3f}")
    print(f"{'pairs (either direction)':<26}{'n':>7}{'P':>8}{'R':>8}")
    for k, v in r["pairs"].items():
        fmt = lambda x: f"{x:8.3f}" if x is not None else "       -"
        print(f"{k:<26}{v['n']:>7}{fmt(v['precision'])}{fmt(v['recall'])}")
    fpr = r["spin_false_positive_rate"]
    print("spun false positives: " + ", ".join(f"{k} {v:.3%}" for k, v in fpr.items() if v is not None))


if __name__ == "__main__":
    folder = Path(sys.argv[1])
    print_report(folder.name, score(folder))
