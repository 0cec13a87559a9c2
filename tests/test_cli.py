"""The command line over a small ledger built from our own invented articles."""
from __future__ import annotations

import json
import re
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


# --- a newcomer's first hour (issue 19) --------------------------------------------------

def _sqlite_of_another_program(path: Path) -> Path:
    import sqlite3

    con = sqlite3.connect(path)
    con.execute("CREATE TABLE contacts(name TEXT, phone TEXT)")
    con.commit()
    con.close()
    return path


NOT_LEDGERS = {
    "text": (lambda p: (p.write_text("hello, this is a note\n", encoding="utf-8"), p)[1], "not a SQLite database"),
    "binary": (lambda p: (p.write_bytes(bytes(range(256))), p)[1], "not a SQLite database"),
    "empty": (lambda p: (p.write_bytes(b""), p)[1], "empty file"),
    "other-sqlite": (_sqlite_of_another_program, "another program's SQLite database"),
}
READING_COMMANDS = [["figures"], ["claims"], ["entities"], ["show", "belmoria-0304"], ["export"], ["series"],
                    ["check"], ["timeline"], ["brief", "--since", "2024-03-07"], ["search", "dam"],
                    ["report", "-o", "out.html"], ["serve", "--port", "1"]]


def run_main(monkeypatch, capsys, *args: str) -> tuple[int, str, str]:
    """``dateline ARGS`` as a shell runs it (through ``cli.main``): exit code, stdout, stderr."""
    import sys

    from dateline import cli

    monkeypatch.setattr(sys, "argv", ["dateline", *args])
    with pytest.raises(SystemExit) as exit_:
        cli.main()
    out = capsys.readouterr()
    return exit_.value.code, out.out, out.err


@pytest.mark.parametrize("kind", sorted(NOT_LEDGERS))
@pytest.mark.parametrize("args", READING_COMMANDS, ids=lambda a: a[0])
def test_a_db_that_is_no_ledger_is_one_line_saying_what_to_do(tmp_path, monkeypatch, capsys, kind, args):
    make, what = NOT_LEDGERS[kind]
    path = make(tmp_path / "x.db")
    before = path.read_bytes()
    monkeypatch.chdir(tmp_path)
    code, out, error = run_main(monkeypatch, capsys, *args, "--db", str(path))
    assert code == 2, (code, out, error)
    assert error.count("\n") == 1 and error.startswith("error: ") and what in error, error
    assert str(path) in error and ("dateline ingest" in error), error
    assert "Traceback" not in out + error and path.read_bytes() == before


@pytest.mark.parametrize("kind", sorted(NOT_LEDGERS))
def test_doctor_names_a_file_that_is_no_ledger_as_its_problem(tmp_path, monkeypatch, capsys, kind):
    make, what = NOT_LEDGERS[kind]
    path = make(tmp_path / "x.db")
    before = path.read_bytes()
    code, out, error = run_main(monkeypatch, capsys, "doctor", "--db", str(path))
    assert code == 1 and error.count("\n") == 1 and error.startswith("problem: ") and what in error, error
    assert path.read_bytes() == before          # an empty file is not made into a ledger by checking it


def test_ingest_refuses_to_write_into_a_file_that_is_no_ledger(tmp_path, monkeypatch, capsys):
    for kind in ("text", "other-sqlite"):
        make, what = NOT_LEDGERS[kind]
        path = make(tmp_path / f"{kind}.db")
        before = path.read_bytes()
        code, _, error = run_main(monkeypatch, capsys, "ingest", str(DEMO / "belmoria-0304.txt"), "--db", str(path))
        assert code == 2 and error.count("\n") == 1 and what in error, error
        assert path.read_bytes() == before
    empty = tmp_path / "new.db"
    empty.write_bytes(b"")                      # `touch new.db` first: a new ledger
    code, _, error = run_main(monkeypatch, capsys, "ingest", str(DEMO / "belmoria-0304.txt"), "--db", str(empty))
    assert code == 0, error


def test_a_ledger_of_an_older_schema_says_how_to_upgrade(db, tmp_path, monkeypatch, capsys):
    import sqlite3

    from dateline.store.sqlite import MIGRATIONS
    from dateline.store.sqlite.schema import _split_sql

    old = tmp_path / "old.db"
    con = sqlite3.connect(old)
    for number in range(len(MIGRATIONS) - 1):
        for statement in _split_sql(MIGRATIONS[number]):
            con.execute(statement)
    con.execute(f"PRAGMA user_version={len(MIGRATIONS) - 1}")
    con.commit()
    con.close()
    code, _, error = run_main(monkeypatch, capsys, "figures", "--db", str(old))
    assert code == 2 and error.count("\n") == 1 and "older dateline" in error, error
    assert f"dateline doctor --db {old}" in error and "open it once" not in error
    code, out, error = run_main(monkeypatch, capsys, "doctor", "--db", str(old))
    assert code == 0, error
    assert runner.invoke(app, ["figures", "--db", str(old)]).exit_code == 0


@pytest.mark.parametrize("args, wrong, valid, nearest", [
    (["figures", "--measure", "kiled"], "'kiled' is not a measure", "killed, wounded", "killed"),
    (["figures", "--measure", "deaths"], "'deaths' is not a measure", "aid_trucks, evacuated, missing", "killed"),
    (["figures", "--scope", "foo"], "'foo' is not a scope", "cumulative, period, incident", None),
    (["figures", "--scope", "cumulativ"], "'cumulativ' is not a scope", "superseded, pre-war", "cumulative"),
    (["entities", "--kind", "people"], "'people' is not a kind", "person, organisation, place, group", "person"),
    (["entities", "--kind", "organization"], "'organization' is not a kind", "person, organisation",
     "organisation"),
    (["series", "--measure", "woundd"], "'woundd' is not a measure", "killed, wounded", "wounded"),
    (["brief", "--since", "2024-03-07", "--format", "pdf"], "'pdf' is not a format", "md, json, html", None),
])
def test_a_value_outside_the_vocabulary_is_refused_with_the_valid_ones(db, args, wrong, valid, nearest):
    result = runner.invoke(app, [*args, "--db", str(db)])
    text = " ".join(result.output.replace("│", " ").split())
    assert result.exit_code == 2, result.output
    assert wrong in text and valid in text, text
    assert (f"did you mean {nearest!r}?" in text) if nearest else "did you mean" not in text


def test_values_are_read_whatever_their_case_or_hyphens(db):
    plain = runner.invoke(app, ["figures", "--measure", "killed", "--scope", "cumulative", "--json", "--db", str(db)])
    loose = runner.invoke(app, ["figures", "-m", "Killed", "--scope", "CUMULATIVE", "--json", "--db", str(db)])
    assert plain.exit_code == loose.exit_code == 0 and plain.output == loose.output and plain.output
    trucks = runner.invoke(app, ["figures", "-m", "aid-trucks", "--json", "--db", str(db)])
    assert trucks.exit_code == 0 and all(json.loads(x)["measure"] == "aid_trucks" for x in trucks.output.splitlines())


def test_the_vocabularies_are_the_records(db):
    """Every measure, scope and entity kind of the records is accepted (none of them is refused)."""
    from dateline.records import ENTITY_KINDS, MEASURES, SCOPES

    for option, values, command in (("--measure", MEASURES, "figures"), ("--scope", SCOPES, "figures"),
                                    ("--kind", ENTITY_KINDS, "entities")):
        for value in values:
            assert runner.invoke(app, [command, option, value, "--json", "--db", str(db)]).exit_code == 0, value


def test_brief_after_the_ledgers_last_day_says_so(db):
    result = runner.invoke(app, ["brief", "--since", "2030-01-01", "--db", str(db)])
    assert result.exit_code == 2
    text = " ".join(result.output.split())
    assert "the ledger ends on 2024-03-13" in text and "2030-01-02 to" not in text, text
    assert "--since 2024-03-12" in text
    assert runner.invoke(app, ["brief", "--since", "2024-03-13", "--db", str(db)]).exit_code == 2
    backwards = runner.invoke(app, ["brief", "--since", "2024-03-08", "--until", "2024-03-05", "--db", str(db)])
    assert backwards.exit_code == 2 and "is not after" in backwards.output
    assert runner.invoke(app, ["brief", "--since", "2024-03-12", "--db", str(db)]).exit_code == 0


@pytest.mark.parametrize("query, found", [("worst-hit", True), ("Belmoria's", True), ("Tarvo's", True),
                                          ("U.N.", False), ("Hamas-run", False), ("Israel's", False),
                                          ("flood-hit AND Karsa", False), ("2024-03-04", None)])
def test_search_reads_hyphens_dots_and_apostrophes_as_written(db, query, found):
    result = runner.invoke(app, ["search", query, "--json", "--db", str(db)])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.output.splitlines()]
    if found is not None:
        assert bool(rows) == found, rows
    from dateline import Ledger

    with Ledger(db, read_only=True) as ledger:
        for r in rows:
            text = ledger.document(r["id"]).text + (ledger.document(r["id"]).title or "")
            assert query.split()[0].split("-")[0].split("'")[0].casefold() in text.casefold()


def test_search_keeps_fts5_syntax_for_queries_that_use_it(db):
    both = runner.invoke(app, ["search", "dam AND Lensk", "--json", "--db", str(db)])
    phrase = runner.invoke(app, ["search", '"dam holds"', "--json", "--db", str(db)])
    prefix = runner.invoke(app, ["search", "belmori*", "--json", "--db", str(db)])
    assert both.exit_code == phrase.exit_code == prefix.exit_code == 0
    assert both.output and prefix.output
    bad = runner.invoke(app, ["search", "dam AND", "--db", str(db)])
    assert bad.exit_code == 2 and "cannot search" in bad.output and "missing a word" in bad.output


def test_claims_have_a_date_and_since_until(db, monkeypatch):
    from rich.console import Console

    import dateline.cli as cli
    from dateline import Ledger

    every = [json.loads(x) for x in runner.invoke(app, ["claims", "--json", "--db", str(db)]).output.splitlines()]
    later = [json.loads(x) for x in runner.invoke(app, ["claims", "--since", "2024-03-10", "--until", "2024-03-11",
                                                        "--json", "--db", str(db)]).output.splitlines()]
    with Ledger(db, read_only=True) as ledger:
        dates = {r["doc"]: ledger.document(r["doc"]).date.isoformat() for r in every}
    assert later and len(later) < len(every)
    assert {r["id"] for r in later} == {r["id"] for r in every if "2024-03-10" <= dates[r["doc"]] <= "2024-03-11"}
    monkeypatch.setattr(cli, "console", Console(width=120, force_terminal=False, color_system=None))
    with cli.console.capture() as captured:
        assert runner.invoke(app, ["claims", "--since", "2024-03-10", "--db", str(db)]).exit_code == 0
    table = captured.get()
    header = next(line for line in table.splitlines() if line.startswith("┃"))
    assert "date" in header and "2024-03-10" in table and "2024-03-09" not in table


def test_check_says_what_is_counted(db, monkeypatch):
    from rich.console import Console

    import dateline.cli as cli

    monkeypatch.setattr(cli, "console", Console(width=140, force_terminal=False, color_system=None))
    with cli.console.capture() as captured:
        assert runner.invoke(app, ["check", "--db", str(db)]).exit_code == 0
    tolls = " ".join(_column_pieces(captured.get(), "toll"))
    assert tolls.count("killed · belmoria · people") == 3, tolls


def _column_pieces(out: str, name: str) -> list[str]:
    """The text of column ``name`` (found in the header, alone or stacked), piece by piece as printed."""
    lines = out.splitlines()
    heads = [line.split("┃")[1:-1] for line in lines if line.startswith("┃")]
    j = next((j for j in range(len(heads[0])) if any(h[j].strip() == name for h in heads)), None)
    if j is None:
        return []
    return [line.split("│")[1:-1][j].strip() for line in lines if line.startswith("│")]


UNBROKEN = {   # command: (columns whose every word must be printed whole, the JSON fields those words come from)
    "figures": (["source", "article", "group"], ["source", "doc", "group"]),
    "series": (["id", "source"], ["id", "source"]),
    "series ID": (["source", "article"], ["source", "doc"]),
    "claims": (["article", "speaker"], ["doc", "speaker"]),
    "entities": (["id", "name"], ["id", "name"]),
    "check": (["article", "type"], ["doc", "type"]),
    "timeline": (["cited"], ["evidence"]),
    "search": (["article"], ["id"]),
}


def _words(value) -> set[str]:
    if isinstance(value, list):
        return set().union(*map(_words, value)) if value else set()
    if isinstance(value, dict):
        return set().union(*map(_words, value.values())) if value else set()
    return set(str(value).split()) if value is not None else set()


@pytest.mark.parametrize("width", [60, 80, 100, 120, 160, 200])
@pytest.mark.parametrize("command", sorted(UNBROKEN))
def test_ids_and_sources_are_never_broken_nor_dropped(db, monkeypatch, command, width):
    """At any width an id prints whole (it must paste into `dateline show ID`), a source's and a group's
    words are never cut, and the source and the article are the last columns given up."""
    from rich.console import Console

    import dateline.cli as cli

    args = command.split() + (["dam"] if command == "search" else [])
    if args[-1] == "ID":
        args[-1] = json.loads(runner.invoke(app, ["series", "--db", str(db), "--json"]).output.splitlines()[0])["id"]
    records = [json.loads(x) for x in runner.invoke(app, args + ["--json", "--db", str(db)]).output.splitlines()]
    if command == "series ID":
        records = [dict(r, source=r.get("source") or "—") for r in records]
    if command == "figures":
        records = [dict(r, source=r.get("source") or "—") for r in records]
    allowed = set()
    for r in records:
        for field in UNBROKEN[command][1]:
            allowed |= _words(r.get(field))
    if command == "timeline":       # cited "doc start-end"
        allowed |= {f"{e['start']}-{e['end']}" for r in records for e in r["evidence"]} | \
            {e["doc"] for r in records for e in r["evidence"]}
    if command == "series ID":      # "doc start-end", an inferred source
        allowed |= {f"{r['start']}-{r['end']}" for r in records} | {"(inferred)"}
    if command == "check":          # what is counted, stacked under the article
        series = [json.loads(x) for x in runner.invoke(app, ["series", "--json", "--db", str(db)]).output.splitlines()]
        allowed |= {w for s in series for w in _words([s["measure"], s["place"], s["category"]])} | {"·"}
    monkeypatch.setattr(cli, "console", Console(width=width, force_terminal=False, color_system=None))
    with cli.console.capture() as captured:
        result = runner.invoke(app, args + ["--db", str(db)])
    assert result.exit_code == 0, result.output
    out = captured.get()
    assert max(len(line) for line in out.splitlines()) <= width
    for column in UNBROKEN[command][0]:
        pieces = _column_pieces(out, column)
        if column in ("source", "article", "id", "cited") or width >= 160:
            assert pieces, (column, "dropped at", width)
        # a stacked column holds the words of both: every piece is a whole word of one of them
        stacked = {w for r in records for v in r.values() for w in _words(v)} | {"—"}
        for piece in pieces:
            for word in piece.split():
                assert word in allowed or word in stacked or re.fullmatch(r"20\d\d-\d\d-\d\d", word), \
                    (column, word, width)


def test_every_option_says_what_it_does_and_flags_take_no_value():
    import click
    import typer

    from rich.console import Console

    import dateline.cli as cli

    group = typer.main.get_command(app)
    for name, command in group.commands.items():
        for param in command.params:
            assert getattr(param, "help", None) or isinstance(param, click.Argument) and param.help, (name, param.name)
        result = runner.invoke(app, [name, "--help"], env={"COLUMNS": "120"})
        assert result.exit_code == 0 and "<bool>" not in result.output, (name, result.output)
    top = runner.invoke(app, ["--help"]).output
    assert "<bool>" not in top and "--version" in top
    dates = runner.invoke(app, ["figures", "--help"], env={"COLUMNS": "120"}).output
    assert "YYYY-MM-DD" in dates and "killed, wounded" in dates
    assert isinstance(cli.console, Console)


def test_serve_on_a_busy_port_says_so_before_serving(db):
    import socket

    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen(1)
        port = taken.getsockname()[1]
        result = runner.invoke(app, ["serve", "--db", str(db), "--port", str(port)])
    text = " ".join(result.output.split())
    assert result.exit_code == 2, result.output
    assert f"port {port} on 127.0.0.1 is in use" in text and f"--port {port + 1}" in text
    assert "serving" not in text and "Traceback" not in text and result.output.count("\n") == 1


@pytest.mark.parametrize("args, says", [
    (["figures", "--since", "2024-03-10", "--until", "2024-03-01"], "is after --until"),
    (["claims", "--since", "2024-03-10", "--until", "2024-03-01"], "is after --until"),
    (["timeline", "--from", "2024-03-10", "--to", "2024-03-01"], "is after --to"),
    (["timeline", "-n", "0"], "greater than or equal to 1"),
    (["entities", "--limit", "-1"], "greater than or equal to 0"),
    (["check", "--stale-ratio", "-1"], "greater than or equal to 0"),
    (["serve", "--port", "99999"], "less than or equal to 65535"),
    (["search", " "], "give a word to search for"),
    (["figures", "--doc", ""], "give an article id"),
    (["claims", "--doc", " "], "give an article id"),
    (["report", "-o", "/nonexistent-folder/x.html"], "no folder /nonexistent-folder"),
])
def test_impossible_values_are_refused_saying_why(db, args, says):
    result = runner.invoke(app, [*args, "--db", str(db)])
    assert result.exit_code == 2 and says in " ".join(result.output.replace("│", " ").split()), result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)


def test_python_dash_m_dateline_is_the_command():
    import subprocess
    import sys

    out = subprocess.run([sys.executable, "-m", "dateline", "--help"], capture_output=True, text=True, timeout=120)
    assert out.returncode == 0 and "Usage" in out.stdout and "ingest" in out.stdout, out.stderr
