"""The day a figure counts up to: a time expression governing it, a dateline, a dated statement of its source."""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Optional

from .. import nlp
from ...records import TimeExpr
from .lexicon import (
    ATTACK_NOUNS, DECISION_VERBS, ESTIMATE_NOUNS, GATHERINGS, LEVEL_VERBS, SPEECH_VERBS, TOLL_SET_VERBS,
    WAR_START_NOUNS,
)
from ..datelines import opening_datelines
from ..timex.tense import opens_a_timeline_entry
from ..lexicon.calendar import MONTHS, WEEKDAYS
from ..lexicon.reporting import DOCUMENT_NOUNS
from .parse import _clause_verb, _in_sent, _is_verbal, _lem, _xcomp_chain
from .candidate import _Cand
from .source import _clean_source, _is_anaphor, _speaker_np
from .scope import _clause_tokens, _future


# --- times -------------------------------------------------------------------------------------


@dataclass
class _Time:
    start: int
    end: int
    date: Optional[dt.date]
    weekday: bool = False
    since: bool = False


def _resolve_weekday(name: str, doc_date: dt.date, future: bool) -> dt.date:
    target = WEEKDAYS[name.lower()]
    delta = (doc_date.weekday() - target) % 7
    if future and delta:
        return doc_date + dt.timedelta(days=(target - doc_date.weekday()) % 7)
    return doc_date - dt.timedelta(days=delta)


def _safe_date(year: int, month: int, day: int) -> Optional[dt.date]:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _sentence_times(sent, times: list[TimeExpr], doc_date) -> list[_Time]:
    given = []
    for t in times:
        if t.span.start >= sent.start_char and t.span.end <= sent.end_char and t.type in ("DATE", "TIME") and t.date:
            wd = bool(re.search(r"(?:mon|tues|wednes|thurs|fri|satur|sun)day", t.text, re.I)) and \
                not re.search(r"\d", t.text)
            given.append(_Time(t.span.start, t.span.end, t.date, wd, t.since))
    return given


_OPENING = 600          # characters of an article its wire dateline may open after (a headline, a byline)


def _dateline_date(text: str, doc_date: dt.date) -> Optional[dt.date]:
    """"Jerusalem, Oct 9: ..." opening a wire story (at the top, or after its headline and byline) dates what
    it reports (``analyze.datelines``)."""
    line = next((d for d in opening_datelines(text, _OPENING) if d.date), None)
    m = _DAY.fullmatch(line.date.strip()) if line is not None else None
    if not m:
        return None
    month = MONTHS.get((m.group("mon") or m.group("mon2")).lower().rstrip("."))
    day = int(m.group("day") or m.group("day2"))
    d = _safe_date(int(m.group("year") or doc_date.year), month, day) if month else None
    if d is None or d > doc_date or (doc_date - d).days > 7:
        return None
    return d


# "Situation as of 9 October 2025, 18:00", "Data as at 18 June": a report's line that dates all it counts
# "As of 9 April 2025, 08:00", "Update as of 22 January", "Situation Report No. 5 (as of 6 November 2025)"
_AS_OF_LINE = re.compile(r"(?im)^[ \t]*(?:(?:[A-Za-z]+[ \t]+){0,3}as[ \t]+(?:of|at)[ \t]+(?P<rest>[^\n]{3,60})|"
                         r"[^\n(]{0,60}\([ \t]*as[ \t]+(?:of|at)[ \t]+(?P<inner>[^)\n]{3,40})\))[ \t]*$")


def _as_of_line_date(text: str, doc_date: dt.date, times: list[TimeExpr]) -> Optional[dt.date]:
    """The day an "as of" line near the top of a report (a situation report, a fact box) names: what the report
    counts stands as of then, unless a figure's own words date it otherwise."""
    m = _AS_OF_LINE.search(text[:_OPENING])
    if m is None:
        return None
    part = "rest" if m.group("rest") is not None else "inner"
    for t in times:
        if m.start(part) <= t.span.start < m.end(part) and t.type in ("DATE", "TIME") and t.date and \
                t.date <= doc_date and (doc_date - t.date).days <= 14:
            return t.date
    return None


_DAY = re.compile(r"(?:(?P<mon>[A-Za-z]{3,9})\.?\s*(?P<day>\d{1,2})(?:st|nd|rd|th)?"
                  r"|(?P<day2>\d{1,2})(?:st|nd|rd|th)?\s+(?P<mon2>[A-Za-z]{3,9}))"
                  r"(?:,\s*(?P<year>\d{4}))?")


def _time_attachment(sent, t: _Time):
    """(verb the time expression modifies, whether it hangs off a "before X" event noun)."""
    span = sent.doc.char_span(t.start, t.end, alignment_mode="expand")
    if span is None or not len(span):
        return None, False
    speaker = _said_on_the_day(sent, span)
    if speaker is not None:
        return speaker, False
    if opens_a_timeline_entry(nlp.doc_text(sent.doc), t.start, t.end) and _is_verbal(sent.root):
        return sent.root, False                 # "April 30 - A missile attack kills ...": the entry's day
    cur = span.root
    through_noun = False
    for _ in range(12):
        h = cur.head
        if h.i == cur.i or not _in_sent(h, sent):
            return (cur if _is_verbal(cur) else None), through_noun
        if _is_verbal(h) and cur.dep_ not in ("amod",):
            return h, through_noun
        if h.pos_ in ("NOUN", "PROPN") and h.i not in {x.i for x in span} and \
                cur.dep_ in ("poss", "compound", "nmod", "amod", "npadvmod") and \
                not re.search(r"day|night|morning|evening|eve|noon|afternoon", h.lower_):
            # "Tuesday's blast", "the Oct. 7 attack": only "before X" keeps such a time
            p = h.head
            said_in = [ch for ch in h.children if ch.dep_ in ("relcl", "acl") and _is_verbal(ch)]
            if _lem(h) in DOCUMENT_NOUNS and said_in:
                # "an Oct. 3 news release in which officials reported 72": the day of the document
                return said_in[0], through_noun
            if h.dep_ == "pobj" and p.lower_ in ("before", "prior", "until", "ahead"):
                through_noun = True
            else:
                return None, False
        cur = h
    return None, False


def _said_on_the_day(sent, span):
    """"Officials said Tuesday 1,200 people had died", "said on Friday that ...": a day written right after a
    reporting verb dates the saying, whatever the parser hung it on; a possessive ("said Tuesday's blast killed 12")
    dates the noun it owns instead."""
    doc = sent.doc
    i = span.start - 1
    if i >= sent.start and doc[i].lower_ == "on":
        i -= 1
    nxt = doc[span.end] if span.end < sent.end else None
    if i < sent.start or (nxt is not None and nxt.tag_ == "POS"):
        return None
    verb = doc[i]
    if _lem(verb) in SPEECH_VERBS and _is_verbal(verb) and verb.tag_ in ("VBD", "VBZ", "VBP", "VBN"):
        return verb
    return None


def _dates_an_attack(sent, t: _Time) -> bool:
    """"In the militia's raid on March 3, ... took 250 people captive": a time in a phrase of an attack or war noun
    dates that event, not a running count told of it."""
    span = sent.doc.char_span(t.start, t.end, alignment_mode="expand")
    if span is None or not len(span):
        return False
    cur = span.root
    for _ in range(4):
        h = cur.head
        if h.i == cur.i or not _in_sent(h, sent) or _is_verbal(h):
            return False
        if h.pos_ == "NOUN" and _lem(h) in ATTACK_NOUNS | WAR_START_NOUNS and cur.dep_ == "prep":
            return True
        cur = h
    return False


# --- as_of --------------------------------------------------------------------------------------

def _governing_verbs(c: _Cand):
    """(event verbs, reporting verbs) whose time expressions date this figure (read once per figure: both
    its event day and its as-of ask)."""
    if c.governing is None:
        c.governing = _read_governing_verbs(c)
    event, report = c.governing
    return set(event), set(report)


def _read_governing_verbs(c: _Cand):
    sent = c.sent
    event, report = set(), set()
    verb0 = _clause_verb(c.np, sent)
    if verb0 is None:
        for ch in c.np.children:
            if ch.dep_ in ("acl", "relcl"):
                event.add(ch.i)
        return event, report
    for v in _xcomp_chain(verb0):
        event.add(v.i)
        for ch in v.children:                    # "killed when warplanes bombed ... on Saturday"
            if ch.dep_ == "advcl" and any(m.dep_ in ("mark", "advmod") and m.lower_ == "when" for m in ch.children):
                event.add(ch.i)
    if verb0.dep_ in ("advcl", "xcomp", "conj") and verb0.tag_ == "VBG" and _is_verbal(verb0.head):
        event.add(verb0.head.i)                  # "airstrikes hit a school on Saturday, killing 15"
    for ch in c.np.children:
        if ch.dep_ in ("acl", "relcl"):
            event.add(ch.i)
    # the event's own attack noun: "died in the attack which hit the camp on Christmas Day"
    for t in verb0.subtree:
        if _lem(t) in ATTACK_NOUNS and t.pos_ == "NOUN":
            for ch in t.children:
                if ch.dep_ in ("relcl", "acl"):
                    event.add(ch.i)
    if _lem(verb0) in SPEECH_VERBS | LEVEL_VERBS | TOLL_SET_VERBS:
        report.add(verb0.i)
    cur = verb0
    while cur.dep_ in ("ccomp", "conj", "xcomp", "advcl", "parataxis", "pcomp", "dobj") and cur.head.i != cur.i \
            and _in_sent(cur.head, sent):
        cur = cur.head
        if _lem(cur) in SPEECH_VERBS | DECISION_VERBS or cur.dep_ == "ROOT":
            report.add(cur.i)
            for v in _xcomp_chain(cur):
                if _lem(v) in SPEECH_VERBS:
                    report.add(v.i)
    for t in sent:
        if t.dep_ in ("parataxis", "ROOT") and _lem(t) in SPEECH_VERBS and t.i > c.root.i:
            report.add(t.i)
    return event, report


def _attack_on_the_verb(sent, t: _Time):
    """The verb whose 'in <attack>' phrase the time dates ("23 people were killed in shelling Sunday",
    "died in Wednesday's clashes"): that attack is the killing's own event, so is its day."""
    span = sent.doc.char_span(t.start, t.end, alignment_mode="expand")
    if span is None or not len(span):
        return None
    noun = span.root.head
    if span.root.dep_ not in ("npadvmod", "poss", "compound", "nmod", "dobj"):
        return None
    prep = noun.head
    if noun.dep_ not in ("pobj", "pcomp") or not _is_verbal(prep.head) or not _in_sent(prep.head, sent):
        return None
    if _lem(noun) in ATTACK_NOUNS | {"fighting", "fight", "violence", "confrontation", "unrest", "crackdown", "protest",
                                     "demonstration", "shell", "bomb", "clash"} and prep.lower_ in ("in", "during"):
        return prep.head
    # "killed after Friday prayers", "shot during Sunday's funeral": a gathering of one day dates the killing
    if _lem(noun) in GATHERINGS and prep.lower_ in ("after", "during", "at", "following"):
        return prep.head
    return None



def event_day(c: _Cand, sent_times: list[_Time], doc_date: dt.date) -> Optional[dt.date]:
    """The day a time expression on the figure's own event verb names ("were killed on Sunday", "died last
    Friday"): not a reporting verb's day, not a cutoff ("by Monday"), not the day of an attack noun."""
    sent = c.sent
    event, report = _governing_verbs(c)
    for t in sent_times:
        if t.since:
            continue
        verb, through_noun = _time_attachment(sent, t)
        attack_verb = _attack_on_the_verb(sent, t)     # "killed in shelling Sunday", "in Wednesday's clashes"
        if verb is None or verb.i not in event:
            verb = attack_verb or verb
        if verb is None or verb.i not in event or verb.i in report or through_noun:
            continue
        if attack_verb is None and _dates_an_attack(sent, t):
            continue
        text = nlp.doc_text(sent.doc)
        if re.search(r"\b(?:by|as\s+of|as\s+at|until|till|since)\s+(?:the\s+)?$",
                     text[max(sent.start_char, t.start - 10):t.start], re.I):
            continue
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text[t.start:t.end].strip()):
            continue                              # a header's date ("date 2024-03-04"), not narrative
        return past_day(t, text, doc_date)
    return None


def past_day(t: _Time, text: str, doc_date: dt.date) -> Optional[dt.date]:
    """The day a time expression names, a weekday read as the last one up to the article's day."""
    m = re.search(r"(mon|tues|wednes|thurs|fri|satur|sun)day", text[t.start:t.end], re.I)
    return _resolve_weekday(m.group(0), doc_date, False) if t.weekday and m else t.date


def _as_of(c: _Cand, sent_times: list[_Time], default: dt.date, doc_date: dt.date, statements,
           last_incident_date, default_rule: str = "as-of/dateline") -> None:
    c.as_of = default
    sent = c.sent
    event, report = _governing_verbs(c)
    if c.scope == "incident":
        # any verb of the incident's clause dates it ("hit a school sheltering families on Saturday, killing 15")
        event |= {t.i for t in _clause_tokens(c) if _is_verbal(t) and _lem(t) not in SPEECH_VERBS} - report
    future = c.scope == "planned" or _future(c)
    day = None if future else _the_days_toll(c, sent_times, doc_date)
    if day is not None:
        c.as_of, c.as_of_explicit = day[1], True
        c.trace.note("figures.as_of", "as-of/the-days-toll", f"{day[0]!r} -> {day[1]}")
        return
    chosen = None
    chosen_event = False
    for t in sent_times:
        if t.since:
            continue
        verb, through_noun = _time_attachment(sent, t)
        if verb is None or (verb.i not in event and verb.i not in report):
            continue
        # "By October 22, ...", "As of Monday, ...": a cutoff dates the count itself
        just_before = nlp.doc_text(sent.doc)[max(sent.start_char, t.start - 10):t.start]
        through_noun = through_noun or bool(re.search(r"\b(?:by|as\s+of|as\s+at|until|till)\s+(?:the\s+)?$",
                                                      just_before, re.I))
        is_event = verb.i in event and not through_noun
        if c.scope == "superseded" and verb.i not in report:
            continue                              # an old figure reported now: its event dates do not apply
        if c.scope == "cumulative" and is_event and verb.i not in report and _lem(verb) not in LEVEL_VERBS:
            continue                              # "captured 240 hostages on Oct. 7": the event, not the count
        if c.scope == "cumulative" and _dates_an_attack(sent, t):
            continue                              # "in the raid on March 3, ... took 250 captive": likewise
        if chosen is None or (is_event and not chosen_event and c.scope != "cumulative"):
            chosen, chosen_event = t, is_event
    if chosen is not None and c.scope == "incident" and not chosen_event and last_incident_date is not None:
        chosen = None                             # a report date; the incident's own date comes from the story
    if chosen is not None:
        date = _day_of(chosen, sent, doc_date, future)
        # "on Tuesday and Wednesday", "between yesterday and this morning": a count over two days stands as of
        # the later one
        later = _the_span_end(chosen, sent_times, sent)
        said = nlp.doc_text(sent.doc)[chosen.start:chosen.end]
        if later is not None and date is not None:
            end = _day_of(later, sent, doc_date, future)
            if end is not None and date < end <= doc_date:
                date = end
                said = nlp.doc_text(sent.doc)[chosen.start:later.end]
        if date is not None:
            c.as_of = date
            c.as_of_explicit = True
            c.trace.note("figures.as_of", "as-of/" + ("event-time" if chosen_event else "statement-time"),
                         f"{said!r} -> {date}")
            return
    if c.scope == "incident" and last_incident_date is not None:
        c.as_of = last_incident_date
        c.trace.note("figures.as_of", "as-of/incident-told-before", f"{last_incident_date}")
        return
    if c.source and _LATEST_DOCUMENT.search(c.source):
        # "according to the latest UN report": the last dated report the article named before
        date = next((d for src, d in reversed(statements) if src == DOCUMENT), None)
        if date is not None and date <= doc_date:
            c.as_of = date
            c.trace.note("figures.as_of", "as-of/the-latest-report-named-before", f"{c.source!r} -> {date}")
            return
    if c.source:
        for src, date in reversed(statements):
            if _same_source(src, c.source):
                c.as_of = date
                c.trace.note("figures.as_of", "as-of/source-dated-earlier", f"{src!r} on {date}")
                return
    c.trace.note("figures.as_of", default_rule if default != doc_date else "as-of/article-date", f"{default}")


def _the_days_toll(c: _Cand, sent_times: list[_Time], doc_date: dt.date):
    """("Sunday's", day) when the figure is the value of a day's toll ("Sunday's toll rose to 212", "yesterday's
    toll of 30"): the count as of that day, whatever day it is told on; else None."""
    v = c.verb
    if v is None or v.pos_ not in ("NOUN", "PROPN") and not _is_verbal(v):
        return None
    nouns = [v] if _lem(v) in ESTIMATE_NOUNS and c.role == "pobj" else \
        [g for g in v.children if g.dep_ in ("nsubj", "nsubjpass", "dobj") and _lem(g) in ESTIMATE_NOUNS]
    text = nlp.doc_text(c.sent.doc)
    for t in sent_times:
        span = c.sent.doc.char_span(t.start, t.end, alignment_mode="expand")
        if span is None or not len(span) or t.since:
            continue
        root = span.root
        if root.dep_ in ("poss", "compound", "nmod") and any(root.head.i == n.i for n in nouns):
            day = _day_of(t, c.sent, doc_date, False)
            if day is not None and day <= doc_date:
                return text[t.start:t.end], day
    return None


def _day_of(t: _Time, sent, doc_date: dt.date, future: bool) -> Optional[dt.date]:
    """The day a time names, a weekday read as the last one up to the article's day (the next, if future)."""
    date = t.date
    m = re.search(r"(mon|tues|wednes|thurs|fri|satur|sun)day", nlp.doc_text(sent.doc)[t.start:t.end], re.I)
    if t.weekday and m and (date is None or (future and date < doc_date)):
        date = _resolve_weekday(m.group(0), doc_date, future)
    return date


def _the_span_end(t: _Time, sent_times: list[_Time], sent) -> Optional[_Time]:
    """The time that closes a span opened by ``t`` ("Tuesday and Wednesday", "yesterday and this morning",
    "Monday to Thursday"), or None."""
    text = nlp.doc_text(sent.doc)
    for u in sent_times:
        if u.start >= t.end and re.fullmatch(r"\s*(?:,\s*)?(?:and|to|through|till|until|[-–])\s*(?:on\s+)?",
                                             text[t.end:u.start], re.I):
            return u
    return None


def _same_source(a: str, b: str) -> bool:
    wa, wb = _content_words(a), _content_words(b)
    if not wa or not wb:
        return False
    return len(wa & wb) / min(len(wa), len(wb)) >= 0.5


def _content_words(s: str) -> set[str]:
    stop = {"the", "a", "an", "of", "in", "for", "and", "on", "at", "to", "s", "its", "his", "her", "their",
            "statement", "spokesperson", "spokesman", "director", "head", "said", "official", "officials"}
    return {w for w in re.findall(r"[a-z]+", s.lower().replace("’s", "").replace("'s", "")) if w not in stop}


DOCUMENT = "\x00a dated report"          # what dated_reports records in the statements (never a source's name)
_PUBLISHING_VERBS = {"issue", "publish", "release", "post", "circulate"}
_REPORT_NOUNS = {"report", "update", "release", "bulletin", "statement", "publication", "briefing", "assessment"}
_LATEST_DOCUMENT = re.compile(r"\b(?:latest|newest|new|recent|subsequent|updated|last)\b.*\b(?:report|update|release|"
                              r"bulletin|statement|figures|data|assessment)s?\b", re.I)


def dated_reports(sent, sent_times) -> list[tuple[str, dt.date]]:
    """(DOCUMENT, date) for a report this sentence dates: "a subsequent report published on May 8", "its May 8
    update" -- what "the latest report" later in the article refers back to."""
    out = []
    for d in sent:
        if d.pos_ != "NOUN" or _lem(d) not in _REPORT_NOUNS:
            continue
        inside = {t.i for t in d.subtree}
        if d.dep_ == "dobj" and _lem(d.head) in _PUBLISHING_VERBS:
            inside |= {t.i for t in d.head.subtree}           # "issued a bulletin on Monday"
        for t in sent_times:
            span = sent.doc.char_span(t.start, t.end, alignment_mode="expand")
            if t.since or t.date is None or span is None or not len(span):
                continue
            if all(x.i in inside for x in span):
                out.append((DOCUMENT, t.date))
    return out


def _dated_statements(sent, sent_times, doc_date, last_source) -> list[tuple[str, dt.date, bool]]:
    """(speaker, date, refers back) for "X said on Tuesday" / "X said this ... on Tuesday" in this sentence."""
    out = []
    for t in sent_times:
        if t.since:
            continue
        verb, _ = _time_attachment(sent, t)
        if verb is None or _lem(verb) not in SPEECH_VERBS:
            continue
        date = t.date
        m = re.search(r"(mon|tues|wednes|thurs|fri|satur|sun)day", nlp.doc_text(sent.doc)[t.start:t.end], re.I)
        if date is None and t.weekday and m:
            date = _resolve_weekday(m.group(0), doc_date, False)
        if date is None:
            continue
        back = any(g.dep_ == "dobj" and g.lower_ in ("this", "these", "that", "so") for g in verb.children) or \
            not any(g.dep_ in ("ccomp", "dobj", "xcomp") for g in verb.children)
        for g in verb.children:
            if g.dep_ == "nsubj":
                spk = _clean_source(_speaker_np(g))
                if spk and _is_anaphor(spk):
                    spk = last_source
                if spk:
                    out.append((spk, date, back))
    return out
