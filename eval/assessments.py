"""Assessments, comparisons and flags: Dossier against hand labels, precision first.

    .venv/bin/python eval/assessments.py [--set seeds|heldout|heldout2|...|heldout11|all] [--show]

Gold: ``tests/data/assess_gold/<set>.json``: per story, the question, the
statements that judge it (holder and stance), groups of figures from different
articles that measure one thing (agree / differ), and flags.  Dossier reads
each story's articles with the story's question (the same pass as ``dossier
build``: extraction, then the corpus analysis) and is scored on:

* assessments: a gold statement is found when a predicted assessment's
  sentence covers half of it; then its stance and its holder (by name) must be
  right.  Precision: predicted assessments that match a gold statement.
* comparisons: a gold group is found when one predicted comparison holds two of
  its figures; right when the verdict matches too.  Precision: predicted
  comparisons whose figures all belong to one gold group with that verdict.
* flags: gold flags a predicted flag overlaps; false flags are the rest.
A briefing full of false contradictions is worse than none: precision is
printed next to recall everywhere.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "eval"))

from analysis import _same_name, load_set  # noqa: E402

from dossier.corpus.analysis import analyse  # noqa: E402
from dossier.extract.dates import infer_published  # noqa: E402
from dossier.extract.document import extract_text  # noqa: E402
from dossier.model import Document  # noqa: E402

GOLD = ROOT / "tests" / "data" / "assess_gold"
SETS = ["heldout", "heldout2", "heldout3", "heldout4", "heldout6", "heldout7", "heldout8", "heldout11", "heldout13", "heldout15", "heldout17", "heldout19",
        "heldout21",
        "seeds"]


def _overlap(a: tuple[int, int], b: tuple[int, int]) -> int:
    return max(0, min(a[1], b[1]) - max(a[0], b[0]))


def _find(text: str, s: str) -> tuple[int, int] | None:
    i = text.find(s)
    return (i, i + len(s)) if i >= 0 else None


def run_story(articles: dict[str, dict], names: list[str], question: str):
    docs, extractions = [], {}
    for name in names:
        art = articles[name]
        published = art["gold"].get("published") or infer_published(art["text"])
        docs.append(Document(id=name, source=name, status="ok", text=art["text"], published=published))
        extractions[name] = extract_text(art["text"], published)
    return analyse(docs, extractions, question)


def score(set_name: str, show: bool = False) -> dict:
    gold_all = json.loads((GOLD / f"{set_name}.json").read_text())["stories"]
    articles = {a["name"]: a for a in load_set(set_name)}
    t = defaultdict(int)
    for story, g in gold_all.items():
        names = [n for n in g["articles"] if n in articles]
        result = run_story(articles, names, g["question"])
        aliases: dict[str, set[str]] = defaultdict(set)
        for n in names:
            for e in articles[n]["gold"].get("entities", []):
                aliases[e["name"]].update(e["variants"])
        # assessments
        pred = result.assessments
        used = set()
        for ga in g["assessments"]:
            span = _find(articles[ga["article"]]["text"], ga["text"])
            if span is None:
                continue
            t["assess_gold"] += 1
            hit = next((i for i, p in enumerate(pred) if p["doc"] == ga["article"]
                        and _overlap(span, (p["start"], p["end"])) >= 0.5 * (span[1] - span[0])), None)
            if hit is None:
                if show:
                    print(f"  [{ga['article']}] MISSED {ga['stance']} ({ga['holder']}): {ga['text'][:90]!r}")
                continue
            used.add(hit)
            p = pred[hit]
            t["assess_found"] += 1
            t["assess_stance"] += p["stance"] == ga["stance"]
            if show and p["stance"] != ga["stance"]:
                print(f"  [{ga['article']}] STANCE {p['stance']} != {ga['stance']} ({p['how']}): {ga['text'][:80]!r}")
            if ga.get("holder"):
                t["assess_with_holder"] += 1
                t["assess_holder"] += _same_name(p.get("holder_name"), ga["holder"], aliases)
            else:
                t["assess_writer"] += 1
        t["assess_pred"] += len(pred)
        t["assess_pred_right"] += len(used)
        if show:
            for i, p in enumerate(pred):
                if i not in used:
                    print(f"  [{p['doc']}] EXTRA {p['stance']} ({p['holder_name']}): {p['text'][:90]!r}")
        # comparisons
        claims = {c["id"]: c for c in result.claims}
        # A figure may belong to more than one gold group ("38 per cent" is both the day's rise and
        # one side of "day's rise vs cumulative rise"): every claim maps to all the groups it is in.
        groups_of: dict[str, set[int]] = defaultdict(set)
        for n, gc in enumerate(g["comparisons"]):
            for c in gc["claims"]:
                span = _find(articles[c["article"]]["text"], c["text"]) if c["article"] in articles else None
                if span is None:
                    continue
                for cid, pc in claims.items():
                    f = pc["figure"]
                    if pc["doc"] == c["article"] and _overlap(span, (f["start"], f["end"])) > 0:
                        groups_of[cid].add(n)
        for n, gc in enumerate(g["comparisons"]):
            t["comp_gold"] += 1
            hits = [pc for pc in result.comparisons if sum(n in groups_of.get(c, ()) for c in pc["claims"]) >= 2]
            hit = next((pc for pc in hits if pc["verdict"] == gc["verdict"]), hits[0] if hits else None)
            t["comp_found"] += hit is not None
            t["comp_right"] += hit is not None and hit["verdict"] == gc["verdict"]
            if show and (hit is None or hit["verdict"] != gc["verdict"]):
                print(f"  COMPARISON {'MISSED' if hit is None else 'VERDICT ' + hit['verdict']} {gc['measure']!r} ({gc['verdict']})")
        for pc in result.comparisons:
            t["comp_pred"] += 1
            shared = set.intersection(*(groups_of.get(c, set()) for c in pc["claims"])) if pc["claims"] else set()
            ok = any(g["comparisons"][n]["verdict"] == pc["verdict"] for n in shared)
            t["comp_pred_right"] += ok
            if show and not ok:
                print(f"  EXTRA COMPARISON {pc['measure']!r} {pc['verdict']} {pc['values']}")
        # flags
        hits = set()
        for gf in g["flags"]:
            span = _find(articles[gf["article"]]["text"], gf["text"]) if gf["article"] in articles else None
            if span is None:
                continue
            t["flag_gold"] += 1
            hit = next((i for i, f in enumerate(result.flags) if f["doc"] == gf["article"]
                        and _overlap(span, (f["start"], f["end"])) > 0), None)
            if hit is not None:
                hits.add(hit)
                t["flag_found"] += 1
            elif show:
                print(f"  [{gf['article']}] MISSED FLAG {gf['text'][:60]!r}: {gf['why'][:80]}")
        t["flag_pred"] += len(result.flags)
        t["flag_false"] += len(result.flags) - len(hits)
        if show:
            for i, f in enumerate(result.flags):
                if i not in hits:
                    print(f"  [{f['doc']}] FALSE FLAG {f['text'][:60]!r}: {f['why'][:90]}")
    return dict(t)


def _pct(a: int, b: int) -> str:
    return f"{a / b:.0%}" if b else "–"


def report(name: str, t: dict) -> None:
    print(f"\n== {name} ==")
    print(f"assessments: {t.get('assess_found', 0)}/{t.get('assess_gold', 0)} found ({_pct(t.get('assess_found', 0), t.get('assess_gold', 0))}), "
          f"stance right {t.get('assess_stance', 0)}/{t.get('assess_found', 0)}, "
          f"holder right {t.get('assess_holder', 0)}/{t.get('assess_with_holder', 0)} of found with a holder; "
          f"precision {t.get('assess_pred_right', 0)}/{t.get('assess_pred', 0)} ({_pct(t.get('assess_pred_right', 0), t.get('assess_pred', 0))})")
    print(f"comparisons: {t.get('comp_found', 0)}/{t.get('comp_gold', 0)} found, {t.get('comp_right', 0)} with the right verdict; "
          f"precision {t.get('comp_pred_right', 0)}/{t.get('comp_pred', 0)} ({_pct(t.get('comp_pred_right', 0), t.get('comp_pred', 0))})")
    print(f"flags: {t.get('flag_found', 0)}/{t.get('flag_gold', 0)} found; {t.get('flag_false', 0)} false flag(s) "
          f"of {t.get('flag_pred', 0)} raised")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--set", default="all", choices=[*SETS, "all"])
    ap.add_argument("--show", action="store_true")
    args = ap.parse_args()
    results = {}
    for name in (SETS if args.set == "all" else [args.set]):
        if not (GOLD / f"{name}.json").exists():
            continue
        results[name] = score(name, args.show)
        report(name, results[name])
    (ROOT / "eval" / "results" / "assessments.json").write_text(json.dumps(results, indent=1))


if __name__ == "__main__":
    main()
