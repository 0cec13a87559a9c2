"""Temporal expressions: a regex grammar over the text, resolved against the article date.

Finding: each cheap segment of the text (``nlp.segment``: the same units the sentence
filter sees) is scanned by the rules of the ``timex.rules`` table (``extract.RULES``, each
row with example sentences it must find and near misses it must refuse); overlapping hits are settled
longest-first, then a clock time written next to a day ("10 p.m. Wednesday") is merged
with it. Every rule contains a digit or a word of the lexicon that ``TRIGGER`` is built
from, so ``TRIGGER`` matches every segment in which something can be found.

Resolving: values follow TIMEX3 (``2023-11-01``, ``2023-11``, ``2023-W45``, ``2023-Q3``,
``2023-SU``, ``2023``, ``199`` (a decade), ``P3D``, ``PT2H``, ``PRESENT_REF``,
``2023-11-01TNI``, ``2023-11-01T13:00``, ``XXXX-WXX-1`` ...). Deictic expressions
("yesterday", "last week", "two days ago") count from the article date; anaphoric ones
("the next day", "a year earlier", "that day") from the last day/month/... mentioned
before them. Where the calendar leaves a choice (a weekday name, a month or a day
without a year) the tense of the governing verb decides (spaCy parse: "will", "expected
to", "plans to" ... -> the coming one; past tense -> the last one); without a verdict
the most recent past (or today) wins, a year-less date going to the nearest year with
the past preferred. Named events ("9/11", "the September 11 attacks") come from the
``lexicon.named_events`` table; month, weekday and number words from ``lexicon``.

Every expression found carries a trace (``rules.new_trace("time", ...)``, seen by
``dateline.analyze.explain``): the rule that found it, the tense verdict and why, what it
counted from, its value.

Modules: ``grammar`` (regex pieces, ``TRIGGER``), ``calendar`` (date arithmetic, TIMEX3
values), ``tense``, ``registry`` (the rule row, the resolution context), the rules in
``dates``, ``relative``, ``durations``, ``clock``, then ``extract`` and ``anchor``.
"""
from __future__ import annotations

from .anchor import anchor_date
from .extract import extract_times
from .grammar import TRIGGER
from .tense import tense_at

__all__ = ["TRIGGER", "extract_times", "anchor_date", "tense_at"]
