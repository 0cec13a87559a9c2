"""Where analysis workers come from: a fork server that has spaCy and the extractors loaded.

spaCy's own ``nlp.pipe(n_process=N)`` forks its workers from a process that has already
loaded the model, so they start at no cost. Spawned workers each import spaCy, load the
model and build our lexicons and rule tables (≈ 3 CPU s each). A fork server does that
once, in a clean process of its own (no threads and no open database handle of the
caller, which is why workers were spawned), and forks every worker from it.
"""
from __future__ import annotations

import multiprocessing
import threading

PRELOAD = "dateline.analyze.warm"

_lock = threading.Lock()
_users = 0


def start_context():
    """The multiprocessing context a pool of analysis workers is made with; pair with :func:`release`."""
    global _users
    if "forkserver" not in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("spawn")
    with _lock:
        _users += 1
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload([PRELOAD])   # read when the server starts (not when it runs already)
    return context


def release(context) -> None:
    """After the pool made with ``context`` has been joined: the last user stops the fork server.

    Stopping waits for the server, so that its time and its (reaped) workers' time count
    among this process's children, as spawned workers' did; the next pool starts a new one.
    """
    global _users
    if context.get_start_method() != "forkserver":
        return
    with _lock:
        _users -= 1
        if _users:
            return
        from multiprocessing import forkserver

        stop = getattr(getattr(forkserver, "_forkserver", None), "_stop", None)   # no public way to stop it
        if stop is not None:
            stop()
