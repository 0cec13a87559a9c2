"""The seeds' plain-text format: optional whitespace, ``date YYYY-MM-DD``, then the body."""
from __future__ import annotations

import re
from pathlib import Path
from typing import Iterator

from .document import make_document
from .errors import InputError

HEADER = re.compile(r"^\s*date\s+(\S+)[ \t]*\n?[ \t]*")


def looks_like(text: str) -> bool:
    return bool(re.match(r"^\s*date\s+\d{4}-\d", text))


def read(path: Path, text: str, **opts) -> Iterator:
    m = HEADER.match(text)
    if m:
        date, body = m.group(1), text[m.end():]
    elif opts.get("default_date") is not None:
        date, body = None, text
    else:
        raise InputError("text file does not start with 'date YYYY-MM-DD' (give --date to use a default)", line=1)
    try:
        yield make_document(id=path.stem, text=body, date=date, origin=str(path), **opts)
    except InputError as e:
        raise InputError(e.reason, line=1)
