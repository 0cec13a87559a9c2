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


def _years(times: Sequence[TimeExpr], text: str, start: int, end: int, doc_date: dt.date) -> tuple[bool, bool]:
    """(a time long before the article, a time of the story's own days) among the times in [start, end); a
    time that a comparison or a period starts from ("since the 2016 quake", "before the war in 2011") is
    neither."""
    old = recent = False
    for t in times:
        if t.span.start < start or t.span.end > end or t.since:
            continue
        if _SINCE_BEFORE.search(text[start:t.span.start]):
            continue
        last = _last_day(t)
        if last is None:
            if t.value in ("PRESENT_REF",):
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


def told_of_an_earlier_year(c: _Cand, times: Sequence[TimeExpr], prev_sent, doc_date: dt.date) -> Optional[str]:
    """Why the figure's event is dated a year long before the article, or None."""
    if c.doc_date is None or _RUNNING.search(c.sent.text) or not _told_in_the_past(c):
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
