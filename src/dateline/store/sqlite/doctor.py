"""Integrity checks of a database (``dateline doctor``)."""
from __future__ import annotations

import sqlite3

from ...records import Document
from .common import _date
from .schema import SCHEMA_VERSION


class Doctor:
    """Part of :class:`dateline.store.sqlite.Store`: what is wrong with the database."""

    def doctor(self) -> list[str]:
        """Every problem found in the database; an empty list means all is well."""
        problems: list[str] = []
        integrity = [r[0] for r in self.db.execute("PRAGMA integrity_check")]
        if integrity != ["ok"]:
            problems += [f"integrity: {x}" for x in integrity[:20]]
        if self.schema_version != SCHEMA_VERSION:
            problems.append(f"schema version {self.schema_version}, expected {SCHEMA_VERSION}")
        try:
            self.db.execute("INSERT INTO documents_fts(documents_fts, rank) VALUES ('integrity-check', 1)")
        except sqlite3.DatabaseError as e:
            problems.append(f"full-text index out of step with documents: {e}")
        n = self.db.execute("SELECT count(*) FROM sentence_days x WHERE NOT EXISTS (SELECT 1 FROM sentences s"
                            " WHERE s.doc = x.doc AND s.position = x.position)").fetchone()[0]
        if n:
            problems.append(f"{n} sentence_days rows name no stored sentence")
        for table in ("mentions", "times", "figures", "claims", "sentences"):
            n = self.db.execute(f"SELECT count(*) FROM {table} WHERE doc NOT IN (SELECT id FROM documents)"
                                ).fetchone()[0]
            if n:
                problems.append(f"{n} {table} rows belong to no document")
            bad = self.db.execute(
                f'SELECT x.doc, x.start, x."end" FROM {table} x JOIN documents d ON d.id = x.doc'
                f' WHERE x.start < 0 OR x."end" <= x.start OR x."end" > length(d.text) LIMIT 5').fetchall()
            problems += [f"{table} span out of range: {r['doc']} {r['start']}-{r['end']}" for r in bad]
        checks = [
            ("figures whose number lies outside their sentence",
             'SELECT id FROM figures WHERE start < sent_start OR "end" > sent_end OR sent_start < 0'),
            ("figures whose sentence lies outside the text",
             "SELECT f.id FROM figures f JOIN documents d ON d.id = f.doc WHERE f.sent_end > length(d.text)"),
            ("claims whose content lies outside the text",
             "SELECT c.id FROM claims c JOIN documents d ON d.id = c.doc"
             " WHERE c.content_start < 0 OR c.content_end <= c.content_start OR c.content_end > length(d.text)"),
            ("figures whose parent does not exist",
             "SELECT id FROM figures WHERE parent IS NOT NULL AND parent NOT IN (SELECT id FROM figures)"),
            ("mentions of entities that do not exist",
             "SELECT doc FROM mentions WHERE entity IS NOT NULL AND entity NOT IN (SELECT id FROM entities)"),
            ("claims linked to entities that do not exist",
             "SELECT id FROM claims WHERE speaker_entity IS NOT NULL"
             " AND speaker_entity NOT IN (SELECT id FROM entities)"),
        ]
        for what, query in checks:
            rows = self.db.execute(query + " LIMIT 5").fetchall()
            if rows:
                problems.append(f"{what}: {', '.join(str(r[0]) for r in rows)}")
        for r in self.db.execute("SELECT id, hash, date, url, title, text FROM documents"):
            d = Document(id=r["id"], text=r["text"], date=_date(r["date"]), url=r["url"], title=r["title"])
            if d.content_hash != r["hash"]:
                problems.append(f"document {r['id']}: stored hash does not match its content")
        return problems
