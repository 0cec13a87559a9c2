"""The memoised attribute_ruler + lemmatizer (analyze.nlp.TokenAttributeMemo) gives what the two components give;
bench/speed.py and bench/identity.py run (small sizes, slow-marked: they need ../shared and take a minute)."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared"

TRICKY = [
    "There is a cat. There 's one more, and there were dogs.\n\n",
    "I ca n't go , y' all gon na see . Let 's go, c'm on, y'all gotta see it ain't so.\n",
    "45 people died   in   Gaza on Tuesday, officials said.\n",
    "It was him; I saw you and it. But he did, and she has had it.  \t\n",
    "Which one? That which is. Do n't. Does he? He does.",
    "",
    "\n",
]


def test_memo_gives_the_components_results():
    import spacy
    from spacy.attrs import IDS

    from dateline.analyze import nlp

    ours = nlp.load()
    if "attribute_memo" not in ours.pipe_names:
        pytest.skip("memo off (DATELINE_TOKEN_MEMO=0)")
    plain = spacy.load(nlp.MODEL_PACKAGE)
    attrs = [IDS[a] for a in ("ORTH", "TAG", "POS", "MORPH", "LEMMA", "DEP", "HEAD", "ENT_IOB", "ENT_TYPE",
                              "SENT_START", "SPACY")]
    texts = TRICKY * 2          # the second time from the memo
    for a, b in zip(ours.pipe(texts), plain.pipe(texts)):
        assert (a.to_array(attrs) == b.to_array(attrs)).all(), a.text
        assert a.to_json() == b.to_json()
        assert [t.lemma_ for t in a] == [t.lemma_ for t in b]
    assert ours(TRICKY[1]).to_json() == plain(TRICKY[1]).to_json()      # one doc, through __call__


def test_memo_keys_give_context_to_multi_token_targets():
    from dateline.analyze import nlp

    model = nlp.load()
    if "attribute_memo" not in model.pipe_names:
        pytest.skip("memo off (DATELINE_TOKEN_MEMO=0)")
    memo = model.get_pipe("attribute_memo").memo
    assert memo.usable and memo.width == 1
    doc = model("There is a cat")
    keys = memo.keys(doc)
    assert isinstance(keys[1], tuple) and len(keys[1][1]) == 3 * 48     # 'is': with 'There' and 'a'
    assert isinstance(keys[3], bytes)                                   # 'cat': its own values only


def test_memo_stays_bounded():
    from dateline.analyze import nlp

    model = nlp.load()
    if "attribute_memo" not in model.pipe_names:
        pytest.skip("memo off (DATELINE_TOKEN_MEMO=0)")
    memo = model.get_pipe("attribute_memo").memo
    size = memo.max_size
    try:
        memo.max_size = 10
        for text in TRICKY:
            model(text)
        assert len(memo.memo) + len(memo.older) + len(memo.lemmas) <= 2 * (10 + 200)   # two generations
    finally:
        memo.max_size = size


@pytest.mark.slow
@pytest.mark.skipif(os.environ.get("DATELINE_SLOW") != "1", reason="benchmark-scale; set DATELINE_SLOW=1")
def test_speed_and_identity_benches_run_small():
    if not (SHARED / "benchmarks" / "tls" / "t17-raw").exists():
        pytest.skip("../shared/benchmarks/tls/t17-raw not found")
    out = subprocess.run([sys.executable, str(ROOT / "bench" / "speed.py"), "--n", "20", "--workers", "1"],
                         capture_output=True, text=True, check=True).stdout
    assert "ours/bare" in out and "extracted per run" in out
    out = subprocess.run([sys.executable, str(ROOT / "bench" / "identity.py"), "--n", "20", "--workers", "1"],
                         capture_output=True, text=True).stdout
    assert out.strip().endswith("identical"), out


def test_sentence_text_is_the_spans_text():
    from spacy.tokens import Span

    from dateline.analyze import nlp

    texts = TRICKY + ["At least 12  people were killed.  Officials said\n\nmore.  ", "  lead space. é “quoted” —x\t"]
    for doc in nlp.parse(texts, needs_parse=lambda s: "the" in s.lower()):
        sents = nlp.sentences(doc)
        for s in sents:
            plain = Span(doc, s.start, s.end)
            assert s.text == plain.text and s == plain and hash(s) == hash(plain)
            assert isinstance(s, Span)
            # its tokens: the same ones, in order, by index too (negative, out of range, slices)
            assert [(t.i, t.text, t.tag_, t.dep_) for t in s] == [(t.i, t.text, t.tag_, t.dep_) for t in plain]
            assert [s[k] for k in range(-len(s), len(s))] == [plain[k] for k in range(-len(s), len(s))]
            assert s[1:3] == plain[1:3]
            for k in (len(s), -len(s) - 1):
                with pytest.raises(IndexError):
                    s[k]
        nlp.forget_tokens(doc)
        assert nlp.TOKENS_KEY not in doc.user_data
