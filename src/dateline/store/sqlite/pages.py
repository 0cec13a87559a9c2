"""The queries behind the web pages (:mod:`dateline.web.data`), the briefing's and the export's reads.

Every page query is bounded (``LIMIT``, one page at a time) and driven by an index; lists are
paged by asking for one row more than shown. Which plan a query takes for a big entity (read
newest articles first and stop at a page) is the caller's choice, passed in as a flag.
"""
from __future__ import annotations

import datetime as dt
import json
from typing import Iterator, Optional, Sequence

# an article published by an outlet (a URL host, with or without www., with or without the root's dot)
OUTLET_FILTER = ("(instr(replace(d.url, './', '/'), '://' || ? || '/') > 0"
                 " OR instr(replace(d.url, './', '/'), '://www.' || ? || '/') > 0)")


def _within_dates(where: list[str], args: list, since: Optional[dt.date], until: Optional[dt.date]) -> None:
    """Adds the publication-date bounds that are given to a query's conditions."""
    if since:
        where.append("d.date >= ?")
        args.append(since.isoformat())
    if until:
        where.append("d.date <= ?")
        args.append(until.isoformat())


class Pages:
    """Part of :class:`dateline.store.sqlite.Store`: what the pages, the briefing and the export read."""

    def query_only(self) -> None:
        """Refuse every write on this connection (on top of a read-only open)."""
        self.db.execute("PRAGMA query_only=ON")

    # --- articles ------------------------------------------------------------------
    def publication_range(self) -> tuple[Optional[str], Optional[str]]:
        """The first and last publication days (ISO), None when the ledger is empty."""
        first, last = self.db.execute("SELECT min(date), max(date) FROM documents").fetchall()[0]
        return first, last

    def last_publication_date(self) -> Optional[str]:
        """The newest publication day (ISO), None when the ledger is empty."""
        row = next(iter(self.db.execute("SELECT max(date) AS d FROM documents")), None)
        return row["d"] if row else None

    def publication_dates(self) -> Iterator[dt.date]:
        """The publication day of every article (in no order)."""
        for r in self.db.execute("SELECT date FROM documents"):
            yield dt.date.fromisoformat(r["date"])

    def dup_groups(self) -> dict[str, Optional[str]]:
        """Every article -> its duplicate group (None: none stored)."""
        return {r["id"]: r["dup_group"] for r in self.db.execute("SELECT id, dup_group FROM documents")}

    def document_urls(self) -> list[str]:
        """The URL of every article that has one."""
        return [r[0] for r in self.db.execute("SELECT url FROM documents WHERE url IS NOT NULL")]

    def document_headers(self, ids: Sequence[str]) -> dict[str, dict]:
        """Articles -> their ``date``, ``title`` and ``url`` (unknown ids left out)."""
        out: dict[str, dict] = {}
        ids = list(dict.fromkeys(ids))
        for i in range(0, len(ids), 500):
            chunk = ids[i:i + 500]
            for r in self.db.execute(
                    f"SELECT id, date, title, url FROM documents WHERE id IN ({','.join('?' * len(chunk))})", chunk):
                out[r["id"]] = {"date": r["date"], "title": r["title"], "url": r["url"]}
        return out

    def latest_documents(self, limit: int) -> list[dict]:
        """The newest articles (``id``, ``date``, ``title``, ``url``)."""
        return [dict(r) for r in self.db.execute(
            "SELECT id, date, title, url FROM documents ORDER BY date DESC, id DESC LIMIT ?", (limit,))]

    def copies_of(self, dup_group: str, doc_id: str, limit: int = 50) -> list[dict]:
        """The other articles of a duplicate group (``id``, ``date``, ``title``, ``url``), oldest first."""
        return [dict(r) for r in self.db.execute(
            "SELECT id, date, title, url FROM documents WHERE dup_group=? AND id != ? ORDER BY date, id LIMIT ?",
            (dup_group, doc_id, limit))]

    def document_summaries(self) -> Iterator[dict]:
        """Every article without its text (``id``, ``url``, ``date``, ``title``, ``dup_group``, ``version``,
        ``hash``, ``chars``), by date and id: the export's document records."""
        for r in self.db.execute("SELECT id, url, date, title, dup_group, version, hash, length(text) AS chars"
                                 " FROM documents ORDER BY date, id"):
            yield dict(r)

    def time_expressions(self) -> Iterator[dict]:
        """Every stored time expression, by article and offset."""
        for r in self.db.execute('SELECT * FROM times ORDER BY doc, start'):
            yield dict(r)

    # --- claims --------------------------------------------------------------------
    def reporting_verbs(self, limit: int = 40) -> list[tuple[str, int]]:
        """Claim cues (lower case) by frequency."""
        return [(r[0], r[1]) for r in self.db.execute(
            "SELECT lower(cue), count(*) FROM claims WHERE cue IS NOT NULL GROUP BY lower(cue)"
            " ORDER BY 2 DESC LIMIT ?", (limit,))]

    def speaker_entities(self, speaker: str, limit: int = 200) -> list[tuple[str, int]]:
        """(id, articles) of the people, organisations and groups whose name or alias holds ``speaker``,
        most named first."""
        return [(r[0], r[1]) for r in self.db.execute(
            "SELECT id, docs FROM entities WHERE kind IN ('person', 'organisation', 'group')"
            " AND (name LIKE ? OR aliases LIKE ?) ORDER BY docs DESC LIMIT ?",
            (f"%{speaker}%", f"%{speaker}%", limit))]

    def claim_ids(self, entity: Optional[str] = None, entity_is_big: bool = False, speaker: Optional[str] = None,
                  speaker_entities: Sequence[str] = (), speakers_are_big: bool = False, about: Optional[str] = None,
                  about_is_big: bool = False, since: Optional[dt.date] = None, until: Optional[dt.date] = None,
                  verb: Optional[str] = None, mode: Optional[str] = None, limit: int = 51,
                  offset: int = 0) -> list[str]:
        """Ids of the claims that pass the filters, newest article first: by an ``entity``, by a ``speaker``
        (one of ``speaker_entities``, or an unresolved speaker whose text matches), ``about`` an entity
        (named in their content), published in ``[since, until]``, with a ``verb`` and ``mode``. The
        ``*_big`` flags read newest articles first and stop at the page (for entities named everywhere)."""
        where, args = ["1=1"], []
        date_driven = False          # read newest articles first and stop at a page (for big sets)
        if entity:
            date_driven = entity_is_big
            where.append(("+" if date_driven else "") + "c.speaker_entity = ?")
            args.append(entity)
        if speaker:
            ids = list(speaker_entities)
            big = speakers_are_big
            date_driven = date_driven or big
            # claims of matching entities (index), plus unresolved speakers whose text matches
            column = "+c.speaker_entity" if big else "c.speaker_entity"
            where.append(f"({column} IN ({','.join('?' * len(ids)) or 'NULL'})"
                         f" OR ({column} IS NULL AND c.speaker LIKE ?))")
            args += [*ids, f"%{speaker}%"]
        if about:
            if about_is_big:                                   # named everywhere: test the newest claims
                where.append('EXISTS (SELECT 1 FROM mentions m WHERE m.doc = c.doc AND m.entity = ?'
                             ' AND m.start >= c.content_start AND m."end" <= c.content_end)')
                date_driven = True
            else:                                              # named rarely: start from its mentions
                where.append('c.id IN (SELECT c2.id FROM mentions m JOIN claims c2 ON c2.doc = m.doc'
                             ' AND m.start >= c2.content_start AND m."end" <= c2.content_end WHERE m.entity = ?)')
            args.append(about)
        _within_dates(where, args, since, until)
        if verb:
            where.append("lower(c.cue) = lower(?)")
            args.append(verb)
        if mode:
            where.append("c.mode = ?")
            args.append(mode)
        source = "documents d JOIN claims c ON c.doc = d.id" if date_driven else \
            "claims c JOIN documents d ON d.id = c.doc"
        return [r[0] for r in self.db.execute(f"SELECT c.id FROM {source} WHERE {' AND '.join(where)}"
                                              f" ORDER BY d.date DESC, c.doc, c.start LIMIT ? OFFSET ?",
                                              (*args, limit, offset))]

    def claim_count(self, entity_id: str) -> int:
        """Claims by an entity (counted on the index)."""
        return self.db.execute("SELECT count(*) FROM claims WHERE speaker_entity = ?", (entity_id,)).fetchall()[0][0]

    def claims_by_id(self, ids: Sequence[str]) -> list[dict]:
        """Claims with their content, article (date, title, url) and speaker entity's name, in no order."""
        if not ids:
            return []
        return [dict(r) for r in self.db.execute(
            'SELECT c.*, d.date AS doc_date, d.title, d.url, e.name AS entity_name,'
            ' substr(d.text, c.content_start + 1, c.content_end - c.content_start) AS content'
            ' FROM claims c JOIN documents d ON d.id = c.doc LEFT JOIN entities e ON e.id = c.speaker_entity'
            f" WHERE c.id IN ({','.join('?' * len(ids))})", list(ids))]

    # --- entities ------------------------------------------------------------------
    def entity(self, entity_id: str) -> Optional[dict]:
        """One entity (``aliases`` a list), None if unknown."""
        rows = self.db.execute("SELECT * FROM entities WHERE id = ?", (entity_id,)).fetchall()
        return dict(rows[0], aliases=json.loads(rows[0]["aliases"])) if rows else None

    def entity_docs(self, entity_id: str) -> int:
        """In how many articles an entity is named (0 if unknown)."""
        rows = self.db.execute("SELECT docs FROM entities WHERE id = ?", (entity_id,)).fetchall()
        return rows[0][0] if rows else 0

    def places_around(self, entity_id: str, limit: int = 10) -> list[dict]:
        """The places the text puts this one inside (``id``, ``name``, ``docs``), most articles first."""
        return [dict(r) for r in self.db.execute(
            "SELECT e.id, e.name, p.docs FROM places_within p JOIN entities e ON e.id = p.outer_entity"
            " WHERE p.inner_entity = ? ORDER BY p.docs DESC LIMIT ?", (entity_id, limit))]

    def places_inside(self, entity_id: str, limit: int = 20) -> list[dict]:
        """The places the text puts inside this one (``id``, ``name``, ``docs``), most articles first."""
        return [dict(r) for r in self.db.execute(
            "SELECT e.id, e.name, p.docs FROM places_within p JOIN entities e ON e.id = p.inner_entity"
            " WHERE p.outer_entity = ? ORDER BY p.docs DESC LIMIT ?", (entity_id, limit))]

    def place_names(self) -> dict[str, tuple[str, list[str]]]:
        """Place entities: id -> (name, aliases)."""
        return {r["id"]: (r["name"], json.loads(r["aliases"]))
                for r in self.db.execute("SELECT id, name, aliases FROM entities WHERE kind='place'")}

    def places_within(self) -> Iterator[tuple[str, str]]:
        """(inner, outer) entity ids of every place the text puts inside another."""
        for r in self.db.execute("SELECT inner_entity, outer_entity FROM places_within"):
            yield r["inner_entity"], r["outer_entity"]

    def articles_per_day(self, entity_id: str) -> list[tuple[str, int]]:
        """(publication day, articles naming the entity), by day."""
        return [(r[0], r[1]) for r in self.db.execute(
            "SELECT d.date, count(DISTINCT m.doc) FROM mentions m JOIN documents d ON d.id = m.doc"
            " WHERE m.entity = ? GROUP BY d.date ORDER BY d.date", (entity_id,))]

    def articles_naming(self, entity_id: str, limit: int, newest_first: bool = False) -> list[dict]:
        """The latest articles naming the entity (``id``, ``date``, ``title``, ``url``); ``newest_first``
        reads articles from the newest and stops at ``limit`` (an entity most articles name)."""
        if newest_first:
            rows = self.db.execute("SELECT d.id, d.date, d.title, d.url FROM documents d WHERE EXISTS"
                                   " (SELECT 1 FROM mentions m WHERE m.doc = d.id AND m.entity = ?)"
                                   " ORDER BY d.date DESC, d.id DESC LIMIT ?", (entity_id, limit))
        else:
            rows = self.db.execute("SELECT DISTINCT d.id, d.date, d.title, d.url FROM mentions m"
                                   " JOIN documents d ON d.id = m.doc WHERE m.entity = ?"
                                   " ORDER BY d.date DESC, d.id DESC LIMIT ?", (entity_id, limit))
        return [dict(r) for r in rows]

    def first_mention(self, doc_id: str, entity_id: str) -> Optional[tuple[int, int]]:
        """(start, end) of the entity's first mention in an article, None if it has none."""
        first = self.db.execute('SELECT start, "end" FROM mentions WHERE doc = ? AND entity = ?'
                                ' ORDER BY start LIMIT 1', (doc_id, entity_id)).fetchall()
        return (first[0][0], first[0][1]) if first else None

    def entities_in_at_least(self, docs: int) -> list[str]:
        """Ids of the entities named in ``docs`` articles or more."""
        return [r[0] for r in self.db.execute("SELECT id FROM entities WHERE docs >= ?", (docs,))]

    def articles_per_day_of(self, entities: Sequence[str]) -> Iterator[tuple[str, str, int]]:
        """(entity, publication day, articles naming it) of these entities, by entity and day."""
        marks = ",".join("?" * len(entities))
        for r in self.db.execute("SELECT m.entity, d.date, count(DISTINCT m.doc) FROM mentions m"
                                 f" JOIN documents d ON d.id = m.doc WHERE m.entity IN ({marks})"
                                 " GROUP BY m.entity, d.date ORDER BY m.entity, d.date", list(entities)):
            yield r[0], r[1], r[2]

    def claims_naming(self, entities: Sequence[str]) -> Iterator[tuple[str, str, str]]:
        """(entity, claim, publication day) of the claims whose content names one of these entities."""
        marks = ",".join("?" * len(entities))
        for r in self.db.execute('SELECT DISTINCT m.entity, c.id, d.date FROM mentions m'
                                 ' JOIN claims c ON c.doc = m.doc AND m.start >= c.content_start'
                                 ' AND m."end" <= c.content_end JOIN documents d ON d.id = c.doc'
                                 f" WHERE m.entity IN ({marks})", list(entities)):
            yield r[0], r[1], r[2]

    # --- figures -------------------------------------------------------------------
    def figures_by_source_entity(self) -> Iterator[tuple[str, str, str]]:
        """(source entity, figure, as-of or publication day) of every figure whose source is an entity."""
        for r in self.db.execute("SELECT f.source_entity, f.id, coalesce(f.as_of, d.date) FROM figures f"
                                 " JOIN documents d ON d.id = f.doc WHERE f.source_entity IS NOT NULL"):
            yield r[0], r[1], r[2]

    def newest_figure_ids_from(self, entity_id: str, limit: int) -> list[str]:
        """Ids of the figures the entity is the source of, newest first (reads the figures table)."""
        return [r[0] for r in self.db.execute("SELECT f.id FROM figures f JOIN documents d ON d.id = f.doc"
                                              " WHERE f.source_entity = ? ORDER BY coalesce(f.as_of, d.date) DESC"
                                              " LIMIT ?", (entity_id, limit))]

    def figure_ids(self, measure: Optional[str] = None, scope: Optional[str] = None,
                   published_from: Optional[dt.date] = None, published_to: Optional[dt.date] = None,
                   limit: int = 51, offset: int = 0) -> list[str]:
        """Ids of the figures of a measure and scope published in the range, newest article first."""
        where, args = ["1=1"], []
        for col, val in (("f.measure", measure), ("f.scope", scope)):
            if val:
                where.append(f"{col} = ?")
                args.append(val)
        for op, day in ((">=", published_from), ("<=", published_to)):
            if day:
                where.append(f"d.date {op} ?")
                args.append(day.isoformat())
        return [r[0] for r in self.db.execute(
            f"SELECT f.id FROM figures f JOIN documents d ON d.id = f.doc WHERE {' AND '.join(where)}"
            " ORDER BY d.date DESC, f.doc, f.start LIMIT ? OFFSET ?", (*args, limit, offset))]

    def figures_by_id(self, ids: Sequence[str]) -> list[dict]:
        """Figures with their sentence and article (date, title, url), in no order."""
        return [dict(r) for r in self.db.execute(
            "SELECT f.*, d.date AS doc_date, d.title, d.url,"
            " substr(d.text, f.sent_start + 1, f.sent_end - f.sent_start) AS sentence"
            f" FROM figures f JOIN documents d ON d.id = f.doc WHERE f.id IN ({','.join('?' * len(ids))})", list(ids))]
