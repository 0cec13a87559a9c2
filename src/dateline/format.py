"""How a figure's value is written wherever dateline shows one (CLI tables, briefings, alert
explanations, web pages): ``1,234`` with thousands separators and no ``.0``, ``2.5`` as is."""
from __future__ import annotations

from typing import Optional


def number(v) -> str:
    """``1,234``, ``2.5``; ``""`` for no value."""
    if v is None:
        return ""
    return f"{int(v):,}" if float(v).is_integer() else f"{v:,}"


def qualified(value, qualifier: Optional[str], value_max=None) -> str:
    """A value with its qualifier as it reads: ``at least 23``, ``10–12`` (a range with its upper
    bound), ``23`` (exact or unclear)."""
    if qualifier == "range" and value_max:
        return f"{number(value)}–{number(value_max)}"
    qual = "" if qualifier in ("exact", "unclear") else qualifier + " "
    return qual + number(value)
