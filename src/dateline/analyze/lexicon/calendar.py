"""The calendar's words: months, weekdays, units of time, parts of the day, seasons, decades, holidays.

General English, one copy for every extractor (timex, numbers, figures ...). Values are what the
words name: a month's number (1-12), a weekday's (Monday 0, as ``date.weekday()``), a unit's TIMEX3
letter, a part of the day's or a season's TIMEX3 code.
"""
from __future__ import annotations

__all__ = ["MONTHS", "MONTH_NAMES", "MONTH_ALT", "WEEKDAYS", "WEEKDAY_NAMES", "WEEKDAY_ALT", "NAMED_DAY_PREFIXES",
           "TIME_UNITS", "DAY_PARTS", "SEASONS", "SEASON_MIDDLE_MONTH", "DECADE_WORDS", "HOLIDAYS"]

# month word (lower case, abbreviations without their dot) -> 1..12
MONTHS = {
    "january": 1, "february": 2, "march": 3, "april": 4, "may": 5, "june": 6, "july": 7,
    "august": 8, "september": 9, "october": 10, "november": 11, "december": 12,
    "jan": 1, "feb": 2, "mar": 3, "apr": 4, "jun": 6, "jul": 7, "aug": 8, "sep": 9, "sept": 9,
    "oct": 10, "nov": 11, "dec": 12,
}
MONTH_NAMES = tuple(MONTHS)[:12]                 # "january" ... "december"
MONTH_ALT = "|".join(MONTHS)                     # every month word, as a regex alternation (lower case)

# weekday word -> 0..6 (Monday 0)
WEEKDAYS = {
    "monday": 0, "tuesday": 1, "wednesday": 2, "thursday": 3, "friday": 4, "saturday": 5,
    "sunday": 6, "mon": 0, "tue": 1, "tues": 1, "wed": 2, "thu": 3, "thur": 3, "thurs": 3,
    "fri": 4, "sat": 5, "sun": 6,
}
WEEKDAY_NAMES = tuple(WEEKDAYS)[:7]              # "monday" ... "sunday"
WEEKDAY_ALT = "|".join(WEEKDAY_NAMES)            # the full names, as a regex alternation (lower case)

# Capitalised words that make a weekday part of the name of a day ("Good Friday", "Super Tuesday",
# "Bloody Sunday"): no weekday to resolve.
NAMED_DAY_PREFIXES = ("Good", "Black", "Cyber", "Super", "Ash", "Holy", "Palm", "Bloody")

# unit of time -> (TIMEX3 letter, multiplier, is a time-of-day unit)
TIME_UNITS = {
    "second": ("S", 1, True), "minute": ("M", 1, True), "hour": ("H", 1, True),
    "day": ("D", 1, False), "night": ("D", 1, False), "week": ("W", 1, False),
    "weekend": ("D", 2, False), "fortnight": ("W", 2, False), "month": ("M", 1, False),
    "quarter": ("Q", 1, False), "year": ("Y", 1, False), "decade": ("Y", 10, False),
    "century": ("Y", 100, False), "millennium": ("Y", 1000, False),
}
# part of the day -> TIMEX3 code
DAY_PARTS = {"morning": "MO", "afternoon": "AF", "evening": "EV", "night": "NI",
             "overnight": "NI", "tonight": "NI"}
# season -> TIMEX3 code, and the month in its middle (northern hemisphere)
SEASONS = {"spring": "SP", "summer": "SU", "autumn": "FA", "fall": "FA", "winter": "WI"}
SEASON_MIDDLE_MONTH = {"SP": 4, "SU": 7, "FA": 10, "WI": 1}
# decade word -> its digit ("the sixties")
DECADE_WORDS = {"twenties": 2, "thirties": 3, "forties": 4, "fifties": 5, "sixties": 6,
                "seventies": 7, "eighties": 8, "nineties": 9}
# fixed-date holidays -> (month, day); movable ones (Thanksgiving, Easter) are computed by timex
HOLIDAYS = {"christmas eve": (12, 24), "christmas day": (12, 25), "christmas": (12, 25),
            "boxing day": (12, 26), "new year's eve": (12, 31), "new year's day": (1, 1),
            "halloween": (10, 31), "valentine's day": (2, 14)}
