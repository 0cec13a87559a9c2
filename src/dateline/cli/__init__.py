"""Command line: one small function per command over :class:`dateline.Ledger`.

This package holds the app, its consoles and what the commands share (options, tables);
the commands are in one module per group: :mod:`.building` (ingest, doctor, demo),
:mod:`.listing` (figures, claims, entities, show, export, search), :mod:`.story` (series,
check, timeline, brief), :mod:`.serving` (serve, report), :mod:`.scale` (analyze, load,
watch). They print through ``dateline.cli.console`` as it is when they run.
"""
from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path
from typing import Optional, Sequence

import typer
from rich.console import Console
from rich.table import Table
from rich.text import Text

app = typer.Typer(add_completion=False, no_args_is_help=True,
                  help="dateline: an evidence-linked ledger of figures, claims, dates and entities from news.")
console = Console()
err = Console(stderr=True)

# Below this width a table shows only the columns it cannot do without (the rest: --json)
NARROW = 110


def _shown(columns: Sequence[str], secondary: Sequence[str]) -> list[str]:
    """``columns`` without the ``secondary`` ones in a narrow terminal, where nine columns leave
    one or two characters each."""
    return [c for c in columns if c not in secondary] if console.width < NARROW else list(columns)


def _add_columns(table: Table, columns: Sequence[str], text: str, ratio: int,
                 fixed: Sequence[str] = ("date", "published", "as of", "value", "sources"), **wider: int) -> None:
    """Columns that share the width by ratio (the text column ``ratio``, the ``wider`` ones
    theirs, the others 1), folding their words: with natural widths a long source name or
    a narrow terminal left the text column one character wide."""
    for col in columns:
        if col in fixed:        # a day, a count: as wide as they are, never broken
            table.add_column(col, no_wrap=True)
        else:
            table.add_column(col, overflow="fold", ratio=ratio if col == text else wider.get(col.replace(" ", "_"), 1))


DbOption = typer.Option(Path("dateline.db"), "--db", help="SQLite database file.", envvar="DATELINE_DB")
JsonOption = typer.Option(False, "--json", help="Print JSON Lines instead of a table.")


def _ledger(db: Path, read_only: bool = True):
    from ..ledger import Ledger

    try:
        return Ledger(db, read_only=read_only)
    except FileNotFoundError as e:
        err.print(f"[red]error:[/] {e}")
        raise typer.Exit(2)


def _date(value: Optional[str], name: str) -> Optional[dt.date]:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a date (YYYY-MM-DD)", param_hint=name)


def _print_jsonl(rows) -> None:
    for r in rows:
        sys.stdout.write(json.dumps(r, ensure_ascii=False, default=str) + "\n")


def _print_table(table: Table) -> None:
    """Print ``table`` with its unbroken columns (days, values, ids) as wide as their widest cell:
    when the terminal is narrow, Rich would otherwise cut them ("2024-03-…") before folding the
    text columns."""
    wanted = {}
    for i, col in enumerate(table.columns):
        if col.no_wrap:
            widths = [len(c.plain if isinstance(c, Text) else str(c)) for c in col.cells]
            wanted[i] = min(45, max(widths + [len(str(col.header))]))
    # only when they fit with a few characters for each other column (and the borders): else
    # Rich would crop the table or leave the text columns empty
    others = len(table.columns) - len(wanted)
    if sum(wanted.values()) + 6 * others + 3 * len(table.columns) + 1 <= console.width:
        for i, width in wanted.items():
            table.columns[i].min_width = width
    console.print(table)


def _row(table: Table, *cells) -> None:
    """Cells as plain text: article text may hold "[...]", which Rich would read as markup."""
    table.add_row(*(c if isinstance(c, Text) else Text("" if c is None else str(c)) for c in cells))


def _highlight(sentence: str, start: int, end: int) -> Text:
    t = Text(sentence)
    if 0 <= start < end <= len(sentence):
        t.stylize("bold yellow", start, end)
    return t


# The commands, in the order --help lists them (each module holds one group).
from . import building, explaining, listing, scale, serving, story  # noqa: E402

app.command()(building.ingest)
app.command()(listing.figures)
app.command()(listing.claims)
app.command()(listing.entities)
app.command()(listing.show)
app.command()(listing.export)
app.command()(story.series)
app.command()(story.check)
app.command()(story.timeline)
app.command()(story.brief)
app.command()(explaining.explain)
app.command()(building.doctor)
app.command()(listing.search)
app.command()(building.demo)
app.command()(serving.serve)
app.command()(serving.report)
app.command()(scale.analyze)
app.command()(scale.load)
app.command()(scale.watch)


def main() -> None:
    import errno
    import sqlite3

    try:
        app()
    except (OSError, sqlite3.DatabaseError) as e:
        # a full disk, a read-only folder, a locked or damaged database: one line, not a traceback
        # (what was committed before stays whole: each batch is one transaction); SQLite errors that
        # are dateline's own bugs (integrity, programming) keep theirs
        if isinstance(e, (sqlite3.IntegrityError, sqlite3.ProgrammingError)):
            raise
        where = f" ({e.filename})" if isinstance(e, OSError) and e.filename else ""
        reason = (e.strerror or str(e)) if isinstance(e, OSError) else str(e)
        if "disk is full" in reason or getattr(e, "errno", None) == errno.ENOSPC:
            reason += "; free some space and run the command again (nothing half-written was kept)"
        err.print(Text(f"error: {reason}{where}", style="red"), soft_wrap=True)
        sys.exit(1)
