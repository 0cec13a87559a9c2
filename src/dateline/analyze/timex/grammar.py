"""Regex building blocks of the timex rules, and ``TRIGGER`` (what every rule's match contains)."""
from __future__ import annotations

import re
from typing import Iterable

from ..lexicon.calendar import DAY_PARTS, DECADE_WORDS, MONTHS, SEASONS, TIME_UNITS as UNITS, WEEKDAYS
from ..lexicon.numbers import ARTICLES, DOZEN, SCALES, TENS, UNITS as NUMBER_UNITS

# the number words a count of units of time is written with ("three days", "a year", "a dozen weeks")
SMALL_NUMBERS = {**NUMBER_UNITS, **ARTICLES, "dozen": DOZEN, "hundred": SCALES["hundred"]}

# --- regex pieces -------------------------------------------------------------------


def _alt(words: Iterable[str]) -> str:
    """An alternation, longest first (so "sept" is tried before "sep")."""
    return "|".join(sorted({re.escape(w).replace(r"\ ", r"\s+") for w in words}, key=len, reverse=True))


_FULL_MONTHS = [m for m in MONTHS if len(m) > 4 or m in ("may", "june", "july")]
_ABBR_MONTHS = [m for m in MONTHS if m not in _FULL_MONTHS]
MONTH = rf"(?:(?:{_alt(_FULL_MONTHS)})\b|(?:{_alt(_ABBR_MONTHS)})\b\.?)"
MONTH_SOLO = rf"(?:(?:{_alt(_FULL_MONTHS)})\b|(?:{_alt(_ABBR_MONTHS)})\.)"   # a month alone
WEEKDAY = rf"(?:{_alt(w for w in WEEKDAYS if len(w) > 5)})"
DAYNUM = r"(?:[12]\d|3[01]|0?[1-9])(?:st|nd|rd|th)?(?![\w%]|[.,:]\d)"
YEAR4 = r"(?<![\w$£€#.,])(?:1\d|20|21)\d\d(?![\w%]|[.,]\d)"
_NUM_WORD = (rf"(?:(?:{_alt(TENS)})"
             rf"(?:[\s-](?:{_alt(k for k, v in SMALL_NUMBERS.items() if 1 <= v <= 9 and len(k) > 2)}))?"
             rf"|(?:{_alt(k for k in SMALL_NUMBERS if k not in ('a', 'an'))}))")
NUM = (rf"(?:(?<![\w$£€.,])\d{{1,3}}(?:,\d{{3}})+|(?<![\w$£€.,/])\d+(?:\.\d+|\s+1/2|½)?|{_NUM_WORD}"
       rf"|a\s+few|a\s+couple(?:\s+of)?"
       rf"|couple\s+of|few|several|many|a\s+number\s+of|a\s+hundred|a\s+thousand|dozens\s+of|hundreds\s+of|thousands\s+of"
       rf"|half\s+an?|a\s+half|an?)")
UNIT = rf"(?:{_alt(UNITS)}|centuries|millennia)"
UNIT_PLURAL = r"(?:seconds|minutes|hours|days|nights|weeks|weekends|months|quarters|years|decades|centuries)"
# approximators that TimeML keeps in a duration's extent ("almost seven years", "a mere
# 24 hours"); prepositions ("over", "within") and focus words ("only") stay outside
APPROX = (r"(?:about|around|almost|nearly|some|roughly|approximately|more\s+than|less\s+than|no\s+more\s+than"
          r"|at\s+least|at\s+most|up\s+to|a\s+mere|fewer\s+than|close\s+to|upwards\s+of|well\s+over"
          r"|an\s+estimated|at\s+least\s+the)")
MOD = (r"(?:(?:the\s+)?(?:very\s+)?(?:early|late|mid|middle\s+of|end\s+of|beginning\s+of|start\s+of|close\s+of"
       r"|turn\s+of|first\s+half\s+of|second\s+half\s+of))")
TIMEZONE = r"(?:GMT|UTC|EST|EDT|CST|CDT|PST|PDT|BST|CET|CEST|IST|ET|PT|local\s+time)"

# TRIGGER: the words and digit shapes every rule needs (at least one of them is in every
# match; tests/test_timex.py checks that on varied texts). Plain counts ("3,000 people")
# do not fire it; "May" and "March" only fire capitalised.
_TRIGGER_DIGITS = r"\d{4}|\d[/.:-]\d|\d\s*[ap]\.?\s?m\b|['’]\d0s|\d[\s-]*seconds?\b|\bthe\s+\d\d?(?:st|nd|rd|th)\b"
_TRIGGER_WORDS = (
    [m for m in MONTHS if m not in ("may", "march")] + [w for w in WEEKDAYS if len(w) <= 5]
    + list(DAY_PARTS) + list(SEASONS)
    + list(DECADE_WORDS)
    + ["today", "tomorrow", "yesterday", "now", "nowadays", "current", "currently", "present", "presently",
       "recent", "recently", "lately", "future", "past", "ago", "since", "noon", "midnight", "midday",
       "daily", "annually", "christmas", "boxing day", "halloween", "valentine's", "new year's",
       "thanksgiving", "easter", "moment", "fiscal", "q1", "q2", "q3", "q4", "seconds"])
# weekday and unit words also match as prefixes: "Fridays", "days", "weekend", "monthly"
_TRIGGER_PREFIXES = [w for w in WEEKDAYS if len(w) > 5] + [
    "minute", "hour", "day", "night", "week", "fortnight", "month", "quarter", "year", "decade", "centur", "millenni"]
TRIGGER = re.compile(
    rf"{_TRIGGER_DIGITS}|\b(?:{_alt(_TRIGGER_WORDS)})\b|\b(?:{_alt(_TRIGGER_PREFIXES)})|\b(?-i:May|March|MAY|MARCH)\b",
    re.I)
