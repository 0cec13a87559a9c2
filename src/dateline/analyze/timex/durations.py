"""Rules for durations ("three days"), sets ("every Friday", "daily") and references to the present, past
and future ("now", "recently")."""
from __future__ import annotations

import re

from ..lexicon.calendar import DAY_PARTS, SEASONS, WEEKDAYS
from .grammar import APPROX, NUM, UNIT, UNIT_PLURAL, WEEKDAY, _NUM_WORD, _alt
from .calendar import _duration_value, _number, _unit_key
from .registry import Resolved, rule


# -- durations and sets


def _duration_ok(m, s):
    after = s[m.end():]
    if re.match(r"[\s-]+old\b", after) or re.match(r"-old\b", after):
        return False                          # ages are not timexes here ("a 20-year-old")
    n = m["n"].lower()
    if n in ("a", "an") and not m["det"] and not m["approx"]:
        # "$5 a year", "twice a day" are sets, handled by the "per" rule
        if re.search(r"(?:\d|\btimes|\btwice|\bonce|[a-z]s)\s*$", s[:m.start()], re.I) \
                and m["unit"].lower() in ("day", "week", "month", "year", "hour"):
            return False
    if n in ("many",) and not m["det"]:
        return False
    if _unit_key(m["unit"]) == "second" and not re.match(r"\d", n) and not m["unit"].lower().endswith("s"):
        return False                          # "a second group" is an ordinal
    if m["unit"].lower().startswith("quarter") \
            and (re.match(r"\s+of\b", after) or "-" in m.group(0)[m.start("n") - m.start():]):
        return False                          # "three-quarters of the vote"
    return True


@rule("duration", rf"(?:(?P<approx>{APPROX})\s+)?(?:(?P<det>the|this|that|these|those|each\s+of\s+the"
                  rf"|the\s+(?:past|last|next|first|final|previous|coming|following|latest|remaining|initial|entire"
                  rf"|whole|full|same|other|additional|last|recent))\s+)?(?P<n>{NUM})(?:[\s-]+and[\s-]+a[\s-]+half)?"
                  rf"[\s-]+(?:(?:more|additional|extra|full|straight|consecutive|long|short|trading|business|working"
                  rf"|calendar|school)\s+)?(?P<unit>{UNIT}s?|{UNIT_PLURAL}|millennia)(?:['’](?!s\b))?(?![\w-])"
                  rf"(?:\s+and\s+a\s+half\b|[\s-]+long\b)?",
      valid=_duration_ok, extent=lambda m, s: _duration_extent(m, s),
      examples=("The siege lasted three weeks.", "Talks went on for almost seven hours.",
                "The 11-day blockade ended at last."),
      counter_examples=("The suspect, 20 years old, was detained.",),
      why="an amount of time; not an age ('a 20-year-old'), a rate ('$5 a year') or an ordinal ('a second group')")
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


@rule("vague-span", rf"(?:(?P<det>(?:the\s+)?(?:past|last|next|coming|following|previous|recent|more\s+recent)"
                    rf"(?:\s+(?:few|several|many|couple\s+of))?)\s+)?(?P<unit>{UNIT_PLURAL})\b(?![\w-])",
      valid=lambda m, s: not re.match(r"[\s-]+old\b", s[m.end():]) and not re.search(
          r"\b(?:\d[\d,.]*|one|two|three|four|five|six|seven|eight|nine|ten|a|an|few|several|many|couple\s+of"
          r"|dozens\s+of|hundreds\s+of)\s*-?\s*$", s[:m.start()], re.I),
      examples=("Prices have climbed in recent months.", "The repairs could take years."),
      counter_examples=("She spent 5 days in hospital.",),
      why="an unspecified amount of time; not the unit of a counted one ('5 days')")
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
_ADVERB_FOLLOWS = re.compile(r"\s*(?:[.,;:!?)\"”'’]|$|(?:and|or|in|on|at|for|from|to|since|until|with|by|during|as"
                             r"|but|basis|than)\b)", re.I)


@rule("set", rf"(?P<q>every|each|per)\s+(?:(?P<n>{NUM})\s+|other\s+)?(?P<unit>(?!second){UNIT}|{WEEKDAY}|season"
             rf"|summer|winter|spring|autumn|morning|evening|afternoon)\b"
             rf"|(?P<adv>daily|weekly|monthly|yearly|annually|hourly|nightly|quarterly)\b"
             rf"|(?P<freq>twice|once|thrice|(?:\d+|{_NUM_WORD})\s+times)\s+(?:a|an|per|every|each)\s+"
             rf"(?P<funit>day|week|month|year|hour|minute)\b",
      valid=lambda m, s: not (m["adv"] or "").lower() == "quarterly" or bool(_ADVERB_FOLLOWS.match(s[m.end():])),
      examples=("The committee meets every Friday.", "Dividends are paid quarterly.",
                "The ferry runs twice a day."),
      counter_examples=("The company raised its quarterly dividend.",),
      why="a recurrence; 'quarterly' only as an adverb")
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
      and not re.search(r"\b(?:for|in|within|over|than|after|about|nearly|almost|around|of|once|twice)\s*$",
                        s[:m.start()], re.I)
      and not re.match(r"\s+(?:ago|earlier|later|before|after|or)\b", s[m.end():], re.I),
      examples=("Workers earn $5 a day.", "The pump moves 40 litres an hour."),
      counter_examples=("The two sides met for talks a week ago.",),
      why="a rate's period after an amount; not 'a week ago' nor 'for a week'")
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
      valid=lambda m, s: _ref_ok(m, s),
      examples=("The border is currently closed.", "Prices have fallen recently."),
      counter_examples=("The current account deficit widened.",),
      why="the present, the past or the future in general; not 'current account', 'the past few weeks'")
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
