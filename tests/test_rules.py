"""Every rule of every table, run on its own examples: each example must fire the rule (seen through the
trace of some candidate of the text), each counter-example must not, and every rule has an example.

Test ids read ``<table>:<rule>#<n>`` (``figures.measure.verb:killed/victim-verb#0``), so a failure
names the rule to look at; ``dateline explain --text "..."`` shows what fired instead.
"""
from __future__ import annotations

import pytest

from dateline.analyze.explain import all_tables, explain_text, fired_rules

TABLES = all_tables()


def _cases(counter: bool):
    for table in TABLES.values():
        for rule in table:
            texts = rule.counter_examples if counter else rule.examples
            for i, text in enumerate(texts):
                yield pytest.param(table.name, rule.name, text, id=f"{table.name}:{rule.name}#{i}")


def _explain(text: str) -> str:
    lines = []
    for t in explain_text(text).traces:
        lines.append(f"{t.kind} {t.label!r} -> {t.outcome}")
        lines.extend("    " + x for x in t.lines())
    return "\n".join(lines)


@pytest.mark.parametrize("table,rule,text", list(_cases(False)))
def test_example_fires_its_rule(table, rule, text):
    assert f"{table}:{rule}" in fired_rules(text), f"{text!r} did not fire {table}:{rule}\n{_explain(text)}"


@pytest.mark.parametrize("table,rule,text", list(_cases(True)))
def test_counter_example_does_not_fire_the_rule(table, rule, text):
    assert f"{table}:{rule}" not in fired_rules(text), f"{text!r} fired {table}:{rule}\n{_explain(text)}"


def test_every_rule_has_an_example():
    missing = [f"{t.name}:{r.name}" for t in TABLES.values() for r in t if not r.examples]
    assert not missing, f"rules without an example: {missing}"


def test_tables_exist():
    assert TABLES, "no rule tables registered"
