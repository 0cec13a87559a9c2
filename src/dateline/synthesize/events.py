"""Sentences as plain records, their vectors, and events: the same happening told by several sources.

The timeline and the briefing work over :class:`Sentence` records, whatever they
were read from (the SQLite store, or raw benchmark files): a sentence's span, its
text, its article's publication date and independent source, and the days it names.

An :class:`Event` gathers sentences that report the same thing across articles
(syndicated copies, re-reports, later references) by TF-IDF cosine similarity, or by
the same count of the same thing.
Its salience counts independent sources: copies of one wire story (one
``source``) count once.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Iterable, Optional, Sequence

import numpy
from scipy import sparse

from ..records import Span

# Two sentences whose TF-IDF cosine reaches this tell the same event (re-reports share
# most content words; different events of one story rarely pass 0.5).
SAME_EVENT = 0.5
# ... and with the same count of the same thing, this much (some shared words besides the count)
COUNT_WORDS = 0.1
# Sentences whose similarities are computed at once when clustering (memory: block x pool)
CLUSTER_BLOCK = 1024


@dataclass(frozen=True)
class Sentence:
    """One sentence of one article, with what dating and ranking need."""

    span: Span                              # the sentence in its document (text == doc text[start:end])
    text: str
    published: dt.date                      # the article's publication date
    position: int = 0                       # index of the sentence in its article (0 = lead)
    source: str = ""                        # independence unit: dup group, else document id
    dates: tuple[dt.date, ...] = ()         # days the sentence names (resolved, not "since ...")
    calendar_dates: tuple[dt.date, ...] = ()  # those of them written as calendar dates ("April 20", "4/20")
    counts: tuple[tuple[str, float], ...] = ()  # (measure, value) of the ledger's figures in it (>= 10)

    @property
    def doc(self) -> str:
        return self.span.doc

    @property
    def independent_source(self) -> str:
        return self.source or self.span.doc


@dataclass
class Event:
    """Sentences (indices into the pool the event was built from) telling one happening."""

    members: list[int]
    representative: int
    score: float = 0.0
    sources: set[str] = field(default_factory=set)

    @property
    def salience(self) -> int:
        """Independent sources reporting it."""
        return len(self.sources)


class Vectors:
    """TF-IDF rows (L2-normalised) for a pool of sentences, fitted on that pool."""

    def __init__(self, texts: Sequence[str], vectorizer=None):
        from sklearn.feature_extraction.text import TfidfVectorizer

        if vectorizer is None:
            vectorizer = TfidfVectorizer(stop_words="english", lowercase=True, sublinear_tf=True,
                                         token_pattern=r"(?u)\b[^\W\d_][\w'-]*\b", dtype=numpy.float32)
            matrix = vectorizer.fit_transform(texts) if texts else sparse.csr_matrix((0, 0))
        else:
            matrix = vectorizer.transform(texts)
        self.vectorizer = vectorizer
        self.matrix = sparse.csr_matrix(matrix)

    def rows(self, indices: Sequence[int]) -> sparse.csr_matrix:
        return self.matrix[list(indices)]

    def centroid(self, indices: Sequence[int], weights: Optional[Sequence[float]] = None) -> numpy.ndarray:
        """Unit-length mean of the rows (a dense vector)."""
        rows = self.rows(indices)
        if weights is not None:
            rows = sparse.diags(numpy.asarray(weights, dtype=numpy.float32)) @ rows
        total = numpy.asarray(rows.sum(axis=0)).ravel()
        norm = numpy.linalg.norm(total)
        return total / norm if norm else total

    def similarity(self, indices: Sequence[int], vector: numpy.ndarray) -> numpy.ndarray:
        return numpy.asarray(self.rows(indices) @ vector).ravel()

    def pairwise(self, a: Sequence[int], b: Sequence[int]) -> numpy.ndarray:
        if not len(a) or not len(b):
            return numpy.zeros((len(a), len(b)), dtype=numpy.float32)
        return (self.rows(a) @ self.rows(b).T).toarray()


def cluster_events(indices: Sequence[int], sentences: Sequence[Sentence], vectors: Vectors,
                   scores: Sequence[float], threshold: float = SAME_EVENT,
                   can_represent: Optional[Sequence[bool]] = None) -> list[Event]:
    """Leader clustering: in order of ``scores`` (best first), a sentence joins the first
    event whose representative it resembles (cosine >= ``threshold``) or, failing that, the
    first whose representative gives the same count of the same thing (the ledger's figures:
    "34 passengers were killed" / "the bodies of 34 passengers") in some of the same words
    (cosine >= ``COUNT_WORDS``), else starts one.

    ``scores`` and ``can_represent`` are aligned with ``indices``; only sentences that
    may be shown (``can_represent``) lead an event, the others only add sources.
    """
    if not len(indices):
        return []
    order = sorted(range(len(indices)), key=lambda i: -scores[i])
    rows = vectors.rows(indices)
    events: list[Event] = []
    leaders: list[int] = []                     # positions (in ``indices``) of event representatives
    orphans: list[int] = []                     # sentences that cannot lead and matched no event yet
    by_count: dict[tuple, list[int]] = {}       # (measure, value) -> leaders giving it, in founding order

    def first_match(pos: int, sims: numpy.ndarray) -> Optional[int]:
        """The first event (in founding order) whose representative ``pos`` resembles, given its
        similarity to every representative so far (``sims``, in founding order)."""
        hits = numpy.flatnonzero(sims >= threshold)
        if len(hits):
            return int(hits[0])
        # the same count of the same thing (the ledger's figures) in some of the same words: the
        # same report in other words ("a bus crash killed 30" shares no words with "the storm
        # killed 30" beyond the count, and is another event)
        for count in sentences[indices[pos]].counts:
            for k in by_count.get(count, ()):
                if sims[k] >= COUNT_WORDS:
                    return k
        return None

    def join(matched: int, pos: int) -> None:
        events[matched].members.append(indices[pos])
        events[matched].sources.add(sentences[indices[pos]].independent_source)

    # similarities are computed a block of sentences at a time, against the representatives
    # founded before the block and within it: memory follows the block, not the pool squared
    for start in range(0, len(order), CLUSTER_BLOCK):
        block = order[start:start + CLUSTER_BLOCK]
        block_rows = rows[block]
        before = len(leaders)
        to_before = (block_rows @ rows[leaders].T).toarray() if before else None
        within = (block_rows @ block_rows.T).toarray()
        founded_at: list[int] = []              # places in the block of the representatives it founds
        for j, pos in enumerate(block):
            sims = within[j, founded_at] if before == 0 else \
                numpy.concatenate([to_before[j], within[j, founded_at]])
            matched = first_match(pos, sims) if len(sims) else None
            if matched is not None:
                join(matched, pos)
            elif can_represent is None or can_represent[pos]:
                events.append(Event(members=[indices[pos]], representative=indices[pos], score=scores[pos],
                                    sources={sentences[indices[pos]].independent_source}))
                for count in sentences[indices[pos]].counts:
                    by_count.setdefault(count, []).append(len(leaders))
                leaders.append(pos)
                founded_at.append(j)
            else:
                orphans.append(pos)
    # sentences that may not be shown still count as sources of a later-founded event
    if leaders:
        for start in range(0, len(orphans), CLUSTER_BLOCK):
            block = orphans[start:start + CLUSTER_BLOCK]
            to_leaders = (rows[block] @ rows[leaders].T).toarray()
            for j, pos in enumerate(block):
                matched = first_match(pos, to_leaders[j])
                if matched is not None:
                    join(matched, pos)
    return events


def same_event(vectors: Vectors, a: int, b: int, threshold: float = SAME_EVENT) -> bool:
    return float(vectors.pairwise([a], [b])[0, 0]) >= threshold


_SPACE = re.compile(r"\s+")


def normalized(text: str) -> str:
    """Text compared for exact copies: spacing and quote styles ignored."""
    text = text.replace("“", '"').replace("”", '"').replace("‘", "'").replace("’", "'")
    return _SPACE.sub(" ", text).strip()


def copies_of(text: str, spans: Iterable[tuple[Span, str]]) -> list[Span]:
    """Spans among ``spans`` (each with its text) that hold ``text`` as written (an exact copy)."""
    want = normalized(text)
    return [span for span, other in spans if normalized(other) == want]
