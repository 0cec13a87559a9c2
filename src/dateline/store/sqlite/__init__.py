"""The one package that owns the SQLite database (WAL, FTS5, versioned schema).

:class:`Store` is one object over one connection; its methods are grouped by what they
read or write, one module each: ``schema`` (migrations), ``documents`` (articles and their
extractions as written), ``entities``, ``listings`` (figures and claims), ``days`` (the
timeline's day index), ``search`` (FTS5), ``doctor`` (integrity checks); ``store`` holds
the connection, the migrations' runner and transactions.
"""
from .common import PathLike, published_between
from .schema import MIGRATIONS, SCHEMA_VERSION, SchemaError
from .store import Store

__all__ = ["MIGRATIONS", "SCHEMA_VERSION", "PathLike", "SchemaError", "Store", "published_between"]
