"""Whether the text around a figure says the count was revised downwards ("revised its estimates down",
"cutting the previous numbers in half", "a significant reduction in these numbers").

A figure so framed and lower than what was published before for the same toll is a revision the reader
must be told about (``synthesize.alerts``), whether or not the revising body is the one that gave the
higher figure: the lower number may count something else (only identified deaths, a narrower group).
"""
from __future__ import annotations

import re

# A word of lowering and a word for a count, in the figure's sentence or the two before or after it.
_LOWERING = re.compile(r"\b(?:revis\w*\s+(?:\w+\s+){0,5}?down\w*|down\w*\s+revis\w*|slash\w*|halv\w*|in\s+half|"
                       r"cut(?:s|ting)?\b|reduc(?:ed|es|ing|tion)\b|lower(?:ed|s|ing)\b|downgrad\w*|"
                       r"revised\s+(?:\w+\s+)?(?:figures?|estimates?|numbers?|tolls?|counts?|tall(?:y|ies)))", re.I)
_COUNT = re.compile(r"\b(?:figures?|tolls?|estimates?|counts?|numbers?|tall(?:y|ies)|casualt\w*|deaths)\b", re.I)


def revised_around(sentences: list, k: int) -> bool:
    """Whether sentence ``k`` or one of the two on either side speaks of a count being revised down."""
    for sent in sentences[max(0, k - 2):k + 3]:
        text = sent.text
        m = _LOWERING.search(text)
        if m and _COUNT.search(text):
            return True
    return False
