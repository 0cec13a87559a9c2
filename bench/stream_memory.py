"""Memory while reading a very large JSON Lines input: it should stay flat.

    python bench/stream_memory.py              # 100 MB and 1 GB inputs
    python bench/stream_memory.py --mb 50 200  # other sizes

For each size, a JSON Lines file of invented articles (about 5 KB each) is
written to a temporary folder, then read in a fresh subprocess through
``dateline.ingest.read_inputs`` — decoding, JSON parsing, validation, ids and
content hashes, exactly what ``dateline ingest`` does before analysis — and the
subprocess reports its peak resident memory. Analysis itself works on batches of
``--batch-size`` articles, whose memory ``bench/speed.py`` measures.
"""
from __future__ import annotations

import argparse
import json
import random
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
WORDS = ("the river rose again near the town as rescuers searched for people missing after the floods "
         "officials said at least people were killed and many more injured while aid convoys waited").split()


def make_file(path: Path, megabytes: int) -> int:
    rng = random.Random(megabytes)
    target = megabytes * 1024 * 1024
    written = n = 0
    with path.open("w", encoding="utf-8") as out:
        while written < target:
            text = " ".join(rng.choice(WORDS) for _ in range(850)) + "."
            line = json.dumps({"id": f"a{n}", "date": f"2024-03-{1 + n % 28:02d}", "title": f"Report {n}",
                               "text": text}) + "\n"
            out.write(line)
            written += len(line)
            n += 1
    return n


def child(path: Path) -> None:
    sys.path.insert(0, str(ROOT / "src"))
    from dateline.ingest.sources import read_inputs
    from dateline.records import Document

    start = time.perf_counter()
    docs = problems = 0
    hashes = set()
    for item in read_inputs([path]):
        if isinstance(item, Document):
            docs += 1
            hashes.add(item.content_hash)       # ingest keeps (id, hash) per article to catch duplicates
        else:
            problems += 1
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"docs": docs, "problems": problems, "seconds": time.perf_counter() - start, "peak_mb": peak}))


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--mb", type=int, nargs="+", default=[100, 1024])
    ap.add_argument("--child", type=Path)
    args = ap.parse_args()
    if args.child:
        child(args.child)
        return
    print(f"{'input MB':>9} {'articles':>9} {'seconds':>8} {'peak RSS MB':>12}")
    with tempfile.TemporaryDirectory() as tmp:
        for mb in args.mb:
            path = Path(tmp) / f"in_{mb}.jsonl"
            make_file(path, mb)
            out = subprocess.run([sys.executable, __file__, "--child", str(path)], check=True, capture_output=True,
                                 text=True)
            r = json.loads(out.stdout.strip().splitlines()[-1])
            print(f"{mb:>9} {r['docs']:>9} {r['seconds']:>8.1f} {r['peak_mb']:>12.0f}")
            path.unlink()


if __name__ == "__main__":
    main()
