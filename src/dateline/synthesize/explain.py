"""Why a stored figure is what it is: the rules that decided each of its attributes (kept with the figure at
analysis), the series it was filed under, and why an alert was or was not raised on it.

    from dateline import Ledger
    with Ledger("dateline.db") as ledger:
        print("\\n".join(ledger.explain("reuters_1101#f120-125").lines()))
"""
from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Optional

from ..consolidate.series import scope_by_default
from ..format import qualified


@dataclass
class FigureExplanation:
    figure: dict                                  # the stored figure (as Store.figures gives it)
    rules: list[str] = field(default_factory=list)
    series: Optional[object] = None               # consolidate.series.Series, when filed in one
    alerts: list = field(default_factory=list)    # synthesize.alerts.Alert on this figure
    why_no_alert: Optional[str] = None

    def lines(self) -> list[str]:
        f = self.figure
        value = qualified(f["value"], f["qualifier"], f["value_max"])
        out = [f"figure {f['id']}: {f['measure']} {value}",
               f"  sentence [{f['doc']} {f['sent_start']}-{f['sent_end']}]: {f['sentence']}",
               f"  scope {f['scope']} | place {f['place'] or '-'}"
               + (" (the article's)" if f.get("place_inferred") else "")
               + (f" in {f['place_within']}" if f.get("place_within") else "")
               + f" | source {f['source'] or '-'} | as of {f['as_of'] or f['doc_date']} | group {f['grp'] or '-'}"
               + (f" | part of {f['parent']}" if f["parent"] else "")
               + (f" | breakdown '{f['breakdown']}'" if f.get("breakdown") else "")
               + (" | said to be revised down" if f.get("revised") else ""),
               "  rules (=> decided):"]
        out += ["    " + r for r in self.rules] or ["    (none stored: analysed before rules were kept; re-ingest)"]
        if self.series is not None:
            s = self.series
            out.append(f"  series {s.id}: {s.measure} · {s.place or '?'} · {s.category} · {s.label} "
                       f"({len(s.points)} points)")
        else:
            out.append("  series: none (only cumulative figures of a counted group form series)")
        for a in self.alerts:
            out.append(f"  alert {a.type}: {a.explanation}")
        if not self.alerts and self.why_no_alert:
            out.append(f"  no alert: {self.why_no_alert}")
        return out


def explain_figure(store, figure_id: str, series: Optional[list] = None, alerts: Optional[list] = None
                   ) -> Optional[FigureExplanation]:
    """The explanation of one stored figure, or None when there is no such figure."""
    from ..consolidate.series import build_series
    from .alerts import check

    f = store.figure(figure_id)
    if f is None:
        return None
    out = FigureExplanation(figure=f, rules=json.loads(f["rules"]) if f.get("rules") else [])
    series = build_series(store) if series is None else series
    out.series = next((s for s in series if any(p.figure == figure_id for p in s.points)), None)
    alerts = check(series) if alerts is None else alerts
    out.alerts = [a for a in alerts if a.point.figure == figure_id]
    if not out.alerts:
        out.why_no_alert = why_no_alert(f, out.series is not None, out.series.place if out.series else None)
    return out


def split_rules(rules: list[str]) -> list[dict]:
    """The stored trace lines as ``{decided, table, rule, note}`` (``=> table:rule  (note)`` decided it)."""
    out = []
    for line in rules:
        decided = line.lstrip().startswith("=>")
        body = line.strip().removeprefix("=>").strip()
        head, _, note = body.partition("  (")
        table, _, rule = head.partition(":")
        out.append({"decided": decided, "table": table, "rule": rule or head,
                    "note": note[:-1] if note.endswith(")") else note})
    return out


def why_no_alert(f: dict, in_series: bool, series_place: Optional[str]) -> str:
    """Why no alert was raised on a figure, from the figure and where it was filed."""
    if f["scope"] != "cumulative":
        return f"its scope is {f['scope']}: only running tolls are compared"
    if not in_series:
        if f.get("breakdown") or f["parent"]:
            return "it is a part of a total (a sub-group or a breakdown line), not a toll"
        return "it is in no series"
    if not series_place:
        return "no place holds it (its text names none, or the story's figures do not bear out its article's), " \
               "so it is compared with nothing"
    if f["measure"] not in ("killed", "wounded", "evacuated", "aid_trucks", "hostages"):
        return f"{f['measure']} counts go down for good reasons: not checked for staleness or regressions"
    if scope_by_default(f):
        return "nothing earlier in its toll that is told as a running toll is larger beyond the thresholds (its own " \
               "scope is unclear: a running toll only by default, so it is compared only with figures told as " \
               "tolls), nor does its source contradict it"
    return "nothing earlier in its toll is larger beyond the thresholds, nor does its source contradict it"
