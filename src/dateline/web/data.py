"""Read-only queries behind the pages, over :class:`dateline.Ledger` (``read_only=True``).

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
import json
import os
import sqlite3
import threading
from collections import Counter
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Optional, Sequence

from ..ledger import Ledger
from .text import SNIPPET_CLOSE, SNIPPET_OPEN, first_match, outlet_of

PER_PAGE = 50
MAX_QUERY_CHARS = 500
# An entity named in at least this many articles is "big": its lists are read newest article
# first (stopping at a page), instead of gathering all its rows and sorting them.
BIG_ENTITY_DOCS = 1000
# A list (claims by a speaker) longer than this is read newest article first, too.
BIG_LIST = 2000


OUTLET_FILTER = "(instr(d.url, '://' || ? || '/') > 0 OR instr(d.url, '://www.' || ? || '/') > 0)"


class SearchError(ValueError):
    """A full-text query SQLite cannot read; ``str()`` is a message for the reader."""


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

    def __init__(self, db: os.PathLike | str):
        self.path = Path(db)
        Ledger(self.path, read_only=True).close()       # fail now (missing file, schema) rather than per request
        self._local = threading.local()
        self._lock = threading.Lock()
        self._cache: dict[str, tuple[tuple, Any]] = {}

    # --- connections and change detection -------------------------------------------
    def ledger(self) -> Ledger:
        ledger = getattr(self._local, "ledger", None)
        if ledger is None:
            ledger = Ledger(self.path, read_only=True)
            ledger.store.db.execute("PRAGMA query_only=ON")    # belt and braces on top of mode=ro
            self._local.ledger = ledger
        return ledger

    def rows(self, sql: str, args: Sequence[Any] = ()) -> list[sqlite3.Row]:
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
            first, last = self.rows("SELECT min(date), max(date) FROM documents")[0]
            return {"articles": store.count("documents"), "first_date": first, "last_date": last,
                    "outlets": len(self.outlets()), "figures": store.count("figures"),
                    "claims": store.count("claims"), "entities": store.count("entities")}
        return self.cached("stats", compute)

    def outlets(self) -> list[tuple[str, int]]:
        """Outlets (URL hosts) by number of articles."""
        def compute():
            counts = Counter(outlet_of(r[0]) for r in self.rows("SELECT url FROM documents WHERE url IS NOT NULL"))
            counts.pop("", None)
            return counts.most_common()
        return self.cached("outlets", compute)

    def verbs(self) -> list[tuple[str, int]]:
        """Reporting verbs (claim cues) by frequency, for the claims filter."""
        return self.cached("verbs", lambda: [(r[0], r[1]) for r in self.rows(
            "SELECT lower(cue), count(*) FROM claims WHERE cue IS NOT NULL GROUP BY lower(cue)"
            " ORDER BY 2 DESC LIMIT 40")])

    def docs_info(self, ids: Sequence[str]) -> dict[str, dict]:
        """Title, date and outlet of some articles."""
        out: dict[str, dict] = {}
        ids = list(dict.fromkeys(ids))
        for i in range(0, len(ids), 500):
            chunk = ids[i:i + 500]
            for r in self.rows(f"SELECT id, date, title, url FROM documents WHERE id IN ({','.join('?' * len(chunk))})",
                               chunk):
                out[r["id"]] = {"date": r["date"], "title": r["title"], "url": r["url"], "outlet": outlet_of(r["url"])}
        return out

    # --- one article -----------------------------------------------------------------
    def article(self, doc_id: str) -> Optional[dict]:
        ledger = self.ledger()
        doc = ledger.document(doc_id)
        if doc is None:
            return None
        copies = []
        if doc.dup_group:
            copies = [dict(r) for r in self.rows(
                "SELECT id, date, title, url FROM documents WHERE dup_group=? AND id != ? ORDER BY date, id LIMIT 50",
                (doc.dup_group, doc.id))]
        return {"doc": doc.id, "date": doc.date.isoformat(), "title": doc.title, "url": doc.url,
                "outlet": outlet_of(doc.url), "dup_group": doc.dup_group, "text": doc.text,
                "items": ledger.items(doc.id), "copies": copies}

    # --- claims ----------------------------------------------------------------------
    def claims(self, speaker: Optional[str] = None, entity: Optional[str] = None, about: Optional[str] = None,
               since: Optional[dt.date] = None, until: Optional[dt.date] = None, verb: Optional[str] = None,
               mode: Optional[str] = None, page: int = 1, per_page: int = PER_PAGE) -> Page:
        where, args = ["1=1"], []
        date_driven = False          # read newest articles first and stop at a page (for big sets)
        if entity:
            date_driven = self.claim_count(entity) >= BIG_LIST
            where.append(("+" if date_driven else "") + "c.speaker_entity = ?")
            args.append(entity)
        if speaker:
            matches = self.rows("SELECT id, docs FROM entities WHERE kind IN ('person', 'organisation', 'group')"
                                " AND (name LIKE ? OR aliases LIKE ?) ORDER BY docs DESC LIMIT 200",
                                (f"%{speaker}%", f"%{speaker}%"))
            ids = [r[0] for r in matches]
            big = sum(r[1] for r in matches) >= BIG_ENTITY_DOCS
            date_driven = date_driven or big
            # claims of matching entities (index), plus unresolved speakers whose text matches
            column = "+c.speaker_entity" if big else "c.speaker_entity"
            where.append(f"({column} IN ({','.join('?' * len(ids)) or 'NULL'})"
                         f" OR ({column} IS NULL AND c.speaker LIKE ?))")
            args += [*ids, f"%{speaker}%"]
        if about:
            if self.entity_docs(about) >= BIG_ENTITY_DOCS:     # named everywhere: test the newest claims
                where.append('EXISTS (SELECT 1 FROM mentions m WHERE m.doc = c.doc AND m.entity = ?'
                             ' AND m.start >= c.content_start AND m."end" <= c.content_end)')
                date_driven = True
            else:                                              # named rarely: start from its mentions
                where.append('c.id IN (SELECT c2.id FROM mentions m JOIN claims c2 ON c2.doc = m.doc'
                             ' AND m.start >= c2.content_start AND m."end" <= c2.content_end WHERE m.entity = ?)')
            args.append(about)
        _within_dates(where, args, since, until)
        if verb:
            where.append("lower(c.cue) = lower(?)")
            args.append(verb)
        if mode:
            where.append("c.mode = ?")
            args.append(mode)
        source = "documents d JOIN claims c ON c.doc = d.id" if date_driven else \
            "claims c JOIN documents d ON d.id = c.doc"
        ids = self.rows(f"SELECT c.id FROM {source} WHERE {' AND '.join(where)}"
                        f" ORDER BY d.date DESC, c.doc, c.start LIMIT ? OFFSET ?",
                        (*args, per_page + 1, (page - 1) * per_page))
        return _page(self.claims_by_id([r[0] for r in ids]), page, per_page)

    def claim_count(self, entity_id: str) -> int:
        """Claims by an entity (counted on the index)."""
        return self.rows("SELECT count(*) FROM claims WHERE speaker_entity = ?", (entity_id,))[0][0]

    def entity_docs(self, entity_id: str) -> int:
        """In how many articles an entity is named (0 if unknown)."""
        rows = self.rows("SELECT docs FROM entities WHERE id = ?", (entity_id,))
        return rows[0][0] if rows else 0

    def claims_by_id(self, ids: Sequence[str]) -> list[dict]:
        """Claims with their content, sentence, article and speaker entity, in the order given."""
        if not ids:
            return []
        rows = self.rows(
            'SELECT c.*, d.date AS doc_date, d.title, d.url, e.name AS entity_name,'
            ' substr(d.text, c.content_start + 1, c.content_end - c.content_start) AS content'
            ' FROM claims c JOIN documents d ON d.id = c.doc LEFT JOIN entities e ON e.id = c.speaker_entity'
            f" WHERE c.id IN ({','.join('?' * len(ids))})", list(ids))
        by_id = {r["id"]: dict(r, outlet=outlet_of(r["url"])) for r in rows}
        return [by_id[i] for i in ids if i in by_id]

    # --- entities --------------------------------------------------------------------
    def entities(self, kind: Optional[str] = None, q: Optional[str] = None, page: int = 1,
                 per_page: int = PER_PAGE) -> Page:
        where, args = ["1=1"], []
        if kind:
            where.append("kind = ?")
            args.append(kind)
        if q:
            where.append("(name LIKE ? OR aliases LIKE ?)")
            args += [f"%{q}%", f"%{q}%"]
        rows = self.rows(f"SELECT * FROM entities WHERE {' AND '.join(where)} ORDER BY docs DESC, mentions DESC, name"
                         " LIMIT ? OFFSET ?", (*args, per_page + 1, (page - 1) * per_page))
        return _page([dict(r, aliases=json.loads(r["aliases"])) for r in rows], page, per_page)

    def entity(self, entity_id: str) -> Optional[dict]:
        rows = self.rows("SELECT * FROM entities WHERE id = ?", (entity_id,))
        if not rows:
            return None
        e = dict(rows[0], aliases=json.loads(rows[0]["aliases"]))
        e["within"] = [dict(r) for r in self.rows(
            "SELECT e.id, e.name, p.docs FROM places_within p JOIN entities e ON e.id = p.outer_entity"
            " WHERE p.inner_entity = ? ORDER BY p.docs DESC LIMIT 10", (entity_id,))]
        e["contains"] = [dict(r) for r in self.rows(
            "SELECT e.id, e.name, p.docs FROM places_within p JOIN entities e ON e.id = p.inner_entity"
            " WHERE p.outer_entity = ? ORDER BY p.docs DESC LIMIT 20", (entity_id,))]
        return e

    def mentions_by_day(self, entity_id: str) -> list[dict]:
        """Articles mentioning the entity, per publication day."""
        return [{"date": r[0], "articles": r[1]} for r in self.rows(
            "SELECT d.date, count(DISTINCT m.doc) FROM mentions m JOIN documents d ON d.id = m.doc"
            " WHERE m.entity = ? GROUP BY d.date ORDER BY d.date", (entity_id,))]

    def claims_about(self, entity_id: str, limit: int = 20) -> list[dict]:
        """Claims whose content names the entity (other speakers' claims about it)."""
        return self.claims(about=entity_id, per_page=limit).rows

    def figures_from(self, entity_id: str, limit: int = 20, ids: Optional[list[str]] = None) -> list[dict]:
        """Figures the entity is the source of, newest first (``ids``: already known, in order)."""
        if ids is None:          # no index on figures.source_entity: this reads the figures table
            ids = [r[0] for r in self.rows("SELECT f.id FROM figures f JOIN documents d ON d.id = f.doc"
                                           " WHERE f.source_entity = ? ORDER BY coalesce(f.as_of, d.date) DESC"
                                           " LIMIT ?", (entity_id, limit))]
        if not ids:
            return []
        rows = {r["id"]: dict(r, outlet=outlet_of(r["url"])) for r in self.rows(
            "SELECT f.*, d.date AS doc_date, d.title, d.url,"
            " substr(d.text, f.sent_start + 1, f.sent_end - f.sent_start) AS sentence"
            f" FROM figures f JOIN documents d ON d.id = f.doc WHERE f.id IN ({','.join('?' * len(ids))})", ids)}
        return [rows[i] for i in ids if i in rows]

    def articles_mentioning(self, entity_id: str, limit: int = 20) -> list[dict]:
        """The latest articles naming the entity, each with its first mention."""
        if self.entity_docs(entity_id) >= BIG_ENTITY_DOCS:     # most articles name it: read the newest
            docs = self.rows("SELECT d.id, d.date, d.title, d.url FROM documents d WHERE EXISTS"
                             " (SELECT 1 FROM mentions m WHERE m.doc = d.id AND m.entity = ?)"
                             " ORDER BY d.date DESC, d.id DESC LIMIT ?", (entity_id, limit))
        else:
            docs = self.rows("SELECT DISTINCT d.id, d.date, d.title, d.url FROM mentions m"
                             " JOIN documents d ON d.id = m.doc WHERE m.entity = ?"
                             " ORDER BY d.date DESC, d.id DESC LIMIT ?", (entity_id, limit))
        out = []
        for r in docs:
            first = self.rows('SELECT start, "end" FROM mentions WHERE doc = ? AND entity = ? ORDER BY start LIMIT 1',
                              (r["id"], entity_id))
            start, end = (first[0][0], first[0][1]) if first else (None, None)
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
        where, args = ["documents_fts MATCH ?"], [query]
        _within_dates(where, args, since, until)
        if outlet:
            where.append(OUTLET_FILTER)
            args += [outlet, outlet]
        snippet = f"snippet(documents_fts, 1, '{SNIPPET_OPEN}', '{SNIPPET_CLOSE}', '…', 24) AS snippet"
        try:
            if sort in ("newest", "oldest"):
                ids = self._search_by_date(query, since, until, outlet, sort == "newest", per_page + 1,
                                           (page - 1) * per_page)
                # the snippet needs the FTS row of each hit: one small MATCH per page
                rows = self.rows(f"SELECT d.rowid AS rid, d.id, d.date, d.title, d.url, {snippet} FROM documents_fts"
                                 " JOIN documents d ON d.rowid = documents_fts.rowid"
                                 f" WHERE documents_fts MATCH ? AND documents_fts.rowid IN ({','.join('?' * len(ids))})",
                                 (query, *ids)) if ids else []
                order = {rowid: i for i, rowid in enumerate(ids)}
                rows = sorted(rows, key=lambda r: order[r["rid"]])
            else:
                rows = self.rows(f"SELECT d.id, d.date, d.title, d.url, {snippet}"
                                 " FROM documents_fts JOIN documents d ON d.rowid = documents_fts.rowid"
                                 f" WHERE {' AND '.join(where)} ORDER BY rank LIMIT ? OFFSET ?",
                                 (*args, per_page + 1, (page - 1) * per_page))
        except sqlite3.OperationalError as e:
            raise SearchError(_explain_fts_error(query, str(e))) from None
        # where each result's first match is, so the link opens the article there (texts of this page only)
        marks = ",".join("?" * len(rows))
        texts = {r["id"]: r["text"] for r in
                 self.rows(f"SELECT id, text FROM documents WHERE id IN ({marks})", [r["id"] for r in rows])}
        hits = [first_match(r["snippet"], texts.get(r["id"], "")) for r in rows]
        return _page([dict(r, outlet=outlet_of(r["url"]), match_start=h[0] if h else None,
                           match_end=h[1] if h else None) for r, h in zip(rows, hits)], page, per_page)

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
        filters, extra = "1=1", []
        if outlet:
            filters, extra = OUTLET_FILTER, [outlet, outlet]
        # rowids outside [low, high] hold only articles before ``since`` or after ``until``
        low = rowids[bisect.bisect_left(prefix_max, since_s)] if since_s and prefix_max and since_s <= prefix_max[-1] \
            else (rowids[-1] + 1 if since_s and rowids else 0)
        high = rowids[bisect.bisect_right(suffix_min, until_s) - 1] if until_s and suffix_min and \
            until_s >= suffix_min[0] else (-1 if until_s else (rowids[-1] if rowids else 0))
        stream = self.ledger().store.db.execute(
            "SELECT rowid FROM documents_fts WHERE documents_fts MATCH ? AND rowid >= ? AND rowid <= ?"
            f" ORDER BY rowid {'DESC' if newest else 'ASC'}", (query, low, high))
        best: list[tuple[str, str, int]] = []        # (date, id, rowid), best first
        while True:
            batch = [r[0] for r in stream.fetchmany(256)]
            if not batch:
                break
            rows = self.rows(f"SELECT d.rowid, d.date, d.id FROM documents d WHERE d.rowid IN"
                             f" ({','.join('?' * len(batch))}) AND {filters}", (*batch, *extra))
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
            if not newest and ((len(best) >= want and bound > best[-1][0]) or (until_s is not None and bound > until_s)):
                break
        stream.close()
        return [rowid for _, _, rowid in best[offset:want]]

    def _date_bounds(self) -> tuple[list[int], list[str], list[str]]:
        """Document rowids in order, with the newest date up to each and the oldest from each on."""
        def compute():
            rows = self.rows("SELECT rowid, date FROM documents ORDER BY rowid")
            rowids = [r[0] for r in rows]
            dates = [r[1] for r in rows]
            prefix_max = list(itertools.accumulate(dates, max))
            suffix_min = list(itertools.accumulate(reversed(dates), min))[::-1]
            return rowids, prefix_max, suffix_min
        return self.cached("date_bounds", compute)


FTS_HINTS = (("unterminated string", "a double quote is not closed"),
             ("no such column", "a word followed by a colon is read as a column name"),
             ("unknown special query", "a search cannot start with * or another operator"),
             ("syntax error", "an operator (AND, OR, NOT, NEAR, parentheses) is missing a word on one side"))


def _explain_fts_error(query: str, error: str) -> str:
    hint = next((h for key, h in FTS_HINTS if key in error), error.removeprefix("fts5: "))
    return (f"dateline could not read the search {query!r}: {hint}. Searches use SQLite FTS5 syntax: "
            "words match anywhere, \"double quotes\" make a phrase, AND / OR / NOT must be in capitals, "
            "and a word ending in * matches its prefix. Punctuation such as - : ( ) needs to be inside quotes.")


def plain_words_query(query: str) -> str:
    """The query as plain quoted words (always valid FTS5): the fallback offered after an error."""
    import re

    words = [w for w in re.findall(r"\w+", query) if w not in ("AND", "OR", "NOT", "NEAR")]
    return " ".join(f'"{w}"' for w in words)


def _within_dates(where: list[str], args: list, since: Optional[dt.date], until: Optional[dt.date]) -> None:
    """Adds the publication-date bounds that are given to a query's conditions."""
    if since:
        where.append("d.date >= ?")
        args.append(since.isoformat())
    if until:
        where.append("d.date <= ?")
        args.append(until.isoformat())
