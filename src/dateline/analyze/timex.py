"""Temporal expressions: a regex grammar over the text, resolved against the article date.

Finding: each cheap segment of the text (``nlp.segment``: the same units the sentence
filter sees) is scanned by the rules in ``_RULES``; overlapping hits are settled
longest-first, then a clock time written next to a day ("10 p.m. Wednesday") is merged
with it. Every rule contains a digit or a word of the lexicon that ``TRIGGER`` is built
from, so ``TRIGGER`` matches every segment in which something can be found.

Resolving: values follow TIMEX3 (``2023-11-01``, ``2023-11``, ``2023-W45``, ``2023-Q3``,
``2023-SU``, ``2023``, ``199`` (a decade), ``P3D``, ``PT2H``, ``PRESENT_REF``,
``2023-11-01TNI``, ``2023-11-01T13:00``, ``XXXX-WXX-1`` ...). Deictic expressions
("yesterday", "last week", "two days ago") count from the article date; anaphoric ones
("the next day", "a year earlier", "that day") from the last day/month/... mentioned
before them. Where the calendar leaves a choice (a weekday name, a month or a day
without a year) the tense of the governing verb decides (spaCy parse: "will", "expected
to", "plans to" ... -> the coming one; past tense -> the last one); without a verdict
the most recent past (or today) wins, a year-less date going to the nearest year with
the past preferred.
"""
from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass
from typing import Callable, Iterable, Optional, Sequence

from ..records import Span, TimeExpr
from . import nlp

# --- lexicon ------------------------------------------------------------------------

MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
    "oct": 10, "nov": 11, "dec": 12,
}
WEEKDAYS = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5,
    "sunday": 6, "mon": 0, "tue": 1, "tues": 1, "wed": 2, "thu": 3, "thur": 3, "thurs": 3,
    "fri": 4, "sat": 5, "sun": 6,
}
SMALL_NUMBERS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19, "a": 1, "an": 1, "dozen": 12, "hundred": 100,
}
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
        "eighty": 80, "ninety": 90}
ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20, "twenty-first": 21, "1st": 1, "2nd": 2, "3rd": 3,
}
# duration unit -> (TIMEX3 letter, multiplier, is a time-of-day unit)
UNITS = {
    "second": ("S", 1, True), "minute": ("M", 1, True), "hour": ("H", 1, True),
    "day": ("D", 1, False), "night": ("D", 1, False), "week": ("W", 1, False),
    "weekend": ("D", 2, False), "fortnight": ("W", 2, False), "month": ("M", 1, False),
    "quarter": ("Q", 1, False), "year": ("Y", 1, False), "decade": ("Y", 10, False),
    "century": ("Y", 100, False), "millennium": ("Y", 1000, False),
}
DAY_PARTS = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI",
             "overnight": "NI", "tonight": "NI"}
SEASONS = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}
SEASON_MIDDLE_MONTH = {"SP": 4, "SU": 7, "FA": 10, "WI": 1}
DECADE_WORDS = {"twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6,
                "seventies": 7, "eighties": 8, "nineties": 9}
# fixed-date holidays (month, day); movable ones are computed in _holiday_date
HOLIDAYS = {"christmas eve": (12, 24), "christmas day": (12, 25), "christmas": (12, 25),
            "boxing day": (12, 26), "new year's eve": (12, 31), "new year's day": (1, 1),
            "halloween": (10, 31), "valentine's day": (2, 14)}

# Heads of an infinitive that put it in the future ("expected to pass ... on Wednesday",
# "plans to", "an agreement to buy ... in January").
FUTURE_GOVERNORS = {
    "expect", "plan", "schedule", "set", "slate", "due", "intend", "aim", "hope", "want", "prepare",
    "propose", "promise", "pledge", "vow", "threaten", "agree", "decide", "going", "poised", "likely",
    "ready", "seek", "wish", "await", "anticipate", "agreement", "deal", "proposal", "bid", "offer",
    "intention", "move", "effort", "commitment", "go", "be",
    # "asked it to respond by Oct. 31", "ordered them to leave by Friday"
    "ask", "urge", "order", "tell", "demand", "call", "require", "instruct", "invite", "give",
}
# Verbs whose objects lie ahead of them ("planned a rally on Saturday", "scheduled a news
# conference Thursday", "postponed until Tuesday").
PLANNING_VERBS = {"plan", "schedule", "reschedule", "postpone", "delay", "defer", "adjourn", "slate"}
# Words right before an expression that make it a coming day ("payable Dec. 1",
# "as early as Tuesday", "ahead of Thursday's vote", "until Friday", "a deadline of Friday").
FUTURE_CUES = re.compile(
    r"\b(?:until|till|ahead\s+of|in\s+time\s+for|as\s+soon\s+as|as\s+early\s+as|no\s+later\s+than|effective"
    r"|payable|starting|deadline\s+(?:of|on)|due\s+(?:on|by)?|scheduled\s+(?:for|on)|set\s+for"
    r"|expected\s+(?:on|by)?)\s+(?:on\s+)?$", re.I)
# Words on the path up from the expression that make it a future one by themselves
# ("is due on Friday", "the talks, scheduled for Monday", "the vote is expected Wednesday").
FUTURE_MARKERS = {"due", "scheduled", "slated", "upcoming", "set", "expected", "planned", "poised"}
FUTURE_AUX = {"will", "wo", "'ll", "ll", "shall", "would", "'d"}
# present-tense verbs that report or describe rather than schedule ("says", "is", "has")
STATIVE_PRESENT = {"be", "have", "say", "tell", "report", "claim", "show", "remain", "believe", "think", "know",
                   "seem", "appear", "include", "add", "note", "accord", "suggest", "indicate", "estimate"}
PERFECT_AUX = {"have", "has", "had", "'ve"}

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
_NUM_WORD = (rf"(?:(?:{_alt(TENS)})(?:[\s-](?:{_alt(k for k, v in SMALL_NUMBERS.items() if 1 <= v <= 9 and len(k) > 2)}))?"
             rf"|(?:{_alt(k for k in SMALL_NUMBERS if k not in ('a', 'an'))}))")
NUM = (rf"(?:(?<![\w$£€.,])\d{{1,3}}(?:,\d{{3}})+|(?<![\w$£€.,/])\d+(?:\.\d+|\s+1/2|½)?|{_NUM_WORD}|a\s+few|a\s+couple(?:\s+of)?"
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
_TRIGGER_DIGITS = r"\d{4}|\d[/.:-]\d|\d\s*[ap]\.?\s?m\b|['’]\d0s|\d[\s-]*seconds?\b"
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
    l = (32 + 2 * e + 2 * i - h - k) % 7
    m = (a + 11 * h + 19 * l) // 433
    month, day = divmod(h + l - 7 * m + 90, 25)
    return dt.date(year, month, (h + l - 7 * m + 33 * month + 19) % 32)


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

# --- resolution context -------------------------------------------------------------


@dataclass
class Resolved:
    type: str
    value: str
    date: Optional[dt.date] = None
    anchors: bool = True        # a point later expressions count from ("the next day"); not the name of an
                                # event long past ("after 9/11, the next day ...") nor an anaphoric result
                                # ("a year earlier ... a year earlier")


class _Context:
    """What resolution needs: the article date, the last point mentioned, the parse."""

    def __init__(self, doc, dct: dt.date):
        self.doc = doc
        self.dct = dct
        self.ref: tuple[str, dt.date] = ("day", dct)
        self.ref_at = -1                 # where the reference was written
        self.seg_text = ""
        self.seg_start = 0

    def tense(self, start: int, end: int) -> Optional[str]:
        before = self.before(start, 40)
        if FUTURE_CUES.search(before):
            return "FUTURE"
        if re.search(r"\b(?:ever\s+)?since\s+(?:the\s+)?$", before, re.I):
            return "PAST"
        return tense_at(self.doc, start, end) if self.doc is not None else None

    def before(self, start: int, n: int = 30) -> str:
        """Up to ``n`` characters of the segment before document offset ``start``."""
        rel = start - self.seg_start
        return self.seg_text[max(0, rel - n):rel]

    def after(self, end: int, n: int = 30) -> str:
        """Up to ``n`` characters of the segment after document offset ``end``."""
        rel = end - self.seg_start
        return self.seg_text[rel:rel + n]


def tense_at(doc, start: int, end: int) -> Optional[str]:
    """PAST, FUTURE or None for the clause governing the characters ``[start, end)``.

    Climbs the parse from the expression to its governing verb: "will"/"would", a
    present of an event verb ("is meeting", "meet Monday"), an infinitive under
    "expected"/"plans"/"agreement" ..., a planning verb ("postponed", "scheduled") or
    "due"/"set" on the way make FUTURE; past tense, the perfect or a past participle
    modifier ("the decision, announced Wednesday") make PAST. None when the sentence is
    unparsed, the expression is a possessive ("Tuesday's blast") or the verb says nothing
    (modals, "says", "is").
    """
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span) or not span[0].tag_:
        return None
    tok = span.root
    if tok.dep_ == "poss":
        return None                      # "Tuesday's blast": an event already known
    for _ in range(12):
        if tok.head is tok:
            return None
        tok = tok.head
        if tok.lower_ in FUTURE_MARKERS and (tok.pos_ == "ADJ" or _is_passive(tok)):
            return "FUTURE"
        if tok.pos_ not in ("VERB", "AUX") or tok.dep_ == "amod":
            continue
        if tok.lemma_.lower() in PLANNING_VERBS:
            return "FUTURE"
        verdict = _verb_tense(tok)
        if verdict != "CLIMB":
            return verdict
        # an infinitive or participle clause: its governor decides
        if tok.head is not tok and tok.head.lemma_.lower() in FUTURE_GOVERNORS and _is_infinitive(tok) \
                and tok.dep_ not in ("nsubj", "nsubjpass", "csubj"):
            return "FUTURE"
    return None


def _is_passive(tok) -> bool:
    return any(c.dep_ == "auxpass" for c in tok.children)


def _is_infinitive(verb) -> bool:
    return any(c.tag_ == "TO" for c in verb.children) or verb.dep_ == "xcomp"


def _verb_tense(verb) -> Optional[str]:
    """PAST / FUTURE / None from one verb's form and auxiliaries; CLIMB when it is a
    non-finite verb whose governor must decide."""
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    words = {a.lower_ for a in auxes}
    if words & FUTURE_AUX:
        return "FUTURE"
    if words & PERFECT_AUX or verb.tag_ == "VBD" or any(a.tag_ == "VBD" for a in auxes):
        return "PAST"
    if any(a.tag_ == "MD" for a in auxes):
        return None                                 # could, may, should: undecided
    if verb.tag_ == "VBG" and words & {"is", "are", "'re", "'s", "am"}:
        return "FUTURE"
    if verb.tag_ in ("VBZ", "VBP") and verb.lemma_.lower() not in STATIVE_PRESENT and not auxes:
        return "FUTURE"                             # "the two leaders meet Monday": a schedule
    if verb.tag_ == "VBN" and verb.dep_ in ("acl", "amod", "advcl") and not auxes:
        return "PAST"                               # "the ruling, issued Thursday"
    if _is_infinitive(verb) or (verb.tag_ in ("VBG", "VB") and verb.dep_ in ("advcl", "acl", "pcomp", "conj")):
        return "CLIMB"
    if verb.dep_ == "conj" and verb.head is not verb:
        return "CLIMB"
    return None


# --- rules --------------------------------------------------------------------------

Resolver = Callable[[re.Match, "_Context", "Hit"], Optional[Resolved]]


@dataclass
class Rule:
    name: str
    pattern: re.Pattern
    resolve: Resolver
    valid: Optional[Callable[[re.Match, str], bool]] = None
    kind: str = "date"          # "clock": a time of day; "day": names one day (mergeable)
    extent: Optional[Callable[[re.Match, str], tuple[int, int]]] = None   # default: the match
    anchor: Optional[re.Pattern] = None   # cheap test: segments without it are not scanned


@dataclass
class Hit:
    start: int                  # document offsets
    end: int
    rule: Rule
    match: re.Match
    priority: int
    day: Optional["Hit"] = None   # for a clock time written next to its day


_RULES: list[Rule] = []


_UNIT_WORDS = r"second|minute|hour|day|night|week|fortnight|month|quarter|year|decade|centur|millenni"
_PARTS = r"morning|afternoon|evening|night"
# What each rule's matches must contain; scanning a segment with every full pattern costs
# far more than these searches.
_RULE_ANCHORS = {
    "iso": r"\d[-/.]\d", "numeric": r"\d[/.-]\d", "numeric-short": r"\(\d\d?/\d", "nine-eleven": r"9/11",
    "month-day": MONTH, "day-month": MONTH, "month-year": MONTH, "month": MONTH_SOLO, "year": r"\d{4}", "decade": r"0s\b|ties\b", "century": r"century",
    "season": r"spring|summer|autumn|fall|winter", "quarter": r"quarter|\bQ[1-4]", "half": r"half",
    "holiday": r"christmas|boxing|new\s+year|halloween|valentine|thanksgiving|easter",
    "deictic": rf"yesterday|today|tomorrow|tonight|overnight|{_PARTS}", "weekday": WEEKDAY,
    "relative": rf"week|month|year|decade|day|{_PARTS}", "ago": r"\b(?:ago|hence|now|back)\b",
    "year-earlier": r"year[\s-](?:earlier|ago)", "the-day": r"\bthe\s+day\b",
    "duration": _UNIT_WORDS, "vague-span": _UNIT_WORDS,
    "set": rf"every|each|per\b|daily|weekly|monthly|yearly|annually|hourly|nightly|quarterly|twice|once|thrice|times",
    "per": r"\b(?:a|an|per)\s+(?:day|week|month|year|hour)\b",
    "ref": r"now|current|present|recent|lately|past|future|moment|these\s+days",
    "clock-ampm": r"\d\s*[ap]\.?\s?m", "clock-24": r"\d\d\s*(?:[A-Z]{2,4}|local|h)", "clock-at": r"\d:\d",
    "noon": r"noon|midnight|midday",
}


def rule(name: str, pattern: str, valid=None, kind: str = "date", extent=None, flags=re.I):
    def register(fn: Resolver) -> Resolver:
        anchor = re.compile(_RULE_ANCHORS[name], re.I)
        _RULES.append(Rule(name, re.compile(pattern, flags), fn, valid, kind, extent, anchor))
        return fn
    return register


def _cap(word: Optional[str]) -> bool:
    return bool(word) and word[0].isupper()


def _month_num(word: str) -> int:
    return MONTHS[word.lower().rstrip(".")]


_MONTH_CONTEXT = re.compile(
    r"\b(?:in|since|early|late|mid|until|till|by|of|from|to|through|before|after|during|last|next|this"
    r"|and|or|between|each|every|end|beginning|start|middle)\s*-?$", re.I)


def _month_ok(m: re.Match, seg: str) -> bool:
    word = m.group("mon")
    if not _cap(word):
        return False
    if word.lower() in ("may", "march") and not (m.groupdict().get("mod") or m.groupdict().get("rel")):
        return bool(_MONTH_CONTEXT.search(seg[:m.start("mon")].rstrip()))
    return True


# -- absolute dates


@rule("iso", rf"(?<![\w/.-])(?P<y>\d{{4}})(?P<sep>[-/.])(?P<m>\d\d?)(?P=sep)(?P<d>\d\d?)(?:[T ](?P<H>[01]?\d|2[0-3]):(?P<M>[0-5]\d))?(?![\w/-]|\.\d)",
      valid=lambda m, s: _valid_day(int(m["y"]), int(m["m"]), int(m["d"])), kind="day")
def _iso(m, ctx, hit):
    day = dt.date(int(m["y"]), int(m["m"]), int(m["d"]))
    if m["H"]:
        return Resolved("TIME", f"{day.isoformat()}T{int(m['H']):02d}:{m['M']}", day)
    return Resolved("DATE", day.isoformat(), day)


def _numeric_readings(m) -> list[dt.date]:
    a, b, y = int(m["a"]), int(m["b"]), int(m["y"])
    if len(m["y"]) == 2:
        y += 2000 if y < 50 else 1900
    out = []
    for day, month in ((a, b), (b, a)):        # day/month first: the form used outside the US
        if _valid_day(y, month, day):
            out.append(dt.date(y, month, day))
    return out


@rule("numeric", r"(?<![\w/.,-])(?P<a>\d\d?)(?P<sep>[/.-])(?P<b>\d\d?)(?P=sep)(?P<y>\d{4}|\d\d)(?![\w/-]|[.,]\d)",
      valid=lambda m, s: bool(_numeric_readings(m)) and (m["sep"] == "/" or len(m["y"]) == 4), kind="day")
def _numeric(m, ctx, hit):
    readings = _numeric_readings(m)
    # when both readings are valid, the one nearer the article date
    day = min(readings, key=lambda d: abs((d - ctx.dct).days))
    return Resolved("DATE", day.isoformat(), day)


def _names_nine_eleven(m, seg) -> bool:
    """Not a score among others ("9/11 and 7/12"; "the 9/11 and 7/7 attacks" and "24/7" are no
    scores) nor a day of another year ("on 9/11 last year")."""
    near = seg[max(0, m.start() - 12):m.start()] + " " + seg[m.end():m.end() + 12]
    if re.search(r"\d/\d", re.sub(r"(?<![\d/])(?:7/7|24/7)(?![\d/])", "", near)):
        return False
    return not re.match(r"\s+(?:last|this|next)\s+year\b", seg[m.end():], re.I)


@rule("nine-eleven", r"(?<![\w/.,$(-])9/11(?![\w/-]|[.,]\d)", kind="day", valid=_names_nine_eleven)
def _nine_eleven(m, ctx, hit):
    """ "9/11": the attacks' day, for an article written after it."""
    if ctx.dct <= NINE_ELEVEN:
        return None
    return Resolved("DATE", NINE_ELEVEN.isoformat(), NINE_ELEVEN, anchors=False)


@rule("numeric-short", r"(?<=\()(?P<a>\d\d?)/(?P<b>\d\d?)(?=\))", kind="day",
      valid=lambda m, s: 1 <= int(m["b"]) <= 12 and 1 <= int(m["a"]) <= 31)
def _numeric_short(m, ctx, hit):
    """ "Sunday (24/12)": day/month in brackets after a day name, the year inferred."""
    day, month = int(m["a"]), int(m["b"])
    year = _year_for(month, day, ctx.dct, ctx.tense(hit.start, hit.end))
    if not _valid_day(year, month, day):
        return None
    d = dt.date(year, month, day)
    return Resolved("DATE", d.isoformat(), d)


_DATE_TAIL = rf"(?:\s*,?\s*(?P<y>{YEAR4}))?"


def _day_month_ok(m, seg):
    return _cap(m["mon"]) and int(re.match(r"\d+", m["day"])[0]) <= 31


# "September 11" with no year, naming the 2001 attacks ("the September 11th attacks", "Sept. 11
# hijackers"), and "9/11": in English news, that day, not the last September 11 before the article.
# The 2001 attacks are plural ("the September 11 attack on the consulate" was in 2012), and a date
# after a preposition is a day of its own ("on September 11 attackers stormed ...").
NINE_ELEVEN = dt.date(2001, 9, 11)
_NAMES_THE_ATTACKS = re.compile(r"(?:th)?[\s-]+(?:terror(?:ist)?\s+)?(?:attacks|hijack(?:ers?|ings?)|plot|victims?"
                                r"|commission|memorial)\b", re.I)
_PREPOSITION_BEFORE = re.compile(r"\b(?:on|by|until|till|from|before|after|since|through|to|for|of)\s*$", re.I)


def _names_the_attacks(ctx, hit) -> bool:
    return ctx.dct > NINE_ELEVEN and bool(_NAMES_THE_ATTACKS.match(ctx.after(hit.end))) \
        and not _PREPOSITION_BEFORE.search(ctx.before(hit.start))


def _resolve_day_month(m, ctx, hit):
    month = _month_num(m["mon"])
    day = int(re.match(r"\d+", m["day"])[0])
    if m["y"]:
        year = int(m["y"])
    elif (month, day) == (9, 11) and _names_the_attacks(ctx, hit):
        return Resolved("DATE", NINE_ELEVEN.isoformat(), NINE_ELEVEN, anchors=False)
    else:
        year = _year_for(month, day, ctx.dct, "PAST" if _since(ctx, hit) else ctx.tense(hit.start, hit.end))
    if not _valid_day(year, month, day):
        return None
    d = dt.date(year, month, day)
    return Resolved("DATE", d.isoformat(), d)


@rule("month-day", rf"(?P<mon>{MONTH})\s*(?P<day>{DAYNUM}){_DATE_TAIL}",
      valid=_day_month_ok, kind="day")
def _month_day(m, ctx, hit):
    return _resolve_day_month(m, ctx, hit)


@rule("day-month", rf"(?:(?P<the>the)\s+)?(?<![\w.,])(?P<day>{DAYNUM})(?:\s+of)?\s+(?P<mon>{MONTH}){_DATE_TAIL}",
      valid=_day_month_ok, kind="day",
      extent=lambda m, s: (m.start() if re.search(r"\sof\s", m.group(0)) else m.start("day"), m.end()))
def _day_month(m, ctx, hit):
    return _resolve_day_month(m, ctx, hit)


@rule("month-year", rf"(?:(?P<mod>{MOD})[\s-]*)?(?P<mon>{MONTH})(?:,?\s+(?:of\s+)?(?P<y>{YEAR4})|\s+(?:of\s+)?(?P<yrel>this|next|last)\s+year\b)",
      valid=lambda m, s: _cap(m["mon"]))
def _month_year(m, ctx, hit):
    """ "Dec 2023", "May of 2010", "October of next year", "June last year"."""
    year = int(m["y"]) if m["y"] else ctx.dct.year + {"this": 0, "next": 1, "last": -1}[m["yrel"].lower()]
    return Resolved("DATE", f"{year:04d}-{_month_num(m['mon']):02d}")


@rule("month", rf"(?:(?P<mod>{MOD})[\s-]*)?(?:(?P<rel>last|next|this|this\s+past|this\s+coming|the\s+previous|the\s+following|that)\s+)?(?P<mon>{MONTH_SOLO})",
      valid=_month_ok)
def _month(m, ctx, hit):
    month = _month_num(m["mon"])
    rel = (m["rel"] or "").lower().split()
    cur = ctx.dct.year * 12 + ctx.dct.month - 1
    if rel and rel[-1] in ("last", "past", "previous"):
        idx = cur - ((ctx.dct.month - month) % 12 or 12)
    elif rel and rel[-1] in ("next", "coming", "following"):
        idx = cur + ((month - ctx.dct.month) % 12 or 12)
    elif rel and rel[-1] in ("this", "that"):
        idx = ctx.dct.year * 12 + month - 1
    else:
        tense = "PAST" if _since(ctx, hit) else ctx.tense(hit.start, hit.end)
        idx = _year_for(month, None, ctx.dct, tense) * 12 + month - 1
    return Resolved("DATE", f"{idx // 12:04d}-{idx % 12 + 1:02d}")


_YEAR_BEFORE_OK = re.compile(r"\b(?:in|since|of|from|by|until|till|to|between|and|before|after|during|year|circa"
                             r"|fiscal|the|early|late|mid|summer|winter|spring|autumn|fall)\s*-?$", re.I)
_NOT_YEAR_AFTER = re.compile(r"\s*(?:%|per\s*cent|percent|km|kilomet|metre|meter|feet|ft\b|miles|kg|tons|tonnes"
                             r"|people|points|votes|dollars|euros|pounds|rupees|shekels|troops|soldiers)", re.I)


def _year_ok(m, seg):
    y = int(m["y"])
    before, after = seg[:m.start("y")], seg[m.end("y"):]
    if re.search(r"(?:[$£€#]|\bNo\.?|\bnumber|\d[.,]?)\s*$", before, re.I) or _NOT_YEAR_AFTER.match(after):
        return False
    if 1900 <= y <= 2100:
        return True
    return 1000 <= y < 1900 and bool(_YEAR_BEFORE_OK.search(before.rstrip()) or re.match(r"\s*(?:AD|BC|BCE|CE)\b", after))


@rule("year", rf"(?:(?P<mod>{MOD})[\s-]*)?(?:(?:fiscal(?:\s+year)?|FY|calendar(?:\s+year)?)\s*)?(?P<y>{YEAR4})(?!s\b|'s\b|’s\b|-\d)",
      valid=_year_ok)
def _year(m, ctx, hit):
    return Resolved("DATE", m["y"])


@rule("decade", rf"(?P<the>the\s+)?(?:(?P<mod>{MOD})[\s-]*)?(?:(?P<c>1\d|20)(?P<d>\d)0s|['’](?P<d2>\d)0s|(?P<w>{_alt(DECADE_WORDS)}))\b",
      valid=lambda m, s: not m["w"] or bool(m["the"] or (m["mod"] or "").lower().startswith("the")))  # "in her twenties" is an age
def _decade(m, ctx, hit):
    if m["c"]:
        return Resolved("DATE", f"{m['c']}{m['d']}")
    digit = int(m["d2"] or DECADE_WORDS[m["w"].lower()])
    # "the '90s" is the 1990s; "the '10s" in a 2023 article the 2010s
    century = ctx.dct.year // 100 if m["d2"] and digit * 10 <= ctx.dct.year % 100 else ctx.dct.year // 100 - 1
    return Resolved("DATE", f"{century}{digit}")


@rule("century", rf"(?:the\s+)?(?:(?P<mod>{MOD})[\s-]*)?(?:(?P<ord>{_alt(ORDINALS)}|\d{{1,2}}(?:st|nd|rd|th))|(?P<rel>this|last|next|the\s+past|the\s+last|the\s+previous|the\s+next|the\s+current))[\s-]+century")
def _century(m, ctx, hit):
    if m["ord"]:
        n = ORDINALS.get(m["ord"].lower()) or int(re.match(r"\d+", m["ord"])[0])
        return Resolved("DATE", f"{n - 1:02d}")
    rel = re.sub(r"\s+", " ", m["rel"].lower())
    if rel in ("the past", "the last"):
        return Resolved("DURATION", "P100Y")        # "over the past century": a span
    shift = {"this": 0, "current": 0, "next": 1}.get(rel.split()[-1], -1)
    return Resolved("DATE", f"{ctx.dct.year // 100 + shift:02d}")


def _season_ok(m, seg):
    word = m["season"].lower()
    if word in ("fall", "spring"):
        if not (m["rel"] or m["mod"] or m["y"]) and not re.search(r"\b(?:in|this|since|until|by|during|last|next)\s*$", seg[:m.start()], re.I):
            return False
        if m["rel"] and m["rel"].lower() == "the" and re.match(r"\s+of\s+(?!\d)", seg[m.end():]):
            return False
    if m["season"][0].isupper() and seg[:m.start()].strip() and not seg[:m.start()].rstrip().endswith((".", '"', "“")):
        return word not in ("spring", "fall")    # "Arab Spring"
    return True


@rule("season", rf"(?:(?P<mod>{MOD})[\s-]*)?(?:(?P<rel>last|next|this|this\s+past|this\s+coming|the\s+past|the\s+coming|the|that)\s+)?(?P<season>spring|summer|autumn|fall|winter)(?:\s+(?:of\s+)?(?P<y>{YEAR4}))?\b(?![\w-])",
      valid=_season_ok)
def _season(m, ctx, hit):
    code = SEASONS[m["season"].lower()]
    if m["y"]:
        return Resolved("DATE", f"{m['y']}-{code}")
    rel = (m["rel"] or "").lower().split()
    month = SEASON_MIDDLE_MONTH[code]
    cur = ctx.dct.year * 12 + ctx.dct.month - 1
    if rel and rel[-1] in ("last", "past"):
        idx = cur - ((ctx.dct.month - month) % 12 or 12)
    elif rel and rel[-1] in ("next", "coming"):
        idx = cur + ((month - ctx.dct.month) % 12 or 12)
    elif rel and rel[-1] == "this":
        idx = ctx.dct.year * 12 + month - 1
    else:
        idx = _year_for(month, None, ctx.dct, ctx.tense(hit.start, hit.end)) * 12 + month - 1
    return Resolved("DATE", f"{idx // 12:04d}-{code}")


_QUARTER_WORDS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4,
                  "final": 4}


@rule("quarter", rf"(?:(?P<det>the|this|last|next|that)\s+)?(?P<pre>(?:(?:year-earlier|year-ago|fiscal|latest|current|last|past|previous|same|comparable|recent|{_alt(_QUARTER_WORDS)}|{YEAR4})[\s-]+)*)quarter(?!s)(?:\s+of\s+(?:(?P<y>{YEAR4})|(?P<yrel>this|last|next)\s+year))?(?!-\w)|\bQ(?P<qn>[1-4])(?:\s+(?P<y2>{YEAR4}))?\b",
      valid=lambda m, s: bool(m["det"] or m["pre"] or m["qn"]) and not re.match(r"\s+of\s+(?:a|the|an|all|its|their)\b", s[m.end():], re.I)
      and not re.match(r"\s*(?:century|mile|hour|point|percent)", s[m.end():], re.I) and not (m["qn"] and not m.group(0)[0].isupper()),
      extent=lambda m, s: (m.start("pre") if m["det"] and m["pre"] and m["pre"].endswith("-") else m.start(), m.end()))
def _quarter(m, ctx, hit):
    """ "the third quarter", "third-quarter" (an adjective: "the" belongs to the noun), "Q3 2023",
    "the quarter" (the last one completed), "the year-ago quarter"."""
    words = re.split(r"[\s-]+", (m["pre"] or "").lower().strip())
    n = int(m["qn"]) if m["qn"] else next((_QUARTER_WORDS[w] for w in words if w in _QUARTER_WORDS), None)
    year_text = m["y"] or m["y2"] or next((w for w in words if re.fullmatch(r"\d{4}", w)), None)
    current = _start_of("quarter", ctx.dct)
    if any(w in ("year-earlier", "year-ago") for w in words):
        ref = ctx.ref if ctx.ref[0] == "quarter" else ("quarter", _shift("quarter", current, -1))
        return Resolved("DATE", _fmt("quarter", _shift("year", ref[1], -1)))
    if n is None:
        if (m["det"] or "").lower() == "next":
            return Resolved("DATE", _fmt("quarter", _shift("quarter", current, 1)))
        if (m["det"] or "").lower() == "this" or "current" in words:
            return Resolved("DATE", _fmt("quarter", current))
        # "the quarter", "the latest quarter", "last quarter": the last one completed
        return Resolved("DATE", _fmt("quarter", _shift("quarter", current, -1)))
    if year_text:
        year = int(year_text)
    elif m["yrel"]:
        year = ctx.dct.year + {"this": 0, "last": -1, "next": 1}[m["yrel"].lower()]
    else:
        year = ctx.dct.year
        if n > (ctx.dct.month - 1) // 3 + 1 and ctx.tense(hit.start, hit.end) == "PAST":
            year -= 1
    return Resolved("DATE", f"{year:04d}-Q{n}")


@rule("half", rf"(?:the\s+)?(?P<ord>first|second|1st|2nd|latter)[\s-]+half(?:\s+of\s+(?:(?P<y>{YEAR4})|(?P<yrel>this|last|next)\s+year|the\s+year))?",
      valid=lambda m, s: bool(m["y"] or m["yrel"] or m.group(0).lower().endswith("the year")
                              or re.match(r"\s*(?:[.,;]|$)", s[m.end():])))
def _half(m, ctx, hit):
    n = 1 if m["ord"].lower() in ("first", "1st") else 2
    year = int(m["y"]) if m["y"] else ctx.dct.year + {"this": 0, "last": -1, "next": 1}.get((m["yrel"] or "this").lower(), 0)
    return Resolved("DATE", f"{year:04d}-H{n}")


@rule("holiday", r"(?:(?P<rel>last|next|this)\s+)?(?P<name>christmas\s+eve|christmas\s+day|christmas|boxing\s+day|new\s+year['’]s\s+(?:eve|day)|halloween|valentine['’]s\s+day|thanksgiving(?:\s+day)?|easter(?:\s+sunday)?)(?:\s+(?P<y>\d{4}))?\b",
      valid=lambda m, s: _cap(m["name"]), kind="day")
def _holiday(m, ctx, hit):
    if m["y"]:
        day = _holiday_date(m["name"], int(m["y"]))
    else:
        cands = [d for d in (_holiday_date(m["name"], y) for y in (ctx.dct.year - 1, ctx.dct.year, ctx.dct.year + 1)) if d]
        rel = (m["rel"] or "").lower()
        tense = {"last": "PAST", "next": "FUTURE"}.get(rel) or ctx.tense(hit.start, hit.end)
        day = _nearest(cands, ctx.dct, tense)
    return Resolved("DATE", day.isoformat(), day) if day else None


# -- relative to the article date


def _part_value(d: dt.date, part: str) -> Resolved:
    return Resolved("TIME", f"{d.isoformat()}T{DAY_PARTS[part.lower()]}", d)


@rule("deictic", r"(?:(?P<mod>early|late|earlier|later)\s+)?(?:(?P<dby>the\s+day\s+before\s+yesterday)|(?P<dat>the\s+day\s+after\s+tomorrow)|(?P<word>yesterday|today|tomorrow|tonight|overnight)|(?P<rel>this|last|tomorrow|yesterday)\s+(?P<part>morning|afternoon|evening|night))(?:\s+(?P<part2>morning|afternoon|evening|night))?\b",
      valid=lambda m, s: not (m["word"] and m["word"].lower() == "tonight" and m["part2"]), kind="day")
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


def _weekday_ok(m, seg):
    return _cap(m["wd"]) and not re.search(r"\b(?:Good|Black|Cyber|Super|Ash|Holy|Palm|Bloody)\s+$", seg[:m.start("wd")])


@rule("weekday", rf"(?:(?P<mod>early|late|earlier|later)\s+)?(?:(?P<rel>last|next|this|this\s+past|this\s+coming|coming|past|previous)\s+)?(?P<wd>{WEEKDAY})(?P<pl>s)?\b(?:\s+(?P<part>morning|afternoon|evening|night|overnight)\b)?",
      valid=_weekday_ok, kind="day", extent=lambda m, s: (m.start("rel") if m["rel"] else m.start("wd"), m.end()))
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


@rule("relative", rf"(?:(?P<mod>{MOD}|earlier|later)[\s-]+)?(?P<rel>last|next|this|past|coming|previous|following|current|same|the\s+(?:last|next|past|coming|previous|following|current|same|prior|preceding)|that|the)\s+(?P<unit>{_REL_UNITS})\b(?!-)",
      valid=lambda m, s: _relative_ok(m, s))
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
    if anaphoric and ctx.ref[0] in GRAN_ORDER and GRAN_ORDER.index(ctx.ref[0]) <= GRAN_ORDER.index(_UNIT_GRAN.get(unit, "year")):
        base = ctx.ref[1]
    return Resolved("DATE", _fmt(gran, _shift(gran, _start_of(gran, base), shift)))


def _relative_ok(m, s):
    rel = m["rel"].lower()
    unit = m["unit"].lower()
    if rel == "the" and unit not in ("weekend", "year", "week", "month"):
        return False
    if rel in ("the", "that", "current", "same") and re.match(r"\s+(?:of|in|when|that|before|after|for)\b", s[m.end():], re.I):
        return False
    if rel == "the" and unit in ("year", "week", "month") and re.match(r"\s*(?:[a-z]|-)", s[m.end():]) and not re.match(r"\s+(?:ago|earlier|before|after|to|through|ended|ending|end)\b", s[m.end():]):
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


@rule("ago", rf"(?:(?P<approx>{APPROX})\s+)?(?P<n>{NUM})[\s-]+(?:more\s+)?(?P<unit>{UNIT}s?|{UNIT_PLURAL})\s+(?P<dir>{_SHIFT_DIR})\b")
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


@rule("year-earlier", r"(?:the\s+(?:comparable\s+)?)?(?P<kind>year-earlier|year-ago|a\s+year\s+earlier)(?:\s+(?P<noun>period|quarter|level|results?))?\b",
      valid=lambda m, s: bool(m["noun"]) or not m.group(0).lower().startswith("the"))
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
      valid=_the_day_ok, kind="day")
def _the_day(m, ctx, hit):
    """ "the day before", "the day after" (without an object): the day next to the last one
    named; "ended the day", "for the day": that day itself."""
    base = ctx.ref[1] if ctx.ref[0] == "day" else ctx.dct
    shift = {"before": -1, "after": 1}.get((m["dir"] or "").lower(), 0)
    d = base + dt.timedelta(days=shift)
    return Resolved("DATE", d.isoformat(), d)


# -- durations and sets


def _duration_ok(m, s):
    after = s[m.end():]
    if re.match(r"[\s-]+old\b", after) or re.match(r"-old\b", after):
        return False                          # ages are not timexes here ("a 20-year-old")
    n = m["n"].lower()
    if n in ("a", "an") and not m["det"] and not m["approx"]:
        # "$5 a year", "twice a day" are sets, handled by the "per" rule
        if re.search(r"(?:\d|\btimes|\btwice|\bonce|[a-z]s)\s*$", s[:m.start()], re.I) and m["unit"].lower() in ("day", "week", "month", "year", "hour"):
            return False
    if n in ("many",) and not m["det"]:
        return False
    if _unit_key(m["unit"]) == "second" and not re.match(r"\d", n) and not m["unit"].lower().endswith("s"):
        return False                          # "a second group" is an ordinal
    if m["unit"].lower().startswith("quarter") and (re.match(r"\s+of\b", after) or "-" in m.group(0)[m.start("n") - m.start():]):
        return False                          # "three-quarters of the vote"
    return True


@rule("duration", rf"(?:(?P<approx>{APPROX})\s+)?(?:(?P<det>the|this|that|these|those|each\s+of\s+the|the\s+(?:past|last|next|first|final|previous|coming|following|latest|remaining|initial|entire|whole|full|same|other|additional|last|recent))\s+)?(?P<n>{NUM})(?:[\s-]+and[\s-]+a[\s-]+half)?[\s-]+(?:(?:more|additional|extra|full|straight|consecutive|long|short|trading|business|working|calendar|school)\s+)?(?P<unit>{UNIT}s?|{UNIT_PLURAL}|millennia)(?:['’](?!s\b))?(?![\w-])(?:\s+and\s+a\s+half\b|[\s-]+long\b)?",
      valid=_duration_ok, extent=lambda m, s: _duration_extent(m, s))
def _duration(m, ctx, hit):
    n = _number(m["n"])
    if n is not None and re.search(r"and[\s-]+a[\s-]+half", m.group(0), re.I):
        n += 0.5
    return Resolved("DURATION", _duration_value(n, m["unit"]))


def _duration_extent(m, seg) -> tuple[int, int]:
    """ "the 11-day bombardment": the determiner belongs to the noun, not to "11-day"."""
    if m["det"] and not m["approx"] and re.search(r"\w-\w", m.group(0)[m.start("n") - m.start():]):
        return m.start("n"), m.end()
    return m.start(), m.end()


@rule("vague-span", rf"(?:(?P<det>(?:the\s+)?(?:past|last|next|coming|following|previous|recent|more\s+recent)(?:\s+(?:few|several|many|couple\s+of))?)\s+)?(?P<unit>{UNIT_PLURAL})\b(?![\w-])",
      valid=lambda m, s: not re.match(r"[\s-]+old\b", s[m.end():]) and not re.search(r"\b(?:\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|a|an|few|several|many|couple\s+of|dozens\s+of|hundreds\s+of)\s*-?\s*$", s[:m.start()], re.I))
def _vague_span(m, ctx, hit):
    det = (m["det"] or "").lower()
    unit = _unit_key(m["unit"])
    if "recent" in det and unit == "year":
        return Resolved("DATE", "PAST_REF")
    if "coming" in det and unit in ("month", "year", "quarter") and "few" not in det:
        return Resolved("DATE", "FUTURE_REF")
    return Resolved("DURATION", _duration_value(None, unit))


# "paid quarterly." is a set; "its quarterly dividend" uses the word as an adjective
# (TimeBank marks adjectival "daily" but not "quarterly")
_ADVERB_FOLLOWS = re.compile(r"\s*(?:[.,;:!?)\"”'’]|$|(?:and|or|in|on|at|for|from|to|since|until|with|by|during|as|but|basis|than)\b)", re.I)


@rule("set", rf"(?P<q>every|each|per)\s+(?:(?P<n>{NUM})\s+|other\s+)?(?P<unit>(?!second){UNIT}|{WEEKDAY}|season|summer|winter|spring|autumn|morning|evening|afternoon)\b|(?P<adv>daily|weekly|monthly|yearly|annually|hourly|nightly|quarterly)\b|(?P<freq>twice|once|thrice|(?:\d+|{_NUM_WORD})\s+times)\s+(?:a|an|per|every|each)\s+(?P<funit>day|week|month|year|hour|minute)\b",
      valid=lambda m, s: not (m["adv"] or "").lower() == "quarterly" or bool(_ADVERB_FOLLOWS.match(s[m.end():])))
def _set(m, ctx, hit):
    if m["adv"]:
        adv = m["adv"].lower()
        value = {"daily": "P1D", "weekly": "P1W", "monthly": "P1M", "yearly": "P1Y", "annually": "P1Y",
                 "hourly": "PT1H", "nightly": "P1D", "quarterly": "P1Q"}[adv]
        return Resolved("SET", value)
    if m["funit"]:
        return Resolved("SET", _duration_value(1, m["funit"]))
    word = m["unit"].lower()
    if word in WEEKDAYS:
        return Resolved("SET", f"XXXX-WXX-{WEEKDAYS[word] + 1}")
    if word in SEASONS:
        return Resolved("SET", f"XXXX-{SEASONS[word]}")
    if word == "season":
        return Resolved("SET", "P1Y")
    if word in DAY_PARTS:
        return Resolved("SET", f"XXXX-XX-XXT{DAY_PARTS[word]}")
    n = _number(m["n"]) if m["n"] else (2 if "other" in m.group(0).lower() else 1)
    return Resolved("SET", _duration_value(n, word))


@rule("per", r"(?P<det>a|an|per)\s+(?P<unit>day|week|month|year|hour)\b",
      valid=lambda m, s: bool(re.search(r"(?:\d|\btimes|[a-z]s)\s*$", s[:m.start()], re.I))
      and not re.search(r"\b(?:for|in|within|over|than|after|about|nearly|almost|around|of|once|twice)\s*$", s[:m.start()], re.I)
      and not re.match(r"\s+(?:ago|earlier|later|before|after|or)\b", s[m.end():], re.I))
def _per(m, ctx, hit):
    return Resolved("SET", _duration_value(1, m["unit"]))


# -- references to the present, past and future

_REF_WORDS = {
    "now": "PRESENT_REF", "right now": "PRESENT_REF", "currently": "PRESENT_REF", "current": "PRESENT_REF",
    "at present": "PRESENT_REF", "presently": "PRESENT_REF", "nowadays": "PRESENT_REF",
    "these days": "PRESENT_REF", "at the moment": "PRESENT_REF", "the present": "PRESENT_REF",
    "recently": "PAST_REF", "more recently": "PAST_REF", "most recently": "PAST_REF", "recent": "PAST_REF",
    "lately": "PAST_REF", "the past": "PAST_REF", "the future": "FUTURE_REF",
    "the near future": "FUTURE_REF", "the foreseeable future": "FUTURE_REF", "the distant future": "FUTURE_REF",
}


@rule("ref", rf"\b(?:{_alt(_REF_WORDS)})\b(?!-)",
      valid=lambda m, s: _ref_ok(m, s))
def _ref(m, ctx, hit):
    return Resolved("DATE", _REF_WORDS[re.sub(r"\s+", " ", m.group(0).lower())])


def _ref_ok(m, s):
    word = re.sub(r"\s+", " ", m.group(0).lower())
    after = s[m.end():]
    if word == "current" and re.match(r"\s+(?:account|affairs|events|flows?|density|strength|of\b|and\b)", after, re.I):
        return False
    if word == "the past" and re.match(r"\s+(?:few|several|\d|[a-z]+\s+(?:days|weeks|months|years))", after, re.I):
        return False
    if word == "recent" and re.match(r"\s+(?:days|weeks|months|years|decades)\b", after, re.I):
        return False
    return True


# -- clock times


def _clock_value(h: int, minute: int, day: Optional[dt.date]) -> str:
    base = day.isoformat() if day else "XXXX-XX-XX"
    return f"{base}T{h:02d}:{minute:02d}"


_APPROX_TIME = r"(?:(?:about|around|approximately|roughly|shortly\s+(?:before|after)|just\s+(?:before|after))\s+)?"


@rule("clock-ampm", rf"{_APPROX_TIME}(?<![\w.:,])(?P<h>1[0-2]|0?[1-9])(?:[:.](?P<mi>[0-5]\d))?\s*(?P<ampm>a\.?\s?m\b\.?|p\.?\s?m\b\.?)(?:\s*(?P<tz>{TIMEZONE}))?",
      kind="clock")
def _clock_ampm(m, ctx, hit):
    h = int(m["h"]) % 12 + (12 if m["ampm"].lower().startswith("p") else 0)
    return Resolved("TIME", _clock_value(h, int(m["mi"] or 0), _clock_day(ctx, hit)))


@rule("clock-24", rf"{_APPROX_TIME}(?<![\w.:,])(?P<h>[01]?\d|2[0-3])(?:[:.h]?(?P<mi>[0-5]\d))\s*(?P<tz>{TIMEZONE}|hrs\b|hours\b|h\b)",
      valid=lambda m, s: ":" in m.group(0) or len(m["h"]) == 2, kind="clock")
def _clock_24(m, ctx, hit):
    return Resolved("TIME", _clock_value(int(m["h"]), int(m["mi"]), _clock_day(ctx, hit)))


@rule("clock-at", r"(?<![\w.:,])(?P<h>[01]?\d|2[0-3]):(?P<mi>[0-5]\d)\b(?!:\d|\.\d)",
      valid=lambda m, s: bool(re.search(r"\b(?:at|by|until|till|from|around|about|before|after)\s+$", s[:m.start()], re.I)),
      kind="clock")
def _clock_at(m, ctx, hit):
    return Resolved("TIME", _clock_value(int(m["h"]), int(m["mi"]), _clock_day(ctx, hit)))


@rule("noon", rf"{_APPROX_TIME}(?P<w>noon|midnight|midday)\b", kind="clock")
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


# --- finding ------------------------------------------------------------------------


def _since(ctx: _Context, hit: Hit) -> bool:
    return bool(re.search(r"\b(?:ever\s+)?since\s+(?:the\s+)?$", ctx.before(hit.start, 20), re.I))


def _scan_segment(text: str, offset: int) -> list[Hit]:
    """All rule matches in one segment, overlaps settled (longest, then rule order)."""
    found: list[Hit] = []
    for priority, r in enumerate(_RULES):
        if r.anchor is not None and not r.anchor.search(text):
            continue
        for m in r.pattern.finditer(text):
            if m.end() == m.start():
                continue
            if not _whole_words(text, m.start(), m.end()) or (r.valid is not None and not r.valid(m, text)):
                continue
            start, end = r.extent(m, text) if r.extent else (m.start(), m.end())
            start, end = _trim(text, start, end)
            found.append(Hit(offset + start, offset + end, r, m, priority))
    found.sort(key=lambda h: (-(h.end - h.start), h.priority, h.start))
    chosen: list[Hit] = []
    for h in found:
        if all(h.end <= c.start or h.start >= c.end for c in chosen):
            chosen.append(h)
    chosen.sort(key=lambda h: h.start)
    return _merge_clock_days(chosen, text, offset)


def _whole_words(text: str, start: int, end: int) -> bool:
    """No match may begin or end inside a word ("headquarters", "someone")."""
    if start > 0 and text[start - 1].isalnum() and text[start].isalnum():
        return False
    return not (end < len(text) and text[end].isalnum() and text[end - 1].isalnum())


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while end > start and text[end - 1] in " \t\n,-":
        end -= 1
    while start < end and text[start].isspace():
        start += 1
    return start, end


_GLUE = re.compile(r"\s*[,(]?\s*")
_DATE_RULES = {"iso", "numeric", "numeric-short", "month-day", "day-month"}


def _merge_clock_days(hits: list[Hit], text: str, offset: int) -> list[Hit]:
    """"10 p.m. Wednesday", "Nov. 6, 5 p.m.": one TIME expression."""
    out: list[Hit] = []
    i = 0
    while i < len(hits):
        h = hits[i]
        nxt = hits[i + 1] if i + 1 < len(hits) else None
        glue = text[h.end - offset:nxt.start - offset] if nxt is not None else ""
        if nxt is not None and h.rule.name == "weekday" and nxt.rule.name in _DATE_RULES and _GLUE.fullmatch(glue):
            h.day = nxt                    # "Friday, Nov. 24": two expressions, one day
        if nxt is not None and {h.rule.kind, nxt.rule.kind} == {"clock", "day"} and _GLUE.fullmatch(glue):
            clock, day = (h, nxt) if h.rule.kind == "clock" else (nxt, h)
            out.append(Hit(h.start, nxt.end, clock.rule, clock.match, clock.priority, day=day))
            i += 2
            continue
        out.append(h)
        i += 1
    return out


def extract_times(doc, doc_id: str, doc_date: dt.date) -> list[TimeExpr]:
    """Every temporal expression of ``doc`` (a spaCy Doc from ``nlp.parse``), resolved
    against ``doc_date`` (the article's date), in text order."""
    text = nlp.doc_text(doc)
    if isinstance(doc_date, dt.datetime):
        doc_date = doc_date.date()
    ctx = _Context(doc, doc_date or dt.date.today())
    out: list[TimeExpr] = []
    for seg_start, seg_end in nlp.segment(text):
        seg = text[seg_start:seg_end]
        if not TRIGGER.search(seg):      # every rule needs a word or digit TRIGGER matches
            continue
        ctx.seg_text, ctx.seg_start = seg, seg_start
        for hit in _scan_segment(seg, seg_start):
            try:
                res = hit.rule.resolve(hit.match, ctx, hit)
            except (ValueError, OverflowError):     # off the calendar ("125,000 years ago")
                res = None
            if res is None:
                continue
            if res.anchors:
                point = _point_of(res.value) if res.type == "DATE" else None
                if point is None and res.date is not None:
                    point = ("day", res.date)
                if point is not None:
                    ctx.ref, ctx.ref_at = point, hit.start
            day = res.date if res.date is not None else _day_of(res.value)
            out.append(TimeExpr(span=Span(doc_id, hit.start, hit.end), text=text[hit.start:hit.end],
                                type=res.type, value=res.value, date=day,
                                since=_since(ctx, hit)))
    return out



def _day_of(value: str) -> Optional[dt.date]:
    """The day a TIMEX3 value names, when it names one ("2023-11-01T22:00" too)."""
    m = re.match(r"(\d{4})-(\d\d)-(\d\d)(?![\d-])", value)
    if m and _valid_day(int(m[1]), int(m[2]), int(m[3])):
        return dt.date(int(m[1]), int(m[2]), int(m[3]))
    return None


REPORTING_LEMMAS = {"say", "tell", "report", "announce", "add", "state", "confirm", "claim", "update", "publish",
                    "release", "accord", "according", "note", "declare", "estimate", "show", "quote", "tally", "count"}


def anchor_date(times: Sequence[TimeExpr], start: int, end: int, default: dt.date, doc=None) -> dt.date:
    """The day a statement in characters ``[start, end)`` (a sentence or clause) is dated to.

    Candidates are the expressions of ``times`` inside the range that name one day (``date``
    set), are not the start of a running period ("since October 7") and are not after
    ``default`` (the article date: nothing is reported from the future). The latest
    candidate wins: in "the toll from the Oct. 7 attack rose to 1,200, officials said on
    Friday" the statement is Friday's; in "Before Tuesday's blast, officials said ..." it
    is that Tuesday. ``default`` when there is no candidate.

    With ``doc`` (the parsed spaCy Doc) the parse refines this: a day governed by a
    reporting verb ("said on Sunday", "told reporters Tuesday") wins outright, and a day
    used as an event's name ("Hamas' Oct. 7 attack": a compound/possessive modifier of a
    noun) more than a week before ``default`` is not a candidate.
    """
    cands = [t for t in times
             if t.date is not None and not t.since and start <= t.span.start and t.span.end <= end
             and t.date <= default]
    if doc is not None and cands:
        reported = [t for t in cands if _governing_lemma(doc, t) in REPORTING_LEMMAS]
        if reported:
            return max(t.date for t in reported)
        cands = [t for t in cands if not (_names_event(doc, t) and (default - t.date).days > 7)]
    return max((t.date for t in cands), default=default)


def _timex_root(doc, t: TimeExpr):
    span = doc.char_span(t.span.start, t.span.end, alignment_mode="expand")
    if span is None or not len(span) or not span[0].tag_:
        return None
    return span.root


def _governing_lemma(doc, t: TimeExpr) -> Optional[str]:
    """Lemma of the verb the expression hangs from (through "on", "at", ...)."""
    tok = _timex_root(doc, t)
    for _ in range(4):
        if tok is None or tok.head is tok:
            return None
        tok = tok.head
        if tok.pos_ in ("VERB", "AUX") or tok.lower_ == "according":
            return tok.lemma_.lower()
        if tok.pos_ not in ("ADP",):
            return None
    return None


def _names_event(doc, t: TimeExpr) -> bool:
    root = _timex_root(doc, t)
    return root is not None and root.dep_ in ("compound", "nmod", "amod", "poss") and root.head.pos_ in ("NOUN", "PROPN")
