"""The unit of work both engines run on their workers: analyse one batch, write its Parquet parts.

Workers write their own part files, so analysed text never flows back through the
client; the client only gets a small summary. spaCy is loaded once per worker
process (``nlp.load`` is cached per process; :func:`warm_up` loads it up front).
"""
from __future__ import annotations

import os
import resource
import socket
import sys
import time
from typing import Sequence

from ..records import Document


def warm_up() -> None:
    """Load spaCy and the extractors in this process (a worker's initializer)."""
    from ..analyze import nlp, pipeline

    nlp.load()
    pipeline._extractors()


def peak_rss_bytes() -> int:
    """Peak resident memory of this process so far (ru_maxrss is KiB on Linux, bytes on macOS)."""
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak if sys.platform == "darwin" else peak * 1024


def analyze_batch_to_parquet(out: str, part: str, documents: Sequence[Document], versions: dict[str, int],
                             cache_size: int = 4096) -> dict:
    """Analyse ``documents`` and write their records to ``out`` as ``part-<part>.parquet`` files."""
    from ..analyze.pipeline import SEGMENT_CACHE, analyze_batch
    from ..store import parquet

    started, cpu_started = time.perf_counter(), time.process_time()
    SEGMENT_CACHE.size = cache_size
    analyses = analyze_batch(list(documents))
    files = parquet.write_batch(out, part, parquet.batch_rows(analyses, versions))
    return {"docs": len(documents), "ids": [(d.id, d.content_hash) for d in documents], "files": len(files),
            "seconds": time.perf_counter() - started, "cpu_seconds": time.process_time() - cpu_started,
            "worker": f"{socket.gethostname()}:{os.getpid()}",
            "peak_rss": peak_rss_bytes()}


# --- reading on the workers: one task per input file ---------------------------------------
_KNOWN: dict = {}      # (out, run) -> parquet.DocumentIndex, read once per worker per run


def _known_for_run(out: str, run_tag: str):
    """The dataset's latest (hash, version) per document, read once per worker per run."""
    from ..store import parquet

    if (out, run_tag) not in _KNOWN:
        _KNOWN.clear()
        _KNOWN[(out, run_tag)] = parquet.DocumentIndex.of_dataset(out)
    return _KNOWN[(out, run_tag)]


def read_and_analyze_file(out: str, run_tag: str, file_no: int, source: str, batch_size: int = 32,
                          cache_size: int = 4096, default_date=None, max_chars: int = 2_000_000) -> dict:
    """Read one input file on this worker (HTML extraction included), analyse and write its new documents.

    The same checks as on the client, within the file: problems, repeated ids, documents the
    dataset already holds. Repeats across files are the client's to report (from ``ids``).
    """
    from ..ingest.errors import InputProblem
    from ..ingest.sources import first_of_each_id
    from .inputs import read_sources

    known = _known_for_run(out, run_tag)
    result = {"docs": 0, "ids": [], "origins": [], "problems": [], "unchanged": 0, "new_versions": 0,
              "seconds": 0.0, "cpu_seconds": 0.0, "worker": f"{socket.gethostname()}:{os.getpid()}", "peak_rss": 0,
              "files": 0,
              "batches": 0}
    by_day: dict = {}
    parts = 0

    def flush(day) -> None:
        nonlocal parts
        batch = by_day.pop(day)
        versions = {d.id: v + 1 for d in batch if (v := known.version(d.id)) is not None}
        summary = analyze_batch_to_parquet(out, f"{run_tag}-f{file_no:06d}-{parts:05d}", batch, versions, cache_size)
        parts += 1
        result["batches"] = parts
        result["new_versions"] += len(versions)
        for key in ("docs", "files"):
            result[key] += summary[key]
        result["ids"] += summary["ids"]
        result["origins"] += [d.origin or source for d in batch]

    started, cpu_started = time.perf_counter(), time.process_time()
    for item in first_of_each_id(read_sources([source], default_date=default_date, max_chars=max_chars)):
        if isinstance(item, InputProblem):
            result["problems"].append(item)
            continue
        if known.holds(item.id, item.content_hash):
            result["unchanged"] += 1
            continue
        by_day.setdefault(item.date, []).append(item)
        if len(by_day[item.date]) >= batch_size:
            flush(item.date)
        elif sum(len(b) for b in by_day.values()) >= 16 * batch_size:
            flush(max(by_day, key=lambda day: len(by_day[day])))
    for day in sorted(by_day):
        flush(day)
    result["seconds"] = time.perf_counter() - started       # reading and extraction included
    result["cpu_seconds"] = time.process_time() - cpu_started
    result["peak_rss"] = peak_rss_bytes()
    return result
