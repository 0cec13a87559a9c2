"""Per-document working structures: a claim before its speaker is resolved (_Raw), the document's sentences,
quotes and lookups (_Ctx), content cleaning."""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import Iterable, Optional, TYPE_CHECKING

from spacy.tokens import Doc, Span, Token

from .. import nlp
from ..datelines import dateline_end
from ..rules import Trace, new_trace
from .quotes import Quote, find_quotes

if TYPE_CHECKING:
    from .mentions import _Mention


RELATIVE_PRONOUNS = {"which", "who", "that", "whom", "what", "whose"}


def _acronym(tok) -> bool:
    """"WHO", "UN", "IDF": capitals that are names even when they spell a function word."""
    return len(tok.text) > 1 and tok.text.isupper() and tok.text.isalpha()


def _is_relative(tok) -> bool:
    return tok.lower_ in RELATIVE_PRONOUNS and not _acronym(tok)


class lazy:
    """A property computed once per object (``functools.cached_property`` without the lock Python < 3.12
    takes on every first access)."""

    def __init__(self, fn):
        self.fn = fn
        self.name = fn.__name__
        self.__doc__ = fn.__doc__

    def __get__(self, obj, cls=None):
        if obj is None:
            return self
        value = obj.__dict__[self.name] = self.fn(obj)
        return value


# --- working structures -------------------------------------------------------------------

@dataclass
class _Raw:
    """A claim before its speaker is resolved."""

    span: tuple[int, int]
    content: tuple[int, int]
    mode: str
    cue: Optional[tuple[int, int]]
    speaker_head: Optional[Token] = None            # head of the subject NP (parsed)
    speaker_chars: Optional[tuple[int, int]] = None  # surface NP (unparsed fallback)
    carry: bool = False                              # speaker carried from the previous claim
    from_report: bool = False                        # "reportedly": only from a report just before
    speaker: Optional[str] = None
    speaker_span: Optional[tuple[int, int]] = None
    speaker_kind: Optional[str] = None
    trace: Optional[Trace] = None                    # the rules that made it (and its candidate's fate)

    def __str__(self) -> str:                        # its note in a trace
        return f"{self.mode} claim, content at {self.content[0]}-{self.content[1]}"


def _drop(trace: Optional[Trace], why: str = "", default: str = "no claim") -> None:
    """A candidate that made no claim: dropped for ``why``, else by the last veto that decided on it."""
    if trace is not None and not trace.outcome:
        vetoes = [rule for _, rule, _, decided in trace.steps if decided and rule.startswith("veto/")]
        trace.outcome = "dropped: " + (why or (vetoes[-1] if vetoes else default))


class _Ctx:
    """Per-document helpers: sentences, quotes and char→token lookups."""

    def __init__(self, doc: Doc):
        self.doc = doc
        self.text = nlp.doc_text(doc)
        self.sents = nlp.sentences(doc)
        self.sent_starts = [s.start_char for s in self.sents]
        self.quotes = find_quotes(self.text)
        self.used_cues: set[int] = set()
        self.quote_traces: dict[int, tuple[Quote, Trace]] = {}     # by the quotation's start
        self.token_starts = [t.idx for t in nlp.tokens(doc)]
        self._mentions: dict[int, list["_Mention"]] = {}
        self.ents = list(doc.ents)           # doc.ents rebuilds its list on every access
        self._ent_starts = [e.start_char for e in self.ents]
        self._chunks: dict[int, list] = {}
        self._has_dep: Optional[bool] = None
        self._closed: Optional[list[tuple[int, int]]] = None
        self._closed_starts: list[int] = []
        self._surname_gender: Optional[dict[str, Optional[str]]] = None

    def ents_within(self, start: int, end: int) -> list:
        i = bisect.bisect_left(self._ent_starts, start)
        out = []
        while i < len(self.ents) and self.ents[i].start_char < end:
            if self.ents[i].end_char <= end:
                out.append(self.ents[i])
            i += 1
        return out

    def noun_chunks(self, sent_index: int) -> list:
        """Noun chunks of one sentence, found in that sentence only, once (Span.noun_chunks scans the whole
        document): the chunks of the whole document that start in it, since no parse tree crosses a sentence
        (each parsed segment's sentences are the parser's own) and unparsed sentences have none."""
        found = self._chunks.get(sent_index)
        if found is None:
            if self._has_dep is None:
                self._has_dep = self.doc.has_annotation("DEP")
            found = self._chunks[sent_index] = [] if not self._has_dep else [
                Span(self.doc, start, end, label=label)
                for start, end, label in self.doc.noun_chunks_iterator(self.sents[sent_index])]
        return found

    def paragraph_first_sentence(self, char: int) -> int:
        """Index of the first sentence of the paragraph holding ``char``."""
        para = self.text.rfind("\n", 0, char) + 1
        return self.sent_index(para)

    def sent_index(self, char: int) -> int:
        return max(bisect.bisect_right(self.sent_starts, char) - 1, 0)

    def sent_bounds(self, char: int) -> tuple[int, int]:
        s = self.sents[self.sent_index(char)] if self.sents else None
        return (s.start_char, s.end_char) if s is not None else (0, len(self.text))

    def token_at(self, char: int) -> Optional[Token]:
        i = bisect.bisect_right(self.token_starts, char) - 1
        return self.doc[i] if 0 <= i < len(self.doc) else None

    def quote_holding(self, start: int, end: int) -> Optional[Quote]:
        for q in self.quotes:
            if q.start <= start and end <= q.end:
                return q
        return None

    def quote_trace(self, q: Quote) -> Trace:
        """The trace of a quotation as a claim candidate (one per quotation, whichever pass looks at it)."""
        found = self.quote_traces.get(q.start)
        if found is None:
            label = self.text[q.start:q.end]
            label = label if len(label) <= 60 else label[:59] + "…"
            found = self.quote_traces[q.start] = (q, new_trace("claim", label, q.start, q.end))
        return found[1]

    def quotes_overlapping(self, start: int, end: int) -> list[Quote]:
        return [q for q in self.quotes if q.start < end and start < q.end]

    def in_closed_quote(self, char: int) -> bool:
        if self._closed is None:     # quotations never overlap: sorted bounds and bisect
            closed = [(q.open, q.close) for q in self.quotes if q.open is not None and q.close is not None]
            self._closed = sorted(closed)
            self._closed_starts = [a for a, _ in self._closed]
        i = bisect.bisect_left(self._closed_starts, char) - 1
        return i >= 0 and self._closed[i][0] < char < self._closed[i][1]


def _parsed(token: Token) -> bool:
    return bool(token.tag_)


def _chars(tokens: Iterable[Token]) -> Optional[tuple[int, int]]:
    toks = list(tokens)
    if not toks:
        return None
    first = min(toks, key=lambda t: t.i)
    last = max(toks, key=lambda t: t.i)
    return first.idx, last.idx + len(last.text)


_STRIP_TRAIL = set(".,;:–—-…") | set(" \t\n\r")
_STRIP_LEAD = set(",;:–—-.") | set(" \t\n\r")


def _clean_content(text: str, start: int, end: int) -> tuple[int, int]:
    """Trim spaces, a leading "that" and outer punctuation (quotation marks are kept)."""
    dateline = dateline_end(text, start)
    if dateline is not None and dateline < end:
        start = dateline
    while True:
        before = (start, end)
        while start < end and text[start] in _STRIP_LEAD:
            start += 1
        while end > start and text[end - 1] in _STRIP_TRAIL:
            end -= 1
        if re.match(r"that[\s,]", text[start:end], re.I):
            start += 4
        if (start, end) == before:
            return start, end


def _direct_content(text: str, q: Quote) -> tuple[int, int]:
    """Inside the marks, without a trailing comma ("…,” he said")."""
    start, end = q.inner_start, q.inner_end
    while end > start and (text[end - 1] in ",;:–—-" or text[end - 1].isspace()):
        end -= 1
    return start, end

