"""The story's timeline: its most important days and, for each, the sentences that best say what happened.

One algorithm over plain :class:`~dateline.synthesize.events.Sentence` records, with
two adapters: :func:`timeline_from_store` (the ledger: stored documents, their
resolved ``times`` and duplicate groups) and :func:`sentences_from_text` (raw
articles, dated by the temporal-expression grammar run on plain text; used by the
Timeline17 benchmark).

How it works (after news-tls' DATEWISE, with events and independent sources):

1. Dating. A sentence is about the days it names ("Tuesday's strike" in an article
   of Wednesday is about Tuesday); a sentence near the top of an article that names
   no day is about the publication day or the day before.
2. Ranking days. A day matters when many independent sources name it, above all
   sources writing on later days (a day still referred back to is a turning point),
   and when many sources publish about it.
3. Per day, the candidate sentences are clustered into events (same happening, any
   wording); an event scores by its closeness to what that day's sentences are about
   (TF-IDF centroid) and by its independent sources. The K best events that were not
   already told on another day are shown, each by its most central sentence.

Every line is a sentence (or a sentence without its leading dateline, "CAIRO (Reuters) -")
as written in one article; ``evidence`` cites it first, then its exact copies in other
articles (syndicated copies). ``sources`` lists every sentence of the event.
"""
from __future__ import annotations

import bisect
import datetime as dt
import json
import math
import re
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Iterable, Optional, Sequence

import numpy

from ..records import Span, TimeExpr
from .events import SAME_EVENT, Event, Sentence, Vectors, cluster_events, copies_of

DEFAULT_SENTENCES = 1


@dataclass
class TimelineEntry:
    date: dt.date
    text: str
    evidence: list[Span]                    # the cited sentence first, then exact copies elsewhere
    sources: list[Span] = field(default_factory=list)   # every sentence of the event (any wording)
    salience: int = 1                       # independent sources telling the event

    def to_json(self) -> dict:
        return {"kind": "timeline", "date": self.date.isoformat(), "text": self.text,
                "evidence": [{"doc": s.doc, "start": s.start, "end": s.end} for s in self.evidence]}

    def to_json_line(self) -> str:
        return json.dumps(self.to_json(), ensure_ascii=False)


@dataclass(frozen=True)
class Settings:
    """Global weights (one set for every story; never tuned per topic)."""

    later_weight: float = 1.0           # a source naming the day in a later article
    same_day_weight: float = 0.5        # a source naming the day in that day's article
    publication_weight: float = 0.5     # a source published on the day (or the day after)
    lead_sentences: int = 5             # undated sentences this near the top are about the publication day
    lead_weight: float = 1.0            # ... weighing this much against a sentence that names the day
    publication_lag: int = 1            # ... or up to this many days before it
    source_bonus: float = 0.15          # weight of log(independent sources) in an event's score
    same_event: float = SAME_EVENT      # cosine at which two sentences tell the same event
    min_words: int = 6
    max_words: int = 50


# --- dating plain text (fast path: no spaCy parse) ----------------------------------

# Segments that can name a particular day; only these go through the timex grammar.
DAY_CUE = re.compile(
    r"\b(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|satur|sun)day\b"
    r"|\b(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d"
    r"|\d{1,2}(?:st|nd|rd|th)?\s+(?:of\s+)?(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)"
    r"|\b(?:today|yesterday|tomorrow|tonight|ago)\b"
    r"|\b(?:next|following|previous|same|that|this|last)\s+(?:day|morning|night|evening|afternoon)\b"
    r"|\bdays?\s+(?:before|after|earlier|later)\b|\d[/-]\d",
    re.I)


def day_mentions(text: str, doc_id: str, published: dt.date) -> list[TimeExpr]:
    """Temporal expressions that name a day, found without parsing.

    Only segments matching :data:`DAY_CUE` are scanned (joined one per line, so the
    grammar still sees each segment whole and anaphora like "the next day" still find
    the last day named); spans are mapped back to offsets in ``text``.
    """
    from ..analyze import nlp, timex

    pieces: list[str] = []
    table: list[tuple[int, int, int]] = []      # (offset in compact text, offset in text, length)
    at = 0
    for start, end in nlp.segment(text):
        seg = text[start:end]
        if not DAY_CUE.search(seg):
            continue
        seg = seg.rstrip()
        table.append((at, start, len(seg)))
        pieces.append(seg + "\n")
        at += len(seg) + 1
    if not table:
        return []
    # tokenized only, like every sentence the ingest filter leaves unparsed
    tokens_only = nlp.load().make_doc("".join(pieces))
    out = []
    heads = [t[0] for t in table]
    for t in timex.extract_times(tokens_only, doc_id, published):
        if t.date is None:
            continue
        i = bisect.bisect_right(heads, t.span.start) - 1
        c_at, t_at, length = table[i]
        if t.span.end > c_at + length:
            continue                              # across two segments: not a real expression
        start = t_at + t.span.start - c_at
        out.append(TimeExpr(span=Span(doc_id, start, start + len(t.text)), text=t.text, type=t.type,
                            value=t.value, date=t.date, since=t.since))
    return out


def sentences_from_text(doc_id: str, text: str, published: dt.date, source: str = "",
                        times: Optional[Sequence[TimeExpr]] = None) -> list[Sentence]:
    """An article's sentences, dated by ``times`` (found with :func:`day_mentions` when not given)."""
    from ..analyze import nlp

    if times is None:
        times = day_mentions(text, doc_id, published)
    return _dated_sentences(doc_id, text, published, source, nlp.sentence_spans(text),
                            [(t.span.start, t.span.end, t.date, t.since) for t in times])


def _dated_sentences(doc_id: str, text: str, published: dt.date, source: str,
                     bounds: Sequence[tuple[int, int]],
                     times: Sequence[tuple[int, int, Optional[dt.date], bool]]) -> list[Sentence]:
    """Sentences with the days they name: days inside the sentence that are not the start
    of a running period ("since Oct. 7"). Days after publication (plans) are kept here:
    they make the sentence dated, but no day's event."""
    by_start = sorted(t for t in times if t[2] is not None and not t[3])
    starts = [t[0] for t in by_start]
    out = []
    for position, (s, e) in enumerate(bounds):
        lo = bisect.bisect_left(starts, s)
        days = []
        for t_start, t_end, day, _ in by_start[lo:]:
            if t_start >= e:
                break
            if t_end <= e and day not in days:
                days.append(day)
        out.append(Sentence(span=Span(doc_id, s, e), text=text[s:e], published=published, position=position,
                            source=source or doc_id, dates=tuple(days)))
    return out


# --- the store adapter ----------------------------------------------------------------

def sentences_from_store(store, date_from: Optional[dt.date] = None, date_to: Optional[dt.date] = None,
                         lookahead_days: int = 30) -> list[Sentence]:
    """Every stored article's sentences, dated by the stored (parsed, resolved) ``times``.

    Articles published up to ``lookahead_days`` after ``date_to`` are read too: they
    refer back to days inside the range.
    """
    from ..analyze import nlp

    where, args = ["1=1"], []
    if date_from:
        where.append("d.date >= ?")
        args.append(date_from.isoformat())
    if date_to:
        where.append("d.date <= ?")
        args.append((date_to + dt.timedelta(days=lookahead_days)).isoformat())
    clause = " AND ".join(where)
    times: dict[str, list] = defaultdict(list)
    for r in store.rows('SELECT t.doc, t.start, t."end", t.date, t.since FROM times t JOIN documents d ON d.id = t.doc'
                        f" WHERE t.date IS NOT NULL AND {clause}", args):
        times[r["doc"]].append((r["start"], r["end"], dt.date.fromisoformat(r["date"]), bool(r["since"])))
    out: list[Sentence] = []
    for r in store.rows(f"SELECT d.id, d.date, d.text, d.dup_group FROM documents d WHERE {clause} ORDER BY d.date, d.id",
                        args):
        text = r["text"]
        out += _dated_sentences(r["id"], text, dt.date.fromisoformat(r["date"]), r["dup_group"] or r["id"],
                                nlp.sentence_spans(text), times.get(r["id"], ()))
    return out


def timeline_from_store(store, n_dates: Optional[int] = None, k_sentences: int = DEFAULT_SENTENCES,
                        date_from: Optional[dt.date] = None, date_to: Optional[dt.date] = None,
                        query: Optional[str] = None, settings: Settings = Settings()) -> list[TimelineEntry]:
    """The timeline of everything in ``store`` (a :class:`dateline.store.sqlite.Store`)."""
    sentences = sentences_from_store(store, date_from, date_to)
    return build_timeline(sentences, n_dates=n_dates, k_sentences=k_sentences, date_from=date_from,
                          date_to=date_to, query=query, settings=settings)


# --- which sentences may be shown -------------------------------------------------------

# "CAIRO (Reuters) -", "Cairo , Egypt -LRB- CNN -RRB- --", "WASHINGTON —": a dateline before the news
_DATELINE = re.compile(
    r"^(?:[A-Z][\w.'’-]*(?:\s*,?\s+[A-Z][\w.'’-]*){0,4}\s*,?\s*)?"
    r"(?:\(\s*[A-Z][\w .&'-]{1,40}\)|-LRB-\s*[A-Z][\w .&'-]{1,40}?\s*-RRB-)\s*(?:--?|—|–|:)\s*"
    r"|^[A-Z][A-Z .,'-]{2,40}\s*(?:--?|—|–)\s+")
_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"|``.*?''")
_PERSONAL = re.compile(r"\b(?:I|me|my|mine|we|us|our|ours|you|your|yours)\b")
_BOILERPLATE = re.compile(
    r"https?://|www\.|@\w|\b(?:click|subscribe|newsletter|copyright|all rights reserved|cookies?|sign up|log in"
    r"|read more|follow us|photo:|image:|getty|advertisement|\(AP\) —$)", re.I)
_ENDS_SENTENCE = re.compile(r"[.!][\"'”’)\]]*$|[.!]\s*(?:''|\"|-RRB-)$")


def trimmed(sentence: Sentence) -> tuple[int, int]:
    """The sentence's bounds without a leading dateline (offsets into its document)."""
    m = _DATELINE.match(sentence.text)
    if m and len(_WORD.findall(sentence.text[m.end():])) >= 5:
        return sentence.span.start + m.end(), sentence.span.end
    return sentence.span.start, sentence.span.end


def showable(text: str, settings: Settings) -> bool:
    """A sentence an editor could put in a timeline as it stands: a whole, plain,
    third-person statement of reasonable length (not a question, a fragment, a
    reader's comment or page furniture)."""
    text = text.strip()
    if not text or not (text[0].isupper() or text[0].isdigit() or text[0] in "\"“`'"):
        return False
    if not _ENDS_SENTENCE.search(text) or text.endswith("?"):
        return False
    words = _WORD.findall(text)
    if not settings.min_words <= len(words) <= settings.max_words:
        return False
    if _BOILERPLATE.search(text):
        return False
    return not _PERSONAL.search(_QUOTED.sub(" ", text))


def query_matcher(query: Optional[str]):
    """A test for sentences that are about ``query``: one of its words, loosely stemmed
    ("Egyptian" finds "Egypt", "hostages" finds "hostage")."""
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    if not query:
        return None
    stems = [w[:max(4, len(w) - 3)] for w in (x.lower() for x in _WORD.findall(query))
             if w not in ENGLISH_STOP_WORDS and len(w) >= 3]
    if not stems:
        return None
    pattern = re.compile(r"\b(?:" + "|".join(re.escape(s) for s in sorted(set(stems), key=len, reverse=True)) + ")",
                         re.I)
    return lambda text: bool(pattern.search(text))


# --- ranking days -----------------------------------------------------------------------

def day_scores(sentences: Sequence[Sentence], settings: Settings, date_from: Optional[dt.date] = None,
               date_to: Optional[dt.date] = None) -> dict[dt.date, float]:
    """How much each day matters, from who names it and who publishes on it.

    Each independent source counts once per day and role: naming the day in a later
    article, naming it on the day itself, publishing on the day or the day after.
    """
    later: dict[dt.date, set] = defaultdict(set)
    same_day: dict[dt.date, set] = defaultdict(set)
    published: dict[dt.date, set] = defaultdict(set)
    for s in sentences:
        src = s.independent_source
        for d in s.dates:
            if d < s.published:
                later[d].add(src)
            elif d == s.published:
                same_day[d].add(src)
        if s.position == 0:
            for lag in range(settings.publication_lag + 1):
                published[s.published - dt.timedelta(days=lag)].add(src)
    days = set(later) | set(same_day) | set(published)
    scores = {}
    for d in days:
        if (date_from and d < date_from) or (date_to and d > date_to):
            continue
        scores[d] = (settings.later_weight * len(later[d]) + settings.same_day_weight * len(same_day[d])
                     + settings.publication_weight * len(published[d]))
    return scores


def knee(values: Sequence[float]) -> int:
    """Index of the elbow of a descending curve (farthest point from the first-last chord)."""
    n = len(values)
    if n < 3:
        return n
    y = numpy.asarray(values, dtype=float)
    x = numpy.arange(n, dtype=float)
    dx, dy = x[-1] - x[0], y[-1] - y[0]
    dist = numpy.abs(dy * x - dx * y + x[-1] * y[0] - y[-1] * x[0]) / math.hypot(dx, dy)
    return int(dist.argmax()) + 1


def default_dates(ranked_scores: Sequence[float]) -> int:
    """How many days to show when the caller did not say: the days above the elbow of
    the score curve, at least 5 (when there are) and at most 30."""
    if not ranked_scores:
        return 0
    return max(min(5, len(ranked_scores)), min(30, knee(ranked_scores)))


# --- choosing sentences -----------------------------------------------------------------

def candidates_by_day(sentences: Sequence[Sentence], settings: Settings) -> dict[dt.date, dict[int, float]]:
    """Day -> {sentence: weight} of sentences about it: those naming it (weight 1), and
    undated lead sentences of articles published on it or the day after (``lead_weight``)."""
    out: dict[dt.date, dict[int, float]] = defaultdict(dict)
    for i, s in enumerate(sentences):
        if s.dates:
            for d in s.dates:
                if d <= s.published:
                    out[d][i] = 1.0
        elif s.position < settings.lead_sentences:
            for lag in range(settings.publication_lag + 1):
                out[s.published - dt.timedelta(days=lag)][i] = settings.lead_weight
    return out


def build_timeline(sentences: Sequence[Sentence], n_dates: Optional[int] = None,
                   k_sentences: int = DEFAULT_SENTENCES, date_from: Optional[dt.date] = None,
                   date_to: Optional[dt.date] = None, query: Optional[str] = None,
                   settings: Settings = Settings()) -> list[TimelineEntry]:
    """The ``n_dates`` most important days between ``date_from`` and ``date_to`` and, for
    each, up to ``k_sentences`` sentences telling different events. Sorted by date."""
    about = query_matcher(query)
    if about is not None:
        sentences = [s for s in sentences if about(s.text)]
    if not sentences or k_sentences <= 0 or (n_dates is not None and n_dates <= 0):
        return []
    scores = day_scores(sentences, settings, date_from, date_to)
    ranked = sorted(scores, key=lambda d: (-scores[d], d))
    if n_dates is None:
        n_dates = default_dates([scores[d] for d in ranked])
    shown_bounds = [trimmed(s) for s in sentences]
    shown_text = [_text_at(s, b) for s, b in zip(sentences, shown_bounds)]
    usable = [showable(t, settings) for t in shown_text]
    vectors = Vectors([s.text for s in sentences])
    by_day = candidates_by_day(sentences, settings)

    told: list[int] = []                      # representatives already in the timeline
    chosen: list[tuple[dt.date, Event]] = []
    days_done = 0
    for day in ranked:
        if days_done >= n_dates:
            break
        events = _day_events(by_day.get(day, {}), sentences, usable, vectors, settings)
        picked = _pick(events, k_sentences, told, vectors, settings)
        if picked:
            chosen += [(day, e) for e in picked]
            told += [e.representative for e in picked]
            days_done += 1
    return sorted((_entry(day, e, sentences, shown_bounds, shown_text) for day, e in chosen),
                  key=lambda x: (x.date, -x.salience))


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
    events = cluster_events(pool, sentences, vectors, closeness, settings.same_event,
                            can_represent=[usable[i] for i in pool])
    for e in events:
        e.score = e.score * (1.0 + settings.source_bonus * math.log(len(e.sources)))
    events.sort(key=lambda e: -e.score)
    return events


def _pick(events: Sequence[Event], k: int, told: Sequence[int], vectors: Vectors, settings: Settings) -> list[Event]:
    """Up to ``k`` events not already told (on this day or another)."""
    picked: list[Event] = []
    for e in events:
        if len(picked) >= k:
            break
        if e.score <= 0:
            continue
        others = list(told) + [p.representative for p in picked]
        if others and vectors.pairwise([e.representative], others).max() >= settings.same_event:
            continue
        picked.append(e)
    return picked


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
