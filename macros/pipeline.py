"""The one way through: read -> rules -> build -> graph, for every caller.

:func:`load_kb` never raises for bad data: it returns the model built from
what passed and every problem. :func:`load_site` is what front ends use: it
stops with :class:`~.problems.DataError` when anything is wrong.
"""

from __future__ import annotations

from pathlib import Path

from .build import build_kb
from .load import no_cyclic_gc, read_sources
from .model import KnowledgeBase
from .problems import DataError, Problem
from .rules import check_sources
from .site import Site, build_site


def load_kb(root: Path) -> tuple[KnowledgeBase, list[Problem]]:
    """Load the knowledge base under ``root``; return it with every problem found."""
    with no_cyclic_gc():
        src, problems = read_sources(Path(root))
        verdict = check_sources(src)
        return build_kb(src, verdict), problems + verdict.problems


def load_site(root: Path) -> Site:
    """Load, check and build the model and graph; raise :class:`DataError` with every problem."""
    kb, problems = load_kb(root)
    if problems:
        raise DataError(problems)
    # Paused here too, as while loading: the graph adds tens of thousands of small containers,
    # and collections would rescan the whole freshly loaded model each time.
    with no_cyclic_gc():
        return build_site(kb)
