"""Tense of the clause governing an expression (spaCy parse): PAST, FUTURE or undecided."""
from __future__ import annotations

import re
from typing import Optional

from ..nlp import doc_text


# Heads of an infinitive that put it in the future ("expected to pass ... on Wednesday",
# "plans to", "an agreement to buy ... in January").
FUTURE_GOVERNORS = {
    "expect", "plan", "schedule", "set", "slate", "due", "intend", "aim", "hope", "want", "prepare",
    "propose", "promise", "pledge", "vow", "threaten", "agree", "decide", "going", "poised", "likely",
    "ready", "seek", "wish", "await", "anticipate", "agreement", "deal", "proposal", "bid", "offer",
    "intention", "move", "effort", "commitment", "go", "be",
    # "asked it to respond by Oct. 31", "ordered them to leave by Friday"
    "ask", "urge", "order", "tell", "demand", "call", "require", "instruct", "invite", "give",
}
# Verbs whose objects lie ahead of them ("planned a rally on Saturday", "scheduled a news
# conference Thursday", "postponed until Tuesday").
PLANNING_VERBS = {"plan", "schedule", "reschedule", "postpone", "delay", "defer", "adjourn", "slate"}
# Words right before an expression that make it a coming day ("payable Dec. 1",
# "as early as Tuesday", "ahead of Thursday's vote", "until Friday", "a deadline of Friday").
FUTURE_CUES = re.compile(
    r"\b(?:until|till|ahead\s+of|in\s+time\s+for|as\s+soon\s+as|as\s+early\s+as|no\s+later\s+than|effective"
    r"|payable|starting|deadline\s+(?:of|on)|due\s+(?:on|by)?|scheduled\s+(?:for|on)|set\s+for"
    r"|expected\s+(?:on|by)?)\s+(?:on\s+)?$", re.I)
# Words on the path up from the expression that make it a future one by themselves
# ("is due on Friday", "the talks, scheduled for Monday", "the vote is expected Wednesday").
FUTURE_MARKERS = {"due", "scheduled", "slated", "upcoming", "set", "expected", "planned", "poised"}
FUTURE_AUX = {"will", "wo", "'ll", "ll", "shall", "would", "'d"}
# present-tense verbs that report or describe rather than schedule ("says", "is", "has")
STATIVE_PRESENT = {"be", "have", "say", "tell", "report", "claim", "show", "remain", "believe", "think", "know",
                   "seem", "appear", "include", "add", "note", "accord", "suggest", "indicate", "estimate"}
PERFECT_AUX = {"have", "has", "had", "'ve"}


def tense_at(doc, start: int, end: int) -> Optional[str]:
    """PAST, FUTURE or None for the clause governing the characters ``[start, end)``.

    Climbs the parse from the expression to its governing verb: "will"/"would", a
    present of an event verb ("is meeting", "meet Monday"), an infinitive under
    "expected"/"plans"/"agreement" ..., a planning verb ("postponed", "scheduled") or
    "due"/"set" on the way make FUTURE; past tense, the perfect or a past participle
    modifier ("the decision, announced Wednesday") make PAST. None when the sentence is
    unparsed, the expression is a possessive ("Tuesday's blast") or the verb says nothing
    (modals, "says", "is").
    """
    return tense_reason(doc, start, end)[0]


def tense_reason(doc, start: int, end: int) -> tuple[Optional[str], str, str]:
    """``tense_at`` with why: (verdict, reason, the word that decided). Reasons: ``unparsed``,
    ``possessive``, ``no-verb``, ``future-marker`` ("due", "scheduled"), ``planning-verb``
    ("postponed"), ``verb-form`` (the governing verb's tense and auxiliaries), ``future-governor``
    (an infinitive under "expected", "plans" ...)."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None or not len(span) or not span[0].tag_:
        return None, "unparsed", ""
    text = doc_text(doc)                         # cached: Doc.text joins every token anew
    if opens_a_timeline_entry(text, start, end):
        return None, "timeline-entry", text[start:end]
    tok = span.root
    if tok.dep_ == "poss":
        return None, "possessive", tok.text      # "Tuesday's blast": an event already known
    for _ in range(12):
        if tok.head is tok:
            return None, "no-verb", ""
        tok = tok.head
        if tok.lower_ in FUTURE_MARKERS and (tok.pos_ == "ADJ" or _is_passive(tok)):
            return "FUTURE", "future-marker", tok.text
        if tok.pos_ not in ("VERB", "AUX") or tok.dep_ == "amod":
            continue
        if tok.lemma_.lower() in PLANNING_VERBS:
            return "FUTURE", "planning-verb", tok.text
        verdict = _verb_tense(tok)
        if verdict != "CLIMB":
            return verdict, "verb-form", f"{tok.text} ({tok.tag_})"
        # an infinitive or participle clause: its governor decides
        if tok.head is not tok and tok.head.lemma_.lower() in FUTURE_GOVERNORS and _is_infinitive(tok) \
                and tok.dep_ not in ("nsubj", "nsubjpass", "csubj"):
            return "FUTURE", "future-governor", f"{tok.head.text} ... {tok.text}"
    return None, "no-verb", ""


# "April 30 - A missile attack kills ...": a date opening a line of a timeline, then a dash or a colon. Such
# entries tell the past in the present tense (or list what is coming): the tense says nothing of the year.
_TIMELINE_ENTRY = re.compile(r"(?:^|\n)[ \t]*(?:[-•*–][ \t]*)?$")
_ENTRY_DASH = re.compile(r"[ \t]*(?:-{1,2}|[–—:])[ \t]")


def opens_a_timeline_entry(text: str, start: int, end: int) -> bool:
    """The expression at ``[start, end)`` dates a line of a timeline ("April 30 - ...")."""
    return bool(_TIMELINE_ENTRY.search(text, max(0, start - 6), start) and _ENTRY_DASH.match(text, end))


def _is_passive(tok) -> bool:
    return any(c.dep_ == "auxpass" for c in tok.children)


def _is_infinitive(verb) -> bool:
    return any(c.tag_ == "TO" for c in verb.children) or verb.dep_ == "xcomp"


# verbs of saying: what a participle of them reports ("..., saying on Thursday that 96 had died") was said already
_SAYING = {"say", "tell", "announce", "report", "state", "add", "confirm", "claim", "write", "post", "declare"}


def _verb_tense(verb) -> Optional[str]:
    """PAST / FUTURE / None from one verb's form and auxiliaries; CLIMB when it is a
    non-finite verb whose governor must decide."""
    auxes = [c for c in verb.children if c.dep_ in ("aux", "auxpass")]
    words = {a.lower_ for a in auxes}
    if words & FUTURE_AUX:
        return "FUTURE"
    if words & PERFECT_AUX or verb.tag_ == "VBD" or any(a.tag_ == "VBD" for a in auxes):
        return "PAST"
    if any(a.tag_ == "MD" for a in auxes):
        return None                                 # could, may, should: undecided
    if verb.tag_ == "VBG" and words & {"is", "are", "'re", "'s", "am"}:
        return "FUTURE"
    if verb.tag_ in ("VBZ", "VBP") and verb.lemma_.lower() not in STATIVE_PRESENT and not auxes:
        return "FUTURE"                             # "the two leaders meet Monday": a schedule
    if verb.tag_ == "VBN" and verb.dep_ in ("acl", "amod", "advcl") and not auxes:
        return "PAST"                               # "the ruling, issued Thursday"
    if verb.tag_ == "VBG" and verb.lemma_.lower() in _SAYING and verb.dep_ in ("advcl", "acl", "conj") and not auxes:
        return "PAST"                               # "the ministry keeps its own count, saying on Thursday that ..."
    if _is_infinitive(verb) or (verb.tag_ in ("VBG", "VB") and verb.dep_ in ("advcl", "acl", "pcomp", "conj")):
        return "CLIMB"
    if verb.dep_ == "conj" and verb.head is not verb:
        return "CLIMB"
    return None
