"""The ``dossier`` command line."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated, Optional

import importlib.util
import re
import time

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn
from rich.table import Table

from dossier.io.files import DEFAULT_MAX_BYTES
from dossier.pipeline import BuildReport, run_build

app = typer.Typer(
    help="Dossier turns a pile of news copies about one story into a clean, cited briefing.",
    no_args_is_help=True,
    add_completion=False,
    pretty_exceptions_enable=False,
)
console = Console(stderr=True)

EXIT_OK, EXIT_INPUT_FAILED = 0, 1


@app.callback()
def main() -> None:
    """Dossier turns a pile of news copies about one story into a clean, cited briefing."""


@app.command()
def build(
    paths: Annotated[list[str], typer.Argument(help="Files or folders (read recursively): .txt, .html, .jsonl, RSS/Atom, .warc, and .gz of these; http(s) addresses of pages or feeds; files listing such addresses, one per line.", show_default=False)],
    out: Annotated[Path, typer.Option("--out", "-o", help="Output folder: holds the DuckDB store, briefing.json and briefing.html.")],
    question: Annotated[Optional[str], typer.Option(help="The story's open question, e.g. \"Will X join the war?\". Kept for later runs.")] = None,
    max_bytes: Annotated[int, typer.Option(help="Largest input file (or decompressed .gz) to read, in bytes.")] = DEFAULT_MAX_BYTES,
    quiet: Annotated[bool, typer.Option("--quiet", "-q", help="No progress bar or summary.")] = False,
    runner: Annotated[str, typer.Option(help="Where the per-document stages run: local (processes on this machine) or spark (needs `pip install dossier[spark]`).")] = "local",
    master: Annotated[Optional[str], typer.Option(help="Spark master URL for --runner spark; local[*] when not given.")] = None,
    match: Annotated[Optional[str], typer.Option(help="Keep only documents about the story: a regular expression (case-insensitive) the title or text must match, e.g. \"Dravenia|Yarovets\". Others are listed as skipped.")] = None,
    like: Annotated[Optional[list[str]], typer.Option(help="Keep only documents close to these example articles (files or folders); may be repeated.")] = None,
) -> None:
    """Build a briefing from PATHS into --out, or add new inputs to an existing one.

    Inputs already in the store with the same content are not processed again.

    Exit status: 0 when every input was read (inputs skipped on purpose, such as
    WARC request records, do not count as failures); 1 when any input failed
    (the briefing is still written and lists the error for each); 2 on a usage error.
    """
    if runner not in ("local", "spark"):
        console.print(f"[red]--runner must be local or spark, not {runner!r}[/red]")
        raise typer.Exit(2)
    if match:
        try:
            re.compile(match)
        except re.error as exc:
            console.print(f"[red]--match is not a valid regular expression: {exc}[/red]")
            raise typer.Exit(2) from None
    if runner == "spark":
        if importlib.util.find_spec("pyspark") is None:
            console.print("[red]--runner spark needs pyspark: pip install 'dossier[spark]'[/red]")
            raise typer.Exit(2)
    if quiet or runner == "spark":
        report = run_build(paths, out, question=question, max_bytes=max_bytes, runner=runner, master=master,
                           match=match, like=like)
        if not quiet:
            _summary(report)
    else:
        with Progress(TextColumn("[bold]Reading"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                      TextColumn("{task.description}"), console=console, transient=True) as bar:
            task = bar.add_task("", total=None)

            def progress(done: int, total: int, source: str) -> None:
                bar.update(task, completed=done, total=total, description=_short(source))

            report = run_build(paths, out, question=question, max_bytes=max_bytes, progress=progress, match=match,
                               like=like)
        _summary(report)
    raise typer.Exit(EXIT_INPUT_FAILED if report.failed else EXIT_OK)


def _seconds(every: str) -> float:
    """"15m" -> 900, "30s" -> 30, "2h" -> 7200, "90" -> 90."""
    m = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([smh]?)\s*", every)
    if not m:
        raise typer.BadParameter(f"{every!r}: give a number with s, m or h, e.g. 15m")
    return float(m.group(1)) * {"": 1, "s": 1, "m": 60, "h": 3600}[m.group(2)]


@app.command()
def watch(
    folder: Annotated[Path, typer.Argument(help="The dossier folder to keep up to date (created if new).", show_default=False)],
    feeds: Annotated[Path, typer.Option(help="A file listing feed (or page) addresses, one per line.")],
    every: Annotated[str, typer.Option(help="How often to poll: 30s, 15m, 1h.")] = "15m",
    question: Annotated[Optional[str], typer.Option(help="The story's open question (kept for later runs).")] = None,
    match: Annotated[Optional[str], typer.Option(help="Keep only documents matching this regular expression.")] = None,
    rounds: Annotated[int, typer.Option(help="Stop after this many polls (0: until Ctrl-C).", hidden=True)] = 0,
) -> None:
    """Poll the feeds and add what is new to the dossier, until stopped with Ctrl-C.

    Each poll is an incremental build: only new or changed pages are fetched (conditional
    requests) and processed; the briefing is rewritten. Ctrl-C between or during polls leaves
    the store consistent (documents are written in whole transactions).
    """
    interval = _seconds(every)
    done = 0
    try:
        while True:
            report = run_build([str(feeds)], folder, question=question, match=match)
            done += 1
            console.print(f"{time.strftime('%Y-%m-%d %H:%M:%S')}: {report.new} new or changed input(s), "
                          f"{len(report.failed)} failed; briefing at {report.html_path}", markup=False)
            if rounds and done >= rounds:
                break
            time.sleep(interval)
    except KeyboardInterrupt:
        console.print("Stopped. The store holds every document completed so far; `dossier watch` again carries on.")


@app.command()
def diff(
    folder: Annotated[Path, typer.Argument(help="A dossier folder written by `dossier build --out`.", show_default=False)],
    since: Annotated[str, typer.Option(help="Show what was added at or after this date or time (YYYY-MM-DD or YYYY-MM-DDTHH:MM).")],
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead of text.")] = False,
) -> None:
    """What is new since a date: documents, quotes, assessments, changed views, new contradictions, flags."""
    import json as json_

    from dossier.store import Store
    from dossier.whatsnew import whats_new

    if not (folder / "dossier.duckdb").exists():
        console.print(f"[red]{folder} holds no dossier: run `dossier build PATH... --out {folder}` first.[/red]")
        raise typer.Exit(2)
    try:
        with Store.open(folder, read_only=True) as store:
            new = whats_new(store.briefing(), store.added_since(since), since)
    except Exception as exc:  # a malformed date is a usage error
        console.print(f"[red]--since {since!r}: {exc}[/red]")
        raise typer.Exit(2) from None
    if as_json:
        typer.echo(json_.dumps(new, ensure_ascii=False, indent=1))
        return
    console.print(f"[bold]Since {since}:[/bold] {len(new['documents'])} new document(s), {len(new['quotes'])} quote(s), "
                  f"{len(new['assessments'])} assessment(s), {len(new['contradictions'])} new contradiction(s), "
                  f"{len(new['flags'])} flag(s)")
    for d in new["documents"]:
        console.print(f"  • {d['title'] or '(untitled)'} — {d['outlet'] or 'outlet unknown'}, {d['published'] or 'undated'}"
                      f" ({d['kind'].replace('_', ' ')})", markup=False)
    for a in new["assessments"]:
        console.print(f"  {a['stance']}: {a['holder_name'] or 'unattributed'} — {a['text'][:120]}", markup=False)
    for c in new["changed_views"]:
        console.print(f"  changed view: {c['holder']} from {c['from']} to {c['to']}", markup=False)
    for c in new["contradictions"]:
        console.print(f"  sources differ on {c['measure']}: {', '.join(str(v) for v in c['values'])}", markup=False)
    for f in new["flags"]:
        console.print(f"  to check: “{f['text'][:80]}” — {f['why']}", markup=False)


@app.command()
def serve(
    folder: Annotated[Path, typer.Argument(help="A dossier folder written by `dossier build --out`.", show_default=False)],
    host: Annotated[str, typer.Option(help="Address to listen on; the default keeps it to this machine.")] = "127.0.0.1",
    port: Annotated[int, typer.Option(help="Port to listen on.")] = 8000,
) -> None:
    """Read the briefing in a browser: overview, sources, people, figures, timeline, documents, search.

    Read-only over the folder's store; a build into the same folder while it runs is picked up.
    """
    from dossier.web import serve as run

    if not (folder / "dossier.duckdb").exists():
        typer.echo(f"{folder} holds no dossier: run `dossier build PATH... --out {folder}` first.", err=True)
        raise typer.Exit(2)
    typer.echo(f"Serving {folder} at http://{host}:{port}/ (Ctrl-C to stop)")
    run(folder, host=host, port=port)


def _short(source: str, width: int = 50) -> str:
    return source if len(source) <= width else "…" + source[-width + 1 :]


def _summary(report: BuildReport) -> None:
    ok = len(report.inputs) - len(report.failed) - len(report.skipped)
    console.print(
        f"[bold]{len(report.inputs)}[/] inputs: [green]{ok} ok[/], [red]{len(report.failed)} failed[/], "
        f"{len(report.skipped)} skipped; {report.new} processed now, the rest already in the store. "
        f"{report.seconds:.1f} s ({', '.join(f'{name} {sec:.1f}' for name, sec in report.stages)})."
    )
    problems = report.failed + report.skipped
    if problems:
        table = Table("status", "input", "why", show_edge=False, header_style="bold")
        for d in problems[:20]:
            table.add_row(d.status, _short(d.source, 60), d.error or "")
        console.print(table)
        if len(problems) > 20:
            console.print(f"… and {len(problems) - 20} more, listed in the briefing.")
    for w in report.warnings:
        console.print(f"[yellow]Warning:[/] {w}")
    console.print(f"Briefing: [bold]{report.html_path}[/] (and {report.json_path.name}, store {report.out / 'dossier.duckdb'})")


if __name__ == "__main__":
    app()
