"""Who performs a reporting verb: its subject, or the one it shares with the verb it hangs on — the table
SUBJECT, read on the parse (speakers.py reads the phrase around the token it finds)."""
from __future__ import annotations

from typing import Optional

from spacy.tokens import Token

from ..lexicon.reporting import ISSUING_VERBS
from ..lexicon.speakers import ORG_NOUNS, PERSON_NOUNS
from ..rules import Rule, Table, Trace
from .forms import CUE_LEMMAS, FORM_TO_LEMMA
from .context import lazy, _is_relative
from .mentions import _kind_of_head


def _is_cue_verb(tok: Token) -> bool:
    return tok.pos_ in ("VERB", "AUX") and (tok.lemma_.lower() in CUE_LEMMAS or tok.lower_ in FORM_TO_LEMMA)


def _issued_document(noun: Token) -> bool:
    """A thing (not a person or body) that its subject puts out: "released a video", "posted a map"."""
    speaker_like = _kind_of_head(noun) is not None or noun.lemma_.lower() in PERSON_NOUNS | ORG_NOUNS
    return noun.dep_ == "dobj" and noun.head.lemma_.lower() in ISSUING_VERBS and not speaker_like


def _governing_cue(tok: Token) -> Optional[Token]:
    """The reporting verb whose content ``tok`` sits in (through clauses and prepositions)."""
    for _ in range(3):
        if tok.dep_ not in ("ccomp", "pcomp", "prep", "xcomp") or tok.head is tok:
            return None
        tok = tok.head
        if _is_cue_verb(tok):
            return tok
    return None


def _glued_apposition(subject: Token, verb: Token) -> Optional[Token]:
    """"Writing on X, formerly Twitter, Jordan's Queen Rania said": an apposition that runs
    into the verb without a comma is the speaker; the parser hung it on an adjunct."""
    doc = verb.doc
    for child in subject.children:
        if child.dep_ == "appos" and child.i > subject.i and child.right_edge.i == verb.i - 1 \
                and child.left_edge.i > 0 and doc[child.left_edge.i - 1].text == ",":
            return child
    return None



def _chosen_subject(verb: Token, subjects: list[Token]) -> Token:
    """Of two subjects ("DOHA (Reuters) - Qatar's spokesman said", "The hostages, an official said, would …")
    the one just before the verb, set off by punctuation (without it, one name split in two)."""
    before = sorted((c for c in subjects if c.i < verb.i), key=lambda c: c.i)
    child = before[0] if before else subjects[0]
    if len(before) > 1 and before[-1].left_edge.i > 0 \
            and verb.doc[before[-1].left_edge.i - 1].text in (",", "-", "–", "—", ")", ":"):
        child = before[-1]
    return child


class _Performer:
    """What the subject rules look at: a reporting verb, its head, and how far the search has climbed."""

    def __init__(self, verb: Token, depth: int, trace: Optional[Trace]):
        self.verb = verb
        self.head = verb.head
        self.dep = verb.dep_
        self.depth = depth
        self.trace = trace
        # one pass over the verb's dependents
        self.agent: Optional[Token] = None        # the object of a "by" agent ("was told by officials")
        self.passive_subject: Optional[Token] = None
        self.infinitive = False
        subjects = []
        for child in verb.children:
            dep = child.dep_
            if dep in ("nsubj", "csubj"):
                subjects.append(child)
            elif dep == "agent":
                if self.agent is None:
                    self.agent = next((c for c in child.children if c.dep_ == "pobj"), None)
            elif dep == "nsubjpass":
                if self.passive_subject is None:
                    self.passive_subject = child
            elif dep == "aux" and child.lower_ == "to":
                self.infinitive = True
        self.nsubj = _chosen_subject(verb, subjects) if subjects else None

    @lazy
    def relative(self) -> bool:
        return self.nsubj is not None and _is_relative(self.nsubj)

    @lazy
    def glued(self) -> Optional[Token]:
        return None if self.nsubj is None else _glued_apposition(self.nsubj, self.verb)

    @property
    def quoted_subject(self) -> Optional[Token]:
        """"Y was quoted as saying": the subject of a passive "quote"/"cite"."""
        return self.passive_subject if self.verb.lemma_ in ("quote", "cite") else None

    @lazy
    def governor(self) -> Optional[Token]:
        return _governing_cue(self.head)

    @lazy
    def climb(self) -> Token:
        """The verb an adverbial participle's clause hangs on, up through non-reporting clauses."""
        climb = self.head
        while climb.dep_ in ("conj", "ccomp") and not _is_cue_verb(climb) and climb.head is not climb:
            climb = climb.head
        return climb

    def up(self, verb: Token) -> Optional[Token]:
        """The subject of a verb higher up, which this one shares."""
        return _subject(verb, self.depth + 1, self.trace)


def _participle_of_noun(s: _Performer) -> bool:
    return s.dep == "acl" and s.verb.tag_ == "VBG" and s.head.pos_ in ("NOUN", "PROPN")


def _quoted_as(s: _Performer) -> bool:
    """"X quoted Y as saying" / "Y was quoted as saying"."""
    return s.dep == "pcomp" and s.head.lower_ == "as" and s.head.head.lemma_ in ("quote", "cite")


# The first rule that holds names the speaker token (or, outcome None, that there is none).
SUBJECT = Table("claims.speaker.subject", runner="claims", subject="a reporting verb (_Performer)", rules=(
    Rule("speaker/passive-agent", lambda s: s.agent is not None, lambda s: s.agent,
         examples=("The ruling, announced by the court on Friday, said the election must be rerun.",)),
    Rule("speaker/relative-clause-head", lambda s: s.relative and s.dep == "relcl", lambda s: s.head,
         examples=("The ferry company, which said the storm had passed, resumed sailings.",),
         why="'the group, which denied …': the noun the relative clause hangs on"),
    Rule("none/relative-pronoun", lambda s: s.relative, None,
         examples=("Nobody knew who said the bridge was unsafe.",)),
    Rule("speaker/glued-apposition", lambda s: s.glued is not None, lambda s: s.glued,
         examples=("Writing on X, formerly Twitter, Peru's Health Minister Ana Ruiz said the outbreak was contained.",),
         why="an apposition that runs into the verb without a comma, which the parser hung on an adjunct"),
    Rule("speaker/subject", lambda s: s.nsubj is not None, lambda s: s.nsubj,
         examples=("The mayor said the floodwaters were finally receding.",)),
    Rule("speaker/quoted-passive", lambda s: s.quoted_subject is not None, lambda s: s.quoted_subject,
         examples=("The finance minister was cited in the report and said that the budget was exhausted.",)),
    Rule("speaker/quoted-as-saying", _quoted_as,
         lambda s: next((c for c in s.head.head.children if c.dep_ in ("dobj", "nsubjpass")), None),
         examples=("The local radio quoted the coach as saying the team was exhausted.",)),
    Rule("speaker/issuer-of-document", lambda s: _participle_of_noun(s) and _issued_document(s.head),
         lambda s: s.up(s.head.head),
         examples=("The airline issued a statement saying all flights were cancelled.",),
         why="'issued a statement saying …', 'posted a map telling …': who issued it"),
    Rule("speaker/participle-of-noun", _participle_of_noun, lambda s: s.head,
         examples=("A survivor, a ten-year-old girl, saying she had been trapped for three days, was carried out.",),
         why="'a captive, Mia Shem, saying …', 'a lawsuit alleging …'"),
    Rule("speaker/conjunct-misattached",
         lambda s: s.dep == "conj" and s.head.dep_ == "ccomp" and not _is_cue_verb(s.head)
         and _is_cue_verb(s.head.head), lambda s: s.up(s.head.head),
         examples=("The union said the company cut wages and claimed that managers lied.",),
         why="'X said A, and claimed B' parsed with 'claimed' under A"),
    Rule("speaker/conjunct-in-content",
         lambda s: s.dep == "conj" and not _is_cue_verb(s.head)
         and not any(c.dep_.startswith("nsubj") for c in s.head.children) and s.governor is not None,
         lambda s: s.up(s.governor),
         examples=("The senator accused Ohio of committing abuses and called Hartley a tyrant.",),
         why="'accused X of doing A and called B C': the verb whose content the conjunct is in"),
    Rule("speaker/participle-of-reporter",
         lambda s: s.dep == "advcl" and s.verb.tag_ == "VBG" and not _is_cue_verb(s.head) and _is_cue_verb(s.climb),
         lambda s: s.up(s.climb),
         examples=("The ministry said the dam was safe, and the water would recede, adding that no homes were "
                   "at risk.",),
         why="'added that X, and Y is Z, advising …': the reporter advises"),
    Rule("speaker/shared-subject",
         lambda s: s.dep in ("conj", "xcomp")
         or (s.dep == "advcl" and (s.verb.tag_ in ("VBG", "VBN") or s.infinitive)),
         lambda s: s.up(s.head),
         examples=("The governor said the roads were closed, and warned that more snow was coming.",)),
    Rule("speaker/infinitive-of-object",
         lambda s: s.dep in ("acl", "relcl") and s.infinitive and s.head.dep_ == "dobj",
         lambda s: s.up(s.head.head),
         examples=("The mayor made a move to warn residents about the flood.",),
         why="'made a move to warn …': who made it"),
))


def _subject(verb: Token, depth: int = 0, trace: Optional[Trace] = None) -> Optional[Token]:
    """Who performs a reporting verb: its subject, or the one it shares with the verb it hangs on."""
    if depth > 4:
        return None
    return SUBJECT.decide(_Performer(verb, depth, trace), trace)
