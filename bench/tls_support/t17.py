"""Timeline17 as the standard protocol (news-tls / tilse) uses it.

Layout (see ../shared/benchmarks/tls/README.md): ``t17-raw/<Topic>_<source>/InputDocs/<YYYY-MM-DD>/<id>.htm.txt``
(tokenised text, about one sentence a line; the folder's date is the publication date) and
``timelines/*.txt`` (gold: a ``YYYY-MM-DD`` line, its sentences, a line of dashes).

Topics merge the sources of one story (``bpoil`` <- ``bpoil_*`` ...); one task per gold
timeline (19), whose input is every article of its topic.
"""
from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

TOPIC_PREFIXES = {"bpoil": "bpoil_", "egypt": "EgyptianProtest_", "finan": "Finan_", "h1n1": "H1N1_",
                  "haiti": "haiti_", "iraq": "IraqWar_", "libya": "LibyaWar_", "mj": "MJ_", "syria": "SyrianCrisis_"}
# The topic queries CHRONOS published for Timeline17 (benchmarks/tls/open-tls-chronos/queries.json).
TOPIC_QUERIES = {"bpoil": "bp oil spill", "egypt": "egyptian crisis", "finan": "financial economic crisis",
                 "h1n1": "h1n1 swine flu", "haiti": "haiti earthquake", "iraq": "iraq war", "libya": "libyan crisis",
                 "mj": "michael jackson death", "syria": "syrian crisis"}
_DATE_LINE = re.compile(r"^(\d{4})-(\d\d)-(\d\d)\b")


@dataclass
class Article:
    id: str
    published: dt.date
    path: Path

    def text(self) -> str:
        return self.path.read_text(encoding="utf-8", errors="replace")


@dataclass
class Task:
    topic: str
    name: str                                   # <source folder>/<timeline file stem>
    gold: dict[dt.date, list[str]]

    @property
    def start(self) -> dt.date:
        return min(self.gold)

    @property
    def end(self) -> dt.date:
        return max(self.gold)

    @property
    def n_dates(self) -> int:
        return len(self.gold)

    @property
    def k_sentences(self) -> int:
        """news-tls' get_average_summary_length: Python's round of the mean sentences per date."""
        return round(sum(len(v) for v in self.gold.values()) / len(self.gold))


def topic_folders(root: Path, topic: str) -> list[Path]:
    return sorted(p for p in root.iterdir() if p.is_dir() and p.name.startswith(TOPIC_PREFIXES[topic]))


def articles(root: Path, topic: str) -> list[Article]:
    out = []
    for folder in topic_folders(root, topic):
        for day_dir in sorted((folder / "InputDocs").iterdir()):
            published = dt.date.fromisoformat(day_dir.name)
            for f in sorted(day_dir.iterdir()):
                out.append(Article(id=f"{folder.name}/{day_dir.name}/{f.name}", published=published, path=f))
    return out


def read_timeline(path: Path) -> dict[dt.date, list[str]]:
    """Gold sentences by date; a repeated date's sentences are merged, an entry without a date is skipped."""
    gold: dict[dt.date, list[str]] = {}
    current = None
    for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
        line = line.strip()
        if not line:
            continue
        if line.startswith("-----"):
            current = None
            continue
        m = _DATE_LINE.match(line)
        if m and current is None:
            current = dt.date(int(m[1]), int(m[2]), int(m[3]))
            gold.setdefault(current, [])
            continue
        if current is not None:
            gold[current].append(line)
    return {d: s for d, s in gold.items() if s}


def tasks(root: Path) -> Iterator[Task]:
    for topic in TOPIC_PREFIXES:
        for folder in topic_folders(root, topic):
            for f in sorted((folder / "timelines").glob("*.txt")):
                yield Task(topic=topic, name=f"{folder.name}/{f.stem}", gold=read_timeline(f))
