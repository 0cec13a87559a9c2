"""Hostile input and crashes: parsers never crash or hang, spans always hold what they claim,
and a SIGKILL in the middle of an ingest never corrupts the ledger or leaves half an article."""
from __future__ import annotations

import datetime as dt
import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dateline.analyze import nlp
from dateline.analyze.numbers import find_numbers
from dateline.analyze.pipeline import analyze_batch
from dateline.ingest.decode import decode_bytes, parse_date
from dateline.ingest.errors import InputError, InputProblem
from dateline.ingest.sources import read_file
from dateline.records import Document

# Text with what breaks naive code: right-to-left script, combining marks, zero-width
# characters, every kind of quotation mark, digits and separators.
HOSTILE = st.text(alphabet=st.sampled_from(list(
    "abc XYZ .,;:!?-–—()[]'\"“”‘’«»\n\t 0123456789 ١٢٣ שלום مرحبا \u0301\u0308\u200b\u200d\u202e\ufeff%$€")), max_size=400)
FAST = settings(max_examples=60, deadline=2000, suppress_health_check=[HealthCheck.too_slow])


@FAST
@given(st.binary(max_size=2000))
def test_decode_never_crashes(data):
    try:
        text, _ = decode_bytes(data)
        assert isinstance(text, str)
    except InputError:
        pass


@FAST
@given(st.one_of(st.text(max_size=40), st.integers(), st.none()))
def test_dates_parse_or_fail_clearly(value):
    try:
        assert isinstance(parse_date(value), dt.date)
    except InputError as e:
        assert e.reason


@FAST
@given(st.lists(st.one_of(HOSTILE, st.just('{"id": "x", "date": "2024-01-01", "text": "ok"}'),
                          st.just("[1, {"), st.just("null")), max_size=8))
def test_jsonl_reader_yields_only_documents_or_problems(tmp_path_factory, lines):
    path = tmp_path_factory.mktemp("fz") / "f.jsonl"
    path.write_text("\n".join(lines), encoding="utf-8")
    for item in read_file(path):
        assert isinstance(item, (Document, InputProblem))


@FAST
@given(HOSTILE)
def test_segments_cover_the_text_exactly(text):
    bounds = nlp.segment(text)
    assert "".join(text[s:e] for s, e in bounds) == text
    assert all(s < e for s, e in bounds)


@FAST
@given(st.one_of(HOSTILE, st.builds(lambda n, w: f"{w} {n:,} {w}", st.integers(0, 10 ** 30),
                                     st.sampled_from(["about", "at least", "killed", "nearly"]))))
def test_numbers_keep_their_spans(text):
    for n in find_numbers(text):
        assert text[n.start:n.end] == n.text and n.value == n.value      # not NaN


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(HOSTILE)
def test_extraction_spans_hold_what_they_claim(text):
    text = "“At least 12 people were killed on Sunday,” the ministry said. " + text
    analysis = analyze_batch([Document(id="f", text=text, date=dt.date(2024, 3, 4))], cache=None)[0]
    for f in analysis.figures:
        assert f.sentence.start <= f.span.start < f.span.end <= f.sentence.end <= len(text)
        assert any(ch.isdigit() or ch.isalpha() for ch in text[f.span.start:f.span.end])
    for c in analysis.claims:
        assert 0 <= c.content.start < c.content.end <= len(text)
        assert c.span.start <= c.content.start and c.content.end <= c.span.end
    for t in analysis.times:
        assert text[t.span.start:t.span.end] == t.text
    for m in analysis.mentions:
        assert text[m.span.start:m.span.end] == m.text


def test_a_one_megabyte_sentence_is_bounded():
    text = "At least 12 people were killed, officials said. " + ("flood " * 175_000)   # ~1 MB, no full stop
    start = time.perf_counter()
    analysis = analyze_batch([Document(id="big", text=text, date=dt.date(2024, 3, 4))], cache=None)[0]
    assert [f.value for f in analysis.figures] == [12]
    assert time.perf_counter() - start < 120


def test_unbalanced_and_nested_quotes():
    text = ("He said “they said ‘we will “never” leave’ and then. "
            "She added: \"open quote never closed. “” ‘’ «» » « "
            "The ministry said 40 people were hurt.")
    analysis = analyze_batch([Document(id="q", text=text, date=dt.date(2024, 3, 4))], cache=None)[0]
    assert [f.value for f in analysis.figures] == [40]


# --- crash safety ---------------------------------------------------------------------

def _corpus(path: Path, n: int) -> Path:
    rows = [{"id": f"a{i:03d}", "date": f"2024-03-{1 + i % 28:02d}",
             "text": f"At least {10 + i} people were killed in Tarvo on Monday, officials said. "
                     f"Rescuers searched the river banks for {i % 7 + 2} missing people."}
            for i in range(n)]
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


def _ingest(src: Path, db: Path) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "dateline.cli", "ingest", str(src), "--db", str(db),
                             "--batch-size", "3", "--quiet"], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)


def _state(db: Path) -> tuple:
    con = sqlite3.connect(db)
    try:
        assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
        # no partial article: every stored article has its figures, and nothing points at a missing one
        assert con.execute("SELECT count(*) FROM documents d WHERE NOT EXISTS"
                           " (SELECT 1 FROM figures f WHERE f.doc = d.id)").fetchone()[0] == 0
        assert con.execute("SELECT count(*) FROM figures WHERE doc NOT IN (SELECT id FROM documents)").fetchone()[0] == 0
        docs = con.execute("SELECT id, hash FROM documents ORDER BY id").fetchall()
        figures = con.execute('SELECT id, value, measure, qualifier, scope FROM figures ORDER BY id').fetchall()
        claims = con.execute("SELECT id, speaker, cue FROM claims ORDER BY id").fetchall()
        entities = con.execute("SELECT id, name, mentions FROM entities ORDER BY id").fetchall()
        return docs, figures, claims, entities
    finally:
        con.close()


def _stored(db: Path) -> int:
    try:
        con = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=1)
        try:
            return con.execute("SELECT count(*) FROM documents").fetchone()[0]
        finally:
            con.close()
    except sqlite3.Error:
        return 0


def test_sigkill_mid_ingest_then_rerun_equals_uninterrupted(tmp_path):
    n = 90
    src = _corpus(tmp_path / "in.jsonl", n)
    reference = tmp_path / "reference.db"
    assert _ingest(src, reference).wait(timeout=300) == 0
    expected = _state(reference)
    assert len(expected[0]) == n

    db = tmp_path / "killed.db"
    rng = random.Random(7)
    kills = 0
    for _ in range(3):
        target = _stored(db) + rng.randint(1, 20)      # kill once a few more batches have landed
        proc = _ingest(src, db)
        deadline = time.monotonic() + 120
        while proc.poll() is None and _stored(db) < target and time.monotonic() < deadline:
            time.sleep(0.02)
        time.sleep(rng.uniform(0, 0.3))                 # anywhere inside the next batch
        if proc.poll() is None:
            os.kill(proc.pid, signal.SIGKILL)
            kills += 1
        proc.wait(timeout=60)
        assert len(_state(db)[0]) <= n
    assert kills >= 2
    assert _ingest(src, db).wait(timeout=300) == 0
    assert _state(db) == expected


def test_web_reads_never_fail_or_see_half_an_article_while_an_ingest_writes(tmp_path):
    """The server (read-only connection) is queried in a loop while another process ingests."""
    from fastapi.testclient import TestClient

    from dateline import Ledger
    from dateline.web.app import create_app

    db = tmp_path / "live.db"
    Ledger(db).close()                                  # the server needs an existing database
    src = _corpus(tmp_path / "in.jsonl", 60)
    client = TestClient(create_app(db, background=False, warm=False), base_url="http://127.0.0.1:8000")
    proc = _ingest(src, db)
    reads = seen_docs = 0
    deadline = time.monotonic() + 240
    try:
        while time.monotonic() < deadline:
            done = proc.poll() is not None
            page = client.get("/api/search", params={"q": "Tarvo"})
            assert page.status_code == 200, page.text
            for hit in page.json()["rows"][:3]:
                article = client.get(f"/api/articles/{hit['id']}")
                assert article.status_code == 200, article.text
                body = article.json()
                # an article is visible only together with its extractions
                assert body["items"]["figure"], body
                seen_docs += 1
            assert client.get("/").status_code == 200
            reads += 1
            if done:
                break
    finally:
        if proc.poll() is None:
            proc.kill()
    assert proc.wait(timeout=60) == 0
    assert reads >= 3 and seen_docs >= 1
