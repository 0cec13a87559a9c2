"""Finding: each segment scanned by the rules of ``timex.rules``, overlaps settled, clock times merged with
their day; resolving against the article date (``extract_times``). Every expression found carries a trace
(kind ``time``): the rule that found it (and the rule of the day a clock time was merged with), what its
resolution consulted (tense, article date, last point named) and its value."""
from __future__ import annotations

import datetime as dt
import re
from typing import Optional

from ...records import Span, TimeExpr
from .. import nlp
from ..fastre import AnySearch, first_char_lookahead
from ..rules import Match, Table, new_trace
from . import dates, relative, durations, clock  # noqa: F401  (they register their rules, in this order)
from .grammar import TRIGGER
from .calendar import _point_of, _valid_day
from .registry import Hit, _Context, _RULES, _since

# Every rule, in order of precedence (where two matches overlap and are as long, the earlier rule wins).
RULES = Table("timex.rules", _RULES, runner="timex", subject="a match of the rule's pattern in a segment (m, text)")

# --- finding ------------------------------------------------------------------------


def _scanners() -> list[tuple[int, object, Optional[re.Pattern], re.Pattern]]:
    """Per rule, in order: (priority, rule, anchor, pattern), the patterns with the lookahead of
    ``fastre.first_char_lookahead`` (same matches, found sooner) and rules of one anchor sharing it, so that
    it is searched once per segment."""
    anchors: dict[tuple[str, int], re.Pattern] = {}
    out = []
    for priority, r in enumerate(RULES):
        anchor = None
        if r.anchor is not None:
            anchor = anchors.setdefault((r.anchor.pattern, r.anchor.flags), first_char_lookahead(r.anchor))
        out.append((priority, r, anchor, first_char_lookahead(r.pattern)))
    return out


_SCANNERS = _scanners()
_TRIGGERED = AnySearch(TRIGGER)          # bool(TRIGGER.search(text)), sooner


def _scan_segment(text: str, offset: int) -> list[Hit]:
    """All rule matches in one segment, overlaps settled (longest, then rule order)."""
    found: list[Hit] = []
    anchored: dict[re.Pattern, bool] = {}
    for priority, r, anchor, pattern in _SCANNERS:
        if anchor is not None:
            ok = anchored.get(anchor)
            if ok is None:
                ok = anchored[anchor] = anchor.search(text) is not None
            if not ok:
                continue
        for m in pattern.finditer(text):
            if m.end() == m.start():
                continue
            if not _whole_words(text, m.start(), m.end()) or (r.valid is not None and not r.valid(m, text)):
                continue
            start, end = r.extent(m, text) if r.extent else (m.start(), m.end())
            start, end = _trim(text, start, end)
            found.append(Hit(offset + start, offset + end, r, m, priority))
    found.sort(key=lambda h: (-(h.end - h.start), h.priority, h.start))
    chosen: list[Hit] = []
    for h in found:
        if all(h.end <= c.start or h.start >= c.end for c in chosen):
            chosen.append(h)
    chosen.sort(key=lambda h: h.start)
    return _merge_clock_days(chosen, text, offset)


def _whole_words(text: str, start: int, end: int) -> bool:
    """No match may begin or end inside a word ("headquarters", "someone")."""
    if start > 0 and text[start - 1].isalnum() and text[start].isalnum():
        return False
    return not (end < len(text) and text[end].isalnum() and text[end - 1].isalnum())


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while end > start and text[end - 1] in " \t\n,-":
        end -= 1
    while start < end and text[start].isspace():
        start += 1
    return start, end


_GLUE = re.compile(r"\s*(?:[,(]|on\s)?\s*")          # "10 p.m. Wednesday", "6 p.m. on the 3rd"
_DATE_RULES = {"iso", "numeric", "numeric-short", "month-day", "day-month"}


def _merge_clock_days(hits: list[Hit], text: str, offset: int) -> list[Hit]:
    """"10 p.m. Wednesday", "Nov. 6, 5 p.m.": one TIME expression."""
    out: list[Hit] = []
    i = 0
    while i < len(hits):
        h = hits[i]
        nxt = hits[i + 1] if i + 1 < len(hits) else None
        glue = text[h.end - offset:nxt.start - offset] if nxt is not None else ""
        if nxt is not None and h.rule.name == "weekday" and nxt.rule.name in _DATE_RULES and _GLUE.fullmatch(glue):
            h.day = nxt                    # "Friday, Nov. 24": two expressions, one day
        if nxt is not None and {h.rule.kind, nxt.rule.kind} == {"clock", "day"} and _GLUE.fullmatch(glue):
            clock, day = (h, nxt) if h.rule.kind == "clock" else (nxt, h)
            out.append(Hit(h.start, nxt.end, clock.rule, clock.match, clock.priority, day=day))
            i += 2
            continue
        out.append(h)
        i += 1
    return out


def extract_times(doc, doc_id: str, doc_date: dt.date) -> list[TimeExpr]:
    """Every temporal expression of ``doc`` (a spaCy Doc from ``nlp.parse``), resolved
    against ``doc_date`` (the article's date), in text order."""
    text = nlp.doc_text(doc)
    if isinstance(doc_date, dt.datetime):
        doc_date = doc_date.date()
    ctx = _Context(doc, doc_date or dt.date.today())
    out: list[TimeExpr] = []
    for seg_start, seg_end in nlp.segment(text):
        seg = text[seg_start:seg_end]
        if not _TRIGGERED(seg):          # every rule needs a word or digit TRIGGER matches
            continue
        ctx.seg_text, ctx.seg_start = seg, seg_start
        for hit in _scan_segment(seg, seg_start):
            trace = new_trace("time", text[hit.start:hit.end], hit.start, hit.end)
            trace.fire(Match(RULES.name, hit.rule.name, hit.rule.kind), hit.match.group(0))
            if hit.day is not None:
                trace.note(RULES.name, hit.day.rule.name, "its day", decided=False)
            ctx.start(trace)
            try:
                res = hit.rule.resolve(hit.match, ctx, hit)
            except (ValueError, OverflowError):     # off the calendar ("125,000 years ago")
                res = None
            _note_consulted(ctx, trace)
            ctx.start(None)
            if res is None:
                trace.outcome = "dropped: no value"
                continue
            if res.anchors:
                point = _point_of(res.value) if res.type == "DATE" else None
                if point is None and res.date is not None:
                    point = ("day", res.date)
                if point is not None:
                    ctx.ref, ctx.ref_at = point, hit.start
                    trace.note("timex.anchor", "sets-reference", f"{point[0]} {point[1].isoformat()}", decided=False)
            day = res.date if res.date is not None else _day_of(res.value)
            since = _since(ctx, hit)
            trace.outcome = f"kept: {res.type} {res.value}" + (" (since: a running period's start)" if since else "")
            out.append(TimeExpr(span=Span(doc_id, hit.start, hit.end), text=text[hit.start:hit.end],
                                type=res.type, value=res.value, date=day,
                                since=since))
    return out


def _note_consulted(ctx: _Context, trace) -> None:
    """What the resolver counted from: the article date, the last point named before the expression."""
    consulted = ctx.consulted
    if "article-date" in consulted:
        trace.note("timex.anchor", "article-date", ctx._dct.isoformat(), decided=False)
    if "last-named" in consulted:
        gran, day = ctx._ref
        where = f", named at {ctx.ref_at}" if ctx.ref_at >= 0 else " (none named yet: the article date)"
        trace.note("timex.anchor", "last-named", f"{gran} {day.isoformat()}{where}", decided=False)


def _day_of(value: str) -> Optional[dt.date]:
    """The day a TIMEX3 value names, when it names one ("2023-11-01T22:00" too)."""
    m = re.match(r"(\d{4})-(\d\d)-(\d\d)(?![\d-])", value)
    if m and _valid_day(int(m[1]), int(m[2]), int(m[3])):
        return dt.date(int(m[1]), int(m[2]), int(m[3]))
    return None
