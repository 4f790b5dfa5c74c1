"""The concept graph: typed nodes and edges, inverse relations seen from the target."""

from __future__ import annotations

from macros import graph as kg
from macros.vocab import TERM_RELATION_INVERSE


def test_every_edge_is_typed_and_every_node_has_a_type(mini_kb):
    g = mini_kb.graph
    assert all("relation" in d for _, _, d in g.edges(data=True))
    assert {d["type"] for _, d in g.nodes(data=True)} >= {"term", "clause", "framework", "decision"}


def test_clauses_hang_off_their_parent_or_framework(mini_kb):
    g = mini_kb.graph
    c = mini_kb.kb.clauses["iso-42001:a.6.2.4"]
    assert g.has_edge(c.ref, c.parent_ref)
    top = next(x for x in mini_kb.kb.clauses.values() if not x.parent)
    assert g.has_edge(top.ref, kg.framework_node(top.framework))


def test_term_relations_are_seen_inverted_from_the_target(mini_kb):
    pairs = [(t.id, r) for t in mini_kb.kb.terms.values() for r in t.related if r.relation != "related"]
    assert pairs, "the mini fixture needs a directed relation"
    for source, rel in pairs:
        back = kg.term_backlinks(mini_kb.graph, rel.term)
        inverse = TERM_RELATION_INVERSE[rel.relation]
        assert source in [x.node for x in back[inverse]], (source, rel)


def test_guides_cite_what_they_reference(mini_kb):
    guide = mini_kb.kb.decisions["tune-or-not"]
    cited = {t for _, t, d in mini_kb.graph.out_edges(kg.decision_node(guide.id), data=True)}
    assert cited == guide.cited
