"""Canonical entities across articles: merging the names one thing goes by.

- People: within an article a bare surname ("Haniyeh") is the full name used
  elsewhere in it ("Ismail Haniyeh"); across articles, transliteration variants
  of a surname ("Haniyeh" / "Haniya" / "Hanieh") merge when their consonant
  skeletons agree and the spellings are close, and first names don't clash.
- Organisations: word sets without determiners, possessives, prepositions and
  political modifiers, so "the Gaza health ministry", "Gaza's Health Ministry",
  "the health ministry in Hamas-run Gaza" and "the Ministry of Health in Gaza"
  are one entity.
- Places and groups: case, "the" and plural endings ignored.
"""
from __future__ import annotations

import difflib
import hashlib
import re
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Iterable, Optional

from ..records import Mention

_DROP_WORDS = {"the", "a", "an", "of", "in", "for", "on", "'s", "’s", "s", "and"}
# Modifiers that say who runs a body, not which body it is.
_RUN_BY = re.compile(r"^[\w]+-(?:run|controlled|led|ruled|governed|backed|affiliated)$")
_TITLES = {"mr", "mrs", "ms", "dr", "prof", "president", "prime", "minister", "gen", "general", "sheikh", "king",
           "queen", "prince", "sen", "senator", "rep", "secretary", "pope", "lt", "col", "maj", "capt"}
# Things NER tags as names that are not entities of a story.
_NOT_ENTITIES = {"gmt", "utc", "est", "edt", "bst", "cet", "ist", "am", "pm"}
_KIND_PRIORITY = {"place": 3, "organisation": 2, "group": 1, "person": 0}
_WORD = re.compile(r"[\w'’-]+")


def fold(text: str) -> str:
    """Lowercase ASCII without accents ("Haniyé" -> "haniye")."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


def name_words(text: str) -> list[str]:
    words = [w.strip("'’-") for w in _WORD.findall(fold(text))]
    words = [w[:-2] if w.endswith(("'s", "’s")) else w for w in words]
    return [w for w in words if w]


_SPELLING = {"defense": "defence", "ministries": "ministry", "organization": "organisation",
             "program": "programme", "center": "centre"}


def org_key(text: str, places: frozenset = frozenset()) -> str:
    """Word set of an organisation name; demonyms become their place ("Israeli army" = "Israel's army")."""
    words = [w for w in name_words(text) if w not in _DROP_WORDS and not _RUN_BY.match(w)]
    words = [singular(demonym_place(_SPELLING.get(w, w), places)) for w in words]
    return " ".join(sorted(set(words)))


def singular(word: str) -> str:
    """Crude but consistent: "forces" -> "force", "authorities" -> "authority"."""
    if len(word) > 4 and word.endswith("ies"):
        return word[:-3] + "y"
    if len(word) > 4 and word.endswith("s") and not word.endswith(("ss", "us", "is", "as", "os", "ws")):
        return word[:-1]
    return word


def demonym_place(word: str, places: frozenset) -> str:
    """Israeli -> israel, Egyptian -> egypt, Palestinian -> palestine, Gazan -> gaza, when that place is known."""
    for cut, add in ((1, ""), (3, ""), (3, "e"), (2, ""), (1, "a"), (2, "a")):
        if len(word) > cut + 2 and word.endswith(("i", "ian", "an", "n")):
            stem = word[:-cut] + add
            if stem in places:
                return stem
    return word


def place_key(text: str) -> str:
    words = [w for w in name_words(text) if w != "the"]
    return " ".join(words)


def group_key(text: str) -> str:
    words = [w for w in name_words(text) if w != "the"]
    # Palestinians / Palestinian, Israelis / Israeli
    return " ".join(w[:-1] if len(w) > 4 and w.endswith("s") and not w.endswith("ss") else w for w in words)


def person_parts(text: str) -> list[str]:
    return [w for w in name_words(text) if w not in _TITLES]


def skeleton(word: str) -> str:
    """Consonant skeleton for transliteration variants: Haniyeh, Haniya, Hanieh -> 'hn'."""
    w = re.sub(r"h$", "", word)
    return re.sub(r"[aeiouy]", "", w[0:1]) + re.sub(r"[aeiouyhw']", "", w[1:]) if w else ""


def similar_surnames(a: str, b: str) -> bool:
    if a == b:
        return True
    if a[:1] != b[:1] or skeleton(a) != skeleton(b) or abs(len(a) - len(b)) > 2:
        return False
    return difflib.SequenceMatcher(None, a, b).ratio() >= 0.7


@dataclass
class Entity:
    id: str
    kind: str
    key: str
    surface: Counter = field(default_factory=Counter)
    docs: set = field(default_factory=set)
    absorbed: set = field(default_factory=set)      # forms taken over from a shorter or vaguer entity

    @property
    def name(self) -> str:
        # the most used of the longest forms: "Ismail Haniyeh" over "Haniyeh"; an entity's own forms
        # over those it absorbed ("Gaza health ministry" over a plain "health ministry")
        own = [s for s in self.surface if s not in self.absorbed] or list(self.surface)
        longest = max(len(person_parts(s)) for s in own) if self.kind == "person" else 0
        forms = [s for s in own if self.kind != "person" or len(person_parts(s)) == longest]
        spelled_out = [s for s in forms if any(c.islower() for c in s)]   # "Israel Defence Forces" over "IDF"
        forms = spelled_out or forms
        return max(forms, key=lambda s: (self.surface[s], len(s), s))

    def as_row(self) -> dict:
        return {"id": self.id, "name": self.name, "kind": self.kind,
                "aliases": sorted(self.surface, key=lambda s: (-self.surface[s], s)),
                "mentions": sum(self.surface.values()), "docs": len(self.docs)}


_KIND_PREFIX = {"person": "per", "organisation": "org", "place": "loc", "group": "grp"}


def _entity_id(kind: str, key: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", key)[:40].strip("-") or "x"
    return f"{_KIND_PREFIX[kind]}:{slug}-{hashlib.sha1(key.encode()).hexdigest()[:6]}"


def consolidate(mentions: Iterable[Mention]) -> tuple[list[dict], dict[tuple[str, int, int], str]]:
    """Group mentions into entities. Returns entity rows and ``(doc, start, end) -> entity id``."""
    mentions = [m for m in mentions if fold(m.text).strip(".") not in _NOT_ENTITIES]
    _majority_kinds(mentions)
    by_doc: dict[str, list[Mention]] = defaultdict(list)
    for m in mentions:
        by_doc[m.span.doc].append(m)

    # 1. a key per mention; people's short forms resolved within their article first
    places = frozenset(place_key(m.text) for m in mentions if m.kind == "place" and " " not in place_key(m.text))
    keyed: list[tuple[Mention, str]] = []
    for doc, ms in by_doc.items():
        full_names = [person_parts(m.text) for m in ms if m.kind == "person" and len(person_parts(m.text)) >= 2]
        for m in ms:
            keyed.append((m, _mention_key(m, full_names, places)))

    # 2. people across articles: surnames merged by transliteration, first names must not clash
    person_keys = sorted({k for m, k in keyed if m.kind == "person"}, key=lambda k: (-len(k.split()), k))
    person_alias: dict[str, str] = {}
    # (canonical parts, every surname spelling merged in), bucketed by what similar_surnames requires
    # to be equal (first letter and consonant skeleton), so each name is compared with a few, not all
    buckets: dict[tuple[str, str], list[tuple[list[str], set[str]]]] = defaultdict(list)
    for key in person_keys:
        parts = key.split()
        surname = parts[-1]
        bucket = buckets[(surname[:1], skeleton(surname))]
        target = None
        for c, surnames in bucket:
            if any(similar_surnames(surname, s) for s in surnames) and (len(parts) == 1 or len(c) == 1
                                                                        or parts[0] == c[0]):
                target = (c, surnames)
                break
        if target is None:
            bucket.append((parts, {surname}))
            person_alias[key] = key
        else:
            target[1].add(surname)
            person_alias[key] = " ".join(target[0])

    entities: dict[tuple[str, str], Entity] = {}
    assignment: dict[tuple[str, int, int], str] = {}
    for m, key in keyed:
        if m.kind == "person":
            key = person_alias.get(key, key)
        ent = entities.get((m.kind, key))
        if ent is None:
            ent = entities[(m.kind, key)] = Entity(_entity_id(m.kind, key), m.kind, key)
        ent.surface[m.text] += 1
        ent.docs.add(m.span.doc)
        assignment[(m.span.doc, m.span.start, m.span.end)] = ent.id
    _merge_acronyms(entities, assignment)
    _merge_unqualified(entities, assignment, places)
    return [e.as_row() for e in entities.values()], assignment


def _merge_unqualified(entities: dict, assignment: dict, places: frozenset) -> None:
    """"the Interior Ministry" is "Belmoria's Interior Ministry" when the story has only one such ministry."""
    orgs = [(key, ent) for key, ent in entities.items() if key[0] == "organisation"]
    qualified: dict[frozenset, list] = defaultdict(list)      # name without its places -> names with them
    for key, ent in orgs:
        words = set(key[1].split())
        if words & places and words - places:
            qualified[frozenset(words - places)].append(ent)
    renamed: dict[str, str] = {}
    for key, ent in orgs:
        words = frozenset(key[1].split())
        if not words or words & places or len(qualified.get(words, ())) != 1:
            continue
        _absorb(entities, key, qualified[words][0], renamed)
    _rename(assignment, renamed)


def _majority_kinds(mentions: list[Mention]) -> None:
    """One kind per name across the corpus: NER calls "Rafah" a person now and then, a place mostly."""
    votes: dict[str, Counter] = defaultdict(Counter)
    for m in mentions:
        votes[fold(m.text)][m.kind] += 1
    for m in mentions:
        kinds = votes[fold(m.text)]
        best = max(kinds, key=lambda k: (kinds[k], _KIND_PRIORITY[k]))
        if best != m.kind:
            m.kind = best


def initials(name: str) -> str:
    return "".join(w[0] for w in name_words(name) if w not in _DROP_WORDS)


def _merge_acronyms(entities: dict, assignment: dict) -> None:
    """"IDF", "U.N.", "US" join the entity whose name they abbreviate, when exactly one does."""
    by_initials: dict[str, list] = defaultdict(list)
    for ent in entities.values():
        if len(name_words(ent.name)) >= 2 and any(c.islower() for c in ent.name):
            by_initials[initials(ent.name)].append(ent)
            first = ent.name.split()[0]
            if first.replace(".", "").isupper() and len(name_words(ent.name)) >= 3:
                by_initials["*" + initials(ent.name)[len(name_words(first)):]].append(ent)
    renamed: dict[str, str] = {}
    for key, ent in list(entities.items()):
        letters = ent.name.replace(".", "")
        if not (2 <= len(letters) <= 6 and letters.isalpha() and letters.isupper()):
            continue
        targets = [t for t in by_initials.get(letters.lower(), []) if t is not ent]
        if not targets:
            # "OCHA" for "UN Office for the Coordination of Humanitarian Affairs": the owner's prefix left out
            targets = [t for t in by_initials.get("*" + letters.lower(), []) if t is not ent]
        if len(targets) != 1:
            continue
        _absorb(entities, key, targets[0], renamed)
    _rename(assignment, renamed)


def _absorb(entities: dict, key: tuple, target: "Entity", renamed: dict[str, str]) -> None:
    """Fold the entity at ``key`` into ``target`` (its names, articles and id)."""
    ent = entities.pop(key)
    target.absorbed |= set(ent.surface) - set(target.surface)
    target.surface.update(ent.surface)
    target.docs |= ent.docs
    renamed[ent.id] = target.id


def _rename(assignment: dict, renamed: dict[str, str]) -> None:
    for k, v in assignment.items():
        if v in renamed:
            assignment[k] = renamed[v]


def _mention_key(m: Mention, full_names: list[list[str]], places: frozenset) -> str:
    if m.alias_of:
        # the text said what this stands for ("... Affairs (OCHA)")
        return _mention_key(Mention(m.span, m.alias_of, m.label, m.kind), full_names, places)
    if m.kind == "person":
        parts = person_parts(m.text) or name_words(m.text)
        if len(parts) == 1:
            matches = {" ".join(f) for f in full_names if f[-1] == parts[0]}
            if len(matches) == 1:
                return matches.pop()
        return " ".join(parts)
    if m.kind == "organisation":
        return org_key(m.text, places)
    if m.kind == "group":
        return group_key(m.text)
    return place_key(m.text)


def speaker_entity(speaker: Optional[str], rows: list[dict]) -> Optional[str]:
    """The entity whose aliases include a speaker name (used when no mention span links them)."""
    if not speaker:
        return None
    want = org_key(speaker)
    for r in rows:
        if any(org_key(a) == want for a in r["aliases"]):
            return r["id"]
    return None


_GEO_NOUNS = ("valley|city|town|village|camp|refugee camp|district|province|region|area|governorate|county|"
              "state|strip|neighbourhood|neighborhood|suburb|port|island|oblast|municipality|crossing")
_WITHIN = re.compile(rf"^(?:\s+(?:{_GEO_NOUNS}))?\s*,?\s+(?:in|of)\s+(?:the\s+)?"
                     r"(?:(?:north|south|east|west|central|northern|southern|eastern|western|north-eastern|"
                     r"north-western|south-eastern|south-western)\s+)?$", re.I)


def places_within(pairs: Iterable, mentions: dict[str, int]) -> dict[tuple[str, str], int]:
    """``(inner, outer) -> number of articles`` from text such as "Khan Younis in southern Gaza" or
    "the West Bank city of Ramallah".

    The container must be mentioned more often than what it holds (a story names
    its country more than its villages), and a pair seen both ways is dropped.
    """
    docs: dict[tuple[str, str], set] = defaultdict(set)
    for row in pairs:
        gap = row["gap_text"]
        if not _WITHIN.match(gap):
            continue
        inner, outer = row["inner_entity"], row["outer_entity"]
        if re.search(r"\b(?:city|town|village|camp|district|province|region|governorate)\s+of\s+$", gap, re.I):
            inner, outer = outer, inner           # "the West Bank city of Ramallah"
        if mentions.get(inner, 0) < mentions.get(outer, 0):
            docs[(inner, outer)].add(row["doc"])
    return {k: len(v) for k, v in docs.items() if (k[1], k[0]) not in docs}
