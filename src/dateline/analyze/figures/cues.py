"""Which measure one cue word signals: the two tables the measure search asks about every word on its path.

``figures.measure.verb`` reads a predicate the counted phrase is an argument of, in its role (subj: active
subject, subjpass, obj, mod: a participle on the noun); ``figures.measure.noun`` reads the counted noun,
its modifiers and governing nouns. First match wins; an outcome of None is a veto (the word counts no
one here, and no later rule may say otherwise).
"""
from __future__ import annotations

import re
from dataclasses import dataclass, replace
from typing import Optional

from ..lexicon import story
from ..lexicon.gazetteer import gazetteer
from ..rules import Match, Rule, Table
from .lexicon import (
    ARREST_VERBS, BODY_NOUNS, CASUALTY_NOUNS, COMBATANT_NOUNS, DISPLACED_ADJS, DISPLACED_NOUNS, DISPLACED_VERBS,
    ESTIMATE_NOUNS, EVAC_INTRANSITIVE, HARM_VERBS, EVAC_NOUNS, EVAC_TRANSITIVE, HOSTAGE_NOUNS, HOSTAGE_VERBS,
    INTRANSITIVE_DEATH, KILLED_ADJS, KILLED_NOUNS,
    KILLED_VERBS, MISSING_ADJS, ORDER_VERBS, RELEASE_NOUNS, RELEASE_VERBS, TRUCK_NOUNS, WOUNDED_ADJS, WOUNDED_NOUNS,
    WOUNDED_VERBS,
)
from .parse import _is_verbal, _lem, _text_of


@dataclass(frozen=True)
class CueContext:
    """What the sentence around tells every cue: people held or swapped are near ("hostage"), named as
    hostages in this very sentence ("hostage_strict"), or the counted phrase is about lives ("lives")."""

    hostage: bool = False
    hostage_strict: bool = False
    lives: bool = False

    def with_lives(self) -> "CueContext":
        return replace(self, lives=True)


# Where a movement out goes or leaves from, beyond the places the gazetteer knows (any country is abroad).
_DESTINATION_WORDS = {"abroad", "hospital", "hospitals", "home", "country", "countries"}
_CROSSINGS = {"crossing", "border", "checkpoint", "terminal", "gate"}
_ORIGIN_WORDS = {"strip", "enclave", "territory"}


def _a_country(words_tokens, kinds=("country",)) -> bool:
    """Whether a phrase names a country (or, with ``kinds``, another kind of place the gazetteer knows)."""
    g = gazetteer()
    for t in words_tokens:
        if t.pos_ == "PROPN" or t.ent_type_ in ("GPE", "LOC"):
            found = g.find(t.text)
            if found and found[0].kind in kinds:
                return True
    return False


_ANY_PLACE = ("country", "territory", "region", "city")


def _a_journey(verb) -> bool:
    """"set" and "make" move people only as "set off / out" and "make one's way / make it": not "roadblocks
    made out of bodies", "marines are set to join"."""
    if _lem(verb) == "set":
        return any(c.dep_ == "prt" and c.lower_ in ("off", "out") for c in verb.children)
    if _lem(verb) == "make":
        return any(c.dep_ == "dobj" and c.lower_ in ("way", "it") for c in verb.children)
    return True


# people who cross a border as evacuees, not as refugees: foreigners, passport holders, the wounded and the sick
_EVACUEE_WORDS = {"foreign", "foreigner", "national", "holder", "passport", "citizen", "dual", "expatriate", "tourist",
                  "worker", "staff", "diplomat", "evacuee", "wounded", "injured", "sick", "patient", "student"}


def _fled_across_a_border(w) -> bool:
    """"10,000 Congolese have crossed into Burundi", "1,200 people crossed into Rwanda": people of the story's
    country who cross into another are refugees (displaced, where they are now); foreign nationals, passport
    holders or the wounded crossing out, or a crossing an evacuation arranges, are evacuees."""
    if w.lem not in ("cross", "enter", "arrive", "pour", "stream") or w.role not in ("subj", "mod", "subjpass") or \
            w.ctx.hostage:
        return False                    # (freed hostages crossing out are no refugees either)
    verb = w.tok
    into = [p for c in verb.children if c.dep_ == "prep" and c.lower_ in ("into", "to")
            for p in c.children if p.dep_ == "pobj"]
    if not any(_a_country(list(p.subtree)) for p in into) and not (w.lem == "cross" and any(
            c.dep_ == "dobj" and _lem(c) in ("border", "frontier") for c in verb.children)):
        return False
    crossers = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")] or \
        ([verb.head] if verb.dep_ in ("acl", "relcl") else [])
    if any(_lem(t) in _EVACUEE_WORDS for c in crossers for t in c.subtree if t.i <= c.i):
        return False
    return not any(_lem(t) in ("evacuate", "evacuation", "evacuee") for t in verb.sent)


# a rescue out of a flood is an evacuation (streams README: "54 moved to the roof ... rescued by helicopter");
# one out of rubble or the sea, of people found alive, is not (they are "other")
_FLOOD_WORDS = {"flood", "floods", "flooded", "flooding", "floodwater", "floodwaters", "boat", "boats", "helicopter",
                "helicopters", "roof", "roofs", "rooftop", "rooftops", "submerged", "inundated", "waterlogged"}
_FOUND_ALIVE_WORDS = {"alive", "rubble", "debris", "wreckage", "ruins", "sea", "ocean", "survivor", "survivors"}


def _rescued_from_a_flood(w) -> bool:
    """"Rescuers have pulled 19,700 people from flooded homes", "74,000 people have been rescued since the start
    of the floods", "teams have taken 4,350 people out of flooded areas": people a rescue moved out of a flood."""
    if w.role not in ("obj", "subjpass", "mod") or w.ctx.hostage:
        return False
    if w.lem == "take":
        if not any(c.dep_ == "prep" and c.lower_ in ("out", "from") for c in w.tok.children) and not any(
                c.dep_ == "prt" and c.lower_ == "out" for c in w.tok.children):
            return False
    elif w.lem not in ("rescue", "pull", "airlift", "pluck", "save"):
        return False
    words = {t.lower_ for t in w.tok.sent}
    return bool(words & _FLOOD_WORDS) and not words & _FOUND_ALIVE_WORDS


def _exit_direction(verb, abroad_only: bool = False) -> bool:
    """Whether a movement verb goes out of a place, through a crossing or into another country."""
    destinations = _DESTINATION_WORDS - {"hospital", "hospitals", "home"} if abroad_only else _DESTINATION_WORDS
    for c in verb.subtree:
        if c.i == verb.i or (c.head.i != verb.i and c.head.head.i != verb.i and c.head.head.head.i != verb.i):
            continue
        lw = c.lower_
        if c.dep_ == "prt" and lw == "out":
            return True
        if c.dep_ == "pobj":
            p = c.head.lower_
            sub_tokens = list(c.subtree)
            words = {t.lower_ for t in sub_tokens}
            if p in ("into", "to", "in", "at") and (words & destinations or _a_country(sub_tokens)):
                return True
            if p in ("through", "via", "across", "at") and words & _CROSSINGS:
                return True
            if p in ("from", "of") and (words & _ORIGIN_WORDS or _a_country(sub_tokens, _ANY_PLACE)):
                return True
        if c.dep_ == "dobj" and _lem(verb) in ("leave", "exit", "cross") and \
                ({t.lower_ for t in c.subtree} & (_ORIGIN_WORDS | _CROSSINGS) or
                 _a_country(list(c.subtree), _ANY_PLACE)):
            return True
    return False


def _hostage_context(sent, prev_sent_text: str) -> bool:
    words = re.compile(r"\b(?:hostages?|captives?|captivity|abductees?|abducted|kidnapped|prisoners?|detainees?|"
                       r"in\s+exchange\s+for|swaps?|jails?|prisons?)\b", re.I)
    return bool(words.search(sent.text) or words.search(prev_sent_text))


def _loses_lives(verb, ctx) -> bool:
    """ "lost their lives", or "lose" where the counted phrase is about lives ("the toll of those who
    lost ..."), but not losing something else: "60 of its 6,500 have lost money" ("lost a total of
    320 soldiers" is a loss of lives)."""
    if not (any(_lem(c) == "life" for c in verb.children) or _lem(verb.head) == "life" or ctx.lives):
        return False
    return not any(c.dep_ == "dobj" and _lem(c) not in ESTIMATE_NOUNS | {"life"} and not c.like_num
                   for c in verb.children)


CAPTORS = re.compile(r"\b(?:militants?|gunmen|captors?|kidnappers?|terrorists?|abductors?|rebels?|insurgents?|"
                     + story.alternation("armed_groups") + r")\b", re.I)


def _captor_subject(verb) -> bool:
    """Whether the one holding people is a captor ("Hamas is holding", "held by militants")."""
    for v in [verb] + [a for a in verb.ancestors if _is_verbal(a)][:2]:
        deps = ("nsubj", "agent") if v.i == verb.i else ("nsubj", "nsubjpass")   # "Hamas is believed to be holding"
        for g in v.children:
            if g.dep_ in deps and CAPTORS.search(_text_of(list(g.subtree))):
                return True
        if v.dep_ not in ("xcomp", "ccomp", "conj"):
            break
    return False


class _Word:
    """One cue word as the tables see it."""

    __slots__ = ("tok", "lem", "low", "role", "ctx", "victim_role")

    def __init__(self, tok, ctx: CueContext, role: str):
        self.tok, self.ctx, self.role = tok, ctx, role
        self.lem = _lem(tok)
        self.low = tok.lower_
        self.victim_role = role in ("obj", "subjpass", "mod") or self.lem in INTRANSITIVE_DEATH


def _found_dead(w: _Word) -> bool:
    return w.lem in ("find", "discover", "recover", "confirm") and any(
        c.lower_ in KILLED_ADJS for c in w.tok.children if c.dep_ in ("oprd", "acomp", "xcomp", "advcl"))


def _released_from_care(w: _Word) -> bool:
    """"released from hospital / prison": discharged, not freed by captors."""
    return w.lem == "release" and any(
        c.dep_ == "prep" and c.lower_ == "from" and any(_lem(g) in ("hospital", "jail", "prison", "clinic")
                                                        for g in c.children) for c in w.tok.children)


# the men a force or a crew loses ("the rebels lost 11 men", "lost 40 soldiers"): its dead
_LOST_MEN = COMBATANT_NOUNS | {"man", "officer", "policeman", "sailor", "marine", "pilot", "crewman", "comrade",
                               "serviceman", "guard"}


def _lost_men(w: _Word) -> bool:
    return w.lem == "lose" and w.role == "obj" and any(
        c.dep_ == "dobj" and (_lem(c) in _LOST_MEN or (_lem(c) == "member" and any(
            m.lower_ == "crew" for m in c.children if m.dep_ == "compound"))) for c in w.tok.children)


# family members: losing them is their death ("lost his wife and six children", "lost 12 members of her family")
_KIN = {"wife", "husband", "child", "son", "daughter", "relative", "grandchild", "parent", "mother", "father",
        "brother", "sister", "cousin", "nephew", "niece", "grandson", "granddaughter", "grandparent", "uncle", "aunt",
        "sibling", "baby", "kid"}


# people whose loss is their death: the loss of 120 men, of 12 firefighters, of his wife and six children
_PEOPLE_LOST = _KIN | COMBATANT_NOUNS | {
    "man", "woman", "person", "people", "civilian", "worker", "firefighter", "crew", "crewman", "crewmember",
    "sailor", "miner", "officer", "policeman", "policemen", "soldier", "troop", "marine", "pilot", "member",
    "passenger", "resident", "villager", "colleague", "comrade", "staff", "volunteer"}


def _loss_of_people(w: _Word) -> bool:
    """"the loss of over 120 men": the governing noun "loss" with people as its "of" object."""
    return w.lem == "loss" and any(
        c.dep_ == "prep" and c.lower_ == "of" and any(p.dep_ == "pobj" and _lem(p) in _PEOPLE_LOST for p in c.children)
        for c in w.tok.children)


def _lost_kin(w: _Word) -> bool:
    if w.lem != "lose" or w.role in ("subj", "mod"):
        return False            # "1,200 children who have lost parents": the counted lost them, and live
    for t in w.tok.subtree:
        partitive = t.dep_ == "pobj" and t.head.lower_ == "of" and t.head.head.dep_ == "dobj" and \
            t.head.head.like_num                # "lost three of her sons"
        if (t.dep_ in ("dobj", "appos", "conj") or partitive) and t.i > w.tok.i and (
                _lem(t) in _KIN or (_lem(t) == "member" and any(_lem(x) == "family" for x in t.subtree))):
            return True
    return False


def _buried_by_the_living(w: _Word) -> bool:
    """"Volunteers buried 37 people in a mass grave": those someone buried are the dead; not those a collapse
    buried ("buried under the rubble": trapped, maybe alive) nor anyone buried alive."""
    if w.lem != "bury" or w.role != "obj":
        return False
    doers = [g for g in w.tok.children if g.dep_ == "nsubj"]
    return bool(doers) and not any(_lem(g) in _BURYING_FORCES for g in doers) and \
        not any(c.lower_ in ("under", "beneath", "underneath", "alive") for c in w.tok.children)


# what buries people alive or dead, unknown which: a collapse, a slide, a wave
_BURYING_FORCES = {"earthquake", "quake", "landslide", "mudslide", "avalanche", "flood", "rubble", "debris", "mud",
                   "collapse", "building", "house", "snow", "storm", "eruption", "lava", "ash", "tsunami", "wave",
                   "rock", "rockfall", "slide"}


def _trapped_under(w: _Word) -> bool:
    """"80 people remain trapped under a collapsed building": under the rubble, so missing."""
    return w.lem == "trap" and w.role in ("subj", "subjpass", "mod", "obj") and any(
        c.dep_ == "prep" and c.lower_ in ("under", "beneath", "underneath") for c in w.tok.children)


def _lost_their_homes(w: _Word) -> bool:
    """"10,000 people lost their homes", "two million have left their homes": the people, homeless."""
    return w.lem in ("lose", "leave", "abandon", "flee") and w.role in ("subj", "mod") and any(
        c.dep_ == "dobj" and _lem(c) in ("home", "house") and any(d.dep_ == "poss" for d in c.children)
        for c in w.tok.children)


# where people are moved for their safety ("moved to tent villages", "sent to settlements", "bused to shelters")
_SAFE_PLACES = {"shelter", "tent", "camp", "settlement", "hotel", "safety", "ground", "centre", "center", "site",
                "encampment"}
_MOVE_VERBS = {"move", "send", "transfer", "shift", "bus", "ferry", "relocate", "resettle"}


def _moved_to_safety(w: _Word) -> bool:
    """People moved by others (never the movers: "troops moved to the camp") to a shelter, a camp, a settlement,
    higher ground, out of their villages or before a storm's landfall; "relocate" and "resettle" say so by
    themselves."""
    if w.lem not in _MOVE_VERBS or w.role not in ("obj", "subjpass", "mod"):
        return False
    if w.lem in ("relocate", "resettle"):
        return True
    for prep in w.tok.children:
        if prep.dep_ == "prep" and prep.lower_ in ("to", "into"):
            if any(_lem(t) in _SAFE_PLACES for t in prep.subtree if t.dep_ == "pobj" or t.head.dep_ == "pobj"):
                return True
        # "moved out of coastal villages", "moved 410,000 people before landfall": away from the danger
        # (only "move": patients "transferred from" a town are still its wounded)
        if w.lem == "move" and prep.dep_ == "prep" and prep.lower_ in ("out", "from") and \
                any(_lem(t) in _DANGER_PLACES for t in prep.subtree):
            return True
        if w.lem == "move" and prep.dep_ == "prep" and prep.lower_ in ("before", "ahead") and \
                any(_lem(t) in _COMING_DANGERS for t in prep.subtree):
            return True
    return False


_DANGER_PLACES = {"village", "home", "house", "coast", "area", "zone", "town", "island", "district", "riverbank",
                  "shore", "valley", "neighbourhood", "neighborhood"}
_COMING_DANGERS = {"landfall", "storm", "typhoon", "hurricane", "cyclone", "flood", "flooding", "surge", "arrival",
                   "eruption", "fire", "wildfire"}


def _seizes_a_thing(verb) -> bool:
    """"fighting to capture the oil terminal": a capture verb whose own object holds no number takes a place or
    a thing, not the people counted elsewhere in the sentence."""
    return any(ch.dep_ == "dobj" and not any(t.like_num for t in ch.subtree) for ch in verb.children)


def _forced_from_homes(w: _Word) -> bool:
    return w.lem in ("force", "drive", "chase", "push", "uproot") and w.role in ("obj", "subjpass", "mod") and any(
        c.dep_ == "prep" and c.lower_ in ("from", "out") and
        any(_lem(x) in ("home", "house", "village", "town", "community") for x in c.subtree)
        for c in w.tok.children)


def _ordered_to_move(w: _Word) -> bool:
    return w.lem in ORDER_VERBS and w.role in ("obj", "subjpass") and any(
        _lem(c) in ("move", "leave", "evacuate", "relocate", "go", "head", "flee")
        for c in w.tok.children if c.dep_ in ("xcomp", "ccomp"))


_STAYING_VERBS = {"remain", "live", "stay", "be", "shelter", "sleep", "house", "lodge", "crowd", "number", "total"}


def _staying(tok) -> bool:
    """Whether a word for evacuees stands in a clause of staying or being somewhere, not of moving."""
    cur = tok
    for _ in range(4):
        if cur.pos_ in ("VERB", "AUX") and cur is not tok:
            return _lem(cur) in _STAYING_VERBS
        if cur.head.i == cur.i:
            return False
        cur = cur.head
    return False


def _release(w: _Word) -> bool:
    return w.lem in RELEASE_VERBS and (w.role != "subj" or w.lem == "return")


# the kind of harm a victim word tells, for telling one count of several kinds from one of a single kind
_HARM_KINDS = {"kill": "killed", "die": "killed", "dead": "killed", "killed": "killed", "injure": "wounded",
               "injured": "wounded", "wound": "wounded", "wounded": "wounded", "hurt": "wounded", "maim": "wounded",
               "missing": "missing", "homeless": "displaced", "displaced": "displaced", "displace": "displaced"}


_AMOUNT_WORDS = {"dozens", "hundreds", "thousands", "scores", "tens", "many", "several", "others", "more", "some",
                 "few", "dozen", "hundred", "thousand", "million", "millions"}


def _harm_kind(tok) -> Optional[str]:
    return _HARM_KINDS.get(tok.lower_) or _HARM_KINDS.get(_lem(tok))


def several_harms(tok) -> bool:
    """"three million people killed, injured or homeless", "230,000 dead or missing", "120 killed and wounded":
    one number shared by victim words of different kinds (not "40 killed and 30 injured": a number of its own)."""
    kind = _harm_kind(tok)
    if kind is None:
        return False
    kinds = {kind}
    for other in tok.conjuncts:
        k = _harm_kind(other)
        if k is None:
            continue
        lo, hi = sorted((tok.i, other.i))
        if any(t.like_num or t.tag_ == "CD" or t.lower_ in _AMOUNT_WORDS for t in tok.doc[lo:hi + 1]):
            return False                    # "13 killed and dozens wounded": each its own number
        kinds.add(k)
    return len(kinds) > 1


VERB_CUES = Table("figures.measure.verb", runner="figures", subject="a predicate of the counted phrase (_Word)", rules=(
    Rule("other/several-harms-at-once", lambda w: several_harms(w.tok), "other",
         examples=("They are talking about three million people being killed, injured or homeless.",
                   "Some 120 people were killed or wounded in the blast.",
                   "The floods have left 2,300 people dead or missing."),
         counter_examples=("At least 40 people were killed and 30 injured, police said.",),
         why="one count of the dead, the hurt and the homeless together is no count of any one of them"),
    Rule("killed/lost-their-family", _lost_kin, "killed",
         examples=("He lost his wife, all his 6 children and 2 grandchildren in the strike.",
                   "A woman who lost 12 members of her family in the flood spoke to reporters.",
                   "She lost three of her sons in the shelling of the market.",
                   "The fisherman lost two of his brothers when the boat capsized."),
         counter_examples=("The bank said 60 of its 6,500 members have lost money.",
                           "There are 1,200 children who have lost parents in the war.",
                           "Some 300 children have lost both parents, the agency said.",
                           "At least 90 widows who lost husbands in the floods were given land."),
         why="a family member lost in a war or disaster is dead (not those who lost them)"),
    Rule("killed/buried-by-the-living", _buried_by_the_living, "killed",
         examples=("Volunteers buried 37 people on Thursday in a mass grave near the camp.",
                   "Relatives buried 12 victims of the landslide in the village cemetery.",
                   "The municipality has buried 400 unidentified bodies since the floods."),
         counter_examples=("The landslide buried 40 houses and their owners.",
                           "The quake buried 300 people under the rubble of their homes."),
         why="whom the living bury are dead (streams README: bodies recovered count as killed)"),
    Rule("missing/trapped-under", _trapped_under, "missing",
         examples=("At least 80 people remain trapped under a collapsed high-rise, rescuers said.",),
         counter_examples=("Some 300 people were trapped in their homes by the floodwaters.",),
         why="people trapped under a collapse are under the rubble: missing"),
    Rule("displaced/lost-their-homes", _lost_their_homes, "displaced",
         examples=("About 10,000 people in the valley lost their homes in the floods.",
                   "Two million people have left their homes since the fighting began."),
         counter_examples=("The storm destroyed 900 homes.",),
         why="people who lost or left their own homes are the displaced"),
    Rule("killed/lost-men", _lost_men, "killed",
         examples=("The rebels lost 11 men fighting to capture the town.",
                   "The regiment lost 40 soldiers in the first week of the offensive.",
                   "The coast guard lost three crew members in the rescue."),
         counter_examples=("The bank said 60 of its 6,500 members have lost money.",),
         why="a force or a crew that lost men lost them dead"),
    Rule("veto/lose-no-lives",
         lambda w: w.lem == "lose" and w.victim_role and not _loses_lives(w.tok, w.ctx), None,
         examples=("The bank said 60 of its 6,500 members have lost money.",),
         why="losing money, ground or a vote is no death"),
    Rule("killed/victim-verb", lambda w: w.lem in KILLED_VERBS and w.victim_role, "killed",
         examples=("Three fishermen were killed when the storm hit the coast.",
                   "The landslide killed 14 villagers in the valley.",
                   "At least 9 climbers died on the mountain."),
         counter_examples=("The bank said 60 of its 6,500 members have lost money.",)),
    Rule("killed/to-death", lambda w: (w.victim_role or (w.role == "subj" and not any(
             c.dep_ == "dobj" for c in w.tok.children))) and any(
             c.dep_ == "prep" and c.lower_ == "to" and any(_lem(p) == "death" for p in c.children if p.dep_ == "pobj")
             for c in w.tok.children), "killed",
         examples=("Seven pilgrims were crushed to death in a stampede at the shrine.",
                   "Four miners were burned to death when the fuel tank caught fire.",
                   "Two herders froze to death in the blizzard."),
         why="a verb 'to death' (crushed, burned, stabbed, froze to death) says the people died"),
    Rule("killed/fatally", lambda w: w.victim_role and any(
             c.dep_ == "advmod" and c.lower_ in ("fatally", "mortally") for c in w.tok.children), "killed",
         examples=("Ninety-seven fans were fatally injured in the crush at the stadium.",
                   "Two officers were fatally wounded in the ambush, police said.",
                   "A gunman fatally shot four people at the mall on Sunday.",
                   "Three climbers were mortally injured in the fall, rescuers said."),
         counter_examples=("Twelve pilgrims were injured in the crush at the shrine.",),
         why="'fatally' or 'mortally' injured, wounded or shot: the people died of it"),
    Rule("killed/crushed-under", lambda w: w.lem == "crush" and w.victim_role and any(
             c.dep_ == "prep" and c.lower_ in ("under", "beneath", "underneath") for c in w.tok.children), "killed",
         examples=("Seventeen women were said to have been crushed under the rubble of their homes.",
                   "Two children were crushed beneath a collapsed wall, neighbours said.",
                   "Three miners were crushed under a fallen roof beam, the company said."),
         why="people crushed under rubble or a fallen weight died of it"),
    Rule("wounded/victim-verb", lambda w: w.lem in WOUNDED_VERBS and w.victim_role, "wounded",
         examples=("Twelve pilgrims were injured in the crush at the shrine.",)),
    Rule("killed/claimed-lives",
         lambda w: w.lem in ("claim", "take", "cost") and w.role in ("obj", "subjpass", "mod") and
         any(_lem(c) == "life" for c in w.tok.children if c.dep_ in ("dobj", "nsubjpass")), "killed",
         examples=("The earthquake has claimed approximately 1,700 lives, officials said.",
                   "The floods took 96 lives in the valley.",
                   "The war has cost some 4,000 lives on both sides."),
         why="lives claimed, taken or cost are deaths (the noun alone may count lives changed or saved)"),
    Rule("wounded/sustained-injuries",
         lambda w: w.lem in HARM_VERBS and w.role == "subj" and any(
             _lem(c) in ("injury", "wound", "burn", "fracture") and not any(
                 a.lower_ in ("fatal", "mortal") for a in c.children) for c in w.tok.children if c.dep_ == "dobj"),
         "wounded",
         examples=("The junta said over 3,900 people sustained injuries in the earthquake.",
                   "About 300 villagers suffered wounds from the shelling.",
                   "Twelve firefighters received burns while fighting the blaze."),
         counter_examples=("The team suffered 3 defeats in a row.",),
         why="people who sustained or suffered injuries are the wounded"),
    Rule("killed/combatants-eliminated",
         lambda w: w.lem in ("eliminate", "neutralize", "neutralise") and w.role in ("obj", "subjpass", "mod") and
         any(_lem(c) in COMBATANT_NOUNS for c in w.tok.children if c.dep_ in ("dobj", "nsubjpass")), "killed",
         examples=("The army says over 9,000 militants have been eliminated since the war began.",
                   "Troops neutralised 14 insurgents near the border, the ministry said."),
         counter_examples=("The company eliminated 300 jobs last year.",),
         why="armed people eliminated or neutralised are killed"),
    Rule("killed/found-dead", _found_dead, lambda w: "other" if w.ctx.hostage else "killed",
         examples=("Seven hikers were found dead on the ridge on Sunday.",),
         why="bodies found: the dead, or hostages found dead (another count) where hostages are spoken of"),
    Rule("evacuated/rescued-from-a-flood", _rescued_from_a_flood, "evacuated",
         examples=("Rescuers have pulled 19,700 people from flooded homes by boat and helicopter, officials said.",
                   "In all, 74,000 people have been rescued since the start of the floods, the ministry said.",
                   "Rescue teams have taken 4,350 people out of flooded areas since Monday.",
                   "Helicopters airlifted 300 villagers from rooftops after the river burst its banks."),
         counter_examples=("He said 11 people had been rescued alive from under the rubble on Sunday.",
                           "The coast guard rescued 14 people from the sea after the ferry sank."),
         why="people a rescue moves out of a flood are evacuated; those found alive in rubble or the sea are not"),
    Rule("veto/returned-not-from-captivity",
         lambda w: _release(w) and w.lem == "return" and not any(c.lower_ == "captivity" for c in w.tok.subtree),
         None, examples=("About 3,000 residents returned to the town after the floods receded.",)),
    Rule("veto/released-from-care", lambda w: _release(w) and _released_from_care(w), None,
         examples=("The clinic said 40 patients were released from hospital on Friday.",)),
    Rule("veto/released-no-captives", lambda w: _release(w) and not w.ctx.hostage, None,
         examples=("The company released 300 workers from their contracts.",),
         why="'release', 'free', 'hand over' count people freed only where captives are spoken of"),
    Rule("other/released-captives", _release, "other",
         examples=("The rebels released 18 hostages on Sunday, the mediators said.",),
         counter_examples=("The company released 300 workers from their contracts.",),
         why="people freed from captivity: another count than those held"),
    Rule("other/arrested", lambda w: w.lem in ARREST_VERBS and w.role != "subj", "other",
         examples=("Police arrested 45 protesters near the parliament.",)),
    Rule("hostages/taken-hostage",
         lambda w: w.lem in ("take", "hold", "keep") and w.role != "subj" and any(
             _lem(c) in HOSTAGE_NOUNS for c in w.tok.subtree if c.i != w.tok.i), "hostages",
         examples=("The gunmen took 25 passengers hostage on the train.",)),
    Rule("veto/captors-not-captives", lambda w: w.lem in HOSTAGE_VERBS and w.role == "mod" and any(
             c.dep_ == "dobj" for c in w.tok.children), None,
         examples=("The rebels lost 11 men fighting to capture the town.",
                   "Some 200 fighters trying to seize the airport were killed.",
                   "Some 30 militiamen who tried to seize the port were killed, officials said."),
         why="people who set out to capture or seize something are the captors, not the captured"),
    Rule("hostages/abducted", lambda w: w.lem in HOSTAGE_VERBS and w.role != "subj" and not _seizes_a_thing(w.tok),
         "hostages",
         examples=("Armed men abducted 30 schoolgirls from the dormitory.",),
         counter_examples=("The rebels lost 11 men in the past day fighting to capture the oil terminal.",
                           "Two soldiers were wounded as troops seized the airport on Sunday.",
                           "The militia lost 20 fighters in the first week trying to capture the bridge.")),
    Rule("hostages/held-by-captors",
         lambda w: w.lem in ("hold", "keep") and w.role in ("obj", "subjpass", "mod") and (
             w.ctx.hostage_strict or _captor_subject(w.tok)), "hostages",
         examples=("Kidnappers are still holding 12 aid workers in the forest.",)),
    Rule("missing/missing",
         lambda w: (w.low in MISSING_ADJS or (w.lem == "miss" and w.tok.tag_ == "VBG")) and
         w.role in ("subj", "subjpass", "mod"), "missing",
         examples=("After the mudslide 80 people are missing, the governor said.",)),
    Rule("displaced/displacement-verb",
         lambda w: w.lem in DISPLACED_VERBS and (w.role != "subj" or w.lem in ("flee", "shelter")), "displaced",
         examples=("The fighting has displaced 90,000 people in the north.",
                   "More than 4,000 people fled the burning suburbs.")),
    Rule("evacuated/evacuate", lambda w: w.lem in ("evacuate", "repatriate") and w.role != "subj", "evacuated",
         examples=("The coast guard evacuated 300 tourists from the island.",
                   "The government repatriated 1,200 workers stranded by the fighting.",
                   "Manila has repatriated 300 Filipinos from the war zone.")),
    Rule("evacuated/received-from",
         lambda w: w.lem in ("receive", "admit", "welcome") and w.role in ("obj", "subjpass", "mod") and
         _exit_direction(w.tok), lambda w: "other" if w.ctx.hostage else "evacuated",
         examples=("Jordan received 28 wounded children through the border crossing.",)),
    Rule("evacuated/moved-to-safety", _moved_to_safety, "evacuated",
         examples=("Around 400,000 people will be moved to tent villages outside the capital.",
                   "The government said 100,000 people would be sent to 10 settlements near the city.",
                   "About 5,000 villagers were moved to camps on higher ground.",
                   "Officials plan to relocate 20,000 residents from the flood zone.",
                   "Rescuers bused 600 residents to shelters inland."),
         counter_examples=("The agency moved 300 tonnes of food to the port.",
                           "About 2,000 people moved to the coast last year for work."),
         why="people an operation moves away from danger (streams README: 'moved to hotels')"),
    Rule("displaced/forced-from-homes", _forced_from_homes, "displaced",
         examples=("About 5,000 villagers have been forced from their homes by the lava.",)),
    Rule("evacuated/taken-abroad",
         lambda w: w.lem == "take" and w.role in ("subjpass", "mod") and _exit_direction(w.tok, abroad_only=True),
         "evacuated", examples=("Some 40 injured climbers were taken to hospitals in Turkey.",)),
    Rule("evacuated/moved-out",
         lambda w: w.lem in EVAC_TRANSITIVE and w.role != "subj" and _exit_direction(w.tok), "evacuated",
         examples=("Officials allowed 120 foreign nationals out through the border crossing.",)),
    Rule("displaced/fled-across-a-border", _fled_across_a_border, "displaced",
         examples=("More than 10,000 Congolese have crossed into Burundi in the past three days, officials said.",
                   "About 21,000 Syrians have crossed into Lebanon since the violence began, the agency said.",
                   "About 1,200 people crossed into Rwanda on Sunday and Monday, the ministry said.",
                   "Some 8,000 Rohingya had crossed the border in recent weeks, officials said."),
         counter_examples=("On Monday 335 foreign nationals crossed into Egypt.",
                           "Some 90 wounded people crossed into Egypt for treatment.",
                           "About 400 people crossed into Jordan in an evacuation arranged by the embassy."),
         why="people who cross out of a war or disaster into another country are refugees; foreign nationals, "
             "the wounded and those an evacuation moves are evacuees"),
    Rule("evacuated/left-through",
         lambda w: w.lem in EVAC_INTRANSITIVE and w.role in ("subj", "mod", "subjpass") and _a_journey(w.tok) and
         _exit_direction(w.tok),
         "evacuated", examples=("On Monday 335 foreign nationals crossed into Egypt.",
                                "About 600 people set off into Jordan at dawn.",
                                "Some 200 people made their way into Jordan overnight."),
         counter_examples=("He saw two roadblocks made out of bodies.",
                           "More than 2,000 marines are set to join the fleet in the Gulf.")),
    Rule("evacuated/cross",
         lambda w: w.lem == "cross" and w.role in ("subj", "subjpass", "mod") and
         not any(c.dep_ == "dobj" for c in w.tok.children), "evacuated",
         examples=("More than 20 sick children are expected to cross on Thursday.",)),
    Rule("other/ordered-to-move", _ordered_to_move, "other",
         examples=("The army told 1.1 million residents to move south within a day.",),
         why="the population an evacuation order covers"),
))


NOUN_CUES = Table("figures.measure.noun", runner="figures",
                  subject="the counted noun, a modifier or a governing noun (_Word)", rules=(
    Rule("other/several-harms-together", lambda w: several_harms(w.tok), "other",
         examples=("The tsunami left almost 230,000 people dead or missing.",
                   "Some 900 dead and injured were brought to the hospitals.")),
    Rule("other/casualties", lambda w: w.lem in CASUALTY_NOUNS, "other",
         examples=("The blast caused 120 casualties, the hospital said.",),
         why="casualties are the dead and the injured together"),
    Rule("veto/lives-not-lost", lambda w: w.lem == "life" and not w.ctx.lives, None,
         examples=("The programme has changed 500 lives in the district.",),
         why="'lives' counts the dead only where the phrase is about lives lost or a toll"),
    Rule("killed/lives", lambda w: w.lem == "life", "killed",
         examples=("The earthquake claimed the lives of 2,100 people.",),
         counter_examples=("The programme has changed 500 lives in the district.",)),
    Rule("killed/death-word", lambda w: w.lem in KILLED_NOUNS or w.low in KILLED_ADJS or
         (w.low in BODY_NOUNS | {"corpses"} and w.tok.pos_ == "NOUN"), "killed",
         examples=("The death toll rose to 212 on Tuesday.", "Officials counted 64 dead bodies after the fire.",
                   "The remains of 9 of the missing climbers were found on the glacier.")),
    Rule("wounded/injury-word", lambda w: w.lem in WOUNDED_NOUNS or w.low in WOUNDED_ADJS, "wounded",
         examples=("Hospitals treated 340 injured people overnight.",)),
    Rule("wounded/people-with-injuries", lambda w: w.tok.pos_ in ("NOUN", "PROPN") and any(
             c.dep_ == "prep" and c.lower_ == "with" and any(
                 p.dep_ in ("pobj", "conj") and _lem(p) in ("injury", "wound", "burn", "fracture") and
                 not any(a.lower_ in ("fatal", "mortal") for a in p.children) for p in c.subtree)
             for c in w.tok.children), "wounded",
         examples=("There are 323 people with minor and serious injuries, officials said.",
                   "Some 85 children with burns arrived at the field hospital overnight.",
                   "At least 96 residents with injuries were taken to hospital in the city."),
         counter_examples=("Some 40 families with young children remain in the camp.",),
         why="people with injuries, wounds or burns are the wounded"),
    Rule("hostages/hostage-word", lambda w: w.lem in HOSTAGE_NOUNS, "hostages",
         examples=("Negotiators said 19 hostages remain in the compound.",)),
    Rule("veto/people-said-to-be-refugees", lambda w: w.lem == "refugee" and w.tok.dep_ == "attr" and not any(
             c.dep_ == "expl" for c in w.tok.head.children), None,
         examples=("About 1.7 million of the enclave's 2.3 million people are registered refugees.",),
         counter_examples=("There are now 50,227 refugees registered in Turkey.",),
         why="a population said to be refugees (a status, often inherited) is no count of the displaced"),
    Rule("displaced/displaced-word",
         lambda w: w.lem in DISPLACED_NOUNS or w.low in DISPLACED_ADJS or w.low == "idps", "displaced",
         examples=("The camps now shelter 45,000 displaced people.",
                   "The agency said it had registered almost 150,000 refugees in neighbouring countries.")),
    Rule("veto/trucks-of-war", lambda w: w.lem in TRUCK_NOUNS and _trucks_of_war(w.tok), None,
         examples=("Rebels destroyed 10 pick-up trucks mounted with machine guns.",
                   "Six pickup trucks packed with ammunition were seized at the border.",
                   "Two trucks loaded with explosives hit the barracks, police said.",
                   "The army sent 40 military trucks carrying troops to the front."),
         counter_examples=("Only 60 trucks carrying food reached the city on Wednesday.",),
         why="pickups, army trucks and trucks that carry arms or fighters are no aid convoy"),
    Rule("aid_trucks/truck", lambda w: w.lem in TRUCK_NOUNS, "aid_trucks",
         examples=("Only 60 trucks carrying food reached the city on Wednesday.",)),
    Rule("displaced/evacuees-staying", lambda w: (w.lem in EVAC_NOUNS or w.low == "evacuated") and _staying(w.tok),
         "displaced",
         examples=("About 23,000 people remain evacuated at shelters in the prefecture.",
                   "More than 100 evacuees still live at the school, which has become a shelter.",
                   "There were 34,000 evacuees in the three provinces on Tuesday."),
         counter_examples=("More than 100 evacuees from the island will arrive in Lisbon on Monday.",),
         why="people who stay evacuated (in shelters, in a region) are a stock of the displaced, not a move"),
    Rule("evacuated/evacuee-word", lambda w: w.lem in EVAC_NOUNS or w.low == "evacuated", "evacuated",
         examples=("The ferry carried 700 evacuees to the mainland.",)),
    Rule("other/freed-captives",
         lambda w: (w.lem in RELEASE_NOUNS or w.low in ("freed", "released", "rescued", "liberated")) and w.ctx.hostage,
         "other", examples=("The deal provides for the release of 50 hostages held by the rebels.",)),
    Rule("missing/missing-word", lambda w: w.low in MISSING_ADJS, "missing",
         examples=("Divers are searching for 30 missing sailors.",)),
    Rule("missing/under-rubble", lambda w: w.lem == "rubble" and w.tok.head.lower_ == "under" and
         _lem(w.tok.head.head) != "crush", "missing",
         examples=("Rescuers believe 200 people are still under the rubble.",),
         counter_examples=("Seventeen women were said to have been crushed under the rubble of their homes.",)),
    Rule("killed/victim", lambda w: w.lem == "victim", "killed",
         examples=("The coroner named 11 victims of the crash.",)),
    Rule("killed/loss-of-people", _loss_of_people, "killed",
         examples=("The regiment mourned the loss of over 120 men in the battle.",
                   "The fire service confirmed the loss of 12 firefighters in the blaze.",
                   "The mine owner apologised for the loss of 29 miners."),
         counter_examples=("The factory closure meant the loss of 300 jobs.",),
         why="the loss of people is their death, as the loss of lives is"),
))


def cue_of(tok, kind: str, ctx: CueContext, role: str = "obj") -> Optional[Match]:
    """The rule a single cue token matches ("verb": a predicate of the counted phrase in ``role``;
    "noun": the counted noun, a modifier or a governing noun), or None; its outcome is the measure
    (None: a veto)."""
    return (VERB_CUES if kind == "verb" else NOUN_CUES).first_match(_Word(tok, ctx, role))


def own_measure(noun, ctx: CueContext) -> Optional[str]:
    """What the counted noun itself says ("13 dead", "30 injured"), or None."""
    m = cue_of(noun, "noun", ctx)
    return m.outcome if m is not None else None


# what makes a truck one of war, not of aid: its kind ("pickup", "army") or what it carries ("explosives")
_WAR_TRUCK_KINDS = {"pickup", "pick", "pick-up", "military", "army", "armoured", "armored", "technical", "troop"}
_WAR_CARGO = {"explosive", "ammunition", "weapon", "gun", "arm", "bomb", "rocket", "missile", "mortar", "fighter",
              "gunman", "militant", "soldier", "troop", "rebel", "militiaman", "machine", "launcher", "shell"}


def _trucks_of_war(tok) -> bool:
    """"pick-up trucks mounted with machine guns", "trucks loaded with explosives", "military trucks"."""
    if any(ch.dep_ in ("compound", "amod") and ch.lower_.replace("-", "") in {k.replace("-", "") for k in
                                                                             _WAR_TRUCK_KINDS}
           for ch in tok.subtree if ch.i < tok.i):
        return True
    return any(ch.dep_ in ("acl", "relcl", "prep") and any(_lem(t) in _WAR_CARGO for t in ch.subtree)
               for ch in tok.children)
