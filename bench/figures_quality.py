"""Figure extraction quality on the real-news development corpus (and the seeds).

Usage (from the repo root)::

    .venv/bin/python bench/figures_quality.py            # summary
    .venv/bin/python bench/figures_quality.py --verbose  # + misses and false positives
    .venv/bin/python bench/figures_quality.py --newsquant  # + number parser on NewsQuant

Reads ``../shared/corpus/dev.jsonl`` + ``figures_gold.jsonl`` (third-party, never copied
here) and runs the full pipeline (``analyze_text``, sentence filter on) on each article's
``text``. Every gold quote occurs in the text (headline lines that matter are part of the
text in this corpus), so titles are not analysed; the script counts and prints the gold
rows whose quote is only in the title, so a change in the data shows up.

Scores:
- figures: P/R/F1 over the set of (doc, measure, value) keys, for the seven named measures
  (``missing`` among them: the gold has it, dateline does not produce it yet, so it counts
  as misses until it does), the same restricted to scope=cumulative on both sides, and for
  ``other`` on its own;
- attributes, over gold rows whose key was found (the predicted mention in the gold
  quote's sentence if there is one, else the first with the key): qualifier, source,
  as_of and scope accuracy. Source matching is lenient but honest: lower-cased content
  words (possessives, articles and words like "statement"/"spokesperson" dropped, a few
  spelling aliases unified: "Ministry of Health" ~ "health ministry", IDF ~ "Israel
  Defense Forces"), matching when at least half of the shorter side's words are shared or
  one side is the other's acronym; ``None`` matches only ``None``;
- place, over matched cumulative gold rows of the named measures: the predicted figure's
  ``place`` (read with ``getattr``: figures carry none yet, and the line says so) against
  the gold ``place`` with :func:`place_match` (the same rule as bench/streams_quality.py).
"""
from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sys
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT / ".." / "shared"
CORPUS = SHARED / "corpus"
SEEDS = SHARED / "seeds"
NEWSQUANT = SHARED / "benchmarks" / "newsquant" / "formatted_test_set" / "NewsQuant.json"
sys.path.insert(0, str(ROOT / "src"))

NAMED = ("killed", "wounded", "hostages", "displaced", "aid_trucks", "evacuated", "missing")


# --- loading --------------------------------------------------------------------------------

def load_corpus():
    docs = {}
    for line in (CORPUS / "dev.jsonl").open(encoding="utf-8"):
        if line.strip():
            r = json.loads(line)
            docs[r["id"]] = r
    gold = [json.loads(line) for line in (CORPUS / "figures_gold.jsonl").open(encoding="utf-8") if line.strip()]
    return docs, gold


def analyse(docs):
    from dateline.analyze.pipeline import analyze_text

    out = {}
    for doc_id, r in docs.items():
        out[doc_id] = analyze_text(r["text"], doc_id, dt.date.fromisoformat(r["date"]))
    return out


# --- matching ---------------------------------------------------------------------------------

def key(doc, measure, value):
    return (doc, measure, int(round(float(value))))


def prf(pred: set, gold: set):
    tp = len(pred & gold)
    p = tp / len(pred) if pred else 0.0
    r = tp / len(gold) if gold else 0.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return p, r, f, tp, len(pred), len(gold)


_ALIASES = [
    (r"\bministry of health\b", "health ministry"),
    (r"\bisrael(?:i)? defen[cs]e forces?\b", "idf"),
    (r"\bisraeli (?:military|army)\b", "idf"),
    (r"\bunited nations\b", "un"),
    (r"\bu\.n\.", "un"),
    (r"\bhealth authorities\b", "health officials"),
]
_STOP = {"the", "a", "an", "of", "in", "for", "and", "on", "at", "to", "s", "its", "his", "her", "their", "from",
         "statement", "spokesperson", "spokesman", "spokeswoman", "via", "according", "said", "says", "by",
         "with", "figures", "previous", "estimate"}


def _norm_words(s: str) -> list[str]:
    s = s.lower().replace("’", "'")
    s = re.sub(r"'s\b", "", s)
    for rx, rep in _ALIASES:
        s = re.sub(rx, rep, s)
    words = re.findall(r"[a-z0-9]+", s)
    out = []
    for w in words:
        if w in _STOP:
            continue
        w = {"israeli": "israel", "palestinian": "palestine", "gazan": "gaza", "egyptian": "egypt"}.get(w, w)
        if len(w) > 3 and w.endswith("s"):
            w = w[:-1]
        out.append(w)
    return out


def _acronym(short_text: str, long_text: str) -> bool:
    """"UNRWA" ~ "UN Relief and Works Agency", "AP" ~ "The Associated Press" (acronyms written in capitals)."""
    short = [w.lower() for w in re.findall(r"[A-Za-z]+", short_text) if w.isupper() and len(w) >= 2]
    letters = "".join(w[0] for w in re.findall(r"[A-Za-z]+", long_text)
                      if w.lower() not in {"the", "of", "for", "and", "in", "a"})
    caps = "".join(w if w.isupper() else w[0] for w in re.findall(r"[A-Za-z]+", long_text)
                   if w.lower() not in {"the", "of", "for", "and", "in", "a"})
    return any(letters.lower().startswith(w) or caps.lower().startswith(w) for w in short)


def source_match(pred, gold) -> bool:
    if pred is None or gold is None:
        return pred is None and gold is None
    a, b = set(_norm_words(pred)), set(_norm_words(gold))
    if a and b and len(a & b) / min(len(a), len(b)) >= 0.5:
        return True
    return _acronym(pred, gold) or _acronym(gold, pred)


# --- place ------------------------------------------------------------------------------------
# A predicted place is right when it names the gold place, a part of it, or the region/country the
# gold names after a comma ("Wajima, Ishikawa" ~ "Wajima" or "Ishikawa"; "Bangkok, Thailand" ~
# "Bangkok" or "Thailand"); parenthesised notes in the gold are dropped ("Japan (seven prefectures)"
# is "Japan"); a place more specific than the gold ("Rafah" for "Gaza") or a country the gold does
# not name ("Japan" for "Ishikawa") is wrong: those are different counts for a series. Gold ``None``
# is matched only by ``None``. The Helene multi-state totals ("US Southeast (...)") are matched by
# ``None`` (the text names no one state) or by a name of the whole region or country ("United
# States", "US", "Southeast", "southeastern US"); a single state is wrong there.

_PLACE_ALIASES = {"gaza strip": "gaza", "united states": "us", "united states of america": "us", "usa": "us",
                  "america": "us", "burma": "myanmar", "southeastern united states": "southeastern us",
                  "southeast united states": "southeast us"}
_PLACE_SUFFIX = re.compile(r"\s+(?:county|prefecture|pref|province|region|state)$")
MULTI_STATE_GOLD = "us southeast"
MULTI_STATE_OK = {"us", "southeast", "us southeast", "southeastern us", "southeast us", "south east"}


def _norm_place(s: str) -> str:
    s = s.lower().replace("’", "'").replace(".", "")
    s = re.sub(r"\([^)]*\)", " ", s)
    s = re.sub(r"[^a-z0-9,' -]+", " ", s)
    s = re.sub(r"\bthe\b", " ", s)
    s = re.sub(r"\s*,\s*", ", ", " ".join(s.split()))
    s = _PLACE_SUFFIX.sub("", s).strip(" ,")
    return _PLACE_ALIASES.get(s, s)


def place_parts(place: str) -> list[str]:
    """The gold place's names, most specific first, then the whole: "Wajima, Ishikawa" -> wajima,
    ishikawa, "wajima, ishikawa"; "Ishikawa, Toyama and Niigata" -> ishikawa, toyama, niigata, ..."""
    bare = re.sub(r"\([^)]*\)", " ", place)
    parts = []
    for piece in bare.split(","):
        for sub in re.split(r"\s+and\s+", piece):
            n = _norm_place(sub)
            if n and n not in parts:
                parts.append(n)
    whole = _norm_place(bare)
    if whole not in parts:
        parts.append(whole)
    return parts


def place_match(pred, gold, strict: bool = False) -> bool:
    """See the rule above. ``strict``: only the gold's most specific name (or the whole) counts."""
    if gold is None:
        return pred is None
    g = _norm_place(gold)
    if g.startswith(MULTI_STATE_GOLD):
        return pred is None or _norm_place(pred) in MULTI_STATE_OK
    if pred is None:
        return False
    parts = place_parts(gold)
    if strict:
        parts = [parts[0], parts[-1]]
    p = _norm_place(pred)
    return p in parts or _norm_place(pred.split(",")[0]) in parts


def pick_mention(cands, quote: str):
    """The predicted ``(figure, sentence)`` in the gold quote's sentence, else the first one."""
    same = [c for c in cands if c[1].strip() == quote.strip() or quote.strip() in c[1]]
    return (same or cands)[0]


# --- report -----------------------------------------------------------------------------------

def evaluate(docs, gold, analyses, verbose=False):
    title_only = [g for g in gold if g["quote"] not in docs[g["doc"]]["text"]
                  and g["quote"] in (docs[g["doc"]].get("title") or "")]
    print(f"gold rows: {len(gold)}; quotes found only in a title: {len(title_only)} (texts analysed alone)")

    pred_rows = []
    for doc_id, a in analyses.items():
        text = a.doc.text
        for f in a.figures:
            pred_rows.append((doc_id, f, text[f.sentence.start:f.sentence.end]))

    def keys_of(rows, measures, cumulative=False):
        return {key(d, f.measure, f.value) for d, f, _ in rows
                if f.measure in measures and (not cumulative or f.scope == "cumulative")}

    def gold_keys(measures, cumulative=False):
        return {key(g["doc"], g["measure"], g["value"]) for g in gold
                if g["measure"] in measures and (not cumulative or g["scope"] == "cumulative")}

    lines = []
    metrics = {}
    for label, measures, cum, target in (("named measures", NAMED, False, 0.90),
                                          ("named, cumulative", NAMED, True, 0.90),
                                          ("other", ("other",), False, None)):
        p, r, f, tp, np_, ng = prf(keys_of(pred_rows, measures, cum), gold_keys(measures, cum))
        metrics[label] = f
        t = f"   (target >= {target:.2f})" if target else ""
        lines.append(f"figures {label:18s} P={p:.3f} R={r:.3f} F1={f:.3f}  tp={tp} pred={np_} gold={ng}{t}")
    print("\n".join(lines))
    per_measure = []
    for m in NAMED + ("other",):
        p, r, f, tp, np_, ng = prf(keys_of(pred_rows, (m,)), gold_keys((m,)))
        per_measure.append(f"{m}: P={p:.2f} R={r:.2f} ({tp}/{np_}/{ng})")
    print("  per measure (tp/pred/gold): " + "; ".join(per_measure))

    # attributes over matched gold rows
    by_key = defaultdict(list)
    for d, f, sent in pred_rows:
        by_key[key(d, f.measure, f.value)].append((f, sent))
    stats = Counter()
    wrong = defaultdict(list)
    samples = []
    for g in gold:
        k = key(g["doc"], g["measure"], g["value"])
        if k not in by_key:
            continue
        f, sent = pick_mention(by_key[k], g["quote"])
        stats["n"] += 1
        q_ok = f.qualifier == g["qualifier"]
        s_ok = source_match(f.source, g["source"])
        a_ok = f.as_of is not None and f.as_of.isoformat() == g["as_of"]
        sc_ok = f.scope == g["scope"]
        stats["qualifier"] += q_ok
        stats["source"] += s_ok
        stats["as_of"] += a_ok
        stats["scope"] += sc_ok
        if g["measure"] in NAMED:
            stats["n_named"] += 1
            stats["scope_named"] += sc_ok
            if g["scope"] == "cumulative":
                pl_ok = place_match(getattr(f, "place", None), g.get("place"))
                stats["n_place"] += 1
                stats["place"] += pl_ok
                stats["has_place"] += hasattr(f, "place")
                if not pl_ok:
                    wrong["place"].append((g["doc"], g["measure"], g["value"], getattr(f, "place", None),
                                           g.get("place"), g["quote"]))
        for name, ok, pv, gv in (("qualifier", q_ok, f.qualifier, g["qualifier"]),
                                 ("source", s_ok, f.source, g["source"]),
                                 ("as_of", a_ok, f.as_of, g["as_of"]), ("scope", sc_ok, f.scope, g["scope"])):
            if not ok:
                wrong[name].append((g["doc"], g["measure"], g["value"], pv, gv, g["quote"]))
        samples.append((g["doc"], g["value"], g["group"], f.group, bool(f.parent), g.get("note", "")))
    n = stats["n"] or 1
    print(f"attributes over {stats['n']} matched gold rows:")
    print(f"  qualifier accuracy {stats['qualifier'] / n:.3f} (target >= 0.95)")
    print(f"  source accuracy    {stats['source'] / n:.3f} (target >= 0.85, lenient match)")
    print(f"  as_of accuracy     {stats['as_of'] / n:.3f} (target >= 0.90)")
    print(f"  scope accuracy     {stats['scope'] / n:.3f} (named measures only: "
          f"{stats['scope_named'] / (stats['n_named'] or 1):.3f})")
    n_place = stats["n_place"] or 1
    carried = "yes" if stats["has_place"] else "no: read as None"
    print(f"  place accuracy     {stats['place'] / n_place:.3f} over {stats['n_place']} matched cumulative gold rows "
          f"of the named measures (target >= 0.90; figures carry a place: {carried})")
    print("  group / parent samples (gold group -> predicted group, parent set):")
    for doc, value, gg, pg, has_parent, note in samples[:: max(1, len(samples) // 12)][:12]:
        print(f"    {doc} {value}: {gg!r} -> {pg!r}{'  [sub-group]' if has_parent else ''}")
    subs = [s for s in samples if s[4]]
    print(f"  sub-groups with a parent: {len(subs)} of {len(samples)} matched rows")
    metrics.update({name: stats[name] / n for name in ("qualifier", "source", "as_of", "scope")})
    metrics.update({"place": stats["place"] / n_place, "place_n": stats["n_place"],
                    "place_carried": bool(stats["has_place"])})

    if verbose:
        gold_named = {key(g["doc"], g["measure"], g["value"]): g for g in gold}
        pred_all = {key(d, f.measure, f.value): (f, sent) for d, f, sent in pred_rows}
        print("\nMISSES (gold key not predicted):")
        for k, g in sorted(gold_named.items()):
            if k not in pred_all:
                alt = [(f.measure, f.value) for d, f, _ in pred_rows if d == k[0] and int(f.value) == k[2]]
                print(f"  {k} {g['qualifier']} {g['scope']}  pred-same-value={alt}\n      {g['quote'][:220]}")
        print("\nFALSE POSITIVES (predicted key not in gold):")
        for k, (f, sent) in sorted(pred_all.items()):
            if k not in gold_named:
                print(f"  {k} {f.qualifier} {f.scope} src={f.source!r}\n      {sent[:220]}")
        for name in ("qualifier", "source", "as_of", "scope", "place"):
            print(f"\nWRONG {name.upper()} (doc, measure, value, predicted, gold):")
            for row in wrong[name]:
                print(f"  {row[:5]}\n      {row[5][:200]}")
    return metrics


# --- seeds ------------------------------------------------------------------------------------

def read_seed(path: Path):
    raw = path.read_text(encoding="utf-8")
    m = re.match(r"\s*date\s+(\d{4}-\d{2}-\d{2})\s", raw)
    if not m:
        return None
    return dt.date.fromisoformat(m.group(1)), raw[m.end():]


def seed_checks():
    from dateline.analyze.pipeline import analyze_text

    files = {p.stem: p for p in sorted(SEEDS.glob("*.txt"))}
    results = []

    def find(figs, measure, value):
        return [f for f in figs if f.measure == measure and int(round(f.value)) == value]

    def check(name, ok):
        results.append((name, bool(ok)))

    by_date = {}
    for stem, p in files.items():
        r = read_seed(p)
        if r:
            by_date.setdefault(r[0], []).append((stem, r[1]))
    seeds_1107 = by_date.get(dt.date(2023, 11, 7), [])
    seeds_1108 = by_date.get(dt.date(2023, 11, 8), [])
    for stem, text in seeds_1107:
        figs = analyze_text(text, stem, dt.date(2023, 11, 7)).figures
        k = find(figs, "killed", 8796)
        c = find(figs, "killed", 3648)
        check(f"{stem}: 8,796 killed, at least", k and k[0].qualifier == "at least")
        check(f"{stem}: 3,648 children is a sub-group of 8,796", k and c and c[0].parent == k[0].id)
        check(f"{stem}: 8,796 source ~ Gaza health ministry", k and source_match(k[0].source, "Gaza health ministry"))
        check(f"{stem}: 8,796 as_of 2023-11-07", k and k[0].as_of == dt.date(2023, 11, 7))
        s300, s1100 = find(figs, "killed", 300), find(figs, "killed", 1100)
        check(f"{stem}: 300 soldiers killed, per Israel", s300 and source_match(s300[0].source, "Israel"))
        check(f"{stem}: 1,100 civilians killed, per Israel", s1100 and source_match(s1100[0].source, "Israel"))
        e = find(figs, "evacuated", 500)
        check(f"{stem}: up to 500 evacuated, planned, as_of 2023-11-08",
              e and e[0].qualifier == "up to" and e[0].scope == "planned" and e[0].as_of == dt.date(2023, 11, 8))
    for stem, text in seeds_1108:
        figs = analyze_text(text, stem, dt.date(2023, 11, 8)).figures
        k = find(figs, "killed", 1400)
        w = find(figs, "wounded", 6000)
        i = find(figs, "killed", 1300)
        check(f"{stem}: more than 1,400 Palestinians killed (Gaza authorities)",
              k and k[0].qualifier == "more than" and source_match(k[0].source, "Gaza authorities"))
        check(f"{stem}: over 6,000 wounded (Gaza authorities)",
              w and w[0].qualifier == "more than" and source_match(w[0].source, "Gaza authorities"))
        check(f"{stem}: over 1,300 killed in Israel", i and i[0].qualifier == "more than")
    if not seeds_1107 or not seeds_1108:
        check("seed files for 2023-11-07 and 2023-11-08 present", False)
    print("seed expectations:")
    for name, ok in results:
        print(f"  {'PASS' if ok else 'FAIL'}  {name}")
    return results


# --- NewsQuant: the number parser alone --------------------------------------------------------------

# NewsQuant does not annotate calendar and clock expressions, ordinals or labels as quantities
UNANNOTATED_KINDS = ("year", "date", "time", "ordinal", "label", "decade")


def newsquant():
    """Value extraction of ``numbers.find_numbers`` against NewsQuant's annotated quantities (any unit)."""
    from dateline.analyze.numbers import find_numbers

    data = json.loads(NEWSQUANT.read_text(encoding="utf-8"))
    tp = n_gold = n_pred = 0
    tp_counts = n_counts_gold = 0
    for item in data:
        gold_vals = []
        for q in item["quantities"]:
            try:
                gold_vals.append(float(q["value"]))
            except (TypeError, ValueError):
                continue
        found = [n for n in find_numbers(item["text"]) if n.kind not in UNANNOTATED_KINDS]
        pred_vals = [n.value for n in found]
        n_gold += len(gold_vals)
        n_pred += len(pred_vals)
        left = list(pred_vals)
        for v in gold_vals:
            hit = next((p for p in left if abs(p - v) <= 1e-6 * max(1.0, abs(v))), None)
            if hit is not None:
                left.remove(hit)
                tp += 1
        # unit-less and people-like quantities: what the figures layer consumes
        for q in item["quantities"]:
            unit = (q.get("normalized_unit") or "").lower()
            if unit in ("-", "", "dimensionless") or unit.endswith("people") or unit in ("person", "people"):
                try:
                    v = float(q["value"])
                except (TypeError, ValueError):
                    continue
                n_counts_gold += 1
                if any(abs(p - v) <= 1e-6 * max(1.0, abs(v)) for p in pred_vals):
                    tp_counts += 1
    p = tp / n_pred if n_pred else 0
    r = tp / n_gold if n_gold else 0
    print(f"NewsQuant number values (quantity kinds, {len(data)} sentences): P={p:.3f} R={r:.3f} "
          f"F1={2 * p * r / (p + r) if p + r else 0:.3f} (tp={tp}, pred={n_pred}, gold={n_gold})")
    print(f"NewsQuant unit-less/people quantities found: {tp_counts}/{n_counts_gold} = "
          f"{tp_counts / (n_counts_gold or 1):.3f}")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--verbose", action="store_true", help="list misses, false positives and wrong attributes")
    ap.add_argument("--newsquant", action="store_true", help="also score the number parser on NewsQuant")
    args = ap.parse_args(argv)
    if not (CORPUS / "dev.jsonl").exists():
        print(f"skipped: {CORPUS} not found (the shared corpus is not checked out beside the repo)")
        return 0
    docs, gold = load_corpus()
    analyses = analyse(docs)
    evaluate(docs, gold, analyses, verbose=args.verbose)
    if SEEDS.exists():
        seed_checks()
    else:
        print(f"seeds skipped: {SEEDS} not found")
    if args.newsquant:
        if NEWSQUANT.exists():
            newsquant()
        else:
            print(f"NewsQuant skipped: {NEWSQUANT} not found")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
