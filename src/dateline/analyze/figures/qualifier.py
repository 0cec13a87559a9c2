"""The qualifier of a figure: "at least", "more than", "about" ... from the words before it and its verb."""
from __future__ import annotations

import re
from typing import Optional

from .. import nlp
from .lexicon import LEVEL_VERBS, TOLL_SET_VERBS
from .parse import _ancestors, _is_verbal, _lem
from ..rules import Rule, Table
from .candidate import _Cand


def _words_before(*words: str) -> re.Pattern:
    return re.compile(r"\b(?:" + "|".join(words) + r")\s*$", re.I)


_AT_LEAST = _words_before(r"at\s+least", r"no\s+(?:fewer|less)\s+than", r"a\s+minimum\s+of", r"at\s+a\s+minimum")
_AS_MANY_AS = _words_before(r"as\s+many\s+as", r"up\s+to", r"as\s+much\s+as", r"as\s+high\s+as")
# "shot up to 5,700", "went up to 300": a count that rose to that level, not "as many as"
_ROSE_UP_TO = _words_before(r"(?:shot|shoots|shooting|went|goes|gone|going|moved|jumped|climbed|rose|risen|soared|"
                            r"crept|creeping|ticked|inched|edged|surged|toll(?:\s+\w+)?\s+now|toll)\s+up\s+to")
_FEWER_THAN = re.compile(r"\b(?:fewer|less)\s+than\s*$|\b(?:under|below)\s*$|"
                         r"\b(?:no|not)\s+(?:more|greater)\s+than\s*$|\bat\s+(?:the\s+)?most\s*$", re.I)
_MORE_THAN = _words_before(r"more\s+than", "over", r"upwards\s+of", r"in\s+excess\s+of", "above", "exceeding",
                           "exceeded", "exceeds", "exceed", "top(?:s|ped)?", "surpass(?:es|ed)?", "cross(?:es|ed)?",
                           "passed", "passes", "past", "beyond", r"north\s+of")
_NEARLY = _words_before("nearly", "almost", r"close\s+to", r"just\s+under", "approaching", "nearing")
_ABOUT = _words_before("about", "around", "some", "roughly", "approximately", r"approx\.?", r"an\s+estimated",
                       "estimated", "circa", r"est\.")
_GARBLED_THAN = re.compile(r"\b(?!more\b|less\b|fewer\b|rather\b|other\b)[a-z]+\s+than\s*$", re.I)
_MORE_VERBS = {"top", "surpass", "cross", "exceed", "pass", "overtake", "eclipse", "tops", "breach"}
_NEAR_VERBS = {"near", "approach"}


class _Before:
    """What the qualifier rules look at: the words before the number (also without "another", "other",
    "a total of", which may sit between a qualifier and its number: "at least another 7,000")."""

    def __init__(self, c: _Cand):
        self.c = c
        before = nlp.doc_text(c.root.doc)[max(c.sent.start_char, c.num.start - 45):c.num.start]
        before = re.sub(r"\s+", " ", before)
        if _direction_particle(c):
            before = re.sub(r"\b(?:up|down)\s+to\s*$", "to ", before, flags=re.I)   # "revised ... up to 242"
        self.before = before
        self.texts = (before, re.sub(r"\b(?:another|other|a\s+total\s+of)\s*$", "", before, flags=re.I))

    def ends(self, rx: re.Pattern) -> bool:
        return any(rx.search(t) for t in self.texts)

    def ends_about(self) -> bool:
        """"some 1.1 million people" is about that many; "some of the 50" is no qualifier."""
        return any(_ABOUT.search(t) and not (re.search(r"\bsome\s*$", t, re.I) and not _some_is_qualifier(self.c))
                   for t in self.texts)

    def verb_lemma(self) -> str:
        c = self.c
        return _lem(c.verb) if c.role == "obj" and c.verb is not None else ""


QUALIFIER = Table("figures.qualifier", runner="figures", subject="the words before a number (_Before)", rules=(
    Rule("range/two-values", lambda b: b.c.num.value_max is not None, "range",
         examples=("Between 40 and 60 people were killed in the landslide.",)),
    Rule("at least/at-least-before", lambda b: b.ends(_AT_LEAST), "at least",
         examples=("At least 23 people were killed in the floods.", "No fewer than 80 people were injured.")),
    Rule("up to/as-many-as-before", lambda b: b.ends(_AS_MANY_AS) and not b.ends(_ROSE_UP_TO), "up to",
         examples=("As many as 500 people may have died in the quake.",
                   "The death toll could be as high as 1,500, the Red Cross warned."),
         counter_examples=("The number of injured shot up to 5,700, the ministry said.",
                           "UPDATE: Quake death toll now up to 1,340, officials say")),
    Rule("up to/fewer-than-before", lambda b: b.ends(_FEWER_THAN), "up to",
         examples=("Fewer than 30 people were wounded.",
                   "The government says no more than 150 people have died.",
                   "At most 40 people were killed in the blast, the company said.")),
    Rule("more than/more-than-before", lambda b: b.ends(_MORE_THAN), "more than",
         examples=("More than 1,100 people were injured, officials said.",
                   "The toll topped 3,000 on Friday.")),
    Rule("nearly/nearly-before", lambda b: b.ends(_NEARLY), "nearly",
         examples=("Nearly 900 people have been displaced by the fire.",)),
    Rule("about/about-before", lambda b: b.ends_about(), "about",
         examples=("Some 1.1 million people have fled the north.", "About 70 workers were hurt in the blast."),
         counter_examples=("Some of the 50 miners were rescued on Tuesday.",)),
    Rule("unclear/garbled-than", lambda b: b.ends(_GARBLED_THAN), "unclear",
         examples=("The blast left than 1,400 people dead.",),
         why="a comparison word lost in the copy: say so rather than guess"),
    # (the two rules below read objects, beyond-past-above reads prepositional objects: never both)
    Rule("more than/exceeding-verb-or-beyond",
         lambda b: b.verb_lemma() in _MORE_VERBS or (b.verb_lemma() != "" and b.c.verb.lower_ in ("tops", "topped")) or
         (b.c.role == "pobj" and b.c.prep is not None and b.c.prep.lower_ in ("past", "beyond", "above") and
          b.c.verb is not None),
         "more than", examples=("The death toll has surpassed a staggering 6,500.",),
         why="the verb or preposition carries the qualifier when words stand between it and the number"),
    Rule("nearly/verb-approaches", lambda b: b.verb_lemma() in _NEAR_VERBS, "nearly",
         examples=("The death toll nears 2,000.",)),
    Rule("unclear/garbled-at", lambda b: bool(re.fullmatch(r"\s*at\s*", b.before, re.I)), "unclear",
         examples=("At 13,000 people were killed, the agency said.",),
         why="a garbled 'At 13,000 ...' opening a sentence"),
    Rule("about/estimated", lambda b: any(_lem(a) == "estimate" and a.pos_ == "VERB"
                                          for a in _ancestors(b.c.root, b.c.sent)), "about",
         examples=("Officials estimate that 4,000 people were displaced by the floods.",)),
))


def _qualifier(c: _Cand) -> Optional[str]:
    return QUALIFIER.decide(_Before(c), c.trace)


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
            c.qualifier_shared = True
            c.trace.note("figures.qualifier", f"{c.qualifier}/shared-with-list", "from the list item before it")
    for c in here:
        if c.qualifier is None:
            c.qualifier = "exact"
