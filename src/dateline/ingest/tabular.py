"""CSV (or TSV) with a header row naming id, url, date, title, text."""
from __future__ import annotations

import csv
import io
from pathlib import Path
from typing import Iterator

from .errors import InputError, InputProblem
from .jsonl import from_object

csv.field_size_limit(1 << 30)


def read(path: Path, text: str, **opts) -> Iterator:
    dialect = "excel-tab" if path.suffix.lower() == ".tsv" else "excel"
    reader = csv.DictReader(io.StringIO(text, newline=""), dialect=dialect)
    header = [h.strip().lower() for h in (reader.fieldnames or [])]
    if "text" not in header and "body" not in header and "content" not in header:
        raise InputError(f"CSV header has no 'text' column (found: {', '.join(header) or 'nothing'})", line=1)
    reader.fieldnames = header
    while True:
        try:
            row = next(reader)
        except StopIteration:
            break
        except csv.Error as e:
            yield InputProblem(str(path), reader.line_num, f"malformed CSV: {e}")
            continue
        line = reader.line_num
        if None in row:
            yield InputProblem(str(path), line,
                               f"row has {len(header) + len(row[None])} fields, header has {len(header)}")
            continue
        try:
            yield from_object(row, path, line, **opts)
        except InputError as e:
            yield InputProblem(str(path), line, e.reason)
