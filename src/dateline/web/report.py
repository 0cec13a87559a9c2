"""``dateline report -o story.html``: the story as one self-contained HTML file.

Everything is inside the file: the stylesheet, the vendored chart libraries and the
page script (inline), the data of each chart (JSON), and every cited article with
its extracted items highlighted. Links to sources are anchors in the file
(``#d3-s120-245``: article 3, characters 120-245), so the file opens offline and can
be mailed to a colleague. A Content-Security-Policy (``<meta>``, with the hashes of
the inline scripts and styles) lets nothing else run and nothing load from outside.
"""
from __future__ import annotations

import base64
import datetime as dt
import hashlib
import os
from collections import defaultdict
from typing import Optional

from markupsafe import Markup

from . import charts, views
from .app import STATIC, templates
from .data import WebData
from .derived import Derived
from .text import marks_of, render

VENDOR_SCRIPTS = ("vendor/vega.min.js", "vendor/vega-lite.min.js", "vendor/vega-embed.min.js",
                  "vendor/vega-interpreter.min.js")
CHARTED_SERIES = 8
MAX_ALERTS = 300
MAX_CHART_POINTS = 300      # per chart: the alerts and the latest points


class Links:
    """In-file links: collects every article and span the report cites, so the articles
    section can include exactly those articles with an anchor at each cited span."""

    def __init__(self, listed_entities: Optional[dict[str, int]] = None):
        self.docs: dict[str, int] = {}
        self.spans: dict[str, set[tuple[int, int]]] = defaultdict(set)
        self.entities = listed_entities or {}

    def href(self, doc: str, start: Optional[int] = None, end: Optional[int] = None) -> str:
        n = self.docs.setdefault(doc, len(self.docs))
        if start is None or end is None:
            return f"#d{n}"
        self.spans[doc].add((int(start), int(end)))
        return f"#d{n}-s{int(start)}-{int(end)}"

    def entity(self, entity_id: str) -> str:
        n = self.entities.get(entity_id)
        return f"#e{n}" if n is not None else "#entities"


def _csp_hash(content: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(content.encode("utf-8")).digest()).decode() + "'"


def write_report(db: os.PathLike | str, output: os.PathLike | str, max_claims: int = 500,
                 max_entities: int = 100) -> str:
    """Write the report; returns a one-line summary of what it holds."""
    from ..serve.export import atomic_output

    html, summary = build_report(db, max_claims=max_claims, max_entities=max_entities)
    with atomic_output(output) as out:          # whole or not at all (a full disk leaves the old file)
        out.write(html)
    return summary


def build_report(db: os.PathLike | str, max_claims: int = 500, max_entities: int = 100) -> tuple[str, str]:
    data = WebData(db)
    web = views.Web(data, Derived(data, background=False))
    top_entities = data.entities(per_page=max_entities).rows
    links = Links({e["id"]: i for i, e in enumerate(top_entities)})
    env = templates().env.overlay()
    env.globals.update(article_href=links.href, entity_href=links.entity,
                       cite_links=lambda text: views.cite_links(text, links.href))
    context = _context(web, links, top_entities, max_claims)
    sections = Markup(env.get_template("report_sections.html").render(**context))
    articles = _articles(data, links)
    articles_html = Markup(env.get_template("report_articles.html").render(articles=articles))

    style = (STATIC / "style.css").read_text(encoding="utf-8") + (STATIC / "report.css").read_text(encoding="utf-8")
    scripts = [(STATIC / name).read_text(encoding="utf-8") for name in VENDOR_SCRIPTS + ("app.js",)]
    csp = ("default-src 'none'; img-src data:; base-uri 'none'; form-action 'none'; "
           f"style-src {_csp_hash(style)}; script-src {' '.join(_csp_hash(s) for s in scripts)}")
    page = env.get_template("report.html").render(
        csp=csp, style=Markup(style), scripts=[Markup(s) for s in scripts], sections=sections,
        articles_html=articles_html, stats=context["stats"], generated=dt.date.today().isoformat())
    summary = (f"{len(articles)} articles, {len(context['series'])} series, {len(context['alerts'])} alerts, "
               f"{len(context['claims'])} claims, {len(top_entities)} entities")
    return page, summary


def _context(web: views.Web, links: Links, top_entities: list[dict], max_claims: int) -> dict:
    data = web.data
    series, alerts, flagged = views.series_with_alerts(web)
    all_series = series.value or []
    main_ids = {s["id"] for s in views.headline_series(all_series)}
    summaries = []
    for i, s in enumerate(all_series):
        latest = views.latest_point(s)
        summary = {**{k: v for k, v in s.items() if k != "series_points"},
                   "title": views.series_title(s), "latest_label": charts.qualified(latest),
                   "latest_link": links.href(latest["doc"], latest["start"], latest["end"]),
                   "latest_outlet": latest["outlet"], "alerts": sum(p["figure"] in flagged for p in s["series_points"]),
                   "anchor": f"series-{i}"}
        if i < CHARTED_SERIES or s["id"] in main_ids:
            # only charted points are cited, so only their articles enter the file
            points = charts.chart_points(s["series_points"], flagged, link=links.href, limit=MAX_CHART_POINTS)
            summary["sparkline"] = charts.json_script(charts.sparkline(points))
            summary["spec"] = charts.json_script(charts.series_chart(points))
        summaries.append(summary)
    charted = [s for s in summaries if "spec" in s]       # the most reported, and the main series
    timeline = web.derived.get("timeline")
    claims = data.claims(per_page=max_claims).rows
    claims_by: dict[str, list[dict]] = defaultdict(list)
    for c in claims:
        if c["speaker_entity"]:
            claims_by[c["speaker_entity"]].append(c)
    return {"stats": data.stats(), "series": summaries, "charts": charted, "series_state": views.state_of(series),
            "main_series": [s for s in summaries if s["id"] in main_ids],
            "alerts": (alerts.value or [])[:MAX_ALERTS], "alert_count": len(alerts.value or []),
            "alerts_state": views.state_of(alerts), "timeline": timeline.value if timeline.has_value else [],
            "timeline_state": views.state_of(timeline), "claims": claims, "max_claims": max_claims,
            "entities": [dict(e, anchor=f"e{i}", claims=claims_by.get(e["id"], [])[:5],
                              claim_count=len(claims_by.get(e["id"], []))) for i, e in enumerate(top_entities)]}


def _articles(data: WebData, links: Links) -> list[dict]:
    """Every cited article (in the order of publication) with its anchors; rendering may cite
    more spans (none today), so the loop runs until every cited article is in."""
    out: dict[str, dict] = {}
    while len(out) < len(links.docs):
        for doc in [d for d in links.docs if d not in out]:
            a = data.article(doc)
            if a is None:
                out[doc] = {"missing": True, "doc": doc, "anchor": f"d{links.docs[doc]}", "date": ""}
                continue
            n = links.docs[doc]
            rendered = render(a["text"], marks_of(a["items"]), anchors=links.spans.get(doc, ()),
                              anchor_prefix=f"d{n}-", entity_href=links.entity)
            out[doc] = {**{k: a[k] for k in ("doc", "date", "title", "url", "outlet")}, "anchor": f"d{n}",
                        "html": rendered.html, "counts": {k: len(v) for k, v in a["items"].items()}}
    return sorted(out.values(), key=lambda a: (a["date"], a["doc"]))
