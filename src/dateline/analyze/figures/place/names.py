"""How a place is written: a name as the text gives it, cleaned of "the" and words of kind ("the Gaza
Strip" -> "Gaza", "the city of Wajima" -> "Wajima"), and a place the gazetteer found, as it names it; the
entity labels that are places and the words of kind that point back to one ("the prefecture", "the Strip").
"""
from __future__ import annotations

import re
from typing import Optional

from ...lexicon.gazetteer import AREA_WORDS, Place, gazetteer

PLACE_LABELS = ("GPE", "LOC", "FAC")


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


_UNIT_WORDS = set(AREA_WORDS) | {"council", "union", "capital", "autonomous", "special", "federal", "area",
                                 "division", "zone", "administration", "government"}


_KIND_WORDS = {"prefecture": ("region",), "state": ("region",), "province": ("region",), "region": ("region",),
               "county": ("county",), "country": ("country",), "nation": ("country",), "city": ("city",),
               "town": ("city",), "enclave": ("territory",), "strip": ("territory",), "territory": ("territory",)}


def _named(place: Optional[Place]) -> Optional[str]:
    """How a place the gazetteer found is written: its name without a last word of kind, but for
    counties ("Gaza Strip" -> "Gaza", "Ishikawa Prefecture" -> "Ishikawa", "Buncombe County" stays)."""
    if place is None:
        return None
    words = place.name.split()
    while len(words) > 1 and words[-1].lower() in AREA_WORDS and words[-1].lower() != "county":
        words = words[:-1]
    return " ".join(words)


# lower-case particles inside place names of many languages ("Rio Grande do Sul", "Deir ez-Zor", "Ras al-Ain",
# "Bosnia and Herzegovina"): a name cut there by the parse is carried on when the whole is a known place
_PARTICLES = r"(?:do|da|dos|das|de|del|della|di|du|des|al|el|ez|es|ad|ar|as|an der|an|and|y|e|la|le|los|las|sur|" \
             r"am|upon|on)"
_NAME_PARTICLE = re.compile(rf"[ -]{_PARTICLES}[ -](?P<first>[A-Z][\w'’-]*)(?P<second> [A-Z][\w'’-]*)?")


_NAME_BEFORE_PARTICLE = re.compile(rf"(?:^|(?<=[^\w'’-]))(?P<head>[A-Z][\w'’-]*(?: [A-Z][\w'’-]*){{0,2}})"
                                   rf"[ -]{_PARTICLES}[ -]$")


def carried_name(text: str, name: str, end: int) -> tuple[str, int]:
    """``name`` (ending at ``end`` in ``text``) carried on over a particle when the longer name is a place the
    gazetteer knows ("Rio Grande" + " do Sul"); else as it is."""
    more = _NAME_PARTICLE.match(text, end)
    if more:
        for tail in (more.group(0), more.group(0)[:more.start("second") - more.start()] if more.group("second")
                     else None):
            if tail and gazetteer().find(name + tail):
                return name + tail, end + len(tail)
    return name, end


def name_with_its_head(text: str, name: str, start: int) -> str:
    """``name`` (starting at ``start`` in ``text``) with the words before a particle it ends when the whole is a
    place the gazetteer knows: "Sul" after "Rio Grande do " is Rio Grande do Sul (not a region of Guinea-Bissau)."""
    before = _NAME_BEFORE_PARTICLE.search(text, max(0, start - 40), start)
    if before is not None:
        head = before.group("head").split(" ")
        for k in range(len(head)):
            whole = " ".join(head[k:]) + text[before.end("head"):start] + name
            if gazetteer().find(whole):
                return whole
    return name
