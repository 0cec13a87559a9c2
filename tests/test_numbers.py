"""Number parsing: forms, values, ranges, offsets and the kinds that are not counts."""
from __future__ import annotations

import pytest

from dateline.analyze.numbers import find_counts, find_numbers, parse_number, word_value


def counts(text):
    return [(n.text, n.value, n.value_max) for n in find_counts(text)]


def kinds(text):
    return [(n.text, n.kind) for n in find_numbers(text)]


@pytest.mark.parametrize("text,value", [
    ("8,796", 8796),
    ("1 400", 1400),
    ("7\u00a0000", 7000),          # no-break space
    ("12\u202f500", 12500),        # narrow no-break space
    ("3\u20093", None),            # thin space but not a thousands group
    ("1.4 million", 1_400_000),
    ("2.3 mn", 2_300_000),
    ("0.5 bn", 500_000_000),
    ("1.23 lakh", 123_000),
    ("2 crore", 20_000_000),
    ("two hundred", 200),
    ("twenty-five", 25),
    ("two hundred and fifty", 250),
    ("a dozen", 12),
    ("a thousand", 1000),
    ("one million", 1_000_000),
    ("1.4m", 1_400_000),
    ("1200", 1200),
])
def test_values(text, value):
    assert parse_number(text) == value


@pytest.mark.parametrize("text,value", [
    ("9.770 people were killed", 9770),          # dotted thousands before a word
    ("more than 14.000 Palestinians", 14000),
    ("1.234.567 people", 1234567),
    ("1,2 million displaced", 1_200_000),        # decimal comma before a scale word
    ("2.5 million", 2_500_000),
])
def test_continental_separators(text, value):
    assert find_counts(text)[0].value == value


@pytest.mark.parametrize("text,value", [
    ("1.5 children per family", 1.5),            # not 1,500; and no count of anyone
    ("the index fell to a level of 743.33 on Friday", 743.33),
])
def test_a_fraction_counts_nobody(text, value):
    assert [(n.value, n.kind) for n in find_numbers(text)] == [(value, "fraction")]
    assert find_counts(text) == []


@pytest.mark.parametrize("text", ["It has lost 14 percent since the start of 2009.",
                                  "Floods hit the region in the summer of 2014."])
def test_a_year_after_part_of_a_period_is_a_year(text):
    assert [n.kind for n in find_numbers(text) if n.text.startswith("20")] == ["year"]


def test_part_of_a_count_is_no_year():
    assert [(n.value, n.kind) for n in find_numbers("Half of 2000 households were flooded.")] == [(2000, "count")]


@pytest.mark.parametrize("text,value", [("4.1 million people", 4_100_000), ("8.2 million", 8_200_000),
                                        ("1,1 million", 1_100_000), ("2.5bn", 2_500_000_000)])
def test_a_scaled_decimal_is_an_exact_count(text, value):
    assert [(n.value, n.kind) for n in find_numbers(text)] == [(value, "count")]


def test_word_value_rejects_non_numbers():
    assert word_value(["two", "three"]) is None
    assert word_value(["hundred", "banana"]) is None
    assert word_value(["seven"]) == 7


def test_offsets_point_at_the_number():
    text = "Officials said at least 1,250 people and nine children were hurt."
    found = find_counts(text, base=100)
    assert [(n.start, n.end) for n in found] == [(124, 129), (141, 145)]
    assert [text[n.start - 100:n.end - 100] for n in found] == ["1,250", "nine"]


def test_vague_quantities_have_no_value():
    assert counts("Dozens of people and hundreds of families fled; thousands more wait.") == []
    assert counts("tens of thousands were displaced") == []


@pytest.mark.parametrize("text,expected", [
    ("between 100 and 150 hostages", [("100 and 150", 100, 150)]),
    ("100-150 people", [("100-150", 100, 150)]),
    ("100–150 people", [("100–150", 100, 150)]),
    ("100 to 150 people", [("100 to 150", 100, 150)]),
    ("two or three soldiers", [("two or three", 2, 3)]),
    ("in groups of 12-13 people", [("12-13", 12, 13)]),
])
def test_ranges(text, expected):
    assert counts(text) == expected


def test_a_rise_from_a_to_b_is_not_a_range():
    assert counts("the toll rose from 90 to 140") == [("90", 90, None), ("140", 140, None)]


@pytest.mark.parametrize("text,kind", [
    ("in 2014", "year"),
    ("since 1948", "year"),
    ("on October 7", "date"),
    ("Oct. 7", "date"),
    ("7 October", "date"),
    ("on 24/12", "date"),
    ("2023-11-07", "date"),
    ("at 10 a.m.", "time"),
    ("1300 GMT", "time"),
    ("at 8:49", "time"),
    ("60%", "percent"),
    ("60 per cent", "percent"),
    ("40 percent", "percent"),
    ("$6 each", "money"),
    ("500 million dollars", "money"),
    ("€20", "money"),
    ("the 20th day", "ordinal"),
    ("aged 85", "age"),
    ("an 85-year-old man", "age"),
    ("a four-month-old baby", "age"),
    ("Noa Cohen, 28, was", "age"),
    ("F-16 jets", "label"),
    ("COVID-19", "label"),
    ("an 11-day bombardment", "duration"),
    ("for 48 hours", "duration"),
    ("15 km away", "unit"),
    ("the vote was 13-1", "score"),
    ("the 1990s", "decade"),
])
def test_exclusions(text, kind):
    found = find_numbers(text)
    assert found and found[0].kind == kind, kinds(text)
    assert find_counts(text) == []


def test_counts_that_look_like_years_with_a_cue():
    assert counts("about 2000 people") == [("2000", 2000, None)]
    assert counts("killed 1950 soldiers") == [("1950", 1950, None)]


def test_month_name_blocks_space_grouping():
    assert counts("on Oct 7 200 people died") == [("200", 200, None)]


def test_odd_input_does_not_crash():
    for text in ("", " ", "\n\n", "!!!", "1,2,3", "0", "..5..", "one", "a", "and", "hundredth", "9" * 40):
        find_numbers(text)
        find_counts(text)


# a fraction of a scale word is that fraction, never the scale word alone ("half a million" is not a million)
@pytest.mark.parametrize("text,value", [
    ("half a million people were displaced", 500_000),
    ("a quarter of a million people fled", 250_000),
    ("three-quarters of a million", 750_000),
    ("half a dozen people died", 6),
    ("a million and a half people", 1_500_000),
    ("1.5 m people were left homeless", 1_500_000),
])
def test_fractions_of_scale_words(text, value):

    assert [n.value for n in find_numbers(text)] == [value]


@pytest.mark.parametrize("text", ["a 15 m wall", "2.5 m high waves", "waves of 2.5 m in height"])
def test_metres_are_not_millions(text):

    assert all(n.value < 100 for n in find_numbers(text))
