"""The web application: ``create_app(db)`` returns a FastAPI app over a read-only ledger.

Security: the database is opened read-only; every page is server-rendered with Jinja2
autoescaping (article text and titles are untrusted); a strict Content-Security-Policy
allows only this server's own scripts and styles (no inline script, no eval: Vega runs
with its expression interpreter); the Host header must name this server (DNS rebinding);
readers never send SQL, and FTS syntax errors become a 400 page that explains the syntax.
"""
from __future__ import annotations

import itertools
import logging
import os
import threading
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Optional, Sequence
from urllib.parse import urlencode

from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from fastapi.templating import Jinja2Templates
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.middleware.trustedhost import TrustedHostMiddleware

from .. import format
from . import charts, text, views
from .data import BIG_ENTITY_DOCS, SearchError, WebData
from .derived import Derived

HERE = Path(__file__).resolve().parent
STATIC = HERE / "static"
TEMPLATES = HERE / "templates"

CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
       "font-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
SECURITY_HEADERS = [
    (b"content-security-policy", CSP.encode()),
    (b"x-content-type-options", b"nosniff"),
    (b"x-frame-options", b"DENY"),
    (b"referrer-policy", b"no-referrer"),
    (b"cross-origin-opener-policy", b"same-origin"),
    (b"cross-origin-resource-policy", b"same-origin"),
    (b"permissions-policy", b"camera=(), microphone=(), geolocation=(), interest-cohort=()"),
]
LOOPBACK = ["127.0.0.1", "localhost", "::1", "[::1]"]
log = logging.getLogger("dateline.web")


class SecurityHeaders:
    """Adds the security headers to every response (plain ASGI: cheaper than BaseHTTPMiddleware)."""

    def __init__(self, app):
        self.app = app

    async def __call__(self, scope, receive, send):
        if scope["type"] != "http":
            return await self.app(scope, receive, send)

        async def send_with_headers(message):
            if message["type"] == "http.response.start":
                names = {k for k, _ in message.get("headers", [])}
                message["headers"] = list(message.get("headers", [])) + [h for h in SECURITY_HEADERS
                                                                         if h[0] not in names]
            await send(message)

        await self.app(scope, receive, send_with_headers)


def templates() -> Jinja2Templates:
    t = Jinja2Templates(directory=str(TEMPLATES))
    env = t.env
    env.autoescape = True
    env.globals.update(article_href=text.article_href, entity_href=text.entity_href, number=format.number,
                       outlet_of=text.outlet_of, safe_url=text.safe_url, json_script=charts.json_script,
                       qualified=charts.qualified, cite_links=views.cite_links, snippet_html=text.snippet_html,
                       figure_label=text.figure_label, marked=text.marked, alert_colours=charts.ALERT_COLOURS,
                       page_url=page_url, spec_id=_spec_ids())
    return t


def _spec_ids():
    """Unique element ids for the charts of a page."""
    counter = itertools.count(1)
    return lambda: f"chart-{next(counter)}"


def page_url(request: Request, page: int) -> str:
    """This page's address with another page number (a relative URL)."""
    params = dict(request.query_params)
    params["page"] = str(page)
    return f"{request.url.path}?{urlencode(params)}"


def create_app(db: os.PathLike | str, background: bool = True, allowed_hosts: Optional[Sequence[str]] = None,
               warm: bool = True) -> FastAPI:
    """The app over ``db`` (opened read-only). ``background=False`` computes series, alerts and the
    timeline inline (tests); ``allowed_hosts`` are the Host headers accepted (default: loopback names)."""
    data = WebData(db)
    derived = Derived(data, background=background)
    web = views.Web(data, derived)

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        if warm and background:        # what the overview and the default pages need, computed up front
            # one worker, cheapest first: the alerts and the briefing are the slow ones on a large ledger
            derived.get("series")
            derived.get("entity_index", big_docs=BIG_ENTITY_DOCS)
            derived.get("timeline")
            derived.get("alerts")
            derived.get("briefing", since=views.default_since(web).isoformat())
            threading.Thread(target=_warm_aggregates, args=(data,), daemon=True).start()
        yield
        derived.close()

    app = FastAPI(title="dateline", version="0.1.0", lifespan=lifespan, docs_url=None, redoc_url=None,
                  openapi_url="/openapi.json",
                  description="The JSON API behind the dateline web pages: an evidence-linked ledger of figures, "
                              "claims, dates and entities from news. Every item cites `doc`, `start`, `end`: "
                              "a character span of the stored article text. Read-only.")
    app.state.web = web
    app.state.templates = templates()
    app.add_middleware(TrustedHostMiddleware, allowed_hosts=list(allowed_hosts or LOOPBACK))
    app.add_middleware(SecurityHeaders)
    app.mount("/static", StaticFiles(directory=str(STATIC)), name="static")

    from .api import router as api_router
    from .pages import router as page_router

    app.include_router(api_router)
    app.include_router(page_router)
    _error_handlers(app)
    return app


def _warm_aggregates(data: WebData) -> None:
    """Counts, outlets and verbs scan whole tables: read them once before the first visitor asks."""
    try:
        data.stats()
        data.verbs()
    except Exception:       # the pages compute them again on demand
        log.exception("warming the aggregates")


def _wants_json(request: Request) -> bool:
    return request.url.path.startswith("/api/") or request.url.path == "/openapi.json"


def error_page(request: Request, status: int, title: str, message: str, **extra) -> HTMLResponse:
    return request.app.state.templates.TemplateResponse(
        request, "error.html", {"title": title, "message": message, "status": status, **extra}, status_code=status)


def _error_handlers(app: FastAPI) -> None:
    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException):
        if _wants_json(request):
            return JSONResponse({"detail": exc.detail}, status_code=exc.status_code)
        title = "Not found" if exc.status_code == 404 else "Error"
        message = exc.detail if exc.status_code != 404 or exc.detail != "Not Found" else \
            "There is nothing at this address."
        return error_page(request, exc.status_code, title, str(message))

    @app.exception_handler(views.NotFound)
    async def not_found(request: Request, exc: views.NotFound):
        if _wants_json(request):
            return JSONResponse({"detail": str(exc)}, status_code=404)
        return error_page(request, 404, "Not found", f"There is {exc}.")

    @app.exception_handler(views.BadRequest)
    async def bad_request(request: Request, exc: views.BadRequest):
        if _wants_json(request):
            return JSONResponse({"detail": str(exc)}, status_code=400)
        return error_page(request, 400, "Cannot read this request", str(exc))

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError):
        problems = "; ".join(f"{'.'.join(str(x) for x in e['loc'][1:])}: {e['msg']}" for e in exc.errors())
        if _wants_json(request):
            return JSONResponse({"detail": problems}, status_code=400)
        return error_page(request, 400, "Cannot read this request", problems)

    @app.exception_handler(SearchError)
    async def search_error(request: Request, exc: SearchError):
        q = request.query_params.get("q", "")
        suggestion = views.suggestion(q) if exc.suggest else None
        if _wants_json(request):
            return JSONResponse({"detail": str(exc), "suggestion": suggestion}, status_code=400)
        return request.app.state.templates.TemplateResponse(
            request, "search.html", {**views.search(request.app.state.web, None, None, None, None, None, 1),
                                     "q": q, "error": str(exc), "suggestion": suggestion},
            status_code=400)

    @app.exception_handler(Exception)
    async def internal(request: Request, exc: Exception):
        log.exception("error serving %s", request.url.path)
        if _wants_json(request):
            return JSONResponse({"detail": "internal error"}, status_code=500)
        return error_page(request, 500, "Something went wrong", "dateline could not build this page; the server log "
                                                                "has the details.")
