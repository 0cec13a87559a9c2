"""Rules for clock times ("10 p.m.", "14:30 GMT", "noon") and the day they belong to."""
from __future__ import annotations

import datetime as dt
import re
from typing import Optional

from .grammar import TIMEZONE
from .registry import Hit, Resolved, _Context, rule


# -- clock times


def _clock_value(h: int, minute: int, day: Optional[dt.date]) -> str:
    base = day.isoformat() if day else "XXXX-XX-XX"
    return f"{base}T{h:02d}:{minute:02d}"


_APPROX_TIME = r"(?:(?:about|around|approximately|roughly|shortly\s+(?:before|after)|just\s+(?:before|after))\s+)?"


@rule("clock-ampm", rf"{_APPROX_TIME}(?<![\w.:,])(?P<h>1[0-2]|0?[1-9])(?:[:.](?P<mi>[0-5]\d))?\s*"
                    rf"(?P<ampm>a\.?\s?m\b\.?|p\.?\s?m\b\.?)(?:\s*(?P<tz>{TIMEZONE}))?",
      kind="clock",
      examples=("The blast hit at 10 p.m.", "The vote starts at 9:30 a.m. on Thursday."))
def _clock_ampm(m, ctx, hit):
    h = int(m["h"]) % 12 + (12 if m["ampm"].lower().startswith("p") else 0)
    return Resolved("TIME", _clock_value(h, int(m["mi"] or 0), _clock_day(ctx, hit)))


@rule("clock-24", rf"{_APPROX_TIME}(?<![\w.:,])(?P<h>[01]?\d|2[0-3])(?:[:.h]?(?P<mi>[0-5]\d))\s*"
                  rf"(?P<tz>{TIMEZONE}|hrs\b|hours\b|h\b)",
      valid=lambda m, s: ":" in m.group(0) or len(m["h"]) == 2, kind="clock",
      examples=("The curfew starts at 22:00 GMT.", "The convoy left at 0600 hrs."),
      counter_examples=("On Monday the 730 EST express was cancelled.",),
      why="a 24-hour clock time with a zone or 'hrs'; without a colon only with a two-digit hour")
def _clock_24(m, ctx, hit):
    return Resolved("TIME", _clock_value(int(m["h"]), int(m["mi"]), _clock_day(ctx, hit)))


@rule("clock-at", r"(?<![\w.:,])(?P<h>[01]?\d|2[0-3]):(?P<mi>[0-5]\d)\b(?!:\d|\.\d)",
      valid=lambda m, s: bool(re.search(r"\b(?:at|by|until|till|from|around|about|before|after)\s+$",
                                        s[:m.start()], re.I)),
      kind="clock",
      examples=("The meeting starts at 14:30.",),
      counter_examples=("The ratio was 10:30 in favour.",),
      why="a bare hh:mm only after a word that takes a time ('at', 'by', 'until' ...)")
def _clock_at(m, ctx, hit):
    return Resolved("TIME", _clock_value(int(m["h"]), int(m["mi"]), _clock_day(ctx, hit)))


@rule("noon", rf"{_APPROX_TIME}(?P<w>noon|midnight|midday)\b", kind="clock",
      examples=("Voting closed at noon.", "The curfew lifts at midnight on Saturday."))
def _noon(m, ctx, hit):
    h = 24 if m["w"].lower() == "midnight" else 12
    return Resolved("TIME", _clock_value(h, 0, _clock_day(ctx, hit)))


def _clock_day(ctx: _Context, hit: Hit) -> Optional[dt.date]:
    """The day a clock time belongs to: the day written next to it, else a day named
    earlier in the same sentence, else the article date."""
    if hit.day is not None:
        res = hit.day.rule.resolve(hit.day.match, ctx, hit.day)
        if res and res.date:
            return res.date
    if ctx.ref[0] == "day" and ctx.ref_at >= ctx.seg_start:
        return ctx.ref[1]
    return ctx.dct
