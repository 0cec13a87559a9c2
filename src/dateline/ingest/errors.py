"""Input problems: one per bad file or line, naming where and why, never fatal for the batch."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Optional


@dataclass
class InputProblem:
    """A rejected input (``level='error'``) or a note about an accepted one (``'warning'``)."""

    path: str
    line: Optional[int]
    reason: str
    level: str = "error"

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line is not None else self.path
        return f"{where}: {self.level}: {self.reason}"


class InputError(Exception):
    """Raised inside a reader for one input; the reader turns it into an :class:`InputProblem`."""

    def __init__(self, reason: str, line: Optional[int] = None):
        super().__init__(reason)
        self.reason = reason
        self.line = line
