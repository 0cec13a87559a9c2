"""Per-document analysis: one article (and its date) in, an :class:`Analysis` out.

Pure and independent per document, so it can run in a process pool or on
cluster workers with identical output. Extractors run in a fixed order because
later ones read earlier ones' results: entities, times, claims, then figures
(which take their as-of dates from times and their sources from claims).
"""
from __future__ import annotations

from typing import Iterable, Iterator, Optional

from ..records import Analysis, Document
from . import nlp


def _extractors():
    # imported lazily so that ingest-only code paths never load spaCy
    from . import claims, entities, figures, timex

    return entities, timex, claims, figures


def needs_parse(segment: str) -> bool:
    """True when some extractor can use this segment's parse (see each module's ``TRIGGER``)."""
    return any(mod.TRIGGER.search(segment) for mod in _extractors())


def analyze_doc(document: Document, spacy_doc) -> Analysis:
    entities, timex, claims, figures = _extractors()
    mentions = entities.extract_mentions(spacy_doc, document.id)
    times = timex.extract_times(spacy_doc, document.id, document.date)
    found_claims = claims.extract_claims(spacy_doc, document.id)
    found_figures = figures.extract_figures(spacy_doc, document.id, document.date, times=times,
                                            claims=found_claims)
    return Analysis(doc=document, mentions=mentions, times=times, claims=found_claims,
                    figures=found_figures)


def analyze(documents: Iterable[Document], batch_size: int = 32, n_process: int = 1,
            filter_sentences: bool = True) -> Iterator[Analysis]:
    """Analyse documents in batches; yields one :class:`Analysis` per document, in order."""
    batch: list[Document] = []
    for d in documents:
        batch.append(d)
        if len(batch) >= batch_size:
            yield from _run(batch, n_process, filter_sentences)
            batch = []
    if batch:
        yield from _run(batch, n_process, filter_sentences)


def _run(batch: list[Document], n_process: int, filter_sentences: bool) -> Iterator[Analysis]:
    flt = needs_parse if filter_sentences else None
    for document, sdoc in zip(batch, nlp.parse([d.text for d in batch], needs_parse=flt,
                                               batch_size=len(batch), n_process=n_process)):
        yield analyze_doc(document, sdoc)


def analyze_text(text: str, doc_id: str = "doc", date=None, filter_sentences: bool = True) -> Analysis:
    """Convenience for one text: ``analyze_text("...", "id", datetime.date(2023, 11, 7))``."""
    import datetime as dt

    document = Document(id=doc_id, text=text, date=date or dt.date.today())
    return next(_run([document], 1, filter_sentences))


def analyze_one(document: Document, filter_sentences: Optional[bool] = True) -> Analysis:
    return next(_run([document], 1, bool(filter_sentences)))
