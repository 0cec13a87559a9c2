"""The web UI and JSON API (FastAPI TestClient, no browser) and the one-file report.

The ledger is the shipped demo corpus (invented) plus two articles written here: a
hostile one whose title, text and URL carry HTML/JS, and one with an awkward id.
"""
from __future__ import annotations

import hashlib
import html
import json
import re
import sqlite3
import time
from importlib.resources import files
from pathlib import Path
from urllib.parse import quote

import pytest

pytest.importorskip("fastapi")
from fastapi.testclient import TestClient  # noqa: E402

from dateline.ledger import Ledger  # noqa: E402
from dateline.web import create_app  # noqa: E402
from dateline.web import adapters, text  # noqa: E402
from dateline.web.report import build_report  # noqa: E402

DEMO = Path(str(files("dateline") / "demo"))
SCRIPT = "<script>alert(1)</script>"
IMG = "<img src=x onerror=alert(1)>"
HOSTILE = {
    "id": "hostile-0312", "url": "javascript:alert(1)", "date": "2024-03-12",
    "title": f"Flood {SCRIPT} warning {IMG}",
    "text": (f"Flood {SCRIPT} warning {IMG}\n"
             f"At least 12 people were killed in Tarvo on Monday, the Interior Ministry said {SCRIPT}. "
             f"“The river is {IMG} still rising,” Mayor Ilse Varga told reporters on Tuesday. "
             "Engineers said the dam near \"Karsa\" & the old bridge would hold."),
}
ODD = {"id": "odd:id@v2+x.y", "url": "https://example.net/odd", "date": "2024-03-13", "title": "Odd id",
       "text": "Odd id\nRescuers in Tarvo said 40 families were still without power on Wednesday."}


def write_corpus(folder: Path) -> Path:
    extra = folder / "extra.jsonl"
    extra.write_text("".join(json.dumps(d, ensure_ascii=False) + "\n" for d in (HOSTILE, ODD)), encoding="utf-8")
    return extra


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("web")
    path = folder / "web.db"
    with Ledger(path) as ledger:
        report = ledger.ingest([DEMO, write_corpus(folder)])
    assert report.ok, report.errors
    return path


@pytest.fixture(scope="module")
def client(db):
    app = create_app(db, background=False, allowed_hosts=["testserver"])
    with TestClient(app, raise_server_exceptions=False) as c:
        yield c


def doc_text(db: Path, doc: str) -> str:
    with Ledger(db, read_only=True) as ledger:
        return ledger.document(doc).text


def an_entity(client) -> dict:
    return client.get("/api/entities").json()["rows"][0]


# --- every page ------------------------------------------------------------------------

def test_every_page_renders(client):
    entity = an_entity(client)
    series = client.get("/api/series").json()["series"]
    assert series, "the demo corpus has cumulative tolls"
    pages = ["/", "/timeline", "/timeline?from=2024-03-05&to=2024-03-10", "/figures", "/figures?measure=killed",
             "/figures/all", "/figures/all?measure=killed&since=2024-03-01", "/alerts", f"/series/{series[0]['id']}",
             "/claims", "/claims?speaker=Sorvik", "/claims?verb=said&since=2024-03-01&until=2024-03-31",
             f"/claims?entity={quote(entity['id'])}", f"/claims?about={quote(entity['id'])}", "/entities",
             "/entities?kind=place&q=a", f"/entities/{quote(entity['id'], safe='')}", "/articles/belmoria-wire-0305",
             "/articles/belmoria-wire-0305?hl=32-164", f"/articles/{quote(ODD['id'], safe='')}", "/search",
             "/search?q=toll", "/search?q=toll&sort=newest&since=2024-03-01&outlet=example.org", "/brief",
             "/brief?since=2024-03-05", "/docs"]
    for page in pages:
        r = client.get(page)
        assert r.status_code == 200, (page, r.text[:300])
        assert r.headers["content-type"].startswith("text/html")
        assert "<title>" in r.text and "Something went wrong" not in r.text, page


def test_article_page_outlines_the_cited_span(client, db):
    body = client.get("/articles/belmoria-wire-0305?hl=32-164").text
    article_text = body.split('id="text">', 1)[1].split("</div>", 1)[0]
    outlined = "".join(html.unescape(m) for m in re.findall(r'class="[^"]*\bfocus\b[^"]*"[^>]*>([^<]*)<',
                                                             article_text))
    assert outlined == doc_text(db, "belmoria-wire-0305")[32:164]
    assert 'id="s32-164"' in body                        # the anchor the link scrolls to


def test_article_text_survives_rendering(db):
    """Highlighting only adds tags: stripping them gives back the stored text exactly."""
    with Ledger(db, read_only=True) as ledger:
        for doc in ("belmoria-wire-0305", HOSTILE["id"]):
            document = ledger.document(doc)
            out = text.render(document.text, text.marks_of(ledger.items(doc)), focus=(5, 40),
                              anchors=[(0, 10), (3, 50)], entity_href=text.entity_href)
            assert html.unescape(re.sub(r"<[^>]+>", "", str(out.html))) == document.text


def test_overlapping_marks_stay_flat():
    out = text.render("abcdefghij", [text.Mark(0, 6, "hl-claim"), text.Mark(4, 9, "hl-figure")])
    assert str(out.html) == ('<span class="hl-claim" data-s="0" data-e="4">abcd</span>'
                             '<span class="hl-claim hl-figure" data-s="4" data-e="6">ef</span>'
                             '<span class="hl-figure" data-s="6" data-e="9">ghi</span>j')


# --- the JSON API ----------------------------------------------------------------------

def test_api_overview_and_series_shapes(client, db):
    overview = client.get("/api/overview").json()
    assert overview["stats"]["articles"] >= 10 and overview["series_state"]["state"] == "ready"
    assert {"id", "measure", "latest_value", "latest_doc"} <= set(overview["main_series"][0])
    series = client.get("/api/series").json()["series"]
    detail = client.get(f"/api/series/{series[0]['id']}").json()
    assert detail["series"]["id"] == series[0]["id"] and detail["points"]
    for p in detail["points"]:
        sentence = doc_text(db, p["doc"])[p["start"]:p["end"]]
        number = doc_text(db, p["doc"])[p["value_start"]:p["value_end"]]
        assert number in sentence and p["value_start"] >= p["start"]


def test_api_claims_cite_their_content(client, db):
    rows = client.get("/api/claims", params={"speaker": "Sorvik"}).json()["rows"]
    assert rows and all("Sorvik" in (r["speaker"] or "") or r["speaker_entity"] for r in rows)
    for r in client.get("/api/claims").json()["rows"]:
        assert doc_text(db, r["doc"])[r["content_start"]:r["content_end"]] == r["content"]


def test_api_article_entity_search_timeline(client, db):
    a = client.get("/api/articles/belmoria-wire-0305").json()
    assert a["text"] == doc_text(db, "belmoria-wire-0305") and a["items"]["figure"]
    for f in a["items"]["figure"]:
        assert a["text"][f["start"]:f["end"]].replace(",", "").replace(".", "").strip()
    entity = an_entity(client)
    profile = client.get(f"/api/entities/{quote(entity['id'], safe='')}").json()
    assert profile["entity"]["id"] == entity["id"] and profile["mentions_by_day"]
    hits = client.get("/api/search", params={"q": "toll"}).json()["rows"]
    assert hits and all(text.SNIPPET_OPEN in h["snippet"] for h in hits)
    timeline = client.get("/api/timeline").json()
    assert timeline["state"] == "ready" and timeline["entries"]
    for e in timeline["entries"]:
        ev = e["evidence"][0]
        assert e["text"] in doc_text(db, ev["doc"])[ev["start"]:ev["end"]] or doc_text(db, ev["doc"])[ev["start"]:ev["end"]] in e["text"]


@pytest.mark.parametrize("query", ["toll", "river", "ministry AND flood*"])
def test_search_results_open_the_article_at_the_first_match(client, db, query):
    hits = client.get("/api/search", params={"q": query}).json()["rows"]
    assert hits
    for h in hits:
        marked = h["snippet"].split(text.SNIPPET_OPEN, 1)[1].split(text.SNIPPET_CLOSE, 1)[0]
        assert h["match_start"] is not None, h
        assert doc_text(db, h["id"])[h["match_start"]:h["match_end"]] == marked
    page = client.get("/search", params={"q": query}).text
    first = hits[0]
    assert html.escape(text.article_href(first["id"], first["match_start"], first["match_end"])) in page


def test_first_match_uses_the_words_before_it_to_find_the_right_place():
    body = "The toll rose. Officials said the toll was 12. A new toll came."
    o, c = text.SNIPPET_OPEN, text.SNIPPET_CLOSE
    second = body.index("toll was")
    assert text.first_match(f"…said the {o}toll{c} was 12. A new {o}toll{c}", body) == (second, second + 4)
    assert text.first_match(f"{o}toll{c} came.", body) == (4, 8)          # no context: the first one
    assert text.first_match("no marks here", body) is None
    assert text.first_match(f"{o}absent{c}", body) is None


def test_api_and_page_share_cached_data_without_changing_it(client):
    for _ in range(2):
        assert "sparkline" not in client.get("/api/overview").json()["main_series"][0]
        page = client.get("/")
        assert page.status_code == 200 and page.text.count('class="chart"') >= 1


@pytest.mark.parametrize("sort", ["newest", "oldest"])
def test_search_in_date_order_matches_a_plain_sort(client, sort):
    """The early-stopping walk over FTS matches gives exactly the page a full sort gives."""
    import datetime as dt

    data = client.app.state.web.data
    direction = "DESC" if sort == "newest" else ""
    for query in ("toll", "flood*", "Karsa OR Tarvo", "the"):
        for since, until in ((None, None), (dt.date(2024, 3, 6), None), (None, dt.date(2024, 3, 9))):
            for page in (1, 2):
                got = [r["id"] for r in data.search(query, since=since, until=until, sort=sort, page=page,
                                                    per_page=3).rows]
                where = " AND ".join(["documents_fts MATCH ?"] + ["d.date >= ?"] * bool(since)
                                     + ["d.date <= ?"] * bool(until))
                args = [query] + [d.isoformat() for d in (since, until) if d]
                expected = [r[0] for r in data.rows(
                    "SELECT d.id FROM documents_fts JOIN documents d ON d.rowid = documents_fts.rowid"
                    f" WHERE {where} ORDER BY d.date {direction}, d.id {direction} LIMIT 3 OFFSET ?",
                    (*args, (page - 1) * 3))]
                assert got == expected, (query, since, until, page)


def test_openapi_documents_the_api(client):
    schema = client.get("/openapi.json").json()
    assert {"/api/overview", "/api/claims", "/api/search", "/api/articles/{doc_id}"} <= set(schema["paths"])
    docs = client.get("/docs").text
    assert "/api/claims" in docs and "speaker" in docs


# --- untrusted text --------------------------------------------------------------------

def test_hostile_article_is_escaped_everywhere(client, db):
    pages = [f"/articles/{HOSTILE['id']}", f"/articles/{HOSTILE['id']}?hl=0-40", "/search?q=warning", "/claims",
             "/figures/all", "/"]
    for page in pages:
        body = client.get(page).text
        assert SCRIPT not in body and "<img src=x" not in body, page
        assert "onerror=alert" not in body.replace("onerror=alert(1)&gt;", ""), page
    article = client.get(f"/articles/{HOSTILE['id']}").text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in article and "&lt;img src=x onerror=alert(1)&gt;" in article
    assert 'href="javascript:' not in article                # a javascript: URL is never a link
    api = client.get(f"/api/articles/{HOSTILE['id']}").json()
    assert SCRIPT in api["text"]                               # JSON carries the text as it is


def test_chart_data_cannot_close_its_script_tag():
    from dateline.web.charts import json_script

    out = str(json_script({"t": "</script><script>alert(1)</script>", "u": "\u2028"}))
    assert "</script" not in out and "<" not in out and json.loads(out)["t"].startswith("</script>")


def test_snippet_marks_are_balanced_and_escaped():
    out = str(text.snippet_html(f"a {text.SNIPPET_OPEN}<b>{text.SNIPPET_CLOSE} {text.SNIPPET_CLOSE} {text.SNIPPET_OPEN}c"))
    assert out == "a <mark>&lt;b&gt;</mark>  <mark>c</mark>"


# --- errors ----------------------------------------------------------------------------

@pytest.mark.parametrize("query", ['"unclosed', "toll AND", "title:", "(((", "NEAR(", "*"])
def test_fts_syntax_errors_are_explained(client, query):
    r = client.get("/search", params={"q": query})
    assert r.status_code == 400 and "FTS5 syntax" in r.text, (query, r.status_code)
    if re.search(r"[a-z]", query):
        assert "Search for the words instead" in r.text
    api = client.get("/api/search", params={"q": query})
    assert api.status_code in (200, 400)
    if api.status_code == 400:
        assert "suggestion" in api.json()


@pytest.mark.parametrize("query, hit", [("worst-hit", "worst"), ("Belmoria's", "belmoria"),
                                        ("U.N.", None), ("Hamas-run", None), ("Israel's", None), ("a:b", None),
                                        ("rains-ease OR worst-hit", "ease|worst")])
def test_words_with_hyphens_dots_and_apostrophes_are_searched_as_written(client, query, hit):
    """Ordinary newsroom queries are no FTS5 errors (the page used to explain a colon that was not there)."""
    for sort in ("relevance", "newest"):
        r = client.get("/search", params={"q": query, "sort": sort})
        assert r.status_code == 200 and "could not read" not in r.text and "colon" not in r.text, (query, sort)
        rows = client.get("/api/search", params={"q": query, "sort": sort}).json()["rows"]
        assert bool(rows) == bool(hit), (query, rows)
        for row in rows:
            text = html.unescape(re.sub(r"<[^>]+>", "", row["snippet"]))
            assert re.search(hit, (text + (row["title"] or "")).casefold()), (query, text)


def test_fts_error_page_is_400_not_500(client):
    r = client.get("/search", params={"q": '"unclosed'})
    assert r.status_code == 400 and "could not read the search" in r.text
    assert client.get("/search", params={"q": "x" * 600}).status_code == 400


REFLECTED = '"><script>alert(1)</script><img src=x onerror=alert(2)>'


@pytest.mark.parametrize("path, params", [
    ("/search", {"q": REFLECTED}), ("/search", {"q": "flood", "outlet": REFLECTED, "sort": REFLECTED}),
    ("/claims", {"speaker": REFLECTED, "entity": REFLECTED, "about": REFLECTED, "verb": REFLECTED,
                 "mode": REFLECTED}),
    ("/entities", {"q": REFLECTED, "kind": REFLECTED}), ("/timeline", {"q": REFLECTED}),
    ("/brief", {"since": REFLECTED}), ("/articles/" + REFLECTED, {}), ("/entities/" + REFLECTED, {}),
    ("/articles/missing", {"hl": REFLECTED})])
def test_query_parameters_are_never_reflected_as_markup(client, path, params):
    r = client.get(path, params=params)
    assert r.status_code < 500, (path, r.status_code)
    assert "<script>alert" not in r.text and "<img src=x" not in r.text, path
    if path == "/search" and "q" in params and params["q"] == REFLECTED:
        assert "&lt;script&gt;alert(1)" in r.text       # shown, as text


@pytest.mark.parametrize("path", [
    "/articles/nope", "/articles/..%2F..%2Fetc%2Fpasswd", "/articles/%2e%2e/%2e%2e/etc/passwd",
    "/articles/' OR 1=1 --", "/entities/nope", "/entities/..%2F..%2Fpyproject.toml", "/series/nope",
    "/static/..%2F..%2Fpyproject.toml", "/static/../app.py", "/static/%2e%2e/app.py", "/nope",
    "/api/articles/nope", "/api/entities/%00", "/api/series/nope"])
def test_unknown_and_traversing_paths_are_404(client, path):
    r = client.get(path)
    assert r.status_code == 404, (path, r.status_code)
    assert "root:" not in r.text and "[project]" not in r.text


def test_bad_parameters_are_400(client):
    assert client.get("/claims?since=yesterday").status_code == 400
    assert "YYYY-MM-DD" in client.get("/claims?since=yesterday").text
    assert client.get("/api/claims?since=2024-02-30").status_code == 400
    assert client.get("/claims?page=0").status_code == 400
    assert client.get("/timeline?from=2024-03-10&to=2024-03-01").status_code == 400


# --- security headers, hosts, read-only ------------------------------------------------

def test_security_headers_on_every_kind_of_response(client):
    for path in ("/", "/api/overview", "/static/style.css", "/nope", "/search?q=%22"):
        r = client.get(path)
        assert r.status_code in (200, 400, 404), (path, r.status_code, r.text[-500:])
        csp = r.headers.get("content-security-policy", "")
        assert "default-src 'none'" in csp and "script-src 'self'" in csp and "unsafe" not in csp, path
        assert "frame-ancestors 'none'" in csp
        assert r.headers["x-content-type-options"] == "nosniff" and r.headers["x-frame-options"] == "DENY"
        assert r.headers["referrer-policy"] == "no-referrer"


def test_other_host_headers_are_refused(db):
    app = create_app(db, background=False)             # default: loopback names only
    with TestClient(app, base_url="http://127.0.0.1:8000") as c:
        assert c.get("/").status_code == 200
        assert c.get("/", headers={"host": "evil.example"}).status_code == 400


def test_no_asset_from_another_origin(client):
    for page in ("/", "/figures", "/entities", "/articles/belmoria-wire-0305", "/docs"):
        body = client.get(page).text
        assert not re.search(r"<(script|link|img|iframe)[^>]+(src|href)=\"(https?:)?//", body, re.I), page
    vendor = files("dateline") / "web" / "static" / "vendor"
    for name in ("vega.min.js", "vega-lite.min.js", "vega-embed.min.js", "vega-interpreter.min.js"):
        assert (vendor / name).is_file() and client.get(f"/static/vendor/{name}").status_code == 200


def test_server_never_writes(client, db):
    before = hashlib.sha256(db.read_bytes()).hexdigest()
    for page in ("/", "/figures", "/claims", "/search?q=toll", "/api/overview"):
        client.get(page)
    data = client.app.state.web.data
    with pytest.raises(sqlite3.OperationalError):
        data.rows("DELETE FROM documents")
    with pytest.raises(sqlite3.OperationalError):
        data.rows("CREATE TABLE x(a)")
    assert hashlib.sha256(db.read_bytes()).hexdigest() == before


def test_missing_database_is_an_error(tmp_path):
    with pytest.raises(FileNotFoundError):
        create_app(tmp_path / "none.db", background=False)
    assert not (tmp_path / "none.db").exists()


# --- derived views: background and unavailable ----------------------------------------

def test_background_views_become_ready(db):
    app = create_app(db, background=True, allowed_hosts=["testserver"])
    with TestClient(app) as c:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            state = c.get("/api/series").json()["series_state"]["state"]
            if state == "ready":
                break
            assert state in ("computing", "busy")
            page = c.get("/figures").text
            assert 'http-equiv="refresh"' in page and "being computed" in page
            time.sleep(0.3)
        assert state == "ready"
        assert c.get("/figures").text.count('class="series-chart"') >= 1


def test_missing_briefing_and_timeline_show_not_available(client, monkeypatch):
    def unavailable(*args, **kwargs):
        raise adapters.Unavailable("the briefing is not available in this version of dateline yet")

    monkeypatch.setattr(adapters, "briefing", unavailable)
    monkeypatch.setattr(adapters, "timeline", unavailable)
    for page in ("/brief?since=2024-03-02", "/timeline?from=2024-03-02"):
        r = client.get(page)
        assert r.status_code == 200 and "Not available yet" in r.text, page
    assert client.get("/api/brief?since=2024-03-02").json()["state"] == "unavailable"


def test_briefing_of_any_shape_is_normalized():
    out = adapters.normalize_briefing([{"date": "2024-03-05", "text": "Toll rises", "evidence": [
        {"doc": "d", "start": 1, "end": 5}]}, "plain line"])
    items = out["sections"][0]["items"]
    assert items[0]["evidence"] == [{"doc": "d", "start": 1, "end": 5}] and items[1]["text"] == "plain line"


# --- the one-file report ---------------------------------------------------------------

@pytest.fixture(scope="module")
def report_html(db) -> str:
    page, summary = build_report(db)
    assert "articles" in summary
    return page


def without_scripts(page: str) -> str:
    return re.sub(r"<script\b[^>]*>.*?</script>", "<script></script>", page, flags=re.S)


def test_report_is_self_contained(report_html):
    assert not re.search(r"<(script|link|img|iframe)[^>]+(src|href)=", without_scripts(report_html), re.I)
    for section in ("overview", "timeline", "figures", "alerts", "claims", "entities", "articles"):
        assert f'id="{section}"' in report_html
    assert "vegaEmbed" in report_html and "http-equiv=\"Content-Security-Policy\"" in report_html


def test_report_links_land_on_anchors(report_html):
    ids = set(re.findall(r'id="([^"]+)"', report_html))
    targets = set(re.findall(r'href="#([^"]*)"', without_scripts(report_html)))
    for spec in re.findall(r'<script type="application/json" id="[^"]+">(.*?)</script>', report_html, re.S):
        targets |= {v["link"][1:] for v in json.loads(spec)["data"]["values"] if "link" in v}
    assert targets and targets <= ids, sorted(targets - ids)[:5]
    assert any(t.startswith("d") and "-s" in t for t in targets)


def test_report_escapes_and_pins_its_scripts(report_html):
    import base64

    assert SCRIPT not in report_html and "<img src=x" not in report_html
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', report_html).group(1)
    scripts = re.findall(r"<script>(.*?)</script>", report_html, re.S)
    assert len(scripts) == 5
    for s in scripts:
        digest = base64.b64encode(hashlib.sha256(s.encode()).digest()).decode()
        assert f"'sha256-{digest}'" in html.unescape(csp)


def test_report_command_writes_the_file(db, tmp_path):
    from typer.testing import CliRunner

    from dateline.cli import app

    out = tmp_path / "story.html"
    result = CliRunner().invoke(app, ["report", "-o", str(out), "--db", str(db), "--max-claims", "50"])
    assert result.exit_code == 0, result.output
    assert out.stat().st_size > 500_000 and "report ->" in result.output


# --- a newcomer's first hour (issue 19) --------------------------------------------------

SPEC = re.compile(r'<script type="application/json" id="[^"]+">(.*?)</script>', re.S)


def _tooltip_problems(spec: dict) -> list[str]:
    """Tooltip fields that Vega-Lite parses into timestamps (a field some encoding draws on a time axis),
    shown without a date format: the tooltip would read "1703894400000"."""
    temporal, tooltips = set(), []

    def walk(node):
        if isinstance(node, dict):
            for key, value in node.items():
                if key == "tooltip":
                    tooltips.extend(value if isinstance(value, list) else [value])
                elif isinstance(value, dict) and value.get("type") == "temporal" and "field" in value:
                    temporal.add(value["field"])
                    walk(value)
                else:
                    walk(value)
        elif isinstance(node, list):
            for item in node:
                walk(item)

    walk(spec)
    return [t["field"] for t in tooltips if isinstance(t, dict) and t.get("field") in temporal
            and not (t.get("type") == "temporal" and (t.get("format") or t.get("timeUnit")))]


def test_chart_tooltips_show_days_not_timestamps(client, report_html):
    series = client.get("/api/series").json()["series"]
    pages = ["/", "/figures", f"/series/{quote(series[0]['id'], safe='')}", "/entities/" + an_entity(client)["id"]]
    specs = [json.loads(s) for path in pages for s in SPEC.findall(client.get(path).text)]
    specs += [json.loads(s) for s in SPEC.findall(report_html)]
    assert len(specs) >= 6
    for spec in specs:
        assert not _tooltip_problems(spec), spec.get("title")
    charts_with_days = [s for s in specs if any(t.get("title") == "as of" for layer in s.get("layer", [])
                                                for t in layer.get("encoding", {}).get("tooltip", []))]
    assert charts_with_days
    for spec in charts_with_days:
        field = next(t["field"] for layer in spec["layer"] for t in layer.get("encoding", {}).get("tooltip", [])
                     if t.get("title") == "as of")
        assert all(re.fullmatch(r"\d{4}-\d\d-\d\d", row[field]) for row in spec["data"]["values"])


def _series(id_: str, place, values: list[float]) -> dict:
    points = [{"figure": f"{id_}#{i}", "doc": "d", "start": 0, "end": 1, "as_of": f"2024-03-{i + 1:02d}",
               "doc_date": f"2024-03-{i + 1:02d}", "value": v, "qualifier": "exact", "value_max": None,
               "source": "s", "outlet": "", "source_inferred": False} for i, v in enumerate(values)]
    return {"id": id_, "measure": "killed", "place": place, "category": "people", "label": "s",
            "points": len(points), "latest_value": values[-1], "latest_as_of": points[-1]["as_of"],
            "latest_doc": "d", "series_points": points}


def test_the_overviews_main_series_are_placed_and_tell_one_toll():
    """An unplaced series ("killed · ? · people") or one mixing counts (latest 2 after 140) never heads the
    overview, however many reports it has; the next placed, consistent ones do."""
    from dateline.web import views

    series = [_series("unplaced", None, [2, 3, 2, 5, 2, 4, 2, 2]),
              _series("mixed", "tarvo", [23, 41, 140, 139, 4, 2, 2]),
              _series("toll", "belmoria", [23, 41, 67, 71, 64]),
              _series("revised", "karsa", [10, 12, 9]),
              _series("other", "lensk", [3])]
    main = views.main_series(series, {})
    assert [s["id"] for s in main] == ["toll", "revised", "other"]
    assert all(s["place"] for s in main)
    assert [s["id"] for s in views.headline_series(series, n=2)] == ["toll", "revised"]


def test_the_overview_and_report_show_only_headline_series(client, report_html):
    shown = client.get("/api/overview").json()["main_series"]
    assert shown and all(s["place"] for s in shown)
    page = client.get("/").text
    assert "· ? ·" not in page.split("<h2>Main series</h2>", 1)[1].split("</table>", 1)[0]
    main = report_html.split("<h2>Main series</h2>", 1)[1].split("</table>", 1)[0]
    assert "· ? ·" not in main and "· None ·" not in main
    for s in shown:             # each shown series' link in the report lands on its chart
        assert s["id"] in [x["id"] for x in client.get("/api/series").json()["series"]]
    anchors = re.findall(r'href="#(series-\d+)"', main)
    assert anchors and all(f'id="{a}"' in report_html for a in anchors)


def test_a_page_that_reloads_itself_says_so(client, monkeypatch):
    from dateline.web import derived

    def computing(self, kind, **params):
        return derived.Result("computing", message=derived.computing(kind, 2.0), seconds=2.0)

    monkeypatch.setattr(derived.Derived, "get", computing)
    for path in ("/brief?since=2024-03-07", "/timeline", "/figures", "/"):
        page = client.get(path).text
        assert 'http-equiv="refresh"' in page, path
        assert "reload in a moment" not in page and "reloads itself" in page, path
    assert "reload" not in client.get("/api/brief?since=2024-03-07").json()["message"]


def test_an_outlet_is_its_host_without_the_roots_dot(tmp_path):
    assert text.outlet_of("https://daijiworld.com./news/newsDisplay?newsID=1") == "daijiworld.com"
    assert text.outlet_of("https://www.example.org./a") == "example.org"
    assert text.outlet_of("https://example.org/a.") == "example.org"
    corpus = tmp_path / "dot.jsonl"
    corpus.write_text(json.dumps({"id": "dot-1", "url": "https://www.daijiworld.com./news/1", "date": "2024-03-05",
                                  "title": "Floods", "text": "Floods\nRescuers in Tarvo reached the valley."}) + "\n",
                      encoding="utf-8")
    with Ledger(tmp_path / "dot.db") as ledger:
        assert ledger.ingest([corpus]).ok
    app = create_app(tmp_path / "dot.db", background=False, allowed_hosts=["testserver"])
    with TestClient(app) as c:
        assert "daijiworld.com." not in c.get("/").text and "daijiworld.com" in c.get("/").text
        rows = c.get("/api/search", params={"q": "Tarvo", "outlet": "daijiworld.com"}).json()["rows"]
        assert [r["id"] for r in rows] == ["dot-1"] and rows[0]["outlet"] == "daijiworld.com"
        for sort in ("newest", "relevance"):
            page = c.get("/search", params={"q": "Tarvo", "outlet": "daijiworld.com", "sort": sort}).text
            assert "dot-1" in page and "daijiworld.com." not in page


def test_the_figure_filters_offer_the_records_vocabularies(client):
    from dateline.records import MEASURES, SCOPES

    page = client.get("/figures/all").text
    offered = re.findall(r"<option(?: selected)?>([^<]+)</option>", page)
    assert set(MEASURES) | set(SCOPES) <= set(offered)      # "missing" too


def test_a_briefing_after_the_ledgers_last_day_says_so(client):
    page = client.get("/brief", params={"since": "2030-01-01"}).text
    assert "The ledger ends on 2024-03-13: nothing in it was published after 2030-01-01." in page
    assert "0 articles published" not in page


# --- the figure page: dateline explain on the web -----------------------------------------------

def test_figure_page_shows_the_rules_series_and_alert(client, db):
    """Each figure has a page with what ``dateline explain`` prints: its decided attributes, the rules
    (decided and considered), its series and its alert or why none; figure lists and alerts link to it."""
    alerts = client.get("/api/alerts").json()["alerts"]
    assert alerts, "the demo corpus raises alerts"
    flagged = alerts[0]["figure"]
    with Ledger(db, read_only=True) as ledger:
        explained = ledger.explain(flagged)
    body = client.get(f"/figure/{quote(flagged, safe='')}").text
    assert "Something went wrong" not in body
    decided = [line.strip().removeprefix("=>").strip().split("  (")[0] for line in explained.rules
               if line.strip().startswith("=>")]
    assert decided and all(html.escape(rule.split(":", 1)[1]) in body for rule in decided)
    assert explained.series is not None and f"/series/{quote(explained.series.id)}" in body
    assert html.escape(alerts[0]["type"].replace("_", " ")) in body
    # a figure without an alert says why, as the CLI does
    series = client.get("/api/series").json()["series"]
    calm = next(p["figure"] for s in series for p in client.get(f"/api/series/{s['id']}").json()["points"]
                if p["figure"] not in {a["figure"] for a in alerts})
    with Ledger(db, read_only=True) as ledger:
        why = ledger.explain(calm).why_no_alert
    assert html.escape(why) in client.get(f"/figure/{quote(calm, safe='')}").text
    # figure lists, series and alerts link to the page
    assert f'href="/figure/{quote(flagged, safe="")}"' in client.get("/alerts").text
    assert 'href="/figure/' in client.get("/figures/all").text


def test_figure_page_of_an_unknown_figure_is_404(client):
    r = client.get("/figure/" + quote("no-such#f1-2", safe=""))
    assert r.status_code == 404 and "no-such" in html.unescape(r.text)
