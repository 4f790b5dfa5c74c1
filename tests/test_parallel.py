"""Forked parts of the build: same results as one process, errors that say where they came from."""

from __future__ import annotations

import datetime as dt
import pickle
import threading

import pytest

from macros import parallel
from macros.plan import plan
from macros.render.markup import Block


def test_both_returns_each_part_in_order_and_the_child_really_ran_elsewhere():
    import os

    here, there = parallel.both(lambda: ("here", os.getpid()), lambda: ("there", os.getpid()), fork=True)
    assert here == ("here", os.getpid())
    assert there[0] == "there" and there[1] != os.getpid()


def test_a_failing_child_is_reported_with_its_traceback():
    def boom():
        raise ValueError("bad clause")

    with pytest.raises(parallel.ChildFailed, match="ValueError: bad clause"):
        parallel.both(lambda: 1, boom, fork=True)


def test_no_fork_when_asked_or_when_other_threads_run(monkeypatch):
    monkeypatch.setenv(parallel.JOBS_ENV, "1")
    assert not parallel.available()
    monkeypatch.delenv(parallel.JOBS_ENV)
    stop = threading.Event()
    t = threading.Thread(target=stop.wait)
    t.start()
    try:
        assert not parallel.available()
    finally:
        stop.set()
        t.join()


@pytest.mark.parametrize("dirs", [True, False])
def test_plan_is_the_same_forked_or_not(mini_kb, dirs):
    day = dt.date(2026, 12, 1)
    one = plan(mini_kb, dirs, today=day, fork=False)
    two = plan(mini_kb, dirs, today=day, fork=True)
    assert one.pages == two.pages
    assert list(one.files.items()) == list(two.files.items())
    assert one.passthrough == two.passthrough and one.macros == two.macros
    assert one.passthrough and one.passthrough <= one.files.keys()


def test_pages_survive_the_pipe(mini_kb):
    pages = plan(mini_kb, fork=False).pages
    back = pickle.loads(pickle.dumps(pages))
    assert back == pages
    assert all(p.body for p in back)
    assert pickle.loads(pickle.dumps(Block("x", html=False))) == Block("x", html=False)
