"""Rules for dates relative to the article date or to the last one named: yesterday, weekdays, "last week",
"two days ago", "a year earlier", "the day before"."""
from __future__ import annotations

import datetime as dt
import re

from ..lexicon.calendar import DAY_PARTS, NAMED_DAY_PREFIXES, TIME_UNITS as UNITS, WEEKDAYS
from .grammar import APPROX, MOD, NUM, UNIT, UNIT_PLURAL, WEEKDAY
from .calendar import GRAN_ORDER, _UNIT_GRAN, _UNIT_STEP, _fmt, _number, _shift, _start_of, _unit_key, _weekday_date
from .registry import Resolved, _since, rule
from .dates import _cap


# -- relative to the article date


def _part_value(d: dt.date, part: str) -> Resolved:
    return Resolved("TIME", f"{d.isoformat()}T{DAY_PARTS[part.lower()]}", d)


@rule("deictic", r"(?:(?P<mod>early|late|earlier|later)\s+)?(?:(?P<dby>the\s+day\s+before\s+yesterday)"
                 r"|(?P<dat>the\s+day\s+after\s+tomorrow)|(?P<word>yesterday|today|tomorrow|tonight|overnight)"
                 r"|(?P<rel>this|last|tomorrow|yesterday)\s+(?P<part>morning|afternoon|evening|night))"
                 r"(?:\s+(?P<part2>morning|afternoon|evening|night))?\b",
      valid=lambda m, s: not (m["word"] and m["word"].lower() == "tonight" and m["part2"]), kind="day",
      examples=("The minister resigned yesterday.", "Shelling resumed early this morning.",
                "The results are due the day after tomorrow."),
      counter_examples=("The tonight evening slot was dropped from the schedule.",),
      why="a day or a part of one counted from the article date")
def _deictic(m, ctx, hit):
    dct = ctx.dct
    if m["dby"]:
        d = dct - dt.timedelta(days=2)
        return Resolved("DATE", d.isoformat(), d)
    if m["dat"]:
        d = dct + dt.timedelta(days=2)
        return Resolved("DATE", d.isoformat(), d)
    word = (m["word"] or m["rel"]).lower()
    offset = {"yesterday": -1, "tomorrow": 1, "last": -1}.get(word, 0)
    part = m["part"] or m["part2"]
    if word in ("tonight", "overnight"):
        part = part or word
    d = dct + dt.timedelta(days=offset)
    if word == "last" and part and part.lower() != "night":
        d = dct                           # "last evening" is uncommon; keep today
    if part:
        return _part_value(d, part)
    return Resolved("DATE", d.isoformat(), d)


_NAMED_DAY_BEFORE = re.compile(rf"\b(?:{'|'.join(NAMED_DAY_PREFIXES)})\s+$")    # "Good Friday", "Super Tuesday"


def _weekday_ok(m, seg):
    return _cap(m["wd"]) and not _NAMED_DAY_BEFORE.search(seg[:m.start("wd")])


@rule("weekday", rf"(?:(?P<mod>early|late|earlier|later)\s+)?(?:(?P<rel>last|next|this|this\s+past|this\s+coming"
                 rf"|coming|past|previous)\s+)?(?P<wd>{WEEKDAY})(?P<pl>s)?\b"
                 rf"(?:\s+(?P<part>morning|afternoon|evening|night|overnight)\b)?",
      valid=_weekday_ok, kind="day", extent=lambda m, s: (m.start("rel") if m["rel"] else m.start("wd"), m.end()),
      examples=("The minister resigned on Friday.", "The market is closed on Sundays.",
                "The ferry sails next Tuesday evening."),
      counter_examples=("Candidates campaigned hard before Super Tuesday.", "Shoppers queued for Black Friday deals."),
      why="a weekday, past or coming by tense; not part of a named day ('Good Friday', 'Super Tuesday')")
def _weekday(m, ctx, hit):
    """ "Friday" (by tense), "last Friday", "Friday night" (TIME), "Fridays" (SET); in
    "Friday, Nov. 24" the weekday takes the date written after it."""
    wd = WEEKDAYS[m["wd"].lower()]
    if hit.day is not None and not m["pl"]:
        res = hit.day.rule.resolve(hit.day.match, ctx, hit.day)
        if res is not None and res.date is not None:
            return _part_value(res.date, m["part"]) if m["part"] else Resolved("DATE", res.date.isoformat(), res.date)
    part = m["part"]
    if m["pl"]:
        suffix = f"T{DAY_PARTS[part.lower()]}" if part else ""
        return Resolved("SET", f"XXXX-WXX-{wd + 1}{suffix}")
    rel = (m["rel"] or "").lower().split()
    if rel and rel[-1] in ("last", "past", "previous"):
        direction = "strict-past"
    elif rel and rel[-1] in ("next", "coming"):
        direction = "strict-future"
    else:
        tense = "PAST" if _since(ctx, hit) else ctx.tense(hit.start, hit.end)
        direction = "future" if tense == "FUTURE" or (rel == ["this"] and tense != "PAST") else "past"
    d = _weekday_date(wd, ctx.dct, direction)
    if part:
        return _part_value(d, part)
    return Resolved("DATE", d.isoformat(), d)


_REL_UNITS = r"week|weekend|month|year|decade|fiscal\s+year|school\s+year|day|morning|afternoon|evening|night"


@rule("relative", rf"(?:(?P<mod>{MOD}|earlier|later)[\s-]+)?(?P<rel>last|next|this|past|coming|previous|following"
                  rf"|current|same|the\s+(?:last|next|past|coming|previous|following|current|same|prior|preceding)"
                  rf"|that|the)\s+(?P<unit>{_REL_UNITS})\b(?!-)",
      valid=lambda m, s: _relative_ok(m, s),
      examples=("Prices rose last week.", "The court adjourned; it met again the following day.",
                "Exports will recover next year."),
      counter_examples=("That was the year of the great flood.", "The crew slept through the morning."),
      why="a period counted from the article date ('last week') or from the last one named ('the following day')")
def _relative(m, ctx, hit):
    rel = m["rel"].lower().split()[-1]
    unit = re.sub(r"^(?:fiscal|school)\s+", "", m["unit"].lower())
    if unit in ("morning", "afternoon", "evening", "night"):
        base = ctx.ref[1] if ctx.ref[0] == "day" else ctx.dct
        shift = {"next": 1, "following": 1, "previous": -1, "prior": -1, "preceding": -1}.get(rel, 0)
        if rel in ("last", "past") and unit == "night":
            base, shift = ctx.dct, -1
        return _part_value(base + dt.timedelta(days=shift), unit)
    anaphoric = rel in ("following", "previous", "prior", "preceding", "same", "that") or (
        rel == "next" and m["rel"].lower().startswith("the") and unit == "day")
    if unit == "day" and rel in ("last", "past"):
        return Resolved("DURATION", "P1D")           # "in the past day": the last 24 hours
    if unit == "day":
        base = ctx.ref[1] if ctx.ref[0] == "day" else ctx.dct
        shift = {"next": 1, "following": 1, "previous": -1, "prior": -1, "preceding": -1}.get(rel, 0)
        d = base + dt.timedelta(days=shift)
        return Resolved("DATE", d.isoformat(), d)
    gran = "weekend" if unit == "weekend" else _UNIT_GRAN[unit]
    step = _UNIT_STEP.get(unit, 1)
    if unit == "decade":
        gran, step = "decade", 1
    shift = {"last": -1, "past": -1, "previous": -1, "prior": -1, "preceding": -1,
             "next": 1, "coming": 1, "following": 1}.get(rel, 0) * step
    if unit == "weekend" and rel in ("the", "this"):
        return _the_weekend(ctx, hit)
    if unit in ("decade", "century") and rel in ("last", "past"):
        return Resolved("DURATION", "P10Y" if unit == "decade" else "P100Y")   # "the past decade"
    base = ctx.dct
    if anaphoric and ctx.ref[0] in GRAN_ORDER \
            and GRAN_ORDER.index(ctx.ref[0]) <= GRAN_ORDER.index(_UNIT_GRAN.get(unit, "year")):
        base = ctx.ref[1]
    return Resolved("DATE", _fmt(gran, _shift(gran, _start_of(gran, base), shift)))


def _relative_ok(m, s):
    rel = m["rel"].lower()
    unit = m["unit"].lower()
    if rel == "the" and unit not in ("weekend", "year", "week", "month"):
        return False
    if rel in ("the", "that", "current", "same") \
            and re.match(r"\s+(?:of|in|when|that|before|after|for)\b", s[m.end():], re.I):
        return False
    if rel == "the" and unit in ("year", "week", "month") and re.match(r"\s*(?:[a-z]|-)", s[m.end():]) \
            and not re.match(r"\s+(?:ago|earlier|before|after|to|through|ended|ending|end)\b", s[m.end():]):
        return False
    if rel == "that" and unit in ("morning", "afternoon", "evening", "night", "week", "month", "year"):
        return True
    return True


def _the_weekend(ctx, hit) -> Resolved:
    tense = ctx.tense(hit.start, hit.end)
    monday = _start_of("week", ctx.dct)
    if ctx.dct.weekday() >= 5:
        week = monday
    elif tense == "FUTURE":
        week = monday
    else:
        week = monday - dt.timedelta(weeks=1)
    return Resolved("DATE", _fmt("weekend", week))


_SHIFT_DIR = r"ago|hence|from\s+now|back"


@rule("ago", rf"(?:(?P<approx>{APPROX})\s+)?(?P<n>{NUM})[\s-]+(?:more\s+)?(?P<unit>{UNIT}s?|{UNIT_PLURAL})"
             rf"\s+(?P<dir>{_SHIFT_DIR})\b",
      examples=("The dam burst two days ago.", "The firm was founded about 40 years ago."),
      why="a distance back (or ahead) from the article date")
def _ago(m, ctx, hit):
    """ "two days ago", "a year ago", "three weeks from now": counted from the article date.
    ("two days later/before/after" are durations in TimeML: the signal is not part of them.)"""
    n = _number(m["n"])
    unit = _unit_key(m["unit"])
    sign = -1 if m["dir"].lower() in ("ago", "back") else 1
    if n is None:
        return Resolved("DATE", "PAST_REF" if sign < 0 else "FUTURE_REF")
    if UNITS[unit][2]:                     # hours, minutes: the day is what we can name
        return Resolved("DATE", ctx.dct.isoformat(), ctx.dct)
    amount = int(round(n * _UNIT_STEP.get(unit, 1))) * sign
    gran = _UNIT_GRAN[unit]
    if gran == "year" and not 1 <= ctx.dct.year + amount <= 9999:
        return Resolved("DATE", "PAST_REF" if sign < 0 else "FUTURE_REF")
    if gran == "year" and _period_in_sentence(ctx):
        # "profit rose in the third quarter from a year ago": the same quarter a year back
        return Resolved("DATE", _fmt(ctx.ref[0], _shift("year", ctx.ref[1], amount)))
    if gran == "day":
        d = ctx.dct + dt.timedelta(days=amount)
        return Resolved("DATE", d.isoformat(), d)
    if gran == "week" and abs(amount) <= 2:
        d = ctx.dct + dt.timedelta(weeks=amount)     # "a week ago": a day can be named
        return Resolved("DATE", d.isoformat(), d)
    if gran == "week":
        return Resolved("DATE", _fmt("week", ctx.dct + dt.timedelta(weeks=amount)))
    return Resolved("DATE", _fmt(gran, _shift(gran, _start_of(gran, ctx.dct), amount)))


def _period_in_sentence(ctx) -> bool:
    """Whether a quarter or month was named earlier in the current sentence."""
    return ctx.ref[0] in ("quarter", "month") and ctx.ref_at >= ctx.seg_start


@rule("year-earlier", r"(?:the\s+(?:comparable\s+)?)?(?P<kind>year-earlier|year-ago|a\s+year\s+earlier)"
                      r"(?:\s+(?P<noun>period|quarter|level|results?))?\b",
      valid=lambda m, s: bool(m["noun"]) or not m.group(0).lower().startswith("the"),
      examples=("Revenue rose 5% from a year earlier.", "Sales rose from the year-earlier period."),
      counter_examples=("Exports beat the year-earlier mark.",),
      why="the period just named, a year back")
def _year_earlier(m, ctx, hit):
    """WSJ style "a year earlier", "the year-ago quarter": the period just named, a year back
    (else the year before the article's)."""
    gran, base = ctx.ref if _period_in_sentence(ctx) else ("year", ctx.dct)
    return Resolved("DATE", _fmt(gran, _shift("year", _start_of(gran, base), -1)), anchors=False)


_DAY_OF_EVENTS = re.compile(r"\b(?:end|ends|ended|ending|finish|finished|finishing|close|closed|closing|for|on|during"
                            r"|throughout|(?:later|earlier|late|early)\s+in)\s+$", re.I)


def _the_day_ok(m, s):
    if m["dir"]:
        return True
    # "ended the day down 2%", "for the day", "later in the day": the day being reported
    return bool(_DAY_OF_EVENTS.search(s[:m.start()])) and not re.match(
        r"\s+(?:when|that|before|after|of|in\s+which|on\s+which)\b|-", s[m.end():], re.I)


@rule("the-day", r"(?P<det>the|that)\s+(?P<unit>day)\b(?=\s+(?P<dir>before|after)\s*(?:[.,;:!?)\"”]|$))?",
      valid=_the_day_ok, kind="day",
      examples=("Stocks ended the day lower.", "The rebels struck on Tuesday and withdrew the day after."),
      counter_examples=("He recalled the day when the shells fell.",),
      why="'the day before/after' next to the last day named; 'ended the day': the day reported")
def _the_day(m, ctx, hit):
    """ "the day before", "the day after" (without an object): the day next to the last one
    named; "ended the day", "for the day": that day itself."""
    base = ctx.ref[1] if ctx.ref[0] == "day" else ctx.dct
    shift = {"before": -1, "after": 1}.get((m["dir"] or "").lower(), 0)
    d = base + dt.timedelta(days=shift)
    return Resolved("DATE", d.isoformat(), d)
