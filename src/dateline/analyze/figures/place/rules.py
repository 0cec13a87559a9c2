"""The rule table that decides a figure's place (``PLACE``, "figures.place"), in order: the place the
figure's own words give it, the place its authority counts for, the one place its sentence names, else the
place its story's event struck or the article is about; and the helpers the rules read (``_Where``), which
tell whether a figure's place was inferred (the article's) or its own. See the package docstring.
"""
from __future__ import annotations

import functools
import re
from typing import Optional

from ... import nlp
from ...lexicon.gazetteer import Place, fold, gazetteer
from ...rules import Rule, Table
from ..candidate import _Cand
from ..lexicon import (
    ATTACK_NOUNS, COMBATANT_NOUNS, ESTIMATE_NOUNS, HAPPENING_NOUNS, KILLED_VERBS, NEWS_OUTLET_WORDS, STORY_EVENT_NOUNS,
    SUBJ_DEPS, WAR_START_NOUNS,
)
from ..lists import BY_AREA, LABEL_LINE, bracketed_item, inline_item, place_with_count_name
from ..parse import _clause_verb, _is_verbal, _lem
from .article import ArticlePlaces
from .names import _KIND_WORDS, _named, clean_name
from .sentence import (
    AREA_DESCRIBERS, PLACE_PREPS, SEVERAL, _actor, _demonym_in_group, _state_against_its_own, _in_place, _name_at,
    _place_in_pobj,
    _place_that_had, _preps_for, _right_after, _sentence_places, _the_kind_word, _toll_place, _victim_heads,
    _where_most_were, coordinated_places, several_places_of,
)

class _Where:
    """What the place rules look at."""

    def __init__(self, c: _Cand, article: ArticlePlaces, source: Optional[str]):
        self.c, self.article, self.source = c, article, source

    @functools.cached_property
    def in_place(self):
        return _in_place(self.c, self.article)

    @functools.cached_property
    def own_war(self) -> Optional[Place]:
        """"Sudan's war has killed 15,500 people" in an article about Sudan: the war of the story's own country
        (not "Belmoria's war" in an article about the country it invaded: that is the actor's)."""
        v = self.c.verb
        if v is None or not _is_verbal(v):
            return None
        main = self.article.main(narrow=False)
        for g in v.children:
            if g.dep_ != "nsubj" or _lem(g) not in ("war", "conflict", "fighting", "violence", "crisis", "insurgency"):
                continue
            for d in g.children:
                place = self.article.resolve(_name_at(d)) if d.dep_ == "poss" else None
                if place is not None and main is not None and self.article.unit(place) == main:
                    return main
        return None

    @functools.cached_property
    def fled_to(self) -> Optional[Place]:
        """"18,000 Rohingya have fled into Bangladesh", "10,000 Congolese crossed into Burundi": the country the
        displaced went to, where they are now."""
        v = self.c.verb
        if self.c.measure != "displaced" or v is None or not _is_verbal(v) or \
                _lem(v) not in ("flee", "cross", "enter", "escape", "arrive", "pour", "stream", "go", "head"):
            return None
        for c in v.children:
            if c.dep_ == "prep" and c.lower_ in ("into", "to", "across"):
                for p in c.children:
                    place = self.article.resolve(clean_name(_name_at(p))) if p.dep_ == "pobj" else None
                    if place is not None and place.kind == "country":
                        return place
        return None

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
    def count_over_places(self) -> list:
        """"killed 257 people in Lima and Quito": the places the count's own "in X and Y" names."""
        heads = _victim_heads(self.c)
        if self.c.verb is not None:         # "left 40 people dead in X and Y"
            heads += [ch for ch in self.c.verb.children if ch.dep_ in ("oprd", "acomp")]
        return several_places_of(heads, self.article)

    @functools.cached_property
    def event_over_places(self) -> list:
        """"the bombings at embassies in Peru and Ecuador killed 250": the places of an "in X and Y" phrase
        that hangs, in the count's sentence, on a word of the event (an attack, a happening, a disaster)."""
        v = self.c.verb
        doers = {g.i for g in v.children if g.dep_ in ("nsubj", "agent")} if v is not None and _is_verbal(v) else set()
        while v is not None and v.tag_ == "VBG" and v.dep_ == "conj" and v.head.tag_ == "VBG":
            v = v.head                      # "..., killing 81 and injuring 1,600": the first participle's
        if v is not None and v.tag_ == "VBG" and v.dep_ in ("advcl", "xcomp", "conj"):
            doers.add(v.head.i)             # "bombs exploded outside embassies in X and Y, killing 81"
        for t in self.c.sent:
            if t.dep_ == "pobj" and t.head.lower_ in PLACE_PREPS and any(
                    (_lem(a) in _EVENT_NOUNS and a.pos_ == "NOUN") or a.i in doers for a in t.ancestors):
                found = coordinated_places(t, self.article)
                if found:
                    return found
        return []

    @functools.cached_property
    def of_several_events(self) -> bool:
        """"the toll for both bombings", "the twin blasts killed", "the two attacks": the count is of events the
        article places in two or more countries (or territories)."""
        one = self.c.events is not None and self.c.events.one_happening
        # (in a story about one happening told in two countries, "the bombings" are both of them)
        several = any(_lem(t) in ATTACK_NOUNS | HAPPENING_NOUNS and t.tag_ == "NNS" and (one or any(
            ch.lower_ in ("both", "two", "twin") and ch.dep_ in ("det", "predet", "nummod", "amod")
            for ch in t.children)) for t in self.c.sent)
        return several and len([u for u, n in self.article.units.items() if n > 0]) >= 2

    def one_unit(self, places: list) -> Optional[str]:
        """The one country or territory all the places are in ("in Bavaria and Saxony": Germany), else None:
        a count over places no one place holds has no place ("in Chile and Peru")."""
        units = {self.article.unit(p) for p in places}
        return _named(units.pop()) if len(units) == 1 and None not in units else None

    @functools.cached_property
    def right_after(self) -> Optional[str]:
        return _right_after(self.c, self.article)

    @functools.cached_property
    def bracket_name(self) -> Optional[str]:
        """"Georgia (33)" in a list of such items: the name before the bracket, when it is a place."""
        if not self.c.in_list:
            return None
        name = bracketed_item(nlp.doc_text(self.c.root.doc), self.c.num.start, self.c.num.end)
        if name is None:
            return None
        words = name.split()
        for n in range(len(words), 0, -1):      # "and Virginia": the longest known place at the end
            tail = clean_name(" ".join(words[-n:]))
            if self.article.resolve(tail) is not None:
                return tail
        return None

    @functools.cached_property
    def label_place(self) -> Optional[str]:
        """The label of a "Georgia: 25 people" line, when it names a place; the item's name in a "Deaths by
        province: Punjab 66; Sindh 58" line, when it names one or the label says the items are places."""
        named = place_with_count_name(self.c) if self.c.listed_after is not None else None
        if named is not None and self.article.resolve(named) is not None:
            return named                        # "followed by Sindh with 17"
        item = inline_item(self.c)
        if item is not None:
            name = item[2]
            return name if self.article.resolve(name) is not None or BY_AREA.search(item[1]) else None
        if not self.c.in_list or self.c.listed_after is not None:
            return None
        text = nlp.doc_text(self.c.root.doc)
        line = text[text.rfind("\n", 0, self.c.num.start) + 1:self.c.num.start]
        raw = line.strip(" -•*–:\t")
        label = clean_name(raw)
        kinded = re.search(r"\s(?:County|Prefecture|Province|State|Governorate|District|City)$", raw)
        return label if self.article.resolve(label) is not None or kinded else None

    @functools.cached_property
    def section_place(self) -> Optional[str]:
        """"PERU:" over the lines "Total dead: 192", "Injured: 4,877": the place a heading line of its own
        names, over the labelled lines right under it."""
        if not self.c.in_list:
            return None
        text = nlp.doc_text(self.c.root.doc)
        lines = text[:text.rfind("\n", 0, self.c.num.start)].split("\n")
        for line in reversed(lines):
            if LABEL_LINE.match(line):
                continue                            # a line of the same table: look further up
            m = re.match(r"^\s*(?P<name>[^:\n]{1,60}?)\s*:\s*$", line)
            if m is None:
                return None
            name = clean_name(m.group("name").title() if m.group("name").isupper() else m.group("name"))
            return name if self.article.resolve(name) is not None else None
        return None

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
    def story_country(self):
        """Where the story's event struck as a whole: the place its disaster is named by, else the article's
        place, not narrowed to one region."""
        return self.article.disasters_place or self.article.main(self.actor, narrow=False)

    @functools.cached_property
    def serving_abroad(self) -> bool:
        """Soldiers (or other people counted abroad) of one country in a story of another: "1,730 American
        soldiers" killed in a war the article places in another country are counted where it is fought."""
        story = self.story_country
        return story is not None and self.demonym is not None and story.country != self.demonym.country

    @functools.cached_property
    def article_place(self) -> Optional[Place]:
        """Where the story is: the article's place, unless the article names its disaster by another country
        ("a concert in London for Nepal earthquake victims"): there."""
        main = self.article.main(self.actor)
        disaster = self.article.disasters_place
        if disaster is not None and (main is None or self.article.unit(main) != disaster):
            return disaster
        return main

    @functools.cached_property
    def there(self) -> Optional[str]:
        """"officials in Alexandria said 31 people have been killed there": the place named before 'there'
        in the same sentence."""
        verb = _clause_verb(self.c.np, self.c.sent)
        there = next((ch for ch in verb.children if ch.lower_ == "there" and ch.dep_ == "advmod"), None) \
            if verb is not None else None
        if there is None:
            return None
        named = [name for start, name in self.article.positions if self.c.sent.start_char <= start < there.idx]
        # (or a proper name the gazetteer knows, that NER took for something else: "reached Hatay")
        named += [t.text for t in self.c.sent if t.i < there.i and t.pos_ == "PROPN" and t.ent_type_ != "PERSON"
                  and t.idx > max((s for s, _ in self.article.positions if s < there.idx), default=-1)
                  and self.article.resolve(t.text) is not None]
        if not named:
            return None
        place = self.article.resolve(clean_name(named[-1]))
        return _named(place) if place is not None else None

    @functools.cached_property
    def where_clause_place(self):
        """"Aid reached Tacloban, where the typhoon killed 4,000 people": the place a where-clause that holds the
        count hangs on (also through a reporting verb: "Sudan, where the UN says 12,000 have been killed")."""
        verb = _clause_verb(self.c.np, self.c.sent)
        for v in ([verb, *verb.ancestors] if verb is not None else []):
            if v.dep_ == "relcl" and (any(ch.lower_ == "where" and ch.dep_ == "advmod" for ch in v.children) or
                                      v.left_edge.lower_ == "where"):      # "where 64 are said to have been killed"
                if any(t.dep_ == "pobj" and _place_in_pobj(t, self.article) is not None for t in v.subtree):
                    return None         # "..., where 40 died in and around the city of Asheville": that place
                found = _place_in_pobj(v.head, self.article)
                return None if found is None or found is SEVERAL else found
        return None

    @functools.cached_property
    def demonym(self) -> Optional[Place]:
        return _demonym_in_group(self.c, self.article)

    @functools.cached_property
    def actor(self) -> Optional[Place]:
        return _actor(self.c, self.article)

    @functools.cached_property
    def state_at_home(self) -> Optional[Place]:
        return _state_against_its_own(self.c, self.article)

    @functools.cached_property
    def source_place(self) -> Optional[Place]:
        found = self._source_place()
        if found is not None and NEWS_OUTLET_WORDS & set(fold(self.source).split()) and \
                self.article.only_an_outlets(found):
            return None         # "UK broadcaster Sky News" on a quake in Myanmar: an outlet's country, not the story's
        return found

    def _source_place(self) -> Optional[Place]:
        if not self.source or _combatants(self.c) or _a_person(self.source, self.c.sent) or \
                _ABROAD_VOICES & set(fold(self.source).split()):
            return None
        for run in re.findall(r"[A-Z](?:\.[A-Z])+\.?(?:\s+[A-Z][\w'’-]*\.?)*|[A-Z][\w'’-]*\.?(?:\s+[A-Z][\w'’-]*\.?)*",
                              self.source):
            words = run.split()
            while len(words) > 1 and re.search(r"-[a-z]", words[0]):
                words = words[1:]                       # "rebel-run Kessa Health Ministry": from "Kessa"
            # a place opens the name it qualifies ("Kessa Health Ministry": "Kessa"; "U.S. Coast Guard": the
            # U.S.); a word further in is a word of that name ("Coast"), or of a person's ("Admiral Mary Landry")
            for n in range(len(words), 0, -1):
                w = " ".join(words[:n])
                if n < len(words) and fold(w) in AREA_DESCRIBERS:
                    continue                            # "Eastern" of "Eastern Visayas": no place of its own
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


# a country's voice abroad (its envoy, embassy, ambassador) counts the people of the country it is in
_ABROAD_VOICES = {"envoy", "envoys", "ambassador", "embassy", "diplomat", "diplomats", "consul", "consulate",
                  "emissary", "nuncio", "delegation"}

# Counted people who are the enemy's fighters: the counting side's place is not theirs.
COMBATANT_WORDS = COMBATANT_NOUNS


def _a_person(source: str, sent) -> bool:
    """Whether the source is a person NER named ("Gov. Roy Cooper"), in its sentence or, for a speaker the
    sentence names by a pronoun ("..., he said"), anywhere in the article: a person is no place."""
    return any(ent.label_ == "PERSON" and ent.text in source for ent in sent.doc.ents)


def _combatants(c: _Cand) -> bool:
    return any(_lem(t) in COMBATANT_WORDS for t in [c.np] + list(c.np.children))


def _own_place(c: _Cand) -> bool:
    """Whether the figure's own words placed it (not the authority or the article)."""
    return any(d in c.trace.decided("figures.place") for d in (
        "figures.place:place/in-X-right-after-the-number", "figures.place:place/in-X-where-they-were",
        "figures.place:place/the-toll-of-X", "figures.place:place/people-named-by-country",
        "figures.place:place/the-place-a-where-clause-hangs-on",
        "figures.place:place/the-place-that-had-them", "figures.place:place/the-name-before-its-bracket"))


def inferred(c: _Cand) -> bool:
    """Whether the figure's place is the article's, not said of the figure itself."""
    return c.trace.decided("figures.place")[-1:] in (["figures.place:place/the-article's-place"],
                                                    ["figures.place:place/the-event's-toll"],
                                                    ["figures.place:place/the-event's-victims"])


# people often counted abroad, by the country they serve or come from
_ABROAD_NOUNS = {"peacekeeper", "soldier", "troop", "serviceman", "servicewoman", "servicemember", "marine",
                 "sailor", "airman", "national", "tourist", "citizen", "expatriate", "pilgrim", "worker",
                 "volunteer", "diplomat", "contractor", "mercenary", "holidaymaker", "traveller", "traveler",
                 "visitor", "backpacker", "missionary", "climber", "hiker"}
# a handful of people named only by their country ("two Estonians") in a story of another: foreigners there
_FEW_ABROAD = 100


def _counted_abroad_maybe(w) -> bool:
    """People often counted abroad (soldiers, tourists), or a few named only by their country ("two Estonians
    have been killed" in a story of another war): their country is their nationality unless the article tells
    of it."""
    if _lem(w.c.np) in _ABROAD_NOUNS:
        return True
    return w.c.num.value < _FEW_ABROAD and gazetteer().demonym(w.c.np.text) is not None


PLACE = Table("figures.place", runner="figures", subject="the counted people's side of the sentence (_Where)", rules=(
    Rule("place/the-name-before-its-bracket", lambda w: w.bracket_name is not None, lambda w: w.bracket_name,
         examples=("Deaths were also reported in Georgia (33), Florida (20), Tennessee (12) and Virginia (2).",
                   "Injuries were recorded in Kent (14), Essex (9) and Surrey (3), police said.")),
    Rule("place/over-the-places-it-names", lambda w: bool(w.count_over_places),
         lambda w: w.one_unit(w.count_over_places),
         examples=("The two bombings killed 257 people in Lima and Quito, officials said.",
                   "Floods have killed 120 people in Texas and Oklahoma.",
                   "The storms left 40 people dead in Kent and Essex.",
                   "At least 300 people have been killed in Chile and Peru."),
         counter_examples=("Of the 72 deaths, 39 were in Valtra, 22 in Brega and two each in Holm and Tarn.",),
         why="one count over places in two countries has no one place (null); over places of one country, "
             "that country"),
    Rule("place/in-X-right-after-the-number", lambda w: w.right_after is not None, lambda w: w.right_after,
         examples=("Of the 72 deaths, 39 were in Valtra, 22 in Brega and five in Holm.",
                   "Officials said 11 people in Georgia and two in Florida had died.")),
    Rule("place/in-X-where-they-were", lambda w: w.in_place is not None, lambda w: w.token_name(w.in_place),
         examples=("At least 48 people were killed in Ishikawa Prefecture after the quake.",
                   "Flooding hit Ishikawa Prefecture on Monday. The death toll has climbed to 168 in the prefecture, "
                   "officials said.",
                   "Shelling killed 32 people in the town of Marovka on Tuesday.",
                   "There are 9,000 displaced people in Kherson, the governor said.")),
    Rule("place/there-the-place-just-named", lambda w: w.there is not None, lambda w: w.there,
         examples=("Hospital officials in Alexandria said at least 31 people have been killed there.",
                   "Rescuers reached Hatay on Monday and said 400 bodies had been found there."),
         why="'there' points back at the place the sentence just named"),
    Rule("place/the-place-a-where-clause-hangs-on", lambda w: w.where_clause_place is not None,
         lambda w: w.token_name(w.where_clause_place),
         examples=("Aid convoys reached Tacloban, where the typhoon has killed 4,000 people, officials said.",
                   "Ministers will meet in Geneva on Sudan, where the UN says 12,000 people have been killed.",
                   "Rescue teams flew in from Italy, where the quake killed 300 people last week."),
         counter_examples=("The storm hit the mountains hardest, where 40 people died in the city of Asheville.",),
         why="'where' points back at the place it hangs on: the counted people were there (unless the clause "
             "names their place itself)"),
    Rule("place/the-holder-of-where-most-were", lambda w: w.holder_of_most is not None,
         lambda w: _named(w.holder_of_most),
         examples=("Neighbouring Laos also reported casualties, with 9 confirmed dead, mostly in Vientiane.",
                   "The floods killed 85 people, mainly in Sindh province, officials said.",
                   "Rockets wounded 40 people, mostly in Sderot, medics said."),
         why="the place of most of them is not the place of all of them: the country that holds it is"),
    Rule("place/the-line's-label", lambda w: w.label_place is not None, lambda w: w.label_place,
         examples=("The agency broke down the deaths by county:\n- Holm County: 12 people\n- Tarn County: 7 people",
                   "- Deaths by province: Varn 66; Tessel 58; Orlo 44.",
                   "Punjab recorded 29 deaths, followed by Sindh with 17 and Balochistan with 11.")),
    Rule("place/the-section's-heading", lambda w: w.section_place is not None, lambda w: w.section_place,
         examples=("The latest figures for the floods:\n\nNORTH CAROLINA:\nTotal dead: 92\nInjured: 877",
                   "Casualties by country\nPeru:\nDeaths: 192\nInjuries: 4,877"),
         why="a place on a line of its own, then a colon, heads the labelled lines under it"),
    Rule("place/the-toll-of-X", lambda w: w.toll_place is not None, lambda w: w.token_name(w.toll_place),
         examples=("Japan's death toll rose to 168 on Monday.", "The death toll in Myanmar has risen to 2,719.",
                   "The US toll in Iraq hit 2,000 on Tuesday, the Pentagon said.",
                   "The British military death toll in Afghanistan rose to 400 on Monday."),
         why="the place a toll is of or in; where it was taken before whose soldiers it counts"),
    Rule("place/the-place-that-had-them", lambda w: w.place_that_had is not None,
         lambda w: w.token_name(w.place_that_had),
         examples=("Osmund County suffered 42 deaths, the highest toll of the counties.",
                   "Floods hit Japan again. Nagano recorded 99 deaths, the most of any prefecture.",
                   "The quake shook Japan. Ishikawa is the worst-hit prefecture, with 200 dead and 30 missing.",
                   "The storm moved on to Georgia. Florida was hit hardest, with 31 killed.",
                   "Floods hit Pakistan again. Tarvo province accounts for 420 of the deaths, officials said.",
                   "Floods hit Pakistan again. Belvo district was the hardest hit with 19 deaths."),
         counter_examples=("Belmoria has killed 9,310 people since the invasion.",)),
    Rule("place/the-story's-own-war", lambda w: w.own_war is not None, lambda w: _named(w.own_war),
         examples=("Fighting raged in Sudan again. Sudan's 14-month war has killed at least 16,650 people.",
                   "Clashes hit Myanmar's north. Myanmar's civil war has displaced 3 million people, the UN said."),
         counter_examples=("Shelling hit Kordavia again. Belmoria's war has killed 9,000 civilians, officials said.",),
         why="the war of the country the article is about has its dead there; another country's war is the actor's"),
    Rule("place/the-country-they-fled-to", lambda w: w.fled_to is not None, lambda w: _named(w.fled_to),
         examples=("Some 18,000 Rohingya have fled into Bangladesh since June, the agency said.",
                   "More than 10,000 Congolese have crossed into Burundi in the past three days.",
                   "About 21,000 Syrians have crossed into Lebanon since the violence began, the agency said."),
         why="the displaced are where they fled to, not in the country whose people they are"),
    Rule("place/people-named-by-country", lambda w: w.demonym is not None and (
            not _counted_abroad_maybe(w) or (w.article.tells_of(w.demonym) and not w.serving_abroad)),
         lambda w: _named(w.demonym),
         examples=("The flooding has killed 40 Pakistanis and 12 Afghans, officials said.",
                   "Air strikes killed 20 Syrian soldiers on Sunday, the monitor said.",
                   "Bombs hit Baghdad again. Twelve Iraqis were killed, police said."),
         counter_examples=("The quake in Haiti killed 200,000 people. Eight Chinese peacekeepers were among the dead "
                           "in Port-au-Prince.",
                           "Bombs hit Baghdad again on Tuesday. Two Estonians have been killed, the defence ministry "
                           "said.",
                           "Floods hit Bamiyan province in Afghanistan. Three Spanish holidaymakers died, officials "
                           "said."),
         why="a people's country; but soldiers, peacekeepers, nationals or tourists of a country the article tells "
             "nothing of are abroad: that is their nationality, not where they were"),
    Rule("place/over-the-places-of-its-event", lambda w: bool(w.event_over_places),
         lambda w: w.one_unit(w.event_over_places),
         examples=("Bombs at the embassies in Varna and Plovdiv killed 250 people, police said.",
                   "The twin blasts in Norway and Sweden have killed at least 90 people.",
                   "The floods in Chile and Peru have killed 310 people, officials said."),
         why="the toll of an event told as struck in two countries is over both: it has no one place"),
    Rule("place/over-the-places-of-its-events", lambda w: w.of_several_events, None,
         examples=("Bombs hit the embassies in Peru and Ecuador on Friday. Hospital officials said on Monday "
                   "that the toll for both bombings had risen to 259.",
                   "Twin blasts struck Norway and Sweden on Friday. The two explosions have killed 90 people.",
                   "Ferries sank off Chile and off Peru on Sunday. The toll of both sinkings rose to 140."),
         why="the toll of events the story places in two countries is over both: it has no one place"),
    Rule("place/the-event's-toll", lambda w: _event_toll(w.c) and w.story_country is not None,
         lambda w: _named(w.story_country),
         examples=("Floods hit Cork. Dublin was spared. Kerry was flooded too. Storm Bera's death toll has passed "
                   "150, officials said.",
                   "Floods hit Cork and Kerry. Storm Bera's remnants caused damage across Ireland, with the death toll "
                   "nearing 140."),
         why="the toll of the story's event (a storm, a quake, a war) is counted wherever it struck: its country"),
    Rule("place/counted-by-its-authority", lambda w: w.source_place is not None,
         lambda w: w.narrower_than_source() or _named(w.source_place),
         examples=("The death toll has risen to 3,145, the Myanmar government said.",),
         counter_examples=("Over 9,000 militants have been killed, the Belmorian army said.",
                           "A French envoy reported that as many as 40 civilians had been killed.",
                           "About 300 people have died, the Italian embassy said."),
         why="a health ministry or government counts its own side's people, not the enemy's fighters"),
    Rule("place/the-sentence's-one-place", lambda w: w.sentence_place is not None,
         lambda w: w.sentence_place if isinstance(w.sentence_place, str) else w.token_name(w.sentence_place),
         examples=("In Sagaing, rescuers said the death toll had risen to 300 by Sunday.",
                   "Officials said 25,000 have been killed in Kordavia so far, and another 60,000 have been injured.")),
    Rule("place/the-event's-victims",
         lambda w: _event_killed(w.c) and w.story_country is not None,
         lambda w: _named(w.story_country),
         examples=("Hurricane Mara hit Florida on Monday and moved into Georgia. Florida took the worst of it. "
                   "Mara killed at least 40 people, officials said.",
                   "The earthquake struck near Gaziantep. Hatay and Adana were also hit. The quake killed 1,500 "
                   "people, rescuers said."),
         why="the people the story's event (a storm, a quake) killed were killed wherever it struck: its country"),
    Rule("place/the-article's-place", lambda w: w.article_place is not None,
         lambda w: _named(w.article_place),
         examples=("Earthquake in Turkey\nRescuers said the death toll had risen to 1,500.",),
         why="a figure whose sentence names no place counts people where the story is (not the actor's side)"),
    Rule("place/a-state's-own-people", lambda w: w.state_at_home is not None, lambda w: _named(w.state_at_home),
         examples=("The Bolivian government has killed more than 300 protesters since March, the U.N. said.",
                   "At least 120 demonstrators have been killed by Nepal's security forces, a rights group said.",
                   "The Belarusian regime has wounded 400 protesters, activists said.",
                   "Kenyan police have killed 30 protesters this month, a rights group said.",
                   "The Syrian government has killed at least 3,000 people in its crackdown, the UN says.",
                   "The Iranian regime has killed more than 500 people during the unrest, rights groups say."),
         counter_examples=("Chad's army has killed 300 rebels this year, officials said.",
                           "The Russian government has killed hundreds of people in its war, Kyiv says.",
                           "Indian troops killed 12 protesters near the border fence, medics said."),
         why="a state's home organs (government, regime, police, security forces) and the people who rose against "
             "it are in one country; the last clue, after every place the article gives"),
))


_EVENT_NOUNS = ATTACK_NOUNS | HAPPENING_NOUNS | STORY_EVENT_NOUNS | WAR_START_NOUNS

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
        # "..., with the death toll nearing 140": a bare toll in a sentence the story's event acts in
        if _lem(noun) == "toll" and all(ch.dep_ in ("det", "compound", "amod") and ch.lower_ in _BARE_TOLL_WORDS
                                        for ch in noun.children) and _the_event_acts_in(c.sent, c):
            return True
    return False


_BARE_TOLL_WORDS = {"the", "death", "official", "overall", "total", "confirmed"}


def _names_the_event(tok, c: _Cand) -> bool:
    """A phrase that names the story's event: an event word ("the storm's remnants") or its name ("Helene")."""
    main = c.events.main.lower() if c.events is not None and c.events.main else None
    words = [t.lower_ for t in tok.subtree]
    return bool(set(words) & _EVENT_WORDS) or bool(main and main in " ".join(words))


def _the_event_acts_in(sent, c: _Cand) -> bool:
    """The sentence has the story's event (a storm, a quake, its name) as a subject."""
    return any(t.dep_ in SUBJ_DEPS and _names_the_event(t, c) for t in sent)


def _event_killed(c: _Cand) -> bool:
    """"Helene killed at least 123 people", "the quake has killed 1,500", "Helene passed the milestone of 200
    fatalities", "230 people have been confirmed dead as a result of the cyclone": the event is the killer."""
    v = c.verb
    if v is not None and not _is_verbal(v) and c.role == "pobj" and _is_verbal(v.head):
        v = v.head                                  # "passed the milestone of 200 fatalities"
    if v is None or not _is_verbal(v):
        return False
    if c.role in ("obj", "pobj") and _lem(v) in KILLED_VERBS | _EVENT_TOLL_VERBS:
        if any(g.dep_ == "nsubj" and _names_the_event(g, c) for g in v.children):
            return True
    # "died in the storm", "dead as a result of the cyclone", "killed by the quake"
    for p in v.subtree:
        if p.dep_ in ("prep", "agent") and p.head.i in {v.i, c.np.i} | {ch.i for ch in v.children} and \
                p.lower_ in ("in", "from", "by", "after", "during", "as", "due") and \
                any(o.dep_ == "pobj" and _lem(o) in _EVENT_WORDS and _names_the_event(o, c) for o in p.subtree):
            return True
    return False


_EVENT_TOLL_VERBS = {"claim", "pass", "surpass", "top", "exceed", "reach", "cross", "cause", "leave"}


def place_of(c: _Cand, article: ArticlePlaces) -> Optional[str]:
    """The figure's place (see the module docstring), recorded in its trace. A place the gazetteer knows keeps
    the gazetteer's spelling ("Gonder" for "Gondar"): one place, one series key, however articles spell it."""
    return PLACE.decide(_Where(c, article, c.source), c.trace)
