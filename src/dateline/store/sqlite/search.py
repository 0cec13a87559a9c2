"""Full-text search over the articles (FTS5)."""
from __future__ import annotations

from typing import Sequence


class Search:
    """Part of :class:`dateline.store.sqlite.Store`: full-text queries."""

    def search(self, query: str, limit: int = 20) -> list[dict]:
        q = ("SELECT d.id, d.date, d.title, snippet(documents_fts, 1, '[', ']', '…', 12) AS snippet"
             " FROM documents_fts JOIN documents d ON d.rowid = documents_fts.rowid"
             " WHERE documents_fts MATCH ? ORDER BY rank LIMIT ?")
        return [dict(r) for r in self.db.execute(q, (query, limit))]

    def documents_with_words_starting(self, stems: Sequence[str]) -> list[str]:
        """Ids of the articles (title or text) holding a word that begins with one of ``stems``, by the
        full-text index (diacritics ignored, so a superset of a case-insensitive regex's finds)."""
        if not stems:
            return []
        match = " OR ".join('"' + stem.replace('"', '""') + '"*' for stem in stems)
        return [r[0] for r in self.db.execute(
            "SELECT d.id FROM documents_fts JOIN documents d ON d.rowid = documents_fts.rowid"
            " WHERE documents_fts MATCH ?", (match,))]
