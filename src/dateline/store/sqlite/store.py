"""The one module that owns the SQLite database (WAL, FTS5, versioned schema).

Writes happen in :meth:`Store.transaction` blocks: an ingest batch (documents
plus all their extractions) commits whole or not at all, so a crash or a bad
file never leaves half an article or half its extractions behind.
"""
from __future__ import annotations

import contextlib
import sqlite3
from pathlib import Path
from typing import Any, Iterable, Iterator, Optional, Sequence

from .common import PathLike
from .days import DayIndexQueries
from .doctor import Doctor
from .documents import Documents
from .entities import Entities
from .listings import Listings
from .pages import Pages
from .schema import MIGRATIONS, SCHEMA_VERSION, SchemaError, _split_sql
from .search import Search


class Store(Documents, DayIndexQueries, Entities, Listings, Search, Pages, Doctor):
    """A dateline database. ``Store(path)`` creates or upgrades it; ``read_only=True`` never writes."""

    def __init__(self, path: PathLike = "dateline.db", read_only: bool = False):
        self.path = Path(path)
        self.read_only = read_only
        if read_only:
            if not self.path.exists():
                raise FileNotFoundError(f"no database at {self.path}; run 'dateline ingest' first")
            self.db = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, check_same_thread=False)
        else:
            self.db = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
            self.db.execute("PRAGMA journal_mode=WAL")
            self.db.execute("PRAGMA synchronous=NORMAL")
        self.db.row_factory = sqlite3.Row
        self.db.execute("PRAGMA foreign_keys=ON")
        self.db.execute("PRAGMA busy_timeout=10000")
        self._migrate()

    # --- schema ---------------------------------------------------------------
    @property
    def schema_version(self) -> int:
        return self.db.execute("PRAGMA user_version").fetchone()[0]

    def _migrate(self) -> None:
        version = self.schema_version
        if version > SCHEMA_VERSION:
            raise SchemaError(f"{self.path} has schema version {version}, newer than this dateline "
                              f"({SCHEMA_VERSION}); upgrade dateline")
        if version == SCHEMA_VERSION:
            return
        if self.read_only:
            raise SchemaError(f"{self.path} has schema version {version}; open it once for writing to upgrade")
        for number in range(version, SCHEMA_VERSION):
            with self.transaction():
                for statement in _split_sql(MIGRATIONS[number]):
                    self.db.execute(statement)
                self.db.execute(f"PRAGMA user_version={number + 1}")

    @contextlib.contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """BEGIN IMMEDIATE … COMMIT, rolled back on any exception."""
        self.db.execute("BEGIN IMMEDIATE")
        try:
            yield self.db
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        else:
            self.db.execute("COMMIT")

    def close(self) -> None:
        self.db.close()

    def _temp_values(self, table: str, columns: Sequence[str], rows: Iterable[tuple],
                     key: Optional[Sequence[str]] = None) -> None:
        """A temporary text table (this connection only) holding just ``rows``, keyed for joins."""
        key = key or columns[:1]
        self.db.execute(f"CREATE TEMP TABLE IF NOT EXISTS {table}({', '.join(c + ' TEXT' for c in columns)},"
                        f" PRIMARY KEY ({', '.join(key)}))")
        self.db.execute(f"DELETE FROM {table}")
        self.db.executemany(f"INSERT OR IGNORE INTO {table} VALUES ({','.join('?' * len(columns))})", rows)

    def rows(self, query: str, args: Sequence[Any] = ()) -> Iterator[sqlite3.Row]:
        """Read-only queries for other stages (consolidate, synthesize, export)."""
        return self.db.execute(query, args)
