"""The local engine: this process (1 worker) or a pool of worker processes (see analyze.workers)."""
from __future__ import annotations

from concurrent.futures import Future, ProcessPoolExecutor

from ..analyze import workers as workers_context

from .tasks import warm_up


class LocalExecutor:
    """``submit(fn, *args)`` -> a future; spaCy loads once per worker process."""

    name = "local"

    def __init__(self, workers: int = 1):
        self.workers = max(1, workers)
        self._pool = None

    def __enter__(self) -> "LocalExecutor":
        if self.workers > 1:
            self._context = workers_context.start_context()
            try:
                self._pool = ProcessPoolExecutor(self.workers, mp_context=self._context, initializer=warm_up)
            except BaseException:
                workers_context.release(self._context)
                raise
        return self

    def __exit__(self, *exc) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=exc[0] is not None)
            self._pool = None
            workers_context.release(self._context)

    def submit(self, fn, *args) -> Future:
        if self._pool is not None:
            return self._pool.submit(fn, *args)
        done: Future = Future()
        try:
            done.set_result(fn(*args))
        except BaseException as e:  # handed to the caller through the future, as a pool would
            done.set_exception(e)
        return done

    @property
    def slots(self) -> int:
        return self.workers

    def describe(self) -> str:
        return f"local engine, {self.workers} process{'es' if self.workers > 1 else ''}"
