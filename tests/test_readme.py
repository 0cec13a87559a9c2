"""A newcomer's first hour (issue 19): the README's two commands, then every command the README
and ``make`` print, typed exactly as printed in a fresh shell (no virtualenv activated, nothing of
dateline on the PATH), against the demo corpus.

The "clone" is a temporary folder holding what a checkout holds after ``make demo``: ``.venv``
(a link to the environment running these tests) and ``src`` (a link to this checkout's), so the
commands' files (``dateline.db``, ``ledger.jsonl``, ...) never land in the checkout itself.
"""
from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"
VENV = Path(sys.prefix)


def sh_block(heading: str, index: int = 0) -> list[str]:
    """The commands of the ``index``-th ```sh block under the README's ``## heading``, one per line."""
    text = README.read_text(encoding="utf-8")
    section = re.split(r"^## ", text.split(f"\n## {heading}\n", 1)[1], flags=re.M)[0]
    blocks = re.findall(r"```sh\n(.*?)```", section, re.S)
    return [line for line in blocks[index].splitlines() if line.strip()]


def fresh_env() -> dict[str, str]:
    """A new shell's environment: no virtualenv on the PATH, no DATELINE_DB."""
    env = {k: v for k, v in os.environ.items() if k not in ("VIRTUAL_ENV", "DATELINE_DB", "PYTHONPATH")}
    env["PATH"] = os.pathsep.join(p for p in env.get("PATH", os.defpath).split(os.pathsep)
                                  if p and not Path(p).resolve().is_relative_to(VENV.resolve())
                                  and not (Path(p) / "dateline").exists())
    env["COLUMNS"] = "100"
    return env


def run(line: str, cwd: Path, timeout: float = 300) -> subprocess.CompletedProcess:
    return subprocess.run(["bash", "-c", line], cwd=cwd, env=fresh_env(), capture_output=True, text=True,
                          timeout=timeout)


@pytest.fixture(scope="module")
def clone(tmp_path_factory) -> Path:
    """A fresh shell's view of a checkout after `make demo`: no `dateline` on the PATH (see :func:`fresh_env`)."""
    folder = tmp_path_factory.mktemp("clone")
    (folder / ".venv").symlink_to(VENV, target_is_directory=True)
    (folder / "src").symlink_to(ROOT / "src", target_is_directory=True)
    if not (VENV / "bin" / "dateline").exists():
        pytest.skip(f"no dateline command in {VENV}/bin (install with 'make setup')")
    return folder


def test_every_command_of_using_it_works_as_printed(clone):
    lines = sh_block("Using it")
    assert len(lines) >= 10 and all(line.startswith(".venv/bin/dateline ") for line in lines), lines
    first = run(lines[0], clone)            # the ingest; the others read what it built (run side by side)
    assert first.returncode == 0, (lines[0], first.stderr[-2000:])
    running = [(line, subprocess.Popen(["bash", "-c", line], cwd=clone, env=fresh_env(), stdout=subprocess.PIPE,
                                       stderr=subprocess.PIPE, text=True)) for line in lines[1:]]
    for line, proc in running:
        out, err = proc.communicate(timeout=300)
        assert proc.returncode == 0, (line, out[-2000:], err[-2000:])
        assert "Traceback" not in err, (line, err[-2000:])
        if shlex.split(line, comments=True)[1] != "doctor" and ">" not in line:     # doctor reports on stderr
            assert out.strip(), line
    assert (clone / "dateline.db").exists() and (clone / "ledger.jsonl").read_text(encoding="utf-8").count("\n") > 50


def test_the_files_the_readme_commands_read_are_in_a_fresh_clone():
    """The commands run in the clone read only what git tracks (nothing a working copy has by accident)."""
    inputs = [word for line in sh_block("Using it") for word in shlex.split(line, comments=True)[2:]
              if "/" in word and (ROOT / word).exists()]
    assert inputs, "the README ingests the demo corpus"
    if not (ROOT / ".git").exists():
        pytest.skip("not a git checkout")
    for path in inputs:
        tracked = subprocess.run(["git", "ls-files", "--error-unmatch", path], cwd=ROOT, capture_output=True, text=True)
        assert tracked.returncode == 0 and tracked.stdout.strip(), path


def test_the_report_command_of_the_web_section_works_as_printed(clone):
    if not (clone / "dateline.db").exists():
        run(sh_block("Using it")[0], clone)
    report = [line for line in sh_block("Web pages and the shareable report") if " report " in line]
    assert report and report[0].startswith(".venv/bin/dateline ")
    result = run(report[0], clone)
    assert result.returncode == 0, result.stderr
    assert (clone / "story.html").read_text(encoding="utf-8").startswith("<!doctype html>")


def test_what_make_demo_prints_works_as_printed(clone):
    """``make demo`` runs ``.venv/bin/dateline demo``; every command its closing hint prints runs as typed."""
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert "$(BIN)/dateline demo" in makefile
    demo = run(".venv/bin/dateline demo", clone)
    assert demo.returncode == 0, demo.stderr
    hint = demo.stdout.split("Explore further", 1)[1]
    commands = [line.strip() for line in hint.splitlines() if line.strip().startswith(".venv/bin/dateline ")]
    assert len(commands) >= 3, hint
    assert not any(word.isupper() for c in commands for word in c.split()), commands     # no placeholder (ID)
    for line in commands:
        if " serve " in line:
            assert_serves(line, clone)
            continue
        result = run(line, clone)
        assert result.returncode == 0, (line, result.stderr[-2000:])


def assert_serves(line: str, cwd: Path) -> None:
    """``dateline serve`` as typed: it says where it serves, or (this machine's port taken) that the port is busy."""
    proc = subprocess.Popen(["bash", "-c", f"exec {line}"], cwd=cwd, env=fresh_env(), stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, text=True)
    try:
        first = proc.stdout.readline()
        assert "serving" in first or ("in use" in first and proc.wait(timeout=30) == 2), first
    finally:
        proc.terminate()
        proc.wait(timeout=30)


def test_the_version_is_printed():
    from typer.testing import CliRunner

    from dateline import __version__
    from dateline.cli import app

    result = CliRunner().invoke(app, ["--version"])
    assert result.exit_code == 0 and result.output.strip() == f"dateline {__version__}"


def test_make_test_installs_chromium_as_ci_does_and_says_why_tests_skip():
    if not shutil.which("make"):
        pytest.skip("no make on this machine")
    dry = subprocess.run(["make", "-n", "test"], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert dry.returncode == 0, dry.stderr
    pytest_line = next(line for line in dry.stdout.splitlines() if "-m pytest" in line)
    assert " -rs" in pytest_line            # a skipped test says why
    assert "apt-get install -y -q chromium" in dry.stdout
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    assert "make test" in ci and "apt-get" not in ci         # CI does what `make test` does, no more


def test_files_the_readme_commands_write_are_ignored_by_git():
    names = ["demo.db", "demo.db-wal", "dateline.db", "ledger.jsonl", "story.html", "series.svg", "demo.html"]
    result = subprocess.run(["git", "check-ignore", "--no-index", *names], cwd=ROOT, capture_output=True, text=True)
    assert set(result.stdout.split()) == set(names)


def test_the_license_is_an_spdx_string():
    """A ``license = {text = ...}`` table makes setuptools warn on every install."""
    tomllib = pytest.importorskip("tomllib")
    meta = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    assert meta["project"]["license"] == "MIT"
    backend = next(r for r in meta["build-system"]["requires"] if r.startswith("setuptools"))
    assert backend == "setuptools>=77"       # the first to read an SPDX string


def test_the_version_is_the_packages():
    tomllib = pytest.importorskip("tomllib")
    from dateline import __version__

    assert tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["version"] == __version__
