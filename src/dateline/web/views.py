"""What each page shows, as plain data: the HTML pages render it, the JSON API returns it."""
from __future__ import annotations

import datetime as dt
import json
import re
import threading
from dataclasses import dataclass, field
from typing import Optional

from markupsafe import Markup, escape

from . import charts
from .data import BIG_ENTITY_DOCS, PER_PAGE, WebData, plain_words_query
from .derived import Derived, Result
from .text import article_href, marks_of, render

MAIN_SERIES = 6          # series on the overview
CHARTED_SERIES = 8       # series drawn on the figures page
OVERVIEW_CHART_POINTS = 200   # points per sparkline
FIGURES_CHART_POINTS = 400    # points per chart on the figures page (the series page draws up to 1,500)
SERIES_POINTS_PER_PAGE = 100


class BadRequest(ValueError):
    """A parameter the reader can fix; ``str()`` says how."""


class NotFound(LookupError):
    pass


class ViewCache:
    """Page data computed from derived views (charts, summaries), kept while those views are the
    same objects: a new computation of the series or the alerts makes new objects."""

    def __init__(self, size: int = 64):
        self.size = size
        self._entries: dict = {}
        self._lock = threading.Lock()

    def get(self, key, deps: tuple, compute):
        hit = self._entries.get(key)
        if hit is not None and len(hit[0]) == len(deps) and all(a is b for a, b in zip(hit[0], deps)):
            return hit[1]
        value = compute()
        with self._lock:
            self._entries.pop(key, None)
            self._entries[key] = (deps, value)
            while len(self._entries) > self.size:
                self._entries.pop(next(iter(self._entries)))
        return value


@dataclass
class Web:
    data: WebData
    derived: Derived
    cache: ViewCache = field(default_factory=ViewCache)


def parse_date(value: Optional[str], name: str) -> Optional[dt.date]:
    if value is None or not value.strip():
        return None
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        raise BadRequest(f"{name}={value!r} is not a date; write it as YYYY-MM-DD.") from None


def parse_span(value: Optional[str]) -> Optional[tuple[int, int]]:
    m = re.fullmatch(r"(\d{1,9})-(\d{1,9})", value or "")
    return (int(m.group(1)), int(m.group(2))) if m else None


def state_of(result: Result) -> dict:
    return {"state": result.state, "message": result.message, "seconds": round(result.seconds, 2)}


# --- overview ----------------------------------------------------------------------

def series_with_alerts(web: Web) -> tuple[Result, Result, dict[str, str]]:
    series = web.derived.get("series")
    alerts = web.derived.get("alerts")
    flagged = web.cache.get("flagged", (alerts.value,), lambda: {a["figure"]: a["type"] for a in alerts.value or []})
    return series, alerts, flagged


# A series whose latest figure is under this share of its largest mixes counts: the alerts take such a
# fall for another count, not the same toll revised, so its latest value is no headline.
MIXED_SHARE = 0.5


def headline(s: dict) -> bool:
    """Whether a series may head the overview as a toll: it names its place (an unplaced series gathers
    counts of anything anywhere) and it tells one count (its latest figure is not a small number
    among large ones)."""
    if not s.get("place") or not s["series_points"]:
        return False
    largest = max(p["value"] for p in s["series_points"])
    return latest_point(s)["value"] >= MIXED_SHARE * largest


def headline_series(series: Optional[list[dict]], n: int = MAIN_SERIES) -> list[dict]:
    """The overview's main series: the most reported that may head it (see :func:`headline`)."""
    return [s for s in (series or []) if headline(s)][:n]


def main_series(series: Optional[list[dict]], flagged: dict[str, str]) -> list[dict]:
    main = []
    for s in headline_series(series):
        points = charts.chart_points(s["series_points"], flagged, limit=OVERVIEW_CHART_POINTS)
        latest = latest_point(s)
        main.append({**{k: v for k, v in s.items() if k != "series_points"},
                     "latest_label": charts.qualified(latest),
                     "latest_link": article_href(latest["doc"], latest["start"], latest["end"]),
                     "latest_outlet": latest["outlet"], "sparkline": charts.json_script(charts.sparkline(points))})
    return main


def overview(web: Web) -> dict:
    stats = web.data.stats()
    series, alerts, flagged = series_with_alerts(web)
    main = web.cache.get("overview", (series.value, alerts.value), lambda: main_series(series.value, flagged))
    latest_articles = web.data.latest_articles(8)
    return {"stats": stats, "series_state": state_of(series), "main_series": main,
            "series_count": len(series.value or []),
            "alerts_state": state_of(alerts), "alerts": (alerts.value or [])[:8],
            "alert_count": len(alerts.value or []),
            "latest_articles": latest_articles, "top_entities": web.data.entities(per_page=12).rows}


# --- timeline and briefing -----------------------------------------------------------

def timeline(web: Web, date_from: Optional[str], date_to: Optional[str], query: Optional[str],
             n_dates: Optional[int]) -> dict:
    d_from, d_to = parse_date(date_from, "from"), parse_date(date_to, "to")
    if d_from and d_to and d_from > d_to:
        raise BadRequest("from must not be after to.")
    if n_dates is not None and not 1 <= n_dates <= 365:
        raise BadRequest("n must be between 1 and 365 dates.")
    result = web.derived.get("timeline", date_from=d_from and d_from.isoformat(), date_to=d_to and d_to.isoformat(),
                             n_dates=n_dates, query=(query or "").strip() or None)
    entries = result.value if result.has_value else []
    return {"params": {"from": d_from and d_from.isoformat(), "to": d_to and d_to.isoformat(), "q": query or "",
                       "n": n_dates},
            **state_of(result), "entries": entries}


def default_since(web: Web) -> dt.date:
    last = web.data.stats()["last_date"]
    return (dt.date.fromisoformat(last) if last else dt.date.today()) - dt.timedelta(days=1)


def briefing(web: Web, since: Optional[str]) -> dict:
    day = parse_date(since, "since") or default_since(web)
    result = web.derived.get("briefing", since=day.isoformat())
    return {"since": day.isoformat(), **state_of(result), "briefing": result.value if result.has_value else None}


# --- figures -------------------------------------------------------------------------

def figures(web: Web, measure: Optional[str] = None) -> dict:
    series, alerts, flagged = series_with_alerts(web)
    computed = web.cache.get(("figures", measure), (series.value, alerts.value),
                             lambda: _figures(series.value or [], alerts.value or [], flagged, measure))
    return {"measure": measure, "series_state": state_of(series), "alerts_state": state_of(alerts), **computed}


def _figures(all_series: list[dict], alerts: list[dict], flagged: dict[str, str], measure: Optional[str]) -> dict:
    chosen = [s for s in all_series if not measure or s["measure"] == measure]
    charted = []
    for s in chosen[:CHARTED_SERIES]:
        points = charts.chart_points(s["series_points"], flagged, limit=FIGURES_CHART_POINTS)
        charted.append({"id": s["id"], "title": series_title(s),
                        "spec": charts.json_script(charts.series_chart(points)),
                        "alerts": sum(1 for p in s["series_points"] if p["figure"] in flagged),
                        "points": s["points"]})
    return {"measures": sorted({s["measure"] for s in all_series}), "series": [summary(s, flagged) for s in chosen],
            "charts": charted,
            "alerts": [a for a in alerts if not measure or a["series_label"].startswith(measure + " ")]}


def summary(s: dict, flagged: dict[str, str]) -> dict:
    """A series without its points, with its number of alerts and the span of its latest figure."""
    out = {k: v for k, v in s.items() if k != "series_points"}
    out["alerts"] = sum(1 for p in s["series_points"] if p["figure"] in flagged)
    latest = latest_point(s)
    out["latest_link"] = article_href(latest["doc"], latest["start"], latest["end"])
    return out


def latest_point(s: dict) -> dict:
    return max(s["series_points"], key=lambda p: (p["as_of"], p["doc_date"], p["value"]))


def series_title(s: dict) -> str:
    return f"{s['measure']} · {s['place'] or 'unknown place'} · {s['category']} — {s['label']}"


def series_detail(web: Web, series_id: str, page: int = 1) -> dict:
    series, alerts, flagged = series_with_alerts(web)
    if not series.has_value:
        return {"id": series_id, "series_state": state_of(series), "series": None}
    by_id = web.cache.get("series_by_id", (series.value,), lambda: {s["id"]: s for s in series.value})
    found = by_id.get(series_id)
    if found is None:
        raise NotFound(f"no series {series_id!r}")
    spec = web.cache.get(("series_spec", series_id), (series.value, alerts.value),
                         lambda: charts.json_script(charts.series_chart(
                             charts.chart_points(found["series_points"], flagged), height=300)))
    points = found["series_points"]
    newest_first = list(reversed(points))
    shown = [dict(p, alert=flagged.get(p["figure"]))
             for p in newest_first[(page - 1) * SERIES_POINTS_PER_PAGE: page * SERIES_POINTS_PER_PAGE]]
    return {"id": series_id, "series_state": state_of(series), "alerts_state": state_of(alerts),
            "series": summary(found, flagged), "title": series_title(found),
            "spec": spec,
            "points": shown, "page": page, "has_more": page * SERIES_POINTS_PER_PAGE < len(points),
            "alerts": [a for a in (alerts.value or []) if a["series"] == series_id]}


def figure_detail(web: Web, figure_id: str) -> dict:
    """One figure and why it is what it is: the rules that decided it, its series, its alert or why none
    (``dateline explain FIGURE_ID`` on the page)."""
    from ..synthesize.explain import split_rules, why_no_alert

    f = web.data.ledger().store.figure(figure_id)
    if f is None:
        raise NotFound(f"no figure {figure_id!r}")
    series, alerts, flagged = series_with_alerts(web)
    found = None
    if series.has_value:
        found = next((s for s in series.value if any(p["figure"] == figure_id for p in s["series_points"])), None)
    mine = [a for a in (alerts.value or []) if a["figure"] == figure_id]
    why = None
    if series.has_value and alerts.has_value and not mine:
        why = why_no_alert(f, found is not None, found["place"] if found else None)
    rules = split_rules(json.loads(f["rules"]) if f.get("rules") else [])
    return {"f": f, "rules": rules, "series_state": state_of(series), "alerts_state": state_of(alerts),
            "series": found, "series_title": series_title(found) if found else None, "alerts": mine,
            "why_no_alert": why}


def figure_list(web: Web, measure: Optional[str], scope: Optional[str], since: Optional[str], until: Optional[str],
                page: int) -> dict:
    """Every extracted figure, newest article first (one page)."""
    published_from, published_to = parse_date(since, "since"), parse_date(until, "until")
    store = web.data.ledger().store
    ids = store.figure_ids(measure, scope, published_from, published_to, limit=PER_PAGE + 1,
                           offset=(page - 1) * PER_PAGE)
    rows = []
    if ids:
        by_id = {r["id"]: r for r in store.figures_by_id(ids)}
        rows = [by_id[i] for i in ids[:PER_PAGE] if i in by_id]
    return {"rows": rows, "page": page, "has_more": len(ids) > PER_PAGE}


# --- claims, entities, articles, search ----------------------------------------------

def claims(web: Web, speaker, entity, about, since, until, verb, mode, page) -> dict:
    result = web.data.claims(speaker=speaker or None, entity=entity or None, about=about or None,
                             since=parse_date(since, "since"), until=parse_date(until, "until"),
                             verb=verb or None, mode=mode or None, page=page)
    names = {}
    for eid in filter(None, (entity, about)):
        e = web.data.entity(eid)
        names[eid] = e["name"] if e else eid
    return {"filters": {"speaker": speaker or "", "entity": entity or "", "about": about or "", "since": since or "",
                        "until": until or "", "verb": verb or "", "mode": mode or ""},
            "entity_names": names, "verbs": web.data.verbs(), "rows": result.rows, "page": page,
            "has_more": result.has_more}


def entities(web: Web, kind: Optional[str], q: Optional[str], page: int) -> dict:
    result = web.data.entities(kind=kind or None, q=q or None, page=page)
    return {"filters": {"kind": kind or "", "q": q or ""}, "rows": result.rows, "page": page,
            "has_more": result.has_more}


def entity(web: Web, entity_id: str) -> dict:
    e = web.data.entity(entity_id)
    if e is None:
        raise NotFound(f"no entity {entity_id!r}")
    data = web.data
    index = web.derived.get("entity_index", big_docs=BIG_ENTITY_DOCS)
    known = index.value if index.has_value else {}
    # precomputed where a live query would read thousands of rows; live otherwise (or until ready)
    days = known.get("days", {}).get(entity_id)
    if days is None:
        days = data.mentions_by_day(entity_id)
    about_ids = known.get("about", {}).get(entity_id)
    claims_about = data.claims_by_id(about_ids) if about_ids is not None else data.claims_about(entity_id)
    figure_ids = known.get("figures", {}).get(entity_id, []) if index.has_value else None
    return {"entity": e, "mentions_by_day": days, "spec": charts.json_script(charts.mentions_chart(days)),
            "claims_by": data.claims(entity=entity_id, per_page=20).rows, "claims_about": claims_about,
            "figures_from": data.figures_from(entity_id, ids=figure_ids),
            "articles": data.articles_mentioning(entity_id)}


def article(web: Web, doc_id: str, hl: Optional[str]) -> dict:
    a = web.data.article(doc_id)
    if a is None:
        raise NotFound(f"no article {doc_id!r}")
    focus = parse_span(hl)
    items = a["items"]
    spans = [(f["sent_start"], f["sent_end"]) for f in items["figure"]] + \
            [(c["start"], c["end"]) for c in items["claim"]] + \
            [(it["start"], it["end"]) for kind in ("mention", "time", "figure") for it in items[kind]]
    if focus:
        spans.append(focus)
    from .text import entity_href

    rendered = render(a["text"], marks_of(items), focus=focus, anchors=spans, entity_href=entity_href)
    entities_seen: dict[str, dict] = {}
    for m in items["mention"]:
        if m.get("entity"):
            e = entities_seen.setdefault(m["entity"], {"id": m["entity"], "name": m.get("entity_name") or m["text"],
                                                      "kind": m["kind"], "count": 0, "start": m["start"],
                                                      "end": m["end"]})
            e["count"] += 1
    focus_text = a["text"][focus[0]:focus[1]] if focus and 0 <= focus[0] < focus[1] <= len(a["text"]) else None
    return {**a, "html": rendered.html, "focus": focus, "focus_text": focus_text,
            "entities": sorted(entities_seen.values(), key=lambda e: (-e["count"], e["name"]))}


def search(web: Web, q: Optional[str], since, until, outlet, sort, page) -> dict:
    base = {"q": q or "", "since": since or "", "until": until or "", "outlet": outlet or "", "sort": sort or "newest",
            "outlets": web.data.outlets()[:200], "rows": [], "page": page, "has_more": False}
    if not (q or "").strip():
        return base
    result = web.data.search(q, since=parse_date(since, "since"), until=parse_date(until, "until"),
                             outlet=outlet or None, sort=sort or "newest", page=page)
    return {**base, "rows": result.rows, "has_more": result.has_more}


def suggestion(q: str) -> str:
    return plain_words_query(q)


# --- text with citations -------------------------------------------------------------

CITATION = re.compile(r"\[([^\s\[\]]+) (\d+)-(\d+)\]")


def cite_links(text: str, href=article_href) -> Markup:
    """An explanation's "[doc start-end]" citations as links to the cited sentences (the rest escaped)."""
    out, at = [], 0
    for m in CITATION.finditer(text or ""):
        out.append(str(escape(text[at:m.start()])))
        link = href(m.group(1), int(m.group(2)), int(m.group(3)))
        out.append(f'<a class="cite" href="{escape(link)}">[{escape(m.group(1))}]</a>')
        at = m.end()
    out.append(str(escape((text or "")[at:])))
    return Markup("".join(out))
