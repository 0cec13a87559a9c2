"""Scoring as news-tls' experiments/evaluate.py does it, with tilse's evaluation.

Per task: alignment-based ROUGE-1/2 (``align_date_content_costs_many_to_one``, tilse's
Perl ROUGE-1.5.5 with stemming and stopword removal) and date P/R/F1. Averages: as
news-tls, precision and recall are averaged over tasks and F is computed from the
averages; the mean of the per-task F scores is given too.
"""
from __future__ import annotations

import datetime as dt
import shutil
from typing import Iterable


class ScoringUnavailable(RuntimeError):
    pass


def evaluator(rouge: str = "original"):
    """tilse's evaluator; ``original`` needs Perl with XML::Parser (Debian: libxml-parser-perl)."""
    try:
        from tilse.evaluation import rouge as tilse_rouge
    except ImportError as e:
        raise ScoringUnavailable(f"tilse is not installed (pip install --no-deps tilse==0.2.1 nltk): {e}")
    if rouge == "original":
        import subprocess

        if shutil.which("perl") is None:
            raise ScoringUnavailable("perl not found (tilse's ROUGE-1.5.5 is a Perl script)")
        probe = subprocess.run(["perl", "-MXML::Parser", "-e", "1"], capture_output=True)
        if probe.returncode != 0:
            raise ScoringUnavailable("Perl XML::Parser missing: apt-get install -y libxml-parser-perl")
    return tilse_rouge.TimelineRougeEvaluator(measures=["rouge_1", "rouge_2"], rouge_computation=rouge)


def date_scores(predicted: Iterable[dt.date], gold: Iterable[dt.date]) -> dict:
    pred, ref = set(predicted), set(gold)
    shared = len(pred & ref)
    p = shared / len(pred) if pred else 0.0
    r = shared / len(ref) if ref else 0.0
    return {"precision": p, "recall": r, "f_score": 2 * p * r / (p + r) if p + r else 0.0}


def score_task(ev, predicted: dict[dt.date, list[str]], gold: dict[dt.date, list[str]]) -> dict:
    from tilse.data.timelines import GroundTruth, Timeline

    pred_tl, gold_tl = Timeline(predicted), Timeline(gold)
    if predicted:
        rouge = ev.evaluate_align_date_content_costs_many_to_one(pred_tl, GroundTruth([gold_tl]))
    else:
        zero = {"precision": 0.0, "recall": 0.0, "f_score": 0.0}
        rouge = {"rouge_1": dict(zero), "rouge_2": dict(zero)}
    return {"rouge_1": rouge["rouge_1"], "rouge_2": rouge["rouge_2"], "date": date_scores(predicted, gold)}


def average(results: list[dict]) -> dict:
    """news-tls' get_average_results (F of mean P and mean R), plus the mean of per-task F."""
    out = {}
    n = len(results) or 1
    for key in ("rouge_1", "rouge_2", "date"):
        p = sum(r[key]["precision"] for r in results) / n
        rec = sum(r[key]["recall"] for r in results) / n
        out[key] = {"precision": p, "recall": rec, "f_score": 2 * p * rec / (p + rec) if p + rec else 0.0,
                    "mean_f": sum(r[key]["f_score"] for r in results) / n}
    return out
