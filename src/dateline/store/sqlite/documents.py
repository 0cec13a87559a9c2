"""Articles, their versions and extractions as written, duplicate groups, state flags and runs."""
from __future__ import annotations

import datetime as dt
import json
from typing import Iterable, Iterator, Optional, Sequence

from ...records import Analysis, DatedSentence, Document, Span, TimeExpr
from .common import _chunks, _date, _document, _iso, _now


class Documents:
    """Part of :class:`dateline.store.sqlite.Store`: writing articles with their extractions, reading them back."""

    # --- documents ------------------------------------------------------------
    def get_state(self, key: str, default: Optional[str] = None) -> Optional[str]:
        row = self.db.execute("SELECT value FROM state WHERE key=?", (key,)).fetchone()
        return row[0] if row else default

    def set_state(self, key: str, value: str) -> None:
        self.db.execute("INSERT INTO state(key, value) VALUES (?, ?)"
                        " ON CONFLICT(key) DO UPDATE SET value=excluded.value",
                        (key, value))

    def document_hashes(self, ids: Sequence[str]) -> dict[str, str]:
        out: dict[str, str] = {}
        for chunk in _chunks(list(ids), 500):
            q = f"SELECT id, hash FROM documents WHERE id IN ({','.join('?' * len(chunk))})"
            out.update({r["id"]: r["hash"] for r in self.db.execute(q, chunk)})
        return out

    def write_analyses(self, analyses: Iterable[Analysis], signatures: dict[str, bytes]) -> tuple[int, int]:
        """Store documents with all their extractions, replacing earlier versions. Call inside a transaction.

        Returns ``(added, updated)``.
        """
        added = updated = 0
        for a in analyses:
            d = a.doc
            old = self.db.execute("SELECT * FROM documents WHERE id=?", (d.id,)).fetchone()
            version = 1
            if old is not None:
                if old["hash"] == d.content_hash:
                    continue
                version = old["version"] + 1
                self.db.execute(
                    "INSERT OR REPLACE INTO document_versions(id, version, hash, date, url, title, text, replaced_at)"
                    " VALUES (?,?,?,?,?,?,?,?)",
                    (old["id"], old["version"], old["hash"], old["date"], old["url"], old["title"], old["text"],
                     _now()))
                self.db.execute("DELETE FROM documents WHERE id=?", (d.id,))   # cascades to extractions
                updated += 1
            else:
                added += 1
            self.set_state("needs_consolidation", "1")
            # the first write since the last consolidation says whether the id is new to it
            self.db.execute("INSERT INTO unconsolidated(doc, new) VALUES (?, ?) ON CONFLICT(doc) DO NOTHING",
                            (d.id, int(old is None)))
            self.db.execute(
                "INSERT INTO documents(id, version, hash, date, url, title, origin, text, dup_group, minhash,"
                " ingested_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
                (d.id, version, d.content_hash, d.date.isoformat(), d.url, d.title, d.origin, d.text,
                 d.dup_group, signatures.get(d.id), _now()))
            self._insert_items(a)
        return added, updated

    def _insert_items(self, a: Analysis) -> None:
        db = self.db
        self.write_sentences(a.sentences, a.doc.text)
        db.executemany('INSERT OR IGNORE INTO mentions(doc, start, "end", text, label, kind, entity, alias_of)'
                       ' VALUES (?,?,?,?,?,?,?,?)',
                       [(m.span.doc, m.span.start, m.span.end, m.text, m.label, m.kind, m.canonical, m.alias_of)
                        for m in a.mentions])
        db.executemany('INSERT OR IGNORE INTO times(doc, start, "end", text, type, value, date, since)'
                       ' VALUES (?,?,?,?,?,?,?,?)',
                       [(t.span.doc, t.span.start, t.span.end, t.text, t.type, t.value, _iso(t.date), int(t.since))
                        for t in a.times])
        db.executemany(
            'INSERT OR REPLACE INTO figures(id, doc, start, "end", sent_start, sent_end, value, value_max, qualifier,'
            ' measure, grp, parent, source, source_entity, as_of, scope, place, place_within, revised, breakdown,'
            ' place_inferred, rules) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)',
            [(f.id, f.span.doc, f.span.start, f.span.end, f.sentence.start, f.sentence.end, f.value, f.value_max,
              f.qualifier, f.measure, f.group, f.parent, f.source, f.source_entity, _iso(f.as_of), f.scope,
              f.place, f.place_within, int(f.revised), f.breakdown, int(f.place_inferred),
              json.dumps(a.rules[f.id]) if a.rules.get(f.id) else None)
             for f in a.figures])
        db.executemany(
            'INSERT OR REPLACE INTO claims(id, doc, start, "end", content_start, content_end, mode, speaker,'
            ' speaker_start, speaker_end, speaker_entity, cue, cue_start, cue_end)'
            ' VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)',
            [(c.id, c.span.doc, c.span.start, c.span.end, c.content.start, c.content.end, c.mode, c.speaker,
              c.speaker_span.start if c.speaker_span else None, c.speaker_span.end if c.speaker_span else None,
              c.speaker_entity, c.cue, c.cue_span.start if c.cue_span else None,
              c.cue_span.end if c.cue_span else None)
             for c in a.claims])

    def write_sentences(self, sentences: Iterable[DatedSentence], text: str) -> None:
        """An article's dated sentences (``text``: the article's text), and the days each names."""
        from ...analyze.dating import headed_by_date

        sentences = list(sentences)
        self.db.executemany(
            'INSERT OR REPLACE INTO sentences(doc, position, start, "end", dates, calendar) VALUES (?,?,?,?,?,?)',
            [(s.span.doc, s.position, s.span.start, s.span.end, " ".join(d.isoformat() for d in s.dates) or None,
              " ".join(d.isoformat() for d in s.calendar_dates) or None) for s in sentences])
        self.db.executemany(
            "INSERT OR REPLACE INTO sentence_days(day, doc, position, calendar, headed) VALUES (?,?,?,?,?)",
            [(d.isoformat(), s.span.doc, s.position, int(d in s.calendar_dates),
              int(bool(s.calendar_dates) and headed_by_date(text[s.span.start:s.span.end])))
             for s in sentences for d in s.dates])

    def documents_without_sentence_days(self) -> list[str]:
        """Ids of articles whose dated sentences are stored but not indexed by day (schema < 6)."""
        return [r[0] for r in self.db.execute(
            "SELECT DISTINCT s.doc FROM sentences s WHERE s.dates IS NOT NULL AND NOT EXISTS"
            " (SELECT 1 FROM sentence_days x WHERE x.doc = s.doc)")]

    def dated_sentences_of(self, doc_id: str) -> list[DatedSentence]:
        def days(v: Optional[str]) -> tuple[dt.date, ...]:
            return tuple(dt.date.fromisoformat(x) for x in v.split()) if v else ()

        return [DatedSentence(Span(doc_id, r[1], r[2]), r[0], days(r[3]), days(r[4])) for r in self.db.execute(
            'SELECT position, start, "end", dates, calendar FROM sentences WHERE doc = ? ORDER BY position',
            (doc_id,))]

    def documents_without_sentences(self) -> list[str]:
        """Ids of articles stored before sentences were dated at analysis (schema < 5)."""
        return [r[0] for r in self.db.execute("SELECT id FROM documents d WHERE NOT EXISTS"
                                              " (SELECT 1 FROM sentences s WHERE s.doc = d.id) AND length(d.text) > 0")]

    def times_of(self, doc_id: str) -> list[TimeExpr]:
        return [TimeExpr(Span(doc_id, t["start"], t["end"]), t["text"], t["type"], t["value"], _date(t["date"]),
                         bool(t["since"]))
                for t in self.db.execute('SELECT * FROM times WHERE doc = ? ORDER BY start', (doc_id,))]

    def signatures(self, ids: Optional[Sequence[str]] = None) -> Iterator[tuple[str, dt.date, bytes]]:
        """``(id, date, minhash)`` of every article, or of ``ids``."""
        if ids is None:
            rows = self.db.execute("SELECT id, date, minhash FROM documents WHERE minhash IS NOT NULL")
        else:
            rows = (r for chunk in _chunks(list(ids), 500) for r in self.db.execute(
                f"SELECT id, date, minhash FROM documents WHERE minhash IS NOT NULL"
                f" AND id IN ({','.join('?' * len(chunk))})", chunk))
        for r in rows:
            yield r["id"], _date(r["date"]), r["minhash"]

    def unconsolidated(self) -> dict[str, bool]:
        """Articles written since the last consolidation -> whether their id is new to it."""
        return {r[0]: bool(r[1]) for r in self.db.execute("SELECT doc, new FROM unconsolidated")}

    def clear_unconsolidated(self, docs: Optional[Iterable[str]] = None) -> None:
        """Forget these articles (all when None) as written since the last consolidation."""
        if docs is None:
            self.db.execute("DELETE FROM unconsolidated")
            return
        for chunk in _chunks(list(docs), 500):
            self.db.execute(f"DELETE FROM unconsolidated WHERE doc IN ({','.join('?' * len(chunk))})", chunk)

    def signatures_between(self, first: dt.date, last: dt.date) -> Iterator[tuple[str, dt.date, bytes, Optional[str]]]:
        """Signatures of the articles published from ``first`` to ``last``, with their stored groups."""
        for r in self.db.execute("SELECT id, date, minhash, dup_group FROM documents WHERE minhash IS NOT NULL"
                                 " AND date BETWEEN ? AND ?", (first.isoformat(), last.isoformat())):
            yield r["id"], _date(r["date"]), r["minhash"], r["dup_group"]

    def group_members(self, docs: Iterable[str]) -> dict[str, tuple[dt.date, Optional[str]]]:
        """``docs`` and every member of their duplicate groups -> (publication date, stored group)."""
        self._temp_values("wanted_docs", ["id"], ((d,) for d in docs))
        rows = self.db.execute(
            # columns qualified: an unqualified "id" would silently mean the outer table's
            "SELECT id, date, dup_group FROM documents WHERE id IN (SELECT w.id FROM temp.wanted_docs w)"
            " OR dup_group IN (SELECT dup_group FROM documents WHERE id IN (SELECT w.id FROM temp.wanted_docs w)"
            " AND dup_group IS NOT NULL)")
        return {r["id"]: (_date(r["date"]), r["dup_group"]) for r in rows}

    def set_dup_groups(self, groups: dict[str, Optional[str]]) -> int:
        """Store group ids (call inside a transaction); returns how many changed."""
        current = {r["id"]: r["dup_group"] for r in self.db.execute("SELECT id, dup_group FROM documents")}
        changes = [(g, d) for d, g in groups.items() if d in current and current[d] != g]
        self.db.executemany("UPDATE documents SET dup_group=? WHERE id=?", changes)
        return len(changes)

    def document(self, doc_id: str) -> Optional[Document]:
        r = self.db.execute("SELECT * FROM documents WHERE id=?", (doc_id,)).fetchone()
        return _document(r) if r else None

    def documents(self, ids: Optional[Sequence[str]] = None) -> Iterator[Document]:
        if ids is None:
            rows = self.db.execute("SELECT * FROM documents ORDER BY date, id")
        else:
            rows = (r for chunk in _chunks(list(ids), 500) for r in self.db.execute(
                f"SELECT * FROM documents WHERE id IN ({','.join('?' * len(chunk))}) ORDER BY date, id", chunk))
        for r in rows:
            yield _document(r)

    def count(self, table: str) -> int:
        if table not in ("documents", "mentions", "entities", "times", "figures", "claims", "document_versions"):
            raise ValueError(table)
        return self.db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]

    def start_run(self, inputs: Sequence[str]) -> int:
        cur = self.db.execute("INSERT INTO runs(started_at, inputs) VALUES (?, ?)", (_now(), json.dumps(list(inputs))))
        return cur.lastrowid

    def finish_run(self, run_id: int, added: int, updated: int, unchanged: int, failed: int) -> None:
        self.db.execute("UPDATE runs SET finished_at=?, added=?, updated=?, unchanged=?, failed=? WHERE id=?",
                        (_now(), added, updated, unchanged, failed, run_id))
