"""Whether a figure is of one incident: one strike, blast, happening or building, or a 'when' clause."""
from __future__ import annotations

import re

from .lexicon import (
    ATTACK_NOUNS, ATTACK_VERBS, BODY_NOUNS, GATHERINGS, HAPPENING_NOUNS, INCIDENT_PLACES, KILLED_VERBS, KILLER_WORDS,
    LEVEL_VERBS,
    SPEECH_VERBS,
    STORY_EVENT_NOUNS, SUBJ_DEPS, TOWN_NOUNS, VEHICLE_NOUNS, WOUNDED_VERBS,
)
from .parse import _is_verbal, _lem, _text_of
from ..lexicon import story
from ..lexicon.gazetteer import gazetteer
from ..rules import Rule, Table
from .candidate import _Cand
from .clause import _Clause, _auxiliaries, told_standing_now
from .toll import _toll_noun


_ATTACK_ON = re.compile(r"\b(?:on|in|inside|across)\s+(?:southern\s+|northern\s+)?(?:"
                        + story.alternation("attacked_places") + r")\b", re.I)


def _war_start(tokens) -> bool:
    """Words of the attack that began the war: its attackers, its date, the story's attacked place."""
    text = " ".join(t.text for t in tokens)
    return bool(KILLER_WORDS.search(text)) or bool(_ATTACK_ON.search(text))


def _specific_place(tok) -> bool:
    """A single named or singular place ("the town of Sderot", "a house", "Jabalia camp"), not Gaza or Israel."""
    sub = list(tok.subtree)
    if _war_start(sub):
        return False
    if _lem(tok) in _REGION_KINDS:
        return False                # "in Niigata Prefecture", "in Buncombe County": a region's toll
    if tok.tag_ == "NN" and _lem(tok) in INCIDENT_PLACES | {"town", "village", "neighbourhood", "neighborhood",
                                                            "street", "district", "kibbutz", "city"}:
        return True
    if any(x.ent_type_ in ("GPE", "LOC", "FAC") and not _wide(x) for x in sub):
        return True
    # a town the gazetteer knows, whatever NER made of it ("killed in Mariupol", "in Goma fighting")
    if tok.pos_ == "PROPN" and _a_town(tok) or any(
            x.dep_ == "compound" and x.pos_ == "PROPN" and x.head.i == tok.i and tok.pos_ == "NOUN" and _a_town(x)
            for x in sub):
        return True
    # a proper name after "in" / "at" is a place, whatever NER made of it ("in Khan Younis")
    name = [tok] + [x for x in tok.children if x.dep_ == "compound"]
    return tok.pos_ == "PROPN" and tok.head.lower_ in ("in", "at", "near", "inside") and \
        all(x.ent_type_ in ("GPE", "LOC", "FAC", "PERSON", "") and not _wide(x) for x in name)


_REGION_KINDS = {"prefecture", "province", "state", "county", "governorate", "oblast", "region", "department",
                 "territory", "division"}
_WIDE_WORDS = {"strip", "west", "bank", "enclave", "territory", "territories", "the", "north", "south", "east"}


def _wide(tok) -> bool:
    """A word of a country, territory or region (where a toll is a running one), not of one town or site."""
    if tok.lower_ in _WIDE_WORDS or gazetteer().demonym(tok.text) is not None:
        return True
    found = gazetteer().find(tok.text)
    return bool(found) and found[0].kind in ("country", "territory", "region")


def _a_town(tok) -> bool:
    """A name the gazetteer knows only as a town or city (not a country or a region of that name); the whole
    name ("West Bank", not "West")."""
    parts = [tok] + [c for c in tok.children if c.dep_ == "compound"]
    name = " ".join(t.text for t in sorted(parts, key=lambda t: t.i))
    if tok.lower_ in _WIDE_WORDS or any(c.lower_ in _WIDE_WORDS for c in tok.children if c.dep_ == "compound"):
        return False
    found = gazetteer().find(name)
    return bool(found) and all(p.kind == "city" for p in found)


def _a_towns_name(tok) -> bool:
    """A region named after its chief town ("strikes on Kherson", "shelling of Hatay"): the town is meant."""
    found = gazetteer().find(tok.text)
    return bool(found) and found[0].kind == "region" and any(
        p.kind == "city" and p.country == found[0].country for p in found[1:])


def _reported_by_named(verb) -> bool:
    """Whether ``verb`` is the content of a reporting verb whose subject is a name ("Israel says it ...")."""
    if verb.dep_ not in ("ccomp", "parataxis") or _lem(verb.head) not in SPEECH_VERBS:
        return False
    return any(g.dep_ == "nsubj" and (g.pos_ == "PROPN" or g.ent_type_ in ("ORG", "GPE", "NORP"))
               for g in verb.head.children)


def _victims_placed(c: _Cand) -> bool:
    """"killed 32 people in Khan Younis": a victim verb placed in one town, camp or building (also a headline's
    participle: "Four children killed in Marovka fighting")."""
    verb = c.verb if c.role in ("subj", "subjpass", "obj") else None
    if verb is None and c.role == "none" and c.np.i != c.root.i:
        verb = next((ch for ch in c.np.children if ch.dep_ == "acl" and ch.tag_ == "VBN"), None)
    if verb is None and c.role == "pobj" and c.verb is not None and c.verb.lower_ in ("deaths", "killing", "killings") \
            and c.prep is not None and c.prep.lower_ == "of" and not (c.events is not None and c.events.natural):
        verb = c.verb                   # "the deaths of at least 90 people in Karsa" (a quake's town toll is its own)
    elif verb is None or not _is_verbal(verb) or _lem(verb) not in KILLED_VERBS | WOUNDED_VERBS:
        return False
    if any(ch.dep_ == "aux" and ch.lower_ in ("has", "have", "'ve") for ch in verb.children):
        return False                          # "1,000 people have been killed in Jabalia": a running total there
    for g in list(verb.children) + ([p for p in c.np.children] if c.np.i != c.root.i else []):
        if g.dep_ == "prep" and g.lower_ in ("in", "at", "inside", "near", "throughout", "across"):
            for p in g.children:
                if p.dep_ == "pobj" and _specific_place(p):
                    return True
    return False


def _where_a_town(c: _Cand) -> bool:
    """The count is told in a where-clause on one village or town ("the village of Karsa, where 64 ... were
    killed"), told as what happened there (not "have been killed", a running count of the place)."""
    verb = c.verb if c.verb is not None and _is_verbal(c.verb) and c.measure in ("killed", "wounded") else None
    for v in ([verb, *verb.ancestors] if verb is not None else []):
        if v.dep_ != "relcl" or not (v.left_edge.lower_ == "where" or
                                     any(ch.lower_ == "where" for ch in v.children)):
            continue
        if any(ch.dep_ == "aux" and ch.lower_ in ("has", "have", "'ve") for ch in verb.children) and \
                not any(ch.dep_ == "aux" and ch.lower_ == "to" for ch in verb.children):
            return False                # "where 1,400 have been killed": that place's running count
        place = v.head
        kind = place.head.head if place.dep_ == "pobj" and place.head.lower_ == "of" else place
        if _lem(kind) in TOWN_NOUNS or _lem(place) in TOWN_NOUNS:
            return True
        return place.pos_ == "PROPN" and place.ent_type_ in ("GPE", "LOC") and _a_town(place)
    return False


def _killer_subject(s: _Clause) -> bool:
    """The killer as subject: "the militants killed 1 400 people" (the attack that began it) is the war's toll."""
    return s.verb is not None and any(g.dep_ == "nsubj" and KILLER_WORDS.search(_text_of(list(g.subtree)))
                                      for g in s.verb.children)


def _it_killed(s: _Clause) -> bool:
    """"it killed 500 people": the blast; not "Israel says it has killed"."""
    v = s.verb
    return v is not None and any(g.dep_ == "nsubj" and g.lower_ == "it" for g in v.children) and \
        _lem(v) in KILLED_VERBS and not _reported_by_named(v)


_HOSPITAL_WORDS = re.compile(r"\b(?:hospitals?|clinics?|morgues?|infirmar(?:y|ies))\b", re.I)


def _one_hospitals_count(s: _Clause) -> bool:
    c = s.c
    if c.measure not in ("killed", "wounded") or s.cum_cue or not c.source or not _HOSPITAL_WORDS.search(c.source):
        return False
    if (c.events is not None and c.events.natural) or _toll_noun(c) is not None:
        return False
    if (c.role == "pobj" and c.prep is not None and c.prep.lower_ in ("to", "at")) or \
            (c.verb is not None and _lem(c.verb) in LEVEL_VERBS):
        return False                            # a level reached ("rose to 300"); "reported 17 dead" is no level
    # told in the past ("were killed", "had been killed", "killed 17"): what came in; the present ("are treating
    # 68 victims") and the perfect ("have been killed") tell a count standing now
    v = c.verb
    if v is None or not _is_verbal(v):
        return False
    return not told_standing_now(v) and (v.tag_ == "VBD" or any(a.lower_ in ("had", "was", "were")
                                                                    for a in _auxiliaries(v)))


def _attack_noun_clause(s: _Clause) -> bool:
    """"an air strike on a residential building killed 12" (misparsed as a clause on the noun)."""
    v = s.verb
    if v is not None and v.dep_ in ("ccomp", "parataxis") and _lem(v.head) in SPEECH_VERBS:
        v = v.head                              # "an incident that the ministry said killed 112"
    if v is None or v.dep_ not in ("acl", "relcl"):
        return False
    noun = v.head
    # one attack, or a counted few ("two incidents in which ..."): each is one event
    few = noun.tag_ == "NNS" and any(ch.dep_ == "nummod" for ch in noun.children)
    return _lem(noun) in (ATTACK_NOUNS - {"bombardment"}) | {"incident"} and (noun.tag_ == "NN" or few) and \
        not _war_start(list(noun.subtree))


def _one_attack(t) -> bool:
    """A strike, blast, raid ... that is one event: singular, placed, dated or on a building."""
    lem = _lem(t)
    if lem not in ATTACK_NOUNS or t.pos_ != "NOUN":
        return False
    sub = list(t.subtree)
    if _war_start(sub) or lem == "bombardment":
        return False
    text = _text_of(sub).lower()
    placed = any(x.pos_ == "PROPN" and (not _wide(x) or _a_towns_name(x)) and
                 (x.head.lower_ in ("in", "on", "at", "near") or x.head.head.lower_ in ("in", "on", "at", "near"))
                 for x in sub if x.i != t.i)
    dated = bool(re.search(r"(?:mon|tues|wednes|thurs|fri|satur|sun)day|\beve\b|night|christmas", text))
    return bool(t.tag_ == "NN" or placed or dated or (set(_lem(x) for x in sub) & INCIDENT_PLACES)
                or _on_the_one_town(t))


def _on_the_one_town(t) -> bool:
    """"the strikes on the city", "the raids on the village": strikes said of the one town just named are
    one episode (not "Israeli strikes on Gaza", nor "strikes on cities")."""
    if not any(d.dep_ == "det" and d.lower_ in ("the", "these", "those") for d in t.children):
        return False
    preps = [c for c in t.children if c.dep_ == "prep"]
    if t.dep_ == "pobj":                        # "died in the raids on the village", "on" parsed onto "died"
        preps += [c for c in t.head.head.children if c.dep_ == "prep" and c.i == t.right_edge.i + 1]
    return any(p.dep_ == "pobj" and _lem(p) in TOWN_NOUNS and p.tag_ == "NN" and
               any(d.dep_ == "det" and d.lower_ in ("the", "this", "that") for d in p.children)
               for prep in preps if prep.lower_ in ("on", "in", "against") for p in prep.children)


def _at_incident_place(t) -> bool:
    return _lem(t) in INCIDENT_PLACES and t.tag_ in ("NN", "NNP") and (
        (t.head.pos_ == "ADP" and t.head.lower_ in ("at", "in", "on", "inside")) or t.dep_ in SUBJ_DEPS) and \
        not (t.dep_ in SUBJ_DEPS and _lem(t.head) in SPEECH_VERBS)


def _one_happening(c: _Cand) -> bool:
    """The victim verb's doer or setting is one happening: "a collapse killed", "died in a landslide"."""
    verb = c.verb if c.role in ("subj", "subjpass", "obj") else None
    if verb is None or not _is_verbal(verb) or \
            _lem(verb) not in KILLED_VERBS | WOUNDED_VERBS | {"crush", "bury", "leave"}:
        return False
    near = [g for g in verb.children if g.dep_ == "nsubj"]
    for g in verb.children:
        if g.dep_ in ("agent", "prep") and g.lower_ in ("by", "in", "during", "to"):
            near += [p for p in g.children if p.dep_ == "pobj"]
    for n in near:
        if _lem(n) in HAPPENING_NOUNS and n.tag_ == "NN" and not any(
                ch.dep_ == "prep" and ch.lower_ == "of" and any(p.tag_ in ("NNS", "NNPS") for p in ch.children)
                for ch in n.children):
            return True
    return False


_COLLECTIVE_NOUNS = {"series", "string", "wave", "swarm", "spate", "succession", "pair", "number", "couple"}


def _collective_head(tok):
    """"a series of earthquakes": the noun the collective is made of."""
    if _lem(tok) in _COLLECTIVE_NOUNS:
        for prep in tok.children:
            if prep.dep_ == "prep" and prep.lower_ == "of":
                for p in prep.children:
                    if p.dep_ == "pobj":
                        return p
    return tok


def _when_clause(s: "_Clause") -> bool:
    """A 'when' clause, or an 'after' clause on a verb in the simple past, telling of one happening."""
    for t in s.tokens:
        if t.dep_ != "advcl" or _inside_other_noun(t, s.c):
            continue
        marks = {ch.lower_ for ch in t.children if ch.dep_ in ("mark", "advmod")}
        if "after" in marks:
            head = t.head
            if head.tag_ not in ("VBD", "VBN") or any(ch.dep_ == "aux" and _lem(ch) == "have" for ch in head.children):
                continue                        # "have died after the floods swept ...": a running toll
        elif "when" not in marks:
            continue
        if any(ch.dep_ in SUBJ_DEPS and _lem(_collective_head(ch)) in STORY_EVENT_NOUNS for ch in t.children):
            continue                            # "when the quake struck": the story's own event
        return True
    return False


_FRONTED_INCIDENT = re.compile(r"^\W*(?:in|during)\s+(?:a|an|one|another|the\s+same|a\s+separate|a\s+second|a\s+third|"
                               r"a\s+later|an\s+earlier)\s+(?:\w+\s+){0,2}?(?:incident|attack|strike|air\s*strike|raid|"
                               r"blast|explosion|bombing|shooting|clash|ambush)\b", re.I)


def _the_storys_event_did(verb) -> bool:
    """"The earthquake struck the city": the story's own event, whose dead are its running toll."""
    return any(g.dep_ == "nsubj" and _lem(_collective_head(g)) in STORY_EVENT_NOUNS for g in verb.children)


def _one_doer_then_killing(c: _Cand) -> bool:
    """"A car bomb exploded outside a police station, killing 20 people", "A bus plunged into a ravine,
    killing 31": a killing told as what one thing (a singular subject with 'a'/'an') did just before."""
    verb = c.verb if c.role in ("obj", "subj", "subjpass") else None
    if verb is not None and verb.dep_ == "relcl" and verb.tag_ == "VBD" and _lem(verb) in KILLED_VERBS | WOUNDED_VERBS:
        return _one_thing(verb.head)            # "a suicide bomber who killed seven people and wounded 30"
    if verb is None or verb.tag_ != "VBG" or _lem(verb) not in KILLED_VERBS | WOUNDED_VERBS | {"leave"}:
        return False
    head = verb.head
    past = head.tag_ == "VBD" or (head.tag_ == "VBN" and not any(ch.dep_ in ("aux", "auxpass")
                                                                 for ch in head.children))   # "capsized" mis-tagged
    if verb.dep_ not in ("advcl", "xcomp", "conj") or not past or head.i == verb.i:
        return False
    if head.dep_ in ("relcl", "acl", "advcl") or any(ch.lower_ == "where" for ch in head.children):
        return False                  # "felt the quake, where a high-rise collapsed, killing 21": the quake's
    return any(subj.dep_ == "nsubj" and _one_thing(subj) for subj in head.children)


def _one_thing(noun) -> bool:
    """A singular noun with 'a'/'an' that is not the story's own event ("a car bomb", "a bus", "a gunman"), or
    one vehicle or happening however it is named ("the plane", "Flight 447", "the stampede")."""
    if noun.tag_ not in ("NN", "NNP") or _lem(_collective_head(noun)) in STORY_EVENT_NOUNS:
        return False
    if _war_start(list(noun.subtree)):
        return False
    if _lem(noun) in VEHICLE_NOUNS | HAPPENING_NOUNS:
        return True
    return noun.tag_ == "NN" and any(d.dep_ == "det" and d.lower_ in ("a", "an") for d in noun.children)


# a sentence that sets its happening apart from the story's own one
_ANOTHER_HAPPENING = re.compile(r"\b(?:another|separate|earlier|previous|similar|unrelated)\b", re.I)


# what is left of the dead ("corpses": spaCy's lemma is "corps")
_BODIES = BODY_NOUNS | {"coffin", "corps"}
# what is done with or said of bodies seen at one place: counted, seen, lying, received at a morgue
_SEEING_BODIES = {"count", "see", "lie", "lay", "litter", "line", "pile", "strew", "receive", "show", "wrap", "film",
                  "photograph"}


_FINDING_BODIES = {"contain", "hold", "find", "uncover", "unearth", "exhume", "discover", "drag"}
_FIND_SITES = {"grave", "ditch", "river", "street", "field", "building", "house", "basement", "well", "farmland",
               "yard", "orchard", "outskirts", "stadium", "school", "hospital", "mosque", "church", "car", "truck",
               "canal", "riverbank", "forest", "road", "roadside", "dump", "pit", "morgue"}


def _bodies_seen(c: _Cand) -> bool:
    """"counted 30 bodies", "the bodies of three men lay at the entrance", "the morgue received 17 bodies"."""
    body = c.np if _lem(c.np) in _BODIES else None
    if body is None and c.role == "pobj" and c.prep is not None and c.prep.lower_ == "of" and \
            _lem(c.prep.head) in _BODIES:
        body = c.prep.head                                  # "the bodies of three men"
    if body is None:
        return False
    if any(t.lower_ in _MORE_OF_A_COUNT for t in c.sent.doc[c.np.left_edge.i:c.np.i + 1]):
        return False                                        # "an additional 60 bodies lie in the hotel": the rest
    verb = body.head if body.dep_ in ("dobj", "nsubj", "nsubjpass", "attr") else None
    if verb is None:
        return False
    if _lem(verb) in _FINDING_BODIES:
        # "graves containing the bodies of 10 men", "villagers found the bodies of 13 in a ditch": one find at one
        # site; but "rescuers have found 2,000 bodies" (the perfect) is a count that has grown, and bodies found
        # "in the country" or "across the region" were found over many places
        if told_standing_now(verb):
            return False                        # (the past perfect, "had found ... in a stadium", is one find)
        return _lem(verb) in ("contain", "hold") or any(_lem(t) in _FIND_SITES for t in verb.subtree)
    return _lem(verb) in _SEEING_BODIES


_MORE_OF_A_COUNT = {"another", "additional", "further", "more", "remaining", "other", "still"}


def the_storys_one_happening(c: _Cand) -> bool:
    """The article tells of one bombing, crash or collapse throughout (``ArticleEvents.one_happening``) and the
    sentence sets no other happening apart: its dead are the story's running toll, as a disaster's are."""
    return c.events is not None and c.events.one_happening and not _ANOTHER_HAPPENING.search(c.sent.text)


INCIDENT = Table("figures.scope.incident", runner="figures", subject="a figure's clause (_Clause)", rules=(
    Rule("incident/fronted-incident", lambda s: bool(_FRONTED_INCIDENT.match(s.c.sent.text)), True,
         examples=("In one incident late on Monday, three soldiers were killed at a checkpoint, he said.",
                   "In a separate attack, a roadside bomb wounded 12 policemen.",
                   "In another incident, nine people drowned when their boat capsized."),
         why="a sentence that opens on one incident tells that incident's dead"),
    Rule("veto/the-story's-one-happening", lambda s: the_storys_one_happening(s.c), False,
         examples=("Ferry Sinks Off Koralia\nThe ferry capsized on Sunday. The sinking killed 61 passengers, the "
                   "coast guard said.",
                   "Blast at Tarn Chemical Plant\nAn explosion tore through the plant on Monday. The blast killed "
                   "14 workers, officials said.",
                   "Bombs hit two hotels in Varna. The bombings on Friday killed 88 people, police said."),
         counter_examples=("Shelling hit the town of Marovka as fighting went on. The blast at the market killed 31 "
                           "shoppers.",),
         why="in an article that tells of one bombing, crash or collapse throughout and of no war, that happening "
             "is the story's own event: its dead are the running toll, as a quake's are"),
    Rule("incident/killed-along-with-one",
         lambda s: _along_with_one(s.c),
         True,
         examples=("The governor was killed together with two aides, police said.",
                   "The rebel leader died along with six fighters.",
                   "A local chief was shot dead along with four of his sons."),
         counter_examples=("More than 300 people were killed along with 40 others in the war's first week.",),
         why="the companions of one person killed: that one killing's dead, not a toll"),
    Rule("incident/at-a-gathering", lambda s: _at_a_gathering(s.c), True,
         examples=("Gunmen killed 9 worshippers after Friday prayers in the capital, police said.",
                   "Troops shot dead 12 mourners during a funeral procession on Sunday.",
                   "A grenade wounded 30 guests at a wedding in the valley.",
                   "Four protesters were killed at a rally in the capital, medics said."),
         counter_examples=("More than 300 people have been killed during the protests, a rights group said.",),
         why="the dead of one gathering on one day (prayers, a funeral, a rally, a wedding): one event"),
    Rule("incident/bodies-seen-at-a-site",
         lambda s: s.c.measure == "killed" and not s.cum_cue and not (s.c.events is not None and s.c.events.natural)
         and _bodies_seen(s.c), True,
         examples=("A reporter counted 30 bodies in the yard of the hospital.",
                   "The bodies of three men lay at the entrance to the compound.",
                   "Witnesses saw 12 corpses in the street after the shelling.",
                   "The morgue received 17 bodies on Wednesday, a doctor said.",
                   "Troops uncovered mass graves containing the bodies of 10 policemen near the town.",
                   "Villagers found the bodies of 13 men in a ditch outside the city.",
                   "The bodies of 50 people were dragged from the river south of the capital."),
         counter_examples=("More than 300 bodies have been counted since the war began, the ministry said.",
                           "Rescuers have found 2,000 bodies in the rubble, officials said."),
         why="bodies seen, counted or received at one place are that place's dead of that day, not a toll"),
    Rule("veto/killer-subject", _killer_subject, False,
         examples=("The gunmen killed 60 people in the first hours of the uprising.",),
         why="what the attackers did when the war began is the war's toll, not one incident"),
    Rule("incident/it-killed", _it_killed, True,
         examples=("A car bomb exploded near the stadium. It killed 23 fans.",)),
    Rule("incident/victims-placed",
         lambda s: _victims_placed(s.c) and not s.period_cue and not (s.c.events is not None and s.c.events.natural),
         True,
         examples=("Shelling killed 32 people in the village of Marovka on Tuesday.",),
         counter_examples=("Medics said 23 people had died in the city of Harn in the last 24 hours.",
                           "The earthquake struck before dawn. In the village of Tarvik, 68 people died.",
                           "The floods have swept the region since Monday. They killed 30 people in Kasai district.",
                           "The cyclone made landfall overnight, and 14 people died in the port of Belra."),
         why="the dead of one named spot; over a named span of hours or days, that span's dead there; a natural "
             "disaster's dead of a town are a part of its running toll (as in incident/where-a-town-hangs)"),
    Rule("incident/where-a-town-hangs",
         lambda s: not s.cum_cue and not (s.c.events is not None and s.c.events.natural) and _where_a_town(s.c),
         True,
         examples=("Activists said troops entered the village of Karsa, where 64 people are said to have been killed.",
                   "Gunmen attacked the town of Dorne, where 31 people died in the crossfire.",
                   "The militia stormed Tavrin, a farming village where 47 villagers were shot dead."),
         counter_examples=("Aid reached Varnholm province, where the floods have killed 300 people since May.",
                           "The army shelled the city of Marovka, where 1,400 people have been killed since March.",
                           "The quake flattened the town of Dorne, where 310 people died, officials said."),
         why="in a war or an uprising, the dead of one village or town told in a where-clause are what happened "
             "there, not the running toll; a disaster's town toll is a part of its running toll"),
    Rule("incident/one-hospitals-count", _one_hospitals_count, True,
         examples=("Doctors at the main hospital in the port told reporters that 11 people had been killed and 35 "
                   "wounded.",
                   "At least 17 people were killed in the shelling, a doctor at the city hospital said.",
                   "A doctor at the district hospital said nine people had been killed and 14 wounded.",
                   "A hospital source and an activist reported 17 dead in the town on Friday."),
         counter_examples=("The death toll has risen to 8,000, doctors at the main hospital said.",
                           "More than 600 people have been killed since the war began, a hospital director said.",
                           "Two hospitals in the south said they are treating 68 and 80 victims, respectively."),
         why="the dead or wounded a hospital or a morgue tells of are its intake (streams README: one hospital's "
             "intake is an incident), unless told as a toll or as standing now"),
    Rule("incident/attack-noun-clause", _attack_noun_clause, True,
         examples=("Witnesses described a raid that killed 15 villagers.",
                   "Troops fired on the crowd in an incident that the health ministry said killed 112 people.",
                   "Police described two incidents that killed five people near the border crossing.",
                   "Officials reported an air strike killing 20 people near the port.")),
    Rule("incident/attack-on-a-place",
         lambda s: any(_lem(t) in ATTACK_VERBS and _is_verbal(t) and not _the_storys_event_did(t) and
                       any(_specific_place(g) for g in t.children if g.dep_ == "dobj") for t in s.tokens), True,
         examples=("Rockets hit the town of Dunmore, leaving two people dead.",),
         counter_examples=("The earthquake struck the city of Dunmore, killing 300 people.",)),
    Rule("incident/one-attack", lambda s: any(_one_attack(t) for t in s.tokens), True,
         examples=("The blast at the market killed 31 shoppers.",)),
    Rule("incident/one-happening", lambda s: _one_happening(s.c), True,
         examples=("A monastery collapse killed 50 monks, officials said.",
                   "Fourteen villagers died in a landslide that buried their homes.",
                   "Seven pilgrims were crushed to death in a stampede at the shrine.",
                   "Two firefighters were injured by a tornado that touched down near the county line.",
                   "The stampede at the stadium gates left 1,005 people dead."),
         counter_examples=("Most of the 3,000 victims were killed in the collapse of buildings, officials said.",
                           "More than 200 people have died in the floods, officials said."),
         why="the dead of one collapse, crash, fire or landslide (a happening at one spot), not the story's toll"),
    Rule("incident/one-doer-then-killing", lambda s: _one_doer_then_killing(s.c), True,
         examples=("A car bomb exploded outside a police station, killing 20 people.",
                   "A bus plunged into a ravine on the mountain road, killing 31 passengers.",
                   "A suicide bomber blew himself up in a crowded square, killing 114 people and injuring 150.",
                   "The academy was targeted by a suicide bomber who killed seven cadets and wounded 30.",
                   "The plane crashed into the sea shortly after take-off, killing all 228 people on board."),
         counter_examples=("An earthquake struck the region on Monday, killing more than 2,000 people.",
                           "It was hit by an earthquake that killed 2,000 people.",
                           "Airstrikes pounded the city overnight, killing 40 people."),
         why="what one bomb, bomber, bus or boat did at one moment: that happening's dead"),
    Rule("incident/at-a-building", lambda s: any(_at_incident_place(t) for t in s.tokens), True,
         examples=("Forty patients have died at the hospital after the generators failed.",)),
    Rule("incident/when-clause", _when_clause, True,
         examples=("Nine people drowned when their boat capsized off the coast.",
                   "Twelve pilgrims died after their bus plunged into a ravine on Sunday.",
                   "More than 100 people were killed after soldiers opened fire on a crowd early Thursday.",
                   "Six miners were killed after a tunnel collapsed in the north of the province."),
         counter_examples=("At least 11 people had died in the state, including a firefighter who was killed when "
                           "a tree fell on his truck.",
                           "At least 1,000 people were killed when the earthquake struck the region on Friday.",
                           "More than 2,000 people have died after the floods swept across the region.",
                           "Over 90 people were killed after the hurricane made landfall in the state."),
         why="the dead of one happening told in a 'when' or 'after' clause (a boat capsized, troops opened fire); "
             "not those of the story's own event (the quake struck, the war began), which is its running toll"),
    Rule("incident/as-the-victims-did", lambda s: _as_victims_did(s), True,
         examples=("Eleven villagers were killed as they slept in their homes, the governor said.",
                   "Nine people were killed as Afghans queued for bread outside the city.",
                   "Police said 14 migrants drowned as they tried to cross the river.",
                   "The ministry says the number of people killed as they waited to receive aid has risen to 112."),
         counter_examples=("More than 2,000 people have died as the floods swept across the region.",
                           "Some 30,000 people have been killed as the war goes on, officials said."),
         why="people killed while doing one thing at one moment (sleeping, queuing, crossing): one event"),
))


def _inside_other_noun(t, c: _Cand) -> bool:
    """Whether a clause hangs in a relative clause on another noun than the counted one ("including a
    firefighter who was killed when a tree fell"): it tells of that one, not of the figure."""
    for a in t.ancestors:
        if a.i == c.np.i or a.i == c.root.i:
            return False
        if a.dep_ in ("relcl", "acl") and a.head.i != c.np.i:
            return True
    return False


def _at_a_gathering(c: _Cand) -> bool:
    """The verb of harm has "after/during/at" a gathering: "killed after Friday prayers", "shot at a wedding";
    or the count is of those a funeral is for ("the funeral of five rebels killed in battle")."""
    if c.np.dep_ == "pobj" and c.np.head.lower_ == "of" and _lem(c.np.head.head) in ("funeral", "burial"):
        return True
    verb = c.verb
    if verb is None or not _is_verbal(verb) or _lem(verb) not in KILLED_VERBS | WOUNDED_VERBS | {"shoot"}:
        return False
    heads = list(verb.children) + (list(c.np.children) if c.np is not None and c.np.i != verb.i else [])
    return any(g.dep_ == "prep" and g.lower_ in ("after", "during", "at", "following") and
               any(p.dep_ == "pobj" and (_lem(p) in GATHERINGS or p.lower_ in GATHERINGS) for p in g.children)
               for g in heads)


def _along_with_one(c: _Cand) -> bool:
    """"he was killed, along with two of his senior officers": a count "along/together with" the killing of one
    named or singular person."""
    if c.prep is None or c.prep.lower_ != "with" or c.prep.i == 0 or \
            c.prep.doc[c.prep.i - 1].lower_ not in ("along", "together"):
        return False
    verb = c.prep.head.head if c.prep.head.lower_ in ("along", "together") else c.prep.head
    if not _is_verbal(verb) or _lem(verb) not in KILLED_VERBS | WOUNDED_VERBS | {"shoot"}:
        return False
    subj = next((g for g in verb.children if g.dep_ in ("nsubj", "nsubjpass")), None)
    return subj is not None and (subj.lower_ in ("he", "she") or subj.tag_ in ("NN", "NNP")) and \
        not any(ch.like_num for ch in subj.subtree)


_THEY = {"they", "he", "she", "we"}
_HARM_NOUNS_OF_ONE_ACT = {"killing", "killings", "shooting", "massacre", "murder", "murders", "slaughter", "deaths"}


def _as_victims_did(s: _Clause) -> bool:
    """"killed as they slept", "drowned as they tried to cross": a victim verb whose "as"/"while" clause
    has the victims themselves (a pronoun) doing something, in the past."""
    c = s.c
    heads = {t.i for t in s.tokens}
    if c.verb is not None:
        heads.add(c.verb.i)
    noun = _toll_noun(c)
    if noun is not None:
        heads.add(noun.head.i)                  # "the number of people killed as ... has risen to 112"
    # the noun of the harm ("the killing of 10 pilgrims as they were returning"): the parse hangs the clause
    # on it or on the verb above it
    harm_noun = next((a for a in c.np.ancestors if a.lower_ in _HARM_NOUNS_OF_ONE_ACT), None)
    above_harm = {harm_noun.i} | {a.i for a in list(harm_noun.ancestors)[:3]} if harm_noun is not None else set()
    for t in c.sent:
        if t.dep_ != "advcl" or t.head.i not in heads | above_harm or (
                _lem(t.head) not in KILLED_VERBS | WOUNDED_VERBS and t.head.i not in above_harm):
            continue
        if not any(ch.dep_ == "mark" and ch.lower_ in ("as", "while") for ch in t.children):
            continue
        if t.tag_ in ("VBD", "VBG") and any(ch.dep_ == "nsubj" and (ch.lower_ in _THEY or (
                ch.tag_ in ("NNS", "NNPS") and gazetteer().demonym(ch.text) is not None)) for ch in t.children):
            return True                         # "as they slept", "as Sudanese queued for bread"
    return False


def _incident(s: _Clause) -> bool:
    """A single strike, blast, hospital or event rather than a running toll."""
    return INCIDENT.decide(s, s.c.trace, default=False)
