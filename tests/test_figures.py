"""Figures through the full pipeline (sentence filter on), on invented sentences."""
from __future__ import annotations

import datetime as dt
import re

import pytest

from dateline.analyze import figures
from dateline.analyze.pipeline import analyze_text
from dateline.records import MEASURES, QUALIFIERS, SCOPES

MONDAY = dt.date(2023, 11, 6)


@pytest.fixture(scope="module")
def run():
    cache = {}

    def _run(text, date=MONDAY):
        if (text, date) not in cache:
            cache[(text, date)] = analyze_text(text, "t", date).figures
        return cache[(text, date)]

    return _run


def one(figs, measure, value):
    found = [f for f in figs if f.measure == measure and f.value == value]
    assert len(found) == 1, [(f.measure, f.value) for f in figs]
    return found[0]


def test_trigger_is_cheap_and_recalls_digits_and_words():
    assert figures.TRIGGER.search("At least 40 people died")
    assert figures.TRIGGER.search("Nearly two hundred were hurt")
    assert figures.TRIGGER.search("a dozen soldiers")
    assert not figures.TRIGGER.search("The minister spoke to reporters")


def test_toll_with_subgroup_source_and_as_of(run):
    text = ("The health ministry in Gaza said on Sunday that at least 9,120 Palestinians had been killed, "
            "including 3,700 children.")
    figs = run(text)
    total = one(figs, "killed", 9120)
    kids = one(figs, "killed", 3700)
    assert total.qualifier == "at least" and kids.qualifier == "exact"
    assert kids.parent == total.id
    assert "health ministry" in total.source.lower() and kids.source == total.source
    assert total.as_of == dt.date(2023, 11, 5) == kids.as_of      # "on Sunday" in a Monday article
    assert total.scope == "cumulative"
    assert kids.group == "children"


def test_partitive_subgroup_and_officials_said(run):
    figs = run("Officials said 410 people were injured in the blast at the market, 25 of them critically.")
    hurt = one(figs, "wounded", 410)
    grave = one(figs, "wounded", 25)
    assert grave.parent == hurt.id
    assert hurt.source == "Officials"
    assert hurt.scope == "incident"


@pytest.mark.parametrize("text,measure,value,qualifier", [
    ("Militants took about 180 people hostage during the raid.", "hostages", 180, "about"),
    ("Gunmen are holding more than 95 captives in tunnels.", "hostages", 95, "more than"),
    ("More than 1.2 million people have been displaced, according to the UN agency.", "displaced", 1_200_000,
     "more than"),
    ("Some 45 trucks carrying food and medicine crossed into the territory on Tuesday.", "aid_trucks", 45, "about"),
    ("Up to 300 foreign nationals are expected to leave through the border crossing on Thursday.", "evacuated", 300,
     "up to"),
    ("The death toll has topped 2,500, the ministry said.", "killed", 2500, "more than"),
    ("The toll in the city has now crossed 3,100, officials said.", "killed", 3100, "more than"),
    ("The number of injured has exceeded 14,000.", "wounded", 14000, "more than"),
    ("The toll has risen to 4,321.", "killed", 4321, "exact"),
    ("Nearly two hundred people were wounded.", "wounded", 200, "nearly"),
    ("The attack left roughly 60 villagers dead.", "killed", 60, "about"),
    ("Israel released 30 Palestinian prisoners on Friday in exchange for hostages.", "other", 30, "exact"),
    ("Some 700 people are missing under the rubble.", "other", 700, "about"),
    ("Officials believe between 80 and 120 hostages are held in tunnels.", "hostages", 80, "range"),
    ("Gaza toll passes 12,000 - ministry", "killed", 12000, "more than"),
    ("- Over 35 Palestinians killed in overnight raids, medics say", "killed", 35, "more than"),
])
def test_measures_and_qualifiers(run, text, measure, value, qualifier):
    f = one(run(text), measure, value)
    assert f.qualifier == qualifier
    assert f.measure in MEASURES and f.qualifier in QUALIFIERS and f.scope in SCOPES


def test_range_keeps_upper_bound(run):
    f = one(run("Officials believe between 80 and 120 hostages are held in tunnels."), "hostages", 80)
    assert f.value_max == 120


def test_qualifier_shared_by_a_coordinated_list(run):
    figs = run("Rescuers recovered the bodies of nearly 40 men, 12 women and nine children.")
    assert [(f.value, f.qualifier) for f in figs if f.measure == "killed"] == [
        (40, "nearly"), (12, "nearly"), (9, "nearly")]
    figs = run("The dead include more than 610 children and 330 women, the ministry said.")
    assert {(f.value, f.qualifier) for f in figs} >= {(610, "more than"), (330, "more than")}


def test_qualifier_not_shared_across_clauses(run):
    figs = run("At least 51 people were killed and 200 were injured in the strikes.")
    assert one(figs, "killed", 51).qualifier == "at least"
    assert one(figs, "wounded", 200).qualifier == "exact"


def test_according_to_source(run):
    f = one(run("Air raids on the town killed at least 12 people, according to the civil defence agency."),
            "killed", 12)
    assert f.source == "civil defence agency"


def test_as_of_from_a_date_and_the_article_date(run):
    f = one(run("By October 22, more than 4,600 people had died, the ministry said."), "killed", 4600)
    assert f.as_of == dt.date(2023, 10, 22)
    f = one(run("More than 4,600 people have died."), "killed", 4600)
    assert f.as_of == MONDAY


def test_event_date_does_not_date_a_running_total(run):
    f = one(run("Militants seized about 230 hostages on October 7, the army said."), "hostages", 230)
    assert f.as_of == MONDAY and f.scope == "cumulative"


@pytest.mark.parametrize("text,measure,value,scope", [
    ("The ministry said 140 people were killed in the past 24 hours.", "killed", 140, "period"),
    ("Up to 300 foreign nationals are expected to leave through the border crossing on Thursday.", "evacuated", 300,
     "planned"),
    ("Under the agreement, 60 hostages will be released.", "other", 60, "planned"),
    ("The army revised the death toll to 1,150 from a previous estimate of 1,300.", "killed", 1300, "superseded"),
    ("The army revised the death toll to 1,150 from a previous estimate of 1,300.", "killed", 1150, "cumulative"),
    ("An air strike on a school in Khan Younis killed 19 people.", "killed", 19, "incident"),
    ("More than 9,000 people have been killed since October 7.", "killed", 9000, "cumulative"),
    ("Some 45 trucks carrying food and medicine crossed into the territory on Tuesday.", "aid_trucks", 45, "period"),
])
def test_scopes(run, text, measure, value, scope):
    assert one(run(text), measure, value).scope == scope


def test_planned_weekday_is_the_coming_one(run):
    f = one(run("Up to 300 foreign nationals are expected to leave through the border crossing on Thursday."),
            "evacuated", 300)
    assert f.as_of == dt.date(2023, 11, 9)


def test_exclusions_give_no_figures(run):
    text = ("Gaza, an enclave of 2.1 million people, saw prices rise 60% after the 2014 war. "
            "Aid worth $5 million reached a 12-year-old boy on October 7. "
            "The militants fired 3,000 rockets and Israel called up 300,000 reservists. "
            "The council voted 13-1, and 22 hospitals have closed.")
    assert run(text) == []


def test_counts_of_nothing_tracked_are_not_figures(run):
    assert run("The minister visited three cities and met 40 mayors in two days.") == []


def test_headline_and_bullet_lines_are_segments(run):
    text = "Gaza death toll tops 15,000\n\n- More than 40 hostages released, officials say\n\nThe war goes on."
    figs = run(text)
    head = one(figs, "killed", 15000)
    assert text[head.sentence.start:head.sentence.end] == "Gaza death toll tops 15,000"
    bullet = one(figs, "other", 40)
    assert text[bullet.sentence.start:bullet.sentence.end].startswith("- More than 40 hostages")


def test_spans_hold_the_number_and_sit_in_their_sentence(run):
    text = ("Nearly two hundred people were wounded. The health ministry said 1 400 people had been killed, "
            "including 500 children. Between 100 and 150 hostages are held.")
    figs = run(text)
    assert len(figs) == 4
    for f in figs:
        number = text[f.span.start:f.span.end]
        assert re.search(r"\d|two hundred", number)
        assert f.sentence.start <= f.span.start and f.span.end <= f.sentence.end
        assert f.span.doc == f.sentence.doc == "t"
    assert {text[f.span.start:f.span.end] for f in figs} == {"two hundred", "1 400", "500", "100 and 150"}


@pytest.mark.parametrize("text", ["", " ", "\n\n\n", "!!!", "1234567890", "one two three", "“”", "- 5 -",
                                  "Killed.", "x" * 500, "At 13,000"])
def test_odd_text_does_not_crash(run, text):
    for f in run(text):
        assert f.measure in MEASURES
