"""The figures extractor: candidates of each parsed sentence through measure, qualifier, source, scope, as-of
and group, in that order."""
from __future__ import annotations

import datetime as dt
import functools
import re
from typing import Iterable, Optional

from .. import nlp
from ..fastre import AnySearch
from ...records import Claim, Figure, Span, TimeExpr
from ..numbers import TENS, UNITS, find_counts
from ..rules import Rule, Table, new_trace
from .parse import _ancestors, _clause_verb, _is_verbal, _lem, _text_of
from .candidate import _Cand, _counted_phrase, _role_of
from .toll import _toll_noun, _toll_setter
from .cues import CueContext, _hostage_context
from .measure import _resolve_measures
from .skip import _skip_reason
from .qualifier import _qualifier, _share_qualifiers
from .told_before import incident_told_before
from .past_happening import far_below_the_running_toll, past_happenings
from .source import _is_anaphor, _resolve_anaphor, _sentence_speaker, _source, heading_source
from .scope import _clause_tokens, _scope
from .years_before import told_of_an_earlier_year
from .lexicon import ANAPHORS
from .asof import (
    _as_of, _as_of_line_date, _dated_statements, _dateline_date, _same_source, _sentence_times, dated_reports,
    event_day, past_day,
)
from .events import ArticleEvents
from .incident import the_storys_one_happening
from .group import _group
from .revision import revised_around
from .lists import (
    LABEL_LINE as _LABEL_LINE, a_part_of_the_table, fact_line_measure, heading_of, inline_item_at, list_label,
    resolve_lists,
)
from .place import ArticlePlaces, _own_place, inferred, place_of
from ..lexicon.gazetteer import fold, gazetteer


TRIGGER = re.compile(
    r"\d|\b(?:" + "|".join(sorted(list(UNITS) + list(TENS), key=len, reverse=True))
    + r"|hundred|thousand|million|dozen)\b", re.I)
_TRIGGERED = AnySearch(TRIGGER)          # bool(TRIGGER.search(text)), sooner (see fastre.AnySearch)

def _sentence_candidates(doc, sent) -> list[_Cand]:
    out = []
    for num in find_counts(sent.text, sent.start_char):
        trace = new_trace("number", num.text, num.start, num.end)
        span = doc.char_span(num.start, num.end, alignment_mode="expand")
        if span is None or not len(span):
            trace.outcome = "dropped: not on a token"
            continue
        root = span.root
        np = _counted_phrase(root, sent)
        if np is None and inline_item_at(nlp.doc_text(doc), num.start, num.end) is not None:
            np = root                                # "Deaths by province: Punjab 66; Sindh 58": an item's count
        if np is None:
            trace.outcome = "dropped: a label"       # "channel 12", "day 20"
            continue
        rel, role, verb, prep = _role_of(np, root, sent)
        c = _Cand(num=num, root=root, tokens=span, sent=sent, np=np, rel=rel, role=role, verb=verb, prep=prep,
                  trace=trace)
        trace.note("figures.candidate", f"role/{role}",
                   f"counted: {np.text!r}" + (f", verb {verb.text!r}" if verb is not None else ""), decided=False)
        reason = _skip_reason(c)
        if reason:
            trace.outcome = f"dropped: {reason}"
            continue
        out.append(c)
    return out


# --- the extractor -----------------------------------------------------------------------------

def extract_figures(doc, doc_id: str, doc_date: dt.date, times: Iterable[TimeExpr] = (),
                    claims: Iterable[Claim] = (), rules: Optional[dict] = None) -> list[Figure]:
    """Figures in a parsed document (see the module docstring); ``rules``, when given, receives each
    figure's trace (figure id -> lines: the rules that decided it), for ``dateline explain``."""
    if doc is None or not len(doc) or not nlp.doc_text(doc).strip():
        return []
    if isinstance(doc_date, dt.datetime):
        doc_date = doc_date.date()
    doc_date = doc_date or dt.date.today()
    times = list(times or ())
    claims = list(claims or ())
    as_of_line = _as_of_line_date(nlp.doc_text(doc), doc_date, times)
    default_date = as_of_line or _dateline_date(nlp.doc_text(doc), doc_date) or doc_date
    default_rule = "as-of/the-report's-as-of-line" if as_of_line else "as-of/dateline"
    cands: list[_Cand] = []
    statements: list[tuple[str, dt.date]] = []      # (source, date) of dated statements so far
    last_source: Optional[str] = None
    history: list[str] = []                        # explicit sources so far, for anaphors
    prev_text = ""
    prev_cands: list[_Cand] = []
    prev_k = -2                                    # the sentence prev_cands are in
    unmeasured_at = -1                             # where the last count of no measure is
    last_incident_date: Optional[dt.date] = None
    article: Optional[ArticlePlaces] = None        # the article's places, read when a figure needs one
    heading: Optional[tuple] = None                # a heading over labelled lines: (measure, words, source)
    events: Optional[ArticleEvents] = None         # the article's named events, read when a figure needs them
    box: Optional[tuple[str, int]] = None           # a fact box's first named source and where its last line ends
    sents = list(nlp.sentences(doc))
    for k, sent in enumerate(sents):
        parsed = nlp.is_parsed(sent)
        here: list[_Cand] = []
        sent_times = _sentence_times(sent, times, doc_date) if parsed else []
        if parsed and _TRIGGERED(sent.text):
            ctx = CueContext(hostage=_hostage_context(sent, prev_text),
                   hostage_strict=bool(re.search(r"\b(?:hostages?|captives?|captivity|seized|abducted|kidnapped)\b",
                                                    sent.text, re.I)))
            here = _sentence_candidates(doc, sent)
            # "N of them" points back past no count: not past "Seventeen people have been indicted" (a count of
            # no measure) to the dead before it
            _resolve_measures(here, [p for p in prev_cands if p.num.start > unmeasured_at], ctx)
            resolve_lists(here, heading)
            for c in here:
                c.trace.outcome = f"kept: {c.measure}" if c.measure else "dropped: no cue says what it counts"
            unmeasured_at = max([c.num.start for c in here if not c.measure], default=unmeasured_at)
            here = [c for c in here if c.measure]
            if here and events is None:
                events = ArticleEvents(doc)
            for c in here:
                c.events, c.doc_date = events, doc_date
                c.event_day = event_day(c, sent_times, doc_date) if c.measure in ("killed", "wounded") else None
            _describe(here, claims, history, heading)
            _another_of_the_event(here, prev_cands, nlp.doc_text(doc))
            if prev_k == k - 1:
                _those_of_the_event(here, prev_cands, nlp.doc_text(doc))
            _the_rest_of_a_count(here, prev_cands if k - prev_k <= 2 else [], nlp.doc_text(doc))
            if k:
                incident_told_before(here, sents[k - 1], prev_cands)
            past_happenings(here, sent)
            for c in here:
                _as_of(c, sent_times, default_date, doc_date, statements, last_incident_date, default_rule)
                if not c.as_of_explicit and k and c.scope == "incident" and \
                        "figures.scope.told-before:incident/one-happening-told-before" in c.trace.fired:
                    # "Forces shelled the town on Sunday. At least 23 people were killed": that happening's day
                    told = [t.date for t in _sentence_times(sents[k - 1], times, doc_date) if t.date and not t.since]
                    if len(set(told)) == 1 and 0 <= (doc_date - told[0]).days <= 7:
                        c.as_of, c.as_of_explicit = told[0], True
                        c.trace.note("figures.as_of", "as-of/the-happening-told-before", f"{told[0]}")
                if "figures.measure:carried/gapped-conjunct" in c.trace.fired:
                    own = _time_right_after(c, sent_times, doc_date)      # "... and three on Wednesday"
                    if own is not None:
                        c.as_of, c.as_of_explicit = own, True
                        c.trace.note("figures.as_of", "as-of/the-day-right-after-it", f"{own}")
                if c.scope in ("period", "incident") and not c.as_of_explicit and c.event_day is not None:
                    c.as_of, c.as_of_explicit = c.event_day, True     # "killed in shelling Sunday"
                    c.trace.note("figures.as_of", "as-of/the-day-of-its-event", f"{c.event_day}")
                if c.as_of_explicit and (doc_date - c.as_of).days > 365 and c.scope != "other":
                    c.scope = "other"               # "Katrina killed 1,400 people ... on Aug. 25, 2005"
                    c.trace.note("figures.scope", "other/dated-years-before", f"as of {c.as_of}")
                elif c.scope in ("cumulative", "period", "incident") and \
                        (why := told_of_an_earlier_year(c, times, sents[k - 1] if k else None, doc_date)):
                    c.scope = "other"               # "In 2004, ... 30 people were killed"
                    c.trace.note("figures.scope", "other/told-of-an-earlier-year", why)
                if c.scope == "incident" and c.as_of_explicit:
                    last_incident_date = c.as_of
            for c in here:
                # one event's or one day's figures share its day ("18 killed and 33 wounded on Tuesday")
                partner = _scope_partner(c, here)
                if partner is not None and partner.measure != c.measure and c.scope == "cumulative" and \
                        {c.measure, partner.measure} == {"killed", "wounded"} and \
                        partner.scope in ("incident", "period") and \
                        c.trace.decided("figures.scope") == ["figures.scope:cumulative/default"]:
                    # "an attack that left 57 dead and more than 90 wounded": the wounded are the attack's too
                    c.scope = partner.scope
                    c.trace.note("figures.scope", "incident/the-same-event-as", f"{partner.num.text}")
                if partner is not None and c.scope == partner.scope and c.scope in ("period", "incident"):
                    for a, b in ((c, partner), (partner, c)):
                        if not a.as_of_explicit and b.as_of_explicit:
                            a.as_of, a.as_of_explicit = b.as_of, True
                            a.trace.note("figures.as_of", "as-of/same-event-as", f"{b.num.text}: {b.as_of}")
            for c in here:
                lead = c.parent or c.companion or c.listed_after
                if lead is not None:
                    if not c.as_of_explicit:
                        c.as_of = lead.as_of
                        c.trace.note("figures.as_of", "as-of/of-its-total", f"{lead.num.text} -> {lead.as_of}")
                    if c.scope == "cumulative" and lead.scope != "cumulative":
                        c.scope = lead.scope
                        c.trace.note("figures.scope", f"{c.scope}/of-its-total", f"{lead.num.text} is {lead.scope}")
                c.group = _group(c)
                p = next((q for q in reversed(here) if q.num.start < c.num.start and
                          q.parent is None and q.verb is not None and c.verb is not None and
                          c.verb.dep_ == "conj" and c.verb.head.i == q.verb.i), None)
                if c.group is None and p is not None and p.group and c.np.i == c.root.i and p.np.i != p.root.i:
                    # "596 children had been killed and more than 1,800 wounded": the wounded are children too
                    c.group = p.group
                    c.trace.note("figures.group", "group/of-the-gapped-conjunct", f"{p.num.text}: {p.group!r}")
                if c.group is None and c.parent is not None and c.partitive and re.match(
                        r"\s+of\s+(?:them|whom)\s+(?:were\s+|are\s+)?(?:seriously|critically|badly|severely)?\W",
                        nlp.doc_text(doc)[c.num.end:c.num.end + 40]):
                    c.group = c.parent.group          # "410 people were injured, 25 of them critically"
                if c.group:
                    c.trace.note("figures.group", "group/counted-phrase", repr(c.group), decided=False)
            not_sources: set[str] = set()
            for c in here:
                if article is None:
                    article = ArticlePlaces(doc)
                lead = c.parent or c.companion or (c.coord_prev if c.coord_prev is not None and
                                                   c.coord_prev.measure == c.measure else None)
                named = article.named_kind(c.source, c.num.start) if c.source else None
                if named:
                    c.trace.note("figures.source", "source/the-kind-named-before", f"{c.source!r} -> {named!r}")
                    c.source = named                    # "the prefecture" -> "Ishikawa Prefecture"
                c.place = place_of(c, article)
                had = c.source and c.place and fold(c.source) == fold(c.place) and c.verb is not None and \
                    _lem(c.verb) in _HAVING_VERBS and \
                    "figures.place:place/the-place-that-had-them" in c.trace.decided("figures.place")
                if had or (c.source and c.source in not_sources):
                    # "Suzu recorded 99 deaths, with 88 in Wajima": the place that had them did not count them
                    c.trace.note("figures.source", "source/not-the-place-that-had-them", f"{c.source!r} -> none")
                    not_sources.add(c.source)
                    c.source = None
                # a sub-group named by its people ("including 12 Canadians") was where its total was, when the
                # sentence says where ("74 were killed in Lima"): that people is their nationality
                by_people = c.parent is not None and c.parent.place and not inferred(c.parent) and \
                    c.trace.decided("figures.place")[-1:] == ["figures.place:place/people-named-by-country"]
                over = c.parent is not None and not c.parent.place and any(
                    d.startswith("figures.place:place/over-the-places-")
                    for d in c.parent.trace.decided("figures.place"))
                if over and (not _own_place(c) or c.trace.decided("figures.place")[-1:] ==
                             ["figures.place:place/people-named-by-country"]):
                    c.place = None                  # a part of a count over several places is over them too
                    c.trace.note("figures.place", "place/over-the-places-of-its-total", f"{c.parent.num.text}")
                elif lead is not None and lead.place and (not _own_place(c) or by_people):
                    c.place = lead.place
                    c.trace.note("figures.place", "place/of-its-total-or-list", f"{lead.num.text} -> {lead.place}")
                more_of = _more_of_the_count_before(c, prev_cands, nlp.doc_text(doc)) if k - prev_k <= 2 else None
                if more_of is not None:
                    c.place = more_of.place
                    c.trace.note("figures.place", "place/more-of-the-count-before", f"{more_of.num.text} -> {c.place}")
                c.place_within = article.within(c.place) if c.place else None
                c.place_inferred = c.place is not None and inferred(c)
                part = a_part_of_the_table(c)
                share = _a_part_of_the_toll(c) if part is None and c.parent is None else None
                if part is not None:
                    c.breakdown = part              # "Treated and discharged: 4,257" under "Injured: 4,877"
                    c.trace.note("figures.list", "part/a-line-of-the-table", repr(part))
                elif share is not None:
                    c.breakdown = share[1]
                    c.trace.note("figures.breakdown", share[0], repr(share[1]))
                elif c.in_list and c.listed_after is None and \
                        "figures.place:place/the-line's-label" not in c.trace.decided("figures.place") and \
                        "figures.list:list/the-label-names-the-measure" not in c.trace.decided("figures.list"):
                    c.breakdown = list_label(c)         # "Drowning: 20": a part of a total, not a toll
                    c.group = c.group or c.breakdown
                if c.scope == "cumulative" and revised_around(sents, k):
                    c.revised = True
                    c.trace.note("figures.revised", "revised/said-around-it", "a downward revision is spoken of")
            speaker = _sentence_speaker(sent, claims)
            if prev_k == k - 1 and any(c.in_list and c.listed_after is not None for c in here) and \
                    (speaker is None or speaker in not_sources):
                _source_carried_on(here, prev_cands)
            if prev_k == k - 1 and speaker is None and \
                    "\n" not in nlp.doc_text(doc)[prev_cands[-1].num.end:sent.start_char]:
                _paragraph_source(here, prev_cands)
            box = _box_source(here, box, sent, nlp.doc_text(doc))
        # a heading ("the breakdown of deaths by state:") holds over the labelled lines that follow it
        # (a bullet the segmenter left alone, "•", is no line of its own)
        if heading is not None and not _LABEL_LINE.match(sent.text.strip()) and re.search(r"\w", sent.text):
            heading = None
        new_heading = heading_of(sent, CueContext())
        if new_heading is not None:
            heading = new_heading + (heading_source(sent, sents[k - 1] if k else None, claims),)
        # remember this sentence's speakers and dated statements (also for sentences without numbers)
        if parsed:
            statements.extend(dated_reports(sent, sent_times))
            for src, date, back in _dated_statements(sent, sent_times, doc_date, last_source):
                statements.append((src, date))
                if back:
                    for p in prev_cands:
                        if not p.as_of_explicit and p.source and _same_source(src, p.source):
                            p.as_of = date
                            p.trace.note("figures.as_of", "as-of/dated-by-next-sentence", f"{src!r} on {date}")
        spk = _sentence_speaker(sent, claims)
        own = [c.source for c in here if c.source and not _is_anaphor(c.source)]
        for name in own + ([spk] if spk and not _is_anaphor(spk) else []):
            if name in history:
                history.remove(name)
            history.append(name)
        if history:
            last_source = history[-1]
        cands.extend(here)
        if here:
            prev_cands, prev_k = here, k
        prev_text = sent.text
    far_below_the_running_toll(cands)
    figures = _collect(cands, doc_id)
    if rules is not None:
        for c in cands:
            if c.figure is not None:
                rules[c.figure.id] = c.trace.lines()
    return figures


def _describe(here: list[_Cand], claims: list[Claim], history: list[str], heading=None) -> None:
    """Qualifier, source and scope of the figures of one sentence."""
    for c in here:
        c.qualifier = _qualifier(c)
    _share_qualifiers(here)
    for c in here:
        c.source = _source(c, claims)
        body = _body_spoken_for(c, history)
        if body is not None:
            c.trace.note("figures.source", "source/the-body-its-spokesperson-speaks-for", f"{c.source!r} -> {body!r}")
            c.source = body
        if c.source and _is_anaphor(c.source):
            c.source = _resolve_anaphor(c.source, history) or c.source
    for c in here:
        lead = c.parent or c.listed_after
        if lead is not None and c.source is None:
            c.source = lead.source                 # a sub-group or a list item: the whole's source
        elif c.in_list and c.source is None and heading is not None:
            c.source = heading[2]                  # a labelled line: its heading's source
        c.scope = _scope(c)
    for c in here:
        noun = _toll_noun(c)
        if c.scope == "cumulative" and noun is not None and all(ch.dep_ == "det" for ch in noun.children) and \
                not re.search(r"\b(?:since|total|so\s+far|overall|to\s+date|war)\b",
                              _text_of(_clause_tokens(c)).lower()):
            # "the blast killed 471, officials said; US intelligence put the toll at 100 to 300": that event's toll
            same = [p for p in here if p is not c and p.measure == c.measure and p.num.start < c.num.start]
            if same and same[-1].scope == "incident":
                c.scope = "incident"
                c.trace.note("figures.scope", "incident/bare-toll-after-incident", f"after {same[-1].num.text}")
    for c in here:
        if c.scope == "cumulative" and c.events is not None and c.events.happening and the_storys_one_happening(c):
            # its series is that happening's (consolidate.series): not another story's toll in the same place
            c.trace.note("figures.scope", "story/one-happening", c.events.happening, decided=False)
    for c in here:
        if c.scope == "cumulative" and _increment(c, here):
            c.scope = "period"
            # "Two soldiers were killed on Thursday, bringing the toll to 83"
            c.trace.note("figures.scope", "period/increment-to-a-total", "a later figure is the new total")
    for c in here:
        partner = _scope_partner(c, here)
        # one event's or one period's figures: "killed 77 and wounded 108 in the past 24 hours"
        timed = any(r in partner.trace.decided("figures.scope") for r in _TIMED_PERIODS) if partner else False
        shared = ("incident", "period") if partner is c.coord_prev or timed else ("incident",)
        if partner is not None and c.scope == "cumulative" and not c.cum_cue and \
                partner.scope in shared:
            c.scope = partner.scope
            # "The blast left 13 dead and 50 injured"
            c.trace.note("figures.scope", f"{c.scope}/same-event-as", f"{partner.num.text}")
    for c in here:
        partner = _scope_partner(c, here)
        # and back: "suffered 18 killed and 33 wounded on Tuesday", where the day hangs on the second
        if partner is None or partner.scope != "cumulative" or partner.cum_cue or \
                "figures.scope:cumulative/default" not in partner.trace.decided("figures.scope"):
            continue
        timed = any(r in c.trace.decided("figures.scope") for r in _TIMED_PERIODS)
        if c.scope == "period" and (timed or partner is c.coord_prev) or c.scope == "incident" and \
                partner is c.coord_prev:
            partner.scope = c.scope
            partner.trace.note("figures.scope", f"{c.scope}/same-event-as", f"{c.num.text}")


_BULLET_LINE = re.compile(r"[ \t]*[•*–-][ \t]")


def _box_source(here: list[_Cand], box: Optional[tuple[str, int]], sent, text: str) -> Optional[tuple[str, int]]:
    """"KEY FIGURES / • 318 dead (NDRRMC) / • 1,240 injured / • 44 missing": the unattributed lines of a fact box
    (bullet lines with no blank line between) are counted by the source its first attributed line names. Gives
    the box as it stands after this sentence (its source, where its last count is; None once the box ends)."""
    line_start = text.rfind("\n", 0, sent.start_char) + 1
    if not _BULLET_LINE.match(text, line_start):
        return None
    if box is not None and not all(_BULLET_LINE.match(line) for line in text[box[1]:line_start].split("\n")[1:-1]):
        box = None                                  # a blank line or a heading between: another box
    for c in here:
        # (only the box's short lines: "• 1,240 injured", "Missing: 44"; a line that tells its own sentence may
        # cite another)
        if box is not None and not c.source and c.parent is None and (c.in_list or fact_line_measure(c)):
            c.source = box[0]
            c.trace.note("figures.source", "source/the-fact-box's-first-source", repr(box[0]))
    # the box's source: one its line gives in brackets ("• 318 dead (NDRRMC, 6 November)")
    named = next((c.source for c in here if c.source and
                  "figures.source:source/bracketed-at-the-end" in c.trace.decided("figures.source")), None)
    if box is None and named is None:
        return None
    return (box[0] if box is not None else named, max(c.num.end for c in here) if here else line_start)


# "ministry spokesman Ram Tiwari", "Health Ministry spokesperson Ashraf Adel", "police spokeswoman Ana Ruiz": the
# body a named spokesperson speaks for, written before the name; or after it (", a spokesman for the ministry,")
_BODY_BEFORE = re.compile(r"(?P<body>(?:[A-Z][\w'’-]*\s+){0,3}(?:[Mm]inistry|[Aa]gency|[Pp]olice|[Aa]rmy|"
                          r"[Mm]ilitary|[Dd]epartment|[Aa]uthority|[Cc]ouncil|[Oo]ffice|[Ss]ervice|[Cc]ommission))\s+"
                          r"(?:spokes(?:man|woman|person)|official)\s*,?\s*$")
_BODY_AFTER = re.compile(r"^\s*,\s+(?:a|the|its)\s+(?:spokes(?:man|woman|person)|official)\s+(?:for|of|at)\s+"
                         r"(?:the\s+)?(?P<body>[^,;]{0,50}?(?:ministry|agency|police|army|military|department|authority|council|"
                         r"office|service|commission|government|administration)(?:\s+of\s+[^,;]{3,40}?)?)\s*,",
                         re.I)


def _body_spoken_for(c: _Cand, history: list[str]) -> Optional[str]:
    """The body a person who is the figure's source speaks for, named by its title beside the name, said as
    the article names that body ("the ministry" -> "the Ministry of Health", said before); None when the
    source is no person or no title says whom they speak for."""
    ent = next((e for e in c.sent.ents if e.label_ == "PERSON" and e.text == c.source), None) if c.source else None
    if ent is None:
        return None
    text = nlp.doc_text(c.sent.doc)
    m = _BODY_BEFORE.search(text, c.sent.start_char, ent.start_char) or \
        _BODY_AFTER.match(text[ent.end_char:min(c.sent.end_char, ent.end_char + 90)])
    if m is None:
        return None
    body = re.sub(r"^(?:the|its|a)\s+", "", m.group("body"), flags=re.I)
    # a bare "ministry" is the ministry the article named before, if it did
    if all(w.lower() in ANAPHORS for w in body.split()):
        return _resolve_anaphor(body, history)
    return body


# "58 of the victims", "1,100 of the dead", "40 of those injured": a share of a whole the sentence does not count
_OF_THE_DEAD = re.compile(r"\s+of\s+(?:the|those|all\s+the)\s+(?:[a-z-]+\s+)?(?P<whole>dead|victims|deaths|bodies|"
                          r"fatalities|casualties|injured|wounded|killed)\b", re.I)


def _a_share_of_the_dead(c: _Cand) -> Optional[str]:
    """The whole a count of the dead or wounded is a share of ("of the victims"), or None: such a count (those
    identified, those in one district, those buried) is a part of the toll, not the toll."""
    if c.measure not in ("killed", "wounded"):
        return None
    m = _OF_THE_DEAD.match(nlp.doc_text(c.root.doc), c.num.end, min(c.num.end + 40, c.sent.end_char))
    return f"of the {m.group('whole').lower()}" if m is not None else None


_CONTROLLERS = r"(?:government|rebel|opposition|army|regime|militia|insurgent)s?"
# "in areas under government control", "in government-controlled areas of Syria", "rebel-held parts"
_UNDER_CONTROL = re.compile(rf"\bunder\s+(?:the\s+)?{_CONTROLLERS}['’]?\s+control\b|"
                            rf"\b{_CONTROLLERS}-(?:held|controlled|run)\s+(?:areas?|parts?|territor(?:y|ies)|regions?|"
                            r"zones?|enclaves?)\b", re.I)
# a fact box's line labelled by a part of a country: "North-west Syria: 2,240 deaths"
_PART_LABEL = r"^[ \t]*[-•*–]?[ \t]*(?:north|south|east|west|northern|southern|eastern|western|central|" \
              r"north-?(?:east|west)(?:ern)?|south-?(?:east|west)(?:ern)?)\s+"


def _a_part_of_a_country(c: _Cand) -> Optional[str]:
    """A count said of the part of its country one side holds ("died in areas under government control", "in
    government-controlled areas of Syria") or on a line labelled by a part of it ("North-west Syria: 2,240
    deaths"): a part of the country's toll, kept out of its series. (Not "killed in southern Belmoria": where a
    whole toll may have happened.)"""
    place = gazetteer().find(c.place) if c.place else None
    if not place or place[0].kind != "country":
        return None
    text = nlp.doc_text(c.sent.doc)
    line = text[text.rfind("\n", 0, c.num.start) + 1:c.num.start]
    if _UNDER_CONTROL.search(text, c.sent.start_char, c.sent.end_char) or \
            re.match(_PART_LABEL + re.escape(c.place) + r"\s*:", line, re.I):
        return f"a part of {c.place}"
    return None


def _a_part_of_the_toll(c: _Cand) -> Optional[tuple[str, str]]:
    """(rule, what it is a part of) for a count the sentence makes a part of a toll, kept out of its series:
    the first of a share of the dead, a part by its clause, a part of a country that says so; a share or a
    clause's part that its own words place ("3,650 of the dead were in Derna") is that place's count."""
    for rule, find in (("part/a-share-of-the-dead", _a_share_of_the_dead),
                       ("part/what-its-clause-makes-a-part", _a_part_by_its_clause),
                       ("part/a-part-of-a-country", _a_part_of_a_country)):
        found = find(c)
        if found is not None:
            own = rule != "part/a-part-of-a-country" and _own_place(c)
            return None if own else (rule, found)
    return None


_INTAKE_VERBS = {"receive", "admit", "treat", "take"}
_FACILITY_NOUNS = {"hospital", "clinic", "morgue", "mortuary", "infirmary", "ward"}
_COUNT_NOUNS = {"toll", "figure", "count", "number", "total", "tally"}


def _a_part_by_its_clause(c: _Cand) -> Optional[str]:
    """A count its clause makes a part of a toll: what hospitals received, admitted or treated ("the city's
    hospitals had received 63 wounded people": their intake, not the wounded of the story), what a count
    includes ("Our 265 includes 53 deaths that still have to be validated") or leaves out ("10,000 deaths not
    included in the breakdown")."""
    if c.measure not in ("killed", "wounded"):
        return None
    v = c.verb
    if v is not None and _is_verbal(v) and c.role == "obj":
        subjects = [g for g in v.children if g.dep_ in ("nsubj", "agent")]
        subjects += [p for g in subjects if g.dep_ == "agent" for p in g.children if p.dep_ == "pobj"]
        if _lem(v) in _INTAKE_VERBS and any(_lem(g) in _FACILITY_NOUNS for g in subjects):
            return "received by hospitals"
        if _lem(v) == "identify" and c.measure == "killed":
            return "identified"             # "Officials have identified five victims": those named so far
        if _lem(v) == "include" and any(g.pos_ == "NUM" or _lem(g) in _COUNT_NOUNS or
                                        any(ch.pos_ == "NUM" for ch in g.children) for g in subjects):
            return "included in a count"
        # (a subject the parser hung on the auxiliary too: "the society's teams had themselves recovered")
        hung = [x for a in v.children if a.dep_ == "aux" for x in a.children if x.dep_ == "nsubj"]
        if _lem(v) in _RECOVERY_VERBS and c.measure == "killed" and any(
                _lem(g) in ("team", "crew", "unit") and any(d.dep_ == "poss" for d in g.children)
                for g in subjects + hung):
            return "recovered by one body's teams"   # "the society's teams had recovered about 1,200 bodies"
    if c.measure == "killed" and _lem(c.np) in ("body", "corpse"):
        # "1,220 unidentified bodies", "more than 1,000 bodies have been buried in mass graves": those so far
        if any(ch.lower_ in ("unidentified", "unclaimed") for ch in c.np.children):
            return "unidentified"
        if v is not None and _lem(v) == "bury" and c.role in ("subjpass", "obj"):
            return "buried"
    # "10,000 deaths not included in the breakdown", "2,000 bodies not yet identified": the rest of a count
    for ch in c.np.children:
        if ch.dep_ in ("acl", "relcl") and _lem(ch) in _LEFT_OUT_VERBS and any(n.dep_ == "neg" for n in ch.children):
            return f"not {ch.text} in a count"
    return None


_LEFT_OUT_VERBS = {"include", "count", "list", "identify", "register", "record"}
_RECOVERY_VERBS = {"recover", "retrieve", "pull", "find", "collect"}


def _source_carried_on(here: list[_Cand], before: list[_Cand]) -> None:
    """"The toll rose to 222, according to the prefectural government. Suzu recorded 99 deaths, with 88 in
    Wajima and 20 in Anamizu": a breakdown by place that names no source is the total's, just given."""
    for c in here:
        if c.source:
            continue
        p = next((p for p in reversed(before) if p.source and p.measure == c.measure), None)
        if p is not None:
            c.source = p.source
            c.trace.note("figures.source", "source/breakdown-of-the-total-before", f"{p.source!r}")


class _Paragraph:
    """An unattributed count and the attributed counts of the sentence before it, in one paragraph."""

    def __init__(self, c: _Cand, before: list[_Cand]):
        self.c, self.before = c, before

    @functools.cached_property
    def lead(self) -> Optional[_Cand]:
        """The attributed running count of the sentence before whose authority this count takes."""
        c = self.c
        if c.source or c.scope != "cumulative":
            return None
        # the same count, or another casualty count of the authority that counts casualties (not its
        # hostages or aid trucks)
        return next((p for p in reversed(self.before) if p.source and p.scope == "cumulative" and
                     not _is_anaphor(p.source) and (p.measure == c.measure or
                                                    {p.measure, c.measure} <= _CASUALTY_MEASURES)), None)

    def authority(self) -> Optional[str]:
        return self.lead.source if self.lead is not None else None


PARAGRAPH_SOURCE = Table("figures.source.paragraph", runner="figures",
                         subject="an unattributed count and the sentence before it (_Paragraph)", rules=(
    Rule("source/the-paragraph's-authority", lambda p: p.authority() is not None, lambda p: p.authority(),
         examples=("The death toll rose to 222 as of Monday, according to the provincial government. The number "
                   "of missing people stands at 22.",
                   "The storm killed 64 people, the state emergency agency said. Some 310 people remain missing in "
                   "the hills."),
         counter_examples=("The health ministry said 1,400 people had been killed. Between 100 and 150 hostages "
                           "are held.",),
         why="an unattributed running count right after an attributed one, in one paragraph, is the same "
             "authority's"),
))


def _paragraph_source(here: list[_Cand], before: list[_Cand]) -> None:
    """"The toll rose to 222, according to the prefectural government. The number of missing stands at 22":
    see PARAGRAPH_SOURCE."""
    for c in here:
        para = _Paragraph(c, before)
        m = PARAGRAPH_SOURCE.first_match(para, c.trace)
        if m is not None:
            c.source = m.outcome
            # and the day that authority's count was given for ("..., the ministry said Monday. About 8,400
            # women were also among those killed"), unless the count names its own
            p = para.lead
            if p is not None and p.as_of_explicit and not c.as_of_explicit:
                c.as_of, c.as_of_explicit = p.as_of, True
                c.trace.note("figures.as_of", "as-of/the-paragraph's-authority", f"{p.num.text}: {p.as_of}")


_CASUALTY_MEASURES = {"killed", "wounded", "missing"}


# verbs by which a place had deaths ("Suzu recorded 99 deaths"), not by which it told of them ("Israel reported")
_HAVING_VERBS = {"record", "register", "suffer", "see", "have", "log", "experience", "witness", "count"}

_ANOTHER = re.compile(r"\b(?:another|a\s+further|an\s+additional)\s+(?:(?:at\s+least|about|around|some|more\s+than|"
                      r"nearly|almost|over)\s+)?$", re.I)


_OTHERS_AFTER = re.compile(r"\s+(?:other|more)\b", re.I)
_FALLBACK_PLACES = ("figures.place:place/the-article's-place", "figures.place:place/a-state's-own-people")


def _more_of_the_count_before(c: _Cand, before: list[_Cand], text: str) -> Optional[_Cand]:
    """"Shells hit a hospital in El Fasher, killing four. Eleven other people were wounded": a count of more people
    of the count just given ("N other", "another N"), placed by nothing of its own, is where that count was."""
    if c.place and c.trace.decided("figures.place")[-1:] and \
            c.trace.decided("figures.place")[-1] not in _FALLBACK_PLACES:
        return None
    if not (_OTHERS_AFTER.match(text, c.num.end) or _ANOTHER.search(text[max(0, c.num.start - 40):c.num.start])):
        return None
    lead = next((p for p in reversed(before) if p.measure in ("killed", "wounded", "missing") and p.place and
                 p.trace.decided("figures.place")[-1:] and p.trace.decided("figures.place")[-1] not in
                 _FALLBACK_PLACES), None)
    return lead if lead is not None and lead.place != c.place else None


def _another_of_the_event(here: list[_Cand], before: list[_Cand], text: str) -> None:
    """"The blast killed 31 people at the market. Another 90 were wounded": "another" adds to the figures
    just given, so a figure that says nothing of its own scope is of their event."""
    event = next((p for p in reversed(before) if p.scope == "incident"), None)
    if event is None or any(p.scope == "cumulative" and p.num.start > event.num.start for p in before):
        return
    for c in here:
        if c.scope == "cumulative" and not c.cum_cue and _ANOTHER.search(text[max(0, c.num.start - 40):c.num.start]):
            c.scope = "incident"
            c.trace.note("figures.scope", "incident/another-of-the-event-before", f"after {event.num.text}")


# "Those killed include ...", "Among the dead were ...": the people of a count just given, named again
_THOSE_OF_IT = re.compile(r"^\W*(?:(?:those|the|all)\s+(?:killed|dead|injured|wounded|victims|missing)\s+"
                          r"(?:\w+\s+)?(?:include[sd]?|were|are)|among\s+(?:those\s+killed|the\s+(?:dead|victims|"
                          r"injured|wounded)|them)\s+(?:were|are)?)\b", re.I)


def _those_of_the_event(here: list[_Cand], before: list[_Cand], text: str) -> None:
    """"A strike killed seven aid workers. Those killed include three Britons": the people of the count just
    given, named again, share its scope (an incident's victims are not a running toll)."""
    event = next((p for p in reversed(before) if p.scope == "incident"), None)
    if event is None or any(p.scope == "cumulative" for p in before):
        return
    for c in here:
        if c.scope == "cumulative" and not c.cum_cue and c.measure == event.measure and \
                _THOSE_OF_IT.search(text[c.sent.start_char:c.num.start]):
            c.scope = "incident"
            c.trace.note("figures.scope", "incident/those-of-the-event-before", f"after {event.num.text}")


def _the_rest_of_a_count(here: list[_Cand], before: list[_Cand], text: str) -> None:
    """"24,686 deaths are fully identified ... another 10,000 bodies still have to be": "another" after a
    count of the same measure is the rest of a total, a part of it (kept out of the total's series, as a
    labelled line's part is), unless its own words make it the running toll."""
    for c in here:
        m = _ANOTHER.search(text[max(0, c.num.start - 40):c.num.start])
        if m is None or c.scope != "cumulative" or c.cum_cue or c.breakdown:
            continue
        if any(p.measure == c.measure and p.num.start < c.num.start and p is not c for p in before + here):
            c.breakdown = " ".join(m.group(0).split()[:2]).lower().rstrip()
            c.trace.note("figures.breakdown", "part/the-rest-of-a-count", f"{m.group(0).strip()!r} after a count")


# periods a time expression sets ("in the past 24 hours", "overnight"): they hold for a conjoined clause too
_TIMED_PERIODS = ("figures.scope:period/recent-hours", "figures.scope:period/fronted-period",
                  "figures.scope:period/overnight", "figures.scope:period/overnight-total",
                  "figures.scope:period/killed-on-a-recent-day", "figures.scope:period/a-days-toll")


def _increment(c: _Cand, here: list[_Cand]) -> bool:
    """Whether a later figure of the sentence is the new total this one brings the toll to."""
    verb = _clause_verb(c.np, c.sent)
    if verb is None:
        return False
    above = {verb.i} | {a.i for a in _ancestors(verb, c.sent)}
    for t in here:
        if t is c or t.num.start < c.num.end or t.measure != c.measure:
            continue
        setter = _toll_setter(t) or (t.verb if _toll_noun(t) is not None else None)
        if setter is not None and setter.tag_ == "VBG" and setter.head.i in above:
            return True
    return False


def _time_right_after(c: _Cand, sent_times, doc_date: dt.date) -> Optional[dt.date]:
    """The day said right after a count that has no verb of its own ("and three on Wednesday")."""
    text = nlp.doc_text(c.sent.doc)
    for t in sent_times:
        if c.num.end <= t.start <= c.num.end + 30 and not t.since and \
                not re.search(r"\d", text[c.num.end:t.start]):
            return past_day(t, text, doc_date)
    return None


def _scope_partner(c: _Cand, here: list[_Cand]) -> Optional[_Cand]:
    """An earlier figure of the same event: a coordinated item or the figure of the verb this one conjoins."""
    if c.coord_prev is not None:
        return c.coord_prev
    if c.companion is not None:
        return c.companion
    doc = c.sent.doc
    if c.root.i >= 2 and doc[c.root.i - 1].lower_ == "with" and doc[c.root.i - 2].text == ",":
        # "killed in the blast on Monday, with 120 injured": the count just told, and its event
        before = [p for p in here if p is not c and p.num.end <= c.num.start]
        if before:
            return max(before, key=lambda p: p.num.start)
    verb = _clause_verb(c.np, c.sent)
    if verb is not None and verb.dep_ == "conj":
        for p in here:
            if p is not c and p.num.start < c.num.start:
                pv = _clause_verb(p.np, p.sent)
                if pv is not None and pv.i == verb.head.i:
                    return p
    # "suffered 18 killed and 33 wounded on Tuesday" however it was parsed: the count just before, with
    # nothing between but its own word or two and an "and"
    before = [p for p in here if p is not c and p.num.end <= c.num.start]
    if before:
        p = max(before, key=lambda p: p.num.start)
        gap = nlp.doc_text(c.sent.doc)[p.num.end:c.num.start]
        if _JUST_AND.fullmatch(gap):
            return p
    return None


_JUST_AND = re.compile(r"\s*(?:[A-Za-z-]+\s+){0,2}?[A-Za-z-]*\s*(?:,\s*and|,|and)\s+(?:another\s+|other\s+)?"
                       r"(?:more\s+than\s+|at\s+least\s+|about\s+|nearly\s+|almost\s+|some\s+|over\s+|around\s+)?")


def _sentence_span(sent, doc_id: str) -> Span:
    text = nlp.doc_text(sent.doc)
    s, e = sent.start_char, sent.end_char
    while s < e and text[s].isspace():
        s += 1
    while e > s and text[e - 1].isspace():
        e -= 1
    return Span(doc_id, s, e)


def _to_figure(c: _Cand, doc_id: str) -> Figure:
    num = c.num
    return Figure(
        span=Span(doc_id, num.start, num.end),
        sentence=_sentence_span(c.sent, doc_id),
        value=num.value,
        measure=c.measure,
        qualifier=c.qualifier or "exact",
        value_max=num.value_max,
        group=c.group,
        parent=None,
        source=c.source,
        as_of=c.as_of,
        scope=c.scope,
        place=c.place,
        place_within=c.place_within,
        revised=c.revised,
        breakdown=c.breakdown,
        place_inferred=c.place_inferred,
    )


def _collect(cands: list[_Cand], doc_id: str) -> list[Figure]:
    out = []
    for c in cands:
        if not c.measure:
            continue
        c.figure = _to_figure(c, doc_id)
        out.append(c.figure)
    for c in cands:
        if c.figure is not None and c.parent is not None and c.parent.figure is not None:
            c.figure.parent = c.parent.figure.id
    return out
