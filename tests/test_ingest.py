"""Reading every input format, and bad input: a specific error per file/line, the rest of the batch goes on."""
from __future__ import annotations

import datetime as dt
import json


from dateline.ingest.sources import read_inputs
from dateline.records import Document

ARTICLE = ("The river rose by two metres on Monday, officials in Tarvo said. "
           "At least 12 people were killed, the ministry said.")


def docs_and_problems(paths, **kw):
    items = list(read_inputs(paths, **kw))
    docs = [i for i in items if isinstance(i, Document)]
    problems = [i for i in items if not isinstance(i, Document)]
    return docs, problems


def test_seed_text_format(tmp_path):
    p = tmp_path / "000_abc.txt"
    p.write_text(f" date 2023-11-07 {ARTICLE}", encoding="utf-8")
    (d,), problems = docs_and_problems([p])
    assert problems == []
    assert d.id == "000_abc" and d.date == dt.date(2023, 11, 7) and d.text == ARTICLE


def test_jsonl_csv_html_feed_and_directory_walk(tmp_path):
    sub = tmp_path / "a" / "b"
    sub.mkdir(parents=True)
    (tmp_path / "x.jsonl").write_text(json.dumps({"id": "j1", "url": "u", "date": "2024-01-02", "title": "T",
                                                  "text": ARTICLE}) + "\n", encoding="utf-8")
    (sub / "y.csv").write_text('id,url,date,title,text\nc1,,2024-01-03,Title,"' + ARTICLE + '"\n', encoding="utf-8")
    (sub / "page.html").write_text(
        "<html><head><title>Flood</title><meta property='article:published_time' content='2024-01-04'></head>"
        f"<body><article><h1>Flood</h1><p>{ARTICLE}</p><p>{ARTICLE}</p></article></body></html>", encoding="utf-8")
    (sub / "feed.xml").write_text(
        "<?xml version='1.0'?><rss version='2.0'><channel><title>F</title><item><title>E1</title>"
        "<link>https://example.org/e1</link><pubDate>Fri, 05 Jan 2024 07:00:00 GMT</pubDate>"
        f"<description>&lt;p&gt;{ARTICLE}&lt;/p&gt;</description></item></channel></rss>", encoding="utf-8")
    (sub / "notes.md").write_text("# not an article", encoding="utf-8")
    (tmp_path / ".hidden.jsonl").write_text("garbage", encoding="utf-8")
    docs, problems = docs_and_problems([tmp_path])
    assert problems == []
    by_date = {d.date.isoformat(): d for d in docs}
    assert set(by_date) == {"2024-01-02", "2024-01-03", "2024-01-04", "2024-01-05"}
    assert by_date["2024-01-03"].id == "c1" and by_date["2024-01-03"].title == "Title"
    assert "At least 12 people were killed" in by_date["2024-01-04"].text
    assert by_date["2024-01-05"].url == "https://example.org/e1" and "<p>" not in by_date["2024-01-05"].text


def test_empty_file(tmp_path):
    (tmp_path / "e.txt").write_bytes(b"")
    docs, (p,) = docs_and_problems([tmp_path / "e.txt"])
    assert docs == [] and "empty file" in p.reason and p.path.endswith("e.txt")


def test_binary_file(tmp_path):
    (tmp_path / "b.jsonl").write_bytes(bytes(range(256)) * 10)
    docs, problems = docs_and_problems([tmp_path / "b.jsonl"])
    assert docs == [] and problems and all("binary" in p.reason or "JSON" in p.reason for p in problems)
    (tmp_path / "b.bin").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00" * 50)
    docs, (p,) = docs_and_problems([tmp_path / "b.bin"])
    assert "binary file" in p.reason


def test_latin1_text_is_read_with_a_warning(tmp_path):
    (tmp_path / "l.txt").write_bytes(" date 2024-01-02 Caf\xe9 owners in Tarvo said 12 people died.".encode("latin-1"))
    (d,), (w,) = docs_and_problems([tmp_path / "l.txt"])
    assert "Café" in d.text and w.level == "warning" and "UTF-8" in w.reason


def test_utf16_with_bom_is_read(tmp_path):
    (tmp_path / "u.txt").write_bytes(" date 2024-01-02 Tarvo – “flood” warning".encode("utf-16"))
    (d,), problems = docs_and_problems([tmp_path / "u.txt"])
    assert problems == [] and d.text == "Tarvo – “flood” warning"


def test_missing_date_rejected_unless_default(tmp_path):
    (tmp_path / "n.jsonl").write_text(json.dumps({"id": "n1", "text": ARTICLE}) + "\n", encoding="utf-8")
    docs, (p,) = docs_and_problems([tmp_path / "n.jsonl"])
    assert docs == [] and p.line == 1 and "missing date" in p.reason and "--date" in p.reason
    (d,), problems = docs_and_problems([tmp_path / "n.jsonl"], default_date=dt.date(2024, 2, 1))
    assert problems == [] and d.date == dt.date(2024, 2, 1)


def test_impossible_date(tmp_path):
    lines = [json.dumps({"id": "ok", "date": "2023-02-28", "text": ARTICLE}),
             json.dumps({"id": "bad", "date": "2023-02-30", "text": ARTICLE})]
    (tmp_path / "d.jsonl").write_text("\n".join(lines), encoding="utf-8")
    docs, (p,) = docs_and_problems([tmp_path / "d.jsonl"])
    assert [d.id for d in docs] == ["ok"]
    assert p.line == 2 and "impossible date" in p.reason and "2023-02-30" in p.reason


def test_json_lines_that_are_not_objects(tmp_path):
    lines = ["[1, 2]", '"text"', "{broken", json.dumps({"id": "good", "date": "2024-01-01", "text": ARTICLE}), "null"]
    (tmp_path / "j.jsonl").write_text("\n".join(lines), encoding="utf-8")
    docs, problems = docs_and_problems([tmp_path / "j.jsonl"])
    assert [d.id for d in docs] == ["good"]
    assert [(p.line, p.reason.split(":")[0].split(",")[0]) for p in problems] == [
        (1, "expected a JSON object"), (2, "expected a JSON object"), (3, "invalid JSON"), (5, "expected a JSON object")]


def test_oversized_article(tmp_path):
    big = "Flood waters rose again. " * (50 * 1024 * 1024 // 25)
    (tmp_path / "big.jsonl").write_text(
        json.dumps({"id": "big", "date": "2024-01-01", "text": big}) + "\n"
        + json.dumps({"id": "small", "date": "2024-01-01", "text": ARTICLE}) + "\n", encoding="utf-8")
    docs, (p,) = docs_and_problems([tmp_path / "big.jsonl"])
    assert [d.id for d in docs] == ["small"] and p.line == 1 and "too large" in p.reason


def test_html_without_body(tmp_path):
    (tmp_path / "h.html").write_text("<html><head><title>Nothing</title></head></html>", encoding="utf-8")
    docs, (p,) = docs_and_problems([tmp_path / "h.html"], default_date=dt.date(2024, 1, 1))
    assert docs == [] and "no body" in p.reason


def test_csv_with_bad_row(tmp_path):
    (tmp_path / "c.csv").write_text("id,date,text\na,2024-01-01,fine text here\nb,2024-01-01,x,extra,fields\n",
                                    encoding="utf-8")
    docs, (p,) = docs_and_problems([tmp_path / "c.csv"])
    assert [d.id for d in docs] == ["a"] and p.line == 3 and "fields" in p.reason


def test_missing_path_and_unknown_format(tmp_path):
    (tmp_path / "weird.dat").write_text("just some words", encoding="utf-8")
    docs, problems = docs_and_problems([tmp_path / "nope.jsonl", tmp_path / "weird.dat"])
    assert docs == [] and ["no such file" in problems[0].reason, "unrecognised format" in problems[1].reason] == [True, True]


def test_problem_message_names_file_and_line(tmp_path):
    (tmp_path / "m.jsonl").write_text("\n\n{oops\n", encoding="utf-8")
    _, (p,) = docs_and_problems([tmp_path / "m.jsonl"])
    assert str(p).startswith(f"{tmp_path / 'm.jsonl'}:3: error: invalid JSON")
