"""Datelines that open a paragraph ("KHAN YOUNIS, Gaza Strip, Nov 20 (Reuters) -", "12:45 GMT –"): never
speakers, never content."""
from __future__ import annotations

import re
from typing import Optional

from ..lexicon import story
from ..lexicon.speakers import SPEAKER_ACRONYMS


# "JERUSALEM (Reuters) – ", "(CNN) — ", "Gaza City, Oct 9 (AFP): " at the start of a paragraph.
# Also "KHAN YOUNIS, Gaza Strip, Nov 20 (Reuters) - ", "GAZA, Oct. 18 (Xinhua) -- " and live-blog
# time stamps ("12:45 GMT – ").
_DATELINE_PLACE = r"(?:[A-Z][A-Z .'’-]{2,30}|[A-Z][a-z]+(?: [A-Z][a-z]+)?)"
_DATELINE_REGION = r"(?:,\s*[A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*){0,3})?"
_DATELINE_DATE = r"(?:,?\s*(?:[A-Z][a-z]{2,9}\.?\s*\d{1,2}|\d{1,2}\s+[A-Z][a-z]{2,9})(?:,\s*\d{4})?)?"
_DATELINE_AGENCY = r"(?:\s*\([A-Za-z .]{2,25}\)){0,2}"
_TIME_STAMP = r"\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?\s*)?(?:GMT|UTC|BST|CET|EST|EDT|ET|IST|local time)?"
_DATELINE = re.compile(
    r"[ \t]*(?:" + _DATELINE_PLACE + _DATELINE_REGION + _DATELINE_DATE + _DATELINE_AGENCY
    + r"|\([A-Za-z .]{2,25}\)|" + _TIME_STAMP + r")\s*(?:[:—–]|-{1,2})\s+")


def _dateline_end(text: str, pos: int) -> Optional[int]:
    """End of the dateline ``pos`` lies in, if any (only real datelines: capitals, a date or an agency)."""
    para = text.rfind("\n", 0, pos) + 1
    m = _DATELINE.match(text, para)
    if not m or pos >= m.end():
        return None
    head = m.group(0)
    if not (re.match(r"\s*[A-Z]{3,}", head) or "(" in head or re.search(r"\d", head)):
        return None                    # "Revealed: …", "Netanyahu: …" are not datelines
    bare = re.fullmatch(r"\s*([A-Z]+)\s*\S+\s*", head)
    if bare and bare.group(1) in _SPEAKING_BODIES:
        return None                    # "UNRWA: …", "IDF – …": a source, not a place
    return m.end()


# Acronyms of bodies that speak: international ones and the story's own ("IDF", "UNRWA").
_SPEAKING_BODIES = SPEAKER_ACRONYMS | story.words("acronyms")
