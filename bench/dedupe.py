"""Near-duplicate detection throughput: Dossier's dedupe next to datasketch's plain MinHashLSH.

    .venv/bin/python bench/dedupe.py DIR [--workers 2]    # DIR holds corpus.jsonl from bench/corpus.py

Both engines get the same texts and find pairs of documents sharing text.
Each runs in its own process; wall time and the peak memory of its whole
process tree (sampled from /proc) are printed side by side, with the ratio.

* dossier: ``corpus.fingerprint`` (word 3-grams hashed with crc32, datasketch's
  MinHash ``update_batch``; names-and-numbers skeleton; paragraph hashes) on
  ``--workers`` processes, then ``corpus.pairs.related_pairs`` (exact hashes,
  paragraph index, two LSH indexes, exact verification of every candidate);
* datasketch: the library as its README uses it: one ``MinHash`` per document
  updated shingle by shingle (its default SHA-1 hashing), one ``MinHashLSH``
  (threshold 0.5), every document queried; no verification.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))

from procmem import run_sampled  # noqa: E402


def _texts(folder: Path) -> list[str]:
    out = []
    with (folder / "corpus.jsonl").open(encoding="utf-8") as fh:
        for line in fh:
            out.append(json.loads(line)["text"])
    return out


def _fingerprint_line(item: tuple[int, str]):
    from dossier.corpus.fingerprint import fingerprint

    n, line = item
    return fingerprint(f"d{n}", json.loads(line)["text"])


def run_dossier(folder: Path, workers: int) -> dict:
    """Stream the corpus through the workers; only the fingerprints are kept."""
    from multiprocessing import Pool

    from dossier.corpus.pairs import related_pairs

    t0 = time.perf_counter()
    with Pool(workers) as pool, (folder / "corpus.jsonl").open(encoding="utf-8") as fh:
        fps = list(pool.imap(_fingerprint_line, enumerate(fh), chunksize=256))
    t1 = time.perf_counter()
    pairs = related_pairs(fps, workers=workers)
    t2 = time.perf_counter()
    return {"documents": len(fps), "pairs": len(pairs), "seconds": t2 - t0,
            "seconds_fingerprints": t1 - t0, "seconds_pairs": t2 - t1}


def run_datasketch(folder: Path) -> dict:
    from datasketch import MinHash, MinHashLSH

    from dossier.corpus.fingerprint import tokens

    texts = _texts(folder)
    t0 = time.perf_counter()
    lsh = MinHashLSH(threshold=0.5, num_perm=128)
    sketches = []
    for n, text in enumerate(texts):
        words = [w.lower() for w in tokens(text)]
        m = MinHash(num_perm=128)
        for i in range(len(words) - 2):
            m.update(" ".join(words[i : i + 3]).encode())
        lsh.insert(f"d{n}", m)
        sketches.append(m)
    pairs = set()
    for n, m in enumerate(sketches):
        for other in lsh.query(m):
            if other != f"d{n}":
                pairs.add(tuple(sorted((f"d{n}", other))))
    return {"documents": len(texts), "pairs": len(pairs), "seconds": time.perf_counter() - t0}


def measured(engine: str, folder: Path, workers: int) -> dict:
    """Run one engine in a child process; sample its process tree's memory while it runs."""
    _, peak, out = run_sampled([sys.executable, __file__, str(folder), "--engine", engine, "--workers", str(workers)],
                               capture=True)
    result = json.loads(out.strip().splitlines()[-1])
    result["peak_memory_mb"] = round(peak / 2**20)
    return result


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("folder", type=Path)
    ap.add_argument("--engine", choices=["dossier", "datasketch"])
    ap.add_argument("--workers", type=int, default=2)
    args = ap.parse_args()
    if args.engine == "dossier":
        print(json.dumps(run_dossier(args.folder, args.workers)))
        return
    if args.engine == "datasketch":
        print(json.dumps(run_datasketch(args.folder)))
        return
    d = measured("dossier", args.folder, args.workers)
    b = measured("datasketch", args.folder, args.workers)
    print(f"\nnear-duplicate detection on {d['documents']} documents ({args.folder})")
    print(f"{'engine':<34}{'seconds':>9}{'peak MB':>9}{'pairs':>9}")
    print(f"{'dossier (' + str(args.workers) + ' processes)':<34}{d['seconds']:9.1f}{d['peak_memory_mb']:9d}{d['pairs']:9d}")
    print(f"{'datasketch MinHashLSH (plain)':<34}{b['seconds']:9.1f}{b['peak_memory_mb']:9d}{b['pairs']:9d}")
    print(f"dossier / datasketch: time {d['seconds'] / b['seconds']:.2f}x, memory {d['peak_memory_mb'] / max(b['peak_memory_mb'], 1):.2f}x"
          f"  (dossier: fingerprints {d['seconds_fingerprints']:.1f} s, pairs {d['seconds_pairs']:.1f} s)")
    out = ROOT / "bench" / "results"
    out.mkdir(exist_ok=True)
    (out / f"dedupe-{d['documents']}.json").write_text(json.dumps({"dossier": d, "datasketch": b}, indent=1))


if __name__ == "__main__":
    main()
