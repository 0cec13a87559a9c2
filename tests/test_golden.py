"""The golden snapshot (tests/golden/snapshot.py): what analyze extracts from our own texts, and digests
of its output and of check/series/timeline on the dev ledger, stay byte-identical unless a change means
to alter them (then: ``python tests/golden/snapshot.py --update``, said in the commit)."""
from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent / "golden"))


def test_golden_snapshot_is_unchanged():
    import snapshot

    problems = snapshot.compare()
    assert not problems, "\n".join(problems[:20]) + f"\n({len(problems)} differences)"
