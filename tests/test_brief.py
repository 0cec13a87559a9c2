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
