"""The JSON API behind the pages (documented at ``/docs``, schema at ``/openapi.json``).

Every item cites ``doc``, ``start``, ``end``: a character span of the stored article
text (``GET /api/articles/{doc}`` returns that text). Views computed from the whole
ledger (series, alerts, timeline, briefing) carry a ``state``: ``ready``, ``stale``
(an update is being computed), ``computing``, ``busy``, ``unavailable`` or ``failed``.
"""
from __future__ import annotations

from typing import Any, Optional

from fastapi import APIRouter, Query, Request
from pydantic import BaseModel, ConfigDict, Field

from . import views

router = APIRouter(prefix="/api", tags=["ledger"])
PageNo = Query(1, ge=1, le=100_000, description="Page number (1-based).")


class Model(BaseModel):
    model_config = ConfigDict(extra="allow")


class Span(Model):
    doc: str
    start: int
    end: int


class Derived(Model):
    state: str
    message: str = ""
    seconds: float = 0.0


class Stats(Model):
    articles: int
    first_date: Optional[str]
    last_date: Optional[str]
    outlets: int
    figures: int
    claims: int
    entities: int


class SeriesSummary(Model):
    id: str
    measure: str
    place: Optional[str]
    category: str
    source: str
    points: int
    latest_value: float
    latest_qualifier: str
    latest_as_of: str
    latest_doc: str


class SeriesPoint(Model):
    figure: str
    doc: str
    start: int
    end: int
    as_of: str
    doc_date: str
    value: float
    value_max: Optional[float]
    qualifier: str
    source: Optional[str]
    source_inferred: bool
    alert: Optional[str] = None


class Alert(Model):
    type: str
    doc: str
    start: int
    end: int
    explanation: str
    evidence: list[Span]
    figure: str
    series: Optional[str]


class TimelineEntry(Model):
    date: str
    text: str
    evidence: list[Span]


class Claim(Model):
    id: str
    doc: str
    start: int
    end: int
    content: str
    content_start: int
    content_end: int
    mode: str
    speaker: Optional[str]
    speaker_entity: Optional[str]
    cue: Optional[str]
    doc_date: str


class Entity(Model):
    id: str
    name: str
    kind: str
    aliases: list[str]
    mentions: int
    docs: int


class SearchHit(Model):
    id: str
    date: str
    title: Optional[str]
    outlet: str
    snippet: str
    match_start: Optional[int] = Field(None, description="offset of the first match in the article text")
    match_end: Optional[int] = None


class Overview(Model):
    stats: Stats
    series_state: Derived
    main_series: list[SeriesSummary]
    alerts_state: Derived
    alerts: list[Alert]
    alert_count: int


class TimelineOut(Derived):
    params: dict
    entries: list[TimelineEntry]


class BriefingOut(Derived):
    since: str
    briefing: Optional[dict]


class SeriesList(Model):
    series_state: Derived
    series: list[SeriesSummary]


class SeriesDetail(Model):
    series_state: Derived
    series: Optional[SeriesSummary]
    points: list[SeriesPoint] = []
    page: int = 1
    has_more: bool = False
    alerts: list[Alert] = []


class AlertList(Model):
    alerts_state: Derived
    alerts: list[Alert]


class FigurePage(Model):
    rows: list[dict[str, Any]]
    page: int
    has_more: bool


class ClaimPage(Model):
    rows: list[Claim]
    page: int
    has_more: bool


class EntityPage(Model):
    rows: list[Entity]
    page: int
    has_more: bool


class EntityProfile(Model):
    entity: Entity
    mentions_by_day: list[dict[str, Any]]
    claims_by: list[Claim]
    claims_about: list[Claim]
    figures_from: list[dict[str, Any]]


class Article(Model):
    doc: str
    date: str
    title: Optional[str]
    url: Optional[str]
    outlet: str
    dup_group: Optional[str]
    text: str
    items: dict[str, list[dict[str, Any]]]
    copies: list[dict[str, Any]]


class SearchPage(Model):
    q: str
    rows: list[SearchHit]
    page: int
    has_more: bool


def _web(request: Request) -> views.Web:
    return request.app.state.web


@router.get("/overview", response_model=Overview, summary="The story at a glance")
def overview(request: Request):
    """Period and counts, the main series with their latest values, the newest alerts."""
    out = views.overview(_web(request))
    # copies: the page data is cached and shared with the HTML page
    return {**out, "main_series": [{k: v for k, v in s.items() if k != "sparkline"} for s in out["main_series"]]}


@router.get("/timeline", response_model=TimelineOut, summary="The story's timeline")
def timeline(request: Request, date_from: Optional[str] = Query(None, alias="from", description="YYYY-MM-DD"),
             date_to: Optional[str] = Query(None, alias="to", description="YYYY-MM-DD"),
             q: Optional[str] = Query(None, description="Only events matching these words."),
             n: Optional[int] = Query(None, description="Number of dates (default: chosen from the data).")):
    return views.timeline(_web(request), date_from, date_to, q, n)


@router.get("/brief", response_model=BriefingOut, summary="Briefing since a date")
def brief(request: Request, since: Optional[str] = Query(None, description="YYYY-MM-DD (default: the day before "
                                                                            "the latest article)")):
    return views.briefing(_web(request), since)


@router.get("/series", response_model=SeriesList, summary="Figure series")
def series(request: Request, measure: Optional[str] = Query(None, description="killed, wounded, ...")):
    """Cumulative tolls by measure, place, category and source, largest first (without their points)."""
    out = views.figures(_web(request), measure)
    return {"series_state": out["series_state"], "series": out["series"]}


@router.get("/series/{series_id}", response_model=SeriesDetail, summary="One series with its points")
def series_detail(request: Request, series_id: str, page: int = PageNo):
    """Points newest first (100 a page), each with the alert that flags it, if any."""
    out = views.series_detail(_web(request), series_id, page)
    out.pop("spec", None)
    return out


@router.get("/alerts", response_model=AlertList, summary="Alerts over the series")
def alerts(request: Request):
    out = views.figures(_web(request))
    return {"alerts_state": out["alerts_state"], "alerts": out["alerts"]}


@router.get("/figures", response_model=FigurePage, summary="Every extracted figure")
def figures(request: Request, measure: Optional[str] = None, scope: Optional[str] = None,
            since: Optional[str] = Query(None, description="Articles published on or after (YYYY-MM-DD)."),
            until: Optional[str] = Query(None, description="Articles published on or before (YYYY-MM-DD)."),
            page: int = PageNo):
    return views.figure_list(_web(request), measure, scope, since, until, page)


@router.get("/claims", response_model=ClaimPage, summary="Attributed claims")
def claims(request: Request, speaker: Optional[str] = Query(None, description="Part of the speaker's name."),
           entity: Optional[str] = Query(None, description="Speaker entity id."),
           about: Optional[str] = Query(None, description="Entity id named in the claim's content."),
           since: Optional[str] = None, until: Optional[str] = None,
           verb: Optional[str] = Query(None, description="Reporting verb (cue), e.g. said."),
           mode: Optional[str] = Query(None, description="direct, reported or mixed."), page: int = PageNo):
    """Newest article first, 50 a page."""
    out = views.claims(_web(request), speaker, entity, about, since, until, verb, mode, page)
    return {"rows": out["rows"], "page": out["page"], "has_more": out["has_more"]}


@router.get("/entities", response_model=EntityPage, summary="Canonical entities")
def entities(request: Request, kind: Optional[str] = Query(None, description="person, organisation, place, group"),
             q: Optional[str] = Query(None, description="Part of a name or alias."), page: int = PageNo):
    return views.entities(_web(request), kind, q, page)


@router.get("/entities/{entity_id:path}", response_model=EntityProfile, summary="An entity's profile")
def entity(request: Request, entity_id: str):
    out = views.entity(_web(request), entity_id)
    out.pop("spec", None)
    return out


@router.get("/articles/{doc_id:path}", response_model=Article, summary="An article with its extracted items")
def article(request: Request, doc_id: str):
    out = views.article(_web(request), doc_id, None)
    return {k: v for k, v in out.items() if k not in ("html", "focus", "focus_text", "entities")}


@router.get("/search", response_model=SearchPage, summary="Full-text search over articles")
def search(request: Request, q: str = Query(..., description="SQLite FTS5 query: words, \"phrases\", AND/OR/NOT, "
                                                            "prefix*"),
           since: Optional[str] = None, until: Optional[str] = None,
           outlet: Optional[str] = Query(None, description="Outlet host, e.g. example.com"),
           sort: Optional[str] = Query(None, description="newest (default), relevance or oldest"), page: int = PageNo):
    """Matches are marked in ``snippet`` with U+0002 (start) and U+0003 (end). A query FTS5 cannot read
    gives 400 with an explanation and ``suggestion`` (the same words as a plain query); one with too many
    terms (words and phrases, prefix* terms, NEAR groups or words in one), or still running when the
    search's time budget ends, gives 400 saying which limit and how to narrow it (``suggestion`` null)."""
    out = views.search(_web(request), q, since, until, outlet, sort, page)
    return {"q": out["q"], "rows": out["rows"], "page": out["page"], "has_more": out["has_more"]}


@router.get("/status", summary="Derived views computed so far")
def status(request: Request):
    web = _web(request)
    return {"stats": web.data.stats(), **web.derived.status()}
