"""Attributed claims: forms, exact offsets, speaker resolution, negatives, robustness.

All texts are invented for these tests.
"""
import re
from collections import Counter

import pytest

from dateline.analyze import claims as claims_mod
from dateline.analyze import nlp
from dateline.records import CLAIM_MODES


@pytest.fixture(scope="module")
def extract():
    nlp.load()

    def run(text, filtered=False):
        flt = claims_mod.TRIGGER.search if filtered else None
        doc = nlp.parse_one(text, needs_parse=flt)
        found = claims_mod.extract_claims(doc, "t")
        for c in found:
            _check_invariants(text, c)
        return found

    return run


def _check_invariants(text, c):
    assert c.mode in CLAIM_MODES
    assert 0 <= c.span.start <= c.content.start < c.content.end <= c.span.end <= len(text)
    assert c.span.contains(c.content)
    if c.cue_span is not None:
        assert text[c.cue_span.start:c.cue_span.end] == c.cue
    if c.speaker_span is not None:
        assert text[c.speaker_span.start:c.speaker_span.end] == c.speaker


def content_of(text, claim):
    return text[claim.content.start:claim.content.end]


def by_content(text, found, fragment):
    hits = [c for c in found if fragment in content_of(text, c)]
    assert hits, f"no claim holding {fragment!r} in {[content_of(text, c) for c in found]}"
    return hits[0]


# --- direct quotations -------------------------------------------------------------------

def test_direct_quote_with_trailing_attribution(extract):
    text = "“We will rebuild every house,” the mayor said on Monday."
    (c,) = extract(text)
    assert (c.mode, c.cue, c.speaker) == ("direct", "said", "the mayor")
    assert content_of(text, c) == "We will rebuild every house"
    assert c.span.start == 0 and c.span.end == len(text)


def test_direct_quote_with_inverted_attribution_keeps_the_name(extract):
    text = '"The wards are full," said Dr. Amal Noor of the city hospital, which treated the wounded.'
    (c,) = extract(text)
    assert c.mode == "direct" and c.cue == "said"
    assert content_of(text, c) == "The wards are full"
    assert c.speaker.endswith("Amal Noor")


def test_direct_quote_after_colon(extract):
    text = "Speaking in Geneva, the envoy said: “Nobody can win this war.”"
    (c,) = extract(text)
    assert c.mode == "direct" and c.speaker == "the envoy"
    assert content_of(text, c) == "Nobody can win this war."


def test_single_quoted_headline(extract):
    text = "‘We are ready’, declares regional governor Piet Larsen\nThe talks resumed."
    (c,) = extract(text)
    assert c.mode == "direct" and c.cue == "declares"
    assert content_of(text, c) == "We are ready"
    assert c.speaker == "Piet Larsen"


def test_multi_sentence_quotation_is_one_claim(extract):
    text = ("“The road is closed. The bridge is gone. We are cut off,” the village head told "
            "reporters.")
    (c,) = extract(text)
    assert content_of(text, c) == "The road is closed. The bridge is gone. We are cut off"
    assert c.mode == "direct" and c.cue == "told" and c.speaker == "the village head"


def test_continuation_quote_carries_the_speaker(extract):
    text = ("“We have no fuel left,” said Sami Karim, who runs the bakery.\n"
            "“The ovens have been cold since Friday.”")
    found = extract(text)
    assert len(found) == 2
    cont = by_content(text, found, "ovens")
    assert content_of(text, cont) == "The ovens have been cold since Friday."
    assert cont.cue is None and cont.mode == "direct"
    assert cont.speaker == "Sami Karim"
    assert text[cont.speaker_span.start:cont.speaker_span.end] == "Sami Karim"


def test_free_standing_quote_without_previous_speaker_is_not_a_claim(extract):
    text = "The town was quiet.\n“Peace at last.”"
    assert extract(text) == []


# --- reported and mixed ----------------------------------------------------------------------

def test_reported_speech_drops_that(extract):
    text = "The army said that 14 soldiers had been wounded near the border."
    (c,) = extract(text)
    assert (c.mode, c.cue, c.speaker) == ("reported", "said", "The army")
    assert content_of(text, c) == "14 soldiers had been wounded near the border"


def test_trailing_attribution_with_a_number(extract):
    text = "At least 40 people were killed in the strike on the market, the regional health ministry said."
    (c,) = extract(text)
    assert content_of(text, c) == "At least 40 people were killed in the strike on the market"
    assert c.speaker == "the regional health ministry" and c.cue == "said"


def test_trailing_attribution_after_an_apposition(extract):
    text = "Twelve trucks crossed on Sunday, Lina Haddad, a spokeswoman for the aid group, told reporters."
    (c,) = extract(text)
    assert content_of(text, c) == "Twelve trucks crossed on Sunday"
    assert c.speaker == "Lina Haddad"


@pytest.mark.parametrize("text, content", [
    ("According to the ministry, 9,000 people have been killed since the war began.",
     "9,000 people have been killed since the war began"),
    ("More than 300 trucks entered the enclave last week, according to the ministry.",
     "More than 300 trucks entered the enclave last week"),
])
def test_according_to(extract, text, content):
    (c,) = extract(text)
    assert content_of(text, c) == content
    assert c.cue.lower() == "according to" and c.speaker == "the ministry"


def test_according_to_a_statement_names_its_author(extract):
    text = "According to a statement by the Coastal Guard, 30 boats were stopped."
    (c,) = extract(text)
    assert c.speaker == "the Coastal Guard"
    assert content_of(text, c) == "30 boats were stopped"


def test_mixed_statement_keeps_its_inner_quotes(extract):
    text = "The envoy said the talks were “at a delicate stage” and would resume on Monday."
    (c,) = extract(text)
    assert c.mode == "mixed" and c.speaker == "The envoy"
    assert content_of(text, c) == "the talks were “at a delicate stage” and would resume on Monday"


def test_object_and_preposition_verbs(extract):
    text = "The group denied the report and accused the army of lying about the raid."
    found = extract(text)
    assert content_of(text, by_content(text, found, "report")) == "the report"
    accused = by_content(text, found, "lying")
    assert content_of(text, accused) == "the army of lying about the raid"
    assert accused.speaker == "The group" and accused.cue == "accused"


def test_called_for_puts_the_preposition_in_the_cue(extract):
    text = "The council called for an immediate pause in the fighting."
    (c,) = extract(text)
    assert c.cue == "called for"
    assert content_of(text, c) == "an immediate pause in the fighting"


def test_progressive_cue_keeps_its_auxiliary(extract):
    text = "Channel 9 is reporting that 12 villages have lost power."
    (c,) = extract(text)
    assert c.cue == "is reporting" and c.speaker == "Channel 9"
    assert content_of(text, c) == "12 villages have lost power"


def test_nested_attribution_gives_one_claim_per_layer(extract):
    text = "The city police are estimating that 60 people are missing, the Harbour Times reports."
    found = extract(text)
    outer = by_content(text, found, "estimating")
    inner = [c for c in found if content_of(text, c) == "60 people are missing"]
    assert outer.speaker == "the Harbour Times" and outer.cue == "reports"
    assert content_of(text, outer) == "The city police are estimating that 60 people are missing"
    assert inner and inner[0].speaker == "The city police" and inner[0].cue == "are estimating"


def test_participle_continues_the_same_speaker(extract):
    text = "The Red Cross said its teams evacuated 35 patients, adding that two ambulances were hit."
    found = extract(text)
    adding = by_content(text, found, "ambulances")
    assert adding.cue == "adding" and adding.speaker == "The Red Cross"
    said = by_content(text, found, "patients")
    assert content_of(text, said) == "its teams evacuated 35 patients"


def test_reportedly_takes_the_source_of_a_report_just_before(extract):
    text = ("According to local radio, gunmen entered the village at dawn. "
            "They reportedly seized two trucks.")
    found = extract(text)
    rep = [c for c in found if c.cue == "reportedly"]
    assert rep and rep[0].speaker == "local radio"


def test_headline_dash_source(extract):
    text = "Flood toll rises to 120 – civil defence officials\nRescue teams worked overnight."
    (c,) = extract(text)
    assert content_of(text, c) == "Flood toll rises to 120"
    assert c.speaker == "civil defence officials"


def test_parenthetical_attribution(extract):
    text = "The death toll, the regional health ministry said, had risen to 300 by Sunday."
    (c,) = extract(text)
    assert c.speaker == "the regional health ministry" and c.cue == "said"
    assert content_of(text, c) == text[:-1]


def test_speaker_stops_before_an_including_clause(extract):
    text = "Several aid groups, including the Red Cross, said in a joint statement that the siege must end."
    (c,) = extract(text)
    assert c.speaker == "Several aid groups"
    assert content_of(text, c) == "the siege must end"


def test_headline_dash_needs_a_source():
    text = "Border crisis – Live Updates\nThe talks resumed."
    doc = nlp.parse_one(text)
    assert claims_mod.extract_claims(doc, "t") == []


def test_dateline_is_neither_speaker_nor_content(extract):
    text = "KYIV (Wire) – A spokesman for the ministry said the power plant had been hit twice."
    (c,) = extract(text)
    assert c.speaker == "A spokesman for the ministry"
    assert content_of(text, c) == "the power plant had been hit twice"


# --- speaker resolution -----------------------------------------------------------------------

def test_pronoun_it_resolves_to_the_previous_organisation(extract):
    text = "The Red Crescent said two ambulances were hit. It added that the crews were safe."
    found = extract(text)
    added = by_content(text, found, "crews")
    assert added.speaker == "The Red Crescent"
    assert added.speaker_span.end < added.content.start


def test_pronoun_he_resolves_to_a_person(extract):
    text = ("Tomas Reyes, the head of the port authority, toured the docks on Monday. "
            "“We lost half of our cranes,” he said.")
    (c,) = extract(text)
    assert c.speaker == "Tomas Reyes"
    assert text[c.speaker_span.start:c.speaker_span.end] == "Tomas Reyes"


def test_pronoun_gender_follows_honorifics(extract):
    text = "Mrs. Okafor thanked Mr. Lind for the visit.\n“It was a useful meeting,” he said."
    (c,) = extract(text)
    assert c.speaker == "Lind"


def test_pronoun_antecedent_in_an_unparsed_sentence(extract):
    text = "Maria Lopez arrived in Lima on Monday.\n“We are ready,” she said."
    (c,) = extract(text, filtered=True)
    assert c.speaker == "Maria Lopez"


def test_pronoun_without_antecedent_gives_none(extract):
    text = "Heavy rain fell over the valley.\n“Nobody warned us,” he said."
    (c,) = extract(text)
    assert c.speaker is None and c.speaker_span is None and c.cue == "said"


def test_the_minister_resolves_to_the_named_minister(extract):
    text = ("Foreign Minister Ana Ruiz met the envoys in Lisbon on Tuesday. "
            "“The door is still open,” the minister said.")
    (c,) = extract(text)
    assert c.speaker == "Ana Ruiz"


def test_the_official_resolves_to_the_earlier_description(extract):
    text = ("A harbour official confirmed the closure in a phone call. "
            "“No ship will leave before Friday,” the official said.")
    found = extract(text)
    confirmed = by_content(text, found, "closure")
    assert content_of(text, confirmed) == "the closure"
    quote = by_content(text, found, "No ship")
    assert quote.speaker == "A harbour official"


def test_the_military_resolves_to_the_named_force(extract):
    text = ("Fighting caught the Northern Defence Forces (NDF) by surprise. "
            "The military said two posts had been overrun.")
    (c,) = extract(text)
    assert "Northern Defence Forces" in c.speaker


# --- negatives -------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "The ministry did not comment on the report.",
    "A spokesman declined to comment.",
    "The bridge was closed on Monday after heavy rain.",
    "Residents had been told to stay indoors.",
    "The party has 758 pledged delegates.",
    "The debate promised to be a crucial moment for the campaign.",
])
def test_no_claim(extract, text):
    assert extract(text) == []


# --- robustness ------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    'the border," he said. The crossing stayed shut.',             # excerpt starts inside a quote
    "The mayor said the square would reopen “once the rubble is",  # ends inside a quote
    'He said "yes and "no" and then "maybe.',                      # stray straight quotes
    "“”“ ” \" ' ‘ ’",                                              # nothing but marks
    "The 5' 10\" suspect's car, the police said, was found.",       # inches and apostrophes
    "",
])
def test_unbalanced_quotes_do_not_crash(extract, text):
    found = extract(text)
    assert isinstance(found, list)


def test_unclosed_quote_inside_a_statement_runs_to_the_paragraph_end(extract):
    text = 'The assembly called on "all parties to exercise restraint.\nThe vote passed.'
    (c,) = extract(text)
    assert c.mode == "mixed" and c.cue == "called on"
    assert content_of(text, c) == '"all parties to exercise restraint.'


# --- quote scanner and trigger ---------------------------------------------------------------

def test_find_quotes_pairs_marks_and_skips_apostrophes():
    text = "It’s “one” and \"two\" and ‘three’ but not Israel’s or the 1990s' list."
    inner = [text[q.inner_start:q.inner_end] for q in claims_mod.find_quotes(text)]
    assert inner == ["one", "two", "three"]


def test_find_quotes_marks_an_excerpt_that_starts_inside_a_quote():
    text = 'end of the quote," she said. Then "a new one" came.'
    quotes = claims_mod.find_quotes(text)
    assert quotes[0].open is None and text[quotes[0].inner_start:quotes[0].inner_end] == "end of the quote,"
    assert text[quotes[1].inner_start:quotes[1].inner_end] == "a new one"


@pytest.mark.parametrize("sentence", [
    "Officials say the road is open.", "He told reporters.", "She was warning them.",
    "According to the agency, it rained.", "They reportedly left.", "It called for calm.",
    "“Yes,” he replied.", "Toll passes 100 – ministry", "The group denied it.",
])
def test_trigger_fires_on_attribution_forms(sentence):
    assert claims_mod.TRIGGER.search(sentence)


def test_trigger_is_quiet_on_a_plain_sentence():
    assert not claims_mod.TRIGGER.search("The bridge was closed on Monday after heavy rain.")


# --- new rules, one by one ---------------------------------------------------------------------

def test_nyt_doubled_marks_pair_as_double_quotes():
    text = "''We are running out,'' he said. It had ''no choice'' and '''Tis the season,'' she said."
    quotes = claims_mod.find_quotes(text)
    inner = [text[q.inner_start:q.inner_end] for q in quotes]
    assert inner == ["We are running out,", "no choice", "'Tis the season,"]
    assert text[quotes[0].start:quotes[0].end] == "''We are running out,''"


def test_nyt_quote_with_continuation(extract):
    text = "''This is a catastrophe,'' the official said. ''There is nowhere safe in Gaza.''"
    first, second = extract(text)
    assert content_of(text, first) == "This is a catastrophe" and first.speaker == "the official"
    assert content_of(text, second) == "There is nowhere safe in Gaza." and second.cue is None
    assert second.speaker == "the official"


def test_unclosed_quote_ends_at_an_inline_attribution(extract):
    text = "“We will not leave our homes, said Abu Khaled, 63, outside his house."
    (c,) = extract(text)
    assert content_of(text, c) == "We will not leave our homes"
    assert c.speaker == "Abu Khaled" and c.mode == "direct"


@pytest.mark.parametrize("line, end", [
    ("KHAN YOUNIS, Gaza Strip, Nov 20 (Reuters) - Medics said", 44),
    ("GAZA, Oct. 18 (Xinhua) -- Medics said", 26),
    ("12:45 GMT – Hamas says", 12),
    ("Gaza City (Palestinian Territories) (AFP) - Israel said", 44),
    ("NEW DELHI: The ministry said", 11),
    ("UNRWA: we have run out of fuel", None),
    ("IDF – troops entered the camp", None),
    ("Netanyahu: we will win", None),
])
def test_dateline_forms_and_acronym_sources(line, end):
    assert claims_mod._dateline_end(line, 0) == end


def test_acronym_that_spells_a_relative_pronoun_is_a_speaker(extract):
    text = "GENEVA (AFP) - The WHO said it had lost contact with its staff."
    (c,) = extract(text)
    assert c.speaker == "The WHO" and content_of(text, c) == "it had lost contact with its staff"


def test_speaker_names_are_not_cut_at_a_preposition(extract):
    text = "“We documented 48 deaths,” said the Committee to Protect Journalists, which tracks them."
    (c,) = extract(text)
    assert c.speaker == "the Committee to Protect Journalists"
    text = "The UN Office for the Coordination of Humanitarian Affairs (OCHA) said 1.6 million had fled."
    (c,) = extract(text)
    assert c.speaker == "The UN Office for the Coordination of Humanitarian Affairs (OCHA)"


def test_second_subject_after_a_comma_speaks(extract):
    text = "DOHA, Nov 22 (Reuters) - Qatar's spokesman Majed al-Ansari said the truce would begin on Friday."
    (c,) = extract(text)
    assert c.speaker == "Majed al-Ansari"


def test_comparative_clause_is_not_an_attribution(extract):
    text = "Hamas is holding about 240 hostages, more than previous informal estimates had suggested."
    assert extract(text) == []
    text = "The army said 240 hostages were held, more than previous informal estimates had suggested."
    (c,) = extract(text)
    assert c.speaker == "The army" and c.cue == "said"


def test_expletive_passive_has_no_speaker(extract):
    text = "It was reported that two more hostages had been released."
    (c,) = extract(text)
    assert c.speaker is None and c.cue == "was reported"
    assert content_of(text, c) == "two more hostages had been released"


def test_headline_colon_forms(extract):
    text = "Over 100 UNRWA staff killed in Gaza: UN chief\nThe agency runs shelters."
    (c,) = extract(text)
    assert content_of(text, c) == "Over 100 UNRWA staff killed in Gaza" and c.speaker == "UN chief"
    text = "Netanyahu: 'No ceasefire without the hostages'\nThe cabinet met."
    (c,) = extract(text)
    assert content_of(text, c) == "No ceasefire without the hostages" and c.mode == "direct"
    assert c.speaker == "Netanyahu"


@pytest.mark.parametrize("text", [
    "Israel-Hamas war live: Netanyahu\nThe cabinet met.",
    "Explainer: What we know about the tunnels\nThe army released maps.",
    "Live: Israel strikes Rafah\nSirens sounded.",
])
def test_headline_labels_are_not_sources(extract, text):
    assert extract(text) == []


def test_pronoun_searches_the_paragraph_when_nobody_speaks_between(extract):
    text = ("Mark Regev, an adviser, spoke to the BBC on Sunday. The interview was short. "
            "It concerned the hostages. He said Israel would not stop.")
    (c,) = extract(text)
    assert c.speaker == "Mark Regev"


def test_pronoun_stops_at_an_intervening_speaker_beyond_three_sentences(extract):
    text = ("Mark Regev spoke to the BBC on Sunday. The ministry said 40 people died. The interview was "
            "short. It concerned the hostages. He said Israel would not stop.")
    quote = by_content(text, extract(text), "would not stop")
    assert quote.speaker is None


def test_it_prefers_an_organisation_to_a_place(extract):
    text = "The agency met donors in Brussels on Thursday. It said 100 of its workers had died."
    (c,) = extract(text)
    assert c.speaker == "The agency"


def test_gender_from_a_following_pronoun(extract):
    text = ("Rachel Goldberg and Jon Polin spoke at the rally. Polin said his son was still held. "
            "“We will not stop,” she said.")
    quote = by_content(text, extract(text), "not stop")
    assert quote.speaker == "Rachel Goldberg"


def test_unparsed_antecedents_skip_dates_and_keep_titles(extract):
    text = "Mr. Kirby spoke at the White House on Monday. He said the pause would hold."
    (c,) = extract(text, filtered=True)
    assert c.speaker == "Mr. Kirby"
    text = "The Health Ministry released figures on Tuesday. It said 4,600 children had died."
    (c,) = extract(text, filtered=True)
    assert c.speaker.endswith("Health Ministry")


def test_a_document_issued_by_someone_speaks_for_them(extract):
    text = "The army dropped leaflets ordering residents to leave."
    (c,) = extract(text)
    assert c.speaker == "The army" and content_of(text, c) == "residents to leave"


def test_infinitive_reporting_verb_under_a_call_is_not_a_second_claim(extract):
    text = "South Africa called on the court to order a halt to the fighting."
    (c,) = extract(text)
    assert c.cue == "called on" and content_of(text, c) == "the court to order a halt to the fighting"


def test_anonymity_requests_are_not_claims(extract):
    text = "The deal is close, said a source who asked not to be named."
    (c,) = extract(text)
    assert c.cue == "said"


def test_a_comment_noun_after_the_content_is_dropped(extract):
    text = "Israel said the blast was caused by a misfired rocket, a claim Hamas denied."
    (c,) = extract(text)
    assert content_of(text, c) == "the blast was caused by a misfired rocket"


def test_citing_before_that_is_not_content(extract):
    text = "Israeli media reported, citing army sources, that the operation would expand."
    (c,) = extract(text)
    assert content_of(text, c) == "the operation would expand" and c.speaker == "Israeli media"


# --- held-out-style sentences --------------------------------------------------------------------
# Invented sentences in the style of the held-out news (wire leads, live-blog bullets, headlines,
# scraper copies, truncated excerpts), each with the claims the quotes_gold conventions would give:
# (content, speaker); [] means no claim. Scored like bench/claims_quality.py: one-to-one content
# match at token F1 >= 0.5, the speaker right by the same word test, and no extra claim.

HELD_OUT_STYLE = [
    # batch 1 (written before any change: 141/160 passed as-is, 142 once the nested "ordering" row was added)
    # --- wire leads and datelines
    ("GAZA, Nov 14 (Reuters) - Israeli tanks reached the gates of the main hospital in Gaza City "
     "overnight, residents said.",
     [("Israeli tanks reached the gates of the main hospital in Gaza City overnight", "residents")]),
    ("JERUSALEM (Reuters) – Israel's military said on Wednesday it had struck more than 200 targets "
     "in the past day.",
     [("it had struck more than 200 targets in the past day", "Israel's military")]),
    ("CAIRO, Oct 21 (AP) — UNRWA said 20 trucks carrying water and medicine crossed into Gaza on Saturday.",
     [("20 trucks carrying water and medicine crossed into Gaza on Saturday", "UNRWA")]),
    ("RAFAH, Gaza Strip (AP) — The first fuel delivery in weeks entered the territory on Wednesday, "
     "Egyptian officials said.",
     [("The first fuel delivery in weeks entered the territory on Wednesday", "Egyptian officials")]),
    ("TEL AVIV, Oct 12 (Reuters) - The IDF said its jets had dropped about 6,000 bombs on Gaza in six days.",
     [("its jets had dropped about 6,000 bombs on Gaza in six days", "The IDF")]),
    ("UNITED NATIONS (AP) — OCHA warned that the water supply in southern Gaza could run out within days.",
     [("the water supply in southern Gaza could run out within days", "OCHA")]),
    ("WASHINGTON, Nov 2 (Reuters) - U.S. Secretary of State Antony Blinken told reporters that "
     "Washington was pressing for humanitarian pauses.",
     [("Washington was pressing for humanitarian pauses", "Antony Blinken")]),
    ("BEIRUT, Oct 15 (Reuters) - Hezbollah fired missiles at five Israeli army posts, the group said "
     "in a statement.",
     [("Hezbollah fired missiles at five Israeli army posts", "the group")]),
    ("GENEVA (AFP) - The WHO said it had lost contact with its staff in northern Gaza.",
     [("it had lost contact with its staff in northern Gaza", "The WHO")]),
    ("KHAN YOUNIS, Gaza Strip, Nov 20 (Reuters) - Palestinian health officials said at least 12 people "
     "were killed in a strike on the Indonesian Hospital.",
     [("at least 12 people were killed in a strike on the Indonesian Hospital", "Palestinian health officials")]),
    ("GAZA (Reuters) - OCHA said fuel shortages had forced the last working bakery in the north to close.",
     [("fuel shortages had forced the last working bakery in the north to close", "OCHA")]),
    ("DOHA, Nov 22 (Reuters) - Qatar's foreign ministry spokesman Majed al-Ansari said the truce would "
     "begin at 10 a.m. on Friday.",
     [("the truce would begin at 10 a.m. on Friday", "Majed al-Ansari")]),

    # --- all-caps acronyms as speakers
    ("UNRWA said 101 of its staff members had been killed since October 7.",
     [("101 of its staff members had been killed since October 7", "UNRWA")]),
    ("CPJ said at least 42 journalists and media workers were among the dead.",
     [("at least 42 journalists and media workers were among the dead", "CPJ")]),
    ("IDF spokesperson Daniel Hagari said troops had found weapons in the hospital basement.",
     [("troops had found weapons in the hospital basement", "Daniel Hagari")]),
    ("OCHA, the UN humanitarian office, reported that 1.5 million people had been displaced.",
     [("1.5 million people had been displaced", "OCHA")]),
    ("The IDF said in a statement that two soldiers were killed in northern Gaza.",
     [("two soldiers were killed in northern Gaza", "The IDF")]),
    ("UNICEF warned that more children could die from dehydration than from the bombing.",
     [("more children could die from dehydration than from the bombing", "UNICEF")]),
    ("WAFA reported that settlers had set fire to three cars near Nablus.",
     [("settlers had set fire to three cars near Nablus", "WAFA")]),

    # --- long speaker names with prepositional phrases
    ("The Committee to Protect Journalists said at least 39 journalists had been killed since the war began.",
     [("at least 39 journalists had been killed since the war began", "The Committee to Protect Journalists")]),
    ("The UN Office for the Coordination of Humanitarian Affairs said only 30 trucks had entered the "
     "enclave on Sunday.",
     [("only 30 trucks had entered the enclave on Sunday",
       "The UN Office for the Coordination of Humanitarian Affairs")]),
    ("The head of the World Health Organization, Tedros Adhanom Ghebreyesus, said the situation at "
     "Al-Shifa was dire.",
     [("the situation at Al-Shifa was dire", "Tedros Adhanom Ghebreyesus")]),
    ("The Palestinian Red Crescent Society said its ambulance convoy came under fire near Al-Quds hospital.",
     [("its ambulance convoy came under fire near Al-Quds hospital", "The Palestinian Red Crescent Society")]),
    ("The Ministry of Health in Gaza said the death toll had risen to 11,240.",
     [("the death toll had risen to 11,240", "The Ministry of Health in Gaza")]),
    ("The Norwegian Refugee Council's secretary general, Jan Egeland, warned that Gaza was becoming "
     "'a graveyard for children'.",
     [("Gaza was becoming 'a graveyard for children'", "Jan Egeland")]),
    ("The director of Al-Aqsa Martyrs Hospital told Al Jazeera that the generators would stop within hours.",
     [("the generators would stop within hours", "The director of Al-Aqsa Martyrs Hospital")]),
    ("Doctors Without Borders said one of its convoys was attacked as it tried to leave Gaza City.",
     [("one of its convoys was attacked as it tried to leave Gaza City", "Doctors Without Borders")]),
    ("The International Committee of the Red Cross said it was ready to help with the release of hostages.",
     [("it was ready to help with the release of hostages", "The International Committee of the Red Cross")]),
    ("The head of the UN agency for Palestinian refugees said the agency was on the verge of collapse.",
     [("the agency was on the verge of collapse", "The head of the UN agency for Palestinian refugees")]),
    ("Save the Children said more than 3,000 children had been killed in three weeks.",
     [("more than 3,000 children had been killed in three weeks", "Save the Children")]),
    ("Médecins Sans Frontières (MSF) said its staff had been forced to flee the hospital.",
     [("its staff had been forced to flee the hospital", "Médecins Sans Frontières (MSF)")]),
    ("The Israel Defense Forces (IDF) said 5,000 rockets had been fired from Gaza.",
     [("5,000 rockets had been fired from Gaza", "The Israel Defense Forces (IDF)")]),
    ("Hamas's armed wing, the Qassam Brigades, said its fighters had clashed with Israeli forces in Beit Hanoun.",
     [("its fighters had clashed with Israeli forces in Beit Hanoun",
       "Hamas's armed wing (the Qassam Brigades)")]),
    ("Mahmoud Basal, spokesman for Gaza's civil defence, said rescuers were digging with their hands.",
     [("rescuers were digging with their hands", "Mahmoud Basal")]),
    ("A spokesman for the U.S. State Department, Matthew Miller, said Washington had seen no evidence of that.",
     [("Washington had seen no evidence of that", "Matthew Miller")]),
    ("Israel's ambassador to the UN, Gilad Erdan, said the resolution was 'a disgrace'.",
     [("the resolution was 'a disgrace'", "Gilad Erdan")]),
    ("Hamas-run health authorities said the toll had passed 14,000.",
     [("the toll had passed 14,000", "Hamas-run health authorities")]),
    ("The Israeli military, which has been conducting raids across the West Bank, said its troops "
     "arrested 60 suspects overnight.",
     [("its troops arrested 60 suspects overnight", "The Israeli military")]),
    ("Netanyahu's office said the cabinet would vote on the deal late on Tuesday.",
     [("the cabinet would vote on the deal late on Tuesday", "Netanyahu's office")]),

    # --- comparative clauses are not attributions
    ("The new tally of 1,200 dead was lower than officials had initially estimated, the foreign ministry said.",
     [("The new tally of 1,200 dead was lower than officials had initially estimated", "the foreign ministry")]),
    ("Flour prices in Rafah are now three times higher than traders had predicted.", []),
    ("More people have fled south than UN agencies had expected.", []),
    ("The fighting has displaced more people than the 1948 war did, the agency said.",
     [("The fighting has displaced more people than the 1948 war did", "the agency")]),
    ("The damage was far worse than satellite images had suggested.", []),

    # --- pronouns
    ("Mr. Kirby spoke to reporters at the White House on Monday. He said the United States did not "
     "support a ceasefire at this time.",
     [("the United States did not support a ceasefire at this time", "Mr. Kirby")]),
    ("The Health Ministry in Gaza released new figures on Tuesday. It said 4,600 children were among the dead.",
     [("4,600 children were among the dead", "The Health Ministry in Gaza")]),
    ("Mark Regev, a senior adviser to the prime minister, spoke to the BBC on Sunday morning. "
     "The interview lasted twenty minutes. Much of it concerned the hostages. "
     "He said Israel would not stop until they were home.",
     [("Israel would not stop until they were home", "Mark Regev")]),
    ("Ismail Haniyeh, the head of Hamas's political bureau, met Qatari mediators in Doha. "
     "In a televised speech later, he said the group was close to a truce deal.",
     [("the group was close to a truce deal", "Ismail Haniyeh")]),
    ("Hamas released a video of three hostages on Monday. It said they were being held in an area "
     "bombed by Israel.",
     [("they were being held in an area bombed by Israel", "Hamas")]),
    ("Mr. Guterres addressed the council on Friday. 'Nothing justifies the collective punishment of "
     "the Palestinian people,' he said.",
     [("Nothing justifies the collective punishment of the Palestinian people", "Mr. Guterres")]),
    ("The Israeli military released footage of the tunnel. It said the shaft was 10 metres deep and "
     "led to a blast door.",
     [("the shaft was 10 metres deep and led to a blast door", "The Israeli military")]),
    ("Sources said Hamas had handed over a list of 50 names. They added that the first release could "
     "happen on Thursday.",
     [("Hamas had handed over a list of 50 names", "Sources"),
      ("the first release could happen on Thursday", "Sources")]),
    ("Dr. Mohammed Abu Salmiya, the director of Al-Shifa, spoke by phone from the hospital. "
     "“There is no water, no food, no electricity,” he told Al Jazeera.",
     [("There is no water, no food, no electricity", "Mohammed Abu Salmiya")]),
    ("Eylon Levy and Ms. Harel briefed the press in Jerusalem. Mr. Levy said the troops were acting on "
     "intelligence. He added that the hospital was a command centre.",
     [("the troops were acting on intelligence", "Mr. Levy"),
      ("the hospital was a command centre", "Mr. Levy")]),
    ("The IDF struck the compound late on Monday. It said the building housed a Hamas command room.",
     [("the building housed a Hamas command room", "The IDF")]),
    ("Philippe Lazzarini visited Rafah on Wednesday.\nHe told reporters the agency had run out of fuel.",
     [("the agency had run out of fuel", "Philippe Lazzarini")]),
    ("Philippe Lazzarini met UNRWA donors in Brussels on Thursday. It said 100 of its workers had been "
     "killed in Gaza.",
     [("100 of its workers had been killed in Gaza", "UNRWA")]),
    ("Palestinian medics pulled 12 bodies from the rubble overnight. They said many more were missing.",
     [("many more were missing", "Palestinian medics")]),
    ("Yahya Sinwar was not seen in public for weeks.\nIsraeli officials said on Sunday that he was "
     "hiding in tunnels under Khan Younis. They said the army was closing in on him.",
     [("he was hiding in tunnels under Khan Younis", "Israeli officials"),
      ("the army was closing in on him", "Israeli officials")]),
    ("Ms. Harris met Arab leaders in Dubai on Saturday. She told them the United States would not "
     "allow the forced displacement of Palestinians.",
     [("the United States would not allow the forced displacement of Palestinians", "Ms. Harris")]),

    # --- parenthetical attributions
    ("The convoy, the Red Crescent said, was carrying medicine and flour for northern Gaza.",
     [("The convoy was carrying medicine and flour for northern Gaza", "the Red Crescent")]),
    ("At least 30 of the dead, according to the health ministry, were children.",
     [("At least 30 of the dead were children", "the health ministry")]),
    ("The hostages, a senior Egyptian official told Reuters on condition of anonymity, would be "
     "released in groups of ten over four days.",
     [("The hostages would be released in groups of ten over four days", "a senior Egyptian official")]),
    ("The aid, officials said, would be distributed by the UN.",
     [("The aid would be distributed by the UN", "officials")]),

    # --- NYT-style '' quotes
    ("''We are running out of everything,'' said Dr. Ahmed Mokhallalati, a surgeon at Al-Shifa.",
     [("We are running out of everything", "Ahmed Mokhallalati")]),
    ("The ambassador said Israel had ''no choice'' but to continue the operation.",
     [("Israel had ''no choice'' but to continue the operation", "The ambassador")]),
    ("''This is a catastrophe,'' the official said. ''There is nowhere safe in Gaza.''",
     [("This is a catastrophe", "the official"), ("There is nowhere safe in Gaza.", "the official")]),
    ("Mr. Blinken said: ''We want to see the pauses extended.''",
     [("We want to see the pauses extended.", "Mr. Blinken")]),

    # --- headlines
    ("Gaza death toll tops 11,000 - ministry\nRescue teams searched the rubble overnight.",
     [("Gaza death toll tops 11,000", "ministry")]),
    ("Hamas frees two more hostages — Qatar\nThe two women crossed into Egypt at Rafah.",
     [("Hamas frees two more hostages", "Qatar")]),
    ("UN agency says half of Gaza's population displaced\nThe agency runs dozens of shelters.",
     [("half of Gaza's population displaced", "UN agency")]),
    ("Over 100 UNRWA staff killed in Gaza: UN chief\nThe agency runs dozens of shelters.",
     [("Over 100 UNRWA staff killed in Gaza", "UN chief")]),
    ("Netanyahu: 'No ceasefire without return of hostages'\nThe cabinet met late on Saturday.",
     [("No ceasefire without return of hostages", "Netanyahu")]),
    ("'Gaza is becoming a graveyard for children': UN chief\nThe council met late on Monday.",
     [("Gaza is becoming a graveyard for children", "UN chief")]),
    ("UN chief says Gaza 'becoming a graveyard for children'\nThe council met late on Monday.",
     [("Gaza 'becoming a graveyard for children'", "UN chief")]),
    ("Israel Says It Struck 450 Targets in Gaza Overnight\nThe strikes hit the north of the strip.",
     [("It Struck 450 Targets in Gaza Overnight", "Israel")]),
    ("Israel-Hamas war: Gaza toll passes 9,000 – health ministry\nAid convoys waited at the border.",
     [("Gaza toll passes 9,000", "health ministry")]),

    # --- long quotations
    ("“We have been here for five days without water. The children are sick. We do not know where to "
     "go,” said Umm Ahmed, a mother of four sheltering at a school in Khan Younis.",
     [("We have been here for five days without water. The children are sick. We do not know where to go",
       "Umm Ahmed")]),
    ("The spokesman said: “The operation will continue. We will not stop until every hostage is home. "
     "Hamas will be destroyed.”",
     [("The operation will continue. We will not stop until every hostage is home. Hamas will be destroyed.",
       "The spokesman")]),
    ("“We are seeing an unprecedented catastrophe,” said Lynn Hastings.\n“Aid is a trickle. People are "
     "drinking sea water.”",
     [("We are seeing an unprecedented catastrophe", "Lynn Hastings"),
      ("Aid is a trickle. People are drinking sea water.", "Lynn Hastings")]),
    ("“We will not be intimidated,” Herzog told CNN in an interview, “and we will not stop until "
     "Hamas is gone.”",
     [("We will not be intimidated", "Herzog"), ("and we will not stop until Hamas is gone.", "Herzog")]),

    # --- X told Y that
    ("A senior Hamas official told Reuters that the group would not release soldiers until a full ceasefire.",
     [("the group would not release soldiers until a full ceasefire", "A senior Hamas official")]),
    ("Egypt's foreign minister told his Israeli counterpart that the Rafah crossing must stay open for aid.",
     [("the Rafah crossing must stay open for aid", "Egypt's foreign minister")]),
    ("Witnesses told AFP that tanks had moved into the eastern part of Khan Younis.",
     [("tanks had moved into the eastern part of Khan Younis", "Witnesses")]),
    ("Residents told the BBC they had received text messages ordering them to leave.",
     [("they had received text messages ordering them to leave", "Residents"),
      ("them to leave", "text messages")]),
    ("“We are not going anywhere,” one resident told Reuters by phone.",
     [("We are not going anywhere", "one resident")]),

    # --- said in a statement
    ("The Palestinian Authority said in a statement that the raid on Jenin was a war crime.",
     [("the raid on Jenin was a war crime", "The Palestinian Authority")]),
    ("Hamas said in a statement on Telegram that 50 hostages had been killed by Israeli strikes.",
     [("50 hostages had been killed by Israeli strikes", "Hamas")]),
    ("In a statement, the European Union said it would triple humanitarian aid to Gaza.",
     [("it would triple humanitarian aid to Gaza", "the European Union")]),
    ("The Israeli prime minister's office said in a statement late on Tuesday that the cabinet had "
     "approved the deal.",
     [("the cabinet had approved the deal", "The Israeli prime minister's office")]),

    # --- according to
    ("According to a statement from the Egyptian presidency, Sisi and Biden agreed to keep the crossing open.",
     [("Sisi and Biden agreed to keep the crossing open", "the Egyptian presidency")]),
    ("Ten trucks of fuel entered the strip, according to a statement from the Palestinian Crossings Authority.",
     [("Ten trucks of fuel entered the strip", "the Palestinian Crossings Authority")]),
    ("According to figures released by the UN, 1.7 million people have been displaced in Gaza.",
     [("1.7 million people have been displaced in Gaza", "the UN")]),
    ("According to the latest OCHA report, 45% of housing units were damaged or destroyed.",
     [("45% of housing units were damaged or destroyed", "the latest OCHA report")]),
    ("According to Israeli media reports, the army has called up 360,000 reservists.",
     [("the army has called up 360,000 reservists", "Israeli media reports")]),
    ("According to Palestinian health officials, at least 50 people were killed in Jabalia, while Israel "
     "said it had targeted a Hamas commander.",
     [("at least 50 people were killed in Jabalia", "Palestinian health officials"),
      ("it had targeted a Hamas commander", "Israel")]),

    # --- citing, quoted as saying
    ("Al Jazeera, citing medical sources, said 22 people were killed in the strike on the school.",
     [("22 people were killed in the strike on the school", "Al Jazeera")]),
    ("Egyptian state TV, citing a source, reported that the truce would be extended by two days.",
     [("the truce would be extended by two days", "Egyptian state TV")]),
    ("Citing health officials, the Wafa news agency said 15 Palestinians had been killed in the West Bank.",
     [("15 Palestinians had been killed in the West Bank", "the Wafa news agency")]),
    ("Gallant was quoted as saying that Gaza would never return to what it was.",
     [("Gaza would never return to what it was", "Gallant")]),
    ("The Times of Israel quoted a senior official as saying the deal was 'very close'.",
     [("the deal was 'very close'", "a senior official")]),
    ("Qatar's prime minister was quoted by Al Arabiya as saying only minor issues remained.",
     [("only minor issues remained", "Qatar's prime minister")]),
    ("Gallant, quoted by his office, said the operation would take months.",
     [("the operation would take months", "Gallant")]),

    # --- agentless passives and unnamed sources
    ("It was reported that two more hostages had been released through the Rafah crossing.",
     [("two more hostages had been released through the Rafah crossing", None)]),
    ("Five people are believed to have been killed in the blast.",
     [("Five people to have been killed in the blast", None)]),
    ("Two security sources said Israeli jets had struck a house in Rafah overnight.",
     [("Israeli jets had struck a house in Rafah overnight", "Two security sources")]),
    ("The deal would see 50 women and children freed, sources familiar with the talks said.",
     [("The deal would see 50 women and children freed", "sources familiar with the talks")]),
    ("Sources close to Hamas told AFP the group was studying the proposal.",
     [("the group was studying the proposal", "Sources close to Hamas")]),
    ("A diplomatic source said negotiations were in their final stages.",
     [("negotiations were in their final stages", "A diplomatic source")]),

    # --- denials, calls, accusations, warnings
    ("Hamas denied the report.", [("the report", "Hamas")]),
    ("The Israeli military denied that its forces had targeted the ambulance.",
     [("its forces had targeted the ambulance", "The Israeli military")]),
    ("Israel denied responsibility for the explosion at the hospital.",
     [("responsibility for the explosion at the hospital", "Israel")]),
    ("Hezbollah denied any involvement in the rocket attack on Kiryat Shmona.",
     [("any involvement in the rocket attack on Kiryat Shmona", "Hezbollah")]),
    ("The army rejected the accusation as 'baseless'.", [("the accusation as 'baseless'", "The army")]),
    ("UN Secretary-General Antonio Guterres called for an immediate humanitarian ceasefire.",
     [("an immediate humanitarian ceasefire", "Antonio Guterres")]),
    ("France and Britain called on Israel to do more to protect civilians.",
     [("Israel to do more to protect civilians", "France and Britain")]),
    ("Arab leaders urged the international community to stop the war.",
     [("the international community to stop the war", "Arab leaders")]),
    ("The ministry urged residents of northern Gaza to move south of Wadi Gaza.",
     [("residents of northern Gaza to move south of Wadi Gaza", "The ministry")]),
    ("Israel accused Hamas of using hospitals as command centres.",
     [("Hamas of using hospitals as command centres", "Israel")]),
    ("Hamas accused Israel of deliberately targeting civilians in Jabalia.",
     [("Israel of deliberately targeting civilians in Jabalia", "Hamas")]),
    ("The Palestinian foreign ministry blamed Israel for the deaths of the 15 aid workers.",
     [("Israel for the deaths of the 15 aid workers", "The Palestinian foreign ministry")]),
    ("Human Rights Watch said the evacuation order could amount to forcible transfer, accusing Israel "
     "of violating the laws of war.",
     [("the evacuation order could amount to forcible transfer", "Human Rights Watch"),
      ("Israel of violating the laws of war", "Human Rights Watch")]),
    ("The WHO warned of a rising risk of disease outbreaks in overcrowded shelters.",
     [("a rising risk of disease outbreaks in overcrowded shelters", "The WHO")]),
    ("Israel's defence minister warned Hezbollah not to test Israel.",
     [("Hezbollah not to test Israel", "Israel's defence minister")]),
    ("Aid agencies have warned for weeks that the health system is on the verge of collapse.",
     [("the health system is on the verge of collapse", "Aid agencies")]),
    ("The Israeli army on Friday told 1.1 million people to evacuate northern Gaza within 24 hours.",
     [("1.1 million people to evacuate northern Gaza within 24 hours", "The Israeli army")]),
    ("Biden said Israel must take every precaution to protect civilians, adding that Hamas did not "
     "represent the Palestinian people.",
     [("Israel must take every precaution to protect civilians", "Biden"),
      ("Hamas did not represent the Palestinian people", "Biden")]),
    ("Hostage families said they would march to Jerusalem.",
     [("they would march to Jerusalem", "Hostage families")]),

    # --- social media
    ("Israeli Foreign Minister Eli Cohen tweeted that the UN chief should resign.",
     [("the UN chief should resign", "Eli Cohen")]),
    ("Netanyahu posted on X: “We will bring them home.”",
     [("We will bring them home.", "Netanyahu")]),
    ("In a post on social media, the Israeli military said it had killed a Hamas commander in Khan Younis.",
     [("it had killed a Hamas commander in Khan Younis", "the Israeli military")]),
    ("Writing on X, formerly Twitter, Jordan's Queen Rania said the world was watching.",
     [("the world was watching", "Queen Rania")]),
    ("The group posted on Telegram that its fighters had destroyed three tanks.",
     [("its fighters had destroyed three tanks", "The group")]),
    ("“The world must act now,” UNRWA chief Philippe Lazzarini wrote on X.",
     [("The world must act now", "Philippe Lazzarini")]),

    # --- live-blog bullets
    ("• Israel says it has killed 50 Hamas fighters in 24 hours",
     [("it has killed 50 Hamas fighters in 24 hours", "Israel")]),
    ("- UN says 1.5m people displaced in Gaza", [("1.5m people displaced in Gaza", "UN")]),
    ("* Biden says he discussed hostage release with Qatari emir",
     [("he discussed hostage release with Qatari emir", "Biden")]),
    ("12:45 GMT – Hamas says 32 killed in strikes on Jabalia",
     [("32 killed in strikes on Jabalia", "Hamas")]),
    ("Key points:\n- Death toll in Gaza passes 10,000, health ministry says\n- Israel says Gaza City encircled",
     [("Death toll in Gaza passes 10,000", "health ministry"), ("Gaza City encircled", "Israel")]),

    # --- truncated excerpts and broken quotes
    ("said the hospital had been without power since Saturday.",
     [("the hospital had been without power since Saturday", None)]),
    ("The UN's humanitarian chief Martin Griffiths said the situation in Gaza was",
     [("the situation in Gaza was", "Martin Griffiths")]),
    ("“We have lost 30 colleagues in three weeks and we", []),
    ("Israeli troops found a tunnel shaft under the hospital compound, the army", []),
    ("“We will not leave our homes, said Abu Khaled, 63, standing outside his damaged house in Deir al-Balah.",
     [("We will not leave our homes", "Abu Khaled")]),
    ("The ministry said the strike was “a massacre and a war crime.\nRescue teams worked overnight.",
     [("the strike was “a massacre and a war crime.", "The ministry")]),
    ("“It's a catastrophe,\" the doctor said.", [("It's a catastrophe", "the doctor")]),

    # --- other attributions
    ("“There is no safe place in Gaza,” said James Elder, a UNICEF spokesperson.",
     [("There is no safe place in Gaza", "James Elder")]),
    ("Speaking at a news conference in Tel Aviv, Mr. Netanyahu said there would be no ceasefire without "
     "the release of the hostages.",
     [("there would be no ceasefire without the release of the hostages", "Mr. Netanyahu")]),
    ("Britain's Foreign Secretary James Cleverly said he had raised the issue with his Israeli counterpart.",
     [("he had raised the issue with his Israeli counterpart", "James Cleverly")]),
    ("Hagari told a televised briefing: “We are tightening the encirclement of Gaza City.”",
     [("We are tightening the encirclement of Gaza City.", "Hagari")]),
    ("The report, published on Monday, shows a sharp rise in arrests.",
     [("a sharp rise in arrests", "The report")]),
    ("The Red Cross said it had received 12 hostages from Hamas and transferred them to Egypt, a process "
     "it described as “complex and delicate.”",
     [("it had received 12 hostages from Hamas and transferred them to Egypt", "The Red Cross"),
      ("“complex and delicate.”", "The Red Cross")]),

    # --- no claim
    ("The UN Security Council will meet on Friday to discuss the crisis.", []),
    ("Israel declared war on Hamas on October 8.", []),
    ("The United States vetoed the resolution.", []),
    ("Hamas did not respond to a request for comment.", []),
    ("The army declined to comment on the report.", []),
    ("The talks are expected to resume next week.", []),
    ("Reuters could not independently verify the claims.", []),
    ("The ministry, which is run by Hamas, does not distinguish between civilians and combatants.", []),
    # batch 2 (written after the first round of fixes: 62/67 passed before the second)
    # wire leads
    ("JERUSALEM, Dec 3 (Reuters) - Israel's military said on Sunday its forces had begun ground "
     "operations in southern Gaza.",
     [("its forces had begun ground operations in southern Gaza", "Israel's military")]),
    ("CAIRO (AP) — Egypt's state-run Al-Qahera News said 14 trucks carrying fuel would cross on Friday.",
     [("14 trucks carrying fuel would cross on Friday", "Egypt's state-run Al-Qahera News")]),
    ("NABLUS, West Bank, Nov 9 (Reuters) - Israeli troops killed two Palestinians in a raid on the "
     "Balata camp, the Palestinian health ministry said.",
     [("Israeli troops killed two Palestinians in a raid on the Balata camp", "the Palestinian health ministry")]),
    ("GAZA, Oct. 25 (Xinhua) -- The death toll from Israeli airstrikes on Gaza has risen to 6,546, "
     "the Hamas-run health ministry said Wednesday.",
     [("The death toll from Israeli airstrikes on Gaza has risen to 6,546", "the Hamas-run health ministry")]),
    ("TEL AVIV (AFP) - ICRC president Mirjana Spoljaric said she had met Hamas leaders in Qatar.",
     [("she had met Hamas leaders in Qatar", "Mirjana Spoljaric")]),
    ("UNITED NATIONS, Nov 15 (Reuters) - The U.N. Security Council called for urgent and extended "
     "humanitarian pauses in Gaza.",
     [("urgent and extended humanitarian pauses in Gaza", "The U.N. Security Council")]),
    # acronyms and long names
    ("WFP said only 10 per cent of the food needed had entered Gaza since the siege began.",
     [("only 10 per cent of the food needed had entered Gaza since the siege began", "WFP")]),
    ("The IDF's Home Front Command told residents of the south to remain near shelters.",
     [("residents of the south to remain near shelters", "The IDF's Home Front Command")]),
    ("The Office of the UN High Commissioner for Human Rights said the strike could amount to a war crime.",
     [("the strike could amount to a war crime", "The Office of the UN High Commissioner for Human Rights")]),
    ("“The hospital is no longer functioning,” the World Health Organization said in a statement.",
     [("The hospital is no longer functioning", "the World Health Organization")]),
    ("The Palestinian Centre for Human Rights reported that 40 families had lost three or more members.",
     [("40 families had lost three or more members", "The Palestinian Centre for Human Rights")]),
    ("HRW said the attack on the convoy appeared to be a violation of the laws of war.",
     [("the attack on the convoy appeared to be a violation of the laws of war", "HRW")]),
    ("The Council on American-Islamic Relations said it had received 774 complaints in a month.",
     [("it had received 774 complaints in a month", "The Council on American-Islamic Relations")]),
    # pronouns and descriptions
    ("Volker Türk arrived in Rafah on Wednesday. He said what he had seen at the crossing was "
     "“heartbreaking”.",
     [("what he had seen at the crossing was “heartbreaking”", "Volker Türk")]),
    ("The Israeli army published a map dividing Gaza into hundreds of zones. It said residents should "
     "follow the instructions for their area.",
     [("residents should follow the instructions for their area", "The Israeli army")]),
    ("Defence Minister Yoav Gallant visited troops near the border on Thursday.\n“This will be a long war,” "
     "the minister said.",
     [("This will be a long war", "Yoav Gallant")]),
    ("Nasser Hospital's director, Dr. Naheed Abu Taima, described the situation as desperate. "
     "She said 60 patients were waiting for surgery.",
     [("the situation as desperate", "Naheed Abu Taima"),
      ("60 patients were waiting for surgery", "Naheed Abu Taima")]),
    ("Relatives of the hostages gathered outside the defence ministry in Tel Aviv. They demanded a "
     "meeting with the war cabinet.",
     [("a meeting with the war cabinet", "Relatives of the hostages")]),
    # parenthetical and trailing attributions
    ("The strike, witnesses said, flattened two residential buildings.",
     [("The strike flattened two residential buildings", "witnesses")]),
    ("Around 300 trucks a day are needed, aid agencies say, compared with fewer than 100 now.",
     [("Around 300 trucks a day are needed, compared with fewer than 100 now", "aid agencies")]),
    ("More than 1.5 million people have fled their homes, the UN estimates.",
     [("More than 1.5 million people have fled their homes", "the UN")]),
    ("Israel has said the operation will continue until Hamas is destroyed.",
     [("the operation will continue until Hamas is destroyed", "Israel")]),
    # quotes
    ("“We do not have body bags any more,” said Mohammed Zaqout, director of Gaza's hospitals. "
     "“We are wrapping the dead in sheets.”",
     [("We do not have body bags any more", "Mohammed Zaqout"),
      ("We are wrapping the dead in sheets.", "Mohammed Zaqout")]),
    ("''There is no safe zone,'' said a spokeswoman for UNRWA, Juliette Touma.",
     [("There is no safe zone", "Juliette Touma")]),
    ("The minister described the attack as ''a pogrom'' and vowed revenge.",
     [("the attack as ''a pogrom''", "The minister"), ("revenge", "The minister")]),
    ("She told the BBC: “I have not heard from my brother in three weeks.”",
     [("I have not heard from my brother in three weeks.", None)]),
    ("“We're being slaughtered,” a man shouted as rescuers pulled bodies from the rubble.",
     [("We're being slaughtered", "a man")]),
    # headlines and bullets
    ("West Bank violence: 8 Palestinians killed in Israeli raids - Wafa\nThe raids began at dawn.",
     [("8 Palestinians killed in Israeli raids", "Wafa")]),
    ("Truce extended by two days, Qatar says\nMediators worked overnight.",
     [("Truce extended by two days", "Qatar")]),
    ("'We will fight until victory': Netanyahu\nThe army said troops reached Khan Younis.",
     [("We will fight until victory", "Netanyahu"), ("troops reached Khan Younis", "The army")]),
    ("• WHO says Al-Shifa hospital is a 'death zone'",
     [("Al-Shifa hospital is a 'death zone'", "WHO")]),
    ("- Hamas says 4 more hostages to be freed Saturday",
     [("4 more hostages to be freed Saturday", "Hamas")]),
    ("Israel army says it killed Hamas commander behind Oct 7 attack\nThe strike hit a tunnel.",
     [("it killed Hamas commander behind Oct 7 attack", "Israel army")]),
    # said in a statement / according to / citing / quoted
    ("The Qatari foreign ministry said in a statement on Tuesday that the truce had been extended by 48 hours.",
     [("the truce had been extended by 48 hours", "The Qatari foreign ministry")]),
    ("According to the Israeli prime minister's office, 239 hostages are being held in Gaza.",
     [("239 hostages are being held in Gaza", "the Israeli prime minister's office")]),
    ("About 700 people were killed overnight, according to figures from the Gaza health ministry.",
     [("About 700 people were killed overnight", "the Gaza health ministry")]),
    ("Kan public broadcaster, citing Israeli officials, reported that the deal could be signed within hours.",
     [("the deal could be signed within hours", "Kan public broadcaster")]),
    ("Abu Obeida, the spokesman for the Qassam Brigades, was quoted as saying that the group had "
     "captured more soldiers.",
     [("the group had captured more soldiers", "Abu Obeida")]),
    ("Al-Arabiya quoted Egyptian sources as saying the crossing would reopen on Monday.",
     [("the crossing would reopen on Monday", "Egyptian sources")]),
    # passive / sources
    ("It is understood that the first group of hostages will be handed to the Red Cross.", []),
    ("The soldiers were said to be in stable condition.",
     [("The soldiers to be in stable condition", None)]),
    ("Officials familiar with the negotiations said a deal was within reach.",
     [("a deal was within reach", "Officials familiar with the negotiations")]),
    ("A source briefed on the talks told Reuters that Israel had accepted the draft.",
     [("Israel had accepted the draft", "A source briefed on the talks")]),
    # denials, calls, accusations, warnings
    ("Israel rejected the claim, saying its troops had not fired on the convoy.",
     [("the claim", "Israel"), ("its troops had not fired on the convoy", "Israel")]),
    ("Hamas dismissed the allegation as a lie.", [("the allegation as a lie", "Hamas")]),
    ("South Africa called on the International Court of Justice to order a halt to the fighting.",
     [("the International Court of Justice to order a halt to the fighting", "South Africa")]),
    ("The Pope called for the release of all hostages.", [("the release of all hostages", "The Pope")]),
    ("The Israeli military warned residents not to return to the north.",
     [("residents not to return to the north", "The Israeli military")]),
    ("UNICEF's executive director warned that Gaza had become the most dangerous place in the world "
     "to be a child.",
     [("Gaza had become the most dangerous place in the world to be a child", "UNICEF's executive director")]),
    ("Turkey's president accused Israel of committing war crimes and called Hamas a liberation group.",
     [("Israel of committing war crimes", "Turkey's president"),
      ("Hamas a liberation group", "Turkey's president")]),
    ("Jordan blamed Israel for the strike on the field hospital.",
     [("Israel for the strike on the field hospital", "Jordan")]),
    ("The Houthis threatened to target any ship heading to Israel.",
     [("to target any ship heading to Israel", "The Houthis")]),
    # social media
    ("Gallant wrote on X that the army would act \"with full force\".",
     [("the army would act \"with full force\"", "Gallant")]),
    ("In a video posted on Telegram, the group's spokesman said three hostages had been killed.",
     [("three hostages had been killed", "the group's spokesman")]),
    ("Posting on Instagram, Bella Hadid said she could not stay silent.",
     [("she could not stay silent", "Bella Hadid")]),
    # truncated / broken
    ("adding that the army would expand the operation in the coming",
     [("the army would expand the operation in the coming", None)]),
    ("The ministry said 13 people were killed and dozens wounded in the strike on",
     [("13 people were killed and dozens wounded in the strike on", "The ministry")]),
    ("“The situation is catastrophic,\" said Richard Peeperkorn, the WHO representative.",
     [("The situation is catastrophic", "Richard Peeperkorn")]),
    ("said the Israeli military, which did not give details.", []),
    # comparatives and negatives
    ("The number of dead is higher than the ministry initially reported.", []),
    ("Fewer trucks entered on Monday than the UN had hoped.", []),
    ("The convoy was larger than any that had crossed before, an Egyptian official said.",
     [("The convoy was larger than any that had crossed before", "an Egyptian official")]),
    ("Israel and Hamas agreed to a four-day truce.", []),
    ("The foreign minister will travel to Cairo on Sunday.", []),
    ("The army did not say how many soldiers were wounded.", []),
    ("Police declined to give details of the arrests.", []),
    ("A ceasefire resolution was vetoed by the United States.", []),
    # batch 3 (written after the second round of fixes: 43/51 passed before the third)
    ("GAZA CITY, Nov 8 (Reuters) - Israeli forces were fighting Hamas militants in the heart of Gaza City, "
     "Israel's defence minister said on Wednesday.",
     [("Israeli forces were fighting Hamas militants in the heart of Gaza City", "Israel's defence minister")]),
    ("Deir al-Balah, Gaza Strip – Dozens of people were killed overnight in strikes on homes in the "
     "central Gaza Strip, medics said.",
     [("Dozens of people were killed overnight in strikes on homes in the central Gaza Strip", "medics")]),
    ("ISTANBUL (AP) — Turkish President Recep Tayyip Erdogan on Wednesday called Israel a “terror state”.",
     [("Israel a “terror state”", "Recep Tayyip Erdogan")]),
    ("NEW DELHI: India's external affairs ministry said it was deeply concerned about the deaths of civilians.",
     [("it was deeply concerned about the deaths of civilians", "India's external affairs ministry")]),
    ("UNFPA estimated that 50,000 pregnant women in Gaza lacked access to basic health services.",
     [("50,000 pregnant women in Gaza lacked access to basic health services", "UNFPA")]),
    ("The United Nations Relief and Works Agency for Palestine Refugees said 13,000 people were sheltering "
     "in a single school.",
     [("13,000 people were sheltering in a single school",
       "The United Nations Relief and Works Agency for Palestine Refugees")]),
    ("The Israeli military's chief spokesman, Rear Admiral Daniel Hagari, said troops had killed dozens "
     "of militants.",
     [("troops had killed dozens of militants", "Daniel Hagari")]),
    ("The army's Arabic-language spokesman posted a map on X telling residents of eastern Khan Younis to leave.",
     [("residents of eastern Khan Younis to leave", "The army's Arabic-language spokesman")]),
    ("Qatar, which has mediated between the two sides, said talks on a longer truce were continuing.",
     [("talks on a longer truce were continuing", "Qatar")]),
    ("Mr. Sullivan met Israeli officials in Tel Aviv on Thursday. He told them Washington wanted the "
     "intense phase of the war to end within weeks.",
     [("Washington wanted the intense phase of the war to end within weeks", "Mr. Sullivan")]),
    ("The Palestinian Red Crescent lost contact with its teams in Gaza on Friday. It said the blackout "
     "made it impossible to reach the wounded.",
     [("the blackout made it impossible to reach the wounded", "The Palestinian Red Crescent")]),
    ("Hostage families held a rally in Tel Aviv. They urged the government to accept any deal that would "
     "bring their relatives home.",
     [("the government to accept any deal that would bring their relatives home", "Hostage families")]),
    ("Dr. Marwan al-Hams runs the hospitals in Rafah.\n“We are treating patients on the floor,” he said. "
     "“There are no beds left.”",
     [("We are treating patients on the floor", "Marwan al-Hams"), ("There are no beds left.", "Marwan al-Hams")]),
    ("“I lost my husband and my three sons,” said Amal, 52, who asked that her full name not be used.",
     [("I lost my husband and my three sons", "Amal")]),
    ("The statement said the strike targeted a Hamas command centre.",
     [("the strike targeted a Hamas command centre", "The statement")]),
    ("A video released by the Qassam Brigades showed a hostage saying she had been held for 50 days.",
     [("she had been held for 50 days", "a hostage")]),
    ("Biden told reporters at the White House he was hopeful the hostages would be released soon.",
     [("he was hopeful the hostages would be released soon", "Biden")]),
    ("Israel's Channel 12 reported that the security cabinet would meet again on Sunday.",
     [("the security cabinet would meet again on Sunday", "Israel's Channel 12")]),
    ("Hamas official Basem Naim told the BBC: “We are ready for a comprehensive deal.”",
     [("We are ready for a comprehensive deal.", "Basem Naim")]),
    ("In an interview with CNN, Jordan's foreign minister said the siege was a war crime.",
     [("the siege was a war crime", "Jordan's foreign minister")]),
    ("The Egyptian foreign ministry condemned the strike as a flagrant violation of international law.",
     [("the strike as a flagrant violation of international law", "The Egyptian foreign ministry")]),
    ("Macron urged Israel to stop bombing civilians, saying there was “no justification” for it.",
     [("Israel to stop bombing civilians", "Macron"), ("there was “no justification” for it", "Macron")]),
    ("The Israeli military said it was investigating the incident.",
     [("it was investigating the incident", "The Israeli military")]),
    ("Israel has repeatedly accused Hamas of hiding weapons in schools, which Hamas denies.",
     [("Hamas of hiding weapons in schools", "Israel")]),
    ("Gaza health ministry: death toll rises to 15,207\nRescuers searched for survivors.",
     [("death toll rises to 15,207", "Gaza health ministry")]),
    ("Live: Israel says troops reach centre of Khan Younis\nThe army released footage of the operation.",
     [("troops reach centre of Khan Younis", "Israel")]),
    ("Hezbollah says it attacked Israeli positions near the border — live\nSirens sounded in the north.",
     [("it attacked Israeli positions near the border", "Hezbollah")]),
    ("WHO chief: Gaza health system 'on its knees'\nThe agency has called for a ceasefire.",
     [("Gaza health system 'on its knees'", "WHO chief"), ("a ceasefire", "The agency")]),
    ("- Hostage deal: 13 Israelis freed, Qatar says",
     [("13 Israelis freed", "Qatar")]),
    ("According to Reuters, citing two sources, the talks stalled over the list of prisoners.",
     [("the talks stalled over the list of prisoners", "Reuters")]),
    ("The toll could not be independently verified.", []),
    ("Israeli media reported, citing army sources, that the operation would expand south.",
     [("the operation would expand south", "Israeli media")]),
    ("Hamas is believed to be holding around 240 people.",
     [("Hamas to be holding around 240 people", None)]),
    ("Palestinian officials say more than 200 people have been killed in the West Bank since October 7.",
     [("more than 200 people have been killed in the West Bank since October 7", "Palestinian officials")]),
    ("Sources in Cairo said Egypt had proposed a three-stage plan.",
     [("Egypt had proposed a three-stage plan", "Sources in Cairo")]),
    ("Hamas denied that it had used the hospital as a base.",
     [("it had used the hospital as a base", "Hamas")]),
    ("Netanyahu rejected calls for a ceasefire, saying it would amount to surrender.",
     [("calls for a ceasefire", "Netanyahu"), ("it would amount to surrender", "Netanyahu")]),
    ("The UN chief warned the Security Council of a humanitarian catastrophe.",
     [("the Security Council of a humanitarian catastrophe", "The UN chief")]),
    ("Iran's foreign minister threatened that the region could “spiral out of control”.",
     [("the region could “spiral out of control”", "Iran's foreign minister")]),
    ("“We have no fuel, no power, no water,” UNRWA's Thomas White wrote in a post on X.",
     [("We have no fuel, no power, no water", "Thomas White")]),
    ("A Hamas spokesman said on Telegram that the group had fired rockets at Tel Aviv.",
     [("the group had fired rockets at Tel Aviv", "A Hamas spokesman")]),
    ("said the situation was getting worse by the hour.",
     [("the situation was getting worse by the hour", None)]),
    ("“It's like a horror film,\" one nurse said, \"there is blood everywhere.",
     [("It's like a horror film", "one nurse"), ("there is blood everywhere.", "one nurse")]),
    ("Officials said the number of dead was likely higher than reported.",
     [("the number of dead was likely higher than reported", "Officials")]),
    ("The number of people displaced is larger than in any previous war, the agency said.",
     [("The number of people displaced is larger than in any previous war", "the agency")]),
    ("Israel dropped leaflets over Khan Younis warning residents to head to Rafah.",
     [("residents to head to Rafah", "Israel")]),
    ("Aid groups have long called for the Kerem Shalom crossing to be opened.",
     [("the Kerem Shalom crossing to be opened", "Aid groups")]),
    ("The foreign ministry spokeswoman told a news briefing in Beijing that China opposed any harm to civilians.",
     [("China opposed any harm to civilians", "The foreign ministry spokeswoman")]),
    ("Hamas fighters killed about 1,200 people on October 7, according to Israeli tallies.",
     [("Hamas fighters killed about 1,200 people on October 7", "Israeli tallies")]),
    ("The ceasefire took effect at 7 a.m. on Friday.", []),
    ("Residents said they had not eaten for two days.",
     [("they had not eaten for two days", "Residents")]),
    # batch 4 (scraper-site oddities, written after the third round: 38/39 passed before the fourth;
    # the one miss was a nested stance the gold conventions count, so its expectation was corrected)
    ("By Reuters Staff\nGAZA (Reuters) - Israeli strikes killed 30 people in Rafah overnight, the "
     "Palestinian health ministry said.",
     [("Israeli strikes killed 30 people in Rafah overnight", "the Palestinian health ministry")]),
    ("Israel says it has killed 50 Hamas fighters.The army said troops also found three tunnel shafts.",
     [("it has killed 50 Hamas fighters", "Israel"), ("troops also found three tunnel shafts", "The army")]),
    ("ISRAEL SAYS GAZA CITY IS ENCIRCLED\nThe army said troops had reached the coast.",
     [("GAZA CITY IS ENCIRCLED", "ISRAEL"), ("troops had reached the coast", "The army")]),
    ("Photo: AFP\nThe UN said 1.6 million people had been displaced.",
     [("1.6 million people had been displaced", "The UN")]),
    ("Read more: Israel says Hamas used hospital as base\nThe WHO said it could not verify the claim.",
     [("Hamas used hospital as base", "Israel"), ("it could not verify the claim", "The WHO")]),
    ("The UN’s humanitarian office said aid deliveries had stopped… It gave no further details.",
     [("aid deliveries had stopped", "The UN’s humanitarian office")]),
    ("“We are exhausted,” said Dr. Ahmed al-Farra, head of pediatrics at Nasser Hospital. “Every day "
     "we receive dozens of children.”",
     [("We are exhausted", "Ahmed al-Farra"), ("Every day we receive dozens of children.", "Ahmed al-Farra")]),
    ("Egyptian President Abdel Fattah al-Sisi told U.S. Secretary of State Antony Blinken on Saturday "
     "that Egypt would not accept the displacement of Palestinians into Sinai.",
     [("Egypt would not accept the displacement of Palestinians into Sinai", "Abdel Fattah al-Sisi")]),
    ("The IDF spokesperson's unit said in a statement: \"IDF troops are operating in the area.\"",
     [("IDF troops are operating in the area.", "The IDF spokesperson's unit")]),
    ("Speaking to reporters in Doha, Qatari Prime Minister Mohammed bin Abdulrahman Al Thani said the "
     "deal had been delayed by “practical” issues.",
     [("the deal had been delayed by “practical” issues", "Mohammed bin Abdulrahman Al Thani")]),
    ("A spokesperson for Hamas's armed wing said in a video statement that the group had lost contact "
     "with the captors.",
     [("the group had lost contact with the captors", "A spokesperson for Hamas's armed wing")]),
    ("In its daily update, OCHA said 1.8 million people in Gaza were displaced.",
     [("1.8 million people in Gaza were displaced", "OCHA")]),
    ("The Times of Israel reported that the cabinet was divided over the deal.",
     [("the cabinet was divided over the deal", "The Times of Israel")]),
    ("Eyewitnesses told Al Jazeera that Israeli snipers fired at people trying to flee the hospital.",
     [("Israeli snipers fired at people trying to flee the hospital", "Eyewitnesses")]),
    ("Blinken, who is on his third trip to the region since October 7, said the United States wanted "
     "more aid to reach Gaza.",
     [("the United States wanted more aid to reach Gaza", "Blinken")]),
    ("UNRWA Commissioner-General Philippe Lazzarini said: \"Gaza is on the brink of collapse.\"",
     [("Gaza is on the brink of collapse.", "Philippe Lazzarini")]),
    ("The army, in a statement, said two reservists were killed in the fighting.",
     [("two reservists were killed in the fighting", "The army")]),
    ("Israel's foreign ministry called the UN resolution \"despicable\".",
     [("the UN resolution \"despicable\"", "Israel's foreign ministry")]),
    ("At least 18 people were killed, including six children, according to Wafa.",
     [("At least 18 people were killed, including six children", "Wafa")]),
    ("Netanyahu, in a televised address, vowed to “crush” Hamas.",
     [("to “crush” Hamas", "Netanyahu")]),
    ("The Israeli army has said it is targeting Hamas infrastructure and takes steps to avoid civilian "
     "casualties.",
     [("it is targeting Hamas infrastructure and takes steps to avoid civilian casualties", "The Israeli army")]),
    ("“It's a massacre,” he said.", [("It's a massacre", None)]),
    ("Hamas said in a statement it had handed over two elderly women “for humanitarian reasons”.",
     [("it had handed over two elderly women “for humanitarian reasons”", "Hamas")]),
    ("A senior U.S. official, speaking on condition of anonymity, said Washington expected more "
     "hostages to be freed.",
     [("Washington expected more hostages to be freed", "A senior U.S. official"),
      ("more hostages to be freed", "Washington")]),
    ("Palestinian Foreign Minister Riyad al-Maliki accused Israel of \"genocide\" in a speech to the UN.",
     [("Israel of \"genocide\"", "Riyad al-Maliki")]),
    ("The strike hit a residential building, according to residents and a Reuters journalist.",
     [("The strike hit a residential building", "residents and a Reuters journalist")]),
    ("Hamas official Izzat al-Rishq said: 'The occupation will pay a heavy price.'",
     [("The occupation will pay a heavy price.", "Izzat al-Rishq")]),
    ("Images shared on social media showed plumes of smoke over Khan Younis.", []),
    ("The ministry's spokesman, Ashraf al-Qudra, told a news conference that the toll had reached 8,005.",
     [("the toll had reached 8,005", "Ashraf al-Qudra")]),
    ("Gallant warned Hezbollah on Monday that Beirut could suffer the fate of Gaza.",
     [("Hezbollah on Monday that Beirut could suffer the fate of Gaza", "Gallant")]),
    ("Reuters could not immediately verify the report.", []),
    ("The Israeli military said on X that it had struck a Hezbollah observation post, without giving details.",
     [("it had struck a Hezbollah observation post", "The Israeli military")]),
    ("Residents of Jabalia said there was no water, food or medicine left in the camp, and that people "
     "were drinking salty water.",
     [("there was no water, food or medicine left in the camp, and that people were drinking salty water",
       "Residents of Jabalia")]),
    ("“The world is watching,” tweeted Josep Borrell, the EU foreign policy chief.",
     [("The world is watching", "Josep Borrell")]),
    ("Hamas fighters, the group said, had destroyed 20 military vehicles.",
     [("Hamas fighters had destroyed 20 military vehicles", "the group")]),
    ("The White House said Biden and Netanyahu had discussed the hostage talks by phone.",
     [("Biden and Netanyahu had discussed the hostage talks by phone", "The White House")]),
    ("The death toll rose to 10,022, the ministry's spokesman Ashraf al-Qudra told reporters.",
     [("The death toll rose to 10,022", "Ashraf al-Qudra")]),
    ("Israel Defence Forces spokesman Lt. Col. Richard Hecht said the operation would last "
     "\"as long as it takes\".",
     [("the operation would last \"as long as it takes\"", "Richard Hecht")]),
    ("Gaza's government media office said Israel had dropped 25,000 tonnes of explosives on the strip.",
     [("Israel had dropped 25,000 tonnes of explosives on the strip", "Gaza's government media office")]),
]

@pytest.fixture(scope="module")
def extract_production():
    """The production path: the pipeline's sentence filter plus the second look for new names."""
    from dateline.analyze import pipeline

    nlp.load()

    def run(text):
        doc = next(nlp.parse([text], needs_parse=pipeline.needs_parse, second_look=pipeline.needs_ner))
        found = claims_mod.extract_claims(doc, "t")
        for c in found:
            _check_invariants(text, c)
        return found

    return run


_STOP = {"a", "an", "the", "of", "for", "in", "on", "at", "to", "and", "s", "mr", "mrs", "ms", "dr"}


def _words(text):
    return re.findall(r"\w+", (text or "").lower())


def _token_f1(a, b):
    common = sum((Counter(a) & Counter(b)).values())
    if not common:
        return 0.0
    p, r = common / len(a), common / len(b)
    return 2 * p * r / (p + r)


def _speaker_variants(name):
    name = re.sub(r"['’]s\b", "", name)
    variants = [name, re.sub(r"\([^)]*\)", " ", name)] + re.findall(r"\(([^)]*)\)", name)
    return [w for w in ([x for x in _words(v) if x not in _STOP] for v in variants) if w]


def _speaker_ok(pred, gold):
    if pred is None or gold is None:
        return pred is None and gold is None
    return any(_token_f1(p, g) >= 0.5 and (p[-1] in g or g[-1] in p)
               for p in _speaker_variants(pred) for g in _speaker_variants(gold))


def _pairs(text, found, expected):
    scored = sorted(((_token_f1(_words(content_of(text, c)), _words(content)), i, j)
                     for i, c in enumerate(found) for j, (content, _) in enumerate(expected)), reverse=True)
    used_found, used_expected, pairs = set(), set(), []
    for f1, i, j in scored:
        if f1 >= 0.5 and i not in used_found and j not in used_expected:
            used_found.add(i)
            used_expected.add(j)
            pairs.append((i, j))
    return pairs


@pytest.mark.parametrize("text, expected", HELD_OUT_STYLE, ids=lambda v: v[:40] if isinstance(v, str) else "")
def test_held_out_style(extract_production, text, expected):
    found = extract_production(text)
    got = [(content_of(text, c), c.speaker, c.cue) for c in found]
    pairs = _pairs(text, found, expected)
    assert len(pairs) == len(expected) == len(found), f"found {got}"
    for i, j in pairs:
        assert _speaker_ok(found[i].speaker, expected[j][1]), f"speaker of {got[i]} should be {expected[j][1]!r}"


@pytest.mark.parametrize("text", ["Nobody claimed the attack on the depot.",
                                  "No one claimed responsibility for the blast at the port.",
                                  "No official confirmed the report on Tuesday."])
def test_a_speaker_saying_no_one_spoke_makes_no_claim(extract, text):
    assert extract(text) == []


@pytest.mark.parametrize("text,speaker", [("An official confirmed the report on Tuesday.", "An official"),
                                          ("No 10 said the prime minister would chair the meeting.", "No 10"),
                                          ("No 10 Downing Street said the talks would go on.", "No 10 Downing Street")])
def test_a_speaker_that_is_not_no_one_still_speaks(extract, text, speaker):
    (c,) = extract(text)
    assert c.speaker == speaker
