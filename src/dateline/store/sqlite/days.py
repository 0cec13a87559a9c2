"""The day index of sentences: the aggregates the timeline ranks days with, and the sentences it tells them by."""
from __future__ import annotations

import json
from typing import Iterator, Optional, Sequence

from ..day_index import DayIndex
from .common import published_between


class DayIndexQueries(DayIndex):
    """Part of :class:`dateline.store.sqlite.Store`: the timeline's aggregates
    (:mod:`dateline.synthesize.timeline`), over articles published in a range."""

    # --- the timeline's aggregates (synthesize.timeline): over articles published in a range ----------
    _published = staticmethod(published_between)

    def day_sources(self, published_from: Optional[str] = None, published_to: Optional[str] = None) -> Iterator[tuple]:
        """(day, role, independent sources, of them writing it as a calendar date) for the days sentences
        name; role: "later" (named after the day), "same_day", "ahead" (named before it)."""
        clause, args = self._published(published_from, published_to)
        return self.db.execute(
            "SELECT x.day, CASE WHEN x.day < d.date THEN 'later' WHEN x.day = d.date THEN 'same_day' ELSE 'ahead' END"
            " AS role, COUNT(DISTINCT coalesce(d.dup_group, d.id)),"
            " COUNT(DISTINCT CASE WHEN x.calendar AND x.day < d.date THEN coalesce(d.dup_group, d.id) END)"
            f" FROM sentence_days x JOIN documents d ON d.id = x.doc WHERE {clause} GROUP BY x.day, role", args)

    def publication_sources(self, published_from: Optional[str] = None,
                            published_to: Optional[str] = None) -> Iterator[tuple]:
        """Distinct (publication day, independent source) of articles with sentences."""
        clause, args = self._published(published_from, published_to)
        return self.db.execute(
            "SELECT DISTINCT d.date, coalesce(d.dup_group, d.id) FROM documents d"
            f" WHERE {clause} AND EXISTS (SELECT 1 FROM sentences s WHERE s.doc = d.id)", args)

    def first_reference_delays(self, published_from: Optional[str] = None,
                               published_to: Optional[str] = None) -> Iterator[tuple]:
        """(day, delay in days, how many): per independent source and earlier day it names, its first reference."""
        clause, args = self._published(published_from, published_to)
        return self.db.execute(
            "SELECT day, delay, COUNT(*) FROM (SELECT x.day AS day,"
            " CAST(MIN(julianday(d.date) - julianday(x.day)) AS INTEGER) AS delay"
            f" FROM sentence_days x JOIN documents d ON d.id = x.doc WHERE {clause} AND x.day < d.date"
            " GROUP BY coalesce(d.dup_group, d.id), x.day) GROUP BY day, delay", args)

    def chronology_days(self, min_entries: int, published_from: Optional[str] = None,
                        published_to: Optional[str] = None) -> Iterator[tuple]:
        """(day, independent sources) listing it in a chronology: an article with ``min_entries`` or
        more days heading its sentences as calendar dates ("March 19 - ...")."""
        clause, args = self._published(published_from, published_to)
        return self.db.execute(
            "WITH entries AS (SELECT DISTINCT x.doc, x.day FROM sentence_days x JOIN documents d ON d.id = x.doc"
            f"   WHERE {clause} AND x.headed AND x.calendar AND x.day <= d.date),"
            " listing AS (SELECT doc FROM entries GROUP BY doc HAVING COUNT(*) >= ?)"
            " SELECT e.day, COUNT(DISTINCT coalesce(d.dup_group, d.id)) FROM entries e"
            " JOIN listing l ON l.doc = e.doc JOIN documents d ON d.id = e.doc GROUP BY e.day", args + [min_entries])

    def day_support(self, published_from: Optional[str] = None, published_to: Optional[str] = None) -> Iterator[tuple]:
        """(day, independent sources naming it by their publication or publishing on it)."""
        clause, args = self._published(published_from, published_to)
        return self.db.execute(
            "SELECT day, COUNT(DISTINCT src) FROM ("
            " SELECT x.day AS day, coalesce(d.dup_group, d.id) AS src FROM sentence_days x"
            f"  JOIN documents d ON d.id = x.doc WHERE {clause} AND x.day <= d.date"
            " UNION SELECT d.date, coalesce(d.dup_group, d.id) FROM documents d"
            f"  WHERE {clause} AND EXISTS (SELECT 1 FROM sentences s WHERE s.doc = d.id)"
            ") GROUP BY day", args + args)

    def timeline_candidates(self, named: Sequence[str], published: Sequence[str], lead_sentences: int,
                            published_from: Optional[str] = None, published_to: Optional[str] = None) -> list[tuple]:
        """Sentences naming a day of ``named`` (by their publication), and undated sentences among the
        first ``lead_sentences`` of articles published on a day of ``published``: (doc, position, start,
        end, dates, calendar, publication day, independent source, text), by day, article and position."""
        clause, args = self._published(published_from, published_to)
        # the day lists go in as JSON arrays: no temporary table, so read-only stores serve it too
        return self.db.execute(
            "WITH picked AS ("
            "  SELECT DISTINCT x.doc, x.position FROM json_each(?) n JOIN sentence_days x ON x.day = n.value"
            f"  JOIN documents d ON d.id = x.doc WHERE {clause} AND x.day <= d.date"
            "  UNION SELECT s.doc, s.position FROM json_each(?) p JOIN documents d ON d.date = p.value"
            f"  JOIN sentences s ON s.doc = d.id WHERE {clause} AND s.dates IS NULL AND s.position < ?)"
            ' SELECT s.doc, s.position, s.start, s."end", s.dates, s.calendar, d.date,'
            '  coalesce(d.dup_group, d.id), substr(d.text, s.start + 1, s."end" - s.start)'
            " FROM picked p JOIN sentences s ON s.doc = p.doc AND s.position = p.position"
            " JOIN documents d ON d.id = s.doc ORDER BY d.date, d.id, s.position",
            [json.dumps(list(named))] + args + [json.dumps(list(published))] + args + [lead_sentences]).fetchall()

    def figure_counts(self, docs: Sequence[str], minimum: float) -> list[tuple]:
        """(doc, offset, measure, value) of these articles' figures of at least ``minimum``."""
        return [tuple(r) for r in self.db.execute(
            "SELECT doc, start, measure, value FROM figures WHERE doc IN (SELECT value FROM json_each(?))"
            " AND value >= ?", (json.dumps(list(docs)), minimum))]

    # --- every sentence of articles published in a range (a query's articles, or a store not yet indexed) ---
    @staticmethod
    def _published_among(published_from: Optional[str], published_to: Optional[str],
                         docs: Optional[Sequence[str]]) -> tuple[str, list]:
        clause, args = published_between(published_from, published_to)
        if docs is not None:
            clause += " AND d.id IN (SELECT value FROM json_each(?))"
            args.append(json.dumps(list(docs)))
        return clause, args

    def sentence_rows(self, published_from: Optional[str] = None, published_to: Optional[str] = None,
                      docs: Optional[Sequence[str]] = None) -> Iterator[tuple]:
        """(doc, position, start, end, dates, calendar) of the stored sentences of the articles published in
        the range (of ``docs`` only, when given), in key order."""
        clause, args = self._published_among(published_from, published_to, docs)
        for r in self.db.execute('SELECT s.doc, s.position, s.start, s."end", s.dates, s.calendar FROM sentences s'
                                 f" WHERE s.doc IN (SELECT d.id FROM documents d WHERE {clause})", args):
            yield tuple(r)

    def published_texts(self, published_from: Optional[str] = None, published_to: Optional[str] = None,
                        docs: Optional[Sequence[str]] = None) -> Iterator[tuple]:
        """(id, publication day, independent source, text) of the articles published in the range (of
        ``docs`` only, when given), by day and id."""
        clause, args = self._published_among(published_from, published_to, docs)
        return self.db.execute(
            f"SELECT d.id, d.date, coalesce(d.dup_group, d.id), d.text FROM documents d WHERE {clause}"
            " ORDER BY d.date, d.id", args)
