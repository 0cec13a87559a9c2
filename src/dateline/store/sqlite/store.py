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
from .schema import MIGRATIONS, SCHEMA_VERSION, NotALedger, SchemaError, _split_sql
from .search import Search


SQLITE_HEADER = b"SQLite format 3\x00"


def file_problem(path: PathLike, read_only: bool = True) -> Optional[str]:
    """Why the file at ``path`` cannot be opened as a ledger, in one sentence that says what to do;
    None when it can (or is missing: the caller says so). An empty file is a new ledger to write
    into, and no ledger to read."""
    path = Path(path)
    if path.is_dir():
        return f"{path} is a folder, not a ledger: give --db a file, e.g. {path / 'dateline.db'}"
    try:
        with open(path, "rb") as f:
            head = f.read(len(SQLITE_HEADER))
    except FileNotFoundError:
        return None
    except OSError as e:
        return f"cannot read {path}: {e.strerror or e}"
    if not head:
        wal = Path(f"{path}-wal")
        if (wal.exists() and wal.stat().st_size) or not read_only:
            return None         # a new ledger (its first pages may still be in the write-ahead log)
        return f"{path} is an empty file, not a ledger yet: build one with 'dateline ingest FILES --db {path}'"
    if head != SQLITE_HEADER:
        start = head.decode("ascii", "replace").split("\n")[0].strip()
        begins = f"it begins {start!r}" if start and (start.isprintable() and "\ufffd" not in start) \
            else "it holds binary data"
        return (f"{path} is not a dateline ledger (not a SQLite database: {begins}): give --db a ledger that "
                "'dateline ingest' built, or a new file name to build one")
    return None


class Store(Documents, DayIndexQueries, Entities, Listings, Search, Pages, Doctor):
    """A dateline database. ``Store(path)`` creates or upgrades it; ``read_only=True`` never writes."""

    def __init__(self, path: PathLike = "dateline.db", read_only: bool = False):
        self.path = Path(path)
        self.read_only = read_only
        if read_only and not self.path.exists():
            raise FileNotFoundError(f"no database at {self.path}; run 'dateline ingest' first")
        problem = file_problem(self.path, read_only)
        if problem:
            raise NotALedger(problem)
        if read_only:
            self.db = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, check_same_thread=False)
        else:
            self.db = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
        try:
            self._refuse_unusable()             # before anything is written (the journal mode is)
        except BaseException:
            self.db.close()
            raise
        if not read_only:
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

    def _refuse_unusable(self) -> None:
        """A database this dateline must not read or write, said in one sentence with what to do: a newer
        dateline's, another program's, an empty one to read, an older one to read (upgrading is a write)."""
        version = self.schema_version
        if version > SCHEMA_VERSION:
            raise SchemaError(f"{self.path} was built by a newer dateline (schema {version}; this one reads "
                              f"{SCHEMA_VERSION}): upgrade dateline to read it")
        if version == 0:
            # no dateline schema yet: an empty SQLite database, or another program's (never written into)
            tables = sorted(r[0] for r in self.db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
                            if not r[0].startswith("sqlite_"))
            if tables:
                shown = ", ".join(tables[:5]) + (", ..." if len(tables) > 5 else "")
                raise NotALedger(f"{self.path} is not a dateline ledger but another program's SQLite database "
                                 f"(tables {shown}): give --db a ledger that 'dateline ingest' built, or a new "
                                 "file name to build one")
            if self.read_only:
                raise NotALedger(f"{self.path} is an empty SQLite database, not a ledger yet: build one with "
                                 f"'dateline ingest FILES --db {self.path}'")
        elif version < SCHEMA_VERSION and self.read_only:
            raise SchemaError(f"{self.path} was built by an older dateline (schema {version}; this one reads "
                              f"{SCHEMA_VERSION}): run 'dateline doctor --db {self.path}' once to upgrade it")

    def _migrate(self) -> None:
        for number in range(self.schema_version, SCHEMA_VERSION):
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
