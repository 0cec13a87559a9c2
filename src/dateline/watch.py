"""Keeping a ledger current from RSS/Atom feeds: poll, fetch new articles, extract, ingest.

    dateline watch feeds.txt --every 15m --db dateline.db
    dateline watch feeds.txt --once            # one pass (what tests and cron jobs use)

``feeds.txt`` holds one feed URL per line (blank lines and ``#`` comments ignored);
it is re-read every pass, so feeds can be added while watching. For each entry not
seen before, the linked page is fetched and its main text extracted (trafilatura,
date by htmldate, as for HTML files); when the page cannot be had after
``PAGE_ATTEMPTS`` passes, the feed's own entry text is used if it has any. New
articles are analysed and stored in one transaction per pass, then the ledger is
consolidated.

What was seen, and each feed's health, is kept in a JSON file next to the database
(``<db>.watch.json``); entries are marked seen only once stored. A feed that fails
(network error, timeout, HTTP error, malformed XML) is logged, retried within the
pass ``retries`` times, then left alone for exponentially longer (one interval,
two, four, ... at most ``MAX_BACKOFF``). Nothing a feed or page does stops the
others or the loop.

Hostile servers (:mod:`dateline.fetch`): each request has one deadline (``timeout``) for all
of it, a size cap checked against Content-Length and while reading, one content encoding
decoded under the cap, and goes to public addresses only: the feeds listed in ``feeds.txt``
may be at a private address (the user named them), but entry links, and redirects to other
hosts, may not unless ``allow_private``. A refused link falls back to the feed's own entry
text at once. One feed's pages get ``feed_budget`` seconds per pass; entries beyond it wait
for the next pass, so one slow feed cannot starve the others. Feed bodies are parsed from a
stream, never taken for a file name or URL.
"""
from __future__ import annotations

import datetime as dt
import json
import logging
import os
import re
import tempfile
import threading
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path
from typing import Callable, Optional, Union

from .fetch import MAX_BYTES, USER_AGENT, FetchError, Fetcher, Refused  # noqa: F401 (MAX_BYTES, USER_AGENT: API)
from .ingest import dedup
from .ingest.document import DEFAULT_MAX_CHARS, derive_id, make_document
from .ingest.errors import InputError
from .records import Document

log = logging.getLogger("dateline.watch")

MAX_BACKOFF = 6 * 3600.0
PAGE_ATTEMPTS = 3                # passes a page may fail before the feed's own entry text is used
FEED_BUDGET = 120.0              # seconds one feed's pages may take in a pass; the rest wait for the next
SEEN_LIMIT = 20000               # entry keys remembered per feed (feeds list their latest entries only)
_EVERY = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*(s|sec|m|min|h|d)?\s*$", re.I)
_UNITS = {"s": 1, "sec": 1, "m": 60, "min": 60, "h": 3600, "d": 86400}
PathLike = Union[str, Path]


def parse_every(text: str) -> float:
    """``"15m"`` -> 900.0 seconds; units s, m, h, d (bare numbers are seconds)."""
    m = _EVERY.match(str(text))
    if not m:
        raise ValueError(f"{text!r} is not an interval: use e.g. 30s, 15m, 2h, 1d")
    seconds = float(m.group(1)) * _UNITS[(m.group(2) or "s").lower()]
    if seconds < 1:
        raise ValueError(f"interval {text!r} is shorter than one second")
    return seconds


def read_feed_list(path: PathLike) -> list[str]:
    lines = (line.strip() for line in Path(path).read_text(encoding="utf-8").splitlines())
    return list(dict.fromkeys(line for line in lines if line and not line.startswith("#")))


# --- state ---------------------------------------------------------------------------
@dataclass
class FeedState:
    seen: list[str] = field(default_factory=list)
    pending: dict[str, int] = field(default_factory=dict)   # entry key -> page fetch attempts so far
    failures: int = 0
    next_try: float = 0.0
    etag: Optional[str] = None
    modified: Optional[str] = None
    last_error: Optional[str] = None
    last_ok: Optional[str] = None


class WatchState:
    """Per-feed state in a JSON file, rewritten atomically after every pass."""

    def __init__(self, path: PathLike):
        self.path = Path(path)
        self.feeds: dict[str, FeedState] = {}
        if self.path.exists():
            data = json.loads(self.path.read_text(encoding="utf-8"))
            self.feeds = {url: FeedState(**s) for url, s in data.get("feeds", {}).items()}

    def feed(self, url: str) -> FeedState:
        return self.feeds.setdefault(url, FeedState())

    def save(self) -> None:
        data = {"version": 1, "feeds": {url: asdict(s) for url, s in self.feeds.items()}}
        fd, tmp = tempfile.mkstemp(dir=self.path.parent, prefix=".watch-", suffix=".json")
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            json.dump(data, f, indent=1)
        os.replace(tmp, self.path)


def state_path_for(db: PathLike) -> Path:
    return Path(str(db) + ".watch.json")


# --- one pass ------------------------------------------------------------------------
@dataclass
class FeedResult:
    url: str
    status: str = "ok"             # ok, unchanged (304), error, waiting (backing off)
    new: int = 0                   # new articles found in this pass
    page_failures: int = 0
    error: Optional[str] = None


@dataclass
class PassReport:
    feeds: list[FeedResult] = field(default_factory=list)
    added: int = 0
    updated: int = 0
    unchanged: int = 0

    @property
    def failed_feeds(self) -> list[FeedResult]:
        return [f for f in self.feeds if f.status == "error"]


def _entry_key(entry) -> Optional[str]:
    return entry.get("id") or entry.get("link")


def _entry_text(entry) -> str:
    from .ingest.feed import html_to_text

    contents = entry.get("content") or []
    body = contents[0].get("value", "") if contents else entry.get("summary", "")
    return html_to_text(body or "")


def _entry_date(entry):
    from .ingest.feed import entry_date as feed_entry_date

    return feed_entry_date(entry)


class Watcher:
    def __init__(self, db: PathLike, feeds_file: PathLike, every: float = 900.0,
                 state_path: Optional[PathLike] = None, timeout: float = 10.0, retries: int = 2,
                 retry_delay: float = 2.0, max_chars: int = DEFAULT_MAX_CHARS,
                 clock: Callable[[], float] = time.time, allow_private: bool = False,
                 feed_budget: float = FEED_BUDGET):
        self.db = Path(db)
        self.feeds_file = Path(feeds_file)
        self.every = every
        self.state = WatchState(state_path or state_path_for(db))
        self.fetcher = Fetcher(timeout=timeout, retries=retries, retry_delay=retry_delay, allow_private=allow_private)
        self.max_chars = max_chars
        self.clock = clock
        self.feed_budget = feed_budget

    def close(self) -> None:
        self.fetcher.close()

    def __enter__(self) -> "Watcher":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # the loop ---------------------------------------------------------------------
    def run(self, stop: Optional[threading.Event] = None, passes: Optional[int] = None) -> None:
        """Poll every ``every`` seconds until ``stop`` is set (or ``passes`` passes are done)."""
        stop = stop or threading.Event()
        done = 0
        while not stop.is_set():
            started = self.clock()
            try:
                self.run_once()
            except Exception:  # a bug or a locked database must not end a long-running watch
                log.exception("watch pass failed; trying again next interval")
            done += 1
            if passes is not None and done >= passes:
                return
            stop.wait(max(0.0, self.every - (self.clock() - started)))

    def run_once(self) -> PassReport:
        report = PassReport()
        try:
            urls = read_feed_list(self.feeds_file)
        except OSError as e:
            log.error("cannot read the feed list %s: %s", self.feeds_file, e)
            return report
        found: list[tuple[str, str, Document]] = []          # (feed, entry key, document)
        settled: list[tuple[str, str]] = []                  # entries given up on (no text anywhere)
        for url in urls:
            result = FeedResult(url)
            report.feeds.append(result)
            try:
                self._poll(url, result, found, settled)
            except Exception as e:  # anything a feed does is that feed's problem
                self._failed(url, result, f"{type(e).__name__}: {e}")
        self._store(found, report)
        for url, key in settled + [(u, k) for u, k, _ in found]:
            self._mark_seen(url, key)
        self.state.save()
        return report

    # one feed ---------------------------------------------------------------------
    def _poll(self, url: str, result: FeedResult, found: list, settled: list) -> None:
        from .ingest.feed import parse_feed

        state = self.state.feed(url)
        now = self.clock()
        if state.next_try > now:
            result.status = "waiting"
            log.info("feed %s: backing off after %d failures; next try at %s", url, state.failures,
                     dt.datetime.fromtimestamp(state.next_try).isoformat(timespec="seconds"))
            return
        headers = {k: v for k, v in (("If-None-Match", state.etag), ("If-Modified-Since", state.modified)) if v}
        try:
            response = self.fetcher.get(url, headers, named=True)     # (the user named it: it may be private)
        except FetchError as e:
            self._failed(url, result, str(e))
            return
        if response.status_code == 304:
            result.status = "unchanged"
            self._recovered(state)
            log.info("feed %s: not modified", url)
            return
        parsed, warnings = parse_feed(response.content)        # (from a stream: never a path or a URL)
        for line, warning in warnings:
            log.warning("feed %s: line %d: %s", url, line, warning)
        if parsed.bozo and not any(_entry_key(e) for e in parsed.entries):
            # (feedparser is lenient: a broken feed often still yields entries, but none that can be followed)
            self._failed(url, result, f"malformed feed: {parsed.get('bozo_exception')}")
            return
        if parsed.bozo:
            log.warning("feed %s: parsed with problems (%s)", url, parsed.get("bozo_exception"))
        seen = set(state.seen)
        started, deferred = time.monotonic(), 0
        for entry in parsed.entries:
            key = _entry_key(entry)
            if not key or key in seen:
                continue
            if time.monotonic() - started > self.feed_budget:
                deferred += 1             # one slow feed must not starve the others: the rest next pass
                continue
            document = self._article(url, key, entry, state, result)
            if document is None:
                if state.pending.get(key, 0) >= PAGE_ATTEMPTS:
                    settled.append((url, key))
                    log.warning("feed %s: giving up on %s (no text after %d attempts)", url, key, PAGE_ATTEMPTS)
                continue
            found.append((url, key, document))
            result.new += 1
        if deferred:
            log.warning("feed %s: its pages took over %.0f s in this pass; %d new entries wait for the next",
                        url, self.feed_budget, deferred)
        # validators only once every entry is settled: a 304 must not hide an entry still to retry
        pending = deferred or any(_entry_key(e) in state.pending for e in parsed.entries)
        state.etag = None if pending else response.headers.get("ETag")
        state.modified = None if pending else response.headers.get("Last-Modified")
        self._recovered(state)
        log.info("feed %s: %d new articles, %d pages failed", url, result.new, result.page_failures)

    def _article(self, feed_url: str, key: str, entry, state: FeedState, result: FeedResult) -> Optional[Document]:
        """The entry's article from its page (or, after repeated failures, from the feed's own text)."""
        from .ingest import html

        link = entry.get("link")
        text, date, title, problem = "", None, entry.get("title"), None
        final = False                          # a failure that asking again cannot mend
        if link:
            try:
                page = self.fetcher.get(link).text           # (found in a feed: public addresses only)
                text, info = html.extract(page)
                date = html.find_date(page)
                title = title or info.get("title")
                if not text.strip():
                    problem = "no extractable main text"
            except Refused as e:
                problem, final = str(e), True
            except FetchError as e:
                problem = str(e)
            except Exception as e:  # hostile HTML must not stop the feed
                problem = f"{type(e).__name__}: {e}"
        else:
            problem = "entry has no link"
        if problem:
            result.page_failures += 1
            attempts = state.pending[key] = max(state.pending.get(key, 0) + 1, PAGE_ATTEMPTS if final else 0)
            log.warning("feed %s: page %s: %s (attempt %d)", feed_url, link or key, problem, attempts)
            if attempts < PAGE_ATTEMPTS:
                return None
            text = _entry_text(entry)          # last resort: what the feed itself says
            if not text.strip():
                return None
        try:
            return make_document(id=derive_id(link or key, text), text=text, date=date or _entry_date(entry),
                                 url=link, title=title, origin=link or f"{feed_url}#{key}", max_chars=self.max_chars)
        except InputError as e:
            result.page_failures += 1
            state.pending[key] = PAGE_ATTEMPTS       # bad content does not get better by asking again
            log.warning("feed %s: entry %s: %s", feed_url, link or key, e.reason)
            return None

    def _failed(self, url: str, result: FeedResult, reason: str) -> None:
        state = self.state.feed(url)
        state.failures += 1
        wait = min(MAX_BACKOFF, self.every * 2 ** (state.failures - 1))
        state.next_try = self.clock() + wait
        state.last_error = reason
        result.status, result.error = "error", reason
        log.error("feed %s: %s (failure %d; next try in %s)", url, reason, state.failures,
                  dt.timedelta(seconds=round(wait)))

    def _recovered(self, state: FeedState) -> None:
        state.failures, state.next_try, state.last_error = 0, 0.0, None
        state.last_ok = dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")

    def _mark_seen(self, url: str, key: str) -> None:
        state = self.state.feed(url)
        if key not in state.seen:
            state.seen.append(key)
            del state.seen[:-SEEN_LIMIT]
        state.pending.pop(key, None)

    # storing ------------------------------------------------------------------------
    def _store(self, found: list, report: PassReport) -> None:
        """Analyse and store the pass's new articles (one transaction), then consolidate the ledger."""
        documents: dict[str, Document] = {}
        for _, _, d in found:
            documents.setdefault(d.id, d)       # the same article listed by two feeds
        if not documents:
            return
        counts = ingest_documents(self.db, list(documents.values()))
        report.added, report.updated, report.unchanged = counts
        log.info("stored %d new, %d updated, %d unchanged articles in %s", *counts, self.db)


def ingest_documents(db: PathLike, documents: list[Document]) -> tuple[int, int, int]:
    """Analyse and store in-memory documents as ``Ledger.ingest`` does files; returns (added, updated, unchanged)."""
    from .analyze.pipeline import analyze_batch
    from .ledger import Ledger

    with Ledger(db) as ledger:
        store = ledger.store
        known = store.document_hashes([d.id for d in documents])
        fresh = [d for d in documents if known.get(d.id) != d.content_hash]
        if not fresh:
            return 0, 0, len(documents)
        run = store.start_run(["watch"])
        analyses = analyze_batch(fresh)
        sigs = {d.id: dedup.to_bytes(dedup.signature(d.text)) for d in fresh}
        with store.transaction():
            added, updated = store.write_analyses(analyses, sigs)
        ledger.consolidate()
        store.finish_run(run, added, updated, len(documents) - len(fresh), 0)
    return added, updated, len(documents) - len(fresh)
