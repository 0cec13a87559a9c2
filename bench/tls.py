"""Timeline17 with the standard TLS protocol (news-tls / tilse), end to end.

    python bench/tls.py                      # all 19 tasks, tilse's Perl ROUGE-1.5.5
    python bench/tls.py --tasks 3            # the first 3 tasks (CI size)
    python bench/tls.py --topics egypt,h1n1  # some topics
    python bench/tls.py --rouge reimpl       # tilse's Python ROUGE (faster, ~0.004 lower here)

Protocol (news-tls experiments/evaluate.py): one task per gold timeline; the input is
every article of the task's topic published between the gold timeline's first and last
date; the system returns as many dates as the gold has (l) and round(mean sentences per
gold date) sentences per date (k), dates restricted to that same range. Nothing else
from the gold is used. Scores: alignment-based ROUGE-1/2 F (many-to-one, date
discount) and Date-F1, averaged as news-tls does (F of the mean P and mean R; the mean
of per-task F is printed too).

Timing: for each task, from reading the files to the timeline (date extraction
included) with ``--workers`` processes; scoring excluded. Wall seconds, and CPU seconds
of all processes (on a loaded machine wall time grows; CPU / workers is the floor).

Needs tilse (``pip install --no-deps tilse==0.2.1 nltk``) and, for the Perl ROUGE,
Debian's ``libxml-parser-perl``. Data: ../shared/benchmarks/tls/t17-raw.

Result (``python bench/tls.py``, 19 tasks, Perl ROUGE; CPU s = all processes):

    system                         AR-1 F  AR-2 F  Date-F1   CPU s/task (max)
    dateline                        0.145   0.055   0.601    2.8 (7.0)
    DATEWISE (news-tls, 2020)       0.120   0.035   0.544
    CHRONOS, 72B LLM (2025)         0.116   0.042   0.522
    full oracle                     0.312   0.128   0.926

With ``--rouge reimpl`` the same run gives about 0.004 less AR-1. The max CPU is the
first task, which also loads spaCy; a bpoil task (1,300-1,450 pages) takes 5-7 CPU s,
3-4 s wall on 2 cores (quiet machine), of which the timeline itself is under 1 s.
"""
from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
sys.path.insert(0, str(ROOT / "src"))
T17 = ROOT.parent / "shared" / "benchmarks" / "tls" / "t17-raw"

PUBLISHED = [  # AR-1 F, AR-2 F, Date-F1 on Timeline17
    ("DATEWISE (news-tls, 2020)", 0.120, 0.035, 0.544),
    ("CHRONOS, 72B LLM (2025)", 0.116, 0.042, 0.522),
    ("full oracle", 0.312, 0.128, 0.926),
    ("target", 0.130, 0.045, 0.600),
]


def parse_args(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--tasks", type=int, default=0, help="only the first N tasks")
    ap.add_argument("--topics", default="",
                    help="comma-separated topics (bpoil,egypt,finan,h1n1,haiti,iraq,libya,mj,syria)")
    ap.add_argument("--rouge", choices=["original", "reimpl"], default="original")
    ap.add_argument("--workers", type=int, default=2, help="processes for date extraction")
    ap.add_argument("--max-sentences", type=int, default=60,
                    help="sentences read per page (T17 pages end in reader comments); 0 = all")
    ap.add_argument("--query", action="store_true", help="keep sentences matching the topic query (CHRONOS's)")
    ap.add_argument("--json", type=Path, default=None, help="write per-task results and timelines here")
    return ap.parse_args(argv)


def main(argv=None) -> int:
    args = parse_args(argv)
    if not T17.exists():
        print(f"skipped: {T17} not found (Timeline17 lives in ../shared beside the project)")
        return 0
    from dateline.synthesize.timeline import build_timeline
    from tls_support import extract, scoring, t17

    try:
        ev = scoring.evaluator(args.rouge)
    except scoring.ScoringUnavailable as e:
        print(f"skipped: {e}")
        return 0
    tasks = list(t17.tasks(T17))
    if args.topics:
        wanted = {t.strip() for t in args.topics.split(",")}
        tasks = [t for t in tasks if t.topic in wanted]
    if args.tasks:
        tasks = tasks[:args.tasks]
    topic_articles: dict[str, list] = {}
    results, rows = [], []
    print(f"{'task':46s} {'l':>4s} {'k':>2s} {'docs':>5s} {'AR-1 F':>7s} {'AR-2 F':>7s} {'Date F1':>7s} "
          f"{'wall s':>6s} {'cpu s':>6s}")
    for task in tasks:
        if task.topic not in topic_articles:
            topic_articles[task.topic] = t17.articles(T17, task.topic)
        articles = [a for a in topic_articles[task.topic] if task.start <= a.published <= task.end]
        started, cpu_started = time.perf_counter(), _cpu_seconds()
        sentences = extract.topic_sentences(articles, workers=args.workers,
                                            max_sentences=args.max_sentences or None)
        entries = build_timeline(sentences, n_dates=task.n_dates, k_sentences=task.k_sentences,
                                 date_from=task.start, date_to=task.end,
                                 query=t17.TOPIC_QUERIES[task.topic] if args.query else None)
        seconds, cpu = time.perf_counter() - started, _cpu_seconds() - cpu_started
        _check_citations(entries, articles)
        predicted: dict = {}
        for e in entries:
            predicted.setdefault(e.date, []).append(e.text)
        r = scoring.score_task(ev, predicted, task.gold)
        r.update(task=task.name, topic=task.topic, seconds=seconds, cpu_seconds=cpu, docs=len(articles))
        results.append(r)
        rows.append({"task": task.name, "timeline": [e.to_json() for e in entries]})
        print(f"{task.name[:46]:46s} {task.n_dates:4d} {task.k_sentences:2d} {len(articles):5d} "
              f"{r['rouge_1']['f_score']:7.3f} {r['rouge_2']['f_score']:7.3f} {r['date']['f_score']:7.3f} "
              f"{seconds:6.1f} {cpu:6.1f}", flush=True)
    avg = scoring.average(results)
    print("-" * 86)
    print(f"{'average (F of mean P, R; as news-tls)':46s} {'':13s}"
          f"{avg['rouge_1']['f_score']:7.3f} {avg['rouge_2']['f_score']:7.3f} {avg['date']['f_score']:7.3f} "
          f"{max(r['seconds'] for r in results):6.1f} {max(r['cpu_seconds'] for r in results):6.1f} max")
    print(f"{'average (mean of per-task F)':46s} {'':13s}"
          f"{avg['rouge_1']['mean_f']:7.3f} {avg['rouge_2']['mean_f']:7.3f} {avg['date']['mean_f']:7.3f} "
          f"{sum(r['seconds'] for r in results) / len(results):6.1f} "
          f"{sum(r['cpu_seconds'] for r in results) / len(results):6.1f} mean")
    for name, r1, r2, d in PUBLISHED:
        print(f"{name:46s} {'':13s}{r1:7.3f} {r2:7.3f} {d:7.3f}")
    print(f"({len(results)} tasks, ROUGE: {args.rouge}, workers: {args.workers}, "
          f"max sentences/page: {args.max_sentences or 'all'}, query: {'topic' if args.query else 'none'})")
    if args.json:
        args.json.write_text(json.dumps({"average": avg, "results": results, "timelines": rows}, default=str,
                                        indent=1))
    return 0


def _cpu_seconds() -> float:
    """CPU time of this process and its finished workers (wall time depends on the machine's load)."""
    import resource

    own, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + kids.ru_utime + kids.ru_stime


def _check_citations(entries, articles) -> None:
    """Every line must be the exact text at its cited span; other evidence, exact copies of it."""
    from dateline.synthesize.events import normalized

    by_id = {a.id: a for a in articles}
    texts: dict = {}
    for e in entries:
        for i, span in enumerate(e.evidence):
            if span.doc not in texts:
                texts[span.doc] = by_id[span.doc].text()
            cited = texts[span.doc][span.start:span.end]
            if cited != e.text if i == 0 else normalized(cited) != normalized(e.text):
                raise AssertionError(f"{span} does not hold the line {e.text[:60]!r}")


if __name__ == "__main__":
    sys.exit(main())
