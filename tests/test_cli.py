"""The command line over a small ledger built from our own invented articles."""
from __future__ import annotations

import json
from importlib.resources import files
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dateline.cli import app

DEMO = Path(str(files("dateline") / "demo"))
runner = CliRunner()


@pytest.fixture(scope="module")
def db(tmp_path_factory):
    path = tmp_path_factory.mktemp("cli") / "cli.db"
    result = runner.invoke(app, ["ingest", str(DEMO), "--db", str(path), "--quiet"])
    assert result.exit_code == 0, result.output
    return path


def test_ingest_reports_failures_in_exit_code(tmp_path):
    good = tmp_path / "good.txt"
    good.write_text(" date 2024-03-04 Ten people were hurt, police said.", encoding="utf-8")
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "x", "date": "2024-13-01", "text": "t"}\n', encoding="utf-8")
    result = runner.invoke(app, ["ingest", str(good), str(bad), "--db", str(tmp_path / "x.db")])
    assert result.exit_code == 1
    assert "bad.jsonl:1" in result.output and "impossible date" in result.output
    assert "1 added" in result.output and "1 failed" in result.output


def test_figures_json_lines(db):
    result = runner.invoke(app, ["figures", "--db", str(db), "--measure", "killed", "--json"])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.output.splitlines()]
    assert rows and all(r["kind"] == "figure" and r["measure"] == "killed" for r in rows)


def test_listing_commands_render_tables(db):
    for args in (["figures"], ["claims", "--speaker", "Reyna"], ["entities", "--limit", "5"], ["search", "dam"]):
        result = runner.invoke(app, [*args, "--db", str(db)])
        assert result.exit_code == 0, (args, result.output)


def test_claims_filter_by_speaker(db):
    result = runner.invoke(app, ["claims", "--db", str(db), "--speaker", "Reyna", "--json"])
    rows = [json.loads(line) for line in result.output.splitlines()]
    assert rows and all("Reyna" in (r["speaker"] or "") or r["speaker_entity"] for r in rows)


def test_show_and_unknown_article(db):
    ok = runner.invoke(app, ["show", "belmoria-0304", "--db", str(db)])
    assert ok.exit_code == 0 and "Karsa valley" in ok.output
    missing = runner.invoke(app, ["show", "nope", "--db", str(db)])
    assert missing.exit_code == 2 and "no article" in missing.output


def test_export_kinds_and_bad_kind(db, tmp_path):
    out = tmp_path / "ledger.jsonl"
    result = runner.invoke(app, ["export", "--db", str(db), "-k", "document", "-k", "claim", "-o", str(out)])
    assert result.exit_code == 0
    kinds = {json.loads(line)["kind"] for line in out.read_text(encoding="utf-8").splitlines()}
    assert kinds == {"document", "claim"}
    bad = runner.invoke(app, ["export", "--db", str(db), "-k", "nonsense"])
    assert bad.exit_code == 2 and "unknown kind" in bad.output


def test_missing_database_is_a_clear_error(tmp_path):
    result = runner.invoke(app, ["figures", "--db", str(tmp_path / "none.db")])
    assert result.exit_code == 2 and "no database" in result.output


def test_bad_fts_query_is_friendly(db):
    result = runner.invoke(app, ["search", '"unbalanced', "--db", str(db)])
    assert result.exit_code == 2 and "cannot search" in result.output


def test_series_check_and_plot(db, tmp_path):
    listing = runner.invoke(app, ["series", "--db", str(db), "--json"])
    rows = [json.loads(line) for line in listing.output.splitlines()]
    assert rows and rows[0]["kind"] == "series" and rows[0]["measure"] == "killed"
    out = tmp_path / "s.svg"
    shown = runner.invoke(app, ["series", rows[0]["id"], "--db", str(db), "--plot", str(out), "--json"])
    assert shown.exit_code == 0 and out.read_text(encoding="utf-8").lstrip().startswith("<?xml")
    assert runner.invoke(app, ["series", "no-such-series", "--db", str(db)]).exit_code == 2
    alerts = [json.loads(line) for line in runner.invoke(app, ["check", "--db", str(db), "--json"]).output.splitlines()]
    assert alerts and {"stale", "conflict"} <= {a["type"] for a in alerts}
    for a in alerts:
        assert a["kind"] == "alert" and a["evidence"] and a["explanation"].endswith(".")


def test_brief_formats(db):
    md = runner.invoke(app, ["brief", "--since", "2024-03-07", "--db", str(db)])
    assert md.exit_code == 0
    assert "# What changed since 2024-03-07" in md.output and "## Figures" in md.output
    assert "## Claims by speaker" in md.output and "[belmoria-" in md.output
    lines = [json.loads(x) for x in runner.invoke(app, ["brief", "--since", "2024-03-07", "--db", str(db),
                                                        "--format", "json"]).output.splitlines()]
    assert lines[0]["kind"] == "brief" and any(x["kind"] == "figure_change" for x in lines)
    page = runner.invoke(app, ["brief", "--since", "2024-03-07", "--db", str(db), "--format", "html"]).output
    assert page.startswith("<!doctype html>") and "<script" not in page
    assert runner.invoke(app, ["brief", "--since", "2024-03-07", "--db", str(db), "-f", "pdf"]).exit_code != 0


def test_timeline_cites_verbatim_sentences(db):
    from dateline import Ledger

    result = runner.invoke(app, ["timeline", "--db", str(db), "--json", "-n", "5"])
    assert result.exit_code == 0, result.output
    entries = [json.loads(line) for line in result.output.splitlines()]
    assert entries and len({e["date"] for e in entries}) <= 5
    with Ledger(db, read_only=True) as ledger:
        for e in entries:
            for ev in e["evidence"]:
                assert ledger.document(ev["doc"]).text[ev["start"]:ev["end"]] == e["text"]


# --- doctor ----------------------------------------------------------------------------

def _corrupt(src: Path, dst: Path, *statements: str) -> Path:
    import shutil
    import sqlite3

    shutil.copy(src, dst)
    con = sqlite3.connect(dst)          # foreign keys off, as any other tool would write
    with con:
        for sql in statements:
            con.execute(sql)
    con.close()
    return dst


def test_doctor_passes_a_healthy_ledger(db):
    result = runner.invoke(app, ["doctor", "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("ok:") and "documents" in result.output


@pytest.mark.parametrize("statements, problem", [
    (["DROP TRIGGER IF EXISTS documents_ad", "DELETE FROM documents WHERE rowid = (SELECT min(rowid) FROM documents)"],
     "belong to no document"),
    (['UPDATE figures SET "end" = 10000000 WHERE rowid = (SELECT min(rowid) FROM figures)'], "span out of range"),
    (['UPDATE sentences SET "end" = 10000000 WHERE rowid = (SELECT min(rowid) FROM sentences)'],
     "sentences span out of range"),
    (["UPDATE figures SET parent = 'nowhere#f1' WHERE rowid = (SELECT min(rowid) FROM figures)"],
     "parent does not exist"),
    (["INSERT INTO documents_fts(rowid, title, text) VALUES (999999, 'ghost', 'ghost words')"],
     "full-text index"),
    (["DROP TRIGGER IF EXISTS documents_au",
      "UPDATE documents SET text = text || ' Appended.' WHERE rowid = (SELECT min(rowid) FROM documents)"],
     "does not match its content"),
])
def test_doctor_names_each_kind_of_damage_and_fails(db, tmp_path, statements, problem):
    bad = _corrupt(db, tmp_path / "bad.db", *statements)
    result = runner.invoke(app, ["doctor", "--db", str(bad)])
    assert result.exit_code == 1, result.output
    assert problem in result.output, result.output


def test_doctor_without_a_database(tmp_path):
    result = runner.invoke(app, ["doctor", "--db", str(tmp_path / "none.db")])
    assert result.exit_code == 2 and "no database" in result.output


def test_an_alerts_type_is_never_broken_in_a_narrow_terminal(db, monkeypatch):
    """In 80 columns the explanation folds, but "revision" and "conflict" stay one word."""
    from rich.console import Console

    import dateline.cli as cli

    monkeypatch.setattr(cli, "console", Console(width=80, force_terminal=False, color_system=None))
    with cli.console.capture() as captured:
        result = runner.invoke(app, ["check", "--db", str(db)])
    assert result.exit_code == 0, result.output
    types = [line.split("│")[1].strip() for line in captured.get().splitlines() if line.startswith("│")]
    assert {"stale", "revision", "conflict"} <= set(types) and not {"revis", "confl"} & set(types)


@pytest.mark.parametrize("width", [60, 80])
@pytest.mark.parametrize("command", ["figures", "series", "series ID", "check", "timeline", "claims"])
def test_tables_in_a_narrow_terminal_keep_days_and_values_whole(db, monkeypatch, command, width):
    """A narrow terminal shows fewer columns (the rest is in --json), never cuts or breaks a day
    ("2024-03-…") or a value with its qualifier ("at least 23"), and never crops the table."""
    import re

    from rich.console import Console

    import dateline.cli as cli

    args = command.split()
    if args[-1] == "ID":
        args[-1] = json.loads(runner.invoke(app, ["series", "--db", str(db), "--json"]).output.splitlines()[0])["id"]
    monkeypatch.setattr(cli, "console", Console(width=width, force_terminal=False, color_system=None))
    with cli.console.capture() as captured:
        result = runner.invoke(app, args + ["--db", str(db)])
    assert result.exit_code == 0, result.output
    out = captured.get()
    rows = [line for line in out.splitlines() if line.startswith(("│", "┃", "┏", "└"))]
    assert max(len(line) for line in out.splitlines()) <= width
    assert all(line.endswith(("│", "┃", "┓", "┘")) for line in rows)                  # not cropped
    lines = out.splitlines()
    top = next(i for i, line in enumerate(lines) if line.startswith("┏"))
    header = [line.split("┃")[1:-1] for line in lines[top + 1:] if line.startswith("┃")]
    assert all(any(cells[j].strip() for cells in header) for j in range(len(header[0])))   # no column left empty
    assert "…" not in out and not re.search(r"\b20\d\d-\d\d-?\s*│", out)      # no day cut or broken
    if command == "figures":
        assert "qualifier" not in out and "at least 23" in out
