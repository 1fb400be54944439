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
