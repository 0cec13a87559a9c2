"""The timeline: verbatim citations, dating by what sentences say, events told once, N/K, JSON shape.

An invented story (a dock strike in the invented port of Varnholm, May 2024) goes
through a temporary Ledger; the benchmark-scale run is ``bench/tls.py``.
"""
from __future__ import annotations

import datetime as dt
import json
import os
import shutil
from dataclasses import replace
from pathlib import Path

import pytest

from dateline import Ledger
from dateline.records import Span
from dateline.synthesize import timeline as tl
from dateline.synthesize.events import Sentence, normalized

TUE, WED, THU, FRI, SUN = (dt.date(2024, 5, d) for d in (7, 8, 9, 10, 12))

WIRE = ("VARNHOLM (Coastal Wire) - Tuesday's strike by dock workers left more than 40 cargo ships waiting outside "
        "Varnholm harbour, port officials said. On Wednesday, transport minister Ilse Marrow met union leaders "
        "for three hours without reaching a deal. The union is demanding a nine percent pay rise for its members. "
        "Fishing boats were allowed to land their catch under police escort on Wednesday.")

ARTICLES = [
    {"id": "harbour-0507", "date": TUE.isoformat(), "title": "Varnholm dockers walk out",
     "text": "Dock workers in Varnholm walked off the job on Tuesday, halting all cargo traffic at the port. "
             "The strike was called after talks on a new wage agreement collapsed late on Monday. "
             "Union secretary Pavel Ostrik told reporters the stoppage would last until the operators "
             "improved their offer."},
    {"id": "wire-0508", "date": WED.isoformat(), "title": "Ships queue as Varnholm strike bites", "text": WIRE},
    # the same wire story in another paper: a syndicated copy
    {"id": "gazette-0508", "date": WED.isoformat(), "title": "Ships queue outside Varnholm", "text": WIRE},
    {"id": "courier-0510", "date": FRI.isoformat(), "title": "Deal ends Varnholm strike",
     "text": "The union and the port operators signed an agreement on Friday ending the four-day strike in "
             "Varnholm. Workers will receive a six percent rise this year and a further two percent next spring. "
             "Cargo handling is expected to resume on Saturday morning."},
    {"id": "review-0512", "date": SUN.isoformat(), "title": "What the Varnholm strike cost",
     "text": "The dock strike that began on May 7 cost the port an estimated 12 million euros, the harbour "
             "authority said. Dock workers in Varnholm walked off the job on Tuesday, halting all cargo "
             "traffic at the port. Shipping lines have asked for compensation for the days their vessels "
             "spent at anchor."},
]


def ingested(tmp_path, articles) -> Ledger:
    """A ledger of ``articles`` (JSON Lines records), ingested; use it as a context manager."""
    corpus = tmp_path / "corpus.jsonl"
    corpus.write_text("".join(json.dumps(a) + "\n" for a in articles), encoding="utf-8")
    led = Ledger(tmp_path / "t.db")
    assert led.ingest([corpus]).errors == []
    return led


@pytest.fixture(scope="module")
def ledger(tmp_path_factory):
    folder = tmp_path_factory.mktemp("timeline")
    corpus = folder / "varnholm.jsonl"
    corpus.write_text("".join(json.dumps(a) + "\n" for a in ARTICLES), encoding="utf-8")
    led = Ledger(folder / "t.db")
    report = led.ingest([corpus])
    assert report.errors == []
    yield led
    led.close()


@pytest.fixture(scope="module")
def texts(ledger):
    return {d.id: d.text for d in ledger.documents()}


def check_citations(entries, texts):
    """The test every output must pass: the line is the text at its cited span; the
    other evidence spans hold exact copies of it."""
    for e in entries:
        assert e.evidence, e
        first = e.evidence[0]
        assert texts[first.doc][first.start:first.end] == e.text
        for span in e.evidence[1:]:
            assert normalized(texts[span.doc][span.start:span.end]) == normalized(e.text)
        for span in e.sources:
            assert 0 <= span.start < span.end <= len(texts[span.doc])


@pytest.mark.parametrize("n,k", [(None, 1), (None, 3), (2, 1), (3, 2), (1, 5), (10, 10)])
def test_every_line_is_verbatim_and_n_k_are_respected(ledger, texts, n, k):
    entries = tl.timeline_from_store(ledger.store, n_dates=n, k_sentences=k)
    assert entries
    check_citations(entries, texts)
    per_day: dict = {}
    for e in entries:
        per_day[e.date] = per_day.get(e.date, 0) + 1
    assert max(per_day.values()) <= k
    if n is not None:
        assert len(per_day) <= n
    assert [e.date for e in entries] == sorted(e.date for e in entries)


def test_a_possessive_weekday_dates_the_event_to_that_day(ledger):
    wednesday = [s for s in tl.sentences_from_store(ledger.store) if s.doc == "wire-0508"]
    strike = next(s for s in wednesday if "Tuesday's strike" in s.text)
    assert strike.dates == (TUE,)
    entries = tl.timeline_from_store(ledger.store, n_dates=10, k_sentences=5)
    line = next(e for e in entries if "Tuesday's strike" in e.text)
    assert line.date == TUE


def test_a_syndicated_copy_is_one_event_citing_both_copies(ledger):
    entries = tl.timeline_from_store(ledger.store, n_dates=10, k_sentences=5)
    texts = [normalized(e.text) for e in entries]
    assert len(texts) == len(set(texts))
    ships = [e for e in entries if "40 cargo ships" in e.text]
    assert len(ships) == 1
    assert {s.doc for s in ships[0].evidence} == {"wire-0508", "gazette-0508"}
    # the copies are one source: salience counts independent sources
    assert ships[0].salience == 1


def test_a_later_retelling_is_not_a_second_event(ledger):
    entries = tl.timeline_from_store(ledger.store, n_dates=10, k_sentences=5)
    walkouts = [e for e in entries if "walked off the job" in e.text]
    assert len(walkouts) == 1
    assert walkouts[0].date == TUE
    assert {s.doc for s in walkouts[0].sources} >= {"harbour-0507", "review-0512"}
    assert walkouts[0].salience >= 2


def test_the_dateline_is_not_part_of_the_line(ledger, texts):
    entries = tl.timeline_from_store(ledger.store, n_dates=10, k_sentences=5)
    assert not any(e.text.startswith("VARNHOLM") for e in entries)


def test_json_shape(ledger):
    entries = tl.timeline_from_store(ledger.store, n_dates=3, k_sentences=2)
    for e in entries:
        row = json.loads(e.to_json_line())
        assert row == e.to_json()
        assert list(row) == ["kind", "date", "text", "evidence", "sources", "salience"]
        assert row["salience"] >= 1 and row["evidence"][0] in row["sources"]
        assert row["kind"] == "timeline"
        assert dt.date.fromisoformat(row["date"]) == e.date
        assert row["text"] == e.text
        assert row["evidence"] and all(list(ev) == ["doc", "start", "end"] for ev in row["evidence"])
        assert all(isinstance(ev["start"], int) and isinstance(ev["end"], int) for ev in row["evidence"])


def test_date_range_and_query(ledger, texts):
    ranged = tl.timeline_from_store(ledger.store, n_dates=10, k_sentences=3, date_from=WED, date_to=FRI)
    assert ranged and all(WED <= e.date <= FRI for e in ranged)
    check_citations(ranged, texts)
    about_pay = tl.timeline_from_store(ledger.store, n_dates=10, k_sentences=3, query="wage rise")
    assert about_pay and all("wage" in e.text.lower() or "rise" in e.text.lower() for e in about_pay)
    assert tl.timeline_from_store(ledger.store, query="zeppelin") == []


def test_an_empty_store_gives_an_empty_timeline(tmp_path):
    with Ledger(tmp_path / "empty.db") as empty:
        assert tl.timeline_from_store(empty.store) == []


# --- the plain-text path (raw articles, no parse) ----------------------------------------

def test_day_mentions_without_parsing_point_into_the_text():
    text = ("Protesters gathered again in the square.\nTuesday 's clashes left 12 people injured , "
            "officials said on Wednesday .\nNothing was decided about the budget .")
    times = tl.day_mentions(text, "d", WED)
    assert {(t.text, t.date) for t in times} >= {("Tuesday", TUE), ("Wednesday", WED)}
    for t in times:
        assert text[t.span.start:t.span.end] == t.text
    sentences = tl.sentences_from_text("d", text, WED)
    assert [s.dates for s in sentences] == [(), (TUE, WED), ()]
    assert all(text[s.span.start:s.span.end] == s.text for s in sentences)


def test_calendar_dates_are_told_from_relative_ones():
    text = "The rig exploded on April 20 , killing 11 workers .\nOfficials met on Tuesday ."
    first, second = tl.sentences_from_text("d", text, dt.date(2010, 4, 29))
    assert first.dates == first.calendar_dates == (dt.date(2010, 4, 20),)
    assert second.dates == (dt.date(2010, 4, 27),) and second.calendar_dates == ()


def sentence(doc, text, published, dates=(), position=0, source="", calendar=()):
    return Sentence(span=Span(doc, 0, len(text)), text=text, published=published, position=position,
                    source=source or doc, dates=tuple(dates), calendar_dates=tuple(calendar))


def test_days_named_by_many_sources_later_rank_first():
    s = tl.Settings()
    pool = [sentence(f"late{i}", "The bridge collapsed on Tuesday killing four people in the city.", FRI, [TUE])
            for i in range(3)]
    pool += [sentence("same", "A minor meeting was held on Thursday about the budget plans.", THU, [THU])]
    scores = tl.day_scores(pool, s)
    assert scores[TUE] > scores[THU]
    # copies of one story (one source) count once
    copies = [sentence(f"copy{i}", "The bridge collapsed on Tuesday killing four people in the city.", FRI,
                       [TUE], source="wire") for i in range(3)]
    assert tl.day_scores(copies, s)[TUE] < scores[TUE]


def test_a_recent_day_is_credited_with_the_references_it_can_still_expect():
    may = {d: dt.date(2024, 5, d) for d in range(1, 32)}     # may[2] = May 2
    # an early turning point (May 2), referred back to 1, 2, 4 and 6 days later
    pool = [sentence("a0", "Dock workers walked out at the port of Varnholm today.", may[2], [may[2]])]
    pool += [sentence(f"a{i}", "Dock workers walked out at the port of Varnholm on Thursday.", may[2 + lag],
                      [may[2]]) for i, lag in enumerate((1, 2, 4, 6), start=1)]
    # the newest day, widely reported but too recent to have been referred back to
    pool += [sentence(f"b{i}", "The union and the port operators signed a deal today.", may[10], [may[10]])
             for i in range(4)]
    plain = tl.day_scores(pool, tl.Settings(unseen_weight=0.0, chronology_weight=0.0))
    assert plain[may[2]] > plain[may[10]]
    unseen = tl.unseen_references(pool, tl.sources_by_role(pool, tl.Settings()), tl.Settings())
    assert may[2] not in unseen and unseen[may[10]] > unseen[may[8]] > 0
    credited = tl.day_scores(pool, tl.Settings(chronology_weight=0.0))
    assert credited[may[2]] == plain[may[2]]
    assert credited[may[10]] > credited[may[2]]


def test_days_listed_in_a_published_chronology_rank_higher():
    text = ("May 7 - Dock workers in Varnholm walk off the job , halting cargo traffic .\n"
            "May 8 - Talks between the union and the port operators collapse .\n"
            "May 10 - The union and the operators sign a deal ending the strike .\n")
    chronology = tl.sentences_from_text("chrono", text, SUN)
    assert [s.calendar_dates for s in chronology] == [(TUE,), (WED,), (FRI,)]
    assert tl.chronology_votes(chronology, 3) == {TUE: 1, WED: 1, FRI: 1}
    assert tl.chronology_votes(chronology[:2], 3) == {}            # two dated lines are not a chronology
    # a day named as often, but by no chronology, now ranks below the listed days
    other = [sentence(f"r{i}", "Shipping lines asked for compensation on Thursday in Varnholm.", SUN, [THU])
             for i in range(3)]
    scores = tl.day_scores(chronology + other, tl.Settings(unseen_weight=0.0))
    plain = tl.day_scores(chronology + other, tl.Settings(unseen_weight=0.0, chronology_weight=0.0))
    assert plain[THU] > plain[WED]
    assert scores[WED] > scores[THU]


def test_a_day_long_before_the_first_article_named_by_one_source_is_background(tmp_path):
    born, mon = dt.date(1961, 3, 3), TUE - dt.timedelta(days=1)
    profile = sentence("profile", "Ostrik, born in Varnholm on March 3, 1961, has led the dockers since 2009.",
                       FRI, [born], calendar=[born])
    news = [sentence(f"n{i}", "Dock workers in Varnholm walked off the job on Tuesday.", d, [TUE])
            for i, d in enumerate((TUE, WED))]
    # the day before the first article is the story's: named once, it still counts
    eve = sentence("eve", "Talks on a new wage agreement collapsed late on Monday in Varnholm.", TUE, [mon])
    scores = tl.day_scores([profile, eve] + news, tl.Settings())
    assert born not in scores and mon in scores and TUE in scores
    # nor is its reference one the story's days can expect: the delays are the story's
    assert tl.DayCounts.of_sentences([profile, eve] + news, tl.Settings()).delays == [1, 1]
    # and the unseen references a recent day is credited with are the same counted either way
    # (with a day only announced ahead, which is never background)
    pool = [profile, eve, sentence("plan", "The union will vote on Thursday in Varnholm harbour.", TUE, [THU])] + news
    pool += [sentence(f"f{i}", "The union and the port operators signed a deal today.", FRI, [FRI]) for i in range(2)]
    s = tl.Settings(chronology_weight=0.0)
    credited = tl.day_scores(pool, s)
    plain = tl.day_scores(pool, tl.Settings(chronology_weight=0.0, unseen_weight=0.0))
    unseen = tl.unseen_references(pool, tl.sources_by_role(pool, s), s)
    assert unseen and all(credited[d] == pytest.approx(plain[d] + s.unseen_weight * unseen.get(d, 0.0)) for d in plain)
    # named by a second, independent source, the old day is part of the story again
    obituary = sentence("obit", "The union leader was born on March 3, 1961, in a fishing village.", SUN,
                        [born], calendar=[born])
    assert born in tl.day_scores([profile, obituary, eve] + news, tl.Settings())
    # the store ranks days the same way: the birthday is never a day of the timeline
    articles = ARTICLES + [{"id": "profile-0510", "date": FRI.isoformat(), "title": "The man behind the strike",
                            "text": "Union secretary Pavel Ostrik was born in Varnholm on March 3, 1961, the son "
                                    "of a crane driver. He has led the dockers since 2009 and called the strike "
                                    "after the operators refused to raise wages."}]
    with ingested(tmp_path, articles) as led:
        _same_timeline_both_ways(led.store)
        entries = tl.timeline_from_store(led.store, n_dates=20)
        assert entries and all(e.date.year == 2024 for e in entries)


def test_future_days_are_not_events():
    plan = sentence("p", "The council will vote on the new harbour budget on Friday next week.", WED, [FRI])
    assert tl.candidates_by_day([plan], tl.Settings()) == {}


@pytest.mark.parametrize("text,ok", [
    ("The union and the port operators signed an agreement ending the strike.", True),
    ("I think the strike was a disgrace and we should all say so.", False),          # a reader's voice
    ("\"We will not give up,\" the union leader told the crowd at the gate.", True),  # quoted first person
    ("Will the strike end before the holiday weekend begins in May?", False),
    ("Workers walked", False),                                                      # too short
    ("the strike, which began on Tuesday, cost the port millions of euros.", False),  # a fragment
    ("They were taken from their homes in the border villages on Saturday.", False),  # leans on the last one
    ("This was reported by the harbour radio, which called it the worst night in years.", False),
    ("Eight others were injured when the roof of the warehouse fell in on Tuesday.", False),
    ("Others were taken to hospital in Varnholm with burns on Saturday night.", False),
    ("This week the union will vote on the operators' new offer for the dockers.", True),
    ("This move is seen as an attempt to win the dockers back to the table.", False),
    ("That decision was welcomed by the port operators and the city council.", False),
    ("This week has seen the longest strike at the port of Varnholm in decades.", True),   # a time, not a thing
    ("That year marked the start of the long decline of the port of Varnholm.", True),
    ("That evening the harbour master closed the port to all cargo ships.", True),
    ("However, the cargo backlog stayed below its level of last spring.", False),   # set against the last one
    ("In addition, the operators will pay the dockers a one-off bonus.", False),
    ("Howard Street was closed to traffic during the dockers' march on Friday.", True),
    ("In addition to the 40 ships, the navy sent two tugs to the harbour mouth.", True),   # no comma: its own
    ("Instead of striking, the crane drivers held a meeting with the operators.", True),
    ("However many ships arrive, the port can unload only six of them a day.", True),
    ("\"Many are still missing,\" the harbour master added.", False),             # the rest of a statement
    ("The cargo backlog will take weeks to clear, the port authority added in a statement.", False),
    ("The operators added two night shifts to clear the backlog of cargo ships.", True),
    ("Click here to subscribe to our newsletter for daily port news updates.", False),
    ("Dock workers walked off the job on Tuesday, halting all cargo traffic at the", False),  # cut off
    # a line announcing the ones after it
    ("As the dock strike enters its tenth day, these are the main developments.", False),
    ("Here's the latest on the strike at the port of Varnholm.", False),
    ("The union said these are the latest figures from the port of Varnholm.", True),
])
def test_showable(text, ok):
    assert tl.showable(text, tl.Settings()) is ok


@pytest.mark.parametrize("text,kept", [
    ("CAIRO (Reuters) - Protesters filled Tahrir Square again on Friday afternoon.", "Protesters"),
    ("Cairo , Egypt -LRB- CNN -RRB- -- Protesters filled Tahrir Square again on Friday .", "Protesters"),
    ("WASHINGTON — The Senate passed the rescue bill late on Wednesday night.", "The Senate"),
    ("Protesters filled Tahrir Square again on Friday afternoon in Cairo.", "Protesters"),
    # a page header run into the first sentence: headline | place | time stamp, then the agency dateline
    ("Port talks stall again VARNHOLM | Wed May 8 , 2024 6:02 pm CEST VARNHOLM -LRB- Coastal Wire -RRB- - "
     "Talks between the union and the port operators broke down again on Wednesday .", "Talks between"),
    ("\\* Ships wait at anchor \\* Fishing fleet lands its catch VARNHOLM , May 8 (Coastal Wire) - "
     "Dozens of cargo ships waited outside Varnholm harbour on Wednesday .", "Dozens of"),
    # a parenthesis followed by a dash inside an ordinary sentence is not a dateline
    ("The minister said the talks (Monday and Tuesday) - all eleven hours of them - had failed .", "The minister"),
])
def test_datelines_are_trimmed(text, kept):
    s = sentence("d", text, FRI)
    start, end = tl.trimmed(s)
    assert text[start:end].startswith(kept) and end == len(text)


def test_default_number_of_dates_follows_the_support():
    assert tl.default_dates({}) == 0
    assert tl.default_dates({TUE: 1, WED: 1}) == 2
    days = [TUE + dt.timedelta(days=i) for i in range(40)]
    assert tl.default_dates({d: 1 for d in days}) == 5
    assert tl.default_dates({d: 2 if i < 12 else 1 for i, d in enumerate(days)}) == 12
    assert tl.default_dates({d: 3 for d in days}) == 30


# --- one benchmark task, when Timeline17 and tilse's ROUGE are here ------------------------

SHARED = Path(__file__).resolve().parents[1] / ".." / "shared"


@pytest.mark.slow
@pytest.mark.skipif(os.environ.get("DATELINE_SLOW") != "1", reason="benchmark-scale; set DATELINE_SLOW=1")
def test_timeline17_small_task():
    import sys

    if not (SHARED / "benchmarks" / "tls" / "t17-raw").exists():
        pytest.skip("../shared/benchmarks/tls/t17-raw not found")
    pytest.importorskip("tilse")
    if shutil.which("perl") is None:
        pytest.skip("perl (tilse's ROUGE) not found")
    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "bench"))
    import tls

    from tls_support import scoring

    try:
        scoring.evaluator("original")
    except scoring.ScoringUnavailable as e:
        pytest.skip(str(e))
    assert tls.main(["--topics", "h1n1", "--tasks", "1"]) == 0


def test_sentences_are_dated_once_at_analysis_and_old_stores_catch_up(tmp_path):
    """The store keeps each article's dated sentences (written with the article), so the timeline
    does not re-split and re-date every article; a store written before that (rows missing) gives
    the same sentences, dated on the fly, and its next consolidation fills them in."""
    from dateline.analyze import nlp

    corpus = tmp_path / "varnholm.jsonl"
    corpus.write_text("".join(json.dumps(a) + "\n" for a in ARTICLES), encoding="utf-8")
    with Ledger(tmp_path / "t.db") as led:
        led.ingest([corpus])
        stored = led.store.db.execute("SELECT count(*) FROM sentences").fetchone()[0]
        from_rows = tl.sentences_from_store(led.store)
        assert stored == len(from_rows) > 0
        # what the rows hold equals dating the text afresh from the stored times
        fresh = [s for d in led.documents()
                 for s in tl._dated_sentences(d.id, d.text, d.date, d.dup_group or d.id,
                                              nlp.sentence_spans(d.text),
                                              [(t.span.start, t.span.end, t.date, t.since, t.text)
                                               for t in led.store.times_of(d.id)])]
        key = lambda s: (s.published, s.doc, s.position)    # noqa: E731
        assert sorted(fresh, key=key) == from_rows
        assert any(s.dates for s in from_rows)
        before = tl.timeline_from_store(led.store, n_dates=10, k_sentences=3)

        # an older store: no sentence rows for two articles, nothing indexed by day
        with led.store.transaction():
            led.store.db.execute("DELETE FROM sentences WHERE doc IN ('wire-0508', 'review-0512')")
            led.store.db.execute("DELETE FROM sentence_days")
            led.store.set_state("sentence_days", "missing")
        assert tl.sentences_from_store(led.store) == from_rows
        assert tl.timeline_from_store(led.store, n_dates=10, k_sentences=3) == before
        assert sorted(led.store.documents_without_sentences()) == ["review-0512", "wire-0508"]
        led.consolidate()
        assert led.store.documents_without_sentences() == []
        assert led.store.get_state("sentence_days") == "complete"
        assert led.store.documents_without_sentence_days() == []
        assert tl.timeline_from_store(led.store, n_dates=10, k_sentences=3) == before
        assert tl.sentences_from_store(led.store) == from_rows


def _same_timeline_both_ways(store, settings=tl.Settings()):
    """The store's timeline (aggregates, then only the best days' sentences) equals the timeline
    over every stored sentence in memory, for several sizes, ranges and settings."""
    everything = tl.sentences_from_store(store)
    assert tl.counts_from_store(store, settings) == tl.DayCounts.of_sentences(everything, settings)
    days = sorted({s.published for s in everything})
    ranges = [(None, None), (days[len(days) // 3], None), (None, days[len(days) // 2]),
              (days[1], days[-2])]
    for n, k in [(None, 1), (1, 1), (3, 2), (10, 3), (60, 1)]:
        for lo, hi in ranges:
            scoped = tl.sentences_from_store(store, lo, hi)
            want = tl.build_timeline(scoped, n_dates=n, k_sentences=k, date_from=lo, date_to=hi, settings=settings)
            got = tl.timeline_from_store(store, n_dates=n, k_sentences=k, date_from=lo, date_to=hi,
                                         settings=settings)
            assert got == want, (n, k, lo, hi)
    # a query reads only the articles the full-text index finds its words in: the same timeline
    for q in QUERIES:
        for lo, hi in ranges[:2]:
            want = tl.build_timeline(tl.sentences_from_store(store, lo, hi), n_dates=10, k_sentences=2,
                                     date_from=lo, date_to=hi, query=q, settings=settings)
            assert tl.timeline_from_store(store, n_dates=10, k_sentences=2, date_from=lo, date_to=hi, query=q,
                                          settings=settings) == want, q
    return everything


# words of the test stories and of news (diacritics, hyphens, apostrophes, plurals, no match)
QUERIES = ["wage rise", "strike", "dockers'", "floods", "Red-Cross", "hostages", "Égypte", "Rafah crossing",
           "zeppelin"]


def test_the_store_ranks_days_by_aggregates_and_reads_only_their_sentences(ledger, tmp_path):
    assert ledger.store.get_state("sentence_days") == "complete"
    # a store created now has nothing to index later: its articles are indexed as they are written
    with Ledger(tmp_path / "new.db") as new:
        assert new.store.get_state("sentence_days") == "complete"
    _same_timeline_both_ways(ledger.store)
    _same_timeline_both_ways(ledger.store, tl.Settings(publication_lag=1, chronology_entries=1))


def test_the_demo_story_gives_the_same_timeline_both_ways(tmp_path):
    demo = Path(__file__).resolve().parents[1] / "src" / "dateline" / "demo"
    with Ledger(tmp_path / "demo.db") as led:
        led.ingest([demo])
        assert len(_same_timeline_both_ways(led.store)) > 30


@pytest.mark.skipif(not (Path(__file__).resolve().parents[2] / "shared" / "corpus" / "dev.jsonl").exists(),
                    reason="../shared/corpus/dev.jsonl not found (the dev corpus lives beside the project)")
def test_the_dev_corpus_gives_the_same_timeline_both_ways(tmp_path):
    shared = Path(__file__).resolve().parents[2] / "shared"
    with Ledger(tmp_path / "dev.db") as led:
        led.ingest([shared / "corpus" / "dev.jsonl", shared / "seeds"])
        _same_timeline_both_ways(led.store)


def test_a_schema_5_store_is_upgraded_and_indexed_at_its_next_consolidation(tmp_path):
    """A store written before the day index (schema 5) opens, migrates, gives the same
    timeline meanwhile (from every sentence), and is indexed at its next consolidation."""
    import sqlite3

    corpus = tmp_path / "varnholm.jsonl"
    corpus.write_text("".join(json.dumps(a) + "\n" for a in ARTICLES), encoding="utf-8")
    db = tmp_path / "old.db"
    with Ledger(db) as led:
        led.ingest([corpus])
        want = led.timeline(n_dates=10, k_sentences=3)
    con = sqlite3.connect(db)
    con.executescript("DROP TABLE sentence_days; DROP TABLE figure_series; DROP TABLE series_places;"
                      "ALTER TABLE figures DROP COLUMN place; ALTER TABLE figures DROP COLUMN place_within;"
                      "ALTER TABLE figures DROP COLUMN rules; ALTER TABLE figures DROP COLUMN revised;"
                      "ALTER TABLE figures DROP COLUMN breakdown; ALTER TABLE figures DROP COLUMN place_inferred;"
                      "DELETE FROM state WHERE key IN ('sentence_days', 'figure_series'); PRAGMA user_version = 5;")
    con.close()
    with Ledger(db) as led:
        assert led.store.get_state("sentence_days") == "missing"
        assert led.store.documents_without_sentence_days() != []
        assert led.timeline(n_dates=10, k_sentences=3) == want
        led.consolidate()
        assert led.store.get_state("sentence_days") == "complete"
        assert led.store.documents_without_sentence_days() == []
        assert led.store.doctor() == []
        assert led.timeline(n_dates=10, k_sentences=3) == want


FERRY = [
    {"id": "port-0605", "date": "2024-06-05", "title": "Ferry disaster", "text":
        "Rescue boats pulled survivors from the sea after a ferry sank off Varnholm on Wednesday. "
        "At least 34 passengers were killed when the ferry capsized in a storm, the coast guard said on Wednesday."},
    {"id": "gazette-0606", "date": "2024-06-06", "title": "Mourning in Varnholm", "text":
        "Flags flew at half mast in Varnholm on Thursday. "
        "Divers recovered the bodies of 34 people overnight from the hull that went down in heavy weather, "
        "officials said on Thursday."},
    {"id": "courier-0607", "date": "2024-06-07", "title": "Inquiry", "text":
        "The harbour authority opened an inquiry into the ferry's safety record on Friday. "
        "The ferry operator said on Friday it would cooperate with investigators."},
]


def test_the_same_count_on_the_next_day_in_other_words_is_the_same_event(tmp_path):
    """"34 passengers were killed" (Wednesday) and "the bodies of 34 people" (Thursday) share few
    words but the same count of the same thing: the second is not told again; the store's and
    the in-memory timelines agree, and sentences carry the counts the ledger's figures give."""
    with ingested(tmp_path, FERRY) as led:
        counted = {s.doc: s.counts for s in tl.sentences_from_store(led.store) if s.counts}
        assert counted == {"port-0605": (("killed", 34.0),), "gazette-0606": (("killed", 34.0),)}
        entries = led.timeline(n_dates=5, k_sentences=2)
        told = [e.text for e in entries]
        assert any("34 passengers" in t for t in told) and not any("bodies of 34" in t for t in told)
        assert entries == tl.build_timeline(tl.sentences_from_store(led.store), n_dates=5, k_sentences=2)


# Other news of the same port on other days: rare names are judged against at least five days.
PORT_WEEK = [
    {"id": "port-0603", "date": "2024-06-03", "title": "Cargo", "text":
        "Cargo volumes at Varnholm harbour rose for a third month in May, the port authority said on Monday."},
    {"id": "port-0604", "date": "2024-06-04", "title": "Trams", "text":
        "The city council of Varnholm debated plans for a new tram line on Tuesday."},
    {"id": "port-0605", "date": "2024-06-05", "title": "Quotas", "text":
        "Fishermen in Varnholm protested against lower catch quotas outside the town hall on Wednesday."},
    {"id": "port-0606", "date": "2024-06-06", "title": "Buses", "text":
        "A new night bus service between Varnholm and the airport started running on Thursday."},
]

QUARRY = [
    {"id": "herald-0611", "date": "2024-06-11", "title": "Quarry disaster", "text":
        "Rescuers pulled eleven bodies from the Kestrel quarry on Tuesday after a landslide buried its lower "
        "terraces. Families waited at the gates of the quarry for news on Tuesday."},
    {"id": "post-0611", "date": "2024-06-11", "title": "Rescue goes on", "text":
        "Rescue teams searched the rubble of the Kestrel quarry with dogs and floodlights on Tuesday. "
        "The mining minister ordered safety inspections at every quarry in the province on Tuesday."},
    {"id": "wire-0611", "date": "2024-06-11", "title": "Bodies found", "text":
        "Eleven bodies were pulled from the buried terraces of the Kestrel quarry on Tuesday, rescuers said. "
        "Two survivors were flown to hospital in Varnholm on Tuesday."},
    {"id": "courier-0612", "date": "2024-06-12", "title": "How it happened", "text":
        "A landslide buried the lower terraces of the Kestrel quarry north of Varnholm late on Monday, the "
        "regional governor said. Flags flew at half mast in Varnholm on Wednesday."},
]


def test_an_event_told_on_two_adjacent_days_is_told_on_the_earlier_one(tmp_path):
    """Tuesday ranks first (three articles), and its main event is the landslide, in the words
    of Tuesday's reports; Monday's only report says it happened on Monday. The landslide is told
    on Monday and Tuesday tells its next event, so no day is lost and none repeats the other."""
    monday, tuesday = dt.date(2024, 6, 10), dt.date(2024, 6, 11)
    with ingested(tmp_path, QUARRY + PORT_WEEK) as led:
        entries = led.timeline(n_dates=3, k_sentences=1)
        check_citations(entries, {d.id: d.text for d in led.documents()})
        by_day = {e.date: e.text for e in entries}
        assert len(by_day) == 3                             # no day lost
        assert by_day[monday].startswith("A landslide buried")
        # Tuesday tells its own news (it names its day), not the landslide again
        assert "landslide" not in by_day[tuesday] and "bodies" not in by_day[tuesday]
        assert entries == tl.build_timeline(tl.sentences_from_store(led.store), n_dates=3, k_sentences=1)
        # without the rule Tuesday keeps the landslide, in its own words, and Monday has nothing left
        kept = tl.timeline_from_store(led.store, n_dates=3, settings=tl.Settings(earlier_day=False))
        assert monday not in {e.date for e in kept}
        assert "Kestrel" in {e.date: e.text for e in kept}[tuesday]


SOLVIK = [
    {"id": "coast-0610", "date": "2024-06-10", "title": "Terminal fire", "text":
        "A fire destroyed the wooden ferry terminal at Solvik on Monday, the harbour master said. "
        "Dock workers in Varnholm voted to accept the new wage agreement on Monday."},
    {"id": "island-0611", "date": "2024-06-11", "title": "Ashes", "text":
        "Islanders said the flames over Solvik could be seen from the mainland. "
        "The regional council in Varnholm approved a new budget for its schools on Tuesday."},
    {"id": "gazette-0612", "date": "2024-06-12", "title": "Schools", "text":
        "Teachers in Varnholm welcomed the council's budget for schools on Wednesday. "
        "Cargo traffic through Varnholm harbour returned to normal on Wednesday."},
]


def test_adjacent_reports_naming_a_place_no_other_day_names_are_one_event(tmp_path):
    """The fire at Solvik (Monday) and Tuesday's undated lead about its flames share one word,
    the name of a place no other day's reports name: a report of that happening, not Tuesday's
    news, which is the council's budget; a name that other days use too (Varnholm) does not
    make two reports one."""
    with ingested(tmp_path, SOLVIK + PORT_WEEK) as led:
        entries = led.timeline(n_dates=7, k_sentences=1)
        told = {e.date: e.text for e in entries}
        assert sum("Solvik" in t for t in told.values()) == 1
        # Varnholm, named on six days, is not rare: Monday to Thursday of the week before are all told
        assert sum("Varnholm" in t for d, t in told.items() if d < dt.date(2024, 6, 10)) == 4
        assert told[dt.date(2024, 6, 11)].startswith("The regional council")
        assert entries == tl.build_timeline(tl.sentences_from_store(led.store), n_dates=7, k_sentences=1)
        kept = tl.timeline_from_store(led.store, n_dates=7, settings=tl.Settings(event_names=False))
        assert sum("Solvik" in e.text for e in kept) == 2


def test_reports_that_name_their_own_day_stand_on_their_own(tmp_path):
    """A short story about one rare place (the Solvik quarry, two days among a week of other
    news): every line names its day, so each is news of its own, however often the place
    comes back; three lines a day are shown on both days."""
    quarry = [
        {"id": f"q{i}-{day}", "date": f"2024-06-{day}", "title": "Quarry", "text": text}
        for i, (day, text) in enumerate([
            ("11", "Rescuers pulled eleven bodies from the Solvik quarry on Tuesday."),
            ("11", "Police arrested the owner of the Solvik quarry on Tuesday evening."),
            ("11", "The mining minister resigned over safety failures at Solvik on Tuesday."),
            ("12", "Thousands attended the funeral of the Solvik quarry workers on Wednesday."),
            ("12", "Parliament voted to nationalise the Solvik quarry on Wednesday afternoon."),
            ("12", "Divers found a twelfth body in the flooded pit at Solvik on Wednesday."),
        ])]
    with ingested(tmp_path, quarry + PORT_WEEK) as led:
        entries = led.timeline(n_dates=6, k_sentences=3)
        for day in (11, 12):
            assert sum(e.date == dt.date(2024, 6, day) and "Solvik" in e.text for e in entries) == 3


def test_only_the_main_event_moves_to_the_earlier_day():
    """The 11th (three sources) tells a shooting and a hostage release; the 10th reports both
    in other words with the same counts, and a budget. The shooting, the 10th's main event,
    moves to the 10th; the hostage release stays on the 11th; the budget is told: two days,
    three events."""
    def dated(doc, text, day, counts, n=1):
        return [replace(sentence(f"{doc}{k}", text, day, [day]), counts=counts) for k in range(n)]

    d10, d11 = dt.date(2024, 6, 10), dt.date(2024, 6, 11)
    pool = (dated("A", "Soldiers shot dead twelve protesters near the northern border crossing at dawn.", d11,
                  (("killed", 12.0),), 3)
            + dated("B", "Rebels released thirty hostages to a mediation team in the capital's airport.", d11,
                    (("hostages", 30.0),), 2)
            + dated("a", "Twelve people died when troops opened fire on a march near a frontier post.", d10,
                    (("killed", 12.0),), 2)
            + dated("b", "Thirty captives walked free after weeks of secret talks with the insurgents.", d10,
                    (("hostages", 30.0),))
            + dated("c", "The finance ministry announced an emergency budget to pay for new housing.", d10, ()))
    told = [(e.date, e.text.split()[0]) for e in tl.build_timeline(pool, n_dates=2, k_sentences=2)]
    assert sorted(told) == [(d10, "The"), (d10, "Twelve"), (d11, "Rebels")]


def test_in_a_story_of_two_days_no_name_is_rare(tmp_path):
    """With fewer than five days to compare, a name on both days says nothing about the events:
    the storm (Monday) and the council's vote (Tuesday) both name Varnholm and are both told."""
    two_days = [
        {"id": "coast-0610", "date": "2024-06-10", "title": "Storm", "text":
            "A storm flattened the fishing sheds of Varnholm harbour on Monday."},
        {"id": "coast-0611", "date": "2024-06-11", "title": "Council", "text":
            "The regional council in Varnholm approved emergency funds for the fishermen on Tuesday."},
    ]
    with ingested(tmp_path, two_days) as led:
        assert [e.date.day for e in led.timeline(n_dates=2, k_sentences=1)] == [10, 11]


def test_rare_names_are_capitalised_words_never_written_in_lower_case():
    days = [dt.date(2024, 6, d) for d in range(3, 10)]
    texts = ["Crowds gathered at Solvik and Thousands marched in the port on that day.",   # day 0
             "Police counted people at Solvik as Thousands marched again that day.",         # day 1
             "Fish were landed at the harbour that day.",
             "There were thousands of visitors at the fair in the park that day.",           # lower case
             "The council met to discuss the budget that day."]
    on = [0, 1, 4, 5, 6]
    sents = [sentence(f"d{i}", t, days[d]) for i, (t, d) in enumerate(zip(texts, on))]
    names = tl._EventNames(sents, {days[d]: {i: 1.0} for i, d in enumerate(on)})
    # "Thousands" inside a sentence only on two consecutive days too, but written "thousands"
    # elsewhere: a word, not a name
    assert names.of[0] & names.of[1] == {"Solvik", "Thousands"}
    assert names.is_rare("Solvik") and not names.is_rare("Thousands") and names.shared(0, 1)
    # possessives are the name; calendar words, holidays and a sentence's first word are not names
    assert tl._names("Crowds left Solvik's harbour after Tuesday's storm on Christmas Eve.") == {"Solvik"}


def test_reports_of_one_day_giving_the_same_count_are_one_event_with_both_sources(tmp_path):
    """Two papers tell Wednesday's ferry disaster in other words but with the same count: one
    event with two independent sources (its salience), not two events of one source each; a
    coach crash with as many dead, in none of the same words, is not one of its sources."""
    wednesday = [
        {"id": "harbour-0605", "date": "2024-06-05", "title": "Ferry disaster", "text":
            "At least 34 passengers were killed when the ferry capsized in a storm off Varnholm on Wednesday."},
        {"id": "gazette-0605", "date": "2024-06-05", "title": "Mourning", "text":
            "Divers recovered the bodies of 34 passengers from the ferry's hull on Wednesday, officials said."},
        # the same count of the same thing in no shared words: another event
        {"id": "road-0605", "date": "2024-06-05", "title": "Crash", "text":
            "A coach plunged into a ravine north of Brask on Wednesday, leaving 34 dead."},
    ]
    with ingested(tmp_path, wednesday + PORT_WEEK[:3]) as led:
        timeline = led.timeline(n_dates=4, k_sentences=2)
        assert timeline == tl.build_timeline(tl.sentences_from_store(led.store), n_dates=4, k_sentences=2)
        ferry = [e for e in timeline if e.date == dt.date(2024, 6, 5) and "34" in e.text]
        assert len(ferry) == 1 and ferry[0].salience == 2
        assert {s.doc for s in ferry[0].sources} == {"harbour-0605", "gazette-0605"}
        # ... and is told on the ferry's day as the other news it is
        assert any(e.date == dt.date(2024, 6, 5) and "coach" in e.text for e in led.timeline(n_dates=4, k_sentences=3))
        counted = {s.doc: s.counts for s in tl.sentences_from_store(led.store) if s.counts}
        assert counted["road-0605"] == counted["harbour-0605"] == (("killed", 34.0),)


STORM = [
    {"id": "coast-0611", "date": "2024-06-11", "title": "Storm", "text":
        "At least 30 people were killed when a storm hit the Varnholm coast on Monday night, the coast guard said."},
    {"id": "radio-0611", "date": "2024-06-11", "title": "Storm toll", "text":
        "A storm killed at least 30 people along the Varnholm coast on Monday, officials said."},
    {"id": "herald-0611", "date": "2024-06-11", "title": "After the storm", "text":
        "The storm that swept the coast killed at least 30 people, most of them in fishing villages. "
        "Rescue workers said many of the victims had been fishermen trying to bring their boats home."},
    {"id": "council-0611", "date": "2024-06-11", "title": "Budget", "text":
        "The regional council approved a larger budget for village schools on Tuesday."},
    {"id": "villages-0611", "date": "2024-06-11", "title": "Relief", "text":
        "Fishing boats were still missing from the coast villages the storm swept, officials said on Tuesday."},
]


def test_the_rest_of_a_report_told_on_another_day_is_not_the_days_news(tmp_path):
    """Tuesday's herald leads with Monday's storm (told on Monday); its next, undated sentence
    ("many of the victims had been fishermen") is more of that report, not Tuesday's news:
    Tuesday tells the council's budget."""
    tuesday = dt.date(2024, 6, 11)
    with ingested(tmp_path, STORM + PORT_WEEK) as led:
        entries = led.timeline(n_dates=7, k_sentences=1)
        told = {e.date: e.text for e in entries}
        assert "storm" in told[dt.date(2024, 6, 10)] and told[tuesday].startswith("The regional council")
        assert entries == tl.build_timeline(tl.sentences_from_store(led.store), n_dates=7, k_sentences=1)
        kept = tl.timeline_from_store(led.store, n_dates=7, k_sentences=1, settings=tl.Settings(main_article=False))
        assert {e.date: e.text for e in kept}[tuesday].startswith("Rescue workers")


def test_a_roundups_other_news_stays_the_days_news(tmp_path):
    """The herald leads with Monday's storm (told on Monday), then turns to the council's budget,
    which only it reports and which shares no words with the storm: Tuesday still tells it."""
    coast, radio, herald = STORM[:3]
    roundup = dict(herald, text="The storm that swept the coast killed at least 30 people, most of them in "
                                "fishing villages. The regional council approved a larger budget for village schools.")
    with ingested(tmp_path, [coast, radio, roundup] + PORT_WEEK) as led:
        told = {e.date: e.text for e in led.timeline(n_dates=7, k_sentences=1)}
        assert told[dt.date(2024, 6, 11)].startswith("The regional council")


def _reference_clusters(indices, sentences, vectors, scores, threshold, can_represent):
    """Leader clustering over the whole similarity matrix at once (how it was first written)."""
    from dateline.synthesize.events import COUNT_WORDS, Event

    order = sorted(range(len(indices)), key=lambda i: -scores[i])
    sims = vectors.pairwise(indices, indices)
    events, leaders, orphans, by_count = [], [], [], {}

    def first_match(pos):
        if not leaders:
            return None
        hits = [k for k, leader in enumerate(leaders) if sims[pos, leader] >= threshold]
        if hits:
            return hits[0]
        for count in sentences[indices[pos]].counts:
            for k in by_count.get(count, ()):
                if sims[pos, leaders[k]] >= COUNT_WORDS:
                    return k
        return None

    for pos in order:
        matched = first_match(pos)
        if matched is not None:
            events[matched].members.append(indices[pos])
            events[matched].sources.add(sentences[indices[pos]].independent_source)
        elif can_represent[pos]:
            events.append(Event(members=[indices[pos]], representative=indices[pos], score=scores[pos],
                                sources={sentences[indices[pos]].independent_source}))
            for count in sentences[indices[pos]].counts:
                by_count.setdefault(count, []).append(len(leaders))
            leaders.append(pos)
        else:
            orphans.append(pos)
    for pos in orphans:
        matched = first_match(pos)
        if matched is not None:
            events[matched].members.append(indices[pos])
            events[matched].sources.add(sentences[indices[pos]].independent_source)
    return events


@pytest.mark.parametrize("block", [1, 7, 64, 4096])
def test_clustering_a_block_at_a_time_equals_the_whole_matrix(monkeypatch, block):
    """Similarities computed a block of sentences at a time (memory bounded by the block) give
    the same events as the whole pool's matrix, across block edges and for sentences that
    cannot lead an event."""
    import random

    from dateline.synthesize import events as ev

    rng = random.Random(block)
    words = "storm ferry harbour council budget strike union port quarry fire rescue minister vote".split()
    sentences, scores, can = [], [], []
    for i in range(300):
        text = " ".join(rng.choice(words) for _ in range(rng.randint(2, 6)))
        counts = ((("killed", float(rng.choice([12, 30, 34]))),) if rng.random() < 0.3 else ())
        sentences.append(replace(sentence(f"d{i % 40}", text, FRI), counts=counts))
        scores.append(rng.random())
        can.append(rng.random() < 0.8)
    vectors = ev.Vectors([s.text for s in sentences])
    pool = list(range(len(sentences)))
    monkeypatch.setattr(ev, "CLUSTER_BLOCK", block)
    got = ev.cluster_events(pool, sentences, vectors, scores, 0.5, can_represent=can)
    want = _reference_clusters(pool, sentences, vectors, scores, 0.5, can)
    assert [(e.representative, e.members, e.sources) for e in got] == \
           [(e.representative, e.members, e.sources) for e in want]
    assert len(got) > 10 and any(len(e.members) > 3 for e in got)


def test_the_rest_of_a_report_sharing_words_with_any_of_its_retold_sentences_is_not_the_days_news():
    """Tuesday's papers lead with Monday's storm (told on Monday); the herald goes on with the
    toll confirmed early Tuesday (told on Monday too, by its count) and a detail of the rescue
    that shares words only with that second sentence: all of it is the storm's report, and
    Tuesday tells the council's budget."""
    def said(doc, text, day, dates, counts=(), position=0):
        return replace(sentence(doc, text, day, dates, position=position), counts=counts)

    d10, d11, toll = dt.date(2024, 6, 10), dt.date(2024, 6, 11), (("killed", 30.0),)
    pool = [said(f"m{k}", "A storm hit the coast on Monday night, leaving a toll of at least 30 dead.", d10, [d10],
                 toll) for k in range(3)]
    pool += [said("herald", "The storm that swept the coast killed at least 30 people in fishing villages.", d11, [],
                  toll),
             said("herald", "Early on Tuesday the guard confirmed a toll of 30 dead.", d11, [d11], toll, 1),
             said("herald", "Helicopter crews of the guard searched the cliffs through the night for the dead.", d11,
                  [], (), 2),
             said("radio", "The storm killed at least 30 people along the coast and in fishing villages.", d11, [],
                  toll),
             said("council", "The regional council approved a larger budget for village schools on Tuesday.", d11,
                  [d11])]
    told = {e.date: e.text for e in tl.build_timeline(pool, n_dates=2, k_sentences=1)}
    assert told[d10].startswith("A storm") and told[d11].startswith("The regional council")


@pytest.mark.parametrize("later", [17, 5])
def test_news_told_on_a_distant_day_only_by_later_references_is_told_on_its_own_day(later):
    """Reports of a later day say the toll of the 3 June bridge collapse was revised; some name
    only 3 June, so that day can tell the revision as its second line. Written 17 days on, it is
    that later day's news (its main event): told there, and 3 June tells the collapse. Written 5
    days on, it is still the collapse's story: told on 3 June."""
    d3, d25 = dt.date(2024, 6, 3), dt.date(2024, 6, 25)
    day = d3 + dt.timedelta(days=later)
    pool = [sentence(f"wire{k}", "The old river bridge in Varnholm collapsed on Monday, killing nine people.",
                     dt.date(2024, 6, 4), [d3]) for k in range(9)]
    pool += [sentence(f"late{k}", "The ministry has said that the toll of the June 3 bridge collapse was revised to 14.",
                      day, [d3], calendar=[d3], position=3) for k in range(2)]
    pool += [sentence(f"radio{k}", "The ministry said today that the toll of the June 3 bridge collapse was "
                                   "revised to 14.", day, [day, d3], calendar=[d3]) for k in range(2)]
    pool += [sentence("council", "The council met today to discuss the budget of the harbour.", day, [day]),
             sentence("quay", "Fishermen protested against new quotas at the harbour on Tuesday.", d25, [d25])]
    told = [(e.date, e.text.split()[1]) for e in tl.build_timeline(pool, n_dates=3, k_sentences=2)]
    assert (d3, "old") in told
    assert ((day, "ministry") in told) == (later > 7) and ((d3, "ministry") in told) == (later <= 7)
    # without the rule, 3 June tells it either way
    kept = tl.build_timeline(pool, n_dates=3, k_sentences=2, settings=tl.Settings(own_day=False))
    assert (d3, "ministry") in [(e.date, e.text.split()[1]) for e in kept]


@pytest.mark.parametrize("first", [28, 29])
def test_undated_sentences_are_told_on_the_day_their_article_dates_its_news(first):
    """Saturday's paper tells the hostage release "late Saturday", then, undated, the foreign
    workers among the freed: an undated lead sentence may tell the day before its publication,
    but this article says its news is Saturday's, so Friday (the truce) does not tell it,
    whichever of the two days is told first."""
    fri, sat = dt.date(2024, 6, 28), dt.date(2024, 6, 29)
    pool = [sentence(f"wire{k}", "A truce between the army and the rebels began on Friday after weeks of talks.", sat,
                     [fri], position=2) for k in range(3)]
    pool += [sentence("news", "Rebels freed 13 hostages late Saturday in a second exchange, the army said.", sat, [sat]),
             sentence("news", "Four foreign workers were among the freed captives flown home by the army.", sat,
                      position=1),
             sentence("radio", "Rebels freed 13 hostages on Saturday, the army said.", sat, [sat])]
    pool += [sentence(f"tv{k}", "Crowds cheered in the capital on Saturday as the buses of the freed drove past.",
                      sat, [sat]) for k in range(2)]

    def told(settings):
        order = [fri, sat] if first == 28 else [sat, fri]
        entries, _ = tl._tell(order, 2, 2, lambda days: tl._restricted(pool, tl.candidates_by_day(pool, settings),
                                                                       days), settings)
        return [(e.date, e.text.split()[0]) for e in entries]

    assert (fri, "Four") not in told(tl.Settings()) and (fri, "A") in told(tl.Settings())
    assert (fri, "Four") in told(tl.Settings(dated_report=False))


@pytest.mark.parametrize("second,same", [
    ("Of the 25 councillors, 14 backed closing the ferry terminal on Wednesday and 11 opposed it.", True),
    ("On Wednesday 14 fishing boats left the harbour before the storm reached the coast.", False),
])
def test_two_of_the_same_numbers_on_one_day_tell_the_same_event(second, same):
    """"voted 14-11" and "14 backed ... 11 opposed" give one vote in other words: told once, and the
    day's next line is other news; one shared number (14 boats) is a coincidence."""
    day = dt.date(2024, 6, 12)
    pool = [sentence(f"wire{k}", "The harbour council voted 14-11 on Wednesday to close the old ferry terminal.", day,
                     [day]) for k in range(3)]
    pool += [sentence("gazette", second, day, [day]),
             sentence("radio", "Fishermen unloaded a record catch of cod at the quay on Wednesday.", day, [day])]
    told = [e.text for e in tl.build_timeline(pool, n_dates=1, k_sentences=2)]
    assert (second in told) is not same and told[0].startswith("The harbour council")
    assert tl._numbers("At least 1,200 died in 2023, a 45.5 percent rise; the vote was 13-1.") == {1200, 45.5, 13}


def _freed(friday_lines):
    fri, sat = dt.date(2024, 6, 28), dt.date(2024, 6, 29)
    pool = [sentence("news", "Rebels freed 13 hostages late Saturday in a second exchange, the army said.", sat, [sat]),
            sentence("news", "Four foreign workers were among the freed captives flown home by the army.", sat,
                     position=1),
            sentence("radio", "Rebels freed 13 hostages on Saturday, the army said.", sat, [sat])]
    pool += [sentence(f"tv{k}", "Crowds cheered in the capital on Saturday as the buses of the freed drove past.",
                      sat, [sat]) for k in range(2)]
    return pool + friday_lines(fri, sat)


@pytest.mark.parametrize("friday_lines", [
    # Friday named by lines no timeline shows, in Saturday's papers: Saturday ranks first
    lambda fri, sat: [sentence(f"brief{k}", "Talks ended Friday.", sat, [fri], position=3) for k in range(8)],
    # ... or in Friday's: Friday ranks first
    lambda fri, sat: [sentence(f"brief{k}", "Talks ended today.", fri, [fri]) for k in range(6)],
])
def test_a_day_with_only_undated_lines_of_the_next_days_news_does_not_take_them(friday_lines):
    """Friday's only showable candidate is an undated line of a Saturday article that dates its news
    to Saturday: whichever day is told first, the line is told once, on Saturday (not moved to
    Friday as the main event told the day after, and not lost when Friday gives it up)."""
    told = [(e.date.day, e.text.split()[0]) for e in tl.build_timeline(_freed(friday_lines), n_dates=2, k_sentences=3)]
    assert (29, "Four") in told and (28, "Four") not in told


def test_an_undated_lead_before_a_dated_background_line_is_its_own_days_news():
    """Tuesday's paper leads, undated, with Tuesday's news, then gives Monday's background (dated,
    and told on Monday by the wires): the lead is still Tuesday's news."""
    mon, tue = dt.date(2024, 6, 10), dt.date(2024, 6, 11)
    pool = [sentence("herald", "Troops entered the centre of Marsk and raised a flag over the town hall.", tue),
            sentence("herald", "On Monday troops reached the outskirts of Marsk after a week of fighting.", tue, [mon],
                     position=1)]
    pool += [sentence(f"wire{k}", "Troops reached the outskirts of Marsk on Monday after a week of fighting.", tue,
                      [mon], position=2) for k in range(3)]
    pool += [sentence(f"brief{k}", "Marsk fell today.", tue, [tue], position=3) for k in range(4)]
    for k in (1, 2):
        told = {(e.date, e.text.split()[1]) for e in tl.build_timeline(pool, n_dates=2, k_sentences=k)}
        assert (tue, "entered") in told
