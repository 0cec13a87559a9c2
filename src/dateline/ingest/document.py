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
MAX_TITLE_CHARS = 2_000         # headlines run to a few hundred characters; every page lists them
MAX_URL_CHARS = 8_192           # what HTTP servers and browsers accept (RFC 9110 asks for 8,000 at least)
_ID_OK = re.compile(r"^[\w.\-:@+]{1,200}$")
_ONLY_DOTS = re.compile(r"^\.+$")      # "." and ".." are path steps, not pages (/articles/..)
_SURROGATE = re.compile("[\ud800-\udfff]")


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
    _check_unicode("text", text)
    url = url.strip() if isinstance(url, str) and url.strip() else None
    title = " ".join(title.split()) if isinstance(title, str) and title.strip() else None
    for name, value, limit in (("title", title, MAX_TITLE_CHARS), ("URL", url, MAX_URL_CHARS)):
        if value is None:
            continue
        if len(value) > limit:
            raise InputError(f"{name} too long: {len(value):,} characters (limit {limit:,})")
        if "\x00" in value:
            raise InputError(f"{name} contains NUL characters")
        _check_unicode(name, value)
    doc_id = str(id).strip() if id is not None and str(id).strip() else derive_id(url, text)
    if not _ID_OK.match(doc_id) or _ONLY_DOTS.match(doc_id):
        raise InputError(f"unusable id {doc_id[:60]!r}: use letters, digits and . _ - : @ + (at most 200, "
                         "not only dots)")
    try:
        when = parse_date(date)
    except InputError as e:
        if default_date is None:
            raise InputError(f"{e.reason} (give --date YYYY-MM-DD to use a default)")
        when = default_date
    if not dt.date(1900, 1, 1) <= when <= dt.date(2200, 1, 1):
        raise InputError(f"implausible date {when.isoformat()}")
    return Document(id=doc_id, text=text, date=when, url=url, title=title, origin=origin)


def _check_unicode(name: str, value: str) -> None:
    """A lone surrogate (JSON's "\\ud800") is no character: it cannot be stored or printed as UTF-8."""
    m = _SURROGATE.search(value)
    if m:
        raise InputError(f"{name} contains a lone surrogate (U+{ord(m.group()):04X} at character {m.start():,})")
