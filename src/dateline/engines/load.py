"""A Parquet ledger into the embedded SQLite store, then the store's own consolidation.

Only the latest version of each document is loaded, and only when the store does
not already hold that exact content, so loading the same Parquet twice changes
nothing and loading a grown dataset writes just the new articles. Documents are
read one publication day at a time and written ``batch_size`` at a time through
:meth:`Store.write_analyses`, as ``dateline ingest`` writes them, all in one
transaction: a part file that cannot be read (or a full disk) anywhere in the
dataset loads nothing (:class:`LoadError`), rather than the days before it.
"""
from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path
from typing import Callable, Optional, Union

from ..store import parquet


class LoadError(Exception):
    """The dataset could not be loaded; nothing of it was written."""


@dataclass
class LoadReport:
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    seconds: float = 0.0


def load_parquet(out: str, db: Union[str, Path], batch_size: int = 256,
                 on_progress: Optional[Callable[[LoadReport], None]] = None) -> LoadReport:
    from ..ledger import Ledger

    started = time.perf_counter()
    report = LoadReport()
    try:
        latest = parquet.latest_documents(str(out))
    except Exception as e:  # pyarrow and DuckDB raise several types for a damaged file
        raise LoadError(f"cannot read {out}: {_reason(e)}; nothing was loaded") from e
    with Ledger(db) as ledger:
        store = ledger.store
        stored = store.document_hashes(list(latest))
        todo: dict[str, set[tuple[str, str]]] = {}
        for doc, (h, _, published) in latest.items():
            if stored.get(doc) == h:
                report.unchanged += 1
            else:
                todo.setdefault(published, set()).add((doc, h))
        run = store.start_run([str(out)])
        published = None
        try:
            with store.transaction():
                for published in sorted(todo):
                    chunk: list = []
                    for analysis, sig in parquet.analyses_of_day(str(out), published, todo[published]):
                        chunk.append((analysis, sig))
                        if len(chunk) >= batch_size:
                            _write(store, chunk, report)
                    _write(store, chunk, report)
                    if on_progress:
                        on_progress(report)
        except Exception as e:
            day = f" (day {published})" if published else ""
            raise LoadError(f"cannot load {out}{day}: {_reason(e)}; nothing was loaded") from e
        if report.added or report.updated:
            ledger.consolidate()
        store.finish_run(run, report.added, report.updated, report.unchanged, 0)
    report.seconds = time.perf_counter() - started
    return report


def _reason(e: Exception) -> str:
    text = " ".join(str(e).split())
    return f"{type(e).__name__}: {text[:300]}" if text else type(e).__name__


def _write(store, chunk: list, report: LoadReport) -> None:
    if not chunk:
        return
    added, updated = store.write_analyses([a for a, _ in chunk], {a.doc.id: sig for a, sig in chunk})
    report.added += added
    report.updated += updated
    chunk.clear()
