"""What a speaker phrase or an earlier mention is (person, organisation, place, plural), and the mentions of a
sentence a pronoun may point back to."""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Optional

from spacy.tokens import Token

from .. import nlp
from ..lexicon import story
from ..lexicon.speakers import NAME_TITLES, ORG_NAME_WORDS, ORG_NOUNS, PERSON_NOUNS, PLACE_NAME_WORDS
from .context import _Ctx, _parsed


# --- speaker resolution ---------------------------------------------------------------------

@dataclass
class _Mention:
    start: int
    end: int
    kind: str            # person, org, place, plural
    head_lemma: str
    subject: bool
    lemmas: frozenset


def _kind_of_head(head: Token) -> Optional[str]:
    if head.ent_type_ in ("DATE", "TIME", "CARDINAL", "ORDINAL", "QUANTITY", "MONEY", "PERCENT"):
        return None
    if head.ent_type_ == "PERSON":
        return "person"
    if head.ent_type_ in ("ORG",):
        return "plural" if head.tag_ == "NNPS" else "org"
    if head.ent_type_ in ("GPE",):
        return "place"
    if head.ent_type_ == "NORP":
        return "plural"
    lemma = head.lemma_.lower()
    speaker_like = lemma in PERSON_NOUNS | ORG_NOUNS or head.pos_ == "PROPN" or bool(head.ent_type_)
    if any(c.dep_ == "conj" for c in head.children) and speaker_like:
        return "plural"
    plural = head.tag_ in ("NNS", "NNPS")
    if lemma in PERSON_NOUNS or head.lower_ in PERSON_NOUNS:
        return "plural" if plural else "person"
    if lemma in ORG_NOUNS or head.lower_ in ORG_NOUNS:
        return "plural" if plural or lemma in ("authority", "force") and plural else "org"
    if head.pos_ == "PROPN" or (not _parsed(head) and head.text[:1].isupper()):
        return "org"
    return None


def _kind_of_span(ctx: _Ctx, span: tuple[int, int]) -> Optional[str]:
    """Kind of a speaker phrase found on the surface (its head is its last word before any
    parenthesis or prepositional tail)."""
    sub = ctx.doc.char_span(span[0], span[1], alignment_mode="expand")
    if sub is None or not len(sub):
        return None
    for ent in ctx.ents_within(*span):
        if ent.label_ == "PERSON" and ent.start_char == span[0] and ent.end_char == span[1]:
            return "person"
    words = [t for t in sub if not t.is_punct]
    cut = next((k for k, t in enumerate(words) if k and t.lower_ in ("of", "for", "in", "at", "on", "from")
                or t.text == "("), len(words))
    head_words = words[:cut] or words
    if len([t for t in head_words if t.lower_ == "and"]):
        return "plural"
    return _kind_of_head(head_words[-1]) if head_words else None


def _mentions(ctx: _Ctx, sent_index: int) -> list[_Mention]:
    if sent_index in ctx._mentions:
        return ctx._mentions[sent_index]
    sent = ctx.sents[sent_index]
    found: list[_Mention] = []
    if nlp.is_parsed(sent):
        for ent in ctx.ents_within(sent.start_char, sent.end_char):
            kind = {"PERSON": "person", "ORG": "org", "GPE": "place", "NORP": "plural"}.get(ent.label_)
            if kind:
                found.append(_Mention(ent.start_char, ent.end_char, kind, ent.root.lemma_.lower(),
                                      ent.root.dep_.startswith("nsubj"),
                                      frozenset(t.lemma_.lower() for t in ent)
                                      | _title_lemmas(ent[0])))
        for chunk in ctx.noun_chunks(sent_index):
            kind = _kind_of_head(chunk.root)
            if kind is None or chunk.root.pos_ == "PRON":
                continue
            if any(m.start <= chunk.root.idx < m.end for m in found):
                continue
            found.append(_Mention(chunk.start_char, chunk.end_char, kind, chunk.root.lemma_.lower(),
                                  chunk.root.dep_.startswith("nsubj"),
                                  frozenset(t.lemma_.lower() for t in chunk)))
        found += _coordinated_subjects(sent)
    else:
        found = _capitalised_runs(sent)
    found = _merge_acronyms(ctx, sorted(found, key=lambda m: m.start))
    ctx._mentions[sent_index] = found
    return found


def _coordinated_subjects(sent) -> list[_Mention]:
    """"The United States and Israel oppose …": a plural antecedent for "they"."""
    out = []
    for tok in sent:
        if tok.dep_.startswith("nsubj") and any(c.dep_ == "conj" for c in tok.children):
            last = max((c for c in tok.children if c.dep_ == "conj"), key=lambda c: c.i)
            out.append(_Mention(tok.left_edge.idx, last.right_edge.idx + len(last.right_edge.text), "plural",
                                tok.lemma_.lower(), True, frozenset(t.lemma_.lower() for t in tok.subtree)))
    return out


def _merge_acronyms(ctx: _Ctx, mentions: list[_Mention]) -> list[_Mention]:
    """"the Israel Defence Forces (IDF)" is one antecedent, not a name and an acronym."""
    out: list[_Mention] = []
    for m in mentions:
        prev = out[-1] if out else None
        if prev is not None and re.fullmatch(r"\s*\(", ctx.text[prev.end:m.start]) \
                and ctx.text[m.end:m.end + 1] == ")" and m.end - m.start <= 8:
            out[-1] = _Mention(prev.start, m.end + 1, prev.kind, prev.head_lemma, prev.subject,
                               prev.lemmas | m.lemmas)
            continue
        out.append(m)
    return out


def _title_lemmas(first: Token) -> frozenset:
    """Words of a title just before a name ("Foreign Minister Ayman Safadi")."""
    doc = first.doc
    out = set()
    i = first.i - 1
    while i >= 0 and i >= first.i - 4 and (doc[i].is_title or doc[i].is_upper) and not doc[i].is_punct:
        out.add(doc[i].lower_)
        i -= 1
    return frozenset(out)


_FUNCTION_WORDS = {"the", "a", "an", "in", "on", "at", "but", "and", "as", "it", "he", "she", "they",
                   "this", "that", "these", "those", "there", "his", "her", "its", "their", "after",
                   "before", "while", "when", "if", "meanwhile", "however", "earlier", "later", "we", "i"}


_CALENDAR_WORDS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
                   "january", "february", "march", "april", "may", "june", "july", "august", "september",
                   "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
                   "sep", "sept", "oct", "nov", "dec", "gmt", "utc"}


# Name words of organisations: general ones, and the last word of the story's armed groups and forces
# ("Hamas", "Islamic Jihad", "IDF").
_ORG_WORDS = ORG_NAME_WORDS | {name.split()[-1].lower() for name in story.words("armed_groups")} \
    | {name.lower() for name in story.words("armed_forces")}


def _run_kind(run: list[Token]) -> str:
    words = [t.lower_.rstrip(".") for t in run]
    if words[0] in NAME_TITLES:
        return "person"
    if run[-1].is_lower:              # "Palestinian medics", "Israeli military"
        noun = _singular(words[-1])
        plural = noun != words[-1]
        if noun in PERSON_NOUNS:
            return "plural" if plural else "person"
        return "plural" if plural else "org"
    if PLACE_NAME_WORDS & set(words[1:]):
        return "place"
    if (_ORG_WORDS | ORG_NOUNS) & set(words):
        return "org"
    if len(run) == 1 and re.search(r"(?:i|ian|ese|ish)$", words[0]):
        return "plural"               # "Israeli", "Palestinian", "Lebanese": demonyms
    return "person" if len(run) >= 2 else "org"


def _capitalised_runs(sent) -> list[_Mention]:
    """Name-like runs of capitalised words, for sentences the parser never saw; the phrase that
    opens the sentence counts as its subject."""
    out: list[_Mention] = []
    run: list[Token] = []
    first_word = next((t.i for t in sent if t.is_alpha or t.lower_.rstrip(".") in NAME_TITLES), None)

    def flush():
        if run:
            words = [t.lower_ for t in run]
            subject = first_word is not None and (run[0].i == first_word or (
                run[0].i == first_word + 1 and sent.doc[first_word].lower_ in ("the", "a", "an")))
            out.append(_Mention(run[0].idx, run[-1].idx + len(run[-1].text), _run_kind(run), words[-1],
                                subject, frozenset(words)))
        run.clear()

    for tok in sent:
        title = tok.lower_.rstrip(".") in NAME_TITLES and tok.text[:1].isupper() and tok.i + 1 < len(tok.doc) \
            and tok.doc[tok.i + 1].text[:1].isupper()
        cap = tok.text[:1].isupper() and tok.is_alpha and tok.lower_ not in _FUNCTION_WORDS \
            and tok.lower_ not in _CALENDAR_WORDS
        connector = bool(run) and tok.lower_ in ("al", "bin", "of", "for", "-") and tok.i + 1 < len(tok.doc) \
            and tok.doc[tok.i + 1].text[:1].isupper()
        # "Israeli military", "Health Ministry", "Palestinian medics": a speaker noun ends the name
        noun = bool(run) and tok.is_lower and _singular(tok.lower_) in ORG_NOUNS | PERSON_NOUNS
        if title or cap or connector or noun:
            run.append(tok)
            if noun:
                flush()
        else:
            flush()
    flush()
    return out


def _singular(word: str) -> str:
    return word[:-1] if word.endswith("s") and not word.endswith("ss") else word
