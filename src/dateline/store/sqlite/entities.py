"""Mentions and the entities consolidation makes of them, places within places, figure sources."""
from __future__ import annotations

import json
import sqlite3
from typing import Any, Iterable, Iterator, Optional, Sequence


class Entities:
    """Part of :class:`dateline.store.sqlite.Store`: entities and the links consolidation writes."""

    # --- entities ------------------------------------------------------------
    def mention_forms(self) -> list[tuple[str, str, str, int]]:
        """Each distinct ``(text, alias_of or "", kind)`` of the mentions, with how many there are."""
        return self.db.execute("SELECT text, coalesce(alias_of, ''), kind, count(*) FROM mentions"
                               " GROUP BY 1, 2, 3").fetchall()

    def forms_by_doc(self, texts: Iterable[str]) -> Iterator[tuple[str, str, str, int]]:
        """Mentions of ``texts`` counted per article, in article order: ``(doc, text, alias_of or "", count)``."""
        self._temp_values("wanted_forms", ["text"], ((t,) for t in texts))
        return self.db.execute("SELECT doc, text, coalesce(alias_of, ''), count(*) FROM mentions"
                               " WHERE text IN (SELECT w.text FROM temp.wanted_forms w) GROUP BY 1, 2, 3 ORDER BY 1")

    def replace_entities(self, entities: Sequence, by_form: dict[tuple[str, str], str],
                         by_doc: dict[tuple[str, str, str], str]) -> list[dict]:
        """Rewrite the entity table and every mention's entity id (call inside a transaction).

        ``entities``: objects with ``id`` and ``as_row(docs)`` (:class:`dateline.consolidate.aliases.Entity`);
        a mention's entity is ``by_doc[(doc, text, alias_of)]``, else ``by_form[(text, alias_of)]``
        (``alias_of`` "" when none), else none. Returns the rows written.
        """
        self._temp_values("form_entity", ["text", "alias_of", "entity"],
                          ((t, a, e) for (t, a), e in by_form.items()), key=["text", "alias_of"])
        self._temp_values("doc_form_entity", ["doc", "text", "alias_of", "entity"],
                          ((d, t, a, e) for (d, t, a), e in by_doc.items()), key=["doc", "text", "alias_of"])
        # only mentions whose entity changes are written (ids are stable, so after a small batch, few)
        self.db.execute(
            "UPDATE mentions SET entity = n.entity FROM ("
            " SELECT m.rowid AS rid, coalesce(o.entity, f.entity) AS entity FROM mentions m"
            " LEFT JOIN doc_form_entity o ON o.doc = m.doc AND o.text = m.text"
            " AND o.alias_of = coalesce(m.alias_of, '')"
            " LEFT JOIN form_entity f ON f.text = m.text AND f.alias_of = coalesce(m.alias_of, '')) n"
            " WHERE mentions.rowid = n.rid AND mentions.entity IS NOT n.entity")
        docs = dict(self.db.execute("SELECT entity, count(DISTINCT doc) FROM mentions WHERE entity IS NOT NULL"
                                    " GROUP BY entity").fetchall())
        rows = [e.as_row(docs.get(e.id, 0)) for e in entities]
        self.db.execute("DELETE FROM entities")
        self.db.executemany("INSERT INTO entities(id, name, kind, aliases, mentions, docs) VALUES (?,?,?,?,?,?)",
                            [(e["id"], e["name"], e["kind"], json.dumps(e["aliases"], ensure_ascii=False),
                              e["mentions"], e["docs"]) for e in rows])
        # claims point at the entity of the mention that overlaps their speaker span most
        links = []
        for c in self.db.execute("SELECT id, doc, speaker_start, speaker_end, speaker_entity FROM claims"
                                 " WHERE speaker_start IS NOT NULL").fetchall():
            best, best_overlap = None, 0
            for m in self.db.execute('SELECT entity, start, "end" FROM mentions'
                                     ' WHERE doc=? AND start < ? AND ? < "end"',
                                     (c["doc"], c["speaker_end"], c["speaker_start"])):
                overlap = min(m["end"], c["speaker_end"]) - max(m["start"], c["speaker_start"])
                if overlap > best_overlap:
                    best, best_overlap = m["entity"], overlap
            if best != c["speaker_entity"]:
                links.append((best, c["id"]))
        self.db.executemany("UPDATE claims SET speaker_entity=? WHERE id=?", links)
        return rows

    def adjacent_places(self, gap: int = 40) -> Iterator[sqlite3.Row]:
        """Pairs of place mentions close together, with the text between them."""
        return self.db.execute(
            'SELECT a.doc, a.entity AS inner_entity, b.entity AS outer_entity,'
            ' substr(d.text, a."end" + 1, b.start - a."end") AS gap_text'
            ' FROM mentions a JOIN mentions b ON b.doc = a.doc AND b.start > a."end" AND b.start - a."end" <= ?'
            ' JOIN documents d ON d.id = a.doc'
            " WHERE a.kind = 'place' AND b.kind = 'place' AND a.entity IS NOT NULL AND b.entity IS NOT NULL"
            ' AND a.entity != b.entity', (gap,))

    def replace_places_within(self, links: dict[tuple[str, str], int]) -> None:
        """Rewrite the place hierarchy (call inside a transaction)."""
        self.db.execute("DELETE FROM places_within")
        self.db.executemany("INSERT INTO places_within(inner_entity, outer_entity, docs) VALUES (?,?,?)",
                            [(i, o, n) for (i, o), n in links.items()])

    def figure_sources(self) -> list[str]:
        return [r[0] for r in self.db.execute("SELECT DISTINCT source FROM figures WHERE source IS NOT NULL")]

    def set_figure_source_entities(self, mapping: dict[str, Optional[str]]) -> None:
        """Link figure sources to entities (call inside a transaction)."""
        self.db.executemany("UPDATE figures SET source_entity=? WHERE source=?",
                            [(e, s) for s, e in mapping.items()])

    def entities(self, kind: Optional[str] = None, name: Optional[str] = None, limit: int = 0,
                 offset: int = 0) -> list[dict]:
        q = "SELECT * FROM entities WHERE 1=1"
        args: list[Any] = []
        if kind:
            q += " AND kind=?"
            args.append(kind)
        if name:
            q += " AND (name LIKE ? OR aliases LIKE ?)"
            args += [f"%{name}%", f"%{name}%"]
        q += " ORDER BY docs DESC, mentions DESC, name"
        if limit:
            q += f" LIMIT {int(limit)}" + (f" OFFSET {int(offset)}" if offset else "")
        return [dict(r, aliases=json.loads(r["aliases"])) for r in self.db.execute(q, args)]
