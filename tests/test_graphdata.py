"""Concept-graph data: each page's neighbourhood, the explorer's groups and layout, and safe JSON."""

from __future__ import annotations

import json
import math
import re

import networkx as nx
import pytest
from conftest import ROOT

from macros import graph as kg
from macros.pipeline import load_site
from macros.render import graphdata as gdm
from macros.render import graphpage, paths


@pytest.fixture(scope="module")
def mini(mini_kb):
    return gdm.GraphData(mini_kb)


@pytest.fixture(scope="module")
def real():
    return gdm.GraphData(load_site(ROOT))


def _loads(text: str) -> dict:
    return json.loads(text)


def _drawable(site) -> nx.Graph:
    """The reference: the concept graph without decision guides, citations and "not related" rows."""
    g = nx.Graph()
    for s, t, d in site.graph.edges(data=True):
        types = {site.graph.nodes[s]["type"], site.graph.nodes[t]["type"]}
        if "decision" not in types and d["relation"] not in gdm.SKIPPED_RELATIONS:
            g.add_edge(s, t)
    for m in site.mappings.inferred:
        if m.relation not in gdm.SKIPPED_RELATIONS:
            g.add_edge(m.source, m.target)
    return g


def _depths(nb: gdm.Neighbourhood) -> dict[int, set[str]]:
    out: dict[int, set[str]] = {0: set(), 1: set(), 2: set()}
    for node, depth in nb.drawn:
        out[depth].add(node)
    return out


def test_depth_one_is_exactly_the_graph_neighbours(mini_kb, mini):
    ref = _drawable(mini_kb)
    for node in (*mini_kb.kb.terms, *mini_kb.kb.clauses):
        depths = _depths(mini.neighbourhood(node))
        assert depths[0] == {node}
        expected = set(ref.neighbors(node)) if node in ref else set()
        assert depths[1] == expected, node


def test_depth_two_is_two_links_away_through_neighbours_that_are_not_hubs(mini_kb, mini):
    ref = _drawable(mini_kb)
    for node in (*mini_kb.kb.terms, *mini_kb.kb.clauses):
        nb = mini.neighbourhood(node)
        depths = _depths(nb)
        pivots = {p for p in depths[1] if mini.nodes[p].kind not in gdm.HUB_KINDS}
        expected = {q for p in pivots for q in ref.neighbors(p)} - depths[1] - {node}
        assert depths[2] <= expected, node
        assert sum(nb.far.values()) == len(expected), node  # the totals count every one, drawn or not
        assert nb.far == gdm.Counter(mini.nodes[q].kind for q in expected), node


def test_edges_join_drawn_nodes_from_the_centre_outwards(mini, mini_kb):
    nb = mini.neighbourhood("fine-tuning")
    depth = dict(nb.drawn)
    for i in nb.edges:
        e = mini.edges[i]
        assert {depth[e.source], depth[e.target]} in ({0, 1}, {1, 2}), e


def test_summary_counts_every_neighbour(mini):
    nb = mini.neighbourhood("fine-tuning")
    assert graphpage.describe(mini, nb) == (
        "Fine-tuning: 8 neighbours: 2 terms, 3 clauses, 2 COMPEL stages, 1 COMPEL pillar. "
        "Two links away: 6 more (4 clauses, 1 COMPEL stage, 1 COMPEL pillar)."
    )


def test_local_data_lists_the_drawn_nodes_and_indexes_the_legend(mini):
    nb = mini.neighbourhood("eu-ai-act:art-25")
    data = _loads(mini.local_json(nb))
    assert data["id"] == "eu-ai-act:art-25"
    assert [n["id"] for n in data["n"]] == [n for n, _ in nb.drawn]
    assert data["total"] == [sum(nb.near.values()), sum(nb.far.values())]
    for e in data["e"]:
        assert 0 <= e[0] < len(data["n"]) and 0 <= e[1] < len(data["n"])
        assert data["rel"][e[2]][0] in gdm.RELATIONS
    assert data["urls"]["clause"] == "frameworks/{fw}/{id}/"


def test_url_templates_follow_the_url_style():
    assert gdm.url_templates(True) == {
        "term": "glossary/{id}/",
        "clause": "frameworks/{fw}/{id}/",
        "framework": "frameworks/{fw}/",
    }
    assert gdm.url_templates(False)["clause"] == "frameworks/{fw}/{id}.html"
    assert paths.page_url(paths.clause("eu-ai-act:art-25")) == "frameworks/{fw}/{id}/".format(
        fw="eu-ai-act", id="art-25"
    )


def test_every_page_stays_within_the_caps_and_the_byte_budget(real):
    capped = 0
    for node, n in real.nodes.items():
        if n.kind == "framework":
            continue
        nb = real.neighbourhood(node)
        text = gdm.data_file(f"node:{node}", real.local_json(nb))
        assert len(text.encode("utf-8")) <= gdm.MAX_BYTES, node
        depth = [d for _, d in nb.drawn]
        assert depth.count(1) <= gdm.MAX_DEPTH1 and depth.count(2) <= gdm.MAX_DEPTH2, node
        if depth.count(1) < sum(nb.near.values()):
            capped += 1
            assert "more are listed on this page" in graphpage.describe(real, nb), node
    assert capped, "the real data has hubs (COMPEL stages, Art. 3) whose neighbours are capped"


def test_depth_two_keeps_the_strongest(real):
    # Art. 3 defines many terms; from a term defined there, the other Art. 3 terms share a strong link.
    nb = real.neighbourhood("fine-tuning")
    assert [d for _, d in nb.drawn].count(2) > 0
    assert "depth 2 draws the" in graphpage.describe(real, nb)


def test_data_cannot_close_its_script_element():
    hostile = {"l": "</script><script>alert(1)</script> & \u2028\u2029 <b onmouseover=x>"}
    text = gdm.data_file("node:x", gdm._dumps(hostile))
    assert not any(ch in text for ch in "<>&\u2028\u2029")
    json_text = text[text.index("]=") + 2 : -2]
    assert json.loads(json_text) == hostile


def test_clip_cuts_at_a_word_and_marks_the_cut():
    assert gdm.clip("short", 10) == "short"
    assert gdm.clip("one two three four", 12) == "one two…"
    assert len(gdm.clip("x " * 200, 90)) <= 90


def test_every_relation_of_the_vocabularies_is_drawable():
    from macros.vocab import MAPPING_RELATIONS, REFERENCE_RELATIONS, TERM_RELATIONS

    for r in (*REFERENCE_RELATIONS, *TERM_RELATIONS, *MAPPING_RELATIONS):
        assert r in gdm.RELATIONS or r in gdm.SKIPPED_RELATIONS, r
    for r in (kg.COMPEL_STAGE, kg.COMPEL_PILLAR, kg.IN_FRAMEWORK, kg.HIERARCHY):
        assert r in gdm.RELATIONS


def test_explorer_groups_hold_every_node_once_with_honest_counts(real):
    data = _loads(gdm.explorer_json(real))
    assert len(data["n"]) == len(real.nodes) and len(data["e"]) == len(real.edges)
    counts = gdm.Counter(n["g"] for n in data["n"])
    for k, g in enumerate(data["groups"]):
        assert g["n"] == counts[k], g["id"]
    assert counts[-1] == sum(1 for n in real.nodes.values() if n.kind == "framework")
    assert all(n["g"] >= 0 for n in data["n"] if n["k"] != "framework")
    assert len(data["n"]) > data["cap"], "the real data is above the cap: the explorer starts with groups"


def test_explorer_layout_is_deterministic_and_groups_never_overlap(real, mini_kb):
    data = _loads(gdm.explorer_json(real))
    again = _loads(gdm.explorer_json(gdm.GraphData(load_site(ROOT))))
    assert data == again
    groups = data["groups"]
    for i, a in enumerate(groups):
        for b in groups[i + 1 :]:
            assert math.dist((a["x"], a["y"]), (b["x"], b["y"])) >= a["r"] + b["r"], (a["id"], b["id"])
    for n in data["n"]:
        if n["g"] >= 0:
            g = groups[n["g"]]
            assert math.dist((n["x"], n["y"]), (g["x"], g["y"])) <= g["r"] + 1, n["id"]


def test_data_files_are_written_for_every_term_and_clause_page(mini_kb):
    from macros.plan import plan

    planned = plan(mini_kb)
    for node in (*mini_kb.kb.terms, *mini_kb.kb.clauses):
        assert paths.graph_data(node) in planned.files, node
    assert paths.GRAPH_EXPLORER_DATA in planned.files
    lora = next(p for p in planned.pages if p.path == paths.term("lora"))
    assert 'data-kb-graph="local"' in lora.body and 'data-kb-src="graph/nodes/lora.js"' in lora.body
    assert paths.graph_data("eu-ai-act:art-25") == "graph/nodes/eu-ai-act--art-25.js"


def test_the_vendored_graph_library_loads_nothing_else():
    # Cytoscape.js must work from file:// and offline: no CDN, no worker scripts, no fetches.
    from macros.plan import ASSETS

    src = next(s for s, dest in ASSETS if dest == "assets/vendor/cytoscape.min.js")
    text = (ROOT / src).read_text(encoding="utf-8")
    for needle in ("importScripts", "new Worker", "fetch(", "XMLHttpRequest", "import("):
        assert needle not in text, needle
    urls = set(re.findall(r"https?://[^\s\"')]+", text))
    assert urls <= {
        "http://en.wikipedia.org/wiki/MIT_License",
        "http://engelschall.com",
        "http://opensource.org/licenses/MIT",
    }, urls  # licence comments only
