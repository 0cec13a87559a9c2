"""The story told from the ledger: figure series, alerts, the timeline, the briefing."""
from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import Optional

import typer
from rich.text import Text

from ..format import qualified
from ..records import MEASURES
from . import ChoiceOption, DateOption, choices, DbOption, JsonOption, _date, _highlight, _ledger, _print_jsonl, err
from .tables import Col, print_table

BRIEF_FORMATS = ("md", "json", "html")


def series(series_id: Optional[str] = typer.Argument(None, help="A series id (as listed): show its points."),
           db: Path = DbOption,
           measure: Optional[str] = ChoiceOption(MEASURES, "measure", "--measure", "-m", help="Only this measure."),
           plot: Optional[Path] = typer.Option(None, "--plot", metavar="FILE",
                                               help="Draw the series to an .svg or .png file."),
           as_json: bool = JsonOption):
    """Figure series: each toll by measure, place, category and source, followed over time."""
    ledger = _ledger(db)
    all_series = ledger.series(measure=measure)
    if series_id is None:
        if as_json:
            _print_jsonl(s.summary() for s in all_series)
            return

        def cells(s) -> dict:
            sm = s.summary()
            return {"id": s.id, "measure": s.measure, "place": s.place or "?", "category": s.category,
                    "source": s.label, "latest": qualified(sm["latest_value"], sm["latest_qualifier"]),
                    "as of": sm["latest_as_of"], "reports": str(sm["reports"])}

        # the id is what `dateline series ID` takes: never broken (its words say measure, place, category)
        print_table(f"{len(all_series)} series",
                    [Col("id", "whole"), Col("measure", "whole"), Col("place"), Col("category"),
                     Col("source", ratio=2), Col("latest", "whole"), Col("as of", "whole"), Col("reports", "whole")],
                    map(cells, all_series),
                    steps=[("drop", "category"), ("drop", "place"), ("drop", "measure"), ("drop", "reports"),
                           ("stack", "as of", "latest"), ("stack", "source", "id")])
        return
    chosen = [s for s in all_series if s.id == series_id]
    if not chosen:
        err.print(Text(f"error: no series {series_id!r} in {db}; 'dateline series' lists them", style="red"),
                  soft_wrap=True)
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

    def point(p) -> dict:
        return {"as of": p.as_of.isoformat(), "published": p.doc_date.isoformat(),
                "value": qualified(p.value, p.qualifier),
                "source": (p.source or "—") + (" (inferred)" if p.source_inferred else ""),
                "alert": flagged.get(p.figure, ""), "article": f"{p.doc} {p.start}-{p.end}",
                "sentence": _highlight(p.sentence, p.value_start - p.start, p.value_end - p.start)}

    print_table(f"{s.measure} · {s.place or '?'} · {s.category} — {s.label}",
                [Col("as of", "whole"), Col("published", "whole"), Col("value", "whole"), Col("alert", "whole"),
                 Col("source", ratio=2), Col("article", ratio=2), Col("sentence", "text", ratio=6)],
                map(point, s.points),
                steps=[("drop", "published"), ("stack", "as of", "value"), ("stack", "alert", "value"),
                       ("stack", "article", "source")])


def check(db: Path = DbOption, as_json: bool = JsonOption,
          stale_days: int = typer.Option(2, metavar="DAYS", min=0,
                                         help="A figure printed this many days after a larger one is stale..."),
          stale_ratio: float = typer.Option(0.25, metavar="SHARE", min=0.0,
                                            help="...if the larger one exceeds it by this share."),
          conflict_tolerance: float = typer.Option(0.10, metavar="SHARE", min=0.0,
                                                   help="Same-day disagreement allowed between sources."),
          mismatch_days: int = typer.Option(5, metavar="DAYS", min=0,
                                            help="Age at which a reprinted precise figure is a date mismatch.")):
    """Alerts: stale, regressing, conflicting, revised and mis-dated figures, each with its evidence."""
    from ..synthesize.alerts import AlertConfig
    from ..synthesize.alerts import check as alerts_of

    cfg = AlertConfig(stale_days=stale_days, stale_ratio=stale_ratio, conflict_tolerance=conflict_tolerance,
                      mismatch_days=mismatch_days)
    all_series = _ledger(db).series()
    alerts = alerts_of(all_series, cfg)
    if as_json:
        _print_jsonl(a.to_json() for a in alerts)
        return
    by_id = {s.id: s for s in all_series}
    styles = {"stale": "red", "regression": "dark_orange", "conflict": "magenta", "revision": "green",
              "date_mismatch": "yellow"}

    def cells(a) -> dict:
        s = by_id.get(a.series)
        # what is counted: the explanation gives the numbers, this says of what
        toll = f"{s.measure} · {s.place or '?'} · {s.category}" if s else ""
        return {"type": Text(a.type, style=styles.get(a.type, "")), "published": a.point.doc_date.isoformat(),
                "toll": toll, "article": a.point.doc, "explanation": a.explanation}

    # an alert's type is one word: never broken ("revis/ion" in an 80-column terminal)
    print_table(f"{len(alerts)} alerts",
                [Col("type", "whole"), Col("published", "whole"), Col("toll", ratio=2), Col("article", "whole"),
                 Col("explanation", "text", ratio=6)],
                map(cells, alerts),
                steps=[("stack", "published", "type"), ("stack", "toll", "article")])


def timeline(db: Path = DbOption,
             date_from: Optional[str] = DateOption("--from", "First day."),
             date_to: Optional[str] = DateOption("--to", "Last day."),
             dates: Optional[int] = typer.Option(None, "--dates", "-n", metavar="N", min=1,
                                                 help="How many days (default: from the data)."),
             sentences: int = typer.Option(1, "--sentences", "-k", metavar="K", min=1, help="Sentences per day."),
             query: Optional[str] = typer.Option(None, "--query", "-q", metavar="WORDS",
                                                 help="Only sentences about these words."),
             as_json: bool = JsonOption):
    """The story's key dates, each told by cited sentences from the articles."""
    from ..synthesize.timeline import timeline_from_store

    first, last = _date(date_from, "--from"), _date(date_to, "--to")
    if first and last and first > last:
        raise typer.BadParameter(f"{date_from} is after --to {date_to}", param_hint="--from")
    ledger = _ledger(db)
    entries = timeline_from_store(ledger.store, n_dates=dates, k_sentences=sentences,
                                  date_from=first, date_to=last, query=query)
    if as_json:
        _print_jsonl(e.to_json() for e in entries)
        return
    print_table(f"timeline: {len({e.date for e in entries})} days",
                [Col("date", "whole"), Col("what happened", "text", ratio=6), Col("sources", "whole"),
                 Col("cited", ratio=2)],
                ({"date": e.date.isoformat(), "what happened": e.text, "sources": str(e.salience),
                  "cited": f"{e.evidence[0].doc} {e.evidence[0].start}-{e.evidence[0].end}"} for e in entries),
                steps=[("stack", "sources", "date")])


def brief(since: str = typer.Option(..., "--since", metavar="YYYY-MM-DD",
                                    help="Report what was published after this day."),
          until: Optional[str] = DateOption("--until", "...and up to this day (default: the ledger's last day)."),
          db: Path = DbOption,
          fmt: str = typer.Option("md", "--format", "-f", metavar="FORMAT", callback=choices(BRIEF_FORMATS, "format"),
                                  help="md (Markdown), json (JSON Lines) or html."),
          output: Optional[Path] = typer.Option(None, "--output", "-o", metavar="FILE",
                                                help="File to write (default: standard output).")):
    """What changed since a day: new and changed figures, alerts, new events, new claims by speaker."""
    from ..synthesize.brief import build_brief, to_html, to_json_lines, to_markdown

    writers = {"md": to_markdown, "json": to_json_lines, "html": to_html}
    day, last_day = _date(since, "--since"), _date(until, "--until")
    ledger = _ledger(db)
    first, last = ledger.store.publication_range()
    problem = None
    if last is None:
        problem = f"the ledger {db} holds no articles yet"
    elif day >= dt.date.fromisoformat(last):
        # a briefing is what was published after the day: nothing can be, from the ledger's last day on
        before = dt.date.fromisoformat(last) - dt.timedelta(days=1)
        problem = (f"the ledger ends on {last}: nothing in it was published after {day.isoformat()} "
                   f"(its articles run from {first} to {last}; e.g. --since {before.isoformat()})")
    elif last_day is not None and last_day <= day:
        problem = f"--until {last_day.isoformat()} is not after --since {day.isoformat()}"
    if problem:
        err.print(Text(f"error: {problem}", style="red"), soft_wrap=True)
        raise typer.Exit(2)
    text = writers[fmt](build_brief(ledger.store, day, last_day))
    if output:
        from ..serve.export import atomic_output

        with atomic_output(output) as out:
            out.write(text)
        err.print(f"briefing -> {output}")
    else:
        sys.stdout.write(text)
