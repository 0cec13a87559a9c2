"""The one module that owns the SQLite database (WAL, FTS5, versioned schema).

Writes happen in :meth:`Store.transaction` blocks: an ingest batch (documents
plus all their extractions) commits whole or not at all, so a crash or a bad
file never leaves half an article or half its extractions behind.
"""
from __future__ import annotations

import contextlib
import datetime as dt
import json
import sqlite3
from pathlib import Path
from typing import Any, Iterable, Iterator, Optional, Sequence, Union

from ..records import Analysis, DatedSentence, Document, Span, TimeExpr

# Each entry upgrades the schema by one version (PRAGMA user_version).
MIGRATIONS: list[str] = [
    # 1: documents with history, FTS5 over title and text, per-document extractions, entities
    """
    CREATE TABLE documents (
        id TEXT PRIMARY KEY,
        version INTEGER NOT NULL DEFAULT 1,
        hash TEXT NOT NULL,
        date TEXT NOT NULL,
        url TEXT,
        title TEXT,
        origin TEXT,
        text TEXT NOT NULL,
        dup_group TEXT,
        minhash BLOB,
        ingested_at TEXT NOT NULL
    );
    CREATE INDEX documents_date ON documents(date);
    CREATE INDEX documents_dup ON documents(dup_group);
    CREATE TABLE document_versions (
        id TEXT NOT NULL,
        version INTEGER NOT NULL,
        hash TEXT NOT NULL,
        date TEXT NOT NULL,
        url TEXT,
        title TEXT,
        text TEXT NOT NULL,
        replaced_at TEXT NOT NULL,
        PRIMARY KEY (id, version)
    );
    CREATE VIRTUAL TABLE documents_fts USING fts5(
        title, text, content='documents', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2'
    );
    CREATE TRIGGER documents_ai AFTER INSERT ON documents BEGIN
        INSERT INTO documents_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
    END;
    CREATE TRIGGER documents_ad AFTER DELETE ON documents BEGIN
        INSERT INTO documents_fts(documents_fts, rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text);
    END;
    CREATE TRIGGER documents_au AFTER UPDATE OF title, text ON documents BEGIN
        INSERT INTO documents_fts(documents_fts, rowid, title, text) VALUES ('delete', old.rowid, old.title, old.text);
        INSERT INTO documents_fts(rowid, title, text) VALUES (new.rowid, new.title, new.text);
    END;
    CREATE TABLE mentions (
        doc TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        start INTEGER NOT NULL, "end" INTEGER NOT NULL,
        text TEXT NOT NULL, label TEXT NOT NULL, kind TEXT NOT NULL,
        entity TEXT,
        PRIMARY KEY (doc, start, "end")
    );
    CREATE INDEX mentions_entity ON mentions(entity);
    CREATE TABLE entities (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        kind TEXT NOT NULL,
        aliases TEXT NOT NULL,
        mentions INTEGER NOT NULL,
        docs INTEGER NOT NULL
    );
    CREATE TABLE times (
        doc TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        start INTEGER NOT NULL, "end" INTEGER NOT NULL,
        text TEXT NOT NULL, type TEXT NOT NULL, value TEXT NOT NULL, date TEXT, since INTEGER NOT NULL,
        PRIMARY KEY (doc, start, "end")
    );
    CREATE INDEX times_date ON times(date);
    CREATE TABLE figures (
        id TEXT PRIMARY KEY,
        doc TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        start INTEGER NOT NULL, "end" INTEGER NOT NULL,
        sent_start INTEGER NOT NULL, sent_end INTEGER NOT NULL,
        value REAL NOT NULL, value_max REAL, qualifier TEXT NOT NULL, measure TEXT NOT NULL,
        grp TEXT, parent TEXT, source TEXT, source_entity TEXT, as_of TEXT, scope TEXT NOT NULL
    );
    CREATE INDEX figures_doc ON figures(doc);
    CREATE INDEX figures_measure ON figures(measure, as_of);
    CREATE TABLE claims (
        id TEXT PRIMARY KEY,
        doc TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        start INTEGER NOT NULL, "end" INTEGER NOT NULL,
        content_start INTEGER NOT NULL, content_end INTEGER NOT NULL,
        mode TEXT NOT NULL,
        speaker TEXT, speaker_start INTEGER, speaker_end INTEGER, speaker_entity TEXT,
        cue TEXT, cue_start INTEGER, cue_end INTEGER
    );
    CREATE INDEX claims_doc ON claims(doc);
    CREATE INDEX claims_speaker_entity ON claims(speaker_entity);
    CREATE TABLE runs (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        started_at TEXT NOT NULL, finished_at TEXT,
        inputs TEXT NOT NULL, added INTEGER, updated INTEGER, unchanged INTEGER, failed INTEGER
    );
    """,
    # 2: acronyms and short forms the text itself equates with a longer name
    """
    ALTER TABLE mentions ADD COLUMN alias_of TEXT;
    """,
    # 3: places the text puts inside others ("the Karsa valley in northern Belmoria")
    """
    CREATE TABLE places_within (
        inner_entity TEXT NOT NULL,
        outer_entity TEXT NOT NULL,
        docs INTEGER NOT NULL,
        PRIMARY KEY (inner_entity, outer_entity)
    );
    """,
    # 4: a flag saying cross-article consolidation is owed (set with every write, cleared when done),
    #    indexes the web pages need at scale, prefix search
    """
    CREATE TABLE state (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    INSERT INTO state(key, value) VALUES ('needs_consolidation', '1');
    CREATE INDEX figures_source_entity ON figures(source_entity);
    CREATE INDEX mentions_entity_doc ON mentions(entity, doc);
    DROP TABLE documents_fts;
    CREATE VIRTUAL TABLE documents_fts USING fts5(
        title, text, content='documents', content_rowid='rowid', tokenize='unicode61 remove_diacritics 2',
        prefix='2 3'
    );
    INSERT INTO documents_fts(documents_fts) VALUES ('rebuild');
    """,
    # 5: each article's sentences with the days they name, dated once at analysis (the timeline's input);
    #    articles stored before this have none until the next consolidation fills them in
    """
    CREATE TABLE sentences (
        doc TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        start INTEGER NOT NULL, "end" INTEGER NOT NULL,
        dates TEXT, calendar TEXT,
        PRIMARY KEY (doc, position)
    );
    INSERT INTO state(key, value) VALUES ('needs_consolidation', '1')
        ON CONFLICT(key) DO UPDATE SET value = '1';
    -- articles written since the last consolidation (new = 0: a new version of a stored one)
    CREATE TABLE unconsolidated (doc TEXT PRIMARY KEY, new INTEGER NOT NULL);
    """,
    # 6: the days each sentence names, one row per sentence and day, so that the timeline ranks days
    #    with aggregates and reads only the chosen days' sentences; filled for older articles at the
    #    next consolidation (state sentence_days)
    """
    CREATE TABLE sentence_days (
        day TEXT NOT NULL,
        doc TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        position INTEGER NOT NULL,
        calendar INTEGER NOT NULL,          -- written as a calendar date ("April 20")
        headed INTEGER NOT NULL,            -- the sentence starts with a date label ("April 22 - ...")
        PRIMARY KEY (day, doc, position)
    ) WITHOUT ROWID;
    CREATE INDEX sentence_days_doc ON sentence_days(doc);
    -- a store created now has nothing to index; an older one with articles does
    INSERT INTO state(key, value)
        SELECT 'sentence_days', CASE WHEN EXISTS (SELECT 1 FROM documents) THEN 'missing' ELSE 'complete' END
        WHERE true
        ON CONFLICT(key) DO UPDATE SET value = excluded.value;
    INSERT INTO state(key, value) VALUES ('needs_consolidation', '1')
        ON CONFLICT(key) DO UPDATE SET value = '1';
    """,
    # 7: what each cumulative figure brings to a series from its own article and the story's places
    #    (consolidate.series.describe), kept current at consolidation, so that reading series only
    #    groups; series_places: the place names the descriptions were made with
    """
    CREATE TABLE figure_series (
        figure TEXT PRIMARY KEY REFERENCES figures(id) ON DELETE CASCADE,
        doc TEXT NOT NULL REFERENCES documents(id) ON DELETE CASCADE,
        place TEXT,                     -- the place its text names (none: placed by value on reading)
        category TEXT NOT NULL,         -- of the people counted
        skey TEXT,                      -- source key as if the figure named no place (none: unattributed)
        source TEXT, grp TEXT           -- after inheriting an attributed twin's in the same article
    );
    CREATE INDEX figure_series_doc ON figure_series(doc);
    CREATE TABLE series_places (key TEXT PRIMARY KEY) WITHOUT ROWID;
    INSERT INTO state(key, value) VALUES ('figure_series', 'missing')
        ON CONFLICT(key) DO UPDATE SET value = 'missing';
    INSERT INTO state(key, value) VALUES ('needs_consolidation', '1')
        ON CONFLICT(key) DO UPDATE SET value = '1';
    """,
]
SCHEMA_VERSION = len(MIGRATIONS)

PathLike = Union[str, Path]


class SchemaError(RuntimeError):
    pass


def published_between(published_from: Optional[str], published_to: Optional[str]) -> tuple[str, list]:
    """SQL condition (and its arguments) on documents ``d`` published in the range (ISO days; None: open).
    Plain SQL, so DuckDB's queries over Parquet use it too."""
    where, args = ["1=1"], []
    if published_from:
        where.append("d.date >= ?")
        args.append(published_from)
    if published_to:
        where.append("d.date <= ?")
        args.append(published_to)
    return " AND ".join(where), args


def _now() -> str:
    return dt.datetime.now(dt.timezone.utc).isoformat(timespec="seconds")


def _iso(d: Optional[dt.date]) -> Optional[str]:
    return d.isoformat() if d else None


def _date(s: Optional[str]) -> Optional[dt.date]:
    return dt.date.fromisoformat(s) if s else None


class Store:
    """A dateline database. ``Store(path)`` creates or upgrades it; ``read_only=True`` never writes."""

    def __init__(self, path: PathLike = "dateline.db", read_only: bool = False):
        self.path = Path(path)
        self.read_only = read_only
        if read_only:
            if not self.path.exists():
                raise FileNotFoundError(f"no database at {self.path}; run 'dateline ingest' first")
            self.db = sqlite3.connect(f"file:{self.path}?mode=ro", uri=True, check_same_thread=False)
        else:
            self.db = sqlite3.connect(self.path, isolation_level=None, check_same_thread=False)
            self.db.execute("PRAGMA journal_mode=WAL")
            self.db.execute("PRAGMA synchronous=NORMAL")
        self.db.row_factory = sqlite3.Row
        self.db.execute("PRAGMA foreign_keys=ON")
        self.db.execute("PRAGMA busy_timeout=10000")
        self._migrate()

    # --- schema ---------------------------------------------------------------
    @property
    def schema_version(self) -> int:
        return self.db.execute("PRAGMA user_version").fetchone()[0]

    def _migrate(self) -> None:
        version = self.schema_version
        if version > SCHEMA_VERSION:
            raise SchemaError(f"{self.path} has schema version {version}, newer than this dateline "
                              f"({SCHEMA_VERSION}); upgrade dateline")
        if version == SCHEMA_VERSION:
            return
        if self.read_only:
            raise SchemaError(f"{self.path} has schema version {version}; open it once for writing to upgrade")
        for number in range(version, SCHEMA_VERSION):
            with self.transaction():
                for statement in _split_sql(MIGRATIONS[number]):
                    self.db.execute(statement)
                self.db.execute(f"PRAGMA user_version={number + 1}")

    @contextlib.contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """BEGIN IMMEDIATE … COMMIT, rolled back on any exception."""
        self.db.execute("BEGIN IMMEDIATE")
        try:
            yield self.db
        except BaseException:
            self.db.execute("ROLLBACK")
            raise
        else:
            self.db.execute("COMMIT")

    def close(self) -> None:
        self.db.close()

    # --- documents ------------------------------------------------------------
    def get_state(self, key: str, default: Optional[str] = None) -> Optional[str]:
        row = self.db.execute("SELECT value FROM state WHERE key=?", (key,)).fetchone()
        return row[0] if row else default

    def set_state(self, key: str, value: str) -> None:
        self.db.execute("INSERT INTO state(key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value=excluded.value",
                        (key, value))

    def document_hashes(self, ids: Sequence[str]) -> dict[str, str]:
        out: dict[str, str] = {}
        for chunk in _chunks(list(ids), 500):
            q = f"SELECT id, hash FROM documents WHERE id IN ({','.join('?' * len(chunk))})"
            out.update({r["id"]: r["hash"] for r in self.db.execute(q, chunk)})
        return out

    def write_analyses(self, analyses: Iterable[Analysis], signatures: dict[str, bytes]) -> tuple[int, int]:
        """Store documents with all their extractions, replacing earlier versions. Call inside a transaction.

        Returns ``(added, updated)``.
        """
        added = updated = 0
        for a in analyses:
            d = a.doc
            old = self.db.execute("SELECT * FROM documents WHERE id=?", (d.id,)).fetchone()
            version = 1
            if old is not None:
                if old["hash"] == d.content_hash:
                    continue
                version = old["version"] + 1
                self.db.execute(
                    "INSERT OR REPLACE INTO document_versions(id, version, hash, date, url, title, text, replaced_at)"
                    " VALUES (?,?,?,?,?,?,?,?)",
                    (old["id"], old["version"], old["hash"], old["date"], old["url"], old["title"], old["text"],
                     _now()))
                self.db.execute("DELETE FROM documents WHERE id=?", (d.id,))   # cascades to extractions
                updated += 1
            else:
                added += 1
            self.set_state("needs_consolidation", "1")
            # the first write since the last consolidation says whether the id is new to it
            self.db.execute("INSERT INTO unconsolidated(doc, new) VALUES (?, ?) ON CONFLICT(doc) DO NOTHING",
                            (d.id, int(old is None)))
            self.db.execute(
                "INSERT INTO documents(id, version, hash, date, url, title, origin, text, dup_group, minhash,"
                " ingested_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                (d.id, version, d.content_hash, d.date.isoformat(), d.url, d.title, d.origin, d.text,
                 d.dup_group, signatures.get(d.id), _now()))
            self._insert_items(a)
        return added, updated

    def _insert_items(self, a: Analysis) -> None:
        db = self.db
        self.write_sentences(a.sentences, a.doc.text)
        db.executemany('INSERT OR IGNORE INTO mentions(doc, start, "end", text, label, kind, entity, alias_of)'
                       ' VALUES (?,?,?,?,?,?,?,?)',
                       [(m.span.doc, m.span.start, m.span.end, m.text, m.label, m.kind, m.canonical, m.alias_of)
                        for m in a.mentions])
        db.executemany('INSERT OR IGNORE INTO times(doc, start, "end", text, type, value, date, since) VALUES (?,?,?,?,?,?,?,?)',
                       [(t.span.doc, t.span.start, t.span.end, t.text, t.type, t.value, _iso(t.date), int(t.since))
                        for t in a.times])
        db.executemany(
            'INSERT OR REPLACE INTO figures(id, doc, start, "end", sent_start, sent_end, value, value_max, qualifier,'
            ' measure, grp, parent, source, source_entity, as_of, scope) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)',
            [(f.id, f.span.doc, f.span.start, f.span.end, f.sentence.start, f.sentence.end, f.value, f.value_max,
              f.qualifier, f.measure, f.group, f.parent, f.source, f.source_entity, _iso(f.as_of), f.scope)
             for f in a.figures])
        db.executemany(
            'INSERT OR REPLACE INTO claims(id, doc, start, "end", content_start, content_end, mode, speaker,'
            ' speaker_start, speaker_end, speaker_entity, cue, cue_start, cue_end)'
            ' VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)',
            [(c.id, c.span.doc, c.span.start, c.span.end, c.content.start, c.content.end, c.mode, c.speaker,
              c.speaker_span.start if c.speaker_span else None, c.speaker_span.end if c.speaker_span else None,
              c.speaker_entity, c.cue, c.cue_span.start if c.cue_span else None,
              c.cue_span.end if c.cue_span else None)
             for c in a.claims])

    def write_sentences(self, sentences: Iterable[DatedSentence], text: str) -> None:
        """An article's dated sentences (``text``: the article's text), and the days each names."""
        from ..analyze.dating import headed_by_date

        sentences = list(sentences)
        self.db.executemany(
            'INSERT OR REPLACE INTO sentences(doc, position, start, "end", dates, calendar) VALUES (?,?,?,?,?,?)',
            [(s.span.doc, s.position, s.span.start, s.span.end, " ".join(d.isoformat() for d in s.dates) or None,
              " ".join(d.isoformat() for d in s.calendar_dates) or None) for s in sentences])
        self.db.executemany(
            "INSERT OR REPLACE INTO sentence_days(day, doc, position, calendar, headed) VALUES (?,?,?,?,?)",
            [(d.isoformat(), s.span.doc, s.position, int(d in s.calendar_dates),
              int(bool(s.calendar_dates) and headed_by_date(text[s.span.start:s.span.end])))
             for s in sentences for d in s.dates])

    # --- the timeline's aggregates (synthesize.timeline): over articles published in a range ----------
    _published = staticmethod(published_between)

    def day_sources(self, published_from: Optional[str] = None, published_to: Optional[str] = None) -> Iterator[tuple]:
        """(day, role, independent sources, of them writing it as a calendar date) for the days sentences
        name; role: "later" (named after the day), "same_day", "ahead" (named before it)."""
        clause, args = self._published(published_from, published_to)
        return self.db.execute(
            "SELECT x.day, CASE WHEN x.day < d.date THEN 'later' WHEN x.day = d.date THEN 'same_day' ELSE 'ahead' END"
            " AS role, COUNT(DISTINCT coalesce(d.dup_group, d.id)),"
            " COUNT(DISTINCT CASE WHEN x.calendar AND x.day < d.date THEN coalesce(d.dup_group, d.id) END)"
            f" FROM sentence_days x JOIN documents d ON d.id = x.doc WHERE {clause} GROUP BY x.day, role", args)

    def publication_sources(self, published_from: Optional[str] = None,
                            published_to: Optional[str] = None) -> Iterator[tuple]:
        """Distinct (publication day, independent source) of articles with sentences."""
        clause, args = self._published(published_from, published_to)
        return self.db.execute(
            "SELECT DISTINCT d.date, coalesce(d.dup_group, d.id) FROM documents d"
            f" WHERE {clause} AND EXISTS (SELECT 1 FROM sentences s WHERE s.doc = d.id)", args)

    def first_reference_delays(self, published_from: Optional[str] = None,
                               published_to: Optional[str] = None) -> Iterator[tuple]:
        """(day, delay in days, how many): per independent source and earlier day it names, its first reference."""
        clause, args = self._published(published_from, published_to)
        return self.db.execute(
            "SELECT day, delay, COUNT(*) FROM (SELECT x.day AS day,"
            " CAST(MIN(julianday(d.date) - julianday(x.day)) AS INTEGER) AS delay"
            f" FROM sentence_days x JOIN documents d ON d.id = x.doc WHERE {clause} AND x.day < d.date"
            " GROUP BY coalesce(d.dup_group, d.id), x.day) GROUP BY day, delay", args)

    def chronology_days(self, min_entries: int, published_from: Optional[str] = None,
                        published_to: Optional[str] = None) -> Iterator[tuple]:
        """(day, independent sources) listing it in a chronology: an article with ``min_entries`` or
        more days heading its sentences as calendar dates ("March 19 - ...")."""
        clause, args = self._published(published_from, published_to)
        return self.db.execute(
            "WITH entries AS (SELECT DISTINCT x.doc, x.day FROM sentence_days x JOIN documents d ON d.id = x.doc"
            f"   WHERE {clause} AND x.headed AND x.calendar AND x.day <= d.date),"
            " listing AS (SELECT doc FROM entries GROUP BY doc HAVING COUNT(*) >= ?)"
            " SELECT e.day, COUNT(DISTINCT coalesce(d.dup_group, d.id)) FROM entries e"
            " JOIN listing l ON l.doc = e.doc JOIN documents d ON d.id = e.doc GROUP BY e.day", args + [min_entries])

    def day_support(self, published_from: Optional[str] = None, published_to: Optional[str] = None) -> Iterator[tuple]:
        """(day, independent sources naming it by their publication or publishing on it)."""
        clause, args = self._published(published_from, published_to)
        return self.db.execute(
            "SELECT day, COUNT(DISTINCT src) FROM ("
            " SELECT x.day AS day, coalesce(d.dup_group, d.id) AS src FROM sentence_days x"
            f"  JOIN documents d ON d.id = x.doc WHERE {clause} AND x.day <= d.date"
            " UNION SELECT d.date, coalesce(d.dup_group, d.id) FROM documents d"
            f"  WHERE {clause} AND EXISTS (SELECT 1 FROM sentences s WHERE s.doc = d.id)"
            ") GROUP BY day", args + args)

    def timeline_candidates(self, named: Sequence[str], published: Sequence[str], lead_sentences: int,
                            published_from: Optional[str] = None, published_to: Optional[str] = None) -> list[tuple]:
        """Sentences naming a day of ``named`` (by their publication), and undated sentences among the
        first ``lead_sentences`` of articles published on a day of ``published``: (doc, position, start,
        end, dates, calendar, publication day, independent source, text), by day, article and position."""
        clause, args = self._published(published_from, published_to)
        # the day lists go in as JSON arrays: no temporary table, so read-only stores serve it too
        return self.db.execute(
            "WITH picked AS ("
            "  SELECT DISTINCT x.doc, x.position FROM json_each(?) n JOIN sentence_days x ON x.day = n.value"
            f"  JOIN documents d ON d.id = x.doc WHERE {clause} AND x.day <= d.date"
            "  UNION SELECT s.doc, s.position FROM json_each(?) p JOIN documents d ON d.date = p.value"
            f"  JOIN sentences s ON s.doc = d.id WHERE {clause} AND s.dates IS NULL AND s.position < ?)"
            ' SELECT s.doc, s.position, s.start, s."end", s.dates, s.calendar, d.date,'
            '  coalesce(d.dup_group, d.id), substr(d.text, s.start + 1, s."end" - s.start)'
            " FROM picked p JOIN sentences s ON s.doc = p.doc AND s.position = p.position"
            " JOIN documents d ON d.id = s.doc ORDER BY d.date, d.id, s.position",
            [json.dumps(list(named))] + args + [json.dumps(list(published))] + args + [lead_sentences]).fetchall()

    def documents_without_sentence_days(self) -> list[str]:
        """Ids of articles whose dated sentences are stored but not indexed by day (schema < 6)."""
        return [r[0] for r in self.db.execute(
            "SELECT DISTINCT s.doc FROM sentences s WHERE s.dates IS NOT NULL AND NOT EXISTS"
            " (SELECT 1 FROM sentence_days x WHERE x.doc = s.doc)")]

    def dated_sentences_of(self, doc_id: str) -> list[DatedSentence]:
        def days(v: Optional[str]) -> tuple[dt.date, ...]:
            return tuple(dt.date.fromisoformat(x) for x in v.split()) if v else ()

        return [DatedSentence(Span(doc_id, r[1], r[2]), r[0], days(r[3]), days(r[4])) for r in self.db.execute(
            'SELECT position, start, "end", dates, calendar FROM sentences WHERE doc = ? ORDER BY position',
            (doc_id,))]

    def documents_without_sentences(self) -> list[str]:
        """Ids of articles stored before sentences were dated at analysis (schema < 5)."""
        return [r[0] for r in self.db.execute("SELECT id FROM documents d WHERE NOT EXISTS"
                                              " (SELECT 1 FROM sentences s WHERE s.doc = d.id) AND length(d.text) > 0")]

    def times_of(self, doc_id: str) -> list[TimeExpr]:
        return [TimeExpr(Span(doc_id, t["start"], t["end"]), t["text"], t["type"], t["value"], _date(t["date"]),
                         bool(t["since"]))
                for t in self.db.execute('SELECT * FROM times WHERE doc = ? ORDER BY start', (doc_id,))]

    def signatures(self, ids: Optional[Sequence[str]] = None) -> Iterator[tuple[str, dt.date, bytes]]:
        """``(id, date, minhash)`` of every article, or of ``ids``."""
        if ids is None:
            rows = self.db.execute("SELECT id, date, minhash FROM documents WHERE minhash IS NOT NULL")
        else:
            rows = (r for chunk in _chunks(list(ids), 500) for r in self.db.execute(
                f"SELECT id, date, minhash FROM documents WHERE minhash IS NOT NULL"
                f" AND id IN ({','.join('?' * len(chunk))})", chunk))
        for r in rows:
            yield r["id"], _date(r["date"]), r["minhash"]

    def unconsolidated(self) -> dict[str, bool]:
        """Articles written since the last consolidation -> whether their id is new to it."""
        return {r[0]: bool(r[1]) for r in self.db.execute("SELECT doc, new FROM unconsolidated")}

    def clear_unconsolidated(self, docs: Optional[Iterable[str]] = None) -> None:
        """Forget these articles (all when None) as written since the last consolidation."""
        if docs is None:
            self.db.execute("DELETE FROM unconsolidated")
            return
        for chunk in _chunks(list(docs), 500):
            self.db.execute(f"DELETE FROM unconsolidated WHERE doc IN ({','.join('?' * len(chunk))})", chunk)

    def signatures_between(self, first: dt.date, last: dt.date) -> Iterator[tuple[str, dt.date, bytes, Optional[str]]]:
        """Signatures of the articles published from ``first`` to ``last``, with their stored groups."""
        for r in self.db.execute("SELECT id, date, minhash, dup_group FROM documents WHERE minhash IS NOT NULL"
                                 " AND date BETWEEN ? AND ?", (first.isoformat(), last.isoformat())):
            yield r["id"], _date(r["date"]), r["minhash"], r["dup_group"]

    def group_members(self, docs: Iterable[str]) -> dict[str, tuple[dt.date, Optional[str]]]:
        """``docs`` and every member of their duplicate groups -> (publication date, stored group)."""
        self._temp_values("wanted_docs", ["id"], ((d,) for d in docs))
        rows = self.db.execute(
            # columns qualified: an unqualified "id" would silently mean the outer table's
            "SELECT id, date, dup_group FROM documents WHERE id IN (SELECT w.id FROM temp.wanted_docs w)"
            " OR dup_group IN (SELECT dup_group FROM documents WHERE id IN (SELECT w.id FROM temp.wanted_docs w)"
            " AND dup_group IS NOT NULL)")
        return {r["id"]: (_date(r["date"]), r["dup_group"]) for r in rows}

    def set_dup_groups(self, groups: dict[str, Optional[str]]) -> int:
        """Store group ids (call inside a transaction); returns how many changed."""
        current = {r["id"]: r["dup_group"] for r in self.db.execute("SELECT id, dup_group FROM documents")}
        changes = [(g, d) for d, g in groups.items() if d in current and current[d] != g]
        self.db.executemany("UPDATE documents SET dup_group=? WHERE id=?", changes)
        return len(changes)

    def document(self, doc_id: str) -> Optional[Document]:
        r = self.db.execute("SELECT * FROM documents WHERE id=?", (doc_id,)).fetchone()
        return _document(r) if r else None

    def documents(self, ids: Optional[Sequence[str]] = None) -> Iterator[Document]:
        if ids is None:
            rows = self.db.execute("SELECT * FROM documents ORDER BY date, id")
        else:
            rows = (r for chunk in _chunks(list(ids), 500) for r in self.db.execute(
                f"SELECT * FROM documents WHERE id IN ({','.join('?' * len(chunk))}) ORDER BY date, id", chunk))
        for r in rows:
            yield _document(r)

    def count(self, table: str) -> int:
        if table not in ("documents", "mentions", "entities", "times", "figures", "claims", "document_versions"):
            raise ValueError(table)
        return self.db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]

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

    def _temp_values(self, table: str, columns: Sequence[str], rows: Iterable[tuple],
                     key: Optional[Sequence[str]] = None) -> None:
        """A temporary text table (this connection only) holding just ``rows``, keyed for joins."""
        key = key or columns[:1]
        self.db.execute(f"CREATE TEMP TABLE IF NOT EXISTS {table}({', '.join(c + ' TEXT' for c in columns)},"
                        f" PRIMARY KEY ({', '.join(key)}))")
        self.db.execute(f"DELETE FROM {table}")
        self.db.executemany(f"INSERT OR IGNORE INTO {table} VALUES ({','.join('?' * len(columns))})", rows)

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
            " LEFT JOIN doc_form_entity o ON o.doc = m.doc AND o.text = m.text AND o.alias_of = coalesce(m.alias_of, '')"
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
            for m in self.db.execute('SELECT entity, start, "end" FROM mentions WHERE doc=? AND start < ? AND ? < "end"',
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

    def entities(self, kind: Optional[str] = None, name: Optional[str] = None, limit: int = 0) -> list[dict]:
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
            q += f" LIMIT {int(limit)}"
        return [dict(r, aliases=json.loads(r["aliases"])) for r in self.db.execute(q, args)]

    # --- listings ------------------------------------------------------------
    def figures(self, measure: Optional[str] = None, doc: Optional[str] = None, scope: Optional[str] = None,
                since: Optional[dt.date] = None, until: Optional[dt.date] = None) -> list[dict]:
        q = ('SELECT f.*, d.date AS doc_date, substr(d.text, f.sent_start + 1, f.sent_end - f.sent_start) AS sentence'
             ' FROM figures f JOIN documents d ON d.id = f.doc WHERE 1=1')
        args: list[Any] = []
        for col, val in (("f.measure", measure), ("f.doc", doc), ("f.scope", scope)):
            if val:
                q += f" AND {col}=?"
                args.append(val)
        if since:
            q += " AND coalesce(f.as_of, d.date) >= ?"
            args.append(since.isoformat())
        if until:
            q += " AND coalesce(f.as_of, d.date) <= ?"
            args.append(until.isoformat())
        q += ' ORDER BY coalesce(f.as_of, d.date), f.doc, f.start, f.id'
        return [dict(r) for r in self.db.execute(q, args)]

    _FIGURE_ROWS = ('SELECT f.*, d.date AS doc_date, substr(d.text, f.sent_start + 1, f.sent_end - f.sent_start)'
                    ' AS sentence{extra} FROM figures f JOIN documents d ON d.id = f.doc{join} WHERE {where}'
                    ' ORDER BY coalesce(f.as_of, d.date), f.doc, f.start, f.id')

    def figures_of_documents(self, docs: Sequence[str]) -> list[dict]:
        """Rows as :meth:`figures` gives them, of these articles only (in the same order)."""
        self._temp_values("figure_docs", ["doc"], [(d,) for d in docs])
        return [dict(r) for r in self.db.execute(self._FIGURE_ROWS.format(
            extra="", join="", where="f.doc IN (SELECT w.doc FROM temp.figure_docs w)"))]

    def described_figures(self, measure: Optional[str] = None) -> list[dict]:
        """Cumulative figures with their stored series descriptions (``_place``, ``_category``,
        ``_skey``; ``source`` and ``grp`` as inherited), in the order of :meth:`figures`, with the
        columns series need."""
        cursor = self.db.cursor()
        cursor.row_factory = None           # plain tuples: a third faster than sqlite3.Row at 100k rows
        cursor.execute(
            'SELECT f.id, f.doc, f.start, f."end", f.sent_start, f.sent_end, f.value, f.value_max, f.qualifier,'
            ' f.measure, x.grp, f.parent, x.source, f.as_of, f.scope, d.date AS doc_date,'
            ' substr(d.text, f.sent_start + 1, f.sent_end - f.sent_start) AS sentence,'
            ' x.place AS _place, x.category AS _category, x.skey AS _skey'
            ' FROM figure_series x JOIN figures f ON f.id = x.figure JOIN documents d ON d.id = f.doc'
            + (" WHERE f.measure = ?" if measure else "")
            + ' ORDER BY coalesce(f.as_of, d.date), f.doc, f.start, f.id', [measure] if measure else [])
        names = [c[0] for c in cursor.description]
        return [dict(zip(names, r)) for r in cursor]

    def documents_with_cumulative_figures(self) -> list[str]:
        return [r[0] for r in self.db.execute("SELECT DISTINCT doc FROM figures WHERE scope = 'cumulative'")]

    def cumulative_figure_texts(self) -> Iterator[tuple[str, tuple]]:
        """(article, (group, source, sentence)) of every cumulative figure."""
        for r in self.db.execute("SELECT f.doc, f.grp, f.source, substr(d.text, f.sent_start + 1, f.sent_end - f.sent_start)"
                                 " FROM figures f JOIN documents d ON d.id = f.doc WHERE f.scope = 'cumulative'"):
            yield r[0], (r[1], r[2], r[3])

    def series_place_keys(self) -> set[str]:
        return {r[0] for r in self.db.execute("SELECT key FROM series_places")}

    def set_series_place_keys(self, keys: Iterable[str]) -> None:
        self.db.execute("DELETE FROM series_places")
        self.db.executemany("INSERT INTO series_places(key) VALUES (?)", [(k,) for k in sorted(set(keys))])

    def replace_figure_descriptions(self, docs: Sequence[str], described: Iterable[tuple]) -> None:
        """The series descriptions of these articles' figures (``(row, place, category, skey)``). In a transaction."""
        for chunk in _chunks(list(docs), 500):
            self.db.execute(f"DELETE FROM figure_series WHERE doc IN ({','.join('?' * len(chunk))})", chunk)
        self.db.executemany(
            "INSERT INTO figure_series(figure, doc, place, category, skey, source, grp) VALUES (?,?,?,?,?,?,?)",
            [(r["id"], r["doc"], place, category, skey, r["source"], r["grp"]) for r, place, category, skey in described])

    def claims(self, speaker: Optional[str] = None, doc: Optional[str] = None, entity: Optional[str] = None) -> list[dict]:
        q = ('SELECT c.*, d.date AS doc_date, substr(d.text, c.content_start + 1, c.content_end - c.content_start)'
             ' AS content, substr(d.text, c.start + 1, c."end" - c.start) AS sentence, e.name AS entity_name'
             ' FROM claims c JOIN documents d ON d.id = c.doc LEFT JOIN entities e ON e.id = c.speaker_entity'
             ' WHERE 1=1')
        args: list[Any] = []
        if speaker:
            q += " AND (c.speaker LIKE ? OR e.name LIKE ? OR e.aliases LIKE ?)"
            args += [f"%{speaker}%"] * 3
        if doc:
            q += " AND c.doc=?"
            args.append(doc)
        if entity:
            q += " AND c.speaker_entity=?"
            args.append(entity)
        q += ' ORDER BY d.date, c.doc, c.start'
        return [dict(r) for r in self.db.execute(q, args)]

    def items_of(self, doc_id: str) -> dict[str, list[dict]]:
        """Every extracted item of one document, for display."""
        one = lambda q: [dict(r) for r in self.db.execute(q, (doc_id,))]  # noqa: E731
        return {
            "mention": one('SELECT m.*, e.name AS entity_name FROM mentions m LEFT JOIN entities e ON e.id=m.entity'
                           ' WHERE m.doc=? ORDER BY start'),
            "time": one('SELECT * FROM times WHERE doc=? ORDER BY start'),
            "figure": one('SELECT * FROM figures WHERE doc=? ORDER BY start'),
            "claim": one('SELECT * FROM claims WHERE doc=? ORDER BY start'),
        }

    def rows(self, query: str, args: Sequence[Any] = ()) -> Iterator[sqlite3.Row]:
        """Read-only queries for other stages (consolidate, synthesize, export)."""
        return self.db.execute(query, args)

    def search(self, query: str, limit: int = 20) -> list[dict]:
        q = ("SELECT d.id, d.date, d.title, snippet(documents_fts, 1, '[', ']', '…', 12) AS snippet"
             " FROM documents_fts JOIN documents d ON d.rowid = documents_fts.rowid"
             " WHERE documents_fts MATCH ? ORDER BY rank LIMIT ?")
        return [dict(r) for r in self.db.execute(q, (query, limit))]

    def figure_counts(self, docs: Sequence[str], minimum: float) -> list[tuple]:
        """(doc, offset, measure, value) of these articles' figures of at least ``minimum``."""
        return [tuple(r) for r in self.db.execute(
            "SELECT doc, start, measure, value FROM figures WHERE doc IN (SELECT value FROM json_each(?))"
            " AND value >= ?", (json.dumps(list(docs)), minimum))]

    def documents_with_words_starting(self, stems: Sequence[str]) -> list[str]:
        """Ids of the articles (title or text) holding a word that begins with one of ``stems``, by the
        full-text index (diacritics ignored, so a superset of a case-insensitive regex's finds)."""
        if not stems:
            return []
        match = " OR ".join('"' + stem.replace('"', '""') + '"*' for stem in stems)
        return [r[0] for r in self.db.execute(
            "SELECT d.id FROM documents_fts JOIN documents d ON d.rowid = documents_fts.rowid"
            " WHERE documents_fts MATCH ?", (match,))]

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
            n = self.db.execute(f"SELECT count(*) FROM {table} WHERE doc NOT IN (SELECT id FROM documents)").fetchone()[0]
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
             "SELECT id FROM claims WHERE speaker_entity IS NOT NULL AND speaker_entity NOT IN (SELECT id FROM entities)"),
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

    def start_run(self, inputs: Sequence[str]) -> int:
        cur = self.db.execute("INSERT INTO runs(started_at, inputs) VALUES (?, ?)", (_now(), json.dumps(list(inputs))))
        return cur.lastrowid

    def finish_run(self, run_id: int, added: int, updated: int, unchanged: int, failed: int) -> None:
        self.db.execute("UPDATE runs SET finished_at=?, added=?, updated=?, unchanged=?, failed=? WHERE id=?",
                        (_now(), added, updated, unchanged, failed, run_id))


def _document(r: sqlite3.Row) -> Document:
    return Document(id=r["id"], text=r["text"], date=_date(r["date"]), url=r["url"], title=r["title"],
                    origin=r["origin"], dup_group=r["dup_group"])


def _chunks(items: list, size: int) -> Iterator[list]:
    for i in range(0, len(items), size):
        yield items[i:i + size]


def _split_sql(script: str) -> list[str]:
    """Statements of a migration script (triggers keep their inner semicolons)."""
    out, buf = [], []
    for line in script.strip().splitlines():
        buf.append(line)
        joined = "\n".join(buf).strip()
        if joined.endswith(";") and sqlite3.complete_statement(joined):
            out.append(joined)
            buf = []
    if "\n".join(buf).strip():
        out.append("\n".join(buf))
    return out
