"""One build's worth of derived state, and the plan of generated pages.

:func:`build_site` runs once per build (model -> graph -> indexes);
:func:`plan_pages` lists every generated page as a source path plus content
made only of macro calls, so any front end (the mkdocs plugin today, a file
writer for another generator tomorrow) can emit them.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import networkx as nx

from . import graph as kg
from .model import KnowledgeBase
from .render import paths


@dataclass(frozen=True)
class Page:
    """A generated page: where it goes and its (macro-call-only) Markdown source."""

    path: str
    content: str


@dataclass(frozen=True)
class Site:
    """The model, its graph and derived look-ups for one build (read-only)."""

    kb: KnowledgeBase
    graph: nx.MultiDiGraph
    _guides_by_node: dict[str, tuple] = field(default_factory=dict)

    def guides_citing(self, node: str) -> tuple:
        """Decision guides that reference a term id or clause reference."""
        return self._guides_by_node.get(node, ())


def build_site(kb: KnowledgeBase) -> Site:
    """Build the graph and indexes once."""
    g = kg.build_graph(kb)
    by_node: dict[str, list] = {}
    for guide in kb.decisions.values():
        for node in sorted(getattr(guide, "cited", ())):
            by_node.setdefault(node, []).append(guide)
    return Site(kb, g, {k: tuple(v) for k, v in by_node.items()})


def _page(path: str, call: str, boost: float | None = None) -> Page:
    # Only validated ids (ID_RE / REF_RE) are interpolated, so the Jinja
    # source below can never contain data-controlled template syntax.
    front = f"---\nsearch:\n  boost: {boost}\n---\n\n" if boost else ""
    return Page(path, f"{front}{{{{ {call} }}}}\n")


def plan_pages(site: Site) -> list[Page]:
    """Every generated page: terms, clauses, framework trees, decision guides."""
    kb = site.kb
    pages = [_page(paths.term(t), f'term_page("{t}")', 3) for t in sorted(kb.terms)]
    pages += [_page(paths.clause(r), f'clause_page("{r}")', 2) for r in kb.clauses]
    pages += [_page(paths.framework(f), f'framework_page("{f}")', 1.5) for f in kb.frameworks]
    pages += [_page(paths.decision(d), f'decision_page("{d}")', 1.5) for d in kb.decisions]
    return pages
