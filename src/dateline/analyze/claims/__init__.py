"""Attributed claims: who said what, through which reporting expression.

Passes over one spaCy ``Doc`` (see :mod:`dateline.analyze.nlp`; sentences that matched no
extractor's ``TRIGGER`` are tokenized only):

1. *Quote scanning* over characters finds quotation regions (curly and straight, double and
   single, NYT-style ''…''; unbalanced quotes in truncated excerpts end at an inline
   attribution ("“We will stay, said X") or at the paragraph end). A region that opens a
   sentence and is followed by an attribution ("…,” X said", "…,” said X") or that follows
   "X said:" is a *direct* claim.
2. *Dependency cues*: reporting verbs from a lexicon (each with the dependents that carry its
   content), "according to", "reportedly", agentless "is said to" / "it was reported that".
   Content comes from the parse; the mode is *mixed* when it holds quoted words, *direct* when
   it is one quotation. Not claims: comparisons ("more than estimates had suggested"), what
   a verb asks for ("urged X to announce"), requests for anonymity.
3. *Continuations*: a free-standing quoted sentence right after a direct quotation carries
   its speaker (cue ``None``).
4. *Headlines*: "Gaza toll passes 9,000 – health ministry", "… killed: UN chief",
   "Netanyahu: '…'".

Speaker phrases are widened to the named entities they cut ("the Committee to Protect
Journalists"); datelines ("KHAN YOUNIS, Gaza Strip, Nov 20 (Reuters) -", "12:45 GMT –") are
never speakers, acronyms of speaking bodies never datelines. Speakers are resolved last, in
document order: pronouns and definite descriptions ("the minister") go to the nearest
compatible antecedent among earlier speakers and mentions of the same and two preceding
sentences, or further back within the paragraph when no other speaker comes between
(entities and noun chunks where parsed, capitalised runs where not). "it" prefers an
organisation, "they" a plural, "he"/"she" a person whose gender (from "Mr."/"Ms." or a
following "his"/"her") does not clash.
"""
from __future__ import annotations

from .forms import TRIGGER
from .quotes import find_quotes
from ..datelines import dateline_end as _dateline_end  # noqa: F401  (tests/test_claims.py reads it)
from .extract import extract_claims

__all__ = ["TRIGGER", "extract_claims", "find_quotes"]
