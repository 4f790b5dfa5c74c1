"""Concept-graph data for the browser: each page's neighbourhood and the explorer's whole graph.

A pure module: it reads a :class:`~macros.site.Site` (its graph and mapping
index) and returns text; ``docs/assets/graph.js`` draws it. :class:`GraphData`
makes the edge list and an undirected adjacency in one pass over the graph;
a neighbourhood is then read from its node's adjacency and its neighbours'
own, so a page costs what its neighbourhood holds, never the size of the
graph. COMPEL stages and pillars and framework nodes link to almost
everything, so depth 2 never passes through them (it would draw noise and
make every page cost the size of the glossary).

Data files are small JavaScript files that hand one JSON object to
``window.kbGraphData``: a ``<script>`` element loads them from ``file://``
(the offline zip) too, where ``fetch`` is refused. The JSON has ``<``, ``>``,
``&`` and the JavaScript line separators escaped, so text from YAML stays
inside its string literal whatever it holds, and the browser draws it as text.
"""

from __future__ import annotations

import json
import math
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from typing import NamedTuple

from .. import graph as kg
from ..site import Site
from ..vocab import CATEGORIES, FRAMEWORKS, MAPPING_RELATIONS, REFERENCE_RELATIONS
from . import paths
from .clause import heading
from .graphlayout import explorer_groups, layout

#: At most this many neighbours drawn at depth 1, and at depth 2, on a page's graph.
MAX_DEPTH1 = 40
MAX_DEPTH2 = 25
#: Depth-2 candidates are scored through each neighbour's this many strongest links.
STRONGEST = 8
#: Size budget of one page's data file, in bytes.
MAX_BYTES = 20_000
#: Summaries are clipped (the node's own page has the full text): by depth, and in the explorer.
SUMMARY_CHARS = {0: 200, 1: 140, 2: 90}
EXPLORER_SUMMARY_CHARS = 160
#: Above this many nodes the explorer draws groups instead of single nodes (see graph.js).
EXPLORER_CAP = 500
#: Node kinds whose neighbours are not followed to depth 2.
HUB_KINDS = frozenset({"framework", "stage", "pillar"})
#: Relations left out of the drawing: "not related" rows state an absence, decision guides have pages
#: of their own and cite nodes rather than relate them.
SKIPPED_RELATIONS = frozenset({"not-related", kg.CITES})


@dataclass(frozen=True)
class Rel:
    """How a relation is named and drawn, and how strongly it ties two nodes (ranks neighbours)."""

    label: str
    family: str
    color: str
    line: str
    weight: int


#: Every relation the drawing knows, in legend order. Colours keep at least 3:1 against white
#: (WCAG 1.4.11); the line style tells the families apart without colour.
RELATIONS: dict[str, Rel] = {
    "broader": Rel("Broader", "term", "#1b7a34", "solid", 9),
    "narrower": Rel("Narrower", "term", "#4e8a1e", "solid", 9),
    "part-of": Rel("Part of", "term", "#795548", "solid", 8),
    "related": Rel("Related", "term", "#00796b", "solid", 7),
    "alternative-to": Rel("Alternative to", "term", "#00838f", "solid", 6),
    "contrasts-with": Rel("Contrasts with", "term", "#c62828", "solid", 6),
    "defined-in": Rel(REFERENCE_RELATIONS["defined-in"], "reference", "#283593", "solid", 9),
    "obligation-in": Rel(REFERENCE_RELATIONS["obligation-in"], "reference", "#ad1457", "solid", 8),
    "addressed-by": Rel(REFERENCE_RELATIONS["addressed-by"], "reference", "#d84315", "solid", 6),
    "related-to": Rel(REFERENCE_RELATIONS["related-to"], "reference", "#546e7a", "solid", 5),
    "equal": Rel(MAPPING_RELATIONS["equal"], "mapping", "#4527a0", "dashed", 9),
    "subset-of": Rel(MAPPING_RELATIONS["subset-of"], "mapping", "#6a1b9a", "dashed", 8),
    "superset-of": Rel(MAPPING_RELATIONS["superset-of"], "mapping", "#8e24aa", "dashed", 8),
    "intersects-with": Rel(MAPPING_RELATIONS["intersects-with"], "mapping", "#7b5ea7", "dashed", 6),
    kg.COMPEL_STAGE: Rel("Applied in stage", "compel", "#9e6a00", "dotted", 3),
    kg.COMPEL_PILLAR: Rel("Belongs to pillar", "compel", "#8d6e63", "dotted", 3),
    kg.IN_FRAMEWORK: Rel("In framework", "hierarchy", "#757575", "solid", 4),
}
_OTHER = Rel("Other", "other", "#757575", "solid", 1)

#: Node kinds: label (singular, plural), and the colour and shape of a node of that kind.
KINDS: dict[str, tuple[str, str]] = {
    "term": ("term", "terms"),
    "clause": ("clause", "clauses"),
    "stage": ("COMPEL stage", "COMPEL stages"),
    "pillar": ("COMPEL pillar", "COMPEL pillars"),
    "framework": ("framework", "frameworks"),
}
#: Node colour by framework (clauses) or kind; all at least 3:1 against white.
NODE_COLORS: dict[str, str] = {
    "term": "#00695c",
    "eu-ai-act": "#1565c0",
    "nist-ai-rmf": "#2e7d32",
    "iso-42001": "#bf360c",
    "compel": "#6a1b9a",
    "framework": "#37474f",
}


def rel(relation: str) -> Rel:
    """How ``relation`` is drawn (an unknown relation is drawn plainly, never dropped)."""
    return RELATIONS.get(relation, _OTHER)


@dataclass(frozen=True)
class Node:
    """A drawable node: graph key, short label, full title, kind, framework, sub-kind, summary."""

    id: str
    label: str
    title: str
    kind: str
    framework: str
    sub: str
    summary: str
    group: str


class Edge(NamedTuple):
    """A drawable edge, read "source relation target" (a named tuple: tens of thousands are made)."""

    source: str
    target: str
    relation: str
    inferred: bool = False
    strength: int = 0

    @property
    def weight(self) -> float:
        """How strongly the edge ties its ends: the relation's weight, refined by mapping strength."""
        return rel(self.relation).weight + self.strength / 10 - (2 if self.inferred else 0)


@dataclass(frozen=True)
class Neighbourhood:
    """What one page's graph draws: the node, its strongest neighbours by depth, and honest totals."""

    node: str
    drawn: tuple[tuple[str, int], ...]  # (node, depth): the node first, then depth 1, then depth 2
    edges: tuple[int, ...]  # indexes into GraphData.edges, both ends drawn
    near: Counter  # every neighbour, by kind
    far: Counter  # every node two links away (through non-hub neighbours), by kind
    numbers: tuple[int, ...] = field(default=(), repr=False, compare=False)  # drawn, as GraphData numbers


class GraphData:
    """The drawable graph, prepared once per build; neighbourhoods and the explorer read it.

    Internally nodes are numbered and each one's adjacency is a list of ``(other, weight, edge)``
    tuples, so reading a neighbourhood is tight loops over small lists.
    """

    def __init__(self, site: Site, directory_urls: bool = True):
        self.nodes: dict[str, Node] = _nodes(site)
        self.edges: list[Edge] = _edges(site, self.nodes)
        self.urls = url_templates(directory_urls)
        ids = self._ids = list(self.nodes)
        number = self._number = {n: k for k, n in enumerate(ids)}
        adj: list[list[tuple[int, float]]] = [[] for _ in ids]
        pairs: dict[tuple[int, int], list[int]] = {}
        weights = {r: rel(r).weight for r in {e.relation for e in self.edges}}
        for i, e in enumerate(self.edges):
            s, t = number[e.source], number[e.target]
            w = weights[e.relation] + e.strength / 10 - (2 if e.inferred else 0)
            adj[s].append((t, w))
            if t != s:
                adj[t].append((s, w))
            # Both orders share one list, so look-ups need no min/max.
            links = pairs.get((s, t))
            if links is None:
                links = pairs[(s, t)] = pairs[(t, s)] = []
            links.append(i)
        # Frozen as tuples: the cyclic garbage collector stops tracking tuples of numbers, so these
        # tens of thousands of containers cost nothing in the collections the rest of the build runs.
        self._adj = [tuple(links) for links in adj]
        self._pairs = {k: tuple(v) for k, v in pairs.items()}
        self._neighbours = [frozenset(o for o, _ in links) for links in adj]
        self._degree = [len(links) for links in adj]
        # Each edge's ends (as numbers), relation and the JSON that closes it, for the data files.
        self._edge_src = [number[e.source] for e in self.edges]
        self._edge_tgt = [number[e.target] for e in self.edges]
        self._edge_rel = [e.relation for e in self.edges]
        self._edge_tail = [",1]" if e.inferred else "]" for e in self.edges]
        self._damping = [math.log2(2 + len(links)) for links in adj]
        self._hub = [self.nodes[n].kind in HUB_KINDS for n in ids]
        self._kind = [self.nodes[n].kind for n in ids]
        self._framework = [self.nodes[n].framework for n in ids]
        by_label = sorted(range(len(ids)), key=lambda k: (self.nodes[ids[k]].label.casefold(), k))
        self._rank = [0] * len(ids)
        for r, k in enumerate(by_label):
            self._rank[k] = r
        # Each node's strongest links, the only ones that score depth-2 candidates.
        rank = self._rank
        self._strongest = [
            () if hub else tuple(sorted(links, key=lambda x: (-x[1], rank[x[0]]))[:STRONGEST])
            for links, hub in zip(adj, self._hub, strict=True)
        ]
        self._entries: dict[tuple[int, int], tuple[str, int]] = {}
        self._heads: dict[tuple, tuple[str, dict[str, int]]] = {}

    def degree(self, node: str) -> int:
        """How many links a node has in the drawable graph."""
        return len(self._adj[self._number[node]])

    def neighbourhood(self, node: str) -> Neighbourhood:
        """The node, its neighbours and theirs, strongest first, within the caps and the byte budget."""
        c = self._number[node]
        adj, rank, nbrs = self._adj, self._rank, self._neighbours
        near: dict[int, float] = {}
        for o, w in adj[c]:
            if w > near.get(o, -1.0):
                near[o] = w
        near.pop(c, None)
        degree = self._degree
        kept1 = [o for *_, o in sorted([(-w, -degree[o], rank[o], o) for o, w in near.items()])[:MAX_DEPTH1]]
        pivots = [p for p in kept1 if not self._hub[p]]
        # Every node two links away (through drawn, non-hub neighbours) counts; set operations keep
        # this at C speed however large the union.
        everything = set().union(*(nbrs[p] for p in pivots))
        everything.difference_update(near)
        everything.discard(c)
        # Depth 2 scores a node by the strong links it shares with this one's neighbours, each shared
        # neighbour counting less the more links it has (Adamic-Adar), so specific links beat generic ones.
        far: defaultdict[int, float] = defaultdict(float)
        damping, strongest = self._damping, self._strongest
        for p in pivots:
            share = near[p] / damping[p]
            for q, w in strongest[p]:
                if q in everything:
                    far[q] += share * w
        # Sorting tuples compares in C; a key function would cost a Python call per candidate.
        kept2 = [q for _, _, q in sorted([(-score, rank[q], q) for q, score in far.items()])[:MAX_DEPTH2]]
        order = [(c, 0), *((p, 1) for p in kept1), *((q, 2) for q in kept2)]
        drawn, edges = self._within_budget(order, self._edges_among(c, kept1, pivots, kept2))
        kind = self._kind
        ids = self._ids
        return Neighbourhood(
            node,
            tuple((ids[n], d) for n, d in drawn),
            tuple(edges),
            Counter(map(kind.__getitem__, near)),
            Counter(map(kind.__getitem__, everything)),
            tuple(n for n, _ in drawn),
        )

    def _edges_among(self, c: int, kept1: list[int], pivots: list[int], kept2: list[int]):
        """Edges from the node to depth 1 and from depth 1 to depth 2, as ``(edge, a, b)``.

        Links among the neighbours themselves are left out: drawn, they cross the ring as a tangle,
        and the neighbours' own pages show them.
        """
        pairs, nbrs = self._pairs, self._neighbours
        out = [(i, c, p) for p in kept1 for i in pairs[(c, p)]]
        pivot_set = set(pivots)
        for q in kept2:
            for p in nbrs[q] & pivot_set:
                out += [(i, p, q) for i in pairs[(p, q)]]
        return out

    def _within_budget(self, order: list[tuple[int, int]], edges: list[tuple[int, int, int]]):
        """Keep nodes in rank order while the data file stays within :data:`MAX_BYTES`."""
        position = {n: k for k, (n, _) in enumerate(order)}
        by_last: dict[int, list[int]] = {}
        for i, a, b in edges:
            pa, pb = position[a], position[b]
            last = pa if pa > pb else pb
            mine = by_last.get(last)
            if mine is None:
                by_last[last] = [i]
            else:
                mine.append(i)
        budget = MAX_BYTES - _HEADER_RESERVE
        used, drawn, kept = 0, [], []
        entries, entry = self._entries, self._entry_json
        for k, node in enumerate(order):
            mine = by_last.get(k, ())
            # An edge is "[a,b,r]" (r: the relation's place in the file's legend, one or two digits).
            size = (entries.get(node) or entry(*node))[1]
            cost = size + 1 + len(mine) * _EDGE_BYTES[k] if mine else size + 1
            if used + cost > budget and drawn:
                break  # keep the rank order honest: a weaker node never replaces a stronger one
            used += cost
            drawn.append(node)
            if mine:
                kept.extend(mine)
        kept.sort()
        return drawn, kept

    def prepare(self) -> None:
        """Make every node's entry at every depth now (before the plan forks, so no part makes one twice)."""
        for n in range(len(self._ids)):
            for depth in SUMMARY_CHARS:
                self._entry_json(n, depth)

    def _entry_json(self, n: int, depth: int) -> tuple[str, int]:
        """A node's entry at a depth as JSON text, and its size in bytes (made once per build)."""
        key = (n, depth)
        found = self._entries.get(key)
        if found is None:
            text = _dumps(self._entry(self._ids[n], depth))
            found = self._entries[key] = (text, len(text.encode("utf-8")))
        return found

    def _entry(self, node: str, depth: int | None = None) -> dict:
        n = self.nodes[node]
        out: dict = {"id": n.id, "l": n.label, "k": n.kind}
        if n.title != n.label:
            out["t"] = n.title
        if n.framework:
            out["f"] = n.framework
        if n.sub:
            out["c"] = n.sub
        limit = EXPLORER_SUMMARY_CHARS if depth is None else SUMMARY_CHARS[depth]
        if n.summary:
            out["s"] = clip(n.summary, limit)
        if depth is not None:
            out["d"] = depth
        return out

    def local_json(self, nb: Neighbourhood) -> str:
        """The JSON text of one page's data file (assembled from node entries made once per build)."""
        numbers = nb.numbers or tuple(self._number[n] for n, _ in nb.drawn)
        kinds = frozenset(map(self._kind.__getitem__, numbers))
        frameworks = frozenset(map(self._framework.__getitem__, numbers))
        relations = frozenset(map(self._edge_rel.__getitem__, nb.edges))
        key = (kinds, frameworks, relations)
        head = self._heads.get(key)
        if head is None:
            legend = self._legend_of(kinds, frameworks, relations)
            # Pages share a handful of legends: each is serialised once.
            head = self._heads[key] = (_dumps(legend)[1:-1], {r[0]: k for k, r in enumerate(legend["rel"])})
        legend_json, rel_index = head
        index = {n: k for k, n in enumerate(numbers)}
        entries, entry = self._entries, self._entry_json
        nodes = ",".join(
            (entries.get((n, d)) or entry(n, d))[0] for n, (_, d) in zip(numbers, nb.drawn, strict=True)
        )
        src, tgt, rel, tail = self._edge_src, self._edge_tgt, self._edge_rel, self._edge_tail
        edges = ",".join(f"[{index[src[i]]},{index[tgt[i]]},{rel_index[rel[i]]}{tail[i]}" for i in nb.edges)
        total = f"[{sum(nb.near.values())},{sum(nb.far.values())}]"
        return f'{{"v":1,"id":{_dumps(nb.node)},{legend_json},"total":{total},"n":[{nodes}],"e":[{edges}]}}'

    def _legend(self, nodes, edges: list[Edge]) -> dict:
        kinds = frozenset(self.nodes[n].kind for n in nodes)
        frameworks = frozenset(self.nodes[n].framework for n in nodes)
        return self._legend_of(kinds, frameworks, frozenset(e.relation for e in edges))

    def _legend_of(self, kinds, frameworks, relations) -> dict:
        """URL templates, and the relations, frameworks and kinds that occur, in legend order."""
        return {
            "urls": self.urls,
            "rel": [
                _relation(r) for r in (*RELATIONS, *sorted(set(relations) - set(RELATIONS))) if r in relations
            ],
            "fw": [
                [f, FRAMEWORKS.get(f, f), NODE_COLORS.get(f, NODE_COLORS["framework"])]
                for f in FRAMEWORKS
                if f in frameworks
            ],
            "kinds": [[k, *KINDS[k], _node_color(k, "")] for k in KINDS if k in kinds],
        }

    def explorer_data(self) -> dict:
        """The JSON object of the explorer's one data file: every node, edge and group, laid out."""
        groups = explorer_groups(self.nodes)
        gindex = {g.id: k for k, g in enumerate(groups)}
        positions, centres = layout(groups, self.nodes)
        order = [n for g in groups for n in g.members] + [
            n for n in self.nodes if self.nodes[n].kind == "framework"
        ]
        index = {n: k for k, n in enumerate(order)}
        legend = self._legend(order, self.edges)
        rel_index = {r[0]: k for k, r in enumerate(legend["rel"])}
        nodes = []
        for n in order:
            entry = self._entry(n)
            entry["g"] = gindex.get(self.nodes[n].group, -1)
            entry["x"], entry["y"] = positions[n]
            nodes.append(entry)
        return {
            "v": 1,
            "id": "explorer",
            **legend,
            "cap": EXPLORER_CAP,
            "hubs": sorted(HUB_KINDS),
            "groups": [
                {
                    "id": g.id,
                    "l": g.label,
                    "k": g.kind,
                    "f": g.framework,
                    "n": len(g.members),
                    "x": centres[g.id][0],
                    "y": centres[g.id][1],
                    "r": centres[g.id][2],
                    "w": centres[g.id][3],
                }
                for g in groups
            ],
            "n": nodes,
            "e": [_edge(e, index, rel_index) for e in self.edges],
        }


# ---- nodes and edges ------------------------------------------------------------------


def _nodes(site: Site) -> dict[str, Node]:
    kb = site.kb
    out: dict[str, Node] = {}
    for t in sorted(kb.terms.values(), key=lambda t: t.term.casefold()):
        out[t.id] = Node(
            t.id, t.term, t.term, "term", "", CATEGORIES[t.category], t.summary, f"term:{t.category}"
        )
    for c in kb.clauses.values():
        kind = c.kind if c.framework == "compel" and c.kind in ("stage", "pillar") else "clause"
        out[c.ref] = Node(c.ref, c.code, heading(c), kind, c.framework, c.kind, c.summary, _group_of(site, c))
    for fw in kb.frameworks.values():
        key = kg.framework_node(fw.id)
        out[key] = Node(key, fw.name, fw.full_title or fw.name, "framework", fw.id, "", fw.summary, "")
    return out


def _group_of(site: Site, c) -> str:
    """The explorer group of a clause: its top ancestor with children, else its framework's loose items."""
    ancestors = site.kb.ancestors(c.ref)
    root = ancestors[0] if ancestors else c
    if site.kb.children.get(root.ref):
        return f"group:{root.ref}"
    return f"loose:{c.framework}:{c.kind}"


def _edges(site: Site, nodes: dict[str, Node]) -> list[Edge]:
    out: list[Edge] = []
    seen: set[tuple[str, str, str]] = set()
    found = [
        (s, t, d["relation"], False, int(d.get("strength") or 0)) for s, t, d in site.graph.edges(data=True)
    ]
    # Inferred mappings live in the mapping index only; drawn dashed and flagged as inferred.
    found += [(m.source, m.target, m.relation, True, m.strength) for m in site.mappings.inferred]
    for s, t, relation, inferred, strength in found:
        key = (s, t, relation)
        if relation in SKIPPED_RELATIONS or key in seen or s not in nodes or t not in nodes:
            continue
        seen.add(key)
        out.append(Edge(s, t, relation, inferred, strength))
    return out


def url_templates(directory_urls: bool) -> dict[str, str]:
    """Root-relative page URLs by node kind, with ``{id}`` and ``{fw}`` for the browser to fill in."""
    return {
        "term": paths.page_url(paths.term("{id}"), directory_urls),
        "clause": paths.page_url(paths.clause_in("{fw}", "{id}"), directory_urls),
        "framework": paths.page_url(paths.framework("{fw}"), directory_urls),
    }


def _node_color(kind: str, framework: str) -> str:
    if kind == "clause":
        return NODE_COLORS.get(framework, NODE_COLORS["framework"])
    if kind in ("stage", "pillar"):
        return NODE_COLORS["compel"]
    return NODE_COLORS.get(kind, NODE_COLORS["framework"])


def _relation(relation: str) -> list:
    r = rel(relation)
    return [relation, r.label, r.family, r.color, r.line]


def _edge(e: Edge, index: dict[str, int], rel_index: dict[str, int]) -> list:
    """``[source, target, relation]`` by position in the file's node list and legend (``1``: inferred)."""
    return [index[e.source], index[e.target], rel_index[e.relation], *([1] if e.inferred else [])]


#: Bytes kept for a data file's header (legend, URL templates, summary) out of :data:`MAX_BYTES`.
_HEADER_RESERVE = 2_500
#: Bytes an edge to the node at position k costs at most: "[a,b,r]," with a and b up to k's digits.
_EDGE_BYTES = tuple(2 * len(str(k)) + 7 for k in range(1 + MAX_DEPTH1 + MAX_DEPTH2 + 1))


# ---- text -------------------------------------------------------------------------------


def clip(text: str, limit: int) -> str:
    """``text`` on one line, cut at a word boundary to at most ``limit`` characters (with "…")."""
    flat = " ".join(str(text).split())
    if len(flat) <= limit:
        return flat
    cut = flat[: limit - 1].rsplit(" ", 1)[0].rstrip(",;:.")
    return cut + "…"


def _dumps(value) -> str:
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"))
    for raw, escaped in (
        ("<", "\\u003c"),
        (">", "\\u003e"),
        ("&", "\\u0026"),
        ("\u2028", "\\u2028"),
        ("\u2029", "\\u2029"),
    ):
        text = text.replace(raw, escaped)
    return text


def data_file(key: str, json_text: str) -> str:
    """A data file: one JSON object handed to ``window.kbGraphData[key]`` (loadable from file://)."""
    return f"(window.kbGraphData=window.kbGraphData||{{}})[{_dumps(key)}]={json_text};\n"


def explorer_json(data: GraphData) -> str:
    """The JSON text of the explorer's data file."""
    return _dumps(data.explorer_data())
