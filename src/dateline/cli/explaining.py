"""Why: the rules behind a stored figure, or behind everything found in a text."""
from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Optional

import typer

from .. import cli          # the console as it is when a command runs (tests swap it)
from . import DbOption, _date, _ledger, err


def explain(figure_id: Optional[str] = typer.Argument(None, help="A stored figure's id (as 'figures --json' gives)."),
            text: Optional[str] = typer.Option(None, "--text", help="Explain a text instead: every number, quote and "
                                                                    "time found in it, with the rules."),
            date: Optional[str] = typer.Option(None, "--date", help="The text's date (YYYY-MM-DD; default today)."),
            db: Path = DbOption):
    """Which rules decided a figure (measure, qualifier, source, scope, place, as-of), its series, and why an
    alert was raised or not; or, with --text, every candidate a text gives and the rules that kept or dropped it."""
    if text is not None:
        from ..analyze.explain import describe, explain_text

        day = _date(date, "--date") or dt.date.today()
        for line in describe(explain_text(text, day), text):
            cli.console.print(line, markup=False, highlight=False, soft_wrap=True)
        return
    if not figure_id:
        err.print("[red]error:[/] give a figure id, or --text \"...\" to explain a text")
        raise typer.Exit(2)
    explanation = _ledger(db).explain(figure_id)
    if explanation is None:
        err.print(f"[red]error:[/] no figure {figure_id!r} in {db} (ids look like 'doc#f120-125': see "
                  "'dateline figures --json')")
        raise typer.Exit(1)
    for line in explanation.lines():
        cli.console.print(line, markup=False, highlight=False, soft_wrap=True)
