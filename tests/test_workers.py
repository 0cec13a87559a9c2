"""Analysis workers come from a fork server that has loaded spaCy once (analyze/workers.py)."""
import datetime as dt
import multiprocessing
from multiprocessing import forkserver

import pytest

from dateline.analyze import workers
from dateline.analyze.pipeline import Analyzer, analyze_batch
from dateline.records import Document, to_jsonable

pytestmark = pytest.mark.skipif("forkserver" not in multiprocessing.get_all_start_methods(),
                                reason="this platform has no fork server; workers are spawned")

TEXTS = [
    "At least 14 people were killed when a landslide buried a village on Tuesday, the provincial governor said.",
    "The flood has displaced 30,000 residents since the river burst its banks, the relief agency said on Monday.",
    "Rebels shelled the port city overnight, killing three civilians and wounding 11, local officials said.",
    "The storm knocked out power to 200,000 homes, and two people remain missing, the coast guard said.",
]


def _docs():
    return [Document(id=f"w{i}", text=t, date=dt.date(2024, 5, 6)) for i, t in enumerate(TEXTS)]


def _canon(analyses):
    return [to_jsonable({"figures": a.figures, "claims": a.claims, "times": a.times, "mentions": a.mentions})
            for a in analyses]


def test_workers_from_the_fork_server_give_what_one_process_gives():
    with Analyzer(workers=2, chunk=1) as analyzer:
        assert analyzer._context.get_start_method() == "forkserver"
        pooled = list(analyzer.analyze(_docs()))
    assert _canon(pooled) == _canon(analyze_batch(_docs()))


def test_the_last_pool_out_stops_the_server_so_its_time_is_counted():
    with Analyzer(workers=2) as outer:
        with Analyzer(workers=2) as inner:
            list(inner.analyze(_docs()[:1]))
        # the outer pool still uses the server
        assert forkserver._forkserver._forkserver_pid is not None
        list(outer.analyze(_docs()[:1]))
    assert forkserver._forkserver._forkserver_pid is None
    assert workers._users == 0
