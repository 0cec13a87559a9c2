"""Small helpers over the dependency parse: lemmas, verbs governing a token, noun-phrase text."""
from __future__ import annotations

import re

from .. import nlp
from .lexicon import SUBJ_DEPS


# --- helpers over the parse -----------------------------------------------------------------

def _lem(tok) -> str:
    return tok.lemma_.lower() if tok.lemma_ else tok.text.lower()


def _is_verbal(tok) -> bool:
    return tok.pos_ in ("VERB", "AUX") or tok.tag_ in ("VBN", "VBG", "VBD", "VBZ", "VBP", "VB", "MD")


def _in_sent(tok, sent) -> bool:
    return sent.start <= tok.i < sent.end


def _ancestors(tok, sent):
    seen = set()
    while tok.head.i != tok.i and tok.head.i not in seen and _in_sent(tok.head, sent):
        tok = tok.head
        seen.add(tok.i)
        yield tok


def _clause_verb(tok, sent):
    """The nearest verb (or auxiliary) governing ``tok``, or None."""
    if _is_verbal(tok) and tok.dep_ not in ("amod", "compound"):
        return tok
    for a in _ancestors(tok, sent):
        if _is_verbal(a) and a.dep_ not in ("amod", "compound"):
            return a
    return None


def _finite_clause(verb, sent):
    """Climb from a participle or infinitive to the finite verb of its clause."""
    cur = verb
    for _ in range(4):
        has_subj = any(c.dep_ in SUBJ_DEPS for c in cur.children)
        finite = cur.tag_ in ("VBD", "VBZ", "VBP", "MD") or any(
            c.dep_ in ("aux", "auxpass") and c.tag_ in ("VBD", "VBZ", "VBP", "MD") for c in cur.children)
        if has_subj or finite or cur.dep_ not in ("advcl", "xcomp", "pcomp", "acl", "conj") \
                or not _in_sent(cur.head, sent) or cur.head.i == cur.i:
            return cur
        nxt = _clause_verb(cur.head, sent)
        if nxt is None:
            return cur
        cur = nxt
    return cur


def _purpose_with_its_own_object(c) -> bool:
    """"were killed in an operation to arrest armed smugglers": an infinitive of purpose that acts on an object of
    its own says nothing of the counted people."""
    return c.dep_ == "advcl" and c.tag_ == "VB" and any(g.dep_ == "dobj" for g in c.children) and \
        any(g.dep_ == "aux" and g.lower_ == "to" for g in c.children)


def _xcomp_chain(verb):
    """The verb and the open complements it controls ("expected to be allowed out")."""
    out = [verb]
    frontier = [verb]
    while frontier:
        v = frontier.pop()
        for c in v.children:
            if c in out:
                continue
            if c.dep_ in ("xcomp", "oprd", "acomp", "prt") or \
                    (c.dep_ in ("ccomp", "advcl") and _is_verbal(c) and
                     not any(g.dep_ in SUBJ_DEPS or g.dep_ == "mark" for g in c.children) and
                     c.tag_ in ("VBG", "VBN", "VB") and not _purpose_with_its_own_object(c)):
                out.append(c)
                frontier.append(c)
    return out


def _text_of(tokens) -> str:
    toks = sorted(tokens, key=lambda t: t.i)
    if not toks:
        return ""
    doc = toks[0].doc
    return nlp.doc_text(doc)[toks[0].idx:toks[-1].idx + len(toks[-1].text)]


def _joining_hyphen(t) -> bool:
    """A hyphen with no space on either side ("storm-related", "UPDATE 2-Flood"), not a dash between words."""
    return t.text == "-" and not t.whitespace_ and t.i > 0 and not t.doc[t.i - 1].whitespace_


def _inner_hyphen(t) -> bool:
    """The hyphen inside a word ("storm-related"): joining two words, not a wire label's "UPDATE 2-Flood"."""
    return _joining_hyphen(t) and t.doc[t.i - 1].is_alpha


def _np_text(head, exclude=(), max_tokens=14) -> str:
    """Text of a noun phrase without relative clauses, appositive clauses or trailing punctuation."""
    keep = []
    stop_deps = {"relcl", "acl", "punct", "cc", "conj", "appos", "advcl", "parataxis"}

    def walk(t):
        for c in t.children:
            # a quotation mark inside the phrase ('deaths of "people ...') does not end it
            if c.i in exclude or (c.dep_ in stop_deps and not (c.dep_ == "punct" and (
                    c.text in _QUOTES or _inner_hyphen(c)))):
                continue
            keep.append(c)
            walk(c)

    keep.append(head)
    walk(head)
    keep = sorted((t for t in keep if t.i not in exclude), key=lambda t: t.i)
    idx = {t.i for t in keep}
    start = end = head.i
    while start - 1 in idx:
        start -= 1
    while end + 1 in idx:
        end += 1
    toks = [t for t in keep if start <= t.i <= end][:max_tokens]
    while toks and toks[-1].text in _QUOTES:
        toks = toks[:-1]
    while len(toks) > 1 and (toks[0].lower_ in ("the", "a", "an", "some", "all", "those", "these", "other") or
                             toks[0].text in _QUOTES):
        toks = toks[1:]
    text = _text_of(toks)
    return re.sub(r"\s+", " ", re.sub(r'["“”]', " ", text)).strip() if re.search(r'["“”]', text) else text


_QUOTES = {'"', "“", "”"}


def _entity_of(tok):
    """The named entity holding ``tok`` ("the Committee to Protect Journalists"), or None."""
    if not tok.ent_type_:
        return None
    for ent in tok.doc.ents:
        if ent.start <= tok.i < ent.end:
            return ent
    return None


def _path_to(tok, target, sent):
    """The child of ``target`` through which ``tok`` hangs, or None."""
    cur = tok
    while cur.head.i != cur.i and _in_sent(cur.head, sent):
        if cur.head.i == target.i:
            return cur
        cur = cur.head
    return None
