"""Telling the chosen days: their sentences clustered into events, each event told once, on its own day."""
from __future__ import annotations

import datetime as dt
import math
import re
from typing import Callable, Iterable, Optional, Sequence

import numpy

from ...analyze import dating
from ...records import Span
from ..events import COUNT_WORDS, Event, Sentence, Vectors, cluster_events, copies_of
from .day_ranking import DayCounts, candidates_by_day, default_dates, scores_of
from .lines import _WORD, query_matcher, showable, trimmed
from .model import DEFAULT_SENTENCES, Settings, TimelineEntry


def build_timeline(sentences: Sequence[Sentence], n_dates: Optional[int] = None,
                   k_sentences: int = DEFAULT_SENTENCES, date_from: Optional[dt.date] = None,
                   date_to: Optional[dt.date] = None, query: Optional[str] = None,
                   settings: Settings = Settings()) -> list[TimelineEntry]:
    """The ``n_dates`` most important days between ``date_from`` and ``date_to`` and, for
    each, up to ``k_sentences`` sentences telling different events. Sorted by date."""
    about = query_matcher(query)
    if about is not None:
        sentences = [s for s in sentences if about(s.text)]
    if not sentences:
        return []
    pools = candidates_by_day(sentences, settings)

    def candidates(days: Sequence[dt.date]) -> tuple[list[Sentence], dict[dt.date, dict[int, float]]]:
        return _restricted(sentences, pools, days)

    return choose(DayCounts.of_sentences(sentences, settings), candidates, n_dates, k_sentences,
                  date_from, date_to, settings)


# Candidate sentences of some days: (sentences, day -> {index into them: weight}).
Candidates = Callable[[Sequence[dt.date]], tuple[list[Sentence], dict[dt.date, dict[int, float]]]]


def _restricted(sentences: Sequence[Sentence], pools: dict[dt.date, dict[int, float]],
                days: Sequence[dt.date]) -> tuple[list[Sentence], dict[dt.date, dict[int, float]]]:
    """The candidates of ``days`` only, renumbered (in the order of ``sentences``)."""
    by_day = {d: pools[d] for d in days if d in pools}
    members = sorted({i for pool in by_day.values() for i in pool})
    local = {i: j for j, i in enumerate(members)}
    return [sentences[i] for i in members], {d: {local[i]: w for i, w in pool.items()} for d, pool in by_day.items()}


def choose(counts: DayCounts, candidates: Candidates, n_dates: Optional[int], k_sentences: int,
           date_from: Optional[dt.date], date_to: Optional[dt.date], settings: Settings) -> list[TimelineEntry]:
    """Rank the days, then tell the best ones from their candidate sentences.

    Only the candidates of the best-ranked days are read (``2 * n_dates + 10`` of them,
    twice as many again when too few of those have a sentence to show), and the TF-IDF
    that compares sentences is fitted on them: a ledger of any size is read only for
    the days the timeline may show.
    """
    if k_sentences <= 0 or (n_dates is not None and n_dates <= 0):
        return []
    scores = scores_of(counts, settings, date_from, date_to)
    ranked = sorted(scores, key=lambda d: (-scores[d], d))
    if n_dates is None:
        n_dates = default_dates({d: n for d, n in counts.support.items() if d in scores})
    window = 2 * n_dates + 10
    while True:
        entries, told = _tell(ranked[:window], n_dates, k_sentences, candidates, settings)
        if told >= n_dates or window >= len(ranked):
            return entries
        window *= 2


def _tell(days: Sequence[dt.date], n_dates: int, k_sentences: int, candidates: Candidates,
          settings: Settings) -> tuple[list[TimelineEntry], int]:
    """Entries for up to ``n_dates`` of ``days`` (best first), and how many days they cover."""
    sentences, by_day = candidates(days)
    # computed for the sentences of the days looked at, not for every candidate
    shown_bounds = _Lazy(lambda i: trimmed(sentences[i]))
    shown_text = _Lazy(lambda i: _text_at(sentences[i], shown_bounds[i]))
    usable = _Lazy(lambda i: showable(shown_text[i], settings))
    vectors = Vectors([s.text for s in sentences])
    told = _Told(vectors, settings, sentences, _EventNames(sentences, by_day) if settings.event_names else None)
    events_of: dict[dt.date, list[Event]] = {}
    chosen: dict[dt.date, list[Event]] = {}     # in the order days were told

    def retell(d: dt.date, also: Optional[dict[dt.date, list[Event]]] = None) -> None:
        """Day ``d``, told before, told again against every other day's lines (and ``also``):
        its next events, or none and it drops out."""
        again = told.pick(d, events_of[d], k_sentences, {**{x: v for x, v in chosen.items() if x != d}, **(also or {})})
        if again:
            chosen[d] = again
        else:
            del chosen[d]

    for day in days:
        if len(chosen) >= n_dates:
            break
        events = events_of[day] = _day_events(by_day.get(day, {}), sentences, usable, vectors, settings)
        picked = told.pick(day, events, k_sentences, chosen)
        later = day + dt.timedelta(days=1)
        main = events[0] if events else None
        # a main event the day leaves out as undated lines of news its article dates to the day
        # before or after is not moved here by the rules below
        movable = main is not None and main.score > 0 and main not in picked \
            and not (settings.dated_report and told.dated_elsewhere(day, main, chosen))
        # the days that tell the main event this day takes back: the day after (the day's main event
        # was told there, in the words of a report written then: it happened on this day, as news
        # tells yesterday's events), or distant days telling it only as one of their other lines, by
        # reports written long after them ("the toll from the Oct. 7 attack has been revised")
        given_back: list[dt.date] = []
        if settings.earlier_day and later in chosen and movable \
                and told.blocking_days(day, main, chosen) == {later}:
            given_back = [later]
        elif settings.own_day and movable:
            lines = told.blocking(day, main, chosen)
            if lines and all(told.refers_back(d, e, day, events_of[d]) for d, e in lines):
                given_back = sorted({d for d, _ in lines})
        if given_back:
            # only the main event moves: the day's others are still checked against those days
            picked = [main] + told.pick(day, events[1:], k_sentences - 1, {**chosen, day: [main]},
                                        main_first=False)
            for d in given_back:
                retell(d, {day: picked})
        if picked:
            chosen[day] = picked
            if settings.dated_report:
                # a day told before may hold undated sentences of an article this day's lines date:
                # it tells its next events, and this day, told while those lines stood there, again
                changed = False
                for near in (day - dt.timedelta(days=1), day + dt.timedelta(days=1)):
                    if near in chosen and any(told.dated_elsewhere(near, e, chosen) for e in chosen[near]):
                        changed = True
                        retell(near)
                if changed:
                    again = told.pick(day, events, k_sentences, {d: v for d, v in chosen.items() if d != day})
                    if again:
                        chosen[day] = again
    entries = sorted((_entry(day, e, sentences, shown_bounds, shown_text) for day, es in chosen.items() for e in es),
                     key=lambda x: (x.date, -x.salience))
    return entries, len(chosen)


# words that may start with a capital (no ASCII or Latin-1 lower-case letter first)
_CAPITALISED = re.compile(r"\b[^\W\d_a-zß-öø-ÿ][\w'’-]*")
_POSSESSIVE = re.compile(r"['’]s?$")
_NOT_NAMES = frozenset(
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July "
    "August September October November December Jan Feb Mar Apr Jun Jul Aug Sep Sept Oct Nov Dec Christmas "
    "Easter Ramadan Eid Hanukkah Passover Thanksgiving New Year Day Eve Mr Mrs Ms Dr The This That These Those"
    .split())


def _names(text: str) -> frozenset:
    """Capitalised words after a sentence's first word, possessives cut ("Gaza's" is Gaza);
    calendar words, holidays and titles left out."""
    first = _WORD.search(text)
    out = set()
    for m in _CAPITALISED.finditer(text, first.end() if first else 0):
        w = _POSSESSIVE.sub("", m.group(0))
        if len(w) >= 3 and w[0].isupper() and w not in _NOT_NAMES:
            out.add(w)
    return frozenset(out)


class _EventNames:
    """Rare names: capitalised words inside a sentence, never written in lower case in the
    candidate sentences ("Chancellor", "Thousands" are), that only the sentences of two
    consecutive days (or one) use, out of at least ``MIN_DAYS`` candidate days looked at (with
    fewer, every name of a short story would be rare). Judged per name asked, on each day's
    candidate text joined once: a common name stops at the third day it is found on."""

    MIN_DAYS = 5

    def __init__(self, sentences: Sequence[Sentence], by_day: dict[dt.date, dict[int, float]]):
        self.sentences, self.by_day = sentences, by_day
        self.of = _Lazy(lambda i: _names(sentences[i].text))
        self._texts: Optional[dict[dt.date, str]] = None
        self._rare: dict[str, bool] = {}

    def _day_texts(self) -> dict[dt.date, str]:
        if self._texts is None:
            self._texts = {d: "\n".join(self.sentences[i].text for i in pool)
                           for d, pool in sorted(self.by_day.items()) if pool}
        return self._texts

    def is_rare(self, name: str) -> bool:
        if name not in self._rare:
            self._rare[name] = self._judge(name)
        return self._rare[name]

    def _judge(self, name: str) -> bool:
        texts = self._day_texts()
        if len(texts) < self.MIN_DAYS:
            return False
        word = re.compile(r"(?<![\w'’-])" + re.escape(name) + r"(?![\w-])")
        found: list[dt.date] = []
        for day, text in texts.items():
            if name in text and word.search(text):
                found.append(day)
                if (found[-1] - found[0]).days > 1:
                    return False
        lower = name.lower()
        lower_word = re.compile(r"(?<![\w'’-])" + re.escape(lower) + r"(?![\w-])")
        return not any(lower in text and lower_word.search(text) for text in texts.values())

    def shared(self, a: int, b: int) -> bool:
        """Do ``a`` and ``b`` share a rare name?"""
        return any(self.is_rare(w) for w in sorted(self.of[a] & self.of[b]))


_NUMBER = re.compile(r"(?<![\d.,])(?:\d{1,3}(?:,\d{3})+|\d{2,})(?:\.\d+)?(?![\d,]*\d)")


_MONTH_BEFORE = re.compile(dating.MONTH + r"\s+$", re.I)
_MONTH_AFTER = re.compile(r"(?:st|nd|rd|th)?\s+(?:of\s+)?" + dating.MONTH, re.I)


def _numbers(text: str) -> frozenset:
    """Numbers of two digits or more written in ``text`` ("13-1" gives 13; "1,200" 1200); years
    (1900-2099) and days of a month ("April 20", "20th of April") left out: they date what is
    told ("the April 20 explosion that killed 11 workers" is background to many a report)."""
    out = set()
    for m in _NUMBER.finditer(text):
        value = float(m.group(0).replace(",", ""))
        if (1900 <= value <= 2099 and value.is_integer()) or _MONTH_BEFORE.search(text, 0, m.start()) \
                or _MONTH_AFTER.match(text, m.end()):
            continue
        out.add(value)
    return frozenset(out)


class _Lazy:
    """``f(i)`` for the indices asked for, each computed once."""

    def __init__(self, f):
        self.f, self.done = f, {}

    def __getitem__(self, i: int):
        if i not in self.done:
            self.done[i] = self.f(i)
        return self.done[i]


def _text_at(s: Sentence, bounds: tuple[int, int]) -> str:
    return s.text[bounds[0] - s.span.start:bounds[1] - s.span.start]


def _day_events(weighted: dict[int, float], sentences: Sequence[Sentence], usable: Sequence[bool],
                vectors: Vectors, settings: Settings) -> list[Event]:
    """The day's events, best first: closeness to the day's centroid, raised by sources."""
    pool = list(weighted)
    if not pool or not any(usable[i] for i in pool):
        return []
    weights = numpy.array([weighted[i] for i in pool], dtype=numpy.float32)
    centroid = vectors.centroid(pool, weights)
    closeness = vectors.similarity(pool, centroid) * weights
    # showability is judged only for sentences that would found an event
    events = cluster_events(pool, sentences, vectors, closeness, settings.same_event,
                            can_represent=_Lazy(lambda pos: usable[pool[pos]]))
    for e in events:
        e.score = e.score * (1.0 + settings.source_bonus * math.log(len(e.sources)))
    events.sort(key=lambda e: -e.score)
    return events


class _Told:
    """Whether an event is already told: on any day in the same words (cosine >=
    ``same_event``), on the day before or after in other words (>= ``nearby_event``: one
    happening reported on either side of midnight), or with the same count of the same thing
    (the ledger's figures: "at least 50 hostages") on the day before or after, or on the same
    day in some of the same words (>= ``COUNT_WORDS``, as clustering joins them); or, for a
    sentence that names no day (an article's lead, about its publication day or the day
    before), on the day before or after naming the same rare name (a camp, a village that no
    other day's reports name): a report of that happening, not news of its own."""

    def __init__(self, vectors: Vectors, settings: Settings, sentences: Sequence[Sentence],
                 names: Optional[_EventNames] = None):
        self.vectors, self.settings, self.sentences, self.names = vectors, settings, sentences, names
        self.numbers = _Lazy(lambda i: _numbers(sentences[i].text))

    def blocking_days(self, day: dt.date, event: Event, chosen: dict[dt.date, list[Event]],
                      picked: Sequence[Event] = ()) -> set[dt.date]:
        """The days whose lines already tell ``event`` (told on ``day``)."""
        return {d for d, _ in self.blocking(day, event, chosen, picked)}

    def blocking(self, day: dt.date, event: Event, chosen: dict[dt.date, list[Event]],
                 picked: Sequence[Event] = ()) -> list[tuple[dt.date, Event]]:
        """The lines (day, event) that already tell ``event`` (told on ``day``)."""
        others = [(d, e) for d, es in chosen.items() for e in es] + [(day, p) for p in picked]
        if not others:
            return []
        rep = event.representative
        sims = self.vectors.pairwise([rep], [e.representative for _, e in others])[0]
        counts = set(self.sentences[rep].counts)
        undated = not self.sentences[rep].dates
        out = []
        for (d, e), sim in zip(others, sims):
            apart, i = abs((d - day).days), e.representative
            if sim >= (self.settings.nearby_event if apart == 1 else self.settings.same_event):
                out.append((d, e))
            elif apart <= 1 and counts and (apart or sim >= COUNT_WORDS) and counts & set(self.sentences[i].counts):
                # on one day, as in clustering, the same count needs a shared word (a coach crash with
                # as many dead as a ferry is other news); the day after, a re-report in other words
                out.append((d, e))
            elif apart == 1 and undated and self.names is not None and self.names.shared(rep, i):
                out.append((d, e))
            elif apart == 0 and sim >= COUNT_WORDS and len(self.numbers[rep] & self.numbers[i]) >= 2:
                # "13 members voted in favour ... the UK abstained" / "the vote ... was 13-1 with the
                # United Kingdom abstaining": two of the same numbers, some of the same words
                out.append((d, e))
        return out

    def refers_back(self, told_on: dt.date, event: Event, day: dt.date, events_of_day: Sequence[Event]) -> bool:
        """Is ``event``, told on ``told_on``, a reference back to that day by news of ``day``:
        the two days not adjacent, ``event`` not ``told_on``'s main event, and every report of it
        written more than ``late_days`` after ``told_on``?"""
        return abs((day - told_on).days) > 1 and bool(events_of_day) and event is not events_of_day[0] \
            and all((self.sentences[i].published - told_on).days > self.settings.late_days for i in event.members)

    def pick(self, day: dt.date, events: Sequence[Event], k: int, chosen: dict[dt.date, list[Event]],
             main_first: bool = True) -> list[Event]:
        """Up to ``k`` of ``events`` (best first) not already told; ``main_first``: ``events[0]``
        is the day's main event."""
        picked: list[Event] = []
        main_blocked = self.blocking_days(day, events[0], chosen) if main_first and events else set()
        # the articles whose reports make the day's main event, when another day tells that event:
        # their undated sentences that share words with it, or with another of their sentences told
        # elsewhere, are more of those reports, not the day's news
        retold: set[str] = set()
        report: list[int] = []
        if self.settings.main_article and main_blocked - {day}:
            retold = {self.sentences[i].doc for i in events[0].members}
            report = list(events[0].members)
        for n, e in enumerate(events):
            if len(picked) >= k:
                break
            if retold and self._more_of(e, report, retold):
                continue
            if self.settings.dated_report and self.dated_elsewhere(day, e, chosen):
                continue
            blocked = main_blocked if n == 0 and main_first else self.blocking_days(day, e, chosen, picked)
            if e.score > 0 and not blocked:
                picked.append(e)
            elif retold and n and blocked - {day}:
                # another of those reports' sentences told elsewhere: its words are the report's too
                report += [i for i in e.members if self.sentences[i].doc in retold]
        return picked

    def dated_elsewhere(self, day: dt.date, event: Event, chosen: dict[dt.date, list[Event]]) -> bool:
        """Is ``event`` undated sentences of articles whose report, dated by the article itself,
        is told on the day before or after, sharing some of its words? An undated sentence is put
        on a day only by its article's date (its day or the day before); the article says which."""
        if any(self.sentences[i].dates for i in event.members):
            return False
        docs = {self.sentences[i].doc for i in event.members}
        report = [i for d in (day - dt.timedelta(days=1), day + dt.timedelta(days=1)) for e in chosen.get(d, ())
                  for i in e.members if self.sentences[i].doc in docs and self.sentences[i].dates]
        # the article dates its news before the undated sentence (a lead, then its details); a dated
        # line after an undated lead is more often background to it
        first: dict[str, int] = {}
        for i in report:
            doc, position = self.sentences[i].doc, self.sentences[i].position
            first[doc] = min(first.get(doc, position), position)
        if any(first.get(self.sentences[i].doc, self.sentences[i].position) >= self.sentences[i].position
               for i in event.members):
            return False
        return float(self.vectors.pairwise(event.members, report).max()) >= self.settings.report_words

    def _more_of(self, event: Event, report: Sequence[int], articles: set[str]) -> bool:
        """Is ``event`` more of ``report`` (sentences of ``articles`` told elsewhere): every
        sentence of it undated, from one of those articles, and sharing some words with one of
        the report's (a roundup's other news shares none)?"""
        if not all(self.sentences[i].doc in articles and not self.sentences[i].dates for i in event.members):
            return False
        return float(self.vectors.pairwise(event.members, list(report)).max()) >= self.settings.report_words


def _entry(day: dt.date, event: Event, sentences: Sequence[Sentence], bounds: Sequence[tuple[int, int]],
           texts: Sequence[str]) -> TimelineEntry:
    rep = event.representative
    cited = Span(sentences[rep].doc, *bounds[rep])
    others = [(Span(sentences[i].doc, *bounds[i]), texts[i]) for i in event.members
              if i != rep and sentences[i].doc != cited.doc]
    evidence = [cited] + _one_per_doc(copies_of(texts[rep], others))
    sources = [cited] + _one_per_doc([sp for sp, _ in others])
    return TimelineEntry(date=day, text=texts[rep], evidence=evidence, sources=sources, salience=len(event.sources))


def _one_per_doc(spans: Iterable[Span]) -> list[Span]:
    seen, out = set(), []
    for sp in spans:
        if sp.doc not in seen:
            seen.add(sp.doc)
            out.append(sp)
    return out
