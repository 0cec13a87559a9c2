"""Which sentences may be shown as a line (:func:`showable`, :func:`trimmed`), and a query's words."""
from __future__ import annotations

import re
from typing import Optional

from ..events import Sentence
from .day_ranking import _DATE_LABEL
from .model import Settings


# --- which sentences may be shown -------------------------------------------------------

# "CAIRO (Reuters) -", "Cairo , Egypt -LRB- CNN -RRB- --", "WASHINGTON —": a dateline before the news
_DATELINE = re.compile(
    r"^(?:[A-Z][\w.'’-]*(?:\s*,?\s+[A-Z][\w.'’-]*){0,4}\s*,?\s*)?"
    r"(?:\(\s*[A-Z][\w .&'-]{1,40}\)|-LRB-\s*[A-Z][\w .&'-]{1,40}?\s*-RRB-)\s*(?:--?|—|–|:)\s*"
    r"|^[A-Z][A-Z .,'-]{2,40}\s*(?:--?|—|–)\s+")
# "TRIPOLI | Tue Mar 29 , 2011 7:12 pm EDT TRIPOLI -LRB- Reuters -RRB- - ...": a page's header (headline,
# place, time stamp, separated by "|" or bullets) run into the first sentence, up to the agency dateline
_PAGE_HEADER = re.compile(
    r"^(?=[^.!?]{0,250}?(?:\||\\?\*))[^.!?]{0,250}?"
    r"(?:\(\s*[A-Z][\w .&'-]{1,40}\)|-LRB-\s*[A-Z][\w .&'-]{1,40}?\s*-RRB-)\s*(?:--?|—|–)\s*")
# "Thursday , April 29 , 2010 ; 4:49 PM": a page's time stamp run into the first sentence
_TIMESTAMP = re.compile(
    r"^(?:(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?\s*,?\s+)?(?:[a-z]{3,9}\.?\s+\d{1,2}|\d{1,2}\s+[a-z]{3,9}\.?)\s*,?\s*\d{4}"
    r"\s*[;,|]?\s*(?:at\s+)?\d{1,2}[:.]\d\d\s*(?:[ap]\.?m\.?)?(?:\s+[A-Z]{2,4}\b)?\s*[;,|-]?\s+", re.I)
_WORD = re.compile(r"[^\W\d_][\w'’-]*")
_QUOTED = re.compile(r"“[^”]*”|\"[^\"]*\"|``.*?''")
_PERSONAL = re.compile(r"\b(?:I|me|my|mine|we|us|our|ours|you|your|yours)\b")
_BOILERPLATE = re.compile(
    r"https?://|www\.|@\w|\b(?:click|subscribe|newsletter|copyright|all rights reserved|cookies?|sign up|log in"
    r"|read more|follow us|photo:|image:|getty|advertisement|\(AP\) —$)", re.I)
# a sentence that needs the one before it ("He said ...", "Some were taken ...")
_LEANS_BACK = re.compile(r"^[\"“`']*\s*(?:he|she|it|they|them|these|those|some|such|its|their|his|her"
                         r"|(?:this|that)\s+(?:is|was|has|had|will|would|comes|came|means|meant)"
                         # "This move is seen as ...", "That decision was ...": the thing said before
                         r"|(?:this|that)\s+(?!(?:day|week|month|year|morning|afternoon|evening|night|weekend|time"
                         r"|season|spring|summer|autumn|fall|winter|(?:mon|tues|wednes|thurs|fri|satur|sun)day)\b)"
                         r"[a-z][\w-]*\s+(?:is|was|are|were|has|had|will|would|could|comes|came"
                         r"|means|meant|marks|marked|follows|followed)"
                         r"|(?:(?:\d[\d,]*|two|three|four|five|six|seven|eight|nine|ten|dozens|hundreds|thousands"
                         r"|many|several|few|the)\s+)?others)\b"
                         # "However, the index stayed above ...": set against what was said before (with its
                         # comma: "In addition to the 40 ships, ...", "Instead of retreating, ..." stand alone)
                         r"|^[\"“`']*\s*(?:however|moreover|furthermore|nevertheless|nonetheless|in addition|instead"
                         r"|even so|by contrast|in contrast|on the other hand)\s*,", re.I)
# '"...," the ministry added.', '..., he added, ...': the rest of a statement begun in an earlier sentence
_CONTINUES = re.compile(r"[,”\"'’]\s+(?:[\w.'’-]+\s+){0,5}(?:also\s+)?added(?:\s+in\s+a\s+statement)?\s*(?:[.!][\"'”’]*$|,)")  # noqa: E501
# "..., these are the main developments.", "Here is what we know:": a line announcing the ones after it
_ANNOUNCES = re.compile(
    r"\b(?:here\s+(?:is|are)|here['’]s|these\s+are|the\s+following\s+(?:is|are))\s+(?:the\s+)?"
    r"(?:main|key|latest|major|biggest|top)?\s*(?:developments|updates|events|points|headlines"
    r"|latest(?:\s+news)?(?=\s+(?:on|from|in|about)\b|[.:])|what\s+(?:we\s+know|happened|you\s+need\s+to\s+know))"
    r"\b[^.]{0,40}[.:][\"'”’]*$", re.I)
_ENDS_SENTENCE = re.compile(r"[.!][\"'”’)\]]*$|[.!]\s*(?:''|\"|-RRB-)$")


def trimmed(sentence: Sentence) -> tuple[int, int]:
    """The sentence's bounds without a leading dateline ("CAIRO (Reuters) -") or date label
    ("April 22 - "): the date is the timeline's own column. Offsets into its document."""
    text, start = sentence.text, 0
    for _ in range(3):                      # "Thu May 6 , 2010 1:40 pm EDT (Reuters) - ..."
        cut = next((m.end() for p in (_DATELINE, _PAGE_HEADER, _TIMESTAMP, _DATE_LABEL) for m in [p.match(text[start:])]
                    if m and m.end() and len(_WORD.findall(text[start + m.end():])) >= 5), 0)
        if not cut:
            break
        start += cut
    return sentence.span.start + start, sentence.span.end


def showable(text: str, settings: Settings) -> bool:
    """A sentence an editor could put in a timeline as it stands: a whole, plain,
    third-person statement of reasonable length that does not lean on the sentence
    before it (not a question, a fragment, a reader's comment, page furniture or a line announcing
    the ones after it)."""
    text = text.strip()
    if not text or not (text[0].isupper() or text[0].isdigit() or text[0] in "\"“`'"):
        return False
    if not _ENDS_SENTENCE.search(text) or text.endswith("?"):
        return False
    words = _WORD.findall(text)
    if not settings.min_words <= len(words) <= settings.max_words:
        return False
    if _BOILERPLATE.search(text) or _LEANS_BACK.match(text) or _CONTINUES.search(text) or _ANNOUNCES.search(text):
        return False
    return not _PERSONAL.search(_QUOTED.sub(" ", text))


def query_stems(query: Optional[str]) -> list[str]:
    """The query's words, loosely stemmed ("Egyptian" -> "egypt", "hostages" -> "hostag")."""
    from sklearn.feature_extraction.text import ENGLISH_STOP_WORDS

    if not query:
        return []
    return [w[:max(4, len(w) - 3)] for w in (x.lower() for x in _WORD.findall(query))
            if w not in ENGLISH_STOP_WORDS and len(w) >= 3]


def query_matcher(query: Optional[str]):
    """A test for sentences that are about ``query``: one of its words, loosely stemmed
    ("Egyptian" finds "Egypt", "hostages" finds "hostage")."""
    stems = query_stems(query)
    if not stems:
        return None
    pattern = re.compile(r"\b(?:" + "|".join(re.escape(s) for s in sorted(set(stems), key=len, reverse=True)) + ")",
                         re.I)
    return lambda text: bool(pattern.search(text))
