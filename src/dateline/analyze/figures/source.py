"""Who gave a figure: who set the value, the claim holding it, "according to X", a closing attribution."""
from __future__ import annotations

import functools
import re
from typing import Optional

from .. import nlp
from ..datelines import dateline_end
from ...records import Claim, Span
from .lexicon import (
    ANAPHORS, ATTACK_NOUNS, CONTENT_DEPS, DECISION_VERBS, ESTIMATE_NOUNS, KILLED_NOUNS, LEVEL_VERBS, PREV_WORDS,
    PRONOUNS_SET, QUALIFIER_PREPS, SOURCE_NOUNS, SPEECH_VERBS, SUBJ_DEPS, TOLL_SET_VERBS, WAR_START_NOUNS,
    WOUNDED_NOUNS,
)
from .parse import _ancestors, _entity_of, _in_sent, _is_verbal, _lem, _np_text, _path_to, _text_of
from ..lexicon.calendar import WEEKDAYS
from ..lexicon.gazetteer import gazetteer
from ..lexicon.reporting import DOCUMENT_NOUNS
from ..rules import Rule, Table
from .candidate import _Cand
from .toll import _toll_noun, _toll_setter
from ..lexicon import story

# the story's own bodies that count ("UNRWA", "IDF"): story words, loaded from its lexicon
_STORY_BODIES = frozenset(w.lower() for w in story.words("acronyms") | story.words("armed_forces"))


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


# what a source's numbers are put in, after its name ("a U.N. estimate", "a Red Cross tally"): the source is
# the name (not a name that holds the word, "Civilian Body Count")
_COUNT_WORD_AFTER = re.compile(r"(?<=\S)(?:['’]s)?\s+(?:estimate|count|tally|reckoning)$")


def _without_count_word(text: str) -> str:
    m = _COUNT_WORD_AFTER.search(text)
    if m is None:
        return text
    name = text[:m.start()]
    last = name.split()[-1] if name.split() else ""
    return name if last[:1].isupper() else text


def _clean_source(text: Optional[str]) -> Optional[str]:
    if not text:
        return None
    text = re.sub(r"\s+", " ", text).strip(" ,;:–—-\"'“”‘’•*")
    text = re.sub(r"^(?:the|a|an)\s+", "", text, flags=re.I)
    text = _TRAILING_DAY.sub("", text)             # "the Office of Civil Defense ... on Sunday": who, not when
    text = _without_count_word(text)
    if not text or _names_no_one(text):
        return None
    return text


_TRAILING_DAY = re.compile(r"\s+(?:on\s+|late\s+|early\s+)?(?:mon|tues|wednes|thurs|fri|satur|sun)day"
                           r"(?:\s+(?:night|morning|evening|afternoon))?$", re.I)


# words that stand for unnamed people ("those who say", "others"): no one to cite
_NOBODY = {"those", "these", "some", "others", "many", "several", "few", "all", "both", "most", "someone",
           "somebody", "anyone", "everyone", "people"}
_COUNT_WORDS = {"deaths", "dead", "death", "toll", "casualties", "injuries", "injured", "fatalities", "figures",
                "figure", "numbers", "number", "count", "tally", "total", "bodies", "victims", "missing", "wounded"}
_EVENT_NAME = re.compile(r"\b(?:war|conflict|earthquake|quake|hurricane|typhoon|cyclone|storm|floods?|flooding|"
                         r"offensive|invasion|disaster|eruption|tsunami|wildfire)\b", re.I)
_BODY = re.compile(r"\b(?:ministry|agency|office|government|authorit\w*|department|service|army|military|police|"
                   r"council|commission|committee|organi[sz]ation|group|monitor|observatory|institute|centre|center|"
                   r"foundation|fund|programme|program|tracker|project|media|news|times|post|tv|radio|correspondent|"
                   r"officials?|spokes\w*|minister|president|chief|head|director)\b", re.I)


def _names_no_one(text: str) -> bool:
    """Whether a would-be source names nobody: "those" (who say), or an event ("the Israel-Hamas war",
    "Hurricane Helene") that counts nothing itself."""
    if text.lower() in _NOBODY:
        return True
    if set(re.findall(r"[a-z]+", text.lower())) <= _COUNT_WORDS:
        return True             # "Deaths confirmed: 176": the count, not who counted it
    return bool(_EVENT_NAME.search(text)) and not _BODY.search(text)


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


def _background_clause(c: _Cand, top) -> bool:
    """Whether a relative clause separates the number from ``top`` ("the attack in which 1,300 were killed")."""
    cur = c.root
    while cur.head.i != cur.i and _in_sent(cur.head, c.sent) and cur.i != top.i:
        if cur.dep_ == "relcl" and cur.head.i != top.i and _lem(cur.head) in ATTACK_NOUNS | WAR_START_NOUNS:
            return True
        cur = cur.head
    return False


def _opens_the_content(c: _Cand, cl: Claim, text: str) -> bool:
    """"Rights groups said on Friday 95 protesters had been killed": a parser may hang the number on the day
    before it, leaving it just outside the statement it opens; it is still the statement's subject."""
    return cl.cue_span is not None and cl.cue_span.end <= c.num.start and c.num.end <= cl.content.start and \
        not text[c.num.end:cl.content.start].strip() and \
        bool(_A_DAY_BETWEEN.fullmatch(text[cl.cue_span.end:c.num.start]))


# what may stand between a reporting verb and the number opening its statement: a day ("said on Friday 95 ...")
_A_DAY_BETWEEN = re.compile(r"\s*(?:on\s+)?(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|today|yesterday|tonight)?"
                            r"(?:\s+(?:morning|afternoon|evening|night))?\s*(?:that\s*)?", re.I)


def _claim_source(c: _Cand, claims: list[Claim]) -> tuple[bool, Optional[str]]:
    """(a claim covers the number, its speaker)."""
    best = None
    text = nlp.doc_text(c.sent.doc)
    for cl in claims:
        if cl.content.start <= c.num.start and c.num.end <= cl.content.end or _opens_the_content(c, cl, text):
            if best is None or (cl.content.end - cl.content.start) < (best.content.end - best.content.start):
                best = cl
    if best is None:
        return False, None
    if best.cue_span is not None and not _opens_the_content(c, best, text):
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
                    via.lower_ not in QUALIFIER_PREPS | {"between"} and _lem(cue) != "accord":
                return False, None             # "ordered a siege, two days after attacks killed 700"
    speaker = _whole_name(best.speaker, best.speaker_span, c.sent.doc)
    if speaker and _is_dateline(speaker, best.speaker_span, c.sent):
        return False, None
    return True, _clean_source(speaker)


# A strategy that does not apply (None is an answer: "no source").
_NOPE = object()


def _reporting_verb_above(c: _Cand):
    """The nearest reporting verb above the number, entered through its content: its subject."""
    sent = c.sent
    for a in _ancestors(c.root, sent):
        lem = _lem(a)
        if lem in SPEECH_VERBS | DECISION_VERBS and a.pos_ == "VERB":
            via = _path_to(c.root, a, sent)
            toll_clause = via is not None and via.dep_ == "advcl" and via.tag_ == "VBG" and \
                _lem(via) in TOLL_SET_VERBS | LEVEL_VERBS          # "says ..., raising the toll to 392"
            # "officials say 200,000 have been killed, 250,000 injured and ...": the list's later items, hung by the
            # parser on the speech verb beside its content, are that content
            list_goes_on = via is not None and via.dep_ in ("advcl", "conj") and \
                not any(g.dep_ == "mark" for g in via.children) and \
                any(g.dep_ in CONTENT_DEPS and g.i < via.i for g in a.children)
            if via is None or (via.dep_ not in CONTENT_DEPS and via.lower_ not in QUALIFIER_PREPS and not toll_clause
                               and not list_goes_on):
                continue
            if lem == "claim" and ((via.dep_ == "dobj" and _lem(via) == "life") or _lem(c.np) == "life"):
                continue                        # lives claimed: no claim of a speaker
            if _background_clause(c, a):
                return None
            for g in a.children:
                if g.dep_ == "nsubj" and dateline_end(nlp.doc_text(g.doc), g.idx) is None:
                    return _clean_source(_speaker_np(g))     # (a dateline's place is no speaker)
            if a.dep_ == "relcl" and dateline_end(nlp.doc_text(a.doc), a.head.idx) is None:
                return _clean_source(_np_text(a.head))
            for g in a.children:
                if g.dep_ == "agent":
                    for p in g.children:
                        if p.dep_ == "pobj":
                            return _clean_source(_np_text(p))
    return _NOPE


def _speech_verb_after(c: _Cand):
    """A closing speech verb: "X killed 18 people, officials said."."""
    sent = c.sent
    for t in sent:
        if t.dep_ in ("parataxis", "ccomp", "conj") and _lem(t) in SPEECH_VERBS and t.i > c.root.i and \
                t.pos_ == "VERB" and not any(t.i == a.i for a in _ancestors(c.root, sent)):
            for g in t.children:
                if g.dep_ == "nsubj":
                    return _clean_source(_speaker_np(g))
    return _NOPE


def _according_to(c: _Cand):
    """Who the sentence cites: "according to X", "per X", "citing X"."""
    sent = c.sent
    for m in re.finditer(r"\b(?:[Aa]ccording\s+to|[Pp]er(?=\s+(?:the\s+)?[A-Z])|citing|quoting|as\s+reported\s+by|"
                         r"reported\s+by)\s+", sent.text):
        start = sent.start_char + m.end()
        for t in sent:
            if t.idx >= start:
                if t.dep_ == "pobj" or t.head.dep_ in ("pobj", "dobj") or \
                        t.dep_ in ("dobj", "compound", "det", "amod", "poss"):
                    head = t
                    while head.dep_ not in ("pobj", "dobj") and head.head.i != head.i and _in_sent(head.head, sent) \
                            and head.head.i > head.i:
                        head = head.head
                    return _clean_source(_np_text(head, max_tokens=16))
                break
    # "..., by a U.N. count", "by the government's tally": whose count it is
    m = _BY_A_COUNT.search(sent.text)
    if m and m.group("who").lower() not in _NO_COUNTER and _clean_source(m.group("who")):
        return _clean_source(m.group("who"))
    return _NOPE


_NO_COUNTER = {"one", "another", "this", "that", "its", "their", "his", "her", "our", "my", "any", "some", "every",
               "official", "conservative", "rough", "independent", "latest", "new", "early", "initial"}
_BY_A_COUNT = re.compile(r"\bby\s+(?:(?:a|an|the|one)\s+)?(?P<who>[A-Za-z][\w.-]*(?:\s+[\w.-]+){0,3}?)(?:['’]s?)?"
                         r"\s+(?:count|tally|estimate|reckoning)\b")


def _estimate_modifier(c: _Cand):
    """"a previous government estimate of 1,400": who made the estimate."""
    if c.role == "pobj" and c.prep is not None and c.prep.lower_ == "of" and c.verb is not None and \
            _lem(c.verb) in ("estimate", "figure", "count", "tally"):
        mods = [t for t in c.verb.children if t.dep_ in ("compound", "poss", "amod") and _lem(t) not in PREV_WORDS]
        if mods:
            return _clean_source(_text_of(mods))
    return _NOPE


# what a source puts its numbers in ("a tally from ...", "the NCDHHS list")
_DOCUMENTS = DOCUMENT_NOUNS | {"list", "tally", "count", "survey", "census", "database", "spreadsheet", "register"}


def _document_from(c: _Cand):
    """"95 deaths chronicled in a tally from the state health department", "a tally by the Associated
    Press puts the toll at 44", "CNN's tally": who made the document the number is in."""
    top = c.np                                  # the whole noun phrase ("three of the 95 deaths chronicled ...")
    while top.head.i != top.i and not _is_verbal(top.head) and _in_sent(top.head, c.sent):
        top = top.head
    docs = [t for t in top.subtree if _lem(t) in _DOCUMENTS and t.pos_ == "NOUN" and t.i != c.np.i]
    v = c.verb
    if v is not None and _is_verbal(v):
        docs += [g for g in v.children if g.dep_ in ("nsubj", "nsubjpass") and _lem(g) in _DOCUMENTS and
                 g.pos_ == "NOUN"]
    for d in docs:
        maker = document_maker(d)
        if maker:
            return maker
    return _NOPE


def document_maker(d) -> Optional[str]:
    """Who made a document noun: "a tally from the state health department", "a report by the AP",
    "CNN's tally", "the NCDHHS list"."""
    for ch in d.children:
        if ch.dep_ in ("prep", "agent") and ch.lower_ in ("from", "by"):
            pobj = next((p for p in ch.children if p.dep_ == "pobj"), None)
            if pobj is not None and _source_like(pobj):
                name = _entity_of(pobj)             # "the Department of Health and Human Services" whole
                return _clean_source(name.text if name is not None and name.label_ == "ORG" else
                                     _np_text(pobj, max_tokens=16))
        if ch.dep_ == "poss" and ch.pos_ != "PRON" and _source_like(ch) and not _place_or_event(ch):
            return _clean_source(_text_of([t for t in ch.subtree if t.dep_ != "case"]))
    names = [ch for ch in d.children if ch.dep_ == "compound" and ch.pos_ == "PROPN" and not _place_or_event(ch)]
    if names:
        return _clean_source(_text_of([t for n in names for t in n.subtree]))
    return None


def heading_source(sent, before, claims: list[Claim]) -> Optional[str]:
    """Who gives the lines under a heading ("It also broke down the causes of deaths:"): its speaker, else
    the maker of the document its subject is ("The NCDHHS list ..."), through "it" to the sentence before."""
    speaker = _sentence_speaker(sent, claims)
    if speaker:
        return speaker
    for s in (sent, before):
        if s is None or not nlp.is_parsed(s):
            continue
        root = s.root
        subj = next((g for g in root.children if g.dep_ in ("nsubj", "nsubjpass")), None)
        if subj is None:
            return None
        if subj.lower_ in ("it", "they", "this"):
            continue                                # the thing named in the sentence before
        if _lem(subj) in _DOCUMENTS:
            return document_maker(subj)
        return _clean_source(_speaker_np(subj)) if _source_like(subj) else None
    return None


def _source_like(tok) -> bool:
    """Whether a subject can be a figure's source (an organisation, person, place or official body)."""
    if tok is None or tok.like_num:
        return False
    lem = _lem(tok)
    if lem in ATTACK_NOUNS | KILLED_NOUNS | WOUNDED_NOUNS | ESTIMATE_NOUNS | WAR_START_NOUNS:
        return False
    if tok.ent_type_ in ("DATE", "TIME") or tok.lower_ in WEEKDAYS:
        return False                              # "Tuesday's toll": a day's, counted by nobody named
    if any(ch.dep_ in ("compound", "amod", "poss") and (ch.pos_ == "PROPN" or ch.ent_type_ in ("ORG", "GPE", "NORP"))
           for ch in tok.children) and tok.pos_ == "NOUN":
        return True                               # "US intelligence", "Israeli authorities"
    return tok.pos_ == "PROPN" or tok.ent_type_ in ("ORG", "GPE", "NORP", "PERSON") or lem in SOURCE_NOUNS or \
        lem in _STORY_BODIES or tok.lower_ in ("he", "she", "it", "they", "we")


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
            # "the ministry's toll" names who counts; "Japan's toll", "Hurricane Helene's toll" name whose
            if g.dep_ == "poss" and g.pos_ != "PRON" and _source_like(g) and not _place_or_event(g):
                return _clean_source(_text_of([t for t in g.subtree if t.dep_ != "case"]))
    return None


_EVENT_WORDS = {"hurricane", "typhoon", "cyclone", "storm", "earthquake", "quake", "flood", "floods", "war",
                "attack", "fire", "tsunami", "eruption", "disaster", "bombing", "offensive"}


def _place_or_event(tok) -> bool:
    """A possessor that is a place or an event: the toll's owner, not who counted it."""
    words = {t.lower_ for t in tok.subtree}
    return tok.ent_type_ in ("GPE", "LOC", "FAC", "EVENT") or bool(words & _EVENT_WORDS)


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


# "8,500 people missing (Libyan Red Crescent)": a fact box's or a situation report's line that names who
# counted in brackets at its end
# counted in brackets at its end, perhaps with the day ("(NDRRMC, 6 November)"), or right after the count and its
# noun ("Deceased: 112 (Legal Medical Service), of whom ...")
_BRACKETED_AT_THE_END = re.compile(r"\(\s*(?P<src>[A-Z][\w.&'’ /-]{1,60}?)\s*(?:,\s*(?:as\s+(?:of|at)\s+)?"
                                   r"[\w ]{1,20}?)?\)\s*[.;]?\s*$")
_BRACKETED_RIGHT_AFTER = re.compile(r"^\s*(?:[a-z]+\s+){0,3}\(\s*(?P<src>[A-Z][\w.&'’ /-]{1,60}?)\s*"
                                    r"(?:,\s*(?:as\s+(?:of|at)\s+)?[\w ]{1,20}?)?\)")


def _bracketed_at_the_end(c: _Cand):
    text = nlp.doc_text(c.sent.doc)
    line_end = text.find("\n", c.num.end)
    end = c.sent.end_char if line_end < 0 else min(line_end, c.sent.end_char)
    m = _BRACKETED_AT_THE_END.search(text[c.num.end:end]) or _BRACKETED_RIGHT_AFTER.match(text[c.num.end:end])
    if m is None or re.search(r"\d", m.group("src")):
        return _NOPE
    src = m.group("src").strip()
    if gazetteer().find(src) or src.lower() in ("est", "estimate", "approx", "provisional", "updated", "revised"):
        return _NOPE                            # "(Derna)", "(est.)": a place or a note, not who counted
    return src


def _addressee(tok) -> bool:
    """"told Reuters", "told AFP", "told reporters": who was told, not what."""
    return _lem(tok.head) == "tell" and (tok.pos_ in ("PROPN", "PRON") or tok.ent_type_ in ("ORG", "PERSON") or
                                         _lem(tok) in ("reporter", "journalist", "press", "media"))


class _Sourcing:
    """What the source rules look at: each way of finding who gave the number, tried when asked."""

    def __init__(self, c: _Cand, claims: list[Claim]):
        self.c, self.claims = c, claims

    @functools.cached_property
    def setter(self) -> Optional[str]:
        return _setter_source(self.c)

    @functools.cached_property
    def claim(self) -> tuple[bool, Optional[str]]:
        return _claim_source(self.c, self.claims)

    def found(self, strategy) -> bool:
        return self.tried(strategy) is not _NOPE

    def tried(self, strategy):
        if strategy not in self._tried:
            self._tried[strategy] = strategy(self.c)
        return self._tried[strategy]

    @functools.cached_property
    def _tried(self) -> dict:
        return {}

    def own(self, strategy) -> Optional[str]:
        """What the sentence itself names, unless only pronouns and articles ("it", "the")."""
        own = self.tried(strategy)
        return None if own and _is_anaphor(own) and not re.search(r"[a-z]", own.lower().replace("the", "")) else own


def _own_rule(name: str, strategy, examples: tuple[str, ...], why: str = "") -> Rule:
    return Rule(name, lambda s: s.found(strategy), lambda s: s.own(strategy), examples=examples, why=why)


SOURCE = Table("figures.source", runner="figures", subject="the ways to find who gave a figure (_Sourcing)", rules=(
    Rule("source/set-the-value", lambda s: bool(s.setter), lambda s: s.setter,
         examples=("The interior ministry put the toll at 71 on Saturday.",
                   "The agency's toll of the floods exceeds 9,700."),
         why="the nearest source: who set this very number"),
    Rule("source/claim-holding-the-number", lambda s: s.claim[0], lambda s: s.claim[1],
         examples=("Three hikers died on the glacier, the mountain rescue service said.",),
         why="the claims extractor's verdict, even 'no speaker'"),
    _own_rule("source/maker-of-the-document", _document_from,
              ("These are three of the 95 deaths listed in an Oct. 16 tally from the state health department.",
               "A tally by the Associated Press puts the death toll at 44.",
               "Rescuers found 12 of the 40 bodies listed in a report by the Red Crescent."),
              why="a number given in a tally, list or report: who made it"),
    _own_rule("source/reporting-verb-above", _reporting_verb_above,
              ("The cabinet decided that 500 injured people would be flown abroad.",
               "The mine operator agreed to allow 200 trucks of aid into the valley during the truce.")),
    _own_rule("source/speech-verb-after", _speech_verb_after,
              ("Some 2,600 people remain missing, the ministry said, many believed trapped under rubble.",)),
    _own_rule("source/closing-attribution", lambda c: _trailing_attribution(c) or _NOPE,
              ("A storm killed at least 30 people along the Varnholm coast on Monday, officials said.",)),
    _own_rule("source/according-to", _according_to,
              ("Per the Red Cross, 40 people died in the camp.",)),
    _own_rule("source/estimate-modifier", _estimate_modifier,
              ("The toll was later revised from a previous government estimate of 1,400 dead.",)),
    _own_rule("source/bracketed-at-the-end", _bracketed_at_the_end,
              ("• 8,500 people missing (Varnish Red Crescent)",
               "- 43,400 people displaced in the north-east (IOM DTM)",
               "• 1,204 people confirmed dead so far (Ministry of Health)",
               "• 318 dead (Coastal Disaster Council, 6 November)",
               "- Deceased: 112 (Forensic Service), of whom 87 in the port and 15 in the hills."),
              why="a fact box's or a situation report's line names who counted in brackets at its end"),
))


def _source(c: _Cand, claims: list[Claim]) -> Optional[str]:
    return SOURCE.decide(_Sourcing(c, claims), c.trace)


def _resolve_anaphor(text: str, history: list[str]) -> Optional[str]:
    """"it" -> the last source; "the ministry" -> the last source that names a ministry."""
    words = [w for w in re.findall(r"[a-z]+", text.lower()) if w not in ("the", "a", "an", "its", "his", "her",
                                                                          "their", "also")]
    nouns = [w for w in words if w not in PRONOUNS_SET and w not in ("statement", "report", "source")]
    for past in reversed(history):
        if not nouns or any(n.rstrip("s") in past.lower() for n in nouns):
            return past
    if nouns and set(nouns) <= _GROUP_WORDS:
        # "the group said" after "the Syrian Observatory for Human Rights reported": the last organisation named
        for past in reversed(history):
            if _AN_ORGANISATION.search(past):
                return past
    heads = [n for n in nouns if n in _BODY_WORDS | _GROUP_WORDS]
    for past in reversed(history):
        # "the council" after "the NDRRMC said", "the authority" after "the NDMA": an acronym is the body whose
        # head noun opens or closes it
        if heads and _ACRONYM.fullmatch(past) and any(n[0].upper() in (past[0], past[-1]) for n in heads):
            return past
    if set(nouns) & _BODY_WORDS:
        # "the agency" after "the state Department of Health": the last public body named
        for past in reversed(history):
            if set(re.findall(r"[a-z]+", past.lower())) & _BODY_WORDS:
                return past
    return None


_GROUP_WORDS = {"group", "monitor", "watchdog", "organisation", "organization"}
_AN_ORGANISATION = re.compile(r"\b(?:Observatory|Committee|Organi[sz]ation|Group|Network|Council|Union|Front|Movement|"
                              r"Coalition|Commission|Watch|Amnesty|Crescent|Cross|Federation|Society|Foundation|"
                              r"Cent(?:re|er)|Agency|Institute|Association|Monitor)\b")
_BODY_WORDS = {"agency", "department", "ministry", "office", "service", "services", "authority", "administration",
               "directorate", "bureau", "commission", "council"}
_ACRONYM = re.compile(r"[A-Z]{3,8}")


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
