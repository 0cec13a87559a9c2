"""Tables that fit the terminal without breaking what a reader copies.

Every column is one of three kinds:

- ``whole``: ids, days, values, alert types. Never broken: the column is as wide as its
  widest cell (an id must paste into ``dateline series ID`` or ``dateline show ID``).
- ``words``: sources, names, groups, "doc start-end" citations. Wrapped between words, never
  inside one: the column is at least as wide as its longest word.
- ``text``: the prose (a sentence, an explanation). Takes the room left; wraps between words.

When the columns do not fit, the table's ``steps`` are applied in order until they do: a
``drop`` gives a column up (``--json`` has every field; the title names what was left out), a
``stack`` puts a column's cells under another's in one cell ("at least 23" over "2024-03-09").
Only if the table still does not fit do the prose columns shrink below their comfortable width;
and only below that (a terminal of some 50 columns) may a word fold.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Iterable, Mapping, Sequence, Union

from rich.cells import cell_len
from rich.table import Table
from rich.text import Text

from .. import cli          # the console as it is when a command runs (tests swap it)

Cell = Union[str, Text, None]
TEXT_MIN = 24           # a comfortable prose column
TEXT_FLOOR = 12         # the narrowest prose column before words may fold
WORD_CAP = 48           # a "word" longer than this (a URL in a source) may fold


@dataclass
class Col:
    name: str
    kind: str = "words"          # whole, words or text
    ratio: int = 1               # share of the spare room (words and text columns)


def _text(cell: Cell) -> Text:
    """Cells as plain text: article text may hold "[...]", which Rich would read as markup."""
    if isinstance(cell, Text):
        return cell
    return Text("" if cell is None else str(cell))


def _lines(t: Text) -> list[str]:
    return t.plain.split("\n")


def _widest_line(cells: Iterable[Text]) -> int:
    return max((cell_len(line) for t in cells for line in _lines(t)), default=0)


def _longest_word(cells: Iterable[Text]) -> int:
    return max((cell_len(w) for t in cells for w in t.plain.split()), default=0)


class _Column:
    def __init__(self, col: Col, cells: list[Text]):
        self.names = [col.name]
        self.kind, self.ratio = col.kind, col.ratio
        self.cells = cells

    @property
    def header(self) -> str:
        return "\n".join(self.names)

    def stack(self, other: "_Column") -> None:
        """``other``'s cells under this column's, in one cell (an empty one adds no line)."""
        self.names += other.names
        self.cells = [a if not b.plain else b if not a.plain else Text("\n").join([a, b])
                      for a, b in zip(self.cells, other.cells)]
        if other.kind != self.kind:
            self.kind = "text" if "text" in (self.kind, other.kind) else "words"
        self.ratio = max(self.ratio, other.ratio)

    def need(self, floor: bool = False) -> int:
        """Width without which the column breaks what it must not (``floor``: prose at its narrowest)."""
        header = [Text(n) for n in self.names]
        if self.kind == "whole":
            return max(1, _widest_line(self.cells + header))
        words = min(WORD_CAP, _longest_word(self.cells + header))
        if self.kind == "words":
            return max(1, words)
        return max(1, min(_widest_line(self.cells), TEXT_FLOOR if floor else TEXT_MIN), min(words, TEXT_MIN))

    def want(self) -> int:
        return max(self.need(), _widest_line(self.cells + [Text(n) for n in self.names]))


def _total(columns: Sequence[_Column], widths: Sequence[int]) -> int:
    return sum(widths) + 3 * len(columns) + 1          # padding of one each side, and the rules


def print_table(title: str, columns: Sequence[Col], rows: Iterable[Mapping[str, Cell]],
                steps: Sequence[tuple] = (), width: int = 0) -> None:
    """Print ``rows`` (dicts by column name) as a table as wide as the console at most.

    ``steps``: ``("drop", name)`` or ``("stack", name, under)``, applied in order while the
    table is too wide. The title names the dropped columns.
    """
    rows = list(rows)
    width = width or cli.console.width
    shown = [_Column(c, [_text(r.get(c.name)) for r in rows]) for c in columns]
    dropped: list[str] = []

    def find(name: str) -> _Column:
        return next(c for c in shown if name in c.names)

    for step in steps:
        if _total(shown, [c.need() for c in shown]) <= width:
            break
        if step[0] == "drop":
            column = find(step[1])
            shown.remove(column)
            dropped += column.names
        else:
            moved, under = find(step[1]), find(step[2])
            shown.remove(moved)
            under.stack(moved)
    floor = _total(shown, [c.need() for c in shown]) > width
    widths = [c.need(floor) for c in shown]
    spare = width - _total(shown, widths)
    # the room left goes to the columns that can use it, by ratio (prose first when it is short)
    while spare > 0:
        hungry = [i for i, c in enumerate(shown) if c.kind != "whole" and widths[i] < shown[i].want()]
        if not hungry:
            break
        total_ratio = sum(shown[i].ratio for i in hungry)
        given = 0
        for i in hungry:
            share = max(1, spare * shown[i].ratio // total_ratio)
            add = min(share, shown[i].want() - widths[i], spare - given)
            widths[i] += add
            given += add
        if not given:
            break
        spare -= given
    if spare < 0:                           # nothing left to give up: let the prose, then words, fold
        for i in sorted(range(len(shown)), key=lambda i: ("text", "words", "whole").index(shown[i].kind)):
            cut = min(-spare, widths[i] - 4)
            if cut > 0 and shown[i].kind != "whole":
                widths[i] -= cut
                spare += cut
    label = title + (f" ({', '.join(dropped)}: --json)" if dropped else "")
    table = Table(title=label, expand=False)
    for c, w in zip(shown, widths):
        table.add_column(c.header, width=w, no_wrap=c.kind == "whole", overflow="fold")
    for i in range(len(rows)):
        table.add_row(*(c.cells[i] for c in shown))
    cli.console.print(table)
