"""Where ingest time goes: one ``Ledger.ingest`` in this process, every stage timed.

    python bench/profile_ingest.py                # 1,000 distinct Timeline17 excerpts (see bench/speed.py)
    python bench/profile_ingest.py --n 200        # smaller
    python bench/profile_ingest.py --cprofile /tmp/ingest.prof   # also a cProfile of the same run
    python bench/profile_ingest.py --src DIR      # another checkout's src/ (e.g. an older commit)

The ingest runs with ``workers=1`` so that the whole of it (reading, analysis and the
store) is in one process and every stage can be timed from inside, by wrapping the
functions that do each stage with wall-clock accumulators (time spent in a wrapped
function called from another wrapped one is counted once, in the inner one). The
spaCy components are then timed one by one (each ``pipe`` over all the segments the
ingest parsed, in pipeline order), which splits the "spaCy pipeline" row; the
FTS5 row is a rebuild of the full-text index of the ledger just written (its
triggers run during the "documents row" writes, which therefore include it).
Results are printed as a Markdown table.
"""
from __future__ import annotations

import argparse
import cProfile
import functools
import sys
import tempfile
import time
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
# --src DIR: profile another checkout's package (e.g. an older commit's src/) with this script
_SRC = Path(sys.argv[sys.argv.index("--src") + 1]) if "--src" in sys.argv else ROOT / "src"
sys.path.insert(0, str(_SRC))
sys.path.insert(0, str(ROOT / "bench"))

TOTALS: dict[str, float] = defaultdict(float)
CALLS: dict[str, int] = defaultdict(int)
_STACK: list[list[float]] = []          # per open timed call: [start, time of timed calls inside it]


def timed(label: str, fn):
    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        _STACK.append([time.perf_counter(), 0.0])
        try:
            return fn(*args, **kwargs)
        finally:
            start, inner = _STACK.pop()
            spent = time.perf_counter() - start
            TOTALS[label] += spent - inner
            CALLS[label] += 1
            if _STACK:
                _STACK[-1][1] += spent
    return wrapper


def timed_iter(label: str, fn):
    """For a generator function: the time spent producing each item (not the consumer's)."""
    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        it = iter(fn(*args, **kwargs))
        while True:
            _STACK.append([time.perf_counter(), 0.0])
            try:
                item = next(it)
            except StopIteration:
                return
            finally:
                start, inner = _STACK.pop()
                spent = time.perf_counter() - start
                TOTALS[label] += spent - inner
                if _STACK:
                    _STACK[-1][1] += spent
            CALLS[label] += 1
            yield item
    return wrapper


def patch(obj, name: str, label: str, gen: bool = False) -> None:
    setattr(obj, name, (timed_iter if gen else timed)(label, getattr(obj, name)))


SEGMENTS: list[str] = []


def install() -> None:
    from dateline import ledger as ledger_mod
    from dateline.analyze import claims, dating, entities, figures, nlp, pipeline, timex
    from dateline.consolidate import aliases, series
    from dateline.ingest import dedup, sources
    from dateline.store.sqlite import documents

    patch(sources, "read_inputs", "read and decode input files", gen=True)
    patch(nlp, "segment", "segmentation (rule splitter)")
    patch(pipeline, "needs_parse", "sentence filter (needs_parse)")
    patch(pipeline, "needs_ner", "second look (needs_ner)")
    original = nlp._parse_segments

    def parse_segments(model, segments, cache, n_process):
        SEGMENTS.extend(segments)
        return original(model, segments, cache, n_process)
    nlp._parse_segments = timed("spaCy pipeline (all components, incl. tokenizer)", parse_segments)
    if hasattr(nlp, "_join"):
        patch(nlp, "_join", "joining segment parses into one Doc")
    patch(pipeline, "trace_kinds", "numbers: trace_kinds")
    patch(entities, "extract_mentions", "entities: extract_mentions")
    patch(entities, "add_speaker_mentions", "entities: add_speaker_mentions")
    patch(timex, "extract_times", "timex: extract_times")
    patch(claims, "extract_claims", "claims: extract_claims")
    patch(figures, "extract_figures", "figures: extract_figures")
    patch(dating, "of_document", "dating: dated sentences")
    patch(dedup, "signature", "duplicates: MinHash signature")
    patch(documents.Documents, "write_sentences", "SQLite: sentences + day index (sentence_days)")
    patch(documents.Documents, "_insert_items", "SQLite: mentions, times, figures, claims rows")
    patch(documents.Documents, "write_analyses", "SQLite: documents row (+ FTS5 trigger) and lookups")
    patch(ledger_mod.Ledger, "_all_dup_groups", "consolidate: duplicate grouping")
    patch(ledger_mod.Ledger, "_extend_dup_groups", "consolidate: duplicate grouping")
    for method in ("__init__", "add_documents", "finish"):
        patch(aliases.Consolidation, method, "consolidate: entities (aliases)")
    patch(aliases, "source_entities", "consolidate: entities (aliases)")
    patch(aliases, "places_within", "consolidate: entities (aliases)")
    patch(series, "describe_documents", "consolidate: series descriptions")
    patch(ledger_mod.Ledger, "consolidate", "consolidate: other (store reads/writes)")


def component_times(segments: list[str]) -> dict[str, float]:
    from dateline.analyze import nlp

    model = nlp.load()
    for _, proc in model.pipeline:          # caches start empty, as they did in the ingest
        memo = getattr(proc, "memo", None)
        if memo is not None:
            memo.memo, memo.older, memo.lemmas = {}, {}, {}
            memo.ruled, memo._lower_class = {}, {}
            memo.lemmatizer.cache = {}
        if isinstance(getattr(proc, "cache", None), dict):
            proc.cache = {}
    out = {}
    t = time.perf_counter()
    docs = [model.make_doc(s) for s in segments]
    out["tokenizer"] = time.perf_counter() - t
    for name, proc in model.pipeline:
        t = time.perf_counter()
        docs = list(proc.pipe(docs, batch_size=256)) if hasattr(proc, "pipe") else [proc(d) for d in docs]
        out[name] = time.perf_counter() - t
    return out


def main() -> None:
    import speed

    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=1000, help="distinct Timeline17 excerpts")
    ap.add_argument("--cprofile", type=Path, help="also write a cProfile of the ingest here")
    ap.add_argument("--src", type=Path, default=ROOT / "src", help="the dateline package's src/ folder")
    args = ap.parse_args()
    from dateline import Ledger
    from dateline.analyze import nlp

    install()
    with tempfile.TemporaryDirectory() as tmp:
        path, n = speed.t17_corpus(args.n, Path(tmp))
        nlp.load()
        ledger = Ledger(Path(tmp) / "p.db")
        prof = cProfile.Profile() if args.cprofile else None
        start = time.perf_counter()
        if prof:
            prof.enable()
        ledger.ingest([path], workers=1)
        if prof:
            prof.disable()
            prof.dump_stats(args.cprofile)
        total = time.perf_counter() - start
        t = time.perf_counter()
        with ledger.store.transaction():
            ledger.store.db.execute("INSERT INTO documents_fts(documents_fts) VALUES ('rebuild')")
        fts = time.perf_counter() - t
        ledger.close()
    spacy_total = TOTALS.pop("spaCy pipeline (all components, incl. tokenizer)")
    parts = component_times(SEGMENTS)
    scale = spacy_total / sum(parts.values())
    rows = [(f"spaCy {k}", v * scale) for k, v in parts.items()]
    rows += sorted(TOTALS.items(), key=lambda kv: -kv[1])
    rows.append(("rest (ingest loop, lookups, model-free glue)", total - spacy_total - sum(TOTALS.values())))
    import dateline
    print(f"dateline from {Path(dateline.__file__).parent}; pipeline {nlp.load().pipe_names}")
    print(f"{n} articles, {len(SEGMENTS)} segments parsed, ingest {total:.1f} s in one process "
          f"({1000 * total / n:.1f} ms/article); FTS5 rebuild of the written ledger {fts:.2f} s "
          f"(included in the SQLite documents row)")
    print("\n| stage | s | ms/article | share |\n|---|---|---|---|")
    for label, secs in rows:
        print(f"| {label} | {secs:.2f} | {1000 * secs / n:.2f} | {secs / total:.1%} |")


if __name__ == "__main__":
    main()
