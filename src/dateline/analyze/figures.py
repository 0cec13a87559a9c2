"""Figures: counts of people and things the story tracks (death tolls, wounded, hostages, ...).

For every number that ``numbers.find_counts`` reads in a parsed sentence (or headline, or
bullet line), the dependency parse decides what it counts:

- the *counted phrase*: the noun the number modifies ("8,796 Palestinians") or the number
  itself when it stands alone ("Nearly 500 have been killed", "the toll crossed 6,500"),
  and its *role*: subject, object or prepositional object of which predicate;
- the *measure*, from lexicons of trigger lemmas met along dependency paths around that
  phrase: the predicate it is an argument of ("were killed", "left ... dead", "taken
  hostage", "allowed out of Gaza"), its modifiers ("displaced people", "aid trucks",
  "soldiers killed"), the noun it is "of" ("the deaths of 300", "the release of 50"), the
  subject of a level verb ("the death toll has soared past 7,300"), a coordinated sibling
  or the figure it is a sub-group of ("including 3,648 children", "30 of them"). Each cue
  has a rank (how close it is); the closest wins;
- the *qualifier* from the words before the number and the verb that governs it ("topped",
  "soared past"), shared across a coordinated list ("more than 5,600 children and 3,550
  women");
- the *source*: first whoever set this very value ("the Interior Ministry put the toll at 71",
  "the ministry raised the toll to 1,250", "the ministry's toll ... exceeds 9,700"), then
  ``claims`` (a claim whose content holds the number), else "according to X" / the subject of
  a reporting verb whose content holds the number / a closing attribution however it was
  parsed ("..., an Israeli official estimated.", "- 240 hostages held, Israel says");
- *as_of*: a time expression governing the statement (the reporting verb, or for events the
  event verb; "Before Tuesday's blast"), a dateline ("Jerusalem, Oct 9:"), a dated statement
  of the same source earlier in the article, else the article date;
- *scope* (cumulative, period, incident, planned, superseded, pre-war, other) from cue words
  in the figure's clause and its syntax: "up from 3,785" / "revised to 1,200, from 1,400" is
  superseded; a victim verb placed in one town or building, an attack verb on one place, or "the
  toll from Tuesday's strike" is an incident; "250 killed overnight, bringing the toll to 9,770"
  makes the 250 a period and the 9,770 cumulative;
- the *group*: the counted noun with its modifiers, a coordinated noun without a number of its
  own ("soldiers and civilians") and the place its predicate names ("people in Gaza").

Numbers a truncated excerpt cuts off ("... killed more than 16" at the very end) and counts a
sentence corrects ("seven victims had been counted twice") are not figures.

Only syntax and lexicons are used: no rule names a particular sentence.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from typing import Iterable, Optional

from ..records import Claim, Figure, Span, TimeExpr
from . import nlp
from .numbers import TENS, UNITS, Number, find_counts

__all__ = ["TRIGGER", "extract_figures"]

TRIGGER = re.compile(
    r"\d|\b(?:" + "|".join(sorted(list(UNITS) + list(TENS), key=len, reverse=True))
    + r"|hundred|thousand|million|dozen)\b", re.I)

# --- lexicons (lemmas) -------------------------------------------------------------------

KILLED_VERBS = {"kill", "die", "slay", "murder", "massacre", "perish", "execute", "assassinate", "drown",
                "martyr", "slaughter", "behead", "lose"}
INTRANSITIVE_DEATH = {"die", "perish", "lose", "drown"}
KILLED_NOUNS = {"death", "dead", "fatality", "body", "corpse", "toll", "martyr", "killing", "life"}
KILLED_ADJS = {"dead", "killed", "deceased", "slain"}
WOUNDED_VERBS = {"injure", "wound", "hurt", "maim", "treat"}
WOUNDED_NOUNS = {"injury", "injured", "wounded", "treatment", "wound"}
WOUNDED_ADJS = {"injured", "wounded", "hurt"}
HOSTAGE_VERBS = {"abduct", "kidnap", "capture", "seize"}
HOSTAGE_NOUNS = {"hostage", "captive", "abductee", "kidnappee", "captivity"}
DISPLACED_VERBS = {"displace", "flee", "uproot", "shelter"}
DISPLACED_NOUNS = {"idp", "idps", "displacement"}
DISPLACED_ADJS = {"displaced", "homeless"}
TRUCK_NOUNS = {"truck", "lorry", "truckload"}
EVAC_TRANSITIVE = {"evacuate", "transport", "deliver", "transfer", "allow", "airlift", "send", "let"}
EVAC_INTRANSITIVE = {"exit", "depart", "leave", "cross", "pass", "arrive", "fly", "enter", "reach", "go",
                     "set", "make", "travel", "head"}
EVAC_NOUNS = {"evacuee", "evacuation"}
CARRY_VERBS = {"carry", "transport", "bring", "ferry"}
RELEASE_VERBS = {"release", "free", "rescue", "swap", "exchange", "return", "liberate", "hand"}
RELEASE_NOUNS = {"release", "freeing", "rescue", "swap", "exchange"}
ARREST_VERBS = {"arrest", "detain"}
MISSING_ADJS = {"missing", "unaccounted"}
CASUALTY_NOUNS = {"casualty"}
DISEASE_WORDS = {"infection", "disease", "diarrhoea", "diarrhea", "case", "illness", "suffer", "outbreak",
                 "cholera", "hepatitis", "lice", "scabies", "malnutrition", "starvation"}
# level verbs: their subject names what the number measures ("the toll has crossed 6,500")
LEVEL_VERBS = {"rise", "climb", "reach", "soar", "jump", "increase", "top", "surpass", "cross", "exceed",
               "pass", "hit", "stand", "be", "revise", "mount", "grow", "near", "approach", "go", "stay",
               "remain", "total", "number", "put", "edge", "surge", "swell", "tops", "rose", "update"}
ESTIMATE_NOUNS = {"estimate", "figure", "count", "tally", "number", "total", "toll", "list"}
# verbs that set a toll to a value ("raised the toll to", "put the number at", "gave the toll as"):
# their subject is the figure's source, their object (or subject when intransitive) says what is counted
TOLL_SET_VERBS = {"put", "raise", "lower", "revise", "update", "set", "estimate", "give", "place", "bring", "increase",
                  "reduce", "adjust", "cut", "push", "lift", "correct", "peg", "fix", "take", "drive", "send",
                  "downgrade", "upgrade", "amend", "record", "report", "confirm"}
# heads of subjects that can be a source ("the ministry put the toll at"; not "the strikes brought the toll to")
SOURCE_NOUNS = {"ministry", "official", "authority", "army", "military", "government", "agency", "office",
                "spokesman", "spokesperson", "spokeswoman", "source", "medic", "doctor", "hospital", "service",
                "force", "police", "organisation", "organization", "committee", "society", "crescent", "cross",
                "un", "who", "ocha", "unrwa", "idf", "defence", "defense", "media", "minister", "director",
                "worker", "team", "group", "department", "council", "mission", "tally", "report", "statement",
                "survey", "monitor", "observatory", "centre", "center", "bureau", "administration", "cabinet",
                "officer", "spokesmen", "rescuer", "responder", "paramedic", "volunteer", "witness", "resident",
                "journalist", "correspondent", "newspaper", "agency", "broadcaster", "channel", "radio", "tv",
                "outlet", "site", "analyst", "expert", "researcher", "investigator", "ngo", "charity", "intelligence"}
# adverbs between a toll verb and its "to"/"from" ("revised the toll down to 64", "up from 3,785")
DIRECTION_ADVS = {"up", "down", "back", "upward", "upwards", "downward", "downwards"}
SPEECH_VERBS = {"say", "report", "tell", "add", "claim", "announce", "state", "note", "confirm", "reveal",
                "estimate", "show", "indicate", "record", "put", "cite", "quote", "warn", "insist", "declare",
                "write", "tweet", "post", "publish", "update", "believe", "count", "document",
                "disclose", "explain", "stress", "allege", "assert", "acknowledge", "admit", "inform",
                "brief", "suggest", "list", "register", "log"}
ORDER_VERBS = {"order", "tell", "instruct", "urge", "warn", "direct", "call", "ask", "command"}
# transitive verbs whose subject, without an object, can only be the victim ("1.4 million displaced")
VICTIM_VERBS = (KILLED_VERBS - INTRANSITIVE_DEATH) | WOUNDED_VERBS | {"displace", "uproot", "abduct", "kidnap"}
DECISION_VERBS = {"agree", "approve", "order", "decide", "propose", "offer"}
# entry to a reporting verb from its content (not from an adverbial clause)
CONTENT_DEPS = {"ccomp", "xcomp", "dobj", "parataxis", "oprd", "attr", "conj", "acomp", "pcomp"}
FUTURE_AUX = {"will", "would", "could", "might", "may", "shall", "'ll", "wo", "can"}
FUTURE_LEMMAS = {"expect", "plan", "schedule", "intend", "aim", "propose", "hope", "anticipate", "prepare",
                 "slate", "due", "set", "agree"}
DEAL_NOUNS = {"deal", "agreement", "accord", "truce", "plan", "proposal", "arrangement", "outline"}
EXCLUDED_NOUNS = {"rocket", "missile", "target", "reservist", "hospital", "ambulance", "school", "home",
                  "house", "building", "vote", "country", "nation", "mosque", "church",
                  "tunnel", "site", "strike", "airstrike", "attack", "raid", "round", "drone", "tank",
                  "shell", "bomb", "year", "day", "hour", "week", "month", "minute", "time", "km", "mile",
                  "case", "infection", "bed", "facility", "installation", "camp", "toilet", "page",
                  "point", "seat", "dollar", "percent", "cent", "incubator", "compound", "launcher", "weapon",
                  "aircraft", "jet", "plane", "battalion", "brigade", "team", "governorate", "crossing",
                  "position", "station", "post", "generator", "resolution", "amendment", "clause", "meal",
                  "ton", "tonne", "litre", "liter", "gallon", "bakery", "shop", "room", "floor", "kibbutz",
                  "community", "village", "town", "city", "neighbourhood", "neighborhood", "area", "zone",
                  "square", "family", "centre", "center", "bus", "vehicle", "car", "flight", "shelter",
                  "school", "office", "ministry", "agency", "organisation", "organization", "group",
                  "faction", "party", "state", "sign", "video", "image", "photo", "statement", "report",
                  "word", "letter", "language", "percentage", "degree", "kilometre", "kilometer", "metre",
                  "meter", "acre", "hectare", "calorie", "pound", "euro", "shekel", "rupee", "reason",
                  "way", "step", "phase", "stage", "option", "side", "part", "piece", "pair", "session"}
POPULATION_HEADS = {"enclave", "population", "territory", "strip", "city", "country", "home", "region",
                    "area", "state", "town", "inhabitant", "resident"}
ATTACK_NOUNS = {"strike", "airstrike", "attack", "raid", "blast", "explosion", "bombing", "shelling",
                "bombardment", "assault", "shooting", "incident", "ambush", "clash", "firefight", "gunbattle",
                "skirmish", "stabbing", "missile", "shell", "rocket"}
WAR_START_NOUNS = {"rampage", "onslaught", "incursion", "massacre", "infiltration", "invasion", "aggression",
                   "offensive", "war", "campaign", "conflict", "operation", "hostility"}
ATTACK_VERBS = {"hit", "strike", "bomb", "shell", "target", "slam", "pound", "raze", "flatten", "destroy", "attack",
                "storm", "raid", "level"}
INCIDENT_PLACES = {"hospital", "school", "camp", "house", "home", "building", "mosque", "church", "market",
                   "clinic", "bakery", "convoy", "car", "vehicle", "tower", "festival", "complex", "refinery"}
ADDITIVE_WORDS = {"more", "other", "others", "additional", "further", "another", "extra", "new"}
PREV_WORDS = {"previous", "earlier", "initial", "former", "old", "prior", "original", "preliminary"}
QUALIFIER_PREPS = {"over", "than", "about", "around", "under", "nearly", "almost", "upwards", "above", "below",
                   "some", "approximately", "roughly", "up", "beyond", "past"}
SUBJ_DEPS = {"nsubj", "nsubjpass", "csubj", "csubjpass", "expl"}
OBJ_DEPS = {"dobj", "attr", "oprd", "dative", "obj", "acomp"}
PRONOUNS_SET = {"it", "he", "she", "they", "we", "this", "that", "which", "who", "i", "you", "latter", "former"}
ANAPHORS = {"it", "he", "she", "they", "we", "this", "that", "which", "who", "statement", "report",
            "ministry", "spokesperson", "spokesman", "spokeswoman", "official", "officials", "source",
            "agency", "the", "a", "an", "its", "his", "her", "their", "also", "i", "you", "latter", "former"}
KILLER_WORDS = re.compile(r"\b(?:hamas|militants?|gunmen|terrorists?|fighters?|october\s+7|oct\.?\s*7|7\s+oct\w*|"
                          r"initial|surprise|cross-border|terror)\b", re.I)

MEASURE_ORDER = ("other", "evacuated", "hostages", "killed", "wounded", "displaced", "aid_trucks")

# --- qualifiers -------------------------------------------------------------------------

_QUAL_BEFORE = [
    (re.compile(r"\b(?:at\s+least|no\s+(?:fewer|less)\s+than|a\s+minimum\s+of|at\s+a\s+minimum)\s*$", re.I), "at least"),
    (re.compile(r"\b(?:as\s+many\s+as|up\s+to|as\s+much\s+as)\s*$", re.I), "up to"),
    (re.compile(r"\b(?:fewer|less)\s+than\s*$|\b(?:under|below)\s*$", re.I), "up to"),
    (re.compile(r"\b(?:more\s+than|over|upwards\s+of|in\s+excess\s+of|above|exceeding|exceeded|exceeds|exceed|"
                r"top(?:s|ped)?|surpass(?:es|ed)?|cross(?:es|ed)?|passed|passes|past|beyond|north\s+of)\s*$", re.I),
     "more than"),
    (re.compile(r"\b(?:nearly|almost|close\s+to|just\s+under|approaching|nearing)\s*$", re.I), "nearly"),
    (re.compile(r"\b(?:about|around|some|roughly|approximately|approx\.?|an\s+estimated|estimated|circa|"
                r"est\.)\s*$", re.I), "about"),
    (re.compile(r"\b(?!more\b|less\b|fewer\b|rather\b|other\b)[a-z]+\s+than\s*$", re.I), "unclear"),
]
_MORE_VERBS = {"top", "surpass", "cross", "exceed", "pass", "overtake", "eclipse", "tops", "breach"}
_NEAR_VERBS = {"near", "approach"}


@dataclass
class _Cand:
    num: Number
    root: object                 # spaCy Token: syntactic root of the number
    tokens: object               # spaCy Span of the number
    sent: object                 # spaCy Span of the sentence
    np: object                   # counted phrase head (noun or the number itself)
    rel: object                  # token carrying the phrase's clause role
    role: str = "none"           # subj, subjpass, obj, pobj, none
    verb: object = None          # the predicate of that role (for pobj: the preposition's head)
    prep: object = None          # the preposition (role pobj)
    measure: Optional[str] = None
    rank: int = 99
    cue: Optional[str] = None
    qualifier: Optional[str] = None
    parent: Optional["_Cand"] = None
    partitive: bool = False      # "30 of them", "of which 4,237", "out of the total deaths, 4,609"
    coord_prev: Optional["_Cand"] = None
    source: Optional[str] = None
    as_of: Optional[dt.date] = None
    as_of_explicit: bool = False
    scope: str = "cumulative"
    group: Optional[str] = None
    figure: Optional[Figure] = None
    extra: dict = field(default_factory=dict)


# --- helpers over the parse -----------------------------------------------------------------

def _lem(tok) -> str:
    return tok.lemma_.lower() if tok.lemma_ else tok.text.lower()


def _is_verbal(tok) -> bool:
    return tok.pos_ in ("VERB", "AUX") or tok.tag_ in ("VBN", "VBG", "VBD", "VBZ", "VBP", "VB", "MD")


def _in_sent(tok, sent) -> bool:
    return sent.start <= tok.i < sent.end


def _ancestors(tok, sent):
    seen = set()
    while tok.head.i != tok.i and tok.head.i not in seen and _in_sent(tok.head, sent):
        tok = tok.head
        seen.add(tok.i)
        yield tok


def _clause_verb(tok, sent):
    """The nearest verb (or auxiliary) governing ``tok``, or None."""
    if _is_verbal(tok) and tok.dep_ not in ("amod", "compound"):
        return tok
    for a in _ancestors(tok, sent):
        if _is_verbal(a) and a.dep_ not in ("amod", "compound"):
            return a
    return None


def _finite_clause(verb, sent):
    """Climb from a participle or infinitive to the finite verb of its clause."""
    cur = verb
    for _ in range(4):
        has_subj = any(c.dep_ in SUBJ_DEPS for c in cur.children)
        finite = cur.tag_ in ("VBD", "VBZ", "VBP", "MD") or any(
            c.dep_ in ("aux", "auxpass") and c.tag_ in ("VBD", "VBZ", "VBP", "MD") for c in cur.children)
        if has_subj or finite or cur.dep_ not in ("advcl", "xcomp", "pcomp", "acl", "conj") \
                or not _in_sent(cur.head, sent) or cur.head.i == cur.i:
            return cur
        nxt = _clause_verb(cur.head, sent)
        if nxt is None:
            return cur
        cur = nxt
    return cur


def _xcomp_chain(verb):
    """The verb and the open complements it controls ("expected to be allowed out")."""
    out = [verb]
    frontier = [verb]
    while frontier:
        v = frontier.pop()
        for c in v.children:
            if c in out:
                continue
            if c.dep_ in ("xcomp", "oprd", "acomp", "prt") or \
                    (c.dep_ in ("ccomp", "advcl") and _is_verbal(c) and
                     not any(g.dep_ in SUBJ_DEPS or g.dep_ == "mark" for g in c.children) and c.tag_ in ("VBG", "VBN", "VB")):
                out.append(c)
                frontier.append(c)
    return out


def _text_of(tokens) -> str:
    toks = sorted(tokens, key=lambda t: t.i)
    if not toks:
        return ""
    doc = toks[0].doc
    return nlp.doc_text(doc)[toks[0].idx:toks[-1].idx + len(toks[-1].text)]


def _np_text(head, exclude=(), max_tokens=14) -> str:
    """Text of a noun phrase without relative clauses, appositive clauses or trailing punctuation."""
    keep = []
    stop_deps = {"relcl", "acl", "punct", "cc", "conj", "appos", "advcl", "parataxis"}

    def walk(t):
        for c in t.children:
            if c.i in exclude or c.dep_ in stop_deps:
                continue
            keep.append(c)
            walk(c)

    keep.append(head)
    walk(head)
    keep = sorted((t for t in keep if t.i not in exclude), key=lambda t: t.i)
    idx = {t.i for t in keep}
    start = end = head.i
    while start - 1 in idx:
        start -= 1
    while end + 1 in idx:
        end += 1
    toks = [t for t in keep if start <= t.i <= end][:max_tokens]
    while len(toks) > 1 and toks[0].lower_ in ("the", "a", "an", "some", "all", "those", "these", "other"):
        toks = toks[1:]
    return _text_of(toks)


# --- measure cues ----------------------------------------------------------------------------

_DESTINATIONS = {"egypt", "turkey", "jordan", "qatar", "uae", "arish", "abroad", "ankara", "cairo", "israel",
                 "hospital", "hospitals", "home", "country", "countries", "france", "italy", "uk", "britain",
                 "germany", "us", "america"}
_CROSSINGS = {"crossing", "border", "checkpoint", "rafah", "terminal", "gate"}
_ORIGINS = {"gaza", "strip", "enclave", "territory"}


def _exit_direction(verb, abroad_only: bool = False) -> bool:
    """Whether a movement verb goes out of Gaza, through a crossing or into another country."""
    destinations = _DESTINATIONS - {"hospital", "hospitals", "home", "israel"} if abroad_only else _DESTINATIONS
    for c in verb.subtree:
        if c.i == verb.i or (c.head.i != verb.i and c.head.head.i != verb.i and c.head.head.head.i != verb.i):
            continue
        lw = c.lower_
        if c.dep_ == "prt" and lw == "out":
            return True
        if c.dep_ == "pobj":
            p = c.head.lower_
            words = {t.lower_ for t in c.subtree}
            if p in ("into", "to", "in", "at") and words & destinations:
                return True
            if p in ("through", "via", "across", "at") and words & _CROSSINGS:
                return True
            if p in ("from", "of") and (words & _ORIGINS):
                return True
        if c.dep_ == "dobj" and _lem(verb) in ("leave", "exit", "cross") and \
                {t.lower_ for t in c.subtree} & (_ORIGINS | _CROSSINGS):
            return True
    return False


def _hostage_context(sent, prev_sent_text: str) -> bool:
    words = re.compile(r"\b(?:hostages?|captives?|captivity|abductees?|abducted|kidnapped|prisoners?|detainees?|"
                       r"in\s+exchange\s+for|swaps?|jails?|prisons?)\b", re.I)
    return bool(words.search(sent.text) or words.search(prev_sent_text))


def _loses_lives(verb, ctx) -> bool:
    """ "lost their lives", or "lose" where the counted phrase is about lives ("the toll of those who
    lost ..."), but not losing something else: "60 of its 6,500 have lost money" ("lost a total of
    320 soldiers" is a loss of lives)."""
    if not (any(_lem(c) == "life" for c in verb.children) or _lem(verb.head) == "life" or ctx.get("lives")):
        return False
    return not any(c.dep_ == "dobj" and _lem(c) not in ESTIMATE_NOUNS | {"life"} and not c.like_num
                   for c in verb.children)


def _cue_of(tok, kind: str, ctx, role: str = "obj") -> Optional[str]:
    """Measure a single cue token signals, or None.

    ``kind`` is "verb" (a predicate the counted phrase is an argument of, in ``role``:
    subj (active subject), subjpass, obj or mod (a participle on the noun)) or "noun"
    (the counted noun, a modifier or a governing noun).
    """
    lem = _lem(tok)
    low = tok.lower_
    if kind == "verb":
        victim_role = role in ("obj", "subjpass", "mod") or lem in INTRANSITIVE_DEATH
        if lem in KILLED_VERBS and victim_role:
            if lem == "lose" and not _loses_lives(tok, ctx):
                return None
            return "killed"
        if lem in WOUNDED_VERBS and victim_role:
            return "wounded"
        if lem in ("find", "discover", "recover", "confirm") and any(
                c.lower_ in KILLED_ADJS for c in tok.children if c.dep_ in ("oprd", "acomp", "xcomp", "advcl")):
            return "other" if ctx.get("hostage") else "killed"
        if lem in RELEASE_VERBS and (role != "subj" or lem == "return"):
            if lem == "return" and not any(c.lower_ == "captivity" for c in tok.subtree):
                return None
            if lem == "release" and any(c.dep_ == "prep" and c.lower_ == "from" and
                                        any(_lem(g) in ("hospital", "jail", "prison", "clinic") for g in c.children)
                                        for c in tok.children):
                return None
            return "other" if ctx.get("hostage") else None
        if lem in ARREST_VERBS and role != "subj":
            return "other"
        if lem in ("take", "hold", "keep") and role != "subj" and any(
                _lem(c) in HOSTAGE_NOUNS for c in tok.subtree if c.i != tok.i):
            return "hostages"
        if lem in HOSTAGE_VERBS and role != "subj":
            return "hostages"
        if lem in ("hold", "keep") and role in ("obj", "subjpass", "mod") and (ctx.get("hostage_strict") or
                                                                          _captor_subject(tok)):
            return "hostages"                        # "Hamas is believed to be holding more than 150 ..."
        if (low in MISSING_ADJS or (lem == "miss" and tok.tag_ == "VBG")) and role in ("subj", "subjpass", "mod"):
            return "other"                           # "2,700 people are missing"
        if lem in DISPLACED_VERBS and (role != "subj" or lem in ("flee", "shelter")):
            return "displaced"
        if lem == "evacuate" and role != "subj":
            return "evacuated"
        if lem in ("receive", "admit", "welcome") and role in ("obj", "subjpass", "mod") and _exit_direction(tok):
            return "other" if ctx.get("hostage") else "evacuated"    # "Egypt received 28 babies from Gaza"
        if lem in ("force", "drive", "chase", "push", "uproot") and role in ("obj", "subjpass", "mod") and any(
                c.dep_ == "prep" and c.lower_ in ("from", "out") and
                any(_lem(x) in ("home", "house", "village", "town", "community") for x in c.subtree)
                for c in tok.children):
            return "displaced"                       # "240,000 Israelis have been forced from their homes"
        if lem == "take" and role in ("subjpass", "mod") and _exit_direction(tok, abroad_only=True):
            return "evacuated"                       # "76 injured Palestinians had been taken to hospitals in Egypt"
        if lem in EVAC_TRANSITIVE and role != "subj" and _exit_direction(tok):
            return "evacuated"
        if lem in EVAC_INTRANSITIVE and role in ("subj", "mod", "subjpass") and _exit_direction(tok):
            return "evacuated"
        if lem == "cross" and role in ("subj", "subjpass", "mod") and not any(c.dep_ == "dobj" for c in tok.children):
            return "evacuated"                      # "more than 20 children are expected to cross"
        if lem in ORDER_VERBS and role in ("obj", "subjpass") and any(
                _lem(c) in ("move", "leave", "evacuate", "relocate", "go", "head", "flee")
                for c in tok.children if c.dep_ in ("xcomp", "ccomp")):
            return "other"
        return None
    # nouns / adjectives / modifiers
    if lem in CASUALTY_NOUNS:
        return "other"
    if lem == "life":
        return "killed" if ctx.get("lives") else None
    if lem in KILLED_NOUNS or low in KILLED_ADJS:
        return "killed"
    if lem in WOUNDED_NOUNS or low in WOUNDED_ADJS:
        return "wounded"
    if lem in HOSTAGE_NOUNS:
        return "hostages"
    if lem in DISPLACED_NOUNS or low in DISPLACED_ADJS or low == "idps":
        return "displaced"
    if lem in TRUCK_NOUNS:
        return "aid_trucks"
    if lem in EVAC_NOUNS or low == "evacuated":
        return "evacuated"
    if (lem in RELEASE_NOUNS or low in ("freed", "released", "rescued", "liberated")) and ctx.get("hostage"):
        return "other"
    if low in MISSING_ADJS:
        return "other"
    if lem == "rubble" and tok.head.lower_ == "under":
        return "other"
    if lem == "victim":
        return "killed"
    return None


CAPTORS = re.compile(r"\b(?:hamas|militants?|gunmen|islamic\s+jihad|captors?|kidnappers?|terrorists?|abductors?)\b",
                     re.I)


def _captor_subject(verb) -> bool:
    """Whether the one holding people is a captor ("Hamas is holding", "held by militants")."""
    for v in [verb] + [a for a in verb.ancestors if _is_verbal(a)][:2]:
        deps = ("nsubj", "agent") if v.i == verb.i else ("nsubj", "nsubjpass")   # "Hamas is believed to be holding"
        for g in v.children:
            if g.dep_ in deps and CAPTORS.search(_text_of(list(g.subtree))):
                return True
        if v.dep_ not in ("xcomp", "ccomp", "conj"):
            break
    return False


def _add(cues: list, tok, kind: str, rank: int, ctx, role: str = "obj"):
    m = _cue_of(tok, kind, ctx, role)
    if m:
        cues.append((rank, MEASURE_ORDER.index(m), m, tok.text))


def _participle_cues(v, cues, rank, ctx, role="mod"):
    """A participle or relative clause on the counted noun: "soldiers killed", "people held hostage"."""
    for w in _xcomp_chain(v):
        r = role
        if w.i == v.i and any(g.dep_ == "nsubj" and g.lower_ not in ("who", "that", "which") for g in w.children):
            r = "subj_other"        # "the attack in which the militants killed ..." is not about this noun
        if w.i == v.i and any(g.dep_ in ("nsubj",) and g.lower_ in ("who", "that", "which") for g in w.children):
            r = "subj"
        if any(g.dep_ == "nsubjpass" for g in w.children):
            r = "subjpass"
        if r == "subj_other":
            continue
        _add(cues, w, "verb", rank, ctx, r)
        for g in w.children:
            if g.dep_ in ("oprd", "acomp") or (g.dep_ in ("dobj", "attr", "npadvmod") and _lem(g) in HOSTAGE_NOUNS):
                _add(cues, g, "noun", rank, ctx)
            if g.dep_ == "prep" and g.lower_ in ("as", "under", "from", "into", "in"):
                for p in g.children:
                    if p.dep_ == "pobj" and _lem(p) in HOSTAGE_NOUNS | {"captivity", "rubble"}:
                        _add(cues, p, "noun", rank, ctx)


def _modifier_cues(noun, cues, rank, ctx):
    """Cues on a noun: its own lemma, its adjectives/compounds and its participial modifiers."""
    _add(cues, noun, "noun", rank, ctx)
    for c in noun.children:
        if c.dep_ in ("amod", "compound", "nmod") and not c.like_num:
            _add(cues, c, "noun", rank, ctx)
            if _is_verbal(c) and c.tag_ == "VBN":
                _add(cues, c, "verb", rank, ctx, "mod")
        elif c.dep_ in ("acl", "relcl") and _is_verbal(c):
            _participle_cues(c, cues, max(rank - 1, 0), ctx)
        elif c.dep_ == "prep" and c.lower_ == "under":
            for p in c.children:
                if p.dep_ == "pobj":
                    _add(cues, p, "noun", rank, ctx)
        elif c.dep_ == "prep" and c.lower_ == "among":     # "4,500 children among the dead"
            for p in c.children:
                if p.dep_ == "pobj":
                    _add(cues, p, "noun", rank, ctx)
                    for ch in p.children:
                        if ch.dep_ in ("acl", "relcl", "amod"):
                            _add(cues, ch, "verb" if _is_verbal(ch) else "noun", rank, ctx, "mod")


def _verb_cues(verb, cues, rank, ctx, skip, role):
    """The predicate itself, its open complements and the small clauses it takes ("left ... dead")."""
    for v in _xcomp_chain(verb):
        vrole = role
        if v.i != verb.i and role == "subj" and any(g.dep_ == "auxpass" for g in v.children):
            vrole = "subjpass"                       # "50 hostages are to be released"
        _add(cues, v, "verb", rank, ctx, vrole)
        for g in v.children:
            if g.i == skip.i:
                continue
            if g.dep_ in ("oprd", "acomp") or (g.dep_ in ("advcl", "xcomp", "ccomp") and g.pos_ == "ADJ"):
                _add(cues, g, "noun", rank, ctx)
                for h in g.children:
                    if h.dep_ == "conj":
                        _add(cues, h, "noun", rank, ctx)
            elif g.dep_ in ("advcl",) and g.tag_ == "VBN" and not any(h.dep_ in SUBJ_DEPS for h in g.children):
                _add(cues, g, "verb", rank, ctx, "mod")           # "reporting 900 soldiers ... killed"
            elif g.dep_ in ("dobj", "attr", "npadvmod") and not g.like_num:
                if _lem(g) == "life":
                    _add(cues, g, "noun", rank, dict(ctx, lives=True))
                elif _lem(g) in HOSTAGE_NOUNS | {"treatment", "shelter", "refuge"}:
                    _add(cues, g, "noun", rank, ctx)
                    if _lem(g) in ("shelter", "refuge"):
                        cues.append((rank, MEASURE_ORDER.index("displaced"), "displaced", g.text))
            if g.dep_ == "prep" and g.lower_ == "among" and g.i > skip.i:    # "reporting 3,342 children among the dead"
                for p in g.children:
                    if p.dep_ == "pobj":
                        _add(cues, p, "noun", rank, ctx)
            if g.dep_ == "prep" and g.lower_ in ("as", "in", "under", "into"):
                for p in g.children:
                    if p.dep_ == "pobj" and _lem(p) in HOSTAGE_NOUNS | {"captivity", "rubble", "shelter"}:
                        _add(cues, p, "noun", rank, ctx)
                        if _lem(p) == "shelter":
                            cues.append((rank, MEASURE_ORDER.index("displaced"), "displaced", p.text))


def _subject_cues(verb, skip, cues, ctx, rank=1):
    """Cues from the subject of a level verb ("the death toll in Gaza has crossed ...")."""
    for g in verb.children:
        if g.dep_ not in SUBJ_DEPS or (skip is not None and g.i == skip.i):
            continue
        heads = [g]
        if g.lower_ in ("which", "that") and verb.dep_ == "relcl":
            # "the death toll in Gaza, which has now crossed 6,500": the antecedent, up through PPs
            h = verb.head
            heads = [h]
            while h.dep_ == "pobj" and h.head.dep_ == "prep" and h.head.head.pos_ in ("NOUN", "PROPN"):
                h = h.head.head
                heads.append(h)
        ctx2 = dict(ctx, lives=True)
        for h in heads:
            for t in h.subtree:
                if t.dep_ == "relcl" or any(a.dep_ == "relcl" and a.i != h.i for a in t.ancestors
                                            if h.i in {x.i for x in a.ancestors} or a.head.i == h.i):
                    continue
                _add(cues, t, "noun", rank, ctx2)
                if _is_verbal(t) and t.i != verb.i:
                    _add(cues, t, "verb", rank, ctx2, "mod")


def _carried_cues(c: _Cand, cues, ctx):
    """"Three buses carrying 160 passport holders had set off from Gaza": the vehicle's movement."""
    v = c.verb
    if v is None or _lem(v) not in CARRY_VERBS or v.dep_ not in ("acl", "relcl"):
        return
    vehicle = v.head
    if vehicle.dep_ in SUBJ_DEPS and _is_verbal(vehicle.head):
        for w in _xcomp_chain(vehicle.head):
            if _lem(w) in EVAC_INTRANSITIVE | EVAC_TRANSITIVE and _exit_direction(w):
                cues.append((0, MEASURE_ORDER.index("evacuated"), "evacuated", w.text))


def _measure_cues(c: _Cand, ctx, depth: int = 0) -> list:
    """(rank, order, measure, cue) tuples for one candidate; lower rank = closer cue."""
    cues: list = []
    np = c.np
    if np.i != c.root.i:
        _modifier_cues(np, cues, 1, ctx)
    else:
        # a bare number may carry a participle: "28,000 others injured", "the 81 being evacuated"
        for ch in np.children:
            if ch.dep_ in ("acl", "relcl") and _is_verbal(ch):
                _participle_cues(ch, cues, 0, ctx)
            elif ch.dep_ in ("amod", "acomp") and ch.lower_ in WOUNDED_ADJS | KILLED_ADJS | DISPLACED_ADJS:
                _add(cues, ch, "noun", 0, ctx)
    # "five of the women who returned ... from captivity": the noun after "of"
    for ch in c.root.children:
        if ch.dep_ == "prep" and ch.lower_ == "of" and ch.i > c.root.i:
            for p in ch.children:
                if p.dep_ == "pobj" and (p.pos_ in ("NOUN", "PROPN") or p.lower_ in KILLED_ADJS | WOUNDED_ADJS):
                    _modifier_cues(p, cues, 1, ctx)         # "1,159 of the dead"
    role, verb = c.role, c.verb
    if np.i == c.root.i and c.root.dep_ in ("appos", "attr", "dep") and _lem(c.root.head) in ESTIMATE_NOUNS:
        _toll_noun_cues(c.root.head, cues, 0, ctx)     # "Gaza death toll: 4,651 including 1,873 children"
    if np.i == c.root.i and verb is not None and verb.pos_ == "ADJ" and c.rel.head.i == verb.i:
        _add(cues, verb, "noun", 0, ctx)          # "Israel says 1,400 dead": a small clause
    if role in ("subj", "subjpass", "obj") and verb is not None and _is_verbal(verb):
        _verb_cues(verb, cues, 0, ctx, c.rel, role)
        _carried_cues(c, cues, ctx)
        lem = _lem(verb)
        if role == "obj" and lem in LEVEL_VERBS:
            _subject_cues(verb, c.rel, cues, ctx)
        if lem == "be":
            _copula_cues(c, verb, cues, ctx)
    elif role in ("subj", "subjpass", "obj") and verb is not None and verb.pos_ in ("NOUN", "PROPN"):
        _modifier_cues(verb, cues, 2, ctx)
    elif role == "pobj":
        _pobj_cues(c, cues, ctx, depth)
    return cues


def _copula_cues(c: _Cand, verb, cues, ctx):
    """"312 workers are among the dead", "Out of the total deaths, 4,609 were children"."""
    heads = [verb]
    if verb.dep_ == "conj" and _lem(verb.head) == "be":
        heads.append(verb.head)                    # "4,609 were children and 3,100 were women"
    for v in heads:
        for g in v.children:
            if g.dep_ == "prep" and g.lower_ == "among":
                pobjs = [p for p in g.children if p.dep_ == "pobj"]
                for p in pobjs:
                    _modifier_cues(p, cues, 0, ctx)
                    for ch in p.children:
                        if ch.dep_ in ("acl", "relcl"):
                            _participle_cues(ch, cues, 0, ctx)
                # misparsed objects ("among the credibly reported suspected captives")
                for t in c.sent.doc[g.i + 1:min(g.i + 8, c.sent.end)]:
                    if t.is_punct:
                        break
                    _add(cues, t, "noun", 1, ctx)
            if g.dep_ == "prep" and g.lower_ in ("out", "of") and g.i < c.rel.i:
                for p in g.subtree:
                    if p.dep_ == "pobj":
                        _add(cues, p, "noun", 1, ctx)
            if g.dep_ in ("attr", "nsubj") and g.i != c.rel.i and c.role in ("obj", "subj"):
                _modifier_cues(g, cues, 2, ctx)


def _pobj_cues(c: _Cand, cues, ctx, depth):
    prep, gov = c.prep, c.verb
    pl = prep.lower_
    if gov is None:
        return
    if pl == "of" and _lem(gov) in ("body", "corpse", "remains") and c.np.i != c.root.i and _lem(c.np) in HOSTAGE_NOUNS:
        cues.append((0, MEASURE_ORDER.index("other"), "other", gov.text))   # hostages found dead
    if pl == "of" and gov.pos_ in ("NOUN", "PROPN", "NUM", "PRON", "ADJ"):
        ctx2 = dict(ctx, lives=True)
        _add(cues, gov, "noun", 0, ctx2)
        for ch in gov.children:
            if ch.dep_ in ("compound", "amod"):
                _add(cues, ch, "noun", 0, ctx2)
        # "the release of 50 hostages", "the deaths of 300": the governing noun's predicate
        gverb = _clause_verb(gov, c.sent)
        if gverb is not None and gov.dep_ in SUBJ_DEPS | OBJ_DEPS | {"pobj"}:
            groles = "subj" if gov.dep_ == "nsubj" else ("subjpass" if gov.dep_ == "nsubjpass" else "obj")
            _verb_cues(gverb, cues, 1, ctx2, gov, groles)
        if _lem(gov) in ESTIMATE_NOUNS and depth < 2:
            # "revised to around 1,200 from a previous estimate of 1,400": what the estimate counts
            sub = _role_of(gov, gov, c.sent)
            inner = _Cand(num=c.num, root=gov, tokens=c.tokens, sent=c.sent, np=gov, rel=sub[0],
                          role=sub[1], verb=sub[2], prep=sub[3])
            transparent = _lem(gov) in ("total", "list", "number", "group")
            for r, o, m, t in _measure_cues(inner, ctx, depth + 1):
                cues.append((r if transparent else max(r, 1), o, m, t))
    elif pl in ("to", "at", "past", "from", "beyond", "above", "near", "towards", "toward", "by") and _is_verbal(gov):
        _subject_cues(gov, None, cues, ctx)
        for g in gov.children:                      # "revised the death toll to 1,150", "put the toll at"
            if g.dep_ == "dobj" and g.i != c.rel.i:
                for t in g.subtree:
                    _add(cues, t, "noun", 1, dict(ctx, lives=True))
        _verb_cues(gov, cues, 1, ctx, c.rel, "obj")
    elif pl in ("as",) and _is_verbal(gov):
        for g in gov.children:                      # "gave the death toll as 7,028"
            if g.dep_ == "dobj" and g.i != c.rel.i and _lem(g) in ESTIMATE_NOUNS:
                _toll_noun_cues(g, cues, 1, ctx, skip=prep)
        _verb_cues(gov, cues, 1, ctx, c.rel, "obj")
    elif pl in ("at", "to", "as", "past", "above") and gov.pos_ in ("NOUN", "PROPN") and _lem(gov) in ESTIMATE_NOUNS:
        _toll_noun_cues(gov, cues, 1, ctx, skip=prep)   # "the number of displaced people at 1.5 million"
    elif pl == "for" and _lem(gov) in ("exchange", "swap", "return"):
        _add(cues, gov, "noun", 1, ctx)             # "in exchange for 150 Palestinian prisoners"


def _toll_noun_cues(noun, cues, rank, ctx, skip=None):
    """What a toll-like noun counts: its own words and its "of" complement ("the number of people killed")."""
    ctx2 = dict(ctx, lives=True)
    for t in noun.subtree:
        if skip is not None and (t.i == skip.i or skip.i in {a.i for a in t.ancestors}):
            continue
        if t.dep_ == "relcl" or any(a.dep_ == "relcl" and a.i != noun.i and noun.i in {x.i for x in a.ancestors}
                                    for a in t.ancestors):
            continue
        _add(cues, t, "noun", rank, ctx2)
        if _is_verbal(t):
            _add(cues, t, "verb", rank, ctx2, "mod")


# --- candidates and their roles ---------------------------------------------------------------

def _misattached_noun(root, sent):
    """"told Reuters 19 critically injured patients": the noun after the number."""
    for t in root.doc[root.i + 1:min(root.i + 5, sent.end)]:
        if t.pos_ in ("NOUN", "PROPN"):
            return t
        if t.pos_ not in ("ADV", "ADJ", "VERB", "NUM") or t.dep_ not in ("advmod", "amod", "compound", "nummod"):
            return None
    return None


def _subjectless_verb_after(tok, sent):
    """Repair for a misparsed subject: the next verb to the right that has no subject."""
    for t in tok.doc[tok.i + 1:sent.end]:
        if _is_verbal(t) and t.pos_ == "VERB" and t.dep_ not in ("amod", "compound", "acl", "relcl") and \
                not any(c.dep_ in SUBJ_DEPS for c in t.children):
            return t
        if t.pos_ == "VERB" and any(c.dep_ in SUBJ_DEPS for c in t.children):
            return None
    return None


def _role_of(np, root, sent):
    """(rel, role, verb, prep) for the counted phrase headed by ``np``."""
    rel = np
    while rel.dep_ == "conj" and rel.head.pos_ in ("NOUN", "PROPN", "NUM", "PRON") and _in_sent(rel.head, sent):
        rel = rel.head
    # "over 6,000 have been wounded", "left than 1,400 people dead": the preposition is a qualifier
    if rel.dep_ == "pobj" and rel.head.lower_ in QUALIFIER_PREPS | {"between"} and rel.head.i < root.i:
        p = rel.head
        h = p.head
        if _is_verbal(h) and p.dep_ in ("prep", "advmod", "quantmod"):
            has_subj = any(ch.dep_ in SUBJ_DEPS for ch in h.children)
            if p.i < h.i and not has_subj:
                passive = any(ch.dep_ == "auxpass" for ch in h.children)
                return p, ("subjpass" if passive else "subj"), h, None
            # "killed more than 1,400 people in Israel and over 10,000 in Gaza": a second object
            second = p.i > sent.start and p.doc[p.i - 1].lower_ in ("and", ",", "or") and p.i > h.i
            if not any(ch.dep_ in ("dobj",) for ch in h.children) or second:
                return p, "obj", h, None
        elif p.dep_ in ("quantmod", "advmod", "amod"):
            rel = h if h.pos_ in ("NOUN", "PROPN") else rel
    if rel.dep_ == "compound" and rel.head.pos_ == "NOUN" and rel.head.i > rel.i:
        rel = rel.head                          # "took 180 people hostage": the phrase's role is the head's
    if rel.i == root.i and root.head.i > root.i and any(
            t.text in ("-", "–", "—", ":", "|", ";") for t in root.doc[root.i + 1:root.head.i]):
        left = root.doc[root.i - 1] if root.i > sent.start else None
        while left is not None and left.i > sent.start and left.lower_ in QUALIFIER_PREPS | {"than", "more", "least", "at"}:
            left = root.doc[left.i - 1]
        if left is not None and left.pos_ == "VERB":
            return rel, "obj", left, None
        return rel, "none", None, None
    dep = rel.dep_
    head = rel.head
    if dep in ("nsubj", "csubj", "expl"):
        if head.tag_ == "VBN" and not any(ch.dep_ in ("aux", "auxpass") for ch in head.children):
            return rel, "subjpass", head, None     # headline style: "20 Palestinians killed"
        if head.tag_ == "VBD" and _lem(head) in VICTIM_VERBS and not any(
                ch.dep_ in ("aux", "auxpass", "dobj") for ch in head.children):
            return rel, "subjpass", head, None     # "1.4 million Gazans displaced" tagged as a past tense
        return rel, "subj", head, None
    if dep in ("nsubjpass", "csubjpass"):
        return rel, "subjpass", head, None
    if dep in OBJ_DEPS:
        return rel, "obj", head, None
    if dep == "pobj":
        gov = head.head
        if gov.lower_ in DIRECTION_ADVS and gov.dep_ in ("advmod", "prt", "prep") and _is_verbal(gov.head) and \
                head.lower_ in ("to", "from"):
            gov = gov.head                      # "revised the toll down to 64", "up from 3,785"
        return rel, "pobj", gov, head
    if dep in ("relcl", "ROOT", "dep", "npadvmod", "appos", "nmod", "compound") and rel.pos_ in ("NOUN", "PROPN", "NUM"):
        v = _subjectless_verb_after(rel, sent)
        if v is not None:
            passive = any(ch.dep_ == "auxpass" for ch in v.children)
            return rel, ("subjpass" if passive else "subj"), v, None
    if dep == "appos" and head.pos_ in ("NOUN", "PROPN"):
        return _role_of(head, head, sent)
    return rel, "none", None, None


def _counted_phrase(root, sent):
    """The counted noun (or the number itself), or None when the number is a label ("channel 12")."""
    if root.head.i > root.i and any(t.text in ("-", "–", "—", ":", "|", ";") for t in root.doc[root.i + 1:root.head.i]):
        return root                             # "toll passes 12,000 - ministry": not a modifier of "ministry"
    head = root.head
    if root.dep_ == "npadvmod" and head.lower_ in ADDITIVE_WORDS:
        # "2 more soldiers killed", "12 more were wounded": the noun "more" modifies, or the number itself
        return head.head if head.dep_ == "amod" and head.head.pos_ in ("NOUN", "PROPN") else root
    if head.i > root.i and any(ch.dep_ in ("acl", "relcl") and _is_verbal(ch) and ch.i < head.i for ch in root.children):
        return root                             # "1,200 killed in Israel, Gaza toll at 14,800"
    if root.dep_ in ("nummod", "quantmod", "amod", "compound", "nmod", "appos", "npadvmod") and \
            root.head.pos_ in ("NOUN", "PROPN", "ADJ", "PRON"):
        if root.head.i > root.i:
            return root.head
        if root.dep_ == "nummod":
            return _misattached_noun(root, sent)
    return root


def _skip_reason(c: _Cand) -> Optional[str]:
    root, doc = c.root, c.root.doc
    text_after = nlp.doc_text(doc)[c.num.end:min(c.num.end + 40, c.sent.end_char)]
    text_before = nlp.doc_text(doc)[max(c.sent.start_char, c.num.start - 30):c.num.start]
    if re.match(r"^\s*(?:more|fewer|less|additional|extra)\s+than\b", text_after, re.I):
        return "delta"                          # "50 more than previously thought"
    if re.search(r"\b(?:per|every|each|one\s+in)\s*$", text_before, re.I) or \
            re.match(r"^\s*(?:[\w-]+\s+){0,2}(?:for\s+(?:every|each)|per)\s", text_after, re.I):
        return "rate"
    if re.match(r"^\s*(?:times|fold|-fold|x)\b", text_after, re.I):
        return "multiplier"
    if c.num.words and c.num.value == 1 and re.match(r"^\s+of\b", text_after, re.I):
        return "one of"                          # "one of the deadliest nights", "one of the hostages"
    if c.num.words and c.num.value == 1 and root.dep_ == "attr" and re.match(r"^\s+(?:that|which)\b", text_after, re.I):
        return "one that"                        # "the process would be one that is executed quickly"
    if c.role == "none" and _in_short_quote(c):
        return "quoted fragment"                 # a sign or slogan: "Help, 3 hostages"
    if _cut_off(c):
        return "cut off"
    np = c.np
    if np.i != root.i and _lem(np) in EXCLUDED_NOUNS:
        return "excluded noun"
    # "the mother of one of the released hostages": a number inside another noun's modifier
    if np.i == root.i and root.dep_ == "pobj" and root.head.lower_ == "of" and \
            any(ch.dep_ == "prep" and ch.lower_ == "of" for ch in root.children) and \
            _lem(root.head.head) not in ESTIMATE_NOUNS and root.head.head.pos_ in ("NOUN", "PROPN"):
        return "embedded"
    # population sizes: "an enclave of 2.3 million", "home to 2.3 million", "its 2.3 million people"
    h = c.rel.head
    if c.role == "pobj" and c.prep is not None:
        if c.prep.lower_ == "of" and _lem(c.verb) in POPULATION_HEADS:
            return "population"
        if c.prep.lower_ == "to" and _lem(c.verb) == "home":
            return "population"
    if any(ch.dep_ == "poss" and ch.lower_ in ("its", "their", "gaza", "gaza's") for ch in np.children) and \
            _lem(np) in ("people", "resident", "inhabitant", "population", "palestinian", "gazan", "civilian"):
        return "population"
    # disease counts
    verb = _clause_verb(np, c.sent)
    if verb is not None and _lem(verb) in ("count", "list", "register", "record", "include", "report", "enter") and \
            _CORRECTION.search(_text_of(list(verb.subtree))):
        return "correction"                      # "seven victims had been counted twice": not a toll
    if verb is not None and (_lem(verb) in DISEASE_WORDS or any(_lem(t) in DISEASE_WORDS for t in verb.children
                                                                if t.dep_ in ("prep", "dobj"))):
        if not any(_lem(t) in KILLED_VERBS for t in verb.subtree):
            return "disease"
    if _lem(h) in DISEASE_WORDS:
        return "disease"
    return None


_CORRECTION = re.compile(
    r"\b(?:counted|listed|registered|recorded|included|reported|entered)\s+(?:twice|double|in\s+error|by\s+mistake)\b|"
    r"\b(?:mistakenly|wrongly|erroneously|incorrectly)\s+(?:been\s+)?(?:counted|listed|registered|recorded|included)\b|"
    r"\bdouble[- ]?count|\bduplicat", re.I)


_COMPLETE_END = re.compile(r"[.!?\"”’')\]»…:]\s*$")


def _cut_off(c: _Cand) -> bool:
    """A number at the cut end of a truncated excerpt: possibly cut itself ("killed more than 16") or cut off from
    its verb ("while 52,286 Palestinian")."""
    doc = c.root.doc
    text = nlp.doc_text(doc)
    if c.sent.end != len(doc) or c.sent.start == 0 or _COMPLETE_END.search(text):
        return False
    after = [t for t in doc[c.tokens.end:c.sent.end] if not t.is_space]
    if not after:
        return bool(re.fullmatch(r"\d{1,3}", c.num.text))
    if len(after) > 3 or any(_is_verbal(t) and t.pos_ in ("VERB", "AUX") for t in after):
        return False
    verb = c.verb if c.verb is not None and _is_verbal(c.verb) else None
    return not (verb is not None and verb.i < c.root.i and c.role in ("obj", "pobj"))


def _in_short_quote(c: _Cand) -> bool:
    text = c.sent.text
    i = c.num.start - c.sent.start_char
    for m in re.finditer(r"[\"“]([^\"“”]{1,60})[\"”]", text):
        if m.start() < i < m.end() and len(m.group(1).split()) <= 6:
            return True
    return False


def _sentence_candidates(doc, sent) -> list[_Cand]:
    out = []
    for num in find_counts(sent.text, sent.start_char):
        span = doc.char_span(num.start, num.end, alignment_mode="expand")
        if span is None or not len(span):
            continue
        root = span.root
        np = _counted_phrase(root, sent)
        if np is None:
            continue                                # a label: "channel 12", "day 20"
        rel, role, verb, prep = _role_of(np, root, sent)
        c = _Cand(num=num, root=root, tokens=span, sent=sent, np=np, rel=rel, role=role, verb=verb, prep=prep)
        if _skip_reason(c):
            continue
        out.append(c)
    return out


# --- measures, coordination and sub-groups ----------------------------------------------------

def _partitive(c: _Cand) -> bool:
    doc = c.root.doc
    after = nlp.doc_text(doc)[c.num.end:c.num.end + 20]
    before = nlp.doc_text(doc)[max(c.sent.start_char, c.num.start - 25):c.num.start]
    if re.match(r"^\s+of\s+(?:them|whom|those|these|which)\b", after, re.I):
        return True
    if re.search(r"\b(?:of|among)\s+(?:which|whom|them|those)\s*,?\s*$", before, re.I):
        return True
    # "Of the roughly 240 people taken captive, 137 remain in Gaza": a fronted "of" phrase holding a number
    for t in (c.root, c.np):
        if any(g.dep_ == "prep" and g.lower_ in ("of", "among") and g.i < c.root.i and
               any(x.like_num for x in g.subtree) for g in t.children):
            return True
    verb = c.verb if c.role in ("subj", "subjpass") else None
    if verb is not None and _lem(verb) == "be":
        for v in (verb, verb.head if verb.dep_ == "conj" else None):
            if v is not None and any(g.dep_ == "prep" and g.lower_ in ("out", "of", "among") and g.i < c.rel.i
                                     for g in v.children):
                return True
    return False


def _including_head(c: _Cand):
    """The phrase this one is a sub-group or companion of, and how ("sub" or "with")."""
    t = c.np
    while t.dep_ == "conj":
        t = t.head
    if t.dep_ == "pobj" and t.head.lower_ in ("including", "include", "among", "incl", "incl."):
        return t.head.head, "sub"
    if t.dep_ == "dobj" and _lem(t.head) == "include":
        for g in t.head.children:
            if g.dep_ in SUBJ_DEPS:
                return g, "sub"
    if t.dep_ == "pobj" and t.head.lower_ in ("by", "with") and _lem(t.head.head) in ("accompany", "join", "escort"):
        return t.head.head.head, "with"
    return None, None


COLLECTIVE_NOUNS = {"group", "batch", "total", "number", "list", "convoy", "round", "toll", "tally", "count"}


def _collective_of(head, p: _Cand) -> bool:
    """"the second group of 17 hostages, including 13 Israelis": the group stands for its figure."""
    return _lem(head) in COLLECTIVE_NOUNS and p.np.dep_ == "pobj" and p.np.head.lower_ == "of" and \
        p.np.head.head.i == head.i


def _coordinated(a: _Cand, b: _Cand) -> bool:
    """Whether two numbers are items of one list: only nouns, adjectives, commas and "and" between."""
    doc = a.root.doc
    gap = doc[a.tokens.end:b.tokens.start]
    if not len(gap) or len(gap) > 6:
        return False
    if not any(t.lower_ in ("and", ",", "or", "&") for t in gap):
        return False
    for t in gap:
        if t.pos_ in ("VERB", "AUX", "ADP", "SCONJ", "PRON") or t.lower_ in ("including", "while", "with", "of"):
            return False
    return True


def _resolve_measures(here: list[_Cand], prev_cands: list[_Cand], ctx) -> None:
    for c in here:
        cues = _measure_cues(c, ctx)
        if c.np.i != c.root.i and _lem(c.np) in TRUCK_NOUNS:
            cues = [q for q in cues if q[2] == "aid_trucks"]   # trucks are never evacuees or victims
        if cues:
            cues.sort()
            c.rank, _, c.measure, c.cue = cues[0]
        if c.np.i != c.root.i:
            c.extra["own"] = _cue_of(c.np, "noun", ctx)       # the counted noun itself: "13 dead", "30 injured"
        c.partitive = _partitive(c)
    # coordination: "13 Israeli and four foreign hostages", "300 soldiers and 1,100 civilians dead"
    for i, c in enumerate(here):
        if i and _coordinated(here[i - 1], c):
            c.coord_prev = here[i - 1]
    for c in reversed(here):
        p = c.coord_prev
        if p is not None and c.measure and (p.measure is None or p.rank > c.rank) and not p.extra.get("own"):
            p.measure, p.rank, p.cue = c.measure, c.rank, c.cue
    for c in here:
        p = c.coord_prev
        if p is not None and p.measure and (c.measure is None or c.rank > p.rank + 1) and not c.extra.get("own"):
            c.measure, c.rank, c.cue = p.measure, p.rank + 1, p.cue
    # sub-groups: "including 3,648 children", "30 of them", "of which 4,237"; companions: "accompanied by 49"
    for i, c in enumerate(here):
        head, how = _including_head(c)
        parent = None
        if head is not None:
            for p in here[:i]:
                if p.np.i == head.i or p.root.i == head.i or _collective_of(head, p):
                    parent = p
            if parent is None and _is_verbal(head):
                # "had been killed, including 3,700 children": the figure of that verb
                same = [p for p in here[:i] if p.measure and _clause_verb(p.np, p.sent) is not None
                        and _clause_verb(p.np, p.sent).i == head.i]
                parent = same[-1] if same else None
            if parent is None and how == "sub" and c.measure is None:
                cues = []
                _modifier_cues(head, cues, 2, ctx)
                if cues:
                    cues.sort()
                    c.rank, _, c.measure, c.cue = cues[0]
        elif c.partitive:
            earlier = [p for p in here[:i] if p.measure]
            if earlier:
                parent = earlier[-1]
            else:
                pm = [p for p in prev_cands if p.measure]
                parent = pm[-1] if pm else None
        if parent is not None and parent.measure:
            if how != "with":
                c.parent = parent
            else:
                c.extra["companion"] = parent
            # casualties include the dead and the injured: "120 casualties, including 30 dead"
            own_victims = parent.measure == "other" and c.extra.get("own") in ("killed", "wounded")
            if (c.measure is None or c.rank >= 1) and not own_victims:
                c.measure, c.rank, c.cue = parent.measure, 2, parent.cue
    for c in here:
        if c.coord_prev is not None and c.coord_prev.parent is not None and c.parent is None:
            c.parent = c.coord_prev.parent
            if c.measure is None:
                c.measure = c.parent.measure


# --- qualifiers -------------------------------------------------------------------------------------

def _qualifier(c: _Cand) -> Optional[str]:
    doc = c.root.doc
    if c.num.value_max is not None:
        return "range"
    before = nlp.doc_text(doc)[max(c.sent.start_char, c.num.start - 45):c.num.start]
    before = re.sub(r"\s+", " ", before)
    if _direction_particle(c):
        before = re.sub(r"\b(?:up|down)\s+to\s*$", "to ", before, flags=re.I)   # "revised ... up to 242"
    # words that may sit between a qualifier and the number ("at least another 7,000", "a total of")
    trimmed = re.sub(r"\b(?:another|other|a\s+total\s+of)\s*$", "", before, flags=re.I)
    for text in (before, trimmed):
        for rx, q in _QUAL_BEFORE:
            if rx.search(text):
                if q == "about" and re.search(r"\bsome\s*$", text, re.I) and not _some_is_qualifier(c):
                    continue
                return q
    # verbs that carry the qualifier ("topped 14,100", "has now crossed 6,500")
    if c.role in ("obj",) and c.verb is not None:
        v = c.verb
        if _lem(v) in _MORE_VERBS or v.lower_ in ("tops", "topped"):
            return "more than"
        if _lem(v) in _NEAR_VERBS:
            return "nearly"
    if c.role == "pobj" and c.prep is not None and c.prep.lower_ in ("past", "beyond", "above") and c.verb is not None:
        return "more than"
    if re.fullmatch(r"\s*at\s*", before, re.I):
        return "unclear"                                  # garbled "At 13,000 ..." opening a sentence
    # "X estimates that N ...", "it is estimated that N"
    for a in _ancestors(c.root, c.sent):
        if _lem(a) == "estimate" and a.pos_ == "VERB":
            return "about"
    return None


def _direction_particle(c: _Cand) -> bool:
    """"raised the number of hostages up to 242": "up" belongs to the verb, not to the number."""
    i = c.tokens.start
    doc = c.root.doc
    if i < c.sent.start + 2 or doc[i - 1].lower_ != "to" or doc[i - 2].lower_ not in ("up", "down"):
        return False
    particle = doc[i - 2]
    if particle.dep_ not in ("prt", "advmod", "prep") or not _is_verbal(particle.head):
        return False
    return _lem(particle.head) in TOLL_SET_VERBS | LEVEL_VERBS


def _some_is_qualifier(c: _Cand) -> bool:
    """"some 1.1 million people" (about) versus "some of the 50" (not a qualifier)."""
    return not re.match(r"^\s*of\b", nlp.doc_text(c.root.doc)[c.num.end:c.num.end + 5])


def _share_qualifiers(here: list[_Cand]) -> None:
    for c in here:
        if c.qualifier is None and c.coord_prev is not None and c.coord_prev.qualifier not in (None, "range"):
            c.qualifier = c.coord_prev.qualifier
            c.extra["qualifier_shared"] = True
    for c in here:
        if c.qualifier is None:
            c.qualifier = "exact"


# --- sources ---------------------------------------------------------------------------------

_DATELINE_SPEAKER = re.compile(r"^[A-Z][A-Z .'-]+(?:\s*\([^)]*\))?\s*$")


def _is_dateline(speaker: str, span: Optional[Span], sent) -> bool:
    """"GAZA, Nov 14 (Reuters) -" taken for a speaker; an acronym source inside the sentence ("according to
    UNRWA") is not one."""
    if not _DATELINE_SPEAKER.match(speaker.strip()):
        return False
    if span is None:
        return True
    text = nlp.doc_text(sent.doc)
    opens = not text[sent.start_char:span.start].strip(" \n\"'“‘(")
    return opens and bool(re.match(r"\s*(?:\(|[-–—,:])", text[span.end:span.end + 3]))


def _clean_source(text: Optional[str]) -> Optional[str]:
    if not text:
        return None
    text = re.sub(r"\s+", " ", text).strip(" ,;:–—-\"'“”‘’")
    text = re.sub(r"^(?:the|a|an)\s+", "", text, flags=re.I)
    return text or None


def _is_anaphor(text: Optional[str]) -> bool:
    if not text:
        return True
    words = re.findall(r"[a-z]+", text.lower())
    return all(w in ANAPHORS for w in words)


def _speaker_np(subj) -> str:
    if subj.lower_ in ("which", "who", "that") and subj.head.dep_ == "relcl":
        return _np_text(subj.head.head)
    sub = {x.i for x in subj.subtree}
    name = _entity_of(subj)
    toks = [t for t in subj.subtree
            if (name is not None and name.start <= t.i < name.end) or
            not any(a.dep_ in ("relcl", "acl") and a.i in sub for a in [t] + list(t.ancestors) if a.i != subj.i)]
    return _text_of(toks) if toks else subj.text


def _entity_of(tok):
    """The named entity holding ``tok`` ("the Committee to Protect Journalists"), or None."""
    if not tok.ent_type_:
        return None
    for ent in tok.doc.ents:
        if ent.start <= tok.i < ent.end:
            return ent
    return None


def _whole_name(text: Optional[str], span: Optional[Span], doc) -> Optional[str]:
    """A speaker cut inside a name ("the Committee" of "the Committee to Protect Journalists") made whole."""
    if not text or span is None:
        return text
    sp = doc.char_span(span.start, span.end, alignment_mode="expand")
    if sp is None or not len(sp):
        return text
    ent = _entity_of(sp[-1])
    if ent is None or ent.end_char <= span.end or ent.start_char < span.start - 4:
        return text
    return nlp.doc_text(doc)[span.start:ent.end_char]


def _path_to(tok, target, sent):
    """The child of ``target`` through which ``tok`` hangs, or None."""
    cur = tok
    while cur.head.i != cur.i and _in_sent(cur.head, sent):
        if cur.head.i == target.i:
            return cur
        cur = cur.head
    return None


def _background_clause(c: _Cand, top) -> bool:
    """Whether a relative clause separates the number from ``top`` ("the attack in which 1,300 were killed")."""
    cur = c.root
    while cur.head.i != cur.i and _in_sent(cur.head, c.sent) and cur.i != top.i:
        if cur.dep_ == "relcl" and cur.head.i != top.i and _lem(cur.head) in ATTACK_NOUNS | WAR_START_NOUNS:
            return True
        cur = cur.head
    return False


def _claim_source(c: _Cand, claims: list[Claim]) -> tuple[bool, Optional[str]]:
    """(a claim covers the number, its speaker)."""
    best = None
    for cl in claims:
        if cl.content.start <= c.num.start and c.num.end <= cl.content.end:
            if best is None or (cl.content.end - cl.content.start) < (best.content.end - best.content.start):
                best = cl
    if best is None:
        return False, None
    if best.cue_span is not None:
        span = c.sent.doc.char_span(best.cue_span.start, best.cue_span.end, alignment_mode="expand")
        if span is not None and len(span) and _in_sent(span.root, c.sent):
            cue = span.root
            if _background_clause(c, cue):
                return True, None
            if any(t.lower_ == "than" for t in cue.children) or cue.head.lower_ == "than" or \
                    (cue.dep_ in ("advcl", "ccomp") and any(t.lower_ == "than" for t in cue.head.children
                                                             if t.i < cue.i and t.i > c.root.i)):
                return False, None             # "more than previous estimates had suggested"
            via = _path_to(c.root, cue, c.sent)
            if via is not None and via.dep_ in ("npadvmod", "advmod", "prep", "agent") and \
                    via.lower_ not in QUALIFIER_PREPS and _lem(cue) != "accord":
                return False, None             # "ordered a siege, two days after attacks killed 700"
    speaker = _whole_name(best.speaker, best.speaker_span, c.sent.doc)
    if speaker and _is_dateline(speaker, best.speaker_span, c.sent):
        return False, None
    return True, _clean_source(speaker)


def _fallback_source(c: _Cand) -> Optional[str]:
    sent = c.sent
    # nearest reporting verb above the number, entered through its content
    for a in _ancestors(c.root, sent):
        lem = _lem(a)
        if lem in SPEECH_VERBS | DECISION_VERBS and a.pos_ == "VERB":
            via = _path_to(c.root, a, sent)
            toll_clause = via is not None and via.dep_ == "advcl" and via.tag_ == "VBG" and \
                _lem(via) in TOLL_SET_VERBS | LEVEL_VERBS          # "says ..., raising the toll to 392"
            if via is None or (via.dep_ not in CONTENT_DEPS and via.lower_ not in QUALIFIER_PREPS and not toll_clause):
                continue
            if lem == "claim" and via.dep_ == "dobj" and _lem(via) == "life":
                continue
            if _background_clause(c, a):
                return None
            for g in a.children:
                if g.dep_ == "nsubj":
                    return _clean_source(_speaker_np(g))
            if a.dep_ == "relcl":
                return _clean_source(_np_text(a.head))
            for g in a.children:
                if g.dep_ == "agent":
                    for p in g.children:
                        if p.dep_ == "pobj":
                            return _clean_source(_np_text(p))
    # "X killed 18 people, officials said."
    for t in sent:
        if t.dep_ in ("parataxis", "ccomp", "conj") and _lem(t) in SPEECH_VERBS and t.i > c.root.i and \
                t.pos_ == "VERB" and not any(t.i == a.i for a in _ancestors(c.root, sent)):
            for g in t.children:
                if g.dep_ == "nsubj":
                    return _clean_source(_speaker_np(g))
    trailing = _trailing_attribution(c)
    if trailing:
        return trailing
    # "according to X", "per X", "citing X"
    for m in re.finditer(r"\b(?:[Aa]ccording\s+to|[Pp]er(?=\s+(?:the\s+)?[A-Z])|citing|quoting|as\s+reported\s+by|"
                         r"reported\s+by)\s+", sent.text):
        start = sent.start_char + m.end()
        for t in sent:
            if t.idx >= start:
                if t.dep_ == "pobj" or t.head.dep_ in ("pobj", "dobj") or t.dep_ in ("dobj", "compound", "det", "amod", "poss"):
                    head = t
                    while head.dep_ not in ("pobj", "dobj") and head.head.i != head.i and _in_sent(head.head, sent) \
                            and head.head.i > head.i:
                        head = head.head
                    return _clean_source(_np_text(head, max_tokens=16))
                break
    # "a previous government estimate of 1,400", "according to Israeli figures"
    if c.role == "pobj" and c.prep is not None and c.prep.lower_ == "of" and c.verb is not None and \
            _lem(c.verb) in ("estimate", "figure", "count", "tally"):
        mods = [t for t in c.verb.children if t.dep_ in ("compound", "poss", "amod") and _lem(t) not in PREV_WORDS]
        if mods:
            return _clean_source(_text_of(mods))
    return None


def _toll_setter(c: _Cand):
    """The verb that sets this number as a toll ("put the toll at 71", "raised the toll to 1,250"), or None."""
    v = c.verb
    if v is None or not _is_verbal(v):
        return None
    if c.role == "pobj" and v.dep_ in ("acl", "relcl") and c.prep.lower_ in ("to", "at"):
        # "revised its estimate of those killed ... to around 1,200": "to" misattached inside the object
        for a in _ancestors(v, c.sent):
            if _is_verbal(a):
                if _lem(a) in TOLL_SET_VERBS and any(g.dep_ == "dobj" and _lem(g) in ESTIMATE_NOUNS and
                                                     v.i in {x.i for x in g.subtree} for g in a.children):
                    return a
                break
    if _lem(v) not in TOLL_SET_VERBS:
        return None
    if c.role == "pobj" and c.prep is not None and c.prep.lower_ in ("to", "at", "as", "from", "past", "above"):
        return v
    if c.role == "obj" and c.rel.dep_ != "dobj" and any(g.dep_ == "dobj" and _lem(g) in ESTIMATE_NOUNS
                                                       for g in v.children):
        return v                                  # "estimated the toll at over 12,000" (over: a qualifier)
    return None


def _toll_noun(c: _Cand):
    """The toll-like noun this number is the value of ("the toll stood at", "put the number of dead at")."""
    v = c.verb
    if v is None:
        return None
    if c.role == "pobj" and v.pos_ in ("NOUN", "PROPN") and _lem(v) in ESTIMATE_NOUNS and \
            c.prep.lower_ in ("at", "to", "as", "past", "above"):
        return v
    if not _is_verbal(v):
        return None
    deps = ("dobj", "nsubjpass") if _toll_setter(c) is not None else SUBJ_DEPS if _lem(v) in LEVEL_VERBS else ()
    for g in v.children:
        if g.dep_ in deps and g.i != c.rel.i and _lem(g) in ESTIMATE_NOUNS:
            return g
    return None


def _source_like(tok) -> bool:
    """Whether a subject can be a figure's source (an organisation, person, place or official body)."""
    if tok is None or tok.like_num:
        return False
    lem = _lem(tok)
    if lem in ATTACK_NOUNS | KILLED_NOUNS | WOUNDED_NOUNS | ESTIMATE_NOUNS | WAR_START_NOUNS:
        return False
    if any(ch.dep_ in ("compound", "amod", "poss") and (ch.pos_ == "PROPN" or ch.ent_type_ in ("ORG", "GPE", "NORP"))
           for ch in tok.children) and tok.pos_ == "NOUN":
        return True                               # "US intelligence", "Israeli authorities"
    return tok.pos_ == "PROPN" or tok.ent_type_ in ("ORG", "GPE", "NORP", "PERSON") or lem in SOURCE_NOUNS or \
        tok.lower_ in ("he", "she", "it", "they", "we")


def _setter_source(c: _Cand) -> Optional[str]:
    """The subject (or agent) of the verb that set the toll; the poss of the toll noun ("the ministry's toll")."""
    v = _toll_setter(c)
    if v is not None:
        subj = None
        for g in v.children:
            if g.dep_ == "nsubj":
                subj = g
            elif g.dep_ == "agent":
                subj = next((p for p in g.children if p.dep_ == "pobj"), None)
        if subj is None and v.dep_ in ("xcomp", "conj") and _is_verbal(v.head):
            subj = next((g for g in v.head.children if g.dep_ == "nsubj"), None)
        if _source_like(subj):
            return _clean_source(_speaker_np(subj))
    noun = _toll_noun(c)
    if noun is not None:
        for g in noun.children:
            if g.dep_ == "poss" and g.pos_ != "PRON" and _source_like(g):
                return _clean_source(_text_of([t for t in g.subtree if t.dep_ != "case"]))
    return None


def _trailing_attribution(c: _Cand) -> Optional[str]:
    """"..., an Israeli official estimated.", "- 240 hostages held in Gaza, Israel says": a closing attribution
    (however the parser attached it) whose verb takes no content of its own."""
    sent = c.sent
    for t in sent:
        if t.i <= c.root.i or t.pos_ != "VERB" or _lem(t) not in SPEECH_VERBS:
            continue
        subj = next((g for g in t.children if g.dep_ == "nsubj" and g.i > c.root.i), None)
        if subj is None or subj.lower_ in ("who", "which", "that"):
            continue
        if any((g.dep_ in ("ccomp", "xcomp") or (g.dep_ == "dobj" and not _addressee(g))) and g.i > t.i
               for g in t.children):
            continue                                  # the verb has content of its own (not "told AFP")
        via = _path_to(c.root, t, sent)
        if via is not None and via.i in (c.np.i, c.rel.i, c.root.i) and via.dep_ in SUBJ_DEPS:
            continue                                  # the number is the speaker ("40 residents said")
        own = {x.i for x in t.subtree}
        rest = [x for x in sent if x.i > max(t.i, subj.i) and x.i not in own and not x.is_punct]
        if rest:
            continue
        return _clean_source(_speaker_np(subj))
    return None


def _addressee(tok) -> bool:
    """"told Reuters", "told AFP", "told reporters": who was told, not what."""
    return _lem(tok.head) == "tell" and (tok.pos_ in ("PROPN", "PRON") or tok.ent_type_ in ("ORG", "PERSON") or
                                         _lem(tok) in ("reporter", "journalist", "press", "media"))


def _source(c: _Cand, claims: list[Claim]) -> Optional[str]:
    setter = _setter_source(c)
    if setter:
        return setter                       # the nearest source: who set this very number
    covered, speaker = _claim_source(c, claims)
    if covered:
        return speaker                      # the claims extractor's verdict, even "no speaker"
    own = _fallback_source(c)
    return None if own and _is_anaphor(own) and not re.search(r"[a-z]", own.lower().replace("the", "")) else own


def _resolve_anaphor(text: str, history: list[str]) -> Optional[str]:
    """"it" -> the last source; "the ministry" -> the last source that names a ministry."""
    words = [w for w in re.findall(r"[a-z]+", text.lower()) if w not in ("the", "a", "an", "its", "his", "her",
                                                                          "their", "also")]
    nouns = [w for w in words if w not in PRONOUNS_SET and w not in ("statement", "report", "source")]
    for past in reversed(history):
        if not nouns or any(n.rstrip("s") in past.lower() for n in nouns):
            return past
    return None


def _sentence_speaker(sent, claims: list[Claim]) -> Optional[str]:
    for cl in claims:
        if sent.start_char <= cl.span.start < sent.end_char and cl.speaker and \
                not _is_dateline(cl.speaker, cl.speaker_span, sent):
            return _clean_source(cl.speaker)
    if not nlp.is_parsed(sent):
        return None
    for t in sent:
        if _lem(t) in SPEECH_VERBS and t.pos_ == "VERB":
            for g in t.children:
                if g.dep_ == "nsubj":
                    return _clean_source(_speaker_np(g))
    return None


# --- times -------------------------------------------------------------------------------------

_WEEKDAYS = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]
_MONTHS = {m: i + 1 for i, m in enumerate(["january", "february", "march", "april", "may", "june", "july",
                                           "august", "september", "october", "november", "december"])}
_MONTHS.update({k[:3]: v for k, v in list(_MONTHS.items())})
_MONTHS["sept"] = 9
_MONTH_ALT = ("january|february|march|april|may|june|july|august|september|october|november|december|"
              "jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec")
_TIME_RE = re.compile(
    rf"\b(?:(?P<wd>monday|tuesday|wednesday|thursday|friday|saturday|sunday)(?:['’]s)?"
    rf"|(?P<mon>{_MONTH_ALT})\.?\s+(?P<day>\d{{1,2}})(?:st|nd|rd|th)?(?:,?\s+(?P<year>20\d\d))?"
    rf"|(?P<day2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<mon2>{_MONTH_ALT})\b\.?(?:,?\s+(?P<year2>20\d\d))?"
    r"|(?P<rel>yesterday|today|tonight|this\s+morning|this\s+evening|last\s+night)"
    r"|(?P<hol>christmas\s+eve|christmas\s+day|new\s+year['’]s\s+eve|new\s+year['’]s\s+day))\b", re.I)
_DATELINE = re.compile(rf"^\s*[A-Z][A-Za-z .'/-]{{1,40}},\s*(?P<mon>{_MONTH_ALT})\.?\s+(?P<day>\d{{1,2}})"
                       r"(?:,\s*(?P<year>20\d\d))?\s*(?:\([^)]{1,30}\))?\s*[:–—-]", re.I)


@dataclass
class _Time:
    start: int
    end: int
    date: Optional[dt.date]
    weekday: bool = False
    since: bool = False


def _resolve_weekday(name: str, doc_date: dt.date, future: bool) -> dt.date:
    target = _WEEKDAYS.index(name.lower())
    delta = (doc_date.weekday() - target) % 7
    if future and delta:
        return doc_date + dt.timedelta(days=(target - doc_date.weekday()) % 7)
    return doc_date - dt.timedelta(days=delta)


def _safe_date(year: int, month: int, day: int) -> Optional[dt.date]:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _own_times(sent, doc_date: dt.date) -> list[_Time]:
    """A small fallback for day expressions (weekdays, "October 22", "yesterday", Christmas)."""
    out = []
    base = sent.start_char
    for m in _TIME_RE.finditer(sent.text):
        s, e = base + m.start(), base + m.end()
        before = sent.text[max(0, m.start() - 12):m.start()].lower()
        since = bool(re.search(r"\b(?:since|from)\s+(?:the\s+)?$", before))
        d = None
        weekday = False
        if m.group("wd"):
            weekday = True
        elif m.group("mon") or m.group("mon2"):
            mon = _MONTHS[(m.group("mon") or m.group("mon2")).lower()]
            day = int(m.group("day") or m.group("day2"))
            explicit_year = m.group("year") or m.group("year2")
            d = _safe_date(int(explicit_year or doc_date.year), mon, day)
            if d is not None and not explicit_year and d > doc_date + dt.timedelta(days=60):
                d = _safe_date(doc_date.year - 1, mon, day)
        elif m.group("rel"):
            r = m.group("rel").lower()
            d = doc_date - dt.timedelta(days=1) if r in ("yesterday", "last night") else doc_date
        elif m.group("hol"):
            h = m.group("hol").lower()
            if h.startswith("christmas"):
                d = dt.date(doc_date.year, 12, 24 if "eve" in h else 25)
            else:
                d = dt.date(doc_date.year, 12, 31) if "eve" in h else dt.date(doc_date.year, 1, 1)
            if d > doc_date + dt.timedelta(days=7):
                d = _safe_date(d.year - 1, d.month, d.day)
        if d is None and not weekday:
            continue
        out.append(_Time(s, e, d, weekday, since))
    return out


def _sentence_times(sent, times: list[TimeExpr], doc_date) -> list[_Time]:
    given = []
    for t in times:
        if t.span.start >= sent.start_char and t.span.end <= sent.end_char and t.type in ("DATE", "TIME") and t.date:
            wd = bool(re.search(r"(?:mon|tues|wednes|thurs|fri|satur|sun)day", t.text, re.I)) and \
                not re.search(r"\d", t.text)
            given.append(_Time(t.span.start, t.span.end, t.date, wd, t.since))
    for o in _own_times(sent, doc_date):
        if not any(g.start < o.end and o.start < g.end for g in given):
            given.append(o)
    return given


def _dateline_date(text: str, doc_date: dt.date) -> Optional[dt.date]:
    """"Jerusalem, Oct 9: ..." at the top of a wire story dates what it reports."""
    m = _DATELINE.match(text[:120])
    if not m:
        return None
    d = _safe_date(int(m.group("year") or doc_date.year), _MONTHS[m.group("mon").lower()], int(m.group("day")))
    if d is None or d > doc_date or (doc_date - d).days > 7:
        return None
    return d


def _time_attachment(sent, t: _Time):
    """(verb the time expression modifies, whether it hangs off a "before X" event noun)."""
    span = sent.doc.char_span(t.start, t.end, alignment_mode="expand")
    if span is None or not len(span):
        return None, False
    cur = span.root
    through_noun = False
    for _ in range(12):
        h = cur.head
        if h.i == cur.i or not _in_sent(h, sent):
            return (cur if _is_verbal(cur) else None), through_noun
        if _is_verbal(h) and cur.dep_ not in ("amod",):
            return h, through_noun
        if h.pos_ in ("NOUN", "PROPN") and h.i not in {x.i for x in span} and \
                cur.dep_ in ("poss", "compound", "nmod", "amod", "npadvmod") and \
                not re.search(r"day|night|morning|evening|eve|noon|afternoon", h.lower_):
            # "Tuesday's blast", "the Oct. 7 attack": only "before X" keeps such a time
            p = h.head
            if h.dep_ == "pobj" and p.lower_ in ("before", "prior", "until", "ahead"):
                through_noun = True
            else:
                return None, False
        cur = h
    return None, False


# --- scope ------------------------------------------------------------------------------------------

def _future(c: _Cand) -> bool:
    for a in [c.np] + list(_ancestors(c.np, c.sent)):
        if _lem(a) in FUTURE_LEMMAS and a.pos_ in ("VERB", "ADJ"):
            if _lem(a) != "set" or any(ch.dep_ == "xcomp" for ch in a.children):
                return True
        if _lem(a) in DEAL_NOUNS and a.pos_ == "NOUN" and a.i < c.root.i:
            return True
        for ch in a.children:
            if ch.dep_ in ("aux", "auxpass") and ch.lower_ in FUTURE_AUX and \
                    not any(x.dep_ == "aux" and x.lower_ in ("have", "'ve") for x in a.children):
                return True                     # "may have been killed" is a past possibility
        if a.dep_ == "relcl" and a.head.i != c.np.i and a.i != c.np.i:
            break
    for t in c.sent:
        if _lem(t) in DEAL_NOUNS and t.head.lower_ in ("under",) and t.i < c.root.i:
            return True
    # "The agreement provides for the release of 50 ...": a deal that is the subject of a present-tense verb
    for a in _ancestors(c.np, c.sent):
        if _is_verbal(a) and a.tag_ in ("VBZ", "VBP", "VB") and any(
                g.dep_ in SUBJ_DEPS and _lem(g) in DEAL_NOUNS for g in a.children):
            return True
    return False


def _clause_tokens(c: _Cand):
    setter = _toll_setter(c)
    if setter is None and _toll_noun(c) is not None and _is_verbal(c.verb):
        setter = c.verb
    if setter is not None and setter.dep_ in ("advcl", "xcomp", "conj", "ccomp") and setter.tag_ == "VBG":
        return list(setter.subtree)         # "..., bringing the number of dead to 9,770": not the main event
    verb = _clause_verb(c.np, c.sent)
    if verb is None:
        return list(c.sent)
    top = _finite_clause(verb, c.sent)
    return list(top.subtree)


def _past_event(c: _Cand) -> bool:
    verb = _clause_verb(c.np, c.sent)
    if verb is None:
        return bool(re.search(r"(?:mon|tues|wednes|thurs|fri|satur|sun)day", c.sent.text, re.I))
    verb = _finite_clause(verb, c.sent)
    auxes = {ch.lower_ for ch in verb.children if ch.dep_ in ("aux", "auxpass")}
    if auxes & {"had", "was", "were"}:
        return True
    # a simple past, also when tagged as a participle without auxiliary ("335 nationals crossed into Egypt")
    return verb.tag_ == "VBD" or (verb.tag_ == "VBN" and not auxes and any(ch.dep_ in SUBJ_DEPS for ch in verb.children))


def _war_start(tokens) -> bool:
    return bool(KILLER_WORDS.search(" ".join(t.text for t in tokens))) or \
        bool(re.search(r"\b(?:on|in|inside|across)\s+(?:southern\s+)?israel\b", " ".join(t.text.lower() for t in tokens)))


def _specific_place(tok) -> bool:
    """A single named or singular place ("the town of Sderot", "a house", "Jabalia camp"), not Gaza or Israel."""
    sub = list(tok.subtree)
    if _war_start(sub):
        return False
    if tok.tag_ == "NN" and _lem(tok) in INCIDENT_PLACES | {"town", "village", "neighbourhood", "neighborhood",
                                                            "street", "district", "kibbutz", "city"}:
        return True
    if any(x.ent_type_ in ("GPE", "LOC", "FAC") and x.lower_ not in _WIDE_PLACES for x in sub):
        return True
    # a proper name after "in" / "at" is a place, whatever NER made of it ("in Khan Younis")
    name = [tok] + [x for x in tok.children if x.dep_ == "compound"]
    return tok.pos_ == "PROPN" and tok.head.lower_ in ("in", "at", "near", "inside") and \
        all(x.ent_type_ in ("GPE", "LOC", "FAC", "PERSON", "") and x.lower_ not in _WIDE_PLACES for x in name)


_WIDE_PLACES = {"gaza", "strip", "israel", "west", "bank", "lebanon", "syria", "egypt", "enclave", "territory",
                "territories", "palestinian", "israeli", "the"}


def _reported_by_named(verb) -> bool:
    """Whether ``verb`` is the content of a reporting verb whose subject is a name ("Israel says it ...")."""
    if verb.dep_ not in ("ccomp", "parataxis") or _lem(verb.head) not in SPEECH_VERBS:
        return False
    return any(g.dep_ == "nsubj" and (g.pos_ == "PROPN" or g.ent_type_ in ("ORG", "GPE", "NORP"))
               for g in verb.head.children)


def _victims_placed(c: _Cand) -> bool:
    """"killed 32 people in Khan Younis": a victim verb placed in one town, camp or building."""
    verb = c.verb if c.role in ("subj", "subjpass", "obj") else None
    if verb is None or not _is_verbal(verb) or _lem(verb) not in KILLED_VERBS | WOUNDED_VERBS:
        return False
    if any(ch.dep_ == "aux" and ch.lower_ in ("has", "have", "'ve") for ch in verb.children):
        return False                          # "1,000 people have been killed in Jabalia": a running total there
    for g in list(verb.children) + ([p for p in c.np.children] if c.np.i != c.root.i else []):
        if g.dep_ == "prep" and g.lower_ in ("in", "at", "inside", "near"):
            for p in g.children:
                if p.dep_ == "pobj" and _specific_place(p):
                    return True
    return False


def _incident(c: _Cand) -> bool:
    """A single strike, blast, hospital or event rather than a running toll."""
    sent = c.sent
    toks = _clause_tokens(c)
    verb = _clause_verb(c.np, sent)
    if verb is not None:
        # the killer as subject: "the militants killed 1 400 people" (the Oct. 7 attack) is the war's toll
        for g in verb.children:
            if g.dep_ == "nsubj" and KILLER_WORDS.search(_text_of(list(g.subtree))):
                return False
            if g.dep_ == "nsubj" and g.lower_ == "it" and _lem(verb) in KILLED_VERBS and not _reported_by_named(verb):
                return True                   # "it killed 500 people": the blast; not "Israel says it has killed"
    if _victims_placed(c):
        return True
    if verb is not None and verb.dep_ in ("acl", "relcl") and _lem(verb.head) in ATTACK_NOUNS - {"bombardment"} and \
            verb.head.tag_ == "NN" and not _war_start(list(verb.head.subtree)):
        return True                           # "an air strike on a residential building killed 12" (misparsed)
    for t in toks:
        lem = _lem(t)
        if lem in ATTACK_VERBS and _is_verbal(t) and any(_specific_place(g) for g in t.children if g.dep_ == "dobj"):
            return True                       # "Rockets hit the town of Sderot, leaving two dead"
        if lem in ATTACK_NOUNS and t.pos_ == "NOUN":
            sub = list(t.subtree)
            if _war_start(sub) or lem == "bombardment":
                continue
            text = _text_of(sub).lower()
            placed = any(x.pos_ == "PROPN" and x.lower_ not in ("gaza", "strip", "israel", "west", "bank") and
                         (x.head.lower_ in ("in", "on", "at", "near") or x.head.head.lower_ in ("in", "on", "at", "near"))
                         for x in sub if x.i != t.i)
            dated = bool(re.search(r"(?:mon|tues|wednes|thurs|fri|satur|sun)day|\beve\b|night|christmas", text))
            if t.tag_ == "NN" or placed or dated or (set(_lem(x) for x in sub) & INCIDENT_PLACES):
                return True
        if lem in INCIDENT_PLACES and t.tag_ in ("NN", "NNP") and (
                (t.head.pos_ == "ADP" and t.head.lower_ in ("at", "in", "on", "inside")) or t.dep_ in SUBJ_DEPS):
            if not (t.dep_ in SUBJ_DEPS and _lem(t.head) in SPEECH_VERBS):
                return True
        if t.dep_ == "advcl" and any(ch.lower_ == "when" for ch in t.children):
            return True
    return False


def _scope(c: _Cand) -> str:
    sent = c.sent
    low = sent.text.lower()
    before = low[:c.num.start - sent.start_char]
    clause = _text_of(_clause_tokens(c)).lower()
    if c.measure == "other" and c.cue and re.match(r"(?:order|told|tell|instruct|urg|warn|direct|call|ask|command)",
                                                    c.cue.lower()):
        return "other"                            # the population an evacuation order covers
    if re.search(r"\b(?:previous|earlier|initial|prior|former|original|preliminary|old)\s+(?:[\w-]+\s+){0,2}"
                 r"(?:estimate|figure|toll|count|tally|number)s?\s+(?:of\s+)?(?:about|around|some|more than|over)?\s*$", before) or \
            re.search(r"\b(?:down|up|revised|lowered|raised)\s+from\s+(?:a\s+|the\s+)?(?:about|around|some|more than|over)?\s*$", before) \
            or _revised_from(c):
        return "superseded"
    if _pre_war(c):
        return "pre-war"
    if re.search(r"\b(?:capacity|can\s+(?:hold|accommodate|take))\b", clause):
        return "other"
    if _future(c):
        return "planned"
    cum_cue = re.search(r"\bsince\b|\b(?:in\s+total|a\s+total\s+of|so\s+far|to\s+date|overall|altogether|"
                        r"death\s+toll|toll|cumulative)\b", clause)
    c.extra["cum_cue"] = bool(cum_cue)
    # "since the fighting resumed", "since the truce collapsed": a new period, not the war's toll
    resumed = re.search(r"\bsince\b[^.;]{0,40}\b(?:resum|restart|collaps|broke\s+down|end(?:ed|s)\b|expir|"
                        r"(?:truce|ceasefire|cease-fire|pause)\s+(?:was\s+)?(?:over|ended|lapsed))\w*", clause)
    period_cue = re.search(r"\b(?:(?:past|last|previous)\s+(?:few\s+)?(?:24|48|72|twenty-four|forty-eight|\d+|few|two|"
                           r"three|several)?\s*(?:hours?|days?)|recent\s+days|in\s+a\s+single\s+day|on\s+a\s+single\s+day|"
                           r"yesterday|(?:24|48|72|twenty-four|forty-eight)[- ]hours?\s+(?:to|until|up\s+to|period)|"
                           r"(?:in|over|during|within)\s+(?:the\s+)?(?:24|48|72|twenty-four|forty-eight)[- ]hours?)\b", clause)
    long_span = re.search(r"\b(?:past|last)\s+(\d+)\s+days\b", clause)
    if long_span and int(long_span.group(1)) > 7:
        period_cue = None
    if c.measure in ("killed", "wounded", "displaced", "other") and (_toll_of_incident(c) or
                                                                    (not cum_cue and _incident(c))):
        return "incident"
    if period_cue or (resumed and c.measure in ("killed", "wounded")):
        return "period"
    if cum_cue:
        return "cumulative"
    if re.search(r"\bovernight\b", clause) and c.measure in ("killed", "wounded"):
        return "period"
    if c.measure == "displaced" and c.cue and re.match(r"(?:fle|fled|leav|left|mov|head|went|walk)", c.cue.lower()) and \
            _past_event(c) and _DAY_WORDS.search(clause):
        return "period"                            # "2,000 people fled south on Wednesday": that day's exodus
    movement = c.measure in ("evacuated", "aid_trucks") or (c.measure == "other" and _release_cue(c))
    if movement:
        if re.search(r"\bas\s+(?:of|at)\s+\d", low):
            return "period"                        # "As of 1300 GMT": the day's count so far
        if re.search(r"\bas\s+of\s+\w+", low):
            return "cumulative"
        return "period" if _past_event(c) else "cumulative"
    return "cumulative"


_DAY_WORDS = re.compile(r"\b(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|yesterday|today|"
                        r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}\b)", re.I)


_PRE_WAR = re.compile(r"\b(?:before|prior\s+to)\s+(?:the\s+)?(?:war|conflict|october\s+7|oct\.?\s*7|7\s+october)", re.I)


def _pre_war(c: _Cand) -> bool:
    """"Before the war, about 500 trucks entered daily" -- but not "1,000 trucks since Oct. 21, compared with
    500 a day before the war", where the pre-war phrase belongs to another number."""
    text = nlp.doc_text(c.root.doc)
    clause = _clause_tokens(c)
    if not clause:
        return False
    lo, hi = min(t.idx for t in clause), max(t.idx + len(t) for t in clause)
    for m in _PRE_WAR.finditer(text, lo, hi):
        between = text[min(m.start(), c.num.end):max(m.start(), c.num.start)]
        if not find_counts(between):
            return True
    return False


def _revised_from(c: _Cand) -> bool:
    """"revised ... to around 1,200, from 1,400", "rose from 90 to 140": the figure it replaced."""
    if c.role != "pobj" or c.prep is None or c.prep.lower_ != "from" or c.verb is None:
        return False
    if c.prep.head.lower_ in DIRECTION_ADVS:
        return True
    if not _is_verbal(c.verb) or _lem(c.verb) not in TOLL_SET_VERBS | LEVEL_VERBS:
        return False
    return any(t.dep_ == "prep" and t.lower_ in ("to", "at") and any(x.like_num for x in t.subtree)
               for t in c.verb.subtree if t.i != c.prep.i)


def _toll_of_incident(c: _Cand) -> bool:
    """"The death toll from Tuesday's strike on the camp rose to 195": a toll of one event."""
    noun = _toll_noun(c)
    if noun is None:
        return False
    for p in noun.children:
        if p.dep_ == "prep" and p.lower_ in ("from", "of", "in", "at"):
            for t in p.children:
                if t.dep_ != "pobj":
                    continue
                sub = list(t.subtree)
                if _war_start(sub) or _lem(t) in WAR_START_NOUNS:
                    return False
                if (_lem(t) in ATTACK_NOUNS and t.tag_ == "NN") or _lem(t) in INCIDENT_PLACES:
                    return True
    return False


def _release_cue(c: _Cand) -> bool:
    return bool(c.cue and re.match(r"(?:releas|free|rescu|swap|exchang|return|liberat|hand)", c.cue.lower()))


# --- as_of --------------------------------------------------------------------------------------

def _governing_verbs(c: _Cand):
    """(event verbs, reporting verbs) whose time expressions date this figure."""
    sent = c.sent
    event, report = set(), set()
    verb0 = _clause_verb(c.np, sent)
    if verb0 is None:
        for ch in c.np.children:
            if ch.dep_ in ("acl", "relcl"):
                event.add(ch.i)
        return event, report
    for v in _xcomp_chain(verb0):
        event.add(v.i)
        for ch in v.children:                    # "killed when warplanes bombed ... on Saturday"
            if ch.dep_ == "advcl" and any(m.dep_ in ("mark", "advmod") and m.lower_ == "when" for m in ch.children):
                event.add(ch.i)
    if verb0.dep_ in ("advcl", "xcomp", "conj") and verb0.tag_ == "VBG" and _is_verbal(verb0.head):
        event.add(verb0.head.i)                  # "airstrikes hit a school on Saturday, killing 15"
    for ch in c.np.children:
        if ch.dep_ in ("acl", "relcl"):
            event.add(ch.i)
    # the event's own attack noun: "died in the attack which hit the camp on Christmas Day"
    for t in verb0.subtree:
        if _lem(t) in ATTACK_NOUNS and t.pos_ == "NOUN":
            for ch in t.children:
                if ch.dep_ in ("relcl", "acl"):
                    event.add(ch.i)
    if _lem(verb0) in SPEECH_VERBS | LEVEL_VERBS | TOLL_SET_VERBS:
        report.add(verb0.i)
    cur = verb0
    while cur.dep_ in ("ccomp", "conj", "xcomp", "advcl", "parataxis", "pcomp", "dobj") and cur.head.i != cur.i \
            and _in_sent(cur.head, sent):
        cur = cur.head
        if _lem(cur) in SPEECH_VERBS | DECISION_VERBS or cur.dep_ == "ROOT":
            report.add(cur.i)
            for v in _xcomp_chain(cur):
                if _lem(v) in SPEECH_VERBS:
                    report.add(v.i)
    for t in sent:
        if t.dep_ in ("parataxis", "ROOT") and _lem(t) in SPEECH_VERBS and t.i > c.root.i:
            report.add(t.i)
    return event, report


def _as_of(c: _Cand, sent_times: list[_Time], default: dt.date, doc_date: dt.date, statements,
           last_incident_date) -> None:
    c.as_of = default
    sent = c.sent
    event, report = _governing_verbs(c)
    if c.scope == "incident":
        # any verb of the incident's clause dates it ("hit a school sheltering families on Saturday, killing 15")
        event |= {t.i for t in _clause_tokens(c) if _is_verbal(t) and _lem(t) not in SPEECH_VERBS} - report
    future = c.scope == "planned" or _future(c)
    chosen = None
    chosen_event = False
    for t in sent_times:
        if t.since:
            continue
        verb, through_noun = _time_attachment(sent, t)
        if verb is None or (verb.i not in event and verb.i not in report):
            continue
        # "By October 22, ...", "As of Monday, ...": a cutoff dates the count itself
        through_noun = through_noun or bool(re.search(r"\b(?:by|as\s+of|as\s+at|until|till)\s+(?:the\s+)?$",
                                                      nlp.doc_text(sent.doc)[max(sent.start_char, t.start - 10):t.start], re.I))
        is_event = verb.i in event and not through_noun
        if c.scope == "superseded" and verb.i not in report:
            continue                              # an old figure reported now: its event dates do not apply
        if c.scope == "cumulative" and is_event and verb.i not in report and _lem(verb) not in LEVEL_VERBS:
            continue                              # "captured 240 hostages on Oct. 7": the event, not the count
        if chosen is None or (is_event and not chosen_event and c.scope != "cumulative"):
            chosen, chosen_event = t, is_event
    if chosen is not None and c.scope == "incident" and not chosen_event and last_incident_date is not None:
        chosen = None                             # a report date; the incident's own date comes from the story
    if chosen is not None:
        date = chosen.date
        m = re.search(r"(mon|tues|wednes|thurs|fri|satur|sun)day", nlp.doc_text(sent.doc)[chosen.start:chosen.end], re.I)
        if chosen.weekday and m and (date is None or (future and date < doc_date)):
            date = _resolve_weekday(m.group(0), doc_date, future)
        if date is not None:
            c.as_of = date
            c.as_of_explicit = True
            return
    if c.scope == "incident" and last_incident_date is not None:
        c.as_of = last_incident_date
        return
    if c.source:
        for src, date in reversed(statements):
            if _same_source(src, c.source):
                c.as_of = date
                return


def _same_source(a: str, b: str) -> bool:
    wa, wb = _content_words(a), _content_words(b)
    if not wa or not wb:
        return False
    return len(wa & wb) / min(len(wa), len(wb)) >= 0.5


def _content_words(s: str) -> set[str]:
    stop = {"the", "a", "an", "of", "in", "for", "and", "on", "at", "to", "s", "its", "his", "her", "their",
            "statement", "spokesperson", "spokesman", "director", "head", "said", "official", "officials"}
    return {w for w in re.findall(r"[a-z]+", s.lower().replace("’s", "").replace("'s", "")) if w not in stop}


def _dated_statements(sent, sent_times, doc_date, last_source) -> list[tuple[str, dt.date, bool]]:
    """(speaker, date, refers back) for "X said on Tuesday" / "X said this ... on Tuesday" in this sentence."""
    out = []
    for t in sent_times:
        if t.since:
            continue
        verb, _ = _time_attachment(sent, t)
        if verb is None or _lem(verb) not in SPEECH_VERBS:
            continue
        date = t.date
        m = re.search(r"(mon|tues|wednes|thurs|fri|satur|sun)day", nlp.doc_text(sent.doc)[t.start:t.end], re.I)
        if date is None and t.weekday and m:
            date = _resolve_weekday(m.group(0), doc_date, False)
        if date is None:
            continue
        back = any(g.dep_ == "dobj" and g.lower_ in ("this", "these", "that", "so") for g in verb.children) or \
            not any(g.dep_ in ("ccomp", "dobj", "xcomp") for g in verb.children)
        for g in verb.children:
            if g.dep_ == "nsubj":
                spk = _clean_source(_speaker_np(g))
                if spk and _is_anaphor(spk):
                    spk = last_source
                if spk:
                    out.append((spk, date, back))
    return out


# --- group ------------------------------------------------------------------------------------------

_PLACE_WORDS = {"gaza", "israel", "strip", "bank", "enclave", "territory", "territories", "lebanon", "egypt"}


def _group(c: _Cand) -> Optional[str]:
    """Who is counted, kept short: the counted noun with its modifiers, a coordinated noun without its own
    number ("soldiers and civilians") and the place the sentence puts them in ("people in Gaza")."""
    exclude = {t.i for t in c.tokens}
    for t in c.root.children:
        if t.dep_ in ("advmod", "quantmod", "prep", "amod") and t.i < c.root.i:
            exclude.update(x.i for x in t.subtree)
    if c.np.i != c.root.i:
        exclude.update(t.i for t in c.np.children if t.dep_ == "det")
        text = _np_text(c.np, exclude)
        for g in c.np.children:                   # "150 soldiers and civilians": one figure for both
            if g.dep_ == "conj" and g.pos_ in ("NOUN", "PROPN") and not any(x.like_num for x in g.subtree):
                text = f"{text} and {_np_text(g, max_tokens=4)}"
                break
        return _with_place(text, c) or None
    verb = c.verb if c.role in ("subj", "subjpass", "obj") else _clause_verb(c.np, c.sent)
    if verb is None:
        return None
    if c.role == "subj" and _lem(verb) == "be":
        for g in verb.children:                   # "of which 4,237 are children"
            if g.dep_ == "attr" and g.pos_ in ("NOUN", "PROPN"):
                return _np_text(g)
    noun = _toll_noun(c)
    if noun is None and _is_verbal(verb):
        # "revised ... from a previous estimate of 1,400": the toll the clause is about
        noun = next((g for g in verb.children if g.dep_ in ("nsubj", "nsubjpass", "dobj")
                     and _lem(g) in ESTIMATE_NOUNS - {"estimate"}), None)
    if noun is not None:
        return _np_text(noun)                     # "the death toll in Gaza rose to ...", "put the toll at"
    lem = _lem(verb)
    if lem in LEVEL_VERBS and c.role == "obj":
        for g in verb.children:
            if g.dep_ in SUBJ_DEPS and g.i != c.rel.i and g.pos_ in ("NOUN", "PROPN"):
                return _np_text(g)
    if c.role in ("subj", "subjpass", "obj") and lem not in SPEECH_VERBS | TOLL_SET_VERBS:
        return _with_place("people", c, bare=True)
    return None


def _with_place(text: str, c: _Cand, bare: bool = False) -> Optional[str]:
    """"people" -> "people in Gaza" when the figure's predicate says where ("were killed in Gaza")."""
    if re.search(r"\b(?:in|inside|from|across|at)\s", text):
        return text
    verb = c.verb if c.role in ("subj", "subjpass", "obj") else None
    if verb is None or not _is_verbal(verb) or _lem(verb) in SPEECH_VERBS | TOLL_SET_VERBS or \
            c.measure in ("evacuated", "aid_trucks"):
        return None if bare else text           # where evacuees or trucks arrive is not where they are counted
    for g in verb.children:
        if g.dep_ == "prep" and g.lower_ in ("in", "inside", "across", "throughout"):
            pobj = next((p for p in g.children if p.dep_ == "pobj"), None)
            if pobj is not None and (pobj.ent_type_ in ("GPE", "LOC", "FAC") or _lem(pobj) in _PLACE_WORDS):
                return f"{text} {g.text} {_np_text(pobj, max_tokens=5)}"
    return None if bare else text


# --- the extractor -----------------------------------------------------------------------------

def extract_figures(doc, doc_id: str, doc_date: dt.date, times: Iterable[TimeExpr] = (),
                    claims: Iterable[Claim] = ()) -> list[Figure]:
    """Figures in a parsed document (see the module docstring)."""
    if doc is None or not len(doc) or not nlp.doc_text(doc).strip():
        return []
    if isinstance(doc_date, dt.datetime):
        doc_date = doc_date.date()
    doc_date = doc_date or dt.date.today()
    times = list(times or ())
    claims = list(claims or ())
    default_date = _dateline_date(nlp.doc_text(doc), doc_date) or doc_date
    cands: list[_Cand] = []
    statements: list[tuple[str, dt.date]] = []      # (source, date) of dated statements so far
    last_source: Optional[str] = None
    history: list[str] = []                        # explicit sources so far, for anaphors
    prev_text = ""
    prev_cands: list[_Cand] = []
    last_incident_date: Optional[dt.date] = None
    for sent in nlp.sentences(doc):
        parsed = nlp.is_parsed(sent)
        here: list[_Cand] = []
        sent_times = _sentence_times(sent, times, doc_date) if parsed else []
        if parsed and TRIGGER.search(sent.text):
            ctx = {"hostage": _hostage_context(sent, prev_text),
                   "hostage_strict": bool(re.search(r"\b(?:hostages?|captives?|captivity|seized|abducted|kidnapped)\b",
                                                    sent.text, re.I))}
            here = _sentence_candidates(doc, sent)
            _resolve_measures(here, prev_cands, ctx)
            here = [c for c in here if c.measure]
            _describe(here, claims, history)
            for c in here:
                _as_of(c, sent_times, default_date, doc_date, statements, last_incident_date)
                if c.scope == "incident" and c.as_of_explicit:
                    last_incident_date = c.as_of
            for c in here:
                lead = c.parent or c.extra.get("companion")
                if lead is not None:
                    if not c.as_of_explicit:
                        c.as_of = lead.as_of
                    if c.scope == "cumulative" and lead.scope != "cumulative":
                        c.scope = lead.scope
                c.group = _group(c)
                if c.group is None and c.parent is not None and c.partitive and re.match(
                        r"\s+of\s+(?:them|whom)\s+(?:were\s+|are\s+)?(?:seriously|critically|badly|severely)?\W",
                        nlp.doc_text(doc)[c.num.end:c.num.end + 40]):
                    c.group = c.parent.group          # "410 people were injured, 25 of them critically"
        # remember this sentence's speakers and dated statements (also for sentences without numbers)
        if parsed:
            for src, date, back in _dated_statements(sent, sent_times, doc_date, last_source):
                statements.append((src, date))
                if back:
                    for p in prev_cands:
                        if not p.as_of_explicit and p.source and _same_source(src, p.source):
                            p.as_of = date
        spk = _sentence_speaker(sent, claims)
        own = [c.source for c in here if c.source and not _is_anaphor(c.source)]
        for name in own + ([spk] if spk and not _is_anaphor(spk) else []):
            if name in history:
                history.remove(name)
            history.append(name)
        if history:
            last_source = history[-1]
        cands.extend(here)
        if here:
            prev_cands = here
        prev_text = sent.text
    return _collect(cands, doc_id)


def _describe(here: list[_Cand], claims: list[Claim], history: list[str]) -> None:
    """Qualifier, source and scope of the figures of one sentence."""
    for c in here:
        c.qualifier = _qualifier(c)
    _share_qualifiers(here)
    for c in here:
        c.source = _source(c, claims)
        if c.source and _is_anaphor(c.source):
            c.source = _resolve_anaphor(c.source, history) or c.source
    for c in here:
        if c.parent is not None and c.source is None:
            c.source = c.parent.source
        c.scope = _scope(c)
    for c in here:
        noun = _toll_noun(c)
        if c.scope == "cumulative" and noun is not None and all(ch.dep_ == "det" for ch in noun.children) and \
                not re.search(r"\b(?:since|total|so\s+far|overall|to\s+date|war)\b", _text_of(_clause_tokens(c)).lower()):
            # "the blast killed 471, officials said; US intelligence put the toll at 100 to 300": that event's toll
            same = [p for p in here if p is not c and p.measure == c.measure and p.num.start < c.num.start]
            if same and same[-1].scope == "incident":
                c.scope = "incident"
    for c in here:
        if c.scope == "cumulative" and _increment(c, here):
            c.scope = "period"                 # "Two soldiers were killed on Thursday, bringing the toll to 83"
    for c in here:
        partner = _scope_partner(c, here)
        shared = ("incident", "period") if partner is c.coord_prev else ("incident",)
        if partner is not None and c.scope == "cumulative" and not c.extra.get("cum_cue") and \
                partner.scope in shared:
            c.scope = partner.scope          # "The blast left 13 dead and 50 injured"


def _increment(c: _Cand, here: list[_Cand]) -> bool:
    """Whether a later figure of the sentence is the new total this one brings the toll to."""
    verb = _clause_verb(c.np, c.sent)
    if verb is None:
        return False
    above = {verb.i} | {a.i for a in _ancestors(verb, c.sent)}
    for t in here:
        if t is c or t.num.start < c.num.end or t.measure != c.measure:
            continue
        setter = _toll_setter(t) or (t.verb if _toll_noun(t) is not None else None)
        if setter is not None and setter.tag_ == "VBG" and setter.head.i in above:
            return True
    return False


def _scope_partner(c: _Cand, here: list[_Cand]) -> Optional[_Cand]:
    """An earlier figure of the same event: a coordinated item or the figure of the verb this one conjoins."""
    if c.coord_prev is not None:
        return c.coord_prev
    verb = _clause_verb(c.np, c.sent)
    if verb is None or verb.dep_ != "conj":
        return None
    for p in here:
        if p is not c and p.num.start < c.num.start:
            pv = _clause_verb(p.np, p.sent)
            if pv is not None and pv.i == verb.head.i:
                return p
    return None


def _sentence_span(sent, doc_id: str) -> Span:
    text = nlp.doc_text(sent.doc)
    s, e = sent.start_char, sent.end_char
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return Span(doc_id, s, e)


def _to_figure(c: _Cand, doc_id: str) -> Figure:
    num = c.num
    return Figure(
        span=Span(doc_id, num.start, num.end),
        sentence=_sentence_span(c.sent, doc_id),
        value=num.value,
        measure=c.measure,
        qualifier=c.qualifier or "exact",
        value_max=num.value_max,
        group=c.group,
        parent=None,
        source=c.source,
        as_of=c.as_of,
        scope=c.scope,
    )


def _collect(cands: list[_Cand], doc_id: str) -> list[Figure]:
    out = []
    for c in cands:
        if not c.measure:
            continue
        c.figure = _to_figure(c, doc_id)
        out.append(c.figure)
    for c in cands:
        if c.figure is not None and c.parent is not None and c.parent.figure is not None:
            c.figure.parent = c.parent.figure.id
    return out
