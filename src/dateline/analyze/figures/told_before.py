"""A count told right after the sentence that tells one happening: "A building collapsed in the capital on
Friday. Rescue crews are still searching for 83 missing workers." The count is that happening's (an
incident), not the story's running toll, unless its own words say it is the toll ("the death toll has
risen to", "so far")."""
from __future__ import annotations

import re

from .. import nlp
from .candidate import _Cand
from .events import _MANY_HAPPENINGS
from .lexicon import (
    ATTACK_NOUNS, ATTACK_VERBS, HAPPENING_NOUNS, INCIDENT_PLACES, STORY_EVENT_NOUNS, TOWN_NOUNS, WAR_START_NOUNS,
)
from .parse import _lem
from ..rules import Rule, Table

# verbs that tell one thing going wrong at one place and time
HAPPENING_VERBS = {"collapse", "explode", "capsize", "crash", "derail", "sink", "detonate", "cave", "topple"}
_ONE = {"a", "an", "the", "this", "that"}
# the same in a sentence left unparsed (no number, date or speech in it): the verb's past form, and no word
# of the story's own event anywhere in the sentence
_HAPPENED = re.compile(r"\b(?:collapsed|exploded|capsized|crashed|derailed|sank|detonated|caved\s+in|toppled)\b",
                       re.I)
_VICTIMS = ("killed", "wounded", "missing")
_EVENT_NOUNS = ATTACK_NOUNS | WAR_START_NOUNS | STORY_EVENT_NOUNS | HAPPENING_NOUNS


def _one(noun) -> bool:
    """Singular and told as one ("a blast", "the collapse"), not "strikes" or "attacks"."""
    return noun.tag_ == "NN" and any(d.dep_ in ("det", "poss") and (d.lower_ in _ONE or d.dep_ == "poss")
                                     for d in noun.children)


def tells_one_happening(sent) -> bool:
    """Whether a sentence tells one happening: "a building collapsed", "a bomb exploded at the market",
    "an air strike hit a house" -- not the story's own event ("the earthquake struck the region")."""
    if not nlp.is_parsed(sent):
        words = {w.lower() for w in re.findall(r"[A-Za-z]+", sent.text)}
        return bool(_HAPPENED.search(sent.text)) and not words & STORY_EVENT_NOUNS
    for t in sent:
        if t.pos_ != "VERB":
            continue
        subjects = [g for g in t.children if g.dep_ in ("nsubj", "nsubjpass")]
        if any(_lem(s) in STORY_EVENT_NOUNS for s in subjects):
            continue
        if _lem(t) in HAPPENING_VERBS and any(s.pos_ in ("NOUN", "PROPN") for s in subjects):
            return True
        if any(_lem(s) in HAPPENING_NOUNS | ATTACK_NOUNS and _one(s) for s in subjects):
            return True
        if _lem(t) in ATTACK_VERBS and any(g.dep_ == "dobj" and _lem(g) in INCIDENT_PLACES | TOWN_NOUNS and _one(g)
                                           for g in t.children):
            return True                         # "an air strike hit a house", "forces shelled the town of X"
    return False


class _Before:
    """A count and the sentence before it (what the table below looks at)."""

    def __init__(self, c: _Cand, prev_sent, prev_cands: list[_Cand]):
        self.c, self.prev_sent, self.prev_cands = c, prev_sent, prev_cands

    def happening_told_before(self) -> bool:
        c, prev = self.c, self.prev_sent
        if c.scope != "cumulative" or c.cum_cue or c.measure not in _VICTIMS or \
                c.trace.decided("figures.scope") != ["figures.scope:cumulative/default"]:
            return False                        # its own words decided its scope
        if c.events is not None and c.events.one_happening:
            return False                        # the happening before is the story's own (incident.py)
        if any(_lem(t) in _EVENT_NOUNS and t.pos_ == "NOUN" for t in c.sent):
            return False                        # its own sentence names its event ("the Oct. 7 attack, which left")
        if _MANY_HAPPENINGS.search(c.sent.text):
            return False                        # its own sentence names a war's many ("killed in gang violence")
        if any(p.scope == "cumulative" and p.sent.start == prev.start for p in self.prev_cands):
            return False                        # the sentence before gives the running toll
        return tells_one_happening(prev)


TOLD_BEFORE = Table("figures.scope.told-before", runner="figures",
                    subject="a count and the sentence before it (_Before)", rules=(
    Rule("incident/one-happening-told-before", lambda b: b.happening_told_before(), "incident",
         examples=("A 30-storey building under construction collapsed in the capital on Friday. Rescue crews are "
                   "still searching for 83 missing workers.",
                   "A bomb exploded at a crowded market in the town on Monday. At least 31 people were killed, "
                   "police said.",
                   "A ferry capsized off the coast on Sunday. Some 40 passengers are still missing, the coast guard "
                   "said."),
         counter_examples=("The earthquake struck the region on Friday. At least 1,000 people were killed, officials "
                           "said.",
                           "A bomb exploded at the market on Monday. The death toll of the war has risen to 3,000, "
                           "the ministry said."),
         why="a count told right after one happening, with no scope of its own, is that happening's"),
))


def incident_told_before(here: list[_Cand], prev_sent, prev_cands: list[_Cand]) -> None:
    """Counts of victims with no scope of their own, right after a sentence that tells one happening and
    gives no running toll, are that happening's."""
    if prev_sent is None:
        return
    for c in here:
        m = TOLD_BEFORE.first_match(_Before(c, prev_sent, prev_cands), c.trace, prev_sent.text[:60])
        if m is not None:
            c.scope = m.outcome
