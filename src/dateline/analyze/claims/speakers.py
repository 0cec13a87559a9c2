"""Speakers: the noun phrase that performs a reporting verb, from the parse when it is sane, else from the
surface."""
from __future__ import annotations

import bisect
import re
from typing import Optional

from spacy.tokens import Doc, Token

from ..lexicon.reporting import DOCUMENT_NOUNS, PLATFORMS
from ..lexicon.speakers import NAME_TITLES, ORG_NOUNS, PERSON_NOUNS
from ..datelines import dateline_end
from .forms import FORM_TO_LEMMA
from ..rules import Rule, Table, Trace
from .quotes import _trim
from .context import lazy, _Ctx, _acronym, _chars, _is_relative, _parsed
from .subject import _is_cue_verb, _subject


# --- speakers: noun phrases ---------------------------------------------------------------

def _person_entity(token: Token) -> Optional[tuple[int, int]]:
    if token.ent_type_ != "PERSON":
        return None
    doc = token.doc
    start = token.i
    while start > 0 and doc[start - 1].ent_type_ == "PERSON" and doc[start].ent_iob_ != "B":
        start -= 1
    end = token.i + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text)


def _np_tokens(head: Token) -> list[Token]:
    """The subject noun phrase around ``head``: no relative clauses, no comma appositions."""
    drop: set[int] = set()
    for child in head.children:
        if child.dep_ in ("relcl", "advmod", "punct", "cc") and child.i > head.i and child.text not in "()":
            drop.update(t.i for t in child.subtree)
        if child.dep_ == "acl" and child.i > head.i and child.tag_ == "VBG" and _is_cue_verb(child):
            drop.update(t.i for t in child.subtree)      # "a hostage [saying she …]"
        if child.dep_ == "appos" and child.i > head.i and child.left_edge.i > 0 \
                and head.doc[child.left_edge.i - 1].text == ",":
            drop.update(t.i for t in child.subtree)
        if child.dep_ == "prep" and child.i > head.i and child.lower_ in ("on", "via", "in", "through") \
                and any(c.lower_ in PLATFORMS for c in child.children):
            drop.update(t.i for t in child.subtree)      # "the group's armed wing on Telegram"
    # cut at the first comma after the head ("Aya Ahmed, public relations officer …")
    cut = next((t.i for t in head.subtree if t.i > head.i and t.text in (",", ";", "—", "–")), None)
    toks = [t for t in head.subtree if t.i not in drop]
    toks = [t for t in toks if cut is None or t.i < cut]
    toks = [t for t in toks if t.i >= head.i or not any(t.i <= x.i for x in toks if x.text in (",", ";"))]
    return _trim_np(toks)


def _trim_np(toks: list[Token]) -> list[Token]:
    def loose(tok: Token, edge: str) -> bool:
        return tok.is_space or (tok.is_punct and tok.text != edge)

    while toks and (loose(toks[0], "(") or toks[0].lower_ in ("and", "but", "or", "also")):
        toks = toks[1:]
    while toks and (loose(toks[-1], ")") or toks[-1].lower_ in ("also", "has", "have", "had")):
        toks = toks[:-1]
    if toks and sum(t.text == "(" for t in toks) > sum(t.text == ")" for t in toks):
        nxt = toks[-1].doc[toks[-1].i + 1] if toks[-1].i + 1 < len(toks[-1].doc) else None
        if nxt is not None and nxt.text == ")":
            toks = toks + [nxt]                          # "(WHO" → "(WHO)"
    # a phrase never runs across a line break (headlines, bullets)
    breaks = [k for k, t in enumerate(toks) if "\n" in t.text or "\n" in t.whitespace_]
    if breaks:
        toks = toks[:breaks[0] + 1] if "\n" in toks[breaks[0]].whitespace_ else toks[:breaks[0]]
    return toks


def _named_person(ctx: _Ctx, span: Optional[tuple[int, int]], inverted: bool = False) -> Optional[tuple[int, int]]:
    """The person a speaker phrase names: "Deputy Ambassador Robert Wood" → "Robert Wood".

    Only a name that ends the phrase counts ("Hazem Qassem's lawyer" is the lawyer); after an
    inverted cue ("said Dr. Ann Lee of the hospital") a name that starts it counts too.
    """
    if span is None:
        return None
    for ent in ctx.ents_within(*span):
        if ent.label_ != "PERSON":
            continue
        tail = ctx.text[ent.end_char:span[1]].strip()
        if not tail or tail == ")" or (inverted and ctx.text[span[0]:ent.start_char].strip().lower().rstrip(".")
                                       in NAME_TITLES | {""}):
            return ent.start_char, ent.end_char
    return None


def _speaker_from_head(ctx: _Ctx, head: Token, trace: Optional[Trace] = None
                       ) -> tuple[Optional[tuple[int, int]], Optional[Token]]:
    """Character span of the speaker named by ``head`` (and the head after any descent)."""
    span, found = _speaker_phrase(ctx, head, trace)
    if span is None:
        return None, None
    dateline = dateline_end(ctx.text, span[0])
    if dateline is not None and dateline < span[1]:
        span = (dateline, span[1])    # "Oct 9: Israel's defence minister"
    if not _has_content_word(ctx.text[span[0]:span[1]]):
        return None, None             # "according to the" cut off by the excerpt
    return _whole_names(ctx, span), found


_NAME_LABELS = ("ORG", "PERSON", "NORP", "GPE", "FAC", "WORK_OF_ART")


def _whole_names(ctx: _Ctx, span: tuple[int, int]) -> tuple[int, int]:
    """Widen a speaker phrase to the names it cuts: the parse stops "the Committee to Protect
    Journalists" at "to", "the Office for the Coordination of …" at "for"."""
    start, end = span
    lo = max(bisect.bisect_left(ctx._ent_starts, start) - 3, 0)
    for ent in ctx.ents[lo:]:
        if ent.start_char >= end:
            break
        if ent.label_ not in _NAME_LABELS or ent.end_char <= start:
            continue
        if ent.end_char > end and ent.start_char >= start and not _holds_cue(ent):
            end = ent.end_char
        if ent.start_char < start < ent.end_char:
            start = ent.start_char
    while start < end and not (ctx.text[start].isalnum() or ctx.text[start] in "(\"“‘'"):
        start += 1                    # an entity that took in a bullet ("• Israel's Army Radio")
    return start, end


def _holds_cue(ent) -> bool:
    """An entity that swallowed the reporting verb ("Hamas said") is not a name to widen to."""
    return any(t.lower_ in FORM_TO_LEMMA and t.pos_ in ("VERB", "AUX") for t in ent)


_FUNCTION_ONLY = {"the", "a", "an", "this", "that", "these", "those", "its", "his", "her", "their", "our"}


def _has_content_word(words: str) -> bool:
    return any(w.lower() not in _FUNCTION_ONLY for w in re.findall(r"\w+", words))


class _Phrase:
    """What the phrase rules look at: the head token of a speaker phrase and the names around it."""

    def __init__(self, ctx: _Ctx, head: Token, trace: Optional[Trace]):
        self.ctx = ctx
        self.head = head
        self.trace = trace

    @lazy
    def document_source(self) -> Optional[Token]:
        """"a statement by X", "figures from X", "figures released by X": X, when it can speak."""
        head = self.head
        if not (head.lemma_.lower() in DOCUMENT_NOUNS or head.lower_ in DOCUMENT_NOUNS):
            return None
        preps = [c for c in head.children if c.dep_ == "prep"]
        preps += [a for c in head.children if c.dep_ == "acl" and c.tag_ == "VBN"
                  for a in c.children if a.dep_ == "agent"]
        for prep in preps:
            if prep.lower_ in ("by", "from", "of"):
                pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
                if pobj is not None and (pobj.ent_type_ or pobj.pos_ == "PROPN"
                                         or pobj.lemma_.lower() in ORG_NOUNS | PERSON_NOUNS):
                    return pobj
        return None

    @lazy
    def person(self) -> Optional[tuple[int, int]]:
        """The person entity the head is part of, unless it is coordinated with others."""
        if any(c.dep_ == "conj" for c in self.head.children):
            return None
        return _person_entity(self.head)

    @lazy
    def apposed(self) -> Optional[Token]:
        """"The director of the hospital, Dr. Ann Lee, said": a person apposed to a common noun."""
        head = self.head
        return next((child for child in head.children if child.dep_ == "appos" and child.i > head.i
                     and _person_entity(child) and head.pos_ != "PROPN"), None)

    @lazy
    def closing(self) -> Optional[Token]:
        return _closing_apposition(self.head)

    @lazy
    def np(self) -> Optional[tuple[int, int]]:
        return _chars(_np_tokens(self.head))

    @lazy
    def named(self) -> Optional[tuple[int, int]]:
        return _named_person(self.ctx, self.np)


# The phrase a speaker's head token stands in: the first rule that holds gives (characters, head).
PHRASE = Table("claims.speaker.phrase", runner="claims", subject="a speaker's head token (_Phrase)", rules=(
    Rule("speaker/document-source", lambda s: s.document_source is not None,
         lambda s: _speaker_phrase(s.ctx, s.document_source, s.trace),
         examples=("According to a statement by the fire brigade, the blaze started in a kitchen.",),
         why="a document speaks for whoever issued it"),
    Rule("speaker/person-name", lambda s: bool(s.person), lambda s: (s.person, s.head),
         examples=("Maria Lopez, a nurse at the clinic, said the wards were full.",)),
    Rule("speaker/apposed-name", lambda s: s.apposed is not None,
         lambda s: (_person_entity(s.apposed), s.apposed),
         examples=("The head of the rescue team, Carlos Mendes, said three climbers were still missing.",)),
    Rule("speaker/closing-apposition", lambda s: s.closing is not None,
         lambda s: (_person_entity(s.closing), s.closing),
         examples=("“The roads are closed,” said a spokesman for the regional government, Pedro Alves.",)),
    Rule("speaker/name-ending-phrase", lambda s: s.named is not None, lambda s: (s.named, s.head),
         examples=("The engineers and their supervisor Pedro Alves said the dam would hold.",),
         why="'Deputy Mayor Carla Diaz' is Carla Diaz; not 'Carla Diaz's lawyer'"),
    Rule("speaker/noun-phrase", lambda s: True, lambda s: (s.np, s.head),
         examples=("The mayor said the floodwaters were finally receding.",),
         why="the noun phrase around the head, without relative clauses and comma appositions"),
))


def _speaker_phrase(ctx: _Ctx, head: Token, trace: Optional[Trace] = None
                    ) -> tuple[Optional[tuple[int, int]], Optional[Token]]:
    return PHRASE.decide(_Phrase(ctx, head, trace), trace)


def _closing_apposition(head: Token) -> Optional[Token]:
    """"A spokesman for the State Department, Matthew Miller, said": the name set off by commas
    at the end of a described speaker, wherever the parser hung it."""
    if head.pos_ == "PROPN" or head.ent_type_:
        return None
    doc = head.doc
    for tok in head.subtree:
        if tok.dep_ == "appos" and tok.i > head.i and tok.head.i != head.i and _person_entity(tok) \
                and tok.left_edge.i > 0 and doc[tok.left_edge.i - 1].text == "," \
                and tok.right_edge.i == head.right_edge.i - (doc[head.right_edge.i].text == ","):
            return tok
    return None


def _surface_np(ctx: _Ctx, start: int, end: int, inverted: bool = False) -> Optional[tuple[int, int]]:
    """A speaker found without a parse: a person the phrase names, else the trimmed range."""
    text = ctx.text
    s, e = _trim(text, start, end)
    while s < e and not text[s].isalnum():
        s += 1
    while e > s and not (text[e - 1].isalnum() or text[e - 1] in ")."):
        e -= 1
    if e <= s:
        return None
    return _named_person(ctx, (s, e), inverted) or _whole_names(ctx, (s, e))


# Words that end a subject noun phrase when walking left from a verb.
_CLAUSE_WORDS = {"that", "because", "as", "while", "if", "when", "after", "before", "since", "although",
                 "though", "and", "but", "or", "which", "who", "whom", "where", "whereas", "so", "than"}
_ADJUNCT_STARTS = {"after", "before", "while", "in", "on", "at", "during", "following", "as", "according",
                   "speaking", "asked", "when", "earlier", "later", "meanwhile", "however", "also",
                   "separately", "since", "from", "with", "without", "despite", "amid", "by", "for"}
_SKIPPABLE = {"has", "have", "had", "also", "previously", "later", "earlier", "further", "again",
              "repeatedly", "strongly", "separately", "meanwhile", "then", "now", "already",
              "reportedly", "allegedly", "is", "are", "was", "were", "will", "would", "did",
              "once", "recently", "quickly", "publicly", "privately", "formally", "officially",
              "overwhelmingly", "however", "subsequently"}
_NP_BREAK = {",", ";", ":", "—", "–", "“", "”", '"', "‘", "’", ".", "?", "!"}


def _surface_subject(ctx: _Ctx, verb: Token) -> Optional[tuple[int, int]]:
    """The noun phrase written just before a reporting verb, found on the surface.

    Handles what the parser often misattaches: "Content, an official at the border said",
    "Jordan's Foreign Minister said", "Aya Ahmed, public relations officer of X, told".
    """
    doc = ctx.doc
    s_start = _start_after_dateline(ctx, verb)
    i = verb.i - 1
    while i >= s_start and doc[i].lower_ in _SKIPPABLE:
        i -= 1
    phrase = _walk_np(doc, i, s_start)
    if phrase:
        if not _nominal_phrase(phrase):
            return None
        return _surface_np(ctx, phrase[0].idx, phrase[-1].idx + len(phrase[-1].text))
    if i < s_start or doc[i].text != ",":
        return None
    # an appositive chain or an adjunct between subject and verb: look at comma segments
    fallback = None
    for seg in _comma_segments(doc, s_start, i)[:3]:
        first = seg[0].lower_
        if first in _ADJUNCT_STARTS or _is_relative(seg[0]) or (_parsed(seg[0]) and seg[0].pos_ == "ADP"):
            continue                  # ", after arriving in Tel Aviv," / ", who …,"
        phrase = _walk_np(doc, seg[-1].i, seg[0].i)
        if not phrase or phrase[0].i != seg[0].i or not _nominal_phrase(phrase):
            if fallback is None:
                break                 # a clause: the verb's subject is not in view
            continue
        seg_span = _surface_np(ctx, phrase[0].idx, phrase[-1].idx + len(phrase[-1].text))
        if seg_span is not None and _named_person(ctx, seg_span) == seg_span:
            return seg_span
        if fallback is None:
            fallback = seg_span
    return fallback


def _start_after_dateline(ctx: _Ctx, verb: Token) -> int:
    """Index of the first token of the verb's sentence that is not part of a dateline."""
    if not ctx.sents:
        return 0
    sent = ctx.sents[ctx.sent_index(verb.idx)]
    dateline = dateline_end(ctx.text, sent.start_char)
    if dateline is None:
        return sent.start
    first = ctx.token_at(dateline)
    if first is None:
        return sent.start
    return min(first.i if first.idx >= dateline else first.i + 1, verb.i)


def _comma_segments(doc: Doc, lo: int, comma: int) -> list[list[Token]]:
    """Comma-separated pieces of ``doc[lo:comma]``, nearest first."""
    out: list[list[Token]] = []
    current: list[Token] = []
    for i in range(comma - 1, lo - 1, -1):
        if doc[i].text == ",":
            if current:
                out.append(current[::-1])
            current = []
        else:
            current.append(doc[i])
    if current:
        out.append(current[::-1])
    return out


def _nominal_phrase(phrase: list[Token]) -> bool:
    """A phrase that can name a speaker: not a prepositional phrase or a date ("on Friday")."""
    first = phrase[0]
    if first.lower_ in _ADJUNCT_STARTS - {"also"} or (_parsed(first) and first.pos_ == "ADP"):
        return False
    if all(t.ent_type_ in ("DATE", "TIME") or t.is_punct for t in phrase):
        return False
    if _parsed(first):
        return any(t.pos_ in ("NOUN", "PROPN", "PRON", "NUM") for t in phrase)
    return any(t.is_alpha for t in phrase)


def _walk_np(doc: Doc, i: int, lo: int) -> list[Token]:
    out: list[Token] = []
    while i >= lo:
        tok = doc[i]
        if tok.text in _NP_BREAK or (tok.lower_ in _CLAUSE_WORDS and not _acronym(tok)) or "\n" in tok.text:
            break
        if _parsed(tok) and tok.pos_ in ("VERB", "AUX") and tok.dep_ not in ("amod", "compound", "acl"):
            break
        out.append(tok)
        i -= 1
    out.reverse()
    if len(out) > 14:
        return []
    return _trim_np(out)


def _sane_subject(ctx: _Ctx, subject: Token, verb: Token, content: tuple[int, int]) -> bool:
    """Reject parser subjects inside the content, a quotation or a dateline, or not nominal."""
    if dateline_end(ctx.text, subject.idx) is not None:
        return False
    if content[0] <= subject.idx < content[1] and not (subject.i < verb.i and verb.idx < content[0]):
        return False
    if any(q.start <= subject.idx < q.end for q in ctx.quotes if q.close is not None):
        return False
    return subject.pos_ in ("NOUN", "PROPN", "PRON", "NUM", "X") or bool(subject.ent_type_)


_MODIFIER_DEPS = {"acl", "relcl", "amod", "pcomp", "pobj", "nmod", "compound", "dobj", "nsubj", "appos"}


class _Source:
    """What the source rules look at: a reporting verb, its content, and the subject the parse gives it."""

    def __init__(self, ctx: _Ctx, verb: Token, content: tuple[int, int], trace: Optional[Trace]):
        self.ctx = ctx
        self.verb = verb
        self.content = content
        self.trace = trace
        self.subject = _subject(verb, trace=trace)


# Where a reporting verb's speaker is read: the parse when sane, else the surface (outcome: chars, head).
SOURCE = Table("claims.speaker.source", runner="claims", subject="a reporting verb and its content (_Source)", rules=(
    Rule("speaker/parsed-subject",
         lambda s: s.subject is not None and _sane_subject(s.ctx, s.subject, s.verb, s.content),
         lambda s: _speaker_from_head(s.ctx, s.subject, s.trace),
         examples=("The mayor said the floodwaters were finally receding.",)),
    Rule("none/modifier-verb",
         lambda s: (s.verb.dep_ == "advcl" and s.verb.tag_ == "VBG") or s.verb.dep_ in _MODIFIER_DEPS, (None, None),
         examples=("The fire chief's decision to warn residents early saved lives.",),
         why="'its ability to threaten …': a verb modifying something has no speaker to look for"),
    Rule("speaker/surface-subject", lambda s: True, lambda s: (_surface_subject(s.ctx, s.verb), None),
         examples=("The rescue crews, an official at the scene said, had reached the mine.",),
         why="the noun phrase written just before the verb, which the parser misattached"),
))


def _speaker_of(ctx: _Ctx, verb: Token, content: tuple[int, int], trace: Optional[Trace] = None):
    """(speaker chars, head token) for a reporting verb: the parse when sane, else the surface."""
    return SOURCE.decide(_Source(ctx, verb, content, trace), trace)
