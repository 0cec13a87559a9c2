"""What a number counts: measure cues found along dependency paths around the counted phrase, ranked by
closeness; coordination and sub-groups."""
from __future__ import annotations

import re

from .. import nlp
from .lexicon import (
    CARRY_VERBS, DISPLACED_ADJS, ESTIMATE_NOUNS,
    EVAC_INTRANSITIVE, EVAC_TRANSITIVE, HOSTAGE_NOUNS, INCIDENT_PLACES, KILLED_ADJS, TOWN_NOUNS,
    LEVEL_VERBS, MEASURE_ORDER, MISSING_ADJS, OBJ_DEPS, SHELTER_NOUNS, SHELTER_SITE_MARKS, SHELTER_SITE_NOUNS,
    STAY_VERBS, SUBJ_DEPS, TOLL_SET_VERBS, TRUCK_NOUNS, WOUNDED_ADJS,
)
from .parse import _ancestors, _clause_verb, _is_verbal, _lem, _text_of, _xcomp_chain
from .candidate import _Cand, _role_of
from .cues import _exit_direction, cue_of, own_measure
from .toll import _marked_subject, _swallowed_subject, _toll_setter


# --- measure cues ----------------------------------------------------------------------------

def _add(cues: list, tok, kind: str, rank: int, ctx, role: str = "obj"):
    m = cue_of(tok, kind, ctx, role)
    if m is not None:           # a veto (no outcome) is kept for the trace, never chosen: see _decided
        order = MEASURE_ORDER.index(m.outcome) if m.outcome else len(MEASURE_ORDER)
        cues.append((rank, order, m.outcome or "", tok.text, m.id))


def _add_path(cues: list, rank: int, measure: str, tok, rule: str):
    """A cue the path itself decides (not a word's table): "took shelter", "buses carrying ... set off"."""
    cues.append((rank, MEASURE_ORDER.index(measure), measure, tok.text, f"figures.measure.path:{rule}"))


_RESIDENT_NOUNS = {"people", "person", "resident", "family", "household", "villager", "survivor", "child", "evacuee"}


# verbs that give people a roof ("the town is housing 34,000 people in makeshift camps")
_HOUSING_VERBS = {"house", "host", "accommodate", "shelter"}
# places people with no home left sleep in, marked or not ("sleeping in schools", "sleep in their cars")
_SLEEPING_PLACES = {"school", "mosque", "church", "street", "car", "field", "park", "open", "stadium", "building",
                    "classroom", "garage", "corridor", "courtyard"}


# what a camp's people are counted with ("the camp holds 45,000 people", "has grown to 3,000 people")
_CAMP_COUNT_VERBS = {"hold", "house", "host", "shelter", "accommodate", "have", "reach", "grow", "swell", "number",
                     "top", "exceed"}
_CAMP_NOUNS = {"camp", "shelter", "encampment", "settlement"}


def _a_camps_count(v) -> bool:
    """A verb whose subject is a camp or a shelter and whose count is of its people: the camp's displaced
    ("the camp holds 45,000 people", "the shelter has grown from 400 to nearly 3,000 people")."""
    return _lem(v) in _CAMP_COUNT_VERBS and any(g.dep_ == "nsubj" and _lem(g) in _CAMP_NOUNS for g in v.children)


def _shelter_path(v, cues, rank):
    """"living at evacuation facilities", "sleeping in tents", "relocated to secondary shelters": people
    who stay in a shelter are displaced; so are "the number of people in shelters" (the noun, no verb),
    people who "are still in tents", and people housed in a camp by others."""
    be = _lem(v) == "be" and v.pos_ in ("AUX", "VERB")
    if _lem(v) not in STAY_VERBS | _HOUSING_VERBS and not be and \
            not (v.pos_ == "NOUN" and _lem(v) in _RESIDENT_NOUNS):
        return
    if _lem(v) in STAY_VERBS and v.pos_ == "VERB" and any(ch.dep_ == "advmod" and ch.lower_ in ("outdoors", "outside")
                                                        for ch in v.children):
        _add_path(cues, rank, "displaced", v, "displaced/living-outdoors")    # "living outdoors", "sleeping outside"
        return
    for prep in v.children:
        if prep.dep_ != "prep" or prep.lower_ not in ("at", "in", "into", "to", "inside"):
            continue
        for p in prep.children:
            if p.dep_ != "pobj":
                continue
            marks = {_lem(m) for m in p.children if m.dep_ in ("compound", "amod")}
            if be and not (_lem(p) in SHELTER_NOUNS or p.lower_ in SHELTER_NOUNS):
                continue                                 # "are in tents", not "are in schools"
            if _lem(p) in SHELTER_NOUNS or p.lower_ in SHELTER_NOUNS or \
                    (_lem(p) in SHELTER_SITE_NOUNS and marks & SHELTER_SITE_MARKS) or \
                    (_lem(v) == "sleep" and _lem(p) in _SLEEPING_PLACES):
                _add_path(cues, rank, "displaced", p, "displaced/staying-in-shelters")
                return


def _participle_cues(v, cues, rank, ctx, role="mod"):
    """A participle or relative clause on the counted noun: "soldiers killed", "people held hostage"."""
    for w in _xcomp_chain(v):
        r = role
        if w.i == v.i and any(g.dep_ == "nsubj" and g.lower_ not in ("who", "that", "which") for g in w.children):
            r = "subj_other"        # "the attack in which the militants killed ..." is not about this noun
        if w.i == v.i and any(g.dep_ in ("nsubj",) and g.lower_ in ("who", "that", "which") for g in w.children):
            r = "subj"
        if any(g.dep_ == "nsubjpass" for g in w.children):
            r = "subjpass"
        if r == "subj_other":
            continue
        _add(cues, w, "verb", rank, ctx, r)
        _shelter_path(w, cues, rank)
        for g in w.children:
            if g.dep_ in ("oprd", "acomp") or (g.dep_ in ("dobj", "attr", "npadvmod") and _lem(g) in HOSTAGE_NOUNS):
                _add(cues, g, "noun", rank, ctx)
            if g.dep_ == "prep" and g.lower_ in ("as", "under", "from", "into", "in"):
                for p in g.children:
                    if p.dep_ == "pobj" and _lem(p) in HOSTAGE_NOUNS | {"captivity", "rubble"}:
                        _add(cues, p, "noun", rank, ctx)


def _modifier_cues(noun, cues, rank, ctx):
    """Cues on a noun: its own lemma, its adjectives/compounds and its participial modifiers."""
    _add(cues, noun, "noun", rank, ctx)
    for c in noun.children:
        if c.dep_ in ("amod", "compound", "nmod") and not c.like_num:
            _add(cues, c, "noun", rank, ctx)
            if _is_verbal(c) and c.tag_ == "VBN":
                _add(cues, c, "verb", rank, ctx, "mod")
        elif c.dep_ in ("acl", "relcl") and _is_verbal(c):
            _participle_cues(c, cues, max(rank - 1, 0), ctx)
        elif c.dep_ == "prep" and c.lower_ == "under":
            for p in c.children:
                if p.dep_ == "pobj":
                    _add(cues, p, "noun", rank, ctx)
        elif c.dep_ == "prep" and c.lower_ == "among":     # "4,500 children among the dead"
            for p in c.children:
                if p.dep_ == "pobj":
                    _add(cues, p, "noun", rank, ctx)
                    for ch in p.children:
                        if ch.dep_ in ("acl", "relcl", "amod"):
                            _add(cues, ch, "verb" if _is_verbal(ch) else "noun", rank, ctx, "mod")


def _counts_its_own(word) -> bool:
    """A word that a number of its own modifies ("14 dead", "60 injured")."""
    return any(ch.dep_ == "nummod" and ch.like_num for ch in word.children)


_FRACTION_TAIL = ("and", ("a", "an", "one"), ("half", "quarter", "third"),
                  ("million", "thousand", "hundred", "billion"))


def _fraction_tail(counted) -> set[int]:
    """"One and a half million": the parser makes 'million' a conjoined number, yet it is the same one."""
    doc, i = counted.doc, counted.i + 1
    words = [t.lower_ for t in doc[i:i + 4]]
    if len(words) == 4 and all(w == want or (isinstance(want, tuple) and w in want)
                               for w, want in zip(words, _FRACTION_TAIL)):
        return set(range(i, i + 4))
    return set()


def _count_between(counted, word) -> bool:
    """Another number stands between the counted phrase and a word after it."""
    if word.i <= counted.i:
        return False
    # the counted phrase's own numbers are not between: "2,300 people, including 500 children, dead",
    # "300 soldiers and 1,100 civilians dead" (one predicate shared); a bare number conjoined is
    # another count ("14 dead and 60 injured")
    own, todo = set(), [counted]
    while todo:
        t = todo.pop()
        own.add(t.i)
        todo.extend(ch for ch in t.children if not (ch.dep_ == "conj" and ch.like_num))
    own |= _fraction_tail(counted)
    return any(t.like_num and t.pos_ == "NUM" and t.i not in own for t in counted.doc[counted.i + 1:word.i])


# what is done to lives that leaves them living
_SPARING_VERBS = {"save", "protect", "spare", "change", "transform", "improve", "touch", "rebuild", "risk", "endanger",
                  "threaten", "disrupt", "upend", "affect", "shape", "enrich", "live", "lead"}


def _verb_cues(verb, cues, rank, ctx, skip, role):
    """The predicate itself, its open complements and the small clauses it takes ("left ... dead")."""
    for v in _xcomp_chain(verb):
        if (v.dep_ in ("oprd", "acomp") or (v.i != verb.i and v.dep_ == "advcl" and v.tag_ == "VBN")) and \
                _count_between(skip, v):
            continue                                 # "left 40 people dead and 120 injured", "2,410 deaths and
            #                                          7,300 wounded" (however the parser hung 'wounded')
        vrole = role
        if v.i != verb.i and role == "subj" and any(g.dep_ == "auxpass" for g in v.children):
            vrole = "subjpass"                       # "50 hostages are to be released"
        _add(cues, v, "verb", rank, ctx, vrole)
        if role == "obj" and _lem(v) in _HOUSING_VERBS:
            _shelter_path(v, cues, rank)                 # "housing about 34,000 people in makeshift camps"
            _shelter_path(skip, cues, rank)
        if role in ("obj", "pobj") and _lem(skip) in _RESIDENT_NOUNS and _a_camps_count(v):
            _add_path(cues, rank, "displaced", v, "displaced/a-camps-people")
        if role in ("subj", "subjpass"):
            _shelter_path(v, cues, rank)
        for g in v.children:
            if g.i == skip.i:
                continue
            if g.dep_ in ("oprd", "acomp") or (g.dep_ in ("advcl", "xcomp", "ccomp") and g.pos_ == "ADJ"):
                # a complement with a number of its own is that number's ("left 2,300 people homeless
                # and 14 dead": 'dead' counts the 14, not the 2,300); so is one told after another
                # number ("left 40 people dead and 120 injured": 'injured' is the 120's)
                if _count_between(skip, g):
                    continue
                if not _counts_its_own(g):
                    _add(cues, g, "noun", rank, ctx)
                for h in g.children:
                    if h.dep_ == "conj" and not _counts_its_own(h):
                        _add(cues, h, "noun", rank, ctx)
            elif g.dep_ in ("advcl",) and g.tag_ == "VBN" and not any(h.dep_ in SUBJ_DEPS for h in g.children):
                if not _count_between(skip, g):  # ("reports 2,410 deaths and 7,300 wounded": the 7,300's word)
                    _add(cues, g, "verb", rank, ctx, "mod")       # "reporting 900 soldiers ... killed"
            elif g.dep_ in ("dobj", "attr", "npadvmod") and not g.like_num:
                if _lem(g) == "life" and _lem(v) in _SPARING_VERBS:
                    continue                            # "help save lives", "risked their lives": no one died
                if _lem(g) == "life":
                    _add(cues, g, "noun", rank, ctx.with_lives())
                elif _lem(g) in HOSTAGE_NOUNS | {"treatment", "shelter", "refuge"}:
                    _add(cues, g, "noun", rank, ctx)
                    if _lem(g) in ("shelter", "refuge"):
                        _add_path(cues, rank, "displaced", g, "displaced/took-shelter")
            if g.dep_ == "prep" and g.lower_ == "among" and g.i > skip.i:    # "reporting 3,342 children among the dead"
                for p in g.children:
                    if p.dep_ == "pobj":
                        _add(cues, p, "noun", rank, ctx)
            if g.dep_ == "prep" and g.lower_ == "as":
                for p in g.children:                    # "confirmed as dead", "listed as missing"
                    if p.dep_ in ("pobj", "amod", "acomp", "pcomp") and \
                            p.lower_ in KILLED_ADJS | WOUNDED_ADJS | MISSING_ADJS and not _counts_its_own(p):
                        _add(cues, p, "noun", rank, ctx)
            if g.dep_ == "prep" and g.lower_ in ("as", "in", "under", "into"):
                for p in g.children:
                    if p.dep_ == "pobj" and _lem(p) in HOSTAGE_NOUNS | {"captivity", "rubble", "shelter"}:
                        _add(cues, p, "noun", rank, ctx)
                        if _lem(p) == "shelter":
                            _add_path(cues, rank, "displaced", p, "displaced/in-shelter")


def _subject_cues(verb, skip, cues, ctx, rank=1):
    """Cues from the subject of a level verb ("the death toll in Gaza has crossed ...")."""
    if _lem(verb) in LEVEL_VERBS and (not any(g.dep_ in SUBJ_DEPS for g in verb.children) or _marked_subject(verb)):
        noun = _swallowed_subject(verb, verb.sent)
        if noun is not None:
            # "the number of people hurt as the crowd surged has risen to 230", "hurt" parsed as its verb
            ctx2 = ctx.with_lives()
            for t in noun.subtree:
                _add(cues, t, "noun", rank, ctx2)
            _add(cues, noun.head, "verb", rank, ctx2, "mod")
            for t in noun.subtree:
                _shelter_path(t, cues, rank)
    for g in _raised_subject_verb(verb).children:
        if g.dep_ not in SUBJ_DEPS or (skip is not None and g.i == skip.i):
            continue
        heads = [g]
        if g.lower_ in ("which", "that") and verb.dep_ == "relcl":
            # "the death toll in Gaza, which has now crossed 6,500": the antecedent, up through PPs
            h = verb.head
            heads = [h]
            while h.dep_ == "pobj" and h.head.dep_ == "prep" and h.head.head.pos_ in ("NOUN", "PROPN"):
                h = h.head.head
                heads.append(h)
        ctx2 = ctx.with_lives()
        for h in heads:
            for t in h.subtree:
                if t.dep_ == "relcl" and _is_verbal(t) and _lem(h) in ESTIMATE_NOUNS and (t.head.i == h.i or (
                        t.head.dep_ == "pobj" and t.head.head.lower_ == "of" and t.head.head.head.i == h.i)):
                    # "the number of its workers who have died ... has risen to 158", "the number who have
                    # died": what is counted
                    _add(cues, t, "verb", rank, ctx2, "mod")
                    continue
                if t.dep_ == "relcl" or any(a.dep_ == "relcl" and a.i != h.i for a in t.ancestors
                                            if h.i in {x.i for x in a.ancestors} or a.head.i == h.i):
                    continue
                _add(cues, t, "noun", rank, ctx2)
                _shelter_path(t, cues, rank)
                if _is_verbal(t) and t.i != verb.i:
                    _add(cues, t, "verb", rank, ctx2, "mod")


def _raised_subject_verb(verb):
    """The verb whose subject an infinitive without one shares: "the number ... is likely to be 150", "is
    thought to be between 40 and 60" (``verb`` itself when it has a subject or is no such complement)."""
    v = verb
    for _ in range(3):
        if any(g.dep_ in SUBJ_DEPS for g in v.children) or v.dep_ not in ("xcomp", "acomp") or v.head.i == v.i:
            break
        v = v.head
    return v


def _carried_cues(c: _Cand, cues, ctx):
    """"Three buses carrying 160 passport holders had set off from Gaza": the vehicle's movement."""
    v = c.verb
    if v is None or _lem(v) not in CARRY_VERBS or v.dep_ not in ("acl", "relcl"):
        return
    vehicle = v.head
    if vehicle.dep_ in SUBJ_DEPS and _is_verbal(vehicle.head):
        for w in _xcomp_chain(vehicle.head):
            if _lem(w) in EVAC_INTRANSITIVE | EVAC_TRANSITIVE and _exit_direction(w):
                _add_path(cues, 0, "evacuated", w, "evacuated/vehicle-leaves")


_TAKING_FORMS = re.compile(r"\b(?:claim(?:ed|s|ing)?|t(?:ook|aken|akes|aking)|cost(?:s|ing)?|lost|los(?:es|ing))\s+"
                           r"(?:(?:already|so\s+far|now|nearly|almost|about|around|some|more\s+than|over|at\s+least|"
                           r"an\s+estimated|approximately|roughly)\s+)*$", re.I)


def _taken_just_before(c: _Cand) -> bool:
    """"action that has already claimed 1,730 American lives": a verb of taking lives written right before the
    number, whatever the parse made of the clause (it may hang "lives" on a later verb)."""
    text = nlp.doc_text(c.sent.doc)
    return bool(_TAKING_FORMS.search(text[max(c.sent.start_char, c.num.start - 40):c.num.start]))


def _measure_cues(c: _Cand, ctx, depth: int = 0) -> list:
    """(rank, order, measure, cue) tuples for one candidate; lower rank = closer cue."""
    cues: list = []
    np = c.np
    if np.i != c.root.i:
        # "the (presumed) loss of 11 lives": lives lost
        lost = _lem(np) == "life" and ((np.dep_ == "pobj" and np.head.lower_ == "of" and _lem(np.head.head) == "loss")
                                       or _taken_just_before(c))
        _modifier_cues(np, cues, 1, ctx.with_lives() if lost else ctx)
    else:
        # a bare number may carry a participle: "28,000 others injured", "the 81 being evacuated"
        for ch in np.children:
            if ch.dep_ in ("acl", "relcl") and _is_verbal(ch):
                _participle_cues(ch, cues, 0, ctx)
            elif ch.dep_ in ("amod", "acomp", "acl") and \
                    ch.lower_ in WOUNDED_ADJS | KILLED_ADJS | DISPLACED_ADJS | MISSING_ADJS:
                _add(cues, ch, "noun", 0, ctx)          # (" with another 10 unaccounted for")
        # the state word right after a bare number is its own even where the parser hung it on the
        # verb ("left 2,300 homeless, 14 dead and 60 injured") or on a noun before it ("eight of them
        # Canadians and over 1,000 injured")
        # (the token after the whole number: "a million and half displaced")
        after = next((t for t in np.doc[np.i + 1:np.i + 6] if t.idx >= c.num.end), None)
        more = after is not None and after.lower_ in ("more", "others") and after.i + 1 < c.sent.end
        if more:
            after = np.doc[after.i + 1]               # "eight were dead and 10 more missing"
        if after is not None and after.lower_ in WOUNDED_ADJS | KILLED_ADJS | DISPLACED_ADJS | MISSING_ADJS \
                and (more or after.dep_ in ("oprd", "acomp", "conj", "acl", "advcl")) and \
                (more or after.head.i != np.i or after.dep_ == "conj"):
            # closer than the verb of the clause the number was conjoined into
            _add(cues, after, "noun", -1 if after.dep_ == "acl" or after.head.i == np.i else 0, ctx)
            c.own_measure = own_measure(after, ctx)     # its own word: no neighbour in a list changes it
    if np.i != c.root.i and np.i + 1 < c.sent.end:
        # "has left 300,000 people homeless and aid groups fear disease": the state word right after the
        # counted noun, hung by the parser on a noun after it ("homeless ... groups")
        after = np.doc[np.i + 1]
        if after.lower_ in WOUNDED_ADJS | KILLED_ADJS | DISPLACED_ADJS | MISSING_ADJS and after.dep_ == "amod" \
                and after.head.i > after.i and c.verb is not None and _lem(c.verb) in _LEAVING_VERBS:
            _add(cues, after, "noun", 0, ctx)
    # "five of the women who returned ... from captivity": the noun after "of"
    for ch in c.root.children:
        if ch.dep_ == "prep" and ch.lower_ == "of" and ch.i > c.root.i:
            for p in ch.children:
                if p.dep_ == "pobj" and (p.pos_ in ("NOUN", "PROPN") or p.lower_ in KILLED_ADJS | WOUNDED_ADJS):
                    _modifier_cues(p, cues, 1, ctx)         # "1,159 of the dead"
    role, verb = c.role, c.verb
    if np.i == c.root.i and c.root.dep_ in ("appos", "attr", "dep") and _lem(c.root.head) in ESTIMATE_NOUNS:
        _toll_noun_cues(c.root.head, cues, 0, ctx)     # "Kessa death toll: 4,651 including 1,873 children"
    if verb is not None and verb.pos_ == "ADJ" and (c.rel.head.i == verb.i or c.role in ("subj", "subjpass")) and (
            np.i == c.root.i or verb.lower_ in KILLED_ADJS | WOUNDED_ADJS | DISPLACED_ADJS | MISSING_ADJS):
        _add(cues, verb, "noun", 0, ctx)          # "the army says 1,400 dead", "left as many as 200,000 people dead"
    if role in ("subj", "subjpass", "obj") and verb is not None and _is_verbal(verb):
        # a number with a participle of its own ("over 3,400 injured and 139 still missing"): that word is
        # closer than a verb it may share with the next item
        # ("4,850 people injured and 220 reported missing": the noun's own participle, likewise)
        own_participle = np.i == c.root.i or any(ch.dep_ == "acl" and _is_verbal(ch) for ch in np.children)
        # ("300 people injured and 20 killed": the later number conjoined to the counted noun shares the verb)
        own = own_participle and any(q[2] for q in cues) and (
            any(x.like_num and x.i != c.root.i and x.dep_ in SUBJ_DEPS for x in verb.children) or
            any(x.like_num and x.dep_ == "conj" and x.i > c.root.i for x in np.children))
        _verb_cues(verb, cues, 1 if own else 0, ctx, c.rel, role)
        _carried_cues(c, cues, ctx)
        lem = _lem(verb)
        if role == "obj" and lem in LEVEL_VERBS:
            _subject_cues(verb, c.rel, cues, ctx)
        if lem == "be":
            _copula_cues(c, verb, cues, ctx)
    elif role in ("subj", "subjpass", "obj") and verb is not None and verb.pos_ in ("NOUN", "PROPN"):
        _modifier_cues(verb, cues, 2, ctx)
    elif role == "pobj":
        _pobj_cues(c, cues, ctx, depth)
    if _lem(np) in _REFUGEE_NOUNS and (any(q[2] == "evacuated" for q in cues) or (
            role in ("subj", "subjpass") and verb is not None and _lem(verb) in EVAC_INTRANSITIVE)):
        # refugees who cross a border or arrive are displaced people on the move, not an evacuation
        _add_path(cues, -1, "displaced", np, "displaced/refugees-on-the-move")
    return cues


_REFUGEE_NOUNS = {"refugee"}
_LEAVING_VERBS = {"leave", "render", "make"}
_FORCE_NOUNS = {"soldier", "troop", "marine", "sailor", "serviceman", "servicemember", "paratrooper", "reservist",
                "peacekeeper", "policeman", "rescuer", "firefighter", "fireman", "medic", "personnel", "commando",
                "guardsman", "airman", "monitor", "observer", "inspector"}


def _copula_cues(c: _Cand, verb, cues, ctx):
    """"312 workers are among the dead", "Out of the total deaths, 4,609 were children"."""
    heads = [verb]
    if verb.dep_ == "conj" and _lem(verb.head) == "be":
        heads.append(verb.head)                    # "4,609 were children and 3,100 were women"
    for v in heads:
        for g in v.children:
            if g.dep_ == "prep" and g.lower_ == "among":
                pobjs = [p for p in g.children if p.dep_ == "pobj"]
                for p in pobjs:
                    _modifier_cues(p, cues, 0, ctx)
                    for ch in p.children:
                        if ch.dep_ in ("acl", "relcl"):
                            _participle_cues(ch, cues, 0, ctx)
                # misparsed objects ("among the credibly reported suspected captives")
                for t in c.sent.doc[g.i + 1:min(g.i + 8, c.sent.end)]:
                    if t.is_punct:
                        break
                    _add(cues, t, "noun", 1, ctx)
            if g.dep_ == "prep" and g.lower_ in ("out", "of") and g.i < c.rel.i:
                for p in g.subtree:
                    if p.dep_ == "pobj":
                        _add(cues, p, "noun", 1, ctx)
            if g.dep_ in ("attr", "nsubj") and g.i != c.rel.i and c.role in ("obj", "subj"):
                _modifier_cues(g, cues, 2, ctx)


# what is done to lives that ends them: "claimed / took / cost the lives of", "lost their lives"
_ENDING_LIVES = {"claim", "take", "cost", "lose", "end", "sacrifice", "give", "snuff", "extinguish", "destroy"}


_BEARING_NOUNS = {"impact", "effect", "influence", "bearing", "focus"}


def _lives_not_lost(gov, sent) -> bool:
    """"disrupting the lives of eight million", "upended the lives of 300,000", "saved the lives of 40": lives
    a verb other than one of ending them acts on are no deaths."""
    if _lem(gov) == "life" and gov.dep_ == "pobj" and gov.head.lower_ in ("on", "upon") and \
            _lem(gov.head.head) in _BEARING_NOUNS:
        return True                             # "the impact on the lives of 1,900 readers"
    if _lem(gov) != "life" or gov.dep_ not in OBJ_DEPS | SUBJ_DEPS:
        return False
    verb = _clause_verb(gov, sent)
    return verb is not None and _is_verbal(verb) and _lem(verb) not in _ENDING_LIVES


def _pobj_cues(c: _Cand, cues, ctx, depth):
    prep, gov = c.prep, c.verb
    pl = prep.lower_
    if gov is None:
        return
    if pl == "of" and _lem(gov) in ("body", "corpse", "remains") and c.np.i != c.root.i and _lem(c.np) in HOSTAGE_NOUNS:
        _add_path(cues, 0, "other", gov, "other/bodies-of-hostages")
    if pl == "of" and gov.pos_ in ("NOUN", "PROPN", "NUM", "PRON", "ADJ"):
        ctx2 = ctx if _lives_not_lost(gov, c.sent) else ctx.with_lives()
        _add(cues, gov, "noun", 0, ctx2)
        for ch in gov.children:
            if ch.dep_ in ("compound", "amod"):
                _add(cues, ch, "noun", 0, ctx2)
        # "the release of 50 hostages", "the deaths of 300": the governing noun's predicate
        gverb = _clause_verb(gov, c.sent)
        if gverb is not None and gov.dep_ in SUBJ_DEPS | OBJ_DEPS | {"pobj"}:
            groles = "subj" if gov.dep_ == "nsubj" else ("subjpass" if gov.dep_ == "nsubjpass" else "obj")
            _verb_cues(gverb, cues, 1, ctx2, gov, groles)
            if _lem(gov) in _MARK_NOUNS and gov.dep_ in OBJ_DEPS:
                # "the death toll has surpassed the grim milestone of 2,400": what the subject counts
                _subject_cues(gverb, gov, cues, ctx2)
        if _lem(gov) in ESTIMATE_NOUNS and depth < 2:
            # "revised to around 1,200 from a previous estimate of 1,400": what the estimate counts
            sub = _role_of(gov, gov, c.sent)
            inner = _Cand(num=c.num, root=gov, tokens=c.tokens, sent=c.sent, np=gov, rel=sub[0],
                          role=sub[1], verb=sub[2], prep=sub[3])
            transparent = _lem(gov) in ("total", "list", "number", "group")
            for r, o, m, t, rule in _measure_cues(inner, ctx, depth + 1):
                cues.append((r if transparent else max(r, 1), o, m, t, rule))
    elif pl in ("to", "at", "past", "from", "beyond", "above", "near", "towards", "toward", "by") and _is_verbal(gov):
        gapped = _gapped_noun(prep, gov)
        if gapped is not None:
            # "brought the death toll to 22,185 and injuries to 57,035": the second "to" has lost its
            # verb, and the noun just before it says what its number counts
            for t in gapped.subtree:
                if t.i < prep.i:
                    m = cue_of(t, "noun", ctx.with_lives())
                    if m is not None and m.outcome:
                        _add_path(cues, 0, m.outcome, t, "gapped-conjunct-noun")
        if gov.lower_ in MISSING_ADJS | WOUNDED_ADJS | KILLED_ADJS and gov.i == prep.i - 1:
            _add(cues, gov, "noun", 1, ctx)         # "the number of missing to 40", the adjective taken for a verb
        _subject_cues(gov, None, cues, ctx)
        if gov.dep_ in ("acl", "relcl") and pl in ("at", "to") and _lem(gov) in _ESTIMATE_VERBS:
            # "the deaths, estimated by diplomats at some 2,000": the noun the estimate is of
            _add(cues, gov.head, "noun", 1, ctx.with_lives())
        for g in gov.children:                      # "revised the death toll to 1,150", "put the toll at"
            if g.dep_ == "dobj" and g.i != c.rel.i:
                # a toll noun set to the number says what it counts before the verb's subject does ("the new
                # casualties bring the death toll to 22,185")
                rank = 0 if _lem(g) in ESTIMATE_NOUNS and gapped is None else 1
                for t in g.subtree:
                    _add(cues, t, "noun", rank, ctx.with_lives())
        _verb_cues(gov, cues, 1, ctx, c.rel, "obj")
    elif pl == "as" and gov.lower_ in _EXTENT_ADJS and gov.dep_ in ("acomp", "advmod", "attr") and \
            _is_verbal(gov.head):
        # "the death toll could be as high as 100,000": what the subject of the copula counts
        _subject_cues(gov.head, None, cues, ctx)
    elif pl in ("as",) and _is_verbal(gov):
        for g in gov.children:                      # "gave the death toll as 7,028"
            if g.dep_ == "dobj" and g.i != c.rel.i and _lem(g) in ESTIMATE_NOUNS:
                _toll_noun_cues(g, cues, 1, ctx, skip=prep)
        _verb_cues(gov, cues, 1, ctx, c.rel, "obj")
    elif pl in ("at", "to", "as", "past", "above", "up") and gov.pos_ in ("NOUN", "PROPN") and \
            _lem(gov) in ESTIMATE_NOUNS:
        _toll_noun_cues(gov, cues, 1, ctx, skip=prep)   # "the number of displaced people at 1.5 million"
    elif pl == "for" and _lem(gov) in ("exchange", "swap", "return"):
        _add(cues, gov, "noun", 1, ctx)             # "in exchange for 150 Palestinian prisoners"
    elif pl == "with" and prep.i > 0 and prep.nbor(-1).lower_ in ("along", "together") and \
            (_is_verbal(gov) or (gov.lower_ in ("along", "together") and _is_verbal(gov.head))):
        # "was killed along with nearly 40 other members of staff": they befell what the subject did
        verb = gov if _is_verbal(gov) else gov.head
        passive = any(g.dep_ == "auxpass" for g in verb.children)
        _verb_cues(verb, cues, 1, ctx, c.rel, "subjpass" if passive else "subj")
    elif pl in ("to", "at") and gov.pos_ in ("ADP", "ADV"):
        # "Death toll nationwide now up to at least 219" (a headline, no verb): the toll noun above
        noun = next((a for a in list(gov.ancestors)[:2] if a.pos_ == "NOUN" and _lem(a) in ESTIMATE_NOUNS), None)
        if noun is not None:
            _toll_noun_cues(noun, cues, 1, ctx, skip=prep)


_EXTENT_ADJS = {"high", "many", "much", "large", "great"}
_ESTIMATE_VERBS = {"estimate", "put", "place", "number", "count", "tally", "revise", "raise", "lower", "set"}
_MARK_NOUNS = {"milestone", "mark", "threshold", "barrier", "level"}


def _gapped_noun(prep, verb):
    """The noun phrase a gapped conjunct puts right before its preposition ("... and injuries to 57,035",
    "... and the number of injured to 57,035"): a conjunct, not the verb's own object."""
    doc = prep.doc
    if prep.i == 0:
        return None
    t = doc[prep.i - 1]
    while t.head.i != t.i and t.head.i < prep.i and t.dep_ not in ("conj",) and t.head.i != verb.i:
        t = t.head
    if t.pos_ not in ("NOUN", "PROPN") or t.i < verb.i:
        return None
    if t.dep_ == "conj":
        return t
    # "bring the death toll to 22,185 and injuries to 57,035" parsed as two objects of one verb
    if t.dep_ == "dobj" and t.head.i == verb.i and any(
            p.dep_ == "prep" and p.lower_ == prep.lower_ and p.i < t.i for p in verb.children):
        return t
    return None


def _toll_noun_cues(noun, cues, rank, ctx, skip=None):
    """What a toll-like noun counts: its own words and its "of" complement ("the number of people killed")."""
    ctx2 = ctx.with_lives()
    for t in noun.subtree:
        if skip is not None and (t.i == skip.i or skip.i in {a.i for a in t.ancestors}):
            continue
        if t.dep_ == "relcl" or any(a.dep_ == "relcl" and a.i != noun.i and noun.i in {x.i for x in a.ancestors}
                                    for a in t.ancestors):
            continue
        _add(cues, t, "noun", rank, ctx2)
        if _is_verbal(t):
            _add(cues, t, "verb", rank, ctx2, "mod")


# --- measures, coordination and sub-groups ----------------------------------------------------

def _partitive(c: _Cand) -> bool:
    doc = c.root.doc
    after = nlp.doc_text(doc)[c.num.end:c.num.end + 20]
    before = nlp.doc_text(doc)[max(c.sent.start_char, c.num.start - 25):c.num.start]
    if re.match(r"^\s+of\s+(?:them|whom|those|these|which)\b", after, re.I):
        return True
    if re.search(r"\b(?:of|among)\s+(?:which|whom|them|those|these|that\s+number|this\s+number|the\s+dead)\s*,?\s*$",
                 before, re.I):
        return True
    # "Of the roughly 240 people taken captive, 137 remain in Gaza": a fronted "of" phrase holding a number
    for t in (c.root, c.np):
        if any(g.dep_ == "prep" and g.lower_ in ("of", "among") and g.i < c.root.i and
               any(x.like_num for x in g.subtree) for g in t.children):
            return True
    verb = c.verb if c.role in ("subj", "subjpass") else None
    if verb is not None and _lem(verb) == "be":
        for v in (verb, verb.head if verb.dep_ == "conj" else None):
            if v is not None and any(g.dep_ == "prep" and g.lower_ in ("out", "of", "among") and g.i < c.rel.i
                                     for g in v.children):
                return True
    return False


def _including_head(c: _Cand):
    """The phrase this one is a sub-group or companion of, and how ("sub" or "with")."""
    t = c.np
    while t.dep_ == "conj":
        t = t.head
    if t.dep_ == "pobj" and t.head.lower_ in ("including", "include", "among", "incl", "incl."):
        return t.head.head, "sub"
    if t.dep_ == "dobj" and _lem(t.head) == "include":
        for g in t.head.children:
            if g.dep_ in SUBJ_DEPS:
                return g, "sub"
    if t.dep_ == "pobj" and t.head.lower_ in ("by", "with") and _lem(t.head.head) in ("accompany", "join", "escort"):
        return t.head.head.head, "with"
    return None, None


COLLECTIVE_NOUNS = {"group", "batch", "total", "number", "list", "convoy", "round", "toll", "tally", "count"}


def _collective_of(head, p: _Cand) -> bool:
    """"the second group of 17 hostages, including 13 Israelis": the group stands for its figure."""
    return _lem(head) in COLLECTIVE_NOUNS and p.np.dep_ == "pobj" and p.np.head.lower_ == "of" and \
        p.np.head.head.i == head.i


def _coordinated(a: _Cand, b: _Cand) -> bool:
    """Whether two numbers are items of one list: only nouns, adjectives, commas and "and" between."""
    doc = a.root.doc
    gap = doc[a.tokens.end:b.tokens.start]
    if not len(gap) or len(gap) > 6:
        return False
    if not any(t.lower_ in ("and", ",", "or", "&") for t in gap):
        return False
    for t in gap:
        if t.pos_ in ("VERB", "AUX", "ADP", "SCONJ", "PRON") or t.lower_ in ("including", "while", "with", "of"):
            return False
    # "..., including 12 children, and 41 had been injured": the later number is the subject of a clause of its
    # own, not the next item of the earlier one's list
    if b.np.dep_ in ("nsubj", "nsubjpass") and b.np.head.i != a.np.head.i and a.np.dep_ not in ("nsubj", "nsubjpass") \
            and any(ch.dep_ in ("aux", "auxpass") for ch in b.np.head.children):
        return False
    return True


# places and things a count may be of in a sentence of victims: never people
_PLACES_AND_THINGS = (INCIDENT_PLACES | TOWN_NOUNS | {"hotel", "embassy", "office", "station", "bridge", "shop",
                                                     "store", "factory", "plant", "barracks", "base", "checkpoint",
                                                     "restaurant", "cafe", "apartment", "flat", "bus", "train",
                                                     "plane", "aircraft", "helicopter", "tank", "boat", "ship"}) - {
                          "camp", "convoy"}        # "two camps" may be counted as their people; a convoy's people


# words for a share of a whole ("two-thirds of", "half of", "most of", "40 percent of")
_SHARE_WORDS = {"half", "halves", "third", "quarter", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
                "majority", "minority", "most", "percent", "%", "proportion", "share", "fraction", "bulk", "many",
                "some", "few", "several", "much"}


def _the_whole_of_a_share(c: _Cand) -> bool:
    """The counted phrase is the whole a share is taken of ("two-thirds of the 300,000 residents fled", "most of
    the 900 villagers"), and no verb of its own says what befell all of it ("half of the 300 people killed")."""
    if c.role != "pobj" or c.prep is None or c.prep.lower_ != "of":
        return False
    share = c.prep.head
    if _lem(share) not in _SHARE_WORDS and share.lower_ not in _SHARE_WORDS:
        return False
    return not any(ch.dep_ in ("acl", "relcl") and _is_verbal(ch) for ch in c.np.children)


def _decided(c: _Cand, cues: list, how: str = "") -> list:
    """The cues that name a measure, closest first (the first decides); every cue rule that held,
    vetoes included, goes into ``c``'s trace."""
    cues.sort()
    chosen = next((k for k, q in enumerate(cues) if q[2]), None)
    for k, (rank, _, measure, text, rule) in enumerate(cues):
        table, _, name = rule.partition(":")
        note = f"{text!r} rank {rank} -> {measure or 'veto'}" + (f", {how}" if how and k == chosen else "")
        c.trace.note(table, name, note, decided=k == chosen)
    return [q for q in cues if q[2]]


def _resolve_measures(here: list[_Cand], prev_cands: list[_Cand], ctx) -> None:
    for c in here:
        cues = _measure_cues(c, ctx)
        if c.np.i != c.root.i and _lem(c.np) in TRUCK_NOUNS:
            # trucks are never evacuees or victims (a veto stays, for the trace: "trucks loaded with explosives")
            cues = [q for q in cues if q[2] in ("aid_trucks", "")]
        cues = _decided(c, cues)
        if cues:
            c.rank, _, c.measure, c.cue, _ = cues[0]
        if c.np.i != c.root.i:
            c.own_measure = own_measure(c.np, ctx)       # the counted noun itself: "13 dead", "30 injured"
            if c.own_measure is None:
                # or its own state word: "reported 12 people dead and 30 injured" (no neighbour's word is carried
                # over it)
                c.own_measure = next((own_measure(ch, ctx) for ch in c.np.children if ch.dep_ in ("amod", "acl") and
                                      ch.lower_ in WOUNDED_ADJS | KILLED_ADJS | MISSING_ADJS), None)
        if c.measure and c.measure != "aid_trucks" and _lem(c.np) in _PLACES_AND_THINGS and c.np.i != c.root.i:
            # "struck three hotels in the capital, killing 57 people": the hotels are no victims
            c.trace.note("figures.measure", "veto/places-count-nobody", f"{c.np.text!r}")
            c.measure = None
        if c.measure and _the_whole_of_a_share(c) and not c.own_measure:
            # "two-thirds of the city's 300,000 residents fled": the share fled; the number is the whole
            c.trace.note("figures.measure", "veto/the-whole-of-a-share", f"'{c.prep.head.text} of'")
            c.measure = None
        c.partitive = _partitive(c)
    # coordination: "13 Israeli and four foreign hostages", "300 soldiers and 1,100 civilians dead"
    for i, c in enumerate(here):
        if i and _coordinated(here[i - 1], c):
            c.coord_prev = here[i - 1]
    for c in reversed(here):
        p = c.coord_prev
        if p is not None and c.measure and (p.measure is None or p.rank > max(c.rank, 0)) and not p.own_measure:
            p.measure, p.rank, p.cue = c.measure, c.rank, c.cue
    for c in here:
        p = c.coord_prev
        if p is not None and p.measure and (c.measure is None or c.rank > p.rank + 1) and not c.own_measure:
            c.measure, c.rank, c.cue = p.measure, p.rank + 1, p.cue
    # sub-groups: "including 3,648 children", "30 of them", "of which 4,237"; companions: "accompanied by 49"
    for i, c in enumerate(here):
        head, how = _including_head(c)
        parent = None
        if head is not None:
            for p in here[:i]:
                if p.np.i == head.i or p.root.i == head.i or _collective_of(head, p):
                    parent = p
            if parent is None and _is_verbal(head):
                # "had been killed, including 3,700 children": the figure of that verb
                same = [p for p in here[:i] if p.measure and _clause_verb(p.np, p.sent) is not None
                        and _clause_verb(p.np, p.sent).i == head.i]
                parent = same[-1] if same else None
            if parent is None and how == "sub" and head.pos_ in ("NOUN", "PROPN") and not head.like_num:
                # "the deaths include 15 people who died of indirect causes": a part of a total not given
                c.breakdown = _text_of([t for t in head.subtree if t.i < c.root.i or t.i == head.i])[:60] or None
                c.trace.note("figures.measure", "part/of-an-unstated-total", f"of {head.text!r}", decided=False)
            if parent is None and how == "sub" and c.measure is None:
                cues = []
                _modifier_cues(head, cues, 2, ctx)
                cues = _decided(c, cues, "of the phrase it is a sub-group of")
                if cues:
                    c.rank, _, c.measure, c.cue, _ = cues[0]
        elif c.partitive:
            # the count "of them" points back to, if it counts anything we measure (not "427 fugitives")
            last = here[i - 1] if i else None
            earlier = [p for p in here[:i] if p.measure]
            if last is not None and not last.measure:
                parent = None
            elif earlier:
                parent = earlier[-1]
            else:
                pm = [p for p in prev_cands if p.measure]
                parent = pm[-1] if pm else None
        if parent is not None and parent.measure:
            if how != "with":
                c.parent = parent
            else:
                c.companion = parent
            # casualties include the dead and the injured: "120 casualties, including 30 dead"
            own_victims = parent.measure == "other" and c.own_measure in ("killed", "wounded")
            if (c.measure is None or c.rank >= 1) and not own_victims:
                c.measure, c.rank, c.cue = parent.measure, 2, parent.cue
    for c in here:
        if c.coord_prev is not None and c.coord_prev.parent is not None and c.parent is None:
            c.parent = c.coord_prev.parent
            if c.measure is None:
                c.measure = c.parent.measure
    for c in here:
        if c.measure is None:
            _total_it_brings(c, here)
    _ends_of_a_change(here)
    for c in here:
        if c.measure is None:
            _gapped_conjunct(c, here)
    for c in here:  # last: no neighbour's measure is carried over it
        if c.measure == "evacuated" and c.np.i != c.root.i and _lem(c.np) in _FORCE_NOUNS:
            # "sending up to 3,500 soldiers to the island", "another 4,000 marines on their way": forces deployed
            # (or moved) are no evacuees (streams README: troops and rescue personnel are not counted)
            c.trace.note("figures.measure", "veto/forces-deployed", f"{c.np.text!r}")
            c.measure = None


_BEFORE_A_START = {"about", "around", "nearly", "almost", "roughly", "some", "over", "approximately", "just"}
# verbs of a count changing ("soared from 31 to 281"), beside the level and toll-setting verbs
_CHANGE_VERBS = LEVEL_VERBS | TOLL_SET_VERBS | {"fall", "drop", "decline", "decrease", "double", "triple", "quadruple",
                                                "shrink", "balloon", "spike", "leap", "plunge", "ease", "dip", "swell"}


def _ends_of_a_change(here: list[_Cand]) -> None:
    """"The toll climbed from 1,200 to 1,530", "raised the number of dead from 40 to 62", "the number of missing
    soared from 31 to 281": the two ends of one change count the same thing; the end no cue measured takes the
    other's measure (never over a counted noun of its own), and the first end is where the count stood before."""
    for a, b in zip(here, here[1:]):
        doc = a.sent.doc
        if [t.lower_ for t in doc[a.tokens.end:b.tokens.start]] != ["to"]:
            continue
        i = a.tokens.start - 1
        while i > a.sent.start and doc[i].lower_ in _BEFORE_A_START:
            i -= 1
        verb = next((t for t in _ancestors(doc[i], a.sent) if _is_verbal(t)), None)
        if doc[i].lower_ != "from" or verb is None or _lem(verb) not in _CHANGE_VERBS:
            continue
        a.change_start = True
        if bool(a.measure) == bool(b.measure):
            continue
        src, dst = (a, b) if a.measure else (b, a)
        if dst.own_measure or dst.np.i != dst.root.i:
            continue
        dst.measure, dst.rank, dst.cue = src.measure, src.rank + 1, src.cue
        dst.trace.note("figures.measure", "carried/ends-of-a-change", f"from {a.num.text} to {b.num.text}")


_GAP_END = re.compile(r"(?:\band|\bas\s+well\s+as|,)\s*$", re.I)


def _gapped_conjunct(c: _Cand, here: list[_Cand]) -> None:
    """"Five people were killed on Tuesday and three on Wednesday", "24 civilians died on Saturday as well as
    15 soldiers and two rebels": a count conjoined after a measured one, with no verb of its own, counts the same."""
    before = [p for p in here if p is not c and p.measure and p.num.end <= c.num.start]
    if not before:
        return
    p = max(before, key=lambda q: q.num.start)
    doc = c.sent.doc
    gap = [t for t in doc[p.root.i + 1:c.root.i]]
    if not _GAP_END.search(doc[p.root.i + 1:c.root.i].text if gap else ""):
        return
    pv = _clause_verb(p.np, p.sent)
    own = {pv.i} | {ch.i for ch in pv.children if ch.dep_ in ("aux", "auxpass")} if pv is not None else set()
    if any(t.pos_ in ("VERB", "AUX") and t.i not in own for t in gap):
        return                                  # "... and three were arrested": a verb of its own
    if _verb_after_an_aside(c):
        return                                  # "... and one civilian, a taxi driver, was killed": its own verb
    after = doc[max(c.root.i + 1, c.tokens.end):c.sent.end]      # after the whole number ("one and a half million")
    if any(t.pos_ in ("VERB", "AUX") for t in after[:4]):
        return
    if len(after) and after[0].lower_ in ("in", "at", "each", "from"):
        return                                  # "..., seven in Brega": an elided list's item (figures.lists)
    c.measure, c.rank, c.cue = p.measure, 3, p.cue
    c.trace.note("figures.measure", "carried/gapped-conjunct", f"after {p.num.text}")


def _verb_after_an_aside(c: _Cand) -> bool:
    """The counted phrase, then an aside set off by commas, then a verb ("one civilian, a taxi driver, was
    killed"): the count has a verb of its own however the parser joined the clauses."""
    doc, sent = c.sent.doc, c.sent
    j = max(c.np.i, c.tokens.end - 1) + 1
    if j >= sent.end or doc[j].lower_ != ",":
        return False
    close = next((k for k in range(j + 1, min(j + 9, sent.end)) if doc[k].lower_ == ","), None)
    return close is not None and any(t.pos_ in ("VERB", "AUX") for t in doc[close + 1:min(close + 3, sent.end)]) \
        and not any(t.pos_ in ("VERB", "AUX") for t in doc[j + 1:close])


_BARE_TOTALS = {"total", "tally", "number", "count", "figure"}


def _total_it_brings(c: _Cand, here: list[_Cand]) -> None:
    """"Eight people died on Monday, bringing the total to 120": a bare total that a clause hung on an
    earlier figure's verb sets is the total of what that figure counts."""
    setter = _toll_setter(c)
    if setter is None or setter.tag_ != "VBG":
        return
    totals = [g for g in setter.children if g.dep_ == "dobj" and _lem(g) in _BARE_TOTALS]
    if not totals or any(ch.dep_ == "prep" and ch.lower_ == "of" for ch in totals[0].children):
        return                                  # "the number of evacuees": its own measure, or none
    for p in here:
        verb = _clause_verb(p.np, p.sent) if p.measure and p.num.end <= c.num.start else None
        if verb is not None and verb.i == setter.head.i:
            c.measure, c.rank, c.cue = p.measure, p.rank + 1, p.cue
            c.trace.note("figures.measure", "measure/total-it-brings", f"{p.num.text} {p.measure}")
