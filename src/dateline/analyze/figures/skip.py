"""Why a number is no figure: a rate, a multiplier, a population, a disease count, cut off by the excerpt ..."""
from __future__ import annotations

import functools
import re
from typing import Optional

from .. import nlp
from .lexicon import (
    ANIMAL_NOUNS, BODY_NOUNS, CASUALTY_NOUNS, DISEASE_WORDS, ESTIMATE_NOUNS, EXCLUDED_NOUNS, INFECTIOUS_WORDS,
    KILLED_ADJS, KILLED_NOUNS, KILLED_VERBS, MISSING_ADJS, POPULATION_HEADS, WOUNDED_ADJS, WOUNDED_NOUNS,
    WOUNDED_VERBS,
)
from .parse import _clause_verb, _is_verbal, _lem, _text_of
from ..lexicon.gazetteer import gazetteer
from ..rules import Rule, Table
from .candidate import _Cand
from .lists import labelled_line


class _Seen:
    """What the skip rules look at: the candidate, the text just around its number, its clause verb."""

    def __init__(self, c: _Cand):
        self.c = c
        self.root = c.root
        self.np = c.np
        text = nlp.doc_text(c.root.doc)
        self.after = text[c.num.end:min(c.num.end + 40, c.sent.end_char)]
        self.before = text[max(c.sent.start_char, c.num.start - 30):c.num.start]
        self.one_word = c.num.words and c.num.value == 1

    @functools.cached_property
    def verb(self):
        return _clause_verb(self.np, self.c.sent)


def _embedded(s: _Seen) -> bool:
    """"the mother of one of the released hostages": a number inside another noun's modifier ("the bodies of 33
    of its staff" count the dead of the staff: not embedded)."""
    root = s.root
    gov = root.head.head
    return s.np.i == root.i and root.dep_ == "pobj" and root.head.lower_ == "of" and \
        any(ch.dep_ == "prep" and ch.lower_ == "of" for ch in root.children) and \
        _lem(gov) not in ESTIMATE_NOUNS | BODY_NOUNS and gov.lower_ not in BODY_NOUNS and gov.pos_ in ("NOUN", "PROPN")


def _of_nouns(t) -> list:
    return [p for ch in t.children if ch.dep_ == "prep" and ch.lower_ == "of" for p in ch.children
            if p.dep_ == "pobj"]


def _animals(s: _Seen) -> bool:
    """The counted noun names animals: "19 dolphins", "3,000 head of cattle", "300 of the stranded whales"."""
    if s.np.i != s.root.i:
        nouns = [s.np] + (_of_nouns(s.np) if _lem(s.np) == "head" else [])
    else:
        nouns = _of_nouns(s.root)
    return any(n.pos_ in ("NOUN", "PROPN") and n.ent_type_ not in ("GPE", "LOC", "NORP", "ORG", "PERSON") and
               (_lem(n) in ANIMAL_NOUNS or n.lower_ in ANIMAL_NOUNS) for n in nouns)


def _population_of(s: _Seen, prep: str, heads) -> bool:
    c = s.c
    return c.role == "pobj" and c.prep is not None and c.prep.lower_ == prep and _lem(c.verb) in heads


def _possessed_population(s: _Seen) -> bool:
    """"its 2.3 million people", "the region's 4 million residents": the people a place has."""
    owned = any(ch.dep_ == "poss" and (ch.lower_ in ("its", "their") or ch.ent_type_ in ("GPE", "LOC"))
                for ch in s.np.children)
    return owned and (_lem(s.np) in ("people", "resident", "inhabitant", "population", "civilian")
                      or gazetteer().demonym(s.np.text) is not None)


def _counted_in_error(s: _Seen) -> bool:
    v = s.verb
    return v is not None and _lem(v) in ("count", "list", "register", "record", "include", "report", "enter") and \
        bool(_CORRECTION.search(_text_of(list(v.subtree))))


def _own_harm_word(s: _Seen) -> bool:
    """The number's own state word right after it: "suffered 18 killed and 40 wounded"."""
    doc = s.root.doc
    end = s.c.tokens.end
    return end < len(doc) and doc[end].lower_ in KILLED_ADJS | WOUNDED_ADJS | MISSING_ADJS


_SPREAD_WORDS = {"outbreak", "epidemic", "pandemic"}
_STRAIN = re.compile(r"h\d+n\d+")             # influenza strains: "H1N1", "H5N1"


def _infectious(t, depth: int = 0) -> bool:
    """A word naming an infectious disease, or a noun it modifies ("the cholera outbreak", "flu deaths");
    "an outbreak of fighting" is no disease."""
    if depth > 2:
        return False
    if _lem(t) in _SPREAD_WORDS:
        of = _of_nouns(t)
        if of:
            return any(_infectious(p, depth + 1) for p in of)
        return True
    if _lem(t) in INFECTIOUS_WORDS or t.lower_ in INFECTIOUS_WORDS or _STRAIN.fullmatch(t.lower_):
        return True
    return any(ch.dep_ in ("compound", "amod", "nmod") and _infectious(ch, depth + 1) for ch in t.children)


def _subjects(v, depth: int = 0) -> list:
    """Who or what a verb's clause says did it: its subject (a relative pronoun's antecedent; a conjoined
    verb's shared subject) and its passive agent."""
    out = [p for ch in v.children if ch.dep_ == "agent" for p in ch.children if p.dep_ == "pobj"]
    subj = [ch for ch in v.children if ch.dep_ in ("nsubj", "nsubjpass", "csubj")]
    for t in subj:
        if t.lower_ in ("that", "which") and v.dep_ == "relcl":
            out.append(v.head)
        else:
            out.append(t)
    if not subj and v.dep_ == "conj" and depth < 3:
        out += _subjects(v.head, depth + 1)
    return out


def _caused_by_infection(s: _Seen) -> bool:
    """Deaths an infectious disease caused: the disease is the killer ("cholera has killed 120", "the virus,
    which has killed 91"), what they died of or from ("died of dengue"), or the count's own word ("flu deaths
    hit 17", "deaths from the disease", "the cholera death toll rose to 200")."""
    causes = []
    v = s.verb
    if v is not None and _is_verbal(v):
        causes += _subjects(v)
        causes += [p for ch in v.children if ch.dep_ == "prep" and ch.lower_ in ("of", "from")
                   for p in ch.children if p.dep_ == "pobj"]
    if s.np.i != s.root.i:
        causes.append(s.np)
    causes += [p for t in list(causes) for ch in t.children if ch.dep_ == "prep" and ch.lower_ in ("from", "of")
               and _lem(t) in KILLED_NOUNS for p in ch.children if p.dep_ == "pobj"]
    return any(_infectious(t) for t in causes)


def _disease_verb(s: _Seen) -> bool:
    v = s.verb
    if v is None or _own_harm_word(s):
        return False
    disease = _lem(v) in DISEASE_WORDS or any(_lem(t) in DISEASE_WORDS for t in v.children
                                              if t.dep_ in ("prep", "dobj")) or \
        any(_lem(g) in DISEASE_WORDS for h in (v, s.np) for t in h.children if t.dep_ == "prep" and t.lower_ == "for"
            for g in t.children if g.dep_ == "pobj")         # "treated 2,900 children for malnutrition"
    return disease and not any(_lem(t) in KILLED_VERBS for t in v.subtree) and \
        not any(t.dep_ == "dobj" and _lem(t) in KILLED_NOUNS | WOUNDED_NOUNS for t in v.children)


SKIP = Table("figures.skip", runner="figures", subject="a number's candidate (_Seen)", rules=(
    Rule("delta/more-than-after",
         lambda s: bool(re.match(r"^\s*(?:more|fewer|less|additional|extra)\s+than\b", s.after, re.I)), "delta",
         examples=("The dam released 40 more than the engineers had planned.",),
         why="a difference from another count, not a count"),
    Rule("rate/per-every",
         lambda s: bool(re.search(r"\b(?:per|every|each|one\s+in)\s*$", s.before, re.I) or
                        re.match(r"^\s*(?:[\w-]+\s+){0,2}(?:for\s+(?:every|each)|per)\s", s.after, re.I)), "rate",
         examples=("One in 5 children in the camps is malnourished.",
                   "Doctors see 30 patients per hour at the field clinic.")),
    Rule("multiplier/times-fold", lambda s: bool(re.match(r"^\s*(?:times|fold|-fold|x)\b", s.after, re.I)),
         "multiplier", examples=("Cholera cases rose 3 times in a week after the floods.",)),
    Rule("pronoun/one-of", lambda s: s.one_word and bool(re.match(r"^\s+of\b", s.after, re.I)), "one of",
         examples=("It was one of the deadliest nights since the quake struck.",),
         why="'one of the ...' picks out a member, it counts nobody"),
    Rule("pronoun/be-one-that",
         lambda s: s.one_word and s.root.dep_ == "attr" and bool(re.match(r"^\s+(?:that|which)\b", s.after, re.I)),
         "one that", examples=("The rebuilding plan would be one that takes a decade.",),
         counter_examples=("Rescuers pulled out one that had been wounded earlier.",)),
    Rule("quoted-fragment/short-quote", lambda s: s.c.role == "none" and _in_short_quote(s.c), "quoted fragment",
         examples=('A placard, "SOS: 3 miners", hung on the fence.',),
         why="a sign or slogan quoted in a few words"),
    Rule("cut-off/excerpt-end", lambda s: _cut_off(s.c) and not labelled_line(s.c), "cut off",
         examples=("The floods hit the valley overnight. Rescue teams said the water had killed more than 16",),
         counter_examples=("The agency broke down the deaths by county:\n- Holm County: 12 people\n"
                           "- Tarn County: 7 people",),
         why="a number at the cut end of a truncated excerpt"),
    Rule("excluded-noun/not-people", lambda s: s.np.i != s.root.i and _lem(s.np) in EXCLUDED_NOUNS, "excluded noun",
         examples=("The militia fired 40 rockets at the town on Tuesday.",)),
    Rule("not-people/animal-noun", _animals, "animals",
         examples=("Floodwaters drowned more than 3,000 cattle on the plain.",
                   "The drought has killed 3,000 head of cattle in the north.",
                   "Rangers said 300 of the stranded whales had died."),
         counter_examples=("The wildfire killed 12 people and destroyed 40 barns.",
                           "Fishermen rescued 30 passengers after the ferry sank with its cargo of cattle."),
         why="animals counted (lexicon/data/animals.txt) are no casualties of any measure"),
    Rule("embedded/of-one-of", _embedded, "embedded",
         examples=("The families of 12 of the abducted miners met the governor.",),
         counter_examples=("The bodies of 33 of its staff have been identified, the agency said.",)),
    Rule("population/noun-of", lambda s: _population_of(s, "of", POPULATION_HEADS), "population",
         examples=("The storm battered the province, a region of 4 million, on Sunday.",
                   "In one hamlet of 400 people near the pass, 80 had died.",
                   "The mudslide buried half of the village of 1,200 inhabitants in the night.",
                   "Floods cut off the island, a community of 9,000 fishermen, for a week.")),
    Rule("population/home-to", lambda s: _population_of(s, "to", {"home"}), "population",
         examples=("The valley, home to 200,000, was cut off by the landslide.",)),
    Rule("population/possessed-people", _possessed_population, "population",
         examples=("The war has uprooted most of its 2 million people, officials said.",)),
    Rule("speakers/people-who-spoke", lambda s: _speakers(s), "speakers",
         examples=('"Troops are coming," said one refugee after he reached the border.',
                   "Two displaced women said the camp had no water.",
                   "Three survivors told reporters that the dam had burst at night."),
         counter_examples=("Officials said 20 people were killed in the flood.",),
         why="people who said or told something are the speakers of a report, not a count"),
    Rule("correction/counted-in-error", _counted_in_error, "correction",
         examples=("Officials said seven victims had been counted twice in the provincial list.",)),
    Rule("disease/verb", _disease_verb, "disease",
         examples=("Some 200 people have suffered infections in the camp.",
                   "Its clinic had treated 2,900 children for severe malnutrition in April.",
                   "Medics in the camp treated 340 people for cholera last week.",
                   "The field hospital has treated 75 patients for diarrhoea since the floods."),
         counter_examples=("Buncombe County suffered 42 deaths, the highest toll of the counties.",
                           "The village suffered 12 injuries when the dam burst.")),
    Rule("disease/head", lambda s: _lem(s.c.rel.head) in DISEASE_WORDS and not _own_harm_word(s) and
         _lem(s.np) not in KILLED_NOUNS | WOUNDED_NOUNS and not any(
             ch.dep_ == "dobj" and _lem(ch) in KILLED_NOUNS | WOUNDED_NOUNS for ch in s.c.rel.head.children),
         "disease",
         examples=("At least 40 children have suffered from cholera and later died in the camp.",),
         counter_examples=("About 300 villagers suffered wounds from the shelling.",
                           "The regiment suffered 18 killed and 40 wounded in the assault.")),
    Rule("disease/caused-by-infection", _caused_by_infection, "disease",
         examples=("Measles has killed 300 children in the refugee camps this year.",
                   "At least 45 people have died of dengue since the rains began.",
                   "The new strain, which has killed 91 people, is spreading.",
                   "Flu deaths hit 17 in the province."),
         counter_examples=("At least 27 children have died of starvation in the besieged town.",
                           "The outbreak of fighting killed 30 people.",
                           "Shelling near the cholera clinic killed 30 people on Monday."),
         why="deaths an infectious disease caused are disease counts, no war or disaster toll"),
))


_COUNT_WORDS = KILLED_NOUNS | WOUNDED_NOUNS | CASUALTY_NOUNS | ESTIMATE_NOUNS
_TELLING_VERBS = {"say", "tell", "add", "recall", "describe", "explain", "recount", "insist"}


def _speakers(s) -> bool:
    """The counted phrase is the subject of a verb of telling ("said one refugee", "two women told us"), a few
    people named by who they are, not a count word ("..., and three deaths, the agency said")."""
    v = s.c.rel.head if s.c.rel is not None else None
    return s.c.role == "subj" and v is not None and s.c.rel.dep_ == "nsubj" and _lem(v) in _TELLING_VERBS and \
        s.c.num.value < 100 and _lem(s.np) not in _COUNT_WORDS and not _harmed(s.np)


def _harmed(noun) -> bool:
    """"Three soldiers killed in Kismayo clashes, army says": a headline's dead, not three who spoke."""
    return any(ch.dep_ == "acl" and ch.tag_ == "VBN" and _lem(ch) in KILLED_VERBS | WOUNDED_VERBS
               for ch in noun.children)


def _skip_reason(c: _Cand) -> Optional[str]:
    """Why ``c`` is no figure (recorded in its trace), or None."""
    return SKIP.decide(_Seen(c), c.trace)


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
