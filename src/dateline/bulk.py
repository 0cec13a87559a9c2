"""Building many small records at once (hundreds of thousands of points or sentences)."""
from __future__ import annotations

import contextlib
import gc
from typing import Iterator


@contextlib.contextmanager
def gc_paused() -> Iterator[None]:
    """Pause the cycle collector: building a million small records that hold no cycles sets it off
    again and again, each pass walking every live object (half the time at 100,000 articles, more
    in a process that holds a big ledger's worth of objects already)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
