"""The story told from the ledger: figure series, alerts, the timeline, the briefing."""
from __future__ import annotations

import sys
from pathlib import Path
from typing import Optional

import typer
from rich.table import Table
from rich.text import Text

from ..format import qualified
from . import (DbOption, JsonOption, _add_columns, _date, _highlight, _ledger, _print_jsonl, _print_table, _row,
               _shown, err)


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
            latest = qualified(sm["latest_value"], sm["latest_qualifier"])
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
        from ..serve.plot import plot_series

        try:
            plot_series(s, alerts, plot)
        except ValueError as e:
            err.print(f"[red]error:[/] cannot draw {plot}: {e}")
            raise typer.Exit(2)
        err.print(f"plot -> {plot}")
    flagged = {a.point.figure: a.type for a in alerts}
    if as_json:
        from ..consolidate.series import point_record

        _print_jsonl(point_record(s.id, p, flagged.get(p.figure)) for p in s.points)
        return
    columns = _shown(("as of", "published", "value", "source", "alert", "article", "sentence"),
                     secondary=("published", "source"))
    table = Table(title=f"{s.measure} · {s.place or '?'} · {s.category} — {s.label}", expand=True)
    _add_columns(table, columns, text="sentence", ratio=6, fixed=("as of", "published", "value", "alert"),
                 source=2, article=2)
    for p in s.points:
        value = qualified(p.value, p.qualifier)
        cells = {"as of": p.as_of.isoformat(), "published": p.doc_date.isoformat(), "value": value,
                 "source": (p.source or "") + (" (inferred)" if p.source_inferred else ""),
                 "alert": flagged.get(p.figure, ""), "article": f"{p.doc} {p.start}-{p.end}",
                 "sentence": _highlight(p.sentence, p.value_start - p.start, p.value_end - p.start)}
        _row(table, *(cells[c] for c in columns))
    _print_table(table)


def check(db: Path = DbOption, as_json: bool = JsonOption,
          stale_days: int = typer.Option(2, help="A figure printed this many days after a larger one is stale."),
          stale_ratio: float = typer.Option(0.25, help="...if the larger one exceeds it by this share."),
          conflict_tolerance: float = typer.Option(0.10, help="Same-day disagreement allowed between sources."),
          mismatch_days: int = typer.Option(5, help="Age at which a reprinted precise figure is a date mismatch.")):
    """Alerts: stale, regressing, conflicting, revised and mis-dated figures, each with its evidence."""
    from ..synthesize.alerts import AlertConfig

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


def timeline(db: Path = DbOption,
             date_from: Optional[str] = typer.Option(None, "--from", help="First day (YYYY-MM-DD)."),
             date_to: Optional[str] = typer.Option(None, "--to", help="Last day (YYYY-MM-DD)."),
             dates: Optional[int] = typer.Option(None, "--dates", "-n", help="How many days (default: from the data)."),
             sentences: int = typer.Option(1, "--sentences", "-k", help="Sentences per day."),
             query: Optional[str] = typer.Option(None, "--query", "-q", help="Only sentences about these words."),
             as_json: bool = JsonOption):
    """The story's key dates, each told by cited sentences from the articles."""
    from ..synthesize.timeline import timeline_from_store

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


def brief(since: str = typer.Option(..., "--since", help="Report what was published after this day (YYYY-MM-DD)."),
          until: Optional[str] = typer.Option(None, "--until"), db: Path = DbOption,
          fmt: str = typer.Option("md", "--format", "-f", help="md, json or html."),
          output: Optional[Path] = typer.Option(None, "--output", "-o")):
    """What changed since a day: new and changed figures, alerts, new events, new claims by speaker."""
    from ..synthesize.brief import build_brief, to_html, to_json_lines, to_markdown

    writers = {"md": to_markdown, "json": to_json_lines, "html": to_html}
    if fmt not in writers:
        raise typer.BadParameter(f"{fmt!r}: choose md, json or html", param_hint="--format")
    ledger = _ledger(db)
    text = writers[fmt](build_brief(ledger.store, _date(since, "--since"), _date(until, "--until")))
    if output:
        from ..serve.export import atomic_output

        with atomic_output(output) as out:
            out.write(text)
        err.print(f"briefing -> {output}")
    else:
        sys.stdout.write(text)
