"""``dateline watch`` against hostile servers (issue 20), all local (``hostile_server``): trickling
bodies and headers, lying lengths, decompression bombs, bodies that name files and URLs, entry links
and redirects to addresses nobody named. No request outlives its deadline, memory stays bounded
(subprocesses under an address-space limit), and nothing is fetched that the user did not ask for."""
from __future__ import annotations

import gzip
import json
import subprocess
import sys
import textwrap
import threading
import time

import pytest

from dateline import Ledger
from dateline import fetch
from dateline.watch import Watcher
from hostile_server import Hostile, page, rss, stacked_bomb, zeros_gzip

SUMMARY = "At least {n} people died in a landslide near {place} on Sunday, police said."


@pytest.fixture
def hostile():
    server = Hostile()
    yield server
    server.stop()


@pytest.fixture
def internal():
    """A service on another port of this machine, which no feed should make watch call."""
    server = Hostile()
    server.routes["/secret"] = Hostile.ok(page(99, "Secretville"), "text/html")
    server.routes["/feed.xml"] = Hostile.ok(rss(server.base, [("/secret", "Secret", "internal")]))
    yield server
    server.stop()


def run_pass(watcher: Watcher, limit: float = 30.0):
    """``watcher.run_once()`` in a thread: a pass that hangs fails the test instead of the suite."""
    out: dict = {}
    worker = threading.Thread(target=lambda: out.setdefault("report", watcher.run_once()), daemon=True)
    started = time.monotonic()
    worker.start()
    worker.join(limit)
    assert not worker.is_alive(), f"the pass did not end within {limit} s"
    return out["report"], time.monotonic() - started


def by_name(report) -> dict:
    return {r.url.rsplit("/", 1)[1]: r for r in report.feeds}


def feeds_file(tmp_path, *urls: str):
    path = tmp_path / "feeds.txt"
    path.write_text("\n".join(urls) + "\n", encoding="utf-8")
    return path


# --- time ----------------------------------------------------------------------------------------
def test_a_trickling_server_is_cut_at_the_deadline(hostile, tmp_path):
    b = hostile.base
    hostile.routes.update({"/body.xml": Hostile.trickle_body, "/headers.xml": Hostile.trickle_headers,
                           "/feed.xml": Hostile.ok(rss(b, [("/slow.html", "Slow", "Slow page")])),
                           "/slow.html": Hostile.trickle_body})
    feeds = feeds_file(tmp_path, f"{b}/body.xml", f"{b}/headers.xml", f"{b}/feed.xml")
    with Watcher(tmp_path / "w.db", feeds, timeout=1, retries=0, allow_private=True) as watcher:
        report, took = run_pass(watcher)
    assert took < 6                                   # three requests of one second each, and no more
    feeds = by_name(report)
    assert feeds["body.xml"].status == "error" and "Timeout" in feeds["body.xml"].error
    assert feeds["headers.xml"].status == "error" and "Timeout" in feeds["headers.xml"].error
    assert feeds["feed.xml"].status == "ok" and feeds["feed.xml"].page_failures == 1


def test_a_declared_length_over_the_cap_is_refused_unread(hostile, tmp_path):
    hostile.routes["/huge.xml"] = Hostile.declared_huge
    feeds = feeds_file(tmp_path, f"{hostile.base}/huge.xml")
    with Watcher(tmp_path / "w.db", feeds, timeout=5, retries=0) as watcher:
        report, took = run_pass(watcher)
    (result,) = report.feeds
    assert took < 2 and "1,000,000,000,000 bytes declared" in result.error


def test_one_slow_feed_does_not_starve_the_others(hostile, tmp_path, caplog):
    b = hostile.base
    hostile.routes["/slow.xml"] = Hostile.ok(rss(b, [(f"/slow{i}.html", f"Slow {i}", "") for i in range(30)]))
    for i in range(30):
        hostile.routes[f"/slow{i}.html"] = Hostile.trickle_body
    hostile.routes["/next.xml"] = Hostile.ok(rss(b, [("/fine.html", "Fine", "")]))
    hostile.routes["/fine.html"] = Hostile.ok(page(4, "Tarvo"), "text/html")
    feeds = feeds_file(tmp_path, f"{b}/slow.xml", f"{b}/next.xml")
    caplog.set_level("INFO", logger="dateline.watch")
    with Watcher(tmp_path / "w.db", feeds, timeout=0.5, retries=0, allow_private=True,
                 feed_budget=1.0) as watcher:
        report, took = run_pass(watcher)
        assert took < 10 and report.added == 1                   # the next feed's article landed
        state = watcher.state.feed(f"{b}/slow.xml")
        assert not state.seen and 1 <= len(state.pending) <= 4 and state.etag is None
    assert "new entries wait for the next" in caplog.text


# --- memory --------------------------------------------------------------------------------------
WATCH_IN_A_BOX = textwrap.dedent("""
    import json, resource, sys, time
    limit = int(sys.argv[1])
    resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    from dateline.watch import Watcher
    out = []
    for feeds, db, allow in json.loads(sys.argv[2]):
        kwargs = {"allow_private": True} if allow else {}
        with Watcher(db, feeds, every=60, timeout=1, retries=0, **kwargs) as watcher:
            started = time.monotonic()
            report = watcher.run_once()
            out.append({"seconds": time.monotonic() - started, "added": report.added,
                        "feeds": {f.url.rsplit("/", 1)[1]: [f.status, f.error, f.page_failures] for f in report.feeds}})
    # the peak resident size of this process image (ru_maxrss would count the forking test process)
    status = open("/proc/self/status").read()
    out.append(int(status.split("VmHWM:")[1].split()[0]) * 1024)
    print(json.dumps(out))
""")


def watch_in_a_box(runs: list, limit: int = 1536 << 20, timeout: float = 120) -> tuple[list, int]:
    """Passes of ``Watcher.run_once`` in a subprocess capped at ``limit`` bytes of address space:
    ``runs`` are (feeds file, database, allow private addresses); returns the reports and peak RSS."""
    result = subprocess.run([sys.executable, "-c", WATCH_IN_A_BOX, str(limit),
                             json.dumps([[str(f), str(d), a] for f, d, a in runs])],
                            capture_output=True, text=True, timeout=timeout)
    assert result.returncode == 0, result.stderr[-3000:]
    *reports, peak = json.loads(result.stdout.strip().splitlines()[-1])
    return reports, peak


def test_decompression_bombs_are_cut_while_decoding(hostile, tmp_path):
    b = hostile.base
    hostile.routes.update({
        "/stacked.xml": Hostile.encoded(stacked_bomb(4096), "gzip, gzip"),        # 10 KB -> 4 GB
        "/bomb.xml": Hostile.encoded(zeros_gzip(4096), "gzip"),                   # 4 MB -> 4 GB
        "/redirect.xml": Hostile.encoded(stacked_bomb(4096), "gzip, gzip", status=302, location="/fine.xml"),
        "/br.xml": Hostile.encoded(b"\x00" * 64, "br"),
        "/fine.xml": Hostile.ok(rss(b, [])),
    })
    feeds = feeds_file(tmp_path, *(f"{b}/{name}" for name in ("stacked.xml", "bomb.xml", "redirect.xml", "br.xml")))
    (report,), peak = watch_in_a_box([(feeds, tmp_path / "w.db", False)], limit=1 << 30, timeout=60)
    feeds = report["feeds"]
    assert "2 content encodings" in feeds["stacked.xml"][1]
    assert "larger than 10,485,760 bytes" in feeds["bomb.xml"][1]
    assert feeds["redirect.xml"][0] == "ok"                 # a redirect's body is never read
    assert "content encoding 'br'" in feeds["br.xml"][1]
    assert peak < 400 << 20, peak


def test_a_gzip_body_under_the_cap_still_reads(hostile, tmp_path):
    b = hostile.base
    hostile.routes["/gz.xml"] = Hostile.encoded(gzip.compress(rss(b, [("/p.html", "Tarvo", "")])), "gzip")
    hostile.routes["/p.html"] = Hostile.encoded(gzip.compress(page(14, "Tarvo")), "gzip")
    feeds = feeds_file(tmp_path, f"{b}/gz.xml")
    with Watcher(tmp_path / "w.db", feeds, timeout=5, retries=0, allow_private=True) as watcher:
        report, _ = run_pass(watcher)
    assert report.added == 1 and report.feeds[0].page_failures == 0


# --- requests nobody asked for -----------------------------------------------------------------
def test_entry_links_to_private_addresses_are_refused_unless_allowed(hostile, internal, tmp_path, monkeypatch,
                                                                     caplog):
    public = Hostile("127.0.0.2")            # stands for a public host in this test
    real = fetch.non_public
    monkeypatch.setattr(fetch, "non_public", lambda ip: None if ip == "127.0.0.2" else real(ip))
    try:
        b, port = hostile.base, internal.base.rsplit(":", 1)[1]
        public.routes["/hop"] = Hostile.redirect(f"{internal.base}/secret")
        public.routes["/ok.html"] = Hostile.ok(page(7, "Karsa"), "text/html")
        links = [f"{internal.base}/secret", f"http://localhost:{port}/secret", f"{public.base}/hop",
                 f"http://[::1]:{port}/secret", "file:///etc/passwd", f"{public.base}/ok.html"]
        hostile.routes["/feed.xml"] = Hostile.ok(rss(b, [(link, f"Entry {i}", SUMMARY.format(n=i, place=f"P{i}"))
                                                         for i, link in enumerate(links)]))
        feeds = feeds_file(tmp_path, f"{b}/feed.xml")
        caplog.set_level("INFO", logger="dateline.watch")
        with Watcher(tmp_path / "w.db", feeds, timeout=5, retries=0) as watcher:
            report, _ = run_pass(watcher)
        assert internal.hits == {} and public.hits == {"/hop": 1, "/ok.html": 1}
        assert report.added == 6 and report.feeds[0].page_failures == 5
        for needle in ("127.0.0.1, a loopback address", "localhost is at 127.0.0.1", "::1 is at ::1, a loopback"):
            assert needle in caplog.text
        with Ledger(tmp_path / "w.db", read_only=True) as ledger:
            texts = {d.url: d.text for d in ledger.documents()}
        # the refused pages fell back to the feed's own text at once (asking again would not help)
        assert texts[f"{internal.base}/secret"] == SUMMARY.format(n=0, place="P0")
        assert "Karsa" in texts[f"{public.base}/ok.html"] and not any("Secretville" in t for t in texts.values())

        with Watcher(tmp_path / "a.db", feeds, timeout=5, retries=0, allow_private=True) as watcher:
            report, _ = run_pass(watcher)
        assert internal.hits["/secret"] == 3                 # asked for: fetched
    finally:
        public.stop()


def test_a_named_feed_may_be_private_but_not_where_it_redirects(hostile, internal, tmp_path):
    b = hostile.base
    hostile.routes.update({"/moved.xml": Hostile.redirect(f"{internal.base}/feed.xml"),
                           "/same.xml": Hostile.redirect("/fine.xml"), "/fine.xml": Hostile.ok(rss(b, []))})
    feeds = feeds_file(tmp_path, f"{b}/moved.xml", f"{b}/same.xml")
    with Watcher(tmp_path / "w.db", feeds, timeout=5, retries=0) as watcher:
        report, _ = run_pass(watcher)
    feeds = by_name(report)
    assert internal.hits == {} and feeds["moved.xml"].error.startswith("refused: 127.0.0.1 is at 127.0.0.1")
    assert feeds["same.xml"].status == "ok"


def test_a_response_naming_a_file_or_a_url_is_data(hostile, internal, tmp_path):
    local_feed = tmp_path / "elsewhere.rss"
    local_feed.write_bytes(rss("https://example.org", [("/x", "Local file", SUMMARY.format(n=3, place="Lok"))]))
    hostile.routes.update({"/path.xml": Hostile.ok(str(local_feed).encode()),
                           "/url.xml": Hostile.ok(f"{internal.base}/feed.xml".encode()),
                           "/pages.xml": Hostile.ok(rss(hostile.base, [("/urlpage.html", "U", "")])),
                           "/urlpage.html": Hostile.ok(f"{internal.base}/secret".encode(), "text/html")})
    feeds = feeds_file(tmp_path, *(f"{hostile.base}/{n}" for n in ("path.xml", "url.xml", "pages.xml")))
    with Watcher(tmp_path / "w.db", feeds, timeout=5, retries=0, allow_private=True) as watcher:
        report, _ = run_pass(watcher)
    feeds = by_name(report)
    assert internal.hits == {} and report.added == 0
    assert "malformed feed" in feeds["path.xml"].error and "malformed feed" in feeds["url.xml"].error
    assert feeds["pages.xml"].page_failures == 1


# --- all at once ---------------------------------------------------------------------------------
def test_watch_under_a_memory_cap_through_a_server_that_does_everything(hostile, internal, tmp_path):
    """Every hostile feed and page at once, in two passes (entry links to private addresses
    refused, then allowed), in a subprocess capped at 1.5 GB of address space: each pass ends in
    bounded time, memory stays bounded, the good articles land and the internal service is never
    called."""
    b = hostile.base
    local_feed = tmp_path / "elsewhere.rss"
    local_feed.write_bytes(rss("https://example.org", [("/x", "Local file", "from a local file")]))
    laughs = ("<?xml version='1.0'?><!DOCTYPE rss [<!ENTITY a 'lol'>"
              + "".join(f"<!ENTITY {c} '{('&' + p + ';') * 10}'>" for p, c in zip("abcdefgh", "bcdefghi"))
              + "]><rss version='2.0'><channel><title>&i;</title></channel></rss>").encode()
    good = [(f"{internal.base}/secret", "Private link", SUMMARY.format(n=5, place="Ostrel")),
            ("/trickle.html", "Trickle link", SUMMARY.format(n=6, place="Varn"))]
    pages = [("/trickle.html", "", ""), ("/stacked.html", "", ""), ("/huge.html", "", ""),
             ("/endless.html", "", ""), ("/urlpage.html", "", ""), ("/fine.html", "Fine", "")]
    hostile.routes.update({
        "/trickle.xml": Hostile.trickle_body, "/headers.xml": Hostile.trickle_headers,
        "/huge.xml": Hostile.declared_huge, "/endless.xml": Hostile.endless,
        "/stacked.xml": Hostile.encoded(stacked_bomb(4096), "gzip, gzip"),
        "/bomb.xml": Hostile.encoded(zeros_gzip(4096), "gzip"),
        "/redirect.xml": Hostile.encoded(stacked_bomb(4096), "gzip, gzip", status=302, location="/empty.xml"),
        "/empty.xml": Hostile.ok(rss(b, [])),
        "/moved.xml": Hostile.redirect(f"{internal.base}/feed.xml"),
        "/path.xml": Hostile.ok(str(local_feed).encode()), "/device.xml": Hostile.ok(b"/dev/zero"),
        "/url.xml": Hostile.ok(f"{internal.base}/feed.xml".encode()),
        "/laughs.xml": Hostile.ok(laughs),
        "/surrogate.xml": Hostile.ok(rss(b, [("/s.html", "Bad &#xD800; title", "Bad &#55296; text in Tarvo")])),
        "/good.xml": Hostile.ok(rss(b, good)),
        "/pages.xml": Hostile.ok(rss(b, pages)),
        "/trickle.html": Hostile.trickle_body, "/stacked.html": Hostile.encoded(stacked_bomb(4096), "gzip, gzip"),
        "/huge.html": Hostile.declared_huge, "/endless.html": Hostile.endless,
        "/urlpage.html": Hostile.ok(f"{internal.base}/secret".encode(), "text/html"),
        "/fine.html": Hostile.ok(page(12, "Tarvo"), "text/html"),
    })
    names = ["trickle.xml", "headers.xml", "huge.xml", "endless.xml", "stacked.xml", "bomb.xml", "redirect.xml",
             "moved.xml", "path.xml", "device.xml", "url.xml", "laughs.xml", "surrogate.xml", "good.xml"]
    hostile_feeds = tmp_path / "hostile.txt"
    hostile_feeds.write_text("".join(f"{b}/{n}\n" for n in names))
    page_feeds = tmp_path / "pages.txt"
    page_feeds.write_text(f"{b}/pages.xml\n")
    (refused, allowed), peak = watch_in_a_box([(hostile_feeds, tmp_path / "w.db", False),
                                               (page_feeds, tmp_path / "w.db", True)])
    assert refused["seconds"] < 20 and allowed["seconds"] < 20, (refused["seconds"], allowed["seconds"])
    assert peak < 1024 << 20
    assert internal.hits == {}
    feeds = refused["feeds"]
    failed = {n for n, (status, _, _) in feeds.items() if status == "error"}
    assert failed == set(names) - {"redirect.xml", "surrogate.xml", "good.xml"}, feeds
    assert "malformed feed" in feeds["laughs.xml"][1], feeds["laughs.xml"]
    # the surrogate feed's entry and both good entries (from the feed's own text: their links are refused)
    assert refused["added"] == 3 and feeds["good.xml"][2] == 2
    assert allowed["feeds"]["pages.xml"] == ["ok", None, 5] and allowed["added"] == 1
    with Ledger(tmp_path / "w.db", read_only=True) as ledger:
        titles = sorted(d.title or "" for d in ledger.documents())
    assert titles == ["Bad \ufffd title", "Fine", "Private link", "Trickle link"]


@pytest.mark.parametrize("ip, kind", [
    ("127.0.0.1", "loopback"), ("::1", "loopback"), ("::ffff:127.0.0.1", "loopback"), ("10.1.2.3", "private"),
    ("192.168.0.10", "private"), ("fc00::1", "private"), ("169.254.169.254", "link-local"),
    ("fe80::1%eth0", "link-local"), ("224.0.0.1", "multicast"), ("0.0.0.0", "unspecified"),
    ("100.64.0.1", "non-global"), ("8.8.8.8", None), ("::ffff:8.8.8.8", None), ("2606:4700::1111", None),
])
def test_which_addresses_are_public(ip, kind):
    assert fetch.non_public(ip) == kind


def test_cli_watch_allow_private_addresses(hostile, tmp_path):
    from typer.testing import CliRunner

    from dateline.cli import app

    b = hostile.base
    hostile.routes["/feed.xml"] = Hostile.ok(rss(b, [("/p.html", "Tarvo", "")]))
    hostile.routes["/p.html"] = Hostile.ok(page(14, "Tarvo"), "text/html")
    feeds = feeds_file(tmp_path, f"{b}/feed.xml")
    args = ["watch", str(feeds), "--once", "--retries", "0", "--timeout", "5"]
    refused = CliRunner().invoke(app, [*args, "--db", str(tmp_path / "r.db")])
    assert refused.exit_code == 0 and "/p.html" not in hostile.hits, refused.output
    allowed = CliRunner().invoke(app, [*args, "--db", str(tmp_path / "a.db"), "--allow-private-addresses"])
    assert allowed.exit_code == 0 and hostile.hits["/p.html"] == 1, allowed.output
    with Ledger(tmp_path / "a.db", read_only=True) as ledger:
        assert [d.title for d in ledger.documents()] == ["Tarvo"]
