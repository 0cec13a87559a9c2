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
in real news grow far slower than the articles (see docs/scale.md). Timeline: DuckDB indexes the
latest versions' sentences by the days they name (``kind=sentence``) and answers the same
aggregate queries as the SQLite store (:class:`SentenceDays`), so days are ranked in DuckDB
and only the best days' sentences reach Python; the result (``kind=timeline``) equals the
loaded store's timeline (tested).

Series and alerts: the latest versions' figure rows (no article text) are described as
the store describes them, once per article version (``kind=figure_series``; again only
when a change of places can touch them), then grouped and checked as in the store
(``kind=series``, ``series_point``, ``alert``; equal to the loaded store's, tested, also
across incremental runs).
What stays SQLite-side, after ``dateline load``: places within places (they only inform
readers).
"""
from __future__ import annotations

from typing import Iterable, Optional

from ..consolidate import aliases
from ..ingest import dedup
from ..store import duckdb_queries as queries, parquet
from ..store.duckdb_queries import SentenceDays, band_shape, candidate_pairs  # noqa: F401  (what this module offers)
from ..store.duckdb_queries import connect as _connect, latest_documents as _latest_documents


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
    current = queries.document_count(con)
    incremental = (new is not None and added is not None and seen_before is not None
                   and seen_before + added == current and not (set(new) & set(previous)))
    uf = dedup.UnionFind()
    if incremental:
        for doc, group in previous.items():
            uf.union(doc, group)
    for a, b in candidate_pairs(con, new if incremental else None):
        uf.union(a, b)
    members = [m for ms in uf.components().values() if len(ms) > 1 for m in ms]
    dates = queries.publication_dates(con, members)
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
    queries.load_mentions(con, out)
    found = aliases.Consolidation(queries.mention_forms(con))
    people = sorted(found.person_forms())
    found.add_documents(queries.forms_by_doc(con, people))
    ents, by_form, by_doc = found.finish()
    docs = queries.link_mentions(con, by_form, by_doc)
    rows = [e.as_row(docs.get(e.id, 0)) for e in ents]
    records = [{"kind": "entity", "id": e["id"], "name": e["name"], "type": e["kind"], "aliases": e["aliases"],
                "mentions": e["mentions"], "docs": e["docs"]} for e in rows]
    return records, _speaker_links(con, out) + _source_links(con, out, rows)


def _speaker_links(con, out: str) -> list[dict]:
    """Each claim's speaker -> the entity of the mention overlapping its speaker span most (as the store links them)."""
    if not parquet.has_kind(out, "claim"):
        return []
    found = queries.speaker_entities(con, out)
    return [{"kind": "entity_link", "item": "claim", "key": claim, "entity": entity} for claim, entity in found]


def _source_links(con, out: str, rows: list[dict]) -> list[dict]:
    """Each figure source (as written) -> the entity whose aliases name it."""
    if not parquet.has_kind(out, "figure"):
        return []
    sources = queries.figure_sources(con, out)
    links = aliases.source_entities(sources, rows)
    return [{"kind": "entity_link", "item": "figure_source", "key": s, "entity": links.get(s)} for s in sources]


def backfill_sentences(con, out: str) -> int:
    """Latest document versions without ``kind=sentence`` rows (analysed before Parquet carried
    them) get them, once: dated from their stored text and times as ``load`` dates them, and
    appended as part files. Returns how many documents were dated."""
    import datetime as dt
    import uuid
    from collections import defaultdict

    wanted: dict[str, set] = defaultdict(set)
    for doc, h, date in queries.documents_without_sentences(con, out):
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
    rows = queries.cumulative_figures(con, out)
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
        documents = queries.document_count(con)
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
