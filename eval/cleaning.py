"""How well the plain-text furniture remover does on scrapes it was not tuned on.

    .venv/bin/python eval/cleaning.py [--cases tests/data/heldout] [--show]

Each case is ``NAME.txt`` (a raw scrape) and ``NAME.json`` (``title`` and the
article's ``body`` paragraphs, labelled by hand).  Printed per set of cases:
paragraph precision/recall (exact paragraphs kept vs the labelled body),
sentence recall (share of body sentences found in the output: "keep every
sentence"), shingle P/R/F1 as in the extraction benchmark, and title accuracy;
next to the baseline of keeping the raw text as it is.  The seeds' labelled
bodies (tests/data/seeds_gold) are scored as a second set when ../shared/seeds exists.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "eval"))

from scoring import aggregate, page_scores  # noqa: E402

from dossier.clean.text import clean_text  # noqa: E402


@dataclass(frozen=True)
class Case:
    name: str
    raw: str
    title: str | None
    body: list[str]


def load_cases(folder: Path, raw_folder: Path | None = None) -> list[Case]:
    cases = []
    for gold in sorted(folder.glob("*.json")):
        raw_path = (raw_folder or folder) / f"{gold.stem}.txt"
        if not raw_path.exists():
            continue
        g = json.loads(gold.read_text(encoding="utf-8"))
        cases.append(Case(gold.stem, raw_path.read_text(encoding="utf-8"), g.get("title"), g["body"]))
    return cases


def _norm(text: str) -> str:
    return " ".join(text.split())


def _sentences(paragraph: str) -> list[str]:
    return [s for s in re.split(r"(?<=[.!?”\"])\s+", _norm(paragraph)) if len(s) > 3]


def score(cases: list[Case], show: bool = False) -> dict[str, dict[str, float]]:
    rows: dict[str, dict[str, float]] = {}
    for system in ("raw text (no cleaning)", "dossier clean_text"):
        kept = found = gold_n = out_n = sent_found = sent_n = titles = 0
        pages = []
        for case in cases:
            if system.startswith("raw"):
                paragraphs, title = [p for p in re.split(r"\n\s*\n|\n", case.raw) if p.strip()], None
            else:
                result = clean_text(case.raw)
                paragraphs, title = result.text.split("\n\n") if result.text else [], result.title
            out = {_norm(p) for p in paragraphs}
            gold = [_norm(p) for p in case.body]
            kept += sum(p in set(gold) for p in out)
            out_n += len(out)
            found += sum(p in out for p in gold)
            gold_n += len(gold)
            text = _norm(" ".join(paragraphs))
            sentences = [s for p in case.body for s in _sentences(p)]
            sent_found += sum(s in text for s in sentences)
            sent_n += len(sentences)
            titles += _norm(title or "") == _norm(case.title or "")
            pages.append(page_scores("\n".join(paragraphs), "\n".join(case.body)))
            if show and not system.startswith("raw"):
                lost = [s for s in sentences if s not in text]
                extra = [p for p in out if p not in set(gold)]
                if lost or extra or _norm(title or "") != _norm(case.title or ""):
                    print(f"--- {case.name}: title {title!r} (want {case.title!r})")
                    for s in lost:
                        print(f"    lost:  {s[:110]}")
                    for p in extra:
                        print(f"    extra: {p[:110]}")
        agg = aggregate(pages)
        rows[system] = {
            "paragraph_precision": kept / max(out_n, 1),
            "paragraph_recall": found / max(gold_n, 1),
            "sentence_recall": sent_found / max(sent_n, 1),
            "shingle_p": agg.precision,
            "shingle_r": agg.recall,
            "shingle_f1": agg.f1,
            "title_accuracy": titles / max(len(cases), 1),
        }
    return rows


def print_table(label: str, n: int, rows: dict[str, dict[str, float]]) -> None:
    print(f"\n{label} ({n} cases)")
    print(f"{'system':<26} {'para P':>7} {'para R':>7} {'sent R':>7} {'shingle P':>10} {'shingle R':>10} {'F1':>6} {'title':>6}")
    for name, r in rows.items():
        print(f"{name:<26} {r['paragraph_precision']:7.3f} {r['paragraph_recall']:7.3f} {r['sentence_recall']:7.3f} "
              f"{r['shingle_p']:10.3f} {r['shingle_r']:10.3f} {r['shingle_f1']:6.3f} {r['title_accuracy']:6.3f}")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--cases", type=Path, action="append",
                    help="a folder of cases (repeatable); default: every tests/data/heldout* folder")
    ap.add_argument("--show", action="store_true", help="print lost sentences and leftover furniture per case")
    args = ap.parse_args()
    results = {}
    folders = args.cases or sorted(p for p in (ROOT / "tests" / "data").glob("heldout*") if p.is_dir())
    sets = [(f"labelled scrapes: {folder.name}", folder, None) for folder in folders]
    seeds = ROOT.parent / "shared" / "seeds"
    if seeds.is_dir():
        sets.append(("seeds (../shared/seeds)", ROOT / "tests" / "data" / "seeds_gold", seeds))
    for label, folder, raw_folder in sets:
        cases = load_cases(folder, raw_folder)
        if not cases:
            print(f"{label}: no cases in {folder}")
            continue
        rows = score(cases, show=args.show)
        print_table(label, len(cases), rows)
        results[label] = {"cases": len(cases), **rows}
    out = ROOT / "eval" / "results"
    out.mkdir(exist_ok=True)
    (out / "cleaning.json").write_text(json.dumps(results, indent=1))


if __name__ == "__main__":
    main()
