"""The scoring of bench/streams_quality.py (and the place rule it shares with figures_quality.py).

The scoring tests use small inputs written here; the end-to-end run reads ../shared/streams and
is skipped, saying why, when it is absent (it takes about 10 s).
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

import figures_quality  # noqa: E402
import streams_quality as sq  # noqa: E402
from figures_quality import place_match  # noqa: E402


# --- place rule -------------------------------------------------------------------------------

@pytest.mark.parametrize("pred, gold", [
    ("Wajima", "Wajima, Ishikawa"),
    ("Ishikawa", "Wajima, Ishikawa"),
    ("Ishikawa Prefecture", "Wajima, Ishikawa"),
    ("wajima, ishikawa", "Wajima, Ishikawa"),
    ("Bangkok", "Bangkok, Thailand"),
    ("Thailand", "Bangkok, Thailand"),
    ("Bangkok", "Bangkok (State Audit Office building site), Thailand"),
    ("Buncombe County", "Buncombe County, North Carolina"),
    ("Buncombe", "Buncombe County, North Carolina"),
    ("North Carolina", "Buncombe County, North Carolina"),
    ("the Gaza Strip", "Gaza"),
    ("Gaza Strip", "Gaza"),
    ("GAZA", "Gaza"),
    ("Gaza", "Rafah, Gaza"),
    ("Toyama", "Ishikawa, Toyama and Niigata"),
    ("Japan", "Japan (seven prefectures)"),
    (None, "US Southeast (multi-state)"),
    ("United States", "US Southeast (multi-state)"),
    ("U.S.", "US Southeast (multi-state)"),
    ("the Southeast", "US Southeast (multi-state)"),
    (None, None),
])
def test_place_matches(pred, gold):
    assert place_match(pred, gold)


@pytest.mark.parametrize("pred, gold", [
    ("Rafah", "Gaza"),                                  # more specific than the gold: another count
    ("Gaza City", "Gaza"),
    ("Japan", "Wajima, Ishikawa"),                      # a country the gold does not name
    ("Suzu", "Wajima, Ishikawa"),
    ("Tennessee", "Georgia"),
    ("North Carolina", "US Southeast (multi-state)"),   # one state is not the multi-state total
    ("Israel", "Gaza"),
    (None, "Gaza"),
    ("Gaza", None),                                     # gold None only by None
    ("Palestine", "Gaza"),
])
def test_place_mismatches(pred, gold):
    assert not place_match(pred, gold)


def test_strict_place_wants_the_most_specific_name():
    assert place_match("Wajima", "Wajima, Ishikawa", strict=True)
    assert not place_match("Ishikawa", "Wajima, Ishikawa", strict=True)
    assert place_match("Gaza", "Gaza", strict=True)


def test_figures_quality_scores_missing_as_a_named_measure():
    assert "missing" in figures_quality.NAMED and "other" not in figures_quality.NAMED
    assert sq.NAMED is figures_quality.NAMED


# --- figures ----------------------------------------------------------------------------------

def fig(doc, measure, value, scope="cumulative", **kw):
    row = {"id": f"{doc}#{measure}{value}", "doc": doc, "measure": measure, "value": value, "scope": scope,
           "qualifier": "exact", "source": None, "as_of": "2024-01-02", "sentence": ""}
    row.update(kw)
    return row


def gold(doc, measure, value, scope="cumulative", **kw):
    row = {"doc": doc, "measure": measure, "value": value, "scope": scope, "qualifier": "exact", "source": None,
           "as_of": "2024-01-02", "quote": "", "place": "Gaza"}
    row.update(kw)
    return row


def test_figure_precision_recall_and_the_cumulative_restriction():
    pred = [fig("a", "killed", 10), fig("a", "killed", 10.0),          # one key
            fig("a", "wounded", 20, scope="incident"),
            fig("b", "killed", 5),                                      # false positive
            fig("b", "other", 7)]                                       # not a named measure: ignored
    gl = [gold("a", "killed", 10), gold("a", "wounded", 20), gold("a", "missing", 3),
          gold("b", "other", 7)]
    out = sq.score_figures(pred, gl)
    f = out["figures"]
    assert (f["tp"], f["pred"], f["gold"]) == (2, 3, 3)             # missing counts in the gold
    assert f["p"] == pytest.approx(2 / 3) and f["r"] == pytest.approx(2 / 3) and f["f1"] == pytest.approx(2 / 3)
    c = out["cumulative"]                                              # wounded 20 is incident on one side
    assert (c["tp"], c["pred"], c["gold"]) == (1, 2, 3)
    assert c["f1"] == pytest.approx(2 * 0.5 * (1 / 3) / (0.5 + 1 / 3))
    assert out["miss_kinds"]["missing measure"] == 1
    assert [r["value"] for r, _ in out["false_positives"]] == [5]


def test_miss_and_false_positive_kinds_see_a_wrong_measure():
    out = sq.score_figures([fig("a", "killed", 57035)], [gold("a", "wounded", 57035)])
    assert out["miss_kinds"]["measure"] == 1 and out["fp_kinds"]["measure"] == 1
    assert out["misses"][0][1] == ["killed"] and out["false_positives"][0][1] == ["wounded"]


# --- attributes -------------------------------------------------------------------------------

def test_attributes_use_the_mention_in_the_gold_quote_and_read_place_when_there_is_one():
    quote = "The toll rose to 100 in Gaza, the ministry said."
    pred = [fig("a", "killed", 100, sentence="Earlier 100 died.", source=None, as_of="2024-01-01",
                scope="incident"),
            fig("a", "killed", 100, sentence="Headline. " + quote, source="health ministry", place="Gaza Strip")]
    gl = [gold("a", "killed", 100, quote=quote, source="Gaza Health Ministry"),
          gold("a", "killed", 7, scope="incident")]                      # not cumulative: not scored
    out = sq.score_attributes(pred, gl)
    assert out["n"] == 1 and out["place_exported"]
    assert out["acc"] == pytest.approx({"place": 1.0, "place_strict": 1.0, "source": 1.0, "as_of": 1.0,
                                        "scope": 1.0, "series_place": 0.0, "scope_all_rows": 1.0,
                                        "place_any_scope": 1.0, "source_any_scope": 1.0, "as_of_any_scope": 1.0})
    assert out["n_any_scope"] == 1


def test_attributes_of_any_scope_count_the_rows_a_running_toll_column_leaves_out():
    pred = [fig("a", "killed", 100, place="Gaza"), fig("b", "killed", 5, place="Cairo", scope="incident")]
    gl = [gold("a", "killed", 100, place="Gaza"), gold("b", "killed", 5, place="Suez", scope="incident")]
    out = sq.score_attributes(pred, gl)
    assert out["n"] == 1 and out["acc"]["place"] == 1.0                  # the running toll alone
    assert out["n_any_scope"] == 2 and out["acc"]["place_any_scope"] == pytest.approx(0.5)


def test_attributes_without_an_exported_place_score_none_against_the_gold():
    pred = [fig("a", "killed", 100), fig("b", "killed", 5, as_of="2024-01-01", scope="period")]
    gl = [gold("a", "killed", 100, place="Gaza"), gold("b", "killed", 5, place="US Southeast (multi-state)")]
    out = sq.score_attributes(pred, gl, series_place={"a#killed100": "palestine"})
    assert not out["place_exported"]
    assert out["acc"]["place"] == pytest.approx(0.5)                   # only the multi-state row
    assert out["acc"]["as_of"] == pytest.approx(0.5) and out["acc"]["scope"] == pytest.approx(0.5)
    assert out["n_in_series"] == 1 and out["acc"]["series_place"] == 0.0
    assert [g["doc"] for g, _, _ in out["wrong"]["place"]] == ["a"]


# --- alerts -----------------------------------------------------------------------------------

def alert(figure, doc, value, type_="stale", series=None):
    return {"figure": figure, "doc": doc, "value": value, "type": type_, "explanation": "x", "series": series}


def test_alerts_match_through_the_figure_id_and_count_each_key_once():
    figs = [fig("a", "killed", 100), fig("a", "killed", 50), fig("c", "wounded", 9)]
    gold_alerts = [
        {"doc": "a", "measure": "killed", "value": 100, "type": "revision", "expected": "required"},
        {"doc": "b", "measure": "killed", "value": 42, "type": "regression", "expected": "required"},
        {"doc": "c", "measure": "wounded", "value": 9, "type": "conflict", "expected": "acceptable"},
        {"doc": "z", "measure": "killed", "value": 1, "type": "stale", "expected": "required"},   # not in this run
    ]
    alerts = [alert("a#killed100", "a", 100, "stale"), alert("a#killed100", "a", 100, "conflict"),
              alert("a#killed50", "a", 50),                                     # false
              alert("c#wounded9", "c", 9, "conflict"),
              alert("gone", "a", 50, series="s1")]                              # through the series' measure
    out = sq.score_alerts(alerts, figs, gold_alerts, {"a", "b", "c"}, series_measure={"s1": "killed"})
    assert out["alerts"] == 5 and out["keys"] == 3 and out["true_keys"] == 2 and out["false_keys"] == 1
    assert out["precision"] == pytest.approx(2 / 3)
    assert out["raw_precision"] == pytest.approx(3 / 5)
    assert out["required"] == 2 and out["required_hit"] == 1 and out["recall"] == pytest.approx(0.5)
    assert [g["doc"] for g in out["missed_required"]] == ["b"]
    assert out["type_agree"] == 1                                           # c's conflict; a's revision not
    assert out["acceptable_hit"] == 1
    assert out["false_types"] == {"stale": 2}


def test_alert_measure_must_agree_and_recall_is_undefined_without_required_rows():
    figs = [fig("a", "other", 351)]
    gold_alerts = [{"doc": "a", "measure": "missing", "value": 351, "type": "conflict", "expected": "acceptable"}]
    out = sq.score_alerts([alert("a#other351", "a", 351, "conflict")], figs, gold_alerts, {"a"})
    assert out["precision"] == 0.0 and out["recall"] is None
    empty = sq.score_alerts([], figs, gold_alerts, {"a"})
    assert empty["precision"] == 0.0 and empty["keys"] == 0


def test_summary_prints_every_run_and_na_for_undefined_recall(capsys):
    run = sq.Run("noto2024", {"a"}, figures=[fig("a", "killed", 1)], alerts=[])
    res = sq.score_run(run, [gold("a", "killed", 1)], [])
    sq.print_run(res, verbose=True)
    sq.print_summary([res])
    out = capsys.readouterr().out
    assert "noto2024" in out and "n/a" in out and ">= 0.92" in out
    assert sq.summary_row(res)["figures_f1"] == 1.0


def test_skips_with_a_message_without_the_streams(tmp_path, monkeypatch, capsys):
    monkeypatch.setattr(sq, "STREAMS", tmp_path / "nowhere")
    assert sq.main([]) == 0
    assert "skipped" in capsys.readouterr().out


# --- the real run -------------------------------------------------------------------------------

@pytest.mark.skipif(not (sq.STREAMS / "corpus.jsonl").exists(),
                    reason=f"{sq.STREAMS} not found: the streams live in ../shared beside the project")
def test_the_bench_runs_on_the_streams(tmp_path, capsys):
    out = tmp_path / "m.json"
    assert sq.main(["--json", str(out)]) == 0
    metrics = json.loads(out.read_text())
    assert set(metrics["runs"]) == set(sq.STORIES) | {"all"}
    for name, row in metrics["runs"].items():
        for k in ("figures_f1", "cumulative_f1", "place", "source", "as_of", "scope", "alert_p"):
            assert 0.0 <= row[k] <= 1.0, (name, k, row[k])
        assert row["matched_cumulative"] > 0, name
    assert metrics["runs"]["all"]["required"] == 10
    text = capsys.readouterr().out
    assert "ingest problem" not in text and text.count("== ") == 5
