"""Adapters to the synthesis stages (series, alerts, timeline, briefing) for the web layer.

Each returns plain JSON-ready data so results can cross a process boundary and be
cached. The briefing is built by another part of dateline; when its module has no
function the web layer knows, :class:`Unavailable` says so and the page shows a
clear "not available yet" state instead of failing.
"""
from __future__ import annotations

import datetime as dt
import importlib
from typing import Any, Optional

from ..store.sqlite import Store
from .text import outlet_of

# Names the briefing module may give its entry point, most specific first.
BRIEF_FUNCTIONS = ("brief_from_store", "briefing_from_store", "build_brief", "briefing", "brief")


class Unavailable(RuntimeError):
    """This part of dateline is not there (yet)."""


def _doc_info(store: Store, ids) -> dict[str, dict]:
    return {doc: {"title": r["title"], "outlet": outlet_of(r["url"])}
            for doc, r in store.document_headers(list(ids)).items()}


def point_json(p, info: dict[str, dict]) -> dict:
    doc = info.get(p.doc, {})
    return {"figure": p.figure, "doc": p.doc, "doc_date": p.doc_date.isoformat(), "as_of": p.as_of.isoformat(),
            "value": p.value, "value_max": p.value_max, "qualifier": p.qualifier, "scope": p.scope,
            "start": p.start, "end": p.end, "value_start": p.value_start, "value_end": p.value_end,
            "sentence": p.sentence, "source": p.source, "source_inferred": p.source_inferred,
            "dup_group": p.dup_group, "outlet": doc.get("outlet", ""), "title": doc.get("title")}


def series(store: Store) -> list[dict]:
    """Every figure series with its points, largest first."""
    from ..consolidate.series import build_series

    built = build_series(store)
    info = _doc_info(store, (p.doc for s in built for p in s.points))
    return [dict(s.summary(), label=s.label, series_points=[point_json(p, info) for p in s.points]) for s in built]


def alerts(store: Store) -> list[dict]:
    """Alerts over the series, newest first, each with its figure and evidence described."""
    from ..consolidate.series import build_series
    from ..synthesize.alerts import check

    built = build_series(store)
    found = check(built)
    labels = {s.id: f"{s.measure} · {s.place or '?'} · {s.category} — {s.label}" for s in built}
    info = _doc_info(store, [a.point.doc for a in found] + [p.doc for a in found for p in a.evidence])
    out = []
    for a in found:
        out.append(dict(a.to_json(), point=point_json(a.point, info), series_label=labels.get(a.series, ""),
                        evidence_points=[point_json(p, info) for p in a.evidence]))
    out.sort(key=lambda a: (a["point"]["doc_date"], a["doc"], a["start"]), reverse=True)
    return out


def entity_index(store: Store, big_docs: int, keep: int = 20) -> dict:
    """What entity profiles need that a live query would read in full: for entities named in at
    least ``big_docs`` articles, articles per day and the newest claims about them; for every
    source of figures, its newest figures."""
    big = store.entities_in_at_least(big_docs)
    days: dict[str, list[dict]] = {e: [] for e in big}
    about: dict[str, list[tuple[str, str]]] = {e: [] for e in big}
    if big:
        for entity, date, articles in store.articles_per_day_of(big):
            days[entity].append({"date": date, "articles": articles})
        for entity, claim, date in store.claims_naming(big):
            about[entity].append((date, claim))
    newest_about = {e: [cid for _, cid in sorted(rows, reverse=True)[:keep]] for e, rows in about.items()}
    figures: dict[str, list[tuple[str, str]]] = {}
    for entity, figure, day in store.figures_by_source_entity():
        figures.setdefault(entity, []).append((day, figure))
    newest_figures = {e: [fid for _, fid in sorted(rows, reverse=True)[:keep]] for e, rows in figures.items()}
    return {"days": days, "about": newest_about, "figures": newest_figures}


def timeline(store: Store, date_from: Optional[dt.date] = None, date_to: Optional[dt.date] = None,
             n_dates: Optional[int] = None, query: Optional[str] = None) -> list[dict]:
    from ..synthesize.timeline import timeline_from_store

    entries = timeline_from_store(store, n_dates=n_dates, date_from=date_from, date_to=date_to, query=query or None)
    out = []
    for e in entries:
        row = e.to_json()
        row["sources"] = len(getattr(e, "sources", []) or [])
        row["salience"] = getattr(e, "salience", None)
        out.append(row)
    info = _doc_info(store, (ev["doc"] for row in out for ev in row["evidence"]))
    for row in out:
        for ev in row["evidence"]:
            ev.update(info.get(ev["doc"], {}))
    return out


def briefing_function():
    module = importlib.import_module("dateline.synthesize.brief")
    for name in BRIEF_FUNCTIONS:
        fn = getattr(module, name, None)
        if callable(fn):
            return fn
    raise Unavailable("dateline.synthesize.brief has no briefing function the web layer knows "
                      f"({', '.join(BRIEF_FUNCTIONS)})")


def briefing(store: Store, since: dt.date) -> dict:
    """The briefing since a date, as ``{"header", "sections": [{"title", "items": [{"text", "date", "evidence"}]}]}``.

    Item texts may cite spans as ``[doc start-end]`` (the pages turn those into links)."""
    module = importlib.import_module("dateline.synthesize.brief")
    result = briefing_function()(store, since=since)
    if all(hasattr(result, a) for a in ("figures", "alerts", "events", "claims", "articles")):
        out = _brief_sections(module, result)
    else:
        out = normalize_briefing(result)
    _describe_evidence(out, store)
    return out


MAX_BRIEF_CLAIMS = 200


def _brief_sections(module, b) -> dict:
    """Sections of a :class:`dateline.synthesize.brief.Brief`."""
    def span(doc, start, end) -> dict:
        return {"doc": doc, "start": start, "end": end}

    figure_line = getattr(module, "figure_line", None)
    figures = [{"text": figure_line(c) if figure_line else f"{c.series.label}: {c.new.value}",
                "date": c.new.as_of.isoformat(), "evidence": [span(c.new.doc, c.new.start, c.new.end)]}
               for c in b.figures]
    alerts = [{"text": a.explanation, "kind": a.type, "evidence": [span(a.point.doc, a.point.start, a.point.end)]}
              for a in b.alerts]
    events = [{"text": e.text, "date": e.date.isoformat(),
               "evidence": [span(x.doc, x.start, x.end) for x in e.evidence]}
              for e in b.events]
    claims = []
    for speaker, said in b.claims.items():
        for c in said:
            cue = f" {c['cue']}" if c.get("cue") else ""
            claims.append({"text": f"{speaker}{cue}: “{c['content']}”", "date": c.get("doc_date"),
                           "evidence": [span(c["doc"], c["start"], c["end"])]})
    more = max(0, len(claims) - MAX_BRIEF_CLAIMS)
    return {"header": {"since": b.since.isoformat(), "until": b.until.isoformat(), "articles": b.articles,
                       "more_claims": more},
            "sections": [{"title": "Figures", "items": figures}, {"title": "Alerts", "items": alerts},
                         {"title": "Events", "items": events},
                         {"title": "Claims by speaker", "items": claims[:MAX_BRIEF_CLAIMS]}]}


def _describe_evidence(briefing_: dict, store: Store) -> None:
    info = _doc_info(store, (ev["doc"] for s in briefing_["sections"] for it in s["items"] for ev in it["evidence"]))
    for s in briefing_["sections"]:
        for it in s["items"]:
            for ev in it["evidence"]:
                ev.update(info.get(ev["doc"], {}))


def _jsonable(x: Any) -> Any:
    if hasattr(x, "to_json"):
        return x.to_json()
    from ..records import to_jsonable

    return to_jsonable(x)


def normalize_briefing(result: Any) -> dict:
    """Whatever shape the briefing has (an object with ``to_json``, a list of entries, a dict of
    sections), as titled sections of items with text and evidence spans."""
    data = _jsonable(result)
    if isinstance(data, str):
        return {"sections": [{"title": "", "items": [{"text": data, "evidence": []}]}]}
    if isinstance(data, list):
        sections = [{"title": "", "items": [_item(x) for x in data]}]
    elif isinstance(data, dict):
        if isinstance(data.get("sections"), list):
            sections = [{"title": str(s.get("title") or s.get("heading") or ""),
                         "items": [_item(x) for x in s.get("items", s.get("entries", []))]}
                        for s in data["sections"] if isinstance(s, dict)]
        else:
            sections = []
            for key, value in data.items():
                if isinstance(value, list):
                    sections.append({"title": str(key).replace("_", " "), "items": [_item(x) for x in value]})
            if not sections:
                sections = [{"title": "", "items": [_item(data)]}]
    else:
        sections = [{"title": "", "items": [{"text": str(data), "evidence": []}]}]
    return {"header": {}, "sections": sections}


def _item(x: Any) -> dict:
    x = _jsonable(x)
    if not isinstance(x, dict):
        return {"text": str(x), "evidence": []}
    text = next((str(x[k]) for k in ("text", "summary", "sentence", "explanation", "content", "headline")
                 if x.get(k)), "")
    evidence = [e for e in x.get("evidence", []) if isinstance(e, dict) and "doc" in e]
    if not evidence and "doc" in x and "start" in x and "end" in x:
        evidence = [{"doc": x["doc"], "start": x["start"], "end": x["end"]}]
    evidence = [{"doc": str(e["doc"]), "start": int(e.get("start", 0)), "end": int(e.get("end", 0))} for e in evidence]
    return {"text": text or str(x), "date": x.get("date") or x.get("as_of"), "kind": x.get("kind") or x.get("type"),
            "evidence": evidence}
