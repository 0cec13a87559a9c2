"""The HTML pages (server-rendered: reading works without JavaScript)."""
from __future__ import annotations

from typing import Optional

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse

from .. import records
from . import views

router = APIRouter(include_in_schema=False)
PageNo = Query(1, ge=1, le=100_000)


REFRESH_SECONDS = 3


def _render(request: Request, template: str, context: dict, status: int = 200) -> HTMLResponse:
    if _waiting(context):
        context = {**context, "refresh": REFRESH_SECONDS}      # reload until the view is computed (no JS needed)
    return request.app.state.templates.TemplateResponse(request, template, context, status_code=status)


def _waiting(context: dict) -> bool:
    states = [context.get("state")] + [v.get("state") for k, v in context.items()
                                       if k.endswith("_state") and isinstance(v, dict)]
    return any(s in ("computing", "busy") for s in states)


def _web(request: Request) -> views.Web:
    return request.app.state.web


@router.get("/", response_class=HTMLResponse)
def overview(request: Request):
    return _render(request, "overview.html", views.overview(_web(request)))


@router.get("/timeline", response_class=HTMLResponse)
def timeline(request: Request, date_from: Optional[str] = Query(None, alias="from"),
             date_to: Optional[str] = Query(None, alias="to"), q: Optional[str] = None,
             n: Optional[int] = Query(None)):
    return _render(request, "timeline.html", views.timeline(_web(request), date_from, date_to, q, n))


@router.get("/brief", response_class=HTMLResponse)
def brief(request: Request, since: Optional[str] = None):
    return _render(request, "brief.html", views.briefing(_web(request), since))


@router.get("/figures", response_class=HTMLResponse)
def figures(request: Request, measure: Optional[str] = None):
    return _render(request, "figures.html", views.figures(_web(request), measure or None))


@router.get("/figures/all", response_class=HTMLResponse)
def figure_list(request: Request, measure: Optional[str] = None, scope: Optional[str] = None,
                since: Optional[str] = None, until: Optional[str] = None, page: int = PageNo):
    context = views.figure_list(_web(request), measure, scope, since, until, page)
    context["filters"] = {"measure": measure or "", "scope": scope or "", "since": since or "", "until": until or ""}
    context["vocabulary"] = {"measures": records.MEASURES, "scopes": records.SCOPES}     # what the filters offer
    return _render(request, "figure_list.html", context)


@router.get("/figure/{figure_id}", response_class=HTMLResponse)
def figure(request: Request, figure_id: str):
    return _render(request, "figure.html", views.figure_detail(_web(request), figure_id))


@router.get("/series/{series_id}", response_class=HTMLResponse)
def series(request: Request, series_id: str, page: int = PageNo):
    return _render(request, "series.html", views.series_detail(_web(request), series_id, page))


ALERTS_PER_PAGE = 200


@router.get("/alerts", response_class=HTMLResponse)
def alerts(request: Request, page: int = PageNo):
    context = views.figures(_web(request))
    found = context["alerts"]
    shown = found[(page - 1) * ALERTS_PER_PAGE: page * ALERTS_PER_PAGE]
    return _render(request, "alerts.html", {"alerts_state": context["alerts_state"], "alerts": shown,
                                            "alert_count": len(found), "page": page,
                                            "has_more": page * ALERTS_PER_PAGE < len(found)})


@router.get("/claims", response_class=HTMLResponse)
def claims(request: Request, speaker: Optional[str] = None, entity: Optional[str] = None, about: Optional[str] = None,
           since: Optional[str] = None, until: Optional[str] = None, verb: Optional[str] = None,
           mode: Optional[str] = None, page: int = PageNo):
    return _render(request, "claims.html",
                   views.claims(_web(request), speaker, entity, about, since, until, verb, mode, page))


@router.get("/entities", response_class=HTMLResponse)
def entities(request: Request, kind: Optional[str] = None, q: Optional[str] = None, page: int = PageNo):
    return _render(request, "entities.html", views.entities(_web(request), kind, q, page))


@router.get("/entities/{entity_id:path}", response_class=HTMLResponse)
def entity(request: Request, entity_id: str):
    return _render(request, "entity.html", views.entity(_web(request), entity_id))


@router.get("/articles/{doc_id:path}", response_class=HTMLResponse)
def article(request: Request, doc_id: str, hl: Optional[str] = None):
    return _render(request, "article.html", views.article(_web(request), doc_id, hl))


@router.get("/search", response_class=HTMLResponse)
def search(request: Request, q: Optional[str] = None, since: Optional[str] = None, until: Optional[str] = None,
           outlet: Optional[str] = None, sort: Optional[str] = None, page: int = PageNo):
    return _render(request, "search.html", views.search(_web(request), q, since, until, outlet, sort, page))


@router.get("/docs", response_class=HTMLResponse)
def docs(request: Request):
    """The API reference, rendered from the OpenAPI schema (no JavaScript, nothing from a CDN)."""
    schema = request.app.openapi()
    endpoints = []
    for path, methods in schema.get("paths", {}).items():
        for method, op in methods.items():
            endpoints.append({"path": path, "method": method.upper(), "summary": op.get("summary", ""),
                              "description": op.get("description", ""), "parameters": [
                                  {"name": p["name"], "in": p["in"], "required": p.get("required", False),
                                   "type": _type_name(p.get("schema", {})), "description": p.get("description", "")}
                                  for p in op.get("parameters", [])],
                              "response": _response_schema(op)})
    return _render(request, "docs.html", {"info": schema.get("info", {}), "endpoints": endpoints,
                                          "schemas": schema.get("components", {}).get("schemas", {})})


def _type_name(s: dict) -> str:
    if "anyOf" in s:
        return " | ".join(_type_name(x) for x in s["anyOf"] if x.get("type") != "null") + " (optional)"
    if "$ref" in s:
        return s["$ref"].rsplit("/", 1)[-1]
    if s.get("type") == "array":
        return f"list[{_type_name(s.get('items', {}))}]"
    return s.get("format") or s.get("type", "any")


def _response_schema(op: dict) -> str:
    ok = op.get("responses", {}).get("200", {})
    s = ok.get("content", {}).get("application/json", {}).get("schema", {})
    return _type_name(s) if s else ""
