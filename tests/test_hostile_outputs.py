"""Full disks, corrupt datasets and unfinished work (issue 20): one-line errors instead of tracebacks,
``load`` all or nothing, ``export -o`` / ``report -o`` never leave a truncated file, ``doctor`` says
when consolidation is owed, and ``brief --format md`` escapes article text."""
from __future__ import annotations

import datetime as dt
import errno
import io
import json
import os
import sqlite3
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from dateline import Ledger
from dateline import cli
from dateline.cli import app

runner = CliRunner()
ARTICLES = [
    {"id": "a-0304", "date": "2024-03-04", "title": "Floods", "text":
        "At least 12 people were killed when floodwater swept through Tarvo on Monday, the Interior Ministry said."},
    {"id": "b-0305", "date": "2024-03-05", "title": "Floods", "text":
        "At least 14 people have now died in the Tarvo floods, the Interior Ministry said on Tuesday."},
]


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("corpus") / "floods.jsonl"
    path.write_text("".join(json.dumps(a) + "\n" for a in ARTICLES), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def db(corpus, tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("db") / "l.db"
    with Ledger(path) as ledger:
        assert ledger.ingest([corpus]).ok
    return path


def run_main(monkeypatch, capsys, *args: str) -> tuple[int, str]:
    """``dateline ARGS`` through ``cli.main`` (where errors become one line), as a shell runs it."""
    monkeypatch.setattr(sys, "argv", ["dateline", *args])
    with pytest.raises(SystemExit) as exit_:
        cli.main()
    return exit_.value.code, capsys.readouterr().err


class FullDisk:
    """Files opened for writing under ``folder`` take ``room`` characters in all, then fail with
    ENOSPC, as on a full disk (``io.open`` is what ``open``, ``Path.open`` and ``os.fdopen`` call)."""

    def __init__(self, monkeypatch, folder: Path, room: int):
        real_open = io.open
        self.room = room
        disk = self

        class Writer:
            def __init__(self, f):
                self._f = f

            def write(self, s):
                if len(s) > disk.room:
                    self._f.write(s[:disk.room])
                    disk.room = 0
                    raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))
                disk.room -= len(s)
                return self._f.write(s)

            def __getattr__(self, name):
                return getattr(self._f, name)

            def __enter__(self):
                return self

            def __exit__(self, *exc):
                self._f.close()

        def fake_open(file, mode="r", *args, **kwargs):
            f = real_open(file, mode, *args, **kwargs)
            name = os.readlink(f"/proc/self/fd/{file}") if isinstance(file, int) else os.fspath(file)
            if any(c in mode for c in "wax+") and Path(name).resolve().is_relative_to(folder.resolve()):
                return Writer(f)
            return f

        monkeypatch.setattr(io, "open", fake_open)


# --- disk full -----------------------------------------------------------------------------------
def test_a_full_disk_during_ingest_is_one_line_and_keeps_what_was_stored(corpus, tmp_path, monkeypatch, capsys):
    from dateline.store.sqlite import Store

    real = Store.write_analyses
    calls = []

    def full_after_one_batch(self, analyses, sigs):
        calls.append(1)
        if len(calls) > 1:
            raise sqlite3.OperationalError("database or disk is full")
        return real(self, analyses, sigs)

    monkeypatch.setattr(Store, "write_analyses", full_after_one_batch)
    code, err = run_main(monkeypatch, capsys, "ingest", str(corpus), "--db", str(tmp_path / "f.db"),
                         "--batch-size", "1", "--quiet")
    assert code == 1 and "Traceback" not in err
    (line,) = err.strip().splitlines()
    assert line.startswith("error:") and "disk is full" in line
    with Ledger(tmp_path / "f.db", read_only=True) as ledger:
        assert [d.id for d in ledger.documents()] == ["a-0304"]       # the first batch, whole


def test_export_and_report_on_a_full_disk_leave_the_old_file_whole(db, tmp_path, monkeypatch, capsys):
    out = tmp_path / "out"
    out.mkdir()
    for name in ("ledger.jsonl", "story.html"):
        (out / name).write_text("the previous version\n", encoding="utf-8")
    FullDisk(monkeypatch, out, room=300)
    for args in (["export", "-o", str(out / "ledger.jsonl")], ["report", "-o", str(out / "story.html")]):
        code, err = run_main(monkeypatch, capsys, *args, "--db", str(db))
        assert code == 1 and "Traceback" not in err, err
        (line,) = err.strip().splitlines()
        assert line.startswith("error:") and "No space left on device" in line, line
    assert sorted(p.name for p in out.iterdir()) == ["ledger.jsonl", "story.html"]       # no temporary left
    assert {p.read_text(encoding="utf-8") for p in out.iterdir()} == {"the previous version\n"}


def test_export_and_report_write_whole_files(db, tmp_path):
    for args, name in ((["export"], "ledger.jsonl"), (["report"], "story.html")):
        result = runner.invoke(app, [*args, "-o", str(tmp_path / name), "--db", str(db)])
        assert result.exit_code == 0, result.output
    lines = (tmp_path / "ledger.jsonl").read_text(encoding="utf-8").splitlines()
    assert lines and all(json.loads(x)["kind"] for x in lines)
    assert (tmp_path / "story.html").read_text(encoding="utf-8").rstrip().endswith("</html>")
    assert oct((tmp_path / "ledger.jsonl").stat().st_mode & 0o777) == oct(0o666 & ~_umask())
    assert sorted(p.name for p in tmp_path.iterdir()) == ["ledger.jsonl", "story.html"]


def _umask() -> int:
    mask = os.umask(0)
    os.umask(mask)
    return mask


# --- load: all or nothing --------------------------------------------------------------------------
def test_load_of_a_dataset_with_a_corrupt_part_loads_nothing(corpus, tmp_path):
    from dateline.engines import analyze_to_parquet

    out = tmp_path / "ledger.parquet"
    analyze_to_parquet([corpus], out, engine="local", workers=1)
    parts = sorted((out / "kind=figure").rglob("*.parquet"))
    assert len(parts) == 2                         # one per publication day
    parts[-1].write_bytes(parts[-1].read_bytes()[: 100])          # the second day's figures, cut short
    db = tmp_path / "l.db"
    result = runner.invoke(app, ["load", str(out), "--db", str(db)])
    assert result.exit_code == 1 and result.exception is None or isinstance(result.exception, SystemExit)
    lines = result.output.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("error:") and "nothing was loaded" in lines[0], result.output
    with Ledger(db, read_only=True) as ledger:
        assert list(ledger.documents()) == []


# --- doctor --------------------------------------------------------------------------------------
def test_doctor_says_when_consolidation_is_owed_and_how_to_finish_it(corpus, tmp_path, monkeypatch):
    db = tmp_path / "owed.db"
    with monkeypatch.context() as m:
        m.setattr(Ledger, "consolidate", lambda self: None)          # as if killed before consolidating
        with Ledger(db) as ledger:
            ledger.ingest([corpus])
    owed = runner.invoke(app, ["doctor", "--db", str(db)])
    assert owed.exit_code == 1, owed.output
    assert "consolidation is owed for 2 articles" in owed.output and "dateline ingest" in owed.output
    finish = runner.invoke(app, ["ingest", str(corpus), "--db", str(db), "--quiet"])
    assert finish.exit_code == 0, finish.output
    healthy = runner.invoke(app, ["doctor", "--db", str(db)])
    assert healthy.exit_code == 0 and healthy.output.startswith("ok:"), healthy.output


# --- brief ---------------------------------------------------------------------------------------
def test_brief_markdown_escapes_article_html(tmp_path):
    from dateline.synthesize.brief import build_brief, to_markdown

    corpus = tmp_path / "x.jsonl"
    corpus.write_text(json.dumps({
        "id": "x-0306", "date": "2024-03-06", "title": "Floods", "text":
            "At least 15 people have died in the Tarvo floods <script>alert(1)</script>, the Interior Ministry said. "
            "\"We will rebuild <img src=x onerror=alert(2)> every [school](javascript:alert(3)),\" "
            "the mayor Anna Kell said on Wednesday."}) + "\n", encoding="utf-8")
    with Ledger(tmp_path / "b.db") as ledger:
        ledger.ingest([corpus])
        text = to_markdown(build_brief(ledger.store, since=dt.date(2024, 3, 5)))
    assert "<script>" not in text and "<img" not in text and "](javascript:" not in text, text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text or "&lt;img" in text


@pytest.fixture
def small_disk(tmp_path):
    """A real 512 KB file system (tmpfs), where this machine lets the tests mount one (root)."""
    import shutil
    import subprocess

    folder = tmp_path / "small"
    folder.mkdir()
    if os.geteuid() != 0 or not shutil.which("mount"):
        pytest.skip("mounting a tmpfs needs root")
    if subprocess.run(["mount", "-t", "tmpfs", "-o", "size=512k", "tmpfs", str(folder)],
                      capture_output=True).returncode != 0:
        pytest.skip("cannot mount a tmpfs here")
    try:
        yield folder
    finally:
        subprocess.run(["umount", "-l", str(folder)], capture_output=True)


def test_a_real_full_disk_ends_ingest_in_one_line(db, small_disk, tmp_path, monkeypatch, capsys):
    corpus = tmp_path / "many.jsonl"
    corpus.write_text("".join(json.dumps({"id": f"a{i}", "date": "2024-03-04", "text": (
        f"At least {i} people were killed when floodwater swept through Tarvo on Monday, the ministry said. ") * 20})
        + "\n" for i in range(60)), encoding="utf-8")
    code, err = run_main(monkeypatch, capsys, "ingest", str(corpus), "--db", str(small_disk / "f.db"), "--quiet",
                         "--batch-size", "8")
    (line,) = err.strip().splitlines()
    assert code == 1 and "disk is full" in line, err


def test_a_real_full_disk_leaves_the_previous_export_whole(db, small_disk, monkeypatch, capsys):
    (small_disk / "ledger.jsonl").write_text("the previous version\n", encoding="utf-8")
    with open(small_disk / "filler", "wb", buffering=0) as f:          # the disk full to the last page
        with pytest.raises(OSError):
            while True:
                f.write(bytes(4096))
    code, err = run_main(monkeypatch, capsys, "export", "-o", str(small_disk / "ledger.jsonl"), "--db", str(db))
    assert code == 1 and "No space left on device" in err and len(err.strip().splitlines()) == 1, err
    assert (small_disk / "ledger.jsonl").read_text(encoding="utf-8") == "the previous version\n"
    assert sorted(p.name for p in small_disk.iterdir()) == ["filler", "ledger.jsonl"]
