"""An article's text as HTML with every extracted item highlighted by kind.

Article text is untrusted: every piece of it goes through :func:`markupsafe.escape`,
and the only markup added is fixed tags with fixed class names. Items may overlap
(a mention inside a claim, a figure inside a claim's content), so the text is cut at
every item boundary into flat segments, and each segment carries the classes of all
the items covering it; nothing is nested, so no overlap can break the markup.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Iterable, Optional
from urllib.parse import quote, urlsplit

from markupsafe import Markup, escape

from ..format import number


@dataclass
class Mark:
    """One highlighted range: ``css`` is its class, ``label`` its tooltip line."""

    start: int
    end: int
    css: str
    label: str = ""
    entity: Optional[str] = None          # mentions link to their entity's profile


@dataclass
class Rendered:
    html: Markup
    anchors: list[str] = field(default_factory=list)


def figure_label(f: dict) -> str:
    qual = "" if f.get("qualifier") in ("exact", "unclear", None) else f["qualifier"] + " "
    value = number(f["value"]) + (f"–{number(f['value_max'])}" if f.get("value_max") else "")
    parts = [f"figure: {qual}{value} {f['measure']} ({f['scope']})"]
    if f.get("grp"):
        parts.append(f"group: {f['grp']}")
    if f.get("source"):
        parts.append(f"source: {f['source']}")
    if f.get("as_of"):
        parts.append(f"as of {f['as_of']}")
    return " · ".join(parts)


def marks_of(items: dict[str, list[dict]]) -> list[Mark]:
    """The highlights of one article from :meth:`Ledger.items`."""
    marks: list[Mark] = []
    for m in items.get("mention", []):
        name = m.get("entity_name") or m["text"]
        marks.append(Mark(m["start"], m["end"], f"hl-mention k-{m['kind']}", f"{m['kind']}: {name}", m.get("entity")))
    for t in items.get("time", []):
        marks.append(Mark(t["start"], t["end"], "hl-time", f"time: {t['value']}" + (" (since)" if t["since"] else "")))
    for f in items.get("figure", []):
        marks.append(Mark(f["start"], f["end"], "hl-figure", figure_label(f)))
    for c in items.get("claim", []):
        who = c.get("speaker") or "unattributed"
        marks.append(Mark(c["content_start"], c["content_end"], "hl-claim", f"claim ({c['mode']}) by {who}"))
        if c.get("cue_start") is not None:
            marks.append(Mark(c["cue_start"], c["cue_end"], "hl-cue", f"cue: {c['cue']}"))
        if c.get("speaker_start") is not None:
            marks.append(Mark(c["speaker_start"], c["speaker_end"], "hl-speaker", f"speaker: {who}"))
    return marks


def anchor_id(start: int, end: int, prefix: str = "") -> str:
    return f"{prefix}s{start}-{end}"


def render(text: str, marks: Iterable[Mark], focus: Optional[tuple[int, int]] = None,
           anchors: Iterable[tuple[int, int]] = (), anchor_prefix: str = "",
           entity_href=None) -> Rendered:
    """HTML of ``text`` with ``marks`` highlighted and ``focus`` outlined.

    Each span in ``anchors`` gets an empty anchor element (``id="s<start>-<end>"``) at its
    start, and the text inside it is cut at its ends and wrapped in elements carrying
    ``data-s``/``data-e`` offsets, so a script can outline it when a link targets it.
    """
    n = len(text)
    marks = [m for m in marks if 0 <= m.start < m.end <= n]
    anchors = sorted({(s, e) for s, e in anchors if 0 <= s < e <= n})
    if focus and not (0 <= focus[0] < focus[1] <= n):
        focus = None
    cuts = {0, n}
    for m in marks:
        cuts.update((m.start, m.end))
    for s, e in anchors:
        cuts.update((s, e))
    if focus:
        cuts.update(focus)
    cuts = sorted(cuts)
    starts: dict[int, list[Mark]] = {}
    for m in marks:
        starts.setdefault(m.start, []).append(m)
    anchors_at: dict[int, list[tuple[int, int]]] = {}
    for s, e in anchors:
        anchors_at.setdefault(s, []).append((s, e))
    covered_until = 0               # end of the anchored spans seen so far
    active: list[Mark] = []
    out: list[str] = []
    ids = []
    for a, b in zip(cuts, cuts[1:]):
        for s, e in anchors_at.get(a, ()):
            ids.append(anchor_id(s, e, anchor_prefix))
            out.append(f'<span class="anchor" id="{escape(ids[-1])}"></span>')
            covered_until = max(covered_until, e)
        active = [m for m in active if m.end > a] + starts.get(a, [])
        piece = escape(text[a:b])
        classes = sorted({c for m in active for c in m.css.split()})
        if focus and focus[0] <= a and b <= focus[1]:
            classes.append("focus")
        if not classes and b > covered_until:
            out.append(piece)
            continue
        attrs = f' data-s="{a}" data-e="{b}"'
        if classes:
            attrs = f' class="{" ".join(classes)}"' + attrs
        title = "\n".join(dict.fromkeys(m.label for m in active if m.label))
        if title:
            attrs += f' title="{escape(title)}"'
        entity = next((m.entity for m in active if m.entity), None)
        if entity and entity_href:
            out.append(f'<a href="{escape(entity_href(entity))}"{attrs}>{piece}</a>')
        else:
            out.append(f"<span{attrs}>{piece}</span>")
    return Rendered(Markup("".join(out)), ids)


# --- small helpers for templates ---------------------------------------------------

def outlet_of(url: Optional[str]) -> str:
    """The outlet behind a URL: its host without ``www.`` nor the root's dot (``https://daijiworld.com./``
    is daijiworld.com)."""
    if not url:
        return ""
    try:
        host = (urlsplit(url).hostname or "").rstrip(".")
    except ValueError:
        return ""
    return host[4:] if host.startswith("www.") else host


def safe_url(url: Optional[str]) -> Optional[str]:
    """A link target only for http(s) URLs (a stored ``javascript:`` URL must not become a link)."""
    if url and re.match(r"^https?://", url, re.I):
        return url
    return None


def article_href(doc: str, start: Optional[int] = None, end: Optional[int] = None) -> str:
    """The article page scrolled to (and outlining) ``[start, end)``."""
    base = "/articles/" + quote(doc, safe="")
    if start is None or end is None:
        return base
    return f"{base}?hl={int(start)}-{int(end)}#{anchor_id(int(start), int(end))}"


def entity_href(entity_id: str) -> str:
    return "/entities/" + quote(entity_id, safe="")


def marked(sentence: Optional[str], start: int, end: int) -> Markup:
    """A sentence with ``[start, end)`` (offsets inside it) marked as the figure, escaped."""
    sentence = sentence or ""
    if not 0 <= start < end <= len(sentence):
        return escape(sentence)
    return Markup(f"{escape(sentence[:start])}<mark class=\"hl-figure\">{escape(sentence[start:end])}</mark>"
                  f"{escape(sentence[end:])}")


SNIPPET_OPEN, SNIPPET_CLOSE = "\x02", "\x03"


def snippet_html(snippet: Optional[str]) -> Markup:
    """An FTS5 snippet (matches between control characters) as escaped HTML with balanced <mark>s."""
    out, open_ = [], False
    for piece in re.split(f"([{SNIPPET_OPEN}{SNIPPET_CLOSE}])", snippet or ""):
        if piece == SNIPPET_OPEN and not open_:
            out.append("<mark>")
            open_ = True
        elif piece == SNIPPET_CLOSE and open_:
            out.append("</mark>")
            open_ = False
        elif piece not in (SNIPPET_OPEN, SNIPPET_CLOSE):
            out.append(str(escape(piece)))
    if open_:
        out.append("</mark>")
    return Markup("".join(out))


def first_match(snippet: Optional[str], text: str) -> Optional[tuple[int, int]]:
    """Offsets in ``text`` of the snippet's first marked match, so a result can open the article there.

    The snippet is a verbatim stretch of the text (FTS5 adds only the marks and a leading "…"):
    the marked words are looked up with the text just before them, which makes the place unique
    in practice; without such context, the first occurrence of the words.
    """
    snippet = snippet or ""
    start = snippet.find(SNIPPET_OPEN)
    end = snippet.find(SNIPPET_CLOSE, start + 1)
    if start < 0 or end < 0:
        return None
    word = snippet[start + 1:end]
    before = snippet[:start].replace(SNIPPET_OPEN, "").replace(SNIPPET_CLOSE, "").lstrip("…")[-40:]
    if not word:
        return None
    at = text.find(before + word) if before else -1
    if at >= 0:
        at += len(before)
    else:
        at = text.find(word)
    return (at, at + len(word)) if at >= 0 else None

