"""The places one article names, resolved once through the gazetteer (``lexicon.gazetteer``): the countries
it is about, its main place, the regions the text puts towns in, what each place counts toward (its unit),
and which places are only news outlets' countries. A figure whose own sentence names no place takes the
article's (``ArticlePlaces.main``).
"""
from __future__ import annotations

import functools
import re
from collections import Counter
from typing import Optional

from ... import nlp
from ...datelines import dateline_end, opening_datelines
from ...lexicon.gazetteer import COMPASS_WORDS, Place, fold, gazetteer
from ..lexicon import ATTACK_NOUNS, NEWS_OUTLET_WORDS, WORLD_REGIONS
from ..parse import _lem
from .names import _KIND_WORDS, _UNIT_WORDS, PLACE_LABELS, _named, carried_name, clean_name, name_with_its_head

_KIND_RANK = {"country": 0, "territory": 1, "region": 2, "county": 3, "city": 4}
_GOVERNMENT_WORDS = {"government", "governments", "authorities", "officials", "office", "administration"}


_PLACE_CONTEXT = re.compile(
    r"\b(?:in|at|near|across|from|into|throughout)\s+(?:the\s+)?(?P<name>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,2})"
    r"|(?P<kinded>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)?)\s+(?:Prefecture|Province|County|State|Governorate|City)\b")


_IN_REGION = re.compile(r"(?P<inner>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?),\s+"
                        r"(?P<region>[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)?)(?:\s+(?:Prefecture|Province|State|Region|Oblast|Governorate|Division))?\b")


# who acts or speaks for a country abroad ("US troops", "Chile's president", "Russian firms"): a country named as
# their owner is a side in the story, not where it happens
_ACTOR_NOUNS = {"troop", "force", "army", "military", "soldier", "navy", "marine", "jet", "warplane", "president",
                "envoy", "ambassador", "embassy", "diplomat", "company", "firm", "general", "leader", "defense",
                "defence", "buyer", "investor"}


_SPEAKER_NOUNS = {"official", "spokesman", "spokeswoman", "spokesperson"}


def _an_actors_owner(tok) -> bool:
    return tok.dep_ in ("compound", "poss", "nmod", "amod") and _lem(tok.head) in _ACTOR_NOUNS


# buildings and sights named after a place ("the Bahia palace", "the Hilton hotel", "Olympia stadium")
_LANDMARK_NOUNS = {"palace", "hotel", "museum", "stadium", "airport", "university", "garden", "gardens", "tower",
                   "station", "avenue", "boulevard", "theatre", "theater", "cathedral"}


_LANDMARK_AFTER = re.compile(r"\s+(?:" + "|".join(sorted(_LANDMARK_NOUNS)) + r")\b", re.I)


def _role_weight(tok) -> float:
    """How much a place's mention says the article is about it: where things happen ("in X", "across X")
    counts double; the doer of a verb or the owner of an attack ("X struck", "X's offensive") half; where
    someone spoke ("told reporters in Geneva") or whose troops or president act ("US troops") a quarter."""
    if tok.dep_ == "compound" and _lem(tok.head) in _LANDMARK_NOUNS:
        return 0.0                              # "a guesthouse near the Bahia palace": a landmark's name
    if _where_spoken(tok) or _an_actors_owner(tok):
        return 0.25
    if tok.dep_ in ("compound", "poss", "nmod") and _lem(tok.head) in _SPEAKER_NOUNS:
        return 0.5                              # "US defense officials say": the speakers' side, as a doer's
    if tok.dep_ == "pobj" and tok.head.lower_ in ("in", "across", "throughout", "inside", "on", "against"):
        return 2.0
    if tok.dep_ in ("nsubj", "poss") or (tok.dep_ == "compound" and _lem(tok.head) in ATTACK_NOUNS):
        return 0.5
    return 1.0


def _an_outlets_country(tok) -> bool:
    """"UK broadcaster Sky News", "Myanmar state media": where a news outlet is from."""
    return tok.dep_ in ("compound", "amod", "nmod") and tok.head.lower_ in NEWS_OUTLET_WORDS


# verbs whose object is what was said, never the count ("reported 42 deaths in Buncombe County" is not here),
# and where people met to say it ("mediators met in Geneva")
_SPEAKING_VERBS = {"say", "tell", "speak", "talk", "add", "meet", "convene"}
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
        if _lem(a) in _SPEAKING_NOUNS and a.dep_ == "dobj":
            a = a.head                          # "told a press conference in Port Sudan": the verb it was told to
            continue
        if not (_lem(a) in _SPEAKING_NOUNS and a.dep_ == "pobj" and a.head.dep_ == "prep"):
            return False
        a = a.head.head                         # "at a briefing in Geneva": up to the verb of the briefing
    return False


_MARKED_PLACE = re.compile(r"\b(?P<a>[A-Z][\w'’-]+)\s+(?:City|Town|Village|Prefecture|County|Province)\b"
                           r"|\b(?:city|town|village|towns|cities) of (?P<b>[A-Z][\w'’-]+)")


# words that describe an area rather than name it: "Northern district", "the Central province"
AREA_DESCRIBERS = COMPASS_WORDS | {"northern", "southern", "eastern", "western", "upper", "lower", "coastal",
                                    "border", "rural", "remote", "neighbouring", "neighboring", "capital", "hardest"}
_REGION_WORDS = r"(?:[Pp]refecture|[Pp]rovince|[Rr]egion|[Gg]overnorate|[Oo]blast|[Ss]tate)"
_MARKED_REGION = re.compile(r"\b(?P<name>[A-Z][a-z][\w'’-]*(?:\s+[A-Z][a-z][\w'’-]*)?)\s+"
                            r"(?:region|province|governorate|oblast|prefecture)\b")
_REGION_MARKED = re.compile(rf"\b(?P<a>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)\s+"
                            rf"(?:{_REGION_WORDS}|prefectural|provincial)\b|\b{_REGION_WORDS}\s+of\s+(?P<b>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+)?)")


# nature's events, whose place is where their dead were ("Nepal earthquake victims", "the quake in Nepal",
# "quake-hit Nepal"); read from the text, as sentences without a number are not parsed. Not a war, whose
# compounds name either side ("the Belmoria-Kordavia war").
_DISASTER = r"(?:[Ee]arthquakes?|[Qq]uakes?|[Hh]urricane|[Tt]yphoon|[Cc]yclone|[Ss]torms?|[Ff]loods?|[Ff]looding|" \
            r"[Tt]sunami|[Ee]ruption|[Ww]ildfires?|[Ll]andslides?|[Mm]udslides?|[Tt]ornado(?:es)?)"
_NAME = r"[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2}"
_DISASTERS_PLACE = re.compile(rf"(?P<a>{_NAME})(?:['’]s)?\s+(?:(?:[\d.]+-magnitude|deadly|devastating|massive)\s+)?"
                              rf"{_DISASTER}\b|\b{_DISASTER}\s+(?:in|on|off|that\s+(?:hit|struck|ravaged|devastated))"
                              rf"\s+(?:the\s+)?(?P<b>{_NAME})|\b(?:quake|storm|flood|tsunami|hurricane|cyclone)-"
                              rf"(?:hit|ravaged|stricken|struck|devastated)\s+(?P<c>{_NAME})")


_DETERMINERS = {"the", "a", "an", "this", "that", "these", "those", "its", "their", "his", "her", "our", "each",
                "every", "one", "another", "which", "whose", "same", "whole", "entire"}
_HOLDER_OF_REGION = re.compile(r"['’]s\s+(?:[a-z-]+\s+){0,2}(?:(?:region|province|state|prefecture|oblast|governorate)"
                               r"\s+of\s+)?(?P<region>[A-Z][\w'’-]*(?:\s+(?:[A-Z][\w'’-]*|do|da|de|del))*)"
                               r"(?P<kind>\s+(?:region|province|state|prefecture|oblast|governorate)\b)?")
_WRITTEN_AS_A_CITY = re.compile(r"\b(?:capital|city|town)(?:\s+of)?,?\s+$", re.I)


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
                if not weight:
                    continue
                if dateline_end(text, ent.start_char) is not None:
                    weight *= 0.25          # "MOSCOW (Reuters) -": where the reporter files from
                # "Rio Grande" + " do Sul", and "Sul" after "Rio Grande do ": one name
                name, end = carried_name(text, name_with_its_head(text, ent.text, ent.start_char), ent.end_char)
                if _an_outlets_country(ent.root):
                    outlets[name] += weight
                names[name] += weight
                taken.append((ent.start_char, end))
                self.positions.append((ent.start_char, name))
        # a wire dateline NER left out ("MARRAKECH (Travel Desk) —"): where the reporter files from, a quarter
        line = next((d for d in opening_datelines(text) if d.place), None)
        first = line.place.split(",")[0].strip() if line is not None else ""
        if first and not any(s <= line.start < e for s, e in taken) and g.find(first.title()):
            names[first.title()] += 0.25
            self.positions.append((line.start, first.title()))
            taken.append((line.start, line.start + len(first)))
        # names NER missed or took for people, where the words around say a place is meant and the
        # gazetteer knows it ("in Khan Younis", "Ishikawa Prefecture"); also in sentences left unparsed
        for m in _PLACE_CONTEXT.finditer(text):
            name = m.group("name") or m.group("kinded")
            start = m.start("name") if m.group("name") else m.start("kinded")
            if any(s <= start < e for s, e in taken) or not g.find(name):
                continue
            if m.group("name") and _LANDMARK_AFTER.match(text, m.end("name")):
                continue                    # "near the Bahia palace": the palace's name, not a place of the story
            names[m.group("kinded") and m.group(0).strip() or name] += 2 if start < headline_end else 1
            self.positions.append((start, m.group("kinded") and m.group(0).strip() or name))
        # a region the text names by its kind word, which the gazetteer spells otherwise or not at all ("Ethiopia's
        # Amhara region", "the Tigray region"): a region of the article's country
        self._marked_regions: set[str] = set()
        for m in _MARKED_REGION.finditer(text):
            name = re.sub(r"^.*['’]s\s+", "", m.group("name"))          # "Ethiopia's Amhara region": Amhara
            if g.find(name) or g.demonym(name) is not None or fold(name) in COMPASS_WORDS or \
                    fold(name).split()[0] in AREA_DESCRIBERS | _DETERMINERS:
                continue
            self._marked_regions.add(fold(name))
            if not any(s <= m.start() < e for s, e in taken):
                self.positions.append((m.start(), name))
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
                # a country's name votes for another country only through a region of that name (the US
                # state "Georgia"), not through towns abroad that bear it
                if any(p.kind == "country" for p in found):
                    found = [p for p in found if p.kind in ("country", "territory", "region")]
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
            best = self.resolve(name)
            if best is not None and best.kind == "city" and best.region is None and g.admin1_code(best):
                towns.setdefault(best.country, {}).setdefault(g.admin1_code(best), set()).add(name)
        for country, by_code in towns.items():
            if len(regions.get(country, ())) != 1 or len(by_code) != 1:
                continue
            (region,) = regions[country]
            for name in next(iter(by_code.values())):
                self._text_regions.setdefault(fold(clean_name(name)), region)

    def tells_of(self, place: Place) -> bool:
        """Whether the article names ``place``'s country as a place (or names no place at all): "eight
        Chinese were killed" in an article of another country's quake names their nationality, not where."""
        return not self.units or any(u.country == place.country for u in self.units)

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
        if name and fold(clean_name(name)) in self._marked_regions and self.countries:
            return Place(clean_name(name), "region", self.countries.most_common(1)[0][0], None, 0)
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
        else the article's one place of that kind; but "the country" of a story told in one country is
        that country, whatever other country was named last (a neighbour, an example, a mediator)."""
        if kinds == ("country",):
            main = self.main(narrow=False)
            if main is not None and main.kind == "country":
                return main
        best = None
        for start, name in self.positions:
            if start >= before:
                break
            if dateline_end(self.text, start) is not None:
                continue                    # "ADDIS ABABA (AFP) -": where the reporter files from
            if "city" not in kinds and _WRITTEN_AS_A_CITY.search(self.text, max(0, start - 12), start):
                continue                    # "the capital Addis Ababa": a city, though the gazetteer knows a region
            place = self.resolve(name)
            # (or a name the text gives that kind: "Ukraine's Kharkiv region", though Kharkiv is also a city)
            marked = any(re.match(r"\s+" + k + r"\b", self.text[start + len(name):start + len(name) + 20], re.I)
                         for k in kinds if k != "city")
            if place is not None and (place.kind in kinds or marked):
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

    @functools.cached_property
    def disasters_place(self) -> Optional[Place]:
        """The country (or territory) where the article's disaster struck, as its words say ("Nepal earthquake
        victims"), when one stands out: a benefit concert in London for it is not where its dead were."""
        units: Counter = Counter()
        for m in _DISASTERS_PLACE.finditer(self.text):
            if re.search(r"\b(?:1[89]|20)\d\d\s*$", self.text[max(0, m.start() - 8):m.start()]):
                continue                # "the 2015 Nepal earthquake": another event, dated
            group = "a" if m.group("a") else "b" if m.group("b") else "c"
            name = name_with_its_head(self.text, m.group(group), m.start(group))     # "Rio Grande do Sul floods"
            place = self.resolve(re.sub(r"^(?:The|A|An)\s+", "", name))
            if place is not None:
                units[self.unit(place)] += 1
        top = units.most_common(2)
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
        """``_one_region_of``, once per article and unit (asked for every figure whose place is the article's)."""
        cache = self.__dict__.setdefault("_region_cache", {})
        if unit not in cache:
            cache[unit] = self._one_region_of(unit)
        return cache[unit]

    def _one_region_of(self, unit: Place) -> Optional[Place]:
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
            if region is None and place.region:
                # a town's region the article never names ("Lahaina" in Hawaii): the gazetteer's
                region = next((r for r in gazetteer().find(place.region)
                               if r.kind == "region" and r.country == place.country), None)
            region = region or self._text_regions.get(fold(clean_name(name)))
            if region is not None and region != place:
                support[region] += n
        # the country named as the holder of its region ("Ethiopia's Amhara region") speaks of the region
        held = 0
        for start, name in self.positions:
            m = _HOLDER_OF_REGION.match(self.text, start + len(name))
            region = self.resolve(m.group("region")) if m else None
            if region is not None and (region.kind == "region" or m.group("kind")) and \
                    region.country == unit.country and self.resolve(name) == unit:
                support[region] += 1
                held += 1
        top = support.most_common(2)
        if not top or (len(top) > 1 and top[1][1] * 2 > top[0][1]) or top[0][1] < 1:
            return None                 # (< 1: named only where someone spoke or filed from, no event there)
        return top[0][0] if top[0][1] * 2 >= self.units[unit] - held + self._unknown_weight else None

    @functools.cached_property
    def _unknown_weight(self) -> float:
        """How much the article names places no gazetteer knows (villages, camps, communes): they lie in
        some region too, so a region named less than they are is not the one the article is about."""
        return sum(n for name, n in self.names.items() if self.resolve(name) is None and
                   re.sub(r"^the\s+", "", name.strip().lower()) not in WORLD_REGIONS and
                   name[:1].isupper() and len(name) > 3)

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
