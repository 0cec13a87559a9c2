"""Attributed claims: who said what, through which reporting expression.

Passes over one spaCy ``Doc`` (see :mod:`dateline.analyze.nlp`; sentences that matched no
extractor's ``TRIGGER`` are tokenized only):

1. *Quote scanning* over characters finds quotation regions (curly and straight, double and
   single, NYT-style ''…''; unbalanced quotes in truncated excerpts end at an inline
   attribution ("“We will stay, said X") or at the paragraph end). A region that opens a
   sentence and is followed by an attribution ("…,” X said", "…,” said X") or that follows
   "X said:" is a *direct* claim.
2. *Dependency cues*: reporting verbs from a lexicon (each with the dependents that carry its
   content), "according to", "reportedly", agentless "is said to" / "it was reported that".
   Content comes from the parse; the mode is *mixed* when it holds quoted words, *direct* when
   it is one quotation. Not claims: comparisons ("more than estimates had suggested"), what
   a verb asks for ("urged X to announce"), requests for anonymity.
3. *Continuations*: a free-standing quoted sentence right after a direct quotation carries
   its speaker (cue ``None``).
4. *Headlines*: "Gaza toll passes 9,000 – health ministry", "… killed: UN chief",
   "Netanyahu: '…'".

Speaker phrases are widened to the named entities they cut ("the Committee to Protect
Journalists"); datelines ("KHAN YOUNIS, Gaza Strip, Nov 20 (Reuters) -", "12:45 GMT –") are
never speakers, acronyms of speaking bodies never datelines. Speakers are resolved last, in
document order: pronouns and definite descriptions ("the minister") go to the nearest
compatible antecedent among earlier speakers and mentions of the same and two preceding
sentences, or further back within the paragraph when no other speaker comes between
(entities and noun chunks where parsed, capitalised runs where not). "it" prefers an
organisation, "they" a plural, "he"/"she" a person whose gender (from "Mr."/"Ms." or a
following "his"/"her") does not clash.
"""
from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from typing import Iterable, Optional

from spacy.tokens import Doc, Token

from ..records import Claim, Span
from . import nlp

# --- lexicons -------------------------------------------------------------------------

# What a reporting verb takes as its content: dependency labels of its children, plus
# prepositions whose object is the content ("accused X of Y", "called for Y").
_CLAUSE = ("ccomp",)
_OBJECT = ("ccomp", "dobj")
_ACTION = ("ccomp", "dobj", "xcomp", "oprd")

CUE_CONTENT: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    # speech acts with clausal content
    **{lemma: (_CLAUSE, ()) for lemma in (
        "say", "add", "state", "note", "explain", "insist", "argue", "assert", "maintain", "write",
        "tweet", "reply", "respond", "answer", "recall", "concede", "complain", "caution", "remark",
        "observe", "assure", "testify", "contend", "speculate", "conclude", "affirm", "allege",
        "repeat", "continue", "quip", "joke", "exclaim", "proclaim", "retort", "counter",
        "disclose", "indicate", "suggest", "hint", "signal", "clarify", "inform", "communicate",
        "convey", "relay", "notify", "brief", "post", "mention",
        "shout", "scream", "yell", "whisper", "lament", "boast", "recount", "chant", "swear", "charge")},
    "plead": (("ccomp", "xcomp"), ("for",)),
    "appeal": (("ccomp", "xcomp"), ("for",)),
    "tell": (("ccomp", "xcomp"), ()),
    "report": (_OBJECT, ()),
    "announce": (_OBJECT, ()),
    "reveal": (_OBJECT, ()),
    "acknowledge": (_OBJECT, ()),
    "admit": (_OBJECT, ()),
    "predict": (_OBJECT, ()),
    "estimate": (_OBJECT, ()),
    "claim": (_ACTION, ()),
    "confirm": (_OBJECT, ()),
    "deny": (_OBJECT, ()),
    "reject": (_OBJECT, ("as",)),
    "dismiss": (_OBJECT, ("as",)),
    "stress": (_OBJECT, ()),
    "emphasize": (_OBJECT, ()),
    "emphasise": (_OBJECT, ()),
    "underline": (_OBJECT, ()),
    "underscore": (_OBJECT, ()),
    "reiterate": (_OBJECT, ()),
    "highlight": (_OBJECT, ()),
    "warn": (_ACTION, ("of", "about", "against")),
    "urge": (_ACTION, ("for",)),
    "vow": (_ACTION, ()),
    "pledge": (_ACTION, ()),
    "promise": (_ACTION, ()),
    "threaten": (_ACTION, ()),
    "order": (_ACTION, ()),
    "demand": (_ACTION, ()),
    "ask": (("ccomp", "xcomp", "dobj"), ("for",)),
    "advise": (("ccomp", "xcomp"), ("against",)),
    "call": (("oprd", "xcomp"), ("for", "on", "upon")),
    "blame": (_OBJECT, ("for", "on")),
    "accuse": (_OBJECT, ("of",)),
    "describe": (_OBJECT, ("as",)),
    "condemn": (_OBJECT, ("as", "for")),
    "denounce": (_OBJECT, ("as",)),
    "criticise": (_OBJECT, ("for",)),
    "criticize": (_OBJECT, ("for",)),
    "welcome": (_OBJECT, ()),
    "declare": (("ccomp", "dobj", "oprd"), ()),
    # stances: only with a finite clause ("believe it would only benefit Hamas")
    **{lemma: (_CLAUSE, ()) for lemma in ("believe", "think", "fear", "hope", "expect", "doubt")},
    # "data / figures showed": only with a data-like subject (see DATA_NOUNS)
    **{lemma: (_OBJECT, ()) for lemma in ("show", "find")},
}
# Verbs that count with a plain object only when the object is itself a statement
# ("backed Israel's account that …"), or when the object is quoted ("declared a “state of …”").
PROPOSITION_OBJECT_VERBS = {"back", "endorse", "support", "dispute", "echo", "declare", "call"}
PROPOSITION_NOUNS = {"account", "claim", "claims", "report", "reports", "assessment", "allegation",
                     "version", "assertion", "conclusion", "statement", "view", "finding", "findings",
                     "position", "narrative", "accusation", "charge", "assurance", "warning"}
CUE_CONTENT.update({v: (("dobj",), ()) for v in ("back", "endorse", "support", "dispute", "echo")})
STANCE_VERBS = {"believe", "think", "fear", "hope", "expect", "doubt"}
DATA_VERBS = {"show", "find"}
DATA_NOUNS = {"data", "figure", "figures", "statistic", "statistics", "tally", "count", "record",
              "records", "report", "survey", "poll", "study", "analysis", "document", "estimate",
              "estimates", "number", "numbers", "toll", "review", "assessment", "investigation",
              "inquiry", "research", "audit", "census", "list"}
# Passive reporting without an agent: "are said to be", "is reported to have".
PASSIVE_HEARSAY = {"say", "report", "believe", "allege", "rumour", "rumor", "claim", "think"}
# Verbs before a reporting verb that negate or withhold it ("declined to comment").
WITHHOLDING = {"decline", "refuse", "fail", "forget"}
# Nouns naming a document: "according to a statement by X" → speaker X.
DOCUMENT_NOUNS = {"statement", "report", "data", "figure", "figures", "tally", "count", "post",
                  "message", "tweet", "release", "communique", "announcement", "document", "letter",
                  "bulletin", "update", "estimate", "estimates", "record", "records", "note",
                  "briefing", "publication", "analysis", "assessment", "notice", "video", "interview",
                  "leaflet", "leaflets", "messages", "order", "orders", "warning", "warnings"}
# Verbs by which a source puts out a document ("released a statement saying …").
ISSUING_VERBS = {"issue", "release", "publish", "post", "send", "circulate", "share", "broadcast", "air",
                 "drop", "distribute", "put", "sign", "file", "submit", "deliver", "read"}
# Common nouns that name speakers (used for typing antecedents and resolving "the official").
PERSON_NOUNS = {"official", "spokesman", "spokeswoman", "spokesperson", "minister", "president",
                "ambassador", "diplomat", "envoy", "source", "witness", "director", "doctor",
                "commander", "leader", "chief", "secretary", "negotiator", "analyst", "resident",
                "aide", "adviser", "advisor", "premier", "king", "prince", "general", "officer",
                "mayor", "governor", "senator", "lawmaker", "representative", "correspondent",
                "reporter", "journalist", "medic", "nurse", "surgeon", "survivor", "father",
                "mother", "man", "woman", "head", "chairman", "chairwoman", "coordinator",
                "counsel", "lawyer", "expert", "researcher", "professor", "activist", "emissary",
                "rabbi", "imam", "priest", "cleric", "worker", "volunteer", "eyewitness", "mediator",
                "relative", "parent", "son", "daughter", "brother", "sister", "husband", "wife", "uncle",
                "aunt", "cousin", "neighbour", "neighbor", "protester", "demonstrator", "student", "soldier",
                "hostage", "captive", "refugee", "patient", "paramedic", "rescuer", "member", "teacher",
                "settler", "fighter", "militant", "gunman", "captain", "farmer", "driver", "owner",
                "shopkeeper", "trader", "merchant", "pilot", "sailor", "guard", "physician", "executive",
                "scholar", "historian", "economist", "judge", "prosecutor", "pope"}
ORG_NOUNS = {"military", "army", "ministry", "government", "group", "agency", "embassy", "mission",
             "office", "council", "assembly", "organisation", "organization", "committee", "police",
             "hospital", "authority", "authorities", "force", "forces", "movement", "administration",
             "cabinet", "company", "newspaper", "channel", "network", "broadcaster", "union",
             "court", "parliament", "body", "service", "department", "navy", "militia", "faction",
             "charity", "bank", "programme", "program", "team", "outlet", "wing",
             "brigade", "brigades", "regime", "state", "coalition", "alliance", "party", "secretariat",
             "crescent", "commission", "directorate", "media", "paper", "daily", "station", "website",
             "family", "families", "institute", "foundation", "fund", "bureau", "university", "board",
             "panel", "presidency", "campaign"}
_MILITARY_NAME = re.compile(r"\b(?:army|military|forces|idf|defen[cs]e)\b", re.I)
_NAME_TITLES = {"mr", "mrs", "ms", "dr", "prof", "sir", "dame", "gen", "col", "lt", "sgt", "capt", "maj"}

PRONOUNS = {"he": "person", "she": "person", "him": "person", "her": "person", "it": "org",
            "they": "plural", "them": "plural"}
RELATIVE_PRONOUNS = {"which", "who", "that", "whom", "what", "whose"}
QUOTE_CHARS = "“”„«»\"‘’'‹›"


def _acronym(tok) -> bool:
    """"WHO", "UN", "IDF": capitals that are names even when they spell a function word."""
    return len(tok.text) > 1 and tok.text.isupper() and tok.text.isalpha()


def _is_relative(tok) -> bool:
    return tok.lower_ in RELATIVE_PRONOUNS and not _acronym(tok)


# --- verb forms and TRIGGER -------------------------------------------------------------

_IRREGULAR = {"say": ("said",), "tell": ("told",), "write": ("wrote", "written"), "think": ("thought",),
              "find": ("found",), "show": ("shown",), "continue": (), "forecast": ()}


def _forms(lemma: str) -> set[str]:
    """Inflected forms of a regular English verb (over-generation is harmless here)."""
    out = {lemma, *_IRREGULAR.get(lemma, ())}
    if lemma.endswith("y") and lemma[-2:-1] not in set("aeiou"):
        out |= {lemma[:-1] + "ies", lemma[:-1] + "ied", lemma + "ing"}
    elif lemma.endswith("e"):
        out |= {lemma + "s", lemma + "d", lemma[:-1] + "ing"}
    else:
        out |= {lemma + ("es" if lemma.endswith(("s", "sh", "ch", "x", "z")) else "s"),
                lemma + "ed", lemma + "ing"}
        if re.search(r"[^aeiou][aeiou][bdgmnprt]$", lemma) and len(lemma) <= 6:
            out |= {lemma + lemma[-1] + "ed", lemma + lemma[-1] + "ing"}   # admitted, regretting
    return out


CUE_LEMMAS = set(CUE_CONTENT) | PROPOSITION_OBJECT_VERBS | PASSIVE_HEARSAY | {"quote", "cite"}
FORM_TO_LEMMA = {form: lemma for lemma in sorted(CUE_LEMMAS) for form in _forms(lemma)}
# Verbs that may attribute a quotation ("…,” the minister added) but not every other use of them.
QUOTE_CUE_LEMMAS = CUE_LEMMAS - DATA_VERBS - {"quote", "cite"}

TRIGGER = re.compile(
    r"[“”„«»\"‘]|(?<![A-Za-z])['’]|['’](?![A-Za-z])|\s[–—-]\s|\w:\s|\b(?:according|reportedly|allegedly|"
    + "|".join(sorted(FORM_TO_LEMMA, key=len, reverse=True)) + r")\b",
    re.I,
)


# --- quotation regions ------------------------------------------------------------------

@dataclass
class Quote:
    """A quotation: ``open``/``close`` are the offsets of its marks (``None`` when missing)."""

    open: Optional[int]
    close: Optional[int]
    inner_start: int
    inner_end: int
    used: bool = False

    @property
    def start(self) -> int:
        return self.open if self.open is not None else self.inner_start

    @property
    def end(self) -> int:
        return self.close + 1 if self.close is not None else self.inner_end


_OPENERS_D, _CLOSERS_D = "“„«", "”»"
_LEFT_BOUNDARY = set("([{—–-/") | {"", " "}
_RIGHT_BOUNDARY = set(".,;:!?)]}—–-…")


def _paragraphs(text: str) -> Iterable[tuple[int, int]]:
    start = 0
    for m in re.finditer(r"\n", text):
        yield start, m.start()
        start = m.end()
    yield start, len(text)


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _double_role(text: str, i: int, lo: int, hi: int, inside: bool) -> str:
    """'open' or 'close' for a double quotation mark at ``i`` (paragraph ``[lo, hi)``)."""
    ch = text[i]
    prev = text[i - 1] if i > lo else ""
    nxt = text[i + 1] if i + 1 < hi else ""
    left = prev in _LEFT_BOUNDARY or prev.isspace()
    right = nxt == "" or nxt.isspace() or nxt in _RIGHT_BOUNDARY or nxt in QUOTE_CHARS
    if ch in _OPENERS_D:
        return "close" if (right and not left and inside) else "open"
    if ch in _CLOSERS_D:
        return "open" if (left and not right and not inside) else "close"
    if left and not right:
        return "open"
    if right and not left:
        return "close"
    return "close" if inside else "open"


def _double_quotes(text: str, lo: int, hi: int, first_paragraph: bool,
                   carried_open: bool) -> list[Quote]:
    regions: list[Quote] = []
    open_at: Optional[int] = None
    seen_any = False
    for i in range(lo, hi):
        ch = text[i]
        if ch not in _OPENERS_D and ch not in _CLOSERS_D and ch != '"':
            continue
        role = _double_role(text, i, lo, hi, open_at is not None)
        if role == "open":
            if open_at is not None:   # an opener while open: the earlier one was never closed
                s, e = _trim(text, open_at + 1, i)
                regions.append(Quote(open_at, None, s, e))
            open_at = i
        elif open_at is not None:
            s, e = _trim(text, open_at + 1, i)
            regions.append(Quote(open_at, i, s, e))
            open_at = None
        elif not seen_any and (first_paragraph or carried_open):
            # a closer with no opener: the excerpt (or paragraph) starts inside a quotation
            s, e = _trim(text, lo, i)
            if e > s:
                regions.append(Quote(None, i, s, e))
        seen_any = True
    if open_at is not None:
        s, e = _trim(text, open_at + 1, hi)
        comma = _implicit_close(text, s, e)
        if comma is not None:         # “We will not leave, said Abu Khaled …: the mark was left out
            regions.append(Quote(open_at, comma, s, comma + 1))
        elif e > s:
            regions.append(Quote(open_at, None, s, e))
    return regions


_QUOTE_VERBS = r"(?:said|says|added|adds|told|tells|asked|explained|wrote|insisted|warned|continued)"
_INLINE_ATTRIBUTION = re.compile(
    r",\s+(?:" + _QUOTE_VERBS + r"\s|(?!(?:and|but|or|so|because|when|while|as|if|then|that|which|who)\b)"
    r"(?:[\w'’.-]+\s+){1,4}" + _QUOTE_VERBS + r"\b)")


def _implicit_close(text: str, start: int, end: int) -> Optional[int]:
    """The comma where an unclosed quotation really ends: “…, said X" / “…, the official said"."""
    m = _INLINE_ATTRIBUTION.search(text, start, end)
    if m is None or m.start() - start < 8:
        return None
    return m.start()


def _single_quotes(text: str, lo: int, hi: int, taken: list[Quote]) -> list[Quote]:
    """‘…’ and '…' pairs outside double quotations; unpaired ones are apostrophes."""
    def inside_double(i: int) -> bool:
        return any(q.start <= i < q.end for q in taken)

    regions: list[Quote] = []
    open_at: Optional[int] = None
    for i in range(lo, hi):
        ch = text[i]
        if ch not in "‘’'" or inside_double(i):
            continue
        prev = text[i - 1] if i > lo else ""
        nxt = text[i + 1] if i + 1 < hi else ""
        left = prev == "" or prev.isspace() or prev in "([{—–-\"“"
        if open_at is None:
            if ch in "‘'" and left and nxt.isalnum():
                open_at = i
            continue
        if ch in "’'" and not prev.isspace() and not nxt.isalnum():
            s, e = _trim(text, open_at + 1, i)
            if e > s:
                regions.append(Quote(open_at, i, s, e))
            open_at = None
    return regions


def find_quotes(text: str) -> list[Quote]:
    """All quotation regions of a text, in order."""
    scan, doubled = _single_width_marks(text)
    regions: list[Quote] = []
    carried_open = False
    for n, (lo, hi) in enumerate(_paragraphs(scan)):
        doubles = _double_quotes(scan, lo, hi, n == 0, carried_open)
        singles = _single_quotes(scan, lo, hi, doubles)
        if scan[lo:hi].strip():
            carried_open = bool(doubles) and doubles[-1].close is None
        regions.extend(sorted(doubles + singles, key=lambda q: q.start))
    for q in regions:                 # the marks of '' … '' cover both characters
        if q.open is not None and q.open - 1 in doubled:
            q.open -= 1
        if q.close is not None and q.close in doubled:
            q.close += 1
    return regions


_DOUBLED_MARK = re.compile(r"'{2,3}|``")


def _single_width_marks(text: str) -> tuple[str, set[int]]:
    """NYT-style ''…'' (and ``…''): each two-character mark becomes one straight double quote
    in a same-length copy of the text (an opener's first character and a closer's second one
    become spaces); returns the copy and the start offsets of the doubled marks."""
    if "''" not in text and "``" not in text:
        return text, set()
    chars = list(text)
    doubled: set[int] = set()
    for m in _DOUBLED_MARK.finditer(text):
        i = m.start()
        prev = text[i - 1] if i else ""
        opener = m.group(0) == "``" or prev == "" or prev.isspace() or prev in "([{—–-\n"
        if len(m.group(0)) == 3 and not opener:
            i += 1                    # three marks after a word: a single quotation closes first
        if opener:
            chars[i], chars[i + 1] = " ", '"'
        else:
            chars[i], chars[i + 1] = '"', " "
        doubled.add(i)
    return "".join(chars), doubled


# --- working structures -------------------------------------------------------------------

@dataclass
class _Raw:
    """A claim before its speaker is resolved."""

    span: tuple[int, int]
    content: tuple[int, int]
    mode: str
    cue: Optional[tuple[int, int]]
    speaker_head: Optional[Token] = None            # head of the subject NP (parsed)
    speaker_chars: Optional[tuple[int, int]] = None  # surface NP (unparsed fallback)
    carry: bool = False                              # speaker carried from the previous claim
    from_report: bool = False                        # "reportedly": only from a report just before
    speaker: Optional[str] = None
    speaker_span: Optional[tuple[int, int]] = None
    speaker_kind: Optional[str] = None


class _Ctx:
    """Per-document helpers: sentences, quotes and char→token lookups."""

    def __init__(self, doc: Doc):
        self.doc = doc
        self.text = nlp.doc_text(doc)
        self.sents = nlp.sentences(doc)
        self.sent_starts = [s.start_char for s in self.sents]
        self.quotes = find_quotes(self.text)
        self.used_cues: set[int] = set()
        self.token_starts = [t.idx for t in doc]
        self._mentions: dict[int, list["_Mention"]] = {}
        self.ents = list(doc.ents)           # doc.ents rebuilds its list on every access
        self._ent_starts = [e.start_char for e in self.ents]
        self._chunks: Optional[dict[int, list]] = None
        self._closed: Optional[list[tuple[int, int]]] = None
        self._closed_starts: list[int] = []
        self._surname_gender: Optional[dict[str, Optional[str]]] = None

    def ents_within(self, start: int, end: int) -> list:
        i = bisect.bisect_left(self._ent_starts, start)
        out = []
        while i < len(self.ents) and self.ents[i].start_char < end:
            if self.ents[i].end_char <= end:
                out.append(self.ents[i])
            i += 1
        return out

    def noun_chunks(self, sent_index: int) -> list:
        """Noun chunks of one sentence (computed once per document: Span.noun_chunks rescans)."""
        if self._chunks is None:
            self._chunks = {}
            if self.doc.has_annotation("DEP"):
                for chunk in self.doc.noun_chunks:
                    self._chunks.setdefault(self.sent_index(chunk.start_char), []).append(chunk)
        return self._chunks.get(sent_index, [])

    def paragraph_first_sentence(self, char: int) -> int:
        """Index of the first sentence of the paragraph holding ``char``."""
        para = self.text.rfind("\n", 0, char) + 1
        return self.sent_index(para)

    def sent_index(self, char: int) -> int:
        return max(bisect.bisect_right(self.sent_starts, char) - 1, 0)

    def sent_bounds(self, char: int) -> tuple[int, int]:
        s = self.sents[self.sent_index(char)] if self.sents else None
        return (s.start_char, s.end_char) if s is not None else (0, len(self.text))

    def token_at(self, char: int) -> Optional[Token]:
        i = bisect.bisect_right(self.token_starts, char) - 1
        return self.doc[i] if 0 <= i < len(self.doc) else None

    def quote_holding(self, start: int, end: int) -> Optional[Quote]:
        for q in self.quotes:
            if q.start <= start and end <= q.end:
                return q
        return None

    def quotes_overlapping(self, start: int, end: int) -> list[Quote]:
        return [q for q in self.quotes if q.start < end and start < q.end]

    def in_closed_quote(self, char: int) -> bool:
        if self._closed is None:     # quotations never overlap: sorted bounds and bisect
            closed = [(q.open, q.close) for q in self.quotes if q.open is not None and q.close is not None]
            self._closed = sorted(closed)
            self._closed_starts = [a for a, _ in self._closed]
        i = bisect.bisect_left(self._closed_starts, char) - 1
        return i >= 0 and self._closed[i][0] < char < self._closed[i][1]


def _parsed(token: Token) -> bool:
    return bool(token.tag_)


def _chars(tokens: Iterable[Token]) -> Optional[tuple[int, int]]:
    toks = list(tokens)
    if not toks:
        return None
    first = min(toks, key=lambda t: t.i)
    last = max(toks, key=lambda t: t.i)
    return first.idx, last.idx + len(last.text)


_STRIP_TRAIL = set(".,;:–—-…") | set(" \t\n\r")
_STRIP_LEAD = set(",;:–—-.") | set(" \t\n\r")


# "JERUSALEM (Reuters) – ", "(CNN) — ", "Gaza City, Oct 9 (AFP): " at the start of a paragraph.
# Also "KHAN YOUNIS, Gaza Strip, Nov 20 (Reuters) - ", "GAZA, Oct. 18 (Xinhua) -- " and live-blog
# time stamps ("12:45 GMT – ").
_DATELINE_PLACE = r"(?:[A-Z][A-Z .'’-]{2,30}|[A-Z][a-z]+(?: [A-Z][a-z]+)?)"
_DATELINE_REGION = r"(?:,\s*[A-Z][\w'’.-]*(?: [A-Z][\w'’.-]*){0,3})?"
_DATELINE_DATE = r"(?:,?\s*(?:[A-Z][a-z]{2,9}\.?\s*\d{1,2}|\d{1,2}\s+[A-Z][a-z]{2,9})(?:,\s*\d{4})?)?"
_DATELINE_AGENCY = r"(?:\s*\([A-Za-z .]{2,25}\)){0,2}"
_TIME_STAMP = r"\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?\s*)?(?:GMT|UTC|BST|CET|EST|EDT|ET|IST|local time)?"
_DATELINE = re.compile(
    r"[ \t]*(?:" + _DATELINE_PLACE + _DATELINE_REGION + _DATELINE_DATE + _DATELINE_AGENCY
    + r"|\([A-Za-z .]{2,25}\)|" + _TIME_STAMP + r")\s*(?:[:—–]|-{1,2})\s+")


def _dateline_end(text: str, pos: int) -> Optional[int]:
    """End of the dateline ``pos`` lies in, if any (only real datelines: capitals, a date or an agency)."""
    para = text.rfind("\n", 0, pos) + 1
    m = _DATELINE.match(text, para)
    if not m or pos >= m.end():
        return None
    head = m.group(0)
    if not (re.match(r"\s*[A-Z]{3,}", head) or "(" in head or re.search(r"\d", head)):
        return None                    # "Revealed: …", "Netanyahu: …" are not datelines
    bare = re.fullmatch(r"\s*([A-Z]+)\s*\S+\s*", head)
    if bare and bare.group(1) in SPEAKER_ACRONYMS:
        return None                    # "UNRWA: …", "IDF – …": a source, not a place
    return m.end()


# Acronyms of bodies that speak in this kind of news; never the place of a dateline.
SPEAKER_ACRONYMS = {"UN", "UNRWA", "OCHA", "IDF", "CPJ", "WHO", "UNICEF", "WFP", "UNHCR", "ICRC", "IFRC",
                    "MSF", "HRW", "PRCS", "EU", "NATO", "IAEA", "ICC", "ICJ", "IRC", "NRC", "UNFPA", "UNDP",
                    "OHCHR", "PIJ", "PLO", "PA", "CIA", "FBI", "USAID", "CNN", "BBC", "AFP", "AP", "NGO"}


def _clean_content(text: str, start: int, end: int) -> tuple[int, int]:
    """Trim spaces, a leading "that" and outer punctuation (quotation marks are kept)."""
    dateline = _dateline_end(text, start)
    if dateline is not None and dateline < end:
        start = dateline
    while True:
        before = (start, end)
        while start < end and text[start] in _STRIP_LEAD:
            start += 1
        while end > start and text[end - 1] in _STRIP_TRAIL:
            end -= 1
        if re.match(r"that[\s,]", text[start:end], re.I):
            start += 4
        if (start, end) == before:
            return start, end


def _direct_content(text: str, q: Quote) -> tuple[int, int]:
    """Inside the marks, without a trailing comma ("…,” he said")."""
    start, end = q.inner_start, q.inner_end
    while end > start and (text[end - 1] in ",;:–—-" or text[end - 1].isspace()):
        end -= 1
    return start, end


# --- speakers: noun phrases ---------------------------------------------------------------

def _person_entity(token: Token) -> Optional[tuple[int, int]]:
    if token.ent_type_ != "PERSON":
        return None
    doc = token.doc
    start = token.i
    while start > 0 and doc[start - 1].ent_type_ == "PERSON" and doc[start].ent_iob_ != "B":
        start -= 1
    end = token.i + 1
    while end < len(doc) and doc[end].ent_iob_ == "I":
        end += 1
    return doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text)


def _np_tokens(head: Token) -> list[Token]:
    """The subject noun phrase around ``head``: no relative clauses, no comma appositions."""
    drop: set[int] = set()
    for child in head.children:
        if child.dep_ in ("relcl", "advmod", "punct", "cc") and child.i > head.i and child.text not in "()":
            drop.update(t.i for t in child.subtree)
        if child.dep_ == "acl" and child.i > head.i and child.tag_ == "VBG" and _is_cue_verb(child):
            drop.update(t.i for t in child.subtree)      # "a hostage [saying she …]"
        if child.dep_ == "appos" and child.i > head.i and child.left_edge.i > 0 \
                and head.doc[child.left_edge.i - 1].text == ",":
            drop.update(t.i for t in child.subtree)
        if child.dep_ == "prep" and child.i > head.i and child.lower_ in ("on", "via", "in", "through") \
                and any(c.lower_ in _PLATFORMS for c in child.children):
            drop.update(t.i for t in child.subtree)      # "the group's armed wing on Telegram"
    # cut at the first comma after the head ("Aya Ahmed, public relations officer …")
    cut = next((t.i for t in head.subtree if t.i > head.i and t.text in (",", ";", "—", "–")), None)
    toks = [t for t in head.subtree if t.i not in drop]
    toks = [t for t in toks if cut is None or t.i < cut]
    toks = [t for t in toks if t.i >= head.i or not any(t.i <= x.i for x in toks if x.text in (",", ";"))]
    return _trim_np(toks)


_PLATFORMS = {"telegram", "twitter", "x", "facebook", "instagram", "tiktok", "youtube", "television",
              "tv", "radio", "whatsapp", "truth", "threads", "weibo", "media", "website"}


def _trim_np(toks: list[Token]) -> list[Token]:
    def loose(tok: Token, edge: str) -> bool:
        return tok.is_space or (tok.is_punct and tok.text != edge)

    while toks and (loose(toks[0], "(") or toks[0].lower_ in ("and", "but", "or", "also")):
        toks = toks[1:]
    while toks and (loose(toks[-1], ")") or toks[-1].lower_ in ("also", "has", "have", "had")):
        toks = toks[:-1]
    if toks and sum(t.text == "(" for t in toks) > sum(t.text == ")" for t in toks):
        nxt = toks[-1].doc[toks[-1].i + 1] if toks[-1].i + 1 < len(toks[-1].doc) else None
        if nxt is not None and nxt.text == ")":
            toks = toks + [nxt]                          # "(WHO" → "(WHO)"
    # a phrase never runs across a line break (headlines, bullets)
    breaks = [k for k, t in enumerate(toks) if "\n" in t.text or "\n" in t.whitespace_]
    if breaks:
        toks = toks[:breaks[0] + 1] if "\n" in toks[breaks[0]].whitespace_ else toks[:breaks[0]]
    return toks


def _named_person(ctx: _Ctx, span: Optional[tuple[int, int]], inverted: bool = False) -> Optional[tuple[int, int]]:
    """The person a speaker phrase names: "Deputy Ambassador Robert Wood" → "Robert Wood".

    Only a name that ends the phrase counts ("Hazem Qassem's lawyer" is the lawyer); after an
    inverted cue ("said Dr. Ann Lee of the hospital") a name that starts it counts too.
    """
    if span is None:
        return None
    for ent in ctx.ents_within(*span):
        if ent.label_ != "PERSON":
            continue
        tail = ctx.text[ent.end_char:span[1]].strip()
        if not tail or tail == ")" or (inverted and ctx.text[span[0]:ent.start_char].strip().lower().rstrip(".")
                                       in _NAME_TITLES | {""}):
            return ent.start_char, ent.end_char
    return None


def _speaker_from_head(ctx: _Ctx, head: Token) -> tuple[Optional[tuple[int, int]], Optional[Token]]:
    """Character span of the speaker named by ``head`` (and the head after any descent)."""
    span, found = _speaker_phrase(ctx, head)
    if span is None:
        return None, None
    dateline = _dateline_end(ctx.text, span[0])
    if dateline is not None and dateline < span[1]:
        span = (dateline, span[1])    # "Oct 9: Israel's defence minister"
    if not _has_content_word(ctx.text[span[0]:span[1]]):
        return None, None             # "according to the" cut off by the excerpt
    return _whole_names(ctx, span), found


_NAME_LABELS = ("ORG", "PERSON", "NORP", "GPE", "FAC", "WORK_OF_ART")


def _whole_names(ctx: _Ctx, span: tuple[int, int]) -> tuple[int, int]:
    """Widen a speaker phrase to the names it cuts: the parse stops "the Committee to Protect
    Journalists" at "to", "the Office for the Coordination of …" at "for"."""
    start, end = span
    lo = max(bisect.bisect_left(ctx._ent_starts, start) - 3, 0)
    for ent in ctx.ents[lo:]:
        if ent.start_char >= end:
            break
        if ent.label_ not in _NAME_LABELS or ent.end_char <= start:
            continue
        if ent.end_char > end and ent.start_char >= start and not _holds_cue(ent):
            end = ent.end_char
        if ent.start_char < start < ent.end_char:
            start = ent.start_char
    while start < end and not (ctx.text[start].isalnum() or ctx.text[start] in "(\"“‘'"):
        start += 1                    # an entity that took in a bullet ("• Israel's Army Radio")
    return start, end


def _holds_cue(ent) -> bool:
    """An entity that swallowed the reporting verb ("Hamas said") is not a name to widen to."""
    return any(t.lower_ in FORM_TO_LEMMA and t.pos_ in ("VERB", "AUX") for t in ent)


_FUNCTION_ONLY = {"the", "a", "an", "this", "that", "these", "those", "its", "his", "her", "their", "our"}


def _has_content_word(words: str) -> bool:
    return any(w.lower() not in _FUNCTION_ONLY for w in re.findall(r"\w+", words))


def _speaker_phrase(ctx: _Ctx, head: Token) -> tuple[Optional[tuple[int, int]], Optional[Token]]:
    if head.lemma_.lower() in DOCUMENT_NOUNS or head.lower_ in DOCUMENT_NOUNS:
        # "a statement by X", "figures from X", "figures released by X"
        preps = [c for c in head.children if c.dep_ == "prep"]
        preps += [a for c in head.children if c.dep_ == "acl" and c.tag_ == "VBN"
                  for a in c.children if a.dep_ == "agent"]
        for prep in preps:
            if prep.lower_ in ("by", "from", "of"):
                pobj = next((c for c in prep.children if c.dep_ == "pobj"), None)
                if pobj is not None and (pobj.ent_type_ or pobj.pos_ == "PROPN"
                                         or pobj.lemma_.lower() in ORG_NOUNS | PERSON_NOUNS):
                    return _speaker_phrase(ctx, pobj)
    coordinated = any(c.dep_ == "conj" for c in head.children)
    person = _person_entity(head)
    if person and not coordinated:
        return person, head
    for child in head.children:        # "The director of the hospital, Dr. Ann Lee, said"
        if child.dep_ == "appos" and child.i > head.i and _person_entity(child) and head.pos_ != "PROPN":
            return _person_entity(child), child
    closing = _closing_apposition(head)
    if closing is not None:
        return _person_entity(closing), closing
    span = _chars(_np_tokens(head))
    return (_named_person(ctx, span) or span), head


def _closing_apposition(head: Token) -> Optional[Token]:
    """"A spokesman for the State Department, Matthew Miller, said": the name set off by commas
    at the end of a described speaker, wherever the parser hung it."""
    if head.pos_ == "PROPN" or head.ent_type_:
        return None
    doc = head.doc
    for tok in head.subtree:
        if tok.dep_ == "appos" and tok.i > head.i and tok.head.i != head.i and _person_entity(tok) \
                and tok.left_edge.i > 0 and doc[tok.left_edge.i - 1].text == "," \
                and tok.right_edge.i == head.right_edge.i - (doc[head.right_edge.i].text == ","):
            return tok
    return None


def _surface_np(ctx: _Ctx, start: int, end: int, inverted: bool = False) -> Optional[tuple[int, int]]:
    """A speaker found without a parse: a person the phrase names, else the trimmed range."""
    text = ctx.text
    s, e = _trim(text, start, end)
    while s < e and not text[s].isalnum():
        s += 1
    while e > s and not (text[e - 1].isalnum() or text[e - 1] in ")."):
        e -= 1
    if e <= s:
        return None
    return _named_person(ctx, (s, e), inverted) or _whole_names(ctx, (s, e))


# Words that end a subject noun phrase when walking left from a verb.
_CLAUSE_WORDS = {"that", "because", "as", "while", "if", "when", "after", "before", "since", "although",
                 "though", "and", "but", "or", "which", "who", "whom", "where", "whereas", "so", "than"}
_ADJUNCT_STARTS = {"after", "before", "while", "in", "on", "at", "during", "following", "as", "according",
                   "speaking", "asked", "when", "earlier", "later", "meanwhile", "however", "also",
                   "separately", "since", "from", "with", "without", "despite", "amid", "by", "for", "in"}
_SKIPPABLE = {"has", "have", "had", "also", "previously", "later", "earlier", "further", "again",
              "repeatedly", "strongly", "separately", "meanwhile", "then", "now", "already",
              "reportedly", "allegedly", "is", "are", "was", "were", "will", "would", "had", "did",
              "once", "recently", "quickly", "publicly", "privately", "formally", "officially",
              "overwhelmingly", "however", "subsequently"}
_NP_BREAK = {",", ";", ":", "—", "–", "“", "”", '"', "‘", "’", ".", "?", "!"}


def _surface_subject(ctx: _Ctx, verb: Token) -> Optional[tuple[int, int]]:
    """The noun phrase written just before a reporting verb, found on the surface.

    Handles what the parser often misattaches: "Content, an official at the border said",
    "Jordan's Foreign Minister said", "Aya Ahmed, public relations officer of X, told".
    """
    doc = ctx.doc
    s_start = _start_after_dateline(ctx, verb)
    i = verb.i - 1
    while i >= s_start and doc[i].lower_ in _SKIPPABLE:
        i -= 1
    phrase = _walk_np(doc, i, s_start)
    if phrase:
        if not _nominal_phrase(phrase):
            return None
        return _surface_np(ctx, phrase[0].idx, phrase[-1].idx + len(phrase[-1].text))
    if i < s_start or doc[i].text != ",":
        return None
    # an appositive chain or an adjunct between subject and verb: look at comma segments
    fallback = None
    for seg in _comma_segments(doc, s_start, i)[:3]:
        first = seg[0].lower_
        if first in _ADJUNCT_STARTS or _is_relative(seg[0]) or (_parsed(seg[0]) and seg[0].pos_ == "ADP"):
            continue                  # ", after arriving in Tel Aviv," / ", who …,"
        phrase = _walk_np(doc, seg[-1].i, seg[0].i)
        if not phrase or phrase[0].i != seg[0].i or not _nominal_phrase(phrase):
            if fallback is None:
                break                 # a clause: the verb's subject is not in view
            continue
        seg_span = _surface_np(ctx, phrase[0].idx, phrase[-1].idx + len(phrase[-1].text))
        if seg_span is not None and _named_person(ctx, seg_span) == seg_span:
            return seg_span
        if fallback is None:
            fallback = seg_span
    return fallback


def _start_after_dateline(ctx: _Ctx, verb: Token) -> int:
    """Index of the first token of the verb's sentence that is not part of a dateline."""
    if not ctx.sents:
        return 0
    sent = ctx.sents[ctx.sent_index(verb.idx)]
    dateline = _dateline_end(ctx.text, sent.start_char)
    if dateline is None:
        return sent.start
    first = ctx.token_at(dateline)
    if first is None:
        return sent.start
    return min(first.i if first.idx >= dateline else first.i + 1, verb.i)


def _comma_segments(doc: Doc, lo: int, comma: int) -> list[list[Token]]:
    """Comma-separated pieces of ``doc[lo:comma]``, nearest first."""
    out: list[list[Token]] = []
    current: list[Token] = []
    for i in range(comma - 1, lo - 1, -1):
        if doc[i].text == ",":
            if current:
                out.append(current[::-1])
            current = []
        else:
            current.append(doc[i])
    if current:
        out.append(current[::-1])
    return out


def _nominal_phrase(phrase: list[Token]) -> bool:
    """A phrase that can name a speaker: not a prepositional phrase or a date ("on Friday")."""
    first = phrase[0]
    if first.lower_ in _ADJUNCT_STARTS - {"also"} or (_parsed(first) and first.pos_ == "ADP"):
        return False
    if all(t.ent_type_ in ("DATE", "TIME") or t.is_punct for t in phrase):
        return False
    if _parsed(first):
        return any(t.pos_ in ("NOUN", "PROPN", "PRON", "NUM") for t in phrase)
    return any(t.is_alpha for t in phrase)


def _walk_np(doc: Doc, i: int, lo: int) -> list[Token]:
    out: list[Token] = []
    while i >= lo:
        tok = doc[i]
        if tok.text in _NP_BREAK or (tok.lower_ in _CLAUSE_WORDS and not _acronym(tok)) or "\n" in tok.text:
            break
        if _parsed(tok) and tok.pos_ in ("VERB", "AUX") and tok.dep_ not in ("amod", "compound", "acl"):
            break
        out.append(tok)
        i -= 1
    out.reverse()
    if len(out) > 14:
        return []
    return _trim_np(out)


def _subject(verb: Token, depth: int = 0) -> Optional[Token]:
    """Who performs a reporting verb: its subject, or the one it shares with the verb it hangs on."""
    if depth > 4:
        return None
    for child in verb.children:
        if child.dep_ == "agent":
            pobj = next((c for c in child.children if c.dep_ == "pobj"), None)
            if pobj is not None:
                return pobj
    subjects = [c for c in verb.children if c.dep_ in ("nsubj", "csubj")]
    if subjects:
        # two subjects ("DOHA (Reuters) - Qatar's spokesman said", "The hostages, an official
        # said, would …"): the one just before the verb speaks
        before = sorted((c for c in subjects if c.i < verb.i), key=lambda c: c.i)
        child = before[0] if before else subjects[0]
        if len(before) > 1 and before[-1].left_edge.i > 0 \
                and verb.doc[before[-1].left_edge.i - 1].text in (",", "-", "–", "—", ")", ":"):
            child = before[-1]        # without punctuation between, one name split in two
        if _is_relative(child):
            return verb.head if verb.dep_ == "relcl" else None   # "the group, which denied …"
        return _glued_apposition(child, verb) or child
    for child in verb.children:
        if child.dep_ == "nsubjpass" and verb.lemma_ in ("quote", "cite"):
            return child
    head = verb.head
    if head is verb:
        return None
    if verb.dep_ == "pcomp" and head.lower_ == "as" and head.head.lemma_ in ("quote", "cite"):
        quoted = head.head            # "X quoted Y as saying" / "Y was quoted as saying"
        return next((c for c in quoted.children if c.dep_ in ("dobj", "nsubjpass")), None)
    if verb.dep_ == "acl" and verb.tag_ == "VBG" and head.pos_ in ("NOUN", "PROPN"):
        if _issued_document(head):    # "Hamas issued a statement saying …", "posted a map telling …"
            return _subject(head.head, depth + 1)
        return head                   # "a captive, Mia Shem, saying …", "a lawsuit alleging …"
    if verb.dep_ == "conj" and head.dep_ == "ccomp" and not _is_cue_verb(head) and _is_cue_verb(head.head):
        return _subject(head.head, depth + 1)   # "X said A, and claimed B" misattached to A
    if verb.dep_ == "conj" and not _is_cue_verb(head) and not any(c.dep_.startswith("nsubj") for c in head.children):
        governor = _governing_cue(head)         # "accused X of doing A and called B C"
        if governor is not None:
            return _subject(governor, depth + 1)
    if verb.dep_ == "advcl" and verb.tag_ == "VBG" and not _is_cue_verb(head):
        climb = head                  # "added that X, and Y is Z, advising …": the reporter advises
        while climb.dep_ in ("conj", "ccomp") and not _is_cue_verb(climb) and climb.head is not climb:
            climb = climb.head
        if _is_cue_verb(climb):
            return _subject(climb, depth + 1)
    infinitive = any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children)
    if verb.dep_ in ("conj", "xcomp") or (verb.dep_ == "advcl" and (verb.tag_ in ("VBG", "VBN") or infinitive)):
        return _subject(head, depth + 1)
    if verb.dep_ in ("acl", "relcl") and infinitive and head.dep_ == "dobj":   # "made a move to warn"
        return _subject(head.head, depth + 1)
    return None


def _issued_document(noun: Token) -> bool:
    """A thing (not a person or body) that its subject puts out: "released a video", "posted a map"."""
    speaker_like = _kind_of_head(noun) is not None or noun.lemma_.lower() in PERSON_NOUNS | ORG_NOUNS
    return noun.dep_ == "dobj" and noun.head.lemma_.lower() in ISSUING_VERBS and not speaker_like


def _governing_cue(tok: Token) -> Optional[Token]:
    """The reporting verb whose content ``tok`` sits in (through clauses and prepositions)."""
    for _ in range(3):
        if tok.dep_ not in ("ccomp", "pcomp", "prep", "xcomp") or tok.head is tok:
            return None
        tok = tok.head
        if _is_cue_verb(tok):
            return tok
    return None


def _glued_apposition(subject: Token, verb: Token) -> Optional[Token]:
    """"Writing on X, formerly Twitter, Jordan's Queen Rania said": an apposition that runs
    into the verb without a comma is the speaker; the parser hung it on an adjunct."""
    doc = verb.doc
    for child in subject.children:
        if child.dep_ == "appos" and child.i > subject.i and child.right_edge.i == verb.i - 1 \
                and child.left_edge.i > 0 and doc[child.left_edge.i - 1].text == ",":
            return child
    return None


def _is_cue_verb(tok: Token) -> bool:
    return tok.pos_ in ("VERB", "AUX") and (tok.lemma_.lower() in CUE_LEMMAS or tok.lower_ in FORM_TO_LEMMA)


def _sane_subject(ctx: _Ctx, subject: Token, verb: Token, content: tuple[int, int]) -> bool:
    """Reject parser subjects inside the content, a quotation or a dateline, or not nominal."""
    if _dateline_end(ctx.text, subject.idx) is not None:
        return False
    if content[0] <= subject.idx < content[1] and not (subject.i < verb.i and verb.idx < content[0]):
        return False
    if any(q.start <= subject.idx < q.end for q in ctx.quotes if q.close is not None):
        return False
    return subject.pos_ in ("NOUN", "PROPN", "PRON", "NUM", "X") or bool(subject.ent_type_)


def _speaker_of(ctx: _Ctx, verb: Token, content: tuple[int, int]):
    """(speaker chars, head token) for a reporting verb: the parse when sane, else the surface."""
    subject = _subject(verb)
    if subject is not None and _sane_subject(ctx, subject, verb, content):
        return _speaker_from_head(ctx, subject)
    if (verb.dep_ == "advcl" and verb.tag_ == "VBG") or verb.dep_ in _MODIFIER_DEPS:
        return None, None             # "its ability to threaten …": no speaker to look for
    return _surface_subject(ctx, verb), None


_MODIFIER_DEPS = {"acl", "relcl", "amod", "pcomp", "pobj", "nmod", "compound", "dobj", "nsubj", "appos"}


# --- pass 1: direct quotations with an adjacent attribution ---------------------------------

_STOP_TOKENS = {".", "!", "?", ";"}


def _cue_lemma(token: Token, for_quote: bool) -> Optional[str]:
    """The reporting lemma of a token, or None (tolerates unparsed tokens)."""
    lemma = token.lemma_.lower() if _parsed(token) else ""
    lexicon = QUOTE_CUE_LEMMAS | {"quote"} if for_quote else CUE_LEMMAS
    if _parsed(token):
        if token.pos_ in ("NOUN", "PROPN", "ADJ", "ADP", "DET", "NUM", "PRON"):
            return None
        if lemma in lexicon:
            return lemma
    form = FORM_TO_LEMMA.get(token.lower_)
    return form if form in lexicon else None


def _window_after(ctx: _Ctx, char: int, limit: int = 16) -> list[Token]:
    """Tokens after ``char`` up to a sentence stop, a new quotation or a line break."""
    tok = ctx.token_at(char)
    if tok is None:
        return []
    i = tok.i if tok.idx >= char else tok.i + 1
    out: list[Token] = []
    doc = ctx.doc
    while i < len(doc) and len(out) < limit:
        t = doc[i]
        if t.text in _STOP_TOKENS or "\n" in t.text or (t.text in QUOTE_CHARS and t.text not in "’'"):
            break
        out.append(t)
        if "\n" in t.whitespace_:
            break
        i += 1
    return out


def _attribution_after(ctx: _Ctx, q: Quote) -> Optional[tuple[Token, Optional[tuple[int, int]], Optional[Token]]]:
    """("…,” X said" | "…,” said X") → (cue token, speaker chars, speaker head)."""
    if not _closes_utterance(ctx.text, q):
        return None
    window = _window_after(ctx, q.end)
    while window and window[0].is_punct:
        window = window[1:]
    for n, tok in enumerate(window[:9]):
        if tok.lower_ in ("and", "but", "or", "then", "while", "as", "because", "which", "who") and not _acronym(tok):
            return None
        lemma = _cue_lemma(tok, for_quote=True)
        if lemma is None:
            if _parsed(tok) and tok.pos_ == "VERB" and tok.dep_ not in ("amod", "compound") \
                    and tok.ent_type_ not in _NAME_LABELS:
                return None           # another verb first (not one inside a name): not an attribution
            continue
        if lemma == "quote":          # "CNN quoted the mission as saying"
            return _quoted_as_saying(ctx, window[n:])
        if tok.tag_ == "VBG" or tok.lower_.endswith("ing"):
            return None               # “…,” advising people to …: a new predicate, not a speaker
        subject = _subject(tok) if _parsed(tok) else None
        if subject is not None and subject.idx < q.start:
            return None               # the verb belongs to a clause begun before the quotation
        if _parsed(tok) and _has_own_content(tok):
            return None               # “Title,” X admitted that …: the verb has its own content
        if subject is not None and subject.i > window[-1].i + 1:
            subject = None
        if subject is not None:
            span, head = _speaker_from_head(ctx, subject)
            return tok, span, head
        before = window[:n]
        if any(t.is_alpha for t in before):
            return tok, _surface_np(ctx, before[0].idx, tok.idx), None
        after = []
        for t in window[n + 1:]:
            if (t.is_punct and t.text not in "()") or t.lower_ in ("in", "on", "at", "to", "during", "after"):
                break
            after.append(t)
        if after:
            return tok, _surface_np(ctx, after[0].idx, after[-1].idx + len(after[-1].text)), None
        return tok, None, None
    return None


# Objects of "told" that name the audience, not the content ("…,” she told reporters).
_AUDIENCE_NOUNS = {"reporter", "journalist", "audience", "crowd", "council", "parliament", "assembly",
                   "committee", "lawmaker", "supporter", "agency", "newspaper", "broadcaster", "channel",
                   "network", "radio", "television", "station", "outlet", "gathering", "conference",
                   "meeting", "summit", "session", "senate", "house", "congress", "court", "jury",
                   "interviewer", "listener", "viewer", "reader", "delegate", "diplomat", "envoy", "press"}


def _has_own_content(verb: Token) -> bool:
    """A clause or a non-audience object after the verb ("told reporters" has none)."""
    for child in verb.children:
        if child.i < verb.i:
            continue
        if child.dep_ in ("ccomp", "xcomp") and child.ent_type_ not in _NAME_LABELS:
            return True               # (not "said the Committee to Protect Journalists")
        if child.dep_ == "dobj" and not (child.ent_type_ in ("ORG", "PERSON", "NORP") or child.pos_ == "PRON"
                                         or child.lemma_.lower() in _AUDIENCE_NOUNS):
            return True
    return False


def _closes_utterance(text: str, q: Quote) -> bool:
    """A quotation handed to its speaker ends in punctuation: “…,” / “…?” / ‘…’, / "…" —"""
    inner_end = text[q.inner_start:q.inner_end].rstrip()
    after = text[q.end:q.end + 3].lstrip(" ")
    return bool(inner_end) and (inner_end[-1] in ",.?!…–—-" or after[:1] in (",", "—", "–", "-", ":"))


def _quoted_as_saying(ctx: _Ctx, window: list[Token]):
    for n, tok in enumerate(window):
        if tok.lower_ == "as" and n + 1 < len(window) and _cue_lemma(window[n + 1], True):
            np = window[1:n]
            speaker = _surface_np(ctx, np[0].idx, np[-1].idx + len(np[-1].text)) if np else None
            head = None
            if np and _parsed(np[0]):
                head = next((t for t in np if t.head.i not in {x.i for x in np}), None)
                if head is not None:
                    speaker, head = _speaker_from_head(ctx, head)
            return window[n + 1], speaker, head
    return None


def _attribution_before(ctx: _Ctx, q: Quote) -> Optional[tuple[Token, Optional[tuple[int, int]], Optional[Token]]]:
    """("X said: “…”" | "X told reporters, “…”") → (cue, speaker chars, speaker head)."""
    if q.open is None:
        return None
    s_start, _ = ctx.sent_bounds(q.open)
    lead = ctx.text[s_start:q.open].rstrip()
    if not lead or lead[-1] not in ":,":
        return None
    tokens = [t for t in ctx.doc.char_span(s_start, q.open, alignment_mode="contract") or []]
    for tok in reversed(tokens):
        if _cue_lemma(tok, for_quote=True) and not ctx.in_closed_quote(tok.idx):
            subject = _subject(tok) if _parsed(tok) else None
            if subject is not None:
                span, head = _speaker_from_head(ctx, subject)
                return tok, span, head
            before = [t for t in tokens if t.i < tok.i]
            span = _surface_np(ctx, before[0].idx, tok.idx) if before else None
            return tok, span, None
    return None


def _opens_sentence(ctx: _Ctx, q: Quote) -> bool:
    s_start, _ = ctx.sent_bounds(q.start)
    lead = ctx.text[s_start:q.start]
    para = ctx.text.rfind("\n", 0, q.start) + 1
    lead_in_para = ctx.text[max(para, s_start):q.start]
    return not re.search(r"\w", lead) or not re.search(r"\w", lead_in_para)


def _cue_chars(tok: Token) -> tuple[int, int]:
    """The reporting expression as written: progressive or passive auxiliaries and the
    particle of "call for" / "call on" are part of it; perfect "has" is not."""
    doc = tok.doc
    start, end = tok.i, tok.i + 1
    if _parsed(tok):
        auxes = [c for c in tok.children if c.i == start - 1 and (
            c.dep_ == "auxpass" or (c.dep_ == "aux" and tok.tag_ == "VBG" and c.lemma_ == "be"))]
        if auxes:
            start -= 1
        if tok.lemma_ == "call" and end < len(doc) and doc[end].lower_ in ("for", "on", "upon") \
                and doc[end].head.i == tok.i:
            end += 1
    return doc[start].idx, doc[end - 1].idx + len(doc[end - 1].text)


def _direct_claims(ctx: _Ctx) -> list[_Raw]:
    out: list[_Raw] = []
    for q in ctx.quotes:
        if q.used or q.inner_end <= q.inner_start:
            continue
        found = _attribution_after(ctx, q) if q.close is not None else None
        after = found is not None
        if found is None and _opens_sentence(ctx, q):
            found = _attribution_before(ctx, q)
        if found is None:
            continue
        if after and not _opens_sentence(ctx, q) and _quote_earlier_in_sentence(ctx, q):
            continue                  # “A,” she said, but “B,” …: leave it to the parse
        cue, speaker_chars, speaker_head = found
        if cue.i in ctx.used_cues:
            continue
        ctx.used_cues.add(cue.i)
        q.used = True
        _, cue_sent_end = ctx.sent_bounds(cue.idx)
        if not after or _opens_sentence(ctx, q):
            content, mode = _direct_content(ctx.text, q), "direct"
            span_start = min(q.start, ctx.sent_bounds(cue.idx)[0])
        else:                        # quoted words finish a sentence that began outside them
            s_start, _ = ctx.sent_bounds(q.start)
            content, mode = _clean_content(ctx.text, s_start, q.end), "mixed"
            span_start = s_start
        span_end = max(cue_sent_end, q.end)
        out.append(_Raw((span_start, span_end), content, mode, _cue_chars(cue),
                        speaker_head=speaker_head, speaker_chars=speaker_chars))
        out.extend(_split_quote_tail(ctx, q, cue, out[-1]))
    return out


def _quote_earlier_in_sentence(ctx: _Ctx, q: Quote) -> bool:
    s_start, _ = ctx.sent_bounds(q.start)
    return any(s_start <= other.start and other.end <= q.start for other in ctx.quotes)


def _split_quote_tail(ctx: _Ctx, q: Quote, cue: Token, first: _Raw) -> list[_Raw]:
    """“We will win,” he said, “and we will rebuild.” — the second part, same speaker."""
    if q.close is None:
        return []
    _, sent_end = ctx.sent_bounds(cue.idx)
    for nxt in ctx.quotes:
        if nxt.used or nxt.open is None or not (cue.idx < nxt.open < sent_end):
            continue
        between = ctx.text[cue.idx:nxt.open]
        if "." in between or not between.rstrip().endswith((",", ":")):
            return []
        nxt.used = True
        return [_Raw(first.span, _direct_content(ctx.text, nxt), "direct", None, carry=True)]
    return []


# --- pass 2: dependency cues ---------------------------------------------------------------

# Where a statement was made, not what it says: "in a phone call with Reuters", "in a statement".
CHANNEL_NOUNS = {"statement", "interview", "call", "briefing", "post", "message", "tweet", "conference",
                 "speech", "address", "letter", "email", "e-mail", "broadcast", "video", "remarks",
                 "comments", "session", "appearance", "podcast", "meeting", "talk", "talks", "televised",
                 "news", "press", "communique", "release"}
_BACKGROUND_MARKS = {"after", "since", "as", "following", "when", "because", "before", "amid"}


def _content_tokens(verb: Token, lemma: str) -> list[Token]:
    deps, preps = CUE_CONTENT.get(lemma, ((), ()))
    parts: list[Token] = []
    for child in verb.children:
        if child.dep_ == "advcl" and "ccomp" in deps and child.i > verb.i and _that_clause(child):
            parts.append(child)       # "reported, citing X, that …" read as an adverbial clause
        elif child.dep_ in deps:
            if child.dep_ == "dobj" and _is_relative(child):
                continue             # "whom it described as …": the relative pronoun is not content
            if child.dep_ == "dobj" and lemma == "call":
                continue
            if child.dep_ in ("dobj", "xcomp", "oprd") and child.i < verb.i:
                continue
            parts.append(child)
        elif child.dep_ in ("prep", "dative") and child.lower_ in preps and child.i > verb.i:
            parts.append(child)
    if lemma == "ask" and not any(p.dep_ in ("ccomp", "xcomp") for p in parts):
        parts = [p for p in parts if p.dep_ != "dobj"]     # "asked a question" says nothing
    if lemma == "call" and any(c.dep_ == "oprd" for c in verb.children):
        parts += [c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i]
    if lemma == "tell" and any(p.dep_ == "xcomp" and any(c.dep_ == "aux" and c.lower_ == "to" for c in p.children)
                               for p in parts):
        parts += [c for c in verb.children if c.dep_ == "dobj" and c.i > verb.i]   # "told X to leave"
    if any(p.i > verb.i for p in parts):      # complements on both sides: the one after is said
        parts = [p for p in parts if p.i > verb.i]
    drop: set[int] = set()
    for part in parts:
        drop |= _excluded_inside(part, background=part.dep_ not in ("ccomp", "advcl"))
        mark = _that_clause(part)
        if mark is not None:          # "said, citing X, that …": the content starts at "that"
            drop |= {t.i for t in part.subtree if t.i < mark.i}
        # keep the content on its own side of the cue ("that Israel says killed …")
        drop |= {t.i for t in part.subtree if (t.i < verb.i) != (part.i < verb.i)}
    chosen = sorted({t.i: t for part in parts for t in part.subtree if t.i not in drop}.values(),
                    key=lambda t: t.i)
    bare = [p for p in parts if p.dep_ == "prep" and not list(p.children) and verb.dep_ != "relcl"
            and p.i + 1 < len(verb.doc) and verb.doc[p.i + 1].pos_ in ("DET", "NOUN", "PROPN", "NUM", "ADJ", "PRON")]
    if bare and len(chosen) == 1:     # "called for [the crossing to be opened]" parsed apart
        chosen += [t for t in verb.doc[bare[0].i + 1:verb.right_edge.i + 1] if not t.is_punct or t.i < verb.right_edge.i]
    # a leading governing preposition belongs with the cue ("called for X", "described as X")
    if chosen and chosen[0].dep_ == "prep" and chosen[0].head.i == verb.i and chosen[0].lower_ in preps \
            and not any(p.dep_ in ("dobj", "ccomp") for p in parts):
        chosen = chosen[1:]
    return chosen


def _that_clause(clause: Token) -> Optional[Token]:
    """The "that" introducing a clause, if it has one."""
    return next((c for c in clause.children if c.dep_ == "mark" and c.lower_ == "that"), None)


def _separate_claim(tok: Token) -> bool:
    """A reporting verb coordinated or adjoined inside a content clause makes its own claim:
    "said A, and claimed B", "said A, adding that B", "said A, while mediators cautioned B"."""
    if not _is_cue_verb(tok) or tok.dep_ not in ("conj", "advcl"):
        return False
    has_content = any(c.dep_ in ("ccomp", "dobj", "xcomp") for c in tok.children)
    if tok.dep_ == "conj":
        return has_content
    own_subject = any(c.dep_.startswith("nsubj") for c in tok.children)
    return has_content and (tok.tag_ == "VBG" or own_subject)


def _excluded_inside(part: Token, background: bool) -> set[int]:
    """Tokens of a content subtree that are not content: nested reporting verbs coordinated into it
    (their own claims), trailing channel adjuncts, and comma-set background clauses of actions."""
    drop: set[int] = set()
    for tok in part.subtree:
        if tok is part:
            continue
        if _separate_claim(tok):
            start = tok.left_edge.i if tok.dep_ == "advcl" else tok.i
            while start > part.left_edge.i and tok.doc[start - 1].lower_ in (",", "and", "but", "while", "whereas"):
                start -= 1
            drop.update(range(start, tok.right_edge.i + 1))
        elif tok.dep_ == "prep" and tok.lower_ in ("in", "during", "at", "on", "via", "through", "over") \
                and tok.right_edge.i == part.right_edge.i:
            pobj = next((c for c in tok.children if c.dep_ == "pobj"), None)
            if pobj is not None and pobj.lemma_.lower() in CHANNEL_NOUNS:
                drop.update(t.i for t in tok.subtree)
        elif _comment_on_claim(tok, part):
            drop.update(range(tok.left_edge.i - 1, tok.right_edge.i + 1))
        elif background and tok.dep_ == "advcl" and tok.i > part.i and tok.head.i == part.i:
            mark = next((c for c in tok.children if c.dep_ in ("mark", "prep")), None)
            if mark is not None and mark.lower_ in _BACKGROUND_MARKS and tok.left_edge.i > 0 \
                    and tok.doc[tok.left_edge.i - 1].text == ",":
                drop.update(range(tok.left_edge.i - 1, tok.right_edge.i + 1))
    return drop


# Nouns by which a writer comments on what was said: "…, a claim Hamas denies",
# "…, a figure that could not be verified", "…, an acknowledgment that …".
COMMENT_NOUNS = PROPOSITION_NOUNS | {"acknowledgment", "acknowledgement", "admission", "figure", "number",
                                     "estimate", "reference", "sign", "indication", "suggestion", "remark",
                                     "comment", "description", "characterization", "characterisation",
                                     "contention", "reversal", "toll", "tally", "allusion", "concession"}


def _comment_on_claim(tok: Token, part: Token) -> bool:
    """A comma-set noun phrase that closes the content and comments on it."""
    doc = tok.doc
    return tok.dep_ in ("appos", "dobj", "npadvmod", "attr") and tok.i > part.i \
        and tok.lemma_.lower() in COMMENT_NOUNS and tok.right_edge.i == part.right_edge.i \
        and tok.left_edge.i > part.left_edge.i and doc[tok.left_edge.i - 1].text == "," \
        and doc[tok.left_edge.i].lower_ in ("a", "an", "which", "the")


def _trailing_content(verb: Token) -> list[Token]:
    """"Content …, the ministry said." parsed with the content verb as the head of "said"."""
    head = verb.head
    if head is verb or verb.dep_ not in ("parataxis", "ccomp", "advcl", "conj", "dep"):
        return []
    doc = verb.doc
    inner = [t for t in verb.subtree if not t.is_punct]
    left, right = inner[0].i, inner[-1].i
    if left == 0 or doc[left - 1].text not in (",", "—", "–"):
        return []
    if verb.i < head.i:
        # "The army, a spokesman said, had withdrawn": a parenthetical attribution; the content
        # is the clause around it (one span, so the attribution stays inside)
        if right + 1 < len(doc) and doc[right + 1].text in (",", "—", "–") and head.left_edge.i < left:
            return [t for t in head.subtree if not left <= t.i <= right]
        return []
    return [t for t in head.subtree if t.i < left - 1]


def _has_clause(verb: Token) -> bool:
    return any(c.dep_ == "ccomp" for c in verb.children)


def _object_is_statement(verb: Token, ctx: _Ctx) -> bool:
    obj = next((c for c in verb.children if c.dep_ == "dobj"), None)
    if obj is None:
        return False
    if obj.lemma_.lower() in PROPOSITION_NOUNS or obj.lower_ in PROPOSITION_NOUNS:
        return True
    span = _chars(obj.subtree)
    return bool(span and ctx.quotes_overlapping(*span))


_ANONYMITY = re.compile(r"\b(?:named|identified|name|names|anonymity|anonymous)\b", re.I)


def _anonymity_request(verb: Token, lemma: str) -> bool:
    """"a source who asked not to be named", "asked that her name not be used": wire boilerplate
    about the speaker, not a statement."""
    if lemma not in ("ask", "request", "demand", "insist"):
        return False
    tail = verb.doc[verb.i + 1:min(verb.right_edge.i + 1, verb.i + 9)].text
    return bool(_ANONYMITY.search(tail))


def _in_comparison(verb: Token) -> bool:
    """"…, more than previous estimates had suggested", "higher than officials first reported":
    the verb only measures the comparison; whatever the parser made of it, it says nothing."""
    doc = verb.doc
    i = verb.i - 1
    while i >= 0 and i >= verb.i - 8:
        tok = doc[i]
        if tok.lower_ == "than":
            return True
        if tok.is_punct or (tok.pos_ == "VERB" and tok.dep_ not in ("amod", "compound")) or tok.lower_ in _CLAUSE_WORDS:
            return False
        i -= 1
    return False


def _asked_for(verb: Token) -> bool:
    """"called on the court to order a halt", "urged Hamas to announce …": an infinitive under
    another reporting verb is what that verb asks for, not a statement already made."""
    if not any(c.dep_ == "aux" and c.lower_ == "to" for c in verb.children):
        return False
    head = verb.head
    for _ in range(2):
        if head is verb or verb.dep_ not in ("xcomp", "ccomp", "advcl", "pobj", "pcomp", "prep"):
            return False
        if _is_cue_verb(head) and head.lemma_.lower() not in WITHHOLDING:
            return True
        verb, head = head, head.head
    return False


def _negated(verb: Token) -> bool:
    if any(c.dep_ == "neg" for c in verb.children):
        return True
    head = verb.head
    return verb.dep_ == "xcomp" and head.lemma_.lower() in WITHHOLDING


def _data_subject(verb: Token) -> bool:
    subj = next((c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")), None)
    return subj is not None and (subj.lemma_.lower() in DATA_NOUNS or subj.lower_ in DATA_NOUNS)


def _verb_claim(ctx: _Ctx, verb: Token) -> Optional[_Raw]:
    lemma = verb.lemma_.lower()
    if lemma not in CUE_LEMMAS:
        lemma = FORM_TO_LEMMA.get(verb.lower_, "")
    if not lemma or lemma in ("quote", "cite") or _negated(verb) or _asked_for(verb) or _in_comparison(verb) \
            or _anonymity_request(verb, lemma):
        return None
    if _adjectival(verb):
        return None
    passive = any(c.dep_ in ("auxpass", "nsubjpass") for c in verb.children)
    if passive:
        return _passive_claim(ctx, verb, lemma)
    if lemma in DATA_VERBS and not _data_subject(verb):
        return None
    if lemma in STANCE_VERBS and not _has_clause(verb):
        return None
    if lemma in PROPOSITION_OBJECT_VERBS and not _has_clause(verb) \
            and not any(c.dep_ == "oprd" for c in verb.children) \
            and not (lemma == "call" and any(c.dep_ == "prep" and c.lower_ in ("for", "on", "upon")
                                             for c in verb.children)) \
            and not _object_is_statement(verb, ctx):
        return None
    if lemma in _SENSE_NEEDS_SPEAKER and not _speaker_like_subject(verb):
        return None                   # "the debate promised to be …", "rain threatens to …"
    if lemma == "welcome" and any(c.dep_ == "dobj" and _kind_of_head(c) == "person" for c in verb.children):
        return None                   # welcomed a visitor, not a statement
    content = _content_tokens(verb, lemma) or _trailing_content(verb) or _clause_after(ctx, verb, lemma) \
        or _leading_content(ctx, verb, lemma)
    if not content or _own_subject_inside(verb, content):
        return None                   # "said the Israeli military, which …": the speaker, not content
    content = _without_leading_dates(verb, content)
    if not content or (content[0].tag_ == "VBG" and _is_cue_verb(content[0]) and content[0].i > verb.i):
        return None                   # "responded, saying …": the participle makes the claim
    span = _chars(content)
    start, end = _clean_content(ctx.text, *span)
    if end <= start:
        return None
    end = _extend_over_quoted_conjunct(ctx, verb, end)
    head_span, head = _speaker_of(ctx, verb, (start, end))
    if head_span is None and not _truncated_start(ctx, verb):
        return None                   # no one says it: a mis-read verb more often than a claim
    if head is not None and _nobody(head):
        return None                   # "Nobody claimed the attack", "No official confirmed it"
    if end <= verb.idx and head_span is not None and end <= head_span[0] < verb.idx:
        # "Content …, the UN agency said": everything before the speaker is the content,
        # whatever the parser attached where
        start, end = _clean_content(ctx.text, start, _comma_before(ctx, head_span[0], end))
    return _Raw(_sentence_cover(ctx, verb.idx, start, end), (start, end), "reported", _cue_chars(verb),
                speaker_head=head, speaker_chars=head_span)


def _nobody(head: Token) -> bool:
    """A speaker that says no one spoke: "nobody", "none", "no one", "no official" (not "No 10
    Downing Street": a number or a name after "No" makes it an address; nor "no fewer than 12")."""
    if head.lower_ in ("nobody", "none", "noone", "no-one"):
        return True
    doc = head.doc
    return any(c.dep_ == "det" and c.lower_ == "no" and c.i + 1 < len(doc)
               and not (doc[c.i + 1].like_num or doc[c.i + 1].pos_ in ("NUM", "PROPN")
                        or doc[c.i + 1].lower_ in ("fewer", "less", "more")) for c in head.children)


def _extend_over_quoted_conjunct(ctx: _Ctx, verb: Token, end: int) -> int:
    """"added that X is “fluid,” and Y is “unpredictable”": a coordinated clause with its own
    quoted words (attached to the reporting verb by the parser) is part of what was reported."""
    for child in verb.children:
        if child.dep_ == "conj" and child.idx >= end and not _is_cue_verb(child) \
                and any(c.dep_.startswith("nsubj") for c in child.children):
            left = min(t.idx for t in child.subtree)
            right = child.right_edge.idx + len(child.right_edge.text)
            between = ctx.text[end:left]
            if ctx.quotes_overlapping(left, right) and re.fullmatch(r"[\s,”\"’]*(?:and|but)?\s*", between):
                stop = [t for t in child.subtree if t.dep_ in ("advcl", "conj") and t.head.i == child.i
                        and t.tag_ == "VBG"]
                right = min([right] + [t.left_edge.idx for t in stop])
                end = _clean_content(ctx.text, left, right)[1]
    return end


# Verbs that are often not speech ("promises to be", "threatens to overshadow", "showed up").
_SENSE_NEEDS_SPEAKER = {"promise", "threaten", "vow", "pledge", "continue", "signal", "indicate", "suggest",
                        "order", "demand", "call", "add", "claim", "highlight", "stress", "underline",
                        "underscore", "emphasise", "emphasize", "reveal", "echo", "back", "welcome",
                        "confirm"}


_IT_IS_NOT_SPEAKER = {"promise", "threaten", "continue", "signal", "indicate", "suggest"}


def _speaker_like_subject(verb: Token) -> bool:
    subject = _subject(verb)
    if subject is None:
        return True                   # decided later (surface subject or none)
    if subject.pos_ == "PRON":
        inanimate = ("this", "that", "which", "what") + (("it",) if verb.lemma_ in _IT_IS_NOT_SPEAKER else ())
        return subject.lower_ not in inanimate
    lemma = subject.lemma_.lower()
    return _kind_of_head(subject) is not None or lemma in DOCUMENT_NOUNS | DATA_NOUNS \
        or bool(re.search(r"(?:er|or|ist|ian|ant|ent|ee|ive)s?$", subject.lower_)) and lemma not in _INANIMATE_AGENTIVE


# Nouns that look like agents (-er, -ent, …) but do not speak.
_INANIMATE_AGENTIVE = {"order", "border", "water", "power", "number", "matter", "center", "centre", "winter",
                       "summer", "disaster", "weather", "paper", "event", "moment", "movement", "agreement",
                       "statement", "incident", "conflict", "element", "development", "government"}


def _without_leading_dates(verb: Token, content: list[Token]) -> list[Token]:
    """"said Saturday its troops had …": the day belongs to the saying, not to the content."""
    k = 0
    while k < len(content) and content[k].i == verb.i + 1 + k and content[k].ent_type_ in ("DATE", "TIME") \
            and content[k].lower_ not in ("that",):
        k += 1
    return content[k:] if k < len(content) else content


SPEECH_CORE = {"say", "tell", "add", "state", "note", "write", "tweet", "announce", "report", "claim",
               "warn", "insist", "argue", "explain", "confirm", "reply", "respond", "stress", "allege",
               "assert", "declare", "reiterate", "emphasise", "emphasize", "acknowledge", "admit"}


def _clause_after(ctx: _Ctx, verb: Token, lemma: str) -> list[Token]:
    """Content of a speech verb the parser left without a complement ("said in a joint statement
    that …" read as a relative clause of "statement"): the clause written after it."""
    if lemma not in SPEECH_CORE:
        return []
    doc = ctx.doc
    _, s_end = ctx.sent_bounds(verb.idx)
    i = verb.i + 1
    while i < len(doc) and doc[i].idx < s_end:
        tok = doc[i]
        if tok.dep_ == "prep" and tok.head.i == verb.i:
            pobj = next((c for c in tok.children if c.dep_ == "pobj"), None)
            clause = pobj is not None and any(c.dep_ in ("relcl", "acl") for c in pobj.children)
            i = (pobj.i + 1) if clause else tok.right_edge.i + 1   # "in a joint statement", "on Monday"
        elif tok.ent_type_ in ("DATE", "TIME") or tok.lower_ in ("also", "later", "earlier", ","):
            i += 1
        elif lemma == "tell" and tok.head.i == verb.i and tok.dep_ in ("dobj", "dative", "npadvmod"):
            i = tok.right_edge.i + 1           # "told reporters"
        else:
            break
    if i < len(doc) and doc[i].lower_ == "that" and doc[i].idx < s_end:
        i += 1
    rest = [t for t in doc[i:] if t.idx < s_end]
    if not any(t.pos_ in ("VERB", "AUX") for t in rest):
        return []
    if not any(t.dep_.startswith("nsubj") for t in rest) and not _reduced_clause(rest):
        return []
    return rest


def _own_subject_inside(verb: Token, content: list[Token]) -> bool:
    inside = {t.i for t in content}
    return any(c.dep_ == "nsubj" and c.i > verb.i and c.i in inside for c in verb.children)


def _leading_content(ctx: _Ctx, verb: Token, lemma: str) -> list[Token]:
    """"Truce extended by two days, Qatar says": a headline clause before "…, X says" that the
    parser did not hang on the verb."""
    if lemma not in SPEECH_CORE:
        return []
    doc = ctx.doc
    s_start, s_end = ctx.sent_bounds(verb.idx)
    if any(not (t.is_punct or t.is_space) for t in doc[verb.i + 1:] if t.idx < s_end):
        return []
    subject = next((c for c in verb.children if c.dep_ == "nsubj" and c.i < verb.i), None)
    if subject is None or subject.left_edge.i == 0 or doc[subject.left_edge.i - 1].text != ",":
        return []
    return [t for t in doc[:subject.left_edge.i - 1] if t.idx >= s_start]


def _reduced_clause(tokens: list[Token]) -> bool:
    """Headline grammar without an auxiliary: "(says) 32 killed in strikes", "1.5m people displaced"."""
    for k, tok in enumerate(tokens[1:6], start=1):
        if tok.tag_ == "VBN" and tokens[k - 1].pos_ in ("NOUN", "NUM", "PROPN"):
            return True
    return False


def _adjectival(verb: Token) -> bool:
    """"758 pledged delegates", "the declared aim": a participle the parser took for a verb."""
    doc = verb.doc
    if verb.i == 0 or verb.i + 1 >= len(doc) or verb.tag_ not in ("VBN", "VBD"):
        return False
    prev, nxt = doc[verb.i - 1], doc[verb.i + 1]
    return (prev.pos_ in ("NUM", "DET") or prev.text == "-") and nxt.pos_ in ("NOUN", "PROPN") \
        and nxt.head.i in (verb.i, verb.head.i)


def _truncated_start(ctx: _Ctx, verb: Token) -> bool:
    """The excerpt begins mid-sentence ("on Friday overwhelmingly called for …"): the subject
    was cut off, the claim is still there (speaker None)."""
    if not ctx.sents or ctx.sent_index(verb.idx) != 0:
        return False
    first = ctx.text.lstrip()[:1]
    return first.islower()


def _comma_before(ctx: _Ctx, speaker_start: int, content_end: int) -> int:
    """End of the content of a trailing attribution: the last comma before its speaker."""
    cut = max(ctx.text.rfind(",", 0, speaker_start), ctx.text.rfind("—", 0, speaker_start),
              ctx.text.rfind("–", 0, speaker_start))
    return cut if cut >= content_end else content_end


def _passive_claim(ctx: _Ctx, verb: Token, lemma: str) -> Optional[_Raw]:
    """"X are said to be …" (speaker None, or the agent of "by")."""
    agent = next((c for c in verb.children if c.dep_ == "agent"), None)
    subj = next((c for c in verb.children if c.dep_ == "nsubjpass"), None)
    # "It was reported that …": the clause is the content, "it" stands for nobody
    expletive = subj is not None and subj.lower_ == "it" and any(c.dep_ == "ccomp" for c in verb.children)
    if agent is None and (lemma not in PASSIVE_HEARSAY
                          or not (expletive or any(c.dep_ == "xcomp" for c in verb.children))):
        return None
    if agent is not None:             # "was told by officials": only speech, only by someone
        pobj = next((c for c in agent.children if c.dep_ == "pobj"), None)
        if lemma not in SPEECH_CORE | PASSIVE_HEARSAY or pobj is None or (
                pobj.pos_ != "PRON" and _kind_of_head(pobj) is None and pobj.lemma_.lower() not in DOCUMENT_NOUNS):
            return None
    kept = ("ccomp",) if expletive else ("nsubjpass", "xcomp", "ccomp")
    parts = [t for c in verb.children if c.dep_ in kept for t in c.subtree]
    if not parts or subj is None:
        return None
    span = _clean_content(ctx.text, *_chars(parts))
    head_span, head = (None, None)
    if agent is not None:
        pobj = next((c for c in agent.children if c.dep_ == "pobj"), None)
        if pobj is not None:
            head_span, head = _speaker_from_head(ctx, pobj)
    return _Raw(_sentence_cover(ctx, verb.idx, *span), span, "reported", _cue_chars(verb),
                speaker_head=head, speaker_chars=head_span)


def _according_claim(ctx: _Ctx, according: Token) -> Optional[_Raw]:
    doc = according.doc
    to = doc[according.i + 1] if according.i + 1 < len(doc) else None
    if to is None or to.lower_ != "to":
        return None
    source = next((c for c in to.children if c.dep_ == "pobj"), None)
    phrase = list(according.subtree)
    p_start, p_end = _chars(phrase)
    s_start, s_end = ctx.sent_bounds(according.idx)
    before = _clean_content(ctx.text, s_start, p_start)
    after = _clean_content(ctx.text, p_end, s_end)
    if after[1] - after[0] > 0 and before[1] - before[0] <= 0:
        content = after
    elif before[1] - before[0] > 0 and after[1] - after[0] <= 0:
        content = before
    elif before[1] > before[0]:        # in the middle: the whole sentence is the claim
        content = _clean_content(ctx.text, s_start, s_end)
    else:
        return None
    content = _drop_heading_label(ctx.text, *content)
    head_span, head = (_speaker_from_head(ctx, source) if source is not None
                       else (_surface_np(ctx, to.idx + 2, p_end), None))
    cue = (according.idx, to.idx + len(to.text))
    return _Raw(_sentence_cover(ctx, according.idx, *content), content, "reported", cue,
                speaker_head=head, speaker_chars=head_span)


def _drop_heading_label(text: str, start: int, end: int) -> tuple[int, int]:
    """"What to know about the camp: The camp is …" — a label before a colon is not content."""
    m = re.match(r"[^:.\"“]{3,60}:\s+(?=[A-Z0-9“\"])", text[start:end])
    return (start + m.end(), end) if m else (start, end)


def _reportedly_claim(ctx: _Ctx, adverb: Token) -> Optional[_Raw]:
    verb = adverb.head
    if verb is adverb:
        return None
    tokens = [t for t in verb.subtree]
    start, end = _clean_content(ctx.text, *_chars(tokens))
    if end <= start:
        return None
    return _Raw(_sentence_cover(ctx, adverb.idx, start, end), (start, end), "reported",
                (adverb.idx, adverb.idx + len(adverb.text)), carry=True, from_report=True)


def _sentence_cover(ctx: _Ctx, cue_char: int, start: int, end: int) -> tuple[int, int]:
    s_start, s_end = ctx.sent_bounds(cue_char)
    return min(s_start, start), max(s_end, end)


def _dependency_claims(ctx: _Ctx) -> list[_Raw]:
    out: list[_Raw] = []
    for sent in ctx.sents:
        if not nlp.is_parsed(sent):
            continue
        for tok in sent:
            if tok.i in ctx.used_cues or ctx.in_closed_quote(tok.idx):
                continue
            raw = None
            low = tok.lower_
            if low == "according":
                raw = _according_claim(ctx, tok)
            elif low in ("reportedly", "allegedly") and tok.dep_ == "advmod":
                raw = _reportedly_claim(ctx, tok)
            elif tok.pos_ in ("VERB", "AUX") and (tok.lemma_.lower() in CUE_LEMMAS or low in FORM_TO_LEMMA):
                raw = _verb_claim(ctx, tok)
            if raw is None and low in SURFACE_CUE_FORMS and (
                    tok.pos_ not in ("VERB", "AUX") or tok.dep_ in ("amod", "compound", "nmod")):
                raw = _surface_claim(ctx, tok)
            if raw is not None:
                ctx.used_cues.add(tok.i)
                out.append(_settle_mode(ctx, raw))
    return out


# Finite forms of reporting verbs that are never nouns: when the tagger calls one of them a noun or
# an adjective ("The State of Qatar announces, …", "Biden, after arriving, backed Israel's account")
# the sentence is read on the surface instead.
_NOUN_LIKE_FORMS = {"claims", "reports", "calls", "orders", "demands", "notes", "states", "promises",
                    "pledges", "vows", "answers", "replies", "posts", "shows", "estimates", "hopes",
                    "fears", "doubts", "backs", "welcomes", "tweets", "echoes", "signals", "hints",
                    "counters", "jokes", "remarks", "briefs", "records", "finds", "thinks", "supports",
                    "disputes", "threats", "counts", "repeats", "continues", "concludes"}
SURFACE_CUE_FORMS = {f for f, lemma in FORM_TO_LEMMA.items()
                     if lemma not in STANCE_VERBS | DATA_VERBS | {"quote", "cite", "post", "continue"}
                     and f not in _NOUN_LIKE_FORMS and not f.endswith("ing") and f != lemma}
_NOT_BEFORE_VERB = {"-", "the", "a", "an", "this", "that", "these", "those", "his", "her", "its", "their",
                    "by", "of", "to", "in", "on", "at", "for", "with", "newly", "self"}


def _surface_claim(ctx: _Ctx, tok: Token) -> Optional[_Raw]:
    """A reporting verb the tagger missed: speaker on its left, content to the sentence end."""
    doc = ctx.doc
    if _in_comparison(tok):
        return None
    lemma = FORM_TO_LEMMA[tok.lower_]
    s_start, s_end = ctx.sent_bounds(tok.idx)
    prev = doc[tok.i - 1] if tok.i else None
    if prev is None or prev.lower_ in _NOT_BEFORE_VERB or (
            prev.text != "," and prev.pos_ not in ("PROPN", "NOUN", "PRON") and prev.text != ")"):
        return None                   # "758 pledged delegates", "the declared war": adjectives
    nxt = doc[tok.i + 1] if tok.i + 1 < len(doc) else None
    if nxt is None or nxt.lower_ in ("by", "-") or nxt.idx >= s_end:
        return None
    speaker = _surface_subject(ctx, tok)
    if speaker is None:
        return None
    start, end = _clean_content(ctx.text, tok.idx + len(tok.text), s_end)
    if end <= start:
        return None
    if lemma in PROPOSITION_OBJECT_VERBS:
        following = {t.lower_ for t in doc[tok.i + 1:tok.i + 5]}
        if not following & PROPOSITION_NOUNS and not ctx.quotes_overlapping(start, end):
            return None
    return _Raw(_sentence_cover(ctx, tok.idx, start, end), (start, end), "reported",
                (tok.idx, tok.idx + len(tok.text)), speaker_chars=speaker)


def _settle_mode(ctx: _Ctx, raw: _Raw) -> _Raw:
    """Reported content that is one whole quotation is direct; with quoted words, mixed."""
    start, end = raw.content
    holder = ctx.quote_holding(start, end)
    if holder is not None and holder.inner_end > holder.inner_start \
            and ctx.text[holder.inner_start].isupper() and not holder.used:
        holder.used = True
        raw.content = _direct_content(ctx.text, holder)
        raw.mode = "direct"
        raw.span = (min(raw.span[0], holder.start), max(raw.span[1], holder.end))
        return raw
    overlapping = ctx.quotes_overlapping(start, end)
    if overlapping:
        for q in overlapping:
            q.used = True
        # complete quotations cut by the parse ("as “a grave error”" lost its opening mark)
        start = min([start] + [q.start for q in overlapping if q.start >= start - 2])
        end = max([end] + [q.end for q in overlapping if q.end <= end + 2])
        _, cue_sent_end = ctx.sent_bounds((raw.cue or raw.content)[0])
        for q in overlapping:        # a quotation opened inside the content runs to its close
            if start <= q.start < end < q.end:
                end = q.end if q.close is not None else max(end, min(q.end, cue_sent_end))
        unclosed_end = max((q.end for q in overlapping if q.close is None and start <= q.start
                            and end >= q.end), default=None)
        start, end = _clean_content(ctx.text, start, end)
        if unclosed_end is not None:  # never closed: its final stop is inside the quotation
            end = max(end, _trim(ctx.text, start, unclosed_end)[1])
        raw.content = (start, end)
        raw.mode = "mixed"
        raw.span = (min(raw.span[0], start), max(raw.span[1], end))
    return raw


# --- pass 3: continuation quotes; pass 4: headline dashes -------------------------------------

def _continuations(ctx: _Ctx, claims: list[_Raw]) -> list[_Raw]:
    out: list[_Raw] = []
    by_end = sorted(claims, key=lambda r: r.span[1])
    for q in ctx.quotes:
        if q.used or q.open is None or not _opens_sentence(ctx, q) or not _ends_sentence(ctx, q):
            continue
        previous = [r for r in by_end + out if r.span[1] <= q.start]
        if not previous:
            continue
        last = max(previous, key=lambda r: r.span[1])
        gap = ctx.text[last.span[1]:q.start]
        if last.mode != "direct" or re.search(r"\w", gap) or \
                ctx.sent_index(q.start) - ctx.sent_index(max(last.span[1] - 1, 0)) > 1:
            continue
        q.used = True
        _, s_end = ctx.sent_bounds(max(q.end - 1, q.start))
        span = (q.start, max(q.end, s_end))
        out.append(_Raw(span, _direct_content(ctx.text, q), "direct", None, carry=True))
    return out


def _ends_sentence(ctx: _Ctx, q: Quote) -> bool:
    _, s_end = ctx.sent_bounds(max(q.end - 1, q.start))
    tail = ctx.text[q.end:max(s_end, q.end)]
    para_end = ctx.text.find("\n", q.end)
    if para_end != -1:
        tail = tail[:max(para_end - q.end, 0)]
    return not re.search(r"\w", tail)


_HEADLINE_DASH = re.compile(r"^(?P<content>.{8,}?)\s+[–—-]\s+(?P<source>[A-Za-z][^\d.:;!?,]{1,60})$")
# A lower-case headline source must name a source ("– health ministry", "- officials").
_SOURCE_WORDS = re.compile(r"\b(?:ministry|official|officials|source|sources|report|reports|media|army|"
                           r"military|police|spokes\w+|minister|agency|witness\w*|group|office|"
                           r"authorit\w+|government|statement|medics|doctors|chief|head|president|"
                           r"envoy|ambassador|(?-i:UN|IDF|WHO|UNRWA|OCHA|UNICEF|WFP|ICRC|MSF))\b", re.I)


_SECTION_WORDS = {"live", "latest", "update", "updates", "news", "analysis", "opinion", "video", "videos",
                  "photos", "explainer", "timeline", "day", "week", "war", "conflict", "crisis", "report"}


def _names_a_source(ctx: _Ctx, span: tuple[int, int]) -> bool:
    """"– health ministry", "– Netanyahu", "- UN agency": not "– live updates" or "– Day 30"."""
    words = ctx.text[span[0]:span[1]]
    if _SOURCE_WORDS.search(words):
        return True
    if any(e.label_ in ("PERSON", "ORG", "NORP", "GPE") for e in ctx.ents_within(*span)):
        return True
    tokens = words.split()
    return len(tokens) <= 4 and all(t[:1].isupper() for t in tokens) \
        and not any(t.lower().strip("’'s") in _SECTION_WORDS for t in tokens)


# "Over 100 aid workers killed: UN chief", "'Gaza is a graveyard': UN chief"
_HEADLINE_COLON_AFTER = re.compile(r"^(?P<content>.{8,}?):\s+(?P<source>[A-Z][^\d.:;!?,\"“”‘’']{1,40})$")
# "Netanyahu: 'No ceasefire without the hostages'"
_HEADLINE_COLON_BEFORE = re.compile(r"^(?P<source>[A-Z][\w'’. -]{1,40}?):\s+(?P<content>.{8,})$")


def _headline_dashes(ctx: _Ctx, claims: list[_Raw]) -> list[_Raw]:
    """"Death toll in Gaza passes 9,000 – health ministry": a headline line with a short source
    after a dash or a colon, or a named source before a colon ("Netanyahu: '…'")."""
    out: list[_Raw] = []
    taken = [r.content for r in claims]
    for lo, hi in _paragraphs(ctx.text):
        lo, hi = _trim(ctx.text, lo, hi)
        line = ctx.text[lo:hi]
        if not line or line[-1] in ".!?" or len(line) > 200:
            continue
        found = _headline_source(ctx, lo, line)
        if found is None:
            continue
        content, source = found
        content = _clean_content(ctx.text, *content)
        if content[1] <= content[0] or any(s < content[1] and content[0] < e for s, e in taken):
            continue
        cue = _trim(ctx.text, min(content[1], source[1]), max(content[0], source[0]))
        q = ctx.quote_holding(*content)
        mode = "reported"
        if q is not None:
            content, mode = _direct_content(ctx.text, q), "direct"
        out.append(_Raw((lo, hi), content, mode, cue, speaker_chars=source))
    return out


def _headline_source(ctx: _Ctx, lo: int, line: str):
    """(content span, source span) of a headline line that names its source, else None."""
    if line[-1] not in "\"”’'":
        m = _HEADLINE_DASH.match(line)
        if m and len(m.group("source").split()) <= 6:
            source = (lo + m.start("source"), lo + m.end("source"))
            if _names_a_source(ctx, source):
                return (lo + m.start("content"), lo + m.end("content")), source
        m = _HEADLINE_COLON_AFTER.match(line)
        if m and len(m.group("source").split()) <= 5 and m.group("content").count("(") <= m.group("content").count(")"):
            source = (lo + m.start("source"), lo + m.end("source"))
            content = (lo + m.start("content"), lo + m.end("content"))
            if _names_a_source(ctx, source) and (_quoted_whole(ctx, content) or _has_predicate(ctx, content)):
                return content, source
    m = _HEADLINE_COLON_BEFORE.match(line)
    if m and len(m.group("source").split()) <= 4 and _dateline_end(ctx.text, lo) is None:
        source = (lo + m.start("source"), lo + m.end("source"))
        content = (lo + m.start("content"), lo + m.end("content"))
        named = any(e.label_ == "PERSON" for e in ctx.ents_within(*source)) \
            or bool(_SOURCE_WORDS.search(ctx.text[source[0]:source[1]]))
        quoted = bool(ctx.quotes_overlapping(*content))
        if _names_a_source(ctx, source) and (quoted or (named and _has_predicate(ctx, content))) \
                and not _SECTION_WORDS & set(ctx.text[source[0]:source[1]].lower().split()):
            return content, source
    return None


def _quoted_whole(ctx: _Ctx, span: tuple[int, int]) -> bool:
    start, end = _trim(ctx.text, *span)
    q = ctx.quote_holding(start, end)
    return q is not None and q.start <= start + 1 and q.end >= end - 1


def _has_predicate(ctx: _Ctx, span: tuple[int, int]) -> bool:
    """A headline clause ("100 staff killed in Gaza"), not a label ("Israel-Hamas war live")."""
    sub = ctx.doc.char_span(span[0], span[1], alignment_mode="expand")
    if sub is None:
        return False
    if len(sub) and _parsed(sub[0]):
        return any(t.pos_ in ("VERB", "AUX") for t in sub)
    return any(t.lower_ in FORM_TO_LEMMA or re.fullmatch(r"\w+ed", t.lower_) for t in sub)


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


_ORG_WORDS = {"ministry", "forces", "force", "army", "agency", "council", "office", "embassy",
              "organisation", "organization", "committee", "authority", "authorities", "hamas",
              "jihad", "group", "police", "government", "nations", "union", "hospital", "news",
              "channel", "times", "post", "press", "reuters", "cnn", "bbc", "idf", "un", "who", "house"}
_FUNCTION_WORDS = {"the", "a", "an", "in", "on", "at", "but", "and", "as", "it", "he", "she", "they",
                   "this", "that", "these", "those", "there", "his", "her", "its", "their", "after",
                   "before", "while", "when", "if", "meanwhile", "however", "earlier", "later", "we", "i"}


_CALENDAR_WORDS = {"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
                   "january", "february", "march", "april", "may", "june", "july", "august", "september",
                   "october", "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
                   "sep", "sept", "oct", "nov", "dec", "gmt", "utc"}
_PLACE_WORDS = {"city", "strip", "bank", "street", "square", "camp", "crossing", "valley", "river", "sea",
                "airport", "border", "province", "region", "district", "county", "heights", "port"}


def _run_kind(run: list[Token]) -> str:
    words = [t.lower_.rstrip(".") for t in run]
    if words[0] in _NAME_TITLES:
        return "person"
    if run[-1].is_lower:              # "Palestinian medics", "Israeli military"
        noun = _singular(words[-1])
        plural = noun != words[-1]
        if noun in PERSON_NOUNS:
            return "plural" if plural else "person"
        return "plural" if plural else "org"
    if _PLACE_WORDS & set(words[1:]):
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
    first_word = next((t.i for t in sent if t.is_alpha or t.lower_.rstrip(".") in _NAME_TITLES), None)

    def flush():
        if run:
            words = [t.lower_ for t in run]
            subject = first_word is not None and (run[0].i == first_word or (
                run[0].i == first_word + 1 and sent.doc[first_word].lower_ in ("the", "a", "an")))
            out.append(_Mention(run[0].idx, run[-1].idx + len(run[-1].text), _run_kind(run), words[-1],
                                subject, frozenset(words)))
        run.clear()

    for tok in sent:
        title = tok.lower_.rstrip(".") in _NAME_TITLES and tok.text[:1].isupper() and tok.i + 1 < len(tok.doc) \
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


_RELATIVE_GAP = re.compile(r"\s*,?\s*(?:where|which|when|who|whom|whose|that)\b[^,.;]*$", re.I)
_REPORT_CUE = re.compile(r"according|report", re.I)
_COMPATIBLE = {"person": {"person"}, "org": {"org", "place"}, "plural": {"plural", "org"}}


def _resolve(ctx: _Ctx, raws: list[_Raw]) -> None:
    done: list[_Raw] = []
    for raw in sorted(raws, key=lambda r: (r.cue or r.content)[0]):
        _resolve_one(ctx, raw, done)
        done.append(raw)


def _resolve_one(ctx: _Ctx, raw: _Raw, done: list[_Raw]) -> None:
    if raw.carry:
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
    span = raw.speaker_chars
    if span is None:
        return
    words = ctx.text[span[0]:span[1]]
    low = words.lower()
    if low in PRONOUNS:
        _set_antecedent(ctx, raw, done, span[0], PRONOUNS[low], None,
                        gender={"he": "m", "him": "m", "she": "f", "her": "f"}.get(low))
        return
    head = raw.speaker_head
    kind = _kind_of_head(head) if head is not None else _kind_of_span(ctx, span)
    raw.speaker, raw.speaker_span, raw.speaker_kind = words, span, kind
    description = _description_head(ctx, span, head)
    if description is not None:
        _set_antecedent(ctx, raw, done, span[0], kind or "org", description, keep_if_none=True)


def _description_head(ctx: _Ctx, span: tuple[int, int], head: Optional[Token]) -> Optional[str]:
    """"the minister", "the military": a definite description worth resolving (its head lemma)."""
    words = ctx.text[span[0]:span[1]].split()
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


_MALE_WORDS = {"man", "father", "spokesman", "chairman", "king", "prince", "husband", "son", "brother",
               "boy", "mr", "sir", "uncle", "grandfather", "congressman", "businessman"}
_FEMALE_WORDS = {"woman", "mother", "spokeswoman", "chairwoman", "queen", "princess", "wife", "daughter",
                 "sister", "girl", "mrs", "ms", "miss", "dame", "aunt", "grandmother", "congresswoman",
                 "businesswoman", "actress"}
_HONORIFIC = re.compile(r"\b(Mr|Mrs|Ms|Miss)\.?\s+(?:[A-Z][\w’'-]+\s+)*?([A-Z][\w’'-]+)\b")


def _gender_of(ctx: _Ctx, span: tuple[int, int]) -> Optional[str]:
    """"m", "f" or None, from words in or just before the phrase and from honorifics used for the
    same surname anywhere in the text ("Mr. Biden" elsewhere makes "Joe Biden" male)."""
    words = re.findall(r"[a-z]+", ctx.text[max(0, span[0] - 6):span[1]].lower())
    if _MALE_WORDS & set(words):
        return "m"
    if _FEMALE_WORDS & set(words):
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


_GENDERED = {"he": "m", "his": "m", "him": "m", "himself": "m", "she": "f", "her": "f", "hers": "f",
             "herself": "f"}


def _pronoun_gender(text: str, surname: str) -> Optional[str]:
    """Gender from a pronoun that follows the name in its own clause with no other name between
    ("Haddad said his team …"): no list of first names needed."""
    votes = set()
    pattern = r"\b" + re.escape(surname) + r"\b([^.?!\n“”\"]{0,80}?)\b(" + "|".join(_GENDERED) + r")\b"
    for m in re.finditer(pattern, text):
        if re.search(r"\b[A-Z][a-z]", m.group(1)):
            continue                  # another name between
        votes.add(_GENDERED[m.group(2).lower()])
    return votes.pop() if len(votes) == 1 else None


def _lemmas_of(ctx: _Ctx, span: tuple[int, int]) -> frozenset:
    sub = ctx.doc.char_span(span[0], span[1], alignment_mode="expand")
    if sub is None:
        return frozenset()
    lemmas = {(t.lemma_ or t.lower_).lower() for t in sub} | {t.lower_ for t in sub}
    return frozenset(lemmas | (_title_lemmas(sub[0]) if len(sub) else frozenset()))


def _describes(ctx: _Ctx, description: str, span, kind, lemmas) -> bool:
    """Whether a mention is a more specific name for "the <description>"."""
    text = ctx.text[span[0]:span[1]]
    if text.lower().startswith("the ") and len(text.split()) <= 2:
        return False                     # another bare description is no better
    if description in lemmas:
        return True
    if description in ("military", "army") and kind == "org" and _MILITARY_NAME.search(text):
        return True
    return False


# --- public entry point -------------------------------------------------------------------

def extract_claims(doc: Doc, doc_id: str) -> list[Claim]:
    """Attributed statements of one parsed document, in text order."""
    ctx = _Ctx(doc)
    raws = _direct_claims(ctx)
    raws += _dependency_claims(ctx)
    raws += _continuations(ctx, raws)
    raws += _headline_dashes(ctx, raws)
    raws = _dedupe(raws)
    _resolve(ctx, raws)
    claims = [_to_claim(doc_id, ctx.text, raw) for raw in raws if raw.content[1] > raw.content[0]]
    return sorted(claims, key=lambda c: (c.span.start, c.content.start))


def _dedupe(raws: list[_Raw]) -> list[_Raw]:
    """One claim per content span (claim ids are built from it); earlier passes win."""
    seen: set[tuple] = set()
    out = []
    for raw in raws:
        key = raw.content
        if key not in seen:
            seen.add(key)
            out.append(raw)
    return out


def _to_claim(doc_id: str, text: str, raw: _Raw) -> Claim:
    span = Span(doc_id, *raw.span)
    content = Span(doc_id, *raw.content)
    if not span.contains(content):
        span = Span(doc_id, min(span.start, content.start), max(span.end, content.end))
    return Claim(
        span=span,
        content=content,
        mode=raw.mode,
        speaker=raw.speaker,
        speaker_span=Span(doc_id, *raw.speaker_span) if raw.speaker_span else None,
        cue=None if raw.cue is None else text[raw.cue[0]:raw.cue[1]],
        cue_span=Span(doc_id, *raw.cue) if raw.cue else None,
    )

