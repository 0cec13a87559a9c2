"""Timeline17 articles -> dated :class:`Sentence` records, on ``workers`` processes."""
from __future__ import annotations

import functools
import multiprocessing
from typing import Optional, Sequence

from dateline.synthesize.events import Sentence
from dateline.synthesize.timeline import sentences_from_text

from .t17 import Article


def _one(article: Article, max_sentences: Optional[int]) -> list[Sentence]:
    return sentences_from_text(article.id, article.text(), article.published, max_sentences=max_sentences)


def topic_sentences(articles: Sequence[Article], workers: int = 2,
                    max_sentences: Optional[int] = None) -> list[Sentence]:
    """Every article's sentences dated with the timex grammar (no parse), in article order."""
    one = functools.partial(_one, max_sentences=max_sentences)
    if workers <= 1 or len(articles) < 32:
        return [s for a in articles for s in one(a)]
    from dateline.analyze import nlp

    nlp.load()                      # once, before forking: the workers share it
    ctx = multiprocessing.get_context("fork")
    with ctx.Pool(workers) as pool:
        return [s for part in pool.map(one, articles, chunksize=16) for s in part]
