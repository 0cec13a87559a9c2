"""Drawing a figure series (matplotlib, no display needed): points by qualifier, alerts marked."""
from __future__ import annotations

from pathlib import Path
from typing import Iterable

from ..consolidate.series import Series

# How each qualifier is drawn: open-ended figures point the way they are open.
MARKERS = {"exact": "o", "about": "D", "at least": "^", "more than": "2", "nearly": "v", "up to": "1",
           "range": "s", "unclear": "x"}
ALERT_COLOURS = {"stale": "#d62728", "regression": "#ff7f0e", "conflict": "#9467bd", "revision": "#2ca02c",
                 "date_mismatch": "#8c564b"}


def plot_series(series: Series, alerts: Iterable, out: Path) -> Path:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, ax = plt.subplots(figsize=(9, 4.5), dpi=110)
    pts = sorted(series.points, key=lambda p: (p.as_of, p.value))
    alerts = list(alerts)
    flagged_ids = {a.point.figure for a in alerts}
    # the trend line joins the figures nobody questions
    trend = [p for p in pts if p.figure not in flagged_ids]
    ax.plot([p.as_of for p in trend], [p.value for p in trend], color="#bbbbbb", linewidth=1, zorder=1)
    for qualifier, marker in MARKERS.items():
        chosen = [p for p in pts if p.qualifier == qualifier]
        if chosen:
            ax.scatter([p.as_of for p in chosen], [p.value for p in chosen], marker=marker, s=36,
                       color="#1f77b4", label=qualifier, zorder=2)
    for p in pts:
        if p.qualifier == "range" and p.value_max:
            ax.vlines(p.as_of, p.value, p.value_max, color="#1f77b4", linewidth=2)
    flagged = {}
    for a in alerts:
        if a.series == series.id or any(a.point is p for p in pts):
            flagged.setdefault(a.type, []).append(a.point)
    for kind, points in flagged.items():
        ax.scatter([p.as_of for p in points], [p.value for p in points], s=160, facecolors="none",
                   edgecolors=ALERT_COLOURS.get(kind, "red"), linewidths=2, label=f"alert: {kind}", zorder=3)
    ax.set_title(f"{series.measure} · {series.place or 'unknown place'} · {series.category} — {series.label}",
                 fontsize=10)
    ax.set_ylabel(series.measure)
    ax.grid(alpha=0.3)
    ax.legend(fontsize=8, loc="upper left")
    fig.autofmt_xdate()
    fig.tight_layout()
    out = Path(out)
    fig.savefig(out, format=out.suffix.lstrip(".").lower() or "svg")
    plt.close(fig)
    return out
