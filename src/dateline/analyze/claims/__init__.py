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

Every decision is a row of a rule table (:mod:`dateline.analyze.rules`), each with the sentences it
exists for; ``dateline.analyze.explain.explain_text`` shows, per candidate (a quotation, a cue word, a
headline line), the rules that fired and its fate. The tables, by module:

- ``attribution``: ``claims.quote`` (a quotation with an attribution next to it), ``claims.quote.attribution``
  (the words after it: who says it, or why not), ``claims.continuation`` (pass 3);
- ``cues``: ``claims.cue`` (which token opens a claim), ``claims.verb`` (what an active reporting verb needs),
  ``claims.passive``, ``claims.according``, ``claims.surface`` (a reporting form the tagger missed);
- ``vetoes``: ``claims.veto`` (contexts in which a reporting verb says nothing);
- ``content``: ``claims.content`` (where a verb's content is written);
- ``subject``, ``speakers``, ``resolve``: ``claims.speaker.subject`` (who performs the verb),
  ``claims.speaker.phrase`` (the phrase around that token), ``claims.speaker.source`` (parse or surface),
  ``claims.speaker.resolve`` (pronouns, descriptions, carried speakers);
- ``headlines``: ``claims.headline``.

The rest: ``quotes`` (quotation marks), ``context`` (per-document structures), ``mentions`` (antecedents),
``forms`` (cue verbs' forms, ``TRIGGER``), ``extract`` (the passes in order). Word lists are in
:mod:`dateline.analyze.lexicon` (``reporting``, ``speakers``; a story's own words in ``lexicon.story``),
the dateline grammar in :mod:`dateline.analyze.datelines`.
"""
from __future__ import annotations

from .forms import TRIGGER
from .quotes import find_quotes
from ..datelines import dateline_end as _dateline_end  # noqa: F401  (tests/test_claims.py reads it)
from .extract import extract_claims

__all__ = ["TRIGGER", "extract_claims", "find_quotes"]
