"""Walking inputs, telling their format, and reading them into documents.

``read_inputs`` yields :class:`Document` and :class:`InputProblem` items in input
order; one bad file or line never stops the rest.
"""
from __future__ import annotations

import codecs
import datetime as dt
import stat
from pathlib import Path
from typing import Iterable, Iterator, Optional, Union

from ..records import Document
from . import feed, html, jsonl, parquet_input, seedtext, tabular, warc
from .decode import check_not_binary, decode_bytes
from .document import DEFAULT_MAX_CHARS
from .errors import InputError, InputProblem

Item = Union[Document, InputProblem]

READERS = {"seedtext": seedtext.read, "jsonl": jsonl.read, "csv": tabular.read, "html": html.read,
           "feed": feed.read, "warc": warc.read, "parquet": parquet_input.read}
_BY_SUFFIX = {".txt": "seedtext", ".text": "seedtext", ".jsonl": "jsonl", ".ndjson": "jsonl", ".json": "jsonl",
              ".csv": "csv", ".tsv": "csv", ".html": "html", ".htm": "html", ".xhtml": "html",
              ".rss": "feed", ".atom": "feed", ".xml": "feed", ".warc": "warc", ".parquet": "parquet"}
# Binary formats are streamed from the file by their reader (never decoded as text, no size limit).
_BINARY = {"warc": warc.looks_like, "parquet": parquet_input.looks_like}
# Skipped when met while walking a directory (named explicitly, they are read and fail clearly).
NOT_ARTICLES = {".md", ".rst", ".py", ".pyc", ".pyo", ".cfg", ".toml", ".yaml", ".yml", ".lock", ".db", ".db-wal",
                 ".db-shm", ".sqlite", ".png", ".jpg", ".jpeg", ".gif", ".svg", ".css", ".js"}
MAX_FILE_BYTES = 512 * 1024 * 1024   # whole-file formats; JSON Lines is streamed
_BY_SUFFIX_JSONL = {suffix for suffix, fmt in _BY_SUFFIX.items() if fmt == "jsonl"}


def walk(paths: Iterable[Union[str, Path]]) -> Iterator[Path]:
    """Files under the given paths, directories walked recursively in sorted order; hidden entries skipped.

    Everything listed that is not a directory is yielded, even when it has gone by the time it
    is reached: :func:`read_file` then reports it (a file that vanishes mid-run is an error, not
    a silent skip), as it reports what is not a regular file (a FIFO would block the run)."""
    for p in paths:
        p = Path(p)
        if p.is_dir():
            for child in sorted(p.rglob("*")):
                rel = child.relative_to(p)
                if (not any(part.startswith(".") or part == "__pycache__" for part in rel.parts)
                        and child.suffix.lower() not in NOT_ARTICLES and not _is_dir(child)):
                    yield child
        else:
            yield p


def _is_dir(path: Path) -> bool:
    try:
        return stat.S_ISDIR(path.stat().st_mode)
    except OSError:          # gone since it was listed (or a broken link): read_file says so
        return False


def detect(path: Path, text: str) -> Optional[str]:
    """The format of a file, from its extension checked against its content."""
    by_suffix = _BY_SUFFIX.get(path.suffix.lower())
    head = text.lstrip()[:1]
    if by_suffix == "jsonl" or (by_suffix is None and head in ("{", "[")):
        return "jsonl"
    if feed.looks_like(text):
        return "feed"
    if html.looks_like(text):
        return "html"
    if seedtext.looks_like(text):
        return "seedtext"
    return by_suffix


def read_inputs(paths: Iterable[Union[str, Path]], default_date: Optional[dt.date] = None,
                max_chars: int = DEFAULT_MAX_CHARS) -> Iterator[Item]:
    opts = {"default_date": default_date, "max_chars": max_chars}
    for path in walk(paths):
        yield from read_file(path, **opts)


def first_of_each_id(items: Iterable[Item]) -> Iterator[Item]:
    """``items`` with every repeat of an id already seen turned into a problem (a warning when
    the text is the same, an error when it differs): one batch holds one version of an article."""
    seen: dict[str, tuple[str, str]] = {}     # id -> (content hash, where it was first read)
    for item in items:
        if isinstance(item, Document):
            previous = seen.get(item.id)
            if previous is not None:
                yield duplicate_problem(item, previous)
                continue
            seen[item.id] = (item.content_hash, item.origin or "?")
        yield item


def duplicate_problem(doc: Document, previous: tuple[str, str]) -> InputProblem:
    if previous[0] != doc.content_hash:
        return InputProblem(doc.origin or "?", None,
                            f"duplicate id {doc.id!r} with different content (first seen at {previous[1]}); skipped")
    return InputProblem(doc.origin or "?", None, f"duplicate of id {doc.id!r} at {previous[1]}; skipped",
                        level="warning")


def read_file(path: Path, **opts) -> Iterator[Item]:
    """Every document and problem of one input file. Whatever goes wrong in reading it (a parser's
    own exception included) is this file's problem, after the documents read before it."""
    where = str(path)
    try:
        try:
            info = path.stat()
        except FileNotFoundError:
            raise InputError("no such file or directory")
        if not stat.S_ISREG(info.st_mode):
            raise InputError("not a regular file (a directory, device, pipe or socket)")
        size = info.st_size
        if size == 0:
            raise InputError("empty file")
        binary = next((fmt for fmt, named in _BINARY.items() if named(path.name)), None)
        if binary:
            yield from READERS[binary](path, None, **opts)
            return
        lines = path.suffix.lower() in _BY_SUFFIX_JSONL       # a NUL byte spoils its line, not the file
        if path.suffix.lower() in (".jsonl", ".ndjson") and not _has_wide_bom(path):
            with path.open("rb") as f:
                check_not_binary(f.read(65536), nul_is_binary=False)
            yield from _stream_jsonl(path, **opts)
            return
        if size > MAX_FILE_BYTES:
            raise InputError(f"file too large: {size:,} bytes (limit {MAX_FILE_BYTES:,}; split it or use JSON Lines)")
        text, warning = decode_bytes(path.read_bytes(), nul_is_binary=not lines)
        if warning:
            yield InputProblem(where, None, warning, level="warning")
        fmt = detect(path, text)
        if fmt is None:
            raise InputError("unrecognised format: expected seed text (date YYYY-MM-DD ...), JSON Lines, CSV, "
                             "HTML or RSS/Atom")
        for item in READERS[fmt](path, text, **opts):
            yield item
    except InputError as e:
        yield InputProblem(where, e.line, e.reason)
    except FileNotFoundError:
        yield InputProblem(where, None, "no such file or directory (removed while being read?)")
    except OSError as e:
        yield InputProblem(where, None, f"cannot read: {e.strerror or e}")
    except (MemoryError, RecursionError) as e:
        yield InputProblem(where, None, f"cannot read: {type(e).__name__} (the file is too large or too deeply "
                                        "nested to read)")
    except Exception as e:  # a parser's own failure on hostile content
        yield InputProblem(where, None, f"cannot read: {type(e).__name__}: {str(e)[:200]}")


def _has_wide_bom(path: Path) -> bool:
    with path.open("rb") as f:
        start = f.read(4)
    return start.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE))


def _stream_jsonl(path: Path, **opts) -> Iterator[Item]:
    """JSON Lines read line by line, so memory stays flat however large the file."""
    where = str(path)
    warned = False
    # a line longer than any article of --max-chars characters can be (each escaped as a
    # \uXXXX\uXXXX pair at worst, and 1 MB for the other fields) is skipped unread: a "line" of
    # gigabytes without a newline must not sit in memory
    max_chars = opts.get("max_chars", DEFAULT_MAX_CHARS)
    limit = 12 * max_chars + (1 << 20)
    with path.open("rb") as f:
        for lineno, raw in enumerate(iter(lambda: f.readline(limit), b""), 1):
            if len(raw) >= limit and not raw.endswith(b"\n"):
                while (rest := f.readline(1 << 20)) and not rest.endswith(b"\n"):
                    pass
                yield InputProblem(where, lineno, f"article too large: a line of more than {limit:,} bytes "
                                                  f"(limit {max_chars:,} characters; see --max-chars)")
                continue
            if lineno == 1 and raw.startswith(codecs.BOM_UTF8):
                raw = raw[len(codecs.BOM_UTF8):]
            if not raw.strip():
                continue
            if b"\x00" in raw:
                yield InputProblem(where, lineno, "binary data (NUL bytes) in a JSON line")
                continue
            try:
                line = raw.decode("utf-8")
            except UnicodeDecodeError as e:
                line = raw.decode("cp1252", errors="replace")
                if not warned:
                    yield InputProblem(where, lineno, f"not valid UTF-8 (offset {e.start}); read as Windows-1252",
                                       level="warning")
                    warned = True
            yield jsonl.parse_line(path, line, lineno, **opts)
