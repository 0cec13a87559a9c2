"""Series alerts: the rules on hand-made points, then the whole path on the demo corpus."""
from __future__ import annotations

import datetime as dt
import json
from importlib.resources import files
from pathlib import Path

import pytest

from dateline import Ledger
from dateline.consolidate.series import Point, Series, category_of
from dateline.synthesize.alerts import AlertConfig, bounds, check

D = dt.date


def pt(doc, published, value, qualifier="exact", as_of=None, source="Health Ministry", sentence="",
       inferred=False, dup=None, value_max=None):
    return Point(figure=f"{doc}#f{int(value)}", doc=doc, doc_date=published, as_of=as_of or published, value=value,
                 value_max=value_max, qualifier=qualifier, scope="cumulative", start=0, end=10, value_start=0,
                 value_end=3, sentence=sentence or f"{value} people were killed, the ministry said.",
                 source=source, source_inferred=inferred, dup_group=dup)


def series(points, measure="killed", source_key="authorities:tarvo", sid="s1"):
    return Series(id=sid, measure=measure, place="tarvo", category="people", source_key=source_key,
                  label="Tarvo authorities", points=points)


def types(alerts):
    return sorted((a.type, a.point.doc) for a in alerts)


def test_stale_figure_printed_after_a_larger_one():
    s = series([pt("a", D(2024, 3, 1), 100), pt("b", D(2024, 3, 5), 400), pt("c", D(2024, 3, 9), 120, "more than")])
    alerts = check([s])
    assert types(alerts) == [("stale", "c")]
    a = alerts[0]
    assert a.evidence[0].doc == "b" and "[c 0-10]" in a.explanation and "[b 0-10]" in a.explanation
    assert a.to_json()["evidence"] == [{"doc": "b", "start": 0, "end": 10}]


def test_not_stale_when_too_recent_or_dated_by_the_text_or_a_different_count():
    s = series([pt("b", D(2024, 3, 5), 400), pt("c", D(2024, 3, 6), 250),
                pt("d", D(2024, 3, 9), 250, as_of=D(2024, 3, 2)), pt("e", D(2024, 3, 9), 3)])
    # c is a day late: too recent to call stale, but the series still went down (by less than half:
    # a source's toll falling below half of itself is taken for another count, see regression_share)
    assert types(check([s])) == [("regression", "c")]


def test_a_week_old_larger_figure_needs_only_a_small_gap():
    s = series([pt("b", D(2024, 3, 1), 1400, "more than"), pt("c", D(2024, 3, 12), 1300, "over")])
    assert types(check([s])) == [("stale", "c")]


def test_revision_then_old_figure_is_stale_not_regression():
    s = series([pt("a", D(2024, 3, 1), 1400, "about"),
                pt("b", D(2024, 3, 10), 1200, "about", sentence="The ministry revised the toll down to about 1,200."),
                pt("c", D(2024, 3, 12), 1200, "about"),
                pt("d", D(2024, 3, 15), 1400, "about")])
    alerts = check([s])
    assert types(alerts) == [("revision", "b"), ("stale", "d")]
    assert "revised" in alerts[1].explanation


def test_regression_without_a_stated_revision():
    s = series([pt("a", D(2024, 3, 1), 500), pt("b", D(2024, 3, 2), 450)])
    assert types(check([s], AlertConfig(stale_days=5))) == [("regression", "b")]


def test_copies_of_one_article_never_alert_on_each_other():
    s = series([pt("a", D(2024, 3, 1), 500, dup="g"), pt("b", D(2024, 3, 8), 100, dup="g")])
    assert check([s]) == []


def test_conflict_between_sources_respects_qualifiers():
    ministry = series([pt("a", D(2024, 3, 10), 71, source="Interior Ministry")], sid="m")
    red_cross = series([pt("b", D(2024, 3, 10), 80, source="Red Cross")], source_key="source:red cross", sid="r")
    assert types(check([ministry, red_cross])) == [("conflict", "b")]
    low = series([pt("c", D(2024, 3, 10), 700, "at least", source="Interior Ministry")], sid="m")
    high = series([pt("d", D(2024, 3, 10), 1000, "more than", source="Red Cross")], source_key="source:rc", sid="r")
    assert check([low, high]) == []


def test_date_mismatch_for_a_precise_figure_reprinted_later():
    s = series([pt("a", D(2024, 3, 1), 8796, "at least"), pt("b", D(2024, 3, 8), 10328),
                pt("c", D(2024, 3, 8), 8796, "at least")])
    assert ("date_mismatch", "c") in types(check([s], AlertConfig(stale_ratio=0.5)))
    round_ = series([pt("a", D(2024, 3, 1), 200), pt("b", D(2024, 3, 8), 300), pt("c", D(2024, 3, 8), 200)])
    assert ("date_mismatch", "c") not in types(check([round_], AlertConfig(stale_ratio=2)))


def test_stocks_that_go_down_are_not_stale():
    s = series([pt("a", D(2024, 3, 1), 15000), pt("b", D(2024, 3, 9), 6000)], measure="displaced")
    assert check([s]) == []


@pytest.mark.parametrize("measure,sentence", [
    ("missing", "The Red Crescent said 8,100 people were still unaccounted for, down from 10,000 as people were "
                "found in shelters."),
    ("displaced", "About 48,000 people are still in tents, down from 60,000 last week as families moved into "
                  "prefabricated homes."),
    ("hostages", "Some 60 hostages are still held, down from 130 after two exchanges."),
])
def test_a_stock_down_from_an_earlier_figure_has_changed_not_been_revised(measure, sentence):
    s = series([pt("a", D(2024, 3, 1), 10000), pt("b", D(2024, 3, 9), 8100, sentence=sentence)], measure=measure)
    assert check([s]) == []


def test_a_stock_whose_figure_is_corrected_is_a_revision():
    s = series([pt("a", D(2024, 3, 1), 10000),
                pt("b", D(2024, 3, 9), 4000, sentence="The agency corrected its count of missing people to 4,000, "
                                                     "saying names had been counted twice.")], measure="missing")
    assert types(check([s])) == [("revision", "b")]


def test_bounds_and_categories():
    cfg = AlertConfig()
    assert bounds(pt("a", D(2024, 1, 1), 100, "about"), cfg) == pytest.approx((90, 110))
    assert bounds(pt("a", D(2024, 1, 1), 100, "range", value_max=150), cfg) == (100, 150)
    assert bounds(pt("a", D(2024, 1, 1), 100, "at least"), cfg)[1] == float("inf")
    assert category_of("Palestinian children") == "children"
    assert category_of("people in Gaza") == "people"
    assert category_of(None) == "people"
    # identified deaths are a part of the toll wherever the group says so; "confirmed" deaths are the toll
    assert category_of("deaths of people fully identified") == "identified"
    assert category_of("victims identified so far in Kerrow") == "identified"
    assert category_of("confirmed deaths in the province") == "people"


@pytest.fixture(scope="module")
def demo(tmp_path_factory):
    db = tmp_path_factory.mktemp("alerts") / "demo.db"
    with Ledger(db) as ledger:
        ledger.ingest([Path(str(files("dateline") / "demo"))])
        yield ledger


def test_demo_story_series_and_alerts(demo):
    series_ = demo.series(measure="killed")
    main = series_[0]
    assert main.place == "belmoria" and main.category == "people" and len(main.points) >= 5
    alerts = demo.check()
    stale = [a for a in alerts if a.type == "stale" and a.point.doc == "belmoria-herald-0309"]
    assert stale and stale[0].point.value == 23
    conflicts = [a for a in alerts if a.type == "conflict"]
    assert any({a.point.value, a.evidence[0].value} == {71, 80} for a in conflicts)
    texts = {d.id: d.text for d in demo.documents()}
    for a in alerts:
        for cited in [a.point, *a.evidence]:
            assert cited.start <= cited.value_start < cited.value_end <= cited.end <= len(texts[cited.doc])
            assert texts[cited.doc][cited.start:cited.end] == cited.sentence


def _series_both_ways(store, measure=None):
    """Series grouped from the stored descriptions equal series described afresh from every figure."""
    from dateline.consolidate import series as fs

    assert store.get_state("figure_series") == fs.DESCRIBED and store.get_state("needs_consolidation") == "0"
    stored = fs.build_series(store, measure=measure)
    dup = {r["id"]: r["dup_group"] for r in store.rows("SELECT id, dup_group FROM documents")}
    fresh = fs.series_of([r for r in store.figures(measure=measure) if r["scope"] == "cumulative"],
                         fs.Places.of_store(store), dup)
    assert stored == fresh
    return stored


def test_demo_series_from_stored_descriptions(demo):
    assert len(_series_both_ways(demo.store)) > 3
    assert _series_both_ways(demo.store, measure="killed")


def test_series_descriptions_follow_new_places_and_new_versions(tmp_path):
    """An article counts "Yemeni villagers" before any article names Yemen as a place: the gazetteer
    knows the demonym, so its figure is Yemen's from the start (it once waited for a later article to
    name Yemen and was placed with Chile's toll meanwhile). Later articles and new versions keep the
    stored descriptions current, and only the articles a change can touch are described again."""
    from dateline.consolidate import series as fs

    from quake_story import FIRST as first, LATER as later

    db = tmp_path / "q.db"
    with Ledger(db) as led:
        led.ingest([write(tmp_path / "first.jsonl", first)])
        before = _series_both_ways(led.store)
        keys_before = led.store.series_place_keys()
        led.ingest([write(tmp_path / "later.jsonl", later)])
        after = _series_both_ways(led.store)
        assert led.store.series_place_keys() - keys_before       # new place names came
        assert before != after
        # a new version of an article: its old descriptions go with it
        assert {s.place for s in before} == {"chile", "yemen"}
        assert [s.place for s in after if any(p.doc == "a2" for p in s.points)] == ["yemen"]
        led.ingest([write(tmp_path / "v2.jsonl", [dict(first[1], text=first[1]["text"].replace("52", "57"))])])
        values = {p.value for s in _series_both_ways(led.store) for p in s.points}
        assert 57 in values and 52 not in values
        # only the articles a change of places can touch are described again
        assert fs.describe_documents(led.store, []) == 0


def write(path, rows):
    path.write_text("".join(json.dumps(r) + "\n" for r in rows), encoding="utf-8")
    return path


@pytest.mark.skipif(not (Path(__file__).resolve().parents[2] / "shared" / "corpus" / "dev.jsonl").exists(),
                    reason="../shared/corpus/dev.jsonl not found (the dev corpus lives beside the project)")
def test_dev_series_kept_current_batch_by_batch(tmp_path):
    """Real news arriving in three batches (by date): after each, the series grouped from the
    stored descriptions equal a fresh description of every figure."""
    dev = Path(__file__).resolve().parents[2] / "shared" / "corpus" / "dev.jsonl"
    rows = sorted((json.loads(line) for line in dev.read_text(encoding="utf-8").splitlines() if line.strip()),
                  key=lambda r: (r["date"], r["id"]))
    with Ledger(tmp_path / "dev.db") as led:
        for i, part in enumerate((rows[:12], rows[12:25], rows[25:])):
            led.ingest([write(tmp_path / f"part{i}.jsonl", part)])
            assert _series_both_ways(led.store)


def test_a_consolidation_cut_short_is_redone_in_full(tmp_path, monkeypatch):
    """If consolidation stops before the new articles' figures are described, the articles stay
    listed as unconsolidated and the next consolidation describes them."""
    from dateline.consolidate import series as fs
    from quake_story import FIRST, LATER

    with Ledger(tmp_path / "q.db") as led:
        led.ingest([write(tmp_path / "first.jsonl", FIRST)])
        real = fs.describe_documents

        def fail(*args, **kwargs):
            raise RuntimeError("power cut")

        monkeypatch.setattr(fs, "describe_documents", fail)
        with pytest.raises(RuntimeError):
            led.ingest([write(tmp_path / "later.jsonl", LATER)])
        monkeypatch.setattr(fs, "describe_documents", real)
        assert "a3" in led.store.unconsolidated() and led.store.get_state("needs_consolidation") == "1"
        led.consolidate()
        assert led.store.unconsolidated() == {}
        assert any(p.doc == "a3" for s in _series_both_ways(led.store) for p in s.points)


def test_what_a_change_of_places_can_touch():
    """The scan for descriptions a new or dropped place name can change finds the name's stem
    anywhere in the folded text (a capitalised run may start inside a word: "inYemen"), and a
    source key stored with the figure's place left open gives the key of any place, "unknown"
    included."""
    from dateline.consolidate import series as fs

    pattern = fs.affected_by({"yemen", "west bank"})
    for text in ("Yemeni villagers", "toll reached 50 inYemen", "éYemen", "the West Bank", "WESTERN"):
        assert pattern.search(fs._folded(text)), text
    assert not pattern.search(fs._folded("Chile's health ministry"))
    places = fs.Places(["Unknown", "Chile", "Gaza Strip"])
    for source in ("Unknown authorities", "health ministry", "Chile's health ministry", "officials", "UNRWA"):
        for place in (None, "unknown", "chile", "gaza"):
            assert fs._with_place(fs.source_key(source, places, fs._FIGURE_PLACE), place) == \
                fs.source_key(source, places, place), (source, place)


def test_placing_by_value_with_an_index_equals_reading_every_figure():
    """A toll without a place joins the place whose figures of those days (within ten) its value is
    consistent with (within half as much again), when exactly one place fits; the sorted index gives the same place as comparing with every figure."""
    import math
    import random
    import statistics

    from dateline.consolidate import series as fs

    def reference(r, category, placed):       # the plain reading of the rule
        options = {k: rows for k, rows in placed.items() if k[0] == r["measure"] and k[2] == category}
        day = fs._day(r)
        if len(options) == 1:               # the one place, if its toll is told in those days (within ten)
            (key, rows), = options.items()
            days = [fs._day(x) for x in rows if x["value"] > 0]
            live = bool(days) and min(days) - dt.timedelta(days=10) <= day <= max(days) + dt.timedelta(days=10)
            return key[1] if live else None
        fits = []
        for key, rows in options.items():
            near = [x["value"] for x in rows if abs((fs._day(x) - day).days) <= 10 and x["value"] > 0]
            if near and r["value"] > 0 and abs(math.log(r["value"] / statistics.median(near))) < math.log(1.5):
                fits.append(key[1])
        return fits[0] if len(fits) == 1 else None

    rng = random.Random(7)
    start = D(2024, 1, 1)

    def row():
        day = start + dt.timedelta(days=rng.randrange(60))
        return {"measure": rng.choice(["killed", "wounded"]), "value": rng.choice([0, 5, 40, 45, 90, 400, 410]),
                "as_of": day.isoformat() if rng.random() < 0.7 else None,
                "doc_date": (day + dt.timedelta(days=rng.randrange(3))).isoformat()}

    placed = {}
    for _ in range(300):
        r = row()
        placed.setdefault((r["measure"], rng.choice(["a", "b", "c"]), rng.choice(["people", "children"])), []).append(r)
    index = fs._ByValue(placed)
    for _ in range(2000):
        r, category = row(), rng.choice(["people", "children", "women"])
        assert index.place(r, category) == reference(r, category, placed)


@pytest.mark.parametrize("facility", ["Soroka hospital", "the Al-Aqsa Martyrs Hospital", "Tarvo city morgue",
                                      "the district medical centre"])
def test_one_facilitys_count_is_part_of_a_toll_not_a_conflict(facility):
    whole = series([pt("a", D(2024, 3, 10), 280, source="Channel 12")], source_key="source:channel 12", sid="w")
    part = series([pt("b", D(2024, 3, 10), 80, source=facility)], source_key=f"source:{facility.lower()}", sid="p")
    assert check([whole, part]) == []
    # two counts of the whole still disagree
    other = series([pt("c", D(2024, 3, 10), 80, source="Red Cross")], source_key="source:red cross", sid="r")
    assert types(check([whole, other])) == [("conflict", "c")]


@pytest.mark.parametrize("later", [
    "A bomb exploded at a bus stop. One person was killed in the blast, police said.",
    "A gunman opened fire at a school. The shooting killed two people, police said.",
    "A gas explosion wrecked a block of flats. The explosion killed three people, firefighters said.",
])
def test_an_unplaced_toll_years_later_joins_no_series(tmp_path, later):
    """A stream of years (a timeline, an archive) holds many tolls of one kind: a toll whose text names no
    place joins the one place that has such a toll only if that toll is told in those days; a bombing of 2004
    is no earlier figure of a blast of 2015."""
    rows = [
        {"id": "old1", "date": "2004-03-31", "text": "A car bomb exploded in a market in Lima. The bomb killed 4 "
                                                     "people, police said."},
        {"id": "old2", "date": "2004-04-02", "text": "The bombing in Lima has killed 9 people, police said. The "
                                                     "blast hit a market."},
        {"id": "new", "date": "2015-12-21", "text": later},
    ]
    with Ledger(tmp_path / "years.db") as led:
        led.ingest([write(tmp_path / "years.jsonl", rows)])
        assert [a for a in led.check() if a.point.doc == "new"] == []
        joined = [s for s in _series_both_ways(led.store, measure="killed") for p in s.points if p.doc == "new"]
        assert joined and all(s.place is None for s in joined)
        # the same toll told a week later is still Lima's
        led.ingest([write(tmp_path / "week.jsonl", [
            {"id": "week", "date": "2004-04-09", "text": "A car bomb exploded in a market. The bomb killed 4 "
                                                         "people, police said."}])])
        lima = [s for s in _series_both_ways(led.store, measure="killed") for p in s.points if p.doc == "week"]
        assert lima and all(s.place == "lima" for s in lima)


def test_a_count_over_two_countries_joins_neither_countrys_series(tmp_path):
    """"160 killed in Peru and Ecuador" has no place: it is not filed under Peru by its value (which is
    near Peru's toll), so Peru's later, smaller toll is not called stale against it."""
    rows = [
        {"id": "k1", "date": "2024-05-01", "text": "The floods have killed 120 people in Peru, officials said."},
        {"id": "b2", "date": "2024-05-04",
         "text": "The floods have killed 160 people in Peru and Ecuador, officials said."},
        {"id": "k3", "date": "2024-05-09", "text": "The floods have killed 125 people in Peru, officials said."},
    ]
    with Ledger(tmp_path / "two.db") as led:
        led.ingest([write(tmp_path / "two.jsonl", rows)])
        series = _series_both_ways(led.store, measure="killed")
        peru = [s for s in series if s.place == "peru"]
        assert peru and {p.doc for s in peru for p in s.points} == {"k1", "k3"}
        assert any(s.place is None and [p.doc for p in s.points] == ["b2"] for s in series)
        assert not [a for a in led.check() if a.point.doc == "k3"]


def test_a_story_about_one_crash_keeps_its_toll_apart_from_a_war_in_the_same_country(tmp_path):
    """A stream about a war, and an article about one plane crash in the same country: the crash's toll
    is that crash's running toll (its own series), not an out-of-date figure of the war's toll."""
    war = "The war has killed more than {} people in Peru since March, the health ministry said."
    rows = [
        {"id": "w1", "date": "2024-05-01", "text": war.format("250")},
        {"id": "w2", "date": "2024-05-05", "text": war.format("300")},
        {"id": "c3", "date": "2024-05-12",
         "text": "Plane Crash Off Peru\nA charter plane crashed into the sea off Peru on Saturday. The crash killed "
                 "148 people, the ministry said. Divers searched the wreck of the crashed plane."},
        {"id": "w4", "date": "2024-05-14", "text": war.format("320")},
    ]
    with Ledger(tmp_path / "mix.db") as led:
        led.ingest([write(tmp_path / "mix.jsonl", rows)])
        series = _series_both_ways(led.store, measure="killed")
        crash = [s for s in series if any(p.doc == "c3" for p in s.points)]
        assert crash and crash[0].category == "people (crash)" and [p.doc for p in crash[0].points] == ["c3"]
        assert not [a for a in led.check() if a.point.doc in ("c3", "w4")]


@pytest.mark.parametrize("earlier,later", [
    ("Witnesses said the bodies of 30 people lay in the streets of Sudan's second city.",
     "The bodies of three men lay at its entrance, a reporter saw."),
    ("Mourners buried 25 people murdered that morning in Sudan's second city.",
     "The bodies of four men lay by the road, a reporter saw."),
    ("A reporter counted 60 bodies in the yard of a hospital in Sudan's second city.",
     "The bodies of two women lay under a tree near the gate, a reporter saw."),
])
def test_two_counts_of_unclear_scope_break_no_series(tmp_path, earlier, later):
    """A count that is a running toll only by default ("the bodies of three men lay at its entrance") is not
    called stale against another such count: both may be incidents. One told as a running toll ("have been
    killed", "since the war began") is still compared with the toll before it."""
    rows = [
        {"id": "w1", "date": "2019-05-01", "text": "Sudan: army units shelled rebel positions near the river crossing "
                                                   "overnight. " + earlier},
        {"id": "w2", "date": "2019-05-06", "text": "Sudan: heavy clashes erupted at dawn around the airport compound. "
                                                   + later},
        {"id": "w3", "date": "2019-05-09", "text": "Aid agencies appealed for a ceasefire in Sudan on Thursday. More "
                                                   "than 300 people have been killed in Sudan since the war began, the "
                                                   "monitor said."},
        {"id": "w4", "date": "2019-05-14", "text": "Negotiators met again in a neighbouring capital, with no progress "
                                                   "reported. Some 50 people have been killed in Sudan, a local "
                                                   "official said."},
    ]
    with Ledger(tmp_path / "unclear.db") as led:
        led.ingest([write(tmp_path / "unclear.jsonl", rows)])
        alerted = {a.point.doc for a in led.check()}
        assert "w2" not in alerted
        assert "w4" in alerted


@pytest.mark.parametrize("earlier,later", [
    ("A powerful earthquake hit eastern Afghanistan, killing more than 1,100 people.",
     "Flash floods in Afghanistan kill more than 300 people."),
    ("Monsoon floods killed 1,700 people in Pakistan, officials said.",
     "Heavy rains have killed 400 people in Pakistan, officials said."),
    ("The cyclone killed 1,000 people in Mozambique, officials said.",
     "Floods killed 70 people in Mozambique, officials said."),
])
def test_a_toll_years_after_a_larger_one_is_another_toll(tmp_path, earlier, later):
    """A toll printed two years after a higher one of the same place is of another time (another disaster),
    not a reprint of the old figure; a month after, it would be."""
    rows = [{"id": "e1", "date": "2022-06-22", "text": earlier}, {"id": "e2", "date": "2024-05-11", "text": later}]
    with Ledger(tmp_path / "years.db") as led:
        led.ingest([write(tmp_path / "years.jsonl", rows)])
        assert [a for a in led.check() if a.point.doc == "e2"] == []
    rows[1] = {"id": "e2", "date": "2022-07-22", "text": later}
    with Ledger(tmp_path / "month.db") as led:
        led.ingest([write(tmp_path / "month.jsonl", rows)])
        assert [a.type for a in led.check() if a.point.doc == "e2"] == ["stale"]


def _revision_alerted(tmp_path, text, value, alerted):
    """One article's text: whether its figure ``value`` gets a revision alert."""
    src = tmp_path / "a.jsonl"
    write(src, [{"id": "a", "date": "2024-06-06", "text": text}])
    with Ledger(tmp_path / "a.db") as ledger:
        ledger.ingest([src])
        found = [(a.type, a.point.value) for a in ledger.check()]
    assert (("revision", value) in found) == alerted, found


@pytest.mark.parametrize("text,value,alerted", [
    ("Health authorities revised down the number of people killed in Kharkiv to 192 from 226.", 192, True),
    ("The army lowered its toll of soldiers killed in Goma to nine from 10, citing a double count.", 9, True),
    ("The agency revised the number of dead in Derna to 3,922, down from the 11,300 it had given.", 3922, True),
    ("Officials revised the toll in Herat to 157 from 155 after two more bodies were identified.", 157, False),
])
def test_a_revision_its_own_sentence_states_is_a_revision_alert(tmp_path, text, value, alerted):
    _revision_alerted(tmp_path, text, value, alerted)


@pytest.mark.parametrize("one,other", [("Gondar", "Gonder"), ("the US", "the United States"),
                                       ("Khan Younis", "Khan Yunis")])
def test_one_place_spelled_two_ways_is_one_series(tmp_path, one, other):
    src = tmp_path / "a.jsonl"
    write(src, [{"id": "a", "date": "2024-03-01", "text": f"Fighting went on. The death toll in {one} rose to 300, "
                                                          "the health bureau said on Friday."},
                {"id": "b", "date": "2024-03-06", "text": f"Clashes went on. The death toll in {other} rose to 340, "
                                                          "the health bureau said on Wednesday."}])
    with Ledger(tmp_path / "a.db") as ledger:
        ledger.ingest([src])
        killed = [s for s in ledger.series() if s.measure == "killed"]
    assert len(killed) == 1 and len(killed[0].points) == 2, [(s.place, [p.value for p in s.points]) for s in killed]


@pytest.mark.parametrize("text,value,alerted", [
    ("The UN has lowered its estimate of people displaced in Kharkiv to about 37,500, from 44,000 a week earlier, "
     "after some families had been counted twice.", 37500, True),
    ("The agency has revised down the number of people displaced in Derna, saying about 4,900 people were "
     "displaced, not the more than 6,200 it reported.", 4900, True),
    ("Officials in Herat corrected the number of missing to 140 from 310, saying many had been counted twice.", 140,
     True),
    ("The number of people displaced in Kharkiv fell to 37,500 from 44,000 as families went home.", 37500, False),
])
def test_a_stock_its_own_sentence_corrects_is_a_revision_alert(tmp_path, text, value, alerted):
    _revision_alerted(tmp_path, text, value, alerted)
