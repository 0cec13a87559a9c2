"""Regular expressions that find the same matches sooner: ``first_char_lookahead(pattern)``.

Python's ``re`` tries a pattern that starts with a group, an alternation or an optional part at every
position of the text, branch by branch. When every match must begin with one of a few characters (the
first letters of the words of an alternation, a digit ...), a lookahead on that character class in front,
``(?=[...])``, fails at once elsewhere, and ``re`` scans for the class's characters in its own fast loop.
The lookahead is zero-width, holds no group and is true at the start of every match of the pattern, so
the matches, their spans and their groups are exactly the pattern's own (the class is compiled with the
pattern's own flags, so under IGNORECASE it takes the same case variants as the literals it comes from).

The class is worked out from the parsed pattern (``re._parser``) and only where that is certain: a
pattern whose first character can be anything or cannot be told (``.``, a negated class, a backreference,
a group with its own flags, a pattern that can match the empty string ...) is returned unchanged.
"""
from __future__ import annotations

import re
from typing import Optional

try:                                     # Python 3.11+
    from re import _constants as C       # type: ignore[attr-defined]
    from re import _parser               # type: ignore[attr-defined]
except ImportError:                      # pragma: no cover (3.10)
    import sre_constants as C            # type: ignore[no-redef]
    import sre_parse as _parser          # type: ignore[no-redef]

_CATEGORIES = {C.CATEGORY_DIGIT: r"\d", C.CATEGORY_NOT_DIGIT: r"\D", C.CATEGORY_SPACE: r"\s",
               C.CATEGORY_NOT_SPACE: r"\S", C.CATEGORY_WORD: r"\w", C.CATEGORY_NOT_WORD: r"\W"}
_ZERO_WIDTH = (C.AT, C.ASSERT, C.ASSERT_NOT)
_REPEATS = tuple(getattr(C, name) for name in ("MAX_REPEAT", "MIN_REPEAT", "POSSESSIVE_REPEAT") if hasattr(C, name))
_ATOMIC = getattr(C, "ATOMIC_GROUP", object())


class _Unknown(Exception):
    pass


def _char(code: int) -> str:
    return re.escape(chr(code)) if chr(code) not in "-]\\^" else "\\" + chr(code)


def _first(items) -> tuple[set[str], bool]:
    """(class pieces any match of this sequence may begin with, whether it can match the empty string)."""
    pieces: set[str] = set()
    for op, av in items:
        if op in _ZERO_WIDTH:
            continue                             # consumes nothing: the next item begins the match
        if op is C.LITERAL:
            pieces.add(_char(av))
            return pieces, False
        if op is C.IN:
            for iop, iav in av:
                if iop is C.LITERAL:
                    pieces.add(_char(iav))
                elif iop is C.RANGE:
                    pieces.add(f"{_char(iav[0])}-{_char(iav[1])}")
                elif iop is C.CATEGORY and iav in _CATEGORIES:
                    pieces.add(_CATEGORIES[iav])
                else:
                    raise _Unknown(iop)          # NEGATE and the rest
            return pieces, False
        if op is C.BRANCH:
            nullable = False
            for branch in av[1]:
                p, n = _first(branch)
                pieces |= p
                nullable = nullable or n
            if not nullable:
                return pieces, False
            continue
        if op is C.SUBPATTERN:
            _group, add_flags, del_flags, sub = av
            if add_flags or del_flags:
                raise _Unknown(op)
            p, n = _first(sub)
            pieces |= p
            if not n:
                return pieces, False
            continue
        if op in _REPEATS:
            lo, _hi, sub = av
            p, n = _first(sub)
            pieces |= p
            if lo > 0 and not n:
                return pieces, False
            continue
        if op is _ATOMIC:
            p, n = _first(av)
            pieces |= p
            if not n:
                return pieces, False
            continue
        raise _Unknown(op)                       # ANY, NOT_LITERAL, GROUPREF, GROUPREF_EXISTS ...
    return pieces, True


def first_class(pattern: re.Pattern) -> Optional[str]:
    """The character class (as regex text) every match of ``pattern`` begins with, or None if not certain."""
    if not isinstance(pattern.pattern, str) or pattern.flags & re.VERBOSE:
        return None
    try:
        pieces, nullable = _first(_parser.parse(pattern.pattern, pattern.flags))
    except (_Unknown, re.error):
        return None
    if nullable or not pieces:
        return None
    return "[" + "".join(sorted(pieces)) + "]"


def _starts_plain(pattern: re.Pattern) -> bool:
    """Whether the first thing the pattern consumes is one character or class (``re`` scans for those
    itself: a lookahead would only slow it)."""
    try:
        items = list(_parser.parse(pattern.pattern, pattern.flags))
    except re.error:
        return True
    for op, av in items:
        if op in _ZERO_WIDTH:
            continue
        if op in _REPEATS and av[0] > 0 and len(av[2]) == 1:       # "\d+", "[a-z]{2,}"
            op = list(av[2])[0][0]
        return op in (C.LITERAL, C.IN)
    return True


def first_char_lookahead(pattern: re.Pattern) -> re.Pattern:
    """``pattern`` with a lookahead on the characters its matches begin with, or ``pattern`` itself (when that
    class is not certain, or the pattern already begins with one character or class)."""
    if not isinstance(pattern.pattern, str) or _starts_plain(pattern):
        return pattern
    cls = first_class(pattern)
    if cls is None:
        return pattern
    # the inline flags a pattern may start with must stay first; the lookahead goes after them
    text = pattern.pattern
    head = re.match(r"(?:\(\?[aiLmsux]+\))*", text).group(0)
    return re.compile(f"{head}(?={cls})(?:{text[len(head):]})", pattern.flags)


def top_level_branches(text: str) -> list[str]:
    """The pattern text cut at its top-level ``|`` (not inside a group, a class or after a backslash)."""
    out, depth, in_class, start, i = [], 0, False, 0, 0
    while i < len(text):
        ch = text[i]
        if ch == "\\":
            i += 2
            continue
        if in_class:
            if ch == "]" and not (text[i - 1] == "[" or text[i - 2:i] == "[^"):
                in_class = False
        elif ch == "[":
            in_class = True
        elif ch == "(":
            depth += 1
        elif ch == ")":
            depth -= 1
        elif ch == "|" and depth == 0:
            out.append(text[start:i])
            start = i + 1
        i += 1
    out.append(text[start:])
    return out


class AnySearch:
    """``bool(pattern.search(text))``, sooner: a match of ``A|B|C`` at some position is a match of one of
    its branches there, so the pattern is searched branch by branch (each compiled with the pattern's
    flags, each with ``first_char_lookahead``; the cheapest first). A pattern with backreferences or
    inline global flags, or whose branches do not compile alone, is searched as it is."""

    def __init__(self, pattern: re.Pattern):
        self.pattern = pattern
        self.parts = [pattern]
        text = pattern.pattern
        if isinstance(text, str) and not re.search(r"\\[1-9]|\(\?P=|\(\?[aiLmsux]+\)", text):
            try:
                parts = [re.compile(b, pattern.flags) for b in top_level_branches(text)]
            except re.error:
                parts = []
            if len(parts) > 1:
                self.parts = [first_char_lookahead(p) for p in parts]

    def __call__(self, text: str) -> bool:
        for p in self.parts:
            if p.search(text) is not None:
                return True
        return False
