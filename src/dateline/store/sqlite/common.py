"""What the store's modules share: paths, dates, chunks of ids, the published-in-a-range condition."""
from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path
from typing import Iterator, Optional, Union

from ...records import Document

PathLike = Union[str, Path]


def published_between(published_from: Optional[str], published_to: Optional[str]) -> tuple[str, list]:
    """SQL condition (and its arguments) on documents ``d`` published in the range (ISO days; None: open).
    Plain SQL, so DuckDB's queries over Parquet use it too."""
    where, args = ["1=1"], []
    if published_from:
        where.append("d.date >= ?")
        args.append(published_from)
    if published_to:
        where.append("d.date <= ?")
        args.append(published_to)
    return " AND ".join(where), args


def _now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")


def _iso(d: Optional[dt.date]) -> Optional[str]:
    return d.isoformat() if d else None


def _date(s: Optional[str]) -> Optional[dt.date]:
    return dt.date.fromisoformat(s) if s else None


def _document(r: sqlite3.Row) -> Document:
    return Document(id=r["id"], text=r["text"], date=_date(r["date"]), url=r["url"], title=r["title"],
                    origin=r["origin"], dup_group=r["dup_group"])


def _chunks(items: list, size: int) -> Iterator[list]:
    for i in range(0, len(items), size):
        yield items[i:i + size]
