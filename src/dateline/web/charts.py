"""Vega-Lite specifications for the charts (rendered in the browser by the vendored Vega).

Every point carries a ``link`` to the sentence it came from; ``static/app.js`` makes a
click on a point follow it. Data are embedded in the page as JSON, never fetched.
"""
from __future__ import annotations

import json
from typing import Iterable, Optional

from markupsafe import Markup

from .. import format
from .text import article_href

SCHEMA = "https://vega.github.io/schema/vega-lite/v5.json"   # an identifier only; never fetched
ALERT_COLOURS = {"stale": "#d62728", "regression": "#ff7f0e", "conflict": "#9467bd", "revision": "#2ca02c",
                 "date_mismatch": "#8c564b"}
MAX_CHART_POINTS = 1500
NO_ALERT = "no alert"


def json_script(data) -> Markup:
    """JSON safe to place inside <script type="application/json"> (no "</script>", no HTML)."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    text = text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")
    return Markup(text)


def qualified(p: dict) -> str:
    """A figure's (a row's, a series point's) value with its qualifier."""
    return format.qualified(p["value"], p["qualifier"], p.get("value_max"))


def chart_points(points: Iterable[dict], flagged: dict[str, str], link=article_href,
                 limit: int = MAX_CHART_POINTS) -> list[dict]:
    """One chart point per (day, value, qualifier, source): reprints of the same figure on the same
    day collapse into the first report (``reports`` counts them); alerted points stay separate."""
    out: dict[tuple, dict] = {}
    for p in points:
        alert = flagged.get(p["figure"])
        key = (p["as_of"], p["value"], p["qualifier"], p.get("source") or "", alert or "", p["figure"] if alert else "")
        if key in out:
            out[key]["reports"] += 1
            continue
        # "as_of" is drawn on a time axis, where Vega-Lite parses it into a timestamp (a tooltip of it read
        # "1703894400000"): the tooltip shows "day", the same date as text
        out[key] = {"as_of": p["as_of"], "day": str(p["as_of"]), "value": p["value"], "label": qualified(p),
                    "source": (p.get("source") or "—") + (" (inferred)" if p.get("source_inferred") else ""),
                    "outlet": p.get("outlet") or p["doc"], "published": p["doc_date"], "alert": alert or NO_ALERT,
                    "reports": 1, "link": (p["doc"], p["start"], p["end"])}
    rows = list(out.values())
    if len(rows) > limit:      # keep the latest alerts and the latest points
        alerts = [r for r in rows if r["alert"] != NO_ALERT][-(limit // 2):]
        rest = [r for r in rows if r["alert"] == NO_ALERT][-(limit - len(alerts)):]
        rows = sorted(alerts + rest, key=lambda r: r["as_of"])
    for r in rows:          # links only for the points kept (the report cites what it links)
        r["link"] = link(*r["link"])
    return rows


def series_chart(points: list[dict], title: str = "", height: int = 220) -> dict:
    alert_types = sorted({p["alert"] for p in points} - {NO_ALERT})
    tooltip = [{"field": "label", "title": "figure"}, {"field": "day", "title": "as of"},
               {"field": "published", "title": "published"}, {"field": "source", "title": "source"},
               {"field": "outlet", "title": "outlet"}, {"field": "reports", "title": "reports that day"},
               {"field": "alert", "title": "alert"}]
    x = {"field": "as_of", "type": "temporal", "title": "as of",
         "axis": {"format": "%-d %b", "grid": False, "labelOverlap": True}}
    y = {"field": "value", "type": "quantitative", "title": None, "axis": {"format": ",~r", "tickCount": 5}}
    layers = [
        {"transform": [{"filter": f"datum.alert == '{NO_ALERT}'"}],
         "mark": {"type": "line", "color": "#9aa5b1", "strokeWidth": 1, "interpolate": "step-after"},
         "encoding": {"x": x, "y": {**y, "aggregate": "max"}}},
        {"mark": {"type": "point", "filled": True, "size": 45, "cursor": "pointer", "opacity": 0.9},
         "encoding": {"x": x, "y": y, "tooltip": tooltip,
                      "color": {"field": "alert", "type": "nominal", "title": "alert",
                                "scale": {"domain": [NO_ALERT, *alert_types],
                                          "range": ["#1f5fa8", *[ALERT_COLOURS.get(a, "#d62728")
                                                                 for a in alert_types]]},
                                "legend": {"orient": "top"} if alert_types else None},
                      "size": {"condition": {"test": f"datum.alert != '{NO_ALERT}'", "value": 140}, "value": 45}}},
    ]
    spec = {"$schema": SCHEMA, "width": "container", "height": height, "data": {"values": points},
            "layer": layers, "config": {"view": {"stroke": None}, "axis": {"labelFontSize": 11}}}
    if title:
        spec["title"] = {"text": title, "anchor": "start", "fontSize": 13}
    return spec


def sparkline(points: list[dict]) -> dict:
    """The trend of a series (figures no alert questions), as a step line with its points."""
    values = [{"as_of": p["as_of"], "value": p["value"], "link": p["link"]} for p in points if p["alert"] == NO_ALERT]
    x = {"field": "as_of", "type": "temporal", "axis": None}
    y = {"field": "value", "type": "quantitative", "aggregate": "max", "axis": None, "scale": {"zero": False}}
    return {"$schema": SCHEMA, "width": 140, "height": 34, "data": {"values": values or points},
            "layer": [{"mark": {"type": "line", "interpolate": "step-after", "strokeWidth": 1.5, "color": "#1f5fa8"},
                       "encoding": {"x": x, "y": y}},
                      {"mark": {"type": "point", "filled": True, "size": 14, "color": "#1f5fa8"},
                       "encoding": {"x": x, "y": y}}],
            "config": {"view": {"stroke": None}}, "padding": 3}


def mentions_chart(days: list[dict], entity_href: Optional[str] = None) -> dict:
    weekly = len(days) > 60
    x = {"field": "date", "type": "temporal", "title": None,
         "axis": {"format": "%-d %b", "grid": False, "labelOverlap": True}}
    if weekly:
        x["timeUnit"] = "yearweek"
    return {"$schema": SCHEMA, "width": "container", "height": 140, "data": {"values": days},
            "mark": {"type": "bar", "color": "#1f5fa8"},
            "encoding": {"x": x, "y": {"field": "articles", "type": "quantitative", "aggregate": "sum",
                                       "title": "articles per week" if weekly else "articles per day"},
                         "tooltip": [{"field": "date", "type": "temporal", "timeUnit": "yearweek" if weekly else
                                      "yearmonthdate", "title": "week of" if weekly else "day"},
                                     {"field": "articles", "aggregate": "sum", "title": "articles"}]},
            "config": {"view": {"stroke": None}}}
