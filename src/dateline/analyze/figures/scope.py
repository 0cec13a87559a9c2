"""A figure's scope: the running toll, a period, one incident, a plan, a superseded value, before the war."""
from __future__ import annotations

import re

from .. import nlp
from ..numbers import find_counts
from .lexicon import (
    ATTACK_NOUNS, DEAL_NOUNS, DIRECTION_ADVS, FUTURE_AUX, FUTURE_LEMMAS, HAPPENING_NOUNS, INCIDENT_PLACES, LEVEL_VERBS,
    STORY_EVENT_NOUNS, SUBJ_DEPS, TOLL_SET_VERBS, WAR_START_NOUNS,
)
from .parse import _ancestors, _clause_verb, _finite_clause, _is_verbal, _lem
from ..lexicon import story
from ..lexicon.calendar import MONTH_NAMES, MONTHS
from ..rules import Rule, Table
from .events import DATED_EVENT
from .candidate import _Cand
from .clause import _Clause, _clause_tokens
from .incident import _incident, _war_start, the_storys_one_happening
from .toll import _toll_noun, _toll_setter


# --- scope ------------------------------------------------------------------------------------------

# words that lay deaths already counted at someone's door: "may be responsible for 40 deaths" is a
# possibility about the past, not a plan
_ATTRIBUTING = {"responsible", "blame", "link", "connect", "tie", "behind"}


# nouns of a happening to people: a count inside one ("the killing of two clerics ... could hardly pass without
# consequence") is of what happened, whatever mood the clause around the noun is in
_HAPPENED_TO_PEOPLE = {"killing", "death", "murder", "massacre", "assassination", "shooting", "execution",
                       "abduction", "kidnapping", "slaying", "beheading"}


def _future(c: _Cand) -> bool:
    for a in [c.np] + list(_ancestors(c.np, c.sent)):
        if _lem(a) in _ATTRIBUTING and c.measure in ("killed", "wounded"):
            return False
        if a.pos_ == "NOUN" and _lem(a) in _HAPPENED_TO_PEOPLE and a.i < c.root.i and c.measure in ("killed",
                                                                                                    "wounded"):
            return False
        if _lem(a) in FUTURE_LEMMAS and a.pos_ in ("VERB", "ADJ"):
            if _lem(a) != "set" or any(ch.dep_ == "xcomp" for ch in a.children):
                return True
        if _lem(a) in DEAL_NOUNS and a.pos_ == "NOUN" and a.i < c.root.i:
            return True
        for ch in a.children:
            if ch.dep_ in ("aux", "auxpass") and ch.lower_ in FUTURE_AUX and \
                    not any(x.dep_ == "aux" and x.lower_ in ("have", "'ve") for x in a.children):
                return True                     # "may have been killed" is a past possibility
        if a.dep_ == "relcl" and a.head.i != c.np.i and a.i != c.np.i:
            break
    for t in c.sent:
        if _lem(t) in DEAL_NOUNS and t.head.lower_ in ("under",) and t.i < c.root.i:
            return True
    # "The agreement provides for the release of 50 ...": a deal that is the subject of a present-tense verb
    for a in _ancestors(c.np, c.sent):
        if _is_verbal(a) and a.tag_ in ("VBZ", "VBP", "VB") and any(
                g.dep_ in SUBJ_DEPS and _lem(g) in DEAL_NOUNS for g in a.children):
            return True
    return False


def _past_event(c: _Cand) -> bool:
    verb = _clause_verb(c.np, c.sent)
    if verb is None:
        return bool(re.search(r"(?:mon|tues|wednes|thurs|fri|satur|sun)day", c.sent.text, re.I))
    verb = _finite_clause(verb, c.sent)
    auxes = {ch.lower_ for ch in verb.children if ch.dep_ in ("aux", "auxpass")}
    if auxes & {"had", "was", "were"}:
        return True
    # a simple past, also when tagged as a participle without auxiliary ("335 nationals crossed into Egypt")
    return verb.tag_ == "VBD" or (verb.tag_ == "VBN" and not auxes and
                                  any(ch.dep_ in SUBJ_DEPS for ch in verb.children))


_PREVIOUS_FIGURE = re.compile(
    r"\b(?:previous|earlier|initial|prior|former|original|preliminary|old)\s+(?:[\w-]+\s+){0,2}"
    r"(?:estimate|figure|toll|count|tally|number)s?\s+(?:of\s+)?(?:about|around|some|more than|over)?\s*$")
_EARLIER_VERSION = re.compile(r"\b(?:an?\s+)?(?:earlier|previous|prior|original)\s+version\s+of\s+this\s+"
                             r"(?:article|story|report|piece|post)\b")
_CHANGED_FROM = re.compile(
    r"\b(?:down|up|revised|lowered|raised)\s+from\s+(?:a\s+|the\s+)?(?:about|around|some|more than|over)?\s*$")
_SOLDIER_NOUNS = {"soldier", "troop", "serviceman", "servicemember", "reservist", "marine", "paratrooper"}
_VICTIM_MEASURES = ("killed", "wounded", "displaced", "missing", "other")


SCOPE = Table("figures.scope", runner="figures", subject="a figure's clause (_Clause)", rules=(
    Rule("other/evacuation-order",
         lambda s: s.c.measure == "other" and bool(s.c.cue) and bool(re.match(
             r"(?:order|told|tell|instruct|urg|warn|direct|call|ask|command)", s.c.cue.lower())), "other",
         examples=("The army told 1.1 million residents to move south within a day.",),
         why="the population an evacuation order covers"),
    Rule("superseded/previous-figure", lambda s: bool(_PREVIOUS_FIGURE.search(s.before)), "superseded",
         examples=("Officials lowered the toll from a previous estimate of 1,400 people killed.",)),
    Rule("superseded/an-earlier-version-said", lambda s: bool(_EARLIER_VERSION.search(s.before)), "superseded",
         examples=("Correction: An earlier version of this article said that 2,000 people had been killed.",
                   "An earlier version of this story gave the toll as 310.",
                   "A previous version of this report misstated that 45 people were missing."),
         why="a correction notice: the figure the article once gave, and no longer does"),
    Rule("superseded/changed-from", lambda s: bool(_CHANGED_FROM.search(s.before)), "superseded",
         examples=("The death toll rose to 140, up from 90 killed on Monday.",)),
    Rule("superseded/initially", lambda s: _initially(s) and not s.c.revised, "superseded",
         examples=("Initially reported on May 6, the agency cited figures of about 9,500 women killed.",
                   "The death toll had initially been estimated at around 150 on Friday."),
         why="a figure given as the first word on a count, since replaced"),
    Rule("superseded/previously", lambda s: _previously(s.c), "superseded",
         examples=("Provincial officials, who previously reported 61 deaths, now cite the army's count of 48.",
                   "The health ministry had previously put the toll at 310, but it now says 290 died."),
         counter_examples=("Officials said earlier on Monday that 61 people had died in the floods.",),
         why="a figure its own verb says was given before (and since replaced)"),
    Rule("superseded/had-reached-by-an-earlier-day", lambda s: _had_by_earlier_day(s.c), "superseded",
         examples=("The death toll had approached 23,000 by January 7, officials said.",),
         why="a past perfect of a toll 'by' a day before the article: where the toll stood then"),
    Rule("superseded/a-level-of-an-earlier-month", lambda s: _level_of_an_earlier_month(s), "superseded",
         examples=("In February, the government put the death toll at 3,838.",
                   "By mid-May, the death toll had reached 1,000, activists said.",
                   "In January the ministry said the number of displaced had risen to 40,000."),
         counter_examples=("In March, the death toll rose to 300, officials said.",
                           "By May 20, the toll had reached 1,000."),
         why="a level a count stood at in an earlier month, told as history: replaced since"),
    Rule("superseded/revised-from", lambda s: _revised_from(s.c), "superseded",
         examples=("Officials revised the death toll down to 1,200 from 1,400.",)),
    Rule("superseded/start-of-a-change", lambda s: s.c.change_start, "superseded",
         examples=("The death toll climbed from 1,200 to 1,530 overnight, officials said.",
                   "The number of injured jumped from about 90 to 240 after the second tremor.",
                   "Rescuers said the count of missing had grown from around 300 to 450 by nightfall."),
         counter_examples=("Estimates of the dead range from 50,000 to 200,000.",),
         why="where a count stood before the change the sentence tells"),
    Rule("other/change-by", lambda s: _change_by(s.c), "other",
         examples=("The province overcounted flood deaths by as many as 12, officials said.",
                   "The death toll rose by 300 to 1,500 overnight, the agency said.",
                   "Officials revised the number of dead down by 40 after a review of hospital records."),
         counter_examples=("The death toll rose to 1,500, the agency said.",),
         why="the size of a change in a count (an increase, a correction), not a count"),
    Rule("other/another-event", lambda s: _another_event(s), "other",
         examples=("Hurricane Helene has killed 230 people. Helene is now the deadliest storm since Hurricane Katrina, "
                   "with 1,392 deaths.",
                   "The quake is the deadliest since the 2016 Kumamoto Earthquake, which led to 276 deaths.",
                   "Marchers marked the anniversary of the dam collapse, in which 2,000 people died.",
                   "It fell on the 30th anniversary of the siege of the town, in which 9,000 people were killed.",
                   "The vigil marked the anniversary of the flood, in which it is estimated that 1,200 people died."),
         counter_examples=("Hurricane Helene has killed 230 people since it made landfall.",),
         why="a comparison with an earlier disaster or war: its toll is no part of this story's"),
    Rule("incident/one-family", lambda s: s.c.measure in ("killed", "wounded", "missing") and _one_family(s.c),
         "incident",
         examples=("Witnesses described helicopters killing a family of five trying to ford a river.",
                   "He lost 12 members of his extended family in the quake, he said.",
                   "Shelling killed seven members of one family in the village, medics said."),
         why="the dead of one family are that family's loss, not a toll"),
    Rule("incident/another-kind-of-happening-in-a-disaster", lambda s: _another_kind_of_happening(s), "incident",
         examples=("Floods hit Derna. A rescue team was involved in a road accident on Sunday in which four of its "
                   "members were killed.",
                   "The quake struck Herat. A helicopter carrying aid crashed on Monday, killing three crew members.",
                   "The storm hit the coast. A stampede at an aid distribution point killed 12 people on Friday."),
         why="in a natural disaster's article, the dead of an accident, a crash or a stampede are that happening's, "
             "not the disaster's toll"),
    Rule("incident/a-later-shock-of-the-disaster", lambda s: _a_later_shock(s), "incident",
         examples=("Twin quakes struck on Saturday. A further magnitude 6.3 earthquake struck on 11 October, killing "
                   "one person and injuring 126.",
                   "The quakes killed 2,400 people. One person was killed and 130 injured in the latest quake.",
                   "The storm killed 80 people. A second storm a week later left four dead, officials said.",
                   "The quake killed 300. A strong aftershock on Tuesday injured 35 people."),
         counter_examples=("The earthquake has killed 2,400 people, the ministry said.",),
         why="a later shock, storm or flood of a disaster's sequence is an event of its own: its dead are not the "
             "running toll of the first"),
    Rule("pre-war/before-the-war", lambda s: _pre_war(s.c), "pre-war",
         examples=("Before the war, about 500 trucks entered the region every day.",)),
    Rule("other/capacity", lambda s: bool(re.search(r"\b(?:capacity|can\s+(?:hold|accommodate|take))\b", s.clause)),
         "other", examples=("The shelter can hold 3,000 displaced people, the mayor said.",)),
    Rule("planned/future", lambda s: _future(s.c), "planned",
         examples=("Up to 500 injured people will be evacuated on Wednesday.",),
         counter_examples=("The killing of two clerics at a checkpoint on Sunday could hardly pass unnoticed.",
                           "The deaths of 30 miners in the blast will be investigated, the minister said.",
                           "The shooting of four protesters on Friday may spark more unrest.")),
    Rule("period/a-rate", lambda s: s.c.measure in _VICTIM_MEASURES and _a_rate(s.c), "period",
         examples=("It is a conflict which claims approximately three lives daily, the charity said.",
                   "Shelling was killing civilians at a rate of up to 30 a day, the mission said.",
                   "Snipers were killing about 40 people a week in the old city, doctors said.",
                   "The fighting kills some 20 civilians every day, the mission said."),
         counter_examples=("The toll, which rises every day, stood at 3,100 on Monday.",),
         why="so many a day or a week: a rate, not a count of all the story's dead"),
    Rule("incident/toll-of-incident", lambda s: s.c.measure in _VICTIM_MEASURES and _toll_of_incident(s.c) and
         not the_storys_one_happening(s.c),
         "incident", examples=("The death toll from Tuesday's blast at the market rose to 195.",),
         counter_examples=("Blast at Tarn Chemical Plant\nAn explosion tore through the plant on Monday. The death "
                           "toll from the blast rose to 19 on Wednesday, officials said.",),
         why="the toll of one strike or blast in a larger story; not of the happening a whole story is about"),
    Rule("incident/one-event", lambda s: s.c.measure in _VICTIM_MEASURES and not s.cum_cue and _incident(s),
         "incident", examples=("The blast at the market killed 31 shoppers.",)),
    Rule("period/fronted-period", lambda s: bool(_FRONTED_PERIOD.match(s.c.sent.text)) and not s.cum_cue, "period",
         examples=("In the past 24 hours, at least 125 people were killed and 318 others injured, it added.",),
         why="a period named at the head of the sentence holds for each figure in it"),
    Rule("period/a-calendar-span", lambda s: s.calendar_span and not _dates_the_one_happening(s), "period",
         examples=("More than 700 civilians have been killed across the country this month, the UN mission said.",
                   "At least 1,100 people have died in the fighting in May alone, according to a monitoring group.",
                   "The militia has displaced some 40,000 villagers so far this month, the agency said.",
                   "At least 1,194 people were killed in gang violence between July and September, the UN said.",
                   "Some 168 people were kidnapped in the third quarter, the report said."),
         counter_examples=("Floods have killed 150 people across the state this month, the disaster agency said.",
                           "The death toll from the fighting has risen to 3,000 this month, the ministry said."),
         why="a war's dead of a stretch of the calendar are that stretch's; a disaster's of this month are its toll"),
    Rule("period/recent-hours", lambda s: s.period_cue and not _dates_the_one_happening(s), "period",
         examples=("At least 48 people were killed in the past 24 hours, the ministry said.",
                   "More than 2,000 people were killed in just two weeks of fighting, the monitor said.",
                   "The ministry reported fresh fighting over the past 24-hours, resulting in 59 dead.",
                   "Some 300 people have died of hunger in the past two weeks, aid groups said."),
         counter_examples=("Some 3,000 people have died in the past six weeks of fighting, aid groups said.",)),
    Rule("period/part-of-a-year", lambda s: s.c.measure in _VICTIM_MEASURES and bool(_PART_OF_A_YEAR.search(s.clause)),
         "period",
         examples=("At least 420 civilians were killed in the first six months of this year, the UN mission said.",
                   "The agency recorded 1,300 deaths during the first half of the year.",
                   "Floods displaced 250,000 people in the first three months of this year.",
                   "A further 80 police officers were killed during the same period, the report said."),
         counter_examples=("At least 9,000 people have been killed since the war began.",),
         why="the count of a stretch of a calendar year (or of the period just named), not the running toll"),
    Rule("period/a-days-toll", lambda s: s.c.measure in ("killed", "wounded") and bool(_A_DAYS_TOLL.search(s.clause)),
         "period", examples=("Activists put Tuesday's toll at 84, most of them in the north.",
                             "Sunday's death toll of 41 was the highest in a month.",
                             "A doctor put the number of dead Sunday at 16, with 71 wounded."),
         counter_examples=("Monday's earthquake death toll rose to 310.",),
         why="the toll of one day, not of the story"),
    Rule("period/since-resumed", lambda s: s.resumed and s.c.measure in ("killed", "wounded"), "period",
         examples=("Some 700 people have been killed since the fighting resumed.",)),
    Rule("period/soldiers-since-a-phase", lambda s: s.since_phase and s.c.measure in ("killed", "wounded") and
         _lem(s.c.np) in _SOLDIER_NOUNS, "period",
         examples=("At least 80 soldiers have died since the ground offensive began in May.",
                   "The army said 1,200 troops have been wounded since the new offensive on the city started.",
                   "Since the ground invasion began, 300 soldiers have been killed, the military said."),
         counter_examples=("Since the ground invasion began, 2,700 women have been killed, the ministry said.",
                           "Since the latest round of the war broke out, 89 aid workers have been killed."),
         why="an army counts its soldiers lost since its ground phase began apart from those of the war's first "
             "day; the dead of the other side are counted since the war began, whatever phase is named"),
    Rule("period/overnight-total", lambda s: bool(re.search(r"\bovernight\b", s.clause)) and
         bool(re.search(r"\b(?:a\s+total\s+of|in\s+total|altogether)\b", s.clause)) and
         s.c.measure in ("killed", "wounded"), "period",
         examples=("Thus, a total of more than 100 people died in a series of air attacks overnight.",),
         why="'a total of' over one night adds up that night's dead, not the war's"),
    Rule("period/a-day-so-far", lambda s: s.c.measure in ("killed", "wounded") and _toll_noun(s.c) is None and
         bool(re.search(r"\bso\s+far\b", s.clause)) and not re.search(r"\bsince\b", s.clause) and
         bool(_A_DAY_SO_FAR.search(s.clause)), "period",
         examples=("At least 33 people have been killed across the country on Tuesday so far, activists said.",
                   "So far today, 12 people have died in the clashes, medics said.",
                   "At least 18 civilians have so far been killed on Friday, the monitor said."),
         counter_examples=("So far, 300 people have died since the quake struck on Monday.",),
         why="the count of one day, so far that day: not the running toll"),
    Rule("period/since-a-recent-day", lambda s: s.c.measure in ("killed", "wounded") and not s.level and
         bool(_SINCE_A_RECENT_DAY.search(s.clause)) and not _the_storys_event_told(s), "period",
         examples=("Security forces have killed at least 30 protesters since Friday, activists said.",
                   "Troops have shot dead 18 people since the weekend, the opposition said."),
         counter_examples=("The death toll has risen to 50 since Monday, officials said.",
                           "Since Friday's earthquake, 300 people have died."),
         why="the dead of the last few days, not of the whole story"),
    Rule("period/since-a-later-start", lambda s: s.c.measure in ("killed", "wounded") and not s.level and
         (bool(_SINCE_A_LATER_START.search(s.clause)) or _since_a_statement(s)), "period",
         examples=("Activists say almost 900 people have been killed since the monitoring mission began.",
                   "At least 40 civilians have died since the ceasefire took effect, the agency said.",
                   "Some 127 people have been killed since a new government was formed last week.",
                   "Militias have shelled the port, killing more than 80, since the mediators said on June 2 "
                   "that a truce was agreed.",
                   "At least 45 people have died since the governor declared an emergency on Friday.",
                   "Police have shot dead 30 protesters since the president announced the new tax."),
         counter_examples=("At least 9,000 people have been killed since the uprising began.",),
         why="the dead since something that began during the story (a truce, a mission, a government): "
             "a part of the story's toll"),
    Rule("cumulative/running-total-cue", lambda s: s.cum_cue, "cumulative",
         examples=("The death toll has risen to 2,300, officials said.",
                   "Since the quake struck, 4,100 people have been injured.")),
    Rule("period/the-past-week", lambda s: s.c.measure in ("killed", "wounded") and not s.level and
         bool(re.search(r"\b(?:past|last|previous)\s+week\b", s.clause)) and not _dates_the_one_happening(s),
         "period",
         examples=("A doctor said 109 people have died in the city over the past week.",),
         counter_examples=("The death toll climbed to 3,000 over the past week.",
                           "Bombs Hit Two Embassies\nTwo car bombs exploded outside the embassies on Friday. In all, "
                           "the bombings last week claimed 217 lives, police said. The blasts were minutes apart.")),
    Rule("period/new-deaths", lambda s: s.c.measure in ("killed", "wounded") and _new_ones(s.c), "period",
         examples=("Activists reported 24 new civilian deaths across the country.",
                   "Ten of the new deaths were reported in the northern city.",
                   "Officials confirmed 12 fresh deaths from the floods on Monday."),
         why="new dead since the last count: an increment, not the toll"),
    Rule("period/more-than-before", lambda s: s.c.measure in ("killed", "wounded") and _more_than_before(s.c),
         "period",
         examples=("Activists said at least 28 more people had been killed across the country.",
                   "Rescuers recovered 35 more bodies from the ferry on Wednesday.",
                   "The agency reported 3 more deaths from the coastal province."),
         counter_examples=("At least 20 people were killed and 200 more were injured in the city.",),
         why="'N more' with no count before it in the sentence: the dead added since the last count, not the toll "
             "(after a count, 'N more' are others: that count's companions)"),
    Rule("period/overnight", lambda s: bool(re.search(r"\bovernight\b", s.clause)) and
         s.c.measure in ("killed", "wounded"), "period",
         examples=("Eighteen people were killed overnight, medics said.",)),
    Rule("period/killed-on-a-recent-day", lambda s: s.c.measure in ("killed", "wounded") and not s.cum_cue and
         _recent_day(s) and not _the_storys_event_told(s) and not _war_start(_but_the_counted(s)) and
         not _A_START.search(s.low), "period",
         examples=("Activists said at least 60 people were killed on Sunday across the country.",
                   "Nine soldiers died last Friday in clashes with rebels, the army said.",
                   "Medics said 14 protesters were wounded on Saturday and Sunday.",
                   "Doctors said four rebel fighters had been killed Sunday in friendly fire incidents."),
         counter_examples=("The earthquake killed more than 2,000 people on Monday, officials said.",
                           "At least 1,400 people were killed on March 3, when the war began.",
                           "The death toll rose to 300 on Tuesday, officials said."),
         why="a day's dead, told as that day's event a few days before the article: not the running toll, "
             "unless the day is the one the story's disaster struck"),
    Rule("period/fled-on-a-day",
         lambda s: s.c.measure == "displaced" and bool(s.c.cue) and bool(re.match(
             r"(?:fle|fled|leav|left|mov|head|went|walk)", s.c.cue.lower())) and _past_event(s.c) and
         bool(_DAY_WORDS.search(s.clause)), "period",
         examples=("About 2,000 people fled south on Wednesday.",),
         why="that day's exodus, not all who have fled"),
    Rule("period/movement-as-of-clock", lambda s: s.movement and bool(re.search(r"\bas\s+(?:of|at)\s+\d", s.low)),
         "period", examples=("As of 1300 GMT, 60 trucks had entered through the crossing.",),
         why="the day's count so far"),
    Rule("cumulative/movement-as-of", lambda s: s.movement and bool(re.search(r"\bas\s+of\s+\w+", s.low)),
         "cumulative", examples=("As of Sunday, 2,100 trucks had entered the region.",)),
    Rule("period/movement-done", lambda s: s.movement and _past_event(s.c), "period",
         examples=("On Monday 335 foreign nationals crossed into Egypt.",),
         why="a crossing or delivery told in the past is that day's"),
    Rule("cumulative/movement-ongoing", lambda s: s.movement, "cumulative",
         examples=("Around 700 trucks have entered the region.",)),
))


_PART_OF_A_YEAR = re.compile(r"\b(?:in|during|over)\s+the\s+(?:(?:first|last|past|second|final)\s+(?:[\w-]+\s+)?"
                             r"(?:months?|weeks?|quarter|half)\s+of\s+(?:this|the|last|that)\s+year|same\s+period)\b")
_A_START = re.compile(r"\b(?:beg[au]n|start(?:ed|s)?|broke\s+out|erupted)\b")
_A_DAYS_TOLL = re.compile(r"\b(?:mon|tues|wednes|thurs|fri|satur|sun)day['’]s\s+(?:death\s+|casualty\s+)?toll\b|"
                          r"\b(?:toll|number\s+of\s+(?:dead|deaths|people\s+killed|killed|wounded|injured))\s+(?:on\s+)?"
                          r"(?:mon|tues|wednes|thurs|fri|satur|sun)day\b")
# the disasters whose dead, told of the day they struck, are the story's running toll
_NATURAL_EVENT_NOUNS = STORY_EVENT_NOUNS - {"war", "conflict", "invasion", "offensive", "famine", "drought",
                                           "epidemic", "pandemic", "disaster"}


_WEEKDAY = r"(?:mon|tues|wednes|thurs|fri|satur|sun)day"
_SINCE_A_RECENT_DAY = re.compile(rf"\bsince\s+(?:last\s+)?(?:{_WEEKDAY}\b(?!['’]s)|"
                                 r"yesterday|the\s+weekend|dawn|this\s+morning|last\s+night)")
_SINCE_A_LATER_START = re.compile(r"\bsince\s+(?:(?:the\s+)?(?:start|beginning|launch|arrival|signing)\s+of\s+)?"
                                  r"(?:the\s+|a\s+|an\s+|its\s+|their\s+)?(?:[\w-]+\s+){0,3}?(?:mission|"
                                  r"ceasefire|cease-fire|truce|observers|monitors|administration|government|talks|"
                                  r"deal|agreement|accord|elections?|referendum|peace\s+plan|amnesty)\b")
_A_DAY_SO_FAR = re.compile(rf"\b(?:(?:on\s+)?{_WEEKDAY}|today|this\s+morning)\b")
_NEW = {"new", "fresh"}      # not "further", "additional": the rest of a count (figures.extract)


# "two lives daily", "40 people a week", "at a rate of 9,000 a day"
_RATE_AFTER = re.compile(r"^\W{0,2}(?:daily|weekly|(?:a|per|each|every)\s+(?:single\s+)?(?:day|week|month|hour))\b",
                         re.I)
_RATE_BEFORE = re.compile(r"\b(?:a|the)\s+rate\s+of\s+(?:up\s+to\s+|about\s+|around\s+|some\s+|more\s+than\s+)?$", re.I)


def _a_rate(c: _Cand) -> bool:
    """So many a day, a week or an hour: the words right after the counted phrase (or the number) say it."""
    text = nlp.doc_text(c.sent.doc)
    if _RATE_BEFORE.search(text[max(c.sent.start_char, c.num.start - 40):c.num.start]):
        return True
    end = max(c.num.end, c.np.idx + len(c.np) if c.np is not None else 0)
    return bool(_RATE_AFTER.match(text[end:end + 30]))


# verbs of a statement or a decision: "since the league said on June 2 ...", "since the governor declared ..."
_STATEMENT_LEMMAS = {"say", "announce", "agree", "sign", "declare", "pledge", "promise", "accept", "approve", "vote",
                     "propose", "unveil", "endorse", "impose", "lift", "order"}


def _since_a_statement(s: "_Clause") -> bool:
    """"since the mediators said on June 2 that ...": the count runs from a statement or a decision made
    during the story, not from the story's start."""
    return any(t.lower_ == "since" and t.dep_ == "mark" and _lem(t.head) in _STATEMENT_LEMMAS for t in s.tokens)


def _new_ones(c: _Cand) -> bool:
    """"24 new deaths", "ten of the new deaths": the counted noun is said to be new."""
    noun = c.np
    if c.partitive or noun.pos_ == "NUM":
        noun = next((p.children.__next__() for p in c.np.children if p.dep_ == "prep" and p.lower_ == "of"
                     and any(True for _ in p.children)), noun)
    return any(ch.dep_ == "amod" and ch.lower_ in _NEW for ch in noun.children)


# "28 more people", "35 more bodies": "more" before the counted noun ("1,200 more were injured" after a count of
# the dead are others, like "another 1,200")
_MORE_AFTER = re.compile(r"\s+more\s+(?!(?:than|were|was|are|is|had|have|has|died|remain\w*)\b)[a-z]", re.I)


def _more_than_before(c: _Cand) -> bool:
    """"28 more people had been killed": more than the last count said; not "20 killed and 200 more injured"
    (others beside a count just given) nor "more than 30"."""
    text = nlp.doc_text(c.sent.doc)
    return bool(_MORE_AFTER.match(text, c.num.end)) and not find_counts(text[c.sent.start_char:c.num.start])


def _but_the_counted(s: "_Clause") -> list:
    """The clause's words but the counted phrase: "four rebel fighters were killed on Sunday" names fighters as
    the dead, not as the attackers of the war's start."""
    counted = {t.i for t in s.c.np.subtree}
    return [t for t in s.tokens if t.i not in counted]


def _recent_day(s: "_Clause") -> bool:
    return s.recent_day


def _dates_the_one_happening(s: "_Clause") -> bool:
    """"the bombings ... last week claimed 217 lives", in a story about those bombings: the time dates the
    happening, whose dead are the story's toll (not "in the past 24 hours, 20 more bodies were found")."""
    return the_storys_one_happening(s.c) and _the_storys_event_told(s) and \
        not re.search(r"\b(?:hours?|days|more|new|further|additional)\b", s.clause)


def _the_storys_event_told(s: "_Clause") -> bool:
    """The clause names a disaster ("the earthquake killed ...") or the article's own named event."""
    if any(_lem(t) in _NATURAL_EVENT_NOUNS | HAPPENING_NOUNS and not _gunfire(t) for t in s.tokens):
        return True
    if the_storys_one_happening(s.c) and any(_lem(t) in ATTACK_NOUNS for t in s.tokens):
        return True                 # "the attacks Aug. 7 ... killed 257" in a story about that one bombing
    main = s.c.events.main if s.c.events is not None else None
    return bool(main) and bool(re.search(r"\b" + re.escape(main.lower()) + r"\b", s.clause))


# kinds of fire that are shooting, not a blaze: "friendly fire", "sniper fire", "opened fire", "under fire"
_GUNFIRE_KINDS = {"friendly", "sniper", "artillery", "tank", "mortar", "rocket", "machine", "machinegun", "gun",
                  "cross", "hostile", "enemy", "automatic", "small", "arms", "naval", "anti", "aircraft", "celebratory"}


def _gunfire(t) -> bool:
    """"killed in friendly fire", "opened fire on the crowd", "came under fire": shooting, not a fire."""
    if _lem(t) != "fire" or t.pos_ == "VERB":
        return False
    marks = list(t.children) + (list(t.head.children) if t.dep_ == "compound" else [])   # "friendly fire incidents"
    if any(ch.dep_ in ("amod", "compound") and ch.lower_.replace("-", "") in _GUNFIRE_KINDS for ch in marks):
        return True
    return _lem(t.head) in ("open", "return", "exchange", "hold", "cease") or \
        (t.head.lower_ == "under" and t.dep_ == "pobj")


def _event_phrase(s: "_Clause") -> str:
    """The words that say which event a figure belongs to: its clause, the noun a relative clause or a
    "with N deaths" hangs on ("the 2016 Kumamoto Earthquake, which led to 276 deaths", "Katrina, with
    1,392 deaths")."""
    toks = set(s.tokens)
    # a comparison hung on the clause ("... the deadliest since Katrina devastated New Orleans") is not
    # the figure's event, unless the figure stands in it
    for t in s.tokens:
        if t.dep_ in ("advcl", "prep") and any(m.lower_ in ("since", "than") for m in [t] + list(t.children)
                                                if m.dep_ in ("mark", "prep") or m.i == t.i) and \
                s.c.root.i not in {x.i for x in t.subtree}:
            toks -= set(t.subtree)
    verb = s.verb
    if verb is not None:
        top = _finite_clause(verb, s.c.sent)
        if top.dep_ in ("relcl", "acl") and top.head.pos_ in ("NOUN", "PROPN"):
            toks |= {t for t in top.head.subtree if t.i < top.i}
        rel = next((g for g in top.children if g.dep_ in SUBJ_DEPS and g.lower_ in ("which", "that")), None)
        if rel is not None and top.dep_ != "relcl" and rel.i >= 2:
            # ", which left 1,392 people dead" hung on the clause before it (a relative the parse missed)
            before = _clause_verb(rel.doc[rel.i - 2], s.c.sent)
            if before is not None:
                toks |= {t for t in before.subtree if t.i < rel.i}
    np = s.c.np
    if np.dep_ == "pobj" and np.head.lower_ == "with" and np.head.head.pos_ in ("NOUN", "PROPN"):
        toks |= {t for t in np.head.head.subtree if t.i < np.head.i}
    return " ".join(t.text for t in sorted(toks, key=lambda t: t.i))     # with its gaps: not one span


_REMEMBERING = {"anniversary", "commemoration", "memorial", "remembrance"}


def _another_event(s: "_Clause") -> bool:
    """The figure's event is another than the article's: another named event, or one years before."""
    c = s.c
    if c.events is None:
        return False
    phrase = _event_phrase(s)
    if c.events.other_named(phrase):
        return True
    top = _finite_clause(s.verb, c.sent) if s.verb is not None else None
    for _ in range(3):                          # (up through "in which it is estimated that ...")
        if top is None or top.dep_ not in ("ccomp", "xcomp", "conj"):
            break
        top = top.head
    if top is not None and top.dep_ in ("relcl", "acl") and any(
            _lem(a) in _REMEMBERING for a in [top.head] + list(top.head.ancestors)):
        return True                             # "the anniversary of the massacre, in which 20,000 were killed"
    if c.doc_date is not None:
        return any(int(m.group("year")) <= c.doc_date.year - 2 for m in DATED_EVENT.finditer(phrase))
    return False


def _scope(c: _Cand) -> str:
    s = _Clause(c)
    scope = SCOPE.decide(s, c.trace, default="cumulative")
    if scope == "cumulative" and not c.trace.decided("figures.scope"):
        c.trace.note("figures.scope", "cumulative/default", "no rule said otherwise")
        c.told_as_past = s.told_as_past         # for figures.past_happening, once the sentence is read
        # told as a running toll, though no rule named its scope (the alerts compare only such figures with
        # figures of unclear scope; see synthesize.alerts): a count standing when it was told ("have been
        # killed", "had been seized"), or a count of a story about one disaster or one happening
        if s.told_in_the_perfect:
            c.trace.note("figures.scope", "running/told-as-a-toll", "in the perfect", decided=False)
        elif c.events is not None and (c.events.natural or c.events.one_happening):
            c.trace.note("figures.scope", "running/told-as-a-toll", "the story's one event", decided=False)
    c.cum_cue = s.cum_cue
    return scope


_FRONTED_PERIOD = re.compile(r"^\W*(?:in|over|during|within)\s+the\s+(?:past|last|previous)\s+(?:24|48|72|twenty-four|"
                             r"forty-eight|\w+)\s+hours?\b", re.I)
_DAY_WORDS = re.compile(r"\b(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|yesterday|today|"
                        r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d{1,2}\b)", re.I)


_PRE_WAR = re.compile(r"\b(?:before|prior\s+to)\s+(?:the\s+)?(?:war|conflict|invasion|fighting|"
                      + story.alternation("named_dates") + r")", re.I)


def _pre_war(c: _Cand) -> bool:
    """"Before the war, about 500 trucks entered daily" -- but not "1,000 trucks since Oct. 21, compared with
    500 a day before the war", where the pre-war phrase belongs to another number."""
    text = nlp.doc_text(c.root.doc)
    clause = _clause_tokens(c)
    if not clause:
        return False
    lo, hi = min(t.idx for t in clause), max(t.idx + len(t) for t in clause)
    for m in _PRE_WAR.finditer(text, lo, hi):
        between = text[min(m.start(), c.num.end):max(m.start(), c.num.start)]
        if not find_counts(between):
            return True
    return False


_INITIALLY = re.compile(r"\b(?:initially|at\s+first|originally|first\s+reported)\b", re.I)


_PREVIOUSLY = {"previously", "formerly"}
# verbs of a change in a count: "by N" after them is the size of the change
_CHANGE_VERBS = {"overcount", "undercount", "overstate", "understate", "overestimate", "underestimate", "inflate",
                 "revise", "lower", "raise", "increase", "decrease", "rise", "fall", "drop", "cut", "reduce",
                 "grow", "climb", "jump", "swell", "surge", "decline", "exaggerate", "adjust", "correct"}


def _previously(c: _Cand) -> bool:
    """"who previously reported 72 deaths", "had earlier put the toll at 310": the figure's own verb (or
    one it hangs on) was said before; "earlier" alone only with a past perfect ("said earlier on Monday")."""
    for a in [c.np] + list(_ancestors(c.np, c.sent)):
        if not _is_verbal(a):
            continue
        perfect = any(ch.dep_ == "aux" and _lem(ch) == "have" and ch.tag_ == "VBD" for ch in a.children)
        if any(ch.dep_ == "advmod" and (ch.lower_ in _PREVIOUSLY or (ch.lower_ == "earlier" and perfect))
               for ch in a.children):
            return True
        if a.dep_ in ("ROOT", "relcl", "advcl"):
            break                               # not a verb of another clause
    return False


def _change_by(c: _Cand) -> bool:
    """"overcounted deaths by as many as 30", "rose by 300 to 1,500": N "by" which a count changed."""
    if c.role != "pobj" or c.prep is None or c.prep.lower_ != "by":
        return False
    head = c.prep.head
    for a in [head] + list(head.ancestors)[:2]:
        # (the lemmatizer does not know "overcounted": any over-/under- verb is a misjudged count)
        if _is_verbal(a) and (_lem(a) in _CHANGE_VERBS or re.match(r"(?:over|under)[a-z]{4,}ed$", a.lower_)):
            return True
    return False


def _initially(s: "_Clause") -> bool:
    """"Initially reported on May 6, ... 9,500", "had initially been estimated at 150": "initially" on the
    figure's own verb or heading its sentence, not in another clause ("after the group initially delayed")."""
    if re.match(r"^\W*(?:initially|at\s+first|originally)\b", s.c.sent.text, re.I):
        return True
    v = s.verb
    return v is not None and any(_INITIALLY.match(ch.text) or (ch.dep_ in ("advmod", "prep") and
                                                            _INITIALLY.search(ch.text)) for ch in v.children)


def _had_by_earlier_day(c: _Cand) -> bool:
    """"The death toll had approached 23,000 by January 7": past perfect, "by" a named day."""
    verb = _clause_verb(c.np, c.sent)
    if verb is None or _lem(verb) not in LEVEL_VERBS or not any(
            ch.dep_ == "aux" and ch.lower_ == "had" for ch in verb.children):
        return False
    return bool(re.search(r"\bby\s+(?:(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]*\.?\s+\d|"
                          r"(?:mon|tues|wednes|thurs|fri|satur|sun)day)", c.sent.text, re.I))


_FRONTED_MONTH = re.compile(r"^\W*(?:in|by)\s+(?:(?:early|mid|late|the\s+end\s+of|the\s+middle\s+of)[\s-]+)?"
                            rf"(?P<m>{'|'.join(MONTH_NAMES)})\b(?!\s+\d)", re.I)


def _level_of_an_earlier_month(s: "_Clause") -> bool:
    """"In February, the government put the death toll at 3,838", "By mid-May, the toll had reached 1,000" in an
    article of another month: where a count stood then, told in the past (an overview's history)."""
    c = s.c
    m = _FRONTED_MONTH.match(c.sent.text)
    if m is None or c.doc_date is None or MONTHS[m.group("m").lower()] == c.doc_date.month:
        return False
    if not (s.level or _toll_noun(c) is not None or _toll_setter(c) is not None):
        return False
    verb = _clause_verb(c.np, c.sent)
    return verb is not None and (verb.tag_ == "VBD" or any(ch.dep_ == "aux" and ch.lower_ == "had"
                                                           for ch in verb.children))


# "... to 192 from 226": the count a change went from, right after the count it went to
_TO_N_FROM = re.compile(r"\b(?:to|at)\s+(?:about\s+|around\s+|some\s+|nearly\s+|almost\s+|more\s+than\s+|over\s+)?"
                        r"(?:\d[\d,.]*|(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|[a-z]+teen|"
                        r"(?:twen|thir|for|fif|six|seven|eigh|nine)ty(?:-[a-z]+)?))(?:\s+[a-z]+)?,?\s+(?:down\s+|up\s+)?from\s+(?:a\s+|the\s+|an?\s+earlier\s+|"
                        r"the\s+previous\s+)?$")
_CHANGE_VERBS = {"revise", "lower", "raise", "cut", "correct", "adjust", "update", "rise", "climb", "fall", "drop",
                 "increase", "decrease", "reduce", "bring", "jump", "soar", "grow"}


def _one_family(c: _Cand) -> bool:
    """"a family of five", "12 members of his family", "seven members of one family": one family's dead."""
    np = c.np
    if _lem(np) == "family" and any(ch.dep_ == "prep" and ch.lower_ == "of" for ch in np.children):
        return True
    if np.head.lower_ == "of" and _lem(np.head.head) == "family":
        return True                     # "a family of five": the number hangs on "of"
    for ch in np.children:
        if ch.dep_ == "prep" and ch.lower_ == "of":
            for g in ch.children:
                if g.dep_ == "pobj" and _lem(g) == "family" and any(
                        d.dep_ in ("det", "poss", "nummod") or d.lower_ in ("one", "same", "extended")
                        for d in g.children):
                    return True
    return False


_MAN_MADE_HAPPENINGS = {"accident", "crash", "collision", "stampede", "shooting", "crush"}
_CRASH_VERBS = {"crash", "collide", "capsize", "overturn"}


def _another_kind_of_happening(s: "_Clause") -> bool:
    """In a natural disaster's article, the count hangs on (or follows) an accident, a crash or a stampede."""
    c = s.c
    if c.measure not in ("killed", "wounded", "missing") or not (c.events is not None and c.events.natural):
        return False
    for a in [c.np, *c.np.ancestors]:
        if _lem(a) in _MAN_MADE_HAPPENINGS and a.pos_ == "NOUN":
            return True                         # "an accident in which four were killed"
        if _is_verbal(a) and (_lem(a) in _CRASH_VERBS or any(
                g.dep_ in ("nsubj", "nsubjpass") and _lem(g) in _MAN_MADE_HAPPENINGS for g in a.children)):
            return True                         # "a helicopter crashed, killing three", "a stampede killed 12"
    return False


_SHOCK_NOUNS = {"earthquake", "quake", "tremor", "storm", "cyclone", "typhoon", "hurricane", "flood", "landslide",
                "eruption", "tornado", "blast", "explosion"}
_LATER = {"further", "another", "new", "latest", "second", "third", "fourth", "fresh", "separate", "subsequent",
          "later"}


def _a_later_shock(s: "_Clause") -> bool:
    """The count's clause is of a later shock of a disaster's sequence ("a further earthquake", "the latest quake",
    "a second storm", "an aftershock")."""
    if s.c.measure not in ("killed", "wounded", "missing") or not (s.c.events is not None and s.c.events.natural) \
            or s.level or _toll_noun(s.c) is not None:
        return False                    # ("the latest quake brought the toll to 2,500": the toll of them all)
    for t in s.c.sent:
        if _lem(t) in ("aftershock", "aftershocks"):
            later = True
        elif _lem(t) in _SHOCK_NOUNS:
            # "a further quake", "a further magnitude 6.3 earthquake" (however the parse hung "further")
            before = t.doc[max(t.i - 4, s.c.sent.start):t.i]
            later = any(b.lower_ in _LATER for b in before) and not any(b.is_punct for b in before)
        else:
            continue
        if later and not _subject_of_another_count(t, s.c):
            return True
    return False


def _subject_of_another_count(t, c: _Cand) -> bool:
    """``t`` is the subject of a clause that tells a count of its own ("The quake has killed 2,300, and
    aftershocks have injured 400 more": the aftershocks' are the 400)."""
    if t.dep_ not in ("nsubj", "nsubjpass"):
        return False
    v = t.head
    if v.i == c.root.i or (c.verb is not None and v.i == c.verb.i) or any(a.i == v.i for a in c.np.ancestors):
        return False
    own = {x.i for x in c.tokens}
    return any(x.like_num and x.i not in own for x in v.subtree)


def _revised_from(c: _Cand) -> bool:
    """"revised ... to around 1,200, from 1,400", "rose from 90 to 140": the figure it replaced."""
    before = nlp.doc_text(c.root.doc)[c.sent.start_char:c.num.start]
    if _TO_N_FROM.search(before) and any(_lem(t) in _CHANGE_VERBS for t in c.sent if t.idx < c.num.start):
        return True                 # "revised down the number killed in the city since May 10 to 192 from 226"
    if c.role != "pobj" or c.prep is None or c.prep.lower_ != "from" or c.verb is None:
        return False
    if c.prep.head.lower_ in DIRECTION_ADVS:
        return True
    if not _is_verbal(c.verb) or _lem(c.verb) not in TOLL_SET_VERBS | LEVEL_VERBS:
        return False
    return any(t.dep_ == "prep" and t.lower_ in ("to", "at") and any(x.like_num for x in t.subtree)
               for t in c.verb.subtree if t.i != c.prep.i)


def _toll_of_incident(c: _Cand) -> bool:
    """"The death toll from Tuesday's strike on the camp rose to 195": a toll of one event."""
    noun = _toll_noun(c)
    if noun is None:
        return False
    for p in noun.children:
        if p.dep_ == "prep" and p.lower_ in ("from", "of", "in", "at"):
            for t in p.children:
                if t.dep_ != "pobj":
                    continue
                sub = list(t.subtree)
                if _war_start(sub) or _lem(t) in WAR_START_NOUNS:
                    return False
                if (_lem(t) in ATTACK_NOUNS and t.tag_ == "NN") or _lem(t) in INCIDENT_PLACES:
                    return True
    return False
