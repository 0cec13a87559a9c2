"""Rules as named rows of small tables, and the trace of which rule decided what.

Every decision an extractor makes by rule (which measure a cue word signals, why a number is
no figure, a figure's scope, a claim's cue ...) is a :class:`Table`: an ordered tuple of
:class:`Rule` rows, each a name, a condition over a small subject object (the parse around
one candidate), an outcome, and the sentences it exists for::

    MEASURE_OF_VERB = Table("figures.measure.verb", runner="figures", rules=(
        Rule("killed/victim-verb", when=lambda s: s.lem in KILLED_VERBS and s.victim_role, then="killed",
             examples=("Three fishermen were killed when the boat capsized.",)),
        ...
    ))
    measure = MEASURE_OF_VERB.decide(subject, trace)

Precedence is list order (``first_match``); ``ranked`` keeps every rule that holds. A rule
whose outcome is ``None`` is a veto: it matches, stops the search and decides "nothing".
``examples`` must make the rule fire and ``counter_examples`` must not (near misses the rule
was written to refuse); one generic test (tests/test_rules.py) runs them all through the
extractor named by ``runner`` and checks the trace. Python stays the data language: a
condition is any callable, best a short expression over named predicates.
"""
from __future__ import annotations

from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from typing import Any, Callable, Iterable, Iterator, Optional

__all__ = ["Rule", "Table", "Match", "Trace", "TABLES", "table", "new_trace", "collecting", "tracing"]


@dataclass(frozen=True)
class Rule:
    name: str                                   # "<outcome>/<pattern of language>", unique in its table
    when: Callable[[Any], bool]                 # condition over the table's subject
    then: Any = None                            # outcome, or a callable of the subject giving it
    examples: tuple[str, ...] = ()              # texts on which the rule must fire
    counter_examples: tuple[str, ...] = ()      # near misses on which it must not
    why: str = ""                               # one line: what the rule is for

    def outcome(self, subject: Any) -> Any:
        return self.then(subject) if callable(self.then) else self.then


@dataclass(frozen=True)
class Match:
    table: str
    rule: str
    outcome: Any

    @property
    def id(self) -> str:
        return f"{self.table}:{self.rule}"


@dataclass
class Trace:
    """What the rules did to one candidate (a number, a claim, a time expression): every rule that
    held (``fired``), the ones whose outcome was taken (``decided``), in order, with a word on the
    evidence, and the candidate's fate (``outcome``: "kept" or why it was dropped)."""

    kind: str = ""                              # "number", "claim", "time"
    label: str = ""                             # the candidate's text ("8,796")
    start: int = 0                              # its characters in the document
    end: int = 0
    outcome: str = ""
    steps: list[tuple[str, str, str, bool]] = field(default_factory=list)   # (table, rule, note, decided)

    def fire(self, match: Match, note: str = "", decided: bool = True) -> None:
        self.steps.append((match.table, match.rule, note, decided))

    def note(self, table: str, rule: str, note: str = "", decided: bool = True) -> None:
        """A decision made outside a table (a default, an inherited value)."""
        self.steps.append((table, rule, note, decided))

    @property
    def fired(self) -> set[str]:
        return {f"{t}:{r}" for t, r, _, _ in self.steps}

    def decided(self, table: Optional[str] = None) -> list[str]:
        return [f"{t}:{r}" for t, r, _, d in self.steps if d and (table is None or t == table)]

    def lines(self) -> list[str]:
        return [f"{'=>' if d else '  '} {t}:{r}" + (f"  ({n})" if n else "") for t, r, n, d in self.steps]


class Table:
    """An ordered tuple of rules over one kind of subject."""

    def __init__(self, name: str, rules: Iterable[Rule], runner: str, subject: str = ""):
        self.name = name
        self.rules = tuple(rules)
        self.runner = runner                    # which extractor's explain runs the examples
        self.subject = subject                  # what the conditions look at (for readers)
        names = [r.name for r in self.rules]
        dup = {n for n in names if names.count(n) > 1}
        if dup:
            raise ValueError(f"table {name}: rule names used twice: {sorted(dup)}")
        TABLES[name] = self

    def __iter__(self) -> Iterator[Rule]:
        return iter(self.rules)

    def __len__(self) -> int:
        return len(self.rules)

    def first_match(self, subject: Any, trace: Optional[Trace] = None, note: str = "") -> Optional[Match]:
        """The first rule whose condition holds (its outcome may be ``None``: a veto), or None."""
        for rule in self.rules:
            if rule.when(subject):
                m = Match(self.name, rule.name, rule.outcome(subject))
                if trace is not None:
                    trace.fire(m, note)
                return m
        return None

    def decide(self, subject: Any, trace: Optional[Trace] = None, default: Any = None, note: str = "") -> Any:
        """The first matching rule's outcome, else ``default``."""
        m = self.first_match(subject, trace, note)
        return default if m is None else m.outcome

    def first_value(self, subject: Any, trace: Optional[Trace] = None) -> Any:
        """For tables of strategies: the first rule whose condition holds and whose outcome is not None
        (rules that hold but find nothing are recorded as fired, not decided)."""
        for rule in self.rules:
            if rule.when(subject):
                value = rule.outcome(subject)
                if trace is not None:
                    trace.fire(Match(self.name, rule.name, value), "" if value is None else str(value),
                               decided=value is not None)
                if value is not None:
                    return value
        return None

    def ranked(self, subject: Any) -> list[Match]:
        """Every rule whose condition holds, in precedence order."""
        return [Match(self.name, r.name, r.outcome(subject)) for r in self.rules if r.when(subject)]


# Traces of the candidates being analysed, when someone collects them (``dateline explain``, the rule
# tests); None otherwise, so ordinary runs keep no trace beyond the candidate's own.
_SINK: ContextVar[Optional[list]] = ContextVar("dateline_rule_traces", default=None)


def new_trace(kind: str, label: str, start: int, end: int) -> Trace:
    """A trace for one candidate, handed to whoever is collecting."""
    t = Trace(kind=kind, label=label, start=start, end=end)
    sink = _SINK.get()
    if sink is not None:
        sink.append(t)
    return t


def tracing() -> bool:
    """Whether someone is collecting traces: for work done only to be explained (a trace per number read)."""
    return _SINK.get() is not None


@contextmanager
def collecting() -> Iterator[list[Trace]]:
    """Collect the trace of every candidate analysed inside the block::

        with collecting() as traces:
            analyze_text(text, "x", date)
    """
    traces: list[Trace] = []
    token = _SINK.set(traces)
    try:
        yield traces
    finally:
        _SINK.reset(token)


# Every table, by name: the generic test and ``dateline rules`` read them from here.
TABLES: dict[str, Table] = {}


def table(name: str) -> Table:
    return TABLES[name]
