"""The store and the Ledger API: idempotent ingest, versions, atomic batches, duplicates, entities, export."""
from __future__ import annotations

import json
import sqlite3
from importlib.resources import files
from pathlib import Path

import pytest

from dateline import Ledger
from dateline.store import sqlite as store_mod

DEMO = Path(str(files("dateline") / "demo"))


def write_jsonl(path: Path, rows: list[dict]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def demo_ledger(tmp_path_factory):
    db = tmp_path_factory.mktemp("demo") / "demo.db"
    ledger = Ledger(db)
    report = ledger.ingest([DEMO])
    yield ledger, report
    ledger.close()


def test_demo_corpus_ingests_cleanly(demo_ledger):
    ledger, report = demo_ledger
    assert report.errors == [] and report.added == 9
    assert ledger.store.schema_version == store_mod.SCHEMA_VERSION
    mode = ledger.store.db.execute("PRAGMA journal_mode").fetchone()[0]
    assert mode == "wal"


def test_every_span_points_into_its_document(demo_ledger):
    ledger, _ = demo_ledger
    texts = {d.id: d.text for d in ledger.documents()}
    records = list(ledger.export())
    assert {r["kind"] for r in records} >= {"document", "entity", "time", "figure", "claim"}
    for r in records:
        if "start" not in r:
            continue
        text = texts[r["doc"]]
        assert 0 <= r["start"] < r["end"] <= len(text)
        if r["kind"] == "figure":
            assert r["sentence"] == text[r["start"]:r["end"]]
            assert r["start"] <= r["value_start"] < r["value_end"] <= r["end"]
        if r["kind"] == "claim":
            assert text[r["content_start"]:r["content_end"]] == r["content"]
        if r["kind"] == "time":
            assert text[r["start"]:r["end"]] == r["text"]


def test_syndicated_copy_is_grouped(demo_ledger):
    ledger, _ = demo_ledger
    groups = {d.id: d.dup_group for d in ledger.documents()}
    assert groups["belmoria-wire-0305-copy"] == groups["belmoria-wire-0305"] == "belmoria-wire-0305"
    assert groups["belmoria-wire-0308"] is None


def test_entities_merge_aliases(demo_ledger):
    ledger, _ = demo_ledger
    reyna = [e for e in ledger.entities(kind="person") if "Reyna" in e["name"]]
    assert len(reyna) == 1 and reyna[0]["name"] == "Tomas Reyna" and "Reyna" in reyna[0]["aliases"]
    ocha = [e for e in ledger.entities() if "OCHA" in e["aliases"]]
    assert len(ocha) == 1 and "Humanitarian" in ocha[0]["name"]


def test_full_text_search(demo_ledger):
    ledger, _ = demo_ledger
    hits = ledger.search("dam")
    assert hits and all("dam" in (h["snippet"] or "").lower() for h in hits)


def test_reingest_is_a_no_op_and_changed_text_is_a_new_version(tmp_path):
    rows = [{"id": "a", "date": "2024-03-04", "text": "At least 12 people were killed on Sunday, the ministry said."},
            {"id": "b", "date": "2024-03-05", "text": "Rescuers said 40 people were missing."}]
    src = write_jsonl(tmp_path / "in.jsonl", rows)
    with Ledger(tmp_path / "l.db") as ledger:
        first = ledger.ingest([src])
        assert (first.added, first.updated, first.unchanged) == (2, 0, 0)
        snapshot = list(ledger.export())
        again = ledger.ingest([src])
        assert (again.added, again.updated, again.unchanged) == (0, 0, 2)
        assert list(ledger.export()) == snapshot
        rows[0]["text"] = "At least 15 people were killed on Sunday, the ministry said."
        write_jsonl(src, rows)
        third = ledger.ingest([src])
        assert (third.added, third.updated, third.unchanged) == (0, 1, 1)
        doc = ledger.document("a")
        assert "15" in doc.text
        assert [f["value"] for f in ledger.figures(doc="a")] == [15]
        old = ledger.store.db.execute("SELECT version, text FROM document_versions WHERE id='a'").fetchall()
        assert [(v, "12" in t) for v, t in old] == [(1, True)]
        assert ledger.store.db.execute("SELECT version FROM documents WHERE id='a'").fetchone()[0] == 2


def test_duplicate_ids_in_one_batch(tmp_path):
    src = write_jsonl(tmp_path / "dups.jsonl", [
        {"id": "x", "date": "2024-03-04", "text": "First text about the flood."},
        {"id": "x", "date": "2024-03-04", "text": "Different text under the same id."},
        {"id": "y", "date": "2024-03-04", "text": "Another article."},
        {"id": "y", "date": "2024-03-04", "text": "Another article."},
    ])
    with Ledger(tmp_path / "l.db") as ledger:
        report = ledger.ingest([src])
        assert report.added == 2
        (err,) = report.errors
        assert "duplicate id 'x'" in err.reason and "dups.jsonl:1" in err.reason
        (warn,) = report.warnings
        assert "duplicate of id 'y'" in warn.reason
        assert ledger.document("x").text == "First text about the flood."


def test_a_failing_batch_leaves_nothing_half_written(tmp_path, monkeypatch):
    src = write_jsonl(tmp_path / "in.jsonl", [
        {"id": f"d{i}", "date": "2024-03-04", "text": f"At least {i + 10} people were killed, officials said."}
        for i in range(4)])
    ledger = Ledger(tmp_path / "l.db")
    real = store_mod.Store._insert_items
    calls = {"n": 0}

    def crash_on_third(self, analysis):
        calls["n"] += 1
        if calls["n"] == 3:
            raise RuntimeError("simulated crash")
        return real(self, analysis)

    monkeypatch.setattr(store_mod.Store, "_insert_items", crash_on_third)
    with pytest.raises(RuntimeError):
        ledger.ingest([src], batch_size=2)
    # the first batch (d0, d1) committed whole; the second (d2, d3) left no trace
    ids = [r[0] for r in ledger.store.db.execute("SELECT id FROM documents ORDER BY id")]
    assert ids == ["d0", "d1"]
    orphans = ledger.store.db.execute("SELECT count(*) FROM figures WHERE doc NOT IN ('d0','d1')").fetchone()[0]
    assert orphans == 0
    assert ledger.store.db.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    monkeypatch.setattr(store_mod.Store, "_insert_items", real)
    report = ledger.ingest([src], batch_size=2)
    assert (report.added, report.unchanged) == (2, 2)
    ledger.close()


def test_read_only_store_refuses_writes(tmp_path):
    with Ledger(tmp_path / "l.db"):
        pass
    ro = Ledger(tmp_path / "l.db", read_only=True)
    with pytest.raises(sqlite3.OperationalError):
        ro.store.db.execute("INSERT INTO runs(started_at, inputs) VALUES ('x', '[]')")
    with pytest.raises(FileNotFoundError):
        Ledger(tmp_path / "missing.db", read_only=True)


def test_newer_schema_is_refused(tmp_path):
    db = tmp_path / "l.db"
    Ledger(db).close()
    con = sqlite3.connect(db)
    con.execute(f"PRAGMA user_version={store_mod.SCHEMA_VERSION + 1}")
    con.close()
    with pytest.raises(store_mod.SchemaError):
        Ledger(db)


def test_export_matches_the_published_schema(demo_ledger):
    import jsonschema

    ledger, _ = demo_ledger
    schema = json.loads((files("dateline") / "schema" / "export.schema.json").read_text(encoding="utf-8"))
    validator = jsonschema.Draft202012Validator(schema)
    records = list(ledger.export())
    assert records
    for r in records:
        errors = list(validator.iter_errors(r))
        assert not errors, (r, errors[0].message)


def test_sentence_cache_gives_identical_analyses():
    import datetime as dt

    from dateline.analyze import nlp, pipeline
    from dateline.records import Document, to_jsonable

    texts = ["At least 12 people were killed on Sunday, the ministry said.\nRescuers searched the river banks.\n",
             "Rescuers searched the river banks.\nAt least 12 people were killed on Sunday, the ministry said.\n",
             "“We need help,” said Mira Dant. At least 12 people were killed on Sunday, the ministry said.\n"]
    docs = [Document(id=f"d{i}", text=t, date=dt.date(2024, 3, 4)) for i, t in enumerate(texts)]
    cache = nlp.SegmentCache()
    cached = [to_jsonable(a) for a in pipeline.analyze_batch(docs, cache=cache)]
    assert cache.hits >= 2
    fresh = [to_jsonable(a) for a in pipeline.analyze_batch(docs, cache=None)]
    assert cached == fresh
    off = nlp.SegmentCache(size=0)
    parsed_each_time = [to_jsonable(a) for a in pipeline.analyze_batch(docs, cache=off)]
    assert parsed_each_time == fresh and off.hits == 0 and not off.docs


def test_a_run_that_died_before_consolidating_is_finished_by_the_next(tmp_path, monkeypatch):
    from dateline.ledger import Ledger as LedgerClass

    src = write_jsonl(tmp_path / "in.jsonl", [
        {"id": "a", "date": "2024-03-04", "text": "Tomas Reyna said 12 people were killed in Tarvo."}])
    ledger = Ledger(tmp_path / "l.db")
    real = LedgerClass.consolidate

    def die(self):
        raise KeyboardInterrupt("killed before consolidating")

    monkeypatch.setattr(LedgerClass, "consolidate", die)
    with pytest.raises(KeyboardInterrupt):
        ledger.ingest([src])
    assert ledger.store.count("documents") == 1 and ledger.store.count("entities") == 0
    monkeypatch.setattr(LedgerClass, "consolidate", real)
    report = ledger.ingest([src])
    assert report.unchanged == 1 and ledger.store.count("entities") > 0
    assert ledger.store.get_state("needs_consolidation") == "0"
    ledger.close()


def test_the_installed_model_is_the_official_build_and_a_changed_meta_is_refused():
    from dateline.analyze import nlp

    meta = nlp.model_meta()
    nlp.check_model_meta(meta)                     # the pinned wheel is en_core_web_sm 3.8.0 as published
    for key in ("version", "spacy_git_version"):
        with pytest.raises(nlp.ModelError, match=key):
            nlp.check_model_meta({**meta, key: "0.0.0-other"})
    changed = {**meta, "performance": {**meta["performance"], "ents_f": 0.99}}
    with pytest.raises(nlp.ModelError, match="ents_f"):
        nlp.check_model_meta(changed)


def _groups(ledger) -> dict:
    return {r[0]: r[1] for r in ledger.store.db.execute("SELECT id, dup_group FROM documents")}


def test_new_articles_extend_duplicate_groups_as_a_full_rebuild_would(tmp_path):
    """Consolidation after an ingest of new ids reads only articles within a week of them and joins
    their groups; the result equals grouping everything again, including when a new article
    bridges two groups (and the earliest member still names the merged group)."""
    from dateline.engines import synthetic

    originals = [a for a in synthetic.articles(40, seed=3, days=20, sentences=(6, 9), copy_share=0.3)]
    a, b = [o for o in originals if not o["title"].startswith("Wire: ")][:2]
    late = max(o["date"] for o in originals)
    bridge = {"id": "bridge", "date": late, "title": "Both", "text": a["text"] + "\n" + b["text"]}
    copy_a = {"id": "copy-a", "date": late, "title": "Copy", "text": a["text"]}
    copy_b = {"id": "copy-b", "date": late, "title": "Copy", "text": b["text"]}
    chunks = [originals[:15], originals[15:] + [copy_a, copy_b], [bridge]]
    with Ledger(tmp_path / "inc.db") as ledger:
        for i, chunk in enumerate(chunks):
            ledger.ingest([write_jsonl(tmp_path / f"chunk{i}.jsonl", chunk)])
            assert ledger.store.get_state("dup_groups") == "complete"
            assert ledger.store.unconsolidated() == {}
            full = ledger._all_dup_groups()
            assert _groups(ledger) == {d: full.get(d) for d in _groups(ledger)}
        groups = _groups(ledger)
    assert groups["bridge"] is not None and groups["bridge"] == groups["copy-a"] == groups["copy-b"]
    assert len({g for g in groups.values() if g}) >= 1
    assert sum(1 for g in groups.values() if g) > 3          # wire copies grouped besides the bridge's group


def test_a_new_version_regroups_everything(tmp_path, monkeypatch):
    from dateline import ledger as ledger_mod

    path = write_jsonl(tmp_path / "one.jsonl", [{"id": "x", "date": "2024-03-02", "text": "A short invented note "
                                                 "about the Karsa ferry timetable changing next week."}])
    calls = []
    with Ledger(tmp_path / "v.db") as ledger:
        monkeypatch.setattr(ledger_mod.Ledger, "_all_dup_groups",
                            lambda self: calls.append("full") or {})
        ledger.ingest([path])                                    # a fresh store: grouped in full once
        assert calls == ["full"]
        path.write_text(json.dumps({"id": "x", "date": "2024-03-02", "text": "A short invented note about the "
                                    "Karsa ferry timetable changing in two weeks."}) + "\n")
        ledger.ingest([path])                                    # a new version: in full again
        assert calls == ["full", "full"]


def test_two_new_articles_joining_one_group_from_either_end(tmp_path):
    """p copies the first half of A and is dated before it; q copies the second half of A's copy
    A2. p and q share nothing, yet all four are one group, named after p (the earliest)."""
    from dateline.engines import synthetic

    s1, s2, s3 = [a["text"] for a in synthetic.articles(3, seed=11, sentences=(8, 8), copy_share=0)]
    old = [{"id": "A", "date": "2024-03-10", "text": s1 + "\n" + s2},
           {"id": "A2", "date": "2024-03-11", "text": s2 + "\n" + s3}]
    new = [{"id": "p", "date": "2024-03-08", "text": s1}, {"id": "q", "date": "2024-03-12", "text": s3}]
    with Ledger(tmp_path / "g.db") as ledger:
        ledger.ingest([write_jsonl(tmp_path / "old.jsonl", old)])
        assert _groups(ledger) == {"A": "A", "A2": "A"}
        ledger.ingest([write_jsonl(tmp_path / "new.jsonl", new)])
        assert _groups(ledger) == {"A": "p", "A2": "p", "p": "p", "q": "p"}
        full = ledger._all_dup_groups()
        assert _groups(ledger) == full
