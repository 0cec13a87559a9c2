"""Scale-out throughput and memory: local vs Dask engines, 1 vs 2 workers, a large synthetic run, CC-NEWS estimate.

    python bench/scale.py                          # dev corpus x5, both engines, 1 and 2 workers; 2,000 synthetic
    python bench/scale.py --copies 2 --articles 200          # a quick run (CI size)
    python bench/scale.py --skip-throughput --articles 100000 --engine dask --workers 2   # the 100k run
    python bench/scale.py --per-article 0.25 --skip-throughput --articles 0               # only the estimate
    python bench/scale.py --consolidation-of /data/ledger.parquet   # only consolidation of a kept ledger

Every measurement runs ``analyze_to_parquet`` in a fresh subprocess, so peak memory is
that run's own: the client's (reading, batching, consolidation) and each worker's
(reported by the workers themselves from ``getrusage``). Wall time includes starting
the workers and loading spaCy in each; ``cpu/article`` is the processor time workers
spent in their tasks (analysis + MinHash + writing Parquet; ``time.process_time``, so
other jobs on the machine do not inflate it) per article, the figure the CC-NEWS
estimate scales from. The synthetic run then times the two consolidation
steps over the Parquet apart: duplicate groups (DuckDB LSH) and entities (distinct
names through Python, mentions in DuckDB; bounded by ``--entity-timeout``).
``--consolidation-of DIR`` times only those two steps on a kept ledger (``--keep``).

Throughput uses the dev corpus (``../shared/corpus/dev.jsonl``, real articles, skipped
with a message when absent), repeated with distinct ids, each copy dated a day later
(so no batch holds two copies) and the per-process cache of parsed sentences turned
off, so repetition does not flatter the numbers. The synthetic
run uses invented articles from :mod:`dateline.engines.synthetic` (about 2,300
characters, 10 % wire copies).
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DEV = ROOT.parent / "shared" / "corpus" / "dev.jsonl"
sys.path.insert(0, str(ROOT / "src"))

# CC-NEWS size: Infini-News (Lazzaroni, Lasser, Solovev; arXiv 2605.18337, May 2026) processed the whole
# CC-NEWS archive, August 2016 to early 2026: about 1.35 billion articles in ~9.5 years, ~140 million a year,
# all languages. dateline's model is English-only; the English share is assumed to be about 40 %.
CCNEWS_ARTICLES_PER_YEAR = 140_000_000
ENGLISH_SHARE = 0.40


def dev_copies(copies: int, path: Path) -> int:
    import datetime as dt

    rows = [json.loads(line) for line in DEV.read_text(encoding="utf-8").splitlines() if line.strip()]
    with path.open("w", encoding="utf-8") as f:
        for i in range(copies):
            for r in rows:
                # copy i is dated i days later: tasks batch by day, and a batch parses a repeated sentence once,
                # so copies sharing a day would flatter the speed
                day = dt.date.fromisoformat(str(r["date"])[:10]) + dt.timedelta(days=i)
                r2 = dict(r, id=f"{r['id']}-copy{i}", date=day.isoformat())
                r2.pop("dup_of", None)
                f.write(json.dumps(r2) + "\n")
    return copies * len(rows)


def measure(engine: str, workers: int, source: str, out: str, cache_size: int, batch_size: int,
            consolidate: bool, entity_timeout: int) -> dict:
    """Runs in the measuring subprocess: analysis, then (optionally) each consolidation step, timed apart."""
    from dateline.engines import analyze_to_parquet
    from dateline.engines.tasks import peak_rss_bytes

    r = analyze_to_parquet([source], out, engine=engine, workers=workers, cache_size=cache_size,
                           batch_size=batch_size, consolidate=False)
    result = {"analysed": r.analysed, "seconds": r.seconds, "workers": r.workers, "errors": len(r.errors),
              "client_peak_rss": peak_rss_bytes()}
    if consolidate:
        result.update(consolidation(out, entity_timeout))
    return result


def consolidation(out: str, entity_timeout: int, duplicates: bool = True) -> dict:
    """The two consolidation steps over a Parquet ledger, timed apart (in the measuring subprocess)."""
    import signal

    from dateline.engines import consolidate as steps
    from dateline.engines.tasks import peak_rss_bytes
    from dateline.ingest import dedup

    result = {}
    con = steps._connect()
    steps._latest_documents(con, out)
    if duplicates:
        t0 = time.perf_counter()
        groups, _ = steps.dup_groups(con, out)
        result["dup_seconds"] = time.perf_counter() - t0
        result["dup_groups"] = len(set(groups.values()))
        # candidates as dup_groups forms them: same band, published within the week window
        result["candidate_pairs"] = con.execute(
            "SELECT count(*) FROM (SELECT DISTINCT x.doc, y.doc FROM bands x JOIN bands y ON x.b = y.b "
            "AND x.key = y.key AND x.doc < y.doc AND abs(date_diff('day', x.day, y.day)) <= ?)",
            [dedup.WINDOW_DAYS]).fetchone()[0]
        result["client_peak_rss_after_duplicates"] = peak_rss_bytes()

    def give_up(*_):
        raise TimeoutError

    signal.signal(signal.SIGALRM, give_up)
    signal.alarm(entity_timeout)
    t0 = time.perf_counter()
    try:
        found, _ = steps.entities(con, out)
        result["entities"] = len(found)
    except TimeoutError:
        result["entities"] = None
    finally:
        signal.alarm(0)
    result["entity_seconds"] = time.perf_counter() - t0
    result["client_peak_rss_consolidated"] = peak_rss_bytes()
    result["documents"] = con.execute("SELECT count(*) FROM docs").fetchone()[0]
    return result


def run_one(engine: str, workers: int, source: Path, out: Path, cache_size: int, batch_size: int,
            consolidate: bool = False, entity_timeout: int = 300) -> dict:
    """One measurement in a fresh process, so peak memory is that run's own."""
    args = json.dumps([engine, workers, str(source), str(out), cache_size, batch_size, consolidate, entity_timeout])
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
    started = time.perf_counter()
    proc = subprocess.run([sys.executable, __file__, "--measure", args], capture_output=True, text=True, env=env)
    if proc.returncode != 0:
        raise SystemExit(f"run failed ({engine}, {workers}):\n{proc.stderr[-3000:]}")
    result = json.loads(proc.stdout.strip().splitlines()[-1])
    result.update(engine=engine, n_workers=workers, process_seconds=time.perf_counter() - started)
    worker_cpu = sum(w.get("cpu_seconds", w["seconds"]) for w in result["workers"].values())
    result["cpu_per_article"] = worker_cpu / max(1, result["analysed"])
    result["worker_peak_rss"] = max((w["peak_rss"] for w in result["workers"].values()), default=0)
    return result


def mib(n: float) -> str:
    return f"{n / 2**20:,.0f} MiB"


def show(label: str, r: dict) -> None:
    rate = r["analysed"] / r["seconds"] if r["seconds"] else 0
    print(f"{label:<22} {r['engine']:<6} {r['n_workers']:>2} workers  {r['analysed']:>7,} articles  "
          f"{r['seconds']:>8.1f} s wall  {rate:>6.1f} articles/s  {r['cpu_per_article'] * 1000:>6.0f} ms cpu/article  "
          f"worker peak {mib(r['worker_peak_rss'])}  client peak {mib(r['client_peak_rss'])}", flush=True)
    if "dup_seconds" in r:
        if "client_peak_rss_consolidated" in r:
            print(f"{'':<22} client peak after consolidation {mib(r['client_peak_rss_consolidated'])}", flush=True)
        entities = (f"{r['entities']:,} entities in {r['entity_seconds']:.0f} s" if r["entities"] is not None
                    else f"entities NOT finished within {r['entity_seconds']:.0f} s")
        print(f"{'':<22} consolidation over Parquet: {r['candidate_pairs']:,} LSH candidate pairs, "
              f"{r['dup_groups']:,} duplicate groups in {r['dup_seconds']:.1f} s; {entities}", flush=True)


def estimate(per_article: float, label: str) -> None:
    english = CCNEWS_ARTICLES_PER_YEAR * ENGLISH_SHARE
    print(f"\nCC-NEWS, one year: ~{CCNEWS_ARTICLES_PER_YEAR / 1e6:.0f} M articles (all languages; Infini-News, "
          f"arXiv 2605.18337), ~{english / 1e6:.0f} M English (assumed {ENGLISH_SHARE:.0%})")
    print(f"per-article cost {per_article * 1000:.0f} ms of one core ({label}); "
          "ideal scaling, reading WARC and network not counted:")
    for n in (2, 16, 64, 256, 1024):
        days = english * per_article / n / 86400
        print(f"  {n:>5} workers: {days:>8.1f} days  ({days * 24:,.0f} h)")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--copies", type=int, default=5, help="dev corpus repetitions for the throughput runs")
    ap.add_argument("--engines", nargs="+", default=["local", "dask"])
    ap.add_argument("--worker-counts", nargs="+", type=int, default=[1, 2])
    ap.add_argument("--articles", type=int, default=2000, help="synthetic articles (0: none)")
    ap.add_argument("--engine", default="dask", help="engine of the synthetic run")
    ap.add_argument("--workers", type=int, default=2, help="workers of the synthetic run")
    ap.add_argument("--batch-size", type=int, default=32)
    ap.add_argument("--skip-throughput", action="store_true")
    ap.add_argument("--per-article", type=float, help="per-article seconds for the estimate (default: measured)")
    ap.add_argument("--keep", type=Path, help="keep the synthetic Parquet output in this directory")
    ap.add_argument("--entity-timeout", type=int, default=300, help="seconds allowed for entity consolidation")
    ap.add_argument("--consolidation-of", type=Path, metavar="DIR",
                    help="only time consolidation (duplicates, entities) of an existing Parquet ledger, "
                         "e.g. a --keep one")
    ap.add_argument("--skip-duplicates", action="store_true", help="with --consolidation-of: entities only")
    ap.add_argument("--measure-consolidation", action="store_true", help=argparse.SUPPRESS)
    ap.add_argument("--measure", help=argparse.SUPPRESS)       # internal: one measurement, in a subprocess
    args = ap.parse_args()
    if args.measure:
        print(json.dumps(measure(*json.loads(args.measure))))
        return
    if args.consolidation_of:
        if args.measure_consolidation:
            print(json.dumps(consolidation(str(args.consolidation_of), args.entity_timeout,
                                           duplicates=not args.skip_duplicates)))
            return
        # a fresh process, so its peak memory is consolidation's alone
        proc = subprocess.run([sys.executable, __file__, "--consolidation-of", str(args.consolidation_of),
                               "--entity-timeout", str(args.entity_timeout), "--measure-consolidation"]
                              + (["--skip-duplicates"] if args.skip_duplicates else []),
                              capture_output=True, text=True, env=dict(os.environ, PYTHONPATH=str(ROOT / "src")))
        if proc.returncode != 0:
            raise SystemExit(f"consolidation failed:\n{proc.stderr[-3000:]}")
        r = json.loads(proc.stdout.strip().splitlines()[-1])
        entities = (f"{r['entities']:,} entities in {r['entity_seconds']:.0f} s" if r["entities"] is not None
                    else f"entities NOT finished within {r['entity_seconds']:.0f} s")
        dups = (f"{r['candidate_pairs']:,} LSH candidate pairs, {r['dup_groups']:,} duplicate groups in "
                f"{r['dup_seconds']:.1f} s (peak memory then {mib(r['client_peak_rss_after_duplicates'])}); "
                if "dup_seconds" in r else "")
        print(f"consolidation of {args.consolidation_of} ({r['documents']:,} documents): {dups}{entities}; "
              f"peak memory {mib(r['client_peak_rss_consolidated'])}")
        return

    per_article, label = args.per_article, "given"
    with tempfile.TemporaryDirectory(prefix="dateline-scale-") as tmp:
        tmp = Path(tmp)
        if not args.skip_throughput:
            if not DEV.exists():
                print(f"skipped throughput: {DEV} not found (the dev corpus lives in ../shared beside the project)")
            else:
                n = dev_copies(args.copies, tmp / "dev.jsonl")
                print(f"throughput: dev corpus x{args.copies} = {n} articles, sentence cache off")
                for engine in args.engines:
                    for workers in args.worker_counts:
                        r = run_one(engine, workers, tmp / "dev.jsonl", tmp / f"dev-{engine}-{workers}", 0,
                                    args.batch_size)
                        show("dev corpus", r)
                        if per_article is None and workers == 1 and engine == "local":
                            per_article, label = r["cpu_per_article"], "measured: dev corpus, local engine, 1 worker"
        if args.articles:
            from dateline.engines import synthetic

            source = tmp / "synthetic.jsonl"
            t0 = time.perf_counter()
            synthetic.write_jsonl(source, args.articles, seed=1)
            print(f"\nsynthetic: {args.articles:,} invented articles ({source.stat().st_size / 2**20:,.0f} MiB JSONL, "
                  f"generated in {time.perf_counter() - t0:.0f} s)")
            out = args.keep or tmp / "synthetic.parquet"
            r = run_one(args.engine, args.workers, source, out, 4096, args.batch_size, consolidate=True,
                        entity_timeout=args.entity_timeout)
            show("synthetic", r)
            if per_article is None:
                per_article, label = r["cpu_per_article"], "measured: synthetic articles"
    if per_article:
        estimate(per_article, label)


if __name__ == "__main__":
    main()
