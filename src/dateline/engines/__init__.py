"""Scale-out: analyse articles on a local process pool or a Dask cluster into a Parquet ledger.

    from dateline.engines import analyze_to_parquet, load_parquet
    report = analyze_to_parquet(["articles/"], "ledger.parquet", engine="dask", workers=2)
    load_parquet("ledger.parquet", "dateline.db")

- :mod:`.run`: reading inputs, skipping what the dataset already holds, batching, and
  handing batches to an executor (:mod:`.local` or :mod:`.dask`); workers analyse and
  write Parquet part files themselves (:mod:`.tasks`).
- :mod:`.consolidate`: duplicate groups and entities over the Parquet with DuckDB.
- :mod:`.load`: the Parquet into the embedded SQLite store.
"""
from .load import LoadError, LoadReport, load_parquet
from .run import ENGINES, EngineReport, analyze_to_parquet

__all__ = ["analyze_to_parquet", "load_parquet", "EngineReport", "LoadError", "LoadReport", "ENGINES"]
