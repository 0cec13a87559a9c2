"""Numbers in a list whose words were left out: they count what the list's first item or heading counts.

Two shapes of breakdown, common in tallies by place or cause:

- an elided list: "Of the 72 deaths, 39 were in Wajima, 22 in Suzu, five in Nanao, and one each in
  Hakui and Shika" -- "22 in Suzu" has lost its noun and verb; it counts what the item before it counts,
  in its own place;
- labelled lines under a heading: "Here is the breakdown of deaths by state:" then "- Georgia: 25
  people", "Drowning: 20" -- each line counts what the heading names.

A number so placed takes the measure, the scope and the whole it is part of from the item or heading
before it; its place comes from its own words ("in Suzu", "Georgia:").
"""
from __future__ import annotations

import re
from typing import Optional

from .. import nlp
from ..rules import Rule, Table
from .candidate import _Cand
from .cues import CueContext, cue_of

_PLACE_NAME = r"[A-Z][\w'’.-]*(?:\s+(?:and\s+)?[A-Z][\w'’.-]*){0,4}"
_KIND = r"(?:the\s+)?(?:(?:city|cities|town|towns|village|villages|prefecture|county|counties|state|province)\s+of\s+)?"
# between two items of an elided list: the rest of the item before ("... in Wajima"), a separator
_GAP = re.compile(r"^(?:\s+[a-z]+){0,4}(?:\s+each)?\s+(?:in|at)\s+" + _KIND + _PLACE_NAME +
                  r"(?:\s+(?:[Cc]ity|[Tt]own|[Pp]refecture|[Cc]ounty|[Pp]rovince|[Ss]tate|[Rr]egion|[Dd]istrict|"
                  r"[Gg]overnorate|[Dd]epartment))?\s*(?:,|;|(?=\s+and\s))\s*"
                  r"(?:and\s+|with\s+|followed\s+by\s+|while\s+)?$")
# a figure's own words, then the list it leads into: "Suzu recorded 99 deaths, the most, with 88 in Wajima",
# or a breakdown set off by a dash or a colon: "302 people have died in the floods -- 232 in Corva, 52 in ..."
_LEADS_INTO = re.compile(r"^[^.;:]{0,80}?(?:,\s*(?:with|followed\s+by|including)|\s+(?:--?|[–—])|\s*:)\s+$")
# what an item of such a list looks like from its number on: "22 in Suzu", "one each in Hakui"
_ITEM = re.compile(r"^(?:\s+(?:people|persons|dead|deaths|injured|missing))?(?:\s+each)?\s+(?:in|at)\s+" + _KIND +
                   r"[A-Z]")
# a line that labels a number: "- Georgia: 25 people", "Drowning: 20" (the part before the number)
_LABEL_LINE = re.compile(r"^\s*[-•*–]?\s*(?P<label>[^:\n]{1,60}?)\s*:\s*$")
# the whole of such a line
LABEL_LINE = re.compile(r"^\s*[-•*–]?\s*[^:\n]{1,60}?\s*:\s*[\d,.]+(?:\s+[A-Za-z]+)?\s*$")


def _between(a: _Cand, b: _Cand) -> str:
    return nlp.doc_text(a.root.doc)[a.num.end:b.num.start]


def _after(c: _Cand) -> str:
    return nlp.doc_text(c.root.doc)[c.num.end:c.num.end + 60]


class _Listed:
    """What the list rules look at: a number with no measure of its own, the items before it in the
    sentence, and the heading of the lines it may stand under."""

    def __init__(self, c: _Cand, before: list[_Cand], heading: Optional[tuple]):
        self.c, self.before, self.heading = c, before, heading

    def previous_item(self) -> Optional[_Cand]:
        measured = [p for p in self.before if p.measure]
        if not measured:
            return None
        p = measured[-1]
        between = _between(p, self.c)
        if (_GAP.match(between) or _LEADS_INTO.match(between)) and _ITEM.match(_after(self.c)):
            return p
        return None

    def place_with_its_count(self) -> Optional[_Cand]:
        """"..., followed by Sindh with 17 and Balochistan with 11": a name, "with", the number, after a
        measured count of the same sentence: an item of that count's list."""
        measured = [p for p in self.before if p.measure]
        if not measured or not place_with_count_name(self.c):
            return None
        return measured[-1]

    def labelled(self) -> bool:
        return labelled_line(self.c) and bool(self.heading)

    def bracketed(self) -> Optional[tuple[str, str]]:
        """(measure, the words that say it) for "X (N)" in a list of such items after a measure word:
        "deaths were reported in Georgia (33), Florida (20) and Virginia (2)"."""
        text = nlp.doc_text(self.c.root.doc)
        sent_start = self.c.sent.start_char
        if not bracketed_item(text, self.c.num.start, self.c.num.end):
            return None
        items = list(_BRACKETED.finditer(text, sent_start, self.c.sent.end_char))
        if len(items) < 2:
            return None                         # one "(33)" is an aside, not a list
        before = text[sent_start:items[0].start()]
        found = [(m.end(), measure) for measure, rx in _HEADING_WORDS for m in rx.finditer(before)]
        return (max(found)[1], before) if found else None       # the measure word nearest the list

# "Georgia (33)": a name, then a count in brackets
_BRACKETED = re.compile(r"[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3}\s*\(\s*(?P<n>\d[\d,]*)\s*\)")


def bracketed_item(text: str, start: int, end: int) -> Optional[str]:
    """The name before "(N)" when the number at [start:end] is such an item's count, else None."""
    m = re.search(r"(?P<name>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3})\s*\(\s*$", text[max(0, start - 60):start])
    if m is None or not re.match(r"\s*\)", text[end:end + 3]):
        return None
    return m.group("name")


# "followed by Sindh with ", ", Buner with ", "and Shangla with ": an item's name before its number
_NAME_WITH = re.compile(r"(?:,\s*|\s+)(?:(?:followed|then)\s+by\s+|and\s+)?(?:the\s+)?"
                        r"(?P<name>[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,2})"
                        r"(?:\s+(?:district|province|county|state|region|governorate))?\s+with\s+$")


def place_with_count_name(c: _Cand) -> Optional[str]:
    """The name in "followed by Sindh with 17", if the number's words are that and it ends its item."""
    text = nlp.doc_text(c.root.doc)
    m = _NAME_WITH.search(text[max(c.sent.start_char, c.num.start - 80):c.num.start])
    if m is None or not re.match(r"^\s*(?:[,;.]|and\b|$)", text[c.num.end:c.num.end + 5]):
        return None
    return m.group("name")


def list_label(c: _Cand) -> str:
    """The label of a "Label: N" line."""
    text = nlp.doc_text(c.root.doc)
    return text[text.rfind("\n", 0, c.num.start) + 1:c.num.start].strip(" -•*–:\t")


def labelled_line(c: _Cand) -> bool:
    """Whether the number ends a short "Label: N (people)" line."""
    text = nlp.doc_text(c.root.doc)
    line_start = text.rfind("\n", 0, c.num.start) + 1
    line_end = text.find("\n", c.num.end)
    line_end = len(text) if line_end < 0 else line_end
    rest = text[c.num.end:line_end].strip()
    return bool(_LABEL_LINE.match(text[line_start:c.num.start])) and len(rest.split()) <= 2 and \
        not re.search(r"\d", rest)


# a label that says what its line counts: "Total dead: 192", "Injured: 4,877", "Missing: 40"
# (also "Persons missing", "Evacuated since 18 January", "Deaths (confirmed)", "People in evacuation centres")
_MEASURE_LABEL = re.compile(r"^(?:(?:total|confirmed|reported|number\s+of|people|persons|individuals)\s+)*"
                            r"(?P<word>dead|deaths|killed|death\s+toll|toll|"
                            r"fatalities|injured|wounded|injuries|hurt|missing|unaccounted\s+for|displaced|homeless|"
                            r"evacuated|evacuees|in\s+(?:[a-z]+\s+){0,2}?(?:shelters|camps|evacuation\s+cent(?:re|er)s))"
                            r"(?:\s+(?:so\s+far|to\s+date|in\s+total|overall|confirmed|recorded|reported|"
                            r"(?:since|as\s+of|as\s+at)\s+[\w ]{1,25}|"
                            r"\([^)]{1,60}\)))?$", re.I)
_LABEL_MEASURES = {"death toll": "killed", "toll": "killed", "dead": "killed", "deaths": "killed",
                   "killed": "killed", "fatalities": "killed", "injured": "wounded", "wounded": "wounded",
                   "injuries": "wounded", "hurt": "wounded", "missing": "missing", "unaccounted for": "missing",
                   "displaced": "displaced", "homeless": "displaced", "evacuated": "evacuated",
                   "evacuees": "evacuated"}


def _label_measure(word: str) -> str:
    """The measure a label's word names; people "in shelters" or "in camps" are displaced."""
    word = re.sub(r"\s+", " ", word.lower())
    return "displaced" if word.startswith("in ") else _LABEL_MEASURES[word]


# what may follow the number of a measure's labelled line: its source or a note in brackets, then another clause
# ("Dead: 4,010 (Red Crescent); the WHO has recorded 4,054", "Displaced: 44,800, about 16,000 of them children")
_AFTER_A_LABELLED_COUNT = re.compile(r"\s*(?:$|\([^)\n]{1,80}\)|[;,]\s|\s[-–—]\s)")


def _a_measure_line(c: _Cand) -> bool:
    """The number is the first on a "Label: N" line, followed by nothing, a bracketed note or another clause."""
    text = nlp.doc_text(c.root.doc)
    line_start = text.rfind("\n", 0, c.num.start) + 1
    return bool(_LABEL_LINE.match(text[line_start:c.num.start])) and bool(
        _AFTER_A_LABELLED_COUNT.match(text, c.num.end))


def measure_label(c: _Cand) -> Optional[tuple]:
    """(measure, label) of a "Total dead: 192" line: its label names what it counts."""
    if not labelled_line(c) and not _a_measure_line(c):
        return None
    label = list_label(c)
    m = _MEASURE_LABEL.match(label)
    return (_label_measure(m.group("word")), label, None) if m else None


# "Deaths by province: Punjab 66; Sindh 58; Khyber Pakhtunkhwa 44": a measure's label, a colon, then items of a
# name and its number, apart by semicolons (or commas)
_INLINE_ITEMS = re.compile(r"^[ \t]*[-•*–]?[ \t]*(?P<label>[A-Za-z][A-Za-z ]{1,40}?)[ \t]*:[ \t]*"
                           r"(?:[A-Z][\w'’. -]{1,40}?[ \t]+[\d,]+[ \t]*[;,][ \t]*)*"
                           r"(?P<item>[A-Z][\w'’. -]{1,40}?)[ \t]+$")
BY_AREA = re.compile(r"\s+(?:by|per|in\s+each)\s+(?:province|district|region|county|state|governorate|city|town|"
                      r"country|prefecture)$", re.I)


def inline_item(c: _Cand) -> Optional[tuple[str, str, str]]:
    """(measure, label, item name) for a number in a "Deaths by province: Punjab 66; Sindh 58" line."""
    return inline_item_at(nlp.doc_text(c.root.doc), c.num.start, c.num.end)


def inline_item_at(text: str, start: int, end: int) -> Optional[tuple[str, str, str]]:
    line_start = text.rfind("\n", 0, start) + 1
    m = _INLINE_ITEMS.match(text[line_start:start])
    if m is None or not re.match(r"^[ \t]*(?:[;,.]|$|\n)", text[end:end + 2] or "\n"):
        return None
    label = BY_AREA.sub("", m.group("label").strip())
    w = _MEASURE_LABEL.match(label)
    if w is None:
        return None
    return _label_measure(w.group("word")), m.group("label").strip(), \
        m.group("item").strip()


# "• 44 missing", "- 152,000 people in evacuation centres": a bullet, a number, then the word of what it counts
_FACT_LINE = re.compile(r"[ \t]*[•*–-][ \t]*(?:(?:about|some|around|at\s+least|more\s+than|over|nearly|almost|an?\s+"
                        r"estimated)[ \t]+)?$", re.I)
_FACT_WORD = re.compile(r"[ \t]+(?:(?:people|persons|civilians|residents)[ \t]+)?(?P<word>dead|killed|deaths|"
                        r"injured|wounded|hurt|missing|unaccounted\s+for|displaced|homeless|evacuated|evacuees|"
                        r"in\s+(?:[a-z]+\s+){0,2}?(?:shelters|camps|evacuation\s+cent(?:re|er)s))(?![\w-])", re.I)


def fact_line_measure(c: _Cand) -> Optional[tuple]:
    """(measure, word, None) of a fact box's "• 44 missing" line, else None."""
    text = nlp.doc_text(c.root.doc)
    line_start = text.rfind("\n", 0, c.num.start) + 1
    if not _FACT_LINE.fullmatch(text, line_start, c.num.start):
        return None
    m = _FACT_WORD.match(text, c.num.end)
    if m is None:
        return None
    word = m.group("word")
    return _label_measure(word) if not word.lower().startswith("death") else "killed", word, None


def a_part_of_the_table(c: _Cand) -> Optional[str]:
    """The label of a "Treated and discharged: 4,257" line in a table whose other lines name the measure
    ("Injured: 4,877"): a part of a count, not a count of its own."""
    if not labelled_line(c) or measure_label(c) is not None:
        return None
    text = nlp.doc_text(c.root.doc)
    start = text.rfind("\n", 0, c.num.start) + 1
    block = text[:start].rstrip("\n").split("\n")[-6:]
    return list_label(c) if any(_MEASURE_LABEL.match(re.sub(r"\s*:.*$", "", line.strip(" -•*–\t")))
                                and LABEL_LINE.match(line) for line in block) else None


LIST = Table("figures.list", runner="figures", subject="a number with no measure of its own (_Listed)", rules=(
    Rule("list/elided-item", lambda s: s.previous_item() is not None, lambda s: s.previous_item(),
         examples=("Of the 230 deaths, 95 were in Valtra, 42 in Osmund County, seven in Brega, "
                   "and one each in Holm and Tarn.",
                   "Valtra recorded 99 deaths, the most of any town, with 88 in Brega and 20 in Holm.",
                   "The province said 61 people died in Morvik, 22 in Selby and 14 in Arden.",
                   "The general said 96 people have died in the Lusaka Council Territory, 18 in Ndola "
                   "and 30 in Kitwe.",
                   "Officials say 40 people have died in the floods - 25 in Varnholm, 10 in Tarn and five elsewhere.",
                   "A rights group said 302 people had been killed in the unrest -- 232 in Corva, 52 in Linden "
                   "and 18 in Holm.",
                   "The ministry said 1,102 people had died in Varn province, 486 in Tessel and 142 in Orlo.",
                   "Officials said 75 people died in Sindh province, 40 in Punjab and 12 in Balochistan."),
         counter_examples=("Police said 61 people died in Morvik, and 22 in the afternoon session voted.",)),
    Rule("list/bracketed-items", lambda s: s.bracketed() is not None, lambda s: s.bracketed() + (None,),
         examples=("Deaths were also reported in Corva (49), Linden (33), Holm (20) and Tarn (2).",
                   "Injuries were recorded in Alder County (14), Birch County (9) and Cedar County (3)."),
         counter_examples=("The agency (AFP) said the river rose by 3 metres (10 feet) overnight.",)),
    Rule("list/the-label-names-the-measure", lambda s: measure_label(s.c) is not None,
         lambda s: measure_label(s.c),
         examples=("The latest figures for the floods:\n\nNORTH PROVINCE:\nTotal dead: 92\nInjured: 877\n"
                   "Missing: 40",
                   "Casualties so far\nDeaths: 1,204\nInjuries: 3,310",
                   "Killed: 31\nWounded: 140\nDisplaced: 12,000",
                   "KEY FIGURES\n• Persons missing: 206\n• People in evacuation centres: 45,000",
                   "Situation report\n- Evacuated since 18 January: 16,400 people (cumulative).\n"
                   "- Deaths (confirmed): 112"),
         counter_examples=("Contacts\n- Missing persons hotline: 800 400 101",),
         why="a line whose label is a measure word counts that measure, heading or none"),
    Rule("list/a-name-with-its-count", lambda s: s.place_with_its_count() is not None,
         lambda s: s.place_with_its_count(),
         examples=("Punjab recorded 29 deaths, followed by Sindh with 17 and Balochistan with 11.",
                   "Swat district was the hardest hit with 19 deaths, followed by Shangla with 11 and Buner with 8.",
                   "Florida reported 20 deaths, Georgia with 15 and the Carolinas with 9."),
         counter_examples=("Rescuers found 19 survivors, and Smith with 2 dogs searched the ruins.",),
         why="a name, 'with', a number, after a measured count: an item of that count's list"),
    Rule("list/inline-items-of-a-measure", lambda s: inline_item(s.c) is not None,
         lambda s: inline_item(s.c)[:2] + (None,),
         examples=("- Deaths by province: Varn 66; Tessel 58; Orlo 44.",
                   "Injured by district: North Kell 120; Dunmore 45",
                   "Missing: Harbour Ward 12, Old Town 7"),
         counter_examples=("Deaths by province: see the table below for 2024.",),
         why="a measure's label, a colon, then a name and its number per item: each item counts that measure"),
    Rule("list/a-fact-line's-count-and-word", lambda s: fact_line_measure(s.c) is not None,
         lambda s: fact_line_measure(s.c),
         examples=("KEY FIGURES\n• 318 dead\n• 44 missing\n• 1,240 injured",
                   "Latest figures\n- 152,000 people in evacuation centres\n- 12 missing",
                   "At a glance\n* 3,069 people in relief camps\n* 12 dead"),
         counter_examples=("Contacts\n• 1,200 volunteers\n• 14 missing-person desks",),
         why="a fact box's bullet line of a number and the word of what it counts (which the parser hangs on the "
             "bullet, not on the number)"),
    Rule("list/labelled-line", lambda s: s.labelled(), lambda s: s.heading,
         examples=("The agency broke down the deaths by county:\n- Holm County: 12 people\n- Tarn County: 7 people",
                   "It listed the causes of death:\n\nDrowning: 20\n\nLandslide: 11")),
))


def heading_of(sent, ctx: CueContext) -> Optional[tuple[str, str]]:
    """(measure, the heading's words) when a sentence ends with a colon and names what the lines after it
    count ("Here is the breakdown of deaths by state:")."""
    text = sent.text.strip()
    if not text.endswith(":"):
        return None
    if not nlp.is_parsed(sent):
        return _heading_words(text)
    for tok in sent:
        m = cue_of(tok, "noun", ctx.with_lives())
        if m is not None and m.outcome and m.outcome != "other":
            return m.outcome, text
    return None


_HEADING_WORDS = [("killed", re.compile(r"\b(?:deaths?|dead|killed|fatalities|victims)\b", re.I)),
                  ("wounded", re.compile(r"\b(?:injur\w+|wounded|hurt)\b", re.I)),
                  ("missing", re.compile(r"\b(?:missing|unaccounted)\b", re.I)),
                  ("displaced", re.compile(r"\b(?:displaced|evacuees|homeless)\b", re.I))]


def _heading_words(text: str) -> Optional[tuple[str, str]]:
    """A heading left unparsed (no colon-ended line need hold a number): its words say the measure."""
    for measure, rx in _HEADING_WORDS:
        if rx.search(text):
            return measure, text
    return None


def resolve_lists(here: list[_Cand], heading: Optional[tuple]) -> None:
    """Give the numbers of elided lists and labelled lines the measure of their list (see the module)."""
    for i, c in enumerate(here):
        if c.measure:
            continue
        m = LIST.first_match(_Listed(c, here[:i], heading), c.trace)
        if m is None:
            continue
        if isinstance(m.outcome, _Cand):
            p = m.outcome
            c.measure, c.rank, c.cue = p.measure, p.rank + 1, p.cue
            c.parent = p.parent
            c.listed_after = p
        else:
            c.measure, c.rank, c.cue = m.outcome[0], 3, m.outcome[1][:40]
            c.listed_after = None          # (a heading: (measure, its words, its source))
        c.in_list = True
