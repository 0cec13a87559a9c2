"""The Parquet ledger read with DuckDB: every query consolidation over Parquet asks
(:mod:`dateline.engines.consolidate` puts them together with the same Python steps as the
SQLite path).

A connection holds temporary tables of the latest document versions (``docs``) and, while
consolidating, of their mentions (``ments``), the entity of each mention (``ment_entity``)
and the day index of their sentences (``src``, ``sents``, ``sday``: :class:`SentenceDays`).
"""
from __future__ import annotations

import os
import tempfile
from typing import Iterator, Optional

from ..ingest import dedup
from . import parquet
from .day_index import DayIndex
from .sqlite import published_between

# DuckDB's own memory for consolidation: beyond it, joins and DISTINCT spill to a temporary folder
# (DATELINE_DUCKDB_MEMORY, e.g. "8GB"; DuckDB's default would be 80 % of the machine).
DUCKDB_MEMORY = os.environ.get("DATELINE_DUCKDB_MEMORY", "4GB")


def connect():
    import duckdb

    con = duckdb.connect()
    con.execute("SET preserve_insertion_order = false")
    con.execute(f"SET memory_limit = '{DUCKDB_MEMORY}'")
    # an in-memory database spills only where told to
    con.execute(f"SET temp_directory = '{os.path.join(tempfile.gettempdir(), f'dateline-duckdb-{os.getpid()}')}'")
    return con


def _read(kind: str, out: str) -> str:
    return f"read_parquet('{parquet.kind_glob(out, kind)}', hive_partitioning = false, union_by_name = true)"


def band_shape(threshold: float = dedup.THRESHOLD) -> tuple[int, int]:
    """(bands, rows per band) of the LSH index the SQLite path builds."""
    from datasketch import MinHashLSH

    lsh = MinHashLSH(threshold=max(0.05, threshold * 0.8), num_perm=dedup.NUM_PERM)
    return lsh.b, lsh.r


def latest_documents(con, out: str) -> None:
    con.execute(f"""
        CREATE OR REPLACE TEMP TABLE docs AS
        SELECT doc, hash, date, minhash FROM {_read('document', out)}
        WHERE minhash IS NOT NULL
        QUALIFY row_number() OVER (PARTITION BY doc ORDER BY version DESC, hash DESC) = 1""")


def document_count(con) -> int:
    """How many latest document versions there are."""
    (current,) = con.execute("SELECT count(*) FROM docs").fetchone()
    return current


def candidate_pairs(con, new_docs: Optional[list[str]], threshold: float = dedup.THRESHOLD,
                    chunk: int = 100_000) -> Iterator[tuple[str, str]]:
    """Verified near-duplicate pairs (all of them, or those involving ``new_docs``), published within
    ``dedup.WINDOW_DAYS`` of each other, as the SQLite path (``dedup.build``) compares them.

    Streamed in chunks, unordered (the groups do not depend on the order of the unions), so
    Python never holds the pairs: on templated text they run to hundreds of millions."""
    bands, rows = band_shape(threshold)
    con.execute(f"""
        CREATE OR REPLACE TEMP TABLE bands AS
        SELECT doc, CAST(date AS DATE) AS day, b, hash(minhash[b * {rows} + 1 : (b + 1) * {rows}]) AS key
        FROM docs, range({bands}) t(b)""")
    only_new = ""
    if new_docs is not None:
        con.execute("CREATE OR REPLACE TEMP TABLE new_docs(doc VARCHAR)")
        if new_docs:
            con.executemany("INSERT INTO new_docs VALUES (?)", [(d,) for d in new_docs])
        only_new = "AND (x.doc IN (SELECT doc FROM new_docs) OR y.doc IN (SELECT doc FROM new_docs))"
    found = con.execute(f"""
        WITH pairs AS (
            SELECT DISTINCT x.doc AS a, y.doc AS b FROM bands x JOIN bands y
            ON x.b = y.b AND x.key = y.key AND x.doc < y.doc
               -- the SQLite path's window: copies compare only when published within a week of each other
               AND abs(date_diff('day', x.day, y.day)) <= {dedup.WINDOW_DAYS} {only_new})
        SELECT a, b FROM pairs JOIN docs da ON da.doc = pairs.a JOIN docs db ON db.doc = pairs.b
        WHERE list_sum(list_transform(range(1, {dedup.NUM_PERM + 1}),
                                      lambda i: (da.minhash[i] = db.minhash[i])::INTEGER))
              / {float(dedup.NUM_PERM)} >= {threshold}""")
    while True:
        rows = found.fetchmany(chunk)
        if not rows:
            return
        yield from rows


def publication_dates(con, members: list[str]) -> dict[str, str]:
    """Documents (of ``members``, among the latest versions) -> their publication day."""
    con.execute("CREATE OR REPLACE TEMP TABLE grouped(doc VARCHAR)")
    if members:              # DuckDB refuses an empty executemany (a ledger where nothing is copied)
        con.executemany("INSERT INTO grouped VALUES (?)", [(m,) for m in members])
    return dict(con.execute("SELECT doc, date FROM docs WHERE doc IN (SELECT doc FROM grouped)").fetchall())


def load_mentions(con, out: str) -> None:
    """The latest versions' mentions into ``ments`` (a version written twice by a redone batch counts once)."""
    con.execute(f"""
        CREATE OR REPLACE TEMP TABLE ments AS
        SELECT DISTINCT ON (m.doc, m.start, m."end") m.doc, m.start, m."end", m.text, m.type,
               coalesce(m.alias_of, '') AS alias_of
        FROM {_read('mention', out)} m JOIN docs d ON d.doc = m.doc AND d.hash = m.doc_hash""")


def mention_forms(con) -> list[tuple]:
    """Each distinct ``(text, alias_of or "", type)`` of the mentions, with how many there are."""
    return con.execute("SELECT text, alias_of, type, count(*) FROM ments GROUP BY ALL").fetchall()


def forms_by_doc(con, people: list[str]) -> Iterator[tuple]:
    """Mentions of ``people`` counted per article, in article order: ``(doc, text, alias_of, count)``."""
    import pyarrow as pa

    con.register("people", pa.table({"text": pa.array(people, pa.string())}))
    cursor = con.execute("""SELECT doc, text, alias_of, count(*) FROM ments WHERE text IN (SELECT text FROM people)
                            GROUP BY ALL ORDER BY doc""")
    yield from (row for batch in iter(lambda: cursor.fetchmany(50_000), []) for row in batch)
    con.unregister("people")


def link_mentions(con, by_form: dict[tuple[str, str], str], by_doc: dict[tuple[str, str, str], str]) -> dict[str, int]:
    """Each mention's entity into ``ment_entity`` (``by_doc[(doc, text, alias_of)]``, else
    ``by_form[(text, alias_of)]``); returns how many articles name each entity."""
    import pyarrow as pa

    con.register("by_form", pa.table({"text": [t for t, _ in by_form], "alias_of": [a for _, a in by_form],
                                      "entity": list(by_form.values())}))
    con.register("by_doc", pa.table({"doc": [k[0] for k in by_doc], "text": [k[1] for k in by_doc],
                                     "alias_of": [k[2] for k in by_doc], "entity": list(by_doc.values())},
                                    schema=pa.schema([(c, pa.string())
                                                      for c in ("doc", "text", "alias_of", "entity")])))
    con.execute("""
        CREATE OR REPLACE TEMP TABLE ment_entity AS
        SELECT m.doc, m.start, m."end", coalesce(o.entity, f.entity) AS entity
        FROM ments m LEFT JOIN by_doc o ON o.doc = m.doc AND o.text = m.text AND o.alias_of = m.alias_of
        LEFT JOIN by_form f ON f.text = m.text AND f.alias_of = m.alias_of
        WHERE coalesce(o.entity, f.entity) IS NOT NULL""")
    con.unregister("by_form")
    con.unregister("by_doc")
    return dict(con.execute("SELECT entity, count(DISTINCT doc) FROM ment_entity GROUP BY entity").fetchall())


def speaker_entities(con, out: str) -> list[tuple[str, Optional[str]]]:
    """(claim, entity) of every claim with a speaker span: the entity of the mention overlapping it most."""
    return con.execute(f"""
        WITH claims AS (
            SELECT DISTINCT c.id, c.doc, c.speaker_start, c.speaker_end FROM {_read('claim', out)} c
            JOIN docs d ON d.doc = c.doc AND d.hash = c.doc_hash WHERE c.speaker_start IS NOT NULL),
        hits AS (
            SELECT c.id, m.entity, least(m."end", c.speaker_end) - greatest(m.start, c.speaker_start) AS overlap,
                   m.start, m."end"
            FROM claims c JOIN ment_entity m ON m.doc = c.doc AND m.start < c.speaker_end AND c.speaker_start < m."end")
        SELECT c.id, o.entity FROM claims c LEFT JOIN (
            SELECT id, entity FROM hits
            QUALIFY row_number() OVER (PARTITION BY id ORDER BY overlap DESC, start, "end", entity) = 1) o
        ON o.id = c.id
        ORDER BY c.id""").fetchall()


def figure_sources(con, out: str) -> list[str]:
    """The distinct sources (as written) of the latest versions' figures, sorted."""
    return [s for (s,) in con.execute(f"""
        SELECT DISTINCT f.source FROM {_read('figure', out)} f JOIN docs d ON d.doc = f.doc AND d.hash = f.doc_hash
        WHERE f.source IS NOT NULL ORDER BY 1""").fetchall()]


class SentenceDays(DayIndex):
    """The latest document versions' sentences by the days they name, in DuckDB: the :class:`DayIndex`
    :func:`dateline.synthesize.timeline.timeline_from_index` asks (as the SQLite store answers it)."""

    def __init__(self, con, out: str, groups: dict[str, str]):
        import pyarrow as pa

        self.con, self.out = con, out
        con.register("grouped_docs", pa.table({"doc": pa.array(list(groups), pa.string()),
                                               "dup_group": pa.array(list(groups.values()), pa.string())}))
        con.execute("""CREATE OR REPLACE TEMP TABLE src AS SELECT d.doc, d.hash, d.date,
                       coalesce(g.dup_group, d.doc) AS source FROM docs d LEFT JOIN grouped_docs g ON g.doc = d.doc""")
        con.unregister("grouped_docs")
        con.execute(f"""CREATE OR REPLACE TEMP TABLE sents AS
            SELECT DISTINCT ON (s.doc, s.position) s.doc, s.position, s.start, s."end", s.dates, s.calendar, s.headed
            FROM {_read('sentence', out)} s JOIN docs d ON d.doc = s.doc AND d.hash = s.doc_hash""")
        con.execute("""CREATE OR REPLACE TEMP TABLE sday AS
            SELECT doc, position, day, list_contains(calendar, day) AS calendar, headed
            FROM (SELECT doc, position, unnest(dates) AS day, calendar, headed FROM sents)""")

    _published = staticmethod(published_between)

    def _rows(self, query: str, args: list) -> list[tuple]:
        return self.con.execute(query, args).fetchall()

    def day_sources(self, published_from=None, published_to=None) -> list[tuple]:
        clause, args = self._published(published_from, published_to)
        return self._rows(
            "SELECT x.day, CASE WHEN x.day < d.date THEN 'later' WHEN x.day = d.date THEN 'same_day' ELSE 'ahead' END"
            " AS role, COUNT(DISTINCT d.source),"
            " COUNT(DISTINCT CASE WHEN x.calendar AND x.day < d.date THEN d.source END)"
            f" FROM sday x JOIN src d ON d.doc = x.doc WHERE {clause} GROUP BY ALL", args)

    def publication_sources(self, published_from=None, published_to=None) -> list[tuple]:
        clause, args = self._published(published_from, published_to)
        return self._rows("SELECT DISTINCT d.date, d.source FROM src d"
                          f" WHERE {clause} AND d.doc IN (SELECT doc FROM sents)", args)

    def first_reference_delays(self, published_from=None, published_to=None) -> list[tuple]:
        clause, args = self._published(published_from, published_to)
        return self._rows(
            "SELECT day, delay, COUNT(*) FROM (SELECT x.day AS day,"
            " MIN(date_diff('day', CAST(x.day AS DATE), CAST(d.date AS DATE))) AS delay"
            f" FROM sday x JOIN src d ON d.doc = x.doc WHERE {clause} AND x.day < d.date"
            " GROUP BY d.source, x.day) GROUP BY day, delay", args)

    def chronology_days(self, min_entries: int, published_from=None, published_to=None) -> list[tuple]:
        clause, args = self._published(published_from, published_to)
        return self._rows(
            "WITH entries AS (SELECT DISTINCT x.doc, x.day FROM sday x JOIN src d ON d.doc = x.doc"
            f"   WHERE {clause} AND x.headed AND x.calendar AND x.day <= d.date),"
            " listing AS (SELECT doc FROM entries GROUP BY doc HAVING COUNT(*) >= ?)"
            " SELECT e.day, COUNT(DISTINCT d.source) FROM entries e JOIN listing l ON l.doc = e.doc"
            " JOIN src d ON d.doc = e.doc GROUP BY e.day", args + [min_entries])

    def day_support(self, published_from=None, published_to=None) -> list[tuple]:
        clause, args = self._published(published_from, published_to)
        return self._rows(
            "SELECT day, COUNT(DISTINCT source) FROM ("
            f" SELECT x.day AS day, d.source FROM sday x JOIN src d ON d.doc = x.doc WHERE {clause} AND x.day <= d.date"
            f" UNION SELECT d.date, d.source FROM src d WHERE {clause} AND d.doc IN (SELECT doc FROM sents)"
            ") GROUP BY day", args + args)

    def figure_counts(self, docs, minimum: float) -> list[tuple]:
        if not parquet.has_kind(self.out, "figure") or not docs:
            return []
        return self._rows(
            f"SELECT DISTINCT f.doc, f.value_start, f.measure, f.value FROM {_read('figure', self.out)} f"
            " JOIN docs d ON d.doc = f.doc AND d.hash = f.doc_hash"
            " WHERE f.value >= ? AND list_contains(?::VARCHAR[], f.doc)", [minimum, list(docs)])

    def timeline_candidates(self, named, published, lead_sentences: int, published_from=None,
                            published_to=None) -> list[tuple]:
        clause, args = self._published(published_from, published_to)
        picked = self._rows(
            "SELECT DISTINCT x.doc, x.position FROM sday x JOIN src d ON d.doc = x.doc"
            f" WHERE {clause} AND x.day <= d.date AND list_contains(?::VARCHAR[], x.day)"
            " UNION SELECT s.doc, s.position FROM sents s JOIN src d ON d.doc = s.doc"
            f" WHERE {clause} AND len(s.dates) = 0 AND s.position < ? AND list_contains(?::VARCHAR[], d.date)",
            args + [list(named)] + args + [lead_sentences, list(published)])
        if not picked:
            return []
        import pyarrow as pa

        self.con.register("picked", pa.table({"doc": pa.array([d for d, _ in picked], pa.string()),
                                              "position": pa.array([p for _, p in picked], pa.int64())}))
        try:
            return self._rows(f"""
                SELECT s.doc, s.position, s.start, s."end", nullif(array_to_string(s.dates, ' '), ''),
                       nullif(array_to_string(s.calendar, ' '), ''), d.date, d.source,
                       substr(t.text, s.start + 1, s."end" - s.start)
                FROM picked p JOIN sents s ON s.doc = p.doc AND s.position = p.position
                JOIN src d ON d.doc = s.doc
                JOIN (SELECT doc, hash, text FROM {_read('document', self.out)}
                      WHERE doc IN (SELECT doc FROM picked)) t ON t.doc = d.doc AND t.hash = d.hash
                QUALIFY row_number() OVER (PARTITION BY s.doc, s.position) = 1
                ORDER BY d.date, d.doc, s.position""", [])
        finally:
            self.con.unregister("picked")


def documents_without_sentences(con, out: str) -> list[tuple]:
    """(doc, hash, publication day) of the latest versions that have no ``kind=sentence`` rows."""
    known = ""
    if parquet.has_kind(out, "sentence"):
        known = (f"WHERE NOT EXISTS (SELECT 1 FROM {_read('sentence', out)} s"
                 " WHERE s.doc = d.doc AND s.doc_hash = d.hash)")
    return con.execute(f"SELECT d.doc, d.hash, d.date FROM docs d {known}").fetchall()


def cumulative_figures(con, out: str) -> list[dict]:
    """The latest versions' cumulative figures as the store gives them (``Store.figures``), in its
    order (series break ties by it); a batch written twice counts once."""
    cursor = con.execute(f"""
        SELECT * FROM (
            SELECT DISTINCT ON (f.id) f.id, f.doc, d.hash AS doc_hash, f.value_start AS start,
                   f.value_end AS "end", f.start AS sent_start, f."end" AS sent_end, f.value, f.value_max,
                   f.qualifier, f.measure, f."group" AS grp, f.parent, f.source, f.source_entity, f.as_of,
                   f.scope, f.place, f.place_within, f.revised, f.breakdown, f.place_inferred, d.date AS doc_date,
                   f.sentence, f.rules
            FROM {_read('figure', out)} f JOIN docs d ON d.doc = f.doc AND d.hash = f.doc_hash
            WHERE f.scope = 'cumulative')
        ORDER BY coalesce(as_of, doc_date), doc, start, id""")
    names = [c[0] for c in cursor.description]
    return [dict(zip(names, r)) for r in cursor.fetchall()]
