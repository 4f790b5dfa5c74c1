"""Run two parts of one CPU-bound pass at once: one here, one in a forked copy of this process.

Rendering the per-term and per-clause pages is most of the build plan and
each page depends only on the model, so the plan hands part of them to a
child process. The child is a ``fork`` of this one, so it starts with the
loaded model and graph already in memory (nothing is pickled on the way in);
only its result comes back, pickled through a pipe. The result is the same as
running both parts here, in the same order (``tests/test_parallel.py`` and
``test_plan``'s comparison of both modes).

Forking is used only where it is safe and pays: on a machine with more than
one CPU available to this process, in a process with no other threads (a
fork copies only the calling thread, so a lock held by another one, as under
``mkdocs serve``, could never be released in the child), and unless
``KB_JOBS=1`` asks for one process.
"""

from __future__ import annotations

import contextlib
import gc
import multiprocessing
import os
import threading
import traceback
from collections.abc import Callable
from typing import TypeVar

A = TypeVar("A")
B = TypeVar("B")

#: Set to 1 to keep every pass in this process (profiling, debugging).
JOBS_ENV = "KB_JOBS"


def available() -> bool:
    """Whether :func:`both` may fork here (see the module notes)."""
    wanted = os.environ.get(JOBS_ENV, "").strip()
    if wanted.isdigit() and int(wanted) <= 1:
        return False
    try:
        cpus = len(os.sched_getaffinity(0))
    except AttributeError:  # not Linux
        cpus = os.cpu_count() or 1
    return (
        cpus > 1
        and threading.active_count() == 1
        and "fork" in multiprocessing.get_all_start_methods()
    )


class ChildFailed(RuntimeError):
    """The forked part raised; the message holds its traceback."""


class Pending:
    """A part started by :func:`background`; :meth:`result` waits for it."""

    def __init__(self, receive=None, child=None, value=None):
        self._receive, self._child, self._value = receive, child, value

    def result_quietly(self) -> None:
        """Wait for the part and drop its result or failure (this process failed first)."""
        with contextlib.suppress(ChildFailed):
            self.result()

    def result(self):
        """The part's return value (raises :class:`ChildFailed` if it failed in the child)."""
        if self._child is None:
            return self._value
        try:
            try:
                ok, value = self._receive.recv()
            except EOFError:
                ok, value = False, "it ended without sending its result"
        finally:
            self._receive.close()
            self._child.join()
            self._child = None
            gc.unfreeze()
        if not ok:
            raise ChildFailed(f"the forked part of the build failed:\n{value}")
        self._value = value
        return value


def background(there: Callable[[], B], fork: bool | None = None) -> Pending:
    """Start ``there`` in a forked child and return at once; run it here, now, if forking is not allowed.

    ``fork`` as in :func:`both`.
    """
    if not (available() if fork is None else fork):
        return Pending(value=there())
    ctx = multiprocessing.get_context("fork")
    receive, send = ctx.Pipe(duplex=False)
    child = ctx.Process(target=_child, args=(there, send), daemon=True)
    # Every object alive now goes to the collector's permanent generation until the child is
    # done: otherwise a collection in either process writes to every object's header and the
    # kernel copies the whole shared heap page by page (the advice of the gc module's docs).
    gc.freeze()
    child.start()
    send.close()
    return Pending(receive, child)


def both(here: Callable[[], A], there: Callable[[], B], fork: bool | None = None) -> tuple[A, B]:
    """``(here(), there())``, with ``there`` run in a forked child when :func:`available`.

    ``fork=False`` runs both here, one after the other; ``True`` forks even
    where :func:`available` would not (tests).
    """
    if not (available() if fork is None else fork):
        return here(), there()
    pending = background(there, fork=True)
    try:
        mine = here()
    except BaseException:
        pending.result_quietly()
        raise
    return mine, pending.result()


def _child(there: Callable[[], B], send) -> None:
    try:
        result = (True, there())
    except BaseException:  # reported to the parent, which raises it
        result = (False, traceback.format_exc())
    send.send(result)
    send.close()
