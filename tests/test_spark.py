"""The Spark runner's briefing equals the local runner's: same ids, quotes, provenance, everything."""

from __future__ import annotations

import json
import shutil

import pytest

import dossier
from dossier.pipeline import run_build

pytest.importorskip("pyspark")
if not shutil.which("java"):
    pytest.skip("Spark needs Java", allow_module_level=True)


def briefings(tmp_path, inputs):
    local = dossier.build(inputs, out=tmp_path / "local")
    spark = dossier.build(inputs, out=tmp_path / "spark", runner="spark", master="local[2]")
    return local.to_dict(), spark.to_dict()


def test_examples_same_briefing_from_both_runners(tmp_path, examples_dir):
    local, spark = briefings(tmp_path, [examples_dir])
    assert local["documents"] and local["quotes"]
    for key in local:
        assert json.dumps(local[key], sort_keys=True) == json.dumps(spark[key], sort_keys=True), key


def test_seeds_same_briefing_from_both_runners(tmp_path, seeds_dir):
    local, spark = briefings(tmp_path, [seeds_dir])
    assert local == spark


def test_spark_adds_only_new_documents(tmp_path, examples_dir):
    out = tmp_path / "again"
    first = run_build([examples_dir], out, runner="spark", master="local[2]")
    second = run_build([examples_dir], out, runner="spark", master="local[2]")
    assert first.new > 0 and second.new == 0


def test_spark_runs_leave_parquet_tables(tmp_path, examples_dir):
    import duckdb

    out = tmp_path / "pq"
    run_build([examples_dir], out, runner="spark", master="local[2]")
    con = duckdb.connect()
    n = con.execute(f"SELECT count(*) FROM '{out / 'parquet' / 'quotes.parquet'}'").fetchone()[0]
    assert n > 0
    assert (out / "parquet" / "documents.parquet").exists()


def test_spark_pair_search_equals_the_local_one(examples_dir):
    """Band keys grouped in Spark's shuffle, pairs measured on the executors: the same pairs."""
    from dossier.corpus.fingerprint import fingerprint
    from dossier.corpus.pairs import related_pairs
    from dossier.io.files import discover
    from dossier.io.inputs import read_inputs
    from dossier.process import process_record
    from dossier.runners.spark import spark_pairs

    docs = [process_record(r, f"d{n}") for n, r in enumerate(read_inputs(discover([examples_dir]), 10_000_000))]
    fps = [fingerprint(d.id, d.text) for d in docs if d.status == "ok"]
    local = related_pairs(fps)
    assert len(local) >= 3  # the examples hold copies
    assert spark_pairs("local[2]")(fps, 2) == sorted(local, key=lambda p: (p.a, p.b))


def test_spark_build_reports_no_failed_pass(tmp_path, examples_dir):
    report = run_build([examples_dir], tmp_path / "w", runner="spark", master="local[2]")
    assert report.warnings == ()
    assert any(d.provenance.kind != "original" for d in report.briefing.documents)


def test_spark_reads_jsonl_parquet_and_warc_paths_itself(tmp_path, examples_dir):
    """Paths only Spark can open (here file://, like hdfs:// or s3a:// on a cluster) are read with
    Spark's own readers: the same articles as the local runner reads from the same files;
    a path that is not there is an error record, not a failed build."""
    import duckdb

    jsonl = next(examples_dir.rglob("*.jsonl"))
    pq = tmp_path / "articles.parquet"
    con = duckdb.connect()
    con.execute(f"COPY (SELECT * FROM read_json_auto('{jsonl}')) TO '{pq}' (FORMAT parquet)")
    warc = next(examples_dir.rglob("*.warc.gz"))
    local = run_build([jsonl, pq, warc], tmp_path / "local").briefing
    missing = f"file://{tmp_path}/nowhere.jsonl"
    report = run_build([jsonl.resolve().as_uri(), pq.resolve().as_uri(), warc.resolve().as_uri(), missing],
                       tmp_path / "spark", runner="spark", master="local[2]")

    def articles(briefing):
        return sorted((d.source.rsplit("#", 1)[-1], d.title, d.text) for d in briefing.documents
                      if d.status == "ok")

    assert articles(local) and articles(report.briefing) == articles(local)
    assert any("warc" in d.source for d in report.briefing.documents if d.status == "ok")
    (failed,) = report.failed
    assert failed.source == missing and "could not read" in failed.error


def test_local_runner_names_the_runner_for_remote_paths(tmp_path, examples_dir):
    report = run_build([examples_dir, "s3a://bucket/news.jsonl"], tmp_path / "x")
    (failed,) = [d for d in report.failed if d.source.startswith("s3a://")]
    assert "--runner spark" in failed.error
