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
import functools
import itertools
import hashlib
import re
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Iterable, Optional, Sequence

from ..analyze.institutions import INSTITUTIONS
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


@functools.lru_cache(maxsize=1 << 17)
def fold(text: str) -> str:
    """Lowercase ASCII without accents ("Haniyé" -> "haniye")."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).lower()


@functools.lru_cache(maxsize=1 << 17)
def name_words(text: str) -> tuple[str, ...]:
    # cached: consolidation asks for the words of the same names again and again
    words = [w.strip("'’-") for w in _WORD.findall(fold(text))]
    words = [w[:-2] if w.endswith(("'s", "’s")) else w for w in words]
    return tuple(w for w in words if w)


_SPELLING = {"defense": "defence", "ministries": "ministry", "organization": "organisation",
             "program": "programme", "center": "centre", "co": "company"}


# A company's legal form is not part of which company it is: "General Motors Corporation" = "General Motors"
# ("company" is: "Alpha Company" is a military unit, not "Alpha"; "Co" is read as "Company").
_LEGAL_FORMS = frozenset({"inc", "corp", "corporation", "ltd", "limited", "plc", "llc"})


def org_key(text: str, places: frozenset = frozenset()) -> str:
    """Word set of an organisation name, without its legal form; demonyms become their place
    ("Israeli army" = "Israel's army")."""
    words = [w for w in name_words(text) if w not in _DROP_WORDS and not _RUN_BY.match(w)]
    words = [w for w in words if w not in _LEGAL_FORMS] or words
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


@functools.lru_cache(maxsize=1 << 17)
def person_parts(text: str) -> tuple[str, ...]:
    return tuple(w for w in name_words(text) if w not in _TITLES)


@functools.lru_cache(maxsize=1 << 17)
def skeleton(word: str) -> str:
    """Consonant skeleton for transliteration variants: Haniyeh, Haniya, Hanieh -> 'hn'."""
    w = re.sub(r"h$", "", word)
    return re.sub(r"[aeiouy]", "", w[0:1]) + re.sub(r"[aeiouyhw']", "", w[1:]) if w else ""


def similar_surnames(a: str, b: str) -> bool:
    if a == b:
        return True
    if a[:1] != b[:1] or skeleton(a) != skeleton(b) or abs(len(a) - len(b)) > 2:
        return False
    matcher = difflib.SequenceMatcher(None, a, b)
    # quick_ratio is an upper bound of ratio and far cheaper: most pairs stop there
    return matcher.quick_ratio() >= 0.7 and matcher.ratio() >= 0.7


@dataclass
class Entity:
    id: str
    kind: str
    key: str
    surface: Counter = field(default_factory=Counter)
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

    def as_row(self, docs: int) -> dict:
        return {"id": self.id, "name": self.name, "kind": self.kind,
                "aliases": sorted(self.surface, key=lambda s: (-self.surface[s], s)),
                "mentions": sum(self.surface.values()), "docs": docs}


_KIND_PREFIX = {"person": "per", "organisation": "org", "place": "loc", "group": "grp"}


def _entity_id(kind: str, key: str) -> str:
    slug = re.sub(r"[^a-z0-9]+", "-", key)[:40].strip("-") or "x"
    return f"{_KIND_PREFIX[kind]}:{slug}-{hashlib.sha1(key.encode()).hexdigest()[:6]}"


Form = tuple[str, str]          # (text as written, what the text said it stands for or "")


class Consolidation:
    """Entities from a corpus's distinct names, not from its every mention.

    Three passes, so a caller can stream from a store and hold only the distinct
    names (a few per article at most) in memory, never the mentions:

    1. ``Consolidation(forms)``: each ``(text, alias_of, kind as tagged, count)``; one kind
       per name by majority, the story's places, every name's key.
    2. ``add_document(doc, forms)`` for each article with people in it (its person names,
       ``(text, alias_of, count)``): a bare surname there is the full name the same article
       uses ("Haniyeh" after "Ismail Haniyeh"), so its key depends on the article.
    3. ``finish()``: people merged across articles, acronyms and unqualified names folded in.
       Returns the entities and where each mention goes: ``by_form[(text, alias_of)]``, or
       ``by_doc[(doc, text, alias_of)]`` for the surnames resolved within their article.
    """

    def __init__(self, forms: Iterable[tuple[str, Optional[str], str, int]]):
        self.counts: Counter = Counter()
        votes: dict[str, Counter] = defaultdict(Counter)
        for text, alias_of, kind, n in forms:
            if fold(text).strip(".") in _NOT_ENTITIES:
                continue
            self.counts[(text, alias_of or "")] += n
            votes[fold(text)][kind] += n
        # one kind per name across the corpus: NER calls "Rafah" a person now and then, a place mostly
        self._kind = {name: max(k, key=lambda x: (k[x], _KIND_PRIORITY[x])) for name, k in votes.items()}
        # and a name the gazetteer knows as a place is one, whatever NER made of it most of the time
        # ("Khan Younis", "Jabalia" tagged as people), when NER also saw it as a place or it is no small town
        for name, k in votes.items():
            if self._kind[name] in ("person", "organisation") and _gazetteer_place(name, k["place"] > 0):
                self._kind[name] = "place"
            elif self._kind[name] == "place" and _demonym(name):
                self._kind[name] = "group"          # "Gazan", "Sudanese": a people, not a place
        self.places = frozenset(place_key(t) for t, _ in self.counts
                                if self.kind(t) == "place" and " " not in place_key(t))
        self._moved: Counter = Counter()                     # form -> mentions keyed within their article
        self._doc_keys: dict[tuple[str, str, str], tuple[str, int]] = {}     # (doc, text, alias_of) -> key, count
        self._tagged_otherwise: set[tuple[str, str]] = set()     # bare surnames moved that NER tagged otherwise

    def kind(self, text: str) -> Optional[str]:
        return self._kind.get(fold(text))

    def key(self, text: str, alias_of: str, full_names: Sequence[list[str]] = ()) -> str:
        return _mention_key(text, alias_of, self.kind(text), full_names, self.places)

    def person_forms(self) -> set[str]:
        """The names ``add_document`` needs per article: people, and single words tagged otherwise
        that are some person's surname (NER calls a bare "Sanchez" an organisation now and then)."""
        people = {text for text, _ in self.counts if self.kind(text) == "person"}
        surnames = {(person_parts(t)[-1],) for t in people if len(person_parts(t)) >= 2}
        return people | {text for text, _ in self.counts
                         if self.kind(text) not in ("person", "place") and person_parts(text) in surnames}

    def add_document(self, doc: str, forms: Iterable[tuple[str, Optional[str], int]]) -> None:
        forms = [(t, a or "", n) for t, a, n in forms if (t, a or "") in self.counts]
        people = [f for f in forms if self.kind(f[0]) == "person"]
        full_names = [p for p in (person_parts(t) for t, _, _ in people) if len(p) >= 2]
        if not full_names:
            return
        # a bare surname tagged otherwise is the person of this article who has it ("Sanchez told
        # reporters" after "Pedro Sanchez said")
        surnames = {f[-1] for f in full_names}
        people += [f for f in forms if self.kind(f[0]) not in ("person", "place") and not f[1]
                   and len(person_parts(f[0])) == 1 and person_parts(f[0])[0] in surnames]
        for text, alias_of, n in people:
            key = _mention_key(text, alias_of, "person", full_names, self.places)
            if key != self.key(text, alias_of):
                self._doc_keys[(doc, text, alias_of)] = (key, n)
                self._moved[(text, alias_of)] += n
                if self.kind(text) != "person":
                    self._tagged_otherwise.add((text, alias_of))

    def add_documents(self, rows: Iterable[tuple[str, str, Optional[str], int]]) -> None:
        """``add_document`` for rows ``(doc, text, alias_of, count)`` that come ordered by document."""
        for doc, group in itertools.groupby(rows, key=lambda r: r[0]):
            self.add_document(doc, ((text, alias_of, n) for _, text, alias_of, n in group))

    def finish(self) -> tuple[list[Entity], dict[Form, str], dict[tuple[str, str, str], str]]:
        # a bare surname tagged otherwise is a person only where most of its mentions sit beside
        # that person's full name: "Brightwater" on its own in most articles is the company
        undone = {form for form in self._tagged_otherwise if 2 * self._moved[form] < self.counts[form]}
        if undone:
            self._doc_keys = {w: v for w, v in self._doc_keys.items() if w[1:] not in undone}
            for form in undone:
                self._moved[form] = 0
        # (kind, key, text, mentions, where they are: a form everywhere, or a form in one article)
        keyed: list[tuple[str, str, str, int, tuple]] = []
        for (text, alias_of), n in sorted(self.counts.items()):
            if n > self._moved[(text, alias_of)]:
                keyed.append((self.kind(text), self.key(text, alias_of), text, n - self._moved[(text, alias_of)],
                              (text, alias_of)))
        for (doc, text, alias_of), (key, n) in sorted(self._doc_keys.items()):
            keyed.append(("person", key, text, n, (doc, text, alias_of)))

        # people across articles: surnames merged by transliteration, first names must not clash
        person_alias = _person_aliases({key for kind, key, *_ in keyed if kind == "person"})
        entities: dict[tuple[str, str], Entity] = {}
        by_form: dict[Form, str] = {}
        by_doc: dict[tuple[str, str, str], str] = {}
        for kind, key, text, n, where in keyed:
            if kind == "person":
                key = person_alias.get(key, key)
            ent = entities.get((kind, key))
            if ent is None:
                ent = entities[(kind, key)] = Entity(_entity_id(kind, key), kind, key)
            ent.surface[text] += n
            (by_form if len(where) == 2 else by_doc)[where] = ent.id
        for merge in (_merge_acronyms, lambda ents: _merge_unqualified(ents, self.places), _merge_bare_kind_words):
            renamed = merge(entities)
            _rename(by_form, renamed)
            _rename(by_doc, renamed)
        return list(entities.values()), by_form, by_doc


def _merge_bare_kind_words(entities: dict) -> dict[str, str]:
    """"the Strip" is the Gaza Strip, "the Prefecture" Ishikawa Prefecture, when the story names exactly one
    place so called."""
    from ..analyze.lexicon.gazetteer import AREA_WORDS

    renamed: dict[str, str] = {}
    for key, ent in list(entities.items()):
        if key[0] != "place" or key[1] not in AREA_WORDS:
            continue
        targets = [t for k, t in entities.items() if k[0] == "place" and t is not ent and any(
            len(name_words(form)) > 1 and name_words(form)[-1] == key[1] for form in t.surface)]
        if len(targets) == 1:
            _absorb(entities, key, targets[0], renamed)
    return renamed


def _person_aliases(person_keys: Iterable[str]) -> dict[str, str]:
    """Person key -> the key of the person it is: transliterated surnames ("Haniyeh", "Haniya")
    merge, and a first name must not clash ("Ismail Haniyeh" is not "Ali Haniyeh").

    Keys are taken longest first; each joins the earliest person (of its bucket: same surname
    initial and consonant skeleton, which similar surnames share) that has a similar surname and
    a compatible first name, else founds one. Indexes by spelling and first name find that
    earliest person without comparing the key with every person of the bucket.
    """
    person_alias: dict[str, str] = {}
    buckets: dict[tuple[str, str], _Bucket] = defaultdict(_Bucket)
    for key in sorted(person_keys, key=lambda k: (-len(k.split()), k)):
        parts = key.split()
        if not parts:
            person_alias[key] = key             # (no name left to compare: itself)
            continue
        surname = parts[-1]
        bucket = buckets[(surname[:1], skeleton(surname))]
        similar = {s for s in bucket.first_with if similar_surnames(surname, s)}
        target = bucket.earliest(parts, similar)
        if target is None:
            target = bucket.found(parts)
            person_alias[key] = key
        else:
            person_alias[key] = " ".join(bucket.people[target])
        bucket.add_surname(target, surname)
    return person_alias


@dataclass
class _Bucket:
    people: list = field(default_factory=list)          # canonical parts, in founding order
    surnames: list = field(default_factory=list)        # every surname spelling merged into each
    first_with: dict = field(default_factory=dict)      # spelling -> earliest person having it
    first_bare_with: dict = field(default_factory=dict)  # ... among people known by a surname only
    by_first_name: dict = field(default_factory=lambda: defaultdict(list))   # first name -> people, in order

    def earliest(self, parts: list[str], similar: set[str]) -> Optional[int]:
        if not similar:
            return None
        if len(parts) == 1:               # a bare surname may join anyone with a similar surname
            return min(self.first_with[s] for s in similar)
        found = [self.first_bare_with[s] for s in similar if s in self.first_bare_with]
        for i in self.by_first_name.get(parts[0], ()):
            if self.surnames[i] & similar:
                found.append(i)
                break
        return min(found) if found else None

    def found(self, parts: list[str]) -> int:
        self.people.append(parts)
        self.surnames.append(set())
        i = len(self.people) - 1
        if len(parts) > 1:
            self.by_first_name[parts[0]].append(i)
        return i

    def add_surname(self, i: int, surname: str) -> None:
        self.surnames[i].add(surname)
        self.first_with[surname] = min(self.first_with.get(surname, i), i)
        if len(self.people[i]) == 1:
            self.first_bare_with[surname] = min(self.first_bare_with.get(surname, i), i)


def consolidate(mentions: Iterable[Mention]) -> tuple[list[dict], dict[tuple[str, int, int], str]]:
    """Group mentions held in memory into entities. Returns entity rows and ``(doc, start, end) -> entity id``.

    The same :class:`Consolidation` a store streams its distinct names through.
    """
    mentions = list(mentions)
    forms = Counter((m.text, m.alias_of or "", m.kind) for m in mentions)
    c = Consolidation((t, a, k, n) for (t, a, k), n in forms.items())
    by_doc: dict[str, Counter] = defaultdict(Counter)
    wanted = c.person_forms()
    for m in mentions:
        if m.text in wanted:
            by_doc[m.span.doc][(m.text, m.alias_of or "")] += 1
    c.add_documents((doc, t, a, n) for doc, counts in by_doc.items() for (t, a), n in counts.items())
    entities, form_entity, doc_entity = c.finish()
    assignment: dict[tuple[str, int, int], str] = {}
    docs: dict[str, set] = defaultdict(set)
    for m in mentions:
        form = (m.text, m.alias_of or "")
        entity = doc_entity.get((m.span.doc, *form)) or form_entity.get(form)
        if entity:
            assignment[(m.span.doc, m.span.start, m.span.end)] = entity
            docs[entity].add(m.span.doc)
    return [e.as_row(len(docs[e.id])) for e in entities], assignment


def _merge_unqualified(entities: dict, places: frozenset) -> dict[str, str]:
    """"the Interior Ministry" is "Belmoria's Interior Ministry" when the story has only one such ministry.
    Only a place's own body ("Israel's Supreme Court", "Palestine Red Crescent") or an institution
    ("the Health Ministry in Gaza"): a company is not its one branch the story names ("GM" is not
    "GM Europe", nor "Ford" "Ford Australia")."""
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
        target = qualified[words][0]
        if not (words & _INSTITUTION_KEYS or _place_first(target, places)):
            continue
        _absorb(entities, key, target, renamed)
    return renamed


_INSTITUTION_KEYS = frozenset(singular(w) for w in INSTITUTIONS)


def _place_first(ent: "Entity", places: frozenset) -> bool:
    """Some name of ``ent`` opens on its place: "Israeli Navy", "Egypt's Central Bank"."""
    for form in ent.surface:
        words = [w for w in name_words(form) if w not in _DROP_WORDS]
        if words and demonym_place(_SPELLING.get(words[0], words[0]), places) in places:
            return True
    return False


def initials(name: str, without: frozenset = frozenset()) -> str:
    return "".join(w[0] for w in name_words(name) if w not in _DROP_WORDS and w not in without)


def _merge_acronyms(entities: dict) -> dict[str, str]:
    """"IDF", "U.N.", "US" join the entity whose name they abbreviate, when exactly one does."""
    by_initials: dict[str, list] = defaultdict(list)
    for ent in entities.values():
        if len(name_words(ent.name)) >= 2 and any(c.islower() for c in ent.name):
            by_initials[initials(ent.name)].append(ent)
            # "GM" for "General Motors Corporation", when no name has the initials in full
            bare = initials(ent.name, _LEGAL_FORMS)
            if bare != initials(ent.name) and len(bare) >= 2:
                by_initials["-" + bare].append(ent)
            first = ent.name.split()[0]
            if first.replace(".", "").isupper() and len(name_words(ent.name)) >= 3:
                by_initials["*" + initials(ent.name)[len(name_words(first)):]].append(ent)
    renamed: dict[str, str] = {}
    for key, ent in list(entities.items()):
        letters = ent.name.replace(".", "")
        if not (2 <= len(letters) <= 6 and letters.isalpha() and letters.isupper()):
            continue
        # the initials in full, then without legal forms, then (OCHA for "UN Office for the Coordination of
        # Humanitarian Affairs") without the owner's prefix; an organisation's acronym is an organisation's,
        # wherever it is found ("GM" is General Motors Corporation, not the Grand Marquis tagged a place)
        tiers = [[t for t in by_initials.get(p + letters.lower(), []) if t is not ent] for p in ("", "-", "*")]
        own_kind = [[t for t in tier if t.kind == ent.kind] for tier in tiers]
        targets = next((tier for tier in own_kind if tier), None) or next((tier for tier in tiers if tier), [])
        if len(targets) != 1:
            continue
        _absorb(entities, key, targets[0], renamed)
    return renamed


def _absorb(entities: dict, key: tuple, target: "Entity", renamed: dict[str, str]) -> None:
    """Fold the entity at ``key`` into ``target`` (its names, articles and id)."""
    ent = entities.pop(key)
    target.absorbed |= set(ent.surface) - set(target.surface)
    target.surface.update(ent.surface)
    renamed[ent.id] = target.id


def _rename(mapping: dict, renamed: dict[str, str]) -> None:
    for k, v in mapping.items():
        if v in renamed:
            mapping[k] = renamed[v]


def _gazetteer_place(name: str, seen_as_place: bool) -> bool:
    """Whether the gazetteer knows this very name as a place (not an organisation's or a person's)."""
    from ..analyze.lexicon.gazetteer import gazetteer

    words = name.split()
    if not words or not all(w[:1].isalpha() for w in words) or len(words) > 4:
        return False
    found = gazetteer().find(name)
    if not found:
        return False
    return seen_as_place or any(p.kind in ("country", "territory", "region") or p.population >= 100_000
                                for p in found)


def _demonym(name: str) -> bool:
    from ..analyze.lexicon.gazetteer import gazetteer

    return gazetteer().demonym(name) is not None and not gazetteer().find(name)


def _place_entity_key(text: str) -> str:
    """"Gaza Strip" and "Gaza", "Ishikawa Prefecture" and "Ishikawa": one place where the gazetteer says
    the bare name is the same place ("Gaza City" stays apart)."""
    from ..analyze.figures.place import clean_name
    from ..analyze.lexicon.gazetteer import gazetteer

    name = clean_name(text)
    found = gazetteer().find(name)
    if len(found) == 1 and fold(found[0].name) != fold(name) and \
            len(found[0].name.split()) == len(name.split()) and fold(found[0].name)[:4] == fold(name)[:4]:
        return place_key(found[0].name)     # a spelling of the same place: "Jabalya" is Jabalia
    return place_key(name)


def _mention_key(text: str, alias_of: str, kind: str, full_names: Sequence[list[str]], places: frozenset) -> str:
    if alias_of:
        # the text said what this stands for ("... Affairs (OCHA)")
        return _mention_key(alias_of, "", kind, full_names, places)
    if kind == "person":
        parts = person_parts(text) or name_words(text)
        if len(parts) == 1:
            matches = {" ".join(f) for f in full_names if f[-1] == parts[0]}
            if len(matches) == 1:
                return matches.pop()
        return " ".join(parts)
    if kind == "organisation":
        return org_key(text, places)
    if kind == "group":
        return group_key(text)
    return _place_entity_key(text)


def source_entities(sources: Iterable[str], rows: Sequence[dict]) -> dict[str, Optional[str]]:
    """Each figure source as written -> the entity one of whose aliases names it (by organisation
    word set), the most mentioned when several do; ``None`` when none does."""
    wanted = {s: org_key(s) for s in sources if s}
    if not wanted:
        return {}
    keys = set(wanted.values())
    best: dict[str, tuple[int, str]] = {}
    for r in rows:
        for key in {org_key(a) for a in r["aliases"]} & keys:
            if key not in best or (-r["mentions"], r["id"]) < (-best[key][0], best[key][1]):
                best[key] = (r["mentions"], r["id"])
    return {s: best[k][1] if k in best else None for s, k in wanted.items()}


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
