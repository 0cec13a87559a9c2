"""Scale-out engines: Parquet in the export schema, local = Dask (2-worker LocalCluster), load, incremental runs,
WARC / Parquet / fsspec inputs. All articles are invented (dateline.engines.synthetic and the pages below)."""
from __future__ import annotations

import datetime as dt
import io
import json
from importlib.resources import files
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from dateline import Ledger
from dateline.engines import analyze_to_parquet, load_parquet, synthetic
from dateline.engines.inputs import read_sources
from dateline.ingest.errors import InputProblem
from dateline.ingest.sources import read_inputs
from dateline.records import Document
from dateline.store import parquet

PARAGRAPHS = [
    "At least {n} people were killed when the river burst its banks in {place} on Tuesday, the Interior Ministry said.",
    "About 2,000 residents have been displaced across the valley, officials said on Wednesday, and schools are shut.",
    "Rescue teams from three provinces worked through the night to reach villages cut off by the water, "
    "the regional governor told reporters.",
    "The national weather service warned that more rain was expected over the weekend in {place}.",
]


def page(n: int, place: str, day: str) -> str:
    body = "".join(f"<p>{p.format(n=n, place=place)}</p>" for p in PARAGRAPHS)
    return (f"<html><head><title>Flood in {place}</title><meta property='article:published_time' content='{day}'>"
            f"</head><body><article><h1>Flood in {place}</h1>{body}</article></body></html>")


def write_warc(path, responses) -> None:
    from warcio.statusandheaders import StatusAndHeaders
    from warcio.warcwriter import WARCWriter

    with open(path, "wb") as f:
        writer = WARCWriter(f, gzip=True)
        for url, status, content_type, body in responses:
            headers = StatusAndHeaders(status, [("Content-Type", content_type)], protocol="HTTP/1.1")
            writer.write_record(writer.create_warc_record(url, "response", payload=io.BytesIO(body.encode()),
                                                          http_headers=headers))


@pytest.fixture(scope="module")
def inputs(tmp_path_factory):
    root = tmp_path_factory.mktemp("inputs")
    synthetic.write_jsonl(root / "wire.jsonl", 8, seed=11, copy_share=0.3)
    write_warc(root / "news.warc.gz", [
        ("https://news.invalid/tarvo", "200 OK", "text/html; charset=utf-8", page(14, "Tarvo", "2024-03-06")),
        ("https://news.invalid/gone", "404 Not Found", "text/html", "gone"),
        ("https://news.invalid/logo.png", "200 OK", "image/png", "PNG"),
        ("https://news.invalid/empty", "200 OK", "text/html", "<html><body></body></html>"),
    ])
    table = pa.table({"id": ["pq-1", "pq-2"], "date": [dt.date(2024, 3, 7), None],
                      "title": ["Karsa dam", None],
                      "text": ["At least 9 people died when the Karsa dam failed on Thursday, police said.",
                               "A row without a date."]})
    pq.write_table(table, root / "extra.parquet")
    return root


@pytest.fixture(scope="module")
def local_run(inputs, tmp_path_factory):
    out = tmp_path_factory.mktemp("local") / "ledger.parquet"
    report = analyze_to_parquet([inputs], out, engine="local", workers=1, batch_size=4)
    return out, report


def test_readers_and_problems(local_run):
    _, report = local_run
    assert report.analysed == 8 + 1 + 1
    messages = [str(p) for p in report.problems]
    assert any("news.warc.gz" in m and "record at byte" in m and "https://news.invalid/empty" in m
               and "no extractable main text" in m for m in messages)
    assert any("extra.parquet:2: error: missing date" in m for m in messages)
    assert len(report.errors) == 2        # the 404 and the image are not articles: skipped silently


def test_parquet_row_problem_names_file_and_row(inputs):
    items = list(read_inputs([inputs / "extra.parquet"]))
    problems = [i for i in items if isinstance(i, InputProblem)]
    assert [(p.line, "missing date" in p.reason) for p in problems] == [(2, True)]
    (doc,) = [i for i in items if isinstance(i, Document)]
    assert doc.id == "pq-1" and doc.date == dt.date(2024, 3, 7) and doc.origin.endswith("extra.parquet:1")


def test_warc_record_becomes_article_with_page_date(inputs):
    docs = [i for i in read_inputs([inputs / "news.warc.gz"]) if isinstance(i, Document)]
    (d,) = docs
    assert d.url == "https://news.invalid/tarvo" and d.date == dt.date(2024, 3, 6)
    assert "At least 14 people were killed" in d.text and d.title == "Flood in Tarvo"


def test_not_a_warc_file_is_one_clear_error(tmp_path):
    bad = tmp_path / "broken.warc"
    bad.write_bytes(b"this is not a web archive\n")
    (problem,) = list(read_inputs([bad]))
    assert problem.path == str(bad) and "not a readable WARC file" in problem.reason


def test_fsspec_url_inputs_name_the_url():
    import fsspec

    fs = fsspec.filesystem("memory")
    rows = list(synthetic.articles(2, seed=5)) + [{"id": "x", "text": "no date here"}]
    fs.pipe("/dateline-test/feed/a.jsonl", "".join(json.dumps(r) + "\n" for r in rows).encode())
    items = list(read_sources(["memory://dateline-test/feed"]))
    docs = [i for i in items if isinstance(i, Document)]
    (problem,) = [i for i in items if isinstance(i, InputProblem)]
    assert [d.id for d in docs] == [r["id"] for r in rows[:2]]
    assert docs[0].origin == "memory:///dateline-test/feed/a.jsonl:1"
    assert problem.path == "memory:///dateline-test/feed/a.jsonl" and problem.line == 3


def test_layout_and_schema_follow_the_export_schema(local_run):
    out, _ = local_run
    kinds = sorted(p.name for p in out.iterdir() if p.is_dir())
    assert kinds == ["kind=alert", "kind=claim", "kind=document", "kind=dup_group", "kind=entity",
                     "kind=entity_link", "kind=figure", "kind=figure_series", "kind=mention", "kind=sentence",
                     "kind=series", "kind=series_point", "kind=time", "kind=timeline"]
    assert all(p.name.startswith("published=") for p in (out / "kind=document").iterdir())
    spec = json.loads((files("dateline") / "schema" / "export.schema.json").read_text())
    for kind in ("document", "time", "figure", "claim", "entity"):
        names = pq.read_schema(next((out / f"kind={kind}").rglob("*.parquet"))).names
        assert names == list(spec["$defs"][kind]["properties"]) + list(parquet.EXTRA_FIELDS.get(kind, ()))


def test_export_records_validate_and_spans_resolve(local_run):
    jsonschema = pytest.importorskip("jsonschema")
    out, _ = local_run
    spec = json.loads((files("dateline") / "schema" / "export.schema.json").read_text())
    texts = {r["doc"]: r["text"] for r in parquet.read_kind(str(out), "document").to_pylist()}
    records = list(parquet.export_records(str(out)))
    assert {r["kind"] for r in records} == {"document", "entity", "time", "figure", "claim"}
    validator = jsonschema.Draft202012Validator(spec)
    for r in records:
        validator.validate(r)
        if r["kind"] == "figure":
            assert texts[r["doc"]][r["start"]:r["end"]] == r["sentence"]
        if r["kind"] == "claim":
            assert texts[r["doc"]][r["content_start"]:r["content_end"]] == r["content"]
    assert any(r["kind"] == "document" and r["dup_group"] for r in records)     # the wire copies group


def test_dask_engine_on_two_workers_writes_identical_records(local_run, inputs, tmp_path):
    pytest.importorskip("distributed")
    out_local, _ = local_run
    out_dask = tmp_path / "dask.parquet"
    report = analyze_to_parquet([inputs], out_dask, engine="dask", workers=2, batch_size=2)
    assert report.analysed == 10 and len(report.workers) == 2        # both workers took batches
    kinds = parquet.ANALYSIS_KINDS + parquet.CONSOLIDATED_KINDS
    assert parquet.canonical_rows(str(out_dask), kinds) == parquet.canonical_rows(str(out_local), kinds)


def test_reading_on_workers_writes_the_same_records(local_run, inputs, tmp_path):
    out_local, _ = local_run
    out = tmp_path / "read-on-workers.parquet"
    report = analyze_to_parquet([inputs], out, batch_size=4, read_on_workers=True)
    assert report.analysed == 10 and sorted(map(str, report.errors)) == sorted(map(str, local_run[1].errors))
    kinds = parquet.ANALYSIS_KINDS + parquet.CONSOLIDATED_KINDS
    assert parquet.canonical_rows(str(out), kinds) == parquet.canonical_rows(str(out_local), kinds)
    again = analyze_to_parquet([inputs], out, read_on_workers=True)
    assert (again.analysed, again.unchanged) == (0, 10)


def test_load_equals_the_parquet_and_twice_changes_nothing(local_run, tmp_path):
    out, _ = local_run
    db = tmp_path / "loaded.db"
    first = load_parquet(str(out), db)
    assert (first.added, first.unchanged) == (10, 0)
    with Ledger(db) as ledger:                  # (doctor's full-text check is issued as a write)
        stored = sorted(json.dumps(r, sort_keys=True) for r in ledger.export())
        assert ledger.store.doctor() == []
    assert stored == sorted(json.dumps(r, sort_keys=True) for r in parquet.export_records(str(out)))
    again = load_parquet(str(out), db)
    assert (again.added, again.updated, again.unchanged) == (0, 0, 10)
    with Ledger(db, read_only=True) as ledger:
        assert sorted(json.dumps(r, sort_keys=True) for r in ledger.export()) == stored


def test_incremental_runs_analyse_only_what_is_new(inputs, tmp_path):
    out = tmp_path / "grow.parquet"
    first = analyze_to_parquet([inputs / "wire.jsonl"], out)
    assert first.analysed == 8 and first.consolidation["dup_mode"] == "full"
    same = analyze_to_parquet([inputs / "wire.jsonl"], out)
    assert (same.analysed, same.unchanged) == (0, 8)
    more = tmp_path / "more.jsonl"
    rows = [r for r in synthetic.articles(12, seed=11, copy_share=0.3)][8:]      # 4 articles later in the stream
    more.write_text("".join(json.dumps(r) + "\n" for r in rows))
    grown = analyze_to_parquet([inputs / "wire.jsonl", more], out)
    assert (grown.analysed, grown.unchanged) == (4, 8) and grown.consolidation["dup_mode"] == "incremental"
    # a run that skips consolidation (e.g. one of several clients) makes the next consolidation a full one
    late = tmp_path / "late.jsonl"
    late.write_text("".join(json.dumps(r) + "\n" for r in synthetic.articles(2, seed=12)))
    skipped = analyze_to_parquet([late], out, consolidate=False)
    assert skipped.analysed == 2 and skipped.consolidation == {}
    assert analyze_to_parquet([], out).consolidation["dup_mode"] == "full"
    more.write_text(more.read_text() + late.read_text())
    # the grown dataset says what one run over everything says
    fresh = tmp_path / "fresh.parquet"
    both = tmp_path / "both.jsonl"
    both.write_text((inputs / "wire.jsonl").read_text() + more.read_text())
    analyze_to_parquet([both], fresh)
    strip = lambda records: sorted(json.dumps({k: v for k, v in r.items()}, sort_keys=True)  # noqa: E731
                                   for r in records)
    assert strip(parquet.export_records(str(out))) == strip(parquet.export_records(str(fresh)))


def test_changed_article_is_a_new_version(inputs, tmp_path):
    out = tmp_path / "versions.parquet"
    rows = list(synthetic.articles(3, seed=2))
    src = tmp_path / "a.jsonl"
    src.write_text("".join(json.dumps(r) + "\n" for r in rows))
    analyze_to_parquet([src], out)
    rows[1]["text"] += "\nThe toll was later revised to 12, the Interior Ministry said on Friday."
    src.write_text("".join(json.dumps(r) + "\n" for r in rows))
    report = analyze_to_parquet([src], out)
    assert (report.analysed, report.new_versions, report.unchanged) == (1, 1, 2)
    docs = {r["doc"]: r for r in parquet.export_records(str(out), ["document"])}
    assert len(docs) == 3 and docs[rows[1]["id"]]["version"] == 2
    revised = [r for r in parquet.export_records(str(out), ["figure"]) if r["doc"] == rows[1]["id"]]
    assert any(r["value"] == 12 for r in revised)
    db = tmp_path / "v.db"
    load_parquet(str(out), db)
    with Ledger(db, read_only=True) as ledger:
        assert ledger.document(rows[1]["id"]).text == rows[1]["text"]


def test_cli_analyze_then_load(inputs, tmp_path):
    from typer.testing import CliRunner

    from dateline.cli import app

    out, db = tmp_path / "cli.parquet", tmp_path / "cli.db"
    runner = CliRunner()
    result = runner.invoke(app, ["analyze", str(inputs / "wire.jsonl"), "--out", str(out), "--engine", "local"])
    assert result.exit_code == 0, result.output
    assert "8 analysed" in result.output
    bad = runner.invoke(app, ["analyze", str(inputs / "extra.parquet"), "--out", str(out)])
    assert bad.exit_code == 1 and "missing date" in bad.output
    result = runner.invoke(app, ["load", str(out), "--db", str(db)])
    assert result.exit_code == 0 and "9 added" in result.output
    missing = runner.invoke(app, ["load", str(tmp_path / "nothing.parquet"), "--db", str(db)])
    assert missing.exit_code == 2 and "no Parquet ledger" in missing.output
    wrong = runner.invoke(app, ["analyze", str(inputs / "wire.jsonl"), "--out", str(out), "--engine", "spark"])
    assert wrong.exit_code == 2 and "unknown engine" in wrong.output


def test_duplicate_groups_over_parquet_equal_the_sqlite_ones_across_the_week_window(tmp_path):
    """Copies compare only within a week (dedup.WINDOW_DAYS) on both paths: a reprint a month later is
    its own article, a copy two days later joins the group."""
    text = ("Rescuers in Tarvo pulled 14 people from the water on Monday after the river burst its banks, "
            "the regional governor said, adding that about 2,000 residents had left the valley. "
            "Schools in the district stay shut until the water recedes, officials said.")
    rows = [{"id": "first", "date": "2024-03-04", "text": text},
            {"id": "copy", "date": "2024-03-06", "text": text},
            {"id": "month-later", "date": "2024-04-05", "text": text},
            {"id": "other", "date": "2024-03-05", "text": "A dam in Karsa was inspected on Monday, engineers said."}]
    src = tmp_path / "in.jsonl"
    src.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    out = str(tmp_path / "ledger.parquet")
    analyze_to_parquet([src], out)
    over_parquet = {r["doc"]: r["dup_group"] for r in parquet.read_kind(out, "dup_group").to_pylist()}
    with Ledger(tmp_path / "direct.db") as ledger:
        ledger.ingest([src])
        in_sqlite = {d.id: d.dup_group for d in ledger.documents()}
    assert over_parquet == {"first": "first", "copy": "first"}
    assert {d: g for d, g in in_sqlite.items() if g} == over_parquet


def test_a_loaded_ledger_has_the_dated_sentences_an_ingest_writes(local_run, inputs, tmp_path):
    """Parquet does not carry the dated sentences (they follow from text and times); `load`
    dates them as `ingest` does, so the timeline of a loaded ledger is the ingested one's."""
    from dateline.synthesize import timeline as tl

    out, _ = local_run
    loaded = tmp_path / "loaded.db"
    load_parquet(str(out), loaded)
    with Ledger(tmp_path / "ingested.db") as direct, Ledger(loaded, read_only=True) as via_parquet:
        direct.ingest([inputs])
        rows = 'SELECT doc, position, start, "end", dates, calendar FROM sentences ORDER BY doc, position'
        assert [tuple(r) for r in via_parquet.store.db.execute(rows)] == \
            [tuple(r) for r in direct.store.db.execute(rows)] != []
        assert tl.sentences_from_store(via_parquet.store) == tl.sentences_from_store(direct.store)


def test_the_timeline_over_parquet_equals_the_loaded_store_one(local_run, tmp_path):
    """Consolidation ranks days in DuckDB over the Parquet sentences (kind=sentence) and writes
    the timeline (kind=timeline); it is the timeline of the same ledger loaded into SQLite,
    for the default and for other sizes and ranges."""
    from dateline.engines import consolidate as pc
    from dateline.synthesize import timeline as tl

    out, _ = local_run
    db = tmp_path / "loaded.db"
    load_parquet(str(out), db)
    written = parquet.read_kind(str(out), "timeline").to_pylist()
    with Ledger(db, read_only=True) as led:
        assert written == [e.to_json() for e in led.timeline()] != []
        con = pc._connect()
        try:
            pc._latest_documents(con, str(out))
            groups = {r["doc"]: r["dup_group"] for r in parquet.read_kind(str(out), "dup_group").to_pylist()}
            index = pc.SentenceDays(con, str(out), groups)
            days = sorted({e.date for e in tl.timeline_from_store(led.store, n_dates=100)})
            for n, k, lo, hi in [(1, 1, None, None), (3, 2, None, None), (100, 3, None, None),
                                 (5, 2, days[1], days[-2])]:
                assert tl.timeline_from_index(index, n, k, lo, hi) == \
                    tl.timeline_from_store(led.store, n_dates=n, k_sentences=k, date_from=lo, date_to=hi)
        finally:
            con.close()


def test_sentence_text_is_cut_by_characters_in_both_stores(tmp_path):
    """Spans are offsets in characters: DuckDB's substr and SQLite's must cut the same text as Python."""
    text = ("Ärzte in Görlitz said on Tuesday — after the flood — that 12 people 🙏 died. "
            "On Wednesday 30 more were hurt, the Łódź office said.")
    src = tmp_path / "a.jsonl"
    src.write_text(json.dumps({"id": "uni", "date": "2024-03-06", "title": "t", "text": text}) + "\n",
                   encoding="utf-8")
    out = tmp_path / "ledger.parquet"
    analyze_to_parquet([src], out, engine="local", workers=1)
    from dateline.engines import consolidate as pc
    from dateline.synthesize import timeline as tl

    con = pc._connect()
    try:
        pc._latest_documents(con, str(out))
        index = pc.SentenceDays(con, str(out), {})
        found = tl.candidates_from_store(index, [dt.date(2024, 3, 5), dt.date(2024, 3, 6)], tl.Settings())
    finally:
        con.close()
    assert found and all(s.text == text[s.span.start:s.span.end] for s in found)
    with Ledger(tmp_path / "t.db") as led:
        led.ingest([src])
        stored = tl.candidates_from_store(led.store, [dt.date(2024, 3, 5), dt.date(2024, 3, 6)], tl.Settings())
    assert stored == found


def test_series_and_alerts_over_parquet_equal_the_loaded_store_ones(local_run, tmp_path):
    """Consolidation builds figure series and alerts from the Parquet figure rows (kind=series,
    series_point, alert): the same records as the loaded store's `series --json`, `series ID
    --json` and `check --json`."""
    from dateline.consolidate.series import point_record

    out, _ = local_run
    db = tmp_path / "loaded.db"
    load_parquet(str(out), db)
    with Ledger(db, read_only=True) as led:
        series = led.series()
        alerts = led.check()
        points = []
        for s in series:
            flagged = {a.point.figure: a.type for a in alerts if a.series == s.id}
            points += [point_record(s.id, p, flagged.get(p.figure)) for p in s.points]
    assert parquet.read_kind(str(out), "series").to_pylist() == [s.summary() for s in series] != []
    assert parquet.read_kind(str(out), "series_point").to_pylist() == points
    assert parquet.read_kind(str(out), "alert").to_pylist() == [a.to_json() for a in alerts]


@pytest.mark.skipif(not (Path(__file__).resolve().parents[2] / "shared" / "corpus" / "dev.jsonl").exists(),
                    reason="../shared/corpus/dev.jsonl not found (the dev corpus lives beside the project)")
def test_the_dev_corpus_consolidated_over_parquet_equals_the_loaded_store(tmp_path):
    """Real news, with alerts: the series, alerts and timeline consolidation writes to Parquet
    are the loaded store's."""
    from dateline.consolidate.series import point_record

    shared = Path(__file__).resolve().parents[2] / "shared"
    out = tmp_path / "dev.parquet"
    analyze_to_parquet([str(shared / "corpus" / "dev.jsonl"), str(shared / "seeds")], out, engine="local")
    db = tmp_path / "dev.db"
    load_parquet(str(out), db)
    with Ledger(db, read_only=True) as led:
        series, alerts, timeline = led.series(), led.check(), led.timeline()
    assert len(series) > 5 and alerts and timeline
    assert parquet.read_kind(str(out), "series").to_pylist() == [s.summary() for s in series]
    assert parquet.read_kind(str(out), "alert").to_pylist() == [a.to_json() for a in alerts]
    assert parquet.read_kind(str(out), "timeline").to_pylist() == [e.to_json() for e in timeline]
    points = [point_record(s.id, p, {a.point.figure: a.type for a in alerts if a.series == s.id}.get(p.figure))
              for s in series for p in s.points]
    assert parquet.read_kind(str(out), "series_point").to_pylist() == points


def test_series_over_parquet_follow_new_places_across_runs(tmp_path):
    """Two runs into one dataset: the second names a new place whose demonym an article of the
    first counted ("Yemeni villagers"); only what it can touch is described again, and the
    series, points and alerts equal those of the ledger loaded from the dataset."""
    from dateline.consolidate.series import point_record

    from quake_story import FIRST as first, LATER as later

    out = tmp_path / "q.parquet"
    for i, rows in enumerate((first, later)):
        src = tmp_path / f"run{i}.jsonl"
        src.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
        report = analyze_to_parquet([str(src)], out, engine="local")
        assert report.consolidation["described_docs"] == (2 if i == 0 else 2)   # a3, and a2 (Yemeni)
    db = tmp_path / "q.db"
    load_parquet(str(out), db)
    with Ledger(db, read_only=True) as led:
        series, alerts = led.series(), led.check()
    assert [s.place for s in series if any(p.doc == "a2" for p in s.points)] == ["yemen"]
    assert parquet.read_kind(str(out), "series").to_pylist() == [s.summary() for s in series]
    points = [point_record(s.id, p, {a.point.figure: a.type for a in alerts if a.series == s.id}.get(p.figure))
              for s in series for p in s.points]
    assert parquet.read_kind(str(out), "series_point").to_pylist() == points
    # nothing new: nothing described again
    again = analyze_to_parquet([], out, engine="local")
    assert again.consolidation["described_docs"] == 0


def test_the_compact_document_index_agrees_with_the_latest_versions(local_run, tmp_path):
    """The engine checks inputs against a 20-byte-per-document index; it gives the latest version
    and hash of every document as latest_documents does, ties between equal versions included."""
    out, _ = local_run
    index = parquet.DocumentIndex.of_dataset(str(out))
    latest = parquet.latest_documents(str(out))
    assert len(index) == len(latest) > 0
    for doc, (h, version, _) in latest.items():
        assert index.version(doc) == version and index.holds(doc, h)
        assert not index.holds(doc, "f" * 64)
    assert index.version("never-seen") is None and not index.holds("never-seen", "0" * 64)

    made = tmp_path / "made.parquet"
    h = lambda c: c * 64    # noqa: E731
    parquet.write_batch(str(made), "x", {
        ("document", "2024-01-01"): [{"kind": "document", "doc": "a", "hash": h("1"), "version": 1},
                                     {"kind": "document", "doc": "b", "hash": h("2"), "version": 1}],
        ("document", "2024-01-02"): [{"kind": "document", "doc": "a", "hash": h("3"), "version": 2},
                                     {"kind": "document", "doc": "b", "hash": h("9"), "version": 1},
                                     {"kind": "document", "doc": "b", "hash": h("5"), "version": 1}]})
    index = parquet.DocumentIndex.of_dataset(str(made))
    assert (index.version("a"), index.holds("a", h("3")), index.holds("a", h("1"))) == (2, True, False)
    assert (index.version("b"), index.holds("b", h("9"))) == (1, True)      # equal versions: the larger hash
    assert {d: (v[0], v[1]) for d, v in parquet.latest_documents(str(made)).items()} == \
        {"a": (h("3"), 2), "b": (h("9"), 1)}


def test_a_dataset_analysed_before_sentences_were_kept_gets_them_at_consolidation(inputs, tmp_path):
    """Parquet written before kind=sentence existed: the next consolidation dates those articles
    from their stored text and times (once), and the timeline covers them as before."""
    import shutil

    out = tmp_path / "old.parquet"
    analyze_to_parquet([inputs], out, engine="local", batch_size=4)
    want = parquet.read_kind(str(out), "timeline").to_pylist()
    sentences = parquet.canonical_rows(str(out), ["sentence"])
    shutil.rmtree(out / "kind=sentence")
    report = analyze_to_parquet([], out, engine="local")
    assert report.consolidation["sentences_backfilled"] > 0
    assert parquet.canonical_rows(str(out), ["sentence"]) == sentences
    assert parquet.read_kind(str(out), "timeline").to_pylist() == want != []
    assert analyze_to_parquet([], out, engine="local").consolidation["sentences_backfilled"] == 0
