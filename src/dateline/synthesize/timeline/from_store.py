"""The adapters: a timeline of a ledger's store (:func:`timeline_from_store`) or of any day index
(:func:`timeline_from_index`), reading only the best days' sentences."""
from __future__ import annotations

import bisect
import functools
import datetime as dt
from collections import defaultdict
from dataclasses import replace
from typing import Optional, Sequence

from ...analyze import dating
from ...bulk import gc_paused
from ...records import Span
from ...store.day_index import DayIndex
from ..events import Sentence
from .dated_sentences import _dated_sentences
from .day_ranking import DayCounts, ROLES, background, candidates_by_day
from .lines import query_stems
from .model import DEFAULT_SENTENCES, Settings, TimelineEntry
from .telling import _restricted, build_timeline, choose


# --- the store adapter ----------------------------------------------------------------

def sentences_from_store(store, date_from: Optional[dt.date] = None, date_to: Optional[dt.date] = None,
                         lookahead_days: int = 30, docs: Optional[Sequence[str]] = None) -> list[Sentence]:
    """Every stored article's sentences (of ``docs`` only, when given), as dated at analysis
    (table ``sentences``); articles stored before that (schema < 5, until the next
    consolidation) are dated here from their stored ``times``.

    Articles published up to ``lookahead_days`` after ``date_to`` are read too: they
    refer back to days inside the range.
    """
    with gc_paused():
        return _read_sentences(store, *_scope(date_from, date_to, lookahead_days), docs)


def _read_sentences(store, published_from: Optional[str], published_to: Optional[str],
                    docs: Optional[Sequence[str]]) -> list[Sentence]:
    from ...analyze import nlp

    days = _dates_parser()
    # sentence rows in key order (no sort), then each article's text once, in date order
    dated: dict[str, list] = defaultdict(list)
    for r in store.sentence_rows(published_from, published_to, docs):
        dated[r[0]].append(r)
    out: list[Sentence] = []
    for doc, published, source, text in store.published_texts(published_from, published_to, docs):
        published = dt.date.fromisoformat(published)
        if doc not in dated:            # stored before sentences were dated at analysis
            out += _dated_sentences(doc, text, published, source, nlp.sentence_spans(text),
                                    dating.as_tuples(store.times_of(doc)))
            continue
        for _, position, start, end, dates, calendar in dated.pop(doc):
            out.append(Sentence(span=Span(doc, start, end), text=text[start:end], published=published,
                                position=position, source=source, dates=days(dates), calendar_dates=days(calendar)))
    return with_counts(out, store)


# Counts smaller than this are too common to tie two reports to one event ("two children", "five trucks").
MIN_SHARED_COUNT = 10


def with_counts(sentences: list[Sentence], index: DayIndex) -> list[Sentence]:
    """The sentences with the counts the ledger's figures give in them (``index.figure_counts``:
    the SQLite store or DuckDB over Parquet)."""
    by_doc: dict[str, list[tuple[int, str, float]]] = defaultdict(list)
    for doc, start, measure, value in index.figure_counts(sorted({s.doc for s in sentences}), MIN_SHARED_COUNT):
        by_doc[doc].append((start, measure, value))
    for found in by_doc.values():
        found.sort()
    out = []
    for s in sentences:
        found = by_doc.get(s.doc)
        if found:
            lo = bisect.bisect_left(found, (s.span.start,))
            hi = bisect.bisect_left(found, (s.span.end,))
            if hi > lo:
                s = replace(s, counts=tuple(sorted({(m, v) for _, m, v in found[lo:hi]})))
        out.append(s)
    return out


def timeline_from_store(store, n_dates: Optional[int] = None, k_sentences: int = DEFAULT_SENTENCES,
                        date_from: Optional[dt.date] = None, date_to: Optional[dt.date] = None,
                        query: Optional[str] = None, settings: Settings = Settings()) -> list[TimelineEntry]:
    """The timeline of everything in ``store`` (a :class:`dateline.store.sqlite.Store`).

    Days are ranked from the store's aggregates over the days sentences name (table
    ``sentence_days``), and only the best days' sentences are read: the same timeline
    as :func:`build_timeline` over every stored sentence (tested), at a cost that
    follows the days shown, not the ledger. A query filters sentences by their words, so
    it reads the sentences of every article the full-text index finds those words in (the
    same timeline as filtering every sentence, tested); a store whose sentences are not
    yet indexed by day reads them all.
    """
    stems = query_stems(query)
    if stems or store.get_state("sentence_days") != "complete":
        # a query reads only the articles the full-text index finds its words in (a superset of
        # those holding a matching sentence)
        docs = store.documents_with_words_starting(stems) if stems else None
        sentences = sentences_from_store(store, date_from, date_to, docs=docs)
        return build_timeline(sentences, n_dates=n_dates, k_sentences=k_sentences, date_from=date_from,
                              date_to=date_to, query=query, settings=settings)
    return timeline_from_index(store, n_dates, k_sentences, date_from, date_to, settings)


def timeline_from_index(index: DayIndex, n_dates: Optional[int] = None, k_sentences: int = DEFAULT_SENTENCES,
                        date_from: Optional[dt.date] = None, date_to: Optional[dt.date] = None,
                        settings: Settings = Settings()) -> list[TimelineEntry]:
    """The timeline from a day index of sentences (:class:`dateline.store.day_index.DayIndex`): the
    SQLite store, or DuckDB over a Parquet ledger (:class:`dateline.store.duckdb_queries.SentenceDays`)."""
    scope = _scope(date_from, date_to)
    counts = counts_from_store(index, settings, *scope)

    def candidates(days: Sequence[dt.date]) -> tuple[list[Sentence], dict[dt.date, dict[int, float]]]:
        found = candidates_from_store(index, days, settings, *scope)
        return _restricted(found, candidates_by_day(found, settings), days)

    return choose(counts, candidates, n_dates, k_sentences, date_from, date_to, settings)


def _scope(date_from: Optional[dt.date], date_to: Optional[dt.date],
           lookahead_days: int = 30) -> tuple[Optional[str], Optional[str]]:
    """Publication days of the articles read (as :func:`sentences_from_store`)."""
    return (date_from.isoformat() if date_from else None,
            (date_to + dt.timedelta(days=lookahead_days)).isoformat() if date_to else None)


def counts_from_store(store: DayIndex, settings: Settings, published_from: Optional[str] = None,
                      published_to: Optional[str] = None) -> DayCounts:
    """:class:`DayCounts` of the articles published in the range, from SQL aggregates."""
    day = _day_parser()
    seen: dict[str, dict[dt.date, int]] = {r: {} for r in ROLES}
    for named, role, sources, calendar in store.day_sources(published_from, published_to):
        seen[role][day(named)] = sources
        if calendar:
            seen["calendar"][day(named)] = calendar
    published: dict[dt.date, set] = defaultdict(set)
    newest = oldest = None
    for date, source in store.publication_sources(published_from, published_to):
        date = day(date)
        newest = date if newest is None or date > newest else newest
        oldest = date if oldest is None or date < oldest else oldest
        for lag in range(settings.publication_lag + 1):
            published[date - dt.timedelta(days=lag)].add(source)
    seen["published"] = {d: len(v) for d, v in published.items()}
    support = {day(d): n for d, n in store.day_support(published_from, published_to)}
    delays = sorted(delay for named, delay, n in store.first_reference_delays(published_from, published_to)
                    if not background(day(named), oldest, support, settings) for _ in range(n))
    chronology = {day(d): n for d, n in store.chronology_days(settings.chronology_entries, published_from,
                                                              published_to)}
    return DayCounts(seen=seen, delays=delays, newest=newest, chronology=chronology, support=support,
                     oldest=oldest)


def candidates_from_store(store: DayIndex, days: Sequence[dt.date], settings: Settings,
                          published_from: Optional[str] = None, published_to: Optional[str] = None) -> list[Sentence]:
    """The stored sentences that may tell ``days``: those naming one of them (by publication), and
    the undated lead sentences of articles published on one of them or the day after; in the order
    of :func:`sentences_from_store`."""
    day, days_of = _day_parser(), _dates_parser()
    named = sorted({d.isoformat() for d in days})
    published = sorted({(d + dt.timedelta(days=k)).isoformat() for d in days for k in (0, 1)})
    out = []
    with gc_paused():
        for doc, position, start, end, dates, calendar, date, source, text in store.timeline_candidates(
                named, published, settings.lead_sentences, published_from, published_to):
            out.append(Sentence(span=Span(doc, start, end), text=text, published=day(date), position=position,
                                source=source, dates=days_of(dates), calendar_dates=days_of(calendar)))
    return with_counts(out, store)


def _day_parser():
    return functools.lru_cache(maxsize=None)(dt.date.fromisoformat)


def _dates_parser():
    """Stored day lists ("2024-05-07 2024-05-08", or None) as dates, each distinct list parsed once."""
    @functools.lru_cache(maxsize=None)
    def days(value: Optional[str]) -> tuple[dt.date, ...]:
        return tuple(dt.date.fromisoformat(x) for x in value.split()) if value else ()
    return days
