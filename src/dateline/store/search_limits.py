"""What one full-text search may cost, and the errors that say a search was refused or stopped.

FTS5's work grows with what a query holds, and with the ledger: a prefix term (``flood*``)
reads every indexed word it begins, most of all a one-letter one (only 2- and 3-letter prefixes
are indexed); an OR chain reads each term's matches; a NEAR group compares the positions of all
its phrases in every article holding them all. On a 20,000-article ledger one NEAR group of 80
one-letter prefixes ran 38 s and an OR chain of 80 of them 16 s. So a query over the limits
below is refused before it runs, and every search runs under a time budget (the store's
``time_budget``): within the limits a query can still be slow on a large enough ledger.
"""
from __future__ import annotations

import math
import re
from typing import Optional

from .fts import _TOKENS, OPERATORS

MAX_TERMS = 64              # words and "phrases", in all
MAX_PREFIX_TERMS = 16       # prefix* terms
MAX_NEAR_GROUPS = 4         # NEAR(...) groups
MAX_NEAR_PHRASES = 8        # words and phrases in one NEAR group
DEFAULT_BUDGET = 5.0        # seconds a search may run (CLI, web and the library alike)

HINT = "narrow the query: fewer OR terms, fewer or longer prefix* terms, fewer words in a NEAR group"


class QueryRefused(ValueError):
    """A search dateline does not run or did not finish; ``str()`` says why and what to do, for the reader."""


class TooManyTerms(QueryRefused):
    """A query over one of the limits, refused before it runs: ``limit`` names it, ``found`` is the query's count."""

    def __init__(self, what: str, found: int, limit: int):
        self.what, self.found, self.limit = what, found, limit
        super().__init__(f"the search holds {found} {what}; at most {limit} are allowed ({HINT})")


class SearchTooCostly(QueryRefused):
    """A search stopped when its time budget (``budget``, seconds) ran out; nothing of it is returned."""

    def __init__(self, budget: float):
        self.budget = budget
        super().__init__(f"the search was stopped after its time budget of {budget:g} s ({HINT})")


def check_budget(budget: float) -> float:
    """``budget`` (seconds) when it is one: a number, finite and not negative (0 stops at the first check)."""
    if isinstance(budget, bool) or not isinstance(budget, (int, float)) or not math.isfinite(budget) or budget < 0:
        raise ValueError(f"a search's time budget is a number of seconds, 0 or more, not {budget!r}")
    return float(budget)


def check_terms(fts5: str) -> str:
    """``fts5`` (a query as :func:`dateline.store.fts.query` makes it) when it is within the limits; else
    :class:`TooManyTerms` for the first limit it is over."""
    tokens = _TOKENS.findall(fts5)
    terms = prefixes = groups = largest_near = 0
    near: Optional[int] = None          # the words and phrases so far of the NEAR group being read
    for i, token in enumerate(tokens):
        if token == "NEAR" and i + 1 < len(tokens) and tokens[i + 1] == "(":
            groups += 1
            near = 0
        elif token == ")":
            near = None
        elif _is_term(token) and not (near is not None and tokens[i - 1] == ","):     # not NEAR's distance
            terms += 1
            prefixes += token.endswith("*")
            if near is not None:
                near += 1
                largest_near = max(largest_near, near)
    for what, found, limit in (("prefix* terms", prefixes, MAX_PREFIX_TERMS),          # the costliest first
                               ("words or phrases in one NEAR group", largest_near, MAX_NEAR_PHRASES),
                               ("NEAR groups", groups, MAX_NEAR_GROUPS),
                               ("words and phrases", terms, MAX_TERMS)):
        if found > limit:
            raise TooManyTerms(what, found, limit)
    return fts5


# not a word or phrase: a NEAR distance (",5") or a column filter ("title:", "-text:")
_SYNTAX = re.compile(r",\d*|-?\w+:")


def _is_term(token: str) -> bool:
    return not (token in OPERATORS or token in ("NEAR", "(", ")") or _SYNTAX.fullmatch(token))
