"""Why a number is no figure: a rate, a multiplier, a population, a disease count, cut off by the excerpt ..."""
from __future__ import annotations

import functools
import re
from typing import Optional

from .. import nlp
from .lexicon import (
    ANIMAL_NOUNS, DISEASE_WORDS, ESTIMATE_NOUNS, EXCLUDED_NOUNS, KILLED_NOUNS, KILLED_VERBS, POPULATION_HEADS,
    WOUNDED_NOUNS,
)
from .parse import _clause_verb, _is_verbal, _lem, _text_of
from ..lexicon.gazetteer import gazetteer
from ..rules import Rule, Table
from .candidate import _Cand
from .lists import labelled_line


class _Seen:
    """What the skip rules look at: the candidate, the text just around its number, its clause verb."""

    def __init__(self, c: _Cand):
        self.c = c
        self.root = c.root
        self.np = c.np
        text = nlp.doc_text(c.root.doc)
        self.after = text[c.num.end:min(c.num.end + 40, c.sent.end_char)]
        self.before = text[max(c.sent.start_char, c.num.start - 30):c.num.start]
        self.one_word = c.num.words and c.num.value == 1

    @functools.cached_property
    def verb(self):
        return _clause_verb(self.np, self.c.sent)


def _embedded(s: _Seen) -> bool:
    """"the mother of one of the released hostages": a number inside another noun's modifier."""
    root = s.root
    return s.np.i == root.i and root.dep_ == "pobj" and root.head.lower_ == "of" and \
        any(ch.dep_ == "prep" and ch.lower_ == "of" for ch in root.children) and \
        _lem(root.head.head) not in ESTIMATE_NOUNS and root.head.head.pos_ in ("NOUN", "PROPN")


def _of_nouns(t) -> list:
    return [p for ch in t.children if ch.dep_ == "prep" and ch.lower_ == "of" for p in ch.children
            if p.dep_ == "pobj"]


def _animals(s: _Seen) -> bool:
    """The counted noun names animals: "19 dolphins", "3,000 head of cattle", "300 of the stranded whales"."""
    if s.np.i != s.root.i:
        nouns = [s.np] + (_of_nouns(s.np) if _lem(s.np) == "head" else [])
    else:
        nouns = _of_nouns(s.root)
    return any(n.pos_ in ("NOUN", "PROPN") and n.ent_type_ not in ("GPE", "LOC", "NORP", "ORG", "PERSON") and
               (_lem(n) in ANIMAL_NOUNS or n.lower_ in ANIMAL_NOUNS) for n in nouns)


def _population_of(s: _Seen, prep: str, heads) -> bool:
    c = s.c
    return c.role == "pobj" and c.prep is not None and c.prep.lower_ == prep and _lem(c.verb) in heads


def _possessed_population(s: _Seen) -> bool:
    """"its 2.3 million people", "the region's 4 million residents": the people a place has."""
    owned = any(ch.dep_ == "poss" and (ch.lower_ in ("its", "their") or ch.ent_type_ in ("GPE", "LOC"))
                for ch in s.np.children)
    return owned and (_lem(s.np) in ("people", "resident", "inhabitant", "population", "civilian")
                      or gazetteer().demonym(s.np.text) is not None)


def _counted_in_error(s: _Seen) -> bool:
    v = s.verb
    return v is not None and _lem(v) in ("count", "list", "register", "record", "include", "report", "enter") and \
        bool(_CORRECTION.search(_text_of(list(v.subtree))))


def _disease_verb(s: _Seen) -> bool:
    v = s.verb
    return v is not None and (_lem(v) in DISEASE_WORDS or any(_lem(t) in DISEASE_WORDS for t in v.children
                                                              if t.dep_ in ("prep", "dobj"))) and \
        not any(_lem(t) in KILLED_VERBS for t in v.subtree) and \
        not any(t.dep_ == "dobj" and _lem(t) in KILLED_NOUNS | WOUNDED_NOUNS for t in v.children)


SKIP = Table("figures.skip", runner="figures", subject="a number's candidate (_Seen)", rules=(
    Rule("delta/more-than-after",
         lambda s: bool(re.match(r"^\s*(?:more|fewer|less|additional|extra)\s+than\b", s.after, re.I)), "delta",
         examples=("The dam released 40 more than the engineers had planned.",),
         why="a difference from another count, not a count"),
    Rule("rate/per-every",
         lambda s: bool(re.search(r"\b(?:per|every|each|one\s+in)\s*$", s.before, re.I) or
                        re.match(r"^\s*(?:[\w-]+\s+){0,2}(?:for\s+(?:every|each)|per)\s", s.after, re.I)), "rate",
         examples=("One in 5 children in the camps is malnourished.",
                   "Doctors see 30 patients per hour at the field clinic.")),
    Rule("multiplier/times-fold", lambda s: bool(re.match(r"^\s*(?:times|fold|-fold|x)\b", s.after, re.I)),
         "multiplier", examples=("Cholera cases rose 3 times in a week after the floods.",)),
    Rule("pronoun/one-of", lambda s: s.one_word and bool(re.match(r"^\s+of\b", s.after, re.I)), "one of",
         examples=("It was one of the deadliest nights since the quake struck.",),
         why="'one of the ...' picks out a member, it counts nobody"),
    Rule("pronoun/be-one-that",
         lambda s: s.one_word and s.root.dep_ == "attr" and bool(re.match(r"^\s+(?:that|which)\b", s.after, re.I)),
         "one that", examples=("The rebuilding plan would be one that takes a decade.",),
         counter_examples=("Rescuers pulled out one that had been wounded earlier.",)),
    Rule("quoted-fragment/short-quote", lambda s: s.c.role == "none" and _in_short_quote(s.c), "quoted fragment",
         examples=('A placard, "SOS: 3 miners", hung on the fence.',),
         why="a sign or slogan quoted in a few words"),
    Rule("cut-off/excerpt-end", lambda s: _cut_off(s.c) and not labelled_line(s.c), "cut off",
         examples=("The floods hit the valley overnight. Rescue teams said the water had killed more than 16",),
         counter_examples=("The agency broke down the deaths by county:\n- Holm County: 12 people\n"
                           "- Tarn County: 7 people",),
         why="a number at the cut end of a truncated excerpt"),
    Rule("excluded-noun/not-people", lambda s: s.np.i != s.root.i and _lem(s.np) in EXCLUDED_NOUNS, "excluded noun",
         examples=("The militia fired 40 rockets at the town on Tuesday.",)),
    Rule("not-people/animal-noun", _animals, "animals",
         examples=("Floodwaters drowned more than 3,000 cattle on the plain.",
                   "The drought has killed 3,000 head of cattle in the north.",
                   "Rangers said 300 of the stranded whales had died."),
         counter_examples=("The wildfire killed 12 people and destroyed 40 barns.",
                           "Fishermen rescued 30 passengers after the ferry sank with its cargo of cattle."),
         why="animals counted (lexicon/data/animals.txt) are no casualties of any measure"),
    Rule("embedded/of-one-of", _embedded, "embedded",
         examples=("The families of 12 of the abducted miners met the governor.",)),
    Rule("population/noun-of", lambda s: _population_of(s, "of", POPULATION_HEADS), "population",
         examples=("The storm battered the province, a region of 4 million, on Sunday.",)),
    Rule("population/home-to", lambda s: _population_of(s, "to", {"home"}), "population",
         examples=("The valley, home to 200,000, was cut off by the landslide.",)),
    Rule("population/possessed-people", _possessed_population, "population",
         examples=("The war has uprooted most of its 2 million people, officials said.",)),
    Rule("correction/counted-in-error", _counted_in_error, "correction",
         examples=("Officials said seven victims had been counted twice in the provincial list.",)),
    Rule("disease/verb", _disease_verb, "disease",
         examples=("Some 200 people have suffered infections in the camp.",),
         counter_examples=("Buncombe County suffered 42 deaths, the highest toll of the counties.",
                           "The village suffered 12 injuries when the dam burst.")),
    Rule("disease/head", lambda s: _lem(s.c.rel.head) in DISEASE_WORDS and
         _lem(s.np) not in KILLED_NOUNS | WOUNDED_NOUNS and not any(
             ch.dep_ == "dobj" and _lem(ch) in KILLED_NOUNS | WOUNDED_NOUNS for ch in s.c.rel.head.children),
         "disease",
         examples=("At least 40 children have suffered from cholera and later died in the camp.",),
         counter_examples=("About 300 villagers suffered wounds from the shelling.",)),
))


def _skip_reason(c: _Cand) -> Optional[str]:
    """Why ``c`` is no figure (recorded in its trace), or None."""
    return SKIP.decide(_Seen(c), c.trace)


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
