"""Per-document extraction throughput, as a ratio to a bare spaCy pass over the same texts.

    .venv/bin/python bench/extraction.py DIR [--docs 1000] [--workers 2]   # DIR holds corpus.jsonl

* reference: ``nlp.pipe(texts, n_process=WORKERS, batch_size=32)`` with the same
  model (en_core_web_sm), every Doc consumed;
* dossier: the runner's own path (``runners.local``): a process pool, each
  worker parsing chunks with ``nlp.pipe`` and running the quote, mention,
  figure and date rules, returning the extraction.
Both in the same run, on the same texts, after a warm-up.  Target: ratio <= 1.3.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from multiprocessing import Pool
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]


def _texts(folder: Path, n: int) -> list[str]:
    out = []
    with (folder / "corpus.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            out.append(json.loads(line)["text"])
            if len(out) >= n:
                break
    return out


def bare(texts: list[str], workers: int) -> float:
    from dossier.extract.nlp import MODEL

    import spacy

    nlp = spacy.load(MODEL)
    t0 = time.perf_counter()
    n = 0
    for doc in nlp.pipe(texts, n_process=workers, batch_size=32):
        n += len(doc.ents)
    return time.perf_counter() - t0


def dossier(texts: list[str], workers: int) -> float:
    from dossier.runners.local import CHUNK, _extract_chunk

    items = [(str(i), t, "2024-01-01") for i, t in enumerate(texts)]
    chunks = [items[i:i + CHUNK] for i in range(0, len(items), CHUNK)]
    t0 = time.perf_counter()
    with Pool(workers) as pool:
        got = sum(len(c) for c in pool.imap_unordered(_extract_chunk, chunks))
    assert got == len(texts)
    return time.perf_counter() - t0


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("folder", type=Path)
    ap.add_argument("--docs", type=int, default=1000)
    ap.add_argument("--workers", type=int, default=2)
    args = ap.parse_args()
    texts = _texts(args.folder, args.docs)
    words = sum(len(t.split()) for t in texts)
    bare(texts[:20], args.workers)  # warm-up: file caches, first model load
    ref = bare(texts, args.workers)
    ours = dossier(texts, args.workers)
    result = {"documents": len(texts), "words": words, "workers": args.workers,
              "bare_spacy_seconds": round(ref, 2), "dossier_seconds": round(ours, 2), "ratio": round(ours / ref, 3)}
    print(f"extraction, {len(texts)} documents ({words} words) on {args.workers} processes: "
          f"bare spaCy pass {ref:.1f} s ({words / ref:.0f} words/s), Dossier extraction {ours:.1f} s "
          f"({words / ours:.0f} words/s): ratio {ours / ref:.2f} (target <= 1.3)")
    out = ROOT / "bench" / "results" / "extraction.json"
    out.write_text(json.dumps(result, indent=1))


if __name__ == "__main__":
    sys.exit(main())
