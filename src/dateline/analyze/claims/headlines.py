"""Headline attributions (pass 4): "Gaza toll passes 9,000 – health ministry", "… killed: UN chief", "Netanyahu:
'…'"."""
from __future__ import annotations

import re

from ..lexicon import story
from ..datelines import dateline_end
from .forms import FORM_TO_LEMMA
from .quotes import _paragraphs, _trim
from ..rules import Rule, Table, new_trace
from .context import lazy, _Ctx, _drop, _Raw, _clean_content, _direct_content, _parsed


_HEADLINE_DASH = re.compile(r"^(?P<content>.{8,}?)\s+[–—-]\s+(?P<source>[A-Za-z][^\d.:;!?,]{1,60})$")
# Acronyms that name a source after a headline dash: international bodies, then the story's own.
_SOURCE_ACRONYMS = ["UN", "WHO", "OCHA", "UNICEF", "WFP", "ICRC", "MSF"] \
    + sorted(story.words("headline_source_acronyms"))
# A lower-case headline source must name a source ("– health ministry", "- officials").
_SOURCE_WORDS = re.compile(r"\b(?:ministry|official|officials|source|sources|report|reports|media|army|"
                           r"military|police|spokes\w+|minister|agency|witness\w*|group|office|"
                           r"authorit\w+|government|statement|medics|doctors|chief|head|president|"
                           r"envoy|ambassador|(?-i:" + "|".join(_SOURCE_ACRONYMS) + r"))\b", re.I)


_SECTION_WORDS = {"live", "latest", "update", "updates", "news", "analysis", "opinion", "video", "videos",
                  "photos", "explainer", "timeline", "day", "week", "war", "conflict", "crisis", "report"}


def _names_a_source(ctx: _Ctx, span: tuple[int, int]) -> bool:
    """"– health ministry", "– Netanyahu", "- UN agency": not "– live updates" or "– Day 30"."""
    words = ctx.text[span[0]:span[1]]
    if _SOURCE_WORDS.search(words):
        return True
    if any(e.label_ in ("PERSON", "ORG", "NORP", "GPE") for e in ctx.ents_within(*span)):
        return True
    tokens = words.split()
    return len(tokens) <= 4 and all(t[:1].isupper() for t in tokens) \
        and not any(t.lower().strip("’'s") in _SECTION_WORDS for t in tokens)


# "Over 100 aid workers killed: UN chief", "'Gaza is a graveyard': UN chief"
_HEADLINE_COLON_AFTER = re.compile(r"^(?P<content>.{8,}?):\s+(?P<source>[A-Z][^\d.:;!?,\"“”‘’']{1,40})$")
# "Netanyahu: 'No ceasefire without the hostages'"
_HEADLINE_COLON_BEFORE = re.compile(r"^(?P<source>[A-Z][\w'’. -]{1,40}?):\s+(?P<content>.{8,})$")


class _Line:
    """What the headline rules look at: one line (a paragraph without final punctuation) and how the three
    headline patterns match it."""

    def __init__(self, ctx: _Ctx, lo: int, line: str, taken: list[tuple[int, int]]):
        self.ctx = ctx
        self.lo = lo
        self.line = line
        self.taken = taken
        unquoted_end = line[-1] not in "\"”’'"
        self.m_dash = _HEADLINE_DASH.match(line) if unquoted_end else None
        self.m_after = _HEADLINE_COLON_AFTER.match(line) if unquoted_end else None
        self.m_before = _HEADLINE_COLON_BEFORE.match(line)

    def spans(self, m) -> tuple[tuple[int, int], tuple[int, int]]:
        return (self.lo + m.start("content"), self.lo + m.end("content")), \
            (self.lo + m.start("source"), self.lo + m.end("source"))

    @lazy
    def dash(self):
        """"Death toll passes 9,000 – health ministry": (content, source) when the source names one."""
        m = self.m_dash
        if m and len(m.group("source").split()) <= 6:
            content, source = self.spans(m)
            if _names_a_source(self.ctx, source):
                return content, source
        return None

    @lazy
    def colon_after(self):
        """"Over 100 aid workers killed: UN chief": a named source after a colon, a clause or quotation before."""
        m, ctx = self.m_after, self.ctx
        if m and len(m.group("source").split()) <= 5 \
                and m.group("content").count("(") <= m.group("content").count(")"):
            content, source = self.spans(m)
            if _names_a_source(ctx, source) and (_quoted_whole(ctx, content) or _has_predicate(ctx, content)):
                return content, source
        return None

    @lazy
    def colon_before(self):
        """"Netanyahu: 'No ceasefire without the hostages'": a named source before a colon (no dateline), then a
        quotation, or a clause when the source is a person or a source word; not a section ("Live: …")."""
        m, ctx = self.m_before, self.ctx
        if m and len(m.group("source").split()) <= 4 and dateline_end(ctx.text, self.lo) is None:
            content, source = self.spans(m)
            named = any(e.label_ == "PERSON" for e in ctx.ents_within(*source)) \
                or bool(_SOURCE_WORDS.search(ctx.text[source[0]:source[1]]))
            quoted = bool(ctx.quotes_overlapping(*content))
            if _names_a_source(ctx, source) and (quoted or (named and _has_predicate(ctx, content))) \
                    and not _SECTION_WORDS & set(ctx.text[source[0]:source[1]].lower().split()):
                return content, source
        return None

    @lazy
    def found(self):
        """(cleaned content, source) of the first pattern that holds, or None."""
        found = self.dash or self.colon_after or self.colon_before
        if found is None:
            return None
        return _clean_content(self.ctx.text, *found[0]), found[1]


def _overlaps_taken(s: _Line) -> bool:
    (start, end), _ = s.found
    return any(a < end and start < b for a, b in s.taken)


# A headline line that names its source. Vetoes first (on what the first pattern that holds found).
HEADLINE = Table("claims.headline", runner="claims", subject="a headline-like line (_Line)", rules=(
    Rule("veto/empty-content", lambda s: s.found is not None and s.found[0][1] <= s.found[0][0],
         examples=("-------- – health ministry",),
         counter_examples=("Ferry crossings suspended for a week – port authority",)),
    Rule("veto/content-already-claimed", lambda s: s.found is not None and _overlaps_taken(s),
         examples=("Bridge will reopen in May, mayor says – Radio Sur",),
         counter_examples=("Bridge will reopen in May – Radio Sur",),
         why="an earlier pass made a claim of (part of) the line"),
    Rule("headline/source-after-dash", lambda s: s.dash is not None, lambda s: s.found,
         examples=("Ferry crossings suspended for a week – port authority",),
         counter_examples=("Election night in Lisbon – live updates",)),
    Rule("headline/source-after-colon", lambda s: s.colon_after is not None, lambda s: s.found,
         examples=("Three climbers rescued from the glacier: Swiss police",),
         counter_examples=("Three climbers rescued from the glacier: Latest",)),
    Rule("headline/source-before-colon", lambda s: s.colon_before is not None, lambda s: s.found,
         examples=("Mayor Ana Ruiz: “The bridge will reopen in May”",),
         counter_examples=("Live: “The bridge will reopen in May”",)),
))


def _headline_dashes(ctx: _Ctx, claims: list[_Raw]) -> list[_Raw]:
    """"Death toll in Gaza passes 9,000 – health ministry": a headline line with a short source
    after a dash or a colon, or a named source before a colon ("Netanyahu: '…'")."""
    out: list[_Raw] = []
    taken = [r.content for r in claims]
    for lo, hi in _paragraphs(ctx.text):
        lo, hi = _trim(ctx.text, lo, hi)
        line = ctx.text[lo:hi]
        if not line or line[-1] in ".!?" or len(line) > 200:
            continue
        s = _Line(ctx, lo, line, taken)
        if not (s.m_dash or s.m_after or s.m_before):
            continue
        trace = new_trace("claim", line if len(line) <= 60 else line[:59] + "…", lo, hi)
        found = HEADLINE.decide(s, trace)
        if found is None:
            _drop(trace, default="no source named")
            continue
        content, source = found
        cue = _trim(ctx.text, min(content[1], source[1]), max(content[0], source[0]))
        q = ctx.quote_holding(*content)
        mode = "reported"
        if q is not None:
            content, mode = _direct_content(ctx.text, q), "direct"
        out.append(_Raw((lo, hi), content, mode, cue, speaker_chars=source, trace=trace))
    return out


def _quoted_whole(ctx: _Ctx, span: tuple[int, int]) -> bool:
    start, end = _trim(ctx.text, *span)
    q = ctx.quote_holding(start, end)
    return q is not None and q.start <= start + 1 and q.end >= end - 1


def _has_predicate(ctx: _Ctx, span: tuple[int, int]) -> bool:
    """A headline clause ("100 staff killed in Gaza"), not a label ("Israel-Hamas war live")."""
    sub = ctx.doc.char_span(span[0], span[1], alignment_mode="expand")
    if sub is None:
        return False
    if len(sub) and _parsed(sub[0]):
        return any(t.pos_ in ("VERB", "AUX") for t in sub)
    return any(t.lower_ in FORM_TO_LEMMA or re.fullmatch(r"\w+ed", t.lower_) for t in sub)
