"""All quality figures of the core ledger in one run, each from its own benchmark script.

    python bench/quality.py            # dev figures + claims gold, alerts, news streams, PolNeAR dev,
                                       # TempEval-3 platinum
    python bench/quality.py --quick    # skip PolNeAR and TempEval (the slow ones)

Each part runs as ``bench/<script>.py`` in a subprocess and its output is shown
as is; see each script's docstring for what it measures and how.
"""
from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
PARTS = [
    ("figures vs dev gold (../shared/corpus)", ["figures_quality.py"]),
    ("claims vs dev gold, and PolNeAR dev", ["claims_quality.py"]),
    ("alerts vs the cases found by reading", ["alerts_quality.py"]),
    ("figures and alerts on unseen news streams (../shared/streams)", ["streams_quality.py"]),
    ("time expressions, TempEval-3 platinum", ["tempeval.py"]),
]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--quick", action="store_true", help="skip PolNeAR and TempEval-3")
    args = ap.parse_args()
    for title, cmd in PARTS:
        if args.quick and cmd[0] == "tempeval.py":
            continue
        if args.quick and cmd[0] == "claims_quality.py":
            cmd = cmd + ["--skip-polnear"]
        print(f"\n=== {title}: bench/{' '.join(cmd)}", flush=True)
        start = time.perf_counter()
        result = subprocess.run([sys.executable, str(HERE / cmd[0]), *cmd[1:]])
        print(f"--- {time.perf_counter() - start:.0f} s, exit {result.returncode}", flush=True)


if __name__ == "__main__":
    main()
