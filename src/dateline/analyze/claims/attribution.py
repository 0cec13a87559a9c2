"""Direct quotations with an adjacent attribution (pass 1: "…,” X said", "X said: “…”") and the quoted sentences
that continue them (pass 3)."""
from __future__ import annotations

import re
from typing import Optional

from spacy.tokens import Token

from ..lexicon.reporting import AUDIENCE_NOUNS
from .forms import CUE_LEMMAS, FORM_TO_LEMMA, QUOTE_CUE_LEMMAS
from .quotes import QUOTE_CHARS, Quote
from ..rules import Rule, Table, Trace
from .context import lazy, _Ctx, _Raw, _acronym, _clean_content, _direct_content, _parsed
from .subject import _subject
from .speakers import _NAME_LABELS, _speaker_from_head, _surface_np


# --- pass 1: direct quotations with an adjacent attribution ---------------------------------

_STOP_TOKENS = {".", "!", "?", ";"}


def _cue_lemma(token: Token, for_quote: bool) -> Optional[str]:
    """The reporting lemma of a token, or None (tolerates unparsed tokens)."""
    lemma = token.lemma_.lower() if _parsed(token) else ""
    lexicon = QUOTE_CUE_LEMMAS | {"quote"} if for_quote else CUE_LEMMAS
    if _parsed(token):
        if token.pos_ in ("NOUN", "PROPN", "ADJ", "ADP", "DET", "NUM", "PRON"):
            return None
        if lemma in lexicon:
            return lemma
    form = FORM_TO_LEMMA.get(token.lower_)
    return form if form in lexicon else None


def _window_after(ctx: _Ctx, char: int, limit: int = 16) -> list[Token]:
    """Tokens after ``char`` up to a sentence stop, a new quotation or a line break."""
    tok = ctx.token_at(char)
    if tok is None:
        return []
    i = tok.i if tok.idx >= char else tok.i + 1
    out: list[Token] = []
    doc = ctx.doc
    while i < len(doc) and len(out) < limit:
        t = doc[i]
        if t.text in _STOP_TOKENS or "\n" in t.text or (t.text in QUOTE_CHARS and t.text not in "’'"):
            break
        out.append(t)
        if "\n" in t.whitespace_:
            break
        i += 1
    return out


_STOPS_AFTER_QUOTE = ("and", "but", "or", "then", "while", "as", "because", "which", "who")


class _After:
    """What the attribution rules look at: a word after a quotation that ends in punctuation, in the window up
    to the sentence stop (``n``: its place there)."""

    def __init__(self, ctx: _Ctx, q: Quote, window: list[Token], n: int, trace: Optional[Trace],
                 conjunction: bool, lemma: Optional[str]):
        self.ctx = ctx
        self.q = q
        self.window = window
        self.n = n
        self.tok = window[n]
        self.trace = trace
        self.conjunction = conjunction        # "and", "but", "which" ... (not an acronym: "WHO")
        self.lemma = lemma                    # its reporting lemma, if it is a cue

    @lazy
    def subject(self) -> Optional[Token]:
        return _subject(self.tok, trace=self.trace) if _parsed(self.tok) else None

    @lazy
    def near_subject(self) -> Optional[Token]:
        """The subject, unless it lies beyond the window."""
        subject = self.subject
        return None if subject is not None and subject.i > self.window[-1].i + 1 else subject

    @lazy
    def words_after(self) -> list[Token]:
        """"said Dr. Ann Lee": the words after the cue, up to punctuation or a preposition."""
        after = []
        for t in self.window[self.n + 1:]:
            if (t.is_punct and t.text not in "()") or t.lower_ in ("in", "on", "at", "to", "during", "after"):
                break
            after.append(t)
        return after


def _surface_speaker(s: _After):
    if any(t.is_alpha for t in s.window[:s.n]):
        return s.tok, _surface_np(s.ctx, s.window[0].idx, s.tok.idx), None
    after = s.words_after
    return s.tok, _surface_np(s.ctx, after[0].idx, after[-1].idx + len(after[-1].text)), None


def _other_verb(s: _After) -> bool:
    return s.lemma is None and _a_verb(s.tok)


def _a_verb(tok: Token) -> bool:
    """A verb (not one inside a name)."""
    return _parsed(tok) and tok.pos_ == "VERB" and tok.dep_ not in ("amod", "compound") \
        and tok.ent_type_ not in _NAME_LABELS


# "…,” X said" / "…,” said X": the first word after the quotation that is a cue or stops the search decides.
# Outcome: (cue token, speaker chars, speaker head), or None.
AFTER = Table("claims.quote.attribution", runner="claims", subject="a word after a quotation (_After)", rules=(
    Rule("veto/conjunction-after-quote", lambda s: s.conjunction, None,
         examples=("He shouted “Run,” and the crowd scattered.",),
         counter_examples=("He shouted “Run,” the officer said.",)),
    Rule("veto/other-verb-first", _other_verb, None,
         examples=("“Stop the war,” read a banner held by students.",),
         counter_examples=("“Stop the war,” a student said.",),
         why="another verb before any cue: not an attribution"),
    Rule("attribution/quoted-as-saying", lambda s: s.lemma == "quote",
         lambda s: _quoted_as_saying(s.ctx, s.window[s.n:], s.trace),
         examples=("“We will win,” the paper quoted the coach as saying.",)),
    Rule("veto/participle-after-quote", lambda s: s.tok.tag_ == "VBG" or s.tok.lower_.endswith("ing"), None,
         examples=("The police issued a warning, “Leave now,” urging residents to go.",),
         counter_examples=("“Leave now,” the police urged.",),
         why="'“…,” advising people to …': a new predicate, not a speaker"),
    Rule("veto/clause-begun-before", lambda s: s.subject is not None and s.subject.idx < s.q.start, None,
         examples=("The mayor, who called the bridge “unsafe,” said it would close.",),
         counter_examples=("“The bridge is unsafe,” the mayor said.",),
         why="the verb belongs to a clause begun before the quotation"),
    Rule("veto/verb-has-own-content", lambda s: _parsed(s.tok) and _has_own_content(s.tok), None,
         examples=("“Lessons learned,” the report concluded that the levee had failed.",),
         counter_examples=("“Lessons learned,” the report concluded.",),
         why="'“Title,” X admitted that …': the verb says something else"),
    Rule("speaker/subject-of-cue", lambda s: s.near_subject is not None,
         lambda s: (s.tok, *_speaker_from_head(s.ctx, s.near_subject, s.trace)),
         examples=("“We are tired,” the nurses said.",)),
    Rule("speaker/words-around-cue", lambda s: any(t.is_alpha for t in s.window[:s.n]) or bool(s.words_after),
         _surface_speaker,
         examples=("“We documented 48 deaths,” said the Committee to Protect Journalists, which tracks them.",),
         why="no subject from the parse: the words before the cue, else those after it, read on the surface"),
    Rule("none/cue-alone", lambda s: True, lambda s: (s.tok, None, None),
         examples=("“The corridor is open,” said.",)),
))


def _attribution_after(ctx: _Ctx, q: Quote, trace: Optional[Trace] = None
                       ) -> Optional[tuple[Token, Optional[tuple[int, int]], Optional[Token]]]:
    """("…,” X said" | "…,” said X") → (cue token, speaker chars, speaker head)."""
    if not _closes_utterance(ctx.text, q):
        return None
    window = _window_after(ctx, q.end)
    while window and window[0].is_punct:
        window = window[1:]
    for n, tok in enumerate(window[:9]):
        conjunction = tok.lower_ in _STOPS_AFTER_QUOTE and not _acronym(tok)
        lemma = None if conjunction else _cue_lemma(tok, for_quote=True)
        if lemma is None and not conjunction and not _a_verb(tok):
            continue                  # neither a cue nor a reason to stop: look on
        return AFTER.decide(_After(ctx, q, window, n, trace, conjunction, lemma), trace)
    return None


def _has_own_content(verb: Token) -> bool:
    """A clause or a non-audience object after the verb ("told reporters" has none)."""
    for child in verb.children:
        if child.i < verb.i:
            continue
        if child.dep_ in ("ccomp", "xcomp") and child.ent_type_ not in _NAME_LABELS:
            return True               # (not "said the Committee to Protect Journalists")
        if child.dep_ == "dobj" and not (child.ent_type_ in ("ORG", "PERSON", "NORP") or child.pos_ == "PRON"
                                         or child.lemma_.lower() in AUDIENCE_NOUNS):
            return True
    return False


def _closes_utterance(text: str, q: Quote) -> bool:
    """A quotation handed to its speaker ends in punctuation: “…,” / “…?” / ‘…’, / "…" —"""
    inner_end = text[q.inner_start:q.inner_end].rstrip()
    after = text[q.end:q.end + 3].lstrip(" ")
    return bool(inner_end) and (inner_end[-1] in ",.?!…–—-" or after[:1] in (",", "—", "–", "-", ":"))


def _quoted_as_saying(ctx: _Ctx, window: list[Token], trace: Optional[Trace] = None):
    for n, tok in enumerate(window):
        if tok.lower_ == "as" and n + 1 < len(window) and _cue_lemma(window[n + 1], True):
            np = window[1:n]
            speaker = _surface_np(ctx, np[0].idx, np[-1].idx + len(np[-1].text)) if np else None
            head = None
            if np and _parsed(np[0]):
                head = next((t for t in np if t.head.i not in {x.i for x in np}), None)
                if head is not None:
                    speaker, head = _speaker_from_head(ctx, head, trace)
            return window[n + 1], speaker, head
    return None


def _attribution_before(ctx: _Ctx, q: Quote, trace: Optional[Trace] = None
                        ) -> Optional[tuple[Token, Optional[tuple[int, int]], Optional[Token]]]:
    """("X said: “…”" | "X told reporters, “…”") → (cue, speaker chars, speaker head)."""
    if q.open is None:
        return None
    s_start, _ = ctx.sent_bounds(q.open)
    lead = ctx.text[s_start:q.open].rstrip()
    if not lead or lead[-1] not in ":,":
        return None
    tokens = [t for t in ctx.doc.char_span(s_start, q.open, alignment_mode="contract") or []]
    for tok in reversed(tokens):
        if _cue_lemma(tok, for_quote=True) and not ctx.in_closed_quote(tok.idx):
            subject = _subject(tok, trace=trace) if _parsed(tok) else None
            if subject is not None:
                span, head = _speaker_from_head(ctx, subject, trace)
                return tok, span, head
            before = [t for t in tokens if t.i < tok.i]
            span = _surface_np(ctx, before[0].idx, tok.idx) if before else None
            return tok, span, None
    return None


def _opens_sentence(ctx: _Ctx, q: Quote) -> bool:
    s_start, _ = ctx.sent_bounds(q.start)
    lead = ctx.text[s_start:q.start]
    para = ctx.text.rfind("\n", 0, q.start) + 1
    lead_in_para = ctx.text[max(para, s_start):q.start]
    return not re.search(r"\w", lead) or not re.search(r"\w", lead_in_para)


def _cue_chars(tok: Token) -> tuple[int, int]:
    """The reporting expression as written: progressive or passive auxiliaries and the
    particle of "call for" / "call on" are part of it; perfect "has" is not."""
    doc = tok.doc
    start, end = tok.i, tok.i + 1
    if _parsed(tok):
        auxes = [c for c in tok.children if c.i == start - 1 and (
            c.dep_ == "auxpass" or (c.dep_ == "aux" and tok.tag_ == "VBG" and c.lemma_ == "be"))]
        if auxes:
            start -= 1
        if tok.lemma_ == "call" and end < len(doc) and doc[end].lower_ in ("for", "on", "upon") \
                and doc[end].head.i == tok.i:
            end += 1
    return doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text)


class _Quoted:
    """What the quotation rules look at: a quotation and the attribution written next to it, if any."""

    def __init__(self, ctx: _Ctx, q: Quote, trace: Optional[Trace]):
        self.ctx = ctx
        self.q = q
        self.trace = trace

    @lazy
    def opens(self) -> bool:
        return _opens_sentence(self.ctx, self.q)

    @lazy
    def after(self):
        """(cue, speaker chars, speaker head) of "…,” X said" / "…,” said X", or None."""
        return _attribution_after(self.ctx, self.q, self.trace) if self.q.close is not None else None

    @lazy
    def found(self):
        """The attribution after the quotation, else (when it opens its sentence) the one before it."""
        if self.after is None and self.opens:
            return _attribution_before(self.ctx, self.q, self.trace)
        return self.after


# A quotation with an attribution next to it (pass 1). Vetoes first; then its mode.
QUOTE = Table("claims.quote", runner="claims", subject="a quotation (_Quoted)", rules=(
    Rule("veto/no-attribution", lambda s: s.found is None or s.found[0].i in s.ctx.used_cues,
         examples=("The so-called “green corridor” opened on Monday.",),
         counter_examples=("“The corridor is open,” the mayor said.",),
         why="no reporting verb next to it, or only one that attributes an earlier quotation (pass 2 may still "
             "read it as part of a claim)"),
    Rule("veto/earlier-quote-in-sentence",
         lambda s: s.after is not None and not s.opens and _quote_earlier_in_sentence(s.ctx, s.q),
         examples=("It had “no choice” and “no money left,” the farmer said.",),
         counter_examples=("It had “no money left,” the farmer said.",),
         why="'“A,” she said, but “B,” …': left to the parse"),
    Rule("direct/whole-quotation", lambda s: s.after is None or s.opens, "direct",
         examples=("“The corridor is open,” the mayor said.",),
         why="the quotation opens its sentence, or its attribution comes before it"),
    Rule("mixed/quote-ends-sentence", lambda s: True, "mixed",
         examples=("The corridor is now “a lifeline for the valley,” the mayor said.",),
         why="quoted words finish a sentence that began outside them"),
))


def _direct_claims(ctx: _Ctx) -> list[_Raw]:
    out: list[_Raw] = []
    for q in ctx.quotes:
        if q.used or q.inner_end <= q.inner_start:
            continue
        trace = ctx.quote_trace(q)
        s = _Quoted(ctx, q, trace)
        mode = QUOTE.decide(s, trace)
        if mode is None:
            continue
        cue, speaker_chars, speaker_head = s.found
        ctx.used_cues.add(cue.i)
        q.used = True
        _, cue_sent_end = ctx.sent_bounds(cue.idx)
        if mode == "direct":
            content = _direct_content(ctx.text, q)
            span_start = min(q.start, ctx.sent_bounds(cue.idx)[0])
        else:                        # quoted words finish a sentence that began outside them
            s_start, _ = ctx.sent_bounds(q.start)
            content = _clean_content(ctx.text, s_start, q.end)
            span_start = s_start
        span_end = max(cue_sent_end, q.end)
        out.append(_Raw((span_start, span_end), content, mode, _cue_chars(cue),
                        speaker_head=speaker_head, speaker_chars=speaker_chars, trace=trace))
        out.extend(_split_quote_tail(ctx, q, cue, out[-1]))
    return out


def _quote_earlier_in_sentence(ctx: _Ctx, q: Quote) -> bool:
    s_start, _ = ctx.sent_bounds(q.start)
    return any(s_start <= other.start and other.end <= q.start for other in ctx.quotes)


def _split_quote_tail(ctx: _Ctx, q: Quote, cue: Token, first: _Raw) -> list[_Raw]:
    """“We will win,” he said, “and we will rebuild.” — the second part, same speaker."""
    if q.close is None:
        return []
    _, sent_end = ctx.sent_bounds(cue.idx)
    for nxt in ctx.quotes:
        if nxt.used or nxt.open is None or not (cue.idx < nxt.open < sent_end):
            continue
        between = ctx.text[cue.idx:nxt.open]
        if "." in between or not between.rstrip().endswith((",", ":")):
            return []
        nxt.used = True
        return [_Raw(first.span, _direct_content(ctx.text, nxt), "direct", None, carry=True,
                     trace=ctx.quote_trace(nxt))]
    return []


# --- pass 3: continuation quotes; pass 4: headline dashes -------------------------------------

class _Next:
    """What the continuation rules look at: a quoted sentence and the claim that ends last before it."""

    def __init__(self, ctx: _Ctx, q: Quote, previous: list[_Raw]):
        self.ctx = ctx
        self.q = q
        self.last = max(previous, key=lambda r: r.span[1]) if previous else None

    @lazy
    def gap(self) -> str:
        return self.ctx.text[self.last.span[1]:self.q.start]


# A quoted sentence of its own right after a direct quotation carries its speaker (pass 3).
CONTINUATION = Table("claims.continuation", runner="claims", subject="a quoted sentence (_Next)", rules=(
    Rule("veto/no-claim-before", lambda s: s.last is None,
         examples=("“The corridor is open.”",),
         counter_examples=("“The corridor is open,” the mayor said. “Trucks are moving again.”",)),
    Rule("veto/claim-before-not-direct", lambda s: s.last.mode != "direct",
         examples=("The mayor said the corridor was open. “Trucks are moving again.”",),
         counter_examples=("“The corridor is open,” the mayor said. “Trucks are moving again.”",)),
    Rule("veto/words-between", lambda s: bool(re.search(r"\w", s.gap)),
         examples=("“The corridor is open,” the mayor said. Trucks queued. “They are moving again.”",),
         counter_examples=("“The corridor is open,” the mayor said. “Trucks are moving again.”",)),
    Rule("veto/sentences-between",
         lambda s: s.ctx.sent_index(s.q.start) - s.ctx.sent_index(max(s.last.span[1] - 1, 0)) > 1,
         examples=("“The corridor is open,” the mayor said. ... “Trucks are moving again.”",),
         counter_examples=("“The corridor is open,” the mayor said. “Trucks are moving again.”",)),
    Rule("continuation/next-quoted-sentence", lambda s: True, "continuation",
         examples=("“The corridor is open,” the mayor said. “Trucks are moving again.”",)),
))


def _continuations(ctx: _Ctx, claims: list[_Raw]) -> list[_Raw]:
    out: list[_Raw] = []
    by_end = sorted(claims, key=lambda r: r.span[1])
    for q in ctx.quotes:
        if q.used or q.open is None or not _opens_sentence(ctx, q) or not _ends_sentence(ctx, q):
            continue
        trace = ctx.quote_trace(q)
        previous = [r for r in by_end + out if r.span[1] <= q.start]
        if CONTINUATION.decide(_Next(ctx, q, previous), trace) is None:
            continue
        q.used = True
        _, s_end = ctx.sent_bounds(max(q.end - 1, q.start))
        span = (q.start, max(q.end, s_end))
        out.append(_Raw(span, _direct_content(ctx.text, q), "direct", None, carry=True, trace=trace))
    return out


def _ends_sentence(ctx: _Ctx, q: Quote) -> bool:
    _, s_end = ctx.sent_bounds(max(q.end - 1, q.start))
    tail = ctx.text[q.end:max(s_end, q.end)]
    para_end = ctx.text.find("\n", q.end)
    if para_end != -1:
        tail = tail[:max(para_end - q.end, 0)]
    return not re.search(r"\w", tail)
