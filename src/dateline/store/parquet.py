"""The ledger as a Parquet dataset, in the public export schema.

Layout (hive-style directories, one schema per kind)::

    <out>/kind=document/published=2024-03-05/part-<run>-<batch>.parquet
    <out>/kind=time/published=2024-03-05/part-....parquet      (also figure, claim, mention, sentence)
    <out>/kind=entity/part-consolidated.parquet                 (rewritten by consolidation)
    <out>/kind=dup_group/part-consolidated.parquet              (doc -> dup_group, idem)
    <out>/kind=entity_link/part-consolidated.parquet            (claim speakers, figure sources -> entity)
    <out>/kind=timeline/part-consolidated.parquet               (the story's timeline, as `dateline timeline --json`)
    <out>/kind=series/part-consolidated.parquet                 (figure series, as `dateline series --json`;
    <out>/kind=series_point/..., kind=alert/...                  their points, and the alerts over them)
    <out>/kind=figure_series/part-consolidated.parquet          (each cumulative figure's series description)
    <out>/_runs.jsonl                                           (one line per engine run)
    <out>/_meta.json                                            (documents seen by the last consolidation)

``published`` is the publication date of the article each record belongs to. It is
not called ``date`` because time records have their own ``date`` field (the day an
expression names) and DuckDB/pyarrow silently replace a file column by a hive key of
the same name. Files are self-contained (every column, including ``kind``), so read
them with hive partitioning off, or on: the keys never clash with a column.

The columns of each kind are the export JSON Schema's properties
(``dateline/schema/export.schema.json``), plus what rebuilding the SQLite store
needs: documents keep their full ``text`` (so every span resolves), ``origin`` and
``minhash`` (the duplicate-grouping signature); item rows keep ``doc_hash`` (the
content hash of the document version they were extracted from). ``mention`` is not
an export kind: it holds the raw entity mentions consolidation groups into entities;
nor is ``sentence``: each article's sentences with the days they name (as the SQLite
store's tables ``sentences`` and ``sentence_days``), which the timeline ranks days by.

The dataset is append-only: a new version of an article is appended with
``version`` + 1 and readers take the latest version of each ``doc``.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
from collections import defaultdict
from importlib.resources import files
from typing import Iterable, Iterator, Optional, Sequence

import numpy
import pyarrow as pa
import pyarrow.dataset as pds
import pyarrow.parquet as pq

from ..analyze import dating
from ..ingest import dedup
from ..records import Analysis, Claim, Document, Figure, Mention, Span, TimeExpr

ANALYSIS_KINDS = ("document", "mention", "time", "figure", "claim", "sentence")   # written per batch of articles
CONSOLIDATED_KINDS = ("entity", "dup_group", "entity_link", "timeline", "series", "series_point",
                      "alert", "figure_series")                                          # rewritten by consolidation
EXPORT_KINDS = ("document", "entity", "time", "figure", "claim")      # same order as `dateline export`
CONSOLIDATED_PART = "part-consolidated.parquet"

_JSON_TYPES = {"string": pa.string(), "integer": pa.int64(), "number": pa.float64(), "boolean": pa.bool_()}
_EXTRA_COLUMNS = {
    "document": [("text", pa.string()), ("origin", pa.string()), ("minhash", pa.list_(pa.uint64()))],
    "time": [("doc_hash", pa.string())],
    "figure": [("doc_hash", pa.string()), ("place_within", pa.string()), ("breakdown", pa.string()),
               ("place_inferred", pa.bool_()), ("rules", pa.string())],
    "claim": [("doc_hash", pa.string())],
}
MENTION_SCHEMA = pa.schema([("kind", pa.string()), ("doc", pa.string()), ("start", pa.int64()), ("end", pa.int64()),
                            ("text", pa.string()), ("label", pa.string()), ("type", pa.string()),
                            ("alias_of", pa.string()), ("doc_hash", pa.string())])
# an article's sentence and the days it names (``calendar``: of them, those written as calendar dates;
# ``headed``: it starts with a date label, "April 22 - ...", and names a calendar date)
SENTENCE_SCHEMA = pa.schema([("kind", pa.string()), ("doc", pa.string()), ("position", pa.int64()),
                             ("start", pa.int64()), ("end", pa.int64()), ("dates", pa.list_(pa.string())),
                             ("calendar", pa.list_(pa.string())), ("headed", pa.bool_()), ("doc_hash", pa.string())])
_CITATION = pa.list_(pa.struct([("doc", pa.string()), ("start", pa.int64()), ("end", pa.int64())]))
TIMELINE_SCHEMA = pa.schema([("kind", pa.string()), ("date", pa.string()), ("text", pa.string()),
                             ("evidence", _CITATION), ("sources", _CITATION), ("salience", pa.int64())])
SERIES_SCHEMA = pa.schema([("kind", pa.string()), ("id", pa.string()), ("measure", pa.string()),
                           ("place", pa.string()), ("category", pa.string()), ("source", pa.string()),
                           ("sources", pa.list_(pa.string())), ("points", pa.int64()), ("reports", pa.int64()),
                           ("latest_value", pa.float64()), ("latest_qualifier", pa.string()),
                           ("latest_as_of", pa.string()), ("latest_doc", pa.string()), ("first_as_of", pa.string())])
SERIES_POINT_SCHEMA = pa.schema([("kind", pa.string()), ("series", pa.string()), ("figure", pa.string()),
                                 ("doc", pa.string()), ("start", pa.int64()), ("end", pa.int64()),
                                 ("as_of", pa.string()), ("doc_date", pa.string()), ("value", pa.float64()),
                                 ("value_max", pa.float64()), ("qualifier", pa.string()), ("source", pa.string()),
                                 ("source_inferred", pa.bool_()), ("alert", pa.string())])
ALERT_SCHEMA = pa.schema([("kind", pa.string()), ("type", pa.string()), ("doc", pa.string()), ("start", pa.int64()),
                          ("end", pa.int64()), ("explanation", pa.string()), ("evidence", _CITATION),
                          ("figure", pa.string()), ("series", pa.string())])
# each cumulative figure's series description (consolidate.series.describe), per article version
FIGURE_SERIES_SCHEMA = pa.schema([("kind", pa.string()), ("figure", pa.string()), ("doc", pa.string()),
                                  ("doc_hash", pa.string()), ("kept", pa.bool_()), ("place", pa.string()),
                                  ("category", pa.string()), ("skey", pa.string()), ("source", pa.string()),
                                  ("grp", pa.string())])
DUP_GROUP_SCHEMA = pa.schema([("kind", pa.string()), ("doc", pa.string()), ("dup_group", pa.string())])
# item "claim": key = claim id, entity = its speaker's; item "figure_source": key = a source as written
ENTITY_LINK_SCHEMA = pa.schema([("kind", pa.string()), ("item", pa.string()), ("key", pa.string()),
                                ("entity", pa.string())])


def _arrow_type(prop: dict) -> pa.DataType:
    if "const" in prop or "enum" in prop:
        return pa.string()
    kinds = prop["type"] if isinstance(prop["type"], list) else [prop["type"]]
    kinds = [k for k in kinds if k != "null"]
    if kinds == ["array"]:
        return pa.list_(_JSON_TYPES[prop["items"]["type"]])
    return _JSON_TYPES[kinds[0]]


def _export_schemas() -> dict[str, pa.Schema]:
    """One Arrow schema per export kind, read from the export JSON Schema (so they never drift apart)."""
    spec = json.loads((files("dateline") / "schema" / "export.schema.json").read_text(encoding="utf-8"))
    schemas = {}
    for kind, definition in spec["$defs"].items():
        fields = [pa.field(name, _arrow_type(prop), nullable=name != "kind")
                  for name, prop in definition["properties"].items()]
        fields += [pa.field(name, t) for name, t in _EXTRA_COLUMNS.get(kind, [])]
        schemas[kind] = pa.schema(fields)
    return schemas


SCHEMAS: dict[str, pa.Schema] = {**_export_schemas(), "mention": MENTION_SCHEMA, "dup_group": DUP_GROUP_SCHEMA,
                                  "entity_link": ENTITY_LINK_SCHEMA, "sentence": SENTENCE_SCHEMA,
                                  "timeline": TIMELINE_SCHEMA, "series": SERIES_SCHEMA,
                                  "series_point": SERIES_POINT_SCHEMA, "alert": ALERT_SCHEMA,
                                  "figure_series": FIGURE_SERIES_SCHEMA}
EXTRA_FIELDS = {kind: tuple(name for name, _ in cols) for kind, cols in _EXTRA_COLUMNS.items()}


# --- analyses -> rows ---------------------------------------------------------------
def _iso(d: Optional[dt.date]) -> Optional[str]:
    return d.isoformat() if d else None


def analysis_rows(a: Analysis, version: int = 1, minhash: Optional[Sequence[int]] = None) -> dict[str, list[dict]]:
    """Export-shaped rows (plus the Parquet extras) for one analysed document, by kind.

    Repeated spans are dropped as the SQLite store drops them (first mention/time
    per span, last figure/claim per id), so both stores hold the same records.
    """
    d, text, h = a.doc, a.doc.text, a.doc.content_hash
    rows: dict[str, list[dict]] = {
        "document": [{"kind": "document", "doc": d.id, "url": d.url, "date": d.date.isoformat(), "title": d.title,
                      "dup_group": None, "version": version, "hash": h, "chars": len(text), "text": text,
                      "origin": d.origin, "minhash": list(minhash) if minhash is not None else None}]}
    mentions = {}
    for m in a.mentions:
        key = (m.span.start, m.span.end)
        mentions.setdefault(key, {"kind": "mention", "doc": d.id, "start": m.span.start, "end": m.span.end,
                                  "text": m.text, "label": m.label, "type": m.kind, "alias_of": m.alias_of,
                                  "doc_hash": h})
    times = {}
    for t in a.times:
        times.setdefault((t.span.start, t.span.end), {
            "kind": "time", "doc": d.id, "start": t.span.start, "end": t.span.end, "text": t.text, "type": t.type,
            "value": t.value, "date": _iso(t.date), "since": bool(t.since), "doc_hash": h})
    figures = {f.id: {"kind": "figure", "id": f.id, "doc": d.id, "start": f.sentence.start, "end": f.sentence.end,
                      "sentence": text[f.sentence.start:f.sentence.end], "value_start": f.span.start,
                      "value_end": f.span.end, "measure": f.measure, "value": float(f.value),
                      "value_max": None if f.value_max is None else float(f.value_max), "qualifier": f.qualifier,
                      "group": f.group, "parent": f.parent, "source": f.source, "source_entity": f.source_entity,
                      "as_of": _iso(f.as_of), "scope": f.scope, "place": f.place, "revised": bool(f.revised),
                      "place_within": f.place_within, "breakdown": f.breakdown,
                      "place_inferred": bool(f.place_inferred),
                      "rules": json.dumps(a.rules[f.id]) if a.rules.get(f.id) else None,
                      "doc_hash": h} for f in a.figures}
    claims = {c.id: {"kind": "claim", "id": c.id, "doc": d.id, "start": c.span.start, "end": c.span.end,
                     "speaker": c.speaker, "speaker_entity": c.speaker_entity,
                     "speaker_start": c.speaker_span.start if c.speaker_span else None,
                     "speaker_end": c.speaker_span.end if c.speaker_span else None,
                     "cue": c.cue, "cue_start": c.cue_span.start if c.cue_span else None,
                     "cue_end": c.cue_span.end if c.cue_span else None,
                     "content": text[c.content.start:c.content.end], "content_start": c.content.start,
                     "content_end": c.content.end, "mode": c.mode, "doc_hash": h} for c in a.claims}
    sentences = [{"kind": "sentence", "doc": d.id, "position": x.position, "start": x.span.start,
                  "end": x.span.end, "dates": [day.isoformat() for day in x.dates],
                  "calendar": [day.isoformat() for day in x.calendar_dates],
                  "headed": bool(x.calendar_dates) and dating.headed_by_date(text[x.span.start:x.span.end]),
                  "doc_hash": h} for x in a.sentences]
    rows.update(mention=list(mentions.values()), time=list(times.values()), figure=list(figures.values()),
                claim=list(claims.values()), sentence=sentences)
    return rows


def batch_rows(analyses: Iterable[Analysis], versions: Optional[dict[str, int]] = None
               ) -> dict[tuple[str, str], list[dict]]:
    """Rows of a batch keyed by ``(kind, published date)``, with each document's MinHash signature."""
    out: dict[tuple[str, str], list[dict]] = defaultdict(list)
    for a in analyses:
        sig = dedup.signature(a.doc.text).hashvalues.astype(numpy.uint64).tolist()
        published = a.doc.date.isoformat()
        for kind, rows in analysis_rows(a, (versions or {}).get(a.doc.id, 1), sig).items():
            out[(kind, published)].extend(rows)
    return out


# --- writing -------------------------------------------------------------------------
def _fs(out: str):
    import fsspec

    return fsspec.core.url_to_fs(str(out))


def table_of(kind: str, rows: list[dict]) -> pa.Table:
    return pa.Table.from_pylist(rows, schema=SCHEMAS[kind])


def write_batch(out: str, part: str, rows: dict[tuple[str, str], list[dict]]) -> list[str]:
    """Write one batch's rows as ``part-<part>.parquet`` files under their kind and date; returns the paths.

    Each file is written under a temporary name and renamed, so readers never see half a file.
    """
    fs, root = _fs(out)
    written = []
    for (kind, published), kind_rows in sorted(rows.items()):
        if not kind_rows:
            continue
        folder = f"{root}/kind={kind}/published={published}"
        fs.makedirs(folder, exist_ok=True)
        path = f"{folder}/part-{part}.parquet"
        _write_atomic(fs, table_of(kind, kind_rows), path)
        written.append(path)
    return written


def _write_atomic(fs, table: pa.Table, path: str) -> None:
    tmp = path.rsplit("/", 1)
    tmp = f"{tmp[0]}/.{tmp[1]}.tmp"          # hidden: dataset readers skip it
    with fs.open(tmp, "wb") as f:
        pq.write_table(table, f, compression="zstd")
    fs.mv(tmp, path)


def write_consolidated(out: str, kind: str, rows: list[dict], metadata: Optional[dict] = None) -> str:
    """Replace the consolidated records of ``kind`` (entity, dup_group, ...); ``metadata`` (JSON) is
    kept in the file's schema, so it lands with the rows or not at all."""
    fs, root = _fs(out)
    folder = f"{root}/kind={kind}"
    fs.makedirs(folder, exist_ok=True)
    path = f"{folder}/{CONSOLIDATED_PART}"
    table = table_of(kind, rows)
    if metadata is not None:
        table = table.replace_schema_metadata({b"dateline": json.dumps(metadata).encode("utf-8")})
    _write_atomic(fs, table, path)
    return path


def consolidated_metadata(out: str, kind: str) -> Optional[dict]:
    """The ``metadata`` written with the consolidated records of ``kind`` (None: none)."""
    fs, root = _fs(out)
    path = f"{root}/kind={kind}/{CONSOLIDATED_PART}"
    if not fs.exists(path):
        return None
    with fs.open(path, "rb") as f:
        meta = pq.read_schema(f).metadata or {}
    return json.loads(meta[b"dateline"]) if b"dateline" in meta else None


def append_run(out: str, record: dict) -> None:
    fs, root = _fs(out)
    fs.makedirs(root, exist_ok=True)
    path = f"{root}/_runs.jsonl"
    old = fs.cat_file(path) if fs.exists(path) else b""
    with fs.open(path, "wb") as f:
        f.write(old + (json.dumps(record) + "\n").encode("utf-8"))


def read_meta(out: str) -> dict:
    """Bookkeeping of the dataset (``_meta.json``): how many documents the last consolidation saw."""
    fs, root = _fs(out)
    path = f"{root}/_meta.json"
    return json.loads(fs.cat_file(path)) if fs.exists(path) else {}


def write_meta(out: str, values: dict) -> None:
    fs, root = _fs(out)
    meta = {**read_meta(out), **values}
    with fs.open(f"{root}/.meta.json.tmp", "wb") as f:
        f.write(json.dumps(meta).encode("utf-8"))
    fs.mv(f"{root}/.meta.json.tmp", f"{root}/_meta.json")


# --- reading -------------------------------------------------------------------------
def kind_glob(out: str, kind: str) -> str:
    """A glob over every file of one kind (for DuckDB's ``read_parquet``)."""
    return f"{str(out).rstrip('/')}/kind={kind}/**/*.parquet"


def has_kind(out: str, kind: str) -> bool:
    fs, root = _fs(out)
    return fs.exists(f"{root}/kind={kind}")


def read_kind(out: str, kind: str, columns: Optional[list[str]] = None, filter=None,
              published: Optional[str] = None) -> pa.Table:
    """Every row of one kind (optionally one publication day), as one Arrow table."""
    schema = SCHEMAS[kind]
    fs, root = _fs(out)
    folder = f"{root}/kind={kind}" + (f"/published={published}" if published else "")
    if not fs.exists(folder):
        return schema.empty_table().select(columns) if columns else schema.empty_table()
    dataset = pds.dataset(folder, schema=schema, format="parquet", filesystem=fs, partitioning=None)
    return dataset.to_table(columns=columns, filter=filter)


def latest_documents(out: str) -> dict[str, tuple[str, int, str]]:
    """``doc -> (hash, version, published)`` of the latest version of every document in the dataset."""
    table = read_kind(out, "document", columns=["doc", "hash", "version", "date"])
    latest: dict[str, tuple[str, int, str]] = {}
    for doc, h, version, date in zip(*(table.column(c).to_pylist() for c in ("doc", "hash", "version", "date"))):
        # among equal versions (an id repeated across files read on workers) the larger hash wins
        if doc not in latest or (version, h) > (latest[doc][1], latest[doc][0]):
            latest[doc] = (h, version, date)
    return latest


class DocumentIndex:
    """The latest version of every document in the dataset, compactly: for the engine's client (and
    workers reading their own files), which check every input article against the dataset.

    A dict of ids to (hash, version) costs a few hundred bytes per document, gigabytes for a year
    of news; this keeps 20 bytes per document: sorted 64-bit keys of the ids (BLAKE2b), the
    first 64 bits of the content hash (hex, so its order is the hash's order, which breaks ties
    between equal versions as :func:`latest_documents` does) and the version. Two ids share a
    key with probability ~n²/2⁶⁵ (1e-4 at 56 M documents): the newcomer is then written as a new
    version of an id it does not have, which readers take as its first.
    """

    def __init__(self, ids: numpy.ndarray, hashes: numpy.ndarray, versions: numpy.ndarray):
        self.ids, self.hashes, self.versions = ids, hashes, versions

    @staticmethod
    def id_key(doc: str) -> int:
        return int.from_bytes(hashlib.blake2b(doc.encode("utf-8"), digest_size=8).digest(), "little")

    @staticmethod
    def hash_key(content_hash: str) -> int:
        return int(content_hash[:16], 16)

    @classmethod
    def of_dataset(cls, out: str) -> "DocumentIndex":
        """Read one publication day at a time (only the id, hash and version columns)."""
        ids, hashes, versions = [], [], []
        for published in days(out):
            table = read_kind(out, "document", columns=["doc", "hash", "version"], published=published)
            ids.append(numpy.fromiter((cls.id_key(d) for d in table.column("doc").to_pylist()), numpy.uint64))
            hashes.append(numpy.fromiter((cls.hash_key(h) for h in table.column("hash").to_pylist()), numpy.uint64))
            versions.append(numpy.asarray(table.column("version").to_pylist(), dtype=numpy.int32))
        if not ids:
            return cls(numpy.empty(0, numpy.uint64), numpy.empty(0, numpy.uint64), numpy.empty(0, numpy.int32))
        ids, hashes, versions = numpy.concatenate(ids), numpy.concatenate(hashes), numpy.concatenate(versions)
        order = numpy.lexsort((hashes, versions, ids))        # by id, then version, then hash: the last wins
        ids, hashes, versions = ids[order], hashes[order], versions[order]
        last = numpy.append(ids[1:] != ids[:-1], True)
        return cls(ids[last], hashes[last], versions[last])

    def __len__(self) -> int:
        return len(self.ids)

    def _at(self, doc: str) -> Optional[int]:
        key = numpy.uint64(self.id_key(doc))
        i = int(numpy.searchsorted(self.ids, key))
        return i if i < len(self.ids) and self.ids[i] == key else None

    def version(self, doc: str) -> Optional[int]:
        """The latest version of ``doc`` in the dataset (None: a new id)."""
        i = self._at(doc)
        return None if i is None else int(self.versions[i])

    def holds(self, doc: str, content_hash: str) -> bool:
        """Whether the latest version of ``doc`` has this content (an unchanged article)."""
        i = self._at(doc)
        return i is not None and int(self.hashes[i]) == self.hash_key(content_hash)


def _num(x):
    return int(x) if x is not None and float(x).is_integer() else x


def to_export(kind: str, row: dict) -> dict:
    """A stored row as its export record (extras dropped, integral numbers as ints like ``dateline export``)."""
    record = {k: v for k, v in row.items() if k not in EXTRA_FIELDS.get(kind, ())}
    if kind == "figure":
        record["value"], record["value_max"] = _num(record["value"]), _num(record["value_max"])
    return record


def export_records(out: str, kinds: Optional[Iterable[str]] = None) -> Iterator[dict]:
    """The dataset as export records (latest document versions; dup groups and entities as consolidated)."""
    wanted = list(kinds) if kinds else list(EXPORT_KINDS)
    latest = latest_documents(out)
    current = {(doc, h) for doc, (h, _, _) in latest.items()}
    groups = {r["doc"]: r["dup_group"] for r in read_kind(out, "dup_group").to_pylist()}
    links = {(r["item"], r["key"]): r["entity"] for r in read_kind(out, "entity_link").to_pylist()}
    for kind in wanted:
        if kind not in EXPORT_KINDS:
            raise ValueError(f"unknown kind {kind!r}; choose from {', '.join(EXPORT_KINDS)}")
        if kind == "entity":
            yield from (to_export(kind, r) for r in read_kind(out, "entity").to_pylist())
            continue
        for published in _days(out, kind):
            rows = read_kind(out, kind, published=published).to_pylist()
            done = set()
            for r in rows:
                key = (r["doc"], r["hash"] if kind == "document" else r["doc_hash"])
                if key not in current:
                    continue              # an older version
                same = r["doc"] if kind == "document" else r.get("id") or (r["doc"], r["start"], r["end"])
                if same in done:
                    continue              # the same version written twice (parallel clients, a redone batch)
                done.add(same)
                if kind == "document":
                    r["dup_group"] = groups.get(r["doc"])
                elif kind == "claim" and ("claim", r["id"]) in links:
                    r["speaker_entity"] = links[("claim", r["id"])]
                elif kind == "figure" and ("figure_source", r["source"]) in links:
                    r["source_entity"] = links[("figure_source", r["source"])]
                yield to_export(kind, r)


def _days(out: str, kind: str) -> list[str]:
    fs, root = _fs(out)
    folder = f"{root}/kind={kind}"
    if not fs.exists(folder):
        return []
    return sorted(p.rsplit("published=", 1)[1] for p in fs.ls(folder, detail=False) if "published=" in p)


def days(out: str) -> list[str]:
    """Publication days present in the dataset, in order."""
    return _days(out, "document")


# --- rows -> analyses (to rebuild the SQLite store) --------------------------------
def analyses_of_day(out: str, published: str, wanted: set[tuple[str, str]]
                    ) -> Iterator[tuple[Analysis, Optional[bytes]]]:
    """Analyses (and MinHash signatures as the store keeps them) of one day's documents in ``wanted`` (doc, hash)."""
    docs = [r for r in read_kind(out, "document", published=published).to_pylist() if (r["doc"], r["hash"]) in wanted]
    if not docs:
        return
    ids = pds.field("doc").isin([r["doc"] for r in docs])
    items: dict[str, dict[str, list[dict]]] = {r["doc"]: defaultdict(list) for r in docs}
    hashes = {r["doc"]: r["hash"] for r in docs}
    for kind in ("mention", "time", "figure", "claim"):
        for r in read_kind(out, kind, filter=ids, published=published).to_pylist():
            if hashes.get(r["doc"]) == r["doc_hash"]:
                items[r["doc"]][kind].append(r)
    seen = set()
    for r in sorted(docs, key=lambda r: r["doc"]):
        if r["doc"] in seen:
            continue             # the same version written twice (an interrupted run redone)
        seen.add(r["doc"])
        sig = numpy.asarray(r["minhash"], dtype=numpy.uint64).tobytes() if r["minhash"] is not None else None
        yield analysis_from_rows(r, items[r["doc"]]), sig


def analysis_from_rows(doc_row: dict, items: dict[str, list[dict]]) -> Analysis:
    d = doc_row["doc"]
    document = Document(id=d, text=doc_row["text"], date=dt.date.fromisoformat(doc_row["date"]), url=doc_row["url"],
                        title=doc_row["title"], origin=doc_row["origin"])
    span = lambda s, e: Span(d, s, e) if s is not None else None   # noqa: E731
    day = lambda s: dt.date.fromisoformat(s) if s else None         # noqa: E731
    mentions = [Mention(span(r["start"], r["end"]), r["text"], r["label"], r["type"], alias_of=r["alias_of"])
                for r in items.get("mention", [])]
    times = [TimeExpr(span(r["start"], r["end"]), r["text"], r["type"], r["value"], day(r["date"]), r["since"])
             for r in items.get("time", [])]
    figures = [Figure(span(r["value_start"], r["value_end"]), span(r["start"], r["end"]), r["value"], r["measure"],
                      r["qualifier"], r["value_max"], r["group"], r["parent"], r["source"], r["source_entity"],
                      day(r["as_of"]), r["scope"], place=r.get("place"), place_within=r.get("place_within"),
                      revised=bool(r.get("revised")), breakdown=r.get("breakdown"),
                      place_inferred=bool(r.get("place_inferred")))
               for r in items.get("figure", [])]
    rules = {r["id"]: json.loads(r["rules"]) for r in items.get("figure", []) if r.get("rules")}
    claims = [Claim(span(r["start"], r["end"]), span(r["content_start"], r["content_end"]), r["mode"], r["speaker"],
                    span(r["speaker_start"], r["speaker_end"]), r["speaker_entity"], r["cue"],
                    span(r["cue_start"], r["cue_end"])) for r in items.get("claim", [])]
    # dated sentences derive from the text and its times alone, so the Parquet ledger does not carry them
    return Analysis(doc=document, mentions=mentions, times=times, figures=figures, claims=claims,
                    sentences=dating.of_document(document, times), rules=rules)


def canonical_rows(out: str, kinds: Sequence[str] = ANALYSIS_KINDS) -> dict[str, list[tuple]]:
    """Every row of the given kinds, sorted, as tuples: for comparing two datasets record by record."""
    result = {}
    for kind in kinds:
        rows = read_kind(out, kind).to_pylist()
        result[kind] = sorted(tuple((k, json.dumps(v, sort_keys=True, default=str)) for k, v in sorted(r.items()))
                              for r in rows)
    return result


def local_path(out: str) -> Optional[str]:
    """The local directory of ``out`` when it is one (None for remote URLs)."""
    s = str(out)
    if "://" in s and not s.startswith("file://"):
        return None
    return os.path.abspath(s.removeprefix("file://"))
