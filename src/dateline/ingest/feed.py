"""RSS and Atom files: one document per entry (its content, else its summary)."""
from __future__ import annotations

import datetime as dt
import io
import re
from pathlib import Path
from typing import Iterator

from .document import derive_id, make_document
from .errors import InputError, InputProblem


def looks_like(text: str) -> bool:
    head = text.lstrip()[:2000]
    return bool(re.search(r"<rss\b|<feed\b|<rdf:RDF\b", head))


def html_to_text(fragment: str) -> str:
    """Entry bodies are HTML fragments: keep paragraph breaks, drop markup."""
    import lxml.html

    if "<" not in fragment:
        return fragment.strip()
    fragment = re.sub(r"(?i)<br\s*/?>|</p\s*>|</div\s*>|</li\s*>|</h\d\s*>", "\n\n", fragment)
    try:
        text = lxml.html.fromstring(f"<div>{fragment}</div>").text_content()
    except Exception:  # lxml raises several types for hostile markup
        text = re.sub(r"<[^>]+>", " ", fragment)
    text = re.sub(r"[ \t\u00a0]+", " ", text)
    return re.sub(r"\s*\n\s*\n\s*", "\n\n", text).strip()


def entry_date(entry):
    for key in ("published_parsed", "updated_parsed", "created_parsed"):
        value = entry.get(key)
        if value:
            return dt.date(value.tm_year, value.tm_mon, value.tm_mday)
    return entry.get("published") or entry.get("updated")


# a numeric character reference XML forbids and feedparser's lenient parser cannot turn into a
# character (it raises on a surrogate or a code point beyond U+10FFFF, losing the whole feed)
_CHAR_REF = re.compile(rb"&#(?:[xX]([0-9a-fA-F]+)|([0-9]+));")


def parse_feed(data: bytes):
    """``(parsed feed, [(line, warning)])`` from a feed's bytes.

    The bytes go to feedparser as a stream: given a string or bytes, feedparser first tries
    them as a URL (and fetches it) or a file name (and reads it), so a feed whose whole content
    is ``/dev/zero``, a local path or an address would be read from there. Character
    references to lone surrogates or beyond Unicode become U+FFFD, with a warning.
    """
    import feedparser

    warnings: list[tuple[int, str]] = []
    counted = [0, 1]                  # (offset, line there): lines counted once, however many references

    def replace(m: re.Match) -> bytes:
        hex_digits, digits = m.groups()
        number = (hex_digits or digits).lstrip(b"0")
        # (a number of thousands of digits is beyond Unicode, and beyond what int() will read)
        value = 0x110000 if len(number) > 8 else int(number or b"0", 16 if hex_digits else 10)
        if 0xD800 <= value <= 0xDFFF or value > 0x10FFFF:
            counted[:] = [m.start(), counted[1] + data.count(b"\n", counted[0], m.start())]
            if len(warnings) < 100:
                warnings.append((counted[1], f"character reference {m.group().decode()[:20]} is not a character "
                                             "(a lone surrogate or beyond Unicode); read as U+FFFD"))
            return b"&#xFFFD;"
        return m.group()

    if b"&#" in data:
        data = _CHAR_REF.sub(replace, data)
    return feedparser.parse(io.BytesIO(data)), warnings


def read(path: Path, text: str, **opts) -> Iterator:
    # (feedparser turns a string into UTF-8 bytes itself: the same bytes as here)
    parsed, warnings = parse_feed(text.encode("utf-8"))
    for line, warning in warnings:
        yield InputProblem(str(path), line, warning, level="warning")
    if not parsed.entries:
        reason = f"feed has no entries ({parsed.bozo_exception})" if parsed.bozo else "feed has no entries"
        raise InputError(reason)
    for i, entry in enumerate(parsed.entries, 1):
        contents = entry.get("content") or []
        body = contents[0].get("value", "") if contents else entry.get("summary", "")
        body = html_to_text(body or "")
        link = entry.get("link")
        guid = entry.get("id") or link
        try:
            yield make_document(id=derive_id(guid, body), text=body, date=entry_date(entry), url=link,
                                title=entry.get("title"), origin=f"{path}#entry{i}", **opts)
        except InputError as e:
            yield InputProblem(str(path), None, f"entry {i} ({(entry.get('title') or guid or '?')[:60]}): {e.reason}")
