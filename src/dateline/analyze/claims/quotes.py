"""Quotation regions of a text, from its characters alone (curly and straight, double and single, NYT-style
''…'')."""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable, Optional



# --- quotation regions ------------------------------------------------------------------

QUOTE_CHARS = "“”„«»\"‘’'‹›"


@dataclass
class Quote:
    """A quotation: ``open``/``close`` are the offsets of its marks (``None`` when missing)."""

    open: Optional[int]
    close: Optional[int]
    inner_start: int
    inner_end: int
    used: bool = False

    @property
    def start(self) -> int:
        return self.open if self.open is not None else self.inner_start

    @property
    def end(self) -> int:
        return self.close + 1 if self.close is not None else self.inner_end


_OPENERS_D, _CLOSERS_D = "“„«", "”»"
_LEFT_BOUNDARY = set("([{—–-/") | {"", " "}
_RIGHT_BOUNDARY = set(".,;:!?)]}—–-…")


def _paragraphs(text: str) -> Iterable[tuple[int, int]]:
    start = 0
    for m in re.finditer(r"\n", text):
        yield start, m.start()
        start = m.end()
    yield start, len(text)


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _double_role(text: str, i: int, lo: int, hi: int, inside: bool) -> str:
    """'open' or 'close' for a double quotation mark at ``i`` (paragraph ``[lo, hi)``)."""
    ch = text[i]
    prev = text[i - 1] if i > lo else ""
    nxt = text[i + 1] if i + 1 < hi else ""
    left = prev in _LEFT_BOUNDARY or prev.isspace()
    right = nxt == "" or nxt.isspace() or nxt in _RIGHT_BOUNDARY or nxt in QUOTE_CHARS
    if ch in _OPENERS_D:
        return "close" if (right and not left and inside) else "open"
    if ch in _CLOSERS_D:
        return "open" if (left and not right and not inside) else "close"
    if left and not right:
        return "open"
    if right and not left:
        return "close"
    return "close" if inside else "open"


def _double_quotes(text: str, lo: int, hi: int, first_paragraph: bool,
                   carried_open: bool) -> list[Quote]:
    regions: list[Quote] = []
    open_at: Optional[int] = None
    seen_any = False
    for i in range(lo, hi):
        ch = text[i]
        if ch not in _OPENERS_D and ch not in _CLOSERS_D and ch != '"':
            continue
        role = _double_role(text, i, lo, hi, open_at is not None)
        if role == "open":
            if open_at is not None:   # an opener while open: the earlier one was never closed
                s, e = _trim(text, open_at + 1, i)
                regions.append(Quote(open_at, None, s, e))
            open_at = i
        elif open_at is not None:
            s, e = _trim(text, open_at + 1, i)
            regions.append(Quote(open_at, i, s, e))
            open_at = None
        elif not seen_any and (first_paragraph or carried_open):
            # a closer with no opener: the excerpt (or paragraph) starts inside a quotation
            s, e = _trim(text, lo, i)
            if e > s:
                regions.append(Quote(None, i, s, e))
        seen_any = True
    if open_at is not None:
        s, e = _trim(text, open_at + 1, hi)
        comma = _implicit_close(text, s, e)
        if comma is not None:         # “We will not leave, said Abu Khaled …: the mark was left out
            regions.append(Quote(open_at, comma, s, comma + 1))
        elif e > s:
            regions.append(Quote(open_at, None, s, e))
    return regions


_QUOTE_VERBS = r"(?:said|says|added|adds|told|tells|asked|explained|wrote|insisted|warned|continued)"
_INLINE_ATTRIBUTION = re.compile(
    r",\s+(?:" + _QUOTE_VERBS + r"\s|(?!(?:and|but|or|so|because|when|while|as|if|then|that|which|who)\b)"
    r"(?:[\w'’.-]+\s+){1,4}" + _QUOTE_VERBS + r"\b)")


def _implicit_close(text: str, start: int, end: int) -> Optional[int]:
    """The comma where an unclosed quotation really ends: “…, said X" / “…, the official said"."""
    m = _INLINE_ATTRIBUTION.search(text, start, end)
    if m is None or m.start() - start < 8:
        return None
    return m.start()


def _single_quotes(text: str, lo: int, hi: int, taken: list[Quote]) -> list[Quote]:
    """‘…’ and '…' pairs outside double quotations; unpaired ones are apostrophes."""
    def inside_double(i: int) -> bool:
        return any(q.start <= i < q.end for q in taken)

    regions: list[Quote] = []
    open_at: Optional[int] = None
    for i in range(lo, hi):
        ch = text[i]
        if ch not in "‘’'" or inside_double(i):
            continue
        prev = text[i - 1] if i > lo else ""
        nxt = text[i + 1] if i + 1 < hi else ""
        left = prev == "" or prev.isspace() or prev in "([{—–-\"“"
        if open_at is None:
            if ch in "‘'" and left and nxt.isalnum():
                open_at = i
            continue
        if ch in "’'" and not prev.isspace() and not nxt.isalnum():
            s, e = _trim(text, open_at + 1, i)
            if e > s:
                regions.append(Quote(open_at, i, s, e))
            open_at = None
    return regions


def find_quotes(text: str) -> list[Quote]:
    """All quotation regions of a text, in order."""
    scan, doubled = _single_width_marks(text)
    regions: list[Quote] = []
    carried_open = False
    for n, (lo, hi) in enumerate(_paragraphs(scan)):
        doubles = _double_quotes(scan, lo, hi, n == 0, carried_open)
        singles = _single_quotes(scan, lo, hi, doubles)
        if scan[lo:hi].strip():
            carried_open = bool(doubles) and doubles[-1].close is None
        regions.extend(sorted(doubles + singles, key=lambda q: q.start))
    for q in regions:                 # the marks of '' … '' cover both characters
        if q.open is not None and q.open - 1 in doubled:
            q.open -= 1
        if q.close is not None and q.close in doubled:
            q.close += 1
    return regions


_DOUBLED_MARK = re.compile(r"'{2,3}|``")


def _single_width_marks(text: str) -> tuple[str, set[int]]:
    """NYT-style ''…'' (and ``…''): each two-character mark becomes one straight double quote
    in a same-length copy of the text (an opener's first character and a closer's second one
    become spaces); returns the copy and the start offsets of the doubled marks."""
    if "''" not in text and "``" not in text:
        return text, set()
    chars = list(text)
    doubled: set[int] = set()
    for m in _DOUBLED_MARK.finditer(text):
        i = m.start()
        prev = text[i - 1] if i else ""
        opener = m.group(0) == "``" or prev == "" or prev.isspace() or prev in "([{—–-\n"
        if len(m.group(0)) == 3 and not opener:
            i += 1                    # three marks after a word: a single quotation closes first
        if opener:
            chars[i], chars[i + 1] = " ", '"'
        else:
            chars[i], chars[i + 1] = '"', " "
        doubled.add(i)
    return "".join(chars), doubled
