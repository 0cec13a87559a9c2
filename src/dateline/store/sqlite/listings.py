"""Figures and claims as listed (CLI, export), the series descriptions of figures, one article's items."""
from __future__ import annotations

import datetime as dt
from typing import Any, Iterable, Iterator, Optional, Sequence

from .common import _chunks


class Listings:
    """Part of :class:`dateline.store.sqlite.Store`: figures and claims with their sentences."""

    # --- listings ------------------------------------------------------------
    def figures(self, measure: Optional[str] = None, doc: Optional[str] = None, scope: Optional[str] = None,
                since: Optional[dt.date] = None, until: Optional[dt.date] = None) -> list[dict]:
        q = ('SELECT f.*, d.date AS doc_date, substr(d.text, f.sent_start + 1, f.sent_end - f.sent_start) AS sentence'
             ' FROM figures f JOIN documents d ON d.id = f.doc WHERE 1=1')
        args: list[Any] = []
        for col, val in (("f.measure", measure), ("f.doc", doc), ("f.scope", scope)):
            if val:
                q += f" AND {col}=?"
                args.append(val)
        if since:
            q += " AND coalesce(f.as_of, d.date) >= ?"
            args.append(since.isoformat())
        if until:
            q += " AND coalesce(f.as_of, d.date) <= ?"
            args.append(until.isoformat())
        q += ' ORDER BY coalesce(f.as_of, d.date), f.doc, f.start, f.id'
        return [dict(r) for r in self.db.execute(q, args)]

    def figure(self, figure_id: str) -> Optional[dict]:
        """One figure as :meth:`figures` gives it (with ``rules``: the JSON list of its trace), or None."""
        row = self.db.execute(
            'SELECT f.*, d.date AS doc_date, substr(d.text, f.sent_start + 1, f.sent_end - f.sent_start) AS sentence'
            ' FROM figures f JOIN documents d ON d.id = f.doc WHERE f.id = ?', (figure_id,)).fetchone()
        return dict(row) if row else None

    _FIGURE_ROWS = ('SELECT f.*, d.date AS doc_date, substr(d.text, f.sent_start + 1, f.sent_end - f.sent_start)'
                    ' AS sentence{extra} FROM figures f JOIN documents d ON d.id = f.doc{join} WHERE {where}'
                    ' ORDER BY coalesce(f.as_of, d.date), f.doc, f.start, f.id')

    def figures_of_documents(self, docs: Sequence[str]) -> list[dict]:
        """Rows as :meth:`figures` gives them, of these articles only (in the same order)."""
        self._temp_values("figure_docs", ["doc"], [(d,) for d in docs])
        return [dict(r) for r in self.db.execute(self._FIGURE_ROWS.format(
            extra="", join="", where="f.doc IN (SELECT w.doc FROM temp.figure_docs w)"))]

    def described_figures(self, measure: Optional[str] = None) -> list[dict]:
        """Cumulative figures with their stored series descriptions (``_place``, ``_category``,
        ``_skey``; ``source`` and ``grp`` as inherited), in the order of :meth:`figures`, with the
        columns series need."""
        cursor = self.db.cursor()
        cursor.row_factory = None           # plain tuples: a third faster than sqlite3.Row at 100k rows
        cursor.execute(
            'SELECT f.id, f.doc, f.start, f."end", f.sent_start, f.sent_end, f.value, f.value_max, f.qualifier,'
            ' f.measure, x.grp, f.parent, x.source, f.as_of, f.scope, f.place_within, f.revised, f.breakdown,'
            ' f.place_inferred,'
            " (instr(coalesce(f.rules, ''), '=> figures.scope:cumulative/default') > 0"
            " AND instr(coalesce(f.rules, ''), 'figures.scope:running/told-as-a-toll') = 0) AS scope_default,"
            ' d.date AS doc_date,'
            ' substr(d.text, f.sent_start + 1, f.sent_end - f.sent_start) AS sentence,'
            ' x.place AS _place, x.category AS _category, x.skey AS _skey'
            ' FROM figure_series x JOIN figures f ON f.id = x.figure JOIN documents d ON d.id = f.doc'
            + (" WHERE f.measure = ?" if measure else "")
            + ' ORDER BY coalesce(f.as_of, d.date), f.doc, f.start, f.id', [measure] if measure else [])
        names = [c[0] for c in cursor.description]
        return [dict(zip(names, r)) for r in cursor]

    def documents_with_cumulative_figures(self) -> list[str]:
        return [r[0] for r in self.db.execute("SELECT DISTINCT doc FROM figures WHERE scope = 'cumulative'")]

    def cumulative_figure_texts(self) -> Iterator[tuple[str, tuple]]:
        """(article, (group, source, sentence)) of every cumulative figure."""
        for r in self.db.execute("SELECT f.doc, f.grp, f.source,"
                                 " substr(d.text, f.sent_start + 1, f.sent_end - f.sent_start)"
                                 " FROM figures f JOIN documents d ON d.id = f.doc WHERE f.scope = 'cumulative'"):
            yield r[0], (r[1], r[2], r[3])

    def series_place_keys(self) -> set[str]:
        return {r[0] for r in self.db.execute("SELECT key FROM series_places")}

    def set_series_place_keys(self, keys: Iterable[str]) -> None:
        self.db.execute("DELETE FROM series_places")
        self.db.executemany("INSERT INTO series_places(key) VALUES (?)", [(k,) for k in sorted(set(keys))])

    def replace_figure_descriptions(self, docs: Sequence[str], described: Iterable[tuple]) -> None:
        """The series descriptions of these articles' figures (``(row, place, category, skey)``). In a transaction."""
        for chunk in _chunks(list(docs), 500):
            self.db.execute(f"DELETE FROM figure_series WHERE doc IN ({','.join('?' * len(chunk))})", chunk)
        self.db.executemany(
            "INSERT INTO figure_series(figure, doc, place, category, skey, source, grp) VALUES (?,?,?,?,?,?,?)",
            [(r["id"], r["doc"], place, category, skey, r["source"], r["grp"])
             for r, place, category, skey in described])

    def claims(self, speaker: Optional[str] = None, doc: Optional[str] = None,
               entity: Optional[str] = None, since: Optional[dt.date] = None,
               until: Optional[dt.date] = None) -> list[dict]:
        q = ('SELECT c.*, d.date AS doc_date, substr(d.text, c.content_start + 1, c.content_end - c.content_start)'
             ' AS content, substr(d.text, c.start + 1, c."end" - c.start) AS sentence, e.name AS entity_name'
             ' FROM claims c JOIN documents d ON d.id = c.doc LEFT JOIN entities e ON e.id = c.speaker_entity'
             ' WHERE 1=1')
        args: list[Any] = []
        if speaker:
            q += " AND (c.speaker LIKE ? OR e.name LIKE ? OR e.aliases LIKE ?)"
            args += [f"%{speaker}%"] * 3
        if doc:
            q += " AND c.doc=?"
            args.append(doc)
        if entity:
            q += " AND c.speaker_entity=?"
            args.append(entity)
        if since:
            q += " AND d.date >= ?"
            args.append(since.isoformat())
        if until:
            q += " AND d.date <= ?"
            args.append(until.isoformat())
        q += ' ORDER BY d.date, c.doc, c.start'
        return [dict(r) for r in self.db.execute(q, args)]

    def items_of(self, doc_id: str) -> dict[str, list[dict]]:
        """Every extracted item of one document, for display."""
        one = lambda q: [dict(r) for r in self.db.execute(q, (doc_id,))]  # noqa: E731
        return {
            "mention": one('SELECT m.*, e.name AS entity_name FROM mentions m LEFT JOIN entities e ON e.id=m.entity'
                           ' WHERE m.doc=? ORDER BY start'),
            "time": one('SELECT * FROM times WHERE doc=? ORDER BY start'),
            "figure": one('SELECT * FROM figures WHERE doc=? ORDER BY start'),
            "claim": one('SELECT * FROM claims WHERE doc=? ORDER BY start'),
        }
