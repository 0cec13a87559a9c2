"""Full-text search over the articles (FTS5). Queries are as people type them: :func:`dateline.store.fts.query`
makes them FTS5 queries (a word with a hyphen, dot or apostrophe is a phrase), and one over the limits of
:mod:`dateline.store.search_limits` is refused (:class:`TooManyTerms`) before it runs. A search runs under a
time budget (:meth:`Search.time_budget`), stopped with :class:`SearchTooCostly` when it runs out."""
from __future__ import annotations

import contextlib
import datetime as dt
import sqlite3
import time
from typing import Iterator, Optional, Sequence

from ..fts import query as fts_query
from ..search_limits import DEFAULT_BUDGET, SearchTooCostly, check_budget, check_terms
from .pages import OUTLET_FILTER, _within_dates

# The progress handler runs every this many SQLite VM instructions: on a large ledger about every 10 ms
# of FTS5 work, and too rarely to slow a search (a Python call per thousand instructions)
PROGRESS_STEPS = 1000


def _match(query: str) -> str:
    """The FTS5 query for what was typed, refused when over the limits: every user query goes through here."""
    return check_terms(fts_query(query))


class Search:
    """Part of :class:`dateline.store.sqlite.Store`: full-text queries."""

    _budget_running = False         # a time_budget block is running on this connection

    def search(self, query: str, limit: int = 20, budget: Optional[float] = DEFAULT_BUDGET) -> list[dict]:
        """The best ``limit`` matches of ``query``; :class:`TooManyTerms` or :class:`SearchTooCostly` (after
        ``budget`` seconds; None: no limit) when it is refused or stopped."""
        q = ("SELECT d.id, d.date, d.title, snippet(documents_fts, 1, '[', ']', '…', 12) AS snippet"
             " FROM documents_fts JOIN documents d ON d.rowid = documents_fts.rowid"
             " WHERE documents_fts MATCH ? ORDER BY rank LIMIT ?")
        match = _match(query)
        with self.time_budget(budget):
            return [dict(r) for r in self.db.execute(q, (match, limit))]

    @contextlib.contextmanager
    def time_budget(self, seconds: Optional[float]) -> Iterator[None]:
        """Statements run on this connection inside the block stop once ``seconds`` have passed since it
        began, raising :class:`SearchTooCostly` (None: no limit). SQLite's progress handler checks the
        clock; it is removed when the block ends, so later statements run unbounded. Inside a budget
        already running, that budget governs (one handler per connection)."""
        if seconds is None or self._budget_running:
            yield
            return
        seconds = check_budget(seconds)
        deadline = time.monotonic() + seconds
        stopped = False

        def over() -> bool:        # non-zero ends the statement running: OperationalError('interrupted')
            nonlocal stopped
            stopped = time.monotonic() >= deadline
            return stopped

        self.db.set_progress_handler(over, PROGRESS_STEPS)
        self._budget_running = True
        try:
            yield
        except sqlite3.OperationalError as e:
            if stopped and "interrupted" in str(e):
                raise SearchTooCostly(seconds) from None
            raise
        finally:
            self._budget_running = False
            self.db.set_progress_handler(None, PROGRESS_STEPS)

    def documents_with_words_starting(self, stems: Sequence[str]) -> list[str]:
        """Ids of the articles (title or text) holding a word that begins with one of ``stems``, by the
        full-text index (diacritics ignored, so a superset of a case-insensitive regex's finds)."""
        if not stems:
            return []
        match = " OR ".join('"' + stem.replace('"', '""') + '"*' for stem in stems)
        return [r[0] for r in self.db.execute(
            "SELECT d.id FROM documents_fts JOIN documents d ON d.rowid = documents_fts.rowid"
            " WHERE documents_fts MATCH ?", (match,))]

    # --- the search page (dateline.web.data) ----------------------------------------
    def search_page(self, query: str, marks: tuple[str, str], since: Optional[dt.date] = None,
                    until: Optional[dt.date] = None, outlet: Optional[str] = None, limit: int = 21,
                    offset: int = 0) -> list[dict]:
        """Articles matching an FTS5 query, best first (``id``, ``date``, ``title``, ``url``, ``snippet``:
        the text around the matches, each between ``marks``), published in ``[since, until]`` by ``outlet``."""
        where, args = ["documents_fts MATCH ?"], [_match(query)]
        _within_dates(where, args, since, until)
        if outlet:
            where.append(OUTLET_FILTER)
            args += [outlet, outlet]
        return [dict(r) for r in self.db.execute(f"SELECT d.id, d.date, d.title, d.url, {_snippet(marks)}"
                                                 " FROM documents_fts JOIN documents d ON d.rowid = documents_fts.rowid"
                                                 f" WHERE {' AND '.join(where)} ORDER BY rank LIMIT ? OFFSET ?",
                                                 (*args, limit, offset))]

    def search_snippets(self, query: str, rowids: Sequence[int], marks: tuple[str, str]) -> list[dict]:
        """The articles of these full-text rowids matching an FTS5 query, as :meth:`search_page` gives them
        with their rowid (``rid``) first, in no order."""
        return [dict(r) for r in self.db.execute(
            f"SELECT d.rowid AS rid, d.id, d.date, d.title, d.url, {_snippet(marks)} FROM documents_fts"
            " JOIN documents d ON d.rowid = documents_fts.rowid"
            f" WHERE documents_fts MATCH ? AND documents_fts.rowid IN ({','.join('?' * len(rowids))})",
            (_match(query), *rowids))]

    def matching_rowids(self, query: str, low: int, high: int, newest: bool) -> sqlite3.Cursor:
        """A cursor over the rowids of the articles matching an FTS5 query, from ``low`` to ``high``, in
        rowid order (descending when ``newest``): read it in batches, and close it."""
        return self.db.execute(
            "SELECT rowid FROM documents_fts WHERE documents_fts MATCH ? AND rowid >= ? AND rowid <= ?"
            f" ORDER BY rowid {'DESC' if newest else 'ASC'}", (_match(query), low, high))

    def dates_of_rowids(self, rowids: Sequence[int], outlet: Optional[str] = None) -> list[tuple[int, str, str]]:
        """(rowid, publication day, id) of the articles of these rowids (by ``outlet`` only, when given)."""
        filters, extra = "1=1", []
        if outlet:
            filters, extra = OUTLET_FILTER, [outlet, outlet]
        return [(r[0], r[1], r[2]) for r in self.db.execute(
            f"SELECT d.rowid, d.date, d.id FROM documents d WHERE d.rowid IN"
            f" ({','.join('?' * len(rowids))}) AND {filters}", (*rowids, *extra))]

    def rowid_dates(self) -> list[tuple[int, str]]:
        """(rowid, publication day) of every article, by rowid."""
        return [(r[0], r[1]) for r in self.db.execute("SELECT rowid, date FROM documents ORDER BY rowid")]

    def document_texts(self, ids: Sequence[str]) -> dict[str, str]:
        """Articles -> their text."""
        marks = ",".join("?" * len(ids))
        return {r["id"]: r["text"] for r in self.db.execute(f"SELECT id, text FROM documents WHERE id IN ({marks})",
                                                             list(ids))}


def _snippet(marks: tuple[str, str]) -> str:
    """The FTS5 snippet column: up to 24 tokens of the text around the matches, each between ``marks``."""
    return f"snippet(documents_fts, 1, '{marks[0]}', '{marks[1]}', '…', 24) AS snippet"
