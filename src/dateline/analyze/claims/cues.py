"""Dependency cues (pass 2): reporting verbs, passive hearsay, "according to", "reportedly", verbs the tagger
missed; the mode of their content."""
from __future__ import annotations

from typing import Optional

from spacy.tokens import Token

from .. import nlp
from ..lexicon.reporting import (
    DATA_VERBS, DOCUMENT_NOUNS, NOUN_LIKE_FORMS, PASSIVE_HEARSAY, PROPOSITION_NOUNS, PROPOSITION_OBJECT_VERBS,
    SPEECH_CORE, STANCE_VERBS)
from .forms import CUE_LEMMAS, FORM_TO_LEMMA
from .quotes import _trim
from ..rules import Rule, Table, Trace, new_trace
from .context import lazy, _Ctx, _drop, _Raw, _chars, _clean_content, _direct_content
from .mentions import _kind_of_head
from .subject import _is_cue_verb
from .speakers import _speaker_from_head, _speaker_of, _surface_np, _surface_subject
from .attribution import _cue_chars
from .content import (
    CONTENT, _comma_before, _drop_heading_label, _extend_over_quoted_conjunct, _own_subject_inside, _sentence_cover,
    _without_leading_dates)
from .vetoes import VETO, _in_comparison, _nobody, _truncated_start


class _Verb:
    """What the verb rules look at: a reporting verb, its lemma, and what a rule asks about it."""

    def __init__(self, ctx: _Ctx, verb: Token, lemma: str, trace: Optional[Trace]):
        self.ctx = ctx
        self.verb = verb
        self.lemma = lemma
        self.trace = trace

    @lazy
    def passive(self) -> bool:
        return any(c.dep_ in ("auxpass", "nsubjpass") for c in self.verb.children)

    @lazy
    def found(self) -> Optional[list[Token]]:
        """The content tokens, from the first way of reading them that finds some (claims.content), or None."""
        return CONTENT.first_value(self, self.trace)

    @lazy
    def content(self) -> list[Token]:
        return _without_leading_dates(self.verb, self.found)

    @lazy
    def chars(self) -> tuple[int, int]:
        """The content's characters, cleaned and extended over a quoted conjunct."""
        start, end = _clean_content(self.ctx.text, *_chars(self.content))
        if end <= start:
            return start, end
        return start, _extend_over_quoted_conjunct(self.ctx, self.verb, end)

    @lazy
    def speaker(self) -> tuple[Optional[tuple[int, int]], Optional[Token]]:
        """(speaker chars, speaker head)."""
        return _speaker_of(self.ctx, self.verb, self.chars, self.trace)


def _participle_claims(s: _Verb) -> bool:
    """"responded, saying …": the participle makes the claim."""
    first = s.content[0]
    return first.tag_ == "VBG" and _is_cue_verb(first) and first.i > s.verb.i


def _content_before_speaker(s: _Verb) -> bool:
    """"Content …, the UN agency said": everything before the speaker is the content, whatever the parser
    attached where."""
    end, head_span = s.chars[1], s.speaker[0]
    return end <= s.verb.idx and head_span is not None and end <= head_span[0] < s.verb.idx


def _verb_raw(s: _Verb, start: int, end: int) -> _Raw:
    head_span, head = s.speaker
    return _Raw(_sentence_cover(s.ctx, s.verb.idx, start, end), (start, end), "reported", _cue_chars(s.verb),
                speaker_head=head, speaker_chars=head_span)


# A reporting verb no veto stopped: a passive goes to claims.passive; an active one needs content and a
# speaker. Vetoes first (outcome None; among them order only decides which one a trace names), then the
# ways the claim is made.
VERB = Table("claims.verb", runner="claims", subject="a reporting verb (_Verb)", rules=(
    Rule("passive/passive-voice", lambda s: s.passive, lambda s: _passive_claim(s),
         examples=("The trapped miners are said to be in good spirits.",)),
    Rule("veto/no-content", lambda s: not s.found or s.chars[1] <= s.chars[0],
         examples=("The villagers said nothing.",),
         counter_examples=("The villagers said nothing could be saved.",),
         why="no content tokens, or none left once cleaned"),
    Rule("veto/speaker-inside-content", lambda s: _own_subject_inside(s.verb, s.found),
         examples=("said the fire department, which did not give details.",),
         counter_examples=("The fire department said the blaze, which started at dawn, was out.",),
         why="'said the engineer, who …': what follows the cue is the speaker, not content"),
    Rule("veto/participle-claims", _participle_claims,
         examples=("The ministry responded on Friday, saying the schools would reopen.",),
         counter_examples=("The ministry responded on Friday that the schools would reopen.",),
         why="the participle is the cue of the claim"),
    Rule("veto/no-speaker", lambda s: s.speaker[0] is None and not _truncated_start(s.ctx, s.verb),
         examples=("To say the road is safe would be wrong.",),
         counter_examples=("on Friday overwhelmingly called for a ceasefire in the valley.",),
         why="no one says it: a mis-read verb more often than a claim"),
    Rule("veto/nobody-speaks", lambda s: s.speaker[1] is not None and _nobody(s.speaker[1]),
         examples=("Nobody claimed responsibility for the blast at the depot.",),
         counter_examples=("No 10 said the talks would resume on Monday.",)),
    Rule("claim/content-before-speaker", _content_before_speaker,
         lambda s: _verb_raw(s, *_clean_content(s.ctx.text, s.chars[0],
                                                _comma_before(s.ctx, s.speaker[0][0], s.chars[1]))),
         examples=("The bridge will reopen in May, the transport ministry said.",)),
    Rule("claim/cut-off-speaker", lambda s: s.speaker[0] is None, lambda s: _verb_raw(s, *s.chars),
         examples=("on Friday overwhelmingly called for a ceasefire in the valley.",),
         why="the excerpt begins mid-sentence: the subject was cut off, the claim is still there"),
    Rule("claim/reporting-verb", lambda s: True, lambda s: _verb_raw(s, *s.chars),
         examples=("The mayor said the floodwaters were finally receding.",)),
))


def _verb_claim(ctx: _Ctx, verb: Token, trace: Optional[Trace] = None) -> Optional[_Raw]:
    lemma = verb.lemma_.lower()
    if lemma not in CUE_LEMMAS:
        lemma = FORM_TO_LEMMA.get(verb.lower_, "")
    if not lemma:                     # (the caller saw a cue lemma or form)
        return None
    s = _Verb(ctx, verb, lemma, trace)
    if VETO.first_match(s, trace) is not None:
        return None
    return VERB.decide(s, trace)


class _Passive:
    """What the passive rules look at: a passive reporting verb, its subject and its "by" agent."""

    def __init__(self, s: _Verb):
        self.ctx, self.verb, self.lemma, self.trace = s.ctx, s.verb, s.lemma, s.trace
        verb = s.verb
        self.agent = next((c for c in verb.children if c.dep_ == "agent"), None)
        self.subj = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
        # "It was reported that …": the clause is the content, "it" stands for nobody
        self.expletive = self.subj is not None and self.subj.lower_ == "it" \
            and any(c.dep_ == "ccomp" for c in verb.children)
        self.by = None if self.agent is None else next((c for c in self.agent.children if c.dep_ == "pobj"), None)

    @lazy
    def parts(self) -> list[Token]:
        kept = ("ccomp",) if self.expletive else ("nsubjpass", "xcomp", "ccomp")
        return [t for c in self.verb.children if c.dep_ in kept for t in c.subtree]


def _agentless_not_hearsay(s: _Passive) -> bool:
    return s.agent is None and (s.lemma not in PASSIVE_HEARSAY
                                or not (s.expletive or any(c.dep_ == "xcomp" for c in s.verb.children)))


def _not_said_by_someone(s: _Passive) -> bool:
    """"was told by officials": only speech, only by someone (a person, a body, a pronoun, a document)."""
    by = s.by
    return s.agent is not None and (by is None or (
        by.pos_ != "PRON" and _kind_of_head(by) is None and by.lemma_.lower() not in DOCUMENT_NOUNS))


def _passive_raw(s: _Passive) -> _Raw:
    span = _clean_content(s.ctx.text, *_chars(s.parts))
    head_span, head = (None, None)
    if s.by is not None:
        head_span, head = _speaker_from_head(s.ctx, s.by, s.trace)
    return _Raw(_sentence_cover(s.ctx, s.verb.idx, *span), span, "reported", _cue_chars(s.verb),
                speaker_head=head, speaker_chars=head_span)


# A passive reporting verb: hearsay without an agent ("are said to be"), or speech by an agent. Vetoes first.
PASSIVE = Table("claims.passive", runner="claims", subject="a passive reporting verb (_Passive)", rules=(
    Rule("veto/agentless-not-hearsay", _agentless_not_hearsay,
         examples=("The new bridge was announced in March.",),
         counter_examples=("The trapped miners are said to be in good spirits.",),
         why="without an agent only say/report/believe/allege/rumour/claim/think, with a clause, are hearsay"),
    Rule("veto/agent-of-no-speech", lambda s: s.agent is not None and s.lemma not in SPEECH_CORE | PASSIVE_HEARSAY,
         examples=("The plan was welcomed by the farmers.",),
         counter_examples=("Voters were told by the commission that the count would take a week.",)),
    Rule("veto/agent-cannot-speak", _not_said_by_someone,
         examples=("The evacuation was announced by loudspeaker.",),
         counter_examples=("The evacuation was announced by the mayor.",)),
    Rule("veto/no-passive-content", lambda s: not s.parts or s.subj is None,
         examples=("As was reported by the ministry, the road is closed.",),
         counter_examples=("The closure was reported by the ministry.",),
         why="nothing said: no subject, clause or predicate of the passive verb"),
    Rule("claim/it-was-said", lambda s: s.expletive, _passive_raw,
         examples=("It was reported that the border crossing had reopened.",),
         why="'It was reported that …': the clause is the content, 'it' stands for nobody"),
    Rule("claim/hearsay", lambda s: s.agent is None, _passive_raw,
         examples=("The trapped miners are said to be in good spirits.",)),
    Rule("claim/passive-agent", lambda s: True, _passive_raw,
         examples=("Voters were told by the commission that the count would take a week.",)),
))


def _passive_claim(s: _Verb) -> Optional[_Raw]:
    """"X are said to be …" (speaker None, or the agent of "by")."""
    return PASSIVE.decide(_Passive(s), s.trace)


class _According:
    """What the "according to" rules look at: the phrase and the sentence around it."""

    def __init__(self, ctx: _Ctx, according: Token, trace: Optional[Trace]):
        self.ctx = ctx
        self.tok = according
        self.trace = trace
        doc = according.doc
        self.to = doc[according.i + 1] if according.i + 1 < len(doc) else None

    @lazy
    def phrase(self) -> tuple[int, int]:
        return _chars(list(self.tok.subtree))

    @lazy
    def sentence(self) -> tuple[int, int]:
        return self.ctx.sent_bounds(self.tok.idx)

    @lazy
    def before(self) -> tuple[int, int]:
        return _clean_content(self.ctx.text, self.sentence[0], self.phrase[0])

    @lazy
    def after(self) -> tuple[int, int]:
        return _clean_content(self.ctx.text, self.phrase[1], self.sentence[1])


def _some(span: tuple[int, int]) -> bool:
    return span[1] - span[0] > 0


# What "according to X" attributes: the sentence on one side of the phrase, or the whole sentence around it.
ACCORDING = Table("claims.according", runner="claims", subject="an 'according' token (_According)", rules=(
    Rule("veto/according-without-to", lambda s: s.to is None or s.to.lower_ != "to", None,
         examples=("Everything went according as planned.",),
         counter_examples=("According to the fire brigade, the blaze started in a kitchen.",)),
    Rule("content/after-according-to", lambda s: _some(s.after) and not _some(s.before), lambda s: s.after,
         examples=("According to the fire brigade, the blaze started in a kitchen.",)),
    Rule("content/before-according-to", lambda s: _some(s.before) and not _some(s.after), lambda s: s.before,
         examples=("The blaze started in a kitchen, according to the fire brigade.",)),
    Rule("content/around-according-to", lambda s: _some(s.before),
         lambda s: _clean_content(s.ctx.text, *s.sentence),
         examples=("The blaze, according to the fire brigade, started in a kitchen.",),
         why="in the middle of the sentence: the whole sentence is the claim"),
    Rule("veto/nothing-around", lambda s: True, None,
         examples=("According to the fire brigade.",),
         counter_examples=("According to the fire brigade, the blaze started in a kitchen.",)),
))


def _according_claim(ctx: _Ctx, according: Token, trace: Optional[Trace] = None) -> Optional[_Raw]:
    s = _According(ctx, according, trace)
    content = ACCORDING.decide(s, trace)
    if content is None:
        return None
    to = s.to
    source = next((c for c in to.children if c.dep_ == "pobj"), None)
    content = _drop_heading_label(ctx.text, *content)
    head_span, head = (_speaker_from_head(ctx, source, trace) if source is not None
                       else (_surface_np(ctx, to.idx + 2, s.phrase[1]), None))
    cue = (according.idx, to.idx + len(to.text))
    return _Raw(_sentence_cover(ctx, according.idx, *content), content, "reported", cue,
                speaker_head=head, speaker_chars=head_span)


def _reportedly_claim(ctx: _Ctx, adverb: Token) -> Optional[_Raw]:
    verb = adverb.head
    if verb is adverb:
        return None
    tokens = [t for t in verb.subtree]
    start, end = _clean_content(ctx.text, *_chars(tokens))
    if end <= start:
        return None
    return _Raw(_sentence_cover(ctx, adverb.idx, start, end), (start, end), "reported",
                (adverb.idx, adverb.idx + len(adverb.text)), carry=True, from_report=True)


class _Cue:
    """What the cue rules look at: a token of a parsed sentence, outside closed quotations and cues used."""

    def __init__(self, ctx: _Ctx, tok: Token):
        self.ctx = ctx
        self.tok = tok
        self.low = tok.lower_
        self.trace = None

    @lazy
    def verb(self) -> bool:
        return self.tok.pos_ in ("VERB", "AUX")


def _reporting_verb(s: _Cue) -> bool:
    return s.verb and (s.tok.lemma_.lower() in CUE_LEMMAS or s.low in FORM_TO_LEMMA)


def _missed_verb(s: _Cue) -> bool:
    """A finite reporting form the tagger took for a noun or a modifier."""
    return s.low in SURFACE_CUE_FORMS and (not s.verb or s.tok.dep_ in ("amod", "compound", "nmod"))


# Which token opens a claim, and how it is read. The first three exclude each other; a reporting form
# the tagger took for something else, or a verb that made no claim, is then read on the surface.
CUE = Table("claims.cue", runner="claims", subject="a token of a parsed sentence (_Cue)", rules=(
    Rule("cue/according-to", lambda s: s.low == "according", lambda s: _according_claim(s.ctx, s.tok, s.trace),
         examples=("According to the fire brigade, the blaze started in a restaurant kitchen.",)),
    Rule("cue/reportedly", lambda s: s.low in ("reportedly", "allegedly") and s.tok.dep_ == "advmod",
         lambda s: _reportedly_claim(s.ctx, s.tok),
         examples=("The striking dockers reportedly rejected the latest pay offer on Sunday.",),
         why="hearsay: the speaker is the report just before, if any"),
    Rule("cue/reporting-verb", _reporting_verb, lambda s: _verb_claim(s.ctx, s.tok, s.trace),
         examples=("The mayor said the floodwaters were finally receding.",)),
    Rule("cue/missed-verb", _missed_verb, lambda s: _surface_claim(s.ctx, s.tok, s.trace),
         examples=("Chile's electoral service announces, in a statement, that turnout reached 61 percent.",),
         why="speaker on its left, content to the sentence end"),
))

# Every token a cue rule can hold on, and some more: tried on every token first, since most are no cue.
_CUE_WORDS = frozenset(FORM_TO_LEMMA) | {"according", "reportedly", "allegedly"}


def _dependency_claims(ctx: _Ctx) -> list[_Raw]:
    out: list[_Raw] = []
    for sent in ctx.sents:
        if not nlp.is_parsed(sent):
            continue
        for tok in sent:
            # the word test first: it rules out most tokens (the tests are pure, so their order is free)
            if tok.lower_ not in _CUE_WORDS and not (tok.pos_ in ("VERB", "AUX") and tok.lemma_.lower() in CUE_LEMMAS):
                continue
            if tok.i in ctx.used_cues or ctx.in_closed_quote(tok.idx):
                continue
            s = _Cue(ctx, tok)
            if not any(rule.when(s) for rule in CUE):
                continue
            s.trace = new_trace("claim", tok.text, tok.idx, tok.idx + len(tok.text))
            raw = CUE.first_value(s, s.trace)
            if raw is not None:
                raw.trace = s.trace
                ctx.used_cues.add(tok.i)
                out.append(_settle_mode(ctx, raw))
            else:
                _drop(s.trace)
    return out


# Forms of reporting verbs read on the surface when the tagger calls them a noun or an adjective ("The
# State of Qatar announces, …", "Biden, after arriving, backed Israel's account"): never nouns.
SURFACE_CUE_FORMS = {f for f, lemma in FORM_TO_LEMMA.items()
                     if lemma not in STANCE_VERBS | DATA_VERBS | {"quote", "cite", "post", "continue"}
                     and f not in NOUN_LIKE_FORMS and not f.endswith("ing") and f != lemma}
_NOT_BEFORE_VERB = {"-", "the", "a", "an", "this", "that", "these", "those", "his", "her", "its", "their",
                    "by", "of", "to", "in", "on", "at", "for", "with", "newly", "self"}


class _Surface:
    """What the surface rules look at: a reporting form the tagger missed, and the words around it."""

    def __init__(self, ctx: _Ctx, tok: Token):
        self.ctx = ctx
        self.tok = tok
        doc = ctx.doc
        self.lemma = FORM_TO_LEMMA[tok.lower_]
        self.sentence = ctx.sent_bounds(tok.idx)
        self.prev = doc[tok.i - 1] if tok.i else None
        self.next = doc[tok.i + 1] if tok.i + 1 < len(doc) else None

    @lazy
    def speaker(self) -> Optional[tuple[int, int]]:
        return _surface_subject(self.ctx, self.tok)

    @lazy
    def content(self) -> tuple[int, int]:
        return _clean_content(self.ctx.text, self.tok.idx + len(self.tok.text), self.sentence[1])


def _not_after_a_name(s: _Surface) -> bool:
    """"758 pledged delegates", "the declared war": a modifier, not a verb after its subject."""
    prev = s.prev
    return prev is None or prev.lower_ in _NOT_BEFORE_VERB or (
        prev.text != "," and prev.pos_ not in ("PROPN", "NOUN", "PRON") and prev.text != ")")


def _object_no_statement(s: _Surface) -> bool:
    if s.lemma not in PROPOSITION_OBJECT_VERBS:
        return False
    following = {t.lower_ for t in s.ctx.doc[s.tok.i + 1:s.tok.i + 5]}
    return not following & PROPOSITION_NOUNS and not s.ctx.quotes_overlapping(*s.content)


# A reporting form the tagger took for a noun or a modifier, read on the surface: speaker on its left,
# content to the sentence end. Vetoes first.
SURFACE = Table("claims.surface", runner="claims", subject="a missed reporting form (_Surface)", rules=(
    Rule("veto/comparison", lambda s: _in_comparison(s.tok), None,
         examples=("The toll was higher than reported figures suggested.",),
         counter_examples=("Tarnow Mayor Warns Floods Will Worsen",)),
    Rule("veto/not-after-a-name", _not_after_a_name, None,
         examples=("The 758 pledged delegates met on Monday.",
                   "The newly declared state of emergency, Ruiz said, will last a month."),
         counter_examples=("Chile's electoral service announces, in a statement, that turnout reached 61 percent.",)),
    Rule("veto/passive-or-last-word",
         lambda s: s.next is None or s.next.lower_ in ("by", "-") or s.next.idx >= s.sentence[1], None,
         examples=("Tarnow Mayor Warns - Live",),
         counter_examples=("Tarnow Mayor Warns Floods Will Worsen",)),
    Rule("veto/no-speaker-before", lambda s: s.speaker is None, None,
         examples=("On Monday Tarnow Warns Of Floods",),
         counter_examples=("Tarnow Mayor Warns Of Floods",)),
    Rule("veto/no-content", lambda s: s.content[1] <= s.content[0], None,
         examples=("Tarnow Mayor Confirms.",),
         counter_examples=("Tarnow Mayor Confirms Bridge Closure",)),
    Rule("veto/object-is-no-statement", _object_no_statement, None,
         examples=("Tarnow Council Endorses New Dam",),
         counter_examples=("Tarnow Council Endorses Report That Dam Is Safe",)),
    Rule("claim/surface-verb", lambda s: True,
         lambda s: _Raw(_sentence_cover(s.ctx, s.tok.idx, *s.content), s.content, "reported",
                        (s.tok.idx, s.tok.idx + len(s.tok.text)), speaker_chars=s.speaker),
         examples=("Chile's electoral service announces, in a statement, that turnout reached 61 percent.",
                   "Tarnow Mayor Warns Floods Will Worsen")),
))


def _surface_claim(ctx: _Ctx, tok: Token, trace: Optional[Trace] = None) -> Optional[_Raw]:
    """A reporting verb the tagger missed: speaker on its left, content to the sentence end."""
    return SURFACE.decide(_Surface(ctx, tok), trace)


def _settle_mode(ctx: _Ctx, raw: _Raw) -> _Raw:
    """Reported content that is one whole quotation is direct; with quoted words, mixed."""
    start, end = raw.content
    holder = ctx.quote_holding(start, end)
    if holder is not None and holder.inner_end > holder.inner_start \
            and ctx.text[holder.inner_start].isupper() and not holder.used:
        holder.used = True
        raw.content = _direct_content(ctx.text, holder)
        raw.mode = "direct"
        raw.span = (min(raw.span[0], holder.start), max(raw.span[1], holder.end))
        return raw
    overlapping = ctx.quotes_overlapping(start, end)
    if overlapping:
        for q in overlapping:
            q.used = True
        # complete quotations cut by the parse ("as “a grave error”" lost its opening mark)
        start = min([start] + [q.start for q in overlapping if q.start >= start - 2])
        end = max([end] + [q.end for q in overlapping if q.end <= end + 2])
        _, cue_sent_end = ctx.sent_bounds((raw.cue or raw.content)[0])
        for q in overlapping:        # a quotation opened inside the content runs to its close
            if start <= q.start < end < q.end:
                end = q.end if q.close is not None else max(end, min(q.end, cue_sent_end))
        unclosed_end = max((q.end for q in overlapping if q.close is None and start <= q.start
                            and end >= q.end), default=None)
        start, end = _clean_content(ctx.text, start, end)
        if unclosed_end is not None:  # never closed: its final stop is inside the quotation
            end = max(end, _trim(ctx.text, start, unclosed_end)[1])
        raw.content = (start, end)
        raw.mode = "mixed"
        raw.span = (min(raw.span[0], start), max(raw.span[1], end))
    return raw
