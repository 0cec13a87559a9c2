"""Speaker resolution, in document order: pronouns and definite descriptions to the nearest compatible
antecedent."""
from __future__ import annotations

import re
from typing import Optional

from spacy.tokens import Token

from ..lexicon import story
from ..lexicon.speakers import FEMALE_WORDS, GENDERED_PRONOUNS, MALE_WORDS, ORG_NOUNS, PERSON_NOUNS, PRONOUNS
from ..rules import Rule, Table
from .context import lazy, _Ctx, _Raw
from .mentions import _kind_of_head, _kind_of_span, _mentions, _title_lemmas


# Names that "the military" or "the army" may stand for: general words, and the story's armed forces ("IDF").
_MILITARY_NAME = re.compile(r"\b(?:" + "|".join(["army", "military", "forces"]
                                                + [re.escape(w.lower()) for w in sorted(story.words("armed_forces"))]
                                                + [r"defen[cs]e"]) + r")\b", re.I)
_RELATIVE_GAP = re.compile(r"\s*,?\s*(?:where|which|when|who|whom|whose|that)\b[^,.;]*$", re.I)
_REPORT_CUE = re.compile(r"according|report", re.I)
_COMPATIBLE = {"person": {"person"}, "org": {"org", "place"}, "plural": {"plural", "org"}}


def _resolve(ctx: _Ctx, raws: list[_Raw]) -> None:
    done: list[_Raw] = []
    for raw in sorted(raws, key=lambda r: (r.cue or r.content)[0]):
        _resolve_one(ctx, raw, done)
        done.append(raw)
    for i, raw in enumerate(done):
        _name_an_indefinite_body(ctx, raw, done[i + 1:])


# "a war monitor said", "another monitor, the Syrian Network for Human Rights, said": a body named only by what it
# does, with an indefinite article; wire copy names it in an apposition or in the next sentence or two
_INDEFINITE_BODY = re.compile(
    r"(?:an?|another)\s+(?:[a-z-]+\s+){0,3}(?:monitor|watchdog|observatory|monitoring\s+group|rights\s+group|"
    r"(?:aid|relief|charity|humanitarian)\s+(?:group|agency|organi[sz]ation))", re.I)
_NAMED_APPOSITION = re.compile(
    r",\s+(?:the\s+)?(?P<name>[A-Z][\w'’.-]*(?:\s+(?:[A-Z][\w'’.-]*|for|of|and|on|in|the)){0,8}(?:\s+\([A-Z]{2,8}\))?),")


def _name_an_indefinite_body(ctx: _Ctx, raw: _Raw, later: list[_Raw]) -> None:
    """The name of a body a speaker phrase describes with an indefinite article ("a war monitor"): its apposition,
    else the named body that speaks next, in the next two sentences."""
    if raw.speaker_span is None or not _INDEFINITE_BODY.fullmatch(raw.speaker or ""):
        return
    name = None
    m = _NAMED_APPOSITION.match(ctx.text, raw.speaker_span[1])
    if m is not None:
        name = (m.start("name"), m.end("name"))
    else:
        here = ctx.sent_index(raw.speaker_span[0])
        for other in later:
            if other.speaker_span is None or ctx.sent_index(other.speaker_span[0]) > here + 2:
                continue
            words = ctx.text[other.speaker_span[0]:other.speaker_span[1]]
            if other.speaker_kind in ("org", None) and re.match(r"(?:the\s+)?[A-Z]", words) and \
                    sum(w[:1].isupper() for w in words.split()) >= 2:
                name = other.speaker_span
                break
    if name is None:
        return
    raw.speaker, raw.speaker_span, raw.speaker_kind = ctx.text[name[0]:name[1]], name, "org"
    if raw.trace is not None:
        raw.trace.note("claims.speaker.resolve", "speaker/named-after-its-description", raw.speaker)


class _Speaking:
    """What the resolution rules look at: a claim and the speaker phrase found for it."""

    def __init__(self, ctx: _Ctx, raw: _Raw):
        self.ctx = ctx
        self.raw = raw
        self.span = raw.speaker_chars
        self.words = None if self.span is None else ctx.text[self.span[0]:self.span[1]]

    @lazy
    def description(self) -> Optional[str]:
        return _description_head(self.ctx, self.span, self.raw.speaker_head)


# How a claim's speaker is settled, in document order (after every claim is found).
RESOLVE = Table("claims.speaker.resolve", runner="claims", subject="a claim and its speaker phrase (_Speaking)", rules=(
    Rule("speaker/carried-over", lambda s: s.raw.carry, "carried",
         examples=("“We will rebuild,” the mayor said. “Nobody will be left behind.”",
                   "According to local radio, the rebels took the airport. They also reportedly seized the port.",),
         why="a quotation continuing the one before, or 'reportedly' after a report: the speaker before"),
    Rule("none/no-speaker-phrase", lambda s: s.span is None, "none",
         examples=("It was reported that the border crossing had reopened.",)),
    Rule("speaker/pronoun-antecedent", lambda s: s.words.lower() in PRONOUNS, "pronoun",
         examples=("The fire chief arrived at noon. He said the blaze was under control.",),
         why="the nearest compatible earlier speaker or mention ('it' an organisation, 'he' a man ...)"),
    Rule("speaker/description-antecedent", lambda s: s.description is not None, "description",
         examples=("Defence Minister Ana Ruiz visited the base on Monday. The minister said the troops would stay.",),
         why="'the minister': a more specific earlier name for it, if any; else as written"),
    Rule("speaker/as-written", lambda s: True, "as written",
         examples=("The regional flood agency said the river had peaked.",)),
))


def _resolve_one(ctx: _Ctx, raw: _Raw, done: list[_Raw]) -> None:
    s = _Speaking(ctx, raw)
    how = RESOLVE.decide(s, raw.trace)
    if how == "carried":
        at = (raw.cue or raw.content)[0]
        reach = ctx.sent_index(at) - (1 if raw.from_report else 2)
        earlier = [r for r in done if (r.cue or r.content)[0] < at
                   and ctx.sent_index(max(r.span[1] - 1, 0)) >= reach]
        if raw.from_report:           # "According to local media, … They also reportedly …"
            earlier = [r for r in earlier if r.cue and _REPORT_CUE.search(ctx.text[r.cue[0]:r.cue[1]])]
        if earlier:
            prev = max(earlier, key=lambda r: (r.cue or r.content)[0])
            raw.speaker, raw.speaker_span, raw.speaker_kind = prev.speaker, prev.speaker_span, prev.speaker_kind
        return
    if how == "none":
        return
    span, words = s.span, s.words
    low = words.lower()
    if how == "pronoun":
        _set_antecedent(ctx, raw, done, span[0], PRONOUNS[low], None,
                        gender={"he": "m", "him": "m", "she": "f", "her": "f"}.get(low))
        return
    head = raw.speaker_head
    kind = _kind_of_head(head) if head is not None else _kind_of_span(ctx, span)
    raw.speaker, raw.speaker_span, raw.speaker_kind = words, span, kind
    if how == "description":
        _set_antecedent(ctx, raw, done, span[0], kind or "org", s.description, keep_if_none=True)


def _description_head(ctx: _Ctx, span: tuple[int, int], head: Optional[Token]) -> Optional[str]:
    """"the minister", "the military": a definite description worth resolving (its head lemma)."""
    words = ctx.text[span[0]:span[1]].split()
    if len(words) in (3, 4) and words[0].lower() == "the" and words[-1].lower() in _DESCRIBED_BODIES and \
            all(re.fullmatch(r"[a-z-]+|[A-Z][A-Za-z]*-[a-z]+", w) for w in words[1:]):     # "the Britain-based monitor"
        return words[-1].lower()      # "the war monitor": the body an apposition described so
    if len(words) != 2 or words[0].lower() != "the":
        return None                   # "the health ministry" is specific enough already
    if head is not None and ((head.pos_ == "PROPN" and head.text[:1].isupper()) or head.ent_type_):
        return None
    last = words[-1].lower()
    if not re.fullmatch(r"[a-z]+", last):
        return None
    lemma = head.lemma_.lower() if head is not None else last
    return lemma if lemma in PERSON_NOUNS | ORG_NOUNS else None


def _set_antecedent(ctx: _Ctx, raw: _Raw, done: list[_Raw], at: int, kind: str,
                    description: Optional[str], keep_if_none: bool = False,
                    gender: Optional[str] = None) -> None:
    found = _antecedent(ctx, done, at, kind, description, raw.content, gender)
    if found is None:
        if not keep_if_none:
            raw.speaker, raw.speaker_span, raw.speaker_kind = None, None, None
        return
    (start, end), found_kind = found
    raw.speaker, raw.speaker_span, raw.speaker_kind = ctx.text[start:end], (start, end), found_kind


def _antecedent(ctx: _Ctx, done: list[_Raw], at: int, kind: str, description: Optional[str],
                own_content: tuple[int, int] = (0, 0), gender: Optional[str] = None):
    """Nearest compatible earlier speaker or mention: in this and the two preceding sentences,
    then on back to the start of the paragraph as long as no other speaker comes between."""
    here = ctx.sent_index(at)
    allowed = _COMPATIBLE.get(kind, {kind})
    for s in range(here, max(min(here - 3, ctx.paragraph_first_sentence(at) - 1), -1), -1):
        speakers = [r for r in done if r.speaker_span and ctx.sent_index(r.speaker_span[0]) == s
                    and r.speaker_span[1] <= at and r.speaker_span[0] != at]
        if s < here - 2 and any(s < ctx.sent_index((r.cue or r.content)[0]) <= here
                                and (r.cue or r.content)[0] < at for r in done):
            return None               # another speaker comes between
        # names inside quotations are what speakers talk about, not who speaks
        mentions = [m for m in _mentions(ctx, s) if m.end <= at and not ctx.in_closed_quote(m.start)
                    and not (own_content[0] <= m.start < own_content[1])       # what is said, not who
                    and not _RELATIVE_GAP.match(ctx.text[m.end:at])]          # "Gaza, where it …"
        ranked = [(r.speaker_span, r.speaker_kind, _lemmas_of(ctx, r.speaker_span)) for r in
                  sorted(speakers, key=lambda r: -r.speaker_span[0])]
        # subjects first, then mentions of the very kind asked for ("it": an organisation
        # before a place), nearest first
        ranked += [((m.start, m.end), m.kind, m.lemmas) for m in
                   sorted(mentions, key=lambda m: (not m.subject, m.kind != kind, -m.start))]
        for span, mkind, lemmas in ranked:
            if description is not None:
                if _describes(ctx, description, span, mkind, lemmas):
                    return span, mkind
            elif mkind in allowed and not (gender and _gender_of(ctx, span) not in (None, gender)):
                return span, mkind
    return None


_HONORIFIC = re.compile(r"\b(Mr|Mrs|Ms|Miss)\.?\s+(?:[A-Z][\w’'-]+\s+)*?([A-Z][\w’'-]+)\b")


def _gender_of(ctx: _Ctx, span: tuple[int, int]) -> Optional[str]:
    """"m", "f" or None, from words in or just before the phrase and from honorifics used for the
    same surname anywhere in the text ("Mr. Biden" elsewhere makes "Joe Biden" male)."""
    words = re.findall(r"[a-z]+", ctx.text[max(0, span[0] - 6):span[1]].lower())
    if MALE_WORDS & set(words):
        return "m"
    if FEMALE_WORDS & set(words):
        return "f"
    if ctx._surname_gender is None:
        ctx._surname_gender = {}
        for m in _HONORIFIC.finditer(ctx.text):
            ctx._surname_gender.setdefault(m.group(2), "m" if m.group(1) == "Mr" else "f")
    last = re.findall(r"[A-Z][\w’'-]+", ctx.text[span[0]:span[1]])
    if not last:
        return None
    surname = last[-1]
    if surname not in ctx._surname_gender:
        ctx._surname_gender[surname] = _pronoun_gender(ctx.text, surname)
    return ctx._surname_gender[surname]


def _pronoun_gender(text: str, surname: str) -> Optional[str]:
    """Gender from a pronoun that follows the name in its own clause with no other name between
    ("Haddad said his team …"): no list of first names needed."""
    votes = set()
    pattern = r"\b" + re.escape(surname) + r"\b([^.?!\n“”\"]{0,80}?)\b(" + "|".join(GENDERED_PRONOUNS) + r")\b"
    for m in re.finditer(pattern, text):
        if re.search(r"\b[A-Z][a-z]", m.group(1)):
            continue                  # another name between
        votes.add(GENDERED_PRONOUNS[m.group(2).lower()])
    return votes.pop() if len(votes) == 1 else None


def _lemmas_of(ctx: _Ctx, span: tuple[int, int]) -> frozenset:
    sub = ctx.doc.char_span(span[0], span[1], alignment_mode="expand")
    if sub is None:
        return frozenset()
    lemmas = {(t.lemma_ or t.lower_).lower() for t in sub} | {t.lower_ for t in sub}
    return frozenset(lemmas | (_title_lemmas(sub[0]) if len(sub) else frozenset()))


# heads of a description that names a body only by what it does ("the war monitor", "the rights group"): the
# body an apposition so described ("the Syrian Observatory for Human Rights, a Britain-based war monitor")
_DESCRIBED_BODIES = {"monitor", "watchdog", "observatory"}
_APPOSITION = re.compile(r",\s+(?:an?|the)\s+(?:[\w-]+\s+){0,3}?(?P<head>[a-z]+)\s*[,;.)]")


def _describes(ctx: _Ctx, description: str, span, kind, lemmas) -> bool:
    """Whether a mention is a more specific name for "the <description>"."""
    text = ctx.text[span[0]:span[1]]
    if text.lower().startswith("the ") and len(text.split()) <= 2:
        return False                     # another bare description is no better
    if description in lemmas:
        return True
    if description in _DESCRIBED_BODIES:
        m = _APPOSITION.match(ctx.text, span[1])
        if m and m.group("head") == description:
            return True
    if description in ("military", "army") and kind == "org" and _MILITARY_NAME.search(text):
        return True
    return False
