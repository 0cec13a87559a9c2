"""The Dask engine: batches as tasks on a Dask cluster (an existing one, or a LocalCluster).

Each worker loads spaCy once (a worker plugin runs :func:`warm_up` when it starts)
and writes its batches' Parquet parts itself, so ``out`` must be a path or URL every
worker can write to (a shared file system, or object storage such as ``s3://``).
"""
from __future__ import annotations

from typing import Optional

from .tasks import warm_up


def _plugin():
    from distributed.diagnostics.plugin import WorkerPlugin

    class LoadSpacy(WorkerPlugin):
        """Loads spaCy and the extractors when a worker starts (and on workers that join later)."""

        name = "dateline-load-spacy"

        def setup(self, worker) -> None:
            warm_up()

    return LoadSpacy()


class DaskExecutor:
    name = "dask"

    def __init__(self, workers: int = 2, scheduler: Optional[str] = None, memory_limit: str = "auto"):
        self.workers = max(1, workers)
        self.scheduler = scheduler
        self.memory_limit = memory_limit
        self.cluster = None
        self.client = None

    def __enter__(self) -> "DaskExecutor":
        from distributed import Client, LocalCluster

        if self.scheduler:
            self.client = Client(self.scheduler)
        else:
            # one single-threaded process per worker: spaCy's parse is CPU-bound and holds the GIL
            self.cluster = LocalCluster(n_workers=self.workers, threads_per_worker=1, processes=True,
                                        dashboard_address=":0", memory_limit=self.memory_limit,
                                        silence_logs=40)
            self.client = Client(self.cluster)
        self.client.register_plugin(_plugin())
        return self

    def __exit__(self, *exc) -> None:
        if self.client is not None:
            self.client.close()
        if self.cluster is not None:
            self.cluster.close()
        self.client = self.cluster = None

    def submit(self, fn, *args):
        # pure=False: the same batch submitted twice is two runs, never a cached result
        return self.client.submit(fn, *args, pure=False)

    @property
    def slots(self) -> int:
        """Workers the scheduler knows of (at least one)."""
        return max(1, len(self.client.scheduler_info().get("workers", {}))) if self.client else self.workers

    def describe(self) -> str:
        where = self.scheduler or f"a LocalCluster of {self.workers} worker processes"
        n = len(self.client.scheduler_info().get("workers", {})) if self.client else 0
        return f"dask engine on {where} ({n} workers)"
