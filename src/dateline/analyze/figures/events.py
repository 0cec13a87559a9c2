"""The events an article names ("Hurricane Helene", "the 2016 Kumamoto Earthquake", "Katrina") and the one it
is about: a toll told of another event (a comparison with an earlier disaster, a past war) is no part of the
story's running toll.
"""
from __future__ import annotations

import re
from collections import Counter
from typing import Optional

from .. import nlp

_STORM_WORDS = r"(?:Hurricane|Typhoon|Cyclone|Tropical\s+Storm|Storm|Super\s+Typhoon)"
_NAMED_STORM = re.compile(_STORM_WORDS + r"\s+(?P<name>[A-Z][a-z]+)")
_NAMED_DISASTER = re.compile(r"(?<![.!?]\s)(?<!^)(?P<name>[A-Z][\w'’-]+(?:\s+[A-Z][\w'’-]+){0,2})\s+"
                             r"(?:[Ee]arthquakes?|[Qq]uakes?|[Ff]loods?|[Ff]looding|[Ww]ildfires?|[Tt]sunami|"
                             r"[Ee]ruption|[Ll]andslides?)\b", re.M)
# a year that dates an event: "the 2016 Kumamoto Earthquake", "the 2006 war", "2005's Katrina"
DATED_EVENT = re.compile(r"\b(?P<year>(?:19|20)\d\d)(?:['’]s)?\s+(?:[A-Z][\w'’-]+\s+){0,3}"
                         r"(?:earthquake|quake|hurricane|storm|typhoon|cyclone|floods?|tsunami|war|attacks?|"
                         r"bombing|massacre|wildfire|disaster|eruption|genocide|famine|crisis)\b", re.I)
# nature's events: an article telling of one tells its toll in the past tense ("16 people were injured"); read
# from the text, as sentences without a number are not parsed (not "to storm a building")
_NATURAL_EVENT = re.compile(r"(?<!\bto\s)\b(?:earthquakes?|quakes?|aftershocks?|hurricanes?|typhoons?|cyclones?|"
                            r"storms?|floods?|flooding|floodwaters?|tsunamis?|eruptions?|wildfires?|landslides?|"
                            r"mudslides?|tornado(?:e?s)?|avalanches?|blizzards?|heatwaves?|monsoons?)\b", re.I)
_A_COUNT = re.compile(r"\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten|dozens?|hundreds?|thousands?|"
                      r"millions?)\b", re.I)
# one happening a story can be about from first line to last (a bombing, a crash, a collapse, a sinking): told in
# two or more sentences of an article that tells of no war and no natural disaster, it is the story's own event
_ONE_HAPPENING = re.compile(r"\b(?:bomb(?:ing)?s?|blasts?|explosions?|exploded|attacks?|shootings?|stabbings?|"
                            r"massacres?|crash(?:es|ed)?|collapsed?|fires?|blazes?|stampedes?|derailments?|derailed|"
                            r"sinking|sank|capsized?|accidents?|shipwrecks?)\b", re.I)
# words of many happenings (a war, an uprising, a campaign of strikes, unrest), each of which is one incident
_MANY_HAPPENINGS = re.compile(r"\b(?:wars?|warfare|conflicts?|fighting|offensives?|invasions?|insurgen(?:cy|ts?)|"
                              r"uprisings?|rebellion|revolt|crackdown|clashes|shelling|air\s*strikes?|airstrikes?|"
                              r"bombardments?|sieges?|besieged|ceasefire|truce|hostilities|aggression|occupation|"
                              r"campaign|protests?|protesters|demonstrat(?:ions?|ors)|riots?|unrest|troops|army|"
                              r"soldiers|militias?|rebels?|gangs?|armed\s+groups?|militants?|jihadists?|cartels?)\b",
                              re.I)
# the kind of a one-happening word, by its first five letters
_BLAST = "attack or explosion"
_HAPPENING_KIND = {"bomb": _BLAST, "bombi": _BLAST, "bombs": _BLAST, "blast": _BLAST, "explo": _BLAST,
                   "attac": _BLAST, "shoot": _BLAST, "stabb": _BLAST, "massa": _BLAST, "crash": "crash",
                   "colla": "collapse", "fire": "fire", "fires": "fire", "blaze": "fire", "stamp": "stampede",
                   "derai": "derailment", "sinki": "sinking", "sank": "sinking", "capsi": "sinking",
                   "accid": "accident", "shipw": "sinking"}
_NOT_NAMES = {"The", "A", "An", "This", "That", "New", "Year", "Day", "Deadly", "Massive", "Powerful", "Major",
              "Huge", "Devastating", "Strong", "Recent", "Latest", "Last", "First", "Second", "Great"}


def _name(text: str) -> str:
    words = re.sub(r"['’]s\b", "", text).split()
    words = [w for w in words if w not in _NOT_NAMES and not w.isdigit() and w.lower() not in ("the", "a")]
    while words and re.fullmatch(_STORM_WORDS, words[0]):
        words = words[1:]
    return " ".join(words)


class ArticleEvents:
    """Named events of one article and how often each is named."""

    def __init__(self, doc):
        text = nlp.doc_text(doc)
        names: set[str] = set()
        for m in list(_NAMED_STORM.finditer(text)) + list(_NAMED_DISASTER.finditer(text)):
            names.add(_name(m.group("name")))
        for ent in doc.ents:
            if ent.label_ == "EVENT":               # "the Yom Kippur War", "the Kumamoto Earthquake"
                names.add(_name(ent.text))
        names.discard("")
        # one name however it is written: "Hurricane Helene", "Helene", "Hurricane Helene's"
        for n in sorted(names, key=len):
            if any(other != n and re.search(r"\b" + re.escape(other) + r"\b", n) for other in names):
                names.discard(n)
        self.counts = Counter({n: len(re.findall(r"\b" + re.escape(n) + r"\b", text)) for n in names})
        # the article tells of a natural disaster: named in two sentences, or in one that counts something, or in
        # an article of a line or two; one bare mention is a teaser or a comparison ("U.S. digs out from blizzard"
        # atop a page of war news)
        sentences = list(nlp.sentences(doc))
        told = [sent.text for sent in sentences if _NATURAL_EVENT.search(sent.text)]
        self.natural = len(told) >= 2 or (len(told) == 1 and (len(sentences) <= 2 or bool(_A_COUNT.search(told[0]))))
        # the article tells of one man-made happening throughout (see _ONE_HAPPENING): its toll, told in the past
        # tense day after day and rising, is the story's running toll, as a disaster's is
        # a war, an uprising or unrest: many happenings, each of which is one incident
        self.conflict = bool(_MANY_HAPPENINGS.search(text))
        self.one_happening = not self.natural and not self.conflict and \
            sum(1 for sent in sentences if _ONE_HAPPENING.search(sent.text)) >= 2
        # which kind of happening it is (an attack, a crash, a sinking ...): its toll is that happening's, kept
        # apart in the series from the tolls of other stories that share its place
        kinds = Counter(_HAPPENING_KIND.get(m.group(0).lower()[:5], "happening") for m in _ONE_HAPPENING.finditer(text))
        self.happening = kinds.most_common(1)[0][0] if self.one_happening and kinds else None
        self.first = {n: (m.start() if (m := re.search(r"\b" + re.escape(n) + r"\b", text)) else len(text))
                      for n in names}

    @property
    def main(self) -> Optional[str]:
        """The event named most often; of two named as often, the one named first (a story names its own
        event before the ones it compares it with)."""
        if not self.counts:
            return None
        return min(self.counts, key=lambda n: (-self.counts[n], self.first[n]))

    def other_named(self, text: str) -> Optional[str]:
        """An event named in ``text`` that is not the article's own."""
        main = self.main
        for name in self.counts:
            if main and (name in main or main in name):
                continue
            if re.search(r"\b" + re.escape(name) + r"\b", text):
                return name
        return None
