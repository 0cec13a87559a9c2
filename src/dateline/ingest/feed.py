"""RSS and Atom files: one document per entry (its content, else its summary)."""
from __future__ import annotations

import datetime as dt
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


def read(path: Path, text: str, **opts) -> Iterator:
    import feedparser

    parsed = feedparser.parse(text)
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
