"""A number in a parsed sentence (``_Cand``): the phrase it counts and that phrase's role in its clause."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Optional

from ...records import Figure
from ..numbers import Number
from ..rules import Trace
from .lexicon import (
    ADDITIVE_WORDS, DIRECTION_ADVS, ESTIMATE_NOUNS, OBJ_DEPS, QUALIFIER_PREPS, SPEECH_VERBS, SUBJ_DEPS, TOLL_SET_VERBS,
    VICTIM_VERBS,
)
from .parse import _in_sent, _is_verbal, _joining_hyphen, _lem


@dataclass
class _Cand:
    num: Number
    root: object                 # spaCy Token: syntactic root of the number
    tokens: object               # spaCy Span of the number
    sent: object                 # spaCy Span of the sentence
    np: object                   # counted phrase head (noun or the number itself)
    rel: object                  # token carrying the phrase's clause role
    role: str = "none"           # subj, subjpass, obj, pobj, none
    verb: object = None          # the predicate of that role (for pobj: the preposition's head)
    prep: object = None          # the preposition (role pobj)
    measure: Optional[str] = None
    rank: int = 99
    cue: Optional[str] = None
    qualifier: Optional[str] = None
    parent: Optional["_Cand"] = None
    partitive: bool = False      # "30 of them", "of which 4,237", "out of the total deaths, 4,609"
    coord_prev: Optional["_Cand"] = None
    source: Optional[str] = None
    as_of: Optional[dt.date] = None
    as_of_explicit: bool = False
    scope: str = "cumulative"
    group: Optional[str] = None
    figure: Optional[Figure] = None
    own_measure: Optional[str] = None   # what the counted noun itself says ("13 dead", "30 injured")
    companion: Optional["_Cand"] = None  # the figure this one goes with ("accompanied by 49 ...")
    qualifier_shared: bool = False       # its qualifier comes from the list item before it
    place: Optional[str] = None          # where the counted people are
    place_within: Optional[str] = None   # the places that hold it ("Japan/Ishikawa")
    revised: bool = False                # its sentence or a neighbour says the count was revised down
    place_inferred: bool = False         # its place is the article's (figures.place)
    breakdown: Optional[str] = None      # a labelled line's label that is no place (figures.lists)
    events: object = None                # the article's named events (figures.events.ArticleEvents)
    doc_date: Optional[dt.date] = None
    in_list: bool = False                # an item of an elided list or a labelled line (figures.lists)
    listed_after: Optional["_Cand"] = None   # the list item before it
    told_as_past: bool = False           # its dead or wounded told as a past happening (_Clause.told_as_past)
    cum_cue: bool = False                # its clause says "since", "so far", "in total", "toll" ...
    event_day: Optional[dt.date] = None  # the day its own event verb is dated ("were killed on Sunday")
    change_start: bool = False           # the first end of "rose from 31 to 281" (figures.measure)
    governing: Optional[tuple] = None    # (event verbs, reporting verbs) of its clause (figures.asof)
    trace: Trace = field(default_factory=Trace)   # the rules that decided it


# --- candidates and their roles ---------------------------------------------------------------

def _separator(t) -> bool:
    """A dash, colon or bar between two parts of a line ("toll passes 12,000 - ministry"); not the hyphen
    inside a word ("eight storm-related deaths")."""
    return t.text in ("-", "–", "—", ":", "|", ";") and not _joining_hyphen(t)


def _misattached_noun(root, sent):
    """"told Reuters 19 critically injured patients": the noun after the number."""
    for t in root.doc[root.i + 1:min(root.i + 5, sent.end)]:
        if t.pos_ in ("NOUN", "PROPN"):
            return t
        if t.pos_ not in ("ADV", "ADJ", "VERB", "NUM") or t.dep_ not in ("advmod", "amod", "compound", "nummod"):
            return None
    return None


def _subjectless_verb_after(tok, sent):
    """Repair for a misparsed subject: the next verb to the right that has no subject."""
    for t in tok.doc[tok.i + 1:sent.end]:
        if _is_verbal(t) and t.pos_ == "VERB" and t.dep_ not in ("amod", "compound", "acl", "relcl") and \
                not any(c.dep_ in SUBJ_DEPS for c in t.children):
            return t
        if t.pos_ == "VERB" and any(c.dep_ in SUBJ_DEPS for c in t.children):
            return None
    return None


def _setter_of_toll_holding(noun):
    """Repair for "bringing the death toll since the start of the war to 30,000", "raised the number of dead
    in the province to 97": a "to N" hung on a noun of a phrase that follows the toll belongs to the verb
    that sets the toll (the nearest verb above, whose object is the toll noun)."""
    t = noun
    while not _is_verbal(t):
        if t.head.i == t.i or t.pos_ not in ("NOUN", "PROPN", "ADP", "SCONJ", "NUM", "ADJ", "DET"):
            return None
        t = t.head
    if _lem(t) in TOLL_SET_VERBS and any(g.dep_ == "dobj" and _lem(g) in ESTIMATE_NOUNS and g.i < noun.i
                                         for g in t.children):
        return t
    return None


# verbs of killing or wounding: a relative clause with one tells what happened to the counted people
_KILLING_VERBS = {"kill", "die", "wound", "injure", "hurt", "murder", "slay", "shoot", "massacre", "execute"}


_LEADING_QUALIFIERS = QUALIFIER_PREPS | {"than", "more", "least", "at"}


def _before_the_qualifiers(doc, i: int, sent):
    """The word before token ``i`` and the qualifiers in front of it ("killed [at least] 100"), if in the
    sentence."""
    i -= 1
    while i > sent.start and doc[i].lower_ in _LEADING_QUALIFIERS:
        i -= 1
    return doc[i] if i >= sent.start else None


def _verb_left_without_object(rel, root, head, sent):
    """"Fighting has killed at least 100 people, including 20 children, aid groups and doctors said": the
    parser makes the counted phrase the subject of the closing reporting verb; it is the object of the verb
    right before it, which has none."""
    if _lem(head) not in SPEECH_VERBS or head.i < rel.i:
        return None
    left = _before_the_qualifiers(root.doc, min(root.i, rel.i), sent)
    if left is None or left.pos_ != "VERB" or left.i >= head.i or any(ch.dep_ == "dobj" for ch in left.children):
        return None
    return left


def _role_of(np, root, sent):
    """(rel, role, verb, prep) for the counted phrase headed by ``np``."""
    rel = np
    while rel.dep_ == "conj" and rel.head.pos_ in ("NOUN", "PROPN", "NUM", "PRON") and _in_sent(rel.head, sent):
        rel = rel.head
    # "over 6,000 have been wounded", "left than 1,400 people dead": the preposition is a qualifier
    if rel.dep_ == "pobj" and rel.head.lower_ in QUALIFIER_PREPS | {"between"} and rel.head.i < root.i:
        p = rel.head
        h = p.head
        if _is_verbal(h) and p.dep_ in ("prep", "advmod", "quantmod"):
            has_subj = any(ch.dep_ in SUBJ_DEPS for ch in h.children)
            if p.i < h.i and not has_subj:
                passive = any(ch.dep_ == "auxpass" for ch in h.children)
                return p, ("subjpass" if passive else "subj"), h, None
            # "officials said between 8,000 and 15,000 people died": the subject of the clause right after,
            # which the parser left without one
            nxt = rel.doc[rel.i + 1] if rel.i + 1 < sent.end else None
            if p.i > h.i and nxt is not None and nxt.pos_ in ("VERB", "AUX") and nxt.head.i in (h.i, nxt.i) or \
                    (nxt is not None and nxt.dep_ in ("aux", "auxpass") and nxt.head.head.i == h.i):
                v = nxt.head if nxt.dep_ in ("aux", "auxpass") else nxt
                if v.dep_ in ("ccomp", "conj") and not any(ch.dep_ in SUBJ_DEPS for ch in v.children):
                    passive = any(ch.dep_ == "auxpass" for ch in v.children)
                    return p, ("subjpass" if passive else "subj"), v, None
            # "killed more than 1,400 people in Israel and over 10,000 in Gaza": a second object
            second = p.i > sent.start and p.doc[p.i - 1].lower_ in ("and", ",", "or") and p.i > h.i
            if not any(ch.dep_ in ("dobj",) for ch in h.children) or second:
                return p, "obj", h, None
        elif p.dep_ in ("quantmod", "advmod", "amod"):
            rel = h if h.pos_ in ("NOUN", "PROPN") else rel
    if rel.dep_ == "compound" and rel.head.pos_ == "NOUN" and rel.head.i > rel.i:
        rel = rel.head                          # "took 180 people hostage": the phrase's role is the head's
    if rel.i == root.i and root.head.i > root.i and any(
            _separator(t) for t in root.doc[root.i + 1:root.head.i]):
        left = _before_the_qualifiers(root.doc, root.i, sent)
        if left is not None and left.pos_ == "VERB":
            return rel, "obj", left, None
        toll = left
        if toll is not None and toll.dep_ == "pobj" and toll.head.lower_ == "of":
            toll = toll.head.head                           # "the number of dead to 412 - 300 in the north"
        if toll is not None and toll.pos_ == "NOUN" and _lem(toll) in ESTIMATE_NOUNS and \
                root.doc[left.i + 1].lower_ in ("at", "to"):
            return rel, "pobj", toll, root.doc[left.i + 1]    # "put the toll at 3,838 - 2,493 civilians and ..."
        return rel, "none", None, None
    dep = rel.dep_
    head = rel.head
    if dep in ("nsubj", "nsubjpass") and head.dep_ in ("aux", "auxpass") and 0 < head.head.i - head.i <= 3 and \
            not any(ch.dep_ in SUBJ_DEPS and ch.i != rel.i for ch in head.head.children):
        head = head.head                        # "40 passengers are missing" parsed with "are" as the head
    if dep in ("nsubj", "csubj", "expl"):
        left = _verb_left_without_object(rel, root, head, sent)
        if left is not None:
            return rel, "obj", left, None
        if head.tag_ == "VBN" and not any(ch.dep_ in ("aux", "auxpass") for ch in head.children):
            return rel, "subjpass", head, None     # headline style: "20 Palestinians killed"
        if head.tag_ == "VBD" and _lem(head) in VICTIM_VERBS and not any(
                ch.dep_ in ("aux", "auxpass", "dobj") for ch in head.children):
            return rel, "subjpass", head, None     # "1.4 million Gazans displaced" tagged as a past tense
        return rel, "subj", head, None
    if dep in ("nsubjpass", "csubjpass"):
        return rel, "subjpass", head, None
    if dep == "dobj" and _is_verbal(head) and rel.i + 1 < sent.end:
        # "specified 25,105 have been killed", "estimated 300 were missing": the object of a verb of saying
        # is the subject of the clause right after it, which the parser left without one
        nxt = rel.doc[rel.i + 1]
        v = nxt.head if nxt.dep_ in ("aux", "auxpass") else nxt
        if nxt.tag_ in ("VBP", "VBD", "VBZ", "MD") and v.i > rel.i and v.head.i == head.i and \
                v.dep_ in ("conj", "ccomp") and not any(ch.dep_ in SUBJ_DEPS for ch in v.children):
            passive = any(ch.dep_ == "auxpass" for ch in v.children)
            return rel, ("subjpass" if passive else "subj"), v, None
    if dep in OBJ_DEPS:
        return rel, "obj", head, None
    if dep == "pobj":
        gov = head.head
        if gov.lower_ in DIRECTION_ADVS and gov.dep_ in ("advmod", "prt", "prep") and _is_verbal(gov.head) and \
                head.lower_ in ("to", "from"):
            gov = gov.head                      # "revised the toll down to 64", "up from 3,785"
        elif head.lower_ in ("to", "at") and gov.pos_ in ("NOUN", "PROPN"):
            gov = _setter_of_toll_holding(gov) or gov
        if not _is_verbal(gov):
            # "a funeral for three people who were killed on Friday": the relative clause tells their event
            told = next((ch for ch in rel.children if ch.dep_ == "relcl" and _lem(ch) in _KILLING_VERBS and
                         any(g.dep_ in SUBJ_DEPS and g.lower_ in ("who", "that") for g in ch.children)), None)
            if told is not None:
                passive = any(ch.dep_ == "auxpass" for ch in told.children)
                return rel, ("subjpass" if passive else "subj"), told, None
        return rel, "pobj", gov, head
    if dep in ("relcl", "ROOT", "dep", "npadvmod", "appos", "nmod", "compound") and \
            rel.pos_ in ("NOUN", "PROPN", "NUM"):
        v = _subjectless_verb_after(rel, sent)
        if v is not None:
            passive = any(ch.dep_ == "auxpass" for ch in v.children)
            return rel, ("subjpass" if passive else "subj"), v, None
    if dep == "appos" and head.pos_ in ("NOUN", "PROPN"):
        return _role_of(head, head, sent)
    return rel, "none", None, None


def _counted_phrase(root, sent):
    """The counted noun (or the number itself), or None when the number is a label ("channel 12")."""
    if root.head.i > root.i and any(_separator(t) for t in root.doc[root.i + 1:root.head.i]):
        return root                             # "toll passes 12,000 - ministry": not a modifier of "ministry"
    head = root.head
    after = root.doc[root.i + 1] if root.i + 1 < sent.end else None
    if after is not None and after.is_quote and root.i + 2 < sent.end and head.i != root.i and \
            (head.is_quote or head.i < after.i) and root.doc[root.i + 2].pos_ in ("NOUN", "PROPN") and \
            any(t.is_quote for t in root.doc[max(sent.start, root.i - 4):root.i]):
        return root.doc[root.i + 2]             # '"well over 2,500" people': the parse stops at the quote mark
    if root.dep_ == "npadvmod" and head.lower_ in ADDITIVE_WORDS:
        # "2 more soldiers killed", "12 more were wounded": the noun "more" modifies, or the number itself
        return head.head if head.dep_ == "amod" and head.head.pos_ in ("NOUN", "PROPN") else root
    if head.i > root.i and any(ch.dep_ in ("acl", "relcl") and _is_verbal(ch) and ch.i < head.i
                               for ch in root.children):
        return root                             # "1,200 killed in Israel, Gaza toll at 14,800"
    if root.dep_ in ("nummod", "quantmod", "amod", "compound", "nmod", "appos", "npadvmod") and \
            root.head.pos_ in ("NOUN", "PROPN", "ADJ", "PRON"):
        if root.head.i > root.i:
            return root.head
        if root.dep_ == "nummod":
            return _misattached_noun(root, sent)
    return root
