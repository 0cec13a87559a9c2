"""Who is counted, kept short: the counted noun with its modifiers and the place its predicate names."""
from __future__ import annotations

import re
from typing import Optional

from .. import nlp
from .lexicon import ESTIMATE_NOUNS, LEVEL_VERBS, SPEECH_VERBS, SUBJ_DEPS, TOLL_SET_VERBS
from ..lexicon.gazetteer import gazetteer
from .parse import _clause_verb, _is_verbal, _lem, _np_text
from .candidate import _Cand
from .toll import _toll_noun


# --- group ------------------------------------------------------------------------------------------

# words that name a stretch of land, whatever its name: "across the Karsa valley", "in the delta"
_PLACE_WORDS = {"strip", "bank", "enclave", "territory", "territories", "valley", "delta", "coast", "island",
                "islands"}


def _group(c: _Cand) -> Optional[str]:
    """Who is counted, kept short: the counted noun with its modifiers, a coordinated noun without its own
    number ("soldiers and civilians") and the place the sentence puts them in ("people in Gaza")."""
    exclude = {t.i for t in c.tokens}
    for t in c.root.children:
        if t.dep_ in ("advmod", "quantmod", "prep", "amod") and t.i < c.root.i:
            exclude.update(x.i for x in t.subtree)
    if c.np.i != c.root.i:
        exclude.update(t.i for t in c.np.children if t.dep_ == "det")
        text = _np_text(c.np, exclude)
        for g in c.np.children:                   # "150 soldiers and civilians": one figure for both
            if g.dep_ == "conj" and g.pos_ in ("NOUN", "PROPN") and not any(x.like_num for x in g.subtree):
                text = f"{text} and {_np_text(g, max_tokens=4)}"
                break
        status = _status_clause(c)
        if status:
            text = f"{text} {status}"
        return _with_place(text, c) or None
    verb = c.verb if c.role in ("subj", "subjpass", "obj") else _clause_verb(c.np, c.sent)
    if verb is None:
        return None
    if c.role == "subj" and _lem(verb) == "be":
        for g in verb.children:                   # "of which 4,237 are children"
            if g.dep_ == "attr" and g.pos_ in ("NOUN", "PROPN"):
                return _np_text(g)
    noun = _toll_noun(c)
    if noun is None and _is_verbal(verb):
        # "revised ... from a previous estimate of 1,400": the toll the clause is about
        noun = next((g for g in verb.children if g.dep_ in ("nsubj", "nsubjpass", "dobj")
                     and _lem(g) in ESTIMATE_NOUNS - {"estimate"}), None)
    if noun is not None:
        return _np_text(noun)                     # "the death toll in Gaza rose to ...", "put the toll at"
    lem = _lem(verb)
    if lem in LEVEL_VERBS and c.role == "obj":
        for g in verb.children:
            if g.dep_ in SUBJ_DEPS and g.i != c.rel.i and g.pos_ in ("NOUN", "PROPN"):
                return _np_text(g)
    if c.role in ("subj", "subjpass", "obj") and lem not in SPEECH_VERBS | TOLL_SET_VERBS:
        return _with_place("people", c, bare=True)
    return None


# A restrictive clause that says how far the counted people are known: only those identified, named,
# confirmed ("deaths of people who have been fully identified"): a part of the toll, not all of it.
_STATUS_VERBS = {"identify", "name", "confirm", "verify", "register", "document"}


def _status_clause(c: _Cand) -> Optional[str]:
    """"fully identified" for 'the 24,686 deaths of people who have been fully identified'."""
    text = nlp.doc_text(c.np.doc)
    for t in c.np.subtree:
        if t.dep_ in ("relcl", "acl") and t.tag_ == "VBN" and _lem(t) in _STATUS_VERBS and t.i > c.np.i and \
                "," not in text[t.head.idx:t.idx] and not any(ch.dep_ == "neg" for ch in t.children):
            adv = [ch.text for ch in t.children if ch.dep_ == "advmod" and ch.i < t.i]
            return " ".join(adv + [t.text])
    return None


def _with_place(text: str, c: _Cand, bare: bool = False) -> Optional[str]:
    """"people" -> "people in Gaza" when the figure's predicate says where ("were killed in Gaza")."""
    if re.search(r"\b(?:in|inside|from|across|at)\s", text):
        return text
    verb = c.verb if c.role in ("subj", "subjpass", "obj") else None
    if verb is None or not _is_verbal(verb) or _lem(verb) in SPEECH_VERBS | TOLL_SET_VERBS or \
            c.measure in ("evacuated", "aid_trucks"):
        return None if bare else text           # where evacuees or trucks arrive is not where they are counted
    for g in verb.children:
        if g.dep_ == "prep" and g.lower_ in ("in", "inside", "across", "throughout"):
            pobj = next((p for p in g.children if p.dep_ == "pobj"), None)
            if pobj is not None and (pobj.ent_type_ in ("GPE", "LOC", "FAC") or _lem(pobj) in _PLACE_WORDS
                                     or gazetteer().find(pobj.text)):
                return f"{text} {g.text} {_np_text(pobj, max_tokens=5)}"
    return None if bare else text
