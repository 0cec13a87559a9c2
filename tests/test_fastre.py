"""analyze.fastre: the faster forms of the extractors' patterns find exactly what the patterns find."""
from __future__ import annotations

import re

import pytest

from dateline.analyze import fastre
from dateline.analyze.fastre import AnySearch, first_char_lookahead, first_class, top_level_branches

TEXTS = [
    "At least 45 people died in Gaza on Tuesday, officials said.",
    "On 12 March 2024 at 3 p.m. the toll rose; last week it was 300. MARCH. May.",
    "The ſeason's Kelvin sign K and İstanbul, ıt; SEPTEMBER 11th, a Wednesday night in the '90s.",
    "“We will stay,” said X — he told reporters: 'no'. According to officials, it was reported that…",
    "Five hundred twenty-three wounded; thousands displaced over the past few weeks, every day since.",
    "", "\n", "x", "12/03/2024 10:30 GMT, Q3 fiscal year, Christmas Eve, new year's, Boxing  Day",
]


def _matches(p: re.Pattern, text: str) -> list:
    return [(m.span(), m.groups(), m.groupdict()) for m in p.finditer(text)]


@pytest.mark.parametrize("pattern", [
    r"(?:ab|c)\d", r"a?b|x+y", r"\b(?:week|month)s?\b", r"(?<![\w.])\d+(?:,\d{3})*", r"(?:the\s+)?(?P<w>day|night)",
    r"(?:(?P<a>about|some)\s+)?(?P<n>\d+|one|two)\s+(?:days|weeks)", r"\b(?-i:May|March)\b|\bjune\b",
])
def test_lookahead_keeps_every_match(pattern):
    for flags in (0, re.I):
        p = re.compile(pattern, flags)
        q = first_char_lookahead(p)
        for text in TEXTS + [t.upper() for t in TEXTS] + [t.lower() for t in TEXTS]:
            assert _matches(q, text) == _matches(p, text), (pattern, flags, text)


def test_lookahead_only_where_certain():
    for pattern in (r".x", r"[^a]b", r"a*", r"(?:a|)b?", r"(a)|\1b", r"(?i:a)b|c", r"\d+", r"x(?:y|z)"):
        p = re.compile(pattern)
        assert first_char_lookahead(p) is p, pattern          # unknown, empty, or already a plain start
    assert first_class(re.compile(r"(?:ab|c)\d")) == "[ac]"
    assert first_class(re.compile(r"(?<!\w)(?:x|\d)")) == r"[\dx]"


def test_case_variants_under_ignorecase():
    # the class takes the same case variants as the literals it comes from (long s, Kelvin sign, dotted I)
    p = re.compile(r"(?:s|k|i)x", re.I)
    q = first_char_lookahead(p)
    for ch in "sSſkKKiIİı":
        assert bool(q.match(ch + "x")) == bool(p.match(ch + "x")), ch


def test_branches_and_any_search():
    assert top_level_branches(r"a|(b|c)|[|]|\||d") == ["a", "(b|c)", "[|]", r"\|", "d"]
    assert top_level_branches(r"[]|]x|y") == ["[]|]x", "y"]
    for pattern in (r"\d{4}|\bmay\b|(?<![A-Za-z])['’]|\w:\s", r"x(y|z)", r"(a)|\1b"):
        p = re.compile(pattern, re.I)
        s = AnySearch(p)
        for text in TEXTS:
            assert s(text) == bool(p.search(text)), (pattern, text)
    assert AnySearch(re.compile(r"(a)|\1b")).parts == [re.compile(r"(a)|\1b")]   # a backreference: as it is


def test_extractor_triggers_and_timex_rules_unchanged():
    from dateline.analyze import claims, figures, pipeline, timex
    from dateline.analyze.timex import extract

    pipeline._extractors()
    for trigger in (claims.TRIGGER, timex.TRIGGER, figures.TRIGGER):
        s = AnySearch(trigger)
        assert len(s.parts) > 1
        for text in TEXTS:
            assert s(text) == bool(trigger.search(text))
    for _priority, rule, anchor, pattern in extract._SCANNERS:
        if anchor is not None:
            assert bool(anchor.search(" ".join(TEXTS))) == bool(rule.anchor.search(" ".join(TEXTS)))
        for text in TEXTS:
            assert _matches(pattern, text) == _matches(rule.pattern, text), rule.name
    assert fastre.first_char_lookahead is first_char_lookahead
