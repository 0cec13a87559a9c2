"""Temporal expressions: finding, resolving against the article date, offsets, the filter."""
import datetime as dt

import pytest

from dateline.analyze import nlp, timex

TUE = dt.date(2023, 11, 7)        # a Tuesday


@pytest.fixture(scope="module", autouse=True)
def model():
    return nlp.load()


def extract(text, date=TUE, needs_parse=timex.TRIGGER.search):
    doc = nlp.parse_one(text, needs_parse=needs_parse)
    return timex.extract_times(doc, "d", date)


def one(text, phrase, date=TUE, **kw):
    """The expression found at ``phrase`` (which must occur once in ``text``)."""
    start = text.index(phrase)
    found = [t for t in extract(text, date, **kw) if t.span.start == start and t.span.end == start + len(phrase)]
    assert found, (phrase, [(t.text, t.value) for t in extract(text, date, **kw)])
    return found[0]


def value(text, phrase, date=TUE, **kw):
    return one(text, phrase, date, **kw).value


# --- absolute dates ----------------------------------------------------------------

@pytest.mark.parametrize("text, phrase, expected", [
    ("The convoy left on October 22 with fuel.", "October 22", "2023-10-22"),
    ("The ministry updated its count on Oct 7 in the evening.", "Oct 7", "2023-10-07"),
    ("Crossings closed on Oct. 7 and stayed shut.", "Oct. 7", "2023-10-07"),
    ("Published 22/10/2023 by the desk.", "22/10/2023", "2023-10-22"),
    ("Updated 2023-10-22 by the desk.", "2023-10-22", "2023-10-22"),
    ("The talks ended on October 22, 2023, without a deal.", "October 22, 2023", "2023-10-22"),
    ("The border reopened on 22 October after talks.", "22 October", "2023-10-22"),
    ("Prices peaked in Dec 2023 across the region.", "Dec 2023", "2023-12"),
    ("The harbour was rebuilt in 2019 by a consortium.", "2019", "2019"),
    ("Aid deliveries resumed in October, officials said.", "October", "2023-10"),
])
def test_absolute_dates(text, phrase, expected):
    assert value(text, phrase) == expected


def test_single_day_has_a_date_and_months_do_not():
    text = "The ceasefire began on November 24 and lasted through December."
    assert one(text, "November 24").date == dt.date(2023, 11, 24)
    assert one(text, "December").date is None


def test_year_rollover_to_the_previous_december():
    assert value("The shelter was hit on December 30, officials said.", "December 30",
                 date=dt.date(2024, 1, 2)) == "2023-12-30"


def test_year_inference_prefers_a_near_future_date_over_a_distant_past_one():
    # an article of 22 March: "April 7" is two weeks ahead, not a year back
    assert value("The vote is scheduled for April 7.", "April 7", date=dt.date(2013, 3, 22)) == "2013-04-07"


def test_weekday_in_front_of_a_date_takes_that_date():
    text = "The hostages were freed on Friday, November 24, 2023 in the evening."
    assert value(text, "Friday", date=dt.date(2023, 11, 30)) == "2023-11-24"
    assert value(text, "November 24, 2023", date=dt.date(2023, 11, 30)) == "2023-11-24"


@pytest.mark.parametrize("text, phrase, expected", [
    ("Stocks fell furthest since the September 11th attacks, traders said.", "September 11th", "2001-09-11"),
    ("Two Sept. 11 hijackers lived in the town, the commission found.", "Sept. 11", "2001-09-11"),
    ("Airport checks were tightened after 9/11 across the country.", "9/11", "2001-09-11"),
    ("The 9/11 and 7/7 attacks changed policing.", "9/11", "2001-09-11"),
    ("Since 9/11, 24/7 news has changed.", "9/11", "2001-09-11"),
    # a plain September 11 is still the nearest one
    ("The council will vote on September 11 on the harbour budget.", "September 11", "2024-09-11"),
    # so is one after a preposition, and a single attack (Benghazi, 2012)
    ("On September 11 attackers stormed the consulate.", "September 11", "2023-09-11"),
    ("Police said on September 11 terror suspects were held.", "September 11", "2023-09-11"),
    ("The September 11 attack on the consulate killed four.", "September 11", "2023-09-11"),
    # "(9/11)" after a day name is a day and month
    ("Elections will be held on Sunday (9/11) across the country.", "9/11", "2023-11-09"),
])
def test_september_11_naming_the_attacks_is_2001(text, phrase, expected):
    date = dt.date(2023, 11, 5) if "(9/11)" in text else dt.date(2024, 3, 5)
    assert value(text, phrase, date=date) == expected


def test_9_11_is_not_a_date_among_other_scores_in_another_year_or_before_2001():
    assert [t.text for t in extract("The scores were 9/11 and 7/12 in the two rounds.")] == []
    assert [t.value for t in extract("The vote on 9/11 last year was close.") if t.text == "9/11"] == []
    assert [t.text for t in extract("Flights were normal before 9/11, pilots said.", date=dt.date(2001, 5, 1))] == []


def test_the_attacks_day_is_no_point_to_count_the_next_day_from():
    for text in ("After 9/11, the next day markets stayed shut.",
                 "After the September 11 attacks, the next day markets stayed shut."):
        assert value(text, "the next day", date=dt.date(2024, 3, 5)) != "2001-09-12"


def test_ambiguous_numeric_date_takes_the_reading_nearest_the_article():
    assert value("Report dated 03/11/2023 from the field.", "03/11/2023") == "2023-11-03"
    assert value("Report dated 11/03/2023 from the field.", "11/03/2023") == "2023-11-03"


# --- relative to the article date ---------------------------------------------------

@pytest.mark.parametrize("text, phrase, expected", [
    ("Officials said on Sunday that the road was open.", "Sunday", "2023-11-05"),
    ("Wednesday's strike destroyed the bakery.", "Wednesday", "2023-11-01"),
    ("The hospital lost power yesterday, doctors said.", "yesterday", "2023-11-06"),
    ("The crossing is closed today, the agency said.", "today", "2023-11-07"),
    ("Exports fell last month, the bureau said.", "last month", "2023-10"),
    ("Talks stalled last week, diplomats said.", "last week", "2023-W44"),
    ("The bridge collapsed two days ago, residents said.", "two days ago", "2023-11-05"),
    ("Fuel ran out earlier this week in the north.", "earlier this week", "2023-W45"),
    ("A new round of talks opens next month, envoys said.", "next month", "2023-12"),
    ("Shelling continued through Saturday night in the camp.", "Saturday night", "2023-11-04TNI"),
    ("The convoy crossed this morning, witnesses said.", "this morning", "2023-11-07TMO"),
    ("Aid was cut off three weeks ago.", "three weeks ago", "2023-W42"),
    ("Prices rose sharply last year.", "last year", "2022"),
])
def test_relative_expressions(text, phrase, expected):
    assert value(text, phrase) == expected


def test_since_marks_the_start_of_a_running_period():
    t = one("More than 10,000 people have been killed since October 7, the ministry said.", "October 7")
    assert t.since and t.value == "2023-10-07" and t.date == dt.date(2023, 10, 7)
    assert not one("The attack on October 7 shocked the region.", "October 7").since


def test_anaphoric_day_counts_from_the_day_last_named():
    text = "The siege began on October 9. The next day, water was cut."
    assert value(text, "The next day") == "2023-10-10"


def test_time_of_day_next_to_a_weekday_is_one_time_expression():
    t = one("The council met at 10 p.m. Wednesday to vote.", "10 p.m. Wednesday")
    assert t.type == "TIME" and t.value == "2023-11-01T22:00" and t.date == dt.date(2023, 11, 1)


def test_clock_time_without_a_day_is_on_the_article_date():
    t = one("The pause began at 1300 GMT, a witness said.", "1300 GMT")
    assert t.type == "TIME" and t.value == "2023-11-07T13:00"


# --- tense decides weekday names ----------------------------------------------------

@pytest.mark.parametrize("text, expected", [
    ("The minister said on Wednesday that the border was closed.", "2023-11-01"),
    ("The crossing will open on Wednesday, officials said.", "2023-11-08"),
    ("Lawmakers were expected to pass the budget on Wednesday.", "2023-11-08"),
    ("The cabinet plans to meet on Wednesday to discuss aid.", "2023-11-08"),
    ("Rescuers had reached the village on Wednesday.", "2023-11-01"),
    ("The ruling, issued Wednesday, was appealed.", "2023-11-01"),
])
def test_tense_decides_weekday(text, expected):
    assert value(text, "Wednesday") == expected


def test_weekday_of_the_article_date_is_today():
    assert value("The ministry said Tuesday the toll had risen.", "Tuesday") == "2023-11-07"


def test_last_and_next_weekday_skip_today():
    assert value("Talks broke down last Tuesday in Cairo.", "last Tuesday") == "2023-10-31"
    assert value("Talks resume next Tuesday in Cairo.", "next Tuesday") == "2023-11-14"


def test_unparsed_sentence_falls_back_to_the_most_recent_past():
    text = "The crossing will open on Wednesday, officials said."
    assert value(text, "Wednesday", needs_parse=lambda seg: False) == "2023-11-01"


def test_tense_decides_the_year_of_a_month():
    # an article of 22 March 2013
    assert value("The company will report results in June.", "June", date=dt.date(2013, 3, 22)) == "2013-06"
    assert value("The company reported a loss in August.", "August", date=dt.date(2013, 3, 22)) == "2012-08"


# --- durations, sets, references ----------------------------------------------------

@pytest.mark.parametrize("text, phrase, typ, expected", [
    ("Thousands died in the 11-day bombardment.", "11-day", "DURATION", "P11D"),
    ("The truce held for three weeks before collapsing.", "three weeks", "DURATION", "P3W"),
    ("Power was out for the past 24 hours in the south.", "the past 24 hours", "DURATION", "PT24H"),
    ("Negotiations lasted almost seven years.", "almost seven years", "DURATION", "P7Y"),
    ("The trip took 2 1/2 hours by road.", "2 1/2 hours", "DURATION", "PT2H30M"),
    ("Trucks cross every day when the gate is open.", "every day", "SET", "P1D"),
    ("Water is now rationed in the camp.", "now", "DATE", "PRESENT_REF"),
    ("The region had seen unrest in the 1990s.", "the 1990s", "DATE", "199"),
    ("Sales rose in the third quarter of 2022.", "the third quarter of 2022", "DATE", "2022-Q3"),
])
def test_durations_sets_and_references(text, phrase, typ, expected):
    t = one(text, phrase)
    assert (t.type, t.value) == (typ, expected)


@pytest.mark.parametrize("text", [
    "A 20-year-old man was arrested at the scene.",
    "A second convoy was turned back at the gate.",
    "He said he may return to the city.",
    "Around 2,500 rockets were fired, and 300 people were hurt.",
    "The company cut its quarterly dividend.",
])
def test_no_false_alarms(text):
    assert extract(text) == []


# --- offsets and robustness -------------------------------------------------------

def test_offsets_point_at_the_expression_text():
    text = "GAZA, Oct 9 (Agency) – Officials said on Monday that 700 people were killed since Saturday.\n\n" \
           "Talks continue next week. The previous talks collapsed in August 2022."
    found = extract(text, date=dt.date(2023, 10, 10))
    assert [t.text for t in found] == ["Oct 9", "Monday", "Saturday", "next week", "August 2022"]
    for t in found:
        assert text[t.span.start:t.span.end] == t.text
        assert t.span.doc == "d"
    assert [t.value for t in found] == ["2023-10-09", "2023-10-09", "2023-10-07", "2023-W42", "2022-08"]


def test_empty_and_timeless_texts():
    assert extract("") == []
    assert extract("   \n ") == []
    assert extract("The ministry said the hospital had no fuel left.") == []


# --- the sentence filter ------------------------------------------------------------

VARIED_TEXTS = [
    "Jerusalem, Oct 9: The minister on Monday ordered a siege, two days after the attack.\n"
    "Since October 7, more than 1,200 people have been killed.\nWhat next?",
    "The ceasefire, due to start at 7 a.m. local time on Friday, was delayed.\n"
    "Talks resumed on 22/10/2023. They will continue next week, and again in early December.",
    "Officials said this morning that trucks cross daily. Last night was quiet. The 1990s were calmer.\n"
    "A four-day truce began at 0500 GMT. In the past 48 hours, 40 trucks entered. The UN said it now has fuel.",
    "Hospitals said they had run out of fuel. No date was given. The number rose to 3,000.\n"
    "Aid arrived over the weekend, and officials said another convoy would arrive on Sunday, November 12.",
    "Updated 2023-12-22T05:07 by the desk. The council meets Tuesday at noon. Elections were held in 2019 "
    "and are due in spring 2025. Christmas Eve services were cancelled. Prices doubled in the first half of 2023.",
]


@pytest.mark.parametrize("text", VARIED_TEXTS)
def test_trigger_matches_every_segment_with_an_expression(text):
    found = extract(text, needs_parse=None)
    assert found
    for t in found:
        seg = next(text[a:b] for a, b in nlp.segment(text) if a <= t.span.start < b)
        assert timex.TRIGGER.search(seg), (t.text, seg)


@pytest.mark.parametrize("text", VARIED_TEXTS)
def test_filter_does_not_change_the_result(text):
    key = lambda ts: [(t.span, t.type, t.value, t.date, t.since) for t in ts]
    assert key(extract(text, needs_parse=timex.TRIGGER.search)) == key(extract(text, needs_parse=None))


def test_trigger_skips_plain_counts_and_modal_may():
    assert not timex.TRIGGER.search("At least 3,000 people may have died, officials said.")
    assert timex.TRIGGER.search("The strike happened in May.")


# --- anchor_date --------------------------------------------------------------------

MON = dt.date(2023, 11, 13)


def anchor(text, sentence, date=MON, with_doc=False):
    doc = nlp.parse_one(text, needs_parse=timex.TRIGGER.search)
    times = timex.extract_times(doc, "d", date)
    start = text.index(sentence)
    return timex.anchor_date(times, start, start + len(sentence), date, doc=doc if with_doc else None)


@pytest.mark.parametrize("with_doc", [False, True])
def test_anchor_is_the_day_the_statement_was_made(with_doc):
    text = "Health authorities in Gaza said on Sunday at least 3,000 people had died."
    assert anchor(text, text, with_doc=with_doc) == dt.date(2023, 11, 12)
    text = "Before Tuesday's blast, health authorities said at least 3,000 people had died."
    assert anchor(text, text, date=dt.date(2023, 10, 18), with_doc=with_doc) == dt.date(2023, 10, 17)
    text = "The toll from the attack on October 7 was revised, a spokesman said on Friday."
    assert anchor(text, text, with_doc=with_doc) == dt.date(2023, 11, 10)


def test_anchor_ignores_running_periods_other_sentences_and_the_future():
    text = "At least 11,000 people have been killed since October 7. Talks resume on Friday. " \
           "The envoy will visit on Thursday, and 200 trucks are expected."
    first = "At least 11,000 people have been killed since October 7."
    last = "The envoy will visit on Thursday, and 200 trucks are expected."
    assert anchor(text, first) == MON
    assert anchor(text, last) == MON


def test_anchor_with_parse_skips_an_old_event_used_as_a_name():
    text = "More than 1,400 people were killed in the October 7 attack, the government says."
    assert anchor(text, text, with_doc=True) == MON


@pytest.mark.parametrize("text,when", [
    ("The health ministry keeps its own count, saying on Thursday that 96 people had been killed.", "2025-06-12"),
    ("The army issued a statement, saying on Friday that 12 soldiers were killed.", "2025-06-13"),
    ("The agency publishes a daily bulletin, adding on Monday that 40 people are missing.", "2025-06-16"),
])
def test_a_participle_of_saying_reports_a_past_day(text, when):
    """"..., saying on Thursday that ...": what was said was said already, whatever tense the clause it hangs on has."""
    from dateline.analyze.pipeline import analyze_text
    times = analyze_text(text, "t", dt.date(2025, 6, 16)).times
    assert [t.value for t in times if t.type == "DATE"] == [when]
