"""TempEval-3 timex benchmark: extent, value and type scores of ``dateline.analyze.timex``.

Reads the TimeML files of TE3-Platinum (the test set) or TBAQ-cleaned (training data, for
development) from ``../shared/benchmarks/tempeval3`` -- or, as a second development set of
news, the MEANTIME Wikinews articles (``../shared/benchmarks/meantime_en``; token-annotated,
so their text is rebuilt from the tokens); for each document takes the plain
TEXT (tags stripped, offsets kept), runs our extractor through the production path
(``parse_one(text, needs_parse=TRIGGER.search)``, so the sentence filter is included) with
the document creation time (DCT) as the article date, and scores like the official
TempEval-3 timex evaluation:

* strict extent match: same character span; relaxed: overlapping spans;
* attribute F1 (value, type) = relaxed F1 x attribute accuracy on relaxed matches, i.e.
  P = correct / system timexes, R = correct / gold timexes.

The DCT itself (given to systems in TE3) is not counted (in MEANTIME, where the DCT is
written in the text, neither is what we find on it). Matching is character-based (the
official scorer compares tokens), so strict scores can differ slightly.

    .venv/bin/python bench/tempeval.py                 # platinum
    .venv/bin/python bench/tempeval.py --set tbaq --limit 60 --errors
    .venv/bin/python bench/tempeval.py --set meantime
"""
from __future__ import annotations

import argparse
import datetime as dt
import html
import re
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / ".." / "shared" / "benchmarks" / "tempeval3"
MEANTIME = ROOT / ".." / "shared" / "benchmarks" / "meantime_en" / "intra_cross-doc_annotation"
SETS = {"platinum": ["te3-platinum"], "tbaq": ["TBAQ-cleaned/TimeBank", "TBAQ-cleaned/AQUAINT"], "meantime": []}


@dataclass
class Timex:
    start: int
    end: int
    type: str
    value: str
    text: str


@dataclass
class TmlDoc:
    name: str
    dct: dt.date
    text: str
    timexes: list[Timex] = field(default_factory=list)
    ignore: list[tuple[int, int]] = field(default_factory=list)   # system hits here are not scored


_PIECE = re.compile(r"<[^>]+>|&[a-z]+;|&#\d+;|[^<&]+")
_ATTR = re.compile(r'(\w+)="([^"]*)"')


def read_tml(path: Path) -> TmlDoc:
    """The TEXT of a TimeML file with its TIMEX3 annotations as character spans."""
    raw = path.read_text(encoding="utf-8")
    dct_tag = re.search(r"<DCT>\s*<TIMEX3([^>]*)>", raw)
    dct_value = dict(_ATTR.findall(dct_tag.group(1)))["value"] if dct_tag else ""
    body = raw[raw.index("<TEXT>") + len("<TEXT>"):raw.index("</TEXT>")]
    out: list[str] = []
    pos = 0
    open_timex: tuple[int, dict] | None = None
    timexes = []
    for m in _PIECE.finditer(body):
        piece = m.group(0)
        if piece.startswith("<"):
            if piece.startswith("<TIMEX3"):
                open_timex = (pos, dict(_ATTR.findall(piece)))
            elif piece.startswith("</TIMEX3") and open_timex:
                start, attrs = open_timex
                text = "".join(out)[start:pos]
                timexes.append(Timex(start, pos, attrs.get("type", ""), attrs.get("value", ""), text))
                open_timex = None
            continue
        piece = html.unescape(piece) if piece.startswith("&") else piece
        out.append(piece)
        pos += len(piece)
    return TmlDoc(path.stem, dt.date.fromisoformat(dct_value[:10]), "".join(out), timexes)


MEANTIME_ANNOTATED_SENTENCES = 6
_NO_SPACE_BEFORE = re.compile(r"^(?:[.,;:!?)\]}%]|'s|'|n't|'re|'ve|'ll|'d|'m)$", re.I)
_NO_SPACE_AFTER = {"(", "[", "{", "$", "US$", "#"}


def read_meantime(path: Path) -> TmlDoc:
    """A MEANTIME (CAT XML) article: text rebuilt from its tokens, one line per sentence."""
    raw = path.read_text(encoding="utf-8")
    spans: dict[str, tuple[int, int]] = {}
    sentence_of: dict[str, str] = {}
    out: list[str] = []
    pos, last_sentence, prev = 0, None, ""
    for m in re.finditer(r'<token [^>]*?sentence="(\d+)" t_id="(\d+)"[^>]*>([^<]*)</token>', raw):
        sentence, tid, word = m.group(1), m.group(2), html.unescape(m.group(3))
        sep = "" if last_sentence is None else "\n" if sentence != last_sentence else \
            "" if _NO_SPACE_BEFORE.match(word) or prev in _NO_SPACE_AFTER else " "
        out.append(sep)
        pos += len(sep)
        spans[tid] = (pos, pos + len(word))
        sentence_of[tid] = sentence
        out.append(word)
        pos += len(word)
        last_sentence, prev = sentence, word
    text = "".join(out)
    timexes, ignore, dct = [], [], None
    for m in re.finditer(r"<TIMEX3 ([^>]*)>(.*?)</TIMEX3>", raw, re.S):
        attrs = dict(_ATTR.findall(m.group(1)))
        tids = re.findall(r'<token_anchor t_id="(\d+)"', m.group(2))
        start, end = spans[tids[0]][0], spans[tids[-1]][1]
        if attrs.get("functionInDocument") == "CREATION_TIME":
            value = attrs["value"][:10]
            if re.fullmatch(r"\d\d-\d\d-\d{4}", value):      # one file writes MM-DD-YYYY
                value = f"{value[6:]}-{value[:2]}-{value[3:5]}"
            dct = dt.date.fromisoformat(value)
            ignore.append((start, end))
            continue
        timexes.append(Timex(start, end, attrs.get("type", ""), attrs.get("value", ""), text[start:end]))
    # timexes are annotated in the title, the date line and the first sentences only
    # (sentences 0-5: the furthest any TIMEX3, VALUE or SIGNAL reaches): score nothing after
    last = MEANTIME_ANNOTATED_SENTENCES - 1
    cut = max((e for t, (b, e) in spans.items() if int(sentence_of[t]) <= last), default=len(text))
    ignore.append((cut, len(text) + 1))
    timexes.sort(key=lambda t: t.start)
    return TmlDoc(path.stem, dct, text, timexes, ignore)


def load_set(name: str, limit: int | None = None) -> list[TmlDoc]:
    if name == "meantime":
        return [read_meantime(p) for p in sorted(MEANTIME.glob("*/*.xml"))[:limit]]
    paths = sorted(p for sub in SETS[name] for p in (DATA / sub).glob("*.tml"))
    return [read_tml(p) for p in paths[:limit]]


@dataclass
class Counts:
    gold: int = 0
    system: int = 0
    strict: int = 0
    relaxed_gold: int = 0      # gold timexes overlapped by a system one
    relaxed_system: int = 0    # system timexes overlapping a gold one
    value_ok: int = 0
    type_ok: int = 0

    def add(self, other: "Counts") -> None:
        for k in vars(self):
            setattr(self, k, getattr(self, k) + getattr(other, k))


def _overlap(a, b) -> int:
    return min(a.end, b.end) - max(a.start, b.start)


def score_doc(gold: list[Timex], system: list[Timex]) -> tuple[Counts, list[tuple]]:
    """Counts for one document plus the error list (kind, gold, system)."""
    c = Counts(gold=len(gold), system=len(system))
    errors = []
    system_spans = {(s.start, s.end) for s in system}
    c.strict = sum((g.start, g.end) in system_spans for g in gold)
    c.relaxed_system = sum(any(_overlap(s, g) > 0 for g in gold) for s in system)
    for g in gold:
        matches = [s for s in system if _overlap(s, g) > 0]
        if not matches:
            errors.append(("missed", g, None))
            continue
        c.relaxed_gold += 1
        best = max(matches, key=lambda s: (_overlap(s, g), -abs(s.start - g.start)))
        c.value_ok += best.value == g.value
        c.type_ok += best.type == g.type
        if best.value != g.value or best.type != g.type:
            errors.append(("value", g, best))
        elif (best.start, best.end) != (g.start, g.end):
            errors.append(("extent", g, best))
    errors += [("spurious", None, s) for s in system if not any(_overlap(s, g) > 0 for g in gold)]
    return c, errors


def _prf(correct_p: int, correct_r: int, system: int, gold: int) -> tuple[float, float, float]:
    p = correct_p / system if system else 0.0
    r = correct_r / gold if gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def report(c: Counts) -> list[tuple[str, float, float, float]]:
    rows = [("strict extent", *_prf(c.strict, c.strict, c.system, c.gold)),
            ("relaxed extent", *_prf(c.relaxed_system, c.relaxed_gold, c.system, c.gold)),
            ("value", *_prf(c.value_ok, c.value_ok, c.system, c.gold)),
            ("type", *_prf(c.type_ok, c.type_ok, c.system, c.gold))]
    return rows


def run_extractor(doc: TmlDoc):
    from dateline.analyze import nlp, timex

    sdoc = nlp.parse_one(doc.text, needs_parse=timex.TRIGGER.search)
    return [Timex(t.span.start, t.span.end, t.type, t.value, t.text)
            for t in timex.extract_times(sdoc, doc.name, doc.dct)]


def evaluate(docs: list[TmlDoc], show_errors: bool = False) -> tuple[Counts, float]:
    from dateline.analyze import nlp

    nlp.load()                      # model loading is not part of the per-document time
    total = Counts()
    elapsed = 0.0
    for doc in docs:
        t0 = time.perf_counter()
        system = run_extractor(doc)
        elapsed += time.perf_counter() - t0
        system = [s for s in system if not any(s.start < e and b < s.end for b, e in doc.ignore)]
        counts, errors = score_doc(doc.timexes, system)
        total.add(counts)
        if show_errors:
            for kind, g, s in errors:
                gs = f"{g.text!r} {g.type} {g.value}" if g else "-"
                ss = f"{s.text!r} {s.type} {s.value}" if s else "-"
                ctx_at = (g or s).start
                ctx = doc.text[max(0, ctx_at - 60):ctx_at + 60].replace("\n", " ")
                print(f"{doc.name} dct={doc.dct} {kind:8} gold={gs} | sys={ss}\n      …{ctx}…")
    return total, (len(docs) / elapsed if elapsed else 0.0)


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--set", choices=sorted(SETS), default="platinum")
    ap.add_argument("--limit", type=int, default=None, help="only the first N documents")
    ap.add_argument("--errors", action="store_true", help="print every miss, spurious and wrong value")
    args = ap.parse_args(argv)
    needed = MEANTIME if args.set == "meantime" else DATA
    if not needed.is_dir():
        print(f"SKIP: benchmark data not found at {needed.resolve()}", file=sys.stderr)
        return 0
    docs = load_set(args.set, args.limit)
    counts, docs_per_s = evaluate(docs, show_errors=args.errors)
    print(f"{args.set}: {len(docs)} docs, {counts.gold} gold timexes, {counts.system} system")
    print(f"{'':16} {'P':>6} {'R':>6} {'F1':>6}")
    for name, p, r, f in report(counts):
        print(f"{name:16} {p:6.3f} {r:6.3f} {f:6.3f}")
    print(f"speed: {docs_per_s:.1f} docs/s (parse with sentence filter + extraction, model preloaded)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
