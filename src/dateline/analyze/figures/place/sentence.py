"""The counted people's side of the sentence: the place a figure's own sentence gives its people ("killed
in Wajima", "people in Gaza", "22 in Suzu"), the toll's own place ("Japan's death toll"), a place that had
them ("Suzu recorded 99 deaths"), a people's name in the group ("Palestinian children"), and the place that
did the killing (the actor, never the place); kept apart from who speaks ("told reporters in New York") and
from places said of a part of the count ("including 10,000 in Wajima", "mostly in Bangkok").
"""
from __future__ import annotations

import re
from typing import Optional

from ... import nlp
from ...lexicon.gazetteer import AREA_WORDS, Place, fold, gazetteer
from ..candidate import _Cand
from ..lexicon import (
    ATTACK_NOUNS, ATTACK_VERBS, ESTIMATE_NOUNS, HOSTAGE_VERBS, KILLED_VERBS, RELEASE_VERBS, SUBJ_DEPS, MOST_ADVERBS,
    WAR_START_NOUNS, WORLD_REGIONS, WOUNDED_VERBS,
)
from ..parse import _clause_verb, _is_verbal, _lem
from .article import _KIND_RANK, AREA_DESCRIBERS, ArticlePlaces, _where_spoken
from .names import _KIND_WORDS, PLACE_LABELS, _named, carried_name, clean_name, name_with_its_head

_SPEECH = {"say", "tell", "report", "announce", "state", "add", "confirm", "note", "claim", "estimate"}
PLACE_PREPS = ("in", "inside", "across", "throughout", "at", "near", "around")


# a storm's name ("Typhoon Kalinaw", "Hurricane Mara", "Cyclone Freddy") names an event, never a place
_STORM_NAME = re.compile(r"(?:super\s+|tropical\s+)?(?:typhoon|hurricane|cyclone|storm|depression)\s", re.I)


def _is_place_token(tok, article: ArticlePlaces) -> bool:
    if _STORM_NAME.match(_name_at(tok) + " "):
        return False
    if tok.ent_type_ in PLACE_LABELS or fold(_name_at(tok)) in article.local_names:
        return True
    if tok.text[:1].isupper() and fold(_name_at(tok)) in article.place_keys:
        return True                  # "Suzu recorded 99 deaths": a name the article gives as a place elsewhere
    if tok.pos_ == "PROPN" and not tok.ent_type_ and tok.dep_ == "pobj" and tok.head.lower_ in ("in", "at") and \
            tok.head.head.pos_ in ("VERB", "AUX", "NUM", "NOUN"):
        return True                  # "died in Morvik": a name after "in", that NER took for nothing else
    # a proper name NER missed or took for a person ("in Khan Younis"), if the gazetteer knows it in a
    # country the article is about (not "Hamas" for the German town of Hamm)
    if tok.pos_ != "PROPN":
        return False
    place = article.resolve(_name_at(tok))
    if place is None:
        return False
    # a town's name is also a word or a person's name far more often than a country's or a region's
    return place.kind not in ("city", "county") or not article.countries or article.countries[place.country] > 0




def _named_area(tok):
    """"Swat district", "Al Haouz province": a lower-case word of an area's kind right after a capitalised
    name is that area, though no gazetteer knows it; the name's last word, or None."""
    if _lem(tok) not in _NAMED_AREA_KINDS or tok.lower_ != tok.text or tok.i == 0:
        return None
    before = tok.doc[tok.i - 1]
    # (whatever NER made of the name: "Al Haouz" is often a person to it; "Gorkha" parsed as an adjective,
    # unless it is a capitalised first word: "Northern district")
    if before.dep_ in ("compound", "amod") and before.head.i == tok.i and before.text[:1].isupper() and \
            gazetteer().demonym(before.text) is None and fold(before.text) not in AREA_DESCRIBERS and \
            (before.dep_ == "compound" or before.pos_ == "PROPN" or before.ent_type_ in PLACE_LABELS or
             before.i > tok.sent.start):
        return before
    return None


def _name_at(tok) -> str:
    """The whole name a token belongs to (its entity, else its compound chain), carried on over a particle
    when the longer name is a place the gazetteer knows ("Rio Grande" + "do Sul", "Deir" + "ez-Zor")."""
    name, start, end = None, tok.idx, tok.idx + len(tok.text)
    if tok.ent_type_:
        for ent in tok.doc.ents:
            if ent.start <= tok.i < ent.end:
                name, start, end = ent.text, ent.start_char, ent.end_char
                break
    if name is None:
        toks = [t for t in tok.subtree if t.dep_ == "compound" or t.i == tok.i]
        toks = sorted((t for t in toks if t.i <= tok.i), key=lambda t: t.i)
        name, start = " ".join(t.text for t in toks), toks[0].idx
    text = nlp.doc_text(tok.doc)
    return carried_name(text, name_with_its_head(text, name, start), end)[0]



def _place_in_pobj(pobj, article: ArticlePlaces):
    """The place an "in ..." phrase names: the object itself ("in Wajima", "in the Gaza Strip"), the
    "of" of a kind word ("in the town of Shika"), or the place of an event there ("in an air strike in
    Rafah"); never a possessive or adjective of an attack ("in Belmoria's bombardment")."""
    if _is_place_token(pobj, article):
        return pobj
    if pobj.tag_ == "NNS" and _lem(pobj) in _KIND_WORDS and any(
            ch.dep_ in ("amod", "nummod", "det") and (ch.like_num or ch.lower_ in _SEVERAL_WORDS)
            for ch in pobj.children):
        # "across several states", "in six prefectures": the country that holds them, if the article says
        return article.holder_of_several(_KIND_WORDS[_lem(pobj)]) or SEVERAL
    if _lem(pobj) in _KIND_WORDS and any(d.lower_ in ("the", "this", "that", "his", "her", "its", "their")
                                         for d in pobj.children if d.dep_ in ("det", "poss")) and \
            not any(ch.dep_ == "prep" for ch in pobj.children):
        # "in the state", "the southern Varna city": the one just named (in that place); not "in the Donetsk
        # region" when no region was named before, or one outside Donetsk: the name names it
        last = article.last_of(_KIND_WORDS[_lem(pobj)], pobj.idx)
        named = [ch for ch in pobj.children if ch.dep_ in ("compound", "amod") and ch.pos_ == "PROPN"]
        outer = article.resolve(named[-1].text) if named else None
        if not named or (outer is not None and (last is None or last.country == outer.country) and
                         _KIND_RANK[outer.kind] < min(_KIND_RANK[k] for k in _KIND_WORDS[_lem(pobj)])):
            return last
    if _lem(pobj) in _AREA_NOUNS | {"capital"}:
        for ch in pobj.children:
            # "in the capital Bangkok", "in the capital, Manila", "in the coastal town Suzu": its name
            if ch.dep_ == "appos" and _is_place_token(ch, article):
                return ch
        for ch in pobj.children:
            if ch.dep_ == "prep" and ch.lower_ == "of":
                for p in ch.children:
                    # "the town of Marovka", "the central Japanese prefecture of Ishikawa": the kind word
                    # says it is a place, whatever NER made of it
                    if p.dep_ == "pobj" and (_is_place_token(p, article) or p.pos_ == "PROPN"):
                        return p
        for ch in pobj.children:
            # "in Israeli territory", "on the Palestinian side": the people's country
            if ch.dep_ in ("amod", "compound") and gazetteer().demonym(ch.text) is not None:
                return article.narrowed(gazetteer().demonym(ch.text))
        # "the Wajima city area", "in central Bamiyan province", "in Afghanistan's north" (a name the gazetteer
        # knows, whatever NER made of it); the area's own name before its holder's ("in Ethiopia's Amhara
        # region": Amhara)
        for deps in (("compound", "amod"), ("poss",)):
            for ch in pobj.children:
                if ch.dep_ in deps and (_is_place_token(ch, article) or (
                        ch.pos_ == "PROPN" and ch.ent_type_ != "PERSON" and article.resolve(ch.text) is not None)):
                    return ch
        # "in Al Haouz province", "in Kwilu district": a proper name before a word of an area's kind is
        # that area's name, though no gazetteer knows it
        named = _named_area(pobj)
        if named is not None:
            return named
    attack = _lem(pobj) in ATTACK_NOUNS | WAR_START_NOUNS | DISASTER_NOUNS
    for ch in pobj.children:
        # "in the earthquake that hit Ishikawa Prefecture", "the storm that struck Florida"
        if attack and ch.dep_ in ("relcl", "acl") and _is_verbal(ch):
            for g in ch.children:
                if g.dep_ == "dobj":
                    inner = _place_in_pobj(g, article)
                    if inner is not None:
                        return inner
        # "in an air strike in Marovka", and an attack's target: "in strikes on Kordavia"
        # ("in fighting for the city of Goma", "the battle for Maungdaw", "fighting around the town": where it was)
        fought_over = _lem(pobj) in _FIGHT_NOUNS and ch.lower_ in ("for", "around", "over")
        if ch.dep_ == "prep" and (ch.lower_ in PLACE_PREPS or fought_over or
                                  (attack and ch.lower_ in ("on", "against", "into"))):
            for p in ch.children:
                if p.dep_ == "pobj":
                    inner = _place_in_pobj(p, article)
                    if inner is not None:
                        return inner
    if _lem(pobj) in _NAMED_BY_PLACE:
        # "in the Lima embassy bombing", "in the Phuket ferry explosion": the place that names the event (a
        # name the gazetteer knows, whatever NER made of it); not an invasion's or offensive's, named by its doer
        names = [ch for ch in pobj.children if ch.dep_ == "compound"]
        names += [g for ch in names for g in ch.children if g.dep_ in ("compound", "amod")]
        for ch in names:
            if _is_place_token(ch, article) or (ch.pos_ == "PROPN" and ch.ent_type_ != "PERSON" and
                                                article.resolve(ch.text) is not None):
                return ch
    return None


_FIGHT_NOUNS = {"fighting", "fight", "battle", "struggle", "siege", "assault", "offensive", "clash", "clashes", "war"}
# Events of a story that happen somewhere, as attacks do: where they hit is where their dead are.
DISASTER_NOUNS = {"earthquake", "quake", "storm", "hurricane", "typhoon", "cyclone", "flood", "flooding", "landslide",
                  "tsunami", "eruption", "fire", "wildfire", "tornado", "disaster", "collapse", "explosion", "crash"}
_NAMED_BY_PLACE = (ATTACK_NOUNS | DISASTER_NOUNS | {"war", "conflict", "massacre", "fighting", "violence", "unrest",
                                                     "clashes", "siege"}) - {"missile", "rocket", "shell"}
_SEVERAL_WORDS = {"several", "many", "multiple", "all", "numerous", "various", "both", "other", "some", "the"}
# Several places at once, with nothing that holds them all: no one place.
SEVERAL = Place("", "country", "")
# kinds of area written after their name ("Kwilu district", "Al Haouz province")
_NAMED_AREA_KINDS = {"province", "prefecture", "region", "district", "county", "governorate", "municipality",
                     "commune", "state", "oblast", "department"}
_AREA_NOUNS = {"town", "city", "village", "province", "prefecture", "region", "district", "county", "state",
               "area", "part", "north", "south", "east", "west", "center", "centre", "territory", "land", "soil",
               "side", "border", "stronghold", "hotbed", "bastion", "heartland", "enclave", "outskirts"}


def _victim_heads(c: _Cand) -> list:
    """The words the counted people hang on: the counted noun and the verb that befell them."""
    heads = [c.np]
    if c.verb is not None and c.role in ("subj", "subjpass", "obj", "pobj") and _is_verbal(c.verb):
        heads.append(c.verb)
    if c.np.i == c.root.i:
        heads += [ch for ch in c.np.children if ch.dep_ in ("acl", "relcl") and _is_verbal(ch)]
    else:
        heads += [ch for ch in c.np.children if ch.dep_ in ("acl", "relcl") and _is_verbal(ch)]
    return heads


def _preps_for(measure: Optional[str]) -> tuple[str, ...]:
    """Where a count is: people evacuated count where they left ("from X"), trucks where they went
    ("into X"), hostages where they were taken ("from X") before where they are held."""
    if measure == "evacuated":
        return ("from",)
    if measure == "aid_trucks":
        return ("into", "to", "in")
    if measure == "hostages":
        return ("from",) + PLACE_PREPS
    return PLACE_PREPS


def coordinated_places(t, article: ArticlePlaces) -> list:
    """The places of "in X and Y" whose first object is ``t``, when they are two or more distinct places the
    gazetteer knows ("in Lima and Quito", "in Peru and Ecuador"); else []. "two each in X and Y"
    is a count for each of them (a list), not one count over both."""
    # "in Lima, Peru, and Quito, Ecuador": the second place hangs on the first one's apposition
    heads = [t] + [a for a in t.children if a.dep_ == "appos"]
    conjs = [x for h in heads for x in h.conjuncts if x.dep_ == "conj" and x.i > t.i]
    if not conjs or t.head.dep_ != "prep" or any(x.lower_ == "each" for x in t.head.doc[max(0, t.head.i - 2):t.head.i]):
        return []
    places = []
    for x in [t] + conjs:
        found = _place_in_pobj(x, article)
        if found is None or found is SEVERAL:
            return []
        place = found if isinstance(found, Place) else article.resolve(clean_name(_name_at(found)))
        if place is None:
            return []
        places.append(place)
    distinct = list(dict.fromkeys(places))
    return distinct if len(distinct) > 1 else []


def several_places_of(heads, article: ArticlePlaces) -> list:
    """The coordinated places of an "in X and Y" phrase hung on one of ``heads``."""
    for head in heads:
        for prep in head.children:
            if prep.dep_ == "prep" and prep.lower_ in PLACE_PREPS:
                for p in prep.children:
                    if p.dep_ == "pobj":
                        found = coordinated_places(p, article)
                        if found:
                            return found
    return []


def _in_place(c: _Cand, article: ArticlePlaces):
    preps = _preps_for(c.measure)
    for head in _victim_heads(c):
        for ch in head.children:
            # "42 deaths for the county", "a toll of 9 for Ohio": a count given for a place
            given_for = ch.lower_ == "for" and c.measure in ("killed", "wounded", "missing")
            if ch.dep_ == "prep" and (ch.lower_ in preps or given_for):
                for p in ch.children:
                    if p.dep_ == "pobj":
                        found = _place_in_pobj(p, article)
                        if found is not None and not isinstance(found, Place) and _in_a_part(found, c):
                            continue
                        if found is not None and (not given_for or isinstance(found, Place) or
                                                  _is_place_token(found, article)):
                            return found
            # "200 people from his village of Naib Rafi were dead": the dead of a village or town they lived in
            if ch.dep_ == "prep" and ch.lower_ == "from" and c.measure in ("killed", "wounded", "missing"):
                for p in ch.children:
                    if p.dep_ == "pobj" and _lem(p) in ("village", "town", "hamlet", "district", "neighbourhood",
                                                        "neighborhood", "camp"):
                        found = _place_in_pobj(p, article)
                        if found is not None:
                            return found
    return None


def _place_that_had(c: _Cand, article: ArticlePlaces):
    """"Buncombe County suffered 42 deaths", "Suzu recorded 99 deaths", "Yancey County had 11": a place
    that is the subject of the verb whose object is the counted people had them; a place that killed
    ("Belmoria killed 9,310") did not."""
    with_them = _place_with_them(c, article)
    if with_them is not None:
        return with_them
    v = c.verb
    if c.role == "pobj" and c.prep is not None and c.prep.lower_ == "for" and v is not None and \
            _lem(v) == "account":
        # "Al Haouz province accounts for 1,650 of the deaths": the place that holds that share of them
        return next((g if _is_place_token(g, article) else _named_area(g) for g in v.children
                     if g.dep_ == "nsubj" and (_is_place_token(g, article) or _named_area(g) is not None)), None)
    if c.role != "obj" or v is None or not _is_verbal(v) or \
            _lem(v) in KILLED_VERBS | WOUNDED_VERBS | ATTACK_VERBS | HOSTAGE_VERBS | RELEASE_VERBS | \
            {"cause", "leave", "claim", "take", "hold", "keep", "free"}:
        return None
    text = nlp.doc_text(c.root.doc)
    for g in v.children:
        if g.dep_ != "nsubj" or re.search(r"--|—|\(", text[g.idx:v.idx]):
            continue                   # not a dateline ("Kanazawa, Ishikawa Pref., Jan. 11 (Jiji Press)--...")
        if _is_place_token(g, article) or re.search(r"\s(?:County|Prefecture|Province|City|State)$", _name_at(g)):
            return g
    return None


# verbs that say how a place fared, not what it did: "Ishikawa is the worst-hit prefecture, with 200 dead"
_STATE_VERBS = {"be", "remain", "become", "stay", "rank"}


def _place_with_them(c: _Cand, article: ArticlePlaces):
    """"Ishikawa is the worst-hit prefecture, with 200 dead", "Mexico remains the worst affected country, with
    42 deaths", "The town was hit hardest, with 31 killed": the place that is, or was made, in that state has
    the people the "with" phrase counts; a place that did something ("X retaliated, with ...") does not."""
    with_ = next((a for a in [c.root, *c.root.ancestors][:4] if a.lower_ == "with" and a.dep_ == "prep"), None)
    if with_ is None:
        return None
    v = with_.head
    while v.dep_ in ("attr", "acomp", "appos", "oprd") and v.head.i != v.i:
        v = v.head                      # "with" hung on the predicate noun: up to its verb
    if not _is_verbal(v) and v.pos_ != "AUX":
        return None
    # (the parser sometimes hangs a passive's subject as nsubj: "Swat district was the hardest hit", auxpass)
    passive = any(g.dep_ in ("nsubjpass", "auxpass") for g in v.children)
    if _lem(v) not in _STATE_VERBS and not passive:
        return None
    # (its subject, or one the parser hung on the passive's auxiliary: "Swat district was the hardest hit")
    for g in [*v.children, *(x for a in v.children if a.dep_ in ("aux", "auxpass") for x in a.children)]:
        if g.dep_ in ("nsubj", "nsubjpass") and (_is_place_token(g, article) or _named_area(g) is not None):
            return g if _is_place_token(g, article) else _named_area(g)
    # "The worst-hit city is Canoas, with 26 deaths": the place the copula names of a place's kind word
    if _lem(v) in _STATE_VERBS and any(g.dep_ == "nsubj" and _lem(g) in _AREA_NOUNS for g in v.children):
        for g in v.children:
            if g.dep_ == "attr" and (_is_place_token(g, article) or (g.pos_ == "PROPN" and g.ent_type_ != "PERSON")):
                return g
    return None


def _toll_place(c: _Cand, article: ArticlePlaces):
    """"Japan's death toll", "the Myanmar quake toll", "the toll in Ishikawa", "the toll from the quake in X"."""
    nouns = [t for t in [c.np, c.verb] if t is not None and _lem(t) in ESTIMATE_NOUNS and not _is_verbal(t)]
    if c.verb is not None and _is_verbal(c.verb):
        nouns += [g for g in c.verb.children if g.dep_ in SUBJ_DEPS | {"dobj"} and _lem(g) in ESTIMATE_NOUNS]
    for noun in nouns:
        # where the toll was taken comes before whose it is: "the US toll in Iraq", "the British toll in Helmand"
        for ch in noun.children:
            if ch.dep_ == "prep" and ch.lower_ in ("in", "across"):
                for p in ch.children:
                    if p.dep_ == "pobj":
                        found = _place_in_pobj(p, article)
                        if found is not None and (isinstance(found, Place) or not _in_a_part(found, c)):
                            return found
        for ch in noun.children:
            if ch.dep_ in ("poss", "compound", "nmod") and _is_place_token(ch, article):
                return ch
            if ch.dep_ in ("amod", "compound") and gazetteer().demonym(ch.text) is not None:
                return article.narrowed(gazetteer().demonym(ch.text))      # "the Israeli death toll"
            if ch.dep_ in ("compound", "amod") and _lem(ch) in ATTACK_NOUNS | WAR_START_NOUNS | {"quake", "earthquake",
                                                                                                  "storm", "flood"}:
                for g in ch.children:
                    if g.dep_ in ("compound", "poss", "nmod") and _is_place_token(g, article):
                        return g                       # "the Myanmar quake toll"
            if ch.dep_ == "prep" and ch.lower_ in ("in", "from", "of", "across"):
                for p in ch.children:
                    if p.dep_ == "pobj":
                        found = _place_in_pobj(p, article)
                        if found is not None and (isinstance(found, Place) or not _in_a_part(found, c)):
                            return found
    return None


def _demonym_in_group(c: _Cand, article: ArticlePlaces) -> Optional[Place]:
    """"Palestinian children", "8,796 Palestinians", "Japanese nationals": the people's country."""
    g = gazetteer()
    words = [c.np] + [ch for ch in c.np.children if ch.dep_ in ("amod", "compound", "nmod")]
    for w in words:
        if w.i == c.root.i:
            continue
        place = g.demonym(w.text)
        if place is not None:
            return article.narrowed(place) if place.kind == "country" else place
    return None


def _actor(c: _Cand, article: ArticlePlaces) -> Optional[Place]:
    """The place that did the killing: the subject of an active verb of killing ("Belmoria has killed")."""
    verb = _clause_verb(c.np, c.sent)
    if verb is None or _lem(verb) not in KILLED_VERBS | WOUNDED_VERBS:
        return None
    for g in verb.children:
        if g.dep_ == "nsubj":
            for t in g.subtree:
                if t.ent_type_ in PLACE_LABELS:
                    return article.resolve(clean_name(_name_at(t)))
                place = gazetteer().demonym(t.text)
                if place is not None:
                    return place
    return None


# who a state's own organs kill or wound at home: people who rose against it, or are in its hands
_OWN_PEOPLE = {"protester", "protestor", "demonstrator", "dissident", "activist", "rioter", "striker", "detainee",
               "prisoner", "marcher"}
# what a state does to its own people at home
_REPRESSION = {"crackdown", "repression", "protest", "uprising", "unrest", "demonstration", "dissent"}
# a state's organs that act at home (an army or troops may be abroad; a government or its police are not)
_HOME_ORGANS = {"government", "regime", "police", "junta", "authority", "authorities", "administration"}


def _state_against_its_own(c: _Cand, article: ArticlePlaces) -> Optional[Place]:
    """"The Bolivian government has killed 3,000 protesters", "demonstrators killed by Nepal's security forces":
    a state's home organs (its government, regime, police, security forces) and those who rose against it or
    are in its hands are in one country: the state's."""
    if _lem(c.np) not in _OWN_PEOPLE and not (
            _lem(c.np) in ("people", "person", "civilian") and any(_lem(t) in _REPRESSION for t in c.sent)):
        return None                         # ("has killed 3,000 people in its crackdown": its own people too)
    verb = _clause_verb(c.np, c.sent)
    if verb is None or _lem(verb) not in KILLED_VERBS | WOUNDED_VERBS:
        return None
    doers = [g for g in verb.children if g.dep_ == "nsubj" and c.np not in g.subtree]
    doers += [o for a in verb.children if a.dep_ == "agent" for o in a.children if o.dep_ == "pobj"]
    for g in doers:
        organ = _lem(g) in _HOME_ORGANS or (_lem(g) == "force" and any(
            ch.lower_ == "security" for ch in g.children if ch.dep_ in ("compound", "amod")))
        if not organ:
            continue
        for t in g.subtree:
            if t.ent_type_ in PLACE_LABELS:
                place = article.resolve(clean_name(_name_at(t)))
                if place is not None:
                    return place
            elif t.pos_ == "PROPN":                  # a country NER took for a person ("Nepal's police")
                place = article.resolve(t.text)
                if place is not None and place.kind == "country":
                    return place
            place = gazetteer().demonym(t.text)
            if place is not None:
                return place
    return None


def _source_side(tok) -> bool:
    """Whether a token belongs to who is speaking ("officials in Tokyo said"), not to what happened."""
    for a in [tok] + list(tok.ancestors):
        if a.dep_ in ("nsubj", "nsubjpass") and _lem(a.head) in _SPEECH:
            return True
        if _where_spoken(a):
            return True                         # "Haq told reporters in New York": where the speaker was
        if a.dep_ == "pobj" and a.head.lower_ in ("to", "by") and _lem(a.head.head) in ("accord",):
            return True
    return False


def _the_kind_word(tok) -> bool:
    """"the Strip", "the prefecture": a word of kind that points back to the place of that kind the article
    named before."""
    return _lem(tok) in _KIND_WORDS and any(d.lower_ == "the" for d in tok.children if d.dep_ == "det") and \
        not any(d.dep_ in ("compound", "amod", "nmod", "poss") for d in tok.children)


def _sentence_places(c: _Cand, article: ArticlePlaces) -> list:
    """Places the sentence puts something in ("in X", "across X"), outside who speaks; and kind words
    that point back to the article's one place of that kind ("in the prefecture")."""
    found = []
    preps = _preps_for(c.measure)
    for t in c.sent:
        struck = t.dep_ == "dobj" and _struck_by_the_event(t.head)   # "an earthquake hit Christchurch, killing"
        if (t.dep_ != "pobj" and not struck) or _source_side(t) or _in_a_part(t, c):
            continue
        target = t.head.lower_ in ("on", "against") and _lem(t.head.head) in ATTACK_NOUNS | WAR_START_NOUNS
        fought_over = t.head.lower_ in ("for", "around", "over") and _lem(t.head.head) in _FIGHT_NOUNS
        if t.head.lower_ not in preps and not target and not struck and not fought_over:
            continue
        tok = _place_in_pobj(t, article)
        if isinstance(tok, Place):
            found.append(tok)
        elif tok is not None and _the_kind_word(tok):
            earlier = article.last_of(_KIND_WORDS[_lem(tok)], tok.idx)
            if earlier is not None:
                found.append(earlier)
        elif tok is not None and not _a_world_region(_name_at(tok)):
            found.append(article.resolve(clean_name(_name_at(tok))) or clean_name(_name_at(tok)))
        for conj in (x for x in t.conjuncts if x.dep_ == "conj"):     # "across Florida and the southeast US"
            more = _place_in_pobj(conj, article)
            if more is not None:
                found.append(more if isinstance(more, Place) else
                             article.resolve(clean_name(_name_at(more))) or clean_name(_name_at(more)))
    return found


# what a quake, a storm or an attack does to a place it strikes
_STRIKE_VERBS = {"hit", "strike", "rock", "devastate", "flatten", "batter", "pound", "lash", "ravage", "shake",
                 "jolt", "wreck", "destroy", "level", "inundate", "swamp", "engulf"}


def _struck_by_the_event(verb) -> bool:
    """"An earthquake hit Christchurch", "the typhoon battered Leyte", "a bomb rocked the market": a verb of
    striking whose subject is a disaster or an attack (its object is where the event's dead are)."""
    return _lem(verb) in _STRIKE_VERBS and any(
        g.dep_ == "nsubj" and _lem(g) in DISASTER_NOUNS | ATTACK_NOUNS | {"bomb", "blast", "aftershock"}
        for g in verb.children)


def _a_world_region(name: str) -> bool:
    """"North Africa", "the Americas": a part of the world, not where a count's people are."""
    return re.sub(r"^the\s+", "", name.strip().lower()) in WORLD_REGIONS


def _where_most_were(t, c: _Cand) -> bool:
    """"17 dead, mostly in Bangkok", "85 killed, mainly in the south": a place that holds most of the count."""
    for a in [t, *t.ancestors]:
        if a.i == c.root.i:
            return False
        if any(ch.dep_ == "advmod" and ch.lower_ in MOST_ADVERBS for ch in a.children):
            return True
    return False


def _in_a_part(t, c: _Cand) -> bool:
    """Whether a place is said of a part of the count, not the count ("30 deaths, including those in the
    town of Wajima", "23,000 evacuated, including about 10,000 in Wajima")."""
    if _where_most_were(t, c):
        return True
    for a in t.ancestors:
        if a.i in (c.root.i, c.np.i):
            return False                    # "38 of the 88 people who died in Sindh": said of the 88's own people
        if a.lower_ in ("including", "among", "excluding") or \
                (a.like_num and a.tag_ == "CD" and a.lower_ != "one" and a.i != c.root.i):
            return True
    # "410 deaths, among them 12 in the village of Dorn", parsed onto the verb: another number in between
    between = nlp.doc_text(t.doc)[c.num.end:t.idx]
    return bool(re.search(r"\b(?:including|among|excluding)\b[^.;,]*?\d[^.;,]*$", between))


_RIGHT_AFTER = re.compile(r"^(?:\s+[a-z]+)?(?:\s+each)?\s+(?:in|at)\s+(?:the\s+)?"
                          r"(?:(?:city|cities|towns?|villages?|prefectures?|count(?:y|ies)|states?|provinces?)\s+of\s+)?"
                          r"(?P<name>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,3})")


def _doers_war(c: _Cand, at: int) -> bool:
    """"wounded in Belmoria's ongoing offensive", "killed in Russia's war": the name owns the violence, it is
    not where the people were ("killed in Kordavia's north" is)."""
    tok = next((t for t in c.sent if t.idx == at), None)
    while tok is not None and tok.dep_ == "compound":
        tok = tok.head
    return tok is not None and tok.dep_ == "poss" and _lem(tok.head) in ATTACK_NOUNS | WAR_START_NOUNS | {"genocide"}


_POSSESSED_PLACE = re.compile(r"^\s+(?:[a-z][\w-]*\s+){0,2}(?P<inner>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?)")


def _right_after(c: _Cand, article: ArticlePlaces) -> Optional[str]:
    """"22 in Suzu", "11 people in Georgia", "one each in Hakui and Shika": a place named right after the
    number belongs to it, whatever the parse attached it to."""
    m = _RIGHT_AFTER.match(nlp.doc_text(c.root.doc)[c.num.end:c.num.end + 80])
    if not m:
        return None
    name = re.sub(r"\s+(?:and|or)\b.*$", "", m.group("name"))
    if name == m.group("name"):                          # "in Deir ez-Zor", "in Rio Grande do Sul"
        name = carried_name(nlp.doc_text(c.root.doc), name, c.num.end + m.end("name"))[0]
    inner = _POSSESSED_PLACE.match(nlp.doc_text(c.root.doc)[c.num.end + m.end("name"):c.num.end + 120]) \
        if re.search(r"['’]s$", name) else None
    if inner and article.resolve(clean_name(inner.group("inner"))) is not None:
        return clean_name(inner.group("inner"))         # "in Japan's quake-hit Ishikawa prefecture": Ishikawa
    owned = re.search(r"['’]s\s+(?P<inner>[A-Z].*)$", name)
    if owned and article.resolve(clean_name(owned.group("inner"))) is not None:
        return clean_name(owned.group("inner"))         # "in Pakistan's Sindh province": Sindh
    word = name.split()[0]
    if word.lower() in ("the", "a", "an") or _DAYS.match(word) or _doers_war(c, c.num.end + m.start("name")):
        return None
    demonym = gazetteer().demonym(name)
    if demonym is not None:
        return _named(article.narrowed(demonym))          # "dead in Israeli territory"
    words = name.split()
    for n in range(len(words), 0, -1):                   # "the Khan Younis Training Centre": Khan Younis
        if article.resolve(" ".join(words[:n])) is not None:
            return clean_name(" ".join(words[:n]))
    kinded = len(words) > 1 and words[-1].lower() in AREA_WORDS
    named = any(ent.label_ in PLACE_LABELS and ent.text.startswith(words[0]) for ent in c.sent.ents)
    # an item of a list by place ("22 in Selby"): its "in X" names a place, known or not
    text = nlp.doc_text(c.root.doc)
    listed = c.in_list or bool(_EARLIER_ITEM.search(text[c.sent.start_char:c.num.start]))
    return clean_name(name) if kinded or named or listed else None


# an earlier item of the same list by place, then a separator: "20 people in Valtra; 19 in Brega; "
_EARLIER_ITEM = re.compile(r"\d[\d,]*\s+(?:[a-z]+\s+)?(?:each\s+)?in\s+[A-Z][^;.]*[;,]\s*(?:and\s+)?$")


_DAYS = re.compile(r"(?:mon|tues|wednes|thurs|fri|satur|sun)day|jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec", re.I)
