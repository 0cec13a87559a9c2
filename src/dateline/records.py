"""Typed records passed between the stages of dateline.

Every extracted item carries a :class:`Span` into the stored text of exactly
one document, so any consumer can verify that ``text[start:end]`` holds what
the record claims (the figure's number, the claim's content, ...).
"""
from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import asdict, dataclass, field
from typing import Any, Literal, Optional

MEASURES = ("killed", "wounded", "hostages", "displaced", "aid_trucks", "evacuated", "missing", "other")
QUALIFIERS = ("exact", "at least", "more than", "about", "nearly", "up to", "range", "unclear")
SCOPES = ("cumulative", "period", "incident", "planned", "superseded", "pre-war", "other")
CLAIM_MODES = ("direct", "reported", "mixed")
ENTITY_KINDS = ("person", "organisation", "place", "group")

Measure = Literal["killed", "wounded", "hostages", "displaced", "aid_trucks", "evacuated", "missing", "other"]


@dataclass(frozen=True, order=True)
class Span:
    """Half-open character range ``[start, end)`` in the text of document ``doc``."""

    doc: str
    start: int
    end: int

    def text(self, doc_text: str) -> str:
        return doc_text[self.start:self.end]

    def contains(self, other: "Span") -> bool:
        return self.doc == other.doc and self.start <= other.start and other.end <= self.end


@dataclass
class Document:
    """One article as stored: ``text`` is exactly what every span points into."""

    id: str
    text: str
    date: dt.date
    url: Optional[str] = None
    title: Optional[str] = None
    origin: Optional[str] = None          # file (and line) it was read from
    dup_group: Optional[str] = None        # id of the group of syndicated / near-duplicate copies

    @property
    def content_hash(self) -> str:
        h = hashlib.sha256()
        for part in (self.text, self.date.isoformat(), self.title or "", self.url or ""):
            h.update(part.encode("utf-8"))
            h.update(b"\0")
        return h.hexdigest()[:16]


@dataclass
class Mention:
    """An entity mention; ``canonical`` is filled in by consolidation (aliases)."""

    span: Span
    text: str
    label: str                  # spaCy label: PERSON, ORG, GPE, NORP, LOC, FAC
    kind: str                   # one of ENTITY_KINDS
    canonical: Optional[str] = None     # entity id, set by consolidation
    alias_of: Optional[str] = None      # a longer name the text equates it with: "the Office ... (OCHA)"

    @property
    def id(self) -> str:
        return f"{self.span.doc}#m{self.span.start}-{self.span.end}"


@dataclass
class TimeExpr:
    """A temporal expression resolved against the article's date.

    ``value`` follows TIMEX3 conventions: ``2023-11-01`` (a day), ``2023-11``
    (a month), ``2023-W45`` (a week), ``2023`` (a year), ``P3D`` (a duration),
    ``PRESENT_REF`` / ``PAST_REF`` / ``FUTURE_REF``. ``date`` is the calendar day
    when the expression names one (else ``None``).
    """

    span: Span
    text: str
    type: str                   # DATE, TIME, DURATION, SET
    value: str
    date: Optional[dt.date] = None
    since: bool = False         # "since October 7": the start of a running period

    @property
    def id(self) -> str:
        return f"{self.span.doc}#t{self.span.start}-{self.span.end}"


@dataclass
class Figure:
    """A count of people or things, cited to its number (``span``) and sentence."""

    span: Span                  # the number as written ("8,796", "1.4 million", "two hundred")
    sentence: Span              # the sentence (or headline / bullet line) holding it
    value: float
    measure: str                # one of MEASURES
    qualifier: str = "exact"    # one of QUALIFIERS
    value_max: Optional[float] = None
    group: Optional[str] = None
    parent: Optional[str] = None        # id of the figure this one is a sub-group of
    source: Optional[str] = None
    source_entity: Optional[str] = None
    as_of: Optional[dt.date] = None
    scope: str = "cumulative"   # one of SCOPES
    place: Optional[str] = None         # where the counted people are ("Gaza", "Wajima", "North Carolina")
    place_within: Optional[str] = None  # the places that hold it, largest first ("Japan/Ishikawa"), where known
    revised: bool = False               # the text around it says the count was revised downwards
    breakdown: Optional[str] = None     # the label of a line breaking a total down by cause or kind ("Drowning")
    place_inferred: bool = False        # the place is the article's, not said of this figure

    @property
    def id(self) -> str:
        return f"{self.span.doc}#f{self.span.start}-{self.span.end}"


@dataclass
class Claim:
    """An attributed statement: who said what, with which reporting expression."""

    span: Span                  # the whole attribution (sentence or quoted passage with its cue)
    content: Span               # the statement itself
    mode: str                   # direct, reported or mixed
    speaker: Optional[str] = None
    speaker_span: Optional[Span] = None
    speaker_entity: Optional[str] = None
    cue: Optional[str] = None
    cue_span: Optional[Span] = None

    @property
    def id(self) -> str:
        return f"{self.content.doc}#c{self.content.start}-{self.content.end}"


@dataclass
class DatedSentence:
    """One sentence of an article and the days it names: the timeline's input, dated once per article."""

    span: Span                              # the sentence, whitespace trimmed
    position: int                           # its index among the article's sentences (0 = lead)
    dates: tuple[dt.date, ...] = ()         # days named inside it (resolved; not the start of "since ...")
    calendar_dates: tuple[dt.date, ...] = ()  # those of them written as calendar dates ("April 20", "4/20")


@dataclass
class Analysis:
    """Everything extracted from one document (the output of the analyze stage)."""

    doc: Document
    mentions: list[Mention] = field(default_factory=list)
    times: list[TimeExpr] = field(default_factory=list)
    figures: list[Figure] = field(default_factory=list)
    claims: list[Claim] = field(default_factory=list)
    sentences: list[DatedSentence] = field(default_factory=list)
    rules: dict[str, list[str]] = field(default_factory=dict)     # figure id -> the rules that decided it


def to_jsonable(obj: Any) -> Any:
    """Plain JSON-ready data from records (dates as ISO strings, spans as dicts)."""
    if isinstance(obj, (dt.date, dt.datetime)):
        return obj.isoformat()
    if hasattr(obj, "__dataclass_fields__"):
        return {k: to_jsonable(v) for k, v in asdict(obj).items()}
    if isinstance(obj, dict):
        return {k: to_jsonable(v) for k, v in obj.items()}
    if isinstance(obj, (list, tuple)):
        return [to_jsonable(v) for v in obj]
    return obj
