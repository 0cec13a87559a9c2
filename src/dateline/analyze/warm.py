"""Imported by the workers' fork server (see ``workers.py``): load spaCy and the extractors once.

A failure here is left for each worker to meet again, in its initializer, where it is
reported as usual; the server itself must start either way.
"""
try:
    from . import nlp, pipeline
    from .lexicon.gazetteer import gazetteer

    nlp.load()
    pipeline._extractors()
    gazetteer()
except Exception:   # noqa: BLE001 - see the docstring
    pass
