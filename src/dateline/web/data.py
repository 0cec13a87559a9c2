"""What the pages read, over :class:`dateline.Ledger` (``read_only=True``): the store's page queries
(:mod:`dateline.store.sqlite.pages`), paged, cached and described for display.

Every page query is bounded (``LIMIT``, one page at a time) and driven by an index,
so pages stay fast on a 100,000-article ledger. Lists are paged by asking for one
row more than shown (no ``count(*)`` over large tables). Aggregates that scan a table
(outlets, verbs, counts) are cached until the database changes
(:meth:`WebData.fingerprint`).
"""
from __future__ import annotations

import bisect
import datetime as dt
import itertools
import os
import sqlite3
import threading
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Optional, Sequence

from ..ledger import Ledger
from ..store.search_limits import DEFAULT_BUDGET, QueryRefused
from ..store.sqlite import Store
from .text import SNIPPET_CLOSE, SNIPPET_OPEN, first_match, outlet_of

PER_PAGE = 50
MAX_QUERY_CHARS = 500
# An entity named in at least this many articles is "big": its lists are read newest article
# first (stopping at a page), instead of gathering all its rows and sorting them.
BIG_ENTITY_DOCS = 1000
# A list (claims by a speaker) longer than this is read newest article first, too.
BIG_LIST = 2000


class SearchError(ValueError):
    """A full-text query SQLite cannot read, or one refused or stopped as too costly; ``str()`` is a message
    for the reader. ``suggest``: whether the same words as a plain query are worth offering (not when the
    query asks too much: its plain words would too)."""

    def __init__(self, message: str, suggest: bool = True):
        super().__init__(message)
        self.suggest = suggest


@dataclass
class Page:
    rows: list[dict]
    page: int
    has_more: bool


def _page(rows: list, page: int, per_page: int) -> Page:
    return Page([dict(r) for r in rows[:per_page]], page, len(rows) > per_page)


def _iso(d: Optional[dt.date]) -> Optional[str]:
    return d.isoformat() if d else None


class WebData:
    """The web layer's view of one database: one read-only connection per thread."""

    def __init__(self, db: os.PathLike | str, search_budget: Optional[float] = DEFAULT_BUDGET):
        self.path = Path(db)
        self.search_budget = search_budget      # seconds one search may run, its queries in all (None: no limit)
        Ledger(self.path, read_only=True).close()       # fail now (missing file, schema) rather than per request
        self._local = threading.local()
        self._lock = threading.Lock()
        self._cache: dict[str, tuple[tuple, Any]] = {}

    # --- connections and change detection -------------------------------------------
    def ledger(self) -> Ledger:
        ledger = getattr(self._local, "ledger", None)
        if ledger is None:
            ledger = Ledger(self.path, read_only=True)
            ledger.store.query_only()    # belt and braces on top of mode=ro
            self._local.ledger = ledger
        return ledger

    def store(self) -> Store:
        return self.ledger().store

    def rows(self, sql: str, args: Sequence[Any] = ()) -> list[sqlite3.Row]:
        """Any read-only query (for tests and tools: the pages call the store's named queries)."""
        return list(self.ledger().store.rows(sql, args))

    def fingerprint(self) -> tuple:
        """Changes whenever another process commits (WAL appends, checkpoints)."""
        out = []
        for suffix in ("", "-wal"):
            try:
                st = os.stat(str(self.path) + suffix)
                out += [st.st_mtime_ns, st.st_size]
            except FileNotFoundError:
                out += [0, 0]
        return tuple(out)

    def cached(self, name: str, compute: Callable[[], Any]) -> Any:
        """``compute()``, kept until the database changes."""
        fp = self.fingerprint()
        hit = self._cache.get(name)
        if hit and hit[0] == fp:
            return hit[1]
        value = compute()
        with self._lock:
            self._cache[name] = (fp, value)
        return value

    # --- the story at a glance -------------------------------------------------------
    def stats(self) -> dict:
        def compute() -> dict:
            store = self.ledger().store
            first, last = store.publication_range()
            return {"articles": store.count("documents"), "first_date": first, "last_date": last,
                    "outlets": len(self.outlets()), "figures": store.count("figures"),
                    "claims": store.count("claims"), "entities": store.count("entities")}
        return self.cached("stats", compute)

    def outlets(self) -> list[tuple[str, int]]:
        """Outlets (URL hosts) by number of articles."""
        def compute():
            counts = Counter(outlet_of(url) for url in self.store().document_urls())
            counts.pop("", None)
            return counts.most_common()
        return self.cached("outlets", compute)

    def verbs(self) -> list[tuple[str, int]]:
        """Reporting verbs (claim cues) by frequency, for the claims filter."""
        return self.cached("verbs", lambda: self.store().reporting_verbs(40))

    def docs_info(self, ids: Sequence[str]) -> dict[str, dict]:
        """Title, date and outlet of some articles."""
        return {doc: dict(r, outlet=outlet_of(r["url"])) for doc, r in self.store().document_headers(ids).items()}

    def latest_articles(self, limit: int) -> list[dict]:
        """The newest articles (``id``, ``date``, ``title``, ``url``)."""
        return self.store().latest_documents(limit)

    # --- one article -----------------------------------------------------------------
    def article(self, doc_id: str) -> Optional[dict]:
        ledger = self.ledger()
        doc = ledger.document(doc_id)
        if doc is None:
            return None
        copies = []
        if doc.dup_group:
            copies = self.store().copies_of(doc.dup_group, doc.id, 50)
        return {"doc": doc.id, "date": doc.date.isoformat(), "title": doc.title, "url": doc.url,
                "outlet": outlet_of(doc.url), "dup_group": doc.dup_group, "text": doc.text,
                "items": ledger.items(doc.id), "copies": copies}

    # --- claims ----------------------------------------------------------------------
    def claims(self, speaker: Optional[str] = None, entity: Optional[str] = None, about: Optional[str] = None,
               since: Optional[dt.date] = None, until: Optional[dt.date] = None, verb: Optional[str] = None,
               mode: Optional[str] = None, page: int = 1, per_page: int = PER_PAGE) -> Page:
        # big sets are read newest article first, stopping at a page
        entity_is_big = bool(entity) and self.claim_count(entity) >= BIG_LIST
        matches = self.store().speaker_entities(speaker, 200) if speaker else []
        about_is_big = bool(about) and self.entity_docs(about) >= BIG_ENTITY_DOCS    # named everywhere
        ids = self.store().claim_ids(entity=entity, entity_is_big=entity_is_big, speaker=speaker,
                                     speaker_entities=[e for e, _ in matches],
                                     speakers_are_big=sum(n for _, n in matches) >= BIG_ENTITY_DOCS,
                                     about=about, about_is_big=about_is_big, since=since, until=until, verb=verb,
                                     mode=mode, limit=per_page + 1, offset=(page - 1) * per_page)
        return _page(self.claims_by_id(ids), page, per_page)

    def claim_count(self, entity_id: str) -> int:
        """Claims by an entity (counted on the index)."""
        return self.store().claim_count(entity_id)

    def entity_docs(self, entity_id: str) -> int:
        """In how many articles an entity is named (0 if unknown)."""
        return self.store().entity_docs(entity_id)

    def claims_by_id(self, ids: Sequence[str]) -> list[dict]:
        """Claims with their content, sentence, article and speaker entity, in the order given."""
        rows = self.store().claims_by_id(ids)
        by_id = {r["id"]: dict(r, outlet=outlet_of(r["url"])) for r in rows}
        return [by_id[i] for i in ids if i in by_id]

    # --- entities --------------------------------------------------------------------
    def entities(self, kind: Optional[str] = None, q: Optional[str] = None, page: int = 1,
                 per_page: int = PER_PAGE) -> Page:
        rows = self.store().entities(kind, q, limit=per_page + 1, offset=(page - 1) * per_page)
        return _page(rows, page, per_page)

    def entity(self, entity_id: str) -> Optional[dict]:
        e = self.store().entity(entity_id)
        if e is None:
            return None
        e["within"] = self.store().places_around(entity_id, 10)
        e["contains"] = self.store().places_inside(entity_id, 20)
        return e

    def mentions_by_day(self, entity_id: str) -> list[dict]:
        """Articles mentioning the entity, per publication day."""
        return [{"date": day, "articles": n} for day, n in self.store().articles_per_day(entity_id)]

    def claims_about(self, entity_id: str, limit: int = 20) -> list[dict]:
        """Claims whose content names the entity (other speakers' claims about it)."""
        return self.claims(about=entity_id, per_page=limit).rows

    def figures_from(self, entity_id: str, limit: int = 20, ids: Optional[list[str]] = None) -> list[dict]:
        """Figures the entity is the source of, newest first (``ids``: already known, in order)."""
        if ids is None:          # no index on figures.source_entity: this reads the figures table
            ids = self.store().newest_figure_ids_from(entity_id, limit)
        if not ids:
            return []
        rows = {r["id"]: dict(r, outlet=outlet_of(r["url"])) for r in self.store().figures_by_id(ids)}
        return [rows[i] for i in ids if i in rows]

    def articles_mentioning(self, entity_id: str, limit: int = 20) -> list[dict]:
        """The latest articles naming the entity, each with its first mention."""
        everywhere = self.entity_docs(entity_id) >= BIG_ENTITY_DOCS     # most articles name it: read the newest
        docs = self.store().articles_naming(entity_id, limit, newest_first=everywhere)
        out = []
        for r in docs:
            start, end = self.store().first_mention(r["id"], entity_id) or (None, None)
            out.append({"doc": r["id"], "date": r["date"], "title": r["title"], "url": r["url"], "start": start,
                        "end": end, "outlet": outlet_of(r["url"])})
        return out

    # --- search ----------------------------------------------------------------------
    def search(self, query: str, since: Optional[dt.date] = None, until: Optional[dt.date] = None,
               outlet: Optional[str] = None, sort: str = "newest", page: int = 1,
               per_page: int = 20) -> Page:
        query = (query or "").strip()
        if len(query) > MAX_QUERY_CHARS:
            raise SearchError(f"The query is too long ({len(query)} characters; at most {MAX_QUERY_CHARS}).")
        marks = (SNIPPET_OPEN, SNIPPET_CLOSE)
        if sort in ("newest", "oldest"):
            self._date_bounds()         # read (and cached) outside the budget: it is no cost of the query
        try:
            with self.store().time_budget(self.search_budget):
                rows = self._search_rows(query, since, until, outlet, sort, page, per_page, marks)
        except QueryRefused as e:
            raise SearchError(_capitalized(str(e)) + ".", suggest=False) from None
        except sqlite3.OperationalError as e:
            raise SearchError(_explain_fts_error(query, str(e))) from None
        # where each result's first match is, so the link opens the article there (texts of this page only)
        texts = self.store().document_texts([r["id"] for r in rows])
        hits = [first_match(r["snippet"], texts.get(r["id"], "")) for r in rows]
        return _page([dict(r, outlet=outlet_of(r["url"]), match_start=h[0] if h else None,
                           match_end=h[1] if h else None) for r, h in zip(rows, hits)], page, per_page)

    def _search_rows(self, query: str, since: Optional[dt.date], until: Optional[dt.date], outlet: Optional[str],
                     sort: str, page: int, per_page: int, marks: tuple[str, str]) -> list[dict]:
        """One page of matches (``per_page + 1`` rows, to tell whether there are more), with their snippets."""
        if sort in ("newest", "oldest"):
            ids = self._search_by_date(query, since, until, outlet, sort == "newest", per_page + 1,
                                       (page - 1) * per_page)
            # the snippet needs the FTS row of each hit: one small MATCH per page
            rows = self.store().search_snippets(query, ids, marks) if ids else []
            order = {rowid: i for i, rowid in enumerate(ids)}
            return sorted(rows, key=lambda r: order[r["rid"]])
        return self.store().search_page(query, marks, since, until, outlet, limit=per_page + 1,
                                        offset=(page - 1) * per_page)

    def _search_by_date(self, query: str, since: Optional[dt.date], until: Optional[dt.date], outlet: Optional[str],
                        newest: bool, limit: int, offset: int) -> list[int]:
        """Rowids of matching articles in date order (exact), reading as few matches as it can.

        FTS5 streams matches in rowid order cheaply. Articles are mostly stored in the order
        they were published, so the newest matches come early in descending rowid order; the
        walk stops once no article left to read (those with smaller rowids) can be newer than
        the page's last one, which :meth:`_date_bounds` tells. Ingested out of order, it reads
        more matches, never a wrong page.
        """
        rowids, prefix_max, suffix_min = self._date_bounds()
        want = offset + limit
        since_s, until_s = _iso(since), _iso(until)
        # rowids outside [low, high] hold only articles before ``since`` or after ``until``
        low = rowids[bisect.bisect_left(prefix_max, since_s)] if since_s and prefix_max and since_s <= prefix_max[-1] \
            else (rowids[-1] + 1 if since_s and rowids else 0)
        high = rowids[bisect.bisect_right(suffix_min, until_s) - 1] if until_s and suffix_min and \
            until_s >= suffix_min[0] else (-1 if until_s else (rowids[-1] if rowids else 0))
        stream = self.store().matching_rowids(query, low, high, newest)
        best: list[tuple[str, str, int]] = []        # (date, id, rowid), best first
        while True:
            batch = [r[0] for r in stream.fetchmany(256)]
            if not batch:
                break
            rows = self.store().dates_of_rowids(batch, outlet)
            best += [(r[1], r[2], r[0]) for r in rows
                     if (since_s is None or r[1] >= since_s) and (until_s is None or r[1] <= until_s)]
            best.sort(reverse=newest)
            del best[want:]
            # the newest (oldest) date any article not read yet can have
            edge = min(batch) if newest else max(batch)
            i = bisect.bisect_left(rowids, edge)
            bound = (prefix_max[i - 1] if i > 0 else None) if newest else \
                (suffix_min[i + 1] if i + 1 < len(rowids) else None)
            if bound is None:
                break
            if newest and ((len(best) >= want and bound < best[-1][0]) or (since_s is not None and bound < since_s)):
                break
            if not newest and ((len(best) >= want and bound > best[-1][0])
                               or (until_s is not None and bound > until_s)):
                break
        stream.close()
        return [rowid for _, _, rowid in best[offset:want]]

    def _date_bounds(self) -> tuple[list[int], list[str], list[str]]:
        """Document rowids in order, with the newest date up to each and the oldest from each on."""
        def compute():
            rows = self.store().rowid_dates()
            rowids = [r[0] for r in rows]
            dates = [r[1] for r in rows]
            prefix_max = list(itertools.accumulate(dates, max))
            suffix_min = list(itertools.accumulate(reversed(dates), min))[::-1]
            return rowids, prefix_max, suffix_min
        return self.cached("date_bounds", compute)


def _capitalized(message: str) -> str:
    return message[:1].upper() + message[1:]


def _explain_fts_error(query: str, error: str) -> str:
    from ..store.fts import explain_error

    return (f"dateline could not read the search {query!r}: {explain_error(error)}. Searches use SQLite FTS5 "
            "syntax: words match anywhere, \"double quotes\" make a phrase, AND / OR / NOT must be in capitals, "
            "and a word ending in * matches its prefix. A word with a hyphen, dot or apostrophe (Hamas-run, "
            "U.N., Israel's) is searched as written.")


def plain_words_query(query: str) -> str:
    """The query as plain quoted words (always valid FTS5): the fallback offered after an error."""
    import re

    words = [w for w in re.findall(r"\w+", query) if w not in ("AND", "OR", "NOT", "NEAR")]
    return " ".join(f'"{w}"' for w in words)
