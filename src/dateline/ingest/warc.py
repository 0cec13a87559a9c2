"""WARC files (CC-NEWS style): each HTML response record becomes an article.

Main text by trafilatura and publication date by htmldate, as for HTML files
(:mod:`.html`). When the page gives no date, the record's WARC-Date (when it was
fetched) stands in: CC-NEWS fetches articles from news feeds and sitemaps within
hours of publication. Records are streamed, so a 1 GB CC-NEWS file never sits in
memory; each bad record is reported with its byte offset and skipped.
"""
from __future__ import annotations

import importlib.util
import os
import re
from pathlib import Path
from typing import Iterator, Optional

from . import html
from .document import derive_id, make_document
from .errors import InputError, InputProblem

MAX_PAYLOAD = 10 * 1024 * 1024       # larger "pages" are downloads, not articles
_CHARSET = re.compile(rb"""<meta[^>]+charset=["']?([\w-]+)""", re.I)


def looks_like(name: str) -> bool:
    return name.lower().endswith((".warc", ".warc.gz"))


def decode_page(payload: bytes, content_type: str) -> str:
    """Bytes to text: the HTTP header's charset, else the page's <meta charset>, else UTF-8 (lenient)."""
    charset = None
    m = re.search(r"charset=([\w-]+)", content_type or "", re.I)
    if m:
        charset = m.group(1)
    else:
        m = _CHARSET.search(payload[:4096])
        charset = m.group(1).decode("ascii") if m else None
    try:
        return payload.decode(charset or "utf-8")
    except (LookupError, UnicodeDecodeError):
        return payload.decode("utf-8", errors="replace")


def _read_payload(record) -> bytes:
    stream, chunks, size = record.content_stream(), [], 0
    while size <= MAX_PAYLOAD:
        chunk = stream.read(1 << 16)
        if not chunk:
            break
        chunks.append(chunk)
        size += len(chunk)
    return b"".join(chunks)


def read(path: Path, text: Optional[str] = None, **opts) -> Iterator:
    if importlib.util.find_spec("warcio") is None:       # a warcio that fails to import raises its own error
        raise InputError("reading WARC needs warcio (pip install warcio)")
    from warcio.archiveiterator import ArchiveIterator
    from warcio.exceptions import ArchiveLoadFailed

    where = str(path)
    count, last = 0, None
    with open(path, "rb") as f:
        records = ArchiveIterator(f)
        try:
            for record in records:
                if record.format != "warc" and not (record.rec_headers.get_header("length") or "").isdigit():
                    # warcio reads any 5-word first line as an old ARC header
                    raise InputError("not a readable WARC file: no WARC record header")
                count, last = count + 1, record
                if record.rec_type != "response":
                    continue
                item = _article(record, where, records, **opts)
                if item is not None:
                    yield item
        except (ArchiveLoadFailed, ValueError, EOFError) as e:
            raise InputError(f"not a readable WARC file: {str(e).strip()[:200]}")
        if count == 0:
            raise InputError("not a readable WARC file: no WARC records found")
        _check_complete(f, records, last)


def _check_truncated(record, offset: int) -> None:
    """warcio ends a record silently where the file ends: fewer bytes than its Content-Length."""
    missing = getattr(record.raw_stream, "limit", 0)
    if missing > 0:
        raise InputError(f"truncated WARC file: the record at byte {offset:,} "
                         f"({record.rec_headers.get_header('WARC-Target-URI') or record.rec_type}) "
                         f"ends {missing:,} bytes short of its length; it and anything after it are not read")


def _check_complete(f, records, last) -> None:
    """After the last record: it was whole, and nothing but blank lines follows it (a gzip member
    cut short yields no record at all: warcio just stops)."""
    if last is None or not records.member_info:
        return
    offset, length = records.member_info
    _check_truncated(last, offset)
    end = offset + length
    size = os.fstat(f.fileno()).st_size
    if size > end:
        f.seek(end)
        rest = f.read(65536)
        if size - end > len(rest) or rest.strip():
            raise InputError(f"truncated WARC file: {size - end:,} bytes after the last whole record "
                             f"(at byte {offset:,}) are not a readable record")


def _article(record, where: str, records, **opts):
    uri = record.rec_headers.get_header("WARC-Target-URI")
    http = record.http_headers
    if http is None or http.get_statuscode() != "200":
        return None
    content_type = http.get_header("Content-Type") or ""
    if "html" not in content_type.lower():
        return None
    payload = _read_payload(record)
    offset = records.get_record_offset()      # (only once the payload is read: it skips to the record's end)
    _check_truncated(record, offset)
    label = f"record at byte {offset} ({uri})"
    if len(payload) > MAX_PAYLOAD:
        return InputProblem(where, None, f"{label}: page larger than {MAX_PAYLOAD:,} bytes; skipped")
    page = decode_page(payload, content_type)
    body, info = html.extract(page)
    if not body.strip():
        return InputProblem(where, None, f"{label}: HTML page has no extractable main text")
    date = html.find_date(page) or (record.rec_headers.get_header("WARC-Date") or "")[:10] or None
    try:
        return make_document(id=derive_id(uri, body), text=body, date=date, url=uri or info["url"],
                             title=info["title"], origin=f"{where}@{offset}", **opts)
    except InputError as e:
        return InputProblem(where, None, f"{label}: {e.reason}")
