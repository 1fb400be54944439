"""The local runner and the Spark runner (local[2]) on the same corpus, in the same run.

    .venv/bin/python bench/runners.py DIR [--docs 500]     # DIR holds corpus.jsonl from bench/corpus.py

Each builds a dossier from the first DOCS articles (written as a JSONL input)
in its own process; printed: documents per second of the whole build, the seconds
of each stage (as the build records them), the peak memory (proportional set size)
of the process tree, and Spark's overhead as a ratio to local.  ``--local-only``
times the local runner alone, to see how each stage grows with the corpus.
"""

from __future__ import annotations

import argparse
import json
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(Path(__file__).resolve().parent))

from procmem import run_sampled  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("folder", type=Path)
    ap.add_argument("--docs", type=int, default=500)
    ap.add_argument("--local-only", action="store_true", help="time the local runner alone (how its stages grow)")
    ap.add_argument("--keep", type=Path, help="build in this folder and keep it: a build stopped part way "
                    "resumes there (the store keeps what was done), for corpora longer than one sitting")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        tmp = args.keep or Path(scratch)
        tmp.mkdir(parents=True, exist_ok=True)
        src = Path(tmp) / "input.jsonl"
        if not src.exists():
            _write_input(args.folder / "corpus.jsonl", src, args.docs)
        # a kept build that already holds documents resumes: its times are this run's share only
        resumed = (Path(tmp) / "local" / "dossier.duckdb").exists()
        exe = [sys.executable, "-m", "dossier.cli", "build", str(src), "--quiet", "--out"]
        local_s, local_mem, _ = run_sampled(exe + [str(Path(tmp) / "local")], every=0.2)
        local_stages = _stages(Path(tmp) / "local")
        spark_s, spark_mem, _ = (0.0, 0, "") if args.local_only else run_sampled(
            exe + [str(Path(tmp) / "spark"), "--runner", "spark", "--master", "local[2]"], every=0.2)
        spark_stages = {} if args.local_only else _stages(Path(tmp) / "spark")
    result = {"documents": args.docs, "local_seconds": round(local_s, 1), "local_docs_per_s": round(args.docs / local_s, 2),
              "local_peak_gb": round(local_mem / 1e9, 2), "local_stages": local_stages, "resumed": resumed}
    print(f"local stages (s): {local_stages}")
    if args.local_only:
        print(f"whole build of {args.docs} documents on 2 cores: local {local_s:.0f} s ({args.docs / local_s:.1f} docs/s, "
              f"{local_mem / 1e9:.1f} GB peak)")
        (ROOT / "bench" / "results" / f"runners-{args.docs}-local.json").write_text(json.dumps(result, indent=1))
        return
    result.update({"spark_seconds": round(spark_s, 1), "spark_docs_per_s": round(args.docs / spark_s, 2),
                   "spark_over_local": round(spark_s / local_s, 2), "spark_peak_gb": round(spark_mem / 1e9, 2),
                   "spark_stages": spark_stages})
    print(f"Spark stages (s): {spark_stages}")
    print(f"whole build of {args.docs} documents on 2 cores: local {local_s:.0f} s ({args.docs / local_s:.1f} docs/s, "
          f"{local_mem / 1e9:.1f} GB peak), Spark local[2] {spark_s:.0f} s ({args.docs / spark_s:.1f} docs/s, "
          f"{spark_mem / 1e9:.1f} GB peak): Spark takes {spark_s / local_s:.2f}x the local time")
    (ROOT / "bench" / "results" / f"runners-{args.docs}.json").write_text(json.dumps(result, indent=1))


def _write_input(corpus: Path, dest: Path, docs: int) -> None:
    part = dest.with_suffix(".part")
    with corpus.open(encoding="utf-8") as fh, part.open("w", encoding="utf-8") as out:
        for n, line in enumerate(fh):
            if n >= docs:
                break
            rec = json.loads(line)
            out.write(json.dumps({"text": rec["text"], "title": rec.get("title"), "url": rec.get("url")}) + "\n")
    part.rename(dest)


def _stages(out: Path) -> dict[str, float]:
    """Seconds per stage, as the build recorded them in its store; a build whose corpus passes
    failed (with --quiet nothing says so) is not a measurement."""
    from dossier.store import Store

    with Store.open(out, read_only=True) as store:
        warnings = json.loads(store.setting("build_warnings") or "[]")
        if warnings:
            raise SystemExit(f"the build of {out} did not complete: {warnings}")
        stages = store.setting("build_stages")
        if not stages:
            raise SystemExit(f"the build of {out} stopped before its end (run it without --quiet to see why)")
        return json.loads(stages)


if __name__ == "__main__":
    sys.exit(main())
