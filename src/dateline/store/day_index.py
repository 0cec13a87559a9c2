"""The day index of sentences, as the timeline asks it: one Protocol that the SQLite store
(:class:`dateline.store.sqlite.days.DayIndexQueries`) and DuckDB over a Parquet ledger
(:class:`dateline.store.duckdb_queries.SentenceDays`) both answer.

Every aggregate is over the articles published in ``[published_from, published_to]`` (ISO days;
None: open) and counts independent sources (an article's duplicate group, else itself).
"""
from __future__ import annotations

from typing import Iterable, Optional, Protocol, Sequence


class DayIndex(Protocol):
    def day_sources(self, published_from: Optional[str] = None,
                    published_to: Optional[str] = None) -> Iterable[tuple]:
        """(day, role, independent sources, of them writing it as a calendar date) for the days sentences
        name; role: "later" (named after the day), "same_day", "ahead" (named before it)."""
        ...

    def publication_sources(self, published_from: Optional[str] = None,
                            published_to: Optional[str] = None) -> Iterable[tuple]:
        """Distinct (publication day, independent source) of articles with sentences."""
        ...

    def first_reference_delays(self, published_from: Optional[str] = None,
                               published_to: Optional[str] = None) -> Iterable[tuple]:
        """(day, delay in days, how many): per independent source and earlier day it names, its first reference."""
        ...

    def chronology_days(self, min_entries: int, published_from: Optional[str] = None,
                        published_to: Optional[str] = None) -> Iterable[tuple]:
        """(day, independent sources) listing it in a chronology: an article with ``min_entries`` or
        more days heading its sentences as calendar dates ("March 19 - ...")."""
        ...

    def day_support(self, published_from: Optional[str] = None,
                    published_to: Optional[str] = None) -> Iterable[tuple]:
        """(day, independent sources naming it by their publication or publishing on it)."""
        ...

    def figure_counts(self, docs: Sequence[str], minimum: float) -> Iterable[tuple]:
        """(doc, offset, measure, value) of these articles' figures of at least ``minimum``."""
        ...

    def timeline_candidates(self, named: Sequence[str], published: Sequence[str], lead_sentences: int,
                            published_from: Optional[str] = None,
                            published_to: Optional[str] = None) -> Iterable[tuple]:
        """Sentences naming a day of ``named`` (by their publication), and undated sentences among the
        first ``lead_sentences`` of articles published on a day of ``published``: (doc, position, start,
        end, dates, calendar, publication day, independent source, text), by day, article and position."""
        ...
