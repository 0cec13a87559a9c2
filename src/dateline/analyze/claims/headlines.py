"""Headline attributions (pass 4): "Gaza toll passes 9,000 – health ministry", "… killed: UN chief", "Netanyahu:
'…'"."""
from __future__ import annotations

import re

from ..lexicon import story
from ..datelines import dateline_end
from .forms import FORM_TO_LEMMA
from .quotes import _paragraphs, _trim
from .context import _Ctx, _Raw, _clean_content, _direct_content, _parsed


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
        found = _headline_source(ctx, lo, line)
        if found is None:
            continue
        content, source = found
        content = _clean_content(ctx.text, *content)
        if content[1] <= content[0] or any(s < content[1] and content[0] < e for s, e in taken):
            continue
        cue = _trim(ctx.text, min(content[1], source[1]), max(content[0], source[0]))
        q = ctx.quote_holding(*content)
        mode = "reported"
        if q is not None:
            content, mode = _direct_content(ctx.text, q), "direct"
        out.append(_Raw((lo, hi), content, mode, cue, speaker_chars=source))
    return out


def _headline_source(ctx: _Ctx, lo: int, line: str):
    """(content span, source span) of a headline line that names its source, else None."""
    if line[-1] not in "\"”’'":
        m = _HEADLINE_DASH.match(line)
        if m and len(m.group("source").split()) <= 6:
            source = (lo + m.start("source"), lo + m.end("source"))
            if _names_a_source(ctx, source):
                return (lo + m.start("content"), lo + m.end("content")), source
        m = _HEADLINE_COLON_AFTER.match(line)
        if m and len(m.group("source").split()) <= 5 and m.group("content").count("(") <= m.group("content").count(")"):
            source = (lo + m.start("source"), lo + m.end("source"))
            content = (lo + m.start("content"), lo + m.end("content"))
            if _names_a_source(ctx, source) and (_quoted_whole(ctx, content) or _has_predicate(ctx, content)):
                return content, source
    m = _HEADLINE_COLON_BEFORE.match(line)
    if m and len(m.group("source").split()) <= 4 and dateline_end(ctx.text, lo) is None:
        source = (lo + m.start("source"), lo + m.end("source"))
        content = (lo + m.start("content"), lo + m.end("content"))
        named = any(e.label_ == "PERSON" for e in ctx.ents_within(*source)) \
            or bool(_SOURCE_WORDS.search(ctx.text[source[0]:source[1]]))
        quoted = bool(ctx.quotes_overlapping(*content))
        if _names_a_source(ctx, source) and (quoted or (named and _has_predicate(ctx, content))) \
                and not _SECTION_WORDS & set(ctx.text[source[0]:source[1]].lower().split()):
            return content, source
    return None


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
