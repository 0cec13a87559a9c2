"""The library API: ``Ledger`` ties the stages together over one database.

    from dateline import Ledger
    ledger = Ledger("dateline.db")
    report = ledger.ingest(["articles/"])
    for f in ledger.figures(measure="killed"):
        print(f["value"], f["sentence"])

The CLI and the web layer are thin wrappers over this class.
"""
from __future__ import annotations

import datetime as dt
from collections import deque
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable, Iterator, Optional, Sequence, Union

from .ingest import dedup
from .ingest.document import DEFAULT_MAX_CHARS
from .ingest.errors import InputProblem
from .ingest.sources import first_of_each_id, read_inputs
from .records import Document
from .store.search_limits import DEFAULT_BUDGET
from .store.sqlite import Store

PathLike = Union[str, Path]


@dataclass
class IngestReport:
    added: int = 0
    updated: int = 0
    unchanged: int = 0
    problems: list[InputProblem] = field(default_factory=list)

    @property
    def errors(self) -> list[InputProblem]:
        return [p for p in self.problems if p.level == "error"]

    @property
    def warnings(self) -> list[InputProblem]:
        return [p for p in self.problems if p.level != "error"]

    @property
    def ok(self) -> bool:
        return not self.errors


def _warm_for_storing():
    """Start a thread that imports and builds what storing and consolidating use (datasketch and
    its permutations, the gazetteer, the consolidation modules); join it before using them.
    Only caches are filled: the results are the same with or without it."""
    import threading

    def warm() -> None:
        try:
            from .analyze.lexicon.gazetteer import gazetteer
            from .consolidate import aliases, series  # noqa: F401

            dedup.signature("")
            gazetteer()
        except Exception:   # noqa: BLE001 - whatever failed here fails again where it is used, and is reported there
            pass

    thread = threading.Thread(target=warm, name="dateline-warm", daemon=True)
    thread.start()
    return thread


class Ledger:
    def __init__(self, db: PathLike = "dateline.db", read_only: bool = False):
        self.store = Store(db, read_only=read_only)

    def close(self) -> None:
        self.store.close()

    def __enter__(self) -> "Ledger":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    # --- ingest --------------------------------------------------------------
    def ingest(self, paths: Sequence[PathLike], default_date: Optional[dt.date] = None,
               max_chars: int = DEFAULT_MAX_CHARS, batch_size: int = 64, workers: int = 1,
               cache_size: int = 4096, on_progress: Optional[Callable[[int, int], None]] = None) -> IngestReport:
        """Read, analyse and store articles. Each batch of ``batch_size`` articles commits as one transaction.

        ``on_progress(done, failed)`` is called after every batch. ``cache_size`` bounds the
        per-process cache of parsed sentences (repeated sentences of syndicated copies are parsed
        once); 0 turns off every reuse of parses. Results are the same either way.
        """
        from .analyze.pipeline import Analyzer

        report = IngestReport()
        run = self.store.start_run([str(p) for p in paths])
        batch: list[Document] = []
        in_flight: deque = deque()                # analyses under way; the oldest is stored first

        def store_oldest() -> None:
            docs, pending = in_flight.popleft()
            analyses = pending.get()
            sigs = {d.id: dedup.to_bytes(dedup.signature(d.text)) for d in docs}
            with self.store.transaction():
                added, updated = self.store.write_analyses(analyses, sigs)
            report.added += added
            report.updated += updated
            if on_progress:
                on_progress(report.added + report.updated + report.unchanged, len(report.errors))

        def submit(last: bool = False) -> None:
            known = self.store.document_hashes([d.id for d in batch])
            fresh = [d for d in batch if known.get(d.id) != d.content_hash]
            report.unchanged += len(batch) - len(fresh)
            batch.clear()
            if fresh:
                in_flight.append((fresh, analyzer.submit(fresh, last=last)))
            # keep one batch analysing while the previous one is written
            while len(in_flight) > 1:
                store_oldest()

        # while the workers' fork server loads spaCy (seconds on one core), the other core readies
        # what this process needs later, instead of paying it between batches or in the serial end
        warming = _warm_for_storing() if workers > 1 else None
        with Analyzer(workers=workers, cache_size=cache_size) as analyzer:
            if warming is not None:
                warming.join()
            for item in first_of_each_id(read_inputs(paths, default_date=default_date, max_chars=max_chars)):
                if isinstance(item, InputProblem):
                    report.problems.append(item)
                    continue
                batch.append(item)
                if len(batch) >= batch_size:
                    submit()
            submit(last=True)
            while in_flight:
                store_oldest()
        # also when an earlier run stored articles but died before consolidating them
        if report.added or report.updated or self.store.get_state("needs_consolidation") == "1":
            self.consolidate()
        self.store.finish_run(run, report.added, report.updated, report.unchanged, len(report.errors))
        return report

    def consolidate(self) -> None:
        """Cross-article steps: duplicate groups, canonical entities, series descriptions of new figures."""
        from .consolidate import aliases
        from .consolidate.series import describe_documents

        self._date_old_sentences()
        pending = self.store.unconsolidated()
        incremental = self.store.get_state("dup_groups") == "complete" and all(pending.values())
        groups = self._extend_dup_groups(list(pending)) if incremental else self._all_dup_groups()
        with self.store.transaction():
            self.store.set_dup_groups(groups)
            self.store.set_state("dup_groups", "complete")
        # the distinct names, and each article's person names, pass through Python; the mentions stay in SQLite
        found = aliases.Consolidation(self.store.mention_forms())
        found.add_documents(self.store.forms_by_doc(found.person_forms()))
        entities, by_form, by_doc = found.finish()
        with self.store.transaction():
            rows = self.store.replace_entities(entities, by_form, by_doc)
            sources = aliases.source_entities(self.store.figure_sources(), rows)
            self.store.set_figure_source_entities(sources)
            counts = {r["id"]: r["mentions"] for r in rows}
            self.store.replace_places_within(aliases.places_within(self.store.adjacent_places(), counts))
        # series descriptions of the new articles' figures (and of those a change of places touches)
        describe_documents(self.store, list(pending))
        # only now are these articles done with: a consolidation cut short redoes them (each step above
        # gives the same result when repeated)
        with self.store.transaction():
            self.store.clear_unconsolidated(pending)
            if not self.store.unconsolidated():
                self.store.set_state("needs_consolidation", "0")

    def _all_dup_groups(self) -> dict[str, Optional[str]]:
        """Every article's duplicate group, from all stored signatures (singletons get none, so
        "dup_group IS NOT NULL" means "has copies")."""
        index = dedup.build((doc_id, date, dedup.from_bytes(sig)) for doc_id, date, sig in self.store.signatures())
        groups = index.groups()
        sizes: dict[str, int] = {}
        for g in groups.values():
            sizes[g] = sizes.get(g, 0) + 1
        return {d: (g if sizes[g] > 1 else None) for d, g in groups.items()}

    def _extend_dup_groups(self, new_ids: list[str]) -> dict[str, Optional[str]]:
        """The groups that change when articles with new ids arrive: only articles published within
        the comparison window of a new one are read, and the groups they already belong to are
        joined (the same groups a full rebuild gives; tested)."""
        new = {doc_id: (date, dedup.from_bytes(sig)) for doc_id, date, sig in self.store.signatures(new_ids)}
        if not new:
            return {}
        window = dt.timedelta(days=dedup.WINDOW_DAYS)
        nearby, group_of = {}, {}
        for doc_id, date, sig, group in self.store.signatures_between(min(d for d, _ in new.values()) - window,
                                                                       max(d for d, _ in new.values()) + window):
            if doc_id not in new:
                nearby[doc_id] = (date, dedup.from_bytes(sig))
                if group:
                    group_of[doc_id] = group
        changed: dict[str, Optional[str]] = {}
        for linked in dedup.links_of_new(new, nearby, group_of):
            members = self.store.group_members(linked)
            # the earliest member names the group, as in a full build
            name = min(members, key=lambda d: (members[d][0], d))
            changed.update({d: name for d in members})
        # a new article that copies none has no group (even if its input named one)
        changed.update({d: None for d in new if d not in changed})
        return changed

    def _date_old_sentences(self, batch: int = 500) -> None:
        """Articles stored by a dateline before sentences were dated at analysis get theirs now (once),
        and sentences stored before they were indexed by day are indexed."""
        from .analyze import dating

        pending = self.store.documents_without_sentences()
        for i in range(0, len(pending), batch):
            with self.store.transaction():
                for document in self.store.documents(pending[i:i + batch]):
                    self.store.write_sentences(dating.of_document(document, self.store.times_of(document.id)),
                                               document.text)
        if self.store.get_state("sentence_days") != "complete":
            # stored before sentences were indexed by day (schema < 6): index them from their stored dates
            pending = self.store.documents_without_sentence_days()
            for i in range(0, len(pending), batch):
                with self.store.transaction():
                    for document in self.store.documents(pending[i:i + batch]):
                        self.store.write_sentences(self.store.dated_sentences_of(document.id), document.text)
            with self.store.transaction():
                self.store.set_state("sentence_days", "complete")

    # --- reading -------------------------------------------------------------
    def document(self, doc_id: str) -> Optional[Document]:
        return self.store.document(doc_id)

    def documents(self) -> Iterator[Document]:
        return self.store.documents()

    def figures(self, measure: Optional[str] = None, doc: Optional[str] = None, scope: Optional[str] = None,
                since: Optional[dt.date] = None, until: Optional[dt.date] = None) -> list[dict]:
        return self.store.figures(measure=measure, doc=doc, scope=scope, since=since, until=until)

    def claims(self, speaker: Optional[str] = None, doc: Optional[str] = None, since: Optional[dt.date] = None,
               until: Optional[dt.date] = None) -> list[dict]:
        """Attributed claims; ``since``/``until``: published on those days or between them."""
        return self.store.claims(speaker=speaker, doc=doc, since=since, until=until)

    def entities(self, kind: Optional[str] = None, name: Optional[str] = None, limit: int = 0) -> list[dict]:
        return self.store.entities(kind=kind, name=name, limit=limit)

    def items(self, doc_id: str) -> dict[str, list[dict]]:
        return self.store.items_of(doc_id)

    def search(self, query: str, limit: int = 20, budget: Optional[float] = DEFAULT_BUDGET) -> list[dict]:
        """Full-text search, best matches first. A query over the term limits is refused
        (:class:`~dateline.store.search_limits.TooManyTerms`); one still running after ``budget`` seconds
        (None: no limit) is stopped (:class:`~dateline.store.search_limits.SearchTooCostly`)."""
        return self.store.search(query, limit=limit, budget=budget)

    def series(self, measure: Optional[str] = None) -> list:
        """Figure series (cumulative tolls by measure, place, category and source), largest first."""
        from .consolidate.series import build_series

        return build_series(self.store, measure=measure)

    def check(self, config=None) -> list:
        """Alerts over the series: stale, regression, conflict, revision, date mismatch."""
        from .synthesize.alerts import check

        return check(self.series(), config)

    def explain(self, figure_id: str):
        """Why a stored figure is what it is: its rules, its series, its alerts or why none (FigureExplanation),
        or None when there is no such figure."""
        from .synthesize.explain import explain_figure

        return explain_figure(self.store, figure_id)

    def timeline(self, n_dates: Optional[int] = None, k_sentences: int = 1, date_from: Optional[dt.date] = None,
                 date_to: Optional[dt.date] = None, query: Optional[str] = None) -> list:
        """The story's key dates, each with the sentences that best say what happened (cited)."""
        from .synthesize.timeline import timeline_from_store

        return timeline_from_store(self.store, n_dates=n_dates, k_sentences=k_sentences, date_from=date_from,
                                   date_to=date_to, query=query)

    def brief(self, since: dt.date, until: Optional[dt.date] = None):
        """What changed since a day: figure changes, alerts, events and claims (see synthesize.brief)."""
        from .synthesize.brief import build_brief

        return build_brief(self.store, since, until)

    def export(self, kinds: Optional[Iterable[str]] = None) -> Iterator[dict]:
        from .serve.export import export_records

        return export_records(self.store, kinds)
