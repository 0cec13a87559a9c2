"""Timeline17 articles -> dated :class:`Sentence` records, on ``workers`` processes."""
from __future__ import annotations

import multiprocessing
from typing import Sequence

from dateline.synthesize.events import Sentence
from dateline.synthesize.timeline import sentences_from_text

from .t17 import Article


def _one(article: Article) -> list[Sentence]:
    return sentences_from_text(article.id, article.text(), article.published)


def topic_sentences(articles: Sequence[Article], workers: int = 2) -> list[Sentence]:
    if workers <= 1:
        return [s for a in articles for s in _one(a)]
    from dateline.analyze import nlp

    nlp.load()                      # once, before forking: the workers share it
    ctx = multiprocessing.get_context("fork")
    with ctx.Pool(workers) as pool:
        return [s for part in pool.map(_one, articles, chunksize=16) for s in part]
