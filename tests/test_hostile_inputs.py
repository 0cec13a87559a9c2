"""Hostile input files (issue 20): a body the parser could take for a file name or a URL, lines that
crash a parser, files that lose data in silence, oversized titles and odd ids. Every case is that
input's (or that line's) own error, named by file and line; the rest of the batch is read."""
from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import textwrap
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from dateline.ingest import sources
from dateline.ingest.sources import read_inputs
from dateline.records import Document

ARTICLE = ("The river rose by two metres on Monday, officials in Tarvo said. "
           "At least 12 people were killed, the ministry said.")


def docs_and_problems(paths, **kw):
    items = list(read_inputs(paths, **kw))
    return [i for i in items if isinstance(i, Document)], [i for i in items if not isinstance(i, Document)]


def rss(*items: str) -> str:
    return ("<?xml version='1.0'?><rss version='2.0'><channel><title>F</title>\n" + "\n".join(items)
            + "\n</channel></rss>\n")


def item(n: int, title: str = "Floods", text: str = ARTICLE) -> str:
    return (f"<item><title>{title} {n}</title><link>https://example.org/e{n}</link>"
            f"<pubDate>Fri, 05 Jan 2024 07:00:00 GMT</pubDate><description>{text}</description></item>")


@pytest.fixture
def server():
    """A local HTTP server that counts the requests it gets."""
    hits: list[str] = []

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):
            hits.append(self.path)
            body = rss(item(99)).encode()
            self.send_response(200)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}", hits
    httpd.shutdown()
    httpd.server_close()


# --- a feed body is data, never a location ----------------------------------------------------
def test_a_feed_file_naming_another_file_is_not_opened(tmp_path):
    hidden = tmp_path / "private" / "other.rss"
    hidden.parent.mkdir()
    hidden.write_text(rss(item(1)), encoding="utf-8")
    named = tmp_path / "in" / "feed.xml"
    named.parent.mkdir()
    named.write_text(str(hidden), encoding="utf-8")
    docs, problems = docs_and_problems([named])
    assert docs == [] and len(problems) == 1 and "feed has no entries" in problems[0].reason


def test_a_feed_file_naming_a_url_makes_no_request(tmp_path, server):
    base, hits = server
    named = tmp_path / "feed.rss"
    named.write_text(f"{base}/feed.xml", encoding="utf-8")
    docs, problems = docs_and_problems([named])
    assert docs == [] and hits == [] and len(problems) == 1


def test_a_feed_file_naming_a_device_is_read_in_bounded_memory(tmp_path):
    """``/dev/zero`` as the whole content of a feed file: read as text, not opened (which reads
    forever). In a subprocess capped at 1 GB of address space."""
    named = tmp_path / "feed.xml"
    named.write_text("/dev/zero", encoding="utf-8")
    script = textwrap.dedent(f"""
        import resource
        resource.setrlimit(resource.RLIMIT_AS, (1 << 30, 1 << 30))
        from dateline.ingest.sources import read_inputs
        for item in read_inputs([{str(named)!r}]):
            print(item)
    """)
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr[-2000:]
    assert "feed.xml: error: feed has no entries" in result.stdout


def test_an_html_page_that_is_a_url_makes_no_request(server):
    from dateline.ingest import html

    base, hits = server
    assert html.find_date(f"{base}/page.html") is None
    assert html.find_date(f"{base}/<p>On 5 March 2024</p>") in (None, "2024-03-05")
    assert hits == []


# --- one bad line is that line's error --------------------------------------------------------
def test_deep_nesting_and_lone_surrogates_are_the_lines_own_errors(tmp_path):
    lines = [json.dumps({"id": "a", "date": "2024-01-01", "text": ARTICLE}),
             "[" * 100_000 + "]" * 100_000,
             '{"id": "c", "date": "2024-01-01", "text": "a lone \\ud800 surrogate"}',
             '{"id": "d", "date": "2024-01-01", "title": "\\udfff", "text": "%s"}' % ARTICLE,
             json.dumps({"id": "e", "date": "2024-01-01", "text": ARTICLE + " Again."})]
    for name in ("f.jsonl", "f.json"):          # streamed, and read whole
        (tmp_path / name).write_text("\n".join(lines) + "\n", encoding="utf-8")
        docs, problems = docs_and_problems([tmp_path / name])
        assert [d.id for d in docs] == ["a", "e"], name
        assert [p.line for p in problems] == [2, 3, 4], name
        assert "nested too deeply" in problems[0].reason
        assert "lone surrogate" in problems[1].reason and "text" in problems[1].reason
        assert "lone surrogate" in problems[2].reason and "title" in problems[2].reason


def test_a_surrogate_character_reference_in_a_feed_spoils_nothing_else(tmp_path):
    feed = tmp_path / "feed.xml"
    feed.write_text(rss(item(1), item(2, title="Bad &#xD800;", text="Bad &#55296; text about the floods")),
                    encoding="utf-8")
    docs, problems = docs_and_problems([feed])
    assert [d.title for d in docs] == ["Floods 1", "Bad \ufffd 2"]
    assert docs[1].text == "Bad \ufffd text about the floods"
    assert [(p.level, p.line) for p in problems] == [("warning", 3), ("warning", 3)]
    assert "&#xD800;" in problems[0].reason and "&#55296;" in problems[1].reason and "surrogate" in problems[0].reason


def test_references_beyond_unicode_and_of_thousands_of_digits(tmp_path):
    feed = tmp_path / "feed.xml"
    feed.write_text(rss(item(1, title="Far &#x110000;"), item(2, title="Long &#" + "9" * 5000 + ";"),
                        item(3, title="Fine &#233; &#0000000233;")), encoding="utf-8")
    docs, problems = docs_and_problems([feed])
    assert [d.title for d in docs] == ["Far \ufffd 1", "Long \ufffd 2", "Fine é é 3"]
    assert [(p.level, p.line) for p in problems] == [("warning", 2), ("warning", 3)]


def test_any_exception_in_a_reader_is_that_files_error(tmp_path, monkeypatch):
    def broken(path, text, **opts):
        yield from docs_and_problems([tmp_path / "ok.jsonl"])[0]
        raise RuntimeError("the parser tripped")

    (tmp_path / "ok.jsonl").write_text(json.dumps({"id": "a", "date": "2024-01-01", "text": ARTICLE}) + "\n")
    (tmp_path / "b.csv").write_text("id,date,text\nb,2024-01-01,x\n", encoding="utf-8")
    monkeypatch.setitem(sources.READERS, "csv", broken)
    docs, problems = docs_and_problems([tmp_path / "b.csv", tmp_path / "ok.jsonl"])
    assert [d.id for d in docs] == ["a", "a"]
    (p,) = problems
    assert p.path.endswith("b.csv") and "RuntimeError: the parser tripped" in p.reason


def test_a_nul_byte_rejects_its_line_not_the_whole_json_lines_file(tmp_path):
    good = json.dumps({"id": "a", "date": "2024-01-01", "text": ARTICLE}).encode()
    bad = b'{"id": "b", "date": "2024-01-01", "text": "x\x00y"}'
    also = json.dumps({"id": "c", "date": "2024-01-01", "text": ARTICLE + " More."}).encode()
    for name in ("n.jsonl", "n.json"):
        (tmp_path / name).write_bytes(b"\n".join([good, bad, also]) + b"\n")
        docs, problems = docs_and_problems([tmp_path / name])
        assert [d.id for d in docs] == ["a", "c"], (name, problems)
        assert [p.line for p in problems] == [2]
    (tmp_path / "bin.jsonl").write_bytes(bytes(range(256)) * 64)     # still a binary file
    docs, (p,) = docs_and_problems([tmp_path / "bin.jsonl"])
    assert docs == [] and "binary file" in p.reason


# --- nothing lost in silence ------------------------------------------------------------------
def test_csv_with_an_unterminated_quote_is_an_error_not_one_merged_article(tmp_path):
    (tmp_path / "q.csv").write_text('id,date,text\na,2024-01-01,fine text here\nb,2024-01-01,"broken text\n'
                                    'c,2024-01-01,more text\nd,2024-01-01,and more\n', encoding="utf-8")
    docs, problems = docs_and_problems([tmp_path / "q.csv"])
    assert [d.id for d in docs] == ["a"]
    (p,) = problems
    assert p.level == "error" and p.line == 3 and "unterminated quoted field" in p.reason


def test_csv_quoted_fields_over_several_lines_still_read(tmp_path):
    (tmp_path / "m.csv").write_text('id,date,text\na,2024-01-01,"two\n\nparagraphs"\nb,2024-01-01,"last ""one"""',
                                    encoding="utf-8")
    docs, problems = docs_and_problems([tmp_path / "m.csv"])
    assert problems == [] and [d.text for d in docs] == ["two\n\nparagraphs", 'last "one"']


def _warc(path: Path, n: int, gz: bool) -> bytes:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    buf = io.BytesIO()
    writer = WARCWriter(buf, gzip=gz)
    for i in range(1, n + 1):
        body = (f"<html><head><title>T{i}</title><meta property='article:published_time' content='2024-03-0{i}'>"
                f"</head><body><article><h1>Floods {i}</h1>"
                + "".join(f"<p>At least {i * 10} people were killed when floodwater swept through Tarvo on Monday, "
                          f"the Interior Ministry said ({j}).</p>" for j in range(5)) + "</article></body></html>")
        headers = StatusAndHeaders("200 OK", [("Content-Type", "text/html; charset=utf-8")], protocol="HTTP/1.1")
        writer.write_record(writer.create_warc_record(f"https://news.invalid/{i}", "response",
                                                      payload=io.BytesIO(body.encode()), http_headers=headers))
    path.write_bytes(buf.getvalue())
    return buf.getvalue()


@pytest.mark.parametrize("name", ["t.warc", "t.warc.gz"])
def test_a_truncated_warc_is_an_error(tmp_path, name):
    whole = _warc(tmp_path / name, 3, gz=name.endswith(".gz"))
    docs, problems = docs_and_problems([tmp_path / name])
    assert len(docs) == 3 and problems == []
    for cut in (300, 40):
        (tmp_path / name).write_bytes(whole[:-cut])
        docs, problems = docs_and_problems([tmp_path / name])
        assert [d.url for d in docs] == ["https://news.invalid/1", "https://news.invalid/2"], cut
        (p,) = problems
        assert p.level == "error" and "truncated" in p.reason, p


def test_a_file_that_vanishes_during_the_run_is_an_error(tmp_path):
    (tmp_path / "a.jsonl").write_text(json.dumps({"id": "a", "date": "2024-01-01", "text": ARTICLE}) + "\n")
    (tmp_path / "b.jsonl").write_text(json.dumps({"id": "b", "date": "2024-01-01", "text": ARTICLE}) + "\n")
    items = read_inputs([tmp_path])
    first = next(items)
    assert first.id == "a"
    os.remove(tmp_path / "b.jsonl")
    (p,) = list(items)
    assert p.level == "error" and p.path.endswith("b.jsonl") and "no such file" in p.reason


def test_a_fifo_met_while_walking_is_reported_not_read(tmp_path):
    os.mkfifo(tmp_path / "pipe.jsonl")
    docs, (p,) = docs_and_problems([tmp_path])
    assert docs == [] and "not a regular file" in p.reason


# --- field limits -----------------------------------------------------------------------------
@pytest.mark.parametrize("record, reason", [
    ({"id": "t", "title": "x" * 2001}, "title too long"),
    ({"id": "t", "title": "a\x00b"}, "title contains NUL"),
    ({"id": "u", "url": "https://example.org/" + "x" * 8200}, "URL too long"),
    ({"id": "u", "url": "https://example.org/\x00"}, "URL contains NUL"),
    ({"id": "."}, "unusable id"),
    ({"id": ".."}, "unusable id"),
])
def test_title_url_and_id_limits(tmp_path, record, reason):
    (tmp_path / "l.jsonl").write_text(json.dumps({"date": "2024-01-01", "text": ARTICLE, **record}) + "\n")
    docs, (p,) = docs_and_problems([tmp_path / "l.jsonl"])
    assert docs == [] and p.line == 1 and reason in p.reason, p


def test_ordinary_titles_urls_and_dotted_ids_still_pass(tmp_path):
    (tmp_path / "ok.jsonl").write_text(json.dumps({"id": "a.b..c", "date": "2024-01-01", "text": ARTICLE,
                                                   "title": "t" * 2000, "url": "https://e.org/" + "x" * 8000}) + "\n")
    (d,), problems = docs_and_problems([tmp_path / "ok.jsonl"])
    assert problems == [] and d.id == "a.b..c"


# --- the whole batch, through the command line ------------------------------------------------
def test_ingest_of_a_hostile_folder_stores_the_good_articles_and_exits_1(tmp_path):
    from typer.testing import CliRunner

    from dateline import Ledger
    from dateline.cli import app

    inputs = tmp_path / "in"
    inputs.mkdir()
    (inputs / "a.jsonl").write_text("\n".join([
        json.dumps({"id": "good-1", "date": "2024-01-01", "text": ARTICLE}),
        "[" * 100_000 + "]" * 100_000,
        '{"id": "bad", "date": "2024-01-01", "text": "a lone \\ud800 surrogate"}',
        json.dumps({"id": "good-2", "date": "2024-01-02", "text": ARTICLE + " Again."})]) + "\n", encoding="utf-8")
    (inputs / "b.xml").write_text(rss(item(3, title="Bad &#xD800;")), encoding="utf-8")
    (inputs / "c.csv").write_text('id,date,text\ngood-3,2024-01-03,"' + ARTICLE + '"\nd,2024-01-03,"never closed\n'
                                  'e,2024-01-03,swallowed\n', encoding="utf-8")
    whole = _warc(inputs / "d.warc.gz", 2, gz=True)
    (inputs / "d.warc.gz").write_bytes(whole[:-40])
    result = CliRunner().invoke(app, ["ingest", str(inputs), "--db", str(tmp_path / "h.db")])
    assert result.exit_code == 1, result.output
    out = " ".join(result.output.split())                     # (Rich folds long lines)
    for needle in ("a.jsonl:2: error: invalid JSON: nested too deeply", "a.jsonl:3: error: text contains a lone",
                   "b.xml:2: warning: character reference &#xD800;", "c.csv:3: error: unterminated quoted field",
                   "d.warc.gz: error: truncated WARC file"):
        assert needle in out, (needle, out)
    with Ledger(tmp_path / "h.db", read_only=True) as ledger:
        ids = sorted(d.id for d in ledger.documents())
    assert len(ids) == 5 and {"good-1", "good-2", "good-3"} <= set(ids)       # + the feed entry + 1 WARC page


@pytest.mark.parametrize("line", [
    "8:10 a.m. — Gov. Jon Harlow, back on the island, tells reporters that 36 people have died.",
    "9:45 p.m. — Governor Harlow says the fire is 60 percent contained.",
    "11:02 a.m. – Mayor Ada Kroll: 14 shelters are open.",
])
def test_a_live_blogs_time_stamps_name_nobody_and_break_no_ledger(tmp_path, line):
    """A dash the tagger took for a person's name left an empty person key that stopped the whole ingest."""
    from dateline import Ledger
    from dateline.analyze.pipeline import analyze_text
    import datetime as dt

    text = "Live updates: the fire on the island\n" + line
    assert all(any(ch.isalpha() for ch in m.text) for m in analyze_text(text, "t", dt.date(2025, 8, 10)).mentions)
    src = tmp_path / "live.jsonl"
    src.write_text("\n".join(json.dumps(r) for r in (
        {"id": "live-1", "date": "2025-08-10", "text": text},
        {"id": "live-2", "date": "2025-08-11", "text": "Gov. Jon Harlow said 40 people had died."})) + "\n")
    with Ledger(tmp_path / "l.db") as ledger:
        ledger.ingest([src])
        assert len(list(ledger.documents())) == 2


def test_a_person_key_with_no_name_left_is_itself():
    from dateline.consolidate.aliases import _person_aliases

    assert _person_aliases({"", "jon harlow", "harlow"}) == {"": "", "jon harlow": "jon harlow",
                                                             "harlow": "jon harlow"}
