"""The gazetteer's cache file (lexicon.gazetteer): the same tables as a build, and never read when stale."""
from __future__ import annotations

import marshal

import pytest

from dateline.analyze.lexicon import gazetteer as G

TABLES = ("_by_key", "_demonyms", "_countries", "_admin1", "_territories", "_territory_of_code")


def _tables(g: G.Gazetteer) -> dict:
    # lists and dicts in order: the cache must give the same order as the build (``find`` returns the lists)
    return {name: list(getattr(g, name).items()) for name in TABLES}


def test_state_gives_back_the_built_tables():
    built = G.Gazetteer()
    restored = G.Gazetteer(marshal.loads(marshal.dumps(built.state())))
    assert _tables(restored) == _tables(built)
    assert restored.find("Khan Younis") == built.find("Khan Younis")
    assert restored.demonym("Palestinians") == built.demonym("Palestinians")
    wajima = restored.find("Wajima")[0]
    assert restored.admin1_code(wajima) == built.admin1_code(wajima)
    assert restored.territories("PS") == built.territories("PS")


@pytest.fixture
def small(monkeypatch, tmp_path):
    """A cheap stand-in build (counted), the cache in a temporary folder, the process's gazetteer forgotten."""
    builds = []

    def build(self):
        builds.append(1)
        place = G.Place("Testville", "city", "XX", region="testshire", population=len(builds))
        self._add("Testville", place)
        self._countries["XX"] = G.Place("Testland", "country", "XX")
        self._admin1[place] = "07"

    monkeypatch.setattr(G.Gazetteer, "_build", build)
    monkeypatch.setenv("DATELINE_CACHE_DIR", str(tmp_path))
    monkeypatch.delenv("DATELINE_CACHE", raising=False)
    G.gazetteer.cache_clear()
    yield builds
    G.gazetteer.cache_clear()


def test_built_once_then_read_from_the_cache(small, tmp_path):
    first = G.gazetteer()
    assert small == [1] and len(list(tmp_path.glob("gazetteer-*.marshal"))) == 1
    G.gazetteer.cache_clear()
    second = G.gazetteer()
    assert small == [1]                                  # read, not built
    assert _tables(second) == _tables(first)
    assert second.admin1_code(second.find("Testville")[0]) == "07"


def test_a_stale_cache_is_never_read(small, tmp_path, monkeypatch):
    G.gazetteer()
    (old,) = tmp_path.glob("gazetteer-*.marshal")
    # an input changed: another fingerprint, so the old file is not read, and is replaced
    monkeypatch.setattr(G, "fingerprint", lambda: "f" * 64)
    G.gazetteer.cache_clear()
    assert G.gazetteer().find("Testville")[0].population == 2
    assert small == [1, 1]
    assert [p.name for p in tmp_path.glob("gazetteer-*.marshal")] == [G.cache_path(tmp_path, "f" * 64).name]
    assert not old.exists()


def test_a_file_for_another_digest_or_unreadable_is_rebuilt(small, tmp_path, monkeypatch):
    digest = G.fingerprint()
    G.gazetteer()
    path = G.cache_path(tmp_path, digest)
    # same name, but written for another fingerprint (the name holds only part of the digest)
    data = marshal.loads(path.read_bytes())
    data["digest"] = digest[:32] + "0" * 32
    path.write_bytes(marshal.dumps(data))
    assert G.read_cache(tmp_path, digest) is None
    # truncated, then not marshal data at all
    path.write_bytes(marshal.dumps(data)[:100])
    assert G.read_cache(tmp_path, digest) is None
    path.write_bytes(b"not a cache")
    G.gazetteer.cache_clear()
    G.gazetteer()
    assert small == [1, 1]
    assert G.read_cache(tmp_path, digest) is not None       # written again, whole


def test_fingerprint_follows_every_input(tmp_path, monkeypatch):
    pkg = tmp_path / "fakegeo"
    (pkg / "data").mkdir(parents=True)
    (pkg / "__init__.py").write_text("")
    (pkg / "data" / "cities.json").write_text("[1, 2]")
    monkeypatch.syspath_prepend(str(tmp_path))
    before = G.fingerprint(("fakegeo",))
    assert G.fingerprint(("fakegeo",)) == before                 # stable
    (pkg / "data" / "cities.json").write_text("[1, 2, 3]")         # the data changed
    after = G.fingerprint(("fakegeo",))
    assert after != before
    (pkg / "data" / "more.json").write_text("{}")                  # a file added
    assert G.fingerprint(("fakegeo",)) != after
    assert G.fingerprint(("fakegeo", "no_such_package_here")) != G.fingerprint(("fakegeo",))
    # the building code is read in full: another source gives another digest
    real = G.fingerprint(("fakegeo",))
    monkeypatch.setattr(G, "__file__", str(pkg / "__init__.py"))
    assert G.fingerprint(("fakegeo",)) != real


def test_cache_can_be_turned_off(monkeypatch, tmp_path):
    monkeypatch.setenv("DATELINE_CACHE", "0")
    assert G.cache_dir() is None
    monkeypatch.setenv("DATELINE_CACHE", "1")
    monkeypatch.setenv("DATELINE_CACHE_DIR", str(tmp_path))
    assert G.cache_dir() == tmp_path


def test_unwritable_folder_still_gives_a_gazetteer(small, tmp_path, monkeypatch):
    blocker = tmp_path / "file"
    blocker.write_text("")
    monkeypatch.setenv("DATELINE_CACHE_DIR", str(blocker / "sub"))     # cannot be made
    assert G.gazetteer().find("Testville")
