""""What changed since D": a briefing of new and changed figures, new claims and new events.

Everything in it is read from the ledger and cited: a figure line cites the new
figure and the one it changes (the latest figure of the same series published
before the briefing's start), a claim line its content, an event line its
sentence. "New" means published in ``(since, until]``.
"""
from __future__ import annotations

import datetime as dt
import html
import json
from collections import defaultdict
from dataclasses import dataclass, field
from typing import Optional

from ..consolidate.series import Point, Series, build_series
from ..format import number, qualified
from ..store.sqlite import Store
from .alerts import Alert, check

UNATTRIBUTED = "unattributed"
MAIN_MEASURES = ("killed", "wounded", "missing", "hostages", "displaced", "evacuated", "aid_trucks")


@dataclass
class FigureChange:
    series: Series
    new: Point
    previous: Optional[Point]

    @property
    def delta(self) -> Optional[float]:
        return None if self.previous is None else self.new.value - self.previous.value


@dataclass
class Brief:
    since: dt.date
    until: dt.date
    articles: int
    figures: list[FigureChange] = field(default_factory=list)
    claims: dict[str, list[dict]] = field(default_factory=dict)      # speaker -> claims
    events: list = field(default_factory=list)                       # TimelineEntry
    alerts: list[Alert] = field(default_factory=list)


def build_brief(store: Store, since: dt.date, until: Optional[dt.date] = None,
                max_events: int = 12) -> Brief:
    until = until or dt.date.max
    in_window = lambda d: since < d <= until  # noqa: E731
    articles = sum(1 for d in store.publication_dates() if in_window(d))
    brief = Brief(since=since, until=until if until != dt.date.max else _last_date(store), articles=articles)

    all_series = build_series(store)
    alerts = check(all_series)
    # a briefing reports the current figure, not one the alerts show to be old or doubtful
    doubtful = {a.point.figure for a in alerts if a.type in ("stale", "regression", "date_mismatch")}
    for s in all_series:
        new = [p for p in s.points if in_window(p.doc_date) and p.figure not in doubtful]
        if not new:
            continue
        latest = max(new, key=lambda p: (p.as_of, p.doc_date, p.value))
        # figures that name no place ("two people were killed") are separate incidents, not one
        # toll: a difference between two of them would mean nothing
        before = [p for p in s.points if p.doc_date <= since] if s.place else []
        previous = max(before, key=lambda p: (p.as_of, p.doc_date, p.value)) if before else None
        brief.figures.append(FigureChange(s, latest, previous))
    brief.figures.sort(key=lambda c: (c.series.measure not in MAIN_MEASURES, MAIN_MEASURES.index(c.series.measure)
                                      if c.series.measure in MAIN_MEASURES else 99, -len(c.series.points)))

    grouped: dict[str, list[dict]] = defaultdict(list)
    named: set[str] = set()
    said: set[tuple[str, tuple[str, str]]] = set()
    for c in store.claims():
        if in_window(dt.date.fromisoformat(c["doc_date"])):
            speaker = c["entity_name"] or c["speaker"] or UNATTRIBUTED
            # a headline repeated in its article, a wire copy: the same words from the same speaker once
            # ("denied" and then "confirmed" the same words are two statements)
            words = (" ".join(c["content"].casefold().split()), (c["cue"] or "").casefold())
            if (speaker, words) in said:
                continue
            said.add((speaker, words))
            grouped[speaker].append(c)
            if c["entity_name"]:
                named.add(c["entity_name"])
    # speakers the ledger knows as entities first; then descriptions it could not resolve ("the
    # statement", "a spokesperson for the hospital"); claims without a speaker last
    brief.claims = dict(sorted(grouped.items(), key=lambda kv: (kv[0] == UNATTRIBUTED, kv[0] not in named,
                                                                -len(kv[1]), kv[0])))

    brief.alerts = [a for a in alerts if in_window(a.point.doc_date)]
    from .timeline import timeline_from_store

    entries = timeline_from_store(store, n_dates=max_events, date_from=since + dt.timedelta(days=1),
                                  date_to=None if until == dt.date.max else until)
    brief.events = [e for e in entries if in_window(e.date)]
    return brief


def _last_date(store: Store) -> dt.date:
    last = store.last_publication_date()
    return dt.date.fromisoformat(last) if last else dt.date.today()


def _value(p: Point) -> str:
    return qualified(p.value, p.qualifier, p.value_max)


def claim_line(speaker: str, c: dict) -> str:
    """``cue: “content”``, led by the speaker as written when the group's name is another
    ("an Israeli government statement" under "Israeli")."""
    written = (c.get("speaker") or "").strip()
    lead = written if written and _bare(written) != _bare(speaker) else ""
    cue = " ".join(x for x in (lead, c.get("cue") or "") if x)
    return f"{cue}: “{c['content']}”" if cue else f"“{c['content']}”"


def _bare(name: str) -> str:
    name = name.casefold()
    return name[4:] if name.startswith("the ") else name


def _cite(doc: str, start: int, end: int) -> str:
    return f"[{doc} {start}-{end}]"


def figure_line(c: FigureChange) -> str:
    s, p = c.series, c.new
    head = f"{s.measure} · {s.place or 'unknown place'} · {s.category} ({s.label}): {_value(p)} as of {p.as_of}"
    if not s.place:
        change = "no place named: not compared with earlier figures"
    elif c.previous is None:
        change = "new series"
    else:
        sign = "+" if c.delta >= 0 else "−"
        change = (f"{sign}{number(abs(c.delta))} from {_value(c.previous)} as of {c.previous.as_of} "
                  f"{_cite(c.previous.doc, c.previous.start, c.previous.end)}")
    return f"{head} {_cite(p.doc, p.start, p.end)}; {change}"


_MD_HTML = str.maketrans({"&": "&amp;", "<": "&lt;", ">": "&gt;"})


def _md(text: str) -> str:
    """Article text as Markdown text, never markup: HTML (``<script>``) and inline links or images
    (``[x](javascript:…)``) from an article are shown as written, not rendered."""
    return text.translate(_MD_HTML).replace("](", "]\\(")


def period(b: Brief) -> str:
    """What the briefing covers, in one sentence (a day on or after the ledger's last says so)."""
    first = (b.since + dt.timedelta(days=1)).isoformat()
    if b.until < b.since + dt.timedelta(days=1):
        return f"The ledger ends on {b.until.isoformat()}, before {first}: nothing in it was published after " \
               f"{b.since.isoformat()}."
    return f"{b.articles} articles published from {first} to {b.until.isoformat()}."


def to_markdown(b: Brief) -> str:
    out = [f"# What changed since {b.since.isoformat()}", "", period(b), ""]
    out += ["## Figures", ""] + ([f"- {_md(figure_line(c))}" for c in b.figures] or ["- no new figures"]) + [""]
    if b.alerts:
        out += ["## Alerts", ""] + [f"- **{a.type}**: {_md(a.explanation)}" for a in b.alerts] + [""]
    out += ["## Events", ""]
    out += [f"- {e.date.isoformat()}: {_md(e.text)} {_cite(e.evidence[0].doc, e.evidence[0].start, e.evidence[0].end)}"
            for e in b.events] or ["- no new events"]
    out += ["", "## Claims by speaker", ""]
    if not b.claims:
        out.append("- no new claims")
    for speaker, claims in b.claims.items():
        out.append(f"### {_md(speaker)}")
        for c in claims:
            out.append(f"- {_md(claim_line(speaker, c))} {_cite(c['doc'], c['content_start'], c['content_end'])}")
        out.append("")
    return "\n".join(out).rstrip() + "\n"


def to_json_lines(b: Brief) -> str:
    lines = [{"kind": "brief", "since": b.since.isoformat(), "until": b.until.isoformat(), "articles": b.articles}]
    for c in b.figures:
        lines.append({"kind": "figure_change", "series": c.series.id, "measure": c.series.measure,
                      "place": c.series.place, "category": c.series.category, "source": c.series.label,
                      "value": c.new.value, "qualifier": c.new.qualifier, "as_of": c.new.as_of.isoformat(),
                      "doc": c.new.doc, "start": c.new.start, "end": c.new.end,
                      "previous": None if c.previous is None else {
                          "value": c.previous.value, "qualifier": c.previous.qualifier,
                          "as_of": c.previous.as_of.isoformat(), "doc": c.previous.doc,
                          "start": c.previous.start, "end": c.previous.end},
                      "delta": c.delta})
    lines += [a.to_json() for a in b.alerts]
    lines += [e.to_json() for e in b.events]
    for speaker, claims in b.claims.items():
        for c in claims:
            lines.append({"kind": "claim", "speaker": speaker, "speaker_as_written": c["speaker"],
                          "cue": c["cue"], "content": c["content"],
                          "mode": c["mode"], "doc": c["doc"], "start": c["content_start"], "end": c["content_end"]})
    return "".join(json.dumps(x, ensure_ascii=False) + "\n" for x in lines)


def to_html(b: Brief) -> str:
    """A standalone page (escaped throughout: article text is untrusted)."""
    esc = html.escape
    parts = [f"<!doctype html><html lang='en'><head><meta charset='utf-8'><title>Briefing since {b.since}</title>"
             "<style>body{font:15px/1.5 system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem}"
             "cite{color:#666;font-style:normal;font-size:.85em}h2{border-bottom:1px solid #ddd}</style></head><body>",
             f"<h1>What changed since {esc(b.since.isoformat())}</h1>",
             f"<p>{esc(period(b))}</p><h2>Figures</h2><ul>"]
    parts += [f"<li>{esc(figure_line(c))}</li>" for c in b.figures] or ["<li>no new figures</li>"]
    parts.append("</ul>")
    if b.alerts:
        parts.append("<h2>Alerts</h2><ul>")
        parts += [f"<li><b>{esc(a.type)}</b>: {esc(a.explanation)}</li>" for a in b.alerts]
        parts.append("</ul>")
    parts.append("<h2>Events</h2><ul>")
    parts += [f"<li>{esc(e.date.isoformat())}: {esc(e.text)} "
              f"<cite>{esc(_cite(e.evidence[0].doc, e.evidence[0].start, e.evidence[0].end))}</cite></li>"
              for e in b.events] or ["<li>no new events</li>"]
    parts.append("</ul><h2>Claims by speaker</h2>")
    for speaker, claims in b.claims.items():
        parts.append(f"<h3>{esc(speaker)}</h3><ul>")
        parts += [f"<li>{esc(claim_line(speaker, c))} "
                  f"<cite>{esc(_cite(c['doc'], c['content_start'], c['content_end']))}</cite></li>" for c in claims]
        parts.append("</ul>")
    parts.append("</body></html>")
    return "\n".join(parts)
