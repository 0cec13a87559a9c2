"""The verb that sets a number as a toll ("put the toll at 71") and the toll noun it is the value of."""
from __future__ import annotations

from .lexicon import ESTIMATE_NOUNS, LEVEL_VERBS, SUBJ_DEPS, TOLL_SET_VERBS
from .parse import _ancestors, _is_verbal, _lem
from .candidate import _Cand


def _toll_setter(c: _Cand):
    """The verb that sets this number as a toll ("put the toll at 71", "raised the toll to 1,250"), or None."""
    v = c.verb
    if v is None or not _is_verbal(v):
        return None
    if c.role == "pobj" and v.dep_ in ("acl", "relcl") and c.prep.lower_ in ("to", "at"):
        # "revised its estimate of those killed ... to around 1,200": "to" misattached inside the object
        for a in _ancestors(v, c.sent):
            if _is_verbal(a):
                if _lem(a) in TOLL_SET_VERBS and any(g.dep_ == "dobj" and _lem(g) in ESTIMATE_NOUNS and
                                                     v.i in {x.i for x in g.subtree} for g in a.children):
                    return a
                break
    if _lem(v) not in TOLL_SET_VERBS:
        return None
    if c.role == "pobj" and c.prep is not None and c.prep.lower_ in ("to", "at", "as", "from", "past", "above"):
        return v
    if c.role == "obj" and c.rel.dep_ != "dobj" and any(g.dep_ == "dobj" and _lem(g) in ESTIMATE_NOUNS
                                                       for g in v.children):
        return v                                  # "estimated the toll at over 12,000" (over: a qualifier)
    return None


def _toll_noun(c: _Cand):
    """The toll-like noun this number is the value of ("the toll stood at", "put the number of dead at")."""
    v = c.verb
    if v is None:
        return None
    if c.role == "pobj" and v.pos_ in ("NOUN", "PROPN") and _lem(v) in ESTIMATE_NOUNS and \
            c.prep.lower_ in ("at", "to", "as", "past", "above"):
        return v
    if not _is_verbal(v):
        return None
    deps = ("dobj", "nsubjpass") if _toll_setter(c) is not None else SUBJ_DEPS if _lem(v) in LEVEL_VERBS else ()
    for g in v.children:
        if g.dep_ in deps and g.i != c.rel.i and _lem(g) in ESTIMATE_NOUNS:
            return g
    if _lem(v) in LEVEL_VERBS and (not any(g.dep_ in SUBJ_DEPS for g in v.children) or _marked_subject(v)):
        return _swallowed_subject(v, c.sent)
    return None


_CLAUSE_MARKS = {"after", "since", "following", "as", "when", "because"}


def _marked_subject(v) -> bool:
    """Its subject stands behind a subordinating word the parser hung on the level verb itself: in "the number of
    people missing after the region's worst quake in decades tripled to 323" the quake became the subject of
    "tripled" and "after" its mark; the toll noun is then an ancestor of the verb."""
    marks = [g.i for g in v.children if g.dep_ == "mark" and g.lower_ in _CLAUSE_MARKS]
    return bool(marks) and any(g.dep_ in SUBJ_DEPS and g.i > min(marks) and _lem(g) not in ESTIMATE_NOUNS
                               for g in v.children)


def _swallowed_subject(v, sent):
    """Repair for "the number of people hurt as the crowd surged has risen to 230", parsed as if the
    number were the subject of "hurt": a toll noun that is the subject of a sister clause before the
    subjectless level verb."""
    for t in reversed(list(sent[:v.i - sent.start])):
        if t.dep_ in SUBJ_DEPS and _lem(t) in ESTIMATE_NOUNS and t.head.i < v.i and \
                (t.head.i == v.head.i or t.head.head.i == v.head.i):
            return t
    if _marked_subject(v):
        for a in v.ancestors:
            if _lem(a) in ESTIMATE_NOUNS and a.i < v.i:
                return a
    # "As the number of deaths climbed past 100, ...": the level verb parsed as a clause on the counted
    # noun; the toll noun that holds that noun is its subject
    if v.dep_ == "acl" and v.head.dep_ == "pobj" and v.head.head.lower_ == "of" and \
            _lem(v.head.head.head) in ESTIMATE_NOUNS:
        return v.head.head.head
    return None
