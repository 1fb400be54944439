"""Copy detection on Spark: Dossier's LSH banding as Spark joins next to Spark ML's ``MinHashLSH``,
and the local (numpy) search, on the same documents in the same run.

    .venv/bin/python bench/spark_dedupe.py DIR [--docs 10000] [--tables 5]   # DIR from bench/corpus.py

* local: ``corpus.pairs.related_pairs`` in this process (sorted arrays, then exact verification);
* spark-banding: ``runners.spark.spark_pairs``: every document's band keys, exact hash and
  paragraph hashes grouped in a shuffle, the candidates joined to their fingerprints and
  measured on the executors.  It must find exactly the local pairs;
* spark-ml: ``pyspark.ml.feature.MinHashLSH`` over the same word 3-gram sets (as sparse
  vectors), ``approxSimilarityJoin`` at Jaccard distance 0.7 (similarity 0.3, the threshold
  Dossier's text index uses).  Spark ML ORs ``--tables`` single-hash tables, no banding, so
  every table puts each document in a bucket with all documents sharing its minimum shingle.

Printed: seconds for each (Spark's session start separately), pairs found, and how many of
the pairs sharing >= 30 % of their 3-grams each finds (Spark ML finds only those).
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from multiprocessing import Pool
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DIM = 1 << 20  # sparse vector size for Spark ML (shingle hash mod 2^20)


def _fingerprint(item: tuple[int, str]):
    from dossier.corpus.fingerprint import fingerprint

    n, text = item
    return fingerprint(f"d{n:07d}", text)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("folder", type=Path)
    ap.add_argument("--docs", type=int, default=10_000)
    ap.add_argument("--tables", type=int, default=5)
    ap.add_argument("--skip-ml", action="store_true", help="leave out Spark ML (slow on large corpora)")
    args = ap.parse_args()

    from dossier.corpus.pairs import related_pairs
    from dossier.runners.spark import session, spark_pairs

    texts = []
    with (args.folder / "corpus.jsonl").open(encoding="utf-8") as fh:
        for n, line in enumerate(fh):
            if n >= args.docs:
                break
            texts.append((n, json.loads(line)["text"]))
    t0 = time.perf_counter()
    with Pool(2) as pool:
        fps = pool.map(_fingerprint, texts, chunksize=128)
    t_fp = time.perf_counter() - t0

    t0 = time.perf_counter()
    local = related_pairs(fps, workers=2)
    t_local = time.perf_counter() - t0

    t0 = time.perf_counter()
    spark = session("local[2]")
    t_session = time.perf_counter() - t0
    t0 = time.perf_counter()
    banded = spark_pairs("local[2]")(fps, 2)
    t_band = time.perf_counter() - t0
    same = banded == sorted(local, key=lambda p: (p.a, p.b))

    text_pairs = {(p.a, p.b) for p in local if p.jaccard >= 0.3}
    result = {
        "documents": len(fps), "seconds_fingerprints": round(t_fp, 1), "spark_session_seconds": round(t_session, 1),
        "local": {"seconds": round(t_local, 1), "pairs": len(local)},
        "spark_banding": {"seconds": round(t_band, 1), "pairs": len(banded), "same_pairs_as_local": same},
        "text_pairs_jaccard_0.3": len(text_pairs),
    }
    if not args.skip_ml:
        result["spark_ml"] = _spark_ml(spark, fps, args.tables, text_pairs)
    spark.stop()

    print(f"\ncopy detection on {len(fps)} documents (fingerprints {t_fp:.1f} s on 2 processes, "
          f"Spark session start {t_session:.1f} s)")
    print(f"{'engine':<36}{'seconds':>9}{'pairs':>9}{'J>=.3 found':>13}")
    print(f"{'local (numpy banding)':<36}{t_local:9.1f}{len(local):9d}{len(text_pairs):13d}")
    print(f"{'Spark local[2], banding as joins':<36}{t_band:9.1f}{len(banded):9d}"
          f"{len(text_pairs) if same else -1:13d}   same pairs as local: {same}")
    if "spark_ml" in result:
        ml = result["spark_ml"]
        print(f"{'Spark ML MinHashLSH (' + str(args.tables) + ' tables)':<36}{ml['seconds']:9.1f}{ml['pairs']:9d}"
              f"{ml['text_pairs_found']:13d}")
    out = ROOT / "bench" / "results"
    out.mkdir(exist_ok=True)
    (out / f"spark_dedupe-{len(fps)}.json").write_text(json.dumps(result, indent=1))


def _spark_ml(spark, fps, tables: int, text_pairs: set[tuple[str, str]]) -> dict:
    import numpy as np
    from pyspark.ml.feature import MinHashLSH
    from pyspark.ml.linalg import SparseVector
    from pyspark.sql import functions as F

    rows = []
    for fp in fps:
        idx = np.unique(fp.shingles.astype(np.int64) % DIM)
        if len(idx):
            rows.append((fp.doc_id, SparseVector(DIM, idx.tolist(), [1.0] * len(idx))))
    t0 = time.perf_counter()
    df = spark.createDataFrame(rows, ["id", "features"]).repartition(8).cache()
    model = MinHashLSH(inputCol="features", outputCol="hashes", numHashTables=tables, seed=1).fit(df)
    joined = (model.approxSimilarityJoin(df, df, 0.7, distCol="distance")
              .filter(F.col("datasetA.id") < F.col("datasetB.id"))
              .select(F.col("datasetA.id").alias("a"), F.col("datasetB.id").alias("b")))
    found = {(r.a, r.b) for r in joined.collect()}
    seconds = time.perf_counter() - t0
    return {"seconds": round(seconds, 1), "tables": tables, "pairs": len(found),
            "text_pairs_found": len(found & text_pairs)}


if __name__ == "__main__":
    sys.exit(main())
