"""Where the counted people are: the place of a figure, never the place of whoever did the killing.

The place comes from the counted people's side of the sentence: "in X" on the verb that befell them or on
the counted noun ("killed in Wajima", "people in Gaza"), the toll's own place ("Japan's death toll", "the
toll in Myanmar"), a people's name in the group ("Palestinian children", "8,796 Palestinians"), the place
of the authority that counts them ("the Gaza health ministry"), else the one place the article is about.
A place that is the subject of an active verb of killing ("Belmoria has killed 9,310") or a modifier of
the attack ("Israeli strikes", "Russia's shelling") is the actor: it is never the place, and the article's
place is then looked for among the others.

Names resolve through the gazetteer (``lexicon.gazetteer``), preferring the countries the article is
about; the place is written as the text writes it, without "the" and words of kind ("the Gaza Strip" ->
"Gaza", "Ishikawa Prefecture" -> "Ishikawa", "the city of Wajima" -> "Wajima"), or, for a demonym or the
article's place, as the gazetteer names it. A country spoken of through its territories (Palestine:
the Gaza Strip, the West Bank) is narrowed to the territory the article is about.

The package, by concern: ``names`` (how a place is written), ``article`` (the places one article names,
resolved once: ``ArticlePlaces``), ``sentence`` (the counted people's side of the sentence), ``rules``
(the ``PLACE`` table, "figures.place", that decides: ``place_of``).
"""
from __future__ import annotations

from .names import clean_name

__all__ = ["ArticlePlaces", "PLACE", "_own_place", "clean_name", "inferred", "place_of"]


def __getattr__(name: str):
    # the parse-reading parts (and spaCy with them) are imported on first use: consolidation in the
    # ingest's main process needs only clean_name
    if name == "ArticlePlaces":
        from .article import ArticlePlaces

        return ArticlePlaces
    if name in __all__:
        from . import rules

        return getattr(rules, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
