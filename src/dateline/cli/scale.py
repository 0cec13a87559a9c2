"""Scale-out and streaming: analyze (Parquet, local or Dask), load, watch."""
from __future__ import annotations

import sys
from pathlib import Path
from typing import List, Optional

import typer
from rich.text import Text

from ..ingest.document import DEFAULT_MAX_CHARS
from . import DbOption, _date, err


# --- scale-out and streaming: analyze (Parquet, local or Dask), load, watch ---------------------------------
def analyze(inputs: Optional[List[str]] = typer.Argument(
                None, help="Files, directories or fsspec URLs (s3://..., https://...); none: only consolidate."),
            out: str = typer.Option(..., "--out", "-o", help="Parquet dataset (directory or URL) to create or extend."),
            engine: str = typer.Option("local", "--engine", help="local (process pool) or dask."),
            scheduler: Optional[str] = typer.Option(None, "--scheduler",
                                                    help="A running Dask scheduler, e.g. tcp://host:8786."),
            workers: Optional[int] = typer.Option(None, "--workers", "-w",
                                                  help="Worker processes (default: 1 local, 2 Dask LocalCluster)."),
            batch_size: int = typer.Option(32, "--batch-size", help="Articles per task."),
            date: Optional[str] = typer.Option(None, "--date", metavar="YYYY-MM-DD",
                                               help="Date for articles that carry none."),
            max_chars: int = typer.Option(DEFAULT_MAX_CHARS, "--max-chars", help="Largest article accepted."),
            consolidate: bool = typer.Option(True, "--consolidate/--no-consolidate",
                                             help="Duplicate groups and entities over the whole dataset afterwards."),
            read_on_workers: bool = typer.Option(False, "--read-on-workers",
                                                 help="One task per input file, read by the worker (for WARC)."),
            quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress and no summary (problems still).")):
    """Analyse articles into a Parquet ledger (by kind and date), on local processes or a Dask cluster."""
    from ..engines import analyze_to_parquet

    from rich.progress import Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    n = workers if workers is not None else (2 if engine == "dask" and not scheduler else 1)
    with Progress(SpinnerColumn(), TextColumn("{task.description}"), TextColumn("{task.fields[n]} articles"),
                  TimeElapsedColumn(), console=err, disable=quiet, transient=True) as progress:
        task = progress.add_task(f"analysing ({engine})", total=None, n=0)
        try:
            report = analyze_to_parquet(inputs or [], out, engine=engine, workers=n, scheduler=scheduler,
                                        batch_size=batch_size, default_date=_date(date, "--date"),
                                        max_chars=max_chars, consolidate=consolidate,
                                        read_on_workers=read_on_workers,
                                        on_progress=lambda r: progress.update(task, n=r.analysed))
        except ValueError as e:
            err.print(f"[red]error:[/] {e}")
            raise typer.Exit(2)
    for p in report.problems:
        err.print(Text(str(p), style="red" if p.level == "error" else "yellow"))
    if not quiet:
        c = report.consolidation
        err.print(f"{report.analysed} analysed ({report.new_versions} new versions), {report.unchanged} unchanged, "
                  f"{len(report.errors)} failed in {report.seconds:.1f}s "
                  f"({report.articles_per_second:.1f} articles/s, {report.engine}) -> {out}")
        if c:
            err.print(f"consolidated in {report.consolidate_seconds:.1f}s: {c['entities']} entities, "
                      f"{c['dup_groups']} duplicate groups ({c['dup_mode']}), {c['series']} series, "
                      f"{c['alerts']} alerts, {c['timeline_days']} timeline days")
    if report.errors:
        raise typer.Exit(1)


def load(dataset: str = typer.Argument(..., help="A Parquet ledger written by 'dateline analyze'."),
         db: Path = DbOption, batch_size: int = typer.Option(256, "--batch-size", help="Articles per transaction."),
         quiet: bool = typer.Option(False, "--quiet", "-q", help="No summary (problems still).")):
    """Load a Parquet ledger into the SQLite store (new and changed articles only), then consolidate."""
    from ..engines import load_parquet
    from ..store import parquet

    if not parquet.has_kind(dataset, "document"):
        err.print(f"[red]error:[/] no Parquet ledger at {dataset} (write one with 'dateline analyze --out')")
        raise typer.Exit(2)
    from ..engines import LoadError

    try:
        report = load_parquet(dataset, db, batch_size=batch_size)
    except LoadError as e:
        err.print(Text(f"error: {e}", style="red"), soft_wrap=True)
        raise typer.Exit(1)
    if not quiet:
        err.print(f"{report.added} added, {report.updated} updated, {report.unchanged} unchanged "
                  f"in {report.seconds:.1f}s -> {db}")


def watch(feeds: Path = typer.Argument(..., help="A text file with one RSS/Atom feed URL per line."),
          db: Path = DbOption,
          every: str = typer.Option("15m", "--every", help="Interval between passes: 30s, 15m, 2h."),
          once: bool = typer.Option(False, "--once", help="One pass, then exit (1 if a feed failed)."),
          timeout: float = typer.Option(10.0, "--timeout", help="Seconds allowed per HTTP request, all of it."),
          retries: int = typer.Option(2, "--retries", help="Retries of a failed request within a pass."),
          state: Optional[Path] = typer.Option(None, "--state", help="State file (default: <db>.watch.json)."),
          allow_private: bool = typer.Option(False, "--allow-private-addresses",
                                             help="Also fetch entry links and redirects that lead to loopback, "
                                                  "private or link-local addresses (feeds.txt's own URLs may)."),
          quiet: bool = typer.Option(False, "--quiet", "-q", help="Warnings and errors only (no log of each pass).")):
    """Poll feeds, fetch and extract new articles, and ingest them; failing feeds back off, nothing stops."""
    import logging

    from ..watch import Watcher, parse_every

    try:
        interval = parse_every(every)
    except ValueError as e:
        raise typer.BadParameter(str(e), param_hint="--every")
    if not feeds.exists():
        err.print(f"[red]error:[/] no feed list at {feeds}")
        raise typer.Exit(2)
    logging.basicConfig(level=logging.WARNING if quiet else logging.INFO, stream=sys.stderr,
                        format="%(asctime)s %(levelname)s %(message)s")
    with Watcher(db, feeds, every=interval, state_path=state, timeout=timeout, retries=retries,
                 allow_private=allow_private) as watcher:
        if once:
            report = watcher.run_once()
            if report.failed_feeds:
                raise typer.Exit(1)
            return
        err.print(f"watching {feeds} every {every} -> {db} (Ctrl-C to stop)")
        try:
            watcher.run()
        except KeyboardInterrupt:
            err.print("stopped")
