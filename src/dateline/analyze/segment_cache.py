"""The per-process cache of parsed segments (no spaCy import: the ingest's main process needs it only
to hold the setting, and its workers do the parsing)."""
from __future__ import annotations

from collections import OrderedDict
from typing import TYPE_CHECKING, Optional

if TYPE_CHECKING:
    from spacy.tokens import Doc


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
