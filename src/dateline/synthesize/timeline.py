"""The story's timeline: its most important days and, for each, the sentences that best say what happened.

One algorithm over plain :class:`~dateline.synthesize.events.Sentence` records, with
two adapters: :func:`timeline_from_store` (the ledger: stored documents, their
resolved ``times`` and duplicate groups) and :func:`sentences_from_text` (raw
articles, dated by the temporal-expression grammar run on plain text; used by the
Timeline17 benchmark). Days are ranked from counts (:class:`DayCounts`), taken from
sentences in memory or from aggregates over a day index of sentences (the SQLite
store, or DuckDB over Parquet: :func:`timeline_from_index`); only the candidate
sentences of the best-ranked days are then read (:func:`choose`), so a store of any
size gives the same timeline as reading every sentence, at a cost that follows the
days shown.

How it works (after news-tls' DATEWISE, with events and independent sources):

1. Dating. A sentence is about the days it names ("Tuesday's strike" in an article
   of Wednesday is about Tuesday), chiefly the latest of them ("said on Friday that
   the toll from the Oct. 7 attack ..." is Friday's news); a sentence near the top of
   an article that names no day is about the publication day or the day before. Days
   after publication are plans, not events.
2. Ranking days. A day matters when many independent sources name it, above all
   sources writing on later days (a day still referred back to is a turning point),
   when sources announce it ahead, when sources publish on it, and when a chronology
   published in the collection (an article of dated entries, "March 19 - ...") lists
   it. A recent day has not yet had time to be referred back to: it is credited with
   the later references it can still expect, estimated from its coverage and from how
   long references to a day take to arrive in this collection.
3. Per day, the candidate sentences are clustered into events (same happening, any
   wording); an event scores by its closeness to what that day's sentences are about
   (TF-IDF centroid) and by its independent sources; a sentence headed by its date
   ("April 22 - ...", an entry of a published chronology) weighs more. The K best
   events not already told are shown, each by its most central sentence: an event is
   already told when a line on any day says it in much the same words, or a line on
   the day before or after says it in fairly similar words (reports either side of
   midnight), or a line of the day before or after gives the same count of the same
   thing (the ledger's figures; on the same day, in some of the same words too), or, for
   a sentence that names no day, a line of the day before or after names the same rare
   name (a camp, a village no other day names). When a day's main event was already told
   on the day after (a higher-ranked day, in the words of a report written then), it is
   told on this, the earlier day, where it happened, and the day after tells its next
   event. When it was told on a distant day only as one of that day's other lines, by
   reports written more than a week after that day ("the toll from the Oct. 7 attack has
   been revised"), it is told on this day, and that day tells its next event. When a
   day's main event is told on another day, the undated sentences of the articles
   reporting it that share words with their sentences told there are more of those
   reports, not the day's news; and an undated sentence is not told on the day before or
   after the day its article dates its news to, when that news is told there and the two
   share words (an undated sentence is placed only by its article's date).

Every line is a sentence as written in one article (without a leading dateline or
date label: "CAIRO (Reuters) -", "April 22 -"); ``evidence`` cites it first, then its
exact copies in other articles (syndicated copies). ``sources`` lists one sentence of
the event per article, whatever its wording; ``salience`` counts independent sources.
"""
from __future__ import annotations

import bisect
import functools
import datetime as dt
import json
import math
import re
from collections import defaultdict
from dataclasses import dataclass, field, replace
from typing import Callable, Iterable, Optional, Sequence

import numpy

from ..analyze import dating
from ..bulk import gc_paused
from ..records import DatedSentence, Span, TimeExpr
from ..store.day_index import DayIndex
from .events import COUNT_WORDS, SAME_EVENT, Event, Sentence, Vectors, cluster_events, copies_of

DEFAULT_SENTENCES = 1


@dataclass
class TimelineEntry:
    date: dt.date
    text: str
    evidence: list[Span]                    # the cited sentence first, then exact copies elsewhere
    sources: list[Span] = field(default_factory=list)   # every sentence of the event (any wording)
    salience: int = 1                       # independent sources telling the event

    def to_json(self) -> dict:
        # evidence: where this exact sentence stands (checkable); sources: every report of the event
        return {"kind": "timeline", "date": self.date.isoformat(), "text": self.text,
                "evidence": [{"doc": s.doc, "start": s.start, "end": s.end} for s in self.evidence],
                "sources": [{"doc": s.doc, "start": s.start, "end": s.end} for s in self.sources],
                "salience": self.salience}

    def to_json_line(self) -> str:
        return json.dumps(self.to_json(), ensure_ascii=False)


@dataclass(frozen=True)
class Settings:
    """Global weights (one set for every story; never tuned per topic)."""

    later_weight: float = 1.0           # a source naming the day in a later article
    calendar_weight: float = 1.0        # ... and writing it as a date ("on April 20")
    same_day_weight: float = 0.25       # a source naming the day in that day's article
    ahead_weight: float = 1.0           # a source announcing the day ahead ("will vote on Sunday")
    publication_weight: float = 0.5     # a source published on the day (or the day after)
    unseen_weight: float = 2.0          # credit for the later references a recent day can still expect
                                        # (1 = their plain expectation; 2 measured better on Timeline17)
    chronology_weight: float = 3.0      # a day listed in a published chronology, per chronology
    chronology_entries: int = 3         # dated entries ("March 19 - ...") that make an article a chronology
    lead_sentences: int = 5             # undated sentences this near the top are about the publication day
    earlier_day_weight: float = 0.5     # a sentence naming a later day too is less about this one
    label_bonus: float = 0.5            # extra weight of a sentence headed by its date ("April 22 - ..."),
                                        # an entry of a published chronology
    publication_lag: int = 0            # a source publishing on the day, or up to this many days after, counts
    source_bonus: float = 0.15          # weight of log(independent sources) in an event's score
    same_event: float = SAME_EVENT      # cosine at which two sentences tell the same event
    nearby_event: float = 0.3           # ... when told on adjacent days
    earlier_day: bool = True            # an event told on two adjacent days is told on the earlier one
    main_article: bool = True           # the undated rest of an article whose main report is told elsewhere
                                        # is not the day's news ...
    report_words: float = 0.05          # ... when it shares words with that report (cosine; 0.05: a content word)
    own_day: bool = True                # a day's main event, told elsewhere only as another day's other line
                                        # by reports written long after that day, is told on its own day
    late_days: int = 7                  # a report written more than this many days after the day it names
                                        # refers back to it
    dated_report: bool = True           # undated sentences of an article whose dated report is told on the day
                                        # before or after, sharing its words, are more of that report
    event_names: bool = True            # an undated report naming the rare name of a happening told
                                        # the day before or after reports that happening
    background_sources: int = 2         # a day long before the first article, named by fewer independent
    background_days: int = 30           # sources, is background ("born on February 24, 1955"), not a day
                                        # of the story (the day before it is: "talks collapsed on Monday")
    min_words: int = 6
    max_words: int = 50


# --- dating plain text (fast path: no spaCy parse) ----------------------------------

# Words that can name a particular day; only text around them goes through the timex grammar.
DAY_CUE = re.compile(
    r"\b(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|satur|sun)day\b"
    r"|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d"
    r"|\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)"
    r"|\b(?:today|yesterday|tomorrow|tonight|ago)\b"
    r"|\b(?:next|following|previous|same|that|this|last)\s+(?:day|morning|night|evening|afternoon)\b"
    r"|\b\d{4}-\d\d-\d\d\b|\b\d{1,2}/\d{1,2}/\d{2,4}\b|\b9/11\b",
    re.I)
# The same over lowercased text, skipping positions no cue can start at: three times faster.
_DAY_CUE_LOWER = re.compile(r"(?=[mtwfsjandoylp0-9])(?:" + DAY_CUE.pattern + ")")
# Characters of context kept on each side of a cue: the grammar looks at most 40 back
# ("until", "since") and no expression runs longer after its cue word.
CUE_CONTEXT = 45


def _cue_windows(text: str, segments: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """Stretches of ``text`` around its day cues, widened to whole words, merged, each
    within one segment; in text order."""
    if not segments:
        return []
    scanned = text[:segments[-1][1]]
    lowered = scanned.lower()
    cues = _DAY_CUE_LOWER.finditer(lowered) if len(lowered) == len(scanned) else DAY_CUE.finditer(scanned)
    cue_spans = [(m.start(), m.end()) for m in cues]
    if not cue_spans:
        return []
    starts = [c[0] for c in cue_spans]
    out: list[tuple[int, int]] = []
    for seg_start, seg_end in segments:
        first = bisect.bisect_left(starts, seg_start)
        merged: list[tuple[int, int]] = []
        for cue_start, cue_end in cue_spans[first:]:
            if cue_start >= seg_end:
                break
            start, end = max(seg_start, cue_start - CUE_CONTEXT), min(seg_end, cue_end + CUE_CONTEXT)
            while start > seg_start and not text[start - 1].isspace():
                start -= 1
            while end < seg_end and not text[end].isspace():
                end += 1
            if merged and start <= merged[-1][1]:
                merged[-1] = (merged[-1][0], end)
            else:
                merged.append((start, end))
        out += merged
    return out


def day_mentions(text: str, doc_id: str, published: dt.date,
                 segments: Optional[Sequence[tuple[int, int]]] = None) -> list[TimeExpr]:
    """Temporal expressions that name a day, found without parsing.

    Only the stretches of text around a :data:`DAY_CUE` are scanned (each segment of
    ``nlp.segment`` -- pass them if you have them -- gives its stretches in order, one a
    line, so anaphora like "the next day" still find the last day named); spans are
    mapped back to offsets in ``text``. On Timeline17 this finds 99% of the dates that
    scanning every whole sentence finds, in 60% of the time.
    """
    from ..analyze import nlp, timex

    pieces: list[str] = []
    table: list[tuple[int, int, int]] = []      # (offset in compact text, offset in text, length)
    at = 0
    for start, end in _cue_windows(text, nlp.segment(text) if segments is None else segments):
        piece = text[start:end].rstrip()
        table.append((at, start, len(piece)))
        pieces.append(piece + "\n")
        at += len(piece) + 1
    if not table:
        return []
    # tokenized only, like every sentence the ingest filter leaves unparsed
    tokens_only = nlp.load().make_doc("".join(pieces))
    out = []
    heads = [t[0] for t in table]
    for t in timex.extract_times(tokens_only, doc_id, published):
        if t.date is None:
            continue
        i = bisect.bisect_right(heads, t.span.start) - 1
        c_at, t_at, length = table[i]
        if t.span.end > c_at + length:
            continue                              # across two stretches: not a real expression
        start = t_at + t.span.start - c_at
        out.append(TimeExpr(span=Span(doc_id, start, start + len(t.text)), text=t.text, type=t.type,
                            value=t.value, date=t.date, since=t.since))
    return out


def sentences_from_text(doc_id: str, text: str, published: dt.date, source: str = "",
                        times: Optional[Sequence[TimeExpr]] = None,
                        max_sentences: Optional[int] = None) -> list[Sentence]:
    """An article's sentences (the first ``max_sentences`` when given), dated by ``times``
    (found with :func:`day_mentions` when not given)."""
    from ..analyze import nlp

    segments = nlp.segment(text)[:max_sentences]
    if times is None:
        times = day_mentions(text, doc_id, published, segments)
    return _dated_sentences(doc_id, text, published, source, _trimmed_segments(text, segments),
                            dating.as_tuples(times))


def _trimmed_segments(text: str, segments: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """Segments without surrounding whitespace (as ``nlp.sentence_spans``), empty ones dropped."""
    out = []
    for s, e in segments:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            out.append((s, e))
    return out


def _dated_sentences(doc_id: str, text: str, published: dt.date, source: str,
                     bounds: Sequence[tuple[int, int]],
                     times: Sequence[tuple[int, int, Optional[dt.date], bool, str]]) -> list[Sentence]:
    return [_sentence(d, text[d.span.start:d.span.end], published, source or doc_id)
            for d in dating.dated_sentences(doc_id, bounds, times)]


def _sentence(d: DatedSentence, text: str, published: dt.date, source: str) -> Sentence:
    return Sentence(span=d.span, text=text, published=published, position=d.position, source=source,
                    dates=d.dates, calendar_dates=d.calendar_dates)


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
    from ..analyze import nlp

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


# --- which sentences may be shown -------------------------------------------------------

# "CAIRO (Reuters) -", "Cairo , Egypt -LRB- CNN -RRB- --", "WASHINGTON —": a dateline before the news
_DATELINE = re.compile(
    r"^(?:[A-Z][\w.'’-]*(?:\s*,?\s+[A-Z][\w.'’-]*){0,4}\s*,?\s*)?"
    r"(?:\(\s*[A-Z][\w .&'-]{1,40}\)|-LRB-\s*[A-Z][\w .&'-]{1,40}?\s*-RRB-)\s*(?:--?|—|–|:)\s*"
    r"|^[A-Z][A-Z .,'-]{2,40}\s*(?:--?|—|–)\s+")
# "TRIPOLI | Tue Mar 29 , 2011 7:12 pm EDT TRIPOLI -LRB- Reuters -RRB- - ...": a page's header (headline,
# place, time stamp, separated by "|" or bullets) run into the first sentence, up to the agency dateline
_PAGE_HEADER = re.compile(
    r"^(?=[^.!?]{0,250}?(?:\||\\?\*))[^.!?]{0,250}?"
    r"(?:\(\s*[A-Z][\w .&'-]{1,40}\)|-LRB-\s*[A-Z][\w .&'-]{1,40}?\s*-RRB-)\s*(?:--?|—|–)\s*")
# "Thursday , April 29 , 2010 ; 4:49 PM": a page's time stamp run into the first sentence
_TIMESTAMP = re.compile(
    r"^(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?\s*,?\s+)?(?:[a-z]{3,9}\.?\s+\d{1,2}|\d{1,2}\s+[a-z]{3,9}\.?)\s*,?\s*\d{4}"
    r"\s*[;,|]?\s*(?:at\s+)?\d{1,2}[:.]\d\d\s*(?:[ap]\.?m\.?)?(?:\s+[A-Z]{2,4}\b)?\s*[;,|-]?\s+", re.I)
_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"|``.*?''")
_PERSONAL = re.compile(r"\b(?:I|me|my|mine|we|us|our|ours|you|your|yours)\b")
_BOILERPLATE = re.compile(
    r"https?://|www\.|@\w|\b(?:click|subscribe|newsletter|copyright|all rights reserved|cookies?|sign up|log in"
    r"|read more|follow us|photo:|image:|getty|advertisement|\(AP\) —$)", re.I)
# a sentence that needs the one before it ("He said ...", "Some were taken ...")
_LEANS_BACK = re.compile(r"^[\"“`']*\s*(?:he|she|it|they|them|these|those|some|such|its|their|his|her"
                         r"|(?:this|that)\s+(?:is|was|has|had|will|would|comes|came|means|meant)"
                         # "This move is seen as ...", "That decision was ...": the thing said before
                         r"|(?:this|that)\s+(?!(?:day|week|month|year|morning|afternoon|evening|night|weekend|time"
                         r"|season|spring|summer|autumn|fall|winter|(?:mon|tues|wednes|thurs|fri|satur|sun)day)\b)"
                         r"[a-z][\w-]*\s+(?:is|was|are|were|has|had|will|would|could|comes|came"
                         r"|means|meant|marks|marked|follows|followed)"
                         r"|(?:(?:\d[\d,]*|two|three|four|five|six|seven|eight|nine|ten|dozens|hundreds|thousands"
                         r"|many|several|few|the)\s+)?others)\b"
                         # "However, the index stayed above ...": set against what was said before (with its
                         # comma: "In addition to the 40 ships, ...", "Instead of retreating, ..." stand alone)
                         r"|^[\"“`']*\s*(?:however|moreover|furthermore|nevertheless|nonetheless|in addition|instead"
                         r"|even so|by contrast|in contrast|on the other hand)\s*,", re.I)
# '"...," the ministry added.', '..., he added, ...': the rest of a statement begun in an earlier sentence
_CONTINUES = re.compile(r"[,”\"'’]\s+(?:[\w.'’-]+\s+){0,5}(?:also\s+)?added(?:\s+in\s+a\s+statement)?\s*(?:[.!][\"'”’]*$|,)")
# "..., these are the main developments.", "Here is what we know:": a line announcing the ones after it
_ANNOUNCES = re.compile(
    r"\b(?:here\s+(?:is|are)|here['’]s|these\s+are|the\s+following\s+(?:is|are))\s+(?:the\s+)?"
    r"(?:main|key|latest|major|biggest|top)?\s*(?:developments|updates|events|points|headlines"
    r"|latest(?:\s+news)?(?=\s+(?:on|from|in|about)\b|[.:])|what\s+(?:we\s+know|happened|you\s+need\s+to\s+know))"
    r"\b[^.]{0,40}[.:][\"'”’]*$", re.I)
_ENDS_SENTENCE = re.compile(r"[.!][\"'”’)\]]*$|[.!]\s*(?:''|\"|-RRB-)$")


def trimmed(sentence: Sentence) -> tuple[int, int]:
    """The sentence's bounds without a leading dateline ("CAIRO (Reuters) -") or date label
    ("April 22 - "): the date is the timeline's own column. Offsets into its document."""
    text, start = sentence.text, 0
    for _ in range(3):                      # "Thu May 6 , 2010 1:40 pm EDT (Reuters) - ..."
        cut = next((m.end() for p in (_DATELINE, _PAGE_HEADER, _TIMESTAMP, _DATE_LABEL) for m in [p.match(text[start:])]
                    if m and m.end() and len(_WORD.findall(text[start + m.end():])) >= 5), 0)
        if not cut:
            break
        start += cut
    return sentence.span.start + start, sentence.span.end


def showable(text: str, settings: Settings) -> bool:
    """A sentence an editor could put in a timeline as it stands: a whole, plain,
    third-person statement of reasonable length that does not lean on the sentence
    before it (not a question, a fragment, a reader's comment, page furniture or a line announcing
    the ones after it)."""
    text = text.strip()
    if not text or not (text[0].isupper() or text[0].isdigit() or text[0] in "\"“`'"):
        return False
    if not _ENDS_SENTENCE.search(text) or text.endswith("?"):
        return False
    words = _WORD.findall(text)
    if not settings.min_words <= len(words) <= settings.max_words:
        return False
    if _BOILERPLATE.search(text) or _LEANS_BACK.match(text) or _CONTINUES.search(text) or _ANNOUNCES.search(text):
        return False
    return not _PERSONAL.search(_QUOTED.sub(" ", text))


def query_stems(query: Optional[str]) -> list[str]:
    """The query's words, loosely stemmed ("Egyptian" -> "egypt", "hostages" -> "hostag")."""
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    if not query:
        return []
    return [w[:max(4, len(w) - 3)] for w in (x.lower() for x in _WORD.findall(query))
            if w not in ENGLISH_STOP_WORDS and len(w) >= 3]


def query_matcher(query: Optional[str]):
    """A test for sentences that are about ``query``: one of its words, loosely stemmed
    ("Egyptian" finds "Egypt", "hostages" finds "hostage")."""
    stems = query_stems(query)
    if not stems:
        return None
    pattern = re.compile(r"\b(?:" + "|".join(re.escape(s) for s in sorted(set(stems), key=len, reverse=True)) + ")",
                         re.I)
    return lambda text: bool(pattern.search(text))


# --- ranking days -----------------------------------------------------------------------

ROLES = ("later", "calendar", "same_day", "ahead", "published")


def sources_by_role(sentences: Sequence[Sentence], settings: Settings) -> dict[str, dict[dt.date, set]]:
    """Role -> day -> independent sources: naming the day later ("later", and
    "calendar" when written as a date), on the day ("same_day"), before it ("ahead"),
    or publishing on it ("published")."""
    seen: dict[str, dict[dt.date, set]] = {r: defaultdict(set) for r in ROLES}
    for s in sentences:
        src = s.independent_source
        for d in s.dates:
            role = "later" if d < s.published else "same_day" if d == s.published else "ahead"
            seen[role][d].add(src)
        for d in s.calendar_dates:
            if d < s.published:
                seen["calendar"][d].add(src)
        if s.position == 0:
            for lag in range(settings.publication_lag + 1):
                seen["published"][s.published - dt.timedelta(days=lag)].add(src)
    return seen


@dataclass
class DayCounts:
    """What ranking days needs, counted over the sentences in scope: from sentences in memory
    (:meth:`of_sentences`) or from the store's aggregates (:func:`counts_from_store`), the same."""

    seen: dict[str, dict[dt.date, int]]      # role -> day -> independent sources (see sources_by_role)
    delays: list[int]                        # sorted: days from a day to each source's first later reference
    newest: Optional[dt.date]                # the newest publication day
    chronology: dict[dt.date, int]           # day -> independent sources whose chronology lists it
    support: dict[dt.date, int]              # day -> independent sources naming it or publishing on it
    oldest: Optional[dt.date] = None         # the oldest publication day

    @classmethod
    def of_sentences(cls, sentences: Sequence[Sentence], settings: Settings) -> "DayCounts":
        seen = sources_by_role(sentences, settings)
        support = day_support(sentences)
        oldest = min((s.published for s in sentences), default=None)
        return cls(seen={r: {d: len(v) for d, v in days.items()} for r, days in seen.items()},
                   delays=first_reference_delays(sentences, lambda d: background(d, oldest, support, settings)),
                   newest=max((s.published for s in sentences), default=None),
                   chronology=chronology_votes(sentences, settings.chronology_entries),
                   support=support, oldest=oldest)


def background(day: dt.date, oldest: Optional[dt.date], support: dict[dt.date, int], settings: Settings) -> bool:
    """A day more than ``background_days`` before the first article that fewer than
    ``background_sources`` independent sources name: one article's background ("Jobs, born
    on February 24, 1955, ..."), not a day of the story. The day before the first article
    is the story's ("talks collapsed late on Monday")."""
    return oldest is not None and (oldest - day).days > settings.background_days \
        and support.get(day, 0) < settings.background_sources


def day_scores(sentences: Sequence[Sentence], settings: Settings, date_from: Optional[dt.date] = None,
               date_to: Optional[dt.date] = None) -> dict[dt.date, float]:
    """How much each day matters (see :func:`scores_of`)."""
    return scores_of(DayCounts.of_sentences(sentences, settings), settings, date_from, date_to)


def scores_of(counts: DayCounts, settings: Settings, date_from: Optional[dt.date] = None,
              date_to: Optional[dt.date] = None) -> dict[dt.date, float]:
    """How much each day matters, from who names it and who publishes on it.

    Each independent source counts once per day and role: naming the day in a later
    article (and again when it writes the date out: "on April 20"), naming it on the day
    itself, announcing it ahead, publishing on the day. Each chronology listing the day
    adds ``chronology_weight``; a recent day adds ``unseen_weight`` times the later
    references it has not had time to get (:func:`unseen_references`). Background days
    (:func:`background`) are left out, here and in the references a day can expect.
    """
    seen = _of_the_story(counts.seen, counts, settings)
    weight = {"later": settings.later_weight, "calendar": settings.calendar_weight,
              "same_day": settings.same_day_weight, "ahead": settings.ahead_weight,
              "published": settings.publication_weight}
    days = sorted(set().union(*seen.values()))
    scores = {d: sum(weight[r] * seen[r].get(d, 0) for r in ROLES) for d in days}
    if settings.unseen_weight and counts.newest is not None:
        unseen = _unseen(seen, counts.delays, counts.newest, settings)
        for d in days:
            scores[d] += settings.unseen_weight * unseen.get(d, 0.0)
    if settings.chronology_weight:
        for d, n in sorted(counts.chronology.items()):
            if d in scores:
                scores[d] += settings.chronology_weight * n
    return {d: v for d, v in scores.items() if not ((date_from and d < date_from) or (date_to and d > date_to))}


def first_reference_delays(sentences: Sequence[Sentence],
                           skip: Callable[[dt.date], bool] = lambda d: False) -> list[int]:
    """Sorted: for each source and earlier day it names (but those to ``skip``), the days
    until its first reference."""
    first_reference: dict[tuple[str, dt.date], int] = {}
    for s in sentences:
        for d in s.dates:
            if d < s.published and not skip(d):
                key, delay = (s.independent_source, d), (s.published - d).days
                if delay < first_reference.get(key, delay + 1):
                    first_reference[key] = delay
    return sorted(first_reference.values())


def unseen_references(sentences: Sequence[Sentence], seen: dict[str, dict[dt.date, set]],
                      settings: Settings) -> dict[dt.date, float]:
    """Day -> the later references (weighted as in :func:`day_scores`) it can still expect.

    Only articles published after a day refer back to it, so the days just before the
    newest article are under-counted. From the collection itself: ``arrived(t)``, the
    share of references that come within ``t`` days of their day (each source's first
    reference to a day), and ``rate``, later references per unit of coverage (sources
    naming the day on the day, publishing on it or the day after), fitted so that the
    observed references equal ``rate * arrived(age) * coverage`` summed over days. A day
    ``age`` days before the newest article expects ``rate * (1 - arrived(age)) * coverage``
    more.
    """
    if not sentences:
        return {}
    counts = DayCounts.of_sentences(sentences, settings)
    counted = {r: {d: len(v) for d, v in days.items()} for r, days in seen.items()}
    return _unseen(_of_the_story(counted, counts, settings), counts.delays, counts.newest, settings)


def _of_the_story(seen: dict[str, dict[dt.date, int]], counts: DayCounts,
                  settings: Settings) -> dict[str, dict[dt.date, int]]:
    """``seen`` without its background days (:func:`background`)."""
    return {r: {d: n for d, n in days.items() if not background(d, counts.oldest, counts.support, settings)}
            for r, days in seen.items()}


def _unseen(seen: dict[str, dict[dt.date, int]], delays: Sequence[int], newest: dt.date,
            settings: Settings) -> dict[dt.date, float]:
    if not delays:
        return {}
    one_day = dt.timedelta(days=1)
    days = sorted(set().union(*seen.values()))
    observed = {d: settings.later_weight * seen["later"].get(d, 0)
                + settings.calendar_weight * seen["calendar"].get(d, 0) for d in days}
    coverage = {d: seen["same_day"].get(d, 0) + seen["published"].get(d, 0)
                + seen["published"].get(d + one_day, 0) for d in days}
    arrived = {d: bisect.bisect_right(delays, (newest - d).days) / len(delays) for d in days}
    expected = sum(arrived[d] * coverage[d] for d in days)
    if not expected:
        return {}
    rate = sum(observed[d] for d in days) / expected
    return {d: rate * (1.0 - arrived[d]) * coverage[d] for d in days if arrived[d] < 1.0}


def chronology_votes(sentences: Sequence[Sentence], min_entries: int) -> dict[dt.date, int]:
    """Day -> independent sources whose article is a chronology listing it.

    An article with at least ``min_entries`` sentences headed by a past date ("March 19 -
    Air strikes begin ...") is a chronology: an editor's own list of the days that matter.
    """
    entries: dict[str, set] = defaultdict(set)
    source_of: dict[str, str] = {}
    for s in sentences:
        if s.calendar_dates and _DATE_LABEL.match(s.text):
            entries[s.doc].update(d for d in s.calendar_dates if d <= s.published)
            source_of[s.doc] = s.independent_source
    listed: dict[dt.date, set] = defaultdict(set)
    for doc, days in entries.items():
        if len(days) >= min_entries:
            for d in days:
                listed[d].add(source_of[doc])
    return {d: len(v) for d, v in listed.items()}


def default_dates(support: dict[dt.date, int]) -> int:
    """How many days to show when the caller did not say: the days that at least two
    independent sources name or publish on, at least 5 (when there are) and at most 30."""
    if not support:
        return 0
    return max(min(5, len(support)), min(30, sum(1 for n in support.values() if n >= 2)))


def day_support(sentences: Sequence[Sentence]) -> dict[dt.date, int]:
    """Day -> independent sources that name it (up to their publication) or publish on it."""
    seen: dict[dt.date, set] = defaultdict(set)
    for s in sentences:
        seen[s.published].add(s.independent_source)
        for d in s.dates:
            if d <= s.published:
                seen[d].add(s.independent_source)
    return {d: len(v) for d, v in seen.items()}


# --- choosing sentences -----------------------------------------------------------------

_DATE_LABEL = dating.DATE_LABEL     # "April 22 - ...": an entry of a published chronology


def candidates_by_day(sentences: Sequence[Sentence], settings: Settings) -> dict[dt.date, dict[int, float]]:
    """Day -> {sentence: weight} of sentences about it: those naming it (weight 1), and
    undated lead sentences of articles published on it or the day after (weight 1); a
    sentence headed by the day's date ("April 22 - ...") weighs ``1 + label_bonus``."""
    out: dict[dt.date, dict[int, float]] = defaultdict(dict)
    for i, s in enumerate(sentences):
        if s.dates:
            labelled = bool(_DATE_LABEL.match(s.text))
            past = [d for d in s.dates if d <= s.published]
            for d in past:
                weight = 1.0 + settings.label_bonus * (labelled and d in s.calendar_dates)
                # "said on Friday that the toll from the Oct. 7 attack ...": Friday's statement
                out[d][i] = weight * (settings.earlier_day_weight if d < max(past) else 1.0)
        elif s.position < settings.lead_sentences:
            # news often reports yesterday's events without naming the day
            out[s.published][i] = out[s.published - dt.timedelta(days=1)][i] = 1.0
    return out


def build_timeline(sentences: Sequence[Sentence], n_dates: Optional[int] = None,
                   k_sentences: int = DEFAULT_SENTENCES, date_from: Optional[dt.date] = None,
                   date_to: Optional[dt.date] = None, query: Optional[str] = None,
                   settings: Settings = Settings()) -> list[TimelineEntry]:
    """The ``n_dates`` most important days between ``date_from`` and ``date_to`` and, for
    each, up to ``k_sentences`` sentences telling different events. Sorted by date."""
    about = query_matcher(query)
    if about is not None:
        sentences = [s for s in sentences if about(s.text)]
    if not sentences:
        return []
    pools = candidates_by_day(sentences, settings)

    def candidates(days: Sequence[dt.date]) -> tuple[list[Sentence], dict[dt.date, dict[int, float]]]:
        return _restricted(sentences, pools, days)

    return choose(DayCounts.of_sentences(sentences, settings), candidates, n_dates, k_sentences,
                  date_from, date_to, settings)


# Candidate sentences of some days: (sentences, day -> {index into them: weight}).
Candidates = Callable[[Sequence[dt.date]], tuple[list[Sentence], dict[dt.date, dict[int, float]]]]


def _restricted(sentences: Sequence[Sentence], pools: dict[dt.date, dict[int, float]],
                days: Sequence[dt.date]) -> tuple[list[Sentence], dict[dt.date, dict[int, float]]]:
    """The candidates of ``days`` only, renumbered (in the order of ``sentences``)."""
    by_day = {d: pools[d] for d in days if d in pools}
    members = sorted({i for pool in by_day.values() for i in pool})
    local = {i: j for j, i in enumerate(members)}
    return [sentences[i] for i in members], {d: {local[i]: w for i, w in pool.items()} for d, pool in by_day.items()}


def choose(counts: DayCounts, candidates: Candidates, n_dates: Optional[int], k_sentences: int,
           date_from: Optional[dt.date], date_to: Optional[dt.date], settings: Settings) -> list[TimelineEntry]:
    """Rank the days, then tell the best ones from their candidate sentences.

    Only the candidates of the best-ranked days are read (``2 * n_dates + 10`` of them,
    twice as many again when too few of those have a sentence to show), and the TF-IDF
    that compares sentences is fitted on them: a ledger of any size is read only for
    the days the timeline may show.
    """
    if k_sentences <= 0 or (n_dates is not None and n_dates <= 0):
        return []
    scores = scores_of(counts, settings, date_from, date_to)
    ranked = sorted(scores, key=lambda d: (-scores[d], d))
    if n_dates is None:
        n_dates = default_dates({d: n for d, n in counts.support.items() if d in scores})
    window = 2 * n_dates + 10
    while True:
        entries, told = _tell(ranked[:window], n_dates, k_sentences, candidates, settings)
        if told >= n_dates or window >= len(ranked):
            return entries
        window *= 2


def _tell(days: Sequence[dt.date], n_dates: int, k_sentences: int, candidates: Candidates,
          settings: Settings) -> tuple[list[TimelineEntry], int]:
    """Entries for up to ``n_dates`` of ``days`` (best first), and how many days they cover."""
    sentences, by_day = candidates(days)
    # computed for the sentences of the days looked at, not for every candidate
    shown_bounds = _Lazy(lambda i: trimmed(sentences[i]))
    shown_text = _Lazy(lambda i: _text_at(sentences[i], shown_bounds[i]))
    usable = _Lazy(lambda i: showable(shown_text[i], settings))
    vectors = Vectors([s.text for s in sentences])
    told = _Told(vectors, settings, sentences, _EventNames(sentences, by_day) if settings.event_names else None)
    events_of: dict[dt.date, list[Event]] = {}
    chosen: dict[dt.date, list[Event]] = {}     # in the order days were told

    def retell(d: dt.date, also: Optional[dict[dt.date, list[Event]]] = None) -> None:
        """Day ``d``, told before, told again against every other day's lines (and ``also``):
        its next events, or none and it drops out."""
        again = told.pick(d, events_of[d], k_sentences, {**{x: v for x, v in chosen.items() if x != d}, **(also or {})})
        if again:
            chosen[d] = again
        else:
            del chosen[d]

    for day in days:
        if len(chosen) >= n_dates:
            break
        events = events_of[day] = _day_events(by_day.get(day, {}), sentences, usable, vectors, settings)
        picked = told.pick(day, events, k_sentences, chosen)
        later = day + dt.timedelta(days=1)
        main = events[0] if events else None
        # a main event the day leaves out as undated lines of news its article dates to the day
        # before or after is not moved here by the rules below
        movable = main is not None and main.score > 0 and main not in picked \
            and not (settings.dated_report and told.dated_elsewhere(day, main, chosen))
        # the days that tell the main event this day takes back: the day after (the day's main event
        # was told there, in the words of a report written then: it happened on this day, as news
        # tells yesterday's events), or distant days telling it only as one of their other lines, by
        # reports written long after them ("the toll from the Oct. 7 attack has been revised")
        given_back: list[dt.date] = []
        if settings.earlier_day and later in chosen and movable \
                and told.blocking_days(day, main, chosen) == {later}:
            given_back = [later]
        elif settings.own_day and movable:
            lines = told.blocking(day, main, chosen)
            if lines and all(told.refers_back(d, e, day, events_of[d]) for d, e in lines):
                given_back = sorted({d for d, _ in lines})
        if given_back:
            # only the main event moves: the day's others are still checked against those days
            picked = [main] + told.pick(day, events[1:], k_sentences - 1, {**chosen, day: [main]},
                                        main_first=False)
            for d in given_back:
                retell(d, {day: picked})
        if picked:
            chosen[day] = picked
            if settings.dated_report:
                # a day told before may hold undated sentences of an article this day's lines date:
                # it tells its next events, and this day, told while those lines stood there, again
                changed = False
                for near in (day - dt.timedelta(days=1), day + dt.timedelta(days=1)):
                    if near in chosen and any(told.dated_elsewhere(near, e, chosen) for e in chosen[near]):
                        changed = True
                        retell(near)
                if changed:
                    again = told.pick(day, events, k_sentences, {d: v for d, v in chosen.items() if d != day})
                    if again:
                        chosen[day] = again
    entries = sorted((_entry(day, e, sentences, shown_bounds, shown_text) for day, es in chosen.items() for e in es),
                     key=lambda x: (x.date, -x.salience))
    return entries, len(chosen)


# words that may start with a capital (no ASCII or Latin-1 lower-case letter first)
_CAPITALISED = re.compile(r"\b[^\W\d_a-zß-öø-ÿ][\w'’-]*")
_POSSESSIVE = re.compile(r"['’]s?$")
_NOT_NAMES = frozenset(
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July "
    "August September October November December Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec Christmas "
    "Easter Ramadan Eid Hanukkah Passover Thanksgiving New Year Day Eve Mr Mrs Ms Dr The This That These Those"
    .split())


def _names(text: str) -> frozenset:
    """Capitalised words after a sentence's first word, possessives cut ("Gaza's" is Gaza);
    calendar words, holidays and titles left out."""
    first = _WORD.search(text)
    out = set()
    for m in _CAPITALISED.finditer(text, first.end() if first else 0):
        w = _POSSESSIVE.sub("", m.group(0))
        if len(w) >= 3 and w[0].isupper() and w not in _NOT_NAMES:
            out.add(w)
    return frozenset(out)


class _EventNames:
    """Rare names: capitalised words inside a sentence, never written in lower case in the
    candidate sentences ("Chancellor", "Thousands" are), that only the sentences of two
    consecutive days (or one) use, out of at least ``MIN_DAYS`` candidate days looked at (with
    fewer, every name of a short story would be rare). Judged per name asked, on each day's
    candidate text joined once: a common name stops at the third day it is found on."""

    MIN_DAYS = 5

    def __init__(self, sentences: Sequence[Sentence], by_day: dict[dt.date, dict[int, float]]):
        self.sentences, self.by_day = sentences, by_day
        self.of = _Lazy(lambda i: _names(sentences[i].text))
        self._texts: Optional[dict[dt.date, str]] = None
        self._rare: dict[str, bool] = {}

    def _day_texts(self) -> dict[dt.date, str]:
        if self._texts is None:
            self._texts = {d: "\n".join(self.sentences[i].text for i in pool)
                           for d, pool in sorted(self.by_day.items()) if pool}
        return self._texts

    def is_rare(self, name: str) -> bool:
        if name not in self._rare:
            self._rare[name] = self._judge(name)
        return self._rare[name]

    def _judge(self, name: str) -> bool:
        texts = self._day_texts()
        if len(texts) < self.MIN_DAYS:
            return False
        word = re.compile(r"(?<![\w'’-])" + re.escape(name) + r"(?![\w-])")
        found: list[dt.date] = []
        for day, text in texts.items():
            if name in text and word.search(text):
                found.append(day)
                if (found[-1] - found[0]).days > 1:
                    return False
        lower = name.lower()
        lower_word = re.compile(r"(?<![\w'’-])" + re.escape(lower) + r"(?![\w-])")
        return not any(lower in text and lower_word.search(text) for text in texts.values())

    def shared(self, a: int, b: int) -> bool:
        """Do ``a`` and ``b`` share a rare name?"""
        return any(self.is_rare(w) for w in sorted(self.of[a] & self.of[b]))


_NUMBER = re.compile(r"(?<![\d.,])(?:\d{1,3}(?:,\d{3})+|\d{2,})(?:\.\d+)?(?![\d,]*\d)")


_MONTH_BEFORE = re.compile(dating.MONTH + r"\s+$", re.I)
_MONTH_AFTER = re.compile(r"(?:st|nd|rd|th)?\s+(?:of\s+)?" + dating.MONTH, re.I)


def _numbers(text: str) -> frozenset:
    """Numbers of two digits or more written in ``text`` ("13-1" gives 13; "1,200" 1200); years
    (1900-2099) and days of a month ("April 20", "20th of April") left out: they date what is
    told ("the April 20 explosion that killed 11 workers" is background to many a report)."""
    out = set()
    for m in _NUMBER.finditer(text):
        value = float(m.group(0).replace(",", ""))
        if (1900 <= value <= 2099 and value.is_integer()) or _MONTH_BEFORE.search(text, 0, m.start()) \
                or _MONTH_AFTER.match(text, m.end()):
            continue
        out.add(value)
    return frozenset(out)


class _Lazy:
    """``f(i)`` for the indices asked for, each computed once."""

    def __init__(self, f):
        self.f, self.done = f, {}

    def __getitem__(self, i: int):
        if i not in self.done:
            self.done[i] = self.f(i)
        return self.done[i]


def _text_at(s: Sentence, bounds: tuple[int, int]) -> str:
    return s.text[bounds[0] - s.span.start:bounds[1] - s.span.start]


def _day_events(weighted: dict[int, float], sentences: Sequence[Sentence], usable: Sequence[bool],
                vectors: Vectors, settings: Settings) -> list[Event]:
    """The day's events, best first: closeness to the day's centroid, raised by sources."""
    pool = list(weighted)
    if not pool or not any(usable[i] for i in pool):
        return []
    weights = numpy.array([weighted[i] for i in pool], dtype=numpy.float32)
    centroid = vectors.centroid(pool, weights)
    closeness = vectors.similarity(pool, centroid) * weights
    # showability is judged only for sentences that would found an event
    events = cluster_events(pool, sentences, vectors, closeness, settings.same_event,
                            can_represent=_Lazy(lambda pos: usable[pool[pos]]))
    for e in events:
        e.score = e.score * (1.0 + settings.source_bonus * math.log(len(e.sources)))
    events.sort(key=lambda e: -e.score)
    return events


class _Told:
    """Whether an event is already told: on any day in the same words (cosine >=
    ``same_event``), on the day before or after in other words (>= ``nearby_event``: one
    happening reported on either side of midnight), or with the same count of the same thing
    (the ledger's figures: "at least 50 hostages") on the day before or after, or on the same
    day in some of the same words (>= ``COUNT_WORDS``, as clustering joins them); or, for a
    sentence that names no day (an article's lead, about its publication day or the day
    before), on the day before or after naming the same rare name (a camp, a village that no
    other day's reports name): a report of that happening, not news of its own."""

    def __init__(self, vectors: Vectors, settings: Settings, sentences: Sequence[Sentence],
                 names: Optional[_EventNames] = None):
        self.vectors, self.settings, self.sentences, self.names = vectors, settings, sentences, names
        self.numbers = _Lazy(lambda i: _numbers(sentences[i].text))

    def blocking_days(self, day: dt.date, event: Event, chosen: dict[dt.date, list[Event]],
                      picked: Sequence[Event] = ()) -> set[dt.date]:
        """The days whose lines already tell ``event`` (told on ``day``)."""
        return {d for d, _ in self.blocking(day, event, chosen, picked)}

    def blocking(self, day: dt.date, event: Event, chosen: dict[dt.date, list[Event]],
                 picked: Sequence[Event] = ()) -> list[tuple[dt.date, Event]]:
        """The lines (day, event) that already tell ``event`` (told on ``day``)."""
        others = [(d, e) for d, es in chosen.items() for e in es] + [(day, p) for p in picked]
        if not others:
            return []
        rep = event.representative
        sims = self.vectors.pairwise([rep], [e.representative for _, e in others])[0]
        counts = set(self.sentences[rep].counts)
        undated = not self.sentences[rep].dates
        out = []
        for (d, e), sim in zip(others, sims):
            apart, i = abs((d - day).days), e.representative
            if sim >= (self.settings.nearby_event if apart == 1 else self.settings.same_event):
                out.append((d, e))
            elif apart <= 1 and counts and (apart or sim >= COUNT_WORDS) and counts & set(self.sentences[i].counts):
                # on one day, as in clustering, the same count needs a shared word (a coach crash with
                # as many dead as a ferry is other news); the day after, a re-report in other words
                out.append((d, e))
            elif apart == 1 and undated and self.names is not None and self.names.shared(rep, i):
                out.append((d, e))
            elif apart == 0 and sim >= COUNT_WORDS and len(self.numbers[rep] & self.numbers[i]) >= 2:
                # "13 members voted in favour ... the UK abstained" / "the vote ... was 13-1 with the
                # United Kingdom abstaining": two of the same numbers, some of the same words
                out.append((d, e))
        return out

    def refers_back(self, told_on: dt.date, event: Event, day: dt.date, events_of_day: Sequence[Event]) -> bool:
        """Is ``event``, told on ``told_on``, a reference back to that day by news of ``day``:
        the two days not adjacent, ``event`` not ``told_on``'s main event, and every report of it
        written more than ``late_days`` after ``told_on``?"""
        return abs((day - told_on).days) > 1 and bool(events_of_day) and event is not events_of_day[0] \
            and all((self.sentences[i].published - told_on).days > self.settings.late_days for i in event.members)

    def pick(self, day: dt.date, events: Sequence[Event], k: int, chosen: dict[dt.date, list[Event]],
             main_first: bool = True) -> list[Event]:
        """Up to ``k`` of ``events`` (best first) not already told; ``main_first``: ``events[0]``
        is the day's main event."""
        picked: list[Event] = []
        main_blocked = self.blocking_days(day, events[0], chosen) if main_first and events else set()
        # the articles whose reports make the day's main event, when another day tells that event:
        # their undated sentences that share words with it, or with another of their sentences told
        # elsewhere, are more of those reports, not the day's news
        retold: set[str] = set()
        report: list[int] = []
        if self.settings.main_article and main_blocked - {day}:
            retold = {self.sentences[i].doc for i in events[0].members}
            report = list(events[0].members)
        for n, e in enumerate(events):
            if len(picked) >= k:
                break
            if retold and self._more_of(e, report, retold):
                continue
            if self.settings.dated_report and self.dated_elsewhere(day, e, chosen):
                continue
            blocked = main_blocked if n == 0 and main_first else self.blocking_days(day, e, chosen, picked)
            if e.score > 0 and not blocked:
                picked.append(e)
            elif retold and n and blocked - {day}:
                # another of those reports' sentences told elsewhere: its words are the report's too
                report += [i for i in e.members if self.sentences[i].doc in retold]
        return picked

    def dated_elsewhere(self, day: dt.date, event: Event, chosen: dict[dt.date, list[Event]]) -> bool:
        """Is ``event`` undated sentences of articles whose report, dated by the article itself,
        is told on the day before or after, sharing some of its words? An undated sentence is put
        on a day only by its article's date (its day or the day before); the article says which."""
        if any(self.sentences[i].dates for i in event.members):
            return False
        docs = {self.sentences[i].doc for i in event.members}
        report = [i for d in (day - dt.timedelta(days=1), day + dt.timedelta(days=1)) for e in chosen.get(d, ())
                  for i in e.members if self.sentences[i].doc in docs and self.sentences[i].dates]
        # the article dates its news before the undated sentence (a lead, then its details); a dated
        # line after an undated lead is more often background to it
        first: dict[str, int] = {}
        for i in report:
            doc, position = self.sentences[i].doc, self.sentences[i].position
            first[doc] = min(first.get(doc, position), position)
        if any(first.get(self.sentences[i].doc, self.sentences[i].position) >= self.sentences[i].position
               for i in event.members):
            return False
        return float(self.vectors.pairwise(event.members, report).max()) >= self.settings.report_words

    def _more_of(self, event: Event, report: Sequence[int], articles: set[str]) -> bool:
        """Is ``event`` more of ``report`` (sentences of ``articles`` told elsewhere): every
        sentence of it undated, from one of those articles, and sharing some words with one of
        the report's (a roundup's other news shares none)?"""
        if not all(self.sentences[i].doc in articles and not self.sentences[i].dates for i in event.members):
            return False
        return float(self.vectors.pairwise(event.members, list(report)).max()) >= self.settings.report_words


def _entry(day: dt.date, event: Event, sentences: Sequence[Sentence], bounds: Sequence[tuple[int, int]],
           texts: Sequence[str]) -> TimelineEntry:
    rep = event.representative
    cited = Span(sentences[rep].doc, *bounds[rep])
    others = [(Span(sentences[i].doc, *bounds[i]), texts[i]) for i in event.members
              if i != rep and sentences[i].doc != cited.doc]
    evidence = [cited] + _one_per_doc(copies_of(texts[rep], others))
    sources = [cited] + _one_per_doc([sp for sp, _ in others])
    return TimelineEntry(date=day, text=texts[rep], evidence=evidence, sources=sources, salience=len(event.sources))


def _one_per_doc(spans: Iterable[Span]) -> list[Span]:
    seen, out = set(), []
    for sp in spans:
        if sp.doc not in seen:
            seen.add(sp.doc)
            out.append(sp)
    return out
