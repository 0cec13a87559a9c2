"""dateline watch: feeds and pages served from 127.0.0.1 (invented articles), a malformed feed, an HTTP 500,
a timeout and a refused connection; each failure is logged per feed and backs off, nothing else stops."""
from __future__ import annotations

import json
import socket
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from dateline import Ledger
from dateline import watch as watch_mod
from dateline.watch import Watcher, parse_every, read_feed_list

PARAGRAPHS = [
    "At least {n} people were killed when floodwater swept through {place} on Monday, the Interior Ministry said.",
    "Rescue workers searched collapsed houses on the edge of {place} through the night, a spokesperson said.",
    "About 3,500 residents have moved to shelters in schools and sports halls, local officials said on Tuesday.",
    "Forecasters expect the river to stay above its warning level until the end of the week.",
]


def page(n: int, place: str, day: str) -> bytes:
    body = "".join(f"<p>{p.format(n=n, place=place)}</p>" for p in PARAGRAPHS)
    return (f"<html><head><title>Floods in {place}</title><meta property='article:published_time' content='{day}'>"
            f"</head><body><article><h1>Floods in {place}</h1>{body}</article></body></html>").encode()


def rss(base: str, items: list[tuple[str, str, str]]) -> bytes:
    entries = "".join(f"<item><title>{title}</title><link>{base}{path}</link><guid>{base}{path}</guid>"
                      f"<pubDate>Tue, 05 Mar 2024 08:00:00 GMT</pubDate><description>{summary}</description></item>"
                      for path, title, summary in items)
    return (f"<?xml version='1.0'?><rss version='2.0'><channel><title>Valley News</title><link>{base}</link>"
            f"<description>invented</description>{entries}</channel></rss>").encode()


class Site:
    """Routes path -> (status, content type, body, delay seconds); changed by tests between passes."""

    def __init__(self):
        self.routes: dict[str, tuple[int, str, bytes, float]] = {}
        self.hits: dict[str, int] = {}


@pytest.fixture(scope="module")
def site():
    state = Site()

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):
            state.hits[self.path] = state.hits.get(self.path, 0) + 1
            status, ctype, body, delay = state.routes.get(self.path, (404, "text/plain", b"not found", 0))
            if delay:
                time.sleep(delay)
            try:
                self.send_response(status)
                self.send_header("Content-Type", ctype)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)
            except (BrokenPipeError, ConnectionResetError):
                pass                     # the client gave up (the timeout test)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    state.base = f"http://127.0.0.1:{server.server_address[1]}"
    yield state
    server.shutdown()
    server.server_close()


def closed_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class Clock:
    def __init__(self):
        self.now = 1_700_000_000.0

    def __call__(self) -> float:
        return self.now


def test_parse_every_and_feed_list(tmp_path):
    assert parse_every("15m") == 900 and parse_every("30s") == 30 and parse_every("2h") == 7200
    assert parse_every("45") == 45
    with pytest.raises(ValueError):
        parse_every("soon")
    feeds = tmp_path / "feeds.txt"
    feeds.write_text("# our feeds\nhttp://a.invalid/rss#top\n\nhttp://b.invalid/atom\nhttp://a.invalid/rss#top\n")
    assert read_feed_list(feeds) == ["http://a.invalid/rss#top", "http://b.invalid/atom"]


def test_watch_ingests_new_articles_and_survives_bad_feeds(site, tmp_path, caplog):
    base = site.base
    site.routes.update({
        "/valley.xml": (200, "application/rss+xml", rss(base, [("/a1.html", "Floods in Tarvo", "Tarvo floods"),
                                                              ("/a2.html", "Floods in Karsa", "Karsa floods")]), 0),
        "/a1.html": (200, "text/html", page(14, "Tarvo", "2024-03-05"), 0),
        "/a2.html": (500, "text/plain", b"oops", 0),
        "/broken.xml": (200, "application/rss+xml", b"<rss><channel><item><title>unclosed", 0),
        "/error.xml": (500, "text/plain", b"server error", 0),
        "/slow.xml": (200, "application/rss+xml", rss(base, []), 2.0),
    })
    feeds = tmp_path / "feeds.txt"
    feeds.write_text("\n".join([f"{base}/valley.xml", f"{base}/broken.xml", f"{base}/error.xml", f"{base}/slow.xml",
                                f"http://127.0.0.1:{closed_port()}/gone.xml"]) + "\n")
    db = tmp_path / "watch.db"
    clock = Clock()
    caplog.set_level("INFO", logger="dateline.watch")
    # (the test pages are on 127.0.0.1, as the feeds: allowed explicitly)
    with Watcher(db, feeds, every=60, timeout=0.5, retries=0, clock=clock, allow_private=True) as watcher:
        started = time.monotonic()
        first = watcher.run_once()
        assert time.monotonic() - started < 10            # the slow feed cost one timeout, not more
        status = {r.url.rsplit("/", 1)[1]: r.status for r in first.feeds}
        assert status == {"valley.xml": "ok", "broken.xml": "error", "error.xml": "error", "slow.xml": "error",
                          "gone.xml": "error"}
        assert first.added == 1 and first.feeds[0].page_failures == 1
        errors = {r.url.rsplit("/", 1)[1]: r.error for r in first.failed_feeds}
        assert "malformed feed" in errors["broken.xml"] and errors["error.xml"] == "HTTP 500"
        assert "Timeout" in errors["slow.xml"] and "Connect" in errors["gone.xml"]
        logged = caplog.text
        assert f"feed {base}/error.xml: HTTP 500 (failure 1; next try in 0:01:00)" in logged

        # next pass, a minute later: the failing page now works; failing feeds are retried once
        site.routes["/a2.html"] = (200, "text/html", page(31, "Karsa", "2024-03-05"), 0)
        site.routes["/error.xml"] = (500, "text/plain", b"still broken", 0)
        clock.now += 61
        hits_a1 = site.hits["/a1.html"]
        second = watcher.run_once()
        assert second.added == 1 and site.hits["/a1.html"] == hits_a1      # seen pages are not fetched again
        state = json.loads((tmp_path / "watch.db.watch.json").read_text())["feeds"]
        assert state[f"{base}/error.xml"]["failures"] == 2
        assert state[f"{base}/error.xml"]["next_try"] == pytest.approx(clock.now + 120)   # backs off: 1, 2, 4 ...
        assert state[f"{base}/valley.xml"]["failures"] == 0

        # a pass during the backoff leaves the failing feed alone
        clock.now += 61
        hits = site.hits.get("/error.xml", 0)
        third = watcher.run_once()
        assert {r.url.rsplit("/", 1)[1]: r.status for r in third.feeds}["error.xml"] == "waiting"
        assert site.hits.get("/error.xml", 0) == hits and third.added == 0
    with Ledger(db, read_only=True) as ledger:
        docs = {d.url: d for d in ledger.documents()}
        assert set(docs) == {f"{base}/a1.html", f"{base}/a2.html"}
        assert "At least 14 people were killed" in docs[f"{base}/a1.html"].text
        assert any(f["value"] == 31 for f in ledger.figures(measure="killed"))


def test_page_that_never_loads_falls_back_to_the_feed_text(site, tmp_path, monkeypatch):
    monkeypatch.setattr(watch_mod, "PAGE_ATTEMPTS", 1)
    base = site.base
    summary = "At least 6 people died in a landslide near Ostrel on Sunday, police said."
    site.routes["/ostrel.xml"] = (200, "application/rss+xml", rss(base, [("/missing.html", "Ostrel", summary)]), 0)
    feeds = tmp_path / "feeds.txt"
    feeds.write_text(f"{base}/ostrel.xml\n")
    with Watcher(tmp_path / "w.db", feeds, every=60, timeout=1, retries=0, allow_private=True) as watcher:
        report = watcher.run_once()
        assert report.added == 1 and report.feeds[0].page_failures == 1
        assert watcher.run_once().added == 0                      # seen: not stored twice
    with Ledger(tmp_path / "w.db", read_only=True) as ledger:
        (doc,) = ledger.documents()
        assert doc.text == summary and str(doc.date) == "2024-03-05"


def test_cli_watch_once_exit_code(site, tmp_path):
    from typer.testing import CliRunner

    from dateline.cli import app

    site.routes["/empty.xml"] = (200, "application/rss+xml", rss(site.base, []), 0)
    feeds = tmp_path / "feeds.txt"
    feeds.write_text(f"{site.base}/empty.xml\n")
    runner = CliRunner()
    ok = runner.invoke(app, ["watch", str(feeds), "--once", "--db", str(tmp_path / "c.db"), "--retries", "0"])
    assert ok.exit_code == 0, ok.output
    feeds.write_text(f"{site.base}/nothing-here.xml\n")
    failed = runner.invoke(app, ["watch", str(feeds), "--once", "--db", str(tmp_path / "c.db"), "--retries", "0"])
    assert failed.exit_code == 1
    bad = runner.invoke(app, ["watch", str(feeds), "--every", "soon", "--db", str(tmp_path / "c.db")])
    assert bad.exit_code == 2
