"""What a timeline is made of (:class:`TimelineEntry`) and tuned by (:class:`Settings`)."""
from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field

from ...records import Span
from ..events import SAME_EVENT


DEFAULT_SENTENCES = 1


@dataclass
class TimelineEntry:
    date: dt.date
    text: str
    evidence: list[Span]                    # the cited sentence first, then exact copies elsewhere
    sources: list[Span] = field(default_factory=list)   # every sentence of the event (any wording)
    salience: int = 1                       # independent sources telling the event

    def to_json(self) -> dict:
        # evidence: where this exact sentence stands (checkable); sources: every report of the event
        return {"kind": "timeline", "date": self.date.isoformat(), "text": self.text,
                "evidence": [{"doc": s.doc, "start": s.start, "end": s.end} for s in self.evidence],
                "sources": [{"doc": s.doc, "start": s.start, "end": s.end} for s in self.sources],
                "salience": self.salience}

    def to_json_line(self) -> str:
        return json.dumps(self.to_json(), ensure_ascii=False)


@dataclass(frozen=True)
class Settings:
    """Global weights (one set for every story; never tuned per topic)."""

    later_weight: float = 1.0           # a source naming the day in a later article
    calendar_weight: float = 1.0        # ... and writing it as a date ("on April 20")
    same_day_weight: float = 0.25       # a source naming the day in that day's article
    ahead_weight: float = 1.0           # a source announcing the day ahead ("will vote on Sunday")
    publication_weight: float = 0.5     # a source published on the day (or the day after)
    unseen_weight: float = 2.0          # credit for the later references a recent day can still expect
                                        # (1 = their plain expectation; 2 measured better on Timeline17)
    chronology_weight: float = 3.0      # a day listed in a published chronology, per chronology
    chronology_entries: int = 3         # dated entries ("March 19 - ...") that make an article a chronology
    lead_sentences: int = 5             # undated sentences this near the top are about the publication day
    earlier_day_weight: float = 0.5     # a sentence naming a later day too is less about this one
    label_bonus: float = 0.5            # extra weight of a sentence headed by its date ("April 22 - ..."),
                                        # an entry of a published chronology
    publication_lag: int = 0            # a source publishing on the day, or up to this many days after, counts
    source_bonus: float = 0.15          # weight of log(independent sources) in an event's score
    same_event: float = SAME_EVENT      # cosine at which two sentences tell the same event
    nearby_event: float = 0.3           # ... when told on adjacent days
    earlier_day: bool = True            # an event told on two adjacent days is told on the earlier one
    main_article: bool = True           # the undated rest of an article whose main report is told elsewhere
                                        # is not the day's news ...
    report_words: float = 0.05          # ... when it shares words with that report (cosine; 0.05: a content word)
    own_day: bool = True                # a day's main event, told elsewhere only as another day's other line
                                        # by reports written long after that day, is told on its own day
    late_days: int = 7                  # a report written more than this many days after the day it names
                                        # refers back to it
    dated_report: bool = True           # undated sentences of an article whose dated report is told on the day
                                        # before or after, sharing its words, are more of that report
    event_names: bool = True            # an undated report naming the rare name of a happening told
                                        # the day before or after reports that happening
    background_sources: int = 2         # a day long before the first article, named by fewer independent
    background_days: int = 30           # sources, is background ("born on February 24, 1955"), not a day
                                        # of the story (the day before it is: "talks collapsed on Monday")
    min_words: int = 6
    max_words: int = 50
