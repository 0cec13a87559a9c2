"""The one package that owns the SQLite database (WAL, FTS5, versioned schema).

:class:`Store` is one object over one connection; its methods are grouped by what they
read or write, one module each: ``schema`` (migrations), ``documents`` (articles and their
extractions as written), ``entities``, ``listings`` (figures and claims), ``days`` (the
timeline's day index), ``search`` (FTS5), ``doctor`` (integrity checks); ``store`` holds
the connection, the migrations' runner and transactions.
"""
from .common import PathLike, published_between
from .schema import MIGRATIONS, SCHEMA_VERSION, NotALedger, SchemaError
from .store import Store, file_problem

__all__ = ["MIGRATIONS", "SCHEMA_VERSION", "NotALedger", "PathLike", "SchemaError", "Store", "file_problem",
           "published_between"]
