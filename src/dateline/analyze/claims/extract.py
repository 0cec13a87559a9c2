"""The claims extractor: the four passes over one parsed document, then speaker resolution."""
from __future__ import annotations


from spacy.tokens import Doc

from ...records import Claim, Span
from .context import _Ctx, _drop, _Raw
from .headlines import _headline_dashes
from .resolve import _resolve
from .attribution import _continuations, _direct_claims
from .cues import _dependency_claims


# --- public entry point -------------------------------------------------------------------

def extract_claims(doc: Doc, doc_id: str) -> list[Claim]:
    """Attributed statements of one parsed document, in text order."""
    ctx = _Ctx(doc)
    raws = _direct_claims(ctx)
    raws += _dependency_claims(ctx)
    raws += _continuations(ctx, raws)
    raws += _headline_dashes(ctx, raws)
    raws = _dedupe(raws)
    _resolve(ctx, raws)
    claims = [_to_claim(doc_id, ctx.text, raw) for raw in raws if raw.content[1] > raw.content[0]]
    for raw in raws:
        if raw.trace is not None and not raw.trace.outcome:
            if raw.content[1] > raw.content[0]:
                raw.trace.outcome = f"kept: {raw.mode}"
            else:
                _drop(raw.trace, "empty content")
    for q, trace in ctx.quote_traces.values():
        if q.used and not trace.outcome:
            trace.outcome = "kept: in the content of another claim"
        _drop(trace, default="no one is said to say it")
    return sorted(claims, key=lambda c: (c.span.start, c.content.start))


def _dedupe(raws: list[_Raw]) -> list[_Raw]:
    """One claim per content span (claim ids are built from it); earlier passes win."""
    seen: set[tuple] = set()
    out = []
    for raw in raws:
        key = raw.content
        if key not in seen:
            seen.add(key)
            out.append(raw)
        else:
            _drop(raw.trace, "the same content as an earlier claim")
    return out


def _to_claim(doc_id: str, text: str, raw: _Raw) -> Claim:
    span = Span(doc_id, *raw.span)
    content = Span(doc_id, *raw.content)
    if not span.contains(content):
        span = Span(doc_id, min(span.start, content.start), max(span.end, content.end))
    return Claim(
        span=span,
        content=content,
        mode=raw.mode,
        speaker=raw.speaker,
        speaker_span=Span(doc_id, *raw.speaker_span) if raw.speaker_span else None,
        cue=None if raw.cue is None else text[raw.cue[0]:raw.cue[1]],
        cue_span=Span(doc_id, *raw.cue) if raw.cue else None,
    )
