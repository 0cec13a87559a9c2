"""Command line: one small function per command over :class:`dateline.Ledger`."""
from __future__ import annotations

import datetime as dt
import json
import sys
from pathlib import Path
from typing import List, Optional, Sequence

import typer
from rich.console import Console
from rich.table import Table
from rich.text import Text

from .ingest.document import DEFAULT_MAX_CHARS

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
    from .ledger import Ledger

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


def _fmt_value(v) -> str:
    if v is None:
        return ""
    return f"{int(v):,}" if float(v).is_integer() else f"{v:,}"


@app.command()
def ingest(inputs: List[Path] = typer.Argument(..., help="Files or directories (walked recursively)."),
           db: Path = DbOption,
           date: Optional[str] = typer.Option(None, "--date", help="Date for articles that carry none (YYYY-MM-DD)."),
           max_chars: int = typer.Option(DEFAULT_MAX_CHARS, "--max-chars", help="Largest article accepted."),
           workers: int = typer.Option(1, "--workers", "-w", help="spaCy worker processes."),
           batch_size: int = typer.Option(64, "--batch-size", help="Articles per transaction."),
           quiet: bool = typer.Option(False, "--quiet", "-q")):
    """Read articles (seed text, JSON Lines, CSV, HTML, RSS/Atom), analyse them and store the ledger."""
    from rich.progress import BarColumn, Progress, SpinnerColumn, TextColumn, TimeElapsedColumn

    default_date = _date(date, "--date")
    ledger = _ledger(db, read_only=False)
    with Progress(SpinnerColumn(), TextColumn("{task.description}"), BarColumn(), TextColumn("{task.fields[n]} articles"),
                  TimeElapsedColumn(), console=err, disable=quiet, transient=True) as progress:
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


@app.command()
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
        from .serve.export import _figures  # same record shape as export

        wanted = {r["id"] for r in rows}
        _print_jsonl(r for r in _figures(ledger.store) if r["id"] in wanted)
        return
    columns = _shown(("value", "measure", "group", "source", "as of", "scope", "article", "sentence"),
                     secondary=("group", "source", "scope"))
    table = Table(title=f"{len(rows)} figures" + ("" if "source" in columns else " (group, source, scope: --json)"),
                  show_lines=False, expand=True)
    # the qualifier reads with the value ("at least 23"): one column fewer for the sentence
    _add_columns(table, columns, text="sentence", ratio=8, fixed=("value", "measure", "as of"), source=2, scope=2,
                 article=2)
    for r in rows:
        value = _fmt_value(r["value"]) + (f"–{_fmt_value(r['value_max'])}" if r["value_max"] else "")
        if r["qualifier"] not in ("exact", "unclear", "range"):
            value = f"{r['qualifier']} {value}"
        cells = {"value": value, "measure": r["measure"], "group": r["grp"] or "", "source": r["source"] or "",
                 "as of": r["as_of"] or "", "scope": r["scope"], "article": r["doc"],
                 "sentence": _highlight(r["sentence"], r["start"] - r["sent_start"], r["end"] - r["sent_start"])}
        _row(table, *(cells[c] for c in columns))
    _print_table(table)


@app.command()
def claims(db: Path = DbOption, speaker: Optional[str] = typer.Option(None, "--speaker", "-s"),
           doc: Optional[str] = typer.Option(None, "--doc"), as_json: bool = JsonOption):
    """List attributed claims: speaker, cue, content, mode, article."""
    ledger = _ledger(db)
    rows = ledger.claims(speaker=speaker, doc=doc)
    if as_json:
        from .serve.export import _claims

        wanted = {r["id"] for r in rows}
        _print_jsonl(r for r in _claims(ledger.store) if r["id"] in wanted)
        return
    table = Table(title=f"{len(rows)} claims", expand=True)
    _add_columns(table, ("speaker", "entity", "cue", "mode", "content", "article"), text="content", ratio=5,
                 speaker=2, entity=2, article=2)
    for r in rows:
        _row(table, r["speaker"] or "—", r["entity_name"] or "", r["cue"] or "", r["mode"], r["content"], r["doc"])
    _print_table(table)


@app.command()
def entities(db: Path = DbOption, kind: Optional[str] = typer.Option(None, "--kind", help="person, organisation, place, group"),
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


@app.command()
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
    console.rule(head)
    console.print(text)
    console.rule()
    legend = Text("  ").join(Text(k, style=s) for k, s in STYLES.items())
    console.print(legend)
    counts = ", ".join(f"{len(v)} {k}s" for k, v in items.items())
    console.print(f"{counts}; dup group: {document.dup_group or '—'}")


@app.command()
def export(db: Path = DbOption,
           kind: Optional[List[str]] = typer.Option(None, "--kind", "-k",
                                                    help="figure, claim, entity, time, document (repeatable)."),
           output: Optional[Path] = typer.Option(None, "--output", "-o", help="File to write (default stdout).")):
    """Write the ledger as JSON Lines, one record per item (schema: dateline/schema/export.schema.json)."""
    from .serve.export import atomic_output, write_jsonl

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


@app.command()
def series(series_id: Optional[str] = typer.Argument(None, help="A series id: show its points."),
           db: Path = DbOption, measure: Optional[str] = typer.Option(None, "--measure", "-m"),
           plot: Optional[Path] = typer.Option(None, "--plot", help="Draw the series to an .svg or .png file."),
           as_json: bool = JsonOption):
    """Figure series: each toll by measure, place, category and source, followed over time."""
    ledger = _ledger(db)
    all_series = ledger.series(measure=measure)
    if series_id is None:
        if as_json:
            _print_jsonl(s.summary() for s in all_series)
            return
        # the id (measure-place-category-…) is what `dateline series ID` takes: unbroken where it fits
        columns = _shown(("id", "measure", "place", "category", "source", "latest", "as of", "reports"),
                         secondary=("measure", "place", "category"))
        narrow = "measure" not in columns
        table = Table(title=f"{len(all_series)} series", expand=True)
        _add_columns(table, columns, text="id" if narrow else "source", ratio=2,
                     fixed=("latest", "as of", "reports") if narrow else ("id", "latest", "as of", "reports"))
        for s in all_series:
            sm = s.summary()
            latest = ("" if sm["latest_qualifier"] in ("exact", "unclear") else sm["latest_qualifier"] + " ") \
                + _fmt_value(sm["latest_value"])
            cells = {"id": s.id, "measure": s.measure, "place": s.place or "", "category": s.category,
                     "source": s.label, "latest": latest, "as of": sm["latest_as_of"], "reports": str(sm["reports"])}
            _row(table, *(cells[c] for c in columns))
        _print_table(table)
        return
    chosen = [s for s in all_series if s.id == series_id]
    if not chosen:
        err.print(f"[red]error:[/] no series {series_id!r}; 'dateline series' lists them")
        raise typer.Exit(2)
    s = chosen[0]
    alerts = [a for a in ledger.check() if a.series == s.id]
    if plot:
        from .serve.plot import plot_series

        try:
            plot_series(s, alerts, plot)
        except ValueError as e:
            err.print(f"[red]error:[/] cannot draw {plot}: {e}")
            raise typer.Exit(2)
        err.print(f"plot -> {plot}")
    flagged = {a.point.figure: a.type for a in alerts}
    if as_json:
        from .consolidate.series import point_record

        _print_jsonl(point_record(s.id, p, flagged.get(p.figure)) for p in s.points)
        return
    columns = _shown(("as of", "published", "value", "source", "alert", "article", "sentence"),
                     secondary=("published", "source"))
    table = Table(title=f"{s.measure} · {s.place or '?'} · {s.category} — {s.label}", expand=True)
    _add_columns(table, columns, text="sentence", ratio=6, fixed=("as of", "published", "value", "alert"),
                 source=2, article=2)
    for p in s.points:
        value = ("" if p.qualifier in ("exact", "unclear") else p.qualifier + " ") + _fmt_value(p.value)
        cells = {"as of": p.as_of.isoformat(), "published": p.doc_date.isoformat(), "value": value,
                 "source": (p.source or "") + (" (inferred)" if p.source_inferred else ""),
                 "alert": flagged.get(p.figure, ""), "article": f"{p.doc} {p.start}-{p.end}",
                 "sentence": _highlight(p.sentence, p.value_start - p.start, p.value_end - p.start)}
        _row(table, *(cells[c] for c in columns))
    _print_table(table)


@app.command()
def check(db: Path = DbOption, as_json: bool = JsonOption,
          stale_days: int = typer.Option(2, help="A figure printed this many days after a larger one is stale."),
          stale_ratio: float = typer.Option(0.25, help="...if the larger one exceeds it by this share."),
          conflict_tolerance: float = typer.Option(0.10, help="Same-day disagreement allowed between sources."),
          mismatch_days: int = typer.Option(5, help="Age at which a reprinted precise figure is a date mismatch.")):
    """Alerts: stale, regressing, conflicting, revised and mis-dated figures, each with its evidence."""
    from .synthesize.alerts import AlertConfig

    cfg = AlertConfig(stale_days=stale_days, stale_ratio=stale_ratio, conflict_tolerance=conflict_tolerance,
                      mismatch_days=mismatch_days)
    alerts = _ledger(db).check(cfg)
    if as_json:
        _print_jsonl(a.to_json() for a in alerts)
        return
    table = Table(title=f"{len(alerts)} alerts", expand=True)
    # an alert's type is one word: never broken ("revis/ion" in an 80-column terminal)
    _add_columns(table, ("type", "published", "article", "explanation"), text="explanation", ratio=6,
                 fixed=("type", "published"), article=2)
    styles = {"stale": "red", "regression": "dark_orange", "conflict": "magenta", "revision": "green",
              "date_mismatch": "yellow"}
    for a in alerts:
        _row(table, Text(a.type, style=styles.get(a.type, "")), a.point.doc_date.isoformat(), a.point.doc,
                      a.explanation)
    _print_table(table)


@app.command()
def timeline(db: Path = DbOption, date_from: Optional[str] = typer.Option(None, "--from", help="First day (YYYY-MM-DD)."),
             date_to: Optional[str] = typer.Option(None, "--to", help="Last day (YYYY-MM-DD)."),
             dates: Optional[int] = typer.Option(None, "--dates", "-n", help="How many days (default: from the data)."),
             sentences: int = typer.Option(1, "--sentences", "-k", help="Sentences per day."),
             query: Optional[str] = typer.Option(None, "--query", "-q", help="Only sentences about these words."),
             as_json: bool = JsonOption):
    """The story's key dates, each told by cited sentences from the articles."""
    from .synthesize.timeline import timeline_from_store

    ledger = _ledger(db)
    entries = timeline_from_store(ledger.store, n_dates=dates, k_sentences=sentences,
                                  date_from=_date(date_from, "--from"), date_to=_date(date_to, "--to"), query=query)
    if as_json:
        _print_jsonl(e.to_json() for e in entries)
        return
    table = Table(title=f"timeline: {len({e.date for e in entries})} days", expand=True)
    _add_columns(table, ("date", "what happened", "sources", "cited"), text="what happened", ratio=6, cited=2)
    for e in entries:
        first = e.evidence[0]
        _row(table, e.date.isoformat(), e.text, str(e.salience), f"{first.doc} {first.start}-{first.end}")
    _print_table(table)


@app.command()
def brief(since: str = typer.Option(..., "--since", help="Report what was published after this day (YYYY-MM-DD)."),
          until: Optional[str] = typer.Option(None, "--until"), db: Path = DbOption,
          fmt: str = typer.Option("md", "--format", "-f", help="md, json or html."),
          output: Optional[Path] = typer.Option(None, "--output", "-o")):
    """What changed since a day: new and changed figures, alerts, new events, new claims by speaker."""
    from .synthesize.brief import build_brief, to_html, to_json_lines, to_markdown

    writers = {"md": to_markdown, "json": to_json_lines, "html": to_html}
    if fmt not in writers:
        raise typer.BadParameter(f"{fmt!r}: choose md, json or html", param_hint="--format")
    ledger = _ledger(db)
    text = writers[fmt](build_brief(ledger.store, _date(since, "--since"), _date(until, "--until")))
    if output:
        from .serve.export import atomic_output

        with atomic_output(output) as out:
            out.write(text)
        err.print(f"briefing -> {output}")
    else:
        sys.stdout.write(text)


@app.command()
def doctor(db: Path = DbOption):
    """Check the database: integrity, schema version, orphan records, spans out of range. Exit 1 on problems."""
    if not db.exists():
        err.print(f"[red]error:[/] no database at {db}")
        raise typer.Exit(2)
    ledger = _ledger(db, read_only=False)      # the FTS5 integrity check is issued as a write
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
    console.print(f"ok: {db}, schema {ledger.store.schema_version}, {counts}")


@app.command()
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


@app.command()
def demo(db: Path = typer.Option(Path("demo.db"), "--db", help="Database to build from the demo corpus.")):
    """Build a ledger from the small demo corpus shipped with dateline and show what it holds."""
    from importlib.resources import files

    corpus = Path(str(files("dateline") / "demo"))
    if db.exists():
        for suffix in ("", "-wal", "-shm"):
            Path(str(db) + suffix).unlink(missing_ok=True)
    err.print(f"ingesting the demo corpus from {corpus}")
    ingest([corpus], db=db, date=None, max_chars=DEFAULT_MAX_CHARS, workers=1, batch_size=64, quiet=False)
    figures(db=db, measure=None, doc=None, scope=None, since=None, until=None, as_json=False)
    claims(db=db, speaker=None, doc=None, as_json=False)
    entities(db=db, kind=None, name=None, limit=10, as_json=False)
    series(series_id=None, db=db, measure=None, plot=None, as_json=False)
    check(db=db, as_json=False, stale_days=2, stale_ratio=0.25, conflict_tolerance=0.10, mismatch_days=5)
    console.print(f"Explore further: dateline show belmoria-0304 --db {db}; dateline series ID --db {db} "
                  f"--plot series.svg; dateline export --db {db}")


LOOPBACK_HOSTS = ("127.0.0.1", "localhost", "::1")


@app.command()
def serve(db: Path = DbOption,
          host: str = typer.Option("127.0.0.1", "--host", help="Address to bind (default: this machine only)."),
          port: int = typer.Option(8000, "--port", help="TCP port.")):
    """Serve the web pages and the JSON API over the ledger (opened read-only); API docs at /docs."""
    import uvicorn

    from .web import create_app

    if host in LOOPBACK_HOSTS:
        allowed = ["127.0.0.1", "localhost", "::1", "[::1]"]
    else:
        err.print(f"[yellow]warning:[/] serving on {host}: anyone who can reach this address can read the ledger")
        allowed = ["*"] if host in ("0.0.0.0", "::") else [host, "127.0.0.1", "localhost"]
    try:
        application = create_app(db, allowed_hosts=allowed)
    except FileNotFoundError as e:
        err.print(f"[red]error:[/] {e}")
        raise typer.Exit(2)
    shown = f"[{host}]" if ":" in host else host
    err.print(f"dateline: serving {db} at http://{shown}:{port}/  (Ctrl-C to stop)")
    uvicorn.run(application, host=host, port=port, log_level="warning")


@app.command()
def report(output: Path = typer.Option(..., "--output", "-o", help="HTML file to write."), db: Path = DbOption,
           max_claims: int = typer.Option(500, "--max-claims", help="Most recent claims included."),
           max_entities: int = typer.Option(100, "--max-entities", help="Most cited entities included.")):
    """Write the story as one self-contained HTML file (overview, timeline, figures, claims, entities, articles)."""
    from .web.report import write_report

    try:
        summary = write_report(db, output, max_claims=max_claims, max_entities=max_entities)
    except FileNotFoundError as e:
        err.print(f"[red]error:[/] {e}")
        raise typer.Exit(2)
    err.print(f"report -> {output} ({summary})")


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


# --- scale-out and streaming: analyze (Parquet, local or Dask), load, watch ---------------------------------
@app.command()
def analyze(inputs: Optional[List[str]] = typer.Argument(
                None, help="Files, directories or fsspec URLs (s3://..., https://...); none: only consolidate."),
            out: str = typer.Option(..., "--out", "-o", help="Parquet dataset (directory or URL) to create or extend."),
            engine: str = typer.Option("local", "--engine", help="local (process pool) or dask."),
            scheduler: Optional[str] = typer.Option(None, "--scheduler",
                                                    help="A running Dask scheduler, e.g. tcp://host:8786."),
            workers: Optional[int] = typer.Option(None, "--workers", "-w",
                                                  help="Worker processes (default: 1 local, 2 Dask LocalCluster)."),
            batch_size: int = typer.Option(32, "--batch-size", help="Articles per task."),
            date: Optional[str] = typer.Option(None, "--date", help="Date for articles that carry none (YYYY-MM-DD)."),
            max_chars: int = typer.Option(DEFAULT_MAX_CHARS, "--max-chars", help="Largest article accepted."),
            consolidate: bool = typer.Option(True, "--consolidate/--no-consolidate",
                                             help="Duplicate groups and entities over the whole dataset afterwards."),
            read_on_workers: bool = typer.Option(False, "--read-on-workers",
                                                 help="One task per input file, read by the worker (for WARC)."),
            quiet: bool = typer.Option(False, "--quiet", "-q")):
    """Analyse articles into a Parquet ledger (by kind and date), on local processes or a Dask cluster."""
    from .engines import analyze_to_parquet

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


@app.command()
def load(dataset: str = typer.Argument(..., help="A Parquet ledger written by 'dateline analyze'."),
         db: Path = DbOption, batch_size: int = typer.Option(256, "--batch-size", help="Articles per transaction."),
         quiet: bool = typer.Option(False, "--quiet", "-q")):
    """Load a Parquet ledger into the SQLite store (new and changed articles only), then consolidate."""
    from .engines import load_parquet
    from .store import parquet

    if not parquet.has_kind(dataset, "document"):
        err.print(f"[red]error:[/] no Parquet ledger at {dataset} (write one with 'dateline analyze --out')")
        raise typer.Exit(2)
    from .engines import LoadError

    try:
        report = load_parquet(dataset, db, batch_size=batch_size)
    except LoadError as e:
        err.print(Text(f"error: {e}", style="red"), soft_wrap=True)
        raise typer.Exit(1)
    if not quiet:
        err.print(f"{report.added} added, {report.updated} updated, {report.unchanged} unchanged "
                  f"in {report.seconds:.1f}s -> {db}")


@app.command()
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
          quiet: bool = typer.Option(False, "--quiet", "-q")):
    """Poll feeds, fetch and extract new articles, and ingest them; failing feeds back off, nothing stops."""
    import logging

    from .watch import Watcher, parse_every

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


if __name__ == "__main__":
    main()
