"""Attributed claims: forms, exact offsets, speaker resolution, negatives, robustness.

All texts are invented for these tests.
"""
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
