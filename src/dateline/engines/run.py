"""Inputs to a Parquet ledger: read, skip what is already there, batch, analyse on an engine's workers.

The client reads and validates the inputs (the same readers and problems as
``dateline ingest``), rejects ids repeated within the run, and skips documents whose
``(id, content hash)`` the output dataset already holds, so a second run over the
same inputs analyses nothing and new articles are appended as new part files. At
most ``2 x workers`` batches are in flight and a bounded number of articles wait
for their day's batch, so the client's memory stays flat however many articles
stream through. Both engines run the same task
(:func:`.tasks.analyze_batch_to_parquet`), so they write the same records.
"""
from __future__ import annotations

import datetime as dt
import time
import uuid
from collections import deque
from dataclasses import dataclass, field
from typing import Callable, Iterable, Optional

from ..ingest.document import DEFAULT_MAX_CHARS
from ..ingest.errors import InputProblem
from ..ingest.sources import first_of_each_id
from ..records import Document
from ..store import parquet
from .inputs import read_sources
from .tasks import analyze_batch_to_parquet

ENGINES = ("local", "dask")


@dataclass
class EngineReport:
    engine: str = ""
    analysed: int = 0            # documents analysed and written in this run
    new_versions: int = 0        # of which new versions of documents already in the dataset
    unchanged: int = 0           # skipped: same id and content already in the dataset
    batches: int = 0
    seconds: float = 0.0         # wall time of reading + analysis + writing
    consolidate_seconds: float = 0.0
    problems: list[InputProblem] = field(default_factory=list)
    workers: dict[str, dict] = field(default_factory=dict)   # worker -> {"docs", "seconds", "cpu_seconds", "peak_rss"}
    consolidation: dict = field(default_factory=dict)

    @property
    def errors(self) -> list[InputProblem]:
        return [p for p in self.problems if p.level == "error"]

    @property
    def articles_per_second(self) -> float:
        return self.analysed / self.seconds if self.seconds else 0.0

    def record(self, summary: dict) -> None:
        w = self.workers.setdefault(summary["worker"], {"docs": 0, "seconds": 0.0, "cpu_seconds": 0.0, "peak_rss": 0})
        w["docs"] += summary["docs"]
        w["seconds"] += summary["seconds"]
        w["cpu_seconds"] += summary["cpu_seconds"]
        w["peak_rss"] = max(w["peak_rss"], summary["peak_rss"])


def make_executor(engine: str, workers: int, scheduler: Optional[str]):
    if engine == "local":
        if scheduler:
            raise ValueError("--scheduler needs --engine dask")
        from .local import LocalExecutor

        return LocalExecutor(workers)
    if engine == "dask":
        from .dask_engine import DaskExecutor

        return DaskExecutor(workers, scheduler)
    raise ValueError(f"unknown engine {engine!r}; choose from {', '.join(ENGINES)}")


def analyze_to_parquet(inputs: Iterable, out: str, engine: str = "local", workers: int = 1,
                       scheduler: Optional[str] = None, batch_size: int = 32,
                       default_date: Optional[dt.date] = None, max_chars: int = DEFAULT_MAX_CHARS,
                       cache_size: int = 4096, consolidate: bool = True, max_buffered: int = 0,
                       read_on_workers: bool = False,
                       on_progress: Optional[Callable[[EngineReport], None]] = None) -> EngineReport:
    """Analyse new articles from ``inputs`` into the Parquet dataset ``out``, then consolidate it.

    Tasks take up to ``batch_size`` articles of one publication day; at most ``max_buffered``
    articles (default 16 batches) wait on the client for their day's batch to fill.

    ``read_on_workers``: one task per input file, read on the worker (for WARC, whose HTML
    extraction would otherwise keep the client busy); inputs must be readable by every
    worker, and an id repeated across files is reported but both copies are written
    (readers then keep the version with the larger content hash).
    """
    max_buffered = max_buffered or 16 * batch_size
    inputs = [str(i) for i in inputs]
    out = parquet.local_path(out) or str(out)       # absolute: workers may not share our working directory
    report = EngineReport(engine=engine)
    started = time.perf_counter()
    run_tag = dt.datetime.now(dt.timezone.utc).strftime("%Y%m%dT%H%M%S") + "-" + uuid.uuid4().hex[:6]
    known = parquet.DocumentIndex.of_dataset(out)      # compact: the client checks every input against it
    new_ids: list[str] = []
    # documents wait in one buffer per publication day, so each task's part files hold one day:
    # a few large files per day instead of every batch writing a small file into every day it touches
    by_day: dict[dt.date, list[Document]] = {}
    buffered = 0
    in_flight: deque = deque()

    def collect_oldest() -> None:
        summary = in_flight.popleft().result()
        report.analysed += summary["docs"]
        new_ids.extend(doc for doc, _ in summary["ids"])
        report.record(summary)
        if on_progress:
            on_progress(report)

    if inputs and read_on_workers:
        _files_on_workers(inputs, out, engine, workers, scheduler, run_tag, batch_size, cache_size, default_date,
                          max_chars, report, new_ids, on_progress)
    elif inputs:
        with make_executor(engine, workers, scheduler) as executor:
            report.engine = executor.describe()

            def submit(day: dt.date) -> None:
                nonlocal buffered
                batch = by_day.pop(day)
                buffered -= len(batch)
                versions = {d.id: v + 1 for d in batch if (v := known.version(d.id)) is not None}
                report.new_versions += len(versions)
                part = f"{run_tag}-{report.batches:06d}"
                in_flight.append(executor.submit(analyze_batch_to_parquet, out, part, batch, versions, cache_size))
                report.batches += 1
                while len(in_flight) >= 2 * executor.slots:
                    collect_oldest()

            for item in first_of_each_id(read_sources(inputs, default_date=default_date, max_chars=max_chars)):
                if isinstance(item, InputProblem):
                    report.problems.append(item)
                    continue
                if known.holds(item.id, item.content_hash):
                    report.unchanged += 1
                    continue
                by_day.setdefault(item.date, []).append(item)
                buffered += 1
                if len(by_day[item.date]) >= batch_size:
                    submit(item.date)
                elif buffered >= max_buffered:        # memory bound: send the fullest day as it is
                    submit(max(by_day, key=lambda day: len(by_day[day])))
            for day in sorted(by_day):
                submit(day)
            while in_flight:
                collect_oldest()
    report.seconds = time.perf_counter() - started
    if consolidate and (report.analysed or not inputs or not parquet.has_kind(out, "dup_group")) \
            and parquet.has_kind(out, "document"):
        from .consolidate import consolidate_parquet

        t0 = time.perf_counter()
        # no inputs: a full consolidation (after runs that skipped it, e.g. several clients in parallel)
        report.consolidation = consolidate_parquet(out, new_docs=new_ids if inputs else None,
                                                   added=report.analysed - report.new_versions)
        report.consolidate_seconds = time.perf_counter() - t0
    parquet.append_run(out, {"run": run_tag, "engine": engine, "inputs": inputs, "analysed": report.analysed,
                             "unchanged": report.unchanged, "failed": len(report.errors),
                             "seconds": round(report.seconds, 3),
                             "finished_at": dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")})
    return report


def _repeated_across_files(doc: str, content_hash: str, origin: str, previous: tuple[str, str]) -> InputProblem:
    if previous[0] != content_hash:
        return InputProblem(origin, None, f"duplicate id {doc!r} with different content (first seen at {previous[1]});"
                            " both were written (read on workers): readers keep the larger content hash")
    return InputProblem(origin, None, f"duplicate of id {doc!r} at {previous[1]}; stored twice, read once",
                        level="warning")


def input_files(inputs: Iterable[str]) -> list[str]:
    """Every file the inputs name (folders walked, URLs expanded), in order."""
    from ..ingest.sources import walk
    from .inputs import is_url, remote_files

    files: list[str] = []
    for source in inputs:
        files += remote_files(source) if is_url(source) else [str(p.absolute()) for p in walk([source])]
    return files


def _files_on_workers(inputs, out, engine, workers, scheduler, run_tag, batch_size, cache_size, default_date,
                      max_chars, report: EngineReport, new_ids: list, on_progress) -> None:
    from .tasks import read_and_analyze_file

    seen: dict[str, tuple[str, str]] = {}
    in_flight: deque = deque()

    def collect_oldest() -> None:
        result = in_flight.popleft().result()
        report.problems += result["problems"]
        report.analysed += result["docs"]
        report.unchanged += result["unchanged"]
        report.new_versions += result["new_versions"]
        report.batches += result["batches"]
        report.record(result)
        for (doc, h), origin in zip(result["ids"], result["origins"]):
            if doc in seen:      # across files: both were written; say so
                report.problems.append(_repeated_across_files(doc, h, origin, seen[doc]))
                continue
            seen[doc] = (h, origin)
            new_ids.append(doc)
        if on_progress:
            on_progress(report)

    with make_executor(engine, workers, scheduler) as executor:
        report.engine = executor.describe() + ", reading on workers"
        for file_no, source in enumerate(input_files(inputs)):
            in_flight.append(executor.submit(read_and_analyze_file, out, run_tag, file_no, source, batch_size,
                                             cache_size, default_date, max_chars))
            while len(in_flight) >= 2 * executor.slots:
                collect_oldest()
        while in_flight:
            collect_oldest()
