"""Figures: counts of people and things the story tracks (death tolls, wounded, hostages, ...).

For every number that ``numbers.find_counts`` reads in a parsed sentence (or headline, or
bullet line), the dependency parse decides what it counts:

- the *counted phrase*: the noun the number modifies ("8,796 Palestinians") or the number
  itself when it stands alone ("Nearly 500 have been killed", "the toll crossed 6,500"),
  and its *role*: subject, object or prepositional object of which predicate;
- the *measure*, from lexicons of trigger lemmas met along dependency paths around that
  phrase: the predicate it is an argument of ("were killed", "left ... dead", "taken
  hostage", "allowed out of Gaza"), its modifiers ("displaced people", "aid trucks",
  "soldiers killed"), the noun it is "of" ("the deaths of 300", "the release of 50"), the
  subject of a level verb ("the death toll has soared past 7,300"), a coordinated sibling
  or the figure it is a sub-group of ("including 3,648 children", "30 of them"). Each cue
  has a rank (how close it is); the closest wins;
- the *qualifier* from the words before the number and the verb that governs it ("topped",
  "soared past"), shared across a coordinated list ("more than 5,600 children and 3,550
  women");
- the *source*: first whoever set this very value ("the Interior Ministry put the toll at 71",
  "the ministry raised the toll to 1,250", "the ministry's toll ... exceeds 9,700"), then
  ``claims`` (a claim whose content holds the number), else "according to X" / the subject of
  a reporting verb whose content holds the number / a closing attribution however it was
  parsed ("..., an Israeli official estimated.", "- 240 hostages held, Israel says");
- *as_of*: a time expression governing the statement (the reporting verb, or for events the
  event verb; "Before Tuesday's blast"), a dateline ("Jerusalem, Oct 9:"), a dated statement
  of the same source earlier in the article, else the article date;
- *scope* (cumulative, period, incident, planned, superseded, pre-war, other) from cue words
  in the figure's clause and its syntax: "up from 3,785" / "revised to 1,200, from 1,400" is
  superseded; a victim verb placed in one town or building, an attack verb on one place, or "the
  toll from Tuesday's strike" is an incident; "250 killed overnight, bringing the toll to 9,770"
  makes the 250 a period and the 9,770 cumulative;
- the *group*: the counted noun with its modifiers, a coordinated noun without a number of its
  own ("soldiers and civilians") and the place its predicate names ("people in Gaza").

Numbers a truncated excerpt cuts off ("... killed more than 16" at the very end) and counts a
sentence corrects ("seven victims had been counted twice") are not figures.

Only syntax and lexicons are used: no rule names a particular sentence.
"""
from __future__ import annotations

__all__ = ["TRIGGER", "extract_figures"]


def __getattr__(name: str):
    # the extractor (and spaCy with it) is imported on first use: the ingest's main process reaches
    # this package only for place names (consolidation), and its workers do the extracting
    if name in __all__:
        from . import extract

        return getattr(extract, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
