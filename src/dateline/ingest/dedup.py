"""Grouping syndicated and near-duplicate copies with MinHash LSH (datasketch).

Word 3-shingles, 128 permutations. Wire copies that were trimmed or retitled
keep most of their word trigrams, while different articles about the same story
share few: on the dev corpus, copies score 0.19–0.75 estimated Jaccard and
distinct articles at most 0.09, hence the 0.15 default. A group is named after
its earliest member (by date, then id) so group ids are stable as copies arrive.
Each article is compared only with those published up to a week before it: copies
follow within days, and at this low threshold same-story articles would otherwise
give a number of candidate pairs that grows with the square of the corpus.
"""
from __future__ import annotations

import datetime as dt
import re
from collections import deque
from typing import TYPE_CHECKING, Iterable, Optional

import numpy

if TYPE_CHECKING:
    from datasketch import MinHash


def _datasketch():
    # imported on first use: datasketch takes about a second to import, which every analysis worker
    # (``import dateline`` reaches this module through the ledger) would pay without needing it
    import datasketch

    return datasketch

NUM_PERM = 128
SHINGLE = 3
THRESHOLD = 0.15
SCHEME = "affine64"   # stored signatures must be read back with the scheme that made them
_WORD = re.compile(r"\w+")


_PERMUTATIONS: list = []


def _minhash(**kwargs) -> MinHash:
    """A MinHash of this module's scheme. Its permutations (a function of the seed, NUM_PERM and SCHEME) are
    drawn once per process and handed to every later one: drawing them took a third of a signature's time."""
    if not _PERMUTATIONS:
        _PERMUTATIONS.append(_datasketch().MinHash(num_perm=NUM_PERM, scheme=SCHEME).permutations)
    return _datasketch().MinHash(num_perm=NUM_PERM, scheme=SCHEME, permutations=_PERMUTATIONS[0], **kwargs)


def signature(text: str) -> MinHash:
    words = _WORD.findall(text.lower())
    m = _minhash()
    shingles = {" ".join(words[i:i + SHINGLE]) for i in range(max(1, len(words) - SHINGLE + 1))}
    m.update_batch([s.encode("utf-8") for s in shingles])
    return m


def to_bytes(m: MinHash) -> bytes:
    return m.hashvalues.astype(numpy.uint64).tobytes()


def from_bytes(data: bytes) -> MinHash:
    return _minhash(hashvalues=numpy.frombuffer(data, dtype=numpy.uint64).copy())


class DuplicateIndex:
    """Incremental near-duplicate grouping (union-find over LSH candidates)."""

    def __init__(self, threshold: float = THRESHOLD):
        self.threshold = threshold
        # candidate retrieval a little below the threshold; candidates are then verified
        self.lsh = _datasketch().MinHashLSH(threshold=max(0.05, threshold * 0.8), num_perm=NUM_PERM)
        self.sigs: dict[str, MinHash] = {}
        self.order: dict[str, tuple[dt.date, str]] = {}
        # the earliest member (by date, then id) names a group
        self.links = UnionFind(order=lambda r: self.order[r])
        self.kept: set[str] = set()         # forgotten by the index, still members of their group

    def add(self, doc_id: str, date: dt.date, sig: MinHash) -> None:
        """Add in (date, id) order so the earliest copy names its group; ids must be new."""
        if doc_id in self.sigs or doc_id in self.kept:
            raise ValueError(f"{doc_id} already indexed; rebuild the index for a new version")
        self.sigs[doc_id] = sig
        self.order[doc_id] = (date, doc_id)
        self.links.find(doc_id)
        for other in self.lsh.query(sig):
            if other != doc_id and sig.jaccard(self.sigs[other]) >= self.threshold:
                self.links.union(doc_id, other)
        self.lsh.insert(doc_id, sig)

    def forget(self, doc_id: str) -> None:
        """Stop comparing new documents with this one (its group is kept)."""
        if doc_id in self.sigs:
            self.lsh.remove(doc_id)
            del self.sigs[doc_id]
            self.kept.add(doc_id)

    def group_of(self, doc_id: str) -> Optional[str]:
        return self.links.find(doc_id) if doc_id in self.links.parent else None

    def groups(self) -> dict[str, str]:
        return {d: self.links.find(d) for d in [*self.kept, *self.sigs]}


# Copies of an article appear within days of it; comparing only within this window keeps the number of
# candidate pairs proportional to the corpus (at a low threshold, same-story articles share many buckets).
WINDOW_DAYS = 7


def build(items: Iterable[tuple[str, dt.date, MinHash]], threshold: float = THRESHOLD,
          window_days: int = WINDOW_DAYS) -> DuplicateIndex:
    """Group documents in date order, each compared with those published up to ``window_days`` before it."""
    index = DuplicateIndex(threshold)
    recent: deque = deque()
    for doc_id, date, sig in sorted(items, key=lambda t: (t[1], t[0])):
        while recent and (date - recent[0][1]).days > window_days:
            index.forget(recent.popleft()[0])
        index.add(doc_id, date, sig)
        recent.append((doc_id, date))
    return index


def links_of_new(new: dict[str, tuple[dt.date, MinHash]], nearby: dict[str, tuple[dt.date, MinHash]],
                 group_of: dict[str, str], threshold: float = THRESHOLD,
                 window_days: int = WINDOW_DAYS) -> list[set[str]]:
    """What the ``new`` documents join: sets of new documents, the earlier documents
    (``nearby``: every other one published within ``window_days`` of some new one) they are
    copies of, and those documents' groups (``group_of``: document -> its group's name),
    merged transitively. The pairs are those :func:`build` compares (candidates of the same
    LSH, published within the window, verified at ``threshold``), so joining these sets with
    the groups a full build gave the earlier documents gives the full build of all of them.
    Only sets of two or more are returned.
    """
    lsh = _datasketch().MinHashLSH(threshold=max(0.05, threshold * 0.8), num_perm=NUM_PERM)
    everything = {**nearby, **new}
    for doc_id, (_, sig) in everything.items():
        lsh.insert(doc_id, sig)
    links = UnionFind()
    for doc_id, (date, sig) in new.items():
        links.find(doc_id)
        for other in lsh.query(sig):
            other_date, other_sig = everything[other]
            if (other != doc_id and abs((date - other_date).days) <= window_days
                    and sig.jaccard(other_sig) >= threshold):
                links.union(doc_id, other)
                links.union(doc_id, group_of.get(other, other))
    return [set(members) for members in links.components().values() if len(members) > 1]


class UnionFind:
    """Components of a graph given edge by edge; a component is named after its smallest member
    (by ``order``, default the member itself)."""

    def __init__(self, order=None):
        self.parent: dict[str, str] = {}
        self.order = order or (lambda x: x)

    def find(self, x: str) -> str:
        self.parent.setdefault(x, x)
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: str, b: str) -> None:
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            first, second = sorted((ra, rb), key=self.order)
            self.parent[second] = first

    def components(self) -> dict[str, list[str]]:
        out: dict[str, list[str]] = {}
        for x in list(self.parent):
            out.setdefault(self.find(x), []).append(x)
        return out
