"""JSON Lines (one article object per line); a JSON array of objects is accepted too."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Iterator

from .document import make_document
from .errors import InputError, InputProblem

FIELDS = {"id": ("id", "doc_id", "guid"), "url": ("url", "link"), "date": ("date", "published", "pubdate"),
          "title": ("title", "headline"), "text": ("text", "body", "content")}


def pick(obj: dict, name: str):
    for key in FIELDS[name]:
        for k in (key, key.capitalize(), key.upper()):
            if k in obj:
                return obj[k]
    return None


def from_object(obj, path: Path, line: int, **opts):
    if not isinstance(obj, dict):
        raise InputError(f"expected a JSON object, got {type(obj).__name__}", line=line)
    try:
        return make_document(id=pick(obj, "id"), url=pick(obj, "url"), date=pick(obj, "date"),
                             title=pick(obj, "title"), text=pick(obj, "text"),
                             origin=f"{path}:{line}", **opts)
    except InputError as e:
        raise InputError(e.reason, line=line)


def loads(line: str):
    """``json.loads``, with every way it can fail (deep nesting included) as :class:`InputError`."""
    try:
        return json.loads(line)
    except json.JSONDecodeError as e:
        raise InputError(f"invalid JSON: {e.msg} (column {e.colno})", line=e.lineno)
    except RecursionError:
        raise InputError("invalid JSON: nested too deeply")


def parse_line(path: Path, line: str, lineno: int, **opts):
    """One JSON line to a document, or the :class:`InputProblem` that names that line."""
    try:
        return from_object(loads(line), path, lineno, **opts)
    except InputError as e:
        return InputProblem(str(path), lineno, e.reason)
    except Exception as e:  # whatever one line does is that line's error, never the batch's
        return InputProblem(str(path), lineno, f"cannot read: {type(e).__name__}: {e}")


def read(path: Path, text: str, **opts) -> Iterator:
    stripped = text.lstrip()
    if stripped.startswith("["):
        try:
            items = loads(text)
        except InputError as e:
            raise InputError(e.reason.replace("invalid JSON", "invalid JSON array"), line=e.line)
        for i, obj in enumerate(items, 1):
            try:
                yield from_object(obj, path, i, **opts)
            except InputError as e:
                yield InputProblem(str(path), None, f"item {i}: {e.reason}")
        return
    for lineno, line in enumerate(text.split("\n"), 1):
        if not line.strip():
            continue
        yield parse_line(path, line, lineno, **opts)
