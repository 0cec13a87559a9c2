"""Regression guard on the real-news dev gold in ../shared (skipped, saying why, when it is absent).

The thresholds are the targets of the core-ledger issue, not today's scores: a change that
drops extraction quality below a target fails here, before anyone runs the benchmarks.
The scoring code is the benchmarks' own (bench/figures_quality.py, claims_quality.py,
alerts_quality.py), so the two cannot drift apart.
"""
from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"
CORPUS = SHARED / "corpus"

pytestmark = pytest.mark.skipif(not (CORPUS / "dev.jsonl").exists(),
                                reason=f"{CORPUS} not found: the dev corpus lives in ../shared beside the project")
sys.path.insert(0, str(ROOT / "bench"))


@pytest.fixture(scope="module")
def figure_metrics():
    import figures_quality

    docs, gold = figures_quality.load_corpus()
    return figures_quality.evaluate(docs, gold, figures_quality.analyse(docs))


def test_figures_meet_the_targets(figure_metrics):
    assert figure_metrics["named measures"] >= 0.90, figure_metrics
    assert figure_metrics["named, cumulative"] >= 0.90, figure_metrics
    assert figure_metrics["qualifier"] >= 0.95, figure_metrics
    assert figure_metrics["source"] >= 0.85, figure_metrics
    assert figure_metrics["as_of"] >= 0.90, figure_metrics


@pytest.mark.skipif(not (SHARED / "seeds").exists(), reason="../shared/seeds not found")
def test_every_seed_expectation_holds():
    import figures_quality

    failed = [name for name, ok in figures_quality.seed_checks() if not ok]
    assert not failed, failed


def test_claims_meet_the_targets():
    import claims_quality

    result = claims_quality.run_dev(filtered=True, verbose=False)
    assert result["f1"] >= 0.85 and result["speaker"] >= 0.90, (result["f1"], result["speaker"])


@pytest.mark.skipif(not (SHARED / "seeds").exists(), reason="../shared/seeds not found")
def test_alerts_find_the_cases_read_by_hand_without_false_alarms(tmp_path):
    import alerts_quality

    from dateline import Ledger

    with Ledger(tmp_path / "dev.db") as ledger:
        ledger.ingest([SHARED / "seeds", CORPUS / "dev.jsonl"])
        alerts = ledger.check()
        n_figures = ledger.store.count("figures")
    found = {(a.point.doc, int(a.point.value)) for a in alerts}
    wanted = {(doc, value) for doc, value, _, _ in alerts_quality.CASES}
    false = found - wanted
    assert len(false) <= 0.05 * n_figures, sorted(false)
    assert len(found & wanted) >= len(wanted) / 2, sorted(wanted - found)


@pytest.mark.skipif(not (SHARED / "benchmarks" / "tempeval3").exists(), reason="../shared/benchmarks/tempeval3 not found")
def test_time_values_beat_heideltime_on_tempeval3_platinum():
    import tempeval

    docs = tempeval.load_set("platinum")
    assert docs, "no TempEval-3 platinum documents read"
    counts, _ = tempeval.evaluate(docs)
    value_f1 = dict((name, f) for name, _, _, f in tempeval.report(counts))["value"]
    assert value_f1 > 0.776, value_f1          # HeidelTime's value F1 there
