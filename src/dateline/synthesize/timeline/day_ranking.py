"""Ranking days: how many independent sources name each day, and in which role, with the later
references a recent day can still expect; the candidate sentences of each day."""
from __future__ import annotations

import bisect
import datetime as dt
from collections import defaultdict
from dataclasses import dataclass
from typing import Callable, Optional, Sequence

from ...analyze import dating
from ..events import Sentence
from .model import Settings


# --- ranking days -----------------------------------------------------------------------

ROLES = ("later", "calendar", "same_day", "ahead", "published")


def sources_by_role(sentences: Sequence[Sentence], settings: Settings) -> dict[str, dict[dt.date, set]]:
    """Role -> day -> independent sources: naming the day later ("later", and
    "calendar" when written as a date), on the day ("same_day"), before it ("ahead"),
    or publishing on it ("published")."""
    seen: dict[str, dict[dt.date, set]] = {r: defaultdict(set) for r in ROLES}
    for s in sentences:
        src = s.independent_source
        for d in s.dates:
            role = "later" if d < s.published else "same_day" if d == s.published else "ahead"
            seen[role][d].add(src)
        for d in s.calendar_dates:
            if d < s.published:
                seen["calendar"][d].add(src)
        if s.position == 0:
            for lag in range(settings.publication_lag + 1):
                seen["published"][s.published - dt.timedelta(days=lag)].add(src)
    return seen


@dataclass
class DayCounts:
    """What ranking days needs, counted over the sentences in scope: from sentences in memory
    (:meth:`of_sentences`) or from the store's aggregates (:func:`counts_from_store`), the same."""

    seen: dict[str, dict[dt.date, int]]      # role -> day -> independent sources (see sources_by_role)
    delays: list[int]                        # sorted: days from a day to each source's first later reference
    newest: Optional[dt.date]                # the newest publication day
    chronology: dict[dt.date, int]           # day -> independent sources whose chronology lists it
    support: dict[dt.date, int]              # day -> independent sources naming it or publishing on it
    oldest: Optional[dt.date] = None         # the oldest publication day

    @classmethod
    def of_sentences(cls, sentences: Sequence[Sentence], settings: Settings) -> "DayCounts":
        seen = sources_by_role(sentences, settings)
        support = day_support(sentences)
        oldest = min((s.published for s in sentences), default=None)
        return cls(seen={r: {d: len(v) for d, v in days.items()} for r, days in seen.items()},
                   delays=first_reference_delays(sentences, lambda d: background(d, oldest, support, settings)),
                   newest=max((s.published for s in sentences), default=None),
                   chronology=chronology_votes(sentences, settings.chronology_entries),
                   support=support, oldest=oldest)


def background(day: dt.date, oldest: Optional[dt.date], support: dict[dt.date, int], settings: Settings) -> bool:
    """A day more than ``background_days`` before the first article that fewer than
    ``background_sources`` independent sources name: one article's background ("Jobs, born
    on February 24, 1955, ..."), not a day of the story. The day before the first article
    is the story's ("talks collapsed late on Monday")."""
    return oldest is not None and (oldest - day).days > settings.background_days \
        and support.get(day, 0) < settings.background_sources


def day_scores(sentences: Sequence[Sentence], settings: Settings, date_from: Optional[dt.date] = None,
               date_to: Optional[dt.date] = None) -> dict[dt.date, float]:
    """How much each day matters (see :func:`scores_of`)."""
    return scores_of(DayCounts.of_sentences(sentences, settings), settings, date_from, date_to)


def scores_of(counts: DayCounts, settings: Settings, date_from: Optional[dt.date] = None,
              date_to: Optional[dt.date] = None) -> dict[dt.date, float]:
    """How much each day matters, from who names it and who publishes on it.

    Each independent source counts once per day and role: naming the day in a later
    article (and again when it writes the date out: "on April 20"), naming it on the day
    itself, announcing it ahead, publishing on the day. Each chronology listing the day
    adds ``chronology_weight``; a recent day adds ``unseen_weight`` times the later
    references it has not had time to get (:func:`unseen_references`). Background days
    (:func:`background`) are left out, here and in the references a day can expect.
    """
    seen = _of_the_story(counts.seen, counts, settings)
    weight = {"later": settings.later_weight, "calendar": settings.calendar_weight,
              "same_day": settings.same_day_weight, "ahead": settings.ahead_weight,
              "published": settings.publication_weight}
    days = sorted(set().union(*seen.values()))
    scores = {d: sum(weight[r] * seen[r].get(d, 0) for r in ROLES) for d in days}
    if settings.unseen_weight and counts.newest is not None:
        unseen = _unseen(seen, counts.delays, counts.newest, settings)
        for d in days:
            scores[d] += settings.unseen_weight * unseen.get(d, 0.0)
    if settings.chronology_weight:
        for d, n in sorted(counts.chronology.items()):
            if d in scores:
                scores[d] += settings.chronology_weight * n
    return {d: v for d, v in scores.items() if not ((date_from and d < date_from) or (date_to and d > date_to))}


def first_reference_delays(sentences: Sequence[Sentence],
                           skip: Callable[[dt.date], bool] = lambda d: False) -> list[int]:
    """Sorted: for each source and earlier day it names (but those to ``skip``), the days
    until its first reference."""
    first_reference: dict[tuple[str, dt.date], int] = {}
    for s in sentences:
        for d in s.dates:
            if d < s.published and not skip(d):
                key, delay = (s.independent_source, d), (s.published - d).days
                if delay < first_reference.get(key, delay + 1):
                    first_reference[key] = delay
    return sorted(first_reference.values())


def unseen_references(sentences: Sequence[Sentence], seen: dict[str, dict[dt.date, set]],
                      settings: Settings) -> dict[dt.date, float]:
    """Day -> the later references (weighted as in :func:`day_scores`) it can still expect.

    Only articles published after a day refer back to it, so the days just before the
    newest article are under-counted. From the collection itself: ``arrived(t)``, the
    share of references that come within ``t`` days of their day (each source's first
    reference to a day), and ``rate``, later references per unit of coverage (sources
    naming the day on the day, publishing on it or the day after), fitted so that the
    observed references equal ``rate * arrived(age) * coverage`` summed over days. A day
    ``age`` days before the newest article expects ``rate * (1 - arrived(age)) * coverage``
    more.
    """
    if not sentences:
        return {}
    counts = DayCounts.of_sentences(sentences, settings)
    counted = {r: {d: len(v) for d, v in days.items()} for r, days in seen.items()}
    return _unseen(_of_the_story(counted, counts, settings), counts.delays, counts.newest, settings)


def _of_the_story(seen: dict[str, dict[dt.date, int]], counts: DayCounts,
                  settings: Settings) -> dict[str, dict[dt.date, int]]:
    """``seen`` without its background days (:func:`background`)."""
    return {r: {d: n for d, n in days.items() if not background(d, counts.oldest, counts.support, settings)}
            for r, days in seen.items()}


def _unseen(seen: dict[str, dict[dt.date, int]], delays: Sequence[int], newest: dt.date,
            settings: Settings) -> dict[dt.date, float]:
    if not delays:
        return {}
    one_day = dt.timedelta(days=1)
    days = sorted(set().union(*seen.values()))
    observed = {d: settings.later_weight * seen["later"].get(d, 0)
                + settings.calendar_weight * seen["calendar"].get(d, 0) for d in days}
    coverage = {d: seen["same_day"].get(d, 0) + seen["published"].get(d, 0)
                + seen["published"].get(d + one_day, 0) for d in days}
    arrived = {d: bisect.bisect_right(delays, (newest - d).days) / len(delays) for d in days}
    expected = sum(arrived[d] * coverage[d] for d in days)
    if not expected:
        return {}
    rate = sum(observed[d] for d in days) / expected
    return {d: rate * (1.0 - arrived[d]) * coverage[d] for d in days if arrived[d] < 1.0}


def chronology_votes(sentences: Sequence[Sentence], min_entries: int) -> dict[dt.date, int]:
    """Day -> independent sources whose article is a chronology listing it.

    An article with at least ``min_entries`` sentences headed by a past date ("March 19 -
    Air strikes begin ...") is a chronology: an editor's own list of the days that matter.
    """
    entries: dict[str, set] = defaultdict(set)
    source_of: dict[str, str] = {}
    for s in sentences:
        if s.calendar_dates and _DATE_LABEL.match(s.text):
            entries[s.doc].update(d for d in s.calendar_dates if d <= s.published)
            source_of[s.doc] = s.independent_source
    listed: dict[dt.date, set] = defaultdict(set)
    for doc, days in entries.items():
        if len(days) >= min_entries:
            for d in days:
                listed[d].add(source_of[doc])
    return {d: len(v) for d, v in listed.items()}


def default_dates(support: dict[dt.date, int]) -> int:
    """How many days to show when the caller did not say: the days that at least two
    independent sources name or publish on, at least 5 (when there are) and at most 30."""
    if not support:
        return 0
    return max(min(5, len(support)), min(30, sum(1 for n in support.values() if n >= 2)))


def day_support(sentences: Sequence[Sentence]) -> dict[dt.date, int]:
    """Day -> independent sources that name it (up to their publication) or publish on it."""
    seen: dict[dt.date, set] = defaultdict(set)
    for s in sentences:
        seen[s.published].add(s.independent_source)
        for d in s.dates:
            if d <= s.published:
                seen[d].add(s.independent_source)
    return {d: len(v) for d, v in seen.items()}


# --- choosing sentences -----------------------------------------------------------------

_DATE_LABEL = dating.DATE_LABEL     # "April 22 - ...": an entry of a published chronology


def candidates_by_day(sentences: Sequence[Sentence], settings: Settings) -> dict[dt.date, dict[int, float]]:
    """Day -> {sentence: weight} of sentences about it: those naming it (weight 1), and
    undated lead sentences of articles published on it or the day after (weight 1); a
    sentence headed by the day's date ("April 22 - ...") weighs ``1 + label_bonus``."""
    out: dict[dt.date, dict[int, float]] = defaultdict(dict)
    for i, s in enumerate(sentences):
        if s.dates:
            labelled = bool(_DATE_LABEL.match(s.text))
            past = [d for d in s.dates if d <= s.published]
            for d in past:
                weight = 1.0 + settings.label_bonus * (labelled and d in s.calendar_dates)
                # "said on Friday that the toll from the Oct. 7 attack ...": Friday's statement
                out[d][i] = weight * (settings.earlier_day_weight if d < max(past) else 1.0)
        elif s.position < settings.lead_sentences:
            # news often reports yesterday's events without naming the day
            out[s.published][i] = out[s.published - dt.timedelta(days=1)][i] = 1.0
    return out
