"""Entity mentions and their canonical names across articles."""
from __future__ import annotations

import datetime as dt


from dateline.analyze.pipeline import analyze_text
from dateline.consolidate import aliases
from dateline.records import Mention, Span


def m(doc, start, text, kind, label=None, alias_of=None):
    return Mention(Span(doc, start, start + len(text)), text, label or {"person": "PERSON", "organisation": "ORG",
                                                                        "place": "GPE", "group": "NORP"}[kind],
                   kind, alias_of=alias_of)


def groups(mentions):
    rows, assignment = aliases.consolidate(mentions)
    by_id = {r["id"]: r for r in rows}
    return rows, {mention.text: by_id[assignment[(mention.span.doc, mention.span.start, mention.span.end)]]["name"]
                  for mention in mentions}


def test_person_surnames_and_transliterations_merge():
    ms = [m("a", 0, "Ismail Haniyeh", "person"), m("a", 40, "Haniyeh", "person"),
          m("b", 0, "Haniya", "person"), m("c", 0, "Ismail Hanieh", "person"),
          m("d", 0, "Hanna Haddad", "person")]
    _, names = groups(ms)
    assert names["Haniya"] == names["Haniyeh"] == names["Ismail Hanieh"] == "Ismail Haniyeh"
    assert names["Hanna Haddad"] == "Hanna Haddad"


def test_first_names_that_clash_stay_apart():
    _, names = groups([m("a", 0, "Tomas Reyna", "person"), m("b", 0, "Anna Reyna", "person")])
    assert names["Tomas Reyna"] != names["Anna Reyna"]


def test_ministry_names_merge_whatever_the_wording():
    ms = [m("a", 0, "Gaza health ministry", "organisation"), m("b", 0, "Gaza's Health Ministry", "organisation"),
          m("c", 0, "health ministry in Hamas-run Gaza", "organisation"),
          m("d", 0, "Ministry of Health in Gaza", "organisation"), m("e", 0, "Gaza", "place"),
          m("f", 0, "Israeli health ministry", "organisation"), m("f", 30, "Israel", "place")]
    rows, names = groups(ms)
    gaza = {names[t] for t in ("Gaza health ministry", "Gaza's Health Ministry", "health ministry in Hamas-run Gaza",
                               "Ministry of Health in Gaza")}
    assert len(gaza) == 1
    assert names["Israeli health ministry"] not in gaza


def test_acronyms_and_stated_abbreviations():
    ms = [m("a", 0, "Israel Defense Forces", "organisation"), m("b", 0, "Israel Defence Forces", "organisation"),
          m("c", 0, "IDF", "organisation"), m("d", 0, "United Nations", "organisation"),
          m("e", 0, "U.N.", "organisation"), m("f", 0, "UN", "organisation"),
          m("g", 0, "Office for Relief Operations", "organisation"), m("g", 40, "OFRO", "organisation"),
          m("h", 0, "Karsa Relief Office", "organisation"),
          m("i", 0, "KRO", "organisation", alias_of="Karsa Relief Office")]
    _, names = groups(ms)
    assert names["IDF"] == names["Israel Defense Forces"] == names["Israel Defence Forces"]
    assert names["UN"] == names["U.N."] == "United Nations"
    assert names["KRO"] == "Karsa Relief Office"


def test_majority_kind_wins():
    ms = [m("a", 0, "Tarvo", "place"), m("b", 0, "Tarvo", "place"), m("c", 0, "Tarvo", "person")]
    rows, names = groups(ms)
    assert len(rows) == 1 and rows[0]["kind"] == "place"


def test_parenthesised_acronym_and_missed_speaker_become_mentions():
    text = ("The Karsa Relief Office (KRO) said 40 families were housed in tents. "
            "Reyna denied that warnings had been ignored.")
    analysis = analyze_text(text, "t", dt.date(2024, 3, 8))
    by_text = {x.text: x for x in analysis.mentions}
    assert by_text["KRO"].alias_of == "Karsa Relief Office"
    assert by_text["Reyna"].kind == "person"
    for x in analysis.mentions:
        assert text[x.span.start:x.span.end] == x.text


def test_a_bare_surname_is_the_full_name_of_its_own_article():
    # "Reyl" is Tomas Reyl in article a and Anja Reyl in article b; in c, which names neither, it stays "Reyl"
    ms = [m("a", 0, "Tomas Reyl", "person"), m("a", 30, "Reyl", "person"), m("a", 60, "Reyl", "person"),
          m("b", 0, "Anja Reyl", "person"), m("b", 30, "Reyl", "person"),
          m("c", 0, "Reyl", "person"), m("c", 20, "GMT", "organisation")]
    rows, assignment = aliases.consolidate(ms)
    by_id = {r["id"]: r for r in rows}
    named = {(k[0], k[1]): by_id[v]["name"] for k, v in assignment.items()}
    assert named[("a", 30)] == named[("a", 60)] == "Tomas Reyl"
    assert named[("b", 30)] == "Anja Reyl"
    assert ("c", 20) not in named                    # a time zone is not an entity
    tomas = next(r for r in rows if r["name"] == "Tomas Reyl")
    assert tomas["mentions"] == 3 and tomas["docs"] == 1 and tomas["aliases"] == ["Reyl", "Tomas Reyl"]
    assert sum(r["mentions"] for r in rows) == 6


def test_the_store_streams_names_to_the_same_entities(tmp_path):
    """Ledger.consolidate passes distinct names (not mentions) through Python: same entities,
    same mention links as consolidating the mentions in memory."""
    from dateline import Ledger

    texts = {"a": "Mayor John Harper said on Monday that the bridge would reopen. Harper said the army had helped.",
             "b": "Police chief Mary Harper told reporters the road was closed. Harper said 12 people were missing."}
    with Ledger(tmp_path / "t.db") as ledger:
        analyses = [analyze_text(t, doc_id=d, date=dt.date(2024, 3, 4)) for d, t in texts.items()]
        with ledger.store.transaction():
            ledger.store.write_analyses(analyses, {})
        ledger.consolidate()
        stored = {(r["doc"], r["start"]): r["entity"]
                  for r in ledger.store.db.execute('SELECT doc, start, entity FROM mentions')}
        entities = {e["id"]: e for e in ledger.entities()}
    mentions = [mention for a in analyses for mention in a.mentions]
    rows, assignment = aliases.consolidate(mentions)
    assert {(d, s): e for (d, s, _), e in assignment.items()} == stored
    keys = ("id", "name", "kind", "aliases", "mentions", "docs")
    assert {r["id"]: r for r in rows} == {i: {k: e[k] for k in keys} for i, e in entities.items()}
    names = {(mention.span.doc, mention.text): entities[stored[(mention.span.doc, mention.span.start)]]["name"]
             for mention in mentions}
    assert names[("a", "Harper")] == "John Harper" and names[("b", "Harper")] == "Mary Harper"


def test_a_later_article_moves_earlier_mentions_to_the_entity_they_now_join(tmp_path):
    """Consolidation writes only mentions whose entity changes; one that does change is written:
    "IDF" alone is its own entity until an article spells out "Israel Defense Forces"."""
    from dateline import Ledger
    from dateline.records import Analysis, Document

    def article(doc_id, text, names):
        doc = Document(id=doc_id, text=text, date=dt.date(2024, 3, 4))
        return Analysis(doc=doc, mentions=[m(doc_id, text.index(n), n, "organisation") for n in names])

    with Ledger(tmp_path / "e.db") as ledger:
        with ledger.store.transaction():
            ledger.store.write_analyses([article("a", "The IDF said it had struck the depot.", ["IDF"])], {})
        ledger.consolidate()
        entity_of = lambda: dict(ledger.store.db.execute("SELECT doc, entity FROM mentions").fetchall())  # noqa: E731
        alone = entity_of()["a"]
        with ledger.store.transaction():
            ledger.store.write_analyses([article("b", "The Israel Defense Forces said the depot was empty.",
                                                 ["Israel Defense Forces"])], {})
        ledger.consolidate()
        now = entity_of()
        assert now["a"] == now["b"] != alone
        (name,) = [e["name"] for e in ledger.entities() if e["id"] == now["a"]]
        assert name == "Israel Defense Forces"


def test_a_bare_surname_tagged_otherwise_is_the_person_of_its_article():
    """NER tags "Sanchez" an organisation after "Pedro Sanchez" in article a: it is him there;
    in article b, which names no Sanchez in full, it stays what it was tagged."""
    ms = [m("a", 0, "Pedro Sanchez", "person"), m("a", 40, "Sanchez", "organisation"),
          m("b", 0, "Sanchez", "organisation"), m("c", 0, "Lena Varga", "person"), m("c", 30, "Varga", "place")]
    rows, assignment = aliases.consolidate(ms)
    by_id = {r["id"]: r for r in rows}
    named = {(k[0], k[1]): (by_id[v]["name"], by_id[v]["kind"]) for k, v in assignment.items()}
    assert named[("a", 40)] == ("Pedro Sanchez", "person")
    assert named[("b", 0)] == ("Sanchez", "organisation")
    assert named[("c", 30)][1] == "place"           # a place is never taken for a surname


def test_a_company_named_after_its_founder_stays_a_company():
    """"Brightwater" is tagged an organisation in four articles, one of which names its founder
    Harlan Brightwater: most of its mentions stand on their own, so it is the company there too."""
    ms = [m("a", 0, "Harlan Brightwater", "person"), m("a", 60, "Brightwater", "organisation"),
          m("b", 0, "Brightwater", "organisation"), m("c", 0, "Brightwater", "organisation"),
          m("d", 0, "Brightwater", "organisation")]
    rows, assignment = aliases.consolidate(ms)
    by_id = {r["id"]: r for r in rows}
    assert by_id[assignment[("a", 60, 71)]]["kind"] == "organisation"
    assert len({assignment[(d, 0, 11)] for d in "bcd"} | {assignment[("a", 60, 71)]}) == 1


def test_a_company_is_not_its_one_branch_but_is_its_legal_name_and_acronym():
    """"Varko" and its one branch "Varko Belmoria" stay apart, but a place's own body joins
    ("the Navy" is the story's one "Belmorian Navy", "the Interior Ministry" its one "Belmoria's
    Interior Ministry"); "Varko Motors Corporation" is "Varko Motors", "Varko Motor Co." is "Varko
    Motor Company", "Alpha Company" (a unit) is not "Alpha"; "VM" is the company even when a car
    model tagged a place has the same initials; "BA" is "Belmoria Airways", the one name with those
    initials in full, not "Bank of Arvia Corp"."""
    places = [m("p", 0, "Belmoria", "place"), m("p", 20, "Belmoria", "place")]
    ms = places + [m("a", 0, "Varko", "organisation"), m("b", 0, "Varko Belmoria", "organisation"),
                   m("c", 0, "Interior Ministry", "organisation"), m("d", 0, "Belmoria's Interior Ministry", "organisation"),
                   m("c", 40, "Navy", "organisation"), m("d", 40, "Belmorian Navy", "organisation"),
                   m("e", 0, "Varko Motors", "organisation"), m("f", 0, "Varko Motors Corporation", "organisation"),
                   m("e", 40, "Varko Motor Co.", "organisation"), m("f", 40, "Varko Motor Company", "organisation"),
                   m("e", 80, "Alpha", "organisation"), m("f", 80, "Alpha Company", "organisation"),
                   m("g", 0, "VM", "organisation"), m("h", 0, "Vesta Marquis", "place"),
                   m("i", 0, "Belmoria Airways", "organisation"), m("i", 40, "BA", "organisation"),
                   m("j", 0, "Bank of Arvia Corp", "organisation")]
    _, names = groups(ms)
    assert names["Varko"] == "Varko" and names["Varko Belmoria"] == "Varko Belmoria"
    assert names["Interior Ministry"] == names["Belmoria's Interior Ministry"]
    assert names["Navy"] == names["Belmorian Navy"]
    assert names["Varko Motors Corporation"] == names["Varko Motors"] == names["VM"]
    assert names["Varko Motor Co."] == names["Varko Motor Company"]
    assert names["Alpha"] != names["Alpha Company"]
    assert names["Vesta Marquis"] == "Vesta Marquis"
    assert names["BA"] == names["Belmoria Airways"] != names["Bank of Arvia Corp"]


def test_the_gazetteer_types_places_ner_took_for_people_or_bodies():
    """"Khan Younis" tagged a person, "Antakya" an organisation: the gazetteer knows them as places; a name it
    does not know keeps NER's kind, and a demonym tagged a place is a people."""
    ms = [m("a", 0, "Khan Younis", "person"), m("b", 0, "Khan Younis", "person"), m("c", 0, "Antakya", "organisation"),
          m("d", 0, "Kathmandu", "person"), m("e", 0, "Sorvik Haldane", "person"), m("f", 0, "Sudanese", "place")]
    rows, _ = groups(ms)
    kinds = {r["name"]: r["kind"] for r in rows}
    assert kinds["Khan Younis"] == kinds["Antakya"] == kinds["Kathmandu"] == "place"
    assert kinds["Sorvik Haldane"] == "person" and kinds["Sudanese"] == "group"


def test_a_place_and_its_name_with_a_kind_word_are_one_place():
    """"Gaza Strip"/"Gaza"/"the Strip", "Ishikawa Prefecture"/"Ishikawa", "Jabalya"/"Jabalia" are one place;
    "Gaza City" (another place of the gazetteer) stays apart."""
    ms = [m("a", 0, "Gaza Strip", "place"), m("b", 0, "Gaza", "place"), m("c", 0, "Strip", "place"),
          m("d", 0, "Gaza City", "place"), m("e", 0, "Ishikawa Prefecture", "place"), m("f", 0, "Ishikawa", "place"),
          m("g", 0, "Jabalya", "place"), m("h", 0, "Jabalia", "place")]
    _, names = groups(ms)
    assert names["Gaza Strip"] == names["Gaza"] == names["Strip"]
    assert names["Gaza City"] != names["Gaza"]
    assert names["Ishikawa Prefecture"] == names["Ishikawa"]
    assert names["Jabalya"] == names["Jabalia"]
