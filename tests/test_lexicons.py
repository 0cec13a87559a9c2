"""The word lists as data: lower case where they are matched against folded words, no word twice in an
ordered list, no word in two lists that decide opposite things, and no word of one story in the general
lexicons (story words live in analyze/lexicon/stories/*.json)."""
from __future__ import annotations

import importlib
import json
import pkgutil

import pytest

import dateline.analyze.lexicon as general

MODULES = [importlib.import_module(f"dateline.analyze.lexicon.{m.name}") for m in pkgutil.iter_modules(general.__path__)]
MODULES.append(importlib.import_module("dateline.analyze.figures.lexicon"))
# lists whose words are matched as written: names, acronyms, codes
CASED = {"NAMED_DAY_PREFIXES", "SEASON_MIDDLE_MONTH", "SPEAKER_ACRONYMS", "_PROVINCES_FILED_UNDER", "_SHARED_SHORT_NAMES"}


def word_lists():
    for module in MODULES:
        for name, value in vars(module).items():
            if not name.isupper() or not isinstance(value, (set, frozenset, tuple, list, dict)):
                continue
            words = [w for w in (value.keys() if isinstance(value, dict) else value) if isinstance(w, str)]
            if words:
                yield f"{module.__name__.rsplit('.', 1)[-1]}.{name}", name, value, words


LISTS = list(word_lists())


def test_there_are_lists():
    assert len(LISTS) > 40


@pytest.mark.parametrize("label,name,value,words", LISTS, ids=[x[0] for x in LISTS])
def test_lower_case_and_no_repeats(label, name, value, words):
    if name not in CASED:
        assert [w for w in words if w != w.lower()] == [], f"{label}: matched against folded words"
    if isinstance(value, (tuple, list)):
        assert len(words) == len(set(words)), f"{label}: a word twice"


def _list(module, name):
    return set(getattr(importlib.import_module(module), name))


@pytest.mark.parametrize("a,b", [
    ("KILLED_VERBS", "WOUNDED_VERBS"), ("KILLED_NOUNS", "WOUNDED_NOUNS"), ("KILLED_ADJS", "WOUNDED_ADJS"),
    ("KILLED_ADJS", "MISSING_ADJS"), ("WOUNDED_ADJS", "MISSING_ADJS"), ("DISPLACED_ADJS", "MISSING_ADJS"),
    ("HOSTAGE_VERBS", "RELEASE_VERBS"), ("STORY_EVENT_NOUNS", "HAPPENING_NOUNS"),
    ("STORY_EVENT_NOUNS", "ATTACK_NOUNS"),
])
def test_no_word_decides_two_measures(a, b):
    m = "dateline.analyze.figures.lexicon"
    assert _list(m, a) & _list(m, b) == set(), f"{a} and {b} share words"


def test_months_and_weekdays_apart():
    calendar = importlib.import_module("dateline.analyze.lexicon.calendar")
    assert set(calendar.MONTHS) & set(calendar.WEEKDAYS) == set()


def test_story_words_are_not_general_words():
    story = general.story.STORIES
    general_words = {w.lower() for _, _, _, words in LISTS for w in words}
    for path in story.glob("*.json"):
        data = json.loads(path.read_text(encoding="utf-8"))
        for key, words in data.items():
            if isinstance(words, list):
                leaked = {w for w in words if w.lower() in general_words and " " not in w}
                assert not leaked, f"{path.name}:{key} words also in a general lexicon: {leaked}"
