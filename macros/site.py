"""One build's worth of derived state: the model, its graph and look-ups, built once.

Renderers and the plan read a :class:`Site`; nothing downstream rebuilds the
graph or rescans the model per page.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import networkx as nx

from . import graph as kg
from .mappings import MappingIndex, build_index
from .model import Guide, KnowledgeBase


@dataclass(frozen=True)
class Site:
    """The model, its graph and derived look-ups for one build (read-only)."""

    kb: KnowledgeBase
    graph: nx.MultiDiGraph
    _guides_by_node: dict[str, tuple[Guide, ...]] = field(default_factory=dict)
    mappings: MappingIndex = field(default_factory=MappingIndex)

    def guides_citing(self, node: str) -> tuple[Guide, ...]:
        """Decision guides that reference a term id or clause reference."""
        return self._guides_by_node.get(node, ())


def build_site(kb: KnowledgeBase) -> Site:
    """Build the graph and indexes once."""
    g = kg.build_graph(kb)
    by_node: dict[str, list[Guide]] = {}
    for guide in kb.decisions.values():
        for node in sorted(guide.cited):
            by_node.setdefault(node, []).append(guide)
    return Site(kb, g, {k: tuple(v) for k, v in by_node.items()}, build_index(kb))
