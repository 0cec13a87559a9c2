"""Alerts over figure series: stale, regression, conflict, revision and date mismatch.

Each alert cites the figure it is about (``doc``, ``start``, ``end``: its
sentence) and the evidence that makes it suspicious, and explains itself in one
sentence. Thresholds live in :class:`AlertConfig`; the defaults and why:

- ``stale_days = 2``: wire copies and next-morning editions lag a day; a figure
  printed two or more days after a larger one was published is old news.
- ``stale_ratio = 0.25``: the larger figure must exceed the printed one by a
  quarter. "More than 1,400" usually means 1,400-1,499, and tolls of an active war
  grow by a few percent a day, so 25 % is beyond rounding and a day's growth.
- ``stale_week_ratio = 0.05``: once the larger figure is a week old
  (``stale_week_days = 7``), 5 % is enough: a week is long enough for any
  outlet to have caught up, so a lower print is an old figure, not rounding.
- Staleness compares a figure with everything already published about the same
  toll (measure, place, category), whoever the source: an old figure is old
  whichever source made it outdated. Regressions, revisions and conflicts stay
  within a source's series.
- ``conflict_tolerance = 0.10``: two sources may round differently ("about",
  "nearly"); beyond 10 % on the same day, after qualifiers, they disagree.
  Qualifiers are read literally for conflicts: "at least 700" and "over 1,000"
  are compatible.
- ``about_margin = 0.10``: "about/around/some N" covers N ± 10 %.
- ``regression_tolerance = 0.02``: a cumulative toll may be restated slightly.
- ``regression_share = 0.5``: a source's own running toll halving is not a restatement but another count
  read as this one (those left out of a breakdown, one town's dead); the regressions found by reading are
  70-80 % of the figure before.
- ``min_share = 0.05``: a "stale" figure below 5 % of the larger one is far more
  likely a different count (one strike's dead read as a running toll) than an
  old toll; the stale seed case is 16 %, a month-old reprint in the dev corpus 9 %.
- ``horizon_days = 365``: a figure is compared only with figures published in the year before it; a
  lower toll two years after a higher one (a flood's after an earthquake's in one country, a new war's
  after an old one's) is another toll, not a reprint of the old one.
- ``mismatch_days = 5``: tolls are updated daily; a figure identical to one
  reported five or more days before the article, when the toll has moved since
  and the text gives no date, is an old figure presented as current.
"""
from __future__ import annotations

import bisect
import datetime as dt
import math
import re
from dataclasses import dataclass, field
from typing import Iterable, Optional

import numpy

from ..consolidate.series import Point, Series
from ..format import qualified

REVISION_CUES = re.compile(r"\b(?:revis\w*|lowered|downgrad\w*|correct(?:ed|ion)|recount\w*|"
                           r"down from|updated? (?:its|the|their) (?:toll|figure|count)|counted twice|double count\w*)",
                           re.I)


# words that say a figure was wrong, not that what it counts changed
CORRECTION_CUES = re.compile(r"\b(?:correct(?:ed|ion)|recount\w*|counted twice|double count\w*|erroneous\w*|"
                             r"in error|revised (?:its|the|their) (?:toll|figure|count|estimate|tally)|"
                             r"revised (?:down|downward)s?)", re.I)


# Measures whose cumulative count can only grow; displaced people go home and hostages are
# released, so only "taken"/"seized" hostage counts grow.
MONOTONE = {"killed", "wounded", "evacuated", "aid_trucks"}
_TAKEN = re.compile(r"\b(?:seiz|took|taken|abduct|kidnap|captur)", re.I)


def monotone(p: Point, measure: str) -> bool:
    return measure in MONOTONE or (measure == "hostages" and bool(_TAKEN.search(p.sentence)))


def round_number(v: float) -> bool:
    """1,400 or 200 is how people round; 8,796 is a count someone made."""
    digits = str(int(v)).rstrip("0")
    return len(digits) <= 2


@dataclass
class AlertConfig:
    stale_days: int = 2
    stale_ratio: float = 0.25
    stale_week_days: int = 7
    stale_week_ratio: float = 0.05
    conflict_tolerance: float = 0.10
    about_margin: float = 0.10
    regression_tolerance: float = 0.02
    min_share: float = 0.05
    regression_share: float = 0.5
    mismatch_days: int = 5
    horizon_days: int = 365


@dataclass
class Alert:
    type: str                     # stale, regression, conflict, revision, date_mismatch
    point: Point
    explanation: str
    evidence: list[Point] = field(default_factory=list)
    series: Optional[str] = None

    def to_json(self) -> dict:
        return {"kind": "alert", "type": self.type, "doc": self.point.doc, "start": self.point.start,
                "end": self.point.end, "explanation": self.explanation,
                "evidence": [{"doc": p.doc, "start": p.start, "end": p.end} for p in self.evidence],
                "figure": self.point.figure, "series": self.series}


def bounds(p: Point, cfg: AlertConfig) -> tuple[float, float]:
    """What a reported figure literally allows."""
    v, q = p.value, p.qualifier
    if q == "about":
        return v * (1 - cfg.about_margin), v * (1 + cfg.about_margin)
    if q in ("at least", "more than"):
        return v, math.inf
    if q == "nearly":
        return v * (1 - cfg.about_margin), v
    if q == "up to":
        return 0.0, v
    if q == "range" and p.value_max:
        return v, p.value_max
    if q == "unclear":
        return 0.0, math.inf
    return v, v


def _fmt(p: Point) -> str:
    return qualified(p.value, p.qualifier, p.value_max)


def _cite(p: Point) -> str:
    return f"[{p.doc} {p.start}-{p.end}]"


def _independent(a: Point, b: Point) -> bool:
    """Different articles that are not copies of each other."""
    if a.doc == b.doc:
        return False
    return not (a.dup_group and a.dup_group == b.dup_group)


def check(series: Iterable[Series], cfg: Optional[AlertConfig] = None) -> list[Alert]:
    cfg = cfg or AlertConfig()
    # a figure no place holds (its text names none, or the story's figures do not bear out the article's)
    # is compared with nothing: unrelated counts of unknown places are no toll
    series = [s for s in series if s.place]
    alerts: list[Alert] = []
    tolls: dict[tuple, list[Point]] = {}
    for s in series:
        tolls.setdefault((s.measure, s.place, s.category), []).extend(p for p in s.points if p.scope == "cumulative")
    # an authority revises its own figures; a revision resets the whole toll for staleness
    own = {s.id: _revisions([p for p in s.points if p.scope == "cumulative"], cfg, s.measure) for s in series}
    revisions: dict[tuple, list[tuple[Point, Point]]] = {}
    for s in series:
        revisions.setdefault((s.measure, s.place, s.category), []).extend(own[s.id])
    indexes = {key: _Toll(points, cfg) for key, points in tolls.items()}
    for s in series:
        key = (s.measure, s.place, s.category)
        alerts += _series_alerts(s, indexes[key], own[s.id], revisions[key], cfg)
    alerts += _conflicts(series, cfg)
    alerts.sort(key=lambda a: (a.point.doc_date, a.point.doc, a.point.start, a.type))
    return alerts


def _group(p: Point) -> str:
    """Points in one group are not independent (one article, or copies of one)."""
    return p.dup_group or p.doc


Best = tuple  # up to two (key, group, point), best (largest key) first, from different groups


def _merge(a: Best, b: Best) -> Best:
    out: list = []
    for item in sorted(a + b, key=lambda x: x[0], reverse=True):
        if not out or (item[1] != out[0][1] and len(out) < 2):
            out.append(item)
        if len(out) == 2:
            break
    return tuple(out)


class _Prefix:
    """Best two points from different groups over every prefix of a date-ordered list (by ``key``)."""

    def __init__(self, points: list[Point], start: int, key):
        self.start = start
        self.best: list[Best] = []
        acc: Best = ()
        for p in points[start:]:
            acc = _merge(acc, ((key(p), _group(p), p),))
            self.best.append(acc)

    def query(self, end: int, exclude: str) -> Optional[Point]:
        """The best point in ``[start, end]`` not in group ``exclude``."""
        if end < self.start:
            return None
        for _, group, point in self.best[end - self.start]:
            if group != exclude:
                return point
        return None


class _Order:
    """A toll's points in order of one date; prefix maxima of value and lower bound from any start."""

    def __init__(self, points: list[Point], date_of, cfg: AlertConfig):
        self.points = sorted(points, key=lambda p: (date_of(p), p.doc, p.value_start))
        self.dates = [date_of(p) for p in self.points]
        self.cfg = cfg
        self._prefixes: dict[tuple[int, str], _Prefix] = {}

    def prefix(self, since: dt.date, what: str) -> _Prefix:
        start = bisect.bisect_left(self.dates, since)
        key = (start, what)
        if key not in self._prefixes:
            self._prefixes[key] = _Prefix(self.points, start, self._key(what))
        return self._prefixes[key]

    def _key(self, what: str):
        if what == "value":
            return lambda p: p.value
        if what == "lo-told":               # only figures told as running tolls (see _compared)
            return lambda p: bounds(p, self.cfg)[0] if p.told else -math.inf
        return lambda p: bounds(p, self.cfg)[0]

    def last_index(self, upto: dt.date, inclusive: bool = True) -> int:
        return (bisect.bisect_right if inclusive else bisect.bisect_left)(self.dates, upto) - 1


class _Toll:
    """Every source's cumulative points of one toll, indexed so each check is a lookup, not a scan."""

    def __init__(self, points: list[Point], cfg: AlertConfig):
        self.published = _Order(points, lambda p: p.doc_date, cfg)
        self.reported = _Order(points, lambda p: p.as_of, cfg)
        self.by_value = sorted(points, key=lambda p: p.value)
        self.values = [p.value for p in self.by_value]
        # earliest-reported points (two groups) over any range of values
        self.earliest = _SegmentTree([((-p.as_of.toordinal(), p.doc_date.toordinal()), _group(p), p)
                                      for p in self.by_value])
        values = numpy.array([p.value for p in self.reported.points], dtype=float)
        self.range_min = _SparseTable(values, numpy.minimum)
        self.range_max = _SparseTable(values, numpy.maximum)


class _SparseTable:
    """Range minimum (or maximum) in O(1) after O(n log n) numpy preparation."""

    def __init__(self, values: numpy.ndarray, op):
        self.op = op
        self.levels = [values]
        width = 1
        while 2 * width <= len(values):
            prev = self.levels[-1]
            self.levels.append(op(prev[:-width], prev[width:]))
            width *= 2

    def query(self, lo: int, hi: int) -> float:
        """Over indices ``lo..hi`` inclusive (requires lo <= hi)."""
        level = (hi - lo + 1).bit_length() - 1
        table = self.levels[level]
        return float(self.op(table[lo], table[hi - (1 << level) + 1]))


class _SegmentTree:
    """Best two items from different groups over any index range, in O(log n) merges."""

    def __init__(self, items: list[tuple]):
        self.n = max(1, len(items))
        self.tree: list[Best] = [()] * (2 * self.n)
        for i, item in enumerate(items):
            self.tree[self.n + i] = (item,)
        for i in range(self.n - 1, 0, -1):
            self.tree[i] = _merge(self.tree[2 * i], self.tree[2 * i + 1])

    def query(self, lo: int, hi: int) -> Best:
        """Over indices ``lo..hi - 1``."""
        acc: Best = ()
        lo += self.n
        hi += self.n
        while lo < hi:
            if lo & 1:
                acc = _merge(acc, self.tree[lo])
                lo += 1
            if hi & 1:
                hi -= 1
                acc = _merge(acc, self.tree[hi])
            lo //= 2
            hi //= 2
        return acc


def _series_alerts(s: Series, toll: "_Toll", own: list[tuple[Point, Point]],
                   revisions: list[tuple[Point, Point]], cfg: AlertConfig) -> list[Alert]:
    """Alerts on the points of one series; ``toll`` indexes every source's points for the same toll,
    ``own`` holds the series' own revisions and ``revisions`` all those stated in the toll."""
    out: list[Alert] = []
    points = [p for p in s.points if p.scope == "cumulative"]
    series_order = _Order(points, lambda p: p.as_of, cfg)
    out += [Alert("revision", p, f"{p.source or 'The source'} revised its figure to {_fmt(p)} on {p.as_of} "
                  f"{_cite(p)}, down from {_fmt(old)} {_cite(old)}.", [old], s.id) for p, old in own]
    revised_at = {old.value: p for p, old in revisions}
    revision_points = {id(r) for r, _ in revisions}
    for p in points:
        if id(p) in revision_points:
            continue
        old = _revised_in_its_sentence(p, cfg)
        if old is not None and (monotone(p, s.measure) or CORRECTION_CUES.search(p.sentence)):
            out.append(Alert("revision", p, f"{_fmt(p)} {_cite(p)} is given as a downward revision of the same "
                             f"count, from {old:,.0f} (its own sentence says so). A lower count may count something "
                             f"else (a narrower group, names recorded twice) rather than fewer people.", [p], s.id))
            continue
        if not monotone(p, s.measure):
            continue           # stocks go down for good reasons (people return home, hostages are freed)
        framed = _framed_revision(p, toll, cfg)
        if framed is not None:
            out.append(Alert("revision", p, f"{_fmt(p)} {_cite(p)} is given as a downward revision: "
                             f"{_fmt(framed)} had been published on {framed.doc_date} {_cite(framed)}. "
                             f"A lower count may count something else (only identified deaths, a narrower "
                             f"group) rather than fewer people.", [framed], s.id))
            continue
        stale = _stale(p, toll, revisions, revised_at, cfg)
        if stale is not None:
            out.append(Alert("stale", p, stale[1], [stale[0]], s.id))
            continue
        regression = _regression(p, series_order, revisions, cfg)
        if regression is not None:
            out.append(Alert("regression", p, f"{_fmt(p)} as of {p.as_of} {_cite(p)} is lower than "
                             f"{_fmt(regression)} as of {regression.as_of} {_cite(regression)} in the same "
                             f"cumulative series, with no revision stated.", [regression], s.id))
            continue
        mismatch = _date_mismatch(p, toll, cfg)
        if mismatch is not None:
            out.append(Alert("date_mismatch", p, f"{_fmt(p)} in an article of {p.doc_date} {_cite(p)} matches the "
                             f"figure reported for {mismatch.as_of} {_cite(mismatch)}, "
                             f"{(p.doc_date - mismatch.as_of).days} days earlier, and the text gives no date.",
                             [mismatch], s.id))
    return out


# "... to 192 from 226", "to nine from 10", "to 3,922, down from the 11,300": the count a revision lowered, right
# after the revised count in the same sentence
_FROM_OLD = re.compile(r"\s*(?:[a-z]+\s+){0,2}?,?\s*(?:down\s+)?from\s+(?:an?\s+|the\s+)?(?:previous\s+|earlier\s+|"
                       r"initial\s+|original\s+)?(?:(?:figure|toll|count|estimate|tally)\s+of\s+)?(?:about\s+|around\s+|"
                       r"some\s+|more\s+than\s+|over\s+|nearly\s+|almost\s+)?(?P<old>\d[\d,]*(?:\.\d+)?|[a-z]+)\b")
# "... about 4,900 people were displaced, not the more than 6,200 it reported"
_NOT_THE_OLD = re.compile(r"[^.;]{0,60}?,?\s+not\s+the\s+(?:about\s+|around\s+|some\s+|more\s+than\s+|over\s+|"
                          r"nearly\s+)?(?P<old>\d[\d,]*(?:\.\d+)?)\b")
_SMALL = {w: n for n, w in enumerate("zero one two three four five six seven eight nine ten eleven twelve thirteen "
                                     "fourteen fifteen sixteen seventeen eighteen nineteen twenty".split())}


def _revised_in_its_sentence(p: Point, cfg: AlertConfig) -> Optional[float]:
    """The larger count a figure its text calls revised was lowered from, when its own sentence gives it right
    after the figure ("revised ... to 192 from 226"), else None."""
    if not p.revised and not REVISION_CUES.search(p.sentence):
        return None
    at = p.value_end - p.start
    m = (_FROM_OLD.match(p.sentence, at) or _NOT_THE_OLD.match(p.sentence, at)) if 0 <= at <= len(p.sentence) \
        else None
    if m is None:
        return None
    word = m.group("old").replace(",", "")
    old = float(word) if word[0].isdigit() else _SMALL.get(word)
    if old is None or old <= p.value * (1 + cfg.regression_tolerance):
        return None
    return old


def _framed_revision(p: Point, toll: "_Toll", cfg: AlertConfig) -> Optional[Point]:
    """A figure its text calls a downward revision, and the larger figure of the same toll published before
    it (by anyone: the revising body may relay another's count), or None."""
    if not p.revised:
        return None
    order = toll.published
    q = order.prefix(dt.date.min, "value").query(order.last_index(p.doc_date), _group(p))
    if q is not None and q.value >= p.value * (1 + cfg.stale_ratio):
        return q
    return None


def _revisions(points: list[Point], cfg: AlertConfig, measure: str = "killed") -> list[tuple[Point, Point]]:
    """Points where the source lowers its own earlier figure and the text says it revised it. A stock (the
    missing, the displaced, hostages held) that is "down from" an earlier figure has changed, not been
    corrected: people were found or went home (streams README: such falls are no alert); only words of a
    correction make it a revision there."""
    found = []
    for p in points:
        cues = REVISION_CUES if monotone(p, measure) else CORRECTION_CUES
        if p.source_inferred or not cues.search(p.sentence):
            continue
        # the text says it was revised, so compare the figures themselves, not their rounding margins
        # (the revising article itself often recalls the old figure: "had reported 71 on Sunday")
        earlier = [q for q in points if q.as_of < p.as_of and q.figure != p.figure
                   and q.value > p.value * (1 + cfg.regression_tolerance)]
        if earlier and not any(r.value == p.value and r.as_of <= p.as_of for r, _ in found):
            found.append((p, max(earlier, key=lambda q: (q.as_of, q.value))))
    return found


def _lo(p: Point) -> str:
    """Which earlier figures a point is compared with: any, or (a point that is a running toll only by
    default) only those told as running tolls."""
    return "lo" if p.told else "lo-told"


def _compared(p: Point, q: Optional[Point], cfg: AlertConfig) -> Optional[Point]:
    """The earlier figure ``q`` that ``p`` is compared with, or None. A figure whose scope is unclear
    (cumulative only by default: "the 160 murdered that morning", "three bodies lay at the entrance") breaks
    no series by another such figure: two counts neither of which is told as a running toll may be two
    incidents, so one of the two must say it is the toll. And a figure published more than the horizon
    before is of another time."""
    if q is None or not (p.told or q.told) or (p.doc_date - q.doc_date).days > cfg.horizon_days:
        return None
    return q


def _stale(p: Point, toll: "_Toll", revisions: list[tuple[Point, Point]], revised_at: dict,
           cfg: AlertConfig) -> Optional[tuple[Point, str]]:
    if p.dated_by_text and (p.doc_date - p.as_of).days >= cfg.stale_days:
        return None            # the article itself dates the figure: history, not news
    cutoff = p.doc_date - dt.timedelta(days=cfg.stale_days)
    # figures published before a stated revision no longer count as the latest word
    since = max((r.doc_date for r, _ in revisions if r.doc_date <= p.doc_date), default=dt.date.min)
    order, group = toll.published, _group(p)
    end = order.last_index(cutoff)
    largest = order.prefix(since, "value").query(end, group)
    if largest is not None and p.value < largest.value * cfg.min_share:
        return None            # too small to be this toll at all: another count misread as cumulative
    # a range is out of date only if even its top is ("50,000 to 200,000" allows "more than 100,000")
    top = p.value_max if p.qualifier == "range" and p.value_max else p.value
    q = _compared(p, order.prefix(since, _lo(p)).query(end, group), cfg)
    if q is None or bounds(q, cfg)[0] < top * (1 + cfg.stale_ratio):
        # once a larger figure is a week old, a smaller gap will do
        week = p.doc_date - dt.timedelta(days=cfg.stale_week_days)
        q = _compared(p, order.prefix(since, _lo(p)).query(order.last_index(week), group), cfg)
        if q is not None and bounds(q, cfg)[0] < top * (1 + cfg.stale_week_ratio):
            q = None
    if q is not None and _hedged(q) and not _hedged(p):
        q = None               # a count below an earlier guess at the whole ("an estimated 200,000 died") is no
                               # older figure: estimates and counts disagree for good reasons
    if q is not None:
        return q, (f"{_fmt(p)} printed on {p.doc_date} {_cite(p)} is out of date: {_fmt(q)} had already been "
                   f"published on {q.doc_date} {_cite(q)}.")
    for old_value, revision in revised_at.items():
        if (abs(p.value - old_value) <= old_value * cfg.regression_tolerance and revision.doc_date <= cutoff
                and _independent(p, revision)):
            return revision, (f"{_fmt(p)} printed on {p.doc_date} {_cite(p)} is the figure revised to "
                              f"{_fmt(revision)} on {revision.as_of} {_cite(revision)}.")
    return None


# words that make a figure a guess at a toll nobody has counted yet: just before the number ("an estimated
# 200,000", "he believed more than 100,000", "could be as high as"), or its verb right after ("may have died")
_HEDGE_BEFORE = re.compile(r"\b(?:an\s+estimated|estimates?|believed?|believes|feared?|fears|may|might|could|"
                           r"likely|possibly|perhaps|thought\s+to|expected\s+to|as\s+high\s+as)\b", re.I)
_HEDGE_AFTER = re.compile(r"^[^.;]{0,30}?\b(?:(?:may|might|could)\s+have\s+(?:died|been\s+killed)|feared\s+dead|"
                          r"believed\s+(?:to\s+have\s+)?(?:died|dead|killed))\b", re.I)


def _hedged(p: Point) -> bool:
    at = p.value_start - p.start
    if not 0 <= at <= len(p.sentence):
        return False
    return bool(_HEDGE_BEFORE.search(p.sentence[max(0, at - 40):at]) or
                _HEDGE_AFTER.search(p.sentence[p.value_end - p.start:]))


def _precise(p: Point) -> bool:
    """A figure that can identify its day: a count, not an estimate ("an estimated 108", "as many as 110
    may have died", "about 300", "100 to 150")."""
    return p.qualifier not in ("about", "up to", "nearly", "range", "unclear") and not _hedged(p)


def _regression(p: Point, order: "_Order", revisions: list[tuple[Point, Point]],
                cfg: AlertConfig) -> Optional[Point]:
    # a stated revision resets the series: only figures since the latest one count
    since = max((r.as_of for r, _ in revisions if r.as_of <= p.as_of), default=dt.date.min)
    end, group = order.last_index(p.as_of, inclusive=False), _group(p)
    largest = order.prefix(since, "value").query(end, group)
    if largest is None or p.value < largest.value * cfg.min_share:
        return None
    q = _compared(p, order.prefix(since, _lo(p)).query(end, group), cfg)
    if q is not None and bounds(q, cfg)[0] > bounds(p, cfg)[1] * (1 + cfg.regression_tolerance) and \
            p.value >= q.value * cfg.regression_share and not (_hedged(q) and not _hedged(p)):
        return q
    return None


def _date_mismatch(p: Point, toll: "_Toll", cfg: AlertConfig) -> Optional[Point]:
    if p.dated_by_text or round_number(p.value) or not _precise(p):
        return None            # a round number is reused honestly; a precise one identifies its day
    cutoff = p.doc_date - dt.timedelta(days=cfg.mismatch_days)
    lo = bisect.bisect_left(toll.values, p.value * (1 - cfg.regression_tolerance))
    hi = bisect.bisect_right(toll.values, p.value * (1 + cfg.regression_tolerance))
    # the earliest report of (nearly) this value by another article
    for _, group, q in toll.earliest.query(lo, hi):
        if group == _group(p) or q.as_of > cutoff or q.doc_date > p.doc_date or _hedged(q) or \
                q.qualifier in ("up to", "range", "unclear"):
            continue            # (a report published later, of an older day, proves nothing about this one)
        # has the toll moved since q's day? (any figure of it more than the tolerance away)
        order = toll.reported
        first, last = order.last_index(q.as_of) + 1, order.last_index(p.doc_date)
        if first > last:
            return None
        spread = max(toll.range_max.query(first, last) - q.value, q.value - toll.range_min.query(first, last))
        return q if spread > q.value * cfg.conflict_tolerance else None
    return None


# A source that is one facility counts only the people it holds ("Soroka hospital ... treating 80"): part of
# a toll by construction, never in conflict with the whole.
_ONE_FACILITY = re.compile(r"\b(?:hospital|clinic|morgue|infirmary|medical\s+cent(?:er|re)|field\s+hospital)\b",
                           re.I)


def _one_facility(s: Series, p: Point) -> bool:
    return bool(_ONE_FACILITY.search(p.source or "") or _ONE_FACILITY.search(s.label or ""))


def _conflicts(series: list[Series], cfg: AlertConfig) -> list[Alert]:
    """Different sources on the same day, beyond what their qualifiers and rounding allow; a facility's own
    count (one hospital's patients) is part of a toll, not another figure for it."""
    by_day: dict[tuple, list[tuple[Series, Point]]] = {}
    for s in series:
        for p in s.points:
            if _one_facility(s, p):
                continue
            if p.scope == "cumulative" and not p.source_inferred:
                by_day.setdefault((s.measure, s.place, s.category, p.as_of), []).append((s, p))
    out = []
    for items in by_day.values():
        # copies of one report add nothing: keep two of each (source, figure) from different articles
        kept: dict[tuple, list[tuple[Series, Point]]] = {}
        for sp in items:
            s, p = sp
            if p.revised:
                continue        # a count its text calls revised is explained there, not a disagreement
            same = kept.setdefault((s.source_key, p.value, p.value_max, p.qualifier), [])
            if len(same) < 2 and all(_independent(p, other) for _, other in same):
                same.append(sp)
        items = [sp for group in kept.values() for sp in group]
        seen: set[tuple[str, str]] = set()
        for i, (sa, a) in enumerate(items):
            for sb, b in items[i + 1:]:
                if sa.source_key == sb.source_key or not _independent(a, b) or (b.figure, a.figure) in seen:
                    continue
                if min(a.value, b.value) < max(a.value, b.value) * cfg.min_share:
                    continue    # far too small to be the same toll: another count misread as it (17 staff)
                if not (a.told or b.told):
                    continue    # neither is told as a running toll: maybe two incidents (see _compared)
                (alo, ahi), (blo, bhi) = bounds(a, cfg), bounds(b, cfg)
                if alo > bhi * (1 + cfg.conflict_tolerance) or blo > ahi * (1 + cfg.conflict_tolerance):
                    seen.add((a.figure, b.figure))
                    later, earlier = (b, a) if (b.doc_date, b.doc) >= (a.doc_date, a.doc) else (a, b)
                    out.append(Alert("conflict", later,
                                     f"For {later.as_of}, {later.source or sb.label} reports {_fmt(later)} "
                                     f"{_cite(later)} while {earlier.source or sa.label} reports {_fmt(earlier)} "
                                     f"{_cite(earlier)}.", [earlier], sb.id if later is b else sa.id))
    return out
