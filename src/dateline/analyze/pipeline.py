"""Per-document analysis: one article (and its date) in, an :class:`Analysis` out.

Pure and independent per document, so it runs the same in this process, in a
pool of worker processes, or on cluster workers. Extractors run in a fixed
order because later ones read earlier ones' results: entities, times, claims,
then figures (which take their as-of dates from times and sources from claims).
"""
from __future__ import annotations

from typing import Iterable, Iterator, Optional, Sequence

from ..records import Analysis, Document
from . import dating
from . import workers as workers_context
from .numbers import find_counts, trace_kinds
from .segment_cache import SegmentCache


_EXTRACTORS: tuple = ()
_TRIGGERS: tuple = ()


def _extractors():
    # imported lazily so that ingest-only code paths never load spaCy (once: this is asked per segment)
    global _EXTRACTORS, _TRIGGERS
    if not _EXTRACTORS:
        from . import claims, entities, figures, timex
        from .fastre import AnySearch

        _EXTRACTORS = (entities, timex, claims, figures)
        # the same answers as TRIGGER.search, branch by branch (see fastre.AnySearch)
        _TRIGGERS = (AnySearch(claims.TRIGGER), AnySearch(timex.TRIGGER), AnySearch(figures.TRIGGER))
    return _EXTRACTORS


def needs_parse(segment: str) -> bool:
    """True when a figure, claim or date extractor can use this segment's parse (their ``TRIGGER``s).

    Figures need a parse only where a count is written (not for years or dates).
    """
    if not _TRIGGERS:
        _extractors()
    claims, timex, figures = _TRIGGERS
    return bool(claims(segment) or timex(segment) or (figures(segment) and find_counts(segment)))


def needs_ner(segment: str, known_names: set) -> bool:
    """A segment no other extractor wanted still goes through NER if it names someone not seen yet."""
    entities = _extractors()[0]
    return entities.unknown_names(segment, known_names)


def analyze_doc(document: Document, spacy_doc) -> Analysis:
    from . import nlp

    entities, timex, claims, figures = _extractors()
    trace_kinds(nlp.doc_text(spacy_doc))         # explaining only: the kind of every number read
    mentions = entities.extract_mentions(spacy_doc, document.id)
    times = timex.extract_times(spacy_doc, document.id, document.date)
    found_claims = claims.extract_claims(spacy_doc, document.id)
    mentions = entities.add_speaker_mentions(mentions, found_claims, spacy_doc, document.id)
    rules: dict[str, list[str]] = {}
    found_figures = figures.extract_figures(spacy_doc, document.id, document.date, times=times,
                                            claims=found_claims, rules=rules)
    nlp.forget_tokens(spacy_doc)
    return Analysis(doc=document, mentions=mentions, times=times, claims=found_claims, figures=found_figures,
                    sentences=dating.of_document(document, times), rules=rules)


# Parses of repeated segments (wire copies), per process; see nlp.SegmentCache.
SEGMENT_CACHE = SegmentCache()


def analyze_batch(documents: Sequence[Document], filter_sentences: bool = True,
                  cache: Optional[SegmentCache] = SEGMENT_CACHE) -> list[Analysis]:
    """Analyse documents in this process (one ``nlp.pipe`` over their segments)."""
    from . import nlp

    texts = [d.text for d in documents]
    if filter_sentences:
        sdocs = nlp.parse(texts, needs_parse=needs_parse, second_look=needs_ner, batch_size=max(len(texts), 1),
                          cache=cache)
    else:
        sdocs = nlp.parse(texts, batch_size=max(len(texts), 1), cache=cache)
    return [analyze_doc(d, s) for d, s in zip(documents, sdocs)]


def _worker_init(cache_size: int) -> None:
    from . import nlp

    nlp.load()
    SEGMENT_CACHE.size = cache_size


def _worker_batch(args: tuple[list[Document], bool]) -> list[Analysis]:
    return analyze_batch(*args)


class Analyzer:
    """Analyses batches of documents, in this process or in a pool of ``workers`` processes.

    The pool lives as long as the analyzer, so spaCy loads once per worker::

        with Analyzer(workers=2) as analyzer:
            for analysis in analyzer.analyze(documents):
                ...
    """

    def __init__(self, workers: int = 1, filter_sentences: bool = True, chunk: int = 16, cache_size: int = 4096):
        self.workers = max(1, workers)
        self.cache_size = cache_size
        self.filter_sentences = filter_sentences
        self.chunk = chunk
        self._pool = None

    def __enter__(self) -> "Analyzer":
        if self.workers > 1:
            self._context = workers_context.start_context()
            try:
                self._pool = self._context.Pool(self.workers, initializer=_worker_init, initargs=(self.cache_size,))
            except BaseException:
                workers_context.release(self._context)
                raise
        else:
            SEGMENT_CACHE.size = self.cache_size
        return self

    def __exit__(self, *exc) -> None:
        if self._pool is not None:
            self._pool.close()
            self._pool.join()
            self._pool = None
            workers_context.release(self._context)

    def submit(self, documents: Sequence[Document], last: bool = False) -> "Pending":
        """Start analysing ``documents``; ``.get()`` on the result returns their analyses in order.

        With a pool the work proceeds in the background, so the caller can store
        the previous batch meanwhile. ``last``: nothing follows, so the batch is cut finer
        and the workers finish together rather than one waiting on the other's last chunk.
        """
        docs = list(documents)
        if self._pool is None:
            return Pending(analyze_batch(docs, self.filter_sentences) if docs else [])
        chunk = max(1, min(self.chunk, -(-len(docs) // (4 * self.workers)))) if last else self.chunk
        tasks = [(docs[i:i + chunk], self.filter_sentences) for i in range(0, len(docs), chunk)]
        return Pending(self._pool.map_async(_worker_batch, tasks))

    def analyze(self, documents: Iterable[Document]) -> Iterator[Analysis]:
        """Analyses in input order."""
        docs = list(documents)
        for i in range(0, len(docs), 64):
            yield from self.submit(docs[i:i + 64]).get()


class Pending:
    """Analyses under way (from a pool) or already done (in this process)."""

    def __init__(self, result):
        self._result = result

    def get(self) -> list[Analysis]:
        if isinstance(self._result, list):
            return self._result
        return [a for chunk in self._result.get() for a in chunk]


def analyze(documents: Iterable[Document], workers: int = 1, filter_sentences: bool = True) -> Iterator[Analysis]:
    with Analyzer(workers=workers, filter_sentences=filter_sentences) as analyzer:
        yield from analyzer.analyze(documents)


def analyze_text(text: str, doc_id: str = "doc", date=None, filter_sentences: bool = True) -> Analysis:
    """Convenience for one text: ``analyze_text("...", "id", datetime.date(2023, 11, 7))``."""
    import datetime as dt

    document = Document(id=doc_id, text=text, date=date or dt.date.today())
    return analyze_batch([document], filter_sentences)[0]


def analyze_one(document: Document, filter_sentences: Optional[bool] = True) -> Analysis:
    return analyze_batch([document], bool(filter_sentences))[0]
