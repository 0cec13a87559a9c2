"""Calendar arithmetic: granularities, shifting, TIMEX3 formatting, the nearest year of a date, weekdays,
holidays; numbers and durations as TIMEX3 values."""
from __future__ import annotations

import calendar
import datetime as dt
import re
from typing import Optional, Sequence

from ..lexicon.calendar import HOLIDAYS, TIME_UNITS as UNITS
from ..lexicon.numbers import TENS
from .grammar import SMALL_NUMBERS


# --- calendar helpers ---------------------------------------------------------------

GRAN_ORDER = ["day", "week", "month", "quarter", "year", "decade", "century"]


def _add_months(d: dt.date, n: int) -> dt.date:
    y, m = divmod(d.month - 1 + n, 12)
    year, month = d.year + y, m + 1
    return dt.date(year, month, min(d.day, calendar.monthrange(year, month)[1]))


def _start_of(gran: str, d: dt.date) -> dt.date:
    if gran in ("week", "weekend"):
        return d - dt.timedelta(days=d.weekday())
    if gran == "month":
        return d.replace(day=1)
    if gran == "quarter":
        return dt.date(d.year, 3 * ((d.month - 1) // 3) + 1, 1)
    if gran == "year":
        return dt.date(d.year, 1, 1)
    if gran == "decade":
        return dt.date(d.year - d.year % 10, 1, 1)
    if gran == "century":
        return dt.date(d.year - d.year % 100, 1, 1)
    return d


def _shift(gran: str, d: dt.date, n: int) -> dt.date:
    if gran == "day":
        return d + dt.timedelta(days=n)
    if gran in ("week", "weekend"):
        return d + dt.timedelta(weeks=n)
    months = {"month": 1, "quarter": 3, "year": 12, "decade": 120, "century": 1200}.get(gran, 0)
    return _add_months(d, months * n)


def _fmt(gran: str, d: dt.date) -> str:
    if gran == "day":
        return d.isoformat()
    if gran in ("week", "weekend"):
        y, w, _ = d.isocalendar()
        return f"{y:04d}-W{w:02d}" + ("-WE" if gran == "weekend" else "")
    if gran == "month":
        return f"{d.year:04d}-{d.month:02d}"
    if gran == "quarter":
        return f"{d.year:04d}-Q{(d.month - 1) // 3 + 1}"
    if gran == "year":
        return f"{d.year:04d}"
    if gran == "decade":
        return f"{d.year // 10:03d}"
    if gran == "century":
        return f"{d.year // 100:02d}"
    raise ValueError(gran)


def _point_of(value: str) -> Optional[tuple[str, dt.date]]:
    """(granularity, first day) of a resolved DATE value, for anaphora ("the next day")."""
    try:
        if re.fullmatch(r"\d{4}-\d\d-\d\d", value):
            return "day", dt.date.fromisoformat(value)
        if m := re.fullmatch(r"(\d{4})-W(\d\d)", value):
            return "week", dt.date.fromisocalendar(int(m[1]), int(m[2]), 1)
        if m := re.fullmatch(r"(\d{4})-(\d\d)", value):
            return "month", dt.date(int(m[1]), int(m[2]), 1)
        if m := re.fullmatch(r"(\d{4})-Q(\d)", value):
            return "quarter", dt.date(int(m[1]), 3 * int(m[2]) - 2, 1)
        if re.fullmatch(r"\d{4}", value):
            return "year", dt.date(int(value), 1, 1)
    except ValueError:
        return None
    return None


def _valid_day(y: int, m: int, d: int) -> bool:
    return 1 <= m <= 12 and 1 <= d <= calendar.monthrange(y, m)[1]


# How much farther the candidate on the side the tense speaks against may be before it
# loses: "payable Dec. 1" in a late-October article stays in December even after a past
# tense verb; "said on October 30" in a November article stays in October.
TENSE_WEIGHT = 4.0
FUTURE_PENALTY = 1.5        # without a tense, the past is preferred


def _nearest(cands: Sequence[dt.date], ref: dt.date, tense: Optional[str]) -> dt.date:
    """The candidate date nearest to ``ref``, distances weighted by the tense."""
    def cost(c: dt.date) -> float:
        days = (c - ref).days
        if days == 0:
            return 0.0
        if days > 0:
            return days * (TENSE_WEIGHT if tense == "PAST" else 1.0 if tense == "FUTURE" else FUTURE_PENALTY)
        return -days * (TENSE_WEIGHT if tense == "FUTURE" else 1.0)
    return min(cands, key=cost)


def _year_for(month: int, day: Optional[int], dct: dt.date, tense: Optional[str]) -> int:
    """The year of a month (or month and day) written without one."""
    cands = []
    for y in (dct.year - 1, dct.year, dct.year + 1):
        if day is None:
            cands.append(dt.date(y, month, 1))
        elif _valid_day(y, month, day):
            cands.append(dt.date(y, month, day))
    ref = dct if day is not None else dct.replace(day=1)
    return _nearest(cands, ref, tense).year if cands else dct.year


def _weekday_date(wd: int, dct: dt.date, direction: str) -> dt.date:
    """``direction``: past / future (today allowed) or strict-past / strict-future."""
    back = (dct.weekday() - wd) % 7
    ahead = (wd - dct.weekday()) % 7
    if direction == "strict-past":
        return dct - dt.timedelta(days=back or 7)
    if direction == "strict-future":
        return dct + dt.timedelta(days=ahead or 7)
    if direction == "future":
        return dct + dt.timedelta(days=ahead)
    return dct - dt.timedelta(days=back)


def _holiday_date(name: str, year: int) -> Optional[dt.date]:
    key = re.sub(r"\s+", " ", name.lower()).replace("’", "'")
    if key in HOLIDAYS:
        return dt.date(year, *HOLIDAYS[key])
    if key.startswith("thanksgiving"):          # US: fourth Thursday of November
        first = dt.date(year, 11, 1)
        return first + dt.timedelta(days=(3 - first.weekday()) % 7 + 21)
    if key.startswith("easter"):
        return _easter(year)
    return None


def _easter(year: int) -> dt.date:
    """Western Easter Sunday (the anonymous Gregorian computus)."""
    a, b, c = year % 19, year // 100, year % 100
    d, e = divmod(b, 4)
    g = (8 * b + 13) // 25
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    el = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 19 * el) // 433
    month, day = divmod(h + el - 7 * m + 90, 25)
    return dt.date(year, month, (h + el - 7 * m + 33 * month + 19) % 32)


# --- numbers ------------------------------------------------------------------------


def _number(text: str) -> Optional[float]:
    """The value of a NUM match; None for vague amounts ("several", "a few")."""
    t = re.sub(r"\s+", " ", text.lower()).strip()
    t = t.replace(",", "")
    if re.fullmatch(r"\d+(\.\d+)?", t):
        return float(t)
    if half := re.fullmatch(r"(\d+)(?:\s+1/2|½)", t):
        return int(half[1]) + 0.5
    if t in ("half a", "half an", "a half"):
        return 0.5
    if t in ("a couple", "a couple of", "couple of"):
        return 2
    if t in ("a hundred", "a thousand"):
        return 100 if t == "a hundred" else 1000
    if t in SMALL_NUMBERS:
        return SMALL_NUMBERS[t]
    parts = re.split(r"[\s-]", t)
    if parts[0] in TENS:
        return TENS[parts[0]] + (SMALL_NUMBERS.get(parts[1], 0) if len(parts) > 1 else 0)
    return None


# half of a unit in the next smaller one, for "2 1/2 years" -> P2Y6M
_HALF_OF = {("P", "Y"): "6M", ("P", "D"): "T12H", ("PT", "H"): "30M", ("PT", "M"): "30S", ("P", "W"): "3DT12H"}


def _duration_value(n: Optional[float], unit_word: str) -> str:
    unit = _unit_key(unit_word)
    letter, mult, is_time = UNITS[unit]
    prefix = "PT" if is_time else "P"
    if n is None:
        return f"{prefix}X{letter}"
    n *= mult
    whole = int(n)
    if n == whole:
        return f"{prefix}{whole}{letter}"
    if n - whole == 0.5 and (prefix, letter) in _HALF_OF:
        half = _HALF_OF[(prefix, letter)]
        if whole == 0:
            return ("PT" if half.startswith("T") else prefix) + half.lstrip("T")
        return f"{prefix}{whole}{letter}{half}"
    return f"{prefix}{n:g}{letter}"


def _unit_key(word: str) -> str:
    w = word.lower()
    if w in ("centuries",):
        return "century"
    if w in ("millennia",):
        return "millennium"
    return w[:-1] if w.endswith("s") and w[:-1] in UNITS else w


_UNIT_GRAN = {"day": "day", "night": "day", "week": "week", "weekend": "week", "fortnight": "week",
              "month": "month", "quarter": "quarter", "year": "year", "decade": "year", "century": "year",
              "millennium": "year"}
_UNIT_STEP = {"fortnight": 2, "decade": 10, "century": 100, "millennium": 1000}
