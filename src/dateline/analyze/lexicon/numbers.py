"""Number words: units, tens, scales (with the abbreviations written after digits), ordinals.

General English (and the Indian lakh and crore), one copy for ``numbers`` (counts) and ``timex``
(durations, centuries).
"""
from __future__ import annotations

__all__ = ["UNITS", "TENS", "TENS_MISSPELT", "SCALES", "DIGIT_SCALES", "ORDINALS", "ARTICLES", "DOZEN"]

# "zero" ... "nineteen"
UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
    "eight": 8, "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13,
    "fourteen": 14, "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18,
    "nineteen": 19,
}
TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70,
        "eighty": 80, "ninety": 90}
# misspellings common enough in news copy to read as numbers (``numbers`` reads them; ``timex`` does not)
TENS_MISSPELT = {"fourty": 40}
SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000,
          "lakh": 100_000, "crore": 10_000_000}
# scale words and abbreviations after digits ("1.4 million", "2.3 mn", "1.23 lakh")
DIGIT_SCALES = {
    "hundred": 100, "thousand": 1_000, "million": 1_000_000, "millions": 1_000_000,
    "mn": 1_000_000, "mln": 1_000_000, "m": 1_000_000, "billion": 1_000_000_000,
    "bn": 1_000_000_000, "lakh": 100_000, "lakhs": 100_000, "lac": 100_000, "lacs": 100_000,
    "crore": 10_000_000, "crores": 10_000_000, "k": 1_000,
}
ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12, "thirteenth": 13,
    "fourteenth": 14, "fifteenth": 15, "sixteenth": 16, "seventeenth": 17, "eighteenth": 18,
    "nineteenth": 19, "twentieth": 20, "twenty-first": 21, "1st": 1, "2nd": 2, "3rd": 3,
}
# the articles as the number one ("a year", "an hour")
ARTICLES = {"a": 1, "an": 1}
DOZEN = 12
