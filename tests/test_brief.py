"""The briefing: figures compared with the same toll's previous value, never across unrelated incidents."""
from __future__ import annotations

import datetime as dt
import json

from dateline import Ledger
from dateline.synthesize.brief import build_brief, figure_line, to_json_lines

FLOODS = [
    {"id": "gazette-0601", "date": "2024-06-01", "title": "Floods", "text":
        "At least 40 people have been killed in the floods in Valencia, Spain's health ministry said on Saturday. "
        "Schools across the region stayed closed as the river kept rising through the night. "
        "In Portugal, at least 10 people have died in the floods, its civil protection agency said."},
    {"id": "courier-0605", "date": "2024-06-05", "title": "Toll rises", "text":
        "Emergency crews pumped water out of flooded metro stations on Wednesday while farmers counted their "
        "losses. The death toll in Spain has risen to at least 52, the health ministry said on Wednesday. "
        "Crews worked through the night. Portugal's civil protection agency said at least 11 people "
        "had died there."},
    # no place anywhere in the article: tolls of some other story, or of an unknown place
    {"id": "bulletin-0531", "date": "2024-05-31", "title": "Clashes", "text":
        "At least 900 people have been killed so far, the army said on Friday. Talks are due next week."},
    {"id": "bulletin-0604", "date": "2024-06-04", "title": "Clashes", "text":
        "At least 700 people have been killed so far, the army said on Tuesday. Nobody claimed the attack."},
]


def test_a_toll_is_compared_with_its_previous_value_and_unplaced_figures_are_not(tmp_path):
    corpus = tmp_path / "floods.jsonl"
    corpus.write_text("".join(json.dumps(a) + "\n" for a in FLOODS), encoding="utf-8")
    with Ledger(tmp_path / "b.db") as led:
        led.ingest([corpus])
        brief = build_brief(led.store, since=dt.date(2024, 6, 2))
        lines = {c.new.value: (c, figure_line(c)) for c in brief.figures}
        toll, text = lines[52]
        assert toll.series.place and toll.previous is not None and toll.previous.value == 40 and toll.delta == 12
        assert "+12 from at least 40" in text
        # the army's tolls name no place and match neither country's: 900 before, 700 in the window
        unplaced, text = lines[700]
        assert unplaced.series.place is None and [p.value for p in unplaced.series.points] == [900, 700]
        assert unplaced.previous is None and unplaced.delta is None and "not compared" in text
        records = [json.loads(x) for x in to_json_lines(brief).splitlines()]
        assert all(r["delta"] is None for r in records if r["kind"] == "figure_change" and not r["place"])


HERALD = {"id": "herald-0606", "date": "2024-06-06", "title": "Hospital", "text":
          "\"The water came into the wards within minutes,\" a spokesperson for the hospital said on Thursday. "
          "Spain's prime minister Pedro Sanchez said the government would rebuild every school. "
          "\"We will not leave anyone behind,\" Sanchez told reporters."}


def test_claims_are_grouped_by_the_entity_that_spoke_named_speakers_first(tmp_path):
    from dateline.synthesize.brief import to_markdown

    corpus = tmp_path / "floods.jsonl"
    # a wire copy of the herald's story: the same words from the same speakers are told once
    copy = dict(HERALD, id="wire-0606", title="Hospital (wire)")
    corpus.write_text("".join(json.dumps(a) + "\n" for a in FLOODS + [HERALD, copy]), encoding="utf-8")
    with Ledger(tmp_path / "b.db") as led:
        led.ingest([corpus])
        brief = build_brief(led.store, since=dt.date(2024, 6, 2))
        speakers = list(brief.claims)
        # "Sanchez told reporters" (tagged an organisation by NER) is the Pedro Sanchez of its article
        assert speakers[0] == "Pedro Sanchez" and len(brief.claims["Pedro Sanchez"]) == 2
        # speakers the ledger could not resolve come after every named one; "Nobody claimed the
        # attack" is no claim at all
        unresolved = [s for s in speakers if s in ("a spokesperson for the hospital", "the army")]
        assert len(unresolved) == 2 and speakers[-2:] == unresolved and "Nobody" not in speakers
        text = to_markdown(brief)
        # the speaker as written leads a line grouped under another name
        assert "- the health ministry said: “The death toll in Spain has risen to at least 52”" in text
        assert "- said: “the government would rebuild every school”" in text
        records = [json.loads(x) for x in to_json_lines(brief).splitlines()]
        said = [r for r in records if r["kind"] == "claim" and r["speaker"] == "Spain's health ministry"]
        assert said and said[0]["speaker_as_written"] == "the health ministry"


def test_a_speaker_who_denies_then_confirms_the_same_words_is_told_both_times(tmp_path):
    articles = [
        {"id": "a-0601", "date": "2024-06-01", "title": "Port", "text":
            "The harbour master Anna Kell denied that the port would close next week."},
        {"id": "b-0603", "date": "2024-06-03", "title": "Port", "text":
            "The harbour master Anna Kell confirmed that the port would close next week."},
    ]
    corpus = tmp_path / "port.jsonl"
    corpus.write_text("".join(json.dumps(a) + "\n" for a in articles), encoding="utf-8")
    with Ledger(tmp_path / "p.db") as led:
        led.ingest([corpus])
        brief = build_brief(led.store, since=dt.date(2024, 5, 31))
        assert [c["cue"] for c in brief.claims["Anna Kell"]] == ["denied", "confirmed"]


def test_a_briefing_after_the_ledgers_last_day_says_the_ledger_ends_before(tmp_path):
    """Not "0 articles published from 2030-01-02 to 2024-06-05" (issue 19)."""
    from dateline.synthesize.brief import to_html, to_markdown

    corpus = tmp_path / "floods.jsonl"
    corpus.write_text("".join(json.dumps(a) + "\n" for a in FLOODS), encoding="utf-8")
    with Ledger(tmp_path / "b.db") as led:
        led.ingest([corpus])
        brief = build_brief(led.store, since=dt.date(2030, 1, 1))
        for text in (to_markdown(brief), to_html(brief)):
            assert "The ledger ends on 2024-06-05, before 2030-01-02: nothing in it was published after 2030-01-01." \
                in text
            assert "2030-01-02 to" not in text and "0 articles" not in text
        assert "4 articles published from 2024-05-31 to 2024-06-05." in to_markdown(
            build_brief(led.store, since=dt.date(2024, 5, 30)))
