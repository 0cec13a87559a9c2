"""Same output with and without the speed-ups: every extracted record and every stored row compared.

    python bench/identity.py                         # 1,000 distinct Timeline17 excerpts (bench/speed.py's texts)
    python bench/identity.py --n 200 --workers 1
    python bench/identity.py --base-src DIR          # also against another checkout's src/ (e.g. an older commit)

Three comparisons, each printing the number of differences (0 expected):

1. spaCy level, in this process: every segment of every text parsed by ``analyze.nlp.load()``
   (attribute_ruler + lemmatizer memoised) and by the pipeline exactly as spaCy loads it;
   per token ORTH, NORM, LOWER, TAG, POS, MORPH, LEMMA, DEP, HEAD, ENT_IOB, ENT_TYPE, ENT_KB_ID,
   SENT_START and SPACY (``Doc.to_array``), and ``Doc.to_json()``.
2. Records: each text analysed (``analyze_batch`` in batches of 64, as the golden snapshot does)
   in a child process with ``DATELINE_TOKEN_MEMO=0`` (the pipeline as loaded), one with the
   default, and one with ``--base-src``'s package; every figure, claim, time, mention and dated
   sentence with every field (the golden snapshot's canonical JSON), compared text by text.
3. Ledger: the texts ingested (``Ledger.ingest``, ``--workers``) in each of those children, then
   every row of every table dumped (ingest timestamps and the runs log left out) and compared
   table by table.
"""
from __future__ import annotations

import argparse
import datetime as dt
import hashlib
import json
import os
import sqlite3
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))

SKIP_COLUMNS = {"ingested_at", "replaced_at", "started_at", "finished_at", "at", "created_at", "updated_at"}
SKIP_TABLES = {"runs", "sqlite_sequence", "sqlite_stat1"}


def spacy_level(path: Path) -> int:
    import spacy
    from spacy.attrs import IDS

    sys.path.insert(0, str(ROOT / "src"))
    from dateline.analyze import nlp

    attrs = [IDS[a] for a in ("ORTH", "NORM", "LOWER", "TAG", "POS", "MORPH", "LEMMA", "DEP", "HEAD", "ENT_IOB",
                              "ENT_TYPE", "ENT_KB_ID", "SENT_START", "SPACY")]
    ours = nlp.load()
    plain = spacy.load(nlp.MODEL_PACKAGE)
    texts = [json.loads(line)["text"] for line in path.open(encoding="utf-8")]
    segments = [t[s:e] for t in texts for s, e in nlp.segment(t)]
    bad_docs = bad_tokens = 0
    for a, b in zip(ours.pipe(segments, batch_size=256), plain.pipe(segments, batch_size=256)):
        x, y = a.to_array(attrs), b.to_array(attrs)
        if x.shape != y.shape or not (x == y).all() or a.to_json() != b.to_json():
            bad_docs += 1
            bad_tokens += int((x != y).any(axis=1).sum()) if x.shape == y.shape else len(a)
    memo = next((p.memo for _, p in ours.pipeline if hasattr(p, "memo")), None)
    print(f"1. spaCy: {len(segments)} segments, pipeline {ours.pipe_names} vs {plain.pipe_names}: "
          f"{bad_docs} segments differ ({bad_tokens} tokens)"
          + (f"; memo: {memo.hits} tokens, {memo.misses} computed by the real components, {len(memo.memo)} kept"
             if memo else "; no memo in the pipeline"))
    return bad_docs


def child_dump(path: Path, out: Path, workers: int) -> None:
    """Analyses (canonical JSON per text) and the ingested ledger's rows, into ``out``."""
    from dateline import Ledger
    from dateline.analyze.pipeline import analyze_batch
    from dateline.records import Document, to_jsonable

    rows = [json.loads(line) for line in path.open(encoding="utf-8")]
    docs = [Document(id=r["id"], text=r["text"], date=dt.date.fromisoformat(r["date"])) for r in rows]
    with (out / "analyses.jsonl").open("w", encoding="utf-8") as fh:
        for k in range(0, len(docs), 64):
            for a in analyze_batch(docs[k:k + 64]):
                record = {"figures": a.figures, "claims": a.claims, "times": a.times, "mentions": a.mentions,
                          "sentences": a.sentences}
                fh.write(json.dumps({"id": a.doc.id, "analysis": json.dumps(to_jsonable(record), ensure_ascii=False,
                                                                            sort_keys=True)}) + "\n")
    db = out / "ledger.db"
    with Ledger(db) as ledger:
        report = ledger.ingest([path], workers=workers)
        if report.errors:
            sys.exit(f"input errors: {report.errors[:3]}")
    con = sqlite3.connect(db)
    tables = [r[0] for r in con.execute("SELECT name FROM sqlite_master WHERE type='table' ORDER BY name")]
    with (out / "tables.jsonl").open("w", encoding="utf-8") as fh:
        for t in tables:
            if t in SKIP_TABLES or t.startswith("documents_fts"):
                continue
            cols = [r[1] for r in con.execute(f"PRAGMA table_info({t})") if r[1] not in SKIP_COLUMNS]
            quoted = ", ".join(f'"{c}"' for c in cols)
            rows_ = sorted(json.dumps([v.hex() if isinstance(v, bytes) else v for v in r])
                           for r in con.execute(f"SELECT {quoted} FROM {t}"))
            fh.write(json.dumps({"table": t, "columns": cols, "rows": rows_}) + "\n")
    # the full-text index answers the same
    n = con.execute("SELECT count(*) FROM documents_fts WHERE documents_fts MATCH 'said'").fetchone()[0]
    (out / "fts.txt").write_text(str(n))
    con.close()
    import dateline
    (out / "source.txt").write_text(str(Path(dateline.__file__).parents[1]))


def run_dump(path: Path, out: Path, workers: int, src: Path, memo: bool) -> None:
    out.mkdir(parents=True, exist_ok=True)
    env = dict(os.environ, PYTHONPATH=str(src), DATELINE_TOKEN_MEMO="1" if memo else "0")
    subprocess.run([sys.executable, __file__, "--child", str(out), "--path", str(path), "--workers", str(workers)],
                   check=True, env=env)
    if Path((out / "source.txt").read_text()).resolve() != src.resolve():
        sys.exit(f"{out.name}: dateline was imported from {(out / 'source.txt').read_text()}, not {src}")


def compare(a: Path, b: Path, label: str) -> int:
    def analyses(d):
        return {r["id"]: r["analysis"] for r in map(json.loads, (d / "analyses.jsonl").open(encoding="utf-8"))}

    def tables(d):
        return {r["table"]: r for r in map(json.loads, (d / "tables.jsonl").open(encoding="utf-8"))}

    x, y = analyses(a), analyses(b)
    differ = [k for k in x if x[k] != y.get(k)] + [k for k in y if k not in x]
    records = sum(sum(len(v) for v in json.loads(s).values()) for s in x.values())
    tx, ty = tables(a), tables(b)
    bad_tables = [t for t in sorted(set(tx) | set(ty)) if tx.get(t) != ty.get(t)]
    rows = sum(len(t["rows"]) for t in tx.values())
    fts = (a / "fts.txt").read_text() == (b / "fts.txt").read_text()
    digest = hashlib.sha256((a / "analyses.jsonl").read_bytes()).hexdigest()[:16]
    print(f"{label}: {len(x)} texts, {records} records (digest {digest}): {len(differ)} texts differ"
          f"{' ' + str(differ[:5]) if differ else ''}; ledger: {len(tx)} tables, {rows} rows: "
          f"{len(bad_tables)} tables differ{' ' + str(bad_tables) if bad_tables else ''}; FTS5 answers "
          f"{'the same' if fts else 'DIFFER'}")
    return len(differ) + len(bad_tables) + (not fts)


def main() -> int:
    import speed

    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=1000)
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--base-src", type=Path)
    ap.add_argument("--skip-spacy", action="store_true", help="leave out comparison 1")
    ap.add_argument("--child", type=Path)
    ap.add_argument("--path", type=Path)
    args = ap.parse_args()
    if args.child:
        child_dump(args.path, args.child, args.workers)
        return 0
    problems = 0
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        path, n = speed.t17_corpus(args.n, tmp)
        print(f"{n} distinct Timeline17 excerpts")
        if not args.skip_spacy:
            problems += spacy_level(path)
        src = ROOT / "src"
        run_dump(path, tmp / "plain", args.workers, src, memo=False)
        run_dump(path, tmp / "ours", args.workers, src, memo=True)
        problems += compare(tmp / "plain", tmp / "ours", "2-3. this tree, memo off vs on")
        if args.base_src:
            run_dump(path, tmp / "base", args.workers, args.base_src, memo=True)
            problems += compare(tmp / "base", tmp / "ours", f"2-3. {args.base_src} vs this tree")
    print("identical" if not problems else f"{problems} DIFFERENCES")
    return 1 if problems else 0


if __name__ == "__main__":
    raise SystemExit(main())
