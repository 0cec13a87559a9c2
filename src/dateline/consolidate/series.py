"""Figure series: the same toll, counted by the same source, followed over time.

A series is the cumulative figures that share a measure (killed, wounded, ...),
a place (Gaza, Israel, ...), a category of people (people, children, women,
soldiers, ...) and a source. Sources are merged by what they are, not by how
they are named: a place's ministries, authorities, officials, government and
military are that place's *authorities* ("the Gaza health ministry", "the health
ministry in Hamas-run Gaza", "Gaza authorities"); other sources (UN agencies,
hospitals, news agencies, named people) keep their own identity. A figure with
no source joins the largest series with the same measure, place and category
(marked ``source_inferred``), since news reprints tolls without attribution.

Two steps. :func:`describe` looks at one article's figures alone (which count, the
place each names, its category, its source key with the figure's place left open);
the store keeps these descriptions (table ``figure_series``), written at
consolidation for new articles and again only for those a change in the story's
places can touch (:func:`describe_documents`). :func:`group` then forms the series
across articles on every read (placing unplaced tolls by value, unattributed
tolls joining the largest series), since one new figure can move old points; so a
series always reflects the current ledger.
"""
from __future__ import annotations

import bisect
import datetime as dt
import functools
import hashlib
import math
import re
import statistics
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import Iterable, Optional

from ..bulk import gc_paused
from ..store.sqlite import Store
from ..analyze.lexicon.gazetteer import bare, fold as fold_place, gazetteer
from .aliases import demonym_place, fold, name_words, place_key

# Words that make a source an authority of its place.
AUTHORITY_WORDS = {"ministry", "ministries", "authority", "authorities", "government", "official", "officials",
                   "figures", "military", "army", "spokesperson", "spokesman", "spokeswoman", "office", "cabinet",
                   "statement", "idf", "forces", "police", "health", "data", "tally", "count", "services"}
# Category of the people counted, most specific first; anything else counted is "people".
CATEGORIES = [
    ("identified", {"identified"}),       # deaths of people identified by name: a part of the toll
    # bodies recovered, collected, buried: a count of the dead found so far, never an estimate of all deaths
    ("bodies", {"body", "bodies", "corpse", "corpses", "remains"}),
    ("hostages", {"hostage", "hostages", "captive", "captives", "abductee", "abductees"}),
    ("children", {"child", "children", "kid", "kids", "minor", "minors", "infant", "infants", "baby", "babies"}),
    ("women", {"woman", "women", "mother", "mothers"}),
    ("elderly", {"elderly", "over-60s", "pensioner", "pensioners"}),
    ("health workers", {"doctor", "doctors", "nurse", "nurses", "medic", "medics", "paramedic", "paramedics",
                        "health", "healthcare", "medical"}),
    ("journalists", {"journalist", "journalists", "reporter", "reporters"}),
    ("peacekeepers", {"peacekeeper", "peacekeepers"}),
    ("aid workers", {"aid", "unrwa", "un", "staff", "employees", "humanitarian"}),
    ("soldiers", {"soldier", "soldiers", "troop", "troops", "servicemen", "servicewomen", "servicemembers",
                  "serviceman", "marines", "sailors", "airmen", "paratroopers", "idf"}),
    # police and guards: counted apart from the people (a security forces' toll is no general toll)
    ("security forces", {"police", "policemen", "policeman", "policewomen", "officers", "security", "guards",
                         "gendarmes", "personnel"}),
    ("militants", {"militant", "militants", "fighter", "fighters", "terrorist", "terrorists", "gunmen", "rebel",
                   "rebels", "insurgent", "insurgents", "combatants"}),
    ("protesters", {"protester", "protesters", "protestor", "protestors", "demonstrator", "demonstrators"}),
    ("civilians", {"civilian", "civilians"}),
    ("foreigners", {"foreigner", "foreigners", "foreign", "nationals", "britons", "thais", "americans"}),
]
_GENERIC_PLACE_SUFFIX = {"strip", "territory", "territories", "enclave"}
# Words that may qualify an authority without naming a different body ("the territory's health ministry").
_AUTHORITY_MODIFIERS = {"local", "senior", "top", "public", "press", "media", "foreign", "defence", "defense",
                        "interior", "prime", "minister", "national", "civil", "emergency", "blockaded", "enclave",
                        "territory", "country", "state", "official", "israel", "hamas", "palestinian"}


@dataclass
class Point:
    figure: str                # figure id
    doc: str
    doc_date: dt.date
    as_of: dt.date
    value: float
    value_max: Optional[float]
    qualifier: str
    scope: str
    start: int                 # sentence span in the document
    end: int
    value_start: int
    value_end: int
    sentence: str
    source: Optional[str]
    source_inferred: bool = False
    dup_group: Optional[str] = None
    revised: bool = False              # its text says the count was revised down
    told: bool = True                  # its text tells it as a running toll (a rule said so), not by default

    @property
    def dated_by_text(self) -> bool:
        return self.as_of != self.doc_date


@dataclass
class Series:
    id: str
    measure: str
    place: Optional[str]
    category: str
    source_key: Optional[str]
    label: str
    points: list[Point] = field(default_factory=list)

    @property
    def latest(self) -> Point:
        return max(self.points, key=lambda p: (p.as_of, p.doc_date, p.value))

    @property
    def sources(self) -> list[str]:
        names = Counter(p.source for p in self.points if p.source and not p.source_inferred)
        return [n for n, _ in names.most_common()]

    def summary(self) -> dict:
        last = self.latest
        return {"kind": "series", "id": self.id, "measure": self.measure, "place": self.place,
                "category": self.category, "source": self.label, "sources": self.sources,
                "points": len(self.points), "reports": len({p.doc for p in self.points}),
                "latest_value": last.value, "latest_qualifier": last.qualifier, "latest_as_of": last.as_of.isoformat(),
                "latest_doc": last.doc, "first_as_of": min(p.as_of for p in self.points).isoformat()}


_HEAD = re.compile(r"\w+")


class Places:
    """The story's places (from the entity table), and how a text names one."""

    def __init__(self, names: Iterable[str], within: Optional[dict[str, str]] = None):
        keys = {place_key(n) for n in names if n}
        self.single = frozenset(k for k in keys if " " not in k)
        self.multi = {k for k in keys if " " in k}
        self.within = {place_key(a): place_key(b) for a, b in (within or {}).items()}
        # multi-word names by their first word-character run, so a text is tested against the
        # few names that can occur in it, not against every place of the story
        self._found: dict[tuple[str, bool], Optional[str]] = {}
        self._multi_by_head: dict[str, list[tuple[str, re.Pattern]]] = defaultdict(list)
        for key in sorted(self.multi, key=lambda k: (-len(k), k)):
            self._multi_by_head[_HEAD.search(key).group(0)].append((key, re.compile(rf"\b{re.escape(key)}\b")))

    @classmethod
    def of_entities(cls, places: Iterable[tuple[str, str, list[str]]]) -> "Places":
        """From place entities ``(id, name, aliases)`` (a Parquet ledger's; no places-within there)."""
        return cls(a for _, _, aliases in places for a in aliases)

    @classmethod
    def of_store(cls, store: Store) -> "Places":
        names = store.place_names()
        within = {}
        for inner, outer in store.places_within():
            if inner in names and outer in names:
                for alias in names[inner][1]:
                    within[alias] = names[outer][0]
        return cls((a for _, aliases in names.values() for a in aliases), within)

    def canonical(self, key: str) -> str:
        """One name per place ("Gaza Strip" is Gaza). Places inside others stay themselves: a count
        for one town is not the country's toll (``within`` only informs readers)."""
        words = key.split()
        # "gaza strip" -> "gaza"; "the occupied west bank" stays "west bank"
        while len(words) > 1 and words[-1] in _GENERIC_PLACE_SUFFIX:
            words = words[:-1]
        return " ".join(words)

    def find(self, text: Optional[str], demonyms: bool = True) -> Optional[str]:
        """The place a text names (the longest name first), or a demonym's place; memoised per text,
        since sources and groups repeat across thousands of figures."""
        if not text:
            return None
        key = (text, demonyms)
        if key not in self._found:
            self._found[key] = self._find(text, demonyms)
        return self._found[key]

    def _find(self, text: str, demonyms: bool) -> Optional[str]:
        words = name_words(text)
        joined = " ".join(words)
        candidates = [c for head in set(_HEAD.findall(joined)) for c in self._multi_by_head.get(head, ())]
        for key, pattern in sorted(candidates, key=lambda c: (-len(c[0]), c[0])):      # the longest name first
            if pattern.search(joined):
                return self.canonical(key)
        for w in words:
            if w in self.single:
                return self.canonical(w)
        if demonyms:
            for w in words:
                for form in (w, w[:-1] if w.endswith("s") else w):
                    place = demonym_place(form, self.single)
                    if place != form:
                        return self.canonical(place)
        return None


# the categories of armed forces: soldiers and police named together are still not the people's toll
_ARMED = {"soldiers", "security forces"}


def _coordinated(row: dict) -> bool:
    """The counted noun is coordinated with another ("900 soldiers and civilians"), not a second figure."""
    after = row["sentence"][row["end"] - row["sent_start"]:][:60]
    words = re.findall(r"[A-Za-z][A-Za-z-]*|\d[\d,.]*|[^\sA-Za-z\d]", after)[:7]
    if "and" not in words[:4]:
        return False
    i = words.index("and")
    right = words[i + 1:i + 3]
    if any(w[0].isdigit() for w in right):
        return False

    def cats(ws: list[str]) -> set[str]:
        return {c for c, lexicon in CATEGORIES for w in ws if w.lower() in lexicon}

    left_cats, right_cats = cats(words[:i]), cats(right)
    if left_cats | right_cats <= _ARMED:
        return False            # "1,100 soldiers and police": the armed forces' dead, not everyone
    return bool(left_cats and right_cats and left_cats != right_cats)



_SOLDIER_WORDS = dict(CATEGORIES)["soldiers"]
_SECURITY_WORDS = dict(CATEGORIES)["security forces"]


@functools.lru_cache(maxsize=1 << 16)
def category_of(group: Optional[str]) -> str:
    """The category of the people counted, read from the counted noun and its modifiers, not from what a
    prepositional phrase or clause after it says ("the death toll in Kessa as Belmoria's war against the
    militant group continues" counts people)."""
    text = group or ""
    member = re.match(r"(?:the\s+)?(?:members?|ranks)\s+of\s+", text, re.I)
    if member:
        text = text[member.end():]      # "members of the security forces": those forces
    head = re.split(r"\s(?:in|of|as|against|from|by|since|during|after|amid|across|at|on|while|when)\s|[,;:(]",
                    text, maxsplit=1)[0]
    words = set(name_words(head))
    if "identified" in name_words(group or ""):
        return "identified"         # "deaths of people who have been identified": wherever it is said
    if words & _SOLDIER_WORDS and words & _SECURITY_WORDS:
        return "security forces"    # "soldiers and police": the state's forces, however they are listed
    for name, lexicon in CATEGORIES:
        if words & lexicon:
            return name
    return "people"


_RULERS = {"regime", "government", "administration", "junta"}
_NOT_A_RULER = {"opposition", "rebel", "rebels", "exile", "exiled", "interim", "transitional", "parallel", "rival",
                "local", "regional", "provincial", "state", "city", "county", "municipal", "national"}


def source_key(source: Optional[str], places: Places, figure_place: Optional[str]) -> Optional[str]:
    """``authorities:<place>`` for a place's official bodies, else ``source:<words>``."""
    if not source:
        return None
    words = [w for w in name_words(source) if w not in ("the", "of", "in", "for", "and", "to")]
    if not words:
        return None
    own_place = places.find(source)

    def generic(w: str) -> bool:
        return (w in AUTHORITY_WORDS or w in _AUTHORITY_MODIFIERS or bool(re.search(r"-(?:run|controlled|led)$", w))
                or places.find(w) is not None)

    if all(generic(w) for w in words) and (own_place or any(w in AUTHORITY_WORDS for w in words)):
        return f"authorities:{own_place or figure_place or 'unknown'}"
    if len(words) <= 3 and words[-1] in _RULERS and not any(w in _NOT_A_RULER for w in words):
        # "the Assad regime", "the Maduro government": a leader's name on a state's organ is that state
        return f"authorities:{own_place or figure_place or 'unknown'}"
    return "source:" + " ".join(sorted(set(words)))


# A count the analysis found to span places no one place holds ("257 killed in Lima and Quito"): it
# has no place, and none is guessed for it, from its words or its value (its series is the unplaced one).
OVER_PLACES = "(over several places)"
OVER_PLACES_RULE = "=> figures.place:place/over-the-places-"


def _place_of(row: dict, places: Places) -> Optional[str]:
    """The series place of a figure: where analysis put the counted people (see analyze.figures.place),
    one key for one place however it is written ("the Gaza Strip" = "Gaza", "Ishikawa Prefecture" =
    "Ishikawa"); for figures stored before figures had a place, what the story's place names in their
    words say."""
    if row.get("place"):
        return place_series_key(row["place"])
    if OVER_PLACES_RULE in (row.get("rules") or ""):
        return OVER_PLACES
    group = row.get("grp") or ""
    explicit = places.find(group, demonyms=False)
    if explicit:
        return explicit
    source_place = places.find(row.get("source"))
    if source_place:
        return source_place
    demonym = places.find(group)
    if demonym:
        return demonym
    # a place the sentence puts the counted people in ("... killed in Gaza", "in southern Israel")
    after = row["sentence"][row["end"] - row["sent_start"]:][:120]
    m = re.search(r"\b(?:in|inside|across|from)\s+(?:the\s+)?(?:(?:northern|southern|eastern|western|central|"
                  r"occupied|besieged)\s+)?([A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*)", after)
    if m and places.find(m.group(1)):
        return places.find(m.group(1))
    return places.find(row["sentence"], demonyms=False) if _one_place(row["sentence"], places) else None


@functools.lru_cache(maxsize=1 << 14)
def place_series_key(place: str) -> str:
    """One key for one place however an article writes it: its own folded name, or, where the gazetteer knows
    the name as one place only, that place's ("Gondar" and "Gonder", "US" and "United States": one series)."""
    key = bare(fold_place(place))
    names = {bare(fold_place(p.name)) for p in gazetteer().find(place)}
    return names.pop() if len(names) == 1 else key


def _one_place(sentence: str, places: Places) -> bool:
    """A sentence that names a single place (leaving the reader no other choice)."""
    found = {places.find(w.group(0), demonyms=False)
             for w in re.finditer(r"[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*)*", sentence)}
    found.discard(None)
    return len(found) == 1


def _series_id(key: tuple) -> str:
    text = "|".join(str(k) for k in key)
    slug = re.sub(r"[^a-z0-9]+", "-", "-".join(str(k) for k in key[:3]).lower()).strip("-")
    return f"{slug}-{hashlib.sha1(text.encode()).hexdigest()[:6]}"


def _label(source_key_: Optional[str], rows: list[dict]) -> str:
    if source_key_ is None:
        return "unattributed"
    kind, _, rest = source_key_.partition(":")
    if kind == "authorities":
        return f"{rest.title()} authorities" if rest != "unknown" else "authorities, place not named"
    named = Counter(r["source"] for r in rows if r["source"])
    return named.most_common(1)[0][0] if named else rest


def build_series(store: Store, measure: Optional[str] = None,
                 scopes: tuple[str, ...] = ("cumulative",)) -> list[Series]:
    """All series of the ledger (cumulative figures by default), largest first.

    Cumulative figures are grouped from their stored descriptions (table ``figure_series``,
    kept current at each consolidation: see :func:`describe_documents`), the same series as
    describing every figure afresh (tested); other scopes, or a store not yet described,
    are described here.
    """
    with gc_paused():
        dup = store.dup_groups()
        if (scopes == ("cumulative",) and store.get_state("figure_series") == DESCRIBED
                and store.get_state("needs_consolidation") == "0"):
            described = [(r, r["_place"], r["_category"], r["_skey"]) for r in store.described_figures(measure)]
            return group(described, dup)
        places = Places.of_store(store)
        return series_of([r for r in store.figures(measure=measure) if r["scope"] in scopes], places, dup)


def series_of(rows: list[dict], places: Places, dup: dict[str, Optional[str]]) -> list[Series]:
    """Series from figure rows as the store gives them (``Store.figures``: columns of table
    ``figures`` plus ``doc_date`` and ``sentence``, ordered by as-of day, article and offset),
    the story's places and each article's duplicate group."""
    return group(describe(rows, places), dup)


Described = tuple[dict, Optional[str], str, Optional[str]]


def describe(rows: list[dict], places: Places) -> list[Described]:
    """What each figure brings to a series from its own article and the story's places: the
    figures that count (the largest per sentence; not a sub-group nobody named), each with
    its row (source and group inherited from an attributed twin in the article), the place
    its text names, its category of people, and its source key with the figure's place left
    open (see :func:`_with_place`). Only the article's own figures matter, so an article is
    described once; only a change in the story's places can change it later."""
    described = []
    skeys: dict[Optional[str], Optional[str]] = {}        # sources repeat across thousands of figures
    for r in _largest_per_sentence(_inherit_within_documents(rows)):
        category = category_of(r["grp"])
        if category != "people" and _coordinated(r):
            category = "people"       # "900 soldiers and civilians" counts everyone
        if (r["parent"] or r.get("breakdown")) and category == "people":
            continue          # a sub-group nobody named ("…, of which 4,237 are", "Drowning: 20") is not the total
        happening = _ONE_HAPPENING.search(r.get("rules") or "")
        if happening:
            # the toll of a story about one bombing, crash or sinking is that happening's: not compared with
            # another story's toll of the same place (a war's, an uprising's) that a stream mixes in
            category = f"{category} ({happening.group(1)})"
        if r["source"] not in skeys:
            skeys[r["source"]] = source_key(r["source"], places, _FIGURE_PLACE)
        described.append((r, _place_of(r, places), category, skeys[r["source"]]))
    return described


# State of a store whose figures are all described, in this format (another value: describe them all).
DESCRIBED = "complete-5"

# the note analysis leaves on the toll of a story about one happening: "story/one-happening  (crash)"
_ONE_HAPPENING = re.compile(r"figures\.scope:story/one-happening  \(([^)]+)\)")

# Stands for the figure's place in a stored source key (not a place key: those are plain words).
_FIGURE_PLACE = "<figure place>"


def _with_place(skey: Optional[str], place: Optional[str]) -> Optional[str]:
    """``source_key(source, places, place)`` from ``source_key(source, places, _FIGURE_PLACE)``: an
    authority that names no place of its own is the authority of the figure's place."""
    return f"authorities:{place or 'unknown'}" if skey == f"authorities:{_FIGURE_PLACE}" else skey


def group(described: list[Described], dup: dict[str, Optional[str]]) -> list[Series]:
    """Series from described figures (in the store's figure order): placing the figures whose
    text names no place by their value, then grouping by measure, place, category and source,
    unattributed figures joining the largest attributed series of their toll."""
    placed = defaultdict(list)
    for r, place, category, _ in described:
        if place and place != OVER_PLACES and not r.get("place_inferred"):
            placed[(r["measure"], place, category)].append(r)
    by_value = _ByValue(placed)
    rolled = _roll_up(placed)
    keyed: dict[tuple, list[tuple[dict, bool]]] = defaultdict(list)
    pending: list[tuple[tuple, dict]] = []
    for r, place, category, skey in described:
        if place and r.get("place_inferred") and placed.get((r["measure"], place, category)) and \
                _beyond(r, placed[(r["measure"], place, category)]):
            # the article's place, though the figures said of that place are far below it: a toll of
            # somewhere else or of everywhere ("202" in a story of one state's 95): placed by value or not
            # (a figure far below them may be an old one: that is for the alerts to say)
            place = None
        if place == OVER_PLACES:
            place = None
        else:
            place = place or by_value.place(r, category)
            place = rolled.get((r["measure"], place, category), place)
        base = (r["measure"], place, category)
        skey = _with_place(skey, place)
        if skey is None:
            pending.append((base, r))
        else:
            keyed[base + (skey,)].append((r, False))
    for base, r in pending:
        # unattributed: the largest attributed series of the same toll, else a series of its own
        candidates = [k for k in keyed if k[:3] == base and k[3] is not None]
        if candidates:
            best = max(candidates, key=lambda k: (k[3].startswith("authorities"), len(keyed[k]), k[3]))
            keyed[best].append((r, True))
        else:
            keyed[base + (None,)].append((r, False))
    out = []
    for key, members in keyed.items():
        s = Series(id=_series_id(key), measure=key[0], place=key[1], category=key[2], source_key=key[3],
                   label=_label(key[3], [r for r, _ in members]))
        for r, inferred in members:
            s.points.append(_point(r, inferred, dup.get(r["doc"])))
        s.points.sort(key=lambda p: (p.as_of, p.doc_date, p.doc, p.value_start))
        out.append(s)
    out.sort(key=lambda s: (-len(s.points), s.id))
    return out


def _roll_up(placed: dict[tuple, list[dict]]) -> dict[tuple, str]:
    """Places whose toll is the toll of a place that holds them: (measure, place, category) -> that place.

    "killed in Ishikawa" joins the Japan toll when Japan's toll is what the other reports give and
    Ishikawa's figures agree with it (within half again, in the same ten days); a town's count, or one
    state's among several, does not (its figures are far below the country's) and keeps its own series.
    """
    out: dict[tuple, str] = {}
    by_toll: dict[tuple, dict[str, list[dict]]] = defaultdict(dict)
    for (measure, place, category), rows in placed.items():
        by_toll[(measure, category)][place] = rows
    for (measure, category), places in by_toll.items():
        within = {place: [place_series_key(w) for w in (rows[0].get("place_within") or "").split("/") if w]
                  for place, rows in places.items()}
        for place, rows in places.items():
            holders = within[place]
            if len(holders) != 1 or holders[0] == place or holders[0] not in places:
                continue                        # only a region (held by its country alone) rolls up
            country = holders[0]
            regions = [p for p, h in within.items() if h == [country] and p != place]
            if not regions and _agree(rows, places[country]):
                out[(measure, place, category)] = country
    return out


def _beyond(r: dict, others: list[dict], window: int = 10, ratio: float = 1.5, growth: int = 2) -> bool:
    """Whether ``r`` is more than ``ratio`` times the figures of ``others`` in the same days (not those
    more than ``growth`` days before it: a toll grows, a quake's from 730 to 4,521 injured in four days)."""
    d = _day(r).toordinal()
    values = [o["value"] for o in others if o["value"] > 0 and -growth <= _day(o).toordinal() - d <= window]
    return bool(values) and r["value"] > statistics.median(values) * ratio


def _agree(rows: list[dict], others: list[dict], window: int = 10, ratio: float = 1.5) -> bool:
    """Whether most of ``rows`` are within ``ratio`` of ``others``' figures of the same days."""
    days = sorted((_day(o).toordinal(), o["value"]) for o in others if o["value"] > 0)
    keys = [d for d, _ in days]
    near = agree = 0
    for r in rows:
        if r["value"] <= 0:
            continue
        d = _day(r).toordinal()
        values = [v for _, v in days[bisect.bisect_left(keys, d - window):bisect.bisect_right(keys, d + window)]]
        if not values:
            continue
        near += 1
        agree += abs(math.log(r["value"] / statistics.median(values))) <= math.log(ratio)
    return near > 0 and agree * 2 >= near


def place_keys(store: Store) -> set[str]:
    """The story's place names as :class:`Places` holds them (what descriptions depend on)."""
    places = Places.of_store(store)
    return set(places.single) | set(places.multi)


def affected_by(changed: Iterable[str]) -> Optional[re.Pattern]:
    """Where a text may be read differently when these place names come or go: the start of a
    name's first word, less its last letter (demonyms: "Gazan", "Israeli"), anywhere in the
    folded text (a superset of where :func:`name_words` and the capitalised runs of
    ``_one_place`` can meet a place name, so nothing that can change is missed)."""
    stems = sorted({w[:-1] if len(w) > 1 else w for w in (k.split()[0] for k in changed if k.strip())})
    if not stems:
        return None
    # anywhere, not only at a word start: a capitalised run can begin inside a word ("inYemen")
    return re.compile("|".join(re.escape(x) for x in stems))


def _folded(text: str) -> str:
    return text.lower() if text.isascii() else fold(text)


def touched_documents(changed: set[str], figure_texts: Iterable[tuple[str, tuple]],
                      skip: set[str] = frozenset()) -> set[str]:
    """Articles (not in ``skip``) whose figure texts ``(doc, (group, source, sentence))`` a change
    of these place names can touch (see :func:`affected_by`)."""
    pattern = affected_by(changed)
    if pattern is None:
        return set()
    touched: set[str] = set()
    seen: dict[str, bool] = {}          # sentences, groups and sources repeat (wire copies)
    for doc, texts in figure_texts:
        if doc in skip or doc in touched:
            continue
        for t in texts:
            if t and t not in seen:
                seen[t] = bool(pattern.search(_folded(t)))
            if t and seen[t]:
                touched.add(doc)
                break
    return touched


def describe_documents(store: Store, docs: Optional[Iterable[str]] = None, batch: int = 2000) -> int:
    """Bring the stored descriptions of cumulative figures up to date (call after entities are
    consolidated): all of them when the store has none yet, else those of ``docs`` (new or changed
    articles) and of the articles whose figure texts hold a word a changed place name can match.
    Returns how many articles were described."""
    places = Places.of_store(store)
    now = set(places.single) | set(places.multi)
    if store.get_state("figure_series") != DESCRIBED:
        todo = set(store.documents_with_cumulative_figures())
    else:
        todo = set(docs or ())
        todo |= touched_documents(now ^ store.series_place_keys(), store.cumulative_figure_texts(), todo)
    ordered = sorted(todo)
    # one transaction: the descriptions and the place names they were made with land together
    with store.transaction():
        for i in range(0, len(ordered), batch):
            chunk = ordered[i:i + batch]
            rows = [r for r in store.figures_of_documents(chunk) if r["scope"] == "cumulative"]
            store.replace_figure_descriptions(chunk, describe(rows, places))
        store.set_series_place_keys(now)
        store.set_state("figure_series", DESCRIBED)
    return len(ordered)


def point_record(series_id: str, p: Point, alert: Optional[str] = None) -> dict:
    """A point as ``dateline series ID --json`` prints it."""
    return {"kind": "series_point", "series": series_id, "figure": p.figure, "doc": p.doc, "start": p.start,
            "end": p.end, "as_of": p.as_of.isoformat(), "doc_date": p.doc_date.isoformat(),
            "value": p.value, "value_max": p.value_max, "qualifier": p.qualifier, "source": p.source,
            "source_inferred": p.source_inferred, "alert": alert}


class _ByValue:
    """The place of a toll whose text names none.

    With one place counting this kind of toll, it is that place. With several
    ("1,200 killed" in a story with an Israeli and a Gaza toll) it is the place
    whose figures of those days the value is consistent with (within a factor
    of two); otherwise none, rather than a guess that would raise false alerts.
    Each place's figures are kept sorted by day, so the figures of "those days"
    (within ten) are found by bisection, not by reading them all.
    """

    WINDOW = 10

    def __init__(self, placed: dict[tuple, list[dict]], ratio: float = 1.5):
        self.ratio = ratio
        self.options: dict[tuple, list[tuple[str, list[int], list[float]]]] = defaultdict(list)
        for (measure, place, category), rows in placed.items():
            points = sorted((_day(x).toordinal(), x["value"]) for x in rows if x["value"] > 0)
            self.options[(measure, category)].append((place, [d for d, _ in points], [v for _, v in points]))

    def place(self, r: dict, category: str) -> Optional[str]:
        """The one place whose figures of those days this value fits; none when several fit or none does."""
        options = self.options.get((r["measure"], category), [])
        day = _day(r).toordinal()
        if len(options) == 1:
            # one place has this toll at all: it is that place's, if its toll is told in those days (a
            # stream of years holds many tolls of one kind: an attack of 2004 is not a blast of 2015)
            place, days, _ = options[0]
            live = bool(days) and days[0] - self.WINDOW <= day <= days[-1] + self.WINDOW
            return place if live else None
        fits = []
        for place, days, values in options:
            near = values[bisect.bisect_left(days, day - self.WINDOW):bisect.bisect_right(days, day + self.WINDOW)]
            if near and r["value"] > 0 and abs(math.log(r["value"] / statistics.median(near))) < math.log(self.ratio):
                fits.append(place)
        return fits[0] if len(fits) == 1 else None


def _day(r: dict) -> dt.date:
    return dt.date.fromisoformat(r["as_of"] or r["doc_date"])


def _largest_per_sentence(rows: list[dict]) -> list[dict]:
    """Of several counts of the same thing in one sentence, the largest is the toll; the rest break it down."""
    best: dict[tuple, dict] = {}
    for r in rows:
        key = (r["doc"], r["sent_start"], r["measure"], category_of(r["grp"]))
        if key not in best or r["value"] > best[key]["value"]:
            best[key] = r
    keep = {id(r) for r in best.values()}
    return [r for r in rows if id(r) in keep]


def _inherit_within_documents(rows: list[dict]) -> list[dict]:
    """A figure repeated in one article without its attribution takes the attributed mention's source."""
    attributed = {(r["doc"], r["measure"], r["value"]): r for r in rows if r["source"]}
    out = []
    for r in rows:
        twin = attributed.get((r["doc"], r["measure"], r["value"]))
        if not r["source"] and twin is not None:
            r = dict(r, source=twin["source"], grp=r["grp"] or twin["grp"])
        out.append(r)
    return out


def _point(r: dict, inferred: bool, dup_group: Optional[str]) -> Point:
    doc_date = dt.date.fromisoformat(r["doc_date"])
    return Point(figure=r["id"], doc=r["doc"], doc_date=doc_date,
                 as_of=dt.date.fromisoformat(r["as_of"]) if r["as_of"] else doc_date,
                 value=r["value"], value_max=r["value_max"], qualifier=r["qualifier"], scope=r["scope"],
                 start=r["sent_start"], end=r["sent_end"], value_start=r["start"], value_end=r["end"],
                 sentence=r["sentence"], source=r["source"], source_inferred=inferred, dup_group=dup_group,
                 revised=bool(r.get("revised")), told=not scope_by_default(r))


# the trace lines of a figure that is cumulative only because no scope rule said otherwise, and of one told
# as a running toll all the same ("have been killed", a disaster's count: figures.scope)
SCOPE_DEFAULT = "=> figures.scope:cumulative/default"
TOLD_AS_A_TOLL = "figures.scope:running/told-as-a-toll"


def scope_by_default(r: dict) -> bool:
    """Whether the figure is a running toll only by default, not told as one (``scope_default`` from the
    store's description query, else read from its rules)."""
    if "scope_default" in r:
        return bool(r["scope_default"])
    rules = r.get("rules") or ""
    return SCOPE_DEFAULT in rules and TOLD_AS_A_TOLL not in rules
