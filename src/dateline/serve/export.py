"""The public export format: one JSON object per item (JSON Lines).

The schema is documented in the README and in ``dateline/schema/export.schema.json``.
Every item but documents and entities carries ``doc``, ``start`` and ``end``:
the character span, in the stored text of that document, of the sentence it
came from; finer spans (the number, the content, the speaker) have their own
``*_start``/``*_end`` fields.
"""
from __future__ import annotations

import contextlib
import json
import os
import stat
import tempfile
from pathlib import Path
from typing import IO, Iterable, Iterator, Optional, Union

from ..store.sqlite import Store

KINDS = ("document", "entity", "time", "figure", "claim")


def _num(x):
    return int(x) if x is not None and float(x).is_integer() else x


def export_records(store: Store, kinds: Optional[Iterable[str]] = None) -> Iterator[dict]:
    wanted = list(kinds) if kinds else list(KINDS)
    for kind in wanted:
        if kind not in KINDS:
            raise ValueError(f"unknown kind {kind!r}; choose from {', '.join(KINDS)}")
        yield from _EXPORTERS[kind](store)


def document_records(store: Store) -> Iterator[dict]:
    for r in store.document_summaries():
        yield {"kind": "document", "doc": r["id"], "url": r["url"], "date": r["date"], "title": r["title"],
               "dup_group": r["dup_group"], "version": r["version"], "hash": r["hash"], "chars": r["chars"]}


def entity_records(store: Store) -> Iterator[dict]:
    for e in store.entities():
        yield {"kind": "entity", "id": e["id"], "name": e["name"], "type": e["kind"], "aliases": e["aliases"],
               "mentions": e["mentions"], "docs": e["docs"]}


def time_records(store: Store) -> Iterator[dict]:
    for r in store.time_expressions():
        yield {"kind": "time", "doc": r["doc"], "start": r["start"], "end": r["end"], "text": r["text"],
               "type": r["type"], "value": r["value"], "date": r["date"], "since": bool(r["since"])}


def figure_records(store: Store) -> Iterator[dict]:
    for f in store.figures():
        yield {"kind": "figure", "id": f["id"], "doc": f["doc"], "start": f["sent_start"], "end": f["sent_end"],
               "sentence": f["sentence"], "value_start": f["start"], "value_end": f["end"],
               "measure": f["measure"], "value": _num(f["value"]), "value_max": _num(f["value_max"]),
               "qualifier": f["qualifier"], "group": f["grp"], "parent": f["parent"], "source": f["source"],
               "source_entity": f["source_entity"], "as_of": f["as_of"], "scope": f["scope"], "place": f["place"],
               "revised": bool(f["revised"])}


def claim_records(store: Store) -> Iterator[dict]:
    for c in store.claims():
        yield {"kind": "claim", "id": c["id"], "doc": c["doc"], "start": c["start"], "end": c["end"],
               "speaker": c["speaker"], "speaker_entity": c["speaker_entity"],
               "speaker_start": c["speaker_start"], "speaker_end": c["speaker_end"],
               "cue": c["cue"], "cue_start": c["cue_start"], "cue_end": c["cue_end"],
               "content": c["content"], "content_start": c["content_start"], "content_end": c["content_end"],
               "mode": c["mode"]}


_EXPORTERS = {"document": document_records, "entity": entity_records, "time": time_records, "figure": figure_records,
              "claim": claim_records}


def write_jsonl(records: Iterable[dict], out) -> int:
    n = 0
    for r in records:
        out.write(json.dumps(r, ensure_ascii=False) + "\n")
        n += 1
    return n


@contextlib.contextmanager
def atomic_output(path: Union[str, os.PathLike], encoding: str = "utf-8") -> Iterator[IO[str]]:
    """A text file written whole or not at all: written to a temporary file beside ``path`` and
    renamed over it only once complete, so a full disk or a crash never leaves half a file (nor
    spoils the previous one). Something that is not a regular file (``/dev/stdout``, a pipe) is
    written directly."""
    path = Path(path)
    try:
        info = path.stat()
    except FileNotFoundError:
        info = None
    if info is not None and not stat.S_ISREG(info.st_mode):
        with path.open("w", encoding=encoding) as out:
            yield out
        return
    try:
        fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    except OSError as e:            # (name the file asked for, not the temporary one)
        raise OSError(e.errno, e.strerror, str(path)) from e
    try:
        with os.fdopen(fd, "w", encoding=encoding) as out:
            yield out
            out.flush()
            os.fsync(out.fileno())
        # the permissions a new file would have had (mkstemp makes it private), or the old file's
        os.chmod(tmp, stat.S_IMODE(info.st_mode) if info is not None else 0o666 & ~_umask())
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def _umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask
