"""Quality of the attributed-claims extractor (``dateline.analyze.claims``).

Run from the repository root::

    .venv/bin/python bench/claims_quality.py            # dev gold + PolNeAR dev
    .venv/bin/python bench/claims_quality.py --verbose  # plus misses and false positives
    .venv/bin/python bench/claims_quality.py --skip-polnear

Documents are parsed the way the production pipeline parses them: only sentences matching some
extractor's ``TRIGGER`` go through the neural pipeline, as ``pipeline.needs_parse`` does
(``--no-filter`` parses everything).

1. Dev gold (``../shared/corpus/quotes_gold.jsonl`` over ``dev.jsonl``)
   Only documents with gold rows are scored (they are labelled exhaustively).
   * Content tokens: lower-cased ``\\w+`` runs (punctuation and quotation marks ignored).
   * Matching: within a document, predictions and gold rows are paired one-to-one, greedily by
     highest content token-F1 (multiset overlap); a pair needs content token-F1 >= 0.5.
     P = matched / predicted, R = matched / gold.
   * Speaker right (over matched pairs): both null; or, after normalisation (lower case, "'s"
     and titles Mr/Mrs/Ms/Dr and function words a/an/the/of/for/in/on/at/to/and dropped), the
     predicted speaker has token-F1 >= 0.5 with some gold alternative AND the head word (last
     token) of one is contained in the other. Gold alternatives: the whole gold string, the part
     outside parentheses and the part inside ("the military (Israel Defence Forces)" accepts
     "the military" and "Israel Defence Forces"); the predicted string gets the same three
     alternatives ("the UN Office … (OCHA)" names OCHA). A null prediction against a named gold speaker
     (or the reverse) is wrong.
   * Per-mode recall uses the gold ``kind``; mode agreement over matches is printed too.

2. PolNeAR dev (``../shared/benchmarks/polnear``, BRAT standoff, see its SOURCE.md)
   One annotation file per article (the first by file name, when several annotators labelled
   it); every ``E`` line is one gold attribution with Content (possibly discontinuous, plus
   ``Content2``), Cue and optional Source spans. Predicted: a claim's ``content``, ``cue_span``
   and ``speaker_span``.
   * Tokens: ``\\w+`` runs of the article; a span is the set of tokens it overlaps.
   * Pairing: one-to-one, greedily by highest content Dice (token overlap), needing Dice > 0.
   * A component (source / cue / content) of a pair is correct when the token Dice of the
     predicted and gold spans is >= 0.5. P = correct / predicted spans of that component,
     R = correct / gold spans of that component, F1 their harmonic mean.
   * Caveat: PolNeAR's source is the in-place mention (often "he"); our ``speaker_span`` points
     at the resolved antecedent, so source scores are also given with gold pronoun sources left
     out. PolNeAR sources also carry full appositions ("Mo Smith, a campaign aide who …") where
     we keep the name, so a lenient line counts a source right when it shares >= 1 token.
   * Content recall restricted to gold attributions whose cue is a plain reporting verb
     (CORE_CUE) shows coverage of what the extractor is meant for. PolNeAR annotates far more
     than news attribution (stances like "wants", "mocked", nouns like "criticism"), so its
     recall is a lower bound of what the extractor is for.
   No target; reported for honesty.

3. Speed: documents per second of ``extract_claims`` alone over already parsed dev documents.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import time
from collections import Counter, defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT / ".." / "shared"
sys.path.insert(0, str(ROOT / "src"))

from dateline.analyze import claims as claims_mod  # noqa: E402
from dateline.analyze import nlp  # noqa: E402

WORD = re.compile(r"\w+")
# PolNeAR cues that are plain reporting (the core of what the extractor is for).
CORE_CUE = re.compile(r"\b(?:say|says|said|saying|tell|tells|told|telling|add|adds|added|adding|according|"
                      r"report|reports|reported|reporting|write|writes|wrote|state|states|stated|"
                      r"announce[sd]?|announcing|warn|warns|warned|warning)\b", re.I)
SPEAKER_STOP = {"a", "an", "the", "of", "for", "in", "on", "at", "to", "and", "s", "mr", "mrs", "ms", "dr"}


# --- shared helpers ------------------------------------------------------------------------

def words(text: str) -> list[str]:
    return [w.lower() for w in WORD.findall(text or "")]


def token_f1(a: list[str], b: list[str]) -> float:
    if not a or not b:
        return 0.0
    common = sum((Counter(a) & Counter(b)).values())
    if not common:
        return 0.0
    p, r = common / len(a), common / len(b)
    return 2 * p * r / (p + r)


def prf(tp: int, n_pred: int, n_gold: int) -> tuple[float, float, float]:
    p = tp / n_pred if n_pred else 0.0
    r = tp / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def sentence_filter(filtered: bool):
    """The production filter (any extractor's TRIGGER); modules that fail to import are left
    out with a warning (they are written concurrently), claims' own TRIGGER always counts."""
    if not filtered:
        return None
    import importlib

    triggers = [claims_mod.TRIGGER]
    for name in ("entities", "timex", "figures"):
        try:
            triggers.append(importlib.import_module(f"dateline.analyze.{name}").TRIGGER)
        except Exception as exc:  # noqa: BLE001 - report and carry on with the others
            print(f"warning: dateline.analyze.{name} not importable ({type(exc).__name__}); "
                  "its TRIGGER is left out of the sentence filter", file=sys.stderr)
    return lambda segment: any(t.search(segment) for t in triggers)


def parse_docs(texts: list[str], filtered: bool):
    return list(nlp.parse(texts, needs_parse=sentence_filter(filtered)))


# --- 1. dev gold -----------------------------------------------------------------------------

def speaker_words(text: str) -> list[str]:
    text = (text or "").replace("’", "'")
    text = re.sub(r"'s\b", "", text)
    return [w for w in words(text) if w not in SPEAKER_STOP]


def speaker_alternatives(gold: str) -> list[list[str]]:
    alts = [gold, re.sub(r"\([^)]*\)", " ", gold)] + re.findall(r"\(([^)]*)\)", gold)
    return [w for w in (speaker_words(a) for a in alts) if w]


def speaker_right(pred, gold) -> bool:
    if gold is None or pred is None:
        return gold is None and pred is None
    for p in speaker_alternatives(pred):
        for alt in speaker_alternatives(gold):
            if token_f1(p, alt) >= 0.5 and (p[-1] in alt or alt[-1] in p):
                return True
    return False


def match(preds: list[dict], golds: list[dict]) -> list[tuple[int, int, float]]:
    pairs = []
    for i, p in enumerate(preds):
        for j, g in enumerate(golds):
            f = token_f1(words(p["content"]), words(g["content"]))
            if f >= 0.5:
                pairs.append((f, i, j))
    used_p, used_g, out = set(), set(), []
    for f, i, j in sorted(pairs, reverse=True):
        if i not in used_p and j not in used_g:
            used_p.add(i)
            used_g.add(j)
            out.append((i, j, f))
    return out


def run_dev(filtered: bool, verbose: bool) -> dict:
    corpus = SHARED / "corpus"
    docs = {d["id"]: d for d in map(json.loads, (corpus / "dev.jsonl").read_text().splitlines()) if d}
    gold_by_doc: dict[str, list[dict]] = defaultdict(list)
    for row in map(json.loads, (corpus / "quotes_gold.jsonl").read_text().splitlines()):
        gold_by_doc[row["doc"]].append(row)
    ids = sorted(gold_by_doc)
    parsed = parse_docs([docs[i]["text"] for i in ids], filtered)

    n_pred = n_gold = n_match = n_speaker = n_mode = 0
    mode_gold, mode_hit = Counter(), Counter()
    misses, false_pos, wrong_speakers = [], [], []
    for doc_id, sdoc in zip(ids, parsed):
        text = docs[doc_id]["text"]
        preds = [{"content": c.content.text(text), "speaker": c.speaker, "cue": c.cue, "mode": c.mode}
                 for c in claims_mod.extract_claims(sdoc, doc_id)]
        golds = gold_by_doc[doc_id]
        pairs = match(preds, golds)
        n_pred += len(preds)
        n_gold += len(golds)
        n_match += len(pairs)
        for g in golds:
            mode_gold[g["kind"]] += 1
        matched_p = {i for i, _, _ in pairs}
        matched_g = {j for _, j, _ in pairs}
        for i, j, _ in pairs:
            mode_hit[golds[j]["kind"]] += 1
            n_mode += preds[i]["mode"] == golds[j]["kind"]
            if speaker_right(preds[i]["speaker"], golds[j]["speaker"]):
                n_speaker += 1
            else:
                wrong_speakers.append((doc_id, preds[i]["speaker"], golds[j]["speaker"], golds[j]["content"]))
        misses += [(doc_id, g) for j, g in enumerate(golds) if j not in matched_g]
        false_pos += [(doc_id, p) for i, p in enumerate(preds) if i not in matched_p]

    p, r, f = prf(n_match, n_pred, n_gold)
    speaker_acc = n_speaker / n_match if n_match else 0.0
    print(f"== dev gold: {len(ids)} documents, {n_gold} gold claims, {n_pred} predicted "
          f"({'filtered' if filtered else 'full'} parse)")
    print(f"content match (token-F1 >= 0.5): P={p:.3f} R={r:.3f} F1={f:.3f}   (target F1 >= 0.85)")
    print(f"speaker right on matches: {n_speaker}/{n_match} = {speaker_acc:.3f}   (target >= 0.90)")
    print(f"mode agreement on matches: {n_mode}/{n_match}")
    print("recall by gold mode: " + ", ".join(
        f"{k} {mode_hit[k]}/{mode_gold[k]} = {mode_hit[k] / mode_gold[k]:.2f}" for k in sorted(mode_gold)))
    if verbose:
        print("\n-- misses")
        for doc_id, g in misses:
            print(f"  {doc_id} [{g['kind']}] cue={g['cue']!r} spk={g['speaker']!r}: {g['content'][:110]}")
        print("\n-- false positives")
        for doc_id, pr in false_pos:
            print(f"  {doc_id} [{pr['mode']}] cue={pr['cue']!r} spk={pr['speaker']!r}: {pr['content'][:110]}")
        print("\n-- wrong speakers (predicted | gold)")
        for doc_id, ps, gs, content in wrong_speakers:
            print(f"  {doc_id}: {ps!r} | {gs!r}   ({content[:60]})")
    return {"p": p, "r": r, "f1": f, "speaker": speaker_acc, "parsed": parsed, "ids": ids}


# --- 2. PolNeAR dev --------------------------------------------------------------------------

def read_ann(path: Path) -> list[dict]:
    spans: dict[str, list[tuple[int, int]]] = {}
    events = []
    for line in path.read_text(encoding="utf-8").splitlines():
        parts = line.split("\t")
        if line.startswith("T") and len(parts) >= 2:
            _label, _, offsets = parts[1].partition(" ")
            spans[parts[0]] = [tuple(map(int, piece.split())) for piece in offsets.split(";")]
        elif line.startswith("E") and len(parts) >= 2:
            events.append(dict(arg.split(":", 1) for arg in parts[1].split() if ":" in arg))
    out = []
    for ev in events:
        content = spans.get(ev.get("Content"), []) + spans.get(ev.get("Content2"), [])
        out.append({"content": content, "cue": spans.get(ev.get("Cue"), []),
                    "source": spans.get(ev.get("Source"), [])})
    return out


def token_set(bounds: list[tuple[int, int]], starts: list[int], ends: list[int]) -> frozenset:
    out = set()
    for a, b in bounds:
        out.update(k for k, (s, e) in enumerate(zip(starts, ends)) if s < b and a < e)
    return frozenset(out)


def dice(a: frozenset, b: frozenset) -> float:
    return 2 * len(a & b) / (len(a) + len(b)) if a and b else 0.0


def run_polnear(filtered: bool, limit: int | None, verbose: bool) -> None:
    base = SHARED / "benchmarks" / "polnear" / "dev"
    if not base.exists():
        print("\n== PolNeAR: skipped (../shared/benchmarks/polnear absent)")
        return
    anns: dict[str, Path] = {}
    for ann in sorted((base / "attributions").glob("*.ann")):
        stem = ann.stem.rsplit("_", 1)[0]
        anns.setdefault(stem, ann)
    stems = sorted(s for s in anns if (base / "text" / f"{s}.txt").exists())[:limit]
    texts = [(base / "text" / f"{s}.txt").read_text(encoding="utf-8") for s in stems]
    counts = {k: Counter() for k in ("source", "source_nopron", "source_touch", "cue", "content", "core")}
    n_pairs = 0
    pronouns = {"he", "she", "it", "they", "i", "we", "you", "him", "her", "them"}
    for stem, text, sdoc in zip(stems, texts, nlp.parse(texts, needs_parse=sentence_filter(filtered))):
        toks = [(m.start(), m.end()) for m in WORD.finditer(text)]
        starts, ends = [a for a, _ in toks], [b for _, b in toks]

        def tset(bounds):
            return token_set(bounds, starts, ends)

        golds = [{k: tset(v) for k, v in g.items()} | {"source_text": " ".join(text[a:b] for a, b in g["source"]),
                                                        "cue_text": " ".join(text[a:b] for a, b in g["cue"])}
                 for g in read_ann(anns[stem])]
        preds = []
        for c in claims_mod.extract_claims(sdoc, stem):
            preds.append({"content": tset([(c.content.start, c.content.end)]),
                          "cue": tset([(c.cue_span.start, c.cue_span.end)]) if c.cue_span else frozenset(),
                          "source": tset([(c.speaker_span.start, c.speaker_span.end)]) if c.speaker_span
                          else frozenset()})
        cand = sorted(((dice(p["content"], g["content"]), i, j) for i, p in enumerate(preds)
                       for j, g in enumerate(golds)), reverse=True)
        used_p, used_g, pairs = set(), set(), []
        for d, i, j in cand:
            if d > 0 and i not in used_p and j not in used_g:
                used_p.add(i), used_g.add(j), pairs.append((i, j))
        n_pairs += len(pairs)
        for comp in ("source", "cue", "content"):
            counts[comp]["pred"] += sum(1 for p in preds if p[comp])
            counts[comp]["gold"] += sum(1 for g in golds if g[comp])
            counts[comp]["tp"] += sum(1 for i, j in pairs if dice(preds[i][comp], golds[j][comp]) >= 0.5)
        counts["source_touch"]["pred"] += sum(1 for p in preds if p["source"])
        counts["source_touch"]["gold"] += sum(1 for g in golds if g["source"])
        counts["source_touch"]["tp"] += sum(1 for i, j in pairs if preds[i]["source"] & golds[j]["source"])
        core = [j for j, g in enumerate(golds) if CORE_CUE.search(g["cue_text"])]
        paired_content = {j for i, j in pairs if dice(preds[i]["content"], golds[j]["content"]) >= 0.5}
        counts["core"]["gold"] += len(core)
        counts["core"]["tp"] += sum(1 for j in core if j in paired_content)
        is_pron = [g["source_text"].strip().lower() in pronouns for g in golds]
        counts["source_nopron"]["pred"] += sum(1 for i, p in enumerate(preds) if p["source"] and not (
            any(i == pi and is_pron[gj] for pi, gj in pairs)))
        counts["source_nopron"]["gold"] += sum(1 for j, g in enumerate(golds) if g["source"] and not is_pron[j])
        counts["source_nopron"]["tp"] += sum(1 for i, j in pairs if not is_pron[j]
                                             and dice(preds[i]["source"], golds[j]["source"]) >= 0.5)
    print(f"\n== PolNeAR dev: {len(stems)} articles, {counts['content']['gold']} gold attributions, "
          f"{counts['content']['pred']} predicted, {n_pairs} paired by content overlap")
    print("   (component correct when token Dice >= 0.5 within a content-paired attribution)")
    for comp, label in (("source", "source"), ("source_nopron", "source, gold pronouns left out"),
                        ("source_touch", "source, sharing >= 1 token"),
                        ("cue", "cue"), ("content", "content")):
        c = counts[comp]
        p, r, f = prf(c["tp"], c["pred"], c["gold"])
        print(f"   {label:32s} P={p:.3f} R={r:.3f} F1={f:.3f}  (tp={c['tp']} pred={c['pred']} gold={c['gold']})")
    c = counts["core"]
    print(f"   content recall on core speech cues (say/tell/add/according to/report/write/state/…): "
          f"{c['tp']}/{c['gold']} = {c['tp'] / max(c['gold'], 1):.3f}")


# --- 3. speed ---------------------------------------------------------------------------------

def run_speed(parsed, ids, repeat: int = 5) -> None:
    t0 = time.perf_counter()
    n = 0
    for _ in range(repeat):
        for doc_id, sdoc in zip(ids, parsed):
            claims_mod.extract_claims(sdoc, doc_id)
            n += 1
    dt = time.perf_counter() - t0
    print(f"\n== speed: extract_claims alone over parsed docs: {n / dt:.0f} docs/s ({n} runs)")


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--verbose", "-v", action="store_true")
    ap.add_argument("--no-filter", action="store_true", help="parse every sentence")
    ap.add_argument("--skip-polnear", action="store_true")
    ap.add_argument("--polnear-limit", type=int, default=None, help="score only the first N articles")
    args = ap.parse_args(argv)
    if not (SHARED / "corpus" / "quotes_gold.jsonl").exists():
        print(f"skipped: {SHARED / 'corpus'} is absent (third-party data lives outside the repo)")
        return 0
    dev = run_dev(not args.no_filter, args.verbose)
    all_docs = [json.loads(line) for line in (SHARED / "corpus" / "dev.jsonl").read_text().splitlines() if line]
    parsed_all = parse_docs([d["text"] for d in all_docs], not args.no_filter)
    run_speed(parsed_all, [d["id"] for d in all_docs])
    if not args.skip_polnear:
        run_polnear(not args.no_filter, args.polnear_limit, args.verbose)
    del dev
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
