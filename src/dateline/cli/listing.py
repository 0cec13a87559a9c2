"""Listing what a ledger holds: figures, claims, entities, one article, the export, full-text search."""
from __future__ import annotations

import sys
from pathlib import Path
from typing import List, Optional

import typer
from rich.text import Text

from .. import cli          # the console as it is when a command runs (tests swap it)
from ..format import number
from ..records import ENTITY_KINDS, MEASURES, SCOPES
from ..store.search_limits import DEFAULT_BUDGET
from . import ChoiceOption, DateOption, DbOption, JsonOption, _article, _highlight, _ledger, _period, _print_jsonl, err
from .tables import Col, print_table


def figures(db: Path = DbOption,
            measure: Optional[str] = ChoiceOption(MEASURES, "measure", "--measure", "-m", help="Only this measure."),
            doc: Optional[str] = typer.Option(None, "--doc", metavar="ARTICLE", help="Only this article's figures."),
            scope: Optional[str] = ChoiceOption(SCOPES, "scope", "--scope",
                                                help="Only this scope (cumulative: the running tolls)."),
            since: Optional[str] = DateOption("--since", "Only figures as of this day or later."),
            until: Optional[str] = DateOption("--until", "Only figures as of this day or earlier."),
            as_json: bool = JsonOption):
    """List figures: value (with its qualifier), measure, group, source, as-of, scope, article and sentence."""
    first, last = _period(since, until)
    ledger = _ledger(db)
    rows = ledger.figures(measure=measure, doc=_article(doc), scope=scope, since=first, until=last)
    if as_json:
        from ..serve.export import figure_records  # same record shape as export

        wanted = {r["id"] for r in rows}
        _print_jsonl(r for r in figure_records(ledger.store) if r["id"] in wanted)
        return

    def cells(r: dict) -> dict:
        # the qualifier reads with the value ("at least 23"): one column fewer for the sentence
        value = number(r["value"]) + (f"–{number(r['value_max'])}" if r["value_max"] else "")
        if r["qualifier"] not in ("exact", "unclear", "range"):
            value = f"{r['qualifier']} {value}"
        return {"value": value, "measure": r["measure"], "group": r["grp"], "source": r["source"] or "—",
                "as of": r["as_of"] or "", "scope": r["scope"], "article": r["doc"],
                "sentence": _highlight(r["sentence"], r["start"] - r["sent_start"], r["end"] - r["sent_start"])}

    # the article and the source are what a fact-checker needs: given up last, never broken
    print_table(f"{len(rows)} figures",
                [Col("value", "whole"), Col("measure", "whole"), Col("group"), Col("source", ratio=2),
                 Col("as of", "whole"), Col("scope", "whole"), Col("article", "whole"),
                 Col("sentence", "text", ratio=6)],
                map(cells, rows),
                steps=[("drop", "scope"), ("drop", "group"), ("drop", "measure"), ("stack", "as of", "value"),
                       ("stack", "article", "source")])


def claims(db: Path = DbOption,
           speaker: Optional[str] = typer.Option(None, "--speaker", "-s", metavar="NAME",
                                                 help="Only claims by a speaker whose name or alias contains this."),
           doc: Optional[str] = typer.Option(None, "--doc", metavar="ARTICLE", help="Only this article's claims."),
           since: Optional[str] = DateOption("--since", "Only claims published on this day or later."),
           until: Optional[str] = DateOption("--until", "Only claims published on this day or earlier."),
           as_json: bool = JsonOption):
    """List attributed claims: date, speaker, cue, content, mode, article."""
    first, last = _period(since, until)
    ledger = _ledger(db)
    rows = ledger.claims(speaker=speaker, doc=_article(doc), since=first, until=last)
    if as_json:
        from ..serve.export import claim_records

        wanted = {r["id"] for r in rows}
        _print_jsonl(r for r in claim_records(ledger.store) if r["id"] in wanted)
        return
    print_table(f"{len(rows)} claims",
                [Col("date", "whole"), Col("speaker", ratio=2), Col("entity", ratio=2), Col("cue"),
                 Col("mode", "whole"), Col("content", "text", ratio=6), Col("article", "whole")],
                ({"date": r["doc_date"], "speaker": r["speaker"] or "—", "entity": r["entity_name"], "cue": r["cue"],
                  "mode": r["mode"], "content": r["content"], "article": r["doc"]} for r in rows),
                steps=[("drop", "entity"), ("drop", "mode"), ("stack", "cue", "speaker"),
                       ("stack", "date", "article")])


def entities(db: Path = DbOption,
             kind: Optional[str] = ChoiceOption(ENTITY_KINDS, "kind", "--kind", help="Only entities of this kind."),
             name: Optional[str] = typer.Option(None, "--name", metavar="TEXT",
                                                help="Only entities whose name or alias contains this."),
             limit: int = typer.Option(0, "--limit", metavar="N", min=0,
                                       help="At most N entities, most cited first (0: all)."),
             as_json: bool = JsonOption):
    """List canonical entities with their aliases and how often they occur."""
    rows = _ledger(db).entities(kind=kind, name=name, limit=limit)
    if as_json:
        _print_jsonl(rows)
        return
    print_table(f"{len(rows)} entities",
                [Col("name", ratio=2), Col("kind", "whole"), Col("articles", "whole"), Col("mentions", "whole"),
                 Col("aliases", "text", ratio=3), Col("id", "whole")],
                ({"name": r["name"], "kind": r["kind"], "articles": str(r["docs"]), "mentions": str(r["mentions"]),
                  "aliases": "; ".join(r["aliases"][:8]), "id": r["id"]} for r in rows),
                steps=[("drop", "mentions"), ("drop", "aliases"), ("stack", "kind", "name"),
                       ("stack", "articles", "name"), ("stack", "name", "id")])


STYLES = {"figure": "bold black on yellow", "claim": "underline cyan", "time": "bold green",
          "mention": "magenta", "cue": "bold cyan"}


def show(doc_id: str = typer.Argument(..., help="Article id (as figures, claims and search list it)."),
         db: Path = DbOption,
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
           kind: Optional[List[str]] = typer.Option(None, "--kind", "-k", metavar="KIND",
                                                    help="Only these records: figure, claim, entity, time, document "
                                                         "(repeatable)."),
           output: Optional[Path] = typer.Option(None, "--output", "-o", metavar="FILE",
                                                 help="File to write (default: standard output).")):
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


def search(query: str = typer.Argument(..., help="Words to find. SQLite FTS5 syntax (AND, OR, NOT, \"a phrase\", "
                                                 "prefix*); a word with a hyphen, dot or apostrophe is a phrase."),
           db: Path = DbOption,
           limit: int = typer.Option(20, "--limit", metavar="N", min=1, help="At most N articles."),
           budget: float = typer.Option(DEFAULT_BUDGET, "--budget", metavar="SECONDS",
                                        help="Stop a search still running after this many seconds."),
           as_json: bool = JsonOption):
    """Full-text search over articles: best matches first, with a snippet. A query with too many terms
    is refused, and one running longer than --budget is stopped, saying how to narrow it."""
    import sqlite3

    from ..store.search_limits import QueryRefused, SearchTooCostly

    if not query.strip():
        raise typer.BadParameter("give a word to search for", param_hint="QUERY")
    if not budget > 0:          # also NaN
        raise typer.BadParameter(f"give a number of seconds above 0, not {budget:g}", param_hint="--budget")
    try:
        rows = _ledger(db).search(query, limit=limit, budget=budget)
    except sqlite3.OperationalError as e:
        from ..store.fts import explain_error

        err.print(Text(f"error: cannot search for {query!r}: {explain_error(str(e))}", style="red"), soft_wrap=True)
        raise typer.Exit(2)
    except QueryRefused as e:
        more = "; or give it more time with --budget SECONDS" if isinstance(e, SearchTooCostly) else ""
        err.print(Text(f"error: {e}{more}", style="red"), soft_wrap=True)
        raise typer.Exit(2)
    if as_json:
        _print_jsonl(rows)
        return
    print_table(f"{len(rows)} articles",
                [Col("article", "whole"), Col("date", "whole"), Col("title", ratio=2), Col("snippet", "text", ratio=4)],
                ({"article": r["id"], "date": r["date"], "title": r["title"], "snippet": r["snippet"]} for r in rows),
                steps=[("drop", "title"), ("stack", "date", "article")])
