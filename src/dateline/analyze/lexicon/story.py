"""Story lexicons: the words of one story that rules need by name (its acronyms, armed groups, places,
named dates ...), as data, apart from the general English of the other lexicon modules.

A story lexicon is a JSON object of word lists, ``stories/<name>.json``::

    {"about": "...", "acronyms": ["IDF", "UNRWA"], "armed_groups": ["Hamas", "Islamic Jihad"], ...}

Keys are free; a key a lexicon does not have is an empty list. Words are kept as written (a rule
lower-cases what it compares lower-cased). The pipeline reads the lexicons named in ``DEFAULT``::

    from dateline.analyze.lexicon import story
    story.words("acronyms")                 # frozenset over the default story lexicons
    story.load("stories/other.json")        # one lexicon, by name or path: {key: frozenset}
    story.words("acronyms", ("israel-gaza", "/path/to/extra.json"))
"""
from __future__ import annotations

import functools
import json
import os
import re
from pathlib import Path
from types import MappingProxyType
from typing import Iterable, Mapping, Union

STORIES = Path(__file__).resolve().parent / "stories"

# The story lexicons the pipeline uses: the shipped ones, or those named in $DATELINE_STORIES (names under
# stories/ or paths to JSON files, separated by commas; an empty value for none).
DEFAULT: tuple[str, ...] = tuple(s.strip() for s in os.environ.get("DATELINE_STORIES", "israel-gaza").split(",")
                                 if s.strip())


@functools.lru_cache(maxsize=None)
def load(name_or_path: Union[str, Path]) -> Mapping[str, frozenset[str]]:
    """One story lexicon: a name under ``stories/`` ("israel-gaza") or a path to a JSON file."""
    path = Path(name_or_path)
    if path.suffix != ".json" and len(path.parts) == 1:
        path = STORIES / f"{name_or_path}.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    if not isinstance(data, dict):
        raise ValueError(f"{path}: a story lexicon is a JSON object of word lists")
    out: dict[str, frozenset[str]] = {}
    for key, value in data.items():
        if key == "about":
            continue
        if not isinstance(value, list) or not all(isinstance(w, str) for w in value):
            raise ValueError(f"{path}: {key!r} is not a list of words")
        out[key] = frozenset(value)
    return MappingProxyType(out)


def alternation(key: str, stories: Iterable[Union[str, Path]] = DEFAULT) -> str:
    """The words under ``key`` as a regular-expression alternation (longest first, spaces and dots loose),
    or a pattern that matches nothing when there are none."""
    found = sorted(words(key, stories), key=len, reverse=True)
    if not found:
        return r"(?!x)x"
    return "|".join(re.escape(w).replace(r"\ ", r"\s+").replace(r"\.", r"\.?") for w in found)


def words(key: str, stories: Iterable[Union[str, Path]] = DEFAULT) -> frozenset[str]:
    """The words under ``key`` in the given story lexicons (the default ones unless told)."""
    return frozenset().union(*(load(s).get(key, frozenset()) for s in stories))
