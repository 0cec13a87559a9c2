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


def _version(value: bool) -> None:
    if value:
        from .. import __version__

        console.print(f"dateline {__version__}", soft_wrap=True)
        raise typer.Exit()


@app.callback()
def _options(version: bool = typer.Option(False, "--version", callback=_version, is_eager=True,
                                          help="Print dateline's version and exit.")) -> None:
    """dateline: an evidence-linked ledger of figures, claims, dates and entities from news."""

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


DbOption = typer.Option(Path("dateline.db"), "--db", metavar="PATH", envvar="DATELINE_DB",
                        help="The ledger: a SQLite database built by 'dateline ingest'.")
JsonOption = typer.Option(False, "--json", help="Print JSON Lines (the export schema) instead of a table.")


def _flags_take_no_value() -> None:
    """Typer's help shows a type after every option, flags too ("--json <bool>"), as though a flag
    took a value: show none for flags (what ``--json`` and ``--help`` are)."""
    try:
        from typer.core import TyperOption
    except ImportError:         # another Typer: its own help
        return
    shown = getattr(TyperOption, "display_type_rich", None)
    if shown is None or getattr(shown, "flags_take_no_value", False):
        return

    def display_type_rich(self, ctx):
        return None if getattr(self, "is_flag", False) else shown(self, ctx)

    display_type_rich.flags_take_no_value = True
    TyperOption.display_type_rich = display_type_rich


_flags_take_no_value()

# What a user may mean by a word that is not one of a vocabulary's values (the nearest by spelling
# is suggested otherwise).
SYNONYMS = {
    "killed": ("dead", "death", "deaths", "died", "fatalities", "toll", "kill"),
    "wounded": ("injured", "injuries", "hurt", "wounds"),
    "hostages": ("hostage", "captives", "abducted", "kidnapped"),
    "displaced": ("refugees", "homeless"),
    "aid_trucks": ("trucks", "aid", "convoys"),
    "evacuated": ("evacuees", "evacuation", "evacuations"),
    "person": ("people", "persons", "per", "who"),
    "organisation": ("organization", "organizations", "organisations", "org", "orgs"),
    "place": ("places", "location", "locations", "loc", "gpe", "where"),
    "group": ("groups", "norp", "nationality", "nationalities"),
    "cumulative": ("total", "running", "overall"),
}


def _key(word: str) -> str:
    return "".join(ch for ch in word.casefold() if ch.isalnum())


def choice(value: Optional[str], choices: Sequence[str], what: str) -> Optional[str]:
    """``value`` as one of ``choices`` (case, hyphens and underscores aside: "Aid-Trucks" is
    aid_trucks), else a usage error naming the valid values and the nearest one."""
    import difflib

    if value is None:
        return None
    by_key = {_key(c): c for c in choices}
    if _key(value) in by_key:
        return by_key[_key(value)]
    near = next((c for c in choices if _key(value) in map(_key, SYNONYMS.get(c, ()))), None)
    if near is None:
        close = difflib.get_close_matches(_key(value), list(by_key), n=1, cutoff=0.5)
        near = by_key[close[0]] if close else None
    hint = f"did you mean {near!r}? " if near else ""
    raise typer.BadParameter(f"{value!r} is not a {what}; {hint}choose one of: {', '.join(choices)}.")


def choices(values: Sequence[str], what: str):
    """A Typer callback checking an option against a vocabulary (see :func:`choice`)."""
    return lambda value: choice(value, values, what)


def ChoiceOption(values: Sequence[str], what: str, *names: str, help: str):
    return typer.Option(None, *names, metavar=what.upper().replace(" ", "-"), callback=choices(values, what),
                        help=f"{help} One of: {', '.join(values)}.")


def DateOption(name: str, help: str, default=None):
    return typer.Option(default, name, metavar="YYYY-MM-DD", help=help)


def _ledger(db: Path, read_only: bool = True):
    from ..ledger import Ledger

    from ..store.sqlite import SchemaError

    try:
        return Ledger(db, read_only=read_only)
    except (FileNotFoundError, SchemaError) as e:      # missing, not a ledger, another version's
        err.print(Text(f"error: {e}", style="red"), soft_wrap=True)
        raise typer.Exit(2)


def _article(doc: Optional[str]) -> Optional[str]:
    """An article id given with --doc: an empty one is refused rather than read as no filter."""
    if doc is not None and not doc.strip():
        raise typer.BadParameter("give an article id (as 'figures --json' shows in 'doc'), not an empty one",
                                 param_hint="--doc")
    return doc


def _date(value: Optional[str], name: str) -> Optional[dt.date]:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise typer.BadParameter(f"{value!r} is not a date (YYYY-MM-DD)", param_hint=name)


def program() -> str:
    """This command as a user types it in a new shell: ``dateline`` when that is on the PATH and is
    this program, else its path (``.venv/bin/dateline`` after ``make demo``: nothing is put on the
    PATH), else ``python -m dateline.cli`` with this interpreter."""
    import os
    import shutil

    here = Path(sys.argv[0]) if sys.argv and sys.argv[0] else None
    if here is None or here.name != "dateline" or not here.is_file():
        here = Path(sys.executable).parent / "dateline"       # run as python -m, or from a test
        if not here.is_file():
            return f"{_relative(Path(sys.executable))} -m dateline.cli"
    on_path = shutil.which("dateline")
    if on_path and os.path.samefile(on_path, here):
        return "dateline"
    return _relative(here)


def _relative(path: Path) -> str:
    """``path`` as typed from the current folder: relative below it (``.venv/bin/dateline``), else absolute."""
    import os

    absolute = os.path.abspath(path)
    relative = os.path.relpath(absolute)
    return absolute if relative.startswith("..") else relative if os.sep in relative else f".{os.sep}{relative}"


def _period(since: Optional[str], until: Optional[str]) -> tuple[Optional[dt.date], Optional[dt.date]]:
    """``--since`` and ``--until`` as days, the first not after the second."""
    first, last = _date(since, "--since"), _date(until, "--until")
    if first and last and first > last:
        raise typer.BadParameter(f"{since} is after --until {until}", param_hint="--since")
    return first, last


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

    from ..store.sqlite import SchemaError

    try:
        app()
    except SchemaError as e:
        # a --db that is no ledger (another file, an empty one) or another version's: what it is, what to do
        err.print(Text(f"error: {e}", style="red"), soft_wrap=True)
        sys.exit(2)
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
