"""Sentences dated by the days they name: per-article work done once, at analysis.

The timeline (:mod:`dateline.synthesize.timeline`) ranks days and picks sentences
across the whole ledger; what each sentence is about in time depends only on its
own article, so it is computed here, stored with the article, and never redone
when other articles arrive.
"""
from __future__ import annotations

import bisect
import datetime as dt
import re
from typing import Optional, Sequence

from ..records import DatedSentence, Document, Span, TimeExpr

# a date written on the calendar, not relative to the article ("April 20", "20/4/2010")
_CALENDAR = re.compile(r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\b\.?|\d{1,4}[/-]\d{1,2}", re.I)

# "April 22 - ...", "Thu May 6 , 2010 :": a sentence headed by its date, an entry of a chronology
# a month name, written out or cut ("Oct.")
MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?"
DATE_LABEL = re.compile(
    rf"^\W{{0,3}}(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+)?(?:{MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?|\d{{1,2}}\s+{MONTH})"
    r"(?:\s*,?\s*\d{4})?\s*(?:-+|–|—|:)\s+", re.I)


def headed_by_date(sentence: str) -> bool:
    return bool(DATE_LABEL.match(sentence))


# (start, end, day or None, since, text as written) of a temporal expression
TimeTuple = tuple[int, int, Optional[dt.date], bool, str]


def dated_sentences(doc_id: str, bounds: Sequence[tuple[int, int]], times: Sequence[TimeTuple]) -> list[DatedSentence]:
    """Sentences (``bounds``) with the days they name: days inside the sentence that are not
    the start of a running period ("since Oct. 7"). Days after publication (plans) are kept:
    they make the sentence dated, but no day's event."""
    by_start = sorted(t for t in times if t[2] is not None and not t[3])
    starts = [t[0] for t in by_start]
    out = []
    for position, (s, e) in enumerate(bounds):
        lo = bisect.bisect_left(starts, s)
        days, calendar = [], []
        for t_start, t_end, day, _, written in by_start[lo:]:
            if t_start >= e:
                break
            if t_end <= e and day not in days:
                days.append(day)
                if _CALENDAR.search(written):
                    calendar.append(day)
        out.append(DatedSentence(Span(doc_id, s, e), position, tuple(days), tuple(calendar)))
    return out


def as_tuples(times: Sequence[TimeExpr]) -> list[TimeTuple]:
    return [(t.span.start, t.span.end, t.date, t.since, t.text) for t in times]


def of_document(document: Document, times: Sequence[TimeExpr]) -> list[DatedSentence]:
    """The article's sentences (``nlp.sentence_spans``) dated by its resolved ``times``."""
    from . import nlp

    return dated_sentences(document.id, nlp.sentence_spans(document.text), as_tuples(times))
