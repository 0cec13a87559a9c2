"""Derived views (series, alerts, timeline, briefing), computed off the request path.

They read the whole ledger, so on a large database they take seconds to minutes.
A page never waits for one: it gets the latest result (``ready``), an older one while
a newer one is computed (``stale``), or a "being computed" state (``computing``).
Work runs in separate processes at a lower CPU priority (``background=True``, the
server), so neither the GIL nor a long computation slows requests; tests run it inline.
Timelines (asked with many date ranges) have their own process, so they never wait
behind the alerts of a large ledger. Results are kept per database fingerprint and per
parameters (a bounded LRU).
"""
from __future__ import annotations

import concurrent.futures as cf
import datetime as dt
import gc
import multiprocessing
import os
import threading
import time
from collections import OrderedDict
from dataclasses import dataclass
from typing import Any, Optional

from . import adapters

KINDS = ("series", "alerts", "timeline", "briefing", "entity_index")
QUEUES = {"timeline": "timeline"}     # kind -> worker process; everything else reads the whole ledger in "ledger"
WORKER_NICENESS = 10
MAX_ENTRIES = 32          # cached results (timeline and briefing vary with their parameters)
MAX_PENDING = 8           # queued computations per worker; beyond this a request is told to come back


# What a view not ready yet says (pages add that they reload themselves; API clients ask again)
BUSY = "The server is busy computing other views."


def computing(kind: str, seconds: float) -> str:
    return f"The {kind} is being computed ({seconds:.0f} s so far)."


@dataclass
class Result:
    state: str                       # ready, stale, computing, busy, unavailable, failed
    value: Any = None
    message: str = ""
    seconds: float = 0.0             # how long the computation took, or has been running

    @property
    def has_value(self) -> bool:
        return self.state in ("ready", "stale")


def compute(kind: str, db: str, params: tuple) -> tuple[str, Any, float]:
    """One derived view (runs in the worker process). Returns ``(state, value or message, seconds)``."""
    from ..ledger import Ledger

    started = time.perf_counter()
    try:
        with Ledger(db, read_only=True) as ledger:
            store = ledger.store
            p = dict(params)
            if kind == "series":
                value = adapters.series(store)
            elif kind == "alerts":
                value = adapters.alerts(store)
            elif kind == "timeline":
                value = adapters.timeline(store, date_from=_date(p.get("date_from")), date_to=_date(p.get("date_to")),
                                          n_dates=p.get("n_dates"), query=p.get("query"))
            elif kind == "entity_index":
                value = adapters.entity_index(store, big_docs=p["big_docs"])
            elif kind == "briefing":
                value = adapters.briefing(store, since=_date(p["since"]))
            else:
                raise ValueError(kind)
        return "ready", value, time.perf_counter() - started
    except adapters.Unavailable as e:
        return "unavailable", str(e), time.perf_counter() - started
    except Exception as e:   # a failing stage must not take the pages down; the page says what failed
        return "failed", f"{type(e).__name__}: {e}", time.perf_counter() - started


def _worker_init(parent: int) -> None:
    """In each worker: yield the CPU to requests, and exit when the server (``parent``) is gone, even
    if it was killed without a chance to stop its workers, or died while this one was starting."""
    try:
        os.nice(WORKER_NICENESS)
    except OSError:
        pass

    def watch() -> None:
        while os.getppid() == parent:
            time.sleep(1)
        os._exit(0)

    threading.Thread(target=watch, daemon=True).start()


def _date(s: Optional[str]) -> Optional[dt.date]:
    return dt.date.fromisoformat(s) if s else None


@dataclass
class _Entry:
    fingerprint: tuple
    state: str
    value: Any
    seconds: float


class Derived:
    def __init__(self, data, background: bool = True):
        self.data = data
        self.background = background
        self._results: OrderedDict[tuple, _Entry] = OrderedDict()
        self._running: dict[tuple, tuple[tuple, float]] = {}     # key -> (fingerprint, started)
        self._lock = threading.RLock()     # a done-callback may run inside _start
        self._executors: dict[str, cf.ProcessPoolExecutor] = {}
        if background:
            for queue in ("ledger", "timeline"):
                self._executors[queue] = cf.ProcessPoolExecutor(
                    max_workers=1, mp_context=multiprocessing.get_context("spawn"),
                    initializer=_worker_init, initargs=(os.getpid(),))

    def close(self) -> None:
        """Stop the workers, including one in the middle of a long computation."""
        for executor in self._executors.values():
            processes = list(getattr(executor, "_processes", {}).values())   # no public way to stop a busy one
            executor.shutdown(wait=False, cancel_futures=True)
            for process in processes:
                process.terminate()

    def get(self, kind: str, **params) -> Result:
        key = (kind, tuple(sorted((k, v) for k, v in params.items() if v is not None)))
        fp = self.data.fingerprint()
        with self._lock:
            entry = self._results.get(key)
            if entry is not None:
                self._results.move_to_end(key)
                if entry.fingerprint == fp:
                    return self._result(entry)
            if not self.background:
                self._store(key, fp, compute(kind, str(self.data.path), key[1]))
                return self._result(self._results[key])
            # one computation per key at a time; a newer database is picked up by the next request
            if key not in self._running and not self._start(key, fp):
                return Result("busy", message=BUSY)
            run = self._running.get(key)
            if run is None:                       # it finished at once
                return self._result(self._results[key])
            running_for = time.monotonic() - run[1]
        if entry is not None and entry.state == "ready":
            return Result("stale", entry.value, "The ledger has changed; an update is being computed.",
                          entry.seconds)
        return Result("computing", message=computing(kind, running_for), seconds=running_for)

    def status(self) -> dict:
        with self._lock:
            done = {f"{k[0]}{dict(k[1]) or ''}": {"state": e.state, "seconds": round(e.seconds, 2),
                                                 "current": e.fingerprint == self.data.fingerprint()}
                    for k, e in self._results.items()}
            running = [f"{k[0]}{dict(k[1]) or ''}" for k in self._running]
        return {"results": done, "running": running}

    # --- internals -------------------------------------------------------------------
    @staticmethod
    def _result(entry: _Entry) -> Result:
        if entry.state == "ready":
            return Result("ready", entry.value, seconds=entry.seconds)
        return Result(entry.state, message=entry.value, seconds=entry.seconds)

    def _start(self, key: tuple, fp: tuple) -> bool:
        """Submit ``key`` to the worker (called with the lock held)."""
        queue = QUEUES.get(key[0], "ledger")
        if sum(QUEUES.get(k[0], "ledger") == queue for k in self._running) >= MAX_PENDING:
            return False
        self._running[key] = (fp, time.monotonic())
        executor = self._executors[queue]
        future = executor.submit(compute, key[0], str(self.data.path), key[1])
        future.add_done_callback(lambda f: self._done(key, fp, f))
        return True

    def _done(self, key: tuple, fp: tuple, future: cf.Future) -> None:
        try:
            outcome = future.result()
        except Exception as e:        # the worker process died or the pool was shut down
            outcome = ("failed", f"{type(e).__name__}: {e}", 0.0)
        with self._lock:
            self._store(key, fp, outcome)

    def _store(self, key: tuple, fp: tuple, outcome: tuple[str, Any, float]) -> None:
        state, value, seconds = outcome
        self._running.pop(key, None)
        self._results[key] = _Entry(fp, state, value, seconds)
        self._results.move_to_end(key)
        while len(self._results) > MAX_ENTRIES:
            self._results.popitem(last=False)
        # A large ledger's results are millions of objects: keep the cyclic GC from walking them on
        # every full collection (a pause of a second under load). Reference counting still frees them.
        gc.freeze()
