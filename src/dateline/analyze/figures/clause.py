"""What the scope rules look at: a figure's clause (its tokens, text and verb) and the cue words found there."""
from __future__ import annotations

import functools
import re

from .lexicon import (
    ATTACK_NOUNS, BODY_NOUNS, HAPPENING_NOUNS, KILLED_VERBS, LEVEL_VERBS, TOLL_SET_VERBS, WOUNDED_VERBS,
)
from ..lexicon.calendar import MONTH_NAMES
from .parse import _clause_verb, _finite_clause, _is_verbal, _lem, _text_of
from .candidate import _Cand
from .toll import _toll_noun, _toll_setter


def _clause_tokens(c: _Cand):
    setter = _toll_setter(c)
    if setter is None and _toll_noun(c) is not None and _is_verbal(c.verb):
        setter = c.verb
    if setter is not None and setter.dep_ in ("advcl", "xcomp", "conj", "ccomp") and setter.tag_ == "VBG":
        return list(setter.subtree)         # "..., bringing the number of dead to 9,770": not the main event
    verb = _clause_verb(c.np, c.sent)
    if verb is None:
        return list(c.sent)
    top = _finite_clause(verb, c.sent)
    return list(top.subtree)


_A_POINT_IN_TIME = re.compile(r"(?:yesterday|(?:this|last)\s+week(?:end)?|(?:at|over|on)\s+the\s+weekend|"
                              r"the\s+day\s+before)$", re.I)


_THE_NEXT_DAY = re.compile(r"\b(?:next|following)\s+day$", re.I)
_THIS_MONTH = re.compile(r"\b(?:this|last|past|previous)\s+month$", re.I)


# (a year so far is no such span: "killed this year", "since the start of the year" is often a story's whole count)
_SPAN_OF_A_YEAR = re.compile(r"\b(?:(?:the|this|last|past)\s+(?:(?:first|second|third|fourth|last|"
                             r"previous|past)\s+)?quarter|(?:over|in|during)\s+the\s+(?:(?:past|last|previous)\s+)?"
                             r"(?:two|three|four|five|six|[2-6])\s+months)$", re.I)


_SPANNED_VIOLENCE = {"violence", "fighting", "war", "conflict", "clash", "attack", "strike", "bombing", "shelling",
                     "unrest", "killing", "airstrike"}


def _a_calendar_span(t, c: _Cand) -> bool:
    """"killed this month", "died last month", "have died in May (alone)", "between July and September", "in the
    third quarter", "over the three months" said of the figure's own verb: a war's
    dead of a stretch of the calendar. A disaster's dead of this month are its toll (it struck this month), and a
    month as a date ("on May 3", "in May 2011") or in a clause of its own is no such span."""
    if c.events is not None and c.events.natural:
        return False
    low = t.lower_
    window = c.sent.doc[max(t.i - 7, c.sent.start):t.i + 1].text
    if low == "month":
        if not _THIS_MONTH.search(c.sent.doc[max(t.i - 2, c.sent.start):t.i + 1].text):
            return False
    elif low in ("quarter", "months"):
        if not _SPAN_OF_A_YEAR.search(window) or (t.i + 1 < len(t.doc) and t.doc[t.i + 1].lower_ == "since"):
            return False                        # (not "in the six months since the war began")
    elif low in MONTH_NAMES and t.head.lower_ in ("in", "during", "between") and t.head.i == t.i - 1:
        if t.i + 1 < len(t.doc) and t.doc[t.i + 1].like_num:
            return False
        if low == "january" and t.head.lower_ == "between":
            return False                        # "between January and October": the year so far
    else:
        return False
    if t.i + 1 < len(t.doc) and t.doc[t.i + 1].tag_ == "POS":
        return False                            # "last month's attack"
    for a in t.ancestors:
        if a.i == c.root.i or (c.verb is not None and a.i == c.verb.i):
            return True
        if a.dep_ in ("advcl", "relcl", "acl", "pcomp", "ccomp"):
            return False
        # the span's own words ("since the start of the year") and the violence it bounds ("in gang violence
        # between July and September") lead on to the verb; any other noun has the span of its own
        if a.pos_ in ("NOUN", "PROPN") and a.i != c.np.i and a.i < t.i - 7 and _lem(a) not in _SPANNED_VIOLENCE:
            return False
        if a.pos_ in ("NOUN", "PROPN") and a.i != c.np.i and a.i > t.i:
            return False
    return False
    return False


def _a_point_in_time(t, c: _Cand) -> bool:
    """"yesterday", "this week", "the day before ..." said of the figure's own verb: not in a clause of its
    own ("when the militia attacked last week"), not the possessive of an event ("last week's quake")."""
    if t.lower_ not in ("yesterday", "week", "weekend", "day", "today", "tonight"):
        return False
    words = c.sent.doc[max(t.i - 2, c.sent.start):t.i + 1 + (t.lower_ == "day")].text
    # "killed today", "the killing of 100 protesters the next day": that day's dead too
    # ("so far today" is period/a-day-so-far's)
    before = c.sent.doc[max(t.i - 3, c.sent.start):t.i].text.lower()
    said = (t.lower_ in ("today", "tonight") and "so far" not in before) or \
        (t.lower_ == "day" and bool(_THE_NEXT_DAY.search(c.sent.doc[max(t.i - 2, c.sent.start):t.i + 1].text)))
    if not (said or _A_POINT_IN_TIME.search(words)) or (t.i + 1 < len(t.doc) and t.doc[t.i + 1].tag_ == "POS"):
        return False
    for a in t.ancestors:
        if a.i == c.root.i or (c.verb is not None and a.i == c.verb.i):
            return True
        if a.dep_ in ("advcl", "relcl", "acl", "pcomp", "ccomp") or a.pos_ in ("NOUN", "PROPN") and a.i != c.np.i:
            return False
    return False


_PRESENT_AUXES = {"has", "have", "'ve", "is", "are", "am"}


def told_standing_now(v) -> bool:
    """The verb is in the present or the present perfect ("are treating 68", "have found 2,000 bodies"): a count
    standing when it is told, not a happening told in the past ("had been killed" is past)."""
    return any(a.lower_ in _PRESENT_AUXES for a in _auxiliaries(v))


def _auxiliaries(v) -> list:
    """The auxiliaries of a verb, or of the first verb it is coordinated with ("has killed 36,000 and wounded
    78,200": the first verb's)."""
    chain = [v]
    while chain[-1].dep_ == "conj" and chain[-1].head.i != chain[-1].i:
        chain.append(chain[-1].head)
    return [a for x in chain for a in x.children if a.dep_ in ("aux", "auxpass")]


# words of a running count ("since", "so far", "the toll"): figures.past_happening reads more of them
RUNNING_WORDS = r"since|in\s+total|a\s+total\s+of|so\s+far|to\s+date|overall|altogether|toll|cumulative"
_RUNNING_CUE = re.compile(rf"\b(?:{RUNNING_WORDS})\b")

_SUPERLATIVE_DETS = {"the", "its", "their", "his", "her"}      # "the bloodiest", tagged JJ


_TOTAL_WORDS = re.compile(r"in\s+total|a\s+total\s+of|overall|altogether")


def _of_one_happening(tokens) -> bool:
    """The clause hangs its count on one happening: "killed in the strike", "died in an attack on the market"."""
    return any(t.dep_ == "pobj" and t.head.lower_ in ("in", "by", "during") and t.tag_ == "NN" and
               _lem(t) in ATTACK_NOUNS | HAPPENING_NOUNS and
               any(d.dep_ == "det" and d.lower_ in ("the", "a", "an", "that", "this") for d in t.children)
               for t in tokens)


def _since_of_a_superlative(since) -> bool:
    """"the biggest assault since the revolt began", "the worst toll since records began": the since measures
    the superlative (the most of its kind since then), not a count."""
    # (far enough back for "the largest loss of life in a single incident since the war began")
    for t in reversed(since.doc[max(since.i - 12, since.sent.start):since.i]):
        if t.tag_ in ("JJS", "RBS") or t.lower_ == "first" or \
                (t.lower_.endswith("est") and t.i > 0 and t.doc[t.i - 1].lower_ in _SUPERLATIVE_DETS):
            return True
        if t.pos_ in ("VERB", "AUX") or t.is_punct:
            return False
    return False


def says_running(pattern: re.Pattern, sent) -> bool:
    """Whether ``pattern`` finds a running-count word in the sentence that is not a superlative's since."""
    for m in pattern.finditer(sent.text):
        if m.group(0).lower() != "since":
            return True
        since = sent.doc.char_span(sent.start_char + m.start(), sent.start_char + m.end())
        if since is None or not _since_of_a_superlative(since[0]):
            return True
    return False


# verbs of coming upon the dead ("found the bodies of nine men", "received the bodies of seven soldiers")
_FINDING_VERBS = {"find", "discover", "recover", "retrieve", "pull", "receive", "unearth", "exhume", "dig"}

# verbs of keeping count ("we documented 48 deaths"): a tally, not a happening
_COUNTING_VERBS = {"document", "count", "tally", "register", "log", "verify", "identify", "list", "tabulate", "compile"}


def without_other_counts(tokens, c: _Cand) -> list:
    """``tokens`` without the clauses in them that hold a number of their own (relative clauses on other nouns,
    "while ..." clauses, other conjoined verbs): their words are about that number, not ``c``."""
    own = {x.i for x in c.tokens}
    inner: set = set()
    for t in tokens:
        if t.i in inner or not (t.dep_ in ("relcl", "acl") and t.head.i != c.np.i or
                                t.dep_ in ("advcl", "conj") and _is_verbal(t)):
            continue
        sub = {x.i for x in t.subtree}
        if not sub & own and any(t.doc[i].like_num for i in sub):
            inner |= sub
    return [t for t in tokens if t.i not in inner] if inner else list(tokens)


class _Clause:
    """What the scope rules look at: the candidate, its sentence and clause in lower case, and the cue words
    found there (computed when a rule first asks)."""

    def __init__(self, c: _Cand):
        self.c = c
        self.low = c.sent.text.lower()
        self.before = self.low[:c.num.start - c.sent.start_char]

    @functools.cached_property
    def tokens(self):
        return _clause_tokens(self.c)

    @functools.cached_property
    def clause(self) -> str:
        return _text_of(self.tokens).lower()

    @functools.cached_property
    def verb(self):
        return _clause_verb(self.c.np, self.c.sent)

    @functools.cached_property
    def cum_cue(self) -> bool:
        # every cue word but a superlative's since ("the biggest assault since the revolt began"), and none of a
        # relative clause that tells a count of its own ("..., in the crackdown, which has killed 3,500 since March")
        # a total of one happening ("among a total of seven people killed in the strike") is that happening's
        # and so is a total of one recent day ("a total of 24 civilians died on Saturday")
        tokens = self.own_tokens
        return any(m.group(0) != "since" and not (_TOTAL_WORDS.match(m.group(0)) and
                                                  (self.recent_day or _of_one_happening(tokens)))
                   for m in _RUNNING_CUE.finditer(_text_of(tokens).lower())) or \
            any(t.lower_ == "since" and not _since_of_a_superlative(t) for t in tokens)

    @functools.cached_property
    def own_tokens(self):
        return without_other_counts(self.tokens, self.c)

    @functools.cached_property
    def told_as_past(self) -> bool:
        """The dead or wounded are told as a past happening: the count's own event verb in the simple past
        ("two soldiers were killed", "civilians who died") or a participle hung on an event (", killing 20"),
        not in the perfect ("have been killed", "had died": a count standing when it was told), not a level
        ("rose to", "stands at", "were in Wajima") nor a count set or reported ("confirmed 1,644 deaths")."""
        c = self.c
        v = c.verb
        if v is not None and c.measure == "killed" and _lem(v) in BODY_NOUNS and v.dep_ in ("dobj", "nsubjpass") \
                and _lem(v.head) in _FINDING_VERBS:
            v = v.head                  # "villagers found the bodies of nine men": the finding is the happening
        if c.measure not in ("killed", "wounded") or v is None or not _is_verbal(v):
            return False
        # a count set or kept ("confirmed 1,644 deaths", "we documented 48 deaths") is a tally, and a level
        # is where a count stood; but "20 people were reported injured" tells the injuring, in the past
        reported_as = any(ch.dep_ == "auxpass" for ch in v.children) and \
            any(ch.dep_ in ("oprd", "xcomp", "acomp", "ccomp") for ch in v.children) and _toll_noun(c) is None
        if not reported_as and (self.level or _lem(v) in TOLL_SET_VERBS | _COUNTING_VERBS):
            return False
        if v.tag_ == "VBG":
            return v.dep_ in ("advcl", "xcomp", "acl", "pcomp") or (v.dep_ == "conj" and v.head.tag_ == "VBG")
        auxes = _auxiliaries(v)
        if any(_lem(a) == "have" or a.tag_ == "MD" for a in auxes):
            return False
        # the present of headlines and timelines ("Two suicide bombers kill 36 cadets", "Nine people die after
        # a gun battle") tells a happening as the simple past does
        if not auxes and v.tag_ in ("VBZ", "VBP"):
            return _lem(v) in KILLED_VERBS | WOUNDED_VERBS
        return any(a.tag_ == "VBD" for a in auxes) if auxes else v.tag_ == "VBD"

    @functools.cached_property
    def told_in_the_perfect(self) -> bool:
        """The count's own verb is in the perfect ("have been killed", "has killed", "had been seized"): a count
        standing when it was told."""
        v = self.c.verb
        return v is not None and _is_verbal(v) and any(_lem(a) == "have" for a in _auxiliaries(v))

    @functools.cached_property
    def resumed(self) -> bool:
        """"since the fighting resumed", "since the truce collapsed": a new period, not the war's toll."""
        return bool(re.search(r"\bsince\b[^.;]{0,40}\b(?:resum|restart|collaps|broke\s+down|end(?:ed|s)\b|expir|"
                              r"(?:truce|ceasefire|cease-fire|pause)\s+(?:was\s+)?(?:over|ended|lapsed))\w*",
                              self.clause))

    @functools.cached_property
    def since_phase(self) -> bool:
        """"since the ground offensive began", "since the latest round of fighting": a phase of the war."""
        return bool(re.search(r"\bsince\s+(?:the|its|their)\s+(?:(?:ground|new|latest|renewed|second|third|"
                              r"fresh|current|recent|final)\s+)+(?:\w+\s+){0,2}?(?:offensive|operation|invasion|"
                              r"incursion|assault|campaign|phase|round|wave|push|stage)\b", self.clause))

    @functools.cached_property
    def period_cue(self) -> bool:
        clause = self.clause
        cue = re.search(r"\b(?:(?:past|last|previous)\s+(?:few\s+)?(?:24|48|72|twenty-four|forty-eight|\d+|few|two|"
                        r"three|four|five|six|seven|several)?[\s-]*(?:hours?|days?)|(?:past|last|previous)\s+(?:two|three|four|[2-4])\s+"
                        r"weeks|recent\s+days|in\s+a\s+single\s+day|"
                        r"on\s+a\s+single\s+day|in\s+one\s+day|in\s+(?:just|only|less\s+than|under)\s+(?:a|one|two|three|four|five|"
                        r"six|\d+)\s+(?:hours?|days?|weeks?)|"
                        r"(?:in|over|during)\s+(?:the\s+(?:first|last|past)\s+)?(?:two|three|four|five|six|seven|[2-7])\s+"
                        r"days\b|"
                        r"on\s+(?:one\s+of\s+)?the\s+(?:\w+est|worst)\s+days?\b|"
                        r"(?:over|during|in)\s+the\s+course\s+of\s+(?:the|a|that)\s+(?:day|night)\b|"
                        r"throughout\s+the\s+day\b|"
                        r"(?:24|48|72|twenty-four|forty-eight)[- ]hours?\s+(?:to|until|up\s+to|period)|"
                        r"(?:in|over|during|within)\s+(?:the\s+)?(?:24|48|72|twenty-four|forty-eight)[- ]hours?)\b",
                        clause)
        long_span = re.search(r"\b(?:past|last)\s+(\d+)\s+days\b", clause)
        long_weeks = re.search(r"\b(?:past|last)\s+(\d+|five|six|seven|eight|nine|ten|several|few)\s+weeks\b", clause)
        if cue and not (long_span and int(long_span.group(1)) > 7) and not long_weeks:
            return True
        # a day or a week named as a point ("killed yesterday", "died this week"): that day's dead, but a
        # level reached then ("the toll rose to 300 yesterday") is the running count on that day
        return not self.level and any(_a_point_in_time(t, self.c) for t in self.tokens) or self.calendar_span

    @functools.cached_property
    def calendar_span(self) -> bool:
        """A war's dead of a stretch of the calendar ("killed this month", "between July and September"): a period."""
        return not self.level and any(_a_calendar_span(t, self.c) for t in self.tokens)

    @functools.cached_property
    def recent_day(self) -> bool:
        """The figure's own event verb is dated to a day within the week before the article, and it is a killing
        told as an event, not a level a count reached ("the number of injured shot up to 57,000 on Monday")."""
        c = self.c
        return c.event_day is not None and c.doc_date is not None and 0 <= (c.doc_date - c.event_day).days <= 7 \
            and not self.level

    @functools.cached_property
    def level(self) -> bool:
        """The figure is a level a count reached or was set at ("the toll rose to 300", "put the number at 90")."""
        c = self.c
        if c.role == "pobj" and c.prep is not None and c.prep.lower_ in ("to", "at"):
            return True
        return _toll_noun(c) is not None or (c.verb is not None and _lem(c.verb) in LEVEL_VERBS | TOLL_SET_VERBS)

    @functools.cached_property
    def movement(self) -> bool:
        c = self.c
        return c.measure in ("evacuated", "aid_trucks") or (c.measure == "other" and _release_cue(c)) or \
            "figures.measure.path:displaced/refugees-on-the-move" in c.trace.fired       # a flow, not a stock


def _release_cue(c: _Cand) -> bool:
    return bool(c.cue and re.match(r"(?:releas|free|rescu|swap|exchang|return|liberat|hand)", c.cue.lower()))
