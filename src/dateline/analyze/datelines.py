"""The dateline grammar: the place, date, agency or time stamp that opens a wire story's paragraph.

    JERUSALEM (Reuters) – …                          KHAN YOUNIS, Gaza Strip, Nov 20 (Reuters) - …
    (CNN) — …                                        GAZA, Oct. 18 (Xinhua) -- …
    Gaza City, Oct 9 (AFP): …                        12:45 GMT – …   (a live blog's time stamp)
    Myanmar, April 4th, 2025 — …

A dateline is never a speaker and never part of what is said, and its date dates what the paragraph
reports. Only real datelines count: one in capitals, or with a date, a time or an agency ("Revealed: …",
"Netanyahu: …" are not), and not the acronym of a body that speaks ("UNRWA: …", "IDF – …": a source).

    dateline_end(text, pos)     # end offset of the dateline ``pos`` lies in, or None
    dateline_at(text, pos=0)    # the same dateline with its parts (Dateline), or None
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from .lexicon import story
from .lexicon.speakers import SPEAKER_ACRONYMS

__all__ = ["DATELINE", "Dateline", "dateline_at", "dateline_end"]

_PLACE = r"(?:[A-Z][A-Z .'’-]{2,30}|[A-Z][a-z]+(?: [A-Z][a-z]+)?)"
_REGION = r"(?:,\s*[A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*){0,3})?"
_DATE = (r"(?:,?\s*(?P<date>(?:[A-Z][a-z]{2,9}\.?\s*\d{1,2}(?:st|nd|rd|th)?|\d{1,2}(?:st|nd|rd|th)?\s+[A-Z][a-z]{2,9})"
         r"(?:,\s*\d{4})?))?")
_AGENCY = r"(?P<agency>(?:\s*\([A-Za-z .]{2,25}\)){0,2})"
_TIME_STAMP = r"\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?\s*)?(?:GMT|UTC|BST|CET|EST|EDT|ET|IST|local time)?"
# A paragraph's opening: a place (with a region, a date, up to two agencies), an agency alone or a time
# stamp, then a colon or a dash and a space.
DATELINE = re.compile(
    r"[ \t]*(?:(?P<place>" + _PLACE + _REGION + ")" + _DATE + _AGENCY
    + r"|(?P<agency_only>\([A-Za-z .]{2,25}\))|(?P<time>" + _TIME_STAMP + r"))\s*(?:[:—–]|-{1,2})\s+")

# Acronyms of bodies that speak: international ones and the story's own ("IDF", "UNRWA").
_SPEAKING_BODIES = SPEAKER_ACRONYMS | story.words("acronyms")


@dataclass(frozen=True)
class Dateline:
    """A dateline as written: ``start``/``end`` cover it with its separator and the spaces after."""

    start: int
    end: int
    place: Optional[str]        # "KHAN YOUNIS, Gaza Strip"
    date: Optional[str]         # "Nov 20", "9 October, 2023"
    agency: Optional[str]       # "(Reuters)", "(Reuters) (AFP)"
    time: Optional[str]         # "12:45 GMT"


def _match(text: str, pos: int) -> Optional[re.Match]:
    para = text.rfind("\n", 0, pos) + 1
    m = DATELINE.match(text, para)
    if not m or pos >= m.end():
        return None
    head = m.group(0)
    if not (re.match(r"\s*[A-Z]{3,}", head) or "(" in head or re.search(r"\d", head)):
        return None                    # "Revealed: …", "Netanyahu: …" are not datelines
    bare = re.fullmatch(r"\s*([A-Z]+)\s*\S+\s*", head)
    if bare and bare.group(1) in _SPEAKING_BODIES:
        return None                    # "UNRWA: …", "IDF – …": a source, not a place
    return m


def dateline_end(text: str, pos: int) -> Optional[int]:
    """End of the dateline ``pos`` lies in, if any (only real datelines: capitals, a date or an agency)."""
    m = _match(text, pos)
    return m.end() if m else None


def dateline_at(text: str, pos: int = 0) -> Optional[Dateline]:
    """The dateline ``pos`` lies in (by default: the one opening the text), with its parts."""
    m = _match(text, pos)
    if m is None:
        return None
    start = m.start() + len(m.group(0)) - len(m.group(0).lstrip(" \t"))
    return Dateline(start=start, end=m.end(), place=(m.group("place") or "").rstrip() or None, date=m.group("date"),
                    agency=(m.group("agency") or "").strip() or m.group("agency_only"),
                    time=(m.group("time") or "").strip() or None)


def opening_datelines(text: str, within: int = 600):
    """The datelines opening the text's paragraphs in its first ``within`` characters (a wire story's comes
    first, or after its headline and byline), in order."""
    for start in [0] + [m.end() for m in re.finditer(r"\n", text[:within])]:
        line = dateline_at(text, start)
        if line is not None:
            yield line
