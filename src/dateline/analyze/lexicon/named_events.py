"""Named events: days a text names by the event rather than by its date, HeidelTime-style.

One row per event: its name, its day, the forms that name it by themselves ("9/11") and the month
and day that name it only when certain words follow ("the September 11 attacks", "Sept. 11
hijackers"; "on September 11 attackers stormed ..." is a day of its own). ``timex`` reads the table
in one rule (``named-event``, the written forms) and in the resolution of a month and day written
without a year; an event names its day only in articles written after it.

General English only: a story's own named dates (a war's "October 7") are words of that story and
belong in its story lexicon, not here.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Optional

__all__ = ["NamedEvent", "NAMED_EVENTS"]


@dataclass(frozen=True)
class NamedEvent:
    name: str
    date: dt.date
    written: tuple[str, ...] = ()               # regexes of forms that name the event by themselves
    month_day: Optional[tuple[int, int]] = None  # (month, day) naming the event when ``followed_by`` follows
    followed_by: str = ""                       # regex (case-insensitive) matched right after that month and day


NAMED_EVENTS = (
    # The 2001 attacks are plural ("the September 11 attack on the consulate" was in 2012).
    NamedEvent("September 11 attacks", dt.date(2001, 9, 11), written=("9/11",), month_day=(9, 11),
               followed_by=r"(?:th)?[\s-]+(?:terror(?:ist)?\s+)?(?:attacks|hijack(?:ers?|ings?)|plot|victims?"
                           r"|commission|memorial)\b"),
)
