"""Compare Dossier's HTML article extraction with plain trafilatura on the benchmark.

    .venv/bin/python eval/extraction.py [--bench DIR] [--limit N]

The benchmark (scrapinghub's article-extraction-benchmark: ``html/<id>.html.gz``
and ``ground-truth.json``) is not shipped with the repo; without it the script
says so and exits 0.  Scoring is ``eval/scoring.py``.  The pages are also split
in two halves by sorted id and scored separately, so a change that only helps
one half shows up as overfitting.  Numbers go to ``eval/results/extraction.json``.

"trafilatura (plain)" is ``trafilatura.extract(html, url=url, include_comments=False)``:
default settings with reader comments left out, which reproduces the published
P .942 / R .978 / F1 .960 for trafilatura 2.3.1.
"""

from __future__ import annotations

import argparse
import gzip
import json
import sys
import time
from pathlib import Path
from typing import Callable

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path.insert(0, str(HERE))

from scoring import aggregate, page_scores  # noqa: E402

DEFAULT_BENCH = ROOT.parent / "shared" / "benchmarks" / "article-extraction-benchmark"
RESULTS = HERE / "results" / "extraction.json"


def load_pages(bench: Path, limit: int | None = None) -> list[tuple[str, str, str, str]]:
    """(id, url, html, true body) for each benchmark page, sorted by id."""
    truth = json.loads((bench / "ground-truth.json").read_text(encoding="utf-8"))
    pages = []
    for page_id in sorted(truth)[:limit]:
        raw = gzip.decompress((bench / "html" / f"{page_id}.html.gz").read_bytes())
        pages.append((page_id, truth[page_id].get("url"), decode(raw), truth[page_id]["articleBody"]))
    return pages


def decode(raw: bytes) -> str:
    try:
        return raw.decode("utf-8")
    except UnicodeDecodeError:
        from charset_normalizer import from_bytes

        best = from_bytes(raw).best()
        return str(best) if best is not None else raw.decode("utf-8", errors="replace")


def trafilatura_plain(html: str, url: str | None) -> str:
    import trafilatura

    return trafilatura.extract(html, url=url, include_comments=False) or ""


def trafilatura_fast(html: str, url: str | None) -> str:
    import trafilatura

    return trafilatura.extract(html, url=url, include_comments=False, fast=True) or ""


def dossier(html: str, url: str | None) -> str:
    from dossier.clean.html import extract_html

    return extract_html(html, url).text


EXTRACTORS: dict[str, Callable[[str, str | None], str]] = {
    "trafilatura (plain)": trafilatura_plain,
    "trafilatura fast=True": trafilatura_fast,
    "dossier": dossier,
}


def evaluate(pages, extract: Callable[[str, str | None], str]) -> dict:
    """Run one extractor over the pages: overall figures, both halves, seconds per 100 pages."""
    extract(pages[0][2], pages[0][1])  # warm-up: imports and lazy data loading are not per-page cost
    scores, seconds = [], 0.0
    for _page_id, url, html, truth in pages:
        start = time.perf_counter()
        predicted = extract(html, url)
        seconds += time.perf_counter() - start
        scores.append(page_scores(predicted, truth))
    half = len(scores) // 2
    total, first, second = aggregate(scores), aggregate(scores[:half]), aggregate(scores[half:])
    return {
        "precision": round(total.precision, 4),
        "recall": round(total.recall, 4),
        "f1": round(total.f1, 4),
        "accuracy": round(total.accuracy, 4),
        "f1_half_a": round(first.f1, 4),
        "f1_half_b": round(second.f1, 4),
        "seconds_per_100": round(seconds / len(pages) * 100, 2),
        "pages": len(pages),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bench", type=Path, default=DEFAULT_BENCH, help="benchmark folder")
    parser.add_argument("--limit", type=int, default=None, help="only the first N pages (by id)")
    args = parser.parse_args(argv)

    if not (args.bench / "ground-truth.json").is_file():
        print(f"benchmark not found at {args.bench} (needs ground-truth.json and html/); nothing to evaluate")
        return 0
    pages = load_pages(args.bench, args.limit)
    if not pages:
        print("benchmark has no pages; nothing to evaluate")
        return 0

    import logging

    logging.disable(logging.WARNING)  # trafilatura logs every page it finds hard; not our output

    results = {name: evaluate(pages, fn) for name, fn in EXTRACTORS.items()}
    header = f"{'extractor':24} {'P':>6} {'R':>6} {'F1':>6} {'acc':>6} {'F1 A':>6} {'F1 B':>6} {'s/100':>6}"
    print(f"{len(pages)} pages; halves A/B split by sorted id")
    print(header)
    print("-" * len(header))
    for name, r in results.items():
        print(f"{name:24} {r['precision']:6.3f} {r['recall']:6.3f} {r['f1']:6.3f} {r['accuracy']:6.3f} "
              f"{r['f1_half_a']:6.3f} {r['f1_half_b']:6.3f} {r['seconds_per_100']:6.2f}")

    RESULTS.parent.mkdir(parents=True, exist_ok=True)
    RESULTS.write_text(json.dumps({"bench": str(args.bench), "pages": len(pages), "results": results},
                                  indent=2) + "\n", encoding="utf-8")
    print(f"written {RESULTS.relative_to(ROOT)}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
