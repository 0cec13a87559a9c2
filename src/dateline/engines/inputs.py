"""Inputs given as local paths or fsspec URLs (s3://, gs://, https://, memory://, ...).

Local paths go straight to :func:`dateline.ingest.sources.read_inputs`. A URL is
expanded (a folder is walked, a glob matched), each file copied to a temporary
file and read by the same readers, so validation and problem messages are the
same; origins and problems name the URL, not the temporary copy.
"""
from __future__ import annotations

import dataclasses
import tempfile
from pathlib import Path, PurePosixPath
from typing import Iterable, Iterator, Union

from ..ingest.errors import InputProblem
from ..ingest.sources import NOT_ARTICLES, Item, read_file, read_inputs
from ..records import Document


def is_url(source: Union[str, Path]) -> bool:
    s = str(source)
    return "://" in s and not s.startswith("file://")


def read_sources(sources: Iterable[Union[str, Path]], **opts) -> Iterator[Item]:
    """Documents and problems from every source, in order."""
    for source in sources:
        if is_url(source):
            yield from _read_url(str(source), **opts)
        else:
            yield from read_inputs([str(source).removeprefix("file://")], **opts)


def remote_files(url: str) -> list[str]:
    """The files a URL names: itself, the files under a folder (hidden ones skipped) or a glob's matches."""
    import fsspec

    fs, root = fsspec.core.url_to_fs(url)
    if any(c in root for c in "*?["):
        found = fs.glob(root)
    elif fs.isdir(root):
        found = fs.find(root)
    else:
        return [fs.unstrip_protocol(root)]
    keep = []
    for path in sorted(found):
        rel = PurePosixPath(path).relative_to(PurePosixPath(root)) if path.startswith(root) else PurePosixPath(path)
        if any(part.startswith(".") or part == "__pycache__" for part in rel.parts):
            continue
        if PurePosixPath(path).suffix.lower() in NOT_ARTICLES or fs.isdir(path):
            continue
        keep.append(fs.unstrip_protocol(path))
    return keep


def _read_url(url: str, **opts) -> Iterator[Item]:
    import fsspec

    try:
        files = remote_files(url)
    except (OSError, ValueError, ImportError) as e:
        yield InputProblem(url, None, f"cannot list: {e}")
        return
    if not files:
        yield InputProblem(url, None, "no files found")
        return
    for remote in files:
        with tempfile.TemporaryDirectory(prefix="dateline-") as tmp:
            local = Path(tmp) / PurePosixPath(remote.split("://", 1)[-1]).name
            try:
                with fsspec.open(remote, "rb") as src, local.open("wb") as dst:
                    while chunk := src.read(1 << 20):
                        dst.write(chunk)
            except (OSError, ValueError) as e:
                yield InputProblem(remote, None, f"cannot read: {e}")
                continue
            for item in read_file(local, **opts):
                yield _renamed(item, str(local), remote)


def _renamed(item: Item, local: str, remote: str) -> Item:
    if isinstance(item, Document):
        if item.origin:
            item.origin = item.origin.replace(local, remote)
        return item
    return dataclasses.replace(item, path=item.path.replace(local, remote))
