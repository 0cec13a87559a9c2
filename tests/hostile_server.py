"""A local HTTP server that misbehaves in every way issue 20 lists, for the tests of ``dateline watch``.

Routes (``Hostile.routes``) map a path to a function writing the whole response on the raw
socket, so a response can trickle, lie about its length or declare stacked encodings.
Every request is counted in ``hits``. ``stop()`` ends the trickles.
"""
from __future__ import annotations

import gzip
import threading
import time
import zlib
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Callable

TRICKLE_EVERY = 0.05


def zeros_gzip(mib: int) -> bytes:
    """A gzip stream that inflates to ``mib`` MiB of zero bytes, built without compressing them:
    one fully flushed deflate block of 1 MiB of zeros repeated (its trailer is wrong, which a
    decoder finds out only at the very end)."""
    c = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    zeros = bytes(1 << 20)
    first = c.compress(zeros) + c.flush(zlib.Z_FULL_FLUSH)
    block = c.compress(zeros) + c.flush(zlib.Z_FULL_FLUSH)
    assert block == c.compress(zeros) + c.flush(zlib.Z_FULL_FLUSH)
    return first + block * (mib - 1) + c.flush(zlib.Z_FINISH)


def rss(base: str, items: list[tuple[str, str, str]], title: str = "Valley News") -> bytes:
    """An RSS feed; ``items`` are (link, title, description); a link starting with / is taken
    relative to ``base``."""
    entries = "".join(f"<item><title>{t}</title><link>{base + link if link.startswith('/') else link}</link>"
                      f"<guid>{base + link if link.startswith('/') else link}</guid>"
                      f"<pubDate>Tue, 05 Mar 2024 08:00:00 GMT</pubDate><description>{d}</description></item>"
                      for link, t, d in items)
    return (f"<?xml version='1.0'?><rss version='2.0'><channel><title>{title}</title><link>{base}</link>"
            f"<description>invented</description>{entries}</channel></rss>").encode()


def page(n: int, place: str, day: str = "2024-03-05") -> bytes:
    body = "".join(f"<p>{p}</p>" for p in (
        f"At least {n} people were killed when floodwater swept through {place} on Monday, the Interior Ministry said.",
        f"Rescue workers searched collapsed houses on the edge of {place} through the night, a spokesperson said.",
        "About 3,500 residents have moved to shelters in schools and sports halls, local officials said on Tuesday."))
    return (f"<html><head><title>Floods in {place}</title><meta property='article:published_time' content='{day}'>"
            f"</head><body><article><h1>Floods in {place}</h1>{body}</article></body></html>").encode()


class Hostile:
    def __init__(self, host: str = "127.0.0.1"):
        self.routes: dict[str, Callable] = {}
        self.hits: dict[str, int] = {}
        self.stopped = threading.Event()
        hostile = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):
                hostile.hits[self.path] = hostile.hits.get(self.path, 0) + 1
                route = hostile.routes.get(self.path, not_found)
                try:
                    route(self, hostile)
                except (BrokenPipeError, ConnectionResetError, TimeoutError):
                    pass                       # the client gave up: what it should do

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer((host, 0), Handler)
        self.server.daemon_threads = True
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.thread.start()
        host, port = self.server.server_address[:2]
        self.base = f"http://{host}:{port}"

    def stop(self) -> None:
        self.stopped.set()
        self.server.shutdown()
        self.server.server_close()

    # response kinds -----------------------------------------------------------------------
    @staticmethod
    def ok(body: bytes, ctype: str = "application/rss+xml", headers: tuple = ()) -> Callable:
        def route(h, hostile):
            h.send_response(200)
            h.send_header("Content-Type", ctype)
            h.send_header("Content-Length", str(len(body)))
            for k, v in headers:
                h.send_header(k, v)
            h.end_headers()
            h.wfile.write(body)
        return route

    @staticmethod
    def redirect(location: str, body: bytes = b"", headers: tuple = ()) -> Callable:
        def route(h, hostile):
            h.send_response(302)
            h.send_header("Location", location)
            h.send_header("Content-Length", str(len(body)))
            for k, v in headers:
                h.send_header(k, v)
            h.end_headers()
            h.wfile.write(body)
        return route

    @staticmethod
    def trickle_body(h, hostile) -> None:
        """Headers at once, then one byte of feed every 50 ms, for ever."""
        h.send_response(200)
        h.send_header("Content-Type", "application/rss+xml")
        h.end_headers()
        h.wfile.write(b"<?xml version='1.0'?><rss version='2.0'><channel><title>")
        while not hostile.stopped.is_set():
            h.wfile.write(b"x")
            h.wfile.flush()
            time.sleep(TRICKLE_EVERY)

    @staticmethod
    def trickle_headers(h, hostile) -> None:
        """The status line, then one byte of a header every 50 ms, for ever."""
        h.wfile.write(b"HTTP/1.1 200 OK\r\nX-Slow: ")
        while not hostile.stopped.is_set():
            h.wfile.write(b"x")
            h.wfile.flush()
            time.sleep(TRICKLE_EVERY)

    @staticmethod
    def declared_huge(h, hostile) -> None:
        """A Content-Length of a terabyte, a few bytes, then silence."""
        h.send_response(200)
        h.send_header("Content-Type", "application/rss+xml")
        h.send_header("Content-Length", str(10 ** 12))
        h.end_headers()
        h.wfile.write(b"<rss>")
        h.wfile.flush()
        hostile.stopped.wait(30)

    @staticmethod
    def endless(h, hostile) -> None:
        """No length, and bytes as fast as they are taken."""
        h.send_response(200)
        h.send_header("Content-Type", "text/html")
        h.end_headers()
        chunk = b"<p>" + b"a" * 65530 + b"</p>"
        while not hostile.stopped.is_set():
            h.wfile.write(chunk)

    @staticmethod
    def encoded(body: bytes, encodings: str, status: int = 200, location: str = "") -> Callable:
        def route(h, hostile):
            h.send_response(status)
            h.send_header("Content-Type", "application/rss+xml")
            h.send_header("Content-Encoding", encodings)
            if location:
                h.send_header("Location", location)
            h.send_header("Content-Length", str(len(body)))
            h.end_headers()
            h.wfile.write(body)
        return route


def not_found(h, hostile) -> None:
    h.send_response(404)
    h.send_header("Content-Length", "9")
    h.end_headers()
    h.wfile.write(b"not found")


def stacked_bomb(mib: int = 4096) -> bytes:
    """``Content-Encoding: gzip, gzip``: a body of some 20 KB that inflates to ``mib`` MiB."""
    return gzip.compress(zeros_gzip(mib), 9)
