"""The concept graph: terms, clauses and frameworks joined by typed edges.

Built once per build from the model (never loaded from files) and queried by
renderers. Node keys are the public ids also used in ``kb.json``: a term's id
(``fine-tuning``), a clause's canonical reference (``eu-ai-act:art-25``) and
``framework:<id>`` for frameworks. Every edge carries ``relation``.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass

import networkx as nx

from .model import KnowledgeBase
from .vocab import TERM_RELATION_INVERSE

HIERARCHY = "part-of"
IN_FRAMEWORK = "in-framework"
COMPEL_STAGE = "applied-in-stage"
COMPEL_PILLAR = "belongs-to-pillar"
CITES = "cites"


def framework_node(framework_id: str) -> str:
    """Graph key of a framework node."""
    return f"framework:{framework_id}"


def build_graph(kb: KnowledgeBase) -> nx.MultiDiGraph:
    """One typed multigraph of the whole knowledge base."""
    g = nx.MultiDiGraph()
    for fw in kb.frameworks.values():
        g.add_node(framework_node(fw.id), type="framework", label=fw.name)
    for c in kb.clauses.values():
        g.add_node(c.ref, type="clause", kind=c.kind, framework=c.framework, label=c.code)
        up = c.parent_ref if c.parent_ref in kb.clauses else framework_node(c.framework)
        g.add_edge(c.ref, up, relation=HIERARCHY if c.parent_ref else IN_FRAMEWORK)
    for t in kb.terms.values():
        g.add_node(t.id, type="term", label=t.term)
    for t in kb.terms.values():
        _add_term_edges(g, kb, t)
    for cw in kb.crosswalks.values():
        for m in cw.mappings:
            # Direct rows only; inverses and inferences are derived in macros/mappings.py.
            g.add_edge(m.source, m.target, relation=m.relation, kind="mapping", strength=m.strength, note="")
    for guide in kb.decisions.values():
        key = decision_node(guide.id)
        g.add_node(key, type="decision", label=guide.title)
        for node in sorted(guide.cited):
            g.add_edge(key, node, relation=CITES, note="")
    return g


def decision_node(decision_id: str) -> str:
    """Graph key of a decision guide node."""
    return f"decision:{decision_id}"


def _add_term_edges(g: nx.MultiDiGraph, kb: KnowledgeBase, t) -> None:
    seen: set[tuple[str, str]] = set()
    for r in t.references:
        g.add_edge(t.id, r.ref, relation=r.relation, note=r.note)
        seen.add((r.ref, r.relation))
    for d in t.definitions:
        if d.ref and (d.ref, "defined-in") not in seen:
            g.add_edge(t.id, d.ref, relation="defined-in", note=f"{d.source} {d.locator}")
            seen.add((d.ref, "defined-in"))
    for stage in t.compel.stages:
        g.add_edge(t.id, f"compel:{stage}", relation=COMPEL_STAGE, note="")
    for pillar in t.compel.pillars:
        g.add_edge(t.id, f"compel:{pillar}", relation=COMPEL_PILLAR, note="")
    for r in t.related:
        if r.term in kb.terms:
            g.add_edge(t.id, r.term, relation=r.relation, note=r.note)


@dataclass(frozen=True)
class Link:
    """One end of an edge as shown on a page: the other node, the relation, a note."""

    node: str
    relation: str
    note: str = ""


def outgoing(g: nx.MultiDiGraph, node: str, node_type: str) -> dict[str, list[Link]]:
    """Edges from ``node`` to nodes of ``node_type``, grouped by relation."""
    out: dict[str, list[Link]] = defaultdict(list)
    for _, target, data in g.out_edges(node, data=True):
        if g.nodes[target].get("type") == node_type:
            out[data["relation"]].append(Link(target, data["relation"], data.get("note", "")))
    return dict(out)


def incoming(g: nx.MultiDiGraph, node: str, node_type: str) -> dict[str, list[Link]]:
    """Edges into ``node`` from nodes of ``node_type``, grouped by relation as written."""
    out: dict[str, list[Link]] = defaultdict(list)
    for source, _, data in g.in_edges(node, data=True):
        if g.nodes[source].get("type") == node_type:
            out[data["relation"]].append(Link(source, data["relation"], data.get("note", "")))
    return dict(out)


def term_backlinks(g: nx.MultiDiGraph, term_id: str) -> dict[str, list[Link]]:
    """Terms pointing at ``term_id``, grouped by the inverse relation (as seen from here)."""
    out: dict[str, list[Link]] = defaultdict(list)
    for rel, links in incoming(g, term_id, "term").items():
        inv = TERM_RELATION_INVERSE.get(rel, rel)
        out[inv].extend(Link(x.node, inv, x.note) for x in links)
    return dict(out)


def edges(g: nx.MultiDiGraph) -> list[dict[str, str]]:
    """Every edge as ``{"source", "target", "relation"}``, in a stable order."""
    rows = [{"source": s, "target": t, "relation": d["relation"]} for s, t, d in g.edges(data=True)]
    return sorted(rows, key=lambda r: (r["source"], r["target"], r["relation"]))
