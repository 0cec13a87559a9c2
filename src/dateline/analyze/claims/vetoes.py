"""When a reporting verb makes no claim: negated or withheld, asked for, in a comparison, an anonymity request,
a participle used as an adjective, a verb that is not speech here (data verbs without data, stances without a
clause, objects that are no statement, subjects that cannot speak, a welcomed visitor) — the table VETO."""
from __future__ import annotations

import re

from spacy.tokens import Token

from ..lexicon.reporting import (
    DATA_NOUNS, DATA_VERBS, DOCUMENT_NOUNS, IT_IS_NOT_SPEAKER, PROPOSITION_NOUNS, PROPOSITION_OBJECT_VERBS,
    SENSE_NEEDS_SPEAKER, STANCE_VERBS, WITHHOLDING)
from ..lexicon.speakers import INANIMATE_AGENTIVE
from ..rules import Rule, Table
from .context import _Ctx, _chars
from .mentions import _kind_of_head
from .subject import _is_cue_verb, _subject
from .speakers import _CLAUSE_WORDS


def _has_clause(verb: Token) -> bool:
    return any(c.dep_ == "ccomp" for c in verb.children)


def _object_is_statement(verb: Token, ctx: _Ctx) -> bool:
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if obj is None:
        return False
    if obj.lemma_.lower() in PROPOSITION_NOUNS or obj.lower_ in PROPOSITION_NOUNS:
        return True
    span = _chars(obj.subtree)
    return bool(span and ctx.quotes_overlapping(*span))


_ANONYMITY = re.compile(r"\b(?:named|identified|name|names|anonymity|anonymous)\b", re.I)


def _anonymity_request(verb: Token, lemma: str) -> bool:
    """"a source who asked not to be named", "asked that her name not be used": wire boilerplate
    about the speaker, not a statement."""
    if lemma not in ("ask", "request", "demand", "insist"):
        return False
    tail = verb.doc[verb.i + 1:min(verb.right_edge.i + 1, verb.i + 9)].text
    return bool(_ANONYMITY.search(tail))


def _in_comparison(verb: Token) -> bool:
    """"…, more than previous estimates had suggested", "higher than officials first reported":
    the verb only measures the comparison; whatever the parser made of it, it says nothing."""
    doc = verb.doc
    i = verb.i - 1
    while i >= 0 and i >= verb.i - 8:
        tok = doc[i]
        if tok.lower_ == "than":
            return True
        if tok.is_punct or (tok.pos_ == "VERB" and tok.dep_ not in ("amod", "compound")) or tok.lower_ in _CLAUSE_WORDS:
            return False
        i -= 1
    return False


def _asked_for(verb: Token) -> bool:
    """"called on the court to order a halt", "urged Hamas to announce …": an infinitive under
    another reporting verb is what that verb asks for, not a statement already made."""
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return False
    head = verb.head
    for _ in range(2):
        if head is verb or verb.dep_ not in ("xcomp", "ccomp", "advcl", "pobj", "pcomp", "prep"):
            return False
        if _is_cue_verb(head) and head.lemma_.lower() not in WITHHOLDING:
            return True
        verb, head = head, head.head
    return False


def _data_subject(verb: Token) -> bool:
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return subj is not None and (subj.lemma_.lower() in DATA_NOUNS or subj.lower_ in DATA_NOUNS)


def _nobody(head: Token) -> bool:
    """A speaker that says no one spoke: "nobody", "none", "no one", "no official" (not "No 10
    Downing Street": a number or a name after "No" makes it an address; nor "no fewer than 12")."""
    if head.lower_ in ("nobody", "none", "noone", "no-one"):
        return True
    doc = head.doc
    return any(c.dep_ == "det" and c.lower_ == "no" and c.i + 1 < len(doc)
               and not (doc[c.i + 1].like_num or doc[c.i + 1].pos_ in ("NUM", "PROPN")
                        or doc[c.i + 1].lower_ in ("fewer", "less", "more")) for c in head.children)


def _speaker_like_subject(verb: Token) -> bool:
    subject = _subject(verb)
    if subject is None:
        return True                   # decided later (surface subject or none)
    if subject.pos_ == "PRON":
        inanimate = ("this", "that", "which", "what") + (("it",) if verb.lemma_ in IT_IS_NOT_SPEAKER else ())
        return subject.lower_ not in inanimate
    lemma = subject.lemma_.lower()
    return _kind_of_head(subject) is not None or lemma in DOCUMENT_NOUNS | DATA_NOUNS \
        or bool(re.search(r"(?:er|or|ist|ian|ant|ent|ee|ive)s?$", subject.lower_)) and lemma not in INANIMATE_AGENTIVE


def _adjectival(verb: Token) -> bool:
    """"758 pledged delegates", "the declared aim": a participle the parser took for a verb."""
    doc = verb.doc
    if verb.i == 0 or verb.i + 1 >= len(doc) or verb.tag_ not in ("VBN", "VBD"):
        return False
    prev, nxt = doc[verb.i - 1], doc[verb.i + 1]
    return (prev.pos_ in ("NUM", "DET") or prev.text == "-") and nxt.pos_ in ("NOUN", "PROPN") \
        and nxt.head.i in (verb.i, verb.head.i)


def _truncated_start(ctx: _Ctx, verb: Token) -> bool:
    """The excerpt begins mid-sentence ("on Friday overwhelmingly called for …"): the subject
    was cut off, the claim is still there (speaker None)."""
    if not ctx.sents or ctx.sent_index(verb.idx) != 0:
        return False
    first = ctx.text.lstrip()[:1]
    return first.islower()


def _statement_needed(s) -> bool:
    """"backed the new budget": a verb that reports only with a clause, a predicate, "call for/on" or an
    object that is itself a statement ("backed the auditor's conclusion that ...") or quoted."""
    verb = s.verb
    return s.lemma in PROPOSITION_OBJECT_VERBS and not _has_clause(verb) \
        and not any(c.dep_ == "oprd" for c in verb.children) \
        and not (s.lemma == "call" and any(c.dep_ == "prep" and c.lower_ in ("for", "on", "upon")
                                           for c in verb.children)) \
        and not _object_is_statement(verb, s.ctx)


# Contexts in which a reporting verb says nothing. All outcomes are None (no claim), so order only
# decides which rule a trace names; the last five concern active verbs (a passive one goes to claims.passive).
VETO = Table("claims.veto", runner="claims", subject="a reporting verb (cues._Verb)", rules=(
    Rule("veto/quote-verb", lambda s: s.lemma in ("quote", "cite"),
         examples=("The paper quoted the coach as saying the team was exhausted.",),
         why="'X quoted Y as saying ...': the saying is the claim"),
    Rule("veto/negated-cue", lambda s: any(c.dep_ == "neg" for c in s.verb.children),
         examples=("The coach did not say whether the striker would play on Sunday.",),
         counter_examples=("The coach said the striker would not play on Sunday.",)),
    Rule("veto/withheld-cue", lambda s: s.verb.dep_ == "xcomp" and s.verb.head.lemma_.lower() in WITHHOLDING,
         examples=("The mine's owners declined to say how many workers were underground.",),
         counter_examples=("The mine's owners said forty workers were still underground.",)),
    Rule("veto/asked-for", lambda s: _asked_for(s.verb),
         examples=("The union urged the company to announce a new offer before the strike.",),
         counter_examples=("The company announced a new offer before the strike.",),
         why="an infinitive under another reporting verb is what that verb asks for"),
    Rule("veto/comparison", lambda s: _in_comparison(s.verb),
         examples=("The river rose far higher than forecasters had predicted.",),
         counter_examples=("Forecasters predicted that the river would rise far higher.",)),
    Rule("veto/anonymity-request", lambda s: _anonymity_request(s.verb, s.lemma),
         examples=("A rescuer who asked not to be named said the shaft had flooded overnight.",),
         counter_examples=("A rescuer asked the crowd to stand back from the shaft.",),
         why="wire boilerplate about the speaker, not a statement"),
    Rule("veto/adjectival-participle", lambda s: _adjectival(s.verb),
         examples=("The senator won 120 pledged delegates in the primary.",),
         counter_examples=("The senator pledged 120 delegates to the party.",),
         why="a participle the parser took for a verb"),
    Rule("veto/data-verb-without-data", lambda s: not s.passive and s.lemma in DATA_VERBS and not _data_subject(s.verb),
         examples=("Divers found three survivors in the flooded tunnel on Monday.",),
         counter_examples=("The survey found that most voters backed the pension reform.",),
         why="'show' and 'find' report only with a data-like subject"),
    Rule("veto/stance-without-clause",
         lambda s: not s.passive and s.lemma in STANCE_VERBS and not _has_clause(s.verb),
         examples=("Farmers in the valley hoped for rain after the long drought.",
                   "The villagers feared the worst as the water rose.",),
         counter_examples=("Farmers in the valley hoped the rain would come before the harvest.",)),
    Rule("veto/object-is-no-statement", lambda s: not s.passive and _statement_needed(s),
         examples=("The city council backed the new flood budget on Tuesday.",),
         counter_examples=("The council backed the auditor's conclusion that the budget was sound.",)),
    Rule("veto/subject-cannot-speak",
         lambda s: not s.passive and s.lemma in SENSE_NEEDS_SPEAKER and not _speaker_like_subject(s.verb),
         examples=("The storm threatens to flood the coastal towns by Friday.",),
         counter_examples=("The governor threatened to close the coastal road by Friday.",),
         why="'the debate promised to be ...', 'rain threatens to ...': not speech"),
    Rule("veto/lives-claimed",
         lambda s: s.lemma == "claim" and _claims_lives(s.verb),
         examples=("A mission that has already claimed 450 lives is losing support.",),
         counter_examples=("The rebels claimed that 450 soldiers had been killed.",),
         why="lives claimed are deaths, not a statement"),
    Rule("veto/welcomed-person",
         lambda s: not s.passive and s.lemma == "welcome"
         and any(c.dep_ == "dobj" and _kind_of_head(c) == "person" for c in s.verb.children),
         examples=("The president welcomed the visiting prime minister at the airport.",),
         counter_examples=("The president welcomed the ceasefire agreement on Sunday.",),
         why="welcomed a visitor, not a statement"),
))


def _claims_lives(verb) -> bool:
    """"claimed 450 lives", "claimed the lives of 300", "claimed dozens of lives": the object is lives."""
    doc = verb.doc
    after = doc[verb.i + 1:min(verb.i + 6, len(doc))]
    return any(t.lemma_.lower() == "life" or t.lower_ == "lives" for t in after) and \
        not any(t.lower_ in ("that", "to") or t.dep_ == "mark" for t in after[:2])
