"""Cross-article consolidation over the Parquet ledger, with DuckDB: duplicate groups and entities.

Duplicate groups: the same MinHash LSH as the SQLite path (:mod:`dateline.ingest.dedup`:
128 permutations, bands and rows as datasketch picks them for the candidate threshold,
pairs verified at estimated Jaccard >= 0.15, groups named after their earliest member),
computed as DuckDB group-bys and joins over the signatures stored per document, so
only the candidate pairs reach Python (a union-find). The groups equal the SQLite
path's (tested). Incremental: when the new documents are all new ids (or ids that had
no copies), only pairs involving them are looked for and merged into the previous
groups; otherwise everything is recomputed.

Entities: the same :class:`dateline.consolidate.aliases.Consolidation` as the SQLite
path, fed from the mentions of the latest document versions in DuckDB (no article
text is read): Python sees each distinct name once, plus each article's person names
(to resolve bare surnames), never the mentions themselves; DuckDB counts each
entity's articles and links claim speakers and figure sources to entities as the
store links them (``kind=entity_link``), so the exported records equal the SQLite
path's after ``dateline load`` (tested). Memory grows with the distinct names, which
in real news grow far slower than the articles (see docs/scale.md). Timeline: DuckDB indexes the latest versions' sentences by the days they name (``kind=sentence``)
and answers the same aggregate queries as the SQLite store (:class:`SentenceDays`), so
days are ranked in DuckDB and only the best days' sentences reach Python; the result
(``kind=timeline``) equals the loaded store's timeline (tested).

Series and alerts: the latest versions' figure rows (no article text) are described as
the store describes them, once per article version (``kind=figure_series``; again only
when a change of places can touch them), then grouped and checked as in the store
(``kind=series``, ``series_point``, ``alert``; equal to the loaded store's, tested, also
across incremental runs).
What stays SQLite-side, after ``dateline load``: places within places (they only inform
readers).
"""
from __future__ import annotations

import os
import tempfile
from typing import Iterable, Iterator, Optional

from ..consolidate import aliases
from ..ingest import dedup
from ..store import parquet
from ..store.sqlite import published_between


# DuckDB's own memory for consolidation: beyond it, joins and DISTINCT spill to a temporary folder
# (DATELINE_DUCKDB_MEMORY, e.g. "8GB"; DuckDB's default would be 80 % of the machine).
DUCKDB_MEMORY = os.environ.get("DATELINE_DUCKDB_MEMORY", "4GB")


def _connect():
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


def _latest_documents(con, out: str) -> None:
    con.execute(f"""
        CREATE OR REPLACE TEMP TABLE docs AS
        SELECT doc, hash, date, minhash FROM {_read('document', out)}
        WHERE minhash IS NOT NULL
        QUALIFY row_number() OVER (PARTITION BY doc ORDER BY version DESC, hash DESC) = 1""")


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


def dup_groups(con, out: str, new_docs: Optional[Iterable[str]] = None, added: Optional[int] = None
               ) -> tuple[dict[str, str], str]:
    """``doc -> dup_group`` for every document with copies; and how it was computed (full / incremental).

    Incremental only when the previous consolidation saw every document but the ``added``
    new ids of ``new_docs`` (a run that skipped consolidation, or ran alongside, forces a
    full pass) and no new version replaces a document that had copies.
    """
    previous = {r["doc"]: r["dup_group"] for r in parquet.read_kind(out, "dup_group").to_pylist()}
    new = list(new_docs) if new_docs is not None else None
    seen_before = parquet.read_meta(out).get("consolidated_documents")
    (current,) = con.execute("SELECT count(*) FROM docs").fetchone()
    incremental = (new is not None and added is not None and seen_before is not None
                   and seen_before + added == current and not (set(new) & set(previous)))
    uf = dedup.UnionFind()
    if incremental:
        for doc, group in previous.items():
            uf.union(doc, group)
    for a, b in candidate_pairs(con, new if incremental else None):
        uf.union(a, b)
    members = [m for ms in uf.components().values() if len(ms) > 1 for m in ms]
    con.execute("CREATE OR REPLACE TEMP TABLE grouped(doc VARCHAR)")
    if members:              # DuckDB refuses an empty executemany (a ledger where nothing is copied)
        con.executemany("INSERT INTO grouped VALUES (?)", [(m,) for m in members])
    dates = dict(con.execute("SELECT doc, date FROM docs WHERE doc IN (SELECT doc FROM grouped)").fetchall())
    groups: dict[str, str] = {}
    for ms in uf.components().values():
        ms = [m for m in ms if m in dates]           # a document gone from the dataset drops out
        if len(ms) > 1:
            first = min(ms, key=lambda m: (dates[m], m))     # the earliest copy names the group
            groups.update({m: first for m in ms})
    return groups, "incremental" if incremental else "full"


def entities(con, out: str) -> tuple[list[dict], list[dict]]:
    """Canonical entities (export records) from the mentions of the latest document versions,
    and the links of claim speakers and figure sources to them (``entity_link`` rows).

    Python sees each distinct name once (and, per article, its person names); the
    mentions stay in DuckDB, which also counts each entity's articles and links speakers.
    """
    if not parquet.has_kind(out, "mention"):
        return [], []
    import pyarrow as pa

    # a version written twice by a redone batch counts once
    con.execute(f"""
        CREATE OR REPLACE TEMP TABLE ments AS
        SELECT DISTINCT ON (m.doc, m.start, m."end") m.doc, m.start, m."end", m.text, m.type,
               coalesce(m.alias_of, '') AS alias_of
        FROM {_read('mention', out)} m JOIN docs d ON d.doc = m.doc AND d.hash = m.doc_hash""")
    found = aliases.Consolidation(con.execute(
        "SELECT text, alias_of, type, count(*) FROM ments GROUP BY ALL").fetchall())
    people = sorted(found.person_forms())
    con.register("people", pa.table({"text": pa.array(people, pa.string())}))
    cursor = con.execute("""SELECT doc, text, alias_of, count(*) FROM ments WHERE text IN (SELECT text FROM people)
                            GROUP BY ALL ORDER BY doc""")
    found.add_documents(row for batch in iter(lambda: cursor.fetchmany(50_000), []) for row in batch)
    con.unregister("people")
    ents, by_form, by_doc = found.finish()

    con.register("by_form", pa.table({"text": [t for t, _ in by_form], "alias_of": [a for _, a in by_form],
                                      "entity": list(by_form.values())}))
    con.register("by_doc", pa.table({"doc": [k[0] for k in by_doc], "text": [k[1] for k in by_doc],
                                     "alias_of": [k[2] for k in by_doc], "entity": list(by_doc.values())},
                                    schema=pa.schema([(c, pa.string()) for c in ("doc", "text", "alias_of", "entity")])))
    con.execute("""
        CREATE OR REPLACE TEMP TABLE ment_entity AS
        SELECT m.doc, m.start, m."end", coalesce(o.entity, f.entity) AS entity
        FROM ments m LEFT JOIN by_doc o ON o.doc = m.doc AND o.text = m.text AND o.alias_of = m.alias_of
        LEFT JOIN by_form f ON f.text = m.text AND f.alias_of = m.alias_of
        WHERE coalesce(o.entity, f.entity) IS NOT NULL""")
    con.unregister("by_form")
    con.unregister("by_doc")
    docs = dict(con.execute("SELECT entity, count(DISTINCT doc) FROM ment_entity GROUP BY entity").fetchall())
    rows = [e.as_row(docs.get(e.id, 0)) for e in ents]
    records = [{"kind": "entity", "id": e["id"], "name": e["name"], "type": e["kind"], "aliases": e["aliases"],
                "mentions": e["mentions"], "docs": e["docs"]} for e in rows]
    return records, _speaker_links(con, out) + _source_links(con, out, rows)


def _speaker_links(con, out: str) -> list[dict]:
    """Each claim's speaker -> the entity of the mention overlapping its speaker span most (as the store links them)."""
    if not parquet.has_kind(out, "claim"):
        return []
    found = con.execute(f"""
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
    return [{"kind": "entity_link", "item": "claim", "key": claim, "entity": entity} for claim, entity in found]


def _source_links(con, out: str, rows: list[dict]) -> list[dict]:
    """Each figure source (as written) -> the entity whose aliases name it."""
    if not parquet.has_kind(out, "figure"):
        return []
    sources = [s for (s,) in con.execute(f"""
        SELECT DISTINCT f.source FROM {_read('figure', out)} f JOIN docs d ON d.doc = f.doc AND d.hash = f.doc_hash
        WHERE f.source IS NOT NULL ORDER BY 1""").fetchall()]
    links = aliases.source_entities(sources, rows)
    return [{"kind": "entity_link", "item": "figure_source", "key": s, "entity": links.get(s)} for s in sources]


class SentenceDays:
    """The latest document versions' sentences by the days they name, in DuckDB: the aggregate
    queries :func:`dateline.synthesize.timeline.timeline_from_index` asks (as the SQLite store's)."""

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
            " AS role, COUNT(DISTINCT d.source), COUNT(DISTINCT CASE WHEN x.calendar AND x.day < d.date THEN d.source END)"
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


def backfill_sentences(con, out: str) -> int:
    """Latest document versions without ``kind=sentence`` rows (analysed before Parquet carried
    them) get them, once: dated from their stored text and times as ``load`` dates them, and
    appended as part files. Returns how many documents were dated."""
    import datetime as dt
    import uuid
    from collections import defaultdict

    known = ""
    if parquet.has_kind(out, "sentence"):
        known = (f"WHERE NOT EXISTS (SELECT 1 FROM {_read('sentence', out)} s"
                 " WHERE s.doc = d.doc AND s.doc_hash = d.hash)")
    wanted: dict[str, set] = defaultdict(set)
    for doc, h, date in con.execute(f"SELECT d.doc, d.hash, d.date FROM docs d {known}").fetchall():
        wanted[date].add((doc, h))
    tag = "sentences-" + dt.datetime.now(dt.timezone.utc).strftime("%Y%m%dT%H%M%S") + "-" + uuid.uuid4().hex[:6]
    dated = 0
    for day, docs in sorted(wanted.items()):
        rows = [r for a, _ in parquet.analyses_of_day(out, day, docs) for r in parquet.analysis_rows(a)["sentence"]]
        dated += len(docs)
        if rows:
            parquet.write_batch(out, tag, {("sentence", day): rows})
    return dated


def timeline(con, out: str, groups: dict[str, str], n_dates: Optional[int] = None, k_sentences: int = 1) -> list[dict]:
    """The story's timeline over the dataset (``kind=timeline`` records, as ``dateline timeline --json``)."""
    from ..synthesize import timeline as tl

    if not parquet.has_kind(out, "sentence"):
        return []
    entries = tl.timeline_from_index(SentenceDays(con, out, groups), n_dates=n_dates, k_sentences=k_sentences)
    return [e.to_json() for e in entries]


def _cumulative_figures(con, out: str) -> list[dict]:
    """The latest versions' cumulative figures as the store gives them (``Store.figures``), in its
    order (series break ties by it); a batch written twice counts once."""
    cursor = con.execute(f"""
        SELECT * FROM (
            SELECT DISTINCT ON (f.id) f.id, f.doc, d.hash AS doc_hash, f.value_start AS start,
                   f.value_end AS "end", f.start AS sent_start, f."end" AS sent_end, f.value, f.value_max,
                   f.qualifier, f.measure, f."group" AS grp, f.parent, f.source, f.source_entity, f.as_of,
                   f.scope, d.date AS doc_date, f.sentence
            FROM {_read('figure', out)} f JOIN docs d ON d.doc = f.doc AND d.hash = f.doc_hash
            WHERE f.scope = 'cumulative')
        ORDER BY coalesce(as_of, doc_date), doc, start, id""")
    names = [c[0] for c in cursor.description]
    return [dict(zip(names, r)) for r in cursor.fetchall()]


def figure_descriptions(out: str, rows: list[dict], places) -> tuple[list, list[dict], int]:
    """Series descriptions of ``rows`` (see :func:`dateline.consolidate.series.describe`): reused from
    the previous consolidation (``kind=figure_series``, one row per cumulative figure and article
    version, ``kept`` or not) except for articles not described yet and those whose figure texts a
    change of the story's places can touch (the SQLite store's rule). Returns the described figures
    in the order of ``rows``, the rows to store, and how many articles were described now."""
    from ..consolidate import series as fs

    now = set(places.single) | set(places.multi)
    # the place names the stored descriptions were made with travel in the same file as them
    meta = parquet.consolidated_metadata(out, "figure_series") or {}
    before = meta.get("place_keys") if meta.get("format") == fs.DESCRIBED else None
    previous = {}
    if before is not None:
        previous = {(r["figure"], r["doc_hash"]): r for r in parquet.read_kind(out, "figure_series").to_pylist()}
    todo = {r["doc"] for r in rows if (r["id"], r["doc_hash"]) not in previous}
    todo |= fs.touched_documents(now ^ set(before or ()),
                                 ((r["doc"], (r["grp"], r["source"], r["sentence"])) for r in rows), todo)
    fresh = {r["id"]: (r, place, category, skey)
             for r, place, category, skey in fs.describe([r for r in rows if r["doc"] in todo], places)}
    described, stored = [], []
    for r in rows:
        if r["doc"] in todo:
            d = fresh.get(r["id"])
            kept = d is not None
            row = {"kind": "figure_series", "figure": r["id"], "doc": r["doc"], "doc_hash": r["doc_hash"],
                   "kept": kept, "place": d[1] if kept else None, "category": d[2] if kept else None,
                   "skey": d[3] if kept else None, "source": d[0]["source"] if kept else None,
                   "grp": d[0]["grp"] if kept else None}
        else:
            row = previous[(r["id"], r["doc_hash"])]
            d = (dict(r, source=row["source"], grp=row["grp"]), row["place"], row["category"], row["skey"]) \
                if row["kept"] else None
        stored.append(row)
        if d is not None:
            described.append(d)
    return described, stored, len(todo)


def series_and_alerts(con, out: str, groups: dict[str, str], entity_records: list[dict]
                      ) -> tuple[list[dict], list[dict], list[dict], int]:
    """Series summaries, their points and the alerts over them (records as the CLI prints them),
    and how many articles' figures were described now."""
    from ..consolidate import series as fs
    from ..synthesize import alerts as al

    if not parquet.has_kind(out, "figure"):
        return [], [], [], 0
    rows = _cumulative_figures(con, out)
    places = fs.Places.of_entities((e["id"], e["name"], e["aliases"]) for e in entity_records if e["type"] == "place")
    described, stored, described_now = figure_descriptions(out, rows, places)
    parquet.write_consolidated(out, "figure_series", stored, metadata={
        "format": fs.DESCRIBED, "place_keys": sorted(set(places.single) | set(places.multi))})
    found = fs.group(described, groups)
    alerts = al.check(found)
    flagged = {(a.series, a.point.figure): a.type for a in alerts}     # as `dateline series ID` flags them
    points = [fs.point_record(s.id, p, flagged.get((s.id, p.figure))) for s in found for p in s.points]
    return [s.summary() for s in found], points, [a.to_json() for a in alerts], described_now


def consolidate_parquet(out: str, new_docs: Optional[Iterable[str]] = None, added: Optional[int] = None) -> dict:
    """Recompute (or extend) duplicate groups and entities of the dataset ``out``; returns counts.

    ``new_docs``: the documents analysed since the last consolidation, ``added`` how many of
    them are new ids (the rest new versions); without them everything is recomputed.
    """
    con = _connect()
    try:
        _latest_documents(con, out)
        (documents,) = con.execute("SELECT count(*) FROM docs").fetchone()
        groups, how = dup_groups(con, out, new_docs, added)
        parquet.write_consolidated(out, "dup_group", [{"kind": "dup_group", "doc": d, "dup_group": g}
                                                      for d, g in sorted(groups.items())])
        found, links = entities(con, out)
        parquet.write_consolidated(out, "entity", sorted(found, key=lambda e: (-e["docs"], -e["mentions"], e["name"],
                                                                                 e["id"])))
        parquet.write_consolidated(out, "entity_link", links)
        backfilled = backfill_sentences(con, out)
        entries = timeline(con, out, groups)
        parquet.write_consolidated(out, "timeline", entries)
        series, points, alerts, described = series_and_alerts(con, out, groups, found)
        parquet.write_consolidated(out, "series", series)
        parquet.write_consolidated(out, "series_point", points)
        parquet.write_consolidated(out, "alert", alerts)
        parquet.write_meta(out, {"consolidated_documents": documents})
    finally:
        con.close()
    return {"dup_groups": len(set(groups.values())), "grouped_docs": len(groups), "dup_mode": how,
            "entities": len(found), "timeline_days": len({e["date"] for e in entries}), "series": len(series),
            "alerts": len(alerts), "described_docs": described, "sentences_backfilled": backfilled}
