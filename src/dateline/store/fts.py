"""Full-text queries as people type them, made into SQLite FTS5 queries.

FTS5 reads punctuation as syntax: in ``Hamas-run`` the hyphen starts a column filter ("no such
column: run"), ``U.N.`` and ``Israel's`` are syntax errors. Words like these are ordinary
newsroom queries, so a word holding characters FTS5 does not allow in a bare word is searched as
the phrase it is (``"Hamas-run"`` finds "Hamas-run" and "Hamas run"). What FTS5 syntax the
query uses stays as it is: ``"quoted phrases"``, ``AND`` / ``OR`` / ``NOT`` (capitals),
parentheses, ``prefix*``, ``^first``, ``NEAR(a b, 5)``, ``title:word`` and ``a + b``.
The rewriting leaves a valid FTS5 query unchanged in meaning, so it may be applied twice.
"""
from __future__ import annotations

import re

COLUMNS = ("title", "text")          # the columns of documents_fts
OPERATORS = {"AND", "OR", "NOT", "+"}
_BARE = re.compile(r"[A-Za-z0-9_\x1a\u0080-\U0010ffff]+")
_TOKENS = re.compile(r'"(?:[^"]|"")*"\*?|"[^"]*$|[()]|[^\s()"]+')
_WORD = re.compile(r"[^\W_]", re.U)
_COLUMN = re.compile(r"^(-?(?:%s)):" % "|".join(COLUMNS), re.I)


def query(text: str) -> str:
    """``text`` as an FTS5 query (see the module's docstring)."""
    tokens = _TOKENS.findall(text)
    # parentheses group operators; in a query without any ("crossing (U.N.)") they are punctuation
    grouping = any(t in ("AND", "OR", "NOT", "NEAR") for t in tokens)
    out: list[str] = []
    near: list[int] = []          # the parenthesis depths that opened a NEAR group
    depth = 0
    for i, token in enumerate(tokens):
        if token.startswith('"'):
            out.append(token)                           # a phrase (an unclosed one: FTS5 says so)
        elif token in "()" and not grouping:
            continue
        elif token == "(":
            if out and out[-1] == "NEAR":
                near.append(depth + 1)
            depth += 1
            out.append(token)
        elif token == ")":
            if near and near[-1] == depth:
                near.pop()
            depth = max(0, depth - 1)
            out.append(token)
        elif token in OPERATORS or (token == "NEAR" and i + 1 < len(tokens) and tokens[i + 1] == "("):
            out.append(token)
        elif near and near[-1] == depth and re.fullmatch(r",\d*", token):
            out.append(token)                           # NEAR(a b, 5)
        elif near and near[-1] == depth and re.fullmatch(r".+,\d*", token):
            head, _, distance = token.rpartition(",")
            out += [w for w in (_word(head), "," + distance) if w]
        else:
            word = _word(token)
            if word:
                out.append(word)
    # "+" joins two phrases ("health + ministry"); one without a phrase on each side is punctuation
    syntax = OPERATORS | {"NEAR", "(", ")"}
    out = [w for k, w in enumerate(out) if w != "+" or (0 < k < len(out) - 1 and out[k - 1] not in syntax
                                                      and out[k + 1] not in syntax and not out[k + 1].startswith(","))]
    # nothing searchable left ("*", "-"): the query as typed, for FTS5 to say what is wrong
    return " ".join(out) or text


def _word(token: str) -> str:
    """One bare token: kept when FTS5 reads it as a word (or a column filter, ``^``, ``*``), else a phrase."""
    column = _COLUMN.match(token)
    if column:
        rest = _word(token[column.end():])
        return column.group(1).lower() + ":" + (f" {rest}" if rest else "")
    caret = token.startswith("^")
    star = token.endswith("*") and len(token) > 1
    core = token[1 if caret else 0: len(token) - (1 if star else 0)]
    if not _WORD.search(core):
        return ""                       # punctuation alone ("-", "&", "—") matches nothing
    if not _BARE.fullmatch(core):
        core = '"' + core.replace('"', '""') + '"'
    return ("^" if caret else "") + core + ("*" if star else "")


HINTS = (("unterminated string", "a double quote is not closed"),
         ("no such column", "a word before a colon is read as a column name (the columns are title and text)"),
         ("unknown special query", "a search cannot start with * or another operator"),
         ("syntax error", "an operator (AND, OR, NOT, NEAR, parentheses) is missing a word on one side"))


def explain_error(error: str) -> str:
    """What an FTS5 error means for the person who typed the query."""
    return next((hint for key, hint in HINTS if key in error), error.removeprefix("fts5: "))
