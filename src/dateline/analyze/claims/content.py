"""What a reporting verb says: its content tokens, from the parse (complements, trailing and leading clauses),
without what is not content."""
from __future__ import annotations

import re
from typing import Optional

from spacy.tokens import Token

from ..lexicon.reporting import CHANNEL_NOUNS, COMMENT_NOUNS, REPORTING_VERBS, SPEECH_CORE
from ..rules import Rule, Table
from .context import _Ctx, _clean_content, _is_relative
from .subject import _is_cue_verb


# --- pass 2: dependency cues ---------------------------------------------------------------

_BACKGROUND_MARKS = {"after", "since", "as", "following", "when", "because", "before", "amid"}


# words that open a count ("between 80 and 120", "over 300"), not a time or place ("on September 11")
_COUNT_PREPS = {"between", "over", "about", "around", "under", "nearly", "almost", "some", "approximately",
                "roughly", "up", "above", "below", "upwards"}


def _content_tokens(verb: Token, lemma: str) -> list[Token]:
    deps, preps = REPORTING_VERBS.get(lemma, ((), ()))
    parts: list[Token] = []
    for child in verb.children:
        if child.dep_ == "advcl" and "ccomp" in deps and child.i > verb.i and _that_clause(child):
            parts.append(child)       # "reported, citing X, that …" read as an adverbial clause
        elif child.dep_ in deps:
            if child.dep_ == "dobj" and _is_relative(child):
                continue             # "whom it described as …": the relative pronoun is not content
            if child.dep_ == "dobj" and lemma == "call":
                continue
            if child.dep_ in ("dobj", "xcomp", "oprd") and child.i < verb.i:
                continue
            parts.append(child)
        elif child.dep_ in ("prep", "dative") and child.lower_ in preps and child.i > verb.i:
            parts.append(child)
    if lemma == "ask" and not any(p.dep_ in ("ccomp", "xcomp") for p in parts):
        parts = [p for p in parts if p.dep_ != "dobj"]     # "asked a question" says nothing
    if lemma == "call" and any(c.dep_ == "oprd" for c in verb.children):
        parts += [c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i]
    if lemma == "tell" and any(p.dep_ == "xcomp" and any(c.dep_ == "aux" and c.lower_ == "to" for c in p.children)
                               for p in parts):
        parts += [c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i]   # "told X to leave"
    if any(p.i > verb.i for p in parts):      # complements on both sides: the one after is said
        parts = [p for p in parts if p.i > verb.i]
    # "said between 8,000 and 15,000 people died": the counted subject of the clause said, which the parser
    # hung on the cue as a phrase of its own
    for child in verb.children:
        if child.dep_ == "prep" and child.lower_ in _COUNT_PREPS and child.i > verb.i and \
                any(t.like_num for t in child.subtree) and any(
                p.dep_ == "ccomp" and p.left_edge.i == child.right_edge.i + 1 for p in parts):
            parts.append(child)
    drop: set[int] = set()
    for part in parts:
        drop |= _excluded_inside(part, background=part.dep_ not in ("ccomp", "advcl"))
        mark = _that_clause(part)
        if mark is not None:          # "said, citing X, that …": the content starts at "that"
            drop |= {t.i for t in part.subtree if t.i < mark.i}
        # keep the content on its own side of the cue ("that Israel says killed …")
        drop |= {t.i for t in part.subtree if (t.i < verb.i) != (part.i < verb.i)}
    chosen = sorted({t.i: t for part in parts for t in part.subtree if t.i not in drop}.values(),
                    key=lambda t: t.i)
    bare = [p for p in parts if p.dep_ == "prep" and not list(p.children) and verb.dep_ != "relcl"
            and p.i + 1 < len(verb.doc) and verb.doc[p.i + 1].pos_ in ("DET", "NOUN", "PROPN", "NUM", "ADJ", "PRON")]
    if bare and len(chosen) == 1:     # "called for [the crossing to be opened]" parsed apart
        chosen += [t for t in verb.doc[bare[0].i + 1:verb.right_edge.i + 1]
                   if not t.is_punct or t.i < verb.right_edge.i]
    # a leading governing preposition belongs with the cue ("called for X", "described as X")
    if chosen and chosen[0].dep_ == "prep" and chosen[0].head.i == verb.i and chosen[0].lower_ in preps \
            and not any(p.dep_ in ("dobj", "ccomp") for p in parts):
        chosen = chosen[1:]
    return chosen


def _that_clause(clause: Token) -> Optional[Token]:
    """The "that" introducing a clause, if it has one."""
    return next((c for c in clause.children if c.dep_ == "mark" and c.lower_ == "that"), None)


def _separate_claim(tok: Token) -> bool:
    """A reporting verb coordinated or adjoined inside a content clause makes its own claim:
    "said A, and claimed B", "said A, adding that B", "said A, while mediators cautioned B"."""
    if not _is_cue_verb(tok) or tok.dep_ not in ("conj", "advcl"):
        return False
    has_content = any(c.dep_ in ("ccomp", "dobj", "xcomp") for c in tok.children)
    if tok.dep_ == "conj":
        return has_content
    own_subject = any(c.dep_.startswith("nsubj") for c in tok.children)
    return has_content and (tok.tag_ == "VBG" or own_subject)


def _excluded_inside(part: Token, background: bool) -> set[int]:
    """Tokens of a content subtree that are not content: nested reporting verbs coordinated into it
    (their own claims), trailing channel adjuncts, and comma-set background clauses of actions."""
    drop: set[int] = set()
    for tok in part.subtree:
        if tok is part:
            continue
        if _separate_claim(tok):
            start = tok.left_edge.i if tok.dep_ == "advcl" else tok.i
            while start > part.left_edge.i and tok.doc[start - 1].lower_ in (",", "and", "but", "while", "whereas"):
                start -= 1
            drop.update(range(start, tok.right_edge.i + 1))
        elif tok.dep_ == "prep" and tok.lower_ in ("in", "during", "at", "on", "via", "through", "over") \
                and tok.right_edge.i == part.right_edge.i:
            pobj = next((c for c in tok.children if c.dep_ == "pobj"), None)
            if pobj is not None and pobj.lemma_.lower() in CHANNEL_NOUNS:
                drop.update(t.i for t in tok.subtree)
        elif _comment_on_claim(tok, part):
            drop.update(range(tok.left_edge.i - 1, tok.right_edge.i + 1))
        elif background and tok.dep_ == "advcl" and tok.i > part.i and tok.head.i == part.i:
            mark = next((c for c in tok.children if c.dep_ in ("mark", "prep")), None)
            if mark is not None and mark.lower_ in _BACKGROUND_MARKS and tok.left_edge.i > 0 \
                    and tok.doc[tok.left_edge.i - 1].text == ",":
                drop.update(range(tok.left_edge.i - 1, tok.right_edge.i + 1))
    return drop


def _comment_on_claim(tok: Token, part: Token) -> bool:
    """A comma-set noun phrase that closes the content and comments on it."""
    doc = tok.doc
    return tok.dep_ in ("appos", "dobj", "npadvmod", "attr") and tok.i > part.i \
        and tok.lemma_.lower() in COMMENT_NOUNS and tok.right_edge.i == part.right_edge.i \
        and tok.left_edge.i > part.left_edge.i and doc[tok.left_edge.i - 1].text == "," \
        and doc[tok.left_edge.i].lower_ in ("a", "an", "which", "the")


def _trailing_content(verb: Token) -> list[Token]:
    """"Content …, the ministry said." parsed with the content verb as the head of "said"."""
    head = verb.head
    if head is verb or verb.dep_ not in ("parataxis", "ccomp", "advcl", "conj", "dep"):
        return []
    doc = verb.doc
    inner = [t for t in verb.subtree if not t.is_punct]
    left, right = inner[0].i, inner[-1].i
    if left == 0 or doc[left - 1].text not in (",", "—", "–"):
        return []
    if verb.i < head.i:
        # "The army, a spokesman said, had withdrawn": a parenthetical attribution; the content
        # is the clause around it (one span, so the attribution stays inside)
        if right + 1 < len(doc) and doc[right + 1].text in (",", "—", "–") and head.left_edge.i < left:
            return [t for t in head.subtree if not left <= t.i <= right]
        return []
    return [t for t in head.subtree if t.i < left - 1]


def _extend_over_quoted_conjunct(ctx: _Ctx, verb: Token, end: int) -> int:
    """"added that X is “fluid,” and Y is “unpredictable”": a coordinated clause with its own
    quoted words (attached to the reporting verb by the parser) is part of what was reported."""
    for child in verb.children:
        if child.dep_ == "conj" and child.idx >= end and not _is_cue_verb(child) \
                and any(c.dep_.startswith("nsubj") for c in child.children):
            left = min(t.idx for t in child.subtree)
            right = child.right_edge.idx + len(child.right_edge.text)
            between = ctx.text[end:left]
            if ctx.quotes_overlapping(left, right) and re.fullmatch(r"[\s,”\"’]*(?:and|but)?\s*", between):
                stop = [t for t in child.subtree if t.dep_ in ("advcl", "conj") and t.head.i == child.i
                        and t.tag_ == "VBG"]
                right = min([right] + [t.left_edge.idx for t in stop])
                end = _clean_content(ctx.text, left, right)[1]
    return end


def _without_leading_dates(verb: Token, content: list[Token]) -> list[Token]:
    """"said Saturday its troops had …": the day belongs to the saying, not to the content."""
    k = 0
    while k < len(content) and content[k].i == verb.i + 1 + k and content[k].ent_type_ in ("DATE", "TIME") \
            and content[k].lower_ not in ("that",):
        k += 1
    return content[k:] if k < len(content) else content


def _clause_after(ctx: _Ctx, verb: Token, lemma: str) -> list[Token]:
    """Content of a speech verb the parser left without a complement ("said in a joint statement
    that …" read as a relative clause of "statement"): the clause written after it."""
    if lemma not in SPEECH_CORE:
        return []
    doc = ctx.doc
    _, s_end = ctx.sent_bounds(verb.idx)
    i = verb.i + 1
    while i < len(doc) and doc[i].idx < s_end:
        tok = doc[i]
        if tok.dep_ == "prep" and tok.head.i == verb.i:
            pobj = next((c for c in tok.children if c.dep_ == "pobj"), None)
            clause = pobj is not None and any(c.dep_ in ("relcl", "acl") for c in pobj.children)
            i = (pobj.i + 1) if clause else tok.right_edge.i + 1   # "in a joint statement", "on Monday"
        elif tok.ent_type_ in ("DATE", "TIME") or tok.lower_ in ("also", "later", "earlier", ","):
            i += 1
        elif lemma == "tell" and tok.head.i == verb.i and tok.dep_ in ("dobj", "dative", "npadvmod"):
            i = tok.right_edge.i + 1           # "told reporters"
        else:
            break
    if i < len(doc) and doc[i].lower_ == "that" and doc[i].idx < s_end:
        i += 1
    rest = [t for t in doc[i:] if t.idx < s_end]
    if not any(t.pos_ in ("VERB", "AUX") for t in rest):
        return []
    if not any(t.dep_.startswith("nsubj") for t in rest) and not _reduced_clause(rest):
        return []
    return rest


def _own_subject_inside(verb: Token, content: list[Token]) -> bool:
    inside = {t.i for t in content}
    return any(c.dep_ == "nsubj" and c.i > verb.i and c.i in inside for c in verb.children)


def _leading_content(ctx: _Ctx, verb: Token, lemma: str) -> list[Token]:
    """"Truce extended by two days, Qatar says": a headline clause before "…, X says" that the
    parser did not hang on the verb."""
    if lemma not in SPEECH_CORE:
        return []
    doc = ctx.doc
    s_start, s_end = ctx.sent_bounds(verb.idx)
    if any(not (t.is_punct or t.is_space) for t in doc[verb.i + 1:] if t.idx < s_end):
        return []
    subject = next((c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i), None)
    if subject is None or subject.left_edge.i == 0 or doc[subject.left_edge.i - 1].text != ",":
        return []
    return [t for t in doc[:subject.left_edge.i - 1] if t.idx >= s_start]


def _reduced_clause(tokens: list[Token]) -> bool:
    """Headline grammar without an auxiliary: "(says) 32 killed in strikes", "1.5m people displaced"."""
    for k, tok in enumerate(tokens[1:6], start=1):
        if tok.tag_ == "VBN" and tokens[k - 1].pos_ in ("NOUN", "NUM", "PROPN"):
            return True
    return False


def _comma_before(ctx: _Ctx, speaker_start: int, content_end: int) -> int:
    """End of the content of a trailing attribution: the last comma before its speaker."""
    cut = max(ctx.text.rfind(",", 0, speaker_start), ctx.text.rfind("—", 0, speaker_start),
              ctx.text.rfind("–", 0, speaker_start))
    return cut if cut >= content_end else content_end


def _drop_heading_label(text: str, start: int, end: int) -> tuple[int, int]:
    """"What to know about the camp: The camp is …" — a label before a colon is not content."""
    m = re.match(r"[^:.\"“]{3,60}:\s+(?=[A-Z0-9“\"])", text[start:end])
    return (start + m.end(), end) if m else (start, end)


def _sentence_cover(ctx: _Ctx, cue_char: int, start: int, end: int) -> tuple[int, int]:
    s_start, s_end = ctx.sent_bounds(cue_char)
    return min(s_start, start), max(s_end, end)


class _Tokens(list):
    """Content tokens (shown in a trace by their first and last word)."""

    def __str__(self) -> str:
        return f"{self[0].text!r} … {self[-1].text!r}"


def _found(tokens: list[Token]) -> Optional[_Tokens]:
    return _Tokens(tokens) if tokens else None


# Where a reporting verb's content is written: the first reading that finds some wins.
CONTENT = Table("claims.content", runner="claims", subject="a reporting verb (cues._Verb)", rules=(
    Rule("content/complement", lambda s: s.lemma in REPORTING_VERBS,
         lambda s: _found(_content_tokens(s.verb, s.lemma)),
         examples=("The mayor said the floodwaters were finally receding.",),
         why="the dependents that carry the verb's content (lexicon.reporting.REPORTING_VERBS)"),
    Rule("content/trailing-clause",
         lambda s: s.verb.dep_ in ("parataxis", "ccomp", "advcl", "conj", "dep"),
         lambda s: _found(_trailing_content(s.verb)),
         examples=("The lost hikers, the rangers said, were found alive.",),
         why="'Content …, the ministry said.' parsed with the content verb as the head of 'said'"),
    Rule("content/clause-after", lambda s: s.lemma in SPEECH_CORE,
         lambda s: _found(_clause_after(s.ctx, s.verb, s.lemma)),
         examples=("The ministry said in a statement issued late on Monday that all schools would close.",),
         why="a speech verb the parser left without a complement: the clause written after it"),
    Rule("content/leading-clause", lambda s: s.lemma in SPEECH_CORE,
         lambda s: _found(_leading_content(s.ctx, s.verb, s.lemma)),
         examples=("Bridge to reopen next week, Ottawa says.",),
         why="a headline clause before '…, X says' not hung on the verb"),
))

