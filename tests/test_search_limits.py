"""Hostile queries (issue 20): a search with too many terms is refused before it runs, and one that runs
too long is stopped at its time budget, in the library, the CLI and the web, saying why and how to narrow it.

The ledger is a few hundred invented articles of made-up words (written straight into the store: no
analysis), where every article holds words beginning with each letter used below, so a NEAR group of
one-letter prefixes compares positions in every article: about half a second unbounded, here.
"""
from __future__ import annotations

import datetime as dt
import random
import sqlite3
import time
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dateline import Analysis, Document, Ledger
from dateline.cli import app
from dateline.store.fts import query as fts_query
from dateline.store.search_limits import (MAX_NEAR_GROUPS, MAX_NEAR_PHRASES, MAX_PREFIX_TERMS, MAX_TERMS,
                                          QueryRefused, SearchTooCostly, TooManyTerms, check_terms)
from dateline.store.sqlite import Store

SYLLABLES = ["ka", "ri", "to", "ma", "ne", "su", "lo", "pe", "ta", "vi", "do", "ra", "mi", "ko", "sa", "le"]
# within every limit (16 prefix terms, NEAR groups of 8), yet the costliest kind of query there is
COSTLY = "NEAR(k* r* t* m* n* s* l* p*, 1000) OR NEAR(d* v* k* r* t* m* n* s*, 1000)"
CHEAP = "kari OR tomane"
# a statement that runs for minutes whatever the data: no budget test can pass by finishing early
FOR_MINUTES = ("WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 10000000000)"
               " SELECT count(*) FROM c")
runner = CliRunner()


@pytest.fixture(scope="module")
def db(tmp_path_factory) -> Path:
    rng = random.Random(20)
    vocabulary = ["".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))) for _ in range(3000)]
    vocabulary += ["kari", "tomane"]
    path = tmp_path_factory.mktemp("budget") / "budget.db"
    store = Store(path)
    try:
        with store.transaction():
            store.write_analyses([Analysis(Document(
                id=f"a{i:03d}", date=dt.date(2024, 1, 1) + dt.timedelta(days=i % 60), title=f"Report {i}",
                url=f"https://example.org/{i}", text=" ".join(rng.choices(vocabulary, k=1000))))
                for i in range(400)], {})
    finally:
        store.close()
    return path


@pytest.fixture()
def ledger(db):
    with Ledger(db, read_only=True) as ledger:
        yield ledger


# --- the limits, checked before a query runs -------------------------------------------

def _over(limit: int, term: str = "w", join: str = " OR ") -> str:
    return join.join([term] * (limit + 1))


@pytest.mark.parametrize("typed, what", [
    (_over(MAX_TERMS), "words and phrases"),
    (_over(MAX_PREFIX_TERMS, "flood*"), "prefix* terms"),
    ("NEAR(" + _over(MAX_NEAR_PHRASES, join=" ") + ", 10)", "in one NEAR group"),
    (_over(MAX_NEAR_GROUPS, "NEAR(dam river, 5)"), "NEAR groups"),
])
def test_a_query_over_a_limit_is_refused_naming_it(typed, what):
    with pytest.raises(TooManyTerms) as refused:
        check_terms(fts_query(typed))
    assert what in str(refused.value) and "narrow the query" in str(refused.value)
    assert refused.value.found > refused.value.limit


@pytest.mark.parametrize("typed", [
    " OR ".join(["w"] * MAX_TERMS), " OR ".join(["flood*"] * MAX_PREFIX_TERMS),
    "NEAR(" + " ".join(["w"] * MAX_NEAR_PHRASES) + ", 10)", " OR ".join(["NEAR(dam river, 5)"] * MAX_NEAR_GROUPS),
    "NEAR(rafah crossing, 5)", "Hamas-run AND U.N.", "title:gaza", '"death toll" NOT flood*', COSTLY,
])
def test_queries_within_the_limits_pass(typed):
    assert check_terms(fts_query(typed)) == fts_query(typed)


def test_a_refused_query_never_reaches_sqlite(ledger):
    statements: list[str] = []
    ledger.store.db.set_trace_callback(statements.append)
    try:
        start = time.monotonic()
        with pytest.raises(TooManyTerms):
            ledger.search(" OR ".join(["k*", "r*", "t*", "m*", "n*"] * 8))
        assert time.monotonic() - start < 0.5
    finally:
        ledger.store.db.set_trace_callback(None)
    assert not [s for s in statements if "MATCH" in s]


# --- the time budget ---------------------------------------------------------------------

def test_a_statement_past_the_budget_is_stopped_on_time(ledger):
    start = time.monotonic()
    with pytest.raises(SearchTooCostly) as stopped:
        with ledger.store.time_budget(0.1):
            ledger.store.db.execute(FOR_MINUTES).fetchone()
    assert 0.1 <= time.monotonic() - start < 1.5
    assert stopped.value.budget == 0.1 and "0.1 s" in str(stopped.value)


def test_a_costly_search_is_stopped_within_its_budget(ledger):
    start = time.monotonic()
    with pytest.raises(SearchTooCostly) as stopped:
        ledger.search(COSTLY, budget=0.02)
    assert time.monotonic() - start < 1.0
    assert "narrow the query" in str(stopped.value) and isinstance(stopped.value, QueryRefused)


def test_a_budget_of_nothing_stops_at_the_first_check(ledger):
    with pytest.raises(SearchTooCostly):
        ledger.search(COSTLY, budget=0)


def test_the_budget_ends_with_the_search(ledger):
    """After a search is stopped the connection runs anything again, unbounded, and normal searches work."""
    with pytest.raises(SearchTooCostly):
        ledger.search(COSTLY, budget=0)
    assert [r["id"] for r in ledger.search(CHEAP, limit=3)]
    count = "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 200000) SELECT count(*) FROM c"
    assert list(ledger.store.rows(count))[0][0] == 200000
    assert len(ledger.search(COSTLY, limit=5, budget=None)) == 5


def test_a_syntax_error_is_still_fts5s(ledger):
    with pytest.raises(sqlite3.OperationalError):
        ledger.search('"unclosed', budget=5)


@pytest.mark.parametrize("budget", [-1, float("nan"), float("inf"), "5"])
def test_an_impossible_budget_is_refused(ledger, budget):
    with pytest.raises(ValueError, match="time budget"):
        ledger.search(CHEAP, budget=budget)


# --- the command line ----------------------------------------------------------------------

@pytest.mark.parametrize("args, says", [
    ([COSTLY, "--budget", "0.001"], "stopped after its time budget of 0.001 s"),
    ([" OR ".join(["flood*"] * 20)], "holds 20 prefix* terms; at most 16"),
])
def test_cli_says_in_one_line_why_a_search_was_refused(db, args, says):
    result = runner.invoke(app, ["search", *args, "--db", str(db)])
    assert result.exit_code == 2 and isinstance(result.exception, SystemExit)
    assert "Traceback" not in result.output
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error: ") and says in lines[0] and "narrow the query" in lines[0]


def test_cli_budget_is_above_zero_and_used(db):
    result = runner.invoke(app, ["search", CHEAP, "--budget", "0", "--db", str(db)])
    assert result.exit_code == 2 and "above 0" in result.output
    result = runner.invoke(app, ["search", CHEAP, "--budget", "30", "--json", "--db", str(db)])
    assert result.exit_code == 0 and result.output.count('"id"') == 20


# --- the web -------------------------------------------------------------------------------

@pytest.fixture(scope="module")
def client(db):
    pytest.importorskip("fastapi")
    from fastapi.testclient import TestClient

    from dateline.web import create_app

    return TestClient(create_app(db, background=False, warm=False), base_url="http://127.0.0.1:8000")


@pytest.mark.parametrize("sort", ["newest", "relevance", "oldest"])
def test_web_says_why_a_search_was_stopped(client, monkeypatch, sort):
    monkeypatch.setattr(client.app.state.web.data, "search_budget", 0)
    page = client.get("/search", params={"q": COSTLY, "sort": sort})
    assert page.status_code == 400 and "stopped after its time budget" in page.text
    assert "narrow the query" in page.text and "Search for the words instead" not in page.text
    api = client.get("/api/search", params={"q": COSTLY, "sort": sort})
    assert api.status_code == 400
    assert "stopped after its time budget" in api.json()["detail"] and api.json()["suggestion"] is None
    monkeypatch.undo()
    assert client.get("/api/search", params={"q": CHEAP, "sort": sort}).json()["rows"]


def test_web_refuses_too_many_terms(client):
    q = " OR ".join(["flood*"] * 20)
    page = client.get("/search", params={"q": q})
    assert page.status_code == 400 and "20 prefix* terms; at most 16" in page.text
    api = client.get("/api/search", params={"q": q})
    assert api.status_code == 400 and "20 prefix* terms; at most 16" in api.json()["detail"]
    # a syntax error still offers the plain words
    assert client.get("/api/search", params={"q": '"unclosed'}).json()["suggestion"] == '"unclosed"'


def test_web_search_budget_ends_with_the_search(db):
    """A stopped search leaves the server's connection as it was: later queries on it run unbounded."""
    from dateline.web.data import SearchError, WebData

    data = WebData(db, search_budget=0)
    with pytest.raises(SearchError, match="stopped after its time budget of 0 s"):
        data.search(COSTLY)
    count = "WITH RECURSIVE c(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM c WHERE x < 200000) SELECT count(*) FROM c"
    assert data.rows(count)[0][0] == 200000
    data.search_budget = 30
    assert data.search(CHEAP).rows
