"""The database's schema: the migrations that create and upgrade it (PRAGMA user_version)."""
from __future__ import annotations

import sqlite3

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
    # 8: each figure's place (where the counted people are) and the rules that decided it (its trace,
    #    for 'dateline explain FIGURE_ID'); figures stored before have neither until re-analysed
    """
    ALTER TABLE figures ADD COLUMN place TEXT;
    ALTER TABLE figures ADD COLUMN place_within TEXT;
    ALTER TABLE figures ADD COLUMN revised INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE figures ADD COLUMN breakdown TEXT;
    ALTER TABLE figures ADD COLUMN place_inferred INTEGER NOT NULL DEFAULT 0;
    ALTER TABLE figures ADD COLUMN rules TEXT;
    INSERT INTO state(key, value) VALUES ('figure_series', 'missing')
        ON CONFLICT(key) DO UPDATE SET value = 'missing';
    """,
]
SCHEMA_VERSION = len(MIGRATIONS)


class SchemaError(RuntimeError):
    """A database this dateline cannot use as it is; ``str()`` says what it is and what to do."""


class NotALedger(SchemaError):
    """A file that is no dateline ledger: not SQLite, empty, or another program's database."""


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
