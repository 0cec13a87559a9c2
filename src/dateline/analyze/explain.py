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
    from . import claims, figures, numbers, timex  # noqa: F401

    return dict(TABLES)
