"""The day a statement is dated to from the time expressions around it (``anchor_date``)."""
from __future__ import annotations

import datetime as dt
from typing import Optional, Sequence

from ...records import TimeExpr


REPORTING_LEMMAS = {"say", "tell", "report", "announce", "add", "state", "confirm", "claim", "update", "publish",
                    "release", "accord", "according", "note", "declare", "estimate", "show", "quote", "tally", "count"}


def anchor_date(times: Sequence[TimeExpr], start: int, end: int, default: dt.date, doc=None) -> dt.date:
    """The day a statement in characters ``[start, end)`` (a sentence or clause) is dated to.

    Candidates are the expressions of ``times`` inside the range that name one day (``date``
    set), are not the start of a running period ("since October 7") and are not after
    ``default`` (the article date: nothing is reported from the future). The latest
    candidate wins: in "the toll from the Oct. 7 attack rose to 1,200, officials said on
    Friday" the statement is Friday's; in "Before Tuesday's blast, officials said ..." it
    is that Tuesday. ``default`` when there is no candidate.

    With ``doc`` (the parsed spaCy Doc) the parse refines this: a day governed by a
    reporting verb ("said on Sunday", "told reporters Tuesday") wins outright, and a day
    used as an event's name ("Hamas' Oct. 7 attack": a compound/possessive modifier of a
    noun) more than a week before ``default`` is not a candidate.
    """
    cands = [t for t in times
             if t.date is not None and not t.since and start <= t.span.start and t.span.end <= end
             and t.date <= default]
    if doc is not None and cands:
        reported = [t for t in cands if _governing_lemma(doc, t) in REPORTING_LEMMAS]
        if reported:
            return max(t.date for t in reported)
        cands = [t for t in cands if not (_names_event(doc, t) and (default - t.date).days > 7)]
    return max((t.date for t in cands), default=default)


def _timex_root(doc, t: TimeExpr):
    span = doc.char_span(t.span.start, t.span.end, alignment_mode="expand")
    if span is None or not len(span) or not span[0].tag_:
        return None
    return span.root


def _governing_lemma(doc, t: TimeExpr) -> Optional[str]:
    """Lemma of the verb the expression hangs from (through "on", "at", ...)."""
    tok = _timex_root(doc, t)
    for _ in range(4):
        if tok is None or tok.head is tok:
            return None
        tok = tok.head
        if tok.pos_ in ("VERB", "AUX") or tok.lower_ == "according":
            return tok.lemma_.lower()
        if tok.pos_ not in ("ADP",):
            return None
    return None


def _names_event(doc, t: TimeExpr) -> bool:
    root = _timex_root(doc, t)
    return root is not None and root.dep_ in ("compound", "nmod", "amod", "poss") \
        and root.head.pos_ in ("NOUN", "PROPN")
