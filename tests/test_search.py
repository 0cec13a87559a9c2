"""Full-text queries as people type them (dateline.store.fts): words with hyphens, dots and apostrophes
are phrases, FTS5 syntax stays FTS5 syntax, and a query without syntax never fails."""
from __future__ import annotations

import sqlite3

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from dateline.store.fts import query

TEXT = ("The Hamas-run health ministry said on 2023-10-07 that 10,000 people had fled; the U.N. agency and "
        "Israel's army disputed it near the Rafah crossing.")


@pytest.fixture(scope="module")
def fts():
    db = sqlite3.connect(":memory:")
    db.execute("CREATE VIRTUAL TABLE documents_fts USING fts5(title, text)")
    db.execute("INSERT INTO documents_fts VALUES ('Gaza toll', ?)", (TEXT,))
    return lambda q: db.execute("SELECT count(*) FROM documents_fts WHERE documents_fts MATCH ?", (query(q),)
                                ).fetchone()[0]


@pytest.mark.parametrize("typed, fts5", [
    ("Hamas-run", '"Hamas-run"'), ("U.N.", '"U.N."'), ("Israel's", '"Israel\'s"'),
    ("10,000", '"10,000"'), ("2023-10-07", '"2023-10-07"'), ("Hamas, Israel", '"Hamas," Israel'),
    ("crossing (U.N.)", 'crossing "U.N."'),                    # no operator: parentheses are punctuation
    ("rafah AND crossing", "rafah AND crossing"), ('"rafah crossing"', '"rafah crossing"'),
    ("(rafah OR gaza) AND U.N.", '( rafah OR gaza ) AND "U.N."'), ("hamas-run*", '"hamas-run"*'),
    ("^the", "^the"), ("health + ministry", "health + ministry"), ("title:gaza", "title: gaza"),
    ("NEAR(rafah crossing, 5)", "NEAR ( rafah crossing , 5 )"), ("NEAR(rafah crossing,5)", "NEAR ( rafah crossing ,5 )"),
])
def test_typed_queries_become_fts5(typed, fts5):
    assert query(typed) == fts5
    assert query(fts5) == fts5          # applying it again changes nothing


@pytest.mark.parametrize("typed", ["Hamas-run", "U.N.", "Israel's", "10,000", "2023-10-07", "rafah AND crossing",
                                   "hamas-run*", "NEAR(rafah crossing, 5)", "title:gaza", "crossing (U.N.)",
                                   "Israel’s", "health + ministry"])
def test_each_finds_the_text(fts, typed):
    assert fts(typed) == 1


@pytest.mark.parametrize("typed", ['"unclosed', "toll AND", "title:", "(((", "NEAR(", "*", "NOT gaza"])
def test_broken_syntax_still_gets_fts5s_error(fts, typed):
    with pytest.raises(sqlite3.OperationalError):
        fts(typed)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="abcxyzé019 -.'’:,;!?/&()*^+_#@%$~[]{}<>=|\\", min_size=1, max_size=30))
@example("a +")
@example("+ a")
@example("a + + b")
@example("a ^")
@example("(a) b")
def test_a_query_without_operators_or_quotes_never_fails(fts, typed):
    """What a reader types without FTS5 in mind (no capitals AND/OR/NOT/NEAR, no double quotes) always runs."""
    if any(ch.isalnum() for ch in typed):
        fts(typed)
