"""CSV (or TSV) with a header row naming id, url, date, title, text."""
from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Iterator

from .errors import InputError, InputProblem
from .jsonl import from_object

csv.field_size_limit(1 << 30)


class _Lines:
    """The file's lines, noting when the csv reader asked past the last one: a row completed only
    by the end of the file was still inside a quoted field (``"`` opened, never closed), which
    Python's csv module otherwise returns as one field holding every later row."""

    def __init__(self, text: str):
        self._lines = io.StringIO(text, newline="")
        self.exhausted = False

    def __iter__(self):
        return self

    def __next__(self) -> str:
        line = self._lines.readline()
        if not line:
            self.exhausted = True
            raise StopIteration
        return line


def read(path: Path, text: str, **opts) -> Iterator:
    dialect = "excel-tab" if path.suffix.lower() == ".tsv" else "excel"
    lines = _Lines(text)
    reader = csv.DictReader(lines, dialect=dialect)
    header = [h.strip().lower() for h in (reader.fieldnames or [])]
    if "text" not in header and "body" not in header and "content" not in header:
        raise InputError(f"CSV header has no 'text' column (found: {', '.join(header) or 'nothing'})", line=1)
    reader.fieldnames = header
    while True:
        start = reader.line_num + 1
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as e:
            yield InputProblem(str(path), reader.line_num, f"malformed CSV: {e}")
            continue
        line = reader.line_num
        if lines.exhausted:
            yield InputProblem(str(path), start, f"unterminated quoted field: a '\"' opened in the row at line "
                                                 f"{start} is never closed (lines {start}-{line} not read)")
            break
        if None in row:
            yield InputProblem(str(path), line,
                               f"row has {len(header) + len(row[None])} fields, header has {len(header)}")
            continue
        try:
            yield from_object(row, path, line, **opts)
        except InputError as e:
            yield InputProblem(str(path), line, e.reason)
