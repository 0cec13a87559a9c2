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
