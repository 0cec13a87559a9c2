"""Entity mentions: people, organisations, places and groups, with exact offsets.

spaCy's NER gives most mentions. Two additions matter for news about a
conflict: institutions that NER splits or misses ("the Gaza health ministry",
"health authorities in Gaza") are read off the parse, and in sentences that were
only tokenized (see ``nlp``) names already recognised elsewhere in the same
article are found by exact match, so every mention stays deterministic per article.
"""
from __future__ import annotations

import re
from typing import Iterable, Optional

from spacy.tokens import Doc, Span as SpacySpan

from ..records import Mention, Span
from . import nlp
from .institutions import INSTITUTIONS

KIND_OF_LABEL = {"PERSON": "person", "ORG": "organisation", "GPE": "place", "LOC": "place", "FAC": "place",
                 "NORP": "group"}
# Words that, before a noun of INSTITUTIONS, make it an organisation ("health ministry"), as a place does.
_QUALIFIERS = {"health", "foreign", "defence", "defense", "interior", "civil", "emergency", "media", "press",
               "prime", "security", "palestinian", "israeli", "israel", "gaza", "hamas"}
# Capitalised words: what NER could find in a sentence (see ``unknown_names``).
TRIGGER = re.compile(r"(?<![\w'’\-])[A-Z][\w'’\-]*")
_CAPITALISED = re.compile(r"(?<![\w'’])[A-Z][\w'’\-]*(?:\s+(?:of\s+|al-|bin\s+)?[A-Z][\w'’\-]*)*")


def extract_mentions(doc: Doc, doc_id: str) -> list[Mention]:
    found: dict[tuple[int, int], Mention] = {}
    for ent in doc.ents:
        kind = KIND_OF_LABEL.get(ent.label_)
        if kind is None:
            continue
        ent = _trim(ent)
        if ent is None or not any(ch.isalpha() for ch in ent.text):
            continue                        # a dash or a number the tagger took for a name names nobody
        found[(ent.start_char, ent.end_char)] = Mention(Span(doc_id, ent.start_char, ent.end_char), ent.text,
                                                        ent.label_, kind)
    for span in _institutions(doc):
        key = (span.start_char, span.end_char)
        if not any(s <= key[0] and key[1] <= e and (s, e) != key for s, e in found) or key in found:
            # an institution phrase wins over the bare place NER found inside it
            for inner in [k for k in found if key[0] <= k[0] and k[1] <= key[1]]:
                del found[inner]
            found[key] = Mention(Span(doc_id, *key), span.text, "ORG", "organisation")
    _add_known_names(doc, doc_id, found)
    mentions = sorted(found.values(), key=lambda m: m.span.start)
    _mark_parenthesised_acronyms(nlp.doc_text(doc), mentions)
    return mentions


_PAREN_ACRONYM = re.compile(r"\s*\(\s*([A-Z][A-Za-z.]{1,9})\s*\)")


def _mark_parenthesised_acronyms(text: str, mentions: list[Mention]) -> None:
    """"the UN Office for the Coordination of Humanitarian Affairs (OCHA)": OCHA is that office."""
    by_start = {m.span.start: m for m in mentions}
    for m in mentions:
        hit = _PAREN_ACRONYM.match(text, m.span.end)
        if not hit or len(m.text.split()) < 2:
            continue
        acronym = by_start.get(hit.start(1))
        if acronym is not None and acronym.text == hit.group(1):
            acronym.alias_of = m.text
            acronym.kind, acronym.label = m.kind, m.label


def _trim(ent: SpacySpan) -> Optional[SpacySpan]:
    """Drop leading determiners and trailing possessives ("the Hamas", "Israel's")."""
    start, end = ent.start, ent.end
    while start < end and ent.doc[start].lower_ in ("the", "a", "an"):
        start += 1
    while end > start and (ent.doc[end - 1].tag_ == "POS" or ent.doc[end - 1].text in ("'s", "’s", "'", "’")):
        end -= 1
    opened = [i for i in range(start, end) if ent.doc[i].text == "("]
    if opened and not any(ent.doc[i].text == ")" for i in range(opened[-1], end)):
        end = opened[-1]          # "World Health Organization (WHO" -> the name before the bracket
    if end <= start:
        return None
    return ent.doc[start:end]


def _institutions(doc: Doc) -> Iterable[SpacySpan]:
    """Noun phrases such as "Gaza's health ministry" or "the Ministry of Health in Gaza"."""
    for sent in nlp.sentences(doc):
        if not nlp.is_parsed(sent):
            continue
        for tok in sent:
            if tok.pos_ not in ("NOUN", "PROPN") or tok.lower_ not in INSTITUTIONS:
                continue
            left = [c for c in tok.lefts if c.dep_ in ("compound", "amod", "poss", "nmod", "npadvmod")
                    and c.pos_ in ("PROPN", "NOUN", "ADJ")]
            right = []
            for prep in tok.rights:
                if prep.dep_ == "prep" and prep.lower_ in ("of", "in", "for"):
                    objs = [c for c in prep.children if c.dep_ == "pobj"]
                    if objs and (objs[0].ent_type_ in ("GPE", "LOC", "ORG", "NORP") or objs[0].lower_ in _QUALIFIERS):
                        right = [prep, *objs[0].subtree]
                        break
            if not left and not right:
                continue
            qualified = any(c.ent_type_ or c.lower_ in _QUALIFIERS or c.pos_ == "PROPN" for c in [*left, *right])
            if not qualified:
                continue
            first = min([tok.i] + [t.left_edge.i for t in left])
            while doc[first].lower_ in ("the", "a", "an") or doc[first].tag_ == "POS":
                first += 1
            last = max([tok.i] + [t.i for t in right])
            yield doc[first:last + 1]


def _add_known_names(doc: Doc, doc_id: str, found: dict[tuple[int, int], Mention]) -> None:
    """Find names recognised elsewhere in this article inside its tokenized-only sentences."""
    known = {m.text: m for m in found.values() if m.label != "ORG" or m.text[:1].isupper()}
    if not known:
        return
    for sent in nlp.sentences(doc):
        if nlp.is_parsed(sent):
            continue
        for match in _CAPITALISED.finditer(sent.text):
            text = match.group(0)
            start = sent.start_char + match.start()
            for name, m in known.items():
                i = text.find(name)
                if i < 0 or not _word_bounded(text, i, len(name)):
                    continue
                key = (start + i, start + i + len(name))
                if key not in found:
                    found[key] = Mention(Span(doc_id, *key), name, m.label, m.kind)


def _word_bounded(text: str, i: int, n: int) -> bool:
    before = text[i - 1] if i > 0 else " "
    after = text[i + n] if i + n < len(text) else " "
    return not before.isalnum() and not after.isalnum()


def unknown_names(segment: str, known: set[str]) -> bool:
    """True when a tokenized-only segment holds a capitalised name not among ``known`` (so it needs NER).

    A capitalised word that merely starts the sentence ("The", "Rescuers") is a
    name only if it is not a common English word.
    """
    from spacy.lang.en.stop_words import STOP_WORDS

    first = True
    for match in TRIGGER.finditer(segment):
        word = match.group(0)
        at_start = first and not segment[:match.start()].strip(" \t\n\"“‘'(")
        first = False
        if at_start and (word.lower() in STOP_WORDS or word.lower() in _COMMON_STARTERS):
            continue
        if not any(word in name for name in known):
            return True
    return False


# Sentence-initial words that are not names (beyond spaCy's stop words).
_COMMON_STARTERS = {"meanwhile", "however", "earlier", "later", "still", "despite", "amid", "amidst", "although",
                    "while", "since", "after", "before", "during", "following", "according", "officials",
                    "witnesses", "rescuers", "residents", "police", "troops", "soldiers", "families", "people"}


_PRONOUNS = {"he", "she", "it", "they", "we", "i", "you", "him", "her", "them"}


def add_speaker_mentions(mentions: list[Mention], claims: list, doc: Doc, doc_id: str) -> list[Mention]:
    """Speakers are entities: a named speaker NER missed ("Reyna denied ...") becomes a mention.

    Only capitalised names count (not "officials" or "he"); the kind is a person
    unless an institution noun says organisation.
    """
    covered = [(m.span.start, m.span.end) for m in mentions]
    added = list(mentions)
    for claim in claims:
        sp = claim.speaker_span
        if sp is None or any(s < sp.end and sp.start < e for s, e in covered):
            continue
        text = nlp.doc_text(doc)[sp.start:sp.end]
        words = text.split()
        if not words or len(words) > 5 or text.lower() in _PRONOUNS:
            continue
        if not all(w[:1].isupper() or w.lower() in ("al-", "bin", "de", "van", "von") for w in words):
            continue
        kind, label = ("organisation", "ORG") if any(w.lower() in INSTITUTIONS for w in words) else ("person", "PERSON")
        added.append(Mention(Span(doc_id, sp.start, sp.end), text, label, kind))
        covered.append((sp.start, sp.end))
    return sorted(added, key=lambda m: m.span.start)
