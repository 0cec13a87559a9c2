"""A toll told of a year long before the article ("In 2004, ... 30 people were killed", "March 23, 1994 - ...
killing 70 people", "The worst quake there took place in 1960. About 1,655 people were killed."): that past
event's dead, no part of the story's running toll or of one of its days.
"""
from __future__ import annotations

import datetime as dt
import re
from typing import Optional, Sequence

from .. import nlp
from ...records import TimeExpr
from .candidate import _Cand
from .parse import _clause_verb

_YEAR = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?")
_RECENT_DAYS = 300          # a time within this many days before the article is the story's own
_RUNNING = re.compile(r"\b(?:so\s+far|to\s+date|in\s+total|altogether|overall)\b", re.I)


def _last_day(t: TimeExpr) -> Optional[dt.date]:
    """The last day a time expression can name ("2004" -> 31 Dec 2004, "February 2010" -> 28 Feb 2010)."""
    if t.date is not None:
        return t.date
    m = _YEAR.match(t.value or "")
    if not m or t.type not in ("DATE", "TIME"):
        return None
    year = int(m.group(1))
    if m.group(2):
        month = int(m.group(2))
        nxt = dt.date(year + (month == 12), month % 12 + 1, 1)
        return nxt - dt.timedelta(days=1)
    return dt.date(year, 12, 31)


_SINCE_BEFORE = re.compile(r"\b(?:since|after|before)\b[^.;,]{0,40}$", re.I)
# "the current governor", "the present king": who holds an office now, not when the counted people died
_OFFICE_WORD = re.compile(r"(?:the\s+)?(?:current|present)", re.I)
_OFFICE_NOW = re.compile(r"\s+(?!(?:death\s+)?(?:toll|count|figure|number|total|estimate|tally)s?\b)[a-z]", re.I)
# "between 2004 and 2008", "from 2018 to 2023": one period, from its first year to its last
_RANGE_FROM = re.compile(r"\b(?:between|from)\s+$", re.I)
_RANGE_TO = re.compile(r"^\s*(?:and|to|until|till|through|-|–)\s*$", re.I)


def _a_range_of_past_years(t: TimeExpr, nxt: Optional[TimeExpr], text: str, doc_date: dt.date) -> bool:
    """``t`` opens a range of years, long before the article, that ended before the article's year."""
    if nxt is None or not _RANGE_FROM.search(text[max(0, t.span.start - 12):t.span.start]) or \
            not _RANGE_TO.match(text[t.span.end:nxt.span.start]):
        return False
    first, last = _last_day(t), _last_day(nxt)
    return first is not None and last is not None and (doc_date - first).days > _RECENT_DAYS and \
        last < dt.date(doc_date.year, 1, 1)


def _years(times: Sequence[TimeExpr], text: str, start: int, end: int, doc_date: dt.date) -> tuple[bool, bool]:
    """(a time long before the article, a time of the story's own days) among the times in [start, end); a
    time that a comparison or a period starts from ("since the 2016 quake", "before the war in 2011") is
    neither."""
    old = recent = False
    inside = sorted((t for t in times if t.span.start >= start and t.span.end <= end and not t.since),
                    key=lambda t: t.span.start)
    ends_a_range = set()
    for k, t in enumerate(inside):
        if id(t) in ends_a_range or _SINCE_BEFORE.search(text[start:t.span.start]):
            continue
        if _a_range_of_past_years(t, inside[k + 1] if k + 1 < len(inside) else None, text, doc_date):
            old = True
            ends_a_range.add(id(inside[k + 1]))
            continue
        last = _last_day(t)
        if last is None:
            if t.value in ("PRESENT_REF",) and not (_OFFICE_WORD.fullmatch(text, t.span.start, t.span.end) and
                                                    _OFFICE_NOW.match(text, t.span.end)):
                recent = True
            continue
        if (doc_date - last).days > _RECENT_DAYS:
            old = True
        else:
            recent = True
    return old, recent


def _told_in_the_past(c: _Cand) -> bool:
    """Its verb tells a finished past event: no present perfect ("has killed"), no present tense."""
    verb = _clause_verb(c.np, c.sent)
    if verb is None:
        return True
    for v in (verb, *[ch for ch in verb.children if ch.dep_ in ("aux", "auxpass")]):
        if v.tag_ in ("VBZ", "VBP") or v.lower_ in ("has", "have", "'s", "'ve"):
            return False
    return True


# a timeline's entry, headed by its year ("1991: ...", "1970s - 2003: ..."): told in the present whatever its time
_YEARS = r"\d{4}s?(?:\s*[-–]\s*\d{4})?"
_TIMELINE_ENTRY = re.compile(rf"\s*{_YEARS}\s*(?::|\s[-–])\s")
_YEAR_HEADING = re.compile(rf"{_YEARS}\s*[:–-]?")       # the heading on a line of its own


def _when_of_an_old_time(c: _Cand, times: Sequence[TimeExpr], doc_date: dt.date) -> bool:
    """"the strongest since 2015, when an earthquake killed nearly 9,000 people": the count's clause is a
    when-clause on a time long before the article (also one that a comparison starts from)."""
    verb = _clause_verb(c.np, c.sent)
    for v in ([verb, *list(verb.ancestors)[:2]] if verb is not None else []):
        if v.dep_ not in ("relcl", "advcl") or not any(ch.lower_ == "when" and ch.dep_ == "advmod"
                                                       for ch in v.children):
            continue
        head = v.head
        for t in times:
            last = _last_day(t)
            if t.span.start <= head.idx < t.span.end and last is not None and (doc_date - last).days > _RECENT_DAYS:
                return True
        break
    # the same when the parser lost the clause, or hung it on the word before the time ("the arithmetic of
    # 2006, when ..."): the count in the words right after "2015, when ..."
    text = nlp.doc_text(c.sent.doc)
    for t in times:
        last = _last_day(t)
        if c.sent.start_char <= t.span.start and t.span.end <= c.num.start and last is not None and \
                (doc_date - last).days > _RECENT_DAYS and _WHEN_AFTER.match(text, t.span.end, c.num.start) and \
                not any(t.span.end <= u.span.start < c.num.start for u in times):
            return True
    return False


# ", when ..." right after a time, up to the count (no other time between: checked apart)
_WHEN_AFTER = re.compile(r"\s*,?\s*when\b[^;:()]*$", re.I)


def told_of_an_earlier_year(c: _Cand, times: Sequence[TimeExpr], prev_sent, doc_date: dt.date) -> Optional[str]:
    """Why the figure's event is dated a year long before the article, or None."""
    if c.doc_date is None:
        return None
    if _when_of_an_old_time(c, times, doc_date):
        return "a when-clause on an earlier year dates it"        # (whatever "so far" another clause says)
    if _RUNNING.search(c.sent.text):
        return None
    heading = prev_sent is not None and _YEAR_HEADING.fullmatch(prev_sent.text.strip()) is not None
    if not _told_in_the_past(c) and not _TIMELINE_ENTRY.match(c.sent.text) and not heading:
        return None
    text = nlp.doc_text(c.sent.doc)
    old, recent = _years(times, text, c.sent.start_char, c.sent.end_char, doc_date)
    if old and not recent:
        return "its sentence dates it"
    if old or recent or prev_sent is None:
        return None
    old, recent = _years(times, text, prev_sent.start_char, prev_sent.end_char, doc_date)
    if old and not recent:
        return "the sentence before dates it"
    return None
