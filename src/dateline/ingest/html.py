"""HTML pages: main text and metadata by trafilatura, publication date by htmldate."""
from __future__ import annotations

import re
from pathlib import Path
from typing import Iterator

from .document import make_document
from .errors import InputError


def looks_like(text: str) -> bool:
    head = text.lstrip()[:1000].lower()
    return head.startswith("<!doctype html") or "<html" in head or "<body" in head


def extract(html: str) -> tuple[str, dict]:
    """Main text (paragraphs separated by blank lines) and metadata of a page."""
    import trafilatura

    text = trafilatura.extract(html, output_format="txt", include_comments=False, include_tables=False,
                               favor_precision=True, deduplicate=False) or ""
    meta = trafilatura.extract_metadata(html)
    info = {"title": getattr(meta, "title", None), "url": getattr(meta, "url", None)}
    return text, info


def find_date(html: str):
    from htmldate import find_date as htmldate_find

    if html.startswith("http") and " " not in html:
        # htmldate downloads a string it takes for a URL: a page whose whole content is an
        # address must not make a request (and holds no date of its own)
        return None
    # original_date: the publication date, not the last modification
    return htmldate_find(html, original_date=True, extensive_search=True, outputformat="%Y-%m-%d")


def read(path: Path, text: str, **opts) -> Iterator:
    if not re.search(r"<body\b|<p\b|<article\b|<div\b", text, re.I):
        raise InputError("HTML has no body")
    body, info = extract(text)
    if not body.strip():
        raise InputError("HTML page has no extractable main text")
    date = find_date(text)
    try:
        yield make_document(id=path.stem, text=body, date=date, url=info["url"], title=info["title"],
                            origin=str(path), **opts)
    except InputError as e:
        if e.reason.startswith("missing date"):
            raise InputError("no publication date found in the page (give --date YYYY-MM-DD)")
        raise
