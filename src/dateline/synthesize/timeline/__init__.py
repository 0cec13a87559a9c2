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

The package, by concern: :mod:`.model` (entries, settings), :mod:`.dated_sentences` (dating
the sentences of raw text), :mod:`.day_ranking` (ranking days), :mod:`.lines` (which sentences
may be shown), :mod:`.telling` (events, each told once), :mod:`.from_store` (the adapters).

Every line is a sentence as written in one article (without a leading dateline or
date label: "CAIRO (Reuters) -", "April 22 -"); ``evidence`` cites it first, then its
exact copies in other articles (syndicated copies). ``sources`` lists one sentence of
the event per article, whatever its wording; ``salience`` counts independent sources.
"""
from __future__ import annotations

from .dated_sentences import DAY_CUE, _dated_sentences, day_mentions, sentences_from_text
from .day_ranking import (ROLES, DayCounts, background, candidates_by_day, chronology_votes, day_scores, day_support,
                          default_dates, first_reference_delays, scores_of, sources_by_role, unseen_references)
from .from_store import (candidates_from_store, counts_from_store, sentences_from_store, timeline_from_index,
                         timeline_from_store, with_counts)
from .lines import query_matcher, query_stems, showable, trimmed
from .model import DEFAULT_SENTENCES, Settings, TimelineEntry
from .telling import Candidates, _EventNames, _names, _numbers, _restricted, _tell, build_timeline, choose

__all__ = [
    "DAY_CUE", "DEFAULT_SENTENCES", "ROLES", "Candidates", "DayCounts", "Settings", "TimelineEntry", "background",
    "build_timeline", "candidates_by_day", "candidates_from_store", "choose", "chronology_votes", "counts_from_store",
    "day_mentions", "day_scores", "day_support", "default_dates", "first_reference_delays", "query_matcher",
    "query_stems", "scores_of", "sentences_from_store", "sentences_from_text", "showable", "sources_by_role",
    "timeline_from_index", "timeline_from_store", "trimmed", "unseen_references", "with_counts",
    # internals the tests reach for
    "_EventNames", "_dated_sentences", "_names", "_numbers", "_restricted", "_tell",
]
