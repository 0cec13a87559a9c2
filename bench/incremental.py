"""What a batch of new articles costs a big ledger: analysis of them only, then each cross-article step.

    python bench/incremental.py --db ledger.db --new 500     # a copy of an existing ledger (e.g. after `dateline load`)
    python bench/incremental.py --articles 2000 --new 200    # builds a ledger of invented articles first (cached)

The ledger is copied to a temporary folder (the original is never written). ``--new``
invented articles (``dateline.engines.synthetic``, a different seed, dated inside the
ledger's own period, 10 % wire copies) are ingested into the copy with ``Ledger.ingest``,
which analyses only them and consolidates. Each step is timed apart:

- analysis and writing of the new articles;
- duplicate groups: extended (only articles within a week of the new ones are read),
  then, for comparison, regrouped in full over every stored signature (same result, checked);
- entities (distinct names through Python, mentions in SQLite: recomputed, not extended);
- what is computed on demand from the store afterwards: series, alerts, timeline
  (each article's sentences were dated once, when it was analysed, and indexed by the
  days they name; days are ranked by SQL aggregates and only the best days' sentences
  are read), and for comparison the timeline over every stored sentence in memory.

Times are wall seconds on this machine in one process; ratios compare each extended step
with its full recomputation in the same run.
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))
OUT = ROOT / "bench" / "out"


def build_ledger(n: int) -> Path:
    """A ledger of ``n`` invented articles, ingested as a user would (cached in bench/out)."""
    from dateline import Ledger
    from dateline.engines import synthetic

    path = OUT / f"incremental-{n}.db"
    if path.exists():
        return path
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        source = synthetic.write_jsonl(Path(tmp) / "base.jsonl", n, seed=1)
        partial = path.with_suffix(".partial")
        for suffix in ("", "-wal", "-shm"):
            Path(str(partial) + suffix).unlink(missing_ok=True)
        t0 = time.perf_counter()
        with Ledger(partial) as ledger:
            ledger.ingest([source], workers=2)
            ledger.store.db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        partial.rename(path)
        print(f"built {path.name}: {n:,} articles in {time.perf_counter() - t0:.0f} s", flush=True)
    return path


def timed(label: str, f, *args, **kw):
    t0 = time.perf_counter()
    result = f(*args, **kw)
    seconds = time.perf_counter() - t0
    print(f"  {label:<58} {seconds:>8.2f} s", flush=True)
    return result, seconds


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--db", type=Path, help="an existing ledger (copied, never written)")
    ap.add_argument("--articles", type=int, default=2000, help="without --db: invented articles in the ledger")
    ap.add_argument("--new", type=int, default=200, help="new articles to add")
    ap.add_argument("--workers", type=int, default=1)
    args = ap.parse_args()

    from dateline import Ledger
    from dateline.engines import synthetic

    source_db = args.db or build_ledger(args.articles)
    with tempfile.TemporaryDirectory(prefix="dateline-incremental-") as tmp:
        tmp = Path(tmp)
        db = tmp / "ledger.db"
        shutil.copy(source_db, db)
        for suffix in ("-wal", "-shm"):
            if Path(str(source_db) + suffix).exists():
                shutil.copy(Path(str(source_db) + suffix), Path(str(db) + suffix))
        with Ledger(db) as ledger:
            store = ledger.store
            if store.get_state("needs_consolidation") == "1" or store.get_state("dup_groups") != "complete":
                timed("bring the copy up to date (consolidate once)", ledger.consolidate)
            documents = store.count("documents")
            first, last = (dt.date.fromisoformat(x) for x in
                           store.db.execute("SELECT min(date), max(date) FROM documents").fetchone())
            days = max(1, (last - first).days + 1)
            new_file = tmp / "new.jsonl"
            with new_file.open("w", encoding="utf-8") as f:
                for r in synthetic.articles(args.new, seed=99, start=first, days=days):
                    f.write(json.dumps(dict(r, id="new-" + r["id"])) + "\n")
            print(f"ledger: {documents:,} articles ({first} .. {last}); adding {args.new:,} new ones", flush=True)

            # split consolidate into its steps, to time each
            steps: dict[str, float] = {}
            original = {name: getattr(Ledger, name) for name in ("_extend_dup_groups", "_all_dup_groups")}

            def wrap(name):
                def run(self, *a, **kw):
                    t0 = time.perf_counter()
                    try:
                        return original[name](self, *a, **kw)
                    finally:
                        steps[name] = time.perf_counter() - t0
                return run

            for name in original:
                setattr(Ledger, name, wrap(name))
            consolidate = Ledger.consolidate

            def consolidate_timed(self):
                t0 = time.perf_counter()
                consolidate(self)
                steps["consolidate"] = time.perf_counter() - t0
            Ledger.consolidate = consolidate_timed
            try:
                report, ingest_seconds = timed(f"ingest {args.new} new articles (analysis + write + consolidate)",
                                               ledger.ingest, [new_file], workers=args.workers)
            finally:
                Ledger.consolidate = consolidate
            extend = steps.get("_extend_dup_groups")
            rest = steps["consolidate"] - (extend or steps.get("_all_dup_groups", 0))
            print(f"    of which consolidation {steps['consolidate']:.2f} s: duplicate groups "
                  + (f"extended {extend:.2f} s" if extend is not None else
                     f"in FULL {steps['_all_dup_groups']:.2f} s (not incremental)")
                  + f"; entities and the rest {rest:.2f} s", flush=True)
            assert report.added == args.new, report

            extended = {r[0]: r[1] for r in store.db.execute("SELECT id, dup_group FROM documents")}
            full, full_seconds = timed("duplicate groups regrouped in full, for comparison", ledger._all_dup_groups)
            # articles stored without a signature (e.g. written through the store API) cannot be regrouped
            signed = {d for d, _, _ in store.signatures()}
            same = all(extended[d] == full.get(d) for d in signed)
            print(f"    extended == full: {same}; extended / full time: "
                  f"{(extend or float('nan')) / full_seconds:.3f}", flush=True)
            for name, f in original.items():
                setattr(Ledger, name, f)

            from dateline.consolidate import series as fs

            stored = (store.get_state("figure_series") == fs.DESCRIBED
                      and store.get_state("needs_consolidation") == "0")
            timed(f"series (on demand{', grouped from stored descriptions' if stored else ', described afresh'})",
                  ledger.series)
            timed("alerts (on demand)", ledger.check)
            entries, _ = timed("timeline (on demand, default dates, 1 sentence)", ledger.timeline)
            # the same timeline over every stored sentence in memory (the path a query or an
            # unindexed store takes), for comparison
            from dateline.synthesize import timeline as tl

            everything, _ = timed("  for comparison: read every stored sentence", tl.sentences_from_store, store)
            in_memory, _ = timed("  for comparison: timeline over them in memory", tl.build_timeline, everything)
            print(f"    same timeline both ways: {entries == in_memory} ({len(entries)} days)", flush=True)
            if entries != in_memory:
                raise SystemExit("the store's timeline differs from the in-memory one")
            if not same:
                raise SystemExit("extended duplicate groups differ from a full regrouping")


if __name__ == "__main__":
    main()
