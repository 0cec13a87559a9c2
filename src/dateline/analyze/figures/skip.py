"""Why a number is no figure: a rate, a multiplier, a population, a disease count, cut off by the excerpt ..."""
from __future__ import annotations

import re
from typing import Optional

from .. import nlp
from .lexicon import DISEASE_WORDS, ESTIMATE_NOUNS, EXCLUDED_NOUNS, KILLED_VERBS, POPULATION_HEADS
from .parse import _clause_verb, _is_verbal, _lem, _text_of
from .candidate import _Cand


def _skip_reason(c: _Cand) -> Optional[str]:
    root, doc = c.root, c.root.doc
    text_after = nlp.doc_text(doc)[c.num.end:min(c.num.end + 40, c.sent.end_char)]
    text_before = nlp.doc_text(doc)[max(c.sent.start_char, c.num.start - 30):c.num.start]
    if re.match(r"^\s*(?:more|fewer|less|additional|extra)\s+than\b", text_after, re.I):
        return "delta"                          # "50 more than previously thought"
    if re.search(r"\b(?:per|every|each|one\s+in)\s*$", text_before, re.I) or \
            re.match(r"^\s*(?:[\w-]+\s+){0,2}(?:for\s+(?:every|each)|per)\s", text_after, re.I):
        return "rate"
    if re.match(r"^\s*(?:times|fold|-fold|x)\b", text_after, re.I):
        return "multiplier"
    if c.num.words and c.num.value == 1 and re.match(r"^\s+of\b", text_after, re.I):
        return "one of"                          # "one of the deadliest nights", "one of the hostages"
    if c.num.words and c.num.value == 1 and root.dep_ == "attr" and re.match(r"^\s+(?:that|which)\b", text_after, re.I):
        return "one that"                        # "the process would be one that is executed quickly"
    if c.role == "none" and _in_short_quote(c):
        return "quoted fragment"                 # a sign or slogan: "Help, 3 hostages"
    if _cut_off(c):
        return "cut off"
    np = c.np
    if np.i != root.i and _lem(np) in EXCLUDED_NOUNS:
        return "excluded noun"
    # "the mother of one of the released hostages": a number inside another noun's modifier
    if np.i == root.i and root.dep_ == "pobj" and root.head.lower_ == "of" and \
            any(ch.dep_ == "prep" and ch.lower_ == "of" for ch in root.children) and \
            _lem(root.head.head) not in ESTIMATE_NOUNS and root.head.head.pos_ in ("NOUN", "PROPN"):
        return "embedded"
    # population sizes: "an enclave of 2.3 million", "home to 2.3 million", "its 2.3 million people"
    h = c.rel.head
    if c.role == "pobj" and c.prep is not None:
        if c.prep.lower_ == "of" and _lem(c.verb) in POPULATION_HEADS:
            return "population"
        if c.prep.lower_ == "to" and _lem(c.verb) == "home":
            return "population"
    if any(ch.dep_ == "poss" and ch.lower_ in ("its", "their", "gaza", "gaza's") for ch in np.children) and \
            _lem(np) in ("people", "resident", "inhabitant", "population", "palestinian", "gazan", "civilian"):
        return "population"
    # disease counts
    verb = _clause_verb(np, c.sent)
    if verb is not None and _lem(verb) in ("count", "list", "register", "record", "include", "report", "enter") and \
            _CORRECTION.search(_text_of(list(verb.subtree))):
        return "correction"                      # "seven victims had been counted twice": not a toll
    if verb is not None and (_lem(verb) in DISEASE_WORDS or any(_lem(t) in DISEASE_WORDS for t in verb.children
                                                                if t.dep_ in ("prep", "dobj"))):
        if not any(_lem(t) in KILLED_VERBS for t in verb.subtree):
            return "disease"
    if _lem(h) in DISEASE_WORDS:
        return "disease"
    return None


_CORRECTION = re.compile(
    r"\b(?:counted|listed|registered|recorded|included|reported|entered)\s+(?:twice|double|in\s+error|by\s+mistake)\b|"
    r"\b(?:mistakenly|wrongly|erroneously|incorrectly)\s+(?:been\s+)?(?:counted|listed|registered|recorded|included)\b|"
    r"\bdouble[- ]?count|\bduplicat", re.I)


_COMPLETE_END = re.compile(r"[.!?\"”’')\]»…:]\s*$")


def _cut_off(c: _Cand) -> bool:
    """A number at the cut end of a truncated excerpt: possibly cut itself ("killed more than 16") or cut off from
    its verb ("while 52,286 Palestinian")."""
    doc = c.root.doc
    text = nlp.doc_text(doc)
    if c.sent.end != len(doc) or c.sent.start == 0 or _COMPLETE_END.search(text):
        return False
    after = [t for t in doc[c.tokens.end:c.sent.end] if not t.is_space]
    if not after:
        return bool(re.fullmatch(r"\d{1,3}", c.num.text))
    if len(after) > 3 or any(_is_verbal(t) and t.pos_ in ("VERB", "AUX") for t in after):
        return False
    verb = c.verb if c.verb is not None and _is_verbal(c.verb) else None
    return not (verb is not None and verb.i < c.root.i and c.role in ("obj", "pobj"))


def _in_short_quote(c: _Cand) -> bool:
    text = c.sent.text
    i = c.num.start - c.sent.start_char
    for m in re.finditer(r"[\"“]([^\"“”]{1,60})[\"”]", text):
        if m.start() < i < m.end() and len(m.group(1).split()) <= 6:
            return True
    return False
