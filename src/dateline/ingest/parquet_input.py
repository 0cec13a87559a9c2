"""Parquet files of articles: columns named as in JSON Lines (id, url, date, title, text and their aliases).

Read in row batches, so memory stays flat for any file size. Problems name the row
(``file:row``, rows counted from 1). A ``kind=document`` file of a dateline Parquet
ledger reads too (its ``doc`` column is the id), so a ledger can be re-analysed.
"""
from __future__ import annotations

import importlib.util
from pathlib import Path
from typing import Iterator, Optional

from .errors import InputError, InputProblem
from .jsonl import FIELDS, from_object

_WANTED = {name.lower() for names in FIELDS.values() for name in names} | {"doc"}


def looks_like(name: str) -> bool:
    return name.lower().endswith(".parquet")


def read(path: Path, text: Optional[str] = None, **opts) -> Iterator:
    if importlib.util.find_spec("pyarrow") is None:      # a pyarrow that fails to import raises its own error
        raise InputError("reading Parquet needs pyarrow (pip install pyarrow)")
    import pyarrow
    import pyarrow.parquet as pq

    try:
        parquet_file = pq.ParquetFile(path)
    except (pyarrow.ArrowInvalid, OSError) as e:
        raise InputError(f"not a readable Parquet file: {e}")
    names = parquet_file.schema_arrow.names
    columns = [n for n in names if n.lower() in _WANTED]
    if not any(n.lower() in FIELDS["text"] for n in columns):
        raise InputError(f"Parquet file has no 'text' column (found: {', '.join(names) or 'nothing'})")
    row = 0
    for batch in parquet_file.iter_batches(batch_size=1024, columns=columns):
        for obj in batch.to_pylist():
            row += 1
            if "doc" in obj and not any(k in obj for k in FIELDS["id"]):
                obj["id"] = obj.pop("doc")
            try:
                yield from_object(obj, path, row, **opts)
            except InputError as e:
                yield InputProblem(str(path), row, e.reason)
