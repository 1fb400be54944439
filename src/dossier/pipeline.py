"""The ordered stages of a build: read, clean per document, corpus passes, write.

Stages that later issues add (provenance, entities, quotes, comparisons,
assessments, timeline) slot in as corpus passes over the stored documents.
"""

from __future__ import annotations

import json
import os
import re
import time
from dataclasses import dataclass, replace
from pathlib import Path

from dossier.corpus.story import StoryProfile
from dossier.io.briefing_html import write_briefing_html
from dossier.io.briefing_json import write_briefing_json
from dossier.io.fetch import Fetcher, is_url, read_urls, url_list
from dossier.io.files import DEFAULT_MAX_BYTES, discover, is_remote_path
from dossier.io.inputs import read_inputs
from dossier.model import Briefing, Document
from dossier.process import process_record
from dossier.runners.local import (Progress, apply_analysis, apply_provenance, apply_site_templates, run_local,
                                   run_records)
from dossier.store import Store
from dossier.whatsnew import whats_new


@dataclass(frozen=True)
class BuildReport:
    """What a build did: the briefing, plus what the summary screen needs."""

    briefing: Briefing
    out: Path
    inputs: tuple[str, ...]  # every record source seen in this run
    new: int  # records processed now (the rest were already in the store)
    failed: tuple[Document, ...]  # this run's inputs with status "error"
    skipped: tuple[Document, ...]  # this run's inputs with status "skipped"
    seconds: float
    warnings: tuple[str, ...] = ()  # corpus passes that failed; the briefing is written without them
    stages: tuple[tuple[str, float], ...] = ()  # (stage, seconds), in the order they ran

    @property
    def json_path(self) -> Path:
        return self.out / "briefing.json"

    @property
    def html_path(self) -> Path:
        return self.out / "briefing.html"


def run_build(
    paths: list[str | os.PathLike[str]],
    out: str | os.PathLike[str],
    question: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    progress: Progress | None = None,
    runner: str = "local",
    master: str | None = None,
    match: str | None = None,
    fetch_delay: float = 1.0,
    like: list[str | os.PathLike[str]] | None = None,
) -> BuildReport:
    started = time.perf_counter()
    out = Path(out)
    urls, local = split_inputs(paths)
    remote = [os.fspath(p) for p in local if runner == "spark" and is_remote_path(p)]  # Spark reads these itself
    local = [p for p in local if os.fspath(p) not in remote]
    files = discover(local) if local or not (urls or remote) else []
    if match:
        re.compile(match)  # a bad pattern is a usage error before anything is read
    profile = story_profile(like, max_bytes) if like else None
    with Store.open(out) as store:
        started_at = store.now()
        had_documents = store.count_documents() > 0
        store.set_setting("match", match)  # this run's filter; documents read earlier keep their status
        clock = _StageClock()
        if runner == "spark":
            from dossier.runners.spark import run_spark  # pyspark is an optional extra

            seen, new = run_spark(files, store, max_bytes, master, match, profile, remote)
        elif runner == "local":
            seen, new = run_local(files, store, max_bytes, progress, match, profile)
        else:
            raise ValueError(f"unknown runner {runner!r}: use 'local' or 'spark'")
        clock.lap("read and clean")
        if urls:  # pages and feeds from the web: fetched here, politely, with a cache in the folder
            with Fetcher(out / "fetch-cache", max_bytes=max_bytes, delay=fetch_delay) as fetcher:
                more, fresh = run_records(read_urls(urls, fetcher), store, match, profile)
            seen, new = seen + more, new + fresh
        if question is not None:  # the user's question; without one, the analysis pass derives one
            store.set_setting("question", question.strip() or None)
            store.set_setting("question_derived", None)
        if runner == "spark":  # copy detection on the executors too
            from dossier.runners.spark import spark_map, spark_pairs

            def provenance(st: Store) -> None:
                apply_provenance(st, map_fn=spark_map(master), find_pairs=spark_pairs(master))
        else:
            provenance = apply_provenance
        clock.lap("fetch", only_if_long=True)
        warnings = [w for w in (_guarded("site templates", apply_site_templates, store, clock),
                                _guarded("provenance", provenance, store, clock),
                                _guarded("analysis", lambda st: apply_analysis(st, lap=clock.lap), store, clock),
                                _guarded("search index", Store.index_for_search, store, clock)) if w]
        briefing = store.briefing()
        if had_documents:  # a later build: say what it brought (kept for `dossier serve`)
            briefing = replace(briefing, whats_new=whats_new(briefing, store.added_since(started_at), started_at))
        store.set_setting("whats_new", json.dumps(briefing.whats_new))
        if runner == "spark":  # the tables as Parquet, where a cluster's tools read them
            store.export_parquet(out / "parquet")
        statuses = store.statuses(seen)
        clock.lap("briefing")
        store.set_setting("build_stages", json.dumps(dict(clock.laps)))  # for benchmarks and `dossier serve`
        store.set_setting("build_warnings", json.dumps(warnings))
    by_source = {d.source: d for d in briefing.documents}
    mine = [by_source[s] for s in seen if s in by_source]
    write_briefing_json(briefing, out / "briefing.json")
    write_briefing_html(briefing, out / "briefing.html")
    return BuildReport(
        briefing=briefing,
        out=out,
        inputs=tuple(seen),
        new=new,
        failed=tuple(d for d in mine if statuses.get(d.source) == "error"),
        skipped=tuple(d for d in mine if statuses.get(d.source) == "skipped"),
        seconds=time.perf_counter() - started,
        warnings=tuple(warnings),
        stages=tuple(clock.laps),
    )


def story_profile(paths: list[str | os.PathLike[str]], max_bytes: int) -> StoryProfile:
    """The word profile of the example articles given with ``--like`` (read and cleaned as inputs are)."""
    texts = []
    for record in read_inputs(discover(paths), max_bytes):
        doc = process_record(record, "like")
        if doc.status == "ok":
            texts.append(f"{doc.title or ''}\n{doc.text}")
    if not texts:
        raise ValueError("--like: no readable article among the examples given")
    return StoryProfile.from_texts(texts)


def split_inputs(paths: list[str | os.PathLike[str]]) -> tuple[list[str], list[str | os.PathLike[str]]]:
    """(URLs, local paths): an http(s) address, or a file listing one per line, is fetched."""
    urls: list[str] = []
    local: list[str | os.PathLike[str]] = []
    for p in paths:
        text = os.fspath(p)
        if is_url(text):
            urls.append(text.strip())
            continue
        listed = url_list(Path(text)) if Path(text).is_file() and Path(text).stat().st_size < 1_000_000 else None
        if listed:
            urls.extend(listed)
        else:
            local.append(p)
    return urls, local


class _StageClock:
    """Seconds per stage of a build: which stage grows with the corpus is read from these."""

    def __init__(self) -> None:
        self.laps: list[tuple[str, float]] = []
        self._last = time.perf_counter()

    def lap(self, name: str, only_if_long: bool = False) -> None:
        now = time.perf_counter()
        if now - self._last >= 0.05 or not only_if_long:
            self.laps.append((name, round(now - self._last, 2)))
        self._last = now


def _guarded(name: str, stage, store: Store, clock: _StageClock) -> str | None:
    """Run a corpus pass; a failure there must not cost the user the documents already read."""
    timed_itself = len(clock.laps)
    try:
        stage(store)
    except Exception as exc:  # noqa: BLE001 - reported in the summary, the rest of the build goes on
        return f"the {name} pass failed ({type(exc).__name__}: {exc}); the briefing lacks its results — please report this"
    finally:
        # a stage that timed its own parts adds only what they left out, if anything
        clock.lap(name, only_if_long=len(clock.laps) > timed_itself)
    return None


def build(
    paths: list[str | os.PathLike[str]] | str | os.PathLike[str],
    out: str | os.PathLike[str],
    question: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    runner: str = "local",
    master: str | None = None,
    match: str | None = None,
    like: list[str | os.PathLike[str]] | None = None,
) -> Briefing:
    """Build (or extend) the dossier in ``out`` from ``paths`` and return its briefing.

    The same as ``dossier build PATH... --out DIR``, for notebooks and scripts.
    """
    if isinstance(paths, (str, os.PathLike)):
        paths = [paths]
    return run_build(list(paths), out, question=question, max_bytes=max_bytes, runner=runner, master=master,
                     match=match, like=like).briefing
