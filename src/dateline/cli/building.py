"""Building and checking a ledger: ingest, doctor, demo."""
from __future__ import annotations

import shlex
from pathlib import Path
from typing import List, Optional

import typer
from rich.text import Text

from .. import cli          # the console as it is when a command runs (tests swap it)
from ..ingest.document import DEFAULT_MAX_CHARS
from . import DbOption, _date, _ledger, err
from .listing import claims, entities, figures
from .story import check, series


def ingest(inputs: List[Path] = typer.Argument(..., metavar="PATH",
                                               help="Files or directories (walked recursively)."),
           db: Path = DbOption,
           date: Optional[str] = typer.Option(None, "--date", metavar="YYYY-MM-DD",
                                              help="Date for articles that carry none."),
           max_chars: int = typer.Option(DEFAULT_MAX_CHARS, "--max-chars", metavar="N", min=1,
                                         help="Largest article accepted, in characters."),
           workers: int = typer.Option(1, "--workers", "-w", metavar="N", min=1, help="spaCy worker processes."),
           batch_size: int = typer.Option(64, "--batch-size", metavar="N", min=1, help="Articles per transaction."),
           quiet: bool = typer.Option(False, "--quiet", "-q", help="No progress and no summary (problems still).")):
    """Read articles (seed text, JSON Lines, CSV, HTML, RSS/Atom), analyse them and store the ledger."""
    from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    default_date = _date(date, "--date")
    ledger = _ledger(db, read_only=False)
    with Progress(SpinnerColumn(), TextColumn("{task.description}"), BarColumn(),
                  TextColumn("{task.fields[n]} articles"), TimeElapsedColumn(), console=err, disable=quiet,
                  transient=True) as progress:
        task = progress.add_task("ingesting", total=None, n=0)
        report = ledger.ingest(inputs, default_date=default_date, max_chars=max_chars, workers=workers,
                               batch_size=batch_size,
                               on_progress=lambda done, failed: progress.update(task, n=done))
    for p in report.problems:
        err.print(Text(str(p), style="red" if p.level == "error" else "yellow"))
    summary = (f"{report.added} added, {report.updated} updated, {report.unchanged} unchanged, "
               f"{len(report.errors)} failed -> {db}")
    if not quiet:
        err.print(summary)
    ledger.close()
    if report.errors:
        raise typer.Exit(1)


def doctor(db: Path = DbOption):
    """Check the database: integrity, schema version, orphan records, spans out of range. Exit 1 on problems."""
    from ..ledger import Ledger
    from ..store.sqlite import SchemaError, file_problem

    if not db.exists():
        err.print(f"[red]error:[/] no database at {db}")
        raise typer.Exit(2)
    try:
        # an empty file is no ledger to check (opening it for writing would make it one)
        problem = file_problem(db, read_only=True)
        if problem:
            raise SchemaError(problem)
        ledger = Ledger(db, read_only=False)      # the FTS5 integrity check is issued as a write (and upgrades)
    except SchemaError as e:
        err.print(Text(f"problem: {e}", style="red"), soft_wrap=True)
        raise typer.Exit(1)
    problems = ledger.store.doctor()
    counts = ", ".join(f"{ledger.store.count(t)} {t}" for t in ("documents", "figures", "claims", "mentions", "times"))
    owed = len(ledger.store.unconsolidated())
    if owed or (ledger.store.get_state("needs_consolidation") == "1" and ledger.store.count("documents")):
        # an ingest, load or watch that stopped after storing articles, before consolidating them
        what = f"for {owed:,} articles" if owed else "since the database was upgraded"
        problems.append(f"consolidation is owed {what} (duplicate groups, entities, series): run any "
                        "'dateline ingest' on this database, e.g. of the same inputs again, to finish it")
    if problems:
        for p in problems:
            err.print(Text(f"problem: {p}", style="red"))
        err.print(f"{len(problems)} problems in {db} ({counts})")
        raise typer.Exit(1)
    cli.console.print(f"ok: {db}, schema {ledger.store.schema_version}, {counts}")


def demo(db: Path = typer.Option(Path("demo.db"), "--db", metavar="PATH",
                                 help="Database to build from the demo corpus (replaced if it exists).")):
    """Build a ledger from the small demo corpus shipped with dateline and show what it holds."""
    from importlib.resources import files

    corpus = Path(str(files("dateline") / "demo"))
    if db.exists():
        for suffix in ("", "-wal", "-shm"):
            Path(str(db) + suffix).unlink(missing_ok=True)
    err.print(f"ingesting the demo corpus from {corpus}")
    ingest([corpus], db=db, date=None, max_chars=DEFAULT_MAX_CHARS, workers=1, batch_size=64, quiet=False)
    figures(db=db, measure=None, doc=None, scope=None, since=None, until=None, as_json=False)
    claims(db=db, speaker=None, doc=None, since=None, until=None, as_json=False)
    entities(db=db, kind=None, name=None, limit=10, as_json=False)
    series(series_id=None, db=db, measure=None, plot=None, as_json=False)
    check(db=db, as_json=False, stale_days=2, stale_ratio=0.25, conflict_tolerance=0.10, mismatch_days=5)
    # commands to type as printed in a new shell (never wrapped, no placeholder)
    from ..ledger import Ledger

    with Ledger(db, read_only=True) as ledger:
        first = ledger.series()[0].id
    me, where = cli.program(), shlex.quote(str(db))
    cli.console.print("Explore further:")
    for command in (f"show belmoria-0304 --db {where}", f"series {first} --db {where} --plot series.svg",
                    f"report --db {where} -o demo.html", f"serve --db {where}"):
        cli.console.print(Text(f"  {me} {command}"), soft_wrap=True)
