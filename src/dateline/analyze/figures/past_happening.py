"""A count of dead or wounded told as a past happening, with nothing to make it a running toll, is that
happening's: "Two soldiers were killed, one of them entering a building", "Gunmen opened fire on a
wedding, killing one guest and wounding 10", "More than 20 people were reported injured".

A running toll is told as standing at the time of telling ("have been killed", "the toll is", "had
died", "so far", "since"). A war or an uprising is many happenings, and its reports tell each in the
past tense; a natural disaster is one, so in an article about one, "16 people were injured" is still
the disaster's toll; and a sentence naming the story's own event ("killed in the war", the attack that
began it) tells that event's toll.
"""
from __future__ import annotations

import re

from ..lexicon import story
from .candidate import _Cand
from .clause import RUNNING_WORDS, says_running, without_other_counts
from .incident import _REGION_KINDS, the_storys_one_happening
from .lexicon import STORY_EVENT_NOUNS
from .parse import _lem

# words of a running count anywhere in the sentence: the default reading stands
# or of a count given out as a figure that stands or was revised ("up from", "the latest figures")
_RUNNING = re.compile(rf"\b(?:{RUNNING_WORDS}|in\s+all|tally|total|figures|numbers|estimates?|updated?|"
                      r"previous(?:ly)?|latest|up\s+from|down\s+from|revised)\b", re.I)
# a count in the thousands is no one happening's in a war or an uprising: it is the toll of a campaign
_A_CAMPAIGNS = 1000
# the story's own words for the attack that began it (story data): its date, its attackers, the place attacked
_THE_STORYS_START = re.compile(r"\b(?:" + story.alternation("named_dates") + "|" + story.alternation("armed_groups")
                               + "|" + story.alternation("attacked_places") + r")\b", re.I)


def past_happenings(here: list[_Cand], sent) -> None:
    """Figures of one sentence that are cumulative only by default and told as a past happening become
    that happening's (incident); a sub-group or list item follows its total later (of-its-total)."""
    for c in here:
        if c.scope != "cumulative" or not c.told_as_past or \
                c.trace.decided("figures.scope") != ["figures.scope:cumulative/default"]:
            continue
        if c.parent is not None or c.listed_after is not None or c.companion is not None:
            continue
        if c.events is not None and c.events.natural:
            continue                     # one disaster: every count of it is its toll
        if the_storys_one_happening(c):
            c.trace.note("figures.scope.past-happening", "veto/the-story's-one-happening", decided=False)
            continue                     # one bombing or crash told throughout: likewise
        if c.num.value >= _A_CAMPAIGNS:
            c.trace.note("figures.scope.past-happening", "veto/a-campaign's-count", decided=False)
            continue
        why = _running_or_the_storys(sent, c)
        if why:
            c.trace.note("figures.scope.past-happening", "veto/" + why, decided=False)
            continue
        c.scope = "incident"
        c.trace.note("figures.scope", "incident/told-as-a-past-happening",
                     f"'{c.verb.text}' in the past, no running count said")


def _running_or_the_storys(sent, c: _Cand) -> str:
    """Why the sentence keeps the count a running toll: a word of a running count, the story's own event
    ("killed in the war", "since the quake"), or the attack that began the war."""
    if says_running(_RUNNING, sent):
        return "running-count-words"
    told = _the_storys_event_or_start(list(sent), sent.text, c)
    if told:
        return told
    if any(_lem(t) in _REGION_KINDS and t.head.lower_ == "in" for t in sent) and \
            not (c.events is not None and c.events.conflict):
        return "a-region's-count"        # "in Toyama Prefecture, 36 people were injured" (not a war's province)
    return ""


# the people a running toll counts when it names no one group ("people", "protesters", "civilians")
_GENERIC_GROUPS = {"people", "person", "persons", "protesters", "demonstrators", "civilians", "residents",
                   "villagers", "dead", "deaths", "bodies", "others", "lives"}
# a count this many times below the article's running toll is a part of it (a day's, a town's), not another toll
_FAR_BELOW = 10


def far_below_the_running_toll(cands: list[_Cand]) -> None:
    """In an article of a war or an uprising that gives the running toll ("the uprising has killed more than
    7,500 people, the UN says"), a count of the same people and place told with nothing that makes it a
    running one ("Activists say at least 27 people have been killed") and ten or more times smaller is a
    part of it: that day's or that place's dead, not a running toll of its own."""
    running = [t for t in cands if t.scope == "cumulative" and t.measure in ("killed", "wounded") and
               t.cum_cue and t.num.value >= 100 and t.parent is None]
    if not running:
        return
    for c in cands:
        if c.scope != "cumulative" or c.measure not in ("killed", "wounded") or \
                c.trace.decided("figures.scope") != ["figures.scope:cumulative/default"]:
            continue
        if c.parent is not None or c.listed_after is not None or c.companion is not None or c.in_list:
            continue
        if c.events is not None and (c.events.natural or c.events.one_happening):
            continue                     # one disaster or one happening: every count of it is its toll
        words = (c.group or "").lower().split()
        if words and words[-1] not in _GENERIC_GROUPS:
            continue                     # soldiers, children, journalists: a series of their own
        if _the_storys_own(c):
            continue                     # the story's own event or start: its toll ("killed 1,200 on Oct. 7")
        big = next((t for t in running if t is not c and t.measure == c.measure and
                    t.num.value >= _FAR_BELOW * c.num.value and (c.place is None or t.place == c.place)), None)
        if big is None:
            continue
        c.scope = "period"
        c.trace.note("figures.scope", "period/far-below-the-running-toll",
                     f"{c.num.text} beside the running toll {big.num.text}")


def _the_storys_event_or_start(tokens, text: str, c: _Cand) -> str:
    """Whether these words name the story's own event ("killed in the war", "since the quake", the article's
    named event) or the attack that began it."""
    if any(_lem(t) in STORY_EVENT_NOUNS for t in tokens):
        return "the-story's-event"
    main = c.events.main if c.events is not None else None
    if main and re.search(r"\b" + re.escape(main) + r"\b", text, re.I):
        return "the-story's-event"
    if _THE_STORYS_START.search(text):
        return "the-story's-start"
    return ""


def _the_storys_own(c: _Cand) -> bool:
    """The figure's own words (not a clause beside it with a count of its own) name the story's event or the
    attack that began it."""
    tokens = without_other_counts(list(c.sent), c)
    return bool(_the_storys_event_or_start(tokens, " ".join(t.text for t in tokens), c))
