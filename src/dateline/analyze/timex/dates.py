"""Rules for absolute dates: ISO and numeric dates, 9/11, month and day, month, year, decade, century, season,
quarter, half, holiday."""
from __future__ import annotations

import datetime as dt
import re
from typing import Optional

from ..lexicon.calendar import DECADE_WORDS, MONTHS, SEASONS, SEASON_MIDDLE_MONTH
from ..lexicon.named_events import NAMED_EVENTS, NamedEvent
from ..lexicon.numbers import ORDINALS
from .grammar import DAYNUM, MOD, MONTH, MONTH_SOLO, YEAR4, _alt
from .calendar import _fmt, _holiday_date, _nearest, _shift, _start_of, _valid_day, _year_for
from .registry import Resolved, _since, rule


def _cap(word: Optional[str]) -> bool:
    return bool(word) and word[0].isupper()


def _month_num(word: str) -> int:
    return MONTHS[word.lower().rstrip(".")]


_MONTH_CONTEXT = re.compile(
    r"\b(?:in|since|early|late|mid|until|till|by|of|from|to|through|before|after|during|last|next|this"
    r"|and|or|between|each|every|end|beginning|start|middle)\s*-?$", re.I)


def _month_ok(m: re.Match, seg: str) -> bool:
    word = m.group("mon")
    if not _cap(word):
        return False
    if word.lower() in ("may", "march") and not (m.groupdict().get("mod") or m.groupdict().get("rel")):
        return bool(_MONTH_CONTEXT.search(seg[:m.start("mon")].rstrip()))
    return True


# -- absolute dates


@rule("iso", r"(?<![\w/.-])(?P<y>\d{4})(?P<sep>[-/.])(?P<m>\d\d?)(?P=sep)(?P<d>\d\d?)"
             r"(?:[T ](?P<H>[01]?\d|2[0-3]):(?P<M>[0-5]\d))?(?![\w/-]|\.\d)",
      valid=lambda m, s: _valid_day(int(m["y"]), int(m["m"]), int(m["d"])), kind="day",
      examples=("The ministry published its report on 2024-02-28.", "The polls closed at 2024-03-01 18:00."),
      counter_examples=("The form gives 2023-02-30 as the deadline.",),
      why="year-month-day, with a clock time if one follows; not a day the calendar lacks")
def _iso(m, ctx, hit):
    day = dt.date(int(m["y"]), int(m["m"]), int(m["d"]))
    if m["H"]:
        return Resolved("TIME", f"{day.isoformat()}T{int(m['H']):02d}:{m['M']}", day)
    return Resolved("DATE", day.isoformat(), day)


def _numeric_readings(m) -> list[dt.date]:
    a, b, y = int(m["a"]), int(m["b"]), int(m["y"])
    if len(m["y"]) == 2:
        y += 2000 if y < 50 else 1900
    out = []
    for day, month in ((a, b), (b, a)):        # day/month first: the form used outside the US
        if _valid_day(y, month, day):
            out.append(dt.date(y, month, day))
    return out


@rule("numeric", r"(?<![\w/.,-])(?P<a>\d\d?)(?P<sep>[/.-])(?P<b>\d\d?)(?P=sep)(?P<y>\d{4}|\d\d)(?![\w/-]|[.,]\d)",
      valid=lambda m, s: bool(_numeric_readings(m)) and (m["sep"] == "/" or len(m["y"]) == 4), kind="day",
      examples=("The ceasefire took effect on 25/02/2024.", "The decree is dated 3/1/24."),
      counter_examples=("Serial code 12.31.99 was stamped on the crate.",),
      why="day/month/year (or month/day/year); a two-digit year only with slashes")
def _numeric(m, ctx, hit):
    readings = _numeric_readings(m)
    # when both readings are valid, the one nearer the article date
    day = min(readings, key=lambda d: abs((d - ctx.dct).days))
    return Resolved("DATE", day.isoformat(), day)


def _names_written_event(m, seg) -> bool:
    """Not a score among others ("9/11 and 7/12"; "the 9/11 and 7/7 attacks" and "24/7" are no
    scores) nor a day of another year ("on 9/11 last year")."""
    near = seg[max(0, m.start() - 12):m.start()] + " " + seg[m.end():m.end() + 12]
    if re.search(r"\d/\d", re.sub(r"(?<![\d/])(?:7/7|24/7)(?![\d/])", "", near)):
        return False
    return not re.match(r"\s+(?:last|this|next)\s+year\b", seg[m.end():], re.I)


# the forms that name an event by themselves ("9/11"), and the events whose month and day name them when
# certain words follow ("the September 11 attacks")
_WRITTEN_EVENTS = [(re.compile(form, re.I), ev) for ev in NAMED_EVENTS for form in ev.written]
_EVENT_DAYS = [(ev.month_day, re.compile(ev.followed_by, re.I), ev) for ev in NAMED_EVENTS if ev.month_day]


@rule("named-event", rf"(?<![\w/.,$(-])(?:{'|'.join(f for ev in NAMED_EVENTS for f in ev.written)})(?![\w/-]|[.,]\d)",
      kind="day", valid=_names_written_event,
      examples=("Airport security was tightened after 9/11.",),
      counter_examples=("The side converted 9/11 and 7/12 of its penalty kicks.",
                        "The shop reopened on 9/11 last year."),
      why="a form naming an event of the named-events table ('9/11'); not a score among others, nor a day "
          "of another year")
def _named_event(m, ctx, hit):
    """ "9/11": the event's day, for an article written after it."""
    event = next(ev for form, ev in _WRITTEN_EVENTS if form.fullmatch(m.group(0)))
    if ctx.dct <= event.date:
        return None
    return _event_day(event, ctx)


def _event_day(event: NamedEvent, ctx) -> Resolved:
    if ctx.trace is not None:
        ctx.trace.note("timex.named-events", event.name, event.date.isoformat())
    return Resolved("DATE", event.date.isoformat(), event.date, anchors=False)


@rule("numeric-short", r"(?<=\()(?P<a>\d\d?)/(?P<b>\d\d?)(?=\))", kind="day",
      valid=lambda m, s: 1 <= int(m["b"]) <= 12 and 1 <= int(m["a"]) <= 31,
      examples=("The runoff is on Sunday (10/03).",),
      counter_examples=("The ratio (13/14) was unchanged on Monday.",),
      why="day/month in brackets after a day name")
def _numeric_short(m, ctx, hit):
    """ "Sunday (24/12)": day/month in brackets after a day name, the year inferred."""
    day, month = int(m["a"]), int(m["b"])
    year = _year_for(month, day, ctx.dct, ctx.tense(hit.start, hit.end))
    if not _valid_day(year, month, day):
        return None
    d = dt.date(year, month, day)
    return Resolved("DATE", d.isoformat(), d)


_DATE_TAIL = rf"(?:\s*,?\s*(?P<y>{YEAR4}))?"


def _day_month_ok(m, seg):
    return _cap(m["mon"]) and int(re.match(r"\d+", m["day"])[0]) <= 31


# A month and day with no year naming an event of the table ("the September 11th attacks", "Sept. 11
# hijackers"): in English news, that day, not the last September 11 before the article. A date after a
# preposition is a day of its own ("on September 11 attackers stormed ...").
_PREPOSITION_BEFORE = re.compile(r"\b(?:on|by|until|till|from|before|after|since|through|to|for|of)\s*$", re.I)


def _event_named(month: int, day: int, ctx, hit) -> Optional[NamedEvent]:
    for month_day, followed_by, event in _EVENT_DAYS:
        if month_day == (month, day) and ctx.dct > event.date and followed_by.match(ctx.after(hit.end)) \
                and not _PREPOSITION_BEFORE.search(ctx.before(hit.start)):
            return event
    return None


def _resolve_day_month(m, ctx, hit):
    month = _month_num(m["mon"])
    day = int(re.match(r"\d+", m["day"])[0])
    if m["y"]:
        year = int(m["y"])
    elif (event := _event_named(month, day, ctx, hit)) is not None:
        return _event_day(event, ctx)
    else:
        year = _year_for(month, day, ctx.dct, "PAST" if _since(ctx, hit) else ctx.tense(hit.start, hit.end))
    if not _valid_day(year, month, day):
        return None
    d = dt.date(year, month, day)
    return Resolved("DATE", d.isoformat(), d)


@rule("month-day", rf"(?P<mon>{MONTH})\s*(?P<day>{DAYNUM}){_DATE_TAIL}",
      valid=_day_month_ok, kind="day",
      examples=("Talks resumed on February 12.", "The treaty was signed on Aug. 3, 1998.",
                "Memorials marked the September 11 attacks."),
      counter_examples=("Delays could mar 15 projects in the valley.",),
      why="month and day (and year); the month capitalised")
def _month_day(m, ctx, hit):
    return _resolve_day_month(m, ctx, hit)


@rule("day-month", rf"(?:(?P<the>the)\s+)?(?<![\w.,])(?P<day>{DAYNUM})(?:\s+of)?\s+(?P<mon>{MONTH}){_DATE_TAIL}",
      valid=_day_month_ok, kind="day",
      extent=lambda m, s: (m.start() if re.search(r"\sof\s", m.group(0)) else m.start("day"), m.end()),
      examples=("The convoy reached the border on 12 February.", "Voting ends on the 3rd of April."),
      counter_examples=("Of the 2024 recruits, 3 may quit before training ends.",),
      why="day and month (and year); the month capitalised")
def _day_month(m, ctx, hit):
    return _resolve_day_month(m, ctx, hit)


def _a_day_alone(m, seg: str) -> bool:
    """"on the 3rd" standing for a day: after on/by/since/until/of, and no noun ("the 3rd floor") or month
    ("the 3rd of April", another rule's) after it."""
    if not re.search(r"\b(?:on|by|since|until|till|of)\s+$", seg[:m.start()], re.I):
        return False
    rest = seg[m.end():]
    return not re.match(r"\s*(?:of\s+)?[A-Za-z]", rest) or bool(re.match(r"\s*(?:and|at|when|as)\b", rest))


@rule("day-of-this-month",
      r"\bthe\s+(?P<day>[1-9]|[12]\d|3[01])(?:st|nd|rd|th)\b",
      valid=lambda m, s: _a_day_alone(m, s), kind="day",
      examples=("The toll had risen to 73 as of 6 p.m. on the 3rd, the broadcaster said.",
                "Rescue teams reached the village on the 12th."),
      counter_examples=("She lives on the 3rd floor of the building.", "Voting ends on the 3rd of April."),
      why="a day of the month without its month (translated news): the latest such day up to the article's")
def _day_of_this_month(m, ctx, hit):
    day = int(m["day"])
    year, month = ctx.dct.year, ctx.dct.month
    if day > ctx.dct.day:                       # "on the 28th" in an article of the 3rd: last month's
        month -= 1
        if month == 0:
            year, month = year - 1, 12
    if not _valid_day(year, month, day):
        return None
    d = dt.date(year, month, day)
    return Resolved("DATE", d.isoformat(), d)


@rule("month-year", rf"(?:(?P<mod>{MOD})[\s-]*)?(?P<mon>{MONTH})"
                    rf"(?:,?\s+(?:of\s+)?(?P<y>{YEAR4})|\s+(?:of\s+)?(?P<yrel>this|next|last)\s+year\b)",
      valid=lambda m, s: _cap(m["mon"]),
      examples=("The factory closed in June 2019.", "The road reopens in October of next year."),
      counter_examples=("Floods could mar 2025 harvests across the delta.",),
      why="a month of a year; the month capitalised")
def _month_year(m, ctx, hit):
    """ "Dec 2023", "May of 2010", "October of next year", "June last year"."""
    year = int(m["y"]) if m["y"] else ctx.dct.year + {"this": 0, "next": 1, "last": -1}[m["yrel"].lower()]
    return Resolved("DATE", f"{year:04d}-{_month_num(m['mon']):02d}")


@rule("month", rf"(?:(?P<mod>{MOD})[\s-]*)?(?:(?P<rel>last|next|this|this\s+past|this\s+coming|the\s+previous"
               rf"|the\s+following|that)\s+)?(?P<mon>{MONTH_SOLO})",
      valid=_month_ok,
      examples=("Prices rose sharply in November.", "The trial opens next March."),
      counter_examples=("Theresa May spoke to reporters in 2019.",),
      why="a month alone, its year by tense; 'May' and 'March' only after a word that takes a month")
def _month(m, ctx, hit):
    month = _month_num(m["mon"])
    rel = (m["rel"] or "").lower().split()
    cur = ctx.dct.year * 12 + ctx.dct.month - 1
    if rel and rel[-1] in ("last", "past", "previous"):
        idx = cur - ((ctx.dct.month - month) % 12 or 12)
    elif rel and rel[-1] in ("next", "coming", "following"):
        idx = cur + ((month - ctx.dct.month) % 12 or 12)
    elif rel and rel[-1] in ("this", "that"):
        idx = ctx.dct.year * 12 + month - 1
    else:
        tense = "PAST" if _since(ctx, hit) else ctx.tense(hit.start, hit.end)
        idx = _year_for(month, None, ctx.dct, tense) * 12 + month - 1
    return Resolved("DATE", f"{idx // 12:04d}-{idx % 12 + 1:02d}")


_YEAR_BEFORE_OK = re.compile(r"\b(?:in|since|of|from|by|until|till|to|between|and|before|after|during|year|circa"
                             r"|fiscal|the|early|late|mid|summer|winter|spring|autumn|fall)\s*-?$", re.I)
_NOT_YEAR_AFTER = re.compile(r"\s*(?:%|per\s*cent|percent|km|kilomet|metre|meter|feet|ft\b|miles|kg|tons|tonnes"
                             r"|people|points|votes|dollars|euros|pounds|rupees|shekels|troops|soldiers)", re.I)


def _year_ok(m, seg):
    y = int(m["y"])
    before, after = seg[:m.start("y")], seg[m.end("y"):]
    if re.search(r"(?:[$£€#]|\bNo\.?|\bnumber|\d[.,]?)\s*$", before, re.I) or _NOT_YEAR_AFTER.match(after):
        return False
    if 1900 <= y <= 2100:
        return True
    return 1000 <= y < 1900 and bool(_YEAR_BEFORE_OK.search(before.rstrip())
                                     or re.match(r"\s*(?:AD|BC|BCE|CE)\b", after))


@rule("year", rf"(?:(?P<mod>{MOD})[\s-]*)?(?:(?:fiscal(?:\s+year)?|FY|calendar(?:\s+year)?)\s*)?(?P<y>{YEAR4})"
              r"(?!s\b|'s\b|’s\b|-\d)",
      valid=_year_ok,
      examples=("The bridge was built in 1998.", "The dynasty fell in 1644."),
      counter_examples=("Police counted 1995 people at the rally.", "Flight No. 2019 landed safely.",
                        "Some 1850 rebels surrendered."),
      why="a year; not a count, a money amount or a number label; before 1900 only after a word that takes a year")
def _year(m, ctx, hit):
    return Resolved("DATE", m["y"])


@rule("decade", rf"(?P<the>the\s+)?(?:(?P<mod>{MOD})[\s-]*)?"
                rf"(?:(?P<c>1\d|20)(?P<d>\d)0s|['’](?P<d2>\d)0s|(?P<w>{_alt(DECADE_WORDS)}))\b",
      valid=lambda m, s: not m["w"] or bool(m["the"] or (m["mod"] or "").lower().startswith("the")),
      examples=("Inflation was high in the 1970s.", "The band was famous in the '80s.",
                "The town boomed in the twenties."),
      counter_examples=("She moved abroad in her twenties.",),
      why="a decade; a decade word ('the twenties') only with 'the': 'in her twenties' is an age")
def _decade(m, ctx, hit):
    if m["c"]:
        return Resolved("DATE", f"{m['c']}{m['d']}")
    digit = int(m["d2"] or DECADE_WORDS[m["w"].lower()])
    # "the '90s" is the 1990s; "the '10s" in a 2023 article the 2010s
    century = ctx.dct.year // 100 if m["d2"] and digit * 10 <= ctx.dct.year % 100 else ctx.dct.year // 100 - 1
    return Resolved("DATE", f"{century}{digit}")


@rule("century", rf"(?:the\s+)?(?:(?P<mod>{MOD})[\s-]*)?(?:(?P<ord>{_alt(ORDINALS)}|\d{{1,2}}(?:st|nd|rd|th))"
                 r"|(?P<rel>this|last|next|the\s+past|the\s+last|the\s+previous|the\s+next|the\s+current))[\s-]+century",
      examples=("The church dates from the 12th century.", "The canal was dug early in the nineteenth century."))
def _century(m, ctx, hit):
    if m["ord"]:
        n = ORDINALS.get(m["ord"].lower()) or int(re.match(r"\d+", m["ord"])[0])
        return Resolved("DATE", f"{n - 1:02d}")
    rel = re.sub(r"\s+", " ", m["rel"].lower())
    if rel in ("the past", "the last"):
        return Resolved("DURATION", "P100Y")        # "over the past century": a span
    shift = {"this": 0, "current": 0, "next": 1}.get(rel.split()[-1], -1)
    return Resolved("DATE", f"{ctx.dct.year // 100 + shift:02d}")


def _season_ok(m, seg):
    word = m["season"].lower()
    if word in ("fall", "spring"):
        if not (m["rel"] or m["mod"] or m["y"]) and \
                not re.search(r"\b(?:in|this|since|until|by|during|last|next)\s*$", seg[:m.start()], re.I):
            return False
        if m["rel"] and m["rel"].lower() == "the" and re.match(r"\s+of\s+(?!\d)", seg[m.end():]):
            return False
    if m["season"][0].isupper() and seg[:m.start()].strip() and not seg[:m.start()].rstrip().endswith((".", '"', "“")):
        return word not in ("spring", "fall")    # "Arab Spring"
    return True


@rule("season", rf"(?:(?P<mod>{MOD})[\s-]*)?(?:(?P<rel>last|next|this|this\s+past|this\s+coming|the\s+past"
                rf"|the\s+coming|the|that)\s+)?(?P<season>spring|summer|autumn|fall|winter)"
                rf"(?:\s+(?:of\s+)?(?P<y>{YEAR4}))?\b(?![\w-])",
      valid=_season_ok,
      examples=("The offensive began last summer.", "Elections are due in the spring of 2025."),
      counter_examples=("Protests of the Arab Spring toppled rulers in 2011.",
                        "Water levels fall sharply when the dam opens."),
      why="a season; 'fall' and 'spring' only where a season is meant, not in a name ('Arab Spring')")
def _season(m, ctx, hit):
    code = SEASONS[m["season"].lower()]
    if m["y"]:
        return Resolved("DATE", f"{m['y']}-{code}")
    rel = (m["rel"] or "").lower().split()
    month = SEASON_MIDDLE_MONTH[code]
    cur = ctx.dct.year * 12 + ctx.dct.month - 1
    if rel and rel[-1] in ("last", "past"):
        idx = cur - ((ctx.dct.month - month) % 12 or 12)
    elif rel and rel[-1] in ("next", "coming"):
        idx = cur + ((month - ctx.dct.month) % 12 or 12)
    elif rel and rel[-1] == "this":
        idx = ctx.dct.year * 12 + month - 1
    else:
        idx = _year_for(month, None, ctx.dct, ctx.tense(hit.start, hit.end)) * 12 + month - 1
    return Resolved("DATE", f"{idx // 12:04d}-{code}")


_QUARTER_WORDS = {"first": 1, "second": 2, "third": 3, "fourth": 4, "1st": 1, "2nd": 2, "3rd": 3, "4th": 4,
                  "final": 4}


@rule("quarter", rf"(?:(?P<det>the|this|last|next|that)\s+)?(?P<pre>(?:(?:year-earlier|year-ago|fiscal|latest|current"
                 rf"|last|past|previous|same|comparable|recent|{_alt(_QUARTER_WORDS)}|{YEAR4})[\s-]+)*)quarter(?!s)"
                 rf"(?:\s+of\s+(?:(?P<y>{YEAR4})|(?P<yrel>this|last|next)\s+year))?(?!-\w)"
                 rf"|\bQ(?P<qn>[1-4])(?:\s+(?P<y2>{YEAR4}))?\b",
      valid=lambda m, s: bool(m["det"] or m["pre"] or m["qn"])
      and not re.match(r"\s+of\s+(?:a|the|an|all|its|their)\b", s[m.end():], re.I)
      and not re.match(r"\s*(?:century|mile|hour|point|percent)", s[m.end():], re.I)
      and not (m["qn"] and not m.group(0)[0].isupper()),
      extent=lambda m, s: (m.start("pre") if m["det"] and m["pre"] and m["pre"].endswith("-") else m.start(), m.end()),
      examples=("Profits fell in the third quarter.", "The chipmaker beat forecasts in Q4 2023."),
      counter_examples=("The hosts scored twice in the third quarter of the game.",
                        "A quarter of the homes were destroyed in 2023."),
      why="a quarter of a year; not a quarter of something else ('a quarter of the homes', 'of the game')")
def _quarter(m, ctx, hit):
    """ "the third quarter", "third-quarter" (an adjective: "the" belongs to the noun), "Q3 2023",
    "the quarter" (the last one completed), "the year-ago quarter"."""
    words = re.split(r"[\s-]+", (m["pre"] or "").lower().strip())
    n = int(m["qn"]) if m["qn"] else next((_QUARTER_WORDS[w] for w in words if w in _QUARTER_WORDS), None)
    year_text = m["y"] or m["y2"] or next((w for w in words if re.fullmatch(r"\d{4}", w)), None)
    current = _start_of("quarter", ctx.dct)
    if any(w in ("year-earlier", "year-ago") for w in words):
        ref = ctx.ref if ctx.ref[0] == "quarter" else ("quarter", _shift("quarter", current, -1))
        return Resolved("DATE", _fmt("quarter", _shift("year", ref[1], -1)))
    if n is None:
        if (m["det"] or "").lower() == "next":
            return Resolved("DATE", _fmt("quarter", _shift("quarter", current, 1)))
        if (m["det"] or "").lower() == "this" or "current" in words:
            return Resolved("DATE", _fmt("quarter", current))
        # "the quarter", "the latest quarter", "last quarter": the last one completed
        return Resolved("DATE", _fmt("quarter", _shift("quarter", current, -1)))
    if year_text:
        year = int(year_text)
    elif m["yrel"]:
        year = ctx.dct.year + {"this": 0, "last": -1, "next": 1}[m["yrel"].lower()]
    else:
        year = ctx.dct.year
        if n > (ctx.dct.month - 1) // 3 + 1 and ctx.tense(hit.start, hit.end) == "PAST":
            year -= 1
    return Resolved("DATE", f"{year:04d}-Q{n}")


@rule("half", rf"(?:the\s+)?(?P<ord>first|second|1st|2nd|latter)[\s-]+half"
              rf"(?:\s+of\s+(?:(?P<y>{YEAR4})|(?P<yrel>this|last|next)\s+year|the\s+year))?",
      valid=lambda m, s: bool(m["y"] or m["yrel"] or m.group(0).lower().endswith("the year")
                              or re.match(r"\s*(?:[.,;]|$)", s[m.end():])),
      examples=("Exports recovered in the second half of the year.",
                "Growth slowed in the first half, the bank said on Monday."),
      counter_examples=("The first half of the match on Sunday ended goalless.",),
      why="a half of a year; not the half of a match")
def _half(m, ctx, hit):
    n = 1 if m["ord"].lower() in ("first", "1st") else 2
    year = int(m["y"]) if m["y"] else \
        ctx.dct.year + {"this": 0, "last": -1, "next": 1}.get((m["yrel"] or "this").lower(), 0)
    return Resolved("DATE", f"{year:04d}-H{n}")


@rule("holiday", r"(?:(?P<rel>last|next|this)\s+)?(?P<name>christmas\s+eve|christmas\s+day|christmas|boxing\s+day"
                 r"|new\s+year['’]s\s+(?:eve|day)|halloween|valentine['’]s\s+day|thanksgiving(?:\s+day)?"
                 r"|easter(?:\s+sunday)?)(?:\s+(?P<y>\d{4}))?\b",
      valid=lambda m, s: _cap(m["name"]), kind="day",
      examples=("Shops stayed open on Christmas Eve.", "The family gathered at Easter."),
      counter_examples=("Players hunted for the easter egg hidden in the 2019 game.",),
      why="a holiday, capitalised")
def _holiday(m, ctx, hit):
    if m["y"]:
        day = _holiday_date(m["name"], int(m["y"]))
    else:
        years = (ctx.dct.year - 1, ctx.dct.year, ctx.dct.year + 1)
        cands = [d for d in (_holiday_date(m["name"], y) for y in years) if d]
        rel = (m["rel"] or "").lower()
        tense = {"last": "PAST", "next": "FUTURE"}.get(rel) or ctx.tense(hit.start, hit.end)
        day = _nearest(cands, ctx.dct, tense)
    return Resolved("DATE", day.isoformat(), day) if day else None
