"""Written quantities in text, with exact offsets, values and what kind of number they are.

``find_numbers(text)`` returns every number it can read ("8,796", "1 400", "1.4 million",
"2 crore", "two hundred", "a dozen", "between 100 and 150", "12-13") as a :class:`Number`
with character offsets into ``text`` and a ``kind``: ``count`` for a plain cardinal that may
count people or things, or the reason it is not one (``year``, ``date``, ``time``,
``percent``, ``money``, ``ordinal``, ``age``, ``duration``, ``unit``, ``label``, ``score``,
``decade``, ``fraction``, ``magnitude``). ``find_counts`` keeps the ``count`` ones.

Decisions (documented because news text is ambiguous):
- "dozens", "hundreds", "thousands", "scores", "tens of thousands", "several hundred" are
  vague and carry no value: they are not numbers here. "a dozen" is 12, "two dozen" 24.
- A space, no-break space or thin space groups thousands ("1 400", "7 000") only between
  a 1-3 digit group and exact 3-digit groups, and never right after a month name
  ("Oct 7 200 people" is a date and a count).
- A four-digit number from 1900 to 2099 without separator is a year unless a qualifier
  ("about 2000") or a plural noun ("2000 people") shows it is a count; "of" after a part of
  a period ("the start of 2009", "the summer of 2014") is no qualifier.
- A number with a fractional part and no scale word ("743.33", "3.5") counts no people or
  things: a ``fraction`` ("1.5 million" is a count).
- "A-B" / "A to B" / "between A and B" / "A or B" is a range only when B > A; "13-1" is a score.
  "from A to B" is a change ("rose from 50 to 80"), unless a verb of spread says it is a range
  ("estimates range from 50,000 to at least 200,000").
- Continental separators, as translated and scraper copies print them, are read where the form
  is unambiguous: "9.770 people" (dot-grouped thousands before a word) is 9,770 and "1,2 million"
  (a decimal comma before a scale word) is 1.2 million.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from .lexicon.calendar import MONTH_ALT
from .lexicon.numbers import DIGIT_SCALES, SCALES, TENS as _TENS, TENS_MISSPELT, UNITS
from .rules import Rule, Table, new_trace, tracing

__all__ = ["Number", "find_numbers", "find_counts", "parse_number", "word_value"]


@dataclass(frozen=True)
class Number:
    start: int
    end: int
    text: str
    value: float
    value_max: Optional[float] = None
    kind: str = "count"
    words: bool = False          # written with number words ("two hundred")

    @property
    def is_count(self) -> bool:
        return self.kind == "count"


# --- lexicons ---------------------------------------------------------------------

# number words and month words: one copy, in ``lexicon``; "fourty" is read here too
TENS = dict(sorted({**_TENS, **TENS_MISSPELT}.items(), key=lambda kv: kv[1]))     # "fourty" next to "forty"
MONTHS = MONTH_ALT
QUALIFIER_WORDS = ("about|around|some|roughly|approximately|nearly|almost|over|more than|at least|"
                   "as many as|up to|fewer than|less than|under|than|estimated|only|just|exactly|"
                   "least|total of|toll of|of|to|past|tops?|topped|reached|surpassed|exceeded|crossed")

_NUMWORD = "|".join(sorted(list(UNITS) + list(TENS) + list(SCALES) + ["dozen", "a", "an", "and", "half"],
                          key=len, reverse=True))

# digits: comma groups, thin/no-break space groups, plain-space groups, or a plain run; never
# the tail of another number ("1,200"), but a count glued after a word's comma is one
# ("killed,4,500 wounded": see nlp.split_glued_punctuation)
_DIGITS = (r"(?:(?<![\w.,/:])|(?<=[A-Za-z%)\]],))"
           r"(?:\d{1,3},\d{1,2}(?=[ \u00a0]?(?:million|billion|mn|bn)\b)|\d{1,3}(?:,\d{3})+(?![\d])"
           r"|\d{1,3}(?:[\u00a0\u202f\u2009]\d{3})+(?![\d])"
           r"|\d{1,3}(?: \d{3})+(?![\d,])|\d{1,3}(?:\.\d{3}){2,}(?![\d.])|\d+)(?:\.\d+)?")
_SCALE_AFTER = re.compile(r"(?:[ \u00a0\-]?(million|millions|billion|thousand|hundred|lakhs?|lacs?|crores?|mn|mln|bn)"
                          r"|(m|bn|mn|k))\b", re.I)
_DIGITS_RE = re.compile(_DIGITS)
_SPACED_M = re.compile(r"[ \u00a0](m)\b(?=\s+(?!(?:high|tall|deep|long|wide|thick|above|below|in|of|from|to)\b)"
                       r"(?:[a-z]|[A-Z][a-z]+(?:ns|is|es|ese|ans)\b))")      # "1.5 m people", "1.5 m Haitians"
_WORD_RE = re.compile(r"\b[A-Za-z]+\b")

# the other day of a pair of days: "February 3 and [4]", "[12] and 13 March"
_DAY_PAIR_BEFORE = re.compile(rf"\b(?:{MONTHS})\.?\s+\d{{1,2}}\s*(?:and|or|to|-)\s*$", re.I)
_DAY_PAIR_AFTER = re.compile(rf"^\s*(?:and|or|to|-)\s*\d{{1,2}}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:{MONTHS})\b", re.I)
_MONTH_BEFORE = re.compile(rf"\b(?:{MONTHS})\.?,?\s*$", re.I)
_MONTH_AFTER = re.compile(rf"^(?:st|nd|rd|th)?\s*(?:of\s+)?(?:{MONTHS})\b", re.I)
_CURRENCY_BEFORE = re.compile(r"(?:[$€£¥₹₪]|\b(?:US|USD|EUR|GBP|Rs\.?|INR|NIS|AED|SAR|QAR|C|A|HK)\s?\$?)\s*$")
_CURRENCY_AFTER = re.compile(
    r"^\s*(?:(?:million|billion|thousand|mn|bn)\s+)?(?:dollars?|euros?|pounds|sterling|rupees?|shekels?|"
    r"dirhams?|riyals?|yuan|yen|francs?|usd|eur|gbp|inr|nis)\b", re.I)
_PERCENT_AFTER = re.compile(r"^\s*(?:%|per\s?cent\b|percent\b|pc\b|percentage points?\b)", re.I)
_TIME_AFTER = re.compile(r"^\s*(?:a\.m\.|p\.m\.|am\b|pm\b|gmt\b|utc\b|et\b|est\b|edt\b|cet\b|ist\b|pkt\b|"
                         r"hkt\b|hrs\b|hours? local|local time|o'clock)", re.I)
_CLOCK = re.compile(r"\d{1,2}[:.]\d{2}(?:[:.]\d{2})?\s*(?:a\.m\.|p\.m\.|am|pm)?", re.I)
_SLASH_DATE = re.compile(r"\d{1,4}[/.-]\d{1,2}(?:[/.-]\d{2,4})?")
_ISO_DATE = re.compile(r"\b\d{4}-\d{2}-\d{2}\b")
_AGE_BEFORE = re.compile(r"\b(?:aged|age|ages|aged between|aged from|in age from)\s*(?:of\s+|between\s+|from\s+)?$",
                         re.I)
_AGE_AFTER = re.compile(r"^(?:-|\s)?(?:years?|months?|weeks?|days?)[\s-]+old\b|^-year|^\s*yrs?\b", re.I)
def _years_span(body: str) -> bool:
    """"1979-1981", "1992–2002", "2014-16": two years, the second after the first, at most 30 apart."""
    m = re.fullmatch(r"((?:19|20)\d\d)\s*[-–]\s*((?:19|20)?\d\d)", body.strip())
    if not m:
        return False
    first, second = int(m.group(1)), m.group(2)
    end = int(second) if len(second) == 4 else first // 100 * 100 + int(second)
    return first < end <= first + 30


# "two-thirds", "three-quarters": the part words of a fraction written with a hyphen
_FRACTION_PART_AFTER = re.compile(
    r"^-(?:halves|thirds?|quarters?|fifths?|sixths?|sevenths?|eighths?|ninths?|tenths?)\b", re.I)
# "six-story", "24-storey", "three-floor": a building's height
_STOREYS_AFTER = re.compile(r"^[\s-](?:stor(?:e)?y|stories|storeys|floors?)\b(?!\s+of\b)", re.I)
_DURATION_AFTER = re.compile(
    r"^(?:[\s-]|\s+(?:more|additional|extra|long|straight|consecutive|full|whole)\s+)?"
    r"(?:seconds?|minutes?|mins?|hours?|hrs?|days?|nights?|weeks?|months?|years?|decades?|centuries|century)\b", re.I)
_UNIT_AFTER = re.compile(
    r"^\s?(?:km|kms|kilomet(?:er|re)s?|miles?|met(?:er|re)s?|m2|sq\.?|square|feet|foot|ft|inch(?:es)?|"
    r"kg|kilos?|kilograms?|grams?|tonnes?|tons?|lit(?:er|re)s?|gallons?|barrels?|mm|cm|acres?|hectares?|"
    r"mw|gw|kwh|gb|mb|mph|km/h|degrees?|°|calories?)\b", re.I)
_ORDINAL_AFTER = re.compile(r"^(?:st|nd|rd|th)\b", re.I)
_DECADE_AFTER = re.compile(r"^'?s\b")
_PLURAL_NOUN_AFTER = re.compile(r"^\s+(?:[a-z]+(?:s|people|men|women|children)\b|people\b)")
_QUALIFIER_BEFORE = re.compile(rf"\b(?:{QUALIFIER_WORDS})\s*$", re.I)
_FRACTION = re.compile(r"\d+\.\d+")      # "743.33", "3.5": no scale word after it
_PERIOD_OF_BEFORE = re.compile(r"\b(?:start|end|beginning|middle|rest|course|turn|spring|summer|autumn|fall|winter"
                               r"|half|quarter)\s+of\s*$", re.I)
# "the dead of 1998", "the floods of 2010", "the war of 1967": a happening (or its dead) named by its year
_HAPPENING_OF_BEFORE = re.compile(r"\b(?:dead|victims|wars?|attacks?|bombings?|floods?|earthquakes?|quakes?|tsunamis?"
                                  r"|hurricanes?|storms?|cyclones?|typhoons?|fires?|crisis|revolution|revolt|uprising"
                                  r"|massacres?|riots?|famine|genocide|invasion|coup|elections?|disaster|spill|crash"
                                  r"|pandemic|epidemic|outbreak)\s+of\s*$", re.I)
_LETTER_BEFORE = re.compile(r"[A-Za-z][\-]?$|#$|\bNo\.?\s?$")
_LETTERS_AFTER = re.compile(r"^[A-Za-z]")
# the strength of an earthquake: "7.0-magnitude", "a 6.1 magnitude quake", "magnitude 7", "measured 7 on the
# Richter scale", "a magnitude of 7"
_MAGNITUDE_AFTER = re.compile(r"^(?:-|\s)?(?:magnitude|richter)\b|^\s+on\s+the\s+(?:richter|moment[- ]magnitude)\b",
                              re.I)
_MAGNITUDE_BEFORE = re.compile(r"\bmagnitude(?:\s+of)?[\s-]*$|\brichter\s+(?:scale\s+)?(?:reading\s+)?of\s*$", re.I)
_VAGUE_AFTER = re.compile(r"^\s*(?:of\s+)?(?:thousands|hundreds|millions|dozens)\b", re.I)


# --- parsing single numbers ------------------------------------------------------------

def _digits_value(s: str) -> float:
    return float(re.sub(r"[,\u00a0\u202f\u2009 ]", "", s))


def word_value(words: list[str]) -> Optional[float]:
    """Value of a sequence of number words ("two", "hundred", "and", "fifty"); None if not a number."""
    total = 0.0
    current = 0.0
    seen = False
    last = None                      # "unit", "ten", "hundred", "scale"
    for raw in words:
        w = raw.lower()
        if w in ("and",):
            continue
        if w in ("a", "an"):
            if seen:
                return None
            current = 1
            last = "a"
            continue
        if w == "half":
            current = 0.5
            last = "a"
            continue
        if w == "dozen":
            current = (current or 1) * 12
            seen, last = True, "scale"
            continue
        if w in UNITS:
            if last in ("unit",) or (last == "ten" and UNITS[w] >= 10):
                return None
            current += UNITS[w]
            last = "unit"
        elif w in TENS:
            if last in ("unit", "ten"):
                return None
            current += TENS[w]
            last = "ten"
        elif w == "hundred":
            current = (current or 1) * 100
            last = "hundred"
        elif w in SCALES:
            total += (current or 1) * SCALES[w]
            current = 0
            last = "scale"
        else:
            return None
        seen = True
    if not seen:
        return None
    return total + current


def parse_number(text: str) -> Optional[float]:
    """Value of one written number: "8,796", "1 400", "1.4 million", "2 crore", "two hundred", "a dozen"."""
    found = find_numbers(text)
    if len(found) == 1 and found[0].start == 0 and found[0].end == len(text.strip()):
        return found[0].value
    return None


# --- scanning ----------------------------------------------------------------------------

@dataclass
class _Raw:
    start: int
    end: int
    value: float
    words: bool
    plain_int: bool = False      # digits only, no separator, no decimals, no scale


def _scan_digits(text: str) -> list[_Raw]:
    out = []
    for m in _DIGITS_RE.finditer(text):
        s, e = m.start(), m.end()
        body = m.group(0)
        if " " in body and _MONTH_BEFORE.search(text[:s]):
            # "Oct 7 200 people": keep the first group only
            first = re.match(r"\d+", body).group(0)
            out.append(_Raw(s, s + len(first), float(first), False, True))
            rest = body[len(first):].lstrip()
            rs = e - len(rest)
            out.append(_Raw(rs, e, float(rest), False, True))
            continue
        plain = bool(re.fullmatch(r"\d+", body))
        sm = _SCALE_AFTER.match(text, e)
        if sm is None and "." in body:
            sm = _SPACED_M.match(text, e)      # "1.5 m people": a decimal, a spaced "m", a noun
        if re.fullmatch(r"\d{1,3},\d{1,2}", body):
            value = float(body.replace(",", "."))          # decimal comma before a scale: "1,2 million"
        elif re.fullmatch(r"\d{1,3}(?:\.\d{3}){2,}", body) or (
                re.fullmatch(r"\d{1,3}\.\d{3}", body) and not sm and re.match(r"[ \u00a0]+[A-Za-z]", text[e:e + 3])):
            value = float(body.replace(".", ""))           # dotted thousands: "1.234.567", "9.770 people"
        else:
            value = _digits_value(body)
        if sm and (sm.group(1) or not _LETTERS_AFTER.match(text[sm.end():sm.end() + 1] or " ")):
            word = (sm.group(1) or sm.group(2)).lower()
            # "15m" could be metres: only read attached "m" as million after a decimal or before a noun
            if word == "m" and not ("." in body or re.match(r"\s+[a-z]", text[sm.end():sm.end() + 3])):
                pass
            else:
                value *= DIGIT_SCALES[word]
                e = sm.end()
                plain = False
                # "4 hundred million": a second scale word multiplies again
                sm2 = _SCALE_AFTER.match(text, e)
                if sm2 and sm2.group(1) and DIGIT_SCALES[sm2.group(1).lower()] > DIGIT_SCALES[word]:
                    value *= DIGIT_SCALES[sm2.group(1).lower()]
                    e = sm2.end()
        # "4.1 million" is 4,100,000, not 4.1 * 10**6 = 4,099,999.9999999995
        out.append(_Raw(s, e, value if plain else round(value, 6), False, plain))
    return out


def _scan_words(text: str) -> list[_Raw]:
    """Maximal runs of number words, joined by spaces, hyphens or "and"."""
    tokens = [(m.start(), m.end(), m.group(0)) for m in _WORD_RE.finditer(text)]
    out = []
    i = 0
    while i < len(tokens):
        s, e, w = tokens[i]
        lw = w.lower()
        if lw not in UNITS and lw not in TENS and lw not in SCALES and lw not in ("a", "an", "dozen", "half"):
            i += 1
            continue
        # grow the run while the next token is a number word and the gap is a space, hyphen or " and "
        j = i
        while j + 1 < len(tokens):
            gap = text[tokens[j][1]:tokens[j + 1][0]]
            nxt = tokens[j + 1][2].lower()
            if gap in (" ", "-", "\u00a0") and (nxt in UNITS or nxt in TENS or nxt in SCALES or nxt == "dozen"
                                               or (nxt == "and" and j + 2 < len(tokens))):
                j += 1
                continue
            break
        # trim trailing "and", and leading "a"/"an"/"half" that do not start a number
        run = tokens[i:j + 1]
        while run and run[-1][2].lower() in ("and", "a", "an", "half"):
            run = run[:-1]
        words = [t[2] for t in run]
        if not run or all(w.lower() in ("a", "an", "half", "and") for w in words):
            i = j + 1
            continue
        if words[0].lower() in ("a", "an", "half") and words[1].lower() not in SCALES and words[1].lower() != "dozen":
            run, words = run[1:], words[1:]
        if len(words) == 1 and words[0].lower() == "one" and re.search(r"\b(?:no|not)[\s-]$", text[:run[0][0]], re.I):
            i = j + 1                  # "no one", "no-one", "not one": nobody
            continue
        if len(words) == 1 and (words[0].lower() in SCALES or words[0].lower() == "dozen") and \
                not re.search(r"\b(?:a|one)\s*$", text[:run[0][0]], re.I):
            # a bare scale word without a multiplier ("several hundred", "a few thousand"): vague; kept only
            # after "a" (handled above)
            i = j + 1
            continue
        if words[-1].lower() in SCALES and text[run[-1][1]:run[-1][1] + 1] == "s":
            i = j + 1                  # "hundreds", "thousands": vague
            continue
        value = word_value(words)
        if value is None:
            # split invalid runs ("two three") into single words
            for t in run:
                v = word_value([t[2]])
                if v is not None and t[2].lower() not in ("a", "an", "and", "half"):
                    out.append(_Raw(t[0], t[1], v, True))
            i = j + 1
            continue
        out.append(_Raw(run[0][0], run[-1][1], value, True))
        i = j + 1
    return out


# a fraction of a scale word: "half a million", "a quarter of a million", "two-thirds of a million",
# "a million and a half" (not "a million" alone, which the word scanner would keep)
_FRACTIONS = {"half": 0.5, "a half": 0.5, "one half": 0.5, "a quarter": 0.25, "one quarter": 0.25,
              "three quarters": 0.75, "three-quarters": 0.75, "a third": 1 / 3, "one third": 1 / 3,
              "two thirds": 2 / 3, "two-thirds": 2 / 3}
_FRACTION_OF = re.compile(r"\b(?P<f>half|(?:a|one)\s+half|(?:a|one)\s+quarter|three[\s-]quarters|(?:a|one)\s+third|"
                          r"two[\s-]thirds)\s+(?:of\s+)?(?:a|an|one)\s+(?P<scale>million|billion|thousand|hundred|dozen)\b",
                          re.I)
# ("a million and half" as wire copy drops the article; "one and a half million" puts the fraction first)
_AND_A_HALF = re.compile(r"\b(?:a|an|one)\s+(?P<scale>million|billion|thousand|hundred|dozen)\s+and\s+"
                         r"(?:a\s+)?half\b(?!-)"
                         r"|\b(?:a|an|one)\s+and\s+a\s+half\s+(?P<scale2>million|billion|thousand|hundred|dozen)\b",
                         re.I)


def _scan_fractions(text: str) -> list[_Raw]:
    out = []
    for m in _FRACTION_OF.finditer(text):
        f = _FRACTIONS[re.sub(r"\s+", " ", m.group("f").lower())]
        scale = 12 if m.group("scale").lower() == "dozen" else SCALES[m.group("scale").lower()]
        out.append(_Raw(m.start(), m.end(), round(f * scale, 6), True))
    for m in _AND_A_HALF.finditer(text):
        word = (m.group("scale") or m.group("scale2")).lower()
        scale = 12 if word == "dozen" else SCALES[word]
        out.append(_Raw(m.start(), m.end(), 1.5 * scale, True))
    return out


def _join_digit_words(text: str, raws: list[_Raw]) -> list[_Raw]:
    """Digits followed by a scale word already handled; also drop word runs inside digit spans."""
    raws.sort(key=lambda r: (r.start, -r.end))
    out: list[_Raw] = []
    for r in raws:
        if out and r.start < out[-1].end:
            continue
        out.append(r)
    return out


_RANGE_GAP = re.compile(r"^\s*(?:-|–|—|to|or)\s*$")
# "estimates range from 50,000 to at least 200,000", "figures vary from 300 to 800": a verb of spread before
# "from A to B" makes it a range (after other verbs "from A to B" is a change: "rose from 50 to 80")
_FIRST_QUALIFIER = r"(?:about|around|some|nearly|almost|roughly|approximately|over|just|more\s+than|at\s+least)"
_SPREAD_FROM = re.compile(r"\b(?:range[sd]?|ranging|var(?:y|ies|ied|ying)|span(?:s|ned|ning)?)\s+from\s+"
                          rf"(?:{_FIRST_QUALIFIER}\s+)?$", re.I)
# "rose from (around) 300 to 450": the start of a change, also behind a qualifier
_CHANGE_FROM = re.compile(rf"\bfrom\s+(?:{_FIRST_QUALIFIER}\s+)?$", re.I)
# "children under five", "people over 65": a bound of age after a word for people
_UNDER_AN_AGE = re.compile(r"\b(?:children|child|kids|infants|babies|toddlers|people|adults|persons|those|men|women|"
                           r"anyone|everyone|residents|patients)\s+(?:aged\s+)?(?:under|over|below|above)\s*$", re.I)
_AFTER_AN_AGE = re.compile(r"^\s*(?:$|[,.;:)]|(?:years?|who|that|and|or|in|were|are|was|is|had|have|has|died|"
                           r"account|made|make|suffer|are)\b)", re.I)
_TO_QUALIFIED = re.compile(r"\s+to\s+(?:(?:at\s+least|more\s+than|over|as\s+many\s+as|as\s+high\s+as|about|"
                           r"around|some|nearly|almost|roughly|perhaps|possibly|maybe)\s+)?")


_A_MONTH_BEFORE = re.compile(r"\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+$", re.I)


def _ranges(text: str, raws: list[_Raw]) -> list[tuple[_Raw, Optional[_Raw]]]:
    """Pair "A-B", "A to B", "A or B" and "between A and B" into ranges when B > A."""
    out: list[tuple[_Raw, Optional[_Raw]]] = []
    i = 0
    while i < len(raws):
        a = raws[i]
        if i + 1 < len(raws):
            b = raws[i + 1]
            gap = text[a.end:b.start]
            before = text[max(0, a.start - 12):a.start]
            is_between = re.search(r"\bbetween\s*$", before, re.I) and re.fullmatch(r"\s+and\s+", gap)
            changed_from = _CHANGE_FROM.search(text[max(0, a.start - 28):a.start])
            is_dash = re.fullmatch(r"\s*[-–—]\s*", gap) or re.fullmatch(r"\s+to\s+", gap) or \
                (a.words and re.fullmatch(r"\s+or\s+", gap))          # "two or three", not "25k or 40k"
            spread = _SPREAD_FROM.search(text[max(0, a.start - 34):a.start]) and _TO_QUALIFIED.fullmatch(gap)
            # (not "since May 10 to 192": a day of a month begins no range)
            a_day = _A_MONTH_BEFORE.search(before) and a.value <= 31 and not a.words
            if (is_between or is_dash or spread) and (spread or not changed_from) \
                    and a.words == b.words and not (a_day and b.value > 31):
                if b.value > a.value:
                    out.append((_scaled_like(a, b) if is_dash and not a.words else a, b))
                    i += 2
                    continue
                if re.fullmatch(r"\s*[-–—]\s*", gap) and not a.words and \
                        (a.value < 100 or a.value < 1000 and not re.search(r"\s", gap)):
                    # (a score is small and mostly tight: "put the toll at 412 - 300 civilians and ..." is a total
                    # and a part)
                    out.append((a, _Raw(b.start, b.end, -1.0, False)))   # score marker
                    i += 2
                    continue
        out.append((a, None))
        i += 1
    return out


def _scaled_like(a: _Raw, b: _Raw) -> _Raw:
    """"5-600 refugees", "2-3,000 people": a one-digit first bound written short for the second's hundreds or
    thousands (500-600, 2,000-3,000); "1-100" and "5-500" stay as written."""
    if not (1 <= a.value < 10 and a.value == int(a.value) and b.value >= 100 and b.value == int(b.value)):
        return a
    unit = 10 ** (len(str(int(b.value))) - 1)
    if b.value % unit or a.value * unit >= b.value:
        return a
    return _Raw(a.start, a.end, a.value * unit, a.words, a.plain_int)


class _Seen:
    """What the kind rules look at: one number (or range) of ``text``, the characters around it, and
    whether a clock time or written date swallows it or it is the first of a falling pair (a score)."""

    __slots__ = ("text", "start", "end", "raw", "before", "after", "body", "blocked", "score")

    def __init__(self, text: str, start: int, end: int, raw: _Raw, blocked: Optional[str], score: bool):
        self.text, self.start, self.end, self.raw = text, start, end, raw
        self.before = text[max(0, start - 30):start]
        self.after = text[end:end + 40]
        self.body = text[start:end]
        self.blocked = blocked               # "time" / "date": inside "21:30", "12/03/2024", "2024-03-01"
        self.score = score                   # "3-1": a falling pair


def _plain_year(s: _Seen) -> bool:
    return s.raw.plain_int and 1900 <= s.raw.value <= 2099


# Which kind a number is: the first rule that holds decides. Rules on ``raw.words`` come first: a number
# written in words is read by the words after it only; the rules after them read digits.
KIND = Table("numbers.kind", runner="numbers", subject="a number read in a segment (_Seen)", rules=(
    Rule("time/in-clock-time", lambda s: s.blocked == "time", "time",
         examples=("The curfew began at 21:30 on Monday.",), why="a part of a clock time"),
    Rule("date/in-written-date", lambda s: s.blocked == "date", "date",
         examples=("The order was signed on 12/03/2024.", "The report is dated 2024-02-29."),
         why="a part of a date written with slashes or dashes"),
    Rule("score/falling-pair", lambda s: s.score, "score",
         examples=("The hosts won 3-1 in extra time.",),
         counter_examples=("Between 10-15 people were hurt in the crush.",),
         why="'A-B' with B below A is a score, not a range"),
    Rule("magnitude/quake-scale",
         lambda s: bool(_MAGNITUDE_AFTER.match(s.after) or _MAGNITUDE_BEFORE.search(s.before)), "magnitude",
         examples=("The 7.0-magnitude earthquake flattened the old town.", "A magnitude 7 quake struck at dawn.",
                   "The tremor measured 6 on the Richter scale.", "A 6 magnitude aftershock shook the port."),
         counter_examples=("The magnitude of the disaster grew as 300 bodies were found.",
                           "Police said 40 people on the Richmond road were hurt."),
         why="an earthquake's strength, whole-number decimals ('7.0') included, counts nobody"),
    # written in words
    Rule("age/words-years-old-or-aged",
         lambda s: s.raw.words and bool(re.match(r"^-(?:years?|months?|weeks?|days?)-old", s.after, re.I)
                                        or _AGE_BEFORE.search(s.before)), "age",
         examples=("A man aged forty was arrested.", "A five-year-old girl was found safe.")),
    Rule("duration/words-unit-after", lambda s: s.raw.words and bool(_DURATION_AFTER.match(s.after)), "duration",
         examples=("The talks lasted three days.",)),
    Rule("percent/words-percent-after", lambda s: s.raw.words and bool(_PERCENT_AFTER.match(s.after)), "percent",
         examples=("Turnout fell by ten percent.",)),
    Rule("money/words-currency-after", lambda s: s.raw.words and bool(_CURRENCY_AFTER.match(s.after)), "money",
         examples=("He was fined five dollars.",)),
    Rule("unit/words-measure-after", lambda s: s.raw.words and bool(_UNIT_AFTER.match(s.after)), "unit",
         examples=("The convoy travelled forty kilometres.",)),
    Rule("fraction/words-hyphen-part", lambda s: s.raw.words and bool(_FRACTION_PART_AFTER.match(s.after)), "fraction",
         examples=("Two-thirds of the city's residents fled, the UN said.",
                   "The blast destroyed three-quarters of the town.",
                   "One-fifth of the villagers were injured."),
         why="'two-thirds', 'three-quarters': a share of a whole, counting nobody"),
    Rule("size/storeys", lambda s: bool(_STOREYS_AFTER.match(s.after)), "size",
         examples=("Residents were evacuated from the six-story building.",
                   "The fire gutted a 24-storey tower block.",
                   "A three-floor house collapsed in the quake."),
         why="a building's floors count nobody"),
    Rule("age/under-or-over-an-age", lambda s: s.raw.value <= 120 and bool(_UNDER_AN_AGE.search(s.before))
         and bool(_AFTER_AN_AGE.match(s.after)), "age",
         examples=("The number of children under five who died rose sharply.",
                   "Vaccines were offered to all people over 65 in the camps.",
                   "Half of the children under 12 were malnourished, the agency said."),
         counter_examples=("Rescuers pulled children under 40 tonnes of rubble.",),
         why="'children under five', 'people over 65': an age bound, counting nobody"),
    Rule("count/words", lambda s: s.raw.words, "count",
         examples=("Three fishermen were rescued.",)),
    # written in digits
    Rule("time/clock-or-zone-after",
         lambda s: bool(re.match(r"^[:.]\d{2}", s.text[s.end:s.end + 3]) or _TIME_AFTER.match(s.after)), "time",
         examples=("The strike hit at 5 pm.",)),
    Rule("date/slash-next",
         lambda s: bool(re.match(r"^[/]\d", s.text[s.end:s.end + 2]) or re.search(r"\d[/]$", s.before)), "date",
         examples=("The archive lists resolution 24601/2 as void.",)),
    Rule("percent/after", lambda s: bool(_PERCENT_AFTER.match(s.after)), "percent",
         examples=("Inflation rose 4% in a year.",)),
    Rule("money/currency", lambda s: bool(_CURRENCY_BEFORE.search(s.before) or _CURRENCY_AFTER.match(s.after)),
         "money", examples=("The fund paid $300 to each family.", "The bridge cost 40 million euros.")),
    Rule("ordinal/suffix", lambda s: bool(_ORDINAL_AFTER.match(s.after)), "ordinal",
         examples=("She finished 3rd in the race.",)),
    Rule("decade/s-after", lambda s: bool(_DECADE_AFTER.match(s.after)), "decade",
         examples=("Prices last peaked in the 1990s.",)),
    Rule("label/letter-next", lambda s: bool(_LETTER_BEFORE.search(s.before) or _LETTERS_AFTER.match(s.after)),
         "label", examples=("Two F-16 jets flew over the port.", "Room 12B was sealed off."),
         why="a name or code: a letter right before or after the digits"),
    Rule("year/range-of-years", lambda s: _years_span(s.body), "year",
         examples=("The hostage crisis of 1979-1981 ended with the release of the diplomats.",
                   "The civil war of 1992–2002 left deep scars.",
                   "The 2014-2016 epidemic killed more than 11,000 people."),
         counter_examples=("Between 1,500-2,000 people fled the town.",),
         why="'1979-1981': a span of years, counting nobody"),
    Rule("age/aged-or-years-old", lambda s: bool(_AGE_BEFORE.search(s.before) or _AGE_AFTER.match(s.after)), "age",
         examples=("The victim, aged 34, was a teacher.", "Rescuers freed the 5-year-old boy.")),
    Rule("age/after-name",
         lambda s: bool(re.search(r"\b[A-Z][a-z]+,\s*$", s.before) and re.match(r"^\s*,", s.after))
         and s.raw.value < 120 and s.raw.plain_int, "age",
         examples=("Maria Lopez, 34, was named mayor.",),
         counter_examples=("In Lisbon, 300, mostly students, marched to the square.",),
         why="'Yotam Haim, 28, ...': a number between commas after a name"),
    Rule("date/day-of-month",
         lambda s: s.raw.plain_int and bool(_MONTH_BEFORE.search(s.before) or _MONTH_AFTER.match(s.after))
         and s.raw.value <= 31, "date",
         examples=("Talks began on March 3 in Geneva.", "The vote was held on 14 May."),
         counter_examples=("In March 300 families left the valley.",)),
    Rule("date/second-day-of-a-pair",
         lambda s: s.raw.plain_int and s.raw.value <= 31 and bool(_DAY_PAIR_BEFORE.search(s.before) or
                                                                  _DAY_PAIR_AFTER.match(s.after)), "date",
         examples=("Fighting on February 3 and 4 killed dozens of people in the city.",
                   "Storms on 12 and 13 March flooded the valley.",
                   "The strikes of 7 or 8 May hit the port."),
         counter_examples=("On February 3, 40 people were killed and 12 wounded.",),
         why="'February 3 and 4', '12 and 13 March': the second day of a pair of days counts nobody"),
    Rule("year/four-digits",
         lambda s: _plain_year(s) and len(s.body) == 4 and not _PLURAL_NOUN_AFTER.match(s.after)
         and bool(_PERIOD_OF_BEFORE.search(s.before) or _HAPPENING_OF_BEFORE.search(s.before)
                  or not _QUALIFIER_BEFORE.search(s.before)), "year",
         examples=("The bridge was built in 1998.", "Unrest grew at the start of 2009.",
                   "Relief for the dead of 1998 came slowly.", "The floods of 2010 were worse."),
         counter_examples=("Some 2000 people were evacuated.", "The toll rose to about 2000."),
         why="a year, unless a plural noun follows or a qualifier ('about') precedes it"),
    Rule("year/after-month", lambda s: _plain_year(s) and bool(_MONTH_BEFORE.search(s.before)), "year",
         examples=("In March 2020 doctors warned of shortages.",)),
    Rule("duration/unit-after", lambda s: bool(_DURATION_AFTER.match(s.after)), "duration",
         examples=("The siege lasted 40 days.",)),
    Rule("unit/measure-after", lambda s: bool(_UNIT_AFTER.match(s.after)), "unit",
         examples=("The convoy travelled 40 km.",)),
    Rule("fraction/decimal", lambda s: bool(_FRACTION.fullmatch(s.body)) and s.raw.value != int(s.raw.value),
         "fraction", examples=("The index rose 3.5 points.",),
         counter_examples=("Rescuers counted 9.770 people in the shelters.",),
         why="digits with a fractional part and no scale word count nobody ('9.770 people' is 9,770)"),
    Rule("count/default", lambda s: True, "count",
         examples=("Rescuers found 12 survivors.",)),
))


def find_numbers(text: str, base: int = 0, traced: bool = False) -> list[Number]:
    """Every number readable in ``text``; offsets are ``base`` + position in ``text``. With ``traced``
    each number gets a trace (kind ``number-kind``) of the rule that decided its kind."""
    if not text:
        return []
    raws = _join_digit_words(text, _scan_fractions(text) + _scan_digits(text) + _scan_words(text))
    # a clock time or slash date swallows its parts
    blocked = [(m.start(), m.end()) for m in _CLOCK.finditer(text) if ":" in m.group(0)]
    blocked += [(m.start(), m.end()) for m in _SLASH_DATE.finditer(text) if "/" in m.group(0)]
    blocked += [(m.start(), m.end()) for m in _ISO_DATE.finditer(text)]
    out: list[Number] = []
    for a, b in _ranges(text, raws):
        start, end = a.start, (b.end if b else a.end)
        inside = None
        if any(s <= start < e for s, e in blocked):
            inside = "time" if any(s <= start < e and ":" in text[s:e] for s, e in blocked) else "date"
        score = inside is None and b is not None and b.value < 0
        trace = new_trace("number-kind", text[start:end], base + start, base + end) if traced else None
        kind = KIND.decide(_Seen(text, start, end, b or a, inside, score), trace)
        if kind == "count" and _VAGUE_AFTER.match(text[end:end + 20]) and a.words:
            if trace is not None:
                trace.outcome = "dropped: vague ('dozens of')"
            continue
        if trace is not None:
            trace.outcome = f"kept: {kind}"
        out.append(Number(base + start, base + end, text[start:end], a.value,
                          b.value if b is not None and inside is None and not score else None, kind, a.words))
    return out


def trace_kinds(text: str) -> None:
    """Record the kind of every number of ``text``, segment by segment as the sentence filter reads them,
    when someone is collecting traces (``explain``); nothing otherwise."""
    if not tracing():
        return
    from .nlp import segment

    for start, end in segment(text):
        find_numbers(text[start:end], start, traced=True)


def find_counts(text: str, base: int = 0) -> list[Number]:
    """Numbers that may count people or things (not years, dates, money, percentages, ...)."""
    return [n for n in find_numbers(text, base) if n.is_count]
