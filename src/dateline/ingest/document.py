"""Turning raw fields from any reader into a validated :class:`Document`."""
from __future__ import annotations

import datetime as dt
import hashlib
import re
from typing import Optional

from ..records import Document
from .decode import parse_date
from .errors import InputError

DEFAULT_MAX_CHARS = 2_000_000   # ~400 pages; larger "articles" are almost always a wrong file
_ID_OK = re.compile(r"^[\w.\-:@+]{1,200}$")


def derive_id(url: Optional[str], text: str) -> str:
    """A stable id for inputs without one: from the URL when given, else from the text."""
    basis = url.strip() if url and url.strip() else text
    return "h" + hashlib.sha1(basis.encode("utf-8")).hexdigest()[:16]


def make_document(*, id: Optional[str], text: object, date: object, url: Optional[str] = None,
                  title: Optional[str] = None, origin: Optional[str] = None,
                  default_date: Optional[dt.date] = None,
                  max_chars: int = DEFAULT_MAX_CHARS) -> Document:
    if text is None or not isinstance(text, str):
        raise InputError("missing text" if text is None else f"text must be a string, not {type(text).__name__}")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if not text.strip():
        raise InputError("empty article text")
    if len(text) > max_chars:
        raise InputError(f"article too large: {len(text):,} characters (limit {max_chars:,}; see --max-chars)")
    if "\x00" in text:
        raise InputError("article text contains NUL characters")
    url = url.strip() if isinstance(url, str) and url.strip() else None
    title = " ".join(title.split()) if isinstance(title, str) and title.strip() else None
    doc_id = str(id).strip() if id is not None and str(id).strip() else derive_id(url, text)
    if not _ID_OK.match(doc_id):
        raise InputError(f"unusable id {doc_id[:60]!r}: use letters, digits and . _ - : @ + (at most 200)")
    try:
        when = parse_date(date)
    except InputError as e:
        if default_date is None:
            raise InputError(f"{e.reason} (give --date YYYY-MM-DD to use a default)")
        when = default_date
    if not dt.date(1900, 1, 1) <= when <= dt.date(2200, 1, 1):
        raise InputError(f"implausible date {when.isoformat()}")
    return Document(id=doc_id, text=text, date=when, url=url, title=title, origin=origin)
