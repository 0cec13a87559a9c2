"""Where the counted people are: the place of a figure, never the place of whoever did the killing.

The place comes from the counted people's side of the sentence: "in X" on the verb that befell them or on
the counted noun ("killed in Wajima", "people in Gaza"), the toll's own place ("Japan's death toll", "the
toll in Myanmar"), a people's name in the group ("Palestinian children", "8,796 Palestinians"), the place
of the authority that counts them ("the Gaza health ministry"), else the one place the article is about.
A place that is the subject of an active verb of killing ("Belmoria has killed 9,310") or a modifier of
the attack ("Israeli strikes", "Russia's shelling") is the actor: it is never the place, and the article's
place is then looked for among the others.

Names resolve through the gazetteer (``lexicon.gazetteer``), preferring the countries the article is
about; the place is written as the text writes it, without "the" and words of kind ("the Gaza Strip" ->
"Gaza", "Ishikawa Prefecture" -> "Ishikawa", "the city of Wajima" -> "Wajima"), or, for a demonym or the
article's place, as the gazetteer names it. A country spoken of through its territories (Palestine:
the Gaza Strip, the West Bank) is narrowed to the territory the article is about.
"""
from __future__ import annotations

import functools
import re
from collections import Counter
from typing import Optional

from .. import nlp
from ..lexicon.gazetteer import AREA_WORDS, Place, fold, gazetteer
from ..rules import Rule, Table
from .candidate import _Cand
from .lexicon import (
    ATTACK_NOUNS, ATTACK_VERBS, COMBATANT_NOUNS, ESTIMATE_NOUNS, HOSTAGE_VERBS, KILLED_VERBS, RELEASE_VERBS, SUBJ_DEPS,
    MOST_ADVERBS, NEWS_OUTLET_WORDS, WAR_START_NOUNS, WOUNDED_VERBS,
)
from .parse import _clause_verb, _is_verbal, _lem

PLACE_LABELS = ("GPE", "LOC", "FAC")
_SPEECH = {"say", "tell", "report", "announce", "state", "add", "confirm", "note", "claim", "estimate"}
PLACE_PREPS = ("in", "inside", "across", "throughout", "at", "near", "around")
# Counted people who are the enemy's fighters: the counting side's place is not theirs.
COMBATANT_WORDS = COMBATANT_NOUNS
_KIND_RANK = {"country": 0, "territory": 1, "region": 2, "county": 3, "city": 4}


def clean_name(text: str) -> str:
    """"the Gaza Strip" -> "Gaza Strip" -> (its bare form when that is the same place) "Gaza"."""
    text = re.sub(r"\bCo\.(?=\s|$)", "County", text)          # "Buncombe Co."
    words = re.sub(r"^(?:the|a|an)\s+", "", text.strip(" ,.;:'’\"“”()"), flags=re.I).split()
    while words and words[-1] in ("'s", "’s", "'", "’"):
        words = words[:-1]
    while len(words) > 2 and words[0].lower() in ("city", "town", "village", "province", "state", "region") \
            and words[1].lower() == "of":
        words = words[2:]
    while len(words) > 1 and words[0] in ("city", "town", "village", "capital", "port", "province", "district") \
            and words[1][:1].isupper():
        words = words[1:]                       # "the city Arequipa", "the capital Bangkok"
    name = " ".join(words)
    name = re.sub(r"['’]s$", "", name)
    if len(words) > 1 and words[-1].lower() in AREA_WORDS and words[-1].lower() not in ("county",):
        shorter = " ".join(words[:-1])
        g = gazetteer()
        full, short = g.find(name), g.find(shorter)
        # "Wajima City" is Wajima; "Gaza City" is not the Gaza Strip: keep the word where it tells them apart
        if not full or not short or full[0] == short[0] or words[-1].lower() != "city":
            return _known_part(shorter) if not short else shorter
    return _known_part(name)


def _known_part(name: str) -> str:
    """"Naypyidaw Council Territory" -> "Naypyidaw" when only that is a known place; else the name."""
    words = name.split()
    if len(words) < 2 or words[-1].lower() not in _UNIT_WORDS or gazetteer().find(name):
        return name
    while len(words) > 1 and words[-1].lower() in _UNIT_WORDS:
        words = words[:-1]
        if gazetteer().find(" ".join(words)):
            return " ".join(words)
    return name


_PLACE_CONTEXT = re.compile(
    r"\b(?:in|at|near|across|from|into|throughout)\s+(?:the\s+)?(?P<name>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,2})"
    r"|(?P<kinded>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)?)\s+(?:Prefecture|Province|County|State|Governorate|City)\b")


_IN_REGION = re.compile(r"(?P<inner>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?),\s+"
                        r"(?P<region>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?)(?:\s+(?:Prefecture|Province|State|Region|Oblast|Governorate|Division))?\b")


def _role_weight(tok) -> float:
    """How much a place's mention says the article is about it: where things happen ("in X", "across X")
    counts double; the doer of a verb or the owner of an attack ("X struck", "X's offensive") half; where
    someone spoke ("told reporters in Geneva") a quarter."""
    if _where_spoken(tok):
        return 0.25
    if tok.dep_ == "pobj" and tok.head.lower_ in ("in", "across", "throughout", "inside", "on", "against"):
        return 2.0
    if tok.dep_ in ("nsubj", "poss") or (tok.dep_ == "compound" and _lem(tok.head) in ATTACK_NOUNS):
        return 0.5
    return 1.0


def _an_outlets_country(tok) -> bool:
    """"UK broadcaster Sky News", "Myanmar state media": where a news outlet is from."""
    return tok.dep_ in ("compound", "amod", "nmod") and tok.head.lower_ in NEWS_OUTLET_WORDS


_MARKED_PLACE = re.compile(r"\b(?P<a>[A-Z][\w'’-]+)\s+(?:City|Town|Village|Prefecture|County|Province)\b"
                           r"|\b(?:city|town|village|towns|cities) of (?P<b>[A-Z][\w'’-]+)")


_REGION_WORDS = r"(?:[Pp]refecture|[Pp]rovince|[Rr]egion|[Gg]overnorate|[Oo]blast|[Ss]tate)"
_REGION_MARKED = re.compile(rf"\b(?P<a>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)\s+"
                            rf"(?:{_REGION_WORDS}|prefectural|provincial)\b|\b{_REGION_WORDS}\s+of\s+(?P<b>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)")


def _small_town(p: Place) -> bool:
    return p.kind == "city" and p.population < 100_000


def _lookup(name: str) -> list[Place]:
    """The gazetteer's places for a name as written ("the Gaza Strip"), else for its clean form ("Gaza")."""
    g = gazetteer()
    raw = re.sub(r"^(?:the|a|an)\s+", "", name.strip(), flags=re.I)
    found = g.find(raw) or g.find(clean_name(name))
    words = raw.split()
    while not found and len(words) > 1 and words[-1].lower() in _UNIT_WORDS:
        # "Naypyidaw Council Territory", "Yangon Region Government": the name before the kind of unit
        words = words[:-1]
        found = g.find(" ".join(words))
    return found


_UNIT_WORDS = set(AREA_WORDS) | {"council", "union", "capital", "autonomous", "special", "federal", "area",
                                 "division", "zone", "administration", "government"}


class ArticlePlaces:
    """The places one article names, resolved once: which countries it is about, and its main place."""

    def __init__(self, doc):
        g = gazetteer()
        self._text_regions: dict[str, Place] = {}
        text = self.text = nlp.doc_text(doc)
        headline_end = text.find("\n") if 0 < text.find("\n") < 300 else 0
        names: Counter = Counter()
        outlets: Counter = Counter()        # of those, the weight said of news outlets' countries
        taken = []
        self.positions: list[tuple[int, str]] = []
        for ent in doc.ents:
            if ent.label_ in PLACE_LABELS:
                weight = (2 if ent.start_char < headline_end else 1) * _role_weight(ent.root)
                if _an_outlets_country(ent.root):
                    outlets[ent.text] += weight
                names[ent.text] += weight
                taken.append((ent.start_char, ent.end_char))
                self.positions.append((ent.start_char, ent.text))
        # names NER missed or took for people, where the words around say a place is meant and the
        # gazetteer knows it ("in Khan Younis", "Ishikawa Prefecture"); also in sentences left unparsed
        for m in _PLACE_CONTEXT.finditer(text):
            name = m.group("name") or m.group("kinded")
            start = m.start("name") if m.group("name") else m.start("kinded")
            if any(s <= start < e for s, e in taken) or not g.find(name):
                continue
            names[m.group("kinded") and m.group(0).strip() or name] += 2 if start < headline_end else 1
            self.positions.append((start, m.group("kinded") and m.group(0).strip() or name))
        self.positions.sort()
        # names the text itself marks as places, known to the gazetteer or not ("Suzu City", "the town of Shika")
        self.local_names = {fold(m.group("a") or m.group("b")) for m in _MARKED_PLACE.finditer(text)}
        # (people's names, "Israeli", "Japanese", are left out: as often the actor's side as the victims')
        # countries first from names that mean one country only, then the ambiguous ones by them
        self.countries: Counter = Counter()
        for name, n in names.items():
            found = _lookup(name)
            # (a small town's name is too often another country's town of the same name to vote:
            # "Noto" in a story of Japan's Noto peninsula is also a town in Sicily)
            if found and len({p.country for p in found}) == 1 and not all(_small_town(p) for p in found):
                self.countries[found[0].country] += n
        # the ambiguous ones ("Florida", "Georgia"): the country most of them can be in, then by that
        votes: Counter = Counter()
        for name, n in names.items():
            found = _lookup(name)
            if found and len({p.country for p in found}) > 1:
                votes.update({p.country for p in found})
        for name, n in names.items():
            found = _lookup(name)
            if found and len({p.country for p in found}) > 1:
                best = max(found, key=lambda p: (self.countries[p.country], votes[p.country], -_KIND_RANK[p.kind]))
                if self.countries[best.country] or votes[best.country] > 1:
                    self.countries[best.country] += n
        self.names = names
        # places the text puts in a region: "Wajima, Ishikawa Prefecture", "Asheville, North Carolina"
        for m in _IN_REGION.finditer(text):
            region = g.best(m.group("region"))
            if region is not None and region.kind == "region":
                self._text_regions.setdefault(fold(clean_name(m.group("inner"))), region)
        self._towns_of_the_one_region(names)
        self.place_keys = {fold(clean_name(n)) for n in names} | set(self._text_regions)
        self._regions_by_key = {}
        for name in names:
            place = self.resolve(name)
            if place is not None and place.kind == "region":
                self._regions_by_key.setdefault(place.key, place)
        self.units: Counter = Counter()
        self.outlet_units: Counter = Counter()
        for name, n in names.items():
            place = self.resolve(name)
            unit = self.unit(place) if place is not None else None
            if unit is not None:
                self.units[unit] += n
                self.outlet_units[unit] += outlets[name]
        # a country spoken of through its territories counts toward the one the article is about
        for country in [u for u in self.units if u.kind == "country" and g.territories(u.country)]:
            narrowed = self.narrowed(country)
            if narrowed != country:
                self.units[narrowed] += self.units.pop(country)

    def _towns_of_the_one_region(self, names) -> None:
        """Towns whose region the gazetteer does not name (it knows only that they share a first-level
        code), in an article that names one region of their country and no other: in that region. A story
        told from several regions, or towns of several codes, decides nothing."""
        g = gazetteer()
        regions: dict[str, set] = {}
        towns: dict[str, dict[str, set]] = {}
        # a region counts when the text marks it as one ("Ishikawa Prefecture", "the province of Aceh"): a
        # bare name is as often the town of the same name ("a boy from Toyama")
        for m in _REGION_MARKED.finditer(self.text):
            region = next((p for p in _lookup(m.group("a") or m.group("b")) if p.kind == "region"), None)
            if region is not None:
                regions.setdefault(region.country, set()).add(region)
        for name in names:
            found = _lookup(name)
            if not found:
                continue
            best = max(found, key=lambda p: (self.countries[p.country], -_KIND_RANK[p.kind], p.population))
            if best.kind == "city" and best.region is None and g.admin1_code(best):
                towns.setdefault(best.country, {}).setdefault(g.admin1_code(best), set()).add(name)
        for country, by_code in towns.items():
            if len(regions.get(country, ())) != 1 or len(by_code) != 1:
                continue
            (region,) = regions[country]
            for name in next(iter(by_code.values())):
                self._text_regions.setdefault(fold(clean_name(name)), region)

    def only_an_outlets(self, place: Place) -> bool:
        """Whether the article names a place only as a news outlet's country, among other places."""
        unit = self.unit(place)
        return any(u != unit for u in self.units) and self.units[unit] <= self.outlet_units[unit]

    def resolve(self, name: str) -> Optional[Place]:
        """The place a name means in this article: in one of its countries if it can be, the most named;
        a small town of a country the article is not about is no place of it; a name the text puts in a
        region ("Suzu, Ishikawa Prefecture") is a town of that region, known to the gazetteer or not."""
        found = _lookup(name)
        if found:
            best = max(found, key=lambda p: (self.countries[p.country], -_KIND_RANK[p.kind], p.population))
            if not (_small_town(best) and self.countries and not self.countries[best.country]):
                return best
        region = self._text_regions.get(fold(clean_name(name))) if name else None
        if region is not None:
            return Place(clean_name(name), "city", region.country, region.key, 0)
        return None

    def unit(self, place: Place) -> Optional[Place]:
        """What a place counts toward in this article: a territory stays itself, a place in a territory
        is that territory, anything else is its country."""
        g = gazetteer()
        if place.kind == "territory":
            return place
        if place.region:
            for t in g.territories(place.country):
                if t.key == place.region:
                    return t
        return g.country(place.country)

    def within(self, name: str) -> Optional[str]:
        """The places that hold a figure's place, largest first, as "Japan/Ishikawa" (by the gazetteer and
        by what the text says: "Wajima, Ishikawa Prefecture"), or None when the place is not known."""
        place = self.resolve(name)
        if place is None:
            return None
        g = gazetteer()
        chain = []
        country = g.country(place.country)
        if country is not None and country != place:
            chain.append(_named(country))
        region = self._regions_by_key.get(place.region) if place.region else None
        if region is None and place.kind in ("city", "county"):
            region = self._text_regions.get(fold(clean_name(name)))
        if region is None and place.region:
            region = next((t for t in g.territories(place.country) if t.key == place.region), None)
        if region is not None and region != place:
            chain.append(_named(region))
        return "/".join(chain) or None

    def holder_of_several(self, kinds: tuple[str, ...]) -> Optional[Place]:
        """The place that holds several places of a kind ("across six states": the article's country)."""
        if "country" in kinds:
            return None
        top = self.units.most_common(1)
        return top[0][0] if top else None

    def named_kind(self, source: str, before: int) -> Optional[str]:
        """A source that is a bare word of kind ("the prefecture", "the state", "the county government")
        named after the place of that kind the article names last before it ("Ishikawa Prefecture")."""
        words = fold(source).split()
        if not words or words[0] not in _KIND_WORDS or any(w not in _KIND_WORDS and w not in _GOVERNMENT_WORDS
                                                           for w in words[1:]):
            return None
        place = self.last_of(_KIND_WORDS[words[0]], before)
        name = _named(place) if place is not None else self.last_marked(words[0], before)
        if name is None:
            return None
        if fold(name).split()[-1] == words[0]:
            # "county officials" after "Buncombe County": "Buncombe County officials"
            return " ".join([name] + source.split()[1:])
        return f"{name} {source[0].upper()}{source[1:]}"

    def last_marked(self, kind_word: str, before: int) -> Optional[str]:
        """The last name the text marks with this kind word before a character ("Kerrow County"), known
        to the gazetteer or not."""
        found = None
        for m in re.finditer(rf"\b([A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)\s+{kind_word.title()}\b", self.text[:before]):
            found = m.group(0)
        return found

    def last_of(self, kinds: tuple[str, ...], before: int) -> Optional[Place]:
        """The last place of these kinds named before a character ("Georgia: ... died in the state"),
        else the article's one place of that kind."""
        best = None
        for start, name in self.positions:
            if start >= before:
                break
            place = self.resolve(name)
            if place is not None and place.kind in kinds:
                best = place
        return best or self.only(kinds)

    def only(self, kinds: tuple[str, ...]) -> Optional[Place]:
        """The article's most named place of these kinds ("the prefecture": the one prefecture it names)."""
        ranked = Counter()
        for name, n in self.names.items():
            place = self.resolve(clean_name(name))
            if place is not None and place.kind in kinds:
                ranked[place] += n
        top = ranked.most_common(2)
        if not top or (len(top) > 1 and top[1][1] == top[0][1]):
            return None
        return top[0][0]

    def main(self, besides: Optional[Place] = None, narrow: bool = True) -> Optional[Place]:
        """The place the article is about (other than ``besides``, an actor), if one stands out; with
        ``narrow``, the one region of a country the article is about, if there is one."""
        ranked = [(n, p) for p, n in self.units.most_common() if besides is None or self.unit(besides) != p]
        if not ranked:
            return None
        if len(ranked) > 1 and ranked[1][0] == ranked[0][0]:
            return None                                     # two places named as often: no guess
        return (self._region_of(ranked[0][1]) if narrow else None) or ranked[0][1]

    def _region_of(self, unit: Place) -> Optional[Place]:
        """The one region of a country an article is about: the region that it and the places in it
        (by the gazetteer, or by the text: "Wajima, Ishikawa Prefecture") take at least half of the
        country's mentions. A story across several regions stays with the country."""
        if unit.kind != "country":
            return None
        support: Counter = Counter()
        for name, n in self.names.items():
            place = self.resolve(name)
            if place is None or place.country != unit.country:
                continue
            if place.kind == "region":
                support[place] += n
            region = self._regions_by_key.get(place.region) if place.region else None
            region = region or self._text_regions.get(fold(clean_name(name)))
            if region is not None and region != place:
                support[region] += n
        top = support.most_common(2)
        if not top or (len(top) > 1 and top[1][1] * 2 > top[0][1]):
            return None
        return top[0][0] if top[0][1] * 2 >= self.units[unit] else None

    def narrowed(self, country: Place) -> Place:
        """A country spoken of through its territories, narrowed to the one the article is about."""
        territories = gazetteer().territories(country.country)
        if country.kind != "country" or not territories:
            return country
        named = [(self.units[t], t) for t in territories if self.units[t]]
        if not named:
            return country
        named.sort(key=lambda x: -x[0])
        return named[0][1] if len(named) == 1 or named[0][0] > named[1][0] else country


# --- the counted people's side of the sentence --------------------------------------------------------

def _is_place_token(tok, article: ArticlePlaces) -> bool:
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


def _name_at(tok) -> str:
    """The whole name a token belongs to (its entity, else its compound chain)."""
    if tok.ent_type_:
        for ent in tok.doc.ents:
            if ent.start <= tok.i < ent.end:
                return ent.text
    toks = [t for t in tok.subtree if t.dep_ == "compound" or t.i == tok.i]
    toks = [t for t in toks if t.i <= tok.i]
    return " ".join(t.text for t in sorted(toks, key=lambda t: t.i))


def _place_in_pobj(pobj, article: ArticlePlaces):
    """The place an "in ..." phrase names: the object itself ("in Wajima", "in the Gaza Strip"), the
    "of" of a kind word ("in the town of Shika"), or the place of an event there ("in an air strike in
    Rafah"); never a possessive or adjective of an attack ("in Israel's bombardment")."""
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
        return article.last_of(_KIND_WORDS[_lem(pobj)], pobj.idx)     # "in the state": the one just named
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
        for ch in pobj.children:
            if ch.dep_ in ("compound", "amod") and _is_place_token(ch, article):
                return ch                              # "the Wajima city area"
    attack = _lem(pobj) in ATTACK_NOUNS | WAR_START_NOUNS | DISASTER_NOUNS
    for ch in pobj.children:
        # "in the earthquake that hit Ishikawa Prefecture", "the storm that struck Florida"
        if attack and ch.dep_ in ("relcl", "acl") and _is_verbal(ch):
            for g in ch.children:
                if g.dep_ == "dobj":
                    inner = _place_in_pobj(g, article)
                    if inner is not None:
                        return inner
        # "in an air strike in Rafah", and an attack's target: "in strikes on Kordavia"
        if ch.dep_ == "prep" and (ch.lower_ in PLACE_PREPS or (attack and ch.lower_ in ("on", "against"))):
            for p in ch.children:
                if p.dep_ == "pobj":
                    inner = _place_in_pobj(p, article)
                    if inner is not None:
                        return inner
    return None


# Events of a story that happen somewhere, as attacks do: where they hit is where their dead are.
DISASTER_NOUNS = {"earthquake", "quake", "storm", "hurricane", "typhoon", "cyclone", "flood", "flooding", "landslide",
                  "tsunami", "eruption", "fire", "wildfire", "tornado", "disaster", "collapse", "explosion", "crash"}
_GOVERNMENT_WORDS = {"government", "governments", "authorities", "officials", "office", "administration"}
_SEVERAL_WORDS = {"several", "many", "multiple", "all", "numerous", "various", "both", "other", "some", "the"}
# Several places at once, with nothing that holds them all: no one place.
SEVERAL = Place("", "country", "")
_AREA_NOUNS = {"town", "city", "village", "province", "prefecture", "region", "district", "county", "state",
               "area", "part", "north", "south", "east", "west", "center", "centre", "territory", "land", "soil",
               "side", "border"}


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
    return None


def _place_that_had(c: _Cand, article: ArticlePlaces):
    """"Buncombe County suffered 42 deaths", "Suzu recorded 99 deaths", "Yancey County had 11": a place
    that is the subject of the verb whose object is the counted people had them; a place that killed
    ("Belmoria killed 9,310") did not."""
    v = c.verb
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


def _toll_place(c: _Cand, article: ArticlePlaces):
    """"Japan's death toll", "the Myanmar quake toll", "the toll in Ishikawa", "the toll from the quake in X"."""
    nouns = [t for t in [c.np, c.verb] if t is not None and _lem(t) in ESTIMATE_NOUNS and not _is_verbal(t)]
    if c.verb is not None and _is_verbal(c.verb):
        nouns += [g for g in c.verb.children if g.dep_ in SUBJ_DEPS | {"dobj"} and _lem(g) in ESTIMATE_NOUNS]
    for noun in nouns:
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


_KIND_WORDS = {"prefecture": ("region",), "state": ("region",), "province": ("region",), "region": ("region",),
               "county": ("county",), "country": ("country",), "nation": ("country",), "city": ("city",),
               "town": ("city",), "enclave": ("territory",), "strip": ("territory",), "territory": ("territory",)}


# verbs whose object is what was said, never the count ("reported 42 deaths in Buncombe County" is not here)
_SPEAKING_VERBS = {"say", "tell", "speak", "talk", "add"}
_SPEAKING_NOUNS = {"briefing", "conference", "interview", "statement", "meeting", "summit", "speech", "session",
                   "hearing", "address", "visit"}


def _where_spoken(tok) -> bool:
    """"told reporters in New York", "said at a briefing in Geneva": a place where someone spoke."""
    if tok.dep_ != "pobj" or tok.head.lower_ not in ("in", "at", "from"):
        return False
    a = tok.head.head
    for _ in range(3):
        if _lem(a) in _SPEAKING_VERBS and a.pos_ == "VERB":
            return a.i < tok.i                  # not a fronted "In Khan Younis, ... medics said"
        if not (_lem(a) in _SPEAKING_NOUNS and a.dep_ == "pobj" and a.head.dep_ == "prep"):
            return False
        a = a.head.head                         # "at a briefing in Geneva": up to the verb of the briefing
    return False


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
        if t.dep_ != "pobj" or _source_side(t) or _in_a_part(t, c):
            continue
        target = t.head.lower_ in ("on", "against") and _lem(t.head.head) in ATTACK_NOUNS | WAR_START_NOUNS
        if t.head.lower_ not in preps and not target:
            continue
        tok = _place_in_pobj(t, article)
        if isinstance(tok, Place):
            found.append(tok)
        elif tok is not None and _the_kind_word(tok):
            earlier = article.last_of(_KIND_WORDS[_lem(tok)], tok.idx)
            if earlier is not None:
                found.append(earlier)
        elif tok is not None:
            found.append(article.resolve(clean_name(_name_at(tok))) or clean_name(_name_at(tok)))
        for conj in (x for x in t.conjuncts if x.dep_ == "conj"):     # "across Florida and the southeast US"
            more = _place_in_pobj(conj, article)
            if more is not None:
                found.append(more if isinstance(more, Place) else
                             article.resolve(clean_name(_name_at(more))) or clean_name(_name_at(more)))
    return found


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
        if a.i == c.root.i:
            return False
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
    """"wounded in Israel's ongoing offensive", "killed in Russia's war": the name owns the violence, it is
    not where the people were ("killed in Gaza's north" is)."""
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
    inner = _POSSESSED_PLACE.match(nlp.doc_text(c.root.doc)[c.num.end + m.end("name"):c.num.end + 120]) \
        if re.search(r"['’]s$", name) else None
    if inner and article.resolve(clean_name(inner.group("inner"))) is not None:
        return clean_name(inner.group("inner"))         # "in Japan's quake-hit Ishikawa prefecture": Ishikawa
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


class _Where:
    """What the place rules look at."""

    def __init__(self, c: _Cand, article: ArticlePlaces, source: Optional[str]):
        self.c, self.article, self.source = c, article, source

    @functools.cached_property
    def in_place(self):
        return _in_place(self.c, self.article)

    @functools.cached_property
    def holder_of_most(self) -> Optional[Place]:
        """The country (or territory) of a place said to hold most of the count ("mostly in Bangkok")."""
        for head in _victim_heads(self.c):
            for prep in head.subtree:
                if prep.dep_ != "prep" or prep.lower_ not in _preps_for(self.c.measure):
                    continue
                for p in prep.children:
                    found = _place_in_pobj(p, self.article) if p.dep_ == "pobj" else None
                    if found is None or not _where_most_were(p, self.c):
                        continue
                    place = found if isinstance(found, Place) else \
                        self.article.resolve(clean_name(_name_at(found)))
                    unit = self.article.unit(place) if place is not None and place is not SEVERAL else None
                    if unit is not None and unit != place:
                        return unit
        return None

    @functools.cached_property
    def right_after(self) -> Optional[str]:
        return _right_after(self.c, self.article)

    @functools.cached_property
    def label_place(self) -> Optional[str]:
        """The label of a "Georgia: 25 people" line, when it names a place."""
        if not self.c.in_list or self.c.listed_after is not None:
            return None
        text = nlp.doc_text(self.c.root.doc)
        line = text[text.rfind("\n", 0, self.c.num.start) + 1:self.c.num.start]
        raw = line.strip(" -•*–:\t")
        label = clean_name(raw)
        kinded = re.search(r"\s(?:County|Prefecture|Province|State|Governorate|District|City)$", raw)
        return label if self.article.resolve(label) is not None or kinded else None

    @functools.cached_property
    def place_that_had(self):
        return _place_that_had(self.c, self.article)

    @functools.cached_property
    def toll_place(self):
        return _toll_place(self.c, self.article)

    @functools.cached_property
    def sentence_place(self):
        """The one place the sentence names, or the one that holds all the others it names."""
        found = _sentence_places(self.c, self.article)
        distinct = list(dict.fromkeys(found))
        if len(distinct) == 1:
            return distinct[0]
        places = [p for p in distinct if isinstance(p, Place)]
        if len(places) != len(distinct):
            return None
        g = gazetteer()
        holders = [p for p in places if all(g.within(q, p) for q in places)]
        return holders[0] if holders else None

    @functools.cached_property
    def demonym(self) -> Optional[Place]:
        return _demonym_in_group(self.c, self.article)

    @functools.cached_property
    def actor(self) -> Optional[Place]:
        return _actor(self.c, self.article)

    @functools.cached_property
    def source_place(self) -> Optional[Place]:
        found = self._source_place()
        if found is not None and NEWS_OUTLET_WORDS & set(fold(self.source).split()) and \
                self.article.only_an_outlets(found):
            return None         # "UK broadcaster Sky News" on a quake in Myanmar: an outlet's country, not the story's
        return found

    def _source_place(self) -> Optional[Place]:
        if not self.source or _combatants(self.c) or _a_person(self.source, self.c.sent):
            return None
        for run in re.findall(r"[A-Z][\w'’-]*\.?(?:\s+[A-Z][\w'’-]*\.?)*", self.source):
            words = run.split()
            for n in range(len(words), 0, -1):          # "Gaza Health Ministry": "Gaza"
                for i in range(len(words) - n + 1):
                    w = " ".join(words[i:i + n])
                    place = self.article.resolve(w)
                    if place is not None and place.kind != "city":
                        return self.article.narrowed(place)
                    demonym = gazetteer().demonym(w)
                    if demonym is not None:
                        return self.article.narrowed(demonym)
        return None

    def narrower_than_source(self) -> Optional[str]:
        """A place the sentence names inside the counting authority's ("Myanmar's fire department ... in
        Mandalay"): the authority counts there."""
        p = self.sentence_place
        if isinstance(p, Place) and p is not SEVERAL and p != self.source_place and \
                gazetteer().within(p, self.source_place):
            return _named(p)
        return None

    def token_name(self, found) -> Optional[str]:
        """How a found place is written: as the text names it, or as the gazetteer does for a people's place."""
        if found is SEVERAL:
            return None
        if not isinstance(found, Place) and _the_kind_word(found):
            return _named(self.article.last_of(_KIND_WORDS[_lem(found)], found.idx))
        return _named(found) if isinstance(found, Place) else clean_name(_name_at(found))


def _a_person(source: str, sent) -> bool:
    """Whether the source is a person NER named ("Gov. Roy Cooper"): a person is no place."""
    return any(ent.label_ == "PERSON" and ent.text in source for ent in sent.doc.ents
               if sent.start_char <= ent.start_char < sent.end_char)


def _combatants(c: _Cand) -> bool:
    return any(_lem(t) in COMBATANT_WORDS for t in [c.np] + list(c.np.children))


def _named(place: Optional[Place]) -> Optional[str]:
    """How a place the gazetteer found is written: its name without a last word of kind, but for
    counties ("Gaza Strip" -> "Gaza", "Ishikawa Prefecture" -> "Ishikawa", "Buncombe County" stays)."""
    if place is None:
        return None
    words = place.name.split()
    while len(words) > 1 and words[-1].lower() in AREA_WORDS and words[-1].lower() != "county":
        words = words[:-1]
    return " ".join(words)


def _own_place(c: _Cand) -> bool:
    """Whether the figure's own words placed it (not the authority or the article)."""
    return any(d in c.trace.decided("figures.place") for d in (
        "figures.place:place/in-X-right-after-the-number", "figures.place:place/in-X-where-they-were",
        "figures.place:place/the-toll-of-X", "figures.place:place/people-named-by-country",
        "figures.place:place/the-place-that-had-them"))


def inferred(c: _Cand) -> bool:
    """Whether the figure's place is the article's, not said of the figure itself."""
    return c.trace.decided("figures.place")[-1:] in (["figures.place:place/the-article's-place"],
                                                    ["figures.place:place/the-event's-toll"],
                                                    ["figures.place:place/the-event's-victims"])


PLACE = Table("figures.place", runner="figures", subject="the counted people's side of the sentence (_Where)", rules=(
    Rule("place/in-X-right-after-the-number", lambda w: w.right_after is not None, lambda w: w.right_after,
         examples=("Of the 72 deaths, 39 were in Valtra, 22 in Brega and five in Holm.",
                   "Officials said 11 people in Georgia and two in Florida had died.")),
    Rule("place/in-X-where-they-were", lambda w: w.in_place is not None, lambda w: w.token_name(w.in_place),
         examples=("At least 48 people were killed in Ishikawa Prefecture after the quake.",
                   "Flooding hit Ishikawa Prefecture on Monday. The death toll has climbed to 168 in the prefecture, "
                   "officials said.",
                   "Shelling killed 32 people in the town of Marovka on Tuesday.",
                   "There are 9,000 displaced people in Kherson, the governor said.")),
    Rule("place/the-holder-of-where-most-were", lambda w: w.holder_of_most is not None,
         lambda w: _named(w.holder_of_most),
         examples=("Neighbouring Laos also reported casualties, with 9 confirmed dead, mostly in Vientiane.",
                   "The floods killed 85 people, mainly in Sindh province, officials said.",
                   "Rockets wounded 40 people, mostly in Sderot, medics said."),
         why="the place of most of them is not the place of all of them: the country that holds it is"),
    Rule("place/the-line's-label", lambda w: w.label_place is not None, lambda w: w.label_place,
         examples=("The agency broke down the deaths by county:\n- Holm County: 12 people\n- Tarn County: 7 people",)),
    Rule("place/the-toll-of-X", lambda w: w.toll_place is not None, lambda w: w.token_name(w.toll_place),
         examples=("Japan's death toll rose to 168 on Monday.", "The death toll in Myanmar has risen to 2,719.")),
    Rule("place/the-place-that-had-them", lambda w: w.place_that_had is not None,
         lambda w: w.token_name(w.place_that_had),
         examples=("Osmund County suffered 42 deaths, the highest toll of the counties.",
                   "Floods hit Japan again. Nagano recorded 99 deaths, the most of any prefecture."),
         counter_examples=("Belmoria has killed 9,310 people since the invasion.",)),
    Rule("place/people-named-by-country", lambda w: w.demonym is not None, lambda w: _named(w.demonym),
         examples=("The flooding has killed 40 Pakistanis and 12 Afghans, officials said.",
                   "Air strikes killed 20 Syrian soldiers on Sunday, the monitor said.")),
    Rule("place/the-event's-toll", lambda w: _event_toll(w.c) and w.article.main(w.actor, narrow=False) is not None,
         lambda w: _named(w.article.main(w.actor, narrow=False)),
         examples=("Floods hit Cork. Dublin was spared. Kerry was flooded too. Storm Bera's death toll has passed "
                   "150, officials said.",),
         why="the toll of the story's event (a storm, a quake, a war) is counted wherever it struck: its country"),
    Rule("place/counted-by-its-authority", lambda w: w.source_place is not None,
         lambda w: w.narrower_than_source() or _named(w.source_place),
         examples=("The death toll has risen to 3,145, the Myanmar government said.",),
         counter_examples=("Over 9,000 militants have been killed, the Belmorian army said.",),
         why="a health ministry or government counts its own side's people, not the enemy's fighters"),
    Rule("place/the-sentence's-one-place", lambda w: w.sentence_place is not None,
         lambda w: w.sentence_place if isinstance(w.sentence_place, str) else w.token_name(w.sentence_place),
         examples=("In Sagaing, rescuers said the death toll had risen to 300 by Sunday.",
                   "Officials said 25,000 have been killed in Kordavia so far, and another 60,000 have been injured.")),
    Rule("place/the-event's-victims",
         lambda w: _event_killed(w.c) and w.article.main(w.actor, narrow=False) is not None,
         lambda w: _named(w.article.main(w.actor, narrow=False)),
         examples=("Hurricane Mara hit Florida on Monday and moved into Georgia. Florida took the worst of it. "
                   "Mara killed at least 40 people, officials said.",
                   "The earthquake struck near Gaziantep. Hatay and Adana were also hit. The quake killed 1,500 "
                   "people, rescuers said."),
         why="the people the story's event (a storm, a quake) killed were killed wherever it struck: its country"),
    Rule("place/the-article's-place", lambda w: w.article.main(w.actor) is not None,
         lambda w: _named(w.article.main(w.actor)),
         examples=("Earthquake in Turkey\nRescuers said the death toll had risen to 1,500.",),
         why="a figure whose sentence names no place counts people where the story is (not the actor's side)"),
))


_EVENT_WORDS = {"hurricane", "typhoon", "cyclone", "storm", "earthquake", "quake", "flood", "floods", "flooding",
                "war", "conflict", "tsunami", "eruption", "disaster", "wildfire", "fire", "landslide", "offensive"}


def _event_toll(c: _Cand) -> bool:
    """"Hurricane Helene's death toll", "the toll from the earthquake": a toll said of an event, not of a place."""
    nouns = [t for t in [c.np, c.verb] if t is not None and _lem(t) in ESTIMATE_NOUNS and not _is_verbal(t)]
    if c.verb is not None and _is_verbal(c.verb):
        nouns += [g for g in c.verb.children if g.dep_ in SUBJ_DEPS | {"dobj"} and _lem(g) in ESTIMATE_NOUNS]
    for noun in nouns:
        for ch in noun.children:
            words = {t.lower_ for t in ch.subtree}
            if ch.dep_ in ("poss", "compound") and (words & _EVENT_WORDS or ch.ent_type_ == "EVENT"):
                return True
            if ch.dep_ == "prep" and ch.lower_ in ("from", "of", "in") and words & _EVENT_WORDS:
                return True
    return False


def _event_killed(c: _Cand) -> bool:
    """"Helene killed at least 123 people", "the quake has killed 1,500", "Helene passed the milestone of 200
    fatalities", "230 people have been confirmed dead as a result of the cyclone": the event is the killer."""
    main = c.events.main.lower() if c.events is not None and c.events.main else None

    def is_event(tok) -> bool:
        words = [t.lower_ for t in tok.subtree]
        return bool(set(words) & _EVENT_WORDS) or bool(main and main in " ".join(words))

    v = c.verb
    if v is not None and not _is_verbal(v) and c.role == "pobj" and _is_verbal(v.head):
        v = v.head                                  # "passed the milestone of 200 fatalities"
    if v is None or not _is_verbal(v):
        return False
    if c.role in ("obj", "pobj") and _lem(v) in KILLED_VERBS | _EVENT_TOLL_VERBS:
        if any(g.dep_ == "nsubj" and is_event(g) for g in v.children):
            return True
    # "died in the storm", "dead as a result of the cyclone", "killed by the quake"
    for p in v.subtree:
        if p.dep_ in ("prep", "agent") and p.head.i in {v.i, c.np.i} | {ch.i for ch in v.children} and \
                p.lower_ in ("in", "from", "by", "after", "during", "as", "due") and \
                any(o.dep_ == "pobj" and _lem(o) in _EVENT_WORDS and is_event(o) for o in p.subtree):
            return True
    return False


_EVENT_TOLL_VERBS = {"claim", "pass", "surpass", "top", "exceed", "reach", "cross", "cause", "leave"}


def place_of(c: _Cand, article: ArticlePlaces) -> Optional[str]:
    """The figure's place (see the module docstring), recorded in its trace."""
    return PLACE.decide(_Where(c, article, c.source), c.trace)
