"""Listing what a ledger holds: figures, claims, entities, one article, the export, full-text search."""
from __future__ import annotations

import sys
from pathlib import Path
from typing import List, Optional

import typer
from rich.table import Table
from rich.text import Text

from .. import cli          # the console as it is when a command runs (tests swap it)
from ..format import number
from . import (DbOption, JsonOption, _add_columns, _date, _highlight, _ledger, _print_jsonl, _print_table, _row,
               _shown, err)


def figures(db: Path = DbOption,
            measure: Optional[str] = typer.Option(None, "--measure", "-m", help="killed, wounded, hostages, ..."),
            doc: Optional[str] = typer.Option(None, "--doc"),
            scope: Optional[str] = typer.Option(None, "--scope", help="cumulative, period, incident, planned, ..."),
            since: Optional[str] = typer.Option(None, "--since"), until: Optional[str] = typer.Option(None, "--until"),
            as_json: bool = JsonOption):
    """List figures: value (with its qualifier), measure, group, source, as-of, scope, article and sentence."""
    ledger = _ledger(db)
    rows = ledger.figures(measure=measure, doc=doc, scope=scope, since=_date(since, "--since"),
                          until=_date(until, "--until"))
    if as_json:
        from ..serve.export import figure_records  # same record shape as export

        wanted = {r["id"] for r in rows}
        _print_jsonl(r for r in figure_records(ledger.store) if r["id"] in wanted)
        return
    columns = _shown(("value", "measure", "group", "source", "as of", "scope", "article", "sentence"),
                     secondary=("group", "source", "scope"))
    table = Table(title=f"{len(rows)} figures" + ("" if "source" in columns else " (group, source, scope: --json)"),
                  show_lines=False, expand=True)
    # the qualifier reads with the value ("at least 23"): one column fewer for the sentence
    _add_columns(table, columns, text="sentence", ratio=8, fixed=("value", "measure", "as of"), source=2, scope=2,
                 article=2)
    for r in rows:
        value = number(r["value"]) + (f"–{number(r['value_max'])}" if r["value_max"] else "")
        if r["qualifier"] not in ("exact", "unclear", "range"):
            value = f"{r['qualifier']} {value}"
        cells = {"value": value, "measure": r["measure"], "group": r["grp"] or "", "source": r["source"] or "",
                 "as of": r["as_of"] or "", "scope": r["scope"], "article": r["doc"],
                 "sentence": _highlight(r["sentence"], r["start"] - r["sent_start"], r["end"] - r["sent_start"])}
        _row(table, *(cells[c] for c in columns))
    _print_table(table)


def claims(db: Path = DbOption, speaker: Optional[str] = typer.Option(None, "--speaker", "-s"),
           doc: Optional[str] = typer.Option(None, "--doc"), as_json: bool = JsonOption):
    """List attributed claims: speaker, cue, content, mode, article."""
    ledger = _ledger(db)
    rows = ledger.claims(speaker=speaker, doc=doc)
    if as_json:
        from ..serve.export import claim_records

        wanted = {r["id"] for r in rows}
        _print_jsonl(r for r in claim_records(ledger.store) if r["id"] in wanted)
        return
    table = Table(title=f"{len(rows)} claims", expand=True)
    _add_columns(table, ("speaker", "entity", "cue", "mode", "content", "article"), text="content", ratio=5,
                 speaker=2, entity=2, article=2)
    for r in rows:
        _row(table, r["speaker"] or "—", r["entity_name"] or "", r["cue"] or "", r["mode"], r["content"], r["doc"])
    _print_table(table)


def entities(db: Path = DbOption,
             kind: Optional[str] = typer.Option(None, "--kind", help="person, organisation, place, group"),
             name: Optional[str] = typer.Option(None, "--name"), limit: int = typer.Option(0, "--limit"),
             as_json: bool = JsonOption):
    """List canonical entities with their aliases and how often they occur."""
    rows = _ledger(db).entities(kind=kind, name=name, limit=limit)
    if as_json:
        _print_jsonl(rows)
        return
    table = Table(title=f"{len(rows)} entities", expand=True)
    for col in ("name", "kind", "articles", "mentions", "aliases", "id"):
        table.add_column(col, overflow="fold")
    for r in rows:
        _row(table, r["name"], r["kind"], str(r["docs"]), str(r["mentions"]), "; ".join(r["aliases"][:8]), r["id"])
    _print_table(table)


STYLES = {"figure": "bold black on yellow", "claim": "underline cyan", "time": "bold green",
          "mention": "magenta", "cue": "bold cyan"}


def show(doc_id: str = typer.Argument(..., help="Article id."), db: Path = DbOption,
         as_json: bool = JsonOption):
    """Print an article with its extracted items highlighted."""
    ledger = _ledger(db)
    document = ledger.document(doc_id)
    if document is None:
        err.print(f"[red]error:[/] no article {doc_id!r} in {db}")
        raise typer.Exit(2)
    items = ledger.items(doc_id)
    if as_json:
        _print_jsonl([{"doc": doc_id, "date": document.date.isoformat(), "title": document.title,
                       "text": document.text, "items": items}])
        return
    text = Text(document.text)
    for c in items["claim"]:
        text.stylize(STYLES["claim"], c["content_start"], c["content_end"])
        if c["cue_start"] is not None:
            text.stylize(STYLES["cue"], c["cue_start"], c["cue_end"])
    for kind in ("mention", "time", "figure"):
        for it in items[kind]:
            text.stylize(STYLES[kind], it["start"], it["end"])
    head = f"{doc_id} · {document.date.isoformat()}" + (f" · {document.title}" if document.title else "")
    cli.console.rule(head)
    cli.console.print(text)
    cli.console.rule()
    legend = Text("  ").join(Text(k, style=s) for k, s in STYLES.items())
    cli.console.print(legend)
    counts = ", ".join(f"{len(v)} {k}s" for k, v in items.items())
    cli.console.print(f"{counts}; dup group: {document.dup_group or '—'}")


def export(db: Path = DbOption,
           kind: Optional[List[str]] = typer.Option(None, "--kind", "-k",
                                                    help="figure, claim, entity, time, document (repeatable)."),
           output: Optional[Path] = typer.Option(None, "--output", "-o", help="File to write (default stdout).")):
    """Write the ledger as JSON Lines, one record per item (schema: dateline/schema/export.schema.json)."""
    from ..serve.export import atomic_output, write_jsonl

    ledger = _ledger(db)
    try:
        records = ledger.export(kind or None)
        if output:
            with atomic_output(output) as out:          # whole or not at all
                n = write_jsonl(records, out)
            err.print(f"{n} records -> {output}")
        else:
            write_jsonl(records, sys.stdout)
    except ValueError as e:
        err.print(f"[red]error:[/] {e}")
        raise typer.Exit(2)


def search(query: str, db: Path = DbOption, limit: int = typer.Option(20, "--limit"), as_json: bool = JsonOption):
    """Full-text search over articles (SQLite FTS5 syntax)."""
    import sqlite3

    try:
        rows = _ledger(db).search(query, limit=limit)
    except sqlite3.OperationalError as e:
        err.print(f"[red]error:[/] cannot search for {query!r}: {e}")
        raise typer.Exit(2)
    if as_json:
        _print_jsonl(rows)
        return
    table = Table(title=f"{len(rows)} articles", expand=True)
    for col in ("article", "date", "title", "snippet"):
        table.add_column(col, overflow="fold")
    for r in rows:
        _row(table, r["id"], r["date"], r["title"] or "", r["snippet"])
    _print_table(table)
