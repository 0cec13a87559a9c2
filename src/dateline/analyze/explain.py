"""Why the analysis found what it found: every candidate of a text with the rules that decided it.

    from dateline.analyze.explain import explain_text
    for trace in explain_text("At least 12 people were killed on Sunday, police said.", date).traces:
        print(trace.kind, trace.label, trace.outcome)
        print("\\n".join(trace.lines()))

``dateline explain --text ... --date D`` prints the same. The rule tests run every table's
examples through :func:`fired_rules`.
"""
from __future__ import annotations

import datetime as dt
import functools
from dataclasses import dataclass

from ..records import Analysis
from .rules import TABLES, Table, Trace, collecting

# The date examples and counter-examples of rules are read against (a Monday).
EXAMPLE_DATE = dt.date(2024, 3, 4)


@dataclass
class Explained:
    analysis: Analysis
    traces: list[Trace]


def explain_text(text: str, date: dt.date = EXAMPLE_DATE, doc_id: str = "text") -> Explained:
    """Analyse one text as ``ingest`` would (same sentence filter) and keep every candidate's trace."""
    from .pipeline import analyze_text

    with collecting() as traces:
        analysis = analyze_text(text, doc_id, date)
    traces.sort(key=lambda t: (t.start, t.end, t.kind))
    return Explained(analysis, traces)


@functools.lru_cache(maxsize=4096)
def fired_rules(text: str, date: dt.date = EXAMPLE_DATE) -> frozenset[str]:
    """``table:rule`` of every rule that held on some candidate of ``text``."""
    return frozenset(r for t in explain_text(text, date).traces for r in t.fired)


def all_tables() -> dict[str, Table]:
    """Every rule table of the extractors (importing them registers their tables)."""
    from . import claims, numbers, timex  # noqa: F401
    from .figures import extract  # noqa: F401  (the package imports it on first use)

    return dict(TABLES)


def describe(explained: Explained, text: str) -> list[str]:
    """Plain lines for a reader: each candidate in text order, what became of it, the rules that decided,
    then what was extracted (figures with every attribute, claims, times)."""
    a = explained.analysis
    figures = {(f.span.start, f.span.end): f for f in a.figures}
    out = []
    for t in explained.traces:
        where = f"[{t.start}:{t.end}]"
        out.append(f"{t.kind} {t.label!r} {where} -> {t.outcome or 'kept'}")
        f = figures.get((t.start, t.end)) if t.kind == "number" else None
        if f is not None:
            out.append(f"    figure: {f.measure} {f.qualifier} {f.value:,.0f}"
                       + (f"-{f.value_max:,.0f}" if f.value_max else "")
                       + f" | scope {f.scope} | place {f.place or '-'}"
                       + (" (the article's)" if f.place_inferred else "")
                       + f" | source {f.source or '-'} | as of {f.as_of} | group {f.group or '-'}"
                       + (f" | part of {f.parent}" if f.parent else ""))
        out.extend("    " + line for line in t.lines())
    for c in a.claims:
        out.append(f"claim [{c.content.start}:{c.content.end}] {c.mode}: {c.speaker or '?'} {c.cue or ''} -> "
                   f"{text[c.content.start:c.content.end][:100]!r}")
    for tm in a.times:
        out.append(f"time {tm.text!r} [{tm.span.start}:{tm.span.end}] {tm.type} {tm.value}"
                   + (" (since)" if tm.since else ""))
    return out
