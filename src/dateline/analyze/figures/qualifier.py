"""The qualifier of a figure: "at least", "more than", "about" ... from the words before it and its verb."""
from __future__ import annotations

import re
from typing import Optional

from .. import nlp
from .lexicon import LEVEL_VERBS, TOLL_SET_VERBS
from .parse import _ancestors, _is_verbal, _lem
from .candidate import _Cand


# --- qualifiers -------------------------------------------------------------------------

_QUAL_BEFORE = [
    (re.compile(r"\b(?:at\s+least|no\s+(?:fewer|less)\s+than|a\s+minimum\s+of|at\s+a\s+minimum)\s*$", re.I), "at least"),
    (re.compile(r"\b(?:as\s+many\s+as|up\s+to|as\s+much\s+as)\s*$", re.I), "up to"),
    (re.compile(r"\b(?:fewer|less)\s+than\s*$|\b(?:under|below)\s*$", re.I), "up to"),
    (re.compile(r"\b(?:more\s+than|over|upwards\s+of|in\s+excess\s+of|above|exceeding|exceeded|exceeds|exceed|"
                r"top(?:s|ped)?|surpass(?:es|ed)?|cross(?:es|ed)?|passed|passes|past|beyond|north\s+of)\s*$", re.I),
     "more than"),
    (re.compile(r"\b(?:nearly|almost|close\s+to|just\s+under|approaching|nearing)\s*$", re.I), "nearly"),
    (re.compile(r"\b(?:about|around|some|roughly|approximately|approx\.?|an\s+estimated|estimated|circa|"
                r"est\.)\s*$", re.I), "about"),
    (re.compile(r"\b(?!more\b|less\b|fewer\b|rather\b|other\b)[a-z]+\s+than\s*$", re.I), "unclear"),
]
_MORE_VERBS = {"top", "surpass", "cross", "exceed", "pass", "overtake", "eclipse", "tops", "breach"}
_NEAR_VERBS = {"near", "approach"}


# --- qualifiers -------------------------------------------------------------------------------------

def _qualifier(c: _Cand) -> Optional[str]:
    doc = c.root.doc
    if c.num.value_max is not None:
        return "range"
    before = nlp.doc_text(doc)[max(c.sent.start_char, c.num.start - 45):c.num.start]
    before = re.sub(r"\s+", " ", before)
    if _direction_particle(c):
        before = re.sub(r"\b(?:up|down)\s+to\s*$", "to ", before, flags=re.I)   # "revised ... up to 242"
    # words that may sit between a qualifier and the number ("at least another 7,000", "a total of")
    trimmed = re.sub(r"\b(?:another|other|a\s+total\s+of)\s*$", "", before, flags=re.I)
    for text in (before, trimmed):
        for rx, q in _QUAL_BEFORE:
            if rx.search(text):
                if q == "about" and re.search(r"\bsome\s*$", text, re.I) and not _some_is_qualifier(c):
                    continue
                return q
    # verbs that carry the qualifier ("topped 14,100", "has now crossed 6,500")
    if c.role in ("obj",) and c.verb is not None:
        v = c.verb
        if _lem(v) in _MORE_VERBS or v.lower_ in ("tops", "topped"):
            return "more than"
        if _lem(v) in _NEAR_VERBS:
            return "nearly"
    if c.role == "pobj" and c.prep is not None and c.prep.lower_ in ("past", "beyond", "above") and c.verb is not None:
        return "more than"
    if re.fullmatch(r"\s*at\s*", before, re.I):
        return "unclear"                                  # garbled "At 13,000 ..." opening a sentence
    # "X estimates that N ...", "it is estimated that N"
    for a in _ancestors(c.root, c.sent):
        if _lem(a) == "estimate" and a.pos_ == "VERB":
            return "about"
    return None


def _direction_particle(c: _Cand) -> bool:
    """"raised the number of hostages up to 242": "up" belongs to the verb, not to the number."""
    i = c.tokens.start
    doc = c.root.doc
    if i < c.sent.start + 2 or doc[i - 1].lower_ != "to" or doc[i - 2].lower_ not in ("up", "down"):
        return False
    particle = doc[i - 2]
    if particle.dep_ not in ("prt", "advmod", "prep") or not _is_verbal(particle.head):
        return False
    return _lem(particle.head) in TOLL_SET_VERBS | LEVEL_VERBS


def _some_is_qualifier(c: _Cand) -> bool:
    """"some 1.1 million people" (about) versus "some of the 50" (not a qualifier)."""
    return not re.match(r"^\s*of\b", nlp.doc_text(c.root.doc)[c.num.end:c.num.end + 5])


def _share_qualifiers(here: list[_Cand]) -> None:
    for c in here:
        if c.qualifier is None and c.coord_prev is not None and c.coord_prev.qualifier not in (None, "range"):
            c.qualifier = c.coord_prev.qualifier
            c.extra["qualifier_shared"] = True
    for c in here:
        if c.qualifier is None:
            c.qualifier = "exact"
