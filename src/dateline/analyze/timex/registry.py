"""The timex rules' registry and what a resolver works with.

``rule(name, pattern, valid=..., examples=..., counter_examples=...)`` registers a resolver as one row of
the ``timex.rules`` table (built in ``extract``, in registration order: the order of precedence). A row
is an ``analyze.rules.Rule``: ``when`` is the check a match must pass (``valid(m, segment)``; None lets
every match through), ``then`` the resolver; ``examples`` are sentences on which the rule must find an
expression, ``counter_examples`` near misses its check exists to refuse.

The context (``_Context``: article date, last point named, parse) notes on the expression's trace what
the resolver consulted: the tense verdict and why (``timex.tense``), the article date or the last point
named (``timex.anchor``).
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Callable, Optional

from .. import rules
from ..lexicon.named_events import NAMED_EVENTS
from .grammar import MONTH, MONTH_SOLO, WEEKDAY
from .tense import FUTURE_CUES, tense_reason


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
    """What resolution needs: the article date, the last point mentioned, the parse; and the trace of the
    expression being resolved, on which it notes what the resolver consulted."""

    def __init__(self, doc, dct: dt.date):
        self.doc = doc
        self._dct = dct
        self._ref: tuple[str, dt.date] = ("day", dct)
        self.ref_at = -1                 # where the reference was written
        self.seg_text = ""
        self.seg_start = 0
        self.trace: Optional[rules.Trace] = None
        self.consulted: set[str] = set()     # "article-date", "last-named": what the resolver counted from

    @property
    def dct(self) -> dt.date:
        """The article date."""
        self.consulted.add("article-date")
        return self._dct

    @property
    def ref(self) -> tuple[str, dt.date]:
        """(granularity, first day) of the last point named before the expression (the article date at first)."""
        self.consulted.add("last-named")
        return self._ref

    @ref.setter
    def ref(self, point: tuple[str, dt.date]) -> None:
        self._ref = point

    def start(self, trace: Optional[rules.Trace]) -> None:
        """Resolve the next expression, noting on ``trace``."""
        self.trace = trace
        self.consulted = set()

    def tense(self, start: int, end: int) -> Optional[str]:
        verdict, why, word = self._tense(start, end)
        if self.trace is not None:
            self.trace.note("timex.tense", f"{verdict or 'none'}/{why}", word)
        return verdict

    def _tense(self, start: int, end: int) -> tuple[Optional[str], str, str]:
        """(verdict, why, the words that decided)."""
        before = self.before(start, 40)
        if cue := FUTURE_CUES.search(before):
            return "FUTURE", "cue-before", cue.group(0).strip()
        if since := re.search(r"\b(?:ever\s+)?since\s+(?:the\s+)?$", before, re.I):
            return "PAST", "since", since.group(0).strip()
        return tense_reason(self.doc, start, end) if self.doc is not None else (None, "unparsed", "")

    def before(self, start: int, n: int = 30) -> str:
        """Up to ``n`` characters of the segment before document offset ``start``."""
        rel = start - self.seg_start
        return self.seg_text[max(0, rel - n):rel]

    def after(self, end: int, n: int = 30) -> str:
        """Up to ``n`` characters of the segment after document offset ``end``."""
        rel = end - self.seg_start
        return self.seg_text[rel:rel + n]


# --- rules --------------------------------------------------------------------------

Resolver = Callable[[re.Match, "_Context", "Hit"], Optional[Resolved]]


@dataclass(frozen=True)
class Rule(rules.Rule):
    """A row of ``timex.rules``: ``when`` is the check a match must pass (``valid``), ``then`` the resolver."""
    pattern: Optional[re.Pattern] = None
    kind: str = "date"          # "clock": a time of day; "day": names one day (mergeable)
    extent: Optional[Callable[[re.Match, str], tuple[int, int]]] = None   # default: the match
    anchor: Optional[re.Pattern] = None   # cheap test: segments without it are not scanned

    @property
    def valid(self) -> Optional[Callable[[re.Match, str], bool]]:
        return self.when

    @property
    def resolve(self) -> Resolver:
        return self.then


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
    "iso": r"\d[-/.]\d", "numeric": r"\d[/.-]\d", "numeric-short": r"\(\d\d?/\d",
    "named-event": "|".join(f for ev in NAMED_EVENTS for f in ev.written),
    "month-day": MONTH, "day-month": MONTH,
    "day-of-this-month": r"the\s+\d\d?(?:st|nd|rd|th)\b", "month-year": MONTH, "month": MONTH_SOLO, "year": r"\d{4}",
    "decade": r"0s\b|ties\b", "century": r"century",
    "season": r"spring|summer|autumn|fall|winter", "quarter": r"quarter|\bQ[1-4]", "half": r"half",
    "holiday": r"christmas|boxing|new\s+year|halloween|valentine|thanksgiving|easter",
    "deictic": rf"yesterday|today|tomorrow|tonight|overnight|{_PARTS}", "weekday": WEEKDAY,
    "relative": rf"week|month|year|decade|day|{_PARTS}", "ago": r"\b(?:ago|hence|now|back)\b",
    "year-earlier": r"year[\s-](?:earlier|ago)", "the-day": r"\bthe\s+day\b",
    "duration": _UNIT_WORDS, "vague-span": _UNIT_WORDS,
    "set": r"every|each|per\b|daily|weekly|monthly|yearly|annually|hourly|nightly|quarterly|twice|once|thrice|times",
    "per": r"\b(?:a|an|per)\s+(?:day|week|month|year|hour)\b",
    "ref": r"now|current|present|recent|lately|past|future|moment|these\s+days",
    "clock-ampm": r"\d\s*[ap]\.?\s?m", "clock-24": r"\d\d\s*(?:[A-Z]{2,4}|local|h)", "clock-at": r"\d:\d",
    "noon": r"noon|midnight|midday",
}


def rule(name: str, pattern: str, valid=None, kind: str = "date", extent=None, flags=re.I,
         examples: tuple[str, ...] = (), counter_examples: tuple[str, ...] = (), why: str = ""):
    def register(fn: Resolver) -> Resolver:
        anchor = re.compile(_RULE_ANCHORS[name], re.I)
        _RULES.append(Rule(name, valid, fn, tuple(examples), tuple(counter_examples), why,
                           re.compile(pattern, flags), kind, extent, anchor))
        return fn
    return register


def _since(ctx: _Context, hit: Hit) -> bool:
    return bool(re.search(r"\b(?:ever\s+)?since\s+(?:the\s+)?$", ctx.before(hit.start, 20), re.I))
