"""When a reporting verb makes no claim: negated, asked for, in a comparison, an anonymity request, a verb that
is not speech here ..."""
from __future__ import annotations

import re

from spacy.tokens import Token

from ..lexicon.reporting import (
    DATA_NOUNS, DOCUMENT_NOUNS, IT_IS_NOT_SPEAKER, PROPOSITION_NOUNS, WITHHOLDING)
from ..lexicon.speakers import INANIMATE_AGENTIVE
from .context import _Ctx, _chars
from .mentions import _kind_of_head
from .speakers import _CLAUSE_WORDS, _is_cue_verb, _subject


def _has_clause(verb: Token) -> bool:
    return any(c.dep_ == "ccomp" for c in verb.children)


def _object_is_statement(verb: Token, ctx: _Ctx) -> bool:
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if obj is None:
        return False
    if obj.lemma_.lower() in PROPOSITION_NOUNS or obj.lower_ in PROPOSITION_NOUNS:
        return True
    span = _chars(obj.subtree)
    return bool(span and ctx.quotes_overlapping(*span))


_ANONYMITY = re.compile(r"\b(?:named|identified|name|names|anonymity|anonymous)\b", re.I)


def _anonymity_request(verb: Token, lemma: str) -> bool:
    """"a source who asked not to be named", "asked that her name not be used": wire boilerplate
    about the speaker, not a statement."""
    if lemma not in ("ask", "request", "demand", "insist"):
        return False
    tail = verb.doc[verb.i + 1:min(verb.right_edge.i + 1, verb.i + 9)].text
    return bool(_ANONYMITY.search(tail))


def _in_comparison(verb: Token) -> bool:
    """"…, more than previous estimates had suggested", "higher than officials first reported":
    the verb only measures the comparison; whatever the parser made of it, it says nothing."""
    doc = verb.doc
    i = verb.i - 1
    while i >= 0 and i >= verb.i - 8:
        tok = doc[i]
        if tok.lower_ == "than":
            return True
        if tok.is_punct or (tok.pos_ == "VERB" and tok.dep_ not in ("amod", "compound")) or tok.lower_ in _CLAUSE_WORDS:
            return False
        i -= 1
    return False


def _asked_for(verb: Token) -> bool:
    """"called on the court to order a halt", "urged Hamas to announce …": an infinitive under
    another reporting verb is what that verb asks for, not a statement already made."""
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return False
    head = verb.head
    for _ in range(2):
        if head is verb or verb.dep_ not in ("xcomp", "ccomp", "advcl", "pobj", "pcomp", "prep"):
            return False
        if _is_cue_verb(head) and head.lemma_.lower() not in WITHHOLDING:
            return True
        verb, head = head, head.head
    return False


def _negated(verb: Token) -> bool:
    if any(c.dep_ == "neg" for c in verb.children):
        return True
    head = verb.head
    return verb.dep_ == "xcomp" and head.lemma_.lower() in WITHHOLDING


def _data_subject(verb: Token) -> bool:
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return subj is not None and (subj.lemma_.lower() in DATA_NOUNS or subj.lower_ in DATA_NOUNS)


def _nobody(head: Token) -> bool:
    """A speaker that says no one spoke: "nobody", "none", "no one", "no official" (not "No 10
    Downing Street": a number or a name after "No" makes it an address; nor "no fewer than 12")."""
    if head.lower_ in ("nobody", "none", "noone", "no-one"):
        return True
    doc = head.doc
    return any(c.dep_ == "det" and c.lower_ == "no" and c.i + 1 < len(doc)
               and not (doc[c.i + 1].like_num or doc[c.i + 1].pos_ in ("NUM", "PROPN")
                        or doc[c.i + 1].lower_ in ("fewer", "less", "more")) for c in head.children)


def _speaker_like_subject(verb: Token) -> bool:
    subject = _subject(verb)
    if subject is None:
        return True                   # decided later (surface subject or none)
    if subject.pos_ == "PRON":
        inanimate = ("this", "that", "which", "what") + (("it",) if verb.lemma_ in IT_IS_NOT_SPEAKER else ())
        return subject.lower_ not in inanimate
    lemma = subject.lemma_.lower()
    return _kind_of_head(subject) is not None or lemma in DOCUMENT_NOUNS | DATA_NOUNS \
        or bool(re.search(r"(?:er|or|ist|ian|ant|ent|ee|ive)s?$", subject.lower_)) and lemma not in INANIMATE_AGENTIVE


def _adjectival(verb: Token) -> bool:
    """"758 pledged delegates", "the declared aim": a participle the parser took for a verb."""
    doc = verb.doc
    if verb.i == 0 or verb.i + 1 >= len(doc) or verb.tag_ not in ("VBN", "VBD"):
        return False
    prev, nxt = doc[verb.i - 1], doc[verb.i + 1]
    return (prev.pos_ in ("NUM", "DET") or prev.text == "-") and nxt.pos_ in ("NOUN", "PROPN") \
        and nxt.head.i in (verb.i, verb.head.i)


def _truncated_start(ctx: _Ctx, verb: Token) -> bool:
    """The excerpt begins mid-sentence ("on Friday overwhelmingly called for …"): the subject
    was cut off, the claim is still there (speaker None)."""
    if not ctx.sents or ctx.sent_index(verb.idx) != 0:
        return False
    first = ctx.text.lstrip()[:1]
    return first.islower()
