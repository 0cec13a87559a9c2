"""Figures and alerts on four real news streams never used to develop dateline (issue 16).

Usage (from the repo root)::

    .venv/bin/python bench/streams_quality.py                  # per-run reports + summary table
    .venv/bin/python bench/streams_quality.py --verbose        # + every error, run by run
    .venv/bin/python bench/streams_quality.py --json out.json  # also write the metrics

Reads ``../shared/streams`` at run time (third-party texts, never copied here; see its
README for the gold conventions): ``corpus.jsonl`` (77 articles of four stories: gaza2024,
noto2024, helene2024, myanmar2025), ``figures_gold.jsonl`` and ``alerts_gold.jsonl``.

Five runs, each a fresh ledger in a temporary SQLite file built through the library API
(``Ledger.ingest`` of a temporary JSON Lines file with the articles' id, url, date, title
and text): each story on its own, then all 77 articles together. Nothing is shared between
runs: per-article analysis does not depend on the other articles, but series and alerts do,
and the combined run is what a reader following four stories in one ledger would get. The
script checks that the combined run's figures are the union of the story runs'.

Scores per run, over the gold rows of that run's articles:

1. figures: P/R/F1 over (doc, measure, value) keys of the seven named measures (killed,
   wounded, hostages, displaced, aid_trucks, evacuated, missing), with ``key`` and ``prf``
   of bench/figures_quality.py. ``missing`` is in the gold but not yet a dateline measure:
   those rows count as misses until it exists.
2. the same with scope == cumulative on both sides.
3. attributes over the matched cumulative gold rows of the named measures (and, printed for information,
   place, source and as_of over every matched row of any scope) (gold row's key
   predicted in any scope; the predicted mention in the gold quote's sentence when there is
   one, else the first, as in figures_quality): place (``figures_quality.place_match``: the
   gold place, a part of it, or the region/country it names; the multi-state Helene totals
   are matched by no place or by the US/Southeast; see that function), source
   (``figures_quality.source_match``), as_of (same ISO day) and scope (cumulative). The
   place is read with ``row.get("place")`` from ``ledger.export(["figure"])`` rows, so the
   bench scores whatever the export carries; while it carries none every place is ``None``
   and the accuracy is the share of gold places that are ``None`` (none among the
   cumulative rows here). For information, the place the series layer files each figure
   under (``ledger.series()``, not exported) is scored the same way.
4. alerts from ``ledger.check()``: each alert is matched to its figure through its
   ``point.figure`` id (the export row gives doc, measure, value; the alert's own doc and
   value and its series' measure if the id is not exported). An alerted key is true when
   (doc, measure, value) is a gold alert row, required or acceptable, whatever the type.
   Several alerts on one figure, or on two mentions of one value, are one alerted key:
   precision = true alerted keys / alerted keys (the raw count of alerts and the raw share
   of true ones are printed beside it). Recall = required gold rows whose key got an alert /
   required rows of the run's articles (type need not agree). Type agreement is printed
   for the true keys.

``--verbose`` lists per run the figure misses and false positives, the wrong attributes,
every false alert with its explanation and every missed required alert. The last block is a
summary table (rows: the four streams and ``all``; targets in the last row). Exit code 0
always: a benchmark, not a test (tests/test_streams_bench.py tests the scoring).
"""
from __future__ import annotations

import argparse
import json
import sys
import tempfile
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
STREAMS = ROOT.parent / "shared" / "streams"
sys.path.insert(0, str(ROOT / "src"))
sys.path.insert(0, str(ROOT / "bench"))

from figures_quality import NAMED, key, pick_mention, place_match, prf, source_match  # noqa: E402

STORIES = ("gaza2024", "noto2024", "helene2024", "myanmar2025")
FIELDS = ("id", "url", "date", "title", "text")           # what dateline's JSON Lines reader takes
TARGETS = {"figures_f1": 0.92, "cumulative_f1": 0.90, "place": 0.90, "source": 0.85, "as_of": 0.90,
           "scope": 0.90, "alert_p": 0.85, "alert_r": 0.90}
QUOTE_CHARS = 120


# --- data -------------------------------------------------------------------------------------

def load_streams(path: Path = STREAMS):
    docs = {}
    for line in (path / "corpus.jsonl").open(encoding="utf-8"):
        if line.strip():
            r = json.loads(line)
            docs[r["id"]] = r
    figures = [json.loads(x) for x in (path / "figures_gold.jsonl").open(encoding="utf-8") if x.strip()]
    alerts = [json.loads(x) for x in (path / "alerts_gold.jsonl").open(encoding="utf-8") if x.strip()]
    return docs, figures, alerts


@dataclass
class Run:
    """What one ledger produced, as plain data (so the scoring can be tested without a ledger)."""
    name: str
    docs: set
    figures: list = field(default_factory=list)        # export rows (dicts)
    alerts: list = field(default_factory=list)         # {figure, doc, value, type, explanation, series}
    series_place: dict = field(default_factory=dict)   # figure id -> the place its series is filed under
    series_measure: dict = field(default_factory=dict)  # series id -> measure
    problems: list = field(default_factory=list)
    seconds: float = 0.0


def build_run(name: str, articles: list[dict], tmp: Path) -> Run:
    from dateline import Ledger

    started = time.perf_counter()
    src = tmp / f"{name}.jsonl"
    with src.open("w", encoding="utf-8") as out:
        for a in articles:
            out.write(json.dumps({k: a.get(k) for k in FIELDS}, ensure_ascii=False) + "\n")
    run = Run(name, {a["id"] for a in articles})
    with Ledger(tmp / f"{name}.db") as ledger:
        report = ledger.ingest([src])
        run.problems = [str(p) for p in report.problems]
        run.figures = list(ledger.export(["figure"]))
        series = ledger.series()
        for s in series:
            run.series_measure[s.id] = s.measure
            for p in s.points:
                run.series_place[p.figure] = s.place
        run.alerts = [{"figure": a.point.figure, "doc": a.point.doc, "value": a.point.value, "type": a.type,
                       "explanation": a.explanation, "series": a.series} for a in ledger.check()]
    run.seconds = time.perf_counter() - started
    return run


# --- scoring ----------------------------------------------------------------------------------

def _named(rows, cumulative=False):
    return [r for r in rows if r["measure"] in NAMED and (not cumulative or r["scope"] == "cumulative")]


def _keys(rows):
    return {key(r["doc"], r["measure"], r["value"]) for r in rows}


def score_figures(pred_rows: list[dict], gold_rows: list[dict]) -> dict:
    """Key P/R/F1 (all named measures, and cumulative on both sides) and the error lists."""
    out = {}
    for label, cum in (("figures", False), ("cumulative", True)):
        p, r, f, tp, n_pred, n_gold = prf(_keys(_named(pred_rows, cum)), _keys(_named(gold_rows, cum)))
        out[label] = {"p": p, "r": r, "f1": f, "tp": tp, "pred": n_pred, "gold": n_gold}
    # the issue's baseline definition: "other" counted as an eighth measure
    for label, cum in (("with_other", False), ("with_other_cumulative", True)):
        def rows(rs):
            return [r for r in rs if r["measure"] in NAMED + ("other",) and (not cum or r["scope"] == "cumulative")]
        out[label] = dict(zip(("p", "r", "f1"), prf(_keys(rows(pred_rows)), _keys(rows(gold_rows)))[:3]))
    pred_keys, gold_keys = _keys(_named(pred_rows)), _keys(_named(gold_rows))
    # what a miss or a false positive is: the same (doc, value) under another measure, or nothing
    pred_values = defaultdict(set)
    for r in pred_rows:
        pred_values[(r["doc"], key(r["doc"], r["measure"], r["value"])[2])].add(r["measure"])
    gold_values = defaultdict(set)
    for g in gold_rows:
        gold_values[(g["doc"], key(g["doc"], g["measure"], g["value"])[2])].add(g["measure"])
    misses, seen = [], set()
    for g in _named(gold_rows):
        k = key(g["doc"], g["measure"], g["value"])
        if k not in pred_keys and k not in seen:
            seen.add(k)
            misses.append((g, sorted(pred_values.get((k[0], k[2]), set()))))
    false_pos, seen = [], set()
    for r in _named(pred_rows):
        k = key(r["doc"], r["measure"], r["value"])
        if k not in gold_keys and k not in seen:
            seen.add(k)
            false_pos.append((r, sorted(gold_values.get((k[0], k[2]), set()))))
    out["misses"], out["false_positives"] = misses, false_pos
    out["miss_kinds"] = Counter("measure" if other else ("missing measure" if g["measure"] == "missing" else "none")
                                for g, other in misses)
    out["fp_kinds"] = Counter("measure" if other else "not in gold" for _, other in false_pos)
    return out


def score_attributes(pred_rows: list[dict], gold_rows: list[dict], series_place: dict | None = None) -> dict:
    """Place, source, as_of and scope over the matched cumulative gold rows of the named measures."""
    by_key = defaultdict(list)
    for r in pred_rows:
        by_key[key(r["doc"], r["measure"], r["value"])].append((r, r.get("sentence") or ""))
    n = 0
    ok = Counter()
    wrong = defaultdict(list)
    in_series = 0
    for g in _named(gold_rows, cumulative=True):
        k = key(g["doc"], g["measure"], g["value"])
        if k not in by_key:
            continue
        r, _ = pick_mention(by_key[k], g["quote"])
        n += 1
        checks = {
            "place": (r.get("place"), g.get("place"), place_match(r.get("place"), g.get("place"))),
            "place_strict": (r.get("place"), g.get("place"), place_match(r.get("place"), g.get("place"), strict=True)),
            "source": (r.get("source"), g.get("source"), source_match(r.get("source"), g.get("source"))),
            "as_of": (r.get("as_of"), g["as_of"], r.get("as_of") is not None and str(r["as_of"])[:10] == g["as_of"]),
            "scope": (r.get("scope"), g["scope"], r.get("scope") == g["scope"]),
        }
        if series_place is not None and r.get("id") in series_place:
            in_series += 1
            sp = series_place[r["id"]]
            checks["series_place"] = (sp, g.get("place"), place_match(sp, g.get("place")))
        for name, (pv, gv, good) in checks.items():
            ok[name] += bool(good)
            if not good:
                wrong[name].append((g, pv, gv))
    acc = {name: ok[name] / n if n else 0.0 for name in ("place", "place_strict", "source", "as_of", "scope")}
    acc["series_place"] = ok["series_place"] / in_series if in_series else 0.0
    # the issue's baseline definition of scope accuracy: over every matched gold row, any measure and scope
    n_all = scope_all = 0
    for g in gold_rows:
        k = key(g["doc"], g["measure"], g["value"])
        if k in by_key:
            n_all += 1
            scope_all += pick_mention(by_key[k], g["quote"])[0].get("scope") == g["scope"]
    acc["scope_all_rows"] = scope_all / n_all if n_all else 0.0
    # for information: place, source and as_of over every matched row of the named measures, any scope (a war
    # stream has few running tolls, so the columns above may stand on a handful of rows)
    n_named = 0
    named_ok = Counter()
    for g in _named(gold_rows):
        k = key(g["doc"], g["measure"], g["value"])
        if k not in by_key:
            continue
        r, _ = pick_mention(by_key[k], g["quote"])
        n_named += 1
        named_ok["place"] += place_match(r.get("place"), g.get("place"))
        named_ok["source"] += source_match(r.get("source"), g.get("source"))
        named_ok["as_of"] += r.get("as_of") is not None and str(r["as_of"])[:10] == g["as_of"]
    for name in ("place", "source", "as_of"):
        acc[f"{name}_any_scope"] = named_ok[name] / n_named if n_named else 0.0
    return {"n": n, "n_in_series": in_series, "acc": acc, "wrong": wrong, "n_any_scope": n_named,
            "place_exported": any("place" in r for r in pred_rows)}


def alert_key(alert: dict, fig_by_id: dict, series_measure: dict | None = None):
    """(doc, measure, value) of an alert: through its figure id, else its own doc/value and series' measure."""
    row = fig_by_id.get(alert.get("figure"))
    if row is not None:
        return key(row["doc"], row["measure"], row["value"])
    measure = (series_measure or {}).get(alert.get("series"))
    return key(alert["doc"], measure, alert["value"]) if measure else None


def score_alerts(alerts: list[dict], pred_rows: list[dict], gold_alerts: list[dict], docs: set,
                 series_measure: dict | None = None) -> dict:
    fig_by_id = {r["id"]: r for r in pred_rows if "id" in r}
    gold = [g for g in gold_alerts if g["doc"] in docs]
    gold_by_key = defaultdict(list)
    for g in gold:
        gold_by_key[key(g["doc"], g["measure"], g["value"])].append(g)
    by_key = defaultdict(list)
    unmatched = []
    for a in alerts:
        k = alert_key(a, fig_by_id, series_measure)
        if k is None:
            unmatched.append(a)
        else:
            by_key[k].append(a)
    alerted = set(by_key)
    true_keys = {k for k in alerted if k in gold_by_key}
    n_keys = len(alerted) + len(unmatched)
    raw_true = sum(len(by_key[k]) for k in true_keys)
    required = [g for g in gold if g["expected"] == "required"]
    hit = [g for g in required if key(g["doc"], g["measure"], g["value"]) in alerted]
    type_ok = sum(1 for k in true_keys if {a["type"] for a in by_key[k]} & {g["type"] for g in gold_by_key[k]})
    false = [(k, a) for k in sorted(alerted - true_keys) for a in by_key[k]] + [(None, a) for a in unmatched]
    return {
        "alerts": len(alerts), "keys": n_keys, "true_keys": len(true_keys), "false_keys": n_keys - len(true_keys),
        "precision": len(true_keys) / n_keys if n_keys else 0.0,
        "raw_precision": raw_true / len(alerts) if alerts else 0.0,
        "recall": len(hit) / len(required) if required else None,       # None: nothing required here
        "required": len(required), "required_hit": len(hit), "gold_rows": len(gold),
        "acceptable_hit": sum(1 for g in gold if g["expected"] == "acceptable"
                              and key(g["doc"], g["measure"], g["value"]) in alerted),
        "type_agree": type_ok, "unmatched": len(unmatched),
        "false": false, "missed_required": [g for g in required if g not in hit],
        "false_types": Counter(a["type"] for _, a in false),
    }


def score_run(run: Run, gold_figures: list[dict], gold_alerts: list[dict]) -> dict:
    gold = [g for g in gold_figures if g["doc"] in run.docs]
    figs = score_figures(run.figures, gold)
    attrs = score_attributes(run.figures, gold, run.series_place)
    alerts = score_alerts(run.alerts, run.figures, gold_alerts, run.docs, run.series_measure)
    return {"name": run.name, "docs": len(run.docs), "figures": figs, "attributes": attrs, "alerts": alerts,
            "seconds": run.seconds, "problems": run.problems}


# --- report -----------------------------------------------------------------------------------

def _fmt(x) -> str:
    return "n/a" if x is None else f"{x:.3f}"


def _q(text: str) -> str:
    text = " ".join((text or "").split())
    return text if len(text) <= QUOTE_CHARS else text[:QUOTE_CHARS - 1] + "…"


def print_run(res: dict, verbose: bool = False) -> None:
    f, c, at, al = res["figures"]["figures"], res["figures"]["cumulative"], res["attributes"], res["alerts"]
    print(f"\n== {res['name']}: {res['docs']} articles ({res['seconds']:.1f} s)")
    for p in res["problems"]:
        print(f"  ingest problem: {p}")
    print(f"  figures (7 named)  P={f['p']:.3f} R={f['r']:.3f} F1={f['f1']:.3f}  tp={f['tp']} pred={f['pred']} "
          f"gold={f['gold']}")
    print(f"  cumulative only    P={c['p']:.3f} R={c['r']:.3f} F1={c['f1']:.3f}  tp={c['tp']} pred={c['pred']} "
          f"gold={c['gold']}")
    mk, fk = res["figures"]["miss_kinds"], res["figures"]["fp_kinds"]
    print(f"  missed keys {sum(mk.values())}: value predicted under another measure {mk['measure']}, "
          f"measure 'missing' (not produced yet) {mk['missing measure']}, value not predicted {mk['none']}; "
          f"false keys {sum(fk.values())}: value in gold under another measure {fk['measure']}, "
          f"not in gold {fk['not in gold']}")
    wo, woc = res["figures"]["with_other"], res["figures"]["with_other_cumulative"]
    print(f"  (the issue's baseline definitions, 'other' counted as a measure: F1 {wo['f1']:.3f} (R {wo['r']:.3f}), "
          f"cumulative F1 {woc['f1']:.3f}; scope over every matched gold row {at['acc']['scope_all_rows']:.3f})")
    a = at["acc"]
    exported = "yes" if at["place_exported"] else "no (read as None)"
    print(f"  over {at['n']} matched cumulative gold rows: place {a['place']:.3f} (most specific part "
          f"{a['place_strict']:.3f}; place exported: {exported}), source {a['source']:.3f}, "
          f"as_of {a['as_of']:.3f}, scope {a['scope']:.3f}")
    print(f"  place of the series each figure is filed under (not exported; {at['n_in_series']} of them in a "
          f"series): {a['series_place']:.3f}")
    print(f"  over all {at['n_any_scope']} matched gold rows of the named measures, any scope (for information): "
          f"place {a['place_any_scope']:.3f}, source {a['source_any_scope']:.3f}, as_of {a['as_of_any_scope']:.3f}")
    print(f"  alerts {al['alerts']} on {al['keys']} (doc, measure, value) keys: precision {al['precision']:.3f} "
          f"({al['true_keys']} true, {al['false_keys']} false; raw {al['raw_precision']:.3f}); recall "
          f"{_fmt(al['recall'])} ({al['required_hit']}/{al['required']} required; acceptable alerted "
          f"{al['acceptable_hit']}); type agrees on {al['type_agree']}/{al['true_keys']} true keys"
          + (f"; {al['unmatched']} alerts with no figure" if al["unmatched"] else ""))
    if al["false_types"]:
        print("  false alerts by type: " + ", ".join(f"{t} {n}" for t, n in al["false_types"].most_common()))
    if not verbose:
        return
    print("  -- figure misses (gold key not predicted; [measures predicted for that value]):")
    for g, other in sorted(res["figures"]["misses"], key=lambda x: (x[0]["doc"], x[0]["measure"], x[0]["value"])):
        print(f"    {g['doc']} {g['measure']} {g['value']} {g['qualifier']} {g['scope']} {other or ''}\n"
              f"        {_q(g['quote'])}")
    print("  -- false positives (predicted key not in gold; [gold measures for that value]):")
    for r, other in sorted(res["figures"]["false_positives"], key=lambda x: (x[0]["doc"], x[0]["measure"],
                                                                                x[0]["value"])):
        print(f"    {r['doc']} {r['measure']} {r['value']} {r['qualifier']} {r['scope']} {other or ''}\n"
              f"        {_q(r.get('sentence'))}")
    for name in ("place", "series_place", "source", "as_of", "scope"):
        label = "place of the series" if name == "series_place" else name
        if name == "place" and not at["place_exported"]:
            print(f"  -- wrong place: not exported, all {len(at['wrong'][name])} wrong rows are None predictions "
                  "(the series layer's places follow)")
            continue
        print(f"  -- wrong {label} (doc, measure, value: predicted | gold):")
        for g, pv, gv in at["wrong"][name]:
            print(f"    {g['doc']} {g['measure']} {g['value']}: {pv!r} | {gv!r}")
    print("  -- false alerts ([type] key series: explanation):")
    for k, a in al["false"]:
        print(f"    [{a['type']}] {k or '(no figure)'} {a.get('series')}: {_q(a['explanation'])}")
    print("  -- missed required alerts:")
    for g in al["missed_required"]:
        print(f"    {g['doc']} {g['measure']} {g['value']} ({g['type']}): {_q(g['explanation'])}")


COLUMNS = (("figures F1", "figures_f1"), ("cum F1", "cumulative_f1"), ("place", "place"), ("source", "source"),
           ("as_of", "as_of"), ("scope", "scope"), ("alert P", "alert_p"), ("alert R", "alert_r"),
           ("#alerts", "alerts"))


def summary_row(res: dict) -> dict:
    a = res["attributes"]["acc"]
    return {"figures_f1": res["figures"]["figures"]["f1"], "cumulative_f1": res["figures"]["cumulative"]["f1"],
            "place": a["place"], "source": a["source"], "as_of": a["as_of"], "scope": a["scope"],
            "alert_p": res["alerts"]["precision"], "alert_r": res["alerts"]["recall"],
            "alerts": res["alerts"]["alerts"], "false_alert_keys": res["alerts"]["false_keys"],
            "figures_p": res["figures"]["figures"]["p"], "figures_r": res["figures"]["figures"]["r"],
            "series_place": a["series_place"], "place_strict": a["place_strict"],
            "matched_cumulative": res["attributes"]["n"], "required": res["alerts"]["required"],
            "required_hit": res["alerts"]["required_hit"]}


def print_summary(results: list[dict]) -> None:
    head = f"{'run':<12}" + "".join(f"{label:>11}" for label, _ in COLUMNS)
    print("\n" + head)
    print("-" * len(head))
    for res in results:
        row = summary_row(res)
        cells = "".join(f"{row[k]:>11d}" if k == "alerts" else f"{_fmt(row[k]):>11}" for _, k in COLUMNS)
        print(f"{res['name']:<12}{cells}")
    print(f"{'target':<12}" + "".join(f"{'>= ' + format(TARGETS[k], '.2f'):>11}" if k in TARGETS else f"{'':>11}"
                                      for _, k in COLUMNS))
    exported = any(r["attributes"]["place_exported"] for r in results)
    print(f"place exported on figures: {'yes' if exported else 'no (every place read as None)'}; alert P/R over "
          "distinct (doc, measure, value) keys (n/a: no required alert in the stream), #alerts is the raw count")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--verbose", "-v", action="store_true", help="list every error, run by run")
    ap.add_argument("--json", type=Path, metavar="PATH", help="write the metrics as JSON")
    ap.add_argument("--streams", type=Path, metavar="DIR", default=STREAMS,
                    help="a folder of the same three files (corpus.jsonl with a 'story' per article, "
                         "figures_gold.jsonl, alerts_gold.jsonl): e.g. a stream annotated for a review; "
                         "its stories are the corpus's own")
    args = ap.parse_args(argv)
    if not (args.streams / "corpus.jsonl").exists():
        print(f"skipped: {args.streams} not found (the shared streams are not checked out beside the repo)")
        return 0
    docs, gold_figures, gold_alerts = load_streams(args.streams)
    stories = STORIES if args.streams == STREAMS else tuple(sorted({d["story"] for d in docs.values()}))
    print(f"{len(docs)} articles, {len(gold_figures)} gold figures, {len(gold_alerts)} gold alerts "
          f"({sum(g['expected'] == 'required' for g in gold_alerts)} required); named measures: {', '.join(NAMED)}")
    results = []
    runs = {}
    with tempfile.TemporaryDirectory() as tmp:
        for name in stories + ("all",):
            articles = [d for d in docs.values() if name == "all" or d["story"] == name]
            runs[name] = build_run(name, articles, Path(tmp))
            res = score_run(runs[name], gold_figures, gold_alerts)
            results.append(res)
            print_run(res, verbose=args.verbose)

    def fig_set(run):
        return {(r["doc"], r["measure"], r["value"], r["scope"], r["source"], r["as_of"], r["qualifier"])
                for r in run.figures}
    union = set().union(*(fig_set(runs[s]) for s in stories))
    same = union == fig_set(runs["all"])
    print(f"\ncombined run's figures identical to the union of the story runs: {'yes' if same else 'NO'}"
          + ("" if same else f" ({len(union ^ fig_set(runs['all']))} differ)"))
    print_summary(results)
    if args.json:
        out = {"targets": TARGETS, "runs": {res["name"]: summary_row(res) for res in results},
               "combined_equals_union": same}
        args.json.write_text(json.dumps(out, indent=2) + "\n", encoding="utf-8")
        print(f"metrics written to {args.json}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
