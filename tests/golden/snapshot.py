"""Golden snapshot: everything ``analyze`` extracts, and what the ledger commands print, frozen.

A refactor must leave it byte-identical; a change meant to alter extraction rewrites it
(``--update``) and says so in its commit. Two files:

- ``own.jsonl``: our own texts (the demo corpus and every sentence-like string of the test
  suite when the snapshot was made), each with its full analysis (figures, claims, times,
  mentions, dated sentences, every field);
- ``shared.json``: for the third-party texts in ``../shared`` (dev corpus and seeds), only a
  SHA-256 per article of the same analysis, and of ``dateline check --json``, ``series --json``
  and ``timeline --json`` on the dev ledger: their text never enters the project.

    .venv/bin/python tests/golden/snapshot.py --check          # compare (what tests/test_golden.py does)
    .venv/bin/python tests/golden/snapshot.py --update         # rewrite after an intended change
    .venv/bin/python tests/golden/snapshot.py --dump /tmp/g    # full outputs of everything, to diff by hand
"""
from __future__ import annotations

import argparse
import ast
import datetime as dt
import hashlib
import json
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(ROOT / "src"))

OWN = HERE / "own.jsonl"
SHARED_DIGESTS = HERE / "shared.json"
TEST_SENTENCE_DATE = dt.date(2024, 3, 4)


def canonical(obj) -> str:
    from dateline.records import to_jsonable

    return json.dumps(to_jsonable(obj), ensure_ascii=False, sort_keys=True)


def analysis_record(a) -> dict:
    return {"figures": a.figures, "claims": a.claims, "times": a.times, "mentions": a.mentions,
            "sentences": a.sentences}


def test_suite_strings() -> list[str]:
    """String literals of the test suite that read like text (four words or more)."""
    out = set()
    for path in sorted((ROOT / "tests").glob("test_*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Constant) and isinstance(node.value, str):
                s = node.value
                if 4 <= len(s.split()) and len(s) <= 3000 and any(c.isalpha() for c in s) and "\x00" not in s \
                        and not s.lstrip().startswith(("SELECT", "INSERT", "{", "<", "def ", "import ")):
                    out.add(s)
    return sorted(out)


def demo_documents():
    from importlib.resources import files

    from dateline.ingest.sources import read_inputs

    from dateline.records import Document

    docs = [d for d in read_inputs([Path(str(files("dateline") / "demo"))]) if isinstance(d, Document)]
    return sorted(docs, key=lambda d: d.id)


def own_inputs(existing: list[dict] | None) -> list[tuple[str, str, dt.date, str]]:
    """(kind, id, date, text): the demo's documents, then the recorded test sentences (the ones the
    snapshot was made with, so a new test does not change the snapshot)."""
    items = [("demo", d.id, d.date, d.text) for d in demo_documents()]
    if existing is not None:
        items += [(r["kind"], r["id"], dt.date.fromisoformat(r["date"]), r["text"]) for r in existing
                  if r["kind"] == "sentence"]
    else:
        items += [("sentence", f"s{i:04d}", TEST_SENTENCE_DATE, s) for i, s in enumerate(test_suite_strings())]
    return items


def analyse(items):
    from dateline.analyze.pipeline import analyze_batch
    from dateline.records import Document

    docs = [Document(id=i, text=t, date=d) for _, i, d, t in items]
    out = []
    for k in range(0, len(docs), 64):
        out.extend(analyze_batch(docs[k:k + 64]))
    return out


def own_snapshot(existing=None) -> list[dict]:
    items = own_inputs(existing)
    rows = []
    for (kind, i, d, t), a in zip(items, analyse(items)):
        rows.append({"kind": kind, "id": i, "date": d.isoformat(), "text": t,
                     "analysis": json.loads(canonical(analysis_record(a)))})
    return rows


def shared_documents():
    """The dev corpus and the seeds, read as ``dateline ingest`` reads them."""
    from dateline.ingest.sources import read_inputs
    from dateline.records import Document

    items = read_inputs([SHARED / "seeds", SHARED / "corpus" / "dev.jsonl"])
    return [(d.id, d.date, d.text) for d in items if isinstance(d, Document)]


def digest(text: str) -> str:
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def shared_outputs() -> dict[str, str]:
    """Full outputs (not digests) for the third-party texts: per article, and the ledger commands."""
    from typer.testing import CliRunner

    from dateline import Ledger
    from dateline.cli import app

    docs = shared_documents()
    items = [("shared", i, d, t) for i, d, t in docs]
    out = {f"analysis/{i}": canonical(analysis_record(a)) for (_, i, _, _), a in zip(items, analyse(items))}
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "dev.db"
        with Ledger(db) as ledger:
            ledger.ingest([SHARED / "seeds", SHARED / "corpus" / "dev.jsonl"])
        runner = CliRunner()
        for name, args in (("check", ["check", "--json"]), ("series", ["series", "--json"]),
                           ("timeline", ["timeline", "--json"])):
            res = runner.invoke(app, args + ["--db", str(db)])
            out[f"command/{name}"] = f"exit {res.exit_code}\n{res.stdout}"
    return out


def load_own() -> list[dict]:
    return [json.loads(line) for line in OWN.open(encoding="utf-8")] if OWN.exists() else []


def compare() -> list[str]:
    """Differences from the stored snapshot, one line each (empty when identical)."""
    problems = []
    stored = load_own()
    fresh = own_snapshot(stored)
    old = {(r["kind"], r["id"]): r for r in stored}
    for r in fresh:
        o = old.pop((r["kind"], r["id"]), None)
        if o is None:
            problems.append(f"own {r['kind']} {r['id']}: not in the snapshot")
        elif o["analysis"] != r["analysis"] or o["text"] != r["text"]:
            for part in r["analysis"]:
                if o["analysis"].get(part) != r["analysis"][part]:
                    problems.append(f"own {r['kind']} {r['id']} {part}: {r['text'][:80]!r}\n"
                                    f"    was {json.dumps(o['analysis'].get(part), ensure_ascii=False)[:600]}\n"
                                    f"    now {json.dumps(r['analysis'][part], ensure_ascii=False)[:600]}")
    problems += [f"own {k[0]} {k[1]}: in the snapshot, no longer produced" for k in old]
    if (SHARED / "corpus" / "dev.jsonl").exists() and SHARED_DIGESTS.exists():
        want = json.loads(SHARED_DIGESTS.read_text(encoding="utf-8"))
        got = {k: digest(v) for k, v in shared_outputs().items()}
        for k in sorted(set(want) | set(got)):
            if want.get(k) != got.get(k):
                problems.append(f"shared {k}: digest differs (run with --dump DIR before and after to see how)")
    return problems


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    g = ap.add_mutually_exclusive_group(required=True)
    g.add_argument("--check", action="store_true")
    g.add_argument("--update", action="store_true")
    g.add_argument("--dump", type=Path)
    ap.add_argument("--resample", action="store_true", help="with --update: take the test strings afresh")
    args = ap.parse_args(argv)
    if args.check:
        problems = compare()
        print("\n".join(problems) if problems else "identical")
        return 1 if problems else 0
    if args.update:
        rows = own_snapshot(None if args.resample or not OWN.exists() else load_own())
        with OWN.open("w", encoding="utf-8") as fh:
            for r in rows:
                fh.write(json.dumps(r, ensure_ascii=False, sort_keys=True) + "\n")
        if (SHARED / "corpus" / "dev.jsonl").exists():
            SHARED_DIGESTS.write_text(json.dumps({k: digest(v) for k, v in shared_outputs().items()},
                                                 indent=1, sort_keys=True) + "\n", encoding="utf-8")
        print(f"wrote {OWN.name} ({len(rows)} texts) and {SHARED_DIGESTS.name}")
        return 0
    args.dump.mkdir(parents=True, exist_ok=True)
    for r in own_snapshot(load_own() or None):
        (args.dump / f"own-{r['kind']}-{r['id']}.json").write_text(
            json.dumps(r, ensure_ascii=False, sort_keys=True, indent=1), encoding="utf-8")
    if (SHARED / "corpus" / "dev.jsonl").exists():
        for k, v in shared_outputs().items():
            (args.dump / (k.replace("/", "-") + ".txt")).write_text(v, encoding="utf-8")
    print(f"dumped to {args.dump}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
